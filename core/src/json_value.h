// Parsing JSON input (options, configs, article models) with nlohmann::json, errors as values.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "galley/result.h"

namespace galley::detail {

/// Parses `text` as JSON. On failure, an Error with `code` whose message says where
/// ("… at line 3, column 7") and what was expected.
Result<nlohmann::ordered_json> parse_json(std::string_view text, ErrorCode code, std::string_view what);

}  // namespace galley::detail
