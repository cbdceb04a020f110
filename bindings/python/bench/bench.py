"""Throughput and latency of the Python bindings (a benchmark, not a test).

Run from the repository root, with the package installed (scripts/test leaves it in
target/python-venv):

    target/python-venv/bin/python bindings/python/bench/bench.py

and the Rust baseline (the core's `mask` applied message by message on one thread, same corpus):

    cargo bench -p piimask-benches --bench messages

Corpus: the chat texts of tests/data/transcript.jsonl (the same as benches/src/lib.rs's
`sample_texts`), repeated to about 32 MB, one `str` per message; and the same with only the
texts that hold nothing to mask (where the core is fastest, so the binding's share is largest). "fresh" strings are new
objects whose UTF-8 form CPython has not cached yet (what a DataFrame read from a file holds);
"warm" strings have it cached by an earlier call, so only ASCII-or-cached reads remain.
`mask_batch` on one core runs in a child process pinned to one CPU (os.sched_setaffinity), so
the calling thread and the pool's one thread share that core.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import timeit
from collections.abc import Callable
from pathlib import Path

import piimask

REPO = Path(__file__).resolve().parents[3]
CORPUS_BYTES = 32 << 20


def sample_texts() -> list[str]:
    texts = []
    with (REPO / "tests/data/transcript.jsonl").open(encoding="utf-8") as export:
        for line in export:
            text = json.loads(line).get("text")
            if isinstance(text, str):
                texts.append(text)
    return texts


def corpus(clean: bool = False) -> list[str]:
    """The sample texts repeated to about 32 MB; with `clean`, only those with nothing to mask."""
    sample = sample_texts()
    if clean:
        masker = piimask.Masker()
        sample = [text for text in sample if masker.mask(text) is text]
    size = sum(len(text.encode()) for text in sample)
    return sample * (CORPUS_BYTES // size + 1)


def fresh(texts: list[str]) -> list[str]:
    """New `str` objects equal to `texts`, without a cached UTF-8 form."""
    return [text.encode().decode() for text in texts]


def message(name: str) -> str:
    source = (REPO / "benches/src/lib.rs").read_text(encoding="utf-8")
    found = re.search(rf'pub const {name}: &str = "(.*)";', source)
    assert found, name
    return found.group(1)


def best(run: Callable[[], object], setup: Callable[[], None] = lambda: None, repeat: int = 5) -> float:
    """The fastest of `repeat` runs, in seconds (setup outside the timing)."""
    times = []
    for _ in range(repeat):
        setup()
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def report(label: str, seconds: float, nbytes: int) -> None:
    print(f"  {label:<58} {nbytes / seconds / 1e6:8.1f} MB/s  ({seconds * 1e3:7.1f} ms)")


def batch_only(threads_label: str) -> None:
    """The mask_batch figures, in this process's thread pool."""
    for clean in (False, True):
        batch_figures(threads_label, clean)


def batch_figures(threads_label: str, clean: bool) -> None:
    texts = corpus(clean)
    threads_label += ", PII-free messages" if clean else ""
    nbytes = sum(len(text.encode()) for text in texts)
    masker = piimask.Masker()
    state: dict[str, list[str]] = {}

    def new_strings() -> None:
        state["texts"] = fresh(texts)

    report(f"mask_batch, {threads_label}, fresh str", best(lambda: masker.mask_batch(state["texts"]), new_strings), nbytes)
    warm = fresh(texts)
    masker.mask_batch(warm)
    report(f"mask_batch, {threads_label}, warm str", best(lambda: masker.mask_batch(warm)), nbytes)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--one-core":
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
        batch_only("1 core")
        return
    texts = corpus()
    nbytes = sum(len(text.encode()) for text in texts)
    ascii_share = sum(text.isascii() for text in texts) / len(texts)
    masker = piimask.Masker()
    print(f"piimask {piimask.__version__}, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    print(f"corpus: {len(texts)} messages, {nbytes / 1e6:.1f} MB, {ascii_share:.0%} ASCII-only messages")

    print("\nlatency (timeit, best of 7 x 200k calls):")
    clean, card = message("MESSAGE_CLEAN"), message("MESSAGE_CARD")
    assert len(clean.encode()) == 120 and len(card.encode()) == 120
    for label, statement in [
        ("Masker.mask, 120-byte message without PII", lambda: masker.mask(clean)),
        ("piimask.mask, 120-byte message without PII", lambda: piimask.mask(clean)),
        ("Masker.mask, 120-byte message with one card", lambda: masker.mask(card)),
        ("Masker.find, 120-byte message with one card", lambda: masker.find(card)),
        ("(a no-op method call, for scale: str.isascii)", lambda: clean.isascii()),
    ]:
        per_call = min(timeit.repeat(statement, number=200_000, repeat=7)) / 200_000
        print(f"  {label:<58} {per_call * 1e9:8.0f} ns")

    # A server gets a new str per message: CPython has not cached its UTF-8 form yet (the
    # clean message has a non-ASCII '€', so the first read encodes it). Timed as a loop over
    # 200k distinct copies, loop overhead included.
    copies: dict[str, list[str]] = {}

    def new_copies() -> None:
        copies["texts"] = fresh([clean] * 200_000)

    loop = best(lambda: [masker.mask(t) for t in copies["texts"]], new_copies, repeat=7) / 200_000
    empty_loop = best(lambda: [t for t in copies["texts"]], new_copies, repeat=7) / 200_000
    print(f"  {'Masker.mask, 120-byte message without PII, fresh str':<58} {loop * 1e9:8.0f} ns"
          f"  (a loop doing nothing: {empty_loop * 1e9:.0f} ns)")

    print("\nthroughput (best of 5):")
    report("Masker.mask in a Python loop, one thread, warm str", best(lambda: [masker.mask(t) for t in texts]), nbytes)
    sys.stdout.flush()
    subprocess.run([sys.executable, __file__, "--one-core"], check=True)
    batch_only(f"{len(os.sched_getaffinity(0))} cores")

    print("\nwhere string conversion goes (one thread, GIL held, best of 5):")
    state: dict[str, list[str]] = {}

    def new_strings() -> None:
        state["texts"] = fresh(texts)

    report("str -> UTF-8 of fresh str (str.encode, a copy)", best(lambda: [t.encode() for t in state["texts"]], new_strings), nbytes)
    masked = masker.mask_batch(texts)
    changed = [m.encode() for m, t in zip(masked, texts) if m is not t]
    changed_bytes = sum(len(m) for m in changed)
    print(f"  {len(changed)} of {len(texts)} messages hold PII ({changed_bytes / 1e6:.1f} MB of masked output)")
    report("UTF-8 -> new str for the masked ones (bytes.decode)", best(lambda: [m.decode() for m in changed]), changed_bytes)
    report("list building alone ([t for t in texts])", best(lambda: [t for t in texts]), nbytes)


if __name__ == "__main__":
    main()
