// sentence/repeated-start: consecutive sentences that open with the same word (after Yoast).
#include <algorithm>

#include "rules/prose.h"

namespace galley::rules {
namespace {

void check(const Article&, const Context& ctx, Sink& sink) {
  const auto min = static_cast<uint32_t>(ctx.number("min"));
  std::string word;        // the streak's first word, normalised
  std::string_view shown;  // as written in the first sentence (in a text of ctx.texts())
  uint32_t count = 0;
  // The streak's first and last sentences, mapped to the source only when the streak is reported.
  const TextBlock* first_text = nullptr;
  const TextBlock* last_text = nullptr;
  uint32_t first_begin = 0, first_end = 0, last_begin = 0, last_end = 0;
  int section = -2;
  const auto flush = [&]() {
    if (count >= min && min > 0) {
      SourceRange range = first_text->map.source_range(first_begin, first_end);
      range.end = std::max(range.end, last_text->map.source_range(last_begin, last_end).end);
      sink.report(range, std::to_string(count) + " sentences in a row start with '" +
                             std::string(shown) + "'; at most " + std::to_string(min - 1) +
                             " expected, so vary how they open.");
    }
    count = 0;
    word.clear();
  };
  const std::vector<TextBlock>& texts = ctx.texts();
  for (size_t k = 0; k < texts.size(); ++k) {
    const TextBlock& t = texts[k];
    if ((t.role != TextBlock::Role::paragraph && t.role != TextBlock::Role::bio) ||
        t.section != section) {
      flush();
      section = t.section;
      if (t.role != TextBlock::Role::paragraph && t.role != TextBlock::Role::bio) continue;
    }
    for (const Sentence& s : ctx.prose(k).sentences) {
      if (s.starts_quoted || s.first.empty()) {
        flush();
        continue;
      }
      std::string key = normalise_words(s.first);
      if (count > 0 && key == word) {
        ++count;
        last_text = &t;
        last_begin = s.begin;
        last_end = s.end;
        continue;
      }
      flush();
      word = std::move(key);
      shown = s.first;
      count = 1;
      first_text = last_text = &t;
      first_begin = last_begin = s.begin;
      first_end = last_end = s.end;
    }
  }
  flush();
}

}  // namespace

const Rule& sentence_repeated_start() {
  static const Rule rule{
      {"sentence/repeated-start",
       "Flags runs of sentences that start with the same word.",
       "Three sentences in a row that open alike read as a list and tire the reader; Yoast's "
       "readability analysis flags them. Sentences of quoted speech break a run.",
       {"readability"},
       Severity::warning,
       Severity::info,
       Severity::off,
       {{"min", OptionType::integer, 3.0,
         "Length of a run of same-word openings that is flagged."}},
       false,
       "# Headline\n\nThe dek.\n\nThe talks resumed. The envoys arrived late. The leaders met at "
       "noon.\n",
       ""},
      &check};
  return rule;
}

}  // namespace galley::rules
