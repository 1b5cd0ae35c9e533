// galley/worker: the same API as createGalley(), run off the main thread (a Web Worker in browsers,
// a worker thread in Node), with requests that can be cancelled or superseded by newer ones.
import { GalleyError, deserialiseError, errorCodes } from './errors.js';
import { isNode, nodeModule, toUrl } from './loader.js';
import { okReplyText, readReply } from './runtime.js';

export { GalleyError, errorCodes };

/** Starts the worker script. The literal `new Worker(new URL(…), {type: 'module'})` is what
 * bundlers (Vite, webpack, Rollup plugins) recognise to bundle and emit the worker. */
async function spawn() {
  if (typeof Worker === 'function') {
    const worker = new Worker(new URL('./worker-entry.js', import.meta.url), { type: 'module', name: 'galley' });
    return {
      post: (message, transfer) => worker.postMessage(message, transfer ?? []),
      on: (onMessage, onError) => {
        worker.addEventListener('message', (event) => onMessage(event.data));
        worker.addEventListener('error', (event) => {
          event.preventDefault?.();
          onError(new GalleyError(`The galley worker failed: ${event.message || 'it could not be loaded'}.`, 'load-failed', 'worker'));
        });
        worker.addEventListener('messageerror', () => onError(new GalleyError('A worker message could not be read.', 'internal', 'worker')));
      },
      busy: () => {},
      idle: () => {},
      terminate: async () => worker.terminate(),
    };
  }
  if (!isNode) throw new GalleyError('This environment has no Web Worker and no worker_threads.', 'load-failed', 'worker');
  const { Worker: NodeWorker } = await nodeModule('worker_threads');
  // Not written as new URL('…', import.meta.url): bundlers would copy the file as an asset.
  const entry = 'worker-entry.js';
  const worker = new NodeWorker(new URL(entry, import.meta.url));
  return {
    post: (message, transfer) => worker.postMessage(message, transfer ?? []),
    on: (onMessage, onError) => {
      worker.on('message', onMessage);
      worker.on('error', (error) => onError(new GalleyError(`The galley worker failed: ${error.message}`, 'internal', 'worker', { cause: error })));
      worker.on('exit', (code) => onError(new GalleyError(`The galley worker exited (code ${code}).`, 'terminated', 'worker')));
    },
    // A worker thread keeps Node running only while a request is pending.
    busy: () => worker.ref(),
    idle: () => worker.unref(),
    terminate: async () => {
      await worker.terminate();
    },
  };
}

/** What to send the worker for the `wasm` option: things that survive postMessage. */
async function wasmPayload(wasm) {
  if (wasm === undefined || wasm === null) return undefined;
  wasm = await wasm;
  if (wasm instanceof WebAssembly.Module || wasm instanceof ArrayBuffer || ArrayBuffer.isView(wasm)) return wasm;
  if (typeof Response === 'function' && wasm instanceof Response) {
    if (!wasm.ok) throw new GalleyError(`Cannot load galley.wasm: HTTP ${wasm.status}.`, 'load-failed', 'wasm');
    return wasm.arrayBuffer();
  }
  if (wasm instanceof URL || typeof wasm === 'string') return (await toUrl(wasm)).href;
  throw new GalleyError(
    "Option 'wasm' must be a URL, a string, a Response, an ArrayBuffer, a typed array or a WebAssembly.Module.",
    'invalid-options',
    'wasm',
  );
}

/**
 * A successful format/check/fix reply as the worker sends it (its UTF-8 JSON, and the parts the
 * core hands over beside it: Runtime.runBytes), without the `ok` flag; the model is parsed when
 * first read.
 */
function parseReply(bytes, parts) {
  return readReply(okReplyText(bytes), parts);
}

function abortError(signal) {
  const reason = signal.reason;
  const detail = reason instanceof Error ? `: ${reason.message}` : '';
  return new GalleyError(`The request was aborted${detail}.`, 'aborted', '', { cause: reason });
}

/** The worker-backed Galley: every method returns a promise. */
class GalleyWorker {
  #port;
  #queue = [];
  #running = null;
  #nextId = 1;
  #closed = null;

  constructor(port) {
    this.#port = port;
    /** The core's version; set when the worker has started. */
    this.version = '';
    port.on(
      (message) => this.#receive(message),
      (error) => this.#close(error),
    );
  }

  /** Parses, recognises, checks and renders an article in the worker. */
  format(source, options, request) {
    return this.#request('format', source, options, request);
  }

  /** Recognises and checks an article in the worker. */
  check(source, options, request) {
    return this.#request('check', source, options, request);
  }

  /** Applies every automatic fix in the worker. */
  fix(source, options, request) {
    return this.#request('fix', source, options, request);
  }

  /** The rule catalogue. */
  rules(request) {
    return this.#request('rules', undefined, undefined, request);
  }

