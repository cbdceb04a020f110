#!/usr/bin/env python3
"""Converts the shared conformance vectors (tests/vectors/**/*.toml, the one source of truth)
into a flat data file that the C suite (tests/vectors.c) reads without a TOML parser.

The file is a sequence of records, each `KEY LENGTH\\n` followed by LENGTH raw bytes and a
`\\n`. A vector starts with `name` and ends with `end`; lists are a `*_count` record followed
by one record per item, with the item's fields separated by tabs (an absent field is empty).
Configurations and contexts are written in their JSON form (the core reads TOML and JSON
alike); library files are embedded; message repetitions are expanded.

Usage: vectors_to_data.py OUTPUT   (run from anywhere; paths are relative to the repository)
"""

import datetime
import json
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
VECTORS = ROOT / "tests" / "vectors"


def jsonable(value):
    """TOML values as JSON values (dates and times as the strings the core reads)."""
    if isinstance(value, dict):
        return {key: jsonable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [jsonable(item) for item in value]
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%dT%H:%M")
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return value


class Writer:
    def __init__(self):
        self.out = bytearray()

    def record(self, key, payload):
        if isinstance(payload, str):
            payload = payload.encode("utf-8")
        self.out += f"{key} {len(payload)}\n".encode() + payload + b"\n"

    def fields(self, key, *fields):
        self.record(key, "\t".join("" if f is None else str(f) for f in fields))

    def items(self, key, items, fields):
        self.record(f"{key}_count", str(len(items)))
        for item in items:
            self.fields(key, *(item.get(field) for field in fields))


def convert(vector, source, out):
    out.record("name", vector["name"])
    out.record("file", source)
    if "config" in vector:
        out.record("config", json.dumps(jsonable(vector["config"]), ensure_ascii=False))
    if "error" in vector:
        out.record("error", vector["error"])
    if "input" in vector or "input_hex" in vector:
        out.record("subject", "mask")
        if "input" in vector:
            out.record("input", vector["input"])
        else:
            out.record("input_bytes", bytes.fromhex("".join(vector["input_hex"].split())))
        if "output" in vector:
            out.record("output", vector["output"])
        elif "output_hex" in vector:
            out.record("output", bytes.fromhex("".join(vector["output_hex"].split())))
        if "matches" in vector:
            out.items("match", vector["matches"], ["kind", "start", "end"])
    elif "template" in vector:
        out.record("subject", "template")
        out.record("template", vector["template"])
        if "context" in vector:
            out.record("context", json.dumps(jsonable(vector["context"]), ensure_ascii=False))
        values = vector.get("values", {})
        out.record("value_count", str(len(values)))
        for name, value in values.items():
            out.record("value_name", name)
            out.record("value_text", value)
        if "variables" in vector:
            out.record("variable_count", str(len(vector["variables"])))
            for name in vector["variables"]:
                out.record("variable", name)
        if "output" in vector:
            out.record("output", vector["output"])
        if "error_at" in vector:
            out.fields("error_at", vector["error_at"]["byte"], vector["error_at"]["char"])
        if "missing" in vector:
            out.record("missing_count", str(len(vector["missing"])))
            for name in vector["missing"]:
                out.record("missing", name)
        if "reserved" in vector:
            out.items("reserved", vector["reserved"], ["variable", "byte", "char"])
    elif "library" in vector:
        out.record("subject", "library")
        out.record("library", (ROOT / vector["library"]).read_bytes())
        if "blocks" in vector:
            out.record("blocks", str(vector["blocks"]))
        if "library_problems" in vector:
            out.items("library_problem", vector["library_problems"], ["index", "field", "line", "problem"])
        if "query" in vector:
            out.record("query", vector["query"])
            out.record("limit", str(vector.get("limit", 10)))
        if "results" in vector:
            out.items("result", vector["results"], ["shortcut", "rank"])
    elif "message" in vector:
        out.record("subject", "message")
        message = vector["message"] * vector.get("repeat", 1) + vector.get("append", "")
        out.record("message", message)
        if "chars" in vector:
            out.record("chars", str(vector["chars"]))
        if "problems" in vector:
            out.items("problem", vector["problems"], ["problem", "byte", "char"])
        if "pii" in vector:
            out.items("pii", vector["pii"], ["kind", "start", "end", "char_start", "char_end"])
    else:
        raise SystemExit(f"{source}: {vector['name']}: no subject field")
    out.record("end", "")


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    out = Writer()
    files = sorted(VECTORS.rglob("*.toml"))
    count = 0
    for path in files:
        with path.open("rb") as handle:
            document = tomllib.load(handle)
        for vector in document["test"]:
            convert(vector, str(path.relative_to(VECTORS)), out)
            count += 1
    Path(sys.argv[1]).write_bytes(bytes(out.out))
    print(f"{count} vectors from {len(files)} files -> {sys.argv[1]}")


if __name__ == "__main__":
    main()
