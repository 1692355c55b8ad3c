"""A sentence as words, each with one tag letter, so that the frames (frames.py) are patterns
over a short string of tags.

The extracted mentions stand as one word each: F a figure (amount or percentage), D a date.

| tag | words | tag | words |
|---|---|---|---|
| N | any other word: noun, adjective, name | C | change verb: rose, cut, boost |
| c | change noun: increase, decline | L | level verb: costs, totaled, closed |
| S | transaction verb: sold, bought | V | reporting verb: said, reported |
| v | other verb: is, has, used, anything in -ed/-ing | b | be, have, modal before a verb |
| d | determiner: the, its, some | a | filler: also, nearly, as, much |
| U | direction: up, down, higher | x | back-reference: it, they |
| T | to | B | by |
| A | at | O | of |
| I | in | R | for |
| f | from | W | worth |
| p | per | & | and, or, & |
| r | which, who, that | w | while, but, when |
| P | other preposition | Q | a bare number |
| s | possessive 's | , ; ( ) " . | punctuation; ; also : and dashes |
"""
from __future__ import annotations

import regex

from extractors.links.vocabulary import (ADVERBS, BACK_REFERENCES, CHANGE_NOUNS, CHANGE_VERBS, CONJUNCTIONS,
                                         DETERMINERS, DIRECTION_WORDS, LEVEL_VERBS, MOVING_VERBS, NOUNS_OF_VERBS,
                                         OTHER_VERBS, PHRASAL_UP, PREPOSITIONS, RELATIVES, REPORTING_VERBS,
                                         TRANSACTION_VERBS)

_FUNCTION_WORDS = {"to": "T", "by": "B", "at": "A", "of": "O", "in": "I", "for": "R", "from": "f", "worth": "W",
                   "per": "p", "and": "&", "or": "&", "&": "&", "nor": "&"}
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "will", "would",
                 "could", "should", "may", "might", "must", "can", "shall", "did", "does", "do"})
# Words in both noun and verb lists: a noun after a determiner or a figure, or before "of"/"in".
_NOUN_LEFT = frozenset("dFasN")
_NOUN_RIGHT = frozenset("OI,.;)")
# Level verbs that are nouns too ("the total", "costs"): a verb only between a noun and a figure or "at".
_LEVEL_NOUNS = frozenset({"cost", "costs", "total", "totals", "value", "values", "price", "prices", "close",
                          "end", "open", "trade", "top", "average", "account", "run", "amount", "amounts",
                          "hit", "stand", "finish", "worth"})
_NOT_VERBS = frozenset({"funding", "earnings", "spending", "holding", "holdings", "building", "housing",
                        "pricing", "lending", "trading", "offering", "rating", "ratings", "savings", "listing",
                        "financing", "banking", "mining", "shipping", "manufacturing", "marketing", "advertising",
                        "borrowing", "restructuring", "meeting", "morning", "evening", "feed", "seed", "speed",
                        "need", "hundred", "red", "bed", "united", "limited", "billing", "ing", "airbed",
                        "processing", "accounting", "clothing", "engineering", "catering", "packaging"})

_NOT_ADVERBS = frozenset({"supply", "apply", "reply", "family", "italy", "july", "assembly", "anomaly", "monopoly",
                          "comply", "rely", "ally", "early", "daily", "weekly", "monthly", "quarterly", "yearly"})

WORD = regex.compile(
    r"""(?P<w>[^\W\d_](?:[\w&'’./-]*[^\W_])?)(?P<s>['’]s\b)?   # a word, its possessive 's apart
      | (?P<s2>['’]s\b)                                       # a possessive after a date ("Monday's")
      | (?P<q>-?\d(?:[\d.,]*\d)?)                              # a number
      | (?P<p>--|[—–]|[^\w\s])                                # punctuation""",
    regex.VERBOSE)
_PUNCTUATION = {",": ",", ";": ";", ":": ";", "--": ",", "—": ",", "–": ",", "(": "(", ")": ")", "[": "(",
                "]": ")", '"': '"', "“": '"', "”": '"', ".": ".", "!": ".", "?": "."}


