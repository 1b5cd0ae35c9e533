// In-page XSS harness: formats each vector through the galley package in several contexts,
// writes the HTML into same-origin iframes that allow scripts, waits for every load and error
// event, then reports what ran (tripwires) and what survived in the DOM (event handlers,
// script URLs, active elements).
import { createGalley } from '/npm/src/index.js';

const hits = [];
window.__hits = hits;
// The top window's tripwire: a vector that escapes its iframe lands here.
window.__pwned = (id, how = '__pwned() in the top window') => hits.push({ id, how });
window.galleyReady = createGalley().then((g) => {
  window.galley = g;
  return g.version;
});

const oneLine = (v) => v.replace(/[\r\n]+/g, ' ');
const yaml = (v) => JSON.stringify(v);
// A JSON article model with the vector in every text field: the model Galley itself writes for
// a small article (so it follows the current schema), with its placeholder text replaced.
let template;
const model = (v) => {
  template ??= JSON.stringify(
    window.galley.format('# XSSPLACEHOLDER\n\nXSSPLACEHOLDER\n\n## XSSPLACEHOLDER\n\nXSSPLACEHOLDER [XSSPLACEHOLDER](https://example.org/XSSPLACEHOLDER) [x](XSSPLACEHOLDER) ![XSSPLACEHOLDER](XSSPLACEHOLDER)\n\n> XSSPLACEHOLDER\n> — XSSPLACEHOLDER\n', {
      input: 'markdown',
      outputs: ['json'],
    }).article,
  );
  const escaped = JSON.stringify(v).slice(1, -1);
  return template.replaceAll('XSSPLACEHOLDER', () => escaped);
};

/** Contexts rendered side by side into one fragment iframe: [name, source, options]. */
function fragmentContexts(v) {
  const inline = `# ${oneLine(v)}\n\nThe dek ${v}\n\n## Part ${oneLine(v)}\n\n[${v}](${oneLine(v)}) ![${v}](${oneLine(v)}) ` +
    `[title](https://example.org "${oneLine(v)}") <${oneLine(v)}>\n\n> “${v},” she said.\n> — ${oneLine(v)}\n\n` +
    `## Key Takeaways\n\n- ${oneLine(v)}\n- two\n- three\n\nReporting by ${oneLine(v)}.\n`;
  return [
    ['markdown', v, {}],
    ['markdown, raw HTML passthrough', v, { allowRawHtml: true }],
    ['markdown, passthrough with style', v, { allowRawHtml: true, allowStyle: true }],
    ['article conventions', inline, {}],
    ['article conventions, passthrough', inline, { allowRawHtml: true }],
    ['pasted text', `${v}\nHeading ${oneLine(v)}\nA paragraph ${v}.\n`, { input: 'text' }],
    ['json input', model(v), { input: 'json' }],
  ];
}

/** Contexts rendered as whole pages, each in its own iframe (with the JSON-LD embedded). */
function pageContexts(v) {
  const front = `---\ntitle: ${yaml(v)}\ndescription: ${yaml(v)}\nauthor: ${yaml(v)}\ntags: [${yaml(v)}]\n---\n\n${v}\n`;
  return [
    ['front matter, document', front, { document: true }],
    ['front matter, document, passthrough', front, { document: true, allowRawHtml: true }],
    ['json input, document', model(v), { input: 'json', document: true }],
  ];
}

function tripwire(id, context) {
  const tag = JSON.stringify(`${context}`);
  return `<script data-tripwire>(function(){var id=${id},c=${tag};` +
    'function r(how){try{parent.__pwned(id,how+" in "+c)}catch(e){}}' +
    'window.__pwned=function(){r("__pwned()")};' +
    'window.alert=function(){r("alert()")};window.confirm=function(){r("confirm()")};' +
    'window.prompt=function(){r("prompt()")};window.print=function(){r("print()")};' +
    'console.log=function(){r("console.log()")};' +
    'window.onerror=function(m){r("a script error: "+m)};})()</script>';
}

function format(source, options) {
  try {
    const outputs = options.document ? ['html', 'jsonld'] : ['html'];
    const r = window.galley.format(source, { ...options, outputs });
    return { html: r.html ?? '', jsonld: r.jsonld ?? '' };
  } catch (error) {
    return { error: `${error.code ?? 'exception'}: ${error.message}` };
  }
}

const urlAttributes = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'cite', 'data',
  'codebase', 'longdesc', 'lowsrc', 'dynsrc', 'usemap', 'manifest', 'ping', 'profile', 'classid', 'archive',
  'itemtype', 'xml:base', 'to', 'from', 'values', 'by']);
const activeElements = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'portal']);

/** What a browser makes of a URL's start: spaces and controls gone, lower case. */
const urlHead = (value) => value.replace(/[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u2029\u205f\u3000\ufeff]/g, '').toLowerCase();

function badUrl(value, element) {
  const head = urlHead(value);
  if (/^(javascript|vbscript|livescript|mocha):/.test(head)) return true;
  if (!head.startsWith('data:')) return false;
  if (!head.startsWith('data:image/')) return true;
  return ['object', 'embed', 'iframe', 'frame'].includes(element);
}

