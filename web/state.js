// The page's state, shared by its modules, and the words of its current language.
import { FORMS } from "./forms.js";
import { UI, fill } from "./i18n.js";

export const state = {
  lang: "vi",
  form: FORMS[0],
  /** The record's answers by JSON Pointer, as typed (text, or "true"/"false"). */
  values: new Map([["/id", "tu-kiem-diem"], ["/period/year", "2025"]]),
  /** Rows of each list field, by the list's path. */
  listRows: new Map(),
  /** What the page asks beside the record: the form's header, its written parts, place and date. */
  extra: new Map(),
  /** The variant of the form asked for: a value per `request_options` name of its schema. */
  request: new Map(),
  schema: null,
  /** Field metadata by JSON Pointer, for labels and types. */
  fields: new Map(),
  /** The step each field is on, by JSON Pointer. */
  stepOfPath: new Map(),
  steps: [],
  step: 0,
  /** The conduct catalogue: each item's document, and the documents' titles. */
  catalogue: { documentOf: new Map(), documents: new Map() },
};

/** A text of the form schema or of the page ({ vi, en }) in the current language. */
export const t = (text) => (text ? text[state.lang] ?? text.vi : "");

/** An interface string of the page, `{name}` filled from `values`. */
export const ui = (key, values) => {
  // A form may word a string its own way (the state-side sheet is not a party self-review).
  const text = t(state.form.ui?.[key] ?? UI[key]);
  return values ? fill(text, values) : text;
};

/** The year assessed, when it is one the form can take (else 2025, for the form schema). */
export function periodYear() {
  const year = Number(state.values.get("/period/year"));
  return Number.isInteger(year) && year >= 1930 && year <= 2200 ? year : 2025;
}

/** The nearest JSON Pointer that `map` has a key for: `path` itself or the closest one
 * holding it (a list row's field, a checklist item's note), or "" for none. */
export function nearest(map, path) {
  let probe = path;
  while (probe && !map.has(probe)) probe = probe.slice(0, probe.lastIndexOf("/"));
  return probe;
}

/** The step a JSON Pointer is on, or undefined. */
export const stepOf = (path) => state.steps.find((step) => step.id === state.stepOfPath.get(nearest(state.stepOfPath, path)));

/** The label of the field at a JSON Pointer (or of the nearest one holding it). */
export function labelOf(path) {
  const probe = nearest(state.fields, path);
  if (!probe) return path;
  const field = state.fields.get(probe);
  // A checklist item's own fields are named with the item.
  const parent = state.fields.get(probe.slice(0, probe.lastIndexOf("/")));
  return parent?.conduct_item ? `${t(parent.label)}: ${t(field.label)}` : t(field.label);
}
