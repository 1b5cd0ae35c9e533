// The demo page as a reader or editor uses it: samples, preview, problems, fixes, outputs, inputs.
import {
  test, expect, openDemo, preview, loadSample, newArticle, editorText, editorSelection, paste, SECTION_HEADINGS,
} from './demo-fixtures.js';

test.beforeEach(async ({ page }) => {
  await openDemo(page);
});

test('the news sample is formatted: four sections, three takeaways, the author box', async ({ page }) => {
  await loadSample(page);
  const frame = preview(page);
  await expect(frame.locator('section.galley-section > h2')).toContainText(SECTION_HEADINGS);
  for (const heading of SECTION_HEADINGS) {
    await expect(frame.getByRole('heading', { name: heading })).toBeVisible();
  }
  const takeaways = frame.locator('aside.galley-takeaways');
  await expect(takeaways).toBeAttached();
  await expect(takeaways.locator('li')).toHaveCount(3);
  const author = frame.locator('aside.galley-author-box');
  await expect(author).toContainText('Morgan J. Carter');
  await expect(author.locator('meta[itemprop="name"]')).toHaveAttribute('content', 'Morgan J. Carter');
});

test('the problems panel lists headline/missing and jumps to it', async ({ page }) => {
  await loadSample(page);
  const problem = page.locator('#problem-list li[data-rule="headline/missing"]');
  await expect(problem).toHaveCount(1);
  await expect(problem).toContainText('no headline');
  await expect(problem).toContainText('1:1');
  // Counts in the filters and the status bar agree with the list.
  const errors = await page.locator('#problem-list li.error').count();
  const label = `${errors} error${errors === 1 ? '' : 's'}`;
  await expect(page.locator('#count-error')).toHaveText(label);
  await expect(page.locator('.filter[data-severity="error"] .filter-count')).toHaveText(label);

  await page.locator('#editor .cm-scroller').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await problem.locator('.problem-jump').click();
  await expect(page.locator('.cm-content')).toBeFocused();
  const selection = await editorSelection(page);
  expect(selection.from).toBe(0);
  expect(selection.text).toMatch(/^The United States and European leaders/);
});

test('severity filters hide and show problems', async ({ page }) => {
  await loadSample(page);
  const info = page.locator('#problem-list li.info');
  await expect(info.first()).toBeVisible();
  const filter = page.locator('.filter[data-severity="info"]');
  await filter.click();
  await expect(filter).toHaveAttribute('aria-pressed', 'false');
  await expect(info).toHaveCount(0);
  await expect(page.locator('#problem-list li[data-rule="headline/missing"]')).toHaveCount(1);
  await filter.click();
  await expect(info.first()).toBeVisible();
});

test('Fix all applies every fix: “90 %” becomes “90%”, and Ctrl+Z undoes it', async ({ page }) => {
  await loadSample(page);
  expect(await editorText(page)).toContain('90 %');
  const fixable = page.locator('#problem-list .problem-fix');
  await expect(page.locator('#problem-list li[data-rule="typography/space-before-percent"]')).toHaveCount(1);
  expect(await fixable.count()).toBeGreaterThan(0);
  const unfixable = await page.locator('#problem-list li:not(:has(.problem-fix))').evaluateAll((rows) => rows.map((r) => r.dataset.rule));

  await page.getByRole('button', { name: /^Fix all/ }).click();
  await expect(fixable).toHaveCount(0);
  await expect(page.locator('#fix-all')).toBeDisabled();
  const text = await editorText(page);
  expect(text).toContain('90%');
  expect(text).not.toMatch(/90[ \u00a0\u202f]%/);
  // Findings without a fix are still there.
  const remaining = await page.locator('#problem-list li').evaluateAll((rows) => rows.map((r) => r.dataset.rule));
  for (const rule of new Set(unfixable)) expect(remaining).toContain(rule);
  await expect(page.locator('#announcer')).toContainText('Applied');

  await page.locator('.cm-content').focus();
  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(() => editorText(page)).toContain('90 %');
});

