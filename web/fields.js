// The record's fields as controls: labelled inputs, drop-downs, yes/no radio buttons,
// lists of rows; and the contract's errors shown next to the field they name.
import { $, el, idFor } from "./dom.js";
import { labelOf, state, t, ui } from "./state.js";

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
    // "khoản 1", "khoản 2" → "khoản 1, 2": the word ("khoản", "ghi chú") is said once.
    const word = tails[0]?.slice(0, tails[0].lastIndexOf(" "));
    const joined = tails.map((tail, i) => (i > 0 && tails.every((x) => x.startsWith(`${word} `)) ? tail.slice(word.length + 1) : tail));
    return [head, joined.join(", ")].filter(Boolean).join(", ");
  }).join("; ");
}

/** A field's help and its citations, as one line. */
function helpText(field) {
  return [t(field.help), citationsText(field)].filter(Boolean).join(" — ");
}

/** Radio buttons for the options of a choice (`options`: value and label). */
export function radios(path, options) {
  const value = state.values.get(path);
  return options.map((option) => {
    const id = `${idFor(path)}-${option.value}`;
    const radio = el("input", { type: "radio", id, name: path, value: option.value, "data-path": path });
    radio.checked = value === option.value;
    return el("label", { class: "choice", for: id }, radio, el("span", { text: option.label }));
  });
}

/** A variant of the form the core offers (a schema's `request_options` entry: a state
 * sheet's employment, month or quarter) as radio buttons; choosing one asks the core
 * for that variant's schema (`data-request`). */
export function renderRequestOption(option) {
  const id = `request-${option.name}`;
  return el("fieldset", { class: "field boolean", id, "aria-describedby": `${id}-help` },
    el("legend", {}, t(option.label), el("span", { class: "required", "aria-hidden": "true", text: " *" })),
    el("div", { class: "choices" }, ...option.options.map((choice) => {
      const radio = el("input", { type: "radio", id: `${id}-${choice.value}`, name: id, value: choice.value, "data-request": option.name });
      radio.checked = choice.value === option.value;
      return el("label", { class: "choice", for: radio.id }, radio, el("span", { text: t(choice.label) }));
    })),
    el("p", { class: "help", id: `${id}-help`, text: t(option.help) }));
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
export function renderField(field, path, step, { compact = false, cite = true } = {}) {
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

/** A list field (discipline decisions): its rows, each with a remove button, and an add
 * button. The form is built again when rows come or go: `rebuild` does that. */
export function renderList(field, step, rebuild) {
  state.fields.set(field.path, field);
  state.stepOfPath.set(field.path, step.id);
  const rows = state.listRows.get(field.path) ?? 0;
  const box = el("fieldset", { class: "list", "data-path": field.path, id: idFor(field.path) }, el("legend", { text: t(field.label) }),
    helpText(field) ? el("p", { class: "help", text: helpText(field) }) : null);
  for (let row = 0; row < rows; row++) {
    const rowBox = el("fieldset", { class: "row" }, el("legend", { text: `${t(field.label)} ${row + 1}` }));
    for (const item of field.item_fields ?? []) rowBox.append(renderField(item, `${field.path}/${row}${item.path}`, step, { compact: true }));
    const remove = el("button", { type: "button", class: "secondary", text: `${ui("remove")}: ${t(field.label)} ${row + 1}` });
    remove.addEventListener("click", () => removeRow(field.path, row, field, rebuild));
    rowBox.append(remove);
    box.append(rowBox);
  }
  const add = el("button", { type: "button", class: "secondary", id: `${idFor(field.path)}-add`, text: `${ui("add")}: ${t(field.label)}` });
  add.addEventListener("click", () => {
    state.listRows.set(field.path, rows + 1);
    rebuild();
    document.getElementById(idFor(`${field.path}/${rows}${field.item_fields[0].path}`))?.focus();
  });
  box.append(add, el("p", { class: "error", id: `${idFor(field.path)}-error` }));
  return box;
}

/** Removes a row of a list: the rows after it move up. */
function removeRow(listPath, row, field, rebuild) {
  const rows = state.listRows.get(listPath) ?? 0;
  for (let r = row; r < rows; r++) {
    for (const item of field.item_fields) {
      const next = state.values.get(`${listPath}/${r + 1}${item.path}`);
      if (next === undefined) state.values.delete(`${listPath}/${r}${item.path}`);
      else state.values.set(`${listPath}/${r}${item.path}`, next);
    }
  }
  state.listRows.set(listPath, rows - 1);
  rebuild();
  $(`${idFor(listPath)}-add`)?.focus();
}

/** An error's message for a person. A missing answer is said plainly (by its stable
 * code; `atField`: shown next to that very field); in any other message a JSON Pointer
 * it quotes is replaced by the field's label. */
function errorText(error, { atField = false } = {}) {
  if (error.code === "missing_field") return atField ? ui("missingHere") : ui("missingAnswer", { label: labelOf(error.path) });
  return t(error.message).replace(/`(\/[^`]*)`/g, (all, path) => `«${labelOf(path)}»`);
}

/** The error texts and invalid marks on the page, so that a keystroke that leaves the
 * errors as they were touches no node, and one that changes them touches only theirs. */
const shownErrors = { key: null, texts: [], invalid: [] };

/** An error as a line of a list: the field's label, then the message (which names it already when an answer is missing). */
export const labelledError = (error) => (error.code === "missing_field" ? errorText(error) : `${labelOf(error.path)}: ${errorText(error)}`);

/** Forgets what is shown (the form was built again: its error slots are new nodes). */
export function forgetShownErrors() {
  shownErrors.key = null;
}

/** Shows each error next to the field it names (or the nearest one holding it); the rest above the form. */
export function showErrors(errors) {
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
      const text = errorText(error, { atField: probe === error.path });
      target.textContent = [texts.has(target) ? target.textContent : "", text].filter(Boolean).join(" ");
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
    el("p", { class: "error", "data-error-path": e.path, text: labelledError(e) })));
}
