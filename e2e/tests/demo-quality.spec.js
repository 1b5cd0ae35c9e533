// The demo page's qualities: accessible (axe, keyboard), offline after the first load, Galley in a
// worker, and how it looks at desktop and phone widths (screenshots kept as artifacts).
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, openDemo, preview, loadSample, editorSelection, SECTION_HEADINGS } from './demo-fixtures.js';

const screenshots = join(dirname(fileURLToPath(import.meta.url)), '..', 'screenshots');

const describe = (violations) => violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);

/**
 * Axe over the page and over the preview's document. The preview frame is sandboxed without
 * scripts, so axe cannot run inside it: its document is checked on a page of its own.
 */
async function axeViolations(page) {
  const { violations } = await new AxeBuilder({ page }).exclude('#preview').analyze();
  const found = describe(violations);
  const frame = page.locator('#preview');
  if (await frame.isVisible()) {
    const html = await frame.evaluate((f) => `<!doctype html>${f.contentDocument.documentElement.outerHTML}`);
    const scheme = await page.evaluate(() => (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'));
    const copy = await page.context().newPage();
    await copy.emulateMedia({ colorScheme: scheme });
    await copy.setContent(html);
    // A missing <h1> is the article's own finding (headline/missing in the problems panel), not the page's.
    const inner = await new AxeBuilder({ page: copy }).disableRules(['page-has-heading-one']).analyze();
    found.push(...describe(inner.violations).map((v) => `preview: ${v}`));
    await copy.close();
  }
  return found;
}

for (const scheme of ['light', 'dark']) {
  test(`axe finds no violations (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openDemo(page);
    await loadSample(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('tab', { name: 'Structure' }).click();
    await page.getByRole('tab', { name: 'JSON-LD' }).click();
    await expect(page.locator('#code-output')).toContainText('NewsArticle');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Shortcuts' }).click();
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
}

test('axe finds no violations on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openDemo(page);
  await loadSample(page);
  expect(await axeViolations(page)).toEqual([]);
});

test('the rule documentation page has no axe violations and documents every rule', async ({ page }) => {
  await openDemo(page);
  const rules = await page.evaluate(() => window.galleyDemo.engine.rules());
  await page.goto('/rules.html');
  for (const rule of rules) await expect(page.locator(`#${rule.id.replace(/[^a-z0-9]+/gi, '-')}`)).toBeAttached();
  expect(await axeViolations(page)).toEqual([]);
});

test('keyboard only: skip link, tab order, visible focus, tabs with arrows, problems, shortcuts', async ({ page }) => {
  await openDemo(page);
  await loadSample(page);
  await page.locator('body').focus();
  await page.keyboard.press('Tab');
  await expect(page.locator('.skip-link')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.cm-content')).toBeFocused();

  // Tab leaves the editor and reaches the result tabs, the report and its problems.
  const seen = [];
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      return { id: el.id, cls: el.className, visible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 };
    });
    seen.push(info);
  }
  const ids = seen.map((s) => s.id || s.cls);
  expect(ids).toContain('tab-preview');
  expect(ids).toContain('tab-problems');
  expect(ids).toContain('problem-jump');
  for (const s of seen.filter((x) => x.id !== 'preview')) expect(s.visible, `focus ring on ${s.id || s.cls}`).toBe(true);

  // Arrow keys move between output tabs.
  await page.locator('#tab-preview').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('#tab-html')).toBeFocused();
  await expect(page.locator('#tab-html')).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('#code-output')).toContainText('<article');
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('#tab-preview')).toHaveAttribute('aria-selected', 'true');

  // Enter on a problem puts the cursor on it in the editor.
  await page.locator('#problem-list li[data-rule="headline/missing"] .problem-jump').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.cm-content')).toBeFocused();
  expect((await editorSelection(page)).from).toBe(0);

  // F8 goes to the next problem in the editor.
  const before = (await editorSelection(page)).from;
  await page.keyboard.press('F8');
  await expect.poll(async () => (await editorSelection(page)).from).not.toBe(before);

  // The shortcuts are documented in the page; Escape closes the dialog.
  await page.getByRole('button', { name: 'Shortcuts' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toContainText('F8');
  await expect(dialog).toContainText('Fix all');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('Alt+Shift+F fixes everything from the keyboard', async ({ page }) => {
  await openDemo(page);
  await loadSample(page);
  await expect(page.locator('#problem-list .problem-fix').first()).toBeVisible();
  await page.locator('.cm-content').focus();
  await page.keyboard.press('Alt+Shift+F');
  await expect(page.locator('#problem-list .problem-fix')).toHaveCount(0);
});

test('Galley runs in a Web Worker', async ({ page }) => {
  await openDemo(page);
  expect(page.workers().some((w) => /worker-entry/.test(w.url()))).toBe(true);
});

test('works offline after the first load', async ({ page, context }) => {
  await openDemo(page);
  await expect(page.locator('body')).toHaveAttribute('data-offline', 'ready');
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  await context.setOffline(true);
  try {
    const response = await page.reload();
    expect(response.fromServiceWorker()).toBe(true);
    await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
    await loadSample(page);
    await expect(preview(page).locator('section.galley-section > h2').first()).toHaveText(SECTION_HEADINGS[0]);
    const docs = await page.evaluate(() => fetch('./rules.html').then((r) => r.ok));
    expect(docs).toBe(true);
  } finally {
    await context.setOffline(false);
  }
});

for (const [width, height] of [[1280, 800], [390, 844]]) {
  for (const scheme of ['light', 'dark']) {
    test(`screenshot at ${width} px (${scheme})`, async ({ page }, testInfo) => {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme: scheme });
      await openDemo(page);
      await loadSample(page);
      // Nothing sticks out sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      // The toast fades first.
      await expect.poll(() => page.locator('#announcer').evaluate((el) => getComputedStyle(el).opacity), { timeout: 8000 }).toBe('0');
      mkdirSync(screenshots, { recursive: true });
      const path = join(screenshots, `demo-${width}-${scheme}.png`);
      await page.screenshot({ path, fullPage: width < 800 });
      await testInfo.attach(`demo-${width}-${scheme}`, { path, contentType: 'image/png' });
    });
  }
}
