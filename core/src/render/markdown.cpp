// Markdown renderer: canonical Markdown (ATX headings, '-' bullets, '>' quotes, fenced code)
// that re-parses to the same article and renders through cmark-gfm to the same HTML.
#include <algorithm>

#include "render/render.h"
#include "render/writer.h"
#include "text_util.h"
#include "typography/typography.h"

namespace galley::render {
namespace {

bool is_ascii_punct(char32_t c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}
bool is_ws(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0; }
bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_alnum(char c) { return is_ascii_alpha(c) || is_ascii_digit(c); }

// Whether s[i] ('&') starts something cmark would read as a character reference.
bool starts_entity(std::string_view s, size_t i, char32_t after) {
  size_t j = i + 1;
  const size_t n = s.size();
  if (j >= n) return after == '#' || (after < 0x80 && is_ascii_alnum(static_cast<char>(after)));
  if (s[j] == '#') {
    ++j;
    if (j < n && (s[j] == 'x' || s[j] == 'X')) ++j;
  } else if (!is_ascii_alpha(s[j])) {
    return false;
  }
  while (j < n && is_ascii_alnum(s[j])) ++j;
  // A reference needs its ';'; when the text ends first, what follows decides, so be safe.
  return j >= n || s[j] == ';';
}

// --- cmark-gfm's autolink extension, as far as canonical output must follow it --------------
// Text that the extension would turn into a link is written as it is (the extension takes its
// characters raw), and a link that the extension would make again is written bare, so that
// formatting is idempotent for pasted text with URLs and e-mail addresses.

// is_valid_hostchar(): not a space or punctuation. Non-ASCII counts as a host character here,
// which can only make check_domain() below refuse more than the extension does.
bool gfm_host_char(unsigned char c) { return c >= 0x80 || is_ascii_alnum(static_cast<char>(c)); }

// check_domain() over `d` and the two characters that follow it in the paragraph (`after`,
// `after2`; 0 for its end, 'a' when unknown): the domain's length, or 0. `complete` is false
// when the scan went past what is known.
size_t gfm_check_domain(std::string_view d, char32_t after, char32_t after2, bool allow_short,
                        bool& complete) {
  const auto ascii = [](char32_t c) -> char {
    if (c == 0) return ' ';
    return c < 0x80 ? static_cast<char>(c) : 'a';
  };
  const char tail[2] = {ascii(after), after == 0 ? ' ' : ascii(after2)};
  const size_t size = d.size() + 2;
  const auto at = [&](size_t k) { return k < d.size() ? d[k] : tail[k - d.size()]; };
  complete = true;
  if (size < 2) return 0;
  size_t i, np = 0, uscore1 = 0, uscore2 = 0;
  for (i = 1; i < size - 1; ++i) {
    if (at(i) == '\\' && i < size - 2) ++i;
    const char c = at(i);
    if (c == '_') {
      ++uscore2;
    } else if (c == '.') {
      uscore1 = uscore2;
      uscore2 = 0;
      ++np;
    } else if (!gfm_host_char(static_cast<unsigned char>(c)) && c != '-') {
      break;
    }
  }
  if (i >= size - 1) complete = false;
  if ((uscore1 > 0 || uscore2 > 0) && np <= 10) return 0;
  if (allow_short) return i;
  return np ? i : 0;
}

bool gfm_trimmed(char c) {
  return c == '?' || c == '!' || c == '.' || c == ',' || c == ':' || c == '*' || c == '_' ||
         c == '~' || c == '\'' || c == '"';
}

// autolink_delim(): where the link ends once trailing punctuation is dropped.
size_t gfm_delim(std::string_view d, size_t link_end) {
  size_t closing = 0, opening = 0;
  for (size_t i = 0; i < link_end; ++i) {
    if (d[i] == '<') {
      link_end = i;
      break;
    }
    if (d[i] == '(') ++opening;
    if (d[i] == ')') ++closing;
  }
  while (link_end > 0) {
    const char c = d[link_end - 1];
    if (c == ')') {
      if (closing <= opening) return link_end;
      --closing;
      --link_end;
    } else if (gfm_trimmed(c)) {
      --link_end;
    } else if (c == ';') {
      if (link_end < 2) {
        --link_end;
        continue;
      }
      size_t new_end = link_end - 2;
      while (new_end > 0 && is_ascii_alpha(d[new_end])) --new_end;
      if (new_end < link_end - 2 && d[new_end] == '&') {
        link_end = new_end;
      } else {
        --link_end;
      }
    } else {
      return link_end;
    }
  }
  return link_end;
}

bool gfm_scheme(std::string_view s) {
  return detail::equals_ci(s, "http") || detail::equals_ci(s, "https") ||
         detail::equals_ci(s, "ftp");
}

// Kinds of inline runs, for what must be escaped where.
enum class Run : uint8_t {
  paragraph,  // a paragraph line: block starts at a line start must be escaped
  heading,    // an ATX heading: no line starts, breaks become spaces
  cell,       // a table cell: '|' escaped everywhere, no breaks
};

struct Sibling {
  bool list = false;
  char bullet = 0;  // bullet used by a bullet list
  char delim = 0;   // delimiter used by an ordered list
};

class MarkdownWriter {
 public:
  MarkdownWriter(std::string& out, const Options& options) : out_(out), o_(options) {}

  // Whether a part came from front matter, which the Markdown keeps: it is not written twice.
  static bool from_front_matter(const Article& a, const std::optional<TextPart>& p) {
    if (!p || a.meta.front_matter_format.empty()) return false;
    const SourceRange fm = a.meta.front_matter_range;
    const bool inside = !p->range.empty() && p->range.begin >= fm.begin && p->range.end <= fm.end;
    return inside || p->how.reason.rfind("front-matter", 0) == 0;
  }

