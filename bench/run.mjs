#!/usr/bin/env node
// The benchmark suite: one run measures Galley (native, wasm in Node, wasm in Chromium),
// cmark-gfm alone (native, wasm) and the JavaScript Markdown pipelines on one corpus,
// interleaved, after warm-up, several samples, medians; then scaling, pathological inputs,
// size, start-up, keystroke latency and memory; prints the table and every budget with
// PASS/FAIL and writes it all as JSON to bench/out/.
//
// Usage: node bench/run.mjs [--smoke] [--samples N] [--no-chromium] [--only REGEX]
//                           [--shared-process]
//   (bench/run.sh builds what it needs first.) --smoke: small sizes, one or two samples,
//   budgets printed but not enforced. Otherwise the exit status is 1 when a budget fails.
//   Each engine that runs in Node is timed in a Node process of its own; --shared-process
//   times them all in this one instead (the method before the tenth round, for comparison).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';

import { articleOfWords, ARTICLE_SIZES, buildCorpus } from './corpus.mjs';
import { createGalley } from 'galley';

import { chromiumEngine, EngineProcess, nativeEngines, nodeEngineSpecs, remoteEngine } from './engines.mjs';
import { serve } from './server.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(HERE);
const OUT = join(HERE, 'out');

// ---------------------------------------------------------------------------------------------
// Settings

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const value = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};
const smoke = flag('--smoke');
const config = smoke
  ? { sizes: ['2k', '20k'], pathologicalScale: 10_000, samples: 2, pathoSamples: 1, sampleMs: 8, warmupMs: 5, engineWarmupMs: 100,
      jsMaxBytes: 25_000, keystrokeEdits: 20, keystrokeWarmup: 3, heapCalls: 300, createRuns: 2, pathoLimitMs: 20_000 }
  : { sizes: Object.keys(ARTICLE_SIZES), pathologicalScale: 100_000, samples: 7, pathoSamples: 7, sampleMs: 60,
      warmupMs: 120, engineWarmupMs: 1500, jsMaxBytes: 250_000, keystrokeEdits: 200, keystrokeWarmup: 10, heapCalls: 10_000, createRuns: 9,
      pathoLimitMs: 60_000 };
config.samples = Number(value('--samples', config.samples));
const only = new RegExp(value('--only', '.'));
const useChromium = !flag('--no-chromium');
const sharedProcess = flag('--shared-process');

const NATIVE_BIN = process.env.GALLEY_BENCH_BIN ?? join(ROOT, 'build/native-release/bench/galley_bench');
const CMARK_WASM = process.env.GALLEY_CMARK_FLOOR ?? join(ROOT, 'build/wasm-release/bench/cmark-floor.mjs');
const GALLEY_WASM = join(ROOT, 'npm/dist/galley.wasm');
for (const [what, path] of [['galley_bench', NATIVE_BIN], ['cmark-floor.mjs', CMARK_WASM], ['galley.wasm', GALLEY_WASM]]) {
  if (!existsSync(path)) {
    console.error(`${what} is missing (${path}): run bench/run.sh, which builds it`);
    process.exit(2);
  }
}

const t0 = Date.now();
const log = (...a) => console.log(...a);
const phase = (what) => console.log(`[${((Date.now() - t0) / 1000).toFixed(0).padStart(3)} s] ${what}`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const fmt = (x, digits = 2) => (x === undefined || x === null || Number.isNaN(x) ? '—' : x.toFixed(digits));
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

// ---------------------------------------------------------------------------------------------
// Machine and corpus

const started = Date.now();
const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  loadBefore: loadavg().map((x) => Number(x.toFixed(2))),
  nodeEngines: flag('--shared-process') ? 'all in one process' : 'one process each',
};
log(`Galley benchmarks${smoke ? ' (smoke run)' : ''}: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}`);
log(`load average before: ${machine.loadBefore.join(' ')}${machine.loadBefore[0] > 0.5 ? '  (busy machine: numbers are noisy)' : ''}`);

