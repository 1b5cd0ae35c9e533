// Tests of source normalisation and UTF-16 positions.
#include "source.h"

#include <catch2/catch.hpp>

using galley::detail::SourceText;

TEST_CASE("positions count UTF-16 units per line", "[source]") {
  // "é" is 2 bytes / 1 unit; "😀" is 4 bytes / 2 units.
  SourceText s("a\xC3\xA9 b\n\xF0\x9F\x98\x80x\r\ny");
  REQUIRE(s.line_count() == 3);
  const auto x = s.position(static_cast<uint32_t>(s.text().find('x')));
  CHECK(x.line == 2);
  CHECK(x.column == 3);
  CHECK(x.offset == 7);  // a é ␠ b \n 😀(2) → 7
  const auto y = s.position(static_cast<uint32_t>(s.text().find('y')));
  CHECK(y.line == 3);
  CHECK(y.column == 1);
  CHECK(y.offset == 10);
  CHECK(s.byte_offset(7) == s.text().find('x'));
}

TEST_CASE("invalid UTF-8 becomes one U+FFFD per maximal subpart", "[source]") {
  // overlong "/" (C0 AF), a surrogate (ED A0 80), a truncated 3-byte sequence (E2 82), NUL
  SourceText s(
      std::string("a\xC0\xAF"
                  "b\xED\xA0\x80"
                  "c\xE2\x82"
                  "d\0e",
                  13));
  CHECK(s.text() ==
        "a\xEF\xBF\xBD\xEF\xBF\xBD"
        "b\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
        "c\xEF\xBF\xBD"
        "d\xEF\xBF\xBD"
        "e");
  CHECK(s.replaced().size() == 7);
}

TEST_CASE("a byte-order mark is set aside but counted as JavaScript counts it", "[source]") {
  SourceText s(
      "\xEF\xBB\xBF"
      "ab\ncd");
  CHECK(s.text() == "ab\ncd");
  CHECK(s.had_bom());
  const auto b = s.position(1);
  CHECK(b.column == 3);
  CHECK(b.offset == 2);
  const auto c = s.position(3);
  CHECK(c.line == 2);
  CHECK(c.column == 1);
  CHECK(c.offset == 4);
}

TEST_CASE("lone CR and CRLF both end lines", "[source]") {
  SourceText s("a\rb\r\nc\nd");
  CHECK(s.line_count() == 4);
  CHECK(s.line_end(1) == 1);
  CHECK(s.line_start(3) == 5);
}

TEST_CASE("long lines keep exact offsets past checkpoints", "[source]") {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "\xC3\xA9";  // 2000 units in 4000 bytes
  text += "z";
  SourceText s(text);
  const auto z = s.position(4000);
  CHECK(z.offset == 2000);
  CHECK(z.column == 2001);
  CHECK(s.byte_offset(2000) == 4000);
}

namespace {

// One piece of generated input: its bytes, and what normalisation turns them into.
struct Piece {
  std::string_view raw;
  std::string_view normalised;
};

}  // namespace

TEST_CASE("positions and normalisation agree with a character-by-character count", "[source]") {
  // The constructor copies runs of plain bytes eight at a time and all-ASCII text skips the
  // UTF-16 checkpoints: both paths must give what a walk over every character gives.
  constexpr std::string_view kFffd = "\xEF\xBF\xBD";
  const Piece pieces[] = {
      {"a", "a"},
      {"Word words ", "Word words "},
      {"abcdefghijklmnopqrstuvwxyz0123456789", "abcdefghijklmnopqrstuvwxyz0123456789"},
      {"\n", "\n"},
      {"\r\n", "\r\n"},
      {"\r", "\r"},
      {"\xC3\xA9", "\xC3\xA9"},
      {"\xE2\x80\x9C", "\xE2\x80\x9C"},
      {"\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80"},
      {"\xFF", kFffd},
      {std::string_view("\0", 1), kFffd},
      {"\xE2\x80", kFffd},
  };
  uint32_t seed = 12345;
  const auto next = [&seed] {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) & 0x7FFF;
  };
  for (int round = 0; round < 400; ++round) {
    const bool bom = round % 5 == 0;
    const bool ascii_only = round % 3 == 0;
    std::string raw = bom ? "\xEF\xBB\xBF" : "";
    std::string expected;
    const int count = static_cast<int>(next() % 60);
    for (int k = 0; k < count; ++k) {
      const Piece& p = pieces[next() % (ascii_only ? 6 : std::size(pieces))];
      raw += p.raw;
      expected += p.normalised;
    }
    const SourceText s(raw);
    INFO("round " << round);
    REQUIRE(s.text() == expected);
    CHECK(s.had_bom() == bom);
    // Walk the characters: line, UTF-16 column and UTF-16 offset of every character start.
    uint32_t line = 1, column = bom ? 2 : 1, units = bom ? 1 : 0;
    const auto n = static_cast<uint32_t>(expected.size());
    for (uint32_t k = 0; k < n;) {
      const auto c = static_cast<unsigned char>(expected[k]);
      const galley::detail::Position p = s.position(k);
      REQUIRE(p.line == line);
      REQUIRE(p.column == column);
      REQUIRE(p.offset == units);
      REQUIRE(s.utf16_offset(k) == units);
      REQUIRE(s.byte_offset(units) == k);
      const uint32_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      const uint32_t width = len == 4 ? 2 : 1;
      units += width;
      column += width;
      const bool crlf = c == '\r' && k + 1 < n && expected[k + 1] == '\n';
      if ((c == '\n' || (c == '\r' && !crlf)) && k + 1 < n) {
        ++line;
        column = 1;
      }
      k += len;
    }
    CHECK(s.utf16_length() == units);
    CHECK(s.line_count() == line);
  }
}
