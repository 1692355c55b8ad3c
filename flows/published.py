"""Reference dates as documents and users write them: a sidecar's `published`, `facts run
--published`, and the default's part in a document's fingerprint. Plain functions."""
from __future__ import annotations

import re
from datetime import date, datetime
from typing import Final

from dateutil import parser as dateutil_parser

_LONGEST: Final = 64  # characters: a date, a time and a zone fit; longer is prose, not a date
_DAY_FIRST: Final = re.compile(r"\s*[0-9]{1,2}[.][0-9]{1,2}[.][0-9]{4}\s*")  # "03.04.2024": 3 April
# Two defaults that differ in year, month and day: a part dateutil filled from them was not written
# (dateutil would otherwise take it from today, and a reference date must never depend on the clock).
_FILLERS: Final = (datetime(2001, 1, 1), datetime(2002, 2, 2))
_PARTS: Final = ("year", "month", "day")


def parse_published(value: str) -> date:
    """The calendar day a written date or timestamp names, or ValueError saying why it is none.

    "2024-10-24"; an ISO timestamp ("2024-10-24T09:00:00Z", "2024-10-24T23:30-05:00"), whose day
    is the one written, in its own offset, never moved to UTC; "10/24/2024", "24 Oct 2024",
    "October 24, 2024", "2024/10/24", "Thu, 24 Oct 2024 09:00:00 +0000". Two numbers that could
    each be the month are read month first with "/" and "-" ("03/04/2024": 4 March) and day first
    with "." ("03.04.2024": 3 April), as the date rules read numeric dates in text. A year must be
    written with four digits, and a date without a year, month or day is refused.
    """
    text = value.strip()
    if not text:
        raise ValueError("it is empty")
    if len(text) > _LONGEST:
        raise ValueError(f"it is {len(text)} characters long, too long for a date")
    try:  # the common forms, without dateutil's guesses: "2024-10-24", "2024-10-24T09:00:00Z"
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    day_first = bool(_DAY_FIRST.fullmatch(text))
    try:
        readings = [dateutil_parser.parse(text, default=filler, dayfirst=day_first, ignoretz=True)
                    for filler in _FILLERS]
    except OverflowError:
        raise ValueError("a number in it is too large for a date") from None
    except ValueError as error:  # dateutil's ParserError is one
        raise ValueError(_reason(error)) from None
    missing = [part for part in _PARTS if getattr(readings[0], part) != getattr(readings[1], part)]
    if missing:
        written = ", ".join(missing[:-1]) + (" or " if len(missing) > 1 else "") + missing[-1]
        raise ValueError(f"it has no {written} (a reference date is a day)")
    day = readings[0].date()
    if f"{day.year:04d}" not in text:  # "10/24/24": dateutil would pick the century from today's year
        raise ValueError("its year is not written with four digits")
    return day


def _reason(error: Exception) -> str:
    """dateutil's reason, without the value it repeats ("Unknown string format: …")."""
    return str(error).split(":")[0].strip().lower() or "it is not a date"


# A document with no reference date of its own depends on the default (`facts run --published`):
# its fingerprint ends with the default it was extracted with, so that a run can tell, without
# reading the file, whether a new default changes it.
_DEFAULT_TAG: Final = "+default="


def default_tag(default: date | None) -> str:
    """What ends the fingerprint of a document that took its reference date from `default` (or
    found none, when there is no default)."""
    return _DEFAULT_TAG + (default.isoformat() if default else "none")


def depends_on_other_default(fingerprint: str, default: date | None) -> bool:
    """Whether a stored document, unchanged, would be extracted differently under `default`."""
    return _DEFAULT_TAG in fingerprint and not fingerprint.endswith(default_tag(default))


def same_fingerprint(stored: str, current: str, default: date | None) -> bool:
    """Whether a stored fingerprint is the one the document (`current`: of its bytes, sidecar and
    extractor version) has under `default`: bytes and sidecar decide whether it has a date of its own."""
    return stored == current or stored == current + default_tag(default)
