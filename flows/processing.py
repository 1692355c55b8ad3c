"""Turning documents into validated rows: read → decode → extract → validate. Plain functions."""
from __future__ import annotations

import dataclasses
import gc
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from operator import attrgetter
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from extractors import (
    EXTRACTOR_VERSION, AmountMention, DateMention, Mention, PercentageMention, extract_batch, find_dateline,
)
from flows.sources import DocumentError, RawDocument, decode, doc_id_for, parse_sidecar, read_raw, title_from_text
from schemas import FACT_MODELS, Document, Reject
from warehouse.store import FACT_TABLES, Batch, Stored


# Per mention type: a getter of the record's fields (one C call) and the fact columns they fill
# (start/end are start_char/end_char; `type` is the table, not a column).
_RENAMED = {"start": "start_char", "end": "end_char"}
_ROW_SHAPES = {
    kind: (attrgetter(*names), tuple(_RENAMED.get(n, n) for n in names))
    for kind, cls in (("amount", AmountMention), ("percentage", PercentageMention), ("date", DateMention))
    for names in [tuple(f.name for f in dataclasses.fields(cls) if f.name != "type")]}
# One adapter per fact type: a document's mentions of a type are validated in one call.
_ADAPTERS = {kind: TypeAdapter(list[model]) for kind, model in FACT_MODELS.items()}


def mention_row(mention: Mention, doc_id: str, run_id: str) -> dict[str, Any]:
    """The extractor's record as a row of its fact table (before validation)."""
    fields, columns = _ROW_SHAPES[mention.type]
    row = dict(zip(columns, fields(mention)))
    if mention.type == "date":
        row["resolved"] = mention.resolved
    row["doc_id"] = doc_id
    row["run_id"] = run_id
    return row


def _reason(errors: list[dict[str, Any]]) -> str:
    return "; ".join(f"{'.'.join(map(str, e['loc'])) or 'mention'}: {e['msg']}" for e in errors)


def validate_mentions(mentions: list[Mention], text: str, doc_id: str, run_id: str, batch: Batch) -> None:
    """Validate the mentions against their schemas, one call per type; a mention that fails goes to
    rejects with its reason, the others to their fact tables."""
    rows_of: dict[str, list[dict[str, Any]]] = {}
    for mention in mentions:
        rows_of.setdefault(mention.type, []).append(mention_row(mention, doc_id, run_id))
    context = {"text": text}
    for kind, rows in rows_of.items():
        adapter = _ADAPTERS[kind]
        try:
            facts = adapter.validate_python(rows, context=context)
        except ValidationError as error:
            errors_of: dict[int, list[dict[str, Any]]] = {}
            for e in error.errors():  # loc starts with the row's index in the list
                errors_of.setdefault(e["loc"][0], []).append(e | {"loc": e["loc"][1:]})
            for index, errors in errors_of.items():
                _reject(batch, kind, rows[index], _reason(errors), doc_id, run_id)
            facts = adapter.validate_python([r for i, r in enumerate(rows) if i not in errors_of], context=context)
        # A fact model's __dict__ holds exactly its fields (no computed fields, no serializers:
        # tests/test_schemas.py): the same rows as adapter.dump_python, at a seventh of the cost.
        batch.facts[FACT_TABLES[kind]].extend([dict(fact.__dict__) for fact in facts])


def _reject(batch: Batch, kind: str, row: dict[str, Any], reason: str, doc_id: str, run_id: str) -> None:
    payload = json.loads(json.dumps(row, default=str))
    batch.rejects.append(Reject(
        doc_id=doc_id, type=kind, start_char=row.get("start_char"), end_char=row.get("end_char"),
        text=row.get("text"), reason=reason, payload=payload, run_id=run_id,
    ).model_dump() | {"payload": json.dumps(payload)})


def process_document(raw: RawDocument, run_id: str, batch: Batch) -> bool:
    """Add the document's row, facts and rejects to `batch`; False when the document failed."""
    return process_documents([raw], run_id, batch)[0]


def process_documents(raws: list[RawDocument], run_id: str, batch: Batch) -> list[bool]:
    """process_document for each, with the extraction of all of them in one extract_batch call."""
    started = [_start(raw, run_id) for raw in raws]
    readable = [fields for fields in started if "status" not in fields]
    found = iter(extract_batch([f["text"] for f in readable], [f.get("published") for f in readable]))
    return [_finish(fields, None if "status" in fields else next(found), run_id, batch) for fields in started]


