// Running one rule on its own (fixtures, examples), the catalogue (rule_catalogue()) and its
// JSON and Markdown (docs/rules.md) forms.
#include "rules/catalogue.h"

#include <cmath>

#include "api/reply.h"
#include "json_value.h"
#include "rules/rule.h"
#include "source.h"

namespace galley::rules {

Result<Options> only_rule(const RuleInfo& info, Options base, std::string_view rule_options_json) {
  const Rule* rule = find_rule(info.id);
  if (!rule) return Error{ErrorCode::invalid_options, "Unknown rule '" + info.id + "'.", info.id};
  Severity severity = effective_severity(*rule, base);
  if (severity == Severity::off) severity = Severity::warning;
  if (!detail::trim(rule_options_json).empty()) {
    const std::string config = "{\"rules\": {\"" + info.id + "\": [\"" + severity_name(severity) +
                               "\", " + std::string(rule_options_json) + "]}}";
    Result<Options> with = apply_config(config, std::move(base));
    if (!with) return with.error();
    base = std::move(with.value());
  }
  for (const Rule* r : registry())
    base.rules[r->info.id].severity = r == rule ? severity : Severity::off;
  return base;
}

std::string findings_text(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    out += std::to_string(d.line) + ":" + std::to_string(d.column) + "-" +
           std::to_string(d.end_line) + ":" + std::to_string(d.end_column) + " " + d.rule + " " +
           d.message + "\n";
  }
  return out;
}

const char* option_type_name(OptionType t) {
  switch (t) {
    case OptionType::boolean:
      return "boolean";
    case OptionType::integer:
      return "integer";
    case OptionType::number:
      return "number";
    case OptionType::string:
      return "string";
    case OptionType::string_list:
      return "string[]";
  }
  return "string";
}

