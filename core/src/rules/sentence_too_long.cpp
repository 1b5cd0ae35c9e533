// sentence/too-long: too large a share of long sentences (after Yoast's sentence length check).
#include "rules/prose.h"

namespace galley::rules {
namespace {

void check(const Article&, const Context& ctx, Sink& sink) {
  const auto max_words = static_cast<uint32_t>(ctx.number("max-words"));
  const double max_share = ctx.number("max-share");
  struct Long {
    SourceRange range;
    uint32_t words;
  };
  std::vector<Long> longs;
  uint32_t total = 0;
  const std::vector<TextBlock>& texts = ctx.texts();
  for (size_t k = 0; k < texts.size(); ++k) {
    const TextBlock& t = texts[k];
    if (!is_body_prose(t.role)) continue;
    for (const Sentence& s : ctx.prose(k).sentences) {
      if (s.words == 0) continue;  // quoted speech only
      ++total;
      if (s.words > max_words) longs.push_back({t.map.source_range(s.begin, s.end), s.words});
    }
  }
  if (total == 0 || longs.empty()) return;
  const double share = 100.0 * static_cast<double>(longs.size()) / static_cast<double>(total);
  if (share <= max_share) return;
  const std::string tail = " words; " + std::to_string(longs.size()) + " of " +
                           std::to_string(total) + " sentences (" +
                           std::to_string(static_cast<int>(share + 0.5)) + "%) have more than " +
                           std::to_string(max_words) + ", at most " +
                           std::to_string(static_cast<int>(max_share + 0.5)) + "% expected.";
  for (const Long& l : longs)
    sink.report(l.range, "This sentence has " + std::to_string(l.words) + tail);
}

}  // namespace

const Rule& sentence_too_long() {
  static const Rule rule{
      {"sentence/too-long",
       "Flags long sentences when too many of them are long.",
       "A text reads easily when most sentences are short; Yoast's readability analysis warns "
       "when more than 25% of sentences have more than 20 words. Every long sentence is marked "
       "so that it can be split. Quoted speech is not counted.",
       {"readability"},
       Severity::warning,
       Severity::info,
       Severity::off,
       {{"max-words", OptionType::integer, 20.0, "Words above which a sentence counts as long."},
        {"max-share", OptionType::number, 25.0, "Largest share of long sentences, in percent."}},
       false,
       "# Headline\n\nThe dek.\n\nThe talks, which followed a meeting with the president in Berlin "
       "earlier this week, are expected to resume over the weekend in Miami or at another venue. "
       "Both sides agreed.\n",
       ""},
      &check};
  return rule;
}

}  // namespace galley::rules
