"""Linked facts (issue 23): sentences -> what each figure measures, its period, its role and a
rate's denominator, as ANNOTATION.md "Linked facts" says they should be.

One table per frame of extractors/links/ (level and change verbs, "to"/"from", "of", attributive,
apposition, back-reference, a period from the passage, no period, no measure, rates, Markdown
tables, upper and lower case). Each row is a sentence of our own, the figure to look up in extract()'s
output, and the link expected; known gaps run as strict xfails whose reason says what goes wrong.
"""
from __future__ import annotations

from datetime import date
from typing import NamedTuple

import pytest

from corpus import case, check_sources
from extractors import extract
from extractors.links import words
from extractors.mentions import Mention

REF = date(2025, 7, 10)  # a Thursday: "on Monday" is 2025-07-07, "last year" is 2024


class Linked(NamedTuple):
    """What a figure's link says, in the fields a row checks."""
    measure: str | None
    period: str | None  # TIMEX3, as the dates table writes it
    role: str
    per: str | None


class Example(NamedTuple):
    id: str
    text: str
    reference: date | None
    figure: str  # the figure's text; its first occurrence after `after`
    linked: Linked
    after: str = ""  # text the figure stands after, where it occurs more than once
    source: str = "issue 23"
    gap: str = ""


def row(id: str, text: str, figure: str, measure: str | None, period: str | None, role: str, per: str | None = None,
        *, reference: date | None = None, after: str = "", source: str = "issue 23", gap: str = "") -> Example:
    return Example(id, text, reference, figure, Linked(measure, period, role, per), after, source, gap)


LEVEL_VERBS = [
    row("'worth' after a subject and a relative aside", "Its bond holdings, which the insurer has built up since "
        "2020, were worth $8.4 billion at the end of June.", "$8.4 billion", "bond holdings", "2025-06", "level",
        reference=REF),
    row("'profit on' heads its chain", "Profit on property sales reached £52 million in the first half.",
        "£52 million", "Profit", "2025-H1", "level", reference=REF),
    row("a participle between the subject and a preposition is no verb of the clause", "Fees charged to customers "
        "totalled £41 million last year.", "£41 million", "Fees", "2024", "level", reference=REF),
    row("a subject with a participle and its price a month", "A basic package costing $30 a month will rise to $34.",
        "$34", "basic package", None, "level"),
    row("a change noun and its year as the subject", "Growth this year is seen at 2.4%, the bank said.", "2.4%",
        "Growth", "2025", "level", reference=REF),
    row("'to an average of' a figure is the subject's level", "Inflation is forecast to slow to an average of 7.5% "
        "next year.", "7.5%", "Inflation", "2026", "level", reference=REF),
    row("a price that touched a level", "The metal touched a record $3,004.86 in Asian trade.", "$3,004.86",
        "metal", None, "level"),
    row("'over' a span is no budget", "Abeka said reconstruction would cost at least $900 million over five years.",
        "$900 million", "reconstruction", None, "level"),
    row("a description with a relative clause in apposition", "Income at Brightpath, the charity which runs 140 "
        "family centres across England and Wales, rose to £63.2m.", "£63.2m", "Income", None, "level"),
    row("a capital that opens the sentence, the word in lower case elsewhere", "Voters stayed home as turnout fell. "
        "Turnout was 61.2%.", "61.2%", "Turnout", None, "level"),
    row("a subject's noun before 'per'", "Average monthly revenue per user rose 6% to $11.40.", "$11.40",
        "Average monthly revenue", None, "level"),
    row("earnings per share that rose to a level: the earnings", "Earnings per share rose 5% to 94 cents.",
        "94 cents", "Earnings", None, "level"),
    row("a subject before 'in' and 'on' a place", "A night in a hotel on the southern coast cost €186 on average.",
        "€186", "night", None, "level"),
    row("a subject past a participle after it", "The average price paid for a home in Harwick was £258,600.",
        "£258,600", "average price", None, "level"),
    row("a change after a data aside", "The average price was £258,600, official data show, up 2.1% on a year "
        "earlier.", "2.1%", "average price", None, "change"),
    row("a 'net of' aside before the verb", "Total revenue, net of interest expense, rose 7% to $9.6 billion.",
        "$9.6 billion", "revenue", None, "level"),
    row("a longer description in apposition", "Its solvency ratio, a measure of capital strength closely watched by "
        "regulators, stood at 262%.", "262%", "solvency ratio", None, "level"),
    row("a subject past its period's phrase", "Adjusted operating profit for the six months to June slumped 31% to "
        "£132 million.", "£132 million", "Adjusted operating profit", "2025-H1", "level", reference=REF),
    row("a relative clause after a participle that opens the sentence", "Adjusted for inflation, which ran at 3.6%, "
        "real pay rose just 0.3%.", "3.6%", "inflation", None, "level"),
    row("a measure across a scope", "The median dwelling value across the five capitals stood at A$812,000.",
        "A$812,000", "median dwelling value", None, "level"),
    row("a relative clause with a list before the verb", "Core inflation, which excludes energy, food, alcohol and "
        "tobacco, rose to 3.4% in March.", "3.4%", "Core inflation", "2025-03", "level", reference=REF),
    row("a participle aside before the verb", "Services inflation, closely watched by policymakers, fell to 4.7% in "
        "March.", "4.7%", "Services inflation", "2025-03", "level", reference=REF),
    row("an -ing participle aside before the verb", "Net debt, excluding leases, fell to £388 million.",
        "£388 million", "Net debt", None, "level"),
    row("a description in apposition before the verb", "Fuel, the carrier's largest single expense, cost €640 "
        "million.", "€640 million", "Fuel", None, "level"),
    row("an adverb aside before 'cost'", "Cancelled operations, meanwhile, cost an estimated £4.3 million.",
        "£4.3 million", "Cancelled operations", None, "level"),
    row("a noun in -ing after a possessive", "The mayor's backing slipped to 34% from 37% in June.", "34%", "backing",
        None, "level"),
    row("'with' and a noun at a figure", "Clinics fared little better, with four-hour performance at 71% in "
        "October.", "71%", "four-hour performance", "2025-10", "level", reference=date(2025, 11, 14)),
    row("a level at a figure after 'with' and a change", "Detached houses bore the brunt, with their benchmark "
        "price down 5.1% at C$1.12 million.", "C$1.12 million", "benchmark price", None, "level"),
    row("a passive's agent is a share of a group", "Housing costs topped voters' concerns, cited by 46% of "
        "respondents.", "46%", "respondents", None, "level"),
    row("'X in Y' after a reporting verb", "The campaign reported $2.3 million in donations by the end of August.",
        "$2.3 million", "donations", "2025-08", "level", reference=REF),
    row("a verb's form before a verb is a noun", "Turnover on the Warsaw exchange reached 1.9 billion zlotys on "
        "Friday.", "1.9 billion zlotys", "Turnover", "2025-07-04", "level", reference=REF),
    row("an owned object of 'expects' before 'to'", "The finance ministry expects Poland's coal import bill to reach "
        "€4 billion this year.", "€4 billion", "coal import bill", "2025", "level", reference=REF),
    row("a quantity subject of 'N% of Y'", "Public debt is expected to reach 61% of gross domestic product in 2026.",
        "61%", "Public debt", "2026", "level", source="ANNOTATION.md"),
    row("will go to", "Another €900 million will go to home insulation.", "€900 million", "home insulation", None,
        "level"),
    row("climbed above", "Oil prices climbed above $100 a barrel on Thursday.", "$100", "barrel", "2025-07-10", "level",
        "barrel", reference=REF, source="ANNOTATION.md"),
    row("kept at", "The central bank kept its benchmark rate at 0.25% on Wednesday.", "0.25%", "benchmark rate",
        "2025-07-09", "level", reference=REF),
    row("reached", "Revenue reached $5 billion in 2023.", "$5 billion", "Revenue", "2023", "level"),
    row("costs", "The program costs $99 to join.", "$99", "program", None, "level", source="ANNOTATION.md"),
    row("cost the economy", "The two-week port strike cost the regional economy about $450 million.",
        "$450 million", "two-week port strike", None, "level"),
    row("will be worth", "Analysts say the smart-glasses market will be worth $6 billion in 2027.", "$6 billion",
        "smart-glasses market", "2027", "level"),
    row("raised in an offering", "The chipmaker has raised $640 million in its initial public offering.",
        "$640 million", "initial public offering", None, "level"),
    row("a figure that opens a reported clause", "The agency says $45 million will be needed for shelter this "
        "winter.", "$45 million", "shelter", "2025-WI", "level", reference=REF),
    row("cost the economy, a date between", "The blackout on Tuesday cost the city's shops $12 million.",
        "$12 million", "blackout", "2025-07-08", "level", reference=REF),
    row("closed at", "Shares of the carmaker closed at $182.40 on Tuesday.", "$182.40", "Shares", "2025-07-08",
        "level", reference=REF),
    row("totaled", "Net profit totaled €1.2 billion in the second quarter.", "€1.2 billion", "Net profit",
        "2025-Q2", "level", reference=REF),
    row("hit", "The unemployment rate hit 4.1% in June.", "4.1%", "unemployment rate", "2025-06", "level",
        reference=REF),
    row("amounted to", "Operating income amounted to £450 million last year.", "£450 million", "Operating income",
        "2024", "level", reference=REF),
    row("topped", "Its market capitalization topped $1 trillion.", "$1 trillion", "market capitalization", None,
        "level"),
    row("stood at", "Household debt stood at $17.5 trillion at the end of 2024.", "$17.5 trillion",
        "Household debt", "2024", "level"),
    row("was", "Group revenue was $8.9 billion in 2024.", "$8.9 billion", "Group revenue", "2024", "level"),
    row("totaled a year", "Annual exports totaled $62 billion in 2023.", "$62 billion", "Annual exports", "2023",
        "level"),
    row("averaged", "Mortgage rates averaged 6.8% in March.", "6.8%", "Mortgage rates", "2025-03", "level",
        reference=REF),
    row("worth", "The company signed a deal worth $7 billion with the utility.", "$7 billion", "deal", None, "level",
        source="ANNOTATION.md"),
    row("sold for", "The bank sold its insurance arm for $2.3 billion.", "$2.3 billion", "insurance arm", None,
        "level", source="ANNOTATION.md"),
    row("owner's name drops", "Northwind Traders revenue reached $640 million in 2024.", "$640 million", "revenue",
        "2024", "level", source="ANNOTATION.md"),
    row("possessor drops", "The company's annual revenue stood at $3.4 billion in 2024.", "$3.4 billion",
        "annual revenue", "2024", "level", source="ANNOTATION.md"),
    row("values X at", "The bid values the retailer's shares at about $9.4 billion.", "$9.4 billion", "shares", None,
        "level"),
    row("a participle after a noun names it", "Torvald agreed to buy Hensel Foods in a stock deal valued at "
        "$2.6 billion.", "$2.6 billion", "stock deal", None, "level"),
    row("object relative: which analysts value at", "The group plans to sell its cement unit, which analysts value "
        "at up to $3 billion.", "$3 billion", "cement unit", None, "level"),
    row("object relative: which it bought for", "Acme holds a 12% stake in Borel, which it bought in 2019 for "
        "$85 million.", "$85 million", "stake", "2019", "level"),
    row("a subject with a date, revised", "Growth in the fourth quarter was revised up to 1.9% from 1.5%.", "1.9%",
        "Growth", "2024-Q4", "level", reference=REF),
    row("the yield on bonds", "The yield on 10-year government bonds fell to 3.05% on Monday.", "3.05%", "yield",
        "2025-07-07", "level", reference=REF),
    row("to peak at", "Economists expect inflation to peak at 3.4% in the fourth quarter of 2025.", "3.4%",
        "inflation", "2025-Q4", "level"),
    row("will cost", "The new terminal will cost about $900 million in 2026.", "$900 million", "new terminal", "2026",
        "level"),
    row("estimated X at", "Analysts estimated the true cost of the merger at around $4 billion.", "$4 billion",
        "true cost", None, "level"),
    row("a note that climbed", "The yield on the 10-year Treasury note climbed to 4.6% on Monday.", "4.6%", "yield",
        "2025-07-07", "level", reference=REF),
    row("little changed at", "The two-year yield, which tracks policy bets, was little changed at 4.1%.", "4.1%",
        "two-year yield", None, "level"),
]

