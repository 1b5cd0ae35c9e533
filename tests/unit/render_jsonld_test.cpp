// JSON-LD and text output: schema.org NewsArticle by Google's author rules, valid JSON that
// cannot break out of its <script> element; plain text one paragraph a line.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "galley/galley.h"
#include "test_support.h"
#include "render/render.h"

using namespace galley;
using Json = nlohmann::ordered_json;

using galley::test::text_node;
using galley::test::part;

namespace {

Person person(const std::string& name, const std::string& role = "") {
  Person p;
  p.name = name;
  p.role = role;
  return p;
}

Article article() {
  Article a;
  a.headline = part("Harbour </script><script>alert(1)</script> reopens");
  a.dek = part("Ships returned on Tuesday & Wednesday.");
  a.meta.date = "2024-03-05";
  a.meta.word_count = 321;
  a.meta.language = "en";
  a.meta.kicker = "Europe";
  a.meta.tags = {"ports", "storms"};
  a.dateline = "VIGO, Spain (AP) —";
  Credits c;
  c.text = part("Reported by Ana Ruiz and Li Wei; additional reporting by Jo Park.");
  c.people = {person("Ana Ruiz", "reporting"), person("Li Wei", "reporting"),
              person("Jo Park", "additional reporting"), person("Ana Ruiz", "editing")};
  a.credits = c;
  AuthorBox box;
  box.name = "Morgan Carter";
  a.author_box = box;
  return a;
}

}  // namespace

TEST_CASE("JSON-LD: NewsArticle with authors, contributors and backstory", "[render][jsonld]") {
  Article a = article();
  const std::string out = render::jsonld(a, Options{});
  const Json j = Json::parse(out, nullptr, false);
  REQUIRE_FALSE(j.is_discarded());
  CHECK(j["@context"] == "https://schema.org");
  CHECK(j["@type"] == "NewsArticle");
  CHECK(j["headline"] == "Harbour </script><script>alert(1)</script> reopens");
  CHECK(j["alternativeHeadline"] == "Ships returned on Tuesday & Wednesday.");
  // No byline: the author box names the author; one Person with the name only.
  REQUIRE(j["author"].size() == 1);
  CHECK(j["author"][0] == Json::parse(R"({"@type": "Person", "name": "Morgan Carter"})"));
  REQUIRE(j["contributor"].size() == 3);
  CHECK(j["contributor"][2]["name"] == "Jo Park");
  CHECK(j["backstory"] == "Reported by Ana Ruiz and Li Wei; additional reporting by Jo Park.");
  CHECK(j["articleSection"] == "Europe");
  CHECK(j["keywords"] == Json::parse(R"(["ports", "storms"])"));
  CHECK(j["dateline"] == "VIGO, Spain (AP) —");
  CHECK(j["datePublished"] == "2024-03-05");
  CHECK(j["wordCount"] == 321);
  CHECK(j["inLanguage"] == "en");
  // Safe inside <script>: no markup characters at all.
  CHECK(out.find('<') == std::string::npos);
  CHECK(out.find('>') == std::string::npos);
  CHECK(out.find('&') == std::string::npos);
  CHECK(out.find("\\u003c/script\\u003e") != std::string::npos);

  // A byline wins over the author box: one Person per author.
  a.byline = {person("Ana Ruiz"), person("Li Wei")};
  const Json k = Json::parse(render::jsonld(a, Options{}));
  REQUIRE(k["author"].size() == 2);
  CHECK(k["author"][1]["name"] == "Li Wei");
  // Unknown facts are left out rather than guessed.
  Article empty;
  const Json e = Json::parse(render::jsonld(empty, Options{}));
  CHECK_FALSE(e.contains("headline"));
  CHECK_FALSE(e.contains("author"));
  CHECK_FALSE(e.contains("datePublished"));
}

TEST_CASE("JSON-LD from a source: front matter authors and date", "[render][jsonld]") {
  Options o;
  o.input = InputMode::markdown;
  o.outputs = kOutputJsonLd;
  Result<FormatResult> r = format(
      "---\ntitle: A title\nauthor: Jane Doe\ndate: 2024-01-15\n---\n\nThe lede paragraph.\n", o);
  REQUIRE(r.ok());
  const Json j = Json::parse(r->jsonld);
  CHECK(j["headline"] == "A title");
  REQUIRE(j.contains("author"));
  CHECK(j["author"][0]["name"] == "Jane Doe");
  CHECK(j["datePublished"] == "2024-01-15");

  // Jekyll and Hugo write "2013-05-01 14:22:08 -0400"; schema.org wants ISO 8601.
  r = format("---\ntitle: T\ndate: 2013-05-01 14:22:08 -0400\n---\n\nText.\n", o);
  REQUIRE(r.ok());
  CHECK(Json::parse(r->jsonld)["datePublished"] == "2013-05-01T14:22:08-04:00");
  // A date that cannot be read is left out rather than passed on.
  r = format("---\ntitle: T\ndate: last Tuesday\n---\n\nText.\n", o);
  REQUIRE(r.ok());
  CHECK_FALSE(Json::parse(r->jsonld).contains("datePublished"));
}

TEST_CASE("JSON-LD dates: front matter dates in ISO 8601", "[render][jsonld]") {
  using galley::render::iso_date;
  CHECK(iso_date("2024-01-15") == "2024-01-15");
  CHECK(iso_date("2019-11-18 08:34:00 -0500") == "2019-11-18T08:34:00-05:00");
  CHECK(iso_date("2019-11-18T08:34:00Z") == "2019-11-18T08:34:00Z");
  CHECK(iso_date("2001-12-14t21:59:43.10-05:00") == "2001-12-14T21:59:43.10-05:00");
  CHECK(iso_date("2019-11-18 08:34") == "2019-11-18T08:34:00");
  CHECK(iso_date("2019-11-18 08:34 +01") == "2019-11-18T08:34:00+01:00");
  CHECK(iso_date("May 1, 2013") == "2013-05-01");
  CHECK(iso_date("1 September 2013") == "2013-09-01");
  CHECK(iso_date("") == "");
  CHECK(iso_date("2019-11-18 nonsense") == "");
  CHECK(iso_date("2019-11-18 08:34:00 EST") == "");
  CHECK(iso_date("Tuesday") == "");
  CHECK(iso_date("May 2013") == "");
}

TEST_CASE("Text output: one paragraph a line", "[render][text]") {
  Options o;
  o.input = InputMode::markdown;
  o.outputs = kOutputText;
  Result<FormatResult> r = format(
      "# Title\n\nThe dek\nover two lines.\n\n## Part\n\nA *paragraph* with a [link](x).\n\n- "
      "one\n- two\n\n> Quoted\n> — Ana\n",
      o);
  REQUIRE(r.ok());
  CHECK(r->text.rfind(
            "Title\nThe dek over two lines.\nPart\nA paragraph with a link.\n- one\n- two\nQuoted",
            0) == 0);
  CHECK(r->text.back() == '\n');
  CHECK(r->text.find("\n\n") == std::string::npos);
}
