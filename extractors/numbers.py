"""The one number grammar shared by amounts and percentages (and reusable by dates).

Regex fragments are plain strings, written for `regex.VERBOSE`, meant to be wrapped in a named
group by the caller: `rf"(?P<low>{NUMBER})(?:{SCALE_GAP}(?P<scale>{SCALE}))?"`. They carry no
groups of their own, so a pattern may use them many times. `parse_number` and `parse_scale`
turn what such a group matched into a `Decimal`; `plain` gives the stored form of a value.
"""
from __future__ import annotations

from decimal import Context, Decimal, InvalidOperation, localcontext
from functools import lru_cache
from typing import Final

import regex

# ---------------------------------------------------------------- vocabularies (data)

UNIT_WORDS: Final = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9,
}
TEEN_WORDS: Final = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS_WORDS: Final = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
FRACTION_WORDS: Final = {"half": Decimal("0.5"), "quarter": Decimal("0.25")}
VULGAR_FRACTIONS: Final = {
    "½": Decimal("0.5"), "¼": Decimal("0.25"), "¾": Decimal("0.75"), "⅛": Decimal("0.125"),
    "⅜": Decimal("0.375"), "⅝": Decimal("0.625"), "⅞": Decimal("0.875"),
}

# Scale words that may stand after a space or a hyphen ("$3 million", "a $40-billion deal");
# matched case-insensitively.
SCALE_WORDS: Final = {
    "hundred": Decimal(100),
    "thousand": Decimal(10) ** 3,
    "lakh": Decimal(10) ** 5, "lakhs": Decimal(10) ** 5, "lac": Decimal(10) ** 5, "lacs": Decimal(10) ** 5,
    "million": Decimal(10) ** 6, "mn": Decimal(10) ** 6, "mln": Decimal(10) ** 6, "mio": Decimal(10) ** 6,
    "mil": Decimal(10) ** 6,
    "crore": Decimal(10) ** 7, "crores": Decimal(10) ** 7, "cr": Decimal(10) ** 7,
    "billion": Decimal(10) ** 9, "bn": Decimal(10) ** 9, "bln": Decimal(10) ** 9,
    "trillion": Decimal(10) ** 12, "tn": Decimal(10) ** 12, "trn": Decimal(10) ** 12, "trln": Decimal(10) ** 12,
}
# Letter scales only count glued to the digits ("$54K", "$1MM", "$2.5mm", "£300m"), and case matters.
SCALE_LETTERS: Final = {
    "k": Decimal(10) ** 3, "K": Decimal(10) ** 3,
    "m": Decimal(10) ** 6, "M": Decimal(10) ** 6, "MM": Decimal(10) ** 6, "mm": Decimal(10) ** 6,
    "b": Decimal(10) ** 9, "B": Decimal(10) ** 9,
    "T": Decimal(10) ** 12,
}
# "billions of dollars": the plural scale as a lower bound; "tens of", "hundreds of" multiply.
PLURAL_SCALES: Final = {
    "thousands": Decimal(10) ** 3, "millions": Decimal(10) ** 6,
    "billions": Decimal(10) ** 9, "trillions": Decimal(10) ** 12,
}
SCALE_MULTIPLES: Final = {"tens": Decimal(10), "hundreds": Decimal(100)}

# Words that may appear inside a written number or range ("between three and a half").
NUMBER_RUN_WORDS: Final = frozenset({*UNIT_WORDS, *TEEN_WORDS, *TENS_WORDS, *FRACTION_WORDS, *SCALE_WORDS,
                              *PLURAL_SCALES, *SCALE_MULTIPLES, "hundreds", "a", "an", "and", "to",
                              "of", "quarters", "minus", "negative"})

MAX_DECIMALS: Final = 6  # schemas store DECIMAL(38, 6)
MAX_INTEGER_DIGITS: Final = 32


def alternation(words, flags: str = "") -> str:
    """A regex alternation of literal phrases, longest first, spaces matching any whitespace."""
    parts = sorted({w for w in words}, key=len, reverse=True)
    body = "|".join(r"\s+".join(regex.escape(p) for p in w.split()) for w in parts)
    return f"(?{flags}:{body})" if flags else f"(?:{body})"


# ---------------------------------------------------------------- fragments

_UNITS: Final = alternation(UNIT_WORDS)
_TEENS: Final = alternation(TEEN_WORDS)
_TENS: Final = alternation(TENS_WORDS)
_BELOW_100: Final = rf"(?:{_TENS}(?:[-\s]{_UNITS}\b)?|{_TEENS}|{_UNITS})"
_BELOW_1000: Final = rf"(?:(?:an?|{_UNITS})\s+hundred(?:\s+(?:and\s+)?{_BELOW_100}\b)?|{_BELOW_100})"

DIGITS: Final = r"""
    (?:\d{1,2}(?:,\d\d)+,\d{3}(?!\d|,\d)       # Indian grouping: 1,23,45,678
     | \d{1,3}(?:,\d{3})+(?!\d|,\d)            # 1,234,567; a comma after ends it
     | \d{1,3}(?:['’]\d{3})+(?!\d)              # Swiss: 1'200
     | \d{1,15}(?!\d)                           # plain digits (longer runs are not amounts)
    )(?:\.\d{1,12}(?!\d))?                      # decimals
"""

FRACTION: Final = r"""
    (?:\d{1,3}[ \u00a0-][1-9]\d?/(?:64|32|16|8|4|3|2)(?![\d/])   # 8 1/4, 12 3/4
     | (?:\d{1,3}\s?)?[½¼¾⅛⅜⅝⅞]                                 # 8½
    )
"""

