// The rule registry: an explicit, ordered list (no self-registration, which static
// libraries would silently drop).
#include "rules/rule.h"

namespace galley::rules {

const Rule& input_mode();
const Rule& input_invalid_utf8();
const Rule& input_front_matter();
const Rule& headline_missing();
const Rule& heading_increment();
const Rule& section_empty();
const Rule& headline_length();
const Rule& dek_missing();
const Rule& heading_duplicate();
const Rule& heading_trailing_punctuation();
const Rule& heading_length();
const Rule& section_too_long();
const Rule& paragraph_too_long();
const Rule& sentence_too_long();
const Rule& sentence_repeated_start();
const Rule& quotes_unbalanced();
const Rule& quotes_unattributed();
const Rule& quotes_attribution_format();
const Rule& takeaways_missing();
const Rule& takeaways_count();
const Rule& takeaways_item_length();
const Rule& takeaways_duplicate();
const Rule& author_missing();
const Rule& author_name();
const Rule& author_bio_length();
const Rule& author_not_credited();
const Rule& links_unsafe_url();
const Rule& links_empty_text();
const Rule& images_alt_missing();
const Rule& typography_straight_quotes();
const Rule& typography_space_before_percent();
const Rule& typography_double_space();
const Rule& typography_dash();
const Rule& typography_ellipsis();
const Rule& typography_nonbreaking_hyphen();
const Rule& typography_french_spacing();

const std::vector<const Rule*>& registry() {
  static const std::vector<const Rule*> rules = {
      &input_mode(),
      &input_invalid_utf8(),
      &input_front_matter(),
      &headline_missing(),
      &headline_length(),
      &dek_missing(),
      &heading_increment(),
      &heading_duplicate(),
      &heading_trailing_punctuation(),
      &heading_length(),
      &section_empty(),
      &section_too_long(),
      &paragraph_too_long(),
      &sentence_too_long(),
      &sentence_repeated_start(),
      &quotes_unbalanced(),
      &quotes_unattributed(),
      &quotes_attribution_format(),
      &takeaways_missing(),
      &takeaways_count(),
      &takeaways_item_length(),
      &takeaways_duplicate(),
      &author_missing(),
      &author_name(),
      &author_bio_length(),
      &author_not_credited(),
      &links_unsafe_url(),
      &links_empty_text(),
      &images_alt_missing(),
      &typography_straight_quotes(),
      &typography_space_before_percent(),
      &typography_double_space(),
      &typography_dash(),
      &typography_ellipsis(),
      &typography_nonbreaking_hyphen(),
      &typography_french_spacing(),
  };
  return rules;
}

const Rule* find_rule(std::string_view id) {
  for (const Rule* r : registry()) {
    if (r->info.id == id) return r;
  }
  return nullptr;
}

Severity effective_severity(const Rule& rule, const Options& options) {
  const auto it = options.rules.find(rule.info.id);
  if (it != options.rules.end() && it->second.severity) return *it->second.severity;
  switch (options.profile) {
    case Profile::news:
      return rule.info.news;
    case Profile::blog:
      return rule.info.blog;
    case Profile::minimal:
      return rule.info.minimal;
  }
  return rule.info.news;
}

}  // namespace galley::rules
