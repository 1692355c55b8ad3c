"""The report in headless Chromium from file://: every chart is drawn with its marks, offline, and runs no script
from the warehouse."""
from decimal import Decimal
from pathlib import Path

import pytest
from browser import browser, page  # noqa: F401
from corpus import DEV_DOCS
from test_report import HOSTILE, cell, sql, write_documents

from flows.ingest import ingest
from flows.report import write_report

pytestmark = pytest.mark.usefixtures("prefect_engine")
SEEDS = Path(__file__).parents[1] / "seeds"
# the chart of each section, and how many bars (or bar segments) it draws for the test documents
CHARTS = {"types": 3, "runs": 3, "money": 12, "timeline": 18, "units": 2, "documents": 15, "rejects": 1}


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("report-browser")
    ingest(seeds=str(write_documents(folder / "seeds")), db=str(folder / "facts.duckdb"))
    return write_report(folder / "facts.duckdb", folder / "report.html")


def bars(page, chart: str) -> int:
    """The bar marks Plotly drew in the chart (one path per bar and trace, empty ones included)."""
    return page.locator(f"#chart-{chart} .main-svg g.trace.bars g.point path").count()


def test_every_chart_is_drawn_offline(page, report):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(report.as_uri())
    page.wait_for_selector("#chart-rejects .main-svg")
    assert {chart: bars(page, chart) for chart in CHARTS} == CHARTS
    heights = page.locator("#chart-types g.point path").evaluate_all("paths => paths.map(p => p.getBBox().height)")
    assert all(height > 0 for height in heights)  # drawn, not empty
    assert page.errors == [] and page.requests == [] and dialogs == []


def test_the_hostile_path_is_text_in_the_table_and_the_chart(page, report):
    page.goto(report.as_uri())
    page.wait_for_selector("#chart-documents .main-svg")
    assert HOSTILE in page.locator("#table-top_documents").inner_text()
    assert HOSTILE[:20] in page.locator("#chart-documents .main-svg").first.text_content()
    assert page.locator("main img").count() == 0 and page.locator("#table-failed_documents b").count() == 0
    assert page.errors == [] and page.requests == []


CORPORA = {"seed": SEEDS, "dev": DEV_DOCS}  # the bundled seed, and the dev set when it is beside the project


@pytest.fixture(scope="module", params=list(CORPORA))
def corpus_report(request, tmp_path_factory) -> tuple[Path, Path]:
    """A corpus's warehouse made by the real flow, and its report as `facts report` writes it."""
    seeds = CORPORA[request.param]
    if not seeds.is_dir():
        pytest.skip(f"the dev set is not beside the project ({seeds})")
    folder = tmp_path_factory.mktemp(f"report-{request.param}")
    db = folder / "facts.duckdb"
    assert ingest(seeds=str(seeds), db=str(db)).status == "completed"
    return db, write_report(db, folder / "report.html")


def shown_table(page, name: str) -> list[tuple]:
    """The rows of a section's table as the page shows them, unfolded first when it is long."""
    summary = page.locator(f"#{name} details summary")
    if summary.count():
        summary.click()
    return [tuple(cell(text) for text in row.locator("td").all_inner_texts())
            for row in page.locator(f"#table-{name} tbody tr").all()]


def plotted(page, chart: str) -> dict[str, float]:
    """What the chart draws: each category's bar, its traces stacked, as Plotly holds the figure's data."""
    return page.locator(f"#chart-{chart}").evaluate(
        "div => { const sums = {}; for (const trace of div.data) trace.x.forEach((x, i) => "
        "{ sums[x] = (sums[x] || 0) + trace.y[i]; }); return sums; }")


def test_the_report_of_a_corpus_draws_its_charts_with_the_warehouse_numbers(page, corpus_report):
    """`facts report` of a corpus: every chart drawn with bars; its tables and bars say what SQL over the warehouse
    says."""
    db, report = corpus_report
    page.goto(report.as_uri())
    has_rejects = sql(db, "select count(*) from rejects")[0][0] > 0
    charts = page.locator("div[id^=chart-]").evaluate_all("divs => divs.map(div => div.id.slice('chart-'.length))")
    expected = {"types", "runs", "money", "timeline", "units", "documents"} | ({"rejects"} if has_rejects else set())
    assert set(charts) == expected
    for chart in charts:
        page.locator(f"#chart-{chart} .main-svg").first.wait_for()
    drawn = {chart: bars(page, chart) for chart in charts}
    assert all(drawn.values()), drawn
    if not has_rejects:
        assert page.locator("#rejects_by_reason .none").inner_text() == "None."
    types = sql(db, "select type, count(*), count(distinct doc_id) from facts group by type")
    assert sorted(shown_table(page, "facts_per_type")) == sorted((t, Decimal(n), Decimal(d)) for t, n, d in types)
    assert plotted(page, "types") == {t: n for t, n, _ in types}
    money = dict(sql(db, "select coalesce(currency, '(none)'), count(*) from facts where type = 'amount' "
                         "group by all"))
    assert {row[0]: row[1] for row in shown_table(page, "money_by_currency")} == money
    assert plotted(page, "money") == money  # levels, changes and rates stacked: every amount of the currency
    assert page.errors == [] and page.requests == []
