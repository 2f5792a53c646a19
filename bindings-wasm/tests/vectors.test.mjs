// Every shared test vector through the WASM build for Node, checked with the same
// expectations as the Rust runners (core/tests/vectors.rs, core/tests/form_vectors.rs):
// single records and quota groups of every folder of vectors/ but the other kinds
// (vectors/qd366, qd124, qd132, regimes, groups, … found, not named), then
// vectors/partial, vectors/change and the comparisons of vectors/compare (each with its
// state folder: vectors/state/partial, state/change, state/compare). The organisation
// trees (vectors/org) are not part of the WASM API.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const wasm = createRequire(import.meta.url)("../pkg/node/cadre_eval_wasm.js");
// The library's data files, shipped beside the module (`loadData`).
assert.equal(wasm.loadData(readFileSync(path.join(here, "../pkg/node/cadre_eval_data.json"), "utf8")).ok, true);
const vectorsDir = path.join(here, "..", "..", "vectors");

function load(folder, key) {
  const dir = path.join(vectorsDir, folder);
  const out = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    const parsed = JSON.parse(readFileSync(path.join(dir, file), "utf8"));
    for (const vector of parsed[key] ?? []) out.push({ file, vector });
  }
  assert.ok(out.length > 0, `no ${key} under vectors/${folder}`);
  return out;
}

// Folders of other kinds, with their own runners; core/tests/vectors.rs skips the same.
const otherKinds = new Set(["org", "partial", "change", "compare", "sheets"]);

// Every `.json` file of single-record and group vectors, at any depth, relative to vectors/.
function sharedFiles(dir = vectorsDir) {
  const files = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (!otherKinds.has(name)) files.push(...sharedFiles(full));
    } else if (name.endsWith(".json")) {
      files.push(path.relative(vectorsDir, full).split(path.sep).join("/"));
    }
  }
  return files;
}

function loadShared(key) {
  const out = [];
  for (const file of sharedFiles()) {
    const parsed = JSON.parse(readFileSync(path.join(vectorsDir, file), "utf8"));
    for (const vector of parsed[key] ?? []) out.push({ file, vector });
  }
  assert.ok(out.length > 0, `no ${key} under vectors/`);
  return out;
}

const single = loadShared("vectors");
// A group vector holding state records runs through the same call with the pair form
// and both quotas (its own test below).
const isStateGroup = (vector) =>
  [...vector.inputs, vector.template ?? {}].some((r) => r.rating === "state" || "state_rating" in r);
const allGroups = loadShared("groups");
const groups = allGroups.filter(({ vector }) => !isStateGroup(vector));
const stateGroups = allGroups.filter(({ vector }) => isStateGroup(vector));

test("every folder of single-record and group vectors is run", () => {
  const folders = readdirSync(vectorsDir)
    .filter((name) => statSync(path.join(vectorsDir, name)).isDirectory() && !otherKinds.has(name))
    .sort();
  const run = [...new Set([...single, ...allGroups].map(({ file }) => file.split("/")[0]))].sort();
  assert.deepEqual(run, folders);
  for (const folder of ["qd366", "groups"]) assert.ok(run.includes(folder), folder);
  // Every regime is evaluated by some decision vector.
  const regimes = new Set(
    single
      .filter(({ vector }) => !vector.expect.errors)
      .map(({ vector }) => wasm.evaluate(vector.input, vector.options).value?.regime),
  );
  // `sort` orders null as the text "null": between nd90 and qd124.
  assert.deepEqual([...regimes].sort(), ["nd233", "nd335", "nd90", null, "qd124", "qd132", "qd366"]);
});

const levelOrder = [null, "not_completed", "completed", "good", "excellent"];
const rank = (level) => levelOrder.indexOf(level ?? null);
const errorList = (errors) => errors.map(({ code, path }) => ({ code, path }));

// Runs each vector as its own subtest, so a failure names the file and the vector.
function each(list, check) {
  return async (t) => {
    for (const { file, vector } of list) {
      await t.test(`${file} / ${vector.name}`, () => check(vector));
    }
  };
}

