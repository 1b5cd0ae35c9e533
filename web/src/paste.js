// Rich text from a web page → text lines: one paragraph a line, headings and list items on their own.

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'SVG', 'CANVAS', 'BUTTON', 'SELECT', 'INPUT', 'TEXTAREA', 'NAV']);
const BLOCK = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'ASIDE', 'MAIN', 'BLOCKQUOTE', 'FIGURE',
  'FIGCAPTION', 'UL', 'OL', 'LI', 'DL', 'DT', 'DD', 'TABLE', 'THEAD', 'TBODY', 'TR', 'PRE', 'HR', 'ADDRESS',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/** True when the clipboard's HTML has document structure worth reading (not just styled text). */
export function isRichArticle(html) {
  return /<(p|h[1-6]|li|article|blockquote)[\s>]/i.test(html);
}

/**
 * Turns HTML into lines. With `markdown`, headings get `#` marks and paragraphs blank lines
 * between them; otherwise the result is the plain-text form Galley reads from news sites.
 */
export function htmlToText(html, { markdown = false } = {}) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const out = [];
  let line = '';
  let prefix = '';

  const flush = () => {
    const text = line.replace(/[ \t\r\n]+/g, ' ').trim();
    if (text) out.push({ text: prefix + text, item: prefix !== '' });
    line = '';
    prefix = '';
  };

  const walk = (node, listStack) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        line += child.data;
        continue;
      }
      if (child.nodeType !== Node.ELEMENT_NODE) continue;
      const tag = child.tagName.toUpperCase();
      if (SKIP.has(tag) || child.hidden || child.getAttribute('aria-hidden') === 'true') continue;
      if (tag === 'BR') {
        flush();
        continue;
      }
      if (tag === 'IMG') {
        continue;
      }
      if (tag === 'PRE') {
        flush();
        for (const l of child.textContent.split('\n')) if (l.trim()) out.push({ text: l.trimEnd(), item: false });
        continue;
      }
      const block = BLOCK.has(tag);
      if (block) flush();
      if (tag === 'UL' || tag === 'OL') {
        walk(child, [...listStack, { ordered: tag === 'OL', n: Number(child.getAttribute('start') || 1) }]);
        flush();
        continue;
      }
      if (tag === 'LI') {
        const list = listStack[listStack.length - 1];
        prefix = list?.ordered ? `${list.n++}. ` : '- ';
      } else if (/^H[1-6]$/.test(tag) && markdown) {
        prefix = `${'#'.repeat(Number(tag[1]))} `;
      }
      walk(child, listStack);
      if (block) flush();
    }
  };
  walk(doc.body, []);
  flush();

  if (!markdown) return out.map((l) => l.text).join('\n');
  // Markdown: blank lines between blocks, but list items stay together.
  let text = '';
  out.forEach((l, i) => {
    if (i > 0) text += l.item && out[i - 1].item ? '\n' : '\n\n';
    text += l.text;
  });
  return text;
}
