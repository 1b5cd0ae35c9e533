// No lost words, as a property: over the samples and thousands of generated articles, the
// ordered words of the input equal those of the text output and of the Markdown output (read by
// cmark-gfm, and read back by Galley), appear in order in the HTML output's text, and
// formatting the Markdown output again is stable.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "../../fuzz/harness.h"
#include "cmark-gfm-core-extensions.h"
#include "cmark-gfm.h"
#include "galley/galley.h"

namespace fs = std::filesystem;
using galley::InputMode;
using galley::Options;
using galley::reliability::word_difference;
using galley::reliability::words_of;
using Words = std::vector<std::string>;

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr int kArticles = 150;
#else
constexpr int kArticles = 1000;
#endif

Options options_for(InputMode mode) {
  Options o;
  o.input = mode;
  o.outputs = galley::kOutputHtml | galley::kOutputMarkdown | galley::kOutputText;
  return o;
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Markup that is not text on either side of the comparison: HTML tags (raw HTML is kept as
// text by the text renderer, shown as markup by a browser) and Hugo shortcode syntax, of which
// only the values of text-like keys (text, cite, caption, title, alt) are words; paths and
// URLs in src="…" and the like are not.
std::string strip_markup(const std::string& s) {
  std::string out;
  size_t at = 0;
  for (size_t open = s.find("{{", at); open != std::string::npos; open = s.find("{{", at)) {
    if (open + 2 >= s.size() || (s[open + 2] != '<' && s[open + 2] != '%')) {
      out.append(s, at, open + 2 - at);
      at = open + 2;
      continue;
    }
    const size_t close = s.find(std::string(1, s[open + 2]) + "}}", open + 3);
    if (close == std::string::npos) break;
    out.append(s, at, open - at);
    out += ' ';
    // Arguments after the name: key="value" pairs (also 'value' and bare values).
    size_t i = open + 3;
    while (i < close && (s[i] == ' ' || s[i] == '/')) ++i;
    while (i < close && s[i] != ' ') ++i;  // the shortcode's name
    while (i < close) {
      while (i < close && s[i] == ' ') ++i;
      const size_t key_at = i;
      while (i < close && s[i] != '=' && s[i] != ' ') ++i;
      const std::string key = s.substr(key_at, i - key_at);
      if (i >= close || s[i] != '=') continue;
      ++i;
      std::string value;
      if (i < close && (s[i] == '"' || s[i] == '\'')) {
        const char q = s[i++];
        const size_t end_quote = s.find(q, i);
        const size_t stop = end_quote == std::string::npos || end_quote > close ? close : end_quote;
        value = s.substr(i, stop - i);
        i = stop + 1;
      } else {
        const size_t v = i;
        while (i < close && s[i] != ' ') ++i;
        value = s.substr(v, i - v);
      }
      if (key == "text" || key == "cite" || key == "caption" || key == "title" || key == "alt")
        out += value + ' ';
    }
    at = close + 3;
  }
  out.append(s, std::min(at, s.size()), std::string::npos);
  std::string text;
  galley::reliability::scan_html(out, &text);
  return text;
}

// The text output numbers ordered list items ("1. "), as a browser shows them; those numbers
// are list markup, not words of the input.
std::string text_output_words_source(const std::string& text) {
  static const std::regex number(R"re((^|\n)([ \t]*)[0-9]{1,9}[.)] )re");
  return strip_markup(std::regex_replace(text, number, "$1$2"));
}

// The visible text of a Markdown body as cmark-gfm reads it: text, code, image alt text, the
// text inside raw HTML.
void collect_visible(cmark_node* root, std::string& out) {
  cmark_iter* it = cmark_iter_new(root);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(it);
    const cmark_node_type t = cmark_node_get_type(n);
    if (ev == CMARK_EVENT_ENTER) {
      if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE || t == CMARK_NODE_CODE_BLOCK ||
          t == CMARK_NODE_HTML_BLOCK || t == CMARK_NODE_HTML_INLINE) {
        const char* lit = cmark_node_get_literal(n);
        if (lit) out += lit;
      }
    }
    out += ' ';
  }
  cmark_iter_free(it);
}

