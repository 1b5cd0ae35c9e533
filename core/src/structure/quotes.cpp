// Quotes recogniser: every quotation (“…”, "…", „…“, «…», and block and pull quotes) with its
// speaker — the name linked to it by a speech verb in the same or the adjoining sentence
// ("…,” President Donald Trump told reporters" → Donald Trump; "He added, “…”" → the previous
// speaker; "…,” Peskov said" → Dmitry Peskov, named in full earlier). A quotation worked into a
// sentence is partial; one of one to three words is also a scare quote, which needs no speaker.
#include <algorithm>
#include <map>
#include <optional>

#include "structure/lexicon.h"
#include "structure/parts.h"
#include "structure/tokens.h"
#include "text_util.h"

namespace galley::structure {
namespace {

constexpr size_t kNone = static_cast<size_t>(-1);
// How far past a closing mark an attribution ("President Donald Trump told") may reach.
constexpr size_t kAfterWindow = 12;
// How far before an opening mark (or in the sentence before) a speaker may be named.
constexpr size_t kBeforeWindow = 40;
constexpr uint32_t kScareWords = 3;
// How long a description set off by commas between a name and its verb may be.
constexpr size_t kAppositiveWords = 8;
// Block quotes shorter than this need quotation marks or an attribution to be quotations.
constexpr uint32_t kMinBlockQuoteWords = 5;

struct Found {
  std::string name;
  SourceRange range;
  float confidence = 0;
  const char* reason = "";
  explicit operator bool() const { return !name.empty(); }
};

bool closes(char32_t open, char32_t close) {
  switch (open) {
    case 0x201C:
      return close == 0x201D;
    case 0x201E:
      return close == 0x201C || close == 0x201D;
    case 0xAB:
      return close == 0xBB;
    case 0xBB:
      return close == 0xAB;
    case '"':
      return close == '"';
    default:
      return false;
  }
}

bool strong_verb(std::string_view f) {
  static constexpr std::string_view kStrong[] = {
      "said",  "says",     "told",   "tells",  "added",     "adds",  "asked",
      "wrote", "writes",   "sagte",  "sagt",   "erklärte",  "so",    "déclaré",
      "dit",   "explique", "ajoute", "ajouté", "according", "selon", "laut"};
  for (std::string_view s : kStrong) {
    if (s == f) return true;
  }
  return false;
}

bool adverb(std::string_view f) {
  static constexpr std::string_view kAdverbs[] = {
      "also", "then",    "later", "again",   "once", "previously", "repeatedly",
      "auch", "bereits", "aussi", "ensuite", "had",  "has",        "have"};
  for (std::string_view s : kAdverbs) {
    if (s == f) return true;
  }
  return false;
}

bool preposition(std::string_view f) {
  static constexpr std::string_view kPrepositions[] = {
      "in",   "at",   "from", "to",  "of",   "by",  "for", "with", "on",
      "into", "over", "near", "aus", "nach", "bei", "à",   "en",   "vers"};
  for (std::string_view s : kPrepositions) {
    if (s == f) return true;
  }
  return false;
}

// Code spans' ranges in a TextMap text (quotation marks inside code are not quotes).
void code_spans(const Inlines& inlines, uint32_t& pos, std::vector<SourceRange>& out) {
  for (const Inline& in : inlines) {
    switch (in.kind) {
      case InlineKind::text:
        pos += static_cast<uint32_t>(in.text.size());
        break;
      case InlineKind::code:
        out.push_back({pos, pos + static_cast<uint32_t>(in.text.size())});
        pos += static_cast<uint32_t>(in.text.size());
        break;
      case InlineKind::soft_break:
      case InlineKind::line_break:
        pos += 1;
        break;
      case InlineKind::html:
      case InlineKind::footnote_reference:
        break;
      default:
        code_spans(in.children, pos, out);
        break;
    }
  }
}

// Template syntax left in the text ({{< img src="…" >}}, {{ "/path" | url }}, {% tag "…" %}):
// its quotation marks delimit arguments, not quotations.
void template_spans(std::string_view text, std::vector<SourceRange>& out) {
  size_t i = 0;
  while ((i = text.find('{', i)) != std::string_view::npos) {
    if (i + 1 >= text.size() || (text[i + 1] != '{' && text[i + 1] != '%')) {
      ++i;
      continue;
    }
    const std::string_view close = text[i + 1] == '{' ? "}}" : "%}";
    const size_t end = text.find(close, i + 2);
    if (end == std::string_view::npos) return;
    out.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(end + 2)});
    i = end + 2;
  }
}

