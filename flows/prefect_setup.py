"""How factflow talks to Prefect: quiet, offline-clean, lean defaults, and a local server for schedules.

Without PREFECT_API_URL, Prefect starts a temporary server for each command (10-19 s here):
the embedded default. Schedules need a real server, so `facts serve` starts one when none is
configured. Call `configure()` before importing prefect: its settings are read at import.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from collections.abc import Iterator
from pathlib import Path

PREFECT_DEFAULTS = {
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_SERVER_LOGGING_LEVEL": "WARNING",
    # a fresh temporary server takes 17-19 s to start here, close to the 20 s default
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    # A server factflow starts (the temporary one, or `facts serve`'s) records each task run's
    # state changes and stores every event in its SQLite database: ~0.2 s of its CPU per task
    # run here, taken from the extraction workers. Flow runs are still recorded, and factflow
    # keeps its own record of each run (the `runs` table). A server of your own is not affected.
    "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_ENABLED": "false",
    "PREFECT_SERVER_SERVICES_EVENT_PERSISTER_ENABLED": "false",
}
SERVER_START_TIMEOUT = 120.0


def configure() -> None:
    """Apply the defaults; anything the user set wins."""
    for name, value in PREFECT_DEFAULTS.items():
        os.environ.setdefault(name, value)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _healthy(api_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{api_url}/health", timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


@contextmanager
def local_server(home: Path) -> Iterator[str]:
    """Run `prefect server start` on a free loopback port, with its own PREFECT_HOME; yield its API URL.

    The server is stopped when the block exits.
    """
    home.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    env = os.environ | {"PREFECT_HOME": str(home)}
    env.pop("PREFECT_API_URL", None)
    log = open(home / "server.log", "ab")
    server = subprocess.Popen(
        [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port),
         "--no-ui", "--analytics-off"],
        env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while not _healthy(api_url):
            if server.poll() is not None:
                raise RuntimeError(f"prefect server exited with code {server.returncode}; see {home / 'server.log'}")
            if time.monotonic() > deadline:
                raise TimeoutError(f"prefect server did not become healthy in {SERVER_START_TIMEOUT:.0f} s; "
                                   f"see {home / 'server.log'}")
            time.sleep(0.5)
        yield api_url
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()
