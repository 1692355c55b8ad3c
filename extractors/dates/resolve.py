"""Resolution policy: which year, week or day a mention means, given the reference date and the
words of its sentence (the policy itself is in extractors/dates/__init__.py)."""
from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Final

import regex

from extractors.calendar_words import FUTURE_CUES, FUTURE_VERBS, NOT_PAST_ED, PAST_VERBS
from extractors.dates.context import Context, clause_start, may_end_with, sentence_start
from extractors.dates.patterns import alt
from extractors.numbers import SCALE_WORDS


def year_for_month_day(ref: date, mo: int, d: int | None, direction: str | None) -> int:
    """Year of a month (d None) or month-day without a year, per the module policy."""
    y = ref.year
    if d is None:
        ahead = mo - ref.month  # months ahead of the reference month
        behind = -ahead
        ahead_days = ahead * 30.5
    else:
        d = min(d, calendar.monthrange(y, mo)[1])
        ahead = (date(y, mo, d) - ref).days
        ahead_days = float(ahead)
        behind = -ahead
    if direction == "past":
        return y - 1 if ahead > 0 else y
    if direction == "future":
        return y + 1 if behind > 0 else y
    return y - 1 if ahead_days > 183 else y


def weekday_date(ref: date, weekday: int, direction: str | None, strict: bool) -> date:
    """Last `weekday` on or before ref (strictly before in the past: "last Tuesday" said on a
    Tuesday is the week before); first on or after ref (strictly after if `strict`) in the future."""
    if direction == "future":
        delta = (weekday - ref.isoweekday()) % 7
        if strict and delta == 0:
            delta = 7
        return ref + timedelta(days=delta)
    back = (ref.isoweekday() - weekday) % 7
    if direction == "past" and back == 0:
        back = 7
    return ref - timedelta(days=back)


def _month_shift(ref: date, months: int) -> tuple[int, int]:
    """(year, month) `months` after ref's month."""
    n = ref.year * 12 + ref.month - 1 + months
    return n // 12, n % 12 + 1


def day_of_month(ref: date, d: int, direction: str | None) -> date | None:
    """Day `d` of ref's month ("on the 14th"); of the next month in the future once it is past,
    of the month before in the past when it is still ahead; None when that month lacks it."""
    shift = 0
    if direction == "future" and d < ref.day:
        shift = 1
    elif direction == "past" and d > ref.day:
        shift = -1
    y, mo = _month_shift(ref, shift)
    return date(y, mo, d) if d <= calendar.monthrange(y, mo)[1] else None


# Months tried for "Thursday the 15th", nearest first: the reference month, then back and on.
_NEAR_MONTHS: Final = (0, -1, 1, -2, 2, -3, 3, -4, 4, -5, 5, -6, 6)


def weekday_day_of_month(ref: date, weekday: int, d: int, direction: str | None) -> date | None:
    """The day `d` of the nearest month (six on either side; only on or after ref in the future,
    on or before it in the past) that falls on `weekday`: "Thursday the 15th"."""
    for shift in _NEAR_MONTHS:
        y, mo = _month_shift(ref, shift)
        if d > calendar.monthrange(y, mo)[1]:
            continue
        day = date(y, mo, d)
        if day.isoweekday() != weekday or (direction == "future" and day < ref) or (direction == "past" and day > ref):
            continue
        return day
    return None


def latest_part(ref: date, part: int, months_per_part: int, direction: str | None) -> int:
    """Year of the latest quarter/half `part` begun by ref (next not-yet-ended one if future)."""
    first_month = (part - 1) * months_per_part + 1
    if direction == "future":
        return ref.year if first_month + months_per_part - 1 >= ref.month else ref.year + 1
    return ref.year if first_month <= ref.month else ref.year - 1


def two_digit_year(yy: int, ref: date | None) -> int:
    pivot = (ref.year + 10) % 100 if ref else 50
    return 2000 + yy if yy <= pivot else 1900 + yy


class _CaselessWords:
    """A case-insensitive search for words in a short window, quick on ASCII text.

    `regex` with (?i) tries every alternative in either case at every word. On ASCII text the
    same lower-case pattern without (?i), run by stdlib `re` with ASCII classes on the
    lower-cased window, finds the same matches: lower() keeps every position and every word
    character, and re.ASCII's \\s, \\w, \\b are `regex`'s on ASCII. Other text goes to
    `regex`, which knows Unicode case and spaces.
    """

    __slots__ = ("_ascii", "_unicode", "_keys")

    def __init__(self, source: str, keys: Iterable[str] = ()) -> None:
        self._ascii = re.compile(source, re.ASCII | re.VERBOSE)
        self._unicode = regex.compile(source, regex.IGNORECASE | regex.VERBOSE)
        # Lower-case strings one of which every match holds: where none is in the text, no search
        # (a substring test is some twenty times quicker than the search of a long alternation).
        self._keys = tuple(keys)

    def found_in(self, text: str) -> bool:
        lower = text.lower()
        if self._keys and not any(key in lower for key in self._keys):
            return False
        if text.isascii():
            return self._ascii.search(lower) is not None
        return self._unicode.search(text) is not None


def _verbs(words: Iterable[str]) -> str:
    """The words as whole words, or the contraction "'ll" ("they'll")."""
    return rf"\b(?:{alt(words)})\b|'ll\b"


