// Errors as values: Result<T> carries either a value or an Error with a stable code.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace galley {

/// Stable error codes, shared by the C++ API, the CLI (exit 2) and JavaScript's GalleyError.code.
enum class ErrorCode {
  invalid_options,  ///< An option or config entry is unknown or has the wrong type or value.
  input_too_large,  ///< The source exceeds Options::max_input_bytes.
  invalid_json,     ///< JSON input (an article model) could not be parsed or validated.
  out_of_memory,    ///< The engine could not allocate what the input needs.
  internal,         ///< A bug: should never be seen.
};

/// The stable string form of a code: "invalid-options", "input-too-large", ...
const char* error_code_name(ErrorCode code);

/// Why an input, option or config was refused.
struct Error {
  ErrorCode code = ErrorCode::internal;  ///< What kind of refusal this is.
  std::string message;                   ///< One sentence naming the problem.
  std::string field;                     ///< The offending option or JSON path, if any.
};

/// Either a value or an Error. Never throws.
template <typename T>
class Result {
 public:
  /// A successful result.
  Result(T value) : data_(std::move(value)) {}  // NOLINT: implicit by design
  /// A refused result.
  Result(Error error) : data_(std::move(error)) {}  // NOLINT: implicit by design

  /// True when a value is held.
  bool ok() const { return data_.index() == 0; }
  explicit operator bool() const { return ok(); }
  /// The value; only valid when ok().
  T& value() { return std::get<0>(data_); }
  const T& value() const { return std::get<0>(data_); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  /// The error; only valid when !ok().
  const Error& error() const { return std::get<1>(data_); }

 private:
  std::variant<T, Error> data_;
};

}  // namespace galley
