"""The DuckDB warehouse: the one writer, and read-only access for everyone else.

DuckDB lets one process hold a database file read-write and then refuses every other process,
readers included, at once. So the writer keeps its connection between transactions only while
no reader is waiting: a reader announces itself with a `<db>.reader-<pid>` file, the writer
closes its connection as soon as no transaction is under way and lets the reader in, and both
sides retry a lock conflict for a bounded time. A `facts query` during a run waits at most for
the transaction in progress (one batch).
"""
from __future__ import annotations

import errno
import fcntl
import json
import os
import re
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

import duckdb
import pyarrow as pa

from schemas.columns import Columns

SQL_DIR = Path(__file__).parent
FACT_TABLES = {"amount": "amounts", "percentage": "percentages", "date": "dates"}
LOCK_WAIT_SECONDS = 60.0
READER_TURN_SECONDS = 10.0  # how long the writer waits for announced readers before going on


def sql_sections(name: str) -> dict[str, str]:
    """The `-- name: x` sections of a .sql file beside this module."""
    sections: dict[str, str] = {}
    current = None
    for line in (SQL_DIR / name).read_text(encoding="utf-8").splitlines():
        if line.startswith("-- name:"):
            current = line.removeprefix("-- name:").strip()
            sections[current] = ""
        elif current and not line.startswith("--"):
            sections[current] += line + "\n"
    return {k: v.strip() for k, v in sections.items()}


SCHEMA_SQL = (SQL_DIR / "schema.sql").read_text(encoding="utf-8")
VIEWS_SQL = (SQL_DIR / "views.sql").read_text(encoding="utf-8")
STATEMENTS = sql_sections("load.sql")
REPORTS = sql_sections("reports.sql")
EXPORTS = sql_sections("export.sql")


class UserError(RuntimeError):
    """A failure the user can cause and mend: the command reports it in one line, no traceback."""


class DatabaseBusy(UserError):
    """Another process held the database for longer than we were willing to wait."""


class RunInProgress(UserError):
    """Another ingestion run is writing to the same database."""


class WarehouseDamaged(UserError):
    """The database file cannot be read: not a DuckDB file, from another DuckDB version, or corrupt."""


class DiskFull(UserError):
    """A write failed for want of space; the transaction was rolled back."""


def _first_line(error: BaseException) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


def check_readable(path: Path) -> None:
    """Raise WarehouseDamaged when an existing database file cannot be read, before anything writes
    to it: its catalog, each table, and the columns a run reads of every document."""
    if not Path(path).exists():
        return
    try:
        with connect(Path(path), read_only=True) as con:
            tables = [name for (name,) in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()]
            for table in tables:
                con.execute(f'SELECT count(*) FROM "{table}"').fetchall()
            if "documents" in tables:
                con.execute(STATEMENTS["document_keys"]).fetchall()
    except duckdb.Error as error:
        raise WarehouseDamaged(f"{path} cannot be read as a DuckDB database, so nothing was written to it: "
                               f"{_first_line(error)}") from None


@contextmanager
def run_lock(db: Path) -> Iterator[None]:
    """Hold `<db>.lock` for a whole run, so two runs never interleave on one database.

    The operating system releases the lock when the process dies, even by SIGKILL.
    """
    lock_path = Path(f"{db}.lock")
    try:
        lock_path.parent.mkdir(parents=True, exist_ok=True)
        lock_file = open(lock_path, "a+")
    except OSError as error:
        raise UserError(f"cannot write the warehouse {db}: {error.strerror or error} ({error.filename})") from None
    with lock_file as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.seek(0)
            holder = lock.read().strip() or "unknown"
            raise RunInProgress(f"another facts run (pid {holder}) is writing to {db}; "
                                f"wait for it to finish and try again") from None
        lock.seek(0)
        lock.truncate()
        lock.write(str(os.getpid()))
        lock.flush()
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _is_lock_conflict(error: duckdb.Error) -> bool:
    return "lock" in str(error).lower()


