// Front matter: YAML and TOML mapped to the article's fields, every key kept as JSON, and
// malformed front matter reported as an error value with its position, never a crash.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "galley/galley.h"
#include "parse/document.h"
#include "source.h"

using galley::detail::SourceText;
using galley::parse::FrontMatter;
using galley::parse::parse_front_matter;

namespace {

nlohmann::json keys(const FrontMatter& fm) {
  nlohmann::json j = nlohmann::json::parse(fm.json, nullptr, false);
  REQUIRE_FALSE(j.is_discarded());
  return j;
}

}  // namespace

TEST_CASE("YAML front matter maps title, dek, authors, date, tags, language and kicker",
          "[front-matter]") {
  const SourceText src(
      "---\n"
      "title: 'Harvard&#8217;s Top 25'\n"
      "deck: \"A standfirst\"\n"
      "summary: Not the dek, deck comes first\n"
      "authors:\n"
      "  - jeremyzilar\n"
      "  - name: Dan Williams\n"
      "date: 2019-11-18 08:34:00 -0500\n"
      "topics: [trust, idea]\n"
      "lang: de_DE\n"
      "kicker: \"This Week's IDEA\"\n"
      "featured_image:\n"
      "  uid: card\n"
      "  alt: \"\"\n"
      "draft: false\n"
      "weight: 3\n"
      "---\n"
      "Body\n");
  const FrontMatter fm = parse_front_matter(src);
  CHECK(fm.format == "yaml");
  CHECK(fm.error.empty());
  CHECK(fm.title == "Harvard\xE2\x80\x99s Top 25");  // character references decoded
  CHECK(fm.dek == "A standfirst");
  CHECK(fm.dek_key == "deck");
  CHECK(src.view(fm.dek_range) == "A standfirst");  // the value inside its quotes
  REQUIRE(fm.authors.size() == 2);
  CHECK(fm.authors[0] == "jeremyzilar");
  CHECK(fm.authors[1] == "Dan Williams");
  REQUIRE(fm.author_ranges.size() == 2);
  CHECK(src.view(fm.author_ranges[0]) == "jeremyzilar");
  CHECK(fm.date == "2019-11-18 08:34:00 -0500");
  CHECK(fm.tags == std::vector<std::string>{"trust", "idea"});
  CHECK(fm.language == "de_DE");
  CHECK(fm.kicker == "This Week's IDEA");
  CHECK(src.view({fm.body_offset, fm.body_offset + 4}) == "Body");

  const nlohmann::json j = keys(fm);
  CHECK(j["featured_image"]["uid"] == "card");
  CHECK(j["draft"] == false);
  CHECK(j["weight"] == 3);
  CHECK(j["summary"] == "Not the dek, deck comes first");
}

TEST_CASE("TOML front matter between +++ lines", "[front-matter]") {
  const SourceText src(
      "+++\n"
      "title = \"Hugo and TOML\"\n"
      "description = \"What the page is about\"\n"
      "author = \"Jane Doe\"\n"
      "date = 2024-05-01T10:00:00Z\n"
      "tags = [\"a\", \"b\"]\n"
      "[params]\n"
      "kicker = \"not top-level\"\n"
      "+++\n"
      "# Body\n");
  const FrontMatter fm = parse_front_matter(src);
  CHECK(fm.format == "toml");
  CHECK(fm.error.empty());
  CHECK(fm.title == "Hugo and TOML");
  CHECK(src.view(fm.title_range) == "Hugo and TOML");
  CHECK(fm.dek == "What the page is about");
  CHECK(fm.dek_key == "description");
  CHECK(fm.authors == std::vector<std::string>{"Jane Doe"});
  CHECK(fm.date == "2024-05-01T10:00:00Z");
  CHECK(fm.tags == std::vector<std::string>{"a", "b"});
  CHECK(fm.kicker.empty());
  CHECK(keys(fm)["params"]["kicker"] == "not top-level");
}

TEST_CASE("malformed YAML is an error with a position, and the body still starts after it",
          "[front-matter]") {
  const SourceText src(
      "---\n"
      "title: fine\n"
      "deck: \"unterminated\n"
      "authors: [a, b\n"
      "---\n"
      "Body text.\n");
  const FrontMatter fm = parse_front_matter(src);
  CHECK(fm.format == "yaml");
  CHECK_FALSE(fm.error.empty());
  CHECK(fm.error.find("YAML") != std::string::npos);
  CHECK(src.line_of(fm.error_range.begin) >= 3);
  CHECK(src.line_of(fm.error_range.begin) <= 5);
  CHECK(fm.json == "{}");
  CHECK(src.line_of(fm.body_offset) == 6);
}

TEST_CASE("malformed TOML is an error with its line", "[front-matter]") {
  const SourceText src("+++\ntitle = \"ok\"\ndate = = 3\n+++\nBody\n");
  const FrontMatter fm = parse_front_matter(src);
  CHECK(fm.format == "toml");
  CHECK(fm.error.find("TOML") != std::string::npos);
  CHECK(src.line_of(fm.error_range.begin) == 3);
}

TEST_CASE("a rule, a line and a rule is Markdown, not front matter", "[front-matter]") {
  const SourceText src("---\nJust a line of text\n---\nMore text.\n");
  const FrontMatter fm = parse_front_matter(src);
  CHECK(fm.format.empty());
  CHECK(fm.body_offset == 0);
  // An unclosed block is not front matter either.
  CHECK(parse_front_matter(SourceText("---\ntitle: x\nno end\n")).format.empty());
}

TEST_CASE("YAML aliases cannot blow up into a huge tree", "[front-matter]") {
  std::string yaml = "---\na: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'j'; ++c) {
    yaml += std::string(1, c) + ": &" + c + " [*" + prev + ", *" + prev + ", *" + prev + ", *" +
            prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev +
            ", *" + prev + "]\n";
    prev = c;
  }
  yaml += "---\nBody\n";
  const FrontMatter fm = parse_front_matter(SourceText(yaml));
  CHECK(fm.format == "yaml");
  CHECK(fm.error.find("too large") != std::string::npos);
  CHECK(fm.json == "{}");
}

TEST_CASE("front matter wins over the text, and a bad one is reported by input/front-matter",
          "[front-matter]") {
  galley::Options options;
  options.outputs = galley::kOutputJson;
  SECTION("title and description become headline and dek") {
    const auto r = galley::format(
        "---\ntitle: From front matter\ndescription: A dek.\n---\nFirst paragraph.\n", options);
    REQUIRE(r.ok());
    REQUIRE(r->article.headline);
    CHECK(r->article.headline->how.reason == "front-matter-title");
    REQUIRE(r->article.dek);
    CHECK(r->article.dek->how.reason == "front-matter-description");
    CHECK(r->article.meta.front_matter_format == "yaml");
    REQUIRE(r->article.sections.size() == 1);
    CHECK(r->article.sections[0].blocks.size() == 1);  // the first paragraph stays body text
  }
  SECTION("malformed front matter") {
    const auto r = galley::format("---\ntitle: [unclosed\n---\nText.\n", options);
    REQUIRE(r.ok());
    bool reported = false;
    for (const galley::Diagnostic& d : r->diagnostics) {
      if (d.rule == "input/front-matter") {
        reported = true;
        CHECK(d.line == 2);
      }
    }
    CHECK(reported);
  }
}
