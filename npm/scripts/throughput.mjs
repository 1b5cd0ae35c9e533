#!/usr/bin/env node
// Measures a build of the core for docs/package-size.md: sizes of its galley.wasm and glue, and
// format() throughput (html + json) over the sample articles, so that link and compile flags can
// be compared on size and speed together. Not a test: numbers only.
// Usage: node npm/scripts/throughput.mjs [DIST_DIR] [SECONDS] [OUTPUTS]
//   (defaults: npm/dist, 3, html,json; OUTPUTS is a comma-separated list of format() outputs)
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const npm = fileURLToPath(new URL('../', import.meta.url));
const dist = resolve(process.argv[2] ?? join(npm, 'dist'));
const seconds = Number(process.argv[3] ?? 3);
const outputs = (process.argv[4] ?? 'html,json').split(',');
const samples = join(npm, '../tests/samples');

// The package's src/ with this build's glue and wasm beside it (they only work as a pair).
const copy = mkdtempSync(join(tmpdir(), 'galley-throughput-'));
try {
  cpSync(join(npm, 'src'), join(copy, 'src'), { recursive: true });
  cpSync(join(dist, 'galley.mjs'), join(copy, 'dist/galley.mjs'));
  cpSync(join(dist, 'galley.wasm'), join(copy, 'dist/galley.wasm'));
  const { createGalley } = await import(pathToFileURL(join(copy, 'src/index.js')).href);
  const galley = await createGalley();

  const files = readdirSync(samples, { recursive: true }).filter((f) => /\.(md|txt)$/.test(f) && !f.endsWith('README.md'));
  const texts = files.map((f) => readFileSync(join(samples, f), 'utf8'));
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  for (const text of texts) galley.format(text); // warm-up
  // The fastest round counts: other work on the machine only ever slows a round down.
  const times = [];
  const started = performance.now();
  while (performance.now() - started < seconds * 1000 || times.length < 3) {
    const round = performance.now();
    for (const text of texts) galley.format(text, { outputs });
    times.push(performance.now() - round);
  }
  times.sort((a, b) => a - b);
  const rate = (ms) => ((bytes / ms) * 1000) / 1e6;
  const wasm = readFileSync(join(dist, 'galley.wasm'));
  const glue = readFileSync(join(dist, 'galley.mjs'));
  console.log(
    `${dist}: wasm ${wasm.length} B (gzip ${gzipSync(wasm, { level: 9 }).length} B), glue ${glue.length} B (gzip ${gzipSync(glue, { level: 9 }).length} B); ` +
      `format ${outputs.join('+')} over ${texts.length} samples (${(bytes / 1024).toFixed(0)} KiB): ${rate(times[0]).toFixed(2)} MB/s best, ` +
      `${rate(times[times.length >> 1]).toFixed(2)} MB/s median of ${times.length} rounds`,
  );
} finally {
  rmSync(copy, { recursive: true, force: true });
}
