"""What a figure measures and whether it is a level or a change, read from its sentence's tags.

The frames are patterns over the tag string (words.py) before or after the figure (F), tried
in order; the first that matches names where the measure is:

| frame | example | measure |
|---|---|---|
| gapped list | "nickel slid 5.6% and zinc 3%" | the noun before the figure, the role of the figure before |
| per | "$70 a barrel", "$1.87 per diluted share" | the denominator (but "earnings of 26 cents a share": X) |
| off | "wiping $46 billion off its market value" | the phrase after "off" (a change) |
| count subject | "1,000 jobs, 20% of the workforce", "drew 3.2 million visitors, up 6%" | the counted noun |
| change noun, to | "an 8% rise in net profit to $412 million" | the noun changed |
| change noun | "a 5% drop in retail sales" | after the noun |
| used for | "$40 million will be used for the design" | what it pays for |
| over budget | "$7.3 billion over budget" | the budget |
| attributive | "a $500 million fund", "a 20 percent stake" | the phrase after |
| X of figure | "a market value of $348.8 billion", "a goal for X of 2%" | the phrase before "of" (X of a goal) |
| target of figure for Y | "a target of 35% for wind power's share" | the phrase after "for" |
| figure of Y | "7% of world output", "90% of its bondholders" | the phrase after "of" |
| worth | "a deal worth $7.2 bn", "the market will be worth $6 billion" | the phrase before "worth" |
| for | "sold the unit to X for $5 billion" | the thing sold |
| spend on | "will spend Rs 20 crore on roads" | the phrase after "on" |
| figure in Y | "paid $300 million in dividends", "raised $640 million in its IPO" (no level verb) | the phrase after "in" |
| value verb | "the offer values the equity at $3.1 billion" | the object |
| object relative | "its unit, which analysts value at $2 billion" | what "which" stands for |
| participle | "agreed to buy X in a stock deal valued at $2.6 billion" | the noun before it |
| verb | "sales rose 43%", "boost fuel efficiency by 3%", "it lost $2 billion" | subject, object, or the verb's noun |

Roles: a change after a change verb with no "to"/"at" between ("lift spending 8%" too), after "by",
"up", "down", before or after a change noun ("a 14% increase", "a decline of 49%"), "over budget",
"off its value", "4.5% below their peak", "by up to 30%"; else a level ("raised $640 million" too:
funds raised, not a rise).
"""
from __future__ import annotations

import re
from typing import Final

from extractors.links import phrases
from extractors.links.phrases import Phrase
from extractors.links.vocabulary import (ADD_VERBS, CHANGE_VERBS, ESTIMATE_VERBS, EXPECTED_VERBS, FIGURE_NOUNS,
                                         FORECAST_NOUNS, INDEX_WORDS, MARKET_WORDS, MOVING_VERBS, NOUNS_OF_VERBS,
                                         PER_TIME, PER_UNITS, PERIOD_MEASURES, RAISE_VERBS, REPORTERS, SHARE_VERBS,
                                         SPEND_VERBS, SPENT_ON, TARGET_NOUNS, TRANSITIVE_CHANGE_VERBS, VALUE_VERBS)
from extractors.links.words import VERBS, Words, adjective, past_relative_asides
from extractors.numbers import SCALE_WORDS

# A reference instead of a phrase: the measure of the figure before, the subject of the
# sentence before, or a noun of the verb found in the text around.
PREVIOUS: Final = "previous"
SUBJECT_BEFORE: Final = "subject before"

_REACH: Final = 12  # words before and after the figure that the patterns read
_FILL: Final = r"(?:[ad]|da?O|aT)*"  # "as much as", "another", "a total of", "up to"
# "by 0.9% ... and a further 0.1%"; "rose 3.1% in Japan, 11.8% in Asia and 7.2% in the Americas"
_CHANGE_BEFORE: Final = re.compile(
    rf"(?:C|U|B|cO)(?:IN)?{_FILL}(?:F[^F;.w]*&{_FILL}|(?:F(?:[IP]d?N+)?(?:,&?|&){_FILL})+)?$")
_CHANGE_COUNT: Final = re.compile(rf"[CU]{_FILL}QN?,?&{_FILL}$")  # "fell 678 points or 7.3%", "closed down 178 points, or"
_LEVEL_BEFORE: Final = re.compile(rf"(?:[TAfW]|Uf){_FILL}$")
_LEVEL_LAST: Final = frozenset("TAfWadO")  # the tags these can end with
_CHANGE_LAST: Final = frozenset("CUBONad&T,")
_OF_BEFORE: Final = re.compile(rf"(?P<c>c)?O{_FILL}$")
# "4,000 jobs, or about 12% of", "10 million visitors for the first time, up 7%"
_COUNT_SUBJECT: Final = re.compile(r"Q(?P<m>N+)(?:[IRP]d?N+|[IRP]?D)?(?:r[vLCUba]*|,&?[ad]*U?)$")
_WORTH_BEFORE: Final = re.compile(rf"W{_FILL}$")
_CHANGE_NOUN_TO: Final = re.compile(r"c[IO]d?(?P<m>N+)[ad]*T[ad]*$")  # "an 8% rise in net profit to $412 million"
_FOR_BEFORE: Final = re.compile(rf"R{_FILL}$")
_TAIL: Final = frozenset("adOTcAfWUR")  # the tags of _LEVEL_BEFORE, _OF_BEFORE, _WORTH_BEFORE, _FOR_BEFORE
_NOUNS_CHANGE: Final = re.compile(r"N{1,3}c")  # "a 6.5% property tax rise": the nouns' change
_CHANGE_NOUN_SIZE: Final = re.compile(r"c[IRfP]d?DT[ad]*$")  # "the increase since December to"
_AT_ASIDE: Final = re.compile(r"A[ad]*F(?:[IA]?d?D)?")  # ", at £41.20,", ", at 4.3% in August,"
_ATTRIBUTIVE: Final = re.compile(r"(?:\)|\([FN]\))?\"?(?=N)")
_CHANGE_NOUN_AFTER: Final = re.compile(r"\)?c(?P<of>[IO]d?(?=N))?")
_SPENT_ON: Final = re.compile(r"b*(?P<v>[vS])[RT](?=[dN])")
_OF_AFTER: Final = re.compile(r"a*O(?=[daN\"])")
_IN_AFTER: Final = re.compile(r"I(?=[dN])")
# "in the end", "in total": no thing paid for
_NOT_PAID_FOR: Final = frozenset({"end", "total", "all", "cash", "full", "part", "addition", "return", "exchange",
                                  "advance", "time", "case", "fact", "turn", "sum", "person", "public"})
_OBJECT_VERBS: Final = MOVING_VERBS | VALUE_VERBS | ESTIMATE_VERBS  # verbs whose object the figure measures
_FLOWS_AND_PRICES: Final = PERIOD_MEASURES | MARKET_WORDS
_THRESHOLDS: Final = frozenset({"above", "below", "beyond", "past"})  # a level crossed, not a change
_OUTPACING: Final = frozenset({"outpacing", "outstripping", "beating", "trailing", "lagging", "matching", "exceeding",
                               "surpassing", "against", "versus"})
