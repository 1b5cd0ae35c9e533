// Tests of the eight-byte helpers that the WebAssembly build uses as its memcpy, memcmp and
// memchr (wasm/mem.cpp): every length up to a few words, at every alignment of source and
// destination.
#include "bytes8.h"

#include <array>
#include <catch2/catch.hpp>
#include <cstring>

using galley::detail::compare_bytes;
using galley::detail::copy_bytes;
using galley::detail::find_byte;

TEST_CASE("copy_bytes copies every length at every alignment, and nothing more", "[bytes8]") {
  std::array<unsigned char, 128> source{};
  for (size_t i = 0; i < source.size(); ++i) source[i] = static_cast<unsigned char>(i * 7 + 1);
  for (size_t from = 0; from < 8; ++from) {
    for (size_t to = 0; to < 8; ++to) {
      for (size_t n = 0; n <= 70; ++n) {
        std::array<unsigned char, 128> dest;
        dest.fill(0xEE);
        copy_bytes(dest.data() + to, source.data() + from, n);
        INFO("from " << from << " to " << to << " length " << n);
        REQUIRE(std::memcmp(dest.data() + to, source.data() + from, n) == 0);
        // The bytes around the destination are untouched.
        for (size_t k = 0; k < to; ++k) REQUIRE(dest[k] == 0xEE);
        for (size_t k = to + n; k < dest.size(); ++k) REQUIRE(dest[k] == 0xEE);
      }
    }
  }
}

TEST_CASE("find_byte finds the first match at every position, and only within the length",
          "[bytes8]") {
  std::array<unsigned char, 80> text;
  for (size_t start = 0; start < 8; ++start) {
    for (size_t n = 0; n <= 40; ++n) {
      text.fill('a');
      INFO("start " << start << " length " << n);
      const unsigned char* s = text.data() + start;
      REQUIRE(find_byte(s, 'x', n) == nullptr);
      // A match just past the end is not found.
      text[start + n] = 'x';
      REQUIRE(find_byte(s, 'x', n) == nullptr);
      for (size_t at = 0; at < n; ++at) {
        text.fill('a');
        text[start + at] = 'x';
        if (at + 3 < n) text[start + at + 3] = 'x';  // a later match does not win
        REQUIRE(find_byte(s, 'x', n) == s + at);
        REQUIRE(find_byte(s, 'x', n) == std::memchr(s, 'x', n));
      }
    }
  }
  // Bytes above 0x7F, and a byte one above the one sought (the borrow of the word test).
  const unsigned char high[] = {0x80, 0xFE, 0xFF, 0x00, 0x01, 0xC3, 0xA9, 0xFF, 0x7F, 0x80};
  CHECK(find_byte(high, 0xFF, sizeof high) == high + 2);
  CHECK(find_byte(high, 0x00, sizeof high) == high + 3);
  CHECK(find_byte(high, 0xA9, sizeof high) == high + 6);
  CHECK(find_byte(high, 0x7F, sizeof high) == high + 8);
  CHECK(find_byte(high, 0x02, sizeof high) == nullptr);
}

TEST_CASE("compare_bytes orders as memcmp at every length and position of the difference",
          "[bytes8]") {
  const auto sign = [](int x) { return (x > 0) - (x < 0); };
  std::array<unsigned char, 80> a;
  std::array<unsigned char, 80> b;
  for (size_t start = 0; start < 8; ++start) {
    for (size_t n = 0; n <= 40; ++n) {
      for (size_t i = 0; i < a.size(); ++i) a[i] = b[i] = static_cast<unsigned char>(i * 13 + 5);
      INFO("start " << start << " length " << n);
      REQUIRE(compare_bytes(a.data() + start, b.data() + start, n) == 0);
      // A difference just past the end does not count.
      b[start + n] ^= 0xFF;
      REQUIRE(compare_bytes(a.data() + start, b.data() + start, n) == 0);
      b[start + n] = a[start + n];
      for (size_t at = 0; at < n; ++at) {
        for (const unsigned char other : {0x00, 0x7F, 0x80, 0xFF}) {
          if (other == a[start + at]) continue;
          b[start + at] = other;
          if (at + 1 < n) b[start + at + 1] = static_cast<unsigned char>(~a[start + at + 1]);
          const int want = std::memcmp(a.data() + start, b.data() + start, n);
          const int got = compare_bytes(a.data() + start, b.data() + start, n);
          REQUIRE(sign(got) == sign(want));
          REQUIRE(got == static_cast<int>(a[start + at]) - static_cast<int>(other));
          b[start + at] = a[start + at];
          if (at + 1 < n) b[start + at + 1] = a[start + at + 1];
        }
      }
    }
  }
}
