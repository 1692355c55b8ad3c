"""`facts watch`: a burst of new files makes one run; a change makes another; a skipped run is retried;
nothing is missed: a folder moved in or out, files arriving during the first run, a file renamed from
a temporary name."""
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pytest
from watchfiles import Change

from flows.watching import SeedsChanges

pytestmark = pytest.mark.usefixtures("prefect_engine")
ROOT = Path(__file__).parents[1]


def completed_runs(db: Path) -> list[tuple]:
    try:
        with duckdb.connect(str(db), read_only=True) as con:
            return con.execute("select docs_new, docs_changed, docs_unchanged from runs "
                               "where status = 'completed' order by started_at").fetchall()
    except duckdb.Error:  # not created yet, or the writer holds it for a moment
        return []


def stored_paths(db: Path) -> list[str]:
    with duckdb.connect(str(db), read_only=True) as con:
        return [path for (path,) in con.execute("select path from documents order by path").fetchall()]


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
        for i in range(100):
            (seeds / f"d{i:03d}.txt").write_text(f"Profit rose {i}% to ${i + 1} million.\n")
        assert wait_for_runs(db, 2, watcher, output)[1] == (100, 0, 0)
        time.sleep(3)
        assert len(completed_runs(db)) == 2, "the burst made more than one run"
        (seeds / "d000.txt").write_text("Profit fell 3% to $2 million.\n")
        assert wait_for_runs(db, 3, watcher, output)[2] == (0, 1, 99)
    finally:
        stop_watcher(watcher, output, runs=3)


@contextmanager
def lock_once_free(db: Path, timeout: float = 30) -> Iterator[None]:
    """Hold the run lock as a manual `facts run` would, once the watcher's run has let it go (it
    keeps it after its row is written, while it publishes the run's artifacts)."""
    from warehouse.store import RunInProgress, run_lock

    deadline = time.monotonic() + timeout
    while True:
        lock = run_lock(db)
        try:
            lock.__enter__()
            break
        except RunInProgress:
            assert time.monotonic() < deadline, "the watcher's run kept the lock"
            time.sleep(0.1)
    try:
        yield
    finally:
        lock.__exit__(None, None, None)


def test_watch_retries_a_run_it_had_to_skip(tmp_path):
    seeds, db = tmp_path / "seeds", (tmp_path / "facts.duckdb").resolve()
    seeds.mkdir()
    watcher, output = start_watcher(seeds, db, quiet_ms=300)
    try:
        assert wait_for_runs(db, 1, watcher, output) == [(0, 0, 0)]
        with lock_once_free(db):  # as a manual `facts run` holds it
            (seeds / "new.txt").write_text("Profit rose 7% to $3 million.\n")
            deadline = time.monotonic() + 60
            while not any(line.startswith("skipped:") for line in output):
                assert watcher.poll() is None and time.monotonic() < deadline, "".join(output)
                time.sleep(0.3)
        # no file changes from here on: the run the watcher owes must come by itself
        assert wait_for_runs(db, 2, watcher, output, timeout=30)[1] == (1, 0, 0)
    finally:
        stop_watcher(watcher, output, runs=2)


def write_documents(folder: Path, names: list[str]) -> None:
    for i, name in enumerate(names):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(f"Profit rose {i % 90 + 1}% to ${i + 1} million in 2024.\n")


def test_watch_ingests_a_folder_moved_in_and_one_created_with_its_files(tmp_path):
    seeds, db, downloads = tmp_path / "seeds", tmp_path / "facts.duckdb", tmp_path / "Downloads"
    seeds.mkdir()
    write_documents(seeds, ["first.txt"])
    write_documents(downloads / "batch", [f"{'inner/' if i % 10 == 0 else ''}b{i:03d}.txt" for i in range(100)])
    watcher, output = start_watcher(seeds, db, quiet_ms=300)
    try:
        assert wait_for_runs(db, 1, watcher, output) == [(1, 0, 0)]
        os.rename(downloads / "batch", seeds / "batch")  # `mv ~/Downloads/batch seeds/`: one event, none for the files
        assert wait_for_runs(db, 2, watcher, output)[1] == (100, 0, 1)
        # files written into a folder before its watch is set up bring no event: the folder's is enough
        shutil.copytree(seeds / "batch", seeds / "copy")
        deadline = time.monotonic() + 90
        while len(paths := stored_paths(db)) < 201:
            assert watcher.poll() is None and time.monotonic() < deadline, f"{len(paths)} stored:\n{''.join(output)}"
            wait_for_runs(db, len(completed_runs(db)) + 1, watcher, output)
        assert sum(path.startswith("copy/") for path in paths) == 100
    finally:
        stop_watcher(watcher, output, runs=len(completed_runs(db)))


def test_watch_removes_the_documents_of_a_folder_moved_out(tmp_path):
    seeds, db, elsewhere = tmp_path / "seeds", tmp_path / "facts.duckdb", tmp_path / "elsewhere"
    seeds.mkdir()
    elsewhere.mkdir()
    write_documents(seeds, ["kept.txt", "batch/a.txt", "batch/b.md", "batch/deep/c.txt"])
    watcher, output = start_watcher(seeds, db, quiet_ms=300)
    try:
        assert wait_for_runs(db, 1, watcher, output) == [(4, 0, 0)]
        os.rename(seeds / "batch", elsewhere / "batch")  # one event, for the folder alone
        assert wait_for_runs(db, 2, watcher, output)[1] == (0, 0, 1)
        assert stored_paths(db) == ["kept.txt"]
    finally:
        stop_watcher(watcher, output, runs=2)


