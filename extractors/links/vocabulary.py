"""The words the linker reads a figure's sentence by: each word's class (words.py turns a
sentence into one tag letter a word), and the nouns that decide periods and back-references.

A word not listed is a nominal (tag N: a noun, an adjective or a name). Lists hold lower-case
forms; inflections are written out, since there is no stemmer.
"""
from __future__ import annotations

from typing import Final

import pycountry


def _forms(*stems: str) -> frozenset[str]:
    """Each "rise|rises|rose|risen|rising" stem written out as its forms."""
    return frozenset(form for stem in stems for form in stem.split("|"))


# Verbs whose object or subject changes by the figure: "sales rose 5%", "cut costs by 30%".
CHANGE_VERBS: Final = _forms(
    "rise|rises|rose|risen|rising", "fall|falls|fell|fallen|falling", "grow|grows|grew|grown|growing",
    "increase|increases|increased|increasing", "decrease|decreases|decreased|decreasing",
    "drop|drops|dropped|dropping", "decline|declines|declined|declining", "gain|gains|gained|gaining",
    "lose|loses|lost|losing", "jump|jumps|jumped|jumping", "climb|climbs|climbed|climbing",
    "slide|slides|slid|sliding", "slip|slips|slipped|slipping", "tumble|tumbles|tumbled|tumbling",
    "plunge|plunges|plunged|plunging", "plummet|plummets|plummeted|plummeting", "soar|soars|soared|soaring",
    "surge|surges|surged|surging", "sink|sinks|sank|sunk|sinking", "slump|slumps|slumped|slumping",
    "contract|contracts|contracted|contracting", "expand|expands|expanded|expanding",
    "shrink|shrinks|shrank|shrunk|shrinking", "edge|edges|edged|edging", "ease|eases|eased|easing",
    "advance|advances|advanced|advancing", "retreat|retreats|retreated|retreating",
    "add|adds|added|adding", "shed|sheds|shedding", "cut|cuts|cutting", "slash|slashes|slashed|slashing",
    "trim|trims|trimmed|trimming", "reduce|reduces|reduced|reducing", "lower|lowers|lowered|lowering",
    "raise|raises|raised|raising", "lift|lifts|lifted|lifting", "boost|boosts|boosted|boosting",
    "double|doubles|doubled|doubling", "triple|triples|tripled|tripling", "halve|halves|halved|halving",
    "widen|widens|widened|widening", "narrow|narrows|narrowed|narrowing", "improve|improves|improved|improving",
    "rebound|rebounds|rebounded|rebounding", "recover|recovers|recovered|recovering",
    "dip|dips|dipped|dipping", "spike|spikes|spiked|spiking", "rally|rallies|rallied|rallying",
    "accelerate|accelerates|accelerated|accelerating", "slow|slows|slowed|slowing", "firmed|firming",
    "weaken|weakens|weakened|weakening", "strengthen|strengthens|strengthened|strengthening",
    "soften|softens|softened|softening", "sag|sags|sagged|sagging",
    "deteriorate|deteriorates|deteriorated|deteriorating", "dive|dives|dived|diving", "worsen|worsens|worsened",
)
# Of these, the ones that take what changes as their object when one follows ("boost fuel efficiency by 3%").
TRANSITIVE_CHANGE_VERBS: Final = _forms(
    "increase|increases|increased|increasing", "decrease|decreases|decreased|decreasing",
    "cut|cuts|cutting", "slash|slashes|slashed|slashing", "trim|trims|trimmed|trimming",
    "reduce|reduces|reduced|reducing", "lower|lowers|lowered|lowering", "raise|raises|raised|raising",
    "lift|lifts|lifted|lifting", "boost|boosts|boosted|boosting", "double|doubles|doubled|doubling",
    "triple|triples|tripled|tripling", "halve|halves|halved|halving", "expand|expands|expanded|expanding",
    "improve|improves|improved|improving", "grow|grows|grew|grown|growing", "shed|sheds|shedding",
    "add|adds|added|adding", "widen|widens|widened|widening", "narrow|narrows|narrowed|narrowing",
)
# Verbs that give their subject's value: "the program costs $99", "the index closed at 4,656".
LEVEL_VERBS: Final = _forms(
    "cost|costs|costing", "total|totals|totaled|totalled|totaling|totalling", "reach|reaches|reached|reaching",
    "stand|stands|stood|standing", "amount|amounts|amounted|amounting", "retail|retails|retailed|retailing",
    "sell|sells|sold|selling", "trade|trades|traded|trading", "close|closes|closed|closing",
    "end|ends|ended|ending", "finish|finishes|finished|finishing", "open|opens|opened|opening",
    "hit|hits|hitting", "top|tops|topped|topping", "exceed|exceeds|exceeded|exceeding",
    "hover|hovers|hovered|hovering", "settle|settles|settled|settling", "average|averages|averaged|averaging",
    "equal|equals|equalled|equaled", "represent|represents|represented|representing",
    "account|accounts|accounted|accounting", "value|values|valued|valuing", "price|prices|priced|pricing",
    "worth", "run|runs|ran|running", "come|comes|came|coming", "peak|peaks|peaked|peaking",
    "touch|touches|touched|touching", "start|starts|started",
)
# Verbs that buy or sell what they take: "sold the unit to X for $5 billion" -> the unit.
TRANSACTION_VERBS: Final = _forms(
    "buy|buys|bought|buying", "sell|sells|sold|selling", "acquire|acquires|acquired|acquiring",
    "purchase|purchases|purchased|purchasing", "divest|divests|divested|divesting",
    "offer|offers|offered|offering", "pay|pays|paid|paying", "bid|bids|bidding", "win|wins|won|winning",
    "order|orders|ordered|ordering", "lease|leases|leased|leasing", "auction|auctions|auctioned|auctioning",
)
# A clause with only a verb ("lost $5m", "capitalized at $500m") measures the noun of its verb,
# found in the text around it ("losses" in the headline, "initial capital" later on).
NOUNS_OF_VERBS: Final = {
    **dict.fromkeys(_forms("lose|loses|lost|losing"), ("loss", "losses")),
    **dict.fromkeys(_forms("earn|earns|earned|earning"), ("earnings", "profit", "profits")),
    **dict.fromkeys(_forms("gained"), ("gain", "gains", "profit", "profits")),
    **dict.fromkeys(_forms("capitalize|capitalizes|capitalized|capitalise|capitalised"), ("capital", "capitalization")),
    **dict.fromkeys(_forms("contribute|contributes|contributed|contributing"), ("contribution", "contributions", "funding")),
    **dict.fromkeys(("funded",), ("funding", "fund")),
    **dict.fromkeys(_forms("spend|spends|spent"), ("spending", "expenditure")),
    **dict.fromkeys(_forms("invest|invests|invested|investing"), ("investment", "investments")),
    **dict.fromkeys(_forms("borrow|borrows|borrowed"), ("loan", "loans", "borrowing")),
    **dict.fromkeys(_forms("lend|lends|lent"), ("loan", "loans", "lending")),
    **dict.fromkeys(_forms("owe|owes|owed|owing"), ("debt", "debts")),
    **dict.fromkeys(_forms("donate|donates|donated|donating"), ("donation", "donations")),
    **dict.fromkeys(_forms("pledged|pledging"), ("pledge", "aid")),
    **dict.fromkeys(_forms("own|owns|owned|owning", "held", "retain|retains|retained|retaining"),
                    ("stake", "share", "holding")),
}
# Verbs that report, whose date is when it was said, not when the figure happened ("said Friday").
REPORTING_VERBS: Final = _forms(
    "say|says|said|saying", "announce|announces|announced|announcing", "report|reports|reported|reporting",
    "tell|tells|told|telling", "state|states|stated", "disclose|discloses|disclosed|disclosing",
    "confirm|confirms|confirmed|confirming", "estimate|estimates|estimated", "forecast|forecasts|forecasted",
    "expect|expects|expected", "predict|predicts|predicted", "claim|claims|claimed", "add|adds|added",
    "note|notes|noted|noting", "publish|publishes|published", "release|releases|released",
    "post|posts|posted", "show|shows|showed|shown", "warn|warns|warned", "write|writes|wrote",
)
# Other verbs and verb forms that end a noun phrase ("a $5m fund invests ...").
OTHER_VERBS: Final = _forms(
    "be|is|are|was|were|been|being|am", "have|has|had|having", "do|does|did|done", "will|would|shall|should",
    "can|could|may|might|must", "make|makes|made|making", "take|takes|took|taken|taking",
    "give|gives|gave|given|giving", "get|gets|got|gotten|getting", "go|goes|went|gone|going",
    "use|uses|used|using", "need|needs|needed", "want|wants|wanted", "plan|plans|planned|planning",
    "agree|agrees|agreed|agreeing", "set|sets|setting", "put|puts|putting", "keep|keeps|kept|keeping",
    "include|includes|included|including", "become|becomes|became|becoming", "remain|remains|remained|remaining",
    "seem|seems|seemed", "mark|marks|marked|marking", "send|sends|sent|sending", "bring|brings|brought|bringing",
    "help|helps|helped|helping", "let|lets", "see|sees|saw|seen|seeing", "join|joins|joined|joining",
    "supply|supplies|supplied|supplying", "build|builds|built", "begin|begins|began|begun|beginning",
    "defeat|defeats|defeated|defeating", "exchange|exchanges|exchanged|exchanging", "rescue|rescues|rescued",
    "accomplish|accomplishes|accomplished", "seek|seeks|sought|seeking", "receive|receives|received|receiving",
    "provide|provides|provided|providing", "allow|allows|allowed|allowing", "approve|approves|approved|approving",
    "sign|signs|signed|signing", "launch|launches|launched|launching", "fit|fits|fitted|fitting",
    "earmark|earmarks|earmarked", "finance|finances|financed|financing", "compare|compares|compared|comparing",
    "outsell|outsells|outsold", "born", "hire|hires|hired|hiring", "employ|employs|employed|employing",
    "deliver|delivers|delivered|delivering", "stay|stays|stayed|staying",
)
# Verbs that move or hold their object at the figure: "push the value as high as $100 billion",
# "kept its benchmark rate at 0.25%".
MOVING_VERBS: Final = _forms("push|pushes|pushed|pushing", "bring|brings|brought|bringing",
                             "drive|drives|drove|driven|driving", "send|sends|sent|sending", "put|puts|putting",
                             "take|takes|took|taken|taking", "set|sets|setting", "keep|keeps|kept|keeping",
                             "hold|holds|held|holding", "leave|leaves|left|leaving")
