// fix(): exact, non-overlapping edits in bounded passes that never remove a word.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "galley/galley.h"
#include "test_support.h"
#include "rules/fixes.h"

namespace fs = std::filesystem;

using galley::test::read_file;

namespace {

galley::Diagnostic with_fix(uint32_t begin, uint32_t end, std::string text,
                            std::string rule = "test/rule") {
  galley::Diagnostic d;
  d.rule = std::move(rule);
  galley::Fix f;
  f.range = {begin, end};
  f.text = std::move(text);
  d.fix = f;
  return d;
}

std::string apply(std::string_view text, const std::vector<galley::Diagnostic>& list) {
  return galley::rules::apply_fixes(text, galley::rules::choose_fixes(text, list));
}

galley::Options markdown() {
  galley::Options o;
  o.input = galley::InputMode::markdown;
  return o;
}

// Markdown with only the named rules on.
galley::Options only(std::initializer_list<std::string> ids) {
  galley::Options o = markdown();
  for (const galley::RuleInfo& r : galley::rule_catalogue()) {
    o.rules[r.id].severity = std::find(ids.begin(), ids.end(), r.id) != ids.end()
                                 ? galley::Severity::warning
                                 : galley::Severity::off;
  }
  return o;
}

}  // namespace

TEST_CASE("keeps_words accepts edits that keep every word", "[fix]") {
  using galley::rules::keeps_words;
  const std::string s = "It's a four-year plan, 90 % agreed.";
  CHECK(keeps_words(s, {2, 3}, "\xE2\x80\x99"));                   // it's -> it’s
  CHECK(keeps_words(s, {11, 12}, "\xE2\x80\x91"));                 // four-year -> four‑year
  CHECK(keeps_words(s, {25, 26}, ""));                             // 90 % -> 90%
  CHECK(keeps_words(s, {21, 22}, ""));                             // drop the comma
  CHECK(keeps_words(s, {0, 1}, "i"));                              // case
  CHECK(keeps_words(s, {6, 6}, " very"));                          // a word added
  CHECK(keeps_words(s, {0, static_cast<uint32_t>(s.size())}, s));  // nothing changes
}

TEST_CASE("keeps_words refuses edits that lose, join or change a word", "[fix]") {
  using galley::rules::keeps_words;
  const std::string s = "It's a four-year plan, 90 % agreed.";
  CHECK_FALSE(keeps_words(s, {5, 7}, ""));          // "a " removed
  CHECK_FALSE(keeps_words(s, {6, 7}, ""));          // "a four-year" joined
  CHECK_FALSE(keeps_words(s, {17, 21}, "scheme"));  // plan -> scheme
  CHECK_FALSE(keeps_words(s, {13, 14}, "a"));       // four-year -> four-yaar
  CHECK_FALSE(keeps_words(s, {23, 25}, ""));        // the number
}

TEST_CASE("choose_fixes keeps non-overlapping, valid edits in order", "[fix]") {
  const std::string s = "One two three four five.";
  // Overlap: the later-starting edit loses.
  CHECK(apply(s, {with_fix(4, 13, "TWO THREE"), with_fix(8, 13, "THREE!")}) ==
        "One TWO THREE four five.");
  // Touching edits both apply, whatever order they are reported in.
  CHECK(apply(s, {with_fix(8, 13, "THREE"), with_fix(4, 8, "TWO ")}) == "One TWO THREE four five.");
  // Two insertions at one place: the first reported wins; an insertion may touch an edit.
  CHECK(apply(s, {with_fix(3, 3, ","), with_fix(3, 3, ";"), with_fix(3, 4, " ")}) ==
        "One, two three four five.");
  CHECK(apply(s, {with_fix(4, 7, "TWO"), with_fix(7, 7, ",")}) == "One TWO, three four five.");
  // Out of range, inside a code point, changing nothing, or losing a word: dropped.
  CHECK(apply(s, {with_fix(20, 40, "")}) == s);
  CHECK(apply(s, {with_fix(3, 8, "")}) == s);
  CHECK(apply(s, {with_fix(0, 3, "One")}) == s);
  const std::string u = "Caf\xC3\xA9 au lait";
  CHECK(apply(u, {with_fix(4, 5, "e")}) == u);
  CHECK(galley::rules::choose_fixes(s, {with_fix(0, 3, "One")}).empty());
  CHECK(galley::rules::choose_fixes(s, {galley::Diagnostic{}}).empty());
}

TEST_CASE("a fix may span lines", "[fix]") {
  const std::string s = "> We are close.\n> -- Jane Doe\n\nNext.\n";
  CHECK(apply(s, {with_fix(14, 21, ".\n> \xE2\x80\x94 ")}) ==
        "> We are close.\n> \xE2\x80\x94 Jane Doe\n\nNext.\n");
}

