"""Noun phrases in a tagged sentence (words.py): the phrase a figure measures, a verb's subject
and object.

A phrase is a run of nominal words (tag N; "&" between two of them, a number inside a name).
Of a chain of phrases ("sales of cars in the US", "Ford's North American workforce") the
measure is the first phrase after any possessor. An owner's name before a lower-case head drops
("Ford Motor Company sales" -> "sales"); a one-word scope stays ("US vehicle sales").
"""
from __future__ import annotations

from typing import Final

from extractors.calendar_words import COUNT_WORDS
from extractors.links.vocabulary import (COMPANY_WORDS, COUNTRY_NAMES, DEAL_MEASURES, FORECAST_NOUNS, INDEX_WORDS,
                                         ON_HEADS, PARTIES, PER_TIME, PERIOD_MEASURES, TO_HEADS)
from extractors.links.words import Words

Phrase = tuple[int, int]  # first and last word index, inclusive

_MEASURE_WORDS: Final = PERIOD_MEASURES | DEAL_MEASURES
_IN_CHAIN: Final = frozenset("NQ&dsOIRAfpa(\")")


def run_at(words: Words, i: int) -> Phrase | None:
    """The phrase that starts at word i (after determiners and fillers), the possessor dropped."""
    tags = words.tags
    while i < len(tags) and (tags[i] in "da\"(" or tags[i] in "QD" and i + 1 < len(tags) and tags[i + 1] == "N"):
        i += 1  # "60 Airbus jets", "its 2019 inflation projection": a count or a year before the phrase
    if i >= len(tags) or tags[i] != "N":
        return None
    last = i
    while True:
        while last + 1 < len(tags) and (tags[last + 1] == "N" or tags[last + 1] in "Q&" and last + 2 < len(tags)
                                        and tags[last + 2] == "N" or tags[last + 1] == "Q" and _name(words, last)):
            last += 1
        if last + 2 < len(tags) and tags[last + 1] == "s" and tags[last + 2] == "N" \
                and words.word(last + 2)[:1].isdigit():
            last += 2  # "Standard & Poor's 500 index": a possessive inside a name
            continue
        break
    if last + 1 < len(tags) and tags[last + 1] == "s":  # "GM's bondholders": the possessed; "the bank's $14.2
        after = last + 3 if tags[last + 2:last + 4] == "FN" else last + 2  # billion loan book": the book
        return run_at(words, after) or (i, last)
    return trimmed(words, (i, last))


def chain_start(words: Words, end: int, stop: int = 0, links: str = "OIRAf") -> int | None:
    """The first word of the chain of phrases that ends at word `end` ("sales of cars in the
    US" ending at "US"), not reaching before word `stop`; None when word `end` is no noun."""
    tags = words.tags
    if end < stop or tags[end] not in "NQ":
        return None
    i = end
    while i - 1 >= stop and (tags[i - 1] in _IN_CHAIN or tags[i - 1] == "P" and "I" in links and i - 2 >= stop
                             and tags[i - 2] == "N" and (words.lower(i - 1) == "on"
                                                         and (words.lower(i - 2) in ON_HEADS or _a_market(words, i))
                                                         or words.lower(i - 1) in ("between", "into"))
                             or tags[i - 1] in "TB" and "I" in links and i - 2 >= stop and tags[i - 2] == "N"
                             and (tags[i - 1] == "B" or words.lower(i - 2) in TO_HEADS or _place_to(words, i))):
        # "the yield on 10-year bonds", "copper on the London Metal Exchange", "exports to China", "a strike by
        # workers", "a ticket between Paris and Lyon", "inflows into bond funds"
        if tags[i - 1] in "OIRAfp" and (i - 2 < stop or tags[i - 2] != "N" or tags[i - 1] not in links + "p"
                                          or tags[i - 1] == "p" and words.lower(i) in ("share", "shares")):
            break  # "of", "in", "for", "at", "from", "per" link two phrases only: "revenue per user" (but
            # "earnings per share" names its share)
        if tags[i - 1] == "R" and i - 2 >= stop and words.lower(i - 2).endswith("ble"):
            break  # "eligible for discounts", "liable for damages": an adjective, no head of the chain
        if tags[i - 1] == "O" and i - 3 >= stop and tags[i - 2] == "N" and (
                tags[i - 3] == "b" or tags[i - 3] == "a" and i - 4 >= stop and tags[i - 4] == "b"):
            break  # "was confident of revenue growth", "is wary of": an adjective after "be", no head of the chain
        if tags[i - 1] == "d" and i - 2 >= stop and tags[i - 2] == "N" and not (
                i - 3 >= stop and tags[i - 3] in "OR" and words.lower(i - 2).endswith("ing")):
            break  # "The plan foresees a deficit": a verb unknown to us stands before "a"; but "the cost of
            # shipping a container" is one chain
        if tags[i - 1] == "a" and words.lower(i - 1) == "as":
            break  # "forecasts a deficit as health spending climbs": a clause starts at "as"
        if tags[i - 1] == "&" and _after_quantity(tags, i - 2, stop):
            break  # "to close at 2,844.74 points and the Dow Jones": a quantity ends the clause before
        i -= 1
    while i < end and tags[i] in "&sOIRAfp)":  # a chain starts with a phrase: "and inflation" -> "inflation"
        i += 1
    return i


