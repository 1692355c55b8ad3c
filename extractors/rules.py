"""Rules as named records, the scan loop amounts, percentages and dates share, and the
qualifier words.

A rule is a name that reads like its pattern, the pattern (a VERBOSE fragment, also compiled
on its own), a build function, and where it may start. `scan_document` tries rules near the
anchors a Dispatch finds: for amounts and percentages (TokenDispatch; money_scan.py,
percent_scan.py) all of a module's rules as one RuleSet at the token starts before an anchor,
their builds giving `(match, document) -> (mentions, resume_at)`; `resume_at` lets a build give
back part of what the pattern took ("from $3m to $5m" keeps "$3m" and lets the scan find "$5m"
again). For dates (extractors/dates/scan.py) the rule sets their starts call for
(extractors/dates/starts.py, dispatch.py) at the anchor and at the words before it.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Final, TypeVar

import regex

from extractors.engines import Alternation, TwoEngines, use_re
from extractors.engines import groups as groups  # the builds read their groups with it
from extractors.fastscan import index_lower
from extractors.mentions import DEADLINE_EVERY, deadline_for, past_deadline, regex_timeout

FLAGS: Final = regex.VERBOSE


@dataclass(frozen=True, slots=True)
class Rule:
    name: str  # reads like the pattern: "<currency> <number> <scale>"
    source: str  # VERBOSE regex fragment; a group name may repeat across rules, not in one (`re` refuses)
    build: Callable  # amounts, percentages: (match, Document) -> (list of mentions, resume position)
    starts: tuple = ()  # where the scan may try it (date rules: extractors/dates/starts.py)
    _compiled: TwoEngines | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def pattern(self) -> TwoEngines:
        """The source compiled alone, on first use: the date scan only ever tries alternations of rules."""
        compiled = self._compiled
        if compiled is None:
            compiled = TwoEngines(self.source, FLAGS)
            object.__setattr__(self, "_compiled", compiled)
        return compiled


def expect_groups(rule: Rule, names: Sequence[str]) -> None:
    """Fail at import unless the rule's groups come in this order (a build that unpacks
    m.groups() by position reads them so)."""
    index = rule.pattern.groupindex
    if sorted(index, key=index.__getitem__) != list(names):
        raise ImportError(f"the groups of {rule.name!r} are no longer {tuple(names)}")


Build = TypeVar("Build", bound=Callable)


class RuleList:
    """Rules in the order they are written, each added by a decorator on its build:

        @RULES.add("<month> <year>", rf"{MONTH} ,? \\s+ {YEAR}", starts.Name(MONTHS, next="0,o"))
        def _month_year(m, ctx): ...

    A second rule with the same build: RULES.add(name, source, *starts)(_month_year).
    """

    def __init__(self) -> None:
        self.rules: list[Rule] = []

    def add(self, name: str, source: str, *starts: object) -> Callable[[Build], Build]:
        def register(build: Build) -> Build:
            self.rules.append(Rule(name, source, build, starts))
            return build
        return register

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)


@dataclass(frozen=True, slots=True)
class RuleSet:
    """Rules tried together at one position: one alternation of their patterns, earlier rules
    first (extractors/engines.py), whose match tells which rule fired."""

    rules: tuple[Rule, ...]
    alternation: Alternation

    @classmethod
    def of(cls, *rules: Rule) -> RuleSet:
        return cls(rules, Alternation([r.source for r in rules], FLAGS))

    def match(self, text: str, pos: int, fast: bool = False, timeout: float | None = None) -> tuple[Rule, Any] | None:
        """The first rule matching at `pos` and its match; `fast`: on `re` (extractors/engines.py)."""
        m = self.alternation.match(text, pos, fast, timeout)
        if m is None:
            return None
        return self.rules[self.alternation.which[m.lastindex]], m


# Written out (init=False): mypyc compiles it, where @dataclass would generate one run as Python.
@dataclass(slots=True, init=False)
class Document:
    """The text being scanned, its regex timeout, and document-level hints computed on demand."""

    text: str
    timeout: float | None  # None: a watchdog timer bounds the scan (extractors/watchdog.py)
    deadline: float  # mentions.deadline_for(text): checked by past_deadline
    fast: bool  # the rule patterns run on `re` (extractors/engines.py)
    hints: dict  # name -> value, filled by the rules that need it
    _lower: str | None

    def __init__(self, text: str, timeout: float | None, deadline: float = float("inf")) -> None:
        self.text, self.timeout, self.deadline = text, timeout, deadline
        self.fast = use_re(text, timeout)
        self.hints = {}
        self._lower = None

    @property
    def lower(self) -> str:
        """The text in lower case, index for index (characters whose lower case is longer stay)."""
        if self._lower is None:
            self._lower = index_lower(self.text)
        return self._lower


# A place a mention must touch: (reach, start, end, ...), the mention starting from `reach` on
# and reaching into [start, end); what follows is the Dispatch's own (dates: kind, key).
Anchor = tuple


class Dispatch:
    """Where and how `scan_document` tries the rules of one kind of mention (amounts,
    percentages, dates): the anchors of a text, the (start, rule set) pairs to try at each, and
    what a rule's match becomes."""

    def anchors(self, doc: Document) -> list[Anchor]:
        """The anchors of the text, in order."""
        raise NotImplementedError

    def tries(self, doc: Document, anchor: Anchor, floor: int) -> Iterable[tuple[int, RuleSet]]:
        """(start, rules) to try for a mention touching `anchor`, in order; none before `floor`
        (listed lazily where the first start often settles the anchor)."""
        raise NotImplementedError

    def shortcut(self, doc: Document, start: int, anchor_start: int, anchor_end: int, next_reach: int) -> list | None:
        """At an anchor's first start: the mentions found without a rule call (none, [], when
        none can be found there), or None to try the rules."""
        return None

    def match(self, doc: Document, start: int, rules: RuleSet) -> tuple[Rule, Any] | None:
        """The rule of `rules` that matches at `start`, and its match."""
        return rules.match(doc.text, start, doc.fast, doc.timeout)

    def build(self, doc: Document, anchor: Anchor, floor: int, rule: Rule, m: Any, mentions: list) -> int | None:
        """Add the mentions the rule builds from its match; return where the scan goes on, or
        None to try the next start (nothing here)."""
        built, resume = rule.build(m, doc)
        mentions.extend(built)
        return resume


