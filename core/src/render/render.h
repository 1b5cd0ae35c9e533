// Renderers: the article as HTML, canonical Markdown, JSON, JSON-LD and plain text.
#pragma once

#include <string>

#include "galley/article.h"
#include "galley/galley.h"
#include "galley/options.h"
#include "source.h"

namespace galley::render {

/// Safe semantic HTML: an <article> fragment, or a whole document with the default theme.
std::string html(const Article& article, const Options& options);

/// Canonical Markdown that re-parses to the same article.
std::string markdown(const Article& article, const Options& options);

/// The article model as JSON (galley.article/v1). Spans need the source; pass null for none.
std::string json(const Article& article, const detail::SourceText* source);

/// schema.org NewsArticle as JSON-LD.
std::string jsonld(const Article& article, const Options& options);

/// Plain text, one paragraph a line.
std::string text(const Article& article, const Options& options);

/// The parts of an article in output order: sections, takeaways, credits, author box.
struct PartRef {
  enum class Kind : uint8_t { section, takeaways, credits, author_box } kind;
  size_t index = 0;  ///< Section index for sections.
};
std::vector<PartRef> part_order(const Article& article, Layout layout);

}  // namespace galley::render
