"""One bad file never stops or hangs a run: it becomes an error row or a recorded skip.

Each test is an attack an adversarial probe made on the seeds folder (issue 18): links, names,
special files, sidecars, files swapped during a run, folders that cannot be read, text past the
time budget, damaged or full warehouses. Runs that could hang on a regression run in their own
process under a time limit.
"""
from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest

from flows.ingest import ingest
from privileges import mounted_tmpfs, unprivileged
from test_faults import api_env, content, make_seeds, query_count, rows

pytestmark = pytest.mark.usefixtures("prefect_engine")
ROOT = Path(__file__).parents[1]
GOOD = "Exports rose 40% to over $200 million in the first half of 2025.\n"
LIMIT_SECONDS = 180  # a run that hangs fails the test instead of the test run


def seeds_with(folder: Path, files: dict[str, str | bytes]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode() if isinstance(data, str) else data)
    return folder


def documents(db: Path) -> dict[str, tuple[str, str | None]]:
    return {path: (status, error) for path, status, error in rows(db, "select path, status, error from documents")}


def skipped(db: Path) -> dict[str, str]:
    """The paths the last run passed over, with their reasons."""
    return dict(rows(db, "select path, reason from skipped where run_id = "
                         "(select run_id from runs order by started_at desc limit 1)"))


def amounts_of(db: Path, path: str) -> list[str]:
    return [text for (text,) in rows(db, "select a.text from amounts a join documents d using (doc_id) "
                                         "where d.path = ? order by a.start_char", [path])]


def facts_run(seeds: Path, db: Path, *, as_user: bool = False) -> subprocess.CompletedProcess:
    """`facts run` in its own process, as a user starts it, bounded in time."""
    command = [sys.executable, "-m", "flows.cli", "run", "--seeds", str(seeds), "--db", str(db)]
    return subprocess.run(unprivileged(command) if as_user else command, cwd=ROOT, env=api_env(),
                          capture_output=True, text=True, timeout=LIMIT_SECONDS)


# A run whose documents are swapped for something else after discovery, before they are read.
SWAP_DRIVER = textwrap.dedent("""
    import os, sys
    import flows.ingest as ingest_module

    seeds, db, kind, name, target = sys.argv[1:6]
    found = ingest_module.survey

    def survey_then_swap(folder):
        surveyed = found(folder)
        path = os.path.join(seeds, name)
        os.unlink(path)
        if kind == "fifo":
            os.mkfifo(path)
        else:
            os.symlink(target, path)
        return surveyed

    ingest_module.survey = survey_then_swap
    if __name__ == "__main__":
        print(ingest_module.ingest(seeds=seeds, db=db, batch_size=2).status)
""")


def run_with_swap(tmp_path: Path, seeds: Path, db: Path, kind: str, name: str, target: str = "") -> None:
    driver = tmp_path / "swap.py"
    driver.write_text(SWAP_DRIVER)
    done = subprocess.run([sys.executable, str(driver), str(seeds), str(db), kind, name, target], env=api_env(),
                          capture_output=True, text=True, timeout=LIMIT_SECONDS)
    assert done.returncode == 0 and done.stdout.split()[-1] == "completed", done.stderr[-3000:]


# ------------------------------------------------------------------ links and names

def test_a_symlink_loop_is_passed_over_with_its_reason(tmp_path):
    seeds = seeds_with(tmp_path / "seeds", {"good.txt": GOOD})
    os.symlink("loop.txt", seeds / "loop.txt")
    os.symlink("b.txt", seeds / "a.txt")
    os.symlink("a.txt", seeds / "b.txt")
    db = tmp_path / "facts.duckdb"
    run = ingest(seeds=str(seeds), db=str(db))
    assert run.status == "completed" and run.docs_skipped == 3
    assert skipped(db) == {name: "symbolic link loop" for name in ("loop.txt", "a.txt", "b.txt")}
    assert amounts_of(db, "good.txt") == ["$200 million"]