CHANGE_VERBS = [
    row("'at an annual rate of' in capitals", "THE ECONOMY GREW AT AN ANNUAL RATE OF 2.3% IN THE SECOND QUARTER.",
        "2.3%", "ECONOMY", "2025-Q2", "change", reference=REF),
    row("an expected subject with a phrase after it", "Economists expect food prices across the country to rise by "
        "1.5% in the fourth quarter.", "1.5%", "food prices", "2025-Q4", "change", reference=REF),
    row("an expected subject after a year", "The chain now expects 2025 same-store sales to decline 2%.", "2%",
        "same-store sales", None, "change", reference=REF),
    row("a second infinitive after 'and' shares the first one's subject", "The bank expects inflation to average 3.4% "
        "in the fourth quarter and to fall to 3% by mid-2026.", "3%", "inflation", "2026", "level", reference=REF),
    row("a second verb after 'and' shares the subject", "The rand weakened 0.2% against the dollar on Monday and has "
        "lost about 1.1% so far this year.", "1.1%", "rand", "2025", "change", reference=REF),
    row("'and are ... higher' shares the subject", "Prices have now risen 38% since the start of June and are about "
        "70% higher than a year ago.", "70%", "Prices", "2025-06", "change", reference=REF),
    row("a headline's clause without a verb, after a name", "Harbour Hotels first-half profit up 14% as room rates "
        "climb\nHarbour Hotels said profit rose 14% in the first half.", "14%", "profit", "2025-H1", "change",
        reference=REF),
    row("a clause without a verb after a semicolon", "US employers add 151,000 jobs in June; wages up 4.0% on year",
        "4.0%", "wages", "2025-06", "change", reference=REF),
    row("a subject before a period that ends on a day", "Group revenue for the quarter ended June 30 rose 11% to "
        "$7.4 billion.", "11%", "Group revenue", "2025-Q2", "change", reference=REF),
    row("an infinitive's subject before its year", "The bank now expects net interest income for 2025 to fall by "
        "4%.", "4%", "net interest income", "2025", "change", reference=REF),
    row("an adjective of size between a determiner and the figure", "Imports climbed a more modest 4% to $2.2 "
        "billion.", "4%", "Imports", None, "change"),
    row("'a 4% pay raise' is a change of pay", "Nurses were offered a 4% pay raise.", "4%", "pay", None, "change"),
    row("a subject before an aside opened by an adverb and a preposition", "Capital spending, mainly on new mines "
        "and the roads to reach them, will rise to $9 billion.", "$9 billion", "Capital spending", None, "level"),
    row("the size of a change since a date after 'to'", "Fares rose 8% this week to $212, bringing the increase since "
        "early June to more than 30%.", "30%", "Fares", "2025-06", "change", reference=REF),
    row("a subject's participle and its date", "The state's dollar bonds maturing in 2031 fell 1.4 cents to 88 cents "
        "on Friday.", "1.4 cents", "dollar bonds", "2025-07-04", "change", reference=REF),
    row("the second object of an expectation, after ', and', is its infinitive's subject", "The group expects "
        "operating profit of $200 million to $220 million, and revenue to rise 4%.", "4%", "revenue", None,
        "change"),
    row("a restated change before its level shares the level's date", "Customers of Northbrook Energy will see "
        "average bills rise 12%, or £96, to £896 a year by 2028.", "12%", "average bills", "2028", "change",
        reference=REF),
    row("'by an average of' a figure is a change by it", "The operator will lift tolls on its bridges by an average "
        "of 4.5% from January 1.", "4.5%", "tolls", "2026-01-01", "change", reference=REF),
    row("'from' a day far after the future verb", "The carrier will raise fares on its domestic routes by an average "
        "of 6%, and by as much as 10% on its busiest business routes, from June 1.", "10%", "fares", "2026-06-01",
        "change", reference=REF),
    row("a figure before nouns and a change noun: their change", "The board backed a 3.9% council tax rise.",
        "3.9%", "council tax", None, "change"),
    row("'more in' after a figure: a change of what follows", "Drivers will pay 8% more in road tolls next year.",
        "8%", "road tolls", "2026", "change", reference=REF),
    row("'from' a day before the figure, not opening its sentence, is no effective date", "Fares will rise 5% from "
        "April 1, the airline said, blaming a 12% increase in airport charges.", "12%", "airport charges", None,
        "change"),
    row("a figure before a noun and a change noun: the noun's change", "Teachers turned down an offer of a 7% "
        "salary rise over two years.", "7%", "salary", None, "change"),
    row("a share of a group after 'with', past a change noun and its span of years", "Drivers rejected a 6% pay "
        "increase over four years, with 91% of members voting no.", "91%", "members", None, "level"),
    row("'from' a day after a future change: when it takes effect", "Water bills will rise 8.2% to £612 a year "
        "from October 1, the regulator said.", "8.2%", "Water bills", "2025-10-01", "change", reference=REF),
    row("'from' a month after an infinitive: when it takes effect", "The council voted to lift parking fees by 15% "
        "from September.", "15%", "parking fees", "2025-09", "change", reference=REF),
    row("'from' a month after a past change is a baseline's", "Rents rose 0.8% in June from May.", "0.8%",
        "Rents", "2025-06", "change", reference=REF),
    row("'from' a year before a noun is a baseline's", "Output will climb 4% from 2024 levels.", "4%",
        "Output", None, "change", reference=REF),
    row("a subject before 'on what' and its clause", "The ceiling on what landlords may charge for rooms will "
        "rise 3.1% next year.", "3.1%", "ceiling", "2026", "change", reference=REF),
    row("a headline's subject before 'to' and its verb", "Rail season ticket prices to rise 4.6%\nLONDON, July 10 "
        "-- Fares in England will increase in March.", "4.6%", "Rail season ticket prices", None, "change",
        reference=REF),
    row("a count in the subject's phrase of place", "Occupancy across its 640 hotels slipped 1.1 percentage points "
        "to 74.6%.", "74.6%", "Occupancy", None, "level"),
    row("'pay' before 'will' is a noun", "Under the deal, pay will rise 5% this year.", "5%", "pay", "2025",
        "change", reference=REF),
    row("figures listed with their years after a change", "Under the deal, pay will rise 5% this year, 4.5% in 2026 "
        "and 4% in 2027.", "4%", "pay", "2027", "change", reference=REF),
    row("a route to a place is part of the subject", "Rates on the transpacific route to Los Angeles climbed 7%.",
        "7%", "Rates", None, "change"),
    row("earnings per share that rose: the earnings", "Adjusted earnings per share climbed 53 cents to $2.14 in the "
        "third quarter.", "53 cents", "Adjusted earnings", "2025-Q3", "change", reference=date(2025, 10, 24)),
    row("a clause after 'as' has its own subject", "The province forecasts a deficit as health spending climbs 8.2%.",
        "8.2%", "health spending", None, "change"),
    row("a reporting verb's form after 'in' is a noun", "The increase offsets a 3% cut in state funding.", "3%",
        "state funding", None, "change"),
    row("dive", "Ashgrove cuts its outlook; shares dive 17%.", "17%", "shares", None, "change"),
    row("an owner's figure a change outpaces", "Public-sector pay rose 5.6%, outpacing the private sector's 3.5%.",
        "3.5%", "Public-sector pay", None, "change"),
    row("a name's move after a name's noun", "Sydney values dropped 0.7%, while Perth rose 0.6%.", "0.6%", "values",
        None, "change"),
    row("closed a figure higher", "The shares closed 3.7% higher on Thursday.", "3.7%", "shares", "2025-07-10",
        "change", reference=REF),
    row("a figure ahead of a baseline", "Bookings for the fourth quarter were running 5% ahead of last year.", "5%",
        "Bookings", "2025-Q4", "change", reference=date(2025, 10, 30)),
    row("a relative 'that' before a past form", "Officials blamed an economy that grew just 0.3% in the first "
        "quarter.", "0.3%", "economy", "2025-Q1", "change", reference=REF),
    row("'and is up' goes on from the figure before", "The broader All-Share added 1.1% on Friday and is up 2.9% "
        "this week.", "2.9%", "broader All-Share", "2025-W28", "change", reference=REF),
    row("a company's move after another event's clause", "Vela shares jumped 6.2% on Friday after the lender "
        "reported first-quarter profit of £1.9 billion, while insurer Morrow Life rose 3.5%.", "3.5%", "Vela shares",
        "2025-05-09", "change", reference=date(2025, 5, 9)),
    row("'nevertheless' between a subject and its verb", "Net profit nevertheless rose 4% in June.", "4%",
        "Net profit", "2025-06", "change", reference=REF),
    row("'pay' before a verb in the past is a noun", "Real regular pay rose just 0.3% in June.", "0.3%",
        "Real regular pay", "2025-06", "change", reference=REF),
    row("'values' before a verb in the past is a noun", "Sydney values dropped 0.7% in April.", "0.7%",
        "Sydney values", "2025-04", "change", reference=REF),
    row("the size of a change after 'to'", "Home prices fell 0.4% in April, taking the annual decline to 1.2%.",
        "1.2%", "Home prices", "2025-04", "change", reference=REF),
    row("a company's move after shares", "Shares of oil producer Harlow Energy lost 6.1%, while iron ore miner "
        "Kestrel Mining fell 4.3%.", "4.3%", "Shares", None, "change"),
    row("a subject with a participle phrase", "Car sales in the countries using the euro rose 2.5% in June.", "2.5%",
        "Car sales", "2025-06", "change", reference=REF),
    row("a list of changes by place", "Same-store sales rose 2.1% in France, 4.5% in Spain and 3.3% in Italy.", "3.3%",
        "Same-store sales", None, "change"),
    row("added X to Y", "A stronger dollar added about $90 million to revenue.", "$90 million", "revenue", None,
        "change"),
    row("a market price gained cents", "Crude oil futures gained 87 cents to settle at $52.46 a barrel on Friday.",
        "87 cents", "Crude oil futures", "2025-07-04", "change", reference=REF),
    row("an abbreviation is no stop", "Its share of the U.S. market rose to 18% in May.", "18%", "share", "2025-05",
        "level", reference=REF),
    row("a second clause after ', and'", "Exports rose 3% in May, and imports fell 2%.", "2%", "imports", "2025-05",
        "change", reference=REF),
    row("rose in a month", "Sales rose 12% in March.", "12%", "Sales", "2025-03", "change", reference=REF),
    row("fell by", "Exports fell by 3%.", "3%", "Exports", None, "change"),
    row("transitive boost", "The new engine will boost fuel efficiency by 3%.", "3%", "fuel efficiency", None,
        "change"),
    row("transitive cut", "The airline plans to cut costs by 30%.", "30%", "costs", None, "change"),
    row("gained", "Home prices gained 0.8% in April.", "0.8%", "Home prices", "2025-04", "change", reference=REF),
    row("declined in a quarter", "Industrial output declined 2.4% in the third quarter of 2024.", "2.4%",
        "Industrial output", "2024-Q3", "change"),
    row("down", "Oil prices were down 4% on Wednesday.", "4%", "Oil prices", "2025-07-09", "change", reference=REF),
    row("raised by an amount", "The government raised defense spending by $40 billion.", "$40 billion",
        "defense spending", None, "change"),
    row("slid", "Copper slid 1.5% on Monday.", "1.5%", "Copper", "2025-07-07", "change", reference=REF),
    row("surged", "Passenger traffic surged 22% in 2024.", "22%", "Passenger traffic", "2024", "change"),
    row("contracted by", "The euro zone economy contracted by 0.3% in the fourth quarter of 2024.", "0.3%",
        "euro zone economy", "2024-Q4", "change"),
    row("subject with 'in'", "Shares in the chipmaker lost 7% in early trading.", "7%", "Shares", None, "change"),
    row("since a month", "Exports have increased 9% since January.", "9%", "Exports", "2025-01", "change",
        reference=REF, source="ANNOTATION.md"),
    row("between two months", "The Japanese economy shrank 0.9% between April and June.", "0.9%",
        "Japanese economy", "2025-Q2", "change", reference=REF, source="ANNOTATION.md"),
    row("owner's possessive drops", "Apple's revenue rose 5% in 2024.", "5%", "revenue", "2024", "change",
        source="ANNOTATION.md"),
    row("grew last year", "Online sales grew 18% last year.", "18%", "Online sales", "2024", "change",
        reference=REF),
    row("be up", "Sales were up 5% in May.", "5%", "Sales", "2025-05", "change", reference=REF),
    row("subject with 'for'", "Orders for durable goods dropped 1.1% in May.", "1.1%", "Orders", "2025-05", "change",
        reference=REF, source="ANNOTATION.md"),
    row("at an annualized rate of", "Household income grew at an annualized rate of 3.1% in the third quarter.",
        "3.1%", "Household income", "2025-Q3", "change", reference=REF),
    row("in early trading on a day", "Hollis shares fell 4.1% in early trading on Monday.", "4.1%", "Hollis shares",
        "2025-07-07", "change", reference=REF),
    row("an index named with a possessive", "The Standard & Poor's 500 index dropped 1.2% on Monday.", "1.2%",
        "Standard & Poor's 500 index", "2025-07-07", "change", reference=REF),
    row("the subject of an infinitive", "The retailer expects same-store sales to rise as much as 3% in the third "
        "quarter.", "3%", "same-store sales", "2025-Q3", "change", reference=REF),
    row("a fronted place is no subject", "In Rotterdam, coal futures fell 1.1% to $98 a tonne.", "1.1%", "coal futures",
        None, "change"),
    row("over a relative clause with whose", "Shares of Orvell Inc, whose phones are made in Vietnam, fell 3.2% on "
        "Monday.", "3.2%", "Shares", "2025-07-07", "change", reference=REF),
    row("a change verb's object, then the figure", "The council will lift road spending 8% to €2.1 billion in 2026.",
        "8%", "road spending", "2026", "change"),
    row("that raises", "Ministers backed a plan that raises rail investment by 15% in 2026.", "15%",
        "rail investment", "2026", "change"),
    row("firmed", "The rand firmed 0.6% on Monday.", "0.6%", "rand", "2025-07-07", "change", reference=REF),
    row("knocked off", "The sell-off knocked $12 billion off the bank's market value on Monday.", "$12 billion",
        "market value", "2025-07-07", "change", reference=REF),
    row("below their peak", "Asking prices in June were 4.5% below their 2022 peak.", "4.5%", "Asking prices",
        "2025-06", "change", reference=REF),
    row("likely to fall", "The retailer said holiday sales were likely to fall 3%.", "3%", "holiday sales", None,
        "change"),
    row("'more than' before the verb", "Group revenue more than doubled to $48 million in 2024.", "$48 million",
        "Group revenue", "2024", "level"),
    row("a gapped clause past a place", "Copper rose 2% in London and nickel 3%.", "3%", "nickel", None, "change"),
    row("a gapped owner is of the measure before", "Home prices in Lyon fell 1.2% last month and Marseille's 0.8%.",
        "0.8%", "Home prices", "2025-06", "change", reference=REF),
    row("a gapped clause in a list", "Tin rose 1.2% on Monday, lead slid 0.8% and cobalt 2.5%.", "2.5%", "cobalt",
        "2025-07-07", "change", reference=REF),
    row("a gapped list of owned names", "Japan's Nikkei fell 2.1%, Korea's KOSPI 200 1.6% and Taiwan's TAIEX 0.9%.",
        "0.9%", "TAIEX", None, "change"),
    row("a gapped list of owned names, the first", "Japan's Nikkei fell 2.1%, Korea's KOSPI 200 1.6% and Taiwan's "
        "TAIEX 0.9%.", "1.6%", "KOSPI 200", None, "change"),
    row("closed down points, or", "The Hang Seng index closed down 412.5 points, or 2.3%, at 17,540.",
        "2.3%", "Hang Seng index", None, "change"),
    row("since, after a loss of value", "The stock has lost 35% of its value since the start of the year.", "35%",
        "value", "2025", "change", reference=REF),
    row("sterling is no verb", "The euro fell 0.3% on Monday and sterling slipped 0.5%.", "0.5%", "sterling",
        "2025-07-07", "change", reference=REF),
    row("broadcasting is no verb", "Revenue grew on a £14 million increase in broadcasting income.", "£14 million",
        "broadcasting income", None, "change"),
    row("gross written premiums", "Gross written premiums rose 6% to €9.8 billion in 2024.", "6%",
        "Gross written premiums", "2024", "change"),
    row("exports to a country", "Exports to Brazil rose 7% in March.", "7%", "Exports", "2025-03", "change",
        reference=REF),
    row("the months of a half", "Net sales for January-June rose 9.1% to ¥842 billion.", "9.1%", "Net sales",
        "2025-H1", "change", reference=REF),
    row("a count, then its change", "The park drew 3.2 million visitors in 2024, a 6% increase on the year before.",
        "6%", "visitors", "2024", "change"),
    row("a count, then up", "The port handled 41 million tonnes for the first time, up 4% on 2023.", "4%",
        "tonnes", None, "change"),
    row("by up to", "The ferry line will cut its fares by up to 30% next year.", "30%", "fares", "2026", "change",
        reference=REF),
    row("a change noun before a noun", "The bank cut its 2026 growth forecast to 1.1%.", "1.1%", "growth forecast",
        "2026", "level"),
    row("a noun by its agent", "Spending by foreign visitors rose 9% last year.", "9%", "Spending", "2024", "change",
        reference=REF),
]

