// Vite plugin: after the build, writes sw.js that precaches every built file (incl. the .wasm).
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

async function walk(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(path)));
    else out.push(path);
  }
  return out;
}

/** The service worker: cache first for built files, network first for the page itself. */
function workerSource(cache, files) {
  return `// Galley demo service worker (generated at build time): the page works offline once loaded.
const CACHE = ${JSON.stringify(cache)};
const FILES = ${JSON.stringify(files, null, 0)};

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('galley-demo-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // The page: fresh when online, from the cache when not.
    event.respondWith(fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(() => caches.match(request, { ignoreSearch: true })
        .then((hit) => hit || caches.match(new URL('./index.html', self.registration.scope).href))));
    return;
  }
  event.respondWith(caches.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request)));
});
`;
}

export function serviceWorker() {
  let outDir = 'dist';
  return {
    name: 'galley-demo-service-worker',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir.startsWith('/') ? config.build.outDir : join(config.root, config.build.outDir);
    },
    async closeBundle() {
      const paths = (await walk(outDir)).filter((p) => !p.endsWith(`${sep}sw.js`)).sort();
      const hash = createHash('sha256');
      const files = ['./'];
      for (const path of paths) {
        const rel = relative(outDir, path).split(sep).join('/');
        hash.update(rel);
        hash.update(await readFile(path));
        files.push(`./${rel}`);
      }
      const cache = `galley-demo-${hash.digest('hex').slice(0, 12)}`;
      await writeFile(join(outDir, 'sw.js'), workerSource(cache, files));
    },
  };
}
