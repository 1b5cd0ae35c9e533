// The bodies of the fuzz targets: each runs one input through the API and returns what went
// wrong ("" when every property held). The libFuzzer entry points abort on a non-empty answer;
// the reliability tests replay saved crash inputs through the same functions.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "galley/galley.h"
#include "invariants.h"
#include "source.h"

namespace galley::reliability {

/// How the first bytes of a fuzz input choose the options of a run.
struct FuzzSetup {
  Options options;
  std::string_view source;
};

/// Byte 0: input mode (bits 0-1: auto, markdown, text, json), typography in HTML (bit 2) and
/// Markdown (bit 3), document (bit 4), raw HTML passthrough (bit 5), style passthrough
/// (bit 6), standard layout (bit 7). Byte 1: locale (bits 0-1: en, de, fr, en), profile
/// (bits 2-3: news, blog, minimal, news). The rest is the source.
inline FuzzSetup decode_setup(std::string_view data) {
  FuzzSetup s;
  const auto b0 = data.size() > 0 ? static_cast<unsigned char>(data[0]) : 0u;
  const auto b1 = data.size() > 1 ? static_cast<unsigned char>(data[1]) : 0u;
  constexpr InputMode kModes[] = {InputMode::automatic, InputMode::markdown, InputMode::text,
                                  InputMode::json};
  constexpr const char* kLocales[] = {"en", "de", "fr", "en"};
  constexpr Profile kProfiles[] = {Profile::news, Profile::blog, Profile::minimal, Profile::news};
  s.options.input = kModes[b0 & 3];
  s.options.typography_html = (b0 & 4) != 0;
  s.options.typography_markdown = (b0 & 8) != 0;
  s.options.document = (b0 & 16) != 0;
  s.options.allow_raw_html = (b0 & 32) != 0;
  s.options.allow_style = (b0 & 64) != 0;
  s.options.layout = (b0 & 128) != 0 ? Layout::standard : Layout::source;
  s.options.locale = kLocales[b1 & 3];
  s.options.profile = kProfiles[(b1 >> 2) & 3];
  s.options.outputs = kOutputHtml | kOutputMarkdown | kOutputJson | kOutputJsonLd | kOutputText;
  s.source = data.size() > 2 ? data.substr(2) : std::string_view();
  return s;
}

/// Whether `s` is one JSON document.
inline bool is_json(std::string_view s) {
  return !nlohmann::json::parse(s.begin(), s.end(), nullptr, false).is_discarded();
}

/// Checks a FormatResult against the source it came from and the options that made it.
inline std::string result_issue(const FormatResult& r, std::string_view source,
                                const Options& options) {
  const galley::detail::SourceText text(source);
  if (std::string e = diagnostic_position_issue(r.diagnostics, text.utf16_length(),
                                                static_cast<uint32_t>(text.text().size()));
      !e.empty()) {
    return e;
  }
  if (r.mode == InputMode::automatic) return "the result's mode is 'auto'";
  if ((options.outputs & kOutputJson) && !is_json(r.json)) return "the JSON output does not parse";
  if ((options.outputs & kOutputJsonLd) && !r.jsonld.empty()) {
    if (!is_json(r.jsonld)) return "the JSON-LD output does not parse";
    // It goes inside <script type="application/ld+json">: no '<' may end or alter that element.
    if (r.jsonld.find('<') != std::string::npos) return "the JSON-LD output holds a raw '<'";
  }
  if (!is_json(result_to_json(r))) return "result_to_json() does not parse";
  if (options.outputs & kOutputHtml) {
    if (std::string e = html_safety_issue(r.html, options.document); !e.empty())
      return "unsafe HTML: " + e;
  }
  return "";
}

/// format() over every input mode and output with options taken from the first two bytes.
inline std::string check_format(std::string_view data) {
  const FuzzSetup s = decode_setup(data);
  Result<FormatResult> r = format(s.source, s.options);
  if (!r) {
    const ErrorCode code = r.error().code;
    if (code == ErrorCode::invalid_json && s.options.input == InputMode::json) return "";
    return std::string("format() refused the input with ") + error_code_name(code) + ": " +
           r.error().message;
  }
  if (s.options.input != InputMode::automatic && s.options.input != r->mode)
    return "the result's mode is not the requested one";
  return result_issue(r.value(), s.source, s.options);
}

/// A small article that every valid option set must be able to check and render.
inline constexpr std::string_view kOptionsArticle =
    "---\ntitle: A headline\nauthor: Jane Doe\n---\n\nThe dek says what happened.\n\n## A "
    "section\n\n"
    "\"It works,\" Jane Doe said. It costs 90 % less -- really...\n\n## Key Takeaways\n\n- One\n- "
    "Two\n- Three\n\n"
    "Jane Doe is a reporter based in Austin.\n";

/// parse_options() and apply_config() over the input; when they accept it, the options run.
inline std::string check_options(std::string_view data) {
  for (int use_config = 0; use_config < 2; ++use_config) {
    Result<Options> o = use_config ? apply_config(data, Options{}) : parse_options(data);
    const char* fn = use_config ? "apply_config()" : "parse_options()";
    if (!o) {
      if (o.error().code != ErrorCode::invalid_options)
        return std::string(fn) + " refused with a code other than invalid-options";
      if (o.error().message.empty()) return std::string(fn) + " refused without a message";
      continue;
    }
    Options options = o.value();
    options.outputs |= kOutputHtml | kOutputJson;
    const std::string_view article =
        options.input == InputMode::json ? std::string_view("{}") : kOptionsArticle;
    Result<FormatResult> r = format(article, options);
    if (!r) {
      const ErrorCode code = r.error().code;
      if (code == ErrorCode::input_too_large || code == ErrorCode::invalid_json) continue;
      return std::string("format() with options accepted by ") + fn +
             " failed: " + r.error().message;
    }
    if (std::string e = result_issue(r.value(), article, options); !e.empty()) return e;
  }
  const std::string reply = run_json("check", kOptionsArticle, data);
  const nlohmann::json j = nlohmann::json::parse(reply, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("ok") || !j["ok"].is_boolean())
    return "run_json() reply is not {ok: …}";
  return "";
}

/// fix() over markdown, text or auto input: it must converge (nothing fixable left, a second
/// fix() changes nothing) and keep every word of the source in order.
inline std::string check_fix(std::string_view data) {
  Options options;
  const auto b0 = data.empty() ? 0u : static_cast<unsigned char>(data[0]);
  constexpr InputMode kModes[] = {InputMode::automatic, InputMode::markdown, InputMode::text,
                                  InputMode::markdown};
  constexpr const char* kLocales[] = {"en", "de", "fr", "en"};
  options.input = kModes[b0 & 3];
  options.locale = kLocales[(b0 >> 2) & 3];
  const std::string_view source = data.empty() ? data : data.substr(1);
  Result<FixResult> r = fix(source, options);
  if (!r) return std::string("fix() refused the input: ") + r.error().message;
  for (const Diagnostic& d : r->remaining) {
    if (d.fix)
      return "fix() did not converge: " + d.rule + " still has a fix after " +
             std::to_string(r->passes) + " passes";
  }
  const galley::detail::SourceText before(source);
  const galley::detail::SourceText after(r->source);
  if (std::string e = word_difference(words_of(before.text()), words_of(after.text()));
      !e.empty()) {
    return "fix() changed the words: " + e;
  }
  if (!r->applied.empty()) {
    Result<FixResult> again = fix(r->source, options);
    if (!again) return "fix() refused its own output: " + again.error().message;
    if (!again->applied.empty())
      return "fix() of fixed output applied " + again->applied.front().rule + " again";
    if (again->source != r->source) return "fix() of fixed output changed it";
  }
  return "";
}

}  // namespace galley::reliability
