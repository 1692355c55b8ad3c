"""Temporal focus (extractors/dates/focus.py): dates that refer back to a period the text named,
the reporting period of business news and the scene of a narrative (issue 21). Rows as in
tests/test_dates.py; a row that gives a `rule` checks that the focus pass set the value."""
from __future__ import annotations

from datetime import date

import pytest

from corpus import case, check_sources, observed
from extractors.dates import extract_dates
from date_rows import Date, Example, example, negative

NOW = date(2013, 3, 14)  # a Thursday: an article of March 2013 about events of 2012
MONDAY = date(2013, 3, 11)

REPORTING = [
    example("in the quarter", "Acme earned $5 million in the third quarter. In the quarter, sales rose 8%.",
            Date("the third quarter", value="2012-Q3"),
            Date("the quarter", value="2012-Q3", rule="the quarter (focus)"),
            reference=NOW, source="issue 21"),
    example("the quarter of a named year", "Revenue hit $2 billion in Q3 2024, and in the quarter margins widened.",
            Date("Q3 2024", value="2024-Q3"), Date("the quarter", value="2024-Q3"), reference=NOW,
            source="issue 21"),
    example("the quarter of a fiscal year",
            "Sales rose in the first quarter of fiscal 2024. In the quarter, costs fell.",
            Date("the first quarter of fiscal 2024", value="FY2024-Q1"), Date("the quarter", value="FY2024-Q1"),
            reference=NOW, source="issue 21"),
    example("the quarter, nothing named", "Profit rose in the quarter, the bank said.",
            Date("the quarter", value="2013-QX", rule="the quarter"), reference=NOW, source="ANNOTATION.md"),
    example("the quarter, no reference date", "Profit rose in the quarter.", Date("the quarter", value="XXXX-QX"),
            source="ANNOTATION.md"),
    example("for the month", "Sales rose 2% in January. Analysts had forecast 3% growth for the month.",
            Date("January", value="2013-01"), Date("the month", value="2013-01", rule="the quarter (focus)"),
            reference=NOW, source="issue 23"),
    example("for the full year", "Sales fell in the fourth quarter. For the full year, they rose 4%.",
            Date("the fourth quarter", value="2012-Q4"), Date("the full year", value="2012"), reference=NOW,
            source="issue 23"),
    example("the full fiscal year", "Profit rose in the third quarter of fiscal 2012. For the full year it fell.",
            Date("the third quarter of fiscal 2012", value="FY2012-Q3"), Date("the full year", value="FY2012"),
            reference=NOW, source="issue 23"),
    example("the month, not a baseline's",
            "Sales rose 5% in March. Margins were 12%, compared with 9% in March 2012. Costs fell during the month.",
            Date("March", value="2013-03"), Date("March 2012", value="2012-03"),
            Date("the month", value="2013-03", rule="the quarter (focus)"), reference=NOW, source="issue 23"),
    example("a quarter, not in a baseline's year",
            "Margins were 31%, compared with 28% in 2011 as a whole. For the first quarter, it expects growth.",
            Date("2011", value="2011"), Date("the first quarter", value="2013-Q1"), reference=NOW,
            source="issue 23"),
    negative("the month, nothing named", "Prices fell during the month, the agency said.", reference=NOW,
             source="issue 23"),
    negative("the full year, nothing named", "For the full year, the group expects growth.", reference=NOW,
             source="issue 23"),
    example("on the month: a change's basis, no date", "Output fell 1.1% in January. Car output rose 2.4% on the "
            "month, and steel output was up 3% on the quarter.", Date("January", value="2013-01"), reference=NOW,
            source="issue 23"),
    example("the half", "Profit fell in the first half. Sales in the half were flat.",
            Date("the first half", value="2013-H1"), Date("the half", value="2013-H1"), reference=NOW,
            source="issue 21"),
    example("the year-ago quarter",
            "Acme earned $5 million in the third quarter, up from $4 million in the year-ago quarter.",
            Date("the third quarter", value="2012-Q3"),
            Date("the year-ago quarter", value="2011-Q3", rule="the year-ago quarter (focus)"), reference=NOW,
            source="issue 21"),
    example("the year-earlier period, fiscal",
            "Profit in fiscal 1989 rose to $80 million from the year-earlier period.",
            Date("fiscal 1989", value="FY1989"), Date("the year-earlier period", value="FY1988"), source="issue 21"),
    example("the comparable period last year", "Revenue in Q3 2024 was flat against the comparable period last year.",
            Date("Q3 2024", value="2024-Q3"), Date("the comparable period last year", value="2023-Q3"),
            reference=NOW, source="issue 21"),
    example("the prior-year quarter", "Orders in the second quarter of 2010 doubled from the prior-year quarter.",
            Date("the second quarter of 2010", value="2010-Q2"), Date("the prior-year quarter", value="2009-Q2"),
            source="issue 21"),
    example("the year-ago quarter, nothing named", "Margins beat the year-ago quarter.",
            Date("the year-ago quarter", value="2012-QX", rule="the year-ago quarter"), reference=NOW,
            source="issue 21"),
    example("the latest quarter", "Revenue rose in the fourth quarter. Costs fell in the latest quarter.",
            Date("the fourth quarter", value="2012-Q4"), Date("the latest quarter", value="2012-Q4"),
            reference=NOW, source="issue 21"),
    example("the latest half alone", "Costs fell in the latest half.",
            Date("the latest half", value="2012-H2"), reference=NOW, source="issue 21"),
    example("a baseline is no reporting period", "Sales in the third quarter rose 5% from a year ago. In the "
            "quarter, costs fell.", Date("the third quarter", value="2012-Q3"), Date("a year ago", value="2011-Q3"),
            Date("the quarter", value="2012-Q3"), reference=NOW, source="issue 21"),
    example("the latest quarter alone", "Costs fell in the most recent quarter.",
            Date("the most recent quarter", value="2012-Q4", rule="the latest quarter"), reference=NOW,
            source="issue 21"),
    example("a year earlier, the quarter", "Acme earned $5 million in the third quarter, up 8% from a year earlier.",
            Date("the third quarter", value="2012-Q3"),
            Date("a year earlier", value="2011-Q3", rule="a year earlier (focus)"), reference=NOW, source="issue 21"),
    example("a year earlier, the month",
            "Car sales fell 30% in January. One maker reported a 20% drop from a year earlier.",
            Date("January", value="2013-01"), Date("a year earlier", value="2012-01"), reference=NOW,
            source="meantime-dev 120578_Automobile_sales_in_the_United_States_down_sharply.txt"),
    example("a year earlier in a narrative", "The firm was founded in 1998. A year earlier, its founder left a bank.",
            Date("1998", value="1998"), Date("A year earlier", value="1997"), source="issue 21"),
    example("a quarter earlier", "Sales in the third quarter rose 4% from a quarter earlier.",
            Date("the third quarter", value="2012-Q3"), Date("a quarter earlier", value="2012-Q2"), reference=NOW,
            source="issue 21"),
    example("a month earlier, the month", "Petrol cost 145.2 pence a litre in February, against 148.6 pence a month "
            "earlier.", Date("February", value="2013-02"), Date("a month earlier", value="2013-01"), reference=NOW,
            source="issue 23"),
    example("a month earlier, nothing named", "Prices were 2% higher than a month earlier.",
            Date("a month earlier", value="2013-02", rule="a year earlier"), reference=NOW, source="issue 23"),
    example("two quarters earlier", "Sales rose in the third quarter, and fell two quarters earlier.",
            Date("the third quarter", value="2012-Q3"), Date("two quarters earlier", value="2012-Q1"), reference=NOW,
            source="issue 23"),
    example("two years earlier", "The mill closed in 2009. Two years earlier, it had cut 300 jobs.",
            Date("2009", value="2009"), Date("Two years earlier", value="2007"), reference=NOW, source="issue 21"),
    example("a year earlier, nothing named", "Sales rose 3% from a year earlier.",
            Date("a year earlier", value="2012", rule="a year earlier"), reference=NOW, source="issue 21"),
    example("a year ago with the quarter", "Sales in the third quarter rose 5% from a year ago.",
            Date("the third quarter", value="2012-Q3"),
            Date("a year ago", value="2011-Q3", rule="<count> <unit>s ago (focus)"), reference=NOW, source="issue 21"),
    example("the same quarter last year, said later", "Sales rose in the third quarter. The firm said on Monday "
            "that costs were lower than in the same quarter last year.",
            Date("the third quarter", value="2012-Q3"), Date("Monday", value="2013-03-11"),
            Date("the same quarter last year", value="2011-Q3"), reference=NOW, source="issue 21"),
    example("the same period after the quarter", "Sales rose in the third quarter. In the quarter, costs beat "
            "the same period last year.", Date("the third quarter", value="2012-Q3"),
            Date("the quarter", value="2012-Q3"), Date("the same period last year", value="2011-Q3"), reference=NOW,
            source="issue 21"),
    example("the same period after an unknown quarter",
            "Profit rose in the quarter, up from the same period last year.",
            Date("the quarter", value="2013-QX"), Date("the same period last year", value="2012"), reference=NOW,
            source="issue 21"),
    example("the period after a month", "Sales fell 12% in October. Costs fell during the period.",
            Date("October", value="2012-10"), Date("the period", value="2012-10"), reference=NOW,
            source="issue 21"),
]

