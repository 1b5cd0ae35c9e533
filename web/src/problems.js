// The problems panel: every diagnostic with severity, message and place; jump, fix, filter.
import { fixLabel, ruleDocUrl } from './editor.js';

const SEVERITIES = ['error', 'warning', 'info'];
const ORDER = { error: 0, warning: 1, info: 2 };

function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function dot(severity) {
  const span = el('span', { className: `sev-dot ${severity}` });
  span.setAttribute('aria-hidden', 'true');
  return span;
}

/**
 * @param {object} o
 * @param {HTMLElement} o.list the <ul>
 * @param {HTMLElement} o.empty the note shown when nothing is listed
 * @param {HTMLElement} o.filters the group of filter buttons
 * @param {Record<string, boolean>} o.shown severities shown (kept by the caller)
 * @param {(d) => void} o.onJump
 * @param {(d) => void} o.onFix
 * @param {(shown) => void} o.onFilter
 */
export function createProblems({ list, empty, filters, shown, onJump, onFix, onFilter }) {
  let diagnostics = [];
  let source = '';

  for (const button of filters.querySelectorAll('[data-severity]')) {
    const severity = button.dataset.severity;
    button.setAttribute('aria-pressed', String(shown[severity] !== false));
    button.addEventListener('click', () => {
      shown[severity] = shown[severity] === false;
      button.setAttribute('aria-pressed', String(shown[severity]));
      onFilter(shown);
      render();
    });
  }

  function item(d, index) {
    const where = `Line ${d.line}, column ${d.column}`;
    const jump = el('button', { type: 'button', className: 'problem-jump', title: `Go to ${where.toLowerCase()}` },
      dot(d.severity),
      el('span', { className: 'visually-hidden' }, `${d.severity === 'info' ? 'note' : d.severity}: `),
      el('span', { className: 'problem-message' }, d.message),
      el('span', { className: 'problem-meta' },
        el('span', { className: 'problem-rule' }, d.rule),
        el('span', { className: 'problem-where' }, `${d.line}:${d.column}`)));
    jump.addEventListener('click', () => onJump(d));
    const li = el('li', { className: `problem ${d.severity}` }, jump);
    li.dataset.rule = d.rule;
    li.dataset.index = index;
    const actions = el('span', { className: 'problem-actions' });
    if (d.fix) {
      const label = fixLabel(d.fix, source);
      const fix = el('button', { type: 'button', className: 'button small problem-fix', title: label }, 'Fix');
      fix.setAttribute('aria-label', `Fix: ${label}`);
      fix.addEventListener('click', () => onFix(d));
      actions.append(fix);
    }
    const doc = el('a', { className: 'problem-doc', href: ruleDocUrl(d.rule), target: '_blank', rel: 'noopener', title: `About the rule ${d.rule} (opens a new tab)` }, '?');
    doc.setAttribute('aria-label', `About the rule ${d.rule}`);
    actions.append(doc);
    li.append(actions);
    return li;
  }

  function render() {
    // Keep keyboard focus on the same row when the list is rebuilt (e.g. after a fix).
    const focused = list.contains(document.activeElement) ? document.activeElement.closest('li') : null;
    const focusIndex = focused ? [...list.children].indexOf(focused) : -1;
    const visible = diagnostics
      .map((d, i) => [d, i])
      .filter(([d]) => shown[d.severity] !== false)
      .sort(([a], [b]) => a.offset - b.offset || ORDER[a.severity] - ORDER[b.severity]);
    list.replaceChildren(...visible.map(([d, i]) => item(d, i)));
    const hidden = diagnostics.length - visible.length;
    empty.hidden = visible.length > 0;
    empty.textContent = diagnostics.length === 0
      ? 'No problems found. Nice work!'
      : `${hidden} ${hidden === 1 ? 'problem is' : 'problems are'} hidden by the filters above.`;
    if (focusIndex >= 0) {
      const row = list.children[Math.min(focusIndex, list.children.length - 1)];
      (row?.querySelector('.problem-jump') ?? filters.querySelector('button'))?.focus();
    }
    for (const severity of SEVERITIES) {
      const count = diagnostics.filter((d) => d.severity === severity).length;
      const button = filters.querySelector(`[data-severity="${severity}"]`);
      const word = severity === 'info' ? 'note' : severity;
      button.querySelector('.filter-count').textContent = `${count} ${word}${count === 1 ? '' : 's'}`;
      button.title = `${shown[severity] === false ? 'Show' : 'Hide'} ${word}s`;
    }
  }

  return {
    /** Shows `list` (diagnostics computed for `text`). */
    update(next, text) {
      diagnostics = next;
      source = text;
      render();
    },
    counts() {
      const c = { error: 0, warning: 0, info: 0, fixable: 0 };
      for (const d of diagnostics) {
        c[d.severity] = (c[d.severity] ?? 0) + 1;
        if (d.fix) c.fixable++;
      }
      return c;
    },
  };
}
