"""The `facts` command: run the pipeline, query the warehouse, schedule re-ingestion, evaluate."""
from __future__ import annotations

import csv
import json
import os
import re
import sys
from datetime import date, datetime, timedelta
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from flows.prefect_setup import configure, local_server, prefect_api

app = typer.Typer(
    help="factflow: extract money amounts, percentages and dates from documents into DuckDB.",
    no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
)
console = Console()
errors = Console(stderr=True)

Seeds = Annotated[Path, typer.Option("--seeds", help="Folder of input documents (*.txt, *.md, found recursively).")]
Db = Annotated[Path, typer.Option("--db", help="DuckDB file of the warehouse.")]
DEFAULT_SEEDS = Path("seeds")
DEFAULT_DB = Path("warehouse/facts.duckdb")


def _fail(message: str, code: int = 1) -> None:
    errors.print(f"[bold red]error:[/] {escape(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


class TaskRunner(str, Enum):
    processes = "processes"
    dask = "dask"


@app.command()
def run(
    seeds: Seeds = DEFAULT_SEEDS,
    db: Db = DEFAULT_DB,
    task_runner: Annotated[TaskRunner, typer.Option(help="Where batches are extracted: worker processes on "
                                                         "this machine, or a Dask cluster.")] = TaskRunner.processes,
    dask_address: Annotated[str | None, typer.Option(help="Scheduler of a running Dask cluster, e.g. "
                                                          "tcp://10.0.0.5:8786; without it, a local cluster.")] = None,
    in_flight: Annotated[int | None, typer.Option(min=1, help="Batches being extracted at once "
                                                              "(default: twice the local cores).")] = None,
) -> None:
    """Ingest every document in SEEDS into the warehouse, then print a summary.

    Unchanged documents are skipped, changed ones re-extracted, removed ones deleted.
    """
    if not seeds.is_dir():
        _fail(f"seeds folder not found: {seeds}")
    if dask_address and task_runner is not TaskRunner.dask:
        _fail("--dask-address goes with --task-runner dask")
    from warehouse.store import DatabaseBusy, DiskFull, RunInProgress, WarehouseDamaged, check_readable

    try:
        check_readable(db)  # before Prefect starts: a damaged file is one line, and never written to
    except (DatabaseBusy, WarehouseDamaged) as error:
        _fail(str(error))
    configure()
    from flows.ingest import WORKERS, ingest

    options = {"max_in_flight": in_flight or 2 * WORKERS}
    flow = ingest
    if task_runner is TaskRunner.dask:
        try:
            from flows.dask import dask_task_runner
        except ImportError:
            _fail("--task-runner dask needs prefect-dask: pip install -e '.[dask]'")

        flow = ingest.with_options(task_runner=dask_task_runner(dask_address))
        options["local_workers"] = 1  # the Dask workers extract; this process only loads
    try:
        with prefect_api():
            result = flow(seeds=str(seeds), db=str(db), **options)
    except (DatabaseBusy, DiskFull, RunInProgress, WarehouseDamaged) as error:
        _fail(str(error))
    _print_summary(result, db)


def _print_summary(run, db: Path) -> None:
    import extractors
    from warehouse.store import totals

    held = totals(db)
    console.print(f"run {run.run_id[:8]} {run.status} in {run.seconds:.1f} s → {db}", highlight=False)
    table = Table()
    for header in ("documents", "this run", "facts", "loaded", "in warehouse"):
        table.add_column(header, justify="left" if header in ("documents", "facts") else "right")
    rows = [
        ("seen", run.docs_seen, "amounts", run.amounts, held["amounts"]),
        ("new", run.docs_new, "percentages", run.percentages, held["percentages"]),
        ("changed", run.docs_changed, "dates", run.dates, held["dates"]),
        ("unchanged", run.docs_unchanged, "rejects", run.rejects, held["rejects"]),
        ("removed", run.docs_removed, "", "", ""),
        ("failed", run.docs_failed, "documents", "", held["documents"]),
        ("skipped", run.docs_skipped, "", "", ""),
    ]
    for row in rows:
        table.add_row(*(str(c) for c in row))
    console.print(table)
    if held["failed"]:
        console.print(f"{held['failed']} document(s) in error: "
                      f"facts query \"select path, error from documents where status = 'error'\"", highlight=False)
    if run.docs_skipped:
        console.print(f"{run.docs_skipped} path(s) passed over: facts query \"select path, reason from skipped "
                      f"where run_id = '{run.run_id}'\"", highlight=False)
    if not extractors.COMPILED:
        console.print("The extractors here run as plain Python, not compiled by mypyc (a quarter slower): "
                      "see the README, \"Two commands\".", highlight=False)


class Format(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


def _jsonable(value):
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")  # 200000000.000000 -> 200000000, never 2E+8
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


@app.command()
def query(
    sql: Annotated[str, typer.Argument(help="A SQL query, e.g. \"select * from facts\".")],
    seeds: Seeds = DEFAULT_SEEDS,
    db: Db = DEFAULT_DB,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
    allow_files: Annotated[bool, typer.Option("--allow-files", help="Also read files other than the warehouse "
                                                                     "(read_csv, read_parquet, glob, ...).")] = False,
) -> None:
    """Run a SQL query on the warehouse. Only reads run: writes, COPY, ATTACH, SET, INSTALL and the like are refused."""
    import duckdb

    from warehouse.store import DatabaseBusy, QueryRefused, query as run_query

    try:
        columns, rows = run_query(db, sql, allow_files=allow_files)
    except (FileNotFoundError, DatabaseBusy, QueryRefused) as error:
        _fail(str(error))
    except duckdb.PermissionException as error:
        if not allow_files:  # DuckDB's external access is off: the statement reached for a file
            _fail(f"facts query reads only the warehouse; add --allow-files to read other files "
                  f"({str(error).splitlines()[0]})")
        _fail(str(error))
    except duckdb.Error as error:
        message = str(error)
        if "read-only" in message or "read only" in message:
            _fail(f"the warehouse is opened read-only by `facts query`; this statement would change it.\n{message}")
        _fail(message)
    if format is Format.json:
        for row in rows:
            sys.stdout.write(json.dumps({c: _jsonable(v) for c, v in zip(columns, row)}, ensure_ascii=False) + "\n")
    elif format is Format.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[_jsonable(v) for v in row] for row in rows])
    else:
        table = Table(*columns, show_lines=False)
        for row in rows:
            table.add_row(*(Text("" if v is None else str(_jsonable(v))) for v in row))  # text, not markup
        console.print(table)
        console.print(f"{len(rows)} row(s)", style="dim")


