// The typography rules' shared check: typography::scan() over the prose text nodes of every
// text block, each edit reported as a finding with its exact fix.
#pragma once

#include <string>
#include <string_view>

#include "rules/rule.h"
#include "typography/typography.h"

namespace galley::typography {

/// What a typography rule builds its message from.
struct Finding {
  const Edit* edit = nullptr;  ///< The edit, in offsets of the block's plain text.
  std::string_view found;      ///< The word or words around the edit, as written.
  std::string_view expected;   ///< The same words with the rule's edits applied.
  std::string_view locale;     ///< The locale of the check: "en", "de" or "fr".
  std::string_view text;       ///< The block's plain text (edit offsets point into it).
};

/// An empty message with room for a typical one about `f` (a sentence around the found and the
/// expected words): one allocation where appending piece by piece would grow it two or three
/// times, for each of what can be tens of thousands of findings.
inline std::string message_buffer(const Finding& f) {
  std::string m;
  m.reserve(112 + f.found.size() + f.expected.size());
  return m;
}

/// The locale the typography rules check against: Options::locale, except that an article
/// whose front matter declares German or French while the option is left at "en" is checked
/// as the article says. Returns "en", "de" or "fr".
std::string_view rule_locale(const Article& article, const Options& options);

/// Reports every edit of `kinds` in the prose of the article: text nodes only (never code
/// spans, URLs, raw HTML or image alt text), scanned node by node with the character before
/// and after each node and the open quotation marks carried across the nodes of a block. An
/// edit that maps one-to-one onto the source (TextMap::exact) carries a fix; one that does
/// not (an entity, an escape) is reported without, over its whole block. A finding covers
/// its edit, or the words around it when the edit is only white space. `message` words each
/// finding; with `trim_marks`, quotation marks, brackets and final punctuation outside the
/// edit are left out of Finding::found and Finding::expected.
void check_prose(const Article& article, const rules::Context& context, rules::Sink& sink,
                 unsigned kinds, std::string (*message)(const Finding& finding),
                 bool trim_marks = false);

/// The language part of a locale ("de-AT" → "de"); "en" when it is not de or fr.
std::string_view language(std::string_view locale);

}  // namespace galley::typography
