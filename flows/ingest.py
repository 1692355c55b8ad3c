"""The Prefect flow: discover → read → extract → validate → load. Orchestration only.

Documents travel in batches: Prefect costs 5-10 ms per task run, so one task per document
would cost more than the extraction itself. One writer loads each batch in one transaction.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from extractors import EXTRACTOR_VERSION
from flows.processing import process_document
from flows.progress import progress_bar
from flows.sources import DocumentError, RawDocument, discover, doc_id_for, read_raw
from schemas import Run
from warehouse.store import Batch, Warehouse, run_lock

BATCH_SIZE = 250

@dataclass
class BatchOutcome:
    batch: Batch
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: int = 0
    counts: dict[str, int] = field(default_factory=dict)


def process_paths(seeds: Path, paths: list[str], known: dict[str, tuple[str, str]], run_id: str) -> BatchOutcome:
    """Read each path; skip it when its fingerprint is unchanged, else extract and validate it."""
    outcome = BatchOutcome(Batch())
    for path in paths:
        try:
            raw = read_raw(seeds, path)
        except DocumentError as error:
            raw = RawDocument(path, b"", None)
            outcome.failed += 1
            _record_unreadable(outcome.batch, raw, str(error), run_id)
            continue
        stored = known.get(path)
        if stored and stored[1] == raw.fingerprint(EXTRACTOR_VERSION):
            outcome.unchanged += 1
            continue
        if stored:
            outcome.changed += 1
        else:
            outcome.new += 1
        if not process_document(raw, run_id, outcome.batch):
            outcome.failed += 1
    outcome.counts = {t: len(rows) for t, rows in outcome.batch.facts.items()} | {"rejects": len(outcome.batch.rejects)}
    return outcome


def _record_unreadable(batch: Batch, raw: RawDocument, error: str, run_id: str) -> None:
    from schemas import Document

    doc_id = doc_id_for(raw.path)
    batch.doc_ids.append(doc_id)
    batch.documents.append(Document(
        doc_id=doc_id, path=raw.path, sha256="", fingerprint="", status="error", error=error,
        extractor_version=EXTRACTOR_VERSION, ingested_at=datetime.now(timezone.utc), run_id=run_id,
    ).model_dump())


@task(cache_policy=NO_CACHE)
def discover_documents(seeds: Path) -> list[str]:
    """List the documents under the seeds folder."""
    return discover(seeds)


@task(cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2)
def stored_documents(db: Path) -> dict[str, tuple[str, str]]:
    """What the warehouse holds: path -> (doc_id, fingerprint)."""
    return Warehouse(db).known_documents()


@task(cache_policy=NO_CACHE)
def extract_batch(seeds: Path, paths: list[str], known: dict[str, tuple[str, str]], run_id: str) -> BatchOutcome:
    """Read, extract and validate one batch of documents."""
    return process_paths(seeds, paths, known, run_id)


@task(cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2)
def load_batch(db: Path, batch: Batch) -> None:
    """Replace the batch's documents in the warehouse, in one transaction."""
    Warehouse(db).replace(batch)


@task(cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2)
def remove_documents(db: Path, doc_ids: list[str]) -> None:
    """Remove documents that are gone from the seeds folder."""
    Warehouse(db).remove(doc_ids)


@task(cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2)
def record_run(db: Path, run: Run) -> None:
    """Write the run's row."""
    Warehouse(db).record_run(run.model_dump())


@flow(name="ingest", log_prints=True)
def ingest(seeds: str = "seeds", db: str = "warehouse/facts.duckdb", batch_size: int = BATCH_SIZE) -> Run:
    """Bring the warehouse up to date with the documents in `seeds`."""
    seeds_path, db_path = Path(seeds).resolve(), Path(db).resolve()
    if not seeds_path.is_dir():
        raise NotADirectoryError(f"seeds folder not found: {seeds_path}")
    with run_lock(db_path):
        Warehouse(db_path).mark_interrupted_runs()
        run = Run(run_id=uuid.uuid4().hex, started_at=datetime.now(timezone.utc), status="running",
                  seeds=str(seeds_path), extractor_version=EXTRACTOR_VERSION)
        record_run(db_path, run)
        try:
            _update(run, seeds_path, db_path, batch_size)
            run.status = "completed"
        except BaseException:
            run.status = "failed"
            raise
        finally:
            run.finished_at = datetime.now(timezone.utc)
            run.seconds = round((run.finished_at - run.started_at).total_seconds(), 3)
            record_run(db_path, run)
    return run


def _update(run: Run, seeds: Path, db: Path, batch_size: int) -> None:
    """Extract and load new and changed documents batch by batch, then drop removed ones."""
    paths = discover_documents(seeds)
    known = stored_documents(db)
    run.docs_seen = len(paths)
    with progress_bar(len(paths)) as advance:
        for i in range(0, len(paths), batch_size):
            chunk = paths[i:i + batch_size]
            outcome = extract_batch(seeds, chunk, known, run.run_id)
            load_batch(db, outcome.batch)
            run.docs_new += outcome.new
            run.docs_changed += outcome.changed
            run.docs_unchanged += outcome.unchanged
            run.docs_failed += outcome.failed
            run.amounts += outcome.counts["amounts"]
            run.percentages += outcome.counts["percentages"]
            run.dates += outcome.counts["dates"]
            run.rejects += outcome.counts["rejects"]
            advance(len(chunk))
    gone = sorted(set(known) - set(paths))
    remove_documents(db, [known[p][0] for p in gone])
    run.docs_removed = len(gone)
