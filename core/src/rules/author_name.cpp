// author/name: an author's name holds the name only.
#include "rules/prose.h"

namespace galley::rules {
namespace {

// What is wrong with `name`, or empty.
std::string problem(std::string_view name) {
  name = detail::trim_unicode(name);
  if (name.empty()) return "is empty";
  if (detail::starts_with_ci(name, "by ")) return "starts with 'By'";
  if (name.find('@') != std::string_view::npos || name.find("://") != std::string_view::npos ||
      detail::starts_with_ci(name, "www.")) {
    return "holds an address";
  }
  // Lengths known at compile time: a list of C strings measured each one with strlen in the
  // WebAssembly build, where this file is compiled for size.
  static constexpr std::string_view kSeparators[] = {
      ",", ";", "|", "(", " - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " / "};
  for (std::string_view sep : kSeparators) {
    if (name.find(sep) != std::string_view::npos)
      return "holds more than a name (a role or outlet after '" + std::string(detail::trim(sep)) +
             "')";
  }
  for (const char c : name) {
    if (c >= '0' && c <= '9') return "contains digits";
  }
  const size_t words = detail::count_words(name);
  if (words > 5) return "has " + std::to_string(words) + " words";
  bool lower = false;
  uint32_t upper = 0;
  size_t i = 0;
  while (i < name.size()) {
    const char32_t c = detail::decode_utf8(name, i);
    if (detail::is_upper(c))
      ++upper;
    else if (detail::is_word_char(c) && !(c >= '0' && c <= '9'))
      lower = true;
  }
  if (!lower && upper > 2) return "is written in capitals";
  if (upper == 0 && lower) return "is written in lower case, like a user name";
  return {};
}

void check_name(std::string_view name, SourceRange at, const char* what, Sink& sink) {
  const std::string p = problem(name);
  if (p.empty()) return;
  sink.report(at, std::string(what) + " '" + std::string(detail::trim_unicode(name)) + "' " + p +
                      "; expected the person's name only, as in 'Jane Doe'.");
}

void check(const Article& a, const Context&, Sink& sink) {
  for (const Person& p : a.byline)
    check_name(p.name, p.range.empty() ? a.byline_range : p.range, "The author name", sink);
  if (a.author_box && !a.author_box->name.empty()) {
    const AuthorBox& box = *a.author_box;
    check_name(box.name, box.name_range.empty() ? box.range : box.name_range, "The author box name",
               sink);
  }
}

}  // namespace

const Rule& author_name() {
  static const Rule rule{
      {"author/name",
       "Checks that author names hold a name only.",
       "Google's author guidelines ask for the name alone in the author field: no 'By', job "
       "title, outlet or address. Galley's JSON-LD output puts it there as written.",
       {"author", "seo"},
       Severity::warning,
       Severity::warning,
       Severity::off,
       {},
       false,
       "---\ntitle: Talks resume in Berlin\nauthor: \"By Jane Doe, Reuters\"\n---\n\nThe story.\n",
       ""},
      &check};
  return rule;
}

}  // namespace galley::rules
