"""Rule patterns compiled by two engines: the standard library's `re` where it finds the same
matches as `regex` and a watchdog bounds the text, `regex` with its `timeout=` everywhere else.

`re` matches the rule sets at their anchors faster than `regex` (less set-up per call and per
group; benchmarks/RESULTS.md). It has no `timeout=`, but a long match looks for signals as
`regex`'s does, so the watchdog timer (extractors/watchdog.py) ends a runaway one just the same.
Where no watchdog runs (another thread), `regex` keeps its timeout.

The two engines read `\\s`, `\\w`, `\\d` and case-blind letters alike for almost every character,
not for all: "\\x1c" is a space only to `re`, "½" and combining accents are word characters
only to one of them. A text holding such a character is matched by `regex` alone, so a text
gets the same mentions whichever engine runs (tests/test_engines.py).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from types import SimpleNamespace
from typing import Any, Final

import regex

from extractors.fastscan import engines_agree


class TwoEngines:
    """One pattern source compiled by `regex` and, when it can be, by `re` (no variable-width
    look-behind, no group name used twice: then both number the groups alike)."""

    def __init__(self, source: str, flags: int = 0) -> None:
        self.safe: Any = regex.compile(source, flags)  # regex.VERBOSE is re.VERBOSE, and so on
        fast: Any
        try:
            fast = re.compile(source, flags)
        except re.error:
            fast = None
        if fast is not None and dict(fast.groupindex) != dict(self.safe.groupindex):
            fast = None
        self.fast = fast
        self.groupindex: dict[str, int] = dict(self.safe.groupindex)

    def match(self, text: str, pos: int, fast: bool, timeout: float | None) -> Any:
        """The match at `pos`, or None; with `re` when `fast` (see use_re) and it compiled."""
        if fast and self.fast is not None:
            return self.fast.match(text, pos)
        # By position, match(string, pos, endpos, concurrent, partial, timeout), as regex.match
        # does: a keyword argument costs more than a typical match.
        return self.safe.match(text, pos, None, None, False, timeout)


def use_re(text: str, timeout: float | None) -> bool:
    """Whether the rule patterns may run on `re` over `text`: a watchdog bounds it (no
    `timeout=` is asked for) and both engines read each of its characters alike."""
    return timeout is None and engines_agree(text)


_GROUP_NAME: Final = re.compile(r"\(\?P<(\w+)>")


class Alternation:
    """Patterns tried in order at one position as ONE pattern, `(?P<r0>first)|(?P<r1>second)|...`:
    one call costs less than a call for each.

    Each pattern's own groups are renamed `<name>_<k>` in it, so that no name repeats (`re`
    refuses a name used twice, `regex` would give both groups one number). `groups[k]` gives the
    groups of pattern k back by their own names, `names[n]` those of the pattern in outer group
    n: a match's is m.lastindex, the outer group closing last, and `which[n]` is its k.
    """

    def __init__(self, sources: Sequence[str], flags: int = 0) -> None:
        renamed = [_GROUP_NAME.sub(rf"(?P<\g<1>_{k}>", source) for k, source in enumerate(sources)]
        self.pattern = TwoEngines("|".join(f"(?P<r{k}>{source})" for k, source in enumerate(renamed)), flags)
        index = self.pattern.groupindex
        self.which: dict[int, int] = {index[f"r{k}"]: k for k in range(len(sources))}  # outer group -> k
        self.groups: list[dict[str, int]] = [{} for _ in sources]  # k -> own name -> number
        for name, number in index.items():
            own, _, k = name.rpartition("_")
            if own:
                self.groups[int(k)][own] = number
        self.names: dict[int, dict[str, int]] = {outer: self.groups[k] for outer, k in self.which.items()}
        for compiled in (self.pattern.fast, self.pattern.safe):
            if compiled is not None:
                _register(compiled, {outer: (names, SimpleNamespace(**names)) for outer, names in self.names.items()})

    def match(self, text: str, pos: int, fast: bool, timeout: float | None) -> Any:
        """The match at `pos` or None (see TwoEngines.match); which[m.lastindex] is its pattern."""
        return self.pattern.match(text, pos, fast, timeout)


# ---------------------------------------------------------------- group numbers
#
# A build reads a match's groups by number: by name costs more than the match. The numbers of
# each compiled pattern are kept here, per outer group of an Alternation (m.lastindex tells
# which rule matched), each as a dict (numbers, group) and as attributes (groups: g.n1).
# Keyed by the pattern's id, as a `re` pattern hashes its whole code; an entry keeps its
# pattern, so that the id stays its own.
Numbers = tuple[dict[str, int], SimpleNamespace]  # a rule's group names -> numbers, both ways
_NUMBERS: dict[int, tuple[Any, dict[int | None, Numbers]]] = {}


def _register(compiled: Any, table: dict[int | None, Numbers]) -> dict[int | None, Numbers]:
    _NUMBERS[id(compiled)] = (compiled, table)
    return table


def _table(pattern: Any) -> dict[int | None, Numbers]:
    """m.lastindex -> the numbers of the groups of the rule that matched (an Alternation's are
    registered as it is made)."""
    entry = _NUMBERS.get(id(pattern))
    if entry is not None:
        return entry[1]
    # A pattern of its own: one table, whichever group closed last (None: none took part).
    whole = dict(pattern.groupindex)
    both = (whole, SimpleNamespace(**whole))
    return _register(pattern, {last: both for last in [None, *range(1, pattern.groups + 1)]})


def numbers(m: Any) -> dict[str, int]:
    """The group numbers of the rule that made `m`, by its own names: m[numbers(m)["day"]]."""
    return _table(m.re)[m.lastindex][0]


def groups(m: Any) -> Any:
    """The same as attributes: m[groups(m).n1]."""
    return _table(m.re)[m.lastindex][1]
