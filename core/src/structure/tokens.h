// Words, punctuation, sentences and person names in a paragraph's plain text: the shared
// lexical layer of the byline, dateline, quote, credits and author-box recognisers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "structure/lexicon.h"

namespace galley::structure {

/// A word or one punctuation mark of a text. Twelve bytes: a paragraph of punctuation has a
/// token per byte.
struct Token {
  uint32_t begin = 0;      ///< First byte in the text.
  uint32_t end = 0;        ///< One past the last byte.
  char32_t cp : 21 = 0;    ///< punctuation: the code point.
  bool word : 1 = false;   ///< A word (letters and digits with inner ' ’ - and initials' dots).
  bool upper : 1 = false;  ///< word: starts with an upper-case letter.
  bool all_upper : 1 = false;   ///< word: two or more letters, none lower-case ("KYIV").
  bool initial : 1 = false;     ///< word: an initial or dotted abbreviation ("J.", "U.S.", "a.m.").
  bool possessive : 1 = false;  ///< word: ends in 's or ’s.
  bool space_before : 1 = true;  ///< Whitespace separates it from the previous token.
};
static_assert(sizeof(Token) == 12);

/// Splits `text` into words and punctuation marks (whitespace is dropped).
std::vector<Token> tokenize(std::string_view text);

/// The folded form (see fold()) of a token's text.
Folded folded(const Token& token, std::string_view text);

/// Whether sentence-final punctuation at token `i` ends a sentence (not "Mr." or "U.S."),
/// looking past closing quotes and brackets.
bool ends_sentence_at(const std::vector<Token>& tokens, std::string_view text, size_t i);

/// For each token, the index of the first token of its sentence (one pass; closing quotes and
/// brackets after a sentence's final mark belong to that sentence).
std::vector<uint32_t> sentence_starts(const std::vector<Token>& tokens, std::string_view text);

/// Quotation marks.
bool is_opening_quote(char32_t c);
bool is_closing_quote(char32_t c);

/// A person's name: tokens [first, last] of a text, titles left out.
struct NameSpan {
  size_t first = 0;
  size_t last = 0;
};

/// The name made of the capitalised run that ends at token `end` ("President Donald Trump"
/// → "Donald Trump"), or none. `strict` also refuses runs that read as places or bodies.
std::optional<NameSpan> name_ending_at(const std::vector<Token>& tokens, std::string_view text,
                                       size_t end);
/// The name made of the capitalised run that starts at token `start`.
std::optional<NameSpan> name_starting_at(const std::vector<Token>& tokens, std::string_view text,
                                         size_t start);
/// Whether the name's words look like a person's rather than an organisation's or a place's.
bool looks_like_person(const std::vector<Token>& tokens, std::string_view text, NameSpan name);
/// The name's text as written.
std::string_view name_text(const std::vector<Token>& tokens, std::string_view text, NameSpan name);

}  // namespace galley::structure