namespace {

std::string json_string(std::string_view s) {
  nlohmann::ordered_json j = std::string(s);
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string value_text(const OptionValue& v) {
  if (std::holds_alternative<bool>(v)) return std::get<bool>(v) ? "true" : "false";
  if (std::holds_alternative<double>(v)) {
    const double d = std::get<double>(v);
    if (std::floor(d) == d && std::fabs(d) < 1e15) return std::to_string(static_cast<long long>(d));
    std::string s = std::to_string(d);
    while (!s.empty() && s.back() == '0') s.pop_back();
    return s;
  }
  if (std::holds_alternative<std::string>(v)) return json_string(std::get<std::string>(v));
  std::string out = "[";
  for (const std::string& s : std::get<std::vector<std::string>>(v)) {
    out += out.size() > 1 ? ", " : "";
    out += json_string(s);
  }
  return out + "]";
}

// A fence longer than any run of backticks in `s`.
std::string fence_for(std::string_view s) {
  size_t longest = 0, run = 0;
  for (const char c : s) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return std::string(std::max<size_t>(3, longest + 1), '`');
}

void code_block(std::string& out, std::string_view info, std::string_view body) {
  const std::string fence = fence_for(body);
  out += fence + std::string(info) + "\n" + std::string(body);
  if (!body.empty() && body.back() != '\n') out += '\n';
  out += fence + "\n\n";
}

// GitHub's anchor for a heading "`group/name`": lower case, punctuation but '-' dropped.
std::string anchor(std::string_view id) {
  std::string out;
  for (const char c : id) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') out += c;
    if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Table cells may not hold '|' or line breaks.
std::string cell(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string example_findings(const RuleInfo& info) {
  Options base;
  base.outputs = 0;
  Result<Options> options = only_rule(info, base, info.example_options);
  if (!options) return "(the example options are invalid: " + options.error().message + ")\n";
  Result<FormatResult> r = check(info.example, options.value());
  if (!r) return "(the example is refused: " + r.error().message + ")\n";
  std::string out;
  for (const Diagnostic& d : r->diagnostics) {
    out += std::to_string(d.line) + ":" + std::to_string(d.column) + "-" +
           std::to_string(d.end_line) + ":" + std::to_string(d.end_column) + " " +
           severity_name(d.severity) + " " + d.rule + " " + d.message +
           (d.fix ? " (fixable)" : "") + "\n";
  }
  return out.empty() ? "(no findings)\n" : out;
}

}  // namespace

}  // namespace galley::rules

namespace galley {

std::string rules_to_markdown() {
  const std::vector<RuleInfo>& catalogue = rule_catalogue();
  std::string out;
  out += "# Rules\n\n";
  out +=
      "<!-- Generated from the rule metadata by `galley rules --format markdown > docs/rules.md`.\n"
      "     Do not edit by hand: a test fails when this file and the rules disagree. -->\n\n";
  out +=
      "Galley checks the article it recognises against the rules below. Every rule has a default\n"
      "severity in each profile (`news`, the default, `blog` and `minimal`), options with "
      "defaults,\n"
      "and, when it is fixable, exact edits that `galley fix` (or `fix()` in the API) applies.\n\n";
  out +=
      "Configure them with JSON, as in ESLint; an unknown rule, a bad severity or an option of "
      "the\n"
      "wrong type is refused with an `invalid-options` error that names the key:\n\n";
  rules::code_block(out, "json",
                    "{\n  \"profile\": \"news\",\n  \"rules\": {\n    \"takeaways/count\": "
                    "[\"warning\", {\"min\": 3, "
                    "\"max\": 5}],\n    \"sentence/too-long\": \"off\"\n  }\n}\n");
  out +=
      "Silence a rule for part of a Markdown article with `<!-- galley-disable rule-id -->` …\n"
      "`<!-- galley-enable rule-id -->`, or for the next line with\n"
      "`<!-- galley-disable-next-line rule-id -->` (no rule id: every rule). Through the API, "
      "pass\n"
      "line ranges: `\"suppress\": [{\"rule\": \"rule-id\", \"startLine\": 3, \"endLine\": "
      "9}]`.\n\n";
  out +=
      "Findings are listed as `line:column-line:column severity rule message`; columns count\n"
      "UTF-16 code units, as JavaScript editors do.\n\n";
  out += "| rule | news | blog | minimal | fix | what it finds |\n|---|---|---|---|---|---|\n";
  for (const RuleInfo& r : catalogue) {
    out += "| [`" + r.id + "`](#" + rules::anchor(r.id) + ") | " + severity_name(r.news) + " | " +
           severity_name(r.blog) + " | " + severity_name(r.minimal) + " | " +
           (r.fixable ? "yes" : "") + " | " + rules::cell(r.summary) + " |\n";
  }
  out += "\n";
  for (const RuleInfo& r : catalogue) {
    out += "## `" + r.id + "`\n\n";
    out += r.summary + "\n\n";
    out += "**Why.** " + r.rationale + "\n\n";
    out += "| news | blog | minimal | fixable | tags |\n|---|---|---|---|---|\n";
    std::string tags;
    for (const std::string& t : r.tags) tags += (tags.empty() ? "" : ", ") + t;
    out += std::string("| ") + severity_name(r.news) + " | " + severity_name(r.blog) + " | " +
           severity_name(r.minimal) + " | " + (r.fixable ? "yes" : "no") + " | " + tags + " |\n\n";
    if (r.options.empty()) {
      out += "**Options.** None.\n\n";
    } else {
      out += "**Options.**\n\n| option | type | default | what it sets |\n|---|---|---|---|\n";
      for (const RuleOption& o : r.options) {
        out += "| `" + o.name + "` | " + rules::option_type_name(o.type) + " | `" +
               rules::cell(rules::value_text(o.default_value)) + "` | " +
               rules::cell(o.description) + " |\n";
      }
      out += "\n";
    }
    // The example as the pipeline sees it: invalid bytes show as U+FFFD.
    const detail::SourceText example(r.example);
    out += r.example_options.empty()
               ? std::string("**Fails:**\n\n")
               : "**Fails** with the options `" + r.example_options + "`:\n\n";
    rules::code_block(out, "markdown", example.text());
    rules::code_block(out, "text", rules::example_findings(r));
    if (r.fixable) {
      out += "**Fixed:**\n\n";
      rules::code_block(out, "markdown", r.example_fixed);
    }
  }
  return out;
}

}  // namespace galley

namespace galley {
namespace {

using render::JsonWriter;

void write_option_value(JsonWriter& w, const OptionValue& v) {
  if (std::holds_alternative<bool>(v)) {
    w.boolean(std::get<bool>(v));
  } else if (std::holds_alternative<double>(v)) {
    w.number(std::get<double>(v));
  } else if (std::holds_alternative<std::string>(v)) {
    w.string(std::get<std::string>(v));
  } else {
    w.begin_array();
    for (const std::string& s : std::get<std::vector<std::string>>(v)) w.string(s);
    w.end_array();
  }
}

}  // namespace

namespace detail {

void write_rules(JsonWriter& w) {
  w.begin_array();
  for (const RuleInfo& r : rule_catalogue()) {
    w.begin_object();
    w.key("id");
    w.string(r.id);
    w.key("summary");
    w.string(r.summary);
    w.key("rationale");
    w.string(r.rationale);
    w.key("tags");
    w.begin_array();
    for (const std::string& t : r.tags) w.string(t);
    w.end_array();
    w.key("severity");
    w.begin_object();
    w.key("news");
    w.string(severity_name(r.news));
    w.key("blog");
    w.string(severity_name(r.blog));
    w.key("minimal");
    w.string(severity_name(r.minimal));
    w.end_object();
    w.key("fixable");
    w.boolean(r.fixable);
    w.key("options");
    w.begin_array();
    for (const RuleOption& o : r.options) {
      w.begin_object();
      w.key("name");
      w.string(o.name);
      w.key("type");
      w.string(rules::option_type_name(o.type));
      w.key("default");
      write_option_value(w, o.default_value);
      w.key("description");
      w.string(o.description);
      w.end_object();
    }
    w.end_array();
    w.key("example");
    w.string(r.example);
    w.key("exampleFixed");
    w.string(r.example_fixed);
    w.end_object();
  }
  w.end_array();
}

}  // namespace detail

std::string rules_to_json() {
  std::string out;
  JsonWriter w(out, true);
  detail::write_rules(w);
  out += '\n';
  return out;
}

const std::vector<RuleInfo>& rule_catalogue() {
  static const std::vector<RuleInfo> catalogue = [] {
    std::vector<RuleInfo> out;
    for (const rules::Rule* r : rules::registry()) out.push_back(r->info);
    return out;
  }();
  return catalogue;
}

}  // namespace galley
