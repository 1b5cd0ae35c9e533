// The benchmark corpus, built deterministically: generated news articles in Markdown and in
// pasted-text form, the real samples from tests/samples, and pathological inputs from
// cmark-gfm's CVE history and pathological tests.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Article sizes (bytes of the Markdown form), by name. */
export const ARTICLE_SIZES = {
  '2k': 2_000,
  '20k': 20_000,
  '200k': 200_000,
  '2m': 2_000_000,
  '8m': 8_000_000,
};

// mulberry32: a small, fast, seedable generator; the same seed gives the same corpus everywhere.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = `government officials said the new policy would change how cities plan housing
transport energy water schools hospitals budgets over the next decade while critics argued that
the proposal lacked detail and funding for rural areas where services have been cut repeatedly
since the crisis began analysts expect parliament to vote on the measure before the summer recess
after weeks of negotiations between the coalition partners who disagree on tax rates spending
priorities and the timetable for reform the minister defended the plan in a televised interview
saying it balanced growth with responsibility and protected families from rising prices many
economists welcomed the shift but warned that inflation remained stubborn and that interest rates
could stay high for longer than markets hope local leaders called for clearer guidance on permits
and for money to reach projects quickly rather than being held up by paperwork residents in the
region have waited years for new bridges railway lines and clinics and say they will judge the
government by results not promises the opposition said it would table amendments to strengthen
oversight and require annual reports on progress toward the targets independent auditors will
review the accounts every year and publish their findings online the central bank kept its key
rate unchanged on thursday citing uncertainty about wages and global demand exporters reported
weaker orders from abroad although tourism and services held up better than expected during the
third quarter union representatives met employers again on monday to discuss pay and conditions
for nurses teachers and transport workers who staged a one day strike last month`
  .split(/\s+/)
  .filter(Boolean);

const NAMES = [
  'Maria Lopez', 'James Carter', 'Amara Okafor', 'Lena Fischer', 'Hiroshi Tanaka', 'Priya Raman',
  'Tomasz Nowak', 'Sofia Rossi', 'Daniel Kim', 'Fatima Haddad', 'Oliver Bennett', 'Ines Moreau',
];
const TITLES = ['Finance Minister', 'Mayor', 'Professor', 'Senator', 'Chief Economist', 'Governor'];
const PLACES = ['Lisbon', 'Nairobi', 'Warsaw', 'Osaka', 'Toronto', 'Lyon', 'Austin', 'Seoul'];
const VERBS = ['said', 'told reporters', 'added', 'wrote', 'said in a statement', 'told the committee'];
const ROLES = ['journalist', 'reporter', 'correspondent', 'editor', 'writer'];
const BEATS = ['economics', 'climate policy', 'cities', 'public health', 'transport', 'energy'];

class Writer {
  constructor(seed) {
    this.r = rng(seed);
  }
  int(lo, hi) {
    return lo + Math.floor(this.r() * (hi - lo + 1));
  }
  pick(list) {
    return list[Math.floor(this.r() * list.length)];
  }
  words(n) {
    const out = [];
    for (let i = 0; i < n; ++i) out.push(this.pick(WORDS));
    return out;
  }
  title(n) {
    return this.words(n)
      .map((w) => w[0].toUpperCase() + w.slice(1))
      .join(' ');
  }
  sentence(lo = 8, hi = 26) {
    const w = this.words(this.int(lo, hi));
    w[0] = w[0][0].toUpperCase() + w[0].slice(1);
    return w.join(' ') + '.';
  }
  // A sentence with Markdown inlines (links, emphasis) or plain text for the pasted form.
  richSentence(md) {
    const w = this.words(this.int(8, 24));
    w[0] = w[0][0].toUpperCase() + w[0].slice(1);
    if (md) {
      const k = this.r();
      const i = this.int(1, w.length - 2);
      if (k < 0.18) {
        w[i] = `[${w[i]} ${w[i + 1]}](https://news.example.org/${w[i]}/${this.int(1000, 9999)})`;
        w.splice(i + 1, 1);
      } else if (k < 0.3) {
        w[i] = `*${w[i]}*`;
      } else if (k < 0.38) {
        w[i] = `**${w[i]}**`;
      } else if (k < 0.42) {
        w[i] = `\`${w[i]}\``;
      }
    }
    return w.join(' ') + '.';
  }
  quote() {
    const speaker = this.r() < 0.5 ? `${this.pick(TITLES)} ${this.pick(NAMES)}` : this.pick(NAMES);
    const said = this.sentence(6, 16).slice(0, -1);
    return this.r() < 0.5
      ? `“${said},” ${speaker} ${this.pick(VERBS)}.`
      : `${speaker} ${this.pick(VERBS)}: “${said}.”`;
  }
  paragraph(md) {
    const parts = [];
    const n = this.int(2, 6);
    for (let i = 0; i < n; ++i) parts.push(this.r() < 0.2 ? this.quote() : this.richSentence(md));
    return parts.join(' ');
  }
}

