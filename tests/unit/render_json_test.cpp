// JSON output and input: the versioned model parses, merges split text, and reads back so that
// the JSON of a source renders exactly as the source did; bad JSON is refused saying where.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "galley/galley.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace galley;
using Json = nlohmann::ordered_json;

using galley::test::read_file;
using galley::test::article_sources;

namespace {


// Markdown after its front matter.
std::string body(const std::string& md) {
  if (md.rfind("---\n", 0) != 0 && md.rfind("+++\n", 0) != 0) return md;
  const size_t end = md.find("\n" + md.substr(0, 3) + "\n", 3);
  return end == std::string::npos ? md : md.substr(end + 5);
}

constexpr unsigned kAll = kOutputHtml | kOutputMarkdown | kOutputJson | kOutputJsonLd | kOutputText;

Error json_error(const std::string& json) {
  Options o;
  o.input = InputMode::json;
  Result<FormatResult> r = format(json, o);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == ErrorCode::invalid_json);
  return r.error();
}

}  // namespace

TEST_CASE("JSON input renders as the source it came from", "[render][json]") {
  size_t checked = 0;
  for (const fs::path& path : article_sources()) {
    INFO(path.string());
    for (const Layout layout : {Layout::source, Layout::standard}) {
      Options o;
      o.input = path.extension() == ".txt" ? InputMode::text : InputMode::markdown;
      o.outputs = kAll;
      o.layout = layout;
      o.document = true;
      Result<FormatResult> source = format(read_file(path), o);
      REQUIRE(source.ok());
      o.input = InputMode::json;
      Result<FormatResult> back = format(source->json, o);
      REQUIRE(back.ok());
      CHECK(back->mode == InputMode::json);
      CHECK(back->html == source->html);
      // Markdown: the same, except front matter, which JSON holds as keys and values only.
      CHECK(body(back->markdown) == body(source->markdown));
      CHECK(back->markdown.substr(0, 3) == source->markdown.substr(0, 3));
      CHECK(back->text == source->text);
      CHECK(back->jsonld == source->jsonld);
      CHECK(back->article.meta.word_count == source->article.meta.word_count);
      // The JSON of JSON input is the same model, without spans.
      Json a = Json::parse(source->json), b = Json::parse(back->json);
      CHECK(a["sections"].size() == b["sections"].size());
      CHECK(a["headline"].is_null() == b["headline"].is_null());
      CHECK(b["quotes"].size() == a["quotes"].size());
      ++checked;
    }
  }
  CHECK(checked >= 20);
}

TEST_CASE("JSON output: versioned, valid, adjacent text merged", "[render][json]") {
  Options o;
  o.input = InputMode::markdown;
  o.outputs = kOutputJson;
  Result<FormatResult> r = format("# Title\n\nA \\*literal\\* star &amp; more.\n", o);
  REQUIRE(r.ok());
  const Json j = Json::parse(r->json, nullptr, false);
  REQUIRE_FALSE(j.is_discarded());
  CHECK(j["schema"] == "galley.article/v1");
  CHECK(j["dek"]["text"] == "A *literal* star & more.");
  REQUIRE(j["dek"]["inlines"].size() == 1);
  CHECK(j["dek"]["inlines"][0]["text"] == "A *literal* star & more.");
  CHECK(j["headline"]["span"]["line"] == 1);
  CHECK(j["headline"]["reason"] == "markdown-h1");

  // Emphasis nested past the depth the model keeps leaves runs of text inside and between
  // emphasis nodes: each merged run is one element of its list, and the JSON parses.
  std::string nested;
  for (int n = 0; n < 120; ++n) nested += "*a **a ";
  nested += "b";
  for (int n = 0; n < 120; ++n) nested += " a** a*";
  r = format("# Title\n\n" + nested + "\n", o);
  REQUIRE(r.ok());
  CHECK_FALSE(Json::parse(r->json, nullptr, false).is_discarded());
}