TO_AND_FROM = [
    row("a baseline after 'below' and 'short of'", "Box office receipts for the first half of 2025 were $4.1 billion, 6% "
        "below the same period of 2024 and roughly 25% short of the level in 2019.", "25%", "Box office receipts",
        "2025-H1", "change"),
    row("of which", "Starfall finished with global takings of $412 million, of which 61% came from outside North "
        "America.", "61%", "global takings", None, "level"),
    row("including", "Ticket sales have come to $74.6 million since Wednesday, including $21.4 million on Saturday "
        "alone.", "$21.4 million", "Ticket sales", "2025-07-05", "level", reference=REF),
    row("a share that restates a figure past its fiscal year", "Treasury expects a deficit of NZ$13.4bn for fiscal "
        "2026, equal to 3.1% of gross domestic product.", "3.1%", "deficit", "FY2026", "level"),
    row("changing hands for a price", "Its debts stood at £410m and its shares were changing hands for 84p.", "84p",
        "shares", None, "level"),
    row("a forecast figure after the figure it is compared with", "Comparable sales rose 2.9%, beating the 2.1% "
        "growth forecast by analysts.", "2.1%", "Comparable sales", None, "change"),
    row("a share that restates a figure past its date", "Public borrowing is now forecast at £151.9 billion this "
        "year, or 5.2% of gross domestic product.", "5.2%", "Public borrowing", "2025", "level", reference=REF),
    row("the figure analysts had expected", "Net profit rose 18% to $2.1 billion, above the $1.94 billion analysts "
        "had expected.", "$1.94 billion", "Net profit", None, "level"),
    row("a baseline after 'against'", "The campaign reported $2.3 million in donations, against $870,000 for its "
        "rival.", "$870,000", "donations", None, "level"),
    row("a baseline's period after 'on'", "Costs hit £4.3 million between July and September, a 27% increase on the "
        "second quarter.", "27%", "Costs", "2025-Q3", "change", reference=date(2025, 11, 14)),
    row("a baseline as first reported", "Factory output for May was revised to a fall of 0.9% from an initially "
        "reported 0.6% decline.", "0.6%", "Factory output", "2025-05", "change", reference=REF),
    row("a baseline after 'than the'", "Retail sales rose 1.8% in June, more than the 1.2% economists had forecast.",
        "1.2%", "Retail sales", "2025-06", "change", reference=REF),
    row("to B after a change noun and its noun", "The insurer reported a 6% rise in adjusted operating profit to "
        "$1.4 billion for the second quarter.", "$1.4 billion", "adjusted operating profit", "2025-Q2", "level",
        reference=REF),
    row("a change before a level and its date", "The insurer reported a 6% rise in adjusted operating profit to "
        "$1.4 billion for the second quarter.", "6%", "adjusted operating profit", "2025-Q2", "change", reference=REF),
    row("to B after a change noun", "The maker reported an 8% drop in revenue in the third quarter, to $912 million.",
        "$912 million", "revenue", "2025-Q3", "level", reference=REF),
    row("down, after a level", "It now expects net profit of $61 million in fiscal 2025, which ends in June, down "
        "12% from its earlier forecast.", "12%", "net profit", "FY2025", "change"),
    row("a baseline measures what the figure before does", "The jobless rate fell to 4.1% in June from 4.3%.",
        "4.3%", "jobless rate", "2025-06", "level", reference=REF),
    row("the same figure per share between", "Net income rose to $1.2 billion, or 45 cents a share, in the second "
        "quarter.", "$1.2 billion", "Net income", "2025-Q2", "level", reference=REF),
    row("by A: change", "Two-way trade rose by 40% in the first half of 2025 to over $200 million.", "40%",
        "Two-way trade", "2025-H1", "change", source="seed article"),
    row("to B: level", "Two-way trade rose by 40% in the first half of 2025 to over $200 million.", "$200 million",
        "Two-way trade", "2025-H1", "level", source="seed article"),
    row("jumped A", "Quarterly profit jumped 25% to $3.1 billion.", "25%", "Quarterly profit", None, "change"),
    row("to B", "Quarterly profit jumped 25% to $3.1 billion.", "$3.1 billion", "Quarterly profit", None, "level"),
    row("eased to", "Eurozone inflation eased to 2.2% in May from 2.6% in April.", "2.2%", "Eurozone inflation",
        "2025-05", "level", reference=REF),
    row("from, with its own date", "Eurozone inflation eased to 2.2% in May from 2.6% in April.", "2.6%",
        "Eurozone inflation", "2025-04", "level", reference=REF),
    row("fell A to a price", "The stock fell 8% to $41.20.", "8%", "stock", None, "change"),
    row("to a price", "The stock fell 8% to $41.20.", "$41.20", "stock", None, "level"),
    row("from B", "Revenue grew from $9.8 billion to $11.2 billion.", "$9.8 billion", "Revenue", None, "level"),
    row("climbed to, up from", "Unemployment climbed to 5.1% in the fourth quarter of 2024, up from 4.8% a year "
        "earlier.", "5.1%", "Unemployment", "2024-Q4", "level", source="ANNOTATION.md"),
    row("level B and its date", "Net profit rose 20% to $1.3 billion in the second quarter of 2025.", "$1.3 billion",
        "Net profit", "2025-Q2", "level"),
    row("change A and the clause's date", "Net profit rose 20% to $1.3 billion in the second quarter of 2025.", "20%",
        "Net profit", "2025-Q2", "change"),
    row("a participle shares its clause's subject", "The rand fell to a two-year low against the dollar on Monday, "
        "weakening 1.6% as exports slowed.", "1.6%", "rand", "2025-07-07", "change", reference=REF),
    row("a clause without its subject: slowing to", "The ministry sees economic growth of 2.9% this year, slowing "
        "to 2.4% in 2026, after 3.1% in 2024.", "2.4%", "economic growth", "2026", "level"),
    row("a clause without its subject: after", "The ministry sees economic growth of 2.9% this year, slowing to 2.4% "
        "in 2026, after 3.1% in 2024.", "3.1%", "economic growth", "2024", "level"),
    row("before easing to", "Inflation should peak at 3.4% in the fourth quarter before easing to 2.8% by the end "
        "of 2026.", "2.8%", "Inflation", "2026", "level"),
    row("a rate's growth in a place", "Annual rent growth in Spain slowed to 4.2% in June.", "4.2%",
        "Annual rent growth", "2025-06", "level", reference=REF),
]