// One news article of about `target` bytes, as Markdown and as pasted text (the same words).
export function article(target, seed = 8) {
  const w = new Writer(seed + target);
  const md = [];
  const txt = [];
  let bytes = 0;
  const both = (m, t = m) => {
    md.push(m);
    txt.push(t);
    bytes += Buffer.byteLength(m) + 2;
  };
  const size = () => bytes;
  const headline = w.title(w.int(6, 11));
  both(`# ${headline}`, headline);
  both(w.sentence(18, 30));
  const first = w.pick(NAMES);
  const by = `By ${first} and ${w.pick(NAMES.filter((x) => x !== first))}`;
  both(by);
  const tail = tailParts(w);
  const tailBytes = tail.md.reduce((n, s) => n + Buffer.byteLength(s) + 2, 0);
  let tableDone = false;
  for (let p = 0; p < 2; ++p) {
    const m = w.paragraph(true);
    both(m, plain(m));
  }
  while (size() + tailBytes < target) {
    const heading = w.title(w.int(2, 6));
    both(`## ${heading}`, heading);
    const paragraphs = w.int(2, 5);
    for (let p = 0; p < paragraphs && size() + tailBytes < target; ++p) {
      const k = w.r();
      if (k < 0.1) {
        const q = w.sentence(10, 22);
        const who = `${w.pick(NAMES)}, ${w.pick(TITLES).toLowerCase()}`;
        both(`> “${q}”\n>\n> — ${who}`, `“${q}” — ${who}`);
      } else if (k < 0.16) {
        const items = [];
        for (let i = w.int(3, 5); i > 0; --i) items.push(`- ${w.sentence(4, 10)}`);
        both(items.join('\n'));
      } else if (!tableDone && size() > target / 3) {
        tableDone = true;
        const t = tableMd(w);
        // Pasted from a page, a table arrives as one line per row.
        const rows = t.split('\n').filter((r) => !r.startsWith('| ---'));
        both(t, rows.map((r) => r.replace(/^\| | \|$/g, '').replace(/ \| /g, '\t')).join('\n'));
      } else {
        const m = w.paragraph(true);
        both(m, plain(m));
      }
    }
  }
  for (let i = 0; i < tail.md.length; ++i) both(tail.md[i], tail.txt[i]);
  return { markdown: md.join('\n\n') + '\n', text: txt.join('\n') + '\n' };
}

