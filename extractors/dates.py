"""Dates (placeholder until the date rules land)."""
from datetime import date

from extractors.mentions import DateMention


def extract_dates(text: str, reference_date: date | None = None) -> list[DateMention]:
    return []


def find_dateline(text: str) -> tuple[date, int, int] | None:
    return None
