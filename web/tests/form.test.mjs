// The guided form in a real browser (Debian's Chromium through playwright-core), filled
// as a person would: the steps and their progress, the running level, the conduct
// checklist by document with exceptions, plain reasons with their citations (rule ids
// behind "details"), what would change as actions, every subject, a phone's screen and
// the keyboard alone. Each exported record is evaluated again outside the page (the
// Node WASM build, and the CLI when built). Screenshots go to target/browser/.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  DESKTOP, PHONE, choose, complyWithAll, exportedLevels, fillBasics, goToStep, idFor, openForm, out, shown,
  sharedBrowser, type, typeExtra, wasm,
} from "./helpers.mjs";

const shared = sharedBrowser();

const EXCELLENT = { general: "29", taskResults: "66", assigned: "10", completed: "10", onTime: "10", exceeded: "5" };

/** The page's width beyond the viewport's (a phone must not scroll sideways). */
const overflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test("an Excellent member, step by step", async () => {
  const { page, context, offsite, problems } = await openForm(shared.browser, shared.server.base, { kind: "member" });
  assert.equal(await page.getAttribute("html", "lang"), "vi");
  // The steps: who, one per section of the form schema (in its order), the written parts, the result.
  const schema = wasm.formSchema({ kind: "member", on: "2025-12-31" }).value;
  const stepIds = await page.locator("#step-list .step-link").evaluateAll((links) => links.map((a) => a.id.slice(4)));
  assert.deepEqual(stepIds, ["identity", ...schema.sections.map((s) => s.id), "written", "review"]);
  const labels = await page.locator("#step-list .label").allTextContents();
  assert.deepEqual(labels.slice(1, -2), schema.sections.map((s) => s.title.vi));
  const total = stepIds.length;
  assert.match(await page.locator("#progress-text").textContent(), new RegExp(`^Bước 1/${total}: Thông tin người kiểm điểm`));
  assert.equal(await page.locator("#progress").evaluate((p) => [p.value, p.max].join("/")), `1/${total}`);
  assert.equal(await page.locator("#back").isDisabled(), true);
  await typeExtra(page, "full_name", "Nguyễn Văn An");
  await type(page, "/id", "dv-xuat-sac");
  // "Next" shows the second step and gives its heading the focus.
  await page.locator("#next").click();
  assert.match(await page.locator("#progress-text").textContent(), new RegExp(`^Bước 2/${total}: `));
  assert.equal(await page.evaluate(() => document.activeElement.id), `step-${stepIds[1]}-heading`);
  assert.equal(await page.locator(`#step-${stepIds[0]}`).isHidden(), true);
  // One answer in: the level is still open, and the steps that still matter are named and marked.
  await type(page, "/score/general", "29");
  let now = await shown(page);
  assert.equal(now.state, "partial");
  assert.equal(now.running, "Chưa đủ thông tin — có thể từ Không hoàn thành đến Hoàn thành xuất sắc");
  assert.equal(await page.locator("#level").textContent(), "Chưa đủ thông tin — có thể từ Không hoàn thành nhiệm vụ đến Hoàn thành xuất sắc nhiệm vụ");
  const stillMatters = await page.locator("#unanswered [data-goto]").evaluateAll((links) => links.map((a) => a.dataset.goto));
  assert.ok(stillMatters.includes("/score/task_results"), JSON.stringify(stillMatters));
  assert.equal(await page.locator("#nav-tasks").getAttribute("data-flag"), "todo");
  assert.equal(await page.locator("#nav-general_criteria").getAttribute("data-flag"), null);
  // The bar's link goes to the first question that still matters.
  assert.equal(await page.locator("#running-go").textContent(), "Câu còn thiếu");
  await page.locator("#running-go").click();
  assert.equal(await page.evaluate(() => document.activeElement.dataset.path), "/score/task_results");
  await fillBasics(page, EXCELLENT);
  now = await shown(page);
  assert.equal(now.state, "complete");
  assert.equal(now.level, "excellent");
  assert.equal(now.running, "Mức đề xuất: Hoàn thành xuất sắc nhiệm vụ · 95 điểm");
  assert.equal(await page.locator("#step-list [data-flag]").count(), 0);
  // The running level is there on every step.
  await goToStep(page, "leave");
  assert.equal(await page.locator("#running").isVisible(), true);
  assert.equal((await shown(page)).running, now.running);
  // Reasons in plain words with their article; the rule ids only behind "details".
  await goToStep(page, "review");
  const decisive = now.reasons.find((r) => r.rule === "qd366.11.1.N");
  assert.ok(decisive, JSON.stringify(now.reasons));
  assert.match(decisive.text, /\(366-QĐ\/TW, Điều 11, khoản 1\)$/);
  assert.equal(now.reasons[0].rule, "qd366.11.1.N"); // what decided comes first
  for (const reason of now.reasons) assert.doesNotMatch(reason.text, /qd366\./);
  const details = page.locator("#result .rule-details");
  assert.equal(await details.locator("code", { hasText: "qd366.11.1.N" }).isVisible(), false);
  await details.locator("summary").click();
  assert.equal(await details.locator("code", { hasText: "qd366.11.1.N" }).isVisible(), true);
  assert.equal(await page.locator("#band").getAttribute("data-band"), "excellent");
  await page.screenshot({ path: `${out}/excellent-member-vi.png` });
  // The English switch relabels the steps, the form and the result, keeping the answers.
  await page.locator("#lang").selectOption("en");
  assert.equal(await page.getAttribute("html", "lang"), "en");
  assert.match(await page.locator("#level").textContent(), /^Excellent$/);
  assert.match(await page.locator("#progress-text").textContent(), new RegExp(`^Step ${total} of ${total}: Result, save and print`));
  assert.equal(await page.locator("#running").textContent(), "Proposed level: Excellent · 95 points");
  await page.screenshot({ path: `${out}/excellent-member-en.png` });
  await page.locator("#lang").selectOption("vi");
  const { record, levels } = await exportedLevels(page, "excellent-member");
  assert.equal(record.id, "dv-xuat-sac");
  assert.equal(record.score.general, 29);
  assert.equal(record.subject.kind, "member");
  assert.equal(JSON.stringify(record).includes("Nguyễn Văn An"), false); // the name stays out of the record
  assert.equal(levels.wasm, "excellent");
  if (levels.cli) assert.equal(levels.cli, "excellent");
  assert.deepEqual(offsite, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("on a phone: a QĐ 37 breach marked as the one exception of a document otherwise complied with", async () => {
  const { page, context, offsite, problems } = await openForm(shared.browser, shared.server.base, { kind: "member", viewport: PHONE });
  assert.equal(await page.locator("#step-nav").isVisible(), false); // the step list is behind "Các bước" on a phone
  assert.ok((await overflow(page)) <= 0);
  await type(page, "/id", "dv-vi-pham");
  await fillBasics(page, { general: "28", taskResults: "62", assigned: "8", completed: "8", onTime: "8", exceeded: "3" });
  assert.equal((await shown(page)).level, "excellent");
  await goToStep(page, "conduct");
  const group = page.locator("#doc-37-Q_TW");
  const items = await group.locator("details.conduct-item").count();
  assert.ok(items > 10, `${items} items of QĐ 37`);
  assert.match(await group.locator(".doc-status").textContent(), new RegExp(`^0/${items} nội dung đã trả lời$`));
  assert.deepEqual([...new Set(await group.locator(".chip").allTextContents())], ["Chưa trả lời"]);
  // "I complied with all of these" answers every item of the document at once.
  await group.locator("input[data-doc]").check();
  assert.equal(await group.locator("details[data-answer=complied]").count(), items);
  assert.equal(await page.locator("#step-conduct details[data-answer=complied]").count(), items); // other documents untouched
  // The exception, marked on its own item.
  await choose(page, "/conduct/answers/q37.gifts/answer", "breach");
  await type(page, "/conduct/answers/q37.gifts/evidence", "Nhận quà để tác động");
  assert.match(await group.locator(".doc-status").textContent(), new RegExp(`^${items}/${items} nội dung đã trả lời · 1 ngoại lệ$`));
  assert.equal(await page.locator(`#${idFor("/conduct/answers/q37.gifts")}-chip`).textContent(), "Vi phạm");
  let now = await shown(page);
  assert.equal(now.level, "not_completed");
  assert.match(now.running, /^Mức đề xuất: Không hoàn thành nhiệm vụ/);
  assert.ok((await overflow(page)) <= 0);
  await page.locator(`#${idFor("/conduct/answers/q37.gifts")}`).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}/phone-conduct-exception.png` });
  // Unticking takes back the "complied" answers of that document only; the exception stays.
  await group.locator("input[data-doc]").uncheck();
  assert.equal(await group.locator("details[data-answer=complied]").count(), 0);
  assert.equal(await group.locator("details[data-answer=breach]").count(), 1);
  assert.equal(await group.locator("input[data-doc]").evaluate((box) => box.indeterminate), true);
  await group.locator("input[data-doc]").check();
  // The decisive reason first, with its article; the higher levels are out of reach, said once.
  await goToStep(page, "review");
  now = await shown(page);
  assert.equal(now.reasons[0].rule, "qd366.11.4.N.conduct");
  assert.match(now.reasons[0].text, /Điều 11, khoản 4/);
  assert.equal(await page.locator("#changes li.blocked").count(), 1);
  assert.equal(await page.locator("#changes li.blocked li").count(), 1);
  assert.ok((await overflow(page)) <= 0);
  await page.screenshot({ path: `${out}/phone-result.png` });
  // A contract error shows next to the field it names, in words, and the step is marked; fixing it clears both.
  await type(page, "/tasks/on_time", "9");
  const error = page.locator(`#${idFor("/tasks/on_time")}-error`);
  assert.match(await error.textContent(), /\S/);
  assert.doesNotMatch(await error.textContent(), /`\//); // no JSON Pointer in the message
  assert.equal(await page.locator(`#${idFor("/tasks/on_time")}`).getAttribute("aria-invalid"), "true");
  assert.equal(await page.locator("#nav-tasks").getAttribute("data-flag"), "error");
  assert.match((await shown(page)).running, /^Cần sửa 1 chỗ/);
  await goToStep(page, "identity");
  await page.locator("#running-go").click(); // "Chỗ cần sửa"
  assert.equal(await page.evaluate(() => document.activeElement.dataset.path), "/tasks/on_time");
  await page.screenshot({ path: `${out}/phone-error-next-to-field.png` });
  await type(page, "/tasks/on_time", "8");
  assert.equal(await error.textContent(), "");
  assert.equal(await page.locator("#nav-tasks").getAttribute("data-flag"), null);
  const { record, levels } = await exportedLevels(page, "member-qd37-breach");
  const answers = Object.values(record.conduct.answers);
  assert.equal(answers.filter((a) => a.answer === "complied").length, items - 1);
  assert.deepEqual(record.conduct.answers["q37.gifts"], { answer: "breach", evidence: "Nhận quà để tác động" });
  assert.equal(levels.wasm, "not_completed");
  if (levels.cli) assert.equal(levels.cli, "not_completed");
  assert.deepEqual(offsite, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a leader: what would change as actions that lead to the field, then a unit that missed its plan", async () => {
  const { page, context, offsite, problems } = await openForm(shared.browser, shared.server.base, { kind: "leader" });
  await type(page, "/id", "ld-ke-hoach");
  await fillBasics(page, { general: "27", taskResults: "60", assigned: "12", completed: "12", onTime: "12", exceeded: "4" });
  assert.equal((await shown(page)).level, "good");
  // Good at 87 points: Excellent needs more points; the action names the field and goes to it.
  const excellent = page.locator("#changes > li[data-level=excellent]");
  assert.match(await excellent.locator("strong").textContent(), /Để đạt «Hoàn thành xuất sắc nhiệm vụ»/);
  const edit = excellent.locator("[data-goto='/score/task_results']");
  assert.match(await edit.textContent(), /^Sửa: /);
  await edit.click();
  assert.equal(await page.evaluate(() => document.activeElement.dataset.path), "/score/task_results");
  assert.equal(await page.locator("#step-task_results_points").isVisible(), true);
  await type(page, "/leader/units_in_charge/total", "4");
  await type(page, "/leader/units_in_charge/not_completed", "3");
  const now = await shown(page);
  assert.equal(now.level, "not_completed");
  assert.equal(now.reasons[0].rule, "qd366.11.4.L.plan");
  await goToStep(page, "review");
  await page.screenshot({ path: `${out}/leader-plan-missed.png` });
  const { record, levels } = await exportedLevels(page, "leader-plan-missed");
  assert.deepEqual(record.leader.units_in_charge, { total: 4, not_completed: 3 });
  assert.equal(levels.wasm, "not_completed");
  if (levels.cli) assert.equal(levels.cli, "not_completed");
  assert.deepEqual(offsite, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("every subject: a collective (Mẫu 01) and a member outside the political system (Mẫu 02C)", async () => {
  const collective = await openForm(shared.browser, shared.server.base, { kind: "collective" });
  let page = collective.page;
  assert.match(await page.locator("#form-title").textContent(), /Mẫu 01/);
  assert.equal(await page.locator("#step-conduct").count(), 0); // no personal checklist for a collective
  assert.equal(await page.locator("#x-collective_name").count(), 1);
  await typeExtra(page, "collective_name", "Chi bộ Trường Tiểu học Tân Phú");
  await type(page, "/id", "tap-the");
  await fillBasics(page, { general: "26", taskResults: "58", assigned: "20", completed: "20", onTime: "20", exceeded: "2" });
  assert.equal((await shown(page)).level, "good");
  let exported = await exportedLevels(page, "collective-good");
  assert.equal(exported.record.subject.kind, "collective");
  assert.equal(exported.levels.wasm, "good");
  assert.deepEqual(collective.problems, []);
  await collective.context.close();

  const outside = await openForm(shared.browser, shared.server.base, { kind: "member_outside" });
  page = outside.page;
  assert.match(await page.locator("#form-title").textContent(), /Mẫu 2C/);
  await fillBasics(page, EXCELLENT);
  await complyWithAll(page);
  assert.equal((await shown(page)).level, "excellent");
  // A year before QĐ 366 was in force: the regime's refusal shows at the year, which chose it.
  await type(page, "/period/year", "2024");
  assert.match(await page.locator(`#${idFor("/period/year")}-error`).textContent(), /366-QĐ\/TW có hiệu lực 30\/08\/2025/);
  assert.equal(await page.locator("#nav-identity").getAttribute("data-flag"), "error");
  await type(page, "/period/year", "2025");
  assert.equal((await shown(page)).level, "excellent");
  exported = await exportedLevels(page, "member-outside-excellent");
  assert.equal(exported.record.subject.in_political_system, false);
  assert.equal(exported.levels.wasm, "excellent");
  if (exported.levels.cli) assert.equal(exported.levels.cli, "excellent");
  // Switching the form keeps the record id and year; the other form's answers stay in its own draft.
  await page.locator("#form-kind").selectOption("collective");
  assert.match(await page.locator("#form-title").textContent(), /Mẫu 01/);
  assert.equal(await page.locator(`#${idFor("/score/general")}`).inputValue(), "");
  await page.locator("#form-kind").selectOption("member_outside");
  assert.equal(await page.locator(`#${idFor("/score/general")}`).inputValue(), "29");
  assert.deepEqual(outside.problems, []);
  await outside.context.close();
});

test("keyboard only: steps, fields, the checklist and its exceptions", async () => {
  const { page, context, problems } = await openForm(shared.browser, shared.server.base, { kind: "member" });
  // Every input, select and textarea has a label.
  const unlabelled = await page.evaluate(() => [...document.querySelectorAll("input, select, textarea")]
    .filter((node) => node.labels.length === 0 && !node.getAttribute("aria-labelledby") && !node.getAttribute("aria-label")).map((node) => node.id));
  assert.deepEqual(unlabelled, []);
  /** Presses Tab until the focus is on `selector` (at most `limit` presses). */
  const tabTo = async (selector, limit = 60) => {
    for (let i = 0; i < limit; i++) {
      if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
      await page.keyboard.press("Tab");
    }
    assert.fail(`Tab never reached ${selector}`);
  };
  await tabTo("#x-full_name");
  await page.keyboard.type("Lê Thị Hoa");
  await tabTo("#next");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement.id), "step-status-heading");
  // To the points step through the step list, by keyboard.
  await tabTo("#nav-general_criteria");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement.id), "step-general_criteria-heading");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.dataset.path), "/score/general");
  await page.keyboard.type("29");
  // The checklist: tick a document, then mark one item with the arrow keys.
  await tabTo("#nav-conduct");
  await page.keyboard.press("Enter");
  await tabTo("#doc-101-Q_TW-all");
  await page.keyboard.press("Space");
  assert.ok((await page.locator("#doc-101-Q_TW details[data-answer=complied]").count()) > 3);
  await tabTo(`#${idFor("/conduct/answers/q101.self_criticism")} > summary`);
  await page.keyboard.press("Enter");
  await tabTo(`#${idFor("/conduct/answers/q101.self_criticism/answer")}-complied`);
  await page.keyboard.press("ArrowRight"); // the next radio button: "Còn hạn chế"
  assert.equal(await page.locator(`#${idFor("/conduct/answers/q101.self_criticism")}`).getAttribute("data-answer"), "shortcoming");
  // Whether a breach harmed prestige is asked of a breach only.
  const harmed = page.locator(`#${idFor("/conduct/answers/q101.self_criticism/harmed_prestige")}`);
  assert.equal(await harmed.isVisible(), false);
  await page.keyboard.press("ArrowRight"); // "Vi phạm"
  assert.equal(await harmed.isVisible(), true);
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Chưa thường xuyên");
  assert.equal(await page.evaluate(() => document.activeElement.dataset.path), "/conduct/answers/q101.self_criticism/evidence");
  // The focused field is never under the sticky bar at the bottom.
  const covered = await page.evaluate(() => {
    const field = document.activeElement.getBoundingClientRect();
    return field.bottom > document.querySelector(".bottom-bar").getBoundingClientRect().top;
  });
  assert.equal(covered, false);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the screens shown in the README: a phone on the checklist, a desktop on the result", async () => {
  const phone = await openForm(shared.browser, shared.server.base, { kind: "member", viewport: PHONE });
  let page = phone.page;
  await typeExtra(page, "full_name", "Nguyễn Văn An");
  await fillBasics(page, { general: "27", taskResults: "60", assigned: "10", completed: "10", onTime: "10", exceeded: "2" });
  await goToStep(page, "conduct");
  await page.locator("#doc-101-Q_TW-all").check();
  await choose(page, "/conduct/answers/q101.political_steadfastness/answer", "shortcoming");
  await type(page, "/conduct/answers/q101.political_steadfastness/evidence", "Có lúc chưa kịp thời đấu tranh với quan điểm sai");
  await page.locator("#doc-101-Q_TW").evaluate((node) => node.scrollIntoView({ block: "start" }));
  assert.equal(await page.locator("#doc-101-Q_TW details[data-answer=shortcoming]").count(), 1);
  assert.ok((await overflow(page)) <= 0);
  await page.screenshot({ path: `${out}/readme-phone.png` });
  assert.deepEqual(phone.problems, []);
  await phone.context.close();

  const desktop = await openForm(shared.browser, shared.server.base, { kind: "member" });
  page = desktop.page;
  await fillBasics(page, { general: "27", taskResults: "60", assigned: "10", completed: "10", onTime: "10", exceeded: "2" });
  await complyWithAll(page);
  await goToStep(page, "review");
  assert.equal((await shown(page)).level, "good");
  await page.locator("#step-nav").evaluate((nav) => { nav.scrollTop = 0; });
  await page.screenshot({ path: `${out}/readme-desktop.png` });
  assert.deepEqual(desktop.problems, []);
  await desktop.context.close();
});
