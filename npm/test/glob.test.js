// The CLI's glob: *, ?, [...] and ** over a temporary tree, dot files, escapes, and no loops.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { glob, hasMagic, segmentRegExp } from '../src/glob.js';

const root = mkdtempSync(join(tmpdir(), 'galley-glob-'));
const files = ['a.md', 'b.md', 'c.txt', '.hidden.md', 'ab.md', 'x*.md', 'docs/one.md', 'docs/two.txt', 'docs/deep/three.md', 'docs/deep/er/four.md', '.git/skip.md', 'docs/.cache/skip.md'];
for (const file of files) {
  mkdirSync(join(root, file, '..'), { recursive: true });
  writeFileSync(join(root, file), file);
}
mkdirSync(join(root, 'dir.md'));
symlinkSync(root, join(root, 'docs', 'loop'));
const match = (pattern) => glob(pattern, { cwd: root });

test.after(() => rmSync(root, { recursive: true, force: true }));

test('* and ? match within one segment; dot files only when the pattern says so', async () => {
  assert.deepEqual(await match('*.md'), ['a.md', 'ab.md', 'b.md', 'x*.md']);
  assert.deepEqual(await match('?.md'), ['a.md', 'b.md']);
  assert.deepEqual(await match('.*.md'), ['.hidden.md']);
  assert.deepEqual(await match('docs/*'), ['docs/one.md', 'docs/two.txt']);
  assert.deepEqual(await match('*/*.txt'), ['docs/two.txt']);
});

test('[...] classes, negated classes and escapes', async () => {
  assert.deepEqual(await match('[ab].md'), ['a.md', 'b.md']);
  assert.deepEqual(await match('[!a].md'), ['b.md']);
  assert.deepEqual(await match('[a-c].*'), ['a.md', 'b.md', 'c.txt']);
  assert.deepEqual(await match('x\\*.md'), ['x*.md']);
  assert.ok(segmentRegExp('a[').test('a['));
});

test('** spans any number of directories, skips dot directories and does not follow links', async () => {
  assert.deepEqual(await match('**/*.md'), ['a.md', 'ab.md', 'b.md', 'docs/deep/er/four.md', 'docs/deep/three.md', 'docs/one.md', 'x*.md']);
  assert.deepEqual(await match('docs/**/*.md'), ['docs/deep/er/four.md', 'docs/deep/three.md', 'docs/one.md']);
  assert.deepEqual(await match('docs/**/er/*'), ['docs/deep/er/four.md']);
  assert.deepEqual(await match('**/three.md'), ['docs/deep/three.md']);
});

test('paths are spelt as the pattern spells them; absolute patterns give absolute paths', async () => {
  assert.deepEqual(await match('./docs/*.md'), ['./docs/one.md']);
  assert.deepEqual(await glob(`${root}/docs/*.md`), [`${root}/docs/one.md`]);
});

test('directories and missing paths are not matches', async () => {
  assert.deepEqual(await match('*.none'), []);
  assert.deepEqual(await match('missing/*.md'), []);
  assert.ok(!(await match('*')).includes('dir.md'));
});

test('hasMagic tells patterns from plain paths', () => {
  assert.ok(hasMagic('*.md') && hasMagic('a/**/b') && hasMagic('?.md') && hasMagic('[ab].md'));
  assert.ok(!hasMagic('docs/one.md') && !hasMagic('x\\*.md'));
});
