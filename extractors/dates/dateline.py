"""The dateline: the date alone on one of a document's first lines (document metadata, read
apart from the mentions)."""
from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Final

import regex

from extractors.dates.matches import group, month_number, number
from extractors.dates.patterns import DAY, MONTH, WEEKDAY_PREFIX, YEAR
from extractors.dates.truecase import truecase

_DATELINE_LINES: Final = 5
_DATELINE: Final = regex.compile(
    rf"""\A [^\S\n]* (?:(?:Published|Posted|Updated|Dated?)(?:\s+on)?:?\s+)?
        (?: {WEEKDAY_PREFIX} {MONTH} \s* {DAY} (?:\s*,\s*|\s+) {YEAR}
          | {WEEKDAY_PREFIX} {DAY} (?:\s+of)? \s+ {MONTH} ,? \s+ {YEAR}
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
        # needs no timeout (two clock reads a call would be a good part of the time here)
        if len(line) <= 60 and _FOUR_DIGITS.search(line):
            m = _DATELINE.match(truecase(line))
            if m:
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
        if newline < 0:
            break
        pos = newline + 1
    return None
