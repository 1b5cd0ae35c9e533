// Tests of text_util.h: TextMap (the plain text of inlines and its map back to source bytes,
// for texts of no piece, one piece, held without a vector, and several) and slugify.
#include "text_util.h"

#include <catch2/catch.hpp>

namespace {

using galley::Inline;
using galley::InlineKind;
using galley::Inlines;
using galley::detail::slugify;
using galley::detail::TextMap;

Inline text(std::string t, uint32_t at) {
  Inline in;
  in.kind = InlineKind::text;
  in.range = {at, static_cast<uint32_t>(at + t.size())};
  in.text = std::move(t);
  in.verbatim = true;
  return in;
}

}  // namespace

TEST_CASE("TextMap of no inlines is empty and maps to 0", "[text-map]") {
  const TextMap map(Inlines{});
  CHECK(map.text().empty());
  CHECK(map.source_offset(0) == 0);
  CHECK_FALSE(map.exact(0, 1));
}

TEST_CASE("TextMap of one text maps every byte", "[text-map]") {
  // "| cell |" with the cell's text at byte 40.
  const TextMap map(Inlines{text("cell", 40)});
  CHECK(map.text() == "cell");
  CHECK(map.source_offset(0) == 40);
  CHECK(map.source_offset(3) == 43);
  CHECK(map.source_offset(4) == 44);  // the end of the text
  CHECK(map.exact(1, 3));
  CHECK_FALSE(map.exact(2, 5));  // past the piece
  CHECK(map.source_range(1, 3).begin == 41);
  CHECK(map.source_range(1, 3).end == 43);
}

TEST_CASE("TextMap of several pieces maps each to its own source", "[text-map]") {
  // "Say *very* `x` now" at byte 100: text, emphasis over text, text, code, text.
  Inline emphasis;
  emphasis.kind = InlineKind::emphasis;
  emphasis.children.push_back(text("very", 105));
  emphasis.range = {104, 110};
  Inline code;
  code.kind = InlineKind::code;
  code.text = "x";
  code.range = {111, 114};
  const Inlines inlines{text("Say ", 100), emphasis, text(" ", 110), code, text(" now", 114)};
  const TextMap map(inlines);
  REQUIRE(map.text() == "Say very x now");
  CHECK(map.source_offset(0) == 100);
  CHECK(map.source_offset(4) == 105);  // "very", inside the emphasis
  CHECK(map.source_offset(7) == 108);
  CHECK(map.source_offset(8) == 110);  // the space after it
  CHECK(map.source_offset(9) == 111);  // the code span: its start, not verbatim
  CHECK(map.source_offset(11) == 115);
  CHECK(map.exact(4, 8));
  CHECK_FALSE(map.exact(9, 10));  // code is not verbatim
  // Across pieces: from the first mapped byte to the last.
  CHECK(map.source_range(0, 8).begin == 100);
  CHECK(map.source_range(0, 8).end == 109);
  // A copy and a move keep the map (a one-piece map holds its piece in itself).
  TextMap copy = map;
  const TextMap moved = std::move(copy);
  CHECK(moved.source_offset(11) == 115);
  const TextMap one(Inlines{text("cell", 40)});
  TextMap one_copy = one;
  const TextMap one_moved = std::move(one_copy);
  CHECK(one_moved.source_offset(2) == 42);
}

TEST_CASE("slugify lowers letters and joins words with one dash", "[slug]") {
  const std::string u_upper = "\xC3\x9C", u_lower = "\xC3\xBC", sharp_s = "\xC3\x9F";
  CHECK(slugify("Hello, World!") == "hello-world");
  CHECK(slugify("  Key   Takeaways  ") == "key-takeaways");
  CHECK(slugify("a_b-c") == "a-b-c");
  CHECK(slugify(u_upper + "ber die Stra" + sharp_s + "e") ==
        u_lower + "ber-die-stra" + sharp_s + "e");
  CHECK(slugify(std::string("\xC3\x80") + " la carte") == std::string("\xC3\xA0") + "-la-carte");
  CHECK(slugify(std::string("\xCE\xA9") + "mega") ==
        std::string("\xCE\xA9") + "mega");                                  // Greek kept
  CHECK(slugify(std::string("1\xC2\xA0") + "000 words") == "1-000-words");  // a no-break space
  CHECK(slugify("!!!").empty());
  CHECK(slugify("").empty());
}

TEST_CASE("slugify drops invalid bytes and never outgrows its input", "[slug]") {
  CHECK(slugify("\xFF\xFE"
                "abc\x80") == "abc");
  CHECK(slugify("caf\xC3") == "caf");  // a truncated character at the end
  // Every two-byte sequence, alone and between words: the slug is at most as long as the input.
  for (int a = 0x80; a < 0x100; ++a) {
    for (int b = 0x80; b < 0xC0; b += 7) {
      const std::string in = std::string("x ") + static_cast<char>(a) + static_cast<char>(b) + " y";
      const std::string out = slugify(in);
      CHECK(out.size() <= in.size());
      CHECK(out.substr(0, 2) == "x-");
    }
  }
}
