// The self-assessment form: rendered from the WASM package's form schema, evaluated as
// the person types. All rules live in the core (through the WASM binding); this file
// only builds the assessment from the fields and shows what the binding returns.
import init, {
  evaluate,
  evaluatePartial,
  formSchema,
  whatWouldChange,
} from "./pkg/cadre_eval_wasm.js";

/** Interface strings; the form's own labels come from the schema. */
const UI = {
  title: { vi: "Tự kiểm điểm, đánh giá, xếp loại chất lượng", en: "Self-review and quality classification" },
  kind: { vi: "Đối tượng", en: "Subject" },
  member: { vi: "Đảng viên", en: "Party member" },
  leader: { vi: "Cán bộ lãnh đạo, quản lý", en: "Leader or manager" },
  collective: { vi: "Tập thể", en: "Collective" },
  identity: { vi: "Kỳ đánh giá", en: "Assessment period" },
  id: { vi: "Mã hồ sơ", en: "Record id" },
  year: { vi: "Năm đánh giá", en: "Year assessed" },
  result: { vi: "Kết quả đề xuất", en: "Proposed result" },
  provisional: { vi: "Chưa đủ thông tin — mức có thể đạt", en: "Not complete yet — levels still possible" },
  lowest: { vi: "thấp nhất", en: "lowest" },
  highest: { vi: "cao nhất", en: "highest" },
  band: { vi: "Khung điểm", en: "Score band" },
  score: { vi: "Tổng điểm", en: "Total score" },
  reasons: { vi: "Căn cứ", en: "Reasons" },
  change: { vi: "Điều gì sẽ thay đổi kết quả", en: "What would change the result" },
  unreachable: { vi: "không thể đạt trong kỳ này", en: "out of reach this period" },
  unanswered: { vi: "Câu hỏi chưa trả lời còn ảnh hưởng kết quả", en: "Unanswered questions that still matter" },
  checklist: { vi: "Danh mục chuẩn mực, điều không được làm", en: "Conduct checklist" },
  noChecklist: { vi: "Không có danh mục chuẩn mực cho tập thể.", en: "No conduct checklist for a collective." },
  notAnswered: { vi: "chưa trả lời", en: "not answered" },
  errors: { vi: "Cần sửa", en: "To fix" },
  exportButton: { vi: "Xuất JSON", en: "Export JSON" },
  exportLabel: { vi: "JSON theo hợp đồng dữ liệu", en: "Contract JSON" },
  print: { vi: "In bản tóm tắt", en: "Print summary" },
  add: { vi: "Thêm", en: "Add" },
  remove: { vi: "Xoá", en: "Remove" },
  yes: { vi: "Có", en: "Yes" },
  no: { vi: "Không", en: "No" },
  blank: { vi: "— chưa chọn —", en: "— not answered —" },
  needsDecision: { vi: "Cấp có thẩm quyền quyết định", en: "The competent level decides" },
  summary: { vi: "Bản tự kiểm điểm — tóm tắt", en: "Self-review — summary" },
  answers: { vi: "Nội dung đã khai", en: "Answers given" },
  language: { vi: "Ngôn ngữ / Language", en: "Language / Ngôn ngữ" },
};

const BANDS = {
  excellent: { vi: "từ 90 điểm", en: "90 or more" },
  good: { vi: "từ 70 đến dưới 90 điểm", en: "70 to under 90" },
  completed: { vi: "từ 50 đến dưới 70 điểm", en: "50 to under 70" },
  not_completed: { vi: "dưới 50 điểm", en: "under 50" },
};

const LEVELS = {
  excellent: { vi: "Hoàn thành xuất sắc nhiệm vụ", en: "Excellent" },
  good: { vi: "Hoàn thành tốt nhiệm vụ", en: "Good" },
  completed: { vi: "Hoàn thành nhiệm vụ", en: "Completed" },
  not_completed: { vi: "Không hoàn thành nhiệm vụ", en: "Not completed" },
};

const state = {
  lang: "vi",
  kind: "member",
  /** The answers by JSON Pointer, as typed (strings, or booleans from yes/no). */
  values: new Map([["/id", "tu-kiem-diem"], ["/period/year", "2025"]]),
  /** Rows of each list field, by the list's path. */
  listRows: new Map(),
  schema: null,
  /** Field metadata by JSON Pointer, for labels and types. */
  fields: new Map(),
  lastErrors: [],
};

/** Keystroke-to-result times in ms (event time to the end of the update), for measurement. */
window.__latencies = [];

