"""The period a figure belongs to (ANNOTATION "Linked facts", Period).

First a date of the figure's own clause: the nearest after it with no other figure or verb
between (a figure that is its clause's subject takes the date after its verb: "$45 million will
be needed this winter"), else the nearest before it. Not a date that says when something was
reported ("said Friday", "on Wednesday reported"), a
baseline's ("up from 14% a year ago" for the 17%; "compared with last year"), another
event's ("Monday's close", "the biggest loss of 2007"). "between April and June" is the period
that holds both (the second quarter).

Else the passage's period, for figures that are flows, changes or as-of levels (the caller
decides): the period the story's lead sets (the body's first date that places something: not a
baseline, a bound like "by 2030" or a dateline), unless a later sentence opens with a date of its
own ("In 2023, sales rose 3%.") or the story moves on to a later day; then that nearest date.
A headline takes the first of the body's.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from datetime import date
from typing import Final

from extractors.calendar_words import FUTURE_VERBS, WEEKDAYS
from extractors.links.vocabulary import BALLOTS, BASELINE_WORDS, FIGURE_NOUNS, PERIOD_NOUNS, SUPERLATIVES
from extractors.links.words import NOUNS_IN_ING, VERBS, Words, past_relative_asides
from extractors.mentions import DateMention

# _DURATION, _BASELINE_TEXT, _NOT_A_SCENE and _SIDE_CLAUSE read lower-cased text: quicker than IGNORECASE.
# A clause scoped by a stretch of time, not a date: "for the past five trading days".
_DURATION: Final = re.compile(
    r"\b(?:for|over|in|during)\s+the\s+(?:past|last|previous|next|first)\s+(?:\w+\s+){0,2}"
    r"(?:days|weeks|months|years|quarters|sessions)\b")
# What may stand between a figure and its clause's date: "to $1.3 billion", "to a record £63.2m", "at
# €268.40", "higher at Rs 11,340", ", to 1.5%,", "to settle at $52.46 a barrel", "per diluted share", "on revenue of
# £1.05 billion", "rise in net profit to Rs 3,412 crore", the same figure again (", or 45 cents a share,",
# "(£1.1 billion)").
_TO_LEVEL: Final = re.compile(  # "rise 21%, or £104, to £599 a year by 2030": a restated figure before the level too
    r"(?:,&[ad]*F(?=,[ad]*[TA]))?"
    r"(?:,?U?[ad]*[TA][ad]*N?(?:L[ad]*A[ad]*)?[FQ](?:dN|p[dvLN]*)?|p[dvLN]*|PN+O[ad]*F|c[IO]d?N+[ad]*T[ad]*F)?"
    r"(?:,&[ad]*F(?:dN|p[dvLN]*)?,?|\(F\))?")
_TO_LEVEL_FIRST: Final = frozenset("adTApP,(cU")  # the tags _TO_LEVEL can start with: a cheap test before it
_RESTATED: Final = re.compile(r",&[ad]*F")
_NOT_ACROSS: Final = re.compile("[FvCLSVb]")  # a date after the figure past another figure or verb is theirs
_NOT_ACROSS_SUBJECT: Final = re.compile("[F,]")  # but the verb of a figure that is its clause's subject is its own
_OF_PHRASE: Final = re.compile("Od?N+")  # "of the charges"
_DURATION_OPENERS: Final = frozenset({"past", "last", "previous", "next", "first"})
_BASELINE_TEXT: Final = re.compile(r"\b(?:ago|earlier|previous|prior|year-ago|year-earlier|before)\b")
# Verbs whose day is a report's, not a period ("said on Tuesday", "data showed on Thursday", "on
# Tuesday unveiled a budget"); "told" with its object.
_REPORT_VERBS: Final = ("said", "says", "announced", "reported", "stated", "disclosed", "confirmed", "showed", "shows",
                        "released", "published", "unveiled", "presented", "posted", "estimated", "warned")
# Before a date: a word that makes it a bound, a baseline or another noun's ("since", "compared
# with", "the loss of"), or a report's ("said on Tuesday"): no passage's period.
_NOT_A_SCENE: Final = re.compile(
    r"\b(?:since|from|than|compared\s+(?:to|with)|versus|against|of|by|until"
    rf"|(?P<report>(?:{'|'.join(_REPORT_VERBS)}|told\s+\w+)\s+(?:on\s+|late\s+|early\s+)?))\s*$")
# After a period: a noun it modifies ("said first-half profit rose"), so no report's date.
_MODIFIES_NEXT: Final = re.compile(
    r"\s+(?!(?:that|it|its|the|an?|and|but|he|she|they|we|when|while|after|before|in|on|at|to|for|with|as)\b)[a-z]")
# In the stretch of clause before a date: a comparison's, a side event's or a relative clause's
# date ("from 15.1% in August", "after touching $1,295 on Thursday", "which it bought in 2014",
# "the first increase since the service launched in 2021"); not
# a source's ("earned $5 billion from tourists in 2013"), nor a forecast's ("rose more than
# expected in June" is June's).
_SIDE_CLAUSE: Final = re.compile(r"\b(?:from\s+\S*\d|compared\s+(?:to|with)|than(?!\s+(?:expected|forecast|anticipated|"
                                 r"estimated|predicted|doubled|tripled|trebled|quadrupled|halved)\b)"
                                 rf"|after\s+(?!(?:{'|'.join(sorted(NOUNS_IN_ING))})\b)\w+ing|which|that|since)\b")
# In the sentence before a date: a plan's or a forecast's ("said it would spend $14 billion in 2025").
_PLAN: Final = re.compile(r"\b(?:will|would|plans?\s+to|aims?\s+to|intends?\s+to|expects?\s+to|forecasts?)\b")
# The last words _NOT_A_SCENE can match, and the words _SIDE_CLAUSE needs: cheap tests before them.
_SCENE_ENDS: Final = frozenset({"since", "from", "than", "to", "with", "versus", "against", "of", "by", "until", "on",
                                "late", "early", *_REPORT_VERBS})
_LETTERS: Final = "abcdefghijklmnopqrstuvwxyz"
_OPENING_DATE: Final = re.compile(r"[IfRA]?d?D,")  # a date that opens the sentence scopes each of its clauses
_FUTURE_MODALS: Final = frozenset(verb for verb in FUTURE_VERBS if " " not in verb)  # "will", "would", "shall"
_FROM_WHEN: Final = frozenset({"starting", "beginning", "effective"})  # ", starting July 1": when a change takes effect
_REPORT_GRAINS: Final = frozenset({"quarter", "half", "fiscal_year"})  # what an earnings story reports on
_SIDE_WORDS: Final = ("from", "compared", "than", "after", "which", "that", "since")
_BASELINE_TEXT_WORDS: Final = ("ago", "earlier", "previous", "prior", "before")
# After a date: the report's day ("Corvex on Wednesday reported a loss for its third quarter").
_REPORTED: Final = frozenset({*_REPORT_VERBS, "told"})  # "data on Thursday showed"
# "said on Thursday that": the clause after it is what was said, no relative clause.
_REPORTED_THAT: Final = re.compile(rf"\b(?:{'|'.join(sorted(_REPORTED))})\b[^,;.]*\bthat$")
# Before the last month or day of a period: "the year to June 30, 2023", "the fiscal year, which ended
# March 31", "the six months to June 30", "the quarter ended Sept. 30".
_PERIOD_TO: Final = re.compile(r"\b(?:(?P<year>year)|(?P<half>six|6)\s+months|(?P<quarter>quarter|(?:three|3)"
                               r"\s+months)),?\s+(?:(?:which|that)\s+)?(?:to|ended|ending)(?:\s+in)?\s+$", re.IGNORECASE)
# After a date: its figure is being revised, a period before the story's ("Growth in the first
# quarter was revised up", "December's figure was revised").
_REVISED: Final = re.compile(r"(?:['’]s)?\s+(?:\w+\s+){0,2}(?:was|were|has\s+been|had\s+been)\s+revised\b",
                              re.IGNORECASE)
_COMPARED_WITH: Final = BASELINE_WORDS | {"below", "above", "over", "under"}
_SUBORDINATORS: Final = frozenset({"after", "before", "as", "because", "when", "since", "although", "though"})
_BOUND_MODS: Final = frozenset({"before", "on_or_before", "after", "since"})
# A wire story's dateline opens its first line, "BERLIN, Aug 7 (Reuters) -": its date says when the
# story was written, as a date alone on its line does, and places nothing.
_WIRE_BEFORE: Final = re.compile(r"[A-Z][A-Z.'’ -]*[A-Z.](?:,\s+[A-Z][\w.'’ -]*)?, ")  # "NEW YORK, ", "PORTLAND, Me., "
_PLACE_BEFORE: Final = re.compile(r"[^\W\d_][\w.'’ -]*[^\W\d_.](?:\.|,\s+[^\W\d_][\w.'’ -]*)?, ")  # in any case
_DATELINE_CHARS: Final = 400  # a dateline stands on one of a story's first lines
# after it a dash, or the end of its line ("LONDON, 17 April 2024", "NAIROBI, Nov 8, 2023 (Meridian News)")
_WIRE_AFTER: Final = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?[-–—]|[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?(?:\n|\Z)")
_PASSAGE_CHARS: Final = 3000  # how far back a passage's period is looked for
_LEAD_CHARS: Final = 300  # the story's lead: its first sentence or two


def clause_date(words: Words, i: int, measure_word: int | None) -> DateMention | None:
    """The date of the figure's own clause, or None when it names none."""
    tags = words.tags
    start, end = _clause(tags, i)
    joined = tags.rfind(",&", start, i)  # "rose 0.4% in March, and inflation slowed to 2.7%"
    if joined >= 0 and not (_RESTATED.match(tags, joined) and words.lower(joined + 1) == "or"):
        # but "$704 million, or 15 cents a share" restates the figure before
        start = joined + 2
    if start <= 1 and tags[:1] == "w" and 0 <= (comma := tags.find(",", 0, i)):
        start = comma + 1  # "After the plan failed this week, the White House ...": the figure's clause
    if measure_word is not None and measure_word < i and words.lower(measure_word) not in PERIOD_NOUNS:
        # "reported first-quarter sales up 3.8% ... on Wednesday": the period the measure names
        k = measure_word
        while k > start and tags[k] == "N":
            k -= 1
        if k < measure_word and tags[k] == "D" and _places(words, k, measure_word, i):
            return _enclosing(words, k)
    after = i + 1
    if tags[after:after + 1] in _TO_LEVEL_FIRST and (m := _TO_LEVEL.match(tags, after)):
        # "rose 20% to $1.3 billion in the quarter": the level's date too
        after = m.end()
    j = tags.find("D", after, end + 1)
    across = _NOT_ACROSS_SUBJECT if _opens(tags, start, i) else _NOT_ACROSS  # "$90 million will be needed this year"
    while j >= 0 and (not (crossed := across.search(tags, after, j)) or _participle_of(words, crossed.start(), j)) \
            and (not _than_between(words, after, j) or words.lower(j - 1) == "from" and _takes_effect(words, j, i)):
        if _places(words, j, measure_word, i):  # the nearest after, unless another figure or verb comes first
            return _enclosing(words, j)
        j = tags.find("D", j + 1, end + 1)
    j = tags.rfind("D", start, i)
    while j >= 0:
        if _places(words, j, measure_word, i) and (not _in_aside(tags, j, i) or _ends_a_period(words, j)) \
                and not (j > 0 and tags[j - 1] == "F" and is_baseline(words.lower(j))):  # "compared with $1.78
            # billion a year earlier and with the $1.94 billion analysts had expected": the other figure's baseline
            return _enclosing(words, j)  # but "For the fiscal year, which ended March 31, net profit" is its
        j = tags.rfind("D", start, j)
    if start >= 3 and tags[start - 3:start] == "D,w" and words.lower(start - 1) == "when":
        return _enclosing(words, start - 3)  # "short of late 2022, when the average price touched £266,000"
    when = i + 3 if tags[i + 1:i + 4] == "INw" else i + 1  # "caused $1.4 billion in damage when it struck"
    if tags[when:when + 1] == "w" and words.lower(when) == "when":  # "down from 49% when he was re-elected in 2021"
        k = when + 1
        while k < len(tags) and tags[k] not in ",;.wF":
            if tags[k] == "D" and _places(words, k, measure_word, i):
                return _enclosing(words, k)
            k += 1
    opening = _OPENING_DATE.match(tags)  # "From April 1, the unit rate will rise to 27.03 pence, ..., and the
    if opening is not None and opening.end() <= start and _places(words, opening.end() - 2, measure_word, i):
        return _enclosing(words, opening.end() - 2)  # standing charge will increase to 53.80 pence": its clauses'
    return None


