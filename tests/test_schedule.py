"""`facts serve` as users start it: a local Prefect server, a deployment on an interval, real runs."""
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
    env["PREFECT_RUNNER_POLL_FREQUENCY"] = "1"  # pick up due runs within a second (default 10 s)
    serve = subprocess.Popen(
        [sys.executable, "-m", "flows.cli", "serve", "--seeds", str(seeds), "--db", str(db), "--interval", "5s",
         "--prefect-home", str(home)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        preexec_fn=_ctrl_c_interrupts)
    try:
        deadline = time.monotonic() + 120
        while completed_runs(db) < 2:
            assert serve.poll() is None, serve.stdout.read()
            assert time.monotonic() < deadline, "no two scheduled runs within 120 s"
            time.sleep(1)
    finally:
        serve.send_signal(signal.SIGINT)
        try:  # a run may be starting: its interrupt and the server's stop take seconds, more under load
            serve.wait(timeout=120)
        except subprocess.TimeoutExpired:
            serve.kill()
            raise
    output = serve.stdout.read()
    assert "serving deployment ingest/factflow" in output
    with duckdb.connect(str(db), read_only=True) as con:
        runs = con.execute("select docs_new, docs_unchanged from runs where status = 'completed' "
                           "order by started_at").fetchall()
    assert runs[0] == (1, 0) and all(r == (0, 1) for r in runs[1:])
    # the local server it started is gone with it
    port = re.search(r"http://127\.0\.0\.1:(\d+)", (home / "server.log").read_text())[1]
    with pytest.raises(OSError):
        urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=2)
