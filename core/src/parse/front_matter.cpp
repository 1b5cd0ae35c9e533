// Front matter: YAML (---, read with libyaml) or TOML (+++, read with toml++) at the start of
// the source, mapped to the article's fields, with every key kept as JSON.
#include <cerrno>
#include <cfloat>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

// toml++ converts numbers with <charconv> where the standard library has it, and with
// std::stringstream where it does not. Emscripten's libc++ 13 has the integer conversions but
// not the floating-point ones, and a single stream links all of iostreams and the locale facets
// into the wasm (about 85 KB). There, toml++ gets the floating-point conversions it names, made
// from the C library as libstdc++ 12 makes its own: strtod in the C locale (overflow and
// underflow to zero are result_out_of_range) and snprintf (the shortest "%.*g" that reads back
// exactly). The parser passes them only digits, '.', 'e' and an exponent sign, which it has
// checked itself; the formatting overloads serve toml++'s printer, which Galley does not call.
#if defined(__EMSCRIPTEN__) && defined(_LIBCPP_VERSION) && _LIBCPP_VERSION < 14000
#define TOML_INT_CHARCONV 1
#define TOML_FLOAT_CHARCONV 1
namespace galley::parse::toml_charconv {

inline std::to_chars_result print(char* first, char* last, const char* format, int precision, double value) {
  char buf[512];
  const int n = std::snprintf(buf, sizeof buf, format, precision, value);
  if (n < 0 || n >= static_cast<int>(sizeof buf) || n > last - first) return {last, std::errc::value_too_large};
  std::memcpy(first, buf, static_cast<size_t>(n));
  return {first + n, std::errc{}};
}

template <typename T>
std::to_chars_result shortest(char* first, char* last, T value) {
  char buf[40];
  int precision = 1;
  for (; precision < 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, static_cast<double>(value));
    if (static_cast<T>(std::strtod(buf, nullptr)) == value) break;
  }
  return print(first, last, "%.*g", precision, static_cast<double>(value));
}

}  // namespace galley::parse::toml_charconv

namespace std {
inline from_chars_result from_chars(const char* first, const char* last, double& value) {
  const std::string copy(first, last);
  char* end = nullptr;
  errno = 0;
  const double v = std::strtod(copy.c_str(), &end);
  if (end == copy.c_str()) return {first, errc::invalid_argument};
  const char* ptr = first + (end - copy.c_str());
  // Like libstdc++: a subnormal result is a value; overflow, and underflow to zero, are not.
  if (errno == ERANGE && (v == 0 || v > DBL_MAX || v < -DBL_MAX)) return {ptr, errc::result_out_of_range};
  value = v;
  return {ptr, errc{}};
}
inline to_chars_result to_chars(char* first, char* last, double value) {
  return galley::parse::toml_charconv::shortest(first, last, value);
}
inline to_chars_result to_chars(char* first, char* last, float value) {
  return galley::parse::toml_charconv::shortest(first, last, value);
}
inline to_chars_result to_chars(char* first, char* last, double value, chars_format format, int precision = -1) {
  const char* spec = format == chars_format::hex          ? "%.*a"
                     : format == chars_format::fixed      ? "%.*f"
                     : format == chars_format::scientific ? "%.*e"
                                                          : "%.*g";
  if (precision < 0 && format != chars_format::hex) return to_chars(first, last, value);
  return galley::parse::toml_charconv::print(first, last, spec, precision < 0 ? 13 : precision, value);
}
inline to_chars_result to_chars(char* first, char* last, float value, chars_format format, int precision = -1) {
  return to_chars(first, last, static_cast<double>(value), format, precision);
}
}  // namespace std
#endif

#include <toml++/toml.h>
#include <yaml.h>

#include <nlohmann/json.hpp>
#include <string_view>

#include "parse/document.h"
#include "text_util.h"

