// In-page side of the Chromium benchmarks: throughput, createGalley() time and keystroke
// latency through a Web Worker, all through the galley package as a user imports it.
import { createGalley } from '/npm/src/index.js';
import { createGalleyWorker } from '/npm/src/worker.js';

const texts = new Map();
let galley = null;
let options = {};

async function ensure() {
  if (!galley) galley = await createGalley();
  return galley;
}

window.galleyBench = {
  /** Time of one createGalley() in this (fresh) page: fetch, compile, instantiate. */
  async createTime() {
    const t0 = performance.now();
    galley = await createGalley();
    return performance.now() - t0;
  },
  async setOptions(json) {
    options = JSON.parse(json);
    await ensure();
    return true;
  },
  async load(name, url) {
    const res = await fetch(url);
    texts.set(name, await res.text());
    return texts.get(name).length;
  },
  /** Milliseconds for `iterations` format() calls of a loaded text. */
  async time(name, iterations) {
    const g = await ensure();
    const text = texts.get(name);
    let produced = 0;
    const t0 = performance.now();
    for (let i = 0; i < iterations; ++i) produced += g.format(text, options).diagnostics.length;
    const ms = performance.now() - t0;
    return { ms, produced };
  },
  /**
   * Keystroke latency: `edits` single-character insertions into a loaded article, each sent to
   * galley/worker and awaited, as the demo editor re-checks and re-renders after each key
   * (reading the article model, as the demo's preview and structure panel do).
   */
  async keystrokes(name, edits, warmup) {
    const worker = await createGalleyWorker();
    let text = texts.get(name);
    const typed = 'The quick brown fox jumps over the lazy dog, said the editor. ';
    // Type into the middle of the article, one character per edit, moving the cursor on.
    let cursor = text.indexOf(' ', Math.floor(text.length / 2)) + 1;
    await worker.format(text, options);
    const latencies = [];
    for (let i = 0; i < warmup + edits; ++i) {
      text = text.slice(0, cursor) + typed[i % typed.length] + text.slice(cursor);
      cursor += 1;
      const t0 = performance.now();
      const result = await worker.format(text, options);
      if (!result.article) throw new Error('format() returned no article model');
      const ms = performance.now() - t0;
      if (i >= warmup) latencies.push({ ms, core: result.stats.timings.totalMs });
    }
    await worker.terminate();
    return latencies;
  },
};
document.getElementById('status').textContent = 'ready';
