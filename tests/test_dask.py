"""Extraction on a Dask cluster (a local one here) gives the same warehouse as local processes."""
import duckdb
import pytest

from flows.dask import dask_task_runner
from flows.ingest import ingest

pytestmark = pytest.mark.usefixtures("prefect_engine")


def content(db):
    with duckdb.connect(str(db), read_only=True) as con:
        return {t: con.sql(f"select * exclude (run_id) from {t} order by all").fetchall()
                for t in ("amounts", "percentages", "dates", "rejects")}


def test_dask_local_cluster_matches_a_local_run(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for i in range(40):
        (seeds / f"d{i:02d}.txt").write_text(f"Sales rose {i + 1}% to ${i + 2} million in the first half of 2009.\n")
    local = ingest(seeds=str(seeds), db=str(tmp_path / "local.duckdb"), batch_size=10)
    on_dask = ingest.with_options(task_runner=dask_task_runner())(
        seeds=str(seeds), db=str(tmp_path / "dask.duckdb"), batch_size=10, local_workers=1)
    assert (on_dask.docs_new, on_dask.amounts) == (local.docs_new, local.amounts) == (40, 40)
    assert content(tmp_path / "dask.duckdb") == content(tmp_path / "local.duckdb")
