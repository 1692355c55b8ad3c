"""Money amounts: currency marker + number + scale word, in the order the text uses.

Three rules, scanned as one pattern:
  "<currency> <number> <scale>"        $1.5bn, US$4.7 billion, USD34.6 million, $3-5 million
  "<number> <scale> <currency word>"   5bn euros, two million pounds, 18 cents, 5 lakh rupees
  "<plural scale> of <currency word>"  billions of dollars (a lower bound: qualifier "over")
"""
from __future__ import annotations

from decimal import Decimal

import regex

from extractors.currencies import (
    CONTEXT_WORDS, CURRENCY_WORDS, DOLLAR_PREFIXES, MARKER_CODES, MEASURE_WORDS,
    PLURAL_SCALE_CURRENCIES, PSEUDO_CODES, SUBUNIT_WORDS, SYMBOLS, YUAN_CUES,
)
from extractors.mentions import AmountMention
from extractors.numbers import (
    NUMBER, PLURAL_SCALES, SCALE, SCALE_GAP, SCALE_MULTIPLES, alternation, parse_number,
    parse_scale, plain,
)
from extractors.rules import (
    Document, Rule, combine, literal_anchors, qualifier_before, range_allowed, scan,
)

# ---------------------------------------------------------------- pattern parts

_MULTI_DOLLAR = [p for p in DOLLAR_PREFIXES if len(p) > 1]
_SINGLE_DOLLAR = [p for p in DOLLAR_PREFIXES if len(p) == 1]
_LETTER_SYMBOLS = [s for s in SYMBOLS if s[0].isalpha()]
_SIGN_SYMBOLS = [s for s in SYMBOLS if not s[0].isalpha() and s != "$"]


def _prefix(tag: str) -> str:
    """Currency written before the number; groups end in `tag` so a pattern can hold two."""
    return rf"""
    (?:(?<![A-Za-z])(?P<dp{tag}>{alternation(_MULTI_DOLLAR)})\s?\$       # US$, US $, AU$
     | (?<![A-Za-z])(?P<dp{tag}>{alternation(_SINGLE_DOLLAR)})\$          # A$, C$, S$
     | (?<![A-Za-z])(?P<sym{tag}>{alternation(_LETTER_SYMBOLS)})(?![A-Za-z])  # Rs, RM, CHF
     | (?<![A-Za-z])(?P<code{tag}>[A-Z]{{3}})(?![A-Za-z])\$?              # USD, GBP, USD$
     | (?P<sym{tag}>{alternation(_SIGN_SYMBOLS)}|(?<![\w$])\$)            # £ € ¥ GB £ $
     | (?P<hash{tag}>(?<![\w\#])\#)(?=\d)                                 # old newswire £
    )
    """


_SIGN = r"(?:(?<![\w.,\-−])[-−](?=\S)|(?i:\bminus|\bnegative)\s+)"
_NUMBER_START = r"(?<![\w.,'’/$£€¥\#\-−])"  # not inside another number, code or word
_CONNECTOR = r"(?P<conn>\s?[-–—]\s?|\s+(?:to|and)\s+)"
_CURRENCY_WORD = alternation(list(CURRENCY_WORDS) + list(CONTEXT_WORDS) + list(SUBUNIT_WORDS), "i")
_TAIL_WORD = alternation(CURRENCY_WORDS, "i")

CURRENCY_NUMBER_SCALE = rf"""
    (?P<sign>{_SIGN})?
    (?P<pre>{_prefix("")})\s?
    (?P<n1>{NUMBER})(?:{SCALE_GAP}(?P<sc1>{SCALE}))?
    (?:{_CONNECTOR}(?P<pre2>{_prefix("2")})?\s?(?P<n2>{NUMBER})(?:{SCALE_GAP}(?P<sc2>{SCALE}))?)?
    (?:\s+(?P<tail>{_TAIL_WORD})(?![\w-]))?                                 # "$9.99 US dollars"
"""

NUMBER_SCALE_WORD = rf"""
    (?:(?P<sign>{_SIGN})|{_NUMBER_START})
    (?P<n1>{NUMBER})(?:{SCALE_GAP}(?P<sc1>{SCALE}))?
    (?:{_CONNECTOR}(?P<n2>{NUMBER})(?:{SCALE_GAP}(?P<sc2>{SCALE}))?)?
    \s?(?P<cw>{_CURRENCY_WORD}|(?<=\s)[A-Z]{{3}})(?![\w-])                  # euros, cents, USD
    (?:\s+(?:and\s+)?(?P<cents>\d{{1,2}})\s?(?P<subw>(?i:cents?|pence|p))(?![\w-]))?  # 3 dollars 50 cents
"""

