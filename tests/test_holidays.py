"""Holidays as dates (issue 21): a corpus of sentences -> the holiday's day, with and without a
year and a reference date, and the sentences where a holiday's name is no date
(extractors/dates/holidays.py says why each is decided so). The days come from the `holidays`
package; KNOWN_DAYS checks them against days taken by hand from calendars and history.
"""
from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from corpus import case, check_sources, observed
from extractors.dates import extract_dates
from extractors.dates.holidays import HOLIDAYS, PHRASINGS
from date_rows import REF, REF_2004, REF_2017, Date, Example, example, negative

REF_2016 = date(2016, 5, 2)

HOLIDAY_DATES = [
    example("Thanksgiving, before", "Retailers hired extra staff before Thanksgiving.",
            Date("Thanksgiving", value="2004-11-25", mod="before", rule="<holiday> [<year>]"), reference=REF_2004,
            source="issue 21"),
    example("Thanksgiving unresolved", "Retailers hired extra staff before Thanksgiving.",
            Date("Thanksgiving", value="XXXX-11-XX", mod="before"), source="issue 21"),
    example("Thanksgiving 2023", "Air travel set a record at Thanksgiving 2023.",
            Date("Thanksgiving 2023", value="2023-11-23", rule="<holiday> [<year>]"), source="issue 21"),
    example("Christmas Day 2024", "Stores close on Christmas Day 2024.",
            Date("Christmas Day 2024", value="2024-12-25", grain="day"), source="ANNOTATION.md"),
    example("Christmas Day, 2024", "Stores closed on Christmas Day, 2024, for the first time.",
            Date("Christmas Day, 2024", value="2024-12-25"), source="issue 21"),
    example("Christmas unresolved", "The plant will reopen after Christmas.",
            Date("Christmas", value="XXXX-12-25", mod="after"), source="issue 21"),
    example("Christmas in the coming months", "The plant will reopen after Christmas.",
            Date("Christmas", value="2025-12-25", mod="after"), reference=REF, source="issue 21"),
    example("Christmas said in February is the last one", "Sales were weak at Christmas.",
            Date("Christmas", value="2016-12-25"), reference=REF_2017, source="issue 21"),
    example("on Christmas Day", "Few shops opened on Christmas Day.", Date("Christmas Day", value="2016-12-25"),
            reference=REF_2017, source="issue 21"),
    example("Christmas Eve", "Trading ends early on Christmas Eve.", Date("Christmas Eve", value="XXXX-12-24"),
            source="issue 21"),
    example("New Year's Eve", "The index hit a record on New Year's Eve.",
            Date("New Year's Eve", value="2016-12-31"), reference=REF_2017, source="issue 21"),
    example("New Year's Day", "Shops were shut on New Year’s Day.", Date("New Year’s Day", value="2017-01-01"),
            reference=REF_2017, source="issue 21"),
    example("Easter Monday", "Markets in London were closed on Easter Monday.",
            Date("Easter Monday", value="2025-04-21"), reference=REF, source="issue 21"),
    example("over Easter", "Chocolate sales slowed over Easter.", Date("Easter", value="2025-04-20"),
            reference=REF, source="issue 21"),
    example("Easter unresolved", "Chocolate sales slowed over Easter.", Date("Easter", value="XXXX-XX-XX"),
            source="issue 21"),
    example("Good Friday", "Good Friday fell in March this year.", Date("Good Friday", value="2016-03-25"),
            Date("March this year", value="2016-03"), reference=REF_2016, source="issue 21"),
    example("Labor Day", "Congress returns after Labor Day.", Date("Labor Day", value="2004-09-06", mod="after"),
            reference=REF_2004, source="issue 21"),
    example("Independence Day", "Fireworks lit up the sky on Independence Day.",
            Date("Independence Day", value="2025-07-04"), reference=REF, source="issue 21"),
    example("Boxing Day", "Crowds packed the malls on Boxing Day.", Date("Boxing Day", value="2016-12-26"),
            reference=REF_2017, source="issue 21"),
    example("Memorial Day, future", "The pool will open on Memorial Day.", Date("Memorial Day", value="2017-05-29"),
            reference=REF_2017, source="issue 21"),
    example("Memorial Day unresolved", "The pool will open on Memorial Day.",
            Date("Memorial Day", value="XXXX-05-XX"), source="issue 21"),
    example("Black Friday", "Black Friday deals drew long lines.", Date("Black Friday", value="2004-11-26"),
            reference=REF_2004, source="issue 21"),
    example("Martin Luther King Jr. Day", "Banks were closed for Martin Luther King Jr. Day.",
            Date("Martin Luther King Jr. Day", value="2017-01-16"), reference=REF_2017, source="issue 21"),
    example("MLK Day", "Markets reopen after MLK Day.", Date("MLK Day", value="2017-01-16", mod="after"),
            reference=REF_2017, source="issue 21"),
    example("Veterans Day", "The parade marks Veterans Day.", Date("Veterans Day", value="2004-11-11"),
            reference=REF_2004, source="issue 21"),
    example("Halloween", "Candy sales peaked before Halloween.", Date("Halloween", value="2004-10-31", mod="before"),
            reference=REF_2004, source="issue 21"),
    example("the Fourth of July", "The fair runs through the Fourth of July.",
            Date("the Fourth of July", value="2025-07-04"), reference=REF, source="issue 21"),
    example("July 4th is a date already", "Shops shut on July 4th.", Date("July 4th", value="2025-07-04"),
            reference=REF, source="issue 21"),
    example("Presidents' Day", "Car dealers advertise on Presidents' Day.",
            Date("Presidents' Day", value="2017-02-20"), reference=date(2017, 2, 1), source="issue 21"),
    example("St. Patrick's Day", "Pubs were full on St. Patrick's Day.", Date("St. Patrick's Day", value="2025-03-17"),
            reference=REF, source="issue 21"),
    example("Cyber Monday", "Online orders doubled on Cyber Monday.", Date("Cyber Monday", value="2004-11-29"),
            reference=date(2004, 12, 3), source="issue 21"),
    example("Canada Day", "Ottawa hosts a concert on Canada Day.", Date("Canada Day", value="2025-07-01"),
            reference=REF, source="issue 21"),
    example("Anzac Day", "Dawn services were held on Anzac Day.", Date("Anzac Day", value="2025-04-25"),
            reference=REF, source="issue 21"),
    example("Juneteenth", "Federal offices closed for Juneteenth.", Date("Juneteenth", value="2025-06-19"),
            reference=REF, source="issue 21"),
    example("a Labor Day sale", "The chain ran a Labor Day sale.", Date("Labor Day", value="2004-09-06"),
            reference=REF_2004, source="issue 21"),
    example("last Christmas", "Demand was weaker than last Christmas.", Date("last Christmas", value="2024-12-25"),
            reference=REF, source="issue 21"),
    example("next Easter", "The park will reopen by next Easter.",
            Date("next Easter", value="2026-04-05", mod="on_or_before"), reference=REF, source="issue 21"),
    example("lower case", "we shut on christmas day and reopen after thanksgiving",
            Date("christmas day", value="XXXX-12-25"), Date("thanksgiving", value="XXXX-11-XX", mod="after"),
            source="issue 21"),
    example("capitals", "RETAILERS BRACE FOR BLACK FRIDAY", Date("BLACK FRIDAY", value="2004-11-26"),
            reference=REF_2004, source="issue 21"),
    example("the holiday weekend", "Traffic peaked over the Labor Day weekend.",
            Date("the Labor Day weekend", value="2025-W35-WE", grain="weekend"), reference=date(2025, 9, 3),
            source="issue 21"),
    example("a holiday, the day", "Trading was thin during the US Thanksgiving holiday.",
            Date("Thanksgiving", value="2004-11-25"), reference=REF_2004, source="issue 21"),
    example("Christmas morning", "The store burned down on Christmas morning.", Date("Christmas", value="2016-12-25"),
            reference=REF_2017, source="issue 21"),
    example("after a sentence ending in a capital", "Stores shut early in the US. Christmas was quiet.",
            Date("Christmas", value="2016-12-25"), reference=REF_2017, source="issue 21"),
    example("without apostrophe", "Fireworks are banned on New Years Eve.", Date("New Years Eve", value="XXXX-12-31"),
            source="issue 21"),
    example("a day as it was then", "The parade was held on Memorial Day 1968.",
            Date("Memorial Day 1968", value="1968-05-30"), source="issue 21"),
    example("a fixed day before the package keeps it", "Crowds gathered in Galveston on Juneteenth 2019.",
            Date("Juneteenth 2019", value="2019-06-19"), source="issue 21"),
    example("a fixed day in a reference year before the package keeps it", "Few firms closed on Juneteenth.",
            Date("Juneteenth", value="2019-06-19"), reference=date(2019, 7, 1), source="issue 21"),
    example("a moving day after the years the package keeps", "The lease ends at Thanksgiving 2150.",
            Date("Thanksgiving 2150", value="2150-11-XX"), source="issue 21"),
    example("a moving day in a reference year the package has none for", "Banks closed for Martin Luther King Day.",
            Date("Martin Luther King Day", value="XXXX-01-XX"), reference=date(1980, 3, 1), source="issue 21"),
]

