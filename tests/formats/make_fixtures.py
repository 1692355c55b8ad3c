"""Writes the binary documents of this corpus (PDF, Word, gzip) with the libraries that write
them: `.venv/bin/python tests/formats/make_fixtures.py`. The text ones are written by hand.

good/ holds one document of each format with known facts (tests/test_formats.py lists them);
bad/ holds one of each kind of bad input, each to end as one error row.
"""
from __future__ import annotations

import gzip
import io
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import docx
from fpdf import FPDF
from PIL import Image

HERE = Path(__file__).parent
GOOD, BAD = HERE / "good", HERE / "bad"
CREATED = datetime(2025, 2, 28, 9, 30, tzinfo=timezone.utc)


def report_pdf(**encryption: str) -> bytes:
    """Two pages, a running header, a page-numbered footer; title and creation date in its metadata."""
    class Report(FPDF):
        def header(self) -> None:
            self.set_font("Helvetica", "I", 8)
            self.cell(0, 8, "Acme Corp annual report", align="R", new_x="LMARGIN", new_y="NEXT")

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("Helvetica", "I", 8)
            self.cell(0, 10, f"Page {self.page_no()}", align="C")

    pdf = Report()
    pdf.set_title("Acme Annual Report 2024")
    pdf.set_creation_date(CREATED)
    if encryption:
        pdf.set_encryption(**encryption)
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    pdf.multi_cell(0, 6, "Results\nRevenue rose 8% to $2.1 billion in 2024, the company said.")
    pdf.add_page()
    pdf.multi_cell(0, 6, "Outlook\nThe company expects capital spending of EUR 300 million next year.")
    return bytes(pdf.output())


def scanned_pdf() -> bytes:
    """A page that is only a picture, as a scanner makes it: no text layer."""
    picture = io.BytesIO()
    Image.new("L", (40, 20), 200).save(picture, "PNG")
    pdf = FPDF()
    pdf.add_page()
    pdf.image(picture, x=10, y=10, w=100)
    return bytes(pdf.output())


def memo_docx() -> bytes:
    """Paragraphs, then a table, then a paragraph; title and creation date in the core properties."""
    document = docx.Document()
    document.core_properties.title = "Budget memo"
    document.core_properties.created = datetime(2025, 1, 15, 8, 0)
    document.add_heading("Budget 2025", level=1)
    document.add_paragraph("The travel budget is cut by 15% this year.")
    table = document.add_table(rows=2, cols=2)
    for row, cells in zip(table.rows, (("Item", "Cost"), ("Laptops", "$45,000"))):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    document.add_paragraph("Approved on March 3.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def broken_docx() -> bytes:
    """A zip that holds no Word document part."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    return out.getvalue()


def gzip_bytes(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)  # mtime 0: the same bytes each time


def gzip_bomb() -> bytes:
    """65 MB of spaces behind a .txt.gz of 64 KB: past the 64 MB limit once inflated."""
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", mtime=0, compresslevel=9) as archive:
        block = b" " * (1 << 20)
        for _ in range(65):
            archive.write(block)
    return out.getvalue()


def _zip(members: dict[str, bytes]) -> bytes:
    """A zip of these members, with fixed dates: the same bytes each time."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def bundle_zip() -> bytes:
    """Members of two formats, one gzip-compressed inside, in a folder; a picture no reader takes."""
    return _zip({
        "briefing.txt": b"Morning briefing\nMay 5, 2025\nOil rose 2% to $61 a barrel yesterday.\n",
        "archive/mills.txt.gz": gzip_bytes(b"Mills\nJune 2, 1998\nThe mill will close by 2001.\n"),
        "chart.png": b"\x89PNG\r\n\x1a\n",
    })


def unsafe_zip() -> bytes:
    """A member whose name climbs out of the archive, beside a good one."""
    return _zip({"../escape.txt": b"Revenue rose 9% in 2024.\n", "inside.txt": b"Revenue rose 4% in 2024.\n"})


def zip_bomb() -> bytes:
    """100 MB of zeros behind a zip of ~100 KB: 1000 times its size once inflated."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        info = zipfile.ZipInfo("zeros.txt", date_time=(2025, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w") as member:
            block = b"\0" * (1 << 20)
            for _ in range(100):
                member.write(block)
    return out.getvalue()


def write_zips() -> None:
    (GOOD / "bundle.zip").write_bytes(bundle_zip())
    (BAD / "unsafe.zip").write_bytes(unsafe_zip())
    (BAD / "bomb.zip").write_bytes(zip_bomb())


def main() -> None:
    GOOD.mkdir(exist_ok=True)
    BAD.mkdir(exist_ok=True)
    report = report_pdf()
    (GOOD / "report.pdf").write_bytes(report)
    (GOOD / "memo.docx").write_bytes(memo_docx())
    (GOOD / "filings").mkdir(exist_ok=True)
    (GOOD / "filings" / "annual.PDF.gz").write_bytes(gzip_bytes(report))
    (GOOD / "old_wire.txt.gz").write_bytes(gzip_bytes(
        b"Archive: mills\nJune 2, 1998\nThe mill will close by 2001, costing 300 jobs and $4 million a year.\n"))
    (BAD / "corrupt.pdf").write_bytes(report[:9] + bytes(range(256)) * 8)  # a PDF header, then noise
    (BAD / "encrypted.pdf").write_bytes(report_pdf(owner_password="owner", user_password="secret"))
    (BAD / "scanned.pdf").write_bytes(scanned_pdf())
    (BAD / "broken.docx").write_bytes(broken_docx())
    (BAD / "bomb.txt.gz").write_bytes(gzip_bomb())
    write_zips()


if __name__ == "__main__":
    main()