const $ = (id) => document.getElementById(id);
const t = (text) => (text ? text[state.lang] ?? text.vi : "");
const ui = (key) => t(UI[key]);

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "text") node.textContent = value;
    else node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

/** A DOM id for a JSON Pointer. */
const idFor = (path) => "f" + path.replace(/[^A-Za-z0-9_-]/g, (c) => "_" + c.charCodeAt(0).toString(16));

function periodYear() {
  const year = Number(state.values.get("/period/year"));
  return Number.isInteger(year) && year >= 1930 && year <= 2200 ? year : 2025;
}

// ---------------------------------------------------------------- rendering the form

function loadSchema() {
  const result = formSchema({ kind: state.kind, on: `${periodYear()}-12-31` });
  if (!result.ok) {
    state.schema = null;
    $("form-errors").replaceChildren(...result.errors.map((e) => el("p", { class: "error", text: t(e.message) })));
    return;
  }
  state.schema = result.value;
}

function input(field, path, labelId) {
  const value = state.values.get(path);
  const common = { id: idFor(path), "data-path": path, name: path, "aria-labelledby": labelId };
  const describedBy = [`${idFor(path)}-help`, `${idFor(path)}-error`].join(" ");
  if (field.type === "boolean") {
    const select = el("select", { ...common, "aria-describedby": describedBy, "data-type": "boolean" },
      el("option", { value: "", text: ui("blank") }),
      el("option", { value: "true", text: ui("yes") }),
      el("option", { value: "false", text: ui("no") }));
    select.value = value === undefined ? "" : String(value);
    return select;
  }
  if (field.type === "choice") {
    const select = el("select", { ...common, "aria-describedby": describedBy, "data-type": "choice" },
      el("option", { value: "", text: ui("blank") }),
      ...(field.options ?? []).map((o) => el("option", { value: o.value, text: t(o.label) })));
    select.value = value ?? "";
    return select;
  }
  const numeric = field.type === "integer" || field.type === "decimal";
  const box = el("input", {
    ...common,
    "aria-describedby": describedBy,
    "data-type": field.type,
    type: field.type === "date" ? "date" : "text",
    inputmode: field.type === "integer" ? "numeric" : field.type === "decimal" ? "decimal" : undefined,
    autocomplete: "off",
    placeholder: numeric && field.max !== undefined ? `${field.min ?? 0}–${field.max}` : undefined,
    "aria-required": field.required ? "true" : undefined,
  });
  box.value = value ?? "";
  return box;
}

function citationsText(field) {
  return (field.citations ?? []).map((c) => c.text).filter((v, i, all) => all.indexOf(v) === i).join("; ");
}

function renderField(field, path, { compact = false } = {}) {
  state.fields.set(path, field);
  const labelId = `${idFor(path)}-label`;
  const wrapper = el("div", { class: compact ? "sub" : "field" });
  wrapper.append(
    el("label", { for: idFor(path), id: labelId, text: t(field.label) + (field.required ? " *" : "") }),
    input(field, path, labelId),
    el("p", { class: "help", id: `${idFor(path)}-help`, text: [t(field.help), citationsText(field)].filter(Boolean).join(" — ") }),
    el("p", { class: "error", id: `${idFor(path)}-error`, role: "status" }),
  );
  return wrapper;
}

function renderGroup(field) {
  state.fields.set(field.path, field);
  const box = el("fieldset", { class: "conduct-item", "data-path": field.path, id: idFor(field.path) },
    el("legend", { text: t(field.label) }),
    el("p", { class: "help", text: [t(field.help), field.conduct_item ? t(field.conduct_item.citation) : ""].filter(Boolean).join(" — ") }));
  for (const item of field.item_fields ?? []) box.append(renderField(item, field.path + item.path, { compact: true }));
  box.append(el("p", { class: "error", id: `${idFor(field.path)}-error`, role: "status" }));
  return box;
}

function renderList(field) {
  state.fields.set(field.path, field);
  const rows = state.listRows.get(field.path) ?? 0;
  const box = el("fieldset", { "data-path": field.path, id: idFor(field.path) }, el("legend", { text: t(field.label) }),
    el("p", { class: "help", text: [t(field.help), citationsText(field)].filter(Boolean).join(" — ") }));
  for (let row = 0; row < rows; row++) {
    const rowBox = el("fieldset", {}, el("legend", { text: `${t(field.label)} ${row + 1}` }));
    for (const item of field.item_fields ?? []) rowBox.append(renderField(item, `${field.path}/${row}${item.path}`, { compact: true }));
    const remove = el("button", { type: "button", text: `${ui("remove")} ${row + 1}` });
    remove.addEventListener("click", () => removeRow(field.path, row, field));
    rowBox.append(remove);
    box.append(rowBox);
  }
  const add = el("button", { type: "button", id: `${idFor(field.path)}-add`, text: `${ui("add")}: ${t(field.label)}` });
  add.addEventListener("click", () => {
    state.listRows.set(field.path, rows + 1);
    renderForm();
    update();
    document.getElementById(idFor(`${field.path}/${rows}${field.item_fields[0].path}`))?.focus();
  });
  box.append(add, el("p", { class: "error", id: `${idFor(field.path)}-error`, role: "status" }));
  return box;
}