struct Unit {
  const Inlines* inlines = nullptr;  // a paragraph-like text
  const Block* quote = nullptr;      // or a block quote
  SourceRange range;
};

void collect_block(const Block& b, std::vector<Unit>& out) {
  switch (b.kind) {
    case BlockKind::paragraph:
      out.push_back({&b.inlines, nullptr, b.range});
      break;
    case BlockKind::quote:
      out.push_back({nullptr, &b, b.range});
      break;
    case BlockKind::list:
    case BlockKind::item:
      for (const Block& c : b.children) collect_block(c, out);
      break;
    default:
      break;
  }
}

class QuoteFinder {
 public:
  QuoteFinder(std::vector<Quote>& out, bool german) : out_(out), german_(german) {}

  void text_unit(const Inlines& inlines) {
    const detail::TextMap map(inlines);
    const std::string_view text = map.text();
    const std::vector<Token> tokens = tokenize(text);
    std::vector<SourceRange> code;
    uint32_t pos = 0;
    code_spans(inlines, pos, code);
    template_spans(text, code);
    std::sort(code.begin(), code.end(),
              [](SourceRange x, SourceRange y) { return x.begin < y.begin; });
    learn_names(tokens, text);

    const bool continues =
        !pending_.empty() && !tokens.empty() && !tokens[0].word && is_opening_quote(tokens[0].cp);
    if (!continues) pending_.clear();

    // Pair the marks: one level (nested quotes belong to the outer one).
    std::vector<std::pair<size_t, size_t>> pairs;
    size_t open = kNone;
    size_t c = 0;
    for (size_t i = 0; i < tokens.size(); ++i) {
      const Token& t = tokens[i];
      if (t.word) continue;
      while (c < code.size() && code[c].end <= t.begin) ++c;
      if (c < code.size() && code[c].begin <= t.begin) continue;
      if (open != kNone) {
        if (closes(tokens[open].cp, t.cp) && closing_position(tokens, i)) {
          pairs.emplace_back(open, i);
          open = kNone;
        } else if (t.cp == tokens[open].cp && t.cp != '"' && opening_position(tokens, i)) {
          open = i;  // the previous one never closed
        }
        continue;
      }
      if (is_opening_quote(t.cp) && opening_position(tokens, i)) open = i;
    }
    if (open != kNone) pairs.emplace_back(open, kNone);

    // Sentences matter only to quotations and to a paragraph that ends with a colon.
    const bool colon = !tokens.empty() && !tokens.back().word && tokens.back().cp == ':';
    std::vector<uint32_t> starts;
    if (!pairs.empty() || colon) starts = sentence_starts(tokens, text);
    starts_ = &starts;
    for (const auto& [o, cl] : pairs) quote(tokens, text, map, o, cl, continues && o == 0);
    intro_ = introduction(tokens, text, map);
    starts_ = nullptr;
  }

  void block_unit(const Block& b) {
    Quote q;
    q.kind = b.pull ? QuoteKind::pull : QuoteKind::block;
    q.range = b.range;
    std::string text;
    for (const Block& c : b.children) {
      const std::string t = detail::plain_text(c);
      if (t.empty()) continue;
      if (!text.empty()) text += '\n';
      text += t;
    }
    const std::string_view trimmed = detail::trim_unicode(text);
    q.text = strip_marks(trimmed);
    const Found intro = intro_;
    intro_ = Found{};
    pending_.clear();
    // A short block quote with no quotation marks and no source is a styled line ("> _Department
    // of State_"), not a quotation.
    const bool marked = q.text.size() != trimmed.size() || !b.speaker.empty() || b.pull;
    if (q.text.empty() || (!marked && styled_line(b, q.text))) return;
    for (const Block& c : b.children) {
      if (c.kind != BlockKind::paragraph) continue;
      const std::string t = detail::plain_text(c.inlines);
      learn_names(tokenize(t), t);
    }
    if (!b.speaker.empty()) {
      q.speaker = resolve(b.speaker);
      for (const Inline& in : b.attribution) {
        if (in.range.empty()) continue;
        if (q.speaker_range.empty()) q.speaker_range = in.range;
        q.speaker_range.end = std::max(q.speaker_range.end, in.range.end);
      }
      q.how = b.how;
      last_ = Found{q.speaker, q.speaker_range, b.how.confidence, ""};
    } else if (intro) {
      q.speaker = resolve(intro.name);
      q.speaker_range = intro.range;
      q.how = {0.6f, "introduced-by-previous-paragraph"};
      last_ = intro;
      last_.name = q.speaker;
    } else {
      q.how = {1.0f, "no-speaker"};
    }
    out_.push_back(std::move(q));
  }

