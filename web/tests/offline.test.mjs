// Offline and installable: after the first visit the service worker keeps the page, its
// scripts, styles, the WASM module (the rules) and the data beside it (the catalogues); with
// the server stopped and the browser offline, a reload still shows the form with its
// draft, and it can be filled to a result. Chromium's own installability check finds
// nothing missing in the web manifest.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import {
  PHONE, chromiumArgs, complyWithAll, executablePath, fillBasics, idFor, shown, startServer, type, typeExtra, watch,
} from "./helpers.mjs";

let server;
let context;
let profile;

before(async () => {
  server = await startServer();
  // A fresh profile of its own: a persistent (not incognito) context, as an installed app has.
  profile = mkdtempSync(join(tmpdir(), "cadre-eval-offline-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath, args: chromiumArgs, viewport: PHONE, locale: "vi-VN", serviceWorkers: "allow",
  });
});

after(async () => {
  await context?.close();
  await server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

test("after one visit the form works offline, with its draft, and it is installable", async () => {
  const page = context.pages()[0] ?? (await context.newPage());
  const problems = watch(page);
  await page.goto(`${server.base}?kind=member`);
  await page.waitForSelector("body[data-ready=true]");
  await page.waitForSelector("body[data-offline=ready]");
  assert.equal(await page.locator("#offline-status").textContent(), "Dùng được cả khi không có mạng");

  // Installable: the manifest parses and Chromium names no missing requirement.
  const cdp = await context.newCDPSession(page);
  const manifest = await cdp.send("Page.getAppManifest");
  assert.deepEqual(manifest.errors, []);
  assert.equal(JSON.parse(manifest.data).short_name, "Tự kiểm điểm");
  const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
  assert.deepEqual(installabilityErrors, []);

  // Everything the page loaded is in the service worker's cache, and all of it came from this origin.
  const loaded = await page.evaluate(() => [location.href, ...performance.getEntriesByType("resource").map((e) => e.name)]);
  const origin = new URL(server.base).origin;
  assert.deepEqual(loaded.filter((url) => new URL(url).origin !== origin), []);
  const cached = await page.evaluate(async () => {
    const keys = [];
    for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) keys.push(request.url);
    return keys;
  });
  const page0 = `${origin}/`;
  const missing = loaded.map((url) => (new URL(url).pathname === "/" ? page0 : url.split("?")[0])).filter((url) => !cached.includes(url));
  assert.deepEqual(missing, []);

  // A start, kept as a draft.
  await typeExtra(page, "full_name", "Võ Thị Lan");
  await type(page, "/score/general", "29");
  await page.waitForFunction(() => document.body.dataset.saved);

  // The network goes: the server stops and the browser is offline.
  server.server.closeAllConnections();
  await server.close();
  server = null;
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  assert.equal(await page.evaluate(() => navigator.onLine), false);
  assert.equal(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)), true);
  assert.equal(await page.locator("#x-full_name").inputValue(), "Võ Thị Lan");
  assert.equal(await page.locator(`#${idFor("/score/general")}`).inputValue(), "29");
  // The rest is filled offline, and the result is worked out in the page.
  await fillBasics(page, { general: "29", taskResults: "66", assigned: "10", completed: "10", onTime: "10", exceeded: "5" });
  await complyWithAll(page);
  const now = await shown(page);
  assert.equal(now.state, "complete");
  assert.equal(now.level, "excellent");
  // Another form, never opened before, also opens offline (the page is kept once, whatever its query).
  await page.goto(`http://${new URL(page.url()).host}/?kind=collective`);
  await page.waitForSelector("body[data-ready=true]");
  assert.match(await page.locator("#form-title").textContent(), /Mẫu 01/);
  assert.deepEqual(problems, []);
});
