// Formats one file once through the galley package and prints how long it took, in its own
// process: a pathological input that crashed or hung the module would not take the suite down.
// Usage: node probe.mjs FILE OPTIONS_JSON
import { readFileSync } from 'node:fs';

import { createGalley } from 'galley';

const [file, optionsJson] = process.argv.slice(2);
const text = readFileSync(file, 'utf8');
const galley = await createGalley();
const t0 = performance.now();
const result = galley.format(text, JSON.parse(optionsJson));
const ms = performance.now() - t0;
process.stdout.write(JSON.stringify({ ms, diagnostics: result.diagnostics.length }) + '\n');