 private:
  static std::string strip_marks(std::string_view s) {
    if (s.empty()) return {};
    size_t i = 0;
    const char32_t first = detail::decode_utf8(s, i);
    size_t j = s.size();
    const char32_t last = detail::decode_utf8_before(s, j);
    if (!is_opening_quote(first) || !closes(first, last) || j <= i) return std::string(s);
    // Only one quotation: "“A.” “B.”" keeps its marks.
    const std::string_view inner = s.substr(i, j - i);
    for (size_t k = 0; k < inner.size();) {
      if (detail::decode_utf8(inner, k) == first) return std::string(s);
    }
    return std::string(detail::trim_unicode(inner));
  }

  // A block quote used to set a line apart ("> _Department of State_", "> **Challenge.gov**"):
  // a few words, or one line that is all emphasis or ends without punctuation.
  static bool styled_line(const Block& b, const std::string& text) {
    const uint32_t words = detail::count_words(text);
    if (words < kMinBlockQuoteWords) return true;
    if (b.children.size() != 1 || text.find('\n') != std::string::npos || words > 12) return false;
    const Block& p = b.children[0];
    if (p.kind != BlockKind::paragraph) return false;
    if (only_emphasis(p) || (p.inlines.size() == 1 && p.inlines[0].kind == InlineKind::strong))
      return true;
    const char last = text.back();
    return last != '.' && last != '!' && last != '?';
  }

  static bool opening_position(const std::vector<Token>& tokens, size_t i) {
    if (i + 1 >= tokens.size()) return false;
    const char32_t cp = tokens[i].cp;
    if (cp == '"' || cp == 0xBB) {
      const bool before =
          i == 0 || tokens[i].space_before || (!tokens[i - 1].word && tokens[i - 1].cp != '.');
      return before && !tokens[i + 1].space_before;
    }
    return true;
  }

  static bool closing_position(const std::vector<Token>& tokens, size_t i) {
    const char32_t cp = tokens[i].cp;
    if (cp != '"' && cp != 0xAB) return true;
    if (cp == '"' && tokens[i].space_before && i + 1 < tokens.size() && !tokens[i + 1].space_before)
      return false;
    return true;
  }

  bool verb(const std::vector<Token>& tokens, std::string_view text, size_t i) const {
    if (i >= tokens.size() || !tokens[i].word) return false;
    const Folded f = folded(tokens[i], text);
    if (f == "so" && !german_) return false;
    return is_speech_verb(f);
  }

  // Surnames are resolved to the full name seen before ("Peskov" → "Dmitry Peskov").
  std::string resolve(const std::string& name) const {
    if (name.find(' ') != std::string::npos) return name;
    const auto it = known_.find(fold(name));
    return it == known_.end() ? name : it->second;
  }

  void learn(const std::string& full) {
    const size_t space = full.rfind(' ');
    if (space == std::string::npos) return;
    known_[fold(full.substr(space + 1))] = full;
  }

  void learn_names(const std::vector<Token>& tokens, std::string_view text) {
    for (size_t i = 0; i < tokens.size(); ++i) {
      if (!tokens[i].word || !tokens[i].upper) continue;
      const std::optional<NameSpan> n = name_starting_at(tokens, text, i);
      if (!n) continue;
      if (n->last > n->first && looks_like_person(tokens, text, *n))
        learn(std::string(name_text(tokens, text, *n)));
      i = n->last;
    }
  }