struct MarkdownParts {
  std::string title, dek, body;
};

std::string unquote_yaml(std::string v) {
  while (!v.empty() && (v.back() == ' ' || v.back() == '\r')) v.pop_back();
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front())
    v = v.substr(1, v.size() - 2);
  return v;
}

// Splits YAML front matter (simple "key: value" lines, as the samples have) from the body.
MarkdownParts split_front_matter(const std::string& doc) {
  MarkdownParts p;
  p.body = doc;
  if (doc.rfind("---\n", 0) != 0 && doc.rfind("---\r\n", 0) != 0) return p;
  const size_t first_end = doc.find('\n');
  std::istringstream in(doc.substr(first_end + 1));
  size_t consumed = first_end + 1;
  int dek_rank = 99;
  for (std::string line; std::getline(in, line);) {
    consumed += line.size() + 1;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line == "---" || line == "...") {
      p.body = consumed <= doc.size() ? doc.substr(consumed) : std::string();
      return p;
    }
    const size_t colon = line.find(':');
    if (colon == std::string::npos || line[0] == ' ' || line[0] == '-') continue;
    const std::string key = line.substr(0, colon);
    std::string value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(' ') == std::string::npos
                       ? value.size()
                       : value.find_first_not_of(' '));
    value = unquote_yaml(value);
    if (key == "title") p.title = value;
    if (key == "dek" || key == "deck" || key == "description" || key == "excerpt" ||
        key == "summary") {
      // The first of these keys, in Galley's order of preference (parse/front_matter.cpp).
      static const char* const kOrder[] = {"dek", "deck", "description", "excerpt", "summary"};
      int rank = 0;
      while (key != kOrder[rank]) ++rank;
      if (p.dek.empty() || rank < dek_rank) {
        p.dek = value;
        dek_rank = rank;
      }
    }
  }
  return MarkdownParts{"", "", doc};  // never closed: not front matter
}

// The words a reader sees in a Markdown document: its front-matter title and dek, then its body.
Words visible_words(const std::string& doc) {
  cmark_gfm_core_extensions_ensure_registered();
  const MarkdownParts parts = split_front_matter(doc);
  cmark_parser* parser = cmark_parser_new(CMARK_OPT_FOOTNOTES);
  for (const char* ext : {"table", "strikethrough", "autolink", "tasklist"}) {
    if (cmark_syntax_extension* e = cmark_find_syntax_extension(ext))
      cmark_parser_attach_syntax_extension(parser, e);
  }
  cmark_parser_feed(parser, parts.body.data(), parts.body.size());
  cmark_node* root = cmark_parser_finish(parser);
  std::string text = parts.title + "\n" + parts.dek + "\n";
  collect_visible(root, text);
  cmark_node_free(root);
  cmark_parser_free(parser);
  return words_of(strip_markup(text));
}

Words html_words(const std::string& html) {
  std::string text;
  galley::reliability::scan_html(html, &text);
  return words_of(strip_markup(text));
}

// ---- generated articles -------------------------------------------------------------------

const std::vector<std::string> kVocabulary = {
    "the",      "council",   "voted",   "on",         "Tuesday", "to",       "expand",   "its",
    "budget",   "for",       "schools", "and",        "roads",   "after",    "months",   "of",
    "debate",   "officials", "said",    "residents",  "would",   "see",      "changes",  "within",
    "weeks",    "mayor",     "café",    "naïve",      "Zürich",  "Ελλάδα",   "Москва",   "São",
    "Paulo",    "don't",     "it's",    "well-known", "2024",    "3.5",      "90",       "percent",
    "first",    "second",    "river",   "bridge",     "market",  "prices",   "rose",     "fell",
    "sharply",  "report",    "data",    "survey",     "voters",  "election", "hospital", "doctors",
    "nurses",   "winter",    "summer",  "storm",      "coast",   "village",  "city",     "ministry",
    "minister", "agreement", "talks",   "border",     "trade",   "energy",   "solar",    "wind",
    "O'Brien",  "e-mail",    "co-op",   "über",       "façade",  "résumé",   "Ångström", "naïveté",
    "fjord"};
