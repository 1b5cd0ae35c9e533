// The galley package: createGalley() loads the WebAssembly core once and returns format, check, fix, rules.
import createGalleyModule from '../dist/galley.mjs';
import { makeCreateGalley } from './galley.js';

export { GalleyError, errorCodes } from './errors.js';
export { internal } from './galley.js';

/**
 * Loads the WebAssembly core (compiled once per source and shared) and returns a Galley instance.
 * By default the wasm is the package's own, found beside this module: bundlers see the
 * `new URL('…', import.meta.url)` pattern and emit the file.
 */
export const createGalley = makeCreateGalley(createGalleyModule, () => new URL('../dist/galley.wasm', import.meta.url));
