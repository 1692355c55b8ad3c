"""Date extraction: a corpus of sentences -> expected mentions (TIMEX3 value, mod; grain and rule
where they matter), each row saying where it came from.

Sources are as tests/corpus.py says. Reference dates are fixed: extractors never read the clock.
One parametrized test runs every table; known gaps run as strict xfails.
"""
from __future__ import annotations

from datetime import date
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import case, check_every_rule_fires, check_sources, observed
from date_rows import DUCKLING_NOW, REF, REF_2004, REF_2017, Date, Example, example, examples, negative
from extractors.dates import date_rules, extract_dates
from extractors.dates.focus import FOCUS
from schemas.facts import TIMEX3_VALUE
from test_dates_calendar import CALENDAR, CALENDAR_NEGATIVES
from test_dates_periods import PERIOD_NEGATIVES, PERIODS
from test_focus import FOCUS_DATES, FOCUS_EXAMPLES
from test_holidays import HOLIDAY_DATES, HOLIDAYS_TABLE

# The cases issue 3 lists, and dates the seed and the dev set write.
CASES = [
    example("day month year", "The accord was signed on 3 July 2025 in Baku.",
            Date("3 July 2025", value="2025-07-03"), source="issue 3"),
    example("month day unresolved", "The presidents toured the region on July 3.",
            Date("July 3", value="XXXX-07-03"), source="seed article"),
    example("month day resolved", "The presidents toured the region on July 3.",
            Date("July 3", value="2025-07-03"), reference=REF, source="seed article"),
    example("a plan that was had is no future", "The deficit was twice what it had planned for, accounts published on "
            "Wednesday show.", Date("Wednesday", value="2025-06-11"), reference=date(2025, 6, 12), source="issue 23"),
    example("a year after 'ended'", "The trust ended 2024 with a deficit.", Date("2024", value="2024"),
            source="issue 23"),
    example("month day after ended is past", "The club's loss narrowed in the year, which ended on June 30.",
            Date("June 30", value="2024-06-30"), reference=date(2025, 3, 28), source="issue 23"),
    example("month day after ends is ahead", "The fiscal year ends on June 30, the company said.",
            Date("June 30", value="2025-06-30"), reference=date(2024, 11, 14), source="issue 23"),
    example("month day, year", "Trading resumed on July 3, 2025, after a pause.",
            Date("July 3, 2025", value="2025-07-03"), source="original table"),
    example("zero-padded day", "Shares closed higher\nMarch 01, 2008\nThe deal was announced.",
            Date("March 01, 2008", value="2008-03-01"),
            source="meantime-dev 100911_Northrop_Grumman_and_Airbus_parent_EADS_defeat_Boeing.txt"),
    example("weekday, month day, year", "Markets opened late on Tuesday, March 3, 2010.",
            Date("Tuesday, March 3, 2010", value="2010-03-03"), source="original table"),
    example("Q3 2024", "Revenue grew 8% in Q3 2024 on strong demand.", Date("Q3 2024", value="2024-Q3"),
            source="issue 3"),
    example("2024 Q3", "The 2024 Q3 results beat forecasts.", Date("2024 Q3", value="2024-Q3"), source="issue 3"),
    example("the third quarter resolved", "Profit fell in the third quarter, the bank said.",
            Date("the third quarter", value="2025-Q3"), reference=REF, source="issue 3"),
    example("the third quarter unresolved", "Profit fell in the third quarter, the bank said.",
            Date("the third quarter", value="XXXX-Q3"), source="issue 3"),
    example("fourth quarter before it starts is last year's",
            "Foreclosures rose in the fourth quarter, lenders reported.",
            Date("the fourth quarter", value="2006-Q4"), reference=date(2007, 3, 13),
            source="meantime-dev 62405_Sub-prime_lenders_send_jitters_through_global_markets.txt"),
    example("the third quarter of this year", "Deposits shrank in the third quarter of this year.",
            Date("the third quarter of this year", value="2009-Q3"), reference=date(2009, 10, 16),
            source="meantime-dev 141483_Bank_of_America_reports_losses.txt"),
    example("the first half of 2025", "Exports rose 12% in the first half of 2025.",
            Date("the first half of 2025", value="2025-H1"), source="seed article"),
    example("H1 2025", "Sales in H1 2025 topped estimates.", Date("H1 2025", value="2025-H1"), source="issue 3"),
    example("fiscal 2025", "The company expects growth in fiscal 2025.", Date("fiscal 2025", value="FY2025"),
            source="issue 3"),
    example("FY2025", "Guidance for FY2025 was raised.", Date("FY2025", value="FY2025"), source="issue 3"),
    example("the 1990s", "Output has not been this low since the 1990s.",
            Date("the 1990s", value="199", mod="since"), source="issue 3"),
    example("the '90s", "The brand was popular in the '90s.", Date("the '90s", value="199"), source="issue 3"),
    example("the late 1980's", "In the late 1980's the firm expanded.",
            Date("the late 1980's", value="198", mod="end"), source="meantime-dev 37313_Beatles_Apple_Corps.txt"),
    example("mid-2026", "The plant should open by mid-2026.", Date("mid-2026", value="2026", mod="mid"),
            source="issue 3"),
    example("early June", "Dealers were told to close by early June.",
            Date("early June", value="2025-06", mod="start"), reference=REF, source="issue 3"),
    example("late 2024", "The merger closed in late 2024.", Date("late 2024", value="2024", mod="end"),
            source="issue 3"),
    example("last year unresolved", "The treaty was signed in Tashkent last year.", Date("last year", value="XXXX"),
            source="seed article"),
    example("last year resolved", "The treaty was signed in Tashkent last year.", Date("last year", value="2024"),
            reference=REF, source="seed article"),
    example("late last year", "Talks stalled late last year.", Date("late last year", value="2024", mod="end"),
            reference=REF, source="original table"),
    example("next month", "The first aircraft will arrive next month.", Date("next month", value="2025-08"),
            reference=REF, source="issue 3"),
    example("last Tuesday", "The index peaked last Tuesday.", Date("last Tuesday", value="2025-07-08"),
            reference=REF, source="issue 3"),
    example("bare weekday is the last one", "Pre-orders began Tuesday.", Date("Tuesday", value="2025-07-08"),
            reference=REF, source="meantime-dev 191597_Apple_swamped_by_iPhone.txt"),
    example("on Monday", "The board met on Monday to approve the plan.", Date("Monday", value="2025-07-07"),
            reference=REF, source="original table"),
    example("weekday of the reference day", "Stocks rallied on Thursday.", Date("Thursday", value="2025-07-10"),
            reference=REF, source="original table"),
    example("future weekday", "Hearings are set to open on Wednesday.", Date("Wednesday", value="2006-03-29"),
            reference=date(2006, 3, 28), source="meantime-dev 37313_Beatles_Apple_Corps.txt"),
    example("a month after a past verb in the last stretch of a future sentence is behind", "The minister said "
            "the state would borrow more next year, and that yields, which climbed in June, stayed high.",
            Date("next year", value="2026"), Date("June", value="2025-06"), reference=REF, source="issue 23"),
    example("a month in the stretch of the future verb is ahead", "Last year, the firm said it would open a store in "
            "June.", Date("Last year", value="2024"), Date("June", value="2026-06"), reference=REF, source="issue 23"),
    example("weekday unresolved", "The board met on Monday.", Date("Monday", value="XXXX-XX-XX"),
            source="original table"),
    example("yesterday", "The founder died yesterday, the company said.", Date("yesterday", value="2025-07-09"),
            reference=REF, source="meantime-dev 287096_Apple_Inc_co_founder.txt"),
    example("said today", "The carmaker said today that it would cut jobs.", Date("today", value="2025-07-10"),
            reference=REF, source="original table"),
    example("today announced", "The airline today announced new routes.", Date("today", value="2025-07-10"),
            reference=REF, source="meantime-dev 127576_Apple_launches_new.txt"),
    example("earlier today", "The index was up, after a drop earlier today.",
            Date("earlier today", value="2025-07-10"), reference=REF,
            source="meantime-dev 114565_Worldwide_markets_fall_precipitously.txt"),
    example("this year", "The shares have gained 15 percent this year.", Date("this year", value="2025"),
            reference=REF, source="meantime-dev 191597_Apple_swamped_by_iPhone.txt"),
    example("this weekend", "The recall was announced this weekend.",
            Date("this weekend", value="2010-W04-WE", grain="weekend"), reference=date(2010, 1, 25),
            source="meantime-dev 149731_Technical_problem_on_Airbus_A400M_maiden_flight.txt"),
    example("last week", "Jobless claims rose last week.", Date("last week", value="2025-W27"), reference=REF,
            source="meantime-dev 112579_Dow_falls_340_points_amid_unemployment_and_retail_sales_rates_news.txt"),
    example("last summer", "The plant flooded last summer.", Date("last summer", value="2024-SU"), reference=REF,
            source="issue 3"),
    example("since 2019", "Prices have doubled since 2019.", Date("2019", value="2019", mod="since"),
            source="issue 3"),
    example("by 2030", "The partners aim for $1 billion in trade by 2030.",
            Date("2030", value="2030", mod="on_or_before"), source="seed article"),
    example("in 2022", "Cargo volume doubled in 2022, officials said.", Date("2022", value="2022"),
            source="seed article"),
    example("In 2022, at sentence start", "In 2022, cargo volume doubled.", Date("2022", value="2022"),
            source="seed article"),
    example("between 2008 and 2010", "Output fell between 2008 and 2010.",  # a range is one date for each end
            Date("2008", value="2008"), Date("2010", value="2010"), source="issue 3"),
    example("mm/dd/yy", "The policy lapsed on 12/31/68 without notice.", Date("12/31/68", value="1968-12-31"),
            source="issue 3"),
    example("month alone takes the reference year", "Workers rejected the offer in October.",
            Date("October", value="2004-10"), reference=REF_2004,
            source="meantime-dev 1173_Internal_emails_expose_Boeing-Air_Force_contract_discussions.txt"),
    example("since a later month is last year's", "Bonds just had their worst week since November.",
            Date("week", value="2009-W11", rule="best <unit> since"), Date("November", value="2008-11", mod="since"),
            reference=date(2009, 3, 13),
            source="meantime-dev 122475_US_stock_markets_have_their_best_week_since_November.txt"),
    example("years ended, a list", "Net income for the years ended December 31, 2016, 2015 and 2014 rose.",
            Date("December 31, 2016", value="2016-12-31"), Date("2015", value="2015-12-31"),
            Date("2014", value="2014-12-31"), source="issue 3"),
    example("a year ago", "Sales are up from a year ago.", Date("a year ago", value="2016"), reference=REF_2017,
            source="original table"),
    example("the same period last year", "Deliveries climbed 20% in February against the same period last year.",
            Date("February", value="2010-02"), Date("the same period last year", value="2009-02"),
            reference=date(2010, 3, 3), source="meantime-dev 160257_Ford_US_auto_sales_spike.txt"),
    example("the same period last year, alone", "Costs were flat against the same period last year.",
            Date("the same period last year", value="2016"), reference=REF_2017,
            source="meantime-dev 160257_Ford_US_auto_sales_spike.txt"),
    example("day month, nearest year", "The prototype first flew on 11 December.",
            Date("11 December", value="2009-12-11"), reference=date(2010, 1, 25),
            source="meantime-dev 149731_Technical_problem_on_Airbus_A400M_maiden_flight.txt"),
    example("the end of this year", "Two more factories will shut by the end of this year.",
            Date("the end of this year", value="2006", mod="end"), reference=date(2006, 1, 23),
            source="meantime-dev 31706_Ford_Motor_Company_cutting_30,000_jobs_by_2012.txt"),
    example("the past decade", "It was the third leave in the past decade.",
            Date("the past decade", value="200", grain="decade"), reference=date(2011, 1, 17),
            source="meantime-dev 238039_Apple_Inc_CEO_Steve.txt"),
    example("the 70s and 80s", "The show revives the music of the 70s and 80s.",
            Date("the 70s", value="197"), Date("80s", value="198"),
            source="meantime-dev 60086_Ford_Taurus_to_be_revived.txt"),
    example("the <year> <noun>", "The new pact supersedes the 1994 accord.", Date("1994", value="1994"),
            source="meantime-dev 60083_Apple_Corps_resolve.txt"),
    example("loss of <year>.", "The slide was the steepest drop of 2007.", Date("2007", value="2007"),
            source="meantime-dev 62405_Sub-prime_lenders_send_jitters_through_global_markets.txt"),
    example("a month of last year", "Compared with December last year, retail sales were up 3.3%.",
            Date("December last year", value="2024-12"), reference=REF, source="issue 23"),
    example("a month of this year and of next year", "Prices fell in January this year and will rise by June of next "
            "year.", Date("January this year", value="2025-01"), Date("June of next year", value="2026-06",
                                                                          mod="on_or_before"),
            reference=REF, source="issue 23"),
    example("May before last year", "Sales in May last year were the highest on record.",
            Date("May last year", value="2024-05"), reference=REF, source="issue 23"),
    example("month year", "Bond yields are at a low not seen since October 1997.",
            Date("October 1997", value="1997-10", mod="since"),
            source="meantime-dev 121416_US_stock_markets_fall_to_lowest_levels_since_1997.txt"),
    example("to end the day", "On Monday the index slipped 2% to end the day at 8,200.",
            Date("Monday", value="2009-02-23"), Date("the day", value="2009-02-23", rule="the day"),
            reference=date(2009, 2, 24),
            source="meantime-dev 121416_US_stock_markets_fall_to_lowest_levels_since_1997.txt"),
    example("the 20th century", "Car ownership spread in the 20th century.",
            Date("the 20th century", value="19", grain="century"), source="original table"),
    example("summer of 2024", "The line opened in the summer of 2024.", Date("the summer of 2024", value="2024-SU"),
            source="original table"),
    example("the previous year", "Orders fell 30% from the previous year.", Date("the previous year", value="2008"),
            reference=date(2009, 2, 3),
            source="meantime-dev 120578_Automobile_sales_in_the_United_States_down_sharply.txt"),
    example("two weeks ago", "The conference ended two weeks ago.", Date("two weeks ago", value="2010-06-02"),
            reference=date(2010, 6, 16), source="meantime-dev 191597_Apple_swamped_by_iPhone.txt"),
]

