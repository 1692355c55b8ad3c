"""Percentages (placeholder until the percentage rules land)."""
from extractors.mentions import PercentageMention


def extract_percentages(text: str) -> list[PercentageMention]:
    return []
