"""Fast candidate scans for the anchor searches: digit runs, and literal words with Hyperscan.

These scans are linear by construction (literal words and digit runs: nothing to backtrack),
so they need no `timeout=`. A scan here may find a superset of the anchors; the caller confirms
each candidate (word boundaries, case) in Python or with its own `regex` pattern.
"""
from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any, Final

import re

import hyperscan
import regex

# Digits of other scripts, rare in news: `\d+` cannot backtrack, so these calls need no timeout.
_OTHER_DIGIT: Final = regex.compile(r"[\d--[0-9]]", regex.V1)  # a digit `regex` knows beyond 0-9 ("٣")
_ANY_DIGIT_RUN: Final = regex.compile(r"\d+")


# The texts whose Latin-1 bytes, digit runs and lower case are kept: extract_batch() hands a group
# of up to this many texts to each extractor in turn (extract(): one text to each), so each is
# computed once. extract_batch() and extract() clear these caches when done: no text is kept past
# the call.
CACHED_TEXTS: Final = 64


@lru_cache(maxsize=CACHED_TEXTS)
def latin1(text: str) -> bytes:
    """`text` as Latin-1 bytes, any other character written as "?": a byte's offset is the index
    of its character. The Hyperscan passes and the digit runs scan these bytes."""
    return text.encode("latin-1", "replace")


# Each digit 0-9 as "0" and every other byte as " ": the runs of "0" are the digit runs, found by
# bytes.find (memchr) at C speed, where a `regex` search steps through the text character by character.
_DIGITS_AS_ZEROS: Final = bytes(0x30 if 0x30 <= b <= 0x39 else 0x20 for b in range(256))