# One date, many ways of writing it (issue 20).
PHRASINGS = [
    *examples("2025-07-03", [
        "3 July 2025", "3rd July 2025", "3 July, 2025", "the 3rd of July 2025", "July 3, 2025", "July 3 2025",
        "July 3rd, 2025", "Jul. 3, 2025", "Jul 3, 2025", "JULY 3, 2025", "Thursday, July 3, 2025", "2025-07-03",
        "07/03/2025", "7/3/2025", "7/3/25",
    ], grain="day", frame="The accord was signed on {}.", source="issue 20"),
    *examples("2025-07", ["July 2025", "July of 2025", "July, 2025", "Jul. 2025"], grain="month",
              frame="Output peaked in {}.", source="issue 20"),
    *examples("2024-Q3", [
        "Q3 2024", "Q3 of 2024", "Q3 '24", "Q3'24", "3Q 2024", "3Q24", "2024 Q3", "the third quarter of 2024",
        "the 3rd quarter of 2024",
    ], grain="quarter", frame="Profit fell in {}.", source="issue 20"),
    *examples("2025-H1", [
        "the first half of 2025", "the 1st half of 2025", "H1 2025", "H1 '25", "H1'25", "1H 2025", "1H25", "2025 H1",
    ], grain="half", frame="Exports rose in {}.", source="issue 20"),
    *examples("FY2025", [
        "fiscal 2025", "fiscal year 2025", "fiscal '25", "FY2025", "FY 2025", "FY25", "FY '25", "2025 fiscal year",
        "the 2025 fiscal year",
    ], grain="fiscal_year", frame="Guidance for {} was raised.", source="issue 20"),
    *examples("2024-SU", ["summer 2024", "Summer 2024", "summer of 2024", "the summer of 2024"], grain="season",
              frame="The line opened in {}.", source="issue 20"),
    *examples("199", ["the 1990s", "the 1990's", "the '90s", "the 90s", "1990s"], grain="decade",
              frame="The brand was popular in {}.", source="issue 20"),
    *examples("19", ["the 20th century", "the twentieth century"], grain="century",
              frame="Car ownership spread in {}.", source="issue 20"),
    *examples("2024", ["early 2024", "the start of 2024", "the beginning of 2024", "the early part of 2024"],
              mod="start", frame="The merger closed in {}.", source="issue 20"),
    *examples("2026", ["mid-2026", "mid 2026", "the middle of 2026"], mod="mid",
              frame="The plant should open in {}.", source="issue 20"),
    *examples("2024", ["late 2024", "the end of 2024", "the close of 2024", "the latter part of 2024"],
              mod="end", frame="The merger closed in {}.", source="issue 20"),
    *examples("2025-07", ["the end of the month"], mod="end", grain="month", reference=REF,
              frame="Prices will rise by {}.", source="issue 20"),
    *examples("2025", ["the end of the year"], mod="end", grain="year", reference=REF,
              frame="Profit jumped at {}.", source="issue 20"),
    *examples("2025-Q3", ["the start of the quarter"], mod="start", grain="quarter", reference=REF,
              frame="Inflation eased at {}.", source="issue 20"),
]

