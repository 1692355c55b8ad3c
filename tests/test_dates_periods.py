"""Parts of years, fiscal periods, relative dates and bare years (issue 21): sentences -> expected
dates, in the row format of tests/test_dates.py, whose rule check also reads this table."""
from __future__ import annotations

from datetime import date

import pytest

from corpus import case, check_sources, observed
from extractors.dates import extract_dates
from schemas.facts import TIMEX3_VALUE
from date_rows import DUCKLING_NOW, REF, Date, Example, example, negative

# Quarters and halves, of calendar and fiscal years.
QUARTERS = [
    example("abbreviated quarter", "Margins widened in the 2nd qtr, the retailer said.",
            Date("the 2nd qtr", value="2025-Q2", grain="quarter"), reference=REF, source="issue 21"),
    example("abbreviated quarter of a year", "Revenue in the 1st qtr of 2024 beat estimates.",
            Date("the 1st qtr of 2024", value="2024-Q1"), source="issue 21"),
    example("quarter code alone is the reference year's", "Margins improved in Q2.",
            Date("Q2", value="2025-Q2"), reference=REF, source="issue 21"),
    example("ordinal quarter, year", "4th quarter 2018", Date("4th quarter 2018", value="2018-Q4"),
            reference=DUCKLING_NOW, source="duckling Time/EN/Corpus.hs"),
    example("the ordinal quarter, year, in a sentence", "Earnings jumped in the fourth quarter 2018.",
            Date("the fourth quarter 2018", value="2018-Q4"), source="issue 21"),
    example("a count after a quarter is no year", "In the third quarter 2000 workers left the plant.",
            Date("the third quarter", value="2025-Q3"), reference=REF, source="issue 21"),
    example("the quarter that ends in a month", "Iron ore shipments rose 4% in the September quarter.",
            Date("the September quarter", value="2024-Q3", grain="quarter"), reference=date(2024, 10, 17),
            source="issue 23"),
    example("a quarter someone expects something to happen in is ahead", "The bank expects inflation to average 3.4% "
            "in the fourth quarter.", Date("the fourth quarter", value="2025-Q4"), reference=date(2025, 9, 18),
            source="issue 23"),
    example("a quarter a past expectation was for stays behind", "The bank had expected inflation to ease in the "
            "fourth quarter.", Date("the fourth quarter", value="2024-Q4"), reference=date(2025, 9, 18),
            source="issue 23"),
    example("a year before a company's figure", "The group now expects 2025 revenue of €8 billion.",
            Date("2025", value="2025"), source="issue 23"),
    example("a year's financial year", "Profit fell in the 2024 financial year.",
            Date("the 2024 financial year", value="FY2024", grain="fiscal_year"), source="issue 23"),
    example("a quarter of a year's financial year", "Bookings for the first quarter of the 2025 financial year rose.",
            Date("the first quarter of the 2025 financial year", value="FY2025-Q1"), source="issue 23"),
    example("the half that ends in a month", "Profit rose in the June half.",
            Date("the June half", value="2024-H1", grain="half"), reference=date(2024, 10, 17), source="issue 23"),
    example("a fiscal quarter's month stays a month", "Sales fell in the November quarter.",
            Date("November", value="2024-11"), reference=date(2024, 12, 17), source="issue 23"),
    example("months of a quarter", "Sales rose in the October-December quarter.",
            Date("the October-December quarter", value="2024-Q4", grain="quarter"), reference=REF, source="issue 21"),
    example("abbreviated months of a quarter, with a year", "Sales rose 4% in the Jan-Mar quarter of 2024.",
            Date("the Jan-Mar quarter of 2024", value="2024-Q1"), source="issue 21"),
    example("months of a quarter, year between", "Japan's economy shrank in the July-September 2024 quarter.",
            Date("the July-September 2024 quarter", value="2024-Q3"), source="issue 21"),
    example("the months of a half", "Net sales for January-June rose 9.1%.",
            Date("January-June", value="2025-H1", grain="half"), reference=REF, source="issue 23"),
    example("the months of a half, with a year", "Exports for July-December 2023 fell 2%.",
            Date("July-December 2023", value="2023-H2"), source="issue 23"),
    example("the months of a quarter", "Output in Jan-Mar grew 1.2%.",
            Date("Jan-Mar", value="2025-Q1", grain="quarter"), reference=REF, source="issue 23"),
    example("the first three months of the year", "It spent €1.2 billion in the first three months of the year.",
            Date("the first three months of the year", value="2025-Q1", grain="quarter"), reference=REF,
            source="issue 23"),
    example("the first six months of a year", "Profit for the first six months of 2024 doubled.",
            Date("the first six months of 2024", value="2024-H1", grain="half"), source="issue 23"),
    example("quarter of a fiscal year", "Sales fell in the third quarter of fiscal 2024.",
            Date("the third quarter of fiscal 2024", value="FY2024-Q3", grain="quarter"), source="issue 21"),
    example("half of a fiscal year", "Sales fell in the first half of fiscal 2025.",
            Date("the first half of fiscal 2025", value="FY2025-H1", grain="half"), source="ANNOTATION.md"),
    example("fiscal quarter without 'of'", "The chipmaker lost money in the fourth quarter fiscal 2023.",
            Date("the fourth quarter fiscal 2023", value="FY2023-Q4"), source="issue 21"),
    example("a quarter just ended, paid for in a sentence about the future", "The shipper will pay a dividend of "
            "$0.45 a share for the second quarter.", Date("the second quarter", value="2025-Q2"),
            reference=date(2025, 8, 14), source="issue 23"),
    example("a quarter ahead in a sentence about the future", "The shipper will take delivery of two vessels in "
            "the second quarter.", Date("the second quarter", value="2026-Q2"), reference=date(2025, 8, 14),
            source="issue 23"),
    example("a fiscal quarter without a year, reported weeks after it ended", "The software maker reported a 31% jump "
            "in cloud revenue for its fiscal fourth quarter on Thursday.",
            Date("fiscal fourth quarter", value="FY2024-Q4", grain="quarter"), Date("Thursday", value="2024-07-25"),
            reference=date(2024, 7, 25), source="issue 23"),
    example("a fiscal first quarter reported in the autumn is of the year ahead", "Fiscal first-quarter revenue at "
            "the chipmaker rose 9%.", Date("Fiscal first-quarter", value="FY2025-Q1"), reference=date(2024, 11, 20),
            source="issue 23"),
    example("quarter of last fiscal year", "Bookings slipped in the third quarter of last fiscal year.",
            Date("the third quarter of last fiscal year", value="FY2024-Q3"), reference=REF, source="issue 21"),
    example("a quarter in a text that says when its fiscal year ends", "Kestrel Foods, whose fiscal year ended "
            "March 31, said fourth-quarter profit rose 12%.", Date("March 31", value="2024-03-31"),
            Date("fourth-quarter", value="FY2024-Q4", grain="quarter"), reference=date(2024, 11, 20), source="issue 23"),
    example("a fiscal year named before the year it ends in", "The chain cut its forecast for fiscal 2024, which ends "
            "Jan. 31, 2025, after third-quarter sales fell.", Date("fiscal 2024", value="FY2024"),
            Date("Jan. 31, 2025", value="2025-01-31"), Date("third-quarter", value="FY2024-Q3", mod="after"),
            reference=date(2024, 11, 20), source="issue 23"),
    example("a span of years and the current year where fiscal years end in June", "The state's fiscal year ended "
            "June 30 with a surplus, after a deficit in 2023-24. It expects a deficit in the current fiscal year.",
            Date("June 30", value="2025-06-30"), Date("2023-24", value="FY2024"),
            Date("the current fiscal year", value="FY2026"), reference=date(2025, 9, 26), source="issue 23"),
    example("a past event in a fiscal quarter still under way is in the calendar's quarter", "Waiting lists for "
            "planned surgery grew 11% in the third quarter. The board expects a deficit for fiscal 2025, which ends in "
            "March.",
            Date("the third quarter", value="2024-Q3"), Date("fiscal 2025", value="FY2025"),
            Date("March", value="2025-03"), reference=date(2024, 11, 14), source="issue 23"),
    example("a fronted quarter before a past verb, still under way in the fiscal calendar", "Over the fourth "
            "quarter as a whole, group sales grew 3.1%. The chain expects savings in fiscal 2024, which ends in March.",
            Date("the fourth quarter", value="2023-Q4"), Date("fiscal 2024", value="FY2024"),
            Date("March", value="2024-03"), reference=date(2024, 1, 11), source="issue 23"),
    example("a fiscal year that ends in December is the calendar's", "The company's fiscal year ended Dec. 31, and "
            "fourth-quarter profit rose 12%.", Date("Dec. 31", value="2023-12-31"), Date("fourth-quarter", value="2024-Q4"),
            reference=date(2024, 11, 20), source="issue 23"),
    example("Q<n> FY<yy> and H<n> fiscal <year>", "Guidance for Q3 FY24 and H1 fiscal 2025 was cut.",
            Date("Q3 FY24", value="FY2024-Q3", rule="Q<n>/H<n> FY<year>"), Date("H1 fiscal 2025", value="FY2025-H1"),
            source="issue 21"),
    example("FY<year> Q<n>", "The FY2024 Q3 report and the FY25 H2 outlook were released.",
            Date("FY2024 Q3", value="FY2024-Q3", rule="FY<year> Q<n>/H<n>"), Date("FY25 H2", value="FY2025-H2"),
            source="issue 21"),
    # A fiscal year over two calendar years is named by the year it ends in, as the US government,
    # India, Australia and most companies name theirs ("FY2026": October 2025 to September 2026).
    example("fiscal year over two calendar years", "The budget for FY2025/26 was approved.",
            Date("FY2025/26", value="FY2026", grain="fiscal_year"), source="issue 21"),
    example("financial year over two calendar years", "Tax receipts for the 2024-25 financial year rose.",
            Date("the 2024-25 financial year", value="FY2025"), source="issue 21"),
    example("fiscal year with two digits each", "The council set rates for fiscal 24/25 on Monday.",
            Date("fiscal 24/25", value="FY2025"), Date("Monday", value="2025-07-07"), reference=REF, source="issue 21"),
    example("fiscal years as a range", "The plan covers fiscal 2021-2024.",
            Date("fiscal 2021", value="FY2021"), Date("2024", value="FY2024"), source="issue 21"),
    example("financial year <year>", "Profit for financial year 2024 was flat.",
            Date("financial year 2024", value="FY2024"), source="issue 21"),
    example("half of last fiscal year", "Costs rose in the first half of last fiscal year.",
            Date("the first half of last fiscal year", value="FY2024-H1"), reference=REF, source="issue 21"),
    example("half of FY<year>", "Margins held in the 1st half of FY2025.",
            Date("the 1st half of FY2025", value="FY2025-H1"), source="issue 21"),
    example("fiscal quarter in capitals", "SALES FELL IN THE THIRD QUARTER OF FISCAL 2024",
            Date("THE THIRD QUARTER OF FISCAL 2024", value="FY2024-Q3"), source="issue 21"),
    example("months of a quarter in lower case", "sales rose in the october-december quarter and in q3 fy24",
            Date("the october-december quarter", value="2024-Q4"), Date("q3 fy24", value="FY2024-Q3"),
            reference=REF, source="issue 21"),
]