OF = [
    row("a quantity subject of a plain verb measures its share of Y", "Interest costs will absorb nearly 22% of "
        "government revenue this year.", "22%", "Interest costs", "2025", "level", reference=REF),
    row("an adjective after 'be' heads no chain of 'of'", "The chain said it was confident of sales growth of 3% "
        "this year.", "3%", "sales growth", "2025", "change", reference=REF),
    row("a sum set aside 'for' something measures it", "The province set aside C$80 million for flood defences.",
        "C$80 million", "flood defences", None, "level"),
    row("'alone' after a subject's date is a filler", "Sales in March alone rose 9% to $1.4 billion.", "9%", "Sales",
        "2025-03", "change", reference=REF),
    row("'them' refers back", "Its shares fell 4% on Friday, leaving them down 19% since January.", "19%", "shares",
        "2025-01", "change", reference=REF),
    row("a restatement after ', or' is an aside", "The plan's funded ratio, or assets as a share of promised "
        "benefits, fell to 64%.", "64%", "funded ratio", None, "level"),
    row("a contribution 'to' a fund is one chain", "The state's contribution to the fund will be $410 million next "
        "year.", "$410 million", "contribution", "2026", "level", reference=REF),
    row("a possessive and a figure before the noun after 'of'", "Office loans account for 28% of the lender's $9.6 "
        "billion loan book.", "28%", "loan book", None, "level"),
    row("an adjective before 'for' heads no chain", "Pensioners will be eligible for rebates of up to 40% from "
        "January.", "40%", "rebates", "2026-01", "level", reference=REF),
    row("a baseline after a restated figure per share is the first figure's", "Net income rose to $2.1 billion, or "
        "$1.12 a share, from $1.8 billion a year earlier.", "$1.8 billion", "Net income", "2024", "level",
        reference=REF),
    row("'notes' after a span of years is a noun", "The state will sell $4 billion of 10-year notes next week.",
        "$4 billion", "10-year notes", "2025-W29", "level", reference=REF),
    row("a subject's chain across 'into'", "Inflows into equity funds reached $3.1 billion in June.", "$3.1 billion",
        "Inflows", "2025-06", "level", reference=REF),
    row("a subject ending in 'orders' before an aside", "Export orders, which make up a third of the total, grew 7%.",
        "7%", "Export orders", None, "change"),
    row("a figure before 'bigger than' is a change of the subject", "The typical basket was 2.2% bigger than a year "
        "earlier.", "2.2%", "typical basket", None, "change"),
    row("a change 'higher than' after a level in an aside", "The average fare, at $212, was 3.4% higher than a year "
        "earlier.", "3.4%", "average fare", None, "change"),
    row("a route 'between' two places in a subject", "A return ticket between Leeds and York, which cost £24 last "
        "year, will cost £27 from May.", "£27", "return ticket", "2026-05", "level", reference=REF),
    row("'which cost' a figure: a verb after a relative", "A return ticket between Leeds and York, which cost £24 "
        "last year, will cost £27 from May.", "£24", "return ticket", "2024", "level", reference=REF),
    row("a gerund and its object after 'of', and a route 'from' a place 'to' another", "The cost of shipping a "
        "20-foot box from Busan to Hamburg rose 9% this week.", "9%", "cost", "2025-W28", "change", reference=REF),
    row("an unlisted gerund after 'of' is a noun's", "The price of insuring a cargo ship rose 40% this year.", "40%",
        "price", "2025", "change", reference=REF),
    row("a gerund after 'for' and a route", "Spot rates for hauling a trailer from Lyon to Milan jumped 12% on "
        "Monday.", "12%", "Spot rates", "2025-07-07", "change", reference=REF),
    row("a forecast for a measure, of a figure", "The company kept its forecast for pretax profit in fiscal 2024 of "
        "£650 million.", "£650 million", "pretax profit", "FY2024", "level"),
    row("a passive's agent past its object", "Crime was named the top concern by 41% of respondents.", "41%",
        "respondents", None, "level"),
    row("profit before tax", "Profit before tax fell 8% to £51m.", "8%", "Profit", None, "change"),
    row("'for a fee of'", "The club signed the forward from Porto Verde for a fee of €95 million.", "€95 million",
        "fee", None, "level"),
    row("a share restating the figure before", "The deal includes a break fee of $126 million, or 3% of the "
        "equity value.", "3%", "break fee", None, "level"),
    row("a share of GDP equal to the figure before", "The budget projects a deficit of C$4.6 billion, equal to 1.9% of "
        "provincial GDP.", "1.9%", "deficit", None, "level"),
    row("a count's share, a date between", "The mill will shed 640 jobs this year, about 9% of its staff.", "9%",
        "jobs", "2025", "level", reference=REF),
    row("a count in scale words", "The group sold 2.4 billion shares, or 18% of its capital.", "18%", "shares",
        None, "level"),
    row("a change verb's object, N% of Y", "The plan aims to cut the budget deficit to 3.4% of national output by 2027.",
        "3.4%", "budget deficit", "2027", "level"),
    row("of an estimated", "The airline booked losses of an estimated $85 million from the ash cloud.",
        "$85 million", "losses", None, "level"),
    row("X of amount", "Apple had a market value of $350 billion.", "$350 billion", "market value", None, "level",
        source="ANNOTATION.md"),
    row("change noun of", "Car sales posted a decline of 12% in May.", "12%", "Car sales", "2025-05", "change",
        reference=REF),
    row("accounts for N% of Y", "China accounts for 7% of world output.", "7%", "world output", None, "level",
        source="ANNOTATION.md"),
    row("N% of holders", "Roughly 90% of its shareholders backed the merger.", "90%", "shareholders", None, "level"),
    row("holds N% of", "The company holds 35% of the joint venture.", "35%", "joint venture", None, "level"),
    row("owns N% of", "The fund owns 12% of the airport operator.", "12%", "airport operator", None, "level"),
    row("the value of the contract", "The value of the contract is $2.5 billion.", "$2.5 billion", "value", None,
        "level", source="ANNOTATION.md"),
    row("count subject", "The automaker will cut 1,200 jobs, 8% of its workforce.", "8%", "jobs", None, "level",
        source="ANNOTATION.md"),
    row("count subject, relative", "About 30,000 jobs which make up 15% of the workforce will go.", "15%", "jobs",
        None, "level", source="ANNOTATION.md"),
    row("$X in Y", "The company paid $300 million in dividends.", "$300 million", "dividends", None, "level",
        source="ANNOTATION.md"),
    row("X of amount after an object", "The deal gives the combined company a market value of $350 billion.",
        "$350 billion", "market value", None, "level"),
    row("quantity subject of a share", "Online orders made up 40% of group sales in 2024.", "40%", "Online orders",
        "2024", "level", source="ANNOTATION.md",
        gap="the count-subject frame needs a number before the noun ('1,000 jobs'); a subject that is a "
            "quantity without one falls to the 'figure of Y' frame: 'group sales'"),
    row("narrow to N% of Y: the subject", "The trade gap will narrow to 2.1% of output next year.", "2.1%",
        "trade gap", "2026", "level", reference=REF),
    row("a target of N% for Y", "The strategy sets a target of 35% for wind power's share of generation by 2030, up "
        "from 22% last year.", "35%", "share", "2030", "level", reference=REF),
    row("a target's baseline", "The strategy sets a target of 35% for wind power's share of generation by 2030, up "
        "from 22% last year.", "22%", "share", "2024", "level", reference=REF),
    row("X of between A and B", "The firm expects impairment charges of between $40 million and $55 million.",
        "$40 million and $55 million", "impairment charges", None, "level"),
    row("a goal for X of N%", "The alliance's goal for military spending of 2% of output is far off.", "2%",
        "military spending", None, "level"),
    row("lost N% of their value", "Airline stocks, which have lost 30% of their value this year, rallied on Monday.",
        "30%", "value", "2025", "change", reference=REF),
    row("of purchases", "Shoppers used \"buy now, pay later\" plans for $8.1 billion of purchases during May.",
        "$8.1 billion", "purchases", "2025-05", "level", reference=REF),
    row("of up to", "The insurer also announced a share buyback of up to €300 million.", "€300 million",
        "share buyback", None, "level"),
    row("plans to run a deficit of", "Investors fretted over the plan to run a budget deficit of 4.8% of GDP this "
        "year.", "4.8%", "budget deficit", "2025", "level", reference=REF),
    row("a target of X of figure", "The group kept its target of net income of €1.2 billion for 2025.",
        "€1.2 billion", "net income", "2025", "level"),
    row("and: the figure of the same kind before", "The offer is a premium of 35% to the closing price of 410 "
        "pence, and 44% to the three-month average.", "44%", "premium", None, "level"),
]

ATTRIBUTIVE = [
    row("fund", "The firm launched a $500 million fund.", "$500 million", "fund", None, "level"),
    row("stake", "Toyota bought a 20 percent stake in the startup.", "20 percent", "stake", None, "level"),
    row("change noun in Y", "Economists expect a 5% drop in car sales.", "5%", "car sales", None, "change",
        source="ANNOTATION.md"),
    row("buyback", "The board approved a $2 billion share buyback.", "$2 billion", "share buyback", None, "level"),
    row("increase in Y with a year", "The insurer reported a 14% increase in premiums in 2024.", "14%", "premiums",
        "2024", "change"),
    row("investment", "The carmaker announced a €1.5 billion investment in battery plants.", "€1.5 billion",
        "investment", None, "level"),
    row("tariff", "Washington imposed a 25% tariff on imported steel.", "25%", "tariff", None, "level"),
    row("over budget", "The project ran $7.3 billion over budget.", "$7.3 billion", "budget", None, "change",
        source="ANNOTATION.md"),
    row("budget with its own year", "The city approved a $1.2 billion budget for 2026.", "$1.2 billion", "budget",
        "2026", "level", source="ANNOTATION.md"),
    row("package", "The government unveiled a $52 million aid package for farmers.", "$52 million", "aid package",
        None, "level"),
    row("drop in retail sales", "Economists expect a 5% drop in retail sales.", "5%", "retail sales", None, "change",
        source="ANNOTATION.md"),
    row("a count before the noun", "Skylark orders 40 Boeing jets worth $5.2 billion", "$5.2 billion",
        "Boeing jets", None, "level"),
]

APPOSITION = [
    row("a subject behind a passive aside with 'by'", "Revenue, lifted by strong festive trading, climbed 6.1 per "
        "cent to £5.8bn.", "6.1 per cent", "Revenue", None, "change"),
    row("a description after a filler, with 'after' and a name in it", "Net interest on the public debt, now the "
        "government's second-biggest expense after Social Security, cost $434 billion.", "$434 billion", "Net interest",
        None, "level"),
    row("a long description of the opening subject", "Net interest income, the difference between what the lender "
        "earns on loans and pays on deposits, slipped 1.5%.", "1.5%", "Net interest income", None, "change"),
    row("a description of the subject without a determiner", "Net charge-offs, loans the bank does not expect to "
        "recover, rose to $412 million.", "$412 million", "Net charge-offs", None, "level"),
    row("a description in apposition that ends in a participle", "The load factor, the share of available seats "
        "filled, rose 1.2 percentage points to 88.4%.", "88.4%", "load factor", None, "level"),
    row("a verb's object and how it moved", "The grocer reported sales up 3.8% on Wednesday.", "3.8%", "sales",
        "2025-07-09", "change", reference=REF),
    row("'retailing' is a noun before an aside", "Food retailing, which makes up about a third of the total, rose "
        "1.1% to $9.2 billion.", "1.1%", "Food retailing", None, "change"),
    row("a subject behind a relative aside with 'because' in it", "The jobless rate, which counts people who work "
        "part time because they cannot find more hours, rose 0.3 percentage points to 7.9%.", "7.9%", "jobless rate",
        None, "level"),
    row("an aside of places with a 'for' in it", "Road spending, on highways, bridges and a ring road for the "
        "capital, will rise 9% to $800 million.", "9%", "Road spending", None, "change"),
    row("a capital budget behind an aside of places", "Capital spending, on schools, hospitals and a new tram line, "
        "will rise 14% to $2.1 billion.", "14%", "Capital spending", None, "change"),
    row("a loss of points after a vote share: the vote's change", "The Labour Party fell to 27.1% of the vote, a loss "
        "of 5.6 percentage points.", "5.6 percentage points", "vote", None, "change"),
    row("a loss of money is a level", "The airline posted a loss of $61 million.", "$61 million", "loss", None,
        "level"),
    row("a relative clause with 'whose' is no apposition", "The plant builds the Kestrel Rover, whose sales had a 12% "
        "decline in 2024.", "12%", "sales", "2024", "change"),
    row("a figure after 'at' in an aside", "The finance minister said the jobless rate, at 5.1% in June, would "
        "keep falling.", "5.1%", "jobless rate", "2025-06", "level", reference=REF),
    row("a scope before a comma is no name in apposition", "Across the Pacific, the Hang Seng index closed down 1.4%.",
        "1.4%", "Hang Seng index", None, "change"),
    row("a figure in apposition to a noun", "The regulator said Kellan Steel received the largest fine, $40 million, "
        "while Orwin paid $12 million.", "$40 million", "largest fine", None, "level"),
    row("index named in an aside", "The main index, the FTSE 100, fell 2% on Thursday.", "2%", "FTSE 100",
        "2025-07-10", "change", reference=REF, source="ANNOTATION.md"),
    row("benchmark, the DAX", "Germany's benchmark, the DAX, rose 1.4% on Monday.", "1.4%", "DAX", "2025-07-07",
        "change", reference=REF),
    row("index, which fell", "The S&P 500, which fell on Monday, gained 0.9% on Friday.", "0.9%", "S&P 500",
        "2025-07-04", "change", reference=REF),
    row("name, then a description", "The Dow Jones Industrial Average, the blue-chip gauge, dropped 1.8%.", "1.8%",
        "Dow Jones Industrial Average", None, "change", source="ANNOTATION.md"),
    row("ticker in brackets", "The Dow Jones Industrial Average (DJIA) fell 1.2% on Friday.", "1.2%",
        "Dow Jones Industrial Average", "2025-07-04", "change", reference=REF),
    row("a description in an aside", "Core sales, a closely watched measure of demand, rose 2.4% in the second "
        "quarter.", "2.4%", "Core sales", "2025-Q2", "change", reference=REF),
    row("a change noun as the subject", "Annual wage growth slowed to 3.1% in May.", "3.1%", "Annual wage growth",
        "2025-05", "level", reference=REF),
    row("a metal on an exchange", "Three-month zinc on the London Metal Exchange fell 2% on Monday.", "2%",
        "Three-month zinc", "2025-07-07", "change", reference=REF),
    row("discounts on", "Discounts on laptops averaged 18% in June.", "18%", "Discounts", "2025-06", "level",
        reference=REF),
    row("an hourly measure", "Average hourly earnings rose 3.9% in May.", "3.9%", "Average hourly earnings",
        "2025-05", "change", reference=REF),
    row("a possessor's description in an aside", "Fee income, the lender's biggest source of revenue, rose to "
        "€1.9 billion in 2024.", "€1.9 billion", "Fee income", "2024", "level"),
]

