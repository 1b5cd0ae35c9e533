#!/usr/bin/env node
// The package's `galley` command: the core's own command line (galley::cli::run_json) with
// JavaScript doing what it cannot: expanding globs, reading files and stdin, writing --write results.
import { readFile, writeFile } from 'node:fs/promises';
import createCliModule from '../dist/galley-cli.mjs';
import { glob, hasMagic } from './glob.js';
import { compileOnce } from './loader.js';
import { Runtime } from './runtime.js';

/** Flags that take a value, as core/src/cli/cli.cpp reads them: their value is not a file. */
const valueFlags = new Set([
  '--to',
  '--format',
  '--config',
  '--input',
  '--profile',
  '--locale',
  '--layout',
  '--class-prefix',
  '--max-input-bytes',
]);

const decoder = new TextDecoder();

async function readText(path) {
  try {
    return decoder.decode(await readFile(path));
  } catch {
    return undefined; // the core reports "cannot read"
  }
}

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return decoder.decode(Buffer.concat(chunks));
}

/** Turns argv into the core's request {args, files, stdin}: globs expanded, named files read. */
async function request(argv) {
  const args = [];
  const files = {};
  let stdin;
  const read = async (path) => {
    if (path in files) return;
    const text = await readText(path);
    if (text !== undefined) files[path] = text;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (i === 0 && !arg.startsWith('-')) {
      args.push(arg); // the command
    } else if (valueFlags.has(arg)) {
      args.push(arg);
      if (i + 1 < argv.length) {
        const value = argv[++i];
        args.push(value);
        if (arg === '--config') await read(value);
      }
    } else if (arg.startsWith('--config=')) {
      args.push(arg);
      await read(arg.slice('--config='.length));
    } else if (arg === '-') {
      args.push(arg);
      stdin ??= await readStdin();
    } else if (arg.startsWith('-')) {
      args.push(arg);
    } else {
      // A pattern that matches nothing stays as written, as in a shell: the core says it cannot read it.
      const paths = hasMagic(arg) ? await glob(arg) : [];
      if (paths.length === 0) paths.push(arg);
      for (const path of paths) {
        args.push(path);
        await read(path);
      }
    }
  }
  return stdin === undefined ? { args, files } : { args, files, stdin };
}

/** Runs the command line; returns the exit code (0 success, 1 findings, 2 refused). */
async function main(argv, { stdout = process.stdout, stderr = process.stderr } = {}) {
  let reply;
  try {
    // The command line's own module: the page's galley.wasm leaves the CLI out.
    const runtime = new Runtime(createCliModule, await compileOnce(new URL('../dist/galley-cli.wasm', import.meta.url)));
    reply = runtime.cli(await request(argv));
  } catch (error) {
    stderr.write(`galley: ${error.message}\n`);
    return 2;
  }
  for (const [path, contents] of Object.entries(reply.writes ?? {})) {
    try {
      await writeFile(path, contents);
    } catch (error) {
      stderr.write(`galley: cannot write '${path}': ${error.message}\n`);
      return 2;
    }
  }
  stdout.write(reply.stdout);
  stderr.write(reply.stderr);
  return reply.code;
}

process.exitCode = await main(process.argv.slice(2));
