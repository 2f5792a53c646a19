// The draft kept in the browser (localStorage, one per form, restored on return) and the
// reading of an exported contract JSON back into the form's answers.

const PREFIX = "cadre-eval.form.v1.";

/** The storage, or null where the browser refuses it (private modes, disabled storage). */
function storage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The saved draft of a form, or null. */
export function loadDraft(formId) {
  try {
    const text = storage()?.getItem(`${PREFIX}draft.${formId}`);
    const draft = text ? JSON.parse(text) : null;
    return draft && typeof draft === "object" && draft.values && typeof draft.values === "object" ? draft : null;
  } catch {
    return null;
  }
}

/** Saves a form's draft and remembers the form as the last one used; false when the browser refused. */
export function saveDraft(formId, draft) {
  try {
    const store = storage();
    if (!store) return false;
    store.setItem(`${PREFIX}draft.${formId}`, JSON.stringify(draft));
    store.setItem(`${PREFIX}last-form`, formId);
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(formId) {
  try {
    storage()?.removeItem(`${PREFIX}draft.${formId}`);
  } catch {
    // Nothing was kept, so there is nothing to delete.
  }
}

/** The form used last on this device, or null. */
export function lastForm() {
  try {
    return storage()?.getItem(`${PREFIX}last-form`) ?? null;
  } catch {
    return null;
  }
}

/** Escapes a key for a JSON Pointer. */
const escapeKey = (key) => String(key).replace(/~/g, "~0").replace(/\//g, "~1");

/** The value at a JSON Pointer, or undefined. */
export function valueAt(record, pointer) {
  let node = record;
  for (const key of pointer.split("/").slice(1)) {
    if (node === null || typeof node !== "object") return undefined;
    node = node[key.replace(/~1/g, "/").replace(/~0/g, "~")];
  }
  return node;
}

/** Every leaf of a JSON value, as JSON Pointers. */
function leaves(value, pointer = "", out = []) {
  if (value !== null && typeof value === "object" && Object.keys(value).length) {
    for (const [key, child] of Object.entries(value)) leaves(child, `${pointer}/${escapeKey(key)}`, out);
  } else out.push(pointer);
  return out;
}

/**
 * The answers a contract record gives to a form: `values` (JSON Pointer → text as typed,
 * or "true"/"false"), `listRows` (list path → rows) and `skipped`, the record's leaves
 * that the form has no field for (beside its fixed part), so that the person is told.
 */
export function answersFromRecord(record, schema) {
  const values = new Map();
  const listRows = new Map();
  const used = new Set();
  const take = (path) => {
    const value = valueAt(record, path);
    if (value === undefined || value === null || typeof value === "object") return;
    values.set(path, String(value));
    used.add(path);
  };
  take("/id");
  take("/period/year");
  for (const section of schema.sections) {
    for (const field of section.fields) {
      if (field.type === "group") {
        for (const item of field.item_fields ?? []) take(field.path + item.path);
      } else if (field.type === "list") {
        const rows = valueAt(record, field.path);
        if (!Array.isArray(rows)) continue;
        listRows.set(field.path, rows.length);
        rows.forEach((row, index) => {
          if (row && typeof row === "object" && !Object.keys(row).length) used.add(`${field.path}/${index}`);
          for (const item of field.item_fields ?? []) take(`${field.path}/${index}${item.path}`);
        });
      } else take(field.path);
    }
  }
  // The form's fixed part (regime, subject kind) is the form's own: kept when equal.
  const fixed = schema.fixed ?? {};
  const skipped = leaves(record).filter((path) => path !== "" && !used.has(path) && valueAt(fixed, path) !== valueAt(record, path));
  return { values, listRows, skipped };
}
