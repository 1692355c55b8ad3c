"""The named parts the date rule patterns are composed of (VERBOSE regex sources).

Every rule's pattern starts with a required token (a month, a digit, a keyword): an optional
prefix at the start of a branch would be tried at every position and make the scan far slower.
Words before that token ("early", "the", "Tuesday,", "by") are read afterwards from the text
just before the match (extractors/dates/context.py).
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Final

import regex

from extractors.calendar_words import MONTHS, PART_ORDINALS, SEASONS, SHORT_WEEKDAYS, STANDALONE_MONTHS, WEEKDAYS


def alt(words: Iterable[str]) -> str:
    """Regex alternation of literal words, longest first, spaces matching any whitespace."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def cased(words: Iterable[str]) -> list[str]:
    """Capitalized and ALL CAPS forms: "january" -> "January", "JANUARY"."""
    return [form for w in words for form in (w[:1].upper() + w[1:], w.upper())]


def either_case(words: Iterable[str]) -> str:
    """Alternation matching a word with its first letter in either case ("In"/"in")."""
    return alt([form for w in words for form in (w, w[:1].upper() + w[1:])])


FULL_MONTHS: Final = (*STANDALONE_MONTHS, "may")
# Abbreviations may take a dot ("Sept."); full names may not (the dot ends the sentence).
ABBREVIATED_MONTHS: Final = tuple(k for k in MONTHS if k not in FULL_MONTHS)
MONTH: Final = rf"""(?P<month>(?:{alt(cased(FULL_MONTHS))})\b
                       |(?:{alt(cased(ABBREVIATED_MONTHS))})\b\.?)"""
MONTH_ALONE: Final = rf"(?P<month>(?:{alt(cased(FULL_MONTHS))})\b)"
ANY_MONTH: Final = rf"(?:{alt(cased(MONTHS))})\b"  # without a group: "Tuesday, March 3" follows a weekday
# A weekday's name, or its abbreviation with an optional dot ("Wed, Aug 13").
WEEKDAY: Final = rf"(?P<weekday>(?:{alt(cased(WEEKDAYS))})\b|(?:{alt(cased(SHORT_WEEKDAYS))})\b\.?)"
WEEKDAY_PREFIX: Final = rf"(?:{WEEKDAY},?\s+(?:the\s+)?)?"  # for the dateline
DAY: Final = r"""(?P<day>[0-3]?[0-9])(?:st|nd|rd|th)?\b
           (?![.,:/-]?\d|\s*(?:%|percent|per\s*cent|pct|million|billion|[ap]\.?m\b))"""
# A 4-digit year 1600-2199, not part of a longer number or an amount ...
YEAR_DIGITS: Final = r"""(?:1[6-9]|2[01])[0-9]{2}
                   (?!\w|%|[.,:/]\d|\s*(?:percent|per\s*cent|million|billion))"""
# ... nor glued to a word or sign before it ("Anadolu-2025", "$2000"), except "mid-2026".
YEAR_ALONE: Final = rf"(?<![\w$€£¥#.,/])(?<!(?<![Mm]id)-){YEAR_DIGITS}"
YEAR: Final = rf"(?P<year>{YEAR_ALONE})"
YEAR_GLUED: Final = rf"(?P<glued>{YEAR_DIGITS})"  # right after a letter: "FY2025"
YY: Final = r"(?P<yy>[0-9]{2})(?!\w)"
# "2016, 2015 and 2014", "2008 and 2010", "2008-2010": more years after the first, all in the
# group `more` (matches.listed finds each). Possessive (`*+`), as nothing after the list would
# take an item back: `re` would otherwise keep every item's backtracking state, hundreds of
# megabytes on a long list.
MORE_YEARS: Final = rf"""(?P<more>(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|to|through|until|till)\s+(?:in\s+)?){YEAR_ALONE}
                        |\s*[-–]\s*{YEAR_DIGITS})*+)"""  # after a hyphen a year is no name's ("2019-2021")
SEASON: Final = rf"(?P<season>(?:{either_case(SEASONS)})\b)"
ORDINAL_PART: Final = rf"(?P<ordinal>{either_case(PART_ORDINALS)})"
QN: Final = r"(?P<qn>[1-4])"
HN: Final = r"(?P<hn>[12])"
OF_YEAR: Final = rf"""(?:\s+of\s+(?:(?P<fiscal>fiscal\s+(?:year\s+)?)?{YEAR}
                          |(?P<yearrel>this|last|next|the\s+(?:current|previous|prior))\s+(?:fiscal\s+)?year
                          |(?P<theyear>the\s+year)))"""
# After a quarter/half: "of" followed by anything but a year means "the first half of the game".
NOT_OF_OTHER: Final = r"(?!\s+of\s+(?!fiscal|this|last|next|the\s+(?:current|previous|prior|year)|[0-9]))"
NOT_NAME_NEXT: Final = r"(?![^\S\n]+(?:[A-Z][a-z]|[0-9]))"
