"""Dates: calendar points and periods in news text, as TIMEX3 values (ANNOTATION.md).

Every rule is a named record (name, pattern, build). The patterns are joined into ONE
alternation that is scanned once over the text; the rule that matched is the outer group
`m.lastgroup`. Earlier rules win at the same start, so longer forms come first.

Resolution (documented policy, see `_year_for_month_day`, `_weekday_date`, `_today_is_date`):
- A relative expression is resolved against `reference_date`; without one, the unknown part
  is written as X ("July 3" -> "XXXX-07-03", "last year" -> "XXXX").
- A month or month-day without a year takes the reference year, moved one year back when
  that would be more than six months ahead (news looks back), one year on when the sentence
  speaks of the future and it would be past, one year back after "since"/"last".
- A weekday ("Tuesday", "on Monday", "last Tuesday") is the last such day on or before the
  reference date; in a future sentence ("will", "is set to") or after "next", the first one on
  or after it (strictly after for "next").
- "today" is a date only when its clause reports news (a past-tense or future verb, "earlier
  today"); "today" meaning nowadays ("as they are today") is not.
- A bare 4-digit year needs a cue: a preposition ("in", "by", "since", ...), "the <year>
  <noun>", "<year>'s", a list of years, a sentence start "2022,", or a month/quarter/part
  word around it.
- A span never includes the preposition; "by"/"since"/"before"/"after"/"around" before it
  give `mod`; a part-of-period word inside it ("early", "mid-", "the end of") gives `mod`
  and wins over the preposition.
"""
from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

import regex

from extractors.calendar_words import (
    COUNT_WORDS, DAY_WORDS, MONTHS, ORDINALS, PART_OF_PERIOD, RELATIVE_OFFSETS, SEASONS,
    SIGNAL_MODS, STANDALONE_MONTHS, WEAK_YEAR_PREPOSITIONS, WEEKDAY_NAME_PREFIXES, WEEKDAYS,
    YEAR_PREPOSITIONS,
)
from extractors.mentions import DateMention, regex_timeout

# --------------------------------------------------------------------------- periods


@dataclass(frozen=True, slots=True)
class _Period:
    """A TIMEX3 value with its grain and, when fully known, its half-open interval."""

    value: str
    grain: str
    start: date | None = None
    end: date | None = None


def _year(y: int | None) -> _Period:
    if y is None:
        return _Period("XXXX", "year")
    return _Period(f"{y:04d}", "year", date(y, 1, 1), date(y + 1, 1, 1))


def _month(y: int | None, mo: int) -> _Period:
    if y is None:
        return _Period(f"XXXX-{mo:02d}", "month")
    end = date(y + 1, 1, 1) if mo == 12 else date(y, mo + 1, 1)
    return _Period(f"{y:04d}-{mo:02d}", "month", date(y, mo, 1), end)


def _day(y: int | None, mo: int, d: int) -> _Period | None:
    """The day, or None when it does not exist (February 30; February 29 of any year if unknown)."""
    if y is None:
        return _Period(f"XXXX-{mo:02d}-{d:02d}", "day") if d <= _MAX_DAYS[mo] else None
    if d > calendar.monthrange(y, mo)[1]:
        return None
    start = date(y, mo, d)
    return _Period(start.isoformat(), "day", start, start + timedelta(days=1))


_MAX_DAYS = {mo: calendar.monthrange(2000, mo)[1] for mo in range(1, 13)}


def _day_of(d: date | None) -> _Period:
    if d is None:
        return _Period("XXXX-XX-XX", "day")
    return _Period(d.isoformat(), "day", d, d + timedelta(days=1))


def _quarter(y: int | None, q: int) -> _Period:
    if y is None:
        return _Period(f"XXXX-Q{q}", "quarter")
    start = date(y, 3 * q - 2, 1)
    end = date(y + 1, 1, 1) if q == 4 else date(y, 3 * q + 1, 1)
    return _Period(f"{y:04d}-Q{q}", "quarter", start, end)


def _half(y: int | None, h: int) -> _Period:
    if y is None:
        return _Period(f"XXXX-H{h}", "half")
    end = date(y + 1, 1, 1) if h == 2 else date(y, 7, 1)
    return _Period(f"{y:04d}-H{h}", "half", date(y, 6 * h - 5, 1), end)


def _season(y: int | None, code: str, first_month: int) -> _Period:
    if y is None:
        return _Period(f"XXXX-{code}", "season")
    start = date(y, first_month, 1)
    end = date(y + 1, 3, 1) if first_month == 12 else date(y, first_month + 3, 1)
    return _Period(f"{y:04d}-{code}", "season", start, end)


def _week(d: date | None, weekend: bool = False) -> _Period:
    if d is None:
        return _Period("XXXX-WXX-WE" if weekend else "XXXX-WXX", "weekend" if weekend else "week")
    iso_year, iso_week, iso_day = d.isocalendar()
    monday = d - timedelta(days=iso_day - 1)
    if weekend:
        saturday = monday + timedelta(days=5)
        return _Period(f"{iso_year:04d}-W{iso_week:02d}-WE", "weekend", saturday,
                       saturday + timedelta(days=2))
    return _Period(f"{iso_year:04d}-W{iso_week:02d}", "week", monday, monday + timedelta(days=7))


def _decade(first_three: int | None) -> _Period:
    if first_three is None:
        return _Period("XXX", "decade")
    y = first_three * 10
    return _Period(f"{first_three:03d}", "decade", date(y, 1, 1), date(y + 10, 1, 1))


