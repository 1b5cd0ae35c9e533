// Locale-aware typography: one linear pass over prose that finds (scan) or applies (apply)
// quotes, apostrophes, dashes, ellipses and space fixes, without regexes or per-character
// allocation.
#include "typography/typography.h"

#include "bytes8.h"
#include "text_util.h"

namespace galley::typography {
namespace {

enum class Lang : uint8_t { en, de, fr };

// Code points used below.
constexpr char32_t kNbsp = 0xA0;          // no-break space
constexpr char32_t kNarrowNbsp = 0x202F;  // narrow no-break space
constexpr char32_t kThinSpace = 0x2009;
constexpr char32_t kNbHyphen = 0x2011;
constexpr char32_t kEnDash = 0x2013;
constexpr char32_t kEmDash = 0x2014;
constexpr char32_t kLeftSingle = 0x2018;    // ‘
constexpr char32_t kRightSingle = 0x2019;   // ’
constexpr char32_t kLowSingle = 0x201A;     // ‚
constexpr char32_t kLeftDouble = 0x201C;    // “
constexpr char32_t kRightDouble = 0x201D;   // ”
constexpr char32_t kLowDouble = 0x201E;     // „
constexpr char32_t kLeftGuillemet = 0xAB;   // «
constexpr char32_t kRightGuillemet = 0xBB;  // »
constexpr char32_t kEllipsisChar = 0x2026;

// UTF-8 of what is written.
constexpr std::string_view kNbspU8 = "\xC2\xA0";
constexpr std::string_view kNarrowNbspU8 = "\xE2\x80\xAF";
constexpr std::string_view kApostropheU8 = "\xE2\x80\x99";  // ’
constexpr std::string_view kEnDashU8 = "\xE2\x80\x93";
constexpr std::string_view kEmDashU8 = "\xE2\x80\x94";
constexpr std::string_view kEllipsisU8 = "\xE2\x80\xA6";

Lang lang_of(std::string_view locale) {
  if (locale.size() < 2 || (locale.size() > 2 && locale[2] != '-' && locale[2] != '_')) {
    return Lang::en;
  }
  const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
  const char a = lower(locale[0]);
  const char b = lower(locale[1]);
  if (a == 'd' && b == 'e') return Lang::de;
  if (a == 'f' && b == 'r') return Lang::fr;
  return Lang::en;
}

// The marks of a locale. French doubles get narrow no-break spaces inside (added where used);
// French second-level quotes are English doubles, as the Imprimerie nationale sets them.
struct Marks {
  std::string_view open_double, close_double, open_single, close_single;
  char32_t od, cd, os, cs;
};

constexpr Marks kMarksEn{"\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x98", "\xE2\x80\x99",
                         kLeftDouble,    kRightDouble,   kLeftSingle,    kRightSingle};
constexpr Marks kMarksDe{"\xE2\x80\x9E", "\xE2\x80\x9C", "\xE2\x80\x9A", "\xE2\x80\x98",
                         kLowDouble,     kLeftDouble,    kLowSingle,     kLeftSingle};
constexpr Marks kMarksFr{"\xC2\xAB",     "\xC2\xBB",      "\xE2\x80\x9C", "\xE2\x80\x9D",
                         kLeftGuillemet, kRightGuillemet, kLeftDouble,    kRightDouble};

const Marks& marks_of(Lang l) {
  return l == Lang::de ? kMarksDe : l == Lang::fr ? kMarksFr : kMarksEn;
}

// Spaces that may form a run between words (tabs and line ends end a run).
bool is_run_space(char32_t c) {
  return c == ' ' || c == kNbsp || c == kNarrowNbsp || (c >= 0x2000 && c <= 0x200A);
}
// Any white space; 0 (nothing known) is not.
bool is_blank(char32_t c) {
  return c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0x2028 ||
         c == 0x2029 || detail::is_unicode_space(c);
}
// Spaces that already keep a mark on its word (accepted as they are).
bool is_nobreak(char32_t c) { return c == kNbsp || c == kNarrowNbsp || c == kThinSpace; }
bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }
bool is_word(char32_t c) { return detail::is_word_char(c); }

// Characters after which a quotation mark opens.
bool is_opener(char32_t c, Lang l) {
  switch (c) {
    case '(':
    case '[':
    case '{':
    case '<':
    case '/':
    case '-':
    case '"':
    case '\'':
    case 0x2010:
    case kNbHyphen:
    case kEnDash:
    case kEmDash:
      return true;
    default:
      break;
  }
  const Marks& m = marks_of(l);
  return c == m.od || c == m.os || (l == Lang::fr && c == 0x2039) ||
         (l == Lang::de && (c == kRightGuillemet || c == 0x203A));
}

// Something written that a dash or space can stand beside (not white space, not a straight
// quote left alone because its direction was unclear).
bool is_content(char32_t c) { return c != 0 && !is_blank(c) && c != '"' && c != '\''; }

// Punctuation that closes a phrase: nothing is spaced off before it by a dash.
bool is_closing_punct(char32_t c) {
  switch (c) {
    case '.':
    case ',':
    case ';':
    case ':':
    case '!':
    case '?':
    case ')':
    case ']':
    case '}':
    case '%':
    case kRightGuillemet:
    case kRightDouble:
    case kRightSingle:
    case kEllipsisChar:
      return true;
    default:
      return false;
  }
}

// After French ; ! ? the clause ends: white space, the end, or closing punctuation.
bool ends_clause(char32_t c) {
  switch (c) {
    case 0:
    case '!':
    case '?':
    case '.':
    case ',':
    case ';':
    case ')':
    case ']':
    case '"':
    case '\'':
    case kRightGuillemet:
    case kRightDouble:
    case kRightSingle:
    case kEllipsisChar:
      return true;
    default:
      return is_blank(c);
  }
}

// What French ; ! ? : may follow to get a no-break space: a word or closing punctuation.
bool french_punct_follows(char32_t c) {
  return is_word(c) || c == ')' || c == ']' || c == kRightGuillemet || c == kRightDouble ||
         c == kRightSingle || c == kEllipsisChar || c == '%';
}

enum class Dir : uint8_t { leave, open, close, apostrophe };

// Which bytes the scanner stops at: every byte from 0x80 on, ' and ", and, by the bits of the
// table's index, ' ' (1), '-' (2), '.' (4) and French ; ! ? : (8). Every other byte only
// becomes the previous character.
struct StopTable {
  bool stop[256] = {};
};

struct StopTables {
  StopTable t[16];
};

constexpr StopTables make_stop_tables() {
  StopTables all;
  for (int k = 0; k < 16; ++k) {
    StopTable& t = all.t[k];
    for (int b = 0x80; b < 256; ++b) t.stop[b] = true;
    t.stop[static_cast<unsigned char>('"')] = true;
    t.stop[static_cast<unsigned char>('\'')] = true;
    if ((k & 1) != 0) t.stop[static_cast<unsigned char>(' ')] = true;
    if ((k & 2) != 0) t.stop[static_cast<unsigned char>('-')] = true;
    if ((k & 4) != 0) t.stop[static_cast<unsigned char>('.')] = true;
    if ((k & 8) != 0) {
      for (const char c : std::string_view(";!?:")) t.stop[static_cast<unsigned char>(c)] = true;
    }
  }
  return all;
}

constexpr StopTables kStopTables = make_stop_tables();

// What skip_plain8() looks for beyond non-ASCII bytes and ' and " (bits).
constexpr unsigned kPlain8Space = 1;
constexpr unsigned kPlain8Dash = 2;
constexpr unsigned kPlain8Dot = 4;

// Where the eight-byte blocks of t from i on stop holding only bytes that the scanner passes
// over as the previous character (outside French): ASCII, none of " ' nor, by `look`, - and .,
// and no space that a space, '-', '%' or a character beyond ASCII follows (a single space between
// words is passed over). A block is tested whole, with the byte after it: a flag can be false (a
// borrow between bytes), never missing, and the byte-by-byte loop decides at a flagged block.
// Not inlined: one copy serves the scanner of every caller.
[[gnu::noinline]] size_t skip_plain8(std::string_view t, size_t i, unsigned look) {
  // Masks rather than branches: one loop, not one per combination of `look`.
  const uint64_t dash = (look & kPlain8Dash) != 0 ? ~uint64_t{0} : 0;
  const uint64_t dot = (look & kPlain8Dot) != 0 ? ~uint64_t{0} : 0;
  const uint64_t space = (look & kPlain8Space) != 0 ? ~uint64_t{0} : 0;
  const char* p = t.data();
  while (i + 9 <= t.size()) {
    const uint64_t x = detail::load8(p + i);
    const uint64_t y = detail::load8(p + i + 1);  // the byte after each byte of x
    const uint64_t flags = detail::has_non_ascii(x) | detail::has_byte(x, '"') |
                           detail::has_byte(x, '\'') | (detail::has_byte(x, '-') & dash) |
                           (detail::has_byte(x, '.') & dot) |
                           (detail::has_byte(x, ' ') & space &
                            (detail::has_byte(y, ' ') | detail::has_byte(y, '-') |
                             detail::has_byte(y, '%') | detail::has_non_ascii(y)));
    if (flags != 0) break;
    i += 8;
  }
  return i;
}

template <typename Emit>
class Scanner {
 public:
  Scanner(std::string_view text, unsigned kinds, const Context& ctx, State& state, Emit& emit)
      : t_(text),
        n_(text.size()),
        kinds_(kinds),
        lang_(lang_of(ctx.locale)),
        m_(marks_of(lang_)),
        ctx_(ctx),
        st_(state),
        emit_(emit),
        prev_(ctx.before) {
    // The ASCII characters that need a closer look for these kinds; any other ASCII character
    // only becomes prev_. A space, '-' or '.' whose kinds are off would be passed over by its
    // handler exactly so; ; ! ? : only matter in French.
    unsigned table = 0;
    if (on(kDashes | kSpaceBeforePercent | kDoubleSpace) || lang_ == Lang::fr) table |= 1;
    if (on(kDashes | kNumberRanges | kNonbreakingHyphen)) table |= 2;
    if (on(kEllipsis)) table |= 4;
    if (lang_ == Lang::fr) table |= 8;
    stop_ = kStopTables.t[table].stop;
    // Outside French, eight bytes at a time past plain text (see skip_plain8()).
    if (lang_ != Lang::fr) {
      words8_ = true;
      look8_ = ((table & 1) != 0 ? kPlain8Space : 0) | ((table & 2) != 0 ? kPlain8Dash : 0) |
               ((table & 4) != 0 ? kPlain8Dot : 0);
    }
  }

