// quotes/attribution-format: a block quote's attribution line reads "— Name".
#include "rules/prose.h"

namespace galley::rules {
namespace {

constexpr std::string_view kEmDash = "\xE2\x80\x94";

// The dash that opens an attribution line at `i`, or 0 bytes.
size_t dash_at(std::string_view s, size_t i, bool allow_hyphen) {
  for (std::string_view d : {std::string_view("---"), std::string_view("--"), kEmDash,
                             std::string_view("\xE2\x80\x93"),     // – en dash
                             std::string_view("\xE2\x80\x95"),     // ― horizontal bar
                             std::string_view("\xE2\x88\x92")}) {  // − minus sign
    if (s.compare(i, d.size(), d) == 0) return d.size();
  }
  return allow_hyphen && s.compare(i, 1, "-") == 0 ? 1 : 0;
}

// A block quote that ends in a one-item list ("> - Name") was meant as an attribution.
bool ends_in_name_list(const Block& quote) {
  if (quote.children.size() < 2) return false;
  const Block& last = quote.children.back();
  return last.kind == BlockKind::list && !last.ordered && last.children.size() == 1 &&
         detail::count_words(detail::plain_text(last)) <= 6;
}

// `done` is the last attribution line reported: a nested quote ends on its parent's last line.
void check_quote(const Block& b, const Context& ctx, Sink& sink, size_t& done) {
  const detail::SourceText& src = ctx.source();
  if (b.range.empty()) return;
  const uint32_t first_line = src.line_of(b.range.begin);
  const uint32_t line = src.line_of(b.range.end - 1);
  if (line <= first_line) return;  // the attribution follows the quoted words
  const std::string_view s = src.text();
  size_t i = src.line_start(line);
  const size_t end = src.line_end(line);
  while (i < end && (s[i] == '>' || s[i] == ' ' || s[i] == '\t')) ++i;
  if (i == done) return;
  const size_t dash = dash_at(s, i, ends_in_name_list(b));
  if (dash == 0) return;
  size_t name = i + dash;
  while (name < end && (s[name] == ' ' || s[name] == '\t')) ++name;
  if (name >= end) return;
  size_t k = name;
  if (!detail::is_word_char(detail::decode_utf8(s, k))) return;
  const std::string_view written = s.substr(i, name - i);
  if (written.size() == kEmDash.size() + 1 && written.substr(0, kEmDash.size()) == kEmDash &&
      written.back() == ' ')
    return;
  done = i;
  const std::string who = std::string(detail::trim(s.substr(name, end - name)));
  sink.report({static_cast<uint32_t>(i), static_cast<uint32_t>(end)},
              "The attribution '" + std::string(detail::trim(s.substr(i, end - i))) +
                  "' should read '" + std::string(kEmDash) + " " + excerpt(who, 6) +
                  "' (an em dash and a space before the name).",
              {static_cast<uint32_t>(i), static_cast<uint32_t>(name)}, std::string(kEmDash) + " ");
}

void walk(const std::vector<Block>& blocks, const Context& ctx, Sink& sink, size_t& done) {
  for (const Block& b : blocks) {
    if (b.kind == BlockKind::quote) check_quote(b, ctx, sink, done);
    if (b.kind != BlockKind::table) walk(b.children, ctx, sink, done);  // a cell holds no quote
  }
}

void check(const Article& a, const Context& ctx, Sink& sink) {
  size_t done = std::string::npos;
  for (const Section& s : a.sections) walk(s.blocks, ctx, sink, done);
}

}  // namespace

const Rule& quotes_attribution_format() {
  static const Rule rule{
      {"quotes/attribution-format",
       "Normalises a block quote's attribution line to '\xE2\x80\x94 Name'.",
       "One form of attribution reads consistently and is what Galley recognises as the "
       "speaker: an em dash, a space and the name. Hyphens, en dashes and a missing space are "
       "fixed.",
       {"quotes", "style"},
       Severity::warning,
       Severity::warning,
       Severity::off,
       {},
       true,
       "# Headline\n\nThe dek.\n\n> We are closer now than we have ever been.\n> -- Donald Trump\n",
       "# Headline\n\nThe dek.\n\n> We are closer now than we have ever been.\n> \xE2\x80\x94 "
       "Donald Trump\n"},
      &check};
  return rule;
}

}  // namespace galley::rules
