// Renderers: the article as HTML, canonical Markdown, JSON, JSON-LD and plain text.
#pragma once

#include <string>
#include <vector>

#include "galley/article.h"
#include "galley/galley.h"
#include "galley/options.h"
#include "source.h"

namespace galley::render {

/// Safe semantic HTML: an <article> fragment, or a whole document with the default theme.
std::string html(const Article& article, const Options& options);

/// Canonical Markdown that re-parses to the same article and renders through cmark-gfm to the
/// same HTML. With the source, front matter is kept exactly as it was written; without it
/// (JSON input) it is written again from meta.frontMatter.
std::string markdown(const Article& article, const Options& options,
                     const detail::SourceText* source = nullptr);

/// The article model as JSON (galley.article/v1). Spans need the source; pass null for none.
/// With `ascii`, every character beyond ASCII is written as a \u escape (as run_json replies).
std::string json(const Article& article, const detail::SourceText* source, bool ascii = false);

/// schema.org NewsArticle as JSON-LD (pretty-printed; < > & escaped so that it can be
/// embedded in a <script type="application/ld+json"> element as it is).
std::string jsonld(const Article& article, const Options& options);
/// A date as written in front matter, in ISO 8601 ("2013-05-01T14:22:08-04:00"), or empty
/// when it cannot be read.
std::string iso_date(std::string_view date);

/// Appends the JSON-LD object (without a final newline) to `out`.
void append_jsonld(std::string& out, const Article& article, const Options& options, bool pretty);

/// Plain text, one paragraph a line.
std::string text(const Article& article, const Options& options);

/// The parts of an article in output order: sections, takeaways, credits, author box.
struct PartRef {
  enum class Kind : uint8_t { section, takeaways, credits, author_box } kind;
  size_t index = 0;  ///< Section index for sections.
};

/// The parts in output order: as they stood in the source (Layout::source), or header,
/// takeaways, sections, credits, author box (Layout::standard).
std::vector<PartRef> part_order(const Article& article, Layout layout);

}  // namespace galley::render
