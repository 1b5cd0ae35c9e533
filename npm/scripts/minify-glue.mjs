#!/usr/bin/env node
// Minifies an Emscripten glue (dist/galley.mjs, dist/galley-cli.mjs) in place. Emscripten 3.1.6 from Debian has no
// closure compiler and only strips the glue's whitespace; rolldown's minifier (a dev dependency
// of the workspace, through Vite) also shortens its names: 48 -> 25 KB raw, 12.4 -> 8.8 KB gzip
// (docs/package-size.md). Without rolldown installed the glue is left as Emscripten wrote it.
// Usage: node npm/scripts/minify-glue.mjs [DIST_DIR [NAME]]   (defaults: npm/dist, galley)
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = resolve(process.argv[2] ?? fileURLToPath(new URL('../dist', import.meta.url)));
const name = process.argv[3] ?? 'galley';
if (!/^[\w-]+$/.test(name)) throw new Error(`unexpected module name: ${name}`);
const file = join(dist, `${name}.mjs`);

let rolldown;
try {
  ({ rolldown } = await import('rolldown'));
} catch {
  console.warn(`${file}: rolldown is not installed (npm ci at the repository root); the glue stays unminified`);
  process.exit(0);
}

const before = readFileSync(file, 'utf8');
const bundle = await rolldown({ input: file, treeshake: false, logLevel: 'silent' });
const { output } = await bundle.generate({ format: 'es', minify: true });
await bundle.close();
// Keep what build-inline.mjs and bundlers look for: the default export by its name, and the
// wasm's URL as a plain string literal.
const defaultExport = /export\s*\{\s*([\w$]+) as default\s*\};?\s*$/;
const wasmUrl = new RegExp(`new URL\\(\`${name.replace('-', '\\-')}\\.wasm\`,import\\.meta\\.url\\)`);
let code = output[0].code;
if (!defaultExport.test(code) || /\bcreateGalleyModule\b/.test(code)) throw new Error(`${file}: unexpected minified glue (default export)`);
code = code.replace(defaultExport, 'var createGalleyModule=$1;\nexport default createGalleyModule;\n');
code = code.replace(wasmUrl, `new URL("${name}.wasm",import.meta.url)`);
writeFileSync(file, code);
console.log(`${file}: ${(before.length / 1024).toFixed(1)} -> ${(code.length / 1024).toFixed(1)} KiB minified`);