  void run() {
    const bool* stop = stop_;
    size_t i = 0;
    while (i < n_) {
      if (words8_ && i + 9 <= n_) {
        const size_t j = skip_plain8(t_, i, look8_);
        if (j != i) {
          prev_ = static_cast<unsigned char>(t_[j - 1]);
          i = j;
          continue;
        }
      }
      const unsigned char b = static_cast<unsigned char>(t_[i]);
      if (!stop[b]) {
        // A run of bytes that only become the previous character.
        size_t j = i + 1;
        while (j < n_ && !stop[static_cast<unsigned char>(t_[j])]) ++j;
        prev_ = static_cast<unsigned char>(t_[j - 1]);
        i = j;
        continue;
      }
      if (b == ' ' && lang_ != Lang::fr && i + 1 < n_) {
        // One space between words (the usual case): on_space_run would only record it, since
        // a dash, a '%' or a second space has to follow for anything to change outside French.
        const auto next = static_cast<unsigned char>(t_[i + 1]);
        if (next < 0x80 && next != ' ' && next != '-' && next != '%') {
          prev_ = ' ';
          ++i;
          continue;
        }
      }
      size_t k = i;
      const char32_t c = detail::decode_utf8(t_, k);
      if (is_run_space(c)) {
        i = on_space_run(i);
      } else if (c == '"') {
        i = on_double(i);
      } else if (c == '\'') {
        i = on_single(i);
      } else if (c == '-' || c == kNbHyphen) {
        i = on_hyphens(i, i, prev_);
      } else if (c == '.') {
        i = on_dots(i);
      } else if (lang_ == Lang::fr && (c == ';' || c == '!' || c == '?' || c == ':')) {
        i = on_french_punct(i, c);
      } else if (lang_ == Lang::fr && c == kLeftGuillemet) {
        i = on_guillemet_open(i);
      } else if (lang_ == Lang::fr && c == kRightGuillemet) {
        i = on_guillemet_close(i);
      } else {
        observe(c);
        prev_ = c;
        i = k;
      }
    }
  }

