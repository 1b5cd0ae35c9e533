// Instructions per format() call of the WebAssembly build, counted by callgrind: a figure that
// does not move with the machine's load, for comparing two builds of the package (timings on
// this shared 2-core machine move by ±10 % between runs; this count by well under 1 %).
//
// V8 runs with --predictable (no concurrent compilation or GC threads, GC by allocation only)
// and --no-liftoff (every wasm function compiled by TurboFan at once, no tier-up at a random
// moment). Two processes format the file a and b times; their difference over b - a is the cost
// of one call, start-up and warm-up cancelled. It counts instructions, not time: a cache miss or
// a slow division costs one, as in native callgrind profiles.
//
// Usage: node bench/instructions.mjs [--package DIR] [--options JSON] [--functions N] FILE...
//   --package    a directory holding the package's src/ and dist/ (default: npm/ of this checkout)
//   --functions  also where one call's instructions go: the N functions with the most of their own
//                (self) and the N wasm functions with the most in all they call (inclusive; a
//                function that calls itself through another counts its nested calls again). Compiled
//                wasm code is named through V8's perf map (--perf-basic-prof), so a build linked
//                with --profiling-funcs (build/wasm-size-prof) gives C++ names, the release build
//                only function indices. Calls between wasm functions pass through V8's jump table:
//                a call is credited to the function whose code its target runs.
// Needs valgrind (not installed by scripts/setup.sh: a developer's tool, not part of the suite).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

// Child mode: format FILE n times through the package at DIR.
if (process.argv[2] === '--child') {
  const [dir, file, n, optionsJson] = process.argv.slice(3);
  const { createGalley } = await import(pathToFileURL(join(dir, 'src', 'index.js')).href);
  const galley = await createGalley();
  const text = readFileSync(file, 'utf8');
  const options = JSON.parse(optionsJson);
  for (let i = 0; i < Number(n); i++) galley.format(text, options);
  process.exit(0);
}

const args = process.argv.slice(2);
let dir = join(HERE, '..', 'npm');
let optionsJson = JSON.stringify({ outputs: ['html', 'json'], rules: {} });
let functions = 0;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--package') dir = resolve(args[++i]);
  else if (args[i] === '--options') optionsJson = args[++i];
  else if (args[i] === '--functions') functions = Number(args[++i]);
  else files.push(args[i]);
}
if (files.length === 0 || !(functions >= 0)) {
  console.error('Usage: node bench/instructions.mjs [--package DIR] [--options JSON] [--functions N] FILE...');
  process.exit(2);
}
const work = functions > 0 ? mkdtempSync(join(tmpdir(), 'galley-instructions-')) : null;

/** Instructions of formatting `file` `calls` times; with --functions, also its profile (profile()). */
function count(file, calls) {
  const out = work ? join(work, `callgrind.${calls}`) : '/dev/null';
  const run = spawnSync(
    'valgrind',
    ['--tool=callgrind', `--callgrind-out-file=${out}`, '--smc-check=all-non-file',
      ...(work ? ['--dump-instr=yes', '--compress-pos=no'] : []),
      process.execPath, '--no-liftoff', '--predictable', ...(work ? ['--perf-basic-prof'] : []),
      fileURLToPath(import.meta.url), '--child', dir, resolve(file), String(calls), optionsJson],
    // V8 writes a log beside the perf map when it makes one: into the scratch directory.
    { encoding: 'utf8', cwd: work ?? process.cwd() },
  );
  const refs = /I\s+refs:\s+([\d,]+)/.exec(run.stderr ?? '');
  if (run.error || run.status !== 0 || !refs) {
    throw new Error(`valgrind failed on ${file}: ${run.error?.message ?? run.stderr.slice(-400)}`);
  }
  const total = Number(refs[1].replaceAll(',', ''));
  if (!work) return { total };
  const map = `/tmp/perf-${run.pid}.map`;
  const result = { total, ...profile(out, readFileSync(map, 'utf8')) };
  rmSync(map, { force: true });
  rmSync(out, { force: true });
  return result;
}

/**
 * Self and inclusive instructions per function from a callgrind file written with
 * --dump-instr=yes --compress-pos=no, JIT code named by V8's perf map ("start size name" lines).
 */
