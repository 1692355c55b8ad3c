"""What an extractor returns: one plain record per mention, with its evidence.

Extractors are pure functions `text (+ reference date) -> list[Mention]`. These records are
deliberately light (slots dataclasses, no validation) so the hot path stays fast; the flow
validates them in batches against the Pydantic models in `schemas/`, which are the contract
for every field.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Final


# What a figure measures, when, and how (extractors/links/): set on amounts and percentages after
# extraction. Offsets index the document text, as the mention's own do.
@dataclass(slots=True, init=False, unsafe_hash=True)  # hashable: it is a field's default, never changed
class Link:
    measure: str | None  # the noun phrase the figure quantifies: text[measure_start:measure_end]
    measure_start: int | None
    measure_end: int | None
    period: str | None  # TIMEX3 value of the date that scopes the figure
    period_start_date: date | None  # its calendar interval, as the dates table gives it
    period_end_date: date | None
    role: str | None  # level | change; None only before linking
    per: str | None  # a rate's denominator: "share" in "$1.87 per share", the base currency of a quote
    sentence_start: int | None  # the sentence the figure stands in
    sentence_end: int | None

    def __init__(self, measure: str | None = None, measure_start: int | None = None, measure_end: int | None = None,
                 period: str | None = None, period_start_date: date | None = None, period_end_date: date | None = None,
                 role: str | None = None, per: str | None = None, sentence_start: int | None = None,
                 sentence_end: int | None = None) -> None:
        self.measure, self.measure_start, self.measure_end = measure, measure_start, measure_end
        self.period, self.period_start_date, self.period_end_date = period, period_start_date, period_end_date
        self.role, self.per, self.sentence_start, self.sentence_end = role, per, sentence_start, sentence_end

    def __reduce__(self) -> tuple:
        return Link, (self.measure, self.measure_start, self.measure_end, self.period, self.period_start_date,
                      self.period_end_date, self.role, self.per, self.sentence_start, self.sentence_end)


UNLINKED: Final = Link()  # every figure's link until the linker sets one


# Each record writes its __init__ out (init=False): mypyc compiles it, where the one @dataclass
# would generate runs as Python, for every mention. Compiled, a record pickles by its __reduce__
# (the call that builds it again).
@dataclass(slots=True, init=False)
class AmountMention:
    start: int  # text[start:end] == self.text, always
    end: int
    text: str
    value: Decimal  # scale applied, sign kept: "$1.5bn" -> Decimal("1500000000")
    currency: str | None  # ISO 4217 code, None only when the marker is monetary but unknown
    qualifier: str  # exact | about | over | under | range
    rule: str  # name of the rule that produced it
    value_max: Decimal | None = None  # upper bound of a range
    link: Link = UNLINKED
    type: str = "amount"

    def __init__(self, start: int, end: int, text: str, value: Decimal, currency: str | None,
                 qualifier: str, rule: str, value_max: Decimal | None = None, link: Link = UNLINKED) -> None:
        self.start, self.end, self.text, self.value = start, end, text, value
        self.currency, self.qualifier, self.rule, self.value_max = currency, qualifier, rule, value_max
        self.link = link
        self.type = "amount"

    def __reduce__(self) -> tuple:
        return AmountMention, (self.start, self.end, self.text, self.value, self.currency, self.qualifier,
                               self.rule, self.value_max, self.link)


@dataclass(slots=True, init=False)
class PercentageMention:
    start: int
    end: int
    text: str
    value: Decimal  # in percent units: "40%" -> 40
    unit: str  # percent | percentage_point
    qualifier: str  # exact | about | over | under | range
    rule: str
    value_max: Decimal | None = None
    link: Link = UNLINKED
    type: str = "percentage"

    def __init__(self, start: int, end: int, text: str, value: Decimal, unit: str, qualifier: str,
                 rule: str, value_max: Decimal | None = None, link: Link = UNLINKED) -> None:
        self.start, self.end, self.text, self.value = start, end, text, value
        self.unit, self.qualifier, self.rule, self.value_max = unit, qualifier, rule, value_max
        self.link = link
        self.type = "percentage"

    def __reduce__(self) -> tuple:
        return PercentageMention, (self.start, self.end, self.text, self.value, self.unit, self.qualifier,
                                   self.rule, self.value_max, self.link)


@dataclass(slots=True, init=False)
class DateMention:
    start: int
    end: int
    text: str
    value: str  # TIMEX3: "2025-07-03", "XXXX-07-03", "2025-H1", "199", "FY2025", ...
    grain: str  # day | week | weekend | month | quarter | half | season | year | fiscal_year | decade | century
    rule: str
    start_date: date | None = None  # inclusive; None when the value has unknown (X) parts
    end_date: date | None = None  # exclusive
    mod: str | None = None  # before | after | on_or_before | since | start | mid | end | approx
    type: str = "date"

    def __init__(self, start: int, end: int, text: str, value: str, grain: str, rule: str,
                 start_date: date | None = None, end_date: date | None = None, mod: str | None = None) -> None:
        self.start, self.end, self.text, self.value, self.grain = start, end, text, value, grain
        self.rule, self.start_date, self.end_date, self.mod = rule, start_date, end_date, mod
        self.type = "date"

    def __reduce__(self) -> tuple:
        return DateMention, (self.start, self.end, self.text, self.value, self.grain, self.rule,
                             self.start_date, self.end_date, self.mod)

    @property
    def resolved(self) -> bool:
        """True when the value is a fully known calendar value (no X placeholders)."""
        return "X" not in self.value


Mention = AmountMention | PercentageMention | DateMention


def time_budget(text: str) -> float:
    """CPU seconds the extraction of `text` may take: finite for hostile input, and at least twice
    what the slowest text we know takes (a mention every three characters), so that a document's
    outcome does not turn on the machine's mood. CPU time, not the clock's: a busy machine or a
    paused process does not change which documents time out."""
    return 2.0 + 5.0 * len(text) / 1_000_000


# The thread whose extraction a watchdog timer bounds (extractors/watchdog.py), else 0.
_watched_thread = 0


def watch_thread(thread: int) -> None:
    """Mark `thread` (a threading.get_ident()) as bounded by a watchdog timer; 0 for none."""
    global _watched_thread
    _watched_thread = thread


def regex_timeout(text: str) -> float | None:
    """The `timeout=` to pass on every regex call over `text`: its time budget, so that a
    runaway pattern becomes a TimeoutError (a recorded error for that document) instead of a
    hung run. None under a watchdog (extractors/watchdog.py), whose timer ends such a call:
    `regex` reads the process's CPU clock before and after each call given a timeout, two
    system calls that cost more than most of our matches.
    """
    if _watched_thread != 0 and _watched_thread == threading.get_ident():
        return None
    return time_budget(text)


# How many candidates a scan loop handles between two looks at the clock.
DEADLINE_EVERY: Final = 64


def deadline_for(text: str) -> float:
    """The time.monotonic() before which a scan of `text` cannot have used its time budget (CPU
    time never runs faster than the clock); past it, `past_deadline` reads the CPU clock, which
    costs ten times as much to read.

    Scan loops check it every DEADLINE_EVERY candidates (`past_deadline`) and raise TimeoutError,
    so a hostile document (a megabyte of "1 1 1 ...") ends in a recorded error, not a hung run,
    even when each of its many pattern calls is quick. A thread scans one text at a time.
    """
    _scan.cpu_deadline = cpu_deadline_for(text)
    return time.monotonic() + time_budget(text)


def cpu_deadline_for(text: str) -> float:
    """The time.thread_time() (this thread's CPU seconds) by which the extraction of `text` must end."""
    return time.thread_time() + time_budget(text)


_scan = threading.local()  # the CPU deadline of the scan under way in each thread


def past_deadline(deadline: float, text: str) -> None:
    """Raise TimeoutError when the scan of `text` has run past its time budget."""
    if time.monotonic() > deadline and time.thread_time() > _scan.cpu_deadline:
        raise over_budget(text)


def over_budget(text: str) -> TimeoutError:
    """The error of an extraction of `text` that ran past its time budget."""
    return TimeoutError(f"extraction ran past its time budget on a {len(text):,}-character text")
