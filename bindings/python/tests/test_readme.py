"""The Python examples of the repository README run (the Spark one needs Spark and is only
compiled, and counted as a skip)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from conftest import REPO


def python_blocks() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Python\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, flags=re.DOTALL)


def test_readme_has_the_examples() -> None:
    blocks = python_blocks()
    assert len(blocks) == 3
    assert "mapInArrow" in blocks[2] and "mapInPandas" in blocks[2]


@pytest.mark.parametrize("index", [0, 1, 2])
def test_readme_example_runs(index: int, monkeypatch: pytest.MonkeyPatch) -> None:
    block = python_blocks()[index]
    code = compile(block, f"README.md python block {index}", "exec")
    if "mapInArrow" in block:
        pytest.skip("the PySpark example needs Spark and pyarrow (compiled only)")
    monkeypatch.chdir(REPO)
    namespace: dict[str, object] = {}
    exec(code, namespace)
    if index == 1:
        df: Any = namespace["df"]
        texts = [text for text in df["text"].tolist() if isinstance(text, str)]
        assert texts and not any("4111" in text and "1111 1111" in text for text in texts)
