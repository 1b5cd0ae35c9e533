// The single-file build on a plain page (as a CMS template includes it): one <script type="module">,
// no bundler, and no request besides the page and the one file.
import { test, expect } from '@playwright/test';

test('the inline build formats an article with nothing fetched but itself', async ({ page }) => {
  const errors = [];
  const requests = [];
  page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await page.goto('/cms/index.html');
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  await expect(page.locator('#article h1')).toHaveText('Council approves the budget');
  await expect(page.locator('#article section h2')).toHaveText(['Details']);
  expect(requests).toEqual(['/cms/index.html', '/cms/galley.inline.js']);

  await page.getByLabel('Article source').fill('Only a lede.\n');
  await expect(page.locator('#problems')).toContainText('headline/missing');
  const after = await page.evaluate(() => {
    const { galley } = window.galleyApp;
    try {
      galley[Symbol.for('galley.internal')].debugFail('trap');
    } catch (error) {
      return `${error.code} ${galley.check('# Back').mode}`;
    }
    return 'no error';
  });
  expect(after).toBe('internal markdown');
  expect(errors).toEqual([]);
});