namespace galley::parse {
namespace {

using detail::SourceText;
using Json = nlohmann::ordered_json;

// Alias expansion can make a small YAML text into a huge tree ("billion laughs"); these bound
// the JSON built from it.
constexpr size_t kMaxNodes = 20000;
constexpr int kMaxDepth = 64;

// Byte offset of a (0-based line, 0-based column in code points) position inside the front
// matter content, which starts on source line `first_line`.
uint32_t offset_at(const SourceText& src, uint32_t first_line, size_t line, size_t column) {
  const uint32_t l = first_line + static_cast<uint32_t>(line);
  if (l > src.line_count()) return static_cast<uint32_t>(src.text().size());
  const std::string_view text = src.text();
  size_t i = src.line_start(l);
  const size_t end = src.line_end(l);
  for (size_t c = 0; c < column && i < end; ++c) detail::decode_utf8(text, i);
  return static_cast<uint32_t>(std::min(i, end));
}

// Decodes the HTML character references that CMS exports leave in titles and summaries
// ("Harvard&#8217;s"): numeric ones and the common named ones.
std::string decode_entities(std::string_view s) {
  if (s.find('&') == std::string_view::npos) return std::string(s);
  struct Named {
    const char* name;
    char32_t cp;
  };
  static const Named kNamed[] = {
      {"amp", '&'},       {"lt", '<'},       {"gt", '>'},       {"quot", '"'},
      {"apos", '\''},     {"nbsp", 0xA0},    {"mdash", 0x2014}, {"ndash", 0x2013},
      {"hellip", 0x2026}, {"rsquo", 0x2019}, {"lsquo", 0x2018}, {"rdquo", 0x201D},
      {"ldquo", 0x201C},  {"laquo", 0xAB},   {"raquo", 0xBB},   {"bdquo", 0x201E},
      {"eacute", 0xE9},   {"egrave", 0xE8},  {"agrave", 0xE0},  {"auml", 0xE4},
      {"ouml", 0xF6},     {"uuml", 0xFC},    {"szlig", 0xDF},   {"ccedil", 0xE7},
      {"copy", 0xA9},     {"reg", 0xAE},     {"trade", 0x2122}, {"shy", 0xAD},
  };
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] != '&') {
      out += s[i++];
      continue;
    }
    const size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) {
      out += s[i++];
      continue;
    }
    const std::string_view ref = s.substr(i + 1, semi - i - 1);
    char32_t cp = 0;
    if (ref.size() > 1 && ref[0] == '#') {
      const bool hex = ref[1] == 'x' || ref[1] == 'X';
      for (size_t k = hex ? 2 : 1; k < ref.size(); ++k) {
        const char c = ref[k];
        int d = -1;
        if (c >= '0' && c <= '9') d = c - '0';
        if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
        if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
        if (d < 0 || cp > 0x10FFFF) {
          cp = 0;
          break;
        }
        cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(d);
      }
      if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0;
    } else {
      for (const Named& n : kNamed) {
        if (ref == n.name) cp = n.cp;
      }
    }
    if (cp == 0) {
      out += s[i++];
      continue;
    }
    detail::append_utf8(out, cp);
    i = semi + 1;
  }
  return out;
}

// --- YAML -------------------------------------------------------------------------------

// Plain scalars resolve as YAML 1.2's core schema does: null, booleans, numbers, else text.
Json plain_scalar(std::string_view v) {
  if (v.empty() || v == "~" || v == "null" || v == "Null" || v == "NULL") return nullptr;
  if (v == "true" || v == "True" || v == "TRUE") return true;
  if (v == "false" || v == "False" || v == "FALSE") return false;
  size_t i = 0;
  if (v[0] == '-' || v[0] == '+') i = 1;
  size_t digits = 0, dots = 0, exp = 0;
  bool ok = i < v.size();
  for (size_t k = i; k < v.size() && ok; ++k) {
    const char c = v[k];
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c == '.' && exp == 0) {
      ++dots;
    } else if ((c == 'e' || c == 'E') && digits > 0 && exp == 0 && k + 1 < v.size()) {
      ++exp;
      if (v[k + 1] == '-' || v[k + 1] == '+') ++k;
    } else {
      ok = false;
    }
  }
  if (ok && digits > 0 && dots == 0 && exp == 0 && v.size() - i <= 18) {
    int64_t n = 0;
    for (size_t k = i; k < v.size(); ++k) n = n * 10 + (v[k] - '0');
    return v[0] == '-' ? -n : n;
  }
  if (ok && digits > 0 && dots <= 1) {
    const std::string copy(v);
    char* end = nullptr;
    const double d = std::strtod(copy.c_str(), &end);
    if (end && *end == '\0') return d;
  }
  return std::string(v);
}