# After "make", "up" is no direction: "jobs which make up 20% of the workforce".
PHRASAL_UP: Final = _forms("make|makes|made|making", "set|sets|setting", "take|takes|took|taken", "pick|picks|picked",
                           "end|ends|ended", "add|adds|added", "sum|sums|summed", "wind|winds|wound", "open|opens|opened")
# "$40 million will be used for the design", "€900 million will go to home insulation": the
# figure pays for what follows.
SPENT_ON: Final = frozenset({"used", "spent", "earmarked", "allocated", "allotted", "invested", "needed", "required",
                             "paid", "budgeted", "set", "reserved", "committed", "raised", "go", "goes", "went",
                             "going", "flow", "flows"})
# "spend $X on Y": the figure pays for Y.
SPEND_VERBS: Final = _forms("spend|spends|spent|spending", "invest|invests|invested|investing",
                            "splurge|splurges|splurged", "waste|wastes|wasted")
# Nouns of change: "a 14% increase", "a decline of 49%". Not the measure themselves.
CHANGE_NOUNS: Final = frozenset({
    "increase", "increases", "rise", "rises", "drop", "drops", "decline", "declines", "decrease", "decreases",
    "gain", "gains", "fall", "falls", "plunge", "jump", "jumps", "growth", "improvement", "improvements",
    "cut", "cuts", "reduction", "reductions", "surge", "slump", "slide", "dip", "hike", "hikes", "boost",
    "climb", "rebound", "contraction", "expansion", "downturn", "upturn", "rally", "tumble", "change", "changes",
    "raise",
})
# "up 5%", "5% higher": the figure is a change; "up from 14%": a baseline level.
DIRECTION_WORDS: Final = frozenset({"up", "down", "higher", "lower", "ahead", "behind", "stronger", "weaker"})
BACK_REFERENCES: Final = frozenset({"it", "they", "them", "itself", "themselves"})
# "this figure", "the amount": the measure of the figure before.
FIGURE_NOUNS: Final = frozenset({"figure", "figures", "amount", "sum", "number", "total", "level", "value"})
DETERMINERS: Final = frozenset({
    "a", "an", "the", "this", "that", "these", "those", "his", "her", "our", "your", "my", "some", "any",
    "each", "every", "another", "other", "no", "all", "both", "such", "its", "their", "which", "whose",
    "many", "much", "several", "few", "more", "most", "less", "least", "same", "further",
})
PREPOSITIONS: Final = frozenset({
    "on", "with", "into", "onto", "over", "under", "between", "against", "through", "during", "after", "before",
    "since", "until", "till", "across", "among", "around", "within", "without", "toward", "towards", "about",
    "than", "via", "amid", "despite", "behind", "beyond", "like", "unlike", "versus", "vs", "vs.", "as", "upon",
    "off", "out", "per", "including", "following", "compared",
})
CONJUNCTIONS: Final = frozenset({"while", "but", "although", "though", "whereas", "because", "when", "if",
                                 "unless", "yet", "so", "after", "where"})
