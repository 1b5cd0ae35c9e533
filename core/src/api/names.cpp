// Stable names of enums and the version.
#include "galley/galley.h"

namespace galley {

std::string_view version() { return GALLEY_VERSION; }

const char* error_code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::invalid_options: return "invalid-options";
    case ErrorCode::input_too_large: return "input-too-large";
    case ErrorCode::invalid_json: return "invalid-json";
    case ErrorCode::out_of_memory: return "out-of-memory";
    case ErrorCode::internal: return "internal";
  }
  return "internal";
}

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::off: return "off";
    case Severity::info: return "info";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "off";
}

const char* input_mode_name(InputMode m) {
  switch (m) {
    case InputMode::automatic: return "auto";
    case InputMode::markdown: return "markdown";
    case InputMode::text: return "text";
    case InputMode::json: return "json";
  }
  return "auto";
}

const char* profile_name(Profile p) {
  switch (p) {
    case Profile::news: return "news";
    case Profile::blog: return "blog";
    case Profile::minimal: return "minimal";
  }
  return "news";
}

}  // namespace galley
