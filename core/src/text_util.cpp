// Small text helpers shared by parsers, recognisers, rules and renderers.
#include "text_util.h"

#include <algorithm>

namespace galley::detail {

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::string_view trim_unicode(std::string_view s) {
  for (;;) {
    s = trim(s);
    if (s.empty()) return s;
    size_t i = 0;
    const char32_t first = decode_utf8(s, i);
    if (is_unicode_space(first)) {
      s.remove_prefix(i);
      continue;
    }
    size_t j = s.size();
    const char32_t last = decode_utf8_before(s, j);
    if (is_unicode_space(last)) {
      s.remove_suffix(s.size() - j);
      continue;
    }
    return s;
  }
}

std::vector<std::string_view> split_words(std::string_view s, std::string_view separators) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && separators.find(s[i]) != std::string_view::npos) ++i;
    size_t j = i;
    while (j < s.size() && separators.find(s[j]) == std::string_view::npos) ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::string to_lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && equals_ci(s.substr(0, prefix.size()), prefix);
}

bool equals_ci(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

char32_t decode_utf8_multibyte(std::string_view s, size_t& i) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  if (c < 0x80) {
    ++i;
    return c;
  }
  size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (n == 1 || i + n > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = c & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
  for (size_t k = 1; k < n; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  i += n;
  return cp;
}

char32_t decode_utf8_before(std::string_view s, size_t& i) {
  if (i == 0) return 0;
  size_t start = i - 1;
  while (start > 0 && i - start < 4 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80)
    --start;
  size_t k = start;
  const char32_t cp = decode_utf8(s, k);
  if (k != i) {
    i = i - 1;
    return 0xFFFD;
  }
  i = start;
  return cp;
}

size_t encode_utf8(char32_t c, char* out) {
  if (c < 0x80) {
    out[0] = static_cast<char>(c);
    return 1;
  }
  if (c < 0x800) {
    out[0] = static_cast<char>(0xC0 | (c >> 6));
    out[1] = static_cast<char>(0x80 | (c & 0x3F));
    return 2;
  }
  if (c < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (c >> 12));
    out[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (c & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (c >> 18));
  out[1] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (c & 0x3F));
  return 4;
}

void append_utf8(std::string& out, char32_t c) {
  char bytes[4];
  out.append(bytes, encode_utf8(c, bytes));
}

bool is_word_char_beyond_ascii(char32_t c) {
  if (c < 0x80) return is_word_char(c);
  if (c == 0xD7 || c == 0xF7) return false;
  return (c >= 0xC0 && c <= 0x24F) ||     // Latin-1 letters, Latin Extended-A/B
         (c >= 0x370 && c <= 0x3FF) ||    // Greek
         (c >= 0x400 && c <= 0x52F) ||    // Cyrillic
         (c >= 0x1E00 && c <= 0x1EFF) ||  // Latin Extended Additional
         (c >= 0x4E00 && c <= 0x9FFF) ||  // CJK
         (c >= 0x3040 && c <= 0x30FF) ||  // Kana
         (c >= 0xAC00 && c <= 0xD7AF) ||  // Hangul
         (c >= 0x0590 && c <= 0x06FF);    // Hebrew, Arabic
}

bool is_upper_beyond_ascii(char32_t c) {
  if (c >= 'A' && c <= 'Z') return true;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return true;
  if (c >= 0x100 && c <= 0x17F) return (c % 2) == 0;
  if (c >= 0x391 && c <= 0x3A9) return true;
  if (c >= 0x410 && c <= 0x42F) return true;
  return false;
}

uint32_t count_words(std::string_view s) {
  uint32_t n = 0;
  for_each_word(s, [&](size_t, size_t) { ++n; });
  return n;
}

std::string cat(std::initializer_list<std::string_view> pieces) {
  size_t size = 0;
  for (const std::string_view p : pieces) size += p.size();
  std::string out;
  out.reserve(size);
  for (const std::string_view p : pieces) out.append(p.data(), p.size());
  return out;
}

std::vector<std::string_view> words(std::string_view s) {
  std::vector<std::string_view> out;
  for_each_word(s, [&](size_t b, size_t e) { out.push_back(s.substr(b, e - b)); });
  return out;
}

namespace {
void plain_into(const Inlines& inlines, std::string& out) {
  for_each_plain_piece(inlines, [&out](std::string_view text, const Inline&) { out += text; });
}

void block_plain_into(const Block& b, std::string& out) {
  if (!b.inlines.empty()) {
    if (!out.empty() && out.back() != '\n') out += '\n';
    plain_into(b.inlines, out);
  }
  if (b.kind == BlockKind::code) {
    if (!out.empty() && out.back() != '\n') out += '\n';
    out += b.text;
  }
  for (const Block& c : b.children) block_plain_into(c, out);
  if (!b.attribution.empty()) {
    if (!out.empty() && out.back() != '\n') out += '\n';
    plain_into(b.attribution, out);
  }
}
}  // namespace

std::string plain_text(const Inlines& inlines) {
  std::string out;
  plain_into(inlines, out);
  return out;
}

std::string plain_text(const Block& block) {
  std::string out;
  block_plain_into(block, out);
  return out;
}

void append_plain_text(const Inlines& inlines, std::string& out) { plain_into(inlines, out); }

void append_plain_text(const Block& block, std::string& out) { block_plain_into(block, out); }

std::string slugify(std::string_view s) {
  // Written by index into a string of the input's size: a letter or digit keeps its length
  // (Latin-1 capitals lower to two bytes as well), and a dash stands for at least one byte.
  // Only a character the decoder replaced (invalid input) is not a word character, so the
  // slug never outgrows the input. (Appending byte by byte was a call per byte in WebAssembly.)
  std::string out(s.size(), '\0');
  size_t n = 0;
  size_t i = 0;
  bool dash = false;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    char32_t c = b;
    if (b < 0x80) {
      ++i;
    } else {
      c = decode_utf8(s, i);
    }
    if (is_word_char(c)) {
      if (dash && n > 0) out[n++] = '-';
      dash = false;
      if (c < 0x80) {
        out[n++] = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      } else {
        if (c >= 0xC0 && c <= 0xDE && c != 0xD7) c += 0x20;
        if (out.size() - n < 4) out.resize(n + 4 + (s.size() - i));  // never, for the reason above
        n += encode_utf8(c, out.data() + n);
      }
    } else if (c == ' ' || c == '-' || c == '_' || is_unicode_space(c)) {
      dash = true;
    }
  }
  out.resize(n);
  return out;
}

TextMap::TextMap(const Inlines& inlines) {
  // The source the inlines span: their plain text is seldom longer (markup, entities and
  // autolinks' brackets only shorten it), so the text is allocated once. A short text (a
  // table cell's) fits in the string itself and needs no call.
  if (!inlines.empty() && inlines.back().range.end > inlines.front().range.begin + 15)
    text_.reserve(inlines.back().range.end - inlines.front().range.begin);
  add(inlines);
}

void TextMap::add(const Inlines& inlines) {
  for_each_plain_piece(inlines, [this](std::string_view text, const Inline& in) {
    const Piece piece{static_cast<uint32_t>(text_.size()), static_cast<uint32_t>(text.size()),
                      in.range.begin, in.kind == InlineKind::text && in.verbatim};
    text_ += text;
    if (count_++ == 0) {
      one_ = piece;
      return;
    }
    if (more_.empty()) more_.push_back(one_);
    more_.push_back(piece);
  });
}

const TextMap::Piece* TextMap::piece_at(uint32_t i) const {
  const Piece* it = std::upper_bound(begin(), end(), i,
                                     [](uint32_t v, const Piece& p) { return v < p.text_begin; });
  if (it == begin()) return nullptr;
  return it - 1;
}

uint32_t TextMap::source_offset(uint32_t i) const {
  const Piece* p = piece_at(i);
  if (!p) return count_ == 0 ? 0 : begin()->source_begin;
  if (!p->verbatim) return p->source_begin;
  return p->source_begin + std::min(i - p->text_begin, p->length);
}

bool TextMap::exact(uint32_t b, uint32_t e) const {
  if (e < b) return false;
  const Piece* p = piece_at(b);
  if (!p || !p->verbatim) return false;
  return e <= p->text_begin + p->length;
}

SourceRange TextMap::source_range(uint32_t b, uint32_t e) const {
  if (exact(b, e)) return {source_offset(b), source_offset(b) + (e - b)};
  // Not in one verbatim piece: span from the first to the last mapped byte.
  const uint32_t sb = source_offset(b);
  uint32_t se = e > b ? source_offset(e - 1) + 1 : sb;
  if (se < sb) se = sb;
  return {sb, se};
}

}  // namespace galley::detail
