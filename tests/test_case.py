"""Facts in capitals and in lower case: every sentence of the test tables, case-mapped, gives the
mentions it gives in mixed case (but for the few rows below, where case alone decides), and
nothing where a vocabulary word is a common word ("may", "march", "sun", "try"). Dates are read
through extractors/dates/truecase.py; amounts and percentages read their words in any case."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import case, observed
from date_rows import REF, REF_2017, Date, Example, example, negative
from extractors import extract, extract_amounts, extract_percentages
from extractors.dates import extract_dates
from extractors.dates.truecase import truecase
from extractors.fastscan import index_lower
from flows.evaluation import case_mapped
from test_amounts import EXAMPLES as AMOUNT_ROWS
from test_dates import ALL_DATES, NEGATIVES
from test_percentages import EXAMPLES as PERCENTAGE_ROWS

CASES = [
    example("lower-case 'may' before 'from'", "exports grew 7.6% in may from a year earlier",
            Date("may", value="2025-05"), Date("a year earlier", value="2024-05"), reference=REF, source="issue 23"),
    example("lower-case month", "we meet again february 3, 2017", Date("february 3, 2017", value="2017-02-03"),
            source="issue 21"),
    example("lower-case month and day", "see you june 9", Date("june 9", value="2017-06-09"), reference=REF_2017,
            source="issue 21"),
    example("lower-case weekday", "can we talk on thursday?", Date("thursday", value="2025-07-10"), reference=REF,
            source="issue 21"),
    example("lower-case 'may' with a day", "the board meets may 12", Date("may 12", value="2025-05-12"),
            reference=REF, source="issue 21"),
    example("lower-case 'march' after 'since'", "prices have doubled since march.",
            Date("march", value="2025-03", mod="since"), reference=REF, source="issue 21"),
    example("lower-case 'may' after 'the end of'", "the firm has until the end of may to restructure.",
            Date("the end of may", value="2025-05", mod="end"), reference=REF, source="issue 23"),
    negative("modal 'may' after 'of'", "some of us may be late", source="issue 23"),
    example("lower-case abbreviated month after a day", "deadline is 2nd feb", Date("2nd feb", value="2017-02-02"),
            reference=REF_2017, source="issue 21"),
    example("lower-case quarter code", "profit rose in q2 2024", Date("q2 2024", value="2024-Q2"), source="issue 21"),
    example("lower-case fiscal year code", "targets for fy2026 stand", Date("fy2026", value="FY2026"),
            source="issue 21"),
    example("capitals", "ACME PROFIT UP IN THIRD QUARTER OF 2024",
            Date("THIRD QUARTER OF 2024", value="2024-Q3"), source="issue 21"),
    example("capitals: month, day and year", "THE NOTES MATURE ON MARCH 15, 2027.",
            Date("MARCH 15, 2027", value="2027-03-15"), source="issue 21"),
    example("capitals: relative", "SHARES FELL LAST WEEK", Date("LAST WEEK", value="2025-W27"), reference=REF,
            source="issue 21"),
    example("capitals: half code kept", "EXPORTS ROSE IN 1H 2025", Date("1H 2025", value="2025-H1"),
            source="issue 21"),
    example("capitals headline over mixed text", "RATES CLIMB IN MAY AS STOCKS SLIDE\nShares fell on Monday.",
            Date("MAY", value="2025-05"), Date("Monday", value="2025-07-07"), reference=REF, source="issue 21"),
    negative("modal 'may' in lower case", "this may take a while", source="issue 21"),
    negative("modal 'may' after 'in'", "what we do in may be enough", source="issue 21"),
    negative("verb 'march' in lower case", "they will march to the capital", source="issue 21"),
    negative("'sat' the verb", "we sat on the bench by the sea", source="issue 21"),
    negative("'sun' the star", "the sun rose over the bay", source="issue 21"),
    negative("modal 'MAY' in capitals", "THE COMPANY MAY SELL ASSETS", source="issue 21"),
    negative("a name in capitals", "THERESA MAY SAID NOTHING", source="issue 21"),
]


@pytest.mark.parametrize("example", [case(e) for e in CASES])
def test_dates_in_any_case(example: Example) -> None:
    found = extract_dates(example.sentence, example.reference)
    assert observed(found, example.found, Date) == list(example.found), [m.rule for m in found]


# Rows whose date is read in mixed case only, and why.
MIXED_CASE_ONLY = {
    "2013-03: March": "'march' alone, in one case, is as likely the verb",
    "a Labor Day sale": "after 'a', a holiday's name in one case may be a common noun ('a mother's day')",
}


@pytest.mark.parametrize("letter_case", ["upper", "lower"])
@pytest.mark.parametrize("example", [case(e) for e in [*ALL_DATES, *NEGATIVES] if e.id not in MIXED_CASE_ONLY])
def test_a_sentence_in_capitals_or_lower_case_gives_the_dates_of_mixed_case(example: Example, letter_case: str) -> None:
    sentence = case_mapped(example.sentence, letter_case)
    mixed = [(m.start, m.end, m.value, m.mod) for m in extract_dates(example.sentence, example.reference)]
    mapped = extract_dates(sentence, example.reference)
    assert [(m.start, m.end, m.value, m.mod) for m in mapped] == mixed
    assert all(m.text == sentence[m.start:m.end] for m in mapped)


# Amount rows read as written only, in the case given, and why.
AMOUNTS_AS_WRITTEN_ONLY = {
    ("try-code-mixed", "upper"): "'TRY' in capitals is also the word ('TRY 5 TIMES')",
    ("try-code-mixed", "lower"): "'try' is the word",
    ("zloty-sign", "upper"): "'ZŁ' is not how the zloty's sign is written",
    ("koruna-sign", "upper"): "'KČ' is not how the koruna's sign is written",
    ("koruna-sign", "lower"): "'kč' is not how the koruna's sign is written",
}


def _mentions(found: list) -> list[tuple]:
    return [(m.start, m.end, m.value, getattr(m, "currency", None), getattr(m, "unit", None), m.qualifier)
            for m in found]


@pytest.mark.parametrize("row, letter_case", [
    pytest.param(e, c, id=f"{e.id}-{c}") for e in AMOUNT_ROWS for c in ("upper", "lower")
    if not e.gap and (e.id, c) not in AMOUNTS_AS_WRITTEN_ONLY])
def test_a_sentence_in_capitals_or_lower_case_gives_the_amounts_of_mixed_case(row, letter_case: str) -> None:
    assert _mentions(extract_amounts(case_mapped(row.sentence, letter_case))) == _mentions(extract_amounts(row.sentence))


@pytest.mark.parametrize("letter_case", ["upper", "lower"])
@pytest.mark.parametrize("row", [case(e) for e in PERCENTAGE_ROWS if not e.gap])
def test_a_sentence_in_capitals_or_lower_case_gives_the_percentages_of_mixed_case(row, letter_case: str) -> None:
    found = extract_percentages(case_mapped(row.sentence, letter_case))
    assert _mentions(found) == _mentions(extract_percentages(row.sentence))


def test_the_wire_headline_of_issue_21_gives_all_three_facts() -> None:
    found = extract("ACME PROFIT UP 12 PERCENT TO $3.4 BILLION IN THIRD QUARTER OF 2024")
    assert [(m.type, m.text, str(m.value)) for m in found] == [
        ("percentage", "12 PERCENT", "12"), ("amount", "$3.4 BILLION", "3400000000"),
        ("date", "THIRD QUARTER OF 2024", "2024-Q3")]


def test_mixed_case_text_is_left_as_it_is() -> None:
    text = "Shares of ACME rose 3% on Monday, the NYSE said. U.S. GDP grew in Q3 2024."
    assert truecase(text) is text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*"aMmYyqQhHß1234 ,.\n-'", "may", "MAY", "march", "Sun", "FY", "fy", "q3", "JAN",
                                 "feb ", " 2024", "THE ", "in ", "ON ", "İ"])).map("".join))
def test_truecasing_changes_only_the_case_of_letters(text: str) -> None:
    cased = truecase(text)
    assert len(cased) == len(text) and index_lower(cased) == index_lower(text)
