"""Money amounts: currency marker + number + scale word, in the order the text uses.

Four rules, tried as one pattern at the few places a currency can be (extractors/money_scan.py):
  "<currency> <number> <scale>"        $1.5bn, US$4.7 billion, usd 75, $(12.3) million, (€4.5m)
  "<number> <scale> <currency sign>"   25 €, 10k €, 500 ₴ (signs from babel: currencies.SYMBOLS_AFTER)
  "<number> <scale> <currency word>"   5bn euros, two million pounds, 18 cents, half a million usd
  "<plural scale> of <currency word>"  billions of dollars (a lower bound: qualifier "over")
Currency markers and words are matched by shape ("letters before a symbol", "up to three
words") in any case and looked up in the tables of `extractors.currencies`: long literal
alternations make the regex engine slow at every position.
"""
from __future__ import annotations

import unicodedata
from decimal import Decimal
from typing import Any, Final

import regex

from extractors.currencies import (
    ANY_CASE_DOLLAR_PREFIXES, ANY_CASE_MARKERS, CONTEXT_WORDS, CURRENCY_WORDS, LETTER_MARKERS, MARKER_CODES,
    MEASURE_WORDS, PLURAL_SCALE_CURRENCIES, POUND_CUES, PSEUDO_CODES, RAND_CUES, RESOLUTIONS, SUBUNIT_WORDS, SYMBOLS,
    SYMBOLS_AFTER, WORD_MARKERS, YUAN_CUES,
)
from extractors.mentions import AmountMention
from extractors.money_scan import (
    CURRENCY_PHRASES, SYMBOL_CHARS, WORD_SETS, AmountDispatch, anchors, may_name_currency, spaced_prefix,
)
from extractors.numbers import (
    DIGITS, FRACTION, NUMBER, PLURAL_SCALES, SCALE, SCALE_GAP, SCALE_MULTIPLES, alternation, parse_number,
    parse_scale, plain,
)
from extractors.rules import Document, Rule, groups, next_words, qualifier_before, range_allowed, scan

# ---------------------------------------------------------------- pattern parts

_SYMBOL_CLASS: Final = "[" + regex.escape(SYMBOL_CHARS) + "]"


def _prefix(tag: str) -> str:
    """A currency marker before the number; group names end in `tag` so a pattern can hold two."""
    return rf"""
    (?:(?<![A-Za-z])(?P<pl{tag}>[A-Za-z]{{1,3}}(?:\.[A-Za-z]\.|\.)?)     # letters: US, U.S., GB, USD, us
        (?P<pg{tag}>\s?)(?P<ps{tag}>{_SYMBOL_CLASS})                          # then a sign: US$, GB £
     | (?<![A-Za-z])(?P<code{tag}>[A-Za-z]{{1,3}}\.?)(?![A-Za-z])          # USD, Rs., RM, CHF, usd
     | (?<!{_SYMBOL_CLASS})(?P<symbol{tag}>{_SYMBOL_CLASS})                    # $ £ € ¥ ₹; "$$$ 5" is none
     | (?P<hash{tag}>(?<![\w\#]|{_SYMBOL_CLASS})\#)(?=\d)                     # old newswire £
    )
    """


_SIGN: Final = r"(?:(?<![\w.,\-−])[-−](?=\S)|(?i:\bminus|\bnegative)\s+)"
_NUMBER_START: Final = r"(?<![\w.,'’/$£€¥\#\-−½¼¾⅛⅜⅝⅞])"  # not inside another number, code or word ("2½1,234")
_CONNECTOR: Final = r"(?P<conn>\s?[-–—]\s?|\s+(?i:to|and)\s+)"
_WORD: Final = r"[^\W\d_][\w.'’]*"
_WORDS: Final = rf"{_WORD}(?:[ \t\u00a0]+{_WORD}){{0,2}}"  # up to three words, looked up in the tables
_FIGURES: Final = rf"(?:{FRACTION}|{DIGITS})"  # a number in figures: a sign is written before no word ("$half a")
# After a word number, a sign only with a scale between ("two million ₽", not "half a $").
_WORDS_NEED_SCALE: Final = rf"(?:(?<=[\d½¼¾⅛⅜⅝⅞])|(?={SCALE_GAP}{SCALE}))"

