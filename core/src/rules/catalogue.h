// Running one rule on its own (fixtures, examples) and the catalogue as Markdown.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "galley/galley.h"

namespace galley::rules {

/// `base` with every rule off except `info`'s, which keeps its configured severity, else its
/// profile default, else (when that is off) warning. `rule_options_json` (a JSON object, or
/// empty) sets that rule's options and is validated like a config.
Result<Options> only_rule(const RuleInfo& info, Options base,
                          std::string_view rule_options_json = {});

/// One line per finding: "line:col-line:col rule message" (the rule fixture format).
std::string findings_text(const std::vector<Diagnostic>& diagnostics);

}  // namespace galley::rules