# Dates relative to the reference date (or to the date last mentioned).
RELATIVE = [
    example("end of the month without 'the'", "rent is due end of the month",
            Date("end of the month", value="2025-07", mod="end"), reference=REF, source="issue 21"),
    example("the end of the week", "Sales slowed toward the end of the week.",
            Date("the end of the week", value="2025-W28", mod="end"), reference=REF, source="issue 20"),
    example("by the end of the week", "We will decide by the end of the week.",
            Date("the end of the week", value="2025-W28", mod="end", grain="week"), reference=REF, source="issue 21"),
    example("weekdays from now", "The shipment lands 2 Mondays from now.",
            Date("2 Mondays from now", value="2025-07-21", grain="day"), reference=REF, source="issue 21"),
    example("a week from today", "The shipment arrives a week from today.",
            Date("a week from today", value="2025-07-17"), reference=REF, source="issue 21"),
    example("months from now", "The vote is three months from now.",
            Date("three months from now", value="2025-10", grain="month"), reference=REF, source="issue 21"),
    example("in a week", "The shipment arrives in a week.", Date("a week", value="2025-07-17", grain="day"),
            reference=REF, source="issue 21"),
    example("in two weeks", "Results are due in two weeks.", Date("two weeks", value="2025-07-24"),
            reference=REF, source="issue 21"),
    example("in <n> days", "ok, i'll send it in 3 days", Date("3 days", value="2025-07-13"), reference=REF,
            source="issue 21"),
    example("in a fortnight's time", "The panel will report in a fortnight's time.",
            Date("a fortnight's time", value="2025-07-24"), reference=REF, source="issue 21"),
    example("a year from now", "Prices may be higher a year from now.", Date("a year from now", value="2026"),
            reference=REF, source="issue 21"),
    example("in a month's time", "The plant reopens in a month's time.",
            Date("a month's time", value="2025-08", grain="month"), reference=REF, source="issue 21"),
    example("relative dates in capitals", "THE SHIPMENT ARRIVES IN A WEEK, 2 MONDAYS FROM NOW.",
            Date("A WEEK", value="2025-07-17"), Date("2 MONDAYS FROM NOW", value="2025-07-21"), reference=REF,
            source="issue 21"),
    example("in <n> years", "He will retire in two years.", Date("two years", value="2027", grain="year"),
            reference=REF, source="issue 21"),
    example("in a week, unresolved", "The shipment arrives in a week.", Date("a week", value="XXXX-XX-XX"),
            source="issue 21"),
    example("in a week after a reporting verb", "The company said the shipment arrives in a week.",
            Date("a week", value="2025-07-17"), reference=REF, source="issue 21"),
    example("the following week", "the following week", Date("the following week", value="2013-W08"),
            reference=DUCKLING_NOW, source="duckling Time/EN/Corpus.hs"),
    example("the following year after a year", "The plant opened in 2005; the following year it closed.",
            Date("2005", value="2005"), Date("the following year", value="2006"), reference=REF, source="issue 21"),
    example("the following Monday after a date", "Talks began on March 3, 2010, and resumed the following Monday.",
            Date("March 3, 2010", value="2010-03-03"), Date("the following Monday", value="2010-03-08"),
            reference=REF, source="issue 21"),
    example("decade in words", "The brand was popular in the nineties.", Date("the nineties", value="199"),
            source="issue 20"),
    example("decades in words with parts", "Prices rose in the late eighties and fell in the mid-nineties.",
            Date("the late eighties", value="198", mod="end", grain="decade"),
            Date("the mid-nineties", value="199", mod="mid"), source="issue 21"),
]

