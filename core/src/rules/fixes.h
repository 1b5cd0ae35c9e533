// Choosing and applying fixes: exact, non-overlapping edits that never remove a word.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "galley/diagnostic.h"

namespace galley::rules {

/// Whether replacing `range` of `text` with `replacement` keeps every word around and inside
/// it, in order (apostrophes, hyphens and case may change; words may be added, not lost).
bool keeps_words(std::string_view text, SourceRange range, std::string_view replacement);

/// The fixes of `diagnostics` that can be applied to `text` in one pass, in source order:
/// each range lies inside the text on UTF-8 boundaries, changes something, keeps every word,
/// and does not overlap another chosen fix (an insertion may touch an edit, not enter it;
/// of two insertions at one place the first wins).
std::vector<const Diagnostic*> choose_fixes(std::string_view text,
                                            const std::vector<Diagnostic>& diagnostics);

/// `text` with `chosen` (from choose_fixes) applied.
std::string apply_fixes(std::string_view text, const std::vector<const Diagnostic*>& chosen);

}  // namespace galley::rules