def test_watch_keeps_what_arrives_during_the_first_run(tmp_path):
    from warehouse.store import reading

    seeds, db = tmp_path / "seeds", tmp_path / "facts.duckdb"
    seeds.mkdir()
    n = 2000
    write_documents(seeds, [f"d{i:04d}.txt" for i in range(n)])
    (seeds / "broken.txt").symlink_to("nowhere.txt")  # the run stores this skip right after finding its documents
    watcher, output = start_watcher(seeds, db, quiet_ms=300)
    try:
        deadline = time.monotonic() + 90
        while True:
            assert watcher.poll() is None and time.monotonic() < deadline, "".join(output)
            try:
                with reading(db, wait=5) as con:  # while it is open, the run can load nothing more, nor end
                    if con.execute("select count(*) from skipped").fetchone()[0]:
                        write_documents(seeds, [f"late{i}.txt" for i in range(5)])
                        assert con.execute("select status from runs").fetchall() == [("running",)], \
                            "the first run ended before the test could hold it: give it more documents"
                        break
            except duckdb.Error:  # no warehouse or no table yet
                pass
            time.sleep(0.05)
        # the first run had found its documents: the late ones need the run the watcher owes
        assert wait_for_runs(db, 2, watcher, output) == [(n, 0, 0), (5, 0, n)]
    finally:
        stop_watcher(watcher, output, runs=2)


def test_watch_picks_up_a_file_renamed_from_a_temporary_name(tmp_path):
    seeds, db = tmp_path / "seeds", tmp_path / "facts.duckdb"
    seeds.mkdir()
    write_documents(seeds, ["kept.txt"])
    watcher, output = start_watcher(seeds, db, quiet_ms=300)
    try:
        assert wait_for_runs(db, 1, watcher, output) == [(1, 0, 0)]
        download = seeds / "report.txt.part"  # a download in progress: no run for it
        download.write_text("Sales fell 4% to $7 million.\n")
        time.sleep(2)  # time for a wrong run to happen
        download.rename(seeds / "report.txt")
        assert wait_for_runs(db, 2, watcher, output)[1] == (1, 0, 1)
        # an editor's save: a temporary file written, then renamed over the document
        (seeds / ".kept.txt.swp").write_text("Sales rose 9% to $8 million.\n")
        os.replace(seeds / ".kept.txt.swp", seeds / "kept.txt")
        assert wait_for_runs(db, 3, watcher, output)[2] == (0, 1, 1)
        # a document's suffix in any case
        (seeds / "wire.tmp").write_text("Output rose 2% in March 2025.\n")
        (seeds / "wire.tmp").rename(seeds / "WIRE_0321.TXT")
        assert wait_for_runs(db, 4, watcher, output)[3] == (1, 0, 2)
    finally:
        stop_watcher(watcher, output, runs=4)


# which changes start a run: the filter alone, on real files (no watcher, no engine)

def test_a_temporary_file_alone_starts_no_run(tmp_path):
    changes = SeedsChanges()
    changes.remember(str(tmp_path))
    (tmp_path / "x.part").write_text("x")
    (tmp_path / "notes.docx.tmp").write_text("x")
    assert changes.relevant({(Change.added, str(tmp_path / "x.part")),
                             (Change.added, str(tmp_path / "notes.docx.tmp"))}, since_a_run=True) == set()
    os.remove(tmp_path / "x.part")
    assert changes.relevant({(Change.deleted, str(tmp_path / "x.part"))}, since_a_run=True) == set()
    # a document's name in any case
    assert changes.relevant({(Change.added, str(tmp_path / "REPORT.TXT"))}, since_a_run=False)


def test_a_folder_is_known_after_it_is_gone(tmp_path):
    (tmp_path / "old.2024" / "deep").mkdir(parents=True)
    changes = SeedsChanges()
    changes.remember(str(tmp_path))
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / "sub").mkdir()
    assert changes.relevant({(Change.added, str(tmp_path / "new"))}, since_a_run=False)
    shutil.rmtree(tmp_path / "new")
    shutil.rmtree(tmp_path / "old.2024")
    gone = {(Change.deleted, str(tmp_path / "new" / "sub")), (Change.deleted, str(tmp_path / "old.2024"))}
    assert changes.relevant(gone, since_a_run=False) == gone  # a folder name with a dot is still a folder


def test_a_path_that_came_and_went_during_a_run_may_have_been_a_folder_it_saw(tmp_path):
    changes = SeedsChanges()
    changes.remember(str(tmp_path))
    came_and_went = {(Change.added, str(tmp_path / "brief")), (Change.deleted, str(tmp_path / "brief"))}
    assert changes.relevant(came_and_went, since_a_run=True) == {(Change.deleted, str(tmp_path / "brief"))}
    assert changes.relevant(came_and_went, since_a_run=False) == set()  # no run saw it
