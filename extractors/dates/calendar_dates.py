"""Date rules for calendar dates: a month with its day or year, a weekday, numeric dates.

Each rule is added to RULES by the decorator on its build: name, pattern, and where it may
start (extractors/dates/starts.py). Where two rules can match at the same start, the one added
first wins: longer forms come first.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Final

from extractors.calendar_words import (
    AMBIGUOUS_SHORT_WEEKDAYS, COUNT_WORDS, DATE_CUES, DAY_ORDINALS, MONTHS, RELATIVE_OFFSETS, SHORT_WEEKDAYS, WEEKDAYS,
)
from extractors.dates import periods, starts
from extractors.dates.context import (
    DATE_PREFIX, DAY_FIRST_PREFIX, HOLIDAY_PREFIX, HOLIDAY_WORDS, PART_PREFIX, Context, Found, glued,
    may_end_with, prefix, window, word_before, year_cue_before,
)
from extractors.dates.matches import LISTED_YEAR, RuleMatch, group, listed, month_number, number
from extractors.dates.patterns import (
    ANY_MONTH, DAY, FULL_MONTHS, MONTH, MONTH_ALONE, NOT_NAME_NEXT, WEEKDAY, YEAR, YEAR_ALONE,
    alt, cased, either_case,
)
from extractors.dates.periods import Period
from extractors.dates.resolve import (
    day_of_month, direction, two_digit_year, weekday_date, weekday_day_of_month, year_for_month_day,
)
from extractors.rules import RuleList

RULES: Final[RuleList] = RuleList()

_DAY_ORDINAL: Final = rf"(?P<dayword>{alt(DAY_ORDINALS)})(?![\w-])"  # "third", "twenty-first"
_OPTIONAL_YEAR: Final = rf"(?:(?:\s*,\s*|\s+){YEAR})?"
# What may follow a day written alone ("on the 14th.", "March first and"), not a noun ("the 14th
# floor", "January third parties").
_DAY_END: Final = r"""(?=[^\S\n]*(?:[.,;:!?)]|\Z)
                         |[^\S\n]+(?:and|or|to|at|in|on|when|as|for|with|after|before|until|but)\b)"""
# Words before "<ordinal> of <month>" that make the ordinal a share: "a third of June's output".
_NOT_A_DAY: Final = frozenset({*COUNT_WORDS, "half", "quarter"})
_TWO_OR_FOUR_DIGIT_YEAR: Final = r"(?P<y>(?:1[6-9]|2[01])[0-9]{2}|[0-9]{2})(?![\w-]|[.,:/][0-9])"


def _weekday_number(word: str) -> int | None:
    """ISO number of a weekday's name or abbreviation as written ("Wed.", "Tuesday,"), else None."""
    key = word.rstrip(".,").lower()
    return WEEKDAYS.get(key) or SHORT_WEEKDAYS.get(key)


def _day_with_weekday(ctx: Context, pre_start: int, start: int, allow: frozenset[str], y: int | None,
                      mo: int, d: int, year_written: bool) -> tuple[int, Period | None]:
    """The span's start and day once the weekday the prefix may hold is read ("Wed, Aug 13, 2025").

    The weekday belongs to the span. Without a written year it picks the year: when the policy's
    year does not fall on it, the year before or after that does ("Fri, Jul 18" is the nearest
    Friday July 18, as duckling reads it). A written date that disagrees with its weekday keeps its
    own value (the numbers are the date; a gold annotator writes them), the weekday in its span.
    After "the" the word is a name ("the Sun, March 3"), left out.
    """
    p = periods.day(y, mo, d)
    if pre_start == start or p is None:
        return pre_start, p
    weekday = _weekday_number(ctx.text[pre_start:start].split(None, 1)[0])
    if weekday is None:
        return pre_start, p
    if word_before(ctx.text, pre_start) == "the":
        return prefix(ctx, start, allow - {"weekday"}).start, p
    if y is not None and not year_written and date(y, mo, d).isoweekday() != weekday:
        for other in (y - 1, y + 1):
            q = periods.day(other, mo, d)
            if q is not None and q.start is not None and q.start.isoweekday() == weekday:
                return pre_start, q
    return pre_start, p


