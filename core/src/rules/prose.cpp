// Prose helpers shared by the rules: quotation marks, sentences and word counts over plain text.
#include "rules/prose.h"

#include <algorithm>
#include <cstring>

#include "text_util.h"

namespace galley::rules {
namespace {

constexpr char32_t kLeftDouble = 0x201C;    // “
constexpr char32_t kRightDouble = 0x201D;   // ”
constexpr char32_t kLowDouble = 0x201E;     // „
constexpr char32_t kLeftSingle = 0x2018;    // ‘
constexpr char32_t kRightSingle = 0x2019;   // ’
constexpr char32_t kLowSingle = 0x201A;     // ‚
constexpr char32_t kLeftGuillemet = 0xAB;   // «
constexpr char32_t kRightGuillemet = 0xBB;  // »
constexpr char32_t kLeftAngle = 0x2039;     // ‹
constexpr char32_t kRightAngle = 0x203A;    // ›

// A table of 256 flags, one per byte value.
struct ByteSet {
  bool has[256] = {};
  constexpr bool operator[](unsigned char b) const { return has[b]; }
};

constexpr ByteSet byte_set(std::string_view bytes, bool ascii_words = false) {
  ByteSet t;
  for (const char c : bytes) t.has[static_cast<unsigned char>(c)] = true;
  if (ascii_words) {
    for (int c = 'a'; c <= 'z'; ++c) t.has[c] = true;
    for (int c = 'A'; c <= 'Z'; ++c) t.has[c] = true;
    for (int c = '0'; c <= '9'; ++c) t.has[c] = true;
  }
  return t;
}

// ASCII letters and digits: detail::is_word_char below 0x80.
constexpr ByteSet kAsciiWord = byte_set("", true);
// The bytes split_sentences stops at: '.', '!', '?' and the lead byte of '…' (E2 80 A6).
constexpr ByteSet kSentenceStop = byte_set(".!?\xE2");

// ASCII bytes that are neither letters nor digits.
constexpr ByteSet make_ascii_other() {
  ByteSet t;
  for (int c = 0; c < 0x80; ++c) t.has[c] = !kAsciiWord[static_cast<unsigned char>(c)];
  return t;
}
constexpr ByteSet kAsciiOther = make_ascii_other();

// The bytes scan_quotes stops at once text has been seen: '"' and every non-ASCII byte.
constexpr ByteSet make_quote_stop() {
  ByteSet t;
  t.has[static_cast<unsigned char>('"')] = true;
  for (int c = 0x80; c < 0x100; ++c) t.has[c] = true;
  return t;
}
constexpr ByteSet kQuoteStop = make_quote_stop();

// Calls f(begin, end) for every word of `s`, as detail::words() splits them: runs of letters
// and digits with inner apostrophes and hyphens (' ’ - ‐ ‑). ASCII runs take a table look-up
// per byte.
template <typename F>
void for_each_word(std::string_view s, F&& f) {
  const size_t size = s.size();
  size_t i = 0;
  while (true) {
    while (i < size && kAsciiOther[static_cast<unsigned char>(s[i])]) ++i;
    if (i >= size) break;
    const size_t start = i;
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;  // an ASCII letter or digit
    } else if (!detail::is_word_char(detail::decode_utf8_multibyte(s, i))) {
      continue;
    }
    // The rest of the word; i stays one past its last character.
    while (i < size) {
      while (i < size && kAsciiWord[static_cast<unsigned char>(s[i])]) ++i;
      if (i >= size) break;
      const auto d = static_cast<unsigned char>(s[i]);
      if (d < 0x80) {
        if ((d == '\'' || d == '-') && i + 1 < size) {
          size_t m = i + 1;
          if (detail::is_word_char(detail::decode_utf8(s, m))) {
            i = m;
            continue;
          }
        }
        break;
      }
      size_t k = i;
      const char32_t c = detail::decode_utf8_multibyte(s, k);
      if (detail::is_word_char(c)) {
        i = k;
        continue;
      }
      if ((c == 0x2019 || c == 0x2010 || c == 0x2011) && k < size) {
        size_t m = k;
        if (detail::is_word_char(detail::decode_utf8(s, m))) {
          i = m;
          continue;
        }
      }
      break;
    }
    f(start, i);
  }
}

// detail::count_words(s), counted in the same pass as the rules' other byte tests.
uint32_t count_words_in(std::string_view s) {
  uint32_t n = 0;
  for_each_word(s, [&](size_t, size_t) { ++n; });
  return n;
}

void add_code_spans(const Inlines& inlines, uint32_t& at, std::vector<TextSpan>& out) {
  for (const Inline& in : inlines) {
    switch (in.kind) {
      case InlineKind::text:
        at += static_cast<uint32_t>(in.text.size());
        break;
      case InlineKind::code:
        out.push_back({at, at + static_cast<uint32_t>(in.text.size())});
        at += static_cast<uint32_t>(in.text.size());
        break;
      case InlineKind::soft_break:
      case InlineKind::line_break:
        at += 1;
        break;
      case InlineKind::html:
      case InlineKind::footnote_reference:
        break;
      default:
        add_code_spans(in.children, at, out);
        break;
    }
  }
}

char32_t at_or_zero(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  return detail::decode_utf8(s, i);
}

char32_t before_or_zero(std::string_view s, size_t i) {
  if (i == 0) return 0;
  return detail::decode_utf8_before(s, i);
}

// ‘ that stands for left-out letters rather than opening a quotation: ‘90s, ‘em, ‘cause.
bool is_elision(std::string_view s, size_t after) {
  const char32_t next = at_or_zero(s, after);
  if (next >= '0' && next <= '9') return true;
  for (std::string_view e : {"em", "cause", "til", "tis", "twas", "n", "round"}) {
    if (s.compare(after, e.size(), e) == 0) {
      const char32_t following = at_or_zero(s, after + e.size());
      if (!detail::is_word_char(following)) return true;
    }
  }
  return false;
}

struct Open {
  QuoteMark mark;
  char32_t close_a;  // the partner that closes it
  char32_t close_b;  // an alternative partner, or 0
};

bool closes(const Open& o, char32_t c) {
  return c == o.close_a || (o.close_b != 0 && c == o.close_b);
}

}  // namespace

