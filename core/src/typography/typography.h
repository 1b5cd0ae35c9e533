// Locale-aware typography (quotes, apostrophes, dashes, ellipsis, spaces): one implementation
// used by the typography rules (as fixes) and by the renderers (as an output option).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace galley::typography {

/// Kinds of typographic change (a bit set).
enum Kind : unsigned {
  kQuotes = 1u << 0,             ///< "straight" → “curly” per locale (en “ ”, de „ “, fr « »).
  kApostrophes = 1u << 1,        ///< it's → it’s
  kDashes = 1u << 2,             ///< -- and spaced hyphens → en/em dashes per locale
  kEllipsis = 1u << 3,           ///< ... → …
  kSpaceBeforePercent = 1u << 4, ///< 90 % → 90% (en); no-break space in de/fr
  kDoubleSpace = 1u << 5,        ///< two or more spaces → one
  kNonbreakingHyphen = 1u << 6,  ///< U+2011 → '-'
  kFrenchSpacing = 1u << 7,      ///< fr: narrow no-break space before : ; ? ! and inside « »
  kAll = 0xFFu,
};

/// Where the text stands, for decisions that depend on what precedes it.
struct Context {
  std::string_view locale = "en";  ///< "en", "de", "fr" (a region suffix is ignored).
  char32_t before = 0;             ///< The character before the text (0 at a block start).
};

/// One replacement, in byte offsets of the scanned text.
struct Edit {
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string text;  ///< Replacement (UTF-8).
  Kind kind = kQuotes;
};

/// Finds the replacements of `kinds` in plain text. Callers pass only prose (text nodes):
/// never code, URLs or attributes. Edits are ordered and do not overlap.
std::vector<Edit> scan(std::string_view text, unsigned kinds, const Context& context);

/// Applies scan() and returns the new text.
std::string apply(std::string_view text, unsigned kinds, const Context& context);

}  // namespace galley::typography
