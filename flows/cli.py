"""The `facts` command: run the pipeline, query the warehouse, schedule re-ingestion, evaluate."""
from __future__ import annotations

import csv
import json
import logging
import os
import re
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
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

Seeds = Annotated[Path, typer.Option("--seeds", help="Folder of input documents (text, HTML, PDF, Word, e-mail, gzip of these; found recursively).")]
Db = Annotated[Path, typer.Option("--db", help="DuckDB file of the warehouse.")]
DEFAULT_SEEDS = Path("seeds")
DEFAULT_DB = Path("warehouse/facts.duckdb")


_debug = False  # --debug: tracebacks and Prefect's error logs are shown


@app.callback()
def _options(debug: Annotated[bool, typer.Option("--debug", envvar="FACTFLOW_DEBUG",
                                                 help="Show tracebacks and Prefect's error logs.")] = False) -> None:
    global _debug
    _debug = debug


def _error_line(message: str) -> None:
    errors.print(f"[bold red]error:[/] {escape(message)}", highlight=False, soft_wrap=True)


def _one_line(error: Exception) -> str:
    """DuckDB's message in one line: its lines joined, the caret line under the query left out."""
    return "; ".join(line.strip() for line in str(error).splitlines() if line.strip().strip("^"))


def _fail(message: str, code: int = 1) -> None:
    _error_line(message)
    raise typer.Exit(code)


class Terminated(KeyboardInterrupt):
    """SIGTERM, ended as Ctrl-C ends a command: runs record `interrupted` and stop cleanly."""


_terminated = False  # typer turns any KeyboardInterrupt into exit code 130: this tells SIGTERM's apart


def _terminate(signum, frame) -> None:
    global _terminated
    _terminated = True
    raise Terminated()


def main() -> None:
    """`facts`: a failure the user can mend is one line (exit 1), bad usage exit 2, Ctrl-C 130, SIGTERM 143."""
    from warehouse.store import UserError

    signal.signal(signal.SIGTERM, _terminate)
    try:
        app()  # bad usage is click's message and exit 2; a KeyboardInterrupt, typer's exit 130
        code = 0
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else int(done.code is not None)
    except KeyboardInterrupt:
        code = 130
    except UserError as error:
        if _debug:
            raise
        _error_line(str(error))
        code = 1
    except Exception as error:  # a bug: one line, and the way to see more
        if _debug:
            raise
        _error_line(f"unexpected {type(error).__name__}: {error} (facts --debug … shows the traceback)")
        code = 1
    if code == 130:  # Ctrl-C or SIGTERM, wherever it came
        errors.print("[yellow]interrupted:[/] stopped; what was loaded stays whole, and the next run does the rest",
                     highlight=False, soft_wrap=True)
        code = 143 if _terminated else 130
    sys.exit(code)


@contextmanager
def _quiet_prefect_errors() -> Iterator[None]:
    """Within the block, Prefect's console shows no error logs of flow and task runs (each with a
    traceback): the command reports the failure itself, in one line. --debug shows them."""
    def keep(record: logging.LogRecord) -> bool:
        return _debug or record.levelno < logging.ERROR or not record.name.startswith(("prefect.flow_runs",
                                                                                       "prefect.task_runs"))
    handlers = logging.getLogger().handlers
    for handler in handlers:
        handler.addFilter(keep)
    try:
        yield
    finally:
        for handler in handlers:
            handler.removeFilter(keep)


def _reference_date(value: str) -> date:
    """--published: a date as a sidecar's `published` may be written (flows/published.py)."""
    from flows.published import parse_published

    try:
        return parse_published(value)
    except ValueError as error:
        raise typer.BadParameter(f"{value!r} is not a date: {error}") from None


class TaskRunner(str, Enum):
    processes = "processes"
    dask = "dask"


