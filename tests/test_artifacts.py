"""A run's Prefect artifacts: its summary, its failed documents and rejects, and a link to its review pages, read
back through Prefect's client from a `prefect server start` server; an artifact that fails never fails the run."""
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from test_prefect_server import ROOT, SERVER_START, alive, free_port

from flows.artifacts import PROBLEMS_KEY, REVIEW_KEY, SUMMARY_KEY
from flows.prefect_setup import LOCAL_API_VARIABLE, local_server

SALES = "Acme said its revenue rose 12% to $4.5 billion in 2020, and it paid $1.87 per share.\n"
HUGE = "Inflation hit 900,000,000,000,000,000,000,000,000,000,000,000% in 2008.\n"  # does not fit: a reject


def write_seeds(seeds: Path) -> Path:
    """One good document, one with a reject, one that cannot be read."""
    seeds.mkdir(parents=True)
    (seeds / "sales.txt").write_text(SALES)
    (seeds / "hyper.txt").write_text(HUGE)
    (seeds / "broken.txt").write_bytes(b"binary\0file\n")
    return seeds


def artifacts_of(flow_run_id) -> dict:
    """The flow run's artifacts by key."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

    with get_client(sync_client=True) as client:
        found = client.read_artifacts(artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[flow_run_id])))
    return {artifact.key: artifact for artifact in found}


def flow_run_named(name: str):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterName

    with get_client(sync_client=True) as client:
        [flow_run] = client.read_flow_runs(flow_run_filter=FlowRunFilter(name=FlowRunFilterName(any_=[name])))
    return flow_run


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="as tests/test_prefect_server.py")
def test_a_run_on_a_local_server_shows_its_three_artifacts(tmp_path, monkeypatch):
    """`facts run --review` against `prefect server start`: the artifacts say what the run printed."""
    from prefect.settings import PREFECT_API_URL, temporary_settings

    seeds, db, review = write_seeds(tmp_path / "seeds"), tmp_path / "facts.duckdb", tmp_path / "review"
    local_api = f"http://127.0.0.1:{free_port()}/api"
    monkeypatch.setenv(LOCAL_API_VARIABLE, local_api)
    with local_server(tmp_path / "server-home") as api_url:
        env = os.environ | {"PREFECT_HOME": str(tmp_path / "prefect-home"), LOCAL_API_VARIABLE: local_api,
                            "COLUMNS": "200"}
        env.pop("PREFECT_API_URL", None)
        facts = subprocess.Popen([sys.executable, "-m", "flows.cli", "run", "--seeds", str(seeds), "--db", str(db),
                                  "--review", str(review)], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                 stderr=subprocess.STDOUT, text=True)
        try:
            output, _ = facts.communicate(timeout=SERVER_START)
        finally:
            if alive(facts.pid):
                os.kill(facts.pid, signal.SIGKILL)
                facts.wait()
        assert facts.returncode == 0, output
        with temporary_settings(updates={PREFECT_API_URL: api_url}):
            from prefect.client.orchestration import get_client

            with get_client(sync_client=True) as client:
                [flow_run] = client.read_flow_runs()
            artifacts = artifacts_of(flow_run.id)
    assert flow_run.name[:8] in output and flow_run.state.is_completed()
    assert set(artifacts) == {SUMMARY_KEY, PROBLEMS_KEY, REVIEW_KEY}
    # Prefect stores a link artifact as the Markdown of its link
    assert {key: artifact.type for key, artifact in artifacts.items()} == {
        SUMMARY_KEY: "markdown", PROBLEMS_KEY: "table", REVIEW_KEY: "markdown"}

    summary = artifacts[SUMMARY_KEY].data
    assert summary.startswith(f"**run {flow_run.name[:8]} completed** in ")
    # the rows `facts run` printed, cell for cell
    printed = [line.strip("│ ").split("│") for line in output.splitlines() if line.startswith("│")]
    tabled = [line.strip("| ").split("|") for line in summary.splitlines()[4:] if line.startswith("|")]
    assert [[c.strip() for c in row] for row in tabled] == [[c.strip() for c in row] for row in printed]
    assert "| seen | 3 | amounts | 2 | 2 |" in summary and "| failed | 1 | documents |  | 3 |" in summary
    assert "| unchanged | 0 | rejects | 1 | 1 |" in summary

    table = json.loads(artifacts[PROBLEMS_KEY].data)
    assert table == {"kind": ["failed document", "reject"], "path": ["broken.txt", "hyper.txt"],
                     "type": ["", "percentage"], "text": ["", "900,000,000,000,000,000,000,000,000,000,000,000%"],
                     "reason": ["binary file (contains NUL bytes), not text",
                                "mention: Value error, value 900000000000000000000000000000000000 does not fit "
                                "DECIMAL(38,6)"]}

    index = review.resolve() / "index.html"
    assert artifacts[REVIEW_KEY].data == f"[review pages]({index.as_uri()})"
    assert index.is_file() and "hyper.txt" in index.read_text(encoding="utf-8")
    assert f"review pages: {index.as_uri()}" in output


@pytest.mark.usefixtures("prefect_engine")
def test_a_failing_artifact_is_logged_and_the_run_goes_on(tmp_path, monkeypatch):
    import prefect.artifacts
    from test_prefect_runs import log_of

    from flows.ingest import ingest

    def refuse(*args, **kwargs):
        raise RuntimeError("the artifact store is down")

    monkeypatch.setattr(prefect.artifacts, "create_table_artifact", refuse)
    run = ingest(seeds=str(write_seeds(tmp_path / "seeds")), db=str(tmp_path / "facts.duckdb"))
    assert (run.status, run.docs_failed, run.rejects) == ("completed", 1, 1)
    flow_run = flow_run_named(run.run_id)
    assert flow_run.state.is_completed()
    assert f"run {run.run_id}: the problems artifact was not created: RuntimeError: the artifact store is down" \
        in log_of(flow_run.id)
    artifacts = artifacts_of(flow_run.id)
    assert set(artifacts) == {SUMMARY_KEY}  # no review was asked for
    assert "| seen | 3 | amounts | 2 | 2 |" in artifacts[SUMMARY_KEY].data


@pytest.mark.usefixtures("prefect_engine")
def test_a_refused_run_shows_its_summary_too(tmp_path):
    import duckdb

    from flows.ingest import ingest
    from flows.plan import RemovalRefused

    seeds, db = write_seeds(tmp_path / "seeds"), tmp_path / "facts.duckdb"
    ingest(seeds=str(seeds), db=str(db))
    for document in seeds.iterdir():  # an emptied folder: the run refuses to remove everything
        document.unlink()
    with pytest.raises(RemovalRefused):
        ingest(seeds=str(seeds), db=str(db))
    with duckdb.connect(str(db), read_only=True) as con:
        [(run_id,)] = con.execute("select run_id from runs where status = 'refused'").fetchall()
    artifacts = artifacts_of(flow_run_named(run_id).id)
    assert artifacts[SUMMARY_KEY].data.startswith(f"**run {run_id[:8]} refused** in ")
    assert json.loads(artifacts[PROBLEMS_KEY].data)["kind"] == []  # this run failed no document


@pytest.mark.usefixtures("prefect_engine")
def test_the_problems_artifact_holds_the_first_hundred(tmp_path):
    from flows.ingest import ingest

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for i in range(60):
        (seeds / f"broken-{i:02}.txt").write_bytes(b"binary\0file\n")
        (seeds / f"hyper-{i:02}.txt").write_text(HUGE)
    run = ingest(seeds=str(seeds), db=str(tmp_path / "facts.duckdb"))
    table = json.loads(artifacts_of(flow_run_named(run.run_id).id)[PROBLEMS_KEY].data)
    assert table["kind"] == ["failed document"] * 60 + ["reject"] * 40
    assert table["path"][:2] == ["broken-00.txt", "broken-01.txt"] and table["path"][-1] == "hyper-39.txt"
