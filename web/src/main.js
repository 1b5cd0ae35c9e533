// The demo page: formats the editor's text with Galley on every change.
import { createGalley } from 'galley';

const editor = document.querySelector('#editor');
const preview = document.querySelector('#preview');
const problems = document.querySelector('#problems');
const count = document.querySelector('#count');

const galley = await createGalley();

function render() {
  let result;
  try {
    result = galley.format(editor.value, { outputs: ['html'], document: true });
  } catch (error) {
    problems.replaceChildren(Object.assign(document.createElement('li'), { textContent: error.message }));
    return;
  }
  preview.srcdoc = result.html;
  const items = result.diagnostics.map((d) => {
    const li = document.createElement('li');
    li.className = `problem ${d.severity}`;
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = `${d.line}:${d.column} ${d.severity} ${d.message} (${d.rule})`;
    button.dataset.rule = d.rule;
    button.addEventListener('click', () => {
      editor.focus();
      editor.setSelectionRange(d.offset, Math.max(d.endOffset, d.offset));
    });
    li.append(button);
    return li;
  });
  problems.replaceChildren(...items);
  count.textContent = `(${result.diagnostics.length})`;
}

let timer = 0;
editor.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(render, 50);
});
render();
document.body.dataset.ready = 'true';
