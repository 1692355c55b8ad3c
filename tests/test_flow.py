"""The real Prefect flow on a temporary seeds folder into a temporary DuckDB file."""
import shutil
from pathlib import Path

import duckdb
import pytest

from flows.ingest import ingest

pytestmark = pytest.mark.usefixtures("prefect_engine")

TABLES = ("documents", "amounts", "percentages", "dates", "rejects")
SEED = Path(__file__).parents[1] / "seeds" / "000_0d5487d72f4e0325.txt"

SALES = "Ford sales\nMarch 03, 2010\nFord said its sales rose 43% in February to $1.2 billion.\n"
BANK = "Bank profit\nThe bank earned £300m in 2009, up 12.5 per cent.\n"


def snapshot(db: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {t: con.sql(f"select * from {t} order by all").fetchall() for t in TABLES}


def rows(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.sql(sql).fetchall()


@pytest.fixture
def seeds(tmp_path):
    folder = tmp_path / "seeds"
    (folder / "news").mkdir(parents=True)
    (folder / "sales.txt").write_text(SALES, encoding="utf-8")
    (folder / "news" / "bank.txt").write_text(BANK, encoding="utf-8")
    (folder / "news" / "bank.meta.json").write_text('{"published": "2010-01-15", "url": "https://example.org/b"}')
    shutil.copy(SEED, folder / SEED.name)
    return folder


def test_first_run_loads_grounded_facts(seeds, tmp_path):
    db = tmp_path / "facts.duckdb"
    run = ingest(seeds=str(seeds), db=str(db))
    assert (run.status, run.docs_seen, run.docs_new, run.docs_failed) == ("completed", 3, 3, 0)
    assert rows(db, "select path, status, published, published_source from documents order by path") == [
        ("000_0d5487d72f4e0325.txt", "ok", None, "none"),
        ("news/bank.txt", "ok", __import__("datetime").date(2010, 1, 15), "sidecar"),
        ("sales.txt", "ok", __import__("datetime").date(2010, 3, 3), "dateline"),
    ]
    amounts = rows(db, "select d.path, a.text, a.value, a.currency from amounts a join documents d using (doc_id) "
                       "where d.path <> '000_0d5487d72f4e0325.txt' order by all")
    assert [(p, t, str(v), c) for p, t, v, c in amounts] == [
        ("news/bank.txt", "£300m", "300000000.000000", "GBP"),
        ("sales.txt", "$1.2 billion", "1200000000.000000", "USD"),
    ]
    # every fact quotes its document exactly
    for table in ("amounts", "percentages", "dates"):
        assert rows(db, f"select count(*) from {table} f join documents d using (doc_id) "
                        f"where substring(d.text, f.start_char + 1, f.end_char - f.start_char) <> f.text") == [(0,)]
    assert rows(db, "select run_id from runs where status = 'completed'") == [(run.run_id,)]
    assert rows(db, "select count(distinct run_id) from amounts") == [(1,)]
    # the texts, the bulk of the file, are stored zstd-compressed (warehouse/schema.sql)
    assert rows(db, "select distinct compression from pragma_storage_info('documents') "
                    "where column_name = 'text' and segment_type = 'VARCHAR'") == [("ZSTD",)]


def test_second_run_changes_nothing(seeds, tmp_path):
    db = tmp_path / "facts.duckdb"
    ingest(seeds=str(seeds), db=str(db))
    before = snapshot(db)
    run = ingest(seeds=str(seeds), db=str(db))
    assert (run.docs_seen, run.docs_unchanged, run.docs_new, run.docs_changed, run.docs_removed) == (3, 3, 0, 0, 0)
    assert (run.amounts, run.percentages, run.dates) == (0, 0, 0)
    assert snapshot(db) == before
    assert rows(db, "select count(*) from runs") == [(2,)]


def test_changed_removed_and_broken_documents(seeds, tmp_path):
    db = tmp_path / "facts.duckdb"
    ingest(seeds=str(seeds), db=str(db))
    (seeds / "sales.txt").write_text(SALES.replace("$1.2 billion", "$900 million"), encoding="utf-8")
    (seeds / "news" / "bank.txt").unlink()
    (seeds / "broken.txt").write_bytes(b"\x00\x01binary\x00")
    run = ingest(seeds=str(seeds), db=str(db))
    assert (run.docs_changed, run.docs_removed, run.docs_new, run.docs_failed, run.docs_unchanged) == (1, 1, 1, 1, 1)
    assert rows(db, "select a.text from amounts a join documents d using (doc_id) where d.path = 'sales.txt'") == [
        ("$900 million",)]
    assert rows(db, "select count(*) from documents where path like 'news/%'") == [(0,)]
    assert rows(db, "select count(*) from amounts where text = '£300m'") == [(0,)]
    assert rows(db, "select status, error from documents where path = 'broken.txt'") == [
        ("error", "binary file (contains NUL bytes), not text")]


def test_a_new_extractor_version_re_extracts_everything(seeds, tmp_path, monkeypatch):
    db = tmp_path / "facts.duckdb"
    ingest(seeds=str(seeds), db=str(db))
    import flows.ingest
    import flows.plan
    import flows.processing
    for module in (flows.ingest, flows.plan, flows.processing):
        monkeypatch.setattr(module, "EXTRACTOR_VERSION", "next")
    run = ingest(seeds=str(seeds), db=str(db))
    assert (run.docs_changed, run.docs_unchanged) == (3, 0)
    assert rows(db, "select distinct extractor_version from documents") == [("next",)]
    assert run.amounts == rows(db, "select count(*) from amounts")[0][0] == 6
