"""The period a figure belongs to (ANNOTATION "Linked facts", Period).

First a date of the figure's own clause: the nearest after it with no other figure between, else
the nearest before it. Not a date that says when something was reported ("said Friday"), a
baseline's ("up from 14% a year ago" for the 17%; "compared with last year"), another
event's ("Monday's close", "the biggest loss of 2007"). "between April and June" is the period
that holds both (the second quarter).

Else the passage's period, for figures that are flows, changes or as-of levels (the caller
decides): the nearest date before the figure's sentence that places something (not a
baseline, not a bound like "by 2030"); a headline takes the first of the body's.
"""
from __future__ import annotations

from datetime import date

import regex

from extractors.links.vocabulary import BASELINE_WORDS
from extractors.links.words import Words
from extractors.mentions import DateMention

# A clause scoped by a stretch of time, not a date: "for the past five trading days".
_DURATION = regex.compile(
    r"\b(?:for|over|in|during)\s+the\s+(?:past|last|previous|next|first)\s+(?:\w+\s+){0,2}"
    r"(?:days|weeks|months|years|quarters|sessions)\b", regex.IGNORECASE)
_BASELINE_TEXT = regex.compile(r"\b(?:ago|earlier|previous|prior|year-ago|year-earlier|before)\b", regex.IGNORECASE)
_BEFORE_OTHER = regex.compile(r"\b(?:since|from|than|compared\s+(?:to|with)|versus|against|of|by|until)\s+$",
                              regex.IGNORECASE)
_BOUND_MODS = frozenset({"before", "on_or_before", "after", "since"})
_PASSAGE_CHARS = 3000  # how far back a passage's period is looked for


def clause_date(words: Words, i: int, measure_word: int | None) -> DateMention | None | bool:
    """The date of the figure's own clause, or False when the clause is scoped by a duration
    (no period at all), or None when it names none."""
    tags = words.tags
    start, end = i, i
    while start > 0 and tags[start - 1] not in ";w":
        start -= 1
    while end + 1 < len(tags) and tags[end + 1] not in ";w.":
        end += 1
    if start <= 1 and tags[:1] == "w" and 0 <= (comma := tags.find(",", 0, i)):
        start = comma + 1  # "After the plan failed this week, the White House ...": the figure's clause
    for j in range(i + 1, end + 1):
        if tags[j] in "FvCLSVb":  # another figure's date, or another verb's
            break
        if tags[j] == "D" and _places(words, j, measure_word):
            return _enclosing(words, j)
    for j in range(i - 1, start - 1, -1):
        if tags[j] == "D" and _places(words, j, measure_word) and not _in_aside(tags, j, i):
            return _enclosing(words, j)
    if _DURATION.search(words.text, words.spans[start][0], words.spans[end][1]):
        return False
    return None


def _in_aside(tags: str, j: int, i: int) -> bool:
    """Whether the date at j stands in a stretch between commas with a verb of its own, before
    the figure at i ("Jobs, born on February 24, 1955, has built ...")."""
    end = tags.find(",", j, i)
    start = tags.rfind(",", 0, j) + 1
    if end < 0 or start == 0:
        return False
    return any(tag in "vCLSV" for tag in tags[start:end])


def _places(words: Words, j: int, measure_word: int | None) -> bool:
    """Whether the date at word j places the figure's event: not a report's, a baseline's or another noun's."""
    tags = words.tags
    before = words.word(j - 1).lower() if j > 0 else ""
    if before in BASELINE_WORDS or j > 1 and words.word(j - 2).lower() == "compared":
        return False
    if j + 1 < len(tags) and tags[j + 1] == "s":  # "Monday's close"
        return False
    if before == "since" and j > 1 and tags[j - 2] == "N":  # "its lowest level since April 1997"
        return False
    if j > 0 and tags[j - 1] == "V" or j > 1 and tags[j - 1] in "PA" and tags[j - 2] == "V":
        return False  # "said Friday", "announced on Wednesday"
    if j + 1 < len(tags) and tags[j + 1] == "V":
        return False
    if j > 1 and tags[j - 1] == "O" and tags[j - 2] == "N" and measure_word != j - 2:
        return False  # "the second-biggest loss of 2007"
    return True


def _enclosing(words: Words, j: int) -> DateMention:
    """The date at word j, or for "between April and June" the quarter, half or year that holds both."""
    mention = words.mentions[j]
    tags = words.tags
    if j > 0 and words.word(j - 1).lower() == "between" and tags[j + 1:j + 3] == "&D":
        other = words.mentions[j + 2]
        if mention.start_date and other.end_date and mention.start_date < other.end_date:
            return _holding(mention, other) or mention
    return mention


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


def passage_date(text: str, dates: list[DateMention], sentence_start: int,
                 headline_end: int | None) -> DateMention | None:
    """The period of the passage before `sentence_start` (the first of the body's for a headline,
    whose end is `headline_end`), from the document's dates in text order."""
    if headline_end is not None:
        for mention in dates:
            if mention.start > headline_end + _PASSAGE_CHARS:
                break
            if mention.start > headline_end and _scene(text, mention):
                return mention
        return None
    best = None
    for mention in dates:
        if mention.start >= sentence_start:
            break
        if mention.start >= sentence_start - _PASSAGE_CHARS and _scene(text, mention):
            best = mention
    return best


def _scene(text: str, mention: DateMention) -> bool:
    """Whether a date can set a passage's period: no bound ("by 2030", "since 1997"), no baseline
    ("a year ago", "compared to last year"), no other noun's ("the biggest loss of 2007")."""
    return mention.mod not in _BOUND_MODS and not _BASELINE_TEXT.search(mention.text) \
        and not _BEFORE_OTHER.search(text, max(0, mention.start - 30), mention.start)


def interval(mention: DateMention) -> tuple[date | None, date | None]:
    return mention.start_date, mention.end_date
