// Eight bytes at a time: word-sized tests that let byte scanners skip plain text quickly, in
// portable C++ (the same code natively and in WebAssembly, which has 64-bit integer operations).
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>

namespace galley::detail {

inline constexpr uint64_t kBytes8Ones = 0x0101010101010101ull;
inline constexpr uint64_t kBytes8High = 0x8080808080808080ull;

/// The eight bytes at `p` as one word (any alignment), the byte at the lowest address in the
/// lowest-order position on every machine (first_flagged() relies on it).
inline uint64_t load8(const void* p) {
  uint64_t x;
  std::memcpy(&x, p, sizeof x);
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

}  // namespace galley::detail
