// Node tests of the package's main API: format, check, fix, rules, every option reaching the core,
// every error code of the synchronous API, and the same instance working after each error.
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createGalley, errorCodes, GalleyError, internal } from '../src/index.js';
import { unparsed } from '../src/galley.js';

const galley = await createGalley();

const article = '# Harbour reopens\n\nShips return after the storm.\n\n## What happened.\n\nThe port closed for two days.\n';

/** The instance still formats correctly: asserted after every error. */
function stillWorks(instance = galley) {
  const result = instance.format('# Still works\n\nA dek.\n', { outputs: ['json'] });
  assert.equal(result.article.headline.text, 'Still works');
}

/** Asserts that `fn` throws a GalleyError with `code` (and `field` when given). */
function throwsGalley(fn, code, field) {
  assert.throws(fn, (error) => {
    assert.ok(error instanceof GalleyError, `expected a GalleyError, got ${error}`);
    assert.ok(error instanceof Error);
    assert.equal(error.name, 'GalleyError');
    assert.equal(error.code, code, error.message);
    if (field !== undefined) assert.equal(error.field, field, error.message);
    assert.ok(errorCodes.includes(error.code));
    assert.ok(error.message.length > 10);
    return true;
  });
}

test('format renders html and the article model by default, and nothing else', () => {
  const result = galley.format(article);
  assert.equal(result.mode, 'markdown');
  assert.match(result.html, /<h1 class="galley-headline">Harbour reopens<\/h1>/);
  assert.match(result.html, /<section class="galley-section" aria-labelledby="what-happened">/);
  assert.equal(result.article.schema, 'galley.article/v1');
  assert.equal(result.article.headline.text, 'Harbour reopens');
  assert.equal(result.article.dek.text, 'Ships return after the storm.');
  assert.equal(result.article.sections.at(-1).heading.text, 'What happened.');
  for (const absent of ['markdown', 'jsonld', 'text']) assert.equal(result[absent], undefined, absent);
  assert.ok(Array.isArray(result.diagnostics));
  assert.equal(typeof result.stats.words, 'number');
  assert.ok(result.stats.words >= 12);
});