# The writer keeps its connection for a whole run: without a limit DuckDB keeps every block it
# wrote cached, and the flow process grows with the corpus; with it, it loads as fast.
WRITER_MEMORY_LIMIT = "128MB"
# DuckDB's default (16 MB) checkpoints every couple of batches, each dearer than the batch's insert.
WRITER_CHECKPOINT_THRESHOLD = "64MB"
# Each checkpoint writes the table's last, partly filled row group again: DuckDB's 122,880 rows
# make the documents table's group grow through a run and checkpoints slower and slower.
WRITER_ROW_GROUP_SIZE = 16_384
# One thread: the writer shares the machine with the extraction workers, and DuckDB's parallel
# appends and checkpoints cost more CPU in all, for no gain by the clock. Readers keep the default.
WRITER_THREADS = 1


def connect(path: Path, *, read_only: bool, wait: float = LOCK_WAIT_SECONDS,
            config: dict[str, Any] | None = None) -> duckdb.DuckDBPyConnection:
    """Open the database, retrying while another process holds a conflicting lock. `config` is a reader's."""
    deadline = time.monotonic() + wait
    delay = 0.02
    while True:
        try:
            if not read_only:
                return _connect_writer(path)
            return duckdb.connect(str(path), read_only=True, config=config or {})
        except duckdb.IOException as error:
            if not _is_lock_conflict(error) or time.monotonic() >= deadline:
                if _is_lock_conflict(error):
                    raise DatabaseBusy(f"{path} is in use by another process: {error}") from error
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.25)


def _connect_writer(path: Path) -> duckdb.DuckDBPyConnection:
    """The writer's connection: the file attached (the way to set its row group size) and in use."""
    con = duckdb.connect(config={"memory_limit": WRITER_MEMORY_LIMIT, "checkpoint_threshold": WRITER_CHECKPOINT_THRESHOLD,
                              "threads": WRITER_THREADS})
    try:
        con.execute(f"ATTACH '{_quoted(path)}' AS warehouse (ROW_GROUP_SIZE {WRITER_ROW_GROUP_SIZE})")
        con.execute("USE warehouse")
    except BaseException:
        con.close()
        raise
    return con


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")


def _reader_marker(path: Path) -> Path:
    return path.with_name(f"{path.name}.reader-{os.getpid()}")


def readers_waiting(path: Path) -> list[Path]:
    """The announcements of readers waiting for the database (see `reading`); a dead reader's is removed."""
    return [marker for marker in path.parent.glob(f"{path.name}.reader-*") if _held(marker)]


def _held(marker: Path) -> bool:
    """Whether a live reader holds `marker`'s lock: the operating system drops it when the reader dies."""
    try:
        fd = os.open(marker, os.O_RDONLY)
    except FileNotFoundError:
        return False
    except OSError:  # another user's marker we may not open: waited for as a live reader's
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    else:
        with suppress(OSError):  # a writer that cannot remove it still ignores it
            marker.unlink()
        return False
    finally:
        os.close(fd)


_CANNOT_ANNOUNCE = {errno.EROFS, errno.EACCES, errno.EPERM}


def _announce(path: Path) -> int | None:
    """Create and lock this reader's marker; None where it cannot be created (read-only media hold no writer)."""
    marker = _reader_marker(path)
    while True:
        try:
            fd = os.open(marker, os.O_RDONLY | os.O_CREAT, 0o644)
        except OSError as error:
            if error.errno in _CANNOT_ANNOUNCE:
                return None
            raise
        fcntl.flock(fd, fcntl.LOCK_SH)
        with suppress(FileNotFoundError):
            if os.path.samestat(os.fstat(fd), os.stat(marker)):
                return fd
        os.close(fd)  # a writer removed it as unheld between our open and our lock: announce again


def _withdraw(path: Path, fd: int) -> None:
    """Remove this reader's marker, unless another reader of this process still holds it."""
    with suppress(BlockingIOError):
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        _reader_marker(path).unlink(missing_ok=True)
    os.close(fd)