def _start(raw: RawDocument, run_id: str) -> dict[str, Any]:
    """The document's row before extraction: decoded text, sidecar, reference date; or its error."""
    fields: dict[str, Any] = dict(
        doc_id=doc_id_for(raw.path), path=raw.path, sha256=raw.sha256(), n_bytes=len(raw.data),
        fingerprint=raw.fingerprint(EXTRACTOR_VERSION), stat_key=raw.stat_key, extractor_version=EXTRACTOR_VERSION,
        ingested_at=datetime.now(timezone.utc), run_id=run_id,
    )
    try:
        text, fields["encoding"] = decode(raw.data)
        fields.update(text=text, n_chars=len(text))
        sidecar = parse_sidecar(raw.sidecar)
        fields.update(title=sidecar.title or title_from_text(text), url=sidecar.url, source=sidecar.source)
        if sidecar.published:
            fields.update(published=sidecar.published, published_source="sidecar")
        elif dateline := find_dateline(text):
            fields.update(published=dateline[0], published_source="dateline")
    except Exception as error:
        fields.update(status="error", error=_error_text(error))
    return fields


def _finish(fields: dict[str, Any], mentions: list[Mention] | Exception | None, run_id: str, batch: Batch) -> bool:
    """Validate the document's mentions into `batch`, then add its row; False when it failed."""
    mark = (len(batch.rejects), {t: len(rows) for t, rows in batch.facts.items()})
    if "status" not in fields:
        try:
            if isinstance(mentions, Exception):
                raise mentions
            validate_mentions(mentions, fields["text"], fields["doc_id"], run_id, batch)
            fields["status"] = "ok"
        except Exception as error:
            fields.update(status="error", error=_error_text(error))
    if fields["status"] == "error":  # keep no partial facts of a failed document
        del batch.rejects[mark[0]:]
        for table, n in mark[1].items():
            del batch.facts[table][n:]
    batch.documents.append(Document(**fields).model_dump())
    return fields["status"] == "ok"


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
    counts: dict[str, int] = field(default_factory=dict)


def process_paths(seeds: Path, paths: list[str], known: dict[str, Stored], run_id: str) -> BatchOutcome:
    """Read each path; skip it when its fingerprint is unchanged, else extract and validate it.

    Every path counts as new, changed or unchanged; `failed` counts the new and changed ones
    that ended in error.
    """
    with _collector_paused():
        return _process_paths(seeds, paths, known, run_id)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector (if it runs) for the block.

    A batch makes some 100,000 container objects (rows, models) that all live until it is sent
    on: the collector would walk them again and again, 10% of a batch's time (this machine).
    Nothing here makes reference cycles that must go before the batch ends.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _process_paths(seeds: Path, paths: list[str], known: dict[str, Stored], run_id: str) -> BatchOutcome:
    outcome = BatchOutcome(Batch())
    todo: list[RawDocument] = []  # read, new or changed: extracted together (extract_batch)
    for path in paths:
        stored = known.get(path)
        try:
            raw = read_raw(seeds, path)
        except DocumentError as error:
            raw = None
            _record_unreadable(outcome.batch, path, str(error), run_id)
        if raw and stored and stored.fingerprint == raw.fingerprint(EXTRACTOR_VERSION):
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
    outcome.failed += process_documents(todo, run_id, outcome.batch).count(False)
    outcome.counts = {t: len(rows) for t, rows in outcome.batch.facts.items()} | {"rejects": len(outcome.batch.rejects)}
    return outcome


def process_paths_columnar(seeds: Path, paths: list[str], known: dict[str, Stored], run_id: str) -> BatchOutcome:
    """process_paths, with the batch's rows turned into Arrow tables where they were made."""
    outcome = process_paths(seeds, paths, known, run_id)
    outcome.batch = outcome.batch.columnar()
    return outcome


def _record_unreadable(batch: Batch, path: str, error: str, run_id: str) -> None:
    doc_id = doc_id_for(path)
    batch.documents.append(Document(
        doc_id=doc_id, path=path, sha256="", fingerprint="", status="error", error=error,
        extractor_version=EXTRACTOR_VERSION, ingested_at=datetime.now(timezone.utc), run_id=run_id,
    ).model_dump())