test('outputs selects exactly the outputs rendered', () => {
  const all = galley.format(article, { outputs: ['html', 'markdown', 'json', 'jsonld', 'text'] });
  assert.match(all.markdown, /^# Harbour reopens\n/);
  assert.equal(JSON.parse(all.jsonld)['@type'], 'NewsArticle');
  assert.equal(JSON.parse(all.jsonld).headline, 'Harbour reopens');
  assert.match(all.text, /^Harbour reopens\n/);
  const one = galley.format(article, { outputs: ['markdown'] });
  assert.deepEqual(Object.keys(one).sort(), ['diagnostics', 'markdown', 'mode', 'stats']);
  const none = galley.format(article, { outputs: [] });
  assert.deepEqual(Object.keys(none).sort(), ['diagnostics', 'mode', 'stats']);
});

test('results are plain JSON data', () => {
  const result = galley.format(article, { outputs: ['html', 'json'] });
  assert.equal(Object.getPrototypeOf(result), Object.prototype);
  assert.deepEqual(JSON.parse(JSON.stringify(result)), result);
  assert.equal(Object.getPrototypeOf(galley.rules()[0]), Object.prototype);
});

test('a result keeps fast properties and shares its hidden class with every other result', () => {
  // V8 turns an object that loses a property into a slower dictionary for every later read, and
  // gives objects with accessors made for each of them hidden classes of their own.
  const script = `
    const { createGalley } = await import(${JSON.stringify(new URL('../src/index.js', import.meta.url).href)});
    const galley = await createGalley();
    const source = '# Title\\n\\nA dek.\\n\\nBody text here.\\n';
    const results = [galley.format(source, { outputs: ['html', 'json'] }), galley.format(source, { outputs: ['html'] }), galley.check(source, {})];
    const [a, b] = [galley.format(source, { outputs: ['json'] }), galley.format(source, { outputs: ['json'] })];
    const shared = [%HaveSameMap(a, b)];
    a.article; b.article;
    shared.push(%HaveSameMap(a, b), %HasFastProperties(a));
    process.stdout.write(JSON.stringify([...results.map((r) => [%HasFastProperties(r), 'ok' in r, Object.keys(r)[0]]), shared]));`;
  const out = execFileSync(process.execPath, ['--allow-natives-syntax', '--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.deepEqual(JSON.parse(out), [[true, false, 'mode'], [true, false, 'mode'], [true, false, 'mode'], [true, true, true]]);
});

/** A reply as Runtime.runBytes gives it (its JSON's bytes and its parts), every piece parsed at once. */
function parsedAtOnce([bytes, { model, outputs }]) {
  const whole = JSON.parse(new TextDecoder().decode(bytes));
  delete whole.ok;
  for (let i = 0; i < outputs.length; i += 2) whole[outputs[i]] = outputs[i + 1];
  whole.article = JSON.parse(typeof model === 'string' ? model : new TextDecoder().decode(model));
  return whole;
}

test('the article model is parsed when first read, and is then an ordinary property', () => {
  const source = '# Caf\u00e9 "r\u00e9sum\u00e9"\n\nBy Zo\u00eb M\u00fcller\n\nShe wrote `,"article":{}` and "it\'s fine," Ana said.\n';
  const options = { outputs: ['html', 'json'] };
  const result = galley.format(source, options);
  // Not parsed yet: the reply's model waits behind a getter.
  assert.equal(typeof Object.getOwnPropertyDescriptor(result, 'article').get, 'function');
  assert.ok(Object.keys(result).includes('article'));
  // The members in the order of the core's whole reply, the model last.
  assert.deepEqual(Object.keys(result), ['mode', 'diagnostics', 'stats', 'html', 'article']);
  // The same result as the reply and its parts parsed at once (what the worker side sends).
  const whole = parsedAtOnce(galley[unparsed]('format', source, options));
  const { stats, ...rest } = result;
  const { stats: wholeStats, ...wholeRest } = whole;
  assert.deepEqual(rest, wholeRest);
  assert.equal(stats.words, wholeStats.words);
  assert.equal(result.article.headline.text, 'Caf\u00e9 "r\u00e9sum\u00e9"');
  // Once read, a data property holding the same object; it can be replaced like any other.
  const model = result.article;
  assert.equal(result.article, model);
  assert.equal(Object.getOwnPropertyDescriptor(result, 'article').value, model);
  assert.deepEqual(structuredClone(galley.format(source, options)).article, model);
  assert.deepEqual(JSON.parse(JSON.stringify(galley.format(source, options))).article, model);
  const replaced = galley.format(source, options);
  replaced.article = null;
  assert.equal(replaced.article, null);
  // A result frozen or sealed before its model is read still gives the model, every time the same.
  for (const seal of [Object.freeze, Object.seal]) {
    const closed = seal(galley.format(source, options));
    assert.deepEqual(closed.article, model);
    assert.equal(closed.article, closed.article);
  }
});

test('a large model, kept as bytes until read, is the same as the whole reply parsed', () => {
  // Models of 32 KiB or more wait as bytes, smaller ones as text (runtime.js, takeParts).
  const paragraph = 'She said \u201cthe harbour\u2019s reopening\u201d came early, and "it\'s fine," Ana said.\n\n';
  const source = `# Harbour reopens\n\n${paragraph.repeat(200)}`;
  const options = { outputs: ['html', 'json'] };
  const reply = galley[unparsed]('format', source, options);
  assert.ok(reply[1].model instanceof Uint8Array && reply[1].model.length > 32 * 1024, 'the model is large');
  const whole = parsedAtOnce(reply);
  const result = galley.format(source, options);
  assert.equal(typeof Object.getOwnPropertyDescriptor(result, 'article').get, 'function');
  assert.equal(result.article.headline.text, 'Harbour reopens');
  const { stats, ...rest } = result;  // reads the model, as every other member
  const { stats: wholeStats, ...wholeRest } = whole;
  assert.deepEqual(rest, wholeRest);
  assert.equal(stats.words, wholeStats.words);
});

test('input chooses the reader; auto reports its choice', () => {
  assert.equal(galley.check(article).mode, 'markdown');
  assert.equal(galley.check(article, { input: 'text' }).mode, 'text');
  assert.equal(galley.check(article, { input: 'markdown' }).mode, 'markdown');
  const auto = galley.check('A line of pasted text.\nAnother paragraph of it.\n');
  assert.equal(auto.mode, 'text');
  assert.ok(auto.diagnostics.some((d) => d.rule === 'input/mode'));
});

test('json input: a model from a CMS is rendered; broken JSON is invalid-json with its position', () => {
  const model = galley.format(article, { outputs: ['json'] }).article;
  const rendered = galley.format(JSON.stringify(model), { input: 'json', outputs: ['html'] });
  assert.equal(rendered.mode, 'json');
  assert.match(rendered.html, /<h1[^>]*>Harbour reopens<\/h1>/);
  throwsGalley(() => galley.format('{"headline": ', { input: 'json' }), 'invalid-json');
  assert.throws(() => galley.format('{"headline": ', { input: 'json' }), (e) => /line 1/.test(e.message + e.field));
  stillWorks();
});

test('diagnostics carry UTF-16 positions that slice the source', () => {
  const source = '😀 A lede without a headline.\n';
  const missing = galley.check(source, { input: 'markdown' }).diagnostics.find((d) => d.rule === 'headline/missing');
  assert.equal(missing.severity, 'error');
  assert.deepEqual([missing.line, missing.column, missing.offset], [1, 1, 0]);
  assert.equal(source.slice(missing.offset, missing.endOffset), '😀 A lede without a headline.');
  assert.equal(missing.endColumn, missing.endOffset + 1);
});

test('a fix is an exact UTF-16 edit, and fix() applies every fix', () => {
  const finding = galley.check(article).diagnostics.find((d) => d.rule === 'heading/trailing-punctuation');
  assert.ok(finding?.fix, 'heading/trailing-punctuation carries a fix');
  assert.equal(article.slice(finding.fix.offset, finding.fix.endOffset), '.');
  const fixed = galley.fix(article);
  assert.equal(fixed.source, article.replace('What happened.', 'What happened'));
  assert.equal(fixed.source, article.slice(0, finding.fix.offset) + finding.fix.text + article.slice(finding.fix.endOffset));
  assert.deepEqual(
    fixed.applied.map((f) => [f.rule, f.before, f.after]),
    [['heading/trailing-punctuation', '.', '']],
  );
  assert.ok(fixed.passes >= 1);
  assert.ok(!fixed.remaining.some((d) => d.rule === 'heading/trailing-punctuation'));
});

test('a Uint8Array source is read as UTF-8 bytes; invalid bytes are reported, not lost', () => {
  const bytes = new TextEncoder().encode(article);
  assert.deepEqual(galley.format(bytes, { outputs: ['json'] }).article, galley.format(article, { outputs: ['json'] }).article);
  const broken = new Uint8Array([...new TextEncoder().encode('# Caf'), 0xe9, ...new TextEncoder().encode('\n\nText.\n')]);
  const result = galley.format(broken, { outputs: ['json'] });
  assert.equal(result.article.headline.text, 'Caf\ufffd');
  assert.ok(result.diagnostics.some((d) => d.rule === 'input/invalid-utf8'));
});

test('profile sets the default severities given by the catalogue', () => {
  const catalogue = Object.fromEntries(galley.rules().map((r) => [r.id, r]));
  for (const profile of ['news', 'blog', 'minimal']) {
    const found = galley.check('A lede without a headline, long enough to read.\n', { profile, input: 'markdown' }).diagnostics;
    const expected = catalogue['headline/missing'].severity[profile];
    const missing = found.find((d) => d.rule === 'headline/missing');
    if (expected === 'off') assert.equal(missing, undefined, profile);
    else assert.equal(missing?.severity, expected, profile);
  }
});

test('rules: severities, [severity, options] and off', () => {
  const rules = (r) => galley.check(article, { rules: r }).diagnostics;
  assert.ok(!rules({ 'heading/trailing-punctuation': 'off' }).some((d) => d.rule === 'heading/trailing-punctuation'));
  assert.equal(rules({ 'heading/trailing-punctuation': 'error' }).find((d) => d.rule === 'heading/trailing-punctuation').severity, 'error');
  assert.equal(rules({ 'heading/trailing-punctuation': ['info'] }).find((d) => d.rule === 'heading/trailing-punctuation').severity, 'info');
  assert.ok(!rules({}).some((d) => d.rule === 'headline/length'));
  const short = rules({ 'headline/length': ['warning', { max: 5 }] }).find((d) => d.rule === 'headline/length');
  assert.equal(short?.severity, 'warning');
});

test('suppress silences a rule on the given lines only', () => {
  const source = '# Title\n\n#### Too deep\n\nText.\n\n#### Deep again\n\nMore.\n';
  const lines = (options) => galley.check(source, options).diagnostics.filter((d) => d.rule === 'heading/increment').map((d) => d.line);
  assert.deepEqual(lines({}), [3]);
  assert.deepEqual(lines({ suppress: [{ rule: 'heading/increment', startLine: 3 }] }), []);
  assert.deepEqual(lines({ suppress: [{ rule: 'heading/increment', startLine: 4, endLine: 9 }] }), [3]);
  assert.deepEqual(lines({ suppress: [{ startLine: 1, endLine: 3 }] }), []);
});

test('HTML options: classPrefix, document', () => {
  const prefixed = galley.format(article, { outputs: ['html'], classPrefix: 'news_' }).html;
  assert.match(prefixed, /<h1 class="news_headline">/);
  assert.doesNotMatch(prefixed, /galley-/);
  const page = galley.format(article, { outputs: ['html'], document: true }).html;
  assert.match(page, /^<!DOCTYPE html>/i);
  assert.match(page, /<title>Harbour reopens<\/title>/);
  assert.doesNotMatch(galley.format(article, { outputs: ['html'] }).html, /<!DOCTYPE/i);
});

test('every option of the core is accepted with a good value and refused, naming it, with a bad one', () => {
  const options = {
    input: ['text', 'html'],
    outputs: [['html', 'text'], ['pdf']],
    profile: ['blog', 'tabloid'],
    rules: [{ 'headline/missing': 'warning' }, { 'headline/missing': 'fatal' }],
    locale: ['de-AT', 'xx'],
    typography: [{ html: false, markdown: true }, 'yes'],
    classPrefix: ['a-b_c', 'a b'],
    document: [true, 'true'],
    allowRawHtml: [true, 1],
    allowStyle: [true, null],
    maxInputBytes: [1000, -1],
    layout: ['standard', 'magazine'],
    suppress: [[{ rule: 'headline/missing', startLine: 1, endLine: 2 }], [{ endLine: 2 }]],
    labels: [{ takeaways: ['In brief'], credits: ['Reporting team'], author: ['The writer'] }, { sidebar: ['x'] }],
  };
  for (const [name, [good, bad]] of Object.entries(options)) {
    assert.doesNotThrow(() => galley.format(article, { [name]: good }), name);
    assert.throws(
      () => galley.format(article, { [name]: bad }),
      (e) => e instanceof GalleyError && e.code === 'invalid-options' && e.field.startsWith(name),
      name,
    );
  }
  assert.doesNotThrow(() => galley.format(article, Object.fromEntries(Object.entries(options).map(([k, [good]]) => [k, good]))));
  assert.equal(galley.format(article, { typography: false }).mode, 'markdown');
  stillWorks();
});

test('invalid-options names the field: unknown option, rule, rule option, and the JS side', () => {
  throwsGalley(() => galley.format(article, { profile: 'tabloid' }), 'invalid-options', 'profile');
  throwsGalley(() => galley.check(article, { colour: 'red' }), 'invalid-options', 'colour');
  throwsGalley(() => galley.check(article, { rules: { 'no/such-rule': 'error' } }), 'invalid-options', 'rules.no/such-rule');
  throwsGalley(() => galley.check(article, { rules: { 'headline/length': ['warning', { maximum: 3 }] } }), 'invalid-options', 'rules.headline/length.maximum');
  throwsGalley(() => galley.format(article, { outputs: ['html', 'pdf'] }), 'invalid-options', 'outputs[1]');
  throwsGalley(() => galley.fix(article, 'news'), 'invalid-options', '');
  throwsGalley(() => galley.fix(article, ['news']), 'invalid-options', '');
  throwsGalley(() => galley.format(article, { maxInputBytes: 10n }), 'invalid-options', '');
  const circular = {};
  circular.self = circular;
  throwsGalley(() => galley.format(article, circular), 'invalid-options', '');
  stillWorks();
});

test('input-too-large: refused at the limit, in bytes, before the work starts', () => {
  throwsGalley(() => galley.format('x'.repeat(101), { maxInputBytes: 100 }), 'input-too-large', 'maxInputBytes');
  assert.equal(galley.check('x'.repeat(100), { maxInputBytes: 100 }).mode, 'text');
  // 60 characters, 120 bytes: the message names the real size even though only the first bytes were copied.
  assert.throws(() => galley.check('é'.repeat(60), { maxInputBytes: 100 }), (e) => e.code === 'input-too-large' && /120 bytes/.test(e.message));
  assert.throws(() => galley.check(new Uint8Array(300).fill(97), { maxInputBytes: 100 }), (e) => e.code === 'input-too-large' && /300 bytes/.test(e.message));
  // The default limit is 8 MiB.
  throwsGalley(() => galley.check('a'.repeat(8 * 1024 * 1024 + 1)), 'input-too-large', 'maxInputBytes');
  stillWorks();
});

test('invalid-input: the source must be a string or bytes', () => {
  for (const source of [42, null, undefined, { text: 'x' }, ['x'], new Uint16Array(3)]) {
    throwsGalley(() => galley.format(source), 'invalid-input', 'source');
  }
  stillWorks();
});

test('out-of-memory: input whose work would not fit the 2 GB heap is refused, and the instance goes on', () => {
  const huge = new Uint8Array(90_000_000).fill(97);
  throwsGalley(() => galley.check(huge, { maxInputBytes: 2 ** 31 }), 'out-of-memory');
  stillWorks();
});

test('internal: a trap, an abort or an out-of-bounds read restarts the core; the same instance keeps working', () => {
  const run = () => {
    const { stats, ...rest } = galley.format(article, { outputs: ['html', 'json', 'markdown'] });
    return { ...rest, words: stats.words };
  };
  const before = run();
  for (const kind of ['trap', 'abort', 'memory']) {
    throwsGalley(() => galley[internal].debugFail(kind), 'internal', '');
    assert.throws(() => galley[internal].debugFail(kind), (e) => e.cause instanceof WebAssembly.RuntimeError, kind);
    assert.deepEqual(run(), before, kind);
  }
});

test('instances are independent: one failing does not disturb another', () => {
  return createGalley().then((other) => {
    const before = other.format(article, { outputs: ['json'] }).article;
    throwsGalley(() => galley[internal].debugFail('trap'), 'internal');
    assert.deepEqual(other.format(article, { outputs: ['json'] }).article, before);
    throwsGalley(() => other.format(article, { profile: 'x' }), 'invalid-options', 'profile');
    stillWorks(galley);
  });
});

test('rules() lists the catalogue with metadata, a fresh copy each time', () => {
  const rules = galley.rules();
  const ids = rules.map((r) => r.id);
  for (const id of ['headline/missing', 'heading/increment', 'heading/trailing-punctuation']) assert.ok(ids.includes(id), id);
  assert.equal(new Set(ids).size, ids.length);
  for (const rule of rules) {
    assert.match(rule.id, /^[a-z0-9-]+\/[a-z0-9-]+$/);
    assert.ok(rule.summary.length > 0, rule.id);
    for (const profile of ['news', 'blog', 'minimal']) assert.ok(['off', 'info', 'warning', 'error'].includes(rule.severity[profile]));
    assert.equal(typeof rule.fixable, 'boolean');
    for (const option of rule.options) assert.ok(['boolean', 'integer', 'number', 'string', 'string[]'].includes(option.type));
  }
  rules.pop();
  assert.equal(galley.rules().length, ids.length);
  assert.match(galley.version, /^\d+\.\d+\.\d+/);
});

test('GalleyError is a plain Error subclass with code, field and cause', () => {
  const cause = new Error('underneath');
  const error = new GalleyError('Something was refused.', 'invalid-options', 'profile', { cause });
  assert.ok(error instanceof Error);
  assert.equal(error.cause, cause);
  assert.equal(error.field, 'profile');
  assert.equal(String(error), 'GalleyError: Something was refused.');
  assert.deepEqual(
    [...errorCodes].sort(),
    ['aborted', 'input-too-large', 'internal', 'invalid-input', 'invalid-json', 'invalid-options', 'load-failed', 'out-of-memory', 'superseded', 'terminated'],
  );
});
