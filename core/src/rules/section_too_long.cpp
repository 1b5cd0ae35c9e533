// section/too-long: too many words without a subheading (after Yoast's subheading distribution).
#include "rules/prose.h"

namespace galley::rules {
namespace {

void check(const Article& a, const Context& ctx, Sink& sink) {
  const auto max = static_cast<uint32_t>(ctx.number("max-words"));
  struct Count {
    uint32_t words = 0;
    SourceRange first;  // the first text, where a section without heading is reported
    bool seen = false;
  };
  std::vector<Count> counts(a.sections.size());
  const std::vector<TextBlock>& texts = ctx.texts();
  for (size_t k = 0; k < texts.size(); ++k) {
    const TextBlock& t = texts[k];
    if (t.section < 0 || static_cast<size_t>(t.section) >= counts.size() || !is_body_prose(t.role))
      continue;
    Count& c = counts[static_cast<size_t>(t.section)];
    if (!c.seen) c.first = t.range;
    c.seen = true;
    c.words += ctx.prose(k).words;
  }
  for (size_t i = 0; i < counts.size(); ++i) {
    const Count& c = counts[i];
    if (c.words <= max) continue;
    const Section& s = a.sections[i];
    const std::string tail = " words without a subheading; at most " + std::to_string(max) +
                             " expected, so add a subheading to split it.";
    if (s.heading) {
      sink.report(s.heading->range, "The section '" +
                                        excerpt(detail::plain_text(s.heading->inlines)) +
                                        "' runs " + std::to_string(c.words) + tail);
    } else {
      sink.report(c.first, "The text from here runs " + std::to_string(c.words) + tail);
    }
  }
}

}  // namespace

const Rule& section_too_long() {
  static const Rule rule{
      {"section/too-long",
       "Flags sections that run too many words without a subheading.",
       "Subheadings let readers scan and find their way back; Yoast's readability analysis "
       "asks for one at least every 300 words. Quoted speech is not counted.",
       {"readability", "structure"},
       Severity::warning,
       Severity::warning,
       Severity::off,
       {{"max-words", OptionType::integer, 300.0,
         "Most words a section may have without a subheading."}},
       false,
       "# Headline\n\nThe dek.\n\n## Background\n\n"
       "The first paragraph of a long section goes on about the background of the story. It "
       "explains who met whom and where.\n\n"
       "The second paragraph adds what they discussed, for how many hours, and what each side "
       "said when the talks ended late at night.\n",
       "",
       "{\"max-words\": 40}"},
      &check};
  return rule;
}

}  // namespace galley::rules
