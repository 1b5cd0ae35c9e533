// JSON input: an article model (galley.article/v1) read back into an Article.
#include "parse/json_input.h"

#include "json_value.h"
#include "structure/recognise.h"

namespace galley::parse {
namespace {

using Json = nlohmann::ordered_json;

Inlines text_inlines(const std::string& s) {
  Inline in;
  in.kind = InlineKind::text;
  in.text = s;
  return {in};
}

std::optional<TextPart> read_part(const Json& v) {
  if (!v.is_object() || !v.contains("text") || !v["text"].is_string()) return std::nullopt;
  TextPart p;
  p.inlines = text_inlines(v["text"].get<std::string>());
  p.how = {1.0f, "json-input"};
  return p;
}

}  // namespace

Result<Article> parse_json_article(std::string_view json) {
  Result<Json> parsed = detail::parse_json(json, ErrorCode::invalid_json, "The article");
  if (!parsed) return parsed.error();
  const Json& root = parsed.value();
  if (!root.is_object()) return Error{ErrorCode::invalid_json, "The article must be a JSON object.", ""};
  if (!root.contains("schema") || !root["schema"].is_string() ||
      root["schema"].get<std::string>() != "galley.article/v1") {
    return Error{ErrorCode::invalid_json, "The article must have \"schema\": \"galley.article/v1\".", "schema"};
  }
  Article a;
  if (root.contains("headline")) a.headline = read_part(root["headline"]);
  if (root.contains("dek")) a.dek = read_part(root["dek"]);
  if (root.contains("sections") && root["sections"].is_array()) {
    for (const Json& s : root["sections"]) {
      if (!s.is_object()) continue;
      Section sec;
      if (s.contains("heading")) sec.heading = read_part(s["heading"]);
      if (s.contains("level") && s["level"].is_number_integer()) sec.level = s["level"].get<int>();
      if (s.contains("blocks") && s["blocks"].is_array()) {
        for (const Json& b : s["blocks"]) {
          if (b.is_object() && b.contains("text") && b["text"].is_string()) {
            Block p;
            p.kind = BlockKind::paragraph;
            p.inlines = text_inlines(b["text"].get<std::string>());
            sec.blocks.push_back(std::move(p));
          }
        }
      }
      a.sections.push_back(std::move(sec));
    }
  }
  structure::assign_section_ids(a);
  structure::count_words(a);
  return a;
}

}  // namespace galley::parse