BACK_REFERENCE = [
    row("', up 4.8%' after a figure, its noun and its date", "The council approved a $1.02 billion operating budget "
        "for fiscal 2026, up 4.8% from this year's.", "4.8%", "operating budget", "FY2026", "change", reference=REF),
    row("a country's name in lower case is a name", "aid pledges had reached $312 million by thursday. australia has "
        "promised a$120 million.", "a$120 million", "aid pledges", "2025-07-10", "level", reference=REF),
    row("a party in lower case takes a share of the vote", "the civic alliance won sunday's election with 38% of the "
        "vote, while the nationalist homeland party took 14.7%.", "14.7%", "vote", "2025-07-06", "level",
        reference=REF),
    row("a second figure after 'AND' in capitals", "THE OFFER IS A PREMIUM OF 42% TO FRIDAY'S CLOSE AND 51% TO THE "
        "90-DAY AVERAGE.", "51%", "PREMIUM", None, "level", reference=REF),
    row("', AFTER TOUCHING' in capitals", "SPOT SILVER WAS LITTLE CHANGED AT $31.20, AFTER TOUCHING $32.05 ON "
        "THURSDAY.", "$32.05", "SPOT SILVER", "2025-07-10", "level", reference=REF),
    row("'it' as an expected subject refers back", "Annual recurring revenue tripled to $64 million, and the chief "
        "executive expects it to reach $150 million by the end of 2026.", "$150 million", "Annual recurring revenue",
        "2026", "level", reference=REF),
    row("', after touching' a figure is the figure before's", "Spot silver was little changed at $31.20, after "
        "touching $32.05 on Thursday.", "$32.05", "Spot silver", "2025-07-10", "level", reference=REF),
    row("', down 6%' after a figure measures what it measures", "In 2024, the utility earned net income of $287 "
        "million, down 6% from a year earlier.", "6%", "net income", "2024", "change", reference=REF),
    row("'more than double the' sets a baseline", "Profit on player sales reached £96 million, more than double the "
        "£41 million of fiscal 2024.", "£41 million", "Profit", "FY2024", "level", reference=REF),
    row("'That' opening a sentence refers back", "Operating profit came to $3.9 billion in the second quarter. That "
        "was up 38% from a year earlier.", "38%", "Operating profit", "2025-Q2", "change", reference=REF),
    row("'This compares with' refers back", "Net profit was €212 million in the first half. This compares with €180 "
        "million a year earlier.", "€180 million", "Net profit", "2024-H1", "level", reference=REF),
    row("a sum a percentage change is set against is a level", "Operating profit came to $3.9 billion in the second "
        "quarter. That was up 38% from $2.8 billion a year earlier.", "$2.8 billion", "Operating profit",
        "2024-Q2", "level", reference=REF),
    row("'on average' is no measure", "Net profit rose 12% to NT$38.1 billion in the fourth quarter. Analysts had on "
        "average expected NT$35.2 billion.", "NT$35.2 billion", "Net profit", "2024-Q4", "level", reference=REF),
    row("a time of day and its zone are no measure", "Brent eased to $81.20 by 1400 GMT, still up 3.1% for the "
        "week.", "3.1%", "Brent", None, "change"),
    row("a forecast's figure set against the sentence's first, not its baseline", "Exports grew 7.6% in May, "
        "accelerating from a 1.5% gain in April and beating the 5.7% increase forecast by economists.", "5.7%",
        "Exports", "2025-05", "change", reference=REF),
    row("what analysts expected, in the passive", "Passenger revenue rose 3.8% to €1.92 billion, below the €1.97 "
        "billion expected by analysts.", "€1.97 billion", "Passenger revenue", None, "level"),
    row("expectations for a figure", "Imports rose 1.8%, missing expectations for a 4.2% increase.", "4.2%",
        "Imports", None, "change"),
    row("what it had forecast is for the period of the figure it is set against", "In the first half, profit "
        "slipped 4%. The group now expects sales this year of $9 billion, above the $8.6 billion it had forecast in "
        "April.", "$8.6 billion", "sales", "2025", "level", reference=REF),
    row("a gain economists had forecast: of the figure before", "Retail sales rose 0.5% in March, figures showed on "
        "Friday, a touch above the 0.4% gain economists had forecast.", "0.4%", "Retail sales", "2025-03", "change",
        reference=REF),
    row("a verb after ', and' without a subject: the first clause's", "Weekly wages rose 0.2% in June to $1,180, and "
        "were 4.1% higher than a year earlier.", "4.1%", "Weekly wages", "2025-06", "change", reference=REF),
    row("past a reporting clause to the first clause's subject", "Revenue rose 6% to $2 billion, the company said in "
        "a filing, and was up 3% from the first quarter.", "3%", "Revenue", None, "change"),
    row("names in gapped clauses measure what the figure before does", "Australia has promised A$120 million in aid, "
        "New Zealand NZ$45 million and Japan ¥6 billion.", "NZ$45 million", "aid", None, "level"),
    row("the figure as a share's subject", "The storm caused $1.4 billion in damage. The figure is equal to almost 60% "
        "of the country's annual economic output.", "60%", "damage", None, "level"),
    row("a change after 'after a' is of the measure before", "Industrial output grew 0.6% in June, after a revised "
        "0.2% fall in May.", "0.2%", "Industrial output", "2025-05", "change", reference=REF),
    row("a month's figure refers back", "Retail sales rose 1.8% in May. April's figure was revised to a fall of 0.4%.",
        "0.4%", "Retail sales", "2025-04", "change", reference=REF),
    row("analysts' expectation of the figure before", "Net income rose to $1.2 billion in the second quarter. "
        "Analysts had expected $1.1 billion.", "$1.1 billion", "Net income", "2025-Q2", "level", reference=REF),
    row("a comparison's date is no figure's", "Ticket sales reached $300 million this year. The figure was 15% higher "
        "than the takings of her 2022 tour.", "15%", "Ticket sales", "2025", "change", reference=REF),
    row("a comparison after a comma", "The ministry said it spent €800 million on school meals in 2024, 6% less than "
        "in 2023.", "6%", "school meals", "2024", "change"),
    row("the month's figure", "The jobless rate fell to 4.1% in March. The February figure had been reported as "
        "4.3%.", "4.3%", "jobless rate", "2025-02", "level", reference=REF),
    row("one of X", "Orwin paid a fine of $12 million and Bexley one of $5 million.", "$5 million", "fine", None,
        "level"),
    row("this figure", "Two-way trade reached $300 million in 2024. The two governments aim to raise this figure to "
        "$1 billion by 2030.", "$1 billion", "Two-way trade", "2030", "level", source="seed article"),
    row("it, after an index", "The Nikkei 225 index closed higher on Monday. It fell by 5% on Tuesday.", "5%",
        "Nikkei 225 index", "2025-07-08", "change", reference=REF),
    row("they", "Gold prices rallied on Monday. They fell by 2% on Tuesday.", "2%", "Gold prices", "2025-07-08",
        "change", reference=REF),
    row("lost: losses in the headline", "Losses mount at Acme\nAcme said it lost $2 billion in the fourth quarter "
        "of 2024.", "$2 billion", "Losses", "2024-Q4", "level", source="ANNOTATION.md"),
    row("capitalized: the capital named after, past a possessive", "The fund was capitalized at $80 million in "
        "March. Its returns already exceed the fund’s initial capital.", "$80 million", "initial capital", "2025-03",
        "level", reference=REF),
    row("they rose a further", "Exports of wine grew 9% in 2024. They rose a further 4% in the first quarter of "
        "2025.", "4%", "Exports", "2025-Q1", "change"),
    row("name reported a decline", "Harbor Motor sales dropped 9% in June. Summit Motors reported a decline of 12%.",
        "12%", "sales", "2025-06", "change", reference=REF, source="ANNOTATION.md"),
    row("it rose to", "Revenue reached $5 billion in 2023. It rose 10% to $5.5 billion in 2024.", "$5.5 billion",
        "Revenue", "2024", "level"),
    row("and, then a figure of the same measure", "The plan foresees a deficit of 4.8% of GDP this year and 3.9% in "
        "2026.", "3.9%", "deficit", "2026", "level", reference=REF),
    row("equal to about", "The owners pledged further funding of $90 million, equal to about £71 million.",
        "£71 million", "funding", None, "level"),
]

