// The demo page formats what is typed: headline, sections and a diagnostic, with a clean console.
import { test, expect } from '@playwright/test';

test('typing a Markdown article shows it formatted with its diagnostics', async ({ page }) => {
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto('/');
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  const editor = page.getByLabel('Article source');
  await editor.fill('');
  await editor.pressSequentially('# Harbour reopens\n\nShips return after the storm.\n\n## What happened\n\nThe port closed for two days.\n\n#### Too deep\n\nDetails.\n', { delay: 2 });
  const preview = page.frameLocator('#preview');
  await expect(preview.locator('h1')).toHaveText('Harbour reopens');
  await expect(preview.locator('section h2')).toHaveText(['What happened']);
  await expect(page.locator('#problems')).toContainText('heading/increment');
  expect(errors).toEqual([]);
});