const SMOKE_PATHOLOGICAL = ['image-bracket-runs', 'unclosed-comments', 'wide-table', 'nested-blockquotes', 'many-headings'];
const corpusDir = join(OUT, smoke ? 'corpus-smoke' : 'corpus');
const fullCorpus = buildCorpus(ROOT, corpusDir, { sizes: config.sizes, pathologicalScale: config.pathologicalScale });
const corpus = fullCorpus
  .filter((e) => only.test(e.name))
  .filter((e) => !smoke || e.kind !== 'pathological' || SMOKE_PATHOLOGICAL.includes(e.name.replace('patho:', '')))
  .map((e, i) => ({ ...e, id: `e${i}`, url: '/' + relative(ROOT, e.file).split('/').map(encodeURIComponent).join('/') }));
const textOf = (e) => readFileSync(e.file, 'utf8');
log(`corpus: ${corpus.length} inputs in ${relative(ROOT, corpusDir)}/`);

// ---------------------------------------------------------------------------------------------
// Engines

const native = new EngineProcess(NATIVE_BIN, ['serve']);
// Every rule on: the catalogue's rules that the news profile leaves off are turned on too.
const ruleIds = (await createGalley()).rules().filter((r) => r.severity.news === 'off').map((r) => r.id);
const optionsJson = JSON.stringify({
  outputs: ['html', 'json'],
  rules: Object.fromEntries(ruleIds.map((id) => [id, 'warning'])),
});
await native.ask(`options ${optionsJson}`);

// The engines that run in Node: each in a process of its own (engine-host.mjs), started now so
// that their start-up overlaps, or with --shared-process all in this one.
const nodeSettings = { optionsJson, cmarkWasm: CMARK_WASM, maxBytes: config.jsMaxBytes };
// A smoke run times only the JavaScript pipelines that have budgets.
const inSmoke = (name) => /^(galley|cmark)-/.test(name) || ['markdown-it+markdownlint', 'remark+remark-lint'].includes(name);
const nodeSpecs = nodeEngineSpecs(nodeSettings).filter((s) => !smoke || inSmoke(s.name));
const hosts = [];
const nodeEngines = sharedProcess
  ? await Promise.all(nodeSpecs.map(async (s) => ({ ...(await s.make()), name: s.name, accepts: s.accepts })))
  : nodeSpecs.map((s) => {
    const host = new EngineProcess(process.execPath, [join(HERE, 'engine-host.mjs'), s.name, JSON.stringify(nodeSettings)], { cwd: HERE });
    hosts.push(host);
    return remoteEngine(s.name, s.accepts, host);
  });
const [galleyWasmNode, galleyWasmArticle, cmarkWasm, ...jsPipelines] = nodeEngines;

let browser = null;
let page = null;
let server = null;
let chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
let chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (useChromium) {
  try {
    // The same Chromium and flags as the Playwright tests.
    const { default: e2e } = await import(join(ROOT, 'e2e/playwright.config.js'));
    chromiumArgs = e2e.use?.launchOptions?.args ?? chromiumArgs;
    chromiumPath = e2e.use?.launchOptions?.executablePath ?? chromiumPath;
  } catch {
    // keep the defaults
  }
  const { chromium } = await import('@playwright/test');
  server = await serve(ROOT);
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  machine.chromium = browser.version();
  page = await browser.newPage();
  page.on('pageerror', (err) => console.error('page error:', err.message));
  await page.goto(`${server.url}/bench/browser/index.html`);
  await page.waitForFunction(() => window.galleyBench);
  await page.evaluate((json) => window.galleyBench.setOptions(json), optionsJson);
}

const engines = [
  ...nativeEngines(native),
  galleyWasmNode,
  galleyWasmArticle,
  ...(page ? [chromiumEngine(page, server.url)] : []),
  cmarkWasm,
  ...jsPipelines,
];

// ---------------------------------------------------------------------------------------------
// Measurement: calibrate each (engine, input) after warm-up, then interleaved rounds.

