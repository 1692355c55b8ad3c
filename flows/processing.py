"""Turning documents into validated rows: read → decode → extract → validate. Plain functions."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from operator import attrgetter
from pathlib import Path
from typing import Any

from extractors import (
    EXTRACTOR_VERSION, AmountMention, DateMention, Mention, PercentageMention, collector_paused, extract_batch,
    find_dateline,
)
from flows.published import default_tag, same_fingerprint
from flows import readers
from flows.sources import DocumentError, RawDocument, Sidecar, doc_id_for, parse_sidecar, read_raw, title_from_text
from schemas import FACT_MODELS, LINK_FIELDS, Document, Reject
from schemas.columns import Columns, ColumnValidator
from warehouse.store import FACT_TABLES, Batch, Stored, row_count


# The fact columns a mention fills (each model field but doc_id and run_id), and a getter of the
# mention's attributes for them (one C call a mention); two of them are named apart, and the links
# of amounts and percentages are read from their `link` (dates have none: no date column is one).
_KIND_OF = {AmountMention: "amount", PercentageMention: "percentage", DateMention: "date"}
_ATTRIBUTE_OF = {"start_char": "start", "end_char": "end"} | {name: f"link.{name}" for name in LINK_FIELDS}
_COLUMNS = {kind: tuple(name for name in model.model_fields if name not in ("doc_id", "run_id"))
            for kind, model in FACT_MODELS.items()}
_GETTERS = {cls: (kind, attrgetter(*(_ATTRIBUTE_OF.get(name, name) for name in _COLUMNS[kind])))
            for cls, kind in _KIND_OF.items()}
_VALIDATORS = {kind: ColumnValidator(model) for kind, model in FACT_MODELS.items()}


def validate_mentions(documents: list[tuple[str, str, list[Mention]]], run_id: str, batch: Batch) -> None:
    """Validate the mentions of (doc_id, text, mentions) documents against their schemas, each
    fact type in one go (schemas/columns.py); a mention that fails goes to rejects with its reason,
    the others to the fact columns of `batch`. Adds nothing to `batch` when it raises."""
    found: dict[str, list[tuple]] = {kind: [] for kind in _COLUMNS}  # one tuple of fields a mention
    owner: dict[str, list[int]] = {kind: [] for kind in _COLUMNS}  # the index of its document
    for index, (_, _, mentions) in enumerate(documents):
        for mention in mentions:
            kind, fields = _GETTERS[type(mention)]
            found[kind].append(fields(mention))
            owner[kind].append(index)
    facts, rejects = {}, []
    for kind, names in _COLUMNS.items():
        columns: Columns = {name: list(values) for name, values in zip(names, zip(*found[kind]))} if found[kind] \
            else {name: [] for name in names}
        columns["doc_id"] = [documents[i][0] for i in owner[kind]]
        columns["run_id"] = [run_id] * len(owner[kind])
        facts[FACT_TABLES[kind]], reasons = _VALIDATORS[kind].validate(columns, [documents[i][1] for i in owner[kind]])
        rejects += [_reject(kind, {name: column[i] for name, column in columns.items()}, reason, run_id)
                    for i, reason in reasons.items()]
    for table, columns in facts.items():
        for name, column in columns.items():
            batch.facts[table].setdefault(name, []).extend(column)
    batch.rejects.extend(rejects)


def _reject(kind: str, row: dict[str, Any], reason: str, run_id: str) -> dict[str, Any]:
    payload = json.loads(json.dumps(row, default=str))
    return Reject(
        doc_id=row["doc_id"], type=kind, start_char=row.get("start_char"), end_char=row.get("end_char"),
        text=row.get("text"), reason=reason, payload=payload, run_id=run_id,
    ).model_dump() | {"payload": json.dumps(payload)}


def process_document(raw: RawDocument, run_id: str, batch: Batch) -> bool:
    """Add the document's row, facts and rejects to `batch`; False when the document failed."""
    return process_documents([raw], run_id, batch)[0]


