"""Reading the words around a span: the prefix that belongs to it, the cue before a year, the
signal word that gives a mod, where the sentence or clause starts.

The patterns here are literal words joined by single whitespace runs: linear, on windows of at
most a few hundred characters. They run without `timeout=`, which costs more than such a match;
the rule patterns keep theirs. Patterns that end in \\Z run in reverse mode (?r): tried from the
end of the window, they cost one attempt.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final

import regex

from extractors.calendar_words import (
    COUNT_WORDS, PART_OF_PERIOD, SHORT_WEEKDAYS, SIGNAL_MODS, WEAK_YEAR_PREPOSITIONS, WEEKDAY_NAME_PREFIXES,
    WEEKDAYS, YEAR_PREPOSITIONS,
)
from extractors.dates.matches import group, number
from extractors.dates.patterns import WEEKDAY, alt, either_case
from extractors.dates.periods import Period

# What a build finds: (start, end, period, mod), mod from a part-of-period word in the span. A
# plain tuple: built for every mention, it costs a fraction of a dataclass instance.
Found = tuple[int, int, Period, "str | None"]


# __init__ written out (init=False): mypyc compiles it, where @dataclass would generate one run
# as Python.
@dataclass(slots=True, init=False)
class Context:
    text: str
    ref: date | None
    fast: bool  # the rule patterns run on `re` (extractors/engines.py)
    last: Period | None  # the previous mention's period, for "the same period ..."
    last_day: Period | None  # the previous day-grain period, for "the day"
    hints: dict[str, str]  # document-level readings, computed on demand ("numeric order": "dmy")

    def __init__(self, text: str, ref: date | None, fast: bool) -> None:
        self.text, self.ref, self.fast = text, ref, fast
        self.last = self.last_day = None
        self.hints = {}


# Built for every mention and never changed: a plain (not frozen) dataclass, cheaper to build.
@dataclass(slots=True, init=False)
class Prefix:
    start: int  # where the span starts once the allowed prefix words are included
    mod: str | None
    the: bool

    def __init__(self, start: int, mod: str | None, the: bool) -> None:
        self.start, self.mod, self.the = start, mod, the


# The prefix groups a rule lets into its span ("part2": "early", "mid", "late" after "the").
DATE_PREFIX: Final = frozenset({"weekday", "part"})
DAY_FIRST_PREFIX: Final = frozenset({"weekday", "part", "the"})
PART_PREFIX: Final = frozenset({"part"})
PERIOD_PREFIX: Final = frozenset({"part", "the", "part2"})
SHIFT_PREFIX: Final = frozenset({"shift"})
RELATIVE_PREFIX: Final = frozenset({"part", "the", "shift"})
THE_PREFIX: Final = frozenset({"the"})

# Words just before a rule's token that belong to the span, in text order.
_PREFIX: Final = regex.compile(
    rf"""(?r)(?:\b{WEEKDAY},?\s+)?                                      # "Tuesday, March 3"
        (?:\b(?P<part>(?:{either_case(PART_OF_PERIOD)}))(?:\s*-\s*|\s+))?  # "early", "the end of"
        (?:\b(?P<the>[Tt]he)\s+)?
        (?:\b(?P<part2>(?:{either_case(["early", "mid", "late"])}))(?:\s*-\s*|\s+))?  # "the late 1990s"
        (?:\b(?P<shift>[Ee]arlier|[Ll]ater)\s+)?                           # "earlier this year"
        \Z""",
    regex.VERBOSE,
)
_PREFIX_ORDER: Final = ("shift", "part2", "the", "part", "weekday")  # right to left
# Last words of those prefixes: any other word before a token means no prefix.
_PREFIX_LAST_WORDS: Final = frozenset({"early", "mid", "late", "of", "the", "earlier", "later", *WEEKDAYS,
                                      *SHORT_WEEKDAYS, *(f"{day}." for day in SHORT_WEEKDAYS)})
# A prefix of one word, as written, and the group it forms (None: "of" is no prefix alone).
_ONE_WORD_PREFIX: Final = {
    form: name
    for name, words in (("shift", ("earlier", "later")), ("part2", ("early", "mid", "late")), ("the", ("the",)))
    for word in words for form in (word, word.capitalize())
} | {"of": None}
# The text before a one-word prefix (lower-cased, whitespace runs as one space) ends with one of
# these when a longer group of _PREFIX ends there: a part phrase's last two words, "the", a
# weekday and its comma. Before "of": the words that make it the end of a part phrase.
_GROUP_ENDINGS: Final = tuple({
    *(" ".join(phrase.split()[-2:]) for phrase in PART_OF_PERIOD), "the",
    *WEEKDAYS, *(f"{day}," for day in WEEKDAYS), *SHORT_WEEKDAYS, *(f"{day}," for day in SHORT_WEEKDAYS),
    *(f"{day}." for day in SHORT_WEEKDAYS), *(f"{day}.," for day in SHORT_WEEKDAYS),
})
_OF_ENDINGS: Final = tuple({phrase.split()[-2] for phrase in PART_OF_PERIOD if phrase.endswith(" of")})
COUNT_PREFIX: Final = regex.compile(rf"(?r)(?<![\w.,-])(?P<count>[0-9]{{1,2}}|(?:{either_case(COUNT_WORDS)}))\s+\Z")
HOLIDAY_PREFIX: Final = regex.compile(rf"(?r)\b(?:{either_case(WEEKDAY_NAME_PREFIXES)})\s+\Z")
HOLIDAY_WORDS: Final = tuple(WEEKDAY_NAME_PREFIXES)
_YEAR_PREPOSITION: Final = regex.compile(
    rf"""(?r)\b(?:(?P<strong>{either_case(YEAR_PREPOSITIONS)})|(?P<weak>{either_case(WEAK_YEAR_PREPOSITIONS)}))
        \s+(?P<theyear>(?:the\s+)?year\s+)?\Z""",
    regex.VERBOSE,
)
# Last words of the prepositions, and "year" ("in the year 2000"), for `may_end_with`.
_YEAR_PREPOSITION_WORDS: Final = tuple({w.split()[-1] for w in (*YEAR_PREPOSITIONS, *WEAK_YEAR_PREPOSITIONS, "year")})
# One-word prepositions as written -> whether strong ("in 2010", the common cue).
_ONE_WORD_YEAR_PREPOSITION: Final = {
    form: strong
    for strong, words in ((True, YEAR_PREPOSITIONS), (False, WEAK_YEAR_PREPOSITIONS))
    for word in words if " " not in word for form in (word, word[:1].upper() + word[1:])
}
# First words of the strong prepositions that end with a weak one ("as of", "prior to").
_STRONG_LEADS: Final = tuple({w.split()[-2] for w in YEAR_PREPOSITIONS if w.split()[-1] in WEAK_YEAR_PREPOSITIONS})
THE_BEFORE: Final = regex.compile(r"(?r)\b[Tt]he\s+\Z")
SENTENCE_START: Final = regex.compile(r"(?r)(?:\A|[.!?]\s+|\n)\s*\Z")
_PLURAL_NOUN_NEXT: Final = regex.compile(r"\s+(?!(?:was|is|has|as|its|his|this|thus|plus|versus|less|alone)\b)[a-z]+s\b")
WORD_NEXT: Final = regex.compile(r"\s+\w")
END_NEXT: Final = regex.compile(r"""\s*(?:[.,;:!?)"”]|\Z|\s+and\s)""")
POSSESSIVE_NEXT: Final = regex.compile(r"['’]s\b")