PLURAL_SCALE_OF_WORD = rf"""
    (?i:\b(?:(?P<mult>{alternation(SCALE_MULTIPLES)})\s+of\s+)?
        (?P<plural>hundreds|{alternation(PLURAL_SCALES)})\s+of\s+
        (?P<pw>{alternation(PLURAL_SCALE_CURRENCIES)}))(?![\w-])
"""

# ---------------------------------------------------------------- build helpers


def _prefix_currency(m: regex.Match, tag: str, doc: Document) -> tuple[bool, str | None]:
    """(is money, ISO code) for the prefix groups ending in `tag`."""
    if m[f"dp{tag}"]:
        return True, DOLLAR_PREFIXES.get(" ".join(m[f"dp{tag}"].split()))
    if m[f"code{tag}"]:
        code = m[f"code{tag}"]
        code = PSEUDO_CODES.get(code, code)
        return code in MARKER_CODES or code in PSEUDO_CODES.values(), code
    if m[f"hash{tag}"]:
        return _hash_is_pound(doc), "GBP"
    symbol = " ".join(m[f"sym{tag}"].split())
    code = SYMBOLS.get(symbol) or SYMBOLS.get(symbol.replace(" ", ""))
    if symbol == "¥" and _speaks_of_yuan(doc):
        code = "CNY"
    return True, code


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


def _bounds(m: regex.Match, doc: Document, start: int, first_marked: bool):
    """(low, high, scale-inherited?) for a possible range, or None when it is not one."""
    if not m["n2"]:
        return None
    n1, n2 = m["n1"], m["n2"]
    if n1[0].isdigit() != n2[0].isdigit():
        return None  # "$5 to ten people"
    if not range_allowed(doc, start, m["conn"], first_marked):
        return None
    high = _value(n2, m["sc2"])
    low = _value(n1, m["sc1"])
    if m["sc2"] and not m["sc1"] and low is not None and high is not None:
        shared = _value(n1, m["sc2"])  # "$3-5 million": the scale applies to both ends
        if shared is not None and shared < high:
            low = shared
    if low is None or high is None or not high > low:
        return None
    return low, high


def _value(number: str, scale: str | None) -> Decimal | None:
    value = parse_number(number)
    return None if value is None else plain(value * parse_scale(scale))


def _first_end(m: regex.Match) -> int:
    return m.end("sc1") if m["sc1"] else m.end("n1")


def _mention(doc, start, end, value, currency, rule, qualifier=None, value_max=None):
    text = doc.text[start:end]
    if qualifier is None:
        qualifier = "range" if value_max is not None else qualifier_before(doc, start)
    return AmountMention(start, end, text, value, currency, qualifier, rule, value_max)


def _negate(value: Decimal, m: regex.Match) -> Decimal:
    return -value if m["sign"] else value


# ---------------------------------------------------------------- builds


def _build_prefixed(m: regex.Match, doc: Document):
    is_money, currency = _prefix_currency(m, "", doc)
    if not is_money:
        return [], m.start() + 1
    if m["hash"] and not (m["sc1"] or "." in m["n1"] or "," in m["n1"]):
        return [], m.end("n1")  # "Fund #3", "#1 seed": a pound amount needs a scale or pence
    start = m.start()
    same_currency = m["pre2"] is None or _prefix_currency(m, "2", doc)[1] == currency
    bounds = _bounds(m, doc, start, True) if same_currency else None
    if bounds is None:  # one amount; a second number is left for the next match
        low, high = _value(m["n1"], m["sc1"]), None
        end = _first_end(m)
    else:
        low, high = bounds
        end = m.end("sc2") if m["sc2"] else m.end("n2")
    if low is None:
        return [], m.start() + 1
    if m["tail"] and (bounds is not None or not m["n2"]) and _tail_agrees(m["tail"], currency, m):
        end = m.end("tail")
    return [_mention(doc, start, end, _negate(low, m), currency, RULE_NAMES[0], value_max=high)], end


def _tail_agrees(tail: str, currency: str | None, m: regex.Match) -> bool:
    """Whether a currency word after the amount repeats its currency ("USD$ 23 billion dollar")."""
    code = CURRENCY_WORDS.get(" ".join(tail.lower().split()))
    is_dollar = "dollar" in tail.lower() and (m["dp"] is not None or "$" in m["pre"])
    return code == currency or (is_dollar and " " not in tail.strip())


def _word_currency(word: str, doc: Document) -> tuple[bool, str | None, Decimal]:
    """(is money, ISO code, unit share) for a currency word or code after the number."""
    key = " ".join(word.lower().split())
    if key in SUBUNIT_WORDS:
        code, share = SUBUNIT_WORDS[key]
        return True, code, share
    if key in CURRENCY_WORDS:
        return True, CURRENCY_WORDS[key], Decimal(1)
    if key in CONTEXT_WORDS:
        for cue, code in CONTEXT_WORDS[key]:
            if cue in doc.lower:
                return True, code, Decimal(1)
        return False, None, Decimal(1)
    code = PSEUDO_CODES.get(word, word)
    return word in MARKER_CODES or word in PSEUDO_CODES, code, Decimal(1)