@contextmanager
def reading(path: Path, wait: float = LOCK_WAIT_SECONDS,
            config: dict[str, Any] | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection; while it is being opened, the writer is asked to step aside."""
    announced = _announce(path)
    try:
        con = connect(path, read_only=True, wait=wait, config=config)
    finally:
        if announced is not None:
            _withdraw(path, announced)
    try:
        yield con
    finally:
        con.close()


class Stored(NamedTuple):
    """What the warehouse knows of a document, to tell whether it changed."""

    doc_id: str
    fingerprint: str
    stat_key: str | None
    extractor_version: str


Rows = list[dict[str, Any]] | Columns | pa.Table  # as built (rows or columns), or as an Arrow table


def row_count(rows: Rows) -> int:
    if isinstance(rows, dict):
        return len(next(iter(rows.values()), []))
    return len(rows)


def arrow_table(rows: Rows) -> pa.Table:
    if isinstance(rows, pa.Table):
        return rows
    if isinstance(rows, dict):
        return pa.table({name: _array(values) for name, values in rows.items()})
    return pa.Table.from_pylist(rows)


# A column of Decimals crosses as DECIMAL(38,6), the widest a table holds (schemas/facts.py checks
# every value fits it): pyarrow would read every value first to infer a narrower type, for the
# same values once DuckDB casts them to the column's type.
_DECIMAL = pa.decimal128(38, 6)


def _array(values: list[Any]) -> pa.Array:
    first = next((value for value in values if value is not None), None)
    return pa.array(values, _DECIMAL if isinstance(first, Decimal) else None)


def as_rows(rows: Rows) -> list[dict[str, Any]]:
    """Any form of rows as a list of row dicts (for reading a batch in tests and evaluation)."""
    if isinstance(rows, pa.Table):
        return rows.to_pylist()
    if isinstance(rows, dict):
        return [dict(zip(rows, values)) for values in zip(*rows.values())]
    return rows


@dataclass
class Batch:
    """Rows for a set of documents, replacing whatever the warehouse held for them."""

    replaced: list[str] = field(default_factory=list)  # doc_ids stored before: their rows go first
    documents: Rows = field(default_factory=list)
    facts: dict[str, Rows] = field(default_factory=lambda: {table: {} for table in FACT_TABLES.values()})  # columns
    rejects: Rows = field(default_factory=list)
    restat: dict[str, str | None] = field(default_factory=dict)  # doc_id -> stat_key of a touched, unchanged file

    def columnar(self) -> "Batch":
        """The same batch with its rows and columns as Arrow tables. Built where the rows were made (a
        worker process), a table crosses to the writer ~10x cheaper than a list of dicts and loads as is."""
        return Batch(self.replaced, arrow_table(self.documents), {t: arrow_table(r) for t, r in self.facts.items()},
                     arrow_table(self.rejects), self.restat)


class Warehouse:
    """The one writer. Each method is one transaction.

    With `keep_open`, the connection stays open between transactions (opening and closing a
    DuckDB file costs more than loading a batch) until a reader announces itself or `close()`.
    """

    def __init__(self, path: Path, keep_open: bool = False):
        self.path = Path(path)
        self.keep_open = keep_open
        self._con: duckdb.DuckDBPyConnection | None = None
        self._lock = threading.Lock()  # one transaction at a time, and no close during one
        self._watcher: threading.Thread | None = None

    def close(self) -> None:
        with self._lock:
            self.keep_open = False
            if self._con is not None:
                self._con.close()
                self._con = None

    def _watch_readers(self) -> None:
        """While the connection idles between transactions, hand it over to announced readers."""
        while self.keep_open:
            time.sleep(0.05)
            if self._con is None or not readers_waiting(self.path) or not self._lock.acquire(blocking=False):
                continue
            try:
                if self._con is not None:
                    self._con.close()
                    self._con = None
            finally:
                self._lock.release()

    def create(self) -> "Warehouse":
        """Create the database file, its tables and views where missing (safe to repeat)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._transaction() as con:
            con.execute(SCHEMA_SQL)
            con.execute(VIEWS_SQL)
        return self

    @contextmanager
    def _transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with self._lock:
            con = self._con or connect(self.path, read_only=False)
            self._con = None
            try:
                con.begin()
                yield con
                con.commit()
            except BaseException as error:
                with suppress(duckdb.Error):  # a commit that failed has ended the transaction already
                    con.rollback()
                with suppress(duckdb.Error):
                    con.close()
                if isinstance(error, duckdb.Error) and "No space left on device" in str(error):
                    raise DiskFull(f"the disk holding {self.path} is full: nothing of this step was stored; "
                                   f"free some space and run again ({_first_line(error)})") from None
                raise
            if self.keep_open and not readers_waiting(self.path):
                self._con = con
                if self._watcher is None:
                    self._watcher = threading.Thread(target=self._watch_readers, daemon=True)
                    self._watcher.start()
                return
            con.close()
            self._let_readers_in()

    def _let_readers_in(self) -> None:
        """Wait (bounded) while announced readers open their connections."""
        deadline = time.monotonic() + READER_TURN_SECONDS
        while readers_waiting(self.path) and time.monotonic() < deadline:
            time.sleep(0.01)

    def known_documents(self, seeds: str) -> dict[str, Stored]:
        """path -> what is stored of it, for every document stored from the folder `seeds`."""
        with self._transaction() as con:
            rows = con.execute(STATEMENTS["known_documents"], {"seeds": seeds}).fetchall()
        return {path: Stored(*rest) for path, *rest in rows}

    def folders(self) -> dict[str, int]:
        """The seeds folders the warehouse holds documents from, with how many."""
        with self._transaction() as con:
            return dict(con.execute(STATEMENTS["folders"]).fetchall())

    def replace(self, batch: Batch) -> None:
        """Delete everything stored for the batch's documents and insert its rows, atomically."""
        if not len(batch.documents) and not batch.restat and not batch.replaced:
            return
        with self._transaction() as con:
            _insert(con, "update_stat_keys", [{"doc_id": d, "stat_key": k} for d, k in batch.restat.items()])
            _delete_documents(con, batch.replaced)
            _insert(con, "insert_documents", batch.documents)
            for table, rows in batch.facts.items():
                _insert(con, f"insert_{table}", rows)
            _insert(con, "insert_rejects", batch.rejects)

    def remove(self, doc_ids: Sequence[str]) -> None:
        """Remove documents (gone from the seeds folder) and all their rows."""
        if doc_ids:
            with self._transaction() as con:
                _delete_documents(con, doc_ids)

    def mark_interrupted_runs(self) -> None:
        """Runs still 'running' when a new run holds the run lock died on the way."""
        with self._transaction() as con:
            con.execute(STATEMENTS["mark_interrupted_runs"])

    def record_skips(self, rows: list[dict[str, Any]]) -> None:
        """Insert the rows of paths a run passed over."""
        if rows:
            with self._transaction() as con:
                _insert(con, "insert_skipped", rows)

    def record_run(self, run: dict[str, Any]) -> None:
        """Insert or replace the row of a run."""
        row = run | {"files_ignored": json.dumps(run.get("files_ignored") or {})}  # a JSON column
        with self._transaction() as con:
            con.execute(STATEMENTS["delete_run"], {"run_id": run["run_id"]})
            _insert(con, "insert_run", [row])


def _delete_documents(con: duckdb.DuckDBPyConnection, doc_ids: Sequence[str]) -> None:
    if not doc_ids:
        return
    con.register("batch_doc_ids", pa.table({"doc_id": pa.array(list(doc_ids), pa.string())}))
    for table in ("amounts", "percentages", "dates", "rejects", "documents"):
        con.execute(STATEMENTS[f"delete_{table}"])
    con.unregister("batch_doc_ids")


def _insert(con: duckdb.DuckDBPyConnection, statement: str, rows: Rows) -> None:
    """Columnar insert through Arrow (executemany is ~2,000x slower here)."""
    if not row_count(rows):
        return
    con.register("batch_rows", arrow_table(rows))
    con.execute(STATEMENTS[statement])
    con.unregister("batch_rows")


class QueryRefused(ValueError):
    """`facts query` was given a statement that does not only read."""


# DESCRIBE, SHOW, SUMMARIZE, VALUES, WITH, FROM-first and PIVOT ... IN (...) all parse as SELECT.
_READS = {duckdb.StatementType.SELECT}
_LEADING_COMMENTS = re.compile(r"(?:\s+|--[^\n]*|/\*.*?\*/)*", re.DOTALL)
_EXPLAIN = re.compile(r"explain\s+(?:analyze\s+)?(?:\([^()]*\)\s*)?", re.IGNORECASE)
_KEYWORD = re.compile(r"force\s+checkpoint|[a-z]+", re.IGNORECASE)


def refusal(con: duckdb.DuckDBPyConnection, sql: str) -> str | None:
    """Why `facts query` refuses `sql`, or None when each of its statements only reads."""
    for statement in con.extract_statements(sql):
        if reason := _refusal(con, statement):
            return reason
    return None


def _refusal(con: duckdb.DuckDBPyConnection, statement: Any) -> str | None:
    try:
        kind = statement.type
    except ValueError:  # a statement type newer than the Python enum (UPDATE EXTENSIONS): not a read
        kind = None
    if kind in _READS:
        return None
    text = statement.query[_LEADING_COMMENTS.match(statement.query).end():]
    if kind == duckdb.StatementType.EXPLAIN and (explain := _EXPLAIN.match(text)):
        try:  # EXPLAIN ANALYZE runs the statement it explains, so that one must be a read too
            explained = con.extract_statements(text[explain.end():])
        except duckdb.Error:
            explained = []
        if len(explained) == 1:
            return _refusal(con, explained[0])
    if kind == duckdb.StatementType.MULTI:  # its parts (CREATE TYPE, then the query) are not visible here
        return ("facts query only reads: a PIVOT without an IN list runs several statements and is refused; "
                "name its values: PIVOT ... ON column IN ('a', 'b')")
    name = kind.name if kind else "UNKNOWN"
    if (keyword := _KEYWORD.match(text)) and keyword[0].lower() != "with":  # DuckDB calls INSTALL a LOAD
        name = " ".join(keyword[0].upper().split())
    return f"facts query only reads: {name} statements are refused"


def query_config(allow_files: bool) -> dict[str, Any]:
    """The query connection's settings: no file but the warehouse unless `allow_files`, no SET to undo that,
    and no extension downloaded into ~/.duckdb."""
    return {"enable_external_access": allow_files, "autoinstall_known_extensions": False, "lock_configuration": True}


def query(path: Path, sql: str, wait: float = LOCK_WAIT_SECONDS,
          allow_files: bool = False) -> tuple[list[str], list[tuple]]:
    """Run `sql`, which may only read, on a read-only connection: column names and rows.

    Files other than the warehouse are read only with `allow_files`; other statements raise QueryRefused.
    """
    if not Path(path).exists():
        raise FileNotFoundError(f"no database at {path}: run `facts run` first")
    with reading(Path(path), wait, query_config(allow_files)) as con:
        if reason := refusal(con, sql):  # every statement checked before any runs
            raise QueryRefused(reason)
        result = con.execute(sql)
        columns = [d[0] for d in result.description] if result.description else []
        return columns, result.fetchall()


def totals(path: Path) -> dict[str, int]:
    """How many documents, failures, facts and rejects the warehouse holds."""
    columns, rows = query(path, REPORTS["totals"])
    return dict(zip(columns, rows[0]))


def export_parquet(path: Path, target: Path, wait: float = LOCK_WAIT_SECONDS) -> list[Path]:
    """Write every table as TARGET/<table>.parquet and the facts view as TARGET/facts/type=<type>/.

    Reads through a read-only connection; returns what it wrote.
    """
    if not Path(path).exists():
        raise FileNotFoundError(f"no database at {path}: run `facts run` first")
    target.mkdir(parents=True, exist_ok=True)
    written = []
    with reading(Path(path), wait) as con:
        for name, statement in EXPORTS.items():
            out = target / (name if name == "facts" else f"{name}.parquet")
            con.execute(statement, {"path": str(out)})
            written.append(out)
    return written