def _takes_effect(words: Words, j: int, figure: int) -> bool:
    """Whether "from" and the date at word j say when a planned change or level takes effect: a
    future or an infinitive in its clause before the figure ("will rise 6.4% to £1,849 ... from
    April 1", "From April 1, the unit rate will rise to 27.03 pence", "a plan to raise VAT by one
    point from January 1"); not "from" a baseline ("up 5% from March", "from 2024 levels")."""
    tags = words.tags
    if tags[j + 1:j + 2] in ("N", "s") or j > 1 and tags[j - 2] == "U" or 1 < j < figure:
        return False  # a date before the figure only where it opens the sentence
    for k in range(max(0, min(j, figure) - 25), figure):
        if tags[k] in ".;":
            return False
        if tags[k] == "b" and words.lower(k) in _FUTURE_MODALS or tags[k] == "T" and tags[k + 1] in "CK":
            return True
    return False


def _participle_of(words: Words, k: int, j: int) -> bool:
    """Whether word k is a participle after a comma that dates what comes before it by the date at
    word j, nothing else between: "a €1.2 billion order for 14 jets, signed in June", "trims the
    rate by half a point, to 1.5%, starting July 1"."""
    tags = words.tags
    return k > 0 and tags[k - 1] == "," and (words.lower(k).endswith("ed") or words.lower(k) in _FROM_WHEN) \
        and j - k <= 2 and (j == k + 1 or tags[k + 1] in "IP")