const std::vector<std::string> kNames = {"Jane Doe",    "John Roe",     "Ana María López",
                                         "Li Wei",      "Peter Müller", "Amira Haddad",
                                         "Olu Adeyemi", "Chloé Martin"};

struct Gen {
  std::mt19937 rng;
  explicit Gen(uint32_t seed) : rng(seed) {}
  size_t pick(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng); }
  bool chance(int percent) { return static_cast<int>(pick(100)) < percent; }
  std::string word() { return kVocabulary[pick(kVocabulary.size())]; }
  std::string name() { return kNames[pick(kNames.size())]; }
  std::string words(size_t lo, size_t hi) {
    std::string s;
    const size_t n = lo + pick(hi - lo + 1);
    for (size_t i = 0; i < n; ++i) s += (i ? " " : "") + word();
    return s;
  }
  static std::string capital(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
  }
  std::string sentence() {
    std::string s = capital(words(4, 16));
    const char* ends[] = {".", ".", ".", "!", "?"};
    return s + ends[pick(5)];
  }
  std::string heading() { return capital(words(2, 6)); }
};

struct Article {
  std::string source;
  std::string visible;  // what a reader sees, in order
};

// Inline Markdown: returns the source and appends what it shows to `visible`.
std::string md_inline(Gen& g, std::string& visible) {
  std::string src;
  const size_t sentences = 1 + g.pick(4);
  for (size_t i = 0; i < sentences; ++i) {
    if (i) {
      src += ' ';
      visible += ' ';
    }
    switch (g.pick(9)) {
      case 0: {
        const std::string w = g.words(1, 3), s = g.sentence();
        src += "*" + w + "* " + s;
        visible += w + " " + s;
        break;
      }
      case 1: {
        const std::string w = g.words(1, 3), s = g.sentence();
        src += "**" + w + "** " + s;
        visible += w + " " + s;
        break;
      }
      case 2: {
        const std::string w = g.words(1, 4), s = g.sentence();
        src +=
            "[" + w + "](https://example.org/" + g.word() + "/page?id=7 \"" + g.word() + "\") " + s;
        visible += w + " " + s;
        break;
      }
      case 3: {
        const std::string q = g.capital(g.words(3, 10)), n = g.name();
        src += "\xE2\x80\x9C" + q + ",\xE2\x80\x9D " + n + " said.";
        visible += q + " " + n + " said.";
        break;
      }
      case 4: {
        const std::string q = g.capital(g.words(3, 10)), n = g.name();
        src += "\"" + q + ",\" said " + n + ".";
        visible += q + " said " + n + ".";
        break;
      }
      case 5: {
        const std::string w = g.word(), s = g.sentence();
        src += "`" + w + "` " + s;
        visible += w + " " + s;
        break;
      }
      case 6: {
        const std::string w = g.words(1, 2), s = g.sentence();
        src += "~~" + w + "~~ " + s;
        visible += w + " " + s;
        break;
      }
      case 7: {
        const std::string s = g.sentence(), w = g.word();
        src += s + " It cost 90 % more -- " + w + "...";
        visible += s + " It cost 90 % more " + w;
        break;
      }
      default: {
        const std::string s = g.sentence();
        src += s;
        visible += s;
      }
    }
  }
  return src;
}

