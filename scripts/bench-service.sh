#!/usr/bin/env bash
# The service's benchmark (docs/performance.md, "Service"): a documented run, not a
# test. One run of `cadre-eval serve` (release build, a token file, default limits)
# measured with oha, a real HTTP load generator, each figure beside a baseline measured
# in the same run:
#
#   1. GET /healthz and POST /v1/evaluate (one record) at concurrency 1, 16, 64, 256:
#      requests/s, p50 and p99 latency;
#   2. 10,000 records as one JSON Lines request, against `cadre-eval evaluate --jsonl`
#      on the same file (median of 5 each);
#   3. overload: single records from 2,048 clients, then batches of 100 records from 64,
#      128 and 512 clients (past what two cores sustain: shed with 503), then single
#      records from 64 clients again to show it recovers; memory before each step;
#   4. a soak (default 600 s) at concurrency 16, the resident memory sampled every 10 s.
#
#   scripts/bench-service.sh                 everything (about 14 minutes)
#   SOAK_SECONDS=60 DURATION=5 scripts/bench-service.sh    a quick look
#   STEPS="single jsonl" scripts/bench-service.sh          some steps (single, jsonl, overload, soak)
#
# Needs oha (installed with `cargo install oha --locked` when missing). The load
# generator shares the machine's cores with the service, so the figures are a floor;
# the load average is recorded before each step. Everything goes to
# target/bench-service/ (summary.md, oha's JSON, the memory samples, the service log).

set -euo pipefail
# 2,048 connections at once, on both sides.
if [[ "$(ulimit -n)" != unlimited && "$(ulimit -n)" -lt 8192 ]]; then
    ulimit -n 8192
fi

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"

DURATION="${DURATION:-10}"
STEPS="${STEPS:-single jsonl overload soak}"
wants() { [[ " $STEPS " == *" $1 "* ]]; }
SOAK_SECONDS="${SOAK_SECONDS:-600}"
OUT="target/bench-service"
rm -rf "$OUT"
mkdir -p "$OUT"

