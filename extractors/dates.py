"""Dates: calendar points and periods in news text, as TIMEX3 values (ANNOTATION.md).

Every rule is a named record (name, pattern, build). At each anchor the rules that may start
there are tried as one alternation (see _RuleSet); the rule that matched is its outer group.
Earlier rules win at the same start, so longer forms come first.

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
import string
from collections.abc import Callable
from typing import Any, Final
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import re

import regex

from extractors.calendar_words import (
    COUNT_WORDS, DAY_WORDS, MONTHS, ORDINALS, PART_OF_PERIOD, RELATIVE_OFFSETS, SEASONS,
    SIGNAL_MODS, STANDALONE_MONTHS, WEAK_YEAR_PREPOSITIONS, WEEKDAY_NAME_PREFIXES, WEEKDAYS,
    YEAR_PREPOSITIONS,
)
from extractors.engines import Alternation, use_re
from extractors.fastscan import Literals, ascii_digit_runs
from extractors.mentions import DEADLINE_EVERY, DateMention, deadline_for, past_deadline, regex_timeout

# --------------------------------------------------------------------------- periods


@dataclass(frozen=True, slots=True)
class _Period:
    """A TIMEX3 value with its grain and, when fully known, its half-open interval."""

    value: str
    grain: str
    start: date | None = None
    end: date | None = None


# The builders of the common grains are cached: news repeats the same few years and days, and a
# frozen dataclass is slow to build (~1 us). maxsize bounds the memory on hostile text.
@lru_cache(maxsize=4096)
def _year(y: int | None) -> _Period:
    if y is None:
        return _Period("XXXX", "year")
    return _Period(f"{y:04d}", "year", date(y, 1, 1), date(y + 1, 1, 1))


@lru_cache(maxsize=4096)
def _month(y: int | None, mo: int) -> _Period:
    if y is None:
        return _Period(f"XXXX-{mo:02d}", "month")
    end = date(y + 1, 1, 1) if mo == 12 else date(y, mo + 1, 1)
    return _Period(f"{y:04d}-{mo:02d}", "month", date(y, mo, 1), end)


@lru_cache(maxsize=4096)
def _day(y: int | None, mo: int, d: int) -> _Period | None:
    """The day, or None when it does not exist (February 30; February 29 of any year if unknown)."""
    if y is None:
        return _Period(f"XXXX-{mo:02d}-{d:02d}", "day") if d <= _MAX_DAYS[mo] else None
    if d > calendar.monthrange(y, mo)[1]:
        return None
    start = date(y, mo, d)
    return _Period(start.isoformat(), "day", start, start + timedelta(days=1))


_MAX_DAYS: Final = {mo: calendar.monthrange(2000, mo)[1] for mo in range(1, 13)}


@lru_cache(maxsize=4096)
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
        ahead = (date(y, mo, d) - ref).days
        ahead_days = float(ahead)
        behind = -ahead
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
# Every rule's pattern starts with a required token (a month, a digit, a keyword): an
# optional prefix at the start of a branch would be tried at every position and make the scan
# ~50x slower. Words before that token ("early", "the", "Tuesday,", "by") are read afterwards
# from the text just before the match (`_prefix`, `_year_cue`, `_signal_mod`).


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


_FULL_MONTHS: Final = (*STANDALONE_MONTHS, "may")
# Abbreviations may take a dot ("Sept."); full names may not (the dot ends the sentence).
_MONTH: Final = rf"""(?P<month>(?:{_alt(_cased(_FULL_MONTHS))})\b
                       |(?:{_alt(_cased(k for k in MONTHS if k not in _FULL_MONTHS))})\b\.?)"""
_MONTH_ALONE: Final = rf"(?P<month>(?:{_alt(_cased(_FULL_MONTHS))})\b)"
_WEEKDAY: Final = rf"(?P<weekday>(?:{_alt(_cased(WEEKDAYS))})\b)"
_WEEKDAY_PREFIX: Final = rf"(?:{_WEEKDAY},?\s+(?:the\s+)?)?"  # for the dateline
_DAY: Final = r"""(?P<day>[0-3]?[0-9])(?:st|nd|rd|th)?\b
           (?![.,:/-]?\d|\s*(?:%|percent|per\s*cent|pct|million|billion|[ap]\.?m\b))"""
# A 4-digit year 1600-2199, not part of a longer number or an amount ...
_YEAR_DIGITS: Final = r"""(?:1[6-9]|2[01])[0-9]{2}
                   (?!\w|%|[.,:/]\d|\s*(?:percent|per\s*cent|million|billion))"""
# ... nor glued to a word or sign before it ("Anadolu-2025", "$2000"), except "mid-2026".
_YEAR_ALONE: Final = rf"(?<![\w$€£¥#.,/])(?<!(?<![Mm]id)-){_YEAR_DIGITS}"
_YEAR: Final = rf"(?P<year>{_YEAR_ALONE})"
_YEAR_GLUED: Final = rf"(?P<glued>{_YEAR_DIGITS})"  # right after a letter: "FY2025"
_YY: Final = r"(?P<yy>[0-9]{2})(?!\w)"
# "2016, 2015 and 2014", "2008 and 2010", "2008-2010": more years after the first. The group
# `more` holds them all (each is a run of four digits in it: see _listed). The lists are
# possessive (`*+`: nothing after them would take an item back; a decade list checks its `\b`
# in each item for that): `re` would keep every item's backtracking state, 300 MB for a
# megabyte of "2001, 2001, ...".
_MORE_YEARS: Final = rf"""(?P<more>(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|to|through|until|till)\s+(?:in\s+)?
                        |\s*[-–]\s*){_YEAR_ALONE})*+)"""
_SEASON: Final = rf"(?P<season>(?:{_either_case(SEASONS)})\b)"
_ORDINAL_PART: Final = r"(?P<ordinal>[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]inal|[Ll]ast|[Ll]atter|1st|2nd|3rd|4th)"
_OF_YEAR: Final = rf"""(?:\s+of\s+(?:(?P<fiscal>fiscal\s+(?:year\s+)?)?{_YEAR}
                          |(?P<yearrel>this|last|next|the\s+(?:current|previous|prior))\s+(?:fiscal\s+)?year
                          |(?P<theyear>the\s+year)))"""
# After a quarter/half: "of" followed by anything but a year means "the first half of the game".
_NOT_OF_OTHER: Final = r"(?!\s+of\s+(?!fiscal|this|last|next|the\s+(?:current|previous|prior|year)|[0-9]))"
_NOT_NAME_NEXT: Final = r"(?![^\S\n]+(?:[A-Z][a-z]|[0-9]))"

# Words just before a rule's token that belong to the span, in text order. Patterns that
# end in \Z run in reverse mode (?r): tried from the end of the window, they cost one attempt.
_PREFIX: Final = regex.compile(
    rf"""(?r)(?:\b{_WEEKDAY},?\s+)?                                      # "Tuesday, March 3"
        (?:\b(?P<part>(?:{_either_case(PART_OF_PERIOD)}))(?:\s*-\s*|\s+))?  # "early", "the end of"
        (?:\b(?P<the>[Tt]he)\s+)?
        (?:\b(?P<part2>(?:{_either_case(["early", "mid", "late"])}))(?:\s*-\s*|\s+))?  # "the late 1990s"
        (?:\b(?P<shift>[Ee]arlier|[Ll]ater)\s+)?                           # "earlier this year"
        \Z""",
    regex.VERBOSE,
)
_PREFIX_ORDER: Final = ("shift", "part2", "the", "part", "weekday")  # right to left
# Last words of those prefixes: any other word before a token means no prefix.
_PREFIX_LAST_WORDS: Final = frozenset({"early", "mid", "late", "of", "the", "earlier", "later", *WEEKDAYS})
# A prefix of one word, as written, and the group it forms (None: "of" is no prefix alone).
_ONE_WORD_PREFIX: Final = {
    form: group
    for group, words in (("shift", ("earlier", "later")), ("part2", ("early", "mid", "late")), ("the", ("the",)))
    for word in words for form in (word, word.capitalize())
} | {"of": None}
# How the text before a one-word prefix ends, whitespace runs as one space and lower-cased,
# when a group of _PREFIX ends there: a part phrase's last two words, "the", a weekday (and
# its comma). Before "of", the words that make it the end of a part phrase ("the end of").
_GROUP_ENDINGS: Final = tuple({
    *(" ".join(phrase.split()[-2:]) for phrase in PART_OF_PERIOD), "the",
    *WEEKDAYS, *(f"{day}," for day in WEEKDAYS),
})
_OF_ENDINGS: Final = tuple({phrase.split()[-2] for phrase in PART_OF_PERIOD if phrase.endswith(" of")})
_COUNT_PREFIX: Final = regex.compile(rf"(?r)(?<![\w.,-])(?P<count>[0-9]{{1,2}}|(?:{_either_case(COUNT_WORDS)}))\s+\Z")
_HOLIDAY_PREFIX: Final = regex.compile(rf"(?r)\b(?:{_either_case(WEEKDAY_NAME_PREFIXES)})\s+\Z")
_HOLIDAY_WORDS: Final = tuple(WEEKDAY_NAME_PREFIXES)
_YEAR_PREPOSITION: Final = regex.compile(
    rf"""(?r)\b(?:(?P<strong>{_either_case(YEAR_PREPOSITIONS)})|(?P<weak>{_either_case(WEAK_YEAR_PREPOSITIONS)}))
        \s+(?P<theyear>(?:the\s+)?year\s+)?\Z""",
    regex.VERBOSE,
)
# Last words of the prepositions, and "year" ("in the year 2000"), for `_may_end_with`.
_YEAR_PREPOSITION_WORDS: Final = tuple({w.split()[-1] for w in (*YEAR_PREPOSITIONS, *WEAK_YEAR_PREPOSITIONS, "year")})
# One-word prepositions as written -> whether strong ("in 2010", the common cue).
_ONE_WORD_YEAR_PREPOSITION: Final = {
    form: strong
    for strong, words in ((True, YEAR_PREPOSITIONS), (False, WEAK_YEAR_PREPOSITIONS))
    for word in words if " " not in word for form in (word, word[:1].upper() + word[1:])
}
# First words of the strong prepositions that end with a weak one ("as of", "prior to").
_STRONG_LEADS: Final = tuple({w.split()[-2] for w in YEAR_PREPOSITIONS if w.split()[-1] in WEAK_YEAR_PREPOSITIONS})
_THE_BEFORE: Final = regex.compile(r"(?r)\b[Tt]he\s+\Z")
_SENTENCE_START: Final = regex.compile(r"(?r)(?:\A|[.!?]\s+|\n)\s*\Z")
_PLURAL_NOUN_NEXT: Final = regex.compile(r"\s+(?!(?:was|is|has|as|its|his|this|thus|plus|versus|less|alone)\b)[a-z]+s\b")
_WORD_NEXT: Final = regex.compile(r"\s+\w")
_END_NEXT: Final = regex.compile(r"""\s*(?:[.,;:!?)"”]|\Z|\s+and\s)""")
_POSSESSIVE_NEXT: Final = regex.compile(r"['’]s\b")

