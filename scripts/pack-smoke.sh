#!/usr/bin/env bash
# Packs the npm package and uses the tarball as a user would, in a clean temporary project
# (installed offline: the package has no dependencies): the file list, imports in Node (main
# entry, worker, inline build, schema, wasm subpath), the types under tsc, `npx galley check` on
# the samples, and a Vite production build of e2e/vite-app against the installed package, written
# to build/package-e2e/site for the package's Playwright tests. Prints the package's size.
# Usage: scripts/pack-smoke.sh   (after scripts/build.sh wasm)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

say() { printf '[pack] %s\n' "$*"; }
fail() { printf '[pack] FAIL: %s\n' "$*" >&2; exit 1; }

[ -f npm/dist/galley.wasm ] && [ -f npm/dist/galley.inline.js ] || fail "npm/dist is not built: run scripts/build.sh wasm"

work="$(mktemp -d "${TMPDIR:-/tmp}/galley-pack.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# 1. The tarball holds exactly the allow-listed files.
tarball="$(cd npm && npm pack --silent --pack-destination "$work" | tail -n 1)"
tarball="$work/$tarball"
[ -f "$tarball" ] || fail "npm pack wrote no tarball"
tar -tzf "$tarball" | sed 's|^package/||' | sort >"$work/files.txt"
for required in package.json README.md index.d.ts worker.d.ts dist/galley.wasm dist/galley.mjs dist/galley.inline.js \
  dist/galley-cli.wasm dist/galley-cli.mjs src/index.js src/worker.js src/worker-entry.js src/cli.js src/glob.js; do
  grep -qx "$required" "$work/files.txt" || fail "the tarball lacks $required"
done
if grep -E '^(test|scripts)/|\.tgz$' "$work/files.txt"; then fail "the tarball holds files that are not for users"; fi
say "tarball $(basename "$tarball"): $(wc -l <"$work/files.txt") files, $(du -k "$tarball" | cut -f1) KiB"

# 2. A clean project installs it offline.
project="$work/project"
mkdir -p "$project"
printf '{ "name": "galley-smoke", "private": true, "type": "module" }\n' >"$project/package.json"
(cd "$project" && npm install --offline --no-audit --no-fund --silent "$tarball") || fail "npm install of the tarball"
[ -d "$project/node_modules/galley" ] && [ ! -L "$project/node_modules/galley" ] || fail "galley is not installed as a copy"
[ "$(ls "$project/node_modules" | grep -vc '^\.')" = 1 ] || fail "installing galley brought other packages"

# 3. Every entry point works from the installed copy.
cat >"$project/smoke.mjs" <<'EOF'
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createGalley, GalleyError } from 'galley';
import { createGalleyWorker } from 'galley/worker';
import * as inline from 'galley/inline';

const source = '# Harbour reopens\n\nShips return after the storm.\n\n## What happened\n\nThe port closed.\n';
const galley = await createGalley();
const result = galley.format(source, { outputs: ['html', 'json'] });
assert.match(result.html, /<h1 class="galley-headline">Harbour reopens<\/h1>/);
assert.equal(result.article.headline.text, 'Harbour reopens');
assert.throws(() => galley.format(source, { profile: 'x' }), (e) => e instanceof GalleyError && e.code === 'invalid-options');
const worker = await createGalleyWorker();
assert.equal((await worker.format(source, { outputs: ['json'] })).article.headline.text, 'Harbour reopens');
await worker.terminate();
assert.equal((await inline.createGalley()).check(source).mode, 'markdown');
const wasm = fileURLToPath(import.meta.resolve('galley/galley.wasm'));
assert.deepEqual(readFileSync(wasm).subarray(0, 4), Buffer.from([0, 0x61, 0x73, 0x6d]));
const pkg = JSON.parse(readFileSync(fileURLToPath(import.meta.resolve('galley/package.json')), 'utf8'));
assert.equal(pkg.version, galley.version);
// The article model's JSON schema ships under schema/ (written with the JSON renderer).
if (existsSync(new URL('schema/', import.meta.resolve('galley/package.json')))) {
  const schema = JSON.parse(readFileSync(fileURLToPath(import.meta.resolve('galley/schema.json')), 'utf8'));
  assert.equal(typeof schema, 'object');
  assert.ok(JSON.stringify(schema).includes('galley.article/v1'), 'galley/schema.json is the article schema');
} else {
  console.log('no schema/ in the package yet: galley/schema.json not checked');
}
console.log(`imports from the installed package: ok (galley ${galley.version})`);
EOF
(cd "$project" && node smoke.mjs) || fail "imports from the installed package"

