#!/usr/bin/env bash
# The project's one test command: formatting, lints, every test (with doc tests) and,
# where a nightly toolchain exists, a short fuzz run. Needs nothing but this machine
# kind's stock tools; safe to run again and from any directory.
#
#   scripts/test.sh                  every stage, in order, stopping at the first failure
#   scripts/test.sh --only clippy    one stage (repeat --only, or give a comma list)
#   scripts/test.sh --list           the stages
#
# Environment: FUZZ_SECONDS is how long each fuzz target runs (default: 80 s shared
# among the targets, at least 5 s each, so that more targets do not lengthen the stage). The python
# stage keeps its virtual environment in .venv/ (created and filled from PyPI with the
# pins of bindings-python/requirements-dev.txt when they change). The wasm stage adds
# the wasm32 target and wasm-bindgen-cli (the Cargo.lock version) when missing, and
# fills bindings-wasm/node_modules/ with `npm ci` from bindings-wasm/package-lock.json.
# The browser stage installs from Debian (apt-get, as root) what is missing of chromium,
# poppler-utils (pdftotext, pdftoppm) and fonts-liberation2 (a Times-metric face with the
# Vietnamese letters, for the printed form), and fills web/node_modules/ (playwright-core,
# axe-core) with `npm ci` from web/package-lock.json.
# The office stage installs Debian's libreoffice-calc (no recommends), poppler-utils and
# fonts-liberation2 when soffice, pdftoppm or the font is missing.
#
# To add a stage: write a `stage_<name>` function and add <name> to STAGES.

set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"

# Order matters: the cheapest checks fail first.
STAGES=(fmt clippy test office wasm browser python service fuzz)

FUZZ_SECONDS="${FUZZ_SECONDS:-}"
# The fuzz stage's whole budget when FUZZ_SECONDS is not given.
FUZZ_TOTAL_SECONDS=80

header() { printf '\n==> %s\n' "$*"; }
note() { printf '    %s\n' "$*"; }

# Runs a command after echoing it, so the log shows exactly what was run.
run() {
    printf '    $ %s\n' "$*"
    "$@"
}

has_nightly() { cargo +nightly --version >/dev/null 2>&1; }

print_versions() {
    header "tools"
    note "$(cargo --version)"
    note "$(rustc --version)"
    note "$(cargo fmt --version 2>/dev/null || echo 'rustfmt: not found')"
    note "$(cargo clippy --version 2>/dev/null || echo 'clippy: not found')"
    note "$(python3 --version 2>&1 || echo 'python3: not found')"
    if has_nightly; then
        note "nightly: $(cargo +nightly --version)"
        note "$(cargo fuzz --version 2>/dev/null || echo 'cargo-fuzz: not installed yet (the fuzz stage installs it)')"
    else
        note "nightly: none (the fuzz stage will be skipped)"
    fi
}

stage_fmt() {
    run cargo fmt --all -- --check
    # The fuzz crate is outside the workspace, so `--all` does not reach it (and `--all`
    # here would mean "with its path dependencies", i.e. core again).
    run cargo fmt --manifest-path fuzz/Cargo.toml -- --check
}

stage_clippy() {
    # --locked: a Cargo.lock out of step with the manifests fails here, not silently.
    run cargo clippy --locked --workspace --all-targets -- -D warnings
    # The benchmarks and the `national` example need the `synthetic` feature, which the
    # line above leaves out: without this they can stop compiling unnoticed.
    run cargo clippy --locked -p cadre-eval --features synthetic --all-targets -- -D warnings
}

# The directory of the libpython that belongs to `python3` (pyenv's, here), or nothing
# when that Python has no shared library.
python_libdir() {
    python3 -c 'import sysconfig as s; print(s.get_config_var("LIBDIR") if s.get_config_var("Py_ENABLE_SHARED") else "")' \
        2>/dev/null || true
}