@RULES.add("<month> <day>, <year>", rf"""
    {MONTH} \s* {DAY} (?:\s*,\s*|\s+) {YEAR}
    (?P<more>(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){YEAR_ALONE})*+)    # "December 31, 2016, 2015 and 2014"
    """, starts.Name(MONTHS, next="0"))
def _month_day_year(m: RuleMatch, ctx: Context) -> list[Found]:
    mo, d = month_number(m), int(group(m, "day"))
    start = m.start()
    day_first = start == m.start(number(m, "day"))
    if not d or (day_first and glued(ctx.text, start)):
        return []
    allow = DAY_FIRST_PREFIX if day_first else DATE_PREFIX
    pre = prefix(ctx, start, allow)
    span_start, first = _day_with_weekday(ctx, pre.start, start, allow, int(group(m, "year")), mo, d, True)
    if first is None:
        return []
    found = [(span_start, m.end(number(m, "year")), first, pre.mod)]
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
    allow = DAY_FIRST_PREFIX if day_first else DATE_PREFIX
    pre = prefix(ctx, m.start(), allow)
    y = year_for_month_day(ctx.ref, mo, d, direction(ctx, pre.start)) if ctx.ref else None
    start, p = _day_with_weekday(ctx, pre.start, m.start(), allow, y, mo, d, False)
    return [(start, m.end(), p, pre.mod)] if p else []


RULES.add("<day> <month>", rf"{DAY} (?:\s+of)? \s+ {MONTH}", starts.Digits(" stnr"))(_month_day)


@RULES.add("<month> the <day>", rf"""
    {MONTH} \s+ the \s+ (?:(?P<day>[0-3]?[0-9])(?:st|nd|rd|th)\b|{_DAY_ORDINAL})  # not "March the 3 firms"
    {_OPTIONAL_YEAR}                                                   # "February the 15th", "June the third"
    """, starts.Name(MONTHS, next="t"))
def _month_ordinal(m: RuleMatch, ctx: Context) -> list[Found]:
    day, word = group(m, "day"), group(m, "dayword")
    d = int(day) if day else DAY_ORDINALS[word.lower()]
    start, year = m.start(), group(m, "year")
    ordinal_first = day is None and start == m.start(number(m, "dayword"))  # "third of June"
    if ordinal_first and word_before(ctx.text, start) in _NOT_A_DAY:  # "a third of June's sales" is a share
        return []
    allow = DAY_FIRST_PREFIX if ordinal_first else DATE_PREFIX
    pre = prefix(ctx, start, allow)
    mo = month_number(m)
    y = int(year) if year else year_for_month_day(ctx.ref, mo, d, direction(ctx, pre.start)) if ctx.ref else None
    span_start, p = _day_with_weekday(ctx, pre.start, start, allow, y, mo, d, bool(year))
    return [(span_start, m.end(), p, pre.mod)] if d and p else []

RULES.add("<month> <ordinal day>", rf"{MONTH} \s+ {_DAY_ORDINAL} {_OPTIONAL_YEAR} {_DAY_END}",  # "March first"
          starts.Name(MONTHS, next="fsten"))(_month_ordinal)
RULES.add("<ordinal day> of <month>", rf"""
    (?P<dayword>{either_case(DAY_ORDINALS)}) \s+ of \s+ {MONTH} {_OPTIONAL_YEAR}   # "third of June"
    """, starts.Lead(DAY_ORDINALS, reads=MONTHS))(_month_ordinal)


