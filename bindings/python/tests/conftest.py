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
