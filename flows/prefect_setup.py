"""How factflow talks to Prefect: quiet, offline-clean, lean defaults, and the servers it starts.

Without PREFECT_API_URL, a command runs its flows against a temporary server it starts itself
(10-19 s here), which dies with the command even when that is killed (SIGKILL): Prefect's own
would be orphaned. Schedules need a real server, so `facts serve` starts one when none is
configured. Call `configure()` before importing prefect: its settings are read at import.
"""
from __future__ import annotations

import ctypes
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
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


PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def _dies_with_this_process() -> Callable[[], None] | None:
    """A `preexec_fn` that has Linux send the child SIGTERM when this process dies, even by SIGKILL.

    None where there is no prctl, or off the main thread: the signal comes when the thread
    that forked the child ends, not the process.
    """
    if not sys.platform.startswith("linux") or threading.current_thread() is not threading.main_thread():
        return None
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl  # resolved here: the child only calls it
    except (OSError, AttributeError):
        return None
    parent, sigterm = os.getpid(), ctypes.c_ulong(signal.SIGTERM)

    def in_child() -> None:
        prctl(PR_SET_PDEATHSIG, sigterm)
        if os.getppid() != parent:  # the parent died before prctl: no signal will come
            os._exit(1)
    return in_child


@contextmanager
def _server(args: list[str], env: dict[str, str], api_url: str, log: str | None = None) -> Iterator[None]:
    """Run a Prefect server process until the block exits; wait until `api_url` answers first."""
    with open(log, "ab") if log else nullcontext() as out:
        server = subprocess.Popen(
            args, env=env, preexec_fn=_dies_with_this_process(), start_new_session=True,  # Ctrl-C: we stop it
            stdout=out, stderr=subprocess.STDOUT if out else None,
        )
        see = f"; see {log}" if log else ""
        try:
            deadline = time.monotonic() + SERVER_START_TIMEOUT
            while not _healthy(api_url):
                if server.poll() is not None:
                    raise RuntimeError(f"the Prefect server exited with code {server.returncode}{see}")
                if time.monotonic() > deadline:
                    raise TimeoutError(f"the Prefect server did not answer in {SERVER_START_TIMEOUT:.0f} s{see}")
                time.sleep(0.2)
            yield
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


@contextmanager
def local_server(home: Path) -> Iterator[str]:
    """Run `prefect server start` on a free loopback port, with its own PREFECT_HOME; yield its API URL.

    The server is stopped when the block exits, and dies with this process if that is killed.
    """
    home.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    env = os.environ | {"PREFECT_HOME": str(home)}
    env.pop("PREFECT_API_URL", None)
    with _server([sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port),
                  "--no-ui", "--analytics-off"], env, api_url, log=str(home / "server.log")):
        yield api_url


@contextmanager
def prefect_api() -> Iterator[str | None]:
    """Within this block flows talk to PREFECT_API_URL's server or, if none is set, to a temporary one.

    The temporary server is Prefect's own (`SubprocessASGIServer`'s command), started here so that
    it dies with this process even on SIGKILL. Where that cannot be arranged (no prctl), Prefect
    starts its own as usual. Yields the API URL (None: Prefect's choice).
    """
    import prefect
    from prefect.settings import PREFECT_API_URL, get_current_settings, temporary_settings

    if PREFECT_API_URL.value() or _dies_with_this_process() is None:
        yield PREFECT_API_URL.value()
        return
    port = _free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    # as SubprocessASGIServer._run_uvicorn_command: no UI, ephemeral services, this process's settings
    env = os.environ | {"PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1",
                        **get_current_settings().to_environment_variables(exclude_unset=True)}
    args = [sys.executable, "-m", "uvicorn", "--app-dir", str(prefect.__module_path__.parent), "--factory",
            "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(port),
            "--log-level", "error", "--lifespan", "on"]
    with _server(args, env, api_url):
        # Prefect read PREFECT_API_URL at import: tell it through its settings; child processes, the environment
        os.environ["PREFECT_API_URL"] = api_url
        try:
            with temporary_settings(updates={PREFECT_API_URL: api_url}):
                try:
                    yield api_url
                finally:
                    _drain_to_server()
        finally:
            os.environ.pop("PREFECT_API_URL", None)


def _drain_to_server() -> None:
    """Send the logs and events still queued while the server is up (Prefect would at exit, to a stopped one)."""
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    APILogWorker.drain_all(timeout=5)
    EventsWorker.drain_all(timeout=5)