@app.command()
def run(
    seeds: Seeds = DEFAULT_SEEDS,
    db: Db = DEFAULT_DB,
    prune: Annotated[bool, typer.Option("--prune", help="Remove stored documents even when SEEDS yields none "
                                                       "(an emptied folder), and those of seeds folders that no "
                                                       "longer exist.")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Print what would be new, changed, unchanged and "
                                                            "removed, and write nothing.")] = False,
    task_runner: Annotated[TaskRunner, typer.Option(help="Where batches are extracted: worker processes on "
                                                         "this machine, or a Dask cluster.")] = TaskRunner.processes,
    dask_address: Annotated[str | None, typer.Option(help="Scheduler of a running Dask cluster, e.g. "
                                                          "tcp://10.0.0.5:8786; without it, a local cluster.")] = None,
    in_flight: Annotated[int | None, typer.Option(min=1, help="Batches being extracted at once "
                                                              "(default: twice the local cores).")] = None,
    published: Annotated[date | None, typer.Option(
        parser=_reference_date, metavar="DATE",
        help="Reference date of documents that give none (no sidecar date, metadata or dateline): "
             "2024-10-24, 10/24/2024, 24 Oct 2024 ...")] = None,
    review: Annotated[Path | None, typer.Option("--review", metavar="DIR", help="Once the facts are in, write "
                                                "the review pages into DIR (as `facts review` does).")] = None,
) -> None:
    """Ingest every document in SEEDS into the warehouse, then print a summary.

    Unchanged documents are skipped, changed ones re-extracted, removed ones deleted. A folder that
    yields no document never empties the warehouse without --prune.
    """
    if not seeds.is_dir():
        _fail(f"seeds folder not found: {seeds}")
    if dask_address and task_runner is not TaskRunner.dask:
        _fail("--dask-address goes with --task-runner dask")
    from warehouse.store import check_readable, run_lock

    check_readable(db)  # before Prefect starts: a damaged file is one line, and never written to
    if dry_run:
        _print_plan(seeds, db, prune, published)
        return
    with run_lock(db.resolve()):  # a busy warehouse is refused at once, not after Prefect's start
        pass
    configure()
    with prefect_api() as connect:  # a temporary server, if one is needed, comes up while the flow is imported
        from flows.ingest import WORKERS, ingest

        options = {"max_in_flight": in_flight or 2 * WORKERS, "prune": prune,
                   "published": published.isoformat() if published else None,
                   "review": str(review) if review else None}
        flow = ingest
        if task_runner is TaskRunner.dask:
            try:
                from flows.dask import dask_task_runner
            except ImportError:
                _fail("--task-runner dask needs prefect-dask: pip install -e '.[dask]'")

            flow = ingest.with_options(task_runner=dask_task_runner(dask_address))
            options["local_workers"] = 1  # the Dask workers extract; this process only loads
        connect()
        with _quiet_prefect_errors():
            result = flow(seeds=str(seeds), db=str(db), **options)
    _print_summary(result, db)
    if review:
        console.print(f"review pages: {(review / 'index.html').resolve().as_uri()}", highlight=False, soft_wrap=True)


def _print_plan(seeds: Path, db: Path, prune: bool, published: date | None = None) -> None:
    from flows.plan import dry_run

    plan = dry_run(seeds, db, prune, published)
    table = Table("documents", "would be", "examples")
    for name, paths in (("new", plan.new), ("changed", plan.changed), ("removed", plan.removed)):
        table.add_row(name, str(len(paths)), Text(", ".join(paths[:3]) + (", ..." if len(paths) > 3 else "")))
    table.add_row("unchanged", str(plan.unchanged), "")
    table.add_row("skipped", str(len(plan.skipped)), Text(", ".join(list(plan.skipped)[:3])))
    if plan.ignored:  # files no reader takes, by suffix
        table.add_row("ignored", str(sum(plan.ignored.values())),
                      Text(", ".join(f"{n} {kind or '(no suffix)'}" for kind, n in plan.ignored.items())))
    console.print(f"dry run: {seeds} → {db} (nothing was written)", highlight=False)
    console.print(table)
    if plan.refused:
        console.print(f"the run would stop: {plan.refused}", highlight=False, soft_wrap=True)


