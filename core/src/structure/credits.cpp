// Credits recogniser: the paragraph under a credits heading ("Reporters on the Ground",
// "Mitarbeit", "Crédits"), else the last paragraph opening with a credits phrase ("Reporting
// by", "The story was reported by", "Contributors:"). Its people come with their roles and
// locations: "Reported by A and B in Washington; additional reporting by C in Berlin."
#include <string_view>

#include "structure/lexicon.h"
#include "structure/parts.h"
#include "structure/tokens.h"
#include "text_util.h"

namespace galley::structure {
namespace {

// This file is compiled for size in the WebAssembly build, where a string view made from a C
// string measures it with strlen at run time: the lists and searches below use views whose
// lengths are known at compile time.
using namespace std::string_view_literals;

// A credits paragraph is a sentence or two, not an article paragraph that happens to start
// with "Written by".
constexpr uint32_t kCreditsMaxWords = 120;

std::string role_of(std::string_view phrase) {
  const std::string f = fold(phrase);
  const auto has = [&](std::string_view w) { return f.find(w) != std::string::npos; };
  std::string role;
  if (has("report")) {
    role = "reporting";
  } else if (has("writ") || has("text")) {
    role = "writing";
  } else if (has("edit") || has("redaktion") || has("rédaction")) {
    role = "editing";
  } else if (has("produc")) {
    role = "production";
  } else if (has("photo") || has("foto")) {
    role = "photography";
  } else if (has("research") || has("recherche")) {
    role = "research";
  } else if (has("translat") || has("übersetz") || has("tradu")) {
    role = "translation";
  } else if (has("compil")) {
    role = "compilation";
  } else if (has("propos recueillis") || has("interview")) {
    role = "interview";
  } else if (has("contribut") || has("mitarbeit") || has("collabor") || has("mit material")) {
    role = "contributing";
  }
  if (!role.empty() && (has("additional") || has("weitere") || has("supplémentaire")))
    role = "additional " + role;
  return role;
}

struct Piece {
  size_t begin, end;  // bytes of the text
  bool after_comma;   // joined to the previous piece by ", " (not "and")
};

std::string_view slice(std::string_view text, size_t b, size_t e) { return text.substr(b, e - b); }

// Trims spaces and a final period from [b, e).
void trim_span(std::string_view text, size_t& b, size_t& e) {
  while (b < e && (detail::is_space(text[b]) || text[b] == ',')) ++b;
  while (e > b && (detail::is_space(text[e - 1]) || text[e - 1] == '.' || text[e - 1] == ',')) --e;
}

// Where a location starts in "Name in Place" (the marker's start and the place's start).
bool location_marker(std::string_view piece, size_t& marker, size_t& place) {
  static constexpr std::string_view kMarkers[] = {" in ",       " from ",   " aus ",
                                                  " \xC3\xA0 ", " depuis ", " en "};
  for (std::string_view m : kMarkers) {
    const size_t at = piece.find(m);
    if (at != std::string_view::npos && at > 0) {
      marker = at;
      place = at + m.size();
      return true;
    }
  }
  const size_t open = piece.find(" ("sv);
  if (open != std::string_view::npos && !piece.empty() && piece.back() == ')') {
    marker = open;
    place = open + 2;
    return true;
  }
  return false;
}

bool name_like(std::string_view s) {
  const std::vector<Token> tokens = tokenize(s);
  if (tokens.empty() || tokens.size() > 6) return false;
  const std::optional<NameSpan> n = name_starting_at(tokens, s, 0);
  return n && n->first == 0 && n->last + 1 == tokens.size() && looks_like_person(tokens, s, *n);
}

// The people of one clause ("Seung Min Kim and Darlene Superville in Washington").
void clause_people(std::string_view text, size_t b, size_t e, const std::string& role,
                   const detail::TextMap& map, std::vector<Person>& out) {
  std::vector<Piece> pieces;
  size_t start = b;
  bool comma = false;
  for (size_t i = b; i <= e; ++i) {
    size_t sep = 0;
    bool is_comma = false;
    if (i == e) {
      sep = 1;
    } else if (text[i] == ',' || text[i] == ';') {
      sep = 1;
      is_comma = true;
    } else if (text[i] == '&') {
      sep = 1;
    } else if (text[i] == ' ' && i + 1 < e) {
      static constexpr std::string_view kJoiners[] = {" and ", " und ", " et "};
      for (std::string_view a : kJoiners) {
        if (text[i + 1] == a[1] && text.compare(i, a.size(), a) == 0) sep = a.size();
      }
    }
    if (sep == 0) continue;
    size_t pb = start, pe = i;
    trim_span(text, pb, pe);
    if (pe > pb) pieces.push_back({pb, pe, comma});
    comma = is_comma;
    start = i + sep;
    i = start - 1;
  }
  std::vector<size_t> waiting;  // people whose location the next piece gives
  bool last_had_place = false, last_place_in_parens = false;
  for (size_t k = 0; k < pieces.size(); ++k) {
    const Piece& p = pieces[k];
    std::string_view piece = slice(text, p.begin, p.end);
    // "in Manchester, England": a word or two after a located name, at the end, continue its
    // place.
    if (last_had_place && !last_place_in_parens && p.after_comma && !out.empty() &&
        k + 1 == pieces.size() && piece.find(" in "sv) == std::string_view::npos &&
        (detail::count_words(piece) == 1 ||
         (detail::count_words(piece) == 2 && !name_like(piece)))) {
      out.back().location += ", " + std::string(piece);
      continue;
    }
    size_t marker = 0, place = 0;
    std::string location;
    size_t name_end = piece.size();
    if (location_marker(piece, marker, place)) {
      name_end = marker;
      std::string_view loc = piece.substr(place);
      if (!loc.empty() && loc.back() == ')') loc.remove_suffix(1);
      location = std::string(detail::trim(loc));
    }
    size_t nb = p.begin, ne = p.begin + name_end;
    trim_span(text, nb, ne);
    // "Associated Press writer Emma Burrows": the name is the end of the piece.
    bool like = name_like(slice(text, nb, ne));
    if (!like) {
      const std::string_view whole = slice(text, nb, ne);
      const std::vector<Token> tokens = tokenize(whole);
      const std::optional<NameSpan> tail =
          tokens.empty() ? std::nullopt : name_ending_at(tokens, whole, tokens.size() - 1);
      if (tail && tail->last > tail->first && looks_like_person(tokens, whole, *tail)) {
        nb += tokens[tail->first].begin;
        ne = nb + (tokens[tail->last].end - tokens[tail->first].begin);
        like = name_like(slice(text, nb, ne));
      }
    }
    const std::string_view name = slice(text, nb, ne);
    last_had_place = !location.empty();
    last_place_in_parens = last_had_place && piece.back() == ')';
    if (!like) continue;
    Person person;
    person.name = std::string(name);
    person.role = role;
    person.range = map.source_range(static_cast<uint32_t>(nb), static_cast<uint32_t>(ne));
    out.push_back(std::move(person));
    if (location.empty()) {
      waiting.push_back(out.size() - 1);
    } else {
      out.back().location = location;
      for (size_t idx : waiting) out[idx].location = location;
      waiting.clear();
    }
  }
}

}  // namespace

std::vector<Person> credited_people(const Inlines& inlines) {
  const detail::TextMap map(inlines);
  const std::string_view text = map.text();
  std::vector<Person> out;
  const size_t opening = credits_opening(text);
  std::string role = opening > 0 ? role_of(text.substr(0, opening)) : std::string();
  // Clauses end at ';' and at sentence ends.
  size_t b = opening;
  for (size_t i = opening; i <= text.size(); ++i) {
    const bool end = i == text.size() || text[i] == ';' || text[i] == '\n' ||
                     (text[i] == '.' && i + 1 < text.size() && text[i + 1] == ' ' && i > 1 &&
                      !(text[i - 2] == ' ' || text[i - 2] == '.'));
    if (!end) continue;
    size_t cb = b, ce = i;
    trim_span(text, cb, ce);
    b = i + 1;
    if (ce <= cb) continue;
    std::string_view clause = slice(text, cb, ce);
    static constexpr std::string_view kLeads[] = {"and ", "und ", "et ", "with ", "mit ", "avec "};
    for (std::string_view lead : kLeads) {
      if (detail::starts_with_ci(clause, lead)) {
        cb += lead.size();
        clause.remove_prefix(lead.size());
      }
    }
    // "Emma Burrows in London contributed to this report."
    const size_t contributed = clause.find(" contributed"sv);
    if (contributed != std::string_view::npos) {
      ce = cb + contributed;
      clause = clause.substr(0, contributed);
      role = "contributing";
    }
    // "additional reporting by C", "Editing: D" set the role for what follows them.
    size_t names_at = cb;
    const size_t by = clause.find(" by "sv);
    const size_t colon = clause.find(": "sv);
    if (by != std::string_view::npos && by < 40) {
      role = role_of(clause.substr(0, by));
      names_at = cb + by + 4;
    } else if (const size_t n = credits_opening(clause)) {
      role = role_of(clause.substr(0, n));
      names_at = cb + n;
    } else if (colon != std::string_view::npos && colon < 30) {
      role = role_of(clause.substr(0, colon));
      names_at = cb + colon + 2;
    }
    clause_people(text, names_at, ce, role, map, out);
  }
  return out;
}

namespace {

// Makes paragraph i the credits when it names people; whether it did.
bool claim_paragraph(Work& w, size_t i, Recognition how) {
  Block& para = w.blocks[i];
  std::vector<Person> people = credited_people(para.inlines);
  if (people.empty()) return false;
  Credits c;
  c.how = how;
  c.range = para.range;
  para.how = how;
  c.people = std::move(people);
  c.text = part_of(std::move(para));
  w.owner[i] = Owner::credits;
  w.article.credits = std::move(c);
  return true;
}

}  // namespace

void recognise_credits(Work& w) {
  Article& a = w.article;
  // Under a credits heading: the last such heading over a paragraph.
  for (size_t i = w.blocks.size(); i-- > 0;) {
    if (!w.free(i) || !w.free(i + 1) || w.blocks[i].kind != BlockKind::heading) continue;
    Block& para = w.blocks[i + 1];
    if (!short_paragraph(para, kCreditsMaxWords)) continue;
    if (label_of(detail::plain_text(w.blocks[i].inlines), w.options.labels) != Label::credits)
      continue;
    Credits c;
    c.how = {w.markdown() ? 1.0f : 0.95f, "credits-heading"};
    c.range = w.blocks[i].range;
    extend(c.range, para.range);
    w.blocks[i].how = c.how;
    c.heading = part_of(std::move(w.blocks[i]));
    para.how = c.how;
    c.people = credited_people(para.inlines);
    c.text = part_of(std::move(para));
    w.owner[i] = w.owner[i + 1] = Owner::credits;
    a.credits = std::move(c);
    return;
  }
  // "Associated Press writer Emma Burrows in London contributed to this report."
  for (size_t i = w.blocks.size(); i-- > 0;) {
    if (!w.free(i)) continue;
    Block& para = w.blocks[i];
    if (!short_paragraph(para, 60)) continue;
    const std::string f = fold(detail::plain_text(para.inlines));
    size_t at = std::string::npos;
    static constexpr std::string_view kEndings[] = {
        " contributed to this report",   " contributed to this story",
        " contributed to this article",  " contributed reporting",
        " contributed to this report.",  " contributed to this story.",
        " contributed to this article.", " contributed reporting."};
    for (std::string_view ending : kEndings) {
      if (f.size() > ending.size() &&
          f.compare(f.size() - ending.size(), ending.size(), ending) == 0) {
        at = f.size() - ending.size();
      }
    }
    if (at == std::string::npos) continue;
    if (claim_paragraph(w, i, {0.85f, "contributed-to-this-report"})) return;
  }
  // A paragraph that opens like credits: the last one.
  for (size_t i = w.blocks.size(); i-- > 0;) {
    if (!w.free(i)) continue;
    Block& para = w.blocks[i];
    if (!short_paragraph(para, kCreditsMaxWords)) continue;
    const std::string text = detail::plain_text(para.inlines);
    if (credits_opening(detail::trim_unicode(text)) == 0) continue;
    if (claim_paragraph(w, i, {0.9f, "credits-opening"})) return;
  }
}

}  // namespace galley::structure
