// author/bio-length: an author box bio of a sensible length.
#include "rules/prose.h"

namespace galley::rules {
namespace {

void check(const Article& a, const Context& ctx, Sink& sink) {
  if (!a.author_box || a.author_box->bio.empty()) return;
  const auto min = static_cast<uint32_t>(ctx.number("min-words"));
  const auto max = static_cast<uint32_t>(ctx.number("max-words"));
  uint32_t n = 0;
  for (const Block& b : a.author_box->bio) n += detail::count_words(detail::plain_text(b));
  const AuthorBox& box = *a.author_box;
  const SourceRange at = box.range.empty() ? box.bio.front().range : box.range;
  if (n > max) {
    sink.report(at, "The author bio has " + std::to_string(n) + " words; at most " +
                        std::to_string(max) + " expected.");
  } else if (n < min) {
    sink.report(at, "The author bio has " + std::to_string(n) + (n == 1 ? " word" : " words") +
                        "; at least " + std::to_string(min) + " expected.");
  }
}

}  // namespace

const Rule& author_bio_length() {
  static const Rule rule{
      {"author/bio-length",
       "Checks that the author bio is neither a stub nor a life story.",
       "A bio says who the author is and why they can be trusted on the subject, in a few "
       "sentences; readers skip a long one and learn nothing from a name and a job title.",
       {"author"},
       Severity::info,
       Severity::info,
       Severity::off,
       {{"min-words", OptionType::integer, 10.0, "Fewest words a bio may have."},
        {"max-words", OptionType::integer, 150.0, "Most words a bio may have."}},
       false,
       "# Headline\n\nThe dek.\n\nThe story.\n\n## About the author\n\nJane Doe is a reporter.\n",
       ""},
      &check};
  return rule;
}

}  // namespace galley::rules
