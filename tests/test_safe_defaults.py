"""Safe by default: no warehouse emptied by a wrong folder, a preview that writes nothing, and
failures a user can cause reported in one line (issue 19)."""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from flows.ingest import ingest
from privileges import mounted_tmpfs, unprivileged
from test_faults import api_env, content, make_seeds, rows

pytestmark = pytest.mark.usefixtures("prefect_engine")
ROOT = Path(__file__).parents[1]
PRUNE_HINT = "run again with --prune"


def facts(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "flows.cli", *args], cwd=ROOT, env=env or api_env(),
                          capture_output=True, text=True, timeout=180)


def one_error_line(done: subprocess.CompletedProcess) -> str:
    """The one line a failure prints (and nothing else on stderr)."""
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 1 and len(lines) == 1 and lines[0].startswith("error: "), done.stderr
    return lines[0]


def stored(db: Path) -> dict[str, list[tuple]]:
    """The documents and facts (what a removal would lose), without the runs."""
    return content(db)


# ------------------------------------------------------------------ removal is deliberate

def test_an_emptied_folder_removes_nothing_without_prune(tmp_path):
    seeds, db = make_seeds(tmp_path / "seeds", 5), tmp_path / "facts.duckdb"
    ingest(seeds=str(seeds), db=str(db))
    before = stored(db)
    for document in seeds.iterdir():
        document.unlink()
    line = one_error_line(facts("run", "--seeds", str(seeds), "--db", str(db)))
    assert f"no documents found in {seeds}, from which the warehouse holds 5" in line and PRUNE_HINT in line
    assert stored(db) == before
    assert rows(db, "select status from runs order by started_at") == [("completed",), ("refused",)]
    pruned = facts("run", "--seeds", str(seeds), "--db", str(db), "--prune")
    assert pruned.returncode == 0, pruned.stderr
    assert rows(db, "select count(*) from documents") == [(0,)]
    assert rows(db, "select docs_removed from runs order by started_at desc limit 1") == [(5,)]


@pytest.fixture
def mount_point(tmp_path):
    with mounted_tmpfs(tmp_path / "share", "8m") as point:
        yield point


def test_an_unmounted_share_removes_nothing(tmp_path, mount_point):
    db = tmp_path / "facts.duckdb"
    make_seeds(mount_point, 5)
    ingest(seeds=str(mount_point), db=str(db))
    before = stored(db)
    subprocess.run(["umount", str(mount_point)], check=True)  # the share goes away: an empty folder is left
    line = one_error_line(facts("run", "--seeds", str(mount_point), "--db", str(db)))
    assert PRUNE_HINT in line
    assert stored(db) == before


def test_another_folder_adds_its_documents_and_removes_none_of_the_first(tmp_path):
    first, db = make_seeds(tmp_path / "first", 3), tmp_path / "facts.duckdb"
    ingest(seeds=str(first), db=str(db))
    other = tmp_path / "other"
    other.mkdir()
    (other / "doc0000.txt").write_text("Profit rose 9% to $7 million in 2011.\n")  # the same name as one in first
    run = ingest(seeds=str(other), db=str(db))
    assert (run.docs_new, run.docs_removed) == (1, 0)
    assert rows(db, "select seeds, count(*), count(distinct doc_id) from documents group by seeds order by seeds") \
        == [(str(first), 3, 3), (str(other), 1, 1)]
    # a run of the first folder again finds it unchanged, and the other's document stays
    again = ingest(seeds=str(first), db=str(db))
    assert (again.docs_unchanged, again.docs_new, again.docs_removed) == (3, 0, 0)
    assert rows(db, "select count(*) from documents") == [(4,)]


def test_prune_removes_the_documents_of_folders_that_are_gone(tmp_path):
    first, second, db = make_seeds(tmp_path / "first", 3), make_seeds(tmp_path / "second", 2), tmp_path / "f.duckdb"
    ingest(seeds=str(first), db=str(db))
    ingest(seeds=str(second), db=str(db))
    shutil.rmtree(first)
    assert ingest(seeds=str(second), db=str(db)).docs_removed == 0
    assert ingest(seeds=str(second), db=str(db), prune=True).docs_removed == 3
    assert rows(db, "select distinct seeds from documents") == [(str(second),)]


# ------------------------------------------------------------------ --dry-run

