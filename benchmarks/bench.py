"""Throughput of factflow on this machine: extractors alone, and `facts run` end to end.

usage: python benchmarks/bench.py [--docs N] [--sample N] [--source DIR] [--skip-run] [--formats]

Makes a corpus of N documents from the source documents (sentences shuffled and every digit
varied, so that no cache can skip work), then prints:
- extractor-only MB/s and documents/s on one core, per type and for all types together;
- rows/s of the load into DuckDB (the writer alone);
- `facts run` end to end: first run and a no-op re-run (seconds, MB/s, documents/s, rows/s
  loaded), the run's peak RSS and the CPU seconds of each kind of process it ran;
- the first run's MB/s against one-core batched extraction, timed before and after the runs;
- with --formats, the readers of other formats on corpora it writes of the same sentences (HTML
  pages, PDF reports; benchmarks/formats.py): MB/s of the source files and documents/s, read alone
  and read then extracted, on one core.
"""
from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors import COMPILED, extract, extract_amounts, extract_batch, extract_dates, extract_percentages  # noqa: E402
from extractors.watchdog import watched  # noqa: E402

DEFAULT_SOURCE = ROOT.parent / "shared" / "corpora" / "meantime-dev" / "docs"


def make_corpus(source: Path, n_docs: int, out: Path, seed: int = 7) -> list[str]:
    """N documents of source sentences, shuffled, with every digit varied; returns their texts."""
    rng = random.Random(seed)
    sentences = source_sentences(source)
    digits = str.maketrans("0123456789", "1234567890")
    texts = []
    out.mkdir(parents=True, exist_ok=True)
    for i in range(n_docs):
        body = rng.sample(sentences, k=min(len(sentences), rng.randint(15, 40)))
        if i % 2:
            body = [s.translate(digits) if rng.random() < 0.5 else s for s in body]
        text = f"Article {i}\nMarch {i % 28 + 1:02d}, {2000 + i % 20}\n" + "\n".join(body) + "\n"
        texts.append(text)
        (out / f"{i // 1000:03d}").mkdir(exist_ok=True)
        (out / f"{i // 1000:03d}" / f"doc{i:06d}.txt").write_text(text, encoding="utf-8")
    return texts


def source_sentences(source: Path) -> list[str]:
    """The non-empty lines of the source documents, in a fixed order."""
    sentences = [line for f in sorted(source.rglob("*.txt")) for line in f.read_text(encoding="utf-8").splitlines()
                 if line.strip()]
    if not sentences:  # a corpus of datelines alone would time nothing worth timing
        raise SystemExit(f"no source documents (*.txt) under {source}: pass --source DIR")
    return sentences


def time_extractor(name: str, run: Callable[[], int], texts: list[str], megabytes: float, repeats: int = 3) -> float:
    """`run()` extracts from every text and returns the mention count. Best of `repeats` runs in CPU
    time (process_time): other processes on a busy machine skew it less. Returns the MB/s."""
    seconds = float("inf")
    for _ in range(repeats):
        started = time.process_time()
        found = run()
        seconds = min(seconds, time.process_time() - started)
    print(f"  {name:<22} {megabytes / seconds:8.2f} MB/s {len(texts) / seconds:10.0f} docs/s {found:9d} mentions")
    return megabytes / seconds


def run_facts(seeds: Path, db: Path) -> tuple[float, float, dict[str, float]]:
    """Run `facts run` in its own process: the flow's own seconds, the peak RSS (MB) of the
    largest process it ran (the flow process, a worker, the workers' fork server, or Prefect's
    temporary server), and the CPU seconds of each kind of process.

    The workers are children of the fork server, which nobody waits for once the flow process has
    ended, so resource usage of children would miss them: every process of the run is polled
    instead, for its high-water mark (VmHWM) and CPU time, until the run ends.
    """
    import duckdb

    run = subprocess.Popen([sys.executable, "-m", "flows.cli", "run", "--seeds", str(seeds), "--db", str(db)],
                           cwd=ROOT, stdout=subprocess.DEVNULL)
    peaks: dict[int, int] = {}
    cpu: dict[int, tuple[str, float]] = {}  # pid -> (kind, CPU seconds when last seen)
    while run.poll() is None:
        for pid, parent in _descendants(run.pid):
            peaks[pid] = max(peaks.get(pid, 0), _high_water_kb(pid))
            seconds = _cpu_seconds(pid)
            if seconds is not None:
                kind = _kind(pid, run.pid, parent) or cpu.get(pid, ("other", 0.0))[0]
                cpu[pid] = (kind, seconds)
        time.sleep(0.2)
    if run.returncode:
        raise subprocess.CalledProcessError(run.returncode, run.args)
    with duckdb.connect(str(db), read_only=True) as con:
        seconds = con.execute("select seconds from runs order by started_at desc limit 1").fetchone()[0]
    by_kind: dict[str, float] = {}
    for kind, used in cpu.values():
        by_kind[kind] = by_kind.get(kind, 0.0) + used
    return seconds, max(peaks.values(), default=0) / 1024, by_kind


