// Options of format(), check() and fix(), and the ESLint-like rule configuration.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "galley/diagnostic.h"

namespace galley {

/// How the source is read.
enum class InputMode : uint8_t {
  automatic,  ///< Decide between markdown and text, and say which (input/mode).
  markdown,   ///< GitHub-Flavoured Markdown with article conventions.
  text,       ///< Plain text pasted from a page.
  json,       ///< An article model (galley.article/v1).
};

/// "auto", "markdown", "text" or "json".
const char* input_mode_name(InputMode mode);

/// Rule profiles: default severities differ per profile.
enum class Profile : uint8_t { news, blog, minimal };

/// "news", "blog" or "minimal".
const char* profile_name(Profile profile);

/// Outputs to render (a bit set).
enum Output : unsigned {
  kOutputHtml = 1u << 0,
  kOutputMarkdown = 1u << 1,
  kOutputJson = 1u << 2,
  kOutputJsonLd = 1u << 3,
  kOutputText = 1u << 4,
};

/// Order of the parts in rendered output.
enum class Layout : uint8_t {
  source,    ///< As they stood in the source.
  standard,  ///< Header, takeaways, sections, credits, author box.
};

/// A rule's configured severity and options.
struct RuleSetting {
  std::optional<Severity> severity;           ///< Unset: the profile's default.
  std::map<std::string, OptionValue> options; ///< Overrides of the rule's option defaults.
};

/// A range of lines where a rule (or every rule, if `rule` is empty) is not reported.
struct Suppression {
  std::string rule;        ///< Rule id, or empty for all rules.
  uint32_t first_line = 1; ///< 1-based, inclusive.
  uint32_t last_line = 1;  ///< 1-based, inclusive.
};

/// Extra labels recognised as part headings, on top of the built-in ones (en, de, fr).
struct Labels {
  std::vector<std::string> takeaways;  ///< e.g. "Key Takeaways".
  std::vector<std::string> credits;    ///< e.g. "Reporters on the Ground".
  std::vector<std::string> author;     ///< e.g. "About the author".
};

/// Everything that changes what format(), check() and fix() do.
struct Options {
  InputMode input = InputMode::automatic;               ///< How to read the source.
  unsigned outputs = kOutputHtml | kOutputJson;         ///< What to render.
  Profile profile = Profile::news;                      ///< Default severities.
  std::map<std::string, RuleSetting> rules;             ///< Per-rule configuration.
  std::string locale = "en";                            ///< Typography and labels: en, de, fr.
  bool typography_html = true;                          ///< Curly quotes, dashes… in HTML.
  bool typography_markdown = false;                     ///< The same in Markdown output.
  std::string class_prefix = "galley-";                 ///< Prefix of HTML class names.
  bool document = false;                                ///< HTML: a whole page with the theme.
  bool allow_raw_html = false;                          ///< HTML: pass raw HTML (sanitised).
  bool allow_style = false;                             ///< HTML passthrough: keep style="".
  std::size_t max_input_bytes = 8u * 1024u * 1024u;     ///< Larger input is refused.
  Layout layout = Layout::source;                       ///< Order of parts in the output.
  std::vector<Suppression> suppressions;                ///< Line ranges to silence.
  Labels labels;                                        ///< Extra part labels.
};

}  // namespace galley
