"""How an HR system calls `cadre-eval serve`: the Python standard library only.

    python3 docs/examples/service_client.py http://127.0.0.1:8080 TOKEN examples/chi-bo-2025.json

Prints one line per record (id, proposed level, the rule that set it) and the
provenance to store with the ratings. The same calls work from any language with an
HTTP client: POST the contract's JSON with `Authorization: Bearer <token>`; see
docs/service.md and /openapi.json.
"""

from __future__ import annotations

import json
import sys
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator
from typing import Any


class ServiceError(Exception):
    """The service refused a request: the HTTP status and the contract's errors."""

    def __init__(self, status: int, errors: list[dict[str, Any]]) -> None:
        self.status = status
        self.errors = errors
        first = errors[0] if errors else {"code": "?", "path": "", "message": {"en": ""}}
        super().__init__(f"{status} {first['code']} at {first['path']!r}: {first['message']['en']}")


class Client:
    """A client of one service, with its bearer token."""

    def __init__(self, base_url: str, token: str | None = None, timeout: float = 60.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.timeout = timeout

    def _request(self, method: str, path: str, body: bytes | Iterable[bytes] | None = None,
                 content_type: str = "application/json") -> urllib.request.Request:
        request = urllib.request.Request(self.base_url + path, data=body, method=method)
        if body is not None:
            request.add_header("Content-Type", content_type)
        if self.token:
            request.add_header("Authorization", f"Bearer {self.token}")
        return request

    def _call(self, request: urllib.request.Request) -> Any:
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return json.load(response)
        except urllib.error.HTTPError as error:
            body = json.load(error)
            raise ServiceError(error.code, body.get("errors", [])) from None

    def evaluate(self, record: dict[str, Any], reading: str = "cascade") -> dict[str, Any]:
        """One assessment: `{"provenance": ..., "decision": ...}`."""
        body = json.dumps(record).encode()
        return self._call(self._request("POST", f"/v1/evaluate?reading={reading}", body))

    def evaluate_batch(self, records: list[dict[str, Any]]) -> dict[str, Any]:
        """A JSON array: every record's result in input order, bad ones with their errors."""
        return self._call(self._request("POST", "/v1/evaluate/batch", json.dumps(records).encode()))

    def evaluate_with_quota(self, records: list[dict[str, Any]],
                            raised_ratio_groups: Iterable[str] = ()) -> dict[str, Any]:
        """A batch with the Excellent quota applied per group."""
        query = "&".join(f"raised_ratio_group={urllib.request.quote(g)}" for g in raised_ratio_groups)
        return self._call(self._request("POST", f"/v1/quota?{query}", json.dumps(records).encode()))

    def evaluate_stream(self, records: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        """JSON Lines in, JSON Lines out: records are sent as they come (chunked) and each
        answer line is yielded as it arrives, in bounded memory on both sides."""
        lines = (json.dumps(record).encode() + b"\n" for record in records)
        request = self._request("POST", "/v1/evaluate/batch", lines, "application/x-ndjson")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                for line in response:
                    if line.strip():
                        yield json.loads(line)
        except urllib.error.HTTPError as error:
            raise ServiceError(error.code, json.load(error).get("errors", [])) from None

    def rules(self) -> dict[str, Any]:
        """The rule catalogue, with the provenance."""
        return self._call(self._request("GET", "/v1/rules"))


def deciding_rule(decision: dict[str, Any]) -> str:
    """The rule that set the level (the first reason that decided it), for display."""
    for reason in decision["reasons"]:
        if reason["effect"] in ("decides", "excludes", "demotes") and reason["holds"]:
            return reason["rule"]
    return decision["reasons"][0]["rule"] if decision["reasons"] else "-"


def main(argv: list[str]) -> int:
    if len(argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    base_url, token, path = argv[1], argv[2], argv[3]
    with open(path, encoding="utf-8") as file:
        records = json.load(file)
    client = Client(base_url, token or None)
    answer = client.evaluate_batch(records)
    for item in answer["items"]:
        if item["status"] == "evaluated":
            decision = item["decision"]
            print(f"{decision['id']:<12} {decision['level'] or '-':<14} {deciding_rule(decision)}")
        else:
            error = item["errors"][0]
            print(f"{item['id'] or '#' + str(item['index']):<12} rejected       {error['code']} at {error['path']}")
    print(json.dumps(answer["provenance"], ensure_ascii=False))
    return 0 if answer["rejected"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
