// The declarations describe what the core really returns: real results (every model node kind,
// fix results, the rule catalogue) are written as typed object literals and compiled with tsc,
// whose excess-property and missing-property checks fail on any field the .d.ts gets wrong.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGalley } from '../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const galley = await createGalley();

function tscPath() {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('typescript/package.json');
  const { bin } = require(pkg);
  return join(dirname(pkg), typeof bin === 'string' ? bin : bin.tsc);
}

test('real results type-check against index.d.ts, field by field', () => {
  const fixture = readFileSync(join(here, 'fixtures/every-node.md'), 'utf8');
  const sample = readFileSync(join(here, '../../tests/samples/security-guarantees.txt'), 'utf8');
  const all = { outputs: ['html', 'markdown', 'json', 'jsonld', 'text'] };
  const results = {
    markdown: ['FormatResult', galley.format(fixture, all)],
    text: ['FormatResult', galley.format(sample, all)],
    standard: ['FormatResult', galley.format(fixture, { ...all, layout: 'standard' })],
    fromJson: ['FormatResult', galley.format(JSON.stringify(galley.format(fixture, { outputs: ['json'] }).article), { input: 'json', outputs: ['json'] })],
    check: ['CheckResult', galley.check(sample)],
    fix: ['FixResult', galley.fix(fixture.replace('## What the money buys', '## What the money buys.'))],
    rules: ['RuleInfo[]', galley.rules()],
  };
  // The fixture reaches every kind of block and inline the model has (except a heading block,
  // which only parsed documents hold).
  const kinds = new Set();
  const walk = (x) => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      if (typeof x.type === 'string') kinds.add(x.type);
      Object.values(x).forEach(walk);
    }
  };
  walk(results.markdown[1].article);
  for (const kind of ['paragraph', 'blockquote', 'list', 'item', 'code', 'html', 'table', 'row', 'rule', 'figure', 'footnote',
    'text', 'code', 'emphasis', 'strong', 'strikethrough', 'link', 'image', 'softbreak', 'footnoteReference']) {
    assert.ok(kinds.has(kind), `the fixture has a ${kind}`);
  }
  for (const part of ['headline', 'dek', 'takeaways', 'credits', 'authorBox', 'dateline', 'bylineSource']) {
    assert.ok(results.markdown[1].article[part], `the fixture has ${part}`);
  }
  assert.ok(results.fix[1].applied.length > 0);

  const dir = mkdtempSync(join(tmpdir(), 'galley-types-'));
  try {
    const lines = [`import type { CheckResult, FixResult, FormatResult, RuleInfo } from 'galley';`];
    for (const [name, [type, value]] of Object.entries(results)) lines.push(`export const ${name}: ${type} = ${JSON.stringify(value, null, 1)};`);
    writeFileSync(join(dir, 'results.ts'), lines.join('\n'));
    const tsconfig = {
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: 'es2022',
        module: 'nodenext',
        moduleResolution: 'nodenext',
        lib: ['es2022', 'dom'],
        types: [],
        exactOptionalPropertyTypes: true,
        paths: { galley: [join(here, '../index.d.ts')] },
      },
      files: ['results.ts'],
    };
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
    const run = spawnSync(process.execPath, [tscPath(), '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' });
    assert.equal(run.status, 0, `the results do not match index.d.ts:\n${run.stdout.slice(0, 4000)}${run.stderr}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
