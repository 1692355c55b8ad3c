"""Sentence bounds: where the sentence around an offset starts and ends.

A sentence ends at a line break, or at . ! ? (and a closing quote or bracket) followed by space
and a capital, a digit or an opening quote, unless the word before the stop is an abbreviation
or an initial ("Mr. Smith", "Inc. said", "J. Smith").
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import Final

_STOP: Final = re.compile(r"[.!?][\"'”’)\]]?[ \t]+(?=[\"“'‘(\[]?(?:[^\W\da-z_]|[\d$€£]))")  # within a line
_AFTER_STOP: Final = frozenset("\"'”’)] \t")  # what _STOP reads right after the mark: a cheap test before it
ABBREVIATIONS: Final = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "inc", "corp", "co", "ltd", "plc", "jr", "sr", "st", "vs", "no", "gov",
    "sen", "rep", "gen", "col", "lt", "capt", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "e.g", "i.e", "approx", "est", "dept", "univ", "mt", "ft", "fig", "op", "vol",
})


class Sentences:
    """The sentences of `text`, found a paragraph (line) at a time, only in lines with a figure."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._line_start = -1  # the line whose sentence starts are known
        self._line_end = -1
        self._stops: list[int] = []

    def around(self, offset: int) -> tuple[int, int]:
        """The (start, end) of the sentence that holds `offset`, spaces and the line break left out."""
        text = self.text
        if not self._line_start <= offset < self._line_end:
            line_start = text.rfind("\n", 0, offset) + 1
            line_end = text.find("\n", offset)
            self._line_start, self._line_end = line_start, len(text) if line_end < 0 else line_end + 1
            self._stops = self._stops_in(line_start, self._line_end)
        stops = self._stops
        k = bisect_right(stops, offset) - 1
        start = stops[k]
        end = stops[k + 1] if k + 1 < len(stops) else self._line_end
        while end > start and text[end - 1].isspace():
            end -= 1
        return start, end

    def _stops_in(self, start: int, end: int) -> list[int]:
        """Where each sentence of text[start:end] starts. Each stop mark is found with str.find
        and tried with _STOP there: far quicker than a regex scan of the line."""
        text = self.text
        stops = [start]
        for mark in ".!?":
            at = text.find(mark, start, end)
            while at >= 0:
                m = _STOP.match(text, at, end) if text[at + 1:at + 2] in _AFTER_STOP else None
                if m is not None and not self._abbreviation(at):
                    stops.append(m.end())
                at = text.find(mark, at + 1, end)
        stops.sort()
        return stops

    def previous(self, start: int) -> tuple[int, int] | None:
        """The sentence before the one that starts at `start`, if any."""
        if start <= 0:
            return None
        before = start - 1
        while before > 0 and self.text[before].isspace():
            before -= 1
        return self.around(before)

    def _abbreviation(self, stop: int) -> bool:
        """Whether the word ending at the stop before `stop` is an abbreviation or an initial."""
        end = stop
        while end > 0 and self.text[end - 1] in "\"'”’)].!?":
            end -= 1
        begin = end
        while begin > 0 and (self.text[begin - 1].isalpha() or self.text[begin - 1] == "."):
            begin -= 1
        word = self.text[begin:end].lower()
        return len(word) == 1 or word in ABBREVIATIONS