  void article(const Article& a, const detail::SourceText* source) {
    source_ = source;
    front_matter(a, source);
    if (a.headline && !from_front_matter(a, a.headline)) {
      begin_top();
      heading(a.headline->inlines, 1);
    }
    // The "By …" line left the sections; it goes back where it stood (after the dek unless
    // the source had it before).
    const bool byline_first =
        a.byline_text && a.dek && a.byline_text->range.begin < a.dek->range.begin;
    if (byline_first) {
      begin_top();
      paragraph(a.byline_text->inlines);
    }
    if (a.dek && !from_front_matter(a, a.dek)) {
      begin_top();
      paragraph(a.dek->inlines);
    }
    if (a.byline_text && !byline_first) {
      begin_top();
      paragraph(a.byline_text->inlines);
    }
    for (const PartRef& p : part_order(a, o_.layout)) {
      switch (p.kind) {
        case PartRef::Kind::section:
          section(a.sections[p.index]);
          break;
        case PartRef::Kind::takeaways:
          takeaways(*a.takeaways);
          break;
        case PartRef::Kind::credits:
          credits(*a.credits);
          break;
        case PartRef::Kind::author_box:
          author_box(*a.author_box, a);
          break;
      }
    }
    for (const Block& f : a.footnotes) top_block(f);
    if (!out_.empty()) out_ += '\n';
  }

 private:
  // --- lines and containers ---------------------------------------------------------------

  void newline() {
    out_ += '\n';
    out_ += prefix_;
    line_start_ = out_.size();
  }

  void blank_line() {
    out_ += '\n';
    size_t keep = prefix_.size();
    while (keep > 0 && (prefix_[keep - 1] == ' ' || prefix_[keep - 1] == '\t')) --keep;
    out_.append(prefix_, 0, keep);
    newline();
  }

  // Starts a top-level block: a blank line after whatever came before.
  void begin_top() {
    if (!out_.empty()) blank_line();
    line_start_ = out_.size();
  }

  void top_block(const Block& b) {
    begin_top();
    prev_top_ = block(b, prev_top_, false);
  }

  void front_matter(const Article& a, const detail::SourceText* source) {
    const Meta& m = a.meta;
    if (source && !m.front_matter_range.empty() &&
        m.front_matter_range.end <= source->text().size()) {
      std::string_view fm = source->view(m.front_matter_range);
      while (!fm.empty() && (fm.back() == '\n' || fm.back() == '\r')) fm.remove_suffix(1);
      out_ += fm;
      return;
    }
    if (m.front_matter_format.empty()) return;
    // From JSON input: the keys again, as YAML flow values (JSON is valid YAML) or TOML.
    const bool toml = m.front_matter_format == "toml";
    out_ += toml ? "+++" : "---";
    front_matter_body(m.front_matter_json.empty() ? std::string_view("{}")
                                                  : std::string_view(m.front_matter_json),
                      toml);
    out_ += toml ? "\n+++" : "\n---";
  }

  // Writes "key: value" (YAML) or "key = value" (TOML) lines of a flat JSON object's text.
  void front_matter_body(std::string_view json, bool toml) {
    // The object was written by Galley (front_matter_json), so it is well-formed: split its
    // top-level members by scanning strings and nesting.
    size_t i = json.find('{');
    if (i == std::string_view::npos) return;
    ++i;
    while (i < json.size()) {
      while (i < json.size() && (detail::is_space(json[i]) || json[i] == ',')) ++i;
      if (i >= json.size() || json[i] == '}') break;
      const size_t key_begin = i;
      i = skip_json_value(json, i);
      const std::string_view key = json.substr(key_begin, i - key_begin);
      while (i < json.size() && (detail::is_space(json[i]) || json[i] == ':')) ++i;
      const size_t value_begin = i;
      i = skip_json_value(json, i);
      const std::string_view value = json.substr(value_begin, i - value_begin);
      out_ += '\n';
      if (toml) {
        out_ += key;
        out_ += " = ";
        out_ += value;
      } else {
        out_ += key;
        out_ += ": ";
        out_ += value;
      }
    }
  }

  static size_t skip_json_value(std::string_view s, size_t i) {
    if (i >= s.size()) return i;
    if (s[i] == '"') {
      for (++i; i < s.size(); ++i) {
        if (s[i] == '\\') {
          ++i;
        } else if (s[i] == '"') {
          return i + 1;
        }
      }
      return i;
    }
    if (s[i] == '{' || s[i] == '[') {
      int depth = 0;
      for (; i < s.size(); ++i) {
        if (s[i] == '"') {
          i = skip_json_value(s, i) - 1;
        } else if (s[i] == '{' || s[i] == '[') {
          ++depth;
        } else if (s[i] == '}' || s[i] == ']') {
          if (--depth == 0) return i + 1;
        }
      }
      return i;
    }
    while (i < s.size() && s[i] != ',' && s[i] != '}' && s[i] != ']' && !detail::is_space(s[i]))
      ++i;
    return i;
  }

  // --- article parts ----------------------------------------------------------------------

  void section(const Section& s) {
    if (s.heading) {
      begin_top();
      heading(s.heading->inlines, std::clamp(s.level, 1, 6));
      prev_top_ = {};
    }
    for (const Block& b : s.blocks) top_block(b);
  }

  void takeaways(const Takeaways& t) {
    begin_top();
    heading(t.heading.inlines, 2);
    prev_top_ = {};
    begin_top();
    Block list;
    list.kind = BlockKind::list;
    list.ordered = t.ordered;
    list.tight = true;
    for (const TextPart& item : t.items) {
      Block it;
      it.kind = BlockKind::item;
      Block p;
      p.kind = BlockKind::paragraph;
      p.inlines = item.inlines;
      it.children.push_back(std::move(p));
      list.children.push_back(std::move(it));
    }
    prev_top_ = block(list, prev_top_, false);
  }

