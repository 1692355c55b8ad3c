"""Files that hold many documents: collections of records (.jsonl, .ndjson, .csv) and zip archives.
Each record or member is a document with the path FILE#KEY (the record's id, else its line; the
member's name). Plain functions, run in the worker processes.

A file whose size and mtime changed is indexed: read once, each entry's fingerprint (its bytes,
the file's sidecar, the extractor version) compared with the stored one of FILE#KEY. Only new and
changed entries are extracted, in chunks of a batch's size; entries gone from the file are
removed; the unchanged ones get the file's new stat key only after the chunks are loaded, so a
run stopped half-way reads the file again next time. A chunk of records carries their bytes (one
buffer, not an object a record); a chunk of zip members carries their names, and its worker opens
the archive again.
"""
from __future__ import annotations

import json
import os
from array import array
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path

from extractors import EXTRACTOR_VERSION, collector_paused
from flows.processing import BatchOutcome, process_documents, record_unreadable
from flows.published import same_fingerprint
from flows.readers import Reading, container_module, container_of, is_container
from flows.sources import DocumentError, RawDocument, Sidecar, parse_sidecar, read_raw
from warehouse.store import FACT_TABLES, Batch, Stored, row_count

CHUNK_BYTES = 16_000_000  # of records' bytes in one chunk, whatever its count


@dataclass
class Chunk:
    """New and changed entries of one file, extracted together as a batch of files is."""

    container: str  # the file's path, relative to the seeds folder
    seeds: str
    stat_key: str | None  # the file's, when the index read it
    sidecar: bytes | None
    keys: list[str] = field(default_factory=list)  # what follows '#' in each entry's path
    blob: bytearray = field(default_factory=bytearray)  # records: their bytes, one after another
    ends: array = field(default_factory=lambda: array("q"))  # records: where each one's bytes end in blob
    problems: dict[int, str] = field(default_factory=dict)  # entry index -> why it is an error whatever it holds
    stored: dict[str, Stored] = field(default_factory=dict)  # what is stored of the changed ones

    def paths(self) -> list[str]:
        return [f"{self.container}#{key}" for key in self.keys]

    def alone(self, i: int) -> "Chunk":
        """Its entry i as a chunk of its own (after a worker died on the chunk)."""
        one = Chunk(self.container, self.seeds, self.stat_key, self.sidecar, [self.keys[i]])
        if self.ends:
            one.blob += self.blob[self.ends[i - 1] if i else 0:self.ends[i]]
            one.ends.append(len(one.blob))
        one.problems = {0: self.problems[i]} if i in self.problems else {}
        path = self.paths()[i]
        one.stored = {path: self.stored[path]} if path in self.stored else {}
        return one


@dataclass
class ContainerIndex:
    """What indexing a file decided: the entries to extract, and what needs no extraction."""

    container: str
    seen: int = 0  # documents the file holds now
    # unchanged, removed, and the file's own error row
    outcome: BatchOutcome = field(default_factory=lambda: BatchOutcome(
        Batch(), counts=dict.fromkeys([*FACT_TABLES.values(), "rejects"], 0)))
    chunks: list[Chunk] = field(default_factory=list)
    restat: dict[str, str | None] = field(default_factory=dict)  # doc_id -> new stat key: loaded after the chunks
    removed: list[str] = field(default_factory=list)  # paths of stored entries gone from the file
    ignored: dict[str, int] = field(default_factory=dict)  # zip members no reader takes, by suffix


def entries_of(known: dict[str, Stored]) -> dict[str, dict[str, Stored]]:
    """The stored documents of each container file: its entries FILE#KEY, and FILE itself when the
    file as a whole was an error."""
    grouped: dict[str, dict[str, Stored]] = {}
    for path, stored in known.items():
        if (container := container_of(path) or (path if is_container(path) else None)) is not None:
            grouped.setdefault(container, {})[path] = stored
    return grouped