HOLIDAY_NEGATIVES = [
    negative("festival as a modifier: sales", "Christmas sales rose sharply.", source="issue 21"),
    negative("a season is not a day", "Retailers count on the Christmas season.", source="issue 21"),
    negative("Easter egg", "The game hides an Easter egg in its menu.", source="issue 21"),
    negative("black Friday for markets", "It was a black Friday for markets.", source="issue 21"),
    negative("Independence Day, the film", "Independence Day, the film, was a hit.", source="issue 21"),
    negative("Thanksgiving dinner", "The family sat down to Thanksgiving dinner.", source="issue 21"),
    negative("a greeting", "Merry Christmas to all our readers.", source="issue 21"),
    negative("a treaty", "The Good Friday Agreement ended decades of conflict.", source="issue 21"),
    negative("a place", "Flights to Christmas Island resumed.", source="issue 21"),
    negative("an airline", "China Eastern raised its fares.", source="issue 21"),
    negative("another country's day", "India's Independence Day was marked with parades.", source="issue 21"),
    negative("a quoted title", "“Halloween” topped the box office.", source="issue 21"),
    negative("a generic day", "For many parents a mother's day starts at dawn.", source="issue 21"),
]

HOLIDAYS_TABLE = [*HOLIDAY_DATES, *HOLIDAY_NEGATIVES]


