// typography/double-space: runs of spaces inside a line of prose.
#include "typography/rule_check.h"

namespace galley::rules {
namespace {

std::string message(const typography::Finding& f) {
  const uint32_t n = f.edit->end - f.edit->begin;
  std::string m = typography::message_buffer(f);
  m += n == 2 ? "Double space" : std::to_string(n) + " spaces";
  m += " in \"";
  m += f.found;
  m += "\"; write \"";
  m += f.expected;
  m += "\".";
  return m;
}

void check(const Article& article, const Context& ctx, Sink& sink) {
  typography::check_prose(article, ctx, sink, typography::kDoubleSpace, &message, true);
}

}  // namespace

const Rule& typography_double_space() {
  static const Rule rule{
      {"typography/double-space",
       "Flags two or more spaces between words; the fix leaves one.",
       "Double spaces are left over from typewriters and editing; browsers hide them but "
       "Markdown, plain-text feeds and editors show them. Indentation, the two spaces of a "
       "Markdown hard line break and code are left alone.",
       {"typography"},
       Severity::warning,
       Severity::warning,
       Severity::info,
       {},
       true,
       "# Talks resume in Berlin\n\nThe talks  resume on Monday.\n",
       "# Talks resume in Berlin\n\nThe talks resume on Monday.\n"},
      &check};
  return rule;
}

}  // namespace galley::rules
