"""Linked facts through the real pipeline into a real DuckDB file: the link columns of amounts and
percentages, the `facts` view, a link that breaks a rule (a reject), and a warehouse made before.

The links are set by hand (a table below) on the mentions the real extractors find, so that these
tests check the path from mention to warehouse whatever the linker (extractors/links/) decides.
"""
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

import flows.processing
from extractors import extract_batch
from extractors.mentions import Link
from flows.ingest import ingest
from flows.sources import doc_id_for, read_raw
from schemas import LINK_FIELDS
from warehouse.store import SCHEMA_SQL, Warehouse, export_parquet

pytestmark = pytest.mark.usefixtures("prefect_engine")

HARBOUR = ("Harbour revenue climbs\nThe port authority said harbour revenue rose 12% in 2024 to $310 million. "
           "It also paid a dividend of $1.20 per share, and set a target to lift revenue to €500 million by 2030.\n")
MILL = "Mill sale\nThe cooperative sold the old mill for $4 million in March 2025.\n"
FILE_OF = {HARBOUR: "harbour.txt", MILL: "mill.txt"}

# (file, figure) -> the measure it names (its first occurrence after the sentence start), period, role, per
LINKS = {
    ("harbour.txt", "12%"): ("harbour revenue", "2024", "change", None),
    ("harbour.txt", "$310 million"): ("harbour revenue", "2024", "level", None),
    ("harbour.txt", "$1.20"): ("dividend", None, "level", "share"),
    ("harbour.txt", "€500 million"): ("revenue", "2030", "level", None),
    ("mill.txt", "$4 million"): ("mill", "2025-03", "level", None),
}
SHIFTED = {("mill.txt", "$4 million")}  # measure offsets one character off: the text does not quote them


def sentence_around(text: str, start: int) -> tuple[int, int]:
    """The sentence a figure at `start` stands in: after the last '. ' or newline, up to its full stop."""
    begin = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1)
    return begin, re.compile(r"\.(?=\s|$)").search(text, start).end()


def link_by_hand(path: str, text: str, mentions: list) -> None:
    """Set each amount's and percentage's link from LINKS, the period's interval from the date the text has."""
    dates = {m.value: m for m in mentions if m.type == "date"}
    for mention in mentions:
        if (path, mention.text) not in LINKS:
            continue
        measure, period, role, per = LINKS[path, mention.text]
        s_start, s_end = sentence_around(text, mention.start)
        m_start = text.index(measure, s_start) + ((path, mention.text) in SHIFTED)
        scope = dates.get(period)
        mention.link = Link(measure, m_start, m_start + len(measure), period, scope and scope.start_date,
                            scope and scope.end_date, role, per, s_start, s_end)


@pytest.fixture
def linked_extraction(monkeypatch):
    """extract_batch as the flow calls it, with the links of LINKS set on what it found."""
    def extract_and_link(texts, references):
        found = extract_batch(texts, references)
        for text, mentions in zip(texts, found):
            if not isinstance(mentions, Exception):
                link_by_hand(FILE_OF[text], text, mentions)
        return found
    monkeypatch.setattr(flows.processing, "extract_batch", extract_and_link)


