// Type test of the package's declarations: compiled with `tsc --noEmit` by test/types.test.js.
// Uses the package through its own name, so the `exports` map and its `types` conditions are checked too.
// Lines marked @ts-expect-error must be refused: they prove the types are not `any`.
import { createGalley, errorCodes, GalleyError } from 'galley';
import type { Article, Block, Diagnostic, FormatResult, GalleyErrorCode, GalleyOptions, Inline, RuleInfo } from 'galley';
import { createGalleyWorker } from 'galley/worker';
import type { GalleyWorker, RequestOptions } from 'galley/worker';

const options: GalleyOptions = {
  input: 'markdown',
  outputs: ['html', 'markdown', 'json', 'jsonld', 'text'],
  profile: 'blog',
  rules: {
    'takeaways/count': ['warning', { min: 3, max: 5 }],
    'typography/straight-quotes': 'off',
    'headline/missing': ['error'],
  },
  locale: 'de-AT',
  typography: { html: true, markdown: false },
  classPrefix: 'article-',
  document: false,
  allowRawHtml: true,
  allowStyle: false,
  maxInputBytes: 1 << 20,
  layout: 'standard',
  suppress: [{ rule: 'typography/dash', startLine: 3, endLine: 4 }, { startLine: 9 }],
  labels: { takeaways: ['In brief'], credits: ['Reporting team'], author: ['The writer'] },
};

// @ts-expect-error: not an input mode
const badInput: GalleyOptions = { input: 'html' };
// @ts-expect-error: outputs is an array of names
const badOutputs: GalleyOptions = { outputs: 'html' };
// @ts-expect-error: unknown option
const unknownOption: GalleyOptions = { colour: 'red' };
// @ts-expect-error: not a severity
const badSeverity: GalleyOptions = { rules: { 'headline/missing': 'fatal' } };

function textOf(inlines: Inline[]): string {
  return inlines
    .map((node) => {
      switch (node.type) {
        case 'text':
        case 'code':
        case 'html':
          return node.text;
        case 'softbreak':
        case 'linebreak':
          return ' ';
        case 'footnoteReference':
          return `[^${node.label}]`;
        default:
          return textOf(node.children);
      }
    })
    .join('');
}

function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return block.text;
    case 'list':
      return block.items.map(blockText).join('\n');
    case 'item':
    case 'blockquote':
    case 'footnote':
      return block.blocks.map(blockText).join('\n');
    case 'code':
    case 'html':
      return block.text;
    case 'table':
      return block.rows.map((row) => row.cells.map(textOf).join('\t')).join('\n');
    case 'figure':
      return textOf(block.caption);
    default:
      return '';
  }
}

function outline(article: Article): string[] {
  const lines: string[] = [];
  if (article.headline) lines.push(`# ${article.headline.text} (${article.headline.confidence}, ${article.headline.reason})`);
  if (article.dek) lines.push(article.dek.text);
  for (const person of article.byline) lines.push(`By ${person.name}${person.role ? `, ${person.role}` : ''}`);
  for (const section of article.sections) {
    if (section.heading) lines.push(`${'#'.repeat(section.level)} ${section.heading.text} {#${section.id}}`);
    lines.push(...section.blocks.map(blockText));
  }
  if (article.takeaways) lines.push(...article.takeaways.items.map((item) => `- ${item.text}`));
  if (article.credits) lines.push(article.credits.people.map((p) => p.name).join(', '));
  if (article.authorBox) lines.push(`${article.authorBox.name}: ${article.authorBox.role ?? ''} ${article.authorBox.links.length}`);
  for (const quote of article.quotes) lines.push(`${quote.kind}: ${quote.text} — ${quote.speaker ?? 'unattributed'}`);
  lines.push(`${article.meta.wordCount} words, ${article.meta.language}, ${article.meta.frontMatterFormat ?? 'no front matter'}`);
  return lines;
}

function place(d: Diagnostic, source: string): string {
  const fixed = d.fix ? source.slice(0, d.fix.offset) + d.fix.text + source.slice(d.fix.endOffset) : source;
  return `${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.severity} ${d.rule} ${d.message} ${fixed.length}`;
}

export async function main(source: string): Promise<string[]> {
  const galley = await createGalley({ wasm: new URL('./galley.wasm', 'https://example.org/') });
  const result: FormatResult = galley.format(source, options);
  const html: string | undefined = result.html;
  const mode: 'markdown' | 'text' | 'json' = result.mode;
  const lines = result.article ? outline(result.article) : [];
  lines.push(...galley.check(source).diagnostics.map((d) => place(d, source)));
  const fixed = galley.fix(new TextEncoder().encode(source));
  lines.push(fixed.source, String(fixed.passes), ...fixed.applied.map((f) => `${f.rule}: ${f.before} → ${f.after}`));
  lines.push(...fixed.remaining.map((d) => d.rule));
  const rules: RuleInfo[] = galley.rules();
  lines.push(...rules.map((r) => `${r.id} ${r.severity.news} ${r.fixable} ${r.options.map((o) => `${o.name}:${o.type}=${String(o.default)}`)}`));
  lines.push(galley.version, html ?? '', mode, String(result.stats.timings.totalMs));
  // @ts-expect-error: check() renders nothing
  lines.push(galley.check(source).html);
  // @ts-expect-error: a number is not a source
  galley.format(42);

  try {
    galley.format(source, { profile: 'news' });
  } catch (error) {
    if (error instanceof GalleyError) {
      const code: GalleyErrorCode = error.code;
      lines.push(code, error.field, error.message);
      // @ts-expect-error: not a code
      const wrong: typeof error.code = 'bad-thing';
      lines.push(String(wrong));
    }
  }
  lines.push(...errorCodes);

  const worker: GalleyWorker = await createGalleyWorker({ wasm: fetch('/galley.wasm') });
  const controller = new AbortController();
  const request: RequestOptions = { key: 'preview', signal: controller.signal };
  const pending: Promise<FormatResult> = worker.format(source, { outputs: ['html'] }, request);
  controller.abort();
  try {
    lines.push((await pending).html ?? '');
  } catch (error) {
    if (error instanceof GalleyError && (error.code === 'aborted' || error.code === 'superseded')) lines.push(error.code);
  }
  lines.push(String((await worker.check(source)).diagnostics.length), String((await worker.rules()).length), worker.version);
  // @ts-expect-error: the request options are the third argument
  worker.format(source, { key: 'preview' });
  await worker.terminate();
  return lines;
}

export const unused = [badInput, badOutputs, unknownOption, badSeverity];