std::vector<TextSpan> code_spans(const Inlines& inlines) {
  std::vector<TextSpan> out;
  uint32_t at = 0;
  add_code_spans(inlines, at, out);
  return out;
}

char32_t closing_mark_for(char32_t mark) {
  switch (mark) {
    case kLeftDouble:
      return kRightDouble;
    case kLowDouble:
      return kLeftDouble;
    case kLeftSingle:
      return kRightSingle;
    case kLowSingle:
      return kLeftSingle;
    case kLeftGuillemet:
      return kRightGuillemet;
    case kRightGuillemet:
      return kLeftGuillemet;
    case kLeftAngle:
      return kRightAngle;
    case kRightAngle:
      return kLeftAngle;
    default:
      return mark;
  }
}

char32_t opening_mark_for(char32_t mark) {
  switch (mark) {
    case kRightDouble:
      return kLeftDouble;
    case kRightSingle:
      return kLeftSingle;
    case kRightGuillemet:
      return kLeftGuillemet;
    case kRightAngle:
      return kLeftAngle;
    default:
      return mark;
  }
}

bool is_quote_mark(char32_t c) {
  return c == '"' || c == kLeftDouble || c == kRightDouble || c == kLowDouble || c == kLeftSingle ||
         c == kRightSingle || c == kLowSingle || c == kLeftGuillemet || c == kRightGuillemet ||
         c == kLeftAngle || c == kRightAngle;
}

