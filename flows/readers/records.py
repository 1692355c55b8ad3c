"""Collections of records: JSON lines (.jsonl, .ndjson; the standard library's `json`) and CSV
(.csv; the standard library's `csv`, its first row the header), one document a record.

`entries` lists a file's records (its key, bytes and line, and what is wrong with its key), for
flows/collections.py to tell new, changed and unchanged records apart; `reading` turns one
record into a document's text and metadata. A CSV row travels as the JSON object of its header
and values, so both kinds of record are read by the same code.
"""
from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, fields as dataclass_fields
from typing import Any, NamedTuple

from flows.published import parse_published
from flows.readers import Reading
from flows.sources import MAX_BYTES, DocumentError, decode

csv.field_size_limit(MAX_BYTES)  # the default, 128 KB, is shorter than some articles
MAX_ID = 200  # characters of a record's id: it becomes part of a path


@dataclass(frozen=True, slots=True)
class Fields:
    """The name of each record field a document takes (a collection's sidecar can rename them)."""

    text: str = "text"
    title: str = "title"
    published: str = "published"
    url: str = "url"
    source: str = "source"
    id: str = "id"

    @classmethod
    def from_sidecar(cls, value: Any) -> "Fields":
        """The sidecar's `"fields": {"text": "body", "id": "guid"}`; DocumentError when it is malformed."""
        if value is None:
            return cls()
        names = [f.name for f in dataclass_fields(cls)]
        if not isinstance(value, dict):
            raise DocumentError("sidecar 'fields' must be a JSON object such as {\"text\": \"body\"}")
        for key, name in value.items():
            if key not in names:
                raise DocumentError(f"sidecar 'fields' names an unknown field {key!r} (known: {', '.join(names)})")
            if not isinstance(name, str) or not name:
                raise DocumentError(f"sidecar 'fields' {key!r} must be a non-empty string")
        return cls(**value)


class Entry(NamedTuple):
    """One record of a collection, as found: what follows '#' in its path, its bytes, its line."""

    key: str
    payload: bytes  # a JSON line; a CSV row as the JSON object of its header and values
    line: int
    problem: str | None = None  # why it is an error document whatever it holds (an unusable id)


def entries(data: bytes, name: str, fields: Fields) -> Iterator[Entry]:
    """Each record of a collection file, in file order; DocumentError when the file as a whole is unusable."""
    if os.path.splitext(name)[1].lower() == ".csv":
        return _csv_entries(data, fields)
    return _json_entries(data, fields)


def _json_entries(data: bytes, fields: Fields) -> Iterator[Entry]:
    start, line = (3 if data.startswith(b"\xef\xbb\xbf") else 0), 0
    while start < len(data):  # one line at a time: a list of 100,000 lines would double the memory
        end = data.find(b"\n", start)
        end = len(data) if end == -1 else end
        line += 1
        payload = data[start:end].strip()
        start = end + 1
        if not payload:
            continue
        try:
            record = json.loads(payload)
        except (ValueError, RecursionError):
            record = None  # reading() says why
        yield _entry(record, fields, line, payload)


def _csv_entries(data: bytes, fields: Fields) -> Iterator[Entry]:
    text, _ = decode(data)
    rows = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(rows, None)
    except csv.Error as error:
        raise DocumentError(f"CSV file could not be read: {error}") from None
    if not header or not any(header):
        raise DocumentError("CSV file has no header row (the first row names the columns)")
    if len(set(header)) < len(header):
        raise DocumentError(f"CSV header names a column twice: {', '.join(header)}")
    if fields.text not in header:
        raise DocumentError(f"CSV file has no {fields.text!r} column (its columns: {', '.join(header)[:300]})")
    while True:
        line = rows.line_num + 1
        try:
            row = next(rows, None)
        except csv.Error as error:
            raise DocumentError(f"CSV file could not be read at line {line}: {error}") from None
        if row is None:
            return
        if not row:
            continue
        if len(row) != len(header):
            yield Entry(str(line), json.dumps(row, ensure_ascii=False).encode(), line,
                        f"CSV row has {len(row)} values where the header has {len(header)} columns")
            continue
        record = dict(zip(header, row))
        yield _entry(record, fields, line, json.dumps(record, ensure_ascii=False).encode())


def _entry(record: Any, fields: Fields, line: int, payload: bytes) -> Entry:
    """The record's entry: keyed by its id, or by its line when it has none."""
    value = record.get(fields.id) if isinstance(record, dict) else None
    if value is None or value == "":
        return Entry(str(line), payload, line)
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return Entry(str(line), payload, line, f"record field {fields.id!r} must be a string or an integer")
    key = str(value)
    if len(key) > MAX_ID or not key.isprintable():
        return Entry(str(line), payload, line, f"record field {fields.id!r} is longer than {MAX_ID} characters "
                                               f"or holds control characters")
    return Entry(key, payload, line)


def reading(payload: bytes, fields: Fields, format: str) -> Reading:
    """A record's text and metadata; DocumentError, with the reason, for a record that is no document."""
    try:
        record = json.loads(payload)
    except RecursionError:
        raise DocumentError("record is not valid JSON: nested too deeply to read") from None
    except ValueError as error:
        raise DocumentError(f"record is not valid JSON: {error}") from None
    if not isinstance(record, dict):
        raise DocumentError(f"record is not a JSON object (it is {_kind(record)})")
    text = record.get(fields.text)
    if not isinstance(text, str) or not text.strip():
        raise DocumentError(f"record has no {fields.text!r} field (a non-empty string)"
                            + ("" if text is None else f": it is {_kind(text)}"))
    title, url, source, written = (_string(record, name) for name in
                                   (fields.title, fields.url, fields.source, fields.published))
    published = None
    if written is not None:
        try:
            published = parse_published(written)
        except ValueError as error:
            raise DocumentError(f"record field {fields.published!r} is not a date: {written[:80]!r}: {error}") from None
    return Reading(text, format, None, title, published, "record" if published else None, url, source)


def _string(record: dict, name: str) -> str | None:
    value = record.get(name)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise DocumentError(f"record field {name!r} must be a string, not {_kind(value)}")
    return value


def _kind(value: Any) -> str:
    kinds = {dict: "an object", list: "an array", str: "a string", bool: "true or false", int: "a number",
             float: "a number", type(None): "null"}
    return kinds.get(type(value), type(value).__name__)
