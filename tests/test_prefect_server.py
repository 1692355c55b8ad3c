"""A Prefect server a `facts` command starts dies with it, even when it is killed (SIGKILL); a running local one
is used instead of starting one."""
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import duckdb
import pytest

from flows.prefect_setup import LOCAL_API_VARIABLE, local_server

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the parent-death signal is Linux's")
ROOT = Path(__file__).parents[1]
SERVER_START = 180  # s: a fresh PREFECT_HOME takes 17-19 s here, more on a busy machine


def children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            ppid = int(stat.read_text().rpartition(")")[2].split()[1])  # after "pid (comm) state"
        except (OSError, ValueError, IndexError):
            continue  # gone meanwhile
        if ppid == pid:
            found.append(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    """True while the process exists and is not a zombie (an orphan's zombie may wait for a reaper)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0] != "Z"
    except OSError:
        return False


def cmdline(pid: int) -> list[str]:
    try:
        return Path(f"/proc/{pid}/cmdline").read_text().split("\0")
    except OSError:
        return []


def servers_of(pid: int) -> list[int]:
    """The temporary server (uvicorn) or `facts serve`'s `prefect server start` among pid's children."""
    return [child for child in children(pid) if "uvicorn" in (args := " ".join(cmdline(child)))
            or "prefect server start" in args]


def healthy(server: int) -> bool:
    args = cmdline(server)
    if "--port" not in args:
        return False
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{args[args.index('--port') + 1]}/api/health", timeout=2) as r:
            return r.status == 200
    except OSError:
        return False


def start_facts(tmp_path: Path, *command: str, local_api: str = "") -> subprocess.Popen:
    """`facts COMMAND` as a user runs it: no PREFECT_API_URL, a fresh PREFECT_HOME, a local server looked for
    at `local_api` (by default none: one a user left running at the default address must not be used)."""
    env = os.environ | {"PREFECT_HOME": str(tmp_path / "prefect-home"), LOCAL_API_VARIABLE: local_api}
    env.pop("PREFECT_API_URL", None)
    with open(tmp_path / "facts.log", "wb") as log:
        return subprocess.Popen([sys.executable, "-m", "flows.cli", *command, "--db", str(tmp_path / "facts.duckdb")],
                                cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)


def start_facts_run(tmp_path: Path, local_api: str = "") -> subprocess.Popen:
    """`facts run` on a few documents, one of them broken."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for i in range(3):
        (seeds / f"d{i}.txt").write_text(f"Revenue rose {i + 4}% to ${i + 2} million in March 2025.\n" * 200)
    (seeds / "broken.txt").write_bytes(b"binary\0file\n")
    return start_facts(tmp_path, "run", "--seeds", str(seeds), local_api=local_api)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_run(facts: subprocess.Popen, tmp_path: Path) -> set[int]:
    """Wait until `facts run` ends; the servers it started meanwhile."""
    seen: set[int] = set()
    deadline = time.monotonic() + SERVER_START + 60
    while facts.poll() is None:
        seen.update(servers_of(facts.pid))
        assert time.monotonic() < deadline, "the run did not finish"
        time.sleep(0.1)
    assert facts.returncode == 0, (tmp_path / "facts.log").read_text()
    return seen


def kill_once_its_server_answers(facts: subprocess.Popen, tmp_path: Path) -> None:
    """SIGKILL `facts` while its server is up; assert that no process of that server is left soon after."""
    servers: list[int] = []
    try:
        deadline = time.monotonic() + SERVER_START
        while not (servers := servers_of(facts.pid)) or not healthy(servers[0]):
            assert facts.poll() is None, (tmp_path / "facts.log").read_text()
            assert time.monotonic() < deadline, f"no healthy server after {SERVER_START} s"
            time.sleep(0.1)
        servers += [p for s in servers for p in children(s)]
        assert facts.poll() is None, "the command ended before it could be killed"
        facts.send_signal(signal.SIGKILL)
        facts.wait()
        deadline = time.monotonic() + 10
        while (left := [p for p in servers if alive(p)]) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not left, f"server process(es) {left} outlived the killed command"
    finally:
        for pid in [facts.pid, *servers]:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
        facts.wait()


def test_the_temporary_server_dies_with_a_killed_run(tmp_path):
    kill_once_its_server_answers(start_facts_run(tmp_path), tmp_path)


def test_the_local_server_dies_with_a_killed_serve(tmp_path):
    (tmp_path / "seeds").mkdir()
    facts = start_facts(tmp_path, "serve", "--seeds", str(tmp_path / "seeds"), "--interval", "1h",
                        "--prefect-home", str(tmp_path / "serve-home"))
    kill_once_its_server_answers(facts, tmp_path)


def test_a_run_leaves_no_server_behind(tmp_path):
    facts = start_facts_run(tmp_path)
    seen: set[int] = set()
    try:
        seen = wait_for_run(facts, tmp_path)
        assert len(seen) == 1, f"servers started: {seen}"
        assert not [p for p in seen if alive(p)], "a server outlived the run"
    finally:
        for pid in [facts.pid, *seen]:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
        facts.wait()


def test_a_run_uses_the_local_server_that_is_running(tmp_path, monkeypatch):
    """`facts serve`'s server listens where commands look first, and `facts run` then starts none of its own;
    the run's flow run, named after its run id, logs its counts and failed documents there, not on the console."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import LogFilter, LogFilterFlowRunId
    from prefect.settings import PREFECT_API_URL, temporary_settings

    local_api = f"http://127.0.0.1:{free_port()}/api"
    monkeypatch.setenv(LOCAL_API_VARIABLE, local_api)
    with local_server(tmp_path / "server-home") as api_url:
        assert api_url == local_api
        facts = start_facts_run(tmp_path, local_api=local_api)
        try:
            assert not wait_for_run(facts, tmp_path), "a temporary server was started"
        finally:
            if alive(facts.pid):
                os.kill(facts.pid, signal.SIGKILL)
            facts.wait()
        with temporary_settings(updates={PREFECT_API_URL: api_url}), get_client(sync_client=True) as client:
            [flow_run] = client.read_flow_runs()
            log = "\n".join(entry.message for entry in client.read_logs(
                log_filter=LogFilter(flow_run_id=LogFilterFlowRunId(any_=[flow_run.id]))))
    with duckdb.connect(str(tmp_path / "facts.duckdb"), read_only=True) as con:
        assert con.execute("select run_id from runs").fetchall() == [(flow_run.name,)]
    assert "4 seen, 4 new, 0 changed, 0 unchanged, 0 removed, 1 failed" in log
    assert "1 document(s) failed:\nbroken.txt: binary file (contains NUL bytes), not text" in log
    output = (tmp_path / "facts.log").read_text()
    assert f"run {flow_run.name[:8]} completed" in output
    assert "document(s) failed:" not in output and "seen," not in output