def _print_summary(run, db: Path) -> None:
    import extractors
    from flows.artifacts import SUMMARY_COLUMNS, summary_rows
    from warehouse.store import totals

    held = totals(db)
    console.print(f"run {run.run_id[:8]} {run.status} in {run.seconds:.1f} s → {db}", highlight=False)
    table = Table()
    for header in SUMMARY_COLUMNS:
        table.add_column(header, justify="left" if header in ("documents", "facts") else "right")
    for row in summary_rows(run, held):  # the rows of the run's summary artifact too
        table.add_row(*(str(c) for c in row))
    console.print(table)
    if held["failed"]:
        console.print(f"{held['failed']} document(s) in error: "
                      f"facts query \"select path, error from documents where status = 'error'\"", highlight=False)
    if held["folders"] > 1:
        console.print(f"the warehouse holds documents of {held['folders']} seeds folders: facts query \"select "
                      f"seeds, count(*) from documents group by seeds\"", highlight=False)
    if run.docs_skipped:
        console.print(f"{run.docs_skipped} path(s) passed over: facts query \"select path, reason from skipped "
                      f"where run_id = '{run.run_id}'\"", highlight=False)
    if run.files_ignored:  # files no reader takes, by suffix
        console.print("files no reader takes: " + ", ".join(f"{n} {kind or '(no suffix)'}" for kind, n in
                                                            run.files_ignored.items()), highlight=False)
    if not extractors.COMPILED:
        console.print("The extractors here run as plain Python, not compiled by mypyc (a quarter slower): "
                      "see the README, \"Two commands\".", highlight=False)


class Format(str, Enum):
    table = "table"
    markdown = "markdown"
    csv = "csv"
    json = "json"


def _text(value) -> str:
    """A value as plain text, for csv, table and markdown."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")  # 200000000.000000 -> 200000000, never 2E+8
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple, dict)):
        return _json(value)
    return str(value)


def _json(value) -> str:
    """A value as JSON text; written by hand because json.dumps would turn a Decimal into a rounded float."""
    if isinstance(value, Decimal):
        return _text(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_json(str(k))}: {_json(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(map(_json, value)) + "]"
    if isinstance(value, (date, datetime)):
        value = value.isoformat()
    return json.dumps(value, ensure_ascii=False, default=str)


def _table(columns: list[str], rows: list[tuple]) -> Table:
    """A table as wide as the terminal, one line a row: the widest columns narrowed first, long cells cut with …"""
    table = Table(*columns)
    for row in rows:  # Text, not markup; no_wrap on the cell, not the column, so rich still narrows wide columns
        table.add_row(*(Text("↵".join(_text(v).splitlines()), no_wrap=True, overflow="ellipsis") for v in row))
    return table


def _markdown(columns: list[str], rows: list[tuple]) -> str:
    """A GitHub Markdown table with every cell in full."""
    def cell(value) -> str:
        return "<br>".join(_text(value).replace("|", "\\|").splitlines())  # a table row is one line

    lines = ["| " + " | ".join(map(cell, columns)) + " |", "|" + "---|" * len(columns)]
    return "\n".join(lines + ["| " + " | ".join(map(cell, row)) + " |" for row in rows]) + "\n"


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
        _fail(_one_line(error))
    except duckdb.Error as error:
        message = _one_line(error)
        if "read-only" in message or "read only" in message:
            _fail(f"the warehouse is opened read-only by `facts query`; this statement would change it ({message})")
        _fail(message)
    if format is Format.json:
        sys.stdout.writelines(_json(dict(zip(columns, row))) + "\n" for row in rows)
    elif format is Format.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[_text(v) for v in row] for row in rows])
    elif format is Format.markdown:
        sys.stdout.write(_markdown(columns, rows))
    else:
        console.print(_table(columns, rows))
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
    prefect_home: Annotated[Path | None, typer.Option(help="PREFECT_HOME of the local server started when "
                                                           "PREFECT_API_URL is not set (default: $PREFECT_HOME, "
                                                           "else ./.prefect).", show_default=False)] = None,
) -> None:
    """Re-ingest SEEDS on a schedule, through a Prefect deployment served by this process.

    Uses the Prefect server in PREFECT_API_URL; without one, starts a local
    `prefect server start` with its UI (stopped again on exit). Stop with Ctrl-C.
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
    home = (prefect_home or Path(os.environ.get("PREFECT_HOME") or ".prefect")).expanduser().resolve()
    errors.print(f"starting a local Prefect server (PREFECT_HOME={home}) ...")
    with local_server(home) as api_url:
        os.environ["PREFECT_API_URL"] = api_url
        _serve(parameters, every, cron, api_url)


