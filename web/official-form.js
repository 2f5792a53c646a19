// The filled self-review in the layout of the official paper form of HD 43-HD/BTCTW
// (Mẫu 01, 02A, 02B, 02C; criteria-qd366.md §8): the party header, the title, Part A
// (the written parts, each opened with the figures the record holds), Part B (the
// self-assessed points and the proposed level), place, date and the signature. Always
// in Vietnamese: it is the form that is handed in. Shown on screen as a preview and
// printed through the print stylesheet.
import { el } from "./dom.js";
import { LEVELS } from "./i18n.js";

const DOTS = "…………………………";

/** A number of the record as Vietnamese writes it (decimal comma). */
const number = (value) => (typeof value === "number" ? String(value).replace(".", ",") : value ?? "");

/** An ISO date as dd/mm/yyyy, or "" for none. */
function dateVi(iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? "");
  return match ? `${match[3]}/${match[2]}/${match[1]}` : "";
}

/** The label of a choice's value, from the form schema's field. */
const optionLabel = (field, value) => field?.options?.find((o) => o.value === value)?.label?.vi ?? value;

/** The sentences printed at the start of a part, from the record (none when it holds nothing for it). */
function autoText(kind, data) {
  const { record, conduct, fields } = data;
  const sentences = [];
  if (kind === "tasks" && record.tasks) {
    const t = record.tasks;
    const parts = [];
    if (t.assigned !== undefined) parts.push(`số nhiệm vụ được giao: ${number(t.assigned)}`);
    if (t.completed !== undefined) parts.push(`hoàn thành: ${number(t.completed)}`);
    if (t.on_time !== undefined) parts.push(`trong đó hoàn thành đúng hạn, bảo đảm chất lượng: ${number(t.on_time)}`);
    if (t.exceeded !== undefined) parts.push(`hoàn thành vượt mức yêu cầu: ${number(t.exceeded)}`);
    if (t.not_completed !== undefined) parts.push(`không hoàn thành: ${number(t.not_completed)}`);
    if (parts.length) sentences.push(capitalise(parts.join("; ")) + ".");
  }
  const units = record.leader?.units_in_charge;
  if (kind === "tasks" && units?.total !== undefined) {
    sentences.push(`Số cơ quan, đơn vị được giao phụ trách: ${number(units.total)}` +
      (units.not_completed !== undefined ? `, trong đó bị xếp loại Không hoàn thành nhiệm vụ: ${number(units.not_completed)}.` : "."));
  }
  if (kind === "conduct" && conduct.items.length) {
    const answered = conduct.items.filter((item) => item.answer);
    const complied = answered.filter((item) => item.answer === "complied").length;
    const documents = conduct.documents.map((d) => d.document).join(", ");
    const exceptions = answered.length - complied;
    sentences.push(`Tự kiểm tra theo ${conduct.items.length} nội dung về trách nhiệm nêu gương và những điều đảng viên không được làm (${documents}): thực hiện tốt ${complied} nội dung` +
      (exceptions ? `; ${exceptions} nội dung còn hạn chế hoặc vi phạm (nêu ở mục II).` : "."));
    const open = conduct.items.length - answered.length;
    if (open) sentences.push(`Chưa tự đánh giá: ${open} nội dung.`);
  }
  // The checklist's exceptions are shortcomings: they are printed under II.1.
  if (kind === "faults") {
    for (const [answer, heading] of [["shortcoming", "Còn hạn chế"], ["breach", "Tự nhận vi phạm"]]) {
      const items = conduct.items.filter((item) => item.answer === answer);
      if (items.length) {
        sentences.push(`${heading}: ${items.map((item) => `${item.title} (${item.citation})${item.evidence ? ` — ${item.evidence}` : ""}`).join("; ")}.`);
      }
    }
  }
  if (kind === "faults" && Array.isArray(record.discipline) && record.discipline.length) {
    const formField = fields.get("/discipline")?.item_fields?.find((f) => f.path === "/form");
    sentences.push("Kỷ luật trong kỳ: " + record.discipline.map((d) =>
      `${optionLabel(formField, d.form) ?? ""}${d.decided_on ? ` (quyết định ngày ${dateVi(d.decided_on)})` : ""}`).join("; ") + ".");
  }
  if (kind === "shortcomings" && record.shortcomings) {
    const s = record.shortcomings;
    const parts = [];
    if (s.identified !== undefined) parts.push(`số hạn chế, khuyết điểm đã được chỉ ra: ${number(s.identified)}`);
    if (s.fixed !== undefined) parts.push(`đã khắc phục: ${number(s.fixed)}`);
    if (parts.length) sentences.push(capitalise(parts.join("; ")) + ".");
  }
  if (kind === "collective" && record.collective?.subordinate_units_disciplined !== undefined) {
    sentences.push(`Số tổ chức, đơn vị trực thuộc bị kỷ luật: ${number(record.collective.subordinate_units_disciplined)}.`);
  }
  return sentences;
}