# Participles that follow the noun they describe: "the average price paid for a home in Harwick was".
_NOUN_PARTICIPLES: Final = frozenset({"paid", "charged", "sold", "bought", "spent", "raised", "received", "earned",
                                      "collected", "held", "owed", "listed", "offered", "recorded", "reported"})
_PLANNED: Final = frozenset({"budget", "target", "plan", "forecast", "estimate"})  # "$7.3 billion over budget"
_MOVED: Final = frozenset({"higher", "lower", "up", "down", "ahead", "behind"})  # after a figure: how far it moved
_COMPARATIVES: Final = frozenset({"less", "more", "lower", "higher", "fewer", "bigger", "smaller", "larger"})
_OBJECT_ONLY: Final = re.compile(r"[dQsD]*N[NQs]*a*")  # a change verb's object alone before the figure ("raise
# fares up to 9%")
_FILLERS: Final = re.compile("[ad]*")
_VERB_ALONE: Final = re.compile("[ab]*[CLSVvb]")  # after "and", a verb and its auxiliaries: "and has lost"
_FILLERS_AND_NOUNS: Final = re.compile("[adN&]+")  # an item of a list
# "it had forecast", "expected by analysts", "the 5.7% increase forecast by economists"
_HAD_EXPECTED: Final = re.compile(r"xb?[Vv]|c?[VvN](?=B)")
_LISTED_AFTER: Final = re.compile(r"F[IRP]?d?D,?&?$")  # a figure and its date before: "5% this year, 4.5% in 2024"
_LISTED_END: Final = re.compile(r"(?:[IRP]?d?D)?(?:[,.;&)]|$)")  # and after: its own date, then the list goes on
_OPENING_SUBJECT: Final = re.compile("d?N+(?:[PIOR]d?N+)*")  # a noun phrase alone before an aside
_LONGEST_ASIDE: Final = 18  # words
_PLACES: Final = re.compile("[adN&IRPOs]+")  # what an aside after "on" or "in" names: "roads and a line for the city"
# "the airline's largest single expense", "a measure of capital strength closely watched by regulators"
_APPOSITION: Final = re.compile(r"d[^CLSVbFrwx,;.\"()]*N(?:r[^,;.]*|v)?")  # and "the charity which runs 140 centres"
_CLAUSE_END: Final = ";.wr"
_COMPLEMENT: Final = frozenset("adTBAfUIODFQN,&P()\"sxR")


class Reading:
    """A figure's measure (a phrase, a reference or None), its role and its rate denominator."""

    __slots__ = ("measure", "reference", "role", "per", "verb", "of")

    def __init__(self) -> None:
        self.measure: Phrase | None = None
        self.reference: str | None = None  # PREVIOUS, SUBJECT_BEFORE, or a verb whose noun to find
        self.role = "level"
        self.per: Phrase | None = None
        self.verb: int | None = None  # the word index of the verb that governs the figure
        self.of: Phrase | None = None  # what a rate is of: "a dividend of 26 cents a share", "an offer of"


def read(words: Words, i: int, is_amount: bool) -> Reading:
    """The reading of the figure at word i of `words`."""
    tags = words.tags
    lo, after = max(0, i - _REACH), tags[i + 1:i + 1 + _REACH]  # patterns before the figure end at it
    reading = Reading()
    reading.verb = _governing_verb(tags, i)
    gap = _gapped(tags, i, lo)
    if gap is not None:  # "nickel slid 5.6% and zinc 3%": zinc, as the figure before
        if tags[i - 1] == "s":  # "Sydney values dropped 0.7% and Melbourne's 0.5%": Melbourne's values
            reading.reference = PREVIOUS
        else:
            reading.measure = phrases.run_at(words, gap) if "s" in tags[gap:i] else phrases.trimmed(words, (gap, i - 1))
            if reading.measure is not None and phrases.is_name(words, reading.measure):
                reading.reference = PREVIOUS  # "Australia has promised A$120 million, New Zealand NZ$45 million"
        before = tags.rfind("F", 0, gap)  # the figure before
        while (first := _gapped(tags, before, max(0, before - _REACH))) is not None:  # "A 2%, B 3% and C 4%": A's
            before = tags.rfind("F", 0, first)
        reading.role = _role_of(words, before, is_amount)
        return reading
    if i >= 2 and tags[i - 1] in ",&" and (m := _LISTED_AFTER.search(tags, max(lo, i - 6), i)) is not None \
            and words.mention_at[m.start()].type == words.mention_at[i].type and _LISTED_END.match(after):
        first = m.start()  # "pay will rise 5% this year, 4.5% in 2024 and 4.5% in 2025": the pay's changes too
        while first >= 2 and tags[first - 1] in ",&" and (m := _LISTED_AFTER.search(tags, max(0, first - 6), first)):
            first = m.start()
        reading.reference = PREVIOUS
        reading.role = _role_of(words, first, is_amount)
        return reading
    outpaced = _outpaced(words, i, lo)
    if outpaced is not None:  # "pay rose 5.6%, outpacing the private sector's 3.5%": a rise of pay too
        reading.reference = PREVIOUS
        reading.role = _role_of(words, outpaced, is_amount)
        return reading
    reading.role = _role(words, i, lo, after, is_amount, reading.verb)
    reading.per = _per(words, i, after)
    if reading.per is not None and (reading.per[0] != reading.per[1] or words.lower(reading.per[1]) not in PER_TIME
                                    or is_amount and reading.role == "level" and not _costs(words, reading.verb)
                                    and not (i > 0 and tags[i - 1] == "W") and words.lower(reading.per[1]) == "hour"):
        # "$X per Y" measures Y: "200 million per aircraft", "a dividend of 26 cents a share", "€51 a megawatt
        # hour", "pays $18 per hour"; but "will climb 10% a year" is a change of its subject, and so is "bills
        # will rise by £3 a month", "a bundle costing £52 a month" the bundle's price, and "fees, capped at
        # £9,250 a year" the fees
        tail = _tail(tags, lo, i)
        of = _OF_BEFORE.search(tags, tail, i) if tags.find("O", tail, i) >= 0 else None
        reading.of = phrases.phrase_before(words, of.start()) if of is not None and of.group("c") is None else None
        # but a flow's rate measures the flow: "cost savings of $300 million a year"
        timed = reading.of is not None and words.lower(reading.per[1]) in PER_TIME
        reading.measure = reading.of if timed else reading.per
        return reading
    _measure(words, i, reading, is_amount, lo, after)
    return reading


