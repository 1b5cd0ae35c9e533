// The state one recognition run shares between the recognisers, and the recognisers that
// recognise() calls in order (one module each).
#pragma once

#include <string>
#include <vector>

#include "galley/article.h"
#include "galley/options.h"
#include "parse/document.h"
#include "source.h"

namespace galley::structure {

/// Which part claimed a top-level block of the document.
enum class Owner : uint8_t { body, headline, dek, byline, takeaways, credits, author_box };

/// One run: the document's top-level blocks, who claimed each, and the article being built.
/// A recogniser that claims blocks moves them into its part; sections are built last from the
/// blocks nobody claimed, so nothing is dropped.
struct Work {
  Work(parse::Document& d, const detail::SourceText& s, const Options& o, Article& a)
      : doc(d),
        src(s),
        options(o),
        article(a),
        blocks(d.blocks),
        owner(d.blocks.size(), Owner::body) {}

  parse::Document& doc;
  const detail::SourceText& src;
  const Options& options;
  Article& article;
  std::vector<Block>& blocks;
  std::vector<Owner> owner;

  bool markdown() const { return doc.mode == InputMode::markdown; }
  bool free(size_t i) const { return i < blocks.size() && owner[i] == Owner::body; }
};

/// A text part made of a block's inlines, range and recognition.
TextPart part_of(Block&& block);
/// A text part holding `text` at `range` (verbatim when the source spells it exactly).
TextPart part_of_text(const std::string& text, SourceRange range, const detail::SourceText& src,
                      Recognition how);
/// Grows `range` to cover `by` (an empty `range` becomes `by`).
void extend(SourceRange& range, SourceRange by);
/// Words in a block's plain text.
uint32_t words_in(const Block& block);
/// Whether a block is a paragraph of at most `max_words` words. One whose source is longer than
/// 256 bytes per word allowed is not: it is not counted (a 100 KB paragraph would be copied and
/// counted by every recogniser that looks for a short one).
bool short_paragraph(const Block& block, uint32_t max_words);
/// Whether a paragraph is only emphasis (an italic line such as `_Jane Doe is a …_`).
bool only_emphasis(const Block& block);
/// Link destinations in inlines, in order.
void collect_links(const Inlines& inlines, std::vector<std::string>& out);
/// Source range of the text range [b, e) of a paragraph's plain text.
SourceRange text_range(const Inlines& inlines, uint32_t b, uint32_t e);

/// meta.cpp: front matter facts and the article's language.
void recognise_meta(Work& w);
/// headline.cpp: the headline (H1, title-like first line, front matter) and the dek.
void recognise_headline(Work& w);
/// byline.cpp: authors from front matter or a "By …" line.
void recognise_byline(Work& w);
/// byline.cpp: whether a paragraph is a "By …" line.
bool is_byline(const Block& block);
/// dateline.cpp: "KYIV, Ukraine (AP) —" at the start of the first paragraph.
void recognise_dateline(Work& w);
/// takeaways.cpp: a takeaways label over a list.
void recognise_takeaways(Work& w);
/// credits.cpp: a credits paragraph (under a credits heading or opening "Reporting by").
void recognise_credits(Work& w);
/// credits.cpp: the people a credits text names, with roles and locations.
std::vector<Person> credited_people(const Inlines& inlines);
/// author_box.cpp: an "About the author" section, italic bio lines, or trailing bio paragraphs.
void recognise_author_box(Work& w);
/// sections.cpp: sections from the blocks no part claimed, in source order.
void build_sections(Work& w);
/// quotes.cpp: every quotation with its speaker, partial and scare quotes told apart.
void recognise_quotes(Work& w);

}  // namespace galley::structure