 private:
  bool on(unsigned kind) const { return (kinds_ & kind) != 0; }

  // The code point at byte k (the context's `after` past the end) and where the next begins.
  char32_t at(size_t k, size_t* next = nullptr) const {
    if (k >= n_) {
      if (next) *next = n_;
      return ctx_.after;
    }
    size_t j = k;
    const char32_t c = detail::decode_utf8(t_, j);
    if (next) *next = j;
    return c;
  }

  // Where the run of run spaces that starts at k ends.
  size_t space_run_end(size_t k) const {
    while (k < n_) {
      size_t j = k;
      if (!is_run_space(detail::decode_utf8(t_, j))) break;
      k = j;
    }
    return k;
  }

  void put(size_t begin, size_t end, std::string_view text, Kind kind, char32_t last) {
    emit_(static_cast<uint32_t>(begin), static_cast<uint32_t>(end), text, kind);
    prev_ = last;
  }

  // Keeps count of open quotation marks from what the text holds after the pass, so that a
  // second pass sees the same counts as the first.
  void observe(char32_t c) {
    if (c == m_.od) {
      ++st_.open_double;
    } else if (c == m_.cd) {
      if (st_.open_double > 0) --st_.open_double;
    } else if (c == m_.os) {
      ++st_.open_single;
    } else if (c == m_.cs && lang_ != Lang::en) {
      // en: ’ is also the apostrophe, so it says nothing about what is open.
      if (st_.open_single > 0) --st_.open_single;
    }
  }