class Words:
    """The words of text[start:end] with their tags; figures and dates (mentions) as one word each."""

    __slots__ = ("text", "spans", "tags", "mentions", "cased")

    def __init__(self, text: str, start: int, end: int, mentions: list) -> None:
        self.text = text
        self.spans: list[tuple[int, int]] = []
        self.mentions: list = []  # the mention of each word, or None
        tags: list[str] = []
        at = start
        for mention in mentions:
            if mention.end <= start or mention.start >= end:
                continue
            self._words(at, max(at, mention.start), tags)
            self.spans.append((mention.start, mention.end))
            self.mentions.append(mention)
            tags.append("D" if mention.type == "date" else "F")
            at = max(at, mention.end)
        self._words(at, end, tags)
        plain = [self.word(i) for i, tag in enumerate(tags) if tag == "N"]
        # in capitals or a headline's Title Case, a capital says nothing about a word
        self.cased = sum(w[:1].isupper() for w in plain) * 2 < len(plain) + 2
        for i, tag in enumerate(tags):  # left to right: a word's left neighbours are tagged already
            if tag == "N":
                tags[i] = _tag(self.word(i), self.word(i - 1).lower() if i else "",
                               self.word(i + 1).lower() if i + 1 < len(tags) else "", i, tags, self.cased)
            elif tag == "Q" and i and tags[i - 1] == "N" and self.word(i - 1)[:1].isupper():
                tags[i] = "N"  # part of a name: "FTSE 100", "Boeing 787"
        self.tags = "".join(tags)

    def _words(self, start: int, end: int, tags: list[str]) -> None:
        for m in WORD.finditer(self.text, start, end):
            if m.group("w") is not None:
                self._add(m.start("w"), m.end("w"), "N", tags)
                if m.group("s") is not None:
                    self._add(m.start("s"), m.end("s"), "s", tags)
            elif m.group("s2") is not None:
                self._add(m.start(), m.end(), "s", tags)
            elif m.group("q") is not None:
                self._add(m.start(), m.end(), "Q", tags)
            else:
                self._add(m.start(), m.end(), _PUNCTUATION.get(m.group(), " "), tags)

    def _add(self, start: int, end: int, tag: str, tags: list[str]) -> None:
        self.spans.append((start, end))
        self.mentions.append(None)
        tags.append(tag)

    def word(self, i: int) -> str:
        start, end = self.spans[i]
        return self.text[start:end]

    def phrase(self, first: int, last: int) -> tuple[int, int]:
        """The character span of words first..last (inclusive)."""
        return self.spans[first][0], self.spans[last][1]


def _tag(word: str, previous: str, following: str, i: int, tags: list[str], cased: bool) -> str:
    """The tag of the word at i, from the vocabulary, the tags before it and the next tag
    (a word's next tag is still N when it is a word)."""
    lower = word.lower()
    if lower in _FUNCTION_WORDS:
        return _FUNCTION_WORDS[lower]
    left = tags[i - 1] if i else " "
    right = tags[i + 1] if i + 1 < len(tags) else "."
    if following in ("of", "in"):
        right = "O"
    if lower in BACK_REFERENCES:
        return "x"
    if lower in RELATIVES and lower != "that":
        return "r"
    if lower in DETERMINERS:
        return "d"
    if lower in ADVERBS:
        return "a"
    if cased and word[:1].isupper() and i > 0 and left not in '".;' and lower not in BACK_REFERENCES:
        return "N"  # a capital inside a sentence: a name ("United States", "Sales" after a colon aside)
    if lower in DIRECTION_WORDS:
        return "a" if lower == "up" and previous in PHRASAL_UP else "U"
    if left == "d" and previous not in ("each", "both", "all", "that") and lower not in CHANGE_NOUNS:
        return "N"  # after a determiner a verb's form is a noun: "a plan", "the cost"
    if lower in CHANGE_NOUNS and (lower not in CHANGE_VERBS or left in _NOUN_LEFT and left != "N"
                                  or right in _NOUN_RIGHT):
        return "c"
    if lower in CHANGE_VERBS:
        noun = left in "dF)\"s" and previous not in ("each", "both", "all") and lower not in CHANGE_NOUNS
        return "N" if noun else "C"  # "a $40 billion contract"
    if lower in REPORTING_VERBS:
        return "V"
    if lower in LEVEL_VERBS and (lower not in _LEVEL_NOUNS or left in "Nx" and right in "FAT"):
        return "L"
    if lower in TRANSACTION_VERBS:
        return "N" if left in "dF)\"s" or right in "OI" else "S"  # "agree purchase of", "a bid"
    if lower in _BE:
        return "b"
    if lower in OTHER_VERBS or lower in NOUNS_OF_VERBS or lower in MOVING_VERBS:
        return "v"
    if lower == "that":
        return "r"
    if lower in CONJUNCTIONS:
        return "w"
    if lower in PREPOSITIONS:
        return "P"
    if word.islower() and len(lower) > 5 and lower.endswith(("ed", "ing")) and lower not in _NOT_VERBS:
        return "N" if lower.endswith("ing") and left in "dCvSL" and right == "N" else "v"  # "increase existing lines"
    if lower.endswith("ly") and len(lower) > 4 and word.islower() and lower not in _NOT_ADVERBS:
        return "a"
    return "N"

