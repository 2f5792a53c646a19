// What the browser tests share: Debian's Chromium through playwright-core, the form's
// local server, and helpers that fill the form as a person would (the step list, radio
// buttons and the keyboard). Nothing here is a test by itself (node --test runs only
// *.test.mjs).
import assert from "node:assert/strict";
import { after, before } from "node:test";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { formServer } from "../serve.mjs";
import { idFor } from "../dom.js";
import { valueAt } from "../draft.js";

export { idFor, valueAt };

export const repo = fileURLToPath(new URL("../../", import.meta.url));
export const out = `${repo}target/browser`;
mkdirSync(out, { recursive: true });
export const wasm = createRequire(import.meta.url)("../../bindings-wasm/pkg/node/cadre_eval_wasm.js");
// The library's data files, shipped beside the module (bindings-wasm/src/lib.rs, `loadData`).
assert.equal(wasm.loadData(readFileSync(`${repo}bindings-wasm/pkg/node/cadre_eval_data.json`, "utf8")).ok, true);
const cli = `${process.env.CARGO_TARGET_DIR ?? `${repo}target`}/debug/cadre-eval`;

/** The Chromium flags of the project (no network of its own, no GPU, no sandbox in CI). */
export const chromiumArgs = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];
export const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";

export const launch = () => chromium.launch({ executablePath, args: chromiumArgs });

