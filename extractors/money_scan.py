"""Where the amount rules are tried: the anchors an amount must touch (a digit run after a
currency marker or before a currency word, a scale or currency word), found with fast
literal searches, and the shortcuts that spare a rule call. The rules themselves
(extractors/amounts.py) only read the vocabulary; extractors.rules.scan tries them here.
"""
from __future__ import annotations

import re
import string
from bisect import bisect_left
from collections.abc import Iterable
from typing import Final

from extractors.currencies import (
    ANY_CASE_DOLLAR_PREFIXES, ANY_CASE_MARKERS, CONTEXT_WORDS, CURRENCY_WORDS, DOLLAR_PREFIXES, LETTER_MARKERS,
    MARKER_CODES, PSEUDO_CODES, SUBUNIT_WORDS, SYMBOLS, SYMBOLS_AFTER, WORD_MARKERS,
)
from extractors.fastscan import WHITESPACE, Literals, digit_runs, is_digit, non_ascii
from extractors.mentions import DEADLINE_EVERY, past_deadline
from extractors.numbers import NUMBER_RUN_WORDS
from extractors.rules import EDGE_PUNCTUATION, Document, TokenDispatch, number_like, number_run_start, token_starts

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
_ANCHOR_WORDS: Final = Literals(SCALE_ANCHORS, caseless=True)
_PREFIX_ENDS: Final = frozenset(SYMBOL_CHARS + "#.")
# Letters that may open a currency marker, in upper case: "US" ($), "GB" (£), "USD", "RS", "RM", "CHF".
_PREFIX_LETTERS: Final = frozenset(
    {*ANY_CASE_DOLLAR_PREFIXES, *ANY_CASE_MARKERS}
    | {s.split()[0].rstrip(SYMBOL_CHARS).upper() for s in SYMBOLS if s[0].isalpha()})
# Markers without a symbol as the tables write them, in capitals, and in lower case unless a word.
_MARKER_WORDS: Final = frozenset({*LETTER_MARKERS, *ANY_CASE_MARKERS}
                                 | {m.lower() for m in ANY_CASE_MARKERS if m.lower() not in WORD_MARKERS})
# The last word of a currency phrase ("dollars" in "Hong Kong dollars"), as it may be written.
_HEAD_WORDS: Final = frozenset(p.split()[-1] + end for p in CURRENCY_PHRASES for end in ("", ".", ",", ";", ":", ")"))
_CODES: Final = frozenset(MARKER_CODES | set(PSEUDO_CODES))
_CODE_FORMS: Final = _CODES | {c.lower() for c in _CODES if c.lower() not in WORD_MARKERS}  # "75 usd"
_RUN_WORDS: Final = NUMBER_RUN_WORDS | {w for p in CURRENCY_PHRASES for w in p.split()}
_SCALE_TOKENS: Final = frozenset(w for w in _RUN_WORDS if any(w.endswith(a) for a in SCALE_ANCHORS))


# A marker without a symbol is one of these words (2 to 4 characters long), ending right at the number.
if not {len(w) for w in _MARKER_WORDS} <= {2, 3, 4}:
    raise ImportError("a currency marker word is not 2 to 4 characters long: extend _marker_start")
_SYMBOL_OR_HASH: Final = frozenset(SYMBOL_CHARS + "#")
_MARKER_TAILS: Final = frozenset(w[-2:] for w in _MARKER_WORDS)  # the last two characters of a marker word
_GAPS: Final = frozenset(WHITESPACE + "(")  # what may stand between a marker and its digits: "$ 5", "$\n5", "$(5)"


def _ends_marker_word(text: str, i: int) -> bool:
    """Whether a marker word without a sign ends at `i` ("USD", "rs", "RM."), a word of its own."""
    return _marker_word_before(text, i) is not None


def _marker_word_before(text: str, i: int) -> str | None:
    """The longest marker word without a sign that ends at `i`, a word of its own, or None."""
    for n in (4, 3, 2):
        if i >= n and text[i - n:i] in _MARKER_WORDS and (i == n or not text[i - n - 1].isalpha()):
            return text[i - n:i]
    return None


