"""Reading a rule's match by group name, through group numbers cached per compiled pattern.

`regex` takes longer to find a group by its name than by its number, so the numbers of each
pattern's groups are kept here. Keyed by the pattern's id, as a `re` pattern hashes its whole
compiled code; each entry keeps its pattern, so that the id stays its own.
"""
from __future__ import annotations

import re
from typing import Any, Final

from extractors.calendar_words import MONTHS
from extractors.engines import Alternation

# A match of a rule's pattern. Typed Any: a build reads only groups its own pattern always sets,
# which `regex`'s stubs cannot know (they type every group `str | None`).
RuleMatch = Any

_GROUP_NUMBERS: dict[int, tuple[Any, dict[str, int]]] = {}
# For the alternation of a rule set: outer group -> that rule's own group names -> numbers.
_RULE_GROUPS: dict[int, tuple[Any, dict[int, dict[str, int]]]] = {}


def register(alternation: Alternation) -> None:
    """Read the matches of `alternation` by each rule's own group names (extractors/engines.py)."""
    for compiled in (alternation.pattern.fast, alternation.pattern.safe):
        if compiled is not None:
            _RULE_GROUPS[id(compiled)] = (compiled, alternation.names)


def _numbers(m: RuleMatch) -> dict[str, int]:
    pattern = m.re
    by_rule = _RULE_GROUPS.get(id(pattern))
    if by_rule is not None:
        return by_rule[1][m.lastindex]
    numbers = _GROUP_NUMBERS.get(id(pattern))
    if numbers is None:
        numbers = _GROUP_NUMBERS[id(pattern)] = (pattern, dict(pattern.groupindex))
    return numbers[1]


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
