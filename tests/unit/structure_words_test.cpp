// No word lost in recognition, as a property: over every sample, every golden case and a set
// of generated articles, the words of the input appear, in order, in the article model's text
// and in the text of the HTML output.
#include <catch2/catch.hpp>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "galley/galley.h"
#include "test_support.h"
#include "parse/document.h"
#include "render/render.h"
#include "source.h"
#include "text_util.h"

namespace fs = std::filesystem;
using galley::Block;
using galley::BlockKind;
using galley::InputMode;
using Words = std::vector<std::string>;

using galley::test::read_file;

namespace {

// Typography may curl apostrophes and change hyphens; a word is the same word either way.
std::string normal(std::string_view w) {
  std::string out;
  size_t i = 0;
  while (i < w.size()) {
    const char32_t c = galley::detail::decode_utf8(w, i);
    if (c == 0x2019 || c == 0x2018 || c == 0x02BC) {
      out += '\'';
    } else if (c == 0x2010 || c == 0x2011) {
      out += '-';
    } else {
      galley::detail::append_utf8(out, c);
    }
  }
  return out;
}

Words words_of(std::string_view text) {
  Words out;
  for (std::string_view w : galley::detail::words(text)) out.push_back(normal(w));
  return out;
}

// Whether `needle` appears in `hay` in order (other words may stand between); on failure,
// `missing` is the first word that could not be found.
bool in_order(const Words& needle, const Words& hay, std::string& missing) {
  size_t j = 0;
  for (const std::string& w : needle) {
    while (j < hay.size() && hay[j] != w) ++j;
    if (j == hay.size()) {
      missing = w;
      return false;
    }
    ++j;
  }
  return true;
}

// The visible text of HTML: tags dropped, character references decoded.
std::string html_text(const std::string& html) {
  std::string out;
  size_t i = 0;
  while (i < html.size()) {
    const char c = html[i];
    if (c == '<') {
      const size_t end = html.find('>', i);
      if (end == std::string::npos) break;
      out += ' ';
      i = end + 1;
      continue;
    }
    if (c == '&') {
      const size_t semi = html.find(';', i);
      if (semi != std::string::npos && semi - i < 10) {
        const std::string ref = html.substr(i + 1, semi - i - 1);
        char32_t cp = 0;
        if (ref == "amp") cp = '&';
        if (ref == "lt") cp = '<';
        if (ref == "gt") cp = '>';
        if (ref == "quot") cp = '"';
        if (ref == "nbsp") cp = 0xA0;
        if (ref.size() > 1 && ref[0] == '#') {
          cp = static_cast<char32_t>(ref[1] == 'x' ? std::stoul(ref.substr(2), nullptr, 16) : std::stoul(ref.substr(1)));
        }
        if (cp != 0) {
          galley::detail::append_utf8(out, cp);
          i = semi + 1;
          continue;
        }
      }
    }
    out += c;
    ++i;
  }
  return out;
}

struct Piece {
  uint32_t at;
  std::string text;
};

void add_part(std::vector<Piece>& out, const galley::TextPart& p) {
  out.push_back({p.range.begin, galley::detail::plain_text(p.inlines)});
}

// The article's text, piece by piece in source order.
std::string model_text(const galley::Article& a) {
  std::vector<Piece> pieces;
  if (a.headline) add_part(pieces, *a.headline);
  if (a.byline_text) add_part(pieces, *a.byline_text);
  if (a.dek) add_part(pieces, *a.dek);
  for (const galley::Section& s : a.sections) {
    if (s.heading) add_part(pieces, *s.heading);
    for (const Block& b : s.blocks) pieces.push_back({b.range.begin, galley::detail::plain_text(b)});
  }
  if (a.takeaways) {
    add_part(pieces, a.takeaways->heading);
    for (const galley::TextPart& item : a.takeaways->items) add_part(pieces, item);
  }
  if (a.credits) {
    if (a.credits->heading) add_part(pieces, *a.credits->heading);
    add_part(pieces, a.credits->text);
  }
  if (a.author_box) {
    if (a.author_box->heading) add_part(pieces, *a.author_box->heading);
    for (const Block& b : a.author_box->bio) pieces.push_back({b.range.begin, galley::detail::plain_text(b)});
  }
  for (const Block& f : a.footnotes) pieces.push_back({f.range.begin, galley::detail::plain_text(f)});
  std::stable_sort(pieces.begin(), pieces.end(), [](const Piece& x, const Piece& y) { return x.at < y.at; });
  std::string out;
  for (const Piece& p : pieces) out += p.text + "\n";
  return out;
}

// The words the parser read, before recognition: what recognition must keep.
std::string parsed_text(const std::string& source, InputMode mode) {
  const galley::detail::SourceText src(source);
  galley::parse::FrontMatter fm = galley::parse::parse_front_matter(src);
  std::string reason;
  if (mode == InputMode::automatic) mode = galley::parse::detect_mode(src, fm, reason);
  galley::Options options;
  const galley::parse::Document doc = mode == InputMode::markdown ? galley::parse::parse_markdown(src, fm)
                                                                  : galley::parse::parse_text(src, fm, options);
  std::string out;
  for (const Block& b : doc.blocks) out += galley::detail::plain_text(b) + "\n";
  for (const Block& b : doc.footnotes) out += galley::detail::plain_text(b) + "\n";
  return out;
}

// Pasted text: every word of the source, list markers aside ("1." numbers a list, it is no word).
std::string source_words_text(const std::string& source) {
  const galley::detail::SourceText src(source);
  const galley::parse::FrontMatter fm = galley::parse::parse_front_matter(src);
  std::string out;
  for (uint32_t l = src.line_of(fm.body_offset); l <= src.line_count(); ++l) {
    if (src.line_start(l) < fm.body_offset) continue;
    std::string_view line = galley::detail::trim_unicode(src.view({src.line_start(l), src.line_end(l)}));
    size_t d = 0;
    while (d < line.size() && d < 4 && line[d] >= '0' && line[d] <= '9') ++d;
    if (d >= 1 && d <= 3 && d + 1 < line.size() && (line[d] == '.' || line[d] == ')') && line[d + 1] == ' ') {
      line.remove_prefix(d + 2);
    }
    out += std::string(line) + "\n";
  }
  return out;
}

void check_no_word_lost(const std::string& name, const std::string& source, InputMode mode) {
  INFO("case " << name);
  galley::Options options;
  options.input = mode;
  options.outputs = galley::kOutputHtml;
  const auto r = galley::format(source, options);
  REQUIRE(r.ok());
  const Words model = words_of(model_text(r->article));
  const Words html = words_of(html_text(r->html));
  std::string missing;
  if (r->mode == InputMode::text) {
    // Text mode adds nothing and drops nothing: the model's words are the source's words.
    const Words source_words = words_of(source_words_text(source));
    CHECK(model == source_words);
    CHECK(in_order(source_words, html, missing));
    INFO("missing from the HTML: " << missing);
  } else {
    const Words parsed = words_of(parsed_text(source, r->mode));
    const bool model_ok = in_order(parsed, model, missing);
    INFO("missing from the model: " << missing);
    CHECK(model_ok);
    const bool html_ok = in_order(parsed, html, missing);
    INFO("missing from the HTML: " << missing);
    CHECK(html_ok);
  }
}

// Small articles built from the conventions, for shapes the real cases do not have.
std::vector<std::string> generated(InputMode mode) {
  std::mt19937 rng(20240917u);
  const auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng); };
  const char* sentences[] = {
      "The council voted on Tuesday to expand the budget for schools.",
      "“We are closer than ever,” Mayor Jane Doe told reporters.",
      "He added, “There is more to do.”",
      "Officials described the plan as “robust.”",
      "Residents said the changes would take weeks.",
      "According to Peter Müller, the numbers are “not final.”",
      "Prices rose 3.5 percent in the first quarter.",
      "„Wir sind bereit“, sagte Anna Schmidt.",
      "« C’est un pas important », a déclaré Chloé Martin."};
  const char* headings[] = {"What Happened Next", "The Numbers Behind the Vote", "Key Takeaways", "About the author",
                            "Reporters on the Ground", "Das Wichtigste in Kürze", "À retenir"};
  std::vector<std::string> out;
  for (int n = 0; n < 60; ++n) {
    std::string doc;
    const bool md = mode == InputMode::markdown;
    if (pick(2)) doc += std::string(md ? "# " : "") + "A Headline for Article " + std::to_string(n) + "\n" + (md ? "\n" : "");
    if (pick(3) == 0) doc += "By Jane Doe and John Roe, Reuters\n" + std::string(md ? "\n" : "");
    const size_t parts = 2 + pick(5);
    for (size_t p = 0; p < parts; ++p) {
      const size_t kind = pick(6);
      if (kind == 0) {
        doc += std::string(md ? "## " : "") + headings[pick(7)] + "\n" + (md ? "\n" : "");
      } else if (kind == 1) {
        for (size_t k = 0; k < 3; ++k) doc += std::string("- ") + sentences[pick(9)] + "\n";
        if (md) doc += "\n";
      } else if (kind == 2) {
        doc += "The story was reported by Jane Doe in Washington; Li Wei in Beijing; and Amira Haddad in Cairo.\n";
        if (md) doc += "\n";
      } else if (kind == 3) {
        doc += "Olu Adeyemi is a Lagos-based journalist covering energy. Olu has reported from twelve countries.\n";
        if (md) doc += "\n";
      } else if (kind == 4 && md) {
        doc += "> " + std::string(sentences[pick(9)]) + "\n> — Ana María López, minister\n\n";
      } else {
        for (size_t k = 0; k < 1 + pick(3); ++k) doc += std::string(sentences[pick(9)]) + " ";
        doc += md ? "\n\n" : "\n";
      }
    }
    out.push_back(doc);
  }
  return out;
}

}  // namespace

