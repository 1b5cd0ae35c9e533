// The hand-written declarations compile under strict TypeScript against an example that uses every
// option, result field and error code, and refuse the misuses marked @ts-expect-error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

test('tsc --noEmit accepts test/types/example.ts', () => {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('typescript/package.json');
  const { bin } = require(pkg);
  const tsc = join(dirname(pkg), typeof bin === 'string' ? bin : bin.tsc);
  const run = spawnSync(process.execPath, [tsc, '--noEmit', '-p', join(here, 'types', 'tsconfig.json')], { encoding: 'utf8' });
  assert.equal(run.status, 0, `tsc failed:\n${run.stdout}${run.stderr}`);
});
