"""Date rules for expressions that refer back to a period the text has named: the reporting
period of business news ("in the quarter", "the year-ago quarter", "the comparable period last
year", "the latest quarter", "a year earlier") and the day or weekend of a narrative ("that
day", "the same day", "over the weekend").

Each build gives the value the expression has when the text names nothing to refer back to
(from the reference date, or with X's); the temporal-focus pass (focus.py) then resolves it
against the period the text named, or drops it when it cannot stand alone. Each rule is added to
RULES by the decorator on its build; where two rules can match at one start, the first wins.
"""
from __future__ import annotations

from datetime import timedelta
from typing import Final

from extractors.calendar_words import COUNT_WORDS
from extractors.dates import periods, starts
from extractors.dates.context import THE_PREFIX, Context, Found, prefix, word_before
from extractors.dates.matches import RuleMatch, group
from extractors.dates.periods import Period
from extractors.dates.patterns import alt, either_case
from extractors.dates.resolve import direction
from extractors.rules import RuleList

RULES: Final[RuleList] = RuleList()

# The periods a report refers back to ("the quarter", "the year-ago period").
REPORT_UNITS: Final = ("quarter", "half", "period", "month")
# After the unit, words that make it something else than the period itself ("the quarter of a
# century", "the quarter ended Sept. 30", whose date is a mention of its own).
_NOT_THE_PERIOD: Final = r"""(?!['’]s|-|\s+(?:of|ended|ending|ends|to|before|after|that|when|which|in\s+which
                                            |under|covered|between|from)\b)"""
# "last year", "a year ago", "of the previous year" after "the comparable period".
_A_YEAR_BACK: Final = r"""(?:\s+(?:last\s+year|a\s+year\s+(?:ago|earlier|before)
                             |(?:of|in)\s+(?:last|the\s+(?:previous|prior))\s+year))?"""


def _unknown(ref_year: int | None, unit: str) -> Period:
    """The period of `unit` in `ref_year` when which one is unknown: "2025-QX" (ANNOTATION.md)."""
    year = "XXXX" if ref_year is None else f"{ref_year:04d}"
    if unit == "quarter":
        return Period(f"{year}-QX", "quarter")
    if unit == "half":
        return Period(f"{year}-HX", "half")
    if unit == "month":
        return Period(f"{year}-XX", "month")
    return periods.year(ref_year)


@RULES.add("the quarter", rf"""
    (?<!of\sthe\s) (?:(?P<full>full|whole|entire)\s+)? (?P<unit>quarter|half|period|month|year) \b {_NOT_THE_PERIOD}
    """, starts.Word("quarter", "half", "period", "month", "full", "whole", "entire", after_the=True))
def _the_period(m: RuleMatch, ctx: Context) -> list[Found]:
    """"profit rose in the quarter", "forecast growth for the month": the reporting period
    (focus.py); unknown, but in the reference year. "the full year" is the year of the reporting
    period."""
    if group(m, "full") is None and group(m, "unit").lower() == "year":
        return []  # "the year" alone is no date here: only "the full year"
    pre = prefix(ctx, m.start(), THE_PREFIX)
    if pre.mod is not None:  # "the end of the quarter" is <part> of the <unit>
        return []
    if word_before(ctx.text, pre.start) == "on" and _after_change(ctx.text, pre.start - 3):
        return []  # "jumped 2.4% on the month": the change's basis, month on month, no period
    unit = group(m, "unit").lower()
    return [(pre.start, m.end(), _unknown(ctx.ref.year if ctx.ref else None, unit), None)]


def _after_change(text: str, end: int) -> bool:
    """Whether a figure or a word of change ends right before `end` ("2.4%", "up", "higher")."""
    word = word_before(text, end)
    return word[-1:].isdigit() or word.endswith("%") or word in _CHANGE_ENDS


@RULES.add("the year-ago quarter", rf"""
    (?:year\s*[-–]\s*(?:ago|earlier|before)|prior\s*[-–]\s*year|comparable|corresponding)
    \s+ (?P<unit>{alt(REPORT_UNITS)}) \b {_A_YEAR_BACK} (?!['’]s|-)
    """, starts.Word("year", "prior", "comparable", "corresponding", after_the=True))