# Years without a preposition before them that plainly are years.
BARE_YEARS = [
    example("bare year as subject", "2009 was a hard year.", Date("2009", value="2009"), source="issue 21"),
    example("year as subject after 'and'", "Orders fell in 2008, and 2009 proved worse.",
            Date("2008", value="2008"), Date("2009", value="2009"), source="issue 21"),
    example("year in parentheses", "The study (2010) found no effect.", Date("2010", value="2010"),
            source="issue 21"),
    example("the <year> season", "He starred in the 2009 season.", Date("2009", value="2009"), source="issue 21"),
    example("around a year", "The mine opened around 1890.", Date("1890", value="1890", mod="approx"),
            source="issue 20"),
    example("in around a year", "The family settled in around 1890 in Ohio.",
            Date("1890", value="1890", mod="approx"), source="issue 21"),
    example("year range with a hyphen", "Sales fell in 2019-2021.", Date("2019", value="2019"),
            Date("2021", value="2021"), source="issue 20"),
    example("its <year> <noun>", "The bank cut its 2026 growth forecast to 1.1%.", Date("2026", value="2026"),
            source="issue 23"),
    example("the <adjective> <year> <noun>", "Ministers approved the draft 2027 budget.", Date("2027", value="2027"),
            source="issue 23"),
    example("a <adjective> <year> <noun>", "The airline posted a record 2024 profit.", Date("2024", value="2024"),
            source="issue 23"),
    example("for <year> on a day", "Halvard reported a 38% drop in net profit for 2023 on Thursday.",
            Date("2023", value="2023"), Date("Thursday", value="2025-07-10"), reference=REF, source="issue 23"),
    example("for <year> of a figure", "Ashgrove now expects operating profit for 2023 of £280-300 million.",
            Date("2023", value="2023"), source="issue 23"),
    example("for <year> is", "Operating profit for 2025 is seen at $2 billion.", Date("2025", value="2025"),
            source="issue 23"),
    example("for <year> by", "The bank cut its oil forecast for 2026 by 6%.", Date("2026", value="2026"),
            source="issue 23"),
    example("over <year> as a whole", "Rents should rise 3% over 2026 as a whole.", Date("2026", value="2026"),
            source="issue 23"),
]

