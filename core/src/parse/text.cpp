// Plain-text input: one paragraph a line (or a block, when the text is hard-wrapped), list
// items, and heading candidates weighed so that captions, date lines and labels stay text.
// Also decides between Markdown and text for --input auto.
#include <algorithm>
#include <string_view>

#include "bytes8.h"
#include "parse/document.h"
#include "structure/lexicon.h"
#include "text_util.h"

namespace galley::parse {
namespace {

using detail::SourceText;

// Headings are short; longer lines are paragraphs whatever they end with.
constexpr uint32_t kHeadingMaxChars = 90;
constexpr uint32_t kHeadlineMaxChars = 150;
constexpr double kHeadingThreshold = 0.6;

struct Line {
  SourceRange range;  // trimmed content
  std::string_view text;
  uint32_t chars = 0;  // code points
  uint32_t words = 0;
  bool gap_before = false;  // a blank line stands before it
};

struct Marker {
  uint32_t length = 0;  // bytes of the marker and the space after it
  bool ordered = false;
  int number = 1;
  char delimiter = '.';
};

Marker list_marker(std::string_view s) {
  Marker m;
  for (std::string_view b : {"- ", "* ", "\xE2\x80\xA2 ", "-\t", "*\t", "\xE2\x80\xA2\t"}) {
    if (s.size() > b.size() && s.substr(0, b.size()) == b) {
      m.length = static_cast<uint32_t>(b.size());
      return m;
    }
  }
  size_t d = 0;
  while (d < s.size() && d < 4 && s[d] >= '0' && s[d] <= '9') ++d;
  if (d >= 1 && d <= 3 && d + 2 < s.size() && (s[d] == '.' || s[d] == ')') &&
      (s[d + 1] == ' ' || s[d + 1] == '\t')) {
    m.length = static_cast<uint32_t>(d + 2);
    m.ordered = true;
    m.delimiter = s[d];
    m.number = 0;
    for (size_t k = 0; k < d; ++k) m.number = m.number * 10 + (s[k] - '0');
  }
  return m;
}

// The last character that is not a closing quote or bracket.
char32_t final_char(std::string_view s) {
  size_t i = s.size();
  while (i > 0) {
    const char32_t c = detail::decode_utf8_before(s, i);
    if (c == 0x201D || c == '"' || c == 0x2019 || c == '\'' || c == ')' || c == ']' || c == 0xBB ||
        c == 0x201C)
      continue;
    return c;
  }
  return 0;
}

bool punctuated(std::string_view s) {
  const char32_t c = final_char(s);
  return c == '.' || c == '!' || c == '?' || c == ',' || c == ';' || c == ':' || c == 0x2026;
}

// Ends like a sentence: prose rather than a label, a list lead-in ("…:") or a clause.
bool ends_sentence(std::string_view s) {
  const char32_t c = final_char(s);
  return c == '.' || c == '!' || c == '?' || c == 0x2026;
}

char32_t first_char(std::string_view s) {
  size_t i = 0;
  return s.empty() ? 0 : detail::decode_utf8(s, i);
}

bool contains_ci(std::string_view hay, std::string_view needle) {
  if (needle.size() > hay.size()) return false;
  for (size_t i = 0; i + needle.size() <= hay.size(); ++i) {
    if (detail::equals_ci(hay.substr(i, needle.size()), needle)) return true;
  }
  return false;
}

// Page furniture that a paste brings along: captions, sharing and subscription prompts.
bool furniture(std::string_view s) {
  static constexpr std::string_view kAnywhere[] = {"advertisement",
                                                   "subscribe",
                                                   "sign up",
                                                   "sign in",
                                                   "log in",
                                                   "newsletter",
                                                   "read more",
                                                   "continue reading",
                                                   "click here",
                                                   "follow us",
                                                   "share this",
                                                   "getty images",
                                                   "ap photo",
                                                   "all rights reserved",
                                                   "cookie",
                                                   "skip to",
                                                   "reuters/",
                                                   "afp via",
                                                   "/ap",
                                                   "(ap)",
                                                   "photo by",
                                                   "image by",
                                                   "courtesy of",
                                                   "\xC2\xA9",
                                                   "lesen sie auch",
                                                   "mehr zum thema",
                                                   "lire aussi",
                                                   "voir aussi",
                                                   "http://",
                                                   "https://",
                                                   "www.",
                                                   "@"};
  for (std::string_view w : kAnywhere) {
    if (contains_ci(s, w)) return true;
  }
  static constexpr std::string_view kOpening[] = {
      "photo",  "image",   "picture",   "caption",  "file photo", "related",   "watch",
      "listen", "more:",   "also read", "see also", "source:",    "credit:",   "foto",
      "bild:",  "quelle:", "video:",    "update:",  "updated",    "published", "share",
      "print",  "email",   "comments",  "menu",     "home",       "à lire",    "a lire"};
  for (std::string_view w : kOpening) {
    if (detail::starts_with_ci(s, w)) {
      if (s.size() == w.size()) return true;
      size_t i = w.size();
      if (!detail::is_word_char(detail::decode_utf8(s, i))) return true;
    }
  }
  return false;
}

// "Monday, December 15, 2025", "Updated 3:45 PM EST", "15. Dezember 2025".
bool date_line(std::string_view s) {
  bool digit = false, date_word = false, time = false;
  uint32_t words = 0, other = 0;
  for (std::string_view w : detail::words(s)) {
    ++words;
    const std::string f = structure::fold(w);
    const bool number = !w.empty() && w[0] >= '0' && w[0] <= '9';
    if (number) digit = true;
    if (structure::is_date_word(f)) {
      date_word = true;
    } else if (!number && f != "at" && f != "on" && f != "um" && f != "le" && f != "am") {
      ++other;
    }
  }
  for (size_t i = 1; i + 2 < s.size(); ++i) {
    if (s[i] == ':' && s[i - 1] >= '0' && s[i - 1] <= '9' && s[i + 1] >= '0' && s[i + 1] <= '5' &&
        s[i + 2] >= '0' && s[i + 2] <= '9') {
      time = true;
    }
  }
  if (words == 0) return false;
  return (date_word && digit) || time || (date_word && other <= 1) || (digit && other == 0);
}

bool byline_like(std::string_view s) {
  for (std::string_view by : {"by ", "von ", "par "}) {
    if (detail::starts_with_ci(s, by) && s.size() > by.size() &&
        detail::is_upper(first_char(s.substr(by.size())))) {
      return true;
    }
  }
  return false;
}

bool title_cased(std::string_view s) {
  uint32_t significant = 0, capital = 0;
  bool first = true;
  for (std::string_view w : detail::words(s)) {
    if (first || w.size() >= 4) {
      ++significant;
      size_t i = 0;
      const char32_t c = detail::decode_utf8(w, i);
      if (detail::is_upper(c) || (c >= '0' && c <= '9')) ++capital;
    }
    first = false;
  }
  return significant >= 2 && capital * 10 >= significant * 6;
}

// A line that could be a heading: short, not ending like a sentence, not a list item.
bool candidate(const Line& l, const Labels& labels) {
  if (l.chars <= kHeadingMaxChars && structure::label_of(l.text, labels) != structure::Label::none)
    return true;
  if (l.chars > kHeadingMaxChars || l.words == 0) return false;
  if (punctuated(l.text)) return false;
  if (list_marker(l.text).length > 0) return false;
  return true;
}

struct Score {
  double value = 0;
  const char* reason = "";
};

// Weighs a heading candidate; `prev`/`next` are the neighbouring lines (null at the ends).
Score heading_score(const Line& l, const Line* prev, const Line* next, bool prev_candidate,
                    bool next_candidate, const Labels& labels) {
  if (structure::label_of(l.text, labels) != structure::Label::none) return {0.95, "part-label"};
  double s = 0.55;
  if (l.words == 1) {
    s -= 0.4;  // one-word labels ("Politics", "Advertisement") are not headings
  } else if (l.words == 2) {
    s -= 0.1;
  } else if (l.words <= 12) {
    s += 0.1;
  } else {
    s -= 0.15;
  }
  const char32_t c = first_char(l.text);
  if (!detail::is_upper(c) && !(c >= '0' && c <= '9')) s -= 0.35;
  if (l.words >= 3 && title_cased(l.text)) s += 0.1;
  if (furniture(l.text)) s -= 0.6;
  if (date_line(l.text)) s -= 0.6;
  if (byline_like(l.text)) s -= 0.6;
  const char32_t last = l.text.empty() ? 0 : static_cast<unsigned char>(l.text.back());
  if (last == ')' || l.text.find('|') != std::string_view::npos ||
      l.text.find(" / ") != std::string_view::npos)
    s -= 0.3;
  const char32_t fc = final_char(l.text);
  if (fc != 0 && l.text.size() > 0) {
    size_t i = l.text.size();
    const char32_t end = detail::decode_utf8_before(l.text, i);
    if (end == 0x201D || end == '"' || end == 0xBB || end == 0x201C) s -= 0.3;  // a quotation
  }
  if (next) {
    if (next->chars >= 2 * l.chars && punctuated(next->text)) s += 0.1;
    if (next_candidate) s -= 0.3;  // runs of short lines are menus and lists
  } else {
    s -= 1.0;  // a heading heads something
  }
  // Set between two paragraphs of prose, a short line stands out as a heading ("What happened").
  if (prev && next && !prev_candidate && !next_candidate && prev->words >= 8 && next->words >= 8 &&
      ends_sentence(prev->text) && ends_sentence(next->text))
    s += 0.05;
  if (prev && prev_candidate) s -= 0.2;
  if (!prev) s -= 0.05;
  return {s, "short-title-like-line"};
}

Inline text_inline(std::string_view s, SourceRange r) {
  Inline in;
  in.kind = InlineKind::text;
  in.text = std::string(s);
  in.range = r;
  in.verbatim = true;
  return in;
}

Inline soft_break(uint32_t at) {
  Inline in;
  in.kind = InlineKind::soft_break;
  in.range = {at, at};
  return in;
}

// Hard-wrapped text (e-mail, newsletters): blocks separated by blank lines, lines of similar
// width broken mid-sentence.
bool detect_hard_wrap(const std::vector<Line>& lines) {
  uint32_t interior = 0, broken = 0, widest = 0;
  std::vector<uint32_t> widths;
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    if (lines[i + 1].gap_before) continue;
    if (list_marker(lines[i].text).length > 0 && list_marker(lines[i + 1].text).length > 0)
      continue;
    ++interior;
    widths.push_back(lines[i].chars);
    widest = std::max(widest, lines[i].chars);
    const char32_t next = first_char(lines[i + 1].text);
    const bool lower_next = next >= 'a' && next <= 'z';
    if (lower_next || !punctuated(lines[i].text)) ++broken;
  }
  if (interior < 3 || widest > 100 || widest < 30) return false;
  uint32_t wide = 0;
  for (uint32_t w : widths) wide += w * 10 >= widest * 6 ? 1 : 0;
  return broken * 2 >= interior && wide * 10 >= interior * 6;
}

class TextParser {
 public:
  TextParser(const SourceText& src, const Options& options, Document& doc)
      : src_(src), labels_(options.labels), doc_(doc) {}