def _ends_a_period(words: Words, j: int) -> bool:
    """Whether the date at word j ends a year, a half or a quarter ("the year, which ended March 31")."""
    mention = words.mention_at[j]
    return isinstance(mention, DateMention) and period_ending(words.text, mention) is not None


def _than_between(words: Words, first: int, last: int) -> bool:
    """Whether "than" or "short of" stands among words first..last, or "from" past a comma: a date after
    it is the comparison's ("18% higher than the gross of her 2016 tour", "up 0.2% at $2,520.80, not far from
    the record high hit in August")."""
    comma = False
    for k in range(first, last):
        word = words.lower(k)
        if word == "than" or comma and word == "from" or word == "short" and words.lower(k + 1) == "of":
            return True
        comma = comma or word == ","
    return False


def _opens(tags: str, start: int, i: int) -> bool:
    """Whether the figure at word i is the subject that opens its clause (from `start`) or a
    reporting verb's object clause ("says $90 million will be needed"): after determiners and
    fillers only, before its verb (not "the $1.75 billion terminal will open in January") or the
    phrase it is of ("About $150 million of the charges will be booked in")."""
    verb = i + 1
    if tags[verb:verb + 1] == "O" and (of := _OF_PHRASE.match(tags, verb)) is not None:
        verb = of.end()
    if tags[verb:verb + 1] not in VERBS:
        return False
    k = i - 1
    while k >= start and tags[k] in "ad\"(":
        k -= 1
    return k < start or tags[k] == "V"