Article markdown_article(Gen& g) {
  Article a;
  auto add = [&](const std::string& src, const std::string& vis) {
    a.source += src;
    a.visible += vis + "\n";
  };
  const std::string title = g.heading();
  if (g.chance(30)) {
    add("---\ntitle: " + title + "\ndate: 2024-05-01\n---\n\n", title);
  } else {
    add("# " + title + "\n\n", title);
  }
  std::string vis;
  std::string dek = md_inline(g, vis);
  add(dek + "\n\n", vis);
  const size_t sections = 1 + g.pick(4);
  for (size_t s = 0; s < sections; ++s) {
    const std::string h = g.heading();
    add((g.chance(20) ? "### " : "## ") + h + "\n\n", h);
    const size_t blocks = 1 + g.pick(4);
    for (size_t b = 0; b < blocks; ++b) {
      vis.clear();
      switch (g.pick(6)) {
        case 0: {
          const std::string q = md_inline(g, vis), n = g.name();
          add("> " + q + "\n>\n> \xE2\x80\x94 " + n + "\n\n", vis + " " + n);
          break;
        }
        case 1: {
          std::string src, v;
          for (size_t i = 0, n = 2 + g.pick(4); i < n; ++i) {
            const std::string item = md_inline(g, v);
            src += "- " + item + "\n";
            v += "\n";
          }
          add(src + "\n", v);
          break;
        }
        case 2: {
          std::string src, v;
          for (size_t i = 0, n = 2 + g.pick(3); i < n; ++i) {
            src += std::to_string(i + 1) + ". " + md_inline(g, v) + "\n";
            v += "\n";
          }
          add(src + "\n", v);
          break;
        }
        default: {
          const std::string p = md_inline(g, vis);
          add(p + "\n\n", vis);
        }
      }
    }
  }
  if (g.chance(50)) {
    std::string src = "## Key Takeaways\n\n", v = "Key Takeaways\n";
    for (size_t i = 0, n = 3 + g.pick(3); i < n; ++i) {
      const std::string item = g.sentence();
      src += "- " + item + "\n";
      v += item + "\n";
    }
    add(src + "\n", v);
  }
  if (g.chance(50)) {
    const std::string n1 = g.name(), n2 = g.name();
    const std::string p =
        "Reporting by " + n1 + " and " + n2 + "; additional reporting by " + g.name() + ".";
    add(p + "\n\n", p);
  }
  if (g.chance(50)) {
    const std::string p =
        g.name() + " is a " + g.word() + " reporter based in Austin. " + g.sentence();
    add(p + "\n", p);
  }
  return a;
}

Article text_article(Gen& g) {
  Article a;
  auto line = [&](const std::string& s) {
    a.source += s + "\n";
    if (g.chance(10)) a.source += "\n";
  };
  if (g.chance(70)) line(g.heading());
  for (size_t s = 0, n = 1 + g.pick(4); s < n; ++s) {
    if (s) line(g.heading());
    for (size_t p = 0, m = 1 + g.pick(3); p < m; ++p) {
      std::string para;
      for (size_t i = 0, k = 1 + g.pick(4); i < k; ++i) {
        if (i) para += ' ';
        if (g.chance(25)) {
          para += "\xE2\x80\x9C" + g.capital(g.words(3, 9)) + ",\xE2\x80\x9D " + g.name() +
                  " told reporters.";
        } else {
          para += g.sentence();
        }
      }
      line(para);
    }
  }
  if (g.chance(50)) {
    line("Key Takeaways");
    for (size_t i = 0, n = 3 + g.pick(3); i < n; ++i) line("- " + g.sentence());
  }
  if (g.chance(50)) {
    line("Reporters on the Ground");
    line("The story was reported by " + g.name() + " and " + g.name() + ".");
  }
  if (g.chance(50)) line(g.name() + " is a Texas-based journalist. " + g.sentence());
  a.visible = a.source;
  return a;
}

