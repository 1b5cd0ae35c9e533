// The rule registry: an explicit, ordered list (no self-registration, which static
// libraries would silently drop).
#include "rules/rule.h"

namespace galley::rules {

const Rule& input_mode();
const Rule& input_invalid_utf8();
const Rule& headline_missing();
const Rule& heading_increment();
const Rule& section_empty();

const std::vector<const Rule*>& registry() {
  static const std::vector<const Rule*> rules = {
      &input_mode(),
      &input_invalid_utf8(),
      &headline_missing(),
      &heading_increment(),
      &section_empty(),
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
