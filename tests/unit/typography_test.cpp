// Tests of the typography module: per-locale cases, context across text nodes, and the
// properties the renderers rely on (idempotent, letters unchanged, edits ordered).
#include "typography/typography.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "galley/galley.h"
#include "text_util.h"

namespace ty = galley::typography;

namespace {

std::string fix(std::string_view text, std::string_view locale = "en", unsigned kinds = ty::kAll) {
  ty::Context c;
  c.locale = locale;
  return ty::apply(text, kinds, c);
}

// Shows invisible spaces so that failures are readable.
std::string visible(std::string s) {
  const auto swap = [&](std::string_view from, std::string_view to) {
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
      s.replace(at, from.size(), to);
    }
  };
  swap("\xE2\x80\xAF", "<nnbsp>");
  swap("\xC2\xA0", "<nbsp>");
  return s;
}

// The letters and digits of a text, in order.
std::u32string letters(std::string_view s) {
  std::u32string out;
  size_t i = 0;
  while (i < s.size()) {
    const char32_t c = galley::detail::decode_utf8(s, i);
    if (galley::detail::is_word_char(c)) out += c;
  }
  return out;
}

std::vector<std::string> sample_lines() {
  std::vector<std::string> lines;
  const std::filesystem::path root = std::filesystem::path(GALLEY_TEST_DATA) / "samples";
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    const auto ext = entry.path().extension();
    if (ext != ".txt" && ext != ".md") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::string line;
    while (std::getline(in, line)) lines.push_back(line);
  }
  return lines;
}

// Text made of the pieces typography cares about, in random order (deterministic).
std::vector<std::string> generated_texts(size_t count) {
  static const char* const kPieces[] = {"word",
                                        "Word",
                                        "it",
                                        "s",
                                        "90",
                                        "1990",
                                        "5",
                                        "l",
                                        "homme",
                                        " ",
                                        "  ",
                                        "   ",
                                        "\"",
                                        "'",
                                        "-",
                                        "--",
                                        "---",
                                        "----",
                                        "...",
                                        "..",
                                        "....",
                                        "%",
                                        ";",
                                        ":",
                                        "!",
                                        "?",
                                        ",",
                                        ".",
                                        "(",
                                        ")",
                                        "\xE2\x80\x91",
                                        "\xC2\xA0",
                                        "\xE2\x80\xAF",
                                        "\xC2\xAB",
                                        "\xC2\xBB",
                                        "\xE2\x80\x9C",
                                        "\xE2\x80\x9D",
                                        "\xE2\x80\x98",
                                        "\xE2\x80\x99",
                                        "\xE2\x80\x9E",
                                        "\xE2\x80\x9A",
                                        "\xE2\x80\x93",
                                        "\xE2\x80\x94",
                                        "\xE2\x80\xA6",
                                        "<",
                                        ">",
                                        "/",
                                        "\n",
                                        "\t",
                                        "em",
                                        "n",
                                        "'90s",
                                        "caf\xC3\xA9",
                                        ("\xC3\x9C"
                                         "ber"),
                                        "x"};
  const size_t n = sizeof(kPieces) / sizeof(kPieces[0]);
  uint64_t seed = 0x9E3779B97F4A7C15ull;
  const auto next = [&]() {
    seed ^= seed << 13;
    seed ^= seed >> 7;
    seed ^= seed << 17;
    return seed;
  };
  std::vector<std::string> out;
  for (size_t t = 0; t < count; ++t) {
    std::string s;
    const size_t len = 1 + next() % 24;
    for (size_t k = 0; k < len; ++k) s += kPieces[next() % n];
    out.push_back(std::move(s));
  }
  return out;
}

