"""The date rules, in the order they are tried where several may start at one place."""
from __future__ import annotations

from typing import Final

from extractors.dates import calendar_dates, holidays, relative_dates, reporting, year_parts
from extractors.rules import Rule

# Calendar dates before parts of years ("2024-03-01" before the year 2024), parts of years
# before relative dates ("the last quarter" before "last <unit>"), and the periods a report refers
# back to before them too ("the year-ago quarter" before "<part> of the <unit>"); holidays after
# calendar dates ("July 4th" is a month-day; "July Fourth" a holiday) and before relative dates.
date_rules: Final[tuple[Rule, ...]] = (
    *calendar_dates.RULES, *year_parts.RULES, *holidays.RULES, *reporting.RULES, *relative_dates.RULES)
