// Type-checked by `tsc --noEmit` (scripts/test.sh, stage wasm): the generated
// declarations describe the API, and a result must be narrowed by `ok` before use.
import {
  evaluate,
  evaluateMany,
  formSchema,
  whatWouldChange,
  evaluatePartial,
  compare,
  type Assessment,
  type Comparison,
  type DecisionRecord,
  type Level,
} from "../pkg/web/cadre_eval_wasm.js";

const assessment: Assessment = {
  id: "dv-1",
  period: { year: 2025 },
  subject: { kind: "member" },
  score: { general: 27.5, task_results: 63 },
  tasks: { assigned: 12, completed: 12, on_time: 12, exceeded: 3 },
};

const result = evaluate(assessment, { reading: "strict" });
if (result.ok) {
  const record: DecisionRecord = result.value;
  const level: Level | null | undefined = record.level;
  void level;
} else {
  for (const error of result.errors) console.log(error.code, error.path, error.message.en);
}

const many = evaluateMany([assessment, JSON.stringify(assessment)]);
if (many.ok) for (const item of many.value) if (!item.ok) console.log(item.index, item.errors.length);

const form = formSchema({ kind: "leader", on: "2025-12-31" });
if (form.ok) console.log(form.value.sections.map((s) => s.title.vi));

const change = whatWouldChange(assessment);
if (change.ok) console.log(change.value.what_would_change.map((p) => p.reachable));

const partial = evaluatePartial({ ...assessment, score: undefined });
if (partial.ok) console.log(partial.value.lowest, partial.value.highest);

// A record of QĐ 132 grades criteria; its decision says which regime and why.
const graded: Assessment = {
  id: "dv-2022",
  period: { year: 2022 },
  subject: { kind: "collective", collective_kind: "party_organisation" },
  grades: { criteria: { politics: "good" }, task_results: "excellent" },
  tasks: { assigned: 10, completed: 10, on_time: 10, exceeded: 5 },
  conclusions: { disunity: false },
  collective: { member_levels: { excellent: 2, good: 8 }, same_level_bodies_good: true, main_targets_missed: false },
};
const old = evaluate(graded);
if (old.ok) console.log(old.value.regime_info?.document, old.value.regime_info?.selected, old.value.reasons.map((r) => r.basis));

const compared = compare(assessment, { regimes: ["qd366", "qd124"], grades_from_points: "score_shares" });
if (compared.ok) {
  const comparison: Comparison = compared.value;
  for (const result of comparison.results) console.log(result.regime.id, result.decision?.level, result.mapped_grades?.task_results);
  console.log(comparison.topics.filter((t) => t.differs).map((t) => t.title.en));
}