  void run(uint32_t body) {
    read_lines(body);
    doc_.hard_wrapped = detect_hard_wrap(lines_);
    if (doc_.hard_wrapped) {
      group_blocks();
    } else {
      for (size_t i = 0; i < lines_.size(); ++i) units_.push_back({i, i + 1});
    }
    build();
  }

 private:
  struct Unit {
    size_t first, last;  // lines [first, last)
  };

  void read_lines(uint32_t body) {
    const std::string& text = src_.text();
    bool gap = false;
    for (uint32_t l = src_.line_of(body); l <= src_.line_count(); ++l) {
      uint32_t b = src_.line_start(l), e = src_.line_end(l);
      if (b < body) continue;
      const std::string_view raw = std::string_view(text).substr(b, e - b);
      const std::string_view t = detail::trim_unicode(raw);
      if (t.empty()) {
        gap = true;
        continue;
      }
      b += static_cast<uint32_t>(t.data() - raw.data());
      Line line;
      line.range = {b, b + static_cast<uint32_t>(t.size())};
      line.text = t;
      line.chars = detail::utf16_length(t);
      line.words = detail::count_words(t);
      line.gap_before = gap && !lines_.empty();
      gap = false;
      lines_.push_back(line);
    }
  }

  void group_blocks() {
    size_t start = 0;
    for (size_t i = 1; i <= lines_.size(); ++i) {
      if (i == lines_.size() || lines_[i].gap_before) {
        // A short title-like first line of a block stands on its own.
        if (i - start > 1 && candidate(lines_[start], labels_) && lines_[start].words <= 12 &&
            detail::is_upper(first_char(lines_[start + 1].text)) &&
            list_marker(lines_[start].text).length == 0) {
          units_.push_back({start, start + 1});
          ++start;
        }
        units_.push_back({start, i});
        start = i;
      }
    }
  }