async function measure(entries, engineList, samples) {
  const cells = [];
  // An engine's first input gets a longer warm-up: JIT compilers (V8's tiers for JavaScript and
  // for WebAssembly) optimise a function only after it has run for a while.
  const warmed = new Set();
  for (const entry of entries) {
    const text = textOf(entry);
    for (const engine of engineList) {
      if (!engine.accepts(entry)) continue;
      await engine.load(entry, text);
      // Warm-up: at least two calls and warmupMs; the per-call estimate is the fastest call.
      let best = Infinity;
      let spent = 0;
      // Inputs of a megabyte or more, and calls of over 300 ms: one warm-up call and three
      // samples (each call is long enough to time on its own; the full run must stay within
      // minutes).
      let big = entry.bytes >= 1_000_000;
      const first = !warmed.has(engine);
      const warmupMs = first ? config.engineWarmupMs : config.warmupMs;
      warmed.add(engine);
      for (let calls = 0; calls < (big ? 1 : 2) || spent < warmupMs; ++calls) {
        const ms = await engine.time(entry, 1);
        best = Math.min(best, ms);
        spent += ms;
        big = big || ms > 300;
        if (calls > (first ? 5000 : 50)) break;
      }
      const iterations = Math.max(1, Math.round(config.sampleMs / Math.max(best, 1e-3)));
      cells.push({ entry, engine, iterations, samples: big ? Math.min(samples, 3) : samples, perCall: [] });
    }
  }
  for (let round = 0; round < samples; ++round) {
    for (const entry of entries) {
      const row = cells.filter((c) => c.entry === entry && round < c.samples);
      // Rotate the order every round, so no engine always runs right after another.
      for (let k = 0; k < row.length; ++k) {
        const c = row[(k + round) % row.length];
        const ms = await c.engine.time(entry, c.iterations);
        c.perCall.push(ms / c.iterations);
      }
    }
  }
  const results = {};
  for (const c of cells) {
    const ms = median(c.perCall);
    (results[c.entry.name] ??= {})[c.engine.name] = {
      ms,
      mbps: c.entry.bytes / ms / 1000,
      nsPerByte: (ms * 1e6) / c.entry.bytes,
      iterations: c.iterations,
      samples: c.perCall.length,
      spread: c.perCall.length > 1 ? (Math.max(...c.perCall) - Math.min(...c.perCall)) / ms : 0,
    };
  }
  return results;
}

const throughputEntries = corpus.filter((e) => e.kind !== 'pathological');
phase(`throughput: ${engines.length} engines, ${config.samples} interleaved samples each…`);
const throughput = await measure(throughputEntries, engines, config.samples);

// Pathological inputs: each engine first formats each input once in its own process, so that a
// crash or a hang is reported instead of taking the suite down; then the survivors are timed.
phase(`pathological inputs: probing each in its own process…`);
const pathoEntries = corpus.filter((e) => e.kind === 'pathological');
const probes = {};
for (const entry of pathoEntries) {
  const p = (probes[entry.name] = {});
  const nat = spawnSync(NATIVE_BIN, ['once', 'galley', entry.file, '1', optionsJson], { timeout: config.pathoLimitMs, encoding: 'utf8' });
  p['galley-native'] = nat.status === 0 ? 'ok' : nat.error?.code === 'ETIMEDOUT' ? 'timeout' : `crash (${nat.signal ?? nat.status})`;
  const w = spawnSync(process.execPath, [join(HERE, 'probe.mjs'), entry.file, optionsJson], { timeout: config.pathoLimitMs, encoding: 'utf8', cwd: HERE });
  p['galley-wasm-node'] = w.status === 0 ? 'ok' : w.error?.code === 'ETIMEDOUT' ? 'timeout' : `crash: ${(w.stderr.match(/(RuntimeError|Error)[^\n]*/) ?? [w.signal ?? w.status])[0]}`;
}
const pathoEngines = engines.filter((e) => ['galley-native', 'galley-wasm-node', 'cmark-native', 'cmark-wasm-node'].includes(e.name));
// The pathological inputs are timed in one interleaved run with the normal article they are
// compared with, so that each ratio comes from the same minutes of the suite: the machine's load
// drifts between phases, and a ratio of figures taken in different phases measured that drift
// as much as the code. An engine that failed an input's probe is not timed on it.
const isNormal = (e) => e.kind === 'article' && e.form === 'markdown' && e.size === (smoke ? '20k' : '200k');
const normal = corpus.find(isNormal) ?? fullCorpus.filter(isNormal).map((e) => ({ ...e, id: 'normal' }))[0];
const probed = (engine) => ({
  ...engine,
  accepts: (e) => engine.accepts(e) && (!probes[e.name]?.[engine.name] || probes[e.name][engine.name] === 'ok'),
});
const pathological = await measure(normal ? [normal, ...pathoEntries] : pathoEntries, pathoEngines.map(probed), config.pathoSamples);
const pathoNormal = normal ? pathological[normal.name] : undefined;

// ---------------------------------------------------------------------------------------------
// Size, start-up, keystrokes, memory