def index_container(seeds: Path, path: str, stored: dict[str, Stored], run_id: str,
                    published: date | None = None, batch_size: int | None = None, workers: int = 1) -> ContainerIndex:
    """Read a container file and decide what to do with each of its entries (see the module's doc);
    chunks of `batch_size` entries, by default as many as batch_size_for gives the file's lines."""
    with collector_paused():
        index = ContainerIndex(path)
        try:
            raw = read_raw(seeds, path)
        except DocumentError as error:  # unreadable: one error row, tried again next run
            _whole_file_failed(index, stored, path, run_id)
            record_unreadable(index.outcome.batch, str(seeds), path, str(error), run_id)
            return index
        try:
            _index_entries(index, raw, stored, published, batch_size, workers)
        except Exception as error:  # the file as a whole is unusable: a bomb, no header, a bad sidecar
            if not isinstance(error, DocumentError):  # a bug in reading it costs this file, not the run
                error = DocumentError(f"file could not be read: {type(error).__name__}: {error}")
            index = ContainerIndex(path, seen=1)
            before = stored.get(path)
            if before and same_fingerprint(before.fingerprint, raw.fingerprint(EXTRACTOR_VERSION), published):
                index.outcome.unchanged = 1
                if before.stat_key != raw.stat_key:
                    index.restat[before.doc_id] = raw.stat_key
                return index
            _whole_file_failed(index, stored, path, run_id)
            raw.read_as = partial(_raise, str(error))
            process_documents([raw], run_id, index.outcome.batch, published)
        return index


def _whole_file_failed(index: ContainerIndex, stored: dict[str, Stored], path: str, run_id: str) -> None:
    """The file is one error row: its entries stored before are removed, its own row replaced."""
    index.seen, index.outcome.failed = 1, 1
    index.outcome.new, index.outcome.changed = int(path not in stored), int(path in stored)
    index.outcome.batch.replaced += [s.doc_id for s in stored.values()]
    index.removed = [p for p in stored if p != path]
    index.outcome.removed = len(index.removed)


def _index_entries(index: ContainerIndex, raw: RawDocument, stored: dict[str, Stored], published: date | None,
                   batch_size: int | None, workers: int) -> None:
    from flows.plan import batch_size_for

    fields = _fields(raw.sidecar)
    module = container_module(raw.path)
    is_zip = module.__name__.endswith("zip_archive")
    if is_zip:
        archive = module.open_archive(raw.data)
        batch_size = batch_size or batch_size_for(len(archive.infolist()), workers)
        found = _zip_entries(module, archive, index.ignored)
    else:  # lines: about the records
        batch_size = batch_size or batch_size_for(raw.data.count(b"\n") + 1, workers)
        found = module.entries(raw.data, raw.path, fields)
    seen: dict[str, int] = {}  # key -> line (records) or 0 (members)
    chunk = None
    for key, payload, line, problem in found:
        if key in seen:  # an id used twice: the later record is an error under a path of its own
            problem = f"record id {key!r} is used by an earlier record (line {seen[key]}): ids must be unique"
            key = f"{key}@{line}"
        seen[key] = line
        path = f"{raw.path}#{key}"
        before = stored.get(path)
        entry = RawDocument(path, payload, raw.sidecar)
        if before and same_fingerprint(before.fingerprint, entry.fingerprint(EXTRACTOR_VERSION), published):
            index.outcome.unchanged += 1
            if before.stat_key != raw.stat_key:
                index.restat[before.doc_id] = raw.stat_key
            continue
        if chunk is None or len(chunk.keys) >= batch_size or len(chunk.blob) >= CHUNK_BYTES:
            chunk = Chunk(raw.path, raw.seeds, raw.stat_key, raw.sidecar)
            index.chunks.append(chunk)
        if problem:
            chunk.problems[len(chunk.keys)] = problem
        chunk.keys.append(key)
        if before:
            chunk.stored[path] = before
        if not is_zip:
            chunk.blob += payload
            chunk.ends.append(len(chunk.blob))
    index.seen = len(seen)
    present = {f"{raw.path}#{key}" for key in seen}
    gone = [p for p in stored if p not in present]
    index.removed = gone
    index.outcome.removed = len(gone)
    index.outcome.batch.replaced += [stored[p].doc_id for p in gone]


