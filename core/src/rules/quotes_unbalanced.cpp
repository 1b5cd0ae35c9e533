// quotes/unbalanced: quotation marks that open and never close, or close and never opened.
#include "rules/prose.h"

namespace galley::rules {
namespace {

// "<lead> M<middle>N<tail>" for a mark M and the mark N it needs, written into one buffer: a
// text with thousands of unbalanced marks reports each.
void report_mark(const TextBlock& t, const QuoteMark& m, char32_t needed, std::string_view lead,
                 std::string_view middle, std::string_view tail, Sink& sink) {
  std::string message;
  message.reserve(lead.size() + middle.size() + tail.size() + 8);
  message += lead;
  detail::append_utf8(message, m.mark);
  message += middle;
  detail::append_utf8(message, needed);
  message += tail;
  sink.report(t.map.source_range(m.at, m.at + m.length), std::move(message));
}

void report_unclosed(const TextBlock& t, const QuoteMark& m, Sink& sink) {
  report_mark(t, m, closing_mark_for(m.mark), "The quotation mark ",
              " opens a quotation that is never closed; expected a closing ",
              " in the same paragraph.", sink);
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
      report_mark(t, m, opening_mark_for(m.mark), "The closing quotation mark ",
                  " has no opening mark; expected a ", " before it in the same paragraph.", sink);
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
