// Structure recognition: turns a parsed document into an article (headline, dek, sections,
// takeaways, credits, author box, quotes) and fills in the meta facts.
#pragma once

#include "galley/article.h"
#include "galley/options.h"
#include "parse/document.h"
#include "source.h"

namespace galley::structure {

/// Builds the article from a parsed document. Nothing is dropped: a block that fits no part
/// stays in the section where it stood.
Article recognise(parse::Document document, const detail::SourceText& source,
                  const Options& options);

/// Recomputes meta.word_count and meta.reading_minutes from the article's text.
void count_words(Article& article);

/// Gives every section a unique slug id (heading text, or "section-N" without a heading).
void assign_section_ids(Article& article);

}  // namespace galley::structure
