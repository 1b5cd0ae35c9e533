// Locale-aware typography (quotes, apostrophes, dashes, ellipsis, spaces): one implementation
// used by the typography rules (as fixes) and by the renderers (as an output option).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace galley::typography {

// What each locale writes (a region suffix such as de-AT is ignored; other languages get en):
//
// |                      | en                 | de                  | fr                          |
// |----------------------|--------------------|---------------------|-----------------------------|
// | "double"             | “double”           | „double“            | « double » (U+202F inside)  |
// | 'single'             | ‘single’           | ‚single‘            | “single” (second level)     |
// | apostrophe           | it’s, ’90s         | geht’s, so’n        | l’homme                     |
// | a -- b, a - b        | a—b (closed em)    | a – b (spaced en)   | a – b (spaced en)           |
// | 90 %                 | 90%                | 90 % (U+00A0)       | 90 % (U+202F)               |
// | ; ! ? :              | unchanged          | unchanged           | U+202F before ; ! ?, U+00A0 |
// |                      |                    |                     | before :                    |
//
// Sources: Chicago Manual of Style (closed em dash, 90%), Duden and DIN 5008 (Gedankenstrich,
// a protected space before %), Imprimerie nationale (espace fine insécable before ; ! ? % and
// inside guillemets, espace insécable before :). An existing no-break space of either width is
// accepted where one is wanted. A mark whose direction the neighbours leave unclear (between
// letters, between spaces outside French, 5'10") is not changed; nor are hyphens in words,
// minus signs, arrows (-->), runs of four or more hyphens, two or four periods, indentation,
// or spaces before a line end (a Markdown hard break).

/// Kinds of typographic change (a bit set).
enum Kind : unsigned {
  kQuotes = 1u << 0,  ///< "straight" → “curly” per locale (en “ ”, de „ “, fr « »).
  kApostrophes = 1u << 1,         ///< it's → it’s
  kDashes = 1u << 2,              ///< -- and spaced hyphens → en/em dashes per locale
  kEllipsis = 1u << 3,            ///< ... → …
  kSpaceBeforePercent = 1u << 4,  ///< 90 % → 90% (en); no-break space in de/fr
  kDoubleSpace = 1u << 5,         ///< two or more spaces → one
  kNonbreakingHyphen = 1u << 6,   ///< U+2011 → '-'
  kFrenchSpacing = 1u << 7,       ///< fr: narrow no-break space before : ; ? ! and inside « »
  kAll = 0xFFu,
  /// 1990-1995 → 1990–1995 (en dash in a range of numbers). Opt-in: not part of kAll, since
  /// codes and dates (555-1234, 2024-01-15) look alike.
  kNumberRanges = 1u << 8,
  /// What the renderers apply for the typography output option: kAll without the clean-ups
  /// that only matter in the source (double spaces collapse in HTML; U+2011 is a valid
  /// character a writer may have chosen).
  kRender = kQuotes | kApostrophes | kDashes | kEllipsis | kSpaceBeforePercent | kFrenchSpacing,
};

/// Where the text stands, for decisions that depend on what precedes it.
struct Context {
  std::string_view locale = "en";  ///< "en", "de", "fr" (a region suffix is ignored).
  char32_t before = 0;             ///< The character before the text (0 at a block start).
  /// The character after the text (0 at a block end, or when the caller does not know it:
  /// the text is then treated as if more could follow, except for trailing spaces).
  char32_t after = 0;
};

/// Quotation marks left open, carried from one text node to the next of the same block so
/// that a closing mark after emphasis or a link closes what the text before it opened.
struct State {
  uint32_t open_double = 0;  ///< Double (fr: « ») quotation marks open.
  uint32_t open_single = 0;  ///< Single (fr: “ ”) quotation marks open.
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

/// scan() for one of several text nodes of a block: `state` comes in from the previous node
/// and goes out to the next.
std::vector<Edit> scan(std::string_view text, unsigned kinds, const Context& context, State& state);

/// Whether any kind could change `text`, in any locale and context: false when it holds none of
/// the characters the scan stops at (space, - . " ' ; ! ? : and every character beyond ASCII),
/// so that apply() would return it as it is and leave `State` as it was (a table cell, a
/// one-word heading).
bool may_change(std::string_view text);

/// Appends `text` with the changes of `kinds` applied to `out` (no intermediate edit list;
/// the renderers' path). `state` as for scan().
void apply_to(std::string& out, std::string_view text, unsigned kinds, const Context& context,
              State& state);

}  // namespace galley::typography
