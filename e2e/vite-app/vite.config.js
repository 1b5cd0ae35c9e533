// A tiny app that uses the galley package the way a user's app does: no special configuration,
// only the two pages as entries.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const page = (name) => fileURLToPath(new URL(name, import.meta.url));

export default defineConfig({
  base: './',
  build: {
    target: 'es2022',
    emptyOutDir: true,
    rollupOptions: { input: { main: page('index.html'), worker: page('worker.html') } },
  },
});
