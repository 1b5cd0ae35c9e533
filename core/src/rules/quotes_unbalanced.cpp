// quotes/unbalanced: quotation marks that open and never close, or close and never opened.
#include "rules/prose.h"

namespace galley::rules {
namespace {

void report_unclosed(const TextBlock& t, const QuoteMark& m, Sink& sink) {
  // Written into one buffer: a text with thousands of open marks reports each.
  std::string message;
  message.reserve(128);
  message += "The quotation mark ";
  detail::append_utf8(message, m.mark);
  message += " opens a quotation that is never closed; expected a closing ";
  detail::append_utf8(message, closing_mark_for(m.mark));
  message += " in the same paragraph.";
  sink.report(t.map.source_range(m.at, m.at + m.length), std::move(message));
}

char32_t first_char(std::string_view text) {
  text = detail::trim_unicode(text);
  size_t i = 0;
  return text.empty() ? 0 : detail::decode_utf8(text, i);
}

bool continues(const TextBlock& t) {
  return t.role == TextBlock::Role::paragraph || t.role == TextBlock::Role::quote ||
         t.role == TextBlock::Role::bio;
}

void check(const Article&, const Context& ctx, Sink& sink) {
  // A quotation that runs over several paragraphs leaves each one open and opens the next
  // with the same mark; only an opening mark that nothing continues is reported.
  const TextBlock* pending_text = nullptr;
  QuoteMark pending{};
  const std::vector<TextBlock>& texts = ctx.texts();
  for (size_t k = 0; k < texts.size(); ++k) {
    const TextBlock& t = texts[k];
    const QuoteScan& scan = ctx.prose(k).quotes;
    if (pending_text) {
      const bool continued =
          continues(t) && scan.opens_with_quote && first_char(t.map.text()) == pending.mark;
      if (!continued) report_unclosed(*pending_text, pending, sink);
      pending_text = nullptr;
    }
    for (const QuoteMark& m : scan.unopened) {
      std::string message;
      message.reserve(112);
      message += "The closing quotation mark ";
      detail::append_utf8(message, m.mark);
      message += " has no opening mark; expected a ";
      detail::append_utf8(message, opening_mark_for(m.mark));
      message += " before it in the same paragraph.";
      sink.report(t.map.source_range(m.at, m.at + m.length), std::move(message));
    }
    // A paragraph's one open quotation may continue in the next paragraph.
    if (scan.unclosed.size() == 1 && continues(t)) {
      pending_text = &t;
      pending = scan.unclosed.front();
      continue;
    }
    for (const QuoteMark& m : scan.unclosed) report_unclosed(t, m, sink);
  }
  if (pending_text) report_unclosed(*pending_text, pending, sink);
}

}  // namespace

const Rule& quotes_unbalanced() {
  static const Rule rule{
      {"quotes/unbalanced",
       "Flags quotation marks that are opened and never closed, or closed and never opened.",
       "A missing mark leaves readers unsure where a speaker's words end, which changes who is "
       "saying what. A quotation that runs over several paragraphs may leave each one open when "
       "the next opens with the same mark, as news style does.",
       {"quotes"},
       Severity::error,
       Severity::warning,
       Severity::warning,
       {},
       false,
       "# Headline\n\nThe dek.\n\n\xE2\x80\x9CWe are close, the envoy said.\n\n## Next\n\nText.\n",
       ""},
      &check};
  return rule;
}

}  // namespace galley::rules