# 4. The types resolve from the installed package under strict TypeScript.
cat >"$project/types.ts" <<'EOF'
import { createGalley, GalleyError, type FormatResult } from 'galley';
import { createGalleyWorker, type RequestOptions } from 'galley/worker';
const galley = await createGalley();
const result: FormatResult = galley.format('# T', { outputs: ['html'], profile: 'blog' });
const request: RequestOptions = { key: 'editor' };
const worker = await createGalleyWorker();
export const out = [result.html, (await worker.check('# T', {}, request)).diagnostics.length, GalleyError.name];
// @ts-expect-error: not an option
galley.format('# T', { colour: 'red' });
EOF
tsc="$(node -e "const r=require('module').createRequire('$ROOT/npm/package.json');const p=r.resolve('typescript/package.json');const b=require(p).bin;console.log(require('path').join(require('path').dirname(p), typeof b==='string'?b:b.tsc))")"
(cd "$project" && node "$tsc" --noEmit --strict --target es2022 --module nodenext --moduleResolution nodenext \
  --lib es2022,dom --types '' types.ts) || fail "tsc over the installed types"
say "types from the installed package: ok"

# 5. npx galley check on the samples: exit 0 (clean) or 1 (error findings), never 2 (refused).
set +e
(cd "$project" && npx --offline galley check "$ROOT/tests/samples/**/*.md" "$ROOT/tests/samples/*.txt") >"$work/check.txt" 2>&1
code=$?
set -e
[ "$code" = 0 ] || [ "$code" = 1 ] || { cat "$work/check.txt"; fail "npx galley check exited $code"; }
(cd "$project" && npx --offline galley check --format json "$ROOT/tests/samples/**/*.md" "$ROOT/tests/samples/*.txt") >"$work/check.json" || true
node - "$work/check.json" "$work/check.txt" "$ROOT"/tests/samples/*.txt "$ROOT"/tests/samples/*/*.md <<'EOF' || fail "the check report"
const { readFileSync } = require('node:fs');
const [json, stylish, ...samples] = process.argv.slice(2);
const report = JSON.parse(readFileSync(json, 'utf8'));
const text = readFileSync(stylish, 'utf8');
const listed = report.map((entry) => entry.file);
for (const sample of samples) if (!listed.includes(sample)) throw new Error(`the report misses ${sample}`);
for (const entry of report) if (entry.diagnostics.length && !text.includes(entry.file)) throw new Error(`stylish misses ${entry.file}`);
EOF
say "npx galley check on $(ls "$ROOT"/tests/samples/*.txt "$ROOT"/tests/samples/*/*.md | wc -l) samples: exit $code, $(grep -E '^[0-9]+ problems? ' "$work/check.txt" || echo 'no problems')"

# 6. A Vite production build of the fixture app against the installed package.
app="$project/app"
mkdir -p "$app"
cp -r e2e/vite-app/index.html e2e/vite-app/worker.html e2e/vite-app/vite.config.js e2e/vite-app/src e2e/vite-app/cms "$app/"
node e2e/vite-app/build.mjs "$app" "$ROOT/build/package-e2e/site" || fail "the Vite build of the fixture app"
grep -rq "$project/node_modules/galley" "$ROOT/build/package-e2e/site" && fail "the build refers to the temporary project"
say "vite build against the installed package: build/package-e2e/site"

node npm/scripts/size.mjs
