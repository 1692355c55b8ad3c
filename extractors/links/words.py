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
| I | in, across | R | for |
| f | from | W | worth |
| p | per | & | and, or, & |
| r | which, who, that | w | while, but, when |
| P | other preposition | Q | a bare number |
| s | possessive 's | , ; ( ) " . | punctuation; ; also : and dashes |
"""
from __future__ import annotations

import re
from typing import Final

from extractors.links.vocabulary import (ADVERBS, ANNUAL_WORDS, BACK_REFERENCES, CHANGE_NOUNS, CHANGE_VERBS, CONJUNCTIONS,
                                         DETERMINERS, DIRECTION_WORDS, INDEX_WORDS, LEVEL_VERBS, MOVING_VERBS,
                                         NOUNS_OF_VERBS, OTHER_VERBS, PERIOD_NOUNS, PHRASAL_UP, PREPOSITIONS, RELATIVES,
                                         REPORTING_VERBS, TRANSACTION_VERBS)
from extractors.links.sentences import ABBREVIATIONS
from extractors.mentions import Mention

_BE: Final = frozenset({"is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "will", "would",
                        "could", "should", "may", "might", "must", "can", "shall", "did", "does", "do"})
# Words in both noun and verb lists: a noun after a determiner or a figure, or before "of"/"in".
_NOUN_LEFT: Final = frozenset("dFasN")
_NOUN_RIGHT: Final = frozenset("OI,.;)")
# Level verbs that are nouns too ("the total", "costs"): a verb only between a noun and a figure or "at".
_LEVEL_NOUNS: Final = frozenset({"cost", "costs", "total", "totals", "value", "values", "price", "prices", "close",
                                 "retail", "end", "open", "trade", "top", "average", "account", "run", "amount", "amounts",
                                 "hit", "stand", "finish", "worth", "trading", "peak", "peaks", "retailing", "start",
                                 "starts"})
_NOT_VERBS: Final = frozenset({"funding", "earnings", "spending", "holding", "holdings", "building", "housing",
                               "pricing", "lending", "trading", "offering", "rating", "ratings", "savings", "listing",
                               "financing", "banking", "mining", "shipping", "manufacturing", "marketing", "advertising",
                               "borrowing", "restructuring", "meeting", "morning", "evening", "feed", "seed", "speed",
                               "need", "hundred", "red", "bed", "united", "limited", "billing", "ing", "airbed",
                               "processing", "accounting", "clothing", "engineering", "catering", "packaging",
                               "sterling", "ceiling", "ceilings", "everything", "anything", "something", "nothing",
                               "offspring", "lightning", "wedding", "shilling", "stocking", "broadcasting",
                               "underwriting", "licensing", "ticketing", "streaming", "gaming", "dwelling",
                               "dwellings", "operating", "underlying", "outstanding", "recurring", "continuing"})

NOUNS_IN_ING: Final = frozenset(w for w in _NOT_VERBS if w.endswith("ing"))  # "after operating profit rose"

_NOT_ADVERBS: Final = frozenset({"supply", "apply", "reply", "family", "italy", "july", "assembly", "anomaly", "monopoly",
                                 "comply", "rely", "ally", "early", "daily", "weekly", "monthly", "quarterly", "yearly",
                                 "hourly"})

# Words whose tag needs no context, checked before a capital makes a word a name.
_FIXED: Final[dict[str, str]] = {
    **dict.fromkeys(ADVERBS, "a"), **dict.fromkeys(DETERMINERS - {"that"}, "d"),
    **dict.fromkeys(RELATIVES - {"that"}, "r"), **dict.fromkeys(BACK_REFERENCES, "x"),
    "to": "T", "by": "B", "at": "A", "of": "O", "in": "I", "across": "I", "for": "R", "from": "f", "worth": "W",
    "per": "p",
    "and": "&", "or": "&", "&": "&", "nor": "&",
}
# The other listed words, by the first list that holds them (K: a change noun and a change verb).
_CLASS: Final[dict[str, str]] = {
    **dict.fromkeys(PREPOSITIONS, "P"), **dict.fromkeys(CONJUNCTIONS, "w"), "that": "t",
    **dict.fromkeys(OTHER_VERBS | frozenset(NOUNS_OF_VERBS) | MOVING_VERBS, "v"), **dict.fromkeys(_BE, "b"),
    **dict.fromkeys(TRANSACTION_VERBS, "S"), **dict.fromkeys(LEVEL_VERBS, "L"), **dict.fromkeys(REPORTING_VERBS, "V"),
    **dict.fromkeys(CHANGE_VERBS, "C"), **dict.fromkeys(CHANGE_NOUNS, "c"),
    **dict.fromkeys(CHANGE_NOUNS & CHANGE_VERBS, "K"), **dict.fromkeys(DIRECTION_WORDS, "U"),
}

VERBS: Final = frozenset("CLSVvb")  # the tags of verbs
# Classes whose tag only a determiner before (or, for "v", a verb in the past after) turns into a
# noun's, and the determiners that do not.
_NOUN_AFTER_DETERMINER_ONLY: Final = frozenset("bwv")
_NOT_NOUN_BEFORE: Final = frozenset({"each", "both", "all", "that"})
# The classes of verbs: after "that" one makes it a relative ("a budget that raises"), not a determiner.
_FINITE_VERBS: Final = frozenset("CLSVvbK")
_OPENING_PARTICIPLE_NEXT: Final = frozenset("RITABfO")  # "Adjusted for", "Compared to", "Excluding"...
_REPORT_NOUNS: Final = frozenset({"forecast", "forecasts", "estimate", "estimates"})  # verbs that are nouns after one
# "an economy that grew": past forms that are no noun after "that"
_IRREGULAR_PAST: Final = frozenset({"grew", "rose", "fell", "lost", "won", "made", "took", "saw", "paid", "sold",
                                    "bought", "spent", "shrank", "sank", "slid", "held", "kept", "stood", "drew"})
# Adjectives of size or judgement between a determiner and a figure: "a more modest 9%", "a whopping 20%".
_SIZE_ADJECTIVES: Final = frozenset({"modest", "healthy", "robust", "solid", "strong", "sharp", "steep", "whopping",
                                     "hefty", "meagre", "meager", "paltry", "further", "additional", "extra", "massive",
                                     "staggering", "impressive", "disappointing", "respectable", "mere", "scant"})
_TAX_WORDS: Final = frozenset({"tax", "taxes", "taxation", "interest", "depreciation"})  # "profit before tax"
_SUBJECT_NEXT: Final = frozenset("bCK")  # after a transaction verb's form, these make it a noun: "pay will rise"
_MODALS: Final = frozenset({"will", "would", "could", "should", "may", "might", "must", "can"})
_VERB_MODALS: Final = _MODALS - {"may", "can"}  # "in may", "a can of": no modal
# One look-up a word. A class letter is never a fixed tag, but for "r", whose class gives "r" too.
_LEXICON: Final[dict[str, str]] = {**_CLASS, **_FIXED}
_FIXED_TAGS: Final = frozenset(_FIXED.values())

# A word (a possessive 's split off after), a possessive after a date ("Monday's"), a number, a mark.
TOKEN: Final = re.compile(r"[^\W\d_](?:[\w&'’./-]*[^\W_])?|['’][sS]\b|-?\d(?:[\d.,]*\d)?|--|\S")


class Word:
    """A word as written, or a mark, and what its tag needs: one object for each distinct word,
    shared by its every occurrence."""

    __slots__ = ("text", "lower", "tag", "capital", "pending")

    def __init__(self, text: str, lower: str, tag: str, capital: bool, pending: bool) -> None:
        self.text = text
        self.lower = lower
        self.tag = tag  # its tag from _context_free, or when its neighbours decide, its class letter
        self.capital = capital  # whether it starts with a capital
        self.pending = pending  # whether its neighbours decide its tag


# Each word seen before, by its text. Words repeat: most of a sentence's are looked up here once.
# Emptied when full.
_SEEN: Final[dict[str, Word]] = {}
_SEEN_MAX: Final = 200_000
# Each other chunk (the text between two spaces) seen before: its pieces, each (offset in the
# chunk, the word, mark or number, whether it is a word). A chunk's pieces turn on its text alone
# ("said," is "said" and ",", "U.S.," is "U.S." and ","). Emptied when full, as _SEEN is.
Piece = tuple[int, Word, bool]
_PIECES: Final[dict[str, tuple[Piece, ...]]] = {}
_MARKS: Final[dict[tuple[str, str], Word]] = {}  # each mark with its tag; emptied when full, as _SEEN is
_OPENING: Final = "(\"“‘['[{"
_CLOSING: Final = ",.;:)\"”’'!?]}"
_NUMBER_CHARACTERS: Final = "0123456789.,"
_PUNCTUATION: Final = {"&": "&", ",": ",", ";": ";", ":": ";", "--": ",", "—": ",", "–": ",", "(": "(", ")": ")", "[": "(",
                       "]": ")", '"': '"', "“": '"', "”": '"', ".": ".", "!": ".", "?": "."}


class Words:
    """The words of text[start:end] with their tags; figures and dates (mentions) as one word each."""

    def __init__(self, text: str, start: int, end: int, mentions: list[Mention]) -> None:
        self.text = text
        # where each word starts, from `start`, and each word
        self._base = start
        self._starts: list[int] = []
        self._words: list[Word] = []
        self.mention_at: dict[int, Mention] = {}  # the figures and dates, by their word's index
        self.index_of: dict[int, int] = {}  # and their word's index by where they start
        self._plains = 0  # plain words (not figures, dates, numbers or marks)
        self._capitals = 0  # plain words that start with a capital
        self._pending: list[int] = []  # the words whose tag turns on their neighbours
        self._numbers: list[int] = []  # the bare numbers
        tags: list[str] = []
        at = start
        for mention in mentions:
            if mention.end <= start or mention.start >= end:
                continue
            self._split(at, max(at, mention.start), tags)
            self._starts.append(mention.start - start)
            self._words.append(Word(mention.text, mention.text.lower(), "", False, False))  # text[start:end], always
            self.mention_at[len(tags)] = mention
            self.index_of[mention.start] = len(tags)
            tags.append("D" if mention.type == "date" else "F")
            at = max(at, mention.end)
        self._split(at, end, tags)
        # in capitals or a headline's Title Case, a capital says nothing about a word; in lower case, none shows
        self.cased = self._capitals * 2 < self._plains + 2
        self.uncased = self._capitals == 0 and self._plains > 3
        last = len(tags) - 1
        words = self._words
        for i in self._pending:  # left to right: a word's left neighbours are tagged already
            tags[i] = _tag(words[i], words[i - 1].lower if i else "", words[i + 1].lower if i < last else "",
                           tags[i - 1] if i else " ", tags[i + 1] if i < last else ".", tags[i - 2] if i > 1 else " ",
                           i, self.cased)
            if tags[i] == "a" and tags[i - 1] == "P" and words[i].lower == "average":
                tags[i - 1] = "a"  # "on average": both fillers
        for i in self._numbers:
            if i and (tags[i - 1] == "N" or tags[i - 1] == "s" and i > 1 and tags[i - 2] == "N"):
                owner = i - 1 if tags[i - 1] == "N" else i - 2
                if text[start + self._starts[owner]].isupper() or self.uncased and (
                        words[owner].lower in INDEX_WORDS or i < last and words[i + 1].lower == "index"):
                    tags[i] = "N"  # part of a name: "FTSE 100", "Boeing 787", "Standard & Poor's 500"; "nikkei 225"
        if last > 0 and tags[0] == "N" and tags[1] in _OPENING_PARTICIPLE_NEXT and words[0].capital \
                and words[0].lower.endswith("ed") and words[0].lower not in _NOT_VERBS:
            tags[0] = "v"  # "Adjusted for inflation, which ran at 3.6%": a participle opens the sentence (but
            # "Fundraising from IPOs" is a noun)
        if last > 0 and tags[0] in "dr" and words[0].lower in ("that", "this") and tags[1] in _FINITE_VERBS:
            tags[0] = "x"  # "That was still up 38%", "This compares with": what the sentence before spoke of
        joined = "".join(tags)
        if "OF" in joined and (" rate of " in (low := text[start:end].lower()) or " pace of " in low):
            self._rate_phrases(tags)
            joined = "".join(tags)
        if "vN" in joined or "dvF" in joined or "dNF" in joined or "aNF" in joined:  # "the combined ratio", "an
            # estimated $5 billion", "a more modest 9%"
            joined = self._participles(joined)
        if "LD" in joined or "LID" in joined:
            joined = self._period_ends(joined)
        if "NwN" in joined or "NPN" in joined:
            joined = self._after_tax(joined)
        if "NOF" in joined:
            joined = self._losses_of_share(joined)
        if "dNOF" in joined:
            joined = self._by_an_average(joined)
        if "NLTC" in joined or "NLTK" in joined:
            joined = self._nouns_before_infinitive(joined)
        if "bN" in joined:
            joined = self._verbs_after_modals(joined)
        self.tags = joined

    def _by_an_average(self, tags: str) -> str:
        """The tags with "an average of", "a total of" after "by", "to" or "at" and before a figure
        fillers: "will raise fares by an average of 6.5%" is a change by 6.5%, "slow to an average of
        9.8%" a level of what slows, not an average's."""
        k = tags.find("dNOF")
        while k >= 1:
            if tags[k - 1] in "BTA" and self._words[k + 1].lower in ("average", "total"):
                tags = tags[:k] + "aaa" + tags[k + 3:]  # rare: a new string each
            k = tags.find("dNOF", k + 1)
        return tags

    def _verbs_after_modals(self, tags: str) -> str:
        """The tags with a word we do not list, after "will", "would", "could"... and before a filler,
        a determiner, a noun or a figure, a verb: "interest costs will absorb nearly 22% of revenue"."""
        k = tags.find("bN")
        while k >= 0:
            if self._words[k].lower in _VERB_MODALS and self._words[k + 1].lower not in _LEXICON \
                    and not self._words[k + 1].capital and k + 2 < len(tags) and tags[k + 2] in "aFdNQ":
                tags = tags[:k + 1] + "v" + tags[k + 2:]  # rare: a new string each
            k = tags.find("bN", k + 1)
        return tags

    def _nouns_before_infinitive(self, tags: str) -> str:
        """The tags with a level noun after a noun and before "to" and a change verb a noun: a
        headline's "Petrol prices to fall 5%" is the prices', not "prices" a verb."""
        for pattern in ("NLTC", "NLTK"):
            k = tags.find(pattern)
            while k >= 0:
                if self._words[k + 1].lower in _LEVEL_NOUNS:
                    tags = tags[:k + 1] + "N" + tags[k + 2:]  # rare: a new string each
                k = tags.find(pattern, k + 1)
        return tags

    def _losses_of_share(self, tags: str) -> str:
        """The tags with "loss" before "of" and a percentage a change noun: "a loss of 7.3
        percentage points" is a change of a share, where "a loss of $5m" is a loss booked."""
        k = tags.find("NOF")
        while k >= 0:
            if self._words[k].lower in ("loss", "losses") and self.mention_at[k + 2].type == "percentage":
                tags = tags[:k] + "c" + tags[k + 1:]  # rare: a new string each
            k = tags.find("NOF", k + 1)
        return tags

    def _after_tax(self, tags: str) -> str:
        """The tags with "after tax", "before interest" after a noun as fillers: "profit after tax
        rose 22%" is a profit's, and no clause starts at "after"."""
        words = self._words
        for pattern in ("NwN", "NPN"):
            k = tags.find(pattern)
            while k >= 0:
                if words[k + 2].lower in _TAX_WORDS and words[k + 1].lower in ("after", "before"):
                    tags = tags[:k + 1] + "aa" + tags[k + 3:]  # rare: a new string each
                k = tags.find(pattern, k + 1)
        return tags

    def _period_ends(self, tags: str) -> str:
        """The tags with "ended" or "ending" after a period's noun and before a date a filler: "the
        fiscal year ended March 31", "the year that ended in June" are one period, no verb between a
        figure and its date."""
        marks = list(tags)
        words = self._words
        k = tags.find("L", 1)
        while k >= 0:
            noun = k - 2 if tags[k - 1] == "r" else k - 1  # "that", "which"
            if noun >= 0 and (tags[k + 1:k + 2] == "D" or tags[k + 1:k + 3] == "ID") \
                    and words[k].lower in ("ended", "ending") and words[noun].lower in PERIOD_NOUNS:
                marks[k] = "a"
            k = tags.find("L", k + 1)
        return "".join(marks)

    def _participles(self, tags: str) -> str:
        """The tags with each word in -ed between a determiner or a preposition and a noun tagged a
        noun ("in consolidated net profit"), and between a determiner and a figure a filler, as is an
        adjective of size there ("climbed a more modest 9%")."""
        marks = list(tags)
        for pattern, tag in (("dvN", "N"), ("svN", "N"), ("IvN", "N"), ("OvN", "N"), ("RvN", "N"), ("dvF", "a"),
                             ("dNF", "a"), ("aNF", "a")):
            k = tags.find(pattern)
            while k >= 0:
                word = self._words[k + 1]
                if word.text.endswith("ed") and pattern != "aNF" or tag == "a" and word.lower in _SIZE_ADJECTIVES:
                    marks[k + 1] = tag
                k = tags.find(pattern, k + 1)
        return "".join(marks)

    def _rate_phrases(self, tags: list[str]) -> None:
        """ "grew at an annual rate of 2.3%": the words before the figure are filler, so that the
        verb governs the figure and the subject is its measure."""
        words = self._words
        for k in range(1, len(tags) - 2):
            if tags[k + 2] != "F" or words[k + 1].lower != "of" or words[k].lower not in ("rate", "pace") \
                    or words[k - 1].lower not in ANNUAL_WORDS:
                continue
            first = k - 1
            while first > 0 and words[first - 1].lower in ANNUAL_WORDS:
                first -= 1
            if first > 0 and tags[first - 1] == "d":
                first -= 1
            if first > 0 and words[first - 1].lower == "at":
                first -= 1
            for j in range(first, k + 2):
                tags[j] = "a"

    def _split(self, start: int, end: int, tags: list[str]) -> None:
        """Add the words of text[start:end]: split at spaces (quick), each chunk a word seen
        before, else its pieces seen before, else split by _chunk."""
        text = self.text
        starts, words, base = self._starts, self._words, self._base
        at = start  # where the next word starts if a single space stands before it, as most do
        plains = capitals = 0  # counted here, added to the Words' counts at the end
        for chunk in text[start:end].split():
            a = at if at < end and ord(text[at]) == ord(chunk[0]) else text.find(chunk, at)
            at = a + len(chunk) + 1
            word = _SEEN.get(chunk)
            if word is not None:  # most are words seen before: _seen_word, written out
                starts.append(a - base)
                words.append(word)
                plains += 1
                if word.capital:
                    capitals += 1
                if word.pending:
                    self._pending.append(len(tags))
                    tags.append("N")
                else:
                    tags.append(word.tag)
                continue
            pieces = _PIECES.get(chunk)
            if pieces is not None:
                for offset, piece, is_word in pieces:
                    if is_word:
                        self._seen_word(a + offset, piece, tags)
                    else:
                        if piece.tag == "Q":
                            self._numbers.append(len(tags))
                        self._add_mark(a + offset, piece, tags)
                continue
            first, seen = len(tags), len(_SEEN)
            self._chunk(a, chunk, tags)
            if len(_SEEN) >= seen:  # (_SEEN was not emptied meanwhile)
                if len(_PIECES) >= _SEEN_MAX:  # a text of ever new numbers
                    _PIECES.clear()
                # a word is in _SEEN, no mark or number is (a word starts with a letter)
                _PIECES[chunk] = tuple((starts[k] + base - a, words[k], tags[k] != "Q" and words[k].text in _SEEN)
                                       for k in range(first, len(tags)))
        self._plains += plains
        self._capitals += capitals

    def _chunk(self, a: int, chunk: str, tags: list[str]) -> None:
        """Add the words and marks of a chunk that starts at a: marks taken off each end, and TOKEN
        for what is left when it is neither a plain word nor a number."""
        text = self.text
        b = a + len(chunk)
        if chunk.isalpha() or _abbreviation(chunk):  # "U.S.", "Inc.": an abbreviation keeps its dot
            self._word(a, chunk, tags)
            return
        last = chunk[-1]
        if b - a > 1 and last in _CLOSING:  # "said,", "U.S.,": a word and a mark
            head = chunk[:-1]
            if head.isalpha() or _abbreviation(head):
                self._word(a, head, tags)
                self._add(b - 1, b, _PUNCTUATION.get(last, " "), tags)
                return
        if chunk[0] in "'’" and chunk[1:2] in ("s", "S") and (len(chunk) == 2 or not chunk[2].isalpha()):
            self._add(a, a + 2, "s", tags)  # "Monday's" after a date
            a += 2
        while a < b and text[a] in _OPENING:
            self._add(a, a + 1, _PUNCTUATION.get(text[a], " "), tags)
            a += 1
        core_end = b
        while core_end > a and text[core_end - 1] in _CLOSING:
            core_end -= 1
        if core_end > a:
            core = text[a:core_end]
            if core.isalpha():
                self._word(a, core, tags)
            elif core_end - a > 2 and text[core_end - 1] in "sS" and text[core_end - 2] in "'’" \
                    and text[a:core_end - 2].isalpha():
                self._word(a, text[a:core_end - 2], tags)  # "GM's": the owner, then 's
                self._add(core_end - 2, core_end, "s", tags)
            elif core[0].isdigit() and core[-1].isdigit() and not core.strip(_NUMBER_CHARACTERS):
                self._numbers.append(len(tags))
                self._add(a, core_end, "Q", tags)
            elif core[0].isdigit() and core[-1].isalpha() and (hyphen := core.find("-")) > 0 \
                    and core[hyphen + 1:].isalpha():
                self._word(a, core, tags)  # "10-year", "52-week": one word that says what kind
            else:
                self._tokens(a, core_end, tags)
        for k in range(core_end, b):
            self._add(k, k + 1, _PUNCTUATION.get(text[k], " "), tags)

    def _tokens(self, start: int, end: int, tags: list[str]) -> None:
        """Add the words of text[start:end] as TOKEN finds them."""
        text = self.text
        for m in TOKEN.finditer(text, start, end):
            a, b = m.span()
            first = text[a]
            if first.isalpha():
                if b - a > 2 and text[b - 1] in "sS" and text[b - 2] in "'’":  # "GM's", "GM'S": the owner, then 's
                    self._word(a, text[a:b - 2], tags)
                    self._add(b - 2, b, "s", tags)
                else:
                    self._word(a, text[a:b], tags)
            elif first.isdigit() or b - a > 1 and first == "-" and text[a + 1].isdigit():
                self._numbers.append(len(tags))
                self._add(a, b, "Q", tags)
            elif b - a == 2 and first in "'’":
                self._add(a, b, "s", tags)
            else:
                self._add(a, b, _PUNCTUATION.get(text[a:b], " "), tags)

    def _add(self, start: int, end: int, tag: str, tags: list[str]) -> None:
        """Add a mark or a number."""
        mark = self.text[start:end]
        if tag == "Q":  # numbers vary: not worth keeping
            self._add_mark(start, Word(mark, mark, tag, False, False), tags)
            return
        found = _MARKS.get((mark, tag))
        if found is None:
            if len(_MARKS) >= _SEEN_MAX:  # a text of ever new symbols
                _MARKS.clear()
            found = _MARKS[(mark, tag)] = Word(mark, mark.lower(), tag, False, False)
        self._add_mark(start, found, tags)

    def _add_mark(self, start: int, mark: Word, tags: list[str]) -> None:
        self._starts.append(start - self._base)
        self._words.append(mark)
        tags.append(mark.tag)

    def _word(self, start: int, text: str, tags: list[str]) -> None:
        """Add a plain word, tagged now when its tag needs no neighbours (most do not)."""
        word = _SEEN.get(text)
        if word is None:
            if len(_SEEN) >= _SEEN_MAX:
                _SEEN.clear()
                _PIECES.clear()
            tag = _context_free(text)
            pending = tag[:1] == "?"
            word = _SEEN[text] = Word(text, text.lower(), tag[1:] if pending else tag, text[0].isupper(), pending)
        self._seen_word(start, word, tags)

    def _seen_word(self, start: int, word: Word, tags: list[str]) -> None:
        self._starts.append(start - self._base)
        self._words.append(word)
        self._plains += 1
        if word.capital:
            self._capitals += 1
        if word.pending:
            self._pending.append(len(tags))
            tags.append("N")
        else:
            tags.append(word.tag)

    def word(self, i: int) -> str:
        return self._words[i].text

    def lower(self, i: int) -> str:
        """Word i in lower case, as the tagger looked it up."""
        return self._words[i].lower

    def phrase(self, first: int, last: int) -> tuple[int, int]:
        """The character span of words first..last (inclusive)."""
        return self._base + self._starts[first], self._base + self._starts[last] + len(self._words[last].text)

    def span(self, words: tuple[int, int]) -> tuple[int, int]:
        """The character span of a phrase (its first and last word)."""
        return self.phrase(words[0], words[1])


