// Playwright for the npm package in Chromium: the Vite-built fixture app (main thread and Web
// Worker) and the CMS page with the single-file build, served from build/package-e2e/site
// (written by e2e/vite-app/build.mjs, or by scripts/pack-smoke.sh from the packed tarball).
import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';

const port = Number(process.env.GALLEY_PACKAGE_E2E_PORT ?? 4397);
const site = process.env.GALLEY_PACKAGE_SITE ?? fileURLToPath(new URL('../build/package-e2e/site', import.meta.url));

export default defineConfig({
  testDir: './tests',
  testMatch: '**/package-*.spec.js',
  outputDir: './test-results/package',
  timeout: 30_000,
  retries: 0,
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `node ../scripts/serve.mjs "${site}" --port ${port}`,
    url: `http://127.0.0.1:${port}/index.html`,
    reuseExistingServer: false,
    timeout: 20_000,
  },
});
