// Headline and dek recogniser. The headline is the front matter title, else the first H1 (in
// text, a title-like first line). The dek is the front matter dek, else the paragraph under
// the headline, else — with no headline — a short first paragraph that stands alone before
// the first heading.
#include "structure/lexicon.h"
#include "structure/parts.h"
#include "text_util.h"

namespace galley::structure {
namespace {

// A standfirst is short; a longer first paragraph is a lede.
constexpr uint32_t kDekWords = 60;

// Blocks that may stand above the headline without being text: images, embeds, rules,
// shortcodes such as {{< img-right … >}}.
bool decoration(const Block& b, const detail::SourceText& src) {
  if (b.kind == BlockKind::figure || b.kind == BlockKind::html || b.kind == BlockKind::rule)
    return true;
  if (b.kind != BlockKind::paragraph) return false;
  const std::string_view s = detail::trim(src.view(b.range));
  return s.size() > 4 && (s.substr(0, 2) == "{{" || s.substr(0, 2) == "{%") &&
         (s.substr(s.size() - 2) == "}}" || s.substr(s.size() - 2) == "%}");
}

}  // namespace

void recognise_headline(Work& w) {
  Article& a = w.article;
  const parse::FrontMatter& fm = w.doc.front_matter;
  std::vector<Block>& blocks = w.blocks;

  // The first H1, if only decoration stands before it.
  size_t h = blocks.size();
  size_t first_text = blocks.size();
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (blocks[i].kind == BlockKind::heading && blocks[i].level == 1) {
      h = i;
      break;
    }
    if (!decoration(blocks[i], w.src)) break;
  }
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (!decoration(blocks[i], w.src)) {
      first_text = i;
      break;
    }
  }

  if (!fm.title.empty()) {
    const bool same =
        h < blocks.size() && fold(detail::plain_text(blocks[h].inlines)) == fold(fm.title);
    if (same) {
      a.headline = part_of(std::move(blocks[h]));
      w.owner[h] = Owner::headline;
    } else {
      a.headline = part_of_text(fm.title, fm.title_range, w.src, {1.0f, "front-matter-title"});
      h = blocks.size();  // an H1 that differs from the title stays a heading
    }
  } else if (h < blocks.size()) {
    a.headline = part_of(std::move(blocks[h]));
    w.owner[h] = Owner::headline;
  }

  if (!fm.dek.empty()) {
    a.dek = part_of_text(fm.dek, fm.dek_range, w.src, {1.0f, "front-matter-" + fm.dek_key});
    return;
  }
  if (h < blocks.size()) {
    // The paragraph under the headline (a "By …" line may stand between them).
    size_t d = h + 1;
    if (w.free(d) && is_byline(blocks[d])) ++d;
    if (w.free(d) && blocks[d].kind == BlockKind::paragraph && !is_byline(blocks[d])) {
      const uint32_t words = words_in(blocks[d]);
      float confidence = w.markdown() ? 0.9f : 0.7f;
      if (words > kDekWords) confidence -= 0.3f;
      blocks[d].how = {confidence, "first-paragraph-under-headline"};
      a.dek = part_of(std::move(blocks[d]));
      w.owner[d] = Owner::dek;
    }
    return;
  }
  // No headline in the text: a short first paragraph directly followed by a heading.
  const size_t d = first_text;
  if (!w.free(d) || blocks[d].kind != BlockKind::paragraph || is_byline(blocks[d])) return;
  if (words_in(blocks[d]) > kDekWords) return;
  const bool alone = d + 1 >= blocks.size() || blocks[d + 1].kind == BlockKind::heading;
  if (!alone || d + 1 >= blocks.size()) return;
  blocks[d].how = {0.6f, "short-first-paragraph-before-first-heading"};
  a.dek = part_of(std::move(blocks[d]));
  w.owner[d] = Owner::dek;
}

}  // namespace galley::structure