// An exact number from "n/d", "n", a decimal string or a JSON number, as [numerator,
// denominator] BigInts in lowest terms; null when not a number.
function exact(value) {
  if (typeof value === "boolean" || value === null || value === undefined) return null;
  const text = String(value);
  let n;
  let d = 1n;
  const slash = text.match(/^(-?\d+)\/(\d+)$/);
  const decimal = text.match(/^(-?\d+)(?:\.(\d+))?$/);
  if (slash) {
    n = BigInt(slash[1]);
    d = BigInt(slash[2]);
  } else if (decimal) {
    const fraction = decimal[2] ?? "";
    n = BigInt(decimal[1] + fraction);
    d = 10n ** BigInt(fraction.length);
  } else {
    return null;
  }
  if (d === 0n) return null;
  const gcd = (a, b) => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
  const g = gcd(n, d) || 1n;
  return [n / g, d / g];
}

// Equal, or equal as exact numbers (core/tests/vectors.rs `agrees`).
function agrees(got, wanted) {
  if (JSON.stringify(got) === JSON.stringify(wanted)) return true;
  const a = exact(got);
  const b = exact(wanted);
  return a !== null && b !== null && a[0] === b[0] && a[1] === b[1];
}

// The state keys: regime, score, mean, periods.
function checkState(record, expect) {
  if ("regime" in expect) assert.equal(record.regime ?? null, expect.regime, "regime");
  if ("score" in expect) {
    const same = expect.score === null ? record.score == null : agrees(record.score, expect.score);
    assert.ok(same, `score ${record.score} != ${expect.score}`);
  }
  if (expect.mean !== undefined) assert.ok(agrees(record.state?.mean, expect.mean), `mean ${record.state?.mean}`);
  if (expect.periods !== undefined) {
    const periods = record.state?.periods ?? [];
    assert.equal(periods.length, expect.periods.length, "periods");
    expect.periods.forEach((wanted, i) => {
      for (const [key, value] of Object.entries(wanted)) {
        assert.ok(agrees(periods[i][key] ?? null, value), `periods[${i}].${key}: ${periods[i][key]} != ${value}`);
      }
    });
  }
}

function checkDecision(record, expect) {
  checkState(record, expect);
  assert.equal(record.outcome, expect.outcome, "outcome");
  assert.ok("level" in expect, "expect.level is required for a decision vector");
  assert.equal(record.level ?? null, expect.level, "level");
  assert.equal(record.needs_decision, expect.needs_decision, "needs_decision");
  if (expect.band !== undefined) assert.equal(record.band, expect.band, "band");
  assert.ok((expect.rules ?? []).length > 0, "expect.rules must name at least one rule");
  const ids = record.reasons.map((r) => r.rule);
  for (const rule of expect.rules) assert.ok(ids.includes(rule), `rule ${rule} missing; reasons: ${ids}`);
  for (const rule of expect.absent_rules ?? []) assert.ok(!ids.includes(rule), `rule ${rule} must not appear`);
  for (const wanted of expect.reasons ?? []) {
    const found = record.reasons.some(
      (r) =>
        r.rule === wanted.rule &&
        (wanted.holds === undefined || wanted.holds === r.holds) &&
        (wanted.effect === undefined || wanted.effect === r.effect) &&
        (wanted.level === undefined || wanted.level === r.level) &&
        (wanted.basis === undefined || wanted.basis === r.basis) &&
        (wanted.document === undefined || wanted.document === r.citation.document) &&
        Object.entries(wanted.values ?? {}).every(([key, value]) => key in r.values && agrees(r.values[key], value)),
    );
    assert.ok(found, `no reason matching ${JSON.stringify(wanted)}`);
  }
  if (expect.alternatives !== undefined) {
    // `needs_decision` is written only when true, and checked when the vector gives it.
    assert.deepEqual(
      record.alternatives.map((a, i) => ({
        level: a.level ?? null,
        if: a.if,
        ...("needs_decision" in (expect.alternatives[i] ?? {}) ? { needs_decision: a.needs_decision ?? false } : {}),
      })),
      expect.alternatives,
      "alternatives",
    );
  }
  if (expect.guideline !== undefined) {
    assert.equal(record.regime_info.guideline, expect.guideline, "guideline");
  }
}

test(
  "every single-record vector gives its expected decision",
  each(single, (vector) => {
    // The input goes in as a JavaScript value, as a form would give it.
    const result = wasm.evaluate(vector.input, vector.options);
    if (vector.expect.errors) {
      assert.equal(result.ok, false, `expected errors, got level ${result.value?.level}`);
      assert.deepEqual(errorList(result.errors), vector.expect.errors);
    } else {
      assert.ok(result.ok, `unexpected errors: ${JSON.stringify(result.errors)}`);
      checkDecision(result.value, vector.expect);
    }
  }),
);

