"""Sentence bounds: where the sentence around an offset starts and ends.

A sentence ends at a line break, or at . ! ? (and a closing quote or bracket) followed by space
and a capital, a digit or an opening quote, unless the word before the stop is an abbreviation
or an initial ("Mr. Smith", "Inc. said", "J. Smith"). Bounds are found once a document, only as far
as its last figure.
"""
from __future__ import annotations

from bisect import bisect_right

import regex

_STOP = regex.compile(r"\n|(?<=[.!?][\"'”’)\]]?)[ \t]+(?=[\"“'‘(\[]?[\p{Lu}\d$€£])")
_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "inc", "corp", "co", "ltd", "plc", "jr", "sr", "st", "vs", "no", "gov",
    "sen", "rep", "gen", "col", "lt", "capt", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "e.g", "i.e", "approx", "est", "dept", "univ", "mt", "ft", "fig", "op", "vol",
})


class Sentences:
    """The sentences of `text`, found lazily from its start."""

    __slots__ = ("text", "_stops", "_done")

    def __init__(self, text: str) -> None:
        self.text = text
        self._stops: list[int] = [0]  # each sentence's start
        self._done = 0  # bounds are known before this offset

    def around(self, offset: int) -> tuple[int, int]:
        """The (start, end) of the sentence that holds `offset`, spaces and the line break left out."""
        self._find_past(offset)
        k = bisect_right(self._stops, offset) - 1
        start = self._stops[k]
        end = self._stops[k + 1] if k + 1 < len(self._stops) else len(self.text)
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return start, end

    def previous(self, start: int) -> tuple[int, int] | None:
        """The sentence before the one that starts at `start`, if any."""
        k = bisect_right(self._stops, start) - 1
        if k <= 0:
            return None
        return self.around(self._stops[k - 1])

    def _find_past(self, offset: int) -> None:
        """Find bounds until one lies past `offset` (or the text ends): a chunk at a time, each
        ending at a line break, where no stop can straddle it."""
        text = self.text
        while self._done <= offset and self._done < len(text):
            line_break = text.find("\n", max(offset, self._done) + 2000)
            chunk_end = len(text) if line_break < 0 else line_break + 1
            for m in _STOP.finditer(text, self._done, chunk_end):
                if m.group() == "\n" or not self._abbreviation(m.start()):
                    self._stops.append(m.end())
            self._done = chunk_end

    def _abbreviation(self, stop: int) -> bool:
        """Whether the word ending at the stop before `stop` is an abbreviation or an initial."""
        end = stop
        while end > 0 and self.text[end - 1] in "\"'”’)].!?":
            end -= 1
        begin = end
        while begin > 0 and (self.text[begin - 1].isalpha() or self.text[begin - 1] == "."):
            begin -= 1
        word = self.text[begin:end].lower()
        return len(word) == 1 or word in _ABBREVIATIONS