  // --- spaces ---------------------------------------------------------------------------

  size_t on_space_run(size_t a) {
    size_t count = 0;
    bool all_ascii = true;
    char32_t only = 0;
    size_t b = a;
    while (b < n_) {
      size_t j = b;
      const char32_t c = detail::decode_utf8(t_, j);
      if (!is_run_space(c)) break;
      ++count;
      all_ascii = all_ascii && c == ' ';
      only = c;
      b = j;
    }
    const char32_t p = prev_;
    size_t d_end = 0;
    const char32_t d = at(b, &d_end);
    const bool leading = p == 0 || p == '\n' || p == '\r';
    const bool trailing = d == '\n' || d == '\r' || (b >= n_ && ctx_.after == 0);
    const bool one_nobreak = count == 1 && is_nobreak(only);
    prev_ = only;
    if (leading || trailing) return b;

    if (on(kDashes) && (d == '-' || d == kNbHyphen) && is_content(p) && !is_opener(p, lang_)) {
      const size_t r = try_dash(a, b, p);
      if (r != 0) return r;
    }
    if (on(kSpaceBeforePercent) && d == '%' && is_digit(p)) {
      if (lang_ == Lang::en) {
        put(a, b, "", kSpaceBeforePercent, p);
        return b;
      }
      if (!one_nobreak) {
        // DIN 5008 / Duden: a (no-break) space; French: an espace fine insécable.
        put(a, b, lang_ == Lang::de ? kNbspU8 : kNarrowNbspU8, kSpaceBeforePercent,
            lang_ == Lang::de ? kNbsp : kNarrowNbsp);
        return b;
      }
      return b;
    }
    if (lang_ == Lang::fr && is_content(p) && !is_opener(p, lang_)) {
      if (on(kFrenchSpacing) && !one_nobreak) {
        const bool fits = d == kRightGuillemet ||
                          ((d == ';' || d == '!' || d == '?' || d == ':') && clause_ends_at(d_end));
        if (fits) {
          put(a, b, d == ':' ? kNbspU8 : kNarrowNbspU8, kFrenchSpacing,
              d == ':' ? kNbsp : kNarrowNbsp);
          return b;
        }
      }
      if (on(kQuotes) && d == '"' && !one_nobreak &&
          decide_double(d_end, only, at(d_end), b) == Dir::close) {
        // « mot " → « mot » : the space becomes the narrow no-break space inside the mark.
        emit_(static_cast<uint32_t>(a), static_cast<uint32_t>(d_end), "\xE2\x80\xAF\xC2\xBB",
              kQuotes);
        prev_ = kRightGuillemet;
        observe(kRightGuillemet);
        return d_end;
      }
    }
    if (on(kDoubleSpace) && all_ascii && count >= 2) {
      put(a, b, " ", kDoubleSpace, ' ');
      return b;
    }
    return b;
  }

