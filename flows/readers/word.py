"""Word (.docx): paragraphs and tables in document order (python-docx), a table's cells separated
by tabs and its rows by lines; title and creation date from the core properties."""
from __future__ import annotations

import io
import zipfile

import docx
from docx.table import Table

from flows.readers import Reading
from flows.sources import MAX_BYTES, DocumentError


def read(data: bytes, name: str) -> Reading:
    _check_archive(data)
    try:
        document = docx.Document(io.BytesIO(data))
        blocks = [_table_text(block) if isinstance(block, Table) else block.text
                  for block in document.iter_inner_content()]
    except Exception as error:  # python-docx, zipfile and lxml raise many kinds on damaged files
        raise DocumentError(f"Word document could not be read (damaged or not a .docx): "
                            f"{type(error).__name__}: {error}") from None
    title, published = _properties(document)
    return Reading("\n".join(blocks), "docx", None, title, published, "docx" if published else None)


def _check_archive(data: bytes) -> None:
    """A .docx is a zip: refuse one without a document part, or that would expand past the limit,
    before anything inflates it."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            items = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise DocumentError(f"Word document could not be read (damaged or not a .docx): {error}") from None
    if not any(item.filename == "word/document.xml" for item in items):
        raise DocumentError("Word document could not be read: the zip holds no word/document.xml "
                            "(damaged, or not a .docx)")
    expanded = sum(item.file_size for item in items)
    if expanded > MAX_BYTES:
        raise DocumentError(f"Word document expands to {expanded / 1e6:.0f} MB, over the "
                            f"{MAX_BYTES / 1e6:.0f} MB limit (a zip bomb?)")


def _table_text(table: Table) -> str:
    rows = []
    for row in table.rows:
        cells: list[str] = []
        seen: list = []
        for cell in row.cells:  # a merged cell is listed once per grid column it spans
            if not any(cell._tc is element for element in seen):
                seen.append(cell._tc)
                cells.append(cell.text)
        rows.append("\t".join(cells))
    return "\n".join(rows)


def _properties(document) -> tuple:
    """The core properties' title and creation date, where they are readable."""
    try:
        properties = document.core_properties
        created = properties.created
        return properties.title or None, created.date() if created else None
    except Exception:  # a malformed date costs the metadata, not the text
        return None, None