namespace {

// What scan_quotes passes over once text has been seen, when it also lists the sentence stops:
// it stops at '"', non-ASCII bytes and '.', '!', '?'.
constexpr ByteSet make_quote_or_sentence_stop() {
  ByteSet t = kQuoteStop;
  for (const char c : std::string_view(".!?")) t.has[static_cast<unsigned char>(c)] = true;
  return t;
}
constexpr ByteSet kQuoteOrSentenceStop = make_quote_or_sentence_stop();

// Appends the offsets in [from, to) of `text` where split_sentences stops.
void add_stops(std::string_view text, size_t from, size_t to, std::vector<uint32_t>& stops) {
  for (size_t k = from; k < to; ++k) {
    if (kSentenceStop[static_cast<unsigned char>(text[k])])
      stops.push_back(static_cast<uint32_t>(k));
  }
}

// scan_quotes(); with kStops, it also lists in `stops` every offset of '.', '!', '?' and of
// the byte E2 (the lead byte of '…'), in order: where split_sentences stops.
template <bool kStops>
QuoteScan scan_quotes_impl(std::string_view text, const std::vector<TextSpan>& skip,
                           std::vector<uint32_t>* stops) {
  QuoteScan out;
  std::vector<Open> stack;
  uint32_t top_begin = 0;
  size_t next_skip = 0;
  bool seen_text = false;
  const auto push = [&](QuoteMark m, char32_t a, char32_t b) {
    if (stack.empty()) top_begin = m.at;
    if (!seen_text) out.opens_with_quote = true;
    stack.push_back({m, a, b});
  };
  // Closes the innermost opener that `c` closes; openers above it were never closed.
  const auto close = [&](QuoteMark m) -> bool {
    for (size_t k = stack.size(); k-- > 0;) {
      if (!closes(stack[k], m.mark)) continue;
      for (size_t j = k + 1; j < stack.size(); ++j) out.unclosed.push_back(stack[j].mark);
      stack.resize(k);
      if (stack.empty()) out.quoted.push_back({top_begin, m.at + m.length});
      return true;
    }
    return false;
  };
  size_t i = 0;
  while (i < text.size()) {
    while (next_skip < skip.size() && skip[next_skip].end <= i) ++next_skip;
    if (next_skip < skip.size() && skip[next_skip].begin <= i) {
      if constexpr (kStops) {
        add_stops(text, i, std::min<size_t>(skip[next_skip].end, text.size()), *stops);
      }
      i = skip[next_skip].end;
      seen_text = true;
      continue;
    }
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80 && byte != '"') {
      if constexpr (kStops) {
        if (kSentenceStop[byte]) stops->push_back(static_cast<uint32_t>(i));
      }
      if (!seen_text) {
        seen_text = !detail::is_space(static_cast<char>(byte));
        ++i;
        continue;
      }
      // Once text has been seen, only '"' and non-ASCII characters matter: run to the next
      // one, or to the next code span.
      const size_t limit = next_skip < skip.size()
                               ? std::min<size_t>(skip[next_skip].begin, text.size())
                               : text.size();
      ++i;
      if constexpr (kStops) {
        while (i < limit) {
          const auto b = static_cast<unsigned char>(text[i]);
          if (!kQuoteOrSentenceStop[b]) {
            ++i;
            continue;
          }
          if (kQuoteStop[b]) break;
          stops->push_back(static_cast<uint32_t>(i));  // '.', '!' or '?'
          ++i;
        }
      } else {
        while (i < limit && !kQuoteStop[static_cast<unsigned char>(text[i])]) ++i;
      }
      continue;
    }
    const size_t start = i;
    const char32_t c = detail::decode_utf8(text, i);
    if constexpr (kStops) add_stops(text, start, i, *stops);
    if (!is_quote_mark(c)) {
      if (!detail::is_unicode_space(c)) seen_text = true;
      continue;
    }
    const QuoteMark m{static_cast<uint32_t>(start), static_cast<uint32_t>(i - start), c};
    const char32_t prev = before_or_zero(text, start);
    const char32_t next = at_or_zero(text, i);
    switch (c) {
      case '"': {
        bool straight_open = false;
        for (const Open& o : stack) straight_open = straight_open || o.mark.mark == '"';
        if (straight_open) {
          close(m);
        } else {
          push(m, '"', 0);
        }
        break;
      }
      case kLeftDouble:
        if (!stack.empty() && stack.back().mark.mark == kLowDouble) {
          close(m);
        } else {
          push(m, kRightDouble, 0);
        }
        break;
      case kRightDouble:
        if (!close(m)) out.unopened.push_back(m);
        break;
      case kLowDouble:
        push(m, kLeftDouble, kRightDouble);
        break;
      case kLeftSingle:
        if (!stack.empty() && stack.back().mark.mark == kLowSingle) {
          close(m);
        } else if (!is_elision(text, i)) {
          push(m, kRightSingle, 0);
        }
        break;
      case kRightSingle:
        // Between letters, or with no ‘ open, it is an apostrophe.
        if (detail::is_word_char(prev) && detail::is_word_char(next)) break;
        close(m);
        break;
      case kLowSingle:
        push(m, kLeftSingle, kRightSingle);
        break;
      case kLeftGuillemet:
      case kLeftAngle: {
        const char32_t partner = closing_mark_for(c);
        if (!stack.empty() && stack.back().mark.mark == partner) {
          close(m);  // »…« style
        } else {
          push(m, partner, 0);
        }
        break;
      }
      case kRightGuillemet:
      case kRightAngle: {
        if (close(m)) break;
        // »Text« (German, Danish) opens with the right-pointing mark, hard against the word.
        if (detail::is_word_char(next) || is_quote_mark(next)) {
          push(m, closing_mark_for(c), 0);
        } else {
          out.unopened.push_back(m);
        }
        break;
      }
      default:
        break;
    }
    if (!stack.empty() || c != kRightSingle) seen_text = true;
  }
  if (!stack.empty()) {
    out.quoted.push_back({top_begin, static_cast<uint32_t>(text.size())});
    for (const Open& o : stack) out.unclosed.push_back(o.mark);
  }
  // Mostly in order already (each mark's offset is distinct, so any sort gives one order).
  const auto before = [](const QuoteMark& a, const QuoteMark& b) { return a.at < b.at; };
  if (!std::is_sorted(out.unclosed.begin(), out.unclosed.end(), before)) {
    std::sort(out.unclosed.begin(), out.unclosed.end(), before);
  }
  return out;
}

}  // namespace

