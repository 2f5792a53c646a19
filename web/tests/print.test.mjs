// "In bản kiểm điểm": the filled self-review printed in the layout of the official form
// of each subject (HD 43 Mẫu 02B, 02C, 02A, 01), through the print stylesheet. Headless
// Chromium prints it to PDF; poppler's pdftotext reads the text back (name, form code,
// points, the proposed level ticked, place and date, signature) and pdftoppm draws the
// first page as PNG (target/browser/printed-<form>.png).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import {
  choose, complyWithAll, fillBasics, goToStep, openForm, out, shown, sharedBrowser, type, typeExtra,
} from "./helpers.mjs";

const shared = sharedBrowser();

const BASICS = { general: "29", taskResults: "66", assigned: "10", completed: "10", onTime: "10", exceeded: "5" };

const CASES = [
  {
    form: "member", code: "Mẫu 02B-HD KĐ.ĐG 2025", subtitle: "(Dùng cho cá nhân không giữ chức vụ lãnh đạo, quản lý)",
    header: { full_name: "Nguyễn Văn An", work_unit: "Trường Tiểu học Tân Phú", chi_bo: "Trường Tiểu học", dang_bo: "Xã Tân Phú" },
    basics: { ...BASICS, taskResults: "60" }, total: "89", level: "Hoàn thành tốt nhiệm vụ", name: "Nguyễn Văn An",
    shortcoming: true,
  },
  {
    form: "member_outside", code: "Mẫu 02C-HD KĐ.ĐG 2025", subtitle: "(Dùng cho đảng viên không làm việc trong hệ thống chính trị)",
    header: { full_name: "Trần Văn Bảy", chi_bo: "Khu phố 4", dang_bo: "Phường Bình Minh" },
    basics: BASICS, total: "95", level: "Hoàn thành xuất sắc nhiệm vụ", name: "Trần Văn Bảy",
  },
  {
    form: "leader", code: "Mẫu 02A-HD KĐ.ĐG 2025", subtitle: "(Dùng cho cá nhân giữ chức vụ lãnh đạo, quản lý)",
    header: { full_name: "Lê Quang Cường", position: "Hiệu trưởng", chi_bo: "Trường Tiểu học", dang_bo: "Xã Tân Phú" },
    // Worked out as Excellent; the leader proposes Good on paper.
    basics: BASICS, total: "95", level: "Hoàn thành tốt nhiệm vụ", name: "Lê Quang Cường", selfLevel: "good",
  },
  {
    form: "collective", code: "Mẫu 01-HD KĐ.ĐG 2025", subtitle: null,
    header: { collective_name: "Chi bộ Trường Tiểu học Tân Phú", dang_bo: "Xã Tân Phú", signer_title: "Bí thư", signer_name: "Đỗ Thị Dung" },
    basics: { ...BASICS, general: "26", taskResults: "58" }, total: "84", level: "Hoàn thành tốt nhiệm vụ", name: "Đỗ Thị Dung",
  },
];

/** The PDF's text, read back by poppler (laid out, so a row of the points table stays on one line). */
const pdfText = (file) => execFileSync("pdftotext", ["-layout", file, "-"]).toString();

for (const c of CASES) {
  test(`printing ${c.code}`, async () => {
    const { page, context, offsite, problems } = await openForm(shared.browser, shared.server.base, { kind: c.form });
    for (const [key, value] of Object.entries(c.header)) await typeExtra(page, key, value);
    await fillBasics(page, c.basics);
    if (c.form !== "collective") await complyWithAll(page);
    if (c.shortcoming) {
      await choose(page, "/conduct/answers/q101.self_criticism/answer", "shortcoming");
      await type(page, "/conduct/answers/q101.self_criticism/evidence", "Có lúc chưa thẳng thắn");
    }
    await typeExtra(page, "written.a1_2", "Hoàn thành đúng tiến độ các việc được giao trong năm.");
    await typeExtra(page, "place", "Tân Phú");
    await typeExtra(page, "signed_on", "2025-12-15");
    await goToStep(page, "review");
    assert.equal((await shown(page)).state, "complete");
    if (c.selfLevel) {
      assert.equal(await page.locator("#self-level-computed").isChecked(), true);
      assert.equal(await page.locator("#self-level-computed-text").textContent(), "Theo kết quả tính: Hoàn thành xuất sắc nhiệm vụ");
      await page.locator(`#self-level-${c.selfLevel}`).check();
      assert.equal(await page.locator("#self-level-note").textContent(), "Mức tự đề xuất khác mức tính theo quy định (Hoàn thành xuất sắc nhiệm vụ).");
      assert.equal((await shown(page)).level, "excellent"); // the worked-out level is still shown as it is
    }
    // The button prints (the dialog itself is not opened in a test).
    await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
    await page.locator("#print-button").click();
    assert.equal(await page.evaluate(() => window.__printed), 1);
    const pdf = `${out}/printed-${c.form}.pdf`;
    await page.pdf({ path: pdf, format: "A4", printBackground: true });
    const text = pdfText(pdf);
    const flat = text.replace(/\s+/g, " ");
    assert.ok(flat.includes(c.code), c.code);
    assert.ok(flat.includes("ĐẢNG CỘNG SẢN VIỆT NAM"));
    assert.ok(flat.includes("Năm 2025"));
    if (c.subtitle) assert.ok(flat.includes(c.subtitle), c.subtitle);
    assert.ok(flat.includes("Tân Phú, ngày 15 tháng 12 năm 2025"));
    assert.ok(flat.includes(c.name), c.name);
    assert.ok(flat.includes(c.form === "collective" ? "T/M CHI BỘ TRƯỜNG TIỂU HỌC TÂN PHÚ" : "NGƯỜI TỰ KIỂM ĐIỂM"));
    // Part B: the self-assessed points, their total, and the proposed level ticked (the others not).
    assert.match(text, new RegExp(`1\\. Nhóm tiêu chí chung\\s+30\\s+${c.basics.general}\\b`));
    assert.match(text, new RegExp(`Tổng cộng\\s+100\\s+${c.total}\\b`));
    assert.ok(flat.includes(`☒ ${c.level}`), `☒ ${c.level}`);
    assert.equal(flat.match(/☒/g).length, 1);
    assert.equal(flat.match(/☐/g).length, 3);
    // Part A: the written answer, and the figures printed in.
    assert.ok(flat.includes("Hoàn thành đúng tiến độ các việc được giao trong năm."));
    assert.ok(flat.includes("Số nhiệm vụ được giao: 10; hoàn thành: 10"));
    if (c.shortcoming) assert.ok(flat.includes("Còn hạn chế: Tự phê bình"), flat);
    // Only the form is printed: none of the page's controls or the result panel.
    for (const word of ["Tiếp tục", "Kết quả đề xuất", "Xuất tệp JSON", "Các bước"]) assert.ok(!flat.includes(word), word);
    execFileSync("pdftoppm", ["-png", "-scale-to", "760", "-f", "1", "-l", "1", "-singlefile", pdf, `${out}/printed-${c.form}`]);
    assert.deepEqual(offsite, []);
    assert.deepEqual(problems, []);
    await context.close();
  });
}