def _serve(parameters: dict, every: timedelta | None, cron: str | None, api_url: str) -> None:
    from prefect.settings import PREFECT_UI_URL

    from flows.ingest import ingest

    schedule = f"every {every}" if every else f"cron {cron!r}"
    if PREFECT_UI_URL.value():
        errors.print(f"Prefect UI: {PREFECT_UI_URL.value()}", highlight=False)
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
    """Ingest SEEDS now, then again whenever documents, sidecars or folders in it are created, changed,
    moved or deleted; what arrives during a run makes one more run after it.

    Stop with Ctrl-C.
    """
    if not seeds.is_dir():
        _fail(f"seeds folder not found: {seeds}")
    configure()
    import time

    from watchfiles import watch as watch_files

    from flows.ingest import ingest
    from flows.watching import SeedsChanges
    from warehouse.store import DatabaseBusy, RunInProgress, UserError, run_lock

    def run_once() -> bool:
        """Run the flow; False if the warehouse was busy and the run is still owed."""
        try:
            _print_summary(ingest(seeds=str(seeds), db=str(db)), db)
            return True
        except (DatabaseBusy, RunInProgress) as error:
            errors.print(f"[yellow]skipped:[/] {escape(str(error))}; retrying every {RETRY_MS // 1000} s",
                         highlight=False, soft_wrap=True)
            return False
        except UserError as error:  # a full disk, a damaged warehouse, an emptied folder: a change retries
            _error_line(str(error))
            return True

    def lock_free() -> bool:
        """Whether no other run holds the warehouse now (a retry without a failed flow run each time)."""
        try:
            with run_lock(db.resolve()):
                return True
        except RunInProgress:
            return False

    root = seeds.resolve()
    with prefect_api() as connect:  # a temporary server starts meanwhile
        # debounce caps how long a continuous stream of changes is held back before a run starts;
        # rust_timeout wakes the loop without changes, to retry a run that was skipped
        changes_seen = watch_files(root, watch_filter=None, step=quiet_ms, debounce=max(10 * quiet_ms, 10_000),
                                   rust_timeout=min(quiet_ms, RETRY_MS), yield_on_timeout=True, raise_interrupt=False)
        # watching starts before the first run: what arrives during it is kept for the run after it
        if next(changes_seen, None) is None:  # Ctrl-C already
            return
        seeds_changes = SeedsChanges()
        seeds_changes.remember(str(root))  # after watching started: no folder slips between the two
        connect()
        owed = not run_once()
        ran, tried = True, time.monotonic()
        errors.print(f"watching {root} for new or changed documents; Ctrl-C stops")
        for all_changes in changes_seen:
            changes, ran = seeds_changes.relevant(all_changes, since_a_run=ran), False
            if changes:
                errors.print(f"{len(changes)} change(s) in {seeds}: ingesting")
            elif not owed or time.monotonic() - tried < RETRY_MS / 1000 or not lock_free():
                continue
            owed = not run_once()
            ran, tried = True, time.monotonic()


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