// The words of a Markdown paragraph as a page shows them.
const plain = (m) => m.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*`]/g, '');

function tableMd(w) {
  const rows = ['| Region | Share | Change |', '| --- | ---: | ---: |'];
  for (let i = 0; i < 6; ++i) {
    rows.push(`| ${w.pick(PLACES)} | ${w.int(1, 60)}.${w.int(0, 9)}% | +${w.int(0, 5)}.${w.int(0, 9)} |`);
  }
  return rows.join('\n');
}

// Takeaways, credits, a closing paragraph and the author box.
function tailParts(w) {
  const md = [];
  const txt = [];
  const both = (m, t = m) => {
    md.push(m);
    txt.push(t);
  };
  both('## Key Takeaways', 'Key Takeaways');
  const items = [];
  for (let i = w.int(3, 5); i > 0; --i) items.push(`- ${w.sentence(6, 14)}`);
  both(items.join('\n'));
  both('## Reporters on the Ground', 'Reporters on the Ground');
  const [a, b, c] = [0, 1, 2].map((i) => NAMES[(w.int(0, 3) * 3 + i) % NAMES.length]);
  both(`Reporting by ${a} in ${w.pick(PLACES)} and ${b} in ${w.pick(PLACES)}; additional reporting by ${c}.`);
  both(w.sentence(14, 24));
  const author = w.pick(NAMES);
  both('## About the author', 'About the author');
  both(`${author} is a ${w.pick(PLACES)}-based ${w.pick(ROLES)} who covers ${w.pick(BEATS)} and ${w.pick(BEATS)}.`);
  both(w.sentence(12, 20));
  return { md, txt };
}

/** An article of about `words` words (the keystroke benchmark's 5,000-word article). */
export function articleOfWords(words, seed = 5) {
  let bytes = words * 6;
  for (;;) {
    const a = article(bytes, seed);
    const n = a.markdown.split(/\s+/).filter(Boolean).length;
    if (n >= words) return a;
    bytes = Math.ceil(bytes * (words / n) * 1.02);
  }
}

const rep = (s, n) => s.repeat(n);

/**
 * Pathological inputs: each about `scale` bytes, after cmark-gfm's pathological tests and the
 * inputs of its CVEs (quadratic brackets, comments, emphasis, tables, references, nesting).
 */
export function pathological(scale = 100_000) {
  const n = (unit) => Math.max(1, Math.floor(scale / unit.length));
  const cases = {
    'nested-blockquotes': rep('> ', n('> ')) + 'a\n',
    'nested-lists': (() => {
      // Indentation grows with depth, so the size is quadratic in depth.
      const depth = Math.floor(Math.sqrt(scale));
      let s = '';
      for (let i = 0; i < depth; ++i) s += rep('  ', i) + '* a\n';
      return s;
    })(),
    'nested-brackets': rep('[', n('[]') ) + 'a' + rep(']', n('[]')) + '\n',
    'nested-strong-emph': rep('*a **a ', n('*a **a  a** a*')) + 'b' + rep(' a** a*', n('*a **a  a** a*')) + '\n',
    'emph-closers-no-openers': rep('a_ ', n('a_ ')) + '\n',
    'emph-openers-no-closers': rep('_a ', n('_a ')) + '\n',
    'emph-mismatched': rep('*a_ ', n('*a_ ')) + '\n',
    'emph-multiple-of-3': 'a**b' + rep('c* ', n('c* ')) + '\n',
    'link-closers-no-openers': rep('a]', n('a]')) + '\n',
    'link-openers-no-closers': rep('[a', n('[a')) + '\n',
    'link-openers-emph-closers': rep('[ a_', n('[ a_')) + '\n',
    'bracket-paren-runs': rep('[ (](', n('[ (](')) + '\n',
    'image-bracket-runs': rep('![[]()', n('![[]()')) + '\n',
    'unclosed-links-angle': rep('[a](<b', n('[a](<b')) + '\n',
    'unclosed-links': rep('[a](b', n('[a](b')) + '\n',
    'unclosed-comments': '</' + rep('<!--', n('<!--')) + '\n',
    'unclosed-comments-lines': rep('<!--\n\n', n('<!--\n\n')),
    'backtick-runs': (() => {
      let s = '';
      for (let i = 1; s.length < scale; ++i) s += 'e' + rep('`', i);
      return s + '\n';
    })(),
    'long-emphasis-run': rep('*', Math.floor(scale / 2)) + 'a' + rep('*', Math.floor(scale / 2)) + '\n',
    'wide-table': (() => {
      const cols = Math.max(2, Math.floor(Math.sqrt(scale / 4)));
      const row = rep('|a', cols) + '|\n';
      let s = row + rep('|-', cols) + '|\n';
      while (s.length < scale) s += row;
      return s;
    })(),
    'table-short-rows': '| a | b | c |\n| --- | --- | --- |\n' + rep('|\n', n('|\n')),
    'table-emphasis-cells': '| a | b |\n| --- | --- |\n' + rep('| *_*_*_ [ | _*_*_* ] |\n', n('| *_*_*_ [ | _*_*_* ] |\n')),
    'many-reference-definitions': (() => {
      const k = n('[ref0000]: https://example.org/0000\n');
      let s = '';
      for (let i = 0; i < k; ++i) s += `[ref${i}]: https://example.org/${i}\n`;
      s += '\n';
      for (let i = 0; i < 200; ++i) s += `[ref${(i * 7919) % k}] `;
      return s + '\n';
    })(),
    'same-reference-definitions': rep('[a]: https://example.org/a\n', n('[a]: https://example.org/a\n')) + '\n[a]\n',
    'many-headings': rep('# Heading\n', n('# Heading\n')),
    'many-quotes': rep('“a,” b said. ', n('“a,” b said. ')) + '\n',
    'unbalanced-quotes': rep('“a ', n('“a ')) + '\n',
    'autolink-runs': rep('www.a.', n('www.a.')) + '\n',
  };
  return cases;
}

/** The real articles beside the tests: name -> { path, mode }. */
export function samples(root) {
  const dir = join(root, 'tests', 'samples');
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d).sort()) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(md|txt)$/.test(e) && e !== 'README.md') out.push(p);
    }
  };
  walk(dir);
  return out.map((p) => ({
    name: 'sample:' + relative(dir, p).replace(/\.(md|txt)$/, '').replace(/^.*\//, '').replace(/^\d{4}-\d\d-\d\d-/, '').slice(0, 24),
    path: p,
    form: p.endsWith('.txt') ? 'text' : 'markdown',
  }));
}

/**
 * Writes the corpus into `dir` and returns its entries:
 * { name, file, bytes, kind: 'article'|'sample'|'pathological', form: 'markdown'|'text', size? }.
 */
export function buildCorpus(root, dir, { sizes = Object.keys(ARTICLE_SIZES), pathologicalScale = 100_000 } = {}) {
  mkdirSync(dir, { recursive: true });
  const entries = [];
  const put = (name, text, extra) => {
    const file = join(dir, name.replace(/[^a-z0-9.-]+/gi, '_') + (extra.form === 'text' ? '.txt' : '.md'));
    writeFileSync(file, text);
    entries.push({ name, file, bytes: Buffer.byteLength(text), ...extra });
  };
  for (const size of sizes) {
    const a = article(ARTICLE_SIZES[size]);
    put(`article-${size}`, a.markdown, { kind: 'article', form: 'markdown', size });
    put(`article-${size}-text`, a.text, { kind: 'article', form: 'text', size });
  }
  for (const s of samples(root)) {
    put(s.name, readFileSync(s.path, 'utf8'), { kind: 'sample', form: s.form });
  }
  for (const [name, text] of Object.entries(pathological(pathologicalScale))) {
    put(`patho:${name}`, text, { kind: 'pathological', form: 'markdown' });
  }
  return entries;
}