def scan_document(doc: Document, dispatch: Dispatch) -> list:
    """Every mention the rules of `dispatch` build from `doc`, in text order.

    `dispatch.anchors(doc)` lists the places a mention must touch (a digit run after a currency
    sign, a "%", a month name, a keyword), found with fast literal searches; the rules are then
    tried only at the starts `dispatch.tries` gives for each, leftmost first, instead of at
    every character of the text. `pos` is the end of the mentions built so far: no rule
    starts before it, and an anchor before it is inside a mention already built.
    """
    text = doc.text
    mentions: list = []
    pos = 0
    found = dispatch.anchors(doc)
    for count, anchor in enumerate(found):
        if count % DEADLINE_EVERY == 0:
            past_deadline(doc.deadline, text)
        anchor_end: int = anchor[2]
        if anchor_end <= pos:
            continue  # inside a mention already built
        first = True
        for start, rules in dispatch.tries(doc, anchor, pos):
            if start < pos:
                continue
            if first:
                first = False
                next_reach: int = found[count + 1][0] if count + 1 < len(found) else len(text)
                quick = dispatch.shortcut(doc, start, anchor[1], anchor_end, next_reach)
                if quick is not None:
                    if quick:
                        mentions.extend(quick)
                        pos = max(pos, anchor_end)
                    break
            matched = dispatch.match(doc, start, rules)
            if matched is None:
                continue
            resume = dispatch.build(doc, anchor, pos, matched[0], matched[1], mentions)
            if resume is None:
                continue
            pos = max(pos, resume)
            if pos >= anchor_end:
                break
    return mentions


