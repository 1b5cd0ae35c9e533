// The package on the main thread, imported as an app imports it: by name, bundled by Vite.
import { createGalley, GalleyError } from 'galley';
import { article, elements, show } from './article.js';

const ui = elements();
const started = performance.now();
const galley = await createGalley();
const createMs = performance.now() - started;

function render() {
  try {
    show(galley.format(ui.source.value, { outputs: ['html'] }), ui);
    ui.status.textContent = `galley ${galley.version}`;
  } catch (error) {
    ui.status.textContent = error instanceof GalleyError ? `${error.code}: ${error.message}` : String(error);
  }
}

ui.source.value = article;
ui.source.addEventListener('input', render);
render();
// For the tests: the instance, and how long createGalley() took in this browser.
window.galleyApp = { galley, GalleyError, createGalley, createMs };
document.body.dataset.ready = 'true';
