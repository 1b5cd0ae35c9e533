// heading/duplicate: two headings with the same words.
#include <unordered_map>

#include "rules/prose.h"

namespace galley::rules {
namespace {

void check(const Article&, const Context& ctx, Sink& sink) {
  std::unordered_map<std::string, uint32_t> seen;  // normalised words -> first offset
  for (const TextBlock& t : ctx.texts()) {
    if (t.role != TextBlock::Role::heading) continue;
    std::string key = normalise_words(t.map.text());
    if (key.empty()) continue;
    // Looked up before it is inserted: emplace() would make (and free) a node for every repeat.
    const auto it = seen.find(key);
    if (it == seen.end()) {
      seen.emplace(std::move(key), t.range.begin);
      continue;
    }
    sink.report(t.range,
                detail::cat({"The heading '", excerpt(t.map.text()), "' repeats the heading on ",
                             line_text(ctx.source(), it->second),
                             "; expected each heading to be unique."}));
  }
}

}  // namespace

const Rule& heading_duplicate() {
  static const Rule rule{
      {"heading/duplicate",
       "Flags headings whose words repeat an earlier heading.",
       "Readers scan headings to find their place; two alike make the outline ambiguous, and "
       "their anchors end up as 'background' and 'background-2'.",
       {"structure", "accessibility"},
       Severity::warning,
       Severity::warning,
       Severity::off,
       {},
       false,
       "# Headline\n\n## Background\n\nText.\n\n## Background\n\nMore text.\n",
       ""},
      &check};
  return rule;
}

}  // namespace galley::rules
