// The self-assessment form: guided steps built from the WASM package's form schema,
// evaluated as the person types, kept as a draft in the browser, exported and imported
// as contract JSON, and printed as the official form. All rules live in the core
// (through the WASM binding); this file builds the assessment from the answers and shows
// what the binding returns.
import init, {
  conductCatalogue,
  evaluatePartial,
  formSchema,
  whatWouldChange,
} from "./pkg/cadre_eval_wasm.js";
import { $, el, idFor } from "./dom.js";
import { answersFromRecord, clearDraft, lastForm, loadDraft, saveDraft } from "./draft.js";
import { FORMS, formById, stepsOf } from "./forms.js";
import { BANDS, LEVELS, LEVELS_SHORT, UI, fill } from "./i18n.js";
import { renderOfficialForm } from "./official-form.js";

const state = {
  lang: "vi",
  form: FORMS[0],
  /** The record's answers by JSON Pointer, as typed (text, or "true"/"false"). */
  values: new Map([["/id", "tu-kiem-diem"], ["/period/year", "2025"]]),
  /** Rows of each list field, by the list's path. */
  listRows: new Map(),
  /** What the page asks beside the record: the form's header, its written parts, place and date. */
  extra: new Map(),
  schema: null,
  /** Field metadata by JSON Pointer, for labels and types. */
  fields: new Map(),
  /** The step each field is on, by JSON Pointer. */
  stepOfPath: new Map(),
  steps: [],
  step: 0,
  /** The conduct catalogue: each item's document, and the documents' titles. */
  catalogue: { documentOf: new Map(), documents: new Map() },
  lastErrors: [],
};

/** Keystroke-to-result times in ms (event time to the end of the update), for measurement. */
window.__latencies = [];

const t = (text) => (text ? text[state.lang] ?? text.vi : "");
const ui = (key, values) => (values ? fill(t(UI[key]), values) : t(UI[key]));

function periodYear() {
  const year = Number(state.values.get("/period/year"));
  return Number.isInteger(year) && year >= 1930 && year <= 2200 ? year : 2025;
}

// ---------------------------------------------------------------- the form schema

function loadSchema() {
  const result = formSchema({ ...state.form.request, on: `${periodYear()}-12-31` });
  if (!result.ok) {
    state.schema = null;
    $("form-errors").replaceChildren(...result.errors.map((e) => el("p", { class: "error", text: t(e.message) })));
    return;
  }
  state.schema = result.value;
}

/** Reads the conduct catalogue once: which document each checklist item belongs to. */
function loadCatalogue() {
  const result = conductCatalogue();
  if (!result.ok) return;
  for (const document of result.value.documents) state.catalogue.documents.set(document.document, document);
  for (const item of result.value.items) state.catalogue.documentOf.set(item.id, item.document);
}

// ---------------------------------------------------------------- rendering the fields

/** A field's citations, those of one article together: "366-QĐ/TW, Điều 11, khoản 1, 2, 3". */
function citationsText(field) {
  const byArticle = new Map();
  for (const text of new Set((field.citations ?? []).map((c) => c.text))) {
    const cut = text.lastIndexOf(", ");
    const [head, tail] = cut > 0 ? [text.slice(0, cut), text.slice(cut + 2)] : [text, ""];
    if (!byArticle.has(head)) byArticle.set(head, []);
    if (tail) byArticle.get(head).push(tail);
  }
  return [...byArticle].map(([head, tails]) => {
    // "khoản 1", "khoản 2" → "khoản 1, 2": the word is said once.
    const word = tails[0]?.split(" ")[0];
    const joined = tails.map((tail, i) => (i > 0 && tails.every((x) => x.startsWith(`${word} `)) ? tail.slice(word.length + 1) : tail));
    return [head, joined.join(", ")].filter(Boolean).join(", ");
  }).join("; ");
}

function helpText(field) {
  return [t(field.help), citationsText(field)].filter(Boolean).join(" — ");
}

/** Radio buttons for the options of a choice (`options`: value and label). */
function radios(path, options, labelPrefix) {
  const value = state.values.get(path);
  return options.map((option) => {
    const id = `${idFor(path)}-${option.value}`;
    const radio = el("input", { type: "radio", id, name: path, value: option.value, "data-path": path });
    radio.checked = value === option.value;
    return el("label", { class: "choice", for: id }, radio,
      el("span", { text: option.label }), labelPrefix ? el("span", { class: "visually-hidden", text: ` — ${labelPrefix}` }) : null);
  });
}

function control(field, path, labelId, describedBy) {
  const value = state.values.get(path);
  const common = { id: idFor(path), "data-path": path, name: path, "aria-labelledby": labelId, "aria-describedby": describedBy };
  if (field.type === "choice") {
    const select = el("select", { ...common, "data-type": "choice", "aria-required": field.required ? "true" : undefined },
      el("option", { value: "", text: ui("blank") }),
      ...(field.options ?? []).map((o) => el("option", { value: o.value, text: t(o.label) })));
    select.value = value ?? "";
    return select;
  }
  const numeric = field.type === "integer" || field.type === "decimal";
  const box = el(field.type === "long_text" ? "textarea" : "input", {
    ...common,
    "data-type": field.type,
    type: field.type === "long_text" ? undefined : field.type === "date" ? "date" : "text",
    inputmode: field.type === "integer" ? "numeric" : field.type === "decimal" ? "decimal" : undefined,
    autocomplete: "off",
    // The range of a score ("0–30") helps; that of a count ("0–1000000") does not.
    placeholder: numeric && field.max !== undefined && field.max <= 100 ? `${field.min ?? 0}–${field.max}` : undefined,
    "aria-required": field.required ? "true" : undefined,
  });
  box.value = value ?? "";
  return box;
}

