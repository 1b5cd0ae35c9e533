// The worker side of galley/worker: one Galley instance answering createGalleyWorker's requests,
// in a browser Web Worker or a Node worker thread.
import { createGalley } from './index.js';
import { GalleyError, serialiseError } from './errors.js';
import { nodeModule } from './loader.js';

async function channel() {
  if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
    return {
      post: (message) => self.postMessage(message),
      listen: (handler) => self.addEventListener('message', (event) => handler(event.data)),
    };
  }
  const { parentPort } = await nodeModule('worker_threads');
  return {
    post: (message) => parentPort.postMessage(message),
    listen: (handler) => parentPort.on('message', handler),
  };
}

// No top-level await: bundlers build workers as classic scripts (Vite's default) where it is not allowed.
channel().then((port) => {
  let galley = null;

  const answer = (message) => {
    const { method } = message;
    if (method === 'rules') return galley.rules();
    if (method === 'format' || method === 'check' || method === 'fix') return galley[method](message.source, message.options);
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
      port.post({ id, ok: true, result });
    } catch (error) {
      port.post({ id, ok: false, error: serialiseError(error) });
    }
  });
  port.post({ ready: true });
});
