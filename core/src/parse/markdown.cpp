// Markdown input: cmark-gfm parses into an arena, and its tree is converted into Galley blocks
// and released with the arena.
// This is the only file that includes cmark-gfm.
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <memory>
#include <string_view>
#include <vector>

#include "parse/arena.h"
#include "parse/document.h"
#include "per_thread.h"
#include "text_util.h"

extern "C" {
extern cmark_node_type CMARK_NODE_TABLE, CMARK_NODE_TABLE_ROW, CMARK_NODE_TABLE_CELL;
extern cmark_node_type CMARK_NODE_STRIKETHROUGH;
}

namespace galley::parse {
namespace {

using detail::SourceText;

// cmark-gfm's memory comes from the arena of the parse that runs on this thread (its allocator
// functions take no context). Freeing the tree node by node, and allocating it node by node
// from the general heap, was about 7 % of a call; the arena releases it all at once.
GALLEY_PER_THREAD Arena* current_arena = nullptr;

// As cmark-gfm's own allocator does when memory is out: it has no way to go on without it.
[[noreturn]] void out_of_memory() { std::abort(); }

void* arena_calloc(size_t count, size_t size) {
  if (size != 0 && count > SIZE_MAX / size) out_of_memory();
  void* p = current_arena->allocate(count * size);
  if (p == nullptr) out_of_memory();
  return p;
}

void* arena_realloc(void* block, size_t size) {
  void* p = current_arena->reallocate(block, size);
  if (p == nullptr) out_of_memory();
  return p;
}

void arena_free(void* block) { current_arena->release(block); }

cmark_mem arena_mem = {arena_calloc, arena_realloc, arena_free};

// Makes `arena` the current one for as long as it lives.
class ArenaScope {
 public:
  explicit ArenaScope(Arena& arena) : outer_(current_arena) { current_arena = &arena; }
  ~ArenaScope() { current_arena = outer_; }
  ArenaScope(const ArenaScope&) = delete;
  ArenaScope& operator=(const ArenaScope&) = delete;

 private:
  Arena* outer_;
};

const cmark_syntax_extension* find_extension(const char* name) {
  return cmark_find_syntax_extension(name);
}

class Converter {
 public:
  Converter(const SourceText& source, uint32_t body_offset, Document& doc)
      : src_(source), text_(source.text()), doc_(doc) {
    body_line_ = source.line_of(body_offset);
    if (body_offset >= text_.size() && body_offset > 0) body_line_ = source.line_count() + 1;
    tasklist_ = find_extension("tasklist");
  }

  void convert_document(cmark_node* root) {
    size_t count = 0;
    for (cmark_node* n = cmark_node_first_child(root); n; n = cmark_node_next(n)) ++count;
    doc_.blocks.reserve(count);
    for (cmark_node* n = cmark_node_first_child(root); n; n = cmark_node_next(n)) {
      if (cmark_node_get_type(n) == CMARK_NODE_FOOTNOTE_DEFINITION) {
        doc_.footnotes.push_back(convert_block(n));
        continue;
      }
      // Converted where it will stay: a Block is large, and moving it in was a copy of each
      // of its members (10,000 headings: 1 % of the call in wasm).
      Block& b = doc_.blocks.emplace_back();
      fill_block(n, b);
      if (b.kind == BlockKind::html && b.text.empty()) {
        doc_.blocks.pop_back();
        continue;
      }
      if (b.kind == BlockKind::paragraph) shortcode_quote(b);
    }
  }

 private:
  // Byte offset of a cmark (line, column) pair, both 1-based and counted in bytes of the body.
  uint32_t offset_of(int line, int column) const {
    const SourceRange l = line_of_body(line);
    const uint32_t off = l.begin + static_cast<uint32_t>(std::max(column, 1)) - 1;
    return std::min(off, std::max(l.end, l.begin));
  }

