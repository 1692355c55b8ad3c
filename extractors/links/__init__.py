"""Linked facts: what each amount and percentage measures, the period it belongs to, whether it is
a level or a change, and a rate's denominator (ANNOTATION "Linked facts").

`link_figures(text, mentions)` runs after extraction and sets each figure's `link`. It reads the
figure's sentence as tagged words (words.py), tries the frames (frames.py) for the measure and
the role, resolves back-references ("this figure", "it", "lost $2 billion"), takes the period from
the clause or the passage (scope.py), and in a table a figure's row and column headers
(tables.py). Pure: text and mentions in, links out.
"""
from __future__ import annotations

from bisect import bisect_left

import regex

from extractors.currencies import CURRENCY_WORDS
from extractors.links import frames, phrases, scope, tables
from extractors.links.sentences import Sentences
from extractors.links.vocabulary import DEAL_MEASURES, NOUNS_OF_VERBS, PERIOD_MEASURES
from extractors.links.words import Words
from extractors.mentions import DateMention, Link, Mention

_SEARCH_CHARS = 5000  # how far a verb's noun is looked for ("lost" -> "losses" in the headline)
_BACK_SENTENCES_CHARS = 600  # how far back "this figure" and "it" look for what they refer to
_QUOTE_BEFORE = regex.compile(r"\b(?P<base>[A-Z]{3})/[A-Z]{3}\s*$")  # "EUR/USD 1.0893"
_QUOTE_BETWEEN = regex.compile(r"\s*=\s*$")  # "1 EUR = 1.08 USD"
_MODIFIER = regex.compile(r"(?:\b[a-z][a-z-]*\s+){1,2}$")


def link_figures(text: str, mentions: list[Mention]) -> None:
    """Set the link of every amount and percentage of `mentions` (sorted by start) in `text`."""
    figures = [m for m in mentions if m.type != "date"]
    if not figures:
        return
    dates: list[DateMention] = [m for m in mentions if isinstance(m, DateMention)]
    starts = [m.start for m in mentions]
    sentences = Sentences(text)
    table = tables.table_index(text) if "|" in text else None
    headline_end = text.find("\n") if 0 < text.find("\n") < 300 else None
    cache: dict[int, Words] = {}
    linked: list[tuple[Mention, tuple[int, int] | None, int]] = []  # figure, measure span, sentence start
    for figure in figures:
        s_start, s_end = sentences.around(figure.start)
        words = cache.get(s_start)
        if words is None:
            words = Words(text, s_start, s_end,
                          mentions[max(0, bisect_left(starts, s_start) - 1):bisect_left(starts, s_end)])
            cache = {s_start: words}
        i = _word_of(words, figure)
        if i is None:
            continue
        reading = frames.read(words, i, figure.type == "amount")
        measure = _measure_span(text, words, reading, linked, sentences, s_start, figure.start)
        headers = table.headers(figure.start, figure.end) if table is not None else (None, None)
        if headers[0] is not None:
            measure = measure if measure is not None and measure[0] >= headers[0][0] else headers[0]
        period = _period(words, i, reading, measure, text, dates, s_start, headline_end, headers[1])
        per = _per(text, words, reading, figure, measure, mentions, bisect_left(starts, figure.start))
        linked.append((figure, measure, s_start))
        figure.link = Link(
            measure=None if measure is None else text[measure[0]:measure[1]],
            measure_start=None if measure is None else measure[0], measure_end=None if measure is None else measure[1],
            period=None if period is None else period.value,
            period_start_date=None if period is None else period.start_date,
            period_end_date=None if period is None else period.end_date,
            role=reading.role, per=per, sentence_start=s_start, sentence_end=s_end)


def _word_of(words: Words, figure: Mention) -> int | None:
    for i, mention in enumerate(words.mentions):
        if mention is figure:
            return i
    return None


