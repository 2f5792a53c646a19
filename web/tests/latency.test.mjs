// Keystroke-to-result latency of the form, measured (reported, not asserted) for this page
// and, in the same run against the same WASM package, for the page before the guided
// form (web/ at FORM_BASELINE_REV, taken out of git into a temporary directory and served
// beside this one). The same 51 characters are typed into a conduct item's evidence box in
// three situations (docs/performance.md, "Browser"): the item not answered yet (an error),
// the item answered and the others not (a partial result), every item answered (the
// decision and what would change it). Rounds alternate which page goes first.
// Writes target/browser/latency.json (every sample) and prints a "latency:" line.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
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

/** The three situations on this page: the item opened from its document's list, answered by its radio button. */
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
  await choose(page, `${ITEM}/answer`, "complied");
  const partial = await typing(page, box);
  assert.equal((await shown(page)).state, "partial");
  await box.fill("");
  await complyWithAll(page);
  await type(page, evidence, "");
  const complete = await typing(page, box);
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
  return { unanswered, partial, complete, draft_save: saves };
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
  return { unanswered, partial, complete };
}

test("keystroke-to-result latency, this page against the page before it (measured, reported, not asserted)", async (t) => {
  const pages = { current: measureCurrent, ...(baseline ? { baseline: measureBaseline } : {}) };
  const runs = [];
  for (let round = 0; round < rounds; round++) {
    const order = Object.keys(pages);
    if (round % 2 === 1) order.reverse();
    for (const name of order) runs.push({ round: round + 1, page: name, samples_ms: await pages[name]() });
  }
  const pooled = {};
  for (const name of Object.keys(pages)) {
    pooled[name] = {};
    for (const scenario of ["unanswered", "partial", "complete", "draft_save"]) {
      const samples = runs.filter((r) => r.page === name).flatMap((r) => r.samples_ms[scenario] ?? []);
      if (samples.length) pooled[name][scenario] = summary(samples);
    }
  }
  const report = {
    chromium: browser.version(), rounds, baseline: baseline ? { rev: baseline.rev } : { note: baselineNote }, pooled,
    runs: runs.map((r) => ({ ...r, summary: Object.fromEntries(Object.entries(r.samples_ms).map(([k, v]) => [k, summary(v)])) })),
  };
  writeFileSync(`${out}/latency.json`, JSON.stringify(report, null, 2) + "\n");
  if (baselineNote) t.diagnostic(baselineNote);
  const line = Object.entries(pooled).map(([name, scenarios]) => `${name}: ${Object.entries(scenarios)
    .map(([scenario, s]) => `${scenario} p50 ${s.p50_ms} / p95 ${s.p95_ms} ms (${s.keystrokes})`).join(", ")}`).join(" | ");
  console.log(`latency (${rounds} rounds, ${[...TEXT].length} keys each): ${line}`);
});
