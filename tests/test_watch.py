"""`facts watch`: a burst of new files makes one run; a change makes another."""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

pytestmark = pytest.mark.usefixtures("prefect_engine")
ROOT = Path(__file__).parents[1]


def completed_runs(db: Path) -> list[tuple]:
    try:
        with duckdb.connect(str(db), read_only=True) as con:
            return con.execute("select docs_new, docs_changed, docs_unchanged from runs "
                               "where status = 'completed' order by started_at").fetchall()
    except duckdb.Error:  # not created yet, or the writer holds it for a moment
        return []


def wait_for_runs(db: Path, n: int, watcher: subprocess.Popen, timeout: float = 90) -> list[tuple]:
    deadline = time.monotonic() + timeout
    while len(runs := completed_runs(db)) < n:
        assert watcher.poll() is None, watcher.stdout.read()
        assert time.monotonic() < deadline, f"only {runs} after {timeout} s"
        time.sleep(0.3)
    return runs


def test_watch_debounces_a_burst_into_one_run(tmp_path):
    from prefect.settings import PREFECT_API_URL

    seeds, db = tmp_path / "seeds", tmp_path / "facts.duckdb"
    seeds.mkdir()
    env = os.environ | {"PREFECT_API_URL": PREFECT_API_URL.value()}
    watcher = subprocess.Popen([sys.executable, "-m", "flows.cli", "watch", "--seeds", str(seeds), "--db", str(db),
                                "--quiet-ms", "500"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
    try:
        assert wait_for_runs(db, 1, watcher) == [(0, 0, 0)]  # the run at start, on an empty folder
        time.sleep(1)  # let the watcher start watching
        for i in range(100):
            (seeds / f"d{i:03d}.txt").write_text(f"Profit rose {i}% to ${i + 1} million.\n")
        assert wait_for_runs(db, 2, watcher)[1] == (100, 0, 0)
        time.sleep(3)
        assert len(completed_runs(db)) == 2, "the burst made more than one run"
        (seeds / "d000.txt").write_text("Profit fell 3% to $2 million.\n")
        assert wait_for_runs(db, 3, watcher)[2] == (0, 1, 99)
    finally:
        watcher.send_signal(signal.SIGINT)
        try:
            watcher.wait(timeout=30)
        except subprocess.TimeoutExpired:
            watcher.kill()