  void credits(const Credits& c) {
    if (c.heading) {
      begin_top();
      heading(c.heading->inlines, 2);
      prev_top_ = {};
    }
    begin_top();
    paragraph(c.text.inlines);
    prev_top_ = {};
  }

  void author_box(const AuthorBox& box, const Article& a) {
    // A biography from front matter (author_bio) stays there.
    if (!a.meta.front_matter_format.empty() && box.how.reason.rfind("front-matter", 0) == 0) return;
    if (box.heading) {
      begin_top();
      heading(box.heading->inlines, 2);
      prev_top_ = {};
    }
    for (const Block& b : box.bio) top_block(b);
  }

  // --- blocks -----------------------------------------------------------------------------

  void blocks(const std::vector<Block>& list, bool tight) {
    Sibling prev;
    for (size_t i = 0; i < list.size(); ++i) {
      if (i > 0) {
        if (tight) {
          newline();
        } else {
          blank_line();
        }
      }
      prev = block(list[i], prev, tight && i > 0);
    }
  }

  // Writes one block from the current position; returns what the next sibling must know.
  // `after_tight` is set when the block follows another without a blank line.
  Sibling block(const Block& b, Sibling prev, bool after_tight) {
    switch (b.kind) {
      case BlockKind::paragraph:
      case BlockKind::figure:
        paragraph(b.inlines);
        break;
      case BlockKind::heading:
        heading(b.inlines, std::clamp(b.level, 1, 6));
        break;
      case BlockKind::quote:
        quote(b);
        break;
      case BlockKind::list:
        return list(b, prev);
      case BlockKind::item:
        blocks(b.children, true);
        break;
      case BlockKind::code:
        code(b, prev.list || after_tight);
        break;
      case BlockKind::html:
        html_block(b.text);
        break;
      case BlockKind::table:
        table(b);
        break;
      case BlockKind::row:
      case BlockKind::cell:
        break;
      case BlockKind::rule:
        out_ += "***";
        break;
      case BlockKind::footnote:
        footnote(b);
        break;
    }
    return {};
  }

  void paragraph(const Inlines& inl) {
    line_start_ = out_.size();
    inlines_run(inl, Run::paragraph);
  }

  void heading(const Inlines& inl, int level) {
    bool breaks = false;
    for (const Inline& in : inl)
      breaks |= in.kind == InlineKind::soft_break || in.kind == InlineKind::line_break;
    if (breaks && level <= 2) {
      // A heading over several lines exists only as a setext heading.
      paragraph(inl);
      newline();
      out_ += level == 1 ? "===" : "---";
      return;
    }
    out_.append(static_cast<size_t>(level), '#');
    if (inl.empty()) return;
    out_ += ' ';
    const size_t content = out_.size();
    line_start_ = std::string::npos;
    inlines_run(inl, Run::heading);
    // A closing sequence (spaces then #s at the end) would be dropped: escape it.
    size_t run = out_.size();
    while (run > content && out_[run - 1] == '#') --run;
    if (run < out_.size() && (run == content || out_[run - 1] == ' ' || out_[run - 1] == '\t')) {
      out_.insert(run, 1, '\\');
    }
  }

  void quote(const Block& b) {
    if (b.pull && b.how.reason == "quote-shortcode") {
      shortcode_quote(b);
      return;
    }
    const size_t saved = prefix_.size();
    if (b.children.empty() && b.attribution.empty()) {
      out_ += '>';
      return;
    }
    out_ += "> ";
    prefix_ += "> ";
    line_start_ = out_.size();
    blocks(b.children, false);
    if (!b.attribution.empty()) {
      // The attribution goes back where the parser finds it: after the closing quotation
      // mark on the same line, or on a line of its own that starts with a dash.
      const bool joined = !b.children.empty() && b.children.back().kind == BlockKind::paragraph;
      const bool same_line = joined && b.how.reason == "attribution-after-quote";
      if (same_line) {
        out_ += ' ';
      } else if (joined) {
        newline();
      } else if (!b.children.empty()) {
        blank_line();
      }
      std::string text;
      append_plain_text(text, b.attribution);
      std::string_view t = detail::trim(text);
      const bool dashed = t.substr(0, 3) == "\xE2\x80\x94" || t.substr(0, 3) == "\xE2\x80\x93" ||
                          t.substr(0, 2) == "--";
      if (!dashed) out_ += "\xE2\x80\x94 ";
      if (same_line) {
        const size_t start = line_start_;
        inlines_run(b.attribution, Run::paragraph);
        line_start_ = start;
      } else {
        inlines_run(b.attribution, Run::paragraph);
      }
    }
    prefix_.resize(saved);
  }

  // A pull quote from a Hugo quote shortcode is written as the shortcode: as it stood in the
  // source when there is one, else as {{< quote-block text="…" cite="…" >}}.
  void shortcode_quote(const Block& b) {
    if (source_ && !b.range.empty() && b.range.end <= source_->text().size()) {
      const std::string_view raw = detail::trim(source_->view(b.range));
      if (raw.substr(0, 3) == "{{<" || raw.substr(0, 3) == "{{%") {
        html_block(raw);
        return;
      }
    }
    std::string text;
    out_ += "{{< quote-block text=\"";
    for (const Block& c : b.children) append_plain_text(text, c.inlines);
    shortcode_value(text);
    out_ += '"';
    if (!b.attribution.empty()) {
      text.clear();
      append_plain_text(text, b.attribution);
      out_ += " cite=\"";
      shortcode_value(text);
      out_ += '"';
    }
    out_ += " >}}";
  }

  void shortcode_value(std::string_view v) {
    for (const char c : v) {
      if (c == '"' || c == '\\') out_ += '\\';
      out_ += c == '\n' ? ' ' : c;
    }
  }

