// The demo editor: ties the editor, Galley, the preview, the outputs and the report together.
import { createEngine } from './engine.js';
import { createEditor, showDiagnostics, selectRange, replaceText } from './editor.js';
import { createPreview } from './preview.js';
import { createProblems } from './problems.js';
import { createStructure } from './structure.js';
import { tabs } from './tabs.js';
import { htmlToText, isRichArticle } from './paste.js';
import { samples, defaultSampleId } from './samples.js';

const $ = (selector) => document.querySelector(selector);
const KEY_TEXT = 'galley-demo:text';
const KEY_OPTIONS = 'galley-demo:options';
const KEY_FILTERS = 'galley-demo:filters';

const store = {
  get(key, fallback) {
    try {
      const raw = localStorage.getItem(key);
      return raw === null ? fallback : JSON.parse(raw);
    } catch {
      return fallback;
    }
  },
  set(key, value) {
    try {
      localStorage.setItem(key, JSON.stringify(value));
      return true;
    } catch {
      return false;  // private mode or quota: the page still works, it just forgets
    }
  },
};

const defaults = { profile: 'news', locale: 'en', input: 'auto', typography: true };
const options = { ...defaults, ...store.get(KEY_OPTIONS, {}) };
const shown = { error: true, warning: true, info: true, ...store.get(KEY_FILTERS, {}) };
let output = 'preview';
let last = null;  // { source, result }

const pluralise = (n, word) => `${n} ${word}${n === 1 ? '' : word.endsWith('x') ? 'es' : 's'}`;

// ----- announcements (a polite live region that also shows as a toast)
const announcer = $('#announcer');
let toastTimer = 0;
function announce(message) {
  announcer.textContent = message;
  announcer.classList.add('visible');
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => announcer.classList.remove('visible'), 3500);
}

// ----- options
const controls = {
  profile: $('#opt-profile'),
  locale: $('#opt-locale'),
  input: $('#opt-input'),
  typography: $('#opt-typography'),
};
for (const [name, control] of Object.entries(controls)) {
  if (control.type === 'checkbox') control.checked = options[name] !== false;
  else if ([...control.options].some((o) => o.value === options[name])) control.value = options[name];
  else options[name] = defaults[name];
  control.addEventListener('change', () => {
    options[name] = control.type === 'checkbox' ? control.checked : control.value;
    store.set(KEY_OPTIONS, options);
    refresh();
  });
}

function galleyOptions(outputs, extra = {}) {
  return {
    input: options.input,
    profile: options.profile,
    locale: options.locale,
    typography: { html: options.typography !== false },
    outputs,
    ...extra,
  };
}

// ----- the engine, the editor and the panes
const engine = await createEngine();
const saved = store.get(KEY_TEXT, null);

let saveTimer = 0;
const savedStatus = $('#status-saved');
function scheduleSave() {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    const ok = store.set(KEY_TEXT, view.state.doc.toString());
    savedStatus.textContent = ok ? 'Saved in this browser' : 'Not saved (storage is off)';
  }, 400);
}

const view = createEditor({
  parent: $('#editor'),
  doc: typeof saved === 'string' ? saved : '',
  onChange: () => {
    savedStatus.textContent = 'Editing…';
    scheduleSave();
    refresh();
  },
  onSelection: (v) => preview.highlight(v.state.selection.main.head),
  onScroll: () => syncFrom('editor'),
  onPaste,
  fixAll: () => {
    fixAll();
    return true;
  },
});

const preview = createPreview($('#preview'), {
  onPick(from, to) {
    selectRange(view, from, to);
  },
  onScroll: () => syncFrom('preview'),
});

const problems = createProblems({
  list: $('#problem-list'),
  empty: $('#problems-empty'),
  filters: $('.filters'),
  shown,
  onJump: (d) => selectRange(view, d.offset, d.endOffset),
  onFix: (d) => applyFix(d),
  onFilter: (s) => store.set(KEY_FILTERS, s),
});

const structure = createStructure($('#outline'), (span) => selectRange(view, span.offset, span.endOffset));

// ----- formatting: every change asks Galley; only the newest answer is shown
let busy = false;
let again = false;
async function refresh() {
  if (busy) {
    again = true;
    return;
  }
  busy = true;
  try {
    do {
      again = false;
      const doc = view.state.doc;
      const source = doc.toString();
      const outputs = ['html', 'json'];
      if (output === 'markdown' || output === 'jsonld') outputs.push(output);
      let result;
      try {
        result = await engine.format(source, galleyOptions(outputs));
      } catch (error) {
        showError(error);
        continue;
      }
      if (result && view.state.doc === doc && !again) show(source, result);
    } while (again);
  } finally {
    busy = false;
  }
}