def _marker_start(text: str, s: int) -> int | None:
    """Where a currency marker written right before the digits at `s` starts ("US$", "GB £", "-$",
    "Rs. ", "$(" of an accounting negative), or None when the characters there are no currency
    marker ("in 2008", "A400M")."""
    i = s - 1 if s > 0 and text[s - 1] in _GAPS else s
    if i > 0 and text[i] == "(" and text[i - 1].isspace():
        i -= 1  # "$ (12.3)"
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
    marker = text[j:i]
    letters = marker.rstrip(SYMBOL_CHARS + "# ")
    if letters == marker:  # no symbol: a code or an abbreviation ("USD 5", "Rs. 5"), not "A400M"
        word = _marker_word_before(text, i)
        if word is None:
            return None
        j = i - len(word)  # "#USD 5", "US$EUR5": the word alone, after other marks
    elif letters and letters.upper() not in _PREFIX_LETTERS:
        trimmed = letters[max(map(letters.rfind, _SYMBOL_OR_HASH)) + 1:]  # ".US$1", "₴US$5", "US$US$5": after the last sign
        prefix = next((trimmed[k:] for k in range(len(trimmed)) if (k == 0 or not trimmed[k - 1].isalpha())
                       and trimmed[k:].upper() in _PREFIX_LETTERS), "")  # "dollars.HK$5": after a dot
        j += len(letters) - len(prefix)  # none: "EMEA$5", "ON$5" are words, and the marker is the sign alone
    if j >= 2 and j < i and text[j - 1].isspace() and text[j - 2].isalpha():  # "GB £20.1 billion"
        k = j - 1
        while k > 0 and j - k < 5 and text[k - 1].isalpha():
            k -= 1
        if (k == 0 or not text[k - 1].isalpha()) and spaced_prefix(text, k, text[k:j - 1]):
            j = k  # not "PROFIT BACK TO $110", "EMEA $48.2": a word before the sign is no prefix
    if j > 0 and text[j - 1] in "-−":
        j -= 1  # "-$2.45B"
    return j


# Verbs after which a lower-case "us" before "$" is the pronoun ("they paid us $5"), not US$.
_VERBS_OF_US: Final = frozenset({
    "told", "tell", "gave", "give", "gives", "giving", "paid", "pay", "pays", "owe", "owes", "owed", "cost",
    "costs", "charged", "charge", "charges", "sent", "send", "offered", "offer", "lent", "lend", "saved",
    "save", "saves", "promised", "let", "showed", "show", "won", "earned", "earn", "bought"})


def spaced_prefix(text: str, k: int, letters: str) -> bool:
    """Whether the letters at `k`, a space before a currency sign, are its prefix ("US $5", "GB £20",
    "gb £20"); in lower case or amid capitals "us" is the pronoun after a verb that takes one
    ("paid us $5", "TOLD US $5")."""
    if len(letters) < 2 or letters.upper() not in _PREFIX_LETTERS:
        return False
    before = text[max(0, k - 16):k]
    if letters.upper() != "US" or (letters == "US" and not before.isupper()):
        return True  # "US $5" in mixed case is the country
    words = before.split()
    return not (words and words[-1].lower() in _VERBS_OF_US)


def _run_start(text: str, end: int) -> int:
    """Where the run of number-like tokens ending at `end` starts (number_run_start), also when its
    first word is glued to marks ("**two million usd", "~half a euro"); `end` when none."""
    reach = number_run_start(text, end, _RUN_WORDS)
    k = reach
    while k > 0 and text[k - 1].isspace():
        k -= 1
    if k == reach or k == 0 or text[k - 1].isspace():
        return reach  # no token before the run, or one that does not start with marks
    j = k
    while j > 0 and not text[j - 1].isspace():
        j -= 1
    glued = _glued_number(text[j:k])
    return j + glued if glued > 0 else reach


