// JSON input: an article model (galley.article/v1), e.g. from a CMS, validated and read back.
#pragma once

#include <string_view>

#include "galley/article.h"
#include "galley/result.h"

namespace galley::parse {

/// Reads an article model. Malformed JSON or a model that does not follow the schema is an
/// invalid-json Error that says where.
Result<Article> parse_json_article(std::string_view json);

}  // namespace galley::parse
