// Node tests of galley/worker (a worker thread): the same results as the main API, errors as
// GalleyError, cancellation, superseding by key, termination, and every way to pass the wasm.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createGalley } from '../src/index.js';
import { createGalleyWorker, errorCodes, GalleyError } from '../src/worker.js';

const article = '# Harbour reopens\n\nShips return after the storm.\n\n## What happened.\n\nThe port closed for two days.\n';
const wasmUrl = new URL('../dist/galley.wasm', import.meta.url);

const direct = await createGalley();
const worker = await createGalleyWorker();

/** Results without the timings, which differ from run to run. */
function stable(result) {
  const { stats, ...rest } = result;
  return { ...rest, words: stats.words };
}

async function rejectsWith(promise, code, field) {
  await assert.rejects(promise, (error) => {
    assert.ok(error instanceof GalleyError, `expected a GalleyError, got ${error}`);
    assert.equal(error.code, code, error.message);
    if (field !== undefined) assert.equal(error.field, field);
    return true;
  });
}

test('the worker gives the same results as the main API', async () => {
  const options = { outputs: ['html', 'markdown', 'json', 'jsonld', 'text'] };
  const formatted = await worker.format(article, options);
  assert.equal(typeof Object.getOwnPropertyDescriptor(formatted, 'article').get, 'function', 'the model is parsed when read');
  assert.deepEqual(stable(formatted), stable(direct.format(article, options)));
  assert.deepEqual(stable(await worker.check(article)), stable(direct.check(article)));
  assert.deepEqual(await worker.fix(article), direct.fix(article));
  assert.deepEqual(await worker.rules(), direct.rules());
  assert.equal(worker.version, direct.version);
  const bytes = new TextEncoder().encode(article);
  assert.deepEqual(stable(await worker.format(bytes)), stable(direct.format(article)));
});

test('refusals arrive as GalleyError with the code and field, and the worker goes on', async () => {
  await rejectsWith(worker.format(article, { profile: 'tabloid' }), 'invalid-options', 'profile');
  await rejectsWith(worker.check(article, { rules: { 'no/such-rule': 'off' } }), 'invalid-options', 'rules.no/such-rule');
  await rejectsWith(worker.format('x'.repeat(101), { maxInputBytes: 100 }), 'input-too-large', 'maxInputBytes');
  await rejectsWith(worker.format('{', { input: 'json' }), 'invalid-json');
  await rejectsWith(worker.format(42), 'invalid-input', 'source');
  await rejectsWith(worker.format(article, { callback: () => 1 }), 'invalid-options');
  await rejectsWith(worker.format(article, {}, 'preview'), 'invalid-options', 'request');
  assert.equal((await worker.format(article)).article.headline.text, 'Harbour reopens');
});

test('a newer request with the same key supersedes the older pending ones; other keys are untouched', async () => {
  const sources = ['# One', '# Two', '# Three', '# Four'];
  const keyed = sources.map((source) => worker.format(source, { outputs: ['json'] }, { key: 'editor' }));
  const other = worker.check('# Other', {}, { key: 'sidebar' });
  const unkeyed = worker.format('# Plain', { outputs: ['json'] });
  const settled = await Promise.allSettled(keyed);
  for (const outcome of settled.slice(0, -1)) {
    assert.equal(outcome.status, 'rejected');
    assert.ok(outcome.reason instanceof GalleyError);
    assert.equal(outcome.reason.code, 'superseded');
  }
  assert.equal(settled.at(-1).value.article.headline.text, 'Four');
  assert.equal((await other).mode, 'markdown');
  assert.equal((await unkeyed).article.headline.text, 'Plain');
});

test('an AbortSignal cancels a request, queued or running; an aborted signal refuses at once', async () => {
  const running = new AbortController();
  const queued = new AbortController();
  const first = worker.format(article, {}, { signal: running.signal });
  const second = worker.format(article, {}, { signal: queued.signal });
  const third = worker.format('# Kept', { outputs: ['json'] });
  running.abort();
  queued.abort(new Error('user left the page'));
  await rejectsWith(first, 'aborted');
  await assert.rejects(second, (e) => e.code === 'aborted' && e.cause?.message === 'user left the page' && /user left the page/.test(e.message));
  assert.equal((await third).article.headline.text, 'Kept');
  await rejectsWith(worker.check(article, {}, { signal: AbortSignal.abort() }), 'aborted');
  const late = new AbortController();
  const done = await worker.check(article, {}, { signal: late.signal });
  late.abort();
  assert.equal(done.mode, 'markdown');
});

test('the wasm can be given as a URL, a path, bytes, a Response or a compiled Module', async () => {
  const bytes = await readFile(wasmUrl);
  const sources = {
    url: wasmUrl,
    'file URL string': wasmUrl.href,
    bytes,
    'ArrayBuffer': bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    Response: new Response(bytes, { headers: { 'content-type': 'application/wasm' } }),
    Module: await WebAssembly.compile(bytes),
    promise: Promise.resolve(bytes),
  };
  for (const [name, wasm] of Object.entries(sources)) {
    const other = await createGalleyWorker({ wasm });
    assert.equal((await other.format(article, { outputs: ['json'] })).article.headline.text, 'Harbour reopens', name);
    await other.terminate();
  }
});

test('a wasm that cannot be loaded rejects createGalleyWorker with load-failed', async () => {
  await rejectsWith(createGalleyWorker({ wasm: new URL('./no-such.wasm', import.meta.url) }), 'load-failed', 'wasm');
  await rejectsWith(createGalleyWorker({ wasm: new Uint8Array([0, 97, 115, 109, 9, 9]) }), 'load-failed', 'wasm');
  await rejectsWith(createGalleyWorker({ wasm: 42 }), 'invalid-options', 'wasm');
  await rejectsWith(createGalleyWorker({ threads: 2 }), 'invalid-options', 'threads');
});

test('terminate rejects pending and later requests with terminated', async () => {
  const other = await createGalleyWorker();
  const pending = [other.format(article), other.check(article), other.rules()].map((p) => rejectsWith(p, 'terminated'));
  await other.terminate();
  await Promise.all(pending);
  await rejectsWith(other.format(article), 'terminated');
  await other.terminate();
});

test('every error code is known to the worker entry point', () => {
  assert.ok(errorCodes.includes('superseded') && errorCodes.includes('aborted') && errorCodes.includes('terminated'));
});
