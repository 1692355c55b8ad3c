"""The date rules, in the order they are tried where several may start at one place."""
from __future__ import annotations

from typing import Final

from extractors.dates import calendar_dates, relative_dates, year_parts
from extractors.rules import Rule

# Calendar dates before parts of years ("2024-03-01" before the year 2024), parts of years
# before relative dates ("the last quarter" before "last <unit>").
date_rules: Final[tuple[Rule, ...]] = (*calendar_dates.RULES, *year_parts.RULES, *relative_dates.RULES)