NARRATIVE = [
    example("an expectation with a long subject speaks of the future", "Economists expect food prices across the "
            "country to rise by 1.5% in the final quarter.", Date("the final quarter", value="2025-Q4"),
            reference=date(2025, 9, 18), source="issue 23"),
    example("a year in a reduced relative after 'adopted' sets no scene", "The dividend, equal to 80% of net profit "
            "under a policy adopted in 2022, compares with 35 cents paid for the first quarter.",
            Date("2022", value="2022"), Date("the first quarter", value="2025-Q1"), reference=date(2025, 8, 14),
            source="issue 23"),
    example("projections speak of the future", "Staff projections put inflation at 2.9% in the fourth quarter.",
            Date("the fourth quarter", value="2025-Q4"), reference=date(2025, 8, 20), source="issue 23"),
    example("a baseline's quarter in a sentence about the future is behind", "Carriers will earn $21 billion in the "
            "second quarter, against $3.5 billion in the first quarter.",
            Date("the second quarter", value="2024-Q2"), Date("the first quarter", value="2024-Q1"),
            reference=date(2024, 6, 14), source="issue 23"),
    example("a baseline's month after a later day is behind", "Net debt rose to £642 million at June 30 from £598 "
            "million at the end of December.", Date("June 30", value="2024-06-30"),
            Date("the end of December", value="2023-12", mod="end"), reference=date(2024, 9, 10), source="issue 23"),
    example("a half named with its year is the one its repeat names", "The plant lost €74 million in the first "
            "half of 2023. Losses totalled €131 million in 2022. Power cost €118 a megawatt hour in the first "
            "half.",
            Date("the first half of 2023", value="2023-H1"), Date("2022", value="2022"),
            Date("the first half", value="2023-H1", rule="the <ordinal> half [of <year>] (focus)"),
            reference=date(2023, 12, 5), source="issue 23"),
    example("a baseline year 'against' sets no scene", "Power cost €118 a megawatt hour this year, against €41 in "
            "2021. In October, Madrid offered aid.", Date("this year", value="2023"), Date("2021", value="2021"),
            Date("October", value="2023-10"), reference=date(2023, 12, 5), source="issue 23"),
    example("a quarter ahead brings the text back to the present", "Losses totalled €131 million in 2022. The group "
            "will book charges in the fourth quarter, including severance. Madrid offered aid in October.",
            Date("2022", value="2022"), Date("the fourth quarter", value="2023-Q4"), Date("October", value="2023-10"),
            reference=date(2023, 12, 5), source="issue 23"),
    example("in August, scene set in 2012", "The strike began in 2012. In August, the union walked out again.",
            Date("2012", value="2012"), Date("August", value="2012-08", rule="<month> (focus)"), reference=NOW,
            source="issue 21"),
    example("month day and that day",
            "In 2012 the mine flooded. On August 3 the pumps failed, and that day the owners quit.",
            Date("2012", value="2012"), Date("August 3", value="2012-08-03"),
            Date("that day", value="2012-08-03", rule="that day (focus)"), reference=NOW, source="issue 21"),
    example("the quarter of the scene", "The plant opened in 2010. In the third quarter, it made its first profit.",
            Date("2010", value="2010"), Date("the third quarter", value="2010-Q3"), reference=NOW, source="issue 21"),
    example("scene from a month and year", "In March 2012 the bank failed. In November, its owners were charged.",
            Date("March 2012", value="2012-03"), Date("November", value="2012-11"), reference=NOW, source="issue 21"),
    example("scene without a reference date", "In 2012 the firm lost money. In February it cut jobs.",
            Date("2012", value="2012"), Date("February", value="2012-02"), source="issue 21"),
    example("the same day", "Shares fell on Monday. The same day, bonds rallied.",
            Date("Monday", value="2013-03-11"), Date("The same day", value="2013-03-11"), reference=NOW,
            source="issue 21"),
    example("the same day last year after that day", "Shares fell on Monday. That day, bonds beat the same day "
            "last year.", Date("Monday", value="2013-03-11"), Date("That day", value="2013-03-11"),
            Date("the same day last year", value="2012-03-11"), reference=NOW, source="issue 21"),
    example("that same day", "The bill passed on June 4, 2011, and that same day the governor signed it.",
            Date("June 4, 2011", value="2011-06-04"), Date("that same day", value="2011-06-04"), source="issue 21"),
    example("the weekend of a named Saturday", "The riots began on Saturday, March 9. Over the weekend, 40 people "
            "were arrested.", Date("Saturday, March 9", value="2013-03-09"),
            Date("the weekend", value="2013-W10-WE", rule="the weekend (focus)"), reference=NOW, source="issue 21"),
    example("over the weekend, past", "Shares fell sharply over the weekend.",
            Date("the weekend", value="2013-W10-WE", rule="the weekend"), reference=NOW, source="issue 21"),
    example("over the weekend, future", "Talks will resume over the weekend.", Date("the weekend", value="2013-W11-WE"),
            reference=NOW, source="issue 21"),
    example("over the weekend, said on a Monday", "Police made 40 arrests over the weekend.",
            Date("the weekend", value="2013-W10-WE"), reference=MONDAY, source="issue 21"),
    example("future month takes the next one", "The firm lost money in 2012. It will open a new plant in February.",
            Date("2012", value="2012"), Date("February", value="2014-02"), reference=NOW, source="issue 21"),
]