class YamlReader {
 public:
  YamlReader(const SourceText& src, uint32_t first_line, FrontMatter& fm)
      : src_(src), first_line_(first_line), fm_(fm) {}

  // False when the content is not a YAML mapping (then it is not front matter at all).
  bool read(std::string_view content) {
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
      fm_.error = "The front matter could not be read (out of memory).";
      return true;
    }
    yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(content.data()),
                                 content.size());
    yaml_document_t doc;
    if (!yaml_parser_load(&parser, &doc)) {
      // A construct left open (a quoted value, a [ or {) is found only at the end of the front
      // matter; the mistake is where that construct starts, which libyaml gives as the context.
      const bool at_end = parser.problem_mark.index >= content.size();
      const yaml_mark_t mark = at_end && parser.context ? parser.context_mark : parser.problem_mark;
      const uint32_t at = offset_at(src_, first_line_, mark.line, mark.column);
      std::string problem = parser.problem ? parser.problem : "unknown error";
      if (problem == "found unexpected end of stream")
        problem = "found the end of the front matter";
      fm_.error = "The YAML front matter is malformed: " + problem +
                  (parser.context ? std::string(" ") + parser.context : std::string()) +
                  "; expected valid YAML.";
      fm_.error_range = {at, std::max(at, src_.line_end(src_.line_of(at)))};
      yaml_parser_delete(&parser);
      return true;
    }
    yaml_node_t* root = yaml_document_get_root_node(&doc);
    bool mapping = true;
    if (!root) {
      fm_.json = "{}";  // empty front matter
    } else if (root->type != YAML_MAPPING_NODE) {
      mapping = false;
    } else {
      Json j = convert(doc, root, 0);
      if (!fm_.error.empty()) {
        fm_.json = "{}";
      } else {
        fm_.json = j.dump(-1, ' ', false, Json::error_handler_t::replace);
        map_fields(doc, root);
      }
    }
    yaml_document_delete(&doc);
    yaml_parser_delete(&parser);
    return mapping;
  }

 private:
  static std::string_view scalar(const yaml_node_t* n) {
    return {reinterpret_cast<const char*>(n->data.scalar.value), n->data.scalar.length};
  }

  Json convert(yaml_document_t& doc, yaml_node_t* n, int depth) {
    if (!n || !fm_.error.empty()) return nullptr;
    if (++nodes_ > kMaxNodes || depth > kMaxDepth) {
      if (fm_.error.empty()) {
        fm_.error =
            "The YAML front matter is too large or too deeply nested (aliases expand beyond " +
            std::to_string(kMaxNodes) + " values).";
        fm_.error_range = range_of(n);
      }
      return nullptr;
    }
    switch (n->type) {
      case YAML_SCALAR_NODE:
        if (n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE) return plain_scalar(scalar(n));
        return std::string(scalar(n));
      case YAML_SEQUENCE_NODE: {
        Json a = Json::array();
        for (yaml_node_item_t* it = n->data.sequence.items.start; it < n->data.sequence.items.top;
             ++it) {
          a.push_back(convert(doc, yaml_document_get_node(&doc, *it), depth + 1));
        }
        return a;
      }
      case YAML_MAPPING_NODE: {
        Json o = Json::object();
        for (yaml_node_pair_t* p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top;
             ++p) {
          yaml_node_t* k = yaml_document_get_node(&doc, p->key);
          std::string key;
          if (k && k->type == YAML_SCALAR_NODE) {
            key = std::string(scalar(k));
          } else {
            key = convert(doc, k, depth + 1).dump(-1, ' ', false, Json::error_handler_t::replace);
          }
          o[key] = convert(doc, yaml_document_get_node(&doc, p->value), depth + 1);
        }
        return o;
      }
      case YAML_NO_NODE:
        break;
    }
    return nullptr;
  }

  SourceRange range_of(const yaml_node_t* n) const {
    const uint32_t b = offset_at(src_, first_line_, n->start_mark.line, n->start_mark.column);
    const uint32_t e = offset_at(src_, first_line_, n->end_mark.line, n->end_mark.column);
    return {b, std::max(b, e)};
  }

  // The range of a scalar's value: inside its quotes when the source spells the value exactly.
  SourceRange value_range(const yaml_node_t* n) const {
    SourceRange r = range_of(n);
    const std::string_view v = scalar(n);
    const std::string_view in_source = src_.view(r);
    if (in_source == v) return r;
    if (in_source.size() >= 2 && in_source.substr(1, in_source.size() - 2) == v)
      return {r.begin + 1, r.end - 1};
    return r;
  }

  // A text value, or a list of text values, of a scalar or sequence node.
  void strings(yaml_document_t& doc, yaml_node_t* n, std::vector<std::string>& out,
               std::vector<SourceRange>* ranges) {
    if (!n) return;
    if (n->type == YAML_SCALAR_NODE) {
      const std::string_view v = detail::trim(scalar(n));
      if (v.empty()) return;
      out.emplace_back(decode_entities(v));
      if (ranges) ranges->push_back(value_range(n));
    } else if (n->type == YAML_SEQUENCE_NODE) {
      for (yaml_node_item_t* it = n->data.sequence.items.start; it < n->data.sequence.items.top;
           ++it) {
        yaml_node_t* item = yaml_document_get_node(&doc, *it);
        if (item && item->type == YAML_MAPPING_NODE) {
          // authors: [{name: Jane Doe}, …]
          strings(doc, lookup(doc, item, "name"), out, ranges);
        } else if (item && item->type == YAML_SCALAR_NODE) {
          strings(doc, item, out, ranges);
        }
      }
    } else if (n->type == YAML_MAPPING_NODE) {
      strings(doc, lookup(doc, n, "name"), out, ranges);
    }
  }

  static yaml_node_t* lookup(yaml_document_t& doc, yaml_node_t* map, std::string_view key) {
    for (yaml_node_pair_t* p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
         ++p) {
      yaml_node_t* k = yaml_document_get_node(&doc, p->key);
      if (k && k->type == YAML_SCALAR_NODE && detail::equals_ci(scalar(k), key)) {
        return yaml_document_get_node(&doc, p->value);
      }
    }
    return nullptr;
  }

  void text_field(yaml_document_t& doc, yaml_node_t* root, std::string_view key, std::string& out,
                  SourceRange* range) {
    yaml_node_t* n = lookup(doc, root, key);
    if (!n || n->type != YAML_SCALAR_NODE) return;
    const std::string_view v = detail::trim(scalar(n));
    if (v.empty()) return;
    out = decode_entities(v);
    if (range) *range = value_range(n);
  }

  void map_fields(yaml_document_t& doc, yaml_node_t* root) {
    text_field(doc, root, "title", fm_.title, &fm_.title_range);
    for (const char* key : {"dek", "deck", "description", "excerpt", "summary"}) {
      if (!fm_.dek.empty()) break;
      text_field(doc, root, key, fm_.dek, &fm_.dek_range);
      if (!fm_.dek.empty()) fm_.dek_key = key;
    }
    for (const char* key : {"authors", "author"}) {
      if (fm_.authors.empty())
        strings(doc, lookup(doc, root, key), fm_.authors, &fm_.author_ranges);
    }
    for (const char* key : {"author_bio", "authorbio", "bio"}) {
      if (fm_.author_bio.empty()) text_field(doc, root, key, fm_.author_bio, nullptr);
    }
    text_field(doc, root, "date", fm_.date, nullptr);
    for (const char* key : {"tags", "topics", "keywords"}) {
      if (fm_.tags.empty()) strings(doc, lookup(doc, root, key), fm_.tags, nullptr);
    }
    for (const char* key : {"language", "lang", "locale"}) {
      if (fm_.language.empty()) text_field(doc, root, key, fm_.language, nullptr);
    }
    text_field(doc, root, "kicker", fm_.kicker, nullptr);
  }

  const SourceText& src_;
  uint32_t first_line_;
  FrontMatter& fm_;
  size_t nodes_ = 0;
};

