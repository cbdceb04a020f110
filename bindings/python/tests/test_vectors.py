"""Every shared conformance vector (tests/vectors, documented in tests/vectors/README.md),
run through the Python API. A vector this API cannot run is skipped with its reason, and
pytest counts the skips."""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest

import piimask
from conftest import REPO, load_vectors

VECTORS = load_vectors()

CONTEXT_FIELDS = {"agent_name", "agent_id", "customer_name", "queue_name", "date", "date_format"}


def utf8_len(text: str) -> int:
    return len(text.encode("utf-8"))


def masker_for(vector: dict[str, Any]) -> piimask.Masker:
    # The vector's config table, in its dict form (the documented JSON form).
    return piimask.Masker(vector.get("config") or {})


def context_for(table: dict[str, Any] | None) -> piimask.RenderContext:
    """The keyword constructor when the table holds only what it takes, else the core's
    parser of the documented form (so unknown fields and wrong types meet the core's errors)."""
    if table is None:
        return piimask.RenderContext()
    keywords_fit = all(
        (name in CONTEXT_FIELDS and isinstance(value, (str, datetime.date)) and (name == "date" or isinstance(value, str)))
        or (name == "unmasked_variables" and isinstance(value, list) and all(isinstance(v, str) for v in value))
        for name, value in table.items()
    )
    if keywords_fit:
        return piimask.RenderContext(**table)
    return piimask.RenderContext.parse(json.dumps(table, default=str))


def test_vectors_are_found_and_named_uniquely() -> None:
    names = [vector["name"] for _, vector in VECTORS]
    assert len(names) > 1000
    assert len(set(names)) == len(names)


def run_mask(vector: dict[str, Any]) -> None:
    if "error" in vector:
        with pytest.raises(piimask.Error) as raised:
            masker_for(vector)
        assert raised.value.code.name == vector["error"]
        assert isinstance(raised.value, piimask.ConfigError)
        return
    masker = masker_for(vector)
    if "input_hex" in vector:
        data = bytes.fromhex("".join(vector["input_hex"].split()))
        expected = (
            bytes.fromhex("".join(vector["output_hex"].split()))
            if "output_hex" in vector
            else vector["output"].encode() if "output" in vector else None
        )
        if expected is not None:
            assert masker.mask_bytes(data) == expected
        if "matches" in vector:
            pytest.skip("matches over bytes that are not UTF-8: the Python API finds in str only")
        return
    text = vector["input"]
    masked = masker.mask(text)
    if "output" in vector:
        assert masked == vector["output"]
    assert masker.mask_bytes(text.encode()) == masked.encode()
    assert masker.mask_batch([text]) == [masked]
    if "matches" in vector:
        found = masker.find(text)
        got = [(m.kind, utf8_len(text[: m.start]), utf8_len(text[: m.end]), text[m.start : m.end]) for m in found]
        want = [(m["kind"], m["start"], m["end"], m["text"]) for m in vector["matches"]]
        assert got == want


def value_of(vector: dict[str, Any], variable: str) -> str:
    values = vector.get("values") or {}
    if variable in values:
        return str(values[variable])
    field = {"agent.name": "agent_name", "agent.id": "agent_id", "customer.name": "customer_name", "queue.name": "queue_name"}
    return str((vector.get("context") or {}).get(field.get(variable, ""), ""))


def run_template(vector: dict[str, Any]) -> None:
    masker = masker_for(vector)
    source = vector["template"]
    try:
        template = piimask.Template(source)
        if "variables" in vector:
            assert template.variables == vector["variables"]
        context = context_for(vector.get("context"))
        output = template.render(vector.get("values") or {}, context=context, masker=masker)
    except piimask.Error as err:
        if "error" not in vector:
            assert "output" not in vector, f"failed: {err.code.name} ({err})"
            return
        assert err.code.name == vector["error"]
        assert isinstance(err, piimask.TemplateError)
        if "error_at" in vector:
            at = vector["error_at"]
            where = source if err.code == piimask.ErrorCode.TEMPLATE_SYNTAX else vector["context"]["date_format"]
            assert err.offset == at["char"]
            assert utf8_len(where[: err.offset]) == at["byte"]
        if "missing" in vector:
            assert isinstance(err, piimask.MissingVariablesError)
            assert err.names == vector["missing"]
        if "reserved" in vector:
            assert isinstance(err, piimask.ReservedInValueError)
            got = [(name, utf8_len(value_of(vector, name)[:char]), char) for name, char in err.values]
            assert got == [(r["variable"], r["byte"], r["char"]) for r in vector["reserved"]]
        return
    assert "error" not in vector, f"expected error {vector['error']}, but it rendered"
    if "output" in vector:
        assert output == vector["output"]


def run_library(vector: dict[str, Any]) -> None:
    text = (REPO / vector["library"]).read_text(encoding="utf-8")
    if "error" in vector:
        with pytest.raises(piimask.LibraryError) as raised:
            piimask.TextBlockLibrary(text)
        assert raised.value.code.name == vector["error"]
        if "library_problems" in vector:
            assert isinstance(raised.value, piimask.LibraryInvalidError)
            got = [(p.index, p.field, p.line, p.problem) for p in raised.value.problems]
            want = [(p.get("index"), p.get("field"), p.get("line"), p["problem"]) for p in vector["library_problems"]]
            assert got == want
        return
    library = piimask.TextBlockLibrary(text)
    if "blocks" in vector:
        assert len(library) == vector["blocks"]
    if "results" in vector:
        hits = library.search(vector["query"], vector.get("limit", 10))
        assert [(hit.block.shortcut, hit.rank) for hit in hits] == [(r["shortcut"], r["rank"]) for r in vector["results"]]


def run_message(vector: dict[str, Any]) -> None:
    message = vector["message"] * vector.get("repeat", 1) + vector.get("append", "")
    report = piimask.check_message(message, masker_for(vector))
    if "chars" in vector:
        assert report.chars == vector["chars"]
    if "problems" in vector:
        problems = [(p.problem, utf8_len(message[: p.offset]), p.offset) for p in report.problems]
        assert problems == [(p["problem"], p["byte"], p["char"]) for p in vector["problems"]]
        assert report.is_sendable == (not vector["problems"])
    if "pii" in vector:
        got = [
            (m.kind, utf8_len(message[: m.start]), utf8_len(message[: m.end]), m.start, m.end, message[m.start : m.end])
            for m in report.pii
        ]
        want = [(p["kind"], p["start"], p["end"], p["char_start"], p["char_end"], p["text"]) for p in vector["pii"]]
        assert got == want


@pytest.mark.parametrize(
    "vector", [vector for _, vector in VECTORS], ids=[f"{file}::{vector['name']}" for file, vector in VECTORS]
)
def test_vector(vector: dict[str, Any]) -> None:
    if "template" in vector:
        run_template(vector)
    elif "library" in vector:
        run_library(vector)
    elif "message" in vector:
        run_message(vector)
    else:
        run_mask(vector)
