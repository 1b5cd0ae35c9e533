// Parsing JSON input with nlohmann::json without exceptions, reporting where it failed.
#include "json_value.h"

#include "text_util.h"

namespace galley::detail {
namespace {

// Builds the value with nlohmann::json's own DOM builder and records the first error's byte
// position and token: one pass, and one instantiation of the parser in the wasm (parse() would
// add a second, with callbacks, and finding the error a third).
class Reader {
 public:
  using Json = nlohmann::ordered_json;
  using number_integer_t = Json::number_integer_t;
  using number_unsigned_t = Json::number_unsigned_t;
  using number_float_t = Json::number_float_t;
  using string_t = Json::string_t;
  using binary_t = Json::binary_t;

  explicit Reader(Json& value) : dom_(value, false) {}
  bool null() { return dom_.null(); }
  bool boolean(bool v) { return dom_.boolean(v); }
  bool number_integer(number_integer_t v) { return dom_.number_integer(v); }
  bool number_unsigned(number_unsigned_t v) { return dom_.number_unsigned(v); }
  bool number_float(number_float_t v, const string_t& s) { return dom_.number_float(v, s); }
  bool string(string_t& v) { return dom_.string(v); }
  bool binary(binary_t& v) { return dom_.binary(v); }
  bool start_object(std::size_t n) { return dom_.start_object(n); }
  bool key(string_t& v) { return dom_.key(v); }
  bool end_object() { return dom_.end_object(); }
  bool start_array(std::size_t n) { return dom_.start_array(n); }
  bool end_array() { return dom_.end_array(); }
  bool parse_error(std::size_t pos, const std::string& last, const nlohmann::detail::exception&) {
    position = pos;
    token = last;
    failed = true;
    return false;
  }

  bool failed = false;
  size_t position = 0;
  std::string token;

 private:
  nlohmann::detail::json_sax_dom_parser<Json> dom_;
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

Result<nlohmann::ordered_json> parse_json(std::string_view text, ErrorCode code,
                                          std::string_view what) {
  nlohmann::ordered_json value;
  Reader reader(value);
  if (nlohmann::ordered_json::sax_parse(text.begin(), text.end(), &reader) && !reader.failed)
    return value;
  size_t at = reader.position > 0 ? reader.position - 1 : 0;
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
  e.message += reader.token.empty()
                   ? std::string("end of input")
                   : "'" + valid_utf8(std::string_view(reader.token).substr(0, 40)) + "'";
  e.message += " at line " + std::to_string(line) + ", column " + std::to_string(column) + ".";
  e.field = "line " + std::to_string(line) + ", column " + std::to_string(column);
  return e;
}

}  // namespace galley::detail