  // Where a line of the body (1-based) starts and ends, without its line break. The last answer
  // is kept: the nodes of a line (a table row's cells) ask for it one after another.
  SourceRange line_of_body(int line) const {
    const uint32_t l = body_line_ + static_cast<uint32_t>(std::max(line, 1)) - 1;
    if (l != cached_line_) {
      cached_line_ = l;
      cached_span_ = {src_.line_start(l), src_.line_end(l)};
    }
    return cached_span_;
  }

  SourceRange range_of(cmark_node* n) const {
    SourceRange r;
    r.begin = offset_of(cmark_node_get_start_line(n), cmark_node_get_start_column(n));
    const int end_line = cmark_node_get_end_line(n);
    const int end_col = cmark_node_get_end_column(n);
    if (end_col <= 0) {
      r.end = line_of_body(end_line).end;
    } else {
      r.end = offset_of(end_line, end_col) + 1;
      r.end = std::min(r.end, std::max(line_of_body(end_line).end, r.begin));
    }
    if (r.end < r.begin) r.end = r.begin;
    return r;
  }

  static std::string literal(cmark_node* n) {
    const char* s = cmark_node_get_literal(n);
    return s ? s : "";
  }

  Block convert_block(cmark_node* n) {
    Block b;
    fill_block(n, b);
    return b;
  }

  // Converts `n` into `b`, a fresh block: children are converted in place in their parent's
  // vector (a table can hold tens of thousands of cells).
  void fill_block(cmark_node* n, Block& b) {
    b.range = range_of(n);
    const cmark_node_type t = cmark_node_get_type(n);
    if (t == CMARK_NODE_PARAGRAPH) {
      b.kind = BlockKind::paragraph;
      b.inlines = convert_inlines(n, b.range);
      make_figure(b);
    } else if (t == CMARK_NODE_HEADING) {
      b.kind = BlockKind::heading;
      b.level = cmark_node_get_heading_level(n);
      b.inlines = convert_inlines(n, b.range);
      b.how = {1.0f, b.level == 1 ? "markdown-h1" : "markdown-heading"};
    } else if (t == CMARK_NODE_BLOCK_QUOTE) {
      b.kind = BlockKind::quote;
      convert_children(n, b);
      split_attribution(b);
    } else if (t == CMARK_NODE_LIST) {
      b.kind = BlockKind::list;
      b.ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
      b.tight = cmark_node_get_list_tight(n) != 0;
      b.start = b.ordered ? cmark_node_get_list_start(n) : 1;
      b.delimiter = cmark_node_get_list_delim(n) == CMARK_PAREN_DELIM ? ')' : '.';
      convert_children(n, b);
    } else if (t == CMARK_NODE_ITEM) {
      b.kind = BlockKind::item;
      if (tasklist_ && cmark_node_get_syntax_extension(n) == tasklist_) {
        b.checked = cmark_gfm_extensions_get_tasklist_item_checked(n) ? 1 : 0;
      }
      convert_children(n, b);
    } else if (t == CMARK_NODE_CODE_BLOCK) {
      b.kind = BlockKind::code;
      b.text = literal(n);
      const char* info = cmark_node_get_fence_info(n);
      b.info = info ? info : "";
      int fence_length = 0, fence_offset = 0;
      char fence_char = 0;
      b.fenced = cmark_node_get_fenced(n, &fence_length, &fence_offset, &fence_char) != 0;
    } else if (t == CMARK_NODE_HTML_BLOCK) {
      b.kind = BlockKind::html;
      b.text = literal(n);
      note_directive(b.text, b.range);
    } else if (t == CMARK_NODE_THEMATIC_BREAK) {
      b.kind = BlockKind::rule;
    } else if (t == CMARK_NODE_FOOTNOTE_DEFINITION) {
      b.kind = BlockKind::footnote;
      b.text = literal(n);
      convert_children(n, b);
    } else if (t == CMARK_NODE_TABLE) {
      b.kind = BlockKind::table;
      const uint16_t columns = cmark_gfm_extensions_get_table_columns(n);
      const uint8_t* align = cmark_gfm_extensions_get_table_alignments(n);
      for (uint16_t i = 0; i < columns; ++i) {
        const uint8_t a = align ? align[i] : 0;
        b.align.push_back(a == 'l'   ? Align::left
                          : a == 'c' ? Align::center
                          : a == 'r' ? Align::right
                                     : Align::none);
      }
      convert_children(n, b);
    } else if (t == CMARK_NODE_TABLE_ROW) {
      b.kind = BlockKind::row;
      b.header = cmark_gfm_extensions_get_table_row_is_header(n) != 0;
      convert_children(n, b);
    } else if (t == CMARK_NODE_TABLE_CELL) {
      b.kind = BlockKind::cell;
      b.inlines = convert_inlines(n, b.range);
    } else {
      // Custom blocks and anything unknown: keep the content as a paragraph-like container.
      b.kind = BlockKind::quote;
      convert_children(n, b);
    }
  }