# The same phrasings as duckling's corpus, under its "now" (its lower-case forms are issue 21's).
DUCKLING = [
    row
    for value, phrasings in {
        "2013-02-11": ["yesterday"],
        "2013-02-13": ["tomorrow", "next Wednesday"],
        "2013-02-10": ["last Sunday"],
        "2013-02-19": ["next Tuesday"],
        "2013-02-15": ["the 15th of February", "15 of February", "15th February", "February 15"],
        "2013-02-05": ["a week ago", "one week ago", "1 week ago"],
        "2013-01-22": ["three weeks ago"],
        "2013-W06": ["last week"],
        "2013-W07": ["this week"],
        "2013-W08": ["next week"],
        "2013-W06-WE": ["this past weekend"],
        "2013-01": ["last month"],
        "2013-03": ["next month", "March"],
        "2012-11": ["three months ago"],
        "2013-Q1": ["this quarter"],
        "2013-Q2": ["next quarter"],
        "2012": ["last year"],
        "2013": ["this year"],
        "2014": ["next year"],
        "2011": ["two years ago"],
        "2013-SU": ["this summer"],
        "2012-WI": ["this winter"],
        "2014-10": ["October 2014"],
        "2015-04-14": ["April 14, 2015"],
        "2015-03-03": ["March 3 2015", "March 3rd 2015", "3/3/2015", "3/3/15", "2015-03-03"],
    }.items()
    for row in examples(value, phrasings, reference=DUCKLING_NOW, source="duckling Time/EN/Corpus.hs")
]

