// The article model's JSON Schema (schema/article.schema.json, shipped as galley/schema.json):
// every model Galley writes — for each golden case and sample, in each layout, and again after
// reading it back as JSON input — validates against it, and the schema refuses broken models.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { createGalley } from '../src/index.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const schema = JSON.parse(readFileSync(fileURLToPath(new URL('../schema/article.schema.json', import.meta.url)), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const validate = ajv.compile(schema);
const galley = await createGalley();

function files(dir, keep) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...files(path, keep));
    else if (keep(name)) out.push(path);
  }
  return out;
}

/** Every article source of the tests: golden inputs (with their options) and samples. */
function sources() {
  const out = [];
  for (const path of files(join(repo, 'tests/golden'), (n) => /^input\.(md|txt)$/.test(n))) {
    const options = join(path, '..', 'options.json');
    out.push({ path, options: existsSync(options) ? JSON.parse(readFileSync(options, 'utf8')) : {} });
  }
  for (const path of files(join(repo, 'tests/samples'), (n) => /\.(md|txt)$/.test(n) && n !== 'README.md')) {
    out.push({ path, options: {} });
  }
  return out;
}

function assertValid(model, where) {
  const ok = validate(model);
  assert.ok(ok, `${where}: ${ajv.errorsText(validate.errors, { separator: '\n' })}`);
}

test('the schema is a valid JSON Schema and names the model', () => {
  assert.equal(schema.properties.schema.const, 'galley.article/v1');
  assert.equal(typeof validate, 'function');
});

test('every model Galley writes validates, and so does the model read back from JSON', () => {
  const all = sources();
  assert.ok(all.length >= 10, `only ${all.length} sources`);
  let checked = 0;
  for (const { path, options } of all) {
    for (const layout of ['source', 'standard']) {
      const result = galley.format(readFileSync(path, 'utf8'), { ...options, layout, outputs: ['json', 'html'] });
      assertValid(result.article, `${path} (${layout})`);
      const back = galley.format(JSON.stringify(result.article), { ...options, layout, input: 'json', outputs: ['json', 'html'] });
      assertValid(back.article, `${path} (${layout}, read back)`);
      assert.equal(back.html, result.html, `${path}: JSON input renders as its source`);
      checked += 2;
    }
  }
  assert.ok(checked >= 40);
});

test('the golden cases\' expected models validate', () => {
  const expected = files(join(repo, 'tests/golden'), (n) => n === 'article.json');
  assert.ok(expected.length >= 1);
  for (const path of expected) assertValid(JSON.parse(readFileSync(path, 'utf8')), path);
});

test('a model built by hand for a CMS validates and renders', () => {
  const model = {
    schema: 'galley.article/v1',
    headline: { text: 'From the CMS' },
    sections: [{ heading: { text: 'Part' }, blocks: [{ type: 'paragraph', text: 'Words.' }] }],
    takeaways: { heading: { text: 'Key points' }, items: [{ text: 'One.' }] },
  };
  assertValid(model, 'hand-built');
  const result = galley.format(JSON.stringify(model), { input: 'json', outputs: ['json', 'html'] });
  assertValid(result.article, 'hand-built, as written back');
  assert.match(result.html, /<aside class="galley-takeaways" aria-label="Key points">/);
});

test('the schema refuses broken models', () => {
  const broken = [
    {},
    { schema: 'galley.article/v2' },
    { schema: 'galley.article/v1', headlin: null },
    { schema: 'galley.article/v1', sections: [{ blocks: [{ type: 'para' }] }] },
    { schema: 'galley.article/v1', sections: [{ blocks: [{ type: 'paragraph' }] }] },
    { schema: 'galley.article/v1', sections: [{ blocks: [{ type: 'paragraph', text: 'x', inlines: [{ type: 'link', url: 5 }] }] }] },
    { schema: 'galley.article/v1', sections: [{ level: 9 }] },
    { schema: 'galley.article/v1', headline: { span: null } },
    { schema: 'galley.article/v1', byline: [{ role: 'reporting' }] },
    { schema: 'galley.article/v1', meta: { frontMatterFormat: 'ini' } },
    { schema: 'galley.article/v1', quotes: [{ kind: 'shouted' }] },
  ];
  for (const model of broken) {
    assert.equal(validate(model), false, JSON.stringify(model));
    // The core refuses what the schema refuses, naming the field.
    assert.throws(() => galley.format(JSON.stringify(model), { input: 'json' }), (e) => e.code === 'invalid-json');
  }
});
