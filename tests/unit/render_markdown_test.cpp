// Canonical Markdown: re-parses to the same article model (compared as JSON without spans),
// is idempotent over the samples and golden cases, keeps the text of pasted plain text, and
// writes every part of a model built by hand.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "galley/galley.h"
#include "test_support.h"
#include "render/render.h"

namespace fs = std::filesystem;
using namespace galley;
using Json = nlohmann::ordered_json;

using galley::test::read_file;
using galley::test::text_node;
using galley::test::part;
using galley::test::article_sources;

namespace {


// The model without what depends on where things stood or how they were found.
void strip(Json& j, bool recognition) {
  if (j.is_object()) {
    for (const char* key : {"span", "speakerSpan"}) j.erase(key);
    if (recognition) {
      for (const char* key :
           {"confidence", "reason", "bylineSource", "datelineSource", "languageSource"})
        j.erase(key);
    }
    for (auto& [k, v] : j.items()) strip(v, recognition);
  } else if (j.is_array()) {
    for (auto& v : j) strip(v, recognition);
  }
}

Options markdown_options(InputMode mode) {
  Options o;
  o.input = mode;
  o.outputs = kOutputMarkdown | kOutputJson | kOutputText;
  return o;
}

Block paragraph(const std::string& s) {
  Block b;
  b.kind = BlockKind::paragraph;
  b.inlines.push_back(text_node(s));
  return b;
}

}  // namespace

TEST_CASE("Markdown: re-parses to the same article model, and is idempotent",
          "[render][markdown]") {
  size_t checked = 0;
  for (const fs::path& path : article_sources()) {
    const std::string source = read_file(path);
    const bool text = path.extension() == ".txt";
    INFO(path.string());
    Result<FormatResult> first =
        format(source, markdown_options(text ? InputMode::text : InputMode::markdown));
    REQUIRE(first.ok());
    const std::string& md = first->markdown;
    Result<FormatResult> second = format(md, markdown_options(InputMode::markdown));
    REQUIRE(second.ok());
    INFO("--- Markdown\n" << md);
    // Formatting the output again changes nothing.
    CHECK(second->markdown == md);
    // Text-mode input: the same text (one paragraph a line); Markdown input: the same model.
    if (text) {
      CHECK(second->text == first->text);
    } else {
      Json a = Json::parse(first->json), b = Json::parse(second->json);
      strip(a, false);
      strip(b, false);
      CHECK(a.dump(1) == b.dump(1));
    }
    ++checked;
  }
  CHECK(checked >= 10);
}

TEST_CASE("Markdown: pasted plain text keeps its text and escapes only what would be markup",
          "[render][markdown]") {
  const std::vector<std::string> lines = {
      "A plain sentence, with nothing special in it.",
      "1. Not a list item but a numbered sentence.",
      "2) Nor this one.",
      "# Not a heading either, just a hash.",
      "* A star at the start of a line.",
      "- A dash at the start of a line.",
      "+ A plus at the start of a line.",
      "> Not a quote but a greater-than sign.",
      "Snake_case_names and 2 * 3 = 6 and a * b, with *stars* and _underscores_ around words.",
      "Code like `x = 1` and ``double`` backticks stay literal.",
      "A [bracketed](text) that is no link, ![nor](an image), and [^1] no footnote.",
      "Tags like <b>bold</b>, <!-- comments --> and <https://example.org> stay text.",
      "Entities like &amp; and &copy; and &#169; stay as written, and AT&T too.",
      "A backslash \\ and an escape \\* and a trailing backslash\\",
      "| a | b | is not a table row",
      "~~not struck~~ and ~tilde~ and ~~~ fences",
      "Ends with two spaces  ",
      "100 % sure, 3 < 4 > 2, 1990-1995, e-mail: jane@example.org.",
      "Visit https://example.org/a_b?x=1&y=2. Or www.example.com, or write to "
      "jane_doe@example.org.",
      "====",
      "----",
      "___",
  };
  std::string source = "Headline of the pasted article\n";
  for (const std::string& l : lines) source += l + "\n";
  Options o = markdown_options(InputMode::text);
  Result<FormatResult> first = format(source, o);
  REQUIRE(first.ok());
  Result<FormatResult> second = format(first->markdown, markdown_options(InputMode::markdown));
  REQUIRE(second.ok());
  INFO("--- Markdown\n" << first->markdown);
  CHECK(second->text == first->text);
  CHECK(format(first->markdown, markdown_options(InputMode::markdown))->markdown ==
        first->markdown);
  // Only what needs it is escaped.
  const std::string& md = first->markdown;
  CHECK(md.find("A plain sentence, with nothing special in it.") != std::string::npos);
  CHECK(md.find("Visit https://example.org/a_b?x=1&y=2. Or www.example.com, or write to "
                "jane_doe@example.org.") != std::string::npos);
  CHECK(md.find("\\# Not a heading") != std::string::npos);
  CHECK(md.find("Snake_case_names and 2 * 3 = 6 and a * b, with \\*stars\\* and \\_underscores\\_ "
                "around") != std::string::npos);
  CHECK(md.find("100 % sure, 3 < 4 > 2, 1990-1995") != std::string::npos);
  CHECK(md.find("AT&T too") != std::string::npos);
  CHECK(md.find("\\&amp; and \\&copy;") != std::string::npos);
}