def contrast_date(words: Words, i: int) -> DateMention | None:
    """For a figure in a "while", "whereas" or "but" clause that names no date, the date of the clause
    it contrasts with ("The zloty firmed on Wednesday, while the yield fell to 2.86%")."""
    tags = words.tags
    mark = tags.rfind("w", 0, i)
    if mark <= 0 or tags.rfind(";", mark, i) >= 0 or words.lower(mark) not in ("while", "whereas", "but"):
        return None
    start = max(tags.rfind(";", 0, mark), tags.rfind("w", 0, mark)) + 1
    while start > 0 and words.lower(start - 1) in _SUBORDINATORS:  # "jumped 6.2% on Friday after the lender
        mark = start - 1  # reported first-quarter profit, while X rose 3.5%": the main clause's Friday
        start = max(tags.rfind(";", 0, mark), tags.rfind("w", 0, mark)) + 1
    j = tags.rfind("D", start, mark)
    while j >= 0:
        if _places(words, j, None, i) and not is_baseline(words.word(j)) and not _in_aside(tags, j, mark):
            return _enclosing(words, j)
        j = tags.rfind("D", start, j)
    return None


def _clause(tags: str, i: int) -> tuple[int, int]:
    """The first and last word of the clause of word i: between semicolons, "while", "but" and the like."""
    start = past_relative_asides(tags, max(tags.rfind(";", 0, i), tags.rfind("w", 0, i)) + 1, i, ";w")
    end = len(tags) - 1
    for mark in ";w.":
        at = tags.find(mark, i + 1)
        if 0 <= at <= end:
            end = at - 1
    return start, end


def in_duration(words: Words, i: int) -> bool:
    """Whether the figure's clause is scoped by a stretch of time ("for the past five days"): then
    it belongs to no period."""
    tags = words.tags
    start, end = _clause(tags, i)
    for lead in ("Rd", "Pd", "Id", "ad"):  # "for the", "over the" before "past", "next": then the pattern decides
        k = tags.find(lead, start, end)
        while k >= 0:
            if words.lower(k + 1) == "the" and words.lower(k + 2) in _DURATION_OPENERS:
                first, last = words.phrase(start, end)
                return _DURATION.search(words.text[first:last].lower()) is not None
            k = tags.find(lead, k + 1, end)
    return False


def _in_aside(tags: str, j: int, i: int) -> bool:
    """Whether the date at j stands in a stretch between commas with a verb of its own, before
    the figure at i ("Jobs, born on February 24, 1955, has built ...")."""
    end = tags.find(",", j, i)
    start = tags.rfind(",", 0, j) + 1
    if end < 0 or start == 0 or _RESTATED.match(tags, end):  # ", or 61 cents per share" restates, closes no aside
        return False
    return tags[start] == "r" or any(tag in "vCLSV" for tag in tags[start:end])  # "which covers Christmas"


