// Accessible tabs (WAI-ARIA tabs pattern): click or arrow keys select, one tab stop per list.

/**
 * Wires the tabs of `tablist`. `onSelect(tab)` shows the tab's panel.
 * Returns `select(tab, focus)`.
 */
export function tabs(tablist, onSelect) {
  const all = () => [...tablist.querySelectorAll('[role="tab"]')];
  const select = (tab, focus = false) => {
    for (const t of all()) {
      const on = t === tab;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
    }
    onSelect(tab);
    if (focus) tab.focus();
  };
  tablist.addEventListener('click', (event) => {
    const tab = event.target.closest('[role="tab"]');
    if (tab) select(tab);
  });
  tablist.addEventListener('keydown', (event) => {
    const list = all();
    const i = list.indexOf(document.activeElement);
    if (i < 0) return;
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: list.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    select(list[(next + list.length) % list.length], true);
  });
  return select;
}
