"""The dateline: the date alone on one of a document's first lines, or after a label such as
"Published:" or "Updated", with or without a time (document metadata, read apart from the
mentions)."""
from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Final

import regex

from extractors.dates.matches import RuleMatch, forget_match, group, month_number, number
from extractors.dates.patterns import DAY, MONTH, WEEKDAY_PREFIX, YEAR
from extractors.dates.truecase import truecase

_DATELINE_LINES: Final = 5
_DATELINE_CHARS: Final = 80  # a labelled date with a weekday, a time and a zone fits ("Updated: Tuesday, …")
# "Published", "Posted on", "Last updated:", "Date:", "Originally published |": in any case
_LABEL: Final = r"""(?i:(?:(?:first|last|originally)\s+)?
                    (?:published|posted|(?P<updated>updated|modified|revised)|dated?)
                    (?:\s+on)?) \s* [:|\-–—]? \s*"""
# "9:12", "09:12:30", "9:12 a.m.", "12.30 BST", "09:12 UTC", "09:12 +02:00", "9:12 GMT+2": read, never used
_AM_PM: Final = r"[AaPp] [.]? \s? [Mm] \b [.]?"
_ZONE: Final = r"(?: [A-Za-z]{1,5} \b (?: [+-] [0-9]{1,2} (?: :? [0-9]{2} )? )? | [+-] [0-9]{2} :? [0-9]{2} )"
_TIME: Final = rf"""[0-2]?[0-9] (?: : [0-5][0-9] (?: : [0-5][0-9] (?:[.][0-9]+)? )? (?: \s* {_AM_PM} )? (?: \s* {_ZONE} ){{0,2}}
                                | [.] [0-5][0-9] (?: \s* {_AM_PM} (?: \s* {_ZONE} )? | \s* {_ZONE} ) )"""
_SEPARATOR: Final = r"(?: , | \bat\b | [|·•] | [-–—]{1,2} )"
_TIME_BEFORE: Final = rf"(?: {_TIME} \s* {_SEPARATOR}? \s* )?"  # "9:12 AM EDT, Tue July 15, 2025"
_TIME_AFTER: Final = rf"(?: \s* {_SEPARATOR}? \s* {_TIME} )?"  # "July 15, 2025, 9:12 a.m."
_ISO_TIME: Final = r"""(?: [T ] [0-2][0-9] : [0-5][0-9] (?: : [0-5][0-9] (?:[.][0-9]+)? )?
                           (?: Z | [+-] [0-9]{2} :? [0-9]{2} )? )?"""  # "2025-07-15T09:12:00Z"
_DATELINE: Final = regex.compile(
    rf"""\A [^\S\n]* (?P<label>{_LABEL})? {_TIME_BEFORE}
        (?: {WEEKDAY_PREFIX} {MONTH} \s* {DAY} (?:\s*,\s*|\s+) {YEAR} {_TIME_AFTER}
          | {WEEKDAY_PREFIX} {DAY} (?:\s+of)? \s+ {MONTH} ,? \s+ {YEAR} {_TIME_AFTER}
          | (?P<yyyy>(?:1[6-9]|2[01])[0-9]{{2}}) - (?P<mm>[01][0-9]) - (?P<dd>[0-3][0-9]) (?:{_ISO_TIME} | {_TIME_AFTER}) )
        [^\S\n]* [.]? [^\S\n]* \Z""",
    regex.VERBOSE,
)

_FOUR_DIGITS: Final = re.compile(r"[0-9]{4}")


def find_dateline(text: str) -> tuple[date, int, int] | None:
    """The date alone on one of the first lines ("March 03, 2010", "Published: July 15, 2025",
    "Updated 2025-07-15T09:12Z"), with its span; else None. The first such line wins, but for an
    "Updated"/"Modified" one, which gives way to a publication date on a later one of these lines:
    the text was written for the day it was published."""
    try:
        return _find_dateline(text)
    finally:
        forget_match()  # no line is kept past the call


def _find_dateline(text: str) -> tuple[date, int, int] | None:
    pos = 0
    updated = None
    for _ in range(_DATELINE_LINES):
        newline = text.find("\n", pos)
        line_end = len(text) if newline < 0 else newline
        line = text[pos:line_end]
        # each form of _DATELINE has a year; and 80 characters bound the work of a match, so it
        # needs no timeout (two clock reads a call would be a good part of the time here)
        if len(line) <= _DATELINE_CHARS and _FOUR_DIGITS.search(line):
            m = _DATELINE.match(truecase(line))
            found = m and _dated(m, pos)
            if found and not group(m, "updated"):
                return found
            updated = updated or found
        if newline < 0:
            break
        pos = newline + 1
    return updated


def _dated(m: RuleMatch, pos: int) -> tuple[date, int, int] | None:
    """The date of a dateline match and its span in the text (the line starts at `pos`), if it is a day."""
    if group(m, "yyyy"):
        y, mo, d = int(group(m, "yyyy")), int(group(m, "mm")), int(group(m, "dd"))
        start, end = m.start(number(m, "yyyy")), m.end(number(m, "dd"))
    else:
        y, mo, d = int(group(m, "year")), month_number(m), int(group(m, "day"))
        start = (m.start(number(m, "weekday")) if group(m, "weekday")
                 else min(m.start(number(m, "month")), m.start(number(m, "day"))))
        end = m.end(number(m, "year"))
    if 1 <= mo <= 12 and 1 <= d <= calendar.monthrange(y, mo)[1]:
        return date(y, mo, d), pos + start, pos + end
    return None
