// Shared steps of the demo page's tests: a page that fails on console errors, and helpers.
import { test as base, expect } from '@playwright/test';

export { expect };

/** A page whose console must stay free of errors for the whole test. */
export const test = base.extend({
  page: async ({ page }, use) => {
    const errors = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await use(page);
    expect(errors, 'console errors').toEqual([]);
  },
});

export const SECTION_HEADINGS = [
  'A New Chapter in Ukraine’s Security',
  'Building a Multinational Shield',
  'Stubborn Hurdles: Territory and Legality',
  'Drone Strikes Intensify the Tension',
];

/** Opens the demo and waits until the first result is shown. */
export async function openDemo(page) {
  await page.goto('/');
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
}

/** The preview's document. */
export const preview = (page) => page.frameLocator('#preview');

/** The editor's whole text (CodeMirror renders only the lines in view). */
export const editorText = (page) => page.evaluate(() => window.galleyDemo.text);

/** The editor's selection {from, to, text}. */
export const editorSelection = (page) => page.evaluate(() => window.galleyDemo.selection);

/** Picks a sample from the menu and waits until Galley has formatted it. */
export async function loadSample(page, id = 'security-guarantees.txt') {
  await page.locator('#sample').selectOption(id);
  await expect.poll(() => page.evaluate(() => window.galleyDemo.result?.article?.sections?.length ?? 0)).toBeGreaterThan(0);
}

/** Empties the editor with the New button and waits for the empty result. */
export async function newArticle(page) {
  await page.getByRole('button', { name: 'New', exact: true }).click();
  await expect(preview(page).locator('.demo-empty')).toBeVisible();
}

/** Puts `items` ({mime: text}) on the clipboard and pastes into the editor with the keyboard. */
export async function paste(page, items) {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate(async (data) => {
    const blobs = Object.fromEntries(Object.entries(data).map(([type, text]) => [type, new Blob([text], { type })]));
    await navigator.clipboard.write([new ClipboardItem(blobs)]);
  }, items);
  await page.locator('.cm-content').focus();
  await page.keyboard.press('ControlOrMeta+V');
}
