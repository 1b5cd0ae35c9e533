// Normalises input to valid UTF-8 and maps byte offsets to lines and UTF-16 units.
#include "source.h"

#include <algorithm>
#include <cstring>

#include "bytes8.h"

namespace galley::detail {
namespace {

constexpr char kReplacement[] = "\xEF\xBF\xBD";

// Length of the valid UTF-8 sequence at s[i], or 0 when s[i] starts an invalid subpart.
// `bad` then receives the length of the maximal subpart to replace (WHATWG decoder rules).
size_t valid_sequence(std::string_view s, size_t i, size_t& bad) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  bad = 1;
  if (c < 0x80) return c == 0 ? 0 : 1;
  size_t need = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    need = 1;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 2;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 3;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  size_t k = 1;
  for (; k <= need; ++k) {
    if (i + k >= s.size()) break;
    const unsigned char d = b(i + k);
    const unsigned char l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
    if (d < l || d > h) break;
  }
  if (k == need + 1) return need + 1;
  bad = k;
  return 0;
}

// UTF-16 units that a byte of valid UTF-8 adds: 1 where a character starts, 2 for a lead byte
// of a character outside the BMP (a surrogate pair), 0 for a continuation byte.
inline uint32_t utf16_units_of_byte(unsigned char c) {
  return static_cast<uint32_t>((c & 0xC0) != 0x80) + static_cast<uint32_t>(c >= 0xF0);
}

// Whether the eight bytes at p are all ASCII and none is NUL.
inline bool plain_ascii8(const unsigned char* p) {
  const uint64_t x = load8(p);
  return (has_non_ascii(x) | has_byte(x, 0)) == 0;
}

}  // namespace

SourceText::SourceText(std::string_view raw) {
  if (raw.size() >= 3 && raw.substr(0, 3) == "\xEF\xBB\xBF") {
    bom_ = true;
    raw.remove_prefix(3);
  }
  // One pass over the bytes, eight at a time where they are plain ASCII: valid text is copied in
  // runs, and only an invalid sequence or a NUL interrupts a run with a replacement character.
  text_.reserve(raw.size());
  const auto* p = reinterpret_cast<const unsigned char*>(raw.data());
  const size_t size = raw.size();
  size_t i = 0, run = 0;
  bool ascii = true;
  while (i < size) {
    if (i + 8 <= size && plain_ascii8(p + i)) {
      i += 8;
      continue;
    }
    const unsigned char c = p[i];
    if (c != 0 && c < 0x80) {
      ++i;
      continue;
    }
    ascii = false;
    size_t bad = 1;
    const size_t n = valid_sequence(raw, i, bad);
    if (n > 0) {
      i += n;
      continue;
    }
    text_.append(raw.data() + run, i - run);
    const auto at = static_cast<uint32_t>(text_.size());
    text_.append(kReplacement, 3);
    replaced_.push_back({at, at + 3});
    i += bad;
    run = i;
  }
  text_.append(raw.data() + run, size - run);
  ascii_ = ascii;

  const auto n = static_cast<uint32_t>(text_.size());
  line_starts_.push_back(0);
  const char* t = text_.data();
  if (std::memchr(t, '\r', n) == nullptr) {
    for (const char* q = static_cast<const char*>(std::memchr(t, '\n', n)); q != nullptr;
         q = static_cast<const char*>(
             std::memchr(q + 1, '\n', static_cast<size_t>(t + n - q - 1)))) {
      const auto k = static_cast<uint32_t>(q - t);
      if (k + 1 < n) line_starts_.push_back(k + 1);
    }
  } else {
    for (uint32_t k = 0; k < n; ++k) {
      const char ch = t[k];
      if (ch == '\n') {
        if (k + 1 < n) line_starts_.push_back(k + 1);
      } else if (ch == '\r') {
        if (k + 1 < n && t[k + 1] == '\n') ++k;
        if (k + 1 < n) line_starts_.push_back(k + 1);
      }
    }
  }
  if (ascii_) return;  // one UTF-16 unit per byte: positions need no checkpoints
  checkpoints_.reserve(n / kCheckpoint + 1);
  uint32_t units = bom_ ? 1 : 0;
  for (uint32_t k = 0; k < n; k += kCheckpoint) {
    checkpoints_.push_back(units);
    units += count_utf16(k, std::min(n, k + kCheckpoint));
  }
  if (checkpoints_.empty()) checkpoints_.push_back(units);
  line_units_.reserve(line_starts_.size());
  for (const uint32_t start : line_starts_) line_units_.push_back(utf16_offset(start));
}