def window(ctx: Context, end: int, size: int = 48) -> str:
    return ctx.text[max(0, end - size):end]


def may_end_with(text: str, words: tuple[str, ...], caseless: bool = False) -> bool:
    """False when `text` surely does not end with one of the lower-case `words` and whitespace.

    A test of a few string methods before a pattern that needs that: what such a pattern matches
    always passes it (str.isspace covers regex \\s; lower() covers "In"/"IN"). A `caseless` (?i)
    pattern also matches letters that lower() leaves alone ("ſince"), so on text other than ASCII
    it is always tried.
    """
    return (caseless and not text.isascii()) or text.rstrip().lower().endswith(words)


def word_before(text: str, start: int) -> str:
    """The lower-cased word right before `start` across one space or hyphen ("" if none)."""
    j = start - 1
    if j < 1 or text[j] not in " -\t":
        return ""
    return text[text.rfind(" ", max(0, j - 16), j) + 1:j].rstrip(",").lower()


def glued(text: str, start: int) -> bool:
    """True when the token at `start` continues a word, number or amount ("A380", "$5", "1.5")."""
    return start > 0 and (text[start - 1].isalnum() or text[start - 1] in "$€£¥#.,/-_")


def prefix(ctx: Context, start: int, allow: frozenset[str]) -> Prefix:
    """The allowed words right before `start` that belong to the span, and the mod they give."""
    text = ctx.text
    word = word_before(text, start)
    if word not in _PREFIX_LAST_WORDS:  # the common case, without a regex
        return Prefix(start, None, False)
    one = _one_word_prefix(text, start, len(word), allow)
    if one is not None:
        return one
    before = window(ctx, start)
    m = _PREFIX.search(before)
    offset = start - len(before)
    new_start, mod, the = start, None, False
    for name in _PREFIX_ORDER:
        if group(m, name) is None:
            continue
        if (name if name != "part2" else "part") not in allow:
            break
        new_start = offset + m.start(number(m, name))
        if name in ("part", "part2"):
            mod = PART_OF_PERIOD[" ".join(group(m, name).lower().split())]
        the = the or name == "the"
    return Prefix(new_start, mod, the)


