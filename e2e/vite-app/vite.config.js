// A tiny app that uses the galley package the way a user's app does: no special configuration,
// only its two pages as entries. (A plain object, not defineConfig: the same file is also built
// from a clean project where only the packed package is installed.)
import { fileURLToPath } from 'node:url';

const page = (name) => fileURLToPath(new URL(name, import.meta.url));

export default {
  base: './',
  build: {
    target: 'es2022',
    emptyOutDir: true,
    rollupOptions: { input: { main: page('index.html'), worker: page('worker.html') } },
  },
};