# The words before a year that give its mod (ANNOTATION.md), and year cues that give none.
SIGNAL_WORDS = {
    "on_or_before": ["by", "no later than"], "before": ["before", "prior to", "ahead of"], "after": ["after"],
    "since": ["since"], "approx": ["circa"], None: ["in", "until", "through", "during", "throughout", "as of"],
}
SIGNALS = [
    example(f"{mod}: {word}", f"The rules change {word} 2030.", Date("2030", value="2030", mod=mod),
            source="ANNOTATION.md")
    for mod, words in SIGNAL_WORDS.items() for word in words
]

NEGATIVES = [
    negative("name with year", "Troops joined the “Anadolu-2025” exercises.", source="seed article"),
    negative("code with number", "Pay ABC 2000 before the deadline.", source="issue 3"),
    negative("count", "Officials reported 1500 cases in the region.", source="issue 3"),
    negative("time of day", "The session opened at 9:15 local time.", source="issue 3"),
    negative("four digits", "The index closed at 6005 points.", source="issue 3"),
    negative("modal may", "Analysts said prices may rise further.", source="issue 3"),
    negative("ordinal", "Leaders will attend the 17th summit of the group.", source="seed article"),
    negative("duration adjective", "The government unveiled a 10-year plan.", source="issue 3"),
    negative("duration", "The plant ran at a loss for three years.", source="ANNOTATION.md"),
    negative("vague", "Shares have recently fallen, and the future is uncertain.", source="issue 3"),
    negative("currently, now", "The firm is currently hiring and now employs 500 people.", source="ANNOTATION.md"),
    negative("around the clock", "Support is available 24/7 to customers.", source="original table"),
    negative("model number", "The Boeing 747 remains in service.", source="original table"),
    negative("generic today", "It is no coincidence that today the country is attractive to investors.",
             source="seed article"),
    negative("generic today at the end", "Ties have never been as close as they are today.", source="seed article"),
    negative("holiday name", "Markets recalled Black Monday with unease.", source="original table"),
    negative("age", "The founder, in his 70s, stepped down.", source="ANNOTATION.md"),
    negative("amount", "The fund raised $2000 from donors.", source="original table"),
    negative("plural noun after the year", "The agency counted the 2000 employees in the survey.",
             source="original table"),
]

