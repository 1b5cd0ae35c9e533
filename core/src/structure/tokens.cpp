// Tokens, sentences and names: one linear pass per text, no regular expressions.
#include "structure/tokens.h"

#include "structure/lexicon.h"
#include "text_util.h"

namespace galley::structure {
namespace {

bool is_joiner(char32_t c) {
  return c == '\'' || c == 0x2019 || c == '-' || c == 0x2010 || c == 0x2011;
}

bool is_lower(char32_t c) {
  if (c >= 'a' && c <= 'z') return true;
  if (c >= 0xDF && c <= 0xFF && c != 0xF7) return true;
  if (c >= 0x100 && c <= 0x17F) return (c % 2) == 1;
  return false;
}

bool is_letter(char32_t c) { return detail::is_word_char(c) && !(c >= '0' && c <= '9'); }

}  // namespace

bool is_opening_quote(char32_t c) {
  return c == 0x201C || c == '"' || c == 0x201E || c == 0xAB || c == 0xBB;
}

bool is_closing_quote(char32_t c) {
  return c == 0x201D || c == '"' || c == 0x201C || c == 0xBB || c == 0xAB;
}

namespace {

// Classes of ASCII bytes for the tokenizer.
enum AsciiClass : uint8_t { kOther, kSpace, kDigit, kLower, kUpper, kJoiner };

struct AsciiTable {
  uint8_t of[128];
};

constexpr AsciiTable ascii_table() {
  AsciiTable t{};
  for (int c = 0; c < 128; ++c) {
    uint8_t v = kOther;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') v = kSpace;
    if (c >= '0' && c <= '9') v = kDigit;
    if (c >= 'a' && c <= 'z') v = kLower;
    if (c >= 'A' && c <= 'Z') v = kUpper;
    if (c == '\'' || c == '-') v = kJoiner;
    t.of[c] = v;
  }
  return t;
}

constexpr AsciiTable kAscii = ascii_table();

}  // namespace

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> out;
  out.reserve(s.size() / 5 + 4);
  const size_t size = s.size();
  size_t i = 0;
  bool space = true;
  while (i < size) {
    const size_t start = i;
    const auto b = static_cast<unsigned char>(s[i]);
    char32_t c;
    if (b < 0x80) {
      ++i;
      c = b;
      if (kAscii.of[b] == kSpace) {
        space = true;
        continue;
      }
    } else {
      c = detail::decode_utf8_multibyte(s, i);
      if (detail::is_unicode_space(c) || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
        space = true;
        continue;
      }
    }
    Token t;
    t.begin = static_cast<uint32_t>(start);
    t.space_before = space;
    space = false;
    if (!detail::is_word_char(c)) {
      t.cp = c;
      t.end = static_cast<uint32_t>(i);
      out.push_back(t);
      continue;
    }
    t.word = true;
    t.upper = detail::is_upper(c);
    size_t letters = is_letter(c) ? 1 : 0, lowers = is_lower(c) ? 1 : 0, chars = 1;
    size_t end = i;
    while (i < size) {
      const auto d = static_cast<unsigned char>(s[i]);
      size_t k = i;
      if (d < 0x80) {
        const uint8_t cls = kAscii.of[d];
        if (cls == kDigit || cls == kLower || cls == kUpper) {
          letters += cls != kDigit ? 1 : 0;
          lowers += cls == kLower ? 1 : 0;
          ++chars;
          end = ++i;
          continue;
        }
        if (cls != kJoiner) break;
        k = i + 1;
      } else {
        const char32_t e = detail::decode_utf8_multibyte(s, k);
        if (detail::is_word_char(e)) {
          letters += is_letter(e) ? 1 : 0;
          lowers += is_lower(e) ? 1 : 0;
          ++chars;
          i = end = k;
          continue;
        }
        if (!is_joiner(e)) break;
      }
      if (k >= size) break;
      size_t m = k;
      if (!detail::is_word_char(detail::decode_utf8(s, m))) break;
      i = end = k;
      ++chars;
    }
    // An initial ("J.") or letters separated by dots ("U.S.", "a.m.") is one token.
    if (chars == 1 && is_letter(c) && end < size && s[end] == '.') {
      size_t k = end + 1, pieces = 1, last = end + 1;
      while (k < size) {
        size_t m = k;
        const char32_t d = detail::decode_utf8(s, m);
        if (!is_letter(d) || m >= size || s[m] != '.') break;
        ++pieces;
        last = k = m + 1;
      }
      if (t.upper || pieces >= 2) {
        end = last;
        t.initial = true;
      }
    }
    t.end = static_cast<uint32_t>(end);
    t.all_upper = letters >= 2 && lowers == 0;
    const std::string_view w = s.substr(start, end - start);
    t.possessive = w.size() > 2 && (w.substr(w.size() - 2) == "'s" ||
                                    (w.size() > 4 && w.substr(w.size() - 4) == "\xE2\x80\x99s"));
    out.push_back(t);
    i = end;
  }
  return out;
}

Folded folded(const Token& t, std::string_view text) {
  return Folded(text.substr(t.begin, t.end - t.begin));
}

