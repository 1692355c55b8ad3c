"""Rules as named records, one combined pattern per module, and the qualifier words.

A rule is a name that reads like its pattern, the pattern (a VERBOSE fragment, also compiled
on its own), and a build function `(match, document) -> (mentions, resume_at)`. A module
joins its rules into one alternation so the text is scanned once; the match tells which
rule fired. `resume_at` lets a build give back part of what the pattern took ("from $3m to
$5m" keeps "$3m" and lets the scan find "$5m" again).
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import regex

from extractors.mentions import regex_timeout

FLAGS = regex.VERBOSE


@dataclass(frozen=True, slots=True)
class Rule:
    name: str  # reads like the pattern: "<currency> <number> <scale>"
    source: str  # VERBOSE regex fragment; named groups may repeat across rules
    build: Callable  # (match, Document) -> (list of mentions, resume position)
    pattern: regex.Pattern = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "pattern", regex.compile(self.source, FLAGS))


def combine(rules: Sequence[Rule]) -> regex.Pattern:
    """One alternation over all rules, each branch in a group named r<index>."""
    return regex.compile("|".join(f"(?P<r{i}>{r.source})" for i, r in enumerate(rules)), FLAGS)


@dataclass(slots=True)
class Document:
    """The text being scanned, its regex timeout, and document-level hints computed on demand."""

    text: str
    timeout: float
    hints: dict = field(default_factory=dict)  # name -> value, filled by the rules that need it
    _lower: str | None = None

    @property
    def lower(self) -> str:
        if self._lower is None:
            self._lower = self.text.lower()
        return self._lower


def scan(text: str, rules: Sequence[Rule], combined: regex.Pattern, anchors: Callable) -> list:
    """Every mention the rules build from `text`, in text order.

    `anchors(document)` lists (window start, anchor start, anchor end) for the places a mention
    must touch (a digit run after a currency sign, a "%", a currency word): found with fast
    literal searches, so the combined pattern only runs in small windows around them instead
    of at every character of the text.
    """
    if not isinstance(text, str) or not text:
        return []
    doc = Document(text, regex_timeout(text))
    mentions: list = []
    pos = 0
    for window_start, anchor_start, anchor_end in sorted(anchors(doc)):
        if anchor_end <= pos:
            continue  # inside a mention already built
        lo = max(pos, window_start)
        hi = min(len(text), anchor_end + _AFTER)
        while lo < hi:
            m = combined.search(text, lo, hi, timeout=doc.timeout)
            if m is None or m.start() > anchor_end:
                break  # nothing here; a later anchor owns a match that starts further on
            if m.end() >= hi and hi < len(text):
                hi = min(len(text), hi + 4 * _AFTER)  # the window cut the match short: widen it
                continue
            rule = next(r for i, r in enumerate(rules) if m.start(f"r{i}") >= 0)
            built, resume = rule.build(m, doc)
            mentions.extend(built)
            lo = resume if resume > m.start() else m.start() + 1
        pos = max(pos, lo)
    return mentions


_AFTER = 120  # characters after an anchor that a mention may still reach


def literal_anchors(doc: Document, patterns: Sequence[regex.Pattern], before: int,
                    keep: Callable[[str, int, int], bool] | None = None) -> list[tuple[int, int, int]]:
    """(start - before, start, end) for every hit of literal `patterns` that `keep` accepts."""
    out = []
    for pattern in patterns:
        for m in pattern.finditer(doc.text, timeout=doc.timeout):
            if keep is None or keep(doc.text, m.start(), m.end()):
                out.append((m.start() - before, m.start(), m.end()))
    return out


# ---------------------------------------------------------------- qualifiers (data)

QUALIFIER_WORDS = {
    "about": ("about", "around", "roughly", "some", "nearly", "almost", "close to",
              "approximately", "approx.", "an estimated", "estimated at", "circa"),
    "over": ("over", "more than", "above", "exceeding", "in excess of", "upwards of",
             "at least", "greater than", "higher than"),
    "under": ("under", "less than", "below", "up to", "at most", "as much as", "as high as",
              "no more than", "not more than", "as many as", "fewer than", "lower than"),
}
_QUALIFIER_OF = {w: q for q, words in QUALIFIER_WORDS.items() for w in words}
_QUALIFIER_BEFORE = regex.compile(
    r"(?i)(?<![\w.])(?P<q>{})\s+\Z".format(
        "|".join(r"\s+".join(regex.escape(p) for p in w.split())
                 for w in sorted(_QUALIFIER_OF, key=len, reverse=True))))
_WINDOW = 40


def words_before(doc: Document, start: int, pattern: regex.Pattern) -> regex.Match | None:
    """`pattern` (anchored with \\Z) matched against the few characters before `start`."""
    window = doc.text[max(0, start - _WINDOW):start]
    return pattern.search(window, timeout=doc.timeout)


def qualifier_before(doc: Document, start: int) -> str:
    """exact | about | over | under, from the words right before a span."""
    m = words_before(doc, start, _QUALIFIER_BEFORE)
    if m is None:
        return "exact"
    return _QUALIFIER_OF[" ".join(m["q"].lower().split())]


# Words before a first bound that make "X to Y" two values, not a range ("from $3m to $5m",
# "cut by 0.5% to 4.5%", "rose $2m to $20m").
SPLIT_CUES = ("from", "by", "rose", "fell", "climbed", "dropped", "jumped", "slipped", "gained",
              "lost", "increased", "decreased", "declined", "grew", "cut", "raised", "lowered",
              "up", "down", "surged", "plunged", "tumbled", "slid", "edged", "soared", "sank",
              "rising", "falling", "rises", "falls", "increase", "decrease", "rise", "fall")
_SPLIT_BEFORE = regex.compile(
    r"(?i)(?<![\w])(?:{})\s+(?:(?:{})\s+)?\Z".format(
        "|".join(SPLIT_CUES), "|".join(regex.escape(w) for w in _QUALIFIER_OF)))
_BETWEEN_BEFORE = regex.compile(r"(?i)(?<![\w])between\s+(?:(?:{})\s+)?\Z".format(
    "|".join(regex.escape(w) for w in _QUALIFIER_OF)))


def range_allowed(doc: Document, start: int, connector: str, first_has_marker: bool) -> bool:
    """Whether 'A <connector> B' starting at `start` is one range rather than two values."""
    word = connector.strip().lower()
    if word == "and":
        return words_before(doc, start, _BETWEEN_BEFORE) is not None
    if word == "to" and first_has_marker:
        return words_before(doc, start, _SPLIT_BEFORE) is None
    return True