@RULES.add("<Mon>-<yy>", rf"{MONTH} - {_TWO_OR_FOUR_DIGIT_YEAR}", starts.Name(MONTHS, next="-"))
def _month_dash_year(m: RuleMatch, ctx: Context) -> list[Found]:
    """"Mar-15" is March 2015: the spreadsheet's month-year form (its day-month form is "15-Mar")."""
    if glued(ctx.text, m.start()):
        return []
    y = group(m, "y")
    year = int(y) if len(y) == 4 else two_digit_year(int(y), ctx.ref)
    return [(m.start(), m.end(), periods.month(year, month_number(m)), None)]


@RULES.add("<month> last year", rf"""
    {MONTH_ALONE} (?:\s+of)? \s+ (?P<yearrel>last|this|next) \s+ year\b (?!['’]s)
    """, starts.Name(FULL_MONTHS, next="oltn"))
def _month_of_relative_year(m: RuleMatch, ctx: Context) -> list[Found]:
    """"December last year", "January this year", "June of next year": that month of that year."""
    pre = prefix(ctx, m.start(), PART_PREFIX)
    y = ctx.ref.year + RELATIVE_OFFSETS[group(m, "yearrel").lower()] if ctx.ref else None
    return [(pre.start, m.end(), periods.month(y, month_number(m)), pre.mod)]


# "the September quarter" is a quarter (year_parts.py): fixed-width look-behinds keep the pattern `re`'s
@RULES.add("<month>", rf"""
    {MONTH_ALONE}
    (?!\s*-|(?:(?<=(?i:arch))|(?<=(?i:june))|(?<=(?i:tember))|(?<=(?i:cember)))\s+(?i:quarter|half)\b)
    {NOT_NAME_NEXT}
    """, starts.Name(FULL_MONTHS))
def _month(m: RuleMatch, ctx: Context) -> list[Found]:
    """A month alone: "in October", "their January sales"; "May" only after a preposition."""
    pre = prefix(ctx, m.start(), PART_PREFIX)
    if group(m, "month").lower() == "may" and pre.mod is None and not year_cue_before(ctx, m.start()):
        return []
    mo = month_number(m)
    y = year_for_month_day(ctx.ref, mo, None, direction(ctx, pre.start)) if ctx.ref else None
    return [(pre.start, m.end(), periods.month(y, mo), pre.mod)]


@RULES.add("<weekday> the <day>", rf"""
    {WEEKDAY} ,? \s+ (?P<the>the\s+)? (?P<day>[0-3]?[0-9]) (?P<suffix>st|nd|rd|th)? \b
    (?![.,:/-]?[0-9]|\s*(?:of\s+)?{ANY_MONTH}|\s*(?:%|percent|[ap]\.?m\b))   # not "Tuesday 3 March", "Fri 3 pm"
    """, starts.Name((*WEEKDAYS, *SHORT_WEEKDAYS), next="0t"))
def _weekday_day(m: RuleMatch, ctx: Context) -> list[Found]:
    """"Tuesday the 19th", "Thu 15th": the day of the nearest month that falls on that weekday."""
    d = int(group(m, "day"))
    if not (group(m, "the") or group(m, "suffix")) or not 1 <= d <= 31:  # "on Friday 13 people died"
        return []
    weekday = _weekday_number(group(m, "weekday"))
    if weekday is None or word_before(ctx.text, m.start()) == "the":
        return []
    if ctx.ref is None:
        return [(m.start(), m.end(), Period(f"XXXX-XX-{d:02d}", "day"), None)]
    day = weekday_day_of_month(ctx.ref, weekday, d, direction(ctx, m.start()))
    return [(m.start(), m.end(), periods.day_of(day), None)] if day else []


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


_RELATIVE_WEEKDAY: Final = {"last": -1, "this": 0, "next": 1}


@RULES.add("<weekday abbreviation>", rf"""
    (?P<weekday>{alt(cased(SHORT_WEEKDAYS))})\b                   # without a dot: it may end the sentence
    (?!-|\.?,?\s+(?:the\s+)?(?:[0-9]|{ANY_MONTH}))                # not "Wed, Aug 13" (a prefix there)
    """, starts.Name(SHORT_WEEKDAYS))
