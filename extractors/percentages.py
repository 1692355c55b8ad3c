"""Percentages: number + "%", "percent", "per cent", "pct", or percentage points.

Two rules, tried next to each percent marker (see `_anchors` and `extract_percentages`):
  "<number> <percent sign>"   40%, 12.5 per cent, five percent, 5-7%, 3 percentage points
  "<number> points"           percentage points only in a sentence about a rate ("the
                              jobless rate rose 0.3 points to 5.1%"), never for an index
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from typing import Final

import regex

from extractors.fastscan import Literals
from extractors.mentions import (
    DEADLINE_EVERY, PercentageMention, deadline_for, past_deadline, regex_timeout,
)
from extractors.numbers import (
    NUMBER, NUMBER_RUN_WORDS, TEEN_WORDS, TENS_WORDS, UNIT_WORDS, parse_number, plain,
)
from extractors.rules import (
    QUALIFIER_WORDS, Document, Rule, number_like, number_run_start, qualifier_before,
    range_allowed, token_starts,
)

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
             | (?<=\d)(?:{_words(POINT_ABBREVIATIONS)})(?!\w))              # 2.5pp
     | [{"".join(PERCENT_MARKS)}]                                            # 40%
     | (?i:{_words(PERCENT_WORDS)})(?!\w)                                    # five percent, 0.4 pct
     | (?<=\d)pc(?!\w)                                                       # 5pc
    )
"""
_SIGN: Final = r"(?:(?<![\w.,\-−])[-−](?=\d)|(?i:\bminus|\bnegative)\s+)"
_NUMBER_START: Final = r"(?<![\w.,'’/$£€¥\#\-−])"
_CONNECTOR: Final = r"(?P<conn>\s?[-–—]\s?|\s+(?:to|and)\s+)"

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
_RATE_CUE: Final = regex.compile(rf"(?i)\b(?:{_words(RATE_CUES)})\b")
_POINT_CUE: Final = regex.compile(rf"(?i)(?<!\w)(?:{_words(POINT_CUES)})(?!\w)")
_PERCENT_CUE: Final = regex.compile(rf"(?i)[{''.join(PERCENT_MARKS)}]|\b(?:{_words(PERCENT_WORDS)})\b")
_SENTENCE_REACH: Final = 300


def _sentence(doc: Document, start: int, end: int) -> str:
    """The sentence around [start, end), as far as a few hundred characters each way."""
    lo, hi = max(0, start - _SENTENCE_REACH), end + _SENTENCE_REACH
    # pos/endpos bound a search as slicing would (a lookahead sees nothing past endpos)
    before = _LAST_SENTENCE_END.search(doc.text, lo, start, timeout=doc.timeout)
    after = _SENTENCE_END.search(doc.text, end, hi, timeout=doc.timeout)
    return doc.text[before.end() if before else lo:after.start() if after else hi]


# One word of each cue, lower-cased: in ASCII text (?i) pairs only ASCII letters, so a
# sentence whose lower-cased form holds none of a cue's key words holds no such cue.
def _key_words(cues) -> frozenset[str]:
    return frozenset(regex.split(r"[\s-]", cue)[0].lower() for cue in cues)


_RATE_KEYS: Final = _key_words(RATE_CUES)
_PERCENT_KEYS: Final = _key_words(PERCENT_WORDS) | frozenset(PERCENT_MARKS)
_POINT_KEYS: Final = _key_words(POINT_CUES)


def _has_cue(cue: regex.Pattern, keys: frozenset[str], sentence: str, lower: str | None,
             timeout: float | None) -> bool:
    """cue.search(sentence), skipped when `lower` (the ASCII sentence lower-cased) has no key."""
    if lower is not None and not any(key in lower for key in keys):
        return False
    return cue.search(sentence, timeout=timeout) is not None


def _about_a_rate(doc: Document, start: int, end: int) -> bool:
    """Whether the sentence around [start, end) speaks of a rate in percent, not of an index."""
    sentence = _sentence(doc, start, end)
    lower = sentence.lower() if sentence.isascii() else None
    return (_has_cue(_RATE_CUE, _RATE_KEYS, sentence, lower, doc.timeout)
            and _has_cue(_PERCENT_CUE, _PERCENT_KEYS, sentence, lower, doc.timeout)
            and not _has_cue(_POINT_CUE, _POINT_KEYS, sentence, lower, doc.timeout))