  Sibling list(const Block& b, Sibling prev) {
    Sibling me;
    me.list = true;
    if (b.ordered) {
      me.delim = b.delimiter == ')' ? ')' : '.';
      if (prev.delim == me.delim) me.delim = me.delim == '.' ? ')' : '.';  // keep the lists apart
    } else {
      me.bullet = prev.bullet == '-' ? '*' : '-';
    }
    const size_t saved = prefix_.size();
    int64_t number = std::clamp(b.start, 0, 999999999);
    const bool count_up = number + static_cast<int64_t>(b.children.size()) <= 999999999;
    char marker[16];
    for (size_t i = 0; i < b.children.size(); ++i) {
      const Block& item = b.children[i];
      if (i > 0) {
        if (b.tight) {
          newline();
        } else {
          blank_line();
        }
      }
      size_t width;
      if (b.ordered) {
        std::string num;
        append_int(num, number);
        if (count_up) ++number;
        width = num.size() + 2;
        std::copy(num.begin(), num.end(), marker);
        marker[num.size()] = me.delim;
        marker[num.size() + 1] = ' ';
      } else {
        marker[0] = me.bullet;
        marker[1] = ' ';
        width = 2;
      }
      const bool empty = item.children.empty() && item.checked < 0;
      out_.append(marker, empty ? width - 1 : width);
      if (item.checked >= 0) out_ += item.checked ? "[x] " : "[ ] ";
      prefix_.append(width, ' ');
      line_start_ = out_.size();
      if (item.checked >= 0 && item.children.empty()) out_.pop_back();
      blocks(item.children, b.tight);
      prefix_.resize(saved);
    }
    return me;
  }

  // Whether a code block is written indented (as it was) rather than fenced: only where an
  // indented block reads back the same.
  static bool indented_code(const Block& b, bool after_list) {
    const std::string& text = b.text;
    const bool leading_blank = text.empty() || text.front() == '\n' || text.front() == '\r';
    bool blank_only = true;
    for (const char c : text) blank_only &= detail::is_space(c);
    return !b.fenced && b.info.empty() && !after_list && !leading_blank && !blank_only;
  }

  void code(const Block& b, bool after_list) {
    const std::string& text = b.text;
    if (indented_code(b, after_list)) {
      // Indented code: four spaces before each line.
      size_t start = 0;
      bool first = true;
      while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        if (!first) newline_for_line(end == start);
        first = false;
        if (end > start) {
          out_ += "    ";
          out_.append(text, start, end - start);
        }
        start = end + 1;
      }
      return;
    }
    // Fenced: backticks unless the info string has one, longer than any run in the text.
    const bool tilde = b.info.find('`') != std::string::npos;
    const char fence_char = tilde ? '~' : '`';
    size_t longest = 0, run = 0;
    for (const char c : text) {
      run = c == fence_char ? run + 1 : 0;
      longest = std::max(longest, run);
    }
    const size_t fence = std::max<size_t>(3, longest + 1);
    out_.append(fence, fence_char);
    info_string(b.info);
    size_t start = 0;
    while (start < text.size()) {
      size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      newline_for_line(end == start);
      out_.append(text, start, end - start);
      start = end + 1;
    }
    newline();
    out_.append(fence, fence_char);
  }

  // A line break inside literal content; an empty line gets the prefix without trailing spaces.
  void newline_for_line(bool empty) {
    if (!empty) {
      newline();
      return;
    }
    out_ += '\n';
    size_t keep = prefix_.size();
    while (keep > 0 && prefix_[keep - 1] == ' ') --keep;
    out_.append(prefix_, 0, keep);
    line_start_ = out_.size();
  }

  void info_string(std::string_view info) {
    for (size_t i = 0; i < info.size(); ++i) {
      const char c = info[i];
      if (c == '\n' || c == '\r') {
        out_ += ' ';
        continue;
      }
      const char32_t next = i + 1 < info.size() ? static_cast<unsigned char>(info[i + 1]) : 0;
      if ((c == '\\' && (is_ascii_punct(next) || next == 0)) ||
          (c == '&' && starts_entity(info, i, 0))) {
        out_ += '\\';
      }
      out_ += c;
    }
  }

  void html_block(std::string_view text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
    size_t start = 0;
    bool first = true;
    while (start <= text.size()) {
      size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      if (!first) newline_for_line(end == start);
      first = false;
      out_.append(text.data() + start, end - start);
      start = end + 1;
    }
  }

  void table(const Block& b) {
    size_t columns = b.align.size();
    if (columns == 0 && !b.children.empty()) columns = b.children.front().children.size();
    if (columns == 0) return;
    bool first_row = true;
    for (const Block& row : b.children) {
      if (!first_row) newline();
      table_row(row, columns);
      if (first_row) {
        newline();
        out_ += '|';
        for (size_t i = 0; i < columns; ++i) {
          const Align al = i < b.align.size() ? b.align[i] : Align::none;
          out_ += al == Align::left     ? " :--- |"
                  : al == Align::center ? " :---: |"
                  : al == Align::right  ? " ---: |"
                                        : " --- |";
        }
      }
      first_row = false;
    }
  }

  void table_row(const Block& row, size_t columns) {
    out_ += '|';
    for (size_t i = 0; i < columns; ++i) {
      out_ += ' ';
      if (i < row.children.size()) {
        line_start_ = std::string::npos;
        inlines_run(row.children[i].inlines, Run::cell);
      }
      out_ += " |";
    }
  }