  const Line& head(size_t u) const { return lines_[units_[u].first]; }
  bool single(size_t u) const { return units_[u].last - units_[u].first == 1; }
  bool is_list(size_t u) const { return list_marker(head(u).text).length > 0; }
  bool unit_candidate(size_t u) const { return single(u) && candidate(head(u), labels_); }

  // A one-line stand-in for a unit when weighing its neighbour: the joined extent.
  Line extent(size_t u) const {
    Line l = head(u);
    for (size_t k = units_[u].first + 1; k < units_[u].last; ++k) {
      l.chars += lines_[k].chars + 1;
      l.words += lines_[k].words;
    }
    const Line& last = lines_[units_[u].last - 1];
    l.text = last.text;  // what it ends with
    return l;
  }

  void build() {
    const size_t n = units_.size();
    // Heading scores, then a nudge for candidates that look like the confirmed headings.
    std::vector<Score> scores(n);
    for (size_t u = 0; u < n; ++u) {
      if (!unit_candidate(u) || u == 0) continue;
      const Line prev = extent(u - 1);
      Line next_line;
      const Line* next = nullptr;
      if (u + 1 < n) {
        next_line = extent(u + 1);
        next = &next_line;
      }
      const bool prev_c = unit_candidate(u - 1) && !is_list(u - 1);
      const bool next_c = u + 1 < n && unit_candidate(u + 1) && !is_list(u + 1);
      scores[u] = heading_score(head(u), &prev, next, prev_c, next_c, labels_);
    }
    uint32_t strong = 0, min_words = 99, max_words = 0;
    for (size_t u = 0; u < n; ++u) {
      if (scores[u].value >= kHeadingThreshold && scores[u].value < 0.95) {
        ++strong;
        min_words = std::min(min_words, head(u).words);
        max_words = std::max(max_words, head(u).words);
      }
    }
    if (strong >= 2) {
      for (size_t u = 0; u < n; ++u) {
        Score& s = scores[u];
        if (s.value >= 0.45 && s.value < kHeadingThreshold && head(u).words + 1 >= min_words &&
            head(u).words <= max_words + 1) {
          s.value += 0.15;
          s.reason = "short-line-like-its-sibling-headings";
        }
      }
    }

    for (size_t u = 0; u < n; ++u) {
      if (u == 0 && headline(u)) continue;
      if (is_list(u)) {
        u = list(u);
        continue;
      }
      if (scores[u].value >= kHeadingThreshold) {
        Block b;
        b.kind = BlockKind::heading;
        b.level = 2;
        b.range = head(u).range;
        b.inlines.push_back(text_inline(head(u).text, head(u).range));
        b.how = {static_cast<float>(std::min(1.0, scores[u].value)), scores[u].reason};
        doc_.blocks.push_back(std::move(b));
        continue;
      }
      paragraph(u);
    }
  }