def _abbreviation(word: str) -> bool:
    """Whether a word ends in the dot of an abbreviation ("U.S.", "Inc."), which ends no clause."""
    return len(word) > 2 and word[-1] == "." and word[0].isalpha() \
        and (word.find(".", 0, len(word) - 1) > 0 or word[:-1].lower() in ABBREVIATIONS)


def adjective(word: str) -> bool:
    """Whether a (lower-case) word before a noun is an adjective of size or frequency ("annual",
    "monthly", "biggest")."""
    return word in ANNUAL_WORDS or word.endswith(("ly", "est")) or word in ("sharp", "steep", "modest", "slight")


def _past_verb(word: str) -> bool:
    """Whether a (lower-case) word is a verb in the past or "is"/"was": no noun ("climbed", "fell")."""
    kind = _LEXICON.get(word)
    return kind is not None and kind in _FINITE_VERBS and (word in _BE or not word.endswith("s"))


def _context_free(word: str) -> str:
    """A word's tag when its neighbours cannot change it, else "?" and its class letter if any ("?C")."""
    lower = word.lower()
    kind = _LEXICON.get(lower)
    if kind is not None:
        return kind if kind in _FIXED_TAGS else "?" + kind
    if not ((word.islower() or word.isupper()) and len(lower) > 5) or "-" in word:  # in capitals, a word's
        return "N"  # ending still tells; a compound is a modifier ("city-based", "state-owned", "cost-cutting")
    if lower.endswith("ed") and lower not in _NOT_VERBS:
        return "v"
    if lower.endswith("ing") and lower not in _NOT_VERBS:
        return "?"
    return "a" if lower.endswith("ly") and lower not in _NOT_ADVERBS else "N"