def _century(first_two: int) -> _Period:
    y = first_two * 100
    return _Period(f"{first_two:02d}", "century", date(max(y, 1), 1, 1), date(y + 100, 1, 1))


def _fiscal(y: int | None) -> _Period:
    return _Period("FYXXXX" if y is None else f"FY{y:04d}", "fiscal_year")


def _shift_year(p: _Period, years: int) -> _Period | None:
    """The same period `years` later ("the same month a year ago"), None if it cannot shift."""
    head, sep, rest = p.value.partition("-")
    if p.grain == "fiscal_year" or not head.isdigit() or len(head) != 4:
        return None
    y = int(head) + years
    if p.grain == "year":
        return _year(y)
    if p.grain == "month":
        return _month(y, int(rest))
    if p.grain == "day":
        mo, d = int(rest[:2]), int(rest[3:5])
        return _day(y, mo, min(d, calendar.monthrange(y, mo)[1]))
    if p.grain == "quarter":
        return _quarter(y, int(rest[1]))
    if p.grain == "half":
        return _half(y, int(rest[1]))
    if p.grain == "season":
        code = rest
        first = next(m for c, m in SEASONS.values() if c == code)
        return _season(y, code, first)
    return _year(y)


# --------------------------------------------------------------------------- resolution


def _year_for_month_day(ref: date, mo: int, d: int | None, direction: str | None) -> int:
    """Year of a month (d None) or month-day without a year, per the module policy."""
    y = ref.year
    if d is None:
        ahead = mo - ref.month  # months ahead of the reference month
        behind = -ahead
        ahead_days = ahead * 30.5
    else:
        d = min(d, calendar.monthrange(y, mo)[1])
        ahead_days = (date(y, mo, d) - ref).days
        ahead = ahead_days
        behind = -ahead_days
    if direction == "past":
        return y - 1 if ahead > 0 else y
    if direction == "future":
        return y + 1 if behind > 0 else y
    return y - 1 if ahead_days > 183 else y


def _weekday_date(ref: date, weekday: int, direction: str | None, strict: bool) -> date:
    """Last `weekday` on or before ref; first on or after ref (strictly after if `strict`) in the future."""
    if direction == "future":
        delta = (weekday - ref.isoweekday()) % 7
        if strict and delta == 0:
            delta = 7
        return ref + timedelta(days=delta)
    return ref - timedelta(days=(ref.isoweekday() - weekday) % 7)


def _latest_part(ref: date, part: int, months_per_part: int, direction: str | None) -> int:
    """Year of the latest quarter/half `part` begun by ref (next not-yet-ended one if future)."""
    first_month = (part - 1) * months_per_part + 1
    if direction == "future":
        return ref.year if first_month + months_per_part - 1 >= ref.month else ref.year + 1
    return ref.year if first_month <= ref.month else ref.year - 1


def _two_digit_year(yy: int, ref: date | None) -> int:
    pivot = (ref.year + 10) % 100 if ref else 50
    return 2000 + yy if yy <= pivot else 1900 + yy


# --------------------------------------------------------------------------- pattern parts


