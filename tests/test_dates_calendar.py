"""Calendar dates in informal and international formats (issue 21): numeric dates in either
order, day-month forms, weekday abbreviations and weekdays with their dates.

Decisions the rows record:
- "6/17" is month/day (US order); "17/06" day/month (17 cannot be a month); when both numbers
  could be months, the document's other numeric dates decide, else slashes read US and dots
  day-first ("15.01.2024"). Without a year, a numeric date needs a cue word before it ("on",
  "by", "from", a weekday): "3/4 of voters", "went 6/17", "24/7" are no dates.
- "Mar-15" is March 2015: the spreadsheet's month-year form ("15-Mar" is its day-month form).
- "the 14th" is a day of the reference month, only after "the" and a cue ("on the 14th").
- A weekday before a date belongs to its span. Without a written year it picks the year ("Fri,
  Jul 18" is the nearest Friday July 18); a written date that disagrees keeps its value.
- "last Tuesday" said on a Tuesday is the Tuesday before.
"""
from __future__ import annotations

from datetime import date

import pytest

from corpus import case, check_sources, observed
from date_rows import DUCKLING_NOW, REF, Date, Example, example, negative
from extractors.dates import extract_dates

REF_TUESDAY = date(2025, 7, 8)

NUMERIC = [
    example("month/day without a year", "The complaint was filed on 6/17.", Date("6/17", value="2025-06-17"),
            reference=REF, source="issue 21"),
    example("day/month without a year, the day above 12", "The shipment left Rotterdam on 17/06.",
            Date("17/06", value="2025-06-17"), reference=REF, source="issue 21"),
    example("a range of numeric dates", "The fair runs from 6/17 to 6/20.",
            Date("6/17", value="2025-06-17"), Date("6/20", value="2025-06-20"), reference=REF, source="issue 21"),
    example("weekday before a numeric date", "Sent: Tue 6/17/2025 9:14 AM",
            Date("Tue 6/17/2025", value="2025-06-17"), source="issue 21"),
    example("both could be months: US order", "The order was placed on 05/06/2025.",
            Date("05/06/2025", value="2025-05-06"), source="issue 21"),
    example("both could be months: the document's order",
            "The order was placed on 05/06/2025 and shipped on 17/06/2025.",
            Date("05/06/2025", value="2025-06-05"), Date("17/06/2025", value="2025-06-17"), source="issue 21"),
    example("the document's order without a year", "Bids opened on 21/05 and closed on 04/06.",
            Date("21/05", value="2025-05-21"), Date("04/06", value="2025-06-04"), reference=REF, source="issue 21"),
    example("year/month/day", "The filing, dated 2016/09/14, lists three owners.",
            Date("2016/09/14", value="2016-09-14"), source="issue 21"),
    example("year.month.day", "Posted 2024.01.15 by the press office.", Date("2024.01.15", value="2024-01-15"),
            source="issue 21"),
    example("year-month-day unpadded", "The trial began 2015-3-3.", Date("2015-3-3", value="2015-03-03"),
            source="duckling Time/EN/Corpus.hs"),
    example("month-day-year with hyphens", "The form was filed 07-15-2025 by the agent.",
            Date("07-15-2025", value="2025-07-15"), source="issue 21"),
    example("day-month-year with hyphens, the day above 12", "Dispatch note: shipped 15-07-2025.",
            Date("15-07-2025", value="2025-07-15"), source="issue 21"),
    example("day-first with dots", "The fee rises on 15.01.2024.", Date("15.01.2024", value="2024-01-15"),
            source="issue 21"),
    example("dots, month first when the day is above 12", "The policy was issued 10.31.1974.",
            Date("10.31.1974", value="1974-10-31"), source="duckling Time/EN/Corpus.hs"),
    example("day-month-year with hyphens", "Bids close on 30-Apr-2025.", Date("30-Apr-2025", value="2025-04-30"),
            source="issue 21"),
    example("day/month/year with slashes", "The deed was signed 31/Oct/1974.",
            Date("31/Oct/1974", value="1974-10-31"), source="duckling Time/EN/Corpus.hs"),
    example("Mar-15 is March 2015 (month-year, the spreadsheet form)",
            "Revenue peaked in Mar-15 and slipped after.",
            Date("Mar-15", value="2015-03", grain="month"), reference=REF, source="issue 21"),
    example("month-year with a four-digit year", "Output hit a low in Sep-2019.", Date("Sep-2019", value="2019-09"),
            source="issue 21"),
]