@pytest.mark.parametrize("example", [case(e) for e in HOLIDAYS_TABLE])
def test_holidays(example: Example) -> None:
    found = extract_dates(example.sentence, example.reference)
    assert observed(found, example.found, Date) == list(example.found), [m.rule for m in found]


def test_every_row_says_where_it_came_from() -> None:
    check_sources(HOLIDAYS_TABLE)


# Days of each holiday as calendars and history give them (not the package: a check of it),
# modern and, where a holiday's rule changed, old: "Thanksgiving 1941" was the third Thursday,
# Memorial Day was May 30 and Veterans Day in October (1971-1977) before the Monday holiday law.
KNOWN_DAYS = {
    "New Year's Day": ("2025-01-01", "2000-01-01"),
    "Martin Luther King Jr. Day": ("1986-01-20", "2017-01-16", "2025-01-20"),  # 1986: its first
    "Australia Day": ("2025-01-26",),
    "Waitangi Day": ("2025-02-06",),
    "Valentine's Day": ("2025-02-14",),
    "Washington's Birthday": ("2017-02-20", "2025-02-17"),
    "Saint Patrick's Day": ("2025-03-17",),
    "Mardi Gras": ("2004-02-24", "2025-03-04"),
    "Ash Wednesday": ("2004-02-25", "2025-03-05"),
    "Palm Sunday": ("2004-04-04", "2025-04-13"),
    "Holy Thursday": ("2004-04-08", "2025-04-17"),
    "Good Friday": ("1865-04-14", "1998-04-10", "2025-04-18"),  # Lincoln shot; the Good Friday Agreement
    "Easter Saturday": ("2025-04-19",),
    "Easter Sunday": ("1916-04-23", "2016-03-27", "2025-04-20"),
    "Easter Monday": ("1916-04-24", "2025-04-21"),  # the Easter Rising began on Easter Monday
    "Pentecost": ("2004-05-30", "2025-06-08"),
    "Whit Monday": ("2004-05-31", "2025-06-09"),
    "Anzac Day": ("2025-04-25",),
    "Mother's Day": ("1914-05-10", "2025-05-11"),  # 1914: the first, by proclamation
    "Victoria Day": ("2004-05-24", "2025-05-19"),
    "Memorial Day": ("1968-05-30", "2017-05-29", "2025-05-26"),
    "Father's Day": ("2025-06-15",),
    "Juneteenth National Independence Day": ("2025-06-19",),
    "Canada Day": ("2025-07-01",),
    "Independence Day": ("1976-07-04",),
    "Labor Day": ("2004-09-06", "2025-09-01"),
    "Columbus Day": ("2004-10-11", "2025-10-13"),
    "Halloween": ("2025-10-31",),
    "Veterans Day": ("1975-10-27", "2004-11-11"),
    "Remembrance Day": ("2025-11-11",),
    "Thanksgiving Day": ("1941-11-20", "2004-11-25", "2023-11-23"),
    "Day After Thanksgiving": ("2004-11-26", "2023-11-24"),
    "Cyber Monday": ("2005-11-28", "2023-11-27"),  # 2005: the day the name was coined for
    "Christmas Eve": ("2025-12-24",),
    "Christmas Day": ("1914-12-25", "2024-12-25"),
    "Boxing Day": ("2025-12-26",),
    "Saint Stephen's Day": ("2025-12-26",),
    "New Year's Eve": ("1999-12-31",),
}