note() { printf '    %s\n' "$*"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

if ! command -v oha >/dev/null 2>&1; then
    note "installing oha (cargo install oha --locked)"
    cargo install oha --locked
fi
cargo build --release --locked -q -p cadre-eval-cli
CLI="${CARGO_TARGET_DIR:-target}/release/cadre-eval"

# The data: the library's example record, and 10,000 records for JSON Lines (the example
# chi bộ's records, each copied with a new id).
python3 - "$OUT" <<'PY'
import json, sys
out = sys.argv[1]
records = json.load(open("examples/chi-bo-2025.json", encoding="utf-8"))
json.dump(records[0], open(f"{out}/record.json", "w", encoding="utf-8"), ensure_ascii=False)
batch = [dict(records[n % len(records)], id=f"batch-{n:03d}") for n in range(100)]
json.dump(batch, open(f"{out}/batch100.json", "w", encoding="utf-8"), ensure_ascii=False)
with open(f"{out}/10k.jsonl", "w", encoding="utf-8") as lines:
    for n in range(10_000):
        record = dict(records[n % len(records)], id=f"bench-{n:05d}")
        lines.write(json.dumps(record, ensure_ascii=False) + "\n")
PY
TOKEN="bench-$(date +%s)-$RANDOM"
printf '%s\n' "$TOKEN" >"$OUT/tokens"

"$CLI" serve --bind 127.0.0.1:0 --token-file "$OUT/tokens" 2>"$OUT/service.log" &
PID=$!
trap 'kill -TERM $PID 2>/dev/null || true' EXIT
ADDRESS=""
for _ in $(seq 1 100); do
    ADDRESS="$(sed -n 's/.*"message":"listening","address":"\([0-9.:]*\)".*/\1/p' "$OUT/service.log" | head -n 1)"
    [[ -n "$ADDRESS" ]] && break
    sleep 0.1
done
[[ -n "$ADDRESS" ]] || { cat "$OUT/service.log" >&2; exit 1; }
BASE="http://$ADDRESS"
rss() { awk '/^VmRSS/ { print $2 }' "/proc/$PID/status"; }
note "service $BASE (pid $PID); $(nproc) cores; load $(load)"

# oha's JSON → "rps p50_ms p99_ms ok other" (other: the non-2xx answers and errors).
summarise() {
    python3 - "$1" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
s = r["summary"]
p = r["latencyPercentiles"]
codes = r.get("statusCodeDistribution", {})
ok = sum(n for c, n in codes.items() if c.startswith("2"))
# Requests cut by the end of the run ("aborted due to deadline") are not answers.
errors = {e: n for e, n in r.get("errorDistribution", {}).items() if "deadline" not in e}
other = sum(n for c, n in codes.items() if not c.startswith("2")) + sum(errors.values())
print(f'{s["requestsPerSec"]:.0f} {p["p50"] * 1000:.2f} {p["p99"] * 1000:.2f} {ok} {other} {json.dumps(codes)}')
PY
}

run_oha() { # name concurrency method path [body file]
    local name=$1 concurrency=$2 method=$3 path=$4 body=${5:-}
    local args=(-z "${DURATION}s" -c "$concurrency" --no-tui --output-format json -m "$method"
        -H "Authorization: Bearer $TOKEN")
    if [[ -n "$body" ]]; then
        args+=(-T application/json -D "$body")
    fi
    oha "${args[@]}" "$BASE$path" >"$OUT/$name.json"
    summarise "$OUT/$name.json"
}

{
    echo "# Service benchmark ($(date -u +%Y-%m-%dT%H:%MZ))"
    echo
    echo "$(nproc) cores; $("$CLI" --version); oha $(oha --version | cut -d' ' -f2); ${DURATION} s per point"
    echo
    echo "## Single-record evaluation against /healthz"
    echo
    echo "| concurrency | load before | /healthz req/s | p50 ms | p99 ms | /v1/evaluate req/s | p50 ms | p99 ms | non-2xx | ratio to /healthz |"
    echo "|---|---|---|---|---|---|---|---|---|---|"
} >"$OUT/summary.md"

for concurrency in 1 16 64 256; do
    wants single || break
    before="$(load)"
    read -r h_rps h_p50 h_p99 _ h_other _ < <(run_oha "healthz-c$concurrency" "$concurrency" GET /healthz)
    read -r e_rps e_p50 e_p99 _ e_other _ < <(run_oha "evaluate-c$concurrency" "$concurrency" POST /v1/evaluate "$OUT/record.json")
    ratio="$(python3 -c "print(f'{$e_rps / $h_rps:.2f}')")"
    echo "| $concurrency | $before | $h_rps | $h_p50 | $h_p99 | $e_rps | $e_p50 | $e_p99 | $((h_other + e_other)) | $ratio |" >>"$OUT/summary.md"
    note "c=$concurrency: healthz $h_rps/s, evaluate $e_rps/s (p50 $e_p50 ms, p99 $e_p99 ms)"
done

# JSON Lines: the whole 10,000-record stream through the service (curl, answer to
# /dev/null), and the CLI on the same file (output to /dev/null); the median of 5 of
# each, alternating. The answers' lines are counted once.
if wants jsonl; then
    lines="$(curl -s -N -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/x-ndjson' \
        --data-binary @"$OUT/10k.jsonl" "$BASE/v1/evaluate/batch" | grep -c '"status":"evaluated"')"
    [[ "$lines" -eq 10000 ]] || { echo "the service evaluated $lines of 10000 lines" >&2; exit 1; }
    python3 - "$OUT" "$BASE" "$TOKEN" "$CLI" <<'PY' >>"$OUT/summary.md"
import statistics, subprocess, sys, time
out, base, token, cli = sys.argv[1:5]
served, local, piped = [], [], []
for _ in range(5):
    started = time.perf_counter()
    subprocess.run(["curl", "-s", "-N", "-o", "/dev/null", "-H", f"Authorization: Bearer {token}",
                    "-H", "Content-Type: application/x-ndjson", "--data-binary", f"@{out}/10k.jsonl",
                    f"{base}/v1/evaluate/batch"], check=True)
    served.append(time.perf_counter() - started)
    started = time.perf_counter()
    subprocess.run([cli, "evaluate", "--jsonl", f"{out}/10k.jsonl"], stdout=subprocess.DEVNULL, check=False)
    local.append(time.perf_counter() - started)
    started = time.perf_counter()
    subprocess.run(f"'{cli}' evaluate --jsonl '{out}/10k.jsonl' | cat > /dev/null", shell=True, check=False)
    piped.append(time.perf_counter() - started)
s, c, p = statistics.median(served), statistics.median(local), statistics.median(piped)
load = open("/proc/loadavg").read().split()[:3]
print()
print("## 10,000 records as JSON Lines")
print()
print(f"load before: {' '.join(load)}")
print()
print("| | median s | records/s |")
print("|---|---|---|")
print(f"| service: one JSON Lines request (curl, loopback, answer to /dev/null) | {s:.3f} | {10_000 / s:.0f} |")
print(f"| CLI: `cadre-eval evaluate --jsonl` (process start included, output to /dev/null) | {c:.3f} | {10_000 / c:.0f} |")
print(f"| CLI, its output read by another process (`\\| cat > /dev/null`) | {p:.3f} | {10_000 / p:.0f} |")
print(f"| service time / CLI time (to /dev/null; read by a process) | {s / c:.2f}; {s / p:.2f} | |")
PY
    note "JSON Lines done"
fi

if wants overload; then
# Overload. Single records: 2,048 clients, closed loop; on two cores shared with the load
# generator, the generator saturates first (the service's queueing delay is reported).
# Batches of 100 records (spawned off the async workers): 64 clients, then 128 and 512,
# past what the two cores sustain, then single records at 64 clients again.
{
    echo
    echo "## Overload, then recovery"
    echo
    echo "| step | load before | RSS KiB before | requests/s (all) | 2xx | 503 (shed) and errors | p50 ms | p99 ms | largest queue delay µs seen | status codes |"
    echo "|---|---|---|---|---|---|---|---|---|---|"
} >>"$OUT/summary.md"
queue_delay() {
    curl -s -H "Authorization: Bearer $TOKEN" "$BASE/metrics" | awk '/^cadre_queue_delay_microseconds/ { print $2 }'
}
for step in "single-c2048 2048 /v1/evaluate record.json" \
    "batch100-c64 64 /v1/evaluate/batch batch100.json" \
    "batch100-c128 128 /v1/evaluate/batch batch100.json" \
    "batch100-c512 512 /v1/evaluate/batch batch100.json" \
    "recovery-c64 64 /v1/evaluate record.json"; do
    read -r name concurrency path body <<<"$step"
    before="$(load)"
    memory="$(rss)"
    run_oha "$name" "$concurrency" POST "$path" "$OUT/$body" >"$OUT/$name.summary" &
    local_oha=$!
    largest=0
    while kill -0 "$local_oha" 2>/dev/null; do
        sample="$(queue_delay)"
        [[ -n "$sample" && "$sample" -gt "$largest" ]] && largest=$sample
        sleep 0.5
    done
    wait "$local_oha"
    read -r rps p50 p99 ok other codes <"$OUT/$name.summary"
    echo "| $name | $before | $memory | $rps | $ok | $other | $p50 | $p99 | $largest | $codes |" >>"$OUT/summary.md"
    note "$name: $ok answered, $other shed or failed"
done
echo "" >>"$OUT/summary.md"
echo "RSS after the overload and recovery: $(rss) KiB" >>"$OUT/summary.md"
fi

# The soak: concurrency 16 for SOAK_SECONDS, memory sampled every 10 s.
if wants soak; then
echo "seconds,rss_kib" >"$OUT/soak-rss.csv"
oha -z "${SOAK_SECONDS}s" -c 16 --no-tui --output-format json -m POST -T application/json \
    -D "$OUT/record.json" -H "Authorization: Bearer $TOKEN" "$BASE/v1/evaluate" >"$OUT/soak.json" &
OHA=$!
soak_load="$(load)"
started=$SECONDS
while kill -0 "$OHA" 2>/dev/null; do
    echo "$((SECONDS - started)),$(rss)" >>"$OUT/soak-rss.csv"
    sleep 10
done
wait "$OHA"
read -r rps p50 p99 ok other _ < <(summarise "$OUT/soak.json")
python3 - "$OUT" "$SOAK_SECONDS" "$rps" "$p50" "$p99" "$ok" "$other" "$soak_load" <<'PY' >>"$OUT/summary.md"
import csv, sys
out, seconds, rps, p50, p99, ok, other, load = sys.argv[1:9]
rows = [(int(r["seconds"]), int(r["rss_kib"])) for r in csv.DictReader(open(f"{out}/soak-rss.csv"))]
values = [v for _, v in rows]
print()
print(f"## Soak: {seconds} s at concurrency 16")
print()
print(f"load before: {load}; {rps} req/s, p50 {p50} ms, p99 {p99} ms; {ok} answered 2xx, {other} not")
print()
first_minute = [v for t, v in rows if t <= 60] or values[:1]
last_minute = [v for t, v in rows if t >= rows[-1][0] - 60] or values[-1:]
print(f"RSS KiB: first minute max {max(first_minute)}, last minute max {max(last_minute)}, "
      f"min {min(values)}, max {max(values)} over {len(values)} samples (soak-rss.csv)")
PY
fi
echo "" >>"$OUT/summary.md"
echo "load after: $(load)" >>"$OUT/summary.md"

kill -TERM "$PID"
wait "$PID" && echo "service exit status after SIGTERM: 0" >>"$OUT/summary.md"
trap - EXIT
rm -f "$OUT/tokens"
cat "$OUT/summary.md"