# What the extractor misses today, each with what a fix must give (issue 21 takes most of them).
KNOWN_GAPS = [
    example("time of day in a date", "Prices were cut this morning.", Date("this morning", value="2008-01-09"),
            reference=date(2008, 1, 9), source="meantime-dev 89284_Apple_to_lower_UK_iTunes_prices.txt",
            gap="TIMEX3 writes times of day (2008-01-09TMO); our values stop at days"),
    example("event name with year", "Crowds filled the halls of WWDC 2005 in June.",
            Date("2005", value="2005"), Date("June", value="2005-06"), reference=date(2005, 6, 6),
            source="meantime-dev 10450_Apple_Computer_CEO.txt",
            gap="a named event with a year is a date in MEANTIME; we keep years in names out"),
]

DATES = [*CASES, *PHRASINGS, *DUCKLING, *SIGNALS]  # every sentence with a date
EXAMPLES = [*DATES, *NEGATIVES, *KNOWN_GAPS]
# The rows of every date table: this one's and those of the tables by family (issue 21).
ALL_DATES = [*DATES, *CALENDAR, *PERIODS, *FOCUS_DATES, *HOLIDAY_DATES]
ALL_ROWS = [*EXAMPLES, *CALENDAR, *CALENDAR_NEGATIVES, *PERIODS, *PERIOD_NEGATIVES, *FOCUS_EXAMPLES, *HOLIDAYS_TABLE]