test('a single problem is fixed from its row and from the editor tooltip', async ({ page }) => {
  await newArticle(page);
  await paste(page, { 'text/plain': '# Prices\n\nPrices rose by 90 % this year.\n\nThey fell by 5 % in May.\n' });
  const rows = page.locator('#problem-list li[data-rule="typography/space-before-percent"]');
  await expect(rows).toHaveCount(2);
  await rows.first().getByRole('button', { name: /^Fix/ }).click();
  await expect(rows).toHaveCount(1);
  await expect.poll(() => editorText(page)).toContain('by 90% this');

  // The other one from the lint tooltip in the editor.
  await page.locator('.cm-line', { hasText: 'They fell by 5' }).locator('[class*="cm-lintRange-"]').first().hover();
  const tooltip = page.locator('.cm-tooltip-lint');
  await expect(tooltip).toBeVisible();
  await expect(tooltip.locator('a.diag-rule')).toHaveAttribute('href', /rules\.html#typography-space-before-percent$/);
  await tooltip.locator('.cm-diagnosticAction').first().click();
  await expect(rows).toHaveCount(0);
  await expect.poll(() => editorText(page)).toContain('by 5% in');
});

test('hovering an underline shows the message, the rule and a link to its documentation', async ({ page }) => {
  await loadSample(page);
  await page.locator('.cm-lintRange-error').first().hover();
  const tooltip = page.locator('.cm-tooltip-lint');
  await expect(tooltip).toContainText('no headline');
  const link = tooltip.locator('a.diag-rule', { hasText: 'headline/missing' });
  await expect(link).toHaveCount(1);
  const href = await link.getAttribute('href');
  expect(href).toBe('./rules.html#headline-missing');
  // The documentation page exists and has that rule.
  const docs = await page.context().newPage();
  await docs.goto(new URL(href, page.url()).href);
  await expect(docs.locator('#headline-missing')).toContainText('headline/missing');
  await docs.close();
});

test('clicking a part of the preview selects its source', async ({ page }) => {
  await loadSample(page);
  await preview(page).getByRole('heading', { name: 'Building a Multinational Shield' }).click();
  await expect.poll(async () => (await editorSelection(page)).text).toBe('Building a Multinational Shield');
  await expect(page.locator('.cm-content')).toBeFocused();

  await preview(page).locator('p', { hasText: 'Putin has denied plans' }).click();
  await expect.poll(async () => (await editorSelection(page)).text).toBe('Putin has denied plans to attack any European allies.');
});

test('the preview scrolls with the editor', async ({ page }) => {
  await loadSample(page);
  const frame = page.frameLocator('#preview');
  // Scroll the editor so that the "Drone Strikes" heading is at its top.
  const found = await page.evaluate(async () => {
    const scroller = document.querySelector('.cm-scroller');
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    // CodeMirror draws only the lines in view: scroll down until the heading's line is drawn.
    for (let i = 0; i < 50; i++) {
      const line = [...document.querySelectorAll('.cm-line')].find((l) => l.textContent.startsWith('Drone Strikes'));
      if (line) {
        scroller.scrollTop += line.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
        return true;
      }
      scroller.scrollTop += scroller.clientHeight / 2;
      await frame();
    }
    return false;
  });
  expect(found).toBe(true);
  await expect.poll(async () => {
    const box = await frame.getByRole('heading', { name: 'Drone Strikes Intensify the Tension' }).evaluate((h) => h.getBoundingClientRect().top);
    return Math.abs(box) < 120;
  }).toBe(true);
  // And back to the top.
  await page.locator('.cm-scroller').evaluate((el) => el.scrollTo(0, 0));
  await expect.poll(() => page.locator('#preview').evaluate((f) => f.contentWindow.scrollY)).toBe(0);
});

test('the structure panel shows the recognised parts with their confidence', async ({ page }) => {
  await loadSample(page);
  await page.getByRole('tab', { name: 'Structure' }).click();
  const outline = page.locator('#outline');
  await expect(outline).toBeVisible();
  for (const heading of SECTION_HEADINGS) await expect(outline).toContainText(heading);
  await expect(outline.locator('.part', { hasText: 'Headline' }).first()).toContainText('not found');
  const box = outline.locator('.part', { hasText: 'Author box' });
  await expect(box).toContainText('Morgan J. Carter');
  await expect(box.locator('.confidence')).toHaveText(/^\d+%$/);
  const takeaways = outline.locator('> .part', { hasText: 'Takeaways' });
  await expect(takeaways.locator('.sub-parts > li')).toHaveCount(3);
  // A part selects its source.
  await outline.getByRole('button', { name: /Drone Strikes Intensify the Tension/ }).click();
  await expect.poll(async () => (await editorSelection(page)).text).toBe('Drone Strikes Intensify the Tension');
});

test('output tabs show HTML, Markdown, JSON and JSON-LD, with copy and download', async ({ page }) => {
  await loadSample(page);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const code = page.locator('#code-output');

  await page.getByRole('tab', { name: 'HTML' }).click();
  await expect(code).toContainText('<article class="galley-article"');
  await expect(page.locator('#preview')).toBeHidden();

  await page.getByRole('tab', { name: 'Markdown' }).click();
  await expect(code).toContainText('## Building a Multinational Shield');
  await page.getByRole('button', { name: 'Copy Markdown' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('## Building a Multinational Shield');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.md$/);

  await page.getByRole('tab', { name: 'JSON', exact: true }).click();
  await expect(code).toContainText('"schema": "galley.article/v1"');
  const model = JSON.parse(await code.textContent());
  expect(model.sections.length).toBeGreaterThan(4);

  await page.getByRole('tab', { name: 'JSON-LD' }).click();
  await expect(code).toContainText('"@type": "NewsArticle"');
  JSON.parse(await code.textContent());

  await page.getByRole('tab', { name: 'Preview' }).click();
  await expect(page.locator('#preview')).toBeVisible();
  const page2 = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download page' }).click();
  const file = await page2;
  expect(file.suggestedFilename()).toMatch(/\.html$/);
  const saved = await file.path().then((p) => import('node:fs').then((fs) => fs.readFileSync(p, 'utf8')));
  expect(saved).toMatch(/^<!DOCTYPE html>/i);
  expect(saved).toContain('Building a Multinational Shield');
});

test('pasting plain text formats it', async ({ page }) => {
  await newArticle(page);
  await paste(page, {
    'text/plain': 'Harbour reopens after the storm\nShips returned to the port on Monday after two days of closure.\nWhat happened next\nThe harbour master said the cranes were undamaged.\n',
  });
  await expect.poll(() => editorText(page)).toContain('Ships returned to the port');
  const frame = preview(page);
  await expect(frame.locator('article')).toContainText('Ships returned to the port on Monday');
  await expect(frame.locator('article')).toContainText('The harbour master said the cranes were undamaged.');
  await expect(page.locator('#status-mode')).toHaveText('Read as plain text (auto)');
});

test('pasting rich text from a web page turns it into lines Galley reads as text', async ({ page }) => {
  await newArticle(page);
  const html = '<meta charset="utf-8"><div class="story"><h1>Harbour reopens</h1><p>Ships returned on <b>Monday</b>.</p>'
    + '<script>alert(1)</script><h2>What happened next</h2><p>The harbour master said the cranes were undamaged.</p>'
    + '<p>Crews worked\n through the night.</p><ul><li>Port open</li><li>Ferries running</li></ul></div>';
  await paste(page, { 'text/html': html, 'text/plain': 'Harbour reopens Ships returned on Monday.' });
  await expect.poll(() => editorText(page)).toBe(
    'Harbour reopens\nShips returned on Monday.\nWhat happened next\nThe harbour master said the cranes were undamaged.\nCrews worked through the night.\n- Port open\n- Ferries running',
  );
  await expect(page.locator('#status-mode')).toHaveText('Read as plain text (auto)');
  await expect(preview(page).locator('article')).toContainText('Ships returned on Monday.');
});

test('dropping a Markdown file opens it', async ({ page }) => {
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(new File(['# Dropped headline\n\nA dek for the dropped file.\n\n## First part\n\nBody text.\n'], 'story.md', { type: 'text/markdown' }));
    const target = document.querySelector('.cm-content');
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
    }
  });
  await expect(preview(page).locator('h1')).toHaveText('Dropped headline');
  await expect(page.locator('#status-mode')).toHaveText('Read as Markdown (auto)');
  expect(await editorText(page)).toBe('# Dropped headline\n\nA dek for the dropped file.\n\n## First part\n\nBody text.\n');
  await expect(page.locator('#drop-overlay')).toBeHidden();
});