def _alt(words) -> str:
    """Regex alternation of literal words, longest first, spaces matching any whitespace."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def _cased(words) -> list[str]:
    """Capitalized and ALL CAPS forms: "january" -> "January", "JANUARY"."""
    return [form for w in words for form in (w[:1].upper() + w[1:], w.upper())]


def _either_case(words) -> str:
    """Alternation matching a word with its first letter in either case ("In"/"in")."""
    return _alt([form for w in words for form in (w, w[:1].upper() + w[1:])])


_MONTH = rf"(?P<month>(?:{_alt(_cased(MONTHS))})\b\.?)"
_MONTH_ALONE = rf"(?P<month>(?:{_alt(_cased(STANDALONE_MONTHS))})\b)"
_WEEKDAY = rf"(?P<weekday>(?:{_alt(_cased(WEEKDAYS))})\b)"
_WEEKDAY_PREFIX = rf"(?:{_WEEKDAY},?\s+(?:the\s+)?)?"
_DAY = r"""(?P<day>0?[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)?\b
           (?![.,:/-]?\d|\s*(?:%|percent|per\s*cent|pct|million|billion|[ap]\.?m\b))"""
# A 4-digit year 1600-2199 that is not part of a longer number, identifier or amount.
_YEAR_DIGITS = r"""(?:1[6-9]|2[01])[0-9]{2}
                   (?!\w|%|[.,:/]\d|\s*(?:percent|per\s*cent|million|billion))"""
# ... and not glued to a word before it, except "mid-2026".
_YEAR_TOKEN = rf"(?<![\w$€£¥#.,/])(?<!(?<![Mm]id)-){_YEAR_DIGITS}"
_YEAR = rf"(?P<year>{_YEAR_TOKEN})"
_YEAR_GLUED = rf"(?P<year>{_YEAR_DIGITS})"  # right after a letter: "FY2025"
# "2016, 2015 and 2014", "2008 and 2010", "2008-2010": more years after the first.
_MORE_YEARS = rf"""(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|to|through|until|till)\s+(?:in\s+)?
                        |\s*[-–]\s*){_YEAR})*"""
_PART = rf"""(?:(?P<part>(?:{_either_case(["early", "mid", "late"])})(?:\s*-\s*|\s+)
                        |(?:{_either_case([k for k in PART_OF_PERIOD if " " in k])})\s+))"""
_SEASON = rf"(?P<season>(?i:{_alt(SEASONS)})\b)"
_ORDINAL_PART = r"(?P<ordinal>first|second|third|fourth|final|last|latter|back|1st|2nd|3rd|4th)"
_RELATIVE = rf"""(?P<relative>(?:{_either_case(["last", "this", "next"])})(?:\s+(?:past|coming))?
                   |(?:{_either_case(["the"])})\s+(?:previous|prior|current|coming))"""
_OF_YEAR = rf"""(?:\s+of\s+(?:(?P<fiscal>fiscal\s+(?:year\s+)?)?{_YEAR}
                          |(?P<yearrel>this|last|next|the\s+(?:current|previous|prior))\s+(?:fiscal\s+)?year
                          |(?P<theyear>the\s+year)))"""
_PLURAL_NOUN_NEXT = r"(?=\s+(?!(?:was|is|has|as|its|his|this|thus|plus|versus|less|alone)\b)[a-z]+s\b)"


# --------------------------------------------------------------------------- rules


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    period: _Period
    mod: str | None = None  # from a part-of-period word inside the span
    direction: str | None = None


@dataclass(slots=True)
class _Context:
    text: str
    ref: date | None
    last: _Period | None = None  # the previous mention's period, for "the same period ..."
    last_day: _Period | None = None  # the previous day-grain period, for "the day"


Build = Callable[[regex.Match, _Context], list[_Found]]


@dataclass(frozen=True, slots=True)
class Rule:
    """A named date rule: `pattern` (VERBOSE regex source) and `build` (match -> mentions)."""

    name: str
    pattern: str
    build: Build


def _part_mod(m: regex.Match) -> str | None:
    part = m.group("part")
    if not part:
        return None
    return PART_OF_PERIOD[" ".join(part.lower().replace("-", " ").split())]


def _month_number(m: regex.Match) -> int:
    return MONTHS[m.group("month").rstrip(".").lower()]


def _span_start(m: regex.Match) -> int:
    """Start of the rule match (the rule's outer group is the whole match)."""
    return m.start()


def _build_month_day_year(m: regex.Match, ctx: _Context) -> list[_Found]:
    mo, d = _month_number(m), int(m.group("day"))
    years, starts, ends = m.captures("year"), m.starts("year"), m.ends("year")
    first = _day(int(years[0]), mo, d)
    if first is None:
        return []
    found = [_Found(_span_start(m), ends[0], first, _part_mod(m))]
    for y, s, e in zip(years[1:], starts[1:], ends[1:]):  # "December 31, 2016, 2015 and 2014"
        p = _day(int(y), mo, d)
        if p is not None:
            found.append(_Found(s, e, p))
    return found


def _build_iso(m: regex.Match, ctx: _Context) -> list[_Found]:
    mo, d = int(m.group("mm")), int(m.group("dd"))
    p = _day(int(m.group("yyyy")), mo, d) if 1 <= mo <= 12 and d >= 1 else None
    return [_Found(m.start(), m.end(), p)] if p else []


def _build_numeric(m: regex.Match, ctx: _Context) -> list[_Found]:
    a, b, y = int(m.group("a")), int(m.group("b")), m.group("y")
    mo, d = (a, b) if a <= 12 else (b, a)  # US month/day unless the first cannot be a month
    year = int(y) if len(y) == 4 else _two_digit_year(int(y), ctx.ref)
    p = _day(year, mo, d) if 1 <= mo <= 12 and d >= 1 and 1600 <= year <= 2199 else None
    return [_Found(m.start(), m.end(), p)] if p else []


def _build_month_day(m: regex.Match, ctx: _Context) -> list[_Found]:
    mo, d = _month_number(m), int(m.group("day"))
    direction = _direction(ctx, _span_start(m))
    y = _year_for_month_day(ctx.ref, mo, d, direction) if ctx.ref else None
    p = _day(y, mo, d)
    return [_Found(_span_start(m), m.end(), p, _part_mod(m))] if p else []


def _build_month_year(m: regex.Match, ctx: _Context) -> list[_Found]:
    return [_Found(_span_start(m), m.end(), _month(int(m.group("year")), _month_number(m)),
                   _part_mod(m))]


def _build_month(m: regex.Match, ctx: _Context) -> list[_Found]:
    mo = _month_number(m)
    direction = _direction(ctx, _span_start(m))
    y = _year_for_month_day(ctx.ref, mo, None, direction) if ctx.ref else None
    return [_Found(_span_start(m), m.end(), _month(y, mo), _part_mod(m))]


def _build_quarter(m: regex.Match, ctx: _Context) -> list[_Found]:
    if m.group("qn"):
        q = int(m.group("qn"))
    else:
        word = m.group("ordinal").lower()
        q = 4 if word in ("final", "latter", "back") else ORDINALS.get(word, 0)
        if word == "last" and not _has_year_part(m):
            return _relative_part(m, ctx, "quarter", -1)
        if not 1 <= q <= 4:
            return []
    y = _explicit_year(m, ctx)
    if m.group("fiscal"):  # a fiscal quarter has no calendar value: keep the fiscal year
        return [_Found(_span_start(m), m.end(), _fiscal(y or None), _part_mod(m))]
    if y is False:
        y = _latest_part(ctx.ref, q, 3, _direction(ctx, _span_start(m))) if ctx.ref else None
    return [_Found(_span_start(m), m.end(), _quarter(y, q), _part_mod(m))]


def _build_half(m: regex.Match, ctx: _Context) -> list[_Found]:
    if m.group("hn"):
        h = int(m.group("hn"))
    else:
        word = m.group("ordinal").lower()
        h = 2 if word in ("last", "latter", "back", "final") else ORDINALS.get(word, 0)
        if not 1 <= h <= 2:
            return []
    y = _explicit_year(m, ctx)
    if y is False:
        y = _latest_part(ctx.ref, h, 6, _direction(ctx, _span_start(m))) if ctx.ref else None
    return [_Found(_span_start(m), m.end(), _half(y, h), _part_mod(m))]


def _has_year_part(m: regex.Match) -> bool:
    return bool(m.group("year") or m.group("yy") or m.group("yearrel") or m.group("theyear"))


def _explicit_year(m: regex.Match, ctx: _Context) -> int | None | bool:
    """The year written with a quarter/half: a number, "this/last/next year"; False if none."""
    if m.group("year"):
        return int(m.group("year"))
    if m.group("yy"):
        return _two_digit_year(int(m.group("yy")), ctx.ref)
    rel = m.group("yearrel") or m.group("theyear")
    if rel:
        offset = RELATIVE_OFFSETS.get(rel.lower().split()[-1], 0)  # "the year" -> 0
        return ctx.ref.year + offset if ctx.ref else None
    return False


def _build_fiscal(m: regex.Match, ctx: _Context) -> list[_Found]:
    y = int(m.group("year")) if m.group("year") else _two_digit_year(int(m.group("yy")), ctx.ref)
    return [_Found(_span_start(m), m.end(), _fiscal(y), _part_mod(m))]


def _build_decade(m: regex.Match, ctx: _Context) -> list[_Found]:
    found = []
    for i, (text, s, e) in enumerate(zip(m.captures("dec"), m.starts("dec"), m.ends("dec"))):
        digits = text.lstrip("'’")
        if len(digits) == 4:
            first_three = int(digits[:3])
        else:  # "'90s" -> 1990s; "'00s", "'10s" -> 2000s, 2010s
            first_three = (200 if digits in ("00", "10") else 190) + int(digits[0])
        start = _span_start(m) if i == 0 else s
        end = e + 2 if ctx.text[e] in "'’" else e + 1  # "1980's", "1990s"
        found.append(_Found(start, end, _decade(first_three), _part_mod(m) if i == 0 else None))
    return found


def _build_relative_decade(m: regex.Match, ctx: _Context) -> list[_Found]:
    offset = RELATIVE_OFFSETS[m.group("reldec").lower()]
    p = _decade((ctx.ref.year + 10 * offset) // 10) if ctx.ref else _decade(None)
    return [_Found(_span_start(m), m.end(), p, _part_mod(m))]


def _build_century(m: regex.Match, ctx: _Context) -> list[_Found]:
    n = ORDINALS.get(m.group("cent").lower())
    if not n:
        return []
    return [_Found(_span_start(m), m.end(), _century(n - 1), _part_mod(m))]


def _build_season_year(m: regex.Match, ctx: _Context) -> list[_Found]:
    code, first = SEASONS[m.group("season").lower()]
    return [_Found(_span_start(m), m.end(), _season(int(m.group("year")), code, first),
                   _part_mod(m))]


def _build_relative(m: regex.Match, ctx: _Context) -> list[_Found]:
    """"last year", "this weekend", "next month", "last Tuesday", "last summer", "the previous year"."""
    words = m.group("relative").lower().split()
    offset = -1 if "past" in words else RELATIVE_OFFSETS[words[-1] if words[-1] != "coming" else "next"]
    if words[0] == "this" and len(words) > 1:
        offset = -1 if words[1] == "past" else 1
    unit = " ".join(m.group("unit").lower().split())
    start, ref, mod = _span_start(m), ctx.ref, _part_mod(m)
    if unit in WEEKDAYS:
        if ref is None:
            return [_Found(start, m.end(), _day_of(None), mod)]
        direction = "future" if offset > 0 else (_direction(ctx, start) if offset == 0 else "past")
        return [_Found(start, m.end(), _day_of(_weekday_date(ref, WEEKDAYS[unit], direction, offset > 0)), mod)]
    if unit in MONTHS:
        mo = MONTHS[unit]
        if ref is None:
            return [_Found(start, m.end(), _month(None, mo), mod)]
        direction = {-1: "past", 1: "future"}.get(offset)
        y = _year_for_month_day(ref, mo, None, direction)
        if offset and y == ref.year and mo == ref.month:
            y += offset
        return [_Found(start, m.end(), _month(y, mo), mod)]
    if unit in SEASONS:
        code, first = SEASONS[unit]
        if ref is None:
            return [_Found(start, m.end(), _season(None, code, first), mod)]
        begun = ref.year if ref >= date(ref.year, first, 1) else ref.year - 1  # latest one begun
        if offset == 0:
            y = ref.year - 1 if first == 12 and ref.month < 3 else ref.year
        elif offset < 0:
            y = begun if _season(begun, code, first).end <= ref else begun - 1
        else:
            y = begun + 1
        return [_Found(start, m.end(), _season(y, code, first), mod)]
    return [_Found(start, m.end(), _relative_unit(ref, unit, offset), mod)]


def _relative_unit(ref: date | None, unit: str, offset: int) -> _Period:
    """The period `offset` units from the one holding ref: year, month, week, weekend, quarter, half, decade."""
    if unit == "fiscal year":
        return _fiscal(ref.year + offset if ref else None)
    if ref is None:
        return {"year": _year(None), "month": _Period("XXXX-XX", "month"),
                "week": _week(None), "weekend": _week(None, True),
                "quarter": _Period("XXXX-QX", "quarter"), "half": _Period("XXXX-HX", "half"),
                "decade": _decade(None)}[unit]
    if unit == "year":
        return _year(ref.year + offset)
    if unit == "month":
        index = ref.year * 12 + ref.month - 1 + offset
        return _month(index // 12, index % 12 + 1)
    if unit in ("week", "weekend"):
        return _week(ref + timedelta(days=7 * offset), unit == "weekend")
    if unit == "quarter":
        index = ref.year * 4 + (ref.month - 1) // 3 + offset
        return _quarter(index // 4, index % 4 + 1)
    if unit == "half":
        index = ref.year * 2 + (ref.month - 1) // 6 + offset
        return _half(index // 2, index % 2 + 1)
    return _decade(ref.year // 10 + offset)


def _relative_part(m: regex.Match, ctx: _Context, unit: str, offset: int) -> list[_Found]:
    return [_Found(_span_start(m), m.end(), _relative_unit(ctx.ref, unit, offset), _part_mod(m))]


def _build_current_unit(m: regex.Match, ctx: _Context) -> list[_Found]:
    """"the end of the year", "its best week since": the period holding the reference date."""
    unit = m.group("unit").lower()
    if unit == "day":
        return [_Found(_span_start(m), m.end(), _day_of(ctx.ref), _part_mod(m))]
    return _relative_part(m, ctx, unit, 0)


def _build_same_period(m: regex.Match, ctx: _Context) -> list[_Found]:
    """"the same period last year": the previous mention a year (or to the named year) back."""
    if m.group("year"):
        years_back = None
    else:
        years_back = -1
    base = ctx.last
    if base is not None and base.grain not in ("year", "fiscal_year", "decade", "century"):
        if years_back is None:
            head = base.value[:4]
            shifted = _shift_year(base, int(m.group("year")) - int(head)) if head.isdigit() else None
        else:
            shifted = _shift_year(base, years_back)
        if shifted is not None:
            return [_Found(_span_start(m), m.end(), shifted)]
    if years_back is None:
        return [_Found(_span_start(m), m.end(), _year(int(m.group("year"))))]
    return [_Found(_span_start(m), m.end(), _year(ctx.ref.year - 1 if ctx.ref else None))]


def _build_ago(m: regex.Match, ctx: _Context) -> list[_Found]:
    count_text = m.group("count").lower()
    n = int(count_text) if count_text.isdigit() else COUNT_WORDS[count_text]
    unit, ref = m.group("unit").lower(), ctx.ref
    start = _span_start(m)
    if unit in ("day", "week"):
        days = n if unit == "day" else 7 * n
        return [_Found(start, m.end(), _day_of(ref - timedelta(days=days) if ref else None))]
    if unit == "month":
        return [_Found(start, m.end(), _relative_unit(ref, "month", -n))]
    if unit == "year":
        return [_Found(start, m.end(), _year(ref.year - n if ref else None))]
    return [_Found(start, m.end(), _decade((ref.year - 10 * n) // 10 if ref else None))]


def _build_day_word(m: regex.Match, ctx: _Context) -> list[_Found]:
    word = m.group("dayword").lower()
    if word == "today" and not m.group("earlier") and not _today_is_date(
            ctx, m.start("dayword"), m.end("dayword")):
        return []
    ref = ctx.ref
    return [_Found(_span_start(m), m.end(), _day_of(ref + timedelta(days=DAY_WORDS[word]) if ref else None))]


def _build_the_day(m: regex.Match, ctx: _Context) -> list[_Found]:
    """"to end the day", "later in the day": the day last mentioned, else the reference date."""
    p = ctx.last_day or _day_of(ctx.ref)
    return [_Found(_span_start(m), m.end(), p, _part_mod(m))]


def _build_weekday(m: regex.Match, ctx: _Context) -> list[_Found]:
    start = _span_start(m)
    if ctx.ref is None:
        return [_Found(start, m.end(), _day_of(None))]
    direction = _direction(ctx, start)
    d = _weekday_date(ctx.ref, WEEKDAYS[m.group("weekday").lower()], direction, False)
    return [_Found(start, m.end(), _day_of(d))]


def _build_years(m: regex.Match, ctx: _Context) -> list[_Found]:
    """A cued year and any years listed after it ("between 2008 and 2010")."""
    years, starts, ends = m.captures("year"), m.starts("year"), m.ends("year")
    mod = _part_mod(m)
    first_start = _span_start(m) if mod else m.start("theyearof") if m.group("theyearof") else starts[0]
    found = [_Found(first_start, ends[0], _year(int(years[0])), mod)]
    found += [_Found(s, e, _year(int(y))) for y, s, e in zip(years[1:], starts[1:], ends[1:])]
    return found


# --------------------------------------------------------------------------- context cues

_SIGNAL = regex.compile(rf"(?i)(?:^|\W)(?P<signal>{_alt(SIGNAL_MODS)})\s+\Z")
_PAST_SIGNAL = regex.compile(r"(?i)(?:^|\W)(?:since|last|past)\s+\Z")
_FUTURE = regex.compile(
    r"""(?i)\b(?:will|shall|won't|would|is\s+set\s+to|are\s+set\s+to|scheduled|is\s+due
        |are\s+due|expected\s+to|plans?\s+to|planned|going\s+to|is\s+to|are\s+to|upcoming)\b
        |'ll\b""",
    regex.VERBOSE,
)
_SENTENCE_END = regex.compile(r"[.!?]\s|\n")
# Past-tense verbs (and a few news verbs) that make "today" the day of the news.
_PAST_VERB = regex.compile(
    r"""(?i)\b(?:(?!(?:need|indeed|speed|hundred|seed|feed|breed|proceed|exceed|succeed|greed
                    |embed|bed|red|shed|wed|led)\b)[a-z]{2,}ed|said|says|told|fell|rose|lost|won
        |made|took|gave|saw|became|began|came|went|met|paid|sold|bought|hit|cut|set|fallen
        |risen|grown|shown|known|was|were|announces|reports)\b""",
    regex.VERBOSE,
)
_FUTURE_VERB = regex.compile(r"(?i)\b(?:will|would|shall|is\s+set\s+to)\b|'ll\b")
_CLAUSE_BREAK = regex.compile(r"""[;!?"“”\n]|[.:](?![0-9])""")


def _direction(ctx: _Context, start: int) -> str | None:
    """"past" after "since"/"last", "future" when the sentence so far speaks of the future."""
    text = ctx.text
    if ctx.ref is None:
        return None
    window = text[max(0, start - 120):start]
    timeout = regex_timeout(window)
    if _PAST_SIGNAL.search(window[-12:], timeout=timeout):
        return "past"
    ends = [m.end() for m in _SENTENCE_END.finditer(window, timeout=timeout)]
    clause = window[ends[-1]:] if ends else window
    return "future" if _FUTURE.search(clause, timeout=timeout) else None


def _today_is_date(ctx: _Context, start: int, end: int) -> bool:
    """True when "today" is the day of the news, not "nowadays".

    The clause before it must hold a past-tense verb ("announced today", "fell sharply
    today"), or the two words after it a past or future verb ("today named", "Today was").
    """
    text = ctx.text
    before = text[max(0, start - 100):start]
    after = text[end:end + 40]
    timeout = regex_timeout(before)
    breaks = list(_CLAUSE_BREAK.finditer(before, timeout=timeout))
    before = before[breaks[-1].end():] if breaks else before
    brk = _CLAUSE_BREAK.search(after, timeout=timeout)
    words = (after[:brk.start()] if brk else after).replace(",", " ").split()
    after = " ".join(words[:2])
    return bool(_PAST_VERB.search(before, timeout=timeout)
                or _PAST_VERB.search(after, timeout=timeout)
                or _FUTURE_VERB.search(after, timeout=timeout))


def _signal_mod(text: str, start: int) -> str | None:
    window = text[max(0, start - 16):start]
    m = _SIGNAL.search(window, timeout=regex_timeout(window))
    return SIGNAL_MODS[" ".join(m.group("signal").lower().split())] if m else None


# --------------------------------------------------------------------------- the rules

_QN = r"(?P<qn>[1-4])"
_HN = r"(?P<hn>[12])"
_YY = r"(?P<yy>[0-9]{2})(?!\w)"
_NOT_NAME_NEXT = r"(?![^\S\n]+(?:[A-Z][a-z]|[0-9]))"
_HOLIDAY_PREFIX = rf"(?<!\b(?:{_either_case(WEEKDAY_NAME_PREFIXES)})\s+)"

date_rules: tuple[Rule, ...] = (
    Rule("<weekday>, <month> <day>, <year>", rf"""
        {_WEEKDAY_PREFIX} (?:{_PART})? {_MONTH} \s* {_DAY} (?:\s*,\s*|\s+) {_YEAR}
        (?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_YEAR})*     # "December 31, 2016, 2015 and 2014"
        """, _build_month_day_year),
    Rule("<day> <month> <year>", rf"""
        {_WEEKDAY_PREFIX} (?<![\w$€£¥#.,/-]) {_DAY} (?:\s+of)? \s+ {_MONTH} ,? \s+ {_YEAR}
        """, _build_month_day_year),
    Rule("<yyyy>-<mm>-<dd>", r"""
        (?<![\w./-]) (?P<yyyy>(?:1[6-9]|2[01])[0-9]{2}) - (?P<mm>[01][0-9]) - (?P<dd>[0-3][0-9])
        (?![\w-]|[.,:/]\d)
        """, _build_iso),
    Rule("<mm>/<dd>/<yy>", r"""
        (?<![\w./-]) (?P<a>[0-9]{1,2}) / (?P<b>[0-9]{1,2}) / (?P<y>[0-9]{4}|[0-9]{2}) (?![\w/]|[.,]\d)
        """, _build_numeric),
    Rule("<month> <year>", rf"""
        (?:{_PART})? {_MONTH} (?:\s+of)? ,? \s+ {_YEAR}
        """, _build_month_year),
    Rule("<month> <day>", rf"""
        {_WEEKDAY_PREFIX} (?:{_PART})? {_MONTH} \s* {_DAY} (?!\s*,?\s*[0-9])
        """, _build_month_day),
    Rule("<day> <month>", rf"""
        {_WEEKDAY_PREFIX} (?<![\w$€£¥#.,/-]) (?:the\s+)? {_DAY} (?:\s+of)? \s+ {_MONTH}
        """, _build_month_day),
    Rule("the <ordinal> quarter [of <year>]", rf"""
        (?:(?:{_PART})? (?:[Tt]he\s+)?)? {_ORDINAL_PART} [\s-]+ quarter\b (?!-century)
        (?:{_OF_YEAR})?
        (?!\s+of\s+(?!fiscal|this|last|next|the\s+(?:current|previous|prior|year)|[0-9]))
        """, _build_quarter),
    Rule("Q<n> <year>", rf"""
        (?<![\w-]) Q{_QN} (?:\s*(?:of\s+)?{_YEAR}|\s*'{_YY})? \b
        | (?<![\w-]){_YEAR} \s* Q{_QN}\b
        | (?<![\w-]){_QN} Q \s* (?:{_YEAR}|'?{_YY})
        """, _build_quarter),
    Rule("the <ordinal> half [of <year>]", rf"""
        (?:(?:{_PART})? (?:[Tt]he\s+)?)? {_ORDINAL_PART} [\s-]+ half\b (?!-)
        (?:{_OF_YEAR})?
        (?!\s+of\s+(?!fiscal|this|last|next|the\s+(?:current|previous|prior|year)|[0-9]))
        """, _build_half),
    Rule("H<n> <year>", rf"""
        (?<![\w-]) H{_HN} \s* (?:{_YEAR}|'{_YY}|{_YY})
        | (?<![\w-]){_YEAR} \s* H{_HN}\b
        | (?<![\w-]){_HN} H \s* (?:{_YEAR}|'?{_YY})
        """, _build_half),
    Rule("fiscal <year>", rf"""
        (?:{_PART})? (?: [Ff]iscal(?:\s+[Yy]ear)?\s+{_YEAR} | [Ff]iscal\s+'{_YY}
                       | (?<![\w-])FY\s*'?(?:{_YEAR_GLUED}|{_YY}) )
        | (?:[Tt]he\s+)? {_YEAR} \s+ fiscal\s+year\b
        """, _build_fiscal),
    Rule("the <decade>s", rf"""
        (?: (?:[Tt]he\s+)? (?:{_PART})? (?P<dec>(?:1[6-9]|20)[0-9]0)['’]?s
          | [Tt]he\s+ (?:{_PART})? (?P<dec>['’]?[0-9]0)['’]?s
          | (?:{_PART})? (?P<dec>['’][0-9]0)['’]?s )
        (?:(?:\s*,\s*|\s+(?:and|or|to)\s+) (?:the\s+)? (?P<dec>['’]?(?:1[6-9]|20)?[0-9]0)['’]?s)* \b
        """, _build_decade),
    Rule("the past decade", r"""
        (?:[Tt]he\s+)? (?P<reldec>past|last|previous|this|next|coming|current) \s+ decade\b
        """, _build_relative_decade),
    Rule("the <ordinal> century", rf"""
        (?:[Tt]he\s+)? (?:{_PART})? (?P<cent>{_alt(ORDINALS)}) [\s-]+ century\b
        """, _build_century),
    Rule("<season> <year>", rf"""
        (?:{_PART})? (?:[Tt]he\s+)? {_SEASON} (?:\s+of)? ,? \s+ {_YEAR}
        """, _build_season_year),
    Rule("the same period last year", rf"""
        [Tt]he\s+same\s+(?:period|month|quarter|week|day|time|season|half)
        \s+ (?:last\s+year|a\s+year\s+(?:ago|earlier|before)|(?:of\s+)?the\s+(?:previous|prior)\s+year
              |of\s+last\s+year|(?:of\s+|in\s+)?{_YEAR})
        """, _build_same_period),
    Rule("last <unit>", rf"""
        (?:(?:{_PART}) | (?:[Ee]arlier|[Ll]ater)\s+ )?
        {_RELATIVE} \s+
        (?P<unit>fiscal\s+year|year|month|week(?:end)?|quarter|half
               |(?:{_alt(_cased(WEEKDAYS))})|(?:{_alt(_cased(STANDALONE_MONTHS + ("may",)))})
               |(?i:{_alt(SEASONS)}))\b
        """, _build_relative),
    Rule("<count> <unit>s ago", rf"""
        (?<![\w.,-]) (?P<count>[0-9]{{1,2}}|(?i:{_alt(COUNT_WORDS)})) \s+
        (?P<unit>day|week|month|year|decade)s? \s+ ago\b
        """, _build_ago),
    Rule("<part> of the <unit>", rf"""
        {_PART} the\s+ (?P<unit>year|month|week|quarter)\b
        """, _build_current_unit),
    Rule("best <unit> since", r"""
        (?<=\b(?:best|worst|biggest|strongest|weakest|busiest)\s+) (?P<unit>day|week|month|year)
        (?=\s+since\b)
        """, _build_current_unit),
    Rule("the day", rf"""
        (?: (?:{_PART}) the\s+day
          | (?<=\b(?:end|ended|ending|ends|close|closed|closing|start|started|starting|began|begin
                    |open|opened|opening|finish|finished|finishing|later\s+in|earlier\s+in)\s+)
            the\s+day ) \b (?!'s|\s+(?:before|after|of|when|that|where|on|in)\b)
        """, _build_the_day),
    Rule("yesterday", r"""
        (?P<earlier>(?:[Ee]arlier|[Ll]ater)\s+)? (?<![\w-])
        (?P<dayword>[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight|YESTERDAY|TODAY|TOMORROW) \b (?!-)
        """, _build_day_word),
    Rule("<weekday>", rf"""
        {_HOLIDAY_PREFIX} {_WEEKDAY} (?!-)
        """, _build_weekday),
    Rule("<part> <year>", rf"""
        {_PART} {_YEAR} {_MORE_YEARS}
        """, _build_years),
    Rule("<month>", rf"""
        (?:{_PART})? {_MONTH_ALONE} (?!\s*-) {_NOT_NAME_NEXT}
        | (?<=\b(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Tt]hrough|[Dd]uring|[Ff]rom|[Bb]efore|[Aa]fter|[Oo]f)\s+)
          (?P<month>May)\b (?!\s*-) {_NOT_NAME_NEXT}
        """, _build_month),
    Rule("<preposition> <year>", rf"""
        (?<![\w-]) (?:{_either_case(YEAR_PREPOSITIONS)}) \s+ (?P<theyearof>(?:the\s+)?year\s+)?
        {_YEAR} (?!{_PLURAL_NOUN_NEXT}) {_MORE_YEARS}
        """, _build_years),
    Rule("<weak preposition> <year>.", rf"""
        (?<![\w-]) (?:{_either_case(WEAK_YEAR_PREPOSITIONS)}) \s+ {_YEAR}
        (?=\s*(?:[.,;:!?)"”]|\Z|\s+and\s))
        """, _build_years),
    Rule("the <year> <noun>", rf"""
        (?<=\b[Tt]he\s+) {_YEAR} (?=\s+[\w]) (?!{_PLURAL_NOUN_NEXT})
        | {_YEAR} (?='s\b|’s\b)
        | (?<=(?:\A|[.!?]\s+|\n)) {_YEAR} (?=,)
        """, _build_years),
    Rule("<year>, <year> and <year>", rf"""
        {_YEAR} (?:\s*,\s*{_YEAR})* ,?\s+ and \s+ {_YEAR}
        """, _build_years),
)

_COMBINED = regex.compile(
    "|".join(f"(?P<r{i}>{rule.pattern})" for i, rule in enumerate(date_rules)),
    regex.VERBOSE,
)
# Group number of each rule's outer group. `m.lastgroup` is unreliable with the repeated
# group names (year, month) the rules share, so the matching rule is the one whose group is set.
_RULE_GROUPS = tuple((_COMBINED.groupindex[f"r{i}"], rule) for i, rule in enumerate(date_rules))


def _matched_rule(m: regex.Match) -> Rule:
    spans = m.regs
    for index, rule in _RULE_GROUPS:
        if spans[index][0] >= 0:
            return rule
    raise AssertionError("a match without a rule group")  # programmer error: a rule outside r<i>


def extract_dates(text: str, reference_date: date | None = None) -> list[DateMention]:
    """Every date mention in `text`, in text order; relative ones resolved against `reference_date`."""
    ctx = _Context(text, reference_date)
    mentions: list[DateMention] = []
    for m in _COMBINED.finditer(text, timeout=regex_timeout(text)):
        rule = _matched_rule(m)
        try:
            found = rule.build(m, ctx)
        except (ValueError, OverflowError, KeyError):  # impossible calendar arithmetic: no mention
            continue
        for f in found:
            p = f.period
            mod = f.mod or _signal_mod(text, f.start)
            mentions.append(DateMention(
                start=f.start, end=f.end, text=text[f.start:f.end], value=p.value, grain=p.grain,
                rule=rule.name, start_date=p.start, end_date=p.end, mod=mod,
            ))
            ctx.last = p
            if p.grain == "day":
                ctx.last_day = p
    return mentions


# --------------------------------------------------------------------------- dateline

_DATELINE_LINES = 5
_DATELINE = regex.compile(
    rf"""\A [^\S\n]* (?:(?:Published|Posted|Updated|Dated?)(?:\s+on)?:?\s+)?
        (?: {_WEEKDAY_PREFIX} {_MONTH} \s* {_DAY} (?:\s*,\s*|\s+) {_YEAR}
          | {_WEEKDAY_PREFIX} {_DAY} (?:\s+of)? \s+ {_MONTH} ,? \s+ {_YEAR}
          | (?P<yyyy>(?:1[6-9]|2[01])[0-9]{{2}}) - (?P<mm>[01][0-9]) - (?P<dd>[0-3][0-9]) )
        [^\S\n]* [.]? [^\S\n]* \Z""",
    regex.VERBOSE | regex.VERSION1,
)


def find_dateline(text: str) -> tuple[date, int, int] | None:
    """The date alone on one of the first lines ("March 03, 2010"), with its span; else None."""
    pos = 0
    for _ in range(_DATELINE_LINES):
        newline = text.find("\n", pos)
        line_end = len(text) if newline < 0 else newline
        line = text[pos:line_end]
        if len(line) <= 60:
            m = _DATELINE.match(line, timeout=regex_timeout(line))
            if m:
                if m.group("yyyy"):
                    y, mo, d = int(m.group("yyyy")), int(m.group("mm")), int(m.group("dd"))
                    start, end = m.start("yyyy"), m.end("dd")
                else:
                    y, mo, d = int(m.group("year")), _month_number(m), int(m.group("day"))
                    start = m.start("weekday") if m.group("weekday") else min(m.start("month"), m.start("day"))
                    end = m.end("year")
                if 1 <= mo <= 12 and 1 <= d <= calendar.monthrange(y, mo)[1]:
                    return date(y, mo, d), pos + start, pos + end
        if newline < 0:
            break
        pos = newline + 1
    return None
