"""gzip (.gz) of any other format: the suffix before .gz picks the reader (report.pdf.gz), and the
decompressed size is capped, so a gzip bomb is an error row, never memory exhaustion."""
from __future__ import annotations

import gzip
import io
import os
import zlib

from flows.readers import Reading, reader_for, suffix
from flows.sources import MAX_BYTES, DocumentError


def read(data: bytes, name: str) -> Reading:
    inner = name[:-len(".gz")]
    reader = reader_for(inner)
    if reader is None or not os.path.splitext(inner)[1]:
        raise DocumentError(f"no reader takes what {suffix(name)} holds: name it NAME.txt.gz, NAME.pdf.gz …")
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as archive:
            content = archive.read(MAX_BYTES + 1)  # never more than the limit in memory
    except (OSError, EOFError, zlib.error) as error:  # BadGzipFile is an OSError
        raise DocumentError(f"gzip file is damaged: {error}") from None
    if len(content) > MAX_BYTES:
        raise DocumentError(f"gzip file expands past the {MAX_BYTES / 1e6:.0f} MB limit (a gzip bomb?)")
    if not content:
        raise DocumentError("gzip file holds an empty file")
    reading = reader(content, inner)
    reading.format += "+gzip"
    return reading
