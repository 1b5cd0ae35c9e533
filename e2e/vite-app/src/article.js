// The article both pages start with, and how they show a result.
export const article = `# Harbour reopens after the storm

Ships returned to the port on Tuesday after two days of closure.

## What happened.

The storm closed the harbour for two days, the port authority said.

#### Too deep

Repairs to the outer wall will take three weeks.
`;

export function show(result, elements) {
  elements.article.innerHTML = result.html;
  elements.problems.replaceChildren(
    ...result.diagnostics.map((d) => {
      const item = document.createElement('li');
      item.textContent = `${d.line}:${d.column} ${d.severity} ${d.rule}`;
      return item;
    }),
  );
}

export function elements() {
  return {
    source: document.querySelector('#source'),
    status: document.querySelector('#status'),
    article: document.querySelector('#article'),
    problems: document.querySelector('#problems'),
  };
}
