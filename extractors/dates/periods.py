"""Calendar periods as TIMEX3 values: the constructors for each grain, and calendar arithmetic."""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Final

from extractors.calendar_words import SEASONS


@dataclass(frozen=True, slots=True)
class Period:
    """A TIMEX3 value with its grain and, when fully known, its half-open interval."""

    value: str
    grain: str
    start: date | None = None
    end: date | None = None


# The builders of the common grains are cached: news repeats the same few years and days, and a
# frozen dataclass is slow to build. maxsize bounds the memory on hostile text.
@lru_cache(maxsize=4096)
def year(y: int | None) -> Period:
    if y is None:
        return Period("XXXX", "year")
    return Period(f"{y:04d}", "year", date(y, 1, 1), date(y + 1, 1, 1))


@lru_cache(maxsize=4096)
def month(y: int | None, mo: int) -> Period:
    if y is None:
        return Period(f"XXXX-{mo:02d}", "month")
    end = date(y + 1, 1, 1) if mo == 12 else date(y, mo + 1, 1)
    return Period(f"{y:04d}-{mo:02d}", "month", date(y, mo, 1), end)


@lru_cache(maxsize=4096)
def day(y: int | None, mo: int, d: int) -> Period | None:
    """The day, or None when it does not exist (February 30; February 29 of any year if unknown)."""
    if y is None:
        return Period(f"XXXX-{mo:02d}-{d:02d}", "day") if d <= _MAX_DAYS[mo] else None
    if d > calendar.monthrange(y, mo)[1]:
        return None
    start = date(y, mo, d)
    return Period(start.isoformat(), "day", start, start + timedelta(days=1))


_MAX_DAYS: Final = {mo: calendar.monthrange(2000, mo)[1] for mo in range(1, 13)}


@lru_cache(maxsize=4096)
def day_of(d: date | None) -> Period:
    if d is None:
        return Period("XXXX-XX-XX", "day")
    return Period(d.isoformat(), "day", d, d + timedelta(days=1))


def quarter(y: int | None, q: int) -> Period:
    if y is None:
        return Period(f"XXXX-Q{q}", "quarter")
    start = date(y, 3 * q - 2, 1)
    end = date(y + 1, 1, 1) if q == 4 else date(y, 3 * q + 1, 1)
    return Period(f"{y:04d}-Q{q}", "quarter", start, end)


def half(y: int | None, h: int) -> Period:
    if y is None:
        return Period(f"XXXX-H{h}", "half")
    end = date(y + 1, 1, 1) if h == 2 else date(y, 7, 1)
    return Period(f"{y:04d}-H{h}", "half", date(y, 6 * h - 5, 1), end)


def season(y: int | None, code: str, first_month: int) -> Period:
    if y is None:
        return Period(f"XXXX-{code}", "season")
    start = date(y, first_month, 1)
    end = date(y + 1, 3, 1) if first_month == 12 else date(y, first_month + 3, 1)
    return Period(f"{y:04d}-{code}", "season", start, end)


def week(d: date | None, weekend: bool = False) -> Period:
    if d is None:
        return Period("XXXX-WXX-WE" if weekend else "XXXX-WXX", "weekend" if weekend else "week")
    iso_year, iso_week, iso_day = d.isocalendar()
    monday = d - timedelta(days=iso_day - 1)
    if weekend:
        saturday = monday + timedelta(days=5)
        return Period(f"{iso_year:04d}-W{iso_week:02d}-WE", "weekend", saturday,
                      saturday + timedelta(days=2))
    return Period(f"{iso_year:04d}-W{iso_week:02d}", "week", monday, monday + timedelta(days=7))


def decade(first_three: int | None) -> Period:
    if first_three is None:
        return Period("XXX", "decade")
    y = first_three * 10
    return Period(f"{first_three:03d}", "decade", date(y, 1, 1), date(y + 10, 1, 1))


def century(first_two: int) -> Period:
    y = first_two * 100
    return Period(f"{first_two:02d}", "century", date(max(y, 1), 1, 1), date(y + 100, 1, 1))


def fiscal_year(y: int | None) -> Period:
    return Period("FYXXXX" if y is None else f"FY{y:04d}", "fiscal_year")


def fiscal_part(y: int | None, unit: str, n: int) -> Period:
    """A quarter or half of a fiscal year ("FY2024-Q3"): no calendar interval, as for the fiscal year."""
    code = "Q" if unit == "quarter" else "H"
    return Period(f"{fiscal_year(y).value}-{code}{n}", unit)


def shift_year(p: Period, years: int) -> Period | None:
    """The same period `years` later ("the same month a year ago"), None if it cannot shift."""
    head, sep, rest = p.value.partition("-")
    if p.grain == "fiscal_year" or not head.isdigit() or len(head) != 4 or "X" in rest:  # "2025-QX"
        return None
    y = int(head) + years
    if p.grain == "year":
        return year(y)
    if p.grain == "month":
        return month(y, int(rest))
    if p.grain == "day":
        mo, d = int(rest[:2]), int(rest[3:5])
        return day(y, mo, min(d, calendar.monthrange(y, mo)[1]))
    if p.grain == "quarter":
        return quarter(y, int(rest[1]))
    if p.grain == "half":
        return half(y, int(rest[1]))
    if p.grain == "season":
        code = rest
        first = next(m for c, m in SEASONS.values() if c == code)
        return season(y, code, first)
    return year(y)


def relative_unit(ref: date | None, unit: str, offset: int) -> Period:
    """The period `offset` units from the one holding ref: year, month, week, weekend, quarter, half, decade."""
    if unit == "fiscal year":
        return fiscal_year(ref.year + offset if ref else None)
    if ref is None:
        return {"year": year(None), "month": Period("XXXX-XX", "month"),
                "week": week(None), "weekend": week(None, True),
                "quarter": Period("XXXX-QX", "quarter"), "half": Period("XXXX-HX", "half"),
                "decade": decade(None), "day": day_of(None)}[unit]
    if unit == "year":
        return year(ref.year + offset)
    if unit == "month":
        index = ref.year * 12 + ref.month - 1 + offset
        return month(index // 12, index % 12 + 1)
    if unit in ("week", "weekend"):
        return week(ref + timedelta(days=7 * offset), unit == "weekend")
    if unit == "quarter":
        index = ref.year * 4 + (ref.month - 1) // 3 + offset
        return quarter(index // 4, index % 4 + 1)
    if unit == "half":
        index = ref.year * 2 + (ref.month - 1) // 6 + offset
        return half(index // 2, index % 2 + 1)
    if unit == "day":
        return day_of(ref + timedelta(days=offset))
    return decade(ref.year // 10 + offset)
