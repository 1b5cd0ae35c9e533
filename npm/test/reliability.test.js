// Reliability of the package in WebAssembly: hostile and broken input through the public API
// (each refused or diagnosed with its documented code, the instance working after it), an
// allocation that cannot succeed becoming out-of-memory, and a heap that stays steady over
// 10,000 format() calls.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createGalley, GalleyError } from '../src/index.js';
import createGalleyModule from '../dist/galley.mjs';

const galley = await createGalley();
const sample = await readFile(new URL('../../tests/samples/security-guarantees.txt', import.meta.url), 'utf8');
const allOutputs = { outputs: ['html', 'markdown', 'json', 'jsonld', 'text'] };
const reference = galley.format('# Still here\n\nThe dek.\n\n## Part\n\nBody text.\n', allOutputs);

/** The instance gives exactly the reference result again. */
function assertStillWorking(instance = galley) {
  const again = instance.format('# Still here\n\nThe dek.\n\n## Part\n\nBody text.\n', allOutputs);
  assert.equal(again.html, reference.html);
  assert.equal(again.markdown, reference.markdown);
  assert.deepEqual(again.article, reference.article);
}

function refusedWith(code, field) {
  return (error) => {
    assert.ok(error instanceof GalleyError, `expected a GalleyError, got ${error}`);
    assert.equal(error.code, code, error.message);
    if (field !== undefined) assert.equal(error.field, field);
    assert.ok(error.message.length > 0);
    return true;
  };
}

test('lone surrogates (the JavaScript form of invalid UTF-8) become U+FFFD with UTF-16 positions intact', () => {
  for (const bad of ['\uD800', '\uDFFF', '\uDBFF\uDBFF', '\uDC00\uD800']) {
    const source = `# Caf${bad} au lait\n\nThe dek is ${bad}here.\n`;
    const result = galley.format(source, allOutputs);
    assert.ok(result.text.includes('\uFFFD au lait'), JSON.stringify(result.text));
    assert.ok(result.text.includes('here.'));
    for (const d of result.diagnostics) {
      assert.ok(d.endOffset <= source.length, `${d.rule} ends past the source`);
      assert.equal(source.slice(0, d.offset).split('\n').length, d.line, `${d.rule} line`);
    }
    assertStillWorking();
  }
});

test('NUL, lone CR, mixed line ends and a BOM keep positions as JavaScript counts them', () => {
  const nul = galley.format('# Ti\0tle\n\nOne\0two.\n', allOutputs);
  assert.ok(!nul.text.includes('\0'));
  assert.ok(nul.diagnostics.some((d) => d.rule === 'input/invalid-utf8' && d.line === 1 && d.column === 5));
  const lines = ['# Title', '', 'The dek.', '', '## Empty', '', '## Full', '', 'Body text.'];
  const lf = galley.format(lines.join('\n'), allOutputs);
  for (const eol of ['\r\n', '\r']) {
    const source = lines.join(eol);
    const r = galley.format(source, allOutputs);
    assert.equal(r.text, lf.text);
    assert.deepEqual(r.diagnostics.map((d) => [d.rule, d.line, d.column]), lf.diagnostics.map((d) => [d.rule, d.line, d.column]));
    for (const d of r.diagnostics) {
      const lineStart = source.split(/\r\n|\r|\n/).slice(0, d.line - 1).reduce((n, l) => n + l.length + eol.length, 0);
      assert.equal(d.offset, lineStart + d.column - 1, `${d.rule} offset with ${JSON.stringify(eol)}`);
    }
  }
  const bom = galley.format('\uFEFF# Title\n\nThe dek.\n', allOutputs);
  assert.equal(bom.article.headline.text, 'Title');
  assert.ok(!bom.html.includes('\uFEFF'));
  assertStillWorking();
});

