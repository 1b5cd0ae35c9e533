// Words the recognisers know: part labels (en, de, fr and configured extras), speech verbs,
// titles, role nouns, and the folding that makes comparisons case- and quote-insensitive.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "galley/options.h"

namespace galley::structure {

/// The part a label names.
enum class Label : uint8_t { none, takeaways, credits, author };

/// Lower-cases (ASCII, Latin-1, Latin Extended-A), maps ’ to ', NBSP to space, collapses
/// spaces and trims spaces and a final ':' — the form labels and word lists are compared in.
std::string fold(std::string_view text);

/// A fixed set of words: the sorted list, and a hash index for the look-ups made per token.
class WordSet {
 public:
  /// The set of the words in `words`, separated by '|' (duplicates allowed). The words stay
  /// views into `words`: one string literal, not a table of pointers to many.
  explicit WordSet(std::string_view words);
  /// Whether `w` is one of the words.
  bool has(std::string_view w) const;
  /// The words, sorted.
  const std::vector<std::string_view>& all() const { return words_; }

 private:
  std::vector<std::string_view> words_;
  std::vector<uint32_t> slots_;  // 1 + index into words_, 0 when empty; a power of two long
};

/// fold() of a text, kept in a small buffer when it fits (a word, a name): no heap allocation
/// for the look-ups the recognisers make per token. Neither copied nor moved: make it in place.
class Folded {
 public:
  /// Folds `text`.
  explicit Folded(std::string_view text);
  Folded(const Folded&) = delete;
  Folded& operator=(const Folded&) = delete;
  /// The folded text.
  std::string_view view() const {
    return heap_ ? std::string_view(big_) : std::string_view(small_, size_);
  }
  operator std::string_view() const { return view(); }
  friend bool operator==(const Folded& a, std::string_view b) { return a.view() == b; }

 private:
  static constexpr size_t kSmall = 60;
  char small_[kSmall];
  uint32_t size_ = 0;
  bool heap_ = false;
  std::string big_;
};

/// Which part a heading-like text names ("Key Takeaways", "Reporters on the Ground",
/// "Über die Autorin"), in any built-in language or in `extra`.
Label label_of(std::string_view text, const Labels& extra);

/// A credits paragraph's opening ("Reporting by", "The story was reported by", "Mitarbeit:"):
/// the length in bytes of `text` it covers, or 0.
size_t credits_opening(std::string_view text);

/// Lists of folded words. Each takes a folded word.
bool is_speech_verb(std::string_view folded);
/// Verbs after which the speaker follows: "according to", "laut", "selon" (the first word).
bool is_source_preposition(std::string_view folded);
bool is_subject_pronoun(std::string_view folded);
/// Titles, offices and descriptors that come before a name ("President", "Chancellor").
bool is_title_word(std::string_view folded);
/// Capitalised words that start sentences rather than names ("The", "When", "Monday").
bool is_name_stopword(std::string_view folded);
/// Words that make a capitalised run an organisation or place, not a person ("House").
bool is_organisation_word(std::string_view folded);
/// Lower-case words inside names ("de", "van", "von der").
bool is_name_particle(std::string_view word);
/// Nouns that name a writing profession ("journalist", "Redakteurin", "chroniqueuse").
bool is_role_noun(std::string_view folded);
/// Abbreviations that end with a period without ending a sentence ("Mr", "Gen", "Dec").
bool is_abbreviation(std::string_view folded);
/// Month and weekday names (en, de, fr), for date lines.
bool is_date_word(std::string_view folded);

}  // namespace galley::structure
