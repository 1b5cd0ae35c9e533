// Headline, dek, byline, dateline and language: from markup, front matter or the shape of
// the text, each with the reason it was recognised.
#include <catch2/catch.hpp>
#include <string>

#include "galley/galley.h"
#include "test_support.h"
#include "text_util.h"

using galley::Article;
using galley::InputMode;

using galley::test::text_of;
using galley::test::article_of;

namespace {


}  // namespace

TEST_CASE("headline and dek from Markdown", "[structure][headline]") {
  const Article a = article_of("# Harbour reopens\n\nShips returned on Tuesday.\n\n## What happened\n\nText.\n");
  REQUIRE(a.headline);
  CHECK(text_of(*a.headline) == "Harbour reopens");
  CHECK(a.headline->how.reason == "markdown-h1");
  REQUIRE(a.dek);
  CHECK(text_of(*a.dek) == "Ships returned on Tuesday.");
  CHECK(a.dek->how.reason == "first-paragraph-under-headline");
  REQUIRE(a.sections.size() == 1);
}

TEST_CASE("an image or shortcode may stand above the headline", "[structure][headline]") {
  const Article a = article_of("{{< img-right src=\"x\" >}}\n\n# Harbour reopens\n\nShips returned.\n");
  REQUIRE(a.headline);
  CHECK(text_of(*a.headline) == "Harbour reopens");
  REQUIRE(a.sections.size() == 1);
  CHECK(a.sections[0].blocks.size() == 1);  // the shortcode stays, where it stood
}

TEST_CASE("front matter wins, and an equal H1 keeps its place in the text", "[structure][headline]") {
  const Article same = article_of("---\ntitle: Harbour reopens\n---\n\n# Harbour reopens\n\nShips returned.\n");
  REQUIRE(same.headline);
  CHECK(same.headline->how.reason == "markdown-h1");
  const Article differs = article_of("---\ntitle: Title\ndek: A dek.\n---\n\n# Other\n\nShips returned.\n");
  REQUIRE(differs.headline);
  CHECK(text_of(*differs.headline) == "Title");
  CHECK(differs.headline->how.reason == "front-matter-title");
  CHECK(text_of(*differs.dek) == "A dek.");
  REQUIRE(differs.sections.size() == 1);
  CHECK(text_of(*differs.sections[0].heading) == "Other");
}

TEST_CASE("text: a title-like first line is the headline, a sentence is not", "[structure][headline]") {
  const Article titled = article_of("Harbour reopens after the storm\nShips returned on Tuesday.\nMore text here.\n", InputMode::text);
  REQUIRE(titled.headline);
  CHECK(titled.headline->how.reason == "title-like-first-line");
  CHECK(text_of(*titled.dek) == "Ships returned on Tuesday.");

  const Article lede = article_of(
      "The harbour reopened on Tuesday, two days after the storm.\nWhat happened\nThe port closed on Sunday night after the storm hit.\n",
      InputMode::text);
  CHECK_FALSE(lede.headline);
  REQUIRE(lede.dek);  // a short first paragraph alone before the first heading
  CHECK(lede.dek->how.reason == "short-first-paragraph-before-first-heading");

  const Article plain = article_of("The harbour reopened on Tuesday.\nThe port had closed on Sunday.\n", InputMode::text);
  CHECK_FALSE(plain.headline);
  CHECK_FALSE(plain.dek);
}

