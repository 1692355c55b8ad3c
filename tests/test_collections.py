"""Files of many documents (issue 22): JSON lines and CSV collections, one document a record, and
zip archives, one a member. Through `facts run` on a real DuckDB file: a changed record or member
is re-extracted alone, a removed one is removed, an unchanged one is not read into a document
again; and, without the engine, the index's chunks and the bomb limits.
"""
from __future__ import annotations

import io
import json
import os
import re
import zipfile
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from flows.cli import app
from flows.collections import index_container
from flows.readers import container_of
from flows.sources import DocumentError


def rows(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.sql(sql).fetchall()


def facts_run(seeds: Path, db: Path, *options: str) -> None:
    result = CliRunner().invoke(app, ["run", "--seeds", str(seeds), "--db", str(db), *options])
    assert result.exit_code == 0, result.output


LAST_RUN = ("select docs_seen, docs_new, docs_changed, docs_unchanged, docs_removed, docs_failed "
            "from runs order by started_at desc limit 1")


def records(*texts: str, ids: bool = True) -> str:
    return "".join(json.dumps({"id": f"r{i}", "text": text} if ids else {"text": text}) + "\n"
                   for i, text in enumerate(texts, 1))


def zipped(members: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return out.getvalue()


@pytest.mark.usefixtures("prefect_engine")
def test_a_changed_record_alone_is_extracted_again_and_a_removed_one_removed(tmp_path):
    seeds, db = tmp_path / "seeds", tmp_path / "facts.duckdb"
    seeds.mkdir()
    news = seeds / "news.jsonl"
    news.write_text(records("Sales rose 5% in 2024.", "Costs fell 2%.", "A $3 million deal.", "Profit was $9."))
    (seeds / "plain.txt").write_text("Margins hit 7% in 2023.\n")
    facts_run(seeds, db)
    assert rows(db, LAST_RUN) == [(5, 5, 0, 0, 0, 0)]
    first = dict(rows(db, "select path, run_id from documents"))

    news.write_text(records("Sales rose 6% in 2024.", "Costs fell 2%.", "A $3 million deal."))  # r1 changed, r4 gone
    facts_run(seeds, db)
    assert rows(db, LAST_RUN) == [(4, 0, 1, 3, 1, 0)]
    now = dict(rows(db, "select path, run_id from documents"))
    assert set(now) == {"news.jsonl#r1", "news.jsonl#r2", "news.jsonl#r3", "plain.txt"}
    assert [path for path in now if now[path] != first[path]] == ["news.jsonl#r1"]  # the others were not reloaded
    assert rows(db, "select p.text from percentages p join documents d using (doc_id) where d.path = 'news.jsonl#r1'") == [
        ("6%",)]
    assert rows(db, "select count(*) from amounts where text = '$9'") == [(0,)]  # its facts went with it

    os.utime(news, ns=(1, 1))  # touched, not changed: read and compared once, then not read again
    facts_run(seeds, db)
    assert rows(db, LAST_RUN) == [(4, 0, 0, 4, 0, 0)]
    assert rows(db, "select count(distinct stat_key) from documents where path like 'news.jsonl#%'") == [(1,)]
    news.unlink()  # a removed file's records are removed, as a removed file's document is
    facts_run(seeds, db)
    assert rows(db, LAST_RUN) == [(1, 0, 0, 1, 3, 0)]
    assert rows(db, "select path from documents") == [("plain.txt",)]


@pytest.mark.usefixtures("prefect_engine")
def test_a_changed_member_alone_is_extracted_again(tmp_path):
    seeds, db = tmp_path / "seeds", tmp_path / "facts.duckdb"
    seeds.mkdir()
    archive = seeds / "bundle.zip"
    archive.write_bytes(zipped({"a.txt": "Sales rose 5% in 2024.\n", "b/c.txt": "Costs fell 2%.\n",
                                "d.txt": "Gone soon: $4.\n"}))
    facts_run(seeds, db)
    assert rows(db, LAST_RUN) == [(3, 3, 0, 0, 0, 0)]
    archive.write_bytes(zipped({"a.txt": "Sales rose 5% in 2024.\n", "b/c.txt": "Costs fell 3%.\n"}))
    facts_run(seeds, db)
    assert rows(db, LAST_RUN) == [(2, 0, 1, 1, 1, 0)]
    assert rows(db, "select d.path, p.text from percentages p join documents d using (doc_id) order by 1") == [
        ("bundle.zip#a.txt", "5%"), ("bundle.zip#b/c.txt", "3%")]


@pytest.mark.usefixtures("prefect_engine")
def test_a_file_that_fails_as_a_whole_is_one_error_row_until_it_is_mended(tmp_path):
    seeds, db = tmp_path / "seeds", tmp_path / "facts.duckdb"
    seeds.mkdir()
    (seeds / "feed.csv").write_text("id,body\n1,Sales rose 5%.\n2,Costs fell 2%.\n")
    facts_run(seeds, db)  # no 'text' column: one error row for the file
    assert rows(db, "select path, status, error from documents") == [
        ("feed.csv", "error", "CSV file has no 'text' column (its columns: id, body)")]
    facts_run(seeds, db)  # not extracted again while it is unchanged
    assert rows(db, LAST_RUN) == [(1, 0, 0, 1, 0, 0)]
    (seeds / "feed.meta.json").write_text('{"fields": {"text": "body"}}')  # its sidecar names the text column
    facts_run(seeds, db)
    assert rows(db, "select path, status, format from documents order by path") == [
        ("feed.csv#1", "ok", "csv"), ("feed.csv#2", "ok", "csv")]
    assert rows(db, LAST_RUN) == [(2, 2, 0, 0, 1, 0)]  # the file's error row went
    (seeds / "feed.meta.json").write_text('{"fields": {"body": "text"}}')
    facts_run(seeds, db)
    assert rows(db, "select path, error from documents") == [
        ("feed.csv", "sidecar 'fields' names an unknown field 'body' (known: text, title, published, url, source, id)")]


def test_a_large_collection_is_indexed_into_chunks_of_bytes_and_a_change_is_one_record(tmp_path):
    (tmp_path / "big.jsonl").write_text(records(*(f"Record {i} rose {i % 90}%." for i in range(100_000)), ids=False))
    index = index_container(tmp_path, "big.jsonl", {}, "r")
    assert index.seen == 100_000 and len(index.chunks) == 100
    chunk = index.chunks[0]
    assert len(chunk.keys) == 1000 and len(chunk.ends) == 1000 and isinstance(chunk.blob, bytearray)
    assert chunk.keys[:2] == ["1", "2"] and chunk.blob[:chunk.ends[0]] == json.dumps({"text": "Record 0 rose 0%."}).encode()


@pytest.mark.parametrize("limit, value, reason", [
    ("MAX_MEMBERS", 2, "zip archive holds 3 members, over the limit of 2 (a zip bomb?)"),
    ("MAX_TOTAL", 9, "zip archive expands to 0 MB, over the 0 MB limit (a zip bomb?)"),
])
def test_zip_bomb_limits_are_checked_before_anything_is_inflated(monkeypatch, limit, value, reason):
    from flows.readers import zip_archive

    monkeypatch.setattr(zip_archive, limit, value)
    with pytest.raises(DocumentError, match=re.escape(reason)):
        zip_archive.open_archive(zipped({"a.txt": "12345678", "b.txt": "x", "c.txt": "y"}))


@pytest.mark.parametrize("name, problem", [
    ("../up.txt", "climbs out"), ("a/../../up.txt", "climbs out"), ("/etc/passwd.txt", "absolute"),
    ("C:/x.txt", "absolute"), ("a/b.txt", None), ("..a.txt", None),
])
def test_unsafe_member_names(name, problem):
    from flows.readers.zip_archive import unsafe

    assert (problem in unsafe(name)) if problem else unsafe(name) is None


@pytest.mark.parametrize("path, container", [
    ("news.jsonl#12", "news.jsonl"), ("a#b/news.JSONL#x#y", "a#b/news.JSONL"), ("b.zip#docs/a.txt", "b.zip"),
    ("notes#1.txt", None), ("news.jsonl", None),
])
def test_the_file_of_a_record_path(path, container):
    assert container_of(path) == container


@pytest.mark.parametrize("name, data, sidecar, reason", [
    ("a.zip", b"PK\x03\x04 not really", None, "zip archive is damaged or not a zip"),
    ("a.csv", b"", None, "file is empty"),
    ("a.csv", b"\n\n", None, "CSV file has no header row"),
    ("a.csv", b"text,text\nx,y\n", None, "CSV header names a column twice: text, text"),
    ("a.jsonl", b'{"text": "x"}\n', b"{not json", "sidecar is not valid JSON"),
    ("a.jsonl", b'{"text": "x"}\n', b'{"fields": ["text"]}', "sidecar 'fields' must be a JSON object"),
    ("a.jsonl", b'{"text": "x"}\n', b'{"fields": {"text": 5}}', "sidecar 'fields' 'text' must be a non-empty string"),
])
def test_a_file_unusable_as_a_whole_is_one_error_row_under_its_own_path(tmp_path, name, data, sidecar, reason):
    (tmp_path / name).write_bytes(data)
    if sidecar is not None:
        (tmp_path / "a.meta.json").write_bytes(sidecar)
    index = index_container(tmp_path, name, {}, "r")
    assert (index.seen, index.chunks, index.outcome.new, index.outcome.failed) == (1, [], 1, 1)
    [row] = index.outcome.batch.documents
    assert (row["path"], row["status"]) == (name, "error") and row["error"].startswith(reason), row["error"]


def test_members_of_one_name_are_the_last_one_and_error_rows_for_the_others(tmp_path):
    import warnings

    from flows.collections import process_chunk
    from warehouse.store import as_rows

    out = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(out, "w") as archive:
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate name
        for text in ("Sales rose 5%.", "Sales rose 6%."):
            archive.writestr("a.txt", text)
    (tmp_path / "x.zip").write_bytes(out.getvalue())
    [chunk] = index_container(tmp_path, "x.zip", {}, "r").chunks
    documents = as_rows(process_chunk(chunk, "r", columnar=False).batch.documents)
    assert [(d["path"], d["status"], d["text"]) for d in documents] == [
        ("x.zip#a.txt@1", "error", None), ("x.zip#a.txt", "ok", "Sales rose 6%.")]
    assert documents[0]["error"].startswith("a later member of the zip archive has this name")
