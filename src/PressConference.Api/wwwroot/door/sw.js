// Keeps the door page itself on the device, so that reopening or reloading it while the network is down still
// works (the bundle, the admitted list and the queue are in localStorage). Only the page's own files under /door/
// are cached, network first so an update arrives on the next load; API calls are never touched.

// A new name when the list changes: activation then drops the old cache and the files no longer part of the page.
const CACHE = 'pressconference-door-v2';
// Every file of the page, each module included: the browser loads them all before the page runs.
const SHELL = [
  './', 'index.html', 'door.css', 'texts.js',
  'app.js', 'state.js', 'views.js', 'signin.js', 'setup.js', 'scan.js', 'verdict.js', 'recent.js', 'sync.js', 'camera.js',
  'api.js', 'store.js', 'pass.js', 'offline.js', 'scanner.js',
];
const OPTIONAL = ['vendor/jsQR.js'];

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(SHELL);
    // The camera fallback decoder is missing when the build had no npm: the page still works without it.
    await Promise.all(OPTIONAL.map((file) => cache.add(file).catch(() => undefined)));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name !== CACHE) {
        await caches.delete(name);
      }
    }

    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  const scope = new URL(self.registration.scope);
  if (request.method !== 'GET' || url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) {
    return;
  }

  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const response = await fetch(request);
      if (response.ok) {
        await cache.put(request, response.clone());
      }

      return response;
    } catch (error) {
      const cached = await cache.match(request, { ignoreSearch: true });
      if (cached) {
        return cached;
      }

      throw error;
    }
  })());
});