# --------------------------------------------------------------------------- rules


# What a build function finds: (start, end, period, mod), mod from a part-of-period word in the
# span. A plain tuple: built for every mention, it costs a fraction of a dataclass instance.
_Found = tuple[int, int, _Period, "str | None"]


# __init__ written out (init=False): mypyc compiles it, where @dataclass would generate one run
# as Python.
@dataclass(slots=True, init=False)
class _Context:
    text: str
    ref: date | None
    fast: bool  # the rule patterns run on `re` (extractors/engines.py)
    last: _Period | None  # the previous mention's period, for "the same period ..."
    last_day: _Period | None  # the previous day-grain period, for "the day"

    def __init__(self, text: str, ref: date | None, fast: bool) -> None:
        self.text, self.ref, self.fast = text, ref, fast
        self.last = self.last_day = None


# _Prefix is built for every mention and never changed: a plain (not frozen) dataclass, whose
# __init__ costs a third of a frozen one's.
@dataclass(slots=True, init=False)
class _Prefix:
    start: int  # where the span starts once the allowed prefix words are included
    mod: str | None
    the: bool

    def __init__(self, start: int, mod: str | None, the: bool) -> None:
        self.start, self.mod, self.the = start, mod, the


# A match of a rule's pattern. Typed Any: a build reads only groups its own pattern always sets,
# which `regex`'s stubs cannot know (they type every group `str | None`).
RuleMatch = Any
Build = Callable[[RuleMatch, _Context], list[_Found]]


@dataclass(frozen=True, slots=True)
class Rule:
    """A named date rule: `pattern` (VERBOSE regex source, starting with a required token) and `build`."""

    name: str
    pattern: str
    build: Build


# The context patterns below (words before or after a span, a clause's verbs) are literal words
# joined by single whitespace runs: linear, on windows of at most a few hundred characters. They
# run without `timeout=`, which costs more than such a match (~3-4 us a call); the rule patterns
# keep theirs.
def _window(ctx: _Context, end: int, size: int = 48) -> str:
    return ctx.text[max(0, end - size):end]


def _may_end_with(window: str, words: tuple[str, ...], caseless: bool = False) -> bool:
    """False when `window` surely does not end with one of the lower-case `words` and whitespace.

    A test of a few string methods before a pattern that needs that (~4 us a search): what such a
    pattern matches always passes it (str.isspace covers regex \\s; lower() covers "In"/"IN").
    A `caseless` (?i) pattern also matches letters that lower() leaves alone ("ſince"), so on
    text other than ASCII it is always tried.
    """
    return (caseless and not window.isascii()) or window.rstrip().lower().endswith(words)


def _word_before(text: str, start: int) -> str:
    """The lower-cased word right before `start` across one space or hyphen ("" if none)."""
    j = start - 1
    if j < 1 or text[j] not in " -\t":
        return ""
    return text[text.rfind(" ", max(0, j - 16), j) + 1:j].rstrip(",").lower()



def _prefix(ctx: _Context, start: int, allow: frozenset[str]) -> _Prefix:
    """The allowed words right before `start` that belong to the span, and the mod they give."""
    text = ctx.text
    word = _word_before(text, start)
    if word not in _PREFIX_LAST_WORDS:  # the common case, without a regex
        return _Prefix(start, None, False)
    one = _one_word_prefix(text, start, len(word), allow)
    if one is not None:
        return one
    window = _window(ctx, start)
    m = _PREFIX.search(window)
    offset = start - len(window)
    new_start, mod, the = start, None, False
    for name in _PREFIX_ORDER:
        if _group(m, name) is None:
            continue
        if (name if name != "part2" else "part") not in allow:
            break
        new_start = offset + m.start(_number(m, name))
        if name in ("part", "part2"):
            mod = PART_OF_PERIOD[" ".join(_group(m, name).lower().split())]
        the = the or name == "the"
    return _Prefix(new_start, mod, the)


def _one_word_prefix(text: str, start: int, size: int, allow: frozenset[str]) -> _Prefix | None:
    """_PREFIX's answer when its only group is the one word of `size` characters before `start`
    ("the", "early", "mid-", "earlier"); None when that is not sure.

    The word, as written, is a group on its own (before a space or a tab; before a hyphen only
    "early", "mid", "late"), and no group can end before it: what _PREFIX sees before the word
    ends neither with a hyphen nor, its whitespace runs read as one space, with the words that
    end a group (or, before "of", with a word that makes "of" part of a group).
    """
    p = start - 1 - size  # where the word starts
    group = _ONE_WORD_PREFIX.get(text[p:start - 1], "")
    if group == "" or (text[start - 1] == "-" and group not in ("part2", None)):
        return None
    before = " ".join(text[max(0, start - 48):p].lower().split())  # str.split: every regex \s
    if before.endswith("-") or before.endswith(_OF_ENDINGS if group is None else _GROUP_ENDINGS):
        return None
    if group is None or (group if group != "part2" else "part") not in allow:
        return _Prefix(start, None, False)
    return _Prefix(p, PART_OF_PERIOD[text[p:start - 1].lower()] if group == "part2" else None, group == "the")


_DATE_WORDS: Final = frozenset({"weekday", "part"})
_DAY_FIRST_WORDS: Final = frozenset({"weekday", "part", "the"})
_PART_WORDS: Final = frozenset({"part"})
_PERIOD_WORDS: Final = frozenset({"part", "the", "part2"})
_SHIFT_WORDS: Final = frozenset({"shift"})
_RELATIVE_WORDS: Final = frozenset({"part", "the", "shift"})
_THE_WORDS: Final = frozenset({"the"})


# Group name -> number, per pattern, filled as matches of each pattern are read: `regex` takes
# ~0.4 us longer to find a group by its name than by its number. Keyed by the pattern's id, as
# a `re` pattern hashes its whole compiled code; the entry keeps the pattern (so the id stays its).
_GROUP_NUMBERS: dict[int, tuple[Any, dict[str, int]]] = {}
# The same for the alternations of the rule sets, per rule: outer group -> the rule's own group
# names -> numbers (extractors.engines.Alternation.names), filled by _RuleSet.of.
_RULE_GROUPS: dict[int, tuple[Any, dict[int, dict[str, int]]]] = {}


def _numbers(m: RuleMatch) -> dict[str, int]:
    pattern = m.re
    by_rule = _RULE_GROUPS.get(id(pattern))
    if by_rule is not None:
        return by_rule[1][m.lastindex]
    numbers = _GROUP_NUMBERS.get(id(pattern))
    if numbers is None:
        numbers = _GROUP_NUMBERS[id(pattern)] = (pattern, dict(pattern.groupindex))
    return numbers[1]


def _number(m: RuleMatch, name: str) -> int:
    """The number of the group `name` of m's pattern: m.start(_number(m, "day")) is m.start("day")."""
    return _numbers(m)[name]


def _group(m: RuleMatch, name: str) -> Any:
    """The group's text, None when it did not take part or the rule set has no such group.

    Typed Any, as RuleMatch is: a build reads as text the groups its own pattern always sets."""
    number = _numbers(m).get(name)
    return None if number is None else m[number]


def _month_number(m: RuleMatch) -> int:
    return MONTHS[_group(m, "month").rstrip(".").lower()]  # every month rule has the group


