// Vite builds the demo page; the galley package is imported exactly as a user would.
import { defineConfig } from 'vite';

export default defineConfig({
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true },
  optimizeDeps: { exclude: ['galley'] },
});
