// Vite plugin: `import title from './post.md?sample-title'` gives a sample's title from its front
// matter, so the sample menu shows real titles without bundling every sample into the page.
import { readFile } from 'node:fs/promises';

const QUERY = '?sample-title';

export function sampleTitles() {
  return {
    name: 'galley-sample-titles',
    enforce: 'pre',  // before Vite's asset plugin, which claims .txt files
    async load(id) {
      if (!id.endsWith(QUERY)) return null;
      const text = await readFile(id.slice(0, -QUERY.length), 'utf8');
      const front = text.match(/^---\r?\n([\s\S]*?)\r?\n---/)?.[1] ?? '';
      const title = (front.match(/^title:\s*(.+)$/m)?.[1].trim().replace(/^(['"])(.*)\1$/, '$2') ?? '')
        .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
        .replace(/&amp;/g, '&');
      return `export default ${JSON.stringify(title)};`;
    },
  };
}