test(
  "the same vectors as JSON text give the same results as values",
  each(single, (vector) => {
    const fromValue = wasm.evaluate(vector.input, vector.options);
    const fromText = wasm.evaluate(JSON.stringify(vector.input), vector.options);
    if (fromValue.ok) {
      assert.deepEqual(fromText, fromValue);
    } else {
      // A syntax message names a column, and the two texts order keys differently.
      assert.equal(fromText.ok, false);
      assert.deepEqual(errorList(fromText.errors), errorList(fromValue.errors));
    }
  }),
);

test(
  "every group vector gives its expected quota",
  each(groups, (vector) => {
    const inputs = vector.inputs.map((input) => ({ ...(vector.template ?? {}), ...input }));
    const result = wasm.applyQuota(inputs, vector.options, vector.quota);
    assert.ok(result.ok, JSON.stringify(result.errors));
    const rejected = result.value.items.filter((i) => !i.ok);
    assert.deepEqual(rejected, [], "every input is evaluated");
    const decisions = result.value.items.map((i) => i.value);
    assert.deepEqual(result.value.groups, vector.expect.groups, "group reports");
    const byId = new Map(decisions.map((d) => [d.id, d]));
    for (const [id, level] of Object.entries(vector.expect.levels)) {
      assert.ok(byId.has(id), `${id} missing`);
      assert.equal(byId.get(id).level ?? null, level, `${id}: level`);
    }
    const demoted = decisions.filter((d) => d.quota?.demoted).map((d) => d.id);
    assert.deepEqual(demoted.sort(), [...vector.expect.demoted].sort(), "demoted");
    const needs = decisions.filter((d) => d.needs_decision).map((d) => d.id);
    assert.deepEqual(needs.sort(), [...vector.expect.needs_decision].sort(), "needs_decision");
    for (const rule of vector.expect.rules) {
      const has = (d) => d.reasons.some((r) => r.rule === rule);
      assert.ok(decisions.filter((d) => d.quota?.demoted).every(has) && decisions.some(has), `rule ${rule}`);
    }
  }),
);

// As core/tests/vectors.rs checks them: decisions named by id, a pair's state decision
// `<id>@state`; the state quota reports compared in order on the keys listed.
test(
  "every state group vector gives its expected levels and quota reports",
  each(stateGroups, (vector) => {
    const inputs = vector.inputs.map((input) => ({ ...(vector.template ?? {}), ...input }));
    const result = wasm.applyQuota(inputs, vector.options, vector.quota);
    assert.ok(result.ok, JSON.stringify(result.errors));
    const partyIds = new Set(vector.inputs.filter((i) => i.rating !== "state").map((i) => i.id));
    const nameOf = (id, rating) => (rating === "state" && partyIds.has(id) ? `${id}@state` : id);
    const named = new Map();
    const rejected = [];
    for (const item of result.value.items) {
      if (item.ok) {
        named.set(nameOf(item.value.id, item.value.rating), item.value);
      } else {
        const rating = inputs[item.index]?.rating;
        for (const error of item.errors) {
          rejected.push({ id: nameOf(item.id, rating), code: error.code, path: error.path });
        }
      }
    }
    const expect = vector.expect;
    assert.deepEqual(result.value.groups, expect.groups, "party group reports");
    const got = result.value.state_groups;
    const wanted = expect.state_groups ?? [];
    assert.ok(got.length >= wanted.length, `state groups: ${JSON.stringify(got)}`);
    wanted.forEach((report, index) => {
      for (const [key, value] of Object.entries(report)) {
        assert.deepEqual(got[index][key], value, `state_groups[${index}].${key}`);
      }
    });
    for (const [name, level] of Object.entries(expect.levels)) {
      assert.ok(named.has(name), `${name} missing`);
      assert.equal(named.get(name).level ?? null, level, `${name}: level`);
    }
    const names = [...named.entries()];
    const demoted = names.filter(([, d]) => d.quota?.demoted).map(([n]) => n);
    assert.deepEqual(demoted.sort(), [...expect.demoted].sort(), "demoted");
    const needs = names.filter(([, d]) => d.needs_decision).map(([n]) => n);
    assert.deepEqual(needs.sort(), [...expect.needs_decision].sort(), "needs_decision");
    for (const rule of expect.rules) {
      assert.ok(names.some(([, d]) => d.reasons.some((r) => r.rule === rule)), `rule ${rule}`);
    }
    for (const [name, score] of Object.entries(expect.scores ?? {})) {
      assert.equal(named.get(name)?.score, score, `${name}: score`);
    }
    for (const [name, reasons] of Object.entries(expect.reasons ?? {})) {
      for (const want of reasons) {
        assert.ok(
          named.get(name)?.reasons.some((r) => r.rule === want.rule),
          `${name}: no reason ${want.rule}`,
        );
      }
    }
    for (const want of expect.rejected ?? []) {
      assert.ok(
        rejected.some((r) => r.id === want.id && r.code === want.code && r.path === want.path),
        `not rejected as expected: ${JSON.stringify(want)} (got ${JSON.stringify(rejected)})`,
      );
    }
  }),
);

