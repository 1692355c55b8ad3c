"""Documents as people have them (issue 22): one of each format through `facts run`, each with its
exact facts and reference date; each kind of bad input as one error row, the rest unaffected.

The corpus is tests/formats/: good/ and bad/, the binary files written by make_fixtures.py.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from flows import readers
from flows.cli import app
from flows.sources import DocumentError, decode, survey

FORMATS = Path(__file__).parent / "formats"
ROOT = Path(__file__).parents[1]

# path -> format, title, published, published_source, facts in text order as (type, text, value_text)
GOOD = {
    "WIRE_0321.TXT": ("text", "Markets wrap", date(2025, 3, 21), "dateline", [
        ("date", "March 21, 2025", "2025-03-21"), ("percentage", "3%", "3%"), ("amount", "$72", "72 USD"),
        ("date", "week", "2025-W12"), ("date", "January", "2025-01 (since)")]),
    "article.html": ("html", "Acme profit rises 12%", date(2024, 10, 24), "html", [  # not the nav, footer, script
        ("percentage", "12%", "12%"), ("date", "Tuesday", "2024-10-22"), ("percentage", "12%", "12%"),
        ("amount", "$3.4 billion", "3400000000 USD"), ("amount", "$15 billion", "15000000000 USD (about)"),
        ("date", "2025", "2025")]),
    "report.pdf": ("pdf", "Acme Annual Report 2024", date(2025, 2, 28), "pdf", [
        ("percentage", "8%", "8%"), ("amount", "$2.1 billion", "2100000000 USD"), ("date", "2024", "2024"),
        ("amount", "EUR 300 million", "300000000 EUR"), ("date", "next year", "2026")]),
    "filings/annual.PDF.gz": ("pdf+gzip", "Acme Annual Report 2024", date(2025, 2, 28), "pdf", [
        ("percentage", "8%", "8%"), ("amount", "$2.1 billion", "2100000000 USD"), ("date", "2024", "2024"),
        ("amount", "EUR 300 million", "300000000 EUR"), ("date", "next year", "2026")]),
    # the sidecar's title wins over the core properties' ("Budget memo"); the date is the document's own
    "memo.docx": ("docx", "Travel budget memo (final)", date(2025, 1, 15), "docx", [
        ("percentage", "15%", "15%"), ("date", "this year", "2025"), ("amount", "$45,000", "45000 USD"),
        ("date", "March 3", "2025-03-03")]),
    "note.eml": ("email", "Q3 sales update", date(2025, 10, 14), "email", [
        ("percentage", "4.5%", "4.5%"), ("date", "last quarter", "2025-Q3"),
        ("amount", "£12 million", "12000000 GBP")]),
    "newsletter.eml": ("email", "Morning briefing", date(2025, 11, 3), "email", [  # an HTML body only
        ("percentage", "6%", "6%"), ("date", "yesterday", "2025-11-02"), ("amount", "$2 billion", "2000000000 USD")]),
    "old_wire.txt.gz": ("text+gzip", "Archive: mills", date(1998, 6, 2), "dateline", [
        ("date", "June 2, 1998", "1998-06-02"), ("date", "2001", "2001 (on_or_before)"),
        ("amount", "$4 million", "4000000 USD")]),
    # collections: one document a record, FILE#ID (the id, else the line); feed.meta.json renames the fields
    "articles.jsonl#acme-q3": ("jsonl", "Acme beats forecasts", date(2024, 10, 24), "record", [
        ("date", "Tuesday", "2024-10-22"), ("date", "third-quarter", "2024-Q3"), ("percentage", "12%", "12%"),
        ("amount", "$3.4 billion", "3400000000 USD")]),
    "articles.jsonl#1042": ("jsonl", "Globex will cut 5% of its staff by June, saving EUR 80 million a year.",
                            date(2025, 3, 15), "record", [
        ("percentage", "5%", "5%"), ("date", "June", "2025-06 (on_or_before)"),
        ("amount", "EUR 80 million", "80000000 EUR")]),
    "articles.jsonl#4": ("jsonl", "Initech, founded in 1998, paid a dividend of $0.50 a share last year.",
                         date(2025, 2, 1), "record", [  # no id: its line (after a blank one)
        ("date", "1998", "1998"), ("amount", "$0.50", "0.5 USD"), ("date", "last year", "2024")]),
    "feed.csv#w-1": ("csv", "Rates held", date(2025, 6, 19), "record", [  # a quoted value over two lines
        ("percentage", "4.5%", "4.5%"), ("date", "Wednesday", "2025-06-18"), ("date", "March", "2025-03")]),
    "feed.csv#w-2": ("csv", "Shipping costs doubled to $4,000 a container this year.", date(2025, 6, 19), "record", [
        ("amount", "$4,000", "4000 USD"), ("date", "this year", "2025")]),
    "bad/records.jsonl#fine": ("jsonl", "Revenue rose 3% in 2024.", date(2025, 1, 10), "record", [
        ("percentage", "3%", "3%"), ("date", "2024", "2024")]),
    # zip members, each by its own suffix (gzip inside too); chart.png is counted as ignored
    "bundle.zip#briefing.txt": ("text+zip", "Morning briefing", date(2025, 5, 5), "dateline", [
        ("date", "May 5, 2025", "2025-05-05"), ("percentage", "2%", "2%"), ("amount", "$61", "61 USD"),
        ("date", "yesterday", "2025-05-04")]),
    "bundle.zip#archive/mills.txt.gz": ("text+gzip+zip", "Mills", date(1998, 6, 2), "dateline", [
        ("date", "June 2, 1998", "1998-06-02"), ("date", "2001", "2001 (on_or_before)")]),
    "bad/unsafe.zip#inside.txt": ("text+zip", "Revenue rose 4% in 2024.", None, "none", [
        ("percentage", "4%", "4%"), ("date", "2024", "2024")]),
}
BAD = {
    "bad/corrupt.pdf": "PDF could not be read (damaged or not a PDF)",
    "bad/encrypted.pdf": "PDF is encrypted with a password: it cannot be read without it",
    "bad/scanned.pdf": "PDF has no text on any of its 1 page(s): scanned images, which need OCR first",
    "bad/broken.docx": "Word document could not be read: the zip holds no word/document.xml (damaged, or not a .docx)",
    "bad/no_article.html": "HTML page has no article text (only navigation, links or scripts)",
    "bad/bomb.txt.gz": "gzip file expands past the 64 MB limit (a gzip bomb?)",
    "bad/bomb.zip": "zip archive expands 1027 times its size, over the limit of 100 (a zip bomb?)",
    "bad/unsafe.zip#../escape.txt": "unsafe member name (it climbs out with '..'): not read",
    "bad/no_text_column.csv": "CSV file has no 'text' column (its columns: id, amount)",
    "bad/records.jsonl#2": "record is not a JSON object (it is an array)",
    "bad/records.jsonl#no-text": "record has no 'text' field (a non-empty string)",
    "bad/records.jsonl#bad-date": "record field 'published' is not a date: 'October 2024': it has no day",
    "bad/records.jsonl#fine@5": "record id 'fine' is used by an earlier record (line 1): ids must be unique",
    "bad/records.jsonl#6": "record is not valid JSON: Unterminated string",
}


def rows(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.sql(sql).fetchall()


@pytest.fixture
def seeds(tmp_path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(FORMATS / "good", folder)
    shutil.copytree(FORMATS / "bad", folder / "bad")
    return folder


@pytest.mark.usefixtures("prefect_engine")
def test_every_format_through_facts_run(seeds, tmp_path):
    db = tmp_path / "facts.duckdb"
    result = CliRunner().invoke(app, ["run", "--seeds", str(seeds), "--db", str(db)])
    assert result.exit_code == 0, result.output
    # README, notes.xlsx, bundle.zip#chart.png; no sidecar
    assert "files no reader takes: 1 (no suffix), 1 .png, 1 .xlsx" in result.output
    assert re.search(r"│ ignored +│ +3 │", result.output), result.output
    documents = {path: rest for path, *rest in rows(db, "select path, format, title, published, published_source, "
                                                        "status, error from documents")}
    assert set(documents) == set(GOOD) | set(BAD)
    for path, (form, title, published, source, _) in GOOD.items():
        assert documents[path] == [form, title, published, source, "ok", None], path
    for path, reason in BAD.items():  # one error row each, with its reason
        assert documents[path][-2] == "error" and documents[path][-1].startswith(reason), path
    facts = rows(db, "select path, type, text, value_text from facts order by path, start_char, type")
    for path, (*_, expected) in GOOD.items():
        assert [tuple(fact[1:]) for fact in facts if fact[0] == path] == expected, path
    for table in ("amounts", "percentages", "dates"):  # every offset points into the reader's text
        assert rows(db, f"select count(*) from {table} f join documents d using (doc_id) "
                        f"where substring(d.text, f.start_char + 1, f.end_char - f.start_char) <> f.text") == [(0,)]
    assert rows(db, "select status, docs_seen, docs_new, docs_failed, files_ignored from runs") == [
        ("completed", 31, 31, 14, '{"": 1, ".png": 1, ".xlsx": 1}')]
    again = CliRunner().invoke(app, ["run", "--seeds", str(seeds), "--db", str(db)])
    assert again.exit_code == 0, again.output
    assert rows(db, "select docs_seen, docs_unchanged, docs_new, docs_changed from runs "
                    "order by started_at desc limit 1") == [(31, 31, 0, 0)]
    plan = CliRunner().invoke(app, ["run", "--seeds", str(seeds), "--db", str(db), "--dry-run"])
    assert plan.exit_code == 0 and "1 (no suffix), 1 .xlsx" in plan.output, plan.output


@pytest.mark.usefixtures("prefect_engine")
def test_each_fact_of_a_pdf_knows_its_page(seeds, tmp_path):
    from flows.ingest import ingest

    db = tmp_path / "facts.duckdb"
    ingest(seeds=str(seeds), db=str(db))
    # the README's query (Tables: documents.page_starts)
    assert rows(db, "select a.text, len(list_filter(d.page_starts, lambda s: s <= a.start_char)) as page "
                    "from amounts a join documents d using (doc_id) where d.path = 'report.pdf' order by page") == [
        ("$2.1 billion", 1), ("EUR 300 million", 2)]
    text, starts = rows(db, "select text, page_starts from documents where path = 'report.pdf'")[0]
    assert starts == [0, text.index("\f") + 1]
    assert all(text[start:].startswith("Acme Corp annual report") for start in starts)


@pytest.mark.parametrize("name, suffix, taken", [
    ("a.txt", ".txt", True), ("WIRE_0321.TXT", ".txt", True), ("Notes.Md", ".md", True),
    ("page.HTM", ".htm", True), ("report.pdf.gz", ".pdf.gz", True), ("report.PDF.GZ", ".pdf.gz", True),
    ("archive.txt.gz.gz", ".gz.gz", True), ("data.csv.gz", ".csv.gz", False), ("x.gz", ".gz", False),
    ("notes.csv", ".csv", True), ("news.JSONL", ".jsonl", True), ("a.ndjson", ".ndjson", True),
    ("bundle.ZIP", ".zip", True), ("bundle.zip.gz", ".zip.gz", False), ("notes.xlsx", ".xlsx", False),
    ("README", "", False), (".hidden", "", False), ("a.meta.json", ".json", False),
])
def test_a_reader_takes_a_suffix_in_any_case(name, suffix, taken):
    assert (readers.suffix(name), readers.takes(name)) == (suffix, taken)


@pytest.mark.parametrize("data", [b"plain\n", "caf\u00e9 \u00a3300m\r\n".encode("utf-8"), b"\xa3300m in 2009",
                                  "\ufeffBOM".encode("utf-8"), "wide".encode("utf-16"), b"  \n"])
def test_plain_text_reads_as_it_always_did(data):
    reading = readers.read(data, "a.txt")
    assert (reading.text, reading.encoding, reading.format) == (*decode(data), "text")


def test_survey_counts_files_no_reader_takes_by_suffix(tmp_path):
    for name in ("a.TXT", "b.md", "a.meta.json", "c.CSV", "d.tsv", "e.png", "Makefile", "f.csv.gz", "g.pdf.gz"):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "h.xlsx").write_bytes(b"x")
    found = survey(tmp_path)
    assert list(found.documents) == ["a.TXT", "b.md", "c.CSV", "g.pdf.gz"]
    assert found.ignored == {"": 1, ".csv.gz": 1, ".png": 1, ".tsv": 1, ".xlsx": 1}  # a sidecar is not ignored


def test_a_gzip_bomb_stops_at_the_limit_without_inflating_it(monkeypatch):
    import gzip

    from flows.readers import gz
    monkeypatch.setattr(gz, "MAX_BYTES", 1000)
    with pytest.raises(DocumentError, match="expands past the 0 MB limit"):
        readers.read(gzip.compress(b" " * 1001), "bomb.txt.gz")
    assert readers.read(gzip.compress(b"x" * 1000), "ok.txt.gz").text == "x" * 1000


@pytest.mark.parametrize("data, name, reason", [
    (b"\x1f\x8b\x08\x00garbage", "a.txt.gz", "gzip file is damaged"),
    (b"not a zip", "a.docx", "Word document could not be read (damaged or not a .docx)"),
    (b"%PDF-1.4\n", "a.pdf", "PDF could not be read"),
    (b"<html><body><script>x()</script></body></html>", "a.html", "HTML page has no article text"),
    (b"From: a@example.com\nSubject: x\nContent-Type: image/png\n\nxx", "a.eml", "e-mail has no text or HTML body"),
    (b"", "a.pdf", "file is empty"),
])
def test_bad_input_is_one_clear_reason(data, name, reason):
    with pytest.raises(DocumentError, match=reason.replace("(", r"\(").replace(")", r"\)")):
        readers.read(data, name)


def test_a_run_of_plain_text_imports_no_other_reader(tmp_path):
    """The readers of other formats (trafilatura alone takes ~0.1 s to import) load on first use."""
    (tmp_path / "a.txt").write_text("Sales rose 5% in 2024.\n")
    code = ("import sys; from pathlib import Path; from flows.processing import process_paths; "
            f"outcome = process_paths(Path({str(tmp_path)!r}), ['a.txt'], {{}}, 'r'); "
            "assert outcome.failed == 0 and outcome.new == 1; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('trafilatura', 'pypdf', 'docx', 'lxml')))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_a_docx_that_would_expand_past_the_limit_is_refused_before_it_is_inflated(monkeypatch):
    from flows.readers import word
    monkeypatch.setattr(word, "MAX_BYTES", 10_000)
    with pytest.raises(DocumentError, match=r"Word document expands to \d+ MB, over the 0 MB limit \(a zip bomb\?\)"):
        readers.read((FORMATS / "good" / "memo.docx").read_bytes(), "memo.docx")


def test_the_sidecar_of_a_compressed_document_is_named_after_what_it_holds(tmp_path):
    from flows.sources import read_raw

    (tmp_path / "report.pdf.gz").write_bytes((FORMATS / "good" / "filings" / "annual.PDF.gz").read_bytes())
    (tmp_path / "report.pdf.meta.json").write_text('{"title": "Mine"}')
    assert read_raw(tmp_path, "report.pdf.gz").sidecar == b'{"title": "Mine"}'