def _glued_number(token: str) -> int:
    """Where a number glued to marks starts in a token ("**two", "₴five"): the first word start
    from which on the token reads as a number; -1 when none."""
    for p in range(1, len(token)):
        if token[p].isalnum() and not token[p - 1].isalnum() and number_like(token[p:], _RUN_WORDS):
            return p
    return -1


def _number_word_before(text: str, end: int) -> bool:
    """Whether the word ending at `end` reads as a number word ("two", "**half", "twenty-five"): most
    currency words follow another word ("the dollar", "has won")."""
    words = text[max(0, end - 24):end].split()
    if not words:
        return False
    word = words[-1]
    return number_like(word.lstrip("*_~"), _RUN_WORDS) or _glued_number(word) > 0  # "₴five usd", as _run_start


def _currency_follows(text: str, end: int) -> bool:
    """Whether a currency word or code ends one of the next few words ("5bn euros", "3 US dollars",
    "75 usd", "12.5EUR", "5 dollars**")."""
    for word in text[end:end + 40].split()[:4]:  # one split, not two
        if word.lower() in _HEAD_WORDS or word.rstrip(".,;:)") in _CODE_FORMS:
            return True
        if word.isalpha():
            continue  # the common case: a plain word, none of those
        head = _WORD_HEAD.match(word)  # the word as the rules read it: after the number's decimals, before marks
        if head is not None and (head[1].lower().rstrip(".'’") in _HEAD_WORDS or head[1].rstrip(".'’") in _CODE_FORMS):
            return True
    return False


_WORD_HEAD: Final = re.compile(r"[\d.,'’½¼¾⅛⅜⅝⅞]*([^\W\d_][\w.'’]*)")


# _currency_follows(text, end) holds only when a currency word or code (in any case here) starts a
# word of text[end:end + 40]: at `end` itself, after a digit, or after a space. One scan finds the
# few such places in a text, which spares the call for most digit runs.
# (pence's "p" is found with the digit runs: a one-letter word would be found at every word in p)
_FOLLOW_WORDS: Final = Literals(sorted({p.split()[-1] for p in CURRENCY_PHRASES if p != "p"}
                                       | {c.lower() for c in _CODES}),
                                caseless=True, after=string.digits + "½¼¾" + WHITESPACE)


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
    for count, (word_start, word) in enumerate(_FOLLOW_WORDS.find_all(text)):
        if count % DEADLINE_EVERY == 0:  # a text made of one currency word over and over
            past_deadline(doc.deadline, text)
        follows.append(word_start)
        end = word_start + len(word)
        if (not text[end:end + 1].isalpha() and word_start >= 2 and text[word_start - 1] in _GAPS
                and not is_digit(text[word_start - 2]) and _number_word_before(text, word_start - 1)):
            reach = _run_start(text, word_start)  # "fifteen cents", "two usd", "half a euro"
            if reach < word_start:
                out.append((reach, word_start, end))
    follows.sort()
    for count, (s, e) in enumerate(digit_runs(text)):
        if count % DEADLINE_EVERY == 0:
            past_deadline(doc.deadline, text)
        if s:
            before = text[s - 1]
            if before in ".,'’" and s >= 2 and is_digit(text[s - 2]):
                if before == "." and e < len(text) and (text[e] == "p" or text[e] == "P") \
                        and not text[e + 1:e + 2].isalnum():
                    first = s - 2
                    while first > 0 and is_digit(text[first - 1]):
                        first -= 1
                    out.append((first - 1, first, e))  # "21.4p": pence with decimals (amounts.py decides)
                continue  # the decimals or a digit group of a number, not its first digits
            i = s - 1 if before in _GAPS and s >= 2 else s  # where a marker would end
            if before == "(" and i >= 2 and text[i - 1].isspace():
                i -= 1  # "$ (12.3) million"
            if (before == "R" or before == "r") and (s < 2 or not text[s - 2].isalnum()):
                out.append((s - 1, s, e))  # the rand's "R" glued to the digits, "R68.3 billion" (amounts.py decides)
                continue
            # Most runs follow a plain word ("in 2008"): a marker ends in a symbol or a marker word's end.
            if text[i - 1] in _SYMBOL_OR_HASH or (text[i - 2:i] in _MARKER_TAILS and _ends_marker_word(text, i)):
                start = _marker_start(text, s)
                if start is not None:  # "$5", "USD 2.3", "Rs 20"
                    out.append((start, s, e))
                    continue
        if e < len(text) and (text[e] == "p" or text[e] == "P") and not text[e + 1:e + 2].isalnum():
            out.append((s - 1, s, e))  # "412p" (amounts.py decides whether it is pence)
            continue
        at = bisect_left(follows, e)
        if at < len(follows) and follows[at] < e + 40 and _currency_follows(text, e):
            out.append((s - 1, s, e))  # "5bn euros", "18 cents"
    out.extend(_symbols_after(text))
    for count, (a, word) in enumerate(_ANCHOR_WORDS.find_all(text)):
        if count % DEADLINE_EVERY == 0:  # a text made of one word over and over
            past_deadline(doc.deadline, text)
        if text[a - 1:a].isalpha() and word != "illion":
            continue  # "percent", "recent"; "million" and "billion" both end in "illion"
        token_start, token = _token(text, a)  # "two million pounds", "billions of dollars"
        if token in _SCALE_TOKENS and _currency_follows(text, a + len(word)):
            out.append((_run_start(text, token_start), a, a + len(word)))
    return out


