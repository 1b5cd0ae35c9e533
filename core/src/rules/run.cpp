// Runs the enabled rules, converts findings to public diagnostics and applies suppressions.
#include <algorithm>

#include "order.h"
#include "rules/rule.h"

namespace galley::rules {
namespace {

bool suppressed(const std::vector<Suppression>& list, const std::string& rule, uint32_t line) {
  for (const Suppression& s : list) {
    if ((s.rule.empty() || s.rule == rule) && line >= s.first_line && line <= s.last_line)
      return true;
  }
  return false;
}

}  // namespace

std::vector<Diagnostic> run(const Article& article, const detail::SourceText& source,
                            const Options& options, const RunFacts& facts,
                            const std::vector<Suppression>& directives) {
  std::vector<Diagnostic> out;
  Context ctx(source, article, options, facts);
  Sink sink;  // one for every rule: the room a rule's thousands of findings took is kept
  for (const Rule* rule : registry()) {
    const Severity severity = effective_severity(*rule, options);
    if (severity == Severity::off) continue;
    const auto setting = options.rules.find(rule->info.id);
    ctx.select(&rule->info, setting == options.rules.end() ? nullptr : &setting->second);
    sink.clear();
    rule->check(article, ctx, sink);
    // Room for this rule's findings at once, growing geometrically: thousands of them (one per
    // heading, one per cell) are moved a few times, not once per doubling of a small vector.
    const size_t need = out.size() + sink.findings().size();
    if (need > out.capacity()) out.reserve(std::max(need, 2 * out.capacity()));
    for (Sink::Finding& f : sink.findings()) {
      Diagnostic d;
      d.rule = rule->info.id;
      d.severity = severity;
      d.message = std::move(f.message);
      // A range that runs on to a line end (setext headings, trailing blanks) stops at the text.
      while (f.range.end > f.range.begin && f.range.end <= source.text().size() &&
             detail::is_space(source.text()[f.range.end - 1])) {
        --f.range.end;
      }
      d.range = f.range;
      const detail::Position b = source.position(f.range.begin);
      const detail::Position e = source.position(std::max(f.range.end, f.range.begin));
      d.line = b.line;
      d.column = b.column;
      d.offset = b.offset;
      d.end_line = e.line;
      d.end_column = e.column;
      d.end_offset = e.offset;
      if (suppressed(options.suppressions, d.rule, d.line) ||
          suppressed(directives, d.rule, d.line)) {
        continue;
      }
      if (f.has_fix) {
        Fix fix;
        fix.range = f.fix_range;
        fix.offset = source.utf16_offset(f.fix_range.begin);
        fix.end_offset = source.utf16_offset(f.fix_range.end);
        fix.text = std::move(f.replacement);
        d.fix = std::move(fix);
      }
      out.push_back(std::move(d));
    }
  }
  // By position, stably: the order is found on indices and each diagnostic moved once.
  const auto earlier = [](const Diagnostic& x, const Diagnostic& y) {
    if (x.offset != y.offset) return x.offset < y.offset;
    return x.end_offset < y.end_offset;
  };
  detail::stable_sort_moving_once(out, earlier);
  return out;
}

}  // namespace galley::rules
