"""Readers cost the one writer nothing once they are gone, and read on read-only media.

A reader announces itself with a `<db>.reader-<pid>` marker held under an OS lock (issue 19): a
`facts query` killed while announced (SIGKILL) once made every later write wait 10 s, and a
warehouse in a read-only folder could not be queried at all.
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

from privileges import unprivileged
from warehouse.store import READER_TURN_SECONDS, Warehouse, readers_waiting

ROOT = Path(__file__).parents[1]

# A reader stopped between announcing itself and opening its connection, as a SIGKILL can stop it.
ANNOUNCED_READER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from warehouse import store

    def announced(*args, **kwargs):
        print("announced", flush=True)
        time.sleep(600)

    store.connect = announced
    with store.reading(Path(sys.argv[1])):
        pass
""")


def three_writes(db: Path) -> float:
    """Seconds taken by three transactions of a writer that keeps its connection."""
    warehouse = Warehouse(db, keep_open=True)
    try:
        started = time.monotonic()
        warehouse.create()
        warehouse.mark_interrupted_runs()
        warehouse.mark_interrupted_runs()
        return time.monotonic() - started
    finally:
        warehouse.close()


def killed_reader(db: Path) -> Path:
    """The marker of a reader SIGKILLed while it waited to get in."""
    reader = subprocess.Popen([sys.executable, "-c", ANNOUNCED_READER, str(db)], cwd=ROOT, stdout=subprocess.PIPE,
                              text=True, env=os.environ | {"PYTHONPATH": str(ROOT)})
    try:
        assert reader.stdout.readline() == "announced\n"
        marker = Path(f"{db}.reader-{reader.pid}")
        assert readers_waiting(db) == [marker]  # alive, it is waited for
    finally:
        reader.send_signal(signal.SIGKILL)
        reader.wait(timeout=30)
    return marker


def stale_file(db: Path) -> Path:
    """A marker nobody holds, as an older version or a copied folder leaves one."""
    marker = Path(f"{db}.reader-999999999")
    marker.touch()
    return marker


@pytest.mark.parametrize("leave_marker", [killed_reader, stale_file])
def test_a_dead_readers_marker_costs_the_writer_nothing(tmp_path, leave_marker):
    db = tmp_path / "facts.duckdb"
    Warehouse(db).create()
    marker = leave_marker(db)
    assert marker.exists()
    # A functional bound, not a benchmark: a marker taken for a live reader costs 10 s a transaction.
    assert three_writes(db) < 2 < READER_TURN_SECONDS
    assert not marker.exists()  # removed as the writer found it unheld


def test_a_live_reader_gets_in_while_the_writer_keeps_its_connection(tmp_path):
    db = tmp_path / "facts.duckdb"
    warehouse = Warehouse(db, keep_open=True).create()
    try:
        assert warehouse._con is not None
        reader = subprocess.run([sys.executable, "-c", "import sys; from warehouse.store import totals; "
                                 "print(totals(sys.argv[1])['documents'])", str(db)],
                                cwd=ROOT, env=os.environ | {"PYTHONPATH": str(ROOT)},
                                capture_output=True, text=True, timeout=60)
        assert reader.returncode == 0, reader.stderr
        assert reader.stdout == "0\n"
        warehouse.mark_interrupted_runs()  # and the writer goes on
    finally:
        warehouse.close()
    assert not list(tmp_path.glob("facts.duckdb.reader-*"))


def listing(folder: Path) -> dict[str, tuple[int, str]]:
    """Each entry of `folder`: its mode and the sha256 of its bytes."""
    return {p.name: (p.stat().st_mode, hashlib.sha256(p.read_bytes()).hexdigest()) for p in sorted(folder.iterdir())}


@pytest.fixture
def read_only_warehouse(tmp_path):
    """A warehouse with one amount, in a folder nobody may write to (a read-only mount, a shared archive)."""
    folder = tmp_path / "archive"
    folder.mkdir()
    db = folder / "facts.duckdb"
    Warehouse(db).create()
    with duckdb.connect(str(db)) as con:
        con.execute("insert into amounts (doc_id, start_char, end_char, text, value, value_max, currency, qualifier, "
                    "rule, run_id) values ('d1', 3, 15, '$200 million', 200000000, null, 'USD', 'over', "
                    "'<currency> <number> <scale>', 'r1')")
    db.chmod(0o444)
    folder.chmod(0o555)
    yield db
    folder.chmod(0o755)


def facts(*args: str) -> subprocess.CompletedProcess:
    """The `facts` CLI in its own process, run as a user without the right to write to a read-only folder."""
    command = unprivileged([sys.executable, "-m", "flows.cli", *args])
    return subprocess.run(command, cwd=ROOT, env=os.environ | {"PYTHONPATH": str(ROOT)},
                          capture_output=True, text=True, timeout=120)


def test_query_and_export_work_on_a_warehouse_in_a_read_only_folder(read_only_warehouse, tmp_path):
    db = read_only_warehouse
    before = listing(db.parent)
    queried = facts("query", "select text from amounts", "--db", str(db), "--format", "csv")
    assert queried.returncode == 0, queried.stderr
    assert queried.stdout == "text\n$200 million\n"
    out = tmp_path / "out"
    out.mkdir()
    exported = facts("export", str(out), "--db", str(db))
    assert exported.returncode == 0, exported.stderr
    assert duckdb.sql(f"select text from '{out}/amounts.parquet'").fetchall() == [("$200 million",)]
    assert listing(db.parent) == before