def _measure(words: Words, i: int, reading: Reading, is_amount: bool, lo: int, after: str) -> None:
    """Set the reading's measure (a phrase or a reference) from the first frame that matches."""
    tags = words.tags
    if i > 0 and tags[i - 1] == "," and _compared(words, i):  # "spent €1.9 billion on X, 4% less than in 2011"
        reading.reference = PREVIOUS
        return
    if i >= 2 and (tags[i - 2:i] == "Or" and words.lower(i - 1) == "which"
                   or tags[i - 2] == "," and words.lower(i - 1) == "including"):
        reading.reference = PREVIOUS  # "takings of $412 million, of which 61% came", ", including $21.4 million"
        return
    if after[:2] == "NO" and words.lower(i + 1) == "short":  # "roughly 25% short of the level in 2019"
        reading.reference = PREVIOUS
        return
    if i >= 3 and tags[i - 1] == "d" and tags[i - 2] in "RO" and words.lower(i - 3) in FORECAST_NOUNS:
        reading.reference = PREVIOUS  # "missing expectations for a 4.2% increase": of the figure before
        return
    if i >= 3 and tags[i - 1] == "T" and tags[i - 2] == "c" and (
            tags[i - 3] == "d" or tags[i - 3] == "N" and adjective(words.lower(i - 3))) \
            or tags[i - 1:i] in ("a", "T") and _CHANGE_NOUN_SIZE.search(tags, lo, i):
        reading.reference = PREVIOUS  # "taking the annual decline to 1.2%", "bringing the increase since
        return  # mid-December to more than 150%": the change of what came before
    if after[:1] == "P" and words.lower(i + 1) == "off":  # "wiping $46 billion off its market value"
        reading.measure = phrases.run_at(words, i + 2)
        if reading.measure is not None:
            return
    if after[:1] == "N" and reading.verb is not None and _compared(words, i):
        subject = _subject(words, reading.verb)  # "was 1.8 percent bigger than a year earlier": the subject's
        if isinstance(subject, tuple):
            reading.measure = _resolved(words, subject, reading)
            return
    if after[1:2] in ("I", "R") and words.lower(i + 1) in ("more", "less"):  # "will pay 6.5% more in property tax"
        reading.measure = phrases.run_at(words, i + 3)
        if reading.measure is not None:
            return
    if tags.find("Q", lo, i) >= 0 and (m := _COUNT_SUBJECT.search(tags, lo, i)) \
            and not _index_points(words, m.start(), m.end("m") - 1):
        # "30,000 jobs, 20% of the workforce", "flew 640,000 passengers in 2012, a 5% increase"; but
        # "gained 155.91 points, or 1.67%" measures the subject
        first, last = m.start("m"), m.end("m") - 1
        while first < last and words.lower(first) in SCALE_WORDS:  # "1.5 billion shares": the shares
            first += 1
        reading.measure = phrases.trimmed(words, (first, last))
        return
    if tags.find("c", lo, i) >= 0 and (m := _CHANGE_NOUN_TO.search(tags, lo, i)):
        reading.measure = phrases.trimmed(words, (m.start("m"), m.end("m") - 1))  # the level of the changed noun
        return
    if after[:1] in "c)" and (m := _CHANGE_NOUN_AFTER.match(after)):  # "a 5% drop in retail sales"
        if after[:2] == "cN" and after[2:3] in "bVv" and words.lower(i + 2) in REPORTERS \
                or (e := _HAD_EXPECTED.match(after)) and words.lower(i + e.end()) in EXPECTED_VERBS:
            reading.reference = PREVIOUS  # "below the 0.4% gain economists had forecast", "beating the 5.7%
            return  # increase forecast by economists": of the figure before
        if m.group("of") is not None:
            reading.measure = phrases.run_at(words, i + 1 + m.end())
        if reading.measure is None:
            _from_verb(words, i, reading, is_amount)
        if reading.measure is None and reading.reference is None and _follows_after(words, i):
            reading.reference = PREVIOUS  # "prices rose 0.3% in March, after a 0.4% increase in February"
        return
    if (after.find("R", 0, 4) >= 0 or after.find("T", 0, 4) >= 0) and (m := _SPENT_ON.match(after)):
        if words.lower(i + 1 + m.start("v")) in SPENT_ON:  # "$40 million will be used for the design"
            reading.measure = phrases.run_at(words, i + 1 + m.end())
            if reading.measure is not None:
                return
    if after[:1] == "T" and after[1:2] in "dN" and reading.verb is not None \
            and words.lower(reading.verb) in ADD_VERBS:  # "a weaker yen added about ¥38 billion to sales"
        reading.measure = phrases.run_at(words, i + 2)
        if reading.measure is not None:
            return
    if after[:2] == "aN" and words.lower(i + 1) in ("over", "under") \
            and words.lower(i + 2) in _PLANNED:  # "$7.3 billion over budget"; not "over five years"
        reading.measure = (i + 2, i + 2)
        return
    if after[:1] == "N" and words.lower(i + 1) in REPORTERS and after[1:2] in "bVv" \
            or after[:1] in "xcVv" and (m := _HAD_EXPECTED.match(after)) and words.lower(i + m.end()) in EXPECTED_VERBS:
        reading.reference = PREVIOUS  # "the $1.94 billion analysts had expected", "the $8.6 billion it had
        return  # forecast": of the figure before
    if after[:1] in "N)(\"" and (m := _ATTRIBUTIVE.match(after)):  # "a $500 million fund"
        phrase = phrases.run_at(words, i + 1 + m.end())
        before = tags.rfind("F", 0, i)
        if phrase is not None and before >= 0 and words.lower(phrase[1]) in FORECAST_NOUNS \
                and tags.find(";", before, i) < 0:
            reading.reference = PREVIOUS  # "rose 2.9%, beating the 2.1% growth forecast": of the figure before
            reading.role = _role_of(words, before, is_amount)
            return
        if phrase is not None:
            reading.measure = _resolved(words, phrase, reading)
            return
    if i >= 2 and tags[i - 1] == "," and tags[i - 2] == "N" and after[:1] in ",;.w" and i - 2 >= lo:
        # in apposition: "received the largest penalty, €165 million, while"; not a name's ("paid Acme, $5 million")
        phrase = phrases.first_in_chain(words, i - 2, _clause_start(tags, i - 2))
        if phrase is not None and not phrases.is_name(words, phrase):
            reading.measure = _resolved(words, phrase, reading)
            return
    if i >= 3 and tags[i - 1] == "A" and tags[i - 2] == "," and tags[i - 3] == "N" and i - 3 >= lo \
            and (after[:1] == "," or after[:2] == "D," or after[:3] == "ID,"):
        # an aside on the noun before: "the unemployment rate, at 4.3% in August, remained low"
        phrase = phrases.first_in_chain(words, i - 3, _clause_start(tags, i - 3))
        if phrase is not None and not phrases.is_name(words, phrase):
            reading.measure = _resolved(words, phrase, reading)
            return
    if i >= 3 and tags[i - 1] in "Ua" and _after_figure_and_comma(words, i):
        reading.reference = PREVIOUS  # "earned net income of $287 million, down 6%", "approved a $1.02 billion
        return  # operating budget for fiscal 2025, up 4.8%": what the figure before measures
    if i >= 2 and tags[i - 1] == "U" and tags[i - 2] == "x":  # "fell 8.1% on Friday, leaving them down 27%": the
        reading.reference = PREVIOUS  # figure before's
        return
    if i >= 3 and tags[i - 1] in "AU" and tags[i - 2] == "N" and (absolute := _with_phrase(words, i - 2, lo)):
        reading.measure = absolute  # "with four-hour performance at 71%", "with prices down 22%", "reported
        # sales up 3.8%"
        return
    # "a market value of $348.8 billion", "a decline of 49%"
    tail = _tail(tags, lo, i)
    if tags.find("O", tail, i) >= 0 and (m := _OF_BEFORE.search(tags, tail, i)):
        phrase = phrases.phrase_before(words, m.start())
        if m.start() >= 3 and tags[m.start() - 3:m.start()] == "RdN":  # "signed X for a fee of €95 million"
            phrase = (m.start() - 1, m.start() - 1)
        if m.group("c") is not None:
            phrase = phrases.phrase_before(words, m.start("c"))
            if phrase is not None and phrase[1] == m.start("c") - 1 and not phrases.is_name(words, phrase):
                phrase = (phrase[0], m.start("c"))  # "economic growth of 3.7%": the growth is measured
            if phrase is None or phrases.is_name(words, phrase):  # "GM reported a decline of 49%"
                reading.verb = _governing_verb(tags, m.start("c"))
                _from_verb(words, i, reading, is_amount)
                if reading.measure is None:
                    reading.reference = PREVIOUS
                return
        aim = _aim_before_of(words, m.start() - 1, lo) if m.group("c") is None else None
        if aim is not None:  # "NATO's goal for defence spending of 2%": the spending
            phrase = aim
        elif phrase is not None and phrases.head(words, phrase) in TARGET_NOUNS and phrase[1] + 2 < m.start() \
                and tags[phrase[1] + 1] == "O":  # "its target of net income of €1.5 billion": the income
            phrase = phrases.run_at(words, phrase[1] + 2) or phrase
        elif phrase is not None and after[:1] == "R" and phrases.head(words, phrase) in TARGET_NOUNS:
            aim = phrases.run_at(words, i + 2)  # "a target of 40% for renewable energy's share"
            phrase = aim if aim is not None else phrase
        if phrase is not None:
            reading.measure = _resolved(words, phrase, reading)
            return
    if after.find("O", 0, 3) >= 0 and _restates(words, i) and _OF_AFTER.match(after):
        reading.reference = PREVIOUS  # "a fee of $126 million, or 3% of the equity value": the fee
        return
    if after.find("O", 0, 3) >= 0 and (m := _OF_AFTER.match(after)):  # "7% of world output"
        phrase = phrases.run_at(words, i + 1 + m.end())
        verb = reading.verb
        verb_word = words.lower(verb) if verb is not None else ""
        own = words.lower(i + 1 + m.end()) in ("its", "their")  # "lost 28% of their value": the value
        if phrase is not None and verb is not None and (tags[verb] in "CLv" or tags[verb] == "b" and verb == i - 1) \
                and verb_word not in SHARE_VERBS and not own \
                and (verb_word not in TRANSITIVE_CHANGE_VERBS or tags[verb + 1] in "TB"):  # "will narrow to 3.9% of GDP"
            subject = _subject(words, verb)  # "debt will reach 61% of GDP": the debt; not "Windows 10 reached"
            if isinstance(subject, tuple) and (not words.cased or words.word(subject[1])[:1].islower()) \
                    and (tags[verb] != "v" or phrases.head(words, subject) in PERIOD_MEASURES):
                # "The figure is equal to almost 60% of"; after another verb only a quantity, a flow or a balance,
                # is the measure of its share: "interest costs will absorb nearly 22% of government revenue"
                reading.measure = _resolved(words, subject, reading)
                return
        if phrase is not None and verb is not None and tags[verb] == "C" and verb_word in TRANSITIVE_CHANGE_VERBS \
                and not own:  # "to reduce the deficit to 2.9% of GDP": the deficit
            changed = phrases.run_at(words, verb + 1)
            if changed is not None and changed[1] < i and not phrases.is_name(words, changed):
                reading.measure = changed
                return
        if phrase is not None:
            reading.measure = _resolved(words, phrase, reading)
            return
    if tags.find("W", tail, i) >= 0 and (m := _WORTH_BEFORE.search(tags, tail, i)):  # "a deal worth $7.2 bn"
        end = m.start() - 1
        while end > 0 and tags[end] in "ab":  # "the market will be worth"
            end -= 1
        if end >= 0 and tags[end] in "NQ":
            reading.measure = phrases.first_in_chain(words, end, _clause_start(tags, end), "O")
            return
        if end >= 0 and tags[end] == "," and tags[end + 1] == "b" \
                and isinstance(subject := _subject(words, end + 1), tuple):
            reading.measure = subject  # "Gold holdings, which the bank has built up since 2019, were worth $11.2 bn"
            return
    # "sold the unit to X for $5 billion"
    if tags.find("R", tail, i) >= 0 and _FOR_BEFORE.search(tags, tail, i) and _for(words, i, reading):
        return
    if is_amount and reading.verb is not None and (
            after[:1] == "P" and words.lower(i + 1) == "on" and words.lower(reading.verb) in SPEND_VERBS
            or after[:1] == "R" and words.lower(reading.verb) in SPENT_ON and reading.verb == i - 1 - (
                tags[i - 1] == "a")):  # "will spend Rs 20 crore on roads", "set aside €3.4 billion for farmers"
        reading.measure = phrases.run_at(words, i + 2)
        if reading.measure is not None:
            return
    if is_amount and after[:1] == "I" and (reading.verb is None or tags[reading.verb] in "SvV"
                                           or words.lower(reading.verb) in RAISE_VERBS) \
            and (m := _IN_AFTER.match(after)):  # "paid $300 million in dividends", not "costs 45 Kč in Prague"
        phrase = phrases.run_at(words, i + 1 + m.end())
        if phrase is not None and not (words.cased and words.word(phrase[1])[:1].isupper()) \
                and words.lower(phrase[1]) not in _NOT_PAID_FOR:
            reading.measure = phrase
            return
    _from_verb(words, i, reading, is_amount)