const capitalise = (text) => text.charAt(0).toUpperCase() + text.slice(1);

/** Paragraphs of a written answer (one per line), or dotted lines to write by hand. */
function written(text, handLines) {
  const lines = (text ?? "").split(/\n+/).map((line) => line.trim()).filter(Boolean);
  if (lines.length) return lines.map((line) => el("p", { class: "answer", text: line }));
  return Array.from({ length: handLines }, () => el("p", { class: "hand", "aria-hidden": "true", text: "" }));
}

/** The date line: "<place>, ngày dd tháng mm năm yyyy", dotted where unknown. */
function dateLine(place, iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? "");
  const [day, month, year] = match ? [match[3], match[2], match[1]] : ["……", "……", "20……"];
  return `${place || "……………"}, ngày ${day} tháng ${month} năm ${year}`;
}

/**
 * Fills `container` with the official form. `data`: `form` (an entry of FORMS), `record`
 * (the contract record as built from the answers), `decision` (the WASM package's, or
 * null while incomplete), `extra` (the header and written answers, a Map), `conduct`
 * ({ documents, items } with Vietnamese titles), `fields` (form schema fields by path).
 */
export function renderOfficialForm(container, data) {
  const { form, record, decision, extra } = data;
  const get = (key) => (extra.get(key) ?? "").trim();
  const year = record.period?.year ?? "";
  const upper = (text) => text.toLocaleUpperCase("vi");

  // "ĐẢNG BỘ X", "CHI BỘ Y": the word is not doubled when the name was typed with it.
  const named = (word, key) => {
    const name = upper(get(key));
    return !name ? `${word} ${DOTS}` : name.startsWith(word) ? name : `${word} ${name}`;
  };
  const left = form.individual
    ? [named("ĐẢNG BỘ", "dang_bo"), named("CHI BỘ", "chi_bo")]
    : [named("ĐẢNG BỘ", "dang_bo"), upper(get("collective_name")) || DOTS];
  const header = el("div", { class: "party-header" },
    el("div", { class: "issuer" }, ...left.map((line) => el("p", { text: line })), el("p", { class: "star", text: "*" })),
    el("div", { class: "party" },
      el("p", { class: "code", text: form.code }),
      el("p", { class: "party-name", text: "ĐẢNG CỘNG SẢN VIỆT NAM" }),
      el("p", { class: "date-line", text: dateLine(get("place"), get("signed_on")) })));

  const title = el("div", { class: "form-title" },
    el("h1", { text: form.title }),
    el("p", { class: "year", text: `Năm ${year}` }),
    form.subtitle ? el("p", { class: "subtitle", text: form.subtitle }) : null);

  const identity = el("div", { class: "identity" });
  for (const field of form.header) {
    if (field.key === "signer_title" || field.key === "signer_name") continue;
    const value = field.type === "date" ? dateVi(get(field.key)) : get(field.key);
    identity.append(el("p", {}, `${field.printed ?? field.label.vi}: `, value ? el("strong", { text: value }) : DOTS));
  }

  const partA = el("section", { class: "part" }, el("h2", { text: "A. KIỂM ĐIỂM, TỰ ĐÁNH GIÁ" }));
  for (const part of form.parts) {
    partA.append(el(part.sub ? "h4" : "h3", { text: part.heading.vi }));
    if (part.auto) for (const sentence of autoText(part.auto, data)) partA.append(el("p", { class: "auto", text: sentence }));
    if (part.write) partA.append(...written(extra.get(`written.${part.id}`), part.auto ? 2 : 3));
  }

  const score = record.score ?? {};
  const points = el("table", { class: "points" },
    el("thead", {}, el("tr", {}, el("th", { text: "Nhóm tiêu chí" }), el("th", { text: "Điểm tối đa" }), el("th", { text: "Điểm tự chấm" }))),
    el("tbody", {},
      el("tr", {}, el("td", { text: "1. Nhóm tiêu chí chung" }), el("td", { text: "30" }), el("td", { class: "self", text: number(score.general) })),
      el("tr", {}, el("td", { text: "2. Nhóm tiêu chí về kết quả thực hiện nhiệm vụ" }), el("td", { text: "70" }), el("td", { class: "self", text: number(score.task_results) })),
      el("tr", { class: "total" }, el("td", { text: "Tổng cộng" }), el("td", { text: "100" }), el("td", { class: "self", text: decision ? number(decision.score) : "" }))));
  // The level proposed: the person's own choice if they made one, else the one worked out.
  const proposed = get("self_level") || decision?.level;
  const levels = el("ul", { class: "levels" }, ...Object.entries(LEVELS).map(([level, label]) =>
    el("li", { "data-level": level, class: proposed === level ? "chosen" : null },
      el("span", { class: "box", "aria-hidden": "true", text: proposed === level ? "☒" : "☐" }), " ", label.vi)));
  const partB = el("section", { class: "part part-b" },
    el("h2", { text: "B. TỰ ĐÁNH GIÁ, XẾP LOẠI" }),
    el("h3", { text: `I. Tự chấm điểm theo các tiêu chí đã được cụ thể hoá (${form.appendix} của Quy định 366-QĐ/TW)` }),
    points,
    el("h3", { text: "II. Đề xuất xếp loại mức chất lượng" }),
    levels,
    !proposed && decision ? el("p", { class: "auto", text: "Chưa đề xuất được mức: cấp có thẩm quyền xem xét, quyết định." }) : null);

  const signer = form.individual
    ? [el("p", { class: "role", text: "NGƯỜI TỰ KIỂM ĐIỂM" }), el("p", { class: "hint", text: "(Ký, ghi rõ họ tên)" }),
      el("p", { class: "name", text: get("full_name") })]
    : [el("p", { class: "role", text: `T/M ${upper(get("collective_name")) || "TẬP THỂ"}` }),
      el("p", { class: "role", text: upper(get("signer_title")) }), el("p", { class: "hint", text: "(Ký, ghi rõ họ tên)" }),
      el("p", { class: "name", text: get("signer_name") })];
  const signature = el("div", { class: "signature" }, el("div", {}), el("div", { class: "signer" }, ...signer));

  container.replaceChildren(el("article", { class: "paper", "data-form": form.id, lang: "vi" },
    header, title, identity, partA, partB, signature));
}

