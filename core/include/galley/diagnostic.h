// Diagnostics: rule findings with exact positions and optional fixes, and the rule catalogue.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "galley/article.h"

namespace galley {

/// How serious a finding is; `off` disables a rule.
enum class Severity : uint8_t { off, info, warning, error };

/// "off", "info", "warning" or "error".
const char* severity_name(Severity severity);

/// A replacement of a source range. Public offsets count UTF-16 code units (as JavaScript
/// strings and editors such as CodeMirror do); the byte range is for native callers.
struct Fix {
  uint32_t offset = 0;      ///< UTF-16 offset of the first replaced unit.
  uint32_t end_offset = 0;  ///< UTF-16 offset one past the last replaced unit.
  std::string text;         ///< Replacement text (UTF-8).
  SourceRange range;        ///< The same range in bytes of the normalised source.
};

/// One rule finding.
struct Diagnostic {
  std::string rule;                 ///< Rule id, "group/name".
  Severity severity = Severity::warning;
  std::string message;              ///< One sentence that says what and where.
  uint32_t line = 1;                ///< 1-based.
  uint32_t column = 1;              ///< 1-based, in UTF-16 code units.
  uint32_t end_line = 1;            ///< 1-based.
  uint32_t end_column = 1;          ///< 1-based, exclusive, in UTF-16 code units.
  uint32_t offset = 0;              ///< UTF-16 offset into the source.
  uint32_t end_offset = 0;          ///< UTF-16 offset, exclusive.
  std::optional<Fix> fix;           ///< An exact edit that resolves the finding, if any.
  SourceRange range;                ///< The same range in bytes of the normalised source.
};

/// The value of a rule option.
using OptionValue = std::variant<bool, double, std::string, std::vector<std::string>>;

/// Types of rule options.
enum class OptionType : uint8_t { boolean, integer, number, string, string_list };

/// One configurable option of a rule.
struct RuleOption {
  std::string name;           ///< Key in the rule's options object.
  OptionType type;            ///< Expected JSON type.
  OptionValue default_value;  ///< Used when the config does not set it.
  std::string description;    ///< What it changes.
};

/// Metadata of a rule: the catalogue entry that `rules()` returns and docs/rules.md shows.
struct RuleInfo {
  std::string id;                 ///< "group/name".
  std::string summary;            ///< One line: what it finds.
  std::string rationale;          ///< Why it matters.
  std::vector<std::string> tags;  ///< e.g. "structure", "readability", "typography".
  Severity news = Severity::warning;     ///< Default severity in the news profile.
  Severity blog = Severity::warning;     ///< Default severity in the blog profile.
  Severity minimal = Severity::off;      ///< Default severity in the minimal profile.
  std::vector<RuleOption> options;       ///< Options with defaults.
  bool fixable = false;                  ///< Whether findings carry fixes.
  std::string example;                   ///< Markdown that triggers the rule.
  std::string example_fixed;             ///< The example after fix(), if fixable.
  /// Options of this rule (a JSON object such as {"max-words": 40}) under which `example`
  /// fails; empty for the defaults. Lets a threshold rule keep a short example.
  std::string example_options = {};
};

}  // namespace galley
