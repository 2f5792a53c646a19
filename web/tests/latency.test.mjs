// Keystroke-to-result latency of the form, measured (reported, not asserted) for this page,
// for an empty handler on the same page and, in the same run against the same WASM
// package, for the page before the guided form (web/ at FORM_BASELINE_REV, taken out of
// git into a temporary directory and served beside this one). The same 51 characters are
// typed into a conduct item's evidence box in three situations (docs/performance.md,
// "Browser"): the item not answered yet (an error), the item answered and the others not
// (a partial result), every item answered (the decision and what would change it). The
// empty handler takes the same keys in the same box right after each situation: a
// listener that records the same sample and stops the event before the page's handler
// (what the browser costs with no work done). Rounds alternate which page goes first.
// Writes target/browser/latency.json (every sample, and each p95 as a ratio to the empty
// handler's) and prints a "latency:" line.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DESKTOP, choose, complyWithAll, fillBasics, idFor, launch, openForm, out, repo, shown, startServer, type } from "./helpers.mjs";

/** The last commit of the page before the guided form (one long page of fields). */
const baselineRev = process.env.FORM_BASELINE_REV ?? "f06c2b1b06c241c4b5a99c15c0976b3ea41dfaa3";
const rounds = Number(process.env.FORM_LATENCY_ROUNDS ?? 2);

let browser;
let current;
let baseline;
let baselineDir;
let baselineNote = null;

before(async () => {
  browser = await launch();
  current = await startServer();
  try {
    baselineDir = mkdtempSync(join(tmpdir(), "cadre-eval-form-baseline-"));
    const rev = execFileSync("git", ["-C", repo, "rev-parse", "--verify", `${baselineRev}^{commit}`], { stdio: ["ignore", "pipe", "ignore"] }).toString().trim();
    execFileSync("sh", ["-c", `git -C "$1" archive "$2" web/app.js web/index.html web/style.css | tar -x -C "$3"`, "sh", repo, rev, baselineDir]);
    // That page predates the data files loaded beside the module: it is given them the
    // way the current page loads them, right after the module (nothing else changes).
    const app = join(baselineDir, "web", "app.js");
    const init = 'await init({ module_or_path: new URL("./pkg/cadre_eval_wasm_bg.wasm", import.meta.url) });';
    const old = readFileSync(app, "utf8");
    assert.ok(old.includes(init) && old.includes("import init, {"), "the baseline page loads the module as expected");
    writeFileSync(app, old.replace("import init, {", "import init, {\n  loadData,").replace(init,
      `${init}\n  loadData(await (await fetch(new URL("./pkg/cadre_eval_data.json", import.meta.url))).text());`));
    baseline = await startServer({ webRoot: join(baselineDir, "web") + "/" });
    baseline.rev = rev;
  } catch (error) {
    // A shallow clone or an export without git history: only this page is measured.
    baselineNote = `baseline page ${baselineRev} not available (${String(error.message).split("\n")[0]})`;
  }
});

after(async () => {
  await browser?.close();
  await current?.close();
  await baseline?.close();
  if (baselineDir) rmSync(baselineDir, { recursive: true, force: true });
});

const TEXT = "Tự phê bình nghiêm túc, đúng hạn; có minh chứng rõ!";
const ITEM = "/conduct/answers/q101.self_criticism";
const BASICS = { general: "29", taskResults: "66", assigned: "10", completed: "10", onTime: "10", exceeded: "5" };

/** p50, p95 and max of samples in ms (performance.now() is coarsened to 0.1 ms anyway);
 * `keystrokes` counts the samples (saves, for the draft). */
function summary(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const pick = (q) => Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] * 10) / 10;
  return { keystrokes: samples.length, p50_ms: pick(0.5), p95_ms: pick(0.95), max_ms: pick(1) };
}

