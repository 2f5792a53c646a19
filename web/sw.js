// The service worker: after the first visit the form works with the network off. It
// keeps the page, its scripts and styles, the WASM module (the rules) and the data it
// loads beside it (the conduct catalogue, the criteria catalogues and profiles).
// A request is answered from the cache at once and the cache refreshed from the network
// behind it, so a new version of the page is used from the visit after it is published.
//
// FILES must list everything the page loads (the browser test checks it).
const CACHE = "cadre-eval-form-v2";
const FILES = [
  "./",
  "index.html",
  "style.css",
  "official-form.css",
  "app.js",
  "checklist.js",
  "dom.js",
  "draft.js",
  "fields.js",
  "forms.js",
  "i18n.js",
  "official-form.js",
  "result.js",
  "state.js",
  "manifest.webmanifest",
  "icons/icon.svg",
  "icons/icon-192.png",
  "icons/icon-512.png",
  "pkg/cadre_eval_wasm.js",
  "pkg/cadre_eval_wasm_bg.wasm",
  "pkg/cadre_eval_data.json",
];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
    .then(() => self.clients.claim()));
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  // The page itself is kept once, whatever its query (?kind=…&lang=…).
  const key = request.mode === "navigate" ? new URL("./", self.location.href).href : request;
  const refreshed = fetch(request).then(async (response) => {
    if (response.ok && response.type === "basic") await (await caches.open(CACHE)).put(key, response.clone());
    return response;
  });
  event.respondWith(caches.match(key).then((cached) => {
    if (cached) {
      // Keep the worker alive until the refresh is stored; a failed refresh (offline) is fine.
      event.waitUntil(refreshed.catch(() => undefined));
      return cached;
    }
    return refreshed;
  }));
});