  void footnote(const Block& b) {
    out_ += "[^";
    out_ += b.text;
    out_ += "]:";
    if (b.children.empty()) return;
    const size_t saved = prefix_.size();
    prefix_ += "    ";
    const Block& first = b.children.front();
    if (first.kind == BlockKind::code && indented_code(first, false)) {
      newline();  // indented code cannot start on the label's line
    } else {
      out_ += ' ';
    }
    line_start_ = out_.size();
    blocks(b.children, false);
    prefix_.resize(saved);
  }

  // --- inlines ----------------------------------------------------------------------------

  // The first character an inline writes, for escaping the end of the text before it.
  static char32_t first_char(const Inline& in) {
    switch (in.kind) {
      case InlineKind::text:
        return in.text.empty() ? 'a' : static_cast<unsigned char>(in.text.front());
      case InlineKind::code:
        return '`';
      case InlineKind::emphasis:
      case InlineKind::strong:
        return '*';
      case InlineKind::strikethrough:
        return '~';
      case InlineKind::link:
      case InlineKind::footnote_reference:
        return '[';
      case InlineKind::image:
        return '!';
      case InlineKind::html:
        return '<';
      case InlineKind::soft_break:
        return '\n';
      case InlineKind::line_break:
        return '\\';
    }
    return 'a';
  }

  void inlines_run(const Inlines& list, Run run) {
    const Run saved = run_;
    run_ = run;
    before_ = 0;
    quote_state_ = {};
    content_start_ = out_.size();
    inlines(list, 0, 0);
    protect_trailing_space();
    run_ = saved;
  }

  // `after` is the first character written after the list; `outer` the delimiter character of
  // the enclosing emphasis (0 if none).
  void inlines(const Inlines& list, char32_t after, char outer) {
    char prev_delim = 0;
    const char32_t outer_semantic = semantic_after_;
    for (size_t i = 0; i < list.size(); ++i) {
      // The next inline that writes something (the parser leaves empty text around links).
      size_t j = i + 1;
      while (j < list.size() && list[j].kind == InlineKind::text && list[j].text.empty()) ++j;
      const char32_t next = j < list.size() ? first_char(list[j]) : after;
      after2_ = 'a';  // unknown: not a space
      if (j >= list.size()) {
        after2_ = after == 0 ? 0 : 'a';
      } else if (list[j].kind == InlineKind::text && list[j].text.size() >= 2) {
        after2_ = static_cast<unsigned char>(list[j].text[1]);
      } else if (list[j].kind == InlineKind::text && j + 1 == list.size() && after == 0) {
        after2_ = 0;
      } else if (list[j].kind == InlineKind::soft_break || list[j].kind == InlineKind::line_break) {
        after2_ = '\n';
      }
      if (o_.typography_markdown) {
        semantic_after_ = i + 1 < list.size() ? first_text_char(list[i + 1]) : outer_semantic;
      }
      const bool first = i == 0, last = i + 1 == list.size();
      prev_delim = inline_node(list[i], next, outer, first, last, prev_delim);
    }
  }

  // Returns the closing delimiter character the node wrote (emphasis), else 0.
  char inline_node(const Inline& in, char32_t after, char outer, bool first, bool last,
                   char prev_delim) {
    switch (in.kind) {
      case InlineKind::text:
        if (o_.typography_markdown) {
          typography::Context ctx;
          ctx.locale = o_.locale;
          ctx.before = before_;
          ctx.after = semantic_after_;
          scratch_.clear();
          typography::apply_to(scratch_, in.text, typography::kRender, ctx, quote_state_);
          text(scratch_, after);
          before_ = last_char(scratch_);
        } else {
          text(in.text, after);
        }
        return 0;
      case InlineKind::code:
        code_span(in.text);
        before_ = last_char(in.text);
        return 0;
      case InlineKind::emphasis:
      case InlineKind::strong: {
        // '*' unless that would run into the same character of a neighbouring delimiter.
        char c = '*';
        const bool touches = (first && outer == '*') || (last && outer == '*') || prev_delim == '*';
        if (touches) {
          const char32_t before = out_.empty() ? 0 : static_cast<unsigned char>(out_.back());
          const bool left_ok =
              first || !(before < 0x80 && is_ascii_alnum(static_cast<char>(before)));
          const bool right_ok = last || !(after < 0x80 && is_ascii_alnum(static_cast<char>(after)));
          if (left_ok && right_ok) c = '_';
        }
        // A chain of strong nodes that are each the only child of the one above (under an
        // optional emphasis) is one delimiter run: ***x*** is em(strong(x)), ****x**** is
        // strong(strong(x)).
        size_t n = in.kind == InlineKind::strong ? 2 : 1;
        const Inline* inner = &in;
        while (inner->children.size() == 1 && inner->children[0].kind == InlineKind::strong) {
          inner = &inner->children[0];
          n += 2;
        }
        out_.append(n, c);
        inlines(inner->children, static_cast<unsigned char>(c), c);
        out_.append(n, c);
        return c;
      }
      case InlineKind::strikethrough:
        out_ += "~~";
        inlines(in.children, '~', '~');
        out_ += "~~";
        return '~';
      case InlineKind::link:
        link(in, after);
        return 0;
      case InlineKind::image:
        out_ += "![";
        ++link_depth_;
        inlines(in.children, ']', 0);
        --link_depth_;
        out_ += "](";
        destination(in.url);
        title(in.title);
        out_ += ')';
        return 0;
      case InlineKind::html:
        literal(in.text);
        return 0;
      case InlineKind::soft_break:
        before_ = ' ';
        if (run_ != Run::paragraph) {
          out_ += ' ';
        } else {
          protect_trailing_space();
          newline();
        }
        return 0;
      case InlineKind::line_break:
        before_ = ' ';
        if (run_ != Run::paragraph) {
          out_ += ' ';
        } else {
          protect_trailing_space();
          out_ += '\\';
          newline();
        }
        return 0;
      case InlineKind::footnote_reference:
        out_ += "[^";
        out_ += in.text;
        out_ += ']';
        return 0;
    }
    return 0;
  }

