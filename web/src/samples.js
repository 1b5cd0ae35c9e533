// The sample articles from tests/samples, bundled at build time and loaded when picked.

const files = import.meta.glob(['../../tests/samples/*.txt', '../../tests/samples/*/*.{md,txt}'], {
  query: '?raw',
  import: 'default',
});
// Titles from the front matter, read at build time (see build/sample-titles.js).
const titles = import.meta.glob(['../../tests/samples/*.txt', '../../tests/samples/*/*.{md,txt}'], {
  query: '?sample-title',
  import: 'default',
  eager: true,
});

const groups = {
  '': 'News article (pasted text)',
  digitalgov: 'Digital.gov posts (Markdown, CC0)',
  '18f': '18F blog posts (Markdown, CC0)',
};

function titleOf(name) {
  const words = name.replace(/^\d{4}-\d{2}-\d{2}-/, '').replace(/\.\w+$/, '').split('-');
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The samples as {id, group, title, year, load()} in menu order (the news sample first). */
export const samples = Object.entries(files)
  .map(([path, load]) => {
    const rel = path.replace(/^.*\/tests\/samples\//, '');
    const parts = rel.split('/');
    const group = parts.length > 1 ? parts[0] : '';
    const name = parts[parts.length - 1];
    const year = name.match(/^(\d{4})-/)?.[1] ?? '';
    return { id: rel, group, groupLabel: groups[group] ?? group, title: titles[path] || titleOf(name), year, load };
  })
  .sort((a, b) => (a.group !== '') - (b.group !== '') || b.group.localeCompare(a.group)
    || b.year.localeCompare(a.year) || a.title.localeCompare(b.title));

/** The sample a first visit starts with. */
export const defaultSampleId = 'security-guarantees.txt';
