"""Rules as named records, one alternation of them per module, and the qualifier words.

A rule is a name that reads like its pattern, the pattern (a VERBOSE fragment, also compiled
on its own), a build function, and where it may start. Amounts and percentages build
`(match, document) -> (mentions, resume_at)` and are tried at every candidate start of their
module; a module joins its rules into one alternation (extractors.engines.Alternation), and the
match tells which rule fired. `resume_at` lets a build give back part of what the pattern took
("from $3m to $5m" keeps "$3m" and lets the scan find "$5m" again). Date rules list their
starts (extractors/dates/starts.py), from which the date scan derives where it tries each.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Final, TypeVar

import regex

from extractors.engines import Alternation, TwoEngines, use_re
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


def combine(rules: Sequence[Rule]) -> Alternation:
    """One alternation over all rules, tried in order (extractors/engines.py)."""
    return Alternation([r.source for r in rules], FLAGS)


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


def scan(text: str, rules: Sequence[Rule], combined: Alternation, anchors: Callable) -> list:
    """Every mention the rules build from `text`, in text order.

    `anchors(document)` lists (reach, anchor start, anchor end) for the places a mention must
    touch (a digit run after a currency sign, a "%", a currency word), found with fast literal
    searches. The combined pattern is then tried only at the token starts from `reach` to the
    anchor, leftmost first, instead of at every character of the text.
    """
    if not isinstance(text, str) or not text:
        return []
    deadline = deadline_for(text)
    doc = Document(text, regex_timeout(text), deadline)
    mentions: list = []
    pos = 0
    for count, (reach, anchor_start, anchor_end) in enumerate(sorted(anchors(doc))):
        if count % DEADLINE_EVERY == 0:
            past_deadline(deadline, text)
        if anchor_end <= pos:
            continue  # inside a mention already built
        for i in token_starts(text, max(pos, reach, 0), anchor_start):
            if i < pos:
                continue
            m = combined.match(text, i, doc.fast, doc.timeout)
            if m is None:
                continue
            rule = rules[combined.which[m.lastindex]]
            built, resume = rule.build(m, doc)
            mentions.extend(built)
            pos = max(pos, resume)
            if pos >= anchor_end:
                break
    return mentions


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
              "approximately", "approx.", "an estimated", "estimated at", "circa"),
    "over": ("over", "more than", "above", "exceeding", "in excess of", "upwards of",
             "at least", "greater than", "higher than"),
    "under": ("under", "less than", "below", "up to", "at most", "as much as", "as high as",
              "no more than", "not more than", "as many as", "fewer than", "lower than"),
}
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


def qualifier_before(doc: Document, start: int) -> str:
    """exact | about | over | under, from the words right before a span."""
    window = doc.text[max(0, start - _WINDOW):start]
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