def test_every_holiday_has_known_days() -> None:
    assert set(KNOWN_DAYS) == set(HOLIDAYS)


@pytest.mark.parametrize("name", sorted(KNOWN_DAYS))
def test_the_rule_gives_the_known_days(name: str) -> None:
    """A holiday's first phrasing and a year in a sentence ("Easter Monday 1916") give the known day."""
    phrase = (name, *PHRASINGS.get(name, ()))[name == "Day After Thanksgiving"]  # written "Black Friday"
    for day in KNOWN_DAYS[name]:
        said = f"{phrase} {day[:4]}"
        found = extract_dates(f"The offices were closed on {said}.", None)
        assert [(m.text, m.value) for m in found] == [(said, day)], name


def test_the_package_is_imported_only_when_a_holiday_is_read() -> None:
    """Importing the extractors stays cheap: `holidays` comes in with the first holiday's day."""
    probe = ("import sys; from extractors.dates import extract_dates; print('holidays' in sys.modules); "
             "extract_dates('Sales rose in May.', None); print('holidays' in sys.modules); "
             "extract_dates('Stores shut on Christmas Day 2024.', None); print('holidays' in sys.modules)")
    run = subprocess.run([sys.executable, "-c", probe], cwd=Path(__file__).resolve().parents[1], capture_output=True,
                         text=True, check=True)
    assert run.stdout.split() == ["False", "False", "True"]
