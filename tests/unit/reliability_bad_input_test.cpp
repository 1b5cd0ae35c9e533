// Hostile and broken input: invalid UTF-8 of every class, NUL, line-end mixtures, a BOM, empty
// and blank input, the size limit, malformed front matter, JSON input and options. Each gets
// its documented diagnostic or error code, and the next call works as before.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "../../fuzz/harness.h"
#include "galley/galley.h"

namespace {

using galley::Diagnostic;
using galley::ErrorCode;
using galley::FormatResult;
using galley::Options;

Options all_outputs(galley::InputMode mode = galley::InputMode::automatic) {
  Options o;
  o.input = mode;
  o.outputs = galley::kOutputHtml | galley::kOutputMarkdown | galley::kOutputJson |
              galley::kOutputJsonLd | galley::kOutputText;
  return o;
}

size_t count_of(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size()))
    ++n;
  return n;
}

std::vector<const Diagnostic*> findings(const FormatResult& r, const std::string& rule) {
  std::vector<const Diagnostic*> out;
  for (const Diagnostic& d : r.diagnostics) {
    if (d.rule == rule) out.push_back(&d);
  }
  return out;
}

// After any refusal or odd input, a plain article must come out exactly as it always does.
void require_still_working() {
  static const std::string reference = [] {
    auto r = galley::format("# Still here\n\nThe dek.\n\n## Part\n\nBody text.\n", all_outputs());
    return r ? r->html + r->markdown + r->text : std::string("failed");
  }();
  auto r = galley::format("# Still here\n\nThe dek.\n\n## Part\n\nBody text.\n", all_outputs());
  REQUIRE(r.ok());
  REQUIRE(r->html + r->markdown + r->text == reference);
  REQUIRE(r->article.headline);
}

void require_sound(const std::string& source, const Options& options = all_outputs()) {
  auto r = galley::format(source, options);
  REQUIRE(r.ok());
  INFO(galley::reliability::result_issue(r.value(), source, options));
  REQUIRE(galley::reliability::result_issue(r.value(), source, options).empty());
}

const std::string kReplacement = "\xEF\xBF\xBD";

}  // namespace

TEST_CASE("invalid UTF-8 of every class becomes U+FFFD per maximal subpart, with a diagnostic",
          "[reliability][utf8]") {
  struct Case {
    const char* name;
    std::string bytes;
    size_t replacements;  // WHATWG "maximal subpart" count
  };
  const std::vector<Case> cases = {
      {"overlong 2-byte slash", "\xC0\xAF", 2},
      {"overlong 3-byte slash", "\xE0\x80\xAF", 3},
      {"overlong 4-byte slash", "\xF0\x80\x80\xAF", 4},
      {"overlong NUL", "\xC0\x80", 2},
      {"high surrogate", "\xED\xA0\x80", 3},
      {"low surrogate", "\xED\xBF\xBF", 3},
      {"surrogate pair encoded as CESU-8", "\xED\xA0\xBD\xED\xB8\x80", 6},
      {"truncated 3-byte sequence", "\xE2\x82", 1},
      {"truncated 4-byte sequence", "\xF0\x9F\x98", 1},
      {"lone continuation byte", "\x80", 1},
      {"continuation bytes run", "\x80\xBF\x80", 3},
      {"byte FE", "\xFE", 1},
      {"byte FF", "\xFF", 1},
      {"above U+10FFFF", "\xF4\x90\x80\x80", 4},
      {"5-byte form", "\xF8\x88\x80\x80\x80", 5},
  };
  for (const Case& c : cases) {
    SECTION(c.name) {
      const std::string source =
          "# Caf" + c.bytes + " au lait\n\nThe dek is " + c.bytes + "here.\n";
      require_sound(source);
      auto r = galley::format(source, all_outputs());
      REQUIRE(r.ok());
      CHECK(count_of(r->text, kReplacement) == 2 * c.replacements);
      const auto found = findings(r.value(), "input/invalid-utf8");
      REQUIRE(!found.empty());
      CHECK(found.front()->line == 1);
      CHECK(found.front()->column == 6);  // "# Caf" is five units
      CHECK(found.back()->line == 3);
      // The words around the damage survive.
      CHECK(r->text.find(" au lait") != std::string::npos);
      CHECK(r->text.find("here.") != std::string::npos);
      require_still_working();
    }
  }
}

