// A tiny static server for the form: web/ at `/`, and the browser build of the WASM
// package (bindings-wasm/pkg/web, made by `scripts/test.sh --only wasm`) at `/pkg/`.
// Loopback only; nothing is fetched from the network.
//
//   node web/serve.mjs [port]      then open http://127.0.0.1:<port>/
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";

const webRoot = fileURLToPath(new URL(".", import.meta.url));
const pkgRoot = fileURLToPath(new URL("../bindings-wasm/pkg/web/", import.meta.url));

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
};

/** The file a URL path names, or null when it would leave its root. */
function resolve(urlPath) {
  const [root, rest] = urlPath.startsWith("/pkg/")
    ? [pkgRoot, urlPath.slice("/pkg/".length)]
    : [webRoot, urlPath === "/" ? "index.html" : urlPath.slice(1)];
  const file = normalize(join(root, decodeURIComponent(rest)));
  const inside = file.startsWith(root.endsWith(sep) ? root : root + sep);
  return inside && !file.includes(`${sep}node_modules${sep}`) ? file : null;
}

/** An HTTP server for the form (not yet listening). */
export function formServer() {
  return createServer(async (request, response) => {
    const file = resolve(new URL(request.url ?? "/", "http://localhost").pathname);
    try {
      if (!file) throw new Error("outside the roots");
      const body = await readFile(file);
      response.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" });
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