def _build_worded(m: regex.Match, doc: Document):
    word = m["cw"]
    is_money, currency, share = _word_currency(word, doc)
    if not is_money:
        return [], m.start() + 1
    if word.lower() in MEASURE_WORDS and regex.match(
            r"\s+of\b", doc.text, pos=m.end("cw"), timeout=doc.timeout):
        return [], m.end()  # "two million pounds of beef"
    start = m.start()
    bounds = _bounds(m, doc, start, bool(m["sc1"]))
    if m["n2"] and bounds is None:
        return [], _first_end(m)  # two numbers, only the second is money: rescan from it
    low, high = bounds if bounds else (_value(m["n1"], m["sc1"]), None)
    if low is None:
        return [], m.start() + 1
    end = m.end("cw")
    if m["cents"] and share == 1:
        low = low + Decimal(m["cents"]) / 100
        end = m.end("subw")
    low, high = plain(low * share), (plain(high * share) if high is not None else None)
    if low is None:
        return [], m.start() + 1
    return [_mention(doc, start, end, _negate(low, m), currency, RULE_NAMES[1], value_max=high)], end


def _build_plural(m: regex.Match, doc: Document):
    _, currency, _ = _word_currency(m["pw"], doc)
    value = PLURAL_SCALES.get(m["plural"].lower(), Decimal(100))
    if m["mult"]:
        value *= SCALE_MULTIPLES[m["mult"].lower()]
    return [_mention(doc, m.start(), m.end(), plain(value), currency, RULE_NAMES[2], "over")], m.end()


# ---------------------------------------------------------------- anchors

# Words whose presence a word-number amount needs ("two million pounds", "fifteen cents").
WORD_ANCHORS = ("illion", "thousand", "hundred", "lakh", "crore",
                "cent", "pence", "penny", "dollar", "euro", "pound")
_WORD_ANCHORS = tuple(regex.compile(regex.escape(w), regex.IGNORECASE) for w in WORD_ANCHORS)
_DIGIT_RUN = regex.compile(r"\d+")
# Characters that end a currency marker written before the number ("$", "£", "Rs.", "USD").
_PREFIX_ENDS = frozenset("".join(s for s in SYMBOLS if not s[-1].isalpha()) + "$#.")
_LOWER_ENDED_SYMBOLS = frozenset(s for s in _LETTER_SYMBOLS if s[-1].islower())
_PREFIX_REACH = 12  # "GB £", "-US$ ": how far before the digits a mention may start


def _after_marker(text: str, i: int) -> bool:
    """Whether a currency marker may end right before position `i` (one space allowed)."""
    if i > 0 and text[i - 1] in " \u00a0":
        i -= 1
    if i <= 0:
        return False
    c = text[i - 1]
    if c in _PREFIX_ENDS or c.isupper():
        return True
    if c.isalpha():
        return text[max(0, i - 3):i] in _LOWER_ENDED_SYMBOLS or text[max(0, i - 2):i] in _LOWER_ENDED_SYMBOLS
    return False


def _not_percent(text: str, start: int, end: int) -> bool:
    """A 'cent' anchor inside 'percent' or 'per cent' is no money word."""
    return not text[max(0, start - 4):start].lower().endswith(("per", "per "))


def _anchors(doc: Document) -> list[tuple[int, int, int]]:
    text, out = doc.text, []
    worded = NUMBER_SCALE_WORD_RULE.pattern
    for m in _DIGIT_RUN.finditer(text, timeout=doc.timeout):
        s = m.start()
        if _after_marker(text, s):
            out.append((s - _PREFIX_REACH, s, m.end()))
        elif worded.match(text, s, timeout=doc.timeout):
            out.append((s - 2, s, m.end()))
    out += literal_anchors(doc, _WORD_ANCHORS, 90, _not_percent)
    return out


AMOUNT_RULES = (
    Rule("<currency> <number> <scale>", CURRENCY_NUMBER_SCALE, _build_prefixed),
    Rule("<number> <scale> <currency word>", NUMBER_SCALE_WORD, _build_worded),
    Rule("<plural scale> of <currency word>", PLURAL_SCALE_OF_WORD, _build_plural),
)
RULE_NAMES = tuple(r.name for r in AMOUNT_RULES)
NUMBER_SCALE_WORD_RULE = AMOUNT_RULES[1]
_AMOUNT_PATTERN = combine(AMOUNT_RULES)


def extract_amounts(text: str) -> list[AmountMention]:
    """Every money amount in `text`, in text order."""
    return scan(text, AMOUNT_RULES, _AMOUNT_PATTERN, _anchors)
