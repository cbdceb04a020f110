"""Shared fixtures: the repository root and the shared conformance vectors."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[3]
VECTORS = REPO / "tests" / "vectors"


def load_vectors() -> list[tuple[str, dict[str, Any]]]:
    """Every ``[[test]]`` of every ``tests/vectors/**/*.toml``, as (file, vector)."""
    vectors = []
    for path in sorted(VECTORS.rglob("*.toml")):
        with path.open("rb") as file:
            for vector in tomllib.load(file)["test"]:
                vectors.append((str(path.relative_to(VECTORS)), vector))
    return vectors


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """One line counting the conformance vectors, like the Rust suite's."""
    outcomes = {"passed": 0, "failed": 0, "skipped": 0}
    for outcome in outcomes:
        for report in terminalreporter.stats.get(outcome, []):
            if "test_vectors.py::test_vector[" in getattr(report, "nodeid", "") and report.when in ("call", "setup"):
                outcomes[outcome] += 1
    total = sum(outcomes.values())
    if total:
        files = len({file for file, _ in load_vectors()})
        terminalreporter.write_line(
            f"{total} conformance vectors in {files} files: {outcomes['passed']} passed, "
            f"{outcomes['failed']} failed, {outcomes['skipped']} skipped (Python)"
        )
