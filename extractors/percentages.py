"""Percentages: number + "%", "percent", "per cent", "pct", or percentage points.

Two rules, tried next to each percent marker (extractors/percent_scan.py):
  "<number> <percent sign>"   40%, 12.5 per cent, five percent, 5-7%, 3 percentage points
  "<number> points"           percentage points only in a sentence about a rate ("the
                              jobless rate rose 0.3 points to 5.1%"), never for an index
"""
from __future__ import annotations

from typing import Final

import regex

from extractors.mentions import PercentageMention
from extractors.numbers import NUMBER
from extractors.percent_scan import WORD_SETS, Cue, PercentDispatch, number, qualifier, signed
from extractors.rules import Document, Rule, expect_groups, range_allowed, scan

# ---------------------------------------------------------------- vocabulary (data)

PERCENT_MARKS: Final = ("%", "％", "٪", "﹪")
PERCENT_WORDS: Final = ("percent", "per cent", "pct", "pct.", "per-cent")
POINT_WORDS: Final = ("percentage point", "percentage points", "percentage-point", "percentage-points",
               "pct point", "pct points", "pct. point", "pct. points", "percent point",
               "percent points", "per cent point", "per cent points")
POINT_ABBREVIATIONS: Final = ("pp", "ppt", "ppts")  # glued to the digits: "2.5pp"
# A sentence speaks of a rate when it has one of these words ...
RATE_CUES: Final = ("rate", "rates", "yield", "yields", "approval", "poll", "polls", "polling",
             "margin", "margins", "inflation", "unemployment", "jobless", "turnout",
             "market share", "vote share", "share of the vote", "interest")
# ... and of an index, a score or a game (points proper) when it has one of these.
POINT_CUES: Final = ("index", "indices", "indexes", "dow", "nasdaq", "s&p", "ftse", "nikkei", "dax",
              "cac", "hang seng", "sensex", "kospi", "average", "stocks", "stock", "shares",
              "futures", "closed at", "scored", "score", "game", "match", "season", "win",
              "won", "lead", "rating", "ranking", "test")


def _words(words) -> str:
    parts = sorted(words, key=len, reverse=True)
    return "|".join(r"[\s-]+".join(regex.escape(p) for p in regex.split(r"[\s-]", w)) for w in parts)


_MARK: Final = rf"""
    (?:(?P<pp>(?i:{_words(POINT_WORDS)})(?!\w)                              # percentage points
             | (?<=\d)(?i:{_words(POINT_ABBREVIATIONS)})(?!\w))             # 2.5pp, 2.5PP
     | [{"".join(PERCENT_MARKS)}]                                            # 40%
     | (?i:{_words(PERCENT_WORDS)})(?!\w)                                    # five percent, 0.4 pct
     | (?<=\d)(?i:pc)(?!\w)                                                   # 5pc, 5PC
    )
"""
_SIGN: Final = r"(?:(?<![\w.,\-−])[-−](?=\d)|(?i:\bminus|\bnegative)\s+)"
_NUMBER_START: Final = r"(?<![\w.,'’/$£€¥\#\-−])"
_CONNECTOR: Final = r"(?P<conn>\s?[-–—]\s?|\s+(?i:to|and)\s+)"

NUMBER_PERCENT: Final = rf"""
    (?:(?P<sign>{_SIGN})|{_NUMBER_START})
    (?P<n1>{NUMBER})
    (?:\s?(?P<m1>{_MARK.replace("?P<pp>", "?P<pp1>")}))?
    (?:{_CONNECTOR}(?P<sign2>[-−])?(?P<n2>{NUMBER}))?
    \s?(?P<mark>{_MARK})
"""

NUMBER_POINTS: Final = rf"""
    (?:(?P<sign>{_SIGN})|{_NUMBER_START})
    (?P<n1>{NUMBER})
    (?:{_CONNECTOR}(?P<n2>{NUMBER}))?
    \s(?P<mark>(?i:points?))(?!\w)
"""

# ---------------------------------------------------------------- builds

_SENTENCE_END: Final = regex.compile(r"[.!?](?=\s)|\n")
_LAST_SENTENCE_END: Final = regex.compile(r"(?r)[.!?](?=\s)|\n")  # searched backwards: the last one
_RATE_CUE: Final = Cue(regex.compile(rf"(?i)\b(?:{_words(RATE_CUES)})\b"), RATE_CUES)
_POINT_CUE: Final = Cue(regex.compile(rf"(?i)(?<!\w)(?:{_words(POINT_CUES)})(?!\w)"), POINT_CUES)
_PERCENT_CUE: Final = Cue(regex.compile(rf"(?i)[{''.join(PERCENT_MARKS)}]|\b(?:{_words(PERCENT_WORDS)})\b"),
                          (*PERCENT_WORDS, *PERCENT_MARKS))
_SENTENCE_REACH: Final = 300