# A month that must keep the year the document's date gives it, and phrases that are no date.
KEEPS = [
    example("no scene", "The board met in October.", Date("October", value="2012-10"), reference=NOW,
            source="issue 21"),
    example("scene in the reference year", "Sales in 2013 have been weak. In November, the firm cut prices.",
            Date("2013", value="2013"), Date("November", value="2012-11"), reference=NOW, source="issue 21"),
    example("since a year sets no scene", "Output has grown since 2010. In February, the plant added a shift.",
            Date("2010", value="2010", mod="since"), Date("February", value="2013-02"), reference=NOW,
            source="issue 21"),
    example("the end of the month named, in the past", "Home prices fell 1.1% in January. The median price stood "
            "at $410,000 at the end of the month.", Date("January", value="2013-01"),
            Date("the end of the month", value="2013-01", mod="end"), reference=NOW, source="issue 23"),
    example("the end of this month, ahead", "Output fell in January. The plant reopens at the end of the month.",
            Date("January", value="2013-01"), Date("the end of the month", value="2013-03", mod="end"),
            reference=NOW, source="issue 23"),
    example("a month's baseline is no month named", "Retail sales rose 0.6% in February from January. Clothing led "
            "the gain in the month.", Date("February", value="2013-02"), Date("January", value="2013-01"),
            Date("the month", value="2013-02"), reference=NOW, source="issue 23"),
    example("a quarter after a fiscal quarter is of its fiscal year", "Profit rose 8% in the third quarter of "
            "fiscal 2013, after a loss in the second quarter.",
            Date("the third quarter of fiscal 2013", value="FY2013-Q3"), Date("the second quarter", value="FY2013-Q2"),
            reference=NOW, source="issue 23"),
    example("a since clause's year sets no scene", "Fares rose 5%, the first rise since the line opened in 2009. "
            "In February, ridership fell.", Date("2009", value="2009"), Date("February", value="2013-02"),
            reference=NOW, source="issue 23"),
    example("a baseline after from sets no scene", "Sales fell 14% from July 2011 to 1,912 units. In February, "
            "prices fell.", Date("July 2011", value="2011-07"), Date("February", value="2013-02"), reference=NOW,
            source="issue 23"),
    example("a baseline figure's year sets no scene", "The share rose to 48% in 2012 from 41% in 2011. In the fourth "
            "quarter, output fell.", Date("2012", value="2012"), Date("2011", value="2011"),
            Date("the fourth quarter", value="2012-Q4"), reference=NOW, source="issue 23"),
    example("a year in a reduced relative clause sets no scene", "Prices fell 4%, erasing the 19% gain recorded in "
            "2010. In February, rents rose.", Date("2010", value="2010"), Date("February", value="2013-02"),
            reference=NOW, source="issue 23"),
    example("a year in a name sets no scene", "The 2010 season was poor. In February, the club hired a coach.",
            Date("2010", value="2010"), Date("February", value="2013-02"), reference=NOW, source="issue 21"),
    example("back to the present", "In 2012 the firm lost money. Last week it hired 200 people, and in February "
            "it cut prices.", Date("2012", value="2012"), Date("Last week", value="2013-W10"),
            Date("February", value="2013-02"), reference=NOW, source="issue 21"),
    example("a future sentence after the scene", "The company was founded in 2001, and in May it will list its shares.",
            Date("2001", value="2001"), Date("May", value="2013-05"), reference=NOW, source="issue 21"),
    example("a target year is no scene", "Deliveries start in January 2014. First flight is set for early March.",
            Date("January 2014", value="2014-01"), Date("early March", value="2013-03", mod="start"), reference=NOW,
            source="meantime-dev 4764_Boeing_unveils_long-range_777.txt"),
    example("a year ago, nothing in its sentence", "Profit rose in the third quarter. Sales are up from a year ago.",
            Date("the third quarter", value="2012-Q3"), Date("a year ago", value="2012"), reference=NOW,
            source="issue 21"),
    negative("the period, nothing named", "Nothing was decided during the period.", source="issue 21"),
    negative("the half, nothing named", "Profit in the half fell.", source="issue 21"),
    negative("a year before an event", "The plant closed a year before the crisis.", source="issue 21"),
    negative("earlier than", "The rally came a year earlier than expected.", source="issue 21"),
    negative("that day, nothing named", "I will never forget that day.", source="issue 21"),
    negative("same-day", "Its same-day delivery service grew.", source="issue 21"),
    negative("a quarter of", "The town lay a quarter of a mile away, and residents of the quarter protested.",
             source="issue 21"),
    negative("the weekend, generic", "The weekend was quiet, and the mall opens at weekends.", source="issue 21"),
    negative("year-ago levels", "Prices stayed above the year-ago levels.", source="issue 21"),
]

FOCUS_DATES = [*REPORTING, *NARRATIVE, *[row for row in KEEPS if row.found]]
FOCUS_EXAMPLES: list[Example] = [*REPORTING, *NARRATIVE, *KEEPS]


@pytest.mark.parametrize("example", [case(e) for e in FOCUS_EXAMPLES])
def test_focus(example: Example) -> None:
    found = extract_dates(example.sentence, example.reference)
    assert observed(found, example.found, Date) == list(example.found), [m.rule for m in found]


def test_every_row_says_where_it_came_from() -> None:
    check_sources(FOCUS_EXAMPLES)
