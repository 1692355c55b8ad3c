"""Never raise on text: whatever the text, every mention is in bounds and passes its schema."""
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors import extract
from flows.processing import validate_mentions
from warehouse.store import Batch

# Fragments that the rules react to, so that generated text reaches deep into them.
NEWSY = st.sampled_from([
    "$", "US$", "£", "€", "¥", "#", "Rs", "USD", "1", "1.5", "1,234", "1,23,456", "8 1/4", "-", "%", " per cent",
    " percentage points", "million", "bn", "m", "k", "half a", "between", " and ", " to ", "over", "about",
    "January", "July 3", "2025", "'90s", "the first half of", "Q3", "H1", "fiscal", "last", "next", "year",
    "Tuesday", "today", "yesterday", "mid-", "early", "late", "since", "by", "in", " ", ", ", ".", "\n",
])
TEXTS = st.one_of(st.text(max_size=300), st.lists(NEWSY, max_size=40).map("".join))
REFERENCES = st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, reference=REFERENCES)
def test_every_mention_is_grounded_and_valid(text, reference):
    mentions = extract(text, reference)
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text) and text[m.start:m.end] == m.text
    batch = Batch()
    validate_mentions([("doc", text, mentions)], "run", batch)
    assert batch.rejects == []
