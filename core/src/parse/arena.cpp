// The parse arena: see arena.h.
#include "parse/arena.h"

#include <bit>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#if defined(__SANITIZE_ADDRESS__)
#define GALLEY_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GALLEY_ASAN 1
#endif
#endif
#ifdef GALLEY_ASAN
#include <sanitizer/asan_interface.h>
#endif

namespace galley::parse {
namespace {

constexpr size_t kAlign = Arena::kAlign;
// Each block's capacity is kept in front of it.
constexpr size_t kHeader = kAlign;
// Larger requests are refused, so that no size computation below can overflow.
constexpr size_t kMaxBlock = SIZE_MAX / 4;

size_t capacity_for(size_t size) {
  return size == 0 ? kAlign : (size + kAlign - 1) & ~(kAlign - 1);
}

size_t& capacity_of(char* block) { return *reinterpret_cast<size_t*>(block - kHeader); }

// Freed blocks wait in slots: one per capacity up to kSmallMax (in steps of the alignment), then
// one per power of two. A block is kept in the slot of the largest size it can hold, and a request
// looks in the slot whose every block can hold it.
constexpr size_t kSmallSlots = Arena::kSmallMax / kAlign + 1;
constexpr int kSmallBits = std::bit_width(Arena::kSmallMax) - 1;

size_t slot_of(size_t capacity) {
  if (capacity <= Arena::kSmallMax) return capacity / kAlign;
  return kSmallSlots + static_cast<size_t>(std::bit_width(capacity) - 1 - kSmallBits);
}

size_t slot_for(size_t capacity) {
  if (capacity <= Arena::kSmallMax) return capacity / kAlign;
  return kSmallSlots + static_cast<size_t>(std::bit_width(capacity - 1) - kSmallBits);
}

// Under AddressSanitizer, the room of a chunk that no block holds, and the bytes of a freed
// block, may not be touched: the parser's overruns and uses after free are still found.
void poison(char* p, size_t n) {
#ifdef GALLEY_ASAN
  ASAN_POISON_MEMORY_REGION(p, n);
#else
  (void)p;
  (void)n;
#endif
}

void unpoison(char* p, size_t n) {
#ifdef GALLEY_ASAN
  ASAN_UNPOISON_MEMORY_REGION(p, n);
#else
  (void)p;
  (void)n;
#endif
}

}  // namespace

// The first kHeader bytes of a chunk: the chunk before it, and its size.
struct ChunkHead {
  char* before;
  size_t size;
};
static_assert(sizeof(ChunkHead) <= kHeader);

Arena::~Arena() {
  while (chunks_ != nullptr) {
    ChunkHead head;
    std::memcpy(&head, chunks_, sizeof head);
    unpoison(chunks_, head.size);
    std::free(chunks_);
    chunks_ = head.before;
  }
}

char* Arena::grow(size_t need) {
  size_t size = next_chunk_;
  while (size < kHeader + need) size *= 2;
  auto* data = static_cast<char*>(std::malloc(size));
  if (data == nullptr) return nullptr;
  const ChunkHead head{chunks_, size};
  std::memcpy(data, &head, sizeof head);
  chunks_ = data;
  poison(data + kHeader, size - kHeader);
  reserved_ += size;
  next_chunk_ = size * 2;
  top_ = data + kHeader;
  end_ = data + size;
  last_ = nullptr;
  return top_;
}

char* Arena::take(size_t capacity) {
  char*& reuse = free_[slot_for(capacity)];
  char* block = reuse;
  if (block != nullptr) {
    unpoison(block - kHeader, kHeader);
    unpoison(block, capacity_of(block));
    std::memcpy(&reuse, block, sizeof(char*));
  } else {
    const size_t need = kHeader + capacity;
    char* at = top_;
    if (at == nullptr || static_cast<size_t>(end_ - at) < need) {
      at = grow(need);
      if (at == nullptr) return nullptr;
    }
    unpoison(at, need);
    block = at + kHeader;
    capacity_of(block) = capacity;
    top_ = at + need;
    last_ = block;
  }
  in_use_ += kHeader + capacity_of(block);
  return block;
}

void* Arena::allocate(size_t size) {
  if (size > kMaxBlock) return nullptr;
  const size_t capacity = capacity_for(size);
  char* block = take(capacity);
  if (block != nullptr) std::memset(block, 0, capacity);
  return block;
}

void* Arena::reallocate(void* block, size_t size) {
  if (size > kMaxBlock) return nullptr;
  // A new block, as from realloc(): not zeroed (the parser's buffers start this way).
  if (block == nullptr) return take(capacity_for(size));
  char* b = static_cast<char*>(block);
  const size_t capacity = capacity_of(b);
  if (size <= capacity) return b;
  const size_t wanted = capacity_for(size);
  if (b == last_ && static_cast<size_t>(end_ - b) >= wanted) {
    unpoison(b + capacity, wanted - capacity);
    capacity_of(b) = wanted;
    top_ = b + wanted;
    in_use_ += wanted - capacity;
    return b;
  }
  char* moved = take(wanted);
  if (moved == nullptr) return nullptr;
  std::memcpy(moved, b, capacity);
  release(b);
  return moved;
}

void Arena::release(void* block) {
  if (block == nullptr) return;
  char* b = static_cast<char*>(block);
  const size_t capacity = capacity_of(b);
  in_use_ -= kHeader + capacity;
  if (b == last_) {
    top_ = b - kHeader;
    last_ = nullptr;
    poison(top_, kHeader + capacity);
    return;
  }
  char*& reuse = free_[slot_of(capacity)];
  std::memcpy(b, &reuse, sizeof(char*));
  reuse = b;
  poison(b - kHeader, kHeader);
  poison(b + sizeof(char*), capacity - sizeof(char*));
}

}  // namespace galley::parse
