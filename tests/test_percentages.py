"""Percentages: a corpus of news-like sentences -> expected mentions (own sentences)."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.percentages import PERCENTAGE_RULES, extract_percentages

# id, sentence, expected [(text, value, unit, qualifier, value_max)]
PERCENTAGES = [
    ("sign", "Exports rose 40% in May.", [("40%", "40", "percent", "exact", None)]),
    ("per-cent", "Inflation was 12.5 per cent in March.", [("12.5 per cent", "12.5", "percent", "exact", None)]),
    ("word-percent", "Sales fell five percent.", [("five percent", "5", "percent", "exact", None)]),
    ("minus-word", "Growth came in at minus five percent.", [("minus five percent", "-5", "percent", "exact", None)]),
    ("signed", "The index returned -3.2% this year.", [("-3.2%", "-3.2", "percent", "exact", None)]),
    ("percentage-points", "The bank cut rates by 3 percentage points.", [("3 percentage points", "3", "percentage_point", "exact", None)]),
    ("fraction", "The bond yields 12 3/4% a year.", [("12 3/4%", "12.75", "percent", "exact", None)]),
    ("range-hyphen", "Margins of 5-7% are normal.", [("5-7%", "5", "percent", "range", "7")]),
    ("range-hyphen-wide", "Airlines want 15-20% better fuel burn.", [("15-20%", "15", "percent", "range", "20")]),
    ("range-between-words", "Prices rose between three and seven percent.", [("three and seven percent", "3", "percent", "range", "7")]),
    ("range-to", "The cuts hit 20 to 25 percent of staff.", [("20 to 25 percent", "20", "percent", "range", "25")]),
    ("two-adjacent", "Polls gave them 12% 13% in two rounds.", [("12%", "12", "percent", "exact", None), ("13%", "13", "percent", "exact", None)]),
    ("from-to-two", "Unemployment went from 5% to 7%.", [("5%", "5", "percent", "exact", None), ("7%", "7", "percent", "exact", None)]),
    ("pct", "Shares were up 0.4 pct at noon.", [("0.4 pct", "0.4", "percent", "exact", None)]),
    ("as-much-as", "Fuel use falls by as much as 3%.", [("3%", "3", "percent", "under", None)]),
    ("a-half", "The central bank added a half percent.", [("a half percent", "0.5", "percent", "exact", None)]),
    ("half-a-point", "Rates went up half a percentage point.", [("half a percentage point", "0.5", "percentage_point", "exact", None)]),
    ("more-than", "The Nasdaq was down more than 4.1%.", [("4.1%", "4.1", "percent", "over", None)]),
    ("nearly", "The market lost nearly 22%.", [("22%", "22", "percent", "about", None)]),
    ("almost-words", "It closed down almost three percent.", [("three percent", "3", "percent", "about", None)]),
    ("around", "Banks gained around 10 percent.", [("10 percent", "10", "percent", "about", None)]),
    ("decimals-zero", "The FTSE fell 5.00% today.", [("5.00%", "5", "percent", "exact", None)]),
    ("teen-word", "Stocks lost fourteen percent in a week.", [("fourteen percent", "14", "percent", "exact", None)]),
    ("hyphen-word", "Turnout hit twenty-three percent.", [("twenty-three percent", "23", "percent", "exact", None)]),
    ("one-and-a-half", "Wages grew one and a half percent.", [("one and a half percent", "1.5", "percent", "exact", None)]),
    ("pc", "House prices rose 4pc last year.", [("4pc", "4", "percent", "exact", None)]),
    ("pp", "Margins widened 2.5pp.", [("2.5pp", "2.5", "percentage_point", "exact", None)]),
    ("percent-points", "Support fell 4 percent points in a month.", [("4 percent points", "4", "percentage_point", "exact", None)]),
    ("percent-to-percent", "Costs rose 5 percent to 6 percent.", [("5 percent", "5", "percent", "exact", None), ("6 percent", "6", "percent", "exact", None)]),
    ("in-parentheses", "The tax (7 percent) is due in May.", [("7 percent", "7", "percent", "exact", None)]),
    ("rate-points", "The jobless rate climbed 0.3 points to 5.1%.",
     [("0.3 points", "0.3", "percentage_point", "exact", None), ("5.1%", "5.1", "percent", "exact", None)]),
    ("index-points-and-percent", "The Dow fell 500 points, or 4.5%.", [("4.5%", "4.5", "percent", "exact", None)]),
    ("parenthesised", "Their share (19.9%) stays with the parent.", [("19.9%", "19.9", "percent", "exact", None)]),
    # the shortcut for a plain number glued to "%" must leave ranges and second marks to the rule
    ("glued-then-dash", "Yields rose 5%-7% this year.", [("5%-7%", "5", "percent", "range", "7")]),
    ("glued-then-spaced-dash", "Costs rose 5% - 7% this year.", [("5% - 7%", "5", "percent", "range", "7")]),
    ("glued-then-second-mark", "A 5% pct rise was seen.", [("5% pct", "5", "percent", "exact", None)]),
    ("glued-two-spaces-to", "It rose 5%  to 7% later.", [("5%", "5", "percent", "exact", None), ("7%", "7", "percent", "exact", None)]),
    ("glued-then-to-word", "Sales rose 5% tomorrow, analysts say.", [("5%", "5", "percent", "exact", None)]),
    ("glued-grouped", "It rose by 5,000% in a decade.", [("5,000%", "5000", "percent", "exact", None)]),
    # token starts that cannot begin a number ("a", "of", a digit after a comma) are not tried
    ("a-before-number", "Analysts expect a 5% rise.", [("5%", "5", "percent", "exact", None)]),
    ("of-before-range", "Tax of 15-20% applies.", [("15-20%", "15", "percent", "range", "20")]),
    # "points" after a lone number of 100 or more is skipped without the rule; smaller ones are read
    ("index-points-then-percent", "The index fell 340 points and 2% on Friday.", [("2%", "2", "percent", "exact", None)]),
    ("grouped-index-points", "The Dow lost 2,328.45 points, or 4.5%.", [("4.5%", "4.5", "percent", "exact", None)]),
    ("rate-points-over-100", "The jobless rate rose 120 points to 5%.", [("5%", "5", "percent", "exact", None)]),
    ("rate-points-small", "The rate fell 0.3 points and inflation 2%.",
     [("0.3 points", "0.3", "percentage_point", "exact", None), ("2%", "2", "percent", "exact", None)]),
]

NOT_PERCENTAGES = [
    ("out-of", "Two out of 5 voters stayed home."),
    ("a-third", "A third of the staff left."),
    ("basis-points", "The Fed raised rates by 110 basis points."),
    ("brand", "He bought milk at the 7-Eleven."),
    ("dow-points", "The Dow fell 200 points on Monday."),
    ("percentage-word", "The percentage of women rose."),
    ("lone-sign", "Use the % key."),
    ("digits-too-long", "Growth of 1234567890123456% is absurd."),
    ("decimals-too-long", "It rose 3.1234567890123% today."),
    ("signed-index-points", "The index slid -366.94 points."),
]


def _rows(text: str):
    return [(m.text, m.value, m.unit, m.qualifier, m.value_max) for m in extract_percentages(text)]


@pytest.mark.parametrize("sentence, expected", [pytest.param(s, e, id=i) for i, s, e in PERCENTAGES])
def test_percentages(sentence: str, expected: list) -> None:
    got = extract_percentages(sentence)
    want = [(t, Decimal(v), u, q, None if vm is None else Decimal(vm)) for t, v, u, q, vm in expected]
    assert _rows(sentence) == want, f"rules fired: {[m.rule for m in got]}"
    for m in got:
        assert sentence[m.start:m.end] == m.text


@pytest.mark.parametrize("sentence", [pytest.param(s, id=i) for i, s in NOT_PERCENTAGES])
def test_not_percentages(sentence: str) -> None:
    assert _rows(sentence) == []


@pytest.mark.xfail(strict=True, reason="'points' in a poll without a percent figure stays unread (conservative)")
def test_poll_points_without_percent() -> None:
    assert _rows("Her lead in the poll narrowed by 4 points.") != []


def test_rules_are_named() -> None:
    names = [r.name for r in PERCENTAGE_RULES]
    assert len(set(names)) == len(names)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("%0123456789 ,.-/½perctnoiagfvhwd\n")) | st.characters(), max_size=200))
def test_arbitrary_text_never_raises(text: str) -> None:
    for m in extract_percentages(text):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.value_max is None or m.value_max > m.value
