"""A figure in a Markdown or HTML table takes its row header as measure and its column header as
period when its own text names none (issue 23): extractors/links/tables.py finds both headers.

Each row is a table of our own with a figure in it and the header texts expected for that
figure (None where the figure has none). The HTML rows run the project's HTML reader on a page
written here, as a document of the pipeline would be read, and look in the text it gives."""
from __future__ import annotations

from typing import NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import case, check_sources
from extractors.links.tables import MAX_CELLS, table_headers, table_spans
from flows.readers.html_page import article


class Example(NamedTuple):
    id: str
    text: str
    figure: str  # the figure's text; its first occurrence after `after`
    row: str | None  # the row header expected (the measure), None for none
    column: str | None  # the column header expected (the period), None for none
    after: str = ""  # text the figure stands after, where it occurs more than once
    source: str = "issue 23"
    gap: str | None = None


EARNINGS = """Acme Corp reported its results on Thursday.

| Measure | 2023 | 2024 |
|---|---|---|
| Revenue | $1.2 billion | $1.4 billion |
| Net income | $210 million | $260 million |

Shares rose 4% in early trading."""

NO_OUTER_PIPES = """Segment | Q3 2023 | Q3 2024
--- | --- | ---
Cloud | $4.1 billion | $5.0 billion
Devices | $900 million | $850 million"""

ALIGNED_AND_BOLD = """|  **Metric**  | **FY2023** | **FY2024** |
|:-------------|-----------:|:----------:|
| **Operating margin:** | 17.2% | 18.6% |
| Free cash flow | €310 million | €355 million |"""

TWO_TABLES = """The bank's lending grew in both regions.

| Region | H1 2024 |
|---|---|
| Europe | €12 billion |

Deposits grew faster than loans.

| Deposits | Q2 2025 |
|---|---|
| Retail | €40 billion |
| Corporate | €22 billion |"""

RAGGED = """| Item | 2022 | 2023 |
|---|---|---|
| Net income | $260 million |
| Revenue | $1.1 billion | $1.3 billion | $1.6 billion |"""

TABLES = [
    Example("separator: first column", EARNINGS, "$1.2 billion", "Revenue", "2023"),
    Example("separator: last column", EARNINGS, "$260 million", "Net income", "2024"),
    Example("separator: prose after the table is no row", EARNINGS, "4%", None, None),
    Example("no outer pipes", NO_OUTER_PIPES, "$850 million", "Devices", "Q3 2024"),
    Example("no outer pipes: second column", NO_OUTER_PIPES, "$4.1 billion", "Cloud", "Q3 2023"),
    Example("alignment colons, bold and a label's colon trimmed", ALIGNED_AND_BOLD, "18.6%", "Operating margin",
            "FY2024"),
    Example("alignment colons: a currency amount", ALIGNED_AND_BOLD, "€310 million", "Free cash flow", "FY2023"),
    Example("a figure in the header row has neither", "| Fund | $500 million |\n|---|---|\n"
            "| Climate fund | $200 million |", "$500 million", None, None),
    Example("a figure in the header row of a table without separator",
            "| Fund | $500 million |\n| Climate fund | $200 million |", "$500 million", None, None),
    Example("the row header is a year", "| Year | Revenue | Profit |\n|---|---|---|\n"
            "| 2023 | $1.2 billion | $300 million |", "$300 million", None, "Profit"),
    Example("the row header is an amount", "| Before | After |\n|---|---|\n| $1.2 billion | $1.4 billion |",
            "$1.4 billion", None, "After"),
    Example("the row header is a percentage", "| Margin | Change |\n|---|---|\n| 17.5% | 1.2 pp |",
            "1.2 pp", None, "Change"),
    Example("the row header is a figure with a currency code", "| Loan | Rate |\n|---|---|\n| USD 40 mn | 6.5% |",
            "6.5%", None, "Rate"),
    Example("the figure's own cell comes first", EARNINGS.replace("| Revenue |", "|  |"), "$1.2 billion", None,
            "2023"),
    Example("an empty first cell: the next cell is the row header",
            "|  | Segment | 2024 |\n|---|---|---|\n|  | Cloud | $5.0 billion |", "$5.0 billion", "Cloud", "2024"),
    Example("an empty corner cell of the header row", "|  | Q3 2023 | Q3 2024 |\n|---|---|---|\n"
            "| Revenue | $1.2 billion | $1.4 billion |", "$1.4 billion", "Revenue", "Q3 2024"),
    Example("a row header with a date in it stays a row header", "| Period | Sales |\n|---|---|\n"
            "| Q3 2024 | $2 billion |", "$2 billion", "Q3 2024", "Sales"),
    Example("a pipe in a sentence is no table", "Shares of Acme | Beta rose 5% to $30 on Monday.", "$30", None, None),
    Example("two sentences with pipes are no table", "Acme | Beta rose 5% to $30.\nGamma | Delta fell 2% to $12.",
            "$12", None, None),
    Example("one line between pipes is no table", "Revenue was:\n| Revenue | $5 million |\nin all.", "$5 million",
            None, None),
    Example("a dash rule under a sentence with a pipe is no separator", "Acme | Beta paid $3 a share\n---------",
            "$3", None, None),
    Example("a header row and separator of different widths are no table",
            "Acme | Beta paid $3 a share\n|---|---|---|", "$3", None, None),
    Example("two tables: a figure in the second", TWO_TABLES, "€22 billion", "Corporate", "Q2 2025"),
    Example("two tables: a figure in the first", TWO_TABLES, "€12 billion", "Europe", "H1 2024"),
    Example("ragged: a row of fewer cells", RAGGED, "$260 million", "Net income", "2022"),
    Example("ragged: a cell past the header row has no column header", RAGGED, "$1.6 billion", "Revenue", None),
    Example("an escaped pipe stays in its cell", "| Item | 2024 |\n|---|---|\n| Sales \\| services | $7 million |",
            "$7 million", "Sales \\| services", "2024"),
    Example("Windows line ends", EARNINGS.replace("\n", "\r\n"), "$1.4 billion", "Revenue", "2024"),
    Example("indented table", "  | Item | 2024 |\n  |---|---|\n  | Revenue | $9 million |", "$9 million", "Revenue",
            "2024"),
]


