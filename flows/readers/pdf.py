"""PDF: the text of each page in reading order (pypdf), pages separated by a form feed, with the
offset where each page starts; title and creation date from the document's metadata.

pypdf over pdfminer.six and pdfplumber: on two real manuals (LaTeX, DocBook) and two generated
reports (one and two columns) it gave the same words in the same order (pdfminer moved a running
header into the text and lost 7 of 168 sentences of the two-column one), at 2-3 times pdfminer's
speed on the manuals (0.85-0.98 MB/s against 0.32-0.43) and 8-9 times on the reports; pdfplumber,
built on pdfminer, was slower still and ran two columns' lines together.
"""
from __future__ import annotations

import io
import logging
from datetime import date

import pypdf
from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError

from flows.readers import Reading
from flows.sources import DocumentError

logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings on damaged files: the error row says it once
PAGE_BREAK = "\f"


def read(data: bytes, name: str) -> Reading:
    try:
        pdf = pypdf.PdfReader(io.BytesIO(data))
        if pdf.is_encrypted and not pdf.decrypt(""):  # an owner password alone still lets anyone read it
            raise DocumentError("PDF is encrypted with a password: it cannot be read without it")
        pages = [page.extract_text() or "" for page in pdf.pages]
    except DocumentError:
        raise
    except FileNotDecryptedError:
        raise DocumentError("PDF is encrypted with a password: it cannot be read without it") from None
    except DependencyError as error:  # AES needs the cryptography package (Prefect brings it)
        raise DocumentError(f"PDF could not be decrypted: {error}") from None
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError,
            NotImplementedError, OSError) as error:  # what pypdf raises on damaged files
        raise DocumentError(f"PDF could not be read (damaged or not a PDF): {type(error).__name__}: {error}") from None
    if not any(page.strip() for page in pages):
        raise DocumentError(f"PDF has no text on any of its {len(pages)} page(s): scanned images, "
                            f"which need OCR first")
    starts, offset = [], 0
    for page in pages:
        starts.append(offset)
        offset += len(page) + len(PAGE_BREAK)
    title, published = _metadata(pdf)
    return Reading(PAGE_BREAK.join(pages), "pdf", None, title, published, "pdf" if published else None,
                   page_starts=starts)


def _metadata(pdf: pypdf.PdfReader) -> tuple[str | None, date | None]:
    """The title and the creation date, where the document info holds them readably."""
    try:
        info = pdf.metadata
        title, created = (info.title, info.creation_date) if info else (None, None)
    except Exception:  # a malformed date or info dictionary costs the metadata, not the text
        return None, None
    return (title if isinstance(title, str) else None), (created.date() if created else None)