def _role_of(words: Words, k: int, is_amount: bool) -> str:
    """The role of the figure at word k, read as read() reads it."""
    tags = words.tags
    return _role(words, k, max(0, k - _REACH), tags[k + 1:k + 1 + _REACH], is_amount, _governing_verb(tags, k))


def _role(words: Words, i: int, lo: int, after: str, is_amount: bool, verb: int | None) -> str:
    tags = words.tags
    last = tags[i - 1] if i > lo else ""  # the tag a pattern before the figure ends with: a cheap first test
    if last == "T" and i >= 2 and tags[i - 2] == "c" or last in "aT" and _CHANGE_NOUN_SIZE.search(tags, lo, i):
        return "change"  # "the annual decline to 1.2%", "bringing the increase since mid-December to more than
        # 150%": the change's size
    level = _LEVEL_BEFORE.search(tags, _tail(tags, lo, i), i) if last in _LEVEL_LAST else None
    if level is not None and not (tags.startswith("Ba", level.start() - 2) and words.lower(level.start() - 1) == "up") \
            or last == "a" and words.lower(i - 1) in _THRESHOLDS:
        return "level"  # "rose to $5 billion", "climbed above $100 a barrel"; but "by up to 40%"
    if is_amount and verb is not None and words.lower(verb) in RAISE_VERBS and _FILLERS.fullmatch(tags, verb + 1, i):
        return "level"  # "has raised HK$7.8 billion in its offering"
    if last == "B" and after[:1] == "O" and i >= 2 and _passive_before(words, i - 2, lo):
        return "level"  # a passive's agent, a share of a group: "cited by 46% of respondents"
    if last in _CHANGE_LAST and (_CHANGE_BEFORE.search(tags, lo, i)
                                 or tags.find("Q", lo, i) >= 0 and _CHANGE_COUNT.search(tags, lo, i)):
        if is_amount and verb is not None and words.tags[verb] == "C" \
                and words.lower(verb) in NOUNS_OF_VERBS and tags[i - 1] != "B" \
                and not _market_subject(words, verb):
            return "level"  # "lost $2 billion": a loss of that much; but "oil futures gained 87 cents"
        return "change"
    if after[:1] in "c)" and _CHANGE_NOUN_AFTER.match(after) or _compared(words, i) \
            or after[:1] == "N" and _NOUNS_CHANGE.match(after) and words.lower(i + 1) != "capital":
        return "change"  # "a 5% drop in sales", "4% less than a year earlier", "a 6.5% property tax rise" (but
        # "a €2 billion capital increase" raises that much)
    if after[:1] == "P" and words.lower(i + 1) == "off" \
            or after[:1] == "a" and after[1:2] in "dND" and words.lower(i + 1) in ("below", "above"):
        return "change"  # "wiping $46 billion off its value", "4.5% below their peak"
    if last == "N" and verb is not None and tags[verb] == "C" and words.lower(verb) in TRANSITIVE_CHANGE_VERBS \
            and _OBJECT_ONLY.fullmatch(tags, verb + 1, i):
        return "change"  # "to lift transport investment 12%"
    if after[:1] == "U" and words.lower(i + 1) in _MOVED and after[1:2] not in "Tf" \
            or after[:2] == "NO" and words.lower(i + 1) == "short":
        return "change"  # "closed 3.7% higher", "running 5% ahead of last year", "25% short of"
    if after[:2] == "aN" and words.lower(i + 1) in ("over", "under") and words.lower(i + 2) in _PLANNED:
        return "change"
    return "level"