/** One field of the record: a labelled control (a yes/no pair of radio buttons for a
 * boolean). `cite: false` leaves out the field's citations (a checklist item cites its own). */
function renderField(field, path, step, { compact = false, cite = true } = {}) {
  state.fields.set(path, field);
  state.stepOfPath.set(path, step.id);
  const id = idFor(path);
  const help = cite ? helpText(field) : t(field.help);
  const describedBy = [help ? `${id}-help` : null, `${id}-error`].filter(Boolean).join(" ");
  const required = field.required ? el("span", { class: "required", "aria-hidden": "true", text: " *" }) : null;
  if (field.type === "boolean") {
    return el("fieldset", { class: `field boolean${compact ? " sub" : ""}`, id, "aria-describedby": describedBy },
      el("legend", {}, t(field.label), required),
      el("div", { class: "choices" }, ...radios(path, [{ value: "true", label: ui("yes") }, { value: "false", label: ui("no") }])),
      help ? el("p", { class: "help", id: `${id}-help`, text: help }) : null,
      el("p", { class: "error", id: `${id}-error` }));
  }
  const labelId = `${id}-label`;
  return el("div", { class: compact ? "field sub" : "field" },
    el("label", { for: id, id: labelId }, t(field.label), required),
    control(field, path, labelId, describedBy),
    help ? el("p", { class: "help", id: `${id}-help`, text: help }) : null,
    el("p", { class: "error", id: `${id}-error` }));
}

function renderList(field, step) {
  state.fields.set(field.path, field);
  state.stepOfPath.set(field.path, step.id);
  const rows = state.listRows.get(field.path) ?? 0;
  const box = el("fieldset", { class: "list", "data-path": field.path, id: idFor(field.path) }, el("legend", { text: t(field.label) }),
    helpText(field) ? el("p", { class: "help", text: helpText(field) }) : null);
  for (let row = 0; row < rows; row++) {
    const rowBox = el("fieldset", { class: "row" }, el("legend", { text: `${t(field.label)} ${row + 1}` }));
    for (const item of field.item_fields ?? []) rowBox.append(renderField(item, `${field.path}/${row}${item.path}`, step, { compact: true }));
    const remove = el("button", { type: "button", class: "secondary", text: `${ui("remove")}: ${t(field.label)} ${row + 1}` });
    remove.addEventListener("click", () => removeRow(field.path, row, field));
    rowBox.append(remove);
    box.append(rowBox);
  }
  const add = el("button", { type: "button", class: "secondary", id: `${idFor(field.path)}-add`, text: `${ui("add")}: ${t(field.label)}` });
  add.addEventListener("click", () => {
    state.listRows.set(field.path, rows + 1);
    rerender();
    document.getElementById(idFor(`${field.path}/${rows}${field.item_fields[0].path}`))?.focus();
  });
  box.append(add, el("p", { class: "error", id: `${idFor(field.path)}-error` }));
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
  rerender();
  $(`${idFor(listPath)}-add`)?.focus();
}

// ---------------------------------------------------------------- the conduct checklist

/** The conduct checklist as shown: per item its nodes and the answer they show; per
 * document its items and nodes. Built with the form, then updated item by item. */
const conductView = { items: [], documents: [] };

const EXCEPTIONS = new Set(["shortcoming", "breach"]);

/** What a checklist row "shows" before its first update: unlike any answer, even none. */
const NOT_SHOWN = Symbol("not shown");

/** A DOM-safe key for a document name ("37-QĐ/TW" → "37-Q_TW"). */
const documentKey = (name) => name.replace(/[^A-Za-z0-9-]+/g, "_");

/** One checklist item: its title (a disclosure), its answer as three radio buttons, and a note. */
function renderConductItem(field, step) {
  state.fields.set(field.path, field);
  state.stepOfPath.set(field.path, step.id);
  const fieldsByPath = new Map((field.item_fields ?? []).map((f) => [f.path, f]));
  const answerField = fieldsByPath.get("/answer");
  const answerPath = `${field.path}/answer`;
  const id = idFor(field.path);
  for (const item of field.item_fields ?? []) {
    state.fields.set(field.path + item.path, item);
    state.stepOfPath.set(field.path + item.path, step.id);
  }
  const chip = el("span", { class: "chip", id: `${id}-chip` });
  const choices = el("fieldset", { class: "choices answer", id: idFor(answerPath) },
    el("legend", {}, t(answerField?.label), el("span", { class: "visually-hidden", text: `: ${t(field.label)}` })),
    ...radios(answerPath, (answerField?.options ?? []).map((o) => ({ value: o.value, label: t(o.label) }))));
  const body = el("div", { class: "item-body" },
    el("p", { class: "help", id: `${id}-help`, text: [t(field.help), t(field.conduct_item?.citation)].filter(Boolean).join(" — ") }),
    choices);
  const harmed = fieldsByPath.get("/harmed_prestige");
  const harmedBox = harmed ? renderField(harmed, `${field.path}/harmed_prestige`, step, { compact: true, cite: false }) : null;
  if (harmedBox) body.append(harmedBox);
  const evidence = fieldsByPath.get("/evidence");
  if (evidence) body.append(renderField({ ...evidence, type: "long_text" }, `${field.path}/evidence`, step, { compact: true, cite: false }));
  const details = el("details", { class: "conduct-item", id, "data-item": field.conduct_item?.id },
    el("summary", {}, el("span", { class: "item-title", text: t(field.label) }), " ", chip), body);
  const row = { field, answerPath, details, chip, harmedBox, shown: NOT_SHOWN };
  conductView.items.push(row);
  return { row, node: el("li", {}, details, el("p", { class: "error", id: `${id}-error` })) };
}