def _places(words: Words, j: int, measure_word: int | None, figure: int) -> bool:
    """Whether the date at word j places the figure at word `figure`: not a report's, a
    baseline's or another noun's."""
    tags = words.tags
    before = words.lower(j - 1) if j > 0 else ""
    if before in BASELINE_WORDS and not (before == "from" and _takes_effect(words, j, figure)) \
            or j > 1 and words.lower(j - 2) == "compared":
        return False
    if before in ("in", "on", "at", "during") and j > 1 and (
            words.lower(j - 2) in BASELINE_WORDS  # "4% less than in the same period of 2011"
            or tags[j - 2] == "F" and j - 2 != figure and j > 2 and words.lower(j - 3) in BASELINE_WORDS):
        return False  # "slowed to 42.1% in January from 44.4% in December": the baseline's
    if before == "on" and j > 1 and tags[j - 2] in "cF" and isinstance(date := words.mention_at[j], DateMention) \
            and date.grain not in ("day", "weekend"):
        return False  # "a 27% increase on the second quarter": the baseline's; but "a 2% drop on Monday"
    if before == "of" and j > 1 and words.lower(j - 2) in ("ahead", "behind", "short") \
            or before in ("below", "above") and j > 1 and tags[j - 2] == "F":
        return False  # "5% ahead of last year", "6% below the same period of 2024": the baseline's
    if before in ("its", "their") and j > 1 and words.lower(j - 2) in _COMPARED_WITH:
        return False  # "4.5% below their 2017 peak": the peak's year
    if j + 1 < len(tags) and tags[j + 1] == "s" and not (
            j + 2 < len(tags) and (words.lower(j + 2) in FIGURE_NOUNS or measure_word == j + 2
                                   or _ballot_after(words, j + 2))):
        return False  # "Monday's close"; but "December's figure was revised to 1.3%" is December's
    since = j - 1
    if before == "in" and j > 2:  # "the lowest since independence in 1991"
        since = j - 2
        while since > 0 and since > j - 5 and tags[since] in "Nd":
            since -= 1
    if since >= 0 and words.lower(since) == "since" \
            and any(words.lower(k) in SUPERLATIVES for k in range(max(0, since - 4), since)):
        return False  # "its lowest level since April 1997": another event's; but "lost 28% since March"
    if (j > 0 and tags[j - 1] == "V" or j > 1 and tags[j - 1] in "PA" and tags[j - 2] == "V") \
            and not _modifier(words, j):
        return False  # "said Friday", "announced on Wednesday"; but "expects first-half revenue"
    if j + 1 < len(tags) and tags[j + 1] == "V":
        return False
    if j < 6 and tags[j + 1:j + 2] in "(," and isinstance(date := words.mention_at[j], DateMention) \
            and wire_dateline(words.text, date):
        return False  # "SEOUL, July 31 (Reuters) - ..."
    if j > 1 and tags[j - 1] == "O" and tags[j - 2] == "N" and measure_word != j - 2 \
            and words.lower(j - 2) not in PERIOD_NOUNS:
        return False  # "the second-biggest loss of 2007"; but "the first five months of fiscal 2026"
    return True


def _ballot_after(words: Words, k: int) -> bool:
    """Whether an election or a vote is named at word k, after up to two adjectives ("Sunday's
    parliamentary election"): its date places the shares it gives."""
    for j in range(k, min(k + 3, len(words.tags))):
        if words.lower(j) in BALLOTS:
            return True
        if words.tags[j] != "N":
            return False
    return False


def wire_dateline(text: str, mention: DateMention) -> bool:
    """Whether the date is a wire story's dateline ("BERLIN, Aug 7 (Reuters) -")."""
    if text[mention.start - 2:mention.start] != ", ":  # most dates: no comma before them
        return False
    lo = max(0, mention.start - 41)
    line = text.rfind("\n", lo, mention.start) + 1
    before = _WIRE_BEFORE if mention.start > _DATELINE_CHARS else _PLACE_BEFORE  # "canberra, feb 15, 2024" in
    # lower case, near the top
    return (line > 0 or lo == 0) and before.fullmatch(text, line, mention.start) is not None \
        and _WIRE_AFTER.match(text, mention.end) is not None


def _modifier(words: Words, j: int) -> bool:
    """Whether the date at word j is one hyphenated word or a year before a noun ("third-quarter
    sales", "expects 2025 revenue")."""
    date_text = words.word(j)
    return j + 1 < len(words.tags) and words.tags[j + 1] == "N" and (
        "-" in date_text and " " not in date_text or len(date_text) == 4 and date_text.isdigit())


def is_baseline(date_text: str) -> bool:
    """Whether a date's own words make it a baseline ("a year ago", "the previous quarter")."""
    lower = date_text.lower()
    return any(word in lower for word in _BASELINE_TEXT_WORDS) and _BASELINE_TEXT.search(lower) is not None


