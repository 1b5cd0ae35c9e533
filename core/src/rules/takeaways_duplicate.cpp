// takeaways/duplicate: two takeaways that say the same thing.
#include <unordered_map>

#include "rules/prose.h"

namespace galley::rules {
namespace {

void check(const Article& a, const Context&, Sink& sink) {
  if (!a.takeaways) return;
  std::unordered_map<std::string, size_t> seen;  // normalised words -> 1-based item number
  const std::vector<TextPart>& items = a.takeaways->items;
  for (size_t i = 0; i < items.size(); ++i) {
    std::string key = normalise_words(detail::plain_text(items[i].inlines));
    if (key.empty()) continue;
    const auto [it, fresh] = seen.emplace(std::move(key), i + 1);
    if (fresh) continue;
    sink.report(items[i].range, "Takeaway " + std::to_string(i + 1) + " repeats takeaway " +
                                    std::to_string(it->second) + " ('" +
                                    excerpt(detail::plain_text(items[i].inlines), 6) +
                                    "'); expected each takeaway to make its own point.");
  }
}

}  // namespace

const Rule& takeaways_duplicate() {
  static const Rule rule{
      {"takeaways/duplicate",
       "Flags takeaways that repeat another one.",
       "A repeated point wastes the reader's glance and usually means an edit went wrong. "
       "Items that differ only in case, spacing or punctuation count as the same.",
       {"takeaways"},
       Severity::warning,
       Severity::warning,
       Severity::off,
       {},
       false,
       "# Headline\n\nThe dek.\n\nThe story.\n\n## Key Takeaways\n\n- Talks resume in Berlin.\n- "
       "Both sides want a deal.\n- Talks resume in Berlin!\n",
       ""},
      &check};
  return rule;
}

}  // namespace galley::rules
