// The JSON forms of results and the JSON API used by the wasm binding. The forms that are not
// written per keystroke (fix results, the rule catalogue) live with fix() and the catalogue, which
// are compiled for size in the wasm.
#include <cmath>
#include <optional>

#include "api/pipeline.h"
#include "api/reply.h"
#include "galley/galley.h"
#include "per_thread.h"
#include "render/writer.h"
#include "rules/rule.h"

namespace galley {
namespace {

using render::JsonWriter;

void write_diagnostic(JsonWriter& w, const Diagnostic& d) {
  w.begin_object();
  w.key("rule");
  w.string(d.rule);
  w.key("severity");
  w.string(severity_name(d.severity));
  w.key("message");
  w.string(d.message);
  // The six numbers in one piece (there can be tens of thousands of findings).
  w.key("line");
  w.integer(d.line);
  w.raw_piece(",");
  w.int_fields({{"column", d.column},
                {"endLine", d.end_line},
                {"endColumn", d.end_column},
                {"offset", d.offset},
                {"endOffset", d.end_offset}});
  w.key("fix");
  if (d.fix) {
    w.begin_object();
    w.key("offset");
    w.integer(d.fix->offset);
    w.key("endOffset");
    w.integer(d.fix->end_offset);
    w.key("text");
    w.string(d.fix->text);
    w.end_object();
  } else {
    w.null();
  }
  w.end_object();
}

void write_stats(JsonWriter& w, const Stats& s) {
  w.begin_object();
  w.key("words");
  w.integer(s.words);
  w.key("characters");
  w.integer(s.characters);
  w.key("paragraphs");
  w.integer(s.paragraphs);
  w.key("sections");
  w.integer(s.sections);
  w.key("quotes");
  w.integer(s.quotes);
  w.key("readingMinutes");
  w.fixed(std::llround(s.reading_minutes * 10), 1);
  // Milliseconds to the microsecond: finer than a browser's clock.
  const auto ms = [&](double v) { w.fixed(std::llround(v * 1000), 3); };
  w.key("timings");
  w.begin_object();
  w.key("parseMs");
  ms(s.parse_ms);
  w.key("recogniseMs");
  ms(s.recognise_ms);
  w.key("rulesMs");
  ms(s.rules_ms);
  w.key("renderMs");
  ms(s.render_ms);
  w.key("totalMs");
  ms(s.total_ms);
  w.end_object();
  w.end_object();
}

// The result's members, the model second; without the model and the text outputs when not
// `whole` (run_json() then hands them over beside the reply).
void write_result_fields(JsonWriter& w, const FormatResult& r, bool whole = true) {
  w.key("mode");
  w.string(input_mode_name(r.mode));
  if (whole && !r.json.empty()) {
    w.key("article");
    // Rendered as the reply holds it (ASCII when the reply is): no second escaping pass.
    const bool ascii = w.ascii();
    w.set_ascii(false);
    w.raw(r.json);
    w.set_ascii(ascii);
  }
  w.key("diagnostics");
  detail::write_diagnostics(w, r.diagnostics);
  w.key("stats");
  write_stats(w, r.stats);
  if (!whole) return;
  if (!r.html.empty()) {
    w.key("html");
    w.string(r.html);
  }
  if (!r.markdown.empty()) {
    w.key("markdown");
    w.string(r.markdown);
  }
  if (!r.jsonld.empty()) {
    w.key("jsonld");
    w.string(r.jsonld);
  }
  if (!r.text.empty()) {
    w.key("text");
    w.string(r.text);
  }
}

// About how long the findings are as JSON: their messages and some 170 bytes of names and
// numbers each. Reserved with the rest of the reply, so that thousands of findings do not
// grow (and copy) the reply time after time.
size_t diagnostics_bytes(const std::vector<Diagnostic>& list) {
  size_t n = 2;
  for (const Diagnostic& d : list) n += d.message.size() + d.rule.size() + 170;
  return n;
}

// A refusal as run_json() replies (ASCII, as every reply of it).
std::string error_json(const Error& e) {
  std::string out;
  JsonWriter w(out);
  w.set_ascii(true);
  w.begin_object();
  w.key("ok");
  w.boolean(false);
  w.key("error");
  w.begin_object();
  w.key("code");
  w.string(error_code_name(e.code));
  w.key("message");
  w.string(e.message);
  w.key("field");
  w.string(e.field);
  w.end_object();
  w.end_object();
  return out;
}

// The options of the last call on this thread, parsed once: an editor sends the same options
// with every keystroke, and parsing them is a fixed cost of each call.
const Result<Options>& cached_options(std::string_view json) {
  GALLEY_PER_THREAD std::string last_json;
  GALLEY_PER_THREAD std::optional<Result<Options>> last;
  if (!last || json != last_json) {
    last.reset();
    last.emplace(parse_options(json));
    last_json.assign(json);
  }
  return *last;
}

}  // namespace

namespace detail {

void write_diagnostics(JsonWriter& w, const std::vector<Diagnostic>& list) {
  w.begin_array();
  for (const Diagnostic& d : list) write_diagnostic(w, d);
  w.end_array();
}

}  // namespace detail

std::string result_to_json(const FormatResult& r) {
  std::string out;
  out.reserve(r.json.size() + r.html.size() + r.markdown.size() + 4096);
  JsonWriter w(out);
  w.begin_object();
  write_result_fields(w, r);
  w.end_object();
  return out;
}

std::string diagnostics_to_json(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  JsonWriter w(out);
  detail::write_diagnostics(w, diagnostics);
  return out;
}

std::string run_json(std::string_view command, std::string_view source,
                     std::string_view options_json, ReplyParts* parts) {
  if (parts != nullptr) *parts = {};
  if (command == "rules") {
    std::string out;
    JsonWriter w(out);
    w.set_ascii(true);
    w.begin_object();
    w.key("ok");
    w.boolean(true);
    w.key("rules");
    detail::write_rules(w);
    w.end_object();
    return out;
  }
  const Result<Options>& options = cached_options(options_json);
  if (!options) return error_json(options.error());
  std::string out;
  if (command == "format" || command == "check") {
    // format() or check(); the model in ASCII, as the reply is.
    const unsigned render =
        command == "format" ? options.value().outputs | detail::kOutputJsonAscii : 0;
    Result<detail::Run> run = detail::run_pipeline(source, options.value(), render);
    if (!run) return error_json(run.error());
    FormatResult& r = run.value().result;
    // The outputs, with a quarter more for the escapes of the HTML's attribute quotes.
    const size_t outputs = r.html.size() + r.markdown.size() + r.jsonld.size() + r.text.size();
    out.reserve((parts ? 0 : r.json.size() + outputs + outputs / 4) +
                diagnostics_bytes(r.diagnostics) + 4096);
    JsonWriter w(out);
    w.set_ascii(true);
    w.begin_object();
    w.key("ok");
    w.boolean(true);
    write_result_fields(w, r, parts == nullptr);
    w.end_object();
    if (parts != nullptr) {
      parts->article = std::move(r.json);
      parts->html = std::move(r.html);
      parts->markdown = std::move(r.markdown);
      parts->jsonld = std::move(r.jsonld);
      parts->text = std::move(r.text);
    }
    return out;
  }
  if (command == "fix") {
    Result<FixResult> r = fix(source, options.value());
    if (!r) return error_json(r.error());
    JsonWriter w(out);
    w.set_ascii(true);
    w.begin_object();
    w.key("ok");
    w.boolean(true);
    detail::write_fix_fields(w, r.value());
    w.end_object();
    return out;
  }
  return error_json(
      {ErrorCode::invalid_options,
       "Unknown command '" + std::string(command) + "'; expected format, check, fix or rules.",
       "command"});
}

}  // namespace galley
