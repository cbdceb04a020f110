"""The Python examples of the repository README run. Spark is not installed, so the PySpark
example runs against a stand-in DataFrame that feeds its functions real Arrow and pandas
batches of the sample transcript, the way Spark's executors would."""

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


class StandInSparkFrame:
    """The part of a PySpark DataFrame the README uses: `schema`, `mapInArrow` and
    `mapInPandas`, which here run the function over the transcript in two batches and keep
    what it yields."""

    def __init__(self, frame: Any) -> None:
        self.frame = frame
        self.schema = "the DataFrame's schema"
        self.results: dict[str, list[Any]] = {}

    def halves(self) -> list[Any]:
        middle = len(self.frame) // 2
        return [self.frame.iloc[:middle].copy(), self.frame.iloc[middle:].copy()]

    def mapInArrow(self, function: Any, schema: Any) -> str:  # noqa: N802 (PySpark's name)
        import pyarrow as pa  # type: ignore[import-untyped]

        assert schema is self.schema
        batches = [pa.RecordBatch.from_pandas(half, preserve_index=False) for half in self.halves()]
        self.results["arrow"] = [batch.to_pandas() for batch in function(iter(batches))]
        return "masked"

    def mapInPandas(self, function: Any, schema: Any) -> str:  # noqa: N802 (PySpark's name)
        assert schema is self.schema
        self.results["pandas"] = list(function(iter(self.halves())))
        return "masked"


def assert_transcript_masked(frame: Any) -> None:
    texts = [text for text in frame["text"].tolist() if isinstance(text, str)]
    assert texts and not any("4111" in text and "1111 1111" in text for text in texts)


@pytest.mark.parametrize("index", [0, 1, 2])
def test_readme_example_runs(index: int, monkeypatch: pytest.MonkeyPatch) -> None:
    import pandas as pd

    block = python_blocks()[index]
    code = compile(block, f"README.md python block {index}", "exec")
    monkeypatch.chdir(REPO)
    namespace: dict[str, object] = {}
    if "mapInArrow" in block:
        # Spark columns have one type each; the export's mix of numbers and strings in one
        # field becomes strings, as a Spark schema reading it would have it.
        transcript = pd.read_json("tests/data/transcript.jsonl", lines=True).astype(str)
        original = transcript.copy()
        spark = StandInSparkFrame(transcript)
        namespace["df"] = spark
        exec(code, namespace)
        assert namespace["masked"] == "masked"
        for api in ("arrow", "pandas"):
            frames = spark.results[api]
            assert len(frames) == 2, api
            masked = pd.concat(frames, ignore_index=True)
            assert len(masked) == len(original), api
            assert_transcript_masked(masked)
            # The snippet masks cards as labels and leaves the other columns alone.
            assert masked["text"].str.contains("[CARD]", regex=False).any(), api
            others = [name for name in original.columns if name != "text"]
            assert masked[others].astype(str).equals(original[others].astype(str)), api
        return
    exec(code, namespace)
    if index == 1:
        df: Any = namespace["df"]
        assert_transcript_masked(df)