PASSAGE_PERIOD = [
    row("a clause after ', AND' in capitals goes on in its sentence's period", "REVENUE MORE THAN DOUBLED TO $612 "
        "MILLION IN THE FIRST HALF OF 2025, AND ITS NET LOSS NARROWED 40% TO $38 MILLION.", "40%", "NET LOSS",
        "2025-H1", "change"),
    row("a revised month's figure in capitals opens no passage", "OUTPUT ROSE 0.8% IN JANUARY. DECEMBER'S FIGURE WAS "
        "REVISED TO A FALL OF 1.3%. CAPITAL GOODS OUTPUT JUMPED 2.4%.", "2.4%", "CAPITAL GOODS OUTPUT", "2025-01",
        "change", reference=REF),
    row("a dateline in lower case is no passage's period", "the jobless rate climbs to 4.3%\ncanberra, feb 15, 2024\n"
        "the unemployment rate rose to 4.3% in january from 4.1% in december, the labour office said on thursday.\n"
        "the participation rate eased 0.2 percentage points to 66.6%.", "66.6%", "participation rate", "2024-01",
        "level", reference=date(2024, 2, 15)),
    row("a fiscal year to a day, in capitals", "KISARAGI NET PROFIT FOR THE YEAR TO MARCH 31, 2025 ROSE 31% TO 412 "
        "BILLION YEN.", "31%", "KISARAGI NET PROFIT", "FY2025", "change", reference=date(2025, 5, 10)),
    row("a part of a sum that opens its clause takes the date after its verb", "The group will book $400 million of "
        "charges. About $150 million of the charges will be booked in the first quarter of 2026.", "$150 million",
        "charges", "2026-Q1", "level", reference=REF),
    row("the value of a flow takes the passage's period", "Housing starts fell 11% in June. The value of building "
        "permits increased 3.4% to C$11.9 billion.", "C$11.9 billion", "value", "2025-06", "level", reference=REF),
    row("a rate expected to hold takes the passage's period", "The jobless rate rose in June. Economists had expected "
        "the rate to hold at 4.1%.", "4.1%", "rate", "2025-06", "level", reference=REF),
    row("a load factor is as of the passage's period", "Passenger numbers rose 9% in June, and the load factor "
        "improved to 88.6%.", "88.6%", "load factor", "2025-06", "level", reference=REF),
    row("a balance takes the passage's period", "The lender earned $2.3 billion in the first quarter. Its loan "
        "book grew 4% and liabilities stood at $91 billion.", "$91 billion", "liabilities", "2025-Q1", "level",
        reference=REF),
    row("a budget is no deal: it takes the passage's period", "The city council set its spending plans for 2026 on "
        "Tuesday. The parks budget will be $9.5 million, with a police budget of $41 million.", "$41 million",
        "police budget", "2026", "level", reference=REF),
    row("benefits paid are a flow: the passage's period", "The pension fund's assets grew 8% in 2024. Benefits paid "
        "to members totalled $6.2 billion.", "$6.2 billion", "Benefits", "2024", "level", reference=REF),
    row("what analysts had expected, after a baseline with its date, is the passage's", "Net profit rose 12% to $2.1 "
        "billion in the third quarter. It compared with $1.8 billion a year earlier and with the $1.9 billion "
        "analysts had expected.", "$1.9 billion", "Net profit", "2025-Q3", "level", reference=REF),
    row("inflows are a flow: the passage's period", "The fund manager drew net inflows of $6 billion in the second "
        "quarter. Inflows into its bond funds reached $4.2 billion.", "$4.2 billion", "Inflows", "2025-Q2", "level",
        reference=REF),
    row("a date that opens the sentence scopes a clause after ', and'", "From October 1, the cap on unit rates "
        "will rise to 31.2 pence, and the standing charge will increase to 61.5 pence.", "61.5 pence",
        "standing charge", "2025-10-01", "level", reference=REF),
    row("a clause after a baseline goes on in the period of the figure before it", "Sales rose to $41 million in "
        "the second quarter, up from $37 million in the first quarter, and operating profit climbed 6%.", "6%",
        "operating profit", "2025-Q2", "change", reference=REF),
    row("a party whose name capitals do not show, after a vote share", "Civic Union won Sunday's election with "
        "38.4% of the vote, while the nationalist Homeland party came third with 14.7%.", "14.7%", "vote",
        "2025-07-06", "level", reference=REF),
    row("the first months of a fiscal year place a figure", "For the first five months of fiscal 2026, which began "
        "on Oct. 1, the deficit totaled $1.15 trillion.", "$1.15 trillion", "deficit", "FY2026", "level",
        reference=date(2026, 3, 11)),
    row("a party that wins a share in a headline wins a share of the vote", "Civic Union wins 38% in election\nCivic "
        "Union won Sunday's election with 38.4% of the vote.", "38%", "vote", "2025-07-06", "level", reference=REF),
    row("a party that took a share behind an aside took a share of the vote", "Civic Union won Sunday's election "
        "with 38.4% of the vote. The Greens, led by a former mayor, took 9.5%.", "9.5%", "vote", "2025-07-06",
        "level", reference=REF),
    row("a year before the measure a reporter expects", "In the first half, revenue rose 6%. The group now expects "
        "2025 revenue of €8 billion.", "€8 billion", "revenue", "2025", "level", reference=REF),
    row("a body sentence's own quarter over the headline's year", "Airline sees 2026 fares up 3%\nThe airline "
        "posted a profit for the October-December quarter, as average fares rose 7%.", "7%", "average fares",
        "2025-Q4", "change", reference=date(2026, 1, 29)),
    row("a change someone expects takes the passage's period", "The budget for the 2024-25 fiscal year forecasts a "
        "deficit. Resource royalties are expected to fall by C$620 million.", "C$620 million", "Resource royalties",
        "FY2025", "change", reference=date(2024, 3, 21)),
    row("'more than tripled' is no comparison", "Drug maker raises forecast\nThe drug maker raised its forecast on "
        "Thursday after sales of its weight-loss drug more than tripled in the third quarter to $1.2 billion.\nTotal "
        "revenue rose 28% to $6.7 billion.", "28%", "revenue", "2025-Q3", "change", reference=date(2025, 10, 24)),
    row("a headline's quarter without its year restates the body's", "Cement maker's Q4 profit jumps 31%\nThe "
        "cement maker reported a 31% rise in net profit for the fourth quarter of fiscal 2025.", "31%", "profit",
        "FY2025-Q4", "change", reference=date(2025, 5, 14)),
    row("a lead's report period over its news day", "Pump maker lifts outlook\nThe pump maker raised its guidance "
        "on Wednesday after operating profit in the first half rose 14% to €486 million.\nRevenue increased 6.3% to "
        "€3.9 billion.", "6.3%", "Revenue", "2025-H1", "change", reference=REF),
    row("a rate after the month of its sentence's first clause", "Employers added 150,000 jobs in May, and the "
        "unemployment rate slipped to 3.9% from 4.0% in April.", "3.9%", "unemployment rate", "2025-05", "level",
        reference=REF),
    row("no clause ends inside a relative aside", "In the first half, which the group restated in May after an "
        "audit, operating profit fell 6% to $210 million.", "6%", "operating profit", "2025-H1", "change",
        reference=REF),
    row("'for the year as a whole' before a profit after tax", "For 2024 as a whole, profit after tax rose 12% to "
        "£84m.", "12%", "profit", "2024", "change"),
    row("an election's day places its vote shares", "The Liberal Party won Saturday's general election with 41.3% "
        "of the vote.", "41.3%", "vote", "2025-07-05", "level", reference=REF),
    row("a party's share after a vote's: the vote on the passage's day", "The Farmers' Party won 38% of the vote in "
        "the election on Sunday. The Greens slumped to 9.5%.", "9.5%", "vote", "2025-07-06", "level", reference=REF),
    row("a poll's respondents on the poll's month", "The survey of 1,000 adults was carried out in June. Some 44% "
        "of respondents backed the plan.", "44%", "respondents", "2025-06", "level", reference=REF),
    row("an estimate's day sets no passage's period", "Hanbit profit nearly triples\nHanbit estimated on Thursday that "
        "its operating profit in the fourth quarter nearly tripled to 9.1 trillion won.\nAnalysts had forecast less. "
        "Revenue rose 41% to 31.7 trillion won.", "41%", "Revenue", "2025-Q4", "change", reference=date(2026, 1, 8)),
    row("a weekday's dateline sets no passage's period", "Charity reports record income\nThursday, April 10, 2025\n"
        "Income rose 9% to £63.2m last year.\nDonations made up £38.4m.", "£38.4m", "Donations", "2024", "level",
        reference=date(2025, 4, 10)),
    row("a level after 'to a record' keeps the clause's date", "Income rose 9% to a record £63.2m last year.", "9%",
        "Income", "2024", "change", reference=date(2025, 4, 10)),
    row("a dateline that ends its line sets no passage's period", "Kenya's trade gap narrows\nNAIROBI, Nov 8, 2023 "
        "(Meridian News)\nThe trade deficit narrowed to $1.1 billion in September, data showed on Wednesday.\n"
        "Exports rose 6.5% to $612 million.", "6.5%", "Exports", "2023-09", "change", reference=date(2023, 11, 8)),
    row("a fiscal year named before its end in apposition", "In fiscal 2025, the year to January 2026, pre-tax profit "
        "rose 31% to £142m.", "31%", "pre-tax profit", "FY2025", "change", reference=date(2026, 3, 12)),
    row("a profit for a year before a report's day", "Halvard reported a 38% drop in net profit for 2023 on "
        "Thursday.", "38%", "net profit", "2023", "change", reference=date(2024, 2, 8)),
    row("a clause after ', and' goes on in its sentence's period", "Revenue more than doubled to $612 million in the "
        "first half of 2025, and its net loss narrowed 40% to $38 million.", "40%", "net loss", "2025-H1", "change"),
    row("and the level after it", "Revenue more than doubled to $612 million in the first half of 2025, and its net "
        "loss narrowed 40% to $38 million.", "$38 million", "net loss", "2025-H1", "level"),
    row("investment without an article is a flow", "Output rose 19% in 2025. Investment in grids reached €4.8 "
        "billion.", "€4.8 billion", "Investment", "2025", "level", reference=date(2026, 1, 15)),
    row("not a date in a relative clause on the measure's period", "Like-for-like sales in the fourth quarter of "
        "fiscal 2025, which covers Christmas and the January sales, rose 1.2%.", "1.2%", "Like-for-like sales",
        "FY2025-Q4", "change", reference=date(2025, 4, 16)),
    row("an approval rating as of the passage's month", "Support for Osei rose to 41% in September. The mayor's "
        "approval rating stood at 38%.", "38%", "approval rating", "2025-09", "level", reference=date(2025, 11, 14)),
    row("net debt as of the passage's period", "Revenue rose 3% in the first half. Net debt fell to £388 million.",
        "£388 million", "Net debt", "2025-H1", "level", reference=date(2025, 9, 14)),
    row("the day a budget was unveiled is no period", "The provincial government on Tuesday unveiled a C$68.4 "
        "billion budget for fiscal 2026. Spending on health will rise 12%.", "12%", "Spending", "FY2026", "change",
        reference=REF),
    row("the fiscal year that ended in June", "Subscriptions generated $3.1 billion in revenue in the fiscal year that "
        "ended in June.", "$3.1 billion", "revenue", "FY2025", "level", reference=REF),
    row("the six months to June 30", "Pretax profit fell 18% to £214 million in the six months to June 30.",
        "£214 million", "Pretax profit", "2025-H1", "level", reference=REF),
    row("the quarter ended June 30", "Net income rose to $86 million in the quarter ended June 30.", "$86 million",
        "Net income", "2025-Q2", "level", reference=REF),
    row("the fiscal year, which ended March 31", "For the full fiscal year, which ended March 31, net profit climbed "
        "17% to 66.2 billion rupees.", "66.2 billion rupees", "net profit", "FY2025", "level", reference=REF),
    row("a dateline on its own line sets no period", "Harlow Bank profit falls\nJuly 10, 2025\nHarlow Bank said its "
        "revenue rose 4% as lending grew.", "4%", "revenue", None, "change", reference=REF),
    row("indices move on the story's day", "Stocks slide\nJuly 10, 2025\nThe three major U.S. stock indices fell "
        "2.1% as bond yields climbed.", "2.1%", "three major U.S. stock indices", "2025-07-10", "change",
        reference=REF),
    row("a market's move on the story's day", "Oil rises\nJuly 10, 2025\nBrent crude futures rose $1.05, or 1.5%, "
        "as supply tightened.", "$1.05", "Brent crude futures", "2025-07-10", "change", reference=REF),
    row("the fiscal year ended March 31", "Kisaragi said its operating profit rose 31% to 412 billion yen in the "
        "fiscal year ended March 31.", "412 billion yen", "operating profit", "FY2025", "level", reference=REF),
    row("a wire dateline sets no period", "BERLIN, July 7 (Reuters) - German exports rose 0.8% in May. Imports "
        "increased 1.1%.", "1.1%", "Imports", "2025-05", "change", reference=REF),
    row("a release's day is no period", "Canadian factory sales fell 1.5%, data from Statistics Canada showed on "
        "Monday. Sales of motor vehicles dropped 4%.", "4%", "Sales", None, "change", reference=REF),
    row("a date after 'than expected' is the event's", "Exports rose more than expected in May as shipments picked "
        "up. Imports increased 1.1%.", "1.1%", "Imports", "2025-05", "change", reference=REF),
    row("a change of prices takes the passage's period", "Consumer prices rose 3.1% in June. Food prices climbed "
        "4.4%, driven by fresh vegetables.", "4.4%", "Food prices", "2025-06", "change", reference=REF),
    row("a 'but' clause takes its sentence's period", "Annual inflation slowed to 3.1% in June from 3.4% in May, the "
        "statistics office said, but prices rose 0.6% on the month.", "0.6%", "prices", "2025-06", "change",
        reference=REF),
    row("a restated figure's period", "Harlow Bank, the Leeds-based lender, said on Tuesday that second-quarter net "
        "income fell 8% to $90 million, or 61 cents per share, as funding costs rose.", "61 cents", "share",
        "2025-Q2", "level", "share", reference=REF),
    row("what was said: 'said on Tuesday that'", "Harlow Bank said on Tuesday that second-quarter net income fell 8%. "
        "The net interest margin narrowed to 2.9%.", "2.9%", "net interest margin", "2025-Q2", "level",
        reference=REF),
    row("provisions are a flow", "Harlow Bank said on Tuesday that second-quarter net income fell 8%. Loan loss "
        "provisions rose to $48 million.", "$48 million", "Loan loss provisions", "2025-Q2", "level", reference=REF),
    row("a period after 'said' that modifies a noun", "Halden Oil said second-quarter output rose 4%. Revenue "
        "climbed 6%.", "6%", "Revenue", "2025-Q2", "change", reference=REF),
    row("a lead's plan is no results' period", "Kestrel Foundry to spend more on plants\nJuly 10, 2025\nKestrel "
        "Foundry said on Thursday it would spend $3 billion on new plants in 2026. Net profit for the April-June "
        "quarter rose 12% to $410 million. Revenue climbed 9% to $2.3 billion.", "9%", "Revenue", "2025-Q2",
        "change", reference=REF),
    row("a revised month's figure opens no passage", "Output rose 0.8% in January. December's figure was revised "
        "to a fall of 1.3%. Capital goods output jumped 2.4%.", "2.4%", "Capital goods output", "2025-01", "change",
        reference=REF),
    row("a market value is no deal's", "Bank stocks fell sharply on Monday. Shares in Carrow Bank dropped 9%, wiping "
        "$2 billion off its market value.", "$2 billion", "market value", "2025-07-07", "change", reference=REF),
    row("the report's day before its verb", "Ostrava Steel on Tuesday reported results for its second quarter. "
        "Sales fell 6%.", "6%", "Sales", "2025-Q2", "change", reference=REF),
    row("a source is no comparison", "The country earned $9 billion from foreign tourists in 2024, the ministry said "
        "on Monday. Receipts rose 4% from 2023.", "4%", "Receipts", "2024", "change", reference=REF),
    row("occupancy is a rate of a period", "Hotels had a strong first half of 2025. Occupancy reached 71%.",
        "71%", "Occupancy", "2025-H1", "level"),
    row("headline skips the dateline", "Economy grows 2.1%\nApril 28, 2025\nThe economy grew 2.1% in the first "
        "quarter.", "2.1%", "Economy", "2025-Q1", "change"),
    row("quarter named before", "Acme Corp published its results for the third quarter of 2024. Revenue rose 8%.",
        "8%", "Revenue", "2024-Q3", "change"),
    row("profit level takes the quarter", "Acme Corp published its results for the third quarter of 2024. "
        "Revenue rose 8%. Net profit climbed to $410 million.", "$410 million", "Net profit", "2024-Q3", "level"),
    row("as-of level takes the half", "Group sales grew 5% in the first half of 2025. Margins improved to 12.5%.",
        "12.5%", "Margins", "2025-H1", "level", source="ANNOTATION.md"),
    row("year in an opening clause", "In 2024, the bank had a difficult year. Loans grew 6%.", "6%", "Loans", "2024",
        "change"),
    row("rate takes the month", "Hiring slowed sharply in March. The jobless rate rose to 4.2%.", "4.2%",
        "jobless rate", "2025-03", "level", reference=REF, source="ANNOTATION.md"),
    row("headline takes the body's", "Profit jumps 20% at Acme\nAcme Corp said net profit rose 20% to $1.3 billion "
        "in the second quarter of 2025.", "20%", "Profit", "2025-Q2", "change", source="ANNOTATION.md"),
    row("reporting date is no passage period", "Acme Corp reported results for the third quarter of 2024 on Tuesday. "
        "Revenue rose 8%.", "8%", "Revenue", "2024-Q3", "change", reference=REF, source="ANNOTATION.md"),
    row("headline skips the body's reporting date", "Profit jumps 20% at Acme\nAcme Corp said on Tuesday that net "
        "profit rose 20% to $1.3 billion in the second quarter of 2025.", "20%", "Profit", "2025-Q2", "change",
        reference=REF, source="ANNOTATION.md"),
    row("a price's thousands separator ends no side clause", "Gold was steady on Wednesday, after touching $3,402 "
        "on Tuesday. Silver slipped 0.4%.", "0.4%", "Silver", "2025-07-09", "change", reference=REF),
    row("a revised period is no passage period", "The economy grew 1.2% in the second quarter. Growth in the first "
        "quarter was revised down to 0.3%. Exports rose 2.5%.", "2.5%", "Exports", "2025-Q2", "change",
        reference=REF),
    row("headline restates the body's figure", "Bank holds rate at 4% as inflation eases to 2.6%\nJuly 9, 2025\n"
        "The central bank kept its main rate at 4% on Wednesday. Consumer price inflation eased to 2.6% in June from "
        "2.9% in May.", "2.6%", "inflation", "2025-06", "level", reference=REF),
    row("past a restated per-share figure", "Acme said on Tuesday that net profit rose 12% to $450 million, or 90 "
        "cents a share, in the second quarter.", "12%", "net profit", "2025-Q2", "change", reference=REF),
    row("past a figure in brackets", "The overhaul will cost 800 million euros ($870 million) in 2026.",
        "800 million euros", "overhaul", "2026", "level"),
    row("while: the date of the clause before", "The peso gained 0.5% on Tuesday, while the yield on 10-year bonds "
        "fell to 7.1%.", "7.1%", "yield", "2025-07-08", "level", reference=REF),
    row("its lowest since: another event's date", "Stocks slid on Monday. The index fell 1.2% to 6,410.5, its lowest "
        "close since March.", "1.2%", "index", "2025-07-07", "change", reference=REF),
    row("a date that modifies the noun after a reporting verb", "The chain expects first-half revenue of about "
        "£50 million.", "£50 million", "revenue", "2025-H1", "level", reference=REF),
    row("for the month", "Retail sales rose 2.1% in November. Analysts had forecast growth of 1.5% for the month.",
        "1.5%", "Retail sales", "2025-11", "change", reference=REF),
    row("for the full year", "Sales fell 3% in the fourth quarter of 2024. For the full year, sales rose 4%.", "4%",
        "sales", "2024", "change"),
    row("for a year, then by", "The bank cut its oil price forecast for 2026 by 6% to $64 a barrel.", "6%",
        "oil price forecast", "2026", "change"),
    row("dates after a revision are its", "Exports grew 1.4% in the second quarter. Growth in the first quarter was "
        "revised down to 0.2%, meaning the economy stalled at the end of last year. Imports rose 0.7%.", "0.7%",
        "Imports", "2025-Q2", "change", reference=REF),
    row("the year to a day is a fiscal year", "The club reported a loss of £31 million for the year to June 30, "
        "2024.", "£31 million", "loss", "FY2024", "level"),
    row("a fiscal year to a month, then the passage", "Corvel reported sales of $5.2 billion in its fiscal year to "
        "June. Margins widened to 14%.", "14%", "Margins", "FY2025", "level", reference=REF),
    row("past a level at a price", "Insurer shares were down 1.4% at €212.60 in Frankfurt on Monday.", "1.4%",
        "Insurer shares", "2025-07-07", "change", reference=REF),
    row("past a second figure of the clause", "The chain made a pre-tax profit of £84 million on revenue of £900 "
        "million last year.", "£84 million", "pre-tax profit", "2024", "level", reference=REF),
    row("a ratio is an as-of level", "Reinsurance premiums rose 5% in the first half. The combined ratio "
        "deteriorated to 96.1%.", "96.1%", "combined ratio", "2025-H1", "level", reference=REF),
    row("a bill is a flow", "Revenue rose 8% in the fourth quarter of 2024. The wage bill climbed to £190 million.",
        "£190 million", "wage bill", "2024-Q4", "level"),
    row("a bond sale is a deal", "Sales rose 4% in the second quarter. The group will also fund the deal with a "
        "$500 million bond sale.", "$500 million", "bond sale", None, "level", reference=REF),
    row("the lead's period over a side event's date", "Copper fell 3% on Thursday. The metal has lost a third of "
        "its value since its record in March. Aluminium dropped 2.1%.", "2.1%", "Aluminium", "2025-07-10", "change",
        reference=REF),
    row("a year that ended in a month, in a relative clause, sets the passage", "Subscriptions brought in $3.1 "
        "billion in the fiscal year that ended in June. Services revenue grew 19% in that period.", "19%",
        "Services revenue", "FY2025", "change", reference=REF),
    row("a since clause's date sets no passage", "Sales rose 5%, the best gain since the brand launched in 2019. "
        "Margins widened to 12%.", "12%", "Margins", None, "level", reference=REF),
    row("a sentence that opens with a date sets a new passage", "Acme said profit rose 4% in 2024. In 2023, sales "
        "rose 3%. Margins narrowed to 11%.", "11%", "Margins", "2023", "level"),
    row("a later day moves the story on", "Tokyo stocks fell 2% on Thursday. Wall Street recovered today after "
        "Thursday's losses. The Dow gained 1.2%.", "1.2%", "Dow", "2025-07-11", "change", reference=date(2025, 7, 11)),
]

