// Suppression: galley-disable / galley-enable / galley-disable-next-line comments in Markdown,
// and line ranges through the API (the only way in plain text).
#include <catch2/catch.hpp>

#include "galley/galley.h"

namespace {

// "line rule" for each finding of `rules` (others are ignored).
std::vector<std::string> findings(const std::string& source,
                                  const std::string& options_json = "{}") {
  galley::Result<galley::Options> o = galley::parse_options(options_json);
  REQUIRE(o.ok());
  if (o->input == galley::InputMode::automatic) o->input = galley::InputMode::markdown;
  galley::Result<galley::FormatResult> r = galley::check(source, o.value());
  REQUIRE(r.ok());
  std::vector<std::string> out;
  for (const galley::Diagnostic& d : r->diagnostics) {
    if (d.rule == "heading/trailing-punctuation" || d.rule == "heading/length" ||
        d.rule == "images/alt-missing" || d.rule == "paragraph/too-long") {
      out.push_back(std::to_string(d.line) + " " + d.rule);
    }
  }
  return out;
}

using Lines = std::vector<std::string>;

// Headings with a final colon on lines 5, 9 and 13; an image without alt text on line 7.
std::string article(const std::string& before5, const std::string& before9 = "",
                    const std::string& before13 = "") {
  return "# Headline\n\nThe dek.\n\n" + before5 + "## First:\n\n![](a.png)\n\n" + before9 +
         "## Second:\n\nText.\n\n" + before13 + "## Third:\n\nText.\n";
}

}  // namespace

TEST_CASE("without directives every finding is reported", "[suppression]") {
  CHECK(findings(article("")) == Lines{"5 heading/trailing-punctuation", "7 images/alt-missing",
                                       "9 heading/trailing-punctuation",
                                       "13 heading/trailing-punctuation"});
}

TEST_CASE("galley-disable-next-line silences one rule on the next line", "[suppression]") {
  const std::string src =
      "# Headline\n\nThe dek.\n\n<!-- galley-disable-next-line heading/trailing-punctuation -->\n"
      "## First:\n\nText.\n\n## Second:\n\nText.\n";
  CHECK(findings(src) == Lines{"10 heading/trailing-punctuation"});
  // Another rule's id leaves it alone.
  const std::string other =
      "# Headline\n\nThe dek.\n\n<!-- galley-disable-next-line heading/length -->\n## "
      "First:\n\nText.\n";
  CHECK(findings(other) == Lines{"6 heading/trailing-punctuation"});
  // No id: every rule.
  const std::string all =
      "# Headline\n\nThe dek.\n\n<!-- galley-disable-next-line -->\n## First:\n\nText.\n";
  CHECK(findings(all).empty());
}

TEST_CASE("an inline directive silences the line after it", "[suppression]") {
  const std::string src =
      "# Headline\n\nThe dek, and a note <!-- galley-disable-next-line images/alt-missing -->\n"
      "![](a.png) on the next line.\n\n![](b.png)\n";
  CHECK(findings(src) == Lines{"6 images/alt-missing"});
}

TEST_CASE("galley-disable and galley-enable silence a range of lines", "[suppression]") {
  const std::string src = article("<!-- galley-disable heading/trailing-punctuation -->\n\n", "",
                                  "<!-- galley-enable heading/trailing-punctuation -->\n\n");
  // Lines shift by two at 5 and two more at 13.
  CHECK(findings(src) == Lines{"9 images/alt-missing", "17 heading/trailing-punctuation"});
}

TEST_CASE("galley-disable without enable runs to the end", "[suppression]") {
  const std::string src = article("", "<!-- galley-disable -->\n\n");
  CHECK(findings(src) == Lines{"5 heading/trailing-punctuation", "7 images/alt-missing"});
}

TEST_CASE("several rule ids in one directive", "[suppression]") {
  const std::string src =
      article("<!-- galley-disable heading/trailing-punctuation, images/alt-missing -->\n\n", "",
              "<!-- galley-enable images/alt-missing heading/trailing-punctuation -->\n\n");
  CHECK(findings(src) == Lines{"17 heading/trailing-punctuation"});
}