function profile(callgrindFile, perfMap) {
  const code = perfMap.split('\n').filter(Boolean).map((line) => {
    const [start, size, ...name] = line.split(' ');
    return [parseInt(start, 16), parseInt(size, 16), name.join(' ')];
  }).sort((a, b) => a[0] - b[0]);
  const symbolAt = (address) => {
    let lo = 0;
    let hi = code.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (code[mid][0] <= address) lo = mid + 1;
      else hi = mid - 1;
    }
    return hi >= 0 && address < code[hi][0] + code[hi][1] ? code[hi][2] : null;
  };
  const names = new Map();  // callgrind's compressed function names: id -> name
  const nameOf = (line) => {
    const m = /^c?fn=\((\d+)\)(?: (.*))?$/.exec(line);
    if (!m) return line.slice(line.indexOf('=') + 1);
    if (m[2] !== undefined) names.set(m[1], m[2]);
    return m[1];
  };
  const self = new Map();
  const runs = new Map();  // callgrind function -> the symbols its instructions belong to
  const calls = [];  // [caller function, call address, callee function, inclusive cost]
  let positions = 1;
  let fn = null;
  let callee = null;
  let pendingCall = false;
  for (const line of readFileSync(callgrindFile, 'utf8').split('\n')) {
    if (line.startsWith('positions:')) positions = line.trim().split(/\s+/).length - 1;
    else if (line.startsWith('fn=')) fn = nameOf(line);
    else if (line.startsWith('cfn=')) callee = nameOf(line);
    else if (line.startsWith('calls=')) pendingCall = true;
    else if (line.startsWith('0x')) {
      const fields = line.split(' ');
      const address = parseInt(fields[0], 16);
      const cost = Number(fields[positions] ?? 0);
      if (pendingCall) {
        pendingCall = false;
        calls.push([fn, address, callee, cost]);
        continue;
      }
      const symbol = symbolAt(address) ?? names.get(fn) ?? fn;
      self.set(symbol, (self.get(symbol) ?? 0) + cost);
      let symbols = runs.get(fn);
      if (!symbols) runs.set(fn, (symbols = new Map()));
      symbols.set(symbol, (symbols.get(symbol) ?? 0) + cost);
    }
  }
  // A callgrind function of JIT code is named by its entry, often a jump-table slot: it stands
  // for the symbol most of its instructions belong to.
  const symbolOf = (f) => {
    const symbols = runs.get(f);
    if (!symbols) return names.get(f) ?? f;
    return [...symbols].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
  };
  const inclusive = new Map();
  for (const [caller, address, target, cost] of calls) {
    const to = symbolOf(target);
    if (!isWasm(to) || (symbolAt(address) ?? symbolOf(caller)) === to) continue;
    inclusive.set(to, (inclusive.get(to) ?? 0) + cost);
  }
  return { self, inclusive };
}

/** Whether a perf-map name is compiled wasm code (JavaScript's names carry its file's URL). */
function isWasm(name) {
  return /^JS:.*-turbofan$/.test(name) && !/ (file|node):/.test(name);
}

/** The top `n` of (b − a) / calls, with shares of one call. */
function printTop(title, a, b, calls, perCall, n) {
  const rows = [...b.keys()].map((k) => [(b.get(k) - (a.get(k) ?? 0)) / calls, k]).sort((x, y) => y[0] - x[0]);
  console.log(`  ${title}:`);
  for (const [v, k] of rows.slice(0, n)) {
    const name = k.replace(/^JS:/, '').replace(/-\d+-turbofan$/, '')
      .replaceAll('std::__2::basic_string_view<char, std::__2::char_traits<char> >', 'string_view')
      .replaceAll('std::__2::basic_string<char, std::__2::char_traits<char>, std::__2::allocator<char> >', 'string');
    console.log(`  ${(v / 1e3).toFixed(1).padStart(9)} K ${(100 * v / perCall).toFixed(1).padStart(5)} %  ${name.slice(0, 140)}`);
  }
}

for (const file of files) {
  // About 500 KB of input between the two processes, at least two calls.
  const bytes = statSync(file).size;
  const a = Math.max(1, Math.round(50_000 / bytes));
  const b = a + Math.max(2, Math.round(500_000 / bytes));
  const first = count(file, a);
  const second = count(file, b);
  const perCall = (second.total - first.total) / (b - a);
  console.log(`${basename(file)}\t${(perCall / 1e6).toFixed(3)} M instructions per call (${b - a} calls)`);
  if (work) {
    printTop('self', first.self, second.self, b - a, perCall, functions);
    printTop('inclusive', first.inclusive, second.inclusive, b - a, perCall, functions);
  }
}
if (work) rmSync(work, { recursive: true, force: true });
