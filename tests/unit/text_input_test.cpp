// Plain-text input: paragraphs, heading candidates weighed for precision (captions, date lines,
// one-word labels and menus are not headings), hard-wrapped text, list items, auto-detection,
// and line ends, a BOM, tabs and trailing spaces that change nothing.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "galley/galley.h"
#include "parse/document.h"
#include "render/render.h"
#include "source.h"
#include "test_support.h"
#include "text_util.h"

namespace fs = std::filesystem;
using galley::BlockKind;
using galley::InputMode;

using galley::test::read_file;

namespace {

galley::parse::Document read_text(const galley::detail::SourceText& src) {
  galley::Options options;
  return galley::parse::parse_text(src, galley::parse::FrontMatter{}, options);
}

std::vector<std::string> headings_of(const galley::parse::Document& doc) {
  std::vector<std::string> out;
  for (const galley::Block& b : doc.blocks) {
    if (b.kind == BlockKind::heading) out.push_back(galley::detail::plain_text(b.inlines));
  }
  return out;
}

// The article model without positions: what recognition found, independent of offsets.
std::string model_of(const std::string& source, InputMode mode) {
  galley::Options options;
  options.input = mode;
  options.outputs = 0;
  const auto r = galley::format(source, options);
  REQUIRE(r.ok());
  return galley::render::json(r->article, nullptr);
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (size_t i = 0; (i = s.find(from, i)) != std::string::npos; i += to.size())
    s.replace(i, from.size(), to);
  return s;
}

}  // namespace

TEST_CASE("one paragraph a line, and short title-like lines followed by text are headings",
          "[text]") {
  const galley::detail::SourceText src(
      "Harbour reopens after the storm\n"
      "Ships returned to the harbour on Tuesday, two days after the storm closed it.\n"
      "What Happened on Sunday Night\n"
      "The port closed on Sunday night after winds above 120 km/h tore a crane from its rails.\n"
      "\n"
      "Crews cleared three wrecks and a fallen crane before the first ferry could dock.\n");
  const galley::parse::Document doc = read_text(src);
  REQUIRE(doc.blocks.size() == 5);
  CHECK(doc.blocks[0].kind == BlockKind::heading);
  CHECK(doc.blocks[0].level == 1);  // the title-like first line
  CHECK(doc.blocks[0].how.reason == "title-like-first-line");
  CHECK(doc.blocks[1].kind == BlockKind::paragraph);
  CHECK(doc.blocks[2].kind == BlockKind::heading);
  CHECK(doc.blocks[2].level == 2);
  CHECK(doc.blocks[2].how.confidence >= 0.6f);
  CHECK(doc.blocks[3].kind == BlockKind::paragraph);
  CHECK(doc.blocks[4].kind == BlockKind::paragraph);  // blank lines are ignored
  CHECK_FALSE(doc.hard_wrapped);
  // Ranges are the trimmed lines.
  CHECK(src.view(doc.blocks[2].range) == "What Happened on Sunday Night");
}

TEST_CASE("captions, date lines, one-word labels, menus and bylines are not headings", "[text]") {
  const galley::detail::SourceText src(
      "Council approves the new budget after a long night\n"
      "Politics\n"
      "Monday, December 15, 2025\n"
      "Updated 3:45 PM EST\n"
      "By Jane Doe\n"
      "The council approved the budget at 2 a.m. after eleven hours of debate, with seven votes to "
      "four.\n"
      "Home\n"
      "World\n"
      "Business\n"
      "Sport\n"
      "The mayor called the vote a relief and promised to publish every line of the budget "
      "online.\n"
      "Councillors leave the chamber after the vote (Photo: Jan Novak/Reuters)\n"
      "Opposition members said the savings were built on optimistic forecasts for tax revenue.\n"
      "Advertisement\n"
      "Story continues below advertisement\n"
      "Share this article\n"
      "The budget takes effect in January, when the first of the new bus routes opens.\n"
      "“We did what we could with what we had”\n"
      "Residents can comment on the plan until the end of the month at any library branch.\n"
      "What the budget means for schools\n"
      "Schools receive two percent more than last year, less than inflation.\n");
  const galley::parse::Document doc = read_text(src);
  CHECK(headings_of(doc) ==
        std::vector<std::string>{"Council approves the new budget after a long night",
                                 "What the budget means for schools"});
}

TEST_CASE("a line that ends like a sentence, or is long, is never a heading", "[text]") {
  const galley::detail::SourceText src(
      "Short line that ends with a period.\n"
      "Then a paragraph that follows it and runs on for a while to look like body text.\n"
      "Is this a question?\n"
      "Another paragraph that follows it and runs on for a while to look like body text.\n"
      "A list of things, with a comma,\n"
      "Another paragraph that follows it and runs on for a while to look like body text.\n"
      "A very long line without any final punctuation that goes on and on past the ninety "
      "character limit\n"
      "Another paragraph that follows it and runs on for a while to look like body text.\n");
  CHECK(headings_of(read_text(src)).empty());
}