@lru_cache(maxsize=CACHED_TEXTS)
def ascii_digit_runs(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every maximal run of the digits 0-9 in `text`."""
    # As str: mypyc calls str.find directly, where bytes.find is a Python method call.
    marks = latin1(text).translate(_DIGITS_AS_ZEROS).decode("latin-1")
    runs = []
    start = marks.find("0")
    while start >= 0:
        end = marks.find(" ", start)
        if end < 0:
            end = len(marks)
        runs.append((start, end))
        start = marks.find("0", end)
    return tuple(runs)


@lru_cache(maxsize=CACHED_TEXTS)
def index_lower(text: str) -> str:
    """`text` in lower case, index for index (characters whose lower case is longer stay)."""
    lower = text.lower()
    if len(lower) != len(text):
        lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return lower


def forget_texts() -> None:
    """Empty the per-text caches (see CACHED_TEXTS)."""
    latin1.cache_clear()
    ascii_digit_runs.cache_clear()
    index_lower.cache_clear()
    _pass_hits.cache_clear()
    engines_agree.cache_clear()
    non_ascii.cache_clear()


class Literals:
    """Every occurrence of a fixed set of literal words in a text, found in one Hyperscan pass.

    Hyperscan looks for all the words at once, in C: a text costs one pass instead of a str.find
    loop per word (a call and a scan of the whole text each), and the words are rare in it.
    The words are Latin-1: the text is scanned as its Latin-1 bytes, any other character written
    as "?", so that a byte's offset is the character's index. Each occurrence costs a call back
    into Python: the words should be rare in the text, or made rare with `after`.

    caseless: ASCII letters match in either case (the word is reported as given).
    after: only occurrences at the start of the text or right after one of these characters
        (any character beyond Latin-1 in it lets "?", and so every such character, through).
    whole: only occurrences that are whole words (ASCII `\b` on either side).
    """

    def __init__(self, words: Iterable[str], *, caseless: bool = False, after: str | None = None,
                 whole: bool = False):
        self.words = tuple(dict.fromkeys(words))
        if any(not w or "?" in w or not w.isprintable() or max(w) > "\xff" for w in self.words):
            raise ValueError("Literals takes printable Latin-1 words without '?'")
        self._sizes = tuple(len(w) for w in self.words)
        self._longest = max(self._sizes, default=1)
        # With `after`, each word is sought after one of those characters, and a text is scanned
        # with one of them put before it (not with "(?:^|[...])": Hyperscan 5.4 then missed some
        # caseless matches beside bytes past 0x7f, tests/test_fastscan.py).
        self.after = None if after is None else _latin1_class(after)
        self._before = b"" if self.after is None else self.after[0].encode("latin-1")
        lead = b"" if self.after is None else b"[" + _escaped(self.after) + b"]"
        edge = rb"\b" if whole else b""
        self.expressions = [lead + edge + _escaped(w) + edge for w in self.words]
        self.flags = hyperscan.HS_FLAG_CASELESS if caseless else 0
        # Compiled when first needed: the words of a OnePass are most often found by its database
        # (this one is then only for texts over a megabyte), and a compile can take 0.2 s.
        self._database: Any = None
        self._compiling = threading.Lock()
        self._scratch = threading.local()  # Hyperscan's scratch space: one per thread
        self._pass: tuple[OnePass, int] | None = None  # set when a OnePass finds these words

    def find_all(self, text: str) -> Iterable[tuple[int, str]]:
        """(start, word) of every occurrence, overlapping ones too, in no particular order.

        Words of a OnePass come from its one scan of the text (a list kept for the other
        callers: read it, do not change it). A long text is scanned a megabyte at a time, so
        that the occurrences held at once stay few even in a text of one word over and over (a
        hostile document).
        """
        if self._pass is not None and len(text) <= _CHUNK:
            one_pass, index = self._pass
            return _pass_hits(one_pass, text)[index]
        return self._chunked(text)

    def _chunked(self, text: str) -> Iterator[tuple[int, str]]:
        if self._database is None:
            with self._compiling:
                if self._database is None:
                    self._database = _database(self.expressions, [self.flags] * len(self.words))
        scratch = _scratch_space(self._scratch, self._database)
        data = latin1(text)
        words, sizes = self.words, self._sizes
        before = self._before
        for start in range(0, len(data), _CHUNK):
            end = start + _CHUNK
            ends: list[tuple[int, int]] = []
            chunk = data if len(data) <= _CHUNK else data[start:end + self._longest - 1]
            if before:  # the character before the chunk: the text's, or one that lets a word through
                chunk = (data[start - 1:start] if start else before) + chunk
            self._database.scan(chunk, _collect, context=ends, scratch=scratch)
            origin = start - len(before)
            for stop, i in ends:
                first = origin + stop - sizes[i]
                if first < end:  # one that starts later is the next chunk's
                    yield first, words[i]


_CHUNK = 1 << 20


class OnePass:
    """Several Literals found in one Hyperscan pass: each text is scanned once for all their
    words, instead of once per Literals (a call, a pass over the text and its setup each).

    The sets' find_all() read the pass's results, kept per text like the Latin-1 bytes (see
    CACHED_TEXTS); texts over a megabyte are still scanned by each set on its own, in chunks.
    """

    def __init__(self, *sets: Literals):
        if any(s._pass is not None for s in sets):
            raise ValueError("a Literals belongs to one OnePass at most")
        # One character put before the text that every set's `after` lets through (a word of a
        # set without `after` that starts with it is dropped there: see scan).
        classes = [set(s.after) for s in sets if s.after is not None]
        common = sorted(set.intersection(*classes)) if classes else [""]
        if not common:
            raise ValueError("the `after` classes of a OnePass share no character")
        self._before = common[0].encode("latin-1")
        # Expression id -> (set, word, length): the sets' words in order.
        self._words = [(index, word, len(word)) for index, s in enumerate(sets) for word in s.words]
        self._sets = len(sets)
        self._database = _database([e for s in sets for e in s.expressions],
                                   [s.flags for s in sets for _ in s.words])
        self._scratch = threading.local()
        for index, s in enumerate(sets):
            s._pass = (self, index)

    def scan(self, text: str) -> list[list[tuple[int, str]]]:
        """For each set, (start, word) of every occurrence of its words in `text`."""
        ends: list[tuple[int, int]] = []
        self._database.scan(self._before + latin1(text), _collect, context=ends,
                            scratch=_scratch_space(self._scratch, self._database))
        hits: list[list[tuple[int, str]]] = [[] for _ in range(self._sets)]
        origin = len(self._before)
        for stop, i in ends:
            index, word, size = self._words[i]
            first = stop - size - origin
            if first >= 0:
                hits[index].append((first, word))
        return hits


@lru_cache(maxsize=CACHED_TEXTS)
def _pass_hits(one_pass: OnePass, text: str) -> list[list[tuple[int, str]]]:
    return one_pass.scan(text)


def _database(expressions: list[bytes], flags: list[int]) -> Any:
    database = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    database.compile(expressions=expressions, ids=list(range(len(expressions))),
                     elements=len(expressions), flags=flags)
    return database


def _scratch_space(local: threading.local, database: Any) -> Any:
    """Hyperscan's scratch space for `database`, one per thread."""
    scratch = getattr(local, "space", None)
    if scratch is None:
        scratch = local.space = hyperscan.Scratch(database)
    return scratch


def _escaped(chars: str) -> bytes:
    """Latin-1 characters as Hyperscan \\xHH escapes: none is read as regex syntax (and the
    binding would cut an expression at a NUL byte)."""
    return b"".join(b"\\x%02x" % b for b in chars.encode("latin-1"))


def _latin1_class(chars: str) -> str:
    """The characters of `chars` as the scanned bytes show them: Latin-1 ones as they are, any
    other as the "?" it is written as."""
    return "".join(sorted({c if c <= "\xff" else "?" for c in chars}))


def _collect(pattern: int, start: int, end: int, flags: int, ends: Any) -> None:  # Any: Hyperscan's context
    ends.append((end, pattern))


def digit_runs(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every maximal run of `regex` digits (\\d, any script) in `text`."""
    if text.isascii() or _OTHER_DIGIT.search(non_ascii(text)) is None:  # the common case: 0-9 only
        return ascii_digit_runs(text)
    return tuple(m.span() for m in _ANY_DIGIT_RUN.finditer(text))


_ASCII_BYTES: Final = bytes(range(128))
# Every character str.isspace() holds for (and `str.split()` splits at): none is past U+3000.
WHITESPACE: Final = "".join(c for c in map(chr, range(0x3001)) if c.isspace())


@lru_cache(maxsize=CACHED_TEXTS)
def non_ascii(text: str) -> str:
    """The characters of `text` beyond ASCII, in order (lone surrogates left out): a few quotes
    and dashes in a news text, so a character-class search over them is cheap. UTF-8 writes an
    ASCII character as one byte below 0x80 and any other as bytes of 0x80 and above only."""
    return text.encode("utf-8", "ignore").translate(None, _ASCII_BYTES).decode("utf-8")


def is_digit(char: str) -> bool:
    """Whether `char` is a digit for `regex` (\\d): 0-9 or a digit of another script."""
    return "0" <= char <= "9" or (not char.isascii() and _OTHER_DIGIT.match(char) is not None)


# Classes a rule pattern reads characters by: a character both engines put in the same ones
# is read alike by every rule pattern (\b and \S, [^\W\d] follow from them). Of the ASCII
# characters, only "\x1c"-"\x1f" are not: `re` alone calls them spaces.
_PROBES: Final = (r"\s", r"\w", r"\d", r"(?i:[a-z])")
_RE_PROBES: Final = tuple(re.compile(p) for p in _PROBES)
_REGEX_PROBES: Final = tuple(regex.compile(p) for p in _PROBES)
_VERDICTS: dict[str, bool] = {}  # character beyond ASCII -> whether both engines read it alike
_MAX_VERDICTS: Final = 65_536  # a hostile text of every character does not grow it without end


@lru_cache(maxsize=CACHED_TEXTS)
def engines_agree(text: str) -> bool:
    """Whether `re` and `regex` read every character of `text` alike (see _PROBES), so that
    the rule patterns may run on either (extractors/engines.py)."""
    # str.find: a `re` search for [\x1c-\x1f] would step through the text 30 times slower.
    if "\x1c" in text or "\x1d" in text or "\x1e" in text or "\x1f" in text:
        return False
    if text.isascii():
        return True
    for char in set(non_ascii(text)):
        verdict = _VERDICTS.get(char)
        if verdict is None:
            verdict = all((a.match(char) is None) == (b.match(char) is None)
                          for a, b in zip(_RE_PROBES, _REGEX_PROBES))
            if len(_VERDICTS) < _MAX_VERDICTS:
                _VERDICTS[char] = verdict
        if not verdict:
            return False
    return True