NO_PERIOD = [
    row("the value of a contract stays a deal's", "The shipyard signed a contract in June. The value of the contract "
        "is $1.2 billion.", "$1.2 billion", "value", None, "level", reference=REF),
    row("a deal's value in a headline takes no period from the body", "Halden makes $2.3 billion bid for Corvex\n"
        "Halden Group on Monday made a $2.3 billion cash bid for Corvex, the maker of valves.", "$2.3 billion",
        "bid", None, "level", reference=REF),
    row("a change and its level 'starting' a day", "The budget trims the tax rate by half a percentage point, to "
        "1.5%, starting July 1.", "half a percentage point", "tax rate", "2025-07-01", "change", reference=REF),
    row("a day past a level after 'higher at'", "Shares closed 2.8% higher at $113.40 on the Nasdaq on Tuesday.",
        "2.8%", "Shares", "2025-07-08", "change", reference=REF),
    row("the level after a change in the change's period", "The grocer reported first-quarter sales up 3.8% at "
        "22.4 billion euros on Wednesday.", "22.4 billion euros", "sales", "2025-Q1", "level", reference=REF),
    row("not the year after 'the lowest since' and a noun", "Turnout fell to 52.4%, the lowest since independence "
        "in 1993.", "52.4%", "Turnout", None, "level"),
    row("a 'when' clause past the figure's noun", "Cyclone Tamsin caused an estimated $1.4 billion in damage when it "
        "struck the islands on February 9.", "$1.4 billion", "damage", "2025-02-09", "level",
        reference=date(2025, 2, 21)),
    row("a 'when' clause after a figure dates it", "His approval rating stood at 38%, down from 49% when he was "
        "re-elected in 2021.", "49%", "approval rating", "2021", "level", reference=date(2025, 9, 22)),
    row("the period a measure names before a report's day", "The group said first-quarter sales rose 3.8% to 22.4 "
        "billion euros on Wednesday.", "3.8%", "sales", "2025-Q1", "change", reference=date(2025, 5, 14)),
    row("so far this year", "Bullion has gained 22% so far this year.", "22%", "Bullion", "2024", "change",
        reference=date(2024, 9, 11)),
    row("not a date past a comma and 'from'", "Gold was steady, with spot prices up 0.2% at $2,520.80 an ounce, not "
        "far from the record high hit in August.", "0.2%", "spot prices", None, "change",
        reference=date(2024, 9, 11)),
    row("a 'when' clause after a date is at that date", "Prices are still short of late 2022, when the average price "
        "touched £266,000.", "£266,000", "average price", "2022", "level", reference=date(2024, 8, 15)),
    row("a deal's own date after a participle", "The carrier said a €1.2 billion order for 14 jets, signed in June, "
        "would lift its debt.", "€1.2 billion", "order", "2025-06", "level", reference=REF),
    row("a share price is a price", "Stocks fell on Monday. Shares of Kestrel slid 4% to $18.20 after a profit "
        "warning.", "$18.20", "Shares", None, "level", reference=REF),
    row("and a second premium, past another's day", "The bid is a premium of 30% to the closing price of 150 pence "
        "on Friday, and 45% to the one-month average.", "45%", "premium", None, "level"),
    row("an attributive figure before its noun's verb", "The $2 billion terminal will open in March.", "$2 billion",
        "terminal", None, "level"),
    row("contract never inherits", "Revenue rose 10% in 2024. Separately, the company won a $40 billion contract "
        "from the Navy.", "$40 billion", "contract", None, "level", source="ANNOTATION.md"),
    row("over a span of days", "Stocks hit a low on Monday. The index has fallen by a total of 14% over the past "
        "five days.", "14%", "index", None, "change", reference=REF, source="ANNOTATION.md"),
    row("said on Friday", "The company said on Friday that its shares rose 4%.", "4%", "shares", None, "change",
        reference=REF, source="ANNOTATION.md"),
    row("price never inherits", "Sales rose 6% in the first quarter of 2025. The company raised the price of its "
        "basic plan to $12.", "$12", "price", None, "level", source="ANNOTATION.md"),
    row("deal value never inherits", "Sales rose 6% in March. The retailer agreed to buy a rival for $900 million.",
        "$900 million", "rival", None, "level", reference=REF, source="ANNOTATION.md"),
    row("from Monday's close", "Shares rose 3% from Monday's close.", "3%", "Shares", None, "change", reference=REF,
        source="ANNOTATION.md"),
    row("compared with a year earlier", "Profit rose 9% compared with a year earlier.", "9%", "Profit", None,
        "change", reference=REF, source="ANNOTATION.md"),
    row("baseline's year", "Exports climbed 7%, up from 5% in 2023.", "7%", "Exports", None, "change",
        source="ANNOTATION.md"),
]

NO_MEASURE = [
    row("it with nothing before", "It costs $5.", "$5", None, None, "level", source="ANNOTATION.md"),
    row("some of the earmarked", "Officials are now using some of the $700 billion earmarked by Congress.",
        "$700 billion", None, None, "level",
        gap="frames._from_verb takes the subject of any verb: 'Officials' (a plural that starts the sentence, "
            "so no name) becomes the measure of what they use"),
    row("bare price in a list", "Save on top brands: $19.99, $24.99 and $49.99.", "$24.99", None, None, "level",
        source="ANNOTATION.md"),
    row("bare price after a price", "Was $49. Now $29.", "$29", None, None, "level", source="ANNOTATION.md"),
    row("share of people, nothing named", "About 60% said they would vote for the plan.", "60%", None, None,
        "level"),
    row("some N%", "Some 40% disagreed.", "40%", None, None, "level"),
    row("expect N%", "We expect 5%.", "5%", None, None, "level"),
    row("that is up", "That is up 3%.", "3%", None, None, "change"),
    row("lost with no noun for it", "The startup lost $40 million in 2024.", "$40 million", None, "2024", "level",
        source="ANNOTATION.md"),
]

