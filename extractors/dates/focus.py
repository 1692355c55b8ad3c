"""Temporal focus: a pass over a document's date mentions, in text order, after the scan.

The scan resolves each mention alone, against the reference date. Some mentions refer to a
period the text has named before them; this pass keeps that period and resolves them against it
(the way HeidelTime and SUTime resolve narratives and anaphora):

- Reporting period. The last quarter, half or fiscal year the text names ("the third quarter", "Q3
  2024", "fiscal 1989") is the period a business story reports on: "in the quarter", "the latest
  quarter" are that period; "the period" is it or the last month named, whichever came later; "the
  month" is the last month named (and so is "the end of the month" in a clause in the past tense),
  "the full year" the year (or fiscal year) that holds the later of the two. "the year-ago quarter",
  "the year-earlier period", "the comparable period last year" are it a year back, and so is "the
  same quarter last year" where the mention before it is no quarter ("said on Monday"); "a year ago"
  too, in the same sentence as it (or as a month). "a year earlier" is a year before the last of:
  that period, the last month, the last period written with its year ("sales fell in 2008; a year
  earlier ..."). A bound ("since 2012", "by March") names no period, nor does a baseline ("a year
  ago", "the year-ago quarter", "compared with 2023", "in April from March", a year in a since
  clause). With nothing named, "the quarter" keeps its unknown quarter ("2025-QX"), the year-ago
  forms the year before the reference year, "a year earlier" is "a year ago", "the latest quarter"
  the last one ended, and "the period" and "the half" are no mention.
- Narrative time. A month, month-day, quarter or half written without a year takes the year of
  the scene the text set: the year written in an earlier mention ("in 2012", "March 3, 2012";
  not "since 2012", "by 2030", "the 2012 season"), when it is before the reference year, until a
  mention resolved from the reference date ("last week", "Monday") brings the text back to the
  present (a mention about the future does too). Not in a sentence about the future: there a
  month is the next such month (resolve.py), and a year ahead is a target, not a scene. A quarter
  or half the text named before with its year is that one ("a loss in the first half of 2023 ...
  in 2022 ... in the first half": 2023-H1).
- Narrative days. "that day", "the same day" are the day last mentioned (no mention without
  one); "over the weekend" is the weekend last mentioned (a weekend, a Saturday or a Sunday).

A mention whose value this pass sets has " (focus)" after its rule's name ("<month> (focus)").
The pass reads the mentions only, and the text between two of them where a sentence matters.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Final

from extractors.calendar_words import COUNT_WORDS
from extractors.dates import periods
from extractors.dates.context import Context, sentence_start, word_before
from extractors.dates.periods import Period
from extractors.dates.resolve import direction, past_before
from extractors.mentions import DateMention

FOCUS: Final = " (focus)"  # appended to the rule of a mention this pass resolved

# Rules whose mentions may be written without their year: the scene's year fills it in.
_NARRATIVE: Final = frozenset({
    "<month>", "<month> <day>", "<day> <month>", "the <ordinal> quarter [of <year>]", "the <ordinal> half [of <year>]",
})
# Rules that refer back (reporting.py), and those of other modules this pass re-reads.
_THE_PERIOD, _YEAR_AGO, _LATEST = "the quarter", "the year-ago quarter", "the latest quarter"
_EARLIER = "a year earlier"
_PART = "<part> of the <unit>"  # "the end of the month"
_THAT_DAY, _WEEKEND, _AGO, _SAME = "that day", "the weekend", "<count> <unit>s ago", "the same period last year"
_REFERRING: Final = frozenset({_THE_PERIOD, _YEAR_AGO, _LATEST, _EARLIER, _THAT_DAY, _WEEKEND, _SAME})
_RESOLVED: Final = _NARRATIVE | _REFERRING | {_AGO, _PART}  # the rules whose mentions this pass may change
_REPORT_GRAINS: Final = frozenset({"quarter", "half", "fiscal_year"})
_SHIFTABLE: Final = frozenset({"day", "month", "quarter", "half", "season", "year", "fiscal_year"})
# Mods that tell a year is a bound, not the scene ("since 2012", "by 2030").
_BOUNDS: Final = frozenset({"since", "before", "after", "on_or_before"})
# Words before a bare year that set a scene ("in 2012"); "the 2012 season" does not.
_SCENE_WORDS: Final = frozenset({"in", "during", "throughout"})
# Before a period in its clause: a comparison's baseline ("compared with 24% in December 2022", "against €41 in
# 2021"), or
# a since clause ("the first increase since the service launched in 2021"), which names no period
# that "the month" or "the quarter" can refer back to, nor the scene's year.
_BASELINE_BEFORE: Final = re.compile(r"\b(?:compared\s+(?:with|to)|versus|than|against)\b[^.;,]*$")
# "fell 14% from July 2023", "to 48% in 2025 from 41% in 2024": the period a change starts from;
# but "from 2019 to 2023" is a span.
_FROM_BEFORE: Final = re.compile(r"\bfrom\s+(?:\S*\d\S*\s+(?:[a-z]+\s+)?(?:in|at|for)\s+)?\Z", re.IGNORECASE)
_SPAN_AFTER: Final = re.compile(r"\s*(?:to|through|until|-|–)\s+(?:\d{4}\b|the\s|early|mid|late|end"
                                r"|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|q[1-4])", re.IGNORECASE)
# A year in a reduced relative clause after a noun ("much of the 19% gain recorded in 2021") sets no
# scene: it dates that noun, not the story. The participles, and the words before them that make
# them a clause's verb.
_PARTICIPLES: Final = frozenset({"recorded", "posted", "reported", "registered", "seen", "set", "made", "achieved",
                                 "logged", "booked", "signed", "agreed", "announced", "imposed", "paid", "issued",
                                 "reached", "hit", "adopted", "introduced", "approved", "enacted", "founded",
                                 "established"})
_SUBJECTS_AND_AUXILIARIES: Final = frozenset({"is", "are", "was", "were", "be", "been", "being", "has", "have", "had",
                                              "it", "they", "he", "she", "we", "which", "that", "who"})
_SAME_SENTENCE_CHARS: Final = 400  # farther apart, two mentions are not read as one sentence
_SENTENCE_END: Final = re.compile(r"[.!?](?=\s|\Z)|\n")
_ANY_DAY: Final = date(2000, 1, 1)


def _written_year(m: DateMention) -> int | None:
    """The year a mention writes in its text ("March 2012", "fiscal 1989"), else None."""
    head = m.value[2:6] if m.value.startswith("FY") else m.value[:4]
    return int(head) if len(head) == 4 and head.isdigit() and head in m.text else None


def _with(m: DateMention, p: Period | None) -> DateMention | None:
    """`m` with the value of `p`, its rule marked as resolved here."""
    if p is None:
        return None
    return DateMention(m.start, m.end, m.text, p.value, p.grain, m.rule + FOCUS, p.start, p.end, m.mod)


def _period(m: DateMention) -> Period:
    return Period(m.value, m.grain, m.start_date, m.end_date)


def _shifted(m: DateMention, years: int) -> Period | None:
    """The period of `m` `years` later; None if it cannot shift."""
    if m.grain not in _SHIFTABLE:
        return None
    if m.value.startswith("FY"):  # "FY1989", "FY2024-Q3": no calendar interval
        head = m.value[2:6]
        return Period(f"FY{int(head) + years:04d}{m.value[6:]}", m.grain) if head.isdigit() else None
    if "X" in m.value:
        return None
    return periods.shift_year(_period(m), years)


def _in_year(m: DateMention, y: int) -> Period | None:
    """`m` (a month, day, quarter or half of a known or unknown year) in the year `y`."""
    value = m.value
    if m.grain == "month":
        return periods.month(y, int(value[5:7]))
    if m.grain == "day":
        return periods.day(y, int(value[5:7]), int(value[8:10]))
    if m.grain == "quarter" and value[-1].isdigit():
        return periods.quarter(y, int(value[-1]))
    if m.grain == "half" and value[-1].isdigit():
        return periods.half(y, int(value[-1]))
    return None


def _year_of(m: DateMention) -> Period:
    """The year that holds `m`; a fiscal year for a part of one ("FY2024-Q3" -> "FY2024")."""
    if m.value.startswith("FY"):
        return periods.fiscal_year(int(m.value[2:6]))
    return periods.year(int(m.value[:4]))


def _same_sentence(text: str, first: DateMention, later: DateMention) -> bool:
    between = text[first.end:later.start]
    return len(between) < _SAME_SENTENCE_CHARS and sentence_start(between) == 0


def _unit(m: DateMention) -> str:
    """The unit word a referring mention ends with or holds ("the year-ago period" -> "period")."""
    words = m.text.lower().replace("-", " ").split()
    for unit in ("quarter", "half", "period", "month"):
        if unit in words or unit + "s" in words:  # "two quarters earlier"
            return unit
    return words[-1] if words else ""


def _later(a: DateMention | None, b: DateMention | None) -> DateMention | None:
    """The later in the text of two mentions, either of which may be None."""
    if a is None or b is None:
        return a or b
    return a if a.start > b.start else b


class _Focus:
    """What the text has named so far."""

    __slots__ = ("scene", "report", "month", "named", "day", "weekend", "fiscal", "parts")

    def __init__(self) -> None:
        self.scene: int | None = None  # the year of the scene, when the text set one
        self.report: DateMention | None = None  # the last quarter, half or fiscal year named
        self.month: DateMention | None = None  # the last month named
        self.named: DateMention | None = None  # the last period written with its year
        self.day: DateMention | None = None  # the last day
        self.weekend: DateMention | None = None  # the last weekend, Saturday or Sunday
        self.fiscal: int | None = None  # the year of the last fiscal year, or part of one, reported on
        self.parts: dict[str, DateMention] = {}  # each quarter and half written with its year, by "Q3", "H1"

    def reporting(self, unit: str) -> DateMention | None:
        """The reporting period a `unit` ("quarter", "half", "period", "month") refers back to."""
        if unit == "period":
            return _later(self.report, self.month)
        if unit == "month":
            return self.month
        if unit == "year":  # "the full year": the year of the last period named
            return _later(self.report, self.month)
        report = self.report
        return report if report is not None and report.grain == unit else None

    def earlier(self) -> DateMention | None:
        """What "a year earlier" counts back from: the last of the reporting period, the last month
        and the last period written with its year."""
        return _later(_later(self.report, self.month), self.named)

    def saw(self, ctx: Context, m: DateMention, rule: str) -> None:
        """Take in a mention found by `rule`, as the pass has resolved it or the scan found it."""
        known = "X" not in m.value
        if rule in _REFERRING or rule == _AGO:  # a period referred back to, or a baseline: none named
            if m.grain == "day" and known:
                self.day = m
            elif rule == _LATEST and known and not m.rule.endswith(FOCUS):  # from the reference date
                self.report = m
            if rule == _AGO:  # "a year ago" is counted from the present
                self.scene = None
            return
        if m.grain == "day" and known:
            self.day = m
            if m.start_date is not None and m.start_date.isoweekday() >= 6:
                self.weekend = m
        elif m.grain == "weekend" and known:
            self.weekend = m
        if m.mod in _BOUNDS:  # "since 2012", "by March": a bound, not the period spoken of
            return
        head = m.value[:4] if m.value[0] != "F" else m.value[2:6]  # _written_year, inline: every mention
        written = head in m.text and len(head) == 4 and head.isdigit()
        # "compared with 51% in 2023", "fell 0.4% in April from March": names no scene (asked only
        # where it matters: most mentions are days without their year)
        baseline = (written or known and (m.grain in _REPORT_GRAINS or m.grain == "month")) and (
            _baseline(ctx.text, m.start, m.end) or self.month is not None and m.start - self.month.end == 6
            and ctx.text[self.month.end:m.start] == " from ")
        if m.grain in _REPORT_GRAINS and known and not baseline:
            self.report = m
            if m.value.startswith("FY"):
                self.fiscal = int(m.value[2:6])
        elif m.grain == "month" and known and not baseline:
            self.month = m
        if written:
            if m.grain in _SHIFTABLE:
                self.named = m
            if (m.grain == "quarter" or m.grain == "half") and m.value[-1].isdigit() and not baseline:
                self.parts[m.value[-2:]] = m
            before = word_before(ctx.text, m.start)
            if (m.grain != "year" or before in _SCENE_WORDS) and not baseline and not (
                    before in _SCENE_WORDS and _in_reduced_relative(ctx.text, m.start)):
                self.scene = int(head)
        elif rule not in _NARRATIVE or self.scene is not None and not m.rule.endswith(FOCUS) \
                and m.value[:4] != f"{self.scene:04d}":  # resolved from the reference date (a narrative one
            self.scene = None  # about the future too, "will book charges in the fourth quarter"): back to the present


def _in_reduced_relative(text: str, start: int) -> bool:
    """Whether the period at `start` follows a noun, a participle and "in" ("the gain recorded in")."""
    words = text[max(0, start - 40):start].lower().split()
    return len(words) >= 3 and words[-2] in _PARTICIPLES and words[-3] not in _SUBJECTS_AND_AUXILIARIES \
        and words[-3][-1:].isalpha()


def _baseline(text: str, start: int, end: int) -> bool:
    """Whether the period at text[start:end] stands in a since clause or is a comparison's baseline
    in its clause (_BASELINE_BEFORE, _FROM_BEFORE)."""
    lo = max(0, start - 40)
    if (text.find("rom ", lo, start) >= 0 or text.find("ROM ", lo, start) >= 0) \
            and _FROM_BEFORE.search(text, lo, start) is not None and _SPAN_AFTER.match(text, end) is None:
        return True
    since = max(text.find("ince ", lo, start), text.find("INCE ", lo, start))  # "since", "Since", "SINCE"
    if since > lo and text[since - 1] in "sS" and text.find(",", since, start) < 0 \
            and text.find(".", since, start) < 0 and text.find(";", since, start) < 0:
        return True
    if text.find("than", lo, start) < 0 and text.find("ompared", lo, start) < 0 and text.find("versus", lo, start) < 0 \
            and text.find("gainst", lo, start) < 0:
        return False  # the pattern can't match: quicker than lower() on every period
    return _BASELINE_BEFORE.search(text[lo:start].lower()) is not None


def resolve_focus(ctx: Context, mentions: list[DateMention]) -> list[DateMention]:
    """The mentions with those that refer back to a named period resolved against it (module doc)."""
    last = len(mentions) - 1
    while last >= 0 and mentions[last].rule not in _RESOLVED:  # what follows it needs no focus
        last -= 1
    if last < 0:
        return mentions
    focus = _Focus()
    dropped: set[int] = set()
    for i in range(last + 1):  # in place: the scan's list, most of it unchanged
        m = mentions[i]
        rule = m.rule
        if rule in _RESOLVED:
            try:
                resolved = _resolve(ctx, focus, m)
            except (ValueError, OverflowError):  # calendar arithmetic out of range: as the scan found it
                resolved = m
            if resolved is None:
                dropped.add(i)
                continue
            mentions[i] = m = resolved
        focus.saw(ctx, m, rule)
    if dropped:
        return [m for i, m in enumerate(mentions) if i not in dropped]
    return mentions


def _resolve(ctx: Context, focus: _Focus, m: DateMention) -> DateMention | None:
    """`m` resolved against what the text named before it, as it was, or None to drop it."""
    rule = m.rule
    if rule in _NARRATIVE:
        return _narrative(ctx, focus, m) or m
    if rule == _PART:  # "fell in April ... stood at $5 at the end of the month": April's end
        month = focus.month
        if m.grain != "month" or month is None or not past_before(ctx, m.start):
            return m
        return _with(m, _period(month))
    if rule == _THAT_DAY:
        day = focus.day
        return _with(m, _period(day)) if day is not None else None
    if rule == _WEEKEND:
        weekend = focus.weekend
        if weekend is None or weekend.start_date is None:
            return m
        return _with(m, periods.week(weekend.start_date, True))
    if rule == _EARLIER:
        named, n = focus.earlier(), _count(m)
        unit = _unit(m)  # "quarter", "month", else "earlier": a year
        if unit == "month":  # "145.2 pence in June, against 148.6 pence a month earlier": May
            month = focus.month
            if month is None or month.start_date is None:
                return m
            return _with(m, periods.relative_unit(month.start_date, "month", -n))
        if named is None:
            return m
        if unit == "quarter":
            if named.grain != "quarter" or named.start_date is None:
                return m
            return _with(m, periods.relative_unit(named.start_date, "quarter", -n))
        return _with(m, _shifted(named, -n)) or m
    if rule == _AGO:
        report = focus.reporting("period")
        if (report is None or m.grain != "year" or _count(m) != 1
                or not _same_sentence(ctx.text, report, m)):
            return m
        return _with(m, _shifted(report, -1)) or m
    unit = _unit(m)
    report = focus.reporting(unit)
    if rule == _THE_PERIOD or rule == _LATEST:
        if report is None:  # "the period", "the half", "the month", "the full year" do not stand alone
            return None if rule == _THE_PERIOD and unit in ("period", "half", "month", "year") else m
        if unit == "year":
            return _with(m, _year_of(report))
        return _with(m, _period(report))
    if rule == _SAME:  # it shifts the mention before it: a year, or a day of the news, is no report
        if report is None or m.grain == unit or unit not in ("quarter", "half", "period") or (
                unit == "period" and m.grain not in ("year", "day")):
            return m
        return _with(m, _shifted(report, -1)) or m
    if report is None:  # the year-ago quarter
        return m
    return _with(m, _shifted(report, -1)) or m


def _count(m: DateMention) -> int:
    """The count of "a year earlier", "two years ago": 1 for "a", "an", "one"."""
    word = m.text.split()[0].lower()
    return int(word) if word.isdigit() else COUNT_WORDS.get(word, 1)


def _narrative(ctx: Context, focus: _Focus, m: DateMention) -> DateMention | None:
    """A month, day, quarter or half without its year, in the year of the scene; a quarter or half
    after a fiscal year's period, of that fiscal year."""
    fiscal = _fiscal_part(focus, m)
    if fiscal is not None:
        return fiscal
    if (m.grain == "quarter" or m.grain == "half") and m.value[-1].isdigit() and not m.value.startswith("FY") \
            and (same := focus.parts.get(m.value[-2:])) is not None and _written_year(m) is None \
            and " of " not in m.text.lower():
        return _with(m, _period(same))  # "a loss in the first half of 2023 ... paid €118 in the first half": that one
    scene = focus.scene
    if scene is None or " of " in m.text.lower() or _written_year(m) is not None or m.value.startswith("FY"):
        return None  # a fiscal quarter keeps its fiscal year
    ref = ctx.ref
    if ref is not None:
        if scene == ref.year or m.value[:4] == f"{scene:04d}":
            return None
        if scene > ref.year:  # a year ahead is a target, not a scene
            return None
    if _about_future(ctx, m):  # there a month is the next such month
        return None
    return _with(m, _in_year(m, scene))


def _fiscal_part(focus: _Focus, m: DateMention) -> DateMention | None:
    """A quarter or half without a year after the text named a fiscal year or a part of one: that
    fiscal year's ("net profit for the third quarter of fiscal 2025 ... from 21.4% in the second
    quarter": FY2025-Q2)."""
    if focus.fiscal is None or m.grain not in ("quarter", "half") or not m.value[-1].isdigit() \
            or m.value.startswith("FY") or _written_year(m) is not None:
        return None
    return _with(m, periods.fiscal_part(focus.fiscal, m.grain, int(m.value[-1])))


def _about_future(ctx: Context, m: DateMention) -> bool:
    """Whether the sentence of `m`, to its end, speaks of the future ("in May it will list")."""
    text = ctx.text
    end = _SENTENCE_END.search(text, m.end, m.end + _SAME_SENTENCE_CHARS)
    # direction() reads the sentence before a position; it answers only given a reference date.
    words = ctx if ctx.ref is not None else Context(text, _ANY_DAY, ctx.fast)
    return direction(words, end.start() if end else min(len(text), m.end + _SAME_SENTENCE_CHARS), False) == "future" \
        or direction(words, m.start, False) == "future"  # "will book charges ... in the fourth quarter, including ..."

