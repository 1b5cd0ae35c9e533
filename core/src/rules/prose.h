// Prose helpers shared by the rules: quotation marks, sentences and word counts over plain text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "galley/article.h"
#include "rules/rule.h"

namespace galley::rules {

/// Plain-text ranges of code spans, in the order and offsets TextMap uses.
std::vector<TextSpan> code_spans(const Inlines& inlines);

/// Pairs quotation marks (“ ” ‘ ’ „ ‚ « » ‹ › and straight ") in `text`, skipping `skip`
/// (code spans). ’ between letters or with no open ‘ is an apostrophe; straight ' is ignored.
QuoteScan scan_quotes(std::string_view text, const std::vector<TextSpan>& skip);

/// scan_quotes() that also lists, in order, the offsets in `text` of every '.', '!', '?' and
/// byte E2 (the lead byte of '…'), for split_sentences() below: one pass over the text.
QuoteScan scan_quotes(std::string_view text, const std::vector<TextSpan>& skip,
                      std::vector<uint32_t>& stops);

/// The closing mark that pairs with opening `mark` in the most common style.
char32_t closing_mark_for(char32_t mark);

/// The opening mark that closing `mark` pairs with in the most common style.
char32_t opening_mark_for(char32_t mark);

/// Whether `c` is an opening or closing quotation mark of any style.
bool is_quote_mark(char32_t c);

/// Splits `text` into sentences and counts their words outside `quoted` (sorted spans).
/// Abbreviations (Mr., U.S., initials) do not end a sentence.
std::vector<Sentence> split_sentences(std::string_view text, const std::vector<TextSpan>& quoted);

/// split_sentences() given the offsets scan_quotes() listed in `stops`, appending to `out`.
void split_sentences(std::string_view text, const std::vector<TextSpan>& quoted,
                     const std::vector<uint32_t>& stops, std::vector<Sentence>& out);

/// Words of `text` outside `quoted` (sorted, non-overlapping spans).
uint32_t words_outside(std::string_view text, const std::vector<TextSpan>& quoted);

/// Number of Unicode code points in `s`.
uint32_t count_chars(std::string_view s);

/// Lower-case words of `s` joined by single spaces (apostrophes and hyphens unified), for
/// comparing texts that differ only in case, spacing or punctuation.
std::string normalise_words(std::string_view s);

/// At most `max_words` words of `s` (with "…" when cut), for quoting text in messages.
std::string excerpt(std::string_view s, size_t max_words = 8);

/// Whether a text role holds body prose that readability metrics count.
bool is_body_prose(TextBlock::Role role);

/// Whether the final period of `text` belongs to an abbreviation or initial ("U.S.", "Inc.").
bool ends_with_abbreviation(std::string_view text);

/// The source range of a link or image: from its opening bracket to the closing parenthesis
/// (or reference label) when the source shows them, else the node's own range.
SourceRange link_range(const detail::SourceText& source, const Inline& link);

/// The position text "line N" of byte `offset`.
std::string line_text(const detail::SourceText& source, uint32_t offset);

}  // namespace galley::rules