test('options and the text are kept across reloads', async ({ page }) => {
  await newArticle(page);
  await page.locator('.cm-content').focus();
  await page.keyboard.type('# Kept across reloads\n\nThe text survives a reload.');
  await page.locator('#opt-profile').selectOption('blog');
  await page.locator('#opt-locale').selectOption('de');
  await page.locator('#opt-input').selectOption('markdown');
  await page.locator('#opt-typography').uncheck();
  await expect(page.locator('#status-saved')).toHaveText('Saved in this browser');
  await page.reload();
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  await expect(page.locator('#opt-profile')).toHaveValue('blog');
  await expect(page.locator('#opt-locale')).toHaveValue('de');
  await expect(page.locator('#opt-input')).toHaveValue('markdown');
  await expect(page.locator('#opt-typography')).not.toBeChecked();
  expect(await editorText(page)).toBe('# Kept across reloads\n\nThe text survives a reload.');
  await expect(preview(page).locator('h1')).toHaveText('Kept across reloads');
  await expect(page.locator('#status-mode')).toHaveText('Read as Markdown');
});

test('typing shows the change in the preview and the problems', async ({ page }) => {
  await newArticle(page);
  await page.locator('.cm-content').focus();
  await page.keyboard.type('# Harbour reopens\n\nShips return after the storm.\n\n## What happened\n\nThe port closed for two days.\n\n#### Too deep\n\nDetails.\n', { delay: 2 });
  const frame = preview(page);
  await expect(frame.locator('h1')).toHaveText('Harbour reopens');
  await expect(frame.locator('section h2')).toHaveText(['What happened']);
  await expect(page.locator('#problem-list')).toContainText('heading/increment');
  // The editor marks the same finding in place.
  await expect(page.locator('.cm-lint-marker').first()).toBeVisible();
});

test('every CC0 sample in the menu loads, is read as Markdown and shows its title as the headline', async ({ page }) => {
  const options = await page.locator('#sample option').evaluateAll((els) =>
    els.filter((e) => e.value.endsWith('.md')).map((e) => ({ value: e.value, label: e.textContent })));
  expect(options.length).toBeGreaterThanOrEqual(9);
  for (const { value, label } of options) {
    const title = label.replace(/ \(\d{4}\)$/, '');
    await page.locator('#sample').selectOption(value);
    await expect.poll(() => page.evaluate(() => window.galleyDemo.result?.article?.headline?.text), { message: value })
      .toBe(title);
    expect(await page.evaluate(() => window.galleyDemo.result.mode)).toBe('markdown');
    await expect(preview(page).locator('h1.galley-headline')).toHaveText(title);
    await expect(page.locator('.cm-content')).toContainText('---');
  }
});