def _short_weekday(m: RuleMatch, ctx: Context) -> list[Found]:
    """"on Thu", "see you Tues", "next Wed": an abbreviated weekday; one that is also a word ("Sat",
    "Sun") only where a word before makes it a weekday."""
    text, start = ctx.text, m.start()
    cue = word_before(text, start)
    offset = _RELATIVE_WEEKDAY.get(cue)
    abbreviation = group(m, "weekday").lower()
    if offset is None and cue not in DATE_CUES and abbreviation in AMBIGUOUS_SHORT_WEEKDAYS:
        return []
    weekday = SHORT_WEEKDAYS[abbreviation]
    if offset is not None and text[start - 1 - len(cue):start - 1].lower() == cue:  # the span takes "next"
        start -= 1 + len(cue)
    elif offset is not None:
        offset = None
    if ctx.ref is None:
        return [(start, m.end(), periods.day_of(None), None)]
    way = "future" if offset == 1 else "past" if offset == -1 else direction(ctx, start)
    return [(start, m.end(), periods.day_of(weekday_date(ctx.ref, weekday, way, offset == 1)), None)]


@RULES.add("<yyyy>-<mm>-<dd>", r"""
    (?P<yyyy>(?:1[6-9]|2[01])[0-9]{2}) - (?P<mm>[01][0-9]) - (?P<dd>[0-3][0-9]) (?![\w-]|[.,:/]\d)
    """, starts.Year())
def _iso(m: RuleMatch, ctx: Context) -> list[Found]:
    mo, d = int(group(m, "mm")), int(group(m, "dd"))
    ok = 1 <= mo <= 12 and d >= 1 and not glued(ctx.text, m.start())
    p = periods.day(int(group(m, "yyyy")), mo, d) if ok else None
    return [(m.start(), m.end(), p, None)] if p else []


# Numeric dates in a document that show which number is the day: a day above 12 first ("17/06/2024")
# or second ("06/17/2024"), with a year or after a cue word ("on 17/06"; not "from 13-14", a range).
_NUMERIC_DATE: Final = re.compile(r"""(?<![\w/.,-])(?:(?P<cue>on|by|from|until|since|before|after)\s+)?
    (?P<a>[0-9]{1,2}) (?P<sep>[/.-]) (?P<b>[0-9]{1,2}) (?P<y>(?P=sep)(?:[0-9]{4}|[0-9]{2}))?
    (?![\w/-]|[.,][0-9])""", re.X)


def numeric_order(ctx: Context) -> str:
    """"dmy" when the document's numeric dates put the day first, "mdy" when they put the month first,
    "" when they do not say (or say both); read once per document, on demand."""
    order = ctx.hints.get("numeric order")
    if order is None:
        day_first = month_first = False
        for found in _NUMERIC_DATE.finditer(ctx.text):
            if found["y"] or (found["cue"] and found["sep"] != "-"):
                a, b = int(found["a"]), int(found["b"])
                day_first = day_first or (12 < a <= 31 and 1 <= b <= 12 and (a, b) != (24, 7))
                month_first = month_first or (12 < b <= 31 and 1 <= a <= 12)
        order = "" if day_first == month_first else "dmy" if day_first else "mdy"
        ctx.hints["numeric order"] = order
    return order


def _month_and_day(ctx: Context, a: int, b: int, day_first: bool) -> tuple[int, int] | None:
    """(month, day) of a numeric date's first two numbers: whichever cannot be a month is the day;
    when both can, the document's order, else `day_first` (true of dots, false of slashes: US)."""
    if not (1 <= a <= 31 and 1 <= b <= 31) or (a > 12 and b > 12):
        return None
    if a > 12 or b > 12:
        return (b, a) if a > 12 else (a, b)
    order = numeric_order(ctx)
    return (b, a) if order == "dmy" or (day_first and order != "mdy") else (a, b)


