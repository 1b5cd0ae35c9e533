// Playwright runs against the system Chromium (no browser download) and the built demo.
import { defineConfig } from '@playwright/test';

const port = Number(process.env.GALLEY_E2E_PORT ?? 4390);

export default defineConfig({
  testDir: './tests',
  // The package's own browser tests run with playwright.package.config.js against their own app.
  testIgnore: '**/package-*.spec.js',
  outputDir: './test-results',
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
    command: `node ../scripts/serve.mjs ../web/dist --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 20_000,
  },
});
