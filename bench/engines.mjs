// The engines the suite times: Galley and cmark-gfm natively (a galley_bench child process),
// Galley and cmark-gfm as WebAssembly in Node, and the JavaScript pipelines. Each engine that
// runs in Node is hosted by a Node process of its own (bench/engine-host.mjs), so that no
// engine's garbage is collected during another one's samples, as the native engine's is not.
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

/**
 * A long-lived engine process (`galley_bench serve`, or `node engine-host.mjs`): one command
 * line in, one answer line out.
 */
export class EngineProcess {
  constructor(command, args, options = {}) {
    this.child = spawn(command, args, { stdio: ['pipe', 'pipe', 'inherit'], ...options });
    this.lines = createInterface({ input: this.child.stdout });
    this.waiting = [];
    this.dead = null;
    this.lines.on('line', (line) => this.waiting.shift()?.resolve(line));
    this.child.on('exit', (code, signal) => {
      this.dead = `${command} ${args[0] ?? ''} exited (${signal ?? code})`;
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

/**
 * An engine timed in an EngineProcess: the process reads the input itself and answers with the
 * nanoseconds it spent, so the pipe is not timed. `command` is the engine's name there.
 */
export function remoteEngine(name, accepts, proc, command = name) {
  return {
    name,
    accepts,
    async load(entry) {
      if (!proc.loaded?.has(entry.id)) {
        await proc.ask(`load ${entry.id} ${entry.file}`);
        (proc.loaded ??= new Set()).add(entry.id);
      }
    },
    async time(entry, iterations) {
      const [ns] = await proc.ask(`time ${command} ${entry.id} ${iterations}`);
      return Number(ns) / 1e6;
    },
  };
}

/** Galley and cmark-gfm natively, through one `galley_bench serve` process. */
export function nativeEngines(native) {
  return [
    remoteEngine('galley-native', () => true, native, 'galley'),
    remoteEngine('cmark-native', isMarkdown, native, 'cmark'),
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
 * Every engine that runs in Node, as { name, accepts(entry), make() -> engine }; `make` builds
 * the engine in the calling process (engine-host.mjs calls it in a process of its own).
 * `optionsJson` is Galley's options, `cmarkWasm` the path of the cmark-gfm floor's module.
 *
 * The JavaScript pipelines: budgeted are markdown-it + markdownlint (render HTML, then lint
 * with markdownlint's default rules) and remark + remark-lint (parse, lint with
 * remark-preset-lint-recommended, serialise: what remark-cli does); the others are context.
 * They run on Markdown articles and samples up to `maxBytes` (they are too slow for more).
 */
export function nodeEngineSpecs({ optionsJson, cmarkWasm, maxBytes }) {
  const all = () => true;
  const normal = (e) => isMarkdown(e) && e.kind !== 'pathological' && e.bytes <= maxBytes;
  const lint = (text) => markdownlintSync({ strings: { doc: text } }).doc;
  const js = (name, accepts, makeRun) => ({ name, accepts, make: async () => jsEngine(name, makeRun(), accepts) });
  return [
    { name: 'galley-wasm-node', accepts: all, make: () => galleyWasmEngine(optionsJson) },
    { name: 'galley-wasm-node+article', accepts: all, make: () => galleyWasmEngine(optionsJson, { readArticle: true }) },
    { name: 'cmark-wasm-node', accepts: isMarkdown, make: () => cmarkWasmEngine(cmarkWasm) },
    js('markdown-it', (e) => isMarkdown(e) && e.kind !== 'pathological' && e.bytes <= maxBytes * 10, () => {
      const md = markdownIt();
      return (t) => md.render(t);
    }),
    js('markdown-it+markdownlint', normal, () => {
      const md = markdownIt();
      return (t) => [md.render(t), lint(t)];
    }),
    js('remark+remark-lint', normal, () => {
      const remarkLint = remark().use(remarkPresetLintRecommended).freeze();
      return (t) => remarkLint.processSync(t);
    }),
    js('micromark', normal, () => (t) => micromark(t)),
    js('markdownlint', normal, () => lint),
    js('remark+rehype', normal, () => {
      const remarkHtml = unified().use(remarkParse).use(remarkRehype).use(rehypeStringify).freeze();
      return (t) => remarkHtml.processSync(t);
    }),
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
