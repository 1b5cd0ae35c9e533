// JSON-LD renderer: schema.org NewsArticle following Google's author rules (one Person per
// author, the name only), safe to embed in a <script type="application/ld+json"> element.
#include <nlohmann/json.hpp>

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

// Sections named by front matter (section, category, categories), as strings.
std::vector<std::string> front_matter_sections(const Meta& m) {
  std::vector<std::string> out;
  if (m.front_matter_json.size() <= 2) return out;
  const nlohmann::json fm = nlohmann::json::parse(m.front_matter_json, nullptr, false);
  if (!fm.is_object()) return out;
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
  if (!a.meta.date.empty()) {
    w.key("datePublished");
    w.string(a.meta.date);
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