TEST_CASE("valid UTF-8 at the edges of each range is not replaced", "[reliability][utf8]") {
  const std::string source =
      "# Edges\n\n\xC2\x80 \xDF\xBF \xE0\xA0\x80 \xED\x9F\xBF \xEE\x80\x80 \xEF\xBF\xBF "
      "\xF0\x90\x80\x80 \xF4\x8F\xBF\xBF end.\n";
  auto r = galley::format(source, all_outputs());
  REQUIRE(r.ok());
  CHECK(findings(r.value(), "input/invalid-utf8").empty());
  CHECK(r->text.find(kReplacement) == std::string::npos);
  CHECK(r->text.find("\xF4\x8F\xBF\xBF end.") != std::string::npos);
}

TEST_CASE("NUL bytes become U+FFFD with a diagnostic and cut no text", "[reliability][nul]") {
  static const char raw[] = "# Ti\0tle\n\nOne\0two three.\n\0\n";
  const std::string source(raw, sizeof(raw) - 1);
  require_sound(source);
  auto r = galley::format(source, all_outputs());
  REQUIRE(r.ok());
  CHECK(r->text.find(std::string(1, '\0')) == std::string::npos);
  CHECK(r->html.find(std::string(1, '\0')) == std::string::npos);
  CHECK(r->text.find("One" + kReplacement + "two three.") != std::string::npos);
  CHECK(findings(r.value(), "input/invalid-utf8").size() >= 2);
  require_still_working();
}

TEST_CASE("LF, CRLF, lone CR and mixed line ends give the same article and the same lines",
          "[reliability][lines]") {
  const std::vector<std::string> lines = {"# Title",   "", "The dek.",   "", "## Empty",   "",
                                          "## Full",   "", "Body text.", "", "### Deeper", "",
                                          "More text."};
  auto join = [&](const std::vector<std::string>& ends) {
    std::string s;
    for (size_t i = 0; i < lines.size(); ++i) s += lines[i] + ends[i % ends.size()];
    return s;
  };
  const std::string lf = join({"\n"});
  auto base = galley::format(lf, all_outputs());
  REQUIRE(base.ok());
  for (const auto& ends : std::vector<std::vector<std::string>>{
           {"\r\n"}, {"\r"}, {"\r\n", "\n", "\r"}, {"\n", "\r"}}) {
    const std::string source = join(ends);
    INFO("line ends of the variant: " << ends.size());
    require_sound(source);
    auto r = galley::format(source, all_outputs());
    REQUIRE(r.ok());
    CHECK(r->text == base->text);
    CHECK(r->html == base->html);
    REQUIRE(r->diagnostics.size() == base->diagnostics.size());
    for (size_t i = 0; i < r->diagnostics.size(); ++i) {
      const Diagnostic& d = r->diagnostics[i];
      const Diagnostic& b = base->diagnostics[i];
      CHECK(d.rule == b.rule);
      CHECK(d.line == b.line);
      CHECK(d.column == b.column);
      CHECK(d.end_line == b.end_line);
      // Offsets count the line ends as JavaScript does: check them against the source itself.
      const std::string first_line = lines[d.line - 1];
      size_t expected = 0;
      for (uint32_t l = 1; l < d.line; ++l)
        expected += lines[l - 1].size() + ends[(l - 1) % ends.size()].size();
      CHECK(d.offset == expected + d.column - 1);
    }
  }
  require_still_working();
}

TEST_CASE("a byte-order mark is set aside: not in the headline, kept by fix()",
          "[reliability][bom]") {
  const std::string source = "\xEF\xBB\xBF# Title\n\nThe dek.\n";
  require_sound(source);
  auto r = galley::format(source, all_outputs());
  REQUIRE(r.ok());
  REQUIRE(r->article.headline);
  CHECK(r->text.rfind("Title\n", 0) == 0);
  CHECK(r->html.find("\xEF\xBB\xBF") == std::string::npos);
  CHECK(r->markdown.find("\xEF\xBB\xBF") == std::string::npos);
  auto f = galley::fix(source);
  REQUIRE(f.ok());
  CHECK(f->source.rfind("\xEF\xBB\xBF# Title", 0) == 0);
  // A BOM in the middle is text, not a mark: it is kept and its neighbours too.
  require_sound(
      "# A\xEF\xBB\xBF"
      "B\n\nText\xEF\xBB\xBF here.\n");
}