TEST_CASE("no word lost: samples and golden cases", "[structure][words]") {
  const fs::path data(GALLEY_TEST_DATA);
  size_t cases = 0;
  check_no_word_lost("security-guarantees.txt", read_file(data / "samples" / "security-guarantees.txt"),
                     InputMode::automatic);
  ++cases;
  for (const char* dir : {"digitalgov", "18f"}) {
    for (const auto& e : fs::directory_iterator(data / "samples" / dir)) {
      check_no_word_lost(e.path().filename().string(), read_file(e.path()), InputMode::automatic);
      ++cases;
    }
  }
  for (const auto& e : fs::directory_iterator(data / "golden")) {
    for (const char* name : {"input.txt", "input.md"}) {
      if (!fs::exists(e.path() / name)) continue;
      check_no_word_lost(e.path().filename().string(), read_file(e.path() / name), InputMode::automatic);
      ++cases;
    }
  }
  CHECK(cases >= 18);
}

TEST_CASE("no word lost: generated articles in both modes", "[structure][words]") {
  for (InputMode mode : {InputMode::text, InputMode::markdown}) {
    int n = 0;
    for (const std::string& doc : generated(mode)) check_no_word_lost("generated " + std::to_string(n++), doc, mode);
  }
}

TEST_CASE("a quote shortcode keeps every word of its text and citation", "[structure][words]") {
  galley::Options options;
  options.outputs = galley::kOutputHtml;
  const auto r = galley::format(
      "# Trust\n\n{{< quote-block text=\"The people when rightly and fully trusted will return the trust.\" "
      "cite=\"Abraham Lincoln\" >}}\n\nBody text.\n",
      options);
  REQUIRE(r.ok());
  const Words expected = words_of("Trust The people when rightly and fully trusted will return the trust. Abraham Lincoln Body text.");
  CHECK(words_of(model_text(r->article)) == expected);
  std::string missing;
  CHECK(in_order(expected, words_of(html_text(r->html)), missing));
}