  void link(const Inline& in, char32_t after) {
    if (autolink(in, after)) return;
    out_ += '[';
    ++link_depth_;
    inlines(in.children, ']', 0);
    --link_depth_;
    out_ += "](";
    destination(in.url);
    title(in.title);
    out_ += ')';
  }

  // Whether the autolink extension makes exactly this link of its text written bare.
  bool bare_link(const std::string& t, std::string_view url, char32_t after) const {
    if (link_depth_ > 0 || run_ == Run::cell || t.empty()) return false;
    const char32_t prev = prev_char();
    const bool next_ends =
        is_ws(after) || (after < 0x80 && gfm_trimmed(static_cast<char>(after)) && is_ws(after2_));
    for (const char c : t) {
      if (is_ws(static_cast<unsigned char>(c)) || c == '<' || c == '\\') return false;
    }
    bool complete = true;
    if (url.size() == t.size() + 7 && url.substr(0, 7) == "mailto:" && url.substr(7) == t) {
      // postprocess_text(): local part, '@', a domain with a dot, ending in a letter.
      const size_t at = t.find('@');
      if (at == 0 || at == std::string::npos || t.find('@', at + 1) != std::string::npos)
        return false;
      for (size_t i = 0; i < t.size(); ++i) {
        const char c = t[i];
        const bool ok = is_ascii_alnum(c) || c == '.' || c == '-' || c == '_' ||
                        (i < at && c == '+') || i == at;
        if (!ok) return false;
      }
      if (t.find('.', at) == std::string::npos || !is_ascii_alpha(t.back())) return false;
      if (prev < 0x80 && (is_ascii_alnum(static_cast<char>(prev)) || prev == '.' || prev == '+' ||
                          prev == '-' || prev == '_' || prev == ':')) {
        return false;
      }
      const bool continues =
          after < 0x80 &&
          (is_ascii_alnum(static_cast<char>(after)) || after == '-' || after == '_' ||
           after == '@' ||
           (after == '.' && after2_ < 0x80 && is_ascii_alnum(static_cast<char>(after2_))));
      return !continues;
    }
    if (!next_ends || gfm_delim(t, t.size()) != t.size()) return false;
    if (url == t) {
      // url_match(): http://, https:// or ftp:// after a non-letter, a host character, a domain.
      const size_t colon = t.find("://");
      if (colon == std::string::npos || !gfm_scheme(t.substr(0, colon))) return false;
      if (colon + 3 >= t.size() || !is_ascii_alnum(t[colon + 3])) return false;
      if (prev < 0x80 && is_ascii_alpha(static_cast<char>(prev))) return false;
      return gfm_check_domain(std::string_view(t).substr(colon + 3), after, after2_, true,
                              complete) > 0 &&
             complete;
    }
    if (url.size() == t.size() + 7 && url.substr(0, 7) == "http://" && url.substr(7) == t &&
        t.rfind("www.", 0) == 0) {
      // www_match(): after a space, *, _, ~ or (, a domain with a dot.
      if (!(is_ws(prev) || prev == '*' || prev == '_' || prev == '~' || prev == '(')) return false;
      return gfm_check_domain(t, after, after2_, false, complete) > 0 && complete;
    }
    return false;
  }

  // <url> when the link text is its URL (or an e-mail address and its mailto: URL); bare when
  // the autolink extension reads it back as this very link.
  bool autolink(const Inline& in, char32_t after) {
    if (!in.title.empty() || in.children.size() != 1 || in.children[0].kind != InlineKind::text)
      return false;
    const std::string& t = in.children[0].text;
    const std::string_view url = in.url;
    if (bare_link(t, url, after)) {
      if (url.substr(0, 7) == "mailto:") {
        text(t, after);  // the extension reads e-mail addresses from the parsed text
      } else {
        out_ += t;  // and URLs from the raw characters
      }
      return true;
    }
    const bool mail =
        url.size() == t.size() + 7 && url.substr(0, 7) == "mailto:" && url.substr(7) == t;
    if (!mail && url != t) return false;
    // Absolute URI: scheme of 2–32 characters, then no spaces, controls, < > or references.
    size_t i = 0;
    if (!mail) {
      while (i < url.size() &&
             (is_ascii_alnum(url[i]) || url[i] == '+' || url[i] == '.' || url[i] == '-'))
        ++i;
      if (i < 2 || i > 32 || i >= url.size() || url[i] != ':' || !is_ascii_alpha(url[0]))
        return false;
    } else if (t.find('@') == std::string::npos) {
      return false;
    }
    for (const char c : url) {
      const auto u = static_cast<unsigned char>(c);
      if (u <= 0x20 || u == 0x7F || c == '<' || c == '>' || c == '\\' || c == '&' || c == '`' ||
          (c == '|' && run_ == Run::cell) || u >= 0x80) {
        return false;
      }
    }
    if (mail) {
      for (const char c : t) {
        if (!(is_ascii_alnum(c) || c == '@' || c == '.' || c == '-' || c == '_' || c == '+'))
          return false;
      }
    }
    out_ += '<';
    out_ += t;
    out_ += '>';
    return true;
  }

  void destination(std::string_view url) {
    bool pointy = url.empty();
    int depth = 0;
    for (const char c : url) {
      const auto u = static_cast<unsigned char>(c);
      if (u <= 0x20 || u == 0x7F) pointy = true;
      if (c == '(') ++depth;
      if (c == ')' && --depth < 0) pointy = true;
    }
    if (depth != 0) pointy = true;
    if (pointy) out_ += '<';
    for (size_t i = 0; i < url.size(); ++i) {
      const char c = url[i];
      if (c == '\n') {
        out_ += "%0A";
        continue;
      }
      if (c == '\r') {
        out_ += "%0D";
        continue;
      }
      const bool escape = c == '\\' || c == '<' || c == '>' ||
                          (c == '&' && starts_entity(url, i, 0)) ||
                          (!pointy && (c == '(' || c == ')')) || (c == '|' && run_ == Run::cell);
      if (escape) out_ += '\\';
      out_ += c;
    }
    if (pointy) out_ += '>';
  }

