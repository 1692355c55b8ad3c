"""Numbers inside web and e-mail addresses are no facts, whichever extractor reads them
(extractors/not_facts.py). Each row runs the whole extraction, as the pipeline does."""
from __future__ import annotations

from datetime import date

import pytest

from extractors import extract

# sentence -> the mentions (text) that stay; every row from issue 21
ROWS = {
    "Search /results?q=growth%2050%25 now.": [],  # was "2050%"
    "Read https://example.com/report?year=2024&growth=5% today.": [],  # was "5%"
    "See example.com/a%20b%2040%25 there.": [],  # was "2040%"
    "Go to https://x.com/search?q=%245%20million please.": [],  # was "245%"
    "The page https://example.com/?price=$5 million is gone.": [],
    "Read http://news.example.com/2024/05/31/story today.": [],
    "Visit WWW.ACME.COM/2025/results or call.": [],
    "Two pages, http://a.example/5% and http://b.example/6%, said 7%.": ["7%"],
    "Email ir@acme.com about the $5 million note, due in 2025.": ["$5 million", "2025"],
    "Sales rose 40%, to $3 million, in 12/31/68.": ["40%", "$3 million", "12/31/68"],
    "Shares fell 5% (see https://example.com/q3).": ["5%"],
}


@pytest.mark.parametrize("sentence, kept", ROWS.items(), ids=list(ROWS))
def test_no_fact_inside_an_address(sentence: str, kept: list[str]) -> None:
    assert [m.text for m in extract(sentence, date(2020, 1, 1))] == kept


def test_long_and_many_addresses_cost_one_look_each() -> None:
    """A 120 KB query full of escapes and 50,000 e-mail addresses: each run of characters is
    looked at once, and the facts between them stay."""
    text = "/q?" + "%355" * 30_000 + " rose 5% " + "a@b.co " * 50_000
    assert [m.text for m in extract(text, date(2020, 1, 1))] == ["5%"]
