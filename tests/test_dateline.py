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
    # a labelled date near the top (issue 22): "Published", "Posted on", "Updated:", with or without a time
    ("published iso", "Title\nPublished 2025-07-15\nBody", date(2025, 7, 15), "2025-07-15"),
    ("published colon", "Title\nPublished: July 15, 2025\nBody", date(2025, 7, 15), "July 15, 2025"),
    ("updated with time and zone", "Title\nUpdated: 15 July 2025 09:12 UTC\nBody", date(2025, 7, 15), "15 July 2025"),
    ("posted on", "Title\nPosted on 2025-07-15\nBody", date(2025, 7, 15), "2025-07-15"),
    ("label in capitals", "TITLE\nPUBLISHED: JULY 15, 2025\nBODY", date(2025, 7, 15), "JULY 15, 2025"),
    ("label in lower case", "title\npublished on july 15, 2025\nbody", date(2025, 7, 15), "july 15, 2025"),
    ("last updated", "Title\nLast updated: July 15, 2025\nBody", date(2025, 7, 15), "July 15, 2025"),
    ("date label", "Memo\nDate: July 15, 2025\nBody", date(2025, 7, 15), "July 15, 2025"),
    ("iso timestamp", "Title\nPublished: 2025-07-15T09:12:00Z\nBody", date(2025, 7, 15), "2025-07-15"),
    ("iso timestamp with offset", "Title\nPosted on 2025-07-15T23:12:00.123-05:00\nBody", date(2025, 7, 15),
     "2025-07-15"),
    ("iso with time", "Title\n2025-07-15 14:00\nBody", date(2025, 7, 15), "2025-07-15"),
    ("time after, am/pm and zone", "Title\nJuly 15, 2025, 9:12 a.m. EDT\nBody", date(2025, 7, 15), "July 15, 2025"),
    ("weekday, at, time", "Title\nPublished: Tuesday, September 30, 2025 at 10:45 a.m. EDT\nBody",
     date(2025, 9, 30), "Tuesday, September 30, 2025"),
    ("time first", "Title\nUpdated 9:12 AM EDT, Tue July 15, 2025\nBody", date(2025, 7, 15), "Tue July 15, 2025"),
    ("dotted time and zone", "Title\nTuesday 15 July 2025 12.30 BST\nBody", date(2025, 7, 15),
     "Tuesday 15 July 2025"),
    ("offset", "Title\npublished 15 July 2025 09:12 +0200\nBody", date(2025, 7, 15), "15 July 2025"),
    ("pipe", "Title\nPosted | 2025-07-15 09:12\nBody", date(2025, 7, 15), "2025-07-15"),
    ("double dash", "Title\nJuly 15, 2025 -- 3:14pm\nBody", date(2025, 7, 15), "July 15, 2025"),
    # the text was written for the day it was published: an update above gives way to it
    ("published below updated", "Title\nUpdated: July 20, 2025\nPublished: July 15, 2025\nBody",
     date(2025, 7, 15), "July 15, 2025"),
    ("updated alone", "Title\nUpdated: July 20, 2025\nBody", date(2025, 7, 20), "July 20, 2025"),
    ("first of two publication lines", "Title\nJuly 14, 2025\nPublished: July 15, 2025\nBody",
     date(2025, 7, 14), "July 14, 2025"),
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
    ("label in a sentence", "Title\nPublished on July 15, 2025 by the ministry, the report says...\nBody"),
    ("label without a year", "Title\nUpdated: July 15 09:12\nBody"),
    ("a number after the date", "Title\nJuly 15, 2025 - 3.50\nBody"),
    ("impossible labelled day", "Title\nPublished: 2025-02-30\nBody"),
    ("over 80 characters", "Title\nPublished: Tuesday, September 30, 2025 at 10:45 a.m. Eastern Daylight Time (EDT)\n"),
    ("a word, not a label", "Title\nReleased: July 15, 2025, with 40% more\nBody"),
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
