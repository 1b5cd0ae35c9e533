#!/usr/bin/env node
// Builds the fixture app with Vite's production build, then adds the CMS page with the package's
// single-file build beside it. The app imports `galley` from wherever the given folder resolves
// it: the workspace (default) or a clean project where the packed tarball is installed.
// Usage: node e2e/vite-app/build.mjs [APP_DIR] [OUT_DIR]   (default OUT_DIR: build/package-e2e/site)
import { build } from 'vite';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const app = resolve(process.argv[2] ?? here);
const out = resolve(process.argv[3] ?? join(here, '../../build/package-e2e/site'));

const galley = createRequire(join(app, 'vite.config.js')).resolve('galley');
console.log(`vite-app: building ${app} with galley from ${galley}`);

await build({ root: app, configFile: join(app, 'vite.config.js'), logLevel: 'warn', build: { outDir: out } });

// The CMS page: the inline build as the app's own copy of the package ships it.
const inline = createRequire(galley).resolve('galley/inline');
mkdirSync(join(out, 'cms'), { recursive: true });
copyFileSync(join(app, 'cms', 'index.html'), join(out, 'cms', 'index.html'));
copyFileSync(inline, join(out, 'cms', 'galley.inline.js'));

const assets = readdirSync(join(out, 'assets'));
console.log(`vite-app built into ${out}: ${assets.join(', ')}`);
if (!assets.some((name) => name.endsWith('.wasm'))) throw new Error('Vite emitted no .wasm');
