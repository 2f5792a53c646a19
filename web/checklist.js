// The conduct checklist: its items grouped by document, "I complied with all of these"
// per document, each item's answer as three radio buttons with a note, and the counts.
import { el, idFor } from "./dom.js";
import { radios, renderField } from "./fields.js";
import { state, t, ui } from "./state.js";

/** The conduct checklist as shown: per item its nodes and the answer they show; per
 * document its items and nodes. Built with the form, then updated item by item. */
export const conductView = { items: [], documents: [] };

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
export function renderConductSection(section, step, box) {
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
export function updateConduct() {
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
export function complyWithAll(document, checked) {
  const view = conductView.documents.find((d) => d.document === document);
  if (!view) return;
  for (const row of view.rows) {
    const answer = state.values.get(row.answerPath);
    if (checked && answer === undefined) state.values.set(row.answerPath, "complied");
    if (!checked && answer === "complied") state.values.delete(row.answerPath);
  }
}

/** The checklist items with their Vietnamese titles and the answers, for the printed form. */
export function conductForPrint(record) {
  const answers = record.conduct?.answers ?? {};
  const items = conductView.items.map((row) => {
    const id = row.field.conduct_item.id;
    return { title: row.field.label.vi, citation: row.field.conduct_item.citation.vi, answer: answers[id]?.answer, evidence: answers[id]?.evidence };
  });
  const documents = conductView.documents.map((view) => ({ document: view.document ? `Quy định ${view.document}` : "" }));
  return { items, documents };
}
