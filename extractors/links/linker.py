"""Linked facts: what each amount and percentage measures, the period it belongs to, whether it is
a level or a change, and a rate's denominator (ANNOTATION "Linked facts").

`link_figures(text, mentions)` runs after extraction and sets each figure's `link`. It reads the
figure's sentence as tagged words (words.py), tries the frames (frames.py) for the measure and
the role, resolves back-references ("this figure", "it", "lost $2 billion"), takes the period from
the clause or the passage (scope.py), and in a table a figure's row and column headers
(tables.py). Pure: text and mentions in, links out.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import Final

from extractors.currencies import CURRENCY_WORDS
from extractors.links import frames, phrases, scope, tables
from extractors.links.sentences import Sentences
from extractors.links.vocabulary import (BALLOT_VERBS, DEAL_MEASURES, EXPECTED_VERBS, MARKET_WORDS, NOUNS_OF_VERBS,
                                         PARTIES, PERIOD_MEASURES, SHARE_HEADS)
from extractors.links.words import Words
from extractors.mentions import AmountMention, DateMention, Link, Mention, PercentageMention

Span = tuple[int, int]
Linked = tuple[AmountMention | PercentageMention, Span | None, int]  # a figure, its measure, its sentence's start

_WORDS_AFTER: Final = 50  # a sentence is read this far past its last figure: no frame looks further
# Longer "sentences" (tables, lists without stops) are read a stretch of this length at a time,
# from this far before a figure, so that a text of many figures costs in proportion to its length.
_LONG_SENTENCE: Final = 2000
_WORDS_BEFORE: Final = 300
_SEARCH_CHARS: Final = 800  # how far a verb's noun is looked for ("lost" -> "losses" in the headline)
_BACK_SENTENCES_CHARS: Final = 600  # how far back "this figure" and "it" look for what they refer to
_SENTENCE_FIGURES: Final = 20  # how many figures before in its sentence a figure looks back over (a line of a
# table or a list without stops holds thousands)
_QUOTE_BEFORE: Final = re.compile(r"\b(?P<base>[A-Z]{3})/(?:[A-Z]{3}\s*)?$")  # "EUR/USD 1.0893", "EUR/" before "USD 1.0893"
_QUOTE_BETWEEN: Final = re.compile(r"\s*=\s*$")  # "1 EUR = 1.08 USD", matched between the two figures
# "up from 14%", "than 2%", "than the 4.3%", "from an initially reported 1.1%", "more than double the £41m"
_BASELINE_BEFORE: Final = re.compile(
    r"(?:\b(?P<compared>from|than|versus|vs\.?|against|compared\s+(?:with|to)|double|twice|triple|treble)|,\s+to)"
    r"(?:\s+(?:an?|the))?"
    r"(?:\s+(?:[a-z]+ly\s+)?(?:reported|estimated|revised|forecast|expected))?\s+$", re.IGNORECASE)
# what _BASELINE_BEFORE can end with, its comparison words first: cheap tests before it
_COMPARED_ENDS: Final = ("from", "than", "versus", "vs", "vs.", "with", "to", "against")
_BASELINE_ENDS: Final = (*_COMPARED_ENDS, "a", "an", "the", "reported", "estimated", "revised", "forecast", "expected")
# A clause that goes on from the figure before, its subject left out: "growth of 3.7% this year,
# slowing to 3.3% in 2020, after 5.1% in 2018", "peak at 2.4% before easing to 2.1%", "profit of
# $27 million in 2025, down 40%", "added 1.1% and is up 2.9%".
_ELLIPSIS_BEFORE: Final = re.compile(
    r"(?:,\s+(?:(?:before|after)\s+)?[a-z]+ing|\bbefore\s+[a-z]+ing)\s+(?:to|by|at)\s+(?:[a-z]+\s+){0,3}$"
    r"|,\s+(?:before|after)\s+[a-z]+ing\s+(?:(?:about|around|nearly|roughly|almost|some)\s+)?$"
    r"|,\s+(?:still\s+)?(?:after|up|down)\s+$|\b(?:and|but)\s+(?:is|was|are|were)\s+(?:up|down)\s+$", re.IGNORECASE)
# "of 5.3% this year and 4.3% in 2024", "$120 million, equal to about £94 million"
_BOUNDS: Final = ("to more than", "by more than", "of more than", "to less than", "by less than", "of less than")
_AND_BEFORE: Final = re.compile(
    r"(?:\b(?:and|or)|,\s+(?:equal|equivalent)\s+to)\s+(?:about\s+|around\s+|nearly\s+|roughly\s+)?$", re.IGNORECASE)
_AND_ENDS: Final = ("and ", "or ", "to ", "about ", "around ", "nearly ", "roughly ")  # what _AND_BEFORE can end with
_CLAUSE_MARK: Final = re.compile("[;w]")  # between two clauses: ";", "while", "but"
_MODIFIER: Final = re.compile(r"(?:(?<![\w'’])[a-z][a-z-]*\s+){1,2}$")  # not the "s" of "fund’s"
_NOT_OWNERS: Final = frozenset({"the", "a", "an", "its", "their", "average", "total", "net", "gross", "core", "real"})
_REPORT_GRAINS: Final = frozenset({"quarter", "half", "year", "fiscal_year"})
_SHARES: Final = frozenset({"shares", "stock", "stocks"})  # a company's move measures them; their level is a price
_FUNCTION_WORD: Final = re.compile(r"\b(?:the|a|an|of|in|to|and|its|their|this|that)\s")


def link_figures(text: str, mentions: list[Mention]) -> None:
    """Set the link of every amount and percentage of `mentions` (sorted by start) in `text`."""
    figures = [m for m in mentions if not isinstance(m, DateMention)]
    if not figures:
        return
    dates: list[DateMention] = [m for m in mentions if isinstance(m, DateMention)]
    starts = [m.start for m in mentions]
    passage = scope.Passage(text, dates)
    sentences = Sentences(text)
    table = tables.table_index(text) if "|" in text else None
    first_break = text.find("\n")
    headline_end = first_break if 0 < first_break < 300 else None
    words = Words(text, 0, 0, [])  # the words of the sentence of the figure before
    words_start = w_end = -1
    linked: list[Linked] = []
    periods: list[DateMention | None] = []  # the period of each figure of `linked`
    headline: list[AmountMention | PercentageMention] = []  # headline figures without a date of their own
    s_start = s_end = -1
    last_period: DateMention | None = None  # the period of the figure before, and whether it was `joined`
    was_joined = False
    for k, figure in enumerate(figures):
        if not s_start <= figure.start < s_end:  # else in the sentence of the figure before
            s_start, s_end = sentences.around(figure.start)
        if figure.end > s_end:  # "RS\n0": a figure across a line break joins the two sentences
            s_end = sentences.around(figure.end - 1)[1]
        if s_end - s_start > _LONG_SENTENCE:  # a table or a list without stops: read a stretch at a time
            if not (words_start >= 0 and figure.end + _WORDS_AFTER <= w_end):
                words_start = max(s_start, text.rfind(" ", 0, max(0, figure.start - _WORDS_BEFORE)) + 1)
                w_end = min(s_end, words_start + _LONG_SENTENCE)
                words = Words(text, words_start, w_end, _within(mentions, starts, words_start, w_end))
        elif s_start != words_start:  # the sentence's words, up to a little past its last figure
            last = k
            while last + 1 < len(figures) and figures[last + 1].start < s_end:
                last += 1
            w_end = min(s_end, figures[last].end + _WORDS_AFTER)
            words, words_start = Words(text, s_start, w_end, _within(mentions, starts, s_start, w_end)), s_start
        i = _word_of(words, figure)
        if i is None:
            continue
        reading = frames.read(words, i, figure.type == "amount")
        baseline = _baseline_of(text, words, linked, s_start, figure.start)
        measure = _measure_span(text, words, reading, linked, sentences, s_start, figure.start, figure.type, baseline)
        if baseline is not None and baseline[1] and baseline[0][0].link is not None \
                and baseline[0][0].link.role is not None and baseline[0][0].type == figure.type:
            reading.role = baseline[0][0].link.role  # "rose 1.8%, more than the 1.2% forecast": a change too (but
            # "up 38% from $2.8 million" is a level)
        headers = table.headers(figure.start, figure.end) if table is not None else (None, None)
        if headers[0] is not None:
            measure = measure if measure is not None and measure[0] >= headers[0][0] else headers[0]
        joined = last_period if last_period is not None and (
            _goes_on(text, linked, last_period, s_start, figure.start)  # and "narrowed 40% to $38 million" after it
            or was_joined and text.find(",", linked[-1][0].end, figure.start) < 0) else None
        period = _period(words, i, reading, measure, text, dates, passage, s_start, headline_end, headers[1], joined)
        if last_period is not None and baseline is not None and not baseline[1]:
            period = last_period  # the level after a change: "first-quarter sales up 3.8% at 22.4 billion euros on
            # Wednesday"
        elif linked and linked[-1][2] == s_start and _expected_after(words, i) \
                and (first := _first_of_kind(linked, s_start, figure.type)) is not None \
                and not ((first_period := periods[first]) is not None and scope.is_baseline(first_period.text)):
            period = periods[first]  # "sales this year of $11.5 billion, above the $10.9 billion it had forecast in
            # July", "grew 7.6% in May, from a 1.5% gain in April, beating the 5.7% increase forecast by economists";
            # not a baseline's ("compared with $1.78 billion a year earlier and with the $1.94 billion analysts had
            # expected")
        was_joined = joined is not None and period is joined
        per = _per(text, words, reading, figure, measure, mentions, bisect_left(starts, figure.start))
        linked.append((figure, measure, s_start))
        periods.append(period)
        if baseline is None or not baseline[1]:  # a clause after a baseline goes on in its figure's period
            last_period = period
        if measure is None:
            m_text, m_start, m_end = None, None, None
        else:
            m_start, m_end = measure
            m_text = text[m_start:m_end]
        figure.link = Link(m_text, m_start, m_end, None if period is None else period.value,  # fields in order
                           None if period is None else period.start_date, None if period is None else period.end_date,
                           reading.role, per, s_start, s_end)
        if headline_end is not None and s_start < headline_end and (
                period is None or period.start > headline_end or _YEAR.search(period.text) is None) \
                and not (reading.role == "level" and measure is not None and _head(text, measure) in DEAL_MEASURES):
            headline.append(figure)  # no date of its own, or none with a year ("Q4 profit jumps 31%"); but a
            # deal's value or a price takes none ("Tarvik makes 4.8 billion euro bid for Meridal")
    for figure in headline:
        _period_of_restated(figure, figures, headline_end or 0)


def _expected_after(words: Words, i: int) -> bool:
    """Whether the figure at word i is what someone had expected ("the $10.9 billion it had forecast"):
    an estimate for the period of the figure it is set against."""
    tags = words.tags
    m = _EXPECTED_AFTER.match(tags, i + 1)
    return m is not None and words.lower(m.end() - 1) in EXPECTED_VERBS


_EXPECTED_AFTER: Final = re.compile(r"[xN]b?[Vv]|c?[VvN](?=B)")  # "it had forecast", "(increase) expected by"


def _first_of_kind(linked: list[Linked], s_start: int, kind: str) -> int | None:
    """The index in `linked` of the first figure of type `kind` in the sentence at s_start."""
    first = None
    for k in range(len(linked) - 1, max(-1, len(linked) - 1 - _SENTENCE_FIGURES), -1):
        if linked[k][2] != s_start:
            break
        if linked[k][0].type == kind:
            first = k
    return first


def _goes_on(text: str, linked: list[Linked], last_period: DateMention, s_start: int, at: int) -> bool:
    """Whether the figure at `at`, in a clause after ", and" that names no period, goes on in the
    reporting period of the figure before in its sentence rather than the passage's before the
    sentence ("revenue more than doubled to $612 million in the first half of 2025, and its net
    loss narrowed 40%"); not a baseline's period nor a month's."""
    return linked[-1][2] == s_start and last_period.grain in _REPORT_GRAINS \
        and (text.find(", and ", linked[-1][0].end, at) >= 0 or text.find(", AND ", linked[-1][0].end, at) >= 0) \
        and not scope.is_baseline(last_period.text)


def _period_of_restated(figure: AmountMention | PercentageMention, figures: list[AmountMention | PercentageMention],
                        body: int) -> None:
    """A headline's figure takes the period of the same figure in the body, which the headline
    restates ("profit falls 9%" over "net income fell 9% ... in the first quarter"; "Q4 profit
    jumps 31%" over "a 31% rise ... for the fourth quarter of FY25")."""
    for other in figures:
        if other.start > body and other.type == figure.type and other.value == figure.value \
                and getattr(other, "currency", None) == getattr(figure, "currency", None) \
                and getattr(other, "unit", None) == getattr(figure, "unit", None):
            link, own = other.link, figure.link
            if link is not None and link.period is not None and own is not None:
                own.period, own.period_start_date, own.period_end_date = \
                    link.period, link.period_start_date, link.period_end_date
            return


def _within(mentions: list[Mention], starts: list[int], start: int, end: int) -> list[Mention]:
    """The mentions that may overlap text[start:end] (`starts`: theirs, in order)."""
    first = last = bisect_left(starts, start)
    while last < len(starts) and starts[last] < end:  # a sentence holds few: quicker than a second bisect
        last += 1
    return mentions[max(0, first - 1):last]


def _word_of(words: Words, figure: Mention) -> int | None:
    i = words.index_of.get(figure.start)
    return i if i is not None and words.mention_at[i] is figure else None


_FORECAST_BEFORE_TO: Final = EXPECTED_VERBS | {"likely", "set", "due", "poised", "expect", "expects"}  # "are expected
# to fall by", "expects the yield to end the year at"
_VOTES: Final = ("vote", "votes")
_YEAR: Final = re.compile(r"\d\d")  # a date that writes its year ("FY25", "2024"), unlike "Q4", "first-half"
_APPOSED_CHANGE: Final = re.compile(r"F(?:Od?N+)?,dcO")  # "to 21.5% of the vote, a loss of"


def _measure_span(text: str, words: Words, reading: frames.Reading, linked: list[Linked], sentences: Sentences,
                  s_start: int, at: int, kind: str, baseline: tuple[Linked, bool] | None) -> tuple[int, int] | None:
    """The measure as a character span, back-references resolved."""
    if baseline is not None:  # what the figure before measures
        return baseline[0][1]
    i, tags = words.index_of[at], words.tags
    if i >= 5 and tags[i - 1] == "O" and tags[i - 4:i] == ",dcO" and linked and linked[-1][2] == s_start \
            and linked[-1][1] is not None and _APPOSED_CHANGE.fullmatch(tags, tags.rfind("F", 0, i), i):
        return linked[-1][1]  # "slumped to 21.5% of the vote, a loss of 7.3 points": the vote's change
    if linked and linked[-1][2] == s_start and reading.reference is None \
            and text[max(0, at - 9):at].lower().endswith(_AND_ENDS) \
            and _AND_BEFORE.search(text, max(0, at - 24), at):  # "a premium of 42% to X, and 51% to Y"
        same = _same_kind_before(linked, s_start, kind)
        if same is not None and same[1] is not None and (
                reading.measure is None or words.span(reading.measure)[1] <= same[0].start):
            return same[1]  # unless the figure names its own measure, after the one before it
    if kind == "percentage" and reading.verb is not None and words.lower(reading.verb) in BALLOT_VERBS \
            and (reading.measure is None or phrases.is_name(words, reading.measure)) \
            and (vote := _noun_of_verb(text, _VOTES, at, words.cased)) is not None:
        return vote  # "The Social Democrats took 29.1%", "Civic Alliance wins 38% in election": of the vote
    if reading.measure is not None:
        if reading.reference == frames.PREVIOUS:  # a name in a gapped clause: what the figure before
            before = _measure_before(linked, s_start)  # measures, unless a name ("... Intel rose 2%, Dell 3%")
            if before is not None and not (words.cased and text[before[0]:before[1]].split()[-1][:1].isupper()
                                           and text[max(0, before[0] - 2):before[0]].strip() not in ("", ".")):
                return before  # (a capital that opens a sentence shows no name: "Shares of X lost 6.1%")
            return words.span(reading.measure)
        if kind == "percentage" and reading.role == "level" and reading.reference is None \
                and (share := _share_before(text, linked, s_start)) is not None \
                and (phrases.is_name(words, reading.measure) or words.lower(reading.measure[1]) in PARTIES):
            # "The Social Democrats slumped to 21.5%", "the nationalist Homeland party came third with 14.7%" after
            return share  # "won 34.2% of the vote": a name holds a share of what the one before measures
        if reading.role == "change" and phrases.is_name(words, reading.measure):
            shares = _shares_before(text, linked, s_start)  # "Vale fell 4.3%" after "Shares of Petrobras lost 6.1%"
            if shares is not None:
                return shares
            owned = _owned_before(text, linked, s_start) if words.cased else None
            if owned is not None:  # "Sydney values dropped 0.7%, while Perth rose 0.6%": Perth's values
                return owned
        return words.span(reading.measure)
    reference = reading.reference
    if reference is None:
        if linked and linked[-1][2] == s_start and linked[-1][1] is not None \
                and _ELLIPSIS_BEFORE.search(text, max(0, at - 40), at):
            return linked[-1][1]
        return None
    if reference in NOUNS_OF_VERBS:
        return _noun_of_verb(text, NOUNS_OF_VERBS[reference], at, words.cased)
    measure = _measure_before(linked, s_start)
    if measure is not None:
        return measure
    if reference == frames.SUBJECT_BEFORE and (before := sentences.previous(s_start)) is not None:
        words_before = Words(text, before[0], before[1], [])
        for v, tag in enumerate(words_before.tags):
            if tag in "CLSvb":
                phrase = phrases.phrase_before(words_before, v)
                return None if phrase is None else words_before.span(phrase)
    return None


def _baseline_of(text: str, words: Words, linked: list[Linked], s_start: int, at: int) -> tuple[Linked, bool] | None:
    """The figure before in the sentence, with a measure, when the figure at `at` is its baseline
    ("rose to 17%, up from 14%") or its level after a change ("a 12% fall in revenue, to $412
    million"), and whether it is a baseline."""
    if not (linked and linked[-1][2] == s_start and linked[-1][1] is not None):
        return None
    change = linked[-1][0]
    if at - change.end == 4 and text[change.end:at] == " at " and change.link is not None \
            and change.link.role == "change":
        return linked[-1], False  # "with their benchmark price down 5.1% at C$1.12 million"
    tail = text[max(0, at - 16):at].rstrip().lower()  # cheap tests first: the regex can't match without
    if not tail.endswith(_BASELINE_ENDS) or tail.endswith(_BOUNDS):  # "to more than 150%" is a bound
        return None
    reach = 16  # "compared with 14%"
    if not tail.endswith(_COMPARED_ENDS):  # "than the 4.3%", "from an initially reported 1.1%"
        window = text[max(0, at - 50):at].lower()
        if not any(word in window for word in ("from", "than", "versus", "vs", "compared", "against", "double", "twice",
                                               "triple", "treble")):
            return None
        reach = 50
    if found := _BASELINE_BEFORE.search(text, max(0, at - reach), at):
        prior = words.index_of.get(linked[-1][0].start)
        here = words.index_of.get(at)
        if prior is not None and here is not None and not _CLAUSE_MARK.search(words.tags, prior, here):
            compared = linked[-1]
            if len(linked) > 1 and linked[-2][2] == s_start and linked[-2][1] is not None \
                    and text[linked[-2][0].end:compared[0].start] == ", or ":
                compared = linked[-2]  # "net income climbed to $4.6 billion, or $1.93 a share, from $3.9 billion"
            return compared, found.group("compared") is not None
    return None


def _measure_before(linked: list[Linked], s_start: int) -> Span | None:
    """The measure of the nearest figure before that has one, if near."""
    for k in range(len(linked) - 1, -1, -1):
        measure, start = linked[k][1], linked[k][2]
        if start < s_start - _BACK_SENTENCES_CHARS:
            return None
        if measure is not None:
            return measure
    return None


def _shares_before(text: str, linked: list[Linked], s_start: int) -> Span | None:
    """The measure of a figure before in the sentence, or of the nearest before it, when it is
    shares or stock: what a company's move measures ("Shares of Petrobras lost 6.1%, while Vale
    fell 4.3%", "Calloway shares jumped 6.2% after the lender reported a profit of £1.9 billion,
    while Morrow Life rose 3.5%")."""
    for k in range(len(linked) - 1, max(-1, len(linked) - 1 - _SENTENCE_FIGURES), -1):
        _, measure, start = linked[k]
        if start != s_start:
            break
        if measure is not None and _head(text, measure) in _SHARES:
            return measure
    measure = _measure_before(linked, s_start)
    return measure if measure is not None and _head(text, measure) in _SHARES else None


def _share_before(text: str, linked: list[Linked], s_start: int) -> Span | None:
    """The measure of the nearest percentage before, if near, when it is a vote, a share or the
    like that names hold shares of (vocabulary.SHARE_HEADS)."""
    for figure, measure, start in reversed(linked):
        if start < s_start - _BACK_SENTENCES_CHARS:
            return None
        if figure.type == "percentage" and measure is not None:
            return measure if _head(text, measure) in SHARE_HEADS else None
    return None


def _owned_before(text: str, linked: list[Linked], s_start: int) -> Span | None:
    """The noun of the measure of the figure before in the sentence, when a name owns it there
    ("Sydney values"): what another name's move in the same sentence measures."""
    if not linked or linked[-1][2] != s_start or linked[-1][1] is None:
        return None
    start, end = linked[-1][1]
    owner, _, noun = text[start:end].partition(" ")
    if not owner[:1].isupper() or not noun or not noun[:1].islower() or owner.lower() in _NOT_OWNERS:
        return None
    return end - len(noun), end


def _head(text: str, span: Span) -> str:
    """The last word of a phrase, in lower case."""
    return text[span[0]:span[1]].rsplit(None, 1)[-1].lower()


def _same_kind_before(linked: list[Linked], s_start: int, kind: str) -> Linked | None:
    """The last figure of the same type in the sentence, linked ("a premium of 42% to the close of
    200.7 pence, and 51% to the average": the 42%)."""
    for found in reversed(linked):
        if found[2] != s_start:
            return None
        if found[0].type == kind:
            return found
    return None


def _noun_of_verb(text: str, nouns: tuple[str, ...], at: int, cased: bool) -> tuple[int, int] | None:
    """The nearest of `nouns` before `at` (else after), with up to two lower-case words before it."""
    found = _nearest_word(text, nouns, max(0, at - _SEARCH_CHARS), at, True, cased) \
        or _nearest_word(text, nouns, at, min(len(text), at + _SEARCH_CHARS), False, cased)
    if found is None:
        return None
    start, end = found
    modifier = _MODIFIER.search(text, max(0, start - 40), start)
    if modifier is not None and not _FUNCTION_WORD.search(modifier.group()):
        start = modifier.start()
    return start, end


def _nearest_word(text: str, words: tuple[str, ...], start: int, end: int, last: bool,
                  cased: bool) -> tuple[int, int] | None:
    """The span of the last (or first) of `words`, a whole word in lower case or capitalized (in
    capitals in a text in capitals), in text[start:end]."""
    best: tuple[int, int] | None = None
    for word in words:
        for form in (word, word.capitalize()) if cased else (word.upper(),):
            at = text.rfind(form, start, end) if last else text.find(form, start, end)
            while at >= 0:
                after = at + len(form)
                if (at == 0 or not text[at - 1].isalnum()) and (after == len(text) or not text[after].isalnum()):
                    if best is None or (at > best[0] if last else at < best[0]):
                        best = (at, after)
                    break
                at = text.rfind(form, start, at) if last else text.find(form, at + 1, end)
    return best


def _period(words: Words, i: int, reading: frames.Reading, measure: tuple[int, int] | None, text: str,
            dates: list[DateMention], passage: scope.Passage, s_start: int, headline_end: int | None,
            column: tuple[int, int] | None, joined: DateMention | None) -> DateMention | None:
    """The figure's period: its clause's date, else for a flow, a change or an as-of level the
    period its sentence goes on in after ", and" (`joined`) or the passage's."""
    if column is not None:  # a table's column header
        return next((d for d in dates if column[0] <= d.start and d.end <= column[1]), None)
    measure_word = reading.measure[1] if reading.measure is not None else None
    own = scope.clause_date(words, i, measure_word)
    if own is not None:
        return own
    if not _takes_passage_period(text, reading, measure, words, words.mention_at[i].type == "amount"):
        return None
    found = scope.contrast_date(words, i) or joined
    if found is None:
        found = passage.after(headline_end) if headline_end is not None and s_start < headline_end \
            else passage.of_sentence(s_start, headline_end or 0)
    if (found is None or headline_end is not None and found.start < headline_end < s_start) \
            and (headline_end is None or s_start > headline_end):  # none, or the headline's ("sees 2026 fares up 3%")
        found = passage.earlier_in_sentence(s_start, words.mention_at[i].start) or found
    if found is None and measure is not None and _head(text, measure) in MARKET_WORDS:
        found = passage.dateline()  # "Brent crude futures rose $1.05" on the story's day
    return None if found is None or scope.in_duration(words, i) else found


def _takes_passage_period(text: str, reading: frames.Reading, measure: tuple[int, int] | None, words: Words,
                           is_amount: bool) -> bool:
    """Flows, changes and as-of levels take the passage's period; deal values and prices never do."""
    if reading.of is not None:  # a rate is the kind of what it is of: "a dividend of 26 cents a share"
        measure = words.span(reading.of)
    phrase = text[measure[0]:measure[1]].lower() if measure is not None else ""
    head = phrase.split()[-1] if measure is not None else None
    if head == "investment" and measure is not None \
            and not text[max(0, measure[0] - 2):measure[0]].strip()[-1:].isalnum():
        return True  # "Investment in grids reached €4.8 billion" is a flow; "a $500 million investment" a deal
    flow_value = head in ("value", "values") and measure is not None and _of_no_deal(text, measure[1])
    if head in DEAL_MEASURES and not phrase.startswith("market ") \
            and not (reading.role == "change" and head in ("price", "prices")) and not flow_value:
        return False  # a market value is a stock's, as of a day; "food prices rose 7.2%" in a month; "the value of
        # building permits rose to C$11.9 billion" is a flow's
    if is_amount and reading.role == "level" and head in _SHARES:
        return False  # "shares tumbled 8.2% to $112.40": a price
    verb = reading.verb
    if verb is not None and verb > 0 and words.tags[verb - 1] == "T" and not _forecast_before(words, verb - 1):
        return False  # "to reduce costs by 30%": an aim; but "royalties are expected to fall by C$620 million"
    if reading.role == "change" or head in PERIOD_MEASURES or flow_value:
        return True
    if head in ("share", "shares") and measure is not None and ("market" in text[measure[0]:measure[1] + 60].lower()
                                                                or "vote" in text[measure[1]:measure[1] + 80]):
        return True  # a market share, a vote share as of the passage's day
    return measure is None and verb is not None and words.lower(verb) in NOUNS_OF_VERBS \
        and words.tags[verb] == "C"


def _forecast_before(words: Words, to: int) -> bool:
    """Whether a forecast governs the infinitive at "to" (word `to`): "are expected to fall", "had
    expected the rate to hold at 4.1%", "expects the 10-year yield to end the year at 4.9%"."""
    k = to - 1
    while k > 0 and to - k <= 4 and words.tags[k] in "dNa":  # the forecast's object
        k -= 1
    return words.lower(to - 1) in _FORECAST_BEFORE_TO or k < to - 1 and words.lower(k) in _FORECAST_BEFORE_TO


def _of_no_deal(text: str, end: int) -> bool:
    """Whether "of" and a phrase that is no deal follow a value ending at `end` ("the value of
    building permits"; not "the value of the contract", nor the figure of "a value of $348.8 billion")."""
    if not text.startswith(" of ", end):
        return False
    after = text[end + 4:end + 60].split(",", 1)[0].split(".", 1)[0].lower().split()[:4]
    return bool(after) and after[0].isalpha() and not any(word in DEAL_MEASURES for word in after)


def _per(text: str, words: Words, reading: frames.Reading, figure: Mention, measure: tuple[int, int] | None,
         mentions: list[Mention], k: int) -> str | None:
    """A rate's denominator; for an exchange rate, the base currency ("EUR/USD 1.0893", "1 EUR = 1.08 USD",
    "the euro was at $1.09")."""
    if reading.per is not None:
        return words.lower(reading.per[1])
    if "/" in text[max(0, figure.start - 5):figure.start] \
            and (quote := _QUOTE_BEFORE.search(text, max(0, figure.start - 12), figure.start)):
        return quote.group("base")
    while mentions[k] is not figure:
        k += 1
    before = mentions[k - 1] if k > 0 else None
    after = mentions[k + 1] if k + 1 < len(mentions) else None
    if isinstance(before, AmountMention) and text.find("=", before.end, figure.start) >= 0 \
            and _QUOTE_BETWEEN.match(text, before.end, figure.start):
        return before.currency  # "1 EUR = 1.08 USD": the 1.08 USD is per EUR
    if isinstance(figure, AmountMention) and figure.value == 1 and isinstance(after, AmountMention) \
            and text.find("=", figure.end, after.start) >= 0 and _QUOTE_BETWEEN.match(text, figure.end, after.start):
        return figure.currency  # and so is the 1 EUR: a quote, not a sum
    if measure is not None and figure.type == "amount":
        word = text[measure[0]:measure[1]].lower()
        if word in CURRENCY_WORDS and CURRENCY_WORDS[word] != getattr(figure, "currency", None):
            return CURRENCY_WORDS[word]
    return None