CURRENCY_NUMBER_SCALE: Final = rf"""
    (?P<sign>{_SIGN})?
    (?P<pre>{_prefix("")})\s?
    (?P<op>\()?(?P<n1>{_FIGURES})(?P<cp>\))?(?:{SCALE_GAP}(?P<sc1>{SCALE}))?        # $(12.3) million: negative
    (?:{_CONNECTOR}(?P<pre2>{_prefix("2")})?\s?(?P<n2>{NUMBER})(?:{SCALE_GAP}(?P<sc2>{SCALE}))?)?
    (?:\s+(?P<tail>{_WORDS}))?                                                 # "$9.99 US dollars"
"""

_AFTER_SYMBOL: Final = alternation(SYMBOLS_AFTER)

NUMBER_SCALE_SYMBOL: Final = rf"""
    (?:(?P<sign>{_SIGN})|{_NUMBER_START})
    (?P<n1>{NUMBER}){_WORDS_NEED_SCALE}(?:{SCALE_GAP}(?P<sc1>{SCALE}))?
    (?:{_CONNECTOR}(?P<n2>{NUMBER})(?:{SCALE_GAP}(?P<sc2>{SCALE}))?)?
    [ \u00a0]?(?P<sym>{_AFTER_SYMBOL})(?!\w|\s?\d)                         # 25 €, 10k €; not "2019 $5"
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
    if not may_name_currency(tokens[0].lower() if tokens else ""):
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


def _prefix_currency(parts: tuple, doc: Document, start: int) -> tuple[bool, str | None]:
    """(is money, ISO code) for a prefix at `start`, from its groups (hash; letters, gap, symbol;
    letters alone; symbol alone)."""
    hash_mark, letters, gap, symbol, letters_alone, symbol_alone = parts
    if hash_mark:
        return _hash_is_pound(doc), "GBP"
    if letters and symbol:
        if gap and not spaced_prefix(doc.text, start, letters):
            return False, None  # "A $5 fee", "told us $5": a word, not A$ or US$
        upper = letters.upper()
        if symbol == "$":
            code = ANY_CASE_DOLLAR_PREFIXES.get(upper) or (upper if upper in MARKER_CODES else None)
        else:
            code = SYMBOLS.get(f"{upper} {symbol}") or SYMBOLS.get(upper + symbol)
        return code is not None, code
    if letters_alone:
        if letters_alone in ("R", "r"):  # "R68.3 billion": the rand, glued to its number in a text about it
            rand = doc.text[start + 1:start + 2].isdigit() and _speaks_of_rand(doc)
            return rand, "ZAR" if rand else None
        code = _marker_code(letters_alone, doc, start)
        return code is not None, code
    return True, _symbol_currency(symbol_alone, doc)


def _symbol_currency(symbol: str, doc: Document) -> str | None:
    """The currency of a sign ("$", "¥", "￥" as "¥"): SYMBOLS', else babel's (SYMBOLS_AFTER)."""
    symbol = unicodedata.normalize("NFKC", symbol) if not symbol.isascii() else symbol
    if symbol == "¥" and _speaks_of_yuan(doc):
        return "CNY"
    return SYMBOLS[symbol] if symbol in SYMBOLS else SYMBOLS_AFTER.get(symbol)


def _marker_code(letters: str, doc: Document, start: int) -> str | None:
    """The code of a currency marker without a sign ("USD", "usd", "Rs.", "RMB"), in any case; one
    that is also a word ("try", "re") only as the table writes it, and not amid capitals."""
    word = letters.lower() in WORD_MARKERS
    exact = LETTER_MARKERS.get(letters)
    if exact is not None and not (word and doc.text[max(0, start - 30):start + 30].isupper()):
        return exact
    return None if word else ANY_CASE_MARKERS.get(letters.upper())


def _hash_is_pound(doc: Document) -> bool:
    """'#' stands for '£' only in text that never writes '£' and has no hashtags."""
    if "hash_is_pound" not in doc.hints:
        doc.hints["hash_is_pound"] = "£" not in doc.text and regex.search(
            r"\#[^\W\d]", doc.text, timeout=doc.timeout) is None
    return doc.hints["hash_is_pound"]


def _pence(m: regex.Match, g: Any, doc: Document) -> bool:
    """Whether a number with "p" is pence: glued to it ("84p", "5.5p"), in a text that speaks of
    pounds, and no video resolution ("1080p")."""
    if m.start(g.cw) != m.end(g.n1) or m[g.sc1] or m[g.n1] in RESOLUTIONS:
        return False
    if "pounds" not in doc.hints:
        doc.hints["pounds"] = any(cue in doc.lower for cue in POUND_CUES)
    return bool(doc.hints["pounds"])


def _speaks_of_rand(doc: Document) -> bool:
    if "rand" not in doc.hints:
        doc.hints["rand"] = any(cue in doc.lower for cue in RAND_CUES)
    return bool(doc.hints["rand"])


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


# `_lookup` finds only phrases of CURRENCY_PHRASES.
assert set(PLURAL_SCALE_CURRENCIES) <= set(CURRENCY_PHRASES)


def _currency_after(words: str, doc: Document, at: int) -> tuple[bool, str | None, Decimal, int]:
    """(is money, code, unit share, length) for the currency word or code starting `words` (at `at`)."""
    phrase, length = _lookup(words, CURRENCY_PHRASES)
    if phrase is not None:
        return (*_word_currency(phrase, doc), length)
    code = words.split(None, 1)[0].rstrip(".'’") if words.strip() else ""
    upper = code.upper()
    found = _marker_code(code, doc, at) if upper in MARKER_CODES or upper in PSEUDO_CODES else None
    if found is not None:
        return True, found, Decimal(1), len(code)
    return False, None, Decimal(1), 0


# ---------------------------------------------------------------- build helpers


def _value(number: str, scale: str | None) -> Decimal | None:
    value = parse_number(number)
    return None if value is None else plain(value * parse_scale(scale))


def _bounds(m: regex.Match, g: Any, doc: Document, first_marked: bool) -> tuple[Decimal, Decimal] | None:
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


def _signed(value: Decimal, m: regex.Match, g: Any) -> Decimal:
    return -value if m[g.sign] else value


# ---------------------------------------------------------------- builds


def _build_prefixed(m: regex.Match, doc: Document):
    g = groups(m)
    start = m.start()
    is_money, currency = _prefix_currency(m.group(g.hash, g.pl, g.pg, g.ps, g.code, g.symbol), doc, start)
    if not is_money:
        return [], start + 1
    hash_mark, op, cp, n1, sc1, pre2, n2, tail = m.group(g.hash, g.op, g.cp, g.n1, g.sc1, g.pre2, g.n2, g.tail)
    if (hash_mark or m[g.code] in ("R", "r")) and not (sc1 or "." in n1 or "," in n1):
        return [], m.end(g.n1)  # "Fund #3", "#1 seed", "the R21 highway": a pound or rand amount has a scale or cents
    if op and not cp:
        return [], start + 1
    if op or cp:  # "$(12.3) million" is negative; in "($5) million" the scale is not the amount's
        low = _value(n1, sc1 if op else None)
        end = _number_end(m, g.cp, g.sc1) if op else m.end(g.n1)
        if low is None:
            return [], start + 1
        return [_mention(doc, start, end, -low if op else _signed(low, m, g), currency, RULE_NAMES[0])], end
    same_currency = pre2 is None or _prefix_currency(
        m.group(g.hash2, g.pl2, g.pg2, g.ps2, g.code2, g.symbol2), doc, m.start(g.pre2))[1] == currency
    bounds = _bounds(m, g, doc, True) if same_currency else None
    if bounds is None:  # one amount; a second number is left for the next match
        low, high, end = _value(n1, sc1), None, _number_end(m, g.n1, g.sc1)
    else:
        (low, high), end = bounds, _number_end(m, g.n2, g.sc2)
    if low is None:
        return [], start + 1
    if tail and (bounds is not None or not n2):
        end += _tail_length(m, g, currency, end, doc)
    low = _signed(low, m, g)
    if high is None and not m[g.sign] and _accounting_negative(doc.text, start, end):
        return [_mention(doc, start - 1, end + 1, -low, currency, RULE_NAMES[0])], end + 1  # "(€4.5m)"
    return [_mention(doc, start, end, low, currency, RULE_NAMES[0], value_max=high)], end


def _accounting_negative(text: str, start: int, end: int) -> bool:
    """Whether the amount at [start, end) stands in parentheses as a negative figure of a statement
    or table ("Net loss: (€4.5m)", "| (€4.5m) |"), not as an aside in a sentence ("the fee (€4.5m) was")."""
    if start < 1 or text[start - 1] != "(" or text[end:end + 1] != ")":
        return False
    before = text[max(0, start - 13):start - 1]
    label = before.rstrip(" \t")
    after = text[end + 1:end + 13]
    rest = after.lstrip(" \t")
    opens = start - 1 - len(before) + len(label) <= 0 or label[-1:] in (":", "|", "=", "\n") or _wide(before[len(label):])
    closes = not rest or rest[0] in "|\n;," or (rest[0] == "." and rest[1:2] in ("", "\n", " ")) or _wide(
        after[:len(after) - len(rest)])
    return opens and closes


def _wide(gap: str) -> bool:
    """Whether a gap of spaces separates the columns of a table: a tab, or two spaces or more."""
    return "\t" in gap or len(gap) >= 2


_YEAR: Final = regex.compile(r"(?:1[89]|2[01])\d\d")


def _build_after(m: regex.Match, doc: Document):
    """25 €, 10k €, 3-5 mln ₴: a number and its scale before a currency sign."""
    g = groups(m)
    n1, sc1, sym = m.group(g.n1, g.sc1, g.sym)
    bounds = _bounds(m, g, doc, False)
    if m[g.n2] and bounds is None:
        return [], _number_end(m, g.n1, g.sc1)  # only the second number is money: rescan from it
    if not (sc1 or bounds) and _YEAR.fullmatch(n1) and m.end(g.n1) < m.start(g.sym):
        return [], m.end(g.n1)  # "In 2019 $ signs were banned": a year, not a price
    low, high = bounds if bounds else (_value(n1, sc1), None)
    if low is None:
        return [], m.start() + 1
    end = m.end(g.sym)
    currency = _symbol_currency(sym, doc)
    return [_mention(doc, m.start(), end, _signed(low, m, g), currency, RULE_NAMES[1], value_max=high)], end


def _tail_length(m: regex.Match, g: Any, currency: str | None, end: int, doc: Document) -> int:
    """Characters of a currency word after the amount that repeats its currency ("$5 US dollars")."""
    is_money, code, share, length = _currency_after(m[g.tail], doc, m.start(g.tail))
    dollar_sign = "$" in m[g.pre] and code == "USD"  # "A$5 dollars": the words repeat the sign
    if not is_money or share != 1 or not (code == currency or dollar_sign):
        return 0
    return m.start(g.tail) - end + length


def _build_worded(m: regex.Match, doc: Document):
    g = groups(m)
    cw, n1, sc1, n2 = m.group(g.cw, g.n1, g.sc1, g.n2)
    is_money, currency, share, length = _currency_after(cw, doc, m.start(g.cw))
    if not is_money or length == 1 and not _pence(m, g, doc):
        return [], m.start() + 1
    word_start = m.start(g.cw)
    end = word_start + length
    word = doc.text[word_start:end].lower()
    if word in MEASURE_WORDS and [w.lower() for w in next_words(doc.text, end, 1)] == ["of"]:
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
    return [_mention(doc, m.start(), end, _signed(low, m, g), currency, RULE_NAMES[2], value_max=high)], end


def _build_plural(m: regex.Match, doc: Document):
    g = groups(m)
    mult, plural, pw = m.group(g.mult, g.plural, g.pw)
    phrase, length = _lookup(pw, PLURAL_SCALE_CURRENCIES)
    if phrase is None:
        return [], m.end(g.plural)
    value = PLURAL_SCALES.get(plural.lower(), Decimal(100))
    if mult:
        value *= SCALE_MULTIPLES[mult.lower()]
    end = m.start(g.pw) + length
    currency = PLURAL_SCALE_CURRENCIES[phrase]
    return [_mention(doc, m.start(), end, plain(value), currency, RULE_NAMES[3], "over")], end


AMOUNT_RULES: Final = (
    Rule("<currency> <number> <scale>", CURRENCY_NUMBER_SCALE, _build_prefixed),
    # before the word rule, which would take "zł" in "100 zł" for a word it does not know
    Rule("<number> <scale> <currency sign>", NUMBER_SCALE_SYMBOL, _build_after),
    Rule("<number> <scale> <currency word>", NUMBER_SCALE_WORD, _build_worded),
    Rule("<plural scale> of <currency word>", PLURAL_SCALE_OF_WORD, _build_plural),
)
RULE_NAMES: Final = tuple(r.name for r in AMOUNT_RULES)
AMOUNT_DISPATCH: Final = AmountDispatch(AMOUNT_RULES, anchors)
__all__ = ["AMOUNT_RULES", "RULE_NAMES", "WORD_SETS", "extract_amounts"]


def extract_amounts(text: str) -> list[AmountMention]:
    """Every money amount in `text`, in text order."""
    return scan(text, AMOUNT_DISPATCH)