  // The first line is the headline when it reads as a title.
  bool headline(size_t u) {
    if (!single(u) || units_.size() < 2) return false;
    const Line& l = head(u);
    if (l.chars > kHeadlineMaxChars || l.words < 2) return false;
    const char32_t c = final_char(l.text);
    if (c == '.' || c == ',' || c == ';' || c == ':' || c == 0x2026) return false;
    if (!detail::is_upper(first_char(l.text)) &&
        !(first_char(l.text) >= '0' && first_char(l.text) <= '9'))
      return false;
    if (list_marker(l.text).length > 0 || furniture(l.text) || date_line(l.text) ||
        byline_like(l.text))
      return false;
    if (structure::label_of(l.text, labels_) != structure::Label::none) return false;
    Block b;
    b.kind = BlockKind::heading;
    b.level = 1;
    b.range = l.range;
    b.inlines.push_back(text_inline(l.text, l.range));
    b.how = {l.chars <= 110 ? 0.8f : 0.6f, "title-like-first-line"};
    doc_.blocks.push_back(std::move(b));
    return true;
  }

  // Lines of one unit as inlines joined by soft breaks.
  Inlines joined(size_t first, size_t last, uint32_t skip_first) const {
    Inlines out;
    for (size_t k = first; k < last; ++k) {
      const Line& l = lines_[k];
      const uint32_t skip = k == first ? skip_first : 0;
      if (k > first) out.push_back(soft_break(lines_[k - 1].range.end));
      out.push_back(text_inline(l.text.substr(skip), {l.range.begin + skip, l.range.end}));
    }
    return out;
  }

