"""A document's fiscal calendar, when the text says when its fiscal year ends ("the fiscal year
ended March 31", "fiscal 2024, which ends Feb. 1", "fiscal 2026, which begins April 1", "the
financial year to June"): there a quarter or half without a year, "2023-24" and "the current
fiscal year" are the fiscal year's (year_parts.py, relative_dates.py).
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Final

import regex

from extractors.calendar_words import MONTHS
from extractors.dates.context import Context
from extractors.dates.patterns import alt

_FISCAL_CALENDAR: Final = regex.compile(rf"""
    \b(?:fiscal|financial) \s+ (?:year|(?P<name>(?:19|20)\d\d)) ,? \s+ (?:(?:which|that) \s+)?
    (?P<verb>ended|ends|ending|end|to|began|begins|beginning|starts|started|starting) \s+ (?:(?:in|on) \s+)?
    (?P<month>{alt(MONTHS)}) \b \.? (?:\s+ (?P<day>\d{{1,2}}) \b)?
    """, regex.IGNORECASE | regex.VERBOSE)
_REPORTING_LAG: Final = 45  # days from a quarter's end to its results
_PAST_FORMS: Final = frozenset({"ended", "to", "ending", "end", "began", "started", "starting"})


def fiscal_calendar(ctx: Context) -> tuple[int, int] | None:
    """The month the text's fiscal year ends in, when it says and that is not December, and its
    name's year against the year it ends in (0: "fiscal 2025" ends in 2025; -1: "fiscal 2024,
    which ends Feb. 1" ends in 2025); read once per document, on demand."""
    known = ctx.hints.get("fiscal calendar")
    if known is None:
        known = ctx.hints["fiscal calendar"] = _read_fiscal_calendar(ctx.text, ctx.ref)
    if not known:
        return None
    end, offset = known.split()
    return int(end), int(offset)


def _read_fiscal_calendar(text: str, ref: date | None) -> str:
    """fiscal_calendar() as "<month> <offset>", or "" when the text does not say."""
    found = _FISCAL_CALENDAR.search(text)
    if found is None or ref is None:
        return ""
    month, verb = MONTHS[found["month"].lower()], found["verb"].lower()
    starts_then = verb.startswith(("beg", "start"))
    # a year that begins April 1 ends in March; one that ends Feb. 1 (52 weeks) is January's
    end = month - 1 if starts_then or found["day"] and int(found["day"]) <= 7 else month
    end = end or 12
    if end == 12:
        return ""
    offset = 0
    if found["name"]:  # the year the named fiscal year ends in: the last such end before the text, or the next
        past = verb in _PAST_FORMS
        if starts_then:
            start_year = (ref.year if month <= ref.month else ref.year - 1) if past else \
                (ref.year if month >= ref.month else ref.year + 1)
            end_year = start_year + 1
        else:
            end_year = (ref.year if end < ref.month else ref.year - 1) if past else \
                (ref.year if end >= ref.month else ref.year + 1)
        offset = int(found["name"]) - end_year
        if offset not in (0, -1):  # no name a company gives its year
            return ""
    return f"{end} {offset}"


def fiscal_year_of_part(calendar: tuple[int, int], ref: date, n: int, months_per_part: int, way: str | None) -> int:
    """The fiscal year of the latest part `n` (a quarter or half) begun by ref, or the next one not
    yet ended in the future, in a fiscal calendar (fiscal_calendar)."""
    end, offset = calendar
    months_in = end + (n - 1) * months_per_part  # its first month, from January of the year the fiscal year starts
    first_month = months_in % 12 + 1
    if way == "future":
        part_year = ref.year if first_month + months_per_part - 1 >= ref.month else ref.year + 1
    else:
        part_year = ref.year if first_month <= ref.month else ref.year - 1
    return part_year - months_in // 12 + 1 + offset  # it ends the year after it starts


def reported_fiscal_year(ref: date, n: int, months_per_part: int, way: str | None) -> int:
    """The fiscal year of part `n` named "fiscal" where the text does not say when its year ends
    ("its fiscal fourth quarter"): results come out some six weeks after the part ends (the part
    ahead ends some six weeks after ref), and a fiscal year is named by the year it ends in."""
    part_end = ref + timedelta(days=_REPORTING_LAG if way == "future" else -_REPORTING_LAG)
    months_after = (12 // months_per_part - n) * months_per_part  # from the part's end to its year's
    return (part_end.year * 12 + part_end.month - 1 + months_after) // 12


def part_under_way(calendar: tuple[int, int], ref: date, n: int, months_per_part: int) -> bool:
    """Whether the latest part `n` begun by ref in a fiscal calendar has not ended by ref's month."""
    first_month = (calendar[0] + (n - 1) * months_per_part) % 12 + 1
    part_year = ref.year if first_month <= ref.month else ref.year - 1
    return part_year * 12 + first_month + months_per_part - 1 > ref.year * 12 + ref.month - 1


def current_fiscal_year(calendar: tuple[int, int], ref: date) -> int:
    """The fiscal year under way on ref, in a fiscal calendar (fiscal_calendar)."""
    end, offset = calendar
    return (ref.year if ref.month <= end else ref.year + 1) + offset
