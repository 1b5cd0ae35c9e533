#!/usr/bin/env node
// Prints what galley.wasm is made of: code bytes per origin (Galley's source files, cmark-gfm,
// libyaml, toml++, nlohmann::json, libc++, libc, embind, malloc), the largest functions, and data.
//
// Needs a wasm linked with function names (--profiling-funcs) and that build's object files:
//   cmake -S . -B build/wasm-size-prof -G Ninja \
//     --toolchain /usr/share/emscripten/cmake/Modules/Platform/Emscripten.cmake \
//     -DCMAKE_BUILD_TYPE=Release -DGALLEY_TESTS=OFF -DGALLEY_BENCH=OFF \
//     -DCMAKE_EXE_LINKER_FLAGS=--profiling-funcs -DGALLEY_WASM_OUT=$PWD/build/wasm-size-prof/out
//   flock /tmp/galley-build.lock cmake --build build/wasm-size-prof -j2
//   node scripts/wasm-size.mjs build/wasm-size-prof [--top N] [--markdown] [--by-file]
//
// Each function is attributed to the object file that defines it (llvm-nm over the build's
// objects and Emscripten's system libraries); templates defined in several objects (libc++,
// nlohmann::json, toml++ instantiations) are attributed by their name. Code inlined into a
// function counts for that function. "gzip" is the gzip -9 size of the group's function bodies
// compressed together: an estimate of its share of the compressed module.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const buildDir = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a)) ?? 'build/wasm-size-prof';
const topIndex = args.indexOf('--top');
const top = topIndex >= 0 ? Number(args[topIndex + 1]) : 40;
const markdown = args.includes('--markdown');
const byFile = args.includes('--by-file');
const sysLibDir = '/usr/share/emscripten/cache/sysroot/lib/wasm32-emscripten';

const findWasm = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith('_deps') && entry.name !== 'CMakeFiles') {
      const found = findWasm(p);
      if (found) return found;
    } else if (entry.name === 'galley.wasm') return p;
  }
  return null;
};
const wasmPath = findWasm(buildDir);
if (!wasmPath) throw new Error(`no galley.wasm under ${buildDir}`);
const wasm = readFileSync(wasmPath);

// --- The module: function bodies, data segments, function names ------------------------------
let pos = 8;
const leb = () => {
  let result = 0;
  let shift = 0;
  for (;;) {
    const b = wasm[pos++];
    result += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return result;
  }
};
const bodies = [];
const data = [];
const names = new Map();
const sections = [];
let importedFunctions = 0;
while (pos < wasm.length) {
  const id = wasm[pos++];
  const size = leb();
  const end = pos + size;
  let name = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'elem', 'code', 'data', 'datacount'][id];
  if (id === 0) {
    const len = leb();
    name = wasm.subarray(pos, pos + len).toString();
    pos += len;
    if (name === 'name') {
      while (pos < end) {
        const sub = wasm[pos++];
        const subSize = leb();
        const subEnd = pos + subSize;
        if (sub === 1) {
          const count = leb();
          for (let i = 0; i < count; i++) {
            const index = leb();
            const nameLen = leb();
            names.set(index, wasm.subarray(pos, pos + nameLen).toString());
            pos += nameLen;
          }
        }
        pos = subEnd;
      }
    }
  } else if (id === 2) {
    const count = leb();
    for (let i = 0; i < count; i++) {
      const modLen = leb();
      pos += modLen;
      const fieldLen = leb();
      pos += fieldLen;
      const kind = wasm[pos++];
      if (kind === 0) {
        leb();
        importedFunctions++;
      } else if (kind === 1) {
        pos++;
        const flags = leb();
        leb();
        if (flags & 1) leb();
      } else if (kind === 2) {
        const flags = leb();
        leb();
        if (flags & 1) leb();
      } else if (kind === 3) {
        pos += 2;
      }
    }
  } else if (id === 10) {
    const count = leb();
    for (let i = 0; i < count; i++) {
      const start = pos;
      const bodySize = leb();
      pos += bodySize;
      bodies.push(wasm.subarray(start, pos));
    }
  } else if (id === 11) {
    const count = leb();
    for (let i = 0; i < count; i++) {
      const start = pos;
      const flags = leb();
      if (flags === 0 || flags === 2) {
        if (flags === 2) leb();
        while (wasm[pos] !== 0x0b) pos++;  // the offset expression: i32.const N end
        pos++;
      }
      const len = leb();
      data.push({ bytes: wasm.subarray(pos, pos + len), size: pos + len - start });
      pos += len;
    }
  }
  sections.push({ name, size });
  pos = end;
}