stage_test() {
    # Every member, bindings included: the pyo3 binding is built without its
    # `extension-module` feature, so its test binary links natively. Doc tests run
    # too. Output stays visible: CI reads the "test result:" lines.
    #
    # A pyo3 test that embeds Python loads libpython3.11.so from the loader's path,
    # which finds Debian's 3.11.2 in /usr/lib before pyenv's 3.11.7 that pyo3 built
    # against; putting python3's own LIBDIR first keeps the two the same.
    local libdir library_path="${LD_LIBRARY_PATH:-}"
    libdir="$(python_libdir)"
    if [[ -n "$libdir" ]]; then
        library_path="${libdir}${library_path:+:${library_path}}"
    fi
    # The output is also kept to add up the counts for the closing summary line.
    local log="${TMPDIR:-/tmp}/cadre-eval-test-$$.log"
    run env LD_LIBRARY_PATH="$library_path" cargo test --locked --workspace 2>&1 | tee "$log"
    local status=${PIPESTATUS[0]}
    read -r tests_passed tests_failed < <(awk '/^test result:/ {
        for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed;?$/) p += $i; if ($(i+1) ~ /^failed;?$/) f += $i }
    } END { print p + 0, f + 0 }' "$log")
    rm -f "$log"
    return "$status"
}

tests_passed=""
tests_failed=""

# Adds a pytest log's "N passed" / "N failed" to the closing summary's counts.
add_pytest_counts() {
    local passed failed
    read -r passed failed < <(awk '/ passed| failed/ && /==|^[0-9]/ {
        for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p = $i; if ($(i+1) ~ /^failed/) f = $i }
    } END { print p + 0, f + 0 }' "$1")
    tests_passed=$(( ${tests_passed:-0} + passed ))
    tests_failed=$(( ${tests_failed:-0} + failed ))
}

# A virtual environment at $1 holding the pins of the requirements file $2: created when
# missing, filled from PyPI when the file changed since the last fill.
ensure_venv() {
    local venv="$1" requirements="$2"
    local python="$venv/bin/python" stamp="$venv/.requirements.sha256" want
    if [[ ! -x "$python" ]]; then
        run python3 -m venv "$venv"
    fi
    want="$(sha256sum "$requirements" | cut -d' ' -f1)"
    if [[ "$(cat "$stamp" 2>/dev/null)" != "$want" ]]; then
        run "$python" -m pip install --quiet --disable-pip-version-check -r "$requirements"
        echo "$want" >"$stamp"
    else
        note "$requirements unchanged: ${venv#"$REPO_ROOT"/} is up to date"
    fi
}

stage_python() {
    # The Python package: a wheel built by maturin into a virtual environment, then its
    # tests (every shared vector, tables, errors, doc tests), the stub check against the
    # compiled module, a strict type check, and the worked analysis with its plots.
    local venv="$REPO_ROOT/.venv" python="$REPO_ROOT/.venv/bin/python"
    ensure_venv "$venv" bindings-python/requirements-dev.txt
    local wheels="target/python-wheels"
    rm -rf "$wheels"
    run "$venv/bin/maturin" build --release --locked --strip --quiet \
        -m bindings-python/Cargo.toml -o "$wheels"
    run "$python" -m pip install --quiet --disable-pip-version-check --force-reinstall \
        --no-deps "$wheels"/cadre_eval-*.whl
    # Tests run against the installed wheel (not the source tree); the doc tests of
    # its modules run with them. Caches go to target/, never into the tree.
    local log="${TMPDIR:-/tmp}/cadre-eval-pytest-$$.log" status
    (cd bindings-python && run "$python" -m pytest tests --pyargs cadre_eval) 2>&1 | tee "$log"
    status=${PIPESTATUS[0]}
    add_pytest_counts "$log"
    rm -f "$log"
    [[ $status -eq 0 ]] || return "$status"
    export MYPY_CACHE_DIR="$REPO_ROOT/target/mypy-cache"
    run "$python" -m mypy.stubtest cadre_eval._native
    run "$python" -m mypy --strict bindings-python/python/cadre_eval
    local out="target/python-analysis"
    rm -rf "$out"
    run "$python" docs/examples/analyse_dang_bo.py --out "$out"
    local png
    for png in "$out"/levels-per-chi-bo.png "$out"/quota-20-vs-25.png "$out"/levels-per-regime.png; do
        if [[ ! -s "$png" ]]; then
            echo "the worked analysis did not write $png" >&2
            return 1
        fi
        note "plot: $png ($(stat -c %s "$png") bytes)"
    done
}


