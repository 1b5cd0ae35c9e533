// The Galley npm package: loads the WebAssembly core once and exposes format, check, fix, rules.
import createGalleyModule from '../dist/galley.mjs';
import { GalleyError } from './errors.js';

export { GalleyError };

const defaultWasmUrl = new URL('../dist/galley.wasm', import.meta.url);
const compiled = new Map();

async function bytesOf(source) {
  if (source instanceof URL || typeof source === 'string') {
    const url = source instanceof URL ? source : new URL(source, import.meta.url);
    if (url.protocol === 'file:') {
      const fsModule = 'node:fs/promises';
      const { readFile } = await import(/* @vite-ignore */ fsModule);
      return readFile(url);
    }
    return fetch(url);
  }
  return source;
}

async function compile(source) {
  const loaded = await bytesOf(source);
  if (loaded instanceof WebAssembly.Module) return loaded;
  if (typeof Response !== 'undefined' && loaded instanceof Response) {
    if (!loaded.ok) throw new GalleyError(`Cannot load galley.wasm: HTTP ${loaded.status}`, 'internal', 'wasm');
    const type = loaded.headers.get('content-type') || '';
    if (typeof WebAssembly.compileStreaming === 'function' && type.startsWith('application/wasm')) {
      return WebAssembly.compileStreaming(loaded);
    }
    return WebAssembly.compile(await loaded.arrayBuffer());
  }
  if (loaded instanceof ArrayBuffer || ArrayBuffer.isView(loaded)) return WebAssembly.compile(loaded);
  throw new GalleyError('Option wasm must be a URL, a string, a Response, bytes or a WebAssembly.Module.', 'invalid-options', 'wasm');
}

/** Compiles the wasm once per source and shares the result. */
function compileOnce(source = defaultWasmUrl) {
  const key = source instanceof URL ? source.href : source;
  let promise = compiled.get(key);
  if (!promise) {
    promise = compile(source);
    compiled.set(key, promise);
    promise.catch(() => compiled.delete(key));
  }
  return promise;
}

/** Instantiates the Emscripten module from a compiled WebAssembly.Module. */
async function instantiate(wasmModule) {
  return createGalleyModule({
    instantiateWasm(imports, receive) {
      WebAssembly.instantiate(wasmModule, imports).then((instance) => receive(instance, wasmModule));
      return {};
    },
  });
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function optionsJson(options) {
  if (options === undefined || options === null) return '{}';
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new GalleyError('Options must be an object.', 'invalid-options', '');
  }
  return JSON.stringify(options);
}

class Galley {
  #module;
  #engine;

  constructor(module) {
    this.#module = module;
    this.#engine = new module.Engine();
    /** The version of the core. */
    this.version = module.version();
  }

  #call(command, source, options) {
    if (typeof source !== 'string') {
      throw new GalleyError('The source must be a string.', 'invalid-input', 'source');
    }
    const opts = optionsJson(options);
    // Write UTF-8 straight into the wasm heap: at most 3 bytes per UTF-16 unit.
    const capacity = source.length * 3;
    const ptr = this.#engine.input(capacity);
    if (!ptr && capacity > 0) throw new GalleyError('Not enough memory for this input.', 'out-of-memory', 'source');
    const { written } = encoder.encodeInto(source, this.#module.HEAPU8.subarray(ptr, ptr + capacity));
    const length = this.#engine.run(command, written, opts);
    const out = this.#engine.output();
    const text = decoder.decode(this.#module.HEAPU8.subarray(out, out + length));
    this.#engine.release();
    const reply = JSON.parse(text);
    if (!reply.ok) throw new GalleyError(reply.error.message, reply.error.code, reply.error.field);
    delete reply.ok;
    return reply;
  }

  /** Parses, recognises, checks and renders an article. */
  format(source, options) {
    const result = this.#call('format', source, options);
    if (result.article !== undefined) {
      result.json = result.article;
    }
    return result;
  }

  /** Checks an article: diagnostics and stats, nothing rendered. */
  check(source, options) {
    return this.#call('check', source, options);
  }

  /** Applies every automatic fix until none is left. */
  fix(source, options) {
    return this.#call('fix', source, options);
  }

  /** The rule catalogue. */
  rules() {
    return this.#call('rules', '', undefined).rules;
  }
}

/**
 * Loads the WebAssembly core (compiled once and shared) and returns a Galley instance.
 * @param {{wasm?: URL|string|Response|ArrayBuffer|ArrayBufferView|WebAssembly.Module}} [options]
 */
export async function createGalley(options = {}) {
  if (options === null || typeof options !== 'object') {
    throw new GalleyError('createGalley options must be an object.', 'invalid-options', '');
  }
  const wasmModule = await compileOnce(options.wasm ?? defaultWasmUrl);
  const module = await instantiate(wasmModule);
  return new Galley(module);
}
