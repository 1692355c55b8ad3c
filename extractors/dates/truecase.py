"""Truecasing: the text as the date rules read it, whatever case it was written in.

The rules read month and weekday names capitalized ("May 3": lower-case "may" is a verb) and
their other words in lower case ("last year"). Text in capitals (wire headlines, telex copy)
or in lower case (e-mail, chat, transcripts) gets the same reading here, character for
character (every offset holds; mentions quote the original):
- a text in capitals, or a stretch of three or more words in capitals with a date word in it,
  is lower-cased, except the codes Q3, H1, 3Q24 and FY2024;
- then a month or weekday name in lower case is capitalized when it is plainly one (the full
  names but "may", "march" and "august") or when its context says so: a day or year after it
  ("may 3", "feb 2024"), a day before it ("2nd feb", "third of june"), a date word before it
  ("in may", "since march", "on thu", "next tues");
- "q3", "h1", "fy2024" are written in capitals.
Mixed-case text keeps its capitals: it changes only where a date word was written in lower case.
"""
from __future__ import annotations

import re
from typing import Final

from extractors.calendar_words import (
    AMBIGUOUS_SHORT_WEEKDAYS, DATE_CUES, DAY_ORDINALS, MONTHS, RELATIVE_WORDS, SHORT_WEEKDAYS, WEEKDAYS, YEAR_PREPOSITIONS,
)
from extractors.dates.dispatch import DISPATCH
from extractors.fastscan import Literals, index_lower

# Names that are plainly dates whatever is around them ("mondays": "2 mondays from now").
_PLAIN: Final = frozenset({*(k for k in MONTHS if len(k) > 4), "june", "july", *WEEKDAYS, *(w + "s" for w in WEEKDAYS),
                           *(w for w in SHORT_WEEKDAYS if w not in AMBIGUOUS_SHORT_WEEKDAYS)}) - {"march", "august"}
# Words before an ambiguous name that make it a date: "in may", "since march", "on thu", "next sat".
_MONTH_CUES: Final = frozenset({*(w for w in YEAR_PREPOSITIONS if " " not in w), *RELATIVE_WORDS,
                                "early", "late", "thru", "around", "of"})
_WEEKDAY_CUES: Final = frozenset({*DATE_CUES, *RELATIVE_WORDS, "every", "each"})
# What may follow such a name and its cue: the end of a clause, or a word that cannot make it a
# verb or a noun ("in may.", "in may and june", "in may it will", "in may from a year earlier", not "in
# may be", "this may take").
_CLAUSE_END: Final = re.compile(r"""\.?(?:\Z|[,;:!?)\]"'’”]|\.(?!\w)|[^\S\n]*\n
                                   |[^\S\n]+(?:and|or|to|through|until|when|while|as|last|next|this|in|at|after|before
                                               |it|we|they|he|she|i|you|from|compared|versus|than|against|amid
                                               |despite|because|following)\b)""", re.X)
_NAMES: Final = sorted({*MONTHS, *WEEKDAYS, *(w + "s" for w in WEEKDAYS), *SHORT_WEEKDAYS})
_LOWER_CODE: Final = re.compile(r"\b(?:q[1-4]|h[12])\b|\b[1-4][qh](?=[^\S\n]*['’]?[0-9]{2}|\b)|\bfy(?=[^\S\n]*['’]?[0-9]|\b)")
# Three or more words in a row written without a lower-case letter, at least three of them words.
_TOKEN: Final = r"[A-Z0-9$€£¥(\"“'‘][A-Z0-9&'’.,:;$%/()\"”-]*"
_CAPITALS: Final = re.compile(rf"(?:{_TOKEN}[^\S\n]+){{2,}}{_TOKEN}")
_CAPITAL_WORD: Final = re.compile(r"[A-Z]{2,}")
_KEEP_CAPITALS: Final = re.compile(r"\bQ[1-4]\b|\bH[12]\b|\b[1-4][QH](?=[^\S\n]*['’]?[0-9]{2}|\b)|\bFY(?=\s*['’]?[0-9]|\b)")
# Where any of it may be, found in the one Hyperscan pass of all extractors (WORD_SETS): each
# lower-case name and code, and each date word written in capitals (a line that has one is then
# looked at for a stretch in capitals). The `re` patterns above confirm each place.
_CODES: Final = ("q1", "q2", "q3", "q4", "h1", "h2", "fy", "1q", "2q", "3q", "4q", "1h", "2h")
_NOT_LETTERS: Final = "".join(c for c in map(chr, range(1, 256)) if not c.isalpha())
_LOWER_NAMES: Final = Literals(_NAMES, whole=True)
_LOWER_CODES: Final = Literals(_CODES, after=_NOT_LETTERS)
_IN_CAPITALS: Final = Literals(sorted({*(w.upper() for w in DISPATCH.keywords if w.isalpha()), *(n.upper() for n in _NAMES)}),
                               whole=True)
WORD_SETS: Final = (_LOWER_NAMES, _LOWER_CODES, _IN_CAPITALS)