function removeRow(listPath, row, field) {
  const rows = state.listRows.get(listPath) ?? 0;
  for (let r = row; r < rows; r++) {
    for (const item of field.item_fields) {
      const next = state.values.get(`${listPath}/${r + 1}${item.path}`);
      if (next === undefined) state.values.delete(`${listPath}/${r}${item.path}`);
      else state.values.set(`${listPath}/${r}${item.path}`, next);
    }
  }
  state.listRows.set(listPath, rows - 1);
  renderForm();
  update();
}

function renderForm() {
  document.documentElement.lang = state.lang;
  $("title").textContent = ui("title");
  document.title = `${ui("title")} — cadre-eval`;
  $("kind-label").textContent = ui("kind");
  for (const option of $("kind").options) option.textContent = ui(option.value);
  $("result-heading").textContent = ui("result");
  $("export-button").textContent = ui("exportButton");
  $("export-label").textContent = ui("exportLabel");
  $("print-button").textContent = ui("print");
  state.fields.clear();
  const container = $("sections");
  container.replaceChildren();
  const schema = state.schema;
  if (!schema) return;
  $("form-title").textContent = `${t(schema.title)} (${schema.appendix})`;
  const identity = el("fieldset", {}, el("legend", { text: ui("identity") }));
  identity.append(renderField({ type: "text", label: UI.id, required: true }, "/id"));
  identity.append(renderField({ type: "integer", label: UI.year, required: true, min: 1930, max: 2200 }, "/period/year"));
  container.append(identity);
  for (const section of schema.sections) {
    const box = el("fieldset", { id: `section-${section.id}` }, el("legend", { text: t(section.title) }));
    if (t(section.help)) box.append(el("p", { class: "section-help", text: t(section.help) }));
    for (const field of section.fields) {
      if (field.type === "group") box.append(renderGroup(field));
      else if (field.type === "list") box.append(renderList(field));
      else box.append(renderField(field, field.path));
    }
    container.append(box);
  }
}

// ---------------------------------------------------------------- the assessment

/** Sets `value` at a JSON Pointer inside `target`, making objects and arrays on the way. */
function setAt(target, pointer, value) {
  const keys = pointer.split("/").slice(1).map((k) => k.replace(/~1/g, "/").replace(/~0/g, "~"));
  let node = target;
  keys.forEach((key, i) => {
    const last = i === keys.length - 1;
    const slot = Array.isArray(node) ? Number(key) : key;
    if (last) node[slot] = value;
    else {
      if (node[slot] === undefined) node[slot] = /^\d+$/.test(keys[i + 1]) ? [] : {};
      node = node[slot];
    }
  });
}

/** The typed value of a field's text: a number when it reads as one, else the text
 * itself, so the contract reports the wrong type at the field's path. */
function typed(field, raw) {
  if (raw === "" || raw === undefined) return undefined;
  if (field?.type === "boolean") return raw === "true" ? true : raw === "false" ? false : raw;
  if (field?.type === "integer" || field?.type === "decimal") {
    const text = String(raw).trim().replace(",", ".");
    return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : raw;
  }
  return raw;
}

/** The assessment as contract JSON (a plain object), from the schema's fixed part and the answers. */
function assessment() {
  const record = structuredClone(state.schema?.fixed ?? {});
  for (const [path, raw] of state.values) {
    const field = state.fields.get(path);
    if (!field) continue;
    const value = typed(field, raw);
    if (value !== undefined) setAt(record, path, value);
  }
  // A list row the person added but left empty is still a row (and its errors show).
  for (const [listPath, rows] of state.listRows) {
    if (!state.fields.has(listPath)) continue;
    for (let row = 0; row < rows; row++) {
      const rowPath = `${listPath}/${row}`;
      let node = record;
      for (const key of rowPath.split("/").slice(1)) node = node?.[key];
      if (node === undefined) setAt(record, rowPath, {});
    }
  }
  return record;
}

// ---------------------------------------------------------------- results

