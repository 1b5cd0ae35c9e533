// Memory for one parse: cmark-gfm's nodes and buffers all live until its tree is converted, so
// they are handed out in order from a few large chunks and released together, not one by one.
#pragma once

#include <array>
#include <cstddef>

namespace galley::parse {

/// A bump allocator with recycling. Blocks come in order from chunks of growing size and stay
/// until the arena goes. A freed block is kept for a later request it can hold (the parser frees
/// many as it goes: delimiters, table rows and their cells), by exact size up to kSmallMax bytes
/// and by power of two above; the last block handed out gives its room back at once. Resizing
/// the last block grows it in place (a growing buffer is the usual case); any other block that
/// grows moves.
class Arena {
 public:
  /// The alignment of every block.
  static constexpr size_t kAlign = alignof(std::max_align_t);
  /// Freed blocks up to this size are reused by exact size, larger ones by power of two.
  static constexpr size_t kSmallMax = 1024;

  /// `first_chunk`: bytes of the first chunk, taken on the first allocation.
  explicit Arena(size_t first_chunk) : next_chunk_(first_chunk) {}
  ~Arena();
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  /// A zeroed block of `size` bytes, aligned for any type; nullptr when memory is out.
  void* allocate(size_t size);
  /// `block` (from this arena, or nullptr) resized to `size` bytes, its bytes kept up to the
  /// smaller size; nullptr when memory is out (then `block` is unchanged). As with realloc(),
  /// the bytes beyond the old size (all of them, for nullptr) are not zeroed.
  void* reallocate(void* block, size_t size);
  /// Gives back `block` (from this arena, or nullptr).
  void release(void* block);
  /// Bytes held in chunks.
  size_t reserved() const { return reserved_; }
  /// Bytes of the blocks handed out and not given back, with their headers.
  size_t in_use() const { return in_use_; }

 private:
  // A new block of `capacity` bytes (a multiple of the alignment), not zeroed.
  [[gnu::noinline]] char* take(size_t capacity);  // one copy for allocate() and reallocate()
  // Room for `need` bytes in a new chunk: the chunk's first byte, or nullptr.
  [[gnu::noinline]] char* grow(size_t need);  // rare: kept out of the callers

  char* chunks_ = nullptr;  // the last chunk; each begins with the one before and its size
  std::array<char*, kSmallMax / kAlign + 1 + 64> free_{};  // freed blocks by slot (arena.cpp)
  char* top_ = nullptr;                                    // the first free byte of the last chunk
  char* end_ = nullptr;                                    // one past the last chunk
  char* last_ = nullptr;                                   // the last block taken from the chunk
  size_t next_chunk_;
  size_t reserved_ = 0;
  size_t in_use_ = 0;
};

}  // namespace galley::parse
