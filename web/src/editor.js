// The CodeMirror editor: Markdown highlighting, Galley's diagnostics in place, quick fixes.
import { EditorState, EditorSelection } from '@codemirror/state';
import {
  EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter,
  drawSelection, placeholder as placeholderText,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { HighlightStyle, LanguageSupport, syntaxHighlighting } from '@codemirror/language';
import { markdownLanguage } from '@codemirror/lang-markdown';
import { search, searchKeymap, highlightSelectionMatches } from '@codemirror/search';
import { setDiagnostics, lintGutter, lintKeymap, forEachDiagnostic } from '@codemirror/lint';
import { tags } from '@lezer/highlight';

const highlight = HighlightStyle.define([
  { tag: tags.heading, fontWeight: '700', color: 'var(--syntax-heading)' },
  { tag: tags.emphasis, fontStyle: 'italic' },
  { tag: tags.strong, fontWeight: '700' },
  { tag: tags.strikethrough, textDecoration: 'line-through' },
  { tag: [tags.link, tags.url], color: 'var(--syntax-link)' },
  { tag: tags.monospace, fontFamily: 'var(--mono)', color: 'var(--syntax-code)' },
  { tag: tags.quote, color: 'var(--syntax-quote)' },
  { tag: [tags.processingInstruction, tags.meta, tags.contentSeparator], color: 'var(--syntax-mark)' },
  { tag: tags.list, color: 'var(--syntax-mark)' },
]);

const theme = EditorView.theme({
  '&': { height: '100%', color: 'var(--text)', backgroundColor: 'var(--editor-bg)' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.55', fontSize: '0.9rem' },
  '.cm-content': { caretColor: 'var(--text)', padding: '0.5rem 0' },
  '.cm-line': { padding: '0 0.75rem 0 0.5rem' },
  '.cm-gutters': { backgroundColor: 'var(--editor-gutter)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine': { backgroundColor: 'var(--active-line)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--active-line)', color: 'var(--text)' },
  '&.cm-focused': { outline: 'none' },
  '.cm-selectionBackground, &.cm-focused .cm-selectionBackground, ::selection': { backgroundColor: 'var(--selection) !important' },
  '.cm-placeholder': { color: 'var(--muted)' },
  '.cm-tooltip': { backgroundColor: 'var(--surface)', color: 'var(--text)', border: '1px solid var(--border)', borderRadius: '6px', boxShadow: 'var(--shadow)' },
  '.cm-tooltip-lint': { maxWidth: 'min(32rem, 90vw)' },
  '.cm-diagnostic': { padding: '0.4rem 0.6rem', borderLeftWidth: '4px' },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--error)' },
  '.cm-diagnostic-warning': { borderLeftColor: 'var(--warning)' },
  '.cm-diagnostic-info': { borderLeftColor: 'var(--info)' },
  '.cm-diagnosticAction': { backgroundColor: 'var(--accent)', color: 'var(--on-accent)', borderRadius: '4px', padding: '0.15rem 0.5rem', font: 'inherit', fontSize: '0.85em' },
  '.cm-panels': { backgroundColor: 'var(--surface)', color: 'var(--text)' },
  '.cm-panels.cm-panels-bottom': { borderTop: '1px solid var(--border)' },
  '.cm-textfield, .cm-button': { font: 'inherit', fontSize: '0.85rem' },
  '.cm-searchMatch': { backgroundColor: 'var(--search-match)' },
});

/** The rule's documentation page, built from the rule catalogue. */
export function ruleDocUrl(rule) {
  return `./rules.html#${rule.replace(/[^a-z0-9]+/gi, '-')}`;
}

function renderMessage(d) {
  return () => {
    const box = document.createElement('div');
    box.className = 'diag-message';
    const text = document.createElement('span');
    text.textContent = d.message;
    const link = document.createElement('a');
    link.href = ruleDocUrl(d.rule);
    link.target = '_blank';
    link.rel = 'noopener';
    link.className = 'diag-rule';
    link.textContent = d.rule;
    link.title = `About the rule ${d.rule}`;
    box.append(text, ' ', link);
    return box;
  };
}

/** A label for a fix, e.g. Replace “90 %” with “90%”. */
export function fixLabel(fix, source) {
  const before = source.slice(fix.offset, fix.endOffset);
  const show = (s) => `“${s.length > 24 ? `${s.slice(0, 23)}…` : s.replace(/\u00a0/g, '⍽')}”`;
  if (!before) return `Insert ${show(fix.text)}`;
  if (!fix.text) return `Remove ${show(before)}`;
  return `Replace ${show(before)} with ${show(fix.text)}`;
}

/**
 * Creates the editor in `parent`.
 * @param {object} o
 * @param {HTMLElement} o.parent
 * @param {string} o.doc initial text
 * @param {(view: EditorView, update: import('@codemirror/view').ViewUpdate) => void} o.onChange
 * @param {(view: EditorView) => void} o.onSelection
 * @param {() => void} o.onScroll
 * @param {(event: ClipboardEvent, view: EditorView) => boolean} o.onPaste
 * @param {() => boolean} o.fixAll
 */
export function createEditor({ parent, doc, onChange, onSelection, onScroll, onPaste, fixAll }) {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        lineNumbers(),
        lintGutter(),
        highlightActiveLineGutter(),
        history(),
        drawSelection(),
        highlightActiveLine(),
        highlightSelectionMatches(),
        search({ top: true }),
        new LanguageSupport(markdownLanguage),
        syntaxHighlighting(highlight),
        EditorView.lineWrapping,
        placeholderText('Paste or type an article here — or pick a sample above.'),
        // tabindex: contenteditable is focusable anyway; saying so lets checkers see the scroller is reachable.
        EditorView.contentAttributes.of({ 'aria-label': 'Article source', spellcheck: 'true', lang: 'en', tabindex: '0' }),
        keymap.of([
          { key: 'Mod-.', run: applyFixAtCursor },
          { key: 'Alt-Shift-f', run: () => fixAll() },
          ...lintKeymap,
          ...searchKeymap,
          ...historyKeymap,
          ...defaultKeymap,
        ]),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange(update.view, update);
          if (update.selectionSet) onSelection(update.view);
        }),
        EditorView.domEventHandlers({
          paste: (event, v) => onPaste(event, v),
          scroll: () => onScroll(),
        }),
        theme,
      ],
    }),
  });
  return view;
}

