// The galley package in Chromium, inside a real Vite production build: the .wasm is emitted,
// fetched and compiled; articles are formatted on the main thread and in a Web Worker.
import { test, expect } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const site = process.env.GALLEY_PACKAGE_SITE ?? fileURLToPath(new URL('../../build/package-e2e/site', import.meta.url));

/** Collects console errors, page errors and every response, for the assertions at the end. */
function watch(page) {
  const seen = { errors: [], responses: [] };
  page.on('console', (msg) => msg.type() === 'error' && seen.errors.push(msg.text()));
  page.on('pageerror', (error) => seen.errors.push(error.message));
  page.on('response', (response) => seen.responses.push({ url: response.url(), status: response.status(), type: response.headers()['content-type'] }));
  return seen;
}

test('Vite emitted the wasm as an asset beside the bundles', () => {
  const assets = readdirSync(`${site}/assets`);
  expect(assets.filter((name) => name.endsWith('.wasm'))).toHaveLength(1);
  expect(assets.some((name) => /^worker-entry-.*\.js$/.test(name))).toBe(true);
});

test('main thread: the bundled package fetches its wasm and formats the article as it is typed', async ({ page }) => {
  const seen = watch(page);
  await page.goto('/index.html');
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  const wasm = seen.responses.filter((r) => r.url.endsWith('.wasm'));
  expect(wasm).toHaveLength(1);
  expect(wasm[0]).toMatchObject({ status: 200, type: 'application/wasm' });
  expect(wasm[0].url).toMatch(/\/assets\/galley-[\w-]+\.wasm$/);

  await expect(page.locator('#article h1')).toHaveText('Harbour reopens after the storm');
  await expect(page.locator('#article section h2').first()).toHaveText('What happened.');
  await expect(page.locator('#problems')).toContainText('heading/increment');
  await expect(page.locator('#problems')).toContainText('heading/trailing-punctuation');
  await expect(page.locator('#status')).toHaveText(/^galley \d+\.\d+\.\d+/);

  const editor = page.getByLabel('Article source');
  await editor.fill('');
  await editor.pressSequentially('# Typed headline\n\nA dek.\n\n## Part one\n\nText.\n', { delay: 5 });
  await expect(page.locator('#article h1')).toHaveText('Typed headline');
  await expect(page.locator('#article section h2')).toHaveText(['Part one']);
  await expect(page.locator('#problems')).not.toContainText('heading/increment');
  expect(seen.errors).toEqual([]);
});

test('main thread: errors are GalleyError values and the instance survives a crash of the wasm', async ({ page }) => {
  const seen = watch(page);
  await page.goto('/index.html');
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  const outcome = await page.evaluate(() => {
    const { galley, GalleyError } = window.galleyApp;
    const caught = (fn) => {
      try {
        fn();
        return 'no error';
      } catch (error) {
        return `${error instanceof GalleyError} ${error.code} ${error.field}`;
      }
    };
    const internal = galley[Symbol.for('galley.internal')];
    return {
      options: caught(() => galley.format('# T', { profile: 'tabloid' })),
      size: caught(() => galley.format('x'.repeat(200), { maxInputBytes: 100 })),
      json: caught(() => galley.format('{', { input: 'json' })),
      source: caught(() => galley.format(42)),
      trap: caught(() => internal.debugFail('trap')),
      abort: caught(() => internal.debugFail('abort')),
      memory: caught(() => internal.debugFail('memory')),
      after: galley.format('# After the crash\n\nStill here.', { outputs: ['json'] }).article.headline.text,
    };
  });
  expect(outcome).toEqual({
    options: 'true invalid-options profile',
    size: 'true input-too-large maxInputBytes',
    json: expect.stringMatching(/^true invalid-json/),
    source: 'true invalid-input source',
    trap: 'true internal ',
    abort: 'true internal ',
    memory: 'true internal ',
    after: 'After the crash',
  });
  // The editor still works after the crashes.
  await page.getByLabel('Article source').fill('# Recovered\n\nYes.\n');
  await expect(page.locator('#article h1')).toHaveText('Recovered');
  expect(seen.errors).toEqual([]);
});