  void convert_children(cmark_node* n, Block& b) {
    if (block_depth_ >= kMaxNesting) {
      collect_leaf_blocks(n, b);
      return;
    }
    ++block_depth_;
    size_t count = 0;
    for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_next(c)) ++count;
    b.children.reserve(count);
    for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
      fill_block(c, b.children.emplace_back());
    }
    --block_depth_;
  }

  // cmark-gfm accepts any depth ("> > > …", "- - - …", "*a **a *a …"), but every later stage
  // walks the model recursively. Past kMaxNesting levels a container keeps the leaves of its
  // whole subtree as direct children, found without recursion: the text stays, the depth is
  // bounded. (Browsers flatten HTML deeper than 512 levels in the same spirit.)
  static constexpr int kMaxNesting = 100;

  static bool is_container_block(cmark_node* n) {
    const cmark_node_type t = cmark_node_get_type(n);
    return t == CMARK_NODE_BLOCK_QUOTE || t == CMARK_NODE_LIST || t == CMARK_NODE_ITEM ||
           t == CMARK_NODE_FOOTNOTE_DEFINITION || t == CMARK_NODE_CUSTOM_BLOCK;
  }

  void collect_leaf_blocks(cmark_node* n, Block& b) {
    std::vector<cmark_node*> stack;
    for (cmark_node* c = cmark_node_last_child(n); c; c = cmark_node_previous(c))
      stack.push_back(c);
    while (!stack.empty()) {
      cmark_node* c = stack.back();
      stack.pop_back();
      if (is_container_block(c)) {
        for (cmark_node* k = cmark_node_last_child(c); k; k = cmark_node_previous(k))
          stack.push_back(k);
      } else {
        fill_block(c, b.children.emplace_back());
      }
    }
  }

  static bool is_leaf_inline(cmark_node* n) {
    const cmark_node_type t = cmark_node_get_type(n);
    return t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE || t == CMARK_NODE_HTML_INLINE ||
           t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK ||
           t == CMARK_NODE_FOOTNOTE_REFERENCE || cmark_node_first_child(n) == nullptr;
  }

  void collect_leaf_inlines(cmark_node* n, Inlines& out) {
    std::vector<cmark_node*> stack;
    for (cmark_node* c = cmark_node_last_child(n); c; c = cmark_node_previous(c))
      stack.push_back(c);
    while (!stack.empty()) {
      cmark_node* c = stack.back();
      stack.pop_back();
      if (is_leaf_inline(c)) {
        append_inline(out, convert_inline(c));
      } else {
        for (cmark_node* k = cmark_node_last_child(c); k; k = cmark_node_previous(k))
          stack.push_back(k);
      }
    }
  }

  // --- article conventions ---------------------------------------------------------------

  // "— Jane Doe", "– Jane Doe", "-- Jane Doe" (or "~ Jane Doe"): the marker's length with the
  // spaces after it, or 0.
  static size_t attribution_marker(std::string_view s) {
    for (std::string_view m : {"\xE2\x80\x94", "\xE2\x80\x93", "\xE2\x80\x95", "--", "~"}) {
      if (s.substr(0, m.size()) != m) continue;
      size_t k = m.size();
      if (k < s.size() && s[k] == '-') return 0;  // "---" is a rule, not an attribution
      while (k < s.size() && (s[k] == ' ' || s[k] == '\t')) ++k;
      if (k == s.size() || (k == m.size() && m != "\xE2\x80\x94")) return 0;
      return k;
    }
    return 0;
  }