def _year_ago_period(m: RuleMatch, ctx: Context) -> list[Found]:
    """"the year-ago quarter", "the year-earlier period", "the comparable period last year": the
    reporting period a year back (focus.py); alone, the year before the reference year."""
    pre = prefix(ctx, m.start(), THE_PREFIX)
    unit = group(m, "unit").lower()
    ref_year = ctx.ref.year - 1 if ctx.ref else None
    return [(pre.start, m.end(), _unknown(ref_year, unit), None)]


@RULES.add("the latest quarter", r"""
    (?:latest|most\s+recent) \s+ (?P<unit>quarter|half) \b (?!['’]s|-)
    """, starts.Lead(("latest", "most"), reads=["quarter", "half"]))
def _latest_period(m: RuleMatch, ctx: Context) -> list[Found]:
    """"the latest quarter": the reporting period (focus.py); alone, the last one ended."""
    pre = prefix(ctx, m.start(), THE_PREFIX)
    if not pre.the:
        return []
    unit = group(m, "unit").lower()
    return [(pre.start, m.end(), periods.relative_unit(ctx.ref, unit, -1), None)]


# A change's last word before "on the month": "up 3% on the month", "was flat on the quarter".
_CHANGE_ENDS: Final = frozenset({"percent", "points", "point", "up", "down", "higher", "lower", "flat", "unchanged"})
_EARLIER_COUNTS: Final = {w: n for w, n in COUNT_WORDS.items() if n <= 5}


@RULES.add("a year earlier", rf"""
    (?P<count>{either_case(_EARLIER_COUNTS)}) \s+ (?P<unit>year|quarter|month)s? \s+
    earlier\b (?!\s+than\b)
    """, starts.Lead(_EARLIER_COUNTS, reads=["earlier"]))
def _years_earlier(m: RuleMatch, ctx: Context) -> list[Found]:
    """"sales a year earlier", "148.6 pence a month earlier": the period the text speaks of, a year
    (a quarter, a month) back (focus.py); alone, as "a year ago"."""
    n = COUNT_WORDS[group(m, "count").lower()]
    unit = group(m, "unit").lower()
    if unit == "year":
        return [(m.start(), m.end(), periods.year(ctx.ref.year - n if ctx.ref else None), None)]
    return [(m.start(), m.end(), periods.relative_unit(ctx.ref, unit, -n), None)]


def _that_or_same_before(text: str, start: int, end: int) -> bool:
    """The pattern's look-behind, as a shortcut: "that" or "same" and a space or tab before `start`."""
    return word_before(text, start) in ("that", "same")


@RULES.add("that day", r"""
    (?:(?<=\b[Tt]hat[ \t])|(?<=\b[Ss]ame[ \t])) day \b (?!['’]s|-|\s+(?:as|before|after|of|when|that)\b)
    """, starts.Word("day", when=_that_or_same_before))
def _that_day(m: RuleMatch, ctx: Context) -> list[Found]:
    """"that day", "the same day", "that same day": the day last mentioned (focus.py), else none."""
    text, start = ctx.text, m.start()
    word = word_before(text, start)
    start -= len(word) + 1
    if word == "same":
        before = word_before(text, start)
        if before not in ("the", "that"):
            return []
        start -= len(before) + 1
    return [(start, m.end(), ctx.last_day or periods.day_of(None), None)]  # as the pass will, for the scan's ctx.last


_WEEKEND_PREPOSITIONS: Final = frozenset({"over", "during", "on", "at", "through", "throughout"})


@RULES.add("the weekend", r"weekend \b (?!['’]s|-|\s+(?:of|before|after)\b)", starts.Word("weekend", after_the=True))
def _the_weekend(m: RuleMatch, ctx: Context) -> list[Found]:
    """"over the weekend": the weekend last mentioned (focus.py); alone, the last one begun by the
    reference date, or the next in a sentence about the future."""
    start = m.start() - 4  # "the "
    if word_before(ctx.text, start) not in _WEEKEND_PREPOSITIONS:
        return []
    ref = ctx.ref
    if ref is None:
        return [(start, m.end(), periods.week(None, True), None)]
    weekday = ref.isoweekday()
    if weekday >= 6:
        saturday = ref - timedelta(days=weekday - 6)
    elif direction(ctx, start) == "future":
        saturday = ref + timedelta(days=6 - weekday)
    else:
        saturday = ref - timedelta(days=weekday + 1)
    return [(start, m.end(), periods.week(saturday, True), None)]
