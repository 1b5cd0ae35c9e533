// Vite builds the demo page; the galley package is imported exactly as a user would.
import { defineConfig } from 'vite';
import { rulesPage } from './build/rules-page.js';
import { serviceWorker } from './build/service-worker.js';
import { sampleTitles } from './build/sample-titles.js';

export default defineConfig({
  base: './',
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true, reportCompressedSize: false },
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['galley'] },
  server: { fs: { allow: ['..'] } },
  plugins: [sampleTitles(), rulesPage(), serviceWorker()],
});