  // --- dashes ---------------------------------------------------------------------------

  // A run of hyphens (and U+2011) at i; `left` is where the spaces before it begin (== i when
  // there are none) and `p` the character before those spaces. Returns the index after what
  // was replaced, or 0 when the run is not a dash.
  size_t try_dash(size_t left, size_t i, char32_t p) {
    size_t j = i;
    size_t count = 0;
    while (j < n_) {
      size_t k = j;
      const char32_t c = detail::decode_utf8(t_, k);
      if (c != '-' && c != kNbHyphen) break;
      ++count;
      j = k;
    }
    const bool spaced_left = left < i;
    const size_t r = space_run_end(j);
    const char32_t q = at(r);
    const bool left_content = is_content(p) && !is_opener(p, lang_);
    const bool right_content = is_content(q) && !is_closing_punct(q);
    if (count == 1) {
      if (!(spaced_left && r > j && left_content && right_content)) return 0;
      if (is_digit(p) && is_digit(q)) return 0;  // 5 - 3: arithmetic or a range, not a dash
    } else if (count == 2 || count == 3) {
      if ((!spaced_left && p == '<') || at(j) == '>') return 0;  // arrows: <-- -->
      // An HTML comment's opening written out as text: <!--
      if (!spaced_left && p == '!' && i >= 2 && t_[i - 2] == '<') return 0;
    } else {
      return 0;
    }
    if (lang_ == Lang::en) {
      // Chicago and most US/UK house styles: a closed em dash between words.
      if (left_content && right_content) {
        put(left, r, kEmDashU8, kDashes, kEmDash);
        return r;
      }
      put(left_content ? left : i, j, kEmDashU8, kDashes, kEmDash);
      return j;
    }
    // de (Duden) and fr: a spaced en dash (Gedankenstrich, tiret d'incise).
    if (left_content && right_content) {
      put(left, r, " \xE2\x80\x93 ", kDashes, ' ');
      return r;
    }
    if (left_content) {
      put(left, j, " \xE2\x80\x93", kDashes, kEnDash);
      return j;
    }
    if (right_content) {
      put(i, r, "\xE2\x80\x93 ", kDashes, ' ');
      return r;
    }
    put(i, j, kEnDashU8, kDashes, kEnDash);
    return j;
  }

  // 1990-1995: digits, one hyphen, digits, and no hyphen chain around (2024-01-15).
  bool number_range(size_t i) const {
    if (!is_digit(prev_) || i + 1 >= n_ || !is_digit(static_cast<unsigned char>(t_[i + 1]))) {
      return false;
    }
    size_t b = i;
    int digits = 0;
    while (b > 0 && is_digit(static_cast<unsigned char>(t_[b - 1])) && digits <= 8) {
      --b;
      ++digits;
    }
    if (digits > 8) return false;
    if (b > 0) {
      const char c = t_[b - 1];
      if (c == '-' || c == '/' || c == '.' || c == ':' || is_word(static_cast<unsigned char>(c))) {
        return false;
      }
    } else if (is_word(ctx_.before) || ctx_.before == '-') {
      return false;
    }
    size_t e = i + 1;
    digits = 0;
    while (e < n_ && is_digit(static_cast<unsigned char>(t_[e])) && digits <= 8) {
      ++e;
      ++digits;
    }
    if (digits > 8) return false;
    const char32_t after = at(e);
    return !(after == '-' || after == '/' || after == kNbHyphen || is_word(after) ||
             (after == '.' && e + 1 < n_ && is_digit(static_cast<unsigned char>(t_[e + 1]))));
  }

