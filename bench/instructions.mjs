// Instructions per format() call of the WebAssembly build, counted by callgrind: a figure that
// does not move with the machine's load, for comparing two builds of the package (timings on
// this shared 2-core machine move by ±10 % between runs; this count by well under 1 %).
//
// V8 runs with --predictable (no concurrent compilation or GC threads, GC by allocation only)
// and --no-liftoff (every wasm function compiled by TurboFan at once, no tier-up at a random
// moment). Two processes format the file a and b times; their difference over b - a is the cost
// of one call, start-up and warm-up cancelled. It counts instructions, not time: a cache miss or
// a slow division costs one, as in native callgrind profiles.
//
// Usage: node bench/instructions.mjs [--package DIR] [--options JSON] FILE...
//   --package  a directory holding the package's src/ and dist/ (default: npm/ of this checkout)
// Needs valgrind (not installed by scripts/setup.sh: a developer's tool, not part of the suite).
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

// Child mode: format FILE n times through the package at DIR.
if (process.argv[2] === '--child') {
  const [dir, file, n, optionsJson] = process.argv.slice(3);
  const { createGalley } = await import(pathToFileURL(join(dir, 'src', 'index.js')).href);
  const galley = await createGalley();
  const text = readFileSync(file, 'utf8');
  const options = JSON.parse(optionsJson);
  for (let i = 0; i < Number(n); i++) galley.format(text, options);
  process.exit(0);
}

const args = process.argv.slice(2);
let dir = join(HERE, '..', 'npm');
let optionsJson = JSON.stringify({ outputs: ['html', 'json'], rules: {} });
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--package') dir = resolve(args[++i]);
  else if (args[i] === '--options') optionsJson = args[++i];
  else files.push(args[i]);
}
if (files.length === 0) {
  console.error('Usage: node bench/instructions.mjs [--package DIR] [--options JSON] FILE...');
  process.exit(2);
}

function count(file, calls) {
  const run = spawnSync(
    'valgrind',
    ['--tool=callgrind', '--callgrind-out-file=/dev/null', '--smc-check=all-non-file',
      process.execPath, '--no-liftoff', '--predictable',
      fileURLToPath(import.meta.url), '--child', dir, file, String(calls), optionsJson],
    { encoding: 'utf8' },
  );
  const refs = /I\s+refs:\s+([\d,]+)/.exec(run.stderr ?? '');
  if (run.error || run.status !== 0 || !refs) {
    throw new Error(`valgrind failed on ${file}: ${run.error?.message ?? run.stderr.slice(-400)}`);
  }
  return Number(refs[1].replaceAll(',', ''));
}

for (const file of files) {
  // About 500 KB of input between the two processes, at least two calls.
  const bytes = statSync(file).size;
  const a = Math.max(1, Math.round(50_000 / bytes));
  const b = a + Math.max(2, Math.round(500_000 / bytes));
  const perCall = (count(file, b) - count(file, a)) / (b - a);
  console.log(`${basename(file)}\t${(perCall / 1e6).toFixed(3)} M instructions per call (${b - a} calls)`);
}
