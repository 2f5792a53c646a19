// The state-side self-assessment (ND 335/2025, ND 233/2026): a civil servant's or public
// employee's month with its product list, filled in a real browser as a person would, the
// page laid out from the core's state form schema and filled by walking that schema.
// The records are those of shared vectors (vectors/state/periods.json): the page must show
// the vector's score, level and period components, which the core computes through the
// WASM build; the exported JSON is evaluated again outside the page (the Node WASM build,
// and the CLI when built). Then a phone's screen, the axe audit, the draft kept across a
// reload, import, and the printed sheet (PDF text read back, first page as PNG).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import {
  PHONE, axeAudit, blocking, choose, chooseVariant, exportedLevels, goToStep, idFor, openForm, out, repo, shown,
  sharedBrowser, type, typeExtra, valueAt, wasm,
} from "./helpers.mjs";

const shared = sharedBrowser();

const vectors = JSON.parse(readFileSync(`${repo}vectors/state/periods.json`, "utf8"));
const vectorNamed = (name) => {
  const list = Array.isArray(vectors) ? vectors : vectors.vectors ?? vectors.cases;
  const found = list.find((v) => v.name === name);
  assert.ok(found, name);
  return found;
};

/** Splits a period's general points over the three groups (10 each at most). */
function generalItems(general) {
  const hundredths = Math.round(general * 100);
  const first = Math.min(1000, hundredths);
  const second = Math.min(1000, hundredths - first);
  const [politics_ethics, capacity, innovation] = [first, second, hundredths - first - second].map((h) => h / 100);
  return { politics_ethics, capacity, innovation };
}

/** The vector's record as a person answers the form: the general points by group. */
function byGroup(record) {
  const answered = structuredClone(record);
  const period = answered.periods[0];
  period.general_items = generalItems(period.general);
  delete period.general;
  return answered;
}

/** The core's state form schema for a record (the Node WASM build, as the page asks it). */
function schemaFor(record) {
  const result = wasm.formSchema({
    rating: "state", kind: record.subject.kind, employment: record.subject.employment,
    period_kind: record.periods[0].quarter !== undefined ? "quarter" : "month", on: `${record.period.year}-12-31`,
  });
  assert.equal(result.ok, true, JSON.stringify(result.errors));
  return result.value;
}

/** Answers a field of the schema at `path` through the page's controls. */
async function answer(page, field, path, value) {
  if (field.type === "boolean" || field.type === "choice") await choose(page, path, String(value));
  else await type(page, path, String(value));
}

/**
 * Fills the page from the core's form schema: the variant (employment, month or quarter)
 * chosen among the schema's `request_options`, then every field of every section that the
 * record answers, a list's rows added from the keyboard. Returns the paths answered.
 */
async function fillFromSchema(page, record) {
  const schema = schemaFor(record);
  for (const option of schema.request_options) await chooseVariant(page, option.name, option.value);
  const answered = [];
  for (const section of schema.sections) {
    for (const field of section.fields) {
      const path = field.path.replaceAll(schema.period_placeholder, "0");
      const value = valueAt(record, path);
      if (value === undefined) continue;
      answered.push(path);
      if (field.type !== "list") {
        await answer(page, field, path, value);
        continue;
      }
      const add = page.locator(`#${idFor(path)}-add`);
      await goToStep(page, await add.evaluate((n) => n.closest(".step").dataset.step));
      for (const [row, item] of value.entries()) {
        // From the keyboard: Enter on "Thêm: …" adds a row and puts the focus in its first field.
        await add.focus();
        await page.keyboard.press("Enter");
        assert.equal(await page.evaluate(() => document.activeElement.dataset.path), `${path}/${row}${field.item_fields[0].path}`);
        for (const sub of field.item_fields) {
          const subValue = valueAt(item, sub.path);
          if (subValue !== undefined) await answer(page, sub, `${path}/${row}${sub.path}`, subValue);
        }
      }
    }
  }
  return { schema, answered };
}

/** The record the page exports once filled from `record`: the record with the schema's fixed part. */
const asExported = (record, schema) => ({ ...record, ...schema.fixed, subject: { ...record.subject, ...schema.fixed.subject } });

