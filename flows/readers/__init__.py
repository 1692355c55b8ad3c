"""Readers per format: a file's bytes in, the text and metadata it holds out.

Adding a format is one module here (a `read(data, name) -> Reading` function) and one line in
READERS. A format of many documents a file (records, zip members) is listed in CONTAINERS too: its
module lists the file's entries for flows/collections.py instead. A reader's module is imported when the first file of its format is read, so a run of
plain text never pays for the import of an HTML or PDF library.
"""
from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

# suffix (lower case) -> module of flows.readers that reads it
READERS: dict[str, str] = {
    ".txt": "plain",
    ".md": "plain",
    ".html": "html_page",
    ".htm": "html_page",
    ".pdf": "pdf",
    ".docx": "word",
    ".eml": "eml",
    ".gz": "gz",  # any of these, gzip-compressed: the suffix before .gz decides (report.pdf.gz)
    ".jsonl": "records",  # collections: one document a record, FILE#ID (flows/collections.py)
    ".ndjson": "records",
    ".csv": "records",
    ".zip": "zip_archive",  # one document a member, ARCHIVE.zip#MEMBER
}
COMPRESSED = (".gz",)  # suffixes that wrap another format
# suffixes of files that hold many documents: their modules give `entries`, not `read`
CONTAINERS = (".jsonl", ".ndjson", ".csv", ".zip")


@dataclass(slots=True)
class Reading:
    """What a reader took from a file: the text every offset points into, and its metadata."""

    text: str
    format: str  # the reader: text, html, pdf, docx, email, jsonl, csv; '+gzip', '+zip' when it was packed
    encoding: str | None = None  # how the text's bytes were decoded, where the reader knows
    title: str | None = None
    published: date | None = None
    published_source: str | None = None  # where `published` came from: html, pdf, docx, email
    url: str | None = None
    source: str | None = None  # the site, publisher or sender
    page_starts: list[int] | None = None  # PDF: the offset in `text` where each page starts


def suffix(name: str) -> str:
    """The lower-cased suffix that picks the reader: '.txt' for WIRE_0321.TXT, '.pdf.gz' for
    report.PDF.gz, '' for a name without one."""
    stem, last = os.path.splitext(name)
    last = last.lower()
    if last in COMPRESSED:
        return os.path.splitext(stem)[1].lower() + last
    return last


def takes(name: str) -> bool:
    """Whether a reader takes a file of this name: report.pdf.gz yes, data.csv.gz not (yet)."""
    stem, last = os.path.splitext(name)
    last = last.lower()
    return takes(stem) and not is_container(stem) if last in COMPRESSED else last in READERS


def is_container(name: str) -> bool:
    """Whether a file of this name holds many documents (a collection of records, a zip)."""
    return os.path.splitext(name)[1].lower() in CONTAINERS


def container_of(path: str) -> str | None:
    """The file a document's path FILE#ID names ('a/news.jsonl' for 'a/news.jsonl#17'), or None."""
    at = path.find("#")
    while at != -1:  # a '#' can be part of a file's name: the first one after a container's name
        if is_container(path[:at]):
            return path[:at]
        at = path.find("#", at + 1)
    return None


def container_module(name: str):
    """The module of flows.readers that lists a container's entries, imported on first use."""
    return importlib.import_module(f"{__name__}.{READERS[os.path.splitext(name)[1].lower()]}")


def reader_for(name: str) -> Callable[[bytes, str], Reading] | None:
    """The read function of the format the name's last suffix says, imported on first use."""
    if is_container(name):  # many documents: flows/collections.py reads them
        return None
    module = READERS.get(os.path.splitext(name)[1].lower())
    return importlib.import_module(f"{__name__}.{module}").read if module else None


def read(data: bytes, name: str) -> Reading:
    """The text and metadata of a file's bytes. Raises DocumentError with a clear reason."""
    from flows.sources import DocumentError

    if not data:
        raise DocumentError("file is empty")
    reader = reader_for(name)
    if reader is None and is_container(name):
        raise DocumentError(f"a {suffix(name)} file holds many documents: one inside another is not read")
    if reader is None:
        raise DocumentError(f"no reader takes {suffix(name) or 'files without a suffix'} files")
    return finished(reader(data, name))


def finished(reading: Reading) -> Reading:
    """A reader's reading made storable: no lone surrogates, a title of one stripped line at most 300 long."""
    reading.text = _storable(reading.text)
    reading.title = _storable(reading.title.strip()[:300]) if reading.title and reading.title.strip() else None
    reading.url = _storable(reading.url) if reading.url else None
    reading.source = _storable(reading.source) if reading.source else None
    return reading


def _storable(text: str) -> str:
    """The text with lone surrogates (a broken font map in a PDF can make them) as '?', one for
    one so offsets hold: no database stores them."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "replace").decode("utf-8")
