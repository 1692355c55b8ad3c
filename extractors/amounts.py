"""Money amounts: currency marker + number + scale word, in the order the text uses.

Three rules, tried as one pattern at the few places a currency can be (see `_anchors`):
  "<currency> <number> <scale>"        $1.5bn, US$4.7 billion, USD34.6 million, $3-5 million
  "<number> <scale> <currency word>"   5bn euros, two million pounds, 18 cents, 5 lakh rupees
  "<plural scale> of <currency word>"  billions of dollars (a lower bound: qualifier "over")
Currency markers and words are matched by shape ("letters before a symbol", "up to three
words") and looked up in the tables of `extractors.currencies`: long literal alternations
make the regex engine slow at every position.
"""
from __future__ import annotations

import re
import string
from bisect import bisect_left
from decimal import Decimal
from types import SimpleNamespace
from typing import Final

import regex

from extractors.currencies import (
    CONTEXT_WORDS, CURRENCY_WORDS, DOLLAR_PREFIXES, MARKER_CODES, MEASURE_WORDS,
    PLURAL_SCALE_CURRENCIES, PSEUDO_CODES, SUBUNIT_WORDS, SYMBOLS, YUAN_CUES,
)
from extractors.fastscan import WHITESPACE, Literals, digit_runs, is_digit
from extractors.mentions import DEADLINE_EVERY, AmountMention, past_deadline
from extractors.numbers import (
    NUMBER, NUMBER_RUN_WORDS, PLURAL_SCALES, SCALE, SCALE_GAP, SCALE_MULTIPLES, alternation,
    parse_number, parse_scale, plain,
)
from extractors.rules import (
    EDGE_PUNCTUATION, Document, Rule, combine, next_words, number_run_start, qualifier_before,
    range_allowed, scan,
)

# ---------------------------------------------------------------- pattern parts

_SYMBOL_CHARS: Final = "".join(sorted({c for s in SYMBOLS for c in s if not (c.isalnum() or c.isspace() or c == ".")}))
_SYMBOL_CLASS: Final = "[" + regex.escape(_SYMBOL_CHARS) + "]"


def _prefix(tag: str) -> str:
    """A currency marker before the number; group names end in `tag` so a pattern can hold two."""
    return rf"""
    (?:(?<![A-Za-z])(?P<pl{tag}>[A-Z][A-Za-z]{{0,2}}(?:\.[A-Z]\.|\.)?)     # letters: US, U.S., GB, USD
        (?P<pg{tag}>\s?)(?P<ps{tag}>{_SYMBOL_CLASS})                          # then a sign: US$, GB £
     | (?<![A-Za-z])(?P<code{tag}>[A-Z][A-Za-z]{{0,2}}\.?)(?![A-Za-z])      # USD, Rs., RM, CHF
     | (?P<symbol{tag}>{_SYMBOL_CLASS})                                      # $ £ € ¥ ₹
     | (?P<hash{tag}>(?<![\w\#])\#)(?=\d)                                    # old newswire £
    )
    """


_SIGN: Final = r"(?:(?<![\w.,\-−])[-−](?=\S)|(?i:\bminus|\bnegative)\s+)"
_NUMBER_START: Final = r"(?<![\w.,'’/$£€¥\#\-−])"  # not inside another number, code or word
_CONNECTOR: Final = r"(?P<conn>\s?[-–—]\s?|\s+(?:to|and)\s+)"
_WORD: Final = r"[^\W\d_][\w.'’]*"
_WORDS: Final = rf"{_WORD}(?:[ \t\u00a0]+{_WORD}){{0,2}}"  # up to three words, looked up in the tables

