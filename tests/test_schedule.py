"""`facts serve` as users start it: a local Prefect server with its UI, a deployment on an interval, real runs."""
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import duckdb
import pytest

from flows.prefect_setup import LOCAL_API_VARIABLE

ROOT = Path(__file__).parents[1]


def completed_runs(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with duckdb.connect(str(db), read_only=True) as con:
            return con.execute("select count(*) from runs where status = 'completed'").fetchone()[0]
    except duckdb.IOException:  # the writer holds the file for a moment
        return 0


def _ctrl_c_interrupts() -> None:
    """In the child: SIGINT at its default, as in a terminal. A test run started in the background
    (`cmd &` in a script) inherits SIGINT ignored, and `facts serve` would never see the Ctrl-C."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_serve_runs_on_schedule_and_stops_its_server(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("Profit rose 5% to $3 million in 2009.\n")
    db = tmp_path / "facts.duckdb"
    home = tmp_path / "prefect-server"
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env["PREFECT_HOME"] = str(home)  # without --prefect-home, the server's home is $PREFECT_HOME
    env[LOCAL_API_VARIABLE] = ""  # a free port, not the default one a user may be using
    env["PREFECT_RUNNER_POLL_FREQUENCY"] = "1"  # pick up due runs within a second (default 10 s)
    serve = subprocess.Popen(
        [sys.executable, "-m", "flows.cli", "serve", "--seeds", str(seeds), "--db", str(db), "--interval", "5s"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        preexec_fn=_ctrl_c_interrupts)
    try:
        deadline = time.monotonic() + 120
        while completed_runs(db) < 2:
            assert serve.poll() is None, serve.stdout.read()
            assert time.monotonic() < deadline, "no two scheduled runs within 120 s"
            time.sleep(1)
        port = re.search(r"http://127\.0\.0\.1:(\d+)", (home / "server.log").read_text())[1]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as page:  # the UI, offline
            assert "<title>Prefect" in page.read().decode()
        assert (home / "prefect.db").exists()
    finally:
        serve.send_signal(signal.SIGINT)
        try:  # a run may be starting: its interrupt and the server's stop take seconds, more under load
            serve.wait(timeout=120)
        except subprocess.TimeoutExpired:
            serve.kill()
            raise
    output = serve.stdout.read()
    assert "serving deployment ingest/factflow" in output
    assert f"Prefect UI: http://127.0.0.1:{port}\n" in output
    with duckdb.connect(str(db), read_only=True) as con:
        runs = con.execute("select run_id, docs_new, docs_unchanged from runs where status = 'completed' "
                           "order by started_at").fetchall()
    assert runs[0][1:] == (1, 0) and all(r[1:] == (0, 1) for r in runs[1:])
    for run_id, new, unchanged in runs:  # one line as each scheduled run starts, one as it ends
        assert re.search(rf"\d\d:\d\d:\d\d run {run_id[:8]} running\n", output), output
        assert re.search(rf"run {run_id[:8]} completed in [\d.]+ s: 1 seen, {new} new, 0 changed, {unchanged} "
                         rf"unchanged, 0 removed, 0 failed", output), output
    # the local server it started is gone with it
    with pytest.raises(OSError):
        urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=2)