TEST_CASE("empty and blank input format to an empty article", "[reliability][empty]") {
  for (const std::string& source :
       {std::string(), std::string(" "), std::string("\n\n\n"), std::string("\r\n\t \r\n"),
        std::string(" \t\f\v\n"), std::string("\xC2\xA0\xE2\x80\x83\n")}) {
    for (auto mode :
         {galley::InputMode::automatic, galley::InputMode::markdown, galley::InputMode::text}) {
      require_sound(source, all_outputs(mode));
      auto r = galley::format(source, all_outputs(mode));
      REQUIRE(r.ok());
      CHECK(!r->article.headline);
      CHECK(r->stats.words == 0);
      auto f = galley::fix(source);
      REQUIRE(f.ok());
      CHECK(galley::reliability::words_of(f->source).empty());
    }
  }
  require_still_working();
}

TEST_CASE("input over the size limit is refused with input-too-large naming the option",
          "[reliability][limit]") {
  CHECK(Options{}.max_input_bytes == 8u * 1024u * 1024u);
  const std::string over(8u * 1024u * 1024u + 1u, 'a');
  for (int command = 0; command < 3; ++command) {
    const galley::Error e = command == 0   ? galley::format(over).error()
                            : command == 1 ? galley::check(over).error()
                                           : galley::fix(over).error();
    CHECK(e.code == ErrorCode::input_too_large);
    CHECK(e.field == "maxInputBytes");
    CHECK(e.message.find("8388609") != std::string::npos);
  }
  const std::string reply = galley::run_json("format", over, "{}");
  CHECK(reply.find("\"code\":\"input-too-large\"") != std::string::npos);
  // The limit is configurable, and inclusive.
  Options small;
  small.max_input_bytes = 1000;
  CHECK(galley::format(std::string(1000, 'b'), small).ok());
  CHECK(galley::format(std::string(1001, 'b'), small).error().code == ErrorCode::input_too_large);
  auto opts = galley::parse_options("{\"maxInputBytes\": 10}");
  REQUIRE(opts.ok());
  CHECK(galley::format("01234567890", opts.value()).error().code == ErrorCode::input_too_large);
  require_still_working();
}

TEST_CASE("malformed front matter is kept as text or reported, never lost or fatal",
          "[reliability][front-matter]") {
  const std::vector<std::string> cases = {
      "---\ntitle: [unclosed\nauthor: {a: \n---\n\nBody words stay.\n",
      "---\ntitle: \"unterminated\n---\n\nBody words stay.\n",
      "---\n\tbad: indentation\n  - mixed\n---\n\nBody words stay.\n",
      "---\n- a list\n- not a map\n---\n\nBody words stay.\n",
      "---\ntitle: &a [*a, *a]\nx: *b\n---\n\nBody words stay.\n",
      "---\ntitle: !!binary AAAA\n---\n\nBody words stay.\n",
      "---\ntitle: Never closed\n\nBody words stay.\n",
      "+++\ntitle = \n+++\n\nBody words stay.\n",
      "+++\ntitle = \"x\"\ntitle = \"y\"\n+++\n\nBody words stay.\n",
      "+++\n[[[\n+++\n\nBody words stay.\n",
      "---\n---\n\nBody words stay.\n",
      "---\n" + std::string(5000, '[') + "\n---\n\nBody words stay.\n",
      "---\n" + std::string(5000, '-') + " \n---\n\nBody words stay.\n",
  };
  for (const std::string& source : cases) {
    INFO(source.substr(0, 60));
    require_sound(source);
    auto r = galley::format(source, all_outputs());
    REQUIRE(r.ok());
    CHECK(r->text.find("Body words stay.") != std::string::npos);
    CHECK(galley::reliability::words_of(r->text).size() >= 3);
  }
  require_still_working();
}