CURRENCY_NUMBER_SCALE: Final = rf"""
    (?P<sign>{_SIGN})?
    (?P<pre>{_prefix("")})\s?
    (?P<n1>{NUMBER})(?:{SCALE_GAP}(?P<sc1>{SCALE}))?
    (?:{_CONNECTOR}(?P<pre2>{_prefix("2")})?\s?(?P<n2>{NUMBER})(?:{SCALE_GAP}(?P<sc2>{SCALE}))?)?
    (?:\s+(?P<tail>{_WORDS}))?                                                 # "$9.99 US dollars"
"""

NUMBER_SCALE_WORD: Final = rf"""
    (?:(?P<sign>{_SIGN})|{_NUMBER_START})
    (?P<n1>{NUMBER})(?:{SCALE_GAP}(?P<sc1>{SCALE}))?
    (?:{_CONNECTOR}(?P<n2>{NUMBER})(?:{SCALE_GAP}(?P<sc2>{SCALE}))?)?
    \s?(?P<cw>{_WORDS})                                                        # euros, cents, USD
"""

PLURAL_SCALE_OF_WORD: Final = rf"""
    (?i:\b(?:(?P<mult>{alternation(SCALE_MULTIPLES)})\s+of\s+)?
        (?P<plural>hundreds|{alternation(PLURAL_SCALES)})\s+of\s+)
    (?P<pw>{_WORDS})
"""

_CENTS_AFTER: Final = regex.compile(  # "3 dollars 50 cents"
    r"\s+(?:and\s+)?(?P<cents>\d{1,2})\s?(?:cents?|pence|p)(?![\w-])", regex.IGNORECASE)

# ---------------------------------------------------------------- lookups


def _lookup(words: str, table) -> tuple[str | None, int]:
    """The longest leading phrase of `words` found in `table` (lower case), and its length in characters."""
    tokens = words.split()
    first = tokens[0].lower() if tokens else ""
    if first not in _FIRST_WORDS and first.rstrip(".'’") not in _FIRST_WORDS:
        return None, 0  # the common case ("$5 million for the stake"), without joining phrases
    for k in range(len(tokens), 0, -1):
        phrase = " ".join(tokens[:k]).lower()
        for cut in (phrase, phrase.rstrip(".'’")):
            if cut in table:
                last = tokens[k - 1][:len(tokens[k - 1]) - (len(phrase) - len(cut))]
                return cut, words.index(tokens[k - 1], _offset(words, tokens, k - 1)) + len(last)
    return None, 0


def _offset(words: str, tokens: list[str], index: int) -> int:
    """Character offset of tokens[index] in `words` (tokens are whitespace-separated)."""
    pos = 0
    for token in tokens[:index]:
        pos = words.index(token, pos) + len(token)
    return pos


def _prefix_currency(m: regex.Match, groups: tuple[int, ...], doc: Document) -> tuple[bool, str | None]:
    """(is money, ISO code) for a prefix, from its groups (hash; letters, gap, symbol; letters
    alone; symbol alone)."""
    hash_mark, letters, gap, symbol, letters_alone, symbol_alone = m.group(*groups)
    if hash_mark:
        return _hash_is_pound(doc), "GBP"
    if letters and symbol:
        if gap and len(letters) == 1:
            return False, None  # "A $5 fee": an article, not A$
        if symbol == "$":
            code = DOLLAR_PREFIXES.get(letters) or (letters if letters in MARKER_CODES else None)
        else:
            code = SYMBOLS.get(f"{letters} {symbol}") or SYMBOLS.get(letters + symbol)
        return code is not None, code
    if letters_alone:
        code = SYMBOLS.get(letters_alone) or PSEUDO_CODES.get(letters_alone)
        code = code or (letters_alone if letters_alone in MARKER_CODES else None)
        return code is not None, code
    if symbol_alone == "¥" and _speaks_of_yuan(doc):
        return True, "CNY"
    return True, SYMBOLS.get(symbol_alone)


