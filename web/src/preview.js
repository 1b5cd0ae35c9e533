// The preview: Galley's HTML in a sandboxed iframe, each part tied to its source span.
import chromeCss from './preview.css?inline';

const P = 'galley-';

/** Letters and digits only: typography (quotes, dashes, spaces) does not change what matches. */
const key = (text) => (text ?? '').normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '').toLowerCase();

const plain = (inlines) => (inlines ?? []).map((i) => i.text ?? plain(i.children)).join('');

/**
 * Ties rendered elements to the model's spans, so that a click in the preview finds its source.
 * Elements are matched to model nodes by their text (letters and digits), in order, which holds
 * whatever wrappers the renderer uses; nothing is added to Galley's output.
 * Returns the tied elements as {from, to, el, top} (top: a block the scroll sync can use).
 */
export function annotate(article, model) {
  const anchors = [];
  const tie = (el, span, top) => {
    if (!el || !span || el.dataset.from !== undefined) return;
    el.dataset.from = span.offset;
    el.dataset.to = span.endOffset;
    anchors.push({ from: span.offset, to: span.endOffset, el, top });
  };
  if (!article || !model) return anchors;

  const pool = new Map();
  const add = (text, span) => {
    const k = key(text);
    if (!k || !span) return;
    if (!pool.has(k)) pool.set(k, []);
    pool.get(k).push(span);
  };
  const addBlocks = (blocks) => {
    for (const b of blocks ?? []) {
      if (b.type === 'paragraph' || b.type === 'code' || b.type === 'html') add(b.text, b.span);
      else if (b.type === 'heading') add(plain(b.inlines), b.span);
      else if (b.type === 'list') for (const item of b.items ?? []) addBlocks(item.blocks);
      else if (b.type === 'blockquote') addBlocks(b.blocks);
    }
  };
  add(model.headline?.text, model.headline?.span);
  add(model.dek?.text, model.dek?.span);
  for (const s of model.sections ?? []) {
    add(s.heading?.text, s.heading?.span);
    addBlocks(s.blocks);
  }
  const t = model.takeaways;
  if (t) {
    add(t.heading?.text, t.heading?.span);
    for (const item of t.items ?? []) add(item.text, item.span);
  }
  const c = model.credits;
  if (c) {
    add(c.heading?.text, c.heading?.span);
    add(c.text?.text, c.text?.span);
  }
  const a = model.authorBox;
  if (a) {
    add(a.heading?.text, a.heading?.span);
    addBlocks(a.bio);
  }
  addBlocks(model.footnotes);
  for (const list of pool.values()) list.sort((x, y) => x.offset - y.offset);

  for (const el of article.querySelectorAll('h1, h2, h3, h4, h5, h6, p, li, pre')) {
    const list = pool.get(key(el.textContent));
    if (list?.length) tie(el, list.shift(), true);
  }
  // Containers and parts whose text is not a model node of its own.
  tie(article.querySelector(`.${P}takeaways`), t?.span, false);
  tie(article.querySelector(`.${P}author-box`), a?.span, false);
  const people = (model.byline ?? []).filter((p) => p.span);
  if (people.length) {
    const span = { offset: Math.min(...people.map((p) => p.span.offset)), endOffset: Math.max(...people.map((p) => p.span.endOffset)) };
    tie(article.querySelector(`.${P}byline`), span, false);
  }
  anchors.sort((x, y) => x.from - y.from || y.to - x.to);
  return anchors;
}

/**
 * Creates the preview in `iframe`.
 * @param {HTMLIFrameElement} iframe sandboxed (allow-same-origin, no scripts)
 * @param {{onPick: (from: number, to: number) => void, onScroll: () => void}} handlers
 */
export function createPreview(iframe, { onPick, onScroll }) {
  let doc = null;
  let root = null;
  let anchors = [];
  let current = null;
  let cursor = 0;
  let themeCss = '';
  let pending = null;
  const ready = new Promise((resolve) => {
    iframe.addEventListener('load', () => {
      doc = iframe.contentDocument;
      root = doc.getElementById('root');
      doc.addEventListener('click', (event) => {
        const link = event.target.closest?.('a[href]');
        if (link) event.preventDefault();  // the preview never navigates away
        const el = event.target.closest?.('[data-from]');
        if (el) onPick(Number(el.dataset.from), Number(el.dataset.to));
      });
      iframe.contentWindow.addEventListener('scroll', () => onScroll(), { passive: true });
      resolve();
    }, { once: true });
  });
  iframe.srcdoc = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Preview</title>'
    + `<style id="theme"></style><style>${chromeCss}</style></head><body><main id="root"></main></body></html>`;

  return {
    ready,
    /** The default theme of Galley's document output, used for the preview. */
    async setTheme(css) {
      themeCss = css;
      await ready;
      doc.getElementById('theme').textContent = css;
      doc.documentElement.classList.toggle('fallback-theme', !css.trim());
    },
    get themeCss() { return themeCss; },
    /** Shows `html` (an article fragment) tied to `model`. */
    async show(html, model) {
      pending = { html, model };
      await ready;
      if (!pending) return;
      const { html: h, model: m } = pending;
      pending = null;
      root.innerHTML = h;
      doc.documentElement.lang = m?.meta?.language || 'en';
      anchors = annotate(root.querySelector('article'), m);
      current = null;
      this.highlight(cursor);
    },
    /** Marks the smallest part around `pos` (the editor's cursor). */
    highlight(pos) {
      cursor = pos;
      let best = null;
      for (const a of anchors) {
        if (a.from > pos) break;
        if (pos <= a.to && (!best || a.to - a.from <= best.to - best.from)) best = a;
      }
      if (current !== best?.el) {
        current?.classList.remove('demo-current');
        current = best?.el ?? null;
        current?.classList.add('demo-current');
      }
    },
    /** Blocks for the scroll sync: source offset → vertical position in the preview. */
    blocks() {
      if (!doc) return [];
      const y = iframe.contentWindow.scrollY;
      const out = [];
      for (const a of anchors) {
        if (!a.top) continue;
        const r = a.el.getBoundingClientRect();
        const block = { from: a.from, to: a.to, top: r.top + y, bottom: r.bottom + y };
        // Parts shown out of source order (e.g. a byline drawn from the credits) would fold the map.
        if (r.height > 0 && (!out.length || block.top >= out[out.length - 1].top)) out.push(block);
      }
      return out;
    },
    get scrollTop() { return iframe.contentWindow?.scrollY ?? 0; },
    get viewHeight() { return iframe.clientHeight; },
    scrollTo(top) { iframe.contentWindow?.scrollTo({ top, behavior: 'instant' }); },
    /** Scrolls the part that holds `pos` into view. */
    reveal(pos) {
      const a = anchors.find((x) => x.from <= pos && pos <= x.to && x.top) ?? anchors.find((x) => x.from >= pos);
      a?.el.scrollIntoView({ block: 'center', behavior: 'instant' });
    },
  };
}