PERIOD_NEGATIVES = [
    negative("count of employees", "The firm has 2000 employees.", source="issue 21"),
    negative("count of votes", "He won 2009 votes in the district.", source="issue 21"),
    negative("room number", "She stayed in room 2010.", source="issue 21"),
    negative("a further count", "The group will add a further 2000 jobs.", source="issue 23"),
    negative("its roughly count", "Its roughly 2000 staff were told.", source="issue 23"),
    negative("over a count that were", "Over 2000 were hired.", source="issue 23"),
    negative("the worst day in a year is a span", "The peso slid 2%, on course for its worst day in a year.",
             source="issue 23"),
    negative("the best month in a year is a span", "It was the best month in a year for car sales.", source="issue 23"),
    negative("an index named with a number", "The Russell 2000 index fell 1%.", source="issue 23"),
    negative("an index in lower case", "the russell 2000 index fell 1%.", source="issue 23"),
    # A model year names the car, as "Boeing 747" names the plane (ANNOTATION.md: numbers in names).
    negative("model year", "He drove a 1990 Ford to work.", source="issue 21"),
    negative("count as a plural subject", "2000 were hired, and 1500 left.", source="issue 21"),
    negative("range of counts", "Between 1500-2000 workers left.", source="issue 21"),
    negative("level after 'around'", "The index closed around 2100.", source="issue 21"),
    negative("decade word as an age", "She is in her fifties.", source="issue 21"),
    negative("span of time in the past", "The tickets sold out in a week.", source="issue 21"),
    negative("record over a span", "It was the biggest drop in a week.", source="issue 21"),
    negative("an ordinal over a span", "The bank cut its rate to 5.25%, its third reduction in five months.",
             source="issue 23"),
    negative("first time in a span", "Shares rose for the first time in two weeks.", source="issue 21"),
    negative("capacity in a span", "It can be built in a day.", source="issue 21"),
    negative("change over a span", "The index is sliding 300 points in one day.", source="issue 21"),
    negative("a week of", "Traders brace for news in a week of heavy trading.", source="issue 21"),
    negative("half of a game", "The striker scored in the first half of the match.", source="issue 21"),
]

PERIODS = [*QUARTERS, *RELATIVE, *BARE_YEARS]
EXAMPLES = [*PERIODS, *PERIOD_NEGATIVES]


@pytest.mark.parametrize("example", [case(e) for e in EXAMPLES])
def test_periods(example: Example) -> None:
    found = extract_dates(example.sentence, example.reference)
    assert observed(found, example.found, Date) == list(example.found), [m.rule for m in found]


@pytest.mark.parametrize("value", sorted({d.value for e in PERIODS for d in e.found}))
def test_values_validate(value: str) -> None:
    assert TIMEX3_VALUE.match(value), value


def test_fiscal_parts_have_no_calendar_interval() -> None:
    (part,) = extract_dates("Sales fell in the third quarter of fiscal 2024.", date(2025, 7, 10))
    assert (part.grain, part.start_date, part.end_date) == ("quarter", None, None)


def test_every_row_says_where_it_came_from() -> None:
    check_sources(EXAMPLES)