def _hash_is_pound(doc: Document) -> bool:
    """'#' stands for '£' only in text that never writes '£' and has no hashtags."""
    if "hash_is_pound" not in doc.hints:
        doc.hints["hash_is_pound"] = "£" not in doc.text and regex.search(
            r"\#[^\W\d]", doc.text, timeout=doc.timeout) is None
    return doc.hints["hash_is_pound"]


def _speaks_of_yuan(doc: Document) -> bool:
    if "yuan" not in doc.hints:
        doc.hints["yuan"] = any(cue in doc.lower for cue in YUAN_CUES)
    return doc.hints["yuan"]


def _word_currency(phrase: str, doc: Document) -> tuple[bool, str | None, Decimal]:
    """(is money, ISO code, share of the unit) for a looked-up currency phrase."""
    if phrase in SUBUNIT_WORDS:
        code, share = SUBUNIT_WORDS[phrase]
        return True, code, share
    if phrase in CURRENCY_WORDS:
        return True, CURRENCY_WORDS[phrase], Decimal(1)
    for cue, code in CONTEXT_WORDS.get(phrase, ()):
        if cue in doc.lower:
            return True, code, Decimal(1)
    return False, None, Decimal(1)


_ALL_WORDS: Final = {**CURRENCY_WORDS, **SUBUNIT_WORDS, **CONTEXT_WORDS}
# The first words of the phrases `_lookup` may find (PLURAL_SCALE_CURRENCIES is a part of _ALL_WORDS).
_FIRST_WORDS: Final = frozenset(p.split()[0] for p in _ALL_WORDS)
assert set(PLURAL_SCALE_CURRENCIES) <= set(_ALL_WORDS)


def _currency_after(words: str, doc: Document) -> tuple[bool, str | None, Decimal, int]:
    """(is money, code, unit share, length) for the currency word or code starting `words`."""
    phrase, length = _lookup(words, _ALL_WORDS)
    if phrase is not None:
        return (*_word_currency(phrase, doc), length)
    code = words.split(None, 1)[0].rstrip(".'’") if words.strip() else ""
    if code in MARKER_CODES or code in PSEUDO_CODES:
        return True, PSEUDO_CODES.get(code, code), Decimal(1), len(code)
    return False, None, Decimal(1), 0


# ---------------------------------------------------------------- build helpers


def _value(number: str, scale: str | None) -> Decimal | None:
    value = parse_number(number)
    return None if value is None else plain(value * parse_scale(scale))


def _bounds(m: regex.Match, g: SimpleNamespace, doc: Document, first_marked: bool) -> tuple[Decimal, Decimal] | None:
    """(low, high) when the two numbers of the match (groups `g` of its rule) make one range, else None."""
    if not m[g.n2]:
        return None
    n1, sc1, conn, n2, sc2 = m.group(g.n1, g.sc1, g.conn, g.n2, g.sc2)
    if n1[0].isdigit() != n2[0].isdigit():
        return None  # "$5 to ten people"
    if not range_allowed(doc, m.start(), conn, first_marked):
        return None
    high, low = _value(n2, sc2), _value(n1, sc1)
    if sc2 and not sc1 and low is not None and high is not None:
        shared = _value(n1, sc2)  # "$3-5 million": the scale applies to both ends
        if shared is not None and shared < high:
            low = shared
    if low is None or high is None or not high > low:
        return None
    return low, high


def _number_end(m: regex.Match, number: int, scale: int) -> int:
    """Where a number group ends, or its scale group if that took part (else its end is -1)."""
    return max(m.end(number), m.end(scale))


def _mention(doc, start, end, value, currency, rule, qualifier=None, value_max=None):
    if qualifier is None:
        qualifier = "range" if value_max is not None else qualifier_before(doc, start)
    return AmountMention(start, end, doc.text[start:end], value, currency, qualifier, rule, value_max)


def _signed(value: Decimal, m: regex.Match, g: SimpleNamespace) -> Decimal:
    return -value if m[g.sign] else value


# ---------------------------------------------------------------- builds


