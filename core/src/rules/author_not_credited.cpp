// author/not-credited: the author box names someone the byline and credits do not.
#include <algorithm>

#include "rules/prose.h"
#include "text_util.h"

namespace galley::rules {
namespace {

// Lower-case name parts without initials and titles; hyphens (-, U+2010, U+2011) split parts,
// so that a byline slug ("sean-herron") matches the name it stands for. The words are walked
// once, and the hyphens found in the same pass over each word: this file is compiled for size,
// and three searches per word with lengths measured at run time were most of this rule's cost
// in WebAssembly.
std::vector<std::string> name_words(std::string_view name) {
  static constexpr std::string_view kTitles[] = {"dr", "mr", "mrs", "ms", "prof", "jr", "sr"};
  std::vector<std::string> out;
  out.reserve(4);  // a name's parts: one allocation, not one per growth
  const auto add = [&](std::string_view w) {
    if (count_chars(w) <= 1) return;  // an initial
    std::string lower = normalise_words(w);
    for (std::string_view title : kTitles) {
      if (lower == title) return;
    }
    out.push_back(std::move(lower));
  };
  detail::for_each_word(name, [&](size_t begin, size_t end) {
    size_t at = begin;
    for (size_t i = begin; i < end;) {
      size_t hyphen = 0;
      if (name[i] == '-') {
        hyphen = 1;
      } else if (name[i] == '\xE2' && end - i >= 3 && name[i + 1] == '\x80' &&
                 (name[i + 2] == '\x90' || name[i + 2] == '\x91')) {
        hyphen = 3;
      }
      if (hyphen == 0) {
        ++i;
        continue;
      }
      add(name.substr(at, i - at));
      i += hyphen;
      at = i;
    }
    add(name.substr(at, end - at));
  });
  return out;
}

// Same person: the same last name, and the same first name unless one gives only one name.
bool same_person(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() || b.empty()) return false;
  if (a.back() != b.back()) return false;
  return a.size() == 1 || b.size() == 1 || a.front() == b.front();
}

void check(const Article& a, const Context&, Sink& sink) {
  if (!a.author_box || a.author_box->name.empty()) return;
  std::vector<const Person*> credited;
  for (const Person& p : a.byline) credited.push_back(&p);
  if (a.credits) {
    for (const Person& p : a.credits->people) credited.push_back(&p);
  }
  if (credited.empty()) return;  // nobody else is named: the box is the credit
  const std::vector<std::string> author = name_words(a.author_box->name);
  // The byline often repeats the credits: list each name once.
  std::vector<std::string> names;
  names.reserve(credited.size());
  for (const Person* p : credited) {
    if (same_person(author, name_words(p->name))) return;
    if (std::find(names.begin(), names.end(), p->name) == names.end()) names.push_back(p->name);
  }
  std::string list;
  for (size_t i = 0; i < names.size() && i < 3; ++i) list += (i ? ", " : "") + names[i];
  if (names.size() > 3) list += " and " + std::to_string(names.size() - 3) + " more";
  const AuthorBox& box = *a.author_box;
  sink.report(box.name_range.empty() ? box.range : box.name_range,
              "The author box names " + box.name + ", who is not in the byline or credits (" +
                  list + "); expected the author box to describe a credited author.");
}

}  // namespace

const Rule& author_not_credited() {
  static const Rule rule{
      {"author/not-credited",
       "Flags an author box that names someone the byline and credits do not.",
       "An author box about a person who did not write or report the story misleads readers "
       "about who stands behind it; it is often left over from a template or another article.",
       {"author"},
       Severity::warning,
       Severity::info,
       Severity::off,
       {},
       false,
       "---\ntitle: Talks resume in Berlin\nauthor: Jane Doe\n---\n\nThe story.\n\n## About the "
       "author\n\nJohn Smith is a reporter covering Europe for the paper.\n",
       ""},
      &check};
  return rule;
}

}  // namespace galley::rules