def process_documents(raws: list[RawDocument], run_id: str, batch: Batch, published: date | None = None) -> list[bool]:
    """process_document for each, with the extraction of all of them in one extract_batch call
    and the validation of all their mentions in one validate_mentions call; `published` is the
    reference date of those that have none of their own (`facts run --published`)."""
    started = [_start(raw, run_id, published) for raw in raws]
    readable = [fields for fields in started if "status" not in fields]
    found = extract_batch([f["text"] for f in readable], [f.get("published") for f in readable])
    extracted = []
    for fields, mentions in zip(readable, found):
        if isinstance(mentions, Exception):
            fields.update(status="error", error=_error_text(mentions))
            if isinstance(mentions, TimeoutError):  # not marked done: the next run tries it again
                fields.update(fingerprint="", stat_key=None)
        else:
            extracted.append((fields, mentions))
    try:
        validate_mentions([(f["doc_id"], f["text"], mentions) for f, mentions in extracted], run_id, batch)
    except Exception:  # a bug, not a bad mention: validate document by document to find whose
        for fields, mentions in extracted:
            try:
                validate_mentions([(fields["doc_id"], fields["text"], mentions)], run_id, batch)
            except Exception as error:  # it keeps no facts
                fields.update(status="error", error=f"validation failed: {type(error).__name__}: {error}")
    for fields in started:
        fields.setdefault("status", "ok")
        batch.documents.append(Document(**fields).model_dump())
    return [fields["status"] == "ok" for fields in started]


def _start(raw: RawDocument, run_id: str, published: date | None = None) -> dict[str, Any]:
    """The document's row before extraction: the text its reader gave, metadata, reference date; or its error."""
    fields: dict[str, Any] = dict(
        doc_id=doc_id_for(raw.seeds, raw.path), path=raw.path, seeds=raw.seeds, sha256=raw.sha256(), n_bytes=len(raw.data),
        fingerprint=raw.fingerprint(EXTRACTOR_VERSION), stat_key=raw.stat_key, extractor_version=EXTRACTOR_VERSION,
        ingested_at=datetime.now(timezone.utc), run_id=run_id,
    )
    try:
        reading = raw.read_as() if raw.read_as else readers.read(raw.data, raw.path)
        text = reading.text
        fields.update(format=reading.format, encoding=reading.encoding, text=text, n_chars=len(text),
                      page_starts=reading.page_starts)
        sidecar = Sidecar() if raw.read_as else parse_sidecar(raw.sidecar)
        # where both give a field, the sidecar wins over the file's own metadata, and that over its text
        fields.update(title=sidecar.title or reading.title or title_from_text(text), url=sidecar.url or reading.url,
                      source=sidecar.source or reading.source)
        if sidecar.published:
            fields.update(published=sidecar.published, published_source="sidecar")
        elif reading.published:
            fields.update(published=reading.published, published_source=reading.published_source)
        elif dateline := find_dateline(text):
            fields.update(published=dateline[0], published_source="dateline")
        _default_reference(fields, published)
    except DocumentError as error:
        fields.update(status="error", error=str(error))
    except Exception as error:  # a bug in reading, not in extraction
        fields.update(status="error", error=f"document could not be read: {type(error).__name__}: {error}")
    return fields


def _default_reference(fields: dict[str, Any], default: date | None) -> None:
    """Once a document's own reference date is decided: the default for one that has none, and
    in either case the default it depends on in its fingerprint (flows/published.py)."""
    if fields.get("published") is None:
        if default is not None:
            fields.update(published=default, published_source="default")
        fields["fingerprint"] += default_tag(default)


def _error_text(error: Exception) -> str:
    """The `documents.error` of a document whose reading or extraction raised `error`."""
    if isinstance(error, TimeoutError):
        return f"extraction timed out (a pattern took too long on this text: {error})"
    if isinstance(error, DocumentError):
        return str(error)
    return f"extraction failed: {type(error).__name__}: {error}"  # an extractor bug costs one document


@dataclass
class BatchOutcome:
    batch: Batch
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: int = 0
    removed: int = 0  # records and members gone from a file that is still there (flows/collections.py)
    counts: dict[str, int] = field(default_factory=dict)