@RULES.add("<mm>/<dd>/<yy>", r"""
    (?P<a>[0-9]{1,2}) / (?P<b>[0-9]{1,2}) / (?P<y>[0-9]{4}|[0-9]{2}) (?![\w/]|[.,]\d)
    """, starts.Digits("/"))
def _numeric(m: RuleMatch, ctx: Context) -> list[Found]:
    """"12/31/68", "17/06/2024"; both numbers 12 or less: US month/day unless the document says otherwise."""
    if glued(ctx.text, m.start()):
        return []
    y = group(m, "y")
    year = int(y) if len(y) == 4 else two_digit_year(int(y), ctx.ref)
    order = _month_and_day(ctx, int(group(m, "a")), int(group(m, "b")), False)
    if order is None or not 1600 <= year <= 2199:
        return []
    pre = prefix(ctx, m.start(), DATE_PREFIX)
    start, p = _day_with_weekday(ctx, pre.start, m.start(), DATE_PREFIX, year, order[0], order[1], True)
    return [(start, m.end(), p, None)] if p else []


@RULES.add("<dd>.<mm>.<yyyy>", r"""
    (?:(?<=[0-9]\.[0-9]\.)|(?<=[0-9]\.[0-9]{2}\.))   # found at its year: "1.5" needs no anchor of its own
    (?P<y>(?:1[6-9]|2[01])[0-9]{2}) (?!\w|[.,:/]\d)
    """, starts.Year())
def _dotted(m: RuleMatch, ctx: Context) -> list[Found]:
    """"15.01.2024", "10.31.1974", "07-15-2025": whichever number cannot be a month is the day;
    else the document's order, else day first with dots and month first with hyphens (US)."""
    text, year_start = ctx.text, m.start()
    found = _DOTTED_BEFORE.search(text, max(0, year_start - 6), year_start)
    if found is None or glued(text, found.start()):
        return []
    order = _month_and_day(ctx, int(found["a"]), int(found["b"]), found["sep"] == ".")
    if order is None:
        return []
    pre = prefix(ctx, found.start(), DATE_PREFIX)
    year, (mo, d) = int(group(m, "y")), order
    start, p = _day_with_weekday(ctx, pre.start, found.start(), DATE_PREFIX, year, mo, d, True)
    return [(start, m.end(), p, None)] if p else []


_DOTTED_BEFORE: Final = re.compile(r"(?<![0-9])(?P<a>[0-9]{1,2})(?P<sep>[.-])(?P<b>[0-9]{1,2})(?P=sep)\Z")

RULES.add("<mm>-<dd>-<yyyy>", r"""
    (?:(?<=[0-9]-[0-9]-)|(?<=[0-9]-[0-9]{2}-))         # "07-15-2025", found at its year
    (?P<y>(?:1[6-9]|2[01])[0-9]{2}) (?!\w|[.,:/-]\d)
    """, starts.Year())(_dotted)


@RULES.add("<yyyy>/<mm>/<dd>", r"""
    (?P<yyyy>(?:1[6-9]|2[01])[0-9]{2}) (?P<sep>[-/.]) (?P<mm>[0-9]{1,2}) [-/.] (?P<dd>[0-9]{1,2})
    (?![\w/-]|[.,:]\d)
    """, starts.Year())
def _year_first(m: RuleMatch, ctx: Context) -> list[Found]:
    """"2016/09/14", "2024.01.15", "2015-3-3": year, month, day with one separator."""
    text = ctx.text
    if text[m.end(number(m, "mm"))] != group(m, "sep") or glued(text, m.start()):
        return []
    mo, d = int(group(m, "mm")), int(group(m, "dd"))
    p = periods.day(int(group(m, "yyyy")), mo, d) if 1 <= mo <= 12 and d >= 1 else None
    return [(m.start(), m.end(), p, None)] if p else []