TEST_CASE("malformed JSON input is refused with invalid-json and its position",
          "[reliability][json]") {
  const Options json_in = all_outputs(galley::InputMode::json);
  struct Case {
    std::string source;
    std::string where;  // expected in the message, empty when the position is not the point
  };
  const std::vector<Case> cases = {
      {"", "line 1, column 1"},
      {"{", ""},
      {"{\"schema\": \"galley.article/v1\",\n  \"headline\": {\"text\": \"x\"},,\n}", "line 2"},
      {"[1, 2", ""},
      {"nul", ""},
      {"{\"schema\": \"galley.article/v1\"} trailing", ""},
      {"\"just a string\"", ""},
      {"{\"schema\": \"other/v9\"}", ""},
      {"{\"schema\": \"galley.article/v1\", \"sections\": 7}", ""},
      {"{\"a\": \"\xFF\xFE\"}", ""},
      {std::string(100000, '['), ""},
      {std::string(100000, '{'), ""},
  };
  for (const Case& c : cases) {
    INFO(c.source.substr(0, 60));
    auto r = galley::format(c.source, json_in);
    if (r.ok()) {
      // A valid but odd model renders; nothing else is acceptable.
      REQUIRE(galley::reliability::result_issue(r.value(), c.source, json_in).empty());
      continue;
    }
    CHECK(r.error().code == ErrorCode::invalid_json);
    CHECK(!r.error().message.empty());
    if (!c.where.empty()) CHECK(r.error().message.find(c.where) != std::string::npos);
  }
  // Deeply nested but valid JSON (inside the model) must not exhaust the stack either.
  std::string deep = "{\"schema\": \"galley.article/v1\", \"x\": " + std::string(20000, '[') +
                     std::string(20000, ']') + "}";
  auto d = galley::format(deep, json_in);
  CHECK((d.ok() || d.error().code == ErrorCode::invalid_json));
  require_still_working();
}

TEST_CASE("malformed options and config are refused with invalid-options naming the field",
          "[reliability][options]") {
  struct Case {
    std::string json;
    std::string field;
  };
  const std::vector<Case> cases = {
      {"{", ""},
      {"[]", ""},
      {"\"news\"", ""},
      {"{\"profile\": \"tabloid\"}", "profile"},
      {"{\"input\": 3}", "input"},
      {"{\"outputs\": \"html\"}", "outputs"},
      {"{\"outputs\": [\"html\", \"pdf\"]}", "outputs[1]"},
      {"{\"rules\": []}", "rules"},
      {"{\"rules\": {\"no/such-rule\": \"error\"}}", "rules.no/such-rule"},
      {"{\"rules\": {\"headline/missing\": \"loud\"}}", "rules.headline/missing"},
      {"{\"rules\": {\"headline/missing\": [\"error\", {\"nope\": 1}]}}",
       "rules.headline/missing.nope"},
      {"{\"locale\": \"xx\"}", "locale"},
      {"{\"maxInputBytes\": -1}", "maxInputBytes"},
      {"{\"maxInputBytes\": 1e999}", ""},
      {"{\"suppress\": [{\"rule\": \"headline/missing\"}]}", "suppress[0].startLine"},
      {"{\"labels\": {\"bogus\": []}}", "labels.bogus"},
      {"{\"unknownKey\": true}", "unknownKey"},
      {"{\"document\": \"yes\"}", "document"},
      {"{\"profile\": \"news\"" + std::string(1000, ' ') + ",}", ""},
      {std::string(50000, '['), ""},
      {"{\"labels\": {\"takeaways\": [\"\xFF\"]}}", ""},
  };
  for (const Case& c : cases) {
    INFO(c.json.substr(0, 80));
    for (int config = 0; config < 2; ++config) {
      auto r = config ? galley::apply_config(c.json, Options{}) : galley::parse_options(c.json);
      if (c.field.empty() && r.ok()) continue;  // some odd inputs are acceptable; none may crash
      REQUIRE(!r.ok());
      CHECK(r.error().code == ErrorCode::invalid_options);
      CHECK(!r.error().message.empty());
      if (!c.field.empty()) CHECK(r.error().field == c.field);
    }
    const std::string reply = galley::run_json("format", "# T\n", c.json);
    CHECK(galley::reliability::is_json(reply));
    if (!c.field.empty()) CHECK(reply.find("\"code\":\"invalid-options\"") != std::string::npos);
  }
  CHECK(galley::run_json("explode", "# T\n", "{}").find("\"ok\":false") != std::string::npos);
  require_still_working();
}
