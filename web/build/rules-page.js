// Vite plugin: writes rules.html, the rule documentation, from Galley's own rule catalogue.
import { createGalley } from 'galley';

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** The anchor of a rule, as the page links to it: headline/missing → headline-missing. */
export const ruleAnchor = (id) => id.replace(/[^a-z0-9]+/gi, '-');

function ruleSection(rule) {
  const severity = ['news', 'blog', 'minimal'].map((p) => `<td>${escape(rule.severity?.[p] ?? '')}</td>`).join('');
  const options = rule.options?.length
    ? `<h3>Options</h3><table><thead><tr><th>Name</th><th>Type</th><th>Default</th><th>What it changes</th></tr></thead><tbody>${rule.options
      .map((o) => `<tr><td><code>${escape(o.name)}</code></td><td>${escape(o.type)}</td><td><code>${escape(JSON.stringify(o.default))}</code></td><td>${escape(o.description)}</td></tr>`)
      .join('')}</tbody></table>`
    : '';
  const example = rule.example ? `<h3>Example</h3><pre><code>${escape(rule.example)}</code></pre>` : '';
  const fixed = rule.fixable && rule.exampleFixed ? `<h3>After “Fix”</h3><pre><code>${escape(rule.exampleFixed)}</code></pre>` : '';
  return `<section id="${escape(ruleAnchor(rule.id))}" aria-labelledby="${escape(ruleAnchor(rule.id))}-title">
<h2 id="${escape(ruleAnchor(rule.id))}-title"><code>${escape(rule.id)}</code></h2>
<p class="summary">${escape(rule.summary)}</p>
${rule.rationale ? `<p>${escape(rule.rationale)}</p>` : ''}
<table class="facts"><thead><tr><th>News</th><th>Blog</th><th>Minimal</th><th>Fixable</th><th>Tags</th></tr></thead>
<tbody><tr>${severity}<td>${rule.fixable ? 'yes' : 'no'}</td><td>${escape((rule.tags ?? []).join(', '))}</td></tr></tbody></table>
${options}${example}${fixed}
</section>`;
}

export function renderRulesPage(rules, version) {
  const index = rules.map((r) => `<li><a href="#${escape(ruleAnchor(r.id))}"><code>${escape(r.id)}</code></a> — ${escape(r.summary)}</li>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>Galley rules</title>
<link rel="icon" href="./favicon.svg" type="image/svg+xml">
<style>
body { font: 16px/1.55 system-ui, sans-serif; max-width: 52rem; margin: 0 auto; padding: 1rem 1.25rem 4rem; color: #1d1d22; background: #fff; }
a { color: #5340c0; }
code, pre { font-family: ui-monospace, 'DejaVu Sans Mono', monospace; font-size: 0.9em; }
pre { background: #f3f2f7; padding: 0.75rem; border-radius: 6px; overflow: auto; white-space: pre-wrap; }
section { border-top: 1px solid #d6d5de; padding-top: 0.5rem; margin-top: 1.5rem; scroll-margin-top: 1rem; }
section:target { background: #f3f1fc; box-shadow: 0 0 0 0.75rem #f3f1fc; }
h2 { font-size: 1.2rem; } h3 { font-size: 1rem; margin-bottom: 0.25rem; }
.summary { font-weight: 600; }
table { border-collapse: collapse; font-size: 0.9rem; } th, td { border: 1px solid #d6d5de; padding: 0.25rem 0.5rem; text-align: left; }
@media (prefers-color-scheme: dark) {
  body { color: #e8e8ef; background: #111115; } a { color: #a597ff; } pre { background: #23232b; }
  section { border-color: #363642; } th, td { border-color: #363642; }
  section:target { background: #2a2545; box-shadow: 0 0 0 0.75rem #2a2545; }
}
</style>
</head>
<body>
<header><p><a href="./">← Back to the editor</a></p>
<h1>Galley rules</h1>
<p>Every check Galley runs, with its default severity in each profile (news, blog, minimal), its options and an example. Galley ${escape(version)}.</p></header>
<main>
<nav aria-label="Rules"><ul>
${index}
</ul></nav>
${rules.map(ruleSection).join('\n')}
</main>
</body>
</html>
`;
}

export function rulesPage() {
  return {
    name: 'galley-rules-page',
    apply: 'build',
    async generateBundle() {
      const galley = await createGalley();
      this.emitFile({ type: 'asset', fileName: 'rules.html', source: renderRulesPage(galley.rules(), galley.version) });
    },
  };
}