@RULES.add("<dd>-<Mon>-<yyyy>", rf"""
    (?P<day>[0-3]?[0-9]) (?P<sep>[-/]) {MONTH} [-/] {_TWO_OR_FOUR_DIGIT_YEAR}   # "30-Apr-2025", "31/Oct/74"
    """, starts.Lead([str(n) for n in range(1, 32)] + [f"0{n}" for n in range(1, 10)], reads=MONTHS),
    starts.Digits("/"))
def _day_month_year(m: RuleMatch, ctx: Context) -> list[Found]:
    text = ctx.text
    if text[m.end(number(m, "month"))] != group(m, "sep") or glued(text, m.start()):
        return []
    y = group(m, "y")
    year = int(y) if len(y) == 4 else two_digit_year(int(y), ctx.ref)
    d = int(group(m, "day"))
    p = periods.day(year, month_number(m), d) if d else None
    return [(m.start(), m.end(), p, None)] if p else []


@RULES.add("<mm>/<dd>", r"""
    (?P<a>[0-9]{1,2}) / (?P<b>[0-9]{1,2}) (?![\w/]|[.,:]\d|\s*(?:%|percent|of\b))
    """, starts.Digits("/"))
def _numeric_no_year(m: RuleMatch, ctx: Context) -> list[Found]:
    """"on 6/17" (US order: June 17), "by 17/06" (the day cannot be a month): a date where a word
    before makes it one, not a share or a score ("3/4 of voters", "24/7", "went 6/17")."""
    text, start = ctx.text, m.start()
    a, b = int(group(m, "a")), int(group(m, "b"))
    cue = word_before(text, start)
    if (a, b) == (24, 7) or (cue not in DATE_CUES and _weekday_number(cue) is None
                            and not _NUMERIC_BEFORE.search(text, max(0, start - 32), start)):
        return []
    if cue in ("by", "from", "to") and a < b <= 8:  # "cut by 1/3", "from 1/4 to 1/3": a share
        return []
    if glued(text, start) and text[start - 1] != "-":
        return []
    order = _month_and_day(ctx, a, b, False)
    if order is None:
        return []
    mo, d = order
    pre = prefix(ctx, start, DATE_PREFIX)
    y = year_for_month_day(ctx.ref, mo, d, direction(ctx, pre.start)) if ctx.ref else None
    span_start, p = _day_with_weekday(ctx, pre.start, start, DATE_PREFIX, y, mo, d, False)
    return [(span_start, m.end(), p, None)] if p else []


# The end of a range of numeric dates whose start has a cue: "from 6/17 to 6/20", "on 6/17-6/20".
_NUMERIC_BEFORE: Final = re.compile(rf"""\b(?:{"|".join(sorted(DATE_CUES))})\s+[0-9]{{1,2}}/[0-9]{{1,2}}
                                    \s*(?:-|–|to|and|through|thru|until|till)\s*\Z""", re.X | re.I)


@RULES.add("the <day>", rf"""
    (?P<day>[0-3]?[0-9]) (?:st|nd|rd|th) \b {_DAY_END}           # "on the 14th"
    """, starts.Digits("stnr"))
def _the_day(m: RuleMatch, ctx: Context) -> list[Found]:
    """"on the 14th", "by the 3rd": a day of the reference month (per resolve.day_of_month), only
    after "the" and a cue word ("the 14th summit", "he finished 14th" are none)."""
    text, start = ctx.text, m.start()
    the = start - 4
    if text[the:start] not in ("the ", "The ") or word_before(text, the) not in DATE_CUES:
        return []
    d = int(group(m, "day"))
    if not 1 <= d <= 31:
        return []
    if ctx.ref is None:
        return [(the, m.end(), Period(f"XXXX-XX-{d:02d}", "day"), None)]
    day = day_of_month(ctx.ref, d, direction(ctx, the))
    return [(the, m.end(), periods.day_of(day), None)] if day else []