// One article through every check; returns the problems found ("" when none).
std::string check_article(const std::string& source, const Words& expected, InputMode mode) {
  auto r = galley::format(source, options_for(mode));
  if (!r) return "format() failed: " + r.error().message;
  std::string problems;
  if (std::string d = word_difference(expected, words_of(text_output_words_source(r->text)));
      !d.empty())
    problems += "text output: " + d + "\n";
  // The HTML may add words (the byline in the header), but every input word is there, in order.
  if (std::string d = galley::reliability::word_subsequence_issue(expected, html_words(r->html));
      !d.empty())
    problems += "HTML output: " + d + "\n";
  if (std::string d = word_difference(expected, visible_words(r->markdown)); !d.empty())
    problems += "Markdown output: " + d + "\n";
  auto again = galley::format(r->markdown, options_for(InputMode::markdown));
  if (!again) return problems + "format() of the Markdown output failed: " + again.error().message;
  if (std::string d = word_difference(expected, words_of(text_output_words_source(again->text)));
      !d.empty()) {
    problems += "text output of the Markdown output: " + d + "\n";
  }
  if (again->markdown != r->markdown) {
    size_t at = 0;
    while (at < again->markdown.size() && at < r->markdown.size() &&
           again->markdown[at] == r->markdown[at])
      ++at;
    problems += "format(format(x).markdown).markdown differs from format(x).markdown at byte " +
                std::to_string(at) + ": '" + r->markdown.substr(at > 30 ? at - 30 : 0, 80) +
                "' vs '" + again->markdown.substr(at > 30 ? at - 30 : 0, 80) + "'\n";
  }
  return problems;
}

}  // namespace

TEST_CASE("no lost words: the pasted-text sample", "[reliability][words]") {
  const std::string source =
      read_file(fs::path(GALLEY_TEST_DATA) / "samples" / "security-guarantees.txt");
  REQUIRE(!source.empty());
  const std::string problems = check_article(source, words_of(source), InputMode::automatic);
  INFO(problems);
  CHECK(problems.empty());
}

TEST_CASE("no lost words: the Markdown samples", "[reliability][words]") {
  size_t checked = 0;
  for (const auto& entry :
       fs::recursive_directory_iterator(fs::path(GALLEY_TEST_DATA) / "samples")) {
    if (entry.path().extension() != ".md" || entry.path().filename() == "README.md") continue;
    const std::string source = read_file(entry.path());
    const std::string problems = check_article(source, visible_words(source), InputMode::automatic);
    INFO(entry.path().filename().string() << "\n" << problems);
    CHECK(problems.empty());
    ++checked;
  }
  CHECK(checked >= 9);
}

TEST_CASE("no lost words: generated articles", "[reliability][words]") {
  size_t failures = 0;
  std::string first;
  for (int i = 0; i < kArticles; ++i) {
    Gen g(static_cast<uint32_t>(20240501 + i));
    const bool markdown = i % 2 == 0;
    const Article a = markdown ? markdown_article(g) : text_article(g);
    const std::string problems = check_article(a.source, words_of(a.visible),
                                               markdown ? InputMode::markdown : InputMode::text);
    if (!problems.empty()) {
      if (failures == 0)
        first = "article " + std::to_string(i) + ":\n" + a.source + "\n---\n" + problems;
      ++failures;
    }
  }
  INFO("first failing " << first);
  INFO(failures << " of " << kArticles << " generated articles lost or changed words");
  CHECK(failures == 0);
}

TEST_CASE("the word oracle itself: punctuation splits, letters of every script join",
          "[reliability][words]") {
  CHECK(words_of("Don\xE2\x80\x99t stop\xE2\x80\x94now, caf\xC3\xA9 90\xC2\xA0%") ==
        Words{"Don", "t", "stop", "now", "caf\xC3\xA9", "90"});
  CHECK(words_of("non\xE2\x80\x91"
                 "breaking") == Words{"non", "breaking"});
  CHECK(visible_words("---\ntitle: \"A T\"\n---\n\n# H\n\n[link words](http://x.y/z) ![alt](i.png) "
                      "`c`\n<b>bold</b>\n") ==
        Words{"A", "T", "H", "link", "words", "alt", "c", "bold"});
  CHECK(html_words(
            "<p>a &amp; b<script type=\"application/ld+json\">{\"x\":1}</script> c&#x64;</p>") ==
        Words{"a", "b", "cd"});
}