# Case-insensitive number words; "a"/"an" alone only as "one" before a scale word.
WORD_NUMBER: Final = rf"""
    (?i:\b
      (?:half\s+an?(?=\s)                                        # half a (billion)
       | (?:three[\s-]quarters|an?\s+quarter)\s+of\s+an?(?=\s)     # three-quarters of a (percentage point)
       | an?\s+(?:half|quarter)                                  # a half, a quarter
       | {_BELOW_1000}(?:\s+and\s+an?\s+(?:half|quarter))?       # two hundred and five, one and a half
       | an?(?=\s+(?:{alternation(SCALE_WORDS)}|percent|per\s?cent|percentage\s+point)\b)  # a million
      )\b
    )
"""

NUMBER: Final = rf"(?:{FRACTION}|{DIGITS}|{WORD_NUMBER})"

SCALE: Final = rf"""
    (?:(?<=\d)(?:{alternation(SCALE_LETTERS)})(?![^\W_]|['’])     # glued letter: 54K, 1MM, 300m, _$2m_
     | (?i:{alternation(SCALE_WORDS)}(?:\s+{alternation(SCALE_WORDS)})?)(?![^\W_]|['’])  # million, lakh crore
    )
"""
SCALE_GAP: Final = r"[ \u00a0-]?"  # between number and scale: "5bn", "5 bn", "40-billion"

# ---------------------------------------------------------------- parsing

_TOKEN: Final = regex.compile(r"[a-z]+")
_WORD_VALUES: Final = {**UNIT_WORDS, **TEEN_WORDS, **TENS_WORDS}


def _parse_words(surface: str) -> Decimal | None:
    """'twenty-three' -> 23, 'half a' -> 0.5, 'two hundred and five' -> 205, 'a' -> 1,
    'three-quarters of a' -> 0.75."""
    lower = surface.lower()
    if " of " in lower:  # "three-quarters of a", "a quarter of a"
        return Decimal("0.75") if "three" in lower else Decimal("0.25")
    total, fraction, seen = 0, Decimal(0), False
    for token in _TOKEN.findall(surface.lower()):
        if token in _WORD_VALUES:
            total += _WORD_VALUES[token]
            seen = True
        elif token == "hundred":
            total = (total or 1) * 100
            seen = True
        elif token in FRACTION_WORDS:
            fraction = FRACTION_WORDS[token]
    if not seen and not fraction:
        return Decimal(1)  # bare "a"/"an" before a scale word
    return Decimal(total) + fraction


def parse_number(surface: str) -> Decimal | None:
    """The value of a string matched by NUMBER, or None when it is not one."""
    s = surface.strip()
    if not s:
        return None
    try:
        if s[-1] in VULGAR_FRACTIONS:
            whole = s[:-1].strip()
            return (Decimal(whole) if whole else Decimal(0)) + VULGAR_FRACTIONS[s[-1]]
        if "/" in s:
            whole, _, frac = s.replace("\u00a0", " ").replace("-", " ").rpartition(" ")
            num, _, den = frac.partition("/")
            return Decimal(whole.strip()) + Decimal(num) / Decimal(den)
        if s[0].isdigit():
            return Decimal(s.replace(",", "").replace("'", "").replace("’", ""))
        return _parse_words(s)
    except (InvalidOperation, ValueError, ArithmeticError):
        return None


@lru_cache(maxsize=256)  # a handful of scale words; exact products, so the decimal context cannot matter
def parse_scale(surface: str | None) -> Decimal:
    """The multiplier of a string matched by SCALE ('bn' -> 1e9, 'lakh crore' -> 1e12); 1 for None."""
    if not surface:
        return Decimal(1)
    if surface in SCALE_LETTERS:
        return SCALE_LETTERS[surface]
    factor = Decimal(1)
    for word in surface.lower().split():
        factor *= SCALE_WORDS.get(word, Decimal(1))
    return factor


_ONE: Final = Decimal(1)
_WIDE: Final = Context(prec=80)  # as plain's local context: a whole number of < 32 digits quantizes exactly


def plain(value: Decimal) -> Decimal | None:
    """`value` in storable form (no exponent, <= 6 decimals), or None if it cannot be stored."""
    exponent = value.as_tuple().exponent
    if exponent == 0 or (isinstance(exponent, int) and -MAX_DECIMALS <= exponent < 0
                         and value.adjusted() < 20 and value != value.to_integral_value()):
        return value  # already plain: the common case, no context switch
    if (isinstance(exponent, int) and value.adjusted() < MAX_INTEGER_DIGITS
            and value == value.to_integral_value()):
        return value.quantize(_ONE, context=_WIDE)  # a whole number: "5200000.0" ($5.2 million)
    with localcontext() as ctx:
        ctx.prec = 80
        try:
            if not value.is_finite() or value.adjusted() >= MAX_INTEGER_DIGITS:
                return None
            if value == value.to_integral_value():
                return value.quantize(Decimal(1))
            value = value.quantize(Decimal(1).scaleb(-MAX_DECIMALS)).normalize()
            exponent = value.as_tuple().exponent  # an int: the value is finite
            return value if isinstance(exponent, int) and exponent <= 0 else value.quantize(Decimal(1))
        except (InvalidOperation, ArithmeticError):
            return None


def scaled(number: str, scale: str | None = None) -> Decimal | None:
    """parse_number(number) * parse_scale(scale), in storable form."""
    value = parse_number(number)
    if value is None:
        return None
    with localcontext() as ctx:
        ctx.prec = 80
        return plain(value * parse_scale(scale))