function showError(error) {
  $('#status-mode').textContent = `Galley refused the text: ${error.message}`;
  announce(`Galley refused the text: ${error.message}`);
}


function show(source, result) {
  last = { source, result };
  const empty = source.trim() === '';
  preview.show(empty ? '<p class="demo-empty">Your formatted article appears here. Type or paste an article on the left, or load a sample from the menu at the top.</p>' : result.html, empty ? null : result.article);
  showDiagnostics(view, result.diagnostics, source);
  problems.update(result.diagnostics, source);
  structure.update(empty ? null : result.article);
  showCode();
  const c = problems.counts();
  $('#count-error').textContent = pluralise(c.error, 'error');
  $('#count-warning').textContent = pluralise(c.warning, 'warning');
  $('#count-info').textContent = pluralise(c.info, 'note');
  $('#problem-badge').textContent = result.diagnostics.length;
  const fix = $('#fix-all');
  fix.disabled = c.fixable === 0;
  fix.textContent = c.fixable ? `Fix all (${c.fixable})` : 'Fix all';
  const modeName = { markdown: 'Markdown', text: 'plain text', json: 'JSON' }[result.mode] ?? result.mode;
  $('#status-mode').textContent = `Read as ${modeName}${options.input === 'auto' ? ' (auto)' : ''}`;
  const s = result.stats ?? {};
  $('#status-words').textContent = `${pluralise(s.words ?? 0, 'word')} · ${s.readingMinutes ?? 0} min read`;
  $('#status-time').textContent = s.timings ? `Formatted in ${s.timings.totalMs.toFixed(1)} ms` : '';
  preview.highlight(view.state.selection.main.head);
  document.body.dataset.ready = 'true';
}

// ----- fixes
function applyFix(d) {
  if (!last || view.state.doc.toString() !== last.source || !d.fix) return;
  view.dispatch({ changes: { from: d.fix.offset, to: d.fix.endOffset, insert: d.fix.text }, userEvent: 'input.fix' });
  announce(`Fixed: ${d.message}`);
}

async function fixAll() {
  const source = view.state.doc.toString();
  let result;
  try {
    result = await engine.fix(source, galleyOptions([]));
  } catch (error) {
    showError(error);
    return;
  }
  if (view.state.doc.toString() !== source) return;  // typed meanwhile: let the user try again
  if (!replaceText(view, result.source, 'input.fix')) {
    announce('Nothing to fix automatically.');
    return;
  }
  const n = result.applied.length;
  announce(`Applied ${pluralise(n, 'fix')}. Ctrl+Z undoes them.`);
}
$('#fix-all').addEventListener('click', fixAll);
window.addEventListener('keydown', (event) => {
  if (event.altKey && event.shiftKey && event.code === 'KeyF' && !view.hasFocus) {
    event.preventDefault();
    fixAll();
  }
});

// ----- output tabs, copy and download
const codeOutput = $('#code-output');
const codeText = codeOutput.querySelector('code');
const outputNames = { preview: 'Preview', html: 'HTML', markdown: 'Markdown', json: 'JSON', jsonld: 'JSON-LD' };

function codeFor(name, result) {
  if (!result) return '';
  if (name === 'html') return result.html ?? '';
  if (name === 'markdown') return result.markdown ?? '';
  if (name === 'json') return JSON.stringify(result.article, null, 2);
  if (name === 'jsonld') {
    try {
      return JSON.stringify(JSON.parse(result.jsonld), null, 2);
    } catch {
      return result.jsonld ?? '';
    }
  }
  return '';
}

function showCode() {
  if (output === 'preview') return;
  const text = codeFor(output, last?.result);
  if (text !== undefined && codeText.textContent !== text) codeText.textContent = text;
}

tabs($('#output-tabs'), (tab) => {
  output = tab.dataset.output;
  $('#panel-preview').hidden = output !== 'preview';
  $('#panel-code').hidden = output === 'preview';
  $('#panel-code').setAttribute('aria-labelledby', tab.id);
  codeOutput.setAttribute('aria-label', `${outputNames[output]} output`);
  $('#copy-output').textContent = output === 'preview' ? 'Copy article' : `Copy ${outputNames[output]}`;
  $('#download-output').textContent = output === 'preview' ? 'Download page' : 'Download';
  if (last && (output === 'markdown' || output === 'jsonld') && last.result[output] === undefined) refresh();
  else showCode();
});

function slug() {
  const title = last?.result?.article?.headline?.text ?? '';
  return title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'article';
}

async function exportText(name) {
  const source = view.state.doc.toString();
  const outputs = { preview: ['html'], html: ['html'], markdown: ['markdown'], json: ['json'], jsonld: ['jsonld'] }[name];
  const result = await engine.format(source, galleyOptions([...outputs, 'text'], { document: name === 'preview' }), 'export');
  if (result === null) return null;
  return { text: name === 'preview' ? result.html : codeFor(name, result), plain: result.text ?? '' };
}

