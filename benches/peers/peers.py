"""Python side of the peer comparison, called by benches/peers/run (see there).

Each `measure` subcommand times one peer masking a corpus file and prints one JSON line
(the schema of the Rust timer, benches/src/bin/peers.rs): bytes, lines, lines_changed,
the wall-clock and CPU seconds of every timed run (CPU: this process and its threads, or
the child process for the CLI), median and best MB/s of each (MB = 10^6 bytes of UTF-8 input).
Setup (imports, model loading, reading and splitting the file) stays outside the timed
code; a warm-up run (the whole input, or the first 200 lines for the slow peers) comes
first. `table` turns the collected lines into the printed table and target/peers/results.md.
"""

import argparse
import importlib.metadata as metadata
import json
import os
import statistics
import subprocess
import sys
import time

ENTITIES = ["CREDIT_CARD", "IBAN_CODE", "US_SSN", "EMAIL_ADDRESS", "PHONE_NUMBER"]


def emit(engine, text_bytes, lines, lines_changed, timings, unit, **extra):
    """`timings`: (wall seconds, CPU seconds) of each timed run."""
    megabytes = text_bytes / 1e6
    wall = [w for w, _ in timings]
    cpu = [c for _, c in timings]
    record = {
        "engine": engine,
        "bytes": text_bytes,
        "lines": lines,
        "lines_changed": lines_changed,
        "unit": unit,
        "seconds": [round(s, 6) for s in wall],
        "median_mb_s": round(megabytes / statistics.median(wall), 3),
        "best_mb_s": round(megabytes / min(wall), 3),
        "cpu_seconds": [round(s, 6) for s in cpu],
        "cpu_median_mb_s": round(megabytes / statistics.median(cpu), 3),
        "cpu_best_mb_s": round(megabytes / min(cpu), 3),
    }
    record.update(extra)
    print(json.dumps(record), flush=True)


def read(path):
    with open(path, encoding="utf-8") as file:
        return file.read()


def timed(function, runs):
    """Wall-clock and CPU seconds (this process, all its threads) of each of `runs` calls."""
    timings = []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = function()
        timings.append((time.perf_counter() - start, time.process_time() - start_cpu))
        del result
    return timings


def per_line(engine, path, runs, mask_one, warmup_lines=None, **extra):
    """Masks every line (a chat message) with its own call."""
    text = read(path)
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    warm = lines if warmup_lines is None else lines[:warmup_lines]
    masked = [mask_one(line) for line in warm]
    changed = sum(a != b for a, b in zip(warm, masked))
    if warmup_lines is not None:
        # The warm-up saw only part of the input: count changes on the first timed run.
        changed = None
    counted = {}

    def run():
        out = [mask_one(line) for line in lines]
        if "changed" not in counted:
            counted["changed"] = sum(a != b for a, b in zip(lines, out))
        return out

    timings = timed(run, runs)
    if changed is None:
        changed = counted["changed"]
    emit(engine, len(text.encode("utf-8")), len(lines), changed, timings, "one call per line", **extra)


def measure_python_re(args):
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import re_baseline

    text = read(args.file)
    masked = re_baseline.mask(text)  # warm-up
    changed = sum(a != b for a, b in zip(text.split("\n"), masked.split("\n")))
    del masked
    timings = timed(lambda: re_baseline.mask(text), args.runs)
    emit("python-re-baseline", len(text.encode("utf-8")), text.count("\n"), changed, timings, "whole file, one call")


