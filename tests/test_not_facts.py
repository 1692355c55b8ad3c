"""Numbers inside web and e-mail addresses, file paths, hashtags, version numbers, phone numbers
and product or reference codes are no facts, whichever extractor reads them
(extractors/not_facts.py). Each row runs the whole extraction, as the pipeline does, and also
asks the filter directly what each number of the sentence sits in: the filter must name exactly
the row's not-facts, whatever the extractors find today."""
from __future__ import annotations

import re
import time
from datetime import date
from typing import NamedTuple

import pytest

from corpus import case, check_sources
from extractors import extract
from extractors.not_facts import CUES, SHAPES, not_fact_around


class Example(NamedTuple):
    id: str
    text: str
    kept: tuple[str, ...] = ()  # the mentions (text) that stay
    not_facts: tuple[str, ...] = ()  # the paths, codes, phone numbers ... that the filter finds, in order
    source: str = "issue 21"
    gap: str | None = None


# Addresses: found over the whole text (address_spans); the filter of codes says nothing of them.
ADDRESSES = [
    Example("query escapes", "Search /results?q=growth%2050%25 now."),  # was "2050%"
    Example("url query", "Read https://example.com/report?year=2024&growth=5% today."),  # was "5%"
    Example("path escapes", "See example.com/a%20b%2040%25 there."),  # was "2040%"
    Example("escaped dollar", "Go to https://x.com/search?q=%245%20million please."),  # was "245%"
    Example("url with money", "The page https://example.com/?price=$5 million is gone."),
    Example("url with date path", "Read http://news.example.com/2024/05/31/story today."),
    Example("www in capitals", "Visit WWW.ACME.COM/2025/results or call."),
    Example("facts between urls", "Two pages, http://a.example/5% and http://b.example/6%, said 7%.", ("7%",)),
    Example("e-mail beside facts", "Email ir@acme.com about the $5 million note, due in 2025.", ("$5 million", "2025")),
    Example("plain facts", "Sales rose 40%, to $3 million, in 12/31/68.", ("40%", "$3 million", "12/31/68")),
    Example("url in brackets", "Shares fell 5% (see https://example.com/q3).", ("5%",)),
]

CODES = [
    # File paths
    Example("windows path", "The file C:\\Reports\\2024\\q3_15%.xlsx was opened.",
            not_facts=("C:\\Reports\\2024\\q3_15%.xlsx",)),
    Example("windows path without a drive", "Open reports\\2024\\15%.xlsx first.",  # was "15%"
            not_facts=("reports\\2024\\15%.xlsx",)),
    Example("windows path with a space", "Save it as C:\\Data\\Q3 2024\\report.xlsx today.",  # was "Q3 2024"
            not_facts=("C:\\Data\\Q3", "2024\\report.xlsx")),
    Example("unix path", "Check /var/log/2024-03-01.log for errors.", not_facts=("/var/log/2024-03-01.log",)),
    Example("relative path", "Load ./data/2019/sales.csv first.", not_facts=("./data/2019/sales.csv",)),
    Example("path without a root", "The data/2019/sales.csv file grew 5% in 2020.", ("5%", "2020"),
            ("data/2019/sales.csv",)),
    # Hashtags
    Example("hashtags", "We shared #2024Goals and #Q3 and #100DaysOfCode.",
            not_facts=("#2024Goals", "#Q3", "#100DaysOfCode")),
    Example("hashtag beside a date", "Sales rose 8% in March 2024 #Q1results.", ("8%", "March 2024"), ("#Q1results",)),
    # Version numbers
    Example("version", "Install version 2.5.1 today.", not_facts=("2.5.1",)),
    Example("version with v", "Upgrade to v2024.10 now.", not_facts=("v2024.10",)),
    Example("software versions", "It runs on Python 3.11 and iOS 17.2.", not_facts=("3.11", "17.2")),
    Example("release", "The release 2023.3 shipped.", not_facts=("2023.3",)),
    Example("version beside a year", "Upgrade to version 2024.1 in 2024.", ("2024",), ("2024.1",)),
    Example("version beside a percentage", "Version 2.5 raised sales 3.5%.", ("3.5%",), ("2.5",)),
    # Phone numbers
    Example("international phone", "Call +1 (555) 010-2024 today.", not_facts=("+1 (555) 010-2024",)),
    Example("phone beside a date", "Call 555-2019 before March 3, 2024.", ("March 3, 2024",), ("555-2019",)),
    Example("uk phone", "Ring 020 7946 0958 now.", not_facts=("020 7946 0958",)),
    Example("phone after tel.", "tel. 2024 5566", not_facts=("2024 5566",)),
    Example("phone with a country code", "Our desk, +44 20 7946 0958, opened in 2019.", ("2019",),
            ("+44 20 7946 0958",)),
    Example("ip address", "The server at 192.168.20.11 failed in 2024.", ("2024",), ("192.168.20.11",)),
    # Product and reference codes
    Example("sku", "SKU 2024-0031 is out of stock.", not_facts=("2024-0031",)),
    Example("sku with a quarter", "SKU Q3-2024 is new.", not_facts=("Q3-2024",)),  # was "Q3"
    Example("isbn", "ISBN 978-3-16-148410-0", not_facts=("978-3-16-148410-0",)),
    Example("order number", "Your order #12-2024 shipped.", not_facts=("#12-2024",)),
    Example("order no.", "Order no. 2024-17 shipped in March.", ("March",), ("2024-17",)),
    Example("flight", "I took flight BA2019 to London.", not_facts=("BA2019",)),
    Example("aircraft code", "The A320neo costs $110 million.", ("$110 million",), ("A320neo",)),
    Example("aircraft", "A Boeing 737-800 landed.", not_facts=("737-800",)),
    Example("model", "The model X-2000 sells well.", not_facts=("X-2000",)),
    Example("model beside a year", "Our model X-2000 went on sale in 2000.", ("2000",), ("X-2000",)),
    Example("ticket", "See ticket INC-2024-1123.", not_facts=("INC-2024-1123",)),
    Example("reference", "$ref: 2019/44", not_facts=("2019/44",)),
]

