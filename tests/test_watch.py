"""`facts watch`: a burst of new files makes one run; a change makes another; a skipped run is retried."""
import os
import signal
import subprocess
import sys
import threading
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


def wait_for_runs(db: Path, n: int, watcher: subprocess.Popen, output: list[str], timeout: float = 90) -> list[tuple]:
    deadline = time.monotonic() + timeout
    while len(runs := completed_runs(db)) < n:
        assert watcher.poll() is None, "".join(output)
        assert time.monotonic() < deadline, f"only {runs} after {timeout} s:\n{''.join(output)}"
        time.sleep(0.3)
    return runs


def ctrl_c_interrupts() -> None:
    """In the child: SIGINT at its default, even when the tests run in the background (`cmd &`)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start_watcher(seeds: Path, db: Path, quiet_ms: int) -> tuple[subprocess.Popen, list[str]]:
    """`facts watch` on the test's Prefect server; its output lines are collected as they come."""
    from prefect.settings import PREFECT_API_URL

    env = os.environ | {"PREFECT_API_URL": PREFECT_API_URL.value()}
    watcher = subprocess.Popen([sys.executable, "-m", "flows.cli", "watch", "--seeds", str(seeds), "--db", str(db),
                                "--quiet-ms", str(quiet_ms)], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True, preexec_fn=ctrl_c_interrupts)
    output: list[str] = []
    threading.Thread(target=lambda: [output.append(line) for line in watcher.stdout], daemon=True).start()
    return watcher, output


def stop_watcher(watcher: subprocess.Popen, output: list[str], runs: int) -> None:
    """Ctrl-C once the last run's summary is out: Prefect ignores a Ctrl-C in a flow's last second."""
    deadline = time.monotonic() + 10
    while sum(line.startswith("run ") for line in output) < runs and time.monotonic() < deadline:
        time.sleep(0.1)
    watcher.send_signal(signal.SIGINT)
    try:
        watcher.wait(timeout=30)
    except subprocess.TimeoutExpired:
        watcher.kill()


def test_watch_debounces_a_burst_into_one_run(tmp_path):
    seeds, db = tmp_path / "seeds", tmp_path / "facts.duckdb"
    seeds.mkdir()
    watcher, output = start_watcher(seeds, db, quiet_ms=500)
    try:
        assert wait_for_runs(db, 1, watcher, output) == [(0, 0, 0)]  # the run at start, on an empty folder
        time.sleep(1)  # let the watcher start watching
        for i in range(100):
            (seeds / f"d{i:03d}.txt").write_text(f"Profit rose {i}% to ${i + 1} million.\n")
        assert wait_for_runs(db, 2, watcher, output)[1] == (100, 0, 0)
        time.sleep(3)
        assert len(completed_runs(db)) == 2, "the burst made more than one run"
        (seeds / "d000.txt").write_text("Profit fell 3% to $2 million.\n")
        assert wait_for_runs(db, 3, watcher, output)[2] == (0, 1, 99)
    finally:
        stop_watcher(watcher, output, runs=3)


def test_watch_retries_a_run_it_had_to_skip(tmp_path):
    from warehouse.store import run_lock

    seeds, db = tmp_path / "seeds", (tmp_path / "facts.duckdb").resolve()
    seeds.mkdir()
    watcher, output = start_watcher(seeds, db, quiet_ms=300)
    try:
        assert wait_for_runs(db, 1, watcher, output) == [(0, 0, 0)]
        time.sleep(1)  # let the watcher start watching
        with run_lock(db):  # as a manual `facts run` holds it
            (seeds / "new.txt").write_text("Profit rose 7% to $3 million.\n")
            deadline = time.monotonic() + 60
            while not any(line.startswith("skipped:") for line in output):
                assert watcher.poll() is None and time.monotonic() < deadline, "".join(output)
                time.sleep(0.3)
        # no file changes from here on: the run the watcher owes must come by itself
        assert wait_for_runs(db, 2, watcher, output, timeout=30)[1] == (1, 0, 0)
    finally:
        stop_watcher(watcher, output, runs=2)
