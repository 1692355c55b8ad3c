"""Where the percentage rules are tried, and the shortcuts that spare a rule call: the anchors
(a percent sign or word, "pp", "points" after a number), the one rule that can match at each
start, and the commonest cases built without a call ("12.5%", "340 points"). Each shortcut gives
exactly what the rule would (tests/test_percentages.py). The rules: extractors/percentages.py.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from functools import lru_cache
from typing import Any, Final

import regex

from extractors.fastscan import Literals
from extractors.mentions import DEADLINE_EVERY, past_deadline
from extractors.numbers import NUMBER_RUN_WORDS, TEEN_WORDS, TENS_WORDS, UNIT_WORDS, parse_number, plain
from extractors.rules import (
    QUALIFIER_WORDS, SIGN_QUALIFIERS, Document, Rule, RuleSet, TokenDispatch, number_like, number_run_start, qualifier_before,
    sign_qualifier, token_starts,
)

# ---------------------------------------------------------------- shortcuts the builds use


# Cached: news repeats the same few numbers ("5", "0.25"), and a Decimal is immutable.
@lru_cache(maxsize=1024)
def number(surface: str) -> Decimal | None:
    return parse_number(surface)


@lru_cache(maxsize=1024)
def signed(surface: str, negative: bool) -> Decimal | None:
    value = number(surface)
    if value is None:
        return None
    return plain(-value if negative else value)


# The last word of each qualifier phrase: a number after any other word is "exact" at once.
_QUALIFIER_ENDS: Final = frozenset(p.split()[-1] for words in QUALIFIER_WORDS.values() for p in words)
_QUALIFIER_REACH: Final = 48  # as far back as qualifier_before looks


def qualifier(doc: Document, start: int) -> str:
    """qualifier_before(doc, start), skipped when the word before `start` ends no qualifier."""
    if start and doc.text[start - 1] in SIGN_QUALIFIERS:
        return sign_qualifier(doc.text[max(0, start - 2):start])  # "~5%"
    words = doc.text[max(0, start - _QUALIFIER_REACH):start].split()
    if not words or words[-1].lower() not in _QUALIFIER_ENDS:
        return "exact"
    return qualifier_before(doc, start)


class Cue:
    """A cue pattern over a sentence, and one lower-cased word of each of its phrases: in ASCII
    text (?i) pairs only ASCII letters, so a sentence whose lower-cased form holds none of the
    key words holds no cue."""

    def __init__(self, pattern: Any, phrases: tuple[str, ...]) -> None:
        self.pattern = pattern
        self.keys: frozenset[str] = frozenset(regex.split(r"[\s-]", p)[0].lower() for p in phrases)

    def found(self, sentence: str, lower: str | None, timeout: float | None) -> bool:
        """pattern.search(sentence), skipped when `lower` (the ASCII sentence lower-cased) has no key."""
        if lower is not None and not any(key in lower for key in self.keys):
            return False
        return self.pattern.search(sentence, timeout=timeout) is not None


# ---------------------------------------------------------------- anchors

# Every percentage holds one of these; "pc", "pp", "point" only count right after a number.
ANCHORS: Final = ("%", "％", "٪", "﹪", "percent", "per cent", "pct")
GLUED_ANCHORS: Final = ("pc", "pp", "point")

_GLUED: Final = frozenset(GLUED_ANCHORS)
_REACH_LIMIT: Final = 80  # number_run_start's window


@lru_cache(maxsize=4096)
def _number_like_token(token: str) -> bool:
    return number_like(token, NUMBER_RUN_WORDS)  # cached: "rose", "by", "5" come back often


def _reach(text: str, end: int) -> int:
    """number_run_start(text, end, NUMBER_RUN_WORDS), with a shortcut for the common case.

    Most often the token before the anchor is a number and the one before it is not ("rose
    12.5%"): two tokens from the right (str.rsplit splits where str.split does) tell the
    answer. Otherwise, or near the window's start (where a token may be cut), the full walk.
    """
    lo = max(0, end - _REACH_LIMIT)
    window = text[lo:end].rstrip()
    tokens = window.rsplit(None, 2)  # [the rest, second to last token, last token]
    if len(tokens) == 3:
        if not _number_like_token(tokens[2]):
            return end
        if not _number_like_token(tokens[1]):
            return lo + len(window) - len(tokens[2])
    return number_run_start(text, end, NUMBER_RUN_WORDS)


# The anchor words in any case, found in the one Hyperscan pass (extractors.fastscan.OnePass). The
# glued ones count only after a digit or a space ("2.5pp", "5 point"; not "support"), where the
# pass already looks: "٠" stands for every digit beyond Latin-1, which the pass sees as "?".
_WORD_SCAN: Final = Literals([w for w in ANCHORS if w[0] == "p"], caseless=True)
_GLUED_SCAN: Final = Literals(GLUED_ANCHORS, caseless=True,
                              after=" " + "".join(c for c in map(chr, range(256)) if c.isdigit()) + "٠")
_SIGNS: Final = tuple(w for w in ANCHORS if w[0] != "p")
WORD_SETS: Final = (_WORD_SCAN, _GLUED_SCAN)  # found in one pass with the other extractors' (extractors/__init__.py)


def anchors(doc: Document) -> list[tuple[int, int, int]]:
    """(reach, start, end) of each anchor that has a number-like run before it."""
    text, found, out = doc.text, [], []
    for sign in _SIGNS:
        a = text.find(sign)  # str.find: a C scan, and most signs are absent from most texts
        while a >= 0:
            found.append((a, sign))
            a = text.find(sign, a + 1)
    found.extend(_WORD_SCAN.find_all(text))
    found.extend(_GLUED_SCAN.find_all(text))
    for count, (a, word) in enumerate(found):
        if count % DEADLINE_EVERY == 0:  # a text made of one word over and over
            past_deadline(doc.deadline, text)
        if word not in _GLUED or (a > 0 and (text[a - 1].isdigit() or text[a - 1] == " ")):
            reach = _reach(text, a)
            if reach < a:
                out.append((reach, a, a + len(word)))
    return out


# ---------------------------------------------------------------- starts

# Before its mark, a match holds only a sign, numbers, spaces and connectors: no "p" and no
# percent sign. So the first of these after a start is where the mark (or "points") must
# begin, and it tells the one rule that can match there: "po" only begins "points".
_FIRST_MARK: Final = re.compile(f"(?P<point>[pP][oO])|[pP{''.join(_SIGNS)}]")


# What a match can begin with (see the rules' sign, number start and numbers.NUMBER): a sign, a
# digit not right after a separator, a number word, "minus", "negative", "a"/"an" before a word,
# or a character beyond ASCII ("−", "½", other digits). Other starts are not worth a rule call.
_GLUED_BEFORE_DIGIT: Final = frozenset(".,'’/$£€¥#-−")
_WORD_STARTS: Final = frozenset(w[:2] for w in (*UNIT_WORDS, *TEEN_WORDS, *TENS_WORDS, "half", "minus", "negative"))
_A_BEFORE_WORD: Final = re.compile(r"[aA][nN]?\s+[^\W\d_]")  # re's \s covers regex's


def _may_start(text: str, i: int) -> bool:
    char = text[i]
    if not char.isascii() or char == "-":
        return True
    if "0" <= char <= "9":
        return i == 0 or text[i - 1] not in _GLUED_BEFORE_DIGIT
    if char in "aA":
        return _A_BEFORE_WORD.match(text, i) is not None
    pair = text[i:i + 2]
    return not pair.isascii() or pair.lower() in _WORD_STARTS  # (?i) also pairs "İ" with "i"


def _starts(text: str, lo: int, reach: int, anchor: int) -> Iterator[int]:
    """token_starts(text, lo, anchor) where a match may begin (not the anchor: a "p" or a
    percent sign starts no number).

    `reach` begins a token (see _reach) and most often the mention: it comes first, and the
    other token starts are listed only if the scan asks for them.
    """
    if lo == reach:
        if _may_start(text, lo):
            yield lo
        lo += 1
    for i in token_starts(text, lo, anchor)[:-1]:
        if _may_start(text, i):
            yield i


# ---------------------------------------------------------------- matches without a rule call

# "12.5%", "5 percent": a plain number (digits, a decimal part; as numbers.DIGITS takes it)
# right before its mark.
_PLAIN_NUMBER: Final = re.compile(r"[0-9]{1,15}(?:\.[0-9]{1,12})?")
_PLAIN_WORDS: Final = frozenset({"percent", "per cent"})  # after one space; "pct" may take a "."
_GOES_ON: Final = frozenset("-–—pP%％٪﹪")  # what may start a connector or a mark after the mark
# Before a start, what the rules' look-behind surely lets a number follow.
_OPENERS: Final = frozenset("([{\"“")


def _plain_percent(text: str, start: int, a: int, end: int) -> int:
    """Where the number of "12.5%" or "5 percent" at [start, end) ends, when the percent rule's
    match there is sure: else -1.

    `start` is where the rule would be tried first, [a, end) the anchor. With a plain number
    from there to a "%" (or to one space before "percent" or "per cent" that ends a word), the
    rule can only take that number as n1 and the anchor as its mark, unless a connector ("-",
    " to ", " and ") or a longer mark ("percent points") follows: then, and for any other
    shape, the rule decides.
    """
    if text[a] == "%":
        number_end = a
    elif text[a - 1] == " " and text[a:end].lower() in _PLAIN_WORDS:
        number_end = a - 1
        following = text[end:end + 1]
        if following and (following.isalnum() or following == "_" or not following.isascii()):
            return -1  # the word goes on ("percentage"), or the rule's (?!\w) decides
    else:
        return -1
    if _PLAIN_NUMBER.fullmatch(text, start, number_end) is None:
        return -1
    if start > 0 and not (text[start - 1].isspace() or text[start - 1] in _OPENERS):
        return -1
    after = text[end:end + 1]
    if after.isspace():
        after = text[end + 1:end + 2]
        if after.isspace() or text[end + 1:end + 4].lower().startswith(("to", "and")):
            return -1
    if after in _GOES_ON:
        return -1
    return number_end


# "2,328.45", "-366.94": one token of digits and separators, with at most a leading sign.
_LONE_NUMBER: Final = re.compile(r"[-−]?[0-9][0-9,.]*")


def _index_points(text: str, start: int, a: int, next_reach: int) -> bool:
    """Whether the "points" at `a` surely yields no mention, so that no rule need run there.

    A lone number of 100 or more before "points" is an index level or move ("fell 340
    points", "a low of 11,489.30 points"), which the points rule rejects; when it is the token
    where the rule would be tried first (`start`), the rule can only take the whole number as
    n1 there, and no later start can match (inner starts follow a separator).
    Skipping it leaves `pos` short of that match's end (at most a + 6): harmless when the next
    anchor's reach is no further back.
    """
    if text[a] not in "pP" or text[a + 1] not in "oO" or next_reach < a + 6:
        return False
    token = text[start:a].rstrip()
    if _LONE_NUMBER.fullmatch(token) is None:
        return False
    value = number(token.lstrip("-−"))
    return value is None or value >= 100


# ---------------------------------------------------------------- scan


class PercentDispatch(TokenDispatch):
    """The percentage rules in the scan of extractors.rules.scan_document, each start tried with the one
    rule that can match there (see `_FIRST_MARK`), only where a number can begin (`_starts`);
    and the commonest cases need no rule call: "12.5%" or "5 percent" with nothing after it that
    could extend the match (built by `plain(doc, start, end, number_end)` as the percent rule
    would), and an index move such as "340 points"."""

    def __init__(self, percent_rule: Rule, points_rule: Rule,
                 plain: Callable[[Document, int, int, int], Any]) -> None:
        super().__init__((percent_rule, points_rule), anchors)
        self.percent_rule = percent_rule
        self.points_rule = points_rule
        self.plain = plain

    def starts(self, text: str, lo: int, reach: int, anchor: int) -> Iterable[int]:
        return _starts(text, lo, reach, anchor)

    def shortcut(self, doc: Document, start: int, anchor_start: int, anchor_end: int, next_reach: int) -> list | None:
        text = doc.text
        if _index_points(text, start, anchor_start, next_reach):
            return []
        number_end = _plain_percent(text, start, anchor_start, anchor_end)
        if number_end >= 0:
            return [self.plain(doc, start, anchor_end, number_end)]
        return None

    def match(self, doc: Document, start: int, rules: RuleSet) -> tuple[Rule, Any] | None:
        first_mark = _FIRST_MARK.search(doc.text, start)  # found: the anchor is one
        assert first_mark is not None
        rule = self.points_rule if first_mark.lastgroup == "point" else self.percent_rule
        m = rule.pattern.match(doc.text, start, doc.fast, doc.timeout)
        return None if m is None else (rule, m)