// --- TOML -------------------------------------------------------------------------------

std::string two(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

std::string date_text(const toml::date& d) {
  return std::to_string(d.year) + "-" + two(d.month) + "-" + two(d.day);
}
std::string time_text(const toml::time& t) {
  return two(t.hour) + ":" + two(t.minute) + ":" + two(t.second);
}
std::string date_time_text(const toml::date_time& dt) {
  std::string s = date_text(dt.date) + "T" + time_text(dt.time);
  if (dt.offset) {
    const int m = dt.offset->minutes;
    if (m == 0) {
      s += "Z";
    } else {
      const int a = m < 0 ? -m : m;
      s += (m < 0 ? "-" : "+") + two(a / 60) + ":" + two(a % 60);
    }
  }
  return s;
}

Json toml_json(const toml::node& n, int depth, size_t& budget) {
  if (depth > kMaxDepth || budget == 0) return nullptr;
  --budget;
  if (const toml::table* t = n.as_table()) {
    Json o = Json::object();
    for (auto&& [k, v] : *t) o[std::string(k.str())] = toml_json(v, depth + 1, budget);
    return o;
  }
  if (const toml::array* a = n.as_array()) {
    Json arr = Json::array();
    for (const toml::node& v : *a) arr.push_back(toml_json(v, depth + 1, budget));
    return arr;
  }
  if (const auto* s = n.as_string()) return s->get();
  if (const auto* i = n.as_integer()) return i->get();
  if (const auto* f = n.as_floating_point()) return f->get();
  if (const auto* b = n.as_boolean()) return b->get();
  if (const auto* d = n.as_date()) return date_text(d->get());
  if (const auto* t = n.as_time()) return time_text(t->get());
  if (const auto* dt = n.as_date_time()) return date_time_text(dt->get());
  return nullptr;
}

// A text value as written (strings, and dates as ISO text).
std::string toml_text(const toml::node* n) {
  if (!n) return {};
  if (const auto* s = n->as_string()) return std::string(detail::trim(s->get()));
  if (const auto* d = n->as_date()) return date_text(d->get());
  if (const auto* dt = n->as_date_time()) return date_time_text(dt->get());
  return {};
}

void read_toml(const SourceText& src, uint32_t first_line, std::string_view content,
               FrontMatter& fm) {
  toml::parse_result parsed = toml::parse(content);
  if (!parsed) {
    const toml::source_position at = parsed.error().source().begin;
    const uint32_t off = offset_at(src, first_line, at.line > 0 ? at.line - 1 : 0,
                                   at.column > 0 ? at.column - 1 : 0);
    std::string problem(parsed.error().description());
    if (!problem.empty() && problem[0] >= 'A' && problem[0] <= 'Z') problem[0] += 'a' - 'A';
    while (!problem.empty() && problem.back() == '.') problem.pop_back();
    fm.error = "The TOML front matter is malformed: " + problem + "; expected valid TOML.";
    fm.error_range = {off, std::max(off, src.line_end(src.line_of(off)))};
    return;
  }
  const toml::table& t = parsed.table();
  size_t budget = kMaxNodes;
  fm.json = toml_json(t, 0, budget).dump(-1, ' ', false, Json::error_handler_t::replace);

  // Finds a key case-insensitively, as Hugo does.
  const auto find = [&](std::string_view key) -> const toml::node* {
    for (auto&& [k, v] : t) {
      if (detail::equals_ci(k.str(), key)) return &v;
    }
    return nullptr;
  };
  // The exact source range of a one-line string value, when the source spells it exactly.
  const auto range_of = [&](const toml::node* n, const std::string& value) -> SourceRange {
    const toml::source_position b = n->source().begin;
    if (b.line == 0) return {};
    const uint32_t off = offset_at(src, first_line, b.line - 1, b.column > 0 ? b.column - 1 : 0);
    const std::string_view line = src.view({off, src.line_end(src.line_of(off))});
    const size_t at = line.find(value);
    if (at != std::string_view::npos)
      return {off + static_cast<uint32_t>(at), off + static_cast<uint32_t>(at + value.size())};
    return {off, off + static_cast<uint32_t>(line.size())};
  };
  const auto text = [&](std::string_view key, std::string& out, SourceRange* range) {
    const toml::node* n = find(key);
    std::string v = toml_text(n);
    if (v.empty()) return;
    if (range) *range = range_of(n, v);
    out = decode_entities(v);
  };
  const auto list = [&](std::string_view key, std::vector<std::string>& out,
                        std::vector<SourceRange>* ranges) {
    const toml::node* n = find(key);
    if (!n) return;
    const auto add = [&](const toml::node* v) {
      if (const toml::table* m = v->as_table()) {
        for (auto&& [k, x] : *m) {
          if (detail::equals_ci(k.str(), "name")) v = &x;
        }
      }
      std::string s = toml_text(v);
      if (s.empty()) return;
      if (ranges) ranges->push_back(range_of(v, s));
      out.push_back(decode_entities(s));
    };
    if (const toml::array* a = n->as_array()) {
      for (const toml::node& v : *a) add(&v);
    } else {
      add(n);
    }
  };

  text("title", fm.title, &fm.title_range);
  for (const char* key : {"dek", "deck", "description", "excerpt", "summary"}) {
    if (!fm.dek.empty()) break;
    text(key, fm.dek, &fm.dek_range);
    if (!fm.dek.empty()) fm.dek_key = key;
  }
  for (const char* key : {"authors", "author"}) {
    if (fm.authors.empty()) list(key, fm.authors, &fm.author_ranges);
  }
  for (const char* key : {"author_bio", "authorbio", "bio"}) {
    if (fm.author_bio.empty()) text(key, fm.author_bio, nullptr);
  }
  text("date", fm.date, nullptr);
  for (const char* key : {"tags", "topics", "keywords"}) {
    if (fm.tags.empty()) list(key, fm.tags, nullptr);
  }
  for (const char* key : {"language", "lang", "locale"}) {
    if (fm.language.empty()) text(key, fm.language, nullptr);
  }
  text("kicker", fm.kicker, nullptr);
}

}  // namespace

