"""How factflow talks to Prefect: quiet, offline-clean, lean defaults, and the servers it starts.

Without PREFECT_API_URL, a command runs its flows against a server already running at
local_api_url() (`facts serve`'s, or `prefect server start`'s), else against a temporary server it
starts itself (3-9 s here), which dies with the command even when that is killed (SIGKILL):
Prefect's own would be orphaned. Schedules need a real server, so `facts serve` starts one when
none is configured. Call `configure()` before importing prefect: its settings are read at import.
"""
from __future__ import annotations

import ctypes
import importlib.util
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
from contextlib import ExitStack, contextmanager, nullcontext
from pathlib import Path
from urllib.parse import urlsplit

PREFECT_DEFAULTS = {
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_SERVER_LOGGING_LEVEL": "WARNING",
    # a server's first start on a slow machine comes close to the 20 s default
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    # A server factflow starts (the temporary one, or `facts serve`'s) records each task run's
    # state changes and stores every event in its SQLite database: CPU taken from the
    # extraction workers for every task run. Flow runs are still recorded, and factflow
    # keeps its own record of each run (the `runs` table). A server of your own is not affected.
    "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_ENABLED": "false",
    "PREFECT_SERVER_SERVICES_EVENT_PERSISTER_ENABLED": "false",
}
SERVER_START_TIMEOUT = 120.0
# where a local server is looked for before a temporary one is started, and where `facts serve` puts its own
LOCAL_API_URL = "http://127.0.0.1:4200/api"
LOCAL_API_VARIABLE = "FACTFLOW_LOCAL_PREFECT_API"  # overrides LOCAL_API_URL; empty: look for none
PROBE_TIMEOUT = 1.0  # s: a closed port refuses at once; a server that is up answers in milliseconds


def configure() -> None:
    """Apply the defaults; anything the user set wins."""
    for name, value in PREFECT_DEFAULTS.items():
        os.environ.setdefault(name, value)
    # run logs reach the server (its UI shows them) at INFO; the console stays at PREFECT_LOGGING_LEVEL
    os.environ.setdefault("PREFECT_LOGGING_LOGGERS_PREFECT_FLOW_RUNS_LEVEL", "INFO")
    os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", os.environ["PREFECT_LOGGING_LEVEL"])


def local_api_url() -> str | None:
    """The API URL of the local server that commands use when it is running (None: look for none)."""
    return os.environ.get(LOCAL_API_VARIABLE, LOCAL_API_URL) or None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _port_free(port: int) -> bool:
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server binds: a closed server's port is free
        try:
            s.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False


def _healthy(api_url: str, timeout: float = 2.0) -> bool:
    try:
        with urllib.request.urlopen(f"{api_url}/health", timeout=timeout) as response:
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
def _server(args: list[str], env: dict[str, str], api_url: str,
            log: str | None = None) -> Iterator[Callable[[], str]]:
    """Run a Prefect server process until the block exits; yield a function that waits until `api_url` answers."""
    with open(log, "ab") if log else nullcontext() as out:
        server = subprocess.Popen(
            args, env=env, preexec_fn=_dies_with_this_process(), start_new_session=True,  # Ctrl-C: we stop it
            stdout=out, stderr=subprocess.STDOUT if out else None,
        )
        see = f"; see {log}" if log else ""

        def ready() -> str:
            deadline = time.monotonic() + SERVER_START_TIMEOUT
            while not _healthy(api_url):
                if server.poll() is not None:
                    raise RuntimeError(f"the Prefect server exited with code {server.returncode}{see}")
                if time.monotonic() > deadline:
                    raise TimeoutError(f"the Prefect server did not answer in {SERVER_START_TIMEOUT:.0f} s{see}")
                time.sleep(0.1)
            return api_url
        try:
            yield ready
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


@contextmanager
def local_server(home: Path) -> Iterator[str]:
    """Run `prefect server start`, with its UI, with its own PREFECT_HOME; yield its API URL.

    It listens on local_api_url()'s port when that is free, so that other commands find it, else on
    a free one. The server is stopped when the block exits, and dies with this process if that is killed.
    """
    home.mkdir(parents=True, exist_ok=True)
    local = urlsplit(local_api_url() or "")
    port = local.port if local.hostname == "127.0.0.1" and local.port and _port_free(local.port) else _free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    env = os.environ | {"PREFECT_HOME": str(home)}
    env.pop("PREFECT_API_URL", None)
    with _server([sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port),
                  "--analytics-off"], env, api_url, log=str(home / "server.log")) as ready:
        yield ready()


@contextmanager
def _temporary_server(api_url: str) -> Iterator[Callable[[], str]]:
    """Prefect's temporary server (`SubprocessASGIServer`'s command), started without importing prefect."""
    # as SubprocessASGIServer._run_uvicorn_command: no UI, ephemeral services; the settings are this environment's
    env = os.environ | {"PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"}
    site = Path(importlib.util.find_spec("prefect").origin).parents[1]
    args = [sys.executable, "-m", "uvicorn", "--app-dir", str(site), "--factory",
            "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(urlsplit(api_url).port),
            "--log-level", "error", "--lifespan", "on"]
    with _server(args, env, api_url) as ready:
        yield ready


@contextmanager
def prefect_api() -> Iterator[Callable[[], str | None]]:
    """Within this block flows talk to PREFECT_API_URL's server; if none is set, to the one running at
    local_api_url(); if none answers there, to a temporary one. Call the function it yields before the
    first flow: it waits until the server answers and returns its API URL (None: Prefect's choice).

    The temporary server starts at once and comes up while the caller imports its flows. It is
    Prefect's own, started here so that it dies with this process even on SIGKILL; where that cannot
    be arranged (no prctl), Prefect starts its own as usual.
    """
    if os.environ.get("PREFECT_API_URL"):  # prefect reads it itself
        yield lambda: os.environ["PREFECT_API_URL"]
        return
    local = local_api_url()
    running = local if local and _healthy(local, timeout=PROBE_TIMEOUT) else None
    api_url = running or f"http://127.0.0.1:{_free_port()}/api"
    starting = not running and _dies_with_this_process() is not None
    with ExitStack() as stack:
        ready = stack.enter_context(_temporary_server(api_url)) if starting else lambda: api_url
        from prefect.settings import PREFECT_API_URL, PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings  # ~1 s

        if (configured := PREFECT_API_URL.value()) or not (running or starting):  # a profile's server, or Prefect's
            stack.close()
            yield lambda: configured
            return
        # Prefect read PREFECT_API_URL at import: tell it through its settings; child processes, the environment
        os.environ["PREFECT_API_URL"] = api_url
        try:
            # no flow run heartbeats: nothing here acts on them, and their thread's 1 s naps delay a flow's end
            with temporary_settings(updates={PREFECT_API_URL: api_url, PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
                try:
                    yield ready
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
