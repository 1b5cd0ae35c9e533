// Parsing JSON input with nlohmann::json without exceptions, reporting where it failed.
#include "json_value.h"

#include "text_util.h"

namespace galley::detail {
namespace {

// A SAX handler that only records the first error's byte position.
struct ErrorFinder : nlohmann::json_sax<nlohmann::ordered_json> {
  size_t position = 0;
  std::string token;
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t pos, const std::string& last, const nlohmann::detail::exception&) override {
    position = pos;
    token = last;
    return false;
  }
};

// The token is raw input: an invalid byte or a multi-byte character cut at the length limit
// becomes U+FFFD, so that the message stays valid UTF-8 wherever it goes (JSON replies).
std::string valid_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const char32_t c = decode_utf8(s, i);
    append_utf8(out, (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF ? 0xFFFD : c);
  }
  return out;
}

}  // namespace

Result<nlohmann::ordered_json> parse_json(std::string_view text, ErrorCode code, std::string_view what) {
  nlohmann::ordered_json value = nlohmann::ordered_json::parse(text.begin(), text.end(), nullptr, false);
  if (!value.is_discarded()) return value;
  ErrorFinder finder;
  nlohmann::ordered_json::sax_parse(text.begin(), text.end(), &finder);
  size_t at = finder.position > 0 ? finder.position - 1 : 0;
  if (at > text.size()) at = text.size();
  size_t line = 1, column = 1;
  for (size_t i = 0; i < at; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  Error e;
  e.code = code;
  e.message = std::string(what) + " is not valid JSON: unexpected ";
  e.message += finder.token.empty() ? std::string("end of input") : "'" + valid_utf8(std::string_view(finder.token).substr(0, 40)) + "'";
  e.message += " at line " + std::to_string(line) + ", column " + std::to_string(column) + ".";
  e.field = "line " + std::to_string(line) + ", column " + std::to_string(column);
  return e;
}

}  // namespace galley::detail
