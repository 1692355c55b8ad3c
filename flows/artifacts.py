"""What an ingest flow run shows on its Prefect page: its summary, its failures and rejects, its review pages.

Each artifact has a stable key, so the Prefect UI keeps one history per kind across runs. An
artifact never fails a run: an error making one is logged, and the run goes on.
"""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import duckdb

from schemas import Run
from warehouse.store import REPORTS, sql_sections, reading

REPORT_SQL = sql_sections("report.sql")
SUMMARY_KEY = "ingest-summary"
PROBLEMS_KEY = "ingest-failures-and-rejects"
REVIEW_KEY = "ingest-review"
PROBLEMS_SHOWN = 100  # failed documents, then rejects; the warehouse has them all

SUMMARY_COLUMNS = ("documents", "this run", "facts", "loaded", "in warehouse")


def summary_rows(run: Run, held: Mapping[str, int]) -> list[tuple[Any, ...]]:
    """The rows of the table `facts run` prints at the end (`held`: warehouse.store.totals)."""
    rows: list[tuple[Any, ...]] = [
        ("seen", run.docs_seen, "amounts", run.amounts, held["amounts"]),
        ("new", run.docs_new, "percentages", run.percentages, held["percentages"]),
        ("changed", run.docs_changed, "dates", run.dates, held["dates"]),
        ("unchanged", run.docs_unchanged, "rejects", run.rejects, held["rejects"]),
        ("removed", run.docs_removed, "", "", ""),
        ("failed", run.docs_failed, "documents", "", held["documents"]),
        ("skipped", run.docs_skipped, "", "", ""),
    ]
    if run.files_ignored:  # files no reader takes: a row only when there are some
        rows.append(("ignored", sum(run.files_ignored.values()), "", "", ""))
    return rows


def _markdown_cell(value: Any) -> str:
    return str(value).replace("\\", "\\\\").replace("|", "\\|").replace("`", "\\`").replace("\n", " ")


def summary_markdown(run: Run, db: Path, held: Mapping[str, int]) -> str:
    """The run's summary as Markdown: its first line and table as `facts run` prints them."""
    lines = [f"**run {run.run_id[:8]} {run.status}** in {run.seconds or 0:.1f} s → {_markdown_cell(db)}", "",
             "| " + " | ".join(SUMMARY_COLUMNS) + " |", "|---|---:|---|---:|---:|"]
    lines += ["| " + " | ".join(map(_markdown_cell, row)) + " |" for row in summary_rows(run, held)]
    if held["failed"]:
        lines += ["", f"{held['failed']} document(s) in error in the warehouse."]
    return "\n".join(lines) + "\n"


def held_totals(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """What the warehouse holds (as warehouse.store.totals, on an open connection)."""
    result = con.execute(REPORTS["totals"])
    return dict(zip([d[0] for d in result.description], result.fetchone() or ()))


def problem_table(con: duckdb.DuckDBPyConnection, run_id: str, limit: int = PROBLEMS_SHOWN) -> dict[str, list[Any]]:
    """The run's failed documents, then its rejects, the first `limit` in all, as columns."""
    failed = con.execute(REPORT_SQL["run_failed_documents"], {"run_id": run_id, "limit": limit}).fetchall()
    rejects = con.execute(REPORT_SQL["run_rejects"], {"run_id": run_id, "limit": limit - len(failed)}).fetchall()
    table: dict[str, list[Any]] = {"kind": [], "path": [], "type": [], "text": [], "reason": []}
    for path, error in failed:
        for column, value in zip(table, ("failed document", path, "", "", error)):
            table[column].append(value)
    for path, kind, text, reason in rejects:
        for column, value in zip(table, ("reject", path, kind, text or "", reason)):
            table[column].append(value)
    return table


def publish_run_artifacts(run: Run, db: Path, review_index: Path | None = None) -> None:
    """Create the run's artifacts on its flow run; an error is logged, never raised."""
    from prefect import get_run_logger
    from prefect.artifacts import create_link_artifact, create_markdown_artifact, create_table_artifact

    logger = get_run_logger()
    try:
        with reading(db) as con:  # one read for all, closed before Prefect is called
            held, problems = held_totals(con), problem_table(con, run.run_id)
    except Exception as error:  # a view of the run: the run goes on without it
        logger.error("run %s: no artifact was created, the warehouse could not be read: %s: %s", run.run_id,
                     type(error).__name__, error)
        return
    artifacts = {
        "summary": lambda: create_markdown_artifact(
            summary_markdown(run, db, held), key=SUMMARY_KEY,
            description=f"What run {run.run_id} did, and what the warehouse holds after it"),
        "problems": lambda: create_table_artifact(
            problems, key=PROBLEMS_KEY, description=f"The run's failed documents and rejects (the first {PROBLEMS_SHOWN})"),
        "review": lambda: review_index is not None and create_link_artifact(
            review_index.resolve().as_uri(), link_text="review pages", key=REVIEW_KEY,
            description="The review pages written after the run: every document with its facts"),
    }
    for name, create in artifacts.items():
        try:
            create()
        except Exception as error:
            logger.error("run %s: the %s artifact was not created: %s: %s", run.run_id, name, type(error).__name__, error)