function labelOf(path) {
  let probe = path;
  while (probe) {
    const field = state.fields.get(probe);
    if (field) return t(field.label);
    probe = probe.slice(0, probe.lastIndexOf("/"));
  }
  return path;
}

function showErrors(errors) {
  for (const node of document.querySelectorAll("p.error")) node.textContent = "";
  for (const node of document.querySelectorAll("[aria-invalid]")) node.removeAttribute("aria-invalid");
  const general = [];
  for (const error of errors) {
    // The field the error names, or the nearest enclosing one (a group, a list row, a list).
    let probe = error.path;
    let target = null;
    while (probe && !(target = document.getElementById(`${idFor(probe)}-error`))) {
      probe = probe.slice(0, probe.lastIndexOf("/"));
    }
    if (target) {
      target.textContent = [target.textContent, t(error.message)].filter(Boolean).join(" ");
      document.getElementById(idFor(probe))?.setAttribute("aria-invalid", "true");
    } else general.push(error);
  }
  $("form-errors").replaceChildren(...general.map((e) =>
    el("p", { class: "error", "data-error-path": e.path, text: `${e.path || "/"}: ${t(e.message)}` })));
}

function citationOf(reason) {
  const c = reason.citation;
  if (!c) return "";
  const article = state.lang === "vi" ? "Điều" : "Art.";
  const clause = state.lang === "vi" ? "khoản" : "cl.";
  return [c.document, c.article && `${article} ${c.article}`, c.clause && `${clause} ${c.clause}`].filter(Boolean).join(", ");
}

function reasonsList(reasons) {
  return el("ol", { class: "reasons", id: "reasons" }, ...reasons.map((r) =>
    el("li", { "data-rule": r.rule, class: `effect-${r.effect}` },
      el("span", { class: "rule", text: r.rule }), " ",
      el("span", { class: "cite", text: `(${citationOf(r)})` }), " — ",
      el("span", { text: t(r.message) }))));
}

function checklist() {
  const items = [...state.fields.values()].filter((f) => f.conduct_item);
  if (items.length === 0) return el("p", { text: ui("noChecklist") });
  const answerLabel = (field, value) => t(field.item_fields[0].options?.find((o) => o.value === value)?.label) || ui("notAnswered");
  return el("ul", { class: "checklist", id: "checklist" }, ...items.map((field) => {
    const answer = state.values.get(`${field.path}/answer`);
    return el("li", { class: answer ?? "unanswered", "data-item": field.conduct_item.id },
      `${t(field.label)} (${t(field.conduct_item.citation)}): ${answerLabel(field, answer)}`);
  }));
}

function renderResult(partial, decision, changes) {
  const body = [];
  if (decision) {
    const level = decision.level ?? "";
    body.push(el("p", { class: `level ${level}`, id: "level", "data-level": level, text: decision.level ? t(decision.label) : ui("needsDecision") }));
    body.push(el("p", { id: "band", "data-band": decision.band,
      text: `${ui("score")}: ${decision.score} — ${ui("band")}: ${t(LEVELS[decision.band])} (${t(BANDS[decision.band])})` }));
    body.push(el("h3", { text: ui("reasons") }), reasonsList(decision.reasons));
    if (changes?.length) {
      body.push(el("h3", { text: ui("change") }), el("ul", { id: "changes" }, ...changes.map((path) =>
        el("li", { "data-level": path.level },
          el("strong", { text: t(LEVELS[path.level]) + ": " }),
          path.reachable
            ? (path.changes ?? []).map((c) => `${t(c.message)} [${labelOf(c.path)}]`).join("; ")
            : `${ui("unreachable")}${(path.blockers ?? []).length ? " — " + path.blockers.map((b) => t(b.message) || b.rule).join("; ") : ""}`))));
    }
  } else if (partial) {
    body.push(el("p", { class: "level provisional", id: "level", "data-level": "", "data-lowest": partial.lowest ?? "", "data-highest": partial.highest ?? "",
      text: `${ui("provisional")}: ${ui("lowest")} ${t(LEVELS[partial.lowest]) || "—"}, ${ui("highest")} ${t(LEVELS[partial.highest]) || "—"}` }));
    const matter = (partial.unanswered ?? []).filter((u) => u.can_change);
    if (matter.length) {
      body.push(el("h3", { text: ui("unanswered") }), el("ul", { id: "unanswered" }, ...matter.map((u) => {
        const link = el("a", { href: `#${idFor(u.path)}`, "data-path": u.path, text: labelOf(u.path) });
        return el("li", {}, link);
      })));
    }
  } else {
    body.push(el("p", { class: "level", id: "level", "data-level": "", text: ui("errors") + ": " + state.lastErrors.length }));
  }
  body.push(el("h3", { text: ui("checklist") }), checklist());
  $("result-body").replaceChildren(...body);
}

