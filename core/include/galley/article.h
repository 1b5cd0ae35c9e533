// The article model (JSON schema galley.article/v1): what Galley recognises in a source.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace galley {

/// A byte range [begin, end) in the normalised source (valid UTF-8, byte-order mark removed).
/// Public positions (1-based line/column, UTF-16 offsets) are derived from it on output.
struct SourceRange {
  uint32_t begin = 0;  ///< First byte.
  uint32_t end = 0;    ///< One past the last byte.
  /// True when the range covers nothing (e.g. a part that came from JSON input).
  bool empty() const { return end <= begin; }
};

/// How a recognised part was decided, so that a CMS can ask the author to confirm a guess.
struct Recognition {
  float confidence = 1.0f;  ///< 0–1; 1 when the source said so explicitly (markup, front matter).
  std::string reason;       ///< The rule that decided it, e.g. "markdown-h1", "title-like-line".
};

/// Kinds of inline content.
enum class InlineKind : uint8_t {
  text,                ///< Literal text.
  code,                ///< A code span.
  emphasis,            ///< *em*
  strong,              ///< **strong**
  strikethrough,       ///< ~~del~~
  link,                ///< [text](url "title")
  image,               ///< ![alt](url "title"); alt text in children.
  html,                ///< Raw inline HTML (escaped on output unless passthrough is on).
  soft_break,          ///< A line break inside a paragraph that renders as a space.
  line_break,          ///< A hard line break.
  footnote_reference,  ///< [^label]
};

/// One inline node. Containers (emphasis, strong, strikethrough, link, image) hold children.
struct Inline {
  InlineKind kind = InlineKind::text;
  std::string text;              ///< text, code and html: the literal; footnote_reference: label.
  std::string url;               ///< link and image: the destination.
  std::string title;             ///< link and image: the title.
  std::vector<Inline> children;  ///< Nested inlines of containers.
  SourceRange range;             ///< Where the node stands in the source.
  bool verbatim = false;         ///< text equals the source bytes in range exactly.
};

/// A run of inline content.
using Inlines = std::vector<Inline>;

/// Kinds of blocks.
enum class BlockKind : uint8_t {
  paragraph,  ///< inlines
  heading,    ///< inlines + level; only in parsed documents (an article turns them into sections)
  quote,      ///< children + optional attribution/speaker
  list,       ///< children are items; ordered/start/tight/delimiter
  item,       ///< children; checked for task items
  code,       ///< text + info
  html,       ///< text (raw HTML block)
  table,      ///< children are rows; align per column
  row,        ///< children are cells; header
  cell,       ///< inlines
  rule,       ///< thematic break
  figure,     ///< inlines hold the image (possibly inside a link); caption in attribution
  footnote,   ///< text is the label; children
};

/// Column alignment of a table.
enum class Align : uint8_t { none, left, center, right };

/// One block node.
struct Block {
  BlockKind kind = BlockKind::paragraph;
  Inlines inlines;              ///< paragraph, heading, cell, figure content.
  std::vector<Block> children;  ///< quote, list, item, table, row, footnote content.
  std::string text;             ///< code and html: the literal; footnote: the label.
  std::string info;             ///< code: the info string (language).
  int level = 0;                ///< heading: 1–6.
  bool ordered = false;         ///< list: numbered.
  bool tight = true;            ///< list: no blank lines between items.
  int start = 1;                ///< list: first number.
  char delimiter = '.';         ///< list: '.' or ')' after the number.
  int8_t checked = -1;          ///< item: -1 not a task, 0 open, 1 done.
  bool header = false;          ///< row: the header row of a table.
  bool fenced = true;           ///< code: fenced (true) or indented.
  std::vector<Align> align;     ///< table: alignment of each column.
  Inlines attribution;          ///< quote: the attribution line ("— Name"); figure: caption.
  std::string speaker;          ///< quote: the person named by the attribution.
  bool pull = false;            ///< quote: a pull quote (e.g. a quote-block shortcode), set apart from the text.
  Recognition how;              ///< heading and quote: how they were recognised.
  SourceRange range;            ///< Where the block stands in the source.
};

/// A piece of recognised inline text with its source range.
struct TextPart {
  Inlines inlines;   ///< Content.
  SourceRange range; ///< Source range of the whole part.
  Recognition how;   ///< Why this is what it is.
};

/// A person named by the byline, the credits or the author box.
struct Person {
  std::string name;      ///< The name only: no "By", role or outlet.
  std::string role;      ///< e.g. "reporting", "additional reporting", "editing"; may be empty.
  std::string location;  ///< e.g. "Washington"; may be empty.
  std::string url;       ///< A profile link, if given.
  SourceRange range;     ///< Where the name stands in the source.
};