@app.command()
def report(
    seeds: Seeds = DEFAULT_SEEDS,
    db: Db = DEFAULT_DB,
    out: Annotated[Path | None, typer.Option("--out", help="HTML file to write (default: report.html beside "
                                                            "the warehouse).", show_default=False)] = None,
) -> None:
    """Write one HTML page about the warehouse (facts per type and run, money by currency, time span, rejects,
    failed documents), with charts that work offline; print its file:// address."""
    import duckdb

    from flows.report import write_report
    from warehouse.store import DatabaseBusy

    try:
        written = write_report(db, out or db.with_name("report.html"))
    except (FileNotFoundError, DatabaseBusy) as error:
        _fail(str(error))
    except duckdb.Error as error:
        _fail(_one_line(error))
    except OSError as error:
        _fail(f"cannot write {error.filename or out}: {error.strerror or error}")
    console.print(written.resolve().as_uri(), highlight=False, soft_wrap=True)


@app.command()
def review(
    seeds: Seeds = DEFAULT_SEEDS,
    db: Db = DEFAULT_DB,
    out: Annotated[Path | None, typer.Option("--out", help="Folder to write the site into (default: review/ "
                                                           "beside the warehouse file).", show_default=False)] = None,
    doc: Annotated[list[str] | None, typer.Option("--doc", metavar="PATH", help="Write only this document's page "
                                                  "(its path as in documents.path); repeatable.")] = None,
) -> None:
    """Write a static HTML site to review the facts: an index of documents and a page per document
    with its facts highlighted. Opens the warehouse read-only; works from file:// with no network."""
    import duckdb

    from flows.review import UnknownDocuments, review_site
    from warehouse.store import DatabaseBusy

    target = out if out is not None else db.parent / "review"
    try:
        site = review_site(db, target, doc)
    except (FileNotFoundError, DatabaseBusy, UnknownDocuments) as error:
        _fail(str(error))
    except duckdb.Error as error:
        _fail(_one_line(error))
    except OSError as error:
        _fail(f"cannot write the site into {target}: {error.strerror or error} ({error.filename})")
    console.print(f"wrote {site.pages} page(s) of {site.documents} document(s): {site.index.resolve().as_uri()}",
                  highlight=False, soft_wrap=True)


@app.command("eval")
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold mentions, one JSON line per document (ANNOTATION.md).")],
    docs: Annotated[Path, typer.Argument(help="Folder the gold's document paths are relative to.")],
    errors_shown: Annotated[int, typer.Option("--errors", help="List up to N misses, spurious mentions, "
                                                               "wrong values and wrong links per kind.")] = 0,
    case: Annotated[str | None, typer.Option("--case", help="Score the documents mapped to upper or lower case, "
                                                               "character by character (gold offsets hold).")] = None,
    links: Annotated[Path | None, typer.Option("--links", help="Gold links (ANNOTATION.md, \"Linked facts\"); "
                                                                "default: links.jsonl beside GOLD, when there is one.")] = None,
) -> None:
    """Score extraction against annotated documents: precision, recall, F1 and value accuracy per
    type; with gold links, each link's accuracy and the share of facts with all three right."""
    from flows.evaluation import CASES, evaluate_folder, print_errors, print_scores
    from flows.link_scoring import links_beside, print_link_errors, print_link_scores

    if not gold.is_file():
        _fail(f"gold file not found: {gold}")
    if not docs.is_dir():
        _fail(f"documents folder not found: {docs}")
    if case is not None and case not in CASES:
        _fail(f"--case is upper or lower, not {case!r}")
    if links is not None and not links.is_file():
        _fail(f"links file not found: {links}")
    result = evaluate_folder(gold, docs, case, links if links is not None else links_beside(gold))
    print_scores(result.counts, console)
    if result.links is not None:
        console.print()
        print_link_scores(result.links, console)
    if errors_shown:
        print_errors(result.errors, errors_shown, console, result.texts)
        if result.links is not None:
            print_link_errors(result.link_errors, errors_shown, console, result.texts)

if __name__ == "__main__":
    main()
