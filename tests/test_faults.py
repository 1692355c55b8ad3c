"""Re-ingestion under faults: bad input, crashes (a real SIGKILL), concurrent readers and runs."""
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest

from flows.ingest import WORKERS, ingest
from warehouse.store import RunInProgress

pytestmark = pytest.mark.usefixtures("prefect_engine")
ROOT = Path(__file__).parents[1]
FACT_TABLES = ("amounts", "percentages", "dates", "rejects")


def rows(db: Path, sql: str, params=None) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def content(db: Path) -> dict[str, list[tuple]]:
    """Every stored row except what names the run that wrote it."""
    with duckdb.connect(str(db), read_only=True) as con:
        out = {"documents": con.sql("select * exclude (run_id, ingested_at) from documents order by all").fetchall()}
        for table in FACT_TABLES:
            out[table] = con.sql(f"select * exclude (run_id) from {table} order by all").fetchall()
    return out


def news(i: int) -> str:
    return (f"Company {i} results\nMarch 3, 2010\nRevenue rose {i % 90 + 1}% to ${i + 1}.5 million in the "
            f"first half of 2009, and the firm expects $2 billion by 2012.\n")


def make_seeds(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"doc{i:04d}.txt").write_text(news(i), encoding="utf-8")
    return folder


def api_env() -> dict[str, str]:
    """The environment for a subprocess that talks to the test's Prefect server."""
    from prefect.settings import PREFECT_API_URL
    return os.environ | {"PREFECT_API_URL": PREFECT_API_URL.value(), "PYTHONPATH": str(ROOT)}


# ------------------------------------------------------------------ bad input

def test_bad_inputs_are_recorded_and_the_run_goes_on(tmp_path, monkeypatch):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    good = "Exports rose 40% to over $200 million in the first half of 2025.\n"
    files = {
        "good.txt": good.encode(),
        "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "latin1.txt": b"Profit of \xa33m in 2009.",
        "utf16.txt": "Profit of £3m in 2009.".encode("utf-16"),
        "utf8bom.txt": b"\xef\xbb\xbfProfit of \xc2\xa33m in 2009.",
        "empty.txt": b"",
        "numbers.txt": b"1," * 500_000 + b"1\n",
        "bad sidecar.txt": b"Profit of $3m.",
        "bad sidecar.meta.json": b"{oops",
        "bad date.txt": b"Profit of $3m.",
        "bad date.meta.json": b'{"published": "2010-02-30"}',
        "unreadable.txt": b"Profit of $3m.",
        "na\u00efve caf\u00e9 \u2013 \u65e5\u672c.txt": "Yen at \u00a55 billion.".encode(),
        "quote's \"and\"; DROP TABLE documents;--.md": b"Robert'); DROP TABLE amounts;-- paid $5.",
    }
    for name, data in files.items():
        (seeds / name).write_bytes(data)
    outside = tmp_path / "outside.txt"
    outside.write_text("Secret $9 million.")
    os.symlink(outside, seeds / "link.txt")
    (seeds / "huge.txt").write_bytes(b"x")
    os.truncate(seeds / "huge.txt", 100_000_000)  # 100 MB, sparse

    (seeds / "unreadable.txt").chmod(0)
    if os.geteuid() == 0:  # root reads anything: make the read fail as it would for a user
        real_open = os.open

        def open_as_a_user(path, *args, **kwargs):
            if Path(path).name == "unreadable.txt":
                raise PermissionError(13, "Permission denied", str(path))
            return real_open(path, *args, **kwargs)
        monkeypatch.setattr(os, "open", open_as_a_user)
    # a file deleted between discovery and reading
    import flows.ingest as ingest_module
    real_survey = ingest_module.survey

    def with_a_vanished_file(folder):
        found = real_survey(folder)
        found.documents["vanished.txt"] = None
        return found
    monkeypatch.setattr(ingest_module, "survey", with_a_vanished_file)

    db = tmp_path / "facts.duckdb"
    run = ingest(seeds=str(seeds), db=str(db))
    assert run.status == "completed"
    docs = {path: (status, error, encoding) for path, status, error, encoding in
            rows(db, "select path, status, error, encoding from documents")}
    assert "link.txt" not in docs
    expected_errors = {
        "binary.txt": "binary file",
        "empty.txt": "file is empty",
        "huge.txt": "100.0 MB, over the 64 MB limit",
        "bad sidecar.txt": "sidecar is not valid JSON",
        "bad date.txt": "sidecar 'published' is not a date",
        "vanished.txt": "disappeared before it could be read",
        "unreadable.txt": "not readable (permission denied)",
    }
    for path, message in expected_errors.items():
        assert docs[path][0] == "error" and message in docs[path][1], (path, docs[path])
    assert docs["latin1.txt"] == ("ok", None, "cp1252")
    assert docs["utf16.txt"] == ("ok", None, "utf-16")
    assert docs["utf8bom.txt"] == ("ok", None, "utf-8-sig")
    assert docs["numbers.txt"][0] in ("ok", "error")  # finished either way: bounded by the regex timeout
    assert run.docs_failed == sum(1 for status, _, _ in docs.values() if status == "error")
    assert run.docs_new == run.docs_seen == len(docs)
    # names and texts with SQL and shell metacharacters are stored verbatim
    weird = "quote's \"and\"; DROP TABLE documents;--.md"
    assert rows(db, "select text from documents where path = ?", [weird]) == [
        ("Robert'); DROP TABLE amounts;-- paid $5.",)]
    assert rows(db, "select a.text, a.currency from amounts a join documents d using (doc_id) where d.path = ?",
                ["latin1.txt"]) == [("£3m", "GBP")]
    assert rows(db, "select a.text from amounts a join documents d using (doc_id) where d.path = 'good.txt'") == [
        ("$200 million",)]