_FUTURE: Final = _CaselessWords(_verbs(FUTURE_CUES), {cue.split()[0] for cue in FUTURE_CUES} | {"'ll"})
# An expectation of what something will do: "expects inflation to average 3.4% in the fourth quarter".
_EXPECTING: Final = _CaselessWords(r"\b(?<!had\s)(?:expects?|expected|forecasts|projects)"
                                   r"\s+(?:[a-z'’-]+\s+){1,5}?to\s+[a-z]", ("expect", "forecasts", "projects"))
_FUTURE_VERB: Final = _CaselessWords(_verbs(FUTURE_VERBS), {verb.split()[0] for verb in FUTURE_VERBS} | {"'ll"})
_PAST_VERB: Final = _CaselessWords(rf"\b(?:(?!(?:{alt(NOT_PAST_ED)})\b)[a-z]{{2,}}ed|{alt(PAST_VERBS)})\b")
_CLAUSE_BREAK: Final = re.compile(r"""[;!?"“”\n]|[.:](?![0-9])""")
_PAST_SIGNAL: Final = regex.compile(r"(?ri)(?:^|\W)(?:since|last|past)\s+\Z")
_PAST_SIGNAL_WORDS: Final = ("since", "last", "past")
# A baseline's date: "against $3.5bn in", "from £598 million at", "compared with 2.9% in the"
_SCALES: Final = frozenset({*SCALE_WORDS, "percent", "cent", "cents", "pence"})  # "per cent" ends in "cent"
_BASELINE: Final = regex.compile(
    rf"(?i)\b(?:against|from|compared\s+(?:with|to)|versus|vs\.?)\s+\S*\d\S*(?:\s+(?:per\s+)?(?:{alt(_SCALES)}))?"
    r"\s+(?:in|at|on)\s+(?:the\s+)?\Z")
_BASELINE_ENDS: Final = (" in ", " at ", " on ", " the ", " IN ", " AT ", " ON ", " THE ")  # cheap test first
# "the year, which ended on June 30"; "fiscal 2025, which ends in March"
_ENDS: Final = re.compile(r"\b(?:(?P<past>ended)|ends|begins|starts)\s+(?:on\s+|in\s+)?\Z", re.IGNORECASE)


def _after_figure(before: str) -> bool:
    """Whether a figure's last word stands before the "in", "at" or "on" (and "the") that `before`
    ends with: a word with a digit or a scale ("$3.5bn in the", "14% at", "million in"); a cheap test
    before _BASELINE."""
    words = before[-40:].split()
    if len(words) < 2:
        return False
    last = words[-3] if words[-1] in ("the", "THE") and len(words) > 2 else words[-2]
    return any(c.isdigit() for c in last) or last.lower() in _SCALES


def direction(ctx: Context, start: int, stretch: bool = True) -> str | None:
    """"past" after "since"/"last"/"ended", "future" when the sentence so far speaks of the future
    (with `stretch`, unless its last stretch, after a comma, holds a past verb and no future)."""
    text = ctx.text
    if ctx.ref is None:
        return None
    before = text[max(0, start - 120):start]
    tail = before[-12:]
    if may_end_with(tail, _PAST_SIGNAL_WORDS, caseless=True) and _PAST_SIGNAL.search(tail):
        return "past"
    if ("nded" in tail or "nds" in tail or "gins" in tail or "arts" in tail or "NDED" in tail or "NDS" in tail
            or "GINS" in tail or "ARTS" in tail) and (ends := _ENDS.search(tail)) is not None:
        return "past" if ends["past"] else "future"
    if before.endswith(_BASELINE_ENDS) and _after_figure(before) \
            and _BASELINE.search(before, max(0, len(before) - 50)) is not None:
        return "past"  # "will earn $21bn in the second quarter, against $3.5bn in the first quarter"
    clause = before[sentence_start(before):]
    if not (_FUTURE.found_in(clause) or _EXPECTING.found_in(clause)):
        return None
    comma = before.rfind(",", len(before) - len(clause)) if stretch else -1
    if comma >= 0 and _PAST_VERB.found_in(last := before[comma + 1:]) \
            and not (_FUTURE.found_in(last) or _EXPECTING.found_in(last)):
        return None  # "would invest more next year, and that loan rates, which averaged 7.4% in August"
    return "future"


def past_before(ctx: Context, start: int) -> bool:
    """Whether the clause before `start` holds a past-tense verb ("stood at $5 at the end of the month")."""
    before = ctx.text[max(0, start - 100):start]
    return _PAST_VERB.found_in(before[clause_start(before):])


def past_after(ctx: Context, end: int) -> bool:
    """Whether the clause after `end` holds a past-tense verb ("Over the fourth quarter as a whole,
    group sales grew 3.1%")."""
    return _PAST_VERB.found_in(_clause_after(ctx.text, end, 60))


def _clause_after(text: str, end: int, width: int) -> str:
    """The up to `width` characters after `end`, to the first clause break."""
    after = text[end:end + width]
    brk = _CLAUSE_BREAK.search(after)
    return after[:brk.start()] if brk else after


def today_is_date(ctx: Context, start: int, end: int) -> bool:
    """True when "today" is the day of the news, not "nowadays".

    The clause before it must hold a past-tense verb ("announced today", "fell sharply
    today"), or the two words after it a past or future verb ("today named", "Today was").
    """
    after = " ".join(_clause_after(ctx.text, end, 40).replace(",", " ").split()[:2])
    return (_PAST_VERB.found_in(after)  # the two words after first: the shorter search
            or _FUTURE_VERB.found_in(after)
            or past_before(ctx, start))
