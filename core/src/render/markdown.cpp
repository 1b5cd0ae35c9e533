// Markdown renderer: canonical Markdown (ATX headings, '-' bullets, '>' quotes, fenced code)
// that re-parses to the same article and renders through cmark-gfm to the same HTML.
#include <algorithm>

#include "render/render.h"
#include "render/writer.h"
#include "text_util.h"

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

  void article(const Article& a, const detail::SourceText* source) {
    front_matter(a, source);
    if (a.headline) {
      begin_top();
      heading(a.headline->inlines, 1);
    }
    if (a.dek) {
      begin_top();
      paragraph(a.dek->inlines);
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
          author_box(*a.author_box);
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

  void author_box(const AuthorBox& box) {
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
      const bool joined = !b.children.empty() && b.children.back().kind == BlockKind::paragraph;
      if (joined) {
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
      inlines_run(b.attribution, Run::paragraph);
    }
    prefix_.resize(saved);
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
    content_start_ = out_.size();
    inlines(list, 0, 0);
    protect_trailing_space();
    run_ = saved;
  }

  // `after` is the first character written after the list; `outer` the delimiter character of
  // the enclosing emphasis (0 if none).
  void inlines(const Inlines& list, char32_t after, char outer) {
    char prev_delim = 0;
    for (size_t i = 0; i < list.size(); ++i) {
      const char32_t next = i + 1 < list.size() ? first_char(list[i + 1]) : after;
      const bool first = i == 0, last = i + 1 == list.size();
      prev_delim = inline_node(list[i], next, outer, first, last, prev_delim);
    }
  }

  // Returns the closing delimiter character the node wrote (emphasis), else 0.
  char inline_node(const Inline& in, char32_t after, char outer, bool first, bool last,
                   char prev_delim) {
    switch (in.kind) {
      case InlineKind::text:
        text(in.text, after);
        return 0;
      case InlineKind::code:
        code_span(in.text);
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
        link(in);
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
        if (run_ != Run::paragraph) {
          out_ += ' ';
        } else {
          protect_trailing_space();
          newline();
        }
        return 0;
      case InlineKind::line_break:
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

  void link(const Inline& in) {
    if (autolink(in)) return;
    out_ += '[';
    ++link_depth_;
    inlines(in.children, ']', 0);
    --link_depth_;
    out_ += "](";
    destination(in.url);
    title(in.title);
    out_ += ')';
  }

  // <url> when the link text is its URL (or an e-mail address and its mailto: URL).
  bool autolink(const Inline& in) {
    if (!in.title.empty() || in.children.size() != 1 || in.children[0].kind != InlineKind::text)
      return false;
    const std::string& t = in.children[0].text;
    const std::string_view url = in.url;
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
    const size_t n = s.size();
    size_t i = 0;
    while (i < n) {
      const char c = s[i];
      const char32_t next = i + 1 < n ? static_cast<unsigned char>(s[i + 1]) : after;
      if (at_line_start()) {
        if (line_start_escape(s, i, after)) continue;
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
          if (next < 0x80 && (is_ascii_alpha(static_cast<char>(next)) || next == '/' ||
                              next == '!' || next == '?')) {
            out_ += '\\';
          }
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
  std::string prefix_;
  size_t line_start_ = 0;
  size_t content_start_ = 0;
  int link_depth_ = 0;
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