def _passive_before(words: Words, k: int, lo: int) -> bool:
    """Whether word k is a passive's participle, or ends its object after "be" and one
    ("was named the top issue by 44% of respondents")."""
    if words.lower(k).endswith("ed") and words.lower(k) not in CHANGE_VERBS:
        return True
    tags = words.tags
    for j in range(k - 1, max(lo, k - 6), -1):
        if tags[j - 1] == "b" and words.lower(j).endswith("ed") and words.lower(j) not in CHANGE_VERBS:
            return True
        if tags[j] not in "Nda":
            return False
    return False


def _follows_after(words: Words, i: int) -> bool:
    """Whether "after" or "following" stands before the figure at word i, past its determiner and
    fillers ("after a downwardly revised 0.1% decline"): a change that came before the clause's."""
    tags = words.tags
    k = i - 1
    while k > 0 and (tags[k] in "ad" or tags[k] == "v" and words.lower(k).endswith("ed")):
        k -= 1
    return k > 0 and words.lower(k) in ("after", "following")


def _restates(words: Words, i: int) -> bool:
    """Whether the figure at word i restates the figure before it (", or 3% of", ", equal to 1.9% of",
    "£151.9 billion this year, or 5.2% of")."""
    tags = words.tags
    k = i - 1
    while k >= 0 and tags[k] == "a":  # "about"
        k -= 1
    if k >= 2 and tags[k] == "&" and words.lower(k) == "or":
        return tags[k - 1] == "," and _figure_before(tags, k - 2)
    return k >= 3 and tags[k] == "T" and words.lower(k - 1) in ("equal", "equivalent") and tags[k - 2] == "," \
        and _figure_before(tags, k - 3)


def _figure_before(tags: str, j: int) -> bool:
    """Whether a figure ends at word j, or before its date there ("NZ$13.4bn for fiscal 2026")."""
    if j >= 1 and tags[j] == "D":
        j -= 2 if j >= 2 and tags[j - 1] in "RI" else 1
    return j >= 0 and tags[j] == "F"


def _compared(words: Words, i: int) -> bool:
    """Whether a comparative and "than" follow the figure at word i ("4% less than", "$2 million more than"),
    or "more" or "less" and what there is more of ("will pay 6.5% more in property tax")."""
    return i + 2 < len(words.tags) and words.lower(i + 1) in _COMPARATIVES and (
        words.lower(i + 2) == "than" or words.tags[i + 2] in "IR" and words.lower(i + 1) in ("more", "less"))


def _per(words: Words, i: int, after: str) -> Phrase | None:
    """The denominator of a rate: "per diluted share", "a barrel", "for each heater"."""
    tags = words.tags
    if after[:1] == "p" or after[:1] == "P" and words.lower(i + 1) == "per":
        last = None
        j = i + 2
        while j < len(tags) and (tags[j] in "Nv" or tags[j] == "L" and words.lower(j).endswith("ed")):
            # "per diluted share", "per finished steer": up to the noun
            if tags[j] == "N":
                last = j
            j += 1
        return None if last is None else (i + 2, last)
    if after[:2] in ("aN", "dN") and words.lower(i + 1) in ("a", "an") \
            and words.lower(i + 2) in PER_UNITS:
        return (i + 2, i + 2)
    if after[:3] == "RdN" and words.lower(i + 2) == "each":  # "¥20,000 for each heater", "for each faulty charger"
        last = i + 3
        while last + 1 < len(tags) and tags[last + 1] == "N":
            last += 1
        return (i + 3, last)
    return None


def _for(words: Words, i: int, reading: Reading) -> bool:
    """ "Y for $X": what a transaction verb took ("sell Chrysler Group for $7.4 billion"), else Y."""
    tags = words.tags
    verb = reading.verb
    if verb is not None and tags[verb] in "SL":
        j = verb + 1
        if j < i and tags[j] == "x":
            reading.measure = _antecedent(words, verb)
            return reading.measure is not None
        phrase = phrases.run_at(words, j)
        if phrase is not None and phrase[1] < i:
            reading.measure = phrase
            return True
    k = i - 1
    while k >= 0 and tags[k] in "aR":
        k -= 1
    # (not "its shares were changing hands for 84p": the verb's subject)
    if k >= 0 and tags[k] == "N" and (verb is None or tags[verb] != "L") and words.lower(k) != "hands":
        reading.measure = phrases.first_in_chain(words, k, _clause_start(tags, k))
        return reading.measure is not None
    return False


