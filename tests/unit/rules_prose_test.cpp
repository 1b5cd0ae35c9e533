// Tests of the prose helpers the rules share (rules/prose.h).
#include <catch2/catch.hpp>

#include "rules/prose.h"

using galley::rules::normalise_words;

TEST_CASE("normalise_words lowers ASCII letters and joins the words with one space",
          "[rules][prose]") {
  CHECK(normalise_words("") == "");
  CHECK(normalise_words(" ,. ") == "");
  CHECK(normalise_words("Hello World") == "hello world");
  CHECK(normalise_words("  The,  END.  ") == "the end");
  CHECK(normalise_words("one") == "one");
  // Apostrophes and hyphens inside words are unified; letters beyond ASCII keep their case.
  CHECK(normalise_words("It\xE2\x80\x99s") == "it's");
  CHECK(normalise_words("\xC3\x84rger\xE2\x80\x91"
                        "frei und Stra\xC3\x9F"
                        "e") ==
        "\xC3\x84rger-frei und stra\xC3\x9F"
        "e");
  CHECK(normalise_words("well\xE2\x80\x90known") == "well-known");
  // Words of a non-Latin script are copied whole.
  CHECK(normalise_words("\xD0\x9C\xD0\xB8\xD1\x80 \xCE\xB1") ==
        "\xD0\x9C\xD0\xB8\xD1\x80 \xCE\xB1");
  // As long as the input at most, whatever the spacing.
  const std::string spaced = "A  b\t\tC \xE2\x80\x94 d";
  CHECK(normalise_words(spaced) == "a b c d");
  CHECK(normalise_words(spaced).size() <= spaced.size());
}