/** The period table as shown: header cells, and each row's cells. */
const periodTable = (page) => page.evaluate(() => {
  const table = document.getElementById("period-scores");
  if (!table) return null;
  return {
    head: [...table.querySelectorAll("thead th")].map((th) => th.textContent),
    rows: [...table.querySelectorAll("tbody tr")].map((tr) => [...tr.children].map((c) => c.textContent)),
  };
});

/** Checks the page against the vector: level, score, the period's components as the core wrote them. */
async function assertShowsVector(page, vector) {
  const expect = vector.expect;
  const now = await shown(page);
  assert.equal(now.state, "complete", JSON.stringify(now));
  assert.equal(now.level, expect.level);
  assert.match(now.running, new RegExp(`· ${String(expect.score).replace(".", "\\.")} điểm$`));
  const table = await periodTable(page);
  const period = expect.periods[0];
  const keys = ["a", "b", "c", "d", "dd", "e"].filter((k) => period[k] !== undefined);
  assert.deepEqual(table.head.slice(1, 1 + keys.length), keys.map((k) => (k === "dd" ? "đ" : k)));
  const row = table.rows[0];
  assert.equal(row[0], period.month !== undefined ? `Tháng ${period.month}` : `Quý ${period.quarter}`);
  assert.deepEqual(row.slice(1, 1 + keys.length), keys.map((k) => period[k]));
  assert.equal(row[1 + keys.length + 1], period.task_results);
  assert.equal(row[row.length - 1], String(expect.score));
}