/** A decimal of the record or of a decision, Vietnamese style; an exact fraction ("17/20") as it is. */
const decimalVi = (value) => (value === undefined || value === null ? "" : String(value).replace(".", ","));

/** "Có" for true, "" for anything else: a product's yes/no column. */
const yes = (value) => (value === true ? "Có" : value === false ? "Không" : "");

/**
 * Fills `container` with the state-side self-assessment sheet of one month or quarter
 * (ND 335/2025, ND 233/2026): the national header, the title with the period, the person,
 * the product table, the points (general criteria, the components a, b, c and for leaders
 * d, đ, e as the core worked them out, the period score), the proposed level, place, date
 * and the signature lines of the person and of the head who evaluates. `data` as for
 * `renderOfficialForm` (no conduct checklist), with the form `schema` (its form code).
 */
export function renderStateSheet(container, data) {
  const { form, schema, record, decision, extra } = data;
  const get = (key) => (extra.get(key) ?? "").trim();
  const period = record.periods?.[0] ?? {};
  const year = record.period?.year ?? "";
  const which = period.month !== undefined ? `THÁNG ${period.month}` : period.quarter !== undefined ? `QUÝ ${period.quarter}` : `THÁNG (QUÝ) ${DOTS}`;
  const computed = decision?.state?.periods?.[0] ?? {};

  const header = el("div", { class: "party-header" },
    el("div", { class: "issuer" },
      el("p", { text: (get("agency") || DOTS).toLocaleUpperCase("vi") }),
      el("p", { text: (get("work_unit") || DOTS).toLocaleUpperCase("vi") })),
    el("div", { class: "party" },
      el("p", { class: "code", text: `Mẫu ${schema.form}` }),
      el("p", { class: "party-name", text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" }),
      el("p", { class: "motto", text: "Độc lập - Tự do - Hạnh phúc" }),
      el("p", { class: "date-line", text: dateLine(get("place"), get("signed_on")) })));
  const title = el("div", { class: "form-title" },
    el("h1", { text: form.title }),
    el("p", { class: "year", text: `${which} NĂM ${year}` }),
    el("p", { class: "subtitle", text: form.subtitle }));

  const identity = el("div", { class: "identity" });
  for (const field of form.header) {
    const value = get(field.key);
    identity.append(el("p", {}, `${field.printed ?? field.label.vi}: `, value ? el("strong", { text: value }) : DOTS));
  }

  const products = Array.isArray(period.products) ? period.products : [];
  const productTable = el("table", { class: "points products" },
    el("thead", {}, el("tr", {}, ...["STT", "Sản phẩm, công việc", "Trọng số", "Hoàn thành", "Lần không đạt chất lượng", "Lần chậm tiến độ", "Ngoài nhiệm vụ giao"]
      .map((text) => el("th", { text })))),
    el("tbody", {}, ...products.map((p, i) => el("tr", {},
      el("td", { text: String(i + 1) }), el("td", { class: "label", text: p.label ?? "" }), el("td", { text: decimalVi(p.weight) }),
      el("td", { text: yes(p.done) }), el("td", { text: decimalVi(p.quality_failures ?? (p.done === undefined ? "" : 0)) }),
      el("td", { text: decimalVi(p.delays ?? (p.done === undefined ? "" : 0)) }), el("td", { text: p.extra ? "Có" : "" })))));

  const items = period.general_items ?? {};
  const row = (label, max, value, cls) => el("tr", { class: cls ?? null }, el("td", { text: label }), el("td", { text: max }), el("td", { class: "self", text: value }));
  const components = [["a", "a) Số lượng sản phẩm hoàn thành"], ["b", "b) Chất lượng sản phẩm"], ["c", "c) Tiến độ sản phẩm"],
    ["d", "d) Công chức thuộc quyền quản lý đạt từ 50 điểm"], ["dd", "đ) Đơn vị không có nhiệm vụ chậm tiến độ kéo dài"], ["e", "e) Đơn vị không có đơn thư về mất đoàn kết"]]
    .filter(([key]) => computed[key] !== undefined);
  const points = el("table", { class: "points" },
    el("thead", {}, el("tr", {}, el("th", { text: "Tiêu chí" }), el("th", { text: "Điểm tối đa" }), el("th", { text: "Điểm tự chấm" }))),
    el("tbody", {},
      row("1. Tiêu chí chung", "30", decimalVi(computed.general ?? period.general), "total"),
      row("a) Chính trị, tư tưởng, đạo đức, lối sống, ý thức kỷ luật", "10", decimalVi(items.politics_ethics)),
      row("b) Năng lực, kỹ năng, tinh thần trách nhiệm, thái độ phục vụ", "10", decimalVi(items.capacity)),
      row("c) Đổi mới, sáng tạo, dám nghĩ, dám làm", "10", decimalVi(items.innovation)),
      row("2. Kết quả thực hiện nhiệm vụ", "70", decimalVi(computed.task_results), "total"),
      ...components.map(([key, label]) => row(label, "1", decimalVi(computed[key]))),
      row("Tổng điểm của kỳ", "100", decimalVi(computed.score_2dp), "total")));

  const proposed = get("self_level") || decision?.level;
  const levels = el("ul", { class: "levels" }, ...Object.entries(LEVELS).map(([level, label]) =>
    el("li", { "data-level": level, class: proposed === level ? "chosen" : null },
      el("span", { class: "box", "aria-hidden": "true", text: proposed === level ? "☒" : "☐" }), " ", label.vi)));

  const parts = el("section", { class: "part" }, el("h2", { text: "III. TỰ NHẬN XÉT" }));
  for (const part of form.parts) parts.append(el("h3", { text: part.heading.vi }), ...written(extra.get(`written.${part.id}`), 2));

  const signer = (role, name) => el("div", { class: "signer" }, el("p", { class: "role", text: role }),
    el("p", { class: "hint", text: "(Ký, ghi rõ họ tên)" }), el("p", { class: "name", text: name }));
  container.replaceChildren(el("article", { class: "paper state-sheet", "data-form": form.id, lang: "vi" },
    header, title, identity,
    el("section", { class: "part" }, el("h2", { text: "I. SẢN PHẨM, CÔNG VIỆC TRONG KỲ" }), productTable),
    el("section", { class: "part part-b" }, el("h2", { text: "II. ĐIỂM TỰ ĐÁNH GIÁ" }), points,
      el("h3", { text: "Đề xuất xếp loại" }), levels,
      decision?.regime ? el("p", { class: "auto", text: `Theo ${regimeDocument(decision.regime)}.` }) : null),
    parts,
    el("div", { class: "signature" }, signer("THỦ TRƯỞNG ĐƠN VỊ", ""), signer("NGƯỜI TỰ ĐÁNH GIÁ", get("full_name")))));
}

/** The decree a state regime applies, for the sheet's footnote. */
const regimeDocument = (regime) => ({ nd335: "Nghị định số 335/2025/NĐ-CP", nd233: "Nghị định số 233/2026/NĐ-CP", nd90: "Nghị định số 90/2020/NĐ-CP" })[regime] ?? regime;