_INTERVAL = re.compile(r"^(\d+)([smhd])$")


def parse_interval(text: str) -> timedelta:
    """'20s', '10m', '1h' or '2d' as a timedelta."""
    match = _INTERVAL.match(text.strip())
    if not match or int(match[1]) == 0:
        raise typer.BadParameter("use a positive number with s, m, h or d, e.g. 20s, 10m, 1h")
    unit = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}[match[2]]
    return timedelta(**{unit: int(match[1])})


@app.command()
def serve(
    seeds: Seeds = DEFAULT_SEEDS,
    db: Db = DEFAULT_DB,
    interval: Annotated[str | None, typer.Option(help="Run every INTERVAL: 20s, 10m, 1h, 1d.")] = None,
    cron: Annotated[str | None, typer.Option(help="Run on a cron schedule, e.g. \"0 * * * *\".")] = None,
    prefect_home: Annotated[Path, typer.Option(help="PREFECT_HOME of the local server started when "
                                                    "PREFECT_API_URL is not set.")] = Path(".prefect"),
) -> None:
    """Re-ingest SEEDS on a schedule, through a Prefect deployment served by this process.

    Uses the Prefect server in PREFECT_API_URL; without one, starts a local
    `prefect server start` (stopped again on exit). Stop with Ctrl-C.
    """
    if (interval is None) == (cron is None):
        _fail("give exactly one of --interval or --cron")
    every = parse_interval(interval) if interval else None
    if not seeds.is_dir():
        _fail(f"seeds folder not found: {seeds}")
    configure()
    parameters = {"seeds": str(seeds.resolve()), "db": str(db.resolve())}
    if os.environ.get("PREFECT_API_URL"):
        _serve(parameters, every, cron, os.environ["PREFECT_API_URL"])
        return
    errors.print(f"starting a local Prefect server (PREFECT_HOME={prefect_home.resolve()}) ...")
    with local_server(prefect_home.resolve()) as api_url:
        os.environ["PREFECT_API_URL"] = api_url
        _serve(parameters, every, cron, api_url)


