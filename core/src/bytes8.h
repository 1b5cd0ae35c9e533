// Eight bytes at a time: word-sized tests that let byte scanners skip plain text quickly, in
// portable C++ (the same code natively and in WebAssembly, which has 64-bit integer operations).
#pragma once

#include <cstdint>
#include <cstring>

namespace galley::detail {

inline constexpr uint64_t kBytes8Ones = 0x0101010101010101ull;
inline constexpr uint64_t kBytes8High = 0x8080808080808080ull;

/// The eight bytes at `p` as one word (any alignment).
inline uint64_t load8(const void* p) {
  uint64_t x;
  std::memcpy(&x, p, sizeof x);
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

}  // namespace galley::detail