def _build_prefixed(m: regex.Match, doc: Document):
    g = _PREFIXED
    is_money, currency = _prefix_currency(m, _FIRST_PREFIX, doc)
    if not is_money:
        return [], m.start() + 1
    hash_mark, n1, sc1, pre2, n2, tail = m.group(g.hash, g.n1, g.sc1, g.pre2, g.n2, g.tail)
    if hash_mark and not (sc1 or "." in n1 or "," in n1):
        return [], m.end(g.n1)  # "Fund #3", "#1 seed": a pound amount has a scale or pence
    same_currency = pre2 is None or _prefix_currency(m, _SECOND_PREFIX, doc)[1] == currency
    bounds = _bounds(m, g, doc, True) if same_currency else None
    if bounds is None:  # one amount; a second number is left for the next match
        low, high, end = _value(n1, sc1), None, _number_end(m, g.n1, g.sc1)
    else:
        (low, high), end = bounds, _number_end(m, g.n2, g.sc2)
    if low is None:
        return [], m.start() + 1
    if tail and (bounds is not None or not n2):
        end += _tail_length(m, currency, end, doc)
    return [_mention(doc, m.start(), end, _signed(low, m, g), currency, RULE_NAMES[0], value_max=high)], end


def _tail_length(m: regex.Match, currency: str | None, end: int, doc: Document) -> int:
    """Characters of a currency word after the amount that repeats its currency ("$5 US dollars")."""
    is_money, code, share, length = _currency_after(m[_PREFIXED.tail], doc)
    dollar_sign = "$" in m[_PREFIXED.pre] and code == "USD"  # "A$5 dollars": the words repeat the sign
    if not is_money or share != 1 or not (code == currency or dollar_sign):
        return 0
    return m.start(_PREFIXED.tail) - end + length


def _build_worded(m: regex.Match, doc: Document):
    g = _WORDED
    cw, n1, sc1, n2 = m.group(g.cw, g.n1, g.sc1, g.n2)
    is_money, currency, share, length = _currency_after(cw, doc)
    if not is_money:
        return [], m.start() + 1
    word_start = m.start(g.cw)
    end = word_start + length
    word = doc.text[word_start:end].lower()
    if word in MEASURE_WORDS and next_words(doc.text, end, 1)[:1] == ["of"]:
        return [], end  # "two million pounds of beef"
    bounds = _bounds(m, g, doc, bool(sc1))
    if n2 and bounds is None:
        return [], _number_end(m, g.n1, g.sc1)  # only the second number is money: rescan from it
    low, high = bounds if bounds else (_value(n1, sc1), None)
    if low is None:
        return [], m.start() + 1
    cents = _CENTS_AFTER.match(doc.text, end, timeout=doc.timeout) if share == 1 and high is None else None
    if cents:  # "3 dollars 50 cents"
        low, end = low + Decimal(cents["cents"]) / 100, cents.end()
    low, high = plain(low * share), (plain(high * share) if high is not None else None)
    if low is None:
        return [], m.start() + 1
    return [_mention(doc, m.start(), end, _signed(low, m, g), currency, RULE_NAMES[1], value_max=high)], end


def _build_plural(m: regex.Match, doc: Document):
    g = _PLURAL
    mult, plural, pw = m.group(g.mult, g.plural, g.pw)
    phrase, length = _lookup(pw, PLURAL_SCALE_CURRENCIES)
    if phrase is None:
        return [], m.end(g.plural)
    value = PLURAL_SCALES.get(plural.lower(), Decimal(100))
    if mult:
        value *= SCALE_MULTIPLES[mult.lower()]
    end = m.start(g.pw) + length
    currency = PLURAL_SCALE_CURRENCIES[phrase]
    return [_mention(doc, m.start(), end, plain(value), currency, RULE_NAMES[2], "over")], end


# ---------------------------------------------------------------- anchors