# Real facts that look like codes: they stay, and the filter finds nothing in them.
FACTS = [
    Example("iso date in prose", "The deal closed on 2024-03-01, up 4%.", ("2024-03-01", "4%")),
    Example("date and percentage", "Sales rose on 2024-03-01 by 3.5%.", ("2024-03-01", "3.5%")),
    Example("fraction", "About 1/2 of revenue came from abroad."),
    Example("season of years", "Sales in 2023/24 rose 5%.", ("5%",)),
    Example("numeric date with slashes", "The 2016/09/14 meeting set a $5 million budget.",
            ("2016/09/14", "$5 million")),
    Example("fiscal span", "In 2024-25, sales rose 6%.", ("2024", "6%")),
    Example("amount range", "It will cost between 500-1000 million euros.", ("500-1000 million euros",)),
    Example("quarter of a fiscal year", "The Q3FY24 results beat forecasts.", ("FY24",)),
    Example("quarter code", "In FY2024-Q3 margins rose 2%.", ("FY2024-Q3", "2%")),
    Example("old newswire pound", "It paid #89.7 million in 1989.", ("#89.7 million", "1989")),
    Example("currency code and scale", "It raised EUR5bn in 2021.", ("EUR5bn", "2021")),
    Example("date in capitals", "MAR-15 2024 SALES ROSE 5 PERCENT", ("MAR-15", "5 PERCENT")),
    Example("flight as a word", "Flight delays rose 12% in 2019.", ("12%", "2019")),
    Example("call as a verb", "Analysts call 2024 a turning point; shares rose 3%.", ("3%",)),
    Example("product name", "Apple's iPhone 15 sold 5% more in 2024.", ("5%", "2024")),
    Example("list of years", "It rose 3% in 2019, 2020 and 2021.", ("3%", "2019", "2020", "2021")),
    Example("percentages per year", "Output grew 5%/year from 2010.", ("5%", "2010")),
    Example("around the clock", "A 24/7 service cost $3 million.", ("$3 million",)),
    Example("windows and a year", "Windows 10 reached 70% of PCs in 2023.", ("70%", "2023"), ("10",)),
]

EXAMPLES = [*ADDRESSES, *CODES, *FACTS]
_NUMBER = re.compile(r"[0-9]+")


@pytest.mark.parametrize("example", [case(row) for row in EXAMPLES])
def test_only_facts_stay(example: Example) -> None:
    assert tuple(m.text for m in extract(example.text, date(2020, 1, 1))) == example.kept


@pytest.mark.parametrize("example", [case(row) for row in [*CODES, *FACTS]])
def test_the_filter_names_each_not_fact(example: Example) -> None:
    """Each number of the sentence, asked about alone: the not-facts it sits in are the row's."""
    found: list[str] = []
    for number in _NUMBER.finditer(example.text):
        around = not_fact_around(example.text, number.start(), number.end())
        if around is not None and example.text[around.start:around.end] not in found:
            found.append(example.text[around.start:around.end])
    assert tuple(found) == example.not_facts


def test_every_kind_finds_a_row() -> None:
    kinds = {not_fact_around(row.text, m.start(), m.end()) for row in CODES for m in _NUMBER.finditer(row.text)}
    names = {k.kind for k in kinds if k is not None}
    assert names == {name for name, _ in SHAPES} | set(CUES) | {"phone number"}


def test_every_row_says_where_it_came_from() -> None:
    check_sources(EXAMPLES)


def test_long_and_many_addresses_cost_one_look_each() -> None:
    """A 120 KB query full of escapes and 50,000 e-mail addresses: each run of characters is
    looked at once, and the facts between them stay."""
    text = "/q?" + "%355" * 30_000 + " rose 5% " + "a@b.co " * 50_000
    assert [m.text for m in extract(text, date(2020, 1, 1))] == ["5%"]


@pytest.mark.parametrize("text", [
    "C:\\" + "a\\" * 30_000 + "2024 " + "x\\9" * 20_000,  # a path that never ends with a file name
    "/" + "a" * 60_000 + " in 2024 " + "/a" * 30_000 + ".x",  # a first segment that never reaches "/"
    "#" + "1" * 60_000 + " in 2024 " + "#1-" * 20_000,  # a hashtag without a letter
    "tel. " + "1 " * 30_000 + " in 2024 " + "+1 (" * 15_000,  # a phone number that never ends
    "version " + "2024." * 20_000 + " rose 5% " + "A1" * 30_000 + "aa",  # a dotted number, a code without end
    " ".join(["order #12-2024 rose 5% in 2024 at v2.0 " + "(555) 010-2024"] * 2_000),  # many mentions beside codes
])
def test_hostile_runs_cost_a_bounded_look_each(text: str) -> None:
    """Long runs that a naive pattern would backtrack through: each mention is looked at within a
    bounded reach of it, so the filter stays linear."""
    started = time.process_time()
    extract(text, date(2020, 1, 1))
    assert time.process_time() - started < 2.0