# The last word of each qualifier phrase: a number after any other word is "exact" at once.
_QUALIFIER_ENDS: Final = frozenset(p.split()[-1] for words in QUALIFIER_WORDS.values() for p in words)
_QUALIFIER_REACH: Final = 48  # as far back as qualifier_before looks


def _qualifier(doc: Document, start: int) -> str:
    """qualifier_before(doc, start), skipped when the word before `start` ends no qualifier."""
    words = doc.text[max(0, start - _QUALIFIER_REACH):start].split()
    if not words or words[-1].lower() not in _QUALIFIER_ENDS:
        return "exact"
    return qualifier_before(doc, start)


def _mention(doc, start, end, value, unit, rule, value_max=None):
    qualifier = "range" if value_max is not None else _qualifier(doc, start)
    return PercentageMention(start, end, doc.text[start:end], value, unit, qualifier, rule, value_max)


# Cached: news repeats the same few numbers ("5", "0.25"), and a Decimal is immutable.
@lru_cache(maxsize=1024)
def _number(surface: str) -> Decimal | None:
    return parse_number(surface)


@lru_cache(maxsize=1024)
def _signed(number: str, negative: bool) -> Decimal | None:
    value = _number(number)
    if value is None:
        return None
    return plain(-value if negative else value)


def _build(m: regex.Match, doc: Document, unit: str, rule: str,
           sign, n1, conn, n2, sign2=None, m1=None, pp1=None):
    """The mention(s) of a match of either rule, from its groups (the points rule has no
    sign2, m1, pp1)."""
    start = m.start()
    low = _signed(n1, bool(sign))
    if low is None:
        return [], start + 1
    if n2:
        first_marked = m1 is not None
        same_kind = n1[0].isdigit() == n2[0].isdigit()
        high = _signed(n2, bool(sign2))
        if (same_kind and high is not None and high > low
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
    value = _number(n1)
    # the value first: it is cheap, and it rejects most "points" (an index moves by hundreds)
    if value is None or value >= 100 or not _about_a_rate(doc, m.start(), m.end()):
        return [], m.end()
    return _build(m, doc, "percentage_point", RULE_NAMES[1], sign, n1, conn, n2)


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


def _anchors(doc: Document) -> list[tuple[int, int, int]]:
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


# ---------------------------------------------------------------- scan

PERCENTAGE_RULES: Final = (
    Rule("<number> <percent sign>", NUMBER_PERCENT, _build_percent),
    Rule("<number> points", NUMBER_POINTS, _build_points),
)
RULE_NAMES: Final = tuple(r.name for r in PERCENTAGE_RULES)
PERCENT_RULE, POINTS_RULE = PERCENTAGE_RULES
for _rule, _groups in ((PERCENT_RULE, _PERCENT_GROUPS), (POINTS_RULE, _POINTS_GROUPS)):
    if sorted(_rule.pattern.groupindex, key=_rule.pattern.groupindex.__getitem__) != list(_groups):
        raise ImportError(f"the groups of {_rule.name!r} are no longer {_groups}")

# Before its mark, a match holds only a sign, numbers, spaces and connectors: no "p" and no
# percent sign. So the first of these after a start is where the mark (or "points") must
# begin, and it tells the one rule that can match there: "po" only begins "points".
_FIRST_MARK: Final = re.compile(f"(?P<point>[pP][oO])|[pP{''.join(PERCENT_MARKS)}]")


# What a match can begin with (see _SIGN, _NUMBER_START and numbers.NUMBER): a sign, a digit
# not right after a separator, a number word, "minus", "negative", "a"/"an" before a word, or
# a character beyond ASCII ("−", "½", other digits). Other starts are not worth a rule call.
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


def _starts(text: str, lo: int, reach: int, anchor: int):
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


# "12.5%", "5 percent": a plain number (digits, a decimal part; as numbers.DIGITS takes it)
# right before its mark.
_PLAIN_NUMBER: Final = re.compile(r"[0-9]{1,15}(?:\.[0-9]{1,12})?")
_PLAIN_WORDS: Final = frozenset({"percent", "per cent"})  # after one space; "pct" may take a "."
_GOES_ON: Final = frozenset("-–—pP%％٪﹪")  # what may start a connector or a mark after the mark
# Before a start, what the rules' look-behind (_NUMBER_START) surely lets a number follow.
_OPENERS: Final = frozenset("([{\"“")


def _plain_percent(doc: Document, start: int, a: int, end: int) -> PercentageMention | None:
    """The mention of "12.5%" or "5 percent" at [start, end), when NUMBER_PERCENT's match there
    is sure: else None.

    `start` is where the rule would be tried first, [a, end) the anchor. With a plain number
    from there to a "%" (or to one space before "percent" or "per cent" that ends a word), the
    rule can only take that number as n1 and the anchor as its mark, unless a connector ("-",
    " to ", " and ") or a longer mark ("percent points") follows: then, and for any other
    shape, the rule decides. The mention is what _build_percent makes.
    """
    text = doc.text
    if text[a] == "%":
        number_end = a
    elif text[a - 1] == " " and text[a:end].lower() in _PLAIN_WORDS:
        number_end = a - 1
        following = text[end:end + 1]
        if following and (following.isalnum() or following == "_" or not following.isascii()):
            return None  # the word goes on ("percentage"), or the rule's (?!\w) decides
    else:
        return None
    if _PLAIN_NUMBER.fullmatch(text, start, number_end) is None:
        return None
    if start > 0 and not (text[start - 1].isspace() or text[start - 1] in _OPENERS):
        return None
    after = text[end:end + 1]
    if after.isspace():
        after = text[end + 1:end + 2]
        if after.isspace() or text.startswith(("to", "and"), end + 1):
            return None
    if after in _GOES_ON:
        return None
    return _mention(doc, start, end, _signed(text[start:number_end], False), "percent", RULE_NAMES[0])


# "2,328.45", "-366.94": one token of digits and separators, with at most a leading sign.
_LONE_NUMBER: Final = re.compile(r"[-−]?[0-9][0-9,.]*")


def _index_points(text: str, start: int, a: int, next_reach: int) -> bool:
    """Whether the "points" at `a` surely yields no mention, so that no rule need run there.

    A lone number of 100 or more before "points" is an index level or move ("fell 340
    points", "a low of 11,489.30 points"), which _build_points rejects; when it is the token
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
    value = _number(token.lstrip("-−"))
    return value is None or value >= 100


def extract_percentages(text: str) -> list[PercentageMention]:
    """Every percentage in `text`, in text order.

    The scan of rules.scan: the rules are tried at the token starts from an anchor's reach up
    to the anchor, leftmost first. But each start is tried with the one rule that can match
    there (see `_FIRST_MARK`) instead of the rules' alternation, only where a number can begin
    (`_starts`), and the commonest cases need no rule call at all: "12.5%" or "5 percent" with
    nothing after it that could extend the match (`_plain_percent`), and an index move such as
    "340 points" (`_index_points`). Each shortcut gives exactly what the rule would.
    """
    if not isinstance(text, str) or not text:
        return []
    deadline = deadline_for(text)
    doc = Document(text, regex_timeout(text), deadline)
    mentions: list = []
    pos = 0
    anchors = sorted(_anchors(doc))
    for count, (reach, anchor_start, anchor_end) in enumerate(anchors):
        if count % DEADLINE_EVERY == 0:
            past_deadline(deadline, text)
        if anchor_end <= pos:
            continue  # inside a mention already built
        next_reach = anchors[count + 1][0] if count + 1 < len(anchors) else len(text)
        first = True
        for i in _starts(text, max(pos, reach), reach, anchor_start):
            if i < pos:
                continue
            if first:  # the rule's first try: "340 points", "12.5%", "5 percent" need no call
                first = False
                if _index_points(text, i, anchor_start, next_reach):
                    break
                mention = _plain_percent(doc, i, anchor_start, anchor_end)
                if mention is not None:
                    mentions.append(mention)
                    pos = anchor_end
                    break
            first_mark = _FIRST_MARK.search(text, i)  # found: the anchor is one
            assert first_mark is not None
            rule = POINTS_RULE if first_mark.lastgroup == "point" else PERCENT_RULE
            m = rule.pattern.match(text, i, doc.fast, doc.timeout)
            if m is None:
                continue
            built, resume = rule.build(m, doc)
            mentions.extend(built)
            pos = max(pos, resume)
            if pos >= anchor_end:
                break
    return mentions