def _enclosing(words: Words, j: int) -> DateMention:
    """The date at word j, or for "between April and June" the quarter, half or year that holds both,
    or for "the year to June 30, 2023" the fiscal year that ends then."""
    mention = words.mention_at[j]
    assert isinstance(mention, DateMention)  # a date's word (tag D)
    fiscal = period_ending(words.text, mention)
    if fiscal is not None:
        return _named_before(words, j) or fiscal
    tags = words.tags
    if j > 2 and tags[j - 2:j] == "D&" and words.lower(j - 3) == "between":  # found from the figure after it
        j -= 2
        mention = words.mention_at[j]
        assert isinstance(mention, DateMention)
    if j > 0 and words.lower(j - 1) == "between" and tags[j + 1:j + 3] == "&D":
        other = words.mention_at[j + 2]
        assert isinstance(other, DateMention)
        if mention.start_date and other.end_date and mention.start_date < other.end_date:
            return _holding(mention, other) or mention
    return mention


def _named_before(words: Words, j: int) -> DateMention | None:
    """The fiscal year the text names before a period's end in apposition: "fiscal 2025, the year
    to January 2026" is FY2025 by the company's name for it, not by the year it ends in."""
    tags = words.tags
    k = j - 1
    while k > j - 5 and k > 0 and tags[k] in "dNTQ":
        k -= 1
    if k < 1 or tags[k] != "," or tags[k - 1] != "D":
        return None
    named = words.mention_at[k - 1]
    return named if isinstance(named, DateMention) and named.value.startswith("FY") else None


def period_ending(text: str, mention: DateMention) -> DateMention | None:
    """For a month or day that ends a year, a half or a quarter (_PERIOD_TO), that period: the
    fiscal year named by the year it ends in ("the year to June 30, 2023": FY2023), the calendar
    half or quarter that ends then ("the six months to June 30": 2025-H1); else None."""
    last = mention.start_date  # in the period's last month
    if mention.grain not in ("month", "day") or last is None:
        return None
    lo = max(0, mention.start - 32)
    if text.find(" to", lo, mention.start) < 0 and text.find(" end", lo, mention.start) < 0 \
            and text.find(" TO", lo, mention.start) < 0 and text.find(" END", lo, mention.start) < 0:
        return None  # no match: quicker
    found = _PERIOD_TO.search(text, lo, mention.start)
    if found is None:
        return None
    end = date(last.year + (last.month == 12), last.month % 12 + 1, 1)  # the first day after it
    if found.group("year") is not None:
        return DateMention(mention.start, mention.end, mention.text, f"FY{last.year}", "fiscal_year", "year to",
                           date(end.year - 1, end.month, 1), end)
    if last.month % (6 if found.group("half") is not None else 3) or mention.grain == "day" and last.day < 28:
        return None  # a fiscal half or quarter ("the quarter ended Nov. 2"): which one, the text says elsewhere
    if found.group("half") is not None:
        return DateMention(mention.start, mention.end, mention.text, f"{last.year}-H{last.month // 6}", "half",
                           "half to", date(last.year, last.month - 5, 1), end)
    return DateMention(mention.start, mention.end, mention.text, f"{last.year}-Q{last.month // 3}", "quarter",
                       "quarter to", date(last.year, last.month - 2, 1), end)


def _holding(first: DateMention, last: DateMention) -> DateMention | None:
    start, end = first.start_date, last.end_date
    assert start is not None and end is not None
    months = (end.year - start.year) * 12 + end.month - start.month
    if start.day != 1 or end.day != 1:
        return None
    if months == 3 and start.month % 3 == 1:
        value, grain = f"{start.year}-Q{start.month // 3 + 1}", "quarter"
    elif months == 6 and start.month in (1, 7):
        value, grain = f"{start.year}-H{1 if start.month == 1 else 2}", "half"
    elif months == 12 and start.month == 1:
        value, grain = str(start.year), "year"
    else:
        return None
    return DateMention(first.start, last.end, "", value, grain, "between", start, end)


