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
