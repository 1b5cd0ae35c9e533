// How createGalley() finds the wasm: every kind of source, compiled once per source and shared,
// and load failures as GalleyError load-failed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGalley, GalleyError } from '../src/index.js';

const wasmUrl = new URL('../dist/galley.wasm', import.meta.url);
const bytes = await readFile(wasmUrl);
const article = '# Harbour reopens\n\nShips return after the storm.\n';

/** Counts WebAssembly compilations while `body` runs. */
async function compilations(body) {
  const { compile, compileStreaming } = WebAssembly;
  let count = 0;
  WebAssembly.compile = (...args) => (count++, compile.apply(WebAssembly, args));
  WebAssembly.compileStreaming = (...args) => (count++, compileStreaming.apply(WebAssembly, args));
  try {
    await body();
  } finally {
    Object.assign(WebAssembly, { compile, compileStreaming });
  }
  return count;
}

test('every kind of wasm source loads the core', async () => {
  const sources = {
    default: undefined,
    URL: wasmUrl,
    'file URL string': wasmUrl.href,
    'path relative to the working directory': relative(process.cwd(), fileURLToPath(wasmUrl)),
    'absolute path': fileURLToPath(wasmUrl),
    Buffer: Buffer.from(bytes),
    Uint8Array: new Uint8Array(bytes),
    ArrayBuffer: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    'Response (streaming)': new Response(bytes, { headers: { 'content-type': 'application/wasm' } }),
    'Response (other type)': new Response(bytes, { headers: { 'content-type': 'application/octet-stream' } }),
    'WebAssembly.Module': await WebAssembly.compile(bytes),
    'promise of bytes': Promise.resolve(bytes),
    'promise of a Response': Promise.resolve(new Response(bytes)),
  };
  for (const [name, wasm] of Object.entries(sources)) {
    const galley = await createGalley(wasm === undefined ? undefined : { wasm });
    assert.equal(galley.format(article, { outputs: ['json'] }).article.headline.text, 'Harbour reopens', name);
  }
});

test('the wasm is compiled once per source and shared by every instance', async () => {
  await createGalley();
  const shared = new Uint8Array(bytes);
  const count = await compilations(async () => {
    const instances = await Promise.all([createGalley(), createGalley(), createGalley({ wasm: shared }), createGalley({ wasm: shared })]);
    for (const galley of instances) assert.equal(galley.check(article).mode, 'markdown');
  });
  assert.equal(count, 1, 'only the new bytes object is compiled');
  const module = await WebAssembly.compile(bytes);
  assert.equal(await compilations(() => createGalley({ wasm: module })), 0);
});

test('a wasm that cannot be loaded is load-failed; a wrong option is invalid-options; both can be retried', async () => {
  const rejects = (promise, code, field) =>
    assert.rejects(promise, (e) => e instanceof GalleyError && e.code === code && e.field === field && e.message.length > 10);
  await rejects(createGalley({ wasm: new URL('./no-such.wasm', import.meta.url) }), 'load-failed', 'wasm');
  await rejects(createGalley({ wasm: new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 99]) }), 'load-failed', 'wasm');
  await rejects(createGalley({ wasm: new Response('Not found', { status: 404 }) }), 'load-failed', 'wasm');
  await rejects(createGalley({ wasm: 42 }), 'invalid-options', 'wasm');
  await rejects(createGalley({ wasm: 'http://[bad' }), 'invalid-options', 'wasm');
  await rejects(createGalley({ wasmUrl: wasmUrl }), 'invalid-options', 'wasmUrl');
  await rejects(createGalley('galley.wasm'), 'invalid-options', '');
  assert.equal((await createGalley({ wasm: wasmUrl })).check(article).mode, 'markdown');
});
