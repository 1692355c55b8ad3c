"""Pure extractors: text (+ the document's reference date) -> mentions. No I/O, no clock."""
from __future__ import annotations

from datetime import date

from extractors.amounts import extract_amounts
from extractors.dates import extract_dates, find_dateline
from extractors.mentions import AmountMention, DateMention, Mention, PercentageMention
from extractors.percentages import extract_percentages

# Bump when a rule changes what is extracted: stored documents are then re-extracted.
EXTRACTOR_VERSION = "0.1.0"


def extract(text: str, reference_date: date | None = None) -> list[Mention]:
    """Every amount, percentage and date mention in `text`, in text order."""
    mentions: list[Mention] = [
        *extract_amounts(text),
        *extract_percentages(text),
        *extract_dates(text, reference_date),
    ]
    mentions.sort(key=lambda m: (m.start, m.end))
    return mentions


__all__ = [
    "EXTRACTOR_VERSION", "AmountMention", "DateMention", "Mention", "PercentageMention",
    "extract", "extract_amounts", "extract_dates", "extract_percentages", "find_dateline",
]
