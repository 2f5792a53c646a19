// Type-checked by `tsc --noEmit` (scripts/test.sh, stage wasm): the generated
// declarations describe the API, and a result must be narrowed by `ok` before use.
import {
  evaluate,
  evaluateMany,
  formSchema,
  whatWouldChange,
  evaluatePartial,
  type Assessment,
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