def _glued(text: str, start: int) -> bool:
    """True when the token at `start` continues a word, number or amount ("A380", "$5", "1.5")."""
    return start > 0 and (text[start - 1].isalnum() or text[start - 1] in "$€£¥#.,/-_")


def _build_month_day_year(m: RuleMatch, ctx: _Context) -> list[_Found]:
    mo, d = MONTHS[_group(m, "month").rstrip(".").lower()], int(_group(m, "day"))
    start = m.start()
    day_first = start == m.start(_number(m, "day"))
    if day_first and _glued(ctx.text, start):
        return []
    first = _day(int(_group(m, "year")), mo, d) if d else None
    if first is None:
        return []
    pre = _prefix(ctx, start, _DAY_FIRST_WORDS if day_first else _DATE_WORDS)
    found = [(pre.start, m.end(_number(m, "year")), first, pre.mod)]
    for s, e in _listed(m, "more", _LISTED_YEAR, ctx.text):  # "December 31, 2016, 2015 and 2014"
        p = _day(int(ctx.text[s:e]), mo, d)
        if p is not None:
            found.append((s, e, p, None))
    return found


# Each year or decade listed after the first is found again in the group that holds them all
# (`more`, `moredec`): a pattern engine keeps only a repeated group's last match.
_LISTED_YEAR: Final = re.compile(r"[0-9]{4}")  # the connectors between years hold no digit
_LISTED_DECADE: Final = re.compile(r"['’]?(?:1[6-9]|20)?[0-9]0(?=['’]?s)")  # nor between decades


def _listed(m: RuleMatch, name: str, item: re.Pattern, text: str) -> list[tuple[int, int]]:
    """(start, end) of each `item` in the group `name` of `m` (none if it took no part)."""
    number = _numbers(m).get(name)
    if number is None:
        return []
    start, end = m.span(number)
    if start >= end:
        return []
    return [found.span() for found in item.finditer(text, start, end)]


def _build_month_day(m: RuleMatch, ctx: _Context) -> list[_Found]:
    mo, d = _month_number(m), int(_group(m, "day"))
    day_first = m.start() == m.start(_number(m, "day"))
    if not d or (day_first and _glued(ctx.text, m.start())):
        return []
    pre = _prefix(ctx, m.start(), _DAY_FIRST_WORDS if day_first else _DATE_WORDS)
    y = _year_for_month_day(ctx.ref, mo, d, _direction(ctx, pre.start)) if ctx.ref else None
    p = _day(y, mo, d)
    return [(pre.start, m.end(), p, pre.mod)] if p else []


def _build_iso(m: RuleMatch, ctx: _Context) -> list[_Found]:
    mo, d = int(_group(m, "mm")), int(_group(m, "dd"))
    ok = 1 <= mo <= 12 and d >= 1 and not _glued(ctx.text, m.start())
    p = _day(int(_group(m, "yyyy")), mo, d) if ok else None
    return [(m.start(), m.end(), p, None)] if p else []


def _build_numeric(m: RuleMatch, ctx: _Context) -> list[_Found]:
    a, b, y = int(_group(m, "a")), int(_group(m, "b")), _group(m, "y")
    mo, d = (a, b) if a <= 12 else (b, a)  # US month/day unless the first cannot be a month
    year = int(y) if len(y) == 4 else _two_digit_year(int(y), ctx.ref)
    ok = 1 <= mo <= 12 and d >= 1 and 1600 <= year <= 2199 and not _glued(ctx.text, m.start())
    p = _day(year, mo, d) if ok else None
    return [(m.start(), m.end(), p, None)] if p else []


def _build_month_year(m: RuleMatch, ctx: _Context) -> list[_Found]:
    pre = _prefix(ctx, m.start(), _PART_WORDS)
    return [(pre.start, m.end(), _month(int(_group(m, "year")), _month_number(m)), pre.mod)]


def _build_month(m: RuleMatch, ctx: _Context) -> list[_Found]:
    """A month alone: "in October", "their January sales"; "May" only after a preposition."""
    pre = _prefix(ctx, m.start(), _PART_WORDS)
    if _group(m, "month").lower() == "may" and pre.mod is None and not _year_cue_before(ctx, m.start()):
        return []
    mo = _month_number(m)
    y = _year_for_month_day(ctx.ref, mo, None, _direction(ctx, pre.start)) if ctx.ref else None
    return [(pre.start, m.end(), _month(y, mo), pre.mod)]


def _explicit_year(m: RuleMatch, ctx: _Context) -> int | None | bool:
    """The year written with a quarter/half: a number, "this/last/next year"; False if none."""
    if _group(m, "year"):
        return int(_group(m, "year"))
    if _group(m, "yy"):
        return _two_digit_year(int(_group(m, "yy")), ctx.ref)
    rel = _group(m, "yearrel") or _group(m, "theyear")
    if rel:
        offset = RELATIVE_OFFSETS.get(rel.lower().split()[-1], 0)  # "the year" -> 0
        return ctx.ref.year + offset if ctx.ref else None
    return False


def _build_part_of_year(m: RuleMatch, ctx: _Context, unit: str, months_per_part: int) -> list[_Found]:
    """Quarters and halves: "the third quarter", "Q3 2024", "the first half of 2025", "H1'25"."""
    count = 12 // months_per_part
    digit = _group(m, "qn") or _group(m, "hn")
    if digit:
        n = int(digit)
    else:
        word = _group(m, "ordinal").lower()
        if word == "last" and _group(m, "year") is None and not _group(m, "yearrel") and not _group(m, "theyear"):
            pre = _prefix(ctx, m.start(), _PERIOD_WORDS)
            return [(pre.start, m.end(), _relative_unit(ctx.ref, unit, -1), pre.mod)]
        n = count if word in ("final", "last", "latter") else ORDINALS.get(word, 0)
    if not 1 <= n <= count or (_group(m, "qn") and _glued(ctx.text, m.start())):
        return []
    pre = _prefix(ctx, m.start(), _PERIOD_WORDS if not digit else _PART_WORDS)
    y = _explicit_year(m, ctx)
    if _group(m, "fiscal"):  # a fiscal quarter has no calendar value: keep the fiscal year
        return [(pre.start, m.end(), _fiscal(y or None), pre.mod)]
    if y is False:
        y = _latest_part(ctx.ref, n, months_per_part, _direction(ctx, pre.start)) if ctx.ref else None
    period = _quarter(y, n) if unit == "quarter" else _half(y, n)
    return [(pre.start, m.end(), period, pre.mod)]


def _build_quarter(m: RuleMatch, ctx: _Context) -> list[_Found]:
    return _build_part_of_year(m, ctx, "quarter", 3)


def _build_half(m: RuleMatch, ctx: _Context) -> list[_Found]:
    return _build_part_of_year(m, ctx, "half", 6)


def _build_fiscal(m: RuleMatch, ctx: _Context) -> list[_Found]:
    digits = _group(m, "year") or _group(m, "glued")
    y = int(digits) if digits else _two_digit_year(int(_group(m, "yy")), ctx.ref)
    pre = _prefix(ctx, m.start(), _PERIOD_WORDS)
    return [(pre.start, m.end(), _fiscal(y), pre.mod)]


def _build_decade(m: RuleMatch, ctx: _Context) -> list[_Found]:
    """"the 1990s", "the '90s", "the late 1980's", "the 70s and 80s"."""
    text = ctx.text
    pre = _prefix(ctx, m.start(), _PERIOD_WORDS)
    if (len(_group(m, "dec")) == 2 and not pre.the) or _glued(text, m.start()):  # "in her 70s" is an age
        return []
    found = []
    for i, (s, e) in enumerate([m.span(_number(m, "dec")), *_listed(m, "moredec", _LISTED_DECADE, text)]):
        digits = text[s:e].lstrip("'’")
        if len(digits) == 4:
            first_three = int(digits[:3])
        else:  # "'90s" -> 1990s; "'00s", "'10s" -> 2000s, 2010s
            first_three = (200 if digits in ("00", "10") else 190) + int(digits[0])
        end = e + 2 if text[e] in "'’" else e + 1  # "1980's", "1990s"
        found.append((pre.start if i == 0 else s, end, _decade(first_three), pre.mod if i == 0 else None))
    return found