/** The conduct section: its items grouped by document, each group with "I complied with all of these". */
function renderConductSection(section, step, box) {
  const groups = new Map();
  for (const field of section.fields) {
    const document = state.catalogue.documentOf.get(field.conduct_item.id) ?? "";
    if (!groups.has(document)) groups.set(document, []);
    groups.get(document).push(field);
  }
  for (const [document, fields] of groups) {
    const info = state.catalogue.documents.get(document);
    const key = documentKey(document || "other");
    const heading = document ? `${ui("regulation")} ${document}` : "—";
    const status = el("p", { class: "doc-status", id: `doc-${key}-status` });
    const all = el("input", { type: "checkbox", id: `doc-${key}-all`, "data-doc": document, "aria-describedby": `doc-${key}-help doc-${key}-status` });
    const list = el("ul", { class: "items" });
    const view = { document, rows: [], status, all, shown: null };
    for (const field of fields) {
      const { row, node } = renderConductItem(field, step);
      view.rows.push(row);
      list.append(node);
    }
    conductView.documents.push(view);
    box.append(el("section", { class: "conduct-doc", id: `doc-${key}`, "data-doc": document, "aria-labelledby": `doc-${key}-heading` },
      el("h3", { id: `doc-${key}-heading`, text: heading }),
      info && t(info.title) ? el("p", { class: "doc-title", text: t(info.title) }) : null,
      el("label", { class: "comply-all", for: `doc-${key}-all` }, all, el("span", { text: ui("complyAll") })),
      el("p", { class: "help", id: `doc-${key}-help`, text: ui("complyAllHelp") }),
      status, list));
  }
}

/** Shows each item's answer and each document's count: only what changed is touched. */
function updateConduct() {
  for (const row of conductView.items) {
    const answer = state.values.get(row.answerPath);
    if (answer === row.shown) continue;
    const wasException = EXCEPTIONS.has(row.shown);
    row.shown = answer;
    row.details.dataset.answer = answer ?? "";
    const option = row.field.item_fields?.find((f) => f.path === "/answer")?.options?.find((o) => o.value === answer);
    row.chip.textContent = option ? t(option.label) : ui("notAnswered");
    for (const radio of row.details.querySelectorAll(`input[name="${CSS.escape(row.answerPath)}"]`)) radio.checked = radio.value === answer;
    if (EXCEPTIONS.has(answer) && !wasException) row.details.open = true;
    if (row.harmedBox) row.harmedBox.hidden = answer !== "breach";
  }
  for (const view of conductView.documents) {
    const answered = view.rows.filter((row) => row.shown !== undefined).length;
    const exceptions = view.rows.filter((row) => EXCEPTIONS.has(row.shown)).length;
    const key = `${answered}/${exceptions}/${state.lang}`;
    if (key === view.shown) continue;
    view.shown = key;
    view.all.checked = answered === view.rows.length;
    view.all.indeterminate = answered > 0 && answered < view.rows.length;
    view.status.textContent = [ui("groupCount", { answered, total: view.rows.length }),
      exceptions ? ui("groupExceptions", { n: exceptions }) : ""].filter(Boolean).join(" · ");
  }
}

/** "I complied with all of these": ticked, every unanswered item of the document is
 * answered "complied"; unticked, those answers are taken back (exceptions stay). */
function complyWithAll(document, checked) {
  const view = conductView.documents.find((d) => d.document === document);
  if (!view) return;
  for (const row of view.rows) {
    const answer = state.values.get(row.answerPath);
    if (checked && answer === undefined) state.values.set(row.answerPath, "complied");
    if (!checked && answer === "complied") state.values.delete(row.answerPath);
  }
}

// ---------------------------------------------------------------- steps

/** A text field of the page's own (header, written parts, place, date), kept in `state.extra`. */
function extraField(key, label, { type = "text", help, autocomplete, rows } = {}) {
  const id = `x-${key.replace(/[^A-Za-z0-9_-]/g, "_")}`;
  const box = el(type === "long_text" ? "textarea" : "input", {
    id, "data-extra": key, name: key,
    type: type === "long_text" ? undefined : type,
    rows, autocomplete: autocomplete ?? "off",
    "aria-describedby": help ? `${id}-help` : undefined,
  });
  box.value = state.extra.get(key) ?? "";
  return el("div", { class: "field" }, el("label", { for: id, text: label }), box,
    help ? el("p", { class: "help", id: `${id}-help`, text: help }) : null);
}

function renderIdentityStep(step, box) {
  for (const field of state.form.header) box.append(extraField(field.key, t(field.label), field));
  box.append(renderField({ type: "integer", label: UI.year, required: true, min: 1930, max: 2200 }, "/period/year", step));
  box.append(renderField({ type: "text", label: UI.id, help: UI.idHelp, required: true }, "/id", step));
}

function renderWrittenStep(step, box) {
  for (const part of state.form.parts) {
    if (!part.write) box.append(el("h3", { class: "part-heading", text: t(part.heading) }));
    else box.append(extraField(`written.${part.id}`, t(part.heading), { type: "long_text", rows: 3 }));
  }
}