RATES = [
    row("'start at' a price a month: the level of what starts there", "Gym memberships start at €39 a month.",
        "€39", "Gym memberships", None, "level", "month"),
    row("a price a year measures what is priced, not the year", "Season tickets, capped by the league at £420 a "
        "year, will bring in £12 million.", "£420", "Season tickets", None, "level", "year"),
    row("a bill's change per month measures the bill", "Broadband bills will rise by £3 a month.", "£3",
        "Broadband bills", None, "change", "month"),
    row("what costs so much a month", "A typical bundle costing £52 a month will rise.", "£52", "typical bundle",
        None, "level", "month"),
    row("a percentage a year is a change of its subject", "The excise on tobacco will climb 10% a year.", "10%",
        "excise", None, "change", "year"),
    row("per a participle and its noun", "Ranchers earned $212 per finished steer in May.", "$212", "finished steer",
        "2025-05", "level", "steer", reference=REF),
    row("a commodity price per bushel", "Soybean futures in Chicago rose 1.2% to $10.45 a bushel.", "$10.45", "bushel",
        None, "level", "bushel"),
    row("a dividend of X a share", "Tarrow Foods said first-half profit rose 8%. It declared an interim dividend of 21 "
        "cents a share.", "21 cents", "share", "2025-H1", "level", "share", reference=REF, source="ANNOTATION.md"),
    row("a flow of X a year", "The merger should bring cost savings of $300 million a year by 2027.", "$300 million",
        "cost savings", "2027", "level", "year"),
    row("for each", "Owners can claim $150 for each faulty charger returned.", "$150", "faulty charger", None,
        "level", per="charger"),
    row("per share", "The company earned $1.87 per share in the second quarter of 2025.", "$1.87", "share",
        "2025-Q2", "level", "share", source="ANNOTATION.md"),
    row("per month: what is worth so much a month", "The central bank will buy bonds worth €7.5 billion per month.",
        "€7.5 billion", "bonds", None, "level", "month"),
    row("a wage that rises to so much an hour", "The national minimum wage rises to £12.21 an hour in April.",
        "£12.21", "national minimum wage", "2025-04", "level", "hour", reference=date(2025, 3, 12)),
    row("a contract worth so much a week", "He signed a five-year contract worth £300,000 a week.", "£300,000",
        "five-year contract", None, "level", "week"),
    row("per barrel", "Oil rose to $70 per barrel.", "$70", "barrel", None, "level", "barrel"),
    row("per night", "The hotel charges €120 per night.", "€120", "night", None, "level", "night"),
    row("per hour", "The plant pays workers $18 per hour.", "$18", "hour", None, "level", "hour"),
    row("dividend per share", "The bank raised its dividend to 45 cents per share.", "45 cents", "share", None,
        "level", "share", source="ANNOTATION.md"),
    row("per gallon, a price's own month", "Gasoline averaged $3.10 per gallon in June.", "$3.10", "gallon",
        "2025-06", "level", "gallon", reference=REF, source="ANNOTATION.md"),
    row("a sum has no per", "Revenue reached $5 billion in 2023, up 10%.", "$5 billion", "Revenue", "2023", "level"),
    row("quote, second figure", "1 EUR = 1.08 USD", "1.08 USD", None, None, "level", "EUR"),
    row("quote in a sentence", "On Friday the euro was quoted at 1 EUR = 1.0850 USD.", "1 EUR", "euro",
        "2025-07-04", "level", "EUR", reference=REF),
    row("per diluted share", "The company earned $1.87 per diluted share in the second quarter of 2025.", "$1.87",
        "diluted share", "2025-Q2", "level", "share", source="ANNOTATION.md"),
    row("a barrel", "Brent crude traded at $70 a barrel on Monday.", "$70", "barrel", "2025-07-07", "level", "barrel",
        reference=REF),
    row("currency pair", "The euro traded at EUR/USD 1.0893 on Friday.", "USD 1.0893", "euro", "2025-07-04",
        "level", "EUR", reference=REF,
        gap="'EUR' and '/' (tagged N and ' ') stand between 'traded at' and the figure 'USD 1.0893', so no "
            "frame reaches 'euro' (the per column, EUR, is right)"),
    row("quote, first figure", "1 EUR = 1.08 USD", "1 EUR", None, None, "level", "EUR"),
]

TABLE = """Acme Corp published its quarterly results.

| Measure | Q3 2023 | Q3 2024 |
|---|---|---|
| Revenue | $1.2 billion | $1.4 billion |
| Net income | $210 million | $260 million |
| Operating margin | 14.5% | 16.1% |
"""

NO_OUTER_PIPES = """Segment | Q1 2024 | Q1 2025
--- | --- | ---
Cloud | $4.1 billion | $5.0 billion
Devices | $900 million | $850 million
"""

YEARS_TABLE = """| Measure | 2023 | 2024 |
|---|---|---|
| Revenue | $1.2 billion | $1.4 billion |
| Net income | $210 million | $260 million |
"""

TABLES = [
    row("row and column headers", TABLE, "$1.2 billion", "Revenue", "2023-Q3", "level"),
    row("second column", TABLE, "$1.4 billion", "Revenue", "2024-Q3", "level"),
    row("two-word row header", TABLE, "$260 million", "Net income", "2024-Q3", "level"),
    row("percentage cell", TABLE, "16.1%", "Operating margin", "2024-Q3", "level"),
    row("no outer pipes", NO_OUTER_PIPES, "$850 million", "Devices", "2025-Q1", "level"),
    row("no outer pipes, first column", NO_OUTER_PIPES, "$4.1 billion", "Cloud", "2024-Q1", "level"),
    row("years as column headers", YEARS_TABLE, "$1.4 billion", "Revenue", "2024", "level",
        gap="a bare year is no date to the extractor without a cue, so the column '2024' has no date "
            "mention and linker._period finds none"),
]

UPPER_CASE = [
    row("a compound in -ed is no verb", "THE GROUP SOLD ITS UNIT TO A NEW YORK-BASED FUND FOR $2 BILLION.",
        "$2 BILLION", "UNIT", None, "level"),
    row("a possessive in capitals", "ACME'S EUROPEAN SALES FELL 4% AFTER YESTERDAY'S CUT.", "4%", "EUROPEAN SALES",
        None, "change"),
    row("change verb", "SALES ROSE 12% IN MARCH.", "12%", "SALES", "2025-03", "change", reference=REF),
    row("fell by, year", "EXPORTS FELL BY 3% IN 2024.", "3%", "EXPORTS", "2024", "change"),
    row("level verb", "REVENUE REACHED $5 BILLION IN 2023.", "$5 BILLION", "REVENUE", "2023", "level"),
    row("rate hit", "THE UNEMPLOYMENT RATE HIT 4.1% IN JUNE.", "4.1%", "UNEMPLOYMENT RATE", "2025-06", "level",
        reference=REF),
    row("attributive", "THE FIRM LAUNCHED A $500 MILLION FUND.", "$500 MILLION", "FUND", None, "level"),
    row("of", "CHINA ACCOUNTS FOR 7% OF WORLD OUTPUT.", "7%", "WORLD OUTPUT", None, "level"),
    row("to a price, with a day", "SHARES ROSE 4% TO $41.20 ON FRIDAY.", "$41.20", "SHARES", "2025-07-04", "level",
        reference=REF),
    row("title-case headline", "Oil Prices Fall 3% as Demand Weakens", "3%", "Oil Prices", None, "change"),
    row("a company's report of a decline", "CAR SALES FELL 20% IN MAY. GENERAL MOTORS REPORTED A 31% DECLINE.", "31%",
        "CAR SALES", "2025-05", "change", reference=REF),
    row("a measure that reports", "CAR SALES POSTED A DECLINE OF 12% IN MAY.", "12%", "CAR SALES", "2025-05",
        "change", reference=REF),
    row("United States is no verb", "ITS SALES IN THE UNITED STATES ROSE 43% IN FEBRUARY.", "43%", "SALES",
        "2025-02", "change", reference=REF),
    row("in Y after the figure", "THE BUYER AGREED TO TAKE ON $18 BILLION IN PENSION COSTS.", "$18 BILLION",
        "PENSION COSTS", None, "level"),
    row("N% of Y after reach", "PUBLIC DEBT WILL REACH 61% OF GDP IN 2026.", "61%", "PUBLIC DEBT", "2026", "level"),
    row("lower case: a company's report of a decline", "car sales fell 20% in may. general motors reported a 31% "
        "decline.", "31%", "car sales", "2025-05", "change", reference=REF),
    row("lower case: a company's decline of", "truck sales fell 8% in may. volvo group posted a decline of 11%.",
        "11%", "truck sales", "2025-05", "change", reference=REF),
    row("an index's name before an aside", "THE DOW JONES INDUSTRIAL AVERAGE, THE BLUE-CHIP GAUGE, FELL 2.1% ON "
        "MONDAY.", "2.1%", "DOW JONES INDUSTRIAL AVERAGE", "2025-07-07", "change", reference=REF),
    row("lower case: an index's number", "the kospi 200 index slid 2.3% to 311.5 points on tuesday.", "2.3%",
        "kospi 200 index", "2025-07-08", "change", reference=REF),
]

TABLES_BY_FRAME = {
    "level verbs": LEVEL_VERBS, "change verbs": CHANGE_VERBS, "to and from": TO_AND_FROM, "of": OF,
    "attributive": ATTRIBUTIVE, "apposition": APPOSITION, "back-reference": BACK_REFERENCE,
    "passage period": PASSAGE_PERIOD, "no period": NO_PERIOD, "no measure": NO_MEASURE, "rates": RATES,
    "tables": TABLES, "upper case": UPPER_CASE,
}
EXAMPLES = [example._replace(id=f"{frame}: {example.id}")
            for frame, table in TABLES_BY_FRAME.items() for example in table]


def figure_of(example: Example) -> tuple[Mention, list[Mention]]:
    """The figure a row names, among the mentions extract() finds in its text."""
    mentions = extract(example.text, example.reference)
    after = example.text.index(example.after) + len(example.after)
    figures = [m for m in mentions if m.type != "date" and m.text == example.figure and m.start >= after]
    assert figures, [m.text for m in mentions]
    return figures[0], mentions


@pytest.mark.parametrize("example", [case(e) for e in EXAMPLES])
def test_links(example: Example) -> None:
    figure, _ = figure_of(example)
    link = figure.link
    assert Linked(link.measure, link.period, link.role, link.per) == example.linked


@pytest.mark.parametrize("example", [pytest.param(e, id=e.id) for e in EXAMPLES])
def test_link_quotes_the_text(example: Example) -> None:
    """Whatever the link says, its measure span quotes the text, its sentence holds the figure, and its
    period's interval is the one the dates table gives that date."""
    figure, mentions = figure_of(example)
    link = figure.link
    assert link.role in ("level", "change")
    if link.measure is None:
        assert (link.measure_start, link.measure_end) == (None, None)
    else:
        assert example.text[link.measure_start:link.measure_end] == link.measure
    assert link.sentence_start is not None and link.sentence_end is not None
    assert link.sentence_start <= figure.start and figure.end <= link.sentence_end
    assert figure.text in example.text[link.sentence_start:link.sentence_end]
    if link.period is None:
        assert (link.period_start_date, link.period_end_date) == (None, None)
    else:
        intervals = {(m.start_date, m.end_date) for m in mentions if m.type == "date" and m.value == link.period}
        assert (link.period_start_date, link.period_end_date) in intervals or not intervals


def test_ids_are_unique() -> None:
    ids = [example.id for example in EXAMPLES]
    assert len(ids) == len(set(ids))


def test_every_row_says_where_it_came_from() -> None:
    check_sources(EXAMPLES)


def test_a_table_holds_rows_and_few_gaps() -> None:
    """At most ~15% of the rows are known gaps, and every frame has rows that pass."""
    assert 80 <= len(EXAMPLES) <= 600
    assert sum(bool(e.gap) for e in EXAMPLES) <= 0.15 * len(EXAMPLES)
    for name, table in TABLES_BY_FRAME.items():
        assert any(not e.gap for e in table), name


def test_a_line_of_many_figures_links_each_of_them() -> None:
    """A table or list with no sentence stop is read a stretch at a time: every figure is linked,
    its measure quotes the text and its sentence holds it (linker._LONG_SENTENCE)."""
    text = "Sales rose 5% to $20 million in 2024, " * 3000
    figures = [m for m in extract(text, REF) if m.type != "date"]
    assert len(figures) == 6000
    assert all(m.link.role is not None for m in figures)
    assert all(m.link.sentence_start <= m.start and m.end <= m.link.sentence_end for m in figures)
    assert all(text[m.link.measure_start:m.link.measure_end] == m.link.measure == "Sales" for m in figures)
    assert {m.link.role for m in figures if m.text == "5%"} == {"change"}
    assert {m.link.period for m in figures} == {"2024"}


def test_a_figure_across_a_line_break_stands_in_both_lines() -> None:
    """A figure's sentence holds it, even where the figure spans the break between two lines
    (the schema refuses a sentence that does not: a property test found "RS\\n0")."""
    text = "Fees of RS\n0 are charged.\nNo more."
    [figure] = [m for m in extract(text, None) if m.type != "date"]
    assert figure.text == "RS\n0"
    assert text[figure.link.sentence_start:figure.link.sentence_end] == "Fees of RS\n0 are charged."


def test_a_chunk_splits_the_same_whatever_came_before() -> None:
    """A chunk's words turn on its text alone: "U.S.," is "U.S." and a comma whether or not "U.S."
    was read before, so that a document's links do not depend on the documents before it."""
    sentence = "Exports to the U.S., its largest market, rose 5%."

    def split(*before: str) -> list[str]:
        words._SEEN.clear()
        words._PIECES.clear()
        for text in before:
            words.Words(text, 0, len(text), [])
        read = words.Words(sentence, 0, len(sentence), [])
        return [read.word(i) for i in range(len(read.tags))]

    assert split() == split("The U.S. economy grew.")
    assert split()[3:5] == ["U.S.", ","]