def _build_relative_decade(m: RuleMatch, ctx: _Context) -> list[_Found]:
    offset = RELATIVE_OFFSETS[_group(m, "reldec").lower()]
    pre = _prefix(ctx, m.start(), _THE_WORDS)
    p = _decade((ctx.ref.year + 10 * offset) // 10) if ctx.ref else _decade(None)
    return [(pre.start, m.end(), p, pre.mod)]


def _build_century(m: RuleMatch, ctx: _Context) -> list[_Found]:
    n = ORDINALS.get(_group(m, "cent").lower())
    if not n:
        return []
    pre = _prefix(ctx, m.start(), _PERIOD_WORDS)
    return [(pre.start, m.end(), _century(n - 1), pre.mod)]


def _build_season_year(m: RuleMatch, ctx: _Context) -> list[_Found]:
    code, first = SEASONS[_group(m, "season").lower()]
    pre = _prefix(ctx, m.start(), _PERIOD_WORDS)
    return [(pre.start, m.end(), _season(int(_group(m, "year")), code, first), pre.mod)]


def _build_relative(m: RuleMatch, ctx: _Context) -> list[_Found]:
    """"last year", "this weekend", "next month", "last Tuesday", "last summer", "the previous year"."""
    words = _group(m, "relative").lower().split()
    pre = _prefix(ctx, m.start(), _RELATIVE_WORDS)
    if words[0] in ("previous", "prior", "current", "coming") and not pre.the:
        return []
    if words[0] in ("last", "next", "this") and pre.the:  # "the last year" is a duration
        return []
    if words[0] == "this" and len(words) > 1:
        offset = -1 if words[1] == "past" else 1
    else:
        offset = RELATIVE_OFFSETS["next" if words[0] == "coming" else words[0]]
    unit = " ".join(_group(m, "unit").lower().split())
    start, end, ref, mod = pre.start, m.end(), ctx.ref, pre.mod
    if unit in WEEKDAYS:
        if ref is None:
            return [(start, end, _day_of(None), mod)]
        direction = "future" if offset > 0 else (_direction(ctx, start) if offset == 0 else "past")
        return [(start, end, _day_of(_weekday_date(ref, WEEKDAYS[unit], direction, offset > 0)), mod)]
    if unit in MONTHS:
        mo = MONTHS[unit]
        if ref is None:
            return [(start, end, _month(None, mo), mod)]
        y = _year_for_month_day(ref, mo, None, {-1: "past", 1: "future"}.get(offset))
        if offset and y == ref.year and mo == ref.month:
            y += offset
        return [(start, end, _month(y, mo), mod)]
    if unit in SEASONS:
        code, first = SEASONS[unit]
        if ref is None:
            return [(start, end, _season(None, code, first), mod)]
        begun = ref.year if ref >= date(ref.year, first, 1) else ref.year - 1  # latest one begun
        if offset == 0:
            y = ref.year - 1 if first == 12 and ref.month < 3 else ref.year
        elif offset < 0:
            last_end = _season(begun, code, first).end  # never None for a known year
            y = begun if last_end is not None and last_end <= ref else begun - 1
        else:
            y = begun + 1
        return [(start, end, _season(y, code, first), mod)]
    return [(start, end, _relative_unit(ref, unit, offset), mod)]


def _relative_unit(ref: date | None, unit: str, offset: int) -> _Period:
    """The period `offset` units from the one holding ref: year, month, week, weekend, quarter, half, decade."""
    if unit == "fiscal year":
        return _fiscal(ref.year + offset if ref else None)
    if ref is None:
        return {"year": _year(None), "month": _Period("XXXX-XX", "month"),
                "week": _week(None), "weekend": _week(None, True),
                "quarter": _Period("XXXX-QX", "quarter"), "half": _Period("XXXX-HX", "half"),
                "decade": _decade(None), "day": _day_of(None)}[unit]
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
    if unit == "day":
        return _day_of(ref + timedelta(days=offset))
    return _decade(ref.year // 10 + offset)


def _build_part_of_unit(m: RuleMatch, ctx: _Context) -> list[_Found]:
    """"the end of the year", "the start of the day": the period holding the reference date."""
    pre = _prefix(ctx, m.start(), _PERIOD_WORDS)
    if pre.mod is None or not pre.the:
        return []
    unit = _group(m, "unit").lower()
    p = ctx.last_day or _day_of(ctx.ref) if unit == "day" else _relative_unit(ctx.ref, unit, 0)
    return [(pre.start, m.end(), p, pre.mod)]


def _build_best_since(m: RuleMatch, ctx: _Context) -> list[_Found]:
    """"its best week since November": the week holding the reference date."""
    unit = _number(m, "unit")
    return [(m.start(unit), m.end(unit), _relative_unit(ctx.ref, m[unit].lower(), 0), None)]


def _build_the_day(m: RuleMatch, ctx: _Context) -> list[_Found]:
    """"to end the day", "later in the day": the day last mentioned, else the reference date."""
    start = ctx.text.rfind("the", 0, m.start())  # the pattern's lookbehind holds "the day"
    return [(start, m.end(), ctx.last_day or _day_of(ctx.ref), None)]


def _build_same_period(m: RuleMatch, ctx: _Context) -> list[_Found]:
    """"the same period last year": the previous mention a year (or to the named year) back."""
    pre = _prefix(ctx, m.start(), _THE_WORDS)
    if not pre.the:
        return []
    base, named = ctx.last, _group(m, "year")
    if base is not None and base.grain not in ("year", "fiscal_year", "decade", "century"):
        head = base.value[:4]
        if head.isdigit():
            shifted = _shift_year(base, int(named) - int(head) if named else -1)
            if shifted is not None:
                return [(pre.start, m.end(), shifted, None)]
    if named:
        return [(pre.start, m.end(), _year(int(named)), None)]
    return [(pre.start, m.end(), _year(ctx.ref.year - 1 if ctx.ref else None), None)]


def _build_ago(m: RuleMatch, ctx: _Context) -> list[_Found]:
    window = _window(ctx, m.start(), 16)
    count = _COUNT_PREFIX.search(window)
    if count is None:
        return []
    count_text = count.group("count").lower()
    n = int(count_text) if count_text.isdigit() else COUNT_WORDS[count_text]
    start = m.start() - len(window) + count.start()
    unit, ref = _group(m, "unit").lower(), ctx.ref
    if unit in ("day", "week"):
        days = n if unit == "day" else 7 * n
        return [(start, m.end(), _day_of(ref - timedelta(days=days) if ref else None), None)]
    if unit == "month":
        return [(start, m.end(), _relative_unit(ref, "month", -n), None)]
    if unit == "year":
        return [(start, m.end(), _year(ref.year - n if ref else None), None)]
    return [(start, m.end(), _decade((ref.year - 10 * n) // 10 if ref else None), None)]


def _build_day_word(m: RuleMatch, ctx: _Context) -> list[_Found]:
    word = _group(m, "dayword").lower()
    pre = _prefix(ctx, m.start(), _SHIFT_WORDS)
    if word == "today" and pre.start == m.start() and not _today_is_date(ctx, m.start(), m.end()):
        return []
    ref = ctx.ref
    return [(pre.start, m.end(), _day_of(ref + timedelta(days=DAY_WORDS[word]) if ref else None), None)]


def _build_weekday(m: RuleMatch, ctx: _Context) -> list[_Found]:
    window = _window(ctx, m.start(), 16)
    if _may_end_with(window, _HOLIDAY_WORDS) and _HOLIDAY_PREFIX.search(window):  # "Black Monday"
        return []
    if ctx.ref is None:
        return [(m.start(), m.end(), _day_of(None), None)]
    d = _weekday_date(ctx.ref, WEEKDAYS[_group(m, "weekday").lower()], _direction(ctx, m.start()), False)
    return [(m.start(), m.end(), _day_of(d), None)]


def _year_cue_before(ctx: _Context, start: int) -> tuple[bool, str] | None:
    """(strong, "the year " or "") of the preposition right before a year; None if there is none."""
    text = ctx.text
    # "in 2010" without the regex: a one-word preposition and one whitespace character is what
    # _YEAR_PREPOSITION matches, strong whatever precedes it; weak unless it may end a strong one.
    if start > 1 and text[start - 1] in " \t\n" and not text[start - 2].isspace():
        word = text[max(0, start - 18):start - 1].rsplit(None, 1)[-1]  # after any space: \b
        before = start - 1 - len(word)  # where it starts
        strong = _ONE_WORD_YEAR_PREPOSITION.get(word)
        if strong or (strong is False and not " ".join(
                text[max(0, start - 32):before].lower().split()).endswith(_STRONG_LEADS)):
            return strong, ""
    window = _window(ctx, start, 32)
    m = _YEAR_PREPOSITION.search(window) if _may_end_with(window, _YEAR_PREPOSITION_WORDS) else None
    return None if m is None else (_group(m, "strong") is not None, _group(m, "theyear") or "")


def _plural_noun_next(text: str, end: int) -> bool:
    """Whether a plural noun follows `end` ("2008 levels"); most spans end at punctuation."""
    return text[end:end + 1].isspace() and _PLURAL_NOUN_NEXT.match(text, end) is not None


def _build_years(m: RuleMatch, ctx: _Context) -> list[_Found]:
    """A year with a cue, and the years listed after it ("between 2008 and 2010"); else nothing."""
    text, start = ctx.text, m.start()
    first, first_end = int(_group(m, "year")), m.end(_number(m, "year"))
    more = _listed(m, "more", _LISTED_YEAR, text)
    pre = _prefix(ctx, start, _PERIOD_WORDS)
    first_start = start
    cued = pre.mod is not None or bool(more)
    if pre.mod is not None:
        first_start = pre.start
    elif not cued:
        prep = _year_cue_before(ctx, start)
        if prep is not None and prep[0]:  # strong
            cued = not _plural_noun_next(text, first_end)
            if cued and prep[1]:
                first_start = start - len(prep[1])  # "in the year 2000"
        elif prep is not None:  # "of", "for": only when the year ends the phrase ("loss of 2007.")
            cued = bool(_END_NEXT.match(text, first_end))
        elif pre.the or _THE_BEFORE.search(text[max(0, start - 8):start]):
            cued = (1900 <= first <= 2099 and bool(_WORD_NEXT.match(text, first_end))
                    and not _plural_noun_next(text, first_end))
        else:
            cued = bool(_POSSESSIVE_NEXT.match(text, first_end)) or (
                text.startswith(",", first_end)
                and bool(_SENTENCE_START.search(text[max(0, start - 8):start])))
    if not cued:
        return []
    found = [(first_start, first_end, _year(first), pre.mod)]
    found += [(s, e, _year(int(text[s:e])), None) for s, e in more]
    return found


# --------------------------------------------------------------------------- context cues

_SIGNAL: Final = regex.compile(rf"(?ri)(?:^|\W)(?P<signal>{_alt(SIGNAL_MODS)})\s+\Z")
_PAST_SIGNAL: Final = regex.compile(r"(?ri)(?:^|\W)(?:since|last|past)\s+\Z")


class _CaselessWords:
    """A case-insensitive search for words in a short window, quick on ASCII text.

    `regex` with (?i) tries every alternative in either case at every word (~10 us on a
    clause). On ASCII text the same lower-case pattern without (?i), run by stdlib `re` with
    ASCII classes on the lower-cased window, finds the same matches: lower() keeps every
    position and every word character, and re.ASCII's \\s, \\w, \\b are `regex`'s on ASCII.
    Other text goes to `regex`, which knows Unicode case and spaces.
    """

    __slots__ = ("_ascii", "_unicode")

    def __init__(self, source: str) -> None:
        self._ascii = re.compile(source, re.ASCII | re.VERBOSE)
        self._unicode = regex.compile(source, regex.IGNORECASE | regex.VERBOSE)

    def found_in(self, window: str) -> bool:
        if window.isascii():
            return self._ascii.search(window.lower()) is not None
        return self._unicode.search(window) is not None


_FUTURE: Final = _CaselessWords(
    r"""\b(?:will|shall|won't|would|is\s+set\s+to|are\s+set\s+to|scheduled|is\s+due
        |are\s+due|expected\s+to|plans?\s+to|planned|going\s+to|is\s+to|are\s+to|upcoming)\b
        |'ll\b""")
# Past-tense verbs (and a few news verbs) that make "today" the day of the news.
_PAST_VERB: Final = _CaselessWords(
    r"""\b(?:(?!(?:need|indeed|speed|hundred|seed|feed|breed|proceed|exceed|succeed|greed
                 |embed|bed|red|shed|wed|led)\b)[a-z]{2,}ed|said|says|told|fell|rose|lost|won
        |made|took|gave|saw|became|began|came|went|met|paid|sold|bought|hit|cut|set|fallen
        |risen|grown|shown|known|was|were|announces|reports)\b""")
_FUTURE_VERB: Final = _CaselessWords(r"\b(?:will|would|shall|is\s+set\s+to)\b|'ll\b")
_CLAUSE_BREAK: Final = re.compile(r"""[;!?"“”\n]|[.:](?![0-9])""")
_PAST_SIGNAL_WORDS: Final = ("since", "last", "past")
# `regex`'s \s: Unicode White_Space (str.isspace adds \x1c-\x1f).
_REGEX_SPACE: Final = frozenset(" \t\n\x0b\x0c\r\x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000") | frozenset(
    map(chr, range(0x2000, 0x200b)))


def _sentence_start(window: str) -> int:
    """Where the last sentence of `window` starts: after its last newline, or its last ".", "!"
    or "?" and the space after it; 0 if none (what a `regex` search (?r) for [.!?]\\s|\\n ends at)."""
    start = window.rfind("\n") + 1
    for mark in ".!?":
        i = window.rfind(mark, start)
        while i >= 0 and window[i + 1:i + 2] not in _REGEX_SPACE:
            i = window.rfind(mark, start, i)
        if i >= 0:
            start = i + 2
    return start


def _clause_start(window: str) -> int:
    """Where the last clause of `window` starts: after its last ";", "!", "?", quote or newline,
    or its last "." or ":" not before a digit; 0 if none."""
    start = max(map(window.rfind, ';!?"“”\n')) + 1
    for mark in ".:":
        i = window.rfind(mark, start)
        while i >= 0 and "0" <= window[i + 1:i + 2] <= "9":
            i = window.rfind(mark, start, i)
        if i >= 0:
            start = i + 1
    return start


def _direction(ctx: _Context, start: int) -> str | None:
    """"past" after "since"/"last", "future" when the sentence so far speaks of the future."""
    text = ctx.text
    if ctx.ref is None:
        return None
    window = text[max(0, start - 120):start]
    tail = window[-12:]
    if _may_end_with(tail, _PAST_SIGNAL_WORDS, caseless=True) and _PAST_SIGNAL.search(tail):
        return "past"
    return "future" if _FUTURE.found_in(window[_sentence_start(window):]) else None


def _today_is_date(ctx: _Context, start: int, end: int) -> bool:
    """True when "today" is the day of the news, not "nowadays".

    The clause before it must hold a past-tense verb ("announced today", "fell sharply
    today"), or the two words after it a past or future verb ("today named", "Today was").
    """
    text = ctx.text
    before = text[max(0, start - 100):start]
    after = text[end:end + 40]
    before = before[_clause_start(before):]
    brk = _CLAUSE_BREAK.search(after)
    words = (after[:brk.start()] if brk else after).replace(",", " ").split()
    after = " ".join(words[:2])
    return (_PAST_VERB.found_in(after)  # the two words after first: the shorter search
            or _FUTURE_VERB.found_in(after)
            or _PAST_VERB.found_in(before))


_SIGNAL_LAST_WORDS: Final = frozenset(k.split()[-1] for k in SIGNAL_MODS)
_ONE_WORD_SIGNALS: Final = {k: mod for k, mod in SIGNAL_MODS.items() if " " not in k}  # "by", "since"
# The last words of the longer signals ("than", "to", "of") and the words before those.
_SIGNAL_TAILS: Final = frozenset(k.split()[-1] for k in SIGNAL_MODS if " " in k)
_SIGNAL_LEADS: Final = tuple({k.split()[-2] for k in SIGNAL_MODS if " " in k})


def _signal_mod(text: str, start: int) -> str | None:
    if _word_before(text, start) not in _SIGNAL_LAST_WORDS:
        return None
    window = text[max(0, start - 16):start]
    if window.isascii() and window[-1] != "-":  # ASCII: lower() is (?i); the last word may settle it
        head, _, word = window[:-1].rpartition(" ")
        word = word.lower()
        if word in _ONE_WORD_SIGNALS:  # after a space or at the window's start: \W or ^
            return _ONE_WORD_SIGNALS[word]
        if word in _SIGNAL_TAILS and not " ".join(head.lower().split()).endswith(_SIGNAL_LEADS):
            return None  # "the end of 2010", "up to 2012": no longer signal ends here
    m = _SIGNAL.search(window)
    return SIGNAL_MODS[" ".join(_group(m, "signal").lower().split())] if m else None


# --------------------------------------------------------------------------- the rules

_QN: Final = r"(?P<qn>[1-4])"
_HN: Final = r"(?P<hn>[12])"

# ---- starting with a month, weekday or season name
_MONTH_DAY_YEAR: Final = Rule("<month> <day>, <year>", rf"""
    {_MONTH} \s* {_DAY} (?:\s*,\s*|\s+) {_YEAR}
    (?P<more>(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_YEAR_ALONE})*+)    # "December 31, 2016, 2015 and 2014"
    """, _build_month_day_year)
_MONTH_YEAR: Final = Rule("<month> <year>", rf"{_MONTH} (?:\s+of)? ,? \s+ {_YEAR}", _build_month_year)
_MONTH_DAY: Final = Rule("<month> <day>", rf"{_MONTH} \s* {_DAY} (?!\s*,?\s*[0-9])", _build_month_day)
_MONTH_ALONE_RULE: Final = Rule("<month>", rf"{_MONTH_ALONE} (?!\s*-) {_NOT_NAME_NEXT}", _build_month)
_SEASON_YEAR: Final = Rule("<season> <year>", rf"{_SEASON} (?:\s+of)? ,? \s+ {_YEAR}", _build_season_year)
_WEEKDAY_RULE: Final = Rule("<weekday>", rf"""
    {_WEEKDAY} (?!-|,?\s+(?:the\s+)?(?:[0-9]|(?:{_alt(_cased(MONTHS))})\b))  # not "Tuesday, March 3"
    """, _build_weekday)
_DAY_WORD: Final = Rule("yesterday", r"""
    (?P<dayword>[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight|YESTERDAY|TODAY|TOMORROW) \b (?!-)
    """, _build_day_word)
_FISCAL: Final = Rule("fiscal <year>", rf"""
    (?: [Ff]iscal(?:\s+[Yy]ear)?\s+{_YEAR} | FY\s*['’]?{_YEAR_GLUED} | (?:[Ff]iscal\s+['’]|FY\s*['’]?){_YY} )
    """, _build_fiscal)
# ---- starting with a digit
_ISO: Final = Rule("<yyyy>-<mm>-<dd>", r"""
    (?P<yyyy>(?:1[6-9]|2[01])[0-9]{2}) - (?P<mm>[01][0-9]) - (?P<dd>[0-3][0-9]) (?![\w-]|[.,:/]\d)
    """, _build_iso)
_NUMERIC: Final = Rule("<mm>/<dd>/<yy>", r"""
    (?P<a>[0-9]{1,2}) / (?P<b>[0-9]{1,2}) / (?P<y>[0-9]{4}|[0-9]{2}) (?![\w/]|[.,]\d)
    """, _build_numeric)
_DAY_MONTH_YEAR: Final = Rule("<day> <month> <year>", rf"{_DAY} (?:\s+of)? \s+ {_MONTH} ,? \s+ {_YEAR}",
                       _build_month_day_year)
_DAY_MONTH: Final = Rule("<day> <month>", rf"{_DAY} (?:\s+of)? \s+ {_MONTH}", _build_month_day)
_NQ: Final = Rule("<n>Q<yy>", rf"{_QN} Q \s* (?:{_YEAR}|'?{_YY})", _build_quarter)
_NH: Final = Rule("<n>H<yy>", rf"{_HN} H \s* (?:{_YEAR}|'?{_YY})", _build_half)
_YEAR_Q: Final = Rule("<year> Q<n>", rf"{_YEAR} \s* Q{_QN}\b", _build_quarter)
_YEAR_H: Final = Rule("<year> H<n>", rf"{_YEAR} \s* H{_HN}\b", _build_half)
_YEAR_FISCAL: Final = Rule("<year> fiscal year", rf"{_YEAR} \s+ fiscal\s+year\b", _build_fiscal)
_DECADE: Final = Rule("the <decade>s", r"""
    (?P<dec>(?:1[6-9]|20)[0-9]0|['’]?[0-9]0)['’]?s
    (?P<moredec>(?:(?:\s*,\s*|\s+(?:and|or|to)\s+) (?:the\s+)? ['’]?(?:1[6-9]|20)?[0-9]0['’]?s\b)*+) \b
    """, _build_decade)
_CUED_YEAR: Final = Rule("<cue> <year>", rf"{_YEAR} {_MORE_YEARS}", _build_years)
# ---- starting with a letter code
_Q_YEAR: Final = Rule("Q<n> <year>", rf"Q{_QN} (?:\s*(?:of\s+)?{_YEAR}|\s*['’]{_YY})? \b", _build_quarter)
_H_YEAR: Final = Rule("H<n> <year>", rf"H{_HN} \s* (?:{_YEAR}|['’]?{_YY})", _build_half)
# ---- starting with a word
_ORDINAL_QUARTER: Final = Rule("the <ordinal> quarter [of <year>]", rf"""
    {_ORDINAL_PART} [\s-]+ quarter\b (?!-century) (?:{_OF_YEAR})? {_NOT_OF_OTHER}
    """, _build_quarter)
_ORDINAL_HALF: Final = Rule("the <ordinal> half [of <year>]", rf"""
    {_ORDINAL_PART} [\s-]+ half\b (?!-) (?:{_OF_YEAR})? {_NOT_OF_OTHER}
    """, _build_half)
_CENTURY: Final = Rule("the <ordinal> century", rf"(?P<cent>{_either_case(ORDINALS)}) [\s-]+ century\b",
                _build_century)
_PAST_DECADE: Final = Rule("the past decade", rf"""
    (?P<reldec>{_either_case(["past", "last", "previous", "this", "next", "coming", "current"])}) \s+ decade\b
    """, _build_relative_decade)
_RELATIVE_UNIT: Final = Rule("last <unit>", rf"""
    (?P<relative>(?:{_either_case(["last", "this", "next"])})(?:\s+(?:past|coming))?
                |previous|prior|current|coming) \s+
    (?P<unit>fiscal\s+year|year|month|week(?:end)?|quarter|half
           |(?:{_alt(_cased(WEEKDAYS))})|(?:{_alt(_cased((*STANDALONE_MONTHS, "may")))})
           |(?:{_either_case(SEASONS)}))\b
    """, _build_relative)
_SAME_PERIOD: Final = Rule("the same period last year", rf"""
    same\s+(?:period|month|quarter|week|day|time|season|half)
    \s+ (?:last\s+year|a\s+year\s+(?:ago|earlier|before)|(?:of\s+)?the\s+(?:previous|prior)\s+year
          |of\s+last\s+year|(?:of\s+|in\s+)?{_YEAR})
    """, _build_same_period)
_AGO: Final = Rule("<count> <unit>s ago", r"(?P<unit>day|week|month|year|decade)s? \s+ ago\b", _build_ago)
_THE_DAY: Final = Rule("the day", r"""
    day \b (?<=\b(?:end|ended|ending|ends|close|closed|closing|start|started|starting|began|begin
                 |open|opened|opening|finish|finished|finishing|later\s+in|earlier\s+in)\s+the\s+day)
    (?!['’]s|\s+(?:before|after|of|when|that|where|on|in)\b)
    """, _build_the_day)
_PART_OF_UNIT: Final = Rule("<part> of the <unit>", r"""
    (?P<unit>year|month|week|quarter|day)\b (?!['’]s|\s+(?:before|after|of|when|that)\b)
    """, _build_part_of_unit)
_BEST_SINCE: Final = Rule("best <unit> since", r"""
    (?:best|worst|biggest|strongest|weakest|busiest) \s+ (?P<unit>day|week|month|year) (?=\s+since\b)
    """, _build_best_since)

date_rules: tuple[Rule, ...] = (
    _MONTH_DAY_YEAR, _MONTH_YEAR, _MONTH_DAY, _MONTH_ALONE_RULE, _SEASON_YEAR, _WEEKDAY_RULE,
    _DAY_WORD, _FISCAL, _ISO, _NUMERIC, _DAY_MONTH_YEAR, _DAY_MONTH, _NQ, _NH, _YEAR_Q, _YEAR_H,
    _YEAR_FISCAL, _DECADE, _CUED_YEAR, _Q_YEAR, _H_YEAR, _ORDINAL_QUARTER, _ORDINAL_HALF, _CENTURY,
    _PAST_DECADE, _RELATIVE_UNIT, _SAME_PERIOD, _AGO, _THE_DAY, _PART_OF_UNIT, _BEST_SINCE,
)


# --------------------------------------------------------------------------- the scan
# One alternation of all rules is slow (no first-character filter survives it). So the text is
# scanned for cheap anchors (digit runs, capitalized names, a few keywords found with Hyperscan),
# and at each anchor only the rules that can start there are tried, with `match`.


@dataclass(frozen=True, slots=True)
class _RuleSet:
    """Rules tried together at one position: one alternation of their patterns, earlier rules
    first (extractors/engines.py)."""

    rules: tuple[Rule, ...]
    alternation: Alternation
    # At a keyword: a cheap necessary condition of a match on the text after the word's end.
    may_follow: Callable[[str, int], bool] | None = None

    @classmethod
    def of(cls, *rules: Rule, may_follow: Callable[[str, int], bool] | None = None) -> _RuleSet:
        alternation = Alternation([r.pattern for r in rules], regex.VERBOSE)
        for compiled in (alternation.pattern.fast, alternation.pattern.safe):
            if compiled is not None:
                _RULE_GROUPS[id(compiled)] = (compiled, alternation.names)
        return cls(rules, alternation, may_follow)

    def match(self, text: str, pos: int, fast: bool = False, timeout: float | None = None) -> tuple[Rule, RuleMatch] | None:
        """The first rule matching at `pos` and its match; `fast`: on `re` (extractors/engines.py)."""
        m = self.alternation.match(text, pos, fast, timeout)
        if m is None:
            return None
        return self.rules[self.alternation.which[m.lastindex]], m


# A name anchor starts either month rules or the weekday rule, never both (no month name
# starts a weekday name), so each tries only its own.
_AT_WEEKDAY: Final = _RuleSet.of(_WEEKDAY_RULE)
# The month rules by the first character after the name, past an abbreviation's dot and any
# spaces (from their patterns): "0" for a digit (a day or a year), "," and "o" ("of") before a
# year, "" for any other, which only a month alone takes. Abbreviations never stand alone.
_MONTH_FOLLOWERS: tuple[tuple[Rule, tuple[str, ...]], ...] = (
    (_MONTH_DAY_YEAR, ("0",)), (_MONTH_YEAR, ("0", ",", "o")), (_MONTH_DAY, ("0",)),
    (_MONTH_ALONE_RULE, ("0", ",", "o", "")),
)


def _month_rule_set(full: bool, follow: str) -> _RuleSet | None:
    rules = [r for r, follows in _MONTH_FOLLOWERS if follow in follows and (full or r is not _MONTH_ALONE_RULE)]
    return _RuleSet.of(*rules) if rules else None


_MONTH_RULES: Final = {(full, follow): _month_rule_set(full, follow) for full in (True, False) for follow in ("0", ",", "o", "")}
_IS_FULL_MONTH: Final = {form: form.lower() in _FULL_MONTHS for form in _cased(MONTHS)}


def _month_rules(text: str, end: int, full: bool) -> _RuleSet | None:
    """The rules of _MONTH_FOLLOWERS that may match at the month name ending at `end`."""
    if not full and text.startswith(".", end):  # "Sept. 3": without its dot nothing follows
        end += 1
    follow = text[end:end + 32].lstrip()[:1]  # str.isspace holds for every regex \s
    if not follow or "0" <= follow <= "9":  # (nothing but spaces in the window: maybe a digit)
        return _MONTH_RULES[full, "0"]
    return _MONTH_RULES[full, follow if follow in ",o" else ""]
_AT_YEAR: Final = _RuleSet.of(_ISO, _YEAR_Q, _YEAR_H, _YEAR_FISCAL, _DECADE, _CUED_YEAR)
_AT_CODE: Final = _RuleSet.of(_Q_YEAR, _H_YEAR, _DECADE)  # one character before a digit: "Q3", "H1", "'90s"
_K_NAME, _K_DIGIT, _K_YEAR, _K_WORD, _K_UNIT = 0, 1, 2, 3, 4


def _year_may_follow(text: str, end: int) -> bool:
    """False when `(?:\\s+of)?,?\\s+<year>` cannot follow `end` (_SEASON_YEAR: "summer of 2010").

    Past spaces (str.isspace holds for every regex \\s), an "of" and a comma, the next character
    must start a year (1600-2199). Fewer than two characters left in the window: maybe.
    """
    rest = text[end:end + 32].lstrip()
    if rest[:2] == "of":
        rest = rest[2:].lstrip()
    if rest[:1] == ",":
        rest = rest[1:].lstrip()
    return len(rest) < 2 or rest[0] in "12"


_SAME_UNITS: Final = ("period", "month", "quarter", "week", "day", "time", "season", "half")  # of _SAME_PERIOD


def _same_unit_follows(text: str, end: int) -> bool:
    """False when `\\s+<unit>` of _SAME_PERIOD cannot follow `end` ("same period", not "same as")."""
    rest = text[end:end + 32]
    if not rest[:1].isspace():
        return False
    rest = rest.lstrip()
    return len(rest) < len("quarter") or rest.startswith(_SAME_UNITS)


_AT_SEASON: Final = _RuleSet.of(_SEASON_YEAR, may_follow=_year_may_follow)
_AT_SAME: Final = _RuleSet.of(_SAME_PERIOD, may_follow=_same_unit_follows)
_AT_DAY_WORD: Final = _RuleSet.of(_DAY_WORD)
_AT_FISCAL: Final = _RuleSet.of(_FISCAL)
_AT_UNIT: Final = _RuleSet.of(_THE_DAY, _PART_OF_UNIT)  # "end the day", "the end of the year"
# Words found with str.find (both cases): the rules tried at them, None for "look back only".
_KEYWORD_RULES: dict[str, _RuleSet | None] = {
    "same": _AT_SAME, "today": _AT_DAY_WORD, "yesterday": _AT_DAY_WORD,
    "tomorrow": _AT_DAY_WORD, "tonight": _AT_DAY_WORD, "fiscal": _AT_FISCAL, "fy": _AT_FISCAL,
    **{season: _AT_SEASON for season in SEASONS},
    "ago": None, "decade": None, "century": None, "half": None, "week": None,  # "last week"
    "weekend": None,  # "last weekend": a keyword of its own, as "week" must end a word
}
# Unit words: "last year", "the first quarter" looking back; "the end of the year" at them.
_UNIT_KEYWORDS: Final = ("year", "month", "quarter", "day")
_KEYWORD_ANCHORS: tuple[tuple[str, int], ...] = (
    *((form, _K_WORD) for w in _KEYWORD_RULES for form in dict.fromkeys((w, w.title())) if w != "fy"),
    ("FY", _K_WORD),
    *((w, _K_UNIT) for w in _UNIT_KEYWORDS),
)
# The rules tried at the one or two words before an anchor ("last year", "the first half", "two
# days ago"), in this order, each with the lower-case words it starts with and the anchors it
# reads in its next two words (from its pattern). A match must reach past the anchor to be a
# mention, so a word tries only the rules it starts that read that anchor. The other rules start
# at an anchor ("summer 2010", "same", "today", "fiscal") or read one word ("the day").
_ORDINAL_PART_WORDS: Final = frozenset({"first", "second", "third", "fourth", "final", "last", "latter",
                                 "1st", "2nd", "3rd", "4th"})  # _ORDINAL_PART
_LEAD_WORD_RULES: tuple[tuple[Rule, frozenset[str], frozenset[str]], ...] = (
    (_ORDINAL_QUARTER, _ORDINAL_PART_WORDS, frozenset({"quarter"})),
    (_ORDINAL_HALF, _ORDINAL_PART_WORDS, frozenset({"half"})),
    (_CENTURY, frozenset(ORDINALS), frozenset({"century"})),
    (_PAST_DECADE, frozenset({"past", "last", "previous", "this", "next", "coming", "current"}),
     frozenset({"decade"})),
    (_RELATIVE_UNIT, frozenset({"last", "this", "next", "previous", "prior", "current", "coming"}),
     frozenset({"fiscal", "year", "month", "week", "weekend", "quarter", "half", *SEASONS,
                *_cased(WEEKDAYS), *_cased(_FULL_MONTHS)})),  # name anchors keep their case
    (_AGO, frozenset(unit + s for unit in ("day", "week", "month", "year", "decade") for s in ("", "s")),
     frozenset({"ago"})),
    (_BEST_SINCE, frozenset({"best", "worst", "biggest", "strongest", "weakest", "busiest"}),
     frozenset({"day", "week", "month", "year"})),
)


def _rules_by_anchor_and_lead() -> dict[str, dict[str, _RuleSet]]:
    """anchor -> lead word -> the rules of _LEAD_WORD_RULES it starts that read the anchor."""
    sets: dict[tuple[Rule, ...], _RuleSet] = {}
    table: dict[str, dict[str, _RuleSet]] = {}
    for anchor in {a for _, _, anchors in _LEAD_WORD_RULES for a in anchors}:
        for lead in {w for _, leads, _ in _LEAD_WORD_RULES for w in leads}:
            rules = tuple(r for r, leads, anchors in _LEAD_WORD_RULES if lead in leads and anchor in anchors)
            if rules:
                if rules not in sets:
                    sets[rules] = _RuleSet.of(*rules)
                table.setdefault(anchor, {})[lead] = sets[rules]
    return table


_LEAD_RULES: Final = _rules_by_anchor_and_lead()

# A name next to a character beyond ASCII is confirmed with `regex` `\b` (see _anchors).
_NAME_ANCHOR: Final = regex.compile(rf"\b(?:{_alt(_cased(MONTHS))}|{_alt(_cased(WEEKDAYS))})\b")
_ASCII_WORD: Final = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_")
# The rules a run of one or two digits may start, by the character right after the run (from
# their patterns; " " stands for any space): "3/4/10"; "3 March", "3rd of March"; "3Q10", "1H10";
# "90s", "90's"; "1st quarter", "21st century". Their order is the order of trial.
_DIGIT_FOLLOWERS: tuple[tuple[Rule, str], ...] = (
    (_NUMERIC, "/"), (_DAY_MONTH_YEAR, " stnr"), (_DAY_MONTH, " stnr"), (_NQ, "Q"), (_NH, "H"),
    (_DECADE, "s'’"), (_ORDINAL_QUARTER, "stnr"), (_ORDINAL_HALF, "stnr"), (_CENTURY, "stnr"),
)
_DIGIT_RULES: dict[str, _RuleSet] = {
    char: _RuleSet.of(*(rule for rule, chars in _DIGIT_FOLLOWERS if char in chars))
    for char in dict.fromkeys("".join(chars for _, chars in _DIGIT_FOLLOWERS))}
# Digit runs that can start a date, picked from the shared digit-run scan
# (extractors.fastscan.ascii_digit_runs: found once for all extractors): a year 1600-2199 as a
# whole run; or a run of one or two digits (no "." or "," before it) followed by a character of
# _DIGIT_RULES, or by spaces and a month's capital or "of"; or the one digit 1-4 of "Q3"/"H1" (no
# word character after it). The anchor's key is that character (" " for any space).
_DIGIT_FOLLOW: Final = frozenset(_DIGIT_RULES) - {" "}
_MONTH_INITIALS: Final = "".join(sorted({name[0].upper() for name in MONTHS}))
_SPACES_THEN_MONTH: Final = regex.compile(rf"[^\S\n]+(?:[{_MONTH_INITIALS}]|of\b)")  # "3 March", "3 of"
_WORD_CHAR: Final = regex.compile(r"\w")
# After one space, a character that starts neither a month nor "of" ("5 percent", "3 GB").
_NO_MONTH_AFTER_SPACE: Final = frozenset(string.ascii_letters + string.digits + string.punctuation) - set(_MONTH_INITIALS + "o")


def _digit_anchors(text: str) -> list[tuple[int, int, str]]:
    """(start, _K_YEAR or _K_DIGIT, "" or the key of _DIGIT_RULES) of the digit runs that can start a date."""
    found = []
    for s, e in ascii_digit_runs(text):
        size = e - s
        if size == 4:
            if (text[s] == "1" and text[s + 1] >= "6") or (text[s] == "2" and text[s + 1] <= "1"):
                found.append((s, _K_YEAR, ""))
            continue
        if size > 2:
            continue
        after = text[e:e + 1]
        if s == 0 or text[s - 1] not in ".,":
            if after in _DIGIT_FOLLOW:  # "" (the end) is in no frozenset
                found.append((s, _K_DIGIT, after))
                continue
            # Only a space (str.isspace holds for every regex \s) may start "3 March"; the common
            # "5 percent" (one space and no month's capital) needs no pattern either.
            if ((after.isspace() or after >= "\x80")
                    and not (after == " " and text[e + 1:e + 2] in _NO_MONTH_AFTER_SPACE)
                    and _SPACES_THEN_MONTH.match(text, e) is not None):
                found.append((s, _K_DIGIT, " "))
                continue
        if (size == 1 and s > 0 and text[s - 1] in "QH" and "1" <= text[s] <= "4"
                and (not after or (after < "\x80" and not (after.isalnum() or after == "_"))
                     or (after >= "\x80" and _WORD_CHAR.match(after) is None))):
            found.append((s, _K_DIGIT, " " if after.isspace() else after))
    return found


_KEYWORD_OF: dict[str, tuple[int, str]] = {word: (kind, word.lower()) for word, kind in _KEYWORD_ANCHORS}
# Names and keywords (as written: "Today", "today"), found in one Hyperscan pass (see
# extractors.fastscan.Literals). Next to ASCII, the checks of the characters around a name are
# `\b` exactly; text with other characters is confirmed with `regex` `\b`.
_WORDS: Final = Literals((*_cased((*MONTHS, *WEEKDAYS)), *_KEYWORD_OF))
assert _KEYWORD_OF.keys().isdisjoint(_cased((*MONTHS, *WEEKDAYS)))
WORD_SETS: Final = (_WORDS,)  # found in one pass with the other extractors' (extractors/__init__.py)


def _anchors(text: str, deadline: float) -> list[tuple[int, int, str]]:
    """(position, kind, name or keyword) of every place a date may start or turn on, in text order."""
    found = _digit_anchors(text)
    for count, (i, word) in enumerate(_WORDS.find_all(text)):
        if count % DEADLINE_EVERY == 0:  # a text made of one word over and over
            past_deadline(deadline, text)
        e = i + len(word)
        keyword = _KEYWORD_OF.get(word)
        if keyword is None:  # a name
            before, after = text[i - 1] if i else " ", text[e:e + 1]
            if before in _ASCII_WORD or after in _ASCII_WORD:  # "" (the end) is in no frozenset
                continue  # "Mayor", "Marchetti"; also where a longer name matched ("March", not "Mar")
            if (before >= "\x80" or after >= "\x80") and not _NAME_ANCHOR.match(text, i):
                continue
            found.append((i, _K_NAME, word))
        # A keyword counts as a whole word only, no letter on either side: the rules read keywords
        # whole (`\b`), and the longer words they read ("weekend") are keywords of their own.
        elif (i == 0 or not text[i - 1].isalpha()) and not text[e:e + 1].isalpha():
            found.append((i, *keyword))
    found.sort()
    return found


def _lead_words(text: str, pos: int, floor: int) -> list[tuple[int, str]]:
    """Up to two words right before `pos` (nearest first), as (start, lower-cased word)."""
    words: list[tuple[int, str]] = []
    end = pos
    while len(words) < 2:
        j = end - 1
        if j <= floor or text[j] not in " \t-" or (words and text[j] == "-"):
            break
        lo = j - 20 if j - 20 > floor else floor
        k = text.rfind(" ", lo, j)
        word = text[k + 1 if k >= 0 else lo:j]
        if "\n" in word or "\t" in word:  # rare: the word starts after the last of the three
            k = max(k, text.rfind("\n", lo, j), text.rfind("\t", lo, j))
        if k < 0 and lo > 0:
            break
        start = k + 1 if k >= 0 else 0
        words.append((start, text[start:j].lower()))
        end = start
    return words


def _try(rules: _RuleSet, ctx: _Context, start: int, anchor: int, floor: int,
         timeout: float | None) -> tuple[Rule, list[_Found]] | None:
    """The mentions of the first rule of `rules` matching at `start` if it reaches past `anchor`."""
    matched = rules.match(ctx.text, start, ctx.fast, timeout)
    if matched is None:
        return None
    rule, m = matched
    if m.end() <= anchor:
        return None
    try:
        found = rule.build(m, ctx)
    except (ValueError, OverflowError):  # calendar arithmetic out of range: no mention
        return None
    if found and found[0][0] < floor or len(found) > 1:  # a prefix may not reach into the last span
        found = [f for f in found if f[0] >= floor]
    return (rule, found) if found else None


def extract_dates(text: str, reference_date: date | None = None) -> list[DateMention]:
    """Every date mention in `text`, in text order; relative ones resolved against `reference_date`."""
    timeout, deadline = regex_timeout(text), deadline_for(text)
    ctx = _Context(text, reference_date, use_re(text, timeout))
    mentions: list[DateMention] = []
    last_end = 0
    for count, (pos, kind, key) in enumerate(_anchors(text, deadline)):
        if count % DEADLINE_EVERY == 0:
            past_deadline(deadline, text)
        if pos < last_end:
            continue
        hit = None
        if kind != _K_DIGIT and kind != _K_YEAR:  # "last year", "the first half", "last Tuesday"
            leads = _LEAD_RULES.get(key)
            if leads is not None:
                for start, word in reversed(_lead_words(text, pos, last_end)):
                    lead_rules = leads.get(word)
                    if lead_rules is not None:
                        hit = _try(lead_rules, ctx, start, pos, last_end, timeout)
                        if hit is not None:
                            break
        elif pos > last_end and text[pos - 1] in "QH'’":
            hit = _try(_AT_CODE, ctx, pos - 1, pos, last_end, timeout)
        if hit is None:
            if kind == _K_NAME:
                full = _IS_FULL_MONTH.get(key)
                rules = _AT_WEEKDAY if full is None else _month_rules(text, pos + len(key), full)
            elif kind == _K_WORD:
                rules = _KEYWORD_RULES[key]
                if rules is not None and rules.may_follow is not None and not rules.may_follow(text, pos + len(key)):
                    rules = None
            elif kind == _K_UNIT:
                rules = _AT_UNIT if _word_before(text, pos) == "the" else None
            else:
                rules = _AT_YEAR if kind == _K_YEAR else _DIGIT_RULES.get(key)
            if rules is not None:
                hit = _try(rules, ctx, pos, pos - 1, last_end, timeout)
        if hit is None:
            continue
        rule, found = hit
        for start, end, p, mod in found:
            if end > last_end:
                last_end = end
            mentions.append(DateMention(
                start, end, text[start:end], p.value, p.grain, rule.name, p.start, p.end,
                mod or _signal_mod(text, start),
            ))
            ctx.last = p
            if p.grain == "day":
                ctx.last_day = p
    return mentions


# --------------------------------------------------------------------------- dateline

_DATELINE_LINES: Final = 5
_DATELINE: Final = regex.compile(
    rf"""\A [^\S\n]* (?:(?:Published|Posted|Updated|Dated?)(?:\s+on)?:?\s+)?
        (?: {_WEEKDAY_PREFIX} {_MONTH} \s* {_DAY} (?:\s*,\s*|\s+) {_YEAR}
          | {_WEEKDAY_PREFIX} {_DAY} (?:\s+of)? \s+ {_MONTH} ,? \s+ {_YEAR}
          | (?P<yyyy>(?:1[6-9]|2[01])[0-9]{{2}}) - (?P<mm>[01][0-9]) - (?P<dd>[0-3][0-9]) )
        [^\S\n]* [.]? [^\S\n]* \Z""",
    regex.VERBOSE,
)

_FOUR_DIGITS: Final = re.compile(r"[0-9]{4}")


def find_dateline(text: str) -> tuple[date, int, int] | None:
    """The date alone on one of the first lines ("March 03, 2010"), with its span; else None."""
    pos = 0
    for _ in range(_DATELINE_LINES):
        newline = text.find("\n", pos)
        line_end = len(text) if newline < 0 else newline
        line = text[pos:line_end]
        # each form of _DATELINE has a year; and 60 characters bound the work of a match, so it
        # needs no timeout (two clock reads a call: a quarter of the time here)
        if len(line) <= 60 and _FOUR_DIGITS.search(line):
            m = _DATELINE.match(line)
            if m:
                if _group(m, "yyyy"):
                    y, mo, d = int(_group(m, "yyyy")), int(_group(m, "mm")), int(_group(m, "dd"))
                    start, end = m.start(_number(m, "yyyy")), m.end(_number(m, "dd"))
                else:
                    y, mo, d = int(_group(m, "year")), _month_number(m), int(_group(m, "day"))
                    start = (m.start(_number(m, "weekday")) if _group(m, "weekday")
                             else min(m.start(_number(m, "month")), m.start(_number(m, "day"))))
                    end = m.end(_number(m, "year"))
                if 1 <= mo <= 12 and 1 <= d <= calendar.monthrange(y, mo)[1]:
                    return date(y, mo, d), pos + start, pos + end
        if newline < 0:
            break
        pos = newline + 1
    return None
