// WebAssembly memory of one galley instance after 100 and after CALLS format() calls, cycling
// through the given files (an editor session). Runs in its own process, so that wrapping
// WebAssembly's instantiation to see the instance's memory touches nothing else.
// Usage: node heap.mjs CALLS OPTIONS_JSON FILE...
import { readFileSync } from 'node:fs';

const [calls, optionsJson, ...files] = process.argv.slice(2);
const texts = files.map((f) => readFileSync(f, 'utf8'));
const options = JSON.parse(optionsJson);

// The package instantiates with WebAssembly.Instance or WebAssembly.instantiate: watch both.
let memory = null;
const see = (instance) => {
  memory = Object.values(instance.exports).find((x) => x instanceof WebAssembly.Memory) ?? memory;
};
const { Instance, instantiate } = WebAssembly;
WebAssembly.Instance = new Proxy(Instance, {
  construct(target, args, newTarget) {
    const instance = Reflect.construct(target, args, newTarget);
    see(instance);
    return instance;
  },
});
WebAssembly.instantiate = async function (...args) {
  const result = await instantiate.apply(this, args);
  see(result.instance ?? result);
  return result;
};
const { createGalley } = await import('galley');
const galley = await createGalley();
WebAssembly.Instance = Instance;
WebAssembly.instantiate = instantiate;
if (!memory) throw new Error('the wasm memory was not found among the exports');

const start = memory.buffer.byteLength;
let after100 = 0;
for (let i = 0; i < Number(calls); ++i) {
  galley.format(texts[i % texts.length], options);
  if (i + 1 === 100) after100 = memory.buffer.byteLength;
}
process.stdout.write(JSON.stringify({ calls: Number(calls), start, after100, afterAll: memory.buffer.byteLength }) + '\n');