_MONTH_WORDS: Final = "|".join(sorted(MONTHS, key=len, reverse=True))
_ORDINAL_WORDS: Final = "|".join(sorted(DAY_ORDINALS, key=len, reverse=True))
_YEAR: Final = r"(?:1[6-9]|2[01])[0-9]{2}\b"
# After a month's name: a day or a year ("may 3", "feb 2024", "mar-15", "sep-2019"), a day in
# words before a year or the end of a clause ("march third, 2015", "march first."), or another
# month ("jan-mar").
_DAY_AFTER: Final = re.compile(rf"""\.?(?:,?[^\S\n]+(?:[0-3]?[0-9](?:st|nd|rd|th)?|{_YEAR})
                                  (?![0-9%]|[.,:/-][0-9]|[^\S\n]*(?:%|percent))\b
                                |,?[^\S\n]+(?:{_ORDINAL_WORDS})(?=,?[^\S\n]+{_YEAR}|[^\S\n]*(?:[.,;:!?)]|\Z))
                                |[-/](?:[0-3]?[0-9]|['’]?[0-9]{{2}}|{_YEAR})\b(?![.,:/-]?[0-9])
                                |[-–](?:{_MONTH_WORDS})\b)""", re.X | re.IGNORECASE)
# After a weekday's abbreviation: a date ("wed, aug 13", "wed, 13 aug", "mon 6/17", "thu 15th").
_DATE_AFTER_WEEKDAY: Final = re.compile(rf"""\.?,?[^\S\n]+(?:(?:[0-3]?[0-9][^\S\n]+)?(?:{_MONTH_WORDS})\b
                                           |[0-9]{{1,2}}[/.-][0-9]{{1,2}}\b
                                           |(?:the[^\S\n]+)?[0-3]?[0-9](?:st|nd|rd|th)\b)""", re.X | re.IGNORECASE)


def truecase(text: str) -> str:
    """`text` with its date words in the case the rules read (see the module's docstring);
    `text` itself when nothing changes."""
    if not text:
        return text
    lowered = text
    if text.isupper():  # no lower-case letter at all: stops at the first one
        lowered = _lower_all(text)
    else:
        capitals = _IN_CAPITALS.find_all(text)
        if capitals:
            lowered = _lower_capitals(text, sorted(start for start, _ in capitals))
    chars: list[str] | None = None
    for start, word in _LOWER_NAMES.find_all(lowered):
        if _is_date(lowered, start, start + len(word), word):
            chars = chars if chars is not None else list(lowered)
            chars[start] = word[0].upper()
    for start, _ in _LOWER_CODES.find_all(lowered):
        for code in _LOWER_CODE.finditer(lowered, max(0, start - 1), start + 8):  # "3q 24", "fy '25"
            chars = chars if chars is not None else list(lowered)
            chars[code.start():code.end()] = code[0].upper()
    return lowered if chars is None else "".join(chars)


def _lower_all(text: str) -> str:
    """A text without a lower-case letter in lower case, but for its codes."""
    chars = list(index_lower(text))
    for code in _KEEP_CAPITALS.finditer(text):
        chars[code.start():code.end()] = code[0]
    return "".join(chars)


def _lower_capitals(text: str, found: list[int]) -> str:
    """`text` with each stretch in capitals lower-cased, but for its codes, on the lines where
    the scan `found` a date word in capitals."""
    chars: list[str] | None = None
    done = 0
    for at in found:
        if at < done:
            continue
        line = text.rfind("\n", 0, at) + 1
        done = text.find("\n", at)
        done = len(text) if done < 0 else done
        for m in _CAPITALS.finditer(text, line, done):
            if len(_CAPITAL_WORD.findall(m[0])) < 3:
                continue
            chars = chars if chars is not None else list(text)
            begin, end = m.span()
            chars[begin:end] = m[0].lower()
            for code in _KEEP_CAPITALS.finditer(text, begin, end):
                chars[code.start():code.end()] = code[0]
    return text if chars is None else "".join(chars)


def _is_date(text: str, start: int, end: int, word: str) -> bool:
    """Whether the lower-case name `word` at [start, end) of `text` is a date word."""
    if word in _PLAIN:
        return True
    words = text[max(0, start - 24):start].split()  # the words before it, the first maybe cut
    glued = start > 0 and text[start - 1] in "-/–"
    if word in SHORT_WEEKDAYS:
        if _DATE_AFTER_WEEKDAY.match(text, end):  # "wed, aug 13", "mon 6/17", "thu 15th"
            return True
        cues = _WEEKDAY_CUES
    else:
        if _DAY_AFTER.match(text, end):  # "may 3", "feb 2024", "mar-15", "march third, 2015", "jan-mar"
            return True
        if glued and words:  # "30-apr", "31/oct", "jan-mar", "mid-march"
            head = words[-1][:-1].lower()
            return head == "mid" or head in MONTHS or (head.isdigit() and len(head) <= 2)
        day = words[-2] if len(words) >= 2 and words[-1].lower() == "of" else words[-1] if words else ""
        if _is_day(day.lower()):  # "2nd feb", "3 march", "third of june"
            return True
        cues = _MONTH_CUES  # "of" too: "the end of may"
    return (not glued and bool(words) and words[-1].lower() in cues and text[start - 1] != "\n"
            and _CLAUSE_END.match(text, end) is not None)


def _is_day(word: str) -> bool:
    """A day of a month: "3", "03", "2nd", "third"."""
    digits = word[:-2] if word[-2:] in ("st", "nd", "rd", "th") else word
    return (digits.isdigit() and len(digits) <= 2) or word in DAY_ORDINALS
