// The page's one door to Galley: the core runs in a Web Worker (galley/worker), so typing never
// waits for it; the newest format request supersedes older ones.
import { createGalleyWorker } from 'galley/worker';

/**
 * Starts Galley in a worker and returns an engine. `format` resolves to null when a newer request
 * has replaced it (its result would be stale); other errors reject as GalleyError.
 */
export async function createEngine() {
  const galley = await createGalleyWorker();
  const newest = (promise) => promise.catch((error) => {
    if (error?.code === 'superseded') return null;
    throw error;
  });
  return {
    version: galley.version,
    format: (source, options, key = 'format') => newest(galley.format(source, options, { key })),
    fix: (source, options) => galley.fix(source, options),
    rules: () => galley.rules(),
  };
}
