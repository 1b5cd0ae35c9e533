// createGalley() in a fresh Node process: the first call (read, compile, instantiate the wasm)
// and a second one (compiled module shared, instantiate only). Prints JSON.
const t0 = performance.now();
const { createGalley } = await import('galley');
const t1 = performance.now();
await createGalley();
const t2 = performance.now();
await createGalley();
const t3 = performance.now();
process.stdout.write(JSON.stringify({ importMs: t1 - t0, firstMs: t2 - t1, secondMs: t3 - t2 }) + '\n');