TEST_CASE("galley-enable of one rule after disabling every rule re-enables only that rule",
          "[suppression]") {
  const std::string src =
      article("<!-- galley-disable -->\n\n", "<!-- galley-enable images/alt-missing -->\n\n");
  // Headings stay silent to the end; the image (line 9) is before the enable.
  CHECK(findings(src).empty());
  const std::string later =
      "<!-- galley-disable -->\n\n# Headline\n\nThe dek.\n\n<!-- galley-enable images/alt-missing "
      "-->\n\n"
      "## First:\n\n![](a.png)\n\n<!-- galley-enable -->\n\n## Second:\n\nText.\n";
  CHECK(findings(later) == Lines{"11 images/alt-missing", "15 heading/trailing-punctuation"});
}

TEST_CASE("directives in code, misspelt or in plain text do nothing", "[suppression]") {
  const std::string code = article("```\n<!-- galley-disable -->\n```\n\n");
  CHECK(findings(code).size() == 4);
  const std::string misspelt = article("<!-- galley-disabled -->\n\n");
  CHECK(findings(misspelt).size() == 4);
  // In plain text an HTML comment is text, not a directive.
  const std::string text =
      "Talks resume in Berlin\nThe dek.\n<!-- galley-disable-next-line -->\n"
      "This paragraph has more than five words in it.\nShort one.\n";
  CHECK(
      findings(
          text,
          R"({"input": "text", "rules": {"paragraph/too-long": ["warning", {"max-words": 5}]}})") ==
      Lines{"4 paragraph/too-long"});
}

TEST_CASE("line ranges through the API silence findings in any input mode", "[suppression]") {
  CHECK(
      findings(
          article(""),
          R"({"suppress": [{"rule": "heading/trailing-punctuation", "startLine": 5, "endLine": 9}]})") ==
      Lines{"7 images/alt-missing", "13 heading/trailing-punctuation"});
  CHECK(findings(article(""), R"({"suppress": [{"startLine": 7}]})") ==
        Lines{"5 heading/trailing-punctuation", "9 heading/trailing-punctuation",
              "13 heading/trailing-punctuation"});
  // Plain text: a long paragraph, silenced by range.
  const std::string text =
      "Talks resume in Berlin\nThe dek.\nThis paragraph has more than five words in it.\nShort "
      "one.\n";
  const std::string five = R"("rules": {"paragraph/too-long": ["warning", {"max-words": 5}]})";
  CHECK(findings(text, R"({"input": "text", )" + five + "}") == Lines{"3 paragraph/too-long"});
  CHECK(findings(
            text,
            R"({"input": "text", "suppress": [{"rule": "paragraph/too-long", "startLine": 3}], )" +
                five + "}")
            .empty());
}

TEST_CASE("bad suppression ranges are refused with their key", "[suppression]") {
  galley::Result<galley::Options> o =
      galley::parse_options(R"({"suppress": [{"rule": "heading/lenght", "startLine": 1}]})");
  REQUIRE_FALSE(o.ok());
  CHECK(o.error().field == "suppress[0].rule");
  o = galley::parse_options(R"({"suppress": [{"startLine": 5, "endLine": 2}]})");
  REQUIRE_FALSE(o.ok());
  CHECK(o.error().field == "suppress[0].endLine");
  o = galley::parse_options(R"({"suppress": [{"rule": "heading/length"}]})");
  REQUIRE_FALSE(o.ok());
  CHECK(o.error().field == "suppress[0].startLine");
}

TEST_CASE("fix() leaves suppressed findings alone", "[suppression][fix]") {
  const std::string src =
      "# Headline\n\nThe dek.\n\n<!-- galley-disable-next-line heading/trailing-punctuation -->\n"
      "## First:\n\nText.\n\n## Second:\n\nText.\n";
  galley::Result<galley::Options> o = galley::parse_options(R"({"input": "markdown"})");
  REQUIRE(o.ok());
  galley::Result<galley::FixResult> fixed = galley::fix(src, o.value());
  REQUIRE(fixed.ok());
  CHECK(fixed->source ==
        "# Headline\n\nThe dek.\n\n<!-- galley-disable-next-line heading/trailing-punctuation -->\n"
        "## First:\n\nText.\n\n## Second\n\nText.\n");
}