def _sentence(doc: Document, start: int, end: int) -> str:
    """The sentence around [start, end), as far as a few hundred characters each way."""
    lo, hi = max(0, start - _SENTENCE_REACH), end + _SENTENCE_REACH
    # pos/endpos bound a search as slicing would (a lookahead sees nothing past endpos)
    before = _LAST_SENTENCE_END.search(doc.text, lo, start, timeout=doc.timeout)
    after = _SENTENCE_END.search(doc.text, end, hi, timeout=doc.timeout)
    return doc.text[before.end() if before else lo:after.start() if after else hi]


def _about_a_rate(doc: Document, start: int, end: int) -> bool:
    """Whether the sentence around [start, end) speaks of a rate in percent, not of an index."""
    sentence = _sentence(doc, start, end)
    lower = sentence.lower() if sentence.isascii() else None
    return (_RATE_CUE.found(sentence, lower, doc.timeout)
            and _PERCENT_CUE.found(sentence, lower, doc.timeout)
            and not _POINT_CUE.found(sentence, lower, doc.timeout))


def _mention(doc, start, end, value, unit, rule, value_max=None):
    kind = "range" if value_max is not None else qualifier(doc, start)
    return PercentageMention(start, end, doc.text[start:end], value, unit, kind, rule, value_max)


def _build(m: regex.Match, doc: Document, unit: str, rule: str,
           sign, n1, conn, n2, sign2=None, m1=None, pp1=None):
    """The mention(s) of a match of either rule, from its groups (the points rule has no
    sign2, m1, pp1)."""
    start = m.start()
    low = signed(n1, bool(sign))
    if low is None:
        return [], start + 1
    if n2:
        first_marked = m1 is not None
        same_kind = n1[0].isdigit() == n2[0].isdigit()
        high = signed(n2, bool(sign2))
        # "1.1 percentage points to 89.7%": a change and a level, two units, no range
        same_unit = not first_marked or bool(pp1) == (unit == "percentage_point")
        if (same_kind and same_unit and high is not None and high > low
                and range_allowed(doc, start, conn, first_marked)):
            return [_mention(doc, start, m.end(), low, unit, rule, high)], m.end()
        if not first_marked:
            return [], m.start("n2")  # "2 out of 5%"-like: only the second number is a percentage
        end = m.end("m1")
        first_unit = "percentage_point" if pp1 else "percent"
        return [_mention(doc, start, end, low, first_unit, rule)], end
    end = m.end()  # where the mark ends: the points rule adds only a lookahead after it
    return [_mention(doc, start, end, low, unit, rule)], end


# The builds unpack m.groups() by position (by name costs more than the match); checked at import.
_PERCENT_GROUPS: Final = ("sign", "n1", "m1", "pp1", "conn", "sign2", "n2", "mark", "pp")
_POINTS_GROUPS: Final = ("sign", "n1", "conn", "n2", "mark")


def _build_percent(m: regex.Match, doc: Document):
    sign, n1, m1, pp1, conn, sign2, n2, _mark, pp = m.groups()
    unit = "percentage_point" if pp else "percent"
    return _build(m, doc, unit, RULE_NAMES[0], sign, n1, conn, n2, sign2, m1, pp1)


def _build_points(m: regex.Match, doc: Document):
    sign, n1, conn, n2, _mark = m.groups()
    value = number(n1)
    # the value first: it is cheap, and it rejects most "points" (an index moves by hundreds)
    if value is None or value >= 100 or not _about_a_rate(doc, m.start(), m.end()):
        return [], m.end()
    return _build(m, doc, "percentage_point", RULE_NAMES[1], sign, n1, conn, n2)


# ---------------------------------------------------------------- rules

PERCENTAGE_RULES: Final = (
    Rule("<number> <percent sign>", NUMBER_PERCENT, _build_percent),
    Rule("<number> points", NUMBER_POINTS, _build_points),
)
RULE_NAMES: Final = tuple(r.name for r in PERCENTAGE_RULES)
PERCENT_RULE, POINTS_RULE = PERCENTAGE_RULES
expect_groups(PERCENT_RULE, _PERCENT_GROUPS)
expect_groups(POINTS_RULE, _POINTS_GROUPS)


def _plain_mention(doc: Document, start: int, end: int, number_end: int) -> PercentageMention:
    """What _build_percent makes of a plain number at [start, number_end) and its mark up to `end`."""
    return _mention(doc, start, end, signed(doc.text[start:number_end], False), "percent", RULE_NAMES[0])


PERCENT_DISPATCH: Final = PercentDispatch(PERCENT_RULE, POINTS_RULE, _plain_mention)
__all__ = ["PERCENTAGE_RULES", "RULE_NAMES", "WORD_SETS", "extract_percentages"]


def extract_percentages(text: str) -> list[PercentageMention]:
    """Every percentage in `text`, in text order."""
    return scan(text, PERCENT_DISPATCH)
