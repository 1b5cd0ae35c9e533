// Dateline recogniser: the "KYIV, Ukraine (AP) —" prefix of a wire story's first paragraph.
// The words stay in the paragraph; the dateline points at them.
#include "structure/parts.h"
#include "text_util.h"

namespace galley::structure {
namespace {

// A dateline is a few words before a dash near the start.
constexpr size_t kMaxPrefix = 90;

struct Dash {
  size_t begin = 0;  // where the dash (and the space before it) starts
  size_t end = 0;    // after the dash and the space after it
};

// The first dash that follows the place: " — ", " – ", " - ", " -- " or an unspaced em dash.
bool find_dash(std::string_view s, Dash& d) {
  const size_t limit = std::min(s.size(), kMaxPrefix);
  for (size_t i = 1; i < limit; ++i) {
    // Only the first byte of a dash opens the closer looks (they are calls in WebAssembly).
    if (s[i] != '\xE2' && s[i] != '-') continue;
    size_t len = 0;
    if (s.compare(i, 3, "\xE2\x80\x94") == 0 || s.compare(i, 3, "\xE2\x80\x93") == 0) {
      len = 3;
    } else if (s.compare(i, 2, "--") == 0) {
      len = 2;
    } else if (s[i] == '-' && s[i - 1] == ' ' && i + 1 < s.size() && s[i + 1] == ' ') {
      len = 1;
    }
    if (len == 0) continue;
    size_t b = i;
    while (b > 0 && s[b - 1] == ' ') --b;
    size_t e = i + len;
    while (e < s.size() && s[e] == ' ') ++e;
    if (e >= s.size()) return false;
    d = {b, e};
    return true;
  }
  return false;
}

bool has_lower(std::string_view w) {
  for (char c : w) {
    if (c >= 'a' && c <= 'z') return true;
  }
  return false;
}

}  // namespace

void recognise_dateline(Work& w) {
  Article& a = w.article;
  const Inlines* inlines = nullptr;
  if (a.dek && !a.dek->range.empty() && a.dek->how.reason.rfind("front-matter", 0) != 0) {
    inlines = &a.dek->inlines;
  } else {
    for (size_t i = 0; i < w.blocks.size(); ++i) {
      if (!w.free(i)) continue;
      if (w.blocks[i].kind == BlockKind::paragraph) inlines = &w.blocks[i].inlines;
      break;
    }
  }
  if (!inlines) return;
  const detail::TextMap map(*inlines);
  const std::string_view text = map.text();
  Dash dash;
  if (!find_dash(text, dash)) return;
  const std::string_view prefix = text.substr(0, dash.begin);
  if (prefix.empty() || !detail::is_upper(static_cast<unsigned char>(prefix[0]))) return;

  // PLACE[, Region][ (AGENCY)]: the place in capitals, or any capitalised place with an agency.
  const size_t paren = prefix.find('(');
  bool agency = false;
  std::string_view place_part = prefix;
  if (paren != std::string_view::npos) {
    const size_t close = prefix.find(')', paren);
    if (close == std::string_view::npos || detail::trim(prefix.substr(close + 1)).size() > 0)
      return;
    const std::string_view inside = prefix.substr(paren + 1, close - paren - 1);
    if (inside.empty() || detail::count_words(inside) > 3) return;
    agency = true;
    place_part = detail::trim(prefix.substr(0, paren));
  }
  const size_t comma = place_part.find(',');
  const std::string_view place = detail::trim(place_part.substr(0, comma));
  if (place.empty() || detail::count_words(place) > 4) return;
  const bool capitals = !has_lower(place) && detail::count_words(place) >= 1 && place.size() >= 2;
  for (std::string_view word : detail::words(place_part)) {
    size_t k = 0;
    const char32_t c = detail::decode_utf8(word, k);
    if (!detail::is_upper(c) && !(c >= '0' && c <= '9')) return;  // every word capitalised
  }
  if (detail::count_words(place_part) > 8) return;
  if (!capitals && !agency) return;

  std::string_view dateline = text.substr(0, dash.end);
  dateline = detail::trim(dateline);
  a.dateline = std::string(dateline);
  a.dateline_range = map.source_range(0, static_cast<uint32_t>(dateline.size()));
  a.dateline_how = {capitals && agency ? 0.95f : capitals ? 0.9f : 0.75f, "dateline-prefix"};
}

}  // namespace galley::structure