test('main thread: more instances reuse the compiled wasm (no new fetch) and are independent', async ({ page }) => {
  const seen = watch(page);
  await page.goto('/index.html');
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  const result = await page.evaluate(async () => {
    const { galley, createGalley, createMs } = window.galleyApp;
    const started = performance.now();
    const [a, b] = await Promise.all([createGalley(), createGalley()]);
    const againMs = (performance.now() - started) / 2;
    try {
      a[Symbol.for('galley.internal')].debugFail('trap');
    } catch {
      // a restarts; b and the page's instance are untouched
    }
    return {
      headlines: [a, b, galley].map((g) => g.format('# Same\n\nText.', { outputs: ['json'] }).article.headline.text),
      createMs,
      againMs,
    };
  });
  expect(result.headlines).toEqual(['Same', 'Same', 'Same']);
  expect(seen.responses.filter((r) => r.url.endsWith('.wasm'))).toHaveLength(1);
  // Reported, not asserted: timings belong to the benchmarks.
  console.log(`createGalley() in Chromium: first ${result.createMs.toFixed(1)} ms (fetch, compile, instantiate); then ${result.againMs.toFixed(1)} ms each`);
});

test('worker: the article is formatted in a Web Worker, and the newest keystroke wins', async ({ page }) => {
  const seen = watch(page);
  const workers = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.goto('/worker.html');
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  expect(workers.some((url) => /\/assets\/worker-entry-[\w-]+\.js$/.test(url))).toBe(true);
  expect(seen.responses.filter((r) => r.url.endsWith('.wasm'))).toEqual([expect.objectContaining({ status: 200, type: 'application/wasm' })]);
  await expect(page.locator('#article h1')).toHaveText('Harbour reopens after the storm');
  await expect(page.locator('#status')).toHaveText(/\(worker\)$/);

  const editor = page.getByLabel('Article source');
  await editor.fill('');
  const text = '# Typed in the worker page\n\nA dek for it.\n\n## Part one\n\nText.\n';
  await editor.pressSequentially(text, { delay: 0 });
  await expect(page.locator('#article h1')).toHaveText('Typed in the worker page');
  await expect(page.locator('#article section h2')).toHaveText(['Part one']);
  const typed = await page.evaluate(() => ({ ...window.galleyApp.counts }));
  // Every keystroke was a request; each either rendered or was superseded by a newer one.
  expect(typed.failed).toBe(0);
  expect(typed.rendered + typed.superseded).toBeGreaterThanOrEqual(text.length);

  // A burst of edits within one task: the first runs, the next ones queue and each is superseded
  // by the one after it, and the last is rendered.
  const burst = await page.evaluate(async () => {
    const { counts } = window.galleyApp;
    const before = { ...counts };
    const editor = document.querySelector('#source');
    for (let n = 1; n <= 20; n++) {
      editor.value = `# Burst ${n}\n\nText.\n`;
      editor.dispatchEvent(new Event('input'));
    }
    const settled = () => counts.rendered + counts.superseded - before.rendered - before.superseded === 20;
    while (!settled()) await new Promise((resolve) => setTimeout(resolve, 10));
    return { rendered: counts.rendered - before.rendered, superseded: counts.superseded - before.superseded };
  });
  expect(burst.superseded).toBeGreaterThanOrEqual(18);
  expect(burst.rendered).toBeLessThanOrEqual(2);
  await expect(page.locator('#article h1')).toHaveText('Burst 20');
  expect(seen.errors).toEqual([]);
});

test('worker: cancellation, refusals and termination come back as GalleyError codes', async ({ page }) => {
  await page.goto('/worker.html');
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  const codes = await page.evaluate(async () => {
    const { galley } = window.galleyApp;
    const code = (promise) => promise.then(() => 'resolved', (error) => `${error.name} ${error.code} ${error.field}`);
    const controller = new AbortController();
    const aborted = code(galley.check('# A', {}, { signal: controller.signal }));
    controller.abort();
    const first = code(galley.check('# One', {}, { key: 'k' }));
    const second = code(galley.check('# Two', {}, { key: 'k' }));
    return {
      aborted: await aborted,
      first: await first,
      second: await second,
      options: await code(galley.format('# T', { outputs: ['pdf'] })),
      rules: (await galley.rules()).length > 0,
      terminated: await galley.terminate().then(() => code(galley.format('# T'))),
    };
  });
  expect(codes).toEqual({
    aborted: 'GalleyError aborted ',
    first: 'GalleyError superseded ',
    second: 'resolved',
    options: 'GalleyError invalid-options outputs[0]',
    rules: true,
    terminated: 'GalleyError terminated ',
  });
});
