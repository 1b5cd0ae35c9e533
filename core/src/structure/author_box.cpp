// Author box recogniser: an "About the author" section (en, de, fr, Options::labels); else
// italic bio lines at the end (`_Jane Doe is a …_`); else trailing paragraphs that open with a
// person's name followed by "is a/an … journalist/reporter/writer/editor/…"; else the front
// matter's author_bio.
#include <optional>
#include <span>

#include "structure/lexicon.h"
#include "structure/parts.h"
#include "structure/tokens.h"
#include "text_util.h"

namespace galley::structure {
namespace {

// Word lists as views of known length: this file is compiled for size in the WebAssembly build,
// where comparing with a C string measured it with strlen every time.
constexpr std::string_view kBioVerbs[] = {"is", "ist", "est", "was", "war"};
constexpr std::string_view kBioArticles[] = {"a",    "an", "the", "one", "ein",
                                             "eine", "un", "une", "l'"};
constexpr std::string_view kPronouns[] = {"he",    "she", "they", "his", "her",
                                          "their", "er",  "sie",  "il",  "elle"};

template <class Text>  // Folded or std::string
bool one_of(const Text& f, std::span<const std::string_view> words) {
  for (const std::string_view w : words) {
    if (f == w) return true;
  }
  return false;
}

// Bios are a few paragraphs.
constexpr size_t kMaxBioParagraphs = 5;
constexpr size_t kMaxRoleWords = 6;

struct BioOpening {
  std::string name;
  uint32_t name_begin = 0, name_end = 0;  // bytes of the plain text
  std::string role;
  bool role_noun = false;  // the role names a writing profession
  std::vector<std::string> name_words;
};

bool stops_role(std::string_view folded_word) {
  static constexpr std::string_view kStops[] = {
      "covering", "who",   "with",   "at", "for",   "in",    "and",   "currently", "serving",
      "working",  "whose", "from",   "on", "based", "since", "where", "writing",   "reporting",
      "that",     "to",    "bei",    "im", "für",   "beim",  "mit",   "und",       "der",
      "die",      "das",   "seit",   "au", "à",     "pour",  "chez",  "du",        "des",
      "qui",      "et",    "depuis", "de", "dans",  "sur",   "of"};
  for (std::string_view s : kStops) {
    if (s == folded_word) return true;
  }
  return false;
}

// "Morgan J. Carter is a Texas-based journalist covering …": the name and the role.
std::optional<BioOpening> bio_opening(std::string_view text) {
  const std::vector<Token> tokens = tokenize(text.substr(0, std::min<size_t>(text.size(), 400)));
  const std::optional<NameSpan> name = name_starting_at(tokens, text, 0);
  if (!name || name->first != 0 || name->last - name->first < 1) return std::nullopt;
  if (!looks_like_person(tokens, text, *name)) return std::nullopt;
  size_t k = name->last + 1;
  if (k >= tokens.size() || !tokens[k].word) return std::nullopt;
  const Folded verb = folded(tokens[k], text);
  if (!one_of(verb, kBioVerbs)) return std::nullopt;
  ++k;
  if (k < tokens.size() && tokens[k].word) {
    const Folded art = folded(tokens[k], text);
    if (one_of(art, kBioArticles)) ++k;
  }
  BioOpening b;
  b.name = std::string(name_text(tokens, text, *name));
  b.name_begin = tokens[name->first].begin;
  b.name_end = tokens[name->last].end;
  for (size_t n = name->first; n <= name->last; ++n)
    b.name_words.emplace_back(folded(tokens[n], text).view());
  size_t role_begin = k, role_end = k;
  for (size_t r = k; r < tokens.size() && r < k + kMaxRoleWords; ++r) {
    if (!tokens[r].word) break;
    const std::string f(folded(tokens[r], text).view());
    if (stops_role(f)) break;
    if (f.size() > 6 && f.compare(f.size() - 6, 6, "-based") == 0) {
      if (role_begin == r) role_begin = r + 1;  // "Texas-based journalist" → "journalist"
    }
    if (is_role_noun(f) ||
        (f.size() > 1 && f.back() == 's' && is_role_noun(f.substr(0, f.size() - 1)))) {
      b.role_noun = true;
    }
    role_end = r + 1;
  }
  if (role_end > role_begin) {
    b.role = std::string(
        text.substr(tokens[role_begin].begin, tokens[role_end - 1].end - tokens[role_begin].begin));
  }
  return b;
}

// Whether a paragraph after the bio's first is still about the person.
bool mentions(std::string_view text, const BioOpening& who) {
  for (std::string_view word : detail::words(text)) {
    const std::string f = fold(word);
    for (const std::string& n : who.name_words) {
      if (n.size() > 2 && f == n) return true;
    }
    if (one_of(f, kPronouns)) return true;
  }
  return false;
}

void finish(Work& w, AuthorBox box, size_t first, size_t last,
            const std::optional<BioOpening>& opening) {
  Article& a = w.article;
  if (opening) {
    box.name = opening->name;
    box.role = opening->role;
  }
  for (size_t i = first; i < last; ++i) {
    if (!w.free(i)) continue;
    extend(box.range, w.blocks[i].range);
    collect_links(w.blocks[i].inlines, box.links);
    box.bio.push_back(std::move(w.blocks[i]));
    w.owner[i] = Owner::author_box;
  }
  if (opening && !box.bio.empty()) {
    box.name_range = text_range(box.bio.front().inlines, opening->name_begin, opening->name_end);
  }
  if (box.name.empty() && !a.byline.empty()) box.name = a.byline.front().name;
  a.author_box = std::move(box);
}

std::optional<BioOpening> opening_of(const Block& b) {
  if (b.kind != BlockKind::paragraph) return std::nullopt;
  return bio_opening(detail::trim_unicode(detail::plain_text(b.inlines)));
}

}  // namespace

void recognise_author_box(Work& w) {
  std::vector<Block>& blocks = w.blocks;
  const size_t n = blocks.size();
  // An "About the author" section: the heading and what stands under it.
  for (size_t i = 0; i < n; ++i) {
    if (!w.free(i) || blocks[i].kind != BlockKind::heading) continue;
    // What stands under the heading first: it is cheaper to find than the heading's label.
    size_t end = i + 1;
    while (end < n && w.free(end) && blocks[end].kind != BlockKind::heading) ++end;
    if (end == i + 1) continue;
    if (label_of(detail::plain_text(blocks[i].inlines), w.options.labels) != Label::author)
      continue;
    AuthorBox box;
    box.how = {w.markdown() ? 1.0f : 0.9f, "author-heading"};
    box.range = blocks[i].range;
    blocks[i].how = box.how;
    box.heading = part_of(std::move(blocks[i]));
    w.owner[i] = Owner::author_box;
    std::optional<BioOpening> opening = opening_of(blocks[i + 1]);
    finish(w, std::move(box), i + 1, end, opening);
    return;
  }

  // The trailing run of free paragraphs.
  size_t run = n;
  while (run > 0 && w.free(run - 1) && blocks[run - 1].kind == BlockKind::paragraph) --run;

  // Italic bio lines at the very end: `_Jane Doe is a …_` (one or several).
  size_t italic = n;
  while (italic > run && only_emphasis(blocks[italic - 1]) && opening_of(blocks[italic - 1]))
    --italic;
  if (italic < n) {
    AuthorBox box;
    box.how = {0.9f, "italic-bio-line"};
    finish(w, std::move(box), italic, n, opening_of(blocks[italic]));
    return;
  }

  // Trailing paragraphs: the earliest that opens a bio, and those after it about the person.
  for (size_t i = run; i < n; ++i) {
    std::optional<BioOpening> opening = opening_of(blocks[i]);
    if (!opening || !opening->role_noun) continue;
    size_t end = i + 1;
    while (end < n && end - i < kMaxBioParagraphs &&
           mentions(detail::plain_text(blocks[end].inlines), *opening))
      ++end;
    if (end < n && n - i > kMaxBioParagraphs) continue;  // too far from the end to be the bio
    AuthorBox box;
    box.how = {0.8f, "trailing-bio-paragraph"};
    finish(w, std::move(box), i, end, opening);
    return;
  }

  // The front matter's author_bio.
  const parse::FrontMatter& fm = w.doc.front_matter;
  if (!fm.author_bio.empty()) {
    AuthorBox box;
    box.how = {1.0f, "front-matter-author-bio"};
    if (!fm.authors.empty()) box.name = fm.authors.front();
    Block bio;
    bio.kind = BlockKind::paragraph;
    const auto end = static_cast<uint32_t>(w.src.text().size());
    bio.range = {end, end};
    Inline in;
    in.kind = InlineKind::text;
    in.text = fm.author_bio;
    in.range = bio.range;
    bio.inlines.push_back(std::move(in));
    box.range = bio.range;
    box.bio.push_back(std::move(bio));
    if (const std::optional<BioOpening> opening = bio_opening(fm.author_bio))
      box.role = opening->role;
    w.article.author_box = std::move(box);
  }
}

}  // namespace galley::structure
