"""What a row of the date tables is (tests/test_dates*.py, test_holidays.py, test_focus.py):
a sentence, its reference date and the dates expected in it, with where it came from."""
from __future__ import annotations

from datetime import date
from typing import NamedTuple

REF = date(2025, 7, 10)  # a Thursday
REF_2004 = date(2004, 11, 24)
REF_2017 = date(2017, 2, 15)
DUCKLING_NOW = date(2013, 2, 12)  # the "now" of duckling's Time/EN/Corpus.hs, a Tuesday


class Date(NamedTuple):
    """A date expected in a sentence; `grain` and `rule` are checked only where a row gives them."""
    text: str
    value: str  # TIMEX3
    mod: str | None = None
    grain: str | None = None
    rule: str | None = None


class Example(NamedTuple):
    """A sentence, its reference date and the dates in it, none for a negative; `gap` says why it fails today."""
    id: str
    sentence: str
    found: tuple[Date, ...]
    source: str
    reference: date | None = None
    gap: str = ""


def example(id: str, sentence: str, *found: Date, source: str, reference: date | None = None,
            gap: str = "") -> Example:
    return Example(id, sentence, found, source, reference, gap)


def negative(id: str, sentence: str, *, source: str, reference: date | None = REF) -> Example:
    """A sentence with no date in it, even with a reference date to resolve against."""
    return Example(id, sentence, (), source, reference)


def examples(value: str, phrasings: list[str], *, source: str, frame: str = "{}", reference: date | None = None,
             mod: str | None = None, grain: str | None = None) -> list[Example]:
    """duckling's `examples`: one date, many ways of writing it; each phrasing is the whole mention."""
    return [Example(f"{value}{' ' + mod if mod else ''}: {p}", frame.format(p),
                    (Date(p, value=value, mod=mod, grain=grain),), source, reference)
            for p in phrasings]