def _tag(word: Word, previous: str, following: str, left: str, right: str, two_left: str, i: int,
         cased: bool) -> str:
    """The tag of a word from its neighbours: the words and the tags before it, the word and the
    tag after it (a word's tag is still N there)."""
    kind, capital, lower = word.tag, word.capital, word.lower  # its class, "" when unlisted
    if cased and i > 0 and capital and left not in '".;':
        return "N"  # a capital inside a sentence: a name ("United States", "Sales" after a colon aside)
    if not kind:  # an unlisted word in -ing (_context_free): "increase existing lines"; "Pike's backing"; "the cost of
        # hauling"
        return "N" if left in "dCvSL" and right == "N" or left == "s" and two_left != "x" or left in "OR" else "v"
    if kind == "w" and lower == "so" and following == "far":
        return "a"  # "has gained 22% so far this year": no clause opens
    if kind in _NOUN_AFTER_DETERMINER_ONLY:  # "the will", "a while": nouns after a determiner
        if kind == "v" and left not in "Tb" and (following in _BE or following.endswith("ed")) \
                and _LEXICON.get(following, "") in _FINITE_VERBS and not lower.endswith(("ed", "ing")):
            return "N"  # and a verb's base form before a verb in the past: "the São Paulo exchange reached"
        return "N" if left == "d" and previous not in _NOT_NOUN_BEFORE and not (
            i == 1 and previous == "this" and lower.endswith(("s", "ed"))) else kind  # but "This compares with"
    if kind == "t":  # "that": a relative before a verb in -s or -ed, else a determiner ("that figure")
        verb = _LEXICON.get(following)
        return "r" if verb is not None and verb in _FINITE_VERBS and (
            following in _BE or following.endswith(("s", "ed")) or following in _IRREGULAR_PAST) else "d"
    if kind == "P" and lower == "between" and right == "F":
        return "a"  # "charges of between $600 million and $700 million": the range is the figure
    if kind == "U":  # "make up 20%"; "a buyback of up to $500 million", "by up to 40%": a bound
        return "a" if lower == "up" and (previous in PHRASAL_UP or following == "to" and left in "OdRAB") else "U"
    if following in ("of", "in"):
        right = "O"
    if left == "d" and previous not in _NOT_NOUN_BEFORE and kind not in "cK":
        return "N"  # after a determiner a verb's form is a noun: "a plan", "the cost"
    if kind == "c":  # "its growth forecast": a noun's modifier
        return "N" if right == "N" else "c"
    if kind == "K":  # "an 8% rise", "a rise in", "the annual decline to 1.2%"; "sales rise"
        return "c" if left in _NOUN_LEFT and left != "N" or right in _NOUN_RIGHT or two_left == "d" and adjective(
            previous) or left == "N" and two_left == "F" else "C"  # "a 9% pay increase over three years"
    if kind == "C":
        noun = left in "dF\"s" and previous not in ("each", "both", "all") or left == ")" and two_left == "F" \
            or left == "N" and previous.endswith(("-year", "-month", "-week"))
        return "N" if noun else "C"  # "a $40 billion (£20 billion) contract", "a five-year contract", but "the
        # Dow (DJIA) fell"
    if kind == "V":  # "UNITED STATES ROSE" in capitals; "cut its price forecast for 2026"; "the Treasury note climbed";
        # "a 3% cut in state funding"
        return "N" if previous == "united" or left in "IORf" and right == "N" or left in "Nc" and (
            lower in _REPORT_NOUNS and right in "RTB.,;" or _past_verb(following)) \
            or left == "N" and previous.endswith("-year") else "V"  # "$70 billion of five-year notes"
    if kind == "L":
        if lower == "average" and previous == "on":
            return "a"  # "Analysts had on average expected NT$35.2 billion" (and "on" too, by the caller)
        if lower not in _LEVEL_NOUNS or left in "Nxb" and (right in "FAT" or right == "R" and lower == "retail") \
                or lower == "values" and left in "Nx" and right in "Nd" and not _past_verb(following) \
                or lower in ("cost", "costs") and left in "NxD" and right == "d" \
                or previous in _MODALS or left in "Tr" or lower in ("cost", "costs") and left == "," and right in "Fd":
            # "the program costs $99", "films will retail for $10", "the offer values the equity at",
            # "the strike cost the economy €300 million",
            # "will cost about", "expect inflation to peak at", "plans to run a deficit", "which cost", "Fuel, the
            # biggest expense, cost €640 million"; not "prices for new cars"
            return "L"
        kind = "S" if lower in TRANSACTION_VERBS else "N"
    if kind == "S":  # "agree purchase of", "Orders for", "Online orders,", "its public offering", "real pay rose"; but
        # "which it bought"
        return "N" if i == 0 or left in "dF)\"sO" or right in "OI," and left != "x" or lower in _NOT_VERBS \
            or left == "N" and _past_verb(following) and not lower.endswith("ed") \
            or _LEXICON.get(following, "") in _SUBJECT_NEXT else "S"  # "pay will rise", "pay rose"
    return kind


def past_relative_asides(tags: str, start: int, i: int, marks: str) -> int:
    """The start of the clause of word i, `start` moved back past any "w" word ("after",
    "because") that stands in a relative aside or a description closed before word i: "In the first
    half, which it restated after a review, profit slipped", "the rate, which counts people who work
    part time because they cannot find more, rose" and "Net interest, now the second-biggest expense
    after pensions, cost" are one clause each. `marks`: the tags that end a clause."""
    while start > 0 and tags[start - 1] == "w" and (opens := tags.rfind(",", 0, start - 1)) >= 0 \
            and 0 <= (closes := tags.find(",", start, i)) and (
                tags[opens + 1:opens + 2] == "r"
                or tags[opens + 1:opens + 2] in ("d", "a") and not any(tags[k] in VERBS for k in range(start, closes))):
        start = max(tags.rfind(mark, 0, opens) for mark in marks) + 1
    return start
