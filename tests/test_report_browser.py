"""The report in headless Chromium from file://: every chart is drawn with its marks, offline, and runs no script
from the warehouse."""
from pathlib import Path

import pytest
from browser import browser, page  # noqa: F401
from test_report import HOSTILE, write_documents

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


def test_the_report_of_the_bundled_seed_draws_its_charts(page, tmp_path):
    ingest(seeds=str(SEEDS), db=str(tmp_path / "facts.duckdb"))
    page.goto(write_report(tmp_path / "facts.duckdb", tmp_path / "report.html").as_uri())
    page.wait_for_selector("#chart-documents .main-svg")
    assert all(bars(page, chart) for chart in ("types", "runs", "money", "timeline", "units", "documents"))
    assert page.locator("#rejects_by_reason .none").inner_text() == "None."
    assert page.errors == [] and page.requests == []