# Signs written after the number ("25 €", "10k €", "500 ₴", "100 zł"): each holds a key character
# (a sign, or a letter beyond ASCII) whose few places in a text str.find finds.
_AFTER_KEYS: dict[str, list[tuple[str, int]]] = {}  # key -> (symbol, the key's offset in it), longest first
for _symbol in sorted(SYMBOLS_AFTER, key=len, reverse=True):
    _key = next(c for c in _symbol if not c.isascii() or c == "$")
    _AFTER_KEYS.setdefault(_key, []).append((_symbol, _symbol.index(_key)))
_AFTER_ASCII_KEYS: Final = tuple(k for k in _AFTER_KEYS if k.isascii())
_AFTER_OTHER_KEYS: Final = frozenset(k for k in _AFTER_KEYS if not k.isascii())


def _symbols_after(text: str) -> list[tuple[int, int, int]]:
    """(reach, start, end) of each currency sign right after a number or its scale ("10k €")."""
    keys = list(_AFTER_ASCII_KEYS)
    if not text.isascii():
        keys.extend(_AFTER_OTHER_KEYS.intersection(non_ascii(text)))
    out = []
    for key in keys:
        p = text.find(key)
        while p >= 0:
            after = text[p + 1:p + 3]
            if after[:1].isdigit() or (after[:1].isspace() and after[1:].isdigit()):
                p = text.find(key, p + 1)
                continue  # "$5", "for € 20": a sign before its number
            for symbol, offset in _AFTER_KEYS[key]:
                start = p - offset
                if start >= 1 and text.startswith(symbol, start):
                    q = start - 1 if text[start - 1] in " \u00a0" else start
                    if q >= 1 and text[q - 1].isalnum():  # a digit, or the last letter of a scale
                        reach = _run_start(text, q)
                        if reach < q:
                            out.append((reach, start, start + len(symbol)))
                    break
            p = text.find(key, p + 1)
    return out


class AmountDispatch(TokenDispatch):
    """The amount rules at the token starts before each anchor, and at a currency sign that opens
    a marker where no token starts ("**$3.4 billion**", "~$61k")."""

    def starts(self, text: str, lo: int, reach: int, anchor: int) -> Iterable[int]:
        out = token_starts(text, lo, anchor)
        signs = [m.start() for m in _SIGNS.finditer(text, lo, anchor)]
        if signs:  # "**$3.4 billion", "~$61k", "2024US$5", "#€1": a sign glued to a mark, a word or a number
            out = sorted({*out, *signs})
        return out


_SIGNS: Final = re.compile("[" + re.escape(SYMBOL_CHARS + "#") + "]")
