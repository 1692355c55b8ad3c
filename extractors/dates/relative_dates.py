"""Date rules for dates relative to the reference date or to an earlier mention: "yesterday",
"last year", "the past decade", "two weeks ago", "the same period last year", "the end of the year".

Each rule is added to RULES by the decorator on its build: name, pattern, and where it may
start (extractors/dates/starts.py). Where two rules can match at the same start, the one added
first wins.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Final

import regex

from extractors.calendar_words import (
    AGO_UNITS, COUNT_WORDS, DAY_WORDS, DECADE_RELATIVE_WORDS, MONTHS, NOT_PAST_ED, PAST_VERBS, RELATIVE_OFFSETS,
    RELATIVE_UNITS, RELATIVE_WORDS, SAME_UNITS, SEASONS, SUPERLATIVE_UNITS, SUPERLATIVES, THE_RELATIVE_WORDS,
    WEEKDAYS,
)
from extractors.dates import periods, starts
from extractors.dates.context import (
    COUNT_PREFIX, PERIOD_PREFIX, RELATIVE_PREFIX, SHIFT_PREFIX, THE_PREFIX, Context, Found, clause_start, prefix,
    window,
)
from extractors.dates.fiscal import current_fiscal_year, fiscal_calendar
from extractors.dates.matches import RuleMatch, group, number
from extractors.dates.patterns import FULL_MONTHS, YEAR, alt, cased, either_case
from extractors.dates.periods import Period
from extractors.dates.resolve import direction, today_is_date, weekday_date, year_for_month_day
from extractors.rules import RuleList

RULES: Final[RuleList] = RuleList()


@RULES.add("yesterday", rf"""
    (?P<dayword>{either_case(DAY_WORDS)}|{alt(w.upper() for w in DAY_WORDS)}) \b (?!-)
    """, starts.Word(*DAY_WORDS))
def _day_word(m: RuleMatch, ctx: Context) -> list[Found]:
    word = group(m, "dayword").lower()
    pre = prefix(ctx, m.start(), SHIFT_PREFIX)
    if word == "today" and pre.start == m.start() and not today_is_date(ctx, m.start(), m.end()):
        return []
    ref = ctx.ref
    return [(pre.start, m.end(), periods.day_of(ref + timedelta(days=DAY_WORDS[word]) if ref else None), None)]


@RULES.add("the past decade", rf"(?P<reldec>{either_case(DECADE_RELATIVE_WORDS)}) \s+ decade\b",
           starts.Lead(DECADE_RELATIVE_WORDS, reads=["decade"]))
def _relative_decade(m: RuleMatch, ctx: Context) -> list[Found]:
    offset = RELATIVE_OFFSETS[group(m, "reldec").lower()]
    pre = prefix(ctx, m.start(), THE_PREFIX)
    p = periods.decade((ctx.ref.year + 10 * offset) // 10) if ctx.ref else periods.decade(None)
    return [(pre.start, m.end(), p, pre.mod)]


@RULES.add("last <unit>", rf"""
    (?P<relative>(?:{either_case(RELATIVE_WORDS)})(?:\s+(?:past|coming))?
                |{alt(THE_RELATIVE_WORDS)}) \s+
    (?P<unit>{alt(RELATIVE_UNITS)}
           |(?:{alt(cased(WEEKDAYS))})|(?:{alt(cased(FULL_MONTHS))})
           |(?:{either_case(SEASONS)}))\b
    """, starts.Lead((*RELATIVE_WORDS, *THE_RELATIVE_WORDS),
              reads=[*(unit.split()[0] for unit in RELATIVE_UNITS), *SEASONS, *WEEKDAYS, *FULL_MONTHS]))
def _relative(m: RuleMatch, ctx: Context) -> list[Found]:
    """"last year", "this weekend", "next month", "last Tuesday", "last summer", "the previous year"."""
    words = group(m, "relative").lower().split()
    pre = prefix(ctx, m.start(), RELATIVE_PREFIX)
    if words[0] in THE_RELATIVE_WORDS and not pre.the:
        return []
    if words[0] in RELATIVE_WORDS and pre.the:  # "the last year" is a duration
        return []
    if words[0] == "this" and len(words) > 1:
        offset = -1 if words[1] == "past" else 1
    else:
        offset = RELATIVE_OFFSETS["next" if words[0] == "coming" else words[0]]
    unit = " ".join(group(m, "unit").lower().split())
    start, end, ref, mod = pre.start, m.end(), ctx.ref, pre.mod
    if words[0] == "following" and ctx.last is not None and ctx.last.start is not None:
        ref = ctx.last.start  # "In 2005 ... the following year": after the date last mentioned
    if unit in WEEKDAYS:
        if ref is None:
            return [(start, end, periods.day_of(None), mod)]
        way = "future" if offset > 0 else (direction(ctx, start) if offset == 0 else "past")
        return [(start, end, periods.day_of(weekday_date(ref, WEEKDAYS[unit], way, offset > 0)), mod)]
    if unit in MONTHS:
        mo = MONTHS[unit]
        if ref is None:
            return [(start, end, periods.month(None, mo), mod)]
        y = year_for_month_day(ref, mo, None, {-1: "past", 1: "future"}.get(offset))
        if offset and y == ref.year and mo == ref.month:
            y += offset
        return [(start, end, periods.month(y, mo), mod)]
    if unit in SEASONS:
        code, first = SEASONS[unit]
        if ref is None:
            return [(start, end, periods.season(None, code, first), mod)]
        begun = ref.year if ref >= date(ref.year, first, 1) else ref.year - 1  # latest one begun
        if offset == 0:
            y = ref.year - 1 if first == 12 and ref.month < 3 else ref.year
        elif offset < 0:
            last_end = periods.season(begun, code, first).end  # never None for a known year
            y = begun if last_end is not None and last_end <= ref else begun - 1
        else:
            y = begun + 1
        return [(start, end, periods.season(y, code, first), mod)]
    if unit == "fiscal year" and ref is not None and (fiscal := fiscal_calendar(ctx)) is not None:
        return [(start, end, periods.fiscal_year(current_fiscal_year(fiscal, ref) + offset), mod)]
    return [(start, end, periods.relative_unit(ref, unit, offset), mod)]


@RULES.add("the same period last year", rf"""
    same\s+(?:{"|".join(SAME_UNITS)})
    \s+ (?:last\s+year|a\s+year\s+(?:ago|earlier|before)|(?:of\s+)?the\s+(?:previous|prior)\s+year
          |of\s+last\s+year|(?:of\s+|in\s+)?{YEAR})
    """, starts.Word("same", when=starts.same_unit_follows))
def _same_period(m: RuleMatch, ctx: Context) -> list[Found]:
    """"the same period last year": the previous mention a year (or to the named year) back."""
    pre = prefix(ctx, m.start(), THE_PREFIX)
    if not pre.the:
        return []
    base, named = ctx.last, group(m, "year")
    if base is not None and base.grain not in ("year", "fiscal_year", "decade", "century"):
        head = base.value[:4]
        if head.isdigit():
            shifted = periods.shift_year(base, int(named) - int(head) if named else -1)
            if shifted is not None:
                return [(pre.start, m.end(), shifted, None)]
    if named:
        return [(pre.start, m.end(), periods.year(int(named)), None)]
    return [(pre.start, m.end(), periods.year(ctx.ref.year - 1 if ctx.ref else None), None)]


@RULES.add("<count> <unit>s ago", rf"(?P<unit>{'|'.join(AGO_UNITS)})s? \s+ ago\b",
           starts.Lead((unit + s for unit in AGO_UNITS for s in ("", "s")), reads=["ago"]))
def _ago(m: RuleMatch, ctx: Context) -> list[Found]:
    before = window(ctx, m.start(), 16)
    count = COUNT_PREFIX.search(before)
    if count is None:
        return []
    count_text = count.group("count").lower()
    n = int(count_text) if count_text.isdigit() else COUNT_WORDS[count_text]
    start = m.start() - len(before) + count.start()
    unit, ref = group(m, "unit").lower(), ctx.ref
    if unit in ("day", "week"):
        days = n if unit == "day" else 7 * n
        return [(start, m.end(), periods.day_of(ref - timedelta(days=days) if ref else None), None)]
    if unit == "month":
        return [(start, m.end(), periods.relative_unit(ref, "month", -n), None)]
    if unit == "year":
        return [(start, m.end(), periods.year(ref.year - n if ref else None), None)]
    return [(start, m.end(), periods.decade((ref.year - 10 * n) // 10 if ref else None), None)]


@RULES.add("the day", r"""
    day \b (?<=\b(?:end|ended|ending|ends|close|closed|closing|start|started|starting|began|begin
                 |open|opened|opening|finish|finished|finishing|later\s+in|earlier\s+in)\s+the\s+day)
    (?!['’]s|\s+(?:before|after|of|when|that|where|on|in)\b)
    """, starts.Word("day", after_the=True))
def _the_day(m: RuleMatch, ctx: Context) -> list[Found]:
    """"to end the day", "later in the day": the day last mentioned, else the reference date."""
    start = ctx.text.rfind("the", 0, m.start())  # the pattern's lookbehind holds "the day"
    return [(start, m.end(), ctx.last_day or periods.day_of(ctx.ref), None)]


@RULES.add("<part> of the <unit>", r"""
    (?P<unit>year|month|week|quarter|day)\b (?!['’]s|\s+(?:before|after|of|when|that)\b)
    """, starts.Word("year", "month", "week", "quarter", "day", after_the=True))
def _part_of_unit(m: RuleMatch, ctx: Context) -> list[Found]:
    """"the end of the year", "the start of the day": the period holding the reference date."""
    pre = prefix(ctx, m.start(), PERIOD_PREFIX)
    if pre.mod is None or not pre.the:
        return []
    unit = group(m, "unit").lower()
    p = ctx.last_day or periods.day_of(ctx.ref) if unit == "day" else periods.relative_unit(ctx.ref, unit, 0)
    return [(pre.start, m.end(), p, pre.mod)]


@RULES.add("best <unit> since", rf"""
    (?:{"|".join(SUPERLATIVES)}) \s+ (?P<unit>{"|".join(SUPERLATIVE_UNITS)}) (?=\s+since\b)
    """, starts.Lead(SUPERLATIVES, reads=SUPERLATIVE_UNITS))
def _best_since(m: RuleMatch, ctx: Context) -> list[Found]:
    """"its best week since November": the week holding the reference date."""
    unit = number(m, "unit")
    return [(m.start(unit), m.end(unit), periods.relative_unit(ctx.ref, m[unit].lower(), 0), None)]


# Units of "<count> <unit>s from now" and "in <count> <unit>s" -> days (0: counted in months or years).
_AHEAD_DAYS: Final = {"day": 1, "week": 7, "fortnight": 14, "month": 0, "year": 0}
_AHEAD_UNITS: Final = tuple(_AHEAD_DAYS)
_WEEKDAY_PLURALS: Final = tuple(f"{day}s" for day in WEEKDAYS)


def _ahead(ref: date | None, count: int, unit: str) -> Period:
    """The day, month or year `count` units after ref: "in a week", "two years from now"."""
    days = _AHEAD_DAYS[unit]
    if days:
        return periods.day_of(ref + timedelta(days=days * count) if ref else None)
    if unit == "month":
        return periods.relative_unit(ref, "month", count)
    return periods.year(ref.year + count if ref else None)


def _count_before(ctx: Context, start: int) -> tuple[int, int] | None:
    """(start, value) of the count right before `start` ("two", "2", "a"), None if there is none."""
    before = window(ctx, start, 16)
    count = COUNT_PREFIX.search(before)
    if count is None:
        return None
    text = count.group("count").lower()
    return start - len(before) + count.start(), int(text) if text.isdigit() else COUNT_WORDS[text]


@RULES.add("<count> <unit>s from now", rf"""
    (?:(?P<unit>{alt(_AHEAD_UNITS)})s?|(?P<weekdays>{alt(cased(_WEEKDAY_PLURALS))})) \s+ from \s+ (?:now|today)\b
    """, starts.Lead((*(u + s for u in _AHEAD_UNITS for s in ("", "s")), *_WEEKDAY_PLURALS), reads=["now", "today"]))
def _from_now(m: RuleMatch, ctx: Context) -> list[Found]:
    """"a week from today", "three months from now", "2 Mondays from now" (the second Monday after)."""
    counted = _count_before(ctx, m.start())
    if counted is None or counted[1] == 0:
        return []
    start, n = counted
    weekdays, ref = group(m, "weekdays"), ctx.ref
    if weekdays:
        first = weekday_date(ref, WEEKDAYS[weekdays[:-1].lower()], "future", True) if ref else None
        return [(start, m.end(), periods.day_of(first + timedelta(days=7 * (n - 1)) if first else None), None)]
    return [(start, m.end(), _ahead(ref, n, group(m, "unit").lower()), None)]


@RULES.add("in <count> <unit>s", rf"""
    [Ii]n \s+ (?P<count>[0-9]{{1,2}}|{either_case(COUNT_WORDS)}) \s+ (?P<unit>{alt(_AHEAD_UNITS)})s?\b
    (?:['’]s?\s+time\b)? (?!\s+(?:of|or|and|to|before|after|ago)\b|-)
    """, starts.Lead(("in",), reads=[u + s for u in _AHEAD_UNITS for s in ("", "s")]))
def _in_units(m: RuleMatch, ctx: Context) -> list[Found]:
    """"in a week", "in two weeks' time", "in 3 days": that long after the reference date, when the
    clause is no past event nor a record ("sold out in a week", "the biggest drop in a week")."""
    count_at = number(m, "count")
    clause = ctx.text[max(0, m.start() - 100):m.start()]
    clause = clause[max(clause_start(clause), clause.rfind(",") + 1):]
    if _NOT_AHEAD.search(clause.lower()) is not None:
        return []
    text = m[count_at].lower()
    n = int(text) if text.isdigit() else COUNT_WORDS[text]
    if n == 0:
        return []
    return [(m.start(count_at), m.end(), _ahead(ctx.ref, n, group(m, "unit").lower()), None)]


# In the clause before "in <count> <unit>s": a past tense (not a reporting verb), a superlative,
# an ordinal ("its third cut in five months"), a record, a capacity, or a change by a figure
# ("falling 679 points in one day") make it a span of time, not a date ahead.
_REPORTING: Final = ("said", "told", "announced", "reported", "added", "noted", "stated", "confirmed", "warned")
_NOT_AHEAD: Final = regex.compile(rf"""\b(?:(?!(?:{alt(NOT_PAST_ED)}|{alt(_REPORTING)})\b)[a-z]{{2,}}ed
                                        |(?!(?:{alt(_REPORTING)})\b)(?:{alt(PAST_VERBS)})
                                        |(?!(?:interest|west|rest|request|invest|test|protest|suggest|harvest|
                                              honest|forest|contest|arrest|nest|pest|guest|chest|quest)\b)[a-z]{{2,}}est
                                        |most|worst|best|least|record
                                        |first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth
                                        |time|times|once|twice|only|can|could|within)\b|[0-9%]""",
                            regex.VERBOSE)
