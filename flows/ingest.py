"""The Prefect flow: discover → read → extract → validate → load. Orchestration only.

Documents travel in batches: Prefect costs 5-10 ms per task run, so one task per document
would cost more than the extraction itself. Batches are extracted in worker processes (the
extractors are CPU-bound Python; see flows/parallel.py), a bounded number at a time so memory
stays flat, and loaded in order by the one writer, each in one transaction.
"""
from __future__ import annotations

import os
import sys
import uuid
from collections import deque
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Generic, TypeVar

from prefect import flow, get_run_logger, runtime, task
from prefect.cache_policies import NO_CACHE
from prefect.exceptions import TerminationSignal  # Prefect's SIGTERM, during a flow run
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.utilities.annotations import quote

from extractors import EXTRACTOR_VERSION
from flows.artifacts import publish_run_artifacts
from flows.parallel import WorkerDied, in_worker, start_fork_server, worker_processes
from flows.collections import Chunk, ContainerIndex, chunk_death_outcome, entries_of, index_container, process_chunk
from flows.plan import RemovalRefused, batch_size_for, refusal, to_do, to_remove, vanished_folders
from flows.processing import BatchOutcome, merged_outcomes, process_paths, process_paths_columnar, worker_death_outcome
from flows.progress import progress_bar
from flows.sources import Survey, survey
from schemas import Run, Skipped
from warehouse.store import REPORTS, Batch, Stored, Warehouse, check_readable, reading, run_lock

WORKERS = os.cpu_count() or 1


T = TypeVar("T")


class Unwalked(Generic[T]):
    """A task argument or result that Prefect passes on without walking it.

    Prefect walks a list or dict argument item by item looking for futures, twice a task run,
    and a result to link each item to the task run: seconds of the flow process's CPU on a large
    corpus. Its own quote() is a tuple that a Dask cluster's pickling turns back into a plain one.
    """

    __slots__ = ("value",)

    def __init__(self, value: T):
        self.value = value


@task(cache_policy=NO_CACHE)
def discover_documents(seeds: Path) -> Unwalked[Survey]:
    """The documents under the seeds folder, each with its stat key (size and mtime), and what was passed over."""
    return Unwalked(survey(seeds))


@task(cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2)
def stored_documents(warehouse: Warehouse, seeds: str) -> Unwalked[dict[str, Stored]]:
    """What the warehouse holds of each document of the folder `seeds`."""
    return Unwalked(warehouse.known_documents(seeds))


@task(cache_policy=NO_CACHE)
def extract_batch(seeds: Path, paths: Unwalked[list[str]], known: Unwalked[dict[str, Stored]],
                  run_id: str, published: date | None = None) -> BatchOutcome:
    """Read, extract and validate one batch of documents."""
    try:
        return in_worker(process_paths_columnar, seeds, paths.value, known.value, run_id, published)
    except WorkerDied:  # a document kills its worker: one at a time, only that document is lost
        outcomes = []
        for path in paths.value:
            try:
                outcomes.append(in_worker(process_paths, seeds, [path], _stored(known.value, [path]), run_id, published))
            except WorkerDied as died:
                outcomes.append(worker_death_outcome(str(seeds), path, known.value.get(path), died.how, run_id))
        return merged_outcomes(outcomes)


@task(cache_policy=NO_CACHE)
def index_file(seeds: Path, path: str, stored: Unwalked[dict[str, Stored]], run_id: str, published: date | None,
               batch_size: int | None, workers: int) -> Unwalked[ContainerIndex]:
    """Read a file of many documents (records, zip members) and decide which of them to extract."""
    try:
        return Unwalked(in_worker(index_container, seeds, path, stored.value, run_id, published, batch_size, workers))
    except WorkerDied as died:  # the file's error row, tried again next run; its entries stay as they are
        index = ContainerIndex(path, seen=len(stored.value) + (path not in stored.value))
        index.outcome = worker_death_outcome(str(seeds), path, stored.value.get(path), died.how, run_id)
        index.outcome.unchanged = len(stored.value) - (path in stored.value)
        return Unwalked(index)


@task(cache_policy=NO_CACHE)
def extract_chunk(chunk: Unwalked[Chunk], run_id: str, published: date | None = None) -> BatchOutcome:
    """Extract and validate the new and changed entries of one file, a batch of them."""
    try:
        return in_worker(process_chunk, chunk.value, run_id, published)
    except WorkerDied:  # an entry kills its worker: one at a time, only that entry is lost
        outcomes = []
        for i in range(len(chunk.value.keys)):
            try:
                outcomes.append(in_worker(process_chunk, chunk.value.alone(i), run_id, published, False))
            except WorkerDied as died:
                outcomes.append(chunk_death_outcome(chunk.value, i, died.how, run_id))
        return merged_outcomes(outcomes)


@task(cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2)
def load_batch(warehouse: Warehouse, batch: Batch) -> None:
    """Replace the batch's documents in the warehouse, in one transaction."""
    warehouse.replace(batch)


@task(cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2)
def remove_documents(warehouse: Warehouse, doc_ids: list[str]) -> None:
    """Remove documents that are gone from the seeds folder."""
    warehouse.remove(doc_ids)


