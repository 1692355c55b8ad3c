"""Fast candidate scans for the anchor searches, with the stdlib `re` module.

Why `re` here and not `regex`: these scans are literal words and digit runs (no nested
quantifiers, so linear time and no `timeout=` needed), and `re` keeps a first-character filter
for an alternation whose branches each start with a literal, which `regex` loses (3-10x slower).
A scan here may find a superset of the anchors; the caller confirms each candidate with its own
`regex` pattern where the exact word-boundary rules matter, so results cannot change.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import regex

# ASCII digits, as the date anchors use. `regex` here, not `re`: it finds runs of one ASCII class
# about 3x faster, and `[0-9]+` cannot backtrack, so the call needs no timeout.
DIGIT_RUN = regex.compile(r"[0-9]+")
_OTHER_DIGIT = regex.compile(r"[\d--[0-9]]", regex.V1)  # a digit `regex` knows beyond 0-9 ("٣")
_ANY_DIGIT_RUN = regex.compile(r"\d+")
_span = type(_ANY_DIGIT_RUN.match("0")).span  # regex.Match.span, unbound


# The texts whose digit runs and lower case are kept: extract_batch() hands a group of up to this
# many texts to each extractor in turn (extract(): one text to each), so each is computed once.
# extract_batch() and extract() clear both caches when done: no text is kept past the call.
CACHED_TEXTS = 64


@lru_cache(maxsize=CACHED_TEXTS)
def ascii_digit_runs(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every maximal run of the digits 0-9 in `text`."""
    return tuple(map(_span, DIGIT_RUN.finditer(text)))  # map: no generator frame per run


@lru_cache(maxsize=CACHED_TEXTS)
def index_lower(text: str) -> str:
    """`text` in lower case, index for index (characters whose lower case is longer stay)."""
    lower = text.lower()
    if len(lower) != len(text):
        lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return lower


def forget_texts() -> None:
    """Empty the per-text caches (see CACHED_TEXTS)."""
    ascii_digit_runs.cache_clear()
    index_lower.cache_clear()


def find_all(lower: str, word: str) -> list[int]:
    """Start offsets of every (possibly overlapping) occurrence of `word` in `lower` (str.find)."""
    found, i = [], lower.find(word)
    while i >= 0:
        found.append(i)
        i = lower.find(word, i + 1)
    return found


def digit_runs(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every maximal run of `regex` digits (\\d, any script) in `text`."""
    if text.isascii() or _OTHER_DIGIT.search(non_ascii(text)) is None:  # the common case: 0-9 only
        return ascii_digit_runs(text)
    return tuple(m.span() for m in _ANY_DIGIT_RUN.finditer(text))


def literal_trie(words: Iterable[str]) -> str:
    """A `re` alternation of literal words factored by leading letters: "S(?:ame|pring)".

    Each branch starts with a literal, so `re` skips positions whose character starts no word.
    Longer words come before their prefixes ("March" before "Mar"), as in a longest-first list.
    """
    return _trie_branch(sorted(set(words), key=lambda w: (w[:1], -len(w), w)))


def _trie_branch(words: list[str]) -> str:
    heads: dict[str, list[str]] = {}
    for word in words:
        heads.setdefault(word[:1], []).append(word[1:])
    branches = []
    for head, tails in heads.items():
        if head == "":
            continue  # the empty tail: handled by the optional group of the parent
        rest = [t for t in tails if t]
        if not rest:
            branches.append(re.escape(head))
            continue
        inner = _trie_branch(rest)
        optional = "?" if "" in tails else ""
        branches.append(f"{re.escape(head)}(?:{inner}){optional}")
    return "|".join(branches)


_ASCII_BYTES = bytes(range(128))


def non_ascii(text: str) -> str:
    """The characters of `text` beyond ASCII, in order (lone surrogates left out): a few quotes
    and dashes in a news text, so a character-class search over them is cheap. UTF-8 writes an
    ASCII character as one byte below 0x80 and any other as bytes of 0x80 and above only."""
    return text.encode("utf-8", "ignore").translate(None, _ASCII_BYTES).decode("utf-8")


def is_digit(char: str) -> bool:
    """Whether `char` is a digit for `regex` (\\d): 0-9 or a digit of another script."""
    return "0" <= char <= "9" or (not char.isascii() and _OTHER_DIGIT.match(char) is not None)