# Words that an amount without digits must contain ("two million pounds", "fifteen cents").
SCALE_ANCHORS: Final = ("illion", "thousand", "hundred", "lakh", "crore")
CURRENCY_ANCHORS: Final = ("cent", "pence", "penny", "dollar", "euro", "pound")
_ANCHOR_WORDS: Final = Literals(SCALE_ANCHORS + CURRENCY_ANCHORS, caseless=True)
_PREFIX_ENDS: Final = frozenset(_SYMBOL_CHARS + "#.")
# Letters that may open a currency marker: "US" ($), "GB" (£), "USD", "Rs", "RM", "CHF".
_PREFIX_LETTERS: Final = frozenset(
    {*DOLLAR_PREFIXES, *MARKER_CODES, *PSEUDO_CODES}
    | {s.split()[0].rstrip(_SYMBOL_CHARS) for s in SYMBOLS if s[0].isalpha()})
_MARKER_WORDS: Final = frozenset({*MARKER_CODES, *PSEUDO_CODES} | {s for s in SYMBOLS if s[0].isalpha()})
# The last word of a currency phrase ("dollars" in "Hong Kong dollars"), as it may be written.
_HEAD_WORDS: Final = frozenset(p.split()[-1] + end for p in _ALL_WORDS for end in ("", ".", ",", ";", ":", ")"))
_CODES: Final = frozenset(MARKER_CODES | set(PSEUDO_CODES))
_RUN_WORDS: Final = NUMBER_RUN_WORDS | {w for p in _ALL_WORDS for w in p.split()}
_SCALE_TOKENS: Final = frozenset(w for w in _RUN_WORDS if any(w.endswith(a) for a in SCALE_ANCHORS))
_CURRENCY_TOKENS: Final = frozenset(w for w in _ALL_WORDS if any(w.startswith(a) for a in CURRENCY_ANCHORS))


# A marker without a symbol is one of these words (2 to 4 characters long), ending right at the number.
assert {len(w) for w in _MARKER_WORDS} <= {2, 3, 4}
_SYMBOL_OR_HASH: Final = frozenset(_SYMBOL_CHARS + "#")
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
    letters = marker.rstrip(_SYMBOL_CHARS + "# ")
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
# few such places in a text (about one in a news document), which spares the call for the other
# digit runs: ~29 of the ~32 of a news document.
_FOLLOW_WORDS: Final = Literals(sorted({p.split()[-1] for p in _ALL_WORDS} | {c.lower() for c in _CODES}),
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


def _anchors(doc: Document) -> list[tuple[int, int, int]]:
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


AMOUNT_RULES: Final = (
    Rule("<currency> <number> <scale>", CURRENCY_NUMBER_SCALE, _build_prefixed),
    Rule("<number> <scale> <currency word>", NUMBER_SCALE_WORD, _build_worded),
    Rule("<plural scale> of <currency word>", PLURAL_SCALE_OF_WORD, _build_plural),
)
RULE_NAMES: Final = tuple(r.name for r in AMOUNT_RULES)
_AMOUNT_PATTERN: Final = combine(AMOUNT_RULES)
# Each build reads its rule's groups by number, `m[g.n1]`: by name costs more than the match.
# The alternation numbers each rule's groups apart (see extractors.engines.Alternation).
_PREFIXED, _WORDED, _PLURAL = (SimpleNamespace(**groups) for groups in _AMOUNT_PATTERN.groups)
_FIRST_PREFIX: Final = tuple(getattr(_PREFIXED, name) for name in ("hash", "pl", "pg", "ps", "code", "symbol"))
_SECOND_PREFIX: Final = tuple(getattr(_PREFIXED, name) for name in ("hash2", "pl2", "pg2", "ps2", "code2", "symbol2"))


def extract_amounts(text: str) -> list[AmountMention]:
    """Every money amount in `text`, in text order."""
    return scan(text, AMOUNT_RULES, _AMOUNT_PATTERN, _anchors)
