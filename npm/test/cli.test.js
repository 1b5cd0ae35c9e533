// The package's bin: the core's command line over files, globs and stdin, with the core's exit
// codes and help, the same reports as the API, and the same bytes as the native CLI when it is built.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGalley } from '../src/index.js';
import { glob } from '../src/glob.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const cli = fileURLToPath(new URL('../src/cli.js', import.meta.url));
const native = join(repo, 'build/native-release/core/cli/galley');
const galley = await createGalley();

/** Why the native comparison cannot run, or false: both builds must be of the current core sources. */
async function nativeSkip() {
  if (!existsSync(native)) return 'the native CLI is not built';
  const sources = await glob('core/**/*', { cwd: repo });
  const newest = Math.max(...sources.map((path) => statSync(join(repo, path)).mtimeMs));
  const wasm = fileURLToPath(new URL('../dist/galley.wasm', import.meta.url));
  if (statSync(native).mtimeMs < newest || statSync(wasm).mtimeMs < newest) return 'the native or wasm build is older than core/';
  return false;
}

function run(args, { input, cwd = repo } = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, input, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const samples = await glob('tests/samples/**/*', { cwd: repo });
const articles = samples.filter((path) => !path.endsWith('README.md'));
const read = (path) => readFileSync(join(repo, path), 'utf8');

test('check over a glob reports every sample, exits 1 exactly when an error is found', () => {
  const pattern = 'tests/samples/**/*.md';
  const files = samples.filter((path) => path.endsWith('.md'));
  assert.ok(files.length >= 5, 'the samples are there');
  const { code, stdout, stderr } = run(['check', pattern, '--format', 'json']);
  const report = JSON.parse(stdout);
  assert.deepEqual(report.map((entry) => entry.file), files);
  for (const entry of report) assert.deepEqual(entry.diagnostics, galley.check(read(entry.file)).diagnostics, entry.file);
  const errors = report.some((entry) => entry.diagnostics.some((d) => d.severity === 'error'));
  assert.equal(code, errors ? 1 : 0, stderr);
});

test('check prints the stylish report by default and SARIF on request', () => {
  const file = 'tests/samples/security-guarantees.txt';
  const expected = galley.check(read(file)).diagnostics;
  const stylish = run(['check', file]);
  assert.equal(stylish.code, expected.some((d) => d.severity === 'error') ? 1 : 0);
  assert.match(stylish.stdout, new RegExp(`^${file}\n`));
  for (const d of expected) assert.ok(stylish.stdout.includes(`${d.line}:${d.column}`) && stylish.stdout.includes(d.rule), d.rule);
  const sarif = JSON.parse(run(['check', file, '--format=sarif']).stdout);
  assert.equal(sarif.version, '2.1.0');
  assert.equal(sarif.runs[0].results.length, expected.length);
  assert.equal(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, file);
});

test('format renders each file as the API does; - reads standard input', () => {
  const file = articles[0];
  assert.equal(run(['format', file]).stdout, galley.format(read(file), { outputs: ['html'] }).html);
  assert.equal(run(['format', file, '--to', 'markdown']).stdout, galley.format(read(file), { outputs: ['markdown'] }).markdown);
  const whole = JSON.parse(run(['format', '--to', 'json', file]).stdout);
  assert.deepEqual(whole.article, galley.format(read(file), { outputs: ['json'] }).article);
  const piped = run(['format', '--to', 'text', '-', '--input', 'markdown'], { input: '# From stdin\n\nIt works.\n' });
  assert.equal(piped.code, 0, piped.stderr);
  assert.equal(piped.stdout, galley.format('# From stdin\n\nIt works.\n', { outputs: ['text'], input: 'markdown' }).text);
  const documentPage = run(['format', file, '--document', '--class-prefix', 'x-']).stdout;
  assert.match(documentPage, /^<!DOCTYPE html>/i);
  assert.match(documentPage, /class="x-article"/);
});

test('fix prints the fixed text, or rewrites the files with --write', () => {
  const source = '# Harbour reopens\n\nShips return.\n\n## What happened.\n\nThe port closed.\n';
  const expected = galley.fix(source).source;
  assert.notEqual(expected, source);
  assert.equal(run(['fix', '-'], { input: source }).stdout, expected);
  const dir = mkdtempSync(join(tmpdir(), 'galley-cli-'));
  try {
    writeFileSync(join(dir, 'a.md'), source);
    writeFileSync(join(dir, 'b.md'), source.replace('Harbour', 'Port'));
    const written = run(['fix', '*.md', '--write'], { cwd: dir });
    assert.equal(written.stdout, '');
    assert.match(written.stderr, /a\.md: 1 fixes applied/);
    assert.equal(readFileSync(join(dir, 'a.md'), 'utf8'), expected);
    assert.equal(readFileSync(join(dir, 'b.md'), 'utf8'), galley.fix(source.replace('Harbour', 'Port')).source);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--config reads a rule configuration file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'galley-cli-'));
  try {
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ rules: { 'headline/missing': 'off' } }));
    writeFileSync(join(dir, 'lede.md'), 'Only a lede, no headline.\n');
    const plain = run(['check', 'lede.md', '--format', 'json'], { cwd: dir });
    assert.ok(JSON.parse(plain.stdout)[0].diagnostics.some((d) => d.rule === 'headline/missing'));
    const configured = run(['check', 'lede.md', '--format', 'json', '--config', 'config.json'], { cwd: dir });
    assert.ok(!JSON.parse(configured.stdout)[0].diagnostics.some((d) => d.rule === 'headline/missing'));
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ rules: { 'no/such': 'off' } }));
    const bad = run(['check', 'lede.md', '--config=bad.json'], { cwd: dir });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /bad\.json.*invalid-options.*no\/such/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('rules lists the catalogue as text and JSON', () => {
  const json = run(['rules', '--format', 'json']);
  assert.equal(json.code, 0);
  assert.deepEqual(JSON.parse(json.stdout), galley.rules());
  const text = run(['rules']).stdout;
  for (const rule of galley.rules()) assert.ok(text.includes(rule.id), rule.id);
});

