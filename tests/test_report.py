"""`facts report`: one HTML page about a warehouse the real flow made; its tables say what SQL over the warehouse
says, everything from the warehouse is escaped, an empty warehouse is a page, and the warehouse is never written."""
import hashlib
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import duckdb
import lxml.html
import pytest

from flows.ingest import ingest
from flows.report import write_report

pytestmark = pytest.mark.usefixtures("prefect_engine")
ROOT = Path(__file__).parents[1]

HOSTILE = "<img src=x onerror=alert(1)>.txt"
BROKEN = "broken <b>&.txt"
DOCUMENTS = {  # several currencies, a rate, a change, dates over the years; a failed document and a reject
    "usd.txt": "Acme results\nMarch 3, 2021\nAcme said its revenue rose 12% to $4.5 billion in 2020. It paid a "
               "dividend of $1.87 per share. Its margin widened by 1.5 percentage points.\n",
    "eur.txt": "Bank profit\nThe bank earned €300 million in 2019, and it plans to reach €1.2 billion by 2030. "
               "Costs fell 4% in 2018.\n",
    "gbp.txt": "Shop sales\nThe shop sold £50m of goods in March 2015 and £20m in 2016, up 3%.\n",
    "hyper.txt": "Inflation hit 900,000,000,000,000,000,000,000,000,000,000,000% in 2008, and wages rose "
                 "$2 million in 2008.\n",  # the percentage does not fit DECIMAL(38,6): a reject
    HOSTILE: "The <script>alert(2)</script> fund paid ¥10 billion in 2024.\n",
}


def write_documents(seeds: Path) -> Path:
    """The test documents, and one that cannot be read (binary)."""
    seeds.mkdir(parents=True, exist_ok=True)
    for name, text in DOCUMENTS.items():
        (seeds / name).write_text(text, encoding="utf-8")
    (seeds / BROKEN).write_bytes(b"bin\0ary")
    return seeds


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("report")
    db = folder / "facts.duckdb"
    run = ingest(seeds=str(write_documents(folder / "seeds")), db=str(db))
    assert (run.docs_failed, run.rejects) == (1, 1)
    return db


@pytest.fixture(scope="module")
def page(warehouse) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(write_report(warehouse, warehouse.with_name("report.html")).read_bytes())