TEST_CASE("headings that look like their siblings are recognised together", "[text]") {
  const galley::detail::SourceText src(
      "The storm reached the coast on Sunday evening and closed the port for two days.\n"
      "Damage on the coast\n"
      "Winds tore roofs from houses along the seafront and flooded the lower town.\n"
      "The ferry terminal\n"
      "The terminal lost power for a day, and two ferries waited offshore until Tuesday.\n"
      "Rebuilding the harbour wall\n"
      "Engineers expect the repairs to take the rest of the year and most of the budget.\n");
  CHECK(headings_of(read_text(src)) == std::vector<std::string>{"Damage on the coast",
                                                                "The ferry terminal",
                                                                "Rebuilding the harbour wall"});
}

TEST_CASE("part labels are headings, with or without a colon", "[text]") {
  const galley::detail::SourceText src(
      "The council approved the budget on Tuesday after eleven hours of debate.\n"
      "Key points:\n"
      "- Seven votes to four.\n"
      "- Bus routes expand in January.\n"
      "Credits\n"
      "Reporting by Jane Doe.\n");
  const galley::parse::Document doc = read_text(src);
  CHECK(headings_of(doc) == std::vector<std::string>{"Key points:", "Credits"});
  CHECK(doc.blocks[1].how.reason == "part-label");
}

TEST_CASE("list items: -, *, • and numbered, with start number and delimiter", "[text]") {
  const galley::detail::SourceText src(
      "Three things changed this week in the city council and its committees.\n"
      "- first\n"
      "* second\n"
      "\xE2\x80\xA2 third\n"
      "Then the numbered steps that residents should take before the deadline.\n"
      "3) register\n"
      "4) vote\n");
  const galley::parse::Document doc = read_text(src);
  REQUIRE(doc.blocks.size() == 4);
  REQUIRE(doc.blocks[1].kind == BlockKind::list);
  CHECK_FALSE(doc.blocks[1].ordered);
  REQUIRE(doc.blocks[1].children.size() == 3);
  CHECK(galley::detail::plain_text(doc.blocks[1].children[2]) == "third");
  CHECK(src.view(doc.blocks[1].children[0].children[0].range) == "first");
  REQUIRE(doc.blocks[3].kind == BlockKind::list);
  CHECK(doc.blocks[3].ordered);
  CHECK(doc.blocks[3].start == 3);
  CHECK(doc.blocks[3].delimiter == ')');
  CHECK(doc.blocks[3].children.size() == 2);
}

TEST_CASE("hard-wrapped text: blocks separated by blank lines are paragraphs", "[text]") {
  const galley::detail::SourceText src(
      "Harbour reopens after the storm\n"
      "\n"
      "Ships returned to the harbour on Tuesday, two days after the storm\n"
      "closed it. The harbour master said the channel had been checked by\n"
      "divers and was safe for ferries and fishing boats alike.\n"
      "\n"
      "What comes next\n"
      "\n"
      "Repairs to the harbour wall will take most of the year, and the cost\n"
      "is not yet known. The council meets on Thursday to discuss how the\n"
      "work will be paid for and who will carry it out.\n"
      "\n"
      "- divers checked the channel\n"
      "- the wall needs repairs that\n"
      "  will take a year\n");
  const galley::parse::Document doc = read_text(src);
  CHECK(doc.hard_wrapped);
  REQUIRE(doc.blocks.size() == 5);
  CHECK(doc.blocks[0].kind == BlockKind::heading);
  CHECK(doc.blocks[1].kind == BlockKind::paragraph);
  CHECK(galley::detail::plain_text(doc.blocks[1].inlines) ==
        "Ships returned to the harbour on Tuesday, two days after the storm closed it. The harbour "
        "master said "
        "the channel had been checked by divers and was safe for ferries and fishing boats alike.");
  CHECK(doc.blocks[2].kind == BlockKind::heading);
  CHECK(doc.blocks[3].kind == BlockKind::paragraph);
  REQUIRE(doc.blocks[4].kind == BlockKind::list);
  REQUIRE(doc.blocks[4].children.size() == 2);
  CHECK(galley::detail::plain_text(doc.blocks[4].children[1]) ==
        "the wall needs repairs that will take a year");
}