// What `import { createGalley } from 'galley'` loads: the modules reached by static imports from
// the package's entry, plus the wasm; what galley/worker adds is counted apart.
function staticImports(entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]/gm)) {
      visit(join(dirname(file), m[1]));
    }
  };
  visit(entry);
  return [...seen].map((f) => relative(ROOT, f));
}
const packageFiles = ['npm/dist/galley.wasm', ...staticImports(join(ROOT, 'npm/src/index.js'))];
const workerFiles = [...staticImports(join(ROOT, 'npm/src/worker.js')), ...staticImports(join(ROOT, 'npm/src/worker-entry.js'))]
  .filter((f, i, all) => !packageFiles.includes(f) && all.indexOf(f) === i);
const size = { files: {}, raw: 0, gzip: 0, brotli: 0 };
for (const f of [...packageFiles, ...workerFiles]) {
  const bytes = readFileSync(join(ROOT, f));
  const s = {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
  size.files[f] = s;
  if (workerFiles.includes(f)) continue;
  size.raw += s.raw;
  size.gzip += s.gzip;
  size.brotli += s.brotli;
}

// The phases below each report a failure instead of ending the run; a run with a failed phase
// exits 1 (smoke runs too), since then the suite itself is broken.
const phaseErrors = [];
async function attempt(what, fn) {
  try {
    return await fn();
  } catch (err) {
    phaseErrors.push(`${what}: ${err.message.split('\n')[0]}`);
    console.error(`${what} failed: ${err.message}`);
    return null;
  }
}

phase('start-up: createGalley() in fresh Node processes…');
const startup = {};
startup.node = await attempt('createGalley() in Node', () => {
  const runs = [];
  for (let i = 0; i < config.createRuns; ++i) {
    runs.push(JSON.parse(execFileSync(process.execPath, [join(HERE, 'create-time.mjs')], { cwd: HERE, encoding: 'utf8' })));
  }
  return {
    firstMs: median(runs.map((x) => x.firstMs)),
    secondMs: median(runs.map((x) => x.secondMs)),
    importMs: median(runs.map((x) => x.importMs)),
  };
});

let keystroke = null;
if (browser) {
  phase('start-up: createGalley() in fresh Chromium contexts…');
  startup.chromium = await attempt('createGalley() in Chromium', async () => {
    const times = [];
    for (let i = 0; i < config.createRuns; ++i) {
      const context = await browser.newContext();
      const p = await context.newPage();
      await p.goto(`${server.url}/bench/browser/index.html`);
      await p.waitForFunction(() => window.galleyBench);
      times.push(await p.evaluate(() => window.galleyBench.createTime()));
      await context.close();
    }
    return { createMs: median(times), all: times };
  });

  phase(`keystrokes: ${config.keystrokeEdits} edits of a 5,000-word article through a Web Worker in Chromium…`);
  keystroke = await attempt('keystrokes in Chromium', async () => {
    const article = articleOfWords(5000).markdown;
    const file = join(OUT, 'keystroke-5000-words.md');
    writeFileSync(file, article);
    await page.evaluate(([n, u]) => window.galleyBench.load(n, u), ['keystroke', `${server.url}/${relative(ROOT, file)}`]);
    const lat = await page.evaluate(
      ([e, k]) => window.galleyBench.keystrokes('keystroke', e, k),
      [config.keystrokeEdits, config.keystrokeWarmup],
    );
    const total = lat.map((x) => x.ms);
    const inWorker = lat.map((x) => x.core);
    return {
      words: article.split(/\s+/).filter(Boolean).length,
      bytes: Buffer.byteLength(article),
      edits: lat.length,
      p50: percentile(total, 50),
      p95: percentile(total, 95),
      max: Math.max(...total),
      formatP50: percentile(inWorker, 50),
      formatP95: percentile(inWorker, 95),
    };
  });
}

phase(`memory: ${config.heapCalls} calls…`);
// Its own inputs, whatever --only selects for the timings.
const heapFiles = fullCorpus.filter((e) => e.kind === 'sample' || (e.kind === 'article' && ['2k', '20k'].includes(e.size))).map((e) => e.file);
const heapWasm = await attempt('wasm memory', () =>
  JSON.parse(execFileSync(process.execPath, [join(HERE, 'heap.mjs'), String(config.heapCalls), optionsJson, ...heapFiles], { cwd: HERE, encoding: 'utf8' })));
const heapNative = await attempt('native memory', () =>
  JSON.parse(execFileSync(NATIVE_BIN, ['heap', String(config.heapCalls), optionsJson, ...heapFiles], { encoding: 'utf8' })));
const memory = { wasm: heapWasm, native: heapNative };

native.close();
for (const host of hosts) host.close();
if (browser) await browser.close();
if (server) await server.close();
machine.loadAfter = loadavg().map((x) => Number(x.toFixed(2)));

// ---------------------------------------------------------------------------------------------
// Report

const REF = 'galley-wasm-node';
const columns = engines.map((e) => e.name);
const short = {
  'galley-native': 'galley native',
  'galley-wasm-node': 'galley wasm/node',
  'galley-wasm-node+article': 'wasm/node, model read',
  'galley-wasm-chromium': 'galley wasm/chromium',
  'cmark-native': 'cmark native',
  'cmark-wasm-node': 'cmark wasm/node',
  'markdown-it': 'markdown-it',
  'markdown-it+markdownlint': 'md-it+mdlint',
  'remark+remark-lint': 'remark+lint',
  micromark: 'micromark',
  markdownlint: 'markdownlint',
  'remark+rehype': 'remark+rehype',
};
function table(results, entries, cols) {
  const used = cols.filter((c) => entries.some((e) => results[e.name]?.[c]));
  const head = ['input', 'bytes', ...used.map((c) => short[c] ?? c)];
  const rows = entries.map((e) => {
    const r = results[e.name] ?? {};
    const ref = r[REF];
    return [
      e.name,
      String(e.bytes),
      ...used.map((c) => {
        if (!r[c]) return '';
        const ratio = ref && c !== REF ? ` ${fmt(ref.mbps / r[c].mbps, ref.mbps / r[c].mbps >= 10 ? 0 : 2)}×` : '';
        return `${fmt(r[c].mbps, r[c].mbps >= 100 ? 0 : r[c].mbps >= 1 ? 1 : 2)}${ratio}`;
      }),
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

log('\nThroughput, MB/s of input (median); N× = how many times faster Galley wasm in Node is');
log("(galley wasm: format() with the HTML, the JSON model and every rule; 'model read' also reads the result's article, which the package parses from the model's JSON when it is first read)");
log(table(throughput, throughputEntries, columns));

// Scaling: per-byte cost of each article size against the 20 KB article.
const scaling = {};
for (const engine of ['galley-native', REF, 'galley-wasm-chromium', 'cmark-native', 'cmark-wasm-node']) {
  for (const form of ['markdown', 'text']) {
    const base = throughputEntries.find((e) => e.kind === 'article' && e.size === '20k' && e.form === form);
    const baseCost = base && throughput[base.name]?.[engine]?.nsPerByte;
    if (!baseCost) continue;
    for (const e of throughputEntries.filter((x) => x.kind === 'article' && x.form === form)) {
      const c = throughput[e.name]?.[engine]?.nsPerByte;
      if (c) (scaling[engine] ??= {})[e.name] = { nsPerByte: c, ratio: c / baseCost };
    }
  }
}
log('\nScaling: ns per input byte (ratio to the 20 KB article)');
for (const [engine, rows] of Object.entries(scaling)) {
  log(`  ${engine.padEnd(22)} ${Object.entries(rows).map(([n, r]) => `${n.replace('article-', '').replace('-text', ' text')} ${fmt(r.nsPerByte, 1)} (${fmt(r.ratio)})`).join('  ')}`);
}

// Pathological inputs: per-byte cost against the 200 KB article (the normal input nearest in size).
const pathoReport = {};
log(`\nPathological inputs: ns per byte (ratio to ${normal?.name ?? 'the normal article'})`);
for (const e of pathoEntries) {
  const row = (pathoReport[e.name] = { bytes: e.bytes, probes: probes[e.name] });
  const cells = [];
  for (const engine of pathoEngines.map((x) => x.name)) {
    const r = pathological[e.name]?.[engine];
    const base = pathoNormal?.[engine]?.nsPerByte;
    if (r) {
      row[engine] = { nsPerByte: r.nsPerByte, ms: r.ms, normalNsPerByte: base ?? null, ratio: base ? r.nsPerByte / base : null };
      cells.push(`${engine.replace('galley-', '').replace('cmark-', 'cmark/')} ${fmt(r.nsPerByte, 1)} (${fmt(row[engine].ratio, 1)})`);
    } else if (probes[e.name][engine] && probes[e.name][engine] !== 'ok') {
      row[engine] = { failure: probes[e.name][engine] };
      cells.push(`${engine.replace('galley-', '')} ${probes[e.name][engine]}`);
    }
  }
  log(`  ${e.name.replace('patho:', '').padEnd(28)} ${String(e.bytes).padStart(7)}  ${cells.join('  ')}`);
}

log(`\nSize (${packageFiles.map((f) => basename(f)).join(' + ')}): ${kb(size.raw)} raw, ${kb(size.gzip)} gzip, ${kb(size.brotli)} brotli`);
const workerGzip = workerFiles.reduce((n, f) => n + size.files[f].gzip, 0);
if (workerFiles.length) log(`  galley/worker adds ${workerFiles.map((f) => basename(f)).join(' + ')}: ${kb(workerGzip)} gzip`);
log(`createGalley(): Node ${fmt(startup.node?.firstMs, 1)} ms first, ${fmt(startup.node?.secondMs, 1)} ms again (import ${fmt(startup.node?.importMs, 1)} ms)` +
    (startup.chromium ? `; Chromium ${fmt(startup.chromium.createMs, 1)} ms (median of ${startup.chromium.all.length} fresh contexts)` : ''));
if (keystroke) {
  log(`keystroke, ${keystroke.words}-word article (${kb(keystroke.bytes)}), ${keystroke.edits} edits through a worker: ` +
      `p50 ${fmt(keystroke.p50)} ms, p95 ${fmt(keystroke.p95)} ms, max ${fmt(keystroke.max)} ms (the core's own time p50 ${fmt(keystroke.formatP50)} ms)`);
}
if (heapWasm) log(`memory: wasm ${kb(heapWasm.after100)} after 100 calls, ${kb(heapWasm.afterAll)} after ${heapWasm.calls}`);
if (heapNative) log(`memory: native malloc in use ${kb(heapNative.after100)} after 100 calls, ${kb(heapNative.afterAll)} after ${heapNative.calls}`);

// ---------------------------------------------------------------------------------------------
// Budgets (issue 8): each with its measured value and PASS/FAIL.

const budgets = [];
const budget = (name, measured, limit, pass) => budgets.push({ name, measured, limit, pass: Boolean(pass) });
const mdArticle = (size) => throughputEntries.find((e) => e.kind === 'article' && e.form === 'markdown' && e.size === size);
for (const size of ['20k', '200k']) {
  const e = mdArticle(size);
  const r = e && throughput[e.name];
  if (!r?.[REF]) continue;
  for (const [other, need] of [['markdown-it+markdownlint', 20], ['remark+remark-lint', 40]]) {
    if (!r[other]) continue;
    const x = r[REF].mbps / r[other].mbps;
    budget(`galley wasm vs ${other}, ${e.name}`, `${fmt(x, 1)}×`, `≥ ${need}×`, x >= need);
  }
}
for (const e of throughputEntries.filter((x) => x.kind === 'article' && x.form === 'markdown')) {
  const r = throughput[e.name];
  if (r?.[REF] && r['cmark-wasm-node']) {
    const x = r[REF].ms / r['cmark-wasm-node'].ms;
    budget(`galley wasm / cmark-gfm wasm cost, ${e.name}`, `${fmt(x)}×`, '≤ 3×', x <= 3);
  }
}
for (const e of throughputEntries.filter((x) => x.kind === 'article' && x.form === 'markdown')) {
  const r = throughput[e.name];
  if (r?.[REF] && r['galley-native']) {
    const x = r[REF].ms / r['galley-native'].ms;
    budget(`galley wasm / galley native cost, ${e.name}`, `${fmt(x)}×`, '≤ 1.6×', x <= 1.6);
  }
}
for (const [name, r] of Object.entries(scaling[REF] ?? {})) {
  budget(`per-byte cost ${name} vs 20 KB (galley wasm)`, `${fmt(r.ratio)}×`, 'within 1.5×', r.ratio <= 1.5 && r.ratio >= 1 / 1.5);
}
for (const [name, row] of Object.entries(pathoReport)) {
  for (const engine of ['galley-native', REF]) {
    const c = row[engine];
    if (!c) continue;
    if (c.failure) budget(`${name} (${engine})`, c.failure, 'no crash or hang', false);
    else if (engine === REF) budget(`${name} per-byte cost vs normal (galley wasm)`, `${fmt(c.ratio, 1)}×`, '≤ 10×', c.ratio <= 10);
  }
}
if (keystroke) budget('keystroke p95, 5,000-word article, Chromium worker', `${fmt(keystroke.p95)} ms`, '< 8 ms', keystroke.p95 < 8);
budget('wasm + JS, gzip', kb(size.gzip), '≤ 350 KB', size.gzip <= 350 * 1024);
if (startup.chromium) budget('createGalley() in Chromium', `${fmt(startup.chromium.createMs, 1)} ms`, '< 50 ms', startup.chromium.createMs < 50);
if (heapWasm) budget(`wasm memory after ${heapWasm.calls} calls vs after 100`, `+${kb(heapWasm.afterAll - heapWasm.after100)}`, '≤ 1 MB', heapWasm.afterAll - heapWasm.after100 <= 1 << 20);
for (const e of phaseErrors) budget(e.split(':')[0], 'failed', 'runs', false);

log(`\nBudgets${smoke ? ' (smoke run: small inputs and few samples, not enforced)' : ''}`);
const nameWidth = Math.max(...budgets.map((b) => b.name.length));
for (const b of budgets) log(`  ${b.pass ? 'PASS' : 'FAIL'}  ${b.name.padEnd(nameWidth)}  ${String(b.measured).padStart(10)}  (${b.limit})`);
const failed = budgets.filter((b) => !b.pass).length;
log(`  ${budgets.length - failed} of ${budgets.length} budgets met`);
log(`load average after: ${machine.loadAfter.join(' ')}; ${((Date.now() - started) / 1000).toFixed(0)} s`);

mkdirSync(OUT, { recursive: true });
const jsonFile = join(OUT, smoke ? 'results-smoke.json' : 'results.json');
writeFileSync(jsonFile, JSON.stringify({
  date: new Date().toISOString(),
  smoke,
  machine,
  config,
  options: JSON.parse(optionsJson),
  corpus: corpus.map(({ name, bytes, kind, form, size: s }) => ({ name, bytes, kind, form, size: s })),
  throughput,
  scaling,
  pathological: pathoReport,
  size,
  startup,
  keystroke,
  memory,
  budgets,
}, null, 2) + '\n');
// The same report as Markdown tables, for docs/PERFORMANCE.md.
const mdRows = (head, rows) => [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i ? ' ---: ' : ' --- ')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const mdUsed = columns.filter((c) => throughputEntries.some((e) => throughput[e.name]?.[c]));
const md = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${machine.cpu} (${machine.cores} cores), Node ${machine.node}` +
    (machine.chromium ? `, Chromium ${machine.chromium}` : '') +
    `; load average ${machine.loadBefore[0]} before, ${machine.loadAfter[0]} after; ${config.samples} interleaved samples, medians.`,
  '',
  "MB/s of input; in brackets, how many times faster Galley wasm in Node is. Galley: format() with the HTML, the JSON model and every rule; 'model read' also reads the result's article, which the package parses from the model's JSON when it is first read.",
  '',
  mdRows(['input', 'bytes', ...mdUsed.map((c) => short[c] ?? c)], throughputEntries.map((e) => {
    const r = throughput[e.name] ?? {};
    return [e.name, String(e.bytes), ...mdUsed.map((c) => (r[c] ? `${fmt(r[c].mbps, r[c].mbps >= 1 ? 1 : 2)}${c !== REF && r[REF] ? ` (${fmt(r[REF].mbps / r[c].mbps, 1)}×)` : ''}` : ''))];
  })),
  '',
  mdRows(['budget', 'measured', 'limit', ''], budgets.map((b) => [b.name, String(b.measured), b.limit, b.pass ? 'PASS' : 'FAIL'])),
  '',
].join('\n');
const mdFile = join(OUT, smoke ? 'results-smoke.md' : 'results.md');
writeFileSync(mdFile, md);
log(`written: ${relative(ROOT, jsonFile)}, ${relative(ROOT, mdFile)}`);
if (phaseErrors.length) log(`\nphases that failed: ${phaseErrors.join('; ')}`);
process.exit(phaseErrors.length || (!smoke && failed) ? 1 : 0);
