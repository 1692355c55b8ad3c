"""Pure extractors: text (+ the document's reference date) -> mentions. No I/O, no clock."""
from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from operator import attrgetter

from extractors.compiled import is_compiled, prefer_sources

prefer_sources()  # before the first import of a compiled module, so that a stale one is skipped

from extractors import amounts, dates, percentages
from extractors.amounts import extract_amounts
from extractors.dates import extract_dates, find_dateline
from extractors.fastscan import CACHED_TEXTS, OnePass, forget_texts
from extractors.links import link_figures
from extractors.mentions import AmountMention, DateMention, Mention, PercentageMention
from extractors.not_facts import without_not_facts
from extractors.percentages import extract_percentages
from extractors.watchdog import watched

# The literal words every extractor looks for, found in one Hyperscan pass over each text.
OnePass(*amounts.WORD_SETS, *percentages.WORD_SETS, *dates.WORD_SETS)

# Bump when a rule changes what is extracted: stored documents are then re-extracted.
EXTRACTOR_VERSION = "0.4.10"
# Whether the extractor modules run compiled by mypyc (setup.py) or as plain Python: same mentions.
COMPILED = is_compiled(amounts)


def extract(text: str, reference_date: date | None = None) -> list[Mention]:
    """Every amount, percentage and date mention in `text`, in text order (as extract_batch
    finds them: an error, such as TimeoutError on hostile text, is raised)."""
    [found] = extract_batch([text], [reference_date])
    if isinstance(found, Exception):
        raise found
    return found


def extract_batch(texts: Sequence[str], reference_dates: Sequence[date | None]) -> list[list[Mention] | Exception]:
    """extract() for each text, or the exception its extraction raised (the other texts go on).

    Each extractor runs over a group of texts before the next one starts: its patterns and code
    stay in the CPU caches, faster than text by text (benchmarks/bench.py prints both).
    A group is at most CACHED_TEXTS texts and about a megabyte, so the per-text caches hold it.
    In the main thread a watchdog timer keeps each text's time budget, in place of a timeout on
    every pattern call (extractors/watchdog.py): a text past it ends in TimeoutError.
    The cyclic garbage collector is paused meanwhile (see collector_paused).
    """
    results: list[list[Mention] | Exception] = [[] for _ in texts]
    with watched() as dog, collector_paused():
        for group in _groups(texts):
            try:
                for extractor in _EXTRACTORS:
                    for i in group:
                        found = results[i]
                        if isinstance(found, Exception):
                            continue
                        try:
                            with dog.watching(texts[i]):
                                found.extend(extractor(texts[i], reference_dates[i]))
                        except Exception as error:  # this text's error, recorded by the caller
                            results[i] = error
            finally:
                forget_texts()
        for i, found in enumerate(results):
            if isinstance(found, Exception):
                continue
            found.sort(key=_position)
            results[i] = found = without_not_facts(texts[i], found)
            try:
                with dog.watching(texts[i]):
                    link_figures(texts[i], found)
            except Exception as error:
                results[i] = error
    return results


_EXTRACTORS = (
    lambda text, reference: extract_amounts(text),
    lambda text, reference: extract_percentages(text),
    extract_dates,
)
_GROUP_CHARS = 1_000_000


def _groups(texts: Sequence[str]) -> Iterator[range]:
    """Consecutive index ranges of at most CACHED_TEXTS texts and about _GROUP_CHARS characters."""
    start, size = 0, 0
    for i, text in enumerate(texts):
        if i > start and (i - start == CACHED_TEXTS or size + len(text) > _GROUP_CHARS):
            yield range(start, i)
            start, size = i, 0
        size += len(text)
    if start < len(texts):
        yield range(start, len(texts))


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector (if it runs) for the block.

    Extraction makes over a thousand tuples, lists and matches a document, and keeps the
    mentions: the collections they set off walked the young objects again and again, and now
    and then the whole heap.
    Extraction makes no reference cycles: reference counting frees everything it drops.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


_position = attrgetter("start", "end")  # a sort key in C: no Python call per mention


__all__ = [
    "COMPILED", "EXTRACTOR_VERSION", "AmountMention", "DateMention", "Mention", "PercentageMention",
    "collector_paused", "extract", "extract_amounts", "extract_batch", "extract_dates", "extract_percentages", "find_dateline",
]