TEST_CASE("text pasted one paragraph a line is not taken for hard-wrapped", "[text]") {
  const std::string sample =
      read_file(fs::path(GALLEY_TEST_DATA) / "samples" / "security-guarantees.txt");
  const galley::detail::SourceText src(sample);
  CHECK_FALSE(read_text(src).hard_wrapped);
}

TEST_CASE("auto-detection: the pasted sample is text, the CC0 posts are Markdown",
          "[text][detect]") {
  const fs::path samples = fs::path(GALLEY_TEST_DATA) / "samples";
  std::string reason;
  {
    const galley::detail::SourceText src(read_file(samples / "security-guarantees.txt"));
    CHECK(galley::parse::detect_mode(src, galley::parse::parse_front_matter(src), reason) ==
          InputMode::text);
    CHECK(reason.find("pasted text") != std::string::npos);
  }
  size_t posts = 0;
  for (const char* dir : {"digitalgov", "18f"}) {
    for (const auto& e : fs::directory_iterator(samples / dir)) {
      const galley::detail::SourceText src(read_file(e.path()));
      INFO(e.path().string());
      CHECK(galley::parse::detect_mode(src, galley::parse::parse_front_matter(src), reason) ==
            InputMode::markdown);
      ++posts;
    }
  }
  CHECK(posts == 9);
  {
    const galley::detail::SourceText src(
        "# Title\n\nSome *text* with a [link](https://example.org).\n");
    CHECK(galley::parse::detect_mode(src, {}, reason) == InputMode::markdown);
    CHECK(reason.find("headings") != std::string::npos);
  }
  {
    const galley::detail::SourceText src("A line.\nAnother line with **one** bold word.\n");
    CHECK(galley::parse::detect_mode(src, {}, reason) == InputMode::text);
  }
}

TEST_CASE("Markdown inside a line is seen wherever it stands in the line", "[text][detect]") {
  // The marks a line holds inside it are found by a scan that jumps eight bytes at a time: each
  // one is put at every position of lines of several lengths, and near misses are not marks.
  struct Case {
    std::string_view mark;
    const char* found;  // what the reason names, or null: no Markdown
  };
  const Case cases[] = {{"](", "links"},        {"**x**", "emphasis"}, {"{{<", "other markup"},
                        {"{%", "other markup"}, {"] (", nullptr},      {"***", nullptr},
                        {"* *x* *", nullptr},   {"{ %", nullptr},      {"{{ <", nullptr}};
  std::string reason;
  for (const Case& c : cases) {
    for (size_t length = c.mark.size(); length <= 27; ++length) {
      for (size_t at = 0; at + c.mark.size() <= length; ++at) {
        std::string line(length, 'a');
        line.replace(at, c.mark.size(), c.mark);
        if (line.back() == '*') line += 'a';
        // Three such lines: enough markup for Markdown whatever the mark counts for.
        const galley::detail::SourceText src(line + "\n\n" + line + "\n\n" + line + "\n");
        INFO(line);
        const InputMode mode = galley::parse::detect_mode(src, {}, reason);
        if (c.found == nullptr) {
          CHECK(mode == InputMode::text);
        } else {
          CHECK(mode == InputMode::markdown);
          CHECK(reason.find(c.found) != std::string::npos);
        }
      }
    }
  }
}

TEST_CASE("CRLF, a byte-order mark, tabs and trailing spaces change nothing", "[text][normalise]") {
  const std::string sample =
      read_file(fs::path(GALLEY_TEST_DATA) / "samples" / "security-guarantees.txt");
  const std::string base = model_of(sample, InputMode::automatic);
  CHECK(base.find("\"Key Takeaways\"") != std::string::npos);

  const std::string crlf = replace_all(sample, "\n", "\r\n");
  CHECK(model_of(crlf, InputMode::automatic) == base);
  CHECK(model_of("\xEF\xBB\xBF" + sample, InputMode::automatic) == base);
  CHECK(model_of(replace_all(sample, "\n", " \t  \n"), InputMode::automatic) == base);
  CHECK(model_of(replace_all("\t" + sample, "\n", "\n\t"), InputMode::automatic) == base);
  CHECK(model_of(replace_all(sample, "\n", "\r"), InputMode::automatic) == base);

  const std::string md = read_file(fs::path(GALLEY_TEST_DATA) / "golden" /
                                   "security-guarantees-markdown" / "input.md");
  const std::string md_base = model_of(md, InputMode::automatic);
  CHECK(md_base.find("\"Key Takeaways\"") != std::string::npos);
  CHECK(model_of(replace_all(md, "\n", "\r\n"), InputMode::automatic) == md_base);
  CHECK(model_of("\xEF\xBB\xBF" + md, InputMode::automatic) == md_base);
  CHECK(model_of(replace_all(md, "\n", " \n"), InputMode::automatic) == md_base);
}
