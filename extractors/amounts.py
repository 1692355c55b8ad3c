"""Money amounts (placeholder until the amount rules land)."""
from extractors.mentions import AmountMention


def extract_amounts(text: str) -> list[AmountMention]:
    return []