RELATIVES: Final = frozenset({"which", "who", "that", "whom"})
# Filler between a verb and its figure: "fell as much as 35%", "down by a total of 14%".
ADVERBS: Final = frozenset({
    "also", "still", "only", "just", "even", "nearly", "almost", "about", "around", "roughly", "some",
    "approximately", "another", "further", "already", "now", "then", "again", "much", "as", "more", "less",
    "than", "sharply", "slightly", "steeply", "modestly", "significantly", "respectively", "each", "total",
    "not", "never", "reportedly", "unexpectedly", "well", "far", "least", "most", "over", "under", "above",
    "below", "high", "low", "close", "year-on-year", "year-over-year", "yoy", "y/y", "q/q", "m/m", "apiece",
    "overall", "annually", "however", "meanwhile", "additionally", "little", "nevertheless", "nonetheless",
    "aside", "alone",  # "set aside $118 million", "Sales in December alone rose 14%"
    "gmt", "bst", "utc", "edt", "est", "cet", "cest", "jst", "hkt", "sgt", "aest", "pst", "pdt",  # "by 1530 GMT"
})
# Denominators of a flow's rate: "cost savings of $300 million a year" measures the savings.
PER_TIME: Final = frozenset({"year", "annum", "month", "week", "day", "hour", "quarter"})
# A rate's denominator after "a"/"an" ("$70 a barrel"); after "per" any noun is one.
PER_UNITS: Final = frozenset({
    "share", "barrel", "month", "year", "day", "week", "hour", "minute", "person", "head", "ton", "tonne",
    "ounce", "unit", "gallon", "litre", "liter", "kilogram", "kilo", "kg", "pound", "lb", "night", "seat",
    "ticket", "employee", "household", "mile", "kilometre", "kilometer", "meter", "metre", "foot", "piece",
    "copy", "passenger", "student", "patient", "visit", "game", "session", "quarter", "annum", "capita",
    "bushel", "therm", "carat", "bale", "cwt", "hundredweight", "acre", "hectare",
})
# Nouns that name a stretch of time: "the year ended March 31", "the 2023 financial year" (no measure).
PERIOD_NOUNS: Final = frozenset({"year", "years", "quarter", "quarters", "half", "month", "months", "week", "weeks",
                                 "period"})
