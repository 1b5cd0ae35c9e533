// The worker side of galley/worker: one Galley instance answering createGalleyWorker's requests,
// in a browser Web Worker or a Node worker thread.
import { createGalley } from './index.js';
import { unparsed } from './galley.js';
import { GalleyError, serialiseError } from './errors.js';
import { nodeModule } from './loader.js';

async function channel() {
  if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
    return {
      post: (message, transfer) => self.postMessage(message, transfer ?? []),
      listen: (handler) => self.addEventListener('message', (event) => handler(event.data)),
    };
  }
  const { parentPort } = await nodeModule('worker_threads');
  return {
    post: (message, transfer) => parentPort.postMessage(message, transfer ?? []),
    listen: (handler) => parentPort.on('message', handler),
  };
}

// No top-level await: bundlers build workers as classic scripts (Vite's default) where it is not allowed.
channel().then((port) => {
  let galley = null;

  const answer = (message) => {
    const { method } = message;
    if (method === 'rules') return galley.rules();
    // The reply goes back as its JSON text's bytes (transferred, not copied) for the page to
    // parse: cheaper than parsing it here and structured-cloning the objects.
    if (method === 'format' || method === 'check' || method === 'fix') {
      const [json, parts] = galley[unparsed](method, message.source, message.options);
      return { json, parts };
    }
    throw new GalleyError(`Unknown worker request '${method}'.`, 'internal', 'method');
  };

  port.listen(async (message) => {
    const { id } = message;
    try {
      let result;
      if (message.method === 'init') {
        galley = await createGalley(message.wasm === undefined ? {} : { wasm: message.wasm });
        result = { version: galley.version };
      } else if (!galley) {
        throw new GalleyError('The worker has not loaded the core yet.', 'internal', '');
      } else {
        result = answer(message);
      }
      if (result.json instanceof Uint8Array) {
        const { json, parts } = result;
        const transfer = parts.model instanceof Uint8Array ? [json.buffer, parts.model.buffer] : [json.buffer];
        port.post({ id, ok: true, json, parts }, transfer);
      } else {
        port.post({ id, ok: true, result });
      }
    } catch (error) {
      port.post({ id, ok: false, error: serialiseError(error) });
    }
  });
  port.post({ ready: true });
});