def test_dry_run_says_what_a_run_would_do_and_writes_nothing(tmp_path):
    seeds, db = make_seeds(tmp_path / "seeds", 4), tmp_path / "facts.duckdb"
    ingest(seeds=str(seeds), db=str(db))
    (seeds / "doc0000.txt").write_text("Profit fell 2% to $1 million.\n")  # changed
    (seeds / "doc0001.txt").touch()  # touched, not changed
    os.utime(seeds / "doc0001.txt", (1, 1))
    (seeds / "doc0002.txt").unlink()  # removed
    (seeds / "fresh.txt").write_text("Sales of $3 million.\n")  # new
    listing = {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in tmp_path.iterdir() if path.is_file()}
    done = facts("run", "--seeds", str(seeds), "--db", str(db), "--dry-run")
    assert done.returncode == 0, done.stderr
    table = {line.split("│")[1].strip(): line.split("│")[2].strip() for line in done.stdout.splitlines()
             if line.startswith("│")}
    assert table == {"new": "1", "changed": "1", "removed": "1", "unchanged": "2", "skipped": "0"}
    assert "nothing was written" in done.stdout
    assert {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in tmp_path.iterdir()
            if path.is_file()} == listing


def test_dry_run_of_an_emptied_folder_says_the_run_would_stop(tmp_path):
    seeds, db = make_seeds(tmp_path / "seeds", 2), tmp_path / "facts.duckdb"
    ingest(seeds=str(seeds), db=str(db))
    for document in seeds.iterdir():
        document.unlink()
    done = facts("run", "--seeds", str(seeds), "--db", str(db), "--dry-run")
    assert done.returncode == 0 and "the run would stop" in done.stdout and "--prune" in done.stdout


# ------------------------------------------------------------------ one-line errors

HOLD_THE_LOCK = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from warehouse.store import run_lock
    with run_lock(Path(sys.argv[1])):
        print("held", flush=True)
        time.sleep(120)
""")


def test_a_second_run_is_refused_before_prefect_starts(tmp_path):
    seeds, db = make_seeds(tmp_path / "seeds", 2), tmp_path / "facts.duckdb"
    holder = subprocess.Popen([sys.executable, "-c", HOLD_THE_LOCK, str(db)], cwd=ROOT, env=api_env(),
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        # an API nobody answers: a run that started Prefect would fail on it, not on the lock
        dead_api = api_env() | {"PREFECT_API_URL": "http://127.0.0.1:9/api"}
        line = one_error_line(facts("run", "--seeds", str(seeds), "--db", str(db), env=dead_api))
        assert line == f"error: another facts run (pid {holder.pid}) is writing to {db.resolve()}; " \
                       f"wait for it to finish and try again"
    finally:
        holder.kill()
        holder.wait()


def test_a_warehouse_in_a_folder_that_cannot_be_written_is_one_line(tmp_path):
    seeds, folder = make_seeds(tmp_path / "seeds", 1), tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    command = unprivileged([sys.executable, "-m", "flows.cli", "run", "--seeds", str(seeds), "--db",
                            str(folder / "facts.duckdb")])
    done = subprocess.run(command, cwd=ROOT, env=api_env(), capture_output=True, text=True, timeout=180)
    line = one_error_line(done)
    assert line.startswith(f"error: cannot write the warehouse {folder / 'facts.duckdb'}: Permission denied")
    assert list(folder.iterdir()) == []


FAILING_RUN = textwrap.dedent("""
    import sys
    import flows.ingest as ingest_module
    from flows import cli

    def broken(folder):
        raise ValueError("a bug, not the user's doing")

    ingest_module.survey = broken
    sys.argv = ["facts", *sys.argv[1:]]
    cli.main()
""")


def test_an_unexpected_error_is_one_line_and_debug_shows_the_traceback(tmp_path):
    seeds, db, driver = make_seeds(tmp_path / "seeds", 1), tmp_path / "facts.duckdb", tmp_path / "failing.py"
    driver.write_text(FAILING_RUN)
    done = subprocess.run([sys.executable, str(driver), "run", "--seeds", str(seeds), "--db", str(db)], cwd=ROOT,
                          env=api_env(), capture_output=True, text=True, timeout=180)
    assert one_error_line(done) == ("error: unexpected ValueError: a bug, not the user's doing "
                                     "(facts --debug … shows the traceback)")
    debug = subprocess.run([sys.executable, str(driver), "--debug", "run", "--seeds", str(seeds), "--db", str(db)],
                           cwd=ROOT, env=api_env(), capture_output=True, text=True, timeout=180)
    assert debug.returncode == 1 and "Traceback" in debug.stderr and "ValueError: a bug" in debug.stderr
