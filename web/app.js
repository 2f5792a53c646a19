// The self-assessment form: guided steps built from the WASM package's form schema,
// evaluated as the person types, kept as a draft in the browser, exported and imported
// as contract JSON, and printed as the official form. All rules live in the core
// (through the WASM binding); this file builds the assessment from the answers and shows
// what the binding returns.
import init, {
  conductCatalogue,
  evaluate,
  evaluatePartial,
  formSchema,
  loadData,
  whatWouldChange,
} from "./pkg/cadre_eval_wasm.js";
import { complyWithAll, conductForPrint, conductView, renderConductSection, updateConduct } from "./checklist.js";
import { $, el, idFor } from "./dom.js";
import { answersFromRecord, clearDraft, lastForm, loadDraft, saveDraft } from "./draft.js";
import { forgetShownErrors, renderField, renderList, renderRequestOption, showErrors } from "./fields.js";
import { FORMS, formById, stepsOf } from "./forms.js";
import { LEVELS, UI } from "./i18n.js";
import { renderOfficialForm, renderStateSheet } from "./official-form.js";
import { forgetShownResult, renderResult } from "./result.js";
import { nearest, periodYear, state, stepOf, t, ui } from "./state.js";
/** Keystroke-to-result times in ms (event time to the end of the update), for measurement. */
window.__latencies = [];

// ---------------------------------------------------------------- the form schema

function loadSchema() {
  const result = formSchema({ ...state.form.request, ...Object.fromEntries(state.request), on: `${periodYear()}-12-31` });
  if (!result.ok) {
    state.schema = null;
    $("form-errors").replaceChildren(...result.errors.map((e) => el("p", { class: "error", text: t(e.message) })));
    return;
  }
  state.schema = atFirstPeriod(result.value);
}

/** A period form's fields at the one period the sheet is for: the schema's placeholder
 * for the period's index (`/periods/{p}/general`) made 0. Any other schema as it is. */
function atFirstPeriod(schema) {
  const placeholder = schema.period_placeholder;
  if (!placeholder) return schema;
  const at = (field) => ({ ...field, path: field.path.replaceAll(placeholder, "0"), item_fields: field.item_fields?.map(at) });
  return { ...schema, sections: schema.sections.map((section) => ({ ...section, fields: section.fields.map(at) })) };
}

/** The variant of the form (a value for each of the schema's `request_options`) that
 * takes the most of a record: the one leaving the fewest of its answers out. */
function loadVariantOf(record) {
  state.request = new Map();
  loadSchema();
  const options = state.schema?.request_options ?? [];
  if (!options.length) return;
  const variants = options.reduce((found, option) => found.flatMap((chosen) => option.options.map((o) => [...chosen, [option.name, o.value]])), [[]]);
  let best = null;
  for (const variant of variants) {
    state.request = new Map(variant);
    loadSchema();
    if (!state.schema) continue;
    const left = answersFromRecord(record, state.schema).skipped.length;
    if (!best || left < best.left) best = { variant, left };
  }
  state.request = new Map(best?.variant ?? []);
  loadSchema();
}

/** Reads the conduct catalogue once: which document each checklist item belongs to. */
function loadCatalogue() {
  const result = conductCatalogue();
  if (!result.ok) return;
  for (const document of result.value.documents) state.catalogue.documents.set(document.document, document);
  for (const item of result.value.items) state.catalogue.documentOf.set(item.id, item.document);
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
  // The variants of the form the core offers (a state sheet: employment, month or quarter).
  for (const option of state.schema.request_options ?? []) box.append(renderRequestOption(option));
}

function renderWrittenStep(step, box) {
  for (const part of state.form.parts) {
    if (!part.write) box.append(el("h3", { class: "part-heading", text: t(part.heading) }));
    else box.append(extraField(`written.${part.id}`, t(part.heading), { type: "long_text", rows: 3 }));
  }
}