# Measures whose figure is a flow or an as-of level: without a date of their own they take the
# passage's period (ANNOTATION "Linked facts"). Deal, order and contract values and prices never do.
PERIOD_MEASURES: Final = frozenset({
    "sales", "revenue", "revenues", "turnover", "profit", "profits", "loss", "losses", "earnings",
    "income", "ebitda", "ebit", "margin", "margins", "production", "exports", "imports", "trade",
    "deficit", "surplus", "gdp", "growth", "economy", "inflation", "unemployment", "rate", "rates", "spending",
    "expenditure", "orders", "shipments", "deliveries", "traffic", "index", "average", "stocks", "shares",
    "market", "volume", "yield", "yields", "balance", "reserves", "deposits", "assets", "cash", "demand",
    "consumption", "dividend", "eps", "bookings", "premiums", "ratio", "ratios", "bill", "bills",
    "occupancy", "receipts", "arrivals", "visitors", "donations", "provisions", "charge", "charges", "writedown",
    "writedowns", "impairment", "impairments", "costs", "expenses", "debt", "backing", "rating",
    "ratings", "approval", "vote", "votes", "turnout", "voters", "respondents", "inflows", "outflows", "flows",
    "investment", "investments", "output", "payments", "fees",
    "wages", "benefits", "volumes", "transfers", "legacies", "sponsorship", "borrowing", "liabilities", "debts",
    "portfolio", "funds", "holdings", "returns", "return", "savings", "shortfall", "provision", "subscribers",
    "customers", "budget", "budgets", "penalty", "penalties", "fine", "fines", "charge-offs", "factor", "book",
    "outlays",
})
# What a date places the vote shares of ("Sunday's election"), and what they measure.
BALLOTS: Final = frozenset({"election", "elections", "vote", "referendum", "ballot", "poll", "polls", "runoff",
                            "run-off", "primary", "primaries", "by-election", "plebiscite"})
