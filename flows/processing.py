"""Turning documents into validated rows: read → decode → extract → validate. Plain functions."""
from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from extractors import EXTRACTOR_VERSION, Mention, extract, find_dateline
from flows.sources import DocumentError, RawDocument, decode, doc_id_for, parse_sidecar, read_raw, title_from_text
from schemas import FACT_MODELS, Document, Reject
from warehouse.store import FACT_TABLES, Batch, Stored


def mention_row(mention: Mention, doc_id: str, run_id: str) -> dict[str, Any]:
    """The extractor's record as a row of its fact table (before validation)."""
    row = {f.name: getattr(mention, f.name) for f in dataclasses.fields(mention)}
    row["start_char"] = row.pop("start")
    row["end_char"] = row.pop("end")
    row.pop("type")
    if mention.type == "date":
        row["resolved"] = mention.resolved
    row.update(doc_id=doc_id, run_id=run_id)
    return row


def _reason(error: ValidationError) -> str:
    return "; ".join(f"{'.'.join(map(str, e['loc'])) or 'mention'}: {e['msg']}" for e in error.errors())


def validate_mentions(mentions: list[Mention], text: str, doc_id: str, run_id: str, batch: Batch) -> None:
    """Validate each mention against its schema; a failure goes to rejects with its reason."""
    for mention in mentions:
        row = mention_row(mention, doc_id, run_id)
        try:
            fact = FACT_MODELS[mention.type].model_validate(row, context={"text": text})
        except ValidationError as error:
            payload = json.loads(json.dumps(row, default=str))
            batch.rejects.append(Reject(
                doc_id=doc_id, type=mention.type, start_char=row.get("start_char"),
                end_char=row.get("end_char"), text=row.get("text"), reason=_reason(error),
                payload=payload, run_id=run_id,
            ).model_dump() | {"payload": json.dumps(payload)})
            continue
        batch.facts[FACT_TABLES[mention.type]].append(fact.model_dump())


def process_document(raw: RawDocument, run_id: str, batch: Batch) -> bool:
    """Add the document's row, facts and rejects to `batch`; False when the document failed."""
    doc_id = doc_id_for(raw.path)
    fields: dict[str, Any] = dict(
        doc_id=doc_id, path=raw.path, sha256=raw.sha256(), n_bytes=len(raw.data),
        fingerprint=raw.fingerprint(EXTRACTOR_VERSION), stat_key=raw.stat_key, extractor_version=EXTRACTOR_VERSION,
        ingested_at=datetime.now(timezone.utc), run_id=run_id,
    )
    mark = (len(batch.rejects), {t: len(rows) for t, rows in batch.facts.items()})
    try:
        text, fields["encoding"] = decode(raw.data)
        fields.update(text=text, n_chars=len(text))
        sidecar = parse_sidecar(raw.sidecar)
        fields.update(title=sidecar.title or title_from_text(text), url=sidecar.url, source=sidecar.source)
        if sidecar.published:
            fields.update(published=sidecar.published, published_source="sidecar")
        elif dateline := find_dateline(text):
            fields.update(published=dateline[0], published_source="dateline")
        validate_mentions(extract(text, fields.get("published")), text, doc_id, run_id, batch)
        fields["status"] = "ok"
    except (DocumentError, TimeoutError) as error:
        fields.update(status="error", error=_describe(error))
    except Exception as error:  # an extractor bug must cost one document, not the run
        fields.update(status="error", error=f"extraction failed: {type(error).__name__}: {error}")
    if fields["status"] == "error":  # keep no partial facts of a failed document
        del batch.rejects[mark[0]:]
        for table, n in mark[1].items():
            del batch.facts[table][n:]
    batch.documents.append(Document(**fields).model_dump())
    return fields["status"] == "ok"


def _describe(error: Exception) -> str:
    if isinstance(error, TimeoutError):
        return f"extraction timed out (a pattern took too long on this text: {error})"
    return str(error)


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
    outcome = BatchOutcome(Batch())
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
        if raw is None or not process_document(raw, run_id, outcome.batch):
            outcome.failed += 1
    outcome.counts = {t: len(rows) for t, rows in outcome.batch.facts.items()} | {"rejects": len(outcome.batch.rejects)}
    return outcome


def _record_unreadable(batch: Batch, path: str, error: str, run_id: str) -> None:
    doc_id = doc_id_for(path)
    batch.documents.append(Document(
        doc_id=doc_id, path=path, sha256="", fingerprint="", status="error", error=error,
        extractor_version=EXTRACTOR_VERSION, ingested_at=datetime.now(timezone.utc), run_id=run_id,
    ).model_dump())
