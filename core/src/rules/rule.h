// The rule interface: metadata plus one pure check over the article, reporting into a sink.
#pragma once

#include <algorithm>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "galley/article.h"
#include "galley/diagnostic.h"
#include "galley/options.h"
#include "source.h"
#include "text_util.h"

namespace galley::rules {

/// A paragraph-like piece of text (paragraph, heading, list item paragraph, quote paragraph,
/// table cell, takeaway, credits, bio) with its plain text mapped back to the source.
struct TextBlock {
  enum class Role : uint8_t { headline, dek, heading, paragraph, item, quote, cell, takeaway, credits, bio };
  Role role = Role::paragraph;
  const Inlines* inlines = nullptr;  ///< The content.
  SourceRange range;                 ///< The block's range.
  detail::TextMap map;               ///< Plain text and its source map.
  int section = -1;                  ///< Index into article.sections, or -1.
};

/// Facts the pipeline knows that rules report on.
struct RunFacts {
  InputMode mode = InputMode::markdown;  ///< The mode used.
  bool auto_detected = false;            ///< Whether `automatic` chose it.
  std::string mode_reason;               ///< Why it was chosen.
  std::string front_matter_error;        ///< Why front matter could not be read, if so.
  SourceRange front_matter_error_range;  ///< Where.
};

/// What a check sees besides the article: the source, its options and shared text indexes.
class Context {
 public:
  Context(const detail::SourceText& source, const Article& article, const Options& options,
          const RunFacts& facts);

  const detail::SourceText& source() const { return source_; }
  const Options& options() const { return options_; }
  const RunFacts& facts() const { return facts_; }
  /// Every paragraph-like text in source order, built once per run.
  const std::vector<TextBlock>& texts() const;

  /// Options of the rule being checked, with the rule's defaults applied.
  bool flag(std::string_view name) const;
  double number(std::string_view name) const;
  std::string string(std::string_view name) const;
  std::vector<std::string> list(std::string_view name) const;

  /// Set by the runner before each check.
  void select(const RuleInfo* info, const RuleSetting* setting) {
    info_ = info;
    setting_ = setting;
  }

 private:
  const OptionValue* option(std::string_view name) const;

  const detail::SourceText& source_;
  const Article& article_;
  const Options& options_;
  const RunFacts& facts_;
  const RuleInfo* info_ = nullptr;
  const RuleSetting* setting_ = nullptr;
  mutable bool texts_built_ = false;
  mutable std::vector<TextBlock> texts_;
};

/// Where checks report findings. Ranges are bytes of the normalised source.
class Sink {
 public:
  struct Finding {
    SourceRange range;
    std::string message;
    bool has_fix = false;
    SourceRange fix_range;
    std::string replacement;
  };

  /// A finding without a fix.
  void report(SourceRange where, std::string message) {
    findings_.push_back({where, std::move(message), false, {}, {}});
  }
  /// A finding with an exact edit: replace `replace` with `replacement`.
  void report(SourceRange where, std::string message, SourceRange replace, std::string replacement) {
    findings_.push_back({where, std::move(message), true, replace, std::move(replacement)});
  }
  std::vector<Finding>& findings() { return findings_; }

 private:
  std::vector<Finding> findings_;
};

/// A rule: its catalogue entry and its check.
struct Rule {
  RuleInfo info;
  void (*check)(const Article& article, const Context& context, Sink& sink);
};

/// Every rule, in registry order.
const std::vector<const Rule*>& registry();
/// The rule with `id`, or null.
const Rule* find_rule(std::string_view id);
/// The severity of `rule` under `options` (profile default or configured).
Severity effective_severity(const Rule& rule, const Options& options);

/// Runs every enabled rule and returns diagnostics with public positions, suppressions
/// applied, ordered by position.
std::vector<Diagnostic> run(const Article& article, const detail::SourceText& source,
                            const Options& options, const RunFacts& facts,
                            const std::vector<Suppression>& directives);

}  // namespace galley::rules