  void paragraph(size_t u) {
    Block b;
    b.kind = BlockKind::paragraph;
    b.range = {head(u).range.begin, lines_[units_[u].last - 1].range.end};
    b.inlines = joined(units_[u].first, units_[u].last, 0);
    doc_.blocks.push_back(std::move(b));
  }

  // Consecutive list items (across units of consecutive lines); returns the last unit used.
  size_t list(size_t u) {
    const Marker first = list_marker(head(u).text);
    Block list;
    list.kind = BlockKind::list;
    list.ordered = first.ordered;
    list.start = first.ordered ? first.number : 1;
    list.delimiter = first.delimiter;
    list.range.begin = head(u).range.begin;
    size_t end_unit = u;
    for (size_t v = u; v < units_.size(); ++v) {
      if (!is_list(v) || list_marker(head(v).text).ordered != first.ordered) break;
      if (v > u && lines_[units_[v].first].gap_before && !doc_.hard_wrapped) break;
      // Items start at marker lines; other lines of the unit continue the item before them.
      size_t k = units_[v].first;
      while (k < units_[v].last) {
        const Marker m = list_marker(lines_[k].text);
        size_t e = k + 1;
        while (e < units_[v].last && list_marker(lines_[e].text).length == 0) ++e;
        Block item;
        item.kind = BlockKind::item;
        item.range = {lines_[k].range.begin, lines_[e - 1].range.end};
        Block para;
        para.kind = BlockKind::paragraph;
        para.range = {lines_[k].range.begin + m.length, lines_[e - 1].range.end};
        para.inlines = joined(k, e, m.length);
        item.children.push_back(std::move(para));
        list.children.push_back(std::move(item));
        list.range.end = lines_[e - 1].range.end;
        k = e;
      }
      end_unit = v;
    }
    doc_.blocks.push_back(std::move(list));
    return end_unit;
  }

  const SourceText& src_;
  const Labels& labels_;
  Document& doc_;
  std::vector<Line> lines_;
  std::vector<Unit> units_;
};

}  // namespace

Document parse_text(const SourceText& source, FrontMatter front_matter, const Options& options) {
  Document doc;
  doc.mode = InputMode::text;
  const uint32_t body = front_matter.body_offset;
  doc.front_matter = std::move(front_matter);
  TextParser(source, options, doc).run(body);
  return doc;
}

