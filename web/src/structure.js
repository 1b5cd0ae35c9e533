// The structure panel: the parts Galley recognised, how sure it is, and why; each selects its source.

function el(tag, className, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}

const clip = (s, n = 90) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const reasonText = (r) => (r ? r.replace(/[-_]+/g, ' ') : '');

function confidence(part) {
  if (part?.confidence === undefined) return null;
  const pct = Math.round(part.confidence * 100);
  const level = part.confidence >= 0.9 ? 'high' : part.confidence >= 0.6 ? 'mid' : 'low';
  const badge = el('span', `confidence ${level}`, `${pct}%`);
  badge.title = `Confidence ${pct}%${part.reason ? ` — ${reasonText(part.reason)}` : ''}`;
  return badge;
}

/**
 * @param {HTMLElement} root the <ol>
 * @param {(span) => void} onPick
 */
export function createStructure(root, onPick) {
  function entry(kind, text, span, how, extra) {
    const li = el('li', 'part');
    const label = el('span', 'part-kind', kind);
    const body = el('span', 'part-text', text);
    const badge = confidence(how);
    const reason = how?.reason ? el('span', 'part-reason', reasonText(how.reason)) : null;
    if (span) {
      const button = el('button', 'part-button', label, body);
      button.type = 'button';
      button.addEventListener('click', () => onPick(span));
      li.append(button);
    } else {
      li.append(el('span', 'part-button missing', label, body));
    }
    if (badge || reason) li.append(el('span', 'part-how', ...[badge, reason].filter(Boolean)));
    if (extra) li.append(extra);
    return li;
  }

  return {
    update(model) {
      if (!model) {
        root.replaceChildren();
        return;
      }
      const items = [];
      items.push(model.headline
        ? entry('Headline', clip(model.headline.text), model.headline.span, model.headline)
        : entry('Headline', 'not found', null));
      if (model.dek) items.push(entry('Dek', clip(model.dek.text), model.dek.span, model.dek));
      if (model.byline?.length) {
        items.push(entry('Byline', model.byline.map((p) => p.name).join(', '), model.byline[0].span, model.bylineSource));
      }
      if (model.dateline) items.push(entry('Dateline', model.dateline, null));
      const sections = el('ol', 'sub-parts');
      for (const s of model.sections) {
        const words = s.blocks.length;
        const li = s.heading
          ? entry(`H${s.level}`, clip(s.heading.text), s.heading.span, s.heading)
          : entry('Lead', `${words} ${words === 1 ? 'block' : 'blocks'} without a heading`, s.span);
        li.classList.add(`level-${s.heading ? s.level : 2}`);
        sections.append(li);
      }
      items.push(entry('Sections', `${model.sections.length}`, null, null, sections));
      if (model.takeaways) {
        const t = model.takeaways;
        const list = el('ol', 'sub-parts');
        t.items.forEach((item, i) => list.append(entry(`${i + 1}`, clip(item.text, 70), item.span)));
        items.push(entry('Takeaways', `${clip(t.heading?.text ?? '')} — ${t.items.length} ${t.items.length === 1 ? 'item' : 'items'}`, t.span, t, list));
      } else {
        items.push(entry('Takeaways', 'not found', null));
      }
      if (model.credits) {
        const c = model.credits;
        const names = c.people.map((p) => p.name + (p.location ? ` (${p.location})` : '')).join(', ');
        items.push(entry('Credits', clip(names || c.text?.text || ''), c.span, c));
      } else {
        items.push(entry('Credits', 'not found', null));
      }
      if (model.authorBox) {
        const a = model.authorBox;
        items.push(entry('Author box', a.name + (a.role ? ` — ${a.role}` : ''), a.span, a));
      } else {
        items.push(entry('Author box', 'not found', null));
      }
      if (model.quotes?.length) {
        const list = el('ol', 'sub-parts');
        for (const q of model.quotes) {
          const who = q.speaker ? q.speaker : q.scare ? 'scare quote' : 'no speaker';
          list.append(entry(q.kind === 'block' ? 'Block' : 'Quote', `“${clip(q.text, 60)}” — ${who}`, q.span, q.speaker ? q : null));
        }
        items.push(entry('Quotes', `${model.quotes.length}`, null, null, list));
      }
      const m = model.meta;
      if (m) items.push(entry('Length', `${m.wordCount} words, ${m.readingMinutes} min read`, null));
      root.replaceChildren(...items);
    },
  };
}