def sql(db: Path, statement: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(statement).fetchall()


def cell(text: str):
    """A table cell as a value: numbers without their thousands separators."""
    bare = text.replace(",", "")
    try:
        return Decimal(bare)
    except ArithmeticError:
        return text


def table(page, name: str) -> list[tuple]:
    rows = page.get_element_by_id(f"table-{name}").xpath("./tbody/tr")
    return [tuple(cell(td.text_content()) for td in row.xpath("./td")) for row in rows]


def test_facts_per_type_are_the_warehouse_counts(warehouse, page):
    expected = sql(warehouse, "select type, count(*), count(distinct doc_id) from facts group by type")
    assert sorted(table(page, "facts_per_type")) == sorted((t, Decimal(n), Decimal(d)) for t, n, d in expected)
    assert page.get_element_by_id("count-documents").text_content().startswith("6")


def test_money_is_per_currency_and_rates_and_changes_are_not_summed(warehouse, page):
    expected = sql(warehouse, "select currency, count(*), "
                              "sum(value) filter (where per is null and role is distinct from 'change') "
                              "from facts where type = 'amount' group by currency")
    rows = {row[0]: (row[1], row[5]) for row in table(page, "money_by_currency")}
    assert rows == {currency: (Decimal(n), total.normalize()) for currency, n, total in expected}
    # $1.87 per share is a rate and $2 million a change: the USD sum is the level alone
    assert rows["USD"] == (3, Decimal(4_500_000_000))
    assert rows["EUR"] == (2, Decimal(1_500_000_000))
    headers = [th.text_content() for th in page.get_element_by_id("table-money_by_currency").xpath(".//th")]
    assert headers == ["currency", "amounts", "levels", "changes", "rates", "sum of levels", "documents"]


def test_the_timeline_counts_dates_and_periods_per_year(warehouse, page):
    dates = dict(sql(warehouse, "select year(start_date), count(*) from dates where resolved group by all"))
    periods = dict(sql(warehouse, "select year(period_start_date), count(*) from facts "
                                  "where period_start_date is not null group by all"))
    years = sorted(dates.keys() | periods.keys())
    assert table(page, "timeline") == [(year, dates.get(year, 0), periods.get(year, 0)) for year in years]
    assert years[0] == 2008 and years[-1] == 2030
    assert "2,008" not in page.get_element_by_id("table-timeline").text_content()  # a year has no separator
    assert page.get_element_by_id("date-span").text_content().startswith("Resolved dates cover 2008-01-01 to 2030-12-31")


def test_percentages_documents_rejects_and_failures(warehouse, page):
    assert [row[:2] for row in table(page, "percentages_by_unit")] == [
        (unit, n) for unit, n in sql(warehouse, "select unit, count(*) from percentages group by unit "
                                                "order by count(*) desc, unit")]
    top = sql(warehouse, "select path, count(*) from facts group by path order by count(*) desc, path")
    assert [(row[0], row[4]) for row in table(page, "top_documents")] == top
    assert table(page, "rejects_by_reason") == [
        ("percentage", "mention: Value error, value N does not fit DECIMAL(N,N)", 1,
         "900,000,000,000,000,000,000,000,000,000,000,000%")]
    assert table(page, "failed_documents") == [(BROKEN, "binary file (contains NUL bytes), not text")]
    [(run_id, loaded, held)] = sql(warehouse, "select run_id, amounts + percentages + dates, "
                                              "(select count(*) from facts) from runs")
    [row] = table(page, "facts_per_run")
    assert (row[0], row[6] + row[7] + row[8], row[10]) == (run_id, loaded, held)


def test_everything_from_the_warehouse_is_escaped(page, warehouse):
    text = warehouse.with_name("report.html").read_text(encoding="utf-8")
    assert "<img src=x onerror" not in text and "<b>&" not in text
    assert "&lt;img src=x onerror=alert(1)&gt;.txt" in text  # in the table, and as the chart's label
    assert [row[0] for row in table(page, "top_documents")].count(HOSTILE) == 1  # shown as text
    assert page.xpath("//img") == [] and page.xpath("//b") == []
    scripts = page.xpath("//script")  # plotly.js once, and one per chart
    assert sum("Plotly.newPlot" in s.text_content() for s in scripts) == len(page.xpath("//div[@class='plotly-graph-div']"))
    assert sum(len(s.text_content()) > 1_000_000 for s in scripts) == 1


def test_an_empty_warehouse_is_a_page_that_says_so(tmp_path):
    (tmp_path / "seeds").mkdir()
    db = tmp_path / "facts.duckdb"
    ingest(seeds=str(tmp_path / "seeds"), db=str(db))
    page = lxml.html.fromstring(write_report(db, tmp_path / "empty.html").read_bytes())
    assert "holds no documents yet" in page.get_element_by_id("empty").text_content()
    assert page.xpath("//script") == [] and page.xpath("//table") == []


def test_facts_report_prints_the_page_and_never_writes_the_warehouse(warehouse, tmp_path):
    before = hashlib.sha256(warehouse.read_bytes()).hexdigest()
    files = set(warehouse.parent.iterdir())
    out = tmp_path / "out" / "r.html"
    done = subprocess.run([sys.executable, "-m", "flows.cli", "report", "--db", str(warehouse), "--out", str(out)],
                          cwd=ROOT, env=os.environ | {"COLUMNS": "200"}, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == out.resolve().as_uri()
    assert "Plotly.newPlot" in out.read_text(encoding="utf-8")
    assert hashlib.sha256(warehouse.read_bytes()).hexdigest() == before
    assert set(warehouse.parent.iterdir()) == files  # no WAL, no other file beside it


def test_facts_report_default_page_is_beside_the_warehouse_and_a_missing_one_is_an_error(warehouse, tmp_path):
    copy = tmp_path / "copy" / "facts.duckdb"
    copy.parent.mkdir()
    copy.write_bytes(warehouse.read_bytes())
    done = subprocess.run([sys.executable, "-m", "flows.cli", "report", "--db", str(copy)], cwd=ROOT,
                          capture_output=True, text=True)
    assert done.stdout.strip() == (copy.parent / "report.html").as_uri()
    assert (copy.parent / "report.html").stat().st_size > 1_000_000
    done = subprocess.run([sys.executable, "-m", "flows.cli", "report", "--db", str(tmp_path / "none.duckdb")],
                          cwd=ROOT, capture_output=True, text=True)
    assert (done.returncode, done.stderr.split(":")[0]) == (1, "error")
    assert "no database at" in done.stderr and not (tmp_path / "report.html").exists()
