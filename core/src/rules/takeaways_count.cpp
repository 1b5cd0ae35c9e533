// takeaways/count: the takeaways box holds a handful of points.
#include "rules/prose.h"

namespace galley::rules {
namespace {

std::string items(size_t n) { return std::to_string(n) + (n == 1 ? " item" : " items"); }

void check(const Article& a, const Context& ctx, Sink& sink) {
  if (!a.takeaways) return;
  const auto min = static_cast<size_t>(ctx.number("min"));
  const auto max = static_cast<size_t>(ctx.number("max"));
  const size_t n = a.takeaways->items.size();
  const SourceRange at =
      a.takeaways->heading.range.empty() ? a.takeaways->range : a.takeaways->heading.range;
  if (n > max) {
    sink.report(at,
                "Takeaways has " + items(n) + "; at most " + std::to_string(max) + " expected.");
  } else if (n < min) {
    sink.report(at,
                "Takeaways has " + items(n) + "; at least " + std::to_string(min) + " expected.");
  }
}

}  // namespace

const Rule& takeaways_count() {
  static const Rule rule{
      {"takeaways/count",
       "Checks that the takeaways box has between 3 and 5 items.",
       "Takeaways work when they can be read at a glance: fewer than three is not a summary, "
       "more than five is a second article.",
       {"takeaways"},
       Severity::warning,
       Severity::warning,
       Severity::off,
       {{"min", OptionType::integer, 3.0, "Fewest items expected."},
        {"max", OptionType::integer, 5.0, "Most items expected."}},
       false,
       "# Headline\n\nThe dek.\n\nThe story.\n\n## Key Takeaways\n\n- Talks resume in Berlin.\n- "
       "Both sides want a deal.\n",
       ""},
      &check};
  return rule;
}

}  // namespace galley::rules
