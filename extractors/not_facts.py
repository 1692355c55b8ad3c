"""Text where numbers are not facts: web and e-mail addresses ("?q=growth%2050%25" is no 2050%).
A mention that overlaps one is dropped, whichever extractor found it."""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from typing import Final

from extractors.mentions import Mention

_HEX: Final = frozenset("0123456789abcdefABCDEF")
_TRIGGERS: Final = ("://", "www.", "WWW.", "@")  # found with str.find: news texts rarely hold any


def without_addresses(text: str, mentions: list[Mention]) -> list[Mention]:
    """`mentions` but those that overlap an address in `text`."""
    spans = address_spans(text)
    if not spans:
        return mentions
    starts = [lo for lo, _ in spans]
    kept = []
    for m in mentions:
        i = bisect_right(starts, m.end - 1) - 1  # the last address starting before the mention ends
        if i < 0 or spans[i][1] <= m.start:
            kept.append(m)
    return kept


def address_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of non-space characters that is an address, in text order."""
    spans: list[tuple[int, int]] = []
    done = 0  # the end of the last run looked at: each run is looked at once
    for at in sorted(_trigger_positions(text)):
        if at < done:
            continue
        lo, hi = at, at
        while lo > 0 and not text[lo - 1].isspace():
            lo -= 1
        while hi < len(text) and not text[hi].isspace():
            hi += 1
        done = hi
        if is_address(text[lo:hi]):
            spans.append((lo, hi))
    return spans


def _trigger_positions(text: str) -> list[int]:
    """Where an address may be: each trigger, and each percent-escape ("%2F")."""
    found = [at for trigger in _TRIGGERS for at in _all(text, trigger)]
    found += [at for at in _all(text, "%") if _escape_at(text, at)]
    return found


def _all(text: str, needle: str) -> Iterator[int]:
    at = text.find(needle)
    while at >= 0:
        yield at
        at = text.find(needle, at + 1)


def _escape_at(text: str, at: int) -> bool:
    """Whether text[at] is the "%" of a percent-escape such as "%2F"."""
    return text[at + 1:at + 2] in _HEX and text[at + 2:at + 3] in _HEX


def is_address(run: str) -> bool:
    """Whether a run of non-space characters is a URL, a www. address, an e-mail address, or a
    path or query written with percent-escapes."""
    if "://" in run or run.lower().lstrip("(<[\"'").startswith("www."):
        return True
    at = run.find("@")
    if at > 0 and "." in run[at + 2:].rstrip(".,;:!?)]>\"'"):
        return True
    return any(c in run for c in "/?&=") and any(_escape_at(run, at) for at in _all(run, "%"))