class Passage:
    """The document's dates in text order, to find the period of the passage before a sentence."""

    def __init__(self, text: str, dates: list[DateMention]) -> None:
        self.text = text
        self.dates = dates
        self.starts = [mention.start for mention in dates]
        self._scenes: dict[int, bool] = {}  # by index: whether the date can set a passage's period
        self._lead: DateMention | None = None  # the first date of the body that sets one
        self._lead_next = -1  # the index of the next date to try as the lead
        self._sentence = -1  # the sentence of_sentence() answered last, and its answer
        self._sentence_period: DateMention | None = None
        self._plans: dict[int, bool] = {}  # by date start: whether its sentence speaks of a plan

    def of_sentence(self, sentence_start: int, headline_end: int) -> DateMention | None:
        """The period of the passage a sentence stands in: the lead's, unless the nearest date
        before the sentence opens a sentence of its own or is a later day (module doc)."""
        if sentence_start != self._sentence:  # a sentence's figures ask in turn
            self._sentence, self._sentence_period = sentence_start, self._of_sentence(sentence_start, headline_end)
        return self._sentence_period

    def _of_sentence(self, sentence_start: int, headline_end: int) -> DateMention | None:
        k = self._before(sentence_start)
        if k < 0:
            return None
        near = period_ending(self.text, self.dates[k]) or self.dates[k]
        if self._fronted(near):
            return near
        lead = self._lead_until(headline_end, k)
        if lead is None or lead.grain == near.grain == "day" and \
                near.start_date is not None and lead.start_date is not None and near.start_date > lead.start_date:
            return near  # "Japanese stocks fell on Thursday ... Today, the FTSE gained 0.77%": a later day
        if lead.start != near.start and self._planned(lead.start) and not self._planned(near.start):
            return near  # a lead on a plan for 2025, then "Net profit for the October-December quarter rose"
        return lead

    def _planned(self, at: int) -> bool:
        """Whether the sentence before `at` speaks of a plan or a forecast (_PLAN)."""
        known = self._plans.get(at)
        if known is None:
            text = self.text
            lo = max(0, at - 200)
            start = max(text.rfind(". ", lo, at) + 2, text.rfind("\n", lo, at) + 1)
            known = self._plans[at] = _PLAN.search(text[max(lo, start):at].lower()) is not None
        return known

    def _fronted(self, mention: DateMention) -> bool:
        """Whether the date opens its sentence, after at most one word ("In 2023, sales rose 3%")."""
        text, start = self.text, mention.start
        window = max(0, start - 12)  # "For the", "On": a date that opens its sentence stands this near its start
        dot, line = text.rfind(". ", window, start), text.rfind("\n", window, start)
        if dot < 0 and line < 0 and window > 0:
            return False
        return text.count(" ", max(dot + 2, line + 1), start) <= 1

    def _lead_until(self, headline_end: int, last: int) -> DateMention | None:
        """The lead's period: the first date of the body that sets one (after() without its cost
        twice), looked for up to date `last`, which sets one; None past the lead's reach."""
        if self._lead is None:
            k = self._lead_next if self._lead_next >= 0 else bisect_right(self.starts, headline_end)
            while k <= last and self.dates[k].start <= headline_end + _LEAD_CHARS:
                if not self._alone_on_its_line(self.dates[k]) and self._scene(k):  # the cheaper test first
                    self._lead = period_ending(self.text, self.dates[k]) or self.dates[k]
                    if self._lead.grain == "day":  # "raised its guidance on Wednesday after profit in the
                        self._lead = self._report_after(k) or self._lead  # first half rose 14%": the half
                    break
                k += 1
            self._lead_next = k  # where the next look starts, if none was found
        return self._lead

    def _report_after(self, k: int) -> DateMention | None:
        """A reporting period (a quarter, a half, a year) that sets a scene after date k in its sentence."""
        text = self.text
        end = text.find(". ", self.dates[k].end)
        line = text.find("\n", self.dates[k].end)
        end = len(text) if end < 0 else end
        end = end if line < 0 else min(end, line)
        j = k + 1
        while j < len(self.dates) and self.dates[j].start < end:
            if self.dates[j].grain in _REPORT_GRAINS and self._scene(j):
                return period_ending(text, self.dates[j]) or self.dates[j]
            j += 1
        return None

    def _before(self, sentence_start: int) -> int:
        """The index of the nearest date before `sentence_start` that sets the passage's period, or -1."""
        k = bisect_left(self.starts, sentence_start) - 1
        while k >= 0 and self.dates[k].start >= sentence_start - _PASSAGE_CHARS:
            if self._scene(k):
                return k
            k -= 1
        return -1

    def earlier_in_sentence(self, sentence_start: int, at: int) -> DateMention | None:
        """The nearest date before `at` in its sentence that sets a period: where no passage does
        before the sentence, its first clause's ("US employers added 92,000 jobs in October, ...,
        and the unemployment rate edged up to 4.4%")."""
        k = bisect_left(self.starts, at) - 1
        while k >= 0 and self.dates[k].start >= sentence_start:
            if self._scene(k):
                return period_ending(self.text, self.dates[k]) or self.dates[k]
            k -= 1
        return None

    def after(self, headline_end: int) -> DateMention | None:
        """The first date of the body after a headline that sets a period; not a dateline (a date
        alone on its line), which says when the story was written."""
        k = bisect_right(self.starts, headline_end)
        while k < len(self.dates) and self.dates[k].start <= headline_end + _PASSAGE_CHARS:
            if not self._alone_on_its_line(self.dates[k]) and self._scene(k):
                return period_ending(self.text, self.dates[k]) or self.dates[k]
            k += 1
        return None

    def _clause_start(self, at: int) -> int:
        """Where the stretch of clause before `at` starts: after the last comma, full stop or
        semicolon of the 31 characters before it."""
        start = max(0, at - 31)
        text = self.text
        comma = text.rfind(",", start, at)
        while comma > start and text[comma - 1].isdigit() and text[comma + 1:comma + 2].isdigit():
            comma = text.rfind(",", start, comma)  # "$1,295": a thousands separator ends no clause
        start = max(start, comma + 1)  # max() of two: more compile to a slow generic call
        start = max(start, text.rfind(". ", start, at) + 1)
        return max(start, text.rfind(";", start, at) + 1)

    def dateline(self) -> DateMention | None:
        """The story's date: a dateline alone on its line or a wire story's, in its first lines."""
        for mention in self.dates:
            if mention.start > _LEAD_CHARS:
                break
            if self._alone_on_its_line(mention) or wire_dateline(self.text, mention):
                return mention
        return None

    def _alone_on_its_line(self, mention: DateMention) -> bool:
        """Whether the date stands alone on its line, or after its weekday ("Thursday, June 12, 2025")."""
        text = self.text
        before = mention.start - 1
        while before >= 0 and text[before] in " \t":
            before -= 1
        if before >= 0 and text[before] != "\n" and text[before] != ",":  # most dates: a word before them
            return False
        line_start = text.rfind("\n", 0, mention.start) + 1
        line_end = text.find("\n", mention.end)
        lead = text[line_start:mention.start].strip()
        return (not lead or lead.rstrip(",").lower() in WEEKDAYS) \
            and not text[mention.end:len(text) if line_end < 0 else line_end].strip(" \t.,;:-–—")

    def _scene(self, k: int) -> bool:
        """Whether date k can set a passage's period: no bound ("by 2030", "since 1997"), no baseline
        ("a year ago", "compared to last year"), no other noun's ("the biggest loss of 2007"), no
        report's ("said on Tuesday", "on Wednesday reported")."""
        known = self._scenes.get(k)
        if known is None:
            mention = self.dates[k]
            known = self._scenes[k] = mention.mod not in _BOUND_MODS and not is_baseline(mention.text) \
                and not wire_dateline(self.text, mention) and not self._alone_on_its_line(mention) \
                and not self._after_bound_or_report(mention) and not self._before_report(mention.end) \
                and not (self._in_side_clause(mention.start) and period_ending(self.text, mention) is None) \
                and not ((self.text.find("revised", mention.end, mention.end + 40) >= 0
                          or self.text.find("REVISED", mention.end, mention.end + 40) >= 0)
                         and _REVISED.match(self.text, mention.end, mention.end + 40)) \
                and not self._after_revision(mention.start)
        return known

    def _after_revision(self, at: int) -> bool:
        """Whether a revision comes before `at` in its sentence: its dates speak of the revised
        figures' past ("was revised down to 0.1%, meaning ... at the end of last year")."""
        lo = max(0, at - 200)
        revised = max(self.text.rfind(" revised ", lo, at), self.text.rfind(" REVISED ", lo, at))
        return revised >= 0 and self.text.find(". ", revised, at) < 0 and self.text.find("\n", revised, at) < 0

    def _after_bound_or_report(self, mention: DateMention) -> bool:
        """Whether the words before the date make it a bound, a baseline or a report's (_NOT_A_SCENE);
        but a period that modifies a noun is no report's ("said first-half profit rose")."""
        at = mention.start
        lo = max(0, at - 30)
        first = lo - 1 if lo else 0  # a character more, for \b to see
        before = self.text[first:at].lower()
        stripped = before.rstrip()
        last = stripped[len(stripped.rstrip(_LETTERS)):]  # the last word's letters
        if last not in _SCENE_ENDS and "told" not in before:  # the regex can't match
            return False
        found = _NOT_A_SCENE.search(before, lo - first)
        return found is not None and (found.group("report") is None or mention.grain == "day"
                                      or not _MODIFIES_NEXT.match(self.text, mention.end))

    def _before_report(self, end: int) -> bool:
        """Whether a reporting verb follows the date ending at `end` (_REPORTED)."""
        after = self.text[end:end + 14].split(None, 1)
        return bool(after) and after[0].lower() in _REPORTED

    def _in_side_clause(self, at: int) -> bool:
        """Whether the stretch of clause before `at` is a comparison's, side event's or relative clause's."""
        start = self._clause_start(at)
        first = start - 1 if start else 0  # a character more, for \b to see
        before = self.text[first:at].lower()
        if not any(word in before for word in _SIDE_WORDS):  # the regex can't match
            return False
        found = _SIDE_CLAUSE.search(before, start - first)
        if found is not None and found.group() == "that" \
                and _REPORTED_THAT.search(self.text[max(0, first + found.end() - 80):first + found.end()].lower()):
            found = _SIDE_CLAUSE.search(before, found.end())  # "said on Thursday that third-quarter profit"
        return found is not None
