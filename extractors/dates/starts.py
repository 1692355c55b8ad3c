"""Where a date rule may start. Each rule lists its starts; the scan finds these places in the
text (extractors/dates/scan.py) and tries at each only the rules that may start there, from
tables derived from the rule list (extractors/dates/dispatch.py). A rule that no start reaches
fails at import, with its name.

Name(MONTHS, next="0")         at a month or weekday name (capitalized or ALL CAPS) followed by a digit
Year()                         at a four-digit year 1600-2199
Digits("/")                    at a run of one or two digits followed by "/"
Code("Q")                      at "Q" right before a digit run: "Q3"
Word("today", "tonight")       at a keyword (a lower-case one is also found capitalized)
Lead(("last",), reads=["year"])  at "last" one or two words before "year", which the match passes
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Final

from extractors.calendar_words import SAME_UNITS

# A test of the text around a keyword: (text, keyword start, keyword end) -> whether to try it.
Condition = Callable[[str, int, int], bool]


class Name:
    """At one of `names` (lower-case vocabulary words: month or weekday names).

    `next`: the characters that may come after the name (past spaces, and past the dot of an
    abbreviated month) when the rule matches: "0" for any digit (or nothing in sight), others as
    themselves ("," for a comma, "o" for "of"); None for anything.
    """

    __slots__ = ("names", "next")

    def __init__(self, names: Iterable[str], next: str | None = None) -> None:
        self.names: frozenset[str] = frozenset(names)
        self.next = next


class Year:
    """At a four-digit year 1600-2199, a digit run of its own."""

    __slots__ = ()


class Digits:
    """At a run of one or two digits (no "." or "," before it) followed by one of `next`; " "
    stands for spaces and then a month's capital or "of" ("3 March", "3rd of March")."""

    __slots__ = ("next",)

    def __init__(self, next: str) -> None:
        self.next = next


class Code:
    """At one of `chars` right before a digit run that starts a date: "Q3", "H1", "'90s".
    After a letter the run may be the one digit 1-4 alone ("Q3 2024")."""

    __slots__ = ("chars",)

    def __init__(self, chars: str) -> None:
        self.chars = chars


class Word:
    """At one of `words` as a whole word: a lower-case word is also found capitalized ("Today"),
    one with a capital only as written ("FY"). With `after_the`, only right after "the" ("the
    end of the year"). `when`: a cheap test of the text after the word that every match passes
    (a shortcut, tested in tests/test_date_scan.py)."""

    __slots__ = ("words", "after_the", "when")

    def __init__(self, *words: str, after_the: bool = False, when: Condition | None = None) -> None:
        self.words = words
        self.after_the = after_the
        self.when = when


class Lead:
    """At one of `words` (lower-case), one or two words before a word of `reads` that the match
    must reach past: "last" in "last year", "two" in "two days ago". A name in `reads` is read
    capitalized or ALL CAPS, another word as a keyword (see Word)."""

    __slots__ = ("words", "reads")

    def __init__(self, words: Iterable[str], reads: Iterable[str]) -> None:
        self.words: frozenset[str] = frozenset(words)
        self.reads: frozenset[str] = frozenset(reads)


# ---- shortcuts for Word starts (`when`): (text, word start, word end) -> whether a match may follow

def year_may_follow(text: str, start: int, end: int) -> bool:
    """False when `(?:\\s+of)?,?\\s+<year>` cannot follow `end` ("summer of 2010").

    Past spaces (str.isspace holds for every regex \\s), an "of" and a comma, the next character
    must start a year (1600-2199). Fewer than two characters left in the window: maybe.
    """
    rest = text[end:end + 32].lstrip()
    if rest[:2] == "of":
        rest = rest[2:].lstrip()
    if rest[:1] == ",":
        rest = rest[1:].lstrip()
    return len(rest) < 2 or rest[0] in "12"


_SAME_UNITS: Final = tuple(SAME_UNITS)
_LONGEST_SAME_UNIT: Final = max(map(len, SAME_UNITS))


def same_unit_follows(text: str, start: int, end: int) -> bool:
    """False when `\\s+<unit>` of SAME_UNITS cannot follow `end` ("same period", not "same as")."""
    rest = text[end:end + 32]
    if not rest[:1].isspace():
        return False
    rest = rest.lstrip()
    return len(rest) < _LONGEST_SAME_UNIT or rest.startswith(_SAME_UNITS)