/** The level the person proposes on paper (Mẫu B.II): the one worked out, unless they
 * choose another (spec criteria-qd366.md §9: kept beside the record, both shown). */
function selfLevelField() {
  const chosen = state.extra.get("self_level") ?? "";
  const option = (value, label, id) => {
    const radio = el("input", { type: "radio", id, name: "self_level", value, "data-extra": "self_level" });
    radio.checked = chosen === value;
    return el("label", { class: "choice", for: id }, radio, el("span", { id: `${id}-text`, text: label }));
  };
  return el("fieldset", { class: "field self-level", "aria-describedby": "self-level-help self-level-note" },
    el("legend", { text: ui("selfLevel") }),
    el("p", { class: "help", id: "self-level-help", text: ui("selfLevelHelp") }),
    el("div", { class: "choices stacked" },
      option("", "", "self-level-computed"),
      ...Object.keys(LEVELS).map((level) => option(level, t(LEVELS[level]), `self-level-${level}`))),
    el("p", { class: "note", id: "self-level-note" }));
}

let shownSelfLevel = null;

/** The "as worked out" choice names the current level; a different choice is pointed out. */
function updateSelfLevel(decision) {
  const chosen = state.extra.get("self_level") ?? "";
  const computed = decision?.level ? t(LEVELS[decision.level]) : "—";
  const key = [state.lang, chosen, computed].join("|");
  if (key === shownSelfLevel || !$("self-level-note")) return;
  shownSelfLevel = key;
  $("self-level-computed-text").textContent = ui("selfLevelComputed", { level: computed });
  $("self-level-note").textContent = chosen && decision?.level && chosen !== decision.level ? ui("selfLevelDiffers", { level: computed }) : "";
}