DAY_MONTH = [
    example("ordinal day, month in lower case", "Invoices went out on 2nd feb to all clients.",
            Date("2nd feb", value="2025-02-02"), reference=REF, source="issue 21"),
    example("the 14th, a day of the reference month", "We spoke with the auditors on the 3rd.",
            Date("the 3rd", value="2025-07-03"), reference=REF, source="issue 21"),
    example("by the 14th in a future sentence", "Payment is due by the 14th.",
            Date("the 14th", value="2025-07-14", mod="on_or_before"), reference=REF, source="issue 21"),
    example("the 14th already past in a future sentence", "The next payment is due on the 2nd.",
            Date("the 2nd", value="2025-08-02"), reference=REF, source="issue 21"),
    example("third of june", "The talks ended on the third of june.",
            Date("the third of june", value="2025-06-03"), reference=REF, source="issue 21"),
    example("ordinal word of month, year", "The statute took effect on the first of March, 2021.",
            Date("the first of March, 2021", value="2021-03-01"), source="issue 21"),
    example("a share of a month is no day", "A third of June's revenue came from exports.",
            Date("June", value="2025-06"), reference=REF, source="issue 21"),
    example("a month then an ordinal before a noun", "In January third parties sold the shares.",
            Date("January", value="2025-01"), reference=REF, source="issue 21"),
    example("month the day", "February the 15th", Date("February the 15th", value="2013-02-15"),
            reference=DUCKLING_NOW, source="duckling Time/EN/Corpus.hs"),
    example("month ordinal word", "March first", Date("March first", value="2013-03-01"),
            reference=DUCKLING_NOW, source="duckling Time/EN/Corpus.hs"),
    example("month ordinal word, year", "Trading resumed on March third, 2015.",
            Date("March third, 2015", value="2015-03-03"), source="duckling Time/EN/Corpus.hs"),
    example("headline in capitals: by the 14th", "PAYMENT IS DUE BY THE 14TH.",
            Date("THE 14TH", value="2025-07-14", mod="on_or_before"), reference=REF, source="issue 21"),
    example("headline in capitals: the third of june", "TALKS ENDED ON THE THIRD OF JUNE",
            Date("THE THIRD OF JUNE", value="2025-06-03"), reference=REF, source="issue 21"),
    example("minutes: weekday the day of month", "Minutes of the meeting held on Wednesday the 9th of July.",
            Date("Wednesday the 9th of July", value="2025-07-09"), reference=REF, source="issue 21"),
]

