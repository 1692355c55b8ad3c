"""Readers per format: a file's bytes in, the text and metadata it holds out.

Adding a format is one module here (a `read(data, name) -> Reading` function) and one line in
READERS. A reader's module is imported when the first file of its format is read, so a run of
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
}
COMPRESSED = (".gz",)  # suffixes that wrap another format


@dataclass(slots=True)
class Reading:
    """What a reader took from a file: the text every offset points into, and its metadata."""

    text: str
    format: str  # the reader: text, html, pdf, docx, email; '+gzip' when it was compressed
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
    return takes(stem) if last in COMPRESSED else last in READERS


def reader_for(name: str) -> Callable[[bytes, str], Reading] | None:
    """The read function of the format the name's last suffix says, imported on first use."""
    module = READERS.get(os.path.splitext(name)[1].lower())
    return importlib.import_module(f"{__name__}.{module}").read if module else None


def read(data: bytes, name: str) -> Reading:
    """The text and metadata of a file's bytes. Raises DocumentError with a clear reason."""
    from flows.sources import DocumentError

    if not data:
        raise DocumentError("file is empty")
    reader = reader_for(name)
    if reader is None:
        raise DocumentError(f"no reader takes {suffix(name) or 'files without a suffix'} files")
    reading = reader(data, name)
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
