// The rule context: option lookup with defaults and the shared index of texts.
#include <algorithm>

#include "bytes8.h"
#include "order.h"
#include "rules/prose.h"
#include "rules/rule.h"

namespace galley::rules {
namespace {

// Whether `text` can hold no quotation mark: no '"' and nothing beyond ASCII (a straight ' is
// not one; see scan_quotes()). Eight bytes at a time.
bool without_quotation_marks(std::string_view text) {
  const char* p = text.data();
  const size_t n = text.size();
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    const uint64_t x = detail::load8(p + i);
    if ((detail::has_non_ascii(x) | detail::has_byte(x, '"')) != 0) return false;
  }
  for (; i < n; ++i) {
    if (static_cast<unsigned char>(p[i]) >= 0x80 || p[i] == '"') return false;
  }
  return true;
}

}  // namespace

Context::Context(const detail::SourceText& source, const Article& article, const Options& options,
                 const RunFacts& facts)
    : source_(source), article_(article), options_(options), facts_(facts) {}

const OptionValue* Context::option(std::string_view name) const {
  if (setting_) {
    const auto it = setting_->options.find(std::string(name));
    if (it != setting_->options.end()) return &it->second;
  }
  if (info_) {
    for (const RuleOption& o : info_->options) {
      if (o.name == name) return &o.default_value;
    }
  }
  return nullptr;
}

bool Context::flag(std::string_view name) const {
  const OptionValue* v = option(name);
  return v && std::holds_alternative<bool>(*v) && std::get<bool>(*v);
}

double Context::number(std::string_view name) const {
  const OptionValue* v = option(name);
  return v && std::holds_alternative<double>(*v) ? std::get<double>(*v) : 0.0;
}

std::string Context::string(std::string_view name) const {
  const OptionValue* v = option(name);
  return v && std::holds_alternative<std::string>(*v) ? std::get<std::string>(*v) : std::string();
}

std::vector<std::string> Context::list(std::string_view name) const {
  const OptionValue* v = option(name);
  if (v && std::holds_alternative<std::vector<std::string>>(*v)) {
    return std::get<std::vector<std::string>>(*v);
  }
  return {};
}

namespace {

void add_block(std::vector<TextBlock>& out, const Block& b, int section, TextBlock::Role role) {
  switch (b.kind) {
    case BlockKind::paragraph:
    case BlockKind::heading:
    case BlockKind::cell:
    case BlockKind::figure: {
      TextBlock t;
      t.role = b.kind == BlockKind::cell ? TextBlock::Role::cell : role;
      t.inlines = &b.inlines;
      t.range = b.range;
      t.map = detail::TextMap(b.inlines);
      t.section = section;
      out.push_back(std::move(t));
      break;
    }
    case BlockKind::quote:
      for (const Block& c : b.children) add_block(out, c, section, TextBlock::Role::quote);
      if (!b.attribution.empty()) {
        TextBlock t;
        t.role = TextBlock::Role::quote;
        t.inlines = &b.attribution;
        t.range = b.range;
        t.map = detail::TextMap(b.attribution);
        t.section = section;
        out.push_back(std::move(t));
      }
      break;
    case BlockKind::list:
    case BlockKind::item:
    case BlockKind::table:
    case BlockKind::row:
    case BlockKind::footnote:
      for (const Block& c : b.children) {
        add_block(out, c, section, b.kind == BlockKind::item ? TextBlock::Role::item : role);
      }
      break;
    default:
      break;
  }
}

void add_part(std::vector<TextBlock>& out, const TextPart& p, TextBlock::Role role, int section) {
  TextBlock t;
  t.role = role;
  t.inlines = &p.inlines;
  t.range = p.range;
  t.map = detail::TextMap(p.inlines);
  t.section = section;
  out.push_back(std::move(t));
}

}  // namespace

const std::vector<TextBlock>& Context::texts() const {
  if (texts_built_) return texts_;
  texts_built_ = true;
  const Article& a = article_;
  if (a.headline) add_part(texts_, *a.headline, TextBlock::Role::headline, -1);
  if (a.dek) add_part(texts_, *a.dek, TextBlock::Role::dek, -1);
  for (size_t i = 0; i < a.sections.size(); ++i) {
    const Section& s = a.sections[i];
    if (s.heading) add_part(texts_, *s.heading, TextBlock::Role::heading, static_cast<int>(i));
    for (const Block& b : s.blocks)
      add_block(texts_, b, static_cast<int>(i), TextBlock::Role::paragraph);
  }
  if (a.takeaways) {
    add_part(texts_, a.takeaways->heading, TextBlock::Role::heading, -1);
    for (const TextPart& item : a.takeaways->items)
      add_part(texts_, item, TextBlock::Role::takeaway, -1);
  }
  if (a.credits) {
    if (a.credits->heading) add_part(texts_, *a.credits->heading, TextBlock::Role::heading, -1);
    add_part(texts_, a.credits->text, TextBlock::Role::credits, -1);
  }
  if (a.author_box) {
    if (a.author_box->heading)
      add_part(texts_, *a.author_box->heading, TextBlock::Role::heading, -1);
    for (const Block& b : a.author_box->bio) add_block(texts_, b, -1, TextBlock::Role::bio);
  }
  for (const Block& b : a.footnotes) add_block(texts_, b, -1, TextBlock::Role::paragraph);
  // Source order. Usually the blocks come in order already; otherwise the order is found on
  // indices and each block moved once (a block holds its text and map).
  const auto earlier = [](const TextBlock& x, const TextBlock& y) {
    return x.range.begin < y.range.begin;
  };
  detail::stable_sort_moving_once(texts_, earlier);
  return texts_;
}

namespace {

void collect_links(const Inlines& inlines, std::vector<const Inline*>& out) {
  for (const Inline& in : inlines) {
    if (in.kind == InlineKind::link || in.kind == InlineKind::image) out.push_back(&in);
    if (!in.children.empty()) collect_links(in.children, out);
  }
}

}  // namespace

const std::vector<const Inline*>& Context::links() const {
  if (links_built_) return links_;
  links_built_ = true;
  for (const TextBlock& t : texts()) collect_links(*t.inlines, links_);
  return links_;
}

const Prose& Context::prose(size_t index) const {
  const std::vector<TextBlock>& all = texts();
  if (prose_.size() != all.size()) {
    // Every text at once: the rules that read prose read nearly every text, and the sentences
    // of all of them then share one allocation (a table has thousands of one-word cells).
    prose_.assign(all.size(), Prose{});
    std::vector<uint32_t> first(all.size() + 1);
    for (size_t k = 0; k < all.size(); ++k) {
      const TextBlock& t = all[k];
      Prose& p = prose_[k];
      first[k] = static_cast<uint32_t>(sentences_.size());
      // Only body prose is read by sentence: headings, quotations and table cells are not. Their
      // quotations are looked for only where a mark can be (a table of thousands of cells).
      const bool body = is_body_prose(t.role);
      if (!body && without_quotation_marks(t.map.text())) continue;
      p.quotes = scan_quotes(t.map.text(), code_spans(*t.inlines), stops_);
      if (body) split_sentences(t.map.text(), p.quotes.quoted, stops_, sentences_);
    }
    first[all.size()] = static_cast<uint32_t>(sentences_.size());
    for (size_t k = 0; k < all.size(); ++k) {
      Prose& p = prose_[k];
      p.sentences =
          std::span<const Sentence>(sentences_.data() + first[k], first[k + 1] - first[k]);
      for (const Sentence& sentence : p.sentences) p.words += sentence.words;
    }
  }
  return prose_[index];
}

}  // namespace galley::rules