@task(cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2)
def record_skips(warehouse: Warehouse, run_id: str, skipped: dict[str, str]) -> None:
    """Write why each passed-over path was not read."""
    warehouse.record_skips([Skipped(run_id=run_id, path=path, reason=reason).model_dump()
                            for path, reason in skipped.items()])


@task(cache_policy=NO_CACHE)
def write_review(db: Path, out: Path) -> Path:
    """Write the review pages of the warehouse (flows/review.py) into `out`; return their index."""
    from flows.review import write_site

    with reading(db) as con:
        return write_site(con, out)


@task(cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2)
def record_run(warehouse: Warehouse, run: Run) -> None:
    """Write the run's row."""
    warehouse.record_run(run.model_dump())


def _flow_run_name() -> str:
    """The run's id, which names its flow run: the one given, else a new one (a scheduled run is given none).

    Not the flow run's own id: Prefect's are time-ordered, and their first characters, shown in summaries, repeat.
    """
    return runtime.flow_run.get_parameters().get("run_id") or uuid.uuid4().hex


def _announce(flow, flow_run, state) -> None:
    """One line on `facts serve`'s console (its runner streams the run's output) as a scheduled run starts and ends."""
    if not flow_run.deployment_id:
        return
    line = f"{datetime.now():%H:%M:%S} run {flow_run.name[:8]} {state.name.lower()}"
    if state.is_completed() and isinstance(run := state.result(), Run):
        line += f" in {run.seconds:.1f} s: {_counts(run)}"
    elif state.is_final() and state.message:
        line += f": {state.message}"
    sys.stderr.write(line + "\n")  # not print(): log_prints would send it to the run log instead
    sys.stderr.flush()


# threads only wait on the worker processes: enough of them to keep every worker fed
@flow(name="ingest", log_prints=True, task_runner=ThreadPoolTaskRunner(max_workers=2 * WORKERS),
      flow_run_name=_flow_run_name, on_running=[_announce], on_completion=[_announce], on_failure=[_announce],
      on_crashed=[_announce])
def ingest(seeds: str = "seeds", db: str = "warehouse/facts.duckdb", batch_size: int | None = None,
           local_workers: int = WORKERS, max_in_flight: int = 2 * WORKERS, prune: bool = False,
           run_id: str | None = None, published: str | None = None, review: str | None = None) -> Run:
    """Bring the warehouse up to date with the documents in `seeds`.

    Batches (of `batch_size` documents, by default batch_size_for the work) are extracted in
    `local_workers` processes (1: in the task's own thread, as on a Dask worker), at most
    `max_in_flight` at a time. The run's id is `run_id`, else a new one; it names the flow run.
    `published` (YYYY-MM-DD: a flow parameter Prefect can validate and show) is the reference
    date of documents that have none of their own. With `review` (a folder), the review pages are
    written there once the run's facts are in. The flow run's artifacts show what it did (flows/artifacts.py).
    """
    seeds_path, db_path = Path(seeds).resolve(), Path(db).resolve()
    if not seeds_path.is_dir():
        raise NotADirectoryError(f"seeds folder not found: {seeds_path}")
    with run_lock(db_path):
        check_readable(db_path)
        warehouse = Warehouse(db_path, keep_open=True).create()
        warehouse.mark_interrupted_runs()
        run_id = run_id or runtime.flow_run.get_name() or uuid.uuid4().hex  # the id _flow_run_name chose
        run = Run(run_id=run_id, started_at=datetime.now(timezone.utc), status="running",
                  seeds=str(seeds_path), extractor_version=EXTRACTOR_VERSION)
        record_run(quote(warehouse), run)
        try:
            _update(run, seeds_path, warehouse, batch_size, local_workers, max_in_flight, prune,
                    date.fromisoformat(published) if published else None)
            run.status = "completed"
        except BaseException as error:
            run.status = "interrupted" if isinstance(error, (KeyboardInterrupt, TerminationSignal)) \
                else "refused" if isinstance(error, RemovalRefused) else "failed"
            raise
        finally:
            run.finished_at = datetime.now(timezone.utc)
            run.seconds = round((run.finished_at - run.started_at).total_seconds(), 3)
            try:
                record_run(quote(warehouse), run)
            finally:
                warehouse.close()
                if run.status in ("failed", "refused"):  # what a failed run did, on its page too
                    publish_run_artifacts(run, db_path)
        _log_run(run, db_path)
        review_index = None
        try:
            review_index = write_review(db_path, Path(review).resolve()) if review else None
        finally:  # a failed review still leaves the run's summary
            publish_run_artifacts(run, db_path, review_index)
    return run


FAILED_LOGGED = 20  # failed documents named in a run's log; the warehouse has them all


def _counts(run: Run) -> str:
    """What the run did, in one line."""
    return (f"{run.docs_seen} seen, {run.docs_new} new, {run.docs_changed} changed, {run.docs_unchanged} unchanged, "
            f"{run.docs_removed} removed, {run.docs_failed} failed, {run.docs_skipped} skipped; facts loaded: "
            f"{run.amounts} amounts, {run.percentages} percentages, {run.dates} dates, {run.rejects} rejects")