  // Whether a name found next to a verb is a speaker: a person's name; one word only with a
  // verb of saying, or when it was named in full before, and not opening the sentence.
  bool acceptable(const std::vector<Token>& tokens, std::string_view text, NameSpan n,
                  size_t sentence, bool strong, bool after_preposition = false) const {
    if (!looks_like_person(tokens, text, n)) return false;
    if (!after_preposition && n.first > 0 && tokens[n.first - 1].word &&
        preposition(folded(tokens[n.first - 1], text)))
      return false;
    if (n.last > n.first) return true;
    const bool known = known_.count(fold(name_text(tokens, text, n))) > 0;
    if (n.first == sentence && !known) return false;
    return strong || known;
  }

  Found named(const std::vector<Token>& tokens, std::string_view text, const detail::TextMap& map,
              NameSpan n, float confidence, const char* reason) const {
    Found f;
    f.name = resolve(std::string(name_text(tokens, text, n)));
    f.range = map.source_range(tokens[n.first].begin, tokens[n.last].end);
    f.confidence = confidence;
    f.reason = reason;
    return f;
  }

  Found previous(float confidence, const char* reason) const {
    if (!last_) return {};
    Found f = last_;
    f.confidence = confidence;
    f.reason = reason;
    return f;
  }

  // "…,” President Donald Trump told reporters", "…,” said Peskov", "…,” he said".
  Found after_close(const std::vector<Token>& tokens, std::string_view text,
                    const detail::TextMap& map, size_t close) const {
    size_t k = close + 1;
    while (k < tokens.size() && !tokens[k].word &&
           (tokens[k].cp == ',' || tokens[k].cp == 0x2014 || tokens[k].cp == 0x2013))
      ++k;
    if (k >= tokens.size() || !tokens[k].word) return {};
    const size_t sentence = k;
    size_t limit = std::min(tokens.size(), k + kAfterWindow);
    for (size_t j = k; j < limit; ++j) {
      if (!tokens[j].word &&
          (is_opening_quote(tokens[j].cp) || ends_sentence_at(tokens, text, j))) {
        limit = j;
        break;
      }
    }
    for (size_t v = k; v < limit; ++v) {
      if (!tokens[v].word) {
        if (tokens[v].cp == ',' && v > k + 1) break;  // past the attribution
        continue;
      }
      if (!verb(tokens, text, v)) continue;
      const bool strong = strong_verb(folded(tokens[v], text));
      if (v == k ||
          (v == k + 1 && (folded(tokens[k], text) == "a" || folded(tokens[k], text) == "hat"))) {
        // The verb first: "said Dmitry Peskov, the Kremlin's spokesman".
        if (v + 1 < limit && is_subject_pronoun(folded(tokens[v + 1], text)))
          return previous(0.75f, "pronoun-after-quote");
        // Titles and what describes them stand between the verb and the name: "said Kremlin
        // spokesman Dmitry Peskov", "said the Kremlin's spokesman Dmitry Peskov".
        for (size_t j = v + 1; j < limit && j < v + 8; ++j) {
          if (!tokens[j].word) break;
          const Folded w = folded(tokens[j], text);
          if (!tokens[j].upper) {
            if (is_title_word(w) || (j == v + 1 && (w == "the" || w == "a"))) continue;
            break;
          }
          if (tokens[j].possessive) continue;
          const std::optional<NameSpan> n = name_starting_at(tokens, text, j);
          if (!n) break;
          if (n->last + 1 < limit && tokens[n->last + 1].word && !tokens[n->last + 1].upper &&
              is_title_word(folded(tokens[n->last + 1], text))) {
            j = n->last;  // "Kremlin" in "Kremlin spokesman"
            continue;
          }
          if (n->last < limit && acceptable(tokens, text, *n, sentence, true)) {
            return named(tokens, text, map, *n, 0.85f, "verb-then-name-after-quote");
          }
          break;
        }
        return {};
      }
      // The name first: "President Donald Trump told", "Peskov said".
      size_t s = v;
      while (s > k && adverb(folded(tokens[s - 1], text))) --s;
      if (s == k) return {};
      if (is_subject_pronoun(folded(tokens[s - 1], text)))
        return previous(0.75f, "pronoun-after-quote");
      const std::optional<NameSpan> n = name_ending_at(tokens, text, s - 1);
      if (n && n->first >= k && acceptable(tokens, text, *n, kNone, strong)) {
        return named(tokens, text, map, *n, 0.9f, "name-then-verb-after-quote");
      }
      return {};
    }
    return {};
  }