// --- Who defines what: llvm-nm over the build's objects and the system libraries -------------
const walk = (dir, out = []) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else if (entry.name.endsWith('.o')) out.push(p);
  }
  return out;
};
const sourceOf = (object) => {
  const rel = relative(buildDir, object);
  let m = rel.match(/galley_core\.dir\/(src\/.*)\.o$/);
  if (m) return `core/${m[1]}`;
  if (/galley_wasm\.dir\//.test(rel)) return 'wasm/bindings.cpp';
  if (/cmark-gfm/.test(rel)) return 'cmark-gfm';
  if (/libyaml/.test(rel)) return 'libyaml';
  m = rel.match(/([^/]+)\.o$/);
  return m ? m[1] : rel;
};
const definers = new Map();  // demangled name -> Set of origins
const addSymbols = (files, originOf) => {
  const out = execFileSync('llvm-nm', ['--defined-only', '-C', '--print-file-name', ...files], {
    maxBuffer: 1 << 28,
    stdio: ['ignore', 'pipe', 'ignore'],
  }).toString();
  for (const line of out.split('\n')) {
    // "file.a:member.o: 0000001a T name" or "file.o: 0000001a T name"
    const m = line.match(/^(.*?):\s+([0-9a-f]+)?\s+([A-Za-z])\s+(.*)$/);
    if (!m) continue;
    const [, file, , type, name] = m;
    const origin = originOf(file);
    if (/[TtWw]/.test(type)) {
      if (!definers.has(name)) definers.set(name, new Set());
      definers.get(name).add(origin);
    }
  }
};
const objects = walk(buildDir).filter((o) => !/CMakeFiles\/[^/]*\.dir\/CMake/.test(o) && !/\/bench\//.test(o));
addSymbols(objects, (file) => sourceOf(file));
const sysLibs = {
  'libc++-noexcept.a': 'libc++',
  'libc++abi-noexcept.a': 'libc++abi',
  'libc.a': 'libc',
  'libdlmalloc.a': 'malloc',
  'libemmalloc.a': 'malloc',
  'libembind-rtti.a': 'embind',
  'libembind.a': 'embind',
  'libcompiler_rt.a': 'compiler-rt',
  'libstubs.a': 'libc',
  'libnoexit.a': 'libc',
};
for (const [lib, origin] of Object.entries(sysLibs)) {
  const p = join(sysLibDir, lib);
  try {
    statSync(p);
  } catch {
    continue;
  }
  addSymbols([p], () => origin);
}

// --- Attribution ---------------------------------------------------------------------------
const byName = (name) => {
  // The first qualified name in the signature after any return type: where the code comes from.
  const head = name.replace(/^(?:(?:const |unsigned |signed )?[\w:]+(?:<.*?>)?[*&\s]*\s)(?=[\w:]+::)/, '');
  if (/^nlohmann::/.test(head)) return 'nlohmann::json';
  if (/^toml::/.test(head)) return 'toml++';
  if (/^(emscripten::|_embind|embind_)/.test(head)) return 'embind';
  if (/^(std::|__cxxabiv1|__cxa_|operator new|operator delete)/.test(head)) return 'libc++ templates';
  if (/^(cmark|_scan_|S_|_ext_)/.test(head)) return 'cmark-gfm';
  if (/^yaml_/.test(head)) return 'libyaml';
  return null;
};
const GROUPS = [
  ['core/src/parse', 'Galley parse'],
  ['core/src/structure', 'Galley structure'],
  ['core/src/rules', 'Galley rules'],
  ['core/src/render', 'Galley render'],
  ['core/src/typography', 'Galley typography'],
  ['core/src/api', 'Galley api'],
  ['core/src/cli', 'Galley cli'],
  ['core/src', 'Galley other'],
  ['wasm/', 'Galley wasm binding'],
];
const groupOf = (origin) => {
  for (const [prefix, group] of GROUPS) if (origin.startsWith(prefix)) return group;
  return origin;
};
const originOf = (rawName) => {
  const name = rawName.replace(/\.\d+$/, '');
  const byNameOrigin = byName(name);
  const defs = definers.get(name);
  if (defs && defs.size === 1) {
    const only = [...defs][0];
    // A template instantiated by one of Galley's files belongs to its library, not to the file.
    if (byNameOrigin && only.startsWith('core/') && byNameOrigin !== 'libc++ templates') return byNameOrigin;
    return only;
  }
  if (byNameOrigin) return byNameOrigin;
  if (defs) {
    const list = [...defs];
    const lib = list.find((d) => !d.startsWith('core/') && !d.startsWith('wasm/'));
    return lib ?? list[0];
  }
  if (/^(legalstub\$|legalfunc\$|dynCall_|stackAlloc|stackSave|stackRestore|__wasm_call_ctors|emscripten_|__errno_location|sbrk|__emscripten)/.test(name)) return 'libc';
  if (/^(malloc|free|calloc|realloc|dlmalloc|dlfree|internal_memalign|emscripten_builtin)/.test(name)) return 'malloc';
  if (/^galley::/.test(name) || /^\(anonymous namespace\)::Engine/.test(name)) return 'Galley (unmatched)';
  return 'other';
};

const functions = bodies.map((body, i) => {
  const name = names.get(i + importedFunctions) ?? `func${i + importedFunctions}`;
  return { name, size: body.length, body, origin: originOf(name) };
});

const tally = (keyOf) => {
  const groups = new Map();
  for (const f of functions) {
    const key = keyOf(f);
    if (!groups.has(key)) groups.set(key, { key, size: 0, count: 0, bodies: [] });
    const g = groups.get(key);
    g.size += f.size;
    g.count++;
    g.bodies.push(f.body);
  }
  for (const g of groups.values()) g.gzip = gzipSync(Buffer.concat(g.bodies), { level: 9 }).length;
  return [...groups.values()].sort((a, b) => b.size - a.size);
};

const codeTotal = functions.reduce((n, f) => n + f.size, 0);
const dataTotal = data.reduce((n, d) => n + d.bytes.length, 0);
const wasmGzip = gzipSync(wasm, { level: 9 }).length;
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const pct = (n, of) => `${((100 * n) / of).toFixed(1)} %`;
const short = (s, n = 110) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const table = (title, head, rows) => {
  console.log(`\n${title}`);
  if (markdown) {
    console.log(`| ${head.join(' | ')} |`);
    console.log(`|${head.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`);
    for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  } else {
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
    const fmt = (r) => r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
    console.log(fmt(head));
    for (const r of rows) console.log(fmt(r));
  }
};

console.log(`${wasmPath}: ${kib(wasm.length)} raw (names section included), ${kib(wasmGzip)} gzip -9`);
table('Sections', ['section', 'bytes'], sections.map((s) => [s.name, s.size]));
const groups = tally((f) => groupOf(f.origin));
table(
  `Code by origin (${functions.length} functions, ${kib(codeTotal)}; data segments ${kib(dataTotal)})`,
  ['origin', 'functions', 'code', 'share', 'gzip alone'],
  groups.map((g) => [g.key, g.count, kib(g.size), pct(g.size, codeTotal), kib(g.gzip)]),
);
if (byFile) {
  const files = tally((f) => f.origin).filter((g) => g.key.startsWith('core/') || g.key.startsWith('wasm/'));
  table('Galley code by source file', ['file', 'functions', 'code', 'gzip alone'], files.map((g) => [g.key, g.count, kib(g.size), kib(g.gzip)]));
}
table(
  `Largest ${top} functions`,
  ['function', 'origin', 'bytes'],
  [...functions].sort((a, b) => b.size - a.size).slice(0, top).map((f) => [short(f.name), f.origin, f.size]),
);

// Data: the module's segments are merged, so the objects' data sections (llvm-size; of the
// objects that contributed code) tell what they hold: string literals, tables, vtables.
const linkedOrigins = new Set(functions.map((f) => f.origin));
const dataByObject = [];
for (const line of execFileSync('llvm-size', objects, { maxBuffer: 1 << 26 }).toString().split('\n').slice(1)) {
  const m = line.trim().match(/^(\d+)\s+(\d+)\s+(\d+)\s+\d+\s+[0-9a-f]+\s+(.*)$/);
  if (!m) continue;
  const origin = sourceOf(m[4]);
  if (!linkedOrigins.has(origin)) continue;
  dataByObject.push({ object: relative(buildDir, m[4]), origin, size: Number(m[2]) });
}
const dataByOrigin = new Map();
for (const d of dataByObject) dataByOrigin.set(groupOf(d.origin), (dataByOrigin.get(groupOf(d.origin)) ?? 0) + d.size);
const dataGzip = gzipSync(Buffer.concat(data.map((d) => d.bytes)), { level: 9 }).length;
table(
  `Data segments: ${data.length}, ${kib(dataTotal)} (${kib(dataGzip)} gzip alone). Data of the objects that contributed code (an upper bound: unused data may be dropped; libc and libc++ not shown)`,
  ['origin', 'data'],
  [...dataByOrigin].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, kib(v)]),
);
table(
  'Largest data by object (≥ 2 KiB)',
  ['object', 'data'],
  dataByObject.filter((d) => d.size >= 2048).sort((a, b) => b.size - a.size).map((d) => [d.object.replace(/.*CMakeFiles\/[^/]+\.dir\//, ''), kib(d.size)]),
);
