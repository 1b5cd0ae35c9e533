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

// What the tokenizer needs to know of a character, as bits.
enum CharFlag : uint8_t {
  kWord = 1,     // a letter or digit
  kLetter = 2,   // a letter
  kLower = 4,    // a lower-case letter
  kUpper = 8,    // an upper-case letter
  kSpace = 16,   // whitespace between tokens
  kJoiner = 32,  // ' ’ - ‐ ‑: inside a word when a letter or digit follows
  kHigh = 64,    // a byte of a multibyte sequence: decode it
};

constexpr detail::ByteTable kBytes = detail::make_byte_table([](unsigned char c) -> uint8_t {
  if (c >= 0x80) return kHigh;
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return kSpace;
  if (c >= '0' && c <= '9') return kWord;
  if (c >= 'a' && c <= 'z') return kWord | kLetter | kLower;
  if (c >= 'A' && c <= 'Z') return kWord | kLetter | kUpper;
  if (c == '\'' || c == '-') return kJoiner;
  return 0;
});

// The flags of a decoded code point (any, also an overlong ASCII one).
uint8_t flags_of(char32_t c) {
  if (detail::is_unicode_space(c) || c == '\n' || c == '\r' || c == '\f' || c == '\v')
    return kSpace;
  if (!detail::is_word_char(c)) return is_joiner(c) ? kJoiner : 0;
  uint8_t f = kWord;
  if (is_letter(c)) f |= kLetter;
  if (is_lower(c)) f |= kLower;
  if (detail::is_upper(c)) f |= kUpper;
  return f;
}

// Letters in s[begin, end), counted up to two.
size_t letters_in(std::string_view s, size_t begin, size_t end) {
  size_t n = 0;
  for (size_t i = begin; i < end && n < 2;) {
    if (is_letter(detail::decode_utf8(s, i))) ++n;
  }
  return n;
}

}  // namespace

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> out;
  out.reserve(s.size() / 5 + 4);
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t size = s.size();
  size_t i = 0;
  bool space = true;
  while (i < size) {
    const size_t start = i;
    uint8_t f = kBytes.of[p[i]];
    char32_t c;
    if (f & kHigh) {
      size_t k = i;  // i stays in a register: only copies of it are passed by reference
      c = detail::decode_utf8_multibyte(s, k);
      i = k;
      f = flags_of(c);
    } else {
      c = p[i];
      ++i;
    }
    if (f & kSpace) {
      space = true;
      continue;
    }
    Token t;
    t.begin = static_cast<uint32_t>(start);
    t.space_before = space;
    space = false;
    if (!(f & kWord)) {
      t.cp = c;
      t.end = static_cast<uint32_t>(i);
      out.push_back(t);
      continue;
    }
    t.word = true;
    t.upper = (f & kUpper) != 0;
    const size_t first_end = i;  // a word of one character may be an initial
    uint8_t seen = f;            // the flags of every letter and digit of the word
    for (;;) {
      while (i < size && (kBytes.of[p[i]] & kWord)) seen |= kBytes.of[p[i++]];
      if (i >= size) break;
      size_t k = i;
      if (kBytes.of[p[i]] & kHigh) {
        const char32_t e = detail::decode_utf8_multibyte(s, k);
        const uint8_t g = flags_of(e);
        if (g & kWord) {
          seen |= g;
          i = k;
          continue;
        }
        if (!(g & kJoiner)) break;
      } else {
        if (!(kBytes.of[p[i]] & kJoiner)) break;
        k = i + 1;
      }
      if (k >= size) break;
      size_t m = k;
      if (!detail::is_word_char(detail::decode_utf8(s, m))) break;
      i = k;
    }
    size_t end = i;
    // All upper case: two or more letters and none lower-case ("KYIV").
    t.all_upper =
        !(seen & kLower) && (seen & kLetter) && end > first_end && letters_in(s, start, end) >= 2;
    // An initial ("J.") or letters separated by dots ("U.S.", "a.m.") is one token.
    if (end == first_end && (f & kLetter) && end < size && s[end] == '.') {
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
    const size_t n = end - start;
    t.possessive = n > 2 && p[end - 1] == 's' &&
                   (p[end - 2] == '\'' ||
                    (n > 4 && p[end - 4] == 0xE2 && p[end - 3] == 0x80 && p[end - 2] == 0x99));
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
    const Token& t = tokens[i];
    // Only a final mark may end a sentence: words and other marks are passed over here.
    if (t.word || (t.cp != '.' && t.cp != '!' && t.cp != '?' && t.cp != 0x2026)) continue;
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
