// Tests of source normalisation and UTF-16 positions.
#include <catch2/catch.hpp>

#include "source.h"

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
  SourceText s(std::string("a\xC0\xAF" "b\xED\xA0\x80" "c\xE2\x82" "d\0e", 13));
  CHECK(s.text() ==
        "a\xEF\xBF\xBD\xEF\xBF\xBD" "b\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD" "c\xEF\xBF\xBD" "d\xEF\xBF\xBD" "e");
  CHECK(s.replaced().size() == 7);
}

TEST_CASE("a byte-order mark is set aside but counted as JavaScript counts it", "[source]") {
  SourceText s("\xEF\xBB\xBF" "ab\ncd");
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