  // Drops the first `n` bytes of a text inline, keeping its range exact.
  static void drop_prefix(Inline& in, size_t n) {
    in.text.erase(0, n);
    if (in.verbatim) in.range.begin += static_cast<uint32_t>(n);
  }

  // The speaker an attribution names: its text up to a comma or parenthesis ("Jane Doe,
  // mayor of Springfield" → "Jane Doe").
  static std::string speaker_of(const Inlines& attribution) {
    const std::string text = detail::plain_text(attribution);
    std::string_view s = detail::trim_unicode(text);
    const size_t cut = std::min(s.find(','), s.find(" ("));
    if (cut != std::string_view::npos) s = s.substr(0, cut);
    s = detail::trim_unicode(s);
    while (!s.empty() && (s.back() == '.' || s.back() == ';')) s.remove_suffix(1);
    return std::string(s);
  }

  static void end_at_last_inline(Block& para) {
    for (auto it = para.inlines.rbegin(); it != para.inlines.rend(); ++it) {
      if (!it->range.empty()) {
        para.range.end = std::max(para.range.begin, it->range.end);
        return;
      }
    }
  }

  static bool ends_with_closing_quote(std::string_view s) {
    s = detail::trim_unicode(s);
    if (s.empty()) return false;
    size_t i = s.size();
    const char32_t c = detail::decode_utf8_before(s, i);
    return c == 0x201D || c == '"' || c == 0xBB || c == 0x201C;
  }

  // A block quote whose last line starts with a dash names its source: the line becomes the
  // attribution. "“…” ~ Name" at the end of the last line does too.
  static void split_attribution(Block& q) {
    if (q.children.empty() || q.children.back().kind != BlockKind::paragraph) return;
    Block& last = q.children.back();
    Inlines& ins = last.inlines;
    if (ins.empty()) return;
    size_t k = ins.size();
    while (k > 0 && ins[k - 1].kind != InlineKind::soft_break &&
           ins[k - 1].kind != InlineKind::line_break)
      --k;
    if (k < ins.size() && ins[k].kind == InlineKind::text && (k > 0 || q.children.size() > 1)) {
      if (const size_t skip = attribution_marker(ins[k].text)) {
        Inlines attribution(std::make_move_iterator(ins.begin() + static_cast<std::ptrdiff_t>(k)),
                            std::make_move_iterator(ins.end()));
        drop_prefix(attribution.front(), skip);
        ins.erase(ins.begin() + static_cast<std::ptrdiff_t>(k > 0 ? k - 1 : 0), ins.end());
        if (ins.empty()) {
          q.children.pop_back();
        } else {
          end_at_last_inline(last);
        }
        q.speaker = speaker_of(attribution);
        q.attribution = std::move(attribution);
        q.how = {1.0f, "attribution-line"};
        return;
      }
    }
    // Same line: a closing quotation mark, then " — Name" or " ~ Name".
    std::string before;
    for (size_t j = k; j < ins.size(); ++j) {
      if (ins[j].kind != InlineKind::text) {
        before.clear();
        continue;
      }
      const std::string& t = ins[j].text;
      for (size_t p = 0; p < t.size(); ++p) {
        if (t[p] != ' ') continue;
        const size_t skip = attribution_marker(std::string_view(t).substr(p + 1));
        if (skip == 0 || !ends_with_closing_quote(before + t.substr(0, p))) continue;
        const std::string_view rest = std::string_view(t).substr(p + 1 + skip);
        if (detail::count_words(rest) > 8 || rest.find(". ") != std::string_view::npos) continue;
        Inlines attribution;
        attribution.push_back(ins[j]);
        drop_prefix(attribution.front(), p + 1 + skip);
        for (size_t m = j + 1; m < ins.size(); ++m) attribution.push_back(std::move(ins[m]));
        ins.erase(ins.begin() + static_cast<std::ptrdiff_t>(j + 1), ins.end());
        ins[j].text.erase(p);
        if (ins[j].verbatim) ins[j].range.end = ins[j].range.begin + static_cast<uint32_t>(p);
        end_at_last_inline(last);
        q.speaker = speaker_of(attribution);
        q.attribution = std::move(attribution);
        q.how = {0.9f, "attribution-after-quote"};
        return;
      }
      before += t;
    }
  }