async function copyText(text, html) {
  try {
    if (html && window.ClipboardItem) {
      await navigator.clipboard.write([new ClipboardItem({
        'text/html': new Blob([html], { type: 'text/html' }),
        'text/plain': new Blob([text], { type: 'text/plain' }),
      })]);
    } else {
      await navigator.clipboard.writeText(text);
    }
    return true;
  } catch {
    const area = Object.assign(document.createElement('textarea'), { value: text });
    area.setAttribute('readonly', '');
    area.className = 'visually-hidden';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

$('#copy-output').addEventListener('click', async () => {
  const name = output;
  const got = name === 'preview'
    ? { text: last?.result?.html ?? '', plain: $('#preview').contentDocument?.body?.innerText ?? '' }
    : { text: codeFor(name, last?.result) };
  const ok = name === 'preview' ? await copyText(got.plain, got.text) : await copyText(got.text);
  announce(ok ? `Copied the ${name === 'preview' ? 'formatted article' : outputNames[name]}.` : 'The browser did not allow copying.');
});

$('#download-output').addEventListener('click', async () => {
  const name = output;
  const got = await exportText(name);
  if (!got) return;
  const ext = { preview: 'html', html: 'fragment.html', markdown: 'md', json: 'json', jsonld: 'jsonld' }[name];
  const type = { preview: 'text/html', html: 'text/html', markdown: 'text/markdown', json: 'application/json', jsonld: 'application/ld+json' }[name];
  const url = URL.createObjectURL(new Blob([got.text], { type: `${type};charset=utf-8` }));
  const link = Object.assign(document.createElement('a'), { href: url, download: `${slug()}.${ext}` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  announce(`Downloaded ${link.download}.`);
});

// ----- report tabs
const selectReportTab = tabs($('#report-tabs'), (tab) => {
  $('#panel-problems').hidden = tab.id !== 'tab-problems';
  $('#panel-structure').hidden = tab.id !== 'tab-structure';
});
$('#status-counts').addEventListener('click', () => {
  const tab = $('#tab-problems');
  selectReportTab(tab, true);
  tab.scrollIntoView({ block: 'nearest' });
});

// ----- scroll kept in step between the editor and the preview
let leader = null;
let leaderUntil = 0;
function syncFrom(side) {
  if (output !== 'preview') return;
  const now = performance.now();
  if (leader && leader !== side && now < leaderUntil) return;
  leader = side;
  leaderUntil = now + 120;
  const blocks = preview.blocks();
  if (!blocks.length) return;
  const scroller = view.scrollDOM;
  const spans = blocks.map((b, i) => {
    const next = blocks[i + 1];
    const eTop = view.lineBlockAt(Math.min(b.from, view.state.doc.length)).top;
    const eBottom = next ? view.lineBlockAt(Math.min(next.from, view.state.doc.length)).top
      : view.lineBlockAt(Math.min(b.to, view.state.doc.length)).bottom;
    return { eTop, eBottom, pTop: b.top, pBottom: next ? next.top : b.bottom };
  });
  const map = (y, fromTop, fromBottom, toTop, toBottom) => {
    let i = spans.length - 1;
    while (i > 0 && spans[i][fromTop] > y) i--;
    const s = spans[i];
    const f = Math.min(Math.max((y - s[fromTop]) / Math.max(s[fromBottom] - s[fromTop], 1), 0), 1);
    return s[toTop] + f * (s[toBottom] - s[toTop]);
  };
  if (side === 'editor') {
    const atEnd = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2;
    const y = scroller.scrollTop - view.documentPadding.top;
    const target = scroller.scrollTop <= 0 ? 0 : atEnd ? 1e9 : map(y, 'eTop', 'eBottom', 'pTop', 'pBottom');
    preview.scrollTo(target);
  } else {
    const y = preview.scrollTop;
    const target = y <= 0 ? 0 : map(y, 'pTop', 'pBottom', 'eTop', 'eBottom') + view.documentPadding.top;
    scroller.scrollTop = target;
  }
}

// ----- inputs: samples, files, drops, rich-text paste
const sampleSelect = $('#sample');
{
  const groups = new Map();
  for (const s of samples) {
    if (!groups.has(s.group)) {
      const g = document.createElement('optgroup');
      g.label = s.groupLabel;
      groups.set(s.group, g);
      sampleSelect.append(g);
    }
    const option = new Option(`${s.title}${s.year ? ` (${s.year})` : ''}`, s.id);
    groups.get(s.group).append(option);
  }
}

async function loadSample(id, { quiet = false } = {}) {
  const sample = samples.find((s) => s.id === id);
  if (!sample) return;
  const text = await sample.load();
  openText(text, quiet ? null : `Loaded the sample “${sample.title}”. Ctrl+Z brings your text back.`);
}

function openText(text, message) {
  const normalised = text.replace(/\r\n?/g, '\n');
  view.dispatch({
    changes: { from: 0, to: view.state.doc.length, insert: normalised },
    selection: { anchor: 0 },
    scrollIntoView: true,
    userEvent: 'input.open',
  });
  preview.scrollTo(0);
  if (message) announce(message);
}

sampleSelect.addEventListener('change', async () => {
  const id = sampleSelect.value;
  if (!id) return;
  await loadSample(id);
  sampleSelect.value = '';
});

$('#new-article').addEventListener('click', () => {
  openText('', 'Started a new article. Ctrl+Z brings the old text back.');
  view.focus();
});

const fileInput = $('#file-input');
$('#open-file').addEventListener('click', () => fileInput.click());
fileInput.addEventListener('change', async () => {
  const file = fileInput.files?.[0];
  if (file) await openFile(file);
  fileInput.value = '';
});

const TEXT_FILE = /\.(md|markdown|mdown|txt|text)$/i;
async function openFile(file) {
  if (!TEXT_FILE.test(file.name) && !file.type.startsWith('text/')) {
    announce(`“${file.name}” is not a .md or .txt file.`);
    return;
  }
  if (file.size > 8 * 1024 * 1024) {
    announce(`“${file.name}” is larger than 8 MB.`);
    return;
  }
  openText(await file.text(), `Opened “${file.name}”. Ctrl+Z brings your text back.`);
  view.focus();
}

const overlay = $('#drop-overlay');
const hasFiles = (event) => [...(event.dataTransfer?.types ?? [])].includes('Files');
window.addEventListener('dragover', (event) => {
  if (!hasFiles(event)) return;
  event.preventDefault();
  event.stopPropagation();
  event.dataTransfer.dropEffect = 'copy';
  overlay.hidden = false;
}, true);
window.addEventListener('dragleave', (event) => {
  if (!event.relatedTarget) overlay.hidden = true;
}, true);
window.addEventListener('drop', (event) => {
  if (!hasFiles(event)) return;
  event.preventDefault();
  event.stopPropagation();
  overlay.hidden = true;
  const file = event.dataTransfer.files[0];
  if (file) openFile(file);
}, true);

function onPaste(event, v) {
  const data = event.clipboardData;
  const html = data?.getData('text/html');
  if (!html || !isRichArticle(html)) return false;  // CodeMirror pastes the plain text
  const text = htmlToText(html, { markdown: options.input === 'markdown' });
  if (!text) return false;
  event.preventDefault();
  v.dispatch(v.state.replaceSelection(text), { userEvent: 'input.paste', scrollIntoView: true });
  announce('Pasted the web page as text: one paragraph a line.');
  return true;
}

// ----- the toolbar's options fold away on narrow screens
const more = $('#more-toggle');
more.addEventListener('click', () => {
  const open = more.getAttribute('aria-expanded') !== 'true';
  more.setAttribute('aria-expanded', String(open));
  $('.toolbar').classList.toggle('more-open', open);
});

// ----- shortcuts dialog, skip link
const dialog = $('#shortcuts');
if (!/Mac|iPhone|iPad/.test(navigator.platform)) {
  // keep "Ctrl"
} else {
  for (const k of document.querySelectorAll('kbd.mod')) k.textContent = '⌘';
}
$('#show-shortcuts').addEventListener('click', () => dialog.showModal());
document.querySelector('.skip-link').addEventListener('click', (event) => {
  event.preventDefault();
  view.focus();
});

// ----- start: the theme, the text, offline support
const themeResult = await engine.format('', { outputs: ['html'], document: true }, 'theme');
const themeCss = [...(themeResult?.html ?? '').matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1]).join('\n');
await preview.setTheme(themeCss);

if (typeof saved !== 'string') {
  await loadSample(defaultSampleId, { quiet: true });
} else {
  savedStatus.textContent = 'Restored from this browser';
  refresh();
}

if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  navigator.serviceWorker.register('./sw.js').then(() => navigator.serviceWorker.ready).then(() => {
    document.body.dataset.offline = 'ready';
  }).catch(() => {});
}

// For the curious (and the tests): the editor's text and selection, and Galley itself, from the console.
window.galleyDemo = Object.freeze({
  engine,
  get text() { return view.state.doc.toString(); },
  get selection() {
    const { from, to } = view.state.selection.main;
    return { from, to, text: view.state.sliceDoc(from, to) };
  },
  get result() { return last?.result ?? null; },
});