def measure_presidio(args):
    # Presidio's email and URL checks call tldextract, whose default extractor fetches the
    # public suffix list over the network on first use (and logs a traceback when it
    # cannot). Use the snapshot tldextract ships instead: no network, same answers.
    import tldextract

    tldextract.tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=())
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_anonymizer import AnonymizerEngine
    from presidio_anonymizer.entities import OperatorConfig

    configuration = {
        "nlp_engine_name": "spacy",
        "models": [{"lang_code": "en", "model_name": os.path.abspath(args.model)}],
    }
    nlp_engine = NlpEngineProvider(nlp_configuration=configuration).create_engine()
    registry = RecognizerRegistry(supported_languages=["en"])
    registry.load_predefined_recognizers(nlp_engine=nlp_engine, languages=["en"])
    analyzer = AnalyzerEngine(nlp_engine=nlp_engine, registry=registry, supported_languages=["en"])
    anonymizer = AnonymizerEngine()

    def keep_tail(value):
        compact = "".join(value.split())
        return "*" * max(len(compact) - 4, 0) + compact[-4:]

    def keep_email(value):
        local, _, domain = value.partition("@")
        return ("*" if len(local) == 1 else local[0] + "*" * (len(local) - 1)) + "@" + domain

    operators = {entity: OperatorConfig("custom", {"lambda": keep_tail}) for entity in ENTITIES}
    operators["EMAIL_ADDRESS"] = OperatorConfig("custom", {"lambda": keep_email})

    def mask_one(line):
        results = analyzer.analyze(text=line, language="en", entities=ENTITIES)
        if not results:
            return line
        return anonymizer.anonymize(text=line, analyzer_results=results, operators=operators).text

    per_line("presidio", args.file, args.runs, mask_one, warmup_lines=200, version=metadata.version("presidio-analyzer"))


def measure_scrubadub(args):
    import scrubadub

    # The default detectors minus credential, twitter and url: the kinds piimask covers
    # (en_US locale). scrubadub has no IBAN detector; it replaces with {{KIND}} (its
    # default), no tail kept.
    scrubber = scrubadub.Scrubber(detector_list=["credit_card", "email", "phone", "social_security_number"])
    per_line("scrubadub", args.file, args.runs, scrubber.clean, warmup_lines=200, version=metadata.version("scrubadub"))


def measure_piimask_python(args):
    import piimask

    masker = piimask.Masker()
    text = read(args.file)
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    size = len(text.encode("utf-8"))
    version = getattr(piimask, "__version__", "?")

    masked = masker.mask_batch(lines)  # warm-up
    changed = sum(a != b for a, b in zip(lines, masked))
    del masked
    timings = timed(lambda: masker.mask_batch(lines), args.runs)
    emit("piimask-python-mask_batch", size, len(lines), changed, timings, "mask_batch(list of lines)", version=version)

    masked = masker.mask(text)  # warm-up
    changed = sum(a != b for a, b in zip(text.split("\n"), masked.split("\n")))
    del masked
    timings = timed(lambda: masker.mask(text), args.runs)
    emit("piimask-python-mask", size, len(lines), changed, timings, "whole file, one mask() call", version=version)


def measure_cli(args):
    size = os.path.getsize(args.file)
    with open(args.file, "rb") as file:
        lines = file.read().split(b"\n")
    command = [args.binary, "mask", "-q", "--jobs", str(args.jobs)]
    # Warm-up to a file, which also counts the changed lines.
    out_path = os.path.join(args.scratch, "cli-output.txt")
    subprocess.run(command + ["-o", out_path, args.file], check=True)
    with open(out_path, "rb") as file:
        changed = sum(a != b for a, b in zip(lines, file.read().split(b"\n")))
    os.remove(out_path)

    timings = []
    for _ in range(args.runs):
        # CPU time of the child (user + system, all its threads) from wait4's rusage.
        start = time.perf_counter()
        child = subprocess.Popen(command + ["-o", "/dev/null", args.file])
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            sys.exit(f"{' '.join(command)} exited with {child.returncode}")
        timings.append((wall, usage.ru_utime + usage.ru_stime))
    unit = f"process, file to /dev/null, --jobs {args.jobs}"
    emit(f"piimask-cli-jobs{args.jobs}", size, len(lines) - 1, changed, timings, unit)