  size_t on_hyphens(size_t i, size_t left, char32_t p) {
    if (on(kDashes)) {
      const size_t r = try_dash(left, i, p);
      if (r != 0) return r;
    }
    if (on(kNumberRanges) && t_[i] == '-' && number_range(i)) {
      put(i, i + 1, kEnDashU8, kNumberRanges, kEnDash);
      return i + 1;
    }
    // Not a dash: copy the run, turning U+2011 into '-'.
    size_t j = i;
    while (j < n_) {
      size_t k = j;
      const char32_t c = detail::decode_utf8(t_, k);
      if (c == '-') {
        prev_ = '-';
      } else if (c == kNbHyphen) {
        if (on(kNonbreakingHyphen)) {
          put(j, k, "-", kNonbreakingHyphen, '-');
        } else {
          prev_ = kNbHyphen;
        }
      } else {
        break;
      }
      j = k;
    }
    return j;
  }

  // --- ellipsis ---------------------------------------------------------------------------

  size_t on_dots(size_t i) {
    size_t j = i;
    while (j < n_ && t_[j] == '.') ++j;
    if (j - i == 3 && on(kEllipsis)) {
      put(i, j, kEllipsisU8, kEllipsis, kEllipsisChar);
    } else {
      prev_ = '.';
    }
    return j;
  }

  // --- French spacing -----------------------------------------------------------------------

  // Whether the clause ends at k (after ; ! ? :): white space, the end, closing punctuation,
  // or a -- that this pass turns into a spaced dash.
  bool clause_ends_at(size_t k) const {
    const char32_t e = at(k);
    if (ends_clause(e)) return true;
    if (!on(kDashes) || (e != '-' && e != kNbHyphen)) return false;
    size_t j = k;
    size_t count = 0;
    while (j < n_ && count < 4) {
      size_t m = j;
      const char32_t c = detail::decode_utf8(t_, m);
      if (c != '-' && c != kNbHyphen) break;
      ++count;
      j = m;
    }
    return (count == 2 || count == 3) && at(j) != '>';
  }

  size_t on_french_punct(size_t i, char32_t c) {
    const char32_t p = prev_;
    prev_ = c;
    if (!on(kFrenchSpacing) || !french_punct_follows(p)) return i + 1;
    if (!clause_ends_at(i + 1)) return i + 1;  // URLs, times (10:30), ?id=
    char buf[8];
    const std::string_view space = c == ':' ? kNbspU8 : kNarrowNbspU8;
    size_t len = 0;
    for (char ch : space) buf[len++] = ch;
    buf[len++] = static_cast<char>(c);
    put(i, i + 1, std::string_view(buf, len), kFrenchSpacing, c);
    return i + 1;
  }

  size_t on_guillemet_open(size_t i) {
    const size_t k = i + 2;  // « is two bytes
    observe(kLeftGuillemet);
    prev_ = kLeftGuillemet;
    if (!on(kFrenchSpacing)) return k;
    const size_t r = space_run_end(k);
    const char32_t q = at(r);
    if (!is_content(q) && q != '"' && q != '\'') return k;
    if (r == k) {
      put(i, k, "\xC2\xAB\xE2\x80\xAF", kFrenchSpacing, kNarrowNbsp);
      return k;
    }
    size_t one = k;
    if (r - k <= 3 && is_nobreak(detail::decode_utf8(t_, one)) && one == r) return k;
    put(i, r, "\xC2\xAB\xE2\x80\xAF", kFrenchSpacing, kNarrowNbsp);
    return r;
  }

  size_t on_guillemet_close(size_t i) {
    const size_t k = i + 2;
    const char32_t p = prev_;
    observe(kRightGuillemet);
    prev_ = kRightGuillemet;
    if (on(kFrenchSpacing) && is_content(p)) {
      put(i, k, "\xE2\x80\xAF\xC2\xBB", kFrenchSpacing, kRightGuillemet);
    }
    return k;
  }

