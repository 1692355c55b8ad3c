"""Runs you can follow in Prefect: each flow run is named after factflow's run id, and logs what it did."""

import pytest
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterName, LogFilter, LogFilterFlowRunId
from prefect.logging.handlers import APILogWorker

from flows.ingest import ingest

pytestmark = pytest.mark.usefixtures("prefect_engine")

SALES = "Ford said its sales rose 43% in February 2010 to $1.2 billion.\n"


def flow_runs_named(name: str) -> list:
    with get_client(sync_client=True) as client:
        return client.read_flow_runs(flow_run_filter=FlowRunFilter(name=FlowRunFilterName(any_=[name])))


def log_of(flow_run_id) -> str:
    """The messages the flow run sent to the server, in order."""
    APILogWorker.drain_all(timeout=10)  # sent in batches, in the background
    with get_client(sync_client=True) as client:
        logs = client.read_logs(log_filter=LogFilter(flow_run_id=LogFilterFlowRunId(any_=[flow_run_id])))
    return "\n".join(log.message for log in sorted(logs, key=lambda log: log.timestamp))


def test_a_flow_run_is_named_after_its_run_id(tmp_path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "sales.txt").write_text(SALES)
    db = tmp_path / "facts.duckdb"
    run = ingest(seeds=str(tmp_path / "seeds"), db=str(db))
    given = ingest(seeds=str(tmp_path / "seeds"), db=str(db), run_id="0f" * 16)
    assert given.run_id == "0f" * 16
    for run_id in (run.run_id, given.run_id):
        [flow_run] = flow_runs_named(run_id)
        assert flow_run.state.is_completed()


def test_the_run_log_has_its_counts_and_failed_documents(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "sales.txt").write_text(SALES)
    for i in range(23):
        (seeds / f"broken-{i:02}.txt").write_bytes(b"binary\0file\n")
    run = ingest(seeds=str(seeds), db=str(tmp_path / "facts.duckdb"))
    [flow_run] = flow_runs_named(run.run_id)
    log = log_of(flow_run.id)
    assert (f"run {run.run_id} completed in {run.seconds:.1f} s: 24 seen, 24 new, 0 changed, 0 unchanged, "
            f"0 removed, 23 failed, 0 skipped; facts loaded: 1 amounts, 1 percentages, 1 dates, 0 rejects") in log
    named = [f"broken-{i:02}.txt: binary file (contains NUL bytes), not text" for i in range(20)]
    assert "23 document(s) failed:\n" + "\n".join(named) + "\n... and 3 more" in log