def _from_verb(words: Words, i: int, reading: Reading, is_amount: bool) -> bool:
    """The measure from the verb that governs the figure: its object, its subject, or its noun."""
    tags = words.tags
    verb = reading.verb
    if verb is None:
        return False
    word = words.lower(verb)
    if tags[verb] == "C" and word in TRANSITIVE_CHANGE_VERBS or word in _OBJECT_VERBS:
        phrase = phrases.run_at(words, verb + 1)  # "boost fuel efficiency by 3%", "values the equity at $3 billion"
        if phrase is not None and phrase[1] < i and (word in VALUE_VERBS or not phrases.is_name(words, phrase)):
            reading.measure = _resolved(words, phrase, reading)
            return True
    if tags[verb] in "SL" or word in VALUE_VERBS:  # "the stake, which it bought for $260 million"
        antecedent = _relative_antecedent(words, verb)
        if antecedent is not None:
            reading.measure = antecedent
            return True
    if tags[verb] in "Lv" and word.endswith("ed") and tags[verb - 1] == "N" and _verb_before(words, verb):
        nearest = verb - 1  # "agreed to buy Baystone in a cash deal valued at $4.2 billion": the deal
        while nearest > 0 and tags[nearest - 1] == "N":
            nearest -= 1
        phrase = phrases.run_at(words, nearest)
        if phrase is not None:
            reading.measure = phrase
            return True
    participle = verb > 0 and tags[verb] == "C" and tags[verb - 1] == "," and word.endswith("ing")  # ", weakening 1.9%"
    found = _subject(words, _main_verb(tags, verb) if participle else verb)
    if word in NOUNS_OF_VERBS and (tags[verb] != "C" or is_amount) \
            and (not isinstance(found, tuple) or phrases.is_name(words, found)
                 or is_amount and phrases.head(words, found) not in _FLOWS_AND_PRICES):
        reading.reference = word  # "it lost $2.24 billion": the loss
        return True
    if found == "x":
        reading.reference = SUBJECT_BEFORE
        return True
    if not isinstance(found, tuple):
        return False
    subject: Phrase = found
    # in capitals no name shows: a reporting verb's subject that is no measure is taken as one
    # ("Analysts had forecast growth of 1.5%", "Analysts had expected $1.09 billion": of what was
    # measured before, in any case)
    head = phrases.head(words, subject)
    reporter = tags[verb] == "V" and head not in PERIOD_MEASURES \
        and (head in REPORTERS or reading.role == "change" and not words.cased)
    if (reporter or phrases.is_name(words, subject)) \
            and (tags[verb] in "Vvb" or reading.role == "change" and tags[verb] != "C"):
        # "General Motors reported a 49% decline": of what was measured before
        reading.reference = PREVIOUS
        return True
    reading.measure = _resolved(words, subject, reading)
    return True


def _main_verb(tags: str, verb: int) -> int:
    """The verb whose subject a participle after a comma shares: "the forint fell ... on Wednesday,
    weakening 1.9%" -> "fell"; the participle itself when no verb comes first, or a figure does
    ("growth of 3.7% this year, slowing to 3.3%" measures what the figure before does)."""
    j = verb - 2
    while j >= 0 and tags[j] not in ";.wF":
        if tags[j] in VERBS:
            return j
        j -= 1
    return verb


def _relative_antecedent(words: Words, verb: int) -> Phrase | None:
    """What an object relative clause speaks of: "the stake in Baystone, which it bought" and "the
    business, which analysts value" -> "stake", "business"; None when the verb has no subject of
    its own after the relative."""
    tags = words.tags
    s = verb - 1
    if s < 1 or tags[s] not in "xN":
        return None
    while s > 0 and tags[s - 1] == "N":
        s -= 1
    if s < 1 or tags[s - 1] != "r":
        return None
    end = s - 2
    if end >= 0 and tags[end] == ",":
        end -= 1
    return phrases.first_in_chain(words, end, _clause_start(tags, end)) if end >= 0 else None


def _tail(tags: str, lo: int, i: int) -> int:
    """Where the run of _TAIL tags that ends at the figure (word i) starts, from lo: a match of a
    pattern made of them and anchored at the figure starts no earlier, so a search can start there."""
    j = i
    while j > lo and tags[j - 1] in _TAIL:
        j -= 1
    return j


def _index_points(words: Words, count: int, noun: int) -> bool:
    """Whether the count at word `count` is an index's move ("gained 155.91 points", "closed down 178 points")."""
    tags = words.tags
    k = count - 1
    if k > 0 and tags[k] == "U":
        k -= 1
    return k >= 0 and tags[k] in VERBS and words.lower(noun) in ("point", "points")


def _gapped(tags: str, i: int, lo: int) -> int | None:
    """Where the noun of a gapped clause starts: a figure right after nouns that follow the
    figure before and a comma or "and" ("A rose 2%, B 3% and C 4%", "France's CAC 40 4.7%"); else None."""
    first = i - 1
    while first > lo and (tags[first] == "N" or tags[first] == "s" and tags[first - 1] == "N"):
        first -= 1
    first += 1
    if first == i or first - 2 < lo or tags[first - 1] not in ",&":
        return None
    k = first - 2
    if tags[k] == "D" and k - 1 >= lo and tags[k - 1] == "F":  # "fell 1.2% last month and Marseille's 0.8%"
        return first
    if tags[k] != "F":  # past a phrase of time or place after the figure before: "0.7% in the month and"
        while k > lo and tags[k] in "NdD":
            k -= 1
        if k == first - 2 or tags[k] not in "IP" or k - 1 < lo or tags[k - 1] != "F":
            return None
    return first


def _with_phrase(words: Words, end: int, lo: int) -> Phrase | None:
    """The phrase ending at word `end` when "with" or a verb opens it: the subject of a clause without a
    verb ("with prices down 22%"), or a verb's object and what it did ("reported sales up 3.8%"); or
    when it opens a clause without a verb ("Hotels first-half profit up 14%" in a headline)."""
    tags = words.tags
    first = end
    while first > lo and tags[first - 1] == "N":
        first -= 1
    k = first - 1
    if k > lo and tags[k] == "D":  # "reported first-quarter sales up 3.8%"
        k -= 1
    if k > lo and tags[k] == "d":
        k -= 1
    if k >= lo and (words.lower(k) == "with" or tags[k] in "Vv"):
        return phrases.trimmed(words, (first, end))
    while k >= lo and tags[k] == "N":  # a name before: "Greystone Hotels first-half profit up 14%"
        k -= 1
    if k < 0 or k >= lo and tags[k] in ";.":  # a clause without a verb: a headline's, "; wages up 4.0% on year"
        return phrases.trimmed(words, (first, end))
    return None


