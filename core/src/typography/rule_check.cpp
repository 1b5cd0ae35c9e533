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
    const auto c = static_cast<unsigned char>(text[l - 1]);
    if (c < 0x80) {  // ASCII: no decoding (a finding is often one of thousands)
      if (is_blank(c)) break;
      --l;
      continue;
    }
    size_t k = l;
    if (is_blank(detail::decode_utf8_before(text, k))) break;
    l = k;
  }
  size_t r = e;
  for (int n = 0; r < text.size() && n < kCap; ++n) {
    const auto c = static_cast<unsigned char>(text[r]);
    if (c < 0x80) {
      if (is_blank(c)) break;
      ++r;
      continue;
    }
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

// Bits of ProseNode::bytes: what a node's text holds.
enum Byte : uint32_t {
  kHyphenByte = 1u << 0,    // '-'
  kThreeDots = 1u << 1,     // "..."
  kTwoSpaces = 1u << 2,     // "  "
  kPercentByte = 1u << 3,   // '%'
  kFrenchByte = 1u << 4,    // ';' '!' '?' ':'
  kNbHyphenChar = 1u << 5,  // U+2011
  kGuillemet = 1u << 6,     // « or »
  kStraightByte = 1u << 7,  // '"' '\''
  kLook = 1u << 8,          // a byte that may start one of the sequences above
  kSpaceLook = 1u << 9,     // ' ', which may start "  "
};

struct ByteBits {
  uint16_t bits[256] = {};
};

constexpr ByteBits make_byte_bits() {
  ByteBits t;
  t.bits[static_cast<unsigned char>('-')] = kHyphenByte;
  t.bits[static_cast<unsigned char>('%')] = kPercentByte;
  for (const char c : std::string_view(";!?:")) t.bits[static_cast<unsigned char>(c)] = kFrenchByte;
  t.bits[static_cast<unsigned char>('"')] = kStraightByte;
  t.bits[static_cast<unsigned char>('\'')] = kStraightByte;
  t.bits[static_cast<unsigned char>('.')] = kLook;
  t.bits[static_cast<unsigned char>(' ')] = kSpaceLook;
  t.bits[0xE2] = kLook;
  t.bits[0xC2] = kLook;
  return t;
}

constexpr ByteBits kByteBits = make_byte_bits();

// What `text` holds of the characters and sequences the typography kinds need, in one pass.
uint32_t bytes_of(std::string_view text) {
  uint32_t bits = 0;
  const size_t n = text.size();
  for (size_t i = 0; i < n; ++i) {
    const uint32_t bit = kByteBits.bits[static_cast<unsigned char>(text[i])];
    if (bit == 0) continue;
    if (bit == kSpaceLook) {
      if (i + 1 < n && text[i + 1] == ' ') bits |= kTwoSpaces;
      continue;
    }
    if (bit != kLook) {
      bits |= bit;
      continue;
    }
    const std::string_view rest = text.substr(i);
    if (rest.size() >= 3 && rest.compare(0, 3, "...") == 0) {
      bits |= kThreeDots;
    } else if (rest.size() >= 3 && rest.compare(0, 3, "\xE2\x80\x91") == 0) {
      bits |= kNbHyphenChar;
    } else if (rest.size() >= 2 &&
               (rest.compare(0, 2, "\xC2\xAB") == 0 || rest.compare(0, 2, "\xC2\xBB") == 0)) {
      bits |= kGuillemet;
    }
  }
  return bits;
}

// The kinds that scan() may find an edit of in a text node: each kind but the quotation marks
// needs a character that a quick search finds (a hyphen for a dash, "..." for an ellipsis, two
// spaces for a double space, '%' in the node or just after it, ...); the quotation marks need a
// straight ' or " in one of the block's nodes or just after one. A node that no kind of a rule
// may edit is skipped; that leaves the findings unchanged, since only the quotation marks carry
// state from node to node, and in a block with a straight mark every node is scanned for them.
// Kinds without a quick search are always included.
constexpr unsigned kChecked = kDashes | kNumberRanges | kNonbreakingHyphen | kEllipsis |
                              kDoubleSpace | kSpaceBeforePercent | kFrenchSpacing;
constexpr unsigned kMarks = kQuotes | kApostrophes;
constexpr unsigned kUnchecked = ~(kChecked | kMarks);

unsigned node_kinds(const rules::ProseNode& node, bool straight) {
  unsigned kinds = kUnchecked;
  if (straight) kinds |= kMarks;
  const char32_t after = node.after;
  const uint32_t bytes = node.bytes;
  if ((bytes & (kHyphenByte | kNbHyphenChar)) != 0) kinds |= kDashes | kNumberRanges;
  if ((bytes & kNbHyphenChar) != 0) kinds |= kNonbreakingHyphen;
  if ((bytes & kThreeDots) != 0) kinds |= kEllipsis;
  if ((bytes & kTwoSpaces) != 0) kinds |= kDoubleSpace;
  if (after == '%' || (bytes & kPercentByte) != 0) kinds |= kSpaceBeforePercent;
  if (after == ';' || after == '!' || after == '?' || after == ':' || after == 0xAB ||
      after == 0xBB || (bytes & (kFrenchByte | kGuillemet)) != 0) {
    kinds |= kFrenchSpacing;
  }
  return kinds;
}

// The text nodes of every block, with the characters around them and the bytes they hold.
void build_index(const rules::Context& context, rules::ProseNodes& index) {
  index.built = true;
  const std::vector<rules::TextBlock>& blocks = context.texts();
  index.first.reserve(blocks.size() + 1);
  std::vector<Node> nodes;
  for (const rules::TextBlock& block : blocks) {
    index.first.push_back(static_cast<uint32_t>(index.nodes.size()));
    const std::string& text = block.map.text();
    if (!block.inlines) continue;
    bool straight = false;
    nodes.clear();
    uint32_t offset = 0;
    collect(*block.inlines, offset, true, nodes);
    for (const Node& node : nodes) {
      const uint32_t end = node.offset + static_cast<uint32_t>(node.in->text.size());
      if (end > text.size()) break;  // the map and the inlines disagree: nothing to trust
      rules::ProseNode n;
      n.offset = node.offset;
      n.in = node.in;
      size_t k = node.offset;
      n.before = node.offset > 0 ? detail::decode_utf8_before(text, k) : 0;
      k = end;
      n.after = end < text.size() ? detail::decode_utf8(text, k) : 0;
      n.bytes = bytes_of(node.in->text);
      // A quotation-mark edit needs a straight mark in a node or just after one.
      if ((n.bytes & kStraightByte) != 0 || n.after == '"' || n.after == '\'') straight = true;
      index.nodes.push_back(n);
    }
    unsigned kinds = 0;
    for (size_t k = index.first.back(); k < index.nodes.size(); ++k) {
      index.nodes[k].kinds = node_kinds(index.nodes[k], straight);
      kinds |= index.nodes[k].kinds;
    }
    if ((kinds & ~kUnchecked) != 0)
      index.edited.push_back(static_cast<uint32_t>(&block - blocks.data()));
  }
  index.first.push_back(static_cast<uint32_t>(index.nodes.size()));
}

// Calls `visit(b)` for each block in which `kinds` may find an edit, in order.
template <typename Visit>
void for_each_edited_block(const rules::ProseNodes& index, unsigned kinds, Visit visit) {
  if ((kinds & kUnchecked) == 0) {
    for (const uint32_t b : index.edited) visit(b);
    return;
  }
  for (size_t b = 0; b + 1 < index.first.size(); ++b) {
    if (index.first[b] != index.first[b + 1]) visit(b);
  }
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
  std::vector<Edit> edits;
  std::unordered_set<uint64_t> reported;
  std::string expected;
  rules::ProseNodes& index = context.prose_nodes();
  if (!index.built) build_index(context, index);
  const std::vector<rules::TextBlock>& blocks = context.texts();
  for_each_edited_block(index, kinds, [&](size_t b) {
    const rules::TextBlock& block = blocks[b];
    const std::string& text = block.map.text();
    // The edits of the whole block, in plain-text offsets.
    edits.clear();
    State state;
    for (uint32_t n = index.first[b]; n < index.first[b + 1]; ++n) {
      const rules::ProseNode& node = index.nodes[n];
      if ((node.kinds & kinds) == 0) continue;
      Context c;
      c.locale = locale;
      c.before = node.before;
      c.after = node.after;
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
  });
}

}  // namespace galley::typography
