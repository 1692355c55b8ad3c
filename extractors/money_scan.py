"""Where the amount rules are tried: the anchors an amount must touch (a digit run after a
currency marker or before a currency word, a scale or currency word), found with fast
literal searches, and the shortcuts that spare a rule call. The rules themselves
(extractors/amounts.py) only read the vocabulary; extractors.rules.scan tries them here.
"""
from __future__ import annotations

import re
import string
from bisect import bisect_left
from typing import Final

from extractors.currencies import (
    CONTEXT_WORDS, CURRENCY_WORDS, DOLLAR_PREFIXES, MARKER_CODES, PSEUDO_CODES, SUBUNIT_WORDS, SYMBOLS,
)
from extractors.fastscan import WHITESPACE, Literals, digit_runs, is_digit
from extractors.mentions import DEADLINE_EVERY, past_deadline
from extractors.numbers import NUMBER_RUN_WORDS
from extractors.rules import EDGE_PUNCTUATION, Document, number_run_start

# The signs of the currency symbols ("$", "£"), and every currency phrase the rules look up.
SYMBOL_CHARS: Final = "".join(sorted({c for s in SYMBOLS for c in s if not (c.isalnum() or c.isspace() or c == ".")}))
CURRENCY_PHRASES: Final = {**CURRENCY_WORDS, **SUBUNIT_WORDS, **CONTEXT_WORDS}
# The first words of the phrases a lookup may find: any other first word finds none.
_FIRST_WORDS: Final = frozenset(p.split()[0] for p in CURRENCY_PHRASES)


def may_name_currency(first: str) -> bool:
    """Whether a phrase starting with the word `first` (lower case) may be a currency phrase."""
    return first in _FIRST_WORDS or first.rstrip(".'’") in _FIRST_WORDS


# Words that an amount without digits must contain ("two million pounds", "fifteen cents").
SCALE_ANCHORS: Final = ("illion", "thousand", "hundred", "lakh", "crore")
CURRENCY_ANCHORS: Final = ("cent", "pence", "penny", "dollar", "euro", "pound")
_ANCHOR_WORDS: Final = Literals(SCALE_ANCHORS + CURRENCY_ANCHORS, caseless=True)
_PREFIX_ENDS: Final = frozenset(SYMBOL_CHARS + "#.")
# Letters that may open a currency marker: "US" ($), "GB" (£), "USD", "Rs", "RM", "CHF".
_PREFIX_LETTERS: Final = frozenset(
    {*DOLLAR_PREFIXES, *MARKER_CODES, *PSEUDO_CODES}
    | {s.split()[0].rstrip(SYMBOL_CHARS) for s in SYMBOLS if s[0].isalpha()})
_MARKER_WORDS: Final = frozenset({*MARKER_CODES, *PSEUDO_CODES} | {s for s in SYMBOLS if s[0].isalpha()})
# The last word of a currency phrase ("dollars" in "Hong Kong dollars"), as it may be written.
_HEAD_WORDS: Final = frozenset(p.split()[-1] + end for p in CURRENCY_PHRASES for end in ("", ".", ",", ";", ":", ")"))
_CODES: Final = frozenset(MARKER_CODES | set(PSEUDO_CODES))
_RUN_WORDS: Final = NUMBER_RUN_WORDS | {w for p in CURRENCY_PHRASES for w in p.split()}
_SCALE_TOKENS: Final = frozenset(w for w in _RUN_WORDS if any(w.endswith(a) for a in SCALE_ANCHORS))
_CURRENCY_TOKENS: Final = frozenset(w for w in CURRENCY_PHRASES if any(w.startswith(a) for a in CURRENCY_ANCHORS))


# A marker without a symbol is one of these words (2 to 4 characters long), ending right at the number.
if not {len(w) for w in _MARKER_WORDS} <= {2, 3, 4}:
    raise ImportError("a currency marker word is not 2 to 4 characters long: extend _marker_start")
_SYMBOL_OR_HASH: Final = frozenset(SYMBOL_CHARS + "#")
_MARKER_TAILS: Final = frozenset(w[-2:] for w in _MARKER_WORDS)  # the last two characters of a marker word