def test_a_file_name_that_is_not_utf8_is_passed_over_and_shown_escaped(tmp_path):
    seeds = seeds_with(tmp_path / "seeds", {"good.txt": GOOD})
    with open(os.fsencode(seeds) + b"/caf\xe9.txt", "wb") as latin1_name:
        latin1_name.write(GOOD.encode())
    os.mkdir(os.fsencode(seeds) + b"/d\xe9j\xe0")
    db = tmp_path / "facts.duckdb"
    run = ingest(seeds=str(seeds), db=str(db))
    assert run.status == "completed"
    assert skipped(db) == {"caf\\xe9.txt": "file name is not valid UTF-8 (rename it to read it)",
                           "d\\xe9j\\xe0/": "folder name is not valid UTF-8 (rename it to read it)"}
    assert list(documents(db)) == ["good.txt"]


def test_a_250_byte_file_name_is_read_like_any_other(tmp_path):
    name = "a" * 246 + ".txt"  # its sidecar's name would be 256 bytes: past the file system's limit
    seeds = seeds_with(tmp_path / "seeds", {name: GOOD})
    db = tmp_path / "facts.duckdb"
    run = ingest(seeds=str(seeds), db=str(db))
    assert documents(db) == {name: ("ok", None)} and run.docs_failed == 0
    assert amounts_of(db, name) == ["$200 million"]


def test_a_sidecar_link_leading_outside_the_seeds_folder_is_not_followed(tmp_path):
    (tmp_path / "private.json").write_text('{"title": "SECRET private metadata"}')
    seeds = seeds_with(tmp_path / "seeds", {"a.txt": GOOD, "good.txt": GOOD})
    os.symlink(tmp_path / "private.json", seeds / "a.meta.json")
    db = tmp_path / "facts.duckdb"
    ingest(seeds=str(seeds), db=str(db))
    status, error = documents(db)["a.txt"]
    assert status == "error" and error.startswith("sidecar a.meta.json could not be read") and "outside" in error
    assert rows(db, "select count(*) from documents where title like '%SECRET%'") == [(0,)]
    assert documents(db)["good.txt"] == ("ok", None)


def test_a_document_swapped_for_a_link_outside_during_the_run_is_not_read(tmp_path):
    (tmp_path / "private.txt").write_text("SECRET: the board paid $9 million.\n")
    seeds = seeds_with(tmp_path / "seeds", {"a.txt": GOOD, "b.txt": GOOD, "c.txt": GOOD})
    db = tmp_path / "facts.duckdb"
    run_with_swap(tmp_path, seeds, db, "link", "b.txt", str(tmp_path / "private.txt"))
    status, error = documents(db)["b.txt"]
    assert status == "error" and "outside the seeds folder" in error
    assert rows(db, "select count(*) from documents where text like '%SECRET%'") == [(0,)]
    assert amounts_of(db, "a.txt") == amounts_of(db, "c.txt") == ["$200 million"]