std::string read_sample() {
  std::ifstream in(std::filesystem::path(GALLEY_TEST_DATA) / "samples" / "security-guarantees.txt",
                   std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool is_typography(const galley::Diagnostic& d) { return d.rule.rfind("typography/", 0) == 0; }

// Diagnostics of the typography rules for a Markdown source.
std::vector<galley::Diagnostic> typography_findings(std::string_view source,
                                                    std::string_view locale = "en") {
  galley::Options o;
  o.input = galley::InputMode::markdown;
  o.outputs = 0;
  o.locale = std::string(locale);
  galley::Result<galley::FormatResult> r = galley::check(source, o);
  REQUIRE(r.ok());
  std::vector<galley::Diagnostic> out;
  for (const galley::Diagnostic& d : r->diagnostics) {
    if (is_typography(d)) out.push_back(d);
  }
  return out;
}

// The source text a diagnostic's fix replaces.
std::string fixed_text(std::string_view source, const galley::Diagnostic& d) {
  REQUIRE(d.fix.has_value());
  return std::string(source.substr(d.fix->range.begin, d.fix->range.end - d.fix->range.begin));
}

}  // namespace

TEST_CASE("English quotes and apostrophes", "[typography]") {
  CHECK(fix("\"Hello,\" she said.") == "\xE2\x80\x9CHello,\xE2\x80\x9D she said.");
  CHECK(fix("He said 'no' today.") == "He said \xE2\x80\x98no\xE2\x80\x99 today.");
  CHECK(fix("It's the '90s.") ==
        "It\xE2\x80\x99s the \xE2\x80\x99"
        "90s.");
  CHECK(fix("rock 'n' roll") == "rock \xE2\x80\x99n\xE2\x80\x99 roll");
  CHECK(fix("the Smiths' house") == "the Smiths\xE2\x80\x99 house");
  CHECK(fix("\"'Hi,' he said.\"") ==
        "\xE2\x80\x9C\xE2\x80\x98Hi,\xE2\x80\x99 he said.\xE2\x80\x9D");
  CHECK(fix("(\"nested\")") == "(\xE2\x80\x9Cnested\xE2\x80\x9D)");
  // Measurements stay as typed.
  CHECK(fix("He is 5'10\" tall.") == "He is 5'10\" tall.");
  // A mark with space on both sides, or between letters, has no direction.
  CHECK(fix("a \" b") == "a \" b");
  CHECK(fix("foo\"bar") == "foo\"bar");
}

TEST_CASE("German and French quotes", "[typography]") {
  CHECK(fix("\"Hallo,\" sagte sie.", "de") == "\xE2\x80\x9EHallo,\xE2\x80\x9C sagte sie.");
  CHECK(fix("Er sagte 'nein'.", "de-AT") == "Er sagte \xE2\x80\x9Anein\xE2\x80\x98.");
  CHECK(fix("Hans' Auto, so'n Ding", "de") == "Hans\xE2\x80\x99 Auto, so\xE2\x80\x99n Ding");
  CHECK(visible(fix("\"Bonjour\", dit-elle.", "fr")) == "«<nnbsp>Bonjour<nnbsp>», dit-elle.");
  // French writers often space straight marks: the spaces become the narrow no-break ones.
  CHECK(visible(fix("Il dit \" oui \" et \" non \".", "fr")) ==
        "Il dit «<nnbsp>oui<nnbsp>» et «<nnbsp>non<nnbsp>».");
  CHECK(fix("C'est l'homme d'aujourd'hui.", "fr") ==
        "C\xE2\x80\x99"
        "est l\xE2\x80\x99homme d\xE2\x80\x99"
        "aujourd\xE2\x80\x99hui.");
  // Unknown locales fall back to English.
  CHECK(fix("\"x\"", "pt") == "\xE2\x80\x9Cx\xE2\x80\x9D");
}

TEST_CASE("French spacing before semicolon, ! ? : and inside guillemets", "[typography]") {
  CHECK(visible(fix("Quoi ? Vraiment! Note: voici; fin", "fr")) ==
        "Quoi<nnbsp>? Vraiment<nnbsp>! Note<nbsp>: voici<nnbsp>; fin");
  CHECK(visible(fix("«mot» et «  mot  »", "fr")) == "«<nnbsp>mot<nnbsp>» et «<nnbsp>mot<nnbsp>»");
  // URLs, times and query strings are left alone; so is an existing no-break space.
  CHECK(fix("http://x.fr/a?b=1 \xC3\xA0 10:30", "fr") == "http://x.fr/a?b=1 \xC3\xA0 10:30");
  CHECK(fix("Quoi\xC2\xA0?", "fr") == "Quoi\xC2\xA0?");
  CHECK(visible(fix("Quoi ?!", "fr")) == "Quoi<nnbsp>?!");
  // Only French.
  CHECK(fix("Really ? Note: yes", "en") == "Really ? Note: yes");
}

TEST_CASE("dashes per locale", "[typography]") {
  CHECK(fix("word - word") == "word\xE2\x80\x94word");
  CHECK(fix("word -- word, word--word, word---word") ==
        "word\xE2\x80\x94word, word\xE2\x80\x94word, word\xE2\x80\x94word");
  CHECK(fix("Wort - Wort, Wort--Wort", "de") == "Wort \xE2\x80\x93 Wort, Wort \xE2\x80\x93 Wort");
  CHECK(fix("mot -- mot", "fr") == "mot \xE2\x80\x93 mot");
  CHECK(fix("-- Name", "de") == "\xE2\x80\x93 Name");
  // Compounds, arrows, rules, minus signs and ranges stay.
  CHECK(fix("well-known A --> B <-- C ---- -5 1990-1995 5 - 3") ==
        "well-known A --> B <-- C ---- -5 1990-1995 5 - 3");
  // An HTML comment written out as text is not a dash, opened or closed; "!--" alone may be.
  CHECK(fix("Type <!-- to open a comment, --> to close it: <!--<!--<!-- and <!---->") ==
        "Type <!-- to open a comment, --> to close it: <!--<!--<!-- and <!---->");
  CHECK(fix("Stop!-- now") == "Stop!\xE2\x80\x94now");
  // Number ranges only on request, and not in dates or chains.
  const unsigned ranges = ty::kAll | ty::kNumberRanges;
  CHECK(fix("1990-1995, pp. 10-20", "en", ranges) ==
        "1990\xE2\x80\x93"
        "1995, pp. 10\xE2\x80\x93"
        "20");
  CHECK(fix("2024-01-15 and A4-5 and 1.5-2.5", "en", ranges) == "2024-01-15 and A4-5 and 1.5-2.5");
}

TEST_CASE("ellipsis, percent, double spaces and non-breaking hyphens", "[typography]") {
  CHECK(fix("Wait... what") == "Wait\xE2\x80\xA6 what");
  CHECK(fix("two.. four....") == "two.. four....");
  CHECK(fix("about 90 % agreed, 90\xC2\xA0% too") == "about 90% agreed, 90% too");
  CHECK(visible(fix("etwa 90 % und 90  %", "de")) == "etwa 90<nbsp>% und 90<nbsp>%");
  CHECK(visible(fix("environ 90 %", "fr")) == "environ 90<nnbsp>%");
  CHECK(fix("100 %", "de") != fix("100 %", "en"));
  CHECK(fix("a  b   c") == "a b c");
  // Indentation, a line's trailing spaces (a Markdown hard break) and tabs stay.
  CHECK(fix("  a  b  \nc") == "  a b  \nc");
  CHECK(fix("a\t\tb") == "a\t\tb");
  CHECK(fix("four\xE2\x80\x91year") == "four-year");
}

TEST_CASE("only the requested kinds change", "[typography]") {
  const std::string text = "\"It's\" 90 % -- four\xE2\x80\x91year...  done";
  CHECK(fix(text, "en", ty::kNonbreakingHyphen) == "\"It's\" 90 % -- four-year...  done");
  CHECK(fix(text, "en", ty::kApostrophes) ==
        "\"It\xE2\x80\x99s\" 90 % -- four\xE2\x80\x91year...  done");
  CHECK(fix(text, "en", ty::kEllipsis) ==
        "\"It's\" 90 % -- four\xE2\x80\x91year\xE2\x80\xA6  done");
  CHECK(fix(text, "en", ty::kDoubleSpace) == "\"It's\" 90 % -- four\xE2\x80\x91year... done");
  CHECK(fix(text, "en", ty::kSpaceBeforePercent) ==
        "\"It's\" 90% -- four\xE2\x80\x91year...  done");
  CHECK(fix(text, "en", 0) == text);
  for (const ty::Edit& e : ty::scan(text, ty::kAll, {})) {
    CHECK((e.kind & ty::kAll) != 0);
  }
}

TEST_CASE("context: the character before and after a text node", "[typography]") {
  ty::Context c;
  // "*word*" — the closing mark stands alone in its text node.
  c.before = 'd';
  CHECK(ty::apply("\" said he", ty::kAll, c) == "\xE2\x80\x9D said he");
  c.before = 0;
  CHECK(ty::apply("\"", ty::kAll, c) == "\xE2\x80\x9C");
  c.before = ' ';
  c.after = 'w';
  CHECK(ty::apply("\"", ty::kAll, c) == "\xE2\x80\x9C");
  // Two spaces at the end of a node followed by more text are a double space; at the end
  // of the block they are left (a Markdown hard break).
  c.before = 'a';
  c.after = 'b';
  CHECK(ty::apply("x  ", ty::kAll, c) == "x ");
  c.after = 0;
  CHECK(ty::apply("x  ", ty::kAll, c) == "x  ");
}

TEST_CASE("state carries open quotes across text nodes", "[typography]") {
  // ‚Er sagte *etwas*' — the closing single mark is in its own node.
  ty::State state;
  ty::Context c;
  c.locale = "de";
  c.after = 'e';
  std::string out;
  ty::apply_to(out, "'Er sagte ", ty::kAll, c, state);
  CHECK(state.open_single == 1);
  c.before = 'e';
  c.after = 0;
  ty::apply_to(out, "'", ty::kAll, c, state);
  CHECK(out ==
        "\xE2\x80\x9A"
        "Er sagte \xE2\x80\x98");
  CHECK(state.open_single == 0);
  // Without the state it would read as an apostrophe.
  CHECK(ty::apply("'", ty::kAll, c) == "\xE2\x80\x99");
}

TEST_CASE("may_change: a text it passes is left as it is in every locale and context",
          "[typography]") {
  // Random texts over letters, digits and every character the scan looks at; where may_change()
  // says no, apply() returns the text unchanged whatever the locale and the characters around.
  const std::string_view pieces[] = {"a",  "Z", "7", "%", "(", " ", "-",        ".",
                                     "\"", "'", ";", "!", "?", ":", "\xC3\xA9", "\xE2\x80\x99"};
  uint32_t seed = 11;
  size_t passed = 0;
  for (int round = 0; round < 4000; ++round) {
    std::string text;
    seed = seed * 1103515245u + 12345u;
    const size_t length = seed >> 28;
    for (size_t k = 0; k < length; ++k) {
      seed = seed * 1103515245u + 12345u;
      // Mostly the first five (which no kind looks at), so that many texts pass.
      const size_t pick = (seed >> 16) % 8 < 6 ? (seed >> 20) % 5 : (seed >> 20) % 16;
      text += pieces[pick];
    }
    const bool may = ty::may_change(text);
    if (may) continue;
    ++passed;
    for (const char* locale : {"en", "de", "fr"}) {
      for (const char32_t around : {char32_t{0}, char32_t{' '}, char32_t{'"'}, char32_t{'a'}}) {
        ty::Context c;
        c.locale = locale;
        c.before = around;
        c.after = around;
        ty::State state;
        std::string out;
        ty::apply_to(out, text, ty::kAll, c, state);
        INFO(text << " " << locale);
        CHECK(out == text);
        CHECK(state.open_double == 0);
        CHECK(state.open_single == 0);
      }
    }
  }
  CHECK(passed > 200);
  for (const std::string_view piece : pieces) {
    if (piece == "a" || piece == "Z" || piece == "7" || piece == "%" || piece == "(") continue;
    CHECK(ty::may_change(std::string("ab") + std::string(piece) + "cd"));
  }
}

TEST_CASE("a change is made wherever it stands in a long text", "[typography]") {
  // Plain text is passed over eight bytes at a time: each change, made alone in a text too
  // short for that, is made the same at every alignment inside long runs of plain words.
  const char* snippets[] = {"\"q\"", "it's", "a - b", "x  y", "5 %", "a...", "a--b", "\xC2\xA0x"};
  for (const char* snippet : snippets) {
    const std::string alone = fix(snippet);
    for (size_t m = 0; m <= 17; ++m) {
      for (const std::string& prefix :
           {std::string(m, 'w') + " ",
            std::string("a b c d e f g h i j k l m n o p q ").substr(m)}) {
        const std::string suffix = " tail words here, plainly";
        INFO(visible(prefix + snippet + suffix));
        CHECK(visible(fix(prefix + snippet + suffix)) == visible(prefix + alone + suffix));
      }
    }
  }
}

TEST_CASE("scan: ordered edits inside the text that apply() writes", "[typography]") {
  for (const char* locale : {"en", "de", "fr"}) {
    ty::Context c;
    c.locale = locale;
    for (const std::string& text : generated_texts(400)) {
      const auto edits = ty::scan(text, ty::kAll | ty::kNumberRanges, c);
      std::string rebuilt;
      uint32_t at = 0;
      for (const ty::Edit& e : edits) {
        REQUIRE(e.begin >= at);
        REQUIRE(e.end >= e.begin);
        REQUIRE(e.end <= text.size());
        CHECK(text.substr(e.begin, e.end - e.begin) != e.text);
        rebuilt += text.substr(at, e.begin - at);
        rebuilt += e.text;
        at = e.end;
      }
      rebuilt += text.substr(at);
      CHECK(rebuilt == ty::apply(text, ty::kAll | ty::kNumberRanges, c));
    }
  }
}

TEST_CASE("apply is idempotent and never changes a letter", "[typography][property]") {
  std::vector<std::string> texts = sample_lines();
  REQUIRE(texts.size() > 100);
  for (std::string& t : generated_texts(3000)) texts.push_back(std::move(t));
  const unsigned kind_sets[] = {ty::kAll,         ty::kAll | ty::kNumberRanges,
                                ty::kRender,      ty::kQuotes | ty::kApostrophes,
                                ty::kDashes,      ty::kFrenchSpacing,
                                ty::kDoubleSpace, ty::kNonbreakingHyphen | ty::kDashes};
  size_t checked = 0;
  size_t changed = 0;
  for (const char* locale : {"en", "de", "fr"}) {
    ty::Context c;
    c.locale = locale;
    for (const unsigned kinds : kind_sets) {
      for (const std::string& text : texts) {
        const std::string once = ty::apply(text, kinds, c);
        const std::string twice = ty::apply(once, kinds, c);
        INFO("locale " << locale << ", kinds " << kinds << ", text: " << visible(text));
        CHECK(visible(twice) == visible(once));
        CHECK(letters(once) == letters(text));
        ++checked;
        if (once != text) ++changed;
      }
    }
  }
  // The property means something only if the texts give typography work to do.
  CHECK(changed > checked / 4);
}

TEST_CASE("the sample: curly quotes stay, 90 % and U+2011 are fixed", "[typography]") {
  std::ifstream in(std::filesystem::path(GALLEY_TEST_DATA) / "samples" / "security-guarantees.txt",
                   std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  size_t quotes = 0, percent = 0, hyphens = 0;
  for (const ty::Edit& e : ty::scan(text, ty::kAll, {})) {
    if (e.kind == ty::kQuotes || e.kind == ty::kApostrophes) ++quotes;
    if (e.kind == ty::kSpaceBeforePercent) ++percent;
    if (e.kind == ty::kNonbreakingHyphen) ++hyphens;
  }
  CHECK(quotes == 0);
  CHECK(percent == 1);
  CHECK(hyphens == 7);
}

TEST_CASE("rules: marks around emphasis get exact fixes from the node context",
          "[typography][rules]") {
  const std::string src = "# Talks resume\n\nHe called it a \"*truly* far-reaching\" deal.\n";
  const auto found = typography_findings(src);
  REQUIRE(found.size() == 2);
  CHECK(found[0].rule == "typography/straight-quotes");
  CHECK(fixed_text(src, found[0]) == "\"");
  CHECK(found[0].fix->text == "\xE2\x80\x9C");
  CHECK(found[0].line == 3);
  CHECK(found[0].column == 16);
  CHECK(found[1].fix->text == "\xE2\x80\x9D");
  CHECK(found[0].severity == galley::Severity::warning);
  CHECK(found[0].message == "Straight quotation mark in `\"truly`; write `\xE2\x80\x9Ctruly`.");
  CHECK(found[1].message ==
        "Straight quotation mark in `far-reaching\"`; write `far-reaching\xE2\x80\x9D`.");
}

TEST_CASE("rules: never inside code, URLs, HTML, attributes or alt text", "[typography][rules]") {
  const std::string src =
      "# Talks resume\n\n"
      "Code `\"it's\" -- 90 % ...` and [a link](https://example.com/a...b?q=\"x\" \"it's\").\n\n"
      "<span title=\"it's -- 90 %\">x</span> and ![an \"alt\" -- text...](i.png)\n\n"
      "```\n\"code\" -- block...\n```\n\n"
      "<div>\n\"raw\" -- html...\n</div>\n";
  CHECK(typography_findings(src).empty());
}

TEST_CASE("rules: an entity is reported without a fix", "[typography][rules]") {
  const std::string src = "# Talks resume\n\nThe &quot;robust&quot; guarantees.\n";
  const auto found = typography_findings(src);
  REQUIRE(found.size() == 2);
  for (const galley::Diagnostic& d : found) CHECK_FALSE(d.fix.has_value());
}

TEST_CASE("rules: the locale option picks the marks", "[typography][rules]") {
  const std::string src =
      "# Gespr\xC3\xA4"
      "che\n\n\"Ja\", sagte er -- und ging.\n";
  const auto de = typography_findings(src, "de");
  REQUIRE(de.size() == 3);
  CHECK(de[0].fix->text == "\xE2\x80\x9E");
  CHECK(de[1].fix->text == "\xE2\x80\x9C");
  CHECK(de[2].rule == "typography/dash");
  CHECK(de[2].fix->text == " \xE2\x80\x93 ");
  const auto en = typography_findings(src, "en");
  REQUIRE(en.size() == 3);
  CHECK(en[2].fix->text == "\xE2\x80\x94");
}

TEST_CASE("rules on the sample: 90 %, U+2011, no false quotes, and fix() clears them",
          "[typography][rules]") {
  const std::string sample = read_sample();
  galley::Options o;
  o.outputs = 0;
  galley::Result<galley::FormatResult> r = galley::check(sample, o);
  REQUIRE(r.ok());
  size_t percent = 0, hyphens = 0, other = 0;
  for (const galley::Diagnostic& d : r->diagnostics) {
    if (!is_typography(d)) continue;
    INFO(d.rule << " " << d.line << ":" << d.column << " " << d.message);
    if (d.rule == "typography/space-before-percent") {
      ++percent;
      CHECK(d.line == 16);
      CHECK(d.severity == galley::Severity::warning);
      CHECK(d.fix.has_value());
      CHECK(fixed_text(sample, d) == " ");
      CHECK(d.message == "Space before '%' in \"90 %\"; write \"90%\".");
    } else if (d.rule == "typography/nonbreaking-hyphen") {
      ++hyphens;
      CHECK(d.severity == galley::Severity::info);
      CHECK(d.fix.has_value());
      CHECK(fixed_text(sample, d) == "\xE2\x80\x91");
      CHECK(d.fix->text == "-");
    } else {
      ++other;
    }
  }
  CHECK(percent == 1);
  CHECK(hyphens == 7);
  CHECK(other == 0);

  galley::Result<galley::FixResult> fixed = galley::fix(sample, o);
  REQUIRE(fixed.ok());
  for (const galley::Diagnostic& d : fixed->remaining) CHECK_FALSE(is_typography(d));
  CHECK(fixed->source.find("90% agreed") != std::string::npos);
  CHECK(fixed->source.find("\xE2\x80\x91") == std::string::npos);
  CHECK(fixed->source.find("four-year") != std::string::npos);
  galley::Result<galley::FormatResult> again = galley::check(fixed->source, o);
  REQUIRE(again.ok());
  for (const galley::Diagnostic& d : again->diagnostics) CHECK_FALSE(is_typography(d));
}

TEST_CASE("rules: fix() of every kind settles and is stable", "[typography][rules]") {
  const std::string src =
      "# \"Talks\" resume\n\n"
      "\"It's close,\" he said -- about 90 % agreed... The  talks, four\xE2\x80\x91year war.\n";
  for (const char* locale : {"en", "de", "fr"}) {
    galley::Options o;
    o.outputs = 0;
    o.input = galley::InputMode::markdown;
    o.locale = locale;
    galley::Result<galley::FixResult> fixed = galley::fix(src, o);
    REQUIRE(fixed.ok());
    INFO(locale << ": " << visible(fixed->source));
    for (const galley::Diagnostic& d : fixed->remaining) CHECK_FALSE(is_typography(d));
    // What the rules fix equals what the output typography writes over the same prose.
    ty::Context c;
    c.locale = locale;
    const std::string body =
        "\"It's close,\" he said -- about 90 % agreed... The  talks, four\xE2\x80\x91year war.";
    CHECK(fixed->source.find(ty::apply(body, ty::kAll, c)) != std::string::npos);
    galley::Result<galley::FixResult> twice = galley::fix(fixed->source, o);
    REQUIRE(twice.ok());
    CHECK(twice->source == fixed->source);
  }
}
