// Finds and compiles galley.wasm once per source: a URL, a path, a Response, bytes or a compiled Module.
import { GalleyError } from './errors.js';

const compiled = new Map();

/** True when running in Node (or a runtime that mimics it), where file: URLs are read with fs. */
export const isNode = typeof process === 'object' && typeof process.versions?.node === 'string';

// Hidden from bundlers: browser builds never load these.
export const nodeModule = (name) => import(/* @vite-ignore */ /* webpackIgnore: true */ `node:${name}`);

/** The base against which a relative string is resolved: the page, or Node's working directory. */
async function baseUrl() {
  if (typeof document === 'object' && document?.baseURI) return document.baseURI;
  if (typeof location === 'object' && location?.href) return location.href;
  if (isNode) {
    const { pathToFileURL } = await nodeModule('url');
    return pathToFileURL(`${process.cwd()}/`).href;
  }
  return undefined;
}

/** A URL object for a URL or a string (absolute URL, or a path relative to the page / cwd). */
export async function toUrl(source) {
  if (source instanceof URL) return source;
  try {
    return new URL(source, await baseUrl());
  } catch (cause) {
    throw new GalleyError(`Option 'wasm' is not a valid URL or path: ${source}`, 'invalid-options', 'wasm', { cause });
  }
}

async function fromResponse(response) {
  if (!response.ok) {
    throw new GalleyError(`Cannot load galley.wasm from ${response.url || 'the response'}: HTTP ${response.status}.`, 'load-failed', 'wasm');
  }
  const type = response.headers.get('content-type') || '';
  if (typeof WebAssembly.compileStreaming === 'function' && type.startsWith('application/wasm')) {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

async function compile(source) {
  source = await source;
  if (source instanceof WebAssembly.Module) return source;
  if (typeof Response === 'function' && source instanceof Response) return fromResponse(source);
  if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) return WebAssembly.compile(source);
  if (source instanceof URL || typeof source === 'string') {
    const url = await toUrl(source);
    if (url.protocol === 'file:' && isNode) {
      const { readFile } = await nodeModule('fs/promises');
      let bytes;
      try {
        bytes = await readFile(url);
      } catch (cause) {
        throw new GalleyError(`Cannot read galley.wasm at ${url.href}: ${cause.message}`, 'load-failed', 'wasm', { cause });
      }
      return WebAssembly.compile(bytes);
    }
    let response;
    try {
      response = await fetch(url, { credentials: 'same-origin' });
    } catch (cause) {
      throw new GalleyError(`Cannot fetch galley.wasm from ${url.href}: ${cause.message}`, 'load-failed', 'wasm', { cause });
    }
    return fromResponse(response);
  }
  throw new GalleyError(
    "Option 'wasm' must be a URL, a string, a Response, an ArrayBuffer, a typed array or a WebAssembly.Module.",
    'invalid-options',
    'wasm',
  );
}

/**
 * Compiles the wasm of `source` once and shares the result between every instance that asks for
 * the same URL, bytes object or Response. A failed compilation is forgotten so that it can be retried.
 */
export function compileOnce(source) {
  const key = source instanceof URL ? source.href : source;
  let promise = compiled.get(key);
  if (!promise) {
    promise = compile(source).catch((error) => {
      compiled.delete(key);
      if (error instanceof GalleyError) throw error;
      throw new GalleyError(`Cannot compile galley.wasm: ${error.message}`, 'load-failed', 'wasm', { cause: error });
    });
    compiled.set(key, promise);
  }
  return promise;
}
