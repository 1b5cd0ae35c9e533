// Galley's entry header: format, check and fix articles; the rule catalogue; the JSON API.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "galley/article.h"
#include "galley/diagnostic.h"
#include "galley/options.h"
#include "galley/result.h"

namespace galley {

/// Galley's version, e.g. "0.1.0".
std::string_view version();

/// Counts and stage timings of one run.
struct Stats {
  uint32_t words = 0;          ///< Words of body text.
  uint32_t characters = 0;     ///< UTF-16 code units of the source.
  uint32_t paragraphs = 0;     ///< Paragraphs in all sections.
  uint32_t sections = 0;       ///< Sections.
  uint32_t quotes = 0;         ///< Quotations.
  double reading_minutes = 0;  ///< Estimated reading time.
  double parse_ms = 0;         ///< Parsing the source.
  double recognise_ms = 0;     ///< Recognising the structure.
  double rules_ms = 0;         ///< Running the rules.
  double render_ms = 0;        ///< Rendering the outputs.
  double total_ms = 0;         ///< All of it.
};

/// The result of format() and check().
struct FormatResult {
  InputMode mode = InputMode::markdown;  ///< The input mode used (never `automatic`).
  Article article;                       ///< The recognised article.
  std::vector<Diagnostic> diagnostics;   ///< Rule findings, ordered by position.
  std::string html;                      ///< Requested with kOutputHtml.
  std::string markdown;                  ///< Requested with kOutputMarkdown.
  std::string json;                      ///< Requested with kOutputJson: the article model.
  std::string jsonld;                    ///< Requested with kOutputJsonLd.
  std::string text;                      ///< Requested with kOutputText.
  Stats stats;                           ///< Counts and timings.
};

/// One edit that fix() applied.
struct AppliedFix {
  std::string rule;     ///< The rule whose fix it was.
  std::string message;  ///< The finding it resolved.
  uint32_t line = 1;    ///< Where it was, in the source of the pass that applied it.
  uint32_t column = 1;  ///< Column there (UTF-16 units).
  std::string before;   ///< The replaced text.
  std::string after;    ///< The replacement.
};

/// The result of fix().
struct FixResult {
  std::string source;                 ///< The fixed source.
  std::vector<AppliedFix> applied;    ///< What changed, pass by pass.
  std::vector<Diagnostic> remaining;  ///< What is left after the last pass.
  uint32_t passes = 0;                ///< Check-and-fix rounds run.
};

/// Parses, recognises, checks and renders `source`. Refused input or options come back as an
/// Error (input-too-large, invalid-options, invalid-json); findings are diagnostics.
Result<FormatResult> format(std::string_view source, const Options& options = {});

/// Like format() but renders nothing: the article, diagnostics and stats.
Result<FormatResult> check(std::string_view source, const Options& options = {});

/// Applies every non-overlapping fix, re-checks, and repeats until no fixable finding is left
/// (at most 10 passes). Never removes a word of the text.
Result<FixResult> fix(std::string_view source, const Options& options = {});

/// The rule catalogue, in registry order.
const std::vector<RuleInfo>& rule_catalogue();

/// Reads options from JSON: {"input":"auto","outputs":["html"],"profile":"news",
/// "rules":{"id":"warning"|["error",{…}]},"locale":"en",…}. Unknown keys, unknown rule ids,
/// bad severities and options of the wrong type are invalid-options errors naming the field.
Result<Options> parse_options(std::string_view json);

/// Reads a rule configuration file ({"profile":…,"rules":{…}}) on top of `base`.
Result<Options> apply_config(std::string_view json, Options base);

/// The whole result as JSON: {"mode","article","diagnostics","stats", and requested outputs}.
std::string result_to_json(const FormatResult& result);

/// A fix result as JSON: {"source","applied","remaining","passes"}.
std::string fix_result_to_json(const FixResult& result);

/// Diagnostics as a JSON array.
std::string diagnostics_to_json(const std::vector<Diagnostic>& diagnostics);

/// The rule catalogue as JSON.
std::string rules_to_json();

/// The rule catalogue as Markdown (docs/rules.md): per rule what it finds, why, its default
/// severities and options, and an example that fails with its findings and its fix.
std::string rules_to_markdown();

/// The JSON API used by the WebAssembly binding and other embedders: `command` is "format",
/// "check" or "fix"; `options_json` as for parse_options(). Returns {"ok":true,…result} or
/// {"ok":false,"error":{"code","message","field"}}. Never throws, never aborts on bad input.
/// The reply is ASCII: every character beyond ASCII is written as a \u escape. JavaScript
/// decodes ASCII bytes into a string several times faster than UTF-8 with other characters
/// (and parses the one-byte string faster too), which outweighs the longer escapes.
///
/// When `parts` is given, a "format" or "check" reply leaves out its members "article", "html",
/// "markdown", "jsonld" and "text", and they are moved into `parts` as they are (the model as
/// ASCII JSON, the outputs as UTF-8 text; empty when the reply would not hold them). A caller
/// that takes them apart (the WebAssembly binding) then neither escapes nor unescapes the
/// outputs nor copies the model into the reply, and can parse the model only when it is wanted.
/// Any other reply leaves `parts` empty.
struct ReplyParts {
  std::string article;  ///< The article model's JSON.
  std::string html;
  std::string markdown;
  std::string jsonld;
  std::string text;
};
std::string run_json(std::string_view command, std::string_view source,
                     std::string_view options_json, ReplyParts* parts = nullptr);

}  // namespace galley