stage_service() {
    # The HTTP service as a client sees it: `cadre-eval serve` started on a free
    # loopback port with a token file, its OpenAPI document checked by an independent
    # validator (openapi-spec-validator), an API fuzzer driven by that document
    # (schemathesis) finding no 5xx and no answer that breaks the document, the Python
    # client example's tests (every answer compared with the CLI's), then SIGTERM and a
    # clean exit. The Rust integration tests of the service run in the test stage.
    local venv="$REPO_ROOT/.venv-service" python="$REPO_ROOT/.venv-service/bin/python"
    ensure_venv "$venv" service/requirements-test.txt
    run cargo build --locked -q -p cadre-eval-cli
    local cli="${CARGO_TARGET_DIR:-target}/debug/cadre-eval" out="target/service"
    rm -rf "$out"
    mkdir -p "$out"
    local token
    token="$("$python" -c 'import secrets; print(secrets.token_urlsafe(24))')"
    printf '# the service stage of scripts/test.sh\n%s\n' "$token" >"$out/tokens"
    # A loaded CI machine must not make it shed (tested in service/tests/http.rs).
    "$cli" serve --bind 127.0.0.1:0 --token-file "$out/tokens" --max-queue-delay-ms 60000 \
        2>"$out/service.log" &
    local pid=$! address="" tries
    for tries in $(seq 1 100); do
        address="$(sed -n 's/.*"message":"listening","address":"\([0-9.:]*\)".*/\1/p' "$out/service.log" | head -n 1)"
        [[ -n "$address" ]] && break
        sleep 0.1
    done
    if [[ -z "$address" ]]; then
        kill "$pid" 2>/dev/null || true
        cat "$out/service.log" >&2
        echo "the service did not start" >&2
        return 1
    fi
    note "service: http://$address (pid $pid), log $out/service.log"
    local status=0 log="${TMPDIR:-/tmp}/cadre-eval-service-pytest-$$.log"
    {
        run curl -sf -o "$out/openapi.json" "http://$address/openapi.json" &&
            run "$venv/bin/openapi-spec-validator" "$out/openapi.json" &&
            # Checks: every one but the two that compare the JSON Schemas with what is
            # accepted: a record that fits the schema can still break a rule (422), and a
            # batch answers 200 with its bad records reported (docs/service.md).
            (cd "$out" && run "$venv/bin/schemathesis" run "http://$address/openapi.json" \
                --header "Authorization: Bearer $token" \
                --phases examples,fuzzing,stateful --max-examples 25 --seed 20261207 \
                --exclude-checks positive_data_acceptance,negative_data_rejection \
                --report junit --report-dir "$REPO_ROOT/$out/schemathesis") &&
            (CADRE_EVAL_URL="http://$address" CADRE_EVAL_TOKEN="$token" CADRE_EVAL_CLI="$cli" \
                run "$python" -m pytest -q -p no:cacheprovider service/tests/python 2>&1 | tee "$log"; exit "${PIPESTATUS[0]}")
    } || status=$?
    [[ -f "$log" ]] && add_pytest_counts "$log"
    rm -f "$log"
    kill -TERM "$pid"
    local exit_code=0
    wait "$pid" || exit_code=$?
    rm -f "$out/tokens"
    if [[ $status -ne 0 ]]; then
        return "$status"
    fi
    if [[ $exit_code -ne 0 ]]; then
        echo "cadre-eval serve exited $exit_code after SIGTERM (want 0)" >&2
        return 1
    fi
    note "served $(grep -c '"route"' "$out/service.log") requests; exit 0 after SIGTERM"
    service_form_check "$cli" "$out"
}

