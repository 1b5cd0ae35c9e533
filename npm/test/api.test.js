// Node tests of the npm package's API: format, check, errors, and recovery after errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createGalley, GalleyError } from '../src/index.js';

const galley = await createGalley();

test('formats Markdown into HTML with the headline and sections', () => {
  const result = galley.format('# Title\n\nThe dek.\n\n## First part\n\nBody text.\n', { outputs: ['html', 'json'] });
  assert.equal(result.mode, 'markdown');
  assert.match(result.html, /<h1 class="galley-headline">Title<\/h1>/);
  assert.match(result.html, /<section class="galley-section" aria-labelledby="first-part">/);
  assert.equal(result.article.headline.text, 'Title');
  assert.equal(result.article.dek.text, 'The dek.');
  assert.equal(result.article.sections[0].heading.text, 'First part');
});

test('check reports headline/missing with UTF-16 positions', () => {
  const result = galley.check('😀 A lede without a headline.\n', { input: 'markdown' });
  const missing = result.diagnostics.find((d) => d.rule === 'headline/missing');
  assert.ok(missing);
  assert.equal(missing.severity, 'error');
  assert.equal(missing.line, 1);
  assert.equal(missing.column, 1);
  assert.equal(missing.endOffset, '😀 A lede without a headline.'.length);
});

test('bad options throw GalleyError invalid-options naming the field, and the instance keeps working', () => {
  assert.throws(() => galley.format('# T', { profile: 'tabloid' }), (e) => {
    assert.ok(e instanceof GalleyError);
    assert.equal(e.code, 'invalid-options');
    assert.equal(e.field, 'profile');
    return true;
  });
  assert.throws(() => galley.check('# T', { rules: { 'no/such-rule': 'error' } }), (e) => e.code === 'invalid-options' && e.field === 'rules.no/such-rule');
  assert.equal(galley.format('# Still works').article.headline.text, 'Still works');
});

test('input over the size limit is refused with input-too-large', () => {
  assert.throws(() => galley.format('x'.repeat(101), { maxInputBytes: 100 }), (e) => e.code === 'input-too-large');
  assert.equal(galley.check('# Fine').mode, 'markdown');
});

test('rules() lists the catalogue with metadata', () => {
  const rules = galley.rules();
  const ids = rules.map((r) => r.id);
  for (const id of ['headline/missing', 'heading/increment', 'section/empty']) assert.ok(ids.includes(id), id);
  const missing = rules.find((r) => r.id === 'headline/missing');
  assert.equal(missing.severity.news, 'error');
  assert.equal(typeof galley.version, 'string');
});