def _outpaced(words: Words, i: int, lo: int) -> int | None:
    """The figure before, when the figure at word i is an owner's compared with it: "rose 5.6%,
    outpacing the private sector's 3.5%", "beating Germany's 1.2%"; else None."""
    tags = words.tags
    if i < 3 or tags[i - 1] != "s":
        return None
    k = i - 2
    while k > lo and tags[k] in "Nd":
        k -= 1
    if k < 2 or words.lower(k) not in _OUTPACING or tags[k - 1] != "," or tags[k - 2] != "F":
        return None
    return k - 2


def _aim_before_of(words: Words, end: int, lo: int) -> Phrase | None:
    """The phrase ending at word `end` when a target's "for" stands before it ("goal for defence spending")."""
    tags = words.tags
    if end < lo or tags[end] != "N":
        return None
    first = end
    while first > lo and tags[first - 1] == "N":
        first -= 1
    if first - 2 < lo or tags[first - 1] != "R" or words.lower(first - 2) not in TARGET_NOUNS:
        return None
    return phrases.trimmed(words, (first, end))


def _verb_before(words: Words, verb: int) -> bool:
    """Whether the clause has a verb before the one at `verb`: then a participle after a noun
    ("a deal valued at") describes that noun, not the clause's subject. A participle between a
    noun and a preposition is no such verb ("Benefits paid to members totalled")."""
    tags = words.tags
    start = _clause_start(tags, verb)
    return any(tags[j] in "CLSvV" and not (j > start and tags[j - 1] == "N" and tags[j + 1] in "RIPBT"
                                           and words.lower(j) in _NOUN_PARTICIPLES) for j in range(start, verb))


def _market_subject(words: Words, verb: int) -> bool:
    """Whether the verb's subject is a market price ("oil futures gained 87 cents"): then the
    figure is its change, not a gain or loss booked."""
    subject = _subject(words, verb)
    return isinstance(subject, tuple) and phrases.head(words, subject) in MARKET_WORDS


def _subject(words: Words, verb: int) -> Phrase | str | None:
    """The subject of the verb at `verb`: a phrase, "x" for a pronoun, or None. Through a chain
    of verbs ("the market tumbling down 508 points, losing") and a relative ("jobs which make up")."""
    tags = words.tags
    start = past_relative_asides(tags, _clause_start(tags, verb, ";.w"), verb, ";.w")  # across a relative:
    # "the Dow Jones, which fell"
    j = verb - 1
    for _ in range(3):
        while j >= start and (tags[j] in "ab," or tags[j] == "T" and j > start and (
                tags[j - 1] in "vbLVa" or tags[j - 1] == "N" and not tags[start:j].strip("dN"))
                              or tags[j] == "d" and words.lower(j + 1) == "than" and words.lower(j) in _COMPARATIVES):
            # "revenue more than doubled": "more than" is no determiner
            if tags[j] == "T":  # "debt is expected to reach 61%": the subject of the verb before "to"; and
                # a headline's "Household energy price cap to rise 6.4%"
                j -= 1
            if tags[j] == ",":  # "The S&P 500, which fell on Monday, gained": over the aside
                aside = _aside_start(words, start, j)
                if aside is not None:
                    j = aside
            j -= 1
        if j < start:
            return None
        if tags[j] == "T" and j > start and tags[j - 1] in "x&":
            if tags[j - 1] == "x":  # "expected it to reach $150 million"
                return "x"
            prior = tags.rfind("T", start, j - 1)  # "expected inflation to average 3.4% ... and to fall to 3%"
            return _subject(words, prior + 1) if prior >= 0 and tags[prior + 1] in VERBS else None
        if tags[j] == "&" and j > start and _VERB_ALONE.fullmatch(tags, j + 1, verb + 1) \
                and (before := _verb_in(tags, start, j - 1 if tags[j - 1] == "," else j)) is not None:
            return _subject(words, before)  # "Earnings rose 0.3% in October, and were 3.8% higher", "The lira
            # weakened 0.2% on Monday and has lost 1.1%": theirs
        if tags[j] == "x":
            return "x"
        if tags[j] == "r":
            j -= 1
        if tags[j] == "T" and j - 1 > start and tags[j - 1] == "D":
            j -= 1  # "expected net interest income for 2024 to decline": the infinitive's subject before its date
        if tags[j] == "D":  # "profit for the six months to June slumped": past the period's phrase
            k = j - 1
            while k > start and tags[k] in "TdNQa":  # "the quarter ended (a) June 30"
                k -= 1
            if tags[k] in "RI" and k - 1 >= start and tags[k - 1] == "N":
                j = k - 1
        if tags[j] == "T" and j - 1 >= start and tags[j - 1] == "N" and _object_of_expecting(tags, j - 1, start):
            j -= 1  # "expects comparable sales to rise 2.5%": the subject of the infinitive
        k = j
        while k > start and tags[k - 1] == "N":
            k -= 1
        if tags[j] == "N" and k > start and tags[k - 1] == "Q" and not _is_year(words.word(k - 1)):
            # "508 points": a quantity, not the subject (but "expects 2025 same-store sales to decline")
            lead = k - 2 if k - 2 >= start and tags[k - 2] == "d" else k - 1  # but "occupancy across its 640
            if lead - 2 >= start and tags[lead - 1] in "IRP" and tags[lead - 2] == "N":  # hotels slipped": the
                return phrases.phrase_before(words, lead - 1, start)  # occupancy
            k -= 1
            while k >= start and tags[k] not in VERBS:
                k -= 1
            if k < start:
                return None
            j = k - 1
            continue
        what = _free_relative(words, start, j)
        if what is not None:  # "The cap on what suppliers can charge for gas will rise": the cap
            return phrases.phrase_before(words, what - 1, start)
        first = phrases.chain_start(words, j, start)
        if first is not None and first - 3 >= start and tags[first - 1] in "RIPBT" and tags[first - 3] == "N" \
                and tags[first - 2] in "vSLC" and words.lower(first - 2) in _NOUN_PARTICIPLES:
            return phrases.phrase_before(words, first - 2, start)  # "the average price paid for a home was",
            # "Benefits paid to members totalled"
        return phrases.phrase_before(words, j + 1, start)
    return None


def _free_relative(words: Words, start: int, j: int) -> int | None:
    """The index of "what" when words start..j end in a noun, a preposition and a clause of "what"
    ("the cap on what suppliers can charge for gas"), with no comma; else None."""
    tags = words.tags
    for k in range(j - 1, start + 1, -1):
        if tags[k] == ",":
            return None
        if tags[k - 1] in "POIR" and tags[k - 2] == "N" and words.lower(k) == "what":
            return k
    return None


def _costs(words: Words, verb: int | None) -> bool:
    """Whether the verb at `verb` is a level, change or linking verb ("costing £52 a month", "rises to
    £12.21 an hour", "is £300,000 a week"): its subject is what a price per month or per hour is of (but
    "pays workers $18 per hour" measures the hour)."""
    return verb is not None and words.tags[verb] in "LCb"


def _verb_in(tags: str, start: int, end: int) -> int | None:
    """The first change, level, transaction verb or "be" among words start..end-1, if any: the
    main verb, before a reporting clause ("Revenue rose 41%, the company said in a filing,")."""
    for k in range(start, end):
        if tags[k] in "CLSb":
            return k
    return None


