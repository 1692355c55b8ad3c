"""Reading a rule's match by group name, through the group numbers the engine keeps for each
compiled pattern (extractors.engines.numbers): `regex` takes longer to find a group by its name
than by its number.
"""
from __future__ import annotations

import re
from typing import Any, Final

from extractors.calendar_words import MONTHS
from extractors.engines import numbers

# A match of a rule's pattern. Typed Any: a build reads only groups its own pattern always sets,
# which `regex`'s stubs cannot know (they type every group `str | None`).
RuleMatch = Any


# The last match read and its group numbers: a build reads several groups of one match in turn.
# extract_dates() forgets it when done (forget_match), so that no text is kept past the call.
_LAST: Final[list[Any]] = [None, {}]


def _numbers(m: RuleMatch) -> dict[str, int]:
    if m is not _LAST[0]:
        _LAST[0], _LAST[1] = m, numbers(m)
    table: dict[str, int] = _LAST[1]
    return table


def forget_match() -> None:
    _LAST[0], _LAST[1] = None, {}


def number(m: RuleMatch, name: str) -> int:
    """The number of the group `name` of m's pattern: m.start(number(m, "day")) is m.start("day")."""
    return _numbers(m)[name]


def group(m: RuleMatch, name: str) -> Any:
    """The group's text, None when it did not take part or the rule has no such group.

    Typed Any, as RuleMatch is: a build reads as text the groups its own pattern always sets."""
    n = _numbers(m).get(name)
    return None if n is None else m[n]


def month_number(m: RuleMatch) -> int:
    return MONTHS[group(m, "month").rstrip(".").lower()]  # every month rule has the group


# Each year or decade listed after the first is found again in the group that holds them all
# (`more`, `moredec`): a pattern engine keeps only a repeated group's last match.
LISTED_YEAR: Final = re.compile(r"[0-9]{4}")  # the connectors between years hold no digit
LISTED_DECADE: Final = re.compile(r"['’]?(?:1[6-9]|20)?[0-9]0(?=['’]?s)")  # nor between decades


def listed(m: RuleMatch, name: str, item: re.Pattern, text: str) -> list[tuple[int, int]]:
    """(start, end) of each `item` in the group `name` of `m` (none if it took no part)."""
    n = _numbers(m).get(name)
    if n is None:
        return []
    start, end = m.span(n)
    if start >= end:
        return []
    return [found.span() for found in item.finditer(text, start, end)]