/// A section: an optional heading and the blocks under it (until the next heading).
struct Section {
  std::optional<TextPart> heading;  ///< null for the lead section and for text between parts.
  int level = 2;                    ///< Heading level (2 for ##, 3 for ###, ...).
  std::string id;                   ///< A unique slug of the heading.
  std::vector<Block> blocks;        ///< Paragraphs, quotes, lists, figures, code, tables, rules.
  SourceRange range;                ///< From the heading to the last block.
};

/// The key takeaways box.
struct Takeaways {
  TextPart heading;              ///< e.g. "Key Takeaways".
  std::vector<TextPart> items;   ///< One per list item.
  bool ordered = false;          ///< The list was numbered.
  SourceRange range;             ///< Heading and list.
  Recognition how;               ///< Why this is the takeaways box.
};

/// The credits: who reported, wrote, edited.
struct Credits {
  std::optional<TextPart> heading;  ///< e.g. "Reporters on the Ground", if the credits had one.
  TextPart text;                    ///< The credits paragraph.
  std::vector<Person> people;       ///< The people it names, in order.
  SourceRange range;                ///< Heading and paragraph.
  Recognition how;                  ///< Why this is the credits.
};

/// The author box: a short biography of the author.
struct AuthorBox {
  std::optional<TextPart> heading;  ///< e.g. "About the author", if it had one.
  std::string name;                 ///< The author's name.
  SourceRange name_range;           ///< Where the name stands.
  std::string role;                 ///< e.g. "journalist", "Presidential Innovation Fellow".
  std::vector<Block> bio;           ///< The biography paragraphs.
  std::vector<std::string> links;   ///< Links found in the biography.
  SourceRange range;                ///< The whole box.
  Recognition how;                  ///< Why this is the author box.
};

/// Kinds of quotes.
enum class QuoteKind : uint8_t {
  inline_quote,  ///< A quotation inside a paragraph ("inline" in JSON).
  block,         ///< A block quote.
  pull,          ///< A pull quote (e.g. a quote-block shortcode).
};

/// A quotation found in the text, with its speaker when one is named.
struct Quote {
  std::string text;           ///< The words inside the quotation marks.
  std::string speaker;        ///< The speaker's name, or empty.
  SourceRange speaker_range;  ///< Where the speaker is named (may be in an earlier sentence).
  QuoteKind kind = QuoteKind::inline_quote;
  bool partial = false;       ///< A fragment worked into the sentence (not a full statement).
  bool scare = false;         ///< Scare quotes: one to three words, no speaker needed.
  SourceRange range;          ///< From the opening to the closing mark.
  Recognition how;            ///< How the speaker was found.
};

/// Facts about the article as a whole.
struct Meta {
  std::string language = "en";        ///< BCP 47 code from front matter or detection.
  Recognition language_how;           ///< Where the language came from (front matter, text, option).
  uint32_t word_count = 0;            ///< Words of body text.
  double reading_minutes = 0;         ///< At 238 words a minute, rounded up to a tenth.
  std::string date;                   ///< Publication date as given.
  std::vector<std::string> tags;      ///< Tags from front matter.
  std::string kicker;                 ///< Kicker (overline) from front matter.
  std::string front_matter_format;    ///< "yaml", "toml" or empty.
  std::string front_matter_json;      ///< Every front matter key, as a JSON object ("{}" if none).
  SourceRange front_matter_range;     ///< Where the front matter stands.
};

/// A recognised article.
struct Article {
  std::optional<TextPart> headline;   ///< First H1 or title-like line; null if none.
  std::optional<TextPart> dek;        ///< Standfirst under the headline.
  std::vector<Person> byline;         ///< Authors from front matter or a "By …" line.
  Recognition byline_how;             ///< Where the byline came from.
  SourceRange byline_range;           ///< The "By …" line, if there was one.
  /// The "By …" line as written ("By Jane Doe and John Smith, Reuters"), when the byline came
  /// from one; it is not part of any section, so renderers show it instead of composing one.
  std::optional<TextPart> byline_text;
  std::string dateline;               ///< "KYIV, Ukraine (AP) —" style prefix, or empty.
  SourceRange dateline_range;         ///< Where the dateline stands (inside the first paragraph).
  Recognition dateline_how;           ///< Why this is the dateline.
  std::vector<Section> sections;      ///< In source order.
  std::optional<Takeaways> takeaways; ///< The key takeaways box.
  std::optional<Credits> credits;     ///< The credits.
  std::optional<AuthorBox> author_box;///< The author box.
  std::vector<Quote> quotes;          ///< Every quotation in the text, in order.
  std::vector<Block> footnotes;       ///< Footnote definitions (kind footnote).
  Meta meta;                          ///< Facts about the whole.
};

}  // namespace galley