def _log_run(run: Run, db: Path) -> None:
    """Log what the run did, and its failed documents, to its Prefect run log (the server's UI shows it)."""
    logger = get_run_logger()
    logger.info("run %s %s in %.1f s: %s", run.run_id, run.status, run.seconds, _counts(run))
    if run.docs_failed:
        with reading(db) as con:
            failed = con.execute(REPORTS["failed_documents"], {"run_id": run.run_id}).fetchmany(FAILED_LOGGED)
        more = f"\n... and {run.docs_failed - len(failed)} more" if run.docs_failed > len(failed) else ""
        logger.info("%d document(s) failed:\n%s%s", run.docs_failed,
                    "\n".join(f"{path}: {error}" for path, error in failed), more)


def _update(run: Run, seeds: Path, warehouse: Warehouse, batch_size: int | None, local_workers: int,
            max_in_flight: int, prune: bool, published: date | None = None) -> None:
    """Extract and load new and changed documents batch by batch, then drop removed ones (with
    `prune`, even all of the folder's, and those of folders that are gone). A file of many
    documents (flows/collections.py) is indexed first, and its new and changed entries batched."""
    if local_workers > 1:
        start_fork_server()  # the workers' imports, while the documents are found
    surveyed = discover_documents(seeds).value
    found = surveyed.documents
    known = stored_documents(quote(warehouse), str(seeds)).value
    run.docs_skipped, run.files_ignored = len(surveyed.skipped), surveyed.ignored
    record_skips(quote(warehouse), run.run_id, surveyed.skipped)
    gone = to_remove(surveyed, known)
    if reason := refusal(seeds, surveyed, gone, prune):
        raise RemovalRefused(reason)
    work = to_do(found, known, published)
    todo = work.paths
    run.docs_seen, run.docs_unchanged = work.seen, work.unchanged
    size = batch_size or batch_size_for(len(todo), local_workers)
    chunks = [todo[i:i + size] for i in range(0, len(todo), size)]
    grouped = entries_of(known)
    restat = Batch()  # unchanged entries of indexed files: their new stat key once their file's chunks are in

    # quote(): Prefect would otherwise walk every row of a batch looking for futures
    def load(outcome: BatchOutcome, n_paths: int) -> None:
        load_batch(quote(warehouse), quote(outcome.batch))
        _count(run, outcome)
        advance(n_paths)

    # one batch is not worth starting worker processes for
    with progress_bar(len(todo) + len(work.containers)) as advance, \
            worker_processes(min(local_workers, len(chunks) + 2 * len(work.containers))):
        in_flight: deque = deque()

        def submit(future, n: int) -> None:
            in_flight.append((future, n))
            if len(in_flight) >= max_in_flight:  # bounded: memory stays flat however large the corpus
                done, n_done = in_flight.popleft()
                load(done.result(), n_done)

        for chunk in chunks:
            submit(extract_batch.submit(seeds, Unwalked(chunk), Unwalked(_stored(known, chunk)), run.run_id,
                                        published), len(chunk))
        for container in work.containers:  # indexed one at a time: one file's records in memory at once
            index = index_file(seeds, container, Unwalked(grouped.get(container, {})), run.run_id, published,
                               batch_size, local_workers).value
            run.docs_seen += index.seen
            run.files_ignored = _added(run.files_ignored, index.ignored)
            restat.restat |= index.restat
            load(index.outcome, 1)
            for part in index.chunks:
                submit(extract_chunk.submit(Unwalked(part), run.run_id, published), 0)
        while in_flight:
            future, n = in_flight.popleft()
            load(future.result(), n)
    load_batch(quote(warehouse), quote(restat))
    removed = [known[p].doc_id for p in gone]
    if prune:  # and the documents of folders that are gone
        for folder in vanished_folders(warehouse.folders(), seeds):
            removed += [stored.doc_id for stored in warehouse.known_documents(folder).values()]
    remove_documents(quote(warehouse), removed)
    run.docs_removed += len(removed)


def _added(counts: dict[str, int], more: dict[str, int]) -> dict[str, int]:
    """Files no reader takes, by suffix, with those found inside zip archives."""
    total = dict(counts)
    for kind, n in more.items():
        total[kind] = total.get(kind, 0) + n
    return dict(sorted(total.items()))


def _stored(known: dict[str, Stored], paths: list[str]) -> dict[str, Stored]:
    """The part of the stored state a batch needs (a worker gets no more than that)."""
    return {p: known[p] for p in paths if p in known}


def _count(run: Run, outcome: BatchOutcome) -> None:
    run.docs_new += outcome.new
    run.docs_changed += outcome.changed
    run.docs_unchanged += outcome.unchanged
    run.docs_failed += outcome.failed
    run.docs_removed += outcome.removed
    run.amounts += outcome.counts["amounts"]
    run.percentages += outcome.counts["percentages"]
    run.dates += outcome.counts["dates"]
    run.rejects += outcome.counts["rejects"]
