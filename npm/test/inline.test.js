// The single-file build (dist/galley.inline.js): self-contained, the same API and results as the
// package's main entry, the wasm compiled once however many instances are made.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as main from '../src/index.js';

const file = fileURLToPath(new URL('../dist/galley.inline.js', import.meta.url));
const article = '# Harbour reopens\n\nShips return after the storm.\n\n## What happened.\n\nThe port closed for two days.\n';

test('dist/galley.inline.js is built and fetches nothing', () => {
  assert.ok(existsSync(file), 'run scripts/build.sh wasm (or node npm/scripts/build-inline.mjs)');
  const code = readFileSync(file, 'utf8');
  assert.ok(!/^import\s/m.test(code), 'no static imports');
  assert.ok(!/new URL\([^)]*\.wasm['"]\s*,\s*import\.meta\.url/.test(code), 'no reference to a separate wasm file');
  const base64 = code.match(/const wasmBase64 = '([A-Za-z0-9+/=]+)';/);
  assert.ok(base64, 'the wasm is inside');
  assert.deepEqual(Buffer.from(base64[1], 'base64'), readFileSync(new URL('../dist/galley.wasm', import.meta.url)));
});

test('the inline build has the same API and gives the same results', async () => {
  const inline = await import('../dist/galley.inline.js');
  assert.deepEqual(Object.keys(inline).sort(), ['GalleyError', 'createGalley', 'errorCodes', 'internal']);
  const [a, b] = await Promise.all([inline.createGalley(), main.createGalley()]);
  const strip = ({ stats, ...rest }) => rest;
  const options = { outputs: ['html', 'markdown', 'json', 'jsonld', 'text'] };
  assert.deepEqual(strip(a.format(article, options)), strip(b.format(article, options)));
  assert.deepEqual(a.fix(article), b.fix(article));
  assert.deepEqual(a.rules(), b.rules());
  assert.equal(a.version, b.version);
  assert.throws(() => a.format(article, { profile: 'x' }), (e) => e instanceof inline.GalleyError && e.code === 'invalid-options' && e.field === 'profile');
  assert.throws(() => a[inline.internal].debugFail('trap'), (e) => e.code === 'internal');
  assert.equal(a.format(article, { outputs: ['json'] }).article.headline.text, 'Harbour reopens');
});

test('the inline wasm is decoded and compiled once for all instances', async () => {
  const inline = await import('../dist/galley.inline.js');
  const compile = WebAssembly.compile;
  let calls = 0;
  WebAssembly.compile = (...args) => {
    calls++;
    return compile.apply(WebAssembly, args);
  };
  try {
    const instances = await Promise.all([inline.createGalley(), inline.createGalley(), inline.createGalley()]);
    assert.ok(calls <= 1, `compiled ${calls} times`);
    for (const instance of instances) assert.equal(instance.check(article).mode, 'markdown');
  } finally {
    WebAssembly.compile = compile;
  }
});
