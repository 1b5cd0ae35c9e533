// The engines the suite times: Galley and cmark-gfm natively (a galley_bench child process),
// Galley and cmark-gfm as WebAssembly in this Node process, and the JavaScript pipelines.
// Each engine is { name, accepts(entry), load(entry, text), time(entry, iterations) -> ms }.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';

import { createGalley } from 'galley';
import markdownIt from 'markdown-it';
import { lint as markdownlintSync } from 'markdownlint/sync';
import { micromark } from 'micromark';
import rehypeStringify from 'rehype-stringify';
import { remark } from 'remark';
import remarkParse from 'remark-parse';
import remarkPresetLintRecommended from 'remark-preset-lint-recommended';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

const now = () => Number(process.hrtime.bigint()) / 1e6;

/** A long-lived `galley_bench serve` process: one command line in, one answer line out. */
export class NativeProcess {
  constructor(binary) {
    this.child = spawn(binary, ['serve'], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.lines = createInterface({ input: this.child.stdout });
    this.waiting = [];
    this.dead = null;
    this.lines.on('line', (line) => this.waiting.shift()?.resolve(line));
    this.child.on('exit', (code, signal) => {
      this.dead = `galley_bench exited (${signal ?? code})`;
      for (const w of this.waiting.splice(0)) w.reject(new Error(this.dead));
    });
  }
  ask(command) {
    if (this.dead) return Promise.reject(new Error(this.dead));
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.child.stdin.write(command + '\n');
    }).then((line) => {
      if (!line.startsWith('ok')) throw new Error(line);
      return line.split(' ').slice(1);
    });
  }
  close() {
    if (!this.dead) this.child.stdin.end('quit\n');
  }
}

const isMarkdown = (e) => e.form === 'markdown';

/** Galley and cmark-gfm natively, through one NativeProcess. */
export function nativeEngines(native) {
  const make = (name, engine, accepts) => ({
    name,
    accepts,
    async load(entry) {
      if (!native.loaded?.has(entry.name)) {
        await native.ask(`load ${entry.id} ${entry.file}`);
        (native.loaded ??= new Set()).add(entry.name);
      }
    },
    async time(entry, iterations) {
      const [ns] = await native.ask(`time ${engine} ${entry.id} ${iterations}`);
      return Number(ns) / 1e6;
    },
  });
  return [
    make('galley-native', 'galley', () => true),
    make('cmark-native', 'cmark', isMarkdown),
  ];
}

/**
 * Galley through the npm package in this process (the instance is shared). With `readArticle`,
 * each call also reads the result's article model, which the package parses from the core's
 * JSON only when it is first read.
 */
export async function galleyWasmEngine(optionsJson, { readArticle = false } = {}) {
  const galley = await createGalley();
  const options = JSON.parse(optionsJson);
  const texts = new Map();
  return {
    name: readArticle ? 'galley-wasm-node+article' : 'galley-wasm-node',
    accepts: () => true,
    galley,
    load(entry, text) {
      texts.set(entry.name, text);
    },
    time(entry, iterations) {
      const text = texts.get(entry.name);
      const t0 = now();
      if (readArticle) {
        for (let i = 0; i < iterations; ++i) if (!galley.format(text, options).article) throw new Error('no article model');
      } else {
        for (let i = 0; i < iterations; ++i) galley.format(text, options);
      }
      return now() - t0;
    },
  };
}

/** cmark-gfm alone as WebAssembly (bench/cmark_floor.c built with emcc), called like Galley. */
export async function cmarkWasmEngine(modulePath) {
  const { default: create } = await import(pathToFileURL(modulePath).href);
  const wasmBinary = readFileSync(modulePath.replace(/\.mjs$/, '.wasm'));
  const m = await create({ wasmBinary });
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  const texts = new Map();
  let ptr = 0;
  let capacity = 0;
  const render = (text) => {
    const need = text.length * 3;
    if (need > capacity) {
      if (ptr) m._free(ptr);
      ptr = m._malloc(need);
      capacity = need;
    }
    const { written } = encoder.encodeInto(text, m.HEAPU8.subarray(ptr, ptr + need));
    const n = m._floor_render(ptr, written);
    const out = m._floor_output();
    const html = decoder.decode(m.HEAPU8.subarray(out, out + n));
    m._floor_release();
    return html;
  };
  return {
    name: 'cmark-wasm-node',
    accepts: isMarkdown,
    render,
    load(entry, text) {
      texts.set(entry.name, text);
    },
    time(entry, iterations) {
      const text = texts.get(entry.name);
      const t0 = now();
      for (let i = 0; i < iterations; ++i) render(text);
      return now() - t0;
    },
  };
}

/** A synchronous JavaScript pipeline as an engine. */
function jsEngine(name, run, accepts) {
  const texts = new Map();
  return {
    name,
    accepts,
    load(entry, text) {
      texts.set(entry.name, text);
    },
    time(entry, iterations) {
      const text = texts.get(entry.name);
      const t0 = now();
      for (let i = 0; i < iterations; ++i) run(text);
      return now() - t0;
    },
  };
}

/**
 * The JavaScript pipelines. Budgeted: markdown-it + markdownlint (render HTML, then lint with
 * markdownlint's default rules) and remark + remark-lint (parse, lint with
 * remark-preset-lint-recommended, serialise: what remark-cli does). The others are context.
 * They run on Markdown articles and samples up to `maxBytes` (they are too slow for more).
 */
export function jsEngines(maxBytes) {
  const md = markdownIt();
  const remarkLint = remark().use(remarkPresetLintRecommended).freeze();
  const remarkHtml = unified().use(remarkParse).use(remarkRehype).use(rehypeStringify).freeze();
  const normal = (e) => isMarkdown(e) && e.kind !== 'pathological' && e.bytes <= maxBytes;
  const lint = (text) => markdownlintSync({ strings: { doc: text } }).doc;
  return [
    jsEngine('markdown-it', (t) => md.render(t), (e) => isMarkdown(e) && e.kind !== 'pathological' && e.bytes <= maxBytes * 10),
    jsEngine('markdown-it+markdownlint', (t) => [md.render(t), lint(t)], normal),
    jsEngine('remark+remark-lint', (t) => remarkLint.processSync(t), normal),
    jsEngine('micromark', (t) => micromark(t), normal),
    jsEngine('markdownlint', lint, normal),
    jsEngine('remark+rehype', (t) => remarkHtml.processSync(t), normal),
  ];
}

/** Galley in headless Chromium: the page in bench/browser driven through Playwright. */
export function chromiumEngine(page, baseUrl) {
  return {
    name: 'galley-wasm-chromium',
    accepts: () => true,
    async load(entry) {
      await page.evaluate(([n, u]) => window.galleyBench.load(n, u), [entry.name, `${baseUrl}${entry.url}`]);
    },
    async time(entry, iterations) {
      const r = await page.evaluate(([n, i]) => window.galleyBench.time(n, i), [entry.name, iterations]);
      return r.ms;
    },
  };
}