FrontMatter parse_front_matter(const SourceText& source) {
  FrontMatter fm;
  const std::string& text = source.text();
  const uint32_t lines = source.line_count();
  if (lines < 2) return fm;
  const std::string_view first = detail::trim(std::string_view(text).substr(0, source.line_end(1)));
  if (first != "---" && first != "+++") return fm;
  for (uint32_t l = 2; l <= lines; ++l) {
    const uint32_t b = source.line_start(l), e = source.line_end(l);
    const std::string_view line = detail::trim(std::string_view(text).substr(b, e - b));
    if (line != first && !(first == "---" && line == "...")) continue;
    FrontMatter found;
    found.format = first == "---" ? "yaml" : "toml";
    found.range = {0, e};
    found.body_offset = l < lines ? source.line_start(l + 1) : static_cast<uint32_t>(text.size());
    const uint32_t content_begin = source.line_start(2);
    const std::string_view content =
        std::string_view(text).substr(content_begin, b - content_begin);
    if (found.format == "yaml") {
      // "---", a line of text and "---" is Markdown (a rule and a setext heading), not YAML.
      if (!YamlReader(source, 2, found).read(content)) return fm;
    } else {
      read_toml(source, 2, content, found);
    }
    return found;
  }
  return fm;
}

}  // namespace galley::parse
