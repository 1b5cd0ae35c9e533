// The rule interface: metadata plus one pure check over the article, reporting into a sink.
#pragma once

#include <algorithm>
#include <functional>
#include <span>
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
  enum class Role : uint8_t {
    headline,
    dek,
    heading,
    paragraph,
    item,
    quote,
    cell,
    takeaway,
    credits,
    bio
  };
  Role role = Role::paragraph;
  const Inlines* inlines = nullptr;  ///< The content.
  SourceRange range;                 ///< The block's range.
  detail::TextMap map;               ///< Plain text and its source map.
  int section = -1;                  ///< Index into article.sections, or -1.
};

/// A range [begin, end) of a TextBlock's plain text.
struct TextSpan {
  uint32_t begin = 0;
  uint32_t end = 0;
};

/// One quotation mark in plain text.
struct QuoteMark {
  uint32_t at = 0;      ///< Offset in the plain text.
  uint32_t length = 0;  ///< Bytes of the mark.
  char32_t mark = 0;    ///< The code point.
};

/// The quotation marks of one text, paired.
struct QuoteScan {
  std::vector<TextSpan> quoted;     ///< Top-level quotations, marks included; an unclosed one
                                    ///< runs to the end of the text.
  std::vector<QuoteMark> unclosed;  ///< Opening marks never closed, in order.
  std::vector<QuoteMark> unopened;  ///< Closing marks with no opening mark, in order.
  bool opens_with_quote = false;    ///< The text starts (after spaces) with an opening mark.
};

/// A sentence of plain text.
struct Sentence {
  uint32_t begin = 0;          ///< First character.
  uint32_t end = 0;            ///< One past its final punctuation (and closing marks).
  uint32_t words = 0;          ///< Words outside quotations.
  bool starts_quoted = false;  ///< Its first character is inside a quotation.
  std::string_view first;      ///< Its first word outside quotations (empty if starts_quoted).
};

/// How the readability and quotation rules read one text: its quotations and sentences.
struct Prose {
  QuoteScan quotes;  ///< Quotation marks (code spans skipped).
  /// Sentences, words counted outside quotations: body prose only (is_body_prose), empty for
  /// headings, quotations, captions and table cells, which no rule reads by sentence.
  std::span<const Sentence> sentences;
  uint32_t words = 0;  ///< Words outside quotations, of body prose only (as `sentences`).
};

/// A text node of a TextBlock as the typography rules scan it (see typography/rule_check.cpp).
struct ProseNode {
  uint32_t offset = 0;         ///< Where its text starts in the block's plain text.
  const Inline* in = nullptr;  ///< The text node.
  char32_t before = 0;         ///< The character before it in the block's plain text, or 0.
  char32_t after = 0;          ///< The character after it, or 0.
  uint32_t bytes = 0;          ///< Which bytes of interest its text holds (a bit set).
  unsigned kinds = 0;          ///< The typography kinds that may find an edit in it.
};

/// The text nodes of every block, built once per run by the first typography rule and read
/// by the others.
struct ProseNodes {
  bool built = false;
  std::vector<ProseNode> nodes;  ///< Every block's nodes, block after block.
  std::vector<uint32_t> first;   ///< Block k's nodes are [first[k], first[k + 1]).
  std::vector<uint32_t> edited;  ///< The blocks whose nodes some kind may edit, in order.
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
  /// Quotations and sentences of texts()[index], built for every text on first use and kept
  /// for the run, so that the rules that need them read each text once.
  const Prose& prose(size_t index) const;
  /// Every link and image of texts(), in source order (a link before what it holds), found
  /// in one walk on first use: the link and image rules read these, not every inline.
  const std::vector<const Inline*>& links() const;
  /// The typography rules' index of text nodes, kept for the run (filled by its first user).
  ProseNodes& prose_nodes() const { return prose_nodes_; }

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
  mutable std::vector<Prose> prose_;
  mutable bool links_built_ = false;
  mutable std::vector<const Inline*> links_;
  mutable std::vector<Sentence> sentences_;  // every text's sentences, text after text
  mutable ProseNodes prose_nodes_;
  mutable std::vector<uint32_t> stops_;  // scratch for prose(): sentence stops of one text
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
  void report(SourceRange where, std::string message, SourceRange replace,
              std::string replacement) {
    findings_.push_back({where, std::move(message), true, replace, std::move(replacement)});
  }
  std::vector<Finding>& findings() { return findings_; }
  /// Forgets the findings and keeps their room, for the next rule.
  void clear() { findings_.clear(); }

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
/// The name of an option type in the catalogue ("boolean", "integer", "number", "string",
/// "string[]").
const char* option_type_name(OptionType t);
/// The severity of `rule` under `options` (profile default or configured).
Severity effective_severity(const Rule& rule, const Options& options);

/// Runs every enabled rule and returns diagnostics with public positions, suppressions
/// applied, ordered by position.
std::vector<Diagnostic> run(const Article& article, const detail::SourceText& source,
                            const Options& options, const RunFacts& facts,
                            const std::vector<Suppression>& directives);

}  // namespace galley::rules
