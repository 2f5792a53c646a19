// An automated accessibility audit with axe-core (npm) on every step of the form, on a
// phone's screen and a desktop's, in the states a person meets: empty, with an error,
// complete with an exception in the checklist, the result and the print preview. No
// serious or critical violation may remain; the others are listed in the output.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import {
  DESKTOP, PHONE, axeAudit, blocking, choose, complyWithAll, fillBasics, goToStep, openForm, out, sharedBrowser,
  type,
} from "./helpers.mjs";

const shared = sharedBrowser();
const report = [];

after(() => {
  writeFileSync(`${out}/axe.json`, JSON.stringify(report, null, 2) + "\n");
  const minor = report.flatMap((r) => r.violations.map((v) => `${v.impact} ${v.id} (${r.where})`));
  console.log(`axe: ${report.length} audits; not serious or critical: ${minor.length ? [...new Set(minor)].join("; ") : "none"}`);
});

/** Audits the page as shown and keeps what axe found. */
async function audit(page, where) {
  const violations = await axeAudit(page);
  report.push({ where, violations });
  return blocking(violations).map((v) => `${where}: ${v.impact} ${v.id} — ${v.help} — ${v.nodes.join(", ")}`);
}

for (const [size, viewport] of [["phone", PHONE], ["desktop", DESKTOP]]) {
  test(`axe finds nothing serious on any step (${size})`, async () => {
    const { page, context, problems } = await openForm(shared.browser, shared.server.base, { kind: "member", viewport });
    const found = [];
    const steps = await page.locator("#step-list .step-link").evaluateAll((links) => links.map((a) => a.id.slice(4)));
    // Empty: each step as first met.
    for (const step of steps) {
      await goToStep(page, step);
      found.push(...(await audit(page, `${size}, empty, ${step}`)));
    }
    // An error next to a field, and the list of what to fix.
    await type(page, "/tasks/assigned", "3");
    await type(page, "/tasks/completed", "5");
    found.push(...(await audit(page, `${size}, error, tasks`)));
    // Complete, with an exception opened in the checklist; then the result and the preview.
    await fillBasics(page, { general: "28", taskResults: "62", assigned: "8", completed: "8", onTime: "8", exceeded: "3" });
    await complyWithAll(page);
    await choose(page, "/conduct/answers/q101.self_criticism/answer", "breach");
    found.push(...(await audit(page, `${size}, exception, conduct`)));
    await goToStep(page, "review");
    await page.locator("#result .rule-details summary").click();
    found.push(...(await audit(page, `${size}, complete, review`)));
    await page.locator("#preview-button").click();
    found.push(...(await audit(page, `${size}, print preview`)));
    // The steps list opened on a phone.
    if (size === "phone") {
      await page.locator("#steps-toggle").click();
      found.push(...(await audit(page, `${size}, step list`)));
    }
    assert.deepEqual(found, []);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("axe finds nothing serious on a collective's form, in English", async () => {
  const { page, context, problems } = await openForm(shared.browser, shared.server.base, { kind: "collective", viewport: PHONE, query: "&lang=en" });
  const found = [...(await audit(page, "collective, en, identity"))];
  await fillBasics(page, { general: "26", taskResults: "58", assigned: "20", completed: "20", onTime: "20", exceeded: "2" });
  await goToStep(page, "review");
  found.push(...(await audit(page, "collective, en, review")));
  assert.deepEqual(found, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the audit can fail: a field without a label is reported as critical", async () => {
  const { page, context } = await openForm(shared.browser, shared.server.base, { kind: "member" });
  await page.evaluate(() => document.getElementById("steps").prepend(Object.assign(document.createElement("input"), { id: "bare", type: "text" })));
  const violations = await axeAudit(page);
  assert.ok(blocking(violations).some((v) => v.id === "label" && v.nodes.includes("#bare")), JSON.stringify(violations));
  await context.close();
});
