"""Date rules for calendar dates: a month with its day or year, a weekday, numeric dates.

Each rule is added to RULES by the decorator on its build: name, pattern, and where it may
start (extractors/dates/starts.py). Where two rules can match at the same start, the one added
first wins: longer forms come first.
"""
from __future__ import annotations

from typing import Final

from extractors.calendar_words import MONTHS, WEEKDAYS
from extractors.dates import periods, starts
from extractors.dates.context import (
    DATE_PREFIX, DAY_FIRST_PREFIX, HOLIDAY_PREFIX, HOLIDAY_WORDS, PART_PREFIX, Context, Found, glued,
    may_end_with, prefix, window, year_cue_before,
)
from extractors.dates.matches import LISTED_YEAR, RuleMatch, group, listed, month_number, number
from extractors.dates.patterns import (
    ANY_MONTH, DAY, FULL_MONTHS, MONTH, MONTH_ALONE, NOT_NAME_NEXT, WEEKDAY, YEAR, YEAR_ALONE,
)
from extractors.dates.resolve import direction, two_digit_year, weekday_date, year_for_month_day
from extractors.rules import RuleList

RULES: Final[RuleList] = RuleList()


@RULES.add("<month> <day>, <year>", rf"""
    {MONTH} \s* {DAY} (?:\s*,\s*|\s+) {YEAR}
    (?P<more>(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){YEAR_ALONE})*+)    # "December 31, 2016, 2015 and 2014"
    """, starts.Name(MONTHS, next="0"))
def _month_day_year(m: RuleMatch, ctx: Context) -> list[Found]:
    mo, d = month_number(m), int(group(m, "day"))
    start = m.start()
    day_first = start == m.start(number(m, "day"))
    if day_first and glued(ctx.text, start):
        return []
    first = periods.day(int(group(m, "year")), mo, d) if d else None
    if first is None:
        return []
    pre = prefix(ctx, start, DAY_FIRST_PREFIX if day_first else DATE_PREFIX)
    found = [(pre.start, m.end(number(m, "year")), first, pre.mod)]
    for s, e in listed(m, "more", LISTED_YEAR, ctx.text):  # "December 31, 2016, 2015 and 2014"
        p = periods.day(int(ctx.text[s:e]), mo, d)
        if p is not None:
            found.append((s, e, p, None))
    return found


RULES.add("<day> <month> <year>", rf"{DAY} (?:\s+of)? \s+ {MONTH} ,? \s+ {YEAR}",
          starts.Digits(" stnr"))(_month_day_year)


@RULES.add("<month> <year>", rf"{MONTH} (?:\s+of)? ,? \s+ {YEAR}", starts.Name(MONTHS, next="0,o"))
def _month_year(m: RuleMatch, ctx: Context) -> list[Found]:
    pre = prefix(ctx, m.start(), PART_PREFIX)
    return [(pre.start, m.end(), periods.month(int(group(m, "year")), month_number(m)), pre.mod)]


@RULES.add("<month> <day>", rf"{MONTH} \s* {DAY} (?!\s*,?\s*[0-9])", starts.Name(MONTHS, next="0"))
def _month_day(m: RuleMatch, ctx: Context) -> list[Found]:
    mo, d = month_number(m), int(group(m, "day"))
    day_first = m.start() == m.start(number(m, "day"))
    if not d or (day_first and glued(ctx.text, m.start())):
        return []
    pre = prefix(ctx, m.start(), DAY_FIRST_PREFIX if day_first else DATE_PREFIX)
    y = year_for_month_day(ctx.ref, mo, d, direction(ctx, pre.start)) if ctx.ref else None
    p = periods.day(y, mo, d)
    return [(pre.start, m.end(), p, pre.mod)] if p else []


RULES.add("<day> <month>", rf"{DAY} (?:\s+of)? \s+ {MONTH}", starts.Digits(" stnr"))(_month_day)


@RULES.add("<month>", rf"{MONTH_ALONE} (?!\s*-) {NOT_NAME_NEXT}", starts.Name(FULL_MONTHS))
def _month(m: RuleMatch, ctx: Context) -> list[Found]:
    """A month alone: "in October", "their January sales"; "May" only after a preposition."""
    pre = prefix(ctx, m.start(), PART_PREFIX)
    if group(m, "month").lower() == "may" and pre.mod is None and not year_cue_before(ctx, m.start()):
        return []
    mo = month_number(m)
    y = year_for_month_day(ctx.ref, mo, None, direction(ctx, pre.start)) if ctx.ref else None
    return [(pre.start, m.end(), periods.month(y, mo), pre.mod)]


@RULES.add("<weekday>", rf"""
    {WEEKDAY} (?!-|,?\s+(?:the\s+)?(?:[0-9]|{ANY_MONTH}))  # not "Tuesday, March 3"
    """, starts.Name(WEEKDAYS))
def _weekday(m: RuleMatch, ctx: Context) -> list[Found]:
    before = window(ctx, m.start(), 16)
    if may_end_with(before, HOLIDAY_WORDS) and HOLIDAY_PREFIX.search(before):  # "Black Monday"
        return []
    if ctx.ref is None:
        return [(m.start(), m.end(), periods.day_of(None), None)]
    d = weekday_date(ctx.ref, WEEKDAYS[group(m, "weekday").lower()], direction(ctx, m.start()), False)
    return [(m.start(), m.end(), periods.day_of(d), None)]


@RULES.add("<yyyy>-<mm>-<dd>", r"""
    (?P<yyyy>(?:1[6-9]|2[01])[0-9]{2}) - (?P<mm>[01][0-9]) - (?P<dd>[0-3][0-9]) (?![\w-]|[.,:/]\d)
    """, starts.Year())
def _iso(m: RuleMatch, ctx: Context) -> list[Found]:
    mo, d = int(group(m, "mm")), int(group(m, "dd"))
    ok = 1 <= mo <= 12 and d >= 1 and not glued(ctx.text, m.start())
    p = periods.day(int(group(m, "yyyy")), mo, d) if ok else None
    return [(m.start(), m.end(), p, None)] if p else []


@RULES.add("<mm>/<dd>/<yy>", r"""
    (?P<a>[0-9]{1,2}) / (?P<b>[0-9]{1,2}) / (?P<y>[0-9]{4}|[0-9]{2}) (?![\w/]|[.,]\d)
    """, starts.Digits("/"))
def _numeric(m: RuleMatch, ctx: Context) -> list[Found]:
    a, b, y = int(group(m, "a")), int(group(m, "b")), group(m, "y")
    mo, d = (a, b) if a <= 12 else (b, a)  # US month/day unless the first cannot be a month
    year = int(y) if len(y) == 4 else two_digit_year(int(y), ctx.ref)
    ok = 1 <= mo <= 12 and d >= 1 and 1600 <= year <= 2199 and not glued(ctx.text, m.start())
    p = periods.day(year, mo, d) if ok else None
    return [(m.start(), m.end(), p, None)] if p else []