/** Starts a form server on a free loopback port; `options` as for formServer. */
export async function startServer(options) {
  const server = formServer(options);
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, base: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** A browser and a form server for the tests of one file: started before them, stopped after. */
export function sharedBrowser() {
  const shared = {};
  before(async () => {
    shared.server = await startServer();
    shared.browser = await launch();
  });
  after(async () => {
    await shared.browser?.close();
    await shared.server?.close();
  });
  return shared;
}

export const PHONE = { width: 375, height: 812 };
export const DESKTOP = { width: 1280, height: 900 };

/**
 * A page with the form loaded in a new context (fresh storage). Every request that leaves
 * the local server is refused and recorded; page errors are recorded. Service workers are
 * blocked here so that every request passes the route (the offline test allows them).
 */
export async function openForm(browser, base, { kind = "member", viewport = DESKTOP, query = "" } = {}) {
  const context = await browser.newContext({ viewport, locale: "vi-VN", serviceWorkers: "block", acceptDownloads: true });
  const page = await context.newPage();
  const offsite = [];
  await context.route("**/*", (route) => {
    if (route.request().url().startsWith(base)) return route.continue();
    offsite.push(route.request().url());
    return route.abort();
  });
  const problems = watch(page);
  await page.goto(`${base}?kind=${kind}${query}`);
  await page.waitForSelector("body[data-ready=true]");
  return { page, context, offsite, problems };
}

/** Records the page's uncaught errors and console errors. */
export function watch(page) {
  const problems = [];
  page.on("pageerror", (error) => problems.push(String(error)));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  return problems;
}

/** Goes to a step by its id through the step list (opening the list first on a phone). */
export async function goToStep(page, stepId) {
  if (!(await page.locator(`#nav-${stepId}`).isVisible())) await page.locator("#steps-toggle").click();
  await page.locator(`#nav-${stepId}`).click();
  await page.locator(`#step-${stepId}`).waitFor({ state: "visible" });
}

/** Makes the control of a JSON Pointer visible: its step shown, its checklist item opened. */
async function reveal(page, path) {
  const node = page.locator(`#${idFor(path)}`);
  const stepId = await node.evaluate((n) => n.closest(".step")?.dataset.step);
  if (await page.locator(`#step-${stepId}`).isHidden()) await goToStep(page, stepId);
  const closed = await node.evaluate((n) => {
    const details = n.closest("details");
    return details && !details.open ? details.id : null;
  });
  if (closed) await page.locator(`#${closed} > summary`).click();
  return node;
}

/** Types into a text field by keyboard, as a person would (a date is picked whole, as from its calendar). */
export async function type(page, path, text) {
  const box = await reveal(page, path);
  if ((await box.getAttribute("type")) === "date") return box.fill(text);
  await box.fill("");
  await box.pressSequentially(text);
}

/** Answers a choice: a drop-down's option, or a radio button (yes/no: "true"/"false"). */
export async function choose(page, path, value) {
  const node = await reveal(page, path);
  if (await node.evaluate((n) => n.tagName === "SELECT")) await node.selectOption(value);
  else await page.locator(`#${idFor(path)}-${value}`).check();
}

/** Chooses a variant of the form the core offers (a schema's `request_options` entry:
 * the state sheet's employment, month or quarter) by its radio button. */
export async function chooseVariant(page, name, value) {
  const radio = page.locator(`#request-${name}-${value}`);
  const stepId = await radio.evaluate((n) => n.closest(".step")?.dataset.step);
  if (await page.locator(`#step-${stepId}`).isHidden()) await goToStep(page, stepId);
  await radio.check();
  await page.locator(`#request-${name}-${value}:checked`).waitFor();
}

/** Types into a field of the page's own (the form's header, the written parts, place, date). */
export async function typeExtra(page, key, text) {
  const id = `x-${key.replace(/[^A-Za-z0-9_-]/g, "_")}`;
  const stepId = await page.locator(`#${id}`).evaluate((n) => n.closest(".step")?.dataset.step);
  if (await page.locator(`#step-${stepId}`).isHidden()) await goToStep(page, stepId);
  await page.locator(`#${id}`).fill(text);
}

/** What the result panel shows. */
export async function shown(page) {
  return page.evaluate(() => ({
    state: document.body.dataset.state,
    level: document.getElementById("level")?.dataset.level,
    running: document.getElementById("running")?.textContent,
    reasons: [...document.querySelectorAll("#reasons li")].map((li) => ({ rule: li.dataset.rule, text: li.textContent })),
  }));
}

export async function fillBasics(page, { general, taskResults, assigned, completed, onTime, exceeded }) {
  await type(page, "/score/general", general);
  await type(page, "/score/task_results", taskResults);
  await type(page, "/tasks/assigned", assigned);
  await type(page, "/tasks/completed", completed);
  await type(page, "/tasks/on_time", onTime);
  await type(page, "/tasks/exceeded", exceeded);
}

/** Ticks "I complied with all of these" for every document of the conduct checklist. */
export async function complyWithAll(page) {
  await goToStep(page, "conduct");
  for (const box of await page.locator("#step-conduct input[data-doc]").all()) {
    if (!(await box.isChecked())) await box.check();
  }
}

/** The exported JSON, evaluated outside the page: the CLI's decision (when built) and the Node WASM build's. */
export async function exportedLevels(page, name) {
  await goToStep(page, "review");
  const download = page.waitForEvent("download");
  await page.locator("#export-button").click();
  const file = await (await download).path();
  const text = readFileSync(file, "utf8");
  assert.equal(text.trim(), (await page.locator("#export").inputValue()).trim());
  const record = JSON.parse(text);
  writeFileSync(`${out}/${name}.json`, text);
  const levels = {};
  const node = wasm.evaluate(text);
  assert.equal(node.ok, true, JSON.stringify(node.errors));
  levels.wasm = node.value.level;
  if (existsSync(cli)) {
    const decisions = JSON.parse(execFileSync(cli, ["evaluate", "-"], { input: JSON.stringify([record]) }).toString());
    levels.cli = decisions[0].level;
  }
  return { record, levels, text };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * Runs axe-core (from npm, evaluated in the page: the page's CSP admits no injected
 * script tag) over the page as it is shown, with the WCAG 2.1 A/AA rules and axe's best
 * practices. Returns every violation, each with its impact and the nodes it names.
 */
export async function axeAudit(page) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
      resultTypes: ["violations"],
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
  });
}

/** The violations that fail the audit: serious and critical ones. */
export const blocking = (violations) => violations.filter((v) => v.impact === "serious" || v.impact === "critical");