def _aside_start(words: Words, start: int, end: int) -> int | None:
    """The comma that opens an aside closed by the comma at `end`: a relative clause ("which
    excludes energy, food and tobacco"), a participle ("closely watched by policymakers") or a
    description in apposition; None when no aside ends there."""
    tags = words.tags
    k = tags.rfind(",", start, end)
    relative = tags.find("r", k + 1, end)  # the description's head ends before a relative clause in it
    if k > start and tags[k + 1:k + 2] == "d" and tags[k - 1] == "N" and _APPOSITION.fullmatch(tags, k + 1, end) \
            and not _named(words, (relative if relative > k else end) - 1):
        return k  # "Fuel, the airline's largest single expense, cost"; but "the UK index, the FTSE 100, fell"
    opening = k + 1
    while opening < end and tags[opening] == "a":  # ", now the government's second-biggest expense,"
        opening += 1
    if k > start and tags[k - 1] == "N" and tags[opening:opening + 1] in ("d", "N") and end - k <= _LONGEST_ASIDE \
            and _OPENING_SUBJECT.fullmatch(tags, start, k) and tags.find("F", k, end) < 0 \
            and not (end - opening <= 4 and _named(words, end - 1)):  # "The main index, the FTSE 100, fell": the index
        return k  # a description of the subject that opens the clause: "Net interest income, the difference
        # between what the lender earns on loans and pays on deposits, slipped"; "Net charge-offs, loans
        # the bank does not expect to recover, rose"
    if k > start and tags[k - 1] == "N" and (_AT_ASIDE.fullmatch(tags, k + 1, end)
                                             or tags[k + 1:k + 2] == "a" and tags[k + 2:k + 3] in ("P", "I", "R", "O")
                                             or tags[k + 1:k + 3] in ("&N", "&d") and words.lower(k + 1) == "or"):
        return k  # "the average basket, at £41.20, was 1.8% bigger": the subject's level in an aside; "capital
        # spending, mostly on data centres, would rise"; "The funded ratio, or assets as a share of benefits, fell"
    while k >= 0:
        first = k + 1
        if tags[first:first + 1] == "r" or words.lower(first) == "whose":
            return k
        while first < end and tags[first] == "a":
            first += 1
        if first < end and (tags[first] == "v" and words.lower(first).endswith(("ed", "ing"))
                            or tags[first] in "CLS" and words.lower(first).endswith("ed")
                            and tags[first + 1:first + 2] == "B"
                            or words.lower(first) == "net" and tags[first + 1:first + 2] == "O"):
            return k  # "Net debt, excluding leases, fell", "Total revenue, net of interest expense, rose",
            # "Revenue, lifted by strong festive trading, climbed"
        if first + 1 < end and tags[first] in "PI" and _PLACES.fullmatch(tags, first + 1, end):
            return k  # "Capital expenditure, on roads, rail and a new metro line, will rise"
        if _FILLERS_AND_NOUNS.fullmatch(tags, k + 1, end) is None and _PLACES.fullmatch(tags, k + 1, end) is None:
            return None  # no list: the aside would have to start here
        end, k = k, tags.rfind(",", start, k)  # an item of a list in the aside ("energy, food and tobacco")
    return None


def _named(words: Words, i: int) -> bool:
    """Whether word i ends a name or an index's name ("the FTSE 100"), which measures more than a description."""
    word = words.word(i)
    return word[:1].isdigit() or (word[:1].isupper() if words.cased and not words.uncased
                                  else words.lower(i) in INDEX_WORDS)


def _after_figure_and_comma(words: Words, i: int) -> bool:
    """Whether "up" or "down" (and fillers) and a comma stand before the figure at word i, after a
    figure and at most its noun and date: "$287 million, down 6%", "a $1.02 billion operating
    budget for fiscal 2025, up 4.8%", "$5 billion in the quarter, up about 9%"."""
    tags = words.tags
    j = i - 1
    while j > 0 and tags[j] == "a":
        j -= 1
    if tags[j] != "U" or words.lower(j) not in ("up", "down") or tags[j - 1] != ",":
        return False
    k = j - 2
    while k > 0 and j - k <= 8 and tags[k] in "NdRIDs":
        k -= 1
    return k >= 0 and tags[k] == "F"


def _is_year(word: str) -> bool:
    """Whether a bare number is a year ("2025 same-store sales"), not a count ("508 points")."""
    return len(word) == 4 and word.isdigit() and word[:2] in ("19", "20")


def _object_of_expecting(tags: str, end: int, start: int) -> bool:
    """Whether the phrase ending at word `end` is the object of a verb like "expects" or "sees"
    (tagged V or v), which an infinitive after it takes as its subject ("expects Hungary's energy
    import bill to reach")."""
    k = end
    while k > start and tags[k - 1] in "NdsQIPO":  # "expect food prices across the country to rise", "expects 2025
        k -= 1  # same-store sales to decline"
    if k - 2 > start and tags[k - 2:k] == ",&":  # "expects profit of €310 million ..., and sales to fall 6%"
        return tags.find("V", start, k - 2) >= 0 or tags.find("v", start, k - 2) >= 0
    return k > start and tags[k - 1] in "Vv"


def _governing_verb(tags: str, i: int) -> int | None:
    """The nearest verb before the figure in its clause, across its complements."""
    j = i - 1
    while j >= 0 and tags[j] in _COMPLEMENT:
        j -= 1
    return j if j >= 0 and tags[j] in VERBS else None


def _clause_start(tags: str, i: int, ends: str = _CLAUSE_END) -> int:
    """The first word after the last of the marks `ends` before word i."""
    start = 0
    for mark in ends:
        start = max(start, tags.rfind(mark, 0, i) + 1)
    return start


def _resolved(words: Words, phrase: Phrase, reading: Reading) -> Phrase | None:
    """The phrase, or a reference when it points back ("this figure", "the amount", "one of €39 million")."""
    head = phrases.head(words, phrase)
    first = phrase[0] - 1 if phrase[0] > 1 and words.tags[phrase[0] - 1] == "D" else phrase[0]  # "the February figure"
    owned = phrase[0] > 1 and words.tags[phrase[0] - 2:phrase[0]] == "Ds"  # "December's figure"
    if head == "one" or head in FIGURE_NOUNS and phrase[0] == phrase[1] and (owned or first > 0 and words.lower(
            first - 1) in ("this", "that", "the", "these", "those")) \
            and words.tags[phrase[1] + 1:phrase[1] + 2] != "O":  # "the value of the contract" names it
        reading.reference = PREVIOUS
        return None
    return phrase


def _antecedent(words: Words, before: int) -> Phrase | None:
    """The nearest phrase before word `before` in the sentence (what "it" stands for)."""
    tags = words.tags
    for j in range(before - 1, -1, -1):
        if tags[j] == "N" and (j + 1 >= len(tags) or tags[j + 1] != "N"):
            return phrases.first_in_chain(words, j, _clause_start(tags, j))
    return None