QuoteScan scan_quotes(std::string_view text, const std::vector<TextSpan>& skip) {
  return scan_quotes_impl<false>(text, skip, nullptr);
}

QuoteScan scan_quotes(std::string_view text, const std::vector<TextSpan>& skip,
                      std::vector<uint32_t>& stops) {
  stops.clear();
  return scan_quotes_impl<true>(text, skip, &stops);
}

namespace {

bool is_terminal(char32_t c) { return c == '.' || c == '!' || c == '?' || c == 0x2026; }

bool is_closer(char32_t c) {
  return c == kRightDouble || c == kRightSingle || c == '"' || c == '\'' || c == ')' || c == ']' ||
         c == kRightGuillemet || c == kRightAngle || c == kLeftDouble;
}

bool is_opener(char32_t c) {
  return c == kLeftDouble || c == kLowDouble || c == kLeftSingle || c == kLowSingle || c == '"' ||
         c == '\'' || c == '(' || c == '[' || c == kLeftGuillemet || c == kRightGuillemet ||
         c == kLeftAngle;
}

// Abbreviations whose period does not end a sentence.
bool is_abbreviation(std::string_view token) {
  static constexpr std::string_view kList[] = {
      "mr",   "mrs",  "ms",   "dr",  "prof", "sen", "rep", "gov",  "gen",  "lt",     "col",
      "capt", "cmdr", "sgt",  "st",  "jr",   "sr",  "no",  "vs",   "etc",  "approx", "jan",
      "feb",  "aug",  "sept", "sep", "oct",  "nov", "dec", "mt",   "ft",   "ave",    "blvd",
      "fig",  "vol",  "pp",   "ca",  "cf",   "rev", "hon", "pres", "supt", "det",    "adm"};
  if (token.size() > 6) return false;
  // The list is lower-case ASCII: compare with the token's ASCII letters lowered.
  char lower[6];
  for (size_t i = 0; i < token.size(); ++i) {
    const char c = token[i];
    lower[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  const std::string_view key(lower, token.size());
  for (std::string_view a : kList) {
    if (a.size() == key.size() && a[0] == key[0] && a == key) return true;
  }
  return false;
}

// Words that, capitalised after an acronym such as "U.S.", start a new sentence.
bool is_sentence_starter(std::string_view word) {
  static constexpr std::string_view kList[] = {
      "The",       "A",       "An",    "It",    "He",    "She",   "They",  "We",
      "I",         "This",    "That",  "These", "Those", "But",   "And",   "In",
      "On",        "At",      "For",   "If",    "When",  "While", "After", "Its",
      "His",       "Her",     "Their", "There", "Some",  "Many",  "Most",  "Officials",
      "Meanwhile", "However", "Still", "Yet",   "So",    "As",    "Our",   "Your"};
  for (std::string_view s : kList) {
    if (s.size() == word.size() && s[0] == word[0] && s == word) return true;
  }
  return false;
}

// The first word at or after `at` (letters and digits with inner apostrophes and hyphens).
std::string_view first_word_at(std::string_view text, size_t at) {
  size_t i = at;
  while (i < text.size()) {
    size_t k = i;
    if (detail::is_word_char(detail::decode_utf8(text, k))) break;
    i = k;
  }
  if (i >= text.size()) return {};
  const size_t begin = i;
  size_t end = i;
  while (i < text.size()) {
    size_t k = i;
    const char32_t c = detail::decode_utf8(text, k);
    if (detail::is_word_char(c)) {
      i = end = k;
      continue;
    }
    const bool joiner = c == '\'' || c == kRightSingle || c == '-' || c == 0x2010 || c == 0x2011;
    size_t m = k;
    if (joiner && k < text.size() && detail::is_word_char(detail::decode_utf8(text, m))) {
      i = end = m;
      continue;
    }
    break;
  }
  return text.substr(begin, end - begin);
}

// Whether the period at `dot` belongs to an abbreviation and so does not end a sentence,
// given that the next sentence would start at `next`.
bool abbreviation_period(std::string_view text, size_t dot, size_t next) {
  size_t b = dot;
  while (b > 0) {
    const auto x = static_cast<unsigned char>(text[b - 1]);
    if (x < 0x80) {
      if (!kAsciiWord[x] && x != '.') break;
      --b;
      continue;
    }
    size_t k = b;
    const char32_t c = detail::decode_utf8_before(text, k);
    if (!detail::is_word_char(c) && c != '.') break;
    b = k;
  }
  const std::string_view token = text.substr(b, dot - b);
  if (token.empty()) return false;
  if (token.find('.') != std::string_view::npos) {
    // An acronym (U.S., a.m.): a sentence ends there only if a typical opener follows.
    return !is_sentence_starter(first_word_at(text, next));
  }
  size_t k = 0;
  const char32_t first = detail::decode_utf8(token, k);
  if (k == token.size() && detail::is_upper(first)) return true;  // an initial: "Morgan J. Carter"
  return is_abbreviation(token);
}

}  // namespace

std::vector<Sentence> split_sentences(std::string_view text, const std::vector<TextSpan>& quoted) {
  std::vector<uint32_t> stops;
  add_stops(text, 0, text.size(), stops);
  std::vector<Sentence> out;
  split_sentences(text, quoted, stops, out);
  return out;
}

void split_sentences(std::string_view text, const std::vector<TextSpan>& quoted,
                     const std::vector<uint32_t>& stops, std::vector<Sentence>& out) {
  const size_t first = out.size();
  size_t start = 0;
  const auto skip_space = [&](size_t i) {
    while (i < text.size()) {
      size_t k = i;
      const char32_t c = detail::decode_utf8(text, k);
      if (!detail::is_unicode_space(c) && c != '\n') break;
      i = k;
    }
    return i;
  };
  const auto emit = [&](size_t b, size_t e) {
    if (e <= b) return;
    Sentence s;
    s.begin = static_cast<uint32_t>(b);
    s.end = static_cast<uint32_t>(e);
    out.push_back(s);
  };
  start = skip_space(0);
  size_t i = start;
  size_t next_stop = 0;
  while (true) {
    // Most bytes are neither '.', '!', '?' nor the lead byte of '…' (E2 80 A6): go to the
    // next one that is.
    while (next_stop < stops.size() && stops[next_stop] < i) ++next_stop;
    if (next_stop >= stops.size()) break;
    i = stops[next_stop];
    const size_t here = i;
    const char32_t c = detail::decode_utf8(text, i);
    if (!is_terminal(c)) continue;
    size_t j = i;
    bool single_dot = c == '.';
    while (j < text.size()) {
      size_t k = j;
      const char32_t d = detail::decode_utf8(text, k);
      if (!is_terminal(d)) break;
      single_dot = false;
      j = k;
    }
    while (j < text.size()) {
      size_t k = j;
      const char32_t d = detail::decode_utf8(text, k);
      if (!is_closer(d)) break;
      j = k;
    }
    const size_t next = skip_space(j);
    if (next < text.size()) {
      if (next == j) {
        i = j;
        continue;  // no space after: "3.5", "example.com", "?!"
      }
      size_t k = next;
      const char32_t n = detail::decode_utf8(text, k);
      if (!detail::is_upper(n) && !(n >= '0' && n <= '9') && !is_opener(n)) {
        i = j;
        continue;
      }
      if (single_dot && abbreviation_period(text, here, next)) {
        i = j;
        continue;
      }
    }
    emit(start, j);
    start = next;
    i = next;
  }
  emit(start, text.size());
  // Words outside quotations, and how each sentence starts.
  size_t q = 0;
  for (size_t m = first; m < out.size(); ++m) {
    Sentence& s = out[m];
    while (q < quoted.size() && quoted[q].end <= s.begin) ++q;
    s.starts_quoted = q < quoted.size() && quoted[q].begin <= s.begin;
    uint32_t at = s.begin;
    size_t k = q;
    while (at < s.end) {
      if (k < quoted.size() && quoted[k].begin <= at) {
        at = std::max(at, quoted[k].end);
        ++k;
        continue;
      }
      const uint32_t gap_end = k < quoted.size() ? std::min(quoted[k].begin, s.end) : s.end;
      const std::string_view gap = text.substr(at, gap_end - at);
      const uint32_t n = count_words_in(gap);
      if (n > 0 && s.first.empty() && !s.starts_quoted) s.first = first_word_at(gap, 0);
      s.words += n;
      at = gap_end;
    }
  }
}

uint32_t words_outside(std::string_view text, const std::vector<TextSpan>& quoted) {
  uint32_t n = 0;
  uint32_t at = 0;
  for (const TextSpan& q : quoted) {
    if (q.begin > at) n += detail::count_words(text.substr(at, q.begin - at));
    at = std::max(at, q.end);
  }
  if (at < text.size()) n += detail::count_words(text.substr(at));
  return n;
}

uint32_t count_chars(std::string_view s) {
  uint32_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

std::string normalise_words(std::string_view s) {
  // Written by index into a string of the input's size, which is enough for valid UTF-8: each
  // character becomes itself or one byte, and one space stands for the bytes between two
  // words. Only a character the decoder replaced (invalid input) can be longer than what it
  // read; the string then grows. (Appending byte by byte was a call per byte in WebAssembly.)
  std::string out(s.size(), '\0');
  size_t n = 0;
  for_each_word(s, [&](size_t begin, size_t end) {
    if (n > 0) out[n++] = ' ';
    size_t i = begin;
    while (i < end) {
      const auto b = static_cast<unsigned char>(s[i]);
      if (b < 0x80) {
        out[n++] = b >= 'A' && b <= 'Z' ? static_cast<char>(b - 'A' + 'a') : static_cast<char>(b);
        ++i;
        continue;
      }
      const char32_t c = detail::decode_utf8(s, i);
      if (c == kRightSingle) {
        out[n++] = '\'';
      } else if (c == 0x2010 || c == 0x2011) {
        out[n++] = '-';
      } else if (c >= 'A' && c <= 'Z') {
        out[n++] = static_cast<char>(c - 'A' + 'a');
      } else {
        char utf8[4];
        const size_t len = detail::encode_utf8(c, utf8);
        if (n + len > out.size()) out.resize(n + len + (s.size() - i));
        std::memcpy(out.data() + n, utf8, len);
        n += len;
      }
    }
  });
  out.resize(n);
  return out;
}

std::string excerpt(std::string_view s, size_t max_words) {
  s = detail::trim_unicode(s);
  // Where the last word kept ends, and whether a word follows it.
  size_t words = 0;
  size_t end = s.size();
  detail::for_each_word(s, [&](size_t, size_t e) {
    if (++words == max_words) end = e;
  });
  if (words <= max_words) return std::string(s);
  return detail::cat({s.substr(0, end), "\xE2\x80\xA6"});
}

bool is_body_prose(TextBlock::Role role) {
  switch (role) {
    case TextBlock::Role::paragraph:
    case TextBlock::Role::dek:
    case TextBlock::Role::item:
    case TextBlock::Role::takeaway:
    case TextBlock::Role::bio:
      return true;
    default:
      return false;
  }
}

bool ends_with_abbreviation(std::string_view text) {
  text = detail::trim_unicode(text);
  if (text.empty() || text.back() != '.') return false;
  if (text.size() >= 2 && text[text.size() - 2] == '.') return false;  // an ellipsis
  return abbreviation_period(text, text.size() - 1, text.size());
}

SourceRange link_range(const detail::SourceText& source, const Inline& link) {
  const std::string& s = source.text();
  const SourceRange r = link.range;
  if (r.begin > r.end || r.end > s.size() || r.begin >= s.size()) return r;
  constexpr uint32_t kMaxScan = 4096;
  // The node's range starts at, or just inside, its opening bracket, or where the previous
  // inline ended (before a line break or a block quote marker).
  uint32_t open = r.begin;
  while (open < s.size() && open - r.begin < 64 && (detail::is_space(s[open]) || s[open] == '>'))
    ++open;
  if (open >= s.size() || (s[open] != '[' && s[open] != '!' && s[open] != '<')) open = r.begin;
  if (s[open] == '!' && open + 1 < s.size() && s[open + 1] == '[') {
    ++open;
  } else if (s[open] == '<') {
    const size_t close = s.find('>', open);  // an autolink
    return close == std::string::npos || close - open > kMaxScan
               ? r
               : SourceRange{open, static_cast<uint32_t>(close + 1)};
  } else if (s[open] != '[') {
    if (open == 0 || s[open - 1] != '[') return r;
    --open;
  }
  const bool bang = open > 0 && s[open - 1] == '!';
  const uint32_t begin = link.kind == InlineKind::image && bang ? open - 1 : open;
  // The matching closing bracket, then a destination in parentheses or a reference label.
  const auto match = [&](uint32_t from, char o, char c) -> uint32_t {
    int depth = 0;
    for (uint32_t k = from; k < s.size() && k - from < kMaxScan; ++k) {
      if (s[k] == '\\') {
        ++k;
        continue;
      }
      if (s[k] == '\n' && k + 1 < s.size() && s[k + 1] == '\n') return 0;  // a paragraph ends
      if (s[k] == o) ++depth;
      if (s[k] == c && --depth == 0) return k + 1;
    }
    return 0;
  };
  const uint32_t text_end = match(open, '[', ']');
  if (text_end == 0 || text_end < r.end) return r;
  uint32_t end = text_end;
  if (end < s.size() && (s[end] == '(' || s[end] == '[')) {
    const uint32_t dest_end = match(end, s[end], s[end] == '(' ? ')' : ']');
    if (dest_end != 0) end = dest_end;
  }
  return {begin, end};
}

std::string line_text(const detail::SourceText& source, uint32_t offset) {
  return "line " + std::to_string(source.line_of(offset));
}

}  // namespace galley::rules