test("a civil servant's month with products shows the shared vector's score and level", async () => {
  const vector = vectorNamed("state-extra-products-capped-at-one");
  const { page, context, offsite, problems } = await openForm(shared.browser, shared.server.base, { kind: "state_member" });
  const stepIds = await page.locator("#step-list .step-link").evaluateAll((links) => links.map((a) => a.id.slice(4)));
  const schema = schemaFor(vector.input);
  // The steps are the core's sections, between the page's own first and last ones.
  assert.deepEqual(stepIds, ["identity", ...schema.sections.map((section) => section.id), "written", "review"]);
  assert.deepEqual(schema.sections.map((section) => section.id), ["period", "general_criteria", "products", "annual", "conduct"]);
  assert.equal(await page.locator(`#${idFor("/period/year")}`).inputValue(), "2026");
  await typeExtra(page, "full_name", "Phạm Thị Hoa");
  await type(page, "/id", vector.input.id);
  // Before the period: what is missing is named, nothing is worked out.
  await chooseVariant(page, "employment", "cong_chuc");
  assert.equal((await shown(page)).state, "invalid");
  const input = byGroup(vector.input);
  const { answered } = await fillFromSchema(page, input);
  assert.deepEqual(answered, ["/periods/0/month", ...Object.keys(input.periods[0].general_items).map((k) => `/periods/0/general_items/${k}`), "/periods/0/products"]);
  await assertShowsVector(page, vector);
  await page.screenshot({ path: `${out}/state-member-month.png`, fullPage: true });
  // The exported record evaluates to the same level outside the page.
  const { record, levels } = await exportedLevels(page, "state-member-month");
  assert.deepEqual(record, asExported(input, schema));
  assert.deepEqual(record.periods[0].general_items, { politics_ethics: 10, capacity: 10, innovation: 8 });
  for (const level of Object.values(levels)) assert.equal(level, vector.expect.level);
  // Removing the extra product: the core works the month out again (no extra weight makes
  // up the two failed reviews any more: b = (2·½ + 1)/3 = 2/3).
  await goToStep(page, "products");
  await page.getByRole("button", { name: "Xoá: Sản phẩm 3" }).click();
  assert.equal(await page.locator("#step-products fieldset.row").count(), 2);
  const afterRemoval = await exportedLevels(page, "state-member-month-removed");
  assert.equal(afterRemoval.record.periods[0].products.length, 2);
  assert.equal((await shown(page)).level, afterRemoval.levels.wasm);
  const table = await periodTable(page);
  assert.deepEqual(table.rows[0].slice(1, 4), ["1", "2/3", "1"]);
  assert.deepEqual(offsite, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a leader's month on a phone: d, đ, e, the axe audit, the draft and the printed sheet", async () => {
  const vector = vectorNamed("state-leader-dd-and-e-half");
  const { page, context, offsite, problems } = await openForm(shared.browser, shared.server.base, { kind: "state_leader", viewport: PHONE });
  const found = [];
  const audit = async (where) => {
    found.push(...blocking(await axeAudit(page)).map((v) => `${where}: ${v.impact} ${v.id} — ${v.help} — ${v.nodes.join(", ")}`));
  };
  const steps = await page.locator("#step-list .step-link").evaluateAll((links) => links.map((a) => a.id.slice(4)));
  assert.deepEqual(steps, ["identity", "period", "general_criteria", "products", "unit", "annual", "conduct", "written", "review"]);
  for (const step of steps) {
    await goToStep(page, step);
    await audit(`empty, ${step}`);
  }
  for (const [key, value] of Object.entries({ full_name: "Lê Văn Minh", position: "Trưởng phòng", work_unit: "Phòng Tổng hợp", agency: "Sở Tài chính" })) {
    await typeExtra(page, key, value);
  }
  await type(page, "/id", vector.input.id);
  const input = byGroup(vector.input);
  const { answered } = await fillFromSchema(page, input);
  assert.ok(answered.includes("/periods/0/unit/prolonged_delays"), answered.join(" "));
  await goToStep(page, "products");
  await audit("filled, products");
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), 0);
  await page.screenshot({ path: `${out}/state-leader-phone.png` });
  await goToStep(page, "review");
  await assertShowsVector(page, vector);
  await audit("complete, review");
  await page.screenshot({ path: `${out}/state-leader-phone-result.png`, fullPage: true });
  await typeExtra(page, "place", "Hà Nội");
  await typeExtra(page, "signed_on", "2026-02-02");
  await page.locator("#preview-button").click();
  await audit("print preview");
  assert.deepEqual(found, []);

  // The draft: kept in the browser and restored after a reload, products and all.
  await page.waitForFunction(() => document.body.dataset.saved);
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  assert.equal(await page.locator("#form-kind").inputValue(), "state_leader");
  assert.equal(await page.locator("body").getAttribute("data-restored"), "true");
  await goToStep(page, "review");
  await assertShowsVector(page, vector);

  // The printed sheet: the national header, the period, the person, the products, the points, the level ticked, two signatures.
  const pdf = `${out}/printed-state_leader.pdf`;
  await page.pdf({ path: pdf, format: "A4", printBackground: true });
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"]).toString();
  const flat = text.replace(/\s+/g, " ");
  // A product's label may wrap inside its cell: read in content order.
  const raw = execFileSync("pdftotext", ["-raw", pdf, "-"]).toString().replace(/\s+/g, " ");
  for (const expected of [
    "Mẫu 01B", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "PHIẾU TỰ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG",
    "THÁNG 1 NĂM 2026", "Họ và tên: Lê Văn Minh", "Chức vụ, chức danh: Trưởng phòng", "SỞ TÀI CHÍNH",
    "Hà Nội, ngày 02 tháng 02 năm 2026",
    "☒ Hoàn thành tốt nhiệm vụ", "NGƯỜI TỰ ĐÁNH GIÁ", "THỦ TRƯỞNG ĐƠN VỊ", "Nghị định số 335/2025/NĐ-CP",
  ]) assert.ok(flat.includes(expected), `${expected} in ${flat}`);
  for (const label of ["Chỉ đạo xây dựng kế hoạch", "Duyệt báo cáo"]) assert.ok(raw.includes(label), `${label} in ${raw}`);
  assert.match(text, /1\. Tiêu chí chung\s+30\s+26\b/);
  assert.match(text, /đ\) Đơn vị không có nhiệm vụ chậm tiến độ kéo dài\s+1\s+1\/2/);
  assert.match(text, /Tổng điểm của kỳ\s+100\s+84,33/);
  assert.equal(flat.match(/☒/g).length, 1);
  for (const word of ["Tiếp tục", "Kết quả đề xuất", "Xuất tệp JSON"]) assert.ok(!flat.includes(word), word);
  execFileSync("pdftoppm", ["-png", "-scale-to", "760", "-f", "1", "-l", "1", "-singlefile", pdf, `${out}/printed-state_leader`]);
  assert.deepEqual(offsite, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a state record imported from JSON fills the sheet and shows the vector's result", async () => {
  const vector = vectorNamed("state-leader-dd-and-e-half");
  const { page, context, problems } = await openForm(shared.browser, shared.server.base, { kind: "member" });
  await goToStep(page, "review");
  await page.locator("#import").setInputFiles({ name: "leader.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(vector.input)) });
  await page.waitForFunction(() => document.getElementById("import-status")?.textContent.includes("leader.json"));
  assert.equal(await page.locator("#form-kind").inputValue(), "state_leader");
  assert.doesNotMatch(await page.locator("#import-status").textContent(), /\//); // no field left out
  assert.equal(await page.locator(`#${idFor("/periods/0/general")}`).inputValue(), "26");
  await goToStep(page, "review");
  await assertShowsVector(page, vector);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a public employee's quarter is rated under ND 233 by the core", async () => {
  const { page, context, problems } = await openForm(shared.browser, shared.server.base, { kind: "state_member", query: "&lang=en" });
  await type(page, "/id", "vc-quy-2");
  // The month is the default variant; the quarter is the core's schema asked for again.
  assert.equal(await page.locator(`#${idFor("/periods/0/month")}`).count(), 1);
  await chooseVariant(page, "employment", "vien_chuc");
  await chooseVariant(page, "period_kind", "quarter");
  assert.equal(await page.locator(`#${idFor("/periods/0/month")}`).count(), 0);
  assert.equal(await page.evaluate(() => document.activeElement.id), "request-period_kind-quarter");
  await type(page, "/periods/0/quarter", "2");
  await type(page, "/periods/0/general", "27.5");
  await goToStep(page, "products");
  for (const [row, [weight, done, delays]] of [["4", "true", "1"], ["2", "false", "0"]].entries()) {
    await page.locator(`#${idFor("/periods/0/products")}-add`).click();
    await type(page, `/periods/0/products/${row}/weight`, weight);
    await choose(page, `/periods/0/products/${row}/done`, done);
    await type(page, `/periods/0/products/${row}/delays`, delays);
  }
  const { record, levels, text } = await exportedLevels(page, "state-quarter-nd233");
  assert.deepEqual(record.periods[0], {
    quarter: 2, general: 27.5,
    products: [{ weight: 4, done: true, delays: 1 }, { weight: 2, done: false, delays: 0 }],
  });
  const decision = wasm.evaluate(text).value;
  assert.equal(decision.regime, "nd233");
  assert.equal((await shown(page)).level, decision.level);
  for (const level of Object.values(levels)) assert.equal(level, decision.level);
  const table = await periodTable(page);
  assert.equal(table.rows[0][0], "Quarter 2");
  assert.deepEqual(table.rows[0].slice(1, 4), ["a", "b", "c"].map((k) => decision.state.periods[0][k]));
  // The printed sheet names the quarter and the decree the core applied.
  await page.locator("#preview-button").click();
  const paper = await page.locator("#official-form").textContent();
  assert.ok(paper.includes("QUÝ 2 NĂM 2026"), paper);
  assert.ok(paper.includes("Mẫu 02A"), paper);
  assert.ok(paper.includes("Theo Nghị định số 233/2026/NĐ-CP."), paper);
  assert.deepEqual(problems, []);
  await context.close();

  // The exported quarter, imported into a fresh page, picks the same variant of the form.
  const fresh = await openForm(shared.browser, shared.server.base, { kind: "member" });
  await goToStep(fresh.page, "review");
  await fresh.page.locator("#import").setInputFiles({ name: "quarter.json", mimeType: "application/json", buffer: Buffer.from(text) });
  await fresh.page.waitForFunction(() => document.getElementById("import-status")?.textContent.includes("quarter.json"));
  assert.equal(await fresh.page.locator("#form-kind").inputValue(), "state_member");
  assert.doesNotMatch(await fresh.page.locator("#import-status").textContent(), /\//); // no field left out
  assert.equal(await fresh.page.locator("#request-employment-vien_chuc").isChecked(), true);
  assert.equal(await fresh.page.locator("#request-period_kind-quarter").isChecked(), true);
  assert.equal(await fresh.page.locator(`#${idFor("/periods/0/quarter")}`).inputValue(), "2");
  assert.equal((await shown(fresh.page)).level, decision.level);
  assert.deepEqual(fresh.problems, []);
  await fresh.context.close();
});