# Verbs by which a party gets a share of the vote: "took 29.1%", "wins 38%".
BALLOT_VERBS: Final = frozenset({"won", "wins", "win", "took", "takes", "secured", "polled", "garnered", "captured",
                                 "gained", "received"})
# What a party's name ends in, where capitals do not show it: "the nationalist Homeland party".
PARTIES: Final = frozenset({"party", "parties", "alliance", "coalition", "bloc", "front", "democrats", "conservatives",
                            "liberals", "greens", "socialists", "republicans", "candidate"})
# Countries by their names in lower case ("new zealand", "south korea"), which show a name where
# capitals do not: "japan pledged ¥6 billion" is Japan's pledge, no measure.
COUNTRY_NAMES: Final = frozenset(
    {name.lower() for country in pycountry.countries for name in (country.name, getattr(country, "common_name", ""))
     if name and "," not in name and "(" not in name} | {"russia", "britain", "great britain", "north korea", "u.s.",
                                                         "u.k.", "uk", "eu"})
# What names hold shares of: "The Greens slumped to 4.8%" after "won 34.2% of the vote".
SHARE_HEADS: Final = frozenset({"vote", "votes", "share", "voters", "respondents", "support", "market", "seats"})
# What someone had expected a figure to be: "the $10.9 billion it had forecast", "analysts had expected".
EXPECTED_VERBS: Final = frozenset({"forecast", "expected", "predicted", "projected", "estimated", "anticipated",
                                   "guided"})
# What someone expects a figure to be, as a noun: "the 2.1% growth forecast", "expectations for a 4.2%
# increase", "its forecast for pretax profit of £650 million".
FORECAST_NOUNS: Final = frozenset({"forecast", "forecasts", "estimate", "estimates", "expectation", "expectations",
                                   "consensus", "guidance", "outlook", "projection", "projections"})
# Market prices, whose "gained 87 cents" is a change of them, not a gain booked.
MARKET_WORDS: Final = frozenset({"futures", "oil", "crude", "gold", "silver", "copper", "platinum", "bonds", "bond",
                                 "yield", "yields", "dollar", "euro", "yen", "pound", "currency", "shares", "stock",
                                 "stocks", "index", "indices", "indexes", "contract", "contracts", "price", "prices",
                                 "brent"})
# Verbs after which "N% of Y" measures Y: someone holds the share ("accounts for 30% of sales").
SHARE_VERBS: Final = _forms("account|accounts|accounted|accounting", "make|makes|made|making",
                            "represent|represents|represented|representing", "comprise|comprises|comprised",
                            "hold|holds|held|holding", "own|owns|owned|owning", "control|controls|controlled",
                            "sell|sells|sold|selling", "buy|buys|bought|buying", "take|takes|took|taken")
