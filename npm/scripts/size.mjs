#!/usr/bin/env node
// Prints what the package weighs: raw, gzip -9 and brotli sizes of the wasm, the glue and the
// JavaScript each entry loads, and the total a page downloads for createGalley().
// Usage: node npm/scripts/size.mjs [--markdown]
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = new URL('../', import.meta.url);
const markdown = process.argv.includes('--markdown');

const sizes = (files) => {
  const bytes = files.map((file) => readFileSync(new URL(file, root)));
  const sum = (f) => bytes.reduce((total, b) => total + f(b), 0);
  return {
    raw: sum((b) => b.length),
    gzip: sum((b) => gzipSync(b, { level: 9 }).length),
    brotli: sum((b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length),
  };
};

const mainJs = ['src/index.js', 'src/galley.js', 'src/loader.js', 'src/runtime.js', 'src/errors.js', 'dist/galley.mjs'];
const rows = [
  ['galley.wasm', ['dist/galley.wasm']],
  ['glue (dist/galley.mjs)', ['dist/galley.mjs']],
  ['main entry JS (src + glue)', mainJs],
  ['worker JS (client + worker side)', [...mainJs, 'src/worker.js', 'src/worker-entry.js']],
  ['createGalley(): JS + wasm', [...mainJs, 'dist/galley.wasm']],
  ['inline build (one file)', ['dist/galley.inline.js']],
  ['command line (bin): JS + wasm', ['src/cli.js', 'src/glob.js', 'src/loader.js', 'src/runtime.js', 'src/errors.js', 'dist/galley-cli.mjs', 'dist/galley-cli.wasm']],
];

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
if (markdown) {
  console.log('| what | raw | gzip -9 | brotli -11 |');
  console.log('|---|---:|---:|---:|');
}
for (const [name, files] of rows) {
  const s = sizes(files);
  if (markdown) console.log(`| ${name} | ${kib(s.raw)} | ${kib(s.gzip)} | ${kib(s.brotli)} |`);
  else console.log(`${name.padEnd(34)} ${kib(s.raw).padStart(11)} raw ${kib(s.gzip).padStart(11)} gzip ${kib(s.brotli).padStart(11)} brotli`);
}
// The design's target for what a phone downloads; reported here, judged with the benchmarks.
const total = sizes([...mainJs, 'dist/galley.wasm']);
const target = 350 * 1024;
const verdict = total.gzip > target ? `OVER the ${kib(target)} target by ${kib(total.gzip - target)}` : `within the ${kib(target)} target`;
console.log(`${markdown ? '\n' : ''}package size: JS + wasm ${kib(total.gzip)} gzip, ${verdict}`);