def _place_to(words: Words, i: int) -> bool:
    """Whether a place's name starts at word i, after "to", in a text whose capitals show names:
    where a route goes ("Rates on the route to Los Angeles climbed", "from Shanghai to Rotterdam")."""
    return words.cased and not words.uncased and words.word(i)[:1].isupper() and words.tags[i - 2] == "N" \
        and (not words.word(i - 2)[:1].isupper() or _from_place(words, i - 2))


def _from_place(words: Words, k: int) -> bool:
    """Whether the name ending at word k follows "from": a route's start ("from Shanghai to Rotterdam")."""
    while k > 0 and words.tags[k] == "N" and words.word(k)[:1].isupper():
        k -= 1
    return words.tags[k] == "f"


def _a_market(words: Words, i: int) -> bool:
    """Whether a name starts at word i, after "the" ("on the London Metal Exchange")."""
    if i < len(words.tags) and words.tags[i] == "d":
        i += 1
    return words.cased and i < len(words.tags) and words.word(i)[:1].isupper()


def _after_quantity(tags: str, j: int, stop: int) -> bool:
    """Whether the nouns ending at word j follow a bare number ("767.27 points")."""
    while j >= stop and tags[j] == "N":
        j -= 1
    return j >= stop and tags[j] == "Q"


def first_in_chain(words: Words, end: int, stop: int = 0, links: str = "OIRAf") -> Phrase | None:
    """The measure of the chain of phrases that ends at word `end`: its first phrase."""
    start = chain_start(words, end, stop, links)
    return None if start is None else run_at(words, start)


def phrase_before(words: Words, i: int, stop: int = 0) -> Phrase | None:
    """The measure of the chain of phrases just before word i, fillers, a comma before the verb
    and an aside between commas skipped ("the FTSE 100, dropped", "The Dow Jones, was down")."""
    tags = words.tags
    j = i - 1
    while j >= stop and (tags[j] in "ab," or tags[j] == "d" and words.lower(j) in ("each", "both", "all")):
        j -= 1
    if j < stop:
        return None
    last = j  # the phrase's last word: a comma after it closes an aside
    if tags[j] == "D" and j - 1 >= stop and tags[j - 1] in "Nc":
        j -= 1  # "public investment last year was": the date scopes the phrase
        if tags[j] == "c" and (j == stop or tags[j - 1] in "d,."):
            return j, j  # "Growth this year is now seen at 2.6%": a change noun as the subject is measured
    if j - 4 >= stop and tags[j - 2:j + 1] == "FdN" and words.lower(j) in PER_TIME and tags[j - 3] in "vL" \
            and tags[j - 4] == "N":
        j -= 4  # "A typical bundle costing £52 a month will rise to £55": the bundle
    if tags[j] == ")":  # "Dow Jones (DJIA) fell"
        while j >= stop and tags[j] != "(":
            j -= 1
        j -= 1
    if j - 3 >= stop and tags[j] == "D" and tags[j - 1] == "I" and tags[j - 2] == "v" and tags[j - 3] == "N" \
            and words.lower(j - 2).endswith("ing"):
        j -= 3  # "bonds maturing in 2033 fell": the participle and its date describe the noun
    elif j - 2 >= stop and tags[j] == "D" and tags[j - 1] in "IROP" and tags[j - 2] in "NQc":
        j -= 2  # "Growth in the first quarter was revised", "The blackout on Tuesday cost": the date scopes the phrase
        if tags[j] == "c":
            return j, j  # a change noun that is the subject is what is measured
    if tags[j] == "c" and j - 1 >= stop and tags[j - 1] == "N":  # "UK house price growth slows to 0.9%"
        first = j - 1
        while first > stop and tags[first - 1] == "N":
            first -= 1
        return trimmed(words, (first, j))
    if j < stop or tags[j] not in "NQ":
        return None
    if j - 2 >= stop and tags[j - 1] == "p" and tags[j - 2] == "N" and words.lower(j) in ("share", "shares"):
        j -= 2  # "adjusted earnings per share climbed 53 cents": the earnings (a figure "per share" is the share's)
    start = chain_start(words, j, stop)
    if start is not None and start - 2 >= stop and tags[start - 1] == "v" and tags[start - 2] == "N" \
            and words.lower(start - 1).endswith("ing"):
        start = chain_start(words, start - 2, stop)  # "the countries sharing the euro rose": the countries'
    if start is not None and start - 2 >= stop and tags[start - 1] in "IO" and tags[start - 2] == "c" \
            and words.cased and words.word(j)[:1].isupper():
        first = start - 2  # "Annual house price growth in Britain slowed": the growth, in a place
        while first > stop and tags[first - 1] == "N":
            first -= 1
        return trimmed(words, (first, start - 2))
    phrase = None if start is None else run_at(words, start)
    if phrase is not None and words.lower(phrase[1]) in FORECAST_NOUNS and tags[phrase[1] + 1:phrase[1] + 2] == "R":
        after = phrase[1] + 2 + (tags[phrase[1] + 2:phrase[1] + 3] == "d")  # "its forecast for pretax profit
        phrase = run_at(words, after) or phrase  # in fiscal 2024 of £650 million": the profit's
    lead = start - 1 if start is not None else -1
    while lead > stop and tags[lead] in "av":  # "a closely watched gauge"
        lead -= 1
    uncased = not words.cased or words.uncased
    # "The Dow Jones Industrial Average, the blue-chip gauge, fell"
    if phrase is not None and start is not None and lead - 1 >= stop and tags[lead] in "d," \
            and words.lower(start) != "whose" and (uncased or not words.word(phrase[1])[:1].isupper()):
        # (", whose sales had": a relative clause's subject, no name in apposition)
        comma = lead if tags[lead] == "," else lead - 1
        if tags[comma] == "," and comma - 1 >= stop and tags[comma - 1] in "NQ":
            named = first_in_chain(words, comma - 1, stop)
            # "comparable-store sales, a closely watched gauge, gained": an aside closed before the verb
            # (only where capitals show names: in lower case "the ftse 100" is a name too)
            aside = words.cased and words.word(0)[:1].isupper() and (tags[lead] == "d" or tags[start] == "d") \
                and tags[last + 1:last + 2] == "," \
                and not any(words.word(k)[:1].isupper() for k in range(phrase[0], phrase[1] + 1))
            if uncased:  # no capitals to show a name: an index's name shows
                first_named = named is not None and _indexes(words, named) and not _indexes(words, phrase)
            else:
                first_named = named is not None and (words.word(named[1])[:1].isupper() or aside)
            if named is not None and first_named and not _scoped(tags, named[0], stop):
                return named
    return phrase