class TokenDispatch(Dispatch):
    """Amounts and percentages: all of a module's rules as one rule set, at each token start from
    an anchor's reach to the anchor; `anchors(doc)` gives (reach, start, end). A module whose
    rules can be told apart sooner overrides `starts`, `shortcut` and `match` (percent_scan.py)."""

    def __init__(self, rules: Sequence[Rule], anchors: Callable[[Document], list[tuple[int, int, int]]]) -> None:
        self.rules = tuple(rules)
        self.rule_set = RuleSet.of(*self.rules)
        self.combined = self.rule_set.alternation
        self.find = anchors

    def anchors(self, doc: Document) -> list[Anchor]:
        return sorted(self.find(doc))

    def starts(self, text: str, lo: int, reach: int, anchor: int) -> Iterable[int]:
        """Where a mention touching the anchor at `anchor` may begin, from `lo` on, leftmost first."""
        return token_starts(text, lo, anchor)

    def tries(self, doc: Document, anchor: Anchor, floor: int) -> Iterator[tuple[int, RuleSet]]:
        reach: int = anchor[0]
        for i in self.starts(doc.text, max(floor, reach, 0), reach, anchor[1]):
            yield i, self.rule_set


def scan(text: str, dispatch: Dispatch) -> list:
    """Every mention the rules of `dispatch` build from `text` (see scan_document)."""
    if not isinstance(text, str) or not text:
        return []
    return scan_document(Document(text, regex_timeout(text), deadline_for(text)), dispatch)


_OPENERS: Final = frozenset("([{\"'“‘/–—-")


def token_starts(text: str, lo: int, anchor: int) -> list[int]:
    """Positions in [lo, anchor] where a mention may begin: token starts, and `anchor` itself."""
    out = [i for i in range(lo, anchor)
           if not text[i].isspace() and (i == 0 or text[i - 1].isspace() or text[i - 1] in _OPENERS
                                         or (text[i].isalnum() and not text[i - 1].isalnum()))]
    out.append(anchor)
    return out


EDGE_PUNCTUATION: Final = "\"'“”‘’()[],;:!?"


def number_like(token: str, words: frozenset[str]) -> bool:
    """Whether a token counts in a run of number words (see number_run_start)."""
    token = token.strip(EDGE_PUNCTUATION)
    if not token:
        return False
    if token[0] in "-−$£€¥₹#." or any(map(str.isdigit, token)):  # map: no generator frame per token
        return True
    token = token.lower()
    return token in words or all(part in words for part in token.split("-"))


def number_run_start(text: str, end: int, words: frozenset[str], limit: int = 80) -> int:
    """Start of the run of number-like tokens ("between three and", "$5", "twenty-five") ending at `end`.

    A token is number-like when it holds a digit or starts with a sign or a currency symbol,
    or when it (or each part of a hyphenated token) is in `words`. Returns `end` when none.
    """
    lo = max(0, end - limit)
    window = text[lo:end]
    tokens = window.split()
    if lo > 0 and tokens and not text[lo - 1].isspace() and not window[0].isspace():
        tokens = tokens[1:]  # cut by the window
    count = 0
    for token in reversed(tokens):
        if not number_like(token, words):
            break
        count += 1
    if count == 0:
        return end
    head = window.rsplit(None, count)[0] if count < len(window.split()) else ""
    return lo + window.index(tokens[-count], len(head))


def next_words(text: str, pos: int, count: int = 4, reach: int = 48) -> list[str]:
    """The next few whitespace-separated words after `pos`, trimmed of punctuation (case kept)."""
    return [w.strip(EDGE_PUNCTUATION) for w in text[pos:pos + reach].split()[:count]]


# ---------------------------------------------------------------- qualifiers (data)