test('--help per command comes from the core; --version prints the version', () => {
  for (const command of ['format', 'check', 'fix', 'rules']) {
    const help = run([command, '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, new RegExp(`^Usage: galley ${command}`));
  }
  assert.match(run(['--help']).stdout, /^Usage: galley <command>/);
  assert.equal(run(['--version']).stdout.trim(), galley.version);
});

test('refused input, options and usage exit 2 with a message that names the problem', () => {
  const cases = [
    [['check', 'no-such-file.md'], /cannot read 'no-such-file\.md'/],
    [['check', 'tests/samples/nothing-*.md'], /cannot read 'tests\/samples\/nothing-\*\.md'/],
    [['check', '--profile', 'tabloid', 'tests/samples/security-guarantees.txt'], /profile/],
    [['check', '--frobnicate', 'x.md'], /Unknown option '--frobnicate'/],
    [['publish', 'x.md'], /unknown command 'publish'/],
    [['format', '--to', 'pdf', 'tests/samples/security-guarantees.txt'], /--to must be/],
    [['check'], /no input files/],
    [['check', '-', '--max-input-bytes', '10'], /input-too-large/],
    [[], /Usage: galley <command>/],
  ];
  for (const [args, message] of cases) {
    const result = run(args, { input: 'More than ten bytes of input.' });
    assert.equal(result.code, 2, args.join(' '));
    assert.match(result.stderr, message, args.join(' '));
  }
});

test('the same bytes and exit codes as the native CLI', { skip: await nativeSkip() }, () => {
  const invocations = [
    ['check', ...articles],
    ['check', '--format', 'json', ...articles],
    ['check', '--format', 'sarif', articles[0]],
    ['format', '--to', 'html', ...articles],
    ['format', '--to', 'markdown', articles[0]],
    ['format', '--to', 'jsonld', articles[0]],
    ['fix', articles[0]],
    ['rules'],
    ['format', '--help'],
    ['check', '--profile', 'x', articles[0]],
  ];
  for (const args of invocations) {
    const ours = run(args);
    const theirs = spawnSync(native, args, { cwd: repo, encoding: 'utf8' });
    assert.equal(ours.code, theirs.status, args.join(' '));
    assert.equal(ours.stdout, theirs.stdout, args.join(' '));
    assert.equal(ours.stderr, theirs.stderr, args.join(' '));
  }
});