function renderReviewStep(step, box) {
  const jsonId = "export";
  const previewing = document.body.classList.contains("preview");
  box.append(
    el("h3", { text: ui("printHeading") }),
    el("p", { class: "help", text: ui("printHelp") }),
    extraField("place", ui("place"), { autocomplete: "address-level2" }),
    extraField("signed_on", ui("signedOn"), { type: "date" }),
    el("div", { class: "actions" },
      el("button", { type: "button", id: "print-button", class: "primary", text: ui("print") }),
      el("button", { type: "button", id: "preview-button", class: "secondary", "aria-expanded": String(previewing), "aria-controls": "official-form",
        text: previewing ? ui("hidePreview") : ui("preview") })),
    el("h3", { text: ui("save") }),
    el("div", { class: "actions" },
      el("button", { type: "button", id: "export-button", class: "secondary", text: ui("exportButton") }),
      el("a", { id: "download", href: "#", hidden: true, download: "assessment.json", text: "assessment.json" })),
    el("details", { class: "json" }, el("summary", { text: ui("showJson") }),
      el("label", { for: jsonId, text: ui("exportLabel") }), el("textarea", { id: jsonId, rows: 8, readonly: true })),
    el("div", { class: "field" }, el("label", { for: "import", text: ui("importLabel") }),
      el("input", { type: "file", id: "import", accept: ".json,application/json" })),
    el("p", { id: "import-status", role: "status" }),
    el("div", { class: "actions" }, el("button", { type: "button", id: "clear-button", class: "secondary danger", text: ui("clearDraft") })));
}

/** Renders every step (one shown at a time), the step list and the texts of the page. */
function renderForm() {
  document.documentElement.lang = state.lang;
  document.title = `${ui("title")} — cadre-eval`;
  for (const node of document.querySelectorAll("[data-ui]")) node.textContent = ui(node.dataset.ui);
  for (const node of document.querySelectorAll("[data-ui-label]")) node.setAttribute("aria-label", ui(node.dataset.uiLabel));
  for (const option of $("form-kind").options) option.textContent = t(formById(option.value).label);
  state.fields.clear();
  state.stepOfPath.clear();
  conductView.items = [];
  conductView.documents = [];
  const container = $("steps");
  const schema = state.schema;
  if (!schema) return container.replaceChildren();
  $("form-title").textContent = `${t(schema.title)} (${schema.appendix.toUpperCase()})`;
  state.steps = stepsOf(state.form, schema, UI);
  state.step = Math.min(state.step, state.steps.length - 1);
  const sections = state.steps.map((step, index) => {
    const heading = el("h2", { id: `step-${step.id}-heading`, tabindex: "-1", text: t(step.title) });
    const box = el("section", { class: "step", id: `step-${step.id}`, "data-step": step.id, "aria-labelledby": heading.id, hidden: index !== state.step },
      heading, t(step.help) ? el("p", { class: "section-help", text: t(step.help) }) : null);
    if (step.kind === "identity") renderIdentityStep(step, box);
    else if (step.kind === "written") renderWrittenStep(step, box);
    else if (step.kind === "review") renderReviewStep(step, box);
    else if (step.section.fields.every((field) => field.conduct_item)) renderConductSection(step.section, step, box);
    else {
      for (const field of step.section.fields) {
        if (field.type === "list") box.append(renderList(field, step));
        else box.append(renderField(field, field.path, step));
      }
    }
    return box;
  });
  container.replaceChildren(...sections);
  $("step-list").replaceChildren(...state.steps.map((step, index) =>
    el("li", {}, el("button", { type: "button", class: "step-link", "data-index": String(index), id: `nav-${step.id}` },
      el("span", { class: "num", "aria-hidden": "true", text: String(index + 1) }),
      el("span", { class: "label", text: t(step.title) }),
      el("span", { class: "status", id: `nav-${step.id}-status` })))));
  wireReviewStep();
  shownErrors.key = null;
  shownResultKey = null;
  shownGo = null;
  shownSteps.key = null;
  showStep();
}

/** Rebuilds the form after a change of its fields (a list row, the language, the year) and shows the result. */
function rerender() {
  renderForm();
  update();
  scheduleSave();
}

/** Shows the current step and its place in the progress. */
function showStep() {
  const step = state.steps[state.step];
  if (!step) return;
  if (step.kind !== "review") setPreview(false);
  for (const box of $("steps").children) box.hidden = box.dataset.step !== step.id;
  for (const link of document.querySelectorAll(".step-link")) {
    if (Number(link.dataset.index) === state.step) link.setAttribute("aria-current", "step");
    else link.removeAttribute("aria-current");
  }
  const total = state.steps.length;
  $("progress").max = total;
  $("progress").value = state.step + 1;
  $("progress-text").textContent = `${ui("stepOf", { n: state.step + 1, total })}: ${t(step.title)}`;
  $("back").disabled = state.step === 0;
  $("next").hidden = state.step === total - 1;
  document.body.dataset.step = step.id;
  if (step.kind === "review") renderOfficial();
}

/** Goes to a step; the step's heading takes the focus unless `focus` is false. */
function goTo(index, { focus = true } = {}) {
  state.step = Math.max(0, Math.min(index, state.steps.length - 1));
  showStep();
  $("step-nav").classList.remove("open");
  $("steps-toggle").setAttribute("aria-expanded", "false");
  scheduleSave();
  if (focus) {
    $(`step-${state.steps[state.step].id}-heading`)?.focus();
    window.scrollTo({ top: 0 });
  }
}

/** Shows the field at a JSON Pointer: its step, its checklist item opened, the focus on it. */
function focusPath(path) {
  let probe = path;
  while (probe && !state.stepOfPath.has(probe)) probe = probe.slice(0, probe.lastIndexOf("/"));
  const stepId = state.stepOfPath.get(probe);
  const index = state.steps.findIndex((step) => step.id === stepId);
  if (index >= 0 && index !== state.step) goTo(index, { focus: false });
  let node = document.getElementById(idFor(path)) ?? document.getElementById(idFor(probe));
  const details = node?.closest("details");
  if (details) details.open = true;
  if (node && !node.matches("input, select, textarea")) node = node.querySelector("input, select, textarea") ?? node;
  node?.focus();
  node?.scrollIntoView({ block: "center" });
}

