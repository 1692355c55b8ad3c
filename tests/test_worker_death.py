"""A worker process that dies (the OOM killer, a crash in a C extension, a kill) costs a retry, or
the one document that killed it, and never the run."""
import signal
import subprocess
import sys
import textwrap
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import duckdb
import pytest

from flows.ingest import ingest
from flows import parallel
from flows.parallel import in_worker, worker_processes
from test_faults import FACT_TABLES, api_env, make_seeds, news

pytestmark = pytest.mark.usefixtures("prefect_engine")
POISON = "poison.txt"
N_DOCS = 15  # and the poison: four batches of four, on two workers

# A run whose worker processes die on every batch with poison.txt in it (deaths = -1), or only on
# the first `deaths` of them; each death is a line (its pid) in the log.
POISONED_RUN = textwrap.dedent("""
    import os, signal, sys
    from flows import processing

    seeds, db, deaths, log = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    original = processing.process_documents

    def poisonous(raws, *args):  # in a worker process: each imports this module again
        if any(raw.path == "poison.txt" for raw in raws):
            died = len(open(log).readlines()) if os.path.exists(log) else 0
            if deaths < 0 or died < deaths:
                with open(log, "a") as out:
                    out.write(f"{os.getpid()}\\n")
                os.kill(os.getpid(), signal.SIGKILL)
        return original(raws, *args)

    processing.process_documents = poisonous
    if __name__ == "__main__":
        from flows.ingest import ingest
        ingest(seeds=seeds, db=db, batch_size=4, local_workers=2)
""")


def test_a_call_that_kills_its_worker_twice_is_worker_died_and_the_calls_it_broke_are_retried():
    with worker_processes(2), ThreadPoolExecutor(4) as threads:
        innocent = [threads.submit(in_worker, time.sleep, 0.5) for _ in range(3)]
        deadly = threads.submit(in_worker, signal.raise_signal, signal.SIGKILL)
        assert [call.result() for call in innocent] == [None] * 3
        with pytest.raises(parallel.WorkerDied, match=r"^the worker process died \(killed by signal 9\)$"):
            deadly.result()
        assert in_worker(sum, [1, 2]) == 3  # the pool it broke was replaced


def rows(db: Path, sql: str, params=None) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def content(db: Path, but: str = "") -> dict[str, list[tuple]]:
    """Every stored row but those of the document at path `but`, except what names the run."""
    with duckdb.connect(str(db), read_only=True) as con:
        out = {"documents": con.execute("select * exclude (run_id, ingested_at) from documents where path != ? "
                                        "order by all", [but]).fetchall()}
        for table in FACT_TABLES:
            out[table] = con.execute(f"select * exclude (run_id) from {table} where doc_id not in "
                                     f"(select doc_id from documents where path = ?) order by all", [but]).fetchall()
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, Path]:
    """The seeds folder, poison.txt among them, and the warehouse of a run on it that no death disturbed."""
    folder = tmp_path_factory.mktemp("corpus")
    seeds = make_seeds(folder / "seeds", N_DOCS)
    (seeds / POISON).write_text(news(99), encoding="utf-8")
    clean = folder / "clean.duckdb"
    assert ingest(seeds=str(seeds), db=str(clean), batch_size=4, local_workers=2).docs_failed == 0
    return seeds, clean


def poisoned_run(tmp_path: Path, seeds: Path, deaths: int) -> tuple[Path, list[str]]:
    """The warehouse of a run whose workers die on poison.txt, and the pids of the workers that died."""
    db, log, driver = tmp_path / "facts.duckdb", tmp_path / "deaths", tmp_path / "poisoned.py"
    driver.write_text(POISONED_RUN)
    run = subprocess.run([sys.executable, str(driver), str(seeds), str(db), str(deaths), str(log)],
                         env=api_env(), capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    return db, log.read_text().split() if log.exists() else []


def test_a_document_that_kills_its_worker_is_an_error_row_and_the_next_run_extracts_it(tmp_path, corpus):
    seeds, clean = corpus
    db, died = poisoned_run(tmp_path, seeds, deaths=-1)
    assert len(died) == 4  # its batch, the batch's retry, then the document alone and its retry
    assert content(db, but=POISON) == content(clean, but=POISON)
    [(status, error, fingerprint, stat_key)] = rows(
        db, "select status, error, fingerprint, stat_key from documents where path = ?", [POISON])
    assert status == "error" and fingerprint == "" and stat_key is None
    assert error == "the worker process died while extracting this document (killed by signal 9)"
    assert rows(db, "select status, docs_new, docs_changed, docs_failed from runs") == [
        ("completed", N_DOCS + 1, 0, 1)]

    run = ingest(seeds=str(seeds), db=str(db), batch_size=4, local_workers=2)
    assert (run.docs_changed, run.docs_unchanged, run.docs_failed) == (1, N_DOCS, 0)
    assert content(db) == content(clean)


def test_a_worker_that_dies_once_costs_a_retry_and_no_document(tmp_path, corpus):
    seeds, clean = corpus
    db, died = poisoned_run(tmp_path, seeds, deaths=1)
    assert len(died) == 1
    assert content(db) == content(clean)
    assert rows(db, "select status, docs_new, docs_failed from runs") == [("completed", N_DOCS + 1, 0)]
