"""The dateline: a date alone on one of the first lines, used as the reference date when no
sidecar gives one. Documents here are written for the tests."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.dates import find_dateline

DATELINES = [
    ("meantime layout", "Carmaker reports sales spike\nMarch 03, 2010\nThe company said on Tuesday...",
     date(2010, 3, 3), "March 03, 2010"),
    ("no zero", "Airline orders jets\nJune 13, 2005\nThe airline announced today...", date(2005, 6, 13),
     "June 13, 2005"),
    ("iso", "Markets rally\n2010-03-03\nStocks rose.", date(2010, 3, 3), "2010-03-03"),
    ("weekday", "Markets rally\nTuesday, March 3, 2010\nStocks rose.", date(2010, 3, 3),
     "Tuesday, March 3, 2010"),
    ("day first", "Markets rally\n3 March 2010\nStocks rose.", date(2010, 3, 3), "3 March 2010"),
    ("first line", "March 3, 2010\nMarkets rally", date(2010, 3, 3), "March 3, 2010"),
    ("spaces around", "Title\n  March 3, 2010  \nBody", date(2010, 3, 3), "March 3, 2010"),
    ("label", "Title\nPublished: March 3, 2010\nBody", date(2010, 3, 3), "March 3, 2010"),
    ("crlf", "Title\r\nMarch 3, 2010\r\nBody", date(2010, 3, 3), "March 3, 2010"),
]


@pytest.mark.parametrize(("text", "expected", "span"), [pytest.param(t, d, s, id=i) for i, t, d, s in DATELINES])
def test_dateline(text: str, expected: date, span: str) -> None:
    found = find_dateline(text)
    assert found is not None
    day, start, end = found
    assert (day, text[start:end]) == (expected, span)


NOT_DATELINES = [
    ("date in a sentence", "Title\nThe visit on July 3, 2025 was brief.\nMore text."),
    ("no year", "Title\nJuly 3\nBody"),
    ("impossible day", "Title\nFebruary 30, 2010\nBody"),
    ("too far down", "A\nB\nC\nD\nE\nF\nMarch 3, 2010\n"),
    ("empty", ""),
    ("seed-like article", "Leaders deepen alliance\nIn a significant demonstration, the presidents met on July 3."),
]


@pytest.mark.parametrize("text", [pytest.param(t, id=i) for i, t in NOT_DATELINES])
def test_not_a_dateline(text: str) -> None:
    assert find_dateline(text) is None


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_arbitrary_text_never_raises(text: str) -> None:
    found = find_dateline(text)
    if found is not None:
        day, start, end = found
        assert 0 <= start < end <= len(text)
