// A parsed document: front matter and a flat list of blocks, before structure is recognised.
#pragma once

#include <string>
#include <vector>

#include "galley/article.h"
#include "galley/options.h"
#include "source.h"

namespace galley::parse {

/// Front matter: YAML between `---` lines or TOML between `+++` lines.
struct FrontMatter {
  std::string format;                ///< "yaml", "toml" or empty when there is none.
  SourceRange range;                 ///< Delimiters included.
  uint32_t body_offset = 0;          ///< Where the body starts (after the closing delimiter).
  std::string json = "{}";           ///< Every key, as a JSON object.
  std::string title;                 ///< title
  SourceRange title_range;           ///< Where the title's value stands.
  std::string dek;                   ///< dek, deck, description, excerpt, summary
  std::string dek_key;               ///< Which key gave the dek.
  SourceRange dek_range;             ///< Where the dek's value stands.
  std::vector<std::string> authors;  ///< author / authors
  std::vector<SourceRange> author_ranges;  ///< Where each author stands (one per author).
  std::string author_bio;            ///< author_bio
  std::string date;                  ///< date
  std::vector<std::string> tags;     ///< tags (or topics)
  std::string language;              ///< language / lang
  std::string kicker;                ///< kicker
  std::string error;                 ///< Why it could not be read, if it could not.
  SourceRange error_range;           ///< Where the problem is.
};

/// A comment that switches rules off or on (`<!-- galley-disable rule -->`).
struct Directive {
  enum class Kind : uint8_t { disable, enable, disable_next_line } kind = Kind::disable;
  std::vector<std::string> rules;  ///< Empty: every rule.
  uint32_t line = 1;               ///< 1-based line of the comment.
  SourceRange range;               ///< The comment.
};

/// What a parser produces: blocks in source order (headings included) and what it noticed.
struct Document {
  InputMode mode = InputMode::markdown;  ///< markdown or text.
  FrontMatter front_matter;              ///< Possibly empty.
  std::vector<Block> blocks;             ///< Top-level blocks in order.
  std::vector<Block> footnotes;          ///< Footnote definitions.
  std::vector<Directive> directives;     ///< Suppression comments, in order.
  bool hard_wrapped = false;             ///< text: lines were joined into paragraphs.
};

/// Finds and reads front matter at the start of the source.
FrontMatter parse_front_matter(const detail::SourceText& source);

/// Reads Markdown from `body_offset` on.
Document parse_markdown(const detail::SourceText& source, FrontMatter front_matter);

/// Reads pasted plain text from `body_offset` on.
Document parse_text(const detail::SourceText& source, FrontMatter front_matter,
                    const Options& options);

/// Decides between markdown and text for `automatic`; `reason` says why.
InputMode detect_mode(const detail::SourceText& source, const FrontMatter& front_matter,
                      std::string& reason);

}  // namespace galley::parse