TEST_CASE("Markdown: every part of a model built by hand", "[render][markdown]") {
  Article a;
  a.headline = part("Harbour reopens");
  a.dek = part("Ships returned on Tuesday.");
  a.byline_text = part("By Ana Ruiz");
  Section s;
  s.heading = part("What happened");
  s.level = 2;
  s.id = "what-happened";
  s.blocks.push_back(paragraph("The port closed on Sunday."));
  Block q;
  q.kind = BlockKind::quote;
  q.children.push_back(paragraph("We worked through both nights."));
  q.attribution.push_back(text_node("Ana Ruiz, harbour master"));
  s.blocks.push_back(q);
  a.sections.push_back(s);
  Takeaways t;
  t.heading = part("Key Takeaways");
  t.items.push_back(part("The port is open."));
  t.items.push_back(part("2 * 3 cranes fell."));
  a.takeaways = t;
  Credits c;
  c.heading = part("Reporters on the Ground");
  c.text = part("The story was reported by Ana Ruiz in Vigo.");
  a.credits = c;
  AuthorBox box;
  box.name = "Ana Ruiz";
  box.bio.push_back(paragraph("Ana Ruiz is a journalist in Vigo."));
  a.author_box = box;
  Options o;
  o.layout = Layout::standard;
  const std::string md = render::markdown(a, o);
  CHECK(md ==
        "# Harbour reopens\n\nShips returned on Tuesday.\n\nBy Ana Ruiz\n\n## Key Takeaways\n\n- "
        "The port is open.\n"
        "- 2 * 3 cranes fell.\n\n## What happened\n\nThe port closed on Sunday.\n\n> We worked "
        "through both nights.\n"
        "> — Ana Ruiz, harbour master\n\n## Reporters on the Ground\n\nThe story was reported by "
        "Ana Ruiz in Vigo.\n\n"
        "Ana Ruiz is a journalist in Vigo.\n");
}

TEST_CASE("Markdown: front matter is kept as written, or written again from JSON input",
          "[render][markdown]") {
  const std::string source =
      "---\ntitle:   \"Spaced  title\"   # a comment\ntags: [a, b]\n---\n\nBody text here.\n";
  Options o = markdown_options(InputMode::markdown);
  Result<FormatResult> r = format(source, o);
  REQUIRE(r.ok());
  CHECK(r->markdown.rfind("---\ntitle:   \"Spaced  title\"   # a comment\ntags: [a, b]\n---\n\n",
                          0) == 0);
  Options j = markdown_options(InputMode::json);
  Result<FormatResult> back = format(r->json, j);
  REQUIRE(back.ok());
  CHECK(back->markdown.rfind("---\n\"title\": \"Spaced  title\"\n\"tags\": [\"a\",\"b\"]\n---\n\n",
                             0) == 0);
  // The front matter written again reads back the same.
  Result<FormatResult> again = format(back->markdown, o);
  REQUIRE(again.ok());
  CHECK(Json::parse(again->json)["meta"]["frontMatter"] ==
        Json::parse(r->json)["meta"]["frontMatter"]);
}

TEST_CASE("Markdown: typography is an option, off by default", "[render][markdown]") {
  const std::string source =
      "# \"Quoted\" -- headline\n\nIt's a \"test\"... `\"code\"` and "
      "[\"link\"](https://x.org/--a).\n";
  Options o = markdown_options(InputMode::markdown);
  Result<FormatResult> r = format(source, o);
  REQUIRE(r.ok());
  CHECK(r->markdown == source);
  o.typography_markdown = true;
  r = format(source, o);
  REQUIRE(r.ok());
  CHECK(r->markdown.rfind("# “Quoted”", 0) == 0);
  CHECK(r->markdown.find("\n\nIt’s a “test”… `\"code\"` and [“link”](https://x.org/--a).\n") !=
        std::string::npos);
  o.locale = "fr";
  r = format(source, o);
  REQUIRE(r.ok());
  CHECK(r->markdown.find("«\xE2\x80\xAFQuoted\xE2\x80\xAF»") != std::string::npos);
}
