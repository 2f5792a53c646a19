// The binding's own behaviour: tagged results instead of exceptions, batches that keep
// going past bad records, the quota, forms and the conduct catalogue. Expected values
// come from the Rust API's documented behaviour (its vectors and the CLI), not from
// this binding's output.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const wasm = createRequire(import.meta.url)("../pkg/node/cadre_eval_wasm.js");
const data = readFileSync(new URL("../pkg/node/cadre_eval_data.json", import.meta.url), "utf8");

// Runs first (node:test runs a file's tests in order, each file in a process of its own).
test("the data files are loaded once, beside the module; without them the calls that need them say so", () => {
  const before = wasm.conductCatalogue();
  assert.equal(before.ok, false);
  assert.ok(before.errors[0].message.en.includes("data files have not been given"), before.errors[0].message.en);
  const bad = wasm.loadData(JSON.stringify({ "conduct-catalogue.json": "{}" }));
  assert.equal(bad.ok, false);
  assert.ok(bad.errors.some((e) => e.code === "missing_field" && e.path === "/criteria~1catalogue-pl1.json"), JSON.stringify(bad.errors));
  assert.deepEqual(wasm.loadData(data), { ok: true, value: null });
  assert.equal(wasm.conductCatalogue().ok, true);
  assert.deepEqual(wasm.loadData(data), { ok: true, value: null }); // the same files again
  const other = JSON.parse(data);
  other["conduct-catalogue.json"] += " ";
  assert.equal(wasm.loadData(JSON.stringify(other)).ok, false); // other files once given
});

const member = {
  id: "dv-0042",
  period: { year: 2025 },
  subject: { kind: "member" },
  score: { general: 27.5, task_results: 63 },
  tasks: { assigned: 12, completed: 12, on_time: 12, exceeded: 3 },
};

test("a decision comes back tagged ok with the contract's record", () => {
  const result = wasm.evaluate(member);
  assert.equal(result.ok, true);
  assert.equal(result.value.level, "good"); // the README's example: 3 of 12 is 25% < 30%
  assert.equal(result.value.reasons[1].rule, "qd366.11.1.N");
});

test("bad input is a tagged failure with every error, never an exception", () => {
  const result = wasm.evaluate({ ...member, score: { general: 31, task_results: 63 }, colour: "red" });
  assert.equal(result.ok, false);
  const paths = result.errors.map((e) => e.path);
  assert.ok(paths.includes("/colour") && paths.includes("/score/general"), JSON.stringify(paths));
  for (const error of result.errors) {
    assert.equal(typeof error.code, "string");
    assert.ok(error.message.vi.length > 0 && error.message.en.length > 0);
  }
  for (const value of [undefined, null, 42, "not json", [1, 2]]) {
    const bad = wasm.evaluate(value);
    assert.equal(bad.ok, false, `evaluate(${JSON.stringify(value)})`);
    assert.ok(bad.errors.length > 0);
  }
  const badOptions = wasm.evaluate(member, { reading: "lenient" });
  assert.equal(badOptions.ok, false);
});

test("evaluateMany evaluates the good records and reports the bad ones by index", () => {
  const result = wasm.evaluateMany([member, { id: "x", oops: true }, { ...member, id: "dv-2" }]);
  assert.equal(result.ok, true);
  const [first, second, third] = result.value;
  assert.equal(first.ok, true);
  assert.equal(first.value.id, "dv-0042");
  assert.equal(second.ok, false);
  assert.equal(second.index, 1);
  assert.equal(second.id, "x");
  assert.ok(second.errors.length > 0);
  assert.equal(third.value.id, "dv-2");
  assert.equal(wasm.evaluateMany({ not: "an array" }).ok, false);
});

test("applyQuota demotes beyond 20% of the Good count, in input order", () => {
  const excellent = (id) => ({
    ...member,
    id,
    score: { general: 29, task_results: 66 },
    tasks: { assigned: 10, completed: 10, on_time: 10, exceeded: 5 },
  });
  // Two Excellent candidates and no Good: the final-tally reading admits floor(1·2/6) = 0.
  const result = wasm.applyQuota([excellent("a"), excellent("b")]);
  assert.equal(result.ok, true, JSON.stringify(result.errors));
  assert.deepEqual(result.value.items.map((i) => i.value.id), ["a", "b"]);
  assert.equal(result.value.groups.length, 1);
  assert.equal(result.value.groups[0].candidates, 2);
  assert.equal(result.value.groups[0].e_max, 0);
  assert.ok(result.value.items.every((i) => i.value.level === "good" && i.value.quota.demoted));
});

test("formSchema renders the member's form 2B and rejects unknown profiles", () => {
  const form = wasm.formSchema({ kind: "member", on: "2025-12-31" });
  assert.equal(form.ok, true, JSON.stringify(form.errors));
  assert.equal(form.value.form, "2B");
  assert.ok(form.value.sections.length > 3);
  assert.equal(wasm.formSchema({ kind: "leader", on: "2025-12-31" }).value.form, "2A");
  const bad = wasm.formSchema({ kind: "member", on: "2025-12-31" }, "no-such-profile");
  assert.equal(bad.ok, false);
  assert.equal(bad.errors[0].path, "/profile");
  assert.equal(wasm.formSchema({ kind: "alien", on: "2025-12-31" }).ok, false);
});

test("the conduct catalogue and the items for a role", () => {
  const catalogue = wasm.conductCatalogue();
  assert.equal(catalogue.ok, true);
  assert.ok(catalogue.value.items.length >= 90);
  const items = wasm.conductItems({ subject: "member" }, "2025-12-31");
  assert.equal(items.ok, true, JSON.stringify(items.errors));
  assert.ok(items.value.length > 0 && items.value.length < catalogue.value.items.length);
  const leaderItems = wasm.conductItems({ subject: "leader" }, "2025-12-31");
  assert.ok(leaderItems.value.length > items.value.length);
  assert.equal(wasm.conductItems({ subject: "member" }, "2025-02-30").ok, false);
});