test('empty and blank sources format to an empty article', () => {
  for (const source of ['', ' ', '\n\n\n', '\r\n\t \r\n', '\u00A0\u2003\n']) {
    const r = galley.format(source, allOutputs);
    assert.equal(r.stats.words, 0, JSON.stringify(source));
    assert.equal(r.article.headline, null);
    assert.equal(galley.fix(source).source.trim(), source.trim());
  }
  assertStillWorking();
});

test('8 MiB + 1 byte is refused with input-too-large, the limit itself is configurable', () => {
  const over = 'a'.repeat(8 * 1024 * 1024 + 1);
  for (const call of ['format', 'check', 'fix']) {
    assert.throws(() => galley[call](over), refusedWith('input-too-large', 'maxInputBytes'));
  }
  // Multi-byte text over the limit in bytes though not in UTF-16 units.
  assert.throws(() => galley.format('é'.repeat(4 * 1024 * 1024 + 1)), refusedWith('input-too-large'));
  assert.throws(() => galley.format('x'.repeat(1001), { maxInputBytes: 1000 }), refusedWith('input-too-large'));
  assert.equal(galley.format('x'.repeat(1000), { maxInputBytes: 1000 }).stats.words, 1);
  assertStillWorking();
});

test('malformed front matter keeps the body', () => {
  for (const source of [
    '---\ntitle: [unclosed\n---\n\nBody words stay.\n',
    '---\ntitle: "unterminated\n---\n\nBody words stay.\n',
    '+++\ntitle = \n+++\n\nBody words stay.\n',
    '---\ntitle: Never closed\n\nBody words stay.\n',
  ]) {
    const r = galley.format(source, allOutputs);
    assert.ok(r.text.includes('Body words stay.'), source);
  }
  assertStillWorking();
});

test('malformed JSON input is refused with invalid-json and its position', () => {
  assert.throws(() => galley.format('{"schema": "galley.article/v1",\n  "headline": {"text": "x"},,\n}', { input: 'json' }), (e) => {
    refusedWith('invalid-json')(e);
    assert.match(e.message, /line 2/);
    return true;
  });
  for (const source of ['', '{', '[1,', '"x"', '{"schema":"other"}', '['.repeat(100000), '{"a":"\uD800"}']) {
    assert.throws(() => galley.format(source, { input: 'json' }), refusedWith('invalid-json'), source.slice(0, 20));
  }
  assertStillWorking();
});

test('malformed options and config are refused with invalid-options naming the field', () => {
  const cases = [
    [{ profile: 'tabloid' }, 'profile'],
    [{ input: 3 }, 'input'],
    [{ outputs: 'html' }, 'outputs'],
    [{ rules: { 'no/such-rule': 'error' } }, 'rules.no/such-rule'],
    [{ rules: { 'headline/missing': 'loud' } }, 'rules.headline/missing'],
    [{ locale: 'xx' }, 'locale'],
    [{ maxInputBytes: -1 }, 'maxInputBytes'],
    [{ unknownKey: true }, 'unknownKey'],
    [{ labels: { takeaways: ['\uD800'] } }, undefined],
  ];
  for (const [options, field] of cases) {
    assert.throws(() => galley.format('# T\n', options), refusedWith('invalid-options', field), JSON.stringify(options));
  }
  for (const options of [[], 'news', 7]) {
    assert.throws(() => galley.format('# T\n', options), refusedWith('invalid-options'));
  }
  const circular = {};
  circular.self = circular;
  assert.throws(() => galley.format('# T\n', circular), refusedWith('invalid-options'));
  for (const source of [null, undefined, 42, {}, ['a']]) {
    assert.throws(() => galley.format(source), refusedWith('invalid-input', 'source'));
  }
  assertStillWorking();
});

test('an input the heap cannot hold is refused with out-of-memory, and the instance keeps working', async () => {
  const instance = await createGalley();
  // 120 MB of text needs far more working memory than the 2 GB heap can give (about 24 bytes a
  // byte): the binding's probe fails and the call is refused before the core starts.
  const huge = 'word '.repeat(24 * 1024 * 1024);
  assert.throws(() => instance.format(huge, { maxInputBytes: 2 ** 30 }), refusedWith('out-of-memory'));
  assertStillWorking(instance);
});

