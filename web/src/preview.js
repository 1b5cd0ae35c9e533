// The preview: Galley's HTML in a sandboxed iframe, each part tied to its source span.
import chromeCss from './preview.css?inline';

const P = 'galley-';

/**
 * Ties rendered elements to the model's spans. The HTML renderer writes one element per model
 * node in model order, so the page walks both in step; nothing is added to Galley's output.
 * Returns the tied elements as {from, to, el, top} (top: a block the scroll sync can use).
 */
export function annotate(article, model) {
  const anchors = [];
  const tie = (el, span, top = false) => {
    if (!el || !span || span.endOffset < span.offset) return;
    el.dataset.from = span.offset;
    el.dataset.to = span.endOffset;
    anchors.push({ from: span.offset, to: span.endOffset, el, top });
  };
  const blocks = (elements, list, top) => {
    for (let i = 0; i < Math.min(elements.length, list.length); i++) block(elements[i], list[i], top);
  };
  const block = (el, b, top) => {
    tie(el, b.span, top);
    if (b.type === 'list') {
      blocks([...el.children].filter((c) => c.tagName === 'LI'), b.items, false);
    } else if (b.type === 'blockquote') {
      const quote = el.querySelector('blockquote');
      if (quote) blocks([...quote.children], b.blocks, false);
    } else if (b.type === 'table') {
      blocks([...el.querySelectorAll('tr')], b.rows, false);
    }
  };
  if (!article || !model) return anchors;

  const header = article.querySelector(`:scope > header`);
  if (header) {
    tie(header.querySelector(`.${P}headline`), model.headline?.span, true);
    tie(header.querySelector(`.${P}dek`), model.dek?.span, true);
  }
  const sections = article.querySelectorAll(`section.${P}section`);
  model.sections.forEach((s, i) => {
    const el = sections[i];
    if (!el) return;
    let children = [...el.children].filter((c) => c.tagName !== 'SECTION');
    if (s.heading && children[0] && /^H[1-6]$/.test(children[0].tagName)) {
      tie(children[0], s.heading.span, true);
      children = children.slice(1);
    }
    blocks(children, s.blocks, true);
  });
  const takeaways = article.querySelector(`.${P}takeaways`);
  if (takeaways && model.takeaways) {
    const t = model.takeaways;
    tie(takeaways, t.span, false);
    tie(takeaways.querySelector('h2, h3'), t.heading?.span, true);
    const items = takeaways.querySelectorAll('li');
    t.items.forEach((item, i) => tie(items[i], item.span, true));
  }
  if (model.credits) {
    tie(article.querySelector(`.${P}credits-heading`), model.credits.heading?.span, true);
    tie(article.querySelector(`.${P}credits`), model.credits.text?.span ?? model.credits.span, true);
  }
  const box = article.querySelector(`.${P}author-box`);
  if (box && model.authorBox) {
    const a = model.authorBox;
    tie(box, a.span, false);
    tie(box.querySelector(`.${P}author-heading`), a.heading?.span, true);
    const bio = box.querySelector('[itemprop="description"]');
    if (bio) blocks([...bio.children], a.bio, true);
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
    },
    /** Marks the smallest part around `pos` (the editor's cursor). */
    highlight(pos) {
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
      return anchors.filter((a) => a.top).map((a) => {
        const r = a.el.getBoundingClientRect();
        return { from: a.from, to: a.to, top: r.top + y, bottom: r.bottom + y };
      });
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