def _measure_span(text: str, words: Words, reading: frames.Reading, linked: list, sentences: Sentences,
                  s_start: int, at: int) -> tuple[int, int] | None:
    """The measure as a character span, back-references resolved."""
    if reading.measure is not None:
        return words.phrase(*reading.measure)
    reference = reading.reference
    if reference is None:
        return None
    if reference in NOUNS_OF_VERBS:
        return _noun_of_verb(text, NOUNS_OF_VERBS[reference], at)
    for figure, measure, start in reversed(linked):  # the figure before, if near
        if start < s_start - _BACK_SENTENCES_CHARS:
            break
        if measure is not None:
            return measure
    if reference == frames.SUBJECT_BEFORE and (before := sentences.previous(s_start)) is not None:
        words_before = Words(text, before[0], before[1], [])
        for v, tag in enumerate(words_before.tags):
            if tag in "CLSvb":
                phrase = phrases.phrase_before(words_before, v)
                return None if phrase is None else words_before.phrase(*phrase)
    return None


def _noun_of_verb(text: str, nouns: tuple[str, ...], at: int) -> tuple[int, int] | None:
    """The nearest of `nouns` before `at` (else after), with up to two lower-case words before it."""
    pattern = regex.compile(r"\b(?:" + "|".join(nouns) + r")\b", regex.IGNORECASE)
    found = None
    for m in pattern.finditer(text, max(0, at - _SEARCH_CHARS), at):
        found = m
    if found is None:
        found = pattern.search(text, at, at + _SEARCH_CHARS)
    if found is None:
        return None
    start = found.start()
    modifier = _MODIFIER.search(text, max(0, start - 40), start)
    if modifier is not None and not regex.search(r"\b(?:the|a|an|of|in|to|and|its|their|this|that)\s", modifier.group()):
        start = modifier.start()
    return start, found.end()


def _period(words: Words, i: int, reading: frames.Reading, measure: tuple[int, int] | None, text: str,
            dates: list[DateMention], s_start: int, headline_end: int | None,
            column: tuple[int, int] | None) -> DateMention | None:
    if column is not None:  # a table's column header
        return next((d for d in dates if column[0] <= d.start and d.end <= column[1]), None)
    measure_word = reading.measure[1] if reading.measure is not None else None
    own = scope.clause_date(words, i, measure_word)
    if own is False:
        return None
    if own is not None:
        assert isinstance(own, DateMention)
        return own
    if not _takes_passage_period(text, reading, measure, words):
        return None
    in_headline = headline_end is not None and s_start < headline_end
    return scope.passage_date(text, dates, s_start, headline_end if in_headline else None)


def _takes_passage_period(text: str, reading: frames.Reading, measure: tuple[int, int] | None, words: Words) -> bool:
    """Flows, changes and as-of levels take the passage's period; deal values and prices never do."""
    head = text[measure[0]:measure[1]].lower().split()[-1] if measure is not None else None
    if head in DEAL_MEASURES:
        return False
    verb = reading.verb
    if verb is not None and verb > 0 and words.tags[verb - 1] == "T":  # "to reduce costs by 30%": an aim
        return False
    if reading.role == "change" or head in PERIOD_MEASURES:
        return True
    if head in ("share", "shares") and measure is not None and "market" in text[measure[0]:measure[1] + 60].lower():
        return True
    return measure is None and verb is not None and words.word(verb).lower() in NOUNS_OF_VERBS \
        and words.tags[verb] == "C"


def _per(text: str, words: Words, reading: frames.Reading, figure: Mention, measure: tuple[int, int] | None,
         mentions: list[Mention], k: int) -> str | None:
    """A rate's denominator; for an exchange rate, the base currency ("EUR/USD 1.0893", "1 EUR = 1.08 USD",
    "the euro was at $1.09")."""
    if reading.per is not None:
        return words.word(reading.per[0]).lower()
    if quote := _QUOTE_BEFORE.search(text, max(0, figure.start - 12), figure.start):
        return quote.group("base")
    while mentions[k] is not figure:
        k += 1
    for other, between in ((mentions[k - 1] if k else None, (lambda o: (o.end, figure.start))),
                           (mentions[k + 1] if k + 1 < len(mentions) else None, (lambda o: (figure.end, o.start)))):
        if other is not None and other.type == "amount" and _QUOTE_BETWEEN.match(text, *between(other)) \
                and (other is mentions[k - 1] or figure.value == 1):
            base = other if other is mentions[k - 1] else figure
            return getattr(base, "currency", None)
    if measure is not None and figure.type == "amount":
        word = text[measure[0]:measure[1]].lower()
        if word in CURRENCY_WORDS and CURRENCY_WORDS[word] != getattr(figure, "currency", None):
            return CURRENCY_WORDS[word]
    return None