  void title(std::string_view t) {
    if (t.empty()) return;
    out_ += " \"";
    for (size_t i = 0; i < t.size(); ++i) {
      const char c = t[i];
      if (c == '"' || c == '\\' || (c == '&' && starts_entity(t, i, 0)) ||
          (c == '|' && run_ == Run::cell)) {
        out_ += '\\';
      }
      if (c == '\n') {
        // A blank line would end the paragraph: keep line breaks as references.
        out_ += "&#10;";
        continue;
      }
      out_ += c;
    }
    out_ += '"';
  }

  void code_span(std::string_view code) {
    if (code.empty()) return;
    // The shortest backtick run that does not occur in the code.
    size_t fence = 1;
    for (;;) {
      bool found = false;
      size_t run = 0;
      for (size_t i = 0; i <= code.size(); ++i) {
        if (i < code.size() && code[i] == '`') {
          ++run;
        } else {
          found |= run == fence;
          run = 0;
        }
      }
      if (!found) break;
      ++fence;
    }
    bool all_space = true;
    for (const char c : code) all_space &= c == ' ';
    const bool pad = !all_space && (code.front() == '`' || code.back() == '`' ||
                                    (code.front() == ' ' && code.back() == ' '));
    out_.append(fence, '`');
    if (pad) out_ += ' ';
    for (const char c : code) {
      if (c == '\n' || c == '\r') {
        out_ += ' ';
      } else {
        if (c == '|' && run_ == Run::cell) out_ += '\\';
        out_ += c;
      }
    }
    if (pad) out_ += ' ';
    out_.append(fence, '`');
  }

  // Raw inline HTML, as written; in a table cell '|' must still be escaped.
  void literal(std::string_view s) {
    for (const char c : s) {
      if (c == '|' && run_ == Run::cell) out_ += '\\';
      if (c == '\n' && run_ == Run::paragraph) {
        newline();
        continue;
      }
      out_ += c == '\n' ? ' ' : c;
    }
  }

  // Spaces at the end of a line would be dropped (or make a hard break): write them as
  // character references.
  void protect_trailing_space() {
    const size_t floor =
        std::max(content_start_, line_start_ == std::string::npos ? size_t{0} : line_start_);
    size_t n = out_.size();
    while (n > floor && (out_[n - 1] == ' ' || out_[n - 1] == '\t')) --n;
    if (n == out_.size()) return;
    const std::string tail = out_.substr(n);
    out_.resize(n);
    for (const char c : tail) out_ += c == ' ' ? "&#32;" : "&#9;";
  }

  char32_t prev_char() const {
    if (line_start_ != std::string::npos && out_.size() == line_start_) return '\n';
    if (out_.empty()) return '\n';
    size_t i = out_.size();
    return detail::decode_utf8_before(out_, i);
  }

  bool at_line_start() const { return run_ == Run::paragraph && out_.size() == line_start_; }

  // Whether the rest of the line from s[i] could form a thematic break, setext underline or
  // table delimiter row (only such characters and spaces).
  static bool risky_line(std::string_view s, size_t i, char32_t after) {
    size_t j = i;
    while (j < s.size() && s[j] != '\n') {
      const char c = s[j];
      if (!(c == '-' || c == '=' || c == ':' || c == '|' || c == '*' || c == '_' || c == '+' ||
            c == ' ' || c == '\t')) {
        return false;
      }
      ++j;
    }
    return j < s.size() || after == '\n' || after == 0;
  }

  void text(std::string_view s, char32_t after) {
    gt_text_ = s;
    last_gt_ = s.rfind('>');
    const size_t n = s.size();
    size_t i = 0;
    while (i < n) {
      const char c = s[i];
      const char32_t next = i + 1 < n ? static_cast<unsigned char>(s[i + 1]) : after;
      if (at_line_start()) {
        if (line_start_escape(s, i, after)) continue;
      }
      if ((c == ':' || c == 'w') && link_depth_ == 0 && run_ != Run::cell) {
        const size_t end = autolink_span(s, i, after);
        if (end != std::string_view::npos) {
          out_.append(s.data() + i, end - i);
          i = end;
          continue;
        }
      }
      switch (c) {
        case '\\':
          if (is_ascii_punct(next) || next == '\n' || next == 0) out_ += '\\';
          out_ += c;
          break;
        case '*':
        case '~': {
          const char32_t prev = prev_char();
          if (!(is_ws(prev) && is_ws(next))) out_ += '\\';
          out_ += c;
          break;
        }
        case '_': {
          const char32_t prev = prev_char();
          char32_t nx = next;
          if (i + 1 < n && static_cast<unsigned char>(s[i + 1]) >= 0x80) {
            size_t k = i + 1;
            nx = detail::decode_utf8(s, k);
          }
          const bool inner = detail::is_word_char(prev) && detail::is_word_char(nx);
          if (!inner && !(is_ws(prev) && is_ws(nx))) out_ += '\\';
          out_ += c;
          break;
        }
        case '`':
        case '[':
          out_ += '\\';
          out_ += c;
          break;
        case ']':
          if (link_depth_ > 0) out_ += '\\';
          out_ += c;
          break;
        case '<':
          if (lt_opens_markup(s, i, after)) out_ += '\\';
          out_ += c;
          break;
        case '&':
          if (starts_entity(s, i, after)) out_ += '\\';
          out_ += c;
          break;
        case '!':
          if (next == '[') out_ += '\\';
          out_ += c;
          break;
        case '|':
          if (run_ == Run::cell) out_ += '\\';
          out_ += c;
          break;
        case '\n':
          out_ += "&#10;";
          break;
        case '\r':
          out_ += "&#13;";
          break;
        default:
          out_ += c;
          break;
      }
      ++i;
    }
  }