def headers(text: str, figure: str, after: str = "") -> tuple[str | None, str | None]:
    """The texts of the row and column headers that table_headers gives for `figure` in `text`."""
    start = text.index(figure, text.index(after) + len(after) if after else 0)
    row, column = table_headers(text, start, start + len(figure))
    return (text[row[0]:row[1]] if row else None), (text[column[0]:column[1]] if column else None)


def test_rows_name_their_sources():
    check_sources(TABLES)


@pytest.mark.parametrize("row", [case(row) for row in TABLES])
def test_a_figure_in_a_table_takes_its_row_and_column_headers(row):
    assert headers(row.text, row.figure, row.after) == (row.row, row.column)


def test_table_spans_are_the_tables_of_a_text():
    spans = table_spans(TWO_TABLES)
    assert [TWO_TABLES[start:end] for start, end in spans] == [
        "| Region | H1 2024 |\n|---|---|\n| Europe | €12 billion |",
        "| Deposits | Q2 2025 |\n|---|---|\n| Retail | €40 billion |\n| Corporate | €22 billion |"]
    assert [EARNINGS[start:end] for start, end in table_spans(EARNINGS)] == [
        "| Measure | 2023 | 2024 |\n|---|---|---|\n| Revenue | $1.2 billion | $1.4 billion |\n"
        "| Net income | $210 million | $260 million |"]


@pytest.mark.parametrize("text", ["Revenue rose 5% to $1.2 billion in 2024.", "Shares of Acme | Beta rose 5%.",
                                  "Acme | Beta\nGamma | Delta", "", "|", "| a |\n"])
def test_text_without_a_table_has_no_table_span(text):
    assert table_spans(text) == []