/** Marks the steps that hold errors or unanswered questions that still matter. */
const shownSteps = { key: null };

function updateStepStatus(errors, unanswered) {
  const flags = new Map();
  const stepOf = (path) => {
    let probe = path;
    while (probe && !state.stepOfPath.has(probe)) probe = probe.slice(0, probe.lastIndexOf("/"));
    return state.stepOfPath.get(probe);
  };
  for (const u of unanswered) flags.set(stepOf(u.path), "todo");
  for (const e of errors) flags.set(stepOf(e.path), "error");
  const key = JSON.stringify([state.lang, [...flags]]);
  if (key === shownSteps.key) return;
  shownSteps.key = key;
  for (const step of state.steps) {
    const flag = flags.get(step.id);
    const link = $(`nav-${step.id}`);
    if (!link) continue;
    if (flag) link.dataset.flag = flag;
    else delete link.dataset.flag;
    $(`nav-${step.id}-status`).textContent = flag === "error" ? ` (${ui("stepError")})` : flag === "todo" ? ` (${ui("stepTodo")})` : "";
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
    if (field) {
      // A checklist item's own fields are named with the item.
      const parent = state.fields.get(probe.slice(0, probe.lastIndexOf("/")));
      return parent?.conduct_item ? `${t(parent.label)}: ${t(field.label)}` : t(field.label);
    }
    probe = probe.slice(0, probe.lastIndexOf("/"));
  }
  return path;
}