# Nouns that "on" joins to what they are of: "the yield on 10-year bonds", "a tariff on steel".
ON_HEADS: Final = frozenset({"yield", "yields", "rate", "rates", "tax", "taxes", "tariff", "tariffs", "duty", "duties",
                             "spending", "interest", "return", "returns", "premium", "premiums", "spread", "spreads",
                             "discount", "discounts", "levy", "levies", "charge", "charges", "cap", "limit", "rent",
                             "excise", "rents", "hotel", "hotels", "loan", "loans", "mortgage", "mortgages",
                             "profit", "profits", "loss", "losses", "gain", "gains", "margin", "margins"})
# Nouns that "to" joins to whom they go to: "exports to China", "donations to an appeal".
TO_HEADS: Final = frozenset({"exports", "export", "shipments", "sales", "donations", "aid", "loans", "lending", "credit",
                             "investment", "investments", "payments", "transfers", "grants", "subsidies",
                             "contribution", "contributions", "deliveries", "remittances", "flights", "imports"})
# "raised $5 billion": funds raised, a level, not a rise.
RAISE_VERBS: Final = _forms("raise|raises|raised|raising")
# "added $90 million to revenue": what it was added to is measured.
ADD_VERBS: Final = _forms("add|adds|added|adding", "contribute|contributes|contributed|contributing")
# Verbs that put a value on their object: "the offer values the equity at $3.1 billion".
VALUE_VERBS: Final = frozenset({"value", "values", "valued", "valuing"})
# "estimated the real value of the deal at $3.5 billion": the figure measures the object.
ESTIMATE_VERBS: Final = _forms("estimate|estimates|estimated", "peg|pegs|pegged", "put|puts")
# Nouns of an aim: "a target of 40% for renewables' share" measures the share.
TARGET_NOUNS: Final = frozenset({"target", "targets", "goal", "goals", "aim", "objective", "objectives"})
# Words of a rate that scales a change: "grew at an annual rate of 2.3%" (the growth, not the rate).
ANNUAL_WORDS: Final = frozenset({"annual", "annualized", "annualised", "seasonally", "adjusted", "yearly"})
# Deal values and prices never take a passage's period (only a date of their own clause).
DEAL_MEASURES: Final = frozenset({
    "deal", "deals", "contract", "contracts", "order", "purchase", "acquisition", "merger", "takeover", "bid",
    "offer", "price", "prices", "stake", "package", "fund", "program", "programme", "grant", "loan", "bailout",
    "settlement", "plan", "project", "projects", "investment", "valuation", "value",
    "sale", "buyback", "issue", "offering",
})
# Market indexes are named measures, written with their number ("FTSE 100", "S&P 500").
# The last word of a company's name, which shows it a name where no capital does (text in lower
# case or in capitals): "general motors", "cerberus capital management".
COMPANY_WORDS: Final = frozenset({"motors", "inc", "corp", "corporation", "co", "ltd", "plc", "ag", "sa", "nv",
                                  "group", "holdings", "airlines", "airways", "bank", "management", "partners",
                                  "industries", "motor", "electric", "systems", "technologies"})
INDEX_WORDS: Final = frozenset({"ftse", "dow", "nasdaq", "s&p", "nikkei", "dax", "cac", "hang", "kospi", "sensex",
                                "nifty", "stoxx", "russell", "russel", "topix", "asx", "tsx", "ibex", "ftse/jse"})
# Words that make a clause's date a baseline: "up from 14% a year ago", "compared with last year".
# Who reports and forecasts: a reporting verb's subject that is no measure ("Analysts had forecast growth of 2%").
REPORTERS: Final = frozenset({"analyst", "analysts", "economist", "economists", "forecaster", "forecasters",
                              "strategist", "strategists", "traders", "investors", "officials", "experts", "data",
                              "statistics"})
# "its lowest close since March": a date after these and "since" is another event's.
SUPERLATIVES: Final = frozenset({"highest", "lowest", "biggest", "largest", "smallest", "strongest", "weakest",
                                 "steepest", "sharpest", "best", "worst", "most", "least", "fastest", "slowest",
                                 "deepest", "longest", "greatest", "first"})
BASELINE_WORDS: Final = frozenset({"from", "than", "compared", "versus", "vs", "vs.", "against", "earlier"})
