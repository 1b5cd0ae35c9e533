// Options and rule configuration from JSON, validated: every refusal names its field.
#include <algorithm>
#include <cmath>

#include "galley/galley.h"
#include "json_value.h"
#include "rules/rule.h"
#include "text_util.h"

namespace galley {
namespace {

using Json = nlohmann::ordered_json;

Error refuse(std::string field, std::string message) {
  return Error{ErrorCode::invalid_options, std::move(message), std::move(field)};
}

std::string type_name(const Json& v) {
  if (v.is_null()) return "null";
  if (v.is_boolean()) return "a boolean";
  if (v.is_number()) return "a number";
  if (v.is_string()) return "a string";
  if (v.is_array()) return "an array";
  return "an object";
}

// Reads one of `names` from a string value.
template <typename Enum, size_t N>
std::optional<Error> read_enum(const Json& v, const std::string& field,
                               const std::pair<const char*, Enum> (&names)[N], Enum& out) {
  std::string allowed;
  for (const auto& [name, value] : names) {
    if (v.is_string() && v.get_ref<const std::string&>() == name) {
      out = value;
      return std::nullopt;
    }
    allowed += allowed.empty() ? "" : ", ";
    allowed += '"';
    allowed += name;
    allowed += '"';
  }
  return refuse(field, "Option '" + field + "' must be one of " + allowed + "; got " +
                           (v.is_string() ? "\"" + v.get<std::string>() + "\"" : type_name(v)) + ".");
}

std::optional<Error> read_bool(const Json& v, const std::string& field, bool& out) {
  if (!v.is_boolean()) return refuse(field, "Option '" + field + "' must be a boolean; got " + type_name(v) + ".");
  out = v.get<bool>();
  return std::nullopt;
}

std::optional<Error> read_string(const Json& v, const std::string& field, std::string& out) {
  if (!v.is_string()) return refuse(field, "Option '" + field + "' must be a string; got " + type_name(v) + ".");
  out = v.get<std::string>();
  return std::nullopt;
}

std::optional<Error> read_string_list(const Json& v, const std::string& field, std::vector<std::string>& out) {
  if (!v.is_array()) return refuse(field, "Option '" + field + "' must be an array of strings; got " + type_name(v) + ".");
  out.clear();
  for (size_t i = 0; i < v.size(); ++i) {
    if (!v[i].is_string()) {
      return refuse(field + "[" + std::to_string(i) + "]", "Option '" + field + "[" + std::to_string(i) +
                                                               "]' must be a string; got " + type_name(v[i]) + ".");
    }
    out.push_back(v[i].get<std::string>());
  }
  return std::nullopt;
}

std::optional<Error> read_uint(const Json& v, const std::string& field, uint64_t& out) {
  if (!v.is_number() || v.get<double>() < 0 || std::floor(v.get<double>()) != v.get<double>()) {
    return refuse(field, "Option '" + field + "' must be a non-negative integer; got " + type_name(v) + ".");
  }
  // 2^64 and above cannot be converted (undefined behaviour), and mean nothing as a limit.
  if (v.get<double>() >= 18446744073709551616.0) {
    return refuse(field, "Option '" + field + "' is too large; got " + v.dump() + ".");
  }
  out = static_cast<uint64_t>(v.get<double>());
  return std::nullopt;
}

constexpr std::pair<const char*, Severity> kSeverities[] = {
    {"off", Severity::off}, {"info", Severity::info}, {"warning", Severity::warning}, {"error", Severity::error}};

std::optional<Error> read_rule_option(const RuleOption& spec, const Json& v, const std::string& field,
                                      OptionValue& out) {
  const std::string where = "Rule option '" + field + "'";
  switch (spec.type) {
    case OptionType::boolean:
      if (!v.is_boolean()) return refuse(field, where + " must be a boolean; got " + type_name(v) + ".");
      out = v.get<bool>();
      break;
    case OptionType::integer:
      // Integer options are counts and lengths.
      if (!v.is_number() || std::floor(v.get<double>()) != v.get<double>()) {
        return refuse(field, where + " must be an integer; got " + type_name(v) + ".");
      }
      if (v.get<double>() < 0) {
        return refuse(field, where + " must be 0 or more; got " + v.dump() + ".");
      }
      out = v.get<double>();
      break;
    case OptionType::number:
      if (!v.is_number()) return refuse(field, where + " must be a number; got " + type_name(v) + ".");
      out = v.get<double>();
      break;
    case OptionType::string:
      if (!v.is_string()) return refuse(field, where + " must be a string; got " + type_name(v) + ".");
      out = v.get<std::string>();
      break;
    case OptionType::string_list: {
      std::vector<std::string> list;
      if (auto e = read_string_list(v, field, list)) return refuse(e->field, where + " must be an array of strings.");
      out = std::move(list);
      break;
    }
  }
  return std::nullopt;
}

// Levenshtein distance, capped: rule ids are short and the catalogue is small.
size_t distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

// " Did you mean 'x'?" for the closest rule id, if one is close.
std::string suggestion(std::string_view id) {
  const rules::Rule* best = nullptr;
  size_t best_distance = 4;
  for (const rules::Rule* r : rules::registry()) {
    const size_t d = distance(id, r->info.id);
    if (d < best_distance) {
      best = r;
      best_distance = d;
    }
  }
  return best ? " Did you mean '" + best->info.id + "'?" : "";
}

// An option's value after configuration: the configured one, else the rule's default.
const OptionValue* option_value(const rules::Rule& rule, const RuleSetting& setting,
                                const std::string& name) {
  const auto it = setting.options.find(name);
  if (it != setting.options.end()) return &it->second;
  for (const RuleOption& o : rule.info.options) {
    if (o.name == name) return &o.default_value;
  }
  return nullptr;
}

// Options named "min…" and "max…" (min/max, min-words/max-words) must stay in order.
std::optional<Error> check_bounds(const rules::Rule& rule, const RuleSetting& setting,
                                  const std::string& field) {
  for (const RuleOption& lo : rule.info.options) {
    if (lo.name.compare(0, 3, "min") != 0) continue;
    const std::string hi_name = "max" + lo.name.substr(3);
    const OptionValue* lo_value = option_value(rule, setting, lo.name);
    const OptionValue* hi_value = option_value(rule, setting, hi_name);
    if (!lo_value || !hi_value || !std::holds_alternative<double>(*lo_value) ||
        !std::holds_alternative<double>(*hi_value)) {
      continue;
    }
    const double low = std::get<double>(*lo_value), high = std::get<double>(*hi_value);
    if (low <= high) continue;
    const bool lo_set = setting.options.count(lo.name) != 0;
    const std::string key = field + "." + (lo_set ? lo.name : hi_name);
    const auto number = [](double d) {
      return std::floor(d) == d ? std::to_string(static_cast<long long>(d)) : Json(d).dump();
    };
    return refuse(key, "Rule option '" + key + "' makes " + lo.name + " (" + number(low) +
                           ") greater than " + hi_name + " (" + number(high) + ").");
  }
  return std::nullopt;
}

std::optional<Error> read_rules(const Json& v, Options& o) {
  if (!v.is_object()) return refuse("rules", "Option 'rules' must be an object of rule ids; got " + type_name(v) + ".");
  for (auto it = v.begin(); it != v.end(); ++it) {
    const std::string& id = it.key();
    const std::string field = "rules." + id;
    const rules::Rule* rule = rules::find_rule(id);
    if (!rule) {
      return refuse(field, "Unknown rule '" + id + "' in 'rules'." + suggestion(id) +
                               " See `galley rules` for the list.");
    }
    RuleSetting setting = o.rules[id];
    const Json& value = it.value();
    const Json* severity = &value;
    const Json* options = nullptr;
    std::string severity_field = field;
    if (value.is_array()) {
      severity_field = field + "[0]";
      if (value.empty() || value.size() > 2) {
        return refuse(field, "Rule setting '" + field + "' must be a severity or [severity, {options}].");
      }
      severity = &value[0];
      if (value.size() == 2) options = &value[1];
    }
    Severity s = Severity::warning;
    if (auto e = read_enum(*severity, severity_field, kSeverities, s)) {
      return refuse(severity_field, "Rule '" + id + "' has a bad severity " +
                                        (severity->is_string() ? "\"" + severity->get<std::string>() + "\""
                                                               : type_name(*severity)) +
                                        " in '" + severity_field +
                                        "': use \"off\", \"info\", \"warning\" or \"error\".");
    }
    setting.severity = s;
    if (options) {
      if (!options->is_object()) {
        return refuse(field + "[1]", "Options of rule '" + id + "' ('" + field + "[1]') must be an object; got " +
                                         type_name(*options) + ".");
      }
      for (auto opt = options->begin(); opt != options->end(); ++opt) {
        const std::string opt_field = field + "." + opt.key();
        const RuleOption* spec = nullptr;
        for (const RuleOption& candidate : rule->info.options) {
          if (candidate.name == opt.key()) spec = &candidate;
        }
        if (!spec) {
          std::string known;
          for (const RuleOption& candidate : rule->info.options) known += (known.empty() ? "" : ", ") + candidate.name;
          return refuse(opt_field, "Rule '" + id + "' has no option '" + opt.key() + "'" +
                                       (known.empty() ? "." : "; it has: " + known + "."));
        }
        OptionValue parsed;
        if (auto e = read_rule_option(*spec, opt.value(), opt_field, parsed)) return e;
        setting.options[opt.key()] = std::move(parsed);
      }
      if (auto e = check_bounds(*rule, setting, field)) return e;
    }
    o.rules[id] = std::move(setting);
  }
  return std::nullopt;
}

std::optional<Error> read_outputs(const Json& v, Options& o) {
  constexpr std::pair<const char*, unsigned> kOutputs[] = {{"html", kOutputHtml},
                                                           {"markdown", kOutputMarkdown},
                                                           {"json", kOutputJson},
                                                           {"jsonld", kOutputJsonLd},
                                                           {"text", kOutputText}};
  if (!v.is_array()) return refuse("outputs", "Option 'outputs' must be an array such as [\"html\", \"json\"]; got " + type_name(v) + ".");
  o.outputs = 0;
  for (size_t i = 0; i < v.size(); ++i) {
    unsigned bit = 0;
    if (auto e = read_enum(v[i], "outputs[" + std::to_string(i) + "]", kOutputs, bit)) return e;
    o.outputs |= bit;
  }
  return std::nullopt;
}

std::optional<Error> read_suppressions(const Json& v, Options& o) {
  if (!v.is_array()) return refuse("suppress", "Option 'suppress' must be an array of {rule, startLine, endLine}.");
  for (size_t i = 0; i < v.size(); ++i) {
    const std::string field = "suppress[" + std::to_string(i) + "]";
    const Json& s = v[i];
    if (!s.is_object()) return refuse(field, "'" + field + "' must be an object {rule, startLine, endLine}.");
    Suppression sup;
    uint64_t first = 1, last = 0;
    bool has_first = false;
    for (auto it = s.begin(); it != s.end(); ++it) {
      const std::string f = field + "." + it.key();
      if (it.key() == "rule") {
        if (auto e = read_string(it.value(), f, sup.rule)) return e;
        if (!sup.rule.empty() && !rules::find_rule(sup.rule)) return refuse(f, "Unknown rule '" + sup.rule + "' in '" + f + "'.");
      } else if (it.key() == "startLine") {
        if (auto e = read_uint(it.value(), f, first)) return e;
        has_first = true;
      } else if (it.key() == "endLine") {
        if (auto e = read_uint(it.value(), f, last)) return e;
      } else {
        return refuse(f, "Unknown key '" + it.key() + "' in '" + field + "'; expected rule, startLine, endLine.");
      }
    }
    if (!has_first) return refuse(field + ".startLine", "'" + field + "' needs a startLine.");
    if (last == 0) last = first;
    if (last < first) return refuse(field + ".endLine", "'" + field + ".endLine' comes before its startLine.");
    sup.first_line = static_cast<uint32_t>(std::min<uint64_t>(first, UINT32_MAX));
    sup.last_line = static_cast<uint32_t>(std::min<uint64_t>(last, UINT32_MAX));
    o.suppressions.push_back(std::move(sup));
  }
  return std::nullopt;
}

std::optional<Error> read_labels(const Json& v, Options& o) {
  if (!v.is_object()) return refuse("labels", "Option 'labels' must be an object {takeaways, credits, author}.");
  for (auto it = v.begin(); it != v.end(); ++it) {
    const std::string f = "labels." + it.key();
    std::vector<std::string>* target = it.key() == "takeaways" ? &o.labels.takeaways
                                       : it.key() == "credits" ? &o.labels.credits
                                       : it.key() == "author"  ? &o.labels.author
                                                               : nullptr;
    if (!target) return refuse(f, "Unknown label group '" + it.key() + "'; expected takeaways, credits or author.");
    if (auto e = read_string_list(it.value(), f, *target)) return e;
  }
  return std::nullopt;
}

std::optional<Error> read_option(const std::string& key, const Json& v, Options& o) {
  constexpr std::pair<const char*, InputMode> kModes[] = {{"auto", InputMode::automatic},
                                                          {"markdown", InputMode::markdown},
                                                          {"text", InputMode::text},
                                                          {"json", InputMode::json}};
  constexpr std::pair<const char*, Profile> kProfiles[] = {
      {"news", Profile::news}, {"blog", Profile::blog}, {"minimal", Profile::minimal}};
  constexpr std::pair<const char*, Layout> kLayouts[] = {{"source", Layout::source}, {"standard", Layout::standard}};
  if (key == "input") return read_enum(v, key, kModes, o.input);
  if (key == "outputs") return read_outputs(v, o);
  if (key == "profile") return read_enum(v, key, kProfiles, o.profile);
  if (key == "rules") return read_rules(v, o);
  if (key == "layout") return read_enum(v, key, kLayouts, o.layout);
  if (key == "locale") {
    if (auto e = read_string(v, key, o.locale)) return e;
    const std::string lang = o.locale.substr(0, 2);
    if (lang != "en" && lang != "de" && lang != "fr") {
      return refuse(key, "Option 'locale' must be \"en\", \"de\" or \"fr\"; got \"" + o.locale + "\".");
    }
    return std::nullopt;
  }
  if (key == "typography") {
    if (v.is_boolean()) {
      o.typography_html = o.typography_markdown = v.get<bool>();
      return std::nullopt;
    }
    if (!v.is_object()) return refuse(key, "Option 'typography' must be a boolean or {html, markdown}.");
    for (auto it = v.begin(); it != v.end(); ++it) {
      const std::string f = "typography." + it.key();
      if (it.key() == "html") {
        if (auto e = read_bool(it.value(), f, o.typography_html)) return e;
      } else if (it.key() == "markdown") {
        if (auto e = read_bool(it.value(), f, o.typography_markdown)) return e;
      } else {
        return refuse(f, "Unknown key '" + it.key() + "' in 'typography'; expected html or markdown.");
      }
    }
    return std::nullopt;
  }
  if (key == "classPrefix") {
    if (auto e = read_string(v, key, o.class_prefix)) return e;
    for (const char c : o.class_prefix) {
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
        return refuse(key, "Option 'classPrefix' may hold only letters, digits, '-' and '_'.");
      }
    }
    return std::nullopt;
  }
  if (key == "document") return read_bool(v, key, o.document);
  if (key == "allowRawHtml") return read_bool(v, key, o.allow_raw_html);
  if (key == "allowStyle") return read_bool(v, key, o.allow_style);
  if (key == "maxInputBytes") {
    uint64_t n = 0;
    if (auto e = read_uint(v, key, n)) return e;
    if (n == 0) return refuse(key, "Option 'maxInputBytes' must be at least 1.");
    o.max_input_bytes = static_cast<size_t>(std::min<uint64_t>(n, UINT32_MAX));
    return std::nullopt;
  }
  if (key == "suppress") return read_suppressions(v, o);
  if (key == "labels") return read_labels(v, o);
  if (key == "$schema" || key == "extends") return std::nullopt;  // editor hints in config files
  return refuse(key, "Unknown option '" + key + "'.");
}

}  // namespace

Result<Options> apply_config(std::string_view json, Options base) {
  if (detail::trim(json).empty()) return base;
  Result<Json> parsed = detail::parse_json(json, ErrorCode::invalid_options, "The options");
  if (!parsed) return parsed.error();
  const Json& root = parsed.value();
  if (!root.is_object()) return refuse("", "Options must be a JSON object; got " + type_name(root) + ".");
  for (auto it = root.begin(); it != root.end(); ++it) {
    if (auto e = read_option(it.key(), it.value(), base)) return *e;
  }
  return base;
}

Result<Options> parse_options(std::string_view json) { return apply_config(json, Options{}); }

}  // namespace galley