def _one_word_prefix(text: str, start: int, size: int, allow: frozenset[str]) -> Prefix | None:
    """_PREFIX's answer when its only group is the one word of `size` characters before `start`
    ("the", "early", "mid-", "earlier"); None when that is not sure.

    The word, as written, is a group on its own (before a space or a tab; before a hyphen only
    "early", "mid", "late"), and no group can end before it: what _PREFIX sees before the word
    ends neither with a hyphen nor, its whitespace runs read as one space, with the words that
    end a group (or, before "of", with a word that makes "of" part of a group).
    """
    p = start - 1 - size  # where the word starts
    name = _ONE_WORD_PREFIX.get(text[p:start - 1], "")
    if name == "" or (text[start - 1] == "-" and name not in ("part2", None)):
        return None
    before = " ".join(text[max(0, start - 48):p].lower().split())  # str.split: every regex \s
    if before.endswith("-") or before.endswith(_OF_ENDINGS if name is None else _GROUP_ENDINGS):
        return None
    if name is None or (name if name != "part2" else "part") not in allow:
        return Prefix(start, None, False)
    return Prefix(p, PART_OF_PERIOD[text[p:start - 1].lower()] if name == "part2" else None, name == "the")


def year_cue_before(ctx: Context, start: int) -> tuple[bool, str] | None:
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
    before_year = window(ctx, start, 32)
    m = _YEAR_PREPOSITION.search(before_year) if may_end_with(before_year, _YEAR_PREPOSITION_WORDS) else None
    return None if m is None else (group(m, "strong") is not None, group(m, "theyear") or "")


def plural_noun_next(text: str, end: int) -> bool:
    """Whether a plural noun follows `end` ("2008 levels"); most spans end at punctuation."""
    return text[end:end + 1].isspace() and _PLURAL_NOUN_NEXT.match(text, end) is not None


_SIGNAL: Final = regex.compile(rf"(?ri)(?:^|\W)(?P<signal>{alt(SIGNAL_MODS)})\s+\Z")
_SIGNAL_LAST_WORDS: Final = frozenset(k.split()[-1] for k in SIGNAL_MODS)
_ONE_WORD_SIGNALS: Final = {k: mod for k, mod in SIGNAL_MODS.items() if " " not in k}  # "by", "since"
# The last words of the longer signals ("than", "to", "of") and the words before those.
_SIGNAL_TAILS: Final = frozenset(k.split()[-1] for k in SIGNAL_MODS if " " in k)
_SIGNAL_LEADS: Final = tuple({k.split()[-2] for k in SIGNAL_MODS if " " in k})


def signal_mod(text: str, start: int) -> str | None:
    """The mod a signal word right before `start` gives ("by 2030" -> on_or_before), else None."""
    if word_before(text, start) not in _SIGNAL_LAST_WORDS:
        return None
    before = text[max(0, start - 16):start]
    if before.isascii() and before[-1] != "-":  # ASCII: lower() is (?i); the last word may settle it
        head, _, word = before[:-1].rpartition(" ")
        word = word.lower()
        if word in _ONE_WORD_SIGNALS:  # after a space or at the window's start: \W or ^
            return _ONE_WORD_SIGNALS[word]
        if word in _SIGNAL_TAILS and not " ".join(head.lower().split()).endswith(_SIGNAL_LEADS):
            return None  # "the end of 2010", "up to 2012": no longer signal ends here
    m = _SIGNAL.search(before)
    return SIGNAL_MODS[" ".join(group(m, "signal").lower().split())] if m else None


# `regex`'s \s: Unicode White_Space (str.isspace adds \x1c-\x1f).
_REGEX_SPACE: Final = frozenset(" \t\n\x0b\x0c\r\x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000") | frozenset(
    map(chr, range(0x2000, 0x200b)))


def sentence_start(text: str) -> int:
    """Where the last sentence of `text` starts: after its last newline, or its last ".", "!"
    or "?" and the space after it; 0 if none (what a `regex` search (?r) for [.!?]\\s|\\n ends at)."""
    start = text.rfind("\n") + 1
    for mark in ".!?":
        i = text.rfind(mark, start)
        while i >= 0 and text[i + 1:i + 2] not in _REGEX_SPACE:
            i = text.rfind(mark, start, i)
        if i >= 0:
            start = i + 2
    return start


def clause_start(text: str) -> int:
    """Where the last clause of `text` starts: after its last ";", "!", "?", quote or newline,
    or its last "." or ":" not before a digit; 0 if none."""
    start = 0
    for mark in ';!?"“”\n':  # a loop: max() of more than two compiles to a slow generic call
        start = max(start, text.rfind(mark) + 1)
    for mark in ".:":
        i = text.rfind(mark, start)
        while i >= 0 and "0" <= text[i + 1:i + 2] <= "9":
            i = text.rfind(mark, start, i)
        if i >= 0:
            start = i + 1
    return start