def _serve(parameters: dict, every: timedelta | None, cron: str | None, api_url: str) -> None:
    from flows.ingest import ingest

    schedule = f"every {every}" if every else f"cron {cron!r}"
    errors.print(f"serving deployment ingest/factflow ({schedule}) on {api_url}; Ctrl-C stops")
    ingest.serve(name="factflow", parameters=parameters, interval=every, cron=cron, print_starting_message=False)


RETRY_MS = 2000  # how often `facts watch` retries a run it had to skip


@app.command()
def watch(
    seeds: Seeds = DEFAULT_SEEDS,
    db: Db = DEFAULT_DB,
    quiet_ms: Annotated[int, typer.Option("--quiet-ms", help="Start a run once no file has changed for this "
                                                              "long, so a burst of files makes one run.")] = 1000,
) -> None:
    """Ingest SEEDS now, then again whenever documents or sidecars in it are created, changed or deleted.

    Stop with Ctrl-C.
    """
    if not seeds.is_dir():
        _fail(f"seeds folder not found: {seeds}")
    configure()
    from watchfiles import watch as watch_files

    from flows.ingest import ingest
    from flows.sources import DOCUMENT_SUFFIXES, SIDECAR_SUFFIX
    from warehouse.store import DatabaseBusy, DiskFull, RunInProgress, WarehouseDamaged, run_lock

    def relevant(change, path: str) -> bool:
        return path.endswith(DOCUMENT_SUFFIXES + (SIDECAR_SUFFIX,))

    def run_once() -> bool:
        """Run the flow; False if the warehouse was busy and the run is still owed."""
        try:
            _print_summary(ingest(seeds=str(seeds), db=str(db)), db)
            return True
        except (DatabaseBusy, RunInProgress) as error:
            errors.print(f"[yellow]skipped:[/] {escape(str(error))}; retrying every {RETRY_MS // 1000} s",
                         highlight=False, soft_wrap=True)
            return False
        except (DiskFull, WarehouseDamaged) as error:  # the next change tries again
            errors.print(f"[bold red]error:[/] {escape(str(error))}", highlight=False, soft_wrap=True)
            return True

    def lock_free() -> bool:
        """Whether no other run holds the warehouse now (a retry without a failed flow run each time)."""
        try:
            with run_lock(db.resolve()):
                return True
        except RunInProgress:
            return False

    with prefect_api():
        owed = not run_once()
        errors.print(f"watching {seeds.resolve()} for new or changed documents; Ctrl-C stops")
        # debounce caps how long a continuous stream of changes is held back before a run starts;
        # rust_timeout wakes the loop without changes, to retry a run that was skipped
        for changes in watch_files(seeds, watch_filter=relevant, step=quiet_ms, debounce=max(10 * quiet_ms, 10_000),
                                   rust_timeout=RETRY_MS, yield_on_timeout=True, raise_interrupt=False):
            if changes:
                errors.print(f"{len(changes)} change(s) in {seeds}: ingesting")
            elif not owed or not lock_free():
                continue
            owed = not run_once()


class ExportFormat(str, Enum):
    parquet = "parquet"


@app.command()
def export(
    target: Annotated[Path, typer.Argument(help="Folder to write into (created if missing).")],
    seeds: Seeds = DEFAULT_SEEDS,
    db: Db = DEFAULT_DB,
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="File format.")] = ExportFormat.parquet,
) -> None:
    """Export the warehouse as Parquet: one file per table, and the facts view partitioned by type."""
    from warehouse.store import DatabaseBusy, export_parquet

    try:
        written = export_parquet(db, target)
    except (FileNotFoundError, DatabaseBusy) as error:
        _fail(str(error))
    for path in written:
        console.print(f"wrote {path}", highlight=False)


@app.command("eval")
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold mentions, one JSON line per document (ANNOTATION.md).")],
    docs: Annotated[Path, typer.Argument(help="Folder the gold's document paths are relative to.")],
    errors_shown: Annotated[int, typer.Option("--errors", help="List up to N misses, spurious mentions "
                                                               "and wrong values per kind.")] = 0,
) -> None:
    """Score extraction against annotated documents: precision, recall, F1 and value accuracy per type."""
    from flows.evaluation import evaluate_folder, print_errors, print_scores

    if not gold.is_file():
        _fail(f"gold file not found: {gold}")
    if not docs.is_dir():
        _fail(f"documents folder not found: {docs}")
    scores, found_errors, texts = evaluate_folder(gold, docs)
    print_scores(scores, console)
    if errors_shown:
        print_errors(found_errors, errors_shown, console, texts)


if __name__ == "__main__":
    app()