namespace {

// The Markdown a line shows inside it: a link's "](", a reference definition's "]: ", "**"
// twice, a template tag's "{{<" or "{%". Found in one pass that jumps eight bytes at a time to
// the next ']', '*' or '{' (a search per pattern read every line five times).
struct InlineMarks {
  bool link = false;
  bool reference = false;
  bool strong = false;
  bool tag = false;
};

InlineMarks inline_marks(std::string_view t) {
  InlineMarks m;
  const size_t n = t.size();
  const char* p = t.data();
  unsigned stars = 0;  // "**" pairs, matched left to right without overlap
  size_t i = 0;
  while (true) {
    while (i + 8 <= n) {
      const uint64_t x = detail::load8(p + i);
      const uint64_t flags =
          detail::has_byte(x, ']') | detail::has_byte(x, '*') | detail::has_byte(x, '{');
      if (flags != 0) {
        i += detail::first_flagged(flags);
        break;
      }
      i += 8;
    }
    if (i + 8 > n) {
      while (i < n && p[i] != ']' && p[i] != '*' && p[i] != '{') ++i;
      if (i >= n) break;
    }
    const char next = i + 1 < n ? p[i + 1] : '\0';
    if (p[i] == ']') {
      if (next == '(') m.link = true;
      if (next == ':' && i + 2 < n && p[i + 2] == ' ') m.reference = true;
    } else if (p[i] == '*') {
      if (next == '*') {
        ++stars;
        ++i;
      }
    } else if (next == '%' || (next == '{' && i + 2 < n && p[i + 2] == '<')) {
      m.tag = true;
    }
    ++i;
  }
  m.strong = stars >= 2;
  return m;
}

}  // namespace

InputMode detect_mode(const SourceText& source, const FrontMatter& front_matter,
                      std::string& reason) {
  if (!front_matter.format.empty()) {
    reason = "it starts with " + front_matter.format + " front matter";
    return InputMode::markdown;
  }
  const std::string_view text = source.text();
  uint32_t headings = 0, links = 0, emphasis = 0, quotes = 0, code = 0, other = 0, pasted = 0;
  bool prev_long = false;
  for (uint32_t l = 1; l <= source.line_count(); ++l) {
    const std::string_view line =
        text.substr(source.line_start(l), source.line_end(l) - source.line_start(l));
    const std::string_view t = detail::trim(line);
    if (t.empty()) {
      prev_long = false;
      continue;
    }
    size_t hashes = 0;
    while (hashes < t.size() && hashes < 7 && t[hashes] == '#') ++hashes;
    if (hashes >= 1 && hashes <= 6 && hashes < t.size() && t[hashes] == ' ') ++headings;
    if (t.substr(0, 3) == "```" || t.substr(0, 3) == "~~~") ++code;
    const bool quote = t[0] == '>';
    if (quote) ++quotes;
    const InlineMarks marks = inline_marks(t);
    if (marks.link || t.substr(0, 2) == "![" || (t[0] == '[' && marks.reference)) ++links;
    if (marks.strong) ++emphasis;
    if (t.size() > 2 && (t[0] == '_' || t[0] == '*') && t.back() == t[0] && t[1] != ' ') ++emphasis;
    if (marks.tag || t.substr(0, 4) == "<!--" || (t[0] == '|' && t.back() == '|')) ++other;
    if (t == "---" || t == "***" || t == "___" || t == "===") ++other;
    // Pasted text puts paragraphs on consecutive lines; Markdown separates them with blank
    // lines and wraps, if at all, well under this width.
    const bool list_like = list_marker(t).length > 0 || quote || t[0] == '|';
    if (prev_long && !list_like) ++pasted;
    prev_long = !list_like && line.size() > 100 && punctuated(t);
  }
  const uint32_t markup = 3 * (headings + code) + 2 * links + emphasis + quotes + other;
  if (markup >= 3 && markup > pasted) {
    std::string found;
    const auto add = [&](uint32_t n, const char* what) {
      if (n == 0) return;
      if (!found.empty()) found += ", ";
      found += what;
    };
    add(headings, "headings");
    add(links, "links");
    add(emphasis, "emphasis");
    add(quotes, "block quotes");
    add(code, "code");
    add(other, "other markup");
    reason = "it has Markdown markup (" + found + ")";
    return InputMode::markdown;
  }
  if (pasted > 0) {
    reason =
        markup > 0
            ? "its paragraphs are consecutive lines, as pasted text, with little Markdown markup"
            : "it has no Markdown markup and its paragraphs are consecutive lines, as pasted text";
  } else {
    reason = "it has no Markdown markup";
  }
  return InputMode::text;
}

}  // namespace galley::parse
