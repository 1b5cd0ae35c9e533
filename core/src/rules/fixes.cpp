// Choosing and applying fixes: exact, non-overlapping edits that never remove a word.
#include "rules/fixes.h"

#include <algorithm>

#include "text_util.h"

namespace galley::rules {
namespace {

bool is_joiner(char32_t c) {
  return c == '\'' || c == 0x2019 || c == '-' || c == 0x2010 || c == 0x2011;
}

bool is_continuation(std::string_view text, uint32_t at) {
  return at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80;
}

// Runs of letters and digits, lower-cased: a change of apostrophe, hyphen or dash between
// them ("2014-2022" to "2014–2022", "it's" to "it’s") keeps every piece of every word.
std::vector<std::string> word_pieces(std::string_view s) {
  std::vector<std::string> out;
  std::string piece;
  size_t i = 0;
  while (i < s.size()) {
    const char32_t c = detail::decode_utf8(s, i);
    if (detail::is_word_char(c)) {
      detail::append_utf8(piece, c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    } else if (!piece.empty()) {
      out.push_back(std::move(piece));
      piece.clear();
    }
  }
  if (!piece.empty()) out.push_back(std::move(piece));
  return out;
}

}  // namespace

bool keeps_words(std::string_view text, SourceRange range, std::string_view replacement) {
  // Widen to the whole words the edit touches, so that joining or splitting words shows.
  size_t left = range.begin;
  while (left > 0) {
    size_t k = left;
    const char32_t c = detail::decode_utf8_before(text, k);
    if (!detail::is_word_char(c) && !is_joiner(c)) break;
    left = k;
  }
  size_t right = range.end;
  while (right < text.size()) {
    size_t k = right;
    const char32_t c = detail::decode_utf8(text, k);
    if (!detail::is_word_char(c) && !is_joiner(c)) break;
    right = k;
  }
  const std::string_view before = text.substr(left, right - left);
  std::string after(text.substr(left, range.begin - left));
  after += replacement;
  after += text.substr(range.end, right - range.end);
  const std::vector<std::string> old_words = word_pieces(before);
  const std::vector<std::string> new_words = word_pieces(after);
  size_t k = 0;
  for (const std::string& w : new_words) {
    if (k < old_words.size() && w == old_words[k]) ++k;
  }
  return k == old_words.size();
}

std::vector<const Diagnostic*> choose_fixes(std::string_view text,
                                            const std::vector<Diagnostic>& diagnostics) {
  std::vector<const Diagnostic*> fixes;
  for (const Diagnostic& d : diagnostics) {
    if (!d.fix) continue;
    const SourceRange r = d.fix->range;
    if (r.begin > r.end || r.end > text.size()) continue;
    if (is_continuation(text, r.begin) || is_continuation(text, r.end)) continue;
    if (text.substr(r.begin, r.end - r.begin) == d.fix->text) continue;  // changes nothing
    if (!keeps_words(text, r, d.fix->text)) continue;
    fixes.push_back(&d);
  }
  std::stable_sort(fixes.begin(), fixes.end(), [](const Diagnostic* x, const Diagnostic* y) {
    if (x->fix->range.begin != y->fix->range.begin)
      return x->fix->range.begin < y->fix->range.begin;
    return x->fix->range.end < y->fix->range.end;
  });
  std::vector<const Diagnostic*> chosen;
  uint32_t reach = 0;
  for (const Diagnostic* d : fixes) {
    const SourceRange r = d->fix->range;
    if (!chosen.empty()) {
      const SourceRange last = chosen.back()->fix->range;
      if (r.begin < reach) continue;
      if (r.empty() && last.empty() && r.begin == last.begin) continue;
    }
    chosen.push_back(d);
    reach = std::max(reach, r.end);
  }
  return chosen;
}

std::string apply_fixes(std::string_view text, const std::vector<const Diagnostic*>& chosen) {
  std::string out;
  out.reserve(text.size() + 64);
  size_t at = 0;
  for (const Diagnostic* d : chosen) {
    const SourceRange r = d->fix->range;
    out.append(text.substr(at, r.begin - at));
    out += d->fix->text;
    at = r.end;
  }
  out.append(text.substr(at));
  return out;
}

}  // namespace galley::rules
