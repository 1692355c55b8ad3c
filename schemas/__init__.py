"""Pydantic models: the single source of truth for every stored field and its checks."""
from schemas.facts import FACT_MODELS, LINK_FIELDS, Amount, DateFact, Fact, Percentage
from schemas.records import Document, Reject, Run, Skipped

__all__ = ["FACT_MODELS", "LINK_FIELDS", "Amount", "DateFact", "Document", "Fact", "Percentage", "Reject", "Run",
           "Skipped"]
