// The default stylesheet of whole-document HTML output: readable, print-friendly, light and
// dark. '$' in the template stands for the class prefix.
#include "render/theme.h"

namespace galley::render {
namespace {

constexpr std::string_view kTheme = R"css(:root {
  color-scheme: light dark;
  --galley-text: #1d1d1f;
  --galley-muted: #5b5b66;
  --galley-background: #fdfdfc;
  --galley-surface: #f2f1ee;
  --galley-rule: #d9d7d2;
  --galley-accent: #0b57a4;
}
@media (prefers-color-scheme: dark) {
  :root {
    --galley-text: #e8e6e3;
    --galley-muted: #a9a7b0;
    --galley-background: #141416;
    --galley-surface: #1f1f23;
    --galley-rule: #3a3a40;
    --galley-accent: #8ab8f0;
  }
}
html { background: var(--galley-background); color: var(--galley-text); }
body { margin: 0; padding: 2rem 1.25rem 4rem; }
.$article {
  max-width: 40rem;
  margin: 0 auto;
  font: 1.125rem/1.65 Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, serif;
  overflow-wrap: break-word;
  hyphens: auto;
}
.$article h1, .$article h2, .$article h3, .$article h4, .$article h5, .$article h6 {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  line-height: 1.25;
  margin: 2em 0 0.5em;
  text-wrap: balance;
}
.$headline { font-size: 2.25rem; margin-top: 0; }
.$kicker { text-transform: uppercase; letter-spacing: 0.08em; font-size: 0.8rem; color: var(--galley-accent); margin: 0 0 0.5rem; }
.$dek { font-size: 1.3rem; line-height: 1.45; color: var(--galley-muted); margin: 0.5rem 0 1rem; }
.$byline, .$date { font-size: 0.95rem; color: var(--galley-muted); margin: 0.25rem 0; }
.$header { border-bottom: 1px solid var(--galley-rule); padding-bottom: 1.25rem; margin-bottom: 1.5rem; }
.$article a { color: var(--galley-accent); text-underline-offset: 0.15em; }
.$article img { max-width: 100%; height: auto; }
.$figure { margin: 1.5rem 0; }
.$figure figcaption, .$attribution { font-size: 0.9rem; color: var(--galley-muted); margin-top: 0.5rem; }
.$attribution::before { content: "\2014\00a0"; }
.$quote, .$pull-quote { margin: 1.5rem 0; }
.$quote blockquote, .$blockquote {
  margin: 0;
  padding-left: 1rem;
  border-left: 3px solid var(--galley-accent);
  font-style: italic;
}
.$pull-quote blockquote { margin: 0; font-size: 1.4rem; line-height: 1.4; text-align: center; }
.$pull-quote figcaption { text-align: center; }
.$takeaways {
  background: var(--galley-surface);
  border-radius: 0.5rem;
  padding: 0.25rem 1.25rem 0.75rem;
  margin: 2rem 0;
}
.$takeaways-heading { font-size: 1.1rem; margin-top: 1rem !important; }
.$takeaways-list { padding-left: 1.25rem; }
.$credits-heading { font-size: 1.1rem; }
.$credits { font-size: 0.95rem; color: var(--galley-muted); }
.$author-box {
  border-top: 1px solid var(--galley-rule);
  margin-top: 2.5rem;
  padding-top: 1rem;
  font-size: 0.95rem;
  color: var(--galley-muted);
}
.$code, .$article code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.88em; }
.$code { background: var(--galley-surface); padding: 0.75rem 1rem; border-radius: 0.375rem; overflow-x: auto; line-height: 1.45; }
.$table { border-collapse: collapse; width: 100%; font-size: 0.95rem; margin: 1.5rem 0; }
.$table th, .$table td { border-bottom: 1px solid var(--galley-rule); padding: 0.4rem 0.6rem; text-align: left; vertical-align: top; }
.$raw-html { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.85em; color: var(--galley-muted); }
.$task { list-style: none; }
.$footnotes { border-top: 1px solid var(--galley-rule); margin-top: 2.5rem; font-size: 0.9rem; }
.$article hr { border: 0; border-top: 1px solid var(--galley-rule); margin: 2rem 0; }
@media print {
  :root { --galley-text: #000; --galley-muted: #333; --galley-background: #fff; --galley-surface: #fff; --galley-rule: #999; --galley-accent: #000; }
  body { padding: 0; }
  .$article { max-width: none; font-size: 11pt; }
  .$article a { color: inherit; text-decoration: underline; }
  .$article a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; }
  .$takeaways { border: 1px solid #999; }
  .$article h1, .$article h2, .$article h3 { break-after: avoid; }
  .$figure, .$quote, .$pull-quote, .$takeaways, .$author-box, .$table, .$code { break-inside: avoid; }
}
)css";

bool ident_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

void append_css_ident(std::string& out, std::string_view s) {
  static const char kHex[] = "0123456789abcdef";
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool digit_first = i == 0 && c >= '0' && c <= '9';
    if (ident_char(c) && !digit_first) {
      out += c;
      continue;
    }
    const auto u = static_cast<unsigned char>(c);
    out += '\\';
    if (u >= 0x10) out += kHex[u >> 4];
    out += kHex[u & 15];
    out += ' ';
  }
}

}  // namespace

void append_theme(std::string& out, std::string_view class_prefix) {
  size_t start = 0;
  for (size_t at = kTheme.find('$'); at != std::string_view::npos; at = kTheme.find('$', start)) {
    out.append(kTheme.data() + start, at - start);
    append_css_ident(out, class_prefix);
    start = at + 1;
  }
  out.append(kTheme.data() + start, kTheme.size() - start);
}

}  // namespace galley::render
