// No lost words, as a property: over the samples and thousands of generated articles, the
// ordered words of the input equal those of the text output and of the Markdown output (read by
// cmark-gfm, and read back by Galley), appear in order in the HTML output's text, and
// formatting the Markdown output again is stable.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "../../fuzz/harness.h"
#include "cmark-gfm-core-extensions.h"
#include "cmark-gfm.h"
#include "galley/galley.h"
#include "test_support.h"

namespace fs = std::filesystem;
using galley::InputMode;
using galley::Options;
using galley::reliability::word_difference;
using galley::reliability::words_of;
using Words = std::vector<std::string>;

using galley::test::read_file;

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr int kArticles = 500;
#else
constexpr int kArticles = 5000;
#endif

Options options_for(InputMode mode) {
  Options o;
  o.input = mode;
  o.outputs = galley::kOutputHtml | galley::kOutputMarkdown | galley::kOutputText;
  return o;
}

// Markup that is not text on either side of the comparison: HTML tags (raw HTML is kept as
// text by the text renderer, shown as markup by a browser) and Hugo shortcode syntax, of which
// only the values of text-like keys (text, cite, caption, title, alt) are words; paths and
// URLs in src="…" and the like are not.
std::string strip_shortcodes(const std::string& s) {
  std::string out;
  size_t at = 0;
  for (size_t open = s.find("{{", at); open != std::string::npos; open = s.find("{{", at)) {
    if (open + 2 >= s.size() || (s[open + 2] != '<' && s[open + 2] != '%')) {
      out.append(s, at, open + 2 - at);
      at = open + 2;
      continue;
    }
    // "{{< name … >}}" or "{{% name … %}}".
    const size_t close = s.find(std::string(1, s[open + 2] == '<' ? '>' : '%') + "}}", open + 3);
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
      // The HTML output shows a shortcode as text, where typography may have curled the
      // marks around a double-quoted value ("…” or “…”): any double mark closes it.
      const bool curly_open = s.compare(i, 3, "\xE2\x80\x9C") == 0;
      if (i < close && (s[i] == '"' || s[i] == '\'' || curly_open)) {
        const char q = s[i];
        i += curly_open ? 3 : 1;
        size_t stop = close, mark = 1;
        if (q == '\'') {
          stop = std::min(close, s.find('\'', i));
        } else {
          for (const char* m : {"\"", "\xE2\x80\x9C", "\xE2\x80\x9D"}) {
            const size_t found = s.find(m, i);
            if (found < stop) {
              stop = found;
              mark = std::char_traits<char>::length(m);
            }
          }
        }
        value = s.substr(i, stop - i);
        i = stop + mark;
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
  return out;
}

std::string strip_markup(const std::string& s) {
  std::string text;
  galley::reliability::scan_html(strip_shortcodes(s), &text);
  return text;
}

// The visible text of a Markdown body as cmark-gfm reads it: text, code, image alt text, the
// text inside raw HTML, and — with `numbers` — the number of each ordered list item, which a
// browser shows and the text output writes ("1. "), but which is no text of the HTML.
void collect_visible(cmark_node* root, bool numbers, std::string& out) {
  cmark_iter* it = cmark_iter_new(root);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(it);
    const cmark_node_type t = cmark_node_get_type(n);
    if (ev == CMARK_EVENT_ENTER) {
      cmark_node* list = cmark_node_parent(n);
      if (numbers && t == CMARK_NODE_ITEM && list &&
          cmark_node_get_list_type(list) == CMARK_ORDERED_LIST) {
        int64_t number = cmark_node_get_list_start(list);
        for (cmark_node* prev = cmark_node_previous(n); prev; prev = cmark_node_previous(prev))
          ++number;
        out += std::to_string(number) + ' ';
      }
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

// Splits YAML front matter from the body. The samples hold "key: value" lines whose plain or
// quoted value may go on over indented lines (a folded scalar: the lines join with one space),
// block scalars ("key: >" or "key: |" over indented lines) and "- item" lists, which hold no
// title or dek.
MarkdownParts split_front_matter(const std::string& doc) {
  MarkdownParts p;
  p.body = doc;
  if (doc.rfind("---\n", 0) != 0 && doc.rfind("---\r\n", 0) != 0) return p;
  const size_t first_end = doc.find('\n');
  std::istringstream in(doc.substr(first_end + 1));
  size_t consumed = first_end + 1;
  std::vector<std::pair<std::string, std::string>> entries;  // top-level key, joined value
  bool continues = false;  // whether indented lines go on with the last entry's value
  for (std::string line; std::getline(in, line);) {
    consumed += line.size() + 1;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line == "---" || line == "...") {
      p.body = consumed <= doc.size() ? doc.substr(consumed) : std::string();
      int dek_rank = 99;
      for (auto& [key, raw] : entries) {
        const std::string value = unquote_yaml(raw);
        if (key == "title") p.title = value;
        // The first of these keys, in Galley's order of preference (parse/front_matter.cpp).
        static const char* const kOrder[] = {"dek", "deck", "description", "excerpt", "summary"};
        for (int rank = 0; rank < 5; ++rank) {
          if (key == kOrder[rank] && (p.dek.empty() || rank < dek_rank)) {
            p.dek = value;
            dek_rank = rank;
          }
        }
      }
      return p;
    }
    const size_t indent = line.find_first_not_of(' ');
    if (indent == std::string::npos) continue;  // a blank line inside a value folds away
    if (indent > 0) {
      if (continues && line[indent] != '-' && line[indent] != '#') {
        std::string& value = entries.back().second;
        value += (value.empty() ? "" : " ") + line.substr(indent);
      }
      continue;
    }
    continues = false;
    const size_t colon = line.find(':');
    if (colon == std::string::npos || line[0] == '-' || line[0] == '#') continue;
    std::string value = line.substr(colon + 1);
    value.erase(0, std::min(value.size(), value.find_first_not_of(' ')));
    // A block scalar's indicator is no text; its lines follow.
    if (value == ">" || value == ">-" || value == "|" || value == "|-") value.clear();
    entries.emplace_back(line.substr(0, colon), value);
    continues = true;
  }
  return MarkdownParts{"", "", doc};  // never closed: not front matter
}

// The words a reader sees in a Markdown document: its front-matter title and dek, then its body
// (with the numbers of ordered list items when `numbers`). Hugo shortcodes leave the body before
// cmark-gfm reads it, because cmark splits text at their '<' and '%' into pieces that no longer
// show the shortcode; their text-like values stay.
Words visible_words(const std::string& doc, bool numbers) {
  cmark_gfm_core_extensions_ensure_registered();
  MarkdownParts parts = split_front_matter(doc);
  parts.body = strip_shortcodes(parts.body);
  cmark_parser* parser = cmark_parser_new(CMARK_OPT_FOOTNOTES);
  for (const char* ext : {"table", "strikethrough", "autolink", "tasklist"}) {
    if (cmark_syntax_extension* e = cmark_find_syntax_extension(ext))
      cmark_parser_attach_syntax_extension(parser, e);
  }
  cmark_parser_feed(parser, parts.body.data(), parts.body.size());
  cmark_node* root = cmark_parser_finish(parser);
  std::string text = parts.title + "\n" + parts.dek + "\n";
  collect_visible(root, numbers, text);
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
  std::string visible;       // what a reader sees, in order, with the numbers of ordered lists
  std::string visible_html;  // the same without those numbers: the text of the HTML
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
  auto add = [&](const std::string& src, const std::string& vis,
                 const std::string* vis_html = nullptr) {
    a.source += src;
    a.visible += vis + "\n";
    a.visible_html += (vis_html ? *vis_html : vis) + "\n";
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
    // Ordered lists that follow each other are one list in CommonMark, numbered on.
    size_t next_number = 1;
    for (size_t b = 0; b < blocks; ++b) {
      vis.clear();
      const size_t kind = g.pick(6);
      if (kind != 2) next_number = 1;
      switch (kind) {
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
          std::string src, v, v_html;
          for (size_t i = 0, n = 2 + g.pick(3); i < n; ++i) {
            std::string item;
            src += std::to_string(i + 1) + ". " + md_inline(g, item) + "\n";
            v += std::to_string(next_number++) + " " + item + "\n";
            v_html += item + "\n";
          }
          add(src + "\n", v, &v_html);
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
  a.visible_html = a.source;
  return a;
}

// One article through every check; returns the problems found ("" when none). `expected` are
// the words as the text output shows them (ordered list items with their numbers),
// `expected_html` the same without those numbers, which an <ol> draws but does not hold.
std::string check_article(const std::string& source, const Words& expected,
                          const Words& expected_html, InputMode mode) {
  auto r = galley::format(source, options_for(mode));
  if (!r) return "format() failed: " + r.error().message;
  std::string problems;
  if (std::string d = word_difference(expected, words_of(strip_markup(r->text))); !d.empty())
    problems += "text output: " + d + "\n";
  // The HTML may add words (the byline in the header), but every input word is there, in order.
  if (std::string d =
          galley::reliability::word_subsequence_issue(expected_html, html_words(r->html));
      !d.empty())
    problems += "HTML output: " + d + "\n";
  if (std::string d = word_difference(expected, visible_words(r->markdown, true)); !d.empty())
    problems += "Markdown output: " + d + "\n";
  auto again = galley::format(r->markdown, options_for(InputMode::markdown));
  if (!again) return problems + "format() of the Markdown output failed: " + again.error().message;
  if (std::string d = word_difference(expected, words_of(strip_markup(again->text))); !d.empty()) {
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
  const std::string problems =
      check_article(source, words_of(source), words_of(source), InputMode::automatic);
  INFO(problems);
  CHECK(problems.empty());
}

TEST_CASE("no lost words: the Markdown samples", "[reliability][words]") {
  size_t checked = 0;
  for (const auto& entry :
       fs::recursive_directory_iterator(fs::path(GALLEY_TEST_DATA) / "samples")) {
    if (entry.path().extension() != ".md" || entry.path().filename() == "README.md") continue;
    const std::string source = read_file(entry.path());
    const std::string problems = check_article(source, visible_words(source, true),
                                               visible_words(source, false), InputMode::automatic);
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
    const std::string problems =
        check_article(a.source, words_of(a.visible), words_of(a.visible_html),
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
                      "`c`\n<b>bold</b>\n",
                      false) == Words{"A", "T", "H", "link", "words", "alt", "c", "bold"});
  // A folded plain scalar joins its lines; list entries and other keys are no dek.
  CHECK(visible_words("---\ntitle: T\nauthors:\n  - a-b\nexcerpt: one two,\n  three\n  four.\n"
                      "tags:\n  - x\n---\nBody\n",
                      false) == Words{"T", "one", "two", "three", "four", "Body"});
  CHECK(visible_words("---\ndek: >\n  folded\n  lines\n---\nB\n", false) ==
        Words{"folded", "lines", "B"});
  // A shortcode leaves its text-like values, not its name or paths, even where cmark would
  // split it at '<'.
  CHECK(visible_words("{{< quote-block text=\"Trust is earned.\" cite=\"A L\" >}}\n\n"
                      "{{< img src=\"icon-wk3\" >}}\n\nEnd\n",
                      false) == Words{"Trust", "is", "earned", "A", "L", "End"});
  // Ordered list items are numbered from their start, as the text output numbers them.
  CHECK(visible_words("3. a\n4. b\n\n- c\n", true) == Words{"3", "a", "4", "b", "c"});
  CHECK(visible_words("3. a\n4. b\n\n- c\n", false) == Words{"a", "b", "c"});
  CHECK(html_words(
            "<p>a &amp; b<script type=\"application/ld+json\">{\"x\":1}</script> c&#x64;</p>") ==
        Words{"a", "b", "cd"});
}