test(
  "every partial vector gives its expected result",
  each([...load("partial", "vectors"), ...load("state/partial", "vectors")], (vector) => {
    const expect = vector.expect;
    const result = wasm.evaluatePartial(vector.input, vector.options);
    if (expect.errors) {
      assert.equal(result.ok, false, "expected errors");
      assert.deepEqual(errorList(result.errors), expect.errors);
      return;
    }
    assert.ok(result.ok, `unexpected errors: ${JSON.stringify(result.errors)}`);
    const got = result.value;
    assert.equal(got.complete, expect.complete, "complete");
    assert.ok("lowest" in expect && "highest" in expect, "expect.lowest and expect.highest are required");
    assert.equal(got.lowest ?? null, expect.lowest, "lowest");
    assert.equal(got.highest ?? null, expect.highest, "highest");
    const unanswered = Object.fromEntries(got.unanswered.map((f) => [f.path, f.can_change]));
    assert.equal(Object.keys(unanswered).length, got.unanswered.length, "a field listed twice");
    assert.deepEqual(unanswered, expect.unanswered, "unanswered");
    assert.equal(got.complete, got.unanswered.length === 0, "complete means nothing unanswered");
    assert.equal(got.complete, got.decision != null, "a complete result carries its decision");
    assert.ok(rank(got.lowest) <= rank(got.highest), "lowest above highest");
  }),
);

