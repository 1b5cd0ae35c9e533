// Small text helpers shared by parsers, recognisers, rules and renderers.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "galley/article.h"

namespace galley::detail {

/// ASCII whitespace (space, tab, CR, LF, FF, VT).
inline bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
/// Trims ASCII whitespace on both sides.
std::string_view trim(std::string_view s);
/// Trims ASCII whitespace and Unicode spaces (NBSP, thin spaces…) on both sides.
std::string_view trim_unicode(std::string_view s);
/// Splits on any of `separators`, dropping empty pieces.
std::vector<std::string_view> split_words(std::string_view s, std::string_view separators);
/// ASCII lowercase copy.
std::string to_lower_ascii(std::string_view s);
/// Case-insensitive (ASCII) prefix test.
bool starts_with_ci(std::string_view s, std::string_view prefix);
/// Case-insensitive (ASCII) equality.
bool equals_ci(std::string_view a, std::string_view b);

/// Decodes a code point of two or more bytes at s[i] (see decode_utf8).
char32_t decode_utf8_multibyte(std::string_view s, size_t& i);
/// Decodes the code point at s[i] and advances i; invalid bytes yield U+FFFD. Inline with an
/// ASCII fast path: it is called for every character by the rules and recognisers.
inline char32_t decode_utf8(std::string_view s, size_t& i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    ++i;
    return c;
  }
  return decode_utf8_multibyte(s, i);
}
/// Decodes the code point that ends just before s[i] and moves i back to its start.
char32_t decode_utf8_before(std::string_view s, size_t& i);
/// Writes a code point as UTF-8 into out (room for 4 bytes) and returns its length.
size_t encode_utf8(char32_t c, char* out);
/// Appends a code point as UTF-8.
void append_utf8(std::string& out, char32_t c);
/// Whether a code point beyond ASCII is a letter or digit (see is_word_char).
bool is_word_char_beyond_ascii(char32_t c);
/// Whether a code point is a letter or digit (ASCII, Latin-1, Latin Extended, Greek, Cyrillic).
inline bool is_word_char(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return is_word_char_beyond_ascii(c);
}
/// Whether a code point beyond ASCII is upper case (see is_upper).
bool is_upper_beyond_ascii(char32_t c);
/// Whether a code point is upper case (ASCII, Latin-1, Latin Extended-A basics).
inline bool is_upper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return is_upper_beyond_ascii(c);
}
/// Whether a code point is a Unicode space separator (including NBSP and narrow NBSP).
inline bool is_unicode_space(char32_t c) {
  if (c < 0x80) return c == ' ' || c == '\t';
  return c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F ||
         c == 0x3000;
}

/// A class (bits) for each of the 256 byte values, for scanners that look bytes up.
struct ByteTable {
  uint8_t of[256];
};
/// The table of `classify(byte)` for every byte, built at compile time.
template <typename F>
constexpr ByteTable make_byte_table(F classify) {
  ByteTable t{};
  for (int c = 0; c < 256; ++c) t.of[c] = classify(static_cast<unsigned char>(c));
  return t;
}

/// Classes of bytes for word scanning, as bits: 1 an ASCII letter or digit, 2 an ASCII word
/// joiner (' -), 4 a byte of a multibyte sequence.
inline constexpr ByteTable kWordBytes = make_byte_table([](unsigned char c) -> uint8_t {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return 1;
  if (c == '\'' || c == '-') return 2;
  return c >= 0x80 ? 4 : 0;
});

/// Apostrophes and hyphens that stay inside a word: ' ’ - ‑ (U+2011) and ‐ (U+2010).
inline bool is_word_joiner(char32_t c) {
  return c == '\'' || c == 0x2019 || c == '-' || c == 0x2010 || c == 0x2011;
}