QUALIFIER_WORDS: Final = {
    "about": ("about", "around", "roughly", "some", "nearly", "almost", "close to",
              "approximately", "approx.", "approx", "an estimated", "estimated at", "circa", "ca.", "~", "≈"),
    "over": ("over", "more than", "above", "exceeding", "in excess of", "upwards of",
             "at least", "greater than", "higher than", ">", "≥", ">="),
    "under": ("under", "less than", "below", "up to", "at most", "as much as", "as high as",
              "no more than", "not more than", "as many as", "fewer than", "lower than", "<", "≤", "<="),
}
# Signs that qualify a figure glued to it: "~$61k", ">5%", "≤ 3%" (spaced, they are words above).
SIGN_QUALIFIERS: Final = {"~": "about", "≈": "about", ">": "over", "≥": "over", "<": "under", "≤": "under"}
_QUALIFIER_OF: Final = {w: q for q, words in QUALIFIER_WORDS.items() for w in words}
_QUALIFIER_LAST_WORDS: Final = frozenset(w.split()[-1] for w in _QUALIFIER_OF)
_WINDOW: Final = 48


def words_before(doc: Document, start: int, count: int = 4) -> list[str]:
    """The last few lower-cased words before `start`; [] unless a space separates them from it."""
    window = doc.text[max(0, start - _WINDOW):start]
    if not window or not window[-1].isspace():
        return []
    words = window.lower().split()
    if start > _WINDOW and not doc.text[start - _WINDOW - 1].isspace() and words:
        words = words[1:]  # the window cut the first word
    return words[-count:]


def _ends_with(words: list[str], phrases) -> str | None:
    """The longest phrase of `phrases` (here always _QUALIFIER_OF) that the word list ends with."""
    if not words or words[-1] not in _QUALIFIER_LAST_WORDS:
        return None  # the common case, without joining a phrase
    for n in range(min(4, len(words)), 0, -1):
        phrase = " ".join(words[-n:])
        if phrase in phrases:
            return phrase
    return None


def sign_qualifier(before: str) -> str:
    """The qualifier of the sign that ends `before` ("~", ">", "≤"); "exact" for ">" and "<" that end
    a markup tag ("<b>$5m</b>")."""
    sign = before[-1]
    if sign in "<>" and len(before) > 1 and not (before[-2].isspace() or before[-2] in "([{"):
        return "exact"
    return SIGN_QUALIFIERS[sign]


def qualifier_before(doc: Document, start: int) -> str:
    """exact | about | over | under, from the words right before a span."""
    window = doc.text[max(0, start - _WINDOW):start]
    if window[-1:] in SIGN_QUALIFIERS:  # "~$61k": a sign glued to the span
        return sign_qualifier(window)
    last = window[-1:].isspace() and window.rsplit(None, 1)  # the last word, as words_before splits
    if not last or last[-1].lower() not in _QUALIFIER_LAST_WORDS:
        return "exact"  # the common case, without lower-casing and splitting the whole window
    phrase = _ends_with(words_before(doc, start), _QUALIFIER_OF)
    return "exact" if phrase is None else _QUALIFIER_OF[phrase]


# Words before a first bound that make "X to Y" two values, not a range ("from $3m to $5m",
# "cut by 0.5% to 4.5%", "rose $2m to $20m").
SPLIT_CUES: Final = frozenset({
    "from", "by", "rose", "fell", "climbed", "dropped", "jumped", "slipped", "gained", "lost",
    "increased", "decreased", "declined", "grew", "cut", "raised", "lowered", "up", "down",
    "surged", "plunged", "tumbled", "slid", "edged", "soared", "sank", "rising", "falling",
    "rises", "falls", "increase", "decrease", "rise", "fall"})


def _cue_before(doc: Document, start: int, cues) -> bool:
    """Whether one of `cues` is the word before `start`, or before a qualifier there."""
    words = words_before(doc, start)
    if not words:
        return False
    if words[-1] in cues:
        return True
    qualifier = _ends_with(words, _QUALIFIER_OF)
    if qualifier is None:
        return False
    rest = words[:len(words) - len(qualifier.split())]
    return bool(rest) and rest[-1] in cues


def range_allowed(doc: Document, start: int, connector: str, first_has_marker: bool) -> bool:
    """Whether 'A <connector> B' starting at `start` is one range rather than two values."""
    word = connector.strip().lower()
    if word == "and":
        return _cue_before(doc, start, ("between",))
    if word == "to" and first_has_marker:
        return not _cue_before(doc, start, SPLIT_CUES)
    return True