# ------------------------------------------------------------------ crashes

DRIVER = textwrap.dedent("""
    import os, signal, sys, time
    import flows.ingest as ingest_module
    from warehouse import store

    seeds, db, where, nth = (sys.argv[1:] + ["", "", "", "0"])[:4]
    nth = int(nth)
    calls = 0

    def die_on_nth(original):
        def wrapper(*args, **kwargs):
            global calls
            result = original(*args, **kwargs)
            calls += 1
            if calls == nth:
                os.kill(os.getpid(), signal.SIGKILL)
            return result
        return wrapper

    if where == "load":  # inside the load transaction: rows inserted, nothing committed
        original_insert = store._insert
        def _insert(con, statement, rows):
            original_insert(con, statement, rows)
            if statement == "insert_dates":
                die_on_nth(lambda: None)()
        store._insert = _insert
    elif where == "extract":  # while a worker process is extracting a batch
        original_in_worker = ingest_module.in_worker
        def in_worker(fn, *args):
            global calls
            calls += 1
            if calls == nth:
                from flows import parallel
                parallel._pool.submit(fn, *args)
                time.sleep(0.2)
                os.kill(os.getpid(), signal.SIGKILL)
            return original_in_worker(fn, *args)
        ingest_module.in_worker = in_worker
    if __name__ == "__main__":  # worker processes (spawned) import this module again
        ingest_module.ingest(seeds=seeds, db=db, batch_size=25)
""")


# With at most 2 x WORKERS batches in flight, the next batch reaches a worker only after the
# first was loaded: the kill comes with some documents stored and more being extracted.
BATCHES = 2 * WORKERS + 2


@pytest.mark.parametrize("where, nth", [("extract", 2 * WORKERS + 1), ("load", 3)])
def test_sigkill_then_rerun_equals_an_uninterrupted_run(tmp_path, where, nth):
    n_docs = 25 * BATCHES
    seeds = make_seeds(tmp_path / "seeds", n_docs)
    clean_db = tmp_path / "clean.duckdb"
    ingest(seeds=str(seeds), db=str(clean_db), batch_size=25)

    db = tmp_path / "crashed.duckdb"
    driver = tmp_path / "driver.py"
    driver.write_text(DRIVER)
    # returns only once the worker processes, which share its output pipes, have ended too
    killed = subprocess.run([sys.executable, str(driver), str(seeds), str(db), where, str(nth)], env=api_env(),
                            capture_output=True, text=True, timeout=180)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    stored = rows(db, "select count(*) from documents")[0][0]
    assert 0 < stored < n_docs  # it died part-way

    run = ingest(seeds=str(seeds), db=str(db), batch_size=25)
    assert run.docs_new == n_docs - stored and run.docs_unchanged == stored
    assert content(db) == content(clean_db)
    assert rows(db, "select status from runs order by started_at") == [("interrupted",), ("completed",)]


# ------------------------------------------------------------------ concurrency

HELD_RUN = textwrap.dedent("""
    import os, sys, time
    import flows.ingest as ingest_module

    original, hold = ingest_module.in_worker, sys.argv[3]

    def held(fn, seeds, paths, *args):  # the first two batches go through; the others wait
        while paths[0] >= "doc0020" and os.path.exists(hold):
            time.sleep(0.05)
        return original(fn, seeds, paths, *args)

    ingest_module.in_worker = held
    if __name__ == "__main__":  # worker processes (spawned) import this module again
        ingest_module.ingest(seeds=sys.argv[1], db=sys.argv[2], batch_size=10)
""")


def query_count(db: Path) -> int:
    """`facts query` from its own process, as a user would run it during a run."""
    query = subprocess.run([sys.executable, "-m", "flows.cli", "query", "select count(*) from documents",
                            "--db", str(db), "--format", "csv"], env=api_env(), cwd=ROOT,
                           capture_output=True, text=True, timeout=120)
    assert query.returncode == 0, query.stderr
    return int(query.stdout.splitlines()[1])


def test_queries_work_and_a_second_run_is_refused_while_a_run_goes_on(tmp_path):
    seeds = make_seeds(tmp_path / "seeds", 200)
    db = tmp_path / "facts.duckdb"
    driver, hold = tmp_path / "held.py", tmp_path / "hold"
    driver.write_text(HELD_RUN)
    hold.touch()
    writer = subprocess.Popen([sys.executable, str(driver), str(seeds), str(db), str(hold)], env=api_env(),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 90
        while not (db.exists() and Path(f"{db}.lock").exists()):
            assert time.monotonic() < deadline and writer.poll() is None, writer.stderr.read() if writer.poll() else ""
            time.sleep(0.2)
        seen = [query_count(db)]
        while seen[-1] < 20:  # the two batches let through are loaded while we query
            assert time.monotonic() < deadline and writer.poll() is None
            seen.append(query_count(db))
        seen.append(query_count(db))
        assert seen == sorted(seen) and seen[-1] == 20
        with pytest.raises(RunInProgress, match="another facts run"):
            ingest(seeds=str(seeds), db=str(db))
        assert writer.poll() is None, "the run should still be going"
        hold.unlink()
        assert writer.wait(timeout=120) == 0, writer.stderr.read()
    finally:
        if writer.poll() is None:
            writer.kill()
    assert rows(db, "select count(*), count(distinct path) from documents") == [(200, 200)]
    assert rows(db, "select count(*) from amounts")[0][0] >= 200
