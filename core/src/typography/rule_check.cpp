// The typography rules' shared check: scans the prose text nodes of each block and reports
// every edit with an exact fix where the text maps onto the source.
#include "typography/rule_check.h"

#include <cstdint>
#include <unordered_set>
#include <vector>

#include "text_util.h"

namespace galley::typography {
namespace {

// A text node of a block and where its text starts in the block's plain text.
struct Node {
  uint32_t offset;
  const Inline* in;
};

// Mirrors TextMap's traversal so that offsets agree; image alt text is not prose (it becomes
// an attribute), so its text is counted but not scanned.
void collect(const Inlines& inlines, uint32_t& offset, bool prose, std::vector<Node>& out) {
  for (const Inline& in : inlines) {
    switch (in.kind) {
      case InlineKind::text:
        if (prose && !in.text.empty()) out.push_back({offset, &in});
        offset += static_cast<uint32_t>(in.text.size());
        break;
      case InlineKind::code:
        offset += static_cast<uint32_t>(in.text.size());
        break;
      case InlineKind::soft_break:
      case InlineKind::line_break:
        offset += 1;
        break;
      case InlineKind::html:
      case InlineKind::footnote_reference:
        break;
      case InlineKind::image:
        collect(in.children, offset, false, out);
        break;
      default:
        collect(in.children, offset, prose, out);
        break;
    }
  }
}

bool is_blank(char32_t c) {
  return c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
         detail::is_unicode_space(c);
}

// The words around [b, e) of `text`: back and forward to white space, at most `cap` code
// points each way.
void snippet(std::string_view text, uint32_t b, uint32_t e, uint32_t& left, uint32_t& right) {
  constexpr int kCap = 24;
  size_t l = b;
  for (int n = 0; l > 0 && n < kCap; ++n) {
    size_t k = l;
    if (is_blank(detail::decode_utf8_before(text, k))) break;
    l = k;
  }
  size_t r = e;
  for (int n = 0; r < text.size() && n < kCap; ++n) {
    size_t k = r;
    if (is_blank(detail::decode_utf8(text, k))) break;
    r = k;
  }
  left = static_cast<uint32_t>(l);
  right = static_cast<uint32_t>(r);
}

// Quotation marks, brackets and final punctuation that a snippet may shed at its ends.
bool is_mark(char32_t c) {
  switch (c) {
    case '"':
    case '\'':
    case '(':
    case ')':
    case '[':
    case ']':
    case '.':
    case ',':
    case ';':
    case ':':
    case '!':
    case '?':
    case 0xAB:
    case 0xBB:
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201C:
    case 0x201D:
    case 0x201E:
      return true;
    default:
      return false;
  }
}

void trim(std::string_view text, uint32_t b, uint32_t e, uint32_t& left, uint32_t& right) {
  while (left < b) {
    size_t k = left;
    if (!is_mark(detail::decode_utf8(text, k))) break;
    left = static_cast<uint32_t>(k);
  }
  while (right > e) {
    size_t k = right;
    if (!is_mark(detail::decode_utf8_before(text, k))) break;
    right = static_cast<uint32_t>(k);
  }
}

bool all_blank(std::string_view text, uint32_t b, uint32_t e) {
  size_t i = b;
  while (i < e) {
    if (!is_blank(detail::decode_utf8(text, i))) return false;
  }
  return true;
}

// Whether scan() with `kinds` can find anything in a text node: each kind but the quotation
// marks needs a character that a quick search finds (a hyphen for a dash, "..." for an
// ellipsis, two spaces for a double space, '%' in the node or just after it, ...). A node
// without one is skipped; that leaves the findings unchanged, since only the quotation marks
// carry state from node to node, and kinds with quotation marks are always scanned.
bool may_edit(std::string_view text, char32_t after, unsigned kinds) {
  constexpr unsigned kChecked = kDashes | kNumberRanges | kNonbreakingHyphen | kEllipsis |
                                kDoubleSpace | kSpaceBeforePercent | kFrenchSpacing;
  if ((kinds & ~kChecked) != 0) return true;
  constexpr std::string_view kNbHyphenU8 = "\xE2\x80\x91";
  const auto has = [&](std::string_view needle) {
    return text.find(needle) != std::string_view::npos;
  };
  if ((kinds & (kDashes | kNumberRanges)) != 0 && (has("-") || has(kNbHyphenU8))) return true;
  if ((kinds & kNonbreakingHyphen) != 0 && has(kNbHyphenU8)) return true;
  if ((kinds & kEllipsis) != 0 && has("...")) return true;
  if ((kinds & kDoubleSpace) != 0 && has("  ")) return true;
  if ((kinds & kSpaceBeforePercent) != 0 && (after == '%' || has("%"))) return true;
  if ((kinds & kFrenchSpacing) != 0) {
    if (after == ';' || after == '!' || after == '?' || after == ':' || after == 0xAB ||
        after == 0xBB) {
      return true;
    }
    if (text.find_first_of(";!?:") != std::string_view::npos || has("\xC2\xAB") ||
        has("\xC2\xBB")) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::string_view language(std::string_view locale) {
  if (locale.size() >= 2 && (locale.size() == 2 || locale[2] == '-' || locale[2] == '_')) {
    if (detail::equals_ci(locale.substr(0, 2), "de")) return "de";
    if (detail::equals_ci(locale.substr(0, 2), "fr")) return "fr";
  }
  return "en";
}

std::string_view rule_locale(const Article& article, const Options& options) {
  const std::string_view chosen = language(options.locale);
  if (chosen != "en" || article.meta.language_how.reason != "front-matter") return chosen;
  return language(article.meta.language);
}

void check_prose(const Article& article, const rules::Context& context, rules::Sink& sink,
                 unsigned kinds, std::string (*message)(const Finding& finding), bool trim_marks) {
  const std::string_view locale = rule_locale(article, context.options());
  std::vector<Node> nodes;
  std::vector<Edit> edits;
  std::unordered_set<uint64_t> reported;
  std::string expected;
  for (const rules::TextBlock& block : context.texts()) {
    if (!block.inlines) continue;
    nodes.clear();
    uint32_t offset = 0;
    collect(*block.inlines, offset, true, nodes);
    if (nodes.empty()) continue;
    const std::string& text = block.map.text();
    // The edits of the whole block, in plain-text offsets.
    edits.clear();
    State state;
    for (const Node& node : nodes) {
      const uint32_t end = node.offset + static_cast<uint32_t>(node.in->text.size());
      if (end > text.size()) break;  // the map and the inlines disagree: nothing to trust
      Context c;
      c.locale = locale;
      size_t k = node.offset;
      c.before = node.offset > 0 ? detail::decode_utf8_before(text, k) : 0;
      k = end;
      c.after = end < text.size() ? detail::decode_utf8(text, k) : 0;
      if (!may_edit(node.in->text, c.after, kinds)) continue;
      for (Edit& e : scan(node.in->text, kinds, c, state)) {
        e.begin += node.offset;
        e.end += node.offset;
        edits.push_back(std::move(e));
      }
    }
    for (size_t i = 0; i < edits.size(); ++i) {
      const Edit& e = edits[i];
      const SourceRange range = block.map.source_range(e.begin, e.end);
      const bool exact = block.map.exact(e.begin, e.end);
      // Source listed twice (a part and its block) reports once.
      if (exact && !reported.insert((uint64_t{range.begin} << 32) | range.end).second) continue;
      uint32_t left = 0, right = 0;
      snippet(text, e.begin, e.end, left, right);
      // Where the finding is shown: the edit, or the words around white space.
      SourceRange where = range;
      if (!exact) {
        where = block.range;
      } else if (all_blank(text, e.begin, e.end)) {
        where = block.map.source_range(left, right);
      }
      if (trim_marks) trim(text, e.begin, e.end, left, right);
      // The snippet with every edit of this rule inside it applied.
      expected.clear();
      size_t first = i;
      while (first > 0 && edits[first - 1].begin >= left) --first;
      uint32_t at = left;
      for (size_t j = first; j < edits.size() && edits[j].end <= right; ++j) {
        if (edits[j].begin < at) continue;
        expected.append(text, at, edits[j].begin - at);
        expected += edits[j].text;
        at = edits[j].end;
      }
      expected.append(text, at, right - at);
      Finding f;
      f.edit = &e;
      f.found = std::string_view(text).substr(left, right - left);
      f.expected = expected;
      f.locale = locale;
      f.text = text;
      std::string said = message(f);
      if (exact) {
        sink.report(where, std::move(said), range, e.text);
      } else {
        sink.report(where, std::move(said));
      }
    }
  }
}

}  // namespace galley::typography