# ------------------------------------------------------------------ special files

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_sidecar_is_an_error_not_a_hang(tmp_path):
    seeds = seeds_with(tmp_path / "seeds", {"a.txt": GOOD, "good.txt": GOOD})
    os.mkfifo(seeds / "a.meta.json")
    os.mkfifo(seeds / "pipe.txt")
    db = tmp_path / "facts.duckdb"
    done = facts_run(seeds, db)
    assert done.returncode == 0, done.stderr[-3000:]
    assert documents(db)["a.txt"] == ("error", "sidecar a.meta.json could not be read: not a regular file (a FIFO)")
    assert skipped(db) == {"pipe.txt": "not a regular file (a FIFO)"}
    assert amounts_of(db, "good.txt") == ["$200 million"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_swapped_in_for_a_document_during_the_run_is_an_error_not_a_hang(tmp_path):
    seeds = seeds_with(tmp_path / "seeds", {"a.txt": GOOD, "b.txt": GOOD, "c.txt": GOOD})
    db = tmp_path / "facts.duckdb"
    run_with_swap(tmp_path, seeds, db, "fifo", "b.txt")
    assert documents(db) == {"a.txt": ("ok", None), "b.txt": ("error", "not a regular file (a FIFO)"),
                             "c.txt": ("ok", None)}


# ------------------------------------------------------------------ sidecars

@pytest.mark.parametrize("sidecar, message", [
    (b'{"title": "caf\\ud800"}', "sidecar field 'title' holds a lone surrogate escape (not text)"),
    (b"[" * 100_000, "sidecar is not valid JSON: nested too deeply to read"),
    (b'{"published": ' + b"9" * 5000 + b"}", "sidecar is not valid JSON: Exceeds the limit (4300 digits)"),
], ids=["lone surrogate", "nested too deeply", "huge integer"])
def test_a_bad_sidecar_fails_its_document_only_and_says_sidecar(tmp_path, sidecar, message):
    seeds = seeds_with(tmp_path / "seeds", {"a.txt": GOOD, "a.meta.json": sidecar, "good.txt": GOOD})
    db = tmp_path / "facts.duckdb"
    run = ingest(seeds=str(seeds), db=str(db), local_workers=1)  # both documents in one batch
    assert run.status == "completed" and run.docs_failed == 1
    status, error = documents(db)["a.txt"]
    assert status == "error" and error.startswith(message)
    assert amounts_of(db, "good.txt") == ["$200 million"]


# ------------------------------------------------------------------ folders that cannot be read

def test_an_unreadable_folder_is_an_error_and_never_a_removal(tmp_path):
    seeds = seeds_with(tmp_path / "seeds", {"top.txt": GOOD, "sub/a.txt": GOOD, "sub/b.txt": GOOD,
                                            "other/locked.txt": GOOD})
    db = tmp_path / "facts.duckdb"
    first = facts_run(seeds, db)
    assert first.returncode == 0, first.stderr[-3000:]
    before = rows(db, "select * exclude (run_id) from amounts order by all")
    (seeds / "sub").chmod(0)
    (seeds / "other" / "locked.txt").chmod(0)
    (seeds / "other" / "new.txt").write_text(GOOD)
    (seeds / "other" / "new.txt").chmod(0)
    try:
        second = facts_run(seeds, db, as_user=True)
    finally:
        (seeds / "sub").chmod(0o755)
    assert second.returncode == 0, second.stderr[-3000:]
    assert rows(db, "select docs_removed, docs_skipped, docs_failed from runs order by started_at desc limit 1") \
        == [(0, 1, 1)]
    assert skipped(db) == {"sub/": "folder could not be read (Permission denied); its stored documents are kept"}
    docs = documents(db)
    assert docs["sub/a.txt"] == docs["sub/b.txt"] == ("ok", None)
    assert docs["other/new.txt"] == ("error", "file is not readable (permission denied)")
    assert rows(db, "select * exclude (run_id) from amounts order by all") == before
    # readable again: the next run finds the folder as it was and removes nothing
    third = facts_run(seeds, db)
    assert third.returncode == 0, third.stderr[-3000:]
    assert rows(db, "select docs_removed, docs_skipped from runs order by started_at desc limit 1") == [(0, 0)]


# ------------------------------------------------------------------ time budget

def test_a_document_that_timed_out_is_tried_again_by_the_next_run(tmp_path, monkeypatch):
    import flows.processing as processing

    seeds = seeds_with(tmp_path / "seeds", {"slow.txt": GOOD + "(slow)\n", "good.txt": GOOD})
    db = tmp_path / "facts.duckdb"
    real = processing.extract_batch

    def slow_on_the_first_run(texts, dates):
        return [TimeoutError("extraction ran past its time budget") if "(slow)" in text else mentions
                for text, mentions in zip(texts, real(texts, dates))]

    monkeypatch.setattr(processing, "extract_batch", slow_on_the_first_run)
    ingest(seeds=str(seeds), db=str(db), local_workers=1)
    assert documents(db)["slow.txt"][0] == "error" and "timed out" in documents(db)["slow.txt"][1]
    monkeypatch.setattr(processing, "extract_batch", real)
    run = ingest(seeds=str(seeds), db=str(db), local_workers=1)
    assert (run.docs_changed, run.docs_unchanged) == (1, 1)
    assert documents(db)["slow.txt"] == ("ok", None) and amounts_of(db, "slow.txt") == ["$200 million"]


# ------------------------------------------------------------------ the warehouse itself

def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def damaged_copy(tmp_path: Path, how: str) -> Path:
    """A warehouse file that is not DuckDB's, or one with a block of its documents overwritten."""
    db = tmp_path / "damaged.duckdb"
    if how == "not a database":
        db.write_bytes(os.urandom(100_000))
        return db
    seeds = seeds_with(tmp_path / "seeds", {f"d{i}.txt": GOOD * 200 for i in range(50)})
    ingest(seeds=str(seeds), db=str(db))
    with open(db, "r+b") as file:
        file.seek(db.stat().st_size // 2)
        file.write(b"\xff" * 8192)
    return db


@pytest.mark.parametrize("how", ["not a database", "a damaged block"])
def test_a_damaged_warehouse_is_one_line_and_never_written_to(tmp_path, how):
    db = damaged_copy(tmp_path, how)
    seeds = seeds_with(tmp_path / "more", {"new.txt": GOOD})
    before = sha256(db)
    done = facts_run(seeds, db)
    assert done.returncode == 1
    assert done.stderr.strip().count("\n") == 0, done.stderr
    assert done.stderr.startswith(f"error: {db} cannot be read as a DuckDB database, so nothing was written to it")
    assert sha256(db) == before and not Path(f"{db}.wal").exists()


@pytest.fixture
def small_disk(tmp_path):
    with mounted_tmpfs(tmp_path / "small", "3m") as mount:
        yield mount


def test_a_full_disk_says_so(tmp_path, small_disk):
    seeds = seeds_with(tmp_path / "seeds", {f"d{i:04d}.txt": f"Revenue rose {i % 90}% to ${i}.5 million in "
                                                            f"the first half of 2009. " * 40 for i in range(3000)})
    db = small_disk / "facts.duckdb"
    done = facts_run(seeds, db)
    assert done.returncode == 1
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith(f"error: the disk holding {db} is full: nothing of this step was stored"), done.stderr[-3000:]
    assert "cannot rollback" not in done.stderr
    # what was committed before the disk filled up is whole and readable
    with duckdb.connect(str(db), read_only=True) as con:
        stored, facts = con.execute("select count(*), (select count(*) from amounts) from documents").fetchone()
    assert facts == 40 * stored


# ------------------------------------------------------------------ interrupts

# `facts run` as users start it, with the first batch taking a second and every later one six:
# a run long enough (about 30 s) to be interrupted part-way, however slowly the test sees the first
# (each look is a `facts query` process of its own, seconds on a loaded machine).
SLOW_RUN = textwrap.dedent("""
    import itertools, sys, time
    import flows.ingest as ingest_module
    from flows import cli

    extract = ingest_module.in_worker
    calls = itertools.count()

    def slowly(fn, *args):  # the index and the first batch soon, the batches in flight beside it seconds later
        time.sleep(1 if next(calls) < 2 else 6)
        return extract(fn, *args)

    ingest_module.in_worker = slowly
    if __name__ == "__main__":
        sys.argv = ["facts", *sys.argv[1:]]
        cli.main()
""")


@pytest.mark.parametrize("signum, code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)], ids=["SIGINT", "SIGTERM"])
def test_an_interrupted_run_stops_in_seconds_says_so_and_the_next_run_completes_it(tmp_path, signum, code):
    seeds = make_seeds(tmp_path / "seeds", 1000)
    clean = tmp_path / "clean.duckdb"
    ingest(seeds=str(seeds), db=str(clean))
    db, driver = tmp_path / "facts.duckdb", tmp_path / "slow.py"
    driver.write_text(SLOW_RUN)
    run = subprocess.Popen([sys.executable, str(driver), "run", "--seeds", str(seeds), "--db", str(db)],
                           cwd=ROOT, env=api_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))  # as from a terminal
    try:
        deadline = time.monotonic() + LIMIT_SECONDS
        while not db.exists() or query_count(db) == 0:  # a batch is in: the run is under way
            assert run.poll() is None and time.monotonic() < deadline, run.communicate()
            time.sleep(0.1)
        run.send_signal(signum)
        sent = time.monotonic()
        out, err = run.communicate(timeout=60)
        took = time.monotonic() - sent
    finally:
        if run.poll() is None:
            run.kill()
    assert run.returncode == code, err
    assert took < 10, f"the run took {took:.1f} s to stop"
    assert err.strip().splitlines() == ["interrupted: stopped; what was loaded stays whole, and the next run does "
                                        "the rest"], err
    assert rows(db, "select status from runs") == [("interrupted",)]
    stored = rows(db, "select count(*) from documents")[0][0]
    assert 0 < stored < 1000
    again = ingest(seeds=str(seeds), db=str(db))
    assert (again.docs_new, again.docs_unchanged) == (1000 - stored, stored)
    assert content(db) == content(clean)