def _scoped(tags: str, first: int, stop: int) -> bool:
    """Whether a preposition opens the phrase that starts at word `first`: a scope, no name in
    apposition ("In Chicago, wheat fell", "Across the Atlantic, the STOXX 600 fell")."""
    k = first - 1
    if k > stop and tags[k] == "d":
        k -= 1
    return k >= stop and tags[k] in "IPRAf"


def _indexes(words: Words, phrase: Phrase) -> bool:
    """Whether the phrase names a market index ("the Dow Jones Industrial Average", "the FTSE 100")."""
    return any(words.lower(k) in INDEX_WORDS for k in range(phrase[0], phrase[1] + 1))


def trimmed(words: Words, phrase: Phrase) -> Phrase:
    """The phrase without an owner's name before its lower-case head, and without a leading number."""
    first, last = phrase
    while first < last and words.tags[first] == "Q":
        first += 1
    head = words.word(last)
    if head[:1].islower():
        capitals = first
        while capitals < last and words.word(capitals)[:1].isupper():
            capitals += 1
        if capitals - first >= 2 and not any(words.lower(k) in INDEX_WORDS for k in range(first, capitals)):
            first = capitals
    return first, last


def head(words: Words, phrase: Phrase) -> str:
    return words.lower(phrase[1])


def is_name(words: Words, phrase: Phrase) -> bool:
    """Whether the phrase is a proper name (a company, a person, a country), not an index."""
    if _indexes(words, phrase):
        return False
    if not words.cased or words.uncased:  # in capitals or in lower case, a company's or a party's last word shows
        last = words.lower(phrase[1])  # a name, as does a country's name
        return phrase[0] < phrase[1] and last in COMPANY_WORDS or last in PARTIES \
            or " ".join(words.lower(k) for k in range(phrase[0], phrase[1] + 1)) in COUNTRY_NAMES
    last = words.word(phrase[1])
    if phrase[0] == phrase[1] == 0 and (last.lower() in _MEASURE_WORDS
                                        or last.endswith("s") and not last.endswith("ss") and last[1:].islower()
                                        or last[1:].islower() and last.lower() not in COUNT_WORDS
                                        and _written_lower(words.text, last.lower())):
        return False  # "Sales were up 5%", "Rooms start at", "Turnout was 61.2%" (and "turnout" elsewhere):
        # a capital because it starts the sentence
    return last[:1].isupper() and last.lower() not in ("index", "average")


def _written_lower(text: str, word: str) -> bool:
    """Whether the text writes `word` in lower case somewhere, a word of its own."""
    return any(text.find(f" {word}{end}") >= 0 for end in " ,.;:")


def _name(words: Words, i: int) -> bool:
    return words.word(i)[:1].isupper()