def _descendants(root: int) -> list[tuple[int, int]]:
    """(pid, parent pid) of `root` and of every process below it (from /proc: Linux)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue  # it ended meanwhile
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [(root, 0)]
    while todo:
        pid, parent = todo.pop()
        found.append((pid, parent))
        todo += [(child, pid) for child in children.get(pid, [])]
    return found


def _kind(pid: int, flow: int, parent: int) -> str | None:
    """What the process is, from its command line; None while that is unknown (an ending
    process shows an empty one)."""
    if pid == flow:
        return "flow process"
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return None
    if not command:
        return None
    if b"forkserver" in command:
        return "fork server" if parent == flow else "workers"
    return "Prefect server" if b"uvicorn" in command else "other"


def _high_water_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _cpu_seconds(pid: int) -> float | None:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def time_load(work: Path, seeds: Path, n_docs: int, batch_size: int = 1000) -> None:
    """Rows/s of the writer alone: batches made beforehand, then loaded into a new DuckDB file."""
    from flows.processing import process_paths_columnar
    from warehouse.store import Warehouse

    paths = sorted(p.relative_to(seeds).as_posix() for p in seeds.rglob("*.txt"))[:n_docs]
    batches = [process_paths_columnar(seeds, paths[i:i + batch_size], {}, "bench").batch
               for i in range(0, len(paths), batch_size)]
    rows = sum(len(b.documents) + len(b.rejects) + sum(map(len, b.facts.values())) for b in batches)
    warehouse = Warehouse(work / "load.duckdb", keep_open=True).create()
    started = time.perf_counter()
    for batch in batches:
        warehouse.replace(batch)
    seconds = time.perf_counter() - started
    warehouse.close()
    print(f"load into DuckDB (the writer alone, {len(batches)} batches): {rows} rows in {seconds:.2f} s, "
          f"{rows / seconds:,.0f} rows/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--skip-run", action="store_true", help="measure the extractors only")
    parser.add_argument("--sample", type=int, default=2000, help="documents the extractors are timed on")
    parser.add_argument("--formats", action="store_true", help="also time the HTML and PDF readers")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="factflow-bench-"))
    corpus = make_corpus(args.source, args.docs, work / "seeds")
    corpus_mb = sum(len(t.encode("utf-8")) for t in corpus) / 1e6
    print(f"corpus: {len(corpus)} documents, {corpus_mb:.1f} MB in {work / 'seeds'}")
    texts = corpus[:args.sample]
    del corpus
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    build = "compiled by mypyc" if COMPILED else "plain Python (not compiled: see setup.py)"
    print(f"extractors alone ({build}), one core, on {len(texts)} documents (CPU time, best of 3):")
    reference = date(2010, 3, 3)
    references = [reference] * len(texts)
    # Each type alone under a watchdog, as extract() and extract_batch() run them: their rule
    # patterns then run on `re` (extractors/engines.py).
    with watched():
        for name, extractor in (("amounts", extract_amounts), ("percentages", extract_percentages),
                                ("dates", lambda t: extract_dates(t, reference))):
            time_extractor(name, lambda: sum(len(extractor(t)) for t in texts), texts, megabytes)
    time_extractor("all types", lambda: sum(len(extract(t, reference)) for t in texts), texts, megabytes)
    # as the pipeline runs them: each extractor over a group of documents in turn
    def batched() -> float:
        return time_extractor("all types, batched", lambda: sum(map(len, extract_batch(texts, references))),
                              texts, megabytes)
    before = batched()
    time_load(work, work / "seeds", min(args.docs, args.sample))
    if args.formats:
        from formats import time_formats

        time_formats(source_sentences(args.source), min(args.docs, args.sample), work / "formats", reference)
    if args.skip_run:
        return
    db = work / "facts.duckdb"
    print("facts run, end to end (flow time, without Prefect's start-up):")
    seconds, peak, cpu = run_facts(work / "seeds", db)
    import duckdb
    with duckdb.connect(str(db), read_only=True) as con:
        loaded = sum(con.execute(f"select count(*) from {t}").fetchone()[0]
                     for t in ("documents", "amounts", "percentages", "dates", "rejects"))
    print(f"  first run    {seconds:8.2f} s {corpus_mb / seconds:8.2f} MB/s {args.docs / seconds:10.0f} docs/s "
          f"{loaded / seconds:10.0f} rows/s stored  largest process {peak:.0f} MB RSS")
    print("    CPU by process (seconds, their start included): "
          + ", ".join(f"{kind} {used:.1f}" for kind, used in sorted(cpu.items(), key=lambda kv: -kv[1])))
    first_mb_s = corpus_mb / seconds
    seconds, peak, _ = run_facts(work / "seeds", db)
    print(f"  no-op re-run {seconds:8.2f} s {corpus_mb / seconds:8.2f} MB/s {args.docs / seconds:10.0f} docs/s")
    # This machine's speed drifts by minutes: extraction is timed again after the runs, and the
    # first run is set against the mean of the two timings.
    print("extractors alone again, after the runs:")
    after = batched()
    print(f"first run / one-core batched extraction: {first_mb_s / ((before + after) / 2):.0%} "
          f"(against the timing before the runs: {first_mb_s / before:.0%}; after: {first_mb_s / after:.0%})")


if __name__ == "__main__":
    main()
