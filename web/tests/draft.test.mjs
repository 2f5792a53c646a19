// The draft kept in the browser and the contract JSON taken out and brought back: a
// reload restores every answer and the step; another form keeps its own draft; an
// exported file opened on a fresh browser gives the same answers and level; deleting the
// draft starts again.
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import {
  choose, complyWithAll, exportedLevels, fillBasics, goToStep, idFor, openForm, out, shown, sharedBrowser, type,
  typeExtra,
} from "./helpers.mjs";

const shared = sharedBrowser();

/** Waits until the page has written its draft after the last change. */
async function saved(page) {
  const before = await page.evaluate(() => document.body.dataset.saved ?? "");
  await page.waitForFunction((earlier) => (document.body.dataset.saved ?? "") !== earlier && document.body.dataset.saved !== "", before);
}

test("a reload restores the draft: answers, the person's header, the written parts and the step", async () => {
  const { page, context, problems } = await openForm(shared.browser, shared.server.base, { kind: "member" });
  await typeExtra(page, "full_name", "Phạm Minh Châu");
  await fillBasics(page, { general: "25", taskResults: "58", assigned: "6", completed: "6", onTime: "6", exceeded: "1" });
  await complyWithAll(page);
  await choose(page, "/conduct/answers/q101.self_criticism/answer", "shortcoming");
  await type(page, "/conduct/answers/q101.self_criticism/evidence", "Chưa thường xuyên");
  await choose(page, "/leave/maternity", "false");
  await typeExtra(page, "written.a2_1", "Có lúc chưa chủ động.");
  await goToStep(page, "conduct");
  await saved(page);
  const before = await shown(page);
  assert.equal(before.level, "good");
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  assert.equal(await page.evaluate(() => document.body.dataset.restored), "true");
  assert.match(await page.locator("#draft-status").textContent(), /^Đã mở lại bản nháp lưu lúc \d\d:\d\d$/);
  assert.equal(await page.locator("#step-conduct").isVisible(), true); // back on the step left
  assert.equal(await page.locator(`#${idFor("/conduct/answers/q101.self_criticism/evidence")}`).inputValue(), "Chưa thường xuyên");
  assert.equal(await page.locator(`#${idFor("/conduct/answers/q101.self_criticism")}`).getAttribute("data-answer"), "shortcoming");
  assert.equal(await page.locator(`#${idFor("/leave/maternity")}-false`).isChecked(), true);
  assert.equal(await page.locator(`#${idFor("/score/task_results")}`).inputValue(), "58");
  assert.equal(await page.locator("#x-full_name").inputValue(), "Phạm Minh Châu");
  assert.equal(await page.locator("#x-written_a2_1").inputValue(), "Có lúc chưa chủ động.");
  assert.deepEqual(await shown(page), before);
  // Another form has its own draft; coming back finds this one as it was.
  await page.locator("#form-kind").selectOption("leader");
  assert.equal(await page.locator(`#${idFor("/score/general")}`).inputValue(), "");
  await page.locator("#form-kind").selectOption("member");
  assert.equal(await page.locator(`#${idFor("/score/general")}`).inputValue(), "25");
  // The form used last is the one opened without ?kind.
  await page.locator("#form-kind").selectOption("leader");
  await page.goto(shared.server.base);
  await page.waitForSelector("body[data-ready=true]");
  assert.equal(await page.locator("#form-kind").inputValue(), "leader");
  // Deleting the draft (after confirming) starts the form again.
  await page.locator("#form-kind").selectOption("member");
  await goToStep(page, "review");
  page.once("dialog", (dialog) => dialog.accept());
  await page.locator("#clear-button").click();
  assert.equal(await page.locator("#step-identity").isVisible(), true);
  assert.equal(await page.locator("#x-full_name").inputValue(), "");
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  assert.equal(await page.locator(`#${idFor("/score/general")}`).inputValue(), "");
  assert.deepEqual(problems, []);
  await context.close();
});

test("an exported file opened in a fresh browser gives the same answers and level; what the form cannot hold is named", async () => {
  const first = await openForm(shared.browser, shared.server.base, { kind: "leader" });
  await type(first.page, "/id", "ld-nhap-xuat");
  await fillBasics(first.page, { general: "27", taskResults: "61", assigned: "12", completed: "12", onTime: "12", exceeded: "4" });
  await type(first.page, "/leader/units_in_charge/total", "3");
  await type(first.page, "/leader/units_in_charge/not_completed", "0");
  await goToStep(first.page, "discipline");
  await first.page.locator(`#${idFor("/discipline")}-add`).click();
  await choose(first.page, "/discipline/0/form", "reprimand");
  await type(first.page, "/discipline/0/decided_on", "2025-03-04");
  const level = (await shown(first.page)).level;
  const { record, text } = await exportedLevels(first.page, "leader-export");
  assert.equal(record.discipline[0].form, "reprimand");
  await first.context.close();

  // A field the form has no place for (the quota group a secretary may have set).
  const file = `${out}/leader-import.json`;
  writeFileSync(file, JSON.stringify({ ...JSON.parse(text), quota_group: "chi-bo-3" }, null, 2));
  // Opened while the member form is showing: the file's subject picks the form.
  const second = await openForm(shared.browser, shared.server.base, { kind: "member" });
  await goToStep(second.page, "review");
  await second.page.locator("#import").setInputFiles(file);
  await second.page.waitForFunction(() => document.getElementById("import-status")?.textContent);
  assert.equal(await second.page.locator("#form-kind").inputValue(), "leader");
  assert.match(await second.page.locator("#import-status").textContent(), /Đã mở tệp leader-import\.json\. .*\/quota_group/);
  assert.equal((await shown(second.page)).level, level);
  assert.equal(await second.page.locator(`#${idFor("/leader/units_in_charge/total")}`).inputValue(), "3");
  assert.equal(await second.page.locator(`#${idFor("/discipline/0/decided_on")}`).inputValue(), "2025-03-04");
  const again = await exportedLevels(second.page, "leader-reexport");
  assert.deepEqual(again.record, record);
  // A file that is not an assessment is refused with its reason; the answers stay.
  const bad = `${out}/not-an-assessment.json`;
  writeFileSync(bad, "[1, 2]");
  await second.page.locator("#import").setInputFiles(bad);
  await second.page.waitForFunction(() => /Không đọc được/.test(document.getElementById("import-status")?.textContent));
  assert.equal((await shown(second.page)).level, level);
  assert.deepEqual(second.problems, []);
  await second.context.close();
});
