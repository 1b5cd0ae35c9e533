// fix() and the JSON form of its result: applies every automatic fix, re-checking until nothing
// fixable is left. Runs once per click of a fix button, not per keystroke: compiled for size in
// the wasm (core/CMakeLists.txt).
#include "api/pipeline.h"
#include "api/reply.h"
#include "rules/fixes.h"

namespace galley {

Result<FixResult> fix(std::string_view source, const Options& options) {
  // Each pass checks the current text and applies every fix that can go with the others;
  // a fix may only be offered once its neighbours are gone, hence the re-check. Rules that
  // keep offering the same edit cannot loop: a fix that changes nothing is never chosen,
  // and the passes are bounded.
  constexpr uint32_t kMaxPasses = 10;
  FixResult out;
  const bool bom = source.size() >= 3 && source.substr(0, 3) == "\xEF\xBB\xBF";
  std::string current(source);
  std::vector<Diagnostic> last;
  bool settled = false;
  for (uint32_t pass = 0; pass < kMaxPasses; ++pass) {
    Result<detail::Run> run = detail::run_pipeline(current, options, 0);
    if (!run) return run.error();
    const std::string& text = run.value().source->text();
    last = std::move(run.value().result.diagnostics);
    out.passes = pass + 1;
    const std::vector<const Diagnostic*> chosen = rules::choose_fixes(text, last);
    if (chosen.empty()) {
      current = text;
      settled = true;
      break;
    }
    for (const Diagnostic* d : chosen) {
      const SourceRange r = d->fix->range;
      AppliedFix applied;
      applied.rule = d->rule;
      applied.message = d->message;
      applied.line = d->line;
      applied.column = d->column;
      applied.before = text.substr(r.begin, r.end - r.begin);
      applied.after = d->fix->text;
      out.applied.push_back(std::move(applied));
    }
    current = rules::apply_fixes(text, chosen);
  }
  if (!settled) {
    // The last pass applied fixes: what remains is what a check of the result reports.
    Result<detail::Run> final_run = detail::run_pipeline(current, options, 0);
    if (!final_run) return final_run.error();
    last = std::move(final_run.value().result.diagnostics);
  }
  out.source = bom ? "\xEF\xBB\xBF" + current : current;
  out.remaining = std::move(last);
  return out;
}

namespace detail {

void write_fix_fields(render::JsonWriter& w, const FixResult& r) {
  w.key("source");
  w.string(r.source);
  w.key("applied");
  w.begin_array();
  for (const AppliedFix& f : r.applied) {
    w.begin_object();
    w.key("rule");
    w.string(f.rule);
    w.key("message");
    w.string(f.message);
    w.key("line");
    w.integer(f.line);
    w.key("column");
    w.integer(f.column);
    w.key("before");
    w.string(f.before);
    w.key("after");
    w.string(f.after);
    w.end_object();
  }
  w.end_array();
  w.key("remaining");
  write_diagnostics(w, r.remaining);
  w.key("passes");
  w.integer(r.passes);
}

}  // namespace detail

std::string fix_result_to_json(const FixResult& r) {
  std::string out;
  render::JsonWriter w(out);
  w.begin_object();
  detail::write_fix_fields(w, r);
  w.end_object();
  return out;
}

}  // namespace galley