/** Everything in a document that could run script or navigate to it. */
function scan(doc, problems) {
  const roots = [doc];
  for (const t of doc.querySelectorAll('template')) roots.push(t.content);
  for (const root of roots) {
    for (const el of root.querySelectorAll('*')) {
      const name = el.localName.toLowerCase();
      if (name === 'script') {
        const type = (el.getAttribute('type') ?? '').trim().toLowerCase();
        if (el.hasAttribute('data-tripwire')) continue;
        if (type !== 'application/ld+json') problems.push(`a <script> element survived: ${el.outerHTML.slice(0, 120)}`);
        else {
          try {
            JSON.parse(el.textContent);
          } catch {
            problems.push(`the JSON-LD block is not JSON: ${el.textContent.slice(0, 120)}`);
          }
        }
      }
      if (activeElements.has(name)) problems.push(`an active element survived: ${el.outerHTML.slice(0, 120)}`);
      if (name === 'meta' && el.hasAttribute('http-equiv')) problems.push(`<meta http-equiv> survived: ${el.outerHTML.slice(0, 120)}`);
      if (name === 'style' && /javascript:|expression\s*\(|@import/i.test(el.textContent)) {
        problems.push(`a <style> element with script survived: ${el.textContent.slice(0, 120)}`);
      }
      for (const attr of el.attributes) {
        const a = attr.name.toLowerCase();
        const where = `<${name} ${a}="${attr.value.slice(0, 80)}">`;
        if (a.startsWith('on')) problems.push(`event-handler attribute ${where}`);
        else if (a === 'srcdoc') problems.push(`srcdoc attribute ${where}`);
        else if (a === 'style' && /javascript:|expression\s*\(|url\s*\(\s*['"]?\s*(javascript|vbscript|data:text)/i.test(attr.value)) {
          problems.push(`script in a style attribute ${where}`);
        } else if (a === 'srcset' || a === 'imagesrcset') {
          for (const candidate of attr.value.split(',')) {
            if (badUrl(candidate.trim().split(/\s+/)[0] ?? '', name)) problems.push(`script URL in ${where}`);
          }
        } else if ((urlAttributes.has(a) || a.endsWith(':href')) && badUrl(attr.value, name)) {
          problems.push(`script URL in ${where}`);
        }
      }
    }
  }
}

function frame(host, id, context, html) {
  const iframe = document.createElement('iframe');
  iframe.dataset.id = String(id);
  iframe.dataset.context = context;
  const loaded = new Promise((resolve) => {
    iframe.addEventListener('load', resolve, { once: true });
    setTimeout(resolve, 5000);
  });
  iframe.srcdoc = `<!doctype html><meta charset="utf-8">${tripwire(id, context)}${html}`;
  host.append(iframe);
  return loaded;
}

const settle = () => new Promise((resolve) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(resolve)), 150));

/**
 * Renders a batch of {id, vector} and returns {renders, refused, failures, findings}:
 * `refused` counts GalleyErrors with a documented code, `failures` lists anything else thrown
 * (a crash), `findings` every script that ran or unsafe thing left in a DOM.
 */
window.renderBatch = async (batch) => {
  const host = document.getElementById('frames');
  const start = hits.length;
  const loads = [];
  const failures = [];
  let renders = 0;
  let refused = 0;
  for (const { id, vector } of batch) {
    const parts = [];
    for (const [context, source, options] of fragmentContexts(vector)) {
      const r = format(source, options);
      renders += 1;
      if (r.error) {
        if (/^(invalid-json|invalid-options|input-too-large):/.test(r.error)) refused += 1;
        else failures.push({ id, context, problem: r.error });
        continue;
      }
      parts.push(`<section data-context="${context}">${r.html}</section>`);
    }
    loads.push(frame(host, id, 'fragments', parts.join('\n')));
    for (const [context, source, options] of pageContexts(vector)) {
      const r = format(source, options);
      renders += 1;
      if (r.error) {
        if (/^(invalid-json|invalid-options|input-too-large):/.test(r.error)) refused += 1;
        else failures.push({ id, context, problem: r.error });
        continue;
      }
      // A page as a site would build it: the document, plus the JSON-LD in its script element.
      const jsonld = r.jsonld ? `<script type="application/ld+json">${r.jsonld}</script>` : '';
      loads.push(frame(host, id, context, r.html + jsonld));
    }
  }
  await Promise.all(loads);
  await settle();
  const findings = [];
  for (const iframe of host.querySelectorAll('iframe')) {
    const problems = [];
    const doc = iframe.contentDocument;
    if (!doc) problems.push('the frame navigated away from its document');
    else scan(doc, problems);
    for (const problem of problems) findings.push({ id: Number(iframe.dataset.id), context: iframe.dataset.context, problem });
  }
  for (const hit of hits.slice(start)) findings.push({ id: hit.id, context: 'script ran', problem: hit.how });
  host.replaceChildren();
  return { renders, refused, failures, findings };
};
