// The self-assessment form: rendered from the WASM package's form schema, evaluated as
// the person types. All rules live in the core (through the WASM binding); this file
// only builds the assessment from the fields and shows what the binding returns.
import init, {
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

/** Counts the renderings of the form: field nodes (and error slots) of an earlier one are gone. */
let formVersion = 0;

function renderForm() {
  formVersion += 1;
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

/** The unescaped keys of each JSON Pointer seen: the same few dozen are set on every keystroke. */
const pointerKeys = new Map();

function keysOf(pointer) {
  let keys = pointerKeys.get(pointer);
  if (!keys) {
    keys = pointer.split("/").slice(1).map((k) => k.replace(/~1/g, "/").replace(/~0/g, "~"));
    pointerKeys.set(pointer, keys);
  }
  return keys;
}

/** Sets `value` at a JSON Pointer inside `target`, making objects and arrays on the way. */
function setAt(target, pointer, value) {
  const keys = keysOf(pointer);
  if (keys.length === 0) return;
  let node = target;
  for (let i = 0; i < keys.length - 1; i++) {
    const slot = Array.isArray(node) ? Number(keys[i]) : keys[i];
    if (node[slot] === undefined) node[slot] = /^\d+$/.test(keys[i + 1]) ? [] : {};
    node = node[slot];
  }
  const last = keys[keys.length - 1];
  node[Array.isArray(node) ? Number(last) : last] = value;
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

/** The error texts and invalid marks on the page, so that a keystroke that leaves the
 * errors as they were touches no node, and one that changes them touches only theirs. */
const shownErrors = { key: null, texts: [], invalid: [] };

function showErrors(errors) {
  // The form's nodes are new after renderForm, so its version is part of what is shown.
  const key = JSON.stringify([formVersion, state.lang, errors]);
  if (key === shownErrors.key) return;
  shownErrors.key = key;
  for (const node of shownErrors.texts) node.textContent = "";
  for (const node of shownErrors.invalid) node.removeAttribute("aria-invalid");
  const texts = new Set();
  const invalid = new Set();
  const general = [];
  for (const error of errors) {
    // The field the error names, or the nearest enclosing one (a group, a list row, a list).
    let probe = error.path;
    let target = null;
    while (probe && !(target = document.getElementById(`${idFor(probe)}-error`))) {
      probe = probe.slice(0, probe.lastIndexOf("/"));
    }
    if (target) {
      // A node shown before is cleared above; one named twice now collects both messages.
      target.textContent = [texts.has(target) ? target.textContent : "", t(error.message)].filter(Boolean).join(" ");
      texts.add(target);
      const field = document.getElementById(idFor(probe));
      if (field) {
        field.setAttribute("aria-invalid", "true");
        invalid.add(field);
      }
    } else general.push(error);
  }
  shownErrors.texts = [...texts];
  shownErrors.invalid = [...invalid];
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

/** A reason as shown, in the current language. */
const reasonView = (r) => ({ rule: r.rule, effect: r.effect, cite: citationOf(r), text: t(r.message) });

function reasonsList(reasons) {
  return el("ol", { class: "reasons", id: "reasons" }, ...reasons.map((r) =>
    el("li", { "data-rule": r.rule, class: `effect-${r.effect}` },
      el("span", { class: "rule", text: r.rule }), " ",
      el("span", { class: "cite", text: `(${r.cite})` }), " — ",
      el("span", { text: r.text }))));
}

/** What the result panel shows above the checklist, as plain data in the current
 * language: two equal views render the same nodes, so an unchanged view is not redrawn. */
function resultView(partial, decision, changes) {
  if (decision) {
    return {
      state: "complete",
      level: decision.level ?? "",
      levelText: decision.level ? t(decision.label) : ui("needsDecision"),
      band: decision.band,
      bandText: `${ui("score")}: ${decision.score} — ${ui("band")}: ${t(LEVELS[decision.band])} (${t(BANDS[decision.band])})`,
      reasons: decision.reasons.map(reasonView),
      changes: (changes ?? []).map((path) => ({
        level: path.level,
        heading: t(LEVELS[path.level]) + ": ",
        text: path.reachable
          ? (path.changes ?? []).map((c) => `${t(c.message)} [${labelOf(c.path)}]`).join("; ")
          : `${ui("unreachable")}${(path.blockers ?? []).length ? " — " + path.blockers.map((b) => t(b.message) || b.rule).join("; ") : ""}`,
      })),
    };
  }
  if (partial) {
    return {
      state: "partial",
      lowest: partial.lowest ?? "",
      highest: partial.highest ?? "",
      levelText: `${ui("provisional")}: ${ui("lowest")} ${t(LEVELS[partial.lowest]) || "—"}, ${ui("highest")} ${t(LEVELS[partial.highest]) || "—"}`,
      unanswered: (partial.unanswered ?? []).filter((u) => u.can_change).map((u) => ({ path: u.path, label: labelOf(u.path) })),
    };
  }
  return { state: "invalid", levelText: ui("errors") + ": " + state.lastErrors.length };
}

function resultNodes(view) {
  if (view.state === "complete") {
    const body = [
      el("p", { class: `level ${view.level}`, id: "level", "data-level": view.level, text: view.levelText }),
      el("p", { id: "band", "data-band": view.band, text: view.bandText }),
      el("h3", { text: ui("reasons") }), reasonsList(view.reasons),
    ];
    if (view.changes.length) {
      body.push(el("h3", { text: ui("change") }), el("ul", { id: "changes" }, ...view.changes.map((path) =>
        el("li", { "data-level": path.level }, el("strong", { text: path.heading }), path.text))));
    }
    return body;
  }
  if (view.state === "partial") {
    const body = [el("p", { class: "level provisional", id: "level", "data-level": "", "data-lowest": view.lowest,
      "data-highest": view.highest, text: view.levelText })];
    if (view.unanswered.length) {
      body.push(el("h3", { text: ui("unanswered") }), el("ul", { id: "unanswered" }, ...view.unanswered.map((u) =>
        el("li", {}, el("a", { href: `#${idFor(u.path)}`, "data-path": u.path, text: u.label })))));
    }
    return body;
  }
  return [el("p", { class: "level", id: "level", "data-level": "", text: view.levelText })];
}

/** The checklist as shown: its form version, and per conduct item its node, the path of
 * its answer and the answer the node shows. */
const shownChecklist = { version: -1, rows: [] };
const NOT_SHOWN = Symbol("not shown");

/** Shows each conduct item's answer: the list is built once per rendered form, then a
 * keystroke rewrites only the items whose answer changed (none, while typing evidence). */
function updateChecklist() {
  if (shownChecklist.version !== formVersion) {
    shownChecklist.version = formVersion;
    const items = [...state.fields.values()].filter((f) => f.conduct_item);
    shownChecklist.rows = items.map((field) => ({
      field, answerPath: `${field.path}/answer`, shown: NOT_SHOWN, node: el("li", { "data-item": field.conduct_item.id }),
    }));
    $("result-checklist").replaceChildren(el("h3", { text: ui("checklist") }), items.length
      ? el("ul", { class: "checklist", id: "checklist" }, ...shownChecklist.rows.map((row) => row.node))
      : el("p", { text: ui("noChecklist") }));
  }
  const answerLabel = (field, value) => t(field.item_fields[0].options?.find((o) => o.value === value)?.label) || ui("notAnswered");
  for (const row of shownChecklist.rows) {
    const answer = state.values.get(row.answerPath);
    if (answer === row.shown) continue;
    row.shown = answer;
    row.node.className = answer ?? "unanswered";
    row.node.textContent = `${t(row.field.label)} (${t(row.field.conduct_item.citation)}): ${answerLabel(row.field, answer)}`;
  }
}

let shownResultKey = null;

function renderResult(partial, decision, changes) {
  const view = resultView(partial, decision, changes);
  const key = JSON.stringify(view);
  if (key !== shownResultKey) {
    shownResultKey = key;
    $("result-main").replaceChildren(...resultNodes(view));
  }
  updateChecklist();
}

function renderSummary(decision) {
  const record = assessment();
  const rows = [...state.values].filter(([path, raw]) => state.fields.has(path) && raw !== "" && raw !== undefined)
    .map(([path, raw]) => el("tr", {}, el("td", { text: labelOf(path) }), el("td", { text: String(raw) })));
  $("summary").replaceChildren(
    el("h2", { id: "summary-heading", text: ui("summary") }),
    el("p", { text: `${t(state.schema?.title)} — ${record.id ?? ""} — ${periodYear()}` }),
    el("p", { text: decision ? `${ui("result")}: ${decision.level ? t(decision.label) : ui("needsDecision")} (${ui("score")} ${decision.score})` : ui("provisional") }),
    decision ? reasonsList(decision.reasons.map(reasonView)) : "",
    el("h3", { text: ui("answers") }),
    el("table", {}, el("tbody", {}, ...rows)));
  $("summary").querySelector("#reasons")?.removeAttribute("id");
}

let lastDecision = null;

/** The last evaluation and the JSON text it was of: the same text evaluates the same. */
let lastEvaluation = { text: null };

/** Evaluates an assessment's JSON text: partial while incomplete, full once complete. */
function evaluateText(text) {
  if (text === lastEvaluation.text) return lastEvaluation;
  let partial = null;
  let decision = null;
  let changes = null;
  let errors = [];
  const partialResult = evaluatePartial(text);
  if (!partialResult.ok) errors = partialResult.errors;
  // Full evaluation once complete, or once no unanswered question can change the
  // level (a self-reported breach settles it before the checklist is finished).
  // whatWouldChange evaluates the record itself and returns the decision with the paths
  // to the higher levels, so one call does what `evaluate` and it did before.
  else if (partialResult.value.complete || partialResult.value.unanswered.every((u) => !u.can_change)) {
    const change = whatWouldChange(text);
    if (change.ok) {
      decision = change.value.decision;
      changes = change.value.what_would_change;
    } else errors = change.errors;
  } else partial = partialResult.value;
  lastEvaluation = { text, partial, decision, changes, errors };
  return lastEvaluation;
}

/** Evaluates the answers and shows the result, redrawing only what changed. */
function update() {
  if (!state.schema) return;
  const { partial, decision, changes, errors } = evaluateText(JSON.stringify(assessment()));
  state.lastErrors = errors;
  lastDecision = decision;
  showErrors(errors);
  renderResult(partial, decision, changes);
  const shownState = decision ? "complete" : partial ? "partial" : "invalid";
  if (document.body.dataset.state !== shownState) document.body.dataset.state = shownState;
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
