// paragraph/too-long: a paragraph too long to read comfortably (after Yoast).
#include "rules/prose.h"

namespace galley::rules {
namespace {

void check(const Article&, const Context& ctx, Sink& sink) {
  const auto max = static_cast<uint32_t>(ctx.number("max-words"));
  const std::vector<TextBlock>& texts = ctx.texts();
  for (size_t k = 0; k < texts.size(); ++k) {
    const TextBlock& t = texts[k];
    if (!is_body_prose(t.role) || t.role == TextBlock::Role::takeaway) continue;
    const uint32_t n = ctx.prose(k).words;
    if (n <= max) continue;
    sink.report(t.range, "This paragraph has " + std::to_string(n) +
                             " words outside quotations; at most " + std::to_string(max) +
                             " expected.");
  }
}

}  // namespace

const Rule& paragraph_too_long() {
  static const Rule rule{
      {"paragraph/too-long",
       "Flags paragraphs with too many words.",
       "Long paragraphs look like walls of text, above all on a phone; Yoast's readability "
       "analysis warns above 150 words. Quoted speech is not counted.",
       {"readability"},
       Severity::warning,
       Severity::warning,
       Severity::off,
       {{"max-words", OptionType::integer, 150.0, "Most words a paragraph may have."}},
       false,
       "# Headline\n\nThe dek.\n\nA paragraph that keeps going long after it has made its point, "
       "adding clause after clause until the reader has forgotten how it began.\n",
       "",
       "{\"max-words\": 20}"},
      &check};
  return rule;
}

}  // namespace galley::rules