/// Calls f(begin, end) for every word of `s` (see count_words), in order. ASCII bytes take a
/// table look-up; other code points are decoded.
template <typename F>
void for_each_word(std::string_view s, F&& f) {
  const size_t size = s.size();
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t i = 0;
  while (i < size) {
    // Skip to a word's first character.
    while (i < size && (kWordBytes.of[p[i]] & 5) == 0) ++i;
    if (i >= size) break;
    const size_t start = i;
    if (kWordBytes.of[p[i]] == 4) {
      size_t k = i;
      const bool word = is_word_char(decode_utf8_multibyte(s, k));
      i = k;
      if (!word) continue;
    } else {
      ++i;
    }
    while (i < size) {
      // A run of ASCII letters and digits, then what follows it.
      while (i < size && kWordBytes.of[p[i]] == 1) ++i;
      if (i >= size) break;
      const uint8_t cls = kWordBytes.of[p[i]];
      size_t k = i;
      if (cls == 2) {
        k = i + 1;
      } else if (cls == 4) {
        const char32_t c = decode_utf8_multibyte(s, k);
        if (is_word_char(c)) {
          i = k;
          continue;
        }
        if (!is_word_joiner(c)) break;
      } else {
        break;
      }
      if (k >= size) break;
      size_t m = k;
      if (!is_word_char(decode_utf8(s, m))) break;
      i = m;
    }
    f(start, i);
  }
}

/// Counts words: runs of letters and digits, with inner apostrophes and hyphens.
uint32_t count_words(std::string_view s);
/// Splits text into words (same definition as count_words).
std::vector<std::string_view> words(std::string_view s);

/// The pieces joined into one string, allocated once (a finding's message: thousands of them
/// when every heading or cell has one).
std::string cat(std::initializer_list<std::string_view> pieces);

/// Walks the plain text of inlines: calls `piece(text, node)` for each text and code literal
/// and with " " for each break; raw HTML and footnote references have none; containers (links,
/// emphasis, image alt text) are walked through. The one definition of an inline's plain text.
template <class F>
void for_each_plain_piece(const Inlines& inlines, F&& piece) {
  for (const Inline& in : inlines) {
    switch (in.kind) {
      case InlineKind::text:
      case InlineKind::code:
        piece(std::string_view(in.text), in);
        break;
      case InlineKind::soft_break:
      case InlineKind::line_break:
        piece(std::string_view(" "), in);
        break;
      case InlineKind::html:
      case InlineKind::footnote_reference:
        break;
      default:
        for_each_plain_piece(in.children, piece);
        break;
    }
  }
}

/// Plain text of inlines: text and code literals, image alt text, breaks as spaces.
std::string plain_text(const Inlines& inlines);
/// Appends the plain text of inlines (see plain_text) to `out`.
void append_plain_text(const Inlines& inlines, std::string& out);
/// Appends the plain text of a block (see plain_text) to `out`.
void append_plain_text(const Block& block, std::string& out);
/// Plain text of a block and its children, paragraphs separated by "\n".
std::string plain_text(const Block& block);

/// A GitHub-style slug: lowercase, letters and digits kept, spaces to '-', punctuation dropped.
std::string slugify(std::string_view s);

/// Plain text of inlines with a map back to source bytes, for rules and recognisers that
/// search text and must report exact source positions.
class TextMap {
 public:
  /// Builds the plain text of `inlines`.
  explicit TextMap(const Inlines& inlines);
  TextMap() = default;
  /// The plain text.
  const std::string& text() const { return text_; }
  /// Source byte of text index `i` (the start of its piece if the piece is not verbatim).
  uint32_t source_offset(uint32_t i) const;
  /// Source range of text range [b, e), or an empty range when it is not exactly mappable.
  SourceRange source_range(uint32_t b, uint32_t e) const;
  /// Whether text range [b, e) maps one-to-one onto source bytes.
  bool exact(uint32_t b, uint32_t e) const;

 private:
  struct Piece {
    uint32_t text_begin;
    uint32_t length;
    uint32_t source_begin;
    bool verbatim;
  };
  void add(const Inlines& inlines);
  const Piece* begin() const { return more_.empty() ? &one_ : more_.data(); }
  const Piece* end() const { return more_.empty() ? &one_ + count_ : more_.data() + more_.size(); }
  const Piece* piece_at(uint32_t i) const;
  std::string text_;
  // The first piece is held here, and the others join it in `more_` only when there are
  // several: a table cell's or a heading's text is one piece, and thousands of them would
  // otherwise allocate (and free) a vector each.
  Piece one_{};
  uint32_t count_ = 0;
  std::vector<Piece> more_;
};

}  // namespace galley::detail