def _zip_entries(module, archive, ignored: dict[str, int]):
    """Each member as (name, bytes, 0, problem); a member that cannot be read is an error of its own."""
    for name, problem in module.members(archive, ignored):
        payload = b""
        if not problem:
            try:
                payload = module.member_bytes(archive, name)
            except DocumentError as error:
                problem = str(error)
        yield name, payload, 0, problem


def _fields(sidecar: bytes | None):
    """The record field names the file's sidecar gives (`"fields": {...}`), else the defaults."""
    from flows.readers.records import Fields

    parse_sidecar(sidecar)  # a broken sidecar fails the file, as it fails a document
    meta = json.loads(sidecar.decode("utf-8-sig")) if sidecar is not None else {}
    return Fields.from_sidecar(meta.get("fields"))


def _raise(reason: str) -> Reading:
    raise DocumentError(reason)


def process_chunk(chunk: Chunk, run_id: str, published: date | None = None, columnar: bool = True) -> BatchOutcome:
    """Extract and validate a chunk's entries: rows ready to load (as Arrow tables, unless not `columnar`)."""
    with collector_paused():
        outcome = BatchOutcome(Batch())
        module = container_module(chunk.container)
        fields, fallback = _fields(chunk.sidecar), parse_sidecar(chunk.sidecar)
        archive, failure = None, None
        if module.__name__.endswith("zip_archive"):
            try:
                archive = module.open_archive(read_raw(Path(chunk.seeds), chunk.container).data)
            except DocumentError as error:
                failure = f"zip archive could not be read again: {error}"
        raws = []
        for i, (key, path) in enumerate(zip(chunk.keys, chunk.paths())):
            before = chunk.stored.get(path)
            outcome.changed, outcome.new = outcome.changed + bool(before), outcome.new + (not before)
            if before:
                outcome.batch.replaced.append(before.doc_id)
            if failure:  # not marked done (no fingerprint): the next run tries it again
                outcome.failed += 1
                record_unreadable(outcome.batch, chunk.seeds, path, failure, run_id)
                continue
            problem = chunk.problems.get(i)
            if archive is not None:
                payload, read_as = _member(module, archive, key, problem)
            else:
                payload = bytes(chunk.blob[chunk.ends[i - 1] if i else 0:chunk.ends[i]])
                read_as = partial(_raise, problem) if problem else partial(
                    module.reading, payload, fields, _format(chunk.container))
            raws.append(RawDocument(path, payload, chunk.sidecar, chunk.stat_key, chunk.seeds,
                                    read_as=partial(_with_fallback, read_as, fallback)))
        outcome.failed += process_documents(raws, run_id, outcome.batch, published).count(False)
        outcome.counts = {t: row_count(rows) for t, rows in outcome.batch.facts.items()} | {
            "rejects": len(outcome.batch.rejects)}
        if columnar:
            outcome.batch = outcome.batch.columnar()
        return outcome


def _member(module, archive, name: str, problem: str | None):
    if problem:
        return b"", partial(_raise, problem)
    try:
        payload = module.member_bytes(archive, name)
    except DocumentError as error:
        return b"", partial(_raise, str(error))
    return payload, partial(module.reading, payload, name)


def _format(container: str) -> str:
    return "csv" if os.path.splitext(container)[1].lower() == ".csv" else "jsonl"


def _with_fallback(read_as, sidecar: Sidecar) -> Reading:
    """An entry's reading, where it gives no title, date, URL or source, the file's sidecar's."""
    reading = read_as()
    reading.title, reading.url = reading.title or sidecar.title, reading.url or sidecar.url
    reading.source = reading.source or sidecar.source
    if reading.published is None and sidecar.published:
        reading.published, reading.published_source = sidecar.published, "sidecar"
    return reading


def chunk_death_outcome(chunk: Chunk, i: int, how: str, run_id: str) -> BatchOutcome:
    """The outcome of an entry that killed the worker processes extracting it (see processing.worker_death_outcome)."""
    from flows.processing import worker_death_outcome

    path = chunk.paths()[i]
    return worker_death_outcome(chunk.seeds, path, chunk.stored.get(path), how, run_id)

