// galley/worker from a Vite app: every keystroke sends the text with the same key, so only the
// newest is rendered and older pending requests are superseded.
import { createGalleyWorker, GalleyError } from 'galley/worker';
import { article, elements, show } from './article.js';

const ui = elements();
const galley = await createGalleyWorker();
const counts = { rendered: 0, superseded: 0, failed: 0 };

async function render() {
  try {
    const result = await galley.format(ui.source.value, { outputs: ['html'] }, { key: 'editor' });
    show(result, ui);
    counts.rendered++;
    ui.status.textContent = `galley ${galley.version} (worker)`;
  } catch (error) {
    if (error instanceof GalleyError && error.code === 'superseded') {
      counts.superseded++;
      return;
    }
    counts.failed++;
    ui.status.textContent = error instanceof GalleyError ? `${error.code}: ${error.message}` : String(error);
  }
}

ui.source.value = article;
ui.source.addEventListener('input', render);
await render();
window.galleyApp = { galley, GalleyError, counts };
document.body.dataset.ready = 'true';