function renderReviewStep(step, box) {
  const jsonId = "export";
  const previewing = document.body.classList.contains("preview");
  box.append(
    el("h3", { text: ui("printHeading") }),
    el("p", { class: "help", text: ui("printHelp") }),
    selfLevelField(),
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
  $("form-title").textContent = schema.appendix ? `${t(schema.title)} (${schema.appendix.toUpperCase()})` : t(schema.title);
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
        if (field.type === "list") box.append(renderList(field, step, rerender));
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
  forgetShownErrors();
  forgetShownResult();
  shownSelfLevel = null;
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
  const index = state.steps.indexOf(stepOf(path));
  if (index >= 0 && index !== state.step) goTo(index, { focus: false });
  let node = document.getElementById(idFor(path)) ?? document.getElementById(idFor(nearest(state.stepOfPath, path)));
  const details = node?.closest("details");
  if (details) details.open = true;
  if (node && !node.matches("input, select, textarea")) node = node.querySelector("input, select, textarea") ?? node;
  node?.focus();
  node?.scrollIntoView({ block: "center" });
}

/** The step marks as shown. */
const shownSteps = { key: null };

/** Marks the steps that hold errors or unanswered questions that still matter. */
function updateStepStatus(errors, unanswered) {
  const flags = new Map();
  for (const u of unanswered) flags.set(stepOf(u.path)?.id, "todo");
  for (const e of errors) flags.set(stepOf(e.path)?.id, "error");
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
  // A state record is evaluated whole here, its errors saying what is missing. The core's
  // partial evaluation and what would change read state records too (docs/state-regimes.md
  // §10); the state sheet does not show them yet.
  if (state.form.rating === "state") {
    const result = evaluate(text);
    if (result.ok) decision = result.value;
    else errors = result.errors;
    lastEvaluation = { text, partial, decision, changes, errors };
    return lastEvaluation;
  }
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
  const evaluation = evaluateText(JSON.stringify(assessment()));
  const { partial, decision, changes } = evaluation;
  // The form fixes the regime, so an error about the regime is about the year that
  // selects it: it is shown at the year.
  const errors = evaluation.errors.map((e) => (e.path === "/regime" ? { ...e, path: "/period/year" } : e));
  lastDecision = decision;
  showErrors(errors);
  renderResult(partial, decision, changes, errors);
  updateConduct();
  updateStepStatus(errors, partial ? partial.unanswered.filter((u) => u.can_change) : []);
  const shownState = decision ? "complete" : partial ? "partial" : "invalid";
  if (document.body.dataset.state !== shownState) document.body.dataset.state = shownState;
  updateSelfLevel(decision);
  if (document.body.classList.contains("preview")) renderOfficial();
}

function renderOfficial() {
  if (!state.schema) return;
  const record = assessment();
  if (state.form.rating === "state") {
    renderStateSheet($("official-form"), { form: state.form, schema: state.schema, record, decision: lastDecision, extra: state.extra, fields: state.fields });
    return;
  }
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
    request: Object.fromEntries(state.request),
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
  state.request = new Map(Object.entries(draft.request ?? {}).filter(([, v]) => typeof v === "string"));
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
  if (record?.rating === "state") return FORMS.find((form) => form.rating === "state" && form.kind === subject.kind) ?? state.form;
  if (subject.kind === "member" && subject.in_political_system === false) return formById("member_outside");
  return FORMS.find((form) => form.request?.kind === subject.kind && !form.request.outside_political_system) ?? state.form;
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
  loadVariantOf(record);
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
  if (target.dataset?.request) {
    // Another variant of the form (a state sheet's employment, month or quarter): the
    // core's schema for it; answers its fields share are kept.
    if (!target.checked) return;
    state.request.set(target.dataset.request, target.value);
    loadSchema();
    renderForm();
    document.getElementById(target.id)?.focus();
    update();
    scheduleSave();
    return;
  }
  if (target.dataset?.extra) {
    if (target.type === "radio" && !target.checked) return;
    if (target.value === "") state.extra.delete(target.dataset.extra);
    else state.extra.set(target.dataset.extra, target.value);
    if (target.dataset.extra === "self_level") updateSelfLevel(lastDecision);
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
  // The variant chosen (employment, month or quarter) holds for the other forms of its rating.
  const request = formById(formId).rating === state.form.rating ? state.request : new Map();
  state.form = formById(formId);
  history.replaceState(null, "", `?kind=${state.form.id}${state.lang === "en" ? "&lang=en" : ""}`);
  const draft = loadDraft(state.form.id);
  let stepId = null;
  if (draft) stepId = restoreDraft(draft);
  else {
    // A form not started yet begins with the record id, the year and the person's header.
    // A state-side sheet is of a year its regimes rate (from 2026), not the party year carried over.
    state.values = new Map([["/id", carried.id ?? "tu-kiem-diem"], ["/period/year", state.form.defaultYear ?? carried.year ?? "2025"]]);
    state.listRows = new Map();
    state.extra = person;
    state.request = request;
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
    state.request = new Map();
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
  // The module and the library's data files (catalogues, profiles) beside it, fetched
  // together; the service worker keeps both for offline use.
  const [, data] = await Promise.all([
    init({ module_or_path: new URL("./pkg/cadre_eval_wasm_bg.wasm", import.meta.url) }),
    fetch(new URL("./pkg/cadre_eval_data.json", import.meta.url)).then((response) => response.text()),
  ]);
  const loaded = loadData(data);
  if (!loaded.ok) $("form-errors").replaceChildren(...loaded.errors.map((e) => el("p", { class: "error", text: t(e.message) })));
  loadCatalogue();
  const params = new URLSearchParams(location.search);
  const asked = params.get("kind");
  state.form = formById(FORMS.some((f) => f.id === asked) ? asked : lastForm());
  const draft = loadDraft(state.form.id);
  let stepId = null;
  if (draft) {
    stepId = restoreDraft(draft);
    if (draft.lang === "en" || draft.lang === "vi") state.lang = draft.lang;
  } else if (state.form.defaultYear) state.values.set("/period/year", state.form.defaultYear);
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