TEST_CASE("JSON input: a minimal model from a CMS", "[render][json]") {
  Options o;
  o.input = InputMode::json;
  o.outputs = kOutputHtml | kOutputMarkdown;
  o.typography_html = false;
  const std::string json = R"({"schema": "galley.article/v1",
    "headline": {"text": "From the CMS"},
    "sections": [
      {"heading": {"text": "First part"}, "blocks": [{"type": "paragraph", "text": "Plain words."},
        {"type": "paragraph", "inlines": [{"type": "text", "text": "Some "}, {"type": "strong", "children": [{"type": "text", "text": "bold"}]}]},
        {"type": "list", "ordered": true, "start": 3, "items": [{"type": "item", "blocks": [{"type": "paragraph", "text": "three"}]}]}]}
    ],
    "takeaways": {"heading": {"text": "Key points"}, "items": [{"text": "One."}, {"text": "Two."}]}})";
  Result<FormatResult> r = format(json, o);
  REQUIRE(r.ok());
  CHECK(r->html.find("<h1 class=\"galley-headline\">From the CMS</h1>") != std::string::npos);
  CHECK(r->html.find("<h2 id=\"first-part\" class=\"galley-heading\">First part</h2>") !=
        std::string::npos);
  CHECK(r->html.find("<p>Some <strong>bold</strong></p>") != std::string::npos);
  CHECK(r->html.find("<ol start=\"3\">") != std::string::npos);
  CHECK(r->html.find("<aside class=\"galley-takeaways\" aria-label=\"Key points\">") !=
        std::string::npos);
  CHECK(r->markdown ==
        "# From the CMS\n\n## First part\n\nPlain words.\n\nSome **bold**\n\n3. three\n\n## Key "
        "points\n\n- One.\n- Two.\n");
  CHECK(r->article.meta.word_count == 14);
}

TEST_CASE("JSON input: bad JSON and bad models are refused, saying where", "[render][json]") {
  Error e = json_error("{\"schema\": \"galley.article/v1\",\n  \"headline\": nope}");
  CHECK(e.message.find("line 2") != std::string::npos);
  CHECK(e.field.find("line 2") != std::string::npos);
  e = json_error("[]");
  CHECK(e.message.find("JSON object") != std::string::npos);
  e = json_error("{\"headline\": null}");
  CHECK(e.field == "schema");
  e = json_error("{\"schema\": \"galley.article/v2\"}");
  CHECK(e.field == "schema");
  e = json_error(
      R"({"schema": "galley.article/v1", "sections": [{}, {"blocks": [{"type": "para"}]}]})");
  CHECK(e.field == "sections[1].blocks[0].type");
  CHECK(e.message.find("\"para\" is not a block type") != std::string::npos);
  e = json_error(
      R"({"schema": "galley.article/v1", "sections": [{"blocks": [{"type": "paragraph", "inlines": [{"type": "link", "url": 5}]}]}]})");
  CHECK(e.field == "sections[0].blocks[0].inlines[0].url");
  CHECK(e.message.find("expected a string, found a number") != std::string::npos);
  e = json_error(R"({"schema": "galley.article/v1", "headlin": {"text": "typo"}})");
  CHECK(e.field == "headlin");
  CHECK(e.message.find("is not a field") != std::string::npos);
  e = json_error(R"({"schema": "galley.article/v1", "sections": [{"level": 9}]})");
  CHECK(e.field == "sections[0].level");
  e = json_error(R"({"schema": "galley.article/v1", "headline": {"span": null}})");
  CHECK(e.field == "headline");
  e = json_error(R"({"schema": "galley.article/v1", "meta": {"frontMatter": [1]}})");
  CHECK(e.field == "meta.frontMatter");
  e = json_error(
      R"({"schema": "galley.article/v1", "sections": [{"blocks": [{"type": "list", "items": [{"type": "paragraph", "text": "x"}]}]}]})");
  CHECK(e.field == "sections[0].blocks[0].items[0]");
  // Deep nesting is refused, not followed down the stack.
  std::string deep = R"({"schema": "galley.article/v1", "sections": [{"blocks": [)";
  for (int i = 0; i < 100000; ++i) deep += R"({"type": "blockquote", "blocks": [)";
  for (int i = 0; i < 100000; ++i) deep += "]}";
  deep += "]}]}";
  e = json_error(deep);
  CHECK(e.message.find("nests deeper") != std::string::npos);
}