# The form served by the service, in headless Chromium under the service's Content
# Security Policy: the WASM module loads and the form evaluates (the page shows the
# levels still reachable), and the browser reports no refused resource. Needs the wasm
# stage's package and Chromium (the browser stage installs it); skipped without them.
service_form_check() {
    local cli="$1" out="$2" pkg="bindings-wasm/pkg/web"
    if [[ ! -f "$pkg/cadre_eval_wasm_bg.wasm" || ! -x /usr/bin/chromium ]]; then
        note "SKIPPED the form under the service: needs $pkg (stage wasm) and /usr/bin/chromium (stage browser)"
        return 0
    fi
    "$cli" serve --bind 127.0.0.1:0 --form web --form-pkg "$pkg" 2>"$out/form-service.log" &
    local pid=$! address="" tries
    for tries in $(seq 1 100); do
        address="$(sed -n 's/.*"message":"listening","address":"\([0-9.:]*\)".*/\1/p' "$out/form-service.log" | head -n 1)"
        [[ -n "$address" ]] && break
        sleep 0.1
    done
    local status=0
    run timeout 120 /usr/bin/chromium --headless --no-sandbox --disable-gpu \
        --disable-background-networking --disable-component-update --disable-sync --no-first-run \
        --disable-quic --enable-logging=stderr --v=0 --virtual-time-budget=15000 \
        --dump-dom "http://$address/" >"$out/form-dom.html" 2>"$out/form-chromium.log" || status=$?
    kill -TERM "$pid"
    wait "$pid" || true
    [[ $status -eq 0 ]] || { echo "chromium failed ($status); see $out/form-chromium.log" >&2; return 1; }
    if ! grep -q 'id="level"[^>]*data-highest="[a-z_]' "$out/form-dom.html"; then
        echo "the form served by the service did not evaluate (no reachable levels in $out/form-dom.html)" >&2
        return 1
    fi
    if grep -iE "refused to|content security policy" "$out/form-chromium.log"; then
        echo "the browser refused something under the service's Content Security Policy" >&2
        return 1
    fi
    note "the form evaluates in Chromium when served by the service, under its CSP"
}

# Adds a `node --test` log's "# pass N" / "# fail N" to the closing summary's counts.
add_node_test_counts() {
    local passed failed
    read -r passed failed < <(awk '/^# pass / { p = $3 } /^# fail / { f = $3 } END { print p + 0, f + 0 }' "$1")
    tests_passed=$(( ${tests_passed:-0} + passed ))
    tests_failed=$(( ${tests_failed:-0} + failed ))
}

stage_wasm() {
    # The WASM package: the binding built for wasm32 with the profile wasm-release, then
    # wasm-bindgen (the CLI at the exact version of Cargo.lock) into bindings-wasm/pkg/
    # for the browser (web/) and Node (node/), the library's data files beside them
    # (cadre_eval_data.json, which the module loads: it is built without them), TypeScript
    # types generated from the core's JSON Schemas, `tsc --noEmit`, every shared vector
    # through the Node build, and the sizes (raw and gzipped).
    if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
        run rustup target add wasm32-unknown-unknown
    fi
    local want_bindgen
    want_bindgen="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)"
    if [[ -z "$want_bindgen" ]]; then
        echo "wasm-bindgen is not in Cargo.lock" >&2
        return 1
    fi
    if [[ "$(wasm-bindgen --version 2>/dev/null | cut -d' ' -f2)" != "$want_bindgen" ]]; then
        # No --locked: the CLI's own lock file pins crates this toolchain may not build.
        run cargo install wasm-bindgen-cli --version "$want_bindgen"
    fi
    local pkg="bindings-wasm/pkg" schemas="target/wasm-schemas"
    run cargo build --locked -p cadre-eval-wasm --target wasm32-unknown-unknown --profile wasm-release
    local wasm_file="${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/wasm-release/cadre_eval_wasm.wasm"
    rm -rf "$pkg" "$schemas"
    run wasm-bindgen --target web --out-dir "$pkg/web" "$wasm_file"
    run wasm-bindgen --target nodejs --out-dir "$pkg/node" "$wasm_file"
    (cd bindings-wasm && run npm ci --no-audit --no-fund --loglevel=error)
    local wasm_opt="bindings-wasm/node_modules/.bin/wasm-opt" variant
    for variant in web node; do
        # binaryen's wasm-opt from npm: -Oz shrinks what LLVM left.
        run "$wasm_opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
            --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
            "$pkg/$variant/cadre_eval_wasm_bg.wasm" -o "$pkg/$variant/cadre_eval_wasm_bg.wasm"
    done
    run cargo run --locked -q -p cadre-eval-wasm --example data -- "$pkg/web" "$pkg/node"
    run cargo run --locked -q -p cadre-eval-wasm --example schemas -- "$schemas"
    run node bindings-wasm/scripts/generate-types.mjs "$schemas" "$pkg/web" "$pkg/node"
    (cd bindings-wasm && run node_modules/.bin/tsc --noEmit -p tsconfig.json)
    local log="${TMPDIR:-/tmp}/cadre-eval-node-test-$$.log" status
    (cd bindings-wasm && run node --test tests/) 2>&1 | tee "$log"
    status=${PIPESTATUS[0]}
    add_node_test_counts "$log"
    rm -f "$log"
    [[ $status -eq 0 ]] || return "$status"
    local built="$pkg/web/cadre_eval_wasm_bg.wasm"
    note "wasm size: $(stat -c %s "$wasm_file") bytes from cargo; $(stat -c %s "$built") bytes after wasm-bindgen and wasm-opt; $(gzip -9 -c "$built" | wc -c) bytes gzipped (gzip -9)"
    local data="$pkg/web/cadre_eval_data.json"
    note "data beside it: $(stat -c %s "$data") bytes; $(gzip -9 -c "$data" | wc -c) bytes gzipped (gzip -9)"
}