LABELS = {
    "piimask": "piimask, Rust `Masker::mask` (1 core)",
    "regex-baseline": "regex-crate baseline, Rust (frozen, 1 core)",
    "piimask-cli-jobs1": "piimask CLI `piimask mask --jobs 1`",
    "piimask-cli-jobs2": "piimask CLI `piimask mask --jobs 2` (2 cores)",
    "piimask-python-mask_batch": "piimask Python `Masker().mask_batch(lines)`",
    "piimask-python-mask": "piimask Python `Masker().mask(text)`",
    "python-re-baseline": "Python `re` baseline (frozen)",
    "presidio": "Microsoft Presidio (pattern recognizers)",
    "scrubadub": "scrubadub",
}


def table(args):
    records = []
    with open(args.results, encoding="utf-8") as file:
        for line in file:
            if line.strip():
                records.append(json.loads(line))
    notes = []
    if os.path.exists(args.notes):
        with open(args.notes, encoding="utf-8") as file:
            notes = [line.rstrip("\n") for line in file if line.strip()]
    # piimask Rust on each corpus size is the reference of every row on that size.
    reference = {r["bytes"]: r for r in records if r["engine"] == "piimask"}
    largest = max(r["bytes"] for r in records)

    def rate(value):
        return f"{value:,.1f}" if value >= 1 else f"{value:.4f}"

    def ratio(ref, value):
        if not ref or not value:
            return "n/a"
        factor = ref / value
        return f"{factor:,.0f}×" if factor >= 100 else f"{factor:.1f}×"

    rows = []
    for r in records:
        label = LABELS.get(r["engine"], r["engine"])
        unit = r.get("unit", "whole file, one call")
        size = f"{r['bytes'] / 2**20:.0f} MiB" + ("" if r["bytes"] == largest else " prefix")
        ref = reference.get(r["bytes"], {})
        rows.append(
            [
                label,
                size,
                unit,
                str(len(r["seconds"])),
                rate(r["median_mb_s"]),
                rate(r["best_mb_s"]),
                rate(r["cpu_median_mb_s"]) if "cpu_median_mb_s" in r else "n/a",
                ratio(ref.get("cpu_median_mb_s"), r.get("cpu_median_mb_s")),
                ratio(ref.get("median_mb_s"), r["median_mb_s"]),
                f"{r['lines_changed']:,} / {r['lines']:,}",
            ]
        )
    header = [
        "peer",
        "corpus",
        "unit of work",
        "runs",
        "MB/s wall (median)",
        "MB/s wall (best)",
        "MB per CPU-s (median)",
        "piimask Rust ÷ peer (CPU)",
        "piimask Rust ÷ peer (wall)",
        "lines changed",
    ]
    widths = [max(len(row[i]) for row in rows + [header]) for i in range(len(header))]

    def line(cells):
        return "  ".join(cell.ljust(widths[i]) if i in (0, 1, 2) else cell.rjust(widths[i]) for i, cell in enumerate(cells))

    print(line(header))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print(line(row))
    for note in notes:
        print(note)

    with open(args.markdown, "w", encoding="utf-8") as file:
        file.write("# Peer comparison (benches/peers/run)\n\n")
        file.write("| " + " | ".join(header) + " |\n")
        file.write("|" + "|".join("---" if i < 3 else "---:" for i in range(len(header))) + "|\n")
        for row in rows:
            file.write("| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |\n")
        file.write("\n")
        for note in notes:
            file.write(f"- {note}\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ["python-re", "presidio", "scrubadub", "piimask-python", "cli"]:
        p = sub.add_parser(name)
        p.add_argument("file")
        p.add_argument("--runs", type=int, default=5)
        if name == "presidio":
            p.add_argument("--model", required=True, help="a spaCy pipeline saved to disk")
        if name == "cli":
            p.add_argument("--binary", required=True)
            p.add_argument("--jobs", type=int, default=1)
            p.add_argument("--scratch", required=True)
    p = sub.add_parser("table")
    p.add_argument("results")
    p.add_argument("--markdown", required=True)
    p.add_argument("--notes", required=True)
    args = parser.parse_args()
    {
        "python-re": measure_python_re,
        "presidio": measure_presidio,
        "scrubadub": measure_scrubadub,
        "piimask-python": measure_piimask_python,
        "cli": measure_cli,
        "table": table,
    }[args.command](args)


if __name__ == "__main__":
    main()