/**
 * Shows Galley's diagnostics in the editor. `source` is the text they were computed for; the
 * caller only passes results for the current document.
 */
export function showDiagnostics(view, diagnostics, source) {
  const length = view.state.doc.length;
  const list = [];
  for (const d of diagnostics) {
    if (d.rule === 'input/mode') continue;  // about the whole text: shown in the status bar
    // An empty finding with a fix (e.g. a space to remove) is underlined where the fix applies.
    let start = d.offset;
    let end = d.endOffset;
    if (end <= start && d.fix && d.fix.endOffset > d.fix.offset) {
      start = Math.min(start, d.fix.offset);
      end = Math.max(end, d.fix.endOffset);
    }
    const from = Math.min(start, length);
    const to = Math.min(Math.max(end, from), length);
    const item = {
      from,
      to,
      severity: d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'info',
      message: `${d.message} (${d.rule})`,
      renderMessage: renderMessage(d),
      galley: d,
    };
    if (d.fix) {
      const fix = d.fix;
      item.actions = [{
        name: fixLabel(fix, source),
        apply(v, curFrom) {
          // The diagnostic may have moved with edits since: move the fix with it.
          const shift = curFrom - from;
          v.dispatch({
            changes: { from: fix.offset + shift, to: fix.endOffset + shift, insert: fix.text },
            userEvent: 'input.fix',
          });
        },
      }];
    }
    list.push(item);
  }
  view.dispatch(setDiagnostics(view.state, list));
}

/** Applies the fix of the first fixable diagnostic at the cursor. */
function applyFixAtCursor(view) {
  const pos = view.state.selection.main.head;
  let action = null;
  let at = 0;
  forEachDiagnostic(view.state, (d, from, to) => {
    if (!action && d.actions?.length && pos >= from && pos <= to) {
      action = d.actions[0];
      at = from;
    }
  });
  if (!action) return false;
  action.apply(view, at, at);
  return true;
}

/** Selects [from, to) and scrolls it into the middle of the editor. */
export function selectRange(view, from, to, focus = true) {
  const length = view.state.doc.length;
  const a = Math.min(Math.max(from, 0), length);
  const b = Math.min(Math.max(to, a), length);
  view.dispatch({
    selection: EditorSelection.single(a, b),
    effects: EditorView.scrollIntoView(a, { y: 'center' }),
  });
  if (focus) view.focus();
}

/** Replaces the whole text as one undoable change, touching only the part that differs. */
export function replaceText(view, text, userEvent = 'input.replace') {
  const old = view.state.doc.toString();
  if (old === text) return false;
  let start = 0;
  const max = Math.min(old.length, text.length);
  while (start < max && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  let endOld = old.length;
  let endNew = text.length;
  while (endOld > start && endNew > start && old.charCodeAt(endOld - 1) === text.charCodeAt(endNew - 1)) {
    endOld--;
    endNew--;
  }
  view.dispatch({ changes: { from: start, to: endOld, insert: text.slice(start, endNew) }, userEvent });
  return true;
}
