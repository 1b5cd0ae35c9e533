// Hosts one Node engine of bench/engines.mjs in a process of its own, for bench/run.mjs. It
// speaks galley_bench's `serve` protocol: one command line in, one answer line out.
//   load ID PATH               -> "ok BYTES"
//   time ENGINE ID ITERATIONS  -> "ok NANOSECONDS"
//   quit
// Usage: node engine-host.mjs ENGINE SETTINGS_JSON  (SETTINGS_JSON: nodeEngineSpecs' settings)
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

import { nodeEngineSpecs } from './engines.mjs';

const [name, settingsJson] = process.argv.slice(2);
const spec = nodeEngineSpecs(JSON.parse(settingsJson)).find((s) => s.name === name);
if (!spec) {
  console.error(`engine-host: no engine named ${name}`);
  process.exit(2);
}
const engine = await spec.make();
const entries = new Map();

const answer = async (line) => {
  const [command, ...args] = line.split(' ');
  if (command === 'load') {
    const [id, ...path] = args;
    const text = readFileSync(path.join(' '), 'utf8');
    const entry = { name: id, id };
    entries.set(id, entry);
    await engine.load(entry, text);
    return `ok ${Buffer.byteLength(text)}`;
  }
  if (command === 'time') {
    const [engineName, id, iterations] = args;
    const entry = entries.get(id);
    if (engineName !== name || !entry || !(Number(iterations) > 0)) return `error bad time command: ${line}`;
    const ms = await engine.time(entry, Number(iterations));
    return `ok ${Math.round(ms * 1e6)}`;
  }
  return `error unknown command: ${line}`;
};

const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  if (line === 'quit') break;
  let reply;
  try {
    reply = await answer(line);
  } catch (err) {
    reply = `error ${String(err?.message ?? err).split('\n')[0]}`;
  }
  process.stdout.write(reply + '\n');
}
process.exit(0);
