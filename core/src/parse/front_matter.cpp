// Front matter: finds YAML (---) or TOML (+++) at the start of the source.
#include <string_view>

#include "parse/document.h"
#include "text_util.h"

namespace galley::parse {

FrontMatter parse_front_matter(const detail::SourceText& source) {
  FrontMatter fm;
  const std::string& text = source.text();
  const uint32_t lines = source.line_count();
  if (lines < 2) return fm;
  const std::string_view first =
      detail::trim(std::string_view(text).substr(0, source.line_end(1)));
  if (first != "---" && first != "+++") return fm;
  for (uint32_t l = 2; l <= lines; ++l) {
    const uint32_t b = source.line_start(l), e = source.line_end(l);
    const std::string_view line = detail::trim(std::string_view(text).substr(b, e - b));
    if (line == first || (first == "---" && line == "...")) {
      fm.format = first == "---" ? "yaml" : "toml";
      fm.range = {0, e};
      fm.body_offset = l < lines ? source.line_start(l + 1) : static_cast<uint32_t>(text.size());
      return fm;
    }
  }
  return fm;
}

}  // namespace galley::parse