  // A speaker named by a verb in [from, to): "German Chancellor Friedrich Merz praised the
  // progress, calling it a “…”", "He added, “…”", "according to Peskov, “…”".
  Found speaker_in(const std::vector<Token>& tokens, std::string_view text,
                   const detail::TextMap& map, size_t from, size_t to, const char* name_reason,
                   const char* pronoun_reason, float confidence) const {
    for (size_t v = to; v-- > from;) {
      if (!tokens[v].word) continue;
      const Folded f = folded(tokens[v], text);
      if (is_source_preposition(f)) {
        size_t m = v + 1;
        if (m < to && folded(tokens[m], text) == "to") ++m;
        const std::optional<NameSpan> n = name_starting_at(tokens, text, m);
        if (n && n->last < to && acceptable(tokens, text, *n, kNone, true, true)) {
          return named(tokens, text, map, *n, confidence, "according-to");
        }
        continue;
      }
      if (!verb(tokens, text, v)) continue;
      const bool strong = strong_verb(f);
      size_t s = v;
      while (s > from && adverb(folded(tokens[s - 1], text))) --s;
      if (s > from) {
        if (is_subject_pronoun(folded(tokens[s - 1], text)))
          return previous(confidence - 0.05f, pronoun_reason);
        const std::optional<NameSpan> n = name_ending_at(tokens, text, s - 1);
        if (n && n->first >= from && acceptable(tokens, text, *n, from, strong)) {
          return named(tokens, text, map, *n, confidence, name_reason);
        }
        // A name set off by commas before the verb ("The engineer in charge, Li Wei, told"), or
        // followed by what it is ("Olena Shevchenko, a nurse, said").
        if (s > from + 2 && !tokens[s - 1].word && tokens[s - 1].cp == ',') {
          const std::optional<NameSpan> a = name_ending_at(tokens, text, s - 2);
          if (a && a->first > from && !tokens[a->first - 1].word &&
              tokens[a->first - 1].cp == ',' && acceptable(tokens, text, *a, from, strong)) {
            return named(tokens, text, map, *a, confidence, name_reason);
          }
          for (size_t c = s - 2; c > from + 1 && c + kAppositiveWords > s; --c) {
            if (tokens[c].word) continue;
            if (tokens[c].cp != ',') break;
            const std::optional<NameSpan> b = name_ending_at(tokens, text, c - 1);
            if (b && b->first >= from && acceptable(tokens, text, *b, from, strong))
              return named(tokens, text, map, *b, confidence, name_reason);
            break;
          }
        }
      }
      if (v + 1 < to && tokens[v + 1].word && tokens[v + 1].upper) {
        const std::optional<NameSpan> n = name_starting_at(tokens, text, v + 1);
        if (n && n->last < to && acceptable(tokens, text, *n, kNone, strong)) {
          return named(tokens, text, map, *n, confidence - 0.1f, "verb-then-name");
        }
      }
    }
    return {};
  }

  // A paragraph that ends with a colon introduces what follows: "Peskov told reporters:".
  Found introduction(const std::vector<Token>& tokens, std::string_view text,
                     const detail::TextMap& map) const {
    if (tokens.empty() || tokens.back().word || tokens.back().cp != ':') return {};
    const size_t last = tokens.size() - 1;
    const size_t from =
        std::max<size_t>((*starts_)[last], last > kBeforeWindow ? last - kBeforeWindow : 0);
    return speaker_in(tokens, text, map, from, tokens.size() - 1,
                      "introduced-by-previous-paragraph", "introduced-by-previous-paragraph", 0.7f);
  }