// ---- memory -----------------------------------------------------------------------------------

/** The raw core, driven as the package drives it, so that its heap can be observed. */
async function rawCore() {
  const bytes = await readFile(new URL('../dist/galley.wasm', import.meta.url));
  const wasmModule = await WebAssembly.compile(bytes);
  const module = await createGalleyModule({
    instantiateWasm(imports, receive) {
      const instance = new WebAssembly.Instance(wasmModule, imports);
      receive(instance, wasmModule);
      return instance.exports;
    },
  });
  const engine = new module.Engine();
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  return {
    module,
    run(command, source, options) {
      const capacity = source.length * 3;
      const ptr = engine.input(capacity);
      const { written } = encoder.encodeInto(source, module.HEAPU8.subarray(ptr, ptr + capacity));
      const length = engine.run(command, written, JSON.stringify(options));
      const out = engine.output();
      const text = decoder.decode(module.HEAPU8.subarray(out, out + length));
      engine.release();
      return JSON.parse(text);
    },
    /**
     * The top of the used heap: where a block larger than any free one is placed (dlmalloc takes
     * it from the top chunk). The probe is freed at once by release().
     */
    heapTop() {
      const ptr = engine.input(64 * 1024 * 1024);
      assert.ok(ptr > 0);
      engine.release();
      return ptr;
    },
  };
}

test('10,000 format() calls leave the heap within 1 MB of its size after 100', async () => {
  const core = await rawCore();
  const inputs = [
    ['# Headline\n\nThe dek.\n\n## Part\n\n“A quote,” Jane Doe said.\n\n- one\n- two\n', { outputs: ['html', 'json'] }],
    [sample, { outputs: ['html', 'markdown', 'json', 'jsonld', 'text'] }],
    ['Text with a \uD800 lone surrogate.\r\nAnd a CR\rline.', { input: 'text', outputs: ['text', 'markdown'] }],
    ['# T\n', { profile: 'tabloid' }],
    ['{"schema":', { input: 'json' }],
    ['x'.repeat(200), { maxInputBytes: 100 }],
    ['She said "it costs 90 % less" -- really...\n', {}],
  ];
  const call = (i) => {
    const [source, options] = inputs[i % inputs.length];
    const command = i % 13 === 0 ? 'fix' : i % 5 === 0 ? 'check' : 'format';
    return core.run(command, source, options);
  };
  for (let i = 0; i < 100; i++) call(i);
  const top100 = core.heapTop();
  const memory100 = core.module.HEAPU8.length;
  let ok = 0;
  for (let i = 100; i < 10000; i++) ok += call(i).ok ? 1 : 0;
  const top10000 = core.heapTop();
  const memory10000 = core.module.HEAPU8.length;
  assert.ok(ok > 5000, `${ok} calls succeeded`);
  const grown = top10000 - top100;
  console.log(`# heap top after 100 calls ${top100} B, after 10,000 ${top10000} B (${grown} B); memory ${memory100} -> ${memory10000} B`);
  assert.ok(grown < 1024 * 1024, `the heap's top moved ${grown} bytes`);
  assert.ok(memory10000 - memory100 < 1024 * 1024, `the wasm memory grew ${memory10000 - memory100} bytes`);
});

test('the public API stays deterministic and usable over 2,000 mixed calls', () => {
  const first = galley.format(sample, allOutputs);
  for (let i = 0; i < 2000; i++) {
    if (i % 3 === 0) assert.throws(() => galley.format('# T', { rules: { 'no/such': 'off' } }), refusedWith('invalid-options'));
    else if (i % 3 === 1) galley.check(`# Call ${i}\n\nText ${'é'.repeat(i % 50)}.\n`);
    else galley.fix('She said "yes" -- twice...\n');
  }
  const last = galley.format(sample, allOutputs);
  assert.equal(last.html, first.html);
  assert.equal(last.markdown, first.markdown);
});
