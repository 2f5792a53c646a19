"""Shared helpers: the repository's vectors and examples, and the flat form of a record."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
VECTORS = REPO / "vectors"
EXAMPLES = REPO / "examples"

# Folders of other kinds of vectors, each with its own runner (`core/tests/vectors.rs`
# skips the same ones): organisation trees, partial forms, changes, comparisons,
# spreadsheet files.
OTHER_KINDS = {"org", "partial", "change", "compare", "sheets"}


def vector_files(folder: str) -> list[Path]:
    files = sorted((VECTORS / folder).glob("*.json"))
    assert files, f"no vectors under vectors/{folder}"
    return files


def load(folder: str, key: str) -> list[tuple[str, dict[str, Any]]]:
    """(file name, vector) for every vector under `key` of every file of `folder`."""
    found = []
    for file in vector_files(folder):
        data = json.loads(file.read_text(encoding="utf-8"))
        found.extend((file.name, vector) for vector in data.get(key, []))
    return found


def shared_files() -> list[Path]:
    """Every file of single-record and group vectors: each `.json` under vectors/, at
    any depth, outside the folders of other kinds (as `core/tests/vectors.rs` finds
    them), so a new folder (`vectors/qd124/`) runs without naming it here."""
    return sorted(
        file
        for file in VECTORS.rglob("*.json")
        if not OTHER_KINDS.intersection(file.relative_to(VECTORS).parts[:-1])
    )


def load_shared(key: str) -> list[tuple[str, dict[str, Any]]]:
    """(folder/file, vector) for every vector under `key` (`vectors`, `groups`) of
    every shared file."""
    found = []
    for file in shared_files():
        data = json.loads(file.read_text(encoding="utf-8"))
        name = file.relative_to(VECTORS).as_posix()
        found.extend((name, vector) for vector in data.get(key, []))
    return found


def flatten(record: dict[str, Any]) -> dict[str, Any]:
    """A contract record as one row of flat columns, by the documented rule: a leaf's
    column is its path with `/` replaced by `_`; `discipline` stays a list."""
    row: dict[str, Any] = {}

    def walk(value: Any, prefix: str) -> None:
        if isinstance(value, dict) and prefix != "":
            for key, child in value.items():
                walk(child, f"{prefix}_{key}")
        elif isinstance(value, dict):
            for key, child in value.items():
                if key == "discipline":
                    row[key] = child
                else:
                    walk(child, key)
        else:
            row[prefix] = value

    walk(record, "")
    return row


@pytest.fixture(scope="session")
def cli() -> Iterator[Path]:
    """The command-line tool, built by the Rust stages (`CADRE_EVAL_CLI` or target/)."""
    given = os.environ.get("CADRE_EVAL_CLI")
    candidates = [Path(given)] if given else []
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    candidates += [target / "debug/cadre-eval", target / "release/cadre-eval"]
    for path in candidates:
        if path.is_file():
            yield path
            return
    subprocess.run(
        ["cargo", "build", "-q", "-p", "cadre-eval-cli"], cwd=REPO, check=True
    )
    yield target / "debug/cadre-eval"
