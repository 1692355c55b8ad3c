"""Extraction on a Dask cluster (prefect-dask), for corpora larger than one machine.

The Dask workers run the extraction tasks; the flow process stays the one writer to DuckDB.
Every worker must be able to import factflow (install the project on them) and read the seeds
folder at the same path (a shared file system).
"""
from __future__ import annotations

import os

# Dask reads its configuration from the environment at import; its workers inherit it.
os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "warning")

from prefect_dask import DaskTaskRunner  # noqa: E402

from flows.ingest import WORKERS  # noqa: E402


def dask_task_runner(address: str | None = None) -> DaskTaskRunner:
    """A runner for the cluster at `address`, or for a local cluster of one process per core."""
    if address:
        return DaskTaskRunner(address=address)
    return DaskTaskRunner(cluster_kwargs={"n_workers": WORKERS, "threads_per_worker": 1, "processes": True,
                                          "dashboard_address": ":0"})