TEST_CASE("byline: front matter, or a By line kept as written", "[structure][byline]") {
  const Article a = article_of(
      "Drone strikes intensify\nBy Jane Doe and John Smith, The Associated Press\nKYIV, Ukraine (AP) — Russia launched 150 drones.\n",
      InputMode::text);
  REQUIRE(a.byline.size() == 2);
  CHECK(a.byline[0].name == "Jane Doe");
  CHECK(a.byline[1].name == "John Smith");
  CHECK(a.byline_how.reason == "by-line");
  REQUIRE(a.byline_text);
  CHECK(text_of(*a.byline_text) == "By Jane Doe and John Smith, The Associated Press");
  REQUIRE(a.dek);
  CHECK(text_of(*a.dek).rfind("KYIV", 0) == 0);

  const Article de = article_of("# Titel\n\nVon Anna Schmidt und Paul Weber\n\nText.\n");
  REQUIRE(de.byline.size() == 2);
  CHECK(de.byline[1].name == "Paul Weber");
  const Article fr = article_of("# Titre\n\n*Par Claire Dubois*\n\nTexte.\n");
  REQUIRE(fr.byline.size() == 1);
  CHECK(fr.byline[0].name == "Claire Dubois");

  const Article fm = article_of("---\nauthors: [jeremyzilar, dan-williams]\n---\n\n# T\n\nBy Someone Else\n\nText.\n");
  REQUIRE(fm.byline.size() == 2);
  CHECK(fm.byline[0].name == "jeremyzilar");
  CHECK(fm.byline_how.reason == "front-matter");
  CHECK(fm.byline_text);  // the line still leaves the text as the byline

  // A user name in front matter takes the name the author box writes; others stay as given.
  const Article users = article_of(
      "---\nauthors: [jane-doe, johnroe]\n---\n\n# T\n\nText of the article.\n\n"
      "_Jane Q. Doe is a reporter covering city hall._\n");
  REQUIRE(users.author_box);
  REQUIRE(users.byline.size() == 2);
  CHECK(users.byline[0].name == "Jane Q. Doe");
  CHECK(users.byline[1].name == "johnroe");
  const Article joined = article_of(
      "---\nauthors: [janedoe]\n---\n\n# T\n\nText of the article.\n\n"
      "_Jane Doe is a reporter covering city hall._\n");
  REQUIRE(joined.byline.size() == 1);
  CHECK(joined.byline[0].name == "Jane Doe");

  CHECK(article_of("# T\n\nBy Monday, the plan was dead.\n").byline.empty());
}

TEST_CASE("dateline: the wire-story prefix stays in its paragraph", "[structure][dateline]") {
  struct Case {
    const char* first;
    const char* dateline;
  };
  const Case cases[] = {
      {"KYIV, Ukraine (AP) — Russia launched drones.", "KYIV, Ukraine (AP) —"},
      {"WASHINGTON — The Senate voted on Monday.", "WASHINGTON —"},
      {"BERLIN (Reuters) - Germany said on Tuesday.", "BERLIN (Reuters) -"},
      {"Kyiv, Ukraine (AP) — Russia launched drones.", "Kyiv, Ukraine (AP) —"},
      {"ST. LOUIS, Mo. — A storm hit the city.", "ST. LOUIS, Mo. —"},
      {"The United States — and its allies — agreed.", ""},
      {"Washington — The Senate voted.", ""},
  };
  for (const Case& c : cases) {
    INFO(c.first);
    const Article a = article_of(std::string("# Headline\n\n") + c.first + "\n\nMore.\n");
    CHECK(a.dateline == c.dateline);
    if (*c.dateline) {
      CHECK(a.dateline_range.end - a.dateline_range.begin == std::string(c.dateline).size());
      REQUIRE(a.dek);
      CHECK(text_of(*a.dek) == c.first);  // no word leaves the paragraph
    }
  }
}

TEST_CASE("language: front matter, else common words, else the locale option", "[structure][meta]") {
  CHECK(article_of("---\nlanguage: fr_CA\n---\n\nText.\n").meta.language == "fr-CA");
  const Article de = article_of("Die Regierung hat sich mit der Opposition auf einen Kompromiss geeinigt, der auch für die Länder gilt und nicht teuer ist.\n", InputMode::text);
  CHECK(de.meta.language == "de");
  CHECK(de.meta.language_how.reason == "common-words");
  const Article fr = article_of("Le gouvernement et les syndicats sont parvenus à un accord dans la nuit, pour la première fois depuis que la réforme est sur la table.\n", InputMode::text);
  CHECK(fr.meta.language == "fr");
  galley::Options options;
  options.locale = "de";
  options.outputs = 0;
  const auto r = galley::format("Hi.\n", options);
  REQUIRE(r.ok());
  CHECK(r->article.meta.language == "de");
  CHECK(r->article.meta.language_how.reason == "locale-option");
}
