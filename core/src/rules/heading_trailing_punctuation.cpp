// heading/trailing-punctuation: headings end without a period, colon or the like.
#include "rules/prose.h"

namespace galley::rules {
namespace {

bool in_set(std::string_view set, char32_t c) {
  size_t i = 0;
  while (i < set.size()) {
    if (detail::decode_utf8(set, i) == c) return true;
  }
  return false;
}

void check(const Article&, const Context& ctx, Sink& sink) {
  const std::string punctuation = ctx.string("punctuation");
  for (const TextBlock& t : ctx.texts()) {
    if (t.role != TextBlock::Role::heading && t.role != TextBlock::Role::headline) continue;
    const std::string& text = t.map.text();
    // The trailing run of listed punctuation, after any trailing space.
    size_t end = text.size();
    while (end > 0) {
      size_t k = end;
      const char32_t c = detail::decode_utf8_before(text, k);
      if (!detail::is_unicode_space(c)) break;
      end = k;
    }
    size_t begin = end;
    while (begin > 0) {
      size_t k = begin;
      const char32_t c = detail::decode_utf8_before(text, k);
      if (!in_set(punctuation, c)) break;
      begin = k;
    }
    if (begin == end || begin == 0) continue;
    const std::string_view run = std::string_view(text).substr(begin, end - begin);
    // An ellipsis trails off on purpose; "U.S." and "Inc." end with their own period.
    if (run.size() >= 3 && run.find_first_not_of('.') == std::string_view::npos) continue;
    if (run == "." && ends_with_abbreviation(std::string_view(text).substr(0, end))) continue;
    // Remove the space before the punctuation too, when it maps onto the source as well.
    size_t cut = begin;
    while (cut > 0) {
      size_t k = cut;
      const char32_t c = detail::decode_utf8_before(text, k);
      if (!detail::is_unicode_space(c) ||
          !t.map.exact(static_cast<uint32_t>(k), static_cast<uint32_t>(end)))
        break;
      cut = k;
    }
    const std::string message = "The heading '" + excerpt(text) + "' ends with '" +
                                std::string(run) + "'; headings take no final punctuation.";
    const auto b = static_cast<uint32_t>(cut), e = static_cast<uint32_t>(end);
    if (t.map.exact(b, e)) {
      sink.report(t.range, message, t.map.source_range(b, e), "");
    } else {
      sink.report(t.range, message);
    }
  }
}

}  // namespace

const Rule& heading_trailing_punctuation() {
  static const Rule rule{
      {"heading/trailing-punctuation",
       "Flags headings that end with a period, comma, colon, semicolon or exclamation mark.",
       "Headings are labels, not sentences; a final period or colon reads as a typo and shows "
       "in tables of contents and link previews. Question marks stay: a question is a fine "
       "heading.",
       {"structure", "style"},
       Severity::warning,
       Severity::warning,
       Severity::off,
       {{"punctuation", OptionType::string,
         std::string(".,;:!\xE3\x80\x82\xEF\xBC\x8C\xEF\xBC\x9B\xEF\xBC\x9A\xEF\xBC\x81"),
         "Characters that may not end a heading."}},
       true,
       "# Talks resume in Berlin\n\nThe dek.\n\n## What was agreed:\n\nText.\n",
       "# Talks resume in Berlin\n\nThe dek.\n\n## What was agreed\n\nText.\n"},
      &check};
  return rule;
}

}  // namespace galley::rules
