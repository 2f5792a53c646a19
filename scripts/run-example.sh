#!/usr/bin/env bash
# The main job: builds the CLI in release mode and evaluates the bundled examples:
#   1. a party cell's year, record by record, as a table
#      (cadre-eval evaluate examples/chi-bo-2025.json --format table --quota);
#   2. a commune's đảng bộ as an organisation tree: per-unit report with statistics,
#      facts derived from the tree and the Excellent quota
#      (cadre-eval org examples/dang-bo-xa-2025.json);
#   3. the same party cell's 2025 records compared under QĐ 366, QĐ 124 and QĐ 132: each
#      record's level under each regime, what differs and why, and how many change level
#      (cadre-eval compare examples/chi-bo-2025-compare.json);
#   4. the commune's đảng bộ compared under the three regimes as a whole tree, its points
#      mapped to grades for QĐ 124 and QĐ 132: each regime's totals, the records whose
#      level differs and how many change level per pair of regimes
#      (cadre-eval compare --org examples/dang-bo-xa-2025.json --grades-from-points score_shares);
#   5. the state side of 2026 (examples/state-2026.md): a health centre's public
#      employees under ND 233 with the state quota and the head cap, their party records
#      reading the state rating, and a ministry department's civil servants under ND 335
#      evaluated with their party records in one call (the pair form)
#      (cadre-eval evaluate … --format table --quota), and the ministry department as an
#      organisation tree of state records (cadre-eval org examples/vu-ke-hoach-tai-chinh-2026.json).
#
#   scripts/run-example.sh              all of them, in Vietnamese
#   scripts/run-example.sh --lang en    extra arguments go to every command
#
# Runs from any directory. Exits non-zero if any command does (see `--help` of each).

set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"

# Build first, with cargo's progress on stderr, so the runs below print only the CLI's output.
cargo build --locked --release -p cadre-eval-cli --bin cadre-eval
CLI="target/release/cadre-eval"

printf '=== %s ===\n\n' "examples/chi-bo-2025.json: cadre-eval evaluate --format table --quota"
"$CLI" evaluate examples/chi-bo-2025.json --format table --quota "$@"
printf '\n=== %s ===\n\n' "examples/dang-bo-xa-2025.json: cadre-eval org"
"$CLI" org examples/dang-bo-xa-2025.json "$@"
printf '\n=== %s ===\n\n' "examples/chi-bo-2025-compare.json: cadre-eval compare"
"$CLI" compare examples/chi-bo-2025-compare.json "$@"
printf '\n=== %s ===\n\n' "examples/dang-bo-xa-2025.json: cadre-eval compare --org --grades-from-points score_shares"
"$CLI" compare --org examples/dang-bo-xa-2025.json --grades-from-points score_shares "$@"
for example in trung-tam-y-te-2026-nd233 trung-tam-y-te-2026-party vu-ke-hoach-tai-chinh-2026-pair; do
    printf '\n=== %s ===\n\n' "examples/$example.json: cadre-eval evaluate --format table --quota"
    "$CLI" evaluate "examples/$example.json" --format table --quota "$@"
done
printf '\n=== %s ===\n\n' "examples/vu-ke-hoach-tai-chinh-2026.json: cadre-eval org"
"$CLI" org examples/vu-ke-hoach-tai-chinh-2026.json "$@"
