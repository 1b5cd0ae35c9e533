// The normalised source: valid UTF-8 with positions in lines and UTF-16 units, as editors count.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "galley/article.h"

namespace galley::detail {

/// A position as JavaScript editors see it.
struct Position {
  uint32_t line = 1;    ///< 1-based line.
  uint32_t column = 1;  ///< 1-based column in UTF-16 code units.
  uint32_t offset = 0;  ///< UTF-16 offset from the start of the source.
};

/// The input after normalisation: invalid UTF-8 and NUL become U+FFFD (one replacement per
/// maximal invalid subpart, as the WHATWG decoder does), a leading byte-order mark is set
/// aside. Line ends (\n, \r\n, \r) are kept; positions count them as JavaScript does.
class SourceText {
 public:
  explicit SourceText(std::string_view raw);

  /// The normalised text that every SourceRange points into.
  const std::string& text() const { return text_; }
  std::string_view view(SourceRange r) const;
  /// Whether the input began with a byte-order mark (it counts as one UTF-16 unit).
  bool had_bom() const { return bom_; }
  /// Ranges (in text()) where invalid UTF-8 or NUL was replaced.
  const std::vector<SourceRange>& replaced() const { return replaced_; }
  /// Number of lines (a trailing line end does not open a new line).
  uint32_t line_count() const { return static_cast<uint32_t>(line_starts_.size()); }
  /// Byte offset where 1-based `line` begins.
  uint32_t line_start(uint32_t line) const;
  /// Byte offset where 1-based `line` ends (before its line end).
  uint32_t line_end(uint32_t line) const;
  /// 1-based line holding byte `offset`.
  uint32_t line_of(uint32_t offset) const;
  /// Position of byte `offset`.
  Position position(uint32_t offset) const;
  /// UTF-16 offset of byte `offset`.
  uint32_t utf16_offset(uint32_t offset) const;
  /// Byte offset of a UTF-16 offset (clamped to the text).
  uint32_t byte_offset(uint32_t utf16) const;
  /// UTF-16 length of the whole input (with the BOM if there was one).
  uint32_t utf16_length() const { return utf16_offset(static_cast<uint32_t>(text_.size())); }

 private:
  // Positions walk from the nearest checkpoint: 64 bytes keeps that walk short (diagnostics and
  // every span of the JSON model ask for positions) for 6% of the text's size in memory.
  static constexpr uint32_t kCheckpoint = 64;
  uint32_t count_utf16(uint32_t from, uint32_t to) const;

  std::string text_;
  bool bom_ = false;
  std::vector<SourceRange> replaced_;
  std::vector<uint32_t> line_starts_;
  bool ascii_ = true;                  // all ASCII: a byte is a UTF-16 unit, no checkpoints
  std::vector<uint32_t> checkpoints_;  // UTF-16 offset at every kCheckpoint bytes
  std::vector<uint32_t> line_units_;   // UTF-16 offset of every line start (unless ascii_)
  mutable uint32_t last_line_ = 1;     // line_of()'s last answer (one call's text, one thread)
};

/// Number of UTF-16 code units in valid UTF-8 text.
uint32_t utf16_length(std::string_view utf8);

}  // namespace galley::detail