def process_paths(seeds: Path, paths: list[str], known: dict[str, Stored], run_id: str,
                  published: date | None = None) -> BatchOutcome:
    """Read each path; skip it when its fingerprint is unchanged, else extract and validate it.

    Every path counts as new, changed or unchanged; `failed` counts the new and changed ones
    that ended in error.
    """
    # A batch makes some 100,000 containers (rows, models) that live until it is sent on: the
    # collector would walk them again and again, for nothing: they hold no cycles.
    with collector_paused():
        return _process_paths(seeds, paths, known, run_id, published)


def _process_paths(seeds: Path, paths: list[str], known: dict[str, Stored], run_id: str,
                   published: date | None) -> BatchOutcome:
    outcome = BatchOutcome(Batch())
    todo: list[RawDocument] = []  # read, new or changed: extracted together (extract_batch)
    for path in paths:
        stored = known.get(path)
        try:
            raw = read_raw(seeds, path)
        except DocumentError as error:
            raw = None
            record_unreadable(outcome.batch, str(seeds), path, str(error), run_id)
        if raw and stored and same_fingerprint(stored.fingerprint, raw.fingerprint(EXTRACTOR_VERSION), published):
            outcome.unchanged += 1
            if stored.stat_key != raw.stat_key:  # touched, not changed: remember the new stat
                outcome.batch.restat[stored.doc_id] = raw.stat_key
            continue
        if stored:
            outcome.changed += 1
            outcome.batch.replaced.append(stored.doc_id)
        else:
            outcome.new += 1
        if raw is None:
            outcome.failed += 1
            continue
        todo.append(raw)
    outcome.failed += process_documents(todo, run_id, outcome.batch, published).count(False)
    outcome.counts = {t: row_count(rows) for t, rows in outcome.batch.facts.items()} | {"rejects": len(outcome.batch.rejects)}
    return outcome


def process_paths_columnar(seeds: Path, paths: list[str], known: dict[str, Stored], run_id: str,
                           published: date | None = None) -> BatchOutcome:
    """process_paths, with the batch's rows turned into Arrow tables where they were made."""
    outcome = process_paths(seeds, paths, known, run_id, published)
    outcome.batch = outcome.batch.columnar()
    return outcome


def record_unreadable(batch: Batch, seeds: str, path: str, error: str, run_id: str) -> None:
    doc_id = doc_id_for(seeds, path)
    batch.documents.append(Document(
        doc_id=doc_id, path=path, seeds=seeds, sha256="", fingerprint="", status="error", error=error,
        extractor_version=EXTRACTOR_VERSION, ingested_at=datetime.now(timezone.utc), run_id=run_id,
    ).model_dump())


def worker_death_outcome(seeds: str, path: str, stored: Stored | None, how: str, run_id: str) -> BatchOutcome:
    """The outcome of a document that killed the worker processes extracting it: an error row not
    marked as done (no stat key, no fingerprint), so that the next run extracts it again."""
    outcome = BatchOutcome(Batch(), new=int(stored is None), changed=int(stored is not None), failed=1,
                           counts=dict.fromkeys([*FACT_TABLES.values(), "rejects"], 0))
    if stored:
        outcome.batch.replaced.append(stored.doc_id)
    error = f"the worker process died while extracting this document ({how})"
    record_unreadable(outcome.batch, seeds, path, error, run_id)
    return outcome


def merged_outcomes(outcomes: list[BatchOutcome]) -> BatchOutcome:
    """One outcome for the documents of several, each as process_paths returns it (rows, not Arrow)."""
    total = BatchOutcome(Batch(), counts=dict.fromkeys([*FACT_TABLES.values(), "rejects"], 0))
    for outcome in outcomes:
        total.batch.replaced += outcome.batch.replaced
        total.batch.documents += outcome.batch.documents
        total.batch.rejects += outcome.batch.rejects
        total.batch.restat |= outcome.batch.restat
        for table, columns in outcome.batch.facts.items():
            for name, column in columns.items():
                total.batch.facts[table].setdefault(name, []).extend(column)
        total.new, total.changed = total.new + outcome.new, total.changed + outcome.changed
        total.unchanged, total.failed = total.unchanged + outcome.unchanged, total.failed + outcome.failed
        total.removed += outcome.removed
        for name, n in outcome.counts.items():
            total.counts[name] += n
    return total