  void quote(const std::vector<Token>& tokens, std::string_view text, const detail::TextMap& map,
             size_t o, size_t c, bool continuation) {
    const uint32_t inner_begin = tokens[o].end;
    const uint32_t inner_end = c == kNone ? static_cast<uint32_t>(text.size()) : tokens[c].begin;
    std::string_view inner =
        detail::trim_unicode(text.substr(inner_begin, inner_end - inner_begin));
    while (!inner.empty() && inner.back() == ',')
      inner = detail::trim_unicode(inner.substr(0, inner.size() - 1));
    const uint32_t words = detail::count_words(inner);
    if (words == 0) return;

    Quote q;
    q.kind = QuoteKind::inline_quote;
    q.text = std::string(inner);
    q.range = map.source_range(tokens[o].begin,
                               c == kNone ? static_cast<uint32_t>(text.size()) : tokens[c].end);
    const size_t sentence = (*starts_)[o];
    // The search for a speaker looks a bounded way back, so that one long sentence full of
    // quotations stays linear.
    const size_t window = std::max<size_t>(sentence, o > kBeforeWindow ? o - kBeforeWindow : 0);
    size_t first = 0;
    const bool upper_start = detail::is_upper(detail::decode_utf8(inner, first));
    bool statement = o == sentence;
    if (!statement) {
      const Token& p = tokens[o - 1];
      if (!p.word) {
        statement = p.cp == ':' || p.cp == 0x2014 || p.cp == 0x2013 || p.cp == '(' ||
                    is_closing_quote(p.cp) || (p.cp == ',' && upper_start);
      } else {
        statement = upper_start && verb(tokens, text, o - 1);
      }
    }
    q.partial = !statement;
    q.scare = !statement && words <= kScareWords;

    Found f;
    if (c != kNone) f = after_close(tokens, text, map, c);
    if (!f)
      f = speaker_in(tokens, text, map, window, o, "name-then-verb-before-quote",
                     "pronoun-before-quote", 0.8f);
    if (!f && statement && o == sentence) {
      if (sentence > 0) {
        // The adjoining sentence before it: "Peskov spoke to reporters on Tuesday. “…”"
        const size_t prev = std::max<size_t>(
            (*starts_)[sentence - 1], sentence > kBeforeWindow ? sentence - kBeforeWindow : 0);
        f = speaker_in(tokens, text, map, prev, sentence, "adjoining-sentence",
                       "adjoining-sentence", 0.6f);
      } else if (intro_) {
        f = intro_;
      }
    }
    if (f) {
      q.speaker = f.name;
      q.speaker_range = f.range;
      q.how = {f.confidence, f.reason};
      last_ = f;
      learn(f.name);
      if (continuation) {
        for (size_t idx : pending_) {
          out_[idx].speaker = f.name;
          out_[idx].speaker_range = f.range;
          out_[idx].how = {f.confidence * 0.9f, "speaker-of-the-quote-it-continues-in"};
        }
        pending_.clear();
      }
    } else if (c == kNone) {
      q.how = {0.5f, "continues-in-next-paragraph"};
    } else {
      q.how = {1.0f, q.scare ? "scare-quote" : "no-speaker"};
    }
    out_.push_back(std::move(q));
    if (c == kNone && !f) pending_.push_back(out_.size() - 1);
  }

  std::vector<Quote>& out_;
  bool german_;
  std::map<std::string, std::string> known_;  // folded surname → full name
  Found last_;                                // the last speaker, for "he said"
  Found intro_;                               // a speaker a paragraph ending in ':' introduced
  std::vector<size_t> pending_;               // open quotes that continue in the next paragraph
  const std::vector<uint32_t>* starts_ = nullptr;  // sentence starts of the current text
};

}  // namespace

void recognise_quotes(Work& w) {
  Article& a = w.article;
  std::vector<Unit> units;
  if (a.dek) units.push_back({&a.dek->inlines, nullptr, a.dek->range});
  for (const Section& s : a.sections) {
    for (const Block& b : s.blocks) collect_block(b, units);
  }
  if (a.takeaways) {
    for (const TextPart& item : a.takeaways->items)
      units.push_back({&item.inlines, nullptr, item.range});
  }
  if (a.author_box) {
    for (const Block& b : a.author_box->bio) collect_block(b, units);
  }
  std::stable_sort(units.begin(), units.end(),
                   [](const Unit& x, const Unit& y) { return x.range.begin < y.range.begin; });
  QuoteFinder finder(a.quotes, a.meta.language.rfind("de", 0) == 0);
  for (const Unit& u : units) {
    if (u.quote) {
      finder.block_unit(*u.quote);
    } else {
      finder.text_unit(*u.inlines);
    }
  }
}

}  // namespace galley::structure