stage_browser() {
    # The self-assessment form (web/) in a real browser: Debian's Chromium (installed
    # here when missing; npm's browser downloads are not used), driven by playwright-core
    # from web/package-lock.json: the guided steps, a phone's screen, the keyboard, an
    # axe-core audit, the draft, offline use, printing the official form to PDF (read
    # back with poppler), and the keystroke latency against the page before it. Needs
    # the wasm stage's bindings-wasm/pkg/ (web and node). Screenshots, PDFs, exported
    # JSON, the axe report and the latency figures go to target/browser/.
    local missing=()
    [[ -x /usr/bin/chromium ]] || missing+=(chromium)
    command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null || missing+=(poppler-utils)
    [[ -d /usr/share/fonts/truetype/liberation2 ]] || missing+=(fonts-liberation2)
    if [[ ${#missing[@]} -gt 0 ]]; then
        run apt-get update
        run apt-get install -y "${missing[@]}"
    fi
    if [[ ! -f bindings-wasm/pkg/web/cadre_eval_wasm.js || ! -f bindings-wasm/pkg/node/cadre_eval_wasm.js ]]; then
        echo "bindings-wasm/pkg/ is missing: run the wasm stage first (scripts/test.sh --only wasm,browser)" >&2
        return 1
    fi
    (cd web && run npm ci --no-audit --no-fund --loglevel=error)
    local log="${TMPDIR:-/tmp}/cadre-eval-browser-test-$$.log" status
    # One test file at a time: the latency figures are not taken beside another browser.
    (cd web && run node --test --test-concurrency=1 tests/) 2>&1 | tee "$log"
    status=${PIPESTATUS[0]}
    add_node_test_counts "$log"
    rm -f "$log"
    return "$status"
}

stage_office() {
    # The workbooks in a real spreadsheet program (docs/excel.md): the bundled chi bộ and
    # đảng bộ written to filled templates, evaluated into results workbooks, which
    # LibreOffice (Debian's, headless) converts to CSV and PDF. The values read back are
    # checked against the JSON results (scripts/check-office-export.py); the summary
    # sheet's first page becomes a PNG (target/office/*-summary.png; docs/excel.md's
    # screenshot is the đảng bộ's); a filled template saved by LibreOffice as ODS reads
    # back as the same records.
    # Liberation Serif stands in for Times New Roman (same metrics, Vietnamese letters).
    if ! command -v soffice >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1 \
        || ! fc-list 2>/dev/null | grep -q "Liberation Serif"; then
        run apt-get update
        run apt-get install -y --no-install-recommends libreoffice-calc poppler-utils fonts-liberation2
    fi
    run cargo build --locked -q -p cadre-eval-cli
    local bin="${CARGO_TARGET_DIR:-target}/debug/cadre-eval" out="target/office" book
    rm -rf "$out"
    mkdir -p "$out"
    # A profile of its own: no lock or setting shared with another LibreOffice.
    local office=(soffice "-env:UserInstallation=file://$REPO_ROOT/$out/profile" --headless)
    local csv_all='csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1'
    run "$bin" template --from examples/chi-bo-2025.json --output "$out/chi-bo.xlsx"
    run "$bin" evaluate "$out/chi-bo.xlsx" --quota --output "$out/chi-bo-ket-qua.xlsx"
    run "$bin" evaluate examples/chi-bo-2025.json --quota --output "$out/chi-bo.csv"
    "$bin" evaluate examples/chi-bo-2025.json --quota >"$out/chi-bo.json"
    run "$bin" template --org --from examples/dang-bo-xa-2025.json --output "$out/dang-bo.xlsx"
    run "$bin" org "$out/dang-bo.xlsx" --output "$out/dang-bo-ket-qua.xlsx"
    "$bin" org examples/dang-bo-xa-2025.json --format json >"$out/dang-bo.json"
    for book in chi-bo-ket-qua dang-bo-ket-qua; do
        run "${office[@]}" --convert-to "$csv_all" --outdir "$out/csv" "$out/$book.xlsx" >/dev/null
        run "${office[@]}" --convert-to pdf --outdir "$out/pdf" "$out/$book.xlsx" >/dev/null
        run pdftoppm -f 1 -l 1 -png -r 110 -singlefile "$out/pdf/$book.pdf" "$out/$book-summary"
        note "summary page: $out/$book-summary.png"
    done
    run python3 scripts/check-office-export.py "$out/chi-bo.json" "$out/csv/chi-bo-ket-qua"
    run python3 scripts/check-office-export.py --org "$out/dang-bo.json" "$out/csv/dang-bo-ket-qua"
    for book in chi-bo dang-bo; do
        run "${office[@]}" --convert-to ods --outdir "$out" "$out/$book.xlsx" >/dev/null
    done
    "$bin" evaluate "$out/chi-bo.ods" --quota >"$out/chi-bo-ods.json"
    "$bin" org "$out/dang-bo.ods" --format json >"$out/dang-bo-ods.json"
    run cmp "$out/chi-bo-ods.json" "$out/chi-bo.json"
    run cmp "$out/dang-bo-ods.json" "$out/dang-bo.json"
    note "the ODS files LibreOffice saved read back as the JSON records"
    # The state template (ND 233): LibreOffice opens it, saves it as ODS, and the ODS's
    # periods sheet still has its Vietnamese headers and reads back (empty).
    run "$bin" template --regime nd233 --kind leader --output "$out/nha-nuoc.xlsx"
    run "${office[@]}" --convert-to ods --outdir "$out" "$out/nha-nuoc.xlsx" >/dev/null
    # UTF-8 (76): the headers are Vietnamese.
    run "${office[@]}" --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76' \
        --outdir "$out/csv" "$out/nha-nuoc.ods" >/dev/null
    run grep -q '^Mã hồ sơ,Loại đánh giá,Quy định áp dụng,Năm đánh giá,' "$out/csv/nha-nuoc.csv"
    [[ "$("$bin" evaluate "$out/nha-nuoc.ods")" == "[]" ]]
    note "the state template LibreOffice saved reads back with its periods headers"
    # The 2026 ND 233 example written into the state template, evaluated with both
    # quotas into a results workbook: LibreOffice's CSV of it agrees with the JSON (the
    # state columns and the summary's state row); its summary page becomes a PNG.
    run "$bin" template --regime nd233 --from examples/trung-tam-y-te-2026-nd233.json \
        --output "$out/nha-nuoc-2026.xlsx"
    run "$bin" evaluate "$out/nha-nuoc-2026.xlsx" --quota --output "$out/nha-nuoc-ket-qua.xlsx"
    "$bin" evaluate examples/trung-tam-y-te-2026-nd233.json --quota >"$out/nha-nuoc-2026.json"
    book=nha-nuoc-ket-qua
    run "${office[@]}" --convert-to "$csv_all" --outdir "$out/csv" "$out/$book.xlsx" >/dev/null
    run "${office[@]}" --convert-to pdf --outdir "$out/pdf" "$out/$book.xlsx" >/dev/null
    run pdftoppm -f 1 -l 1 -png -r 110 -singlefile "$out/pdf/$book.pdf" "$out/$book-summary"
    run python3 scripts/check-office-export.py "$out/nha-nuoc-2026.json" "$out/csv/$book"
}

stage_fuzz() {
    if ! has_nightly; then
        note "SKIPPED: no nightly toolchain ('cargo +nightly --version' failed); cargo-fuzz needs nightly."
        return 0
    fi
    if ! cargo fuzz --version >/dev/null 2>&1; then
        run cargo install --locked cargo-fuzz
    fi
    run cargo +nightly fuzz build
    local targets target
    mapfile -t targets < <(cargo +nightly fuzz list)
    if [[ ${#targets[@]} -eq 0 ]]; then
        echo "no fuzz targets found in fuzz/Cargo.toml" >&2
        return 1
    fi
    local seconds="${FUZZ_SECONDS:-$((FUZZ_TOTAL_SECONDS / ${#targets[@]}))}"
    ((seconds >= 5)) || seconds=5
    for target in "${targets[@]}"; do
        note "--- ${target} (${seconds} s)"
        # fuzz/corpus/<target> (ignored by git) keeps what earlier runs found; the
        # seeds only start it. -timeout: one input slower than 10 s counts as a hang.
        # -verbosity=0 -print_funcs=0: no line per new input or function; crashes and final
        # stats still print.
        mkdir -p "fuzz/corpus/${target}"
        run cargo +nightly fuzz run "$target" "fuzz/corpus/${target}" fuzz/seeds -- \
            -max_total_time="$seconds" -timeout=10 -verbosity=0 -print_funcs=0 \
            -dict=fuzz/dicts/assessment.dict -print_final_stats=1 || {
            echo "fuzz target '${target}' failed; the reproducer is under fuzz/artifacts/${target}/" >&2
            return 1
        }
    done
}

usage() {
    sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

selected=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --only)
            [[ $# -ge 2 ]] || { echo "--only needs a stage name" >&2; exit 2; }
            IFS=',' read -r -a names <<<"$2"
            selected+=("${names[@]}")
            shift 2
            ;;
        --only=*)
            IFS=',' read -r -a names <<<"${1#--only=}"
            selected+=("${names[@]}")
            shift
            ;;
        --list)
            printf '%s\n' "${STAGES[@]}"
            exit 0
            ;;
        -h | --help)
            usage
            exit 0
            ;;
        *)
            echo "unknown argument: $1 (try --help)" >&2
            exit 2
            ;;
    esac
done
if [[ ${#selected[@]} -eq 0 ]]; then
    selected=("${STAGES[@]}")
fi
for stage in "${selected[@]}"; do
    if ! declare -F "stage_${stage}" >/dev/null; then
        echo "unknown stage: ${stage} (stages: ${STAGES[*]})" >&2
        exit 2
    fi
done

current_stage=""
report_failure() {
    local status=$?
    if [[ $status -ne 0 && -n "$current_stage" ]]; then
        printf '\n==> FAILED: stage %s (exit %d)\n' "$current_stage" "$status" >&2
    fi
}
trap report_failure EXIT

print_versions
started=$SECONDS
timings=()
for stage in "${selected[@]}"; do
    current_stage="$stage"
    stage_started=$SECONDS
    header "$stage"
    # Called plainly, not in an `if`, so that `set -e` still stops at a failing command.
    "stage_${stage}"
    timings+=("$(printf '%-8s %4d s' "$stage" $((SECONDS - stage_started)))")
done
current_stage=""

header "all passed in $((SECONDS - started)) s"
printf '    %s\n' "${timings[@]}"
# The closing line CI reads: every Rust test of the run, summed over all test binaries.
if [[ -n "$tests_passed" ]]; then
    printf 'tests: %s passed, %s failed\n' "$tests_passed" "$tests_failed"
fi
