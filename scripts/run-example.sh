#!/usr/bin/env bash
# The main job: builds the CLI in release mode and evaluates the worked example, a
# party cell's year, as a table:
#
#   scripts/run-example.sh                    cadre-eval evaluate examples/chi-bo-2025.json --format table
#   scripts/run-example.sh --lang en          extra arguments go to `cadre-eval evaluate`
#   EXAMPLE_FILE=my.json scripts/run-example.sh   another input (.json array or .jsonl)
#
# Runs from any directory: it works from the repository root, and a relative
# EXAMPLE_FILE is read from the directory it is run in. The exit status is the CLI's
# (see `cadre-eval evaluate --help`).

set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ -n "${EXAMPLE_FILE:-}" && "$EXAMPLE_FILE" != "-" && "$EXAMPLE_FILE" != /* ]]; then
    EXAMPLE_FILE="${PWD}/${EXAMPLE_FILE}"
fi
cd "$REPO_ROOT"
EXAMPLE_FILE="${EXAMPLE_FILE:-examples/chi-bo-2025.json}"

if [[ "$EXAMPLE_FILE" != "-" && ! -f "$EXAMPLE_FILE" ]]; then
    echo "run-example: input not found: ${EXAMPLE_FILE}" >&2
    exit 2
fi

# Build first, with cargo's progress on stderr, so the run below prints only the CLI's output.
cargo build --locked --release -p cadre-eval-cli --bin cadre-eval
exec cargo run --quiet --locked --release -p cadre-eval-cli --bin cadre-eval -- \
    evaluate "$EXAMPLE_FILE" --format table "$@"