TEST_CASE("fix() applies every fix, re-checks and reports what it changed", "[fix]") {
  const std::string src =
      "# Talks resume in Berlin\n\nThe dek.\n\n## What was agreed:\n\n> We are closer now than "
      "ever.\n> -- Donald Trump\n\n"
      "## Next steps.\n\nText.\n";
  const galley::Options options =
      only({"heading/trailing-punctuation", "quotes/attribution-format"});
  galley::Result<galley::FixResult> r = galley::fix(src, options);
  REQUIRE(r.ok());
  CHECK(r->source ==
        "# Talks resume in Berlin\n\nThe dek.\n\n## What was agreed\n\n> We are closer now than "
        "ever.\n> \xE2\x80\x94 Donald Trump\n\n"
        "## Next steps\n\nText.\n");
  REQUIRE(r->applied.size() == 3);
  CHECK(r->applied[0].rule == "heading/trailing-punctuation");
  CHECK(r->applied[0].line == 5);
  CHECK(r->applied[0].column == 1);
  CHECK(r->applied[0].before == ":");
  CHECK(r->applied[0].after == "");
  CHECK(r->applied[1].rule == "quotes/attribution-format");
  CHECK(r->applied[1].before == "-- ");
  CHECK(r->applied[1].after == "\xE2\x80\x94 ");
  CHECK(r->applied[2].before == ".");
  CHECK(r->passes == 2);  // one pass that fixes, one that finds nothing left to fix
  for (const galley::Diagnostic& d : r->remaining) CHECK_FALSE(d.fix.has_value());

  // Fixing again changes nothing.
  galley::Result<galley::FixResult> again = galley::fix(r->source, options);
  REQUIRE(again.ok());
  CHECK(again->source == r->source);
  CHECK(again->applied.empty());
  CHECK(again->passes == 1);
}

TEST_CASE("fix offsets count UTF-16 units and the source keeps its BOM and line ends", "[fix]") {
  // U+1F600 takes two UTF-16 units: the colon is at UTF-16 offset 13.
  const std::string src = "# \xF0\x9F\x98\x80 Headline:\r\n\r\nThe dek.\r\n";
  galley::Result<galley::FormatResult> checked = galley::check(src, markdown());
  REQUIRE(checked.ok());
  const galley::Diagnostic* d = nullptr;
  for (const galley::Diagnostic& x : checked->diagnostics) {
    if (x.rule == "heading/trailing-punctuation") d = &x;
  }
  REQUIRE(d != nullptr);
  REQUIRE(d->fix.has_value());
  CHECK(d->fix->offset == 13);
  CHECK(d->fix->end_offset == 14);
  CHECK(d->end_column == 15);
  galley::Result<galley::FixResult> fixed = galley::fix("\xEF\xBB\xBF" + src, markdown());
  REQUIRE(fixed.ok());
  CHECK(fixed->source == "\xEF\xBB\xBF# \xF0\x9F\x98\x80 Headline\r\n\r\nThe dek.\r\n");
  // With the BOM the same colon is one unit further on, as JavaScript counts it.
  galley::Result<galley::FormatResult> with_bom = galley::check("\xEF\xBB\xBF" + src, markdown());
  REQUIRE(with_bom.ok());
  for (const galley::Diagnostic& x : with_bom->diagnostics) {
    if (x.rule == "heading/trailing-punctuation") CHECK(x.fix->offset == 14);
  }
}

TEST_CASE("fix() never removes a word of the sample articles", "[fix][samples]") {
  const fs::path root = fs::path(GALLEY_TEST_DATA) / "samples";
  size_t files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    const fs::path p = entry.path();
    if (!entry.is_regular_file() || (p.extension() != ".md" && p.extension() != ".txt")) continue;
    if (p.filename() == "README.md") continue;
    ++files;
    const std::string src = read_file(p);
    galley::Result<galley::FixResult> fixed = galley::fix(src);
    INFO(p.string());
    REQUIRE(fixed.ok());
    CHECK(fixed->passes <= 10);
    CHECK(galley::rules::keeps_words(src, {0, static_cast<uint32_t>(src.size())}, fixed->source));
    for (const galley::Diagnostic& d : fixed->remaining) CHECK_FALSE(d.fix.has_value());
    galley::Result<galley::FixResult> again = galley::fix(fixed->source);
    REQUIRE(again.ok());
    CHECK(again->source == fixed->source);
  }
  CHECK(files >= 5);
}

TEST_CASE("fix results serialise with what changed", "[fix]") {
  galley::Result<galley::FixResult> r = galley::fix("# Headline:\n\nThe dek.\n", markdown());
  REQUIRE(r.ok());
  const nlohmann::json json = nlohmann::json::parse(galley::fix_result_to_json(r.value()));
  CHECK(json["source"] == "# Headline\n\nThe dek.\n");
  REQUIRE(json["applied"].size() == 1);
  CHECK(json["applied"][0]["rule"] == "heading/trailing-punctuation");
  CHECK(json["applied"][0]["before"] == ":");
  CHECK(json["passes"] == 2);
}