def _marker_start(text: str, s: int) -> int | None:
    """Where a currency marker written right before the digits at `s` starts ("US$", "GB £", "-$",
    "Rs. "), or None when the characters there are no currency marker ("in 2008", "A400M")."""
    i = s - 1 if s > 0 and text[s - 1] in " \u00a0" else s
    if i == 0 or not (text[i - 1] in _PREFIX_ENDS or text[i - 1].isalpha()):
        return None
    # Cheap exact reject first (most digit runs follow a plain word): without a symbol right
    # before, the marker must be one of _MARKER_WORDS ending at i.
    if text[i - 1] not in _SYMBOL_OR_HASH and not (
            text[max(0, i - 2):i] in _MARKER_WORDS or text[max(0, i - 3):i] in _MARKER_WORDS
            or text[max(0, i - 4):i] in _MARKER_WORDS):
        return None
    j = i
    while j > 0 and i - j < 6 and (text[j - 1] in _PREFIX_ENDS or text[j - 1].isalpha()):
        j -= 1
    if j >= 2 and text[j - 1] == " " and text[j - 2].isupper():  # "GB £20.1 billion"
        j -= 1
        while j > 0 and i - j < 8 and text[j - 1].isalpha():
            j -= 1
    marker = text[j:i]
    letters = marker.rstrip(SYMBOL_CHARS + "# ")
    if letters == marker:  # no symbol: a code or an abbreviation ("USD 5", "Rs. 5"), not "A400M"
        if letters not in _MARKER_WORDS:
            return None
    elif letters and letters.split()[-1] not in _PREFIX_LETTERS:
        return None
    if j > 0 and text[j - 1] in "-−":
        j -= 1  # "-$2.45B"
    return j


def _currency_follows(text: str, end: int) -> bool:
    """Whether a currency word or code ends one of the next few words ("5bn euros", "3 US dollars")."""
    for word in text[end:end + 40].split()[:4]:  # one split, not two
        if word.lower() in _HEAD_WORDS or word.rstrip(".,;:)") in _CODES:
            return True
    return False


# _currency_follows(text, end) holds only when a currency word or code (in any case here) starts a
# word of text[end:end + 40]: at `end` itself, after a digit, or after a space. One scan finds the
# few such places in a text, which spares the call for most digit runs.
_FOLLOW_WORDS: Final = Literals(sorted({p.split()[-1] for p in CURRENCY_PHRASES} | {c.lower() for c in _CODES}),
                                caseless=True, after=string.digits + WHITESPACE)


def _token(text: str, i: int) -> tuple[int, str]:
    """Start and lower-cased, trimmed text of the whitespace-separated token around position `i`."""
    start = i
    while start > 0 and not text[start - 1].isspace():  # a step or two: the anchors start near a token start
        start -= 1
    word = _NON_SPACE.match(text, i)
    assert word is not None  # \S* matches anywhere
    return start, text[start:word.end()].strip(EDGE_PUNCTUATION).lower()


_NON_SPACE: Final = re.compile(r"\S*")  # `re`'s \s is exactly str.isspace (`regex` leaves out \x1c-\x1f)


WORD_SETS: Final = (_FOLLOW_WORDS, _ANCHOR_WORDS)  # found in one pass with the other extractors' (extractors/__init__.py)


def anchors(doc: Document) -> list[tuple[int, int, int]]:
    """(reach, start, end) of each place an amount must touch (see extractors.rules.scan)."""
    text, out = doc.text, []
    follows = []
    for count, (word_start, _) in enumerate(_FOLLOW_WORDS.find_all(text)):
        if count % DEADLINE_EVERY == 0:  # a text made of one currency word over and over
            past_deadline(doc.deadline, text)
        follows.append(word_start)
    follows.sort()
    for count, (s, e) in enumerate(digit_runs(text)):
        if count % DEADLINE_EVERY == 0:
            past_deadline(doc.deadline, text)
        if s:
            before = text[s - 1]
            if before in ".,'’" and s >= 2 and is_digit(text[s - 2]):
                continue  # the decimals or a digit group of a number, not its first digits
            i = s - 1 if before in " \u00a0" and s >= 2 else s  # where a marker would end
            # Most runs follow a plain word ("in 2008"): a marker ends in a symbol or a marker word's end.
            if text[i - 1] in _SYMBOL_OR_HASH or text[i - 2:i] in _MARKER_TAILS:
                start = _marker_start(text, s)
                if start is not None:  # "$5", "USD 2.3", "Rs 20"
                    out.append((start, s, e))
                    continue
        at = bisect_left(follows, e)
        if at < len(follows) and follows[at] < e + 40 and _currency_follows(text, e):
            out.append((s - 1, s, e))  # "5bn euros", "18 cents"
    for count, (a, word) in enumerate(_ANCHOR_WORDS.find_all(text)):
        if count % DEADLINE_EVERY == 0:  # a text made of one word over and over
            past_deadline(doc.deadline, text)
        if text[a - 1:a].isalpha() and word != "illion":
            continue  # "percent", "recent"; "million" and "billion" both end in "illion"
        token_start, token = _token(text, a)
        if word in SCALE_ANCHORS:  # "two million pounds", "billions of dollars"
            if token in _SCALE_TOKENS and _currency_follows(text, a + len(word)):
                out.append((number_run_start(text, token_start, _RUN_WORDS), a, a + len(word)))
        elif token in _CURRENCY_TOKENS:  # "fifteen cents", "five dollars"
            reach = number_run_start(text, token_start, _RUN_WORDS)
            if reach < token_start:
                out.append((reach, a, a + len(word)))
    return out