@pytest.mark.parametrize("example", [case(e) for e in EXAMPLES])
def test_dates(example: Example) -> None:
    found = extract_dates(example.sentence, example.reference)
    assert observed(found, example.found, Date) == list(example.found), [m.rule for m in found]


def test_intervals_are_half_open_calendar_periods() -> None:
    (q3,) = extract_dates("Profit rose in Q3 2024.")
    assert (q3.grain, q3.start_date, q3.end_date) == ("quarter", date(2024, 7, 1), date(2024, 10, 1))
    (weekend,) = extract_dates("It rained this weekend.", date(2010, 1, 25))
    assert (weekend.start_date, weekend.end_date) == (date(2010, 1, 30), date(2010, 2, 1))
    (unknown,) = extract_dates("They met on July 3.")
    assert (unknown.start_date, unknown.end_date, unknown.resolved) == (None, None, False)


def test_every_rule_fires_on_a_row() -> None:
    """date_rules names exactly the rules the scan runs: each fires on a row of the date tables, and
    no mention comes from elsewhere. A rule added to date_rules that the scan never tries fires on no row."""
    check_every_rule_fires(date_rules, {m.rule.removesuffix(FOCUS) for e in ALL_ROWS if not e.gap
                                        for m in extract_dates(e.sentence, e.reference)})


def test_every_row_says_where_it_came_from() -> None:
    check_sources(EXAMPLES)


@settings(max_examples=300, deadline=None)
@given(text=st.text(), reference=st.one_of(st.none(), st.dates()))
def test_arbitrary_text_never_raises(text: str, reference: date | None) -> None:
    for m in extract_dates(text, reference):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert TIMEX3_VALUE.match(m.value), m.value
        assert (m.start_date is None) == (m.end_date is None) == ("X" in m.value or m.value.startswith("FY"))
        assert m.start_date is None or m.start_date < m.end_date


NEWSY = st.lists(st.sampled_from([
    "in", "by", "since", "the", "early", "late", "mid-", "last", "next", "this", "year", "week",
    "quarter", "first", "half", "of", "July", "May", "Monday", "today", "said", "3", "31,", "2025",
    "1990s", "'90s", "Q3", "FY2025", "12/31/68", "ago", "two", "days", "same", "period", ",", ".",
    "\n", "fiscal", "summer", "the end of", "20th", "century",
]), max_size=30).map(" ".join)


@settings(max_examples=500, deadline=None)
@given(text=NEWSY, reference=st.one_of(st.none(), st.dates(min_value=date(1, 2, 1), max_value=date(9998, 11, 30))))
def test_date_like_text_never_raises(text: str, reference: date | None) -> None:
    for m in extract_dates(text, reference):
        assert text[m.start:m.end] == m.text
        assert TIMEX3_VALUE.match(m.value), m.value
        assert m.start_date is None or m.start_date < m.end_date