/** An error's message for a person: a JSON Pointer it quotes is replaced by the field's label. */
const errorText = (error) => t(error.message).replace(/`(\/[^`]*)`/g, (all, path) => `«${labelOf(path)}»`);

/** The error texts and invalid marks on the page, so that a keystroke that leaves the
 * errors as they were touches no node, and one that changes them touches only theirs. */
const shownErrors = { key: null, texts: [], invalid: [] };

function showErrors(errors) {
  const key = JSON.stringify([state.lang, errors]);
  if (key === shownErrors.key) return;
  shownErrors.key = key;
  for (const node of shownErrors.texts) node.textContent = "";
  for (const node of shownErrors.invalid) {
    node.removeAttribute("aria-invalid");
    node.classList.remove("invalid");
  }
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
      target.textContent = [texts.has(target) ? target.textContent : "", errorText(error)].filter(Boolean).join(" ");
      texts.add(target);
      const field = document.getElementById(idFor(error.path)) ?? document.getElementById(idFor(probe));
      if (field) {
        // Only form controls take aria-invalid; a group of radio buttons is marked by its class.
        if (field.matches("input, select, textarea")) field.setAttribute("aria-invalid", "true");
        field.classList.add("invalid");
        invalid.add(field);
      }
    } else general.push(error);
  }
  shownErrors.texts = [...texts];
  shownErrors.invalid = [...invalid];
  $("form-errors").replaceChildren(...general.map((e) =>
    el("p", { class: "error", "data-error-path": e.path, text: `${labelOf(e.path)}: ${errorText(e)}` })));
}

function citationOf(reason) {
  const c = reason.citation;
  if (!c) return "";
  const article = state.lang === "vi" ? "Điều" : "Art.";
  const clause = state.lang === "vi" ? "khoản" : "cl.";
  return [c.document, c.article && `${article} ${c.article}`, c.clause && `${clause} ${c.clause}`].filter(Boolean).join(", ");
}

/** The order reasons are shown in: what decided the level first. */
const EFFECT_ORDER = { decides: 0, needs_decision: 1, blocks: 2 };

/** A reason as shown, in the current language. */
const reasonView = (r) => ({ rule: r.rule, effect: r.effect, cite: citationOf(r), text: t(r.message) });

/** The step of a field and that step's title, for the "edit" links. */
function stepTitleOf(path) {
  let probe = path;
  while (probe && !state.stepOfPath.has(probe)) probe = probe.slice(0, probe.lastIndexOf("/"));
  const step = state.steps.find((s) => s.id === state.stepOfPath.get(probe));
  return step ? t(step.title) : "";
}

/** What the result shows, as plain data in the current language: two equal views render
 * the same nodes, so an unchanged view is not redrawn. */
function resultView(partial, decision, changes, errors) {
  if (decision) {
    const reasons = decision.reasons.map(reasonView)
      .map((r, index) => ({ ...r, order: EFFECT_ORDER[r.effect] ?? 3, index }))
      .sort((a, b) => a.order - b.order || a.index - b.index)
      .map(({ order, index, ...r }) => r);
    const messageOfRule = new Map(decision.reasons.map((r) => [r.rule, t(r.message)]));
    const reachable = (changes ?? []).filter((path) => path.reachable);
    const blockers = [...new Set((changes ?? []).filter((path) => !path.reachable)
      .flatMap((path) => (path.blockers ?? []).map((b) => messageOfRule.get(b.rule) || t(b.message) || b.rule)))];
    return {
      state: "complete",
      level: decision.level ?? "",
      levelText: decision.level ? t(decision.label) : ui("needsDecision"),
      running: `${ui("running")}: ${decision.level ? t(decision.label) : ui("needsDecision")} · ${ui("points", { score: decision.score })}`,
      band: decision.band,
      bandText: ui("band", { score: decision.score, band: t(LEVELS[decision.band]), range: t(BANDS[decision.band]) }),
      reasons,
      actions: reachable.map((path) => ({
        level: path.level,
        heading: ui("toReach", { level: t(LEVELS[path.level]) }),
        changes: (path.changes ?? []).map((c) => ({ path: c.path, text: t(c.message), label: labelOf(c.path) })),
      })),
      blockers: reachable.length < (changes ?? []).length ? blockers : [],
    };
  }
  if (partial) {
    // The unanswered questions that can still change the level, by step: one line per step.
    const byStep = new Map();
    for (const u of (partial.unanswered ?? []).filter((u) => u.can_change)) {
      const title = stepTitleOf(u.path);
      if (!byStep.has(title)) byStep.set(title, { title, path: u.path, labels: [] });
      byStep.get(title).labels.push(labelOf(u.path));
    }
    const lowest = t(LEVELS[partial.lowest]) || "—";
    const highest = t(LEVELS[partial.highest]) || "—";
    return {
      state: "partial",
      lowest: partial.lowest ?? "",
      highest: partial.highest ?? "",
      levelText: ui("runningPartial", { lowest, highest }),
      running: ui("runningPartial", { lowest: t(LEVELS_SHORT[partial.lowest]) || "—", highest: t(LEVELS_SHORT[partial.highest]) || "—" }),
      unanswered: [...byStep.values()].map((s) => ({
        path: s.path, title: s.title, text: s.labels.length > 3 ? `${s.labels.slice(0, 2).join("; ")}; … (${s.labels.length})` : s.labels.join("; "),
      })),
    };
  }
  return {
    state: "invalid",
    levelText: ui("runningErrors", { n: errors.length }),
    running: ui("runningErrors", { n: errors.length }),
    errors: errors.slice(0, 8).map((e) => ({ path: e.path, text: `${labelOf(e.path)}: ${errorText(e)}` })),
  };
}

const gotoButton = (path, text) => el("button", { type: "button", class: "link", "data-goto": path, text });

function resultNodes(view) {
  const body = [el("p", { class: `level ${view.level ?? ""}`, id: "level", "data-level": view.level ?? "",
    "data-lowest": view.lowest, "data-highest": view.highest, text: view.levelText })];
  if (view.state === "complete") {
    body.push(el("p", { id: "band", "data-band": view.band, text: view.bandText }));
    body.push(el("h3", { text: ui("why") }), el("ul", { class: "reasons", id: "reasons" }, ...view.reasons.map((r) =>
      el("li", { "data-rule": r.rule, class: `effect-${r.effect}` }, el("span", { text: r.text }), " ",
        el("span", { class: "cite", text: `(${r.cite})` })))));
    body.push(el("details", { class: "rule-details" }, el("summary", { text: ui("ruleDetails") }),
      el("ul", {}, ...view.reasons.map((r) => el("li", {}, el("code", { text: r.rule }), ` — ${r.cite}`)))));
    if (view.actions.length || view.blockers.length) {
      body.push(el("h3", { text: ui("change") }));
      const list = el("ul", { id: "changes", class: "actions-list" });
      for (const action of view.actions) {
        list.append(el("li", { "data-level": action.level }, el("strong", { text: action.heading }),
          el("ul", {}, ...action.changes.map((c) => el("li", {}, `${c.text} `, gotoButton(c.path, `${ui("edit")}: ${c.label}`))))));
      }
      if (view.blockers.length) {
        list.append(el("li", { class: "blocked" }, el("strong", { text: ui("unreachable") }),
          el("ul", {}, ...view.blockers.map((text) => el("li", { text })))));
      }
      body.push(list);
    }
  } else if (view.state === "partial" && view.unanswered.length) {
    body.push(el("h3", { text: ui("unanswered") }), el("ul", { id: "unanswered" }, ...view.unanswered.map((u) =>
      el("li", {}, gotoButton(u.path, u.title), `: ${u.text}`))));
  } else if (view.state === "invalid") {
    body.push(el("h3", { text: ui("toFix") }), el("ul", { id: "error-list" }, ...view.errors.map((e) =>
      el("li", {}, gotoButton(e.path, e.text)))));
  }
  return body;
}

let shownResultKey = null;
let shownRunning = null;
let shownGo = null;

function renderResult(partial, decision, changes, errors) {
  const view = resultView(partial, decision, changes, errors);
  const key = JSON.stringify(view);
  if (key !== shownResultKey) {
    shownResultKey = key;
    $("result-main").replaceChildren(...resultNodes(view));
  }
  // The running level is the page's live region: it changes only when the level does.
  if (view.running !== shownRunning) {
    shownRunning = view.running;
    $("running").textContent = view.running;
    $("running").dataset.level = view.level ?? "";
  }
  // Beside it, a way to what the level waits for: the first error, the first question that
  // still matters, or the result itself.
  const go = view.state === "invalid" ? ["goFix", view.errors[0]?.path] : view.state === "partial" ? ["goMissing", view.unanswered[0]?.path] : ["goResult", ""];
  const goKey = `${state.lang}|${go.join("|")}`;
  if (goKey !== shownGo) {
    shownGo = goKey;
    const button = $("running-go");
    button.hidden = go[1] === undefined;
    button.textContent = ui(go[0]);
    button.dataset.goto = go[1] ?? "";
  }
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
  // to the higher levels, so one call does what `evaluate` and it would.
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
  renderResult(partial, decision, changes, errors);
  updateConduct();
  updateStepStatus(errors, partial ? partial.unanswered.filter((u) => u.can_change) : []);
  const shownState = decision ? "complete" : partial ? "partial" : "invalid";
  if (document.body.dataset.state !== shownState) document.body.dataset.state = shownState;
  if (document.body.classList.contains("preview")) renderOfficial();
}

// ---------------------------------------------------------------- the official form

/** The checklist items with their Vietnamese titles and the answers, for the printed form. */
function conductForPrint(record) {
  const answers = record.conduct?.answers ?? {};
  const items = conductView.items.map((row) => {
    const id = row.field.conduct_item.id;
    return { title: row.field.label.vi, citation: row.field.conduct_item.citation.vi, answer: answers[id]?.answer, evidence: answers[id]?.evidence };
  });
  const documents = conductView.documents.map((view) => ({ document: view.document ? `Quy định ${view.document}` : "" }));
  return { items, documents };
}

function renderOfficial() {
  if (!state.schema) return;
  const record = assessment();
  renderOfficialForm($("official-form"), {
    form: state.form, record, decision: lastDecision, extra: state.extra, conduct: conductForPrint(record), fields: state.fields,
  });
}

/** Shows or hides the on-screen preview of the printed form (shown only on the last step). */
function setPreview(shown) {
  if (document.body.classList.contains("preview") === shown) return;
  document.body.classList.toggle("preview", shown);
  $("official-form").hidden = !shown;
  $("preview-button")?.setAttribute("aria-expanded", String(shown));
  if ($("preview-button")) $("preview-button").textContent = shown ? ui("hidePreview") : ui("preview");
  if (shown) {
    renderOfficial();
    $("official-form").scrollIntoView({ block: "start" });
  }
}

// ---------------------------------------------------------------- saving, export, import

let saveTimer = null;

/** Saves the draft a moment after the last change (not on the keystroke itself). */
function scheduleSave() {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(saveNow, 400);
}

function saveNow() {
  clearTimeout(saveTimer);
  saveTimer = null;
  if (!state.schema) return;
  // Measured by the browser test (a "draft-save" entry per save), off the keystroke's path.
  const started = performance.now();
  const savedAt = new Date().toISOString();
  const ok = saveDraft(state.form.id, {
    saved_at: savedAt,
    lang: state.lang,
    step: state.steps[state.step]?.id ?? null,
    values: Object.fromEntries(state.values),
    list_rows: Object.fromEntries(state.listRows),
    extra: Object.fromEntries(state.extra),
  });
  showDraftStatus(ok ? ui("draftSaved", { time: timeOf(savedAt) }) : ui("draftNotSaved"));
  document.body.dataset.saved = ok ? savedAt : "";
  performance.measure("draft-save", { start: started });
}

/** Hours and minutes of a time, by a formatter made once per language (making one costs milliseconds). */
const timeFormats = new Map();
function timeOf(iso) {
  if (!timeFormats.has(state.lang)) {
    timeFormats.set(state.lang, new Intl.DateTimeFormat(state.lang === "vi" ? "vi-VN" : "en-GB", { hour: "2-digit", minute: "2-digit" }));
  }
  return timeFormats.get(state.lang).format(new Date(iso));
}

function showDraftStatus(text) {
  $("draft-status").textContent = text;
}

/** Fills the state from a saved draft; the step is returned to be shown once the form is built. */
function restoreDraft(draft) {
  state.values = new Map(Object.entries(draft.values).filter(([, v]) => typeof v === "string"));
  state.listRows = new Map(Object.entries(draft.list_rows ?? {}).filter(([, v]) => Number.isInteger(v) && v >= 0 && v < 1000));
  state.extra = new Map(Object.entries(draft.extra ?? {}).filter(([, v]) => typeof v === "string"));
  return draft.step;
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
  link.click();
}

/** The form a contract record is for (its subject's kind, and for a member whether they work in the political system). */
function formOfRecord(record) {
  const subject = record?.subject ?? {};
  if (subject.kind === "member" && subject.in_political_system === false) return formById("member_outside");
  return FORMS.find((form) => form.request.kind === subject.kind && !form.request.outside_political_system) ?? state.form;
}

async function importFile(file) {
  let record;
  try {
    record = JSON.parse(await file.text());
    if (!record || typeof record !== "object" || Array.isArray(record)) throw new Error(ui("importNotObject"));
  } catch (error) {
    $("import-status").textContent = ui("importFailed", { name: file.name, reason: error.message });
    return;
  }
  const form = formOfRecord(record);
  if (form !== state.form) {
    saveNow();
    state.form = form;
    $("form-kind").value = form.id;
    history.replaceState(null, "", `?kind=${form.id}`);
  }
  // The year selects the form's conduct items, so it is read before the schema.
  state.values = new Map([["/period/year", String(record.period?.year ?? periodYear())]]);
  loadSchema();
  if (!state.schema) return;
  const { values, listRows, skipped } = answersFromRecord(record, state.schema);
  state.values = values;
  state.listRows = listRows;
  rerender();
  // The file was opened from the last step; the person stays there to see the result.
  goTo(state.steps.length - 1, { focus: false });
  saveNow();
  // The review step was built again: its status line is a new node.
  $("import-status").textContent = [ui("imported", { name: file.name }), skipped.length ? ui("importSkipped", { paths: skipped.join(", ") }) : ""]
    .filter(Boolean).join(" ");
}

// ---------------------------------------------------------------- events

function onInput(event) {
  const target = event.target;
  if (target.dataset?.extra) {
    if (target.value === "") state.extra.delete(target.dataset.extra);
    else state.extra.set(target.dataset.extra, target.value);
    if (document.body.classList.contains("preview")) renderOfficial();
    scheduleSave();
    return;
  }
  if (target.dataset?.doc !== undefined) {
    complyWithAll(target.dataset.doc, target.checked);
  } else {
    const path = target.dataset?.path;
    if (!path || !("value" in target)) return;
    if (target.type === "radio" && !target.checked) return;
    if (target.value === "") state.values.delete(path);
    else state.values.set(path, target.value);
    // The note on whether a breach harmed prestige belongs to a breach only.
    if (path.endsWith("/answer") && target.value !== "breach") state.values.delete(path.replace(/\/answer$/, "/harmed_prestige"));
    if (path === "/period/year" && /^\d{4}$/.test(target.value)) {
      loadSchema();
      renderForm();
      document.getElementById(idFor(path))?.focus();
    }
  }
  update();
  window.__latencies.push(performance.now() - event.timeStamp);
  scheduleSave();
}

/** Switches to another form: its own draft when it has one, else a new one with the
 * record id, the year and the person's header carried over. */
function switchForm(formId) {
  saveNow();
  const carried = { id: state.values.get("/id"), year: state.values.get("/period/year") };
  const person = new Map([...state.extra].filter(([key]) => !key.startsWith("written.")));
  state.form = formById(formId);
  history.replaceState(null, "", `?kind=${state.form.id}${state.lang === "en" ? "&lang=en" : ""}`);
  const draft = loadDraft(state.form.id);
  let stepId = null;
  if (draft) stepId = restoreDraft(draft);
  else {
    // A form not started yet begins with the record id, the year and the person's header.
    state.values = new Map([["/id", carried.id ?? "tu-kiem-diem"], ["/period/year", carried.year ?? "2025"]]);
    state.listRows = new Map();
    state.extra = person;
  }
  loadSchema();
  state.step = 0;
  renderForm();
  if (stepId) goTo(Math.max(0, state.steps.findIndex((s) => s.id === stepId)), { focus: false });
  update();
  saveNow();
}

function wireReviewStep() {
  $("export-button")?.addEventListener("click", exportJson);
  $("print-button")?.addEventListener("click", () => {
    renderOfficial();
    window.print();
  });
  $("preview-button")?.addEventListener("click", () => setPreview(!document.body.classList.contains("preview")));
  $("import")?.addEventListener("change", (event) => {
    const file = event.target.files?.[0];
    if (file) importFile(file);
  });
  $("clear-button")?.addEventListener("click", () => {
    if (!window.confirm(ui("clearConfirm"))) return;
    clearDraft(state.form.id);
    state.values = new Map([["/id", "tu-kiem-diem"], ["/period/year", String(periodYear())]]);
    state.listRows = new Map();
    state.extra = new Map();
    state.step = 0;
    loadSchema();
    rerender();
    $(`step-${state.steps[0].id}-heading`)?.focus();
  });
}

function wirePage() {
  $("form").addEventListener("input", onInput);
  $("form").addEventListener("submit", (event) => event.preventDefault());
  $("form-kind").addEventListener("change", () => switchForm($("form-kind").value));
  $("lang").addEventListener("change", () => {
    state.lang = $("lang").value;
    history.replaceState(null, "", `?kind=${state.form.id}${state.lang === "en" ? "&lang=en" : ""}`);
    rerender();
  });
  $("back").addEventListener("click", () => goTo(state.step - 1));
  $("next").addEventListener("click", () => goTo(state.step + 1));
  $("step-list").addEventListener("click", (event) => {
    const link = event.target.closest(".step-link");
    if (link) goTo(Number(link.dataset.index));
  });
  $("steps-toggle").addEventListener("click", () => {
    const open = !$("step-nav").classList.contains("open");
    $("step-nav").classList.toggle("open", open);
    $("steps-toggle").setAttribute("aria-expanded", String(open));
  });
  $("result").addEventListener("click", (event) => {
    const button = event.target.closest("[data-goto]");
    if (button) focusPath(button.dataset.goto);
  });
  $("running-go").addEventListener("click", () => {
    const path = $("running-go").dataset.goto;
    if (path) focusPath(path);
    else goTo(state.steps.length - 1);
  });
  window.addEventListener("beforeprint", renderOfficial);
  // A draft still waiting for its timer is written when the page is left.
  window.addEventListener("pagehide", () => saveTimer && saveNow());
  document.addEventListener("visibilitychange", () => document.visibilityState === "hidden" && saveTimer && saveNow());
}

/** Registers the service worker that keeps the page, the WASM module and its data for offline use. */
function registerServiceWorker() {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.register("./sw.js")
    .then(() => navigator.serviceWorker.ready)
    .then(() => {
      document.body.dataset.offline = "ready";
      $("offline-status").textContent = ui("offlineReady");
    })
    .catch(() => {
      // Without a service worker the page still works online; nothing to tell.
    });
}

async function main() {
  await init({ module_or_path: new URL("./pkg/cadre_eval_wasm_bg.wasm", import.meta.url) });
  loadCatalogue();
  const params = new URLSearchParams(location.search);
  const asked = params.get("kind");
  state.form = formById(FORMS.some((f) => f.id === asked) ? asked : lastForm());
  const draft = loadDraft(state.form.id);
  let stepId = null;
  if (draft) {
    stepId = restoreDraft(draft);
    if (draft.lang === "en" || draft.lang === "vi") state.lang = draft.lang;
  }
  if (params.get("lang") === "en" || params.get("lang") === "vi") state.lang = params.get("lang");
  $("form-kind").replaceChildren(...FORMS.map((form) => el("option", { value: form.id, text: t(form.label) })));
  $("form-kind").value = state.form.id;
  $("lang").value = state.lang;
  wirePage();
  loadSchema();
  renderForm();
  if (stepId) state.step = Math.max(0, state.steps.findIndex((s) => s.id === stepId));
  showStep();
  update();
  if (draft?.saved_at) showDraftStatus(ui("draftRestored", { time: timeOf(draft.saved_at) }));
  document.body.dataset.restored = draft ? "true" : "false";
  document.body.dataset.ready = "true";
  registerServiceWorker();
}

main().catch((error) => {
  $("form-errors").replaceChildren(el("p", { class: "error", text: String(error) }));
});
