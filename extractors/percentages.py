"""Percentages: number + "%", "percent", "per cent", "pct", or percentage points.

Two rules, tried as one pattern next to each percent marker (see `_anchors`):
  "<number> <percent sign>"   40%, 12.5 per cent, five percent, 5-7%, 3 percentage points
  "<number> points"           percentage points only in a sentence about a rate ("the
                              jobless rate rose 0.3 points to 5.1%"), never for an index
"""
from __future__ import annotations

from decimal import Decimal

import regex

from extractors.mentions import PercentageMention
from extractors.numbers import NUMBER, NUMBER_RUN_WORDS, parse_number, plain
from extractors.rules import (
    Document, Rule, combine, number_run_start, qualifier_before, range_allowed, scan,
)

# ---------------------------------------------------------------- vocabulary (data)

PERCENT_MARKS = ("%", "％", "٪", "﹪")
PERCENT_WORDS = ("percent", "per cent", "pct", "pct.", "per-cent")
POINT_WORDS = ("percentage point", "percentage points", "percentage-point", "percentage-points",
               "pct point", "pct points", "pct. point", "pct. points", "percent point",
               "percent points", "per cent point", "per cent points")
POINT_ABBREVIATIONS = ("pp", "ppt", "ppts")  # glued to the digits: "2.5pp"
# A sentence speaks of a rate when it has one of these words ...
RATE_CUES = ("rate", "rates", "yield", "yields", "approval", "poll", "polls", "polling",
             "margin", "margins", "inflation", "unemployment", "jobless", "turnout",
             "market share", "vote share", "share of the vote", "interest")
# ... and of an index, a score or a game (points proper) when it has one of these.
POINT_CUES = ("index", "indices", "indexes", "dow", "nasdaq", "s&p", "ftse", "nikkei", "dax",
              "cac", "hang seng", "sensex", "kospi", "average", "stocks", "stock", "shares",
              "futures", "closed at", "scored", "score", "game", "match", "season", "win",
              "won", "lead", "rating", "ranking", "test")


def _words(words) -> str:
    parts = sorted(words, key=len, reverse=True)
    return "|".join(r"[\s-]+".join(regex.escape(p) for p in regex.split(r"[\s-]", w)) for w in parts)


_MARK = rf"""
    (?:(?P<pp>(?i:{_words(POINT_WORDS)})(?!\w)                              # percentage points
             | (?<=\d)(?:{_words(POINT_ABBREVIATIONS)})(?!\w))              # 2.5pp
     | [{"".join(PERCENT_MARKS)}]                                            # 40%
     | (?i:{_words(PERCENT_WORDS)})(?!\w)                                    # five percent, 0.4 pct
     | (?<=\d)pc(?!\w)                                                       # 5pc
    )
"""
_SIGN = r"(?:(?<![\w.,\-−])[-−](?=\d)|(?i:\bminus|\bnegative)\s+)"
_NUMBER_START = r"(?<![\w.,'’/$£€¥\#\-−])"
_CONNECTOR = r"(?P<conn>\s?[-–—]\s?|\s+(?:to|and)\s+)"

NUMBER_PERCENT = rf"""
    (?:(?P<sign>{_SIGN})|{_NUMBER_START})
    (?P<n1>{NUMBER})
    (?:\s?(?P<m1>{_MARK.replace("?P<pp>", "?P<pp1>")}))?
    (?:{_CONNECTOR}(?P<sign2>[-−])?(?P<n2>{NUMBER}))?
    \s?(?P<mark>{_MARK})
"""

NUMBER_POINTS = rf"""
    (?:(?P<sign>{_SIGN})|{_NUMBER_START})
    (?P<n1>{NUMBER})
    (?:{_CONNECTOR}(?P<n2>{NUMBER}))?
    \s(?P<mark>(?i:points?))(?!\w)
"""

# ---------------------------------------------------------------- builds

_SENTENCE_END = regex.compile(r"[.!?](?=\s)|\n")
_RATE_CUE = regex.compile(rf"(?i)\b(?:{_words(RATE_CUES)})\b")
_POINT_CUE = regex.compile(rf"(?i)(?<!\w)(?:{_words(POINT_CUES)})(?!\w)")
_PERCENT_CUE = regex.compile(rf"(?i)[{''.join(PERCENT_MARKS)}]|\b(?:{_words(PERCENT_WORDS)})\b")
_SENTENCE_REACH = 300