WEEKDAYS = [
    example("an abbreviation no word shares, without a cue", "See you Tues.", Date("Tues", value="2025-07-15"),
            reference=REF, source="issue 21"),
    example("chat: a weekday in lower case, 'see you' speaks of the future", "ok see you fri",
            Date("fri", value="2025-07-11"), reference=REF, source="issue 21"),
    example("tues after a cue", "The memo went out on tues.", Date("tues", value="2025-07-08"),
            reference=REF, source="issue 21"),
    example("chat: on thurs", "see u on thurs", Date("thurs", value="2025-07-10"), reference=REF,
            source="issue 21"),
    example("Weds after a cue", "The board met on Weds to approve it.", Date("Weds", value="2025-07-09"),
            reference=REF, source="issue 21"),
    example("next thu", "Let's meet next thu.", Date("next thu", value="2025-07-17"), reference=REF,
            source="issue 21"),
    example("by Fri. in capitals", "REPLY BY FRI. PLEASE",
            Date("FRI", value="2025-07-04", mod="on_or_before"), reference=REF,
            source="issue 21"),
    example("abbreviated weekday", "Wed, Aug 13, 2025", Date("Wed, Aug 13, 2025", value="2025-08-13"),
            source="issue 21"),
    example("a weekday that disagrees keeps the written date", "The notice is dated Thu, Aug 13, 2025.",
            Date("Thu, Aug 13, 2025", value="2025-08-13"), source="issue 21"),
    example("the weekday picks the year", "Fri, Jul 18", Date("Fri, Jul 18", value="2014-07-18"),
            reference=DUCKLING_NOW, source="duckling Time/EN/Corpus.hs"),
    example("weekday abbreviation, month day", "Mon, February 18", Date("Mon, February 18", value="2013-02-18"),
            reference=DUCKLING_NOW, source="duckling Time/EN/Corpus.hs"),
    example("e-mail reply line", "On Mon, Jun 16, 2025 at 9:02 AM, Dana wrote:",
            Date("Mon, Jun 16, 2025", value="2025-06-16"), source="issue 21"),
    example("wire copy: weekday, abbreviated month", "Stocks fell on Tuesday, Jan. 14.",
            Date("Tuesday, Jan. 14", value="2025-01-14"), reference=REF, source="issue 21"),
    example("the weekday picks the year of a day-month", "The gala is on Tuesday, the 14th of July.",
            Date("Tuesday, the 14th of July", value="2026-07-14"), reference=REF, source="issue 21"),
    example("wire copy in capitals", "MARKETS CLOSED ON WED, AUG 13, 2025",
            Date("WED, AUG 13, 2025", value="2025-08-13"), source="issue 21"),
    example("e-mail header", "Date: Wed, 13 Aug 2025 09:12:44 +0000",
            Date("Wed, 13 Aug 2025", value="2025-08-13"), source="issue 21"),
    example("weekday the day", "Tuesday the 19th", Date("Tuesday the 19th", value="2013-02-19"),
            reference=DUCKLING_NOW, source="duckling Time/EN/Corpus.hs"),
    example("weekday with a day: the nearest month it falls in", "The fair opened on Thu 15th.",
            Date("Thu 15th", value="2025-05-15"), reference=REF, source="issue 21"),
    example("last weekday said on that weekday", "The index peaked last Tuesday.",
            Date("last Tuesday", value="2013-02-05"), reference=DUCKLING_NOW, source="issue 21"),
    example("we met last Tuesday, on a Tuesday", "We met last Tuesday.", Date("last Tuesday", value="2025-07-01"),
            reference=REF_TUESDAY, source="issue 21"),
    example("last tues, on a Tuesday", "we met last tues", Date("last tues", value="2025-07-01"),
            reference=REF_TUESDAY, source="issue 21"),
    example("future weekday after 'set for'", "The vote is set for Friday.", Date("Friday", value="2025-07-11"),
            reference=REF, source="issue 20"),
    example("weekday of the reference day stays", "Stocks slid on Tuesday.", Date("Tuesday", value="2025-07-08"),
            reference=REF_TUESDAY, source="issue 21"),
]

CALENDAR = [*NUMERIC, *DAY_MONTH, *WEEKDAYS]

CALENDAR_NEGATIVES = [
    negative("fraction", "Nearly 3/4 of voters backed the plan.", source="issue 21"),
    negative("shooting stat", "She went 6/17 from the field.", source="issue 21"),
    negative("ratio", "Voters split 5/4 on the measure.", source="issue 21"),
    negative("share after 'by'", "Costs were cut by 1/3.", source="issue 21"),
    negative("shares after 'from' and 'to'", "The stake rose from 1/4 to 1/3.", source="issue 21"),
    negative("24/7 after a cue", "Nurses are on 24/7 rotations.", source="issue 21"),
    negative("version number", "Upgrade to release 2.10.4 first.", source="issue 21"),
    negative("phone number", "Call 020 7946 0958 or 555-0199 for details.", source="issue 21"),
    negative("the 14th floor", "Offices on the 14th floor were evacuated.", source="issue 21"),
    negative("finished 14th", "The runner finished 14th in the race.", source="issue 21"),
    negative("Mar-a-Lago", "Guests arrived at Mar-a-Lago.", source="issue 21"),
    negative("the Sun", "She writes for the Sun on politics.", source="issue 21"),
    negative("wed, the verb", "The couple wed on a beach in Bali.", source="issue 21"),
    negative("sat, the verb", "The chairman sat on the panel for years.", source="issue 21"),
    negative("Sat without a cue", "Students who Sat the exam passed.", source="issue 21"),
]


@pytest.mark.parametrize("example", [case(e) for e in [*CALENDAR, *CALENDAR_NEGATIVES]])
def test_calendar_dates(example: Example) -> None:
    found = extract_dates(example.sentence, example.reference)
    assert observed(found, example.found, Date) == list(example.found), [m.rule for m in found]


def test_every_row_says_where_it_came_from() -> None:
    check_sources([*CALENDAR, *CALENDAR_NEGATIVES])