@pytest.fixture
def seeds(tmp_path):
    folder = tmp_path / "seeds"
    folder.mkdir()
    for text, name in FILE_OF.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def rows(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.sql(sql).fetchall()


def run(seeds: Path, db: Path):
    return ingest(seeds=str(seeds), db=str(db), local_workers=1)  # in this process: the patched extraction


LINK_COLUMNS = ", ".join(LINK_FIELDS)


def at(phrase: str, after: int = 0) -> tuple[int, int]:
    """The span of `phrase` in HARBOUR, first found after `after`."""
    start = HARBOUR.index(phrase, after)
    return start, start + len(phrase)


FIRST, SECOND = (at("The port")[0], at(". It")[0] + 1), (at("It also")[0], len(HARBOUR) - 1)  # the body's sentences
HARBOUR_PERCENTAGES = [  # text, value, unit, then the links
    ("12%", Decimal("12"), "percent", "harbour revenue", *at("harbour revenue"), "2024", date(2024, 1, 1),
     date(2025, 1, 1), "change", None, *FIRST)]
HARBOUR_AMOUNTS = [  # text, value, currency, then the links
    ("$310 million", Decimal("310000000"), "USD", "harbour revenue", *at("harbour revenue"), "2024",
     date(2024, 1, 1), date(2025, 1, 1), "level", None, *FIRST),
    ("$1.20", Decimal("1.2"), "USD", "dividend", *at("dividend"), None, None, None, "level", "share", *SECOND),
    ("€500 million", Decimal("500000000"), "EUR", "revenue", *at("revenue", SECOND[0]), "2030", date(2030, 1, 1),
     date(2031, 1, 1), "level", None, *SECOND),
]


def test_links_arrive_in_amounts_percentages_and_the_facts_view(linked_extraction, seeds, tmp_path):
    db = tmp_path / "facts.duckdb"
    assert run(seeds, db).status == "completed"
    harbour = "(select doc_id from documents where path = 'harbour.txt')"
    assert rows(db, f"select text, value, currency, {LINK_COLUMNS} from amounts where doc_id = {harbour} "
                    "order by start_char") == HARBOUR_AMOUNTS
    assert rows(db, f"select text, value, unit, {LINK_COLUMNS} from percentages") == HARBOUR_PERCENTAGES
    # the view: the figures and their links without a join; dates have none
    assert rows(db, f"select type, text, value, value_max, currency, unit, {LINK_COLUMNS} from facts "
                    "where path = 'harbour.txt' and type <> 'date' order by start_char") == [
        *[("percentage", t, v, None, None, u, *link) for t, v, u, *link in HARBOUR_PERCENTAGES],
        *[("amount", t, v, None, c, None, *link) for t, v, c, *link in HARBOUR_AMOUNTS]]
    unlinked = " and ".join(f"{name} is null" for name in LINK_FIELDS)
    assert rows(db, f"select text, value, value_max, currency, unit, {unlinked} from facts "
                    "where type = 'date' order by path, start_char") == [
        ("2024", None, None, None, None, True), ("2030", None, None, None, None, True),
        ("March 2025", None, None, None, None, True)]
    # each measure quotes the document, as the fact's own span does, and its sentence holds the fact
    assert rows(db, "select count(*) from facts f join documents d using (doc_id) where f.measure <> "
                    "substring(d.text, f.measure_start + 1, f.measure_end - f.measure_start) "
                    "or not f.start_char between f.sentence_start and f.sentence_end") == [(0,)]
    # the README's questions: targets for 2030, and money without rates
    assert rows(db, "select text, measure from facts where period like '2030%'") == [("€500 million", "revenue")]
    assert rows(db, "select currency, sum(value) from facts where type = 'amount' and per is null "
                    "group by currency order by currency") == [("EUR", Decimal(500000000)), ("USD", Decimal(310000000))]


def test_a_measure_that_does_not_quote_the_text_is_a_reject_with_its_reason(linked_extraction, seeds, tmp_path):
    db = tmp_path / "facts.duckdb"
    assert run(seeds, db).rejects == 1
    start = MILL.index("mill for") + 1
    assert rows(db, "select type, text, reason, payload ->> 'measure' from rejects") == [
        ("amount", "$4 million", f"mention: Value error, text[{start}:{start + 4}] is 'ill ', not the measure 'mill'",
         "mill")]
    assert rows(db, "select count(*) from amounts join documents using (doc_id) where path = 'mill.txt'") == [(0,)]
    assert rows(db, "select t.text, t.value from dates t join documents using (doc_id) where path = 'mill.txt'") == [
        ("March 2025", "2025-03")]  # the document's other facts stay


LINK_COLUMN = re.compile(rf"^\s*(?:{'|'.join(LINK_FIELDS)})\s+(?:VARCHAR|INTEGER|DATE),?\s*(?:--.*)?$")


def schema_before_links() -> str:
    """warehouse/schema.sql as it was before linked facts: without the link columns, nor the ALTERs adding them
    (the same statements, comments aside, as the schema.sql of commit e3bc421, the last before them)."""
    kept = [line for line in SCHEMA_SQL.splitlines()
            if not LINK_COLUMN.match(line) and not re.match(rf"ALTER TABLE \w+ ADD COLUMN IF NOT EXISTS "
                                                            rf"(?:{'|'.join(LINK_FIELDS)}) ", line)
            and "-- links (" not in line]
    return re.sub(r",(\s*\n\);)", r"\1", "\n".join(kept))  # run_id is the last column again


def test_a_warehouse_made_before_gains_the_link_columns_and_its_documents_their_links(
        linked_extraction, seeds, tmp_path):
    db = tmp_path / "facts.duckdb"
    with duckdb.connect(str(db)) as con:
        con.execute(schema_before_links())
        assert "measure" not in [c for (c,) in con.sql("select column_name from duckdb_columns() "
                                                       "where table_name = 'amounts'").fetchall()]
        raw = read_raw(seeds, "harbour.txt")  # stored by a version without links: its facts have none
        doc_id = doc_id_for(str(seeds.resolve()), "harbour.txt")
        con.execute("insert into documents (doc_id, path, sha256, fingerprint, stat_key, published_source, text, "
                    "n_chars, n_bytes, status, extractor_version, ingested_at, run_id, seeds, format) values "
                    "(?, 'harbour.txt', ?, ?, ?, 'none', ?, ?, ?, 'ok', '0.2.0', now(), 'old', ?, 'text')",
                    [doc_id, raw.sha256(), raw.fingerprint("0.2.0"), raw.stat_key, HARBOUR, len(HARBOUR),
                     len(raw.data), str(seeds.resolve())])
        con.execute("insert into amounts values (?, ?, ?, '$310 million', 310000000, null, 'USD', 'exact', "
                    "'<currency> <number> <scale>', 'old')", [doc_id, *at("$310 million")])
    Warehouse(db).create()  # what every run does first
    assert rows(db, f"select text, {LINK_COLUMNS} from amounts") == [("$310 million", *[None] * len(LINK_FIELDS))]
    assert rows(db, "select text, value, currency, measure from facts") == [
        ("$310 million", Decimal("310000000"), "USD", None)]
    for table in ("amounts", "percentages"):  # in the order a new warehouse has them
        assert rows(db, f"select column_name from duckdb_columns() where table_name = '{table}' "
                        f"order by column_index")[-len(LINK_FIELDS):] == [(c,) for c in LINK_FIELDS]

    outcome = run(seeds, db)  # another extractor version: the document is extracted again
    assert (outcome.docs_changed, outcome.docs_new) == (1, 1)
    assert rows(db, f"select text, value, currency, {LINK_COLUMNS} from amounts where doc_id = '{doc_id}' "
                    "order by start_char") == HARBOUR_AMOUNTS


README = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
LINK_QUESTIONS = [statement.strip() for body in re.findall(r"^```sql\n(.*?)^```$", README, re.S | re.M)
                  for statement in body.split(";")
                  if re.search(r"\b(?:measure|period|role|per)\b", re.sub(r"--[^\n]*", "", statement))]


def test_the_readmes_questions_about_links_answer_on_linked_facts(linked_extraction, seeds, tmp_path):
    """Each README query that uses the links returns rows on a warehouse whose figures are linked."""
    db = tmp_path / "facts.duckdb"
    run(seeds, db)
    assert len(LINK_QUESTIONS) >= 6  # a changed README must not test nothing
    with duckdb.connect(str(db), read_only=True) as con:
        empty = [sql.splitlines()[0] for sql in LINK_QUESTIONS if not con.sql(sql).fetchall()]
    assert empty == []


def test_the_export_keeps_the_links(linked_extraction, seeds, tmp_path):
    db = tmp_path / "facts.duckdb"
    run(seeds, db)
    export_parquet(db, tmp_path / "out")
    exported = rows(db, f"select text, {LINK_COLUMNS} from read_parquet('{tmp_path}/out/facts/*/*.parquet', "
                        "hive_partitioning = true) where type = 'amount' order by doc_id, start_char")
    assert exported == rows(db, f"select text, {LINK_COLUMNS} from facts where type = 'amount' "
                                "order by doc_id, start_char")
    assert [text for text, measure, *_ in exported if measure] == ["$310 million", "$1.20", "€500 million"]