  // --- quotes -----------------------------------------------------------------------------

  // 5'10": the double mark after digits that follow a prime.
  bool after_feet(size_t i) const {
    size_t b = i;
    int digits = 0;
    while (b > 0 && digits < 3 && is_digit(static_cast<unsigned char>(t_[b - 1]))) {
      --b;
      ++digits;
    }
    return digits > 0 && b >= 2 && t_[b - 1] == '\'' &&
           is_digit(static_cast<unsigned char>(t_[b - 2]));
  }

  // The direction of a straight double mark at i (k: the byte after it) between p and q.
  Dir decide_double(size_t k, char32_t p, char32_t q, size_t i) const {
    const bool p_blank = p == 0 || is_blank(p);
    const bool q_blank = is_blank(q);
    if (is_digit(p) && after_feet(i)) return Dir::leave;
    if (p_blank || is_opener(p, lang_)) {
      // Space before and no word after: French writers space their marks (« mot » typed as
      // " mot "), so what is open decides; elsewhere a mark between spaces is left.
      const bool no_word_after = q_blank || (q == 0 && k >= n_) || is_closing_punct(q);
      if (p_blank && no_word_after) {
        if (st_.open_double > 0) return Dir::close;
        if (lang_ == Lang::fr) return Dir::open;
        return q_blank ? Dir::leave : Dir::open;
      }
      if (q_blank) return Dir::leave;
      return Dir::open;
    }
    if (is_word(q)) return Dir::leave;  // foo"bar, said,"Hello: unclear
    return Dir::close;
  }

  size_t on_double(size_t i) {
    const size_t k = i + 1;
    const char32_t q = at(k);
    const Dir dir = decide_double(k, prev_, q, i);
    if (dir == Dir::leave || !on(kQuotes)) {
      if (dir == Dir::open) ++st_.open_double;
      if (dir == Dir::close && st_.open_double > 0) --st_.open_double;
      prev_ = '"';
      return k;
    }
    if (dir == Dir::open) {
      ++st_.open_double;
      if (lang_ != Lang::fr) {
        put(i, k, m_.open_double, kQuotes, m_.od);
        return k;
      }
      // « plus a narrow no-break space, which replaces spaces typed after the mark.
      const size_t r = space_run_end(k);
      size_t one = k;
      if (r > k && r - k <= 3 && is_nobreak(detail::decode_utf8(t_, one)) && one == r) {
        put(i, k, "\xC2\xAB", kQuotes, kLeftGuillemet);
        return k;
      }
      const char32_t after_spaces = at(r);
      if (after_spaces == 0 || after_spaces == '\n' || after_spaces == '\r') {
        put(i, k, "\xC2\xAB", kQuotes, kLeftGuillemet);
        return k;
      }
      put(i, r, "\xC2\xAB\xE2\x80\xAF", kQuotes, kNarrowNbsp);
      return r;
    }
    if (st_.open_double > 0) --st_.open_double;
    if (lang_ != Lang::fr) {
      put(i, k, m_.close_double, kQuotes, m_.cd);
      return k;
    }
    if (is_blank(prev_) || prev_ == 0) {
      put(i, k, "\xC2\xBB", kQuotes, kRightGuillemet);
    } else {
      put(i, k, "\xE2\x80\xAF\xC2\xBB", kQuotes, kRightGuillemet);
    }
    return k;
  }

  // 'em, 'tis, 'twas, 'til, 'n', 'cause, 's, 'ne; '90s, '06.
  bool elision(size_t k) const {
    if (k < n_ && is_digit(static_cast<unsigned char>(t_[k]))) {
      return k + 1 < n_ && is_digit(static_cast<unsigned char>(t_[k + 1])) && !is_digit(at(k + 2));
    }
    size_t e = k;
    while (e < n_ && e - k <= 5) {
      const char c = t_[e];
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) break;
      ++e;
    }
    if (e == k || e - k > 5 || is_word(at(e))) return false;
    const std::string_view w = t_.substr(k, e - k);
    static constexpr std::string_view kWords[] = {"em", "tis",   "twas", "til",
                                                  "n",  "cause", "s",    "ne"};
    for (std::string_view x : kWords) {
      if (detail::equals_ci(w, x)) return true;
    }
    return false;
  }