bool ends_sentence_at(const std::vector<Token>& tokens, std::string_view text, size_t i) {
  const Token& t = tokens[i];
  if (t.word) return false;
  if (t.cp != '.' && t.cp != '!' && t.cp != '?' && t.cp != 0x2026) return false;
  if (t.cp == '.' && i > 0 && tokens[i - 1].word && !t.space_before) {
    if (is_abbreviation(folded(tokens[i - 1], text))) return false;
  }
  size_t j = i + 1;
  while (j < tokens.size() && !tokens[j].word &&
         (is_closing_quote(tokens[j].cp) || tokens[j].cp == ')' || tokens[j].cp == 0x2019 ||
          tokens[j].cp == '.' || tokens[j].cp == '!' || tokens[j].cp == '?') &&
         !tokens[j].space_before) {
    ++j;
  }
  if (j >= tokens.size()) return true;
  const Token& n = tokens[j];
  if (!n.space_before) return false;
  if (n.word) return n.upper || (text[n.begin] >= '0' && text[n.begin] <= '9');
  return is_opening_quote(n.cp) || n.cp == '(' || n.cp == 0x2014 || n.cp == 0x2013;
}

std::vector<uint32_t> sentence_starts(const std::vector<Token>& tokens, std::string_view text) {
  std::vector<uint32_t> starts(tokens.size());
  uint32_t start = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    starts[i] = start;
    if (!ends_sentence_at(tokens, text, i)) continue;
    size_t j = i + 1;
    while (j < tokens.size() && !tokens[j].word && !tokens[j].space_before) starts[j++] = start;
    i = j - 1;
    start = static_cast<uint32_t>(j);
  }
  return starts;
}

namespace {

bool name_word(const Token& t, std::string_view text) {
  if (!t.word) return false;
  if (t.upper) return true;
  return is_name_particle(text.substr(t.begin, t.end - t.begin));
}

// Trims a run [b, e] to the name: drops leading stop words and everything up to the last
// title word; refuses runs that end in a particle or hold more than four words.
std::optional<NameSpan> trim_run(const std::vector<Token>& tokens, std::string_view text, size_t b,
                                 size_t e) {
  while (b <= e && !tokens[b].upper) ++b;  // a run never starts with a particle
  if (b > e) return std::nullopt;
  size_t start = b;
  // The last word is always kept: surnames such as Green, King or White are also titles.
  for (size_t k = b; k < e; ++k) {
    const Folded w = folded(tokens[k], text);
    if (is_title_word(w) || (k == start && is_name_stopword(w))) start = k + 1;
  }
  while (start <= e && !tokens[start].upper) ++start;
  if (start > e) return std::nullopt;
  if (!tokens[e].upper) return std::nullopt;
  if (e - start + 1 > 4) start = e - 3;  // a long run: the name is its end
  for (size_t k = start; k <= e; ++k) {
    if (tokens[k].possessive && k != e) return std::nullopt;
  }
  return NameSpan{start, e};
}

}  // namespace

std::optional<NameSpan> name_ending_at(const std::vector<Token>& tokens, std::string_view text,
                                       size_t end) {
  if (end >= tokens.size() || !tokens[end].word || !tokens[end].upper || tokens[end].possessive)
    return std::nullopt;
  size_t b = end;
  while (b > 0 && name_word(tokens[b - 1], text) && !tokens[b - 1].possessive &&
         tokens[b].space_before)
    --b;
  return trim_run(tokens, text, b, end);
}

std::optional<NameSpan> name_starting_at(const std::vector<Token>& tokens, std::string_view text,
                                         size_t start) {
  if (start >= tokens.size() || !tokens[start].word || !tokens[start].upper) return std::nullopt;
  size_t e = start;
  while (e + 1 < tokens.size() && name_word(tokens[e + 1], text) && tokens[e + 1].space_before &&
         !tokens[e].possessive && e - start < 6) {
    ++e;
  }
  while (e > start && !tokens[e].upper) --e;  // no trailing particle
  if (tokens[e].possessive) return std::nullopt;
  return trim_run(tokens, text, start, e);
}

bool looks_like_person(const std::vector<Token>& tokens, std::string_view text, NameSpan n) {
  if (n.last - n.first + 1 > 4) return false;
  for (size_t k = n.first; k <= n.last; ++k) {
    const Folded w = folded(tokens[k], text);
    if (k > n.first && is_name_particle(w)) continue;  // "Yannick Le Bihan", "Pietro De Cristofaro"
    if (is_organisation_word(w) || is_name_stopword(w) || is_title_word(w) || is_date_word(w))
      return false;
    if (tokens[k].all_upper && !tokens[k].initial && tokens[k].end - tokens[k].begin <= 4 &&
        n.first == n.last) {
      return false;  // "NATO", "EU"
    }
  }
  return true;
}

std::string_view name_text(const std::vector<Token>& tokens, std::string_view text, NameSpan n) {
  return text.substr(tokens[n.first].begin, tokens[n.last].end - tokens[n.first].begin);
}

}  // namespace galley::structure