  // {{< quote-block text="…" cite="…" >}} (and Hugo's other quote shortcodes): a pull quote
  // whose words are the shortcode's text and citation.
  void shortcode_quote(Block& b) const {
    const std::string_view all = src_.view(b.range);
    const std::string_view s = detail::trim(all);
    if (s.size() < 8 || !(s.substr(0, 3) == "{{<" || s.substr(0, 3) == "{{%")) return;
    if (!(s.substr(s.size() - 3) == ">}}" || s.substr(s.size() - 3) == "%}}")) return;
    const uint32_t base = b.range.begin + static_cast<uint32_t>(s.data() - all.data());
    size_t i = 3;
    while (i < s.size() && s[i] == ' ') ++i;
    const size_t name_begin = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '>' && s[i] != '%') ++i;
    const std::string name = detail::to_lower_ascii(s.substr(name_begin, i - name_begin));
    if (name.empty() || name[0] == '/' || name.find("quote") == std::string::npos) return;
    SourceRange text_range, cite_range;
    std::string text, cite;
    bool text_exact = true, cite_exact = true;
    const size_t stop = s.size() - 3;
    while (i < stop) {
      while (i < stop && s[i] == ' ') ++i;
      if (i >= stop) break;
      const size_t key_begin = i;
      while (i < stop &&
             (detail::is_word_char(static_cast<unsigned char>(s[i])) || s[i] == '-' || s[i] == '_'))
        ++i;
      const std::string key = detail::to_lower_ascii(s.substr(key_begin, i - key_begin));
      if (key.empty() || i >= stop || s[i] != '=') return;
      ++i;
      std::string value;
      size_t vb = i, ve = i;
      bool exact = true;
      if (i < stop && (s[i] == '"' || s[i] == '\'')) {
        const char q = s[i++];
        vb = i;
        while (i < stop && s[i] != q) {
          if (s[i] == '\\' && i + 1 < stop) {
            exact = false;
            ++i;
          }
          value += s[i++];
        }
        if (i >= stop) return;
        ve = i++;
      } else {
        while (i < stop && s[i] != ' ') value += s[i++];
        ve = i;
      }
      const SourceRange r{base + static_cast<uint32_t>(vb), base + static_cast<uint32_t>(ve)};
      if (key == "text" || key == "quote" || key == "content" || key == "body") {
        text = std::move(value);
        text_range = r;
        text_exact = exact;
      } else if (key == "cite" || key == "author" || key == "source" || key == "by" ||
                 key == "attribution") {
        cite = std::move(value);
        cite_range = r;
        cite_exact = exact;
      }
    }
    if (detail::trim(text).empty()) return;
    const auto make = [](std::string v, SourceRange r, bool exact) {
      Inline in;
      in.kind = InlineKind::text;
      in.text = std::move(v);
      in.range = r;
      in.verbatim = exact;
      return in;
    };
    Block q;
    q.kind = BlockKind::quote;
    q.pull = true;
    q.range = b.range;
    q.how = {1.0f, "quote-shortcode"};
    Block para;
    para.kind = BlockKind::paragraph;
    para.range = text_range;
    para.inlines.push_back(make(std::move(text), text_range, text_exact));
    q.children.push_back(std::move(para));
    if (!detail::trim(cite).empty()) {
      q.attribution.push_back(make(std::move(cite), cite_range, cite_exact));
      q.speaker = speaker_of(q.attribution);
    }
    b = std::move(q);
  }

  // A paragraph that holds one image (possibly inside a link) and nothing else is a figure.
  static void make_figure(Block& b) {
    if (b.inlines.size() != 1) return;
    const Inline& only = b.inlines[0];
    const bool image = only.kind == InlineKind::image;
    const bool linked_image = only.kind == InlineKind::link && only.children.size() == 1 &&
                              only.children[0].kind == InlineKind::image;
    if (image || linked_image) b.kind = BlockKind::figure;
  }

  // --- inlines -------------------------------------------------------------------------

  Inlines convert_inlines(cmark_node* parent, SourceRange within) {
    Inlines out;
    cursor_ = within.begin;
    limit_ = within.end;
    reserve_children(out, parent);
    for (cmark_node* c = cmark_node_first_child(parent); c; c = cmark_node_next(c)) {
      append_inline(out, convert_inline(c));
    }
    return out;
  }

  // Room for one Inline per child: growing the vector one doubling at a time moved every
  // Inline (strings and vectors inside) at each step. Merged text takes less than this.
  static void reserve_children(Inlines& out, cmark_node* parent) {
    size_t n = 0;
    for (cmark_node* c = cmark_node_first_child(parent); c; c = cmark_node_next(c)) ++n;
    out.reserve(n);
  }

  // Appends, merging text that continues the previous text node in the source.
  static void append_inline(Inlines& out, Inline in) {
    if (in.kind == InlineKind::text && !out.empty()) {
      Inline& prev = out.back();
      if (prev.kind == InlineKind::text && prev.verbatim && in.verbatim &&
          prev.range.end == in.range.begin) {
        prev.text += in.text;
        prev.range.end = in.range.end;
        return;
      }
    }
    out.push_back(std::move(in));
  }

  // Finds `lit` in the source from the cursor on, preferring cmark's own position.
  void locate(Inline& in, cmark_node* n, const std::string& lit) {
    if (lit.empty()) {
      in.range = {cursor_, cursor_};
      return;
    }
    const uint32_t hint = offset_of(cmark_node_get_start_line(n), cmark_node_get_start_column(n));
    if (hint >= cursor_ && hint + lit.size() <= limit_ &&
        text_.compare(hint, lit.size(), lit) == 0) {
      in.range = {hint, static_cast<uint32_t>(hint + lit.size())};
      in.verbatim = true;
      cursor_ = in.range.end;
      return;
    }
    if (cursor_ < limit_) {
      const size_t at = std::string_view(text_).substr(cursor_, limit_ - cursor_).find(lit);
      if (at != std::string_view::npos) {
        in.range.begin = cursor_ + static_cast<uint32_t>(at);
        in.range.end = in.range.begin + static_cast<uint32_t>(lit.size());
        in.verbatim = true;
        cursor_ = in.range.end;
        return;
      }
    }
    in.range = {cursor_, cursor_};
  }

  Inline convert_inline(cmark_node* n) {
    Inline in;
    const cmark_node_type t = cmark_node_get_type(n);
    if (t == CMARK_NODE_TEXT) {
      in.kind = InlineKind::text;
      in.text = literal(n);
      locate(in, n, in.text);
    } else if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK) {
      in.kind = t == CMARK_NODE_SOFTBREAK ? InlineKind::soft_break : InlineKind::line_break;
      in.range = {cursor_, cursor_};
    } else if (t == CMARK_NODE_CODE) {
      in.kind = InlineKind::code;
      in.text = literal(n);
      locate(in, n, in.text);
      in.verbatim = false;  // the literal is the content, not the whole span with backticks
    } else if (t == CMARK_NODE_HTML_INLINE) {
      in.kind = InlineKind::html;
      in.text = literal(n);
      locate(in, n, in.text);
      note_directive(in.text, in.range);
    } else if (t == CMARK_NODE_FOOTNOTE_REFERENCE) {
      in.kind = InlineKind::footnote_reference;
      // cmark-gfm replaces the reference's literal with its number; the label is the
      // definition's.
      cmark_node* def = cmark_node_parent_footnote_def(n);
      in.text = literal(def ? def : n);
      in.range = {cursor_, cursor_};
    } else {
      if (t == CMARK_NODE_EMPH) {
        in.kind = InlineKind::emphasis;
      } else if (t == CMARK_NODE_STRONG) {
        in.kind = InlineKind::strong;
      } else if (t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE) {
        in.kind = t == CMARK_NODE_LINK ? InlineKind::link : InlineKind::image;
        const char* url = cmark_node_get_url(n);
        const char* title = cmark_node_get_title(n);
        in.url = url ? url : "";
        in.title = title ? title : "";
      } else if (t == CMARK_NODE_STRIKETHROUGH) {
        in.kind = InlineKind::strikethrough;
      } else {
        in.kind = InlineKind::emphasis;  // unknown container: keep its text
      }
      const uint32_t begin = cursor_;
      if (inline_depth_ >= kMaxNesting) {
        collect_leaf_inlines(n, in.children);
      } else {
        ++inline_depth_;
        reserve_children(in.children, n);
        for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
          append_inline(in.children, convert_inline(c));
        }
        --inline_depth_;
      }
      in.range = {begin, cursor_};
    }
    return in;
  }

  void note_directive(const std::string& html, SourceRange range) {
    std::string_view s = detail::trim(html);
    if (s.substr(0, 4) != "<!--" || s.size() < 7 || s.substr(s.size() - 3) != "-->") return;
    s = detail::trim(s.substr(4, s.size() - 7));
    Directive d;
    constexpr std::string_view kNext = "galley-disable-next-line", kOff = "galley-disable",
                               kOn = "galley-enable";
    if (s.substr(0, kNext.size()) == kNext) {
      d.kind = Directive::Kind::disable_next_line;
      s.remove_prefix(kNext.size());
    } else if (s.substr(0, kOff.size()) == kOff) {
      d.kind = Directive::Kind::disable;
      s.remove_prefix(kOff.size());
    } else if (s.substr(0, kOn.size()) == kOn) {
      d.kind = Directive::Kind::enable;
      s.remove_prefix(kOn.size());
    } else {
      return;
    }
    if (!s.empty() && !detail::is_space(s.front())) return;
    for (std::string_view word : detail::split_words(s, ", \t\r\n")) d.rules.emplace_back(word);
    d.range = range;
    d.line = src_.line_of(range.begin);
    doc_.directives.push_back(std::move(d));
  }

  const SourceText& src_;
  const std::string& text_;
  Document& doc_;
  uint32_t body_line_ = 1;
  uint32_t cursor_ = 0;
  uint32_t limit_ = 0;
  int block_depth_ = 0;
  int inline_depth_ = 0;
  const cmark_syntax_extension* tasklist_ = nullptr;
  mutable uint32_t cached_line_ = UINT32_MAX;  // line_of_body()'s last line and its span
  mutable SourceRange cached_span_;
};

}  // namespace

Document parse_markdown(const SourceText& source, FrontMatter front_matter) {
  Document doc;
  doc.mode = InputMode::markdown;
  const uint32_t body = front_matter.body_offset;
  doc.front_matter = std::move(front_matter);

  cmark_gfm_core_extensions_ensure_registered();
  const std::string& text = source.text();
  const size_t length = body < text.size() ? text.size() - body : 0;
  // The parser, its tree and its buffers take 7 to 11 bytes per byte of Markdown (in_use()
  // and what was given back on the way): one chunk is enough for articles.
  Arena arena(std::max<size_t>(size_t{64} << 10, length * 12));
  const ArenaScope scope(arena);
  cmark_parser* parser = cmark_parser_new_with_mem(CMARK_OPT_FOOTNOTES, &arena_mem);
  for (const char* name : {"table", "strikethrough", "autolink", "tasklist"}) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parser, ext);
    }
  }
  if (length > 0) cmark_parser_feed(parser, text.data() + body, length);
  if (cmark_node* root = cmark_parser_finish(parser)) {
    Converter(source, body, doc).convert_document(root);
  }
  // The parser and the tree are not freed one by one: they go with the arena.
  return doc;
}

}  // namespace galley::parse
