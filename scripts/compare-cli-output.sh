#!/usr/bin/env bash
# Runs two builds of the command-line tool over the same commands and compares what they
# write: stdout, stderr and the exit code of each, byte for byte. For a change that must
# not change behaviour (a refactoring), run the build before and the build after:
#
#   scripts/compare-cli-output.sh BASE_BIN NEW_BIN
#
# BASE_BIN is, for example, a `cadre-eval` built from the base commit (`git worktree add
# /tmp/base REV && cargo build --release -p cadre-eval-cli` there); NEW_BIN defaults to
# target/release/cadre-eval. Every file of examples/ is given to every command that reads
# a file (`evaluate` with and without `--quota`, as an array and as JSON Lines, `org`,
# `compare`, `compare --org`, `partial`, `what-would-change`), in JSON and as tables in
# both languages; then the commands that take no file (`rules`, `schema`, `conduct`,
# `form-schema`) and a file of bad records (the error output). Exits 0 when every output
# is the same, 1 (listing the commands that differ, with a diff of the first) otherwise.

set -euo pipefail

if [[ $# -lt 1 || $# -gt 2 ]]; then
    sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 2
fi
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BASE_BIN="$(realpath "$1")"
NEW_BIN="$(realpath "${2:-$REPO_ROOT/target/release/cadre-eval}")"
for bin in "$BASE_BIN" "$NEW_BIN"; do
    [[ -x "$bin" ]] || { echo "not an executable: $bin" >&2; exit 2; }
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/cadre-eval-cli-compare.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
# Both under the same name: clap writes the binary's name into usage messages.
mkdir -p "$WORK/bin-base" "$WORK/bin-new"
cp "$BASE_BIN" "$WORK/bin-base/cadre-eval"
cp "$NEW_BIN" "$WORK/bin-new/cadre-eval"
BASE_BIN="$WORK/bin-base/cadre-eval"
NEW_BIN="$WORK/bin-new/cadre-eval"
INPUTS="$WORK/inputs"
mkdir -p "$INPUTS"

# The inputs: every example as it is, each JSON array also as JSON Lines and its first
# record alone, and a file of bad records.
cp "$REPO_ROOT"/examples/*.json "$INPUTS"/
python3 - "$INPUTS" <<'EOF'
import json, pathlib, sys
folder = pathlib.Path(sys.argv[1])
for path in sorted(folder.glob("*.json")):
    value = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(value, list) and value:
        (folder / (path.stem + ".jsonl")).write_text(
            "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in value), encoding="utf-8")
        (folder / (path.stem + ".first.json")).write_text(
            json.dumps(value[0], ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
bad = [
    {"id": "ok-1", "period": {"year": 2025}, "subject": {"kind": "member", "admitted_on": "2019-05-19"},
     "score": {"general": 27.5, "task_results": 63},
     "tasks": {"assigned": 12, "completed": 12, "on_time": 12, "exceeded": 4}},
    {"id": "bad-1", "period": {"year": 2025}, "subject": {"kind": "member"},
     "score": {"general": 31, "task_results": 63.125}, "tasks": {"assigned": 2, "completed": 3, "on_time": 1, "exceeded": 0},
     "bogus": 1},
    {"id": 7, "period": {"quarter": 9}, "subject": {"kind": "boss"}},
    {"id": "bad-3", "period": {"year": 2025}, "regime": "qd124", "subject": {"kind": "member"},
     "score": {"general": 20, "task_results": 50}, "tasks": {"assigned": 1, "completed": 1, "on_time": 1, "exceeded": 0}},
]
(folder / "bad-records.json").write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
(folder / "bad-records.jsonl").write_text(
    "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in bad) + "not json\n\n{\"id\":\n", encoding="utf-8")
(folder / "not-an-array.json").write_text("{\"id\": \"x\"", encoding="utf-8")
EOF

commands=()
for file in "$INPUTS"/*.json "$INPUTS"/*.jsonl; do
    name="$(basename "$file")"
    for format in "--format json" "--format table --lang vi" "--format table --lang en"; do
        commands+=("evaluate $name $format")
        commands+=("evaluate $name $format --quota")
        commands+=("evaluate $name $format --quota --quota-reading proposed-good --raised-ratio-group members")
        commands+=("evaluate $name $format --reading strict --basic-targets all")
        commands+=("org $name $format")
        commands+=("org $name $format --no-quota --no-records")
        commands+=("compare $name $format")
        commands+=("compare $name $format --grades-from-points score_shares --regimes qd132,qd366,qd132")
        commands+=("compare $name $format --org")
        commands+=("compare $name $format --org --grades-from-points score_shares")
    done
    commands+=("partial $name")
    commands+=("what-would-change $name")
    commands+=("what-would-change $name --reading strict")
done
for lang in vi en; do
    commands+=("rules --format table --lang $lang")
    commands+=("conduct --kind member --on 2025-12-31 --lang $lang")
    commands+=("conduct --kind leader --on 2024-06-30 --lang $lang")
done
commands+=("rules --format json" "conduct" "conduct --on 2025-13-01 --kind member")
for record in assessment decision error rejected; do
    commands+=("schema $record")
done
for kind in "member" "member --outside-political-system" "leader" "leader --centrally-managed" \
    "collective --collective-kind leadership" "collective --collective-kind agency" \
    "member --profile illustrative-pl4-even-state-administration" "leader --profile no-such-profile"; do
    commands+=("form-schema --kind $kind --on 2025-12-31")
done
commands+=("evaluate missing-file.json" "evaluate --no-such-flag x.json")

# Runs one command with one binary from the inputs' folder; writes out/err/code.
run_one() {
    local bin="$1" into="$2" command="$3"
    mkdir -p "$into"
    # shellcheck disable=SC2086 # the command is split into words on purpose
    (cd "$INPUTS" && "$bin" $command >"$into/out" 2>"$into/err"; echo $? >"$into/code") || true
}

differ=()
index=0
for command in "${commands[@]}"; do
    index=$((index + 1))
    run_one "$BASE_BIN" "$WORK/base/$index" "$command"
    run_one "$NEW_BIN" "$WORK/new/$index" "$command"
    if ! diff -q -r "$WORK/base/$index" "$WORK/new/$index" >/dev/null; then
        differ+=("$index|$command")
    fi
done

bytes="$(cat "$WORK"/base/*/out "$WORK"/base/*/err | wc -c)"
if [[ ${#differ[@]} -eq 0 ]]; then
    echo "same output: ${#commands[@]} commands, ${bytes} bytes of stdout and stderr, identical exit codes"
    exit 0
fi
echo "${#differ[@]} of ${#commands[@]} commands differ:"
for entry in "${differ[@]}"; do
    echo "  ${entry#*|}"
done
first="${differ[0]%%|*}"
diff -r -u "$WORK/base/$first" "$WORK/new/$first" | head -40
exit 1