/** Types TEXT into the evidence box one key at a time; the page's samples for those keys. */
async function typing(page, locator) {
  await page.evaluate(() => { window.__latencies = []; });
  await locator.pressSequentially(TEXT);
  const samples = await page.evaluate(() => window.__latencies.slice());
  assert.equal(samples.length, [...TEXT].length); // one sample per keystroke: the handler ran for each
  return samples.map((ms) => Math.round(ms * 10) / 10);
}

/** The same keys with an empty handler: a capturing listener on the window records the
 * sample the page's handler records and stops the event before the form sees it, so the
 * page's state and result stay as they were; the box is emptied the same way afterwards. */
async function typingEmptyHandler(page, locator) {
  const before = await page.evaluate(() => document.body.dataset.state);
  await page.evaluate(() => {
    window.__emptyHandler = (event) => {
      event.stopImmediatePropagation();
      window.__latencies.push(performance.now() - event.timeStamp);
    };
    window.addEventListener("input", window.__emptyHandler, { capture: true });
  });
  const samples = await typing(page, locator);
  // The page's handler never ran: its result is the one shown before the keys.
  assert.equal(await page.evaluate(() => document.body.dataset.state), before);
  await page.evaluate(() => window.removeEventListener("input", window.__emptyHandler, { capture: true }));
  return samples;
}

/** The three situations on this page: the item opened from its document's list, answered
 * by its radio button; after each, the same keys with the empty handler. */
async function measureCurrent() {
  const { page, context, problems } = await openForm(browser, current.base, { kind: "member", viewport: DESKTOP });
  await fillBasics(page, BASICS);
  assert.equal((await shown(page)).state, "complete");
  const evidence = `${ITEM}/evidence`;
  await type(page, evidence, "");
  const box = page.locator(`#${idFor(evidence)}`);
  const unanswered = await typing(page, box);
  assert.equal((await shown(page)).state, "invalid");
  await box.fill("");
  const emptyUnanswered = await typingEmptyHandler(page, box);
  await box.fill("");
  await choose(page, `${ITEM}/answer`, "complied");
  const partial = await typing(page, box);
  assert.equal((await shown(page)).state, "partial");
  await box.fill("");
  const emptyPartial = await typingEmptyHandler(page, box);
  await box.fill("");
  await complyWithAll(page);
  await type(page, evidence, "");
  const complete = await typing(page, box);
  assert.equal((await shown(page)).level, "excellent");
  await box.fill("");
  const emptyComplete = await typingEmptyHandler(page, box);
  await box.fill("");
  await box.pressSequentially(TEXT);
  assert.equal((await shown(page)).level, "excellent");
  // The draft is written once typing pauses, not on the keystroke: its cost, for the
  // record, after the first save (which also makes the page's time formatter).
  for (const key of ["!", "?", "."]) {
    const count = await page.evaluate(() => performance.getEntriesByName("draft-save").length);
    await box.press(key);
    await page.waitForFunction((n) => performance.getEntriesByName("draft-save").length > n, count);
  }
  const saves = await page.evaluate(() => performance.getEntriesByName("draft-save").slice(1).map((e) => Math.round(e.duration * 10) / 10));
  assert.deepEqual(problems, []);
  await context.close();
  return {
    current: { unanswered, partial, complete, draft_save: saves },
    empty_handler: { unanswered: emptyUnanswered, partial: emptyPartial, complete: emptyComplete },
  };
}

