// A tiny static server for the form: web/ at `/`, and the browser build of the WASM
// package (bindings-wasm/pkg/web, made by `scripts/test.sh --only wasm`) at `/pkg/`.
// Loopback only; nothing is fetched from the network.
//
//   node web/serve.mjs [port]      then open http://127.0.0.1:<port>/
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";

const defaultWebRoot = fileURLToPath(new URL(".", import.meta.url));
const defaultPkgRoot = fileURLToPath(new URL("../bindings-wasm/pkg/web/", import.meta.url));

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/** The file a URL path names, or null when it would leave its root. */
function resolve(urlPath, webRoot, pkgRoot) {
  const [root, rest] = urlPath.startsWith("/pkg/")
    ? [pkgRoot, urlPath.slice("/pkg/".length)]
    : [webRoot, urlPath === "/" ? "index.html" : urlPath.slice(1)];
  const file = normalize(join(root, decodeURIComponent(rest)));
  const inside = file.startsWith(root.endsWith(sep) ? root : root + sep);
  return inside && !file.includes(`${sep}node_modules${sep}`) ? file : null;
}

/** An HTTP server for the form (not yet listening). `webRoot` and `pkgRoot` (directories,
 * ending in a separator) default to this directory and the WASM package's browser build;
 * the browser test serves an earlier version of the page beside this one. */
export function formServer({ webRoot = defaultWebRoot, pkgRoot = defaultPkgRoot } = {}) {
  return createServer(async (request, response) => {
    const file = resolve(new URL(request.url ?? "/", "http://localhost").pathname, webRoot, pkgRoot);
    try {
      if (!file) throw new Error("outside the roots");
      const body = await readFile(file);
      // no-cache: the browser asks again each time (cheap on loopback), so an edited page
      // is never mixed with a stale one; the service worker does the offline keeping.
      response.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream", "cache-control": "no-cache" });
      response.end(body);
    } catch {
      response.writeHead(404, { "content-type": "text/plain" });
      response.end("not found");
    }
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === normalize(process.argv[1])) {
  const port = Number(process.argv[2] ?? 8000);
  formServer().listen(port, "127.0.0.1", () => {
    console.log(`cadre-eval form: http://127.0.0.1:${port}/`);
  });
}
