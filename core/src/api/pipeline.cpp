// The pipeline behind format(), check() and fix(): parse, recognise, check, render.
#include "api/pipeline.h"

#include <algorithm>
#include <chrono>

#include "parse/document.h"
#include "parse/json_input.h"
#include "render/render.h"
#include "rules/rule.h"
#include "structure/recognise.h"
#include "text_util.h"

namespace galley {
namespace detail {
namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

// Turns suppression comments into line ranges.
std::vector<Suppression> directive_ranges(const std::vector<parse::Directive>& directives,
                                          const SourceText& source) {
  std::vector<Suppression> out;
  struct Open {
    std::string rule;
    uint32_t line;
  };
  std::vector<Open> open;
  const uint32_t last_line = std::max<uint32_t>(source.line_count(), 1);
  for (const parse::Directive& d : directives) {
    const uint32_t end_line =
        source.line_of(d.range.end > d.range.begin ? d.range.end - 1 : d.range.begin);
    std::vector<std::string> rules = d.rules;
    if (rules.empty()) rules.emplace_back();
    switch (d.kind) {
      case parse::Directive::Kind::disable_next_line:
        for (const std::string& r : rules) out.push_back({r, end_line + 1, end_line + 1});
        break;
      case parse::Directive::Kind::disable:
        for (const std::string& r : rules) open.push_back({r, d.line});
        break;
      case parse::Directive::Kind::enable: {
        // Enabling some rules inside a disable-all keeps every other rule disabled: the
        // all-rules range ends here and continues as one range per other rule.
        const auto named = [&](const std::string& rule) {
          return std::find(d.rules.begin(), d.rules.end(), rule) != d.rules.end();
        };
        bool split_all = false;
        for (auto it = open.begin(); it != open.end();) {
          const bool match = d.rules.empty() || named(it->rule) || it->rule.empty();
          if (match) {
            out.push_back({it->rule, it->line, d.line});
            split_all = split_all || (it->rule.empty() && !d.rules.empty());
            it = open.erase(it);
          } else {
            ++it;
          }
        }
        if (split_all) {
          for (const rules::Rule* r : rules::registry()) {
            const bool still_open = std::any_of(
                open.begin(), open.end(), [&](const Open& o) { return o.rule == r->info.id; });
            if (!named(r->info.id) && !still_open) open.push_back({r->info.id, d.line});
          }
        }
        break;
      }
    }
  }
  for (const Open& o : open) out.push_back({o.rule, o.line, last_line});
  return out;
}

void fill_stats(FormatResult& r, const SourceText& source) {
  Stats& s = r.stats;
  const Article& a = r.article;
  s.words = a.meta.word_count;
  s.characters = source.utf16_length();
  s.sections = static_cast<uint32_t>(a.sections.size());
  s.quotes = static_cast<uint32_t>(a.quotes.size());
  s.reading_minutes = a.meta.reading_minutes;
  uint32_t paragraphs = 0;
  for (const Section& sec : a.sections) {
    for (const Block& b : sec.blocks) paragraphs += b.kind == BlockKind::paragraph ? 1 : 0;
  }
  s.paragraphs = paragraphs;
}

}  // namespace

Result<Run> run_pipeline(std::string_view raw, const Options& options, unsigned outputs) {
  if (raw.size() > options.max_input_bytes) {
    return Error{ErrorCode::input_too_large,
                 "The input is " + std::to_string(raw.size()) + " bytes; the limit is " +
                     std::to_string(options.max_input_bytes) + " bytes (option maxInputBytes).",
                 "maxInputBytes"};
  }
  const auto t0 = Clock::now();
  Run run;
  run.source = std::make_unique<SourceText>(raw);
  const SourceText& src = *run.source;
  FormatResult& r = run.result;
  rules::RunFacts facts;
  std::vector<Suppression> directives;

  auto t1 = Clock::now();
  if (options.input == InputMode::json) {
    Result<Article> article = parse::parse_json_article(src.text());
    if (!article) return article.error();
    r.mode = InputMode::json;
    r.article = std::move(article.value());
    t1 = Clock::now();
    r.stats.parse_ms = std::chrono::duration<double, std::milli>(t1 - t0).count();
  } else {
    parse::FrontMatter fm = parse::parse_front_matter(src);
    facts.front_matter_error = fm.error;
    facts.front_matter_error_range = fm.error_range;
    InputMode mode = options.input;
    if (mode == InputMode::automatic) {
      mode = parse::detect_mode(src, fm, facts.mode_reason);
      facts.auto_detected = true;
    }
    parse::Document doc = mode == InputMode::markdown
                              ? parse::parse_markdown(src, std::move(fm))
                              : parse::parse_text(src, std::move(fm), options);
    r.mode = mode;
    directives = directive_ranges(doc.directives, src);
    t1 = Clock::now();
    r.stats.parse_ms = std::chrono::duration<double, std::milli>(t1 - t0).count();
    r.article = structure::recognise(std::move(doc), src, options);
    r.stats.recognise_ms = ms_since(t1);
  }
  facts.mode = r.mode;

  const auto t2 = Clock::now();
  r.diagnostics = rules::run(r.article, src, options, facts, directives);
  r.stats.rules_ms = ms_since(t2);

  const auto t3 = Clock::now();
  const SourceText* spans = r.mode == InputMode::json ? nullptr : &src;
  if (outputs & kOutputHtml) r.html = render::html(r.article, options);
  if (outputs & kOutputMarkdown) r.markdown = render::markdown(r.article, options, spans);
  if (outputs & kOutputJson) r.json = render::json(r.article, spans, outputs & kOutputJsonAscii);
  if (outputs & kOutputJsonLd) r.jsonld = render::jsonld(r.article, options);
  if (outputs & kOutputText) r.text = render::text(r.article, options);
  r.stats.render_ms = ms_since(t3);
  fill_stats(r, src);
  r.stats.total_ms = ms_since(t0);
  return run;
}

}  // namespace detail

Result<FormatResult> format(std::string_view source, const Options& options) {
  Result<detail::Run> run = detail::run_pipeline(source, options, options.outputs);
  if (!run) return run.error();
  return std::move(run.value().result);
}

Result<FormatResult> check(std::string_view source, const Options& options) {
  Result<detail::Run> run = detail::run_pipeline(source, options, 0);
  if (!run) return run.error();
  return std::move(run.value().result);
}

}  // namespace galley