def _sentence(doc: Document, start: int, end: int) -> str:
    """The sentence around [start, end), as far as a few hundred characters each way."""
    before = doc.text[max(0, start - _SENTENCE_REACH):start]
    ends = [m.end() for m in _SENTENCE_END.finditer(before, timeout=doc.timeout)]
    after = doc.text[end:end + _SENTENCE_REACH]
    m = _SENTENCE_END.search(after, timeout=doc.timeout)
    return (before[ends[-1]:] if ends else before) + doc.text[start:end] + (after[:m.start()] if m else after)


def _mention(doc, start, end, value, unit, rule, value_max=None):
    qualifier = "range" if value_max is not None else qualifier_before(doc, start)
    return PercentageMention(start, end, doc.text[start:end], value, unit, qualifier, rule, value_max)


def _signed(number: str, negative: bool) -> Decimal | None:
    value = parse_number(number)
    if value is None:
        return None
    return plain(-value if negative else value)


def _build(m: regex.Match, doc: Document, unit: str, rule: str):
    start = m.start()
    low = _signed(m["n1"], bool(m["sign"]))
    if low is None:
        return [], start + 1
    if m["n2"]:
        first_marked = m["m1"] is not None
        same_kind = m["n1"][0].isdigit() == m["n2"][0].isdigit()
        high = _signed(m["n2"], bool(m["sign2"]))
        if (same_kind and high is not None and high > low
                and range_allowed(doc, start, m["conn"], first_marked)):
            return [_mention(doc, start, m.end("mark"), low, unit, rule, high)], m.end()
        if not first_marked:
            return [], m.start("n2")  # "2 out of 5%"-like: only the second number is a percentage
        end = m.end("m1")
        first_unit = "percentage_point" if m["pp1"] else "percent"
        return [_mention(doc, start, end, low, first_unit, rule)], end
    return [_mention(doc, start, m.end("mark"), low, unit, rule)], m.end()


def _build_percent(m: regex.Match, doc: Document):
    unit = "percentage_point" if m["pp"] else "percent"
    return _build(m, doc, unit, RULE_NAMES[0])


def _build_points(m: regex.Match, doc: Document):
    sentence = _sentence(doc, m.start(), m.end())
    is_rate = (_RATE_CUE.search(sentence, timeout=doc.timeout)
               and _PERCENT_CUE.search(sentence, timeout=doc.timeout)
               and not _POINT_CUE.search(sentence, timeout=doc.timeout))
    value = parse_number(m["n1"])
    if not is_rate or value is None or value >= 100:
        return [], m.end()
    return _build(m, doc, "percentage_point", RULE_NAMES[1])


# ---------------------------------------------------------------- anchors

# Every percentage holds one of these; "pc", "pp", "point" only count right after a number.
ANCHORS = ("%", "％", "٪", "﹪", "percent", "per cent", "pct")
GLUED_ANCHORS = ("pc", "pp", "point")


def _anchors(doc: Document) -> list[tuple[int, int, int]]:
    text, out = doc.text, []
    for words, glued in ((ANCHORS, False), (GLUED_ANCHORS, True)):
        for word in words:
            for a in doc.find_all(word):
                if glued and not (a > 0 and (text[a - 1].isdigit() or text[a - 1] == " ")):
                    continue
                reach = number_run_start(text, a, NUMBER_RUN_WORDS)
                if reach < a:
                    out.append((reach, a, a + len(word)))
    return out


PERCENTAGE_RULES = (
    Rule("<number> <percent sign>", NUMBER_PERCENT, _build_percent),
    Rule("<number> points", NUMBER_POINTS, _build_points),
)
RULE_NAMES = tuple(r.name for r in PERCENTAGE_RULES)
_PERCENTAGE_PATTERN = combine(PERCENTAGE_RULES)


def extract_percentages(text: str) -> list[PercentageMention]:
    """Every percentage in `text`, in text order."""
    return scan(text, PERCENTAGE_RULES, _PERCENTAGE_PATTERN, _anchors)
