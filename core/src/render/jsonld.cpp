// JSON-LD renderer: schema.org NewsArticle following Google's author rules (one Person per
// author, the name only), safe to embed in a <script type="application/ld+json"> element.
#include <nlohmann/json.hpp>

#include "json_value.h"
#include "render/render.h"
#include "render/writer.h"
#include "text_util.h"

namespace galley::render {
namespace {

void person(JsonWriter& w, std::string_view name, std::string_view url) {
  w.begin_object();
  w.key("@type");
  w.string("Person");
  w.key("name");
  w.string(name);
  if (!url.empty() && is_safe_url(url, false)) {
    w.key("url");
    w.string(url);
  }
  w.end_object();
}

bool digits(std::string_view s, size_t at, size_t n) {
  if (at + n > s.size()) return false;
  for (size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

int month_number(std::string_view word) {
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  if (word.size() < 3) return 0;
  std::string w;
  for (const char c : word.substr(0, 3)) w += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  for (int m = 0; m < 12; ++m) {
    if (w == kMonths[m]) return m + 1;
  }
  return 0;
}

std::string two(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

}  // namespace

// A publication date as schema.org wants it (ISO 8601): "2013-05-01 14:22:08 -0400" (Jekyll,
// Hugo) becomes "2013-05-01T14:22:08-04:00"; "May 1, 2013" and "1 May 2013" become
// "2013-05-01". Empty when the date cannot be read: no date is better than a wrong one.
std::string iso_date(std::string_view s) {
  s = detail::trim(s);
  if (digits(s, 0, 4) && s.size() >= 10 && s[4] == '-' && digits(s, 5, 2) && s[7] == '-' &&
      digits(s, 8, 2)) {
    std::string out(s.substr(0, 10));
    size_t i = 10;
    if (i == s.size()) return out;
    if (s[i] != 'T' && s[i] != 't' && s[i] != ' ') return {};
    ++i;
    if (!digits(s, i, 2) || i + 5 > s.size() || s[i + 2] != ':' || !digits(s, i + 3, 2)) return {};
    out += 'T';
    out += s.substr(i, 5);
    i += 5;
    if (i + 3 <= s.size() && s[i] == ':' && digits(s, i + 1, 2)) {
      out += s.substr(i, 3);
      i += 3;
      if (i < s.size() && s[i] == '.') {
        const size_t f = i++;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
        out += s.substr(f, i - f);
      }
    } else {
      out += ":00";
    }
    while (i < s.size() && s[i] == ' ') ++i;
    if (i == s.size()) return out;
    if (s[i] == 'Z' || s[i] == 'z') return i + 1 == s.size() ? out + "Z" : std::string();
    if ((s[i] == '+' || s[i] == '-') && digits(s, i + 1, 2)) {
      const std::string_view rest = s.substr(i + 3);
      if (rest.empty()) return out + std::string(s.substr(i, 3)) + ":00";
      if (rest.size() == 2 && digits(rest, 0, 2))
        return out + std::string(s.substr(i, 3)) + ":" + std::string(rest);
      if (rest.size() == 3 && rest[0] == ':' && digits(rest, 1, 2))
        return out + std::string(s.substr(i));
    }
    return {};
  }
  // "May 1, 2013" and "1 May 2013": English month names only.
  const std::vector<std::string_view> w = detail::words(s);
  int day = 0, month = 0, year = 0;
  for (std::string_view word : w) {
    while (!word.empty() && (word.back() == ',' || word.back() == '.')) word.remove_suffix(1);
    if (word.size() == 4 && digits(word, 0, 4)) {
      year = std::stoi(std::string(word));
    } else if (!word.empty() && word.size() <= 2 && digits(word, 0, word.size())) {
      day = std::stoi(std::string(word));
    } else if (const int m = month_number(word); m && word.size() <= 9) {
      month = m;
    } else {
      return {};
    }
  }
  if (!day || !month || !year || day > 31 || w.size() != 3) return {};
  return std::to_string(year) + "-" + two(month) + "-" + two(day);
}

namespace {

// Sections named by front matter (section, category, categories), as strings.
std::vector<std::string> front_matter_sections(const Meta& m) {
  std::vector<std::string> out;
  if (m.front_matter_json.size() <= 2) return out;
  // The core's one JSON parser (the same nlohmann::json instantiation and input type as every
  // other reader): a second would be a second copy of the parser in the wasm.
  const Result<nlohmann::ordered_json> parsed =
      detail::parse_json(m.front_matter_json, ErrorCode::invalid_json, "Front matter");
  if (!parsed || !parsed->is_object()) return out;
  const nlohmann::ordered_json& fm = parsed.value();
  for (const char* key : {"section", "category", "categories"}) {
    const auto it = fm.find(key);
    if (it == fm.end()) continue;
    if (it->is_string()) out.push_back(it->get<std::string>());
    if (it->is_array()) {
      for (const auto& v : *it) {
        if (v.is_string()) out.push_back(v.get<std::string>());
      }
    }
    if (!out.empty()) break;
  }
  return out;
}

}  // namespace

void append_jsonld(std::string& out, const Article& a, const Options&, bool pretty) {
  JsonWriter w(out, pretty);
  // < > & are escaped (\u003c…) so that no text can close the <script> element it sits in.
  w.set_html_safe(true);
  w.begin_object();
  w.key("@context");
  w.string("https://schema.org");
  w.key("@type");
  w.string("NewsArticle");
  if (a.headline) {
    w.key("headline");
    w.plain_text(a.headline->inlines);
  }
  if (a.dek) {
    w.key("alternativeHeadline");
    w.plain_text(a.dek->inlines);
  }
  // Authors: the byline, else the author box.
  std::vector<std::string_view> authors;
  if (!a.byline.empty()) {
    w.key("author");
    w.begin_array();
    for (const Person& p : a.byline) {
      if (p.name.empty()) continue;
      person(w, p.name, p.url);
      authors.push_back(p.name);
    }
    w.end_array();
  } else if (a.author_box && !a.author_box->name.empty()) {
    w.key("author");
    w.begin_array();
    person(w, a.author_box->name, "");
    authors.push_back(a.author_box->name);
    w.end_array();
  }
  if (a.credits) {
    std::vector<std::string_view> seen;
    bool open = false;
    for (const Person& p : a.credits->people) {
      if (p.name.empty()) continue;
      bool dup = false;
      for (std::string_view s : seen) dup |= s == p.name;
      if (dup) continue;
      seen.push_back(p.name);
      if (!open) {
        w.key("contributor");
        w.begin_array();
        open = true;
      }
      person(w, p.name, p.url);
    }
    if (open) w.end_array();
    w.key("backstory");
    w.plain_text(a.credits->text.inlines);
  }
  std::vector<std::string> sections = front_matter_sections(a.meta);
  if (!a.meta.kicker.empty()) sections.insert(sections.begin(), a.meta.kicker);
  if (!sections.empty()) {
    w.key("articleSection");
    if (sections.size() == 1) {
      w.string(sections[0]);
    } else {
      w.begin_array();
      for (const std::string& s : sections) w.string(s);
      w.end_array();
    }
  }
  if (!a.meta.tags.empty()) {
    w.key("keywords");
    w.begin_array();
    for (const std::string& t : a.meta.tags) w.string(t);
    w.end_array();
  }
  if (!a.dateline.empty()) {
    w.key("dateline");
    w.string(a.dateline);
  }
  if (const std::string date = iso_date(a.meta.date); !date.empty()) {
    w.key("datePublished");
    w.string(date);
  }
  w.key("wordCount");
  w.integer(a.meta.word_count);
  w.key("inLanguage");
  w.string(a.meta.language);
  w.end_object();
}

std::string jsonld(const Article& article, const Options& options) {
  std::string out;
  out.reserve(512);
  append_jsonld(out, article, options, true);
  out += '\n';
  return out;
}

}  // namespace galley::render