std::string_view SourceText::view(SourceRange r) const {
  const auto n = static_cast<uint32_t>(text_.size());
  const uint32_t b = std::min(r.begin, n), e = std::min(std::max(r.end, b), n);
  return std::string_view(text_).substr(b, e - b);
}

uint32_t SourceText::count_utf16(uint32_t from, uint32_t to) const {
  const auto* p = reinterpret_cast<const unsigned char*>(text_.data());
  uint32_t units = 0;
  uint32_t k = from;
  for (; k + 8 <= to; k += 8) {
    if (has_non_ascii(load8(p + k)) == 0) {
      units += 8;
      continue;
    }
    for (uint32_t j = k; j < k + 8; ++j) units += utf16_units_of_byte(p[j]);
  }
  for (; k < to; ++k) units += utf16_units_of_byte(p[k]);
  return units;
}

uint32_t SourceText::line_start(uint32_t line) const {
  if (line == 0) return 0;
  if (line > line_starts_.size()) return static_cast<uint32_t>(text_.size());
  return line_starts_[line - 1];
}

uint32_t SourceText::line_end(uint32_t line) const {
  uint32_t end =
      line < line_starts_.size() ? line_starts_[line] : static_cast<uint32_t>(text_.size());
  const uint32_t start = line_start(line);
  while (end > start && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
  return end;
}

uint32_t SourceText::line_of(uint32_t offset) const {
  // Spans and findings ask mostly in order: the last answer's line and the next come first.
  const auto n = static_cast<uint32_t>(line_starts_.size());
  for (uint32_t line = last_line_; line <= last_line_ + 1 && line <= n; ++line) {
    if (line >= 1 && line_starts_[line - 1] <= offset &&
        (line == n || offset < line_starts_[line])) {
      last_line_ = line;
      return line;
    }
  }
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  last_line_ = static_cast<uint32_t>(it - line_starts_.begin());
  return last_line_;
}

uint32_t SourceText::utf16_offset(uint32_t offset) const {
  const auto n = static_cast<uint32_t>(text_.size());
  offset = std::min(offset, n);
  if (ascii_) return offset + (bom_ ? 1 : 0);
  const uint32_t cp = offset / kCheckpoint;
  const auto last = static_cast<uint32_t>(checkpoints_.size() - 1);
  const uint32_t c = std::min(cp, last);
  return checkpoints_[c] + count_utf16(c * kCheckpoint, offset);
}

uint32_t SourceText::byte_offset(uint32_t utf16) const {
  if (ascii_) {
    const uint32_t skip = bom_ ? 1 : 0;
    return std::min(utf16 > skip ? utf16 - skip : 0, static_cast<uint32_t>(text_.size()));
  }
  // Binary search the checkpoints, then walk.
  const auto it = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), utf16);
  uint32_t cp =
      it == checkpoints_.begin() ? 0 : static_cast<uint32_t>(it - checkpoints_.begin() - 1);
  uint32_t units = checkpoints_[cp];
  uint32_t k = cp * kCheckpoint;
  const auto n = static_cast<uint32_t>(text_.size());
  // A checkpoint can fall inside a character, which its count already holds.
  while (k < n && (static_cast<unsigned char>(text_[k]) & 0xC0) == 0x80) ++k;
  while (k < n) {
    const auto c = static_cast<unsigned char>(text_[k]);
    const uint32_t w = c >= 0xF0 ? 2 : 1;
    if (units + w > utf16) break;
    units += w;
    ++k;
    while (k < n && (static_cast<unsigned char>(text_[k]) & 0xC0) == 0x80) ++k;
  }
  return k;
}

Position SourceText::position(uint32_t offset) const {
  offset = std::min(offset, static_cast<uint32_t>(text_.size()));
  Position p;
  p.line = line_of(offset);
  p.offset = utf16_offset(offset);
  const uint32_t start_units =
      ascii_ ? line_start(p.line) + (bom_ ? 1 : 0) : line_units_[p.line - 1];
  p.column = p.offset - start_units + 1;
  if (p.line == 1 && bom_) p.column += 1;
  return p;
}

uint32_t utf16_length(std::string_view s) {
  uint32_t units = 0;
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c & 0xC0) != 0x80) ++units;
    if (c >= 0xF0) ++units;
  }
  return units;
}

}  // namespace galley::detail
