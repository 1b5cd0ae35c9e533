// Meta recogniser: front matter facts (date, tags, kicker, every key as JSON) and the
// article's language — from front matter, else from its most common short words, else the
// locale option.
#include <cstdint>
#include <string>
#include <string_view>

#include "structure/lexicon.h"
#include "structure/parts.h"
#include "text_util.h"

namespace galley::structure {
namespace {

// Enough words to tell English, German and French apart.
constexpr uint32_t kSampleWords = 2000;

// A word of at most five bytes as one integer: its length, then its bytes.
uint64_t packed(std::string_view w) {
  uint64_t key = w.size();
  for (const char c : w) key = key << 8 | static_cast<unsigned char>(c);
  return key;
}

// The common words, packed, in an open-addressing table: 0 marks an empty slot.
struct LanguageTable {
  static constexpr size_t kSlots = 128;
  uint64_t key[kSlots] = {};
  int8_t language[kSlots] = {};

  static size_t slot(uint64_t k) { return static_cast<size_t>((k * 0x9E3779B97F4A7C15ull) >> 57); }
  void add(std::string_view w, int8_t l) {
    const uint64_t k = packed(w);
    size_t h = slot(k);
    while (key[h] != 0) {
      if (key[h] == k) return;  // the first language listed keeps a shared word
      h = (h + 1) % kSlots;
    }
    key[h] = k;
    language[h] = l;
  }
  int find(std::string_view w) const {
    if (w.empty() || w.size() > 5) return -1;
    return find_key(packed(w));
  }
  // The language of a word packed as packed() does.
  int find_key(uint64_t k) const {
    for (size_t h = slot(k);; h = (h + 1) % kSlots) {
      if (key[h] == 0) return -1;
      if (key[h] == k) return language[h];
    }
  }
};

const LanguageTable& language_table() {
  static const LanguageTable table = [] {
    static constexpr std::string_view kEn[] = {"the",  "and",  "of",  "to",  "is",   "that",
                                               "with", "for",  "was", "are", "it",   "on",
                                               "this", "have", "be",  "not", "from", "they"};
    static constexpr std::string_view kDe[] = {"der", "und", "das", "ist", "nicht", "mit",
                                               "den", "von", "zu",  "ein", "eine",  "sich",
                                               "auf", "für", "dem", "des", "auch",  "wird"};
    static constexpr std::string_view kFr[] = {"le",   "la",   "les",  "et", "est",  "une",
                                               "dans", "pour", "que",  "du", "pas",  "qui",
                                               "sur",  "au",   "avec", "ce", "sont", "il"};
    LanguageTable t;
    for (std::string_view w : kEn) t.add(w, 0);
    for (std::string_view w : kDe) t.add(w, 1);
    for (std::string_view w : kFr) t.add(w, 2);
    return t;
  }();
  return table;
}

// The language of a word of at most five bytes: ASCII is lowered as it is packed, the rest
// folded. A word's ASCII bytes are letters, digits, ' and -, which c | 0x20 lowers or keeps.
int language_of_short_word(std::string_view w) {
  uint64_t key = w.size();
  for (const char ch : w) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x80) return language_table().find(Folded(w));
    key = key << 8 | (c | 0x20u);
  }
  return language_table().find_key(key);
}

// Samples the first kSampleWords words of the blocks; `text` is a buffer the calls share.
void sample_block(const Block& b, uint32_t& seen, uint32_t counts[3], std::string& text) {
  if (seen >= kSampleWords) return;
  if (b.kind == BlockKind::code || b.kind == BlockKind::html) return;
  text.clear();
  detail::append_plain_text(b.inlines, text);
  bool full = false;
  detail::for_each_word(text, [&](size_t begin, size_t end) {
    if (full) return;
    if (++seen > kSampleWords) {
      full = true;
      return;
    }
    if (end - begin > 5) return;
    const int l = language_of_short_word(std::string_view(text).substr(begin, end - begin));
    if (l >= 0) ++counts[l];
  });
  if (full) return;
  for (const Block& c : b.children) sample_block(c, seen, counts, text);
}

}  // namespace

void recognise_meta(Work& w) {
  const parse::FrontMatter& fm = w.doc.front_matter;
  Meta& m = w.article.meta;
  m.front_matter_format = fm.format;
  m.front_matter_json = fm.json.empty() ? "{}" : fm.json;
  m.front_matter_range = fm.range;
  m.date = fm.date;
  m.tags = fm.tags;
  m.kicker = fm.kicker;

  if (!fm.language.empty()) {
    std::string lang = fm.language;
    for (char& c : lang) {
      if (c == '_') c = '-';
    }
    m.language = lang;
    m.language_how = {1.0f, "front-matter"};
    return;
  }
  uint32_t counts[3] = {0, 0, 0};
  uint32_t seen = 0;
  std::string text;
  for (const Block& b : w.blocks) sample_block(b, seen, counts, text);
  static const char* const kCodes[] = {"en", "de", "fr"};
  int best = 0;
  for (int l = 1; l < 3; ++l) {
    if (counts[l] > counts[best]) best = l;
  }
  uint32_t second = 0;
  for (int l = 0; l < 3; ++l) {
    if (l != best && counts[l] > second) second = counts[l];
  }
  if (counts[best] >= 5 && counts[best] >= 2 * second) {
    m.language = kCodes[best];
    const float share =
        static_cast<float>(counts[best]) / static_cast<float>(counts[best] + second);
    m.language_how = {share, "common-words"};
    return;
  }
  m.language = w.options.locale.empty() ? "en" : w.options.locale;
  m.language_how = {0.5f, "locale-option"};
}

}  // namespace galley::structure
