"""The service as an HR system calls it, through docs/examples/service_client.py (the
standard library only), against a live `cadre-eval serve` (scripts/test.sh, stage
service: CADRE_EVAL_URL, CADRE_EVAL_TOKEN, CADRE_EVAL_CLI).

Decisions are compared with what the CLI prints for the same records: two front ends of
the same library must agree field for field.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.request
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "docs" / "examples"))

from service_client import Client, ServiceError, deciding_rule  # noqa: E402

URL = os.environ["CADRE_EVAL_URL"]
TOKEN = os.environ["CADRE_EVAL_TOKEN"]
CLI = os.environ["CADRE_EVAL_CLI"]
RECORDS: list[dict[str, Any]] = json.loads((ROOT / "examples" / "chi-bo-2025.json").read_text("utf-8"))


def cli_decisions(*args: str) -> list[dict[str, Any]]:
    result = subprocess.run(
        [CLI, "evaluate", "--format", "json", *args, str(ROOT / "examples" / "chi-bo-2025.json")],
        capture_output=True, check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def client() -> Client:
    return Client(URL, TOKEN)


def test_one_record_is_evaluated_with_its_provenance(client: Client) -> None:
    answer = client.evaluate(RECORDS[0])
    decision, provenance = answer["decision"], answer["provenance"]
    assert decision == cli_decisions()[0]
    assert provenance["engine"] == "cadre-eval"
    assert len(provenance["catalogue_sha256"]) == 64
    assert provenance["regimes"] == [decision["regime"]]
    assert deciding_rule(decision).startswith("qd366.")


def test_a_batch_agrees_with_the_cli(client: Client) -> None:
    answer = client.evaluate_batch(RECORDS)
    decisions = [item["decision"] for item in answer["items"] if item["status"] == "evaluated"]
    assert answer["evaluated"] == len(decisions)
    assert decisions == cli_decisions()


def test_the_quota_agrees_with_the_cli(client: Client) -> None:
    answer = client.evaluate_with_quota(RECORDS)
    decisions = [item["decision"] for item in answer["items"] if item["status"] == "evaluated"]
    assert decisions == cli_decisions("--quota")
    assert answer["groups"], "the quota reports its groups"


def test_json_lines_stream_agrees_with_the_array(client: Client) -> None:
    streamed = list(client.evaluate_stream(iter(RECORDS)))
    assert [entry["index"] for entry in streamed] == list(range(len(RECORDS)))
    batch = client.evaluate_batch(RECORDS)["items"]
    assert streamed == batch


def test_errors_carry_code_path_and_both_languages(client: Client) -> None:
    bad = dict(RECORDS[0], tasks={"assigned": 3, "completed": 4, "on_time": 0, "exceeded": 0})
    with pytest.raises(ServiceError) as raised:
        client.evaluate(bad)
    assert raised.value.status == 422
    error = raised.value.errors[0]
    assert error["code"] == "inconsistent_counts"
    assert error["path"].startswith("/tasks/")
    assert error["message"]["vi"] and error["message"]["en"]


def test_a_wrong_token_is_refused() -> None:
    with pytest.raises(ServiceError) as raised:
        Client(URL, "not-the-token").rules()
    assert raised.value.status == 401
    assert raised.value.errors[0]["code"] == "unauthorized"


def test_the_catalogue_hash_is_the_documents() -> None:
    import hashlib

    client = Client(URL, TOKEN)
    expected = client.rules()["provenance"]["catalogue_sha256"]
    request = urllib.request.Request(URL + "/v1/catalogue", headers={"Authorization": f"Bearer {TOKEN}"})
    with urllib.request.urlopen(request) as response:
        assert hashlib.sha256(response.read()).hexdigest() == expected
        assert response.headers["cadre-catalogue-sha256"] == expected


def test_the_example_script_runs() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "docs" / "examples" / "service_client.py"), URL, TOKEN,
         str(ROOT / "examples" / "chi-bo-2025.json")],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == len(RECORDS) + 1
    assert json.loads(lines[-1])["engine"] == "cadre-eval"