  /** Stops the worker; pending and later requests reject with code 'terminated'. */
  async terminate() {
    if (this.#closed?.code === 'terminated') return;
    this.#close(new GalleyError('The galley worker was terminated.', 'terminated', ''));
    await this.#port.terminate();
  }

  /** Starts the core in the worker; used once by createGalleyWorker. */
  async start(wasm) {
    const result = await this.#request('init', undefined, undefined, undefined, wasm);
    this.version = result.version;
    return this;
  }

  #request(method, source, options, request, wasm) {
    if (this.#closed) return Promise.reject(this.#closed);
    if (request !== undefined && (request === null || typeof request !== 'object')) {
      return Promise.reject(new GalleyError('The request options must be an object {signal, key}.', 'invalid-options', 'request'));
    }
    const { signal, key } = request ?? {};
    if (signal?.aborted) return Promise.reject(abortError(signal));
    return new Promise((resolve, reject) => {
      const job = { id: this.#nextId++, method, source, options, wasm, key, resolve, reject, signal, onAbort: null };
      if (key !== undefined) {
        for (const other of [this.#running, ...this.#queue]) {
          if (other && other.key === key) {
            this.#settle(other, new GalleyError(`A newer request with key '${key}' replaced this one.`, 'superseded', ''));
          }
        }
      }
      if (signal) {
        job.onAbort = () => this.#settle(job, abortError(signal));
        signal.addEventListener('abort', job.onAbort, { once: true });
      }
      this.#queue.push(job);
      this.#pump();
    });
  }

  /** Settles a job once: a result, or an error (which also takes it out of the queue). */
  #settle(job, error, result) {
    if (job.settled) return;
    job.settled = true;
    job.signal?.removeEventListener('abort', job.onAbort);
    const index = this.#queue.indexOf(job);
    if (index >= 0) this.#queue.splice(index, 1);
    if (error) job.reject(error);
    else job.resolve(result);
  }

  /** Sends the next job when the worker is free: one at a time, so that queued jobs can still be dropped. */
  #pump() {
    if (this.#running || this.#closed) return;
    const job = this.#queue.shift();
    if (!job) {
      this.#port.idle();
      return;
    }
    this.#running = job;
    this.#port.busy();
    const message = { id: job.id, method: job.method };
    if (job.method === 'init') message.wasm = job.wasm;
    else if (job.method !== 'rules') {
      // A view on part of a larger buffer would copy the whole buffer: send only its bytes.
      const { source } = job;
      message.source = ArrayBuffer.isView(source) && source.byteLength !== source.buffer.byteLength ? source.slice() : source;
      message.options = job.options;
    }
    try {
      this.#port.post(message);
    } catch (cause) {
      this.#running = null;
      this.#settle(job, new GalleyError(`The request cannot be sent to the worker: ${cause.message}`, 'invalid-options', '', { cause }));
      this.#pump();
    }
  }

  #receive(message) {
    if (message?.ready) return;
    const job = this.#running;
    if (!job || job.id !== message?.id) return;
    this.#running = null;
    // A job that was aborted or superseded while it ran is already settled: its answer is dropped
    // (and not parsed).
    if (job.settled) {
      this.#pump();
      return;
    }
    if (!message.ok) {
      this.#settle(job, deserialiseError(message.error));
    } else if (!message.json) {
      this.#settle(job, null, message.result);
    } else {
      // Parsed here, so a reply that is not JSON becomes this request's error, not a stalled queue.
      let reply;
      try {
        reply = parseReply(message.json, message.parts);
      } catch (cause) {
        this.#settle(job, new GalleyError(`The core's reply could not be read: ${cause.message}`, 'internal', '', { cause }));
      }
      if (reply !== undefined) this.#settle(job, null, reply);
    }
    this.#pump();
  }

  #close(error) {
    if (this.#closed) return;
    this.#closed = error;
    const pending = [this.#running, ...this.#queue].filter(Boolean);
    this.#running = null;
    for (const job of pending) this.#settle(job, error);
    this.#port.idle();
  }
}

/**
 * Starts a worker with its own instance of the core and returns a Galley whose methods return
 * promises. Options as for createGalley(); the wasm is loaded inside the worker.
 * @param {{wasm?: URL|string|Response|ArrayBuffer|ArrayBufferView|WebAssembly.Module|Promise<any>}} [options]
 */
export async function createGalleyWorker(options = {}) {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new GalleyError('createGalleyWorker options must be an object.', 'invalid-options', '');
  }
  for (const key of Object.keys(options)) {
    if (key !== 'wasm') throw new GalleyError(`Unknown createGalleyWorker option '${key}'; expected wasm.`, 'invalid-options', key);
  }
  const wasm = await wasmPayload(options.wasm);
  const port = await spawn();
  const ready = new Promise((resolve, reject) => {
    port.on(
      (message) => message?.ready && resolve(),
      (error) => reject(error),
    );
  });
  const client = new GalleyWorker(port);
  try {
    await ready;
    return await client.start(wasm);
  } catch (error) {
    await client.terminate().catch(() => {});
    throw error instanceof GalleyError ? error : new GalleyError(`The galley worker did not start: ${error.message}`, 'load-failed', 'worker', { cause: error });
  }
}
