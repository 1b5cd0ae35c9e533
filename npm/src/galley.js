// The Galley API over a Runtime: argument checks, then format, check, fix and rules in the core.
import { GalleyError } from './errors.js';
import { compileOnce } from './loader.js';
import { Runtime } from './runtime.js';

/** Access to the runtime for the package's own CLI and tests; not part of the API. */
export const internal = Symbol.for('galley.internal');

/**
 * format/check/fix returning the reply's UTF-8 JSON unparsed, for galley/worker's worker side;
 * not part of the API.
 */
export const unparsed = Symbol('galley.unparsed');

function optionsJson(options) {
  if (options === undefined || options === null) return ['{}', undefined];
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new GalleyError(`Options must be an object; got ${Array.isArray(options) ? 'an array' : typeof options}.`, 'invalid-options', '');
  }
  let json;
  try {
    json = JSON.stringify(options);
  } catch (cause) {
    throw new GalleyError(`Options cannot be converted to JSON: ${cause.message}`, 'invalid-options', '', { cause });
  }
  return [json, options.maxInputBytes];
}

function checkSource(source) {
  if (typeof source !== 'string' && !(source instanceof Uint8Array)) {
    throw new GalleyError(
      `The source must be a string or a Uint8Array of UTF-8; got ${source === null ? 'null' : typeof source}.`,
      'invalid-input',
      'source',
    );
  }
}

/** An instance of the core. Every method is synchronous and leaves the instance usable after any error. */
class Galley {
  #runtime;

  constructor(runtime) {
    this.#runtime = runtime;
    /** The core's version, e.g. "0.1.0". */
    this.version = runtime.version;
    Object.defineProperty(this, internal, { value: runtime });
  }

  #run(command, source, options) {
    checkSource(source);
    const [json, maxInputBytes] = optionsJson(options);
    return this.#runtime.run(command, source, json, maxInputBytes);
  }

  /** Parses, recognises, checks and renders an article (outputs default to html and json). */
  format(source, options) {
    return this.#run('format', source, options);
  }

  /** Recognises and checks an article: the diagnostics and stats, nothing rendered. */
  check(source, options) {
    return this.#run('check', source, options);
  }

  /** Applies every automatic fix, re-checking until nothing fixable is left. */
  fix(source, options) {
    return this.#run('fix', source, options);
  }

  /** #run() with the reply left as UTF-8 JSON (Runtime.runBytes): for galley/worker. */
  [unparsed](command, source, options) {
    checkSource(source);
    const [json, maxInputBytes] = optionsJson(options);
    return this.#runtime.runBytes(command, source, json, maxInputBytes);
  }

  /** The rule catalogue, in registry order. */
  rules() {
    return this.#runtime.run('rules', '', '{}').rules;
  }
}

/**
 * Makes createGalley() for one build of the glue: the package's (wasm beside it) or the inline
 * build's (wasm inside it).
 * @param {(module: object) => Promise<object>} factory the Emscripten module factory
 * @param {() => any} defaultWasm where the wasm is when the caller does not say
 */
export function makeCreateGalley(factory, defaultWasm) {
  /**
   * Loads the WebAssembly core and returns a Galley instance. The wasm is compiled once per source
   * and shared; each call returns an independent instance.
   * @param {{wasm?: URL|string|Response|ArrayBuffer|ArrayBufferView|WebAssembly.Module|Promise<any>}} [options]
   */
  return async function createGalley(options = {}) {
    if (options === null || typeof options !== 'object' || Array.isArray(options)) {
      throw new GalleyError('createGalley options must be an object.', 'invalid-options', '');
    }
    for (const key of Object.keys(options)) {
      if (key !== 'wasm') throw new GalleyError(`Unknown createGalley option '${key}'; expected wasm.`, 'invalid-options', key);
    }
    const wasmModule = await compileOnce(options.wasm ?? defaultWasm());
    return new Galley(new Runtime(factory, wasmModule));
  };
}
