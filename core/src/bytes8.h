// Eight bytes at a time: word-sized tests that let byte scanners skip plain text quickly, in
// portable C++ (the same code natively and in WebAssembly, which has 64-bit integer operations).
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace galley::detail {

inline constexpr uint64_t kBytes8Ones = 0x0101010101010101ull;
inline constexpr uint64_t kBytes8High = 0x8080808080808080ull;

/// A word read from or written to any address, in memory order. __builtin_memcpy of a constant
/// size is one load or store, also where the standard memcpy is not a builtin: copy_bytes(),
/// compare_bytes() and find_byte() below are memcpy, memcmp and memchr themselves in the
/// WebAssembly build (wasm/mem.cpp, built with -fno-builtin).
template <typename Word>
inline Word load_word(const void* p) {
  Word x;
  __builtin_memcpy(&x, p, sizeof x);
  return x;
}
template <typename Word>
inline void store_word(void* p, Word x) {
  __builtin_memcpy(p, &x, sizeof x);
}

/// The eight bytes at `p` as one word (any alignment), the byte at the lowest address in the
/// lowest-order position on every machine (first_flagged() relies on it).
inline uint64_t load8(const void* p) {
  uint64_t x = load_word<uint64_t>(p);
  if constexpr (std::endian::native == std::endian::big) x = __builtin_bswap64(x);
  return x;
}

/// Non-zero when a byte of `x` equals `c`.
constexpr uint64_t has_byte(uint64_t x, unsigned char c) {
  const uint64_t y = x ^ (kBytes8Ones * c);
  return (y - kBytes8Ones) & ~y & kBytes8High;
}

/// Non-zero when a byte of `x` is below `n` (n at most 128).
constexpr uint64_t has_byte_below(uint64_t x, unsigned char n) {
  return (x - kBytes8Ones * n) & ~x & kBytes8High;
}

/// Non-zero when a byte of `x` is not ASCII.
constexpr uint64_t has_non_ascii(uint64_t x) { return x & kBytes8High; }

/// The index (0-7) of the first byte of a load8() word that a non-zero result of the tests above
/// (or of several OR-ed together) flags. The lowest-order flag is always exact: a borrow may also
/// flag a byte above a match, never one below it.
inline unsigned first_flagged(uint64_t flags) {
  return static_cast<unsigned>(std::countr_zero(flags)) >> 3;
}

/// Copies n bytes from s to d, which must not overlap, eight at a time whatever the addresses'
/// alignment: the last word ends at the last byte and may overlap the one before it, so no byte
/// loop is needed past the first eight. WebAssembly loads and stores at any address, and on the
/// machines that run it an unaligned word costs what an aligned one does.
inline void copy_bytes(unsigned char* d, const unsigned char* s, size_t n) {
  if (n >= 8) {
    const auto last = load_word<uint64_t>(s + n - 8);
    for (size_t i = 0; i + 8 < n; i += 8) store_word(d + i, load_word<uint64_t>(s + i));
    store_word(d + n - 8, last);
  } else if (n >= 4) {
    const auto first = load_word<uint32_t>(s);
    const auto last = load_word<uint32_t>(s + n - 4);
    store_word(d, first);
    store_word(d + n - 4, last);
  } else if (n > 0) {
    d[0] = s[0];
    d[n / 2] = s[n / 2];
    d[n - 1] = s[n - 1];
  }
}

/// memcmp's result for the n bytes at a and b (the difference of the first two bytes that
/// differ, as unsigned char, or 0), eight bytes at a time.
inline int compare_bytes(const unsigned char* a, const unsigned char* b, size_t n) {
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    const uint64_t x = load8(a + i) ^ load8(b + i);
    if (x != 0) {
      const size_t k = i + (static_cast<unsigned>(std::countr_zero(x)) >> 3);
      return static_cast<int>(a[k]) - static_cast<int>(b[k]);
    }
  }
  for (; i < n; ++i) {
    if (a[i] != b[i]) return static_cast<int>(a[i]) - static_cast<int>(b[i]);
  }
  return 0;
}

/// The first byte equal to c among the n at s, or null: eight bytes at a time.
inline const unsigned char* find_byte(const unsigned char* s, unsigned char c, size_t n) {
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    const uint64_t flags = has_byte(load8(s + i), c);
    if (flags != 0) return s + i + first_flagged(flags);
  }
  for (; i < n; ++i) {
    if (s[i] == c) return s + i;
  }
  return nullptr;
}

}  // namespace galley::detail