function renderSummary(decision) {
  const record = assessment();
  const rows = [...state.values].filter(([path, raw]) => state.fields.has(path) && raw !== "" && raw !== undefined)
    .map(([path, raw]) => el("tr", {}, el("td", { text: labelOf(path) }), el("td", { text: String(raw) })));
  $("summary").replaceChildren(
    el("h2", { id: "summary-heading", text: ui("summary") }),
    el("p", { text: `${t(state.schema?.title)} — ${record.id ?? ""} — ${periodYear()}` }),
    el("p", { text: decision ? `${ui("result")}: ${decision.level ? t(decision.label) : ui("needsDecision")} (${ui("score")} ${decision.score})` : ui("provisional") }),
    decision ? reasonsList(decision.reasons) : "",
    el("h3", { text: ui("answers") }),
    el("table", {}, el("tbody", {}, ...rows)));
  $("summary").querySelector("#reasons")?.removeAttribute("id");
}

let lastDecision = null;

/** Evaluates the answers and shows the result: partial while incomplete, full once complete. */
function update() {
  if (!state.schema) return;
  const record = assessment();
  const text = JSON.stringify(record);
  let partial = null;
  let decision = null;
  let changes = null;
  let errors = [];
  const partialResult = evaluatePartial(text);
  if (!partialResult.ok) errors = partialResult.errors;
  // Full evaluation once complete, or once no unanswered question can change the
  // level (a self-reported breach settles it before the checklist is finished).
  else if (partialResult.value.complete || partialResult.value.unanswered.every((u) => !u.can_change)) {
    const full = evaluate(text);
    if (full.ok) {
      decision = full.value;
      const change = whatWouldChange(text);
      if (change.ok) changes = change.value.what_would_change;
    } else errors = full.errors;
  } else partial = partialResult.value;
  state.lastErrors = errors;
  lastDecision = decision;
  showErrors(errors);
  renderResult(partial, decision, changes);
  document.body.dataset.state = decision ? "complete" : partial ? "partial" : "invalid";
}

function exportJson() {
  const text = JSON.stringify(assessment(), null, 2);
  $("export").value = text;
  const link = $("download");
  if (link.href.startsWith("blob:")) URL.revokeObjectURL(link.href);
  link.href = URL.createObjectURL(new Blob([text + "\n"], { type: "application/json" }));
  link.download = `${assessment().id || "assessment"}.json`;
  link.textContent = link.download;
  link.hidden = false;
}

// ---------------------------------------------------------------- events

function onInput(event) {
  const target = event.target;
  const path = target.dataset?.path;
  if (!path || !("value" in target)) return;
  if (target.value === "") state.values.delete(path);
  else state.values.set(path, target.value);
  if (path === "/period/year" && /^\d{4}$/.test(target.value)) {
    loadSchema();
    renderForm();
    document.getElementById(idFor(path))?.focus();
  }
  update();
  window.__latencies.push(performance.now() - event.timeStamp);
}

async function main() {
  await init({ module_or_path: new URL("./pkg/cadre_eval_wasm_bg.wasm", import.meta.url) });
  const params = new URLSearchParams(location.search);
  if (["member", "leader", "collective"].includes(params.get("kind"))) state.kind = params.get("kind");
  if (params.get("lang") === "en") state.lang = "en";
  $("kind").value = state.kind;
  $("lang").value = state.lang;
  $("form").addEventListener("input", onInput);
  $("form").addEventListener("submit", (event) => event.preventDefault());
  $("kind").addEventListener("change", () => {
    state.kind = $("kind").value;
    // Answers of another kind's form do not carry over, except the record's id and year.
    for (const path of [...state.values.keys()]) if (path !== "/id" && path !== "/period/year") state.values.delete(path);
    state.listRows.clear();
    loadSchema();
    renderForm();
    update();
  });
  $("lang").addEventListener("change", () => {
    state.lang = $("lang").value;
    renderForm();
    update();
  });
  $("export-button").addEventListener("click", exportJson);
  $("print-button").addEventListener("click", () => { renderSummary(lastDecision); window.print(); });
  window.addEventListener("beforeprint", () => renderSummary(lastDecision));
  loadSchema();
  renderForm();
  update();
  document.body.dataset.ready = "true";
}

main().catch((error) => {
  $("form-errors").replaceChildren(el("p", { class: "error", text: String(error) }));
});
