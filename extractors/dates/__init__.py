"""Dates: calendar points and periods in news text, as TIMEX3 values (ANNOTATION.md).

Every rule is a named record (name, pattern, build, where it may start), written beside its
build in calendar_dates.py, year_parts.py, holidays.py (holidays as their day: "Thanksgiving",
"Christmas Day 2024"; when a holiday's name is a date is decided there), reporting.py ("the
quarter", "the year-ago period") and relative_dates.py, and listed in rules.date_rules.
The scan (scan.py) reads the text truecased (truecase.py: text in capitals or in lower case
reads as mixed case), finds the anchors a date may start at, and tries at each the rules that
may start there (dispatch.py, derived from the rules' starts) as one alternation; the rule that
matched is its outer group. Earlier rules win at the same start, so longer forms come first.
A document-level pass (focus.py) then resolves what refers back: the reporting period, the
scene of a narrative, "that day".

Resolution (documented policy, see resolve.py: `year_for_month_day`, `weekday_date`, `today_is_date`):
- A relative expression is resolved against `reference_date`; without one, the unknown part
  is written as X ("July 3" -> "XXXX-07-03", "last year" -> "XXXX").
- A month or month-day without a year takes the reference year, moved one year back when
  that would be more than six months ahead (news looks back), one year on when the sentence
  speaks of the future and it would be past, one year back after "since"/"last".
- A weekday ("Tuesday", "on Monday") is the last such day on or before the reference date,
  "last Tuesday" the last one strictly before; in a future sentence ("will", "is set to", "set
  for") or after "next", the first one on or after it (strictly after for "next").
- A numeric date whose two numbers could both be the month follows the order the document's
  other numeric dates show, else month first with "/" and "-", day first with ".".
- "the 14th" (after "the" and a cue: "on the 14th") is a day of the reference month.
- "today" is a date only when its clause reports news (a past-tense or future verb, "earlier
  today"); "today" meaning nowadays ("as they are today") is not.
- A bare 4-digit year needs a cue: a preposition ("in", "by", "since", "around", ...), "the
  <year> <noun>" and "its/the draft/a record <year> <noun>", "<year>'s", a list of years, a
  sentence start ("2022,", "2009 was"), brackets "(2010)", "for <year> is/by/to", "over <year>
  as a whole", or a month/quarter/part word around it.
- A span never includes the preposition; "by"/"since"/"before"/"after"/"around" before it
  give `mod`; a part-of-period word inside it ("early", "mid-", "the end of") gives `mod`
  and wins over the preposition.
"""
from __future__ import annotations

from extractors.dates.dateline import find_dateline
from extractors.dates.rules import date_rules
from extractors.dates.scan import WORD_SETS, extract_dates

__all__ = ["WORD_SETS", "date_rules", "extract_dates", "find_dateline"]