  Dir decide_single(size_t k, char32_t p, char32_t q) const {
    if (is_word(p)) {
      if (is_word(q)) return is_digit(p) && is_digit(q) ? Dir::leave : Dir::apostrophe;
      if (is_digit(p)) return Dir::leave;  // 6' (feet) or a closing mark: unclear
      return st_.open_single > 0 ? Dir::close : Dir::apostrophe;
    }
    if (p == 0 || is_blank(p) || is_opener(p, lang_)) {
      if (is_word(q)) return elision(k) ? Dir::apostrophe : Dir::open;
      if (is_blank(q)) return Dir::leave;
      return Dir::open;
    }
    if (is_word(q)) return Dir::leave;
    return st_.open_single > 0 ? Dir::close : Dir::apostrophe;
  }

  size_t on_single(size_t i) {
    const size_t k = i + 1;
    const Dir dir = decide_single(k, prev_, at(k));
    switch (dir) {
      case Dir::leave:
        prev_ = '\'';
        return k;
      case Dir::apostrophe:
        if (on(kApostrophes)) {
          put(i, k, kApostropheU8, kApostrophes, kRightSingle);
        } else {
          prev_ = '\'';
        }
        return k;
      case Dir::open:
        ++st_.open_single;
        if (on(kQuotes)) {
          put(i, k, m_.open_single, kQuotes, m_.os);
        } else {
          prev_ = '\'';
        }
        return k;
      case Dir::close:
        if (st_.open_single > 0) --st_.open_single;
        if (on(kQuotes)) {
          put(i, k, m_.close_single, kQuotes, m_.cs);
        } else {
          prev_ = '\'';
        }
        return k;
    }
    return k;
  }

  std::string_view t_;
  size_t n_;
  unsigned kinds_;
  Lang lang_;
  const Marks& m_;
  const Context& ctx_;
  State& st_;
  Emit& emit_;
  char32_t prev_;
  const bool* stop_ = nullptr;  // the bytes that need a closer look (kStopTables)
  bool words8_ = false;         // skip_plain8() may be used
  unsigned look8_ = 0;          // and what it looks for (kPlain8…)
};

template <typename Emit>
void run_scan(std::string_view text, unsigned kinds, const Context& context, State& state,
              Emit& emit) {
  Scanner<Emit> scanner(text, kinds, context, state, emit);
  scanner.run();
}

}  // namespace

std::vector<Edit> scan(std::string_view text, unsigned kinds, const Context& context,
                       State& state) {
  std::vector<Edit> out;
  auto emit = [&](uint32_t b, uint32_t e, std::string_view rep, Kind kind) {
    out.push_back(Edit{b, e, std::string(rep), kind});
  };
  run_scan(text, kinds, context, state, emit);
  return out;
}

std::vector<Edit> scan(std::string_view text, unsigned kinds, const Context& context) {
  State state;
  return scan(text, kinds, context, state);
}

bool may_change(std::string_view text) {
  // Every table's stops (kStopTables): the union of what any kind or locale looks at.
  const bool* stop = kStopTables.t[15].stop;
  for (const char c : text) {
    if (stop[static_cast<unsigned char>(c)]) return true;
  }
  return false;
}

void apply_to(std::string& out, std::string_view text, unsigned kinds, const Context& context,
              State& state) {
  size_t copied = 0;
  auto emit = [&](uint32_t b, uint32_t e, std::string_view rep, Kind) {
    out.append(text.data() + copied, b - copied);
    out.append(rep.data(), rep.size());
    copied = e;
  };
  run_scan(text, kinds, context, state, emit);
  out.append(text.data() + copied, text.size() - copied);
}

std::string apply(std::string_view text, unsigned kinds, const Context& context) {
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  State state;
  apply_to(out, text, kinds, context, state);
  return out;
}

}  // namespace galley::typography