/** The same on the baseline page: every field on one page, a drop-down per checklist answer. */
async function measureBaseline() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1400 } });
  const page = await context.newPage();
  await page.goto(`${baseline.base}?kind=member`);
  await page.waitForSelector("body[data-ready=true]");
  const state = () => page.evaluate(() => ({ state: document.body.dataset.state, level: document.getElementById("level")?.dataset.level }));
  const oldType = async (path, text) => {
    const box = page.locator(`#${idFor(path)}`);
    await box.fill("");
    await box.pressSequentially(text);
  };
  for (const [path, text] of [["/score/general", BASICS.general], ["/score/task_results", BASICS.taskResults], ["/tasks/assigned", BASICS.assigned],
    ["/tasks/completed", BASICS.completed], ["/tasks/on_time", BASICS.onTime], ["/tasks/exceeded", BASICS.exceeded]]) await oldType(path, text);
  assert.equal((await state()).state, "complete");
  const box = page.locator(`#${idFor(`${ITEM}/evidence`)}`);
  const unanswered = await typing(page, box);
  assert.equal((await state()).state, "invalid");
  await box.fill("");
  await page.locator(`#${idFor(`${ITEM}/answer`)}`).selectOption("complied");
  const partial = await typing(page, box);
  assert.equal((await state()).state, "partial");
  await box.fill("");
  const answers = await page.locator("#section-conduct select[data-path$='/answer']").evaluateAll((nodes) => nodes.map((n) => n.dataset.path));
  for (const path of answers) await page.locator(`#${idFor(path)}`).selectOption("complied");
  const complete = await typing(page, box);
  assert.equal((await state()).level, "excellent");
  await context.close();
  return { baseline: { unanswered, partial, complete } };
}

test("keystroke-to-result latency, this page against an empty handler and the page before it (measured, reported, not asserted)", async (t) => {
  const pages = { current: measureCurrent, ...(baseline ? { baseline: measureBaseline } : {}) };
  const runs = [];
  for (let round = 0; round < rounds; round++) {
    const order = Object.keys(pages);
    if (round % 2 === 1) order.reverse();
    for (const name of order) {
      for (const [page, samples] of Object.entries(await pages[name]())) runs.push({ round: round + 1, page, samples_ms: samples });
    }
  }
  const pooled = {};
  for (const name of [...new Set(runs.map((r) => r.page))]) {
    pooled[name] = {};
    for (const scenario of ["unanswered", "partial", "complete", "draft_save"]) {
      const samples = runs.filter((r) => r.page === name).flatMap((r) => r.samples_ms[scenario] ?? []);
      if (samples.length) pooled[name][scenario] = summary(samples);
    }
  }
  // Each situation's p95 against the empty handler's in the same situation (same page, same keys).
  const ratios = {};
  for (const name of Object.keys(pooled).filter((n) => n !== "empty_handler")) {
    ratios[name] = {};
    for (const scenario of ["unanswered", "partial", "complete"]) {
      const page = pooled[name][scenario];
      const empty = pooled.empty_handler[scenario];
      if (page && empty) ratios[name][scenario] = Math.round((page.p95_ms / Math.max(empty.p95_ms, 0.1)) * 100) / 100;
    }
  }
  const report = {
    chromium: browser.version(), rounds, baseline: baseline ? { rev: baseline.rev } : { note: baselineNote }, pooled,
    p95_over_empty_handler: ratios,
    runs: runs.map((r) => ({ ...r, summary: Object.fromEntries(Object.entries(r.samples_ms).map(([k, v]) => [k, summary(v)])) })),
  };
  writeFileSync(`${out}/latency.json`, JSON.stringify(report, null, 2) + "\n");
  if (baselineNote) t.diagnostic(baselineNote);
  const line = Object.entries(pooled).map(([name, scenarios]) => `${name}: ${Object.entries(scenarios)
    .map(([scenario, s]) => `${scenario} p50 ${s.p50_ms} / p95 ${s.p95_ms} ms (${s.keystrokes})`).join(", ")}`).join(" | ");
  const ratioLine = Object.entries(ratios).map(([name, r]) => `${name} ${Object.entries(r).map(([k, v]) => `${k} ${v}×`).join(", ")}`).join(" | ");
  console.log(`latency (${rounds} rounds, ${[...TEXT].length} keys each): ${line}`);
  console.log(`latency p95 over the empty handler's: ${ratioLine}`);
});