# An HTML page as a news site or an investor-relations page writes it: the reader (trafilatura)
# must keep the table's rows and columns apart in the text it gives.
RESULTS_PAGE = """<html><head><title>Acme reports third-quarter results</title></head><body>
<nav><a href="/">Home</a> <a href="/investors">Investors</a></nav>
<article>
<h1>Acme reports third-quarter results</h1>
<p>Acme Corp said on Thursday that revenue rose in the third quarter, helped by demand for its
cloud services in Europe and Asia, and raised its forecast for the full year.</p>
<table>
<thead><tr><th></th><th>Q3 2023</th><th>Q3 2024</th><th>FY2024</th></tr></thead>
<tbody>
<tr><td>Revenue</td><td>$1.2 billion</td><td>$1.4 billion</td><td>$5.6 billion</td></tr>
<tr><td><b>Net income</b></td><td>$210 million</td><td>$260 million</td><td>$990 million</td></tr>
<tr><td>Operating margin</td><td>17.5%</td><td>18.6%</td><td>17.7%</td></tr>
</tbody>
</table>
<p>The chief executive said she expects growth to continue into next year as new data centres open
in Frankfurt and Singapore.</p>
<table>
<tr><td>Dividend per share</td><td>$0.45</td></tr>
<tr><td>Share buyback</td><td>$2 billion</td></tr>
</table>
</article>
<footer>Copyright Acme Corp</footer>
</body></html>"""

HTML_FIGURES = [
    ("$1.2 billion", "Revenue", "Q3 2023"),
    ("$260 million", "Net income", "Q3 2024"),
    ("17.7%", "Operating margin", "FY2024"),
    ("$990 million", "Net income", "FY2024"),
    ("$2 billion", "Share buyback", "$0.45"),  # a table without <th>: its first row stands as the header
    ("$0.45", None, None),
]


@pytest.fixture(scope="module")
def results_page_text() -> str:
    return article(RESULTS_PAGE).text


@pytest.mark.parametrize(("figure", "row", "column"), HTML_FIGURES, ids=[figure for figure, _, _ in HTML_FIGURES])
def test_a_figure_in_an_html_table_takes_its_headers(results_page_text, figure, row, column):
    assert headers(results_page_text, figure) == (row, column)


def test_the_html_reader_keeps_a_table_as_pipe_rows(results_page_text):
    assert "| Revenue | $1.2 billion | $1.4 billion | $5.6 billion |" in results_page_text
    spans = table_spans(results_page_text)
    assert len(spans) == 2
    assert results_page_text[spans[0][0]:spans[0][1]].startswith("|  | Q3 2023 | Q3 2024 | FY2024 |")
    assert "cloud services" not in "".join(results_page_text[start:end] for start, end in spans)


# Hostile text: bounded work, sensible answers (each of these returns within a fraction of a second).
def test_a_megabyte_of_pipes_is_no_table():
    text = "|" * 1_000_000
    assert table_spans(text) == []
    assert table_headers(text, 500_000, 500_001) == (None, None)


def test_a_megabyte_of_pipe_lines():
    text = "|\n" * 500_000
    assert table_spans(text) == []
    text = "||\n" * 333_333  # rows of one empty cell: one long table, with no header text
    assert table_spans(text) == [(0, len(text) - 1)]
    assert table_headers(text, 600_000, 600_001) == (None, None)


def test_a_table_of_many_rows_answers_every_figure():
    text = "| Item | 2024 |\n|---|---|\n" + "| Fee | $5 |\n" * 30_000
    assert len(table_spans(text)) == 1
    answers = set()
    at = text.find("$5")
    while at != -1:
        answers.add(table_headers(text, at, at + 2))
        at = text.find("$5", at + 1)
    assert {(text[r[0]:r[1]], text[c[0]:c[1]]) for r, c in answers if r and c} == {("Fee", "2024")}


def test_a_row_of_too_many_cells_is_no_table_row():
    wide = "|" + "$1|" * (MAX_CELLS + 5)
    text = wide + "\n" + wide + "\n"
    assert table_spans(text) == []
    assert table_headers(text, len(wide) + 2, len(wide) + 4) == (None, None)


CELLS = st.text(alphabet="|-: *ab1$\\\n\r", max_size=200)


@settings(max_examples=300, deadline=None)
@given(text=CELLS, data=st.data())
def test_any_text_gives_spans_inside_it_and_trimmed_headers(text, data):
    spans = table_spans(text)
    assert all(0 <= start < end <= len(text) for start, end in spans)
    if text:
        start = data.draw(st.integers(0, len(text) - 1))
        end = data.draw(st.integers(start + 1, len(text)))
        for header in table_headers(text, start, end):
            if header is not None:
                found = text[header[0]:header[1]]
                assert found.strip() == found and found[0] not in "|*:_" and found[-1] not in "|*:_"
                assert "\n" not in found and not (header[0] < end and start < header[1])