  // Whether '<' at s[i] could begin raw HTML, an autolink or a comment: a letter, '/', '!' or
  // '?' after it (or '[': a link written bare starts with a letter), and a '>' after that in
  // the paragraph (when the text is not the paragraph's end, more may follow).
  bool lt_opens_markup(std::string_view s, size_t i, char32_t after) const {
    const char32_t next = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : after;
    const bool starts = next < 0x80 && (is_ascii_alpha(static_cast<char>(next)) || next == '/' ||
                                        next == '!' || next == '?' || next == '[');
    if (!starts || after != 0) return starts;
    // The last '>' of the text, found once per text: a '<' on every character (unclosed
    // "<!--" runs) must not search the rest of the text each time.
    const size_t last_gt =
        s.data() == gt_text_.data() && s.size() == gt_text_.size() ? last_gt_ : s.rfind('>');
    return last_gt != std::string_view::npos && last_gt > i;
  }

  // Where the text the autolink extension would link from s[i] (':' of "http://" or the 'w' of
  // "www.") ends, or npos. The extension takes those characters raw, so they are not escaped.
  size_t autolink_span(std::string_view s, size_t i, char32_t after) const {
    bool complete = true;
    size_t from = i;
    if (s[i] == ':') {
      if (s.substr(i, 3) != "://") return std::string_view::npos;
      size_t b = i;
      while (b > 0 && is_ascii_alpha(s[b - 1])) --b;
      if (b == 0) {
        const char32_t prev = prev_char();
        if (prev < 0x80 && is_ascii_alpha(static_cast<char>(prev))) return std::string_view::npos;
      }
      if (!gfm_scheme(s.substr(b, i - b))) return std::string_view::npos;
      if (i + 3 >= s.size() || !is_ascii_alnum(s[i + 3])) return std::string_view::npos;
      if (gfm_check_domain(s.substr(i + 3), after, 'a', true, complete) == 0)
        return std::string_view::npos;
    } else {
      if (s.substr(i, 4) != "www.") return std::string_view::npos;
      const char32_t prev = i > 0 ? static_cast<unsigned char>(s[i - 1]) : prev_char();
      if (!(is_ws(prev) || prev == '*' || prev == '_' || prev == '~' || prev == '('))
        return std::string_view::npos;
      if (gfm_check_domain(s.substr(i), after, 'a', false, complete) == 0)
        return std::string_view::npos;
    }
    if (!complete) return std::string_view::npos;
    size_t e = from;
    while (e < s.size() && !is_ws(static_cast<unsigned char>(s[e])) && s[e] != '<') ++e;
    if (e == s.size() && !is_ws(after)) return std::string_view::npos;
    // An escaped '<' would end up inside the link.
    if (e < s.size() && s[e] == '<' && lt_opens_markup(s, e, after)) return std::string_view::npos;
    const size_t end = from + gfm_delim(s.substr(from), e - from);
    return end > from ? end : std::string_view::npos;
  }

  // Escapes what would start a block at the beginning of a paragraph line. Returns true when
  // it wrote s[i] (and advanced i) itself.
  bool line_start_escape(std::string_view s, size_t& i, char32_t after) {
    const char c = s[i];
    const char32_t next = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : after;
    switch (c) {
      case ' ':
        out_ += "&#32;";
        ++i;
        return true;
      case '\t':
        out_ += "&#9;";
        ++i;
        return true;
      case '#':
      case '>':
      case '*':
      case '_':
      case '~':
        out_ += '\\';
        out_ += c;
        ++i;
        return true;
      case '-':
      case '+':
      case '=':
      case ':':
      case '|':
        if ((c != '=' && c != ':' && c != '|' && is_ws(next)) || risky_line(s, i, after)) {
          out_ += '\\';
          out_ += c;
          ++i;
          return true;
        }
        return false;
      default:
        break;
    }
    if (is_ascii_digit(c)) {
      size_t j = i;
      while (j < s.size() && j - i < 10 && is_ascii_digit(s[j])) ++j;
      if (j - i <= 9 && j < s.size() && (s[j] == '.' || s[j] == ')')) {
        const char32_t after_delim =
            j + 1 < s.size() ? static_cast<unsigned char>(s[j + 1]) : after;
        if (is_ws(after_delim)) {
          out_.append(s.data() + i, j - i);
          out_ += '\\';
          out_ += s[j];
          i = j + 1;
          return true;
        }
      }
    }
    return false;
  }

  std::string& out_;
  const Options& o_;
  // Typography (Options::typography_markdown): the character before the next text node, the
  // one after it, and the quotation marks left open in the current block.
  char32_t before_ = 0;
  char32_t semantic_after_ = 0;
  typography::State quote_state_;
  std::string scratch_;
  std::string prefix_;
  size_t line_start_ = 0;
  size_t content_start_ = 0;
  int link_depth_ = 0;
  std::string_view gt_text_;  // the text text() escapes, and the offset of its last '>'
  size_t last_gt_ = std::string_view::npos;
  const detail::SourceText* source_ = nullptr;
  char32_t after2_ = 0;  // the second character after the current inline, when known
  Run run_ = Run::paragraph;
  Sibling prev_top_;
};

}  // namespace

std::string markdown(const Article& article, const Options& options,
                     const detail::SourceText* source) {
  std::string out;
  out.reserve(4096);
  MarkdownWriter(out, options).article(article, source);
  return out;
}

}  // namespace galley::render