// Sets `value` at the JSON Pointer `pointer` of `record`, creating objects on the way.
function setAt(record, pointer, value) {
  const segments = pointer.replace(/^\//, "").split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  let at = record;
  for (const segment of segments.slice(0, -1)) {
    if (typeof at[segment] !== "object" || at[segment] === null) at[segment] = {};
    at = at[segment];
  }
  at[segments.at(-1)] = value;
}

function reaches(input, level, changes, options) {
  const record = structuredClone(input);
  for (const { path: pointer, to } of changes) setAt(record, pointer, to);
  const result = wasm.evaluate(record, options);
  assert.ok(result.ok, `applying ${JSON.stringify(changes)} makes the input invalid`);
  assert.equal(result.value.outcome, "classified");
  assert.ok(rank(result.value.level) >= rank(level), `applying ${JSON.stringify(changes)} gives ${result.value.level}`);
}

test(
  "every what-would-change vector gives its expected paths",
  each([...load("change", "vectors"), ...load("state/change", "vectors")], (vector) => {
    const result = wasm.whatWouldChange(vector.input, vector.options);
    assert.ok(result.ok, `input rejected: ${JSON.stringify(result.errors)}`);
    const paths = result.value.what_would_change;
    const wanted = vector.expect.paths;
    assert.deepEqual(paths.map((p) => p.level), wanted.map((w) => w.level), "levels");
    paths.forEach((got, i) => {
      const want = wanted[i];
      assert.equal(got.reachable, want.reachable, `${got.level}: reachable`);
      // Numbers compare as numbers: 50 and 50.0 are the same JavaScript value.
      assert.deepEqual(
        got.changes.map((c) => ({ path: c.path, to: c.to })),
        want.changes.map((c) => ({ path: c.path, to: c.to })),
        `${got.level}: changes`,
      );
      assert.deepEqual(got.blockers.map((b) => b.rule), want.blockers, `${got.level}: blockers`);
      got.changes.forEach((c, j) => {
        const text = want.changes[j]?.en;
        if (text) assert.ok(c.message.en.includes(text), `${c.message.en} does not contain ${text}`);
      });
    });
    for (const got of paths) {
      if (got.reachable) {
        assert.ok(got.changes.length > 0 && got.blockers.length === 0, `${got.level}: reachable needs changes`);
        reaches(vector.input, got.level, got.changes, vector.options);
      } else {
        assert.ok(got.changes.length === 0 && got.blockers.length > 0, `${got.level}: unreachable needs blockers`);
      }
    }
    for (const want of wanted.filter((w) => w.reachable)) reaches(vector.input, want.level, want.changes, vector.options);
  }),
);

// A state record compared without naming regimes is compared under the state ones, the
// one in force first.
const defaultRegimes = (input, inForce) =>
  input.rating === "state"
    ? [inForce, ...["nd335", "nd233", "nd90"].filter((r) => r !== inForce)].filter(Boolean)
    : ["qd366", "qd124", "qd132"];

// The state and party comparison (`options.state_party`) is the call's records side by
// side: compareStateParty.
const comparisons = [...load("compare", "comparisons"), ...load("state/compare", "comparisons")];

test(
  "every state and party comparison vector gives its expected people",
  each(comparisons.filter(({ vector }) => vector.options?.state_party), (vector) => {
    const result = wasm.compareStateParty(vector.input);
    assert.ok(result.ok, `not compared: ${JSON.stringify(result.errors)}`);
    const { people, totals, rejected } = result.value;
    assert.deepEqual(rejected, [], "rejected");
    const got = Object.fromEntries(
      people.map((p) => [p.id, { state: p.state.level, party: p.party.level ?? null, agree: p.agree, mismatch: p.mismatch ?? null }]),
    );
    assert.deepEqual(got, vector.expect.people, "people");
    assert.equal(totals.people, people.length, "totals");
  }),
);

test(
  "every comparison vector gives its expected result",
  each(comparisons.filter(({ vector }) => !vector.options?.state_party), (vector) => {
    const options = vector.options ?? {};
    const result = wasm.compare(vector.input, options);
    assert.ok(result.ok, `not compared: ${JSON.stringify(result.errors)}`);
    const comparison = result.value;
    const expect = vector.expect;
    const regimes = options.regimes ?? defaultRegimes(vector.input, comparison.in_force);
    if (expect.in_force !== undefined) assert.equal(comparison.in_force, expect.in_force, "in_force");
    assert.deepEqual(comparison.results.map((r) => r.regime.id), regimes, "regimes compared, in order");
    comparison.results.forEach((got, i) => {
      const regime = got.regime.id;
      assert.ok(regime in expect.levels, `${regime}: no expected level`);
      assert.equal(comparison.levels[i] ?? null, expect.levels[regime], `${regime}: level`);
      assert.equal(got.decision?.level ?? null, comparison.levels[i] ?? null, `${regime}: decision level`);
      assert.deepEqual(errorList(got.errors), expect.errors?.[regime] ?? [], `${regime}: errors`);
      if (expect.selected?.[regime] !== undefined) {
        assert.equal(got.regime.selected, expect.selected[regime], `${regime}: selected`);
      }
      if (got.decision) assert.equal(got.decision.regime_info.selected, got.regime.selected, `${regime}: the decision's selection`);
      assert.deepEqual(got.mapped_grades ?? null, expect.mapped_grades?.[regime] ?? null, `${regime}: mapped grades`);
    });
    assert.equal(comparison.levels_agree, expect.levels_agree, "levels_agree");
    const differs = comparison.topics.filter((t) => t.differs).map((t) => t.topic);
    assert.deepEqual(differs.sort(), [...expect.differs].sort(), "differs");
    for (const topic of comparison.topics.filter((t) => t.differs)) {
      assert.equal(topic.rules.length, regimes.length, `${topic.topic}: rule summaries`);
    }
  }),
);

test("compare checks its options and reads a record given as text", () => {
  const { vector } = load("compare", "comparisons")[0];
  const asText = wasm.compare(JSON.stringify(vector.input), { regimes: ["qd124", "qd124", "qd366"] });
  assert.ok(asText.ok);
  assert.deepEqual(asText.value.results.map((r) => r.regime.id), ["qd124", "qd366"]);
  const asValue = wasm.compare(vector.input, { regimes: ["qd124", "qd366"] });
  assert.deepEqual(asText, asValue);
  for (const options of [{ regimes: [] }, { regimes: ["qd999"] }, { grades_from_points: "rounded" }, { regime: "qd124" }]) {
    const result = wasm.compare(vector.input, options);
    assert.equal(result.ok, false, JSON.stringify(options));
    assert.equal(result.errors[0].code, "invalid_value", JSON.stringify(options));
  }
  const unreadable = wasm.compare({ id: "x" });
  assert.equal(unreadable.ok, false);
  assert.ok(unreadable.errors.some((e) => e.code === "missing_field"));
});
