"""`facts run --published DATE`: the reference date of documents that give none of their own, and
what a change of it re-extracts. End to end: the command in its own process, a real DuckDB file."""
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pytest

from flows.published import default_tag, depends_on_other_default, same_fingerprint

ROOT = Path(__file__).parents[1]
FACTS = [sys.executable, "-m", "flows.cli"]


def facts(*args: str) -> subprocess.CompletedProcess:
    """`facts ARGS` in its own process, on the tests' Prefect server (no temporary server to start each time)."""
    from prefect.settings import PREFECT_API_URL

    env = os.environ | {"PREFECT_API_URL": PREFECT_API_URL.value()}
    return subprocess.run([*FACTS, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def rows(db: Path, sql: str, *parameters) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, parameters).fetchall()


@pytest.mark.usefixtures("prefect_engine")
def test_a_default_date_applies_to_documents_without_one_and_its_change_re_extracts_only_them(tmp_path):
    seeds, db = tmp_path / "seeds", tmp_path / "facts.duckdb"
    seeds.mkdir()
    (seeds / "sidecar.txt").write_text("Exports fell last year, the ministry said.\n")
    (seeds / "sidecar.meta.json").write_text('{"published": "24 Oct 2024"}')
    (seeds / "dateline.txt").write_text("Exports fall\nPublished: July 15, 2025\nExports fell last year.\n")
    (seeds / "plain.txt").write_text("Exports fall\nThe deal closed on July 3 and exports fell last year.\n")
    (seeds / "bad.txt").write_text("Exports fell last year.\n")
    (seeds / "bad.meta.json").write_text('{"published": "Oct 2024"}')
    documents = "select path, status, published, published_source, run_id from documents order by path"
    last_year = "select d.path, f.value from dates f join documents d using (doc_id) where f.text = 'last year' order by d.path"
    runs = "select docs_new, docs_changed, docs_unchanged, docs_failed from runs where run_id = ?"

    first = facts("run", "--seeds", str(seeds), "--db", str(db), "--published", "2020-05-01")
    assert first.returncode == 0, first.stderr
    got = rows(db, documents)
    run_1 = got[0][4]
    assert [row[:4] for row in got] == [
        ("bad.txt", "error", None, "none"),
        ("dateline.txt", "ok", date(2025, 7, 15), "dateline"),
        ("plain.txt", "ok", date(2020, 5, 1), "default"),
        ("sidecar.txt", "ok", date(2024, 10, 24), "sidecar"),
    ]
    assert rows(db, "select error from documents where path = 'bad.txt'") == [
        ("sidecar 'published' is not a date: 'Oct 2024': it has no day (a reference date is a day)",)]
    assert rows(db, last_year) == [("dateline.txt", "2024"), ("plain.txt", "2019"), ("sidecar.txt", "2023")]
    assert rows(db, "select value from dates where text = 'July 3'") == [("2020-07-03",)]

    # another default, another spelling; a document with a date of its own, touched, is read and left alone
    os.utime(seeds / "dateline.txt")
    second = facts("run", "--seeds", str(seeds), "--db", str(db), "--published", "03/04/2021")
    assert second.returncode == 0, second.stderr
    got = rows(db, documents)
    run_2 = next(row[4] for row in got if row[0] == "plain.txt")
    assert run_2 != run_1
    assert [row[:4] for row in got if row[0] == "plain.txt"] == [("plain.txt", "ok", date(2021, 3, 4), "default")]
    assert {row[0] for row in got if row[4] == run_1} == {"bad.txt", "dateline.txt", "sidecar.txt"}
    assert rows(db, runs, run_2) == [(0, 1, 3, 0)]
    assert rows(db, last_year) == [("dateline.txt", "2024"), ("plain.txt", "2020"), ("sidecar.txt", "2023")]
    assert rows(db, "select value from dates where text = 'July 3'") == [("2021-07-03",)]

    # the same default (written otherwise), its document touched: nothing to do
    os.utime(seeds / "plain.txt")
    third = facts("run", "--seeds", str(seeds), "--db", str(db), "--published", "2021-03-04T10:00:00+01:00")
    assert third.returncode == 0, third.stderr
    run_3 = rows(db, "select run_id from runs order by started_at desc limit 1")[0][0]
    assert rows(db, runs, run_3) == [(0, 0, 4, 0)]

    # no default: the document is back to having no reference date
    fourth = facts("run", "--seeds", str(seeds), "--db", str(db))
    assert fourth.returncode == 0, fourth.stderr
    assert [row[:4] for row in rows(db, documents) if row[0] == "plain.txt"] == [("plain.txt", "ok", None, "none")]
    assert rows(db, "select value from dates where text = 'July 3'") == [("XXXX-07-03",)]
    run_4 = rows(db, "select run_id from runs order by started_at desc limit 1")[0][0]
    assert rows(db, runs, run_4) == [(0, 1, 3, 0)]


def test_a_bad_default_is_bad_usage(tmp_path):
    result = facts("run", "--seeds", str(tmp_path), "--db", str(tmp_path / "f.duckdb"), "--published", "10/24/24")
    assert result.returncode == 2
    message = " ".join(result.stderr.replace("│", " ").split())  # rich's box around the message, its lines wrapped
    assert "Invalid value for '--published': '10/24/24' is not a date: its year is not written with four digits" in message


@pytest.mark.parametrize("stored, default, depends", [
    ("abc", date(2021, 3, 4), False),  # a date of its own: no default in its fingerprint
    ("abc" + default_tag(None), None, False),
    ("abc" + default_tag(None), date(2021, 3, 4), True),
    ("abc" + default_tag(date(2020, 5, 1)), date(2021, 3, 4), True),
    ("abc" + default_tag(date(2021, 3, 4)), date(2021, 3, 4), False),
    ("abc" + default_tag(date(2021, 3, 4)), None, True),
])
def test_which_stored_documents_a_default_changes(stored, default, depends):
    assert depends_on_other_default(stored, default) is depends
    assert same_fingerprint(stored, "abc", default) is not depends
