// The result as a person reads it: the proposed level, the reasons in words with their
// articles (rule ids behind "details"), what would change it as actions, what is still
// missing or wrong; and the running level in the bar at the bottom.
import { $, el } from "./dom.js";
import { BANDS, LEVELS, LEVELS_SHORT } from "./i18n.js";
import { labelledError } from "./fields.js";
import { labelOf, state, stepOf, t, ui } from "./state.js";

/** A reason's article, as a person cites it: "366-QĐ/TW, Điều 11, khoản 4"; an article's
 * notes stand where a clause would: "366-QĐ/TW, Điều 11, ghi chú 2–3". */
function citationOf(reason) {
  const c = reason.citation;
  if (!c) return "";
  const article = state.lang === "vi" ? "Điều" : "Art.";
  const clause = state.lang === "vi" ? "khoản" : "cl.";
  const note = state.lang === "vi" ? "ghi chú" : /[–,]/.test(c.note ?? "") ? "notes" : "note";
  return [c.document, c.article && `${article} ${c.article}`, c.clause && `${clause} ${c.clause}`, c.note && `${note} ${c.note}`]
    .filter(Boolean).join(", ");
}

/** The order reasons are shown in: what decided the level first. */
const EFFECT_ORDER = { decides: 0, needs_decision: 1, blocks: 2 };

/** A reason as shown, in the current language. */
const reasonView = (r) => ({ rule: r.rule, effect: r.effect, cite: citationOf(r), text: t(r.message) });

/** The title of the step a field is on, for the "edit" links. */
const stepTitleOf = (path) => t(stepOf(path)?.title);

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
      periods: periodsView(decision),
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
    errors: errors.slice(0, 8).map((e) => ({ path: e.path, text: labelledError(e) })),
  };
}

/** The components a state decision gives for each period (state-design §10), as the core
 * wrote them (exact fractions; the score also to two decimals): leaders have d, đ, e. */
const COMPONENTS = [["a", "a"], ["b", "b"], ["c", "c"], ["d", "d"], ["dd", "đ"], ["e", "e"]];

function periodsView(decision) {
  const periods = decision.state?.periods ?? [];
  if (!periods.length) return null;
  const shown = COMPONENTS.filter(([key]) => periods.some((p) => p[key] !== undefined && p[key] !== null));
  return {
    columns: shown.map(([, name]) => name),
    rows: periods.map((p) => ({
      period: p.month !== undefined ? ui("monthN", { n: p.month }) : ui("quarterN", { n: p.quarter }),
      counted: p.counted !== false,
      components: shown.map(([key]) => p[key] ?? ""),
      general: p.general ?? "",
      tasks: p.task_results ?? "",
      score: p.score_2dp ?? p.score ?? "",
    })),
  };
}

/** The period table of a state decision: components, general points, task results, score. */
function periodsTable(view) {
  const head = [ui("periodColumn"), ...view.columns, ui("generalColumn"), ui("tasksColumn"), ui("scoreColumn")];
  // A region that scrolls sideways on a narrow phone, reachable by keyboard.
  return el("div", { class: "table-scroll", role: "region", tabindex: "0", "aria-labelledby": "period-scores-caption" }, el("table", { class: "period-scores", id: "period-scores" },
    el("caption", { id: "period-scores-caption", text: ui("periodScores") }),
    el("thead", {}, el("tr", {}, ...head.map((text) => el("th", { scope: "col", text })))),
    el("tbody", {}, ...view.rows.map((row) => el("tr", { "data-counted": String(row.counted) },
      el("th", { scope: "row", text: row.period }),
      ...(row.counted ? [...row.components, row.general, row.tasks, row.score].map((text) => el("td", { text: String(text) }))
        : [el("td", { colspan: String(view.columns.length + 3), text: ui("notCounted") })]))))));
}

const gotoButton = (path, text) => el("button", { type: "button", class: "link", "data-goto": path, text });

function resultNodes(view) {
  const body = [el("p", { class: `level ${view.level ?? ""}`, id: "level", "data-level": view.level ?? "",
    "data-lowest": view.lowest, "data-highest": view.highest, text: view.levelText })];
  if (view.state === "complete") {
    body.push(el("p", { id: "band", "data-band": view.band, text: view.bandText }));
    if (view.periods) body.push(periodsTable(view.periods));
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
      el("li", {}, gotoButton(u.path, `${u.title}: ${u.text}`)))));
  } else if (view.state === "invalid") {
    body.push(el("h3", { text: ui("toFix") }), el("ul", { id: "error-list" }, ...view.errors.map((e) =>
      el("li", {}, gotoButton(e.path, e.text)))));
  }
  return body;
}

let shownResultKey = null;
let shownRunning = null;
let shownGo = null;

/** Forgets what is shown (the page was built again). The running level is kept: the
 * same text set again could be read out again. */
export function forgetShownResult() {
  shownResultKey = null;
  shownGo = null;
}

/** Shows the result and the running level, each redrawn only when its text changes. */
export function renderResult(partial, decision, changes, errors) {
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
