"""The fact rows stored in DuckDB: one model per table, with the checks every row must pass.

A fact is validated with the document text in the validation context
(`Model.model_validate(row, context={"text": text})`) so that its span can be checked against
the text it claims to quote. The flow validates a whole batch's facts as columns with the same
field types and the same rules (`problems`, schemas/columns.py). A row that fails is not
dropped: the flow stores it in `rejects`.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Literal

import pycountry
from pydantic import BaseModel, ConfigDict, ValidationInfo, model_validator

from schemas.columns import Columns

Qualifier = Literal["exact", "about", "over", "under", "range"]
Unit = Literal["percent", "percentage_point"]
Grain = Literal["day", "week", "weekend", "month", "quarter", "half", "season", "year",
                "fiscal_year", "decade", "century"]
DateMod = Literal["before", "after", "on_or_before", "since", "start", "mid", "end", "approx"]

# DECIMAL(38,6) holds 32 integer digits and 6 decimals.
_MAX_DIGITS_BEFORE_POINT = 32
_MAX_DECIMALS = 6

# TIMEX3 values this project writes (ANNOTATION.md): dates, months, years, quarters, halves,
# weeks, weekends, seasons, decades, centuries, fiscal years and their parts, with X for unknown digits.
# Stdlib `re`: the pattern has no repeats to backtrack over, and a call costs a fifth of a
# `regex` one (it runs for every date fact).
_D = r"[0-9X]"
TIMEX3_VALUE = re.compile(
    rf"""^(?:
        FY{_D}{{4}}(?:-Q[1-4X]|-H[12X])?             # fiscal year, its quarters and halves
      | {_D}{{2}}                                    # century
      | {_D}{{3}}                                    # decade
      | {_D}{{4}}
        (?: -(?:0[1-9]|1[0-2]|XX)(?:-(?:0[1-9]|[12][0-9]|3[01]|XX))?   # month, day
          | -Q[1-4X] | -H[12X] | -(?:SP|SU|FA|WI)                    # quarter, half, season
          | -W(?:0[1-9]|[1-4][0-9]|5[0-3]|XX)(?:-WE)?                 # week, weekend
        )?
    )$""",
    re.VERBOSE,
)


def _currency_codes() -> frozenset[str]:
    return frozenset(c.alpha_3 for c in pycountry.currencies)


ISO_4217_CODES = _currency_codes()


Problems = dict[int, str]  # row index -> the first rule the row breaks


class Fact(BaseModel):
    """What every fact shares: its document, its exact span and the rule that found it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    doc_id: str
    start_char: int
    end_char: int
    text: str
    rule: str
    run_id: str

    # One Python validator, which runs the rules of the model (`problems`, extended by each
    # subclass) on the fact as a one-row column: pydantic makes one call per row for each Python
    # validator a model has, and the flow checks a batch's facts column by column.
    @model_validator(mode="after")
    def _valid(self, info: ValidationInfo) -> "Fact":
        row = {name: [getattr(self, name)] for name in type(self).model_fields}
        if problems := self.problems(row, [(info.context or {}).get("text")]):
            raise ValueError(problems[0])
        return self

    @classmethod
    def problems(cls, rows: Columns, documents: Sequence[str | None]) -> Problems:
        """The rows (a list of values for each field, validated: see schemas/columns.py) that break
        a rule of the model, each with the first it breaks. Here: an empty span, or one that does
        not quote its document (`documents[i]`, None: not checked)."""
        found: Problems = {}
        for i, (start, end, text, document) in enumerate(
                zip(rows["start_char"], rows["end_char"], rows["text"], documents)):
            if not 0 <= start < end:
                found[i] = f"span [{start}, {end}) is empty or negative"
            elif document is not None:
                if end > len(document):
                    found[i] = f"span end {end} lies past the document end {len(document)}"
                elif (quoted := document[start:end]) != text:
                    found[i] = f"text[{start}:{end}] is {quoted!r}, not {text!r}"
        return found


def _decimal_problem(name: str, value: Decimal | None) -> str | None:
    """Why `value` (None allowed) does not fit DECIMAL(38,6): not finite, or too many digits."""
    if value is None:
        return None
    if not value.is_finite():
        return f"{name} must be finite"
    if -value.as_tuple().exponent > _MAX_DECIMALS and value != value.quantize(Decimal(1).scaleb(-_MAX_DECIMALS)):
        return f"{name} {value} has more than {_MAX_DECIMALS} decimals"
    if value.adjusted() >= _MAX_DIGITS_BEFORE_POINT:
        return f"{name} {value} does not fit DECIMAL(38,6)"
    return None


class _Quantity(Fact):
    value: Decimal
    value_max: Decimal | None = None
    qualifier: Qualifier

    @classmethod
    def problems(cls, rows: Columns, documents: Sequence[str | None]) -> Problems:
        found = super().problems(rows, documents)
        for i, (value, value_max, qualifier) in enumerate(zip(rows["value"], rows["value_max"], rows["qualifier"])):
            if i in found:
                continue
            if problem := _decimal_problem("value", value) or _decimal_problem("value_max", value_max):
                found[i] = problem
            elif value_max is not None and not value_max > value:
                found[i] = f"value_max {value_max} must exceed value {value}"
            elif (qualifier == "range") != (value_max is not None):
                found[i] = "qualifier 'range' goes with value_max, and only with it"
        return found


# The fields that say what a figure measures, when, and how (ANNOTATION.md "Linked facts"); the
# flow takes them from a mention's `link` (extractors/mentions.py Link).
LINK_FIELDS = ("measure", "measure_start", "measure_end", "period", "period_start_date", "period_end_date",
               "role", "per", "sentence_start", "sentence_end")
Role = Literal["level", "change"]


class _LinkedQuantity(_Quantity):
    """An amount or a percentage, with the links the linker found (all None: not linked)."""

    measure: str | None = None  # the noun phrase the figure quantifies: text[measure_start:measure_end]
    measure_start: int | None = None
    measure_end: int | None = None
    period: str | None = None  # TIMEX3 value of the date that scopes the figure
    period_start_date: date | None = None  # its half-open calendar interval, as the dates table gives it
    period_end_date: date | None = None
    role: Role | None = None
    per: str | None = None  # a rate's denominator: "share" in "$1.87 per share"
    sentence_start: int | None = None  # the sentence the figure stands in
    sentence_end: int | None = None

    @classmethod
    def problems(cls, rows: Columns, documents: Sequence[str | None]) -> Problems:
        found = super().problems(rows, documents)
        links = zip(rows["measure"], rows["measure_start"], rows["measure_end"], rows["period"],
                    rows["period_start_date"], rows["period_end_date"], rows["sentence_start"],
                    rows["sentence_end"], rows["start_char"], rows["end_char"], documents)
        for i, (measure, m_start, m_end, period, p_start, p_end, s_start, s_end, start, end, document) in \
                enumerate(links):
            if i in found:
                continue
            if problem := (_measure_problem(measure, m_start, m_end, document)
                           or _period_problem(period, p_start, p_end)
                           or _sentence_problem(s_start, s_end, start, end, document)):
                found[i] = problem
        return found


def _measure_problem(measure: str | None, start: int | None, end: int | None, document: str | None) -> str | None:
    """Why a measure and its span break a rule: not all three known or unknown, or a span that does not quote it."""
    if measure is None and start is None and end is None:
        return None
    if measure is None or start is None or end is None:
        return "measure, measure_start and measure_end are all known or all unknown"
    if not 0 <= start < end:
        return f"measure span [{start}, {end}) is empty or negative"
    if document is not None:
        if end > len(document):
            return f"measure span end {end} lies past the document end {len(document)}"
        if (quoted := document[start:end]) != measure:
            return f"text[{start}:{end}] is {quoted!r}, not the measure {measure!r}"
    return None


def _period_problem(period: str | None, start: date | None, end: date | None) -> str | None:
    """Why a period and its calendar interval break a rule (the dates table's own rules)."""
    if period is not None and not TIMEX3_VALUE.match(period):
        return f"period {period!r} is not a TIMEX3 value"
    if (start is None) != (end is None):
        return "period_start_date and period_end_date are both known or both unknown"
    if start is not None and period is None:
        return "period_start_date and period_end_date are known only with a period"
    if start is not None and end is not None and not start < end:
        return f"period_start_date {start} must come before period_end_date {end}"
    return None


def _sentence_problem(start: int | None, end: int | None, fact_start: int, fact_end: int,
                      document: str | None) -> str | None:
    """Why a sentence span breaks a rule: half known, empty, past the text, or not around the fact."""
    if start is None and end is None:
        return None
    if start is None or end is None:
        return "sentence_start and sentence_end are both known or both unknown"
    if not 0 <= start < end:
        return f"sentence span [{start}, {end}) is empty or negative"
    if document is not None and end > len(document):
        return f"sentence span end {end} lies past the document end {len(document)}"
    if not (start <= fact_start and fact_end <= end):
        return f"sentence span [{start}, {end}) does not contain the fact's span [{fact_start}, {fact_end})"
    return None


class Amount(_LinkedQuantity):
    """A money amount: value with scale applied, ISO 4217 currency."""

    currency: str | None

    @classmethod
    def problems(cls, rows: Columns, documents: Sequence[str | None]) -> Problems:
        found = super().problems(rows, documents)
        for i, currency in enumerate(rows["currency"]):
            if currency is not None and currency not in ISO_4217_CODES and i not in found:
                found[i] = f"currency {currency!r} is not an ISO 4217 currency code"
        return found


class Percentage(_LinkedQuantity):
    """A percentage, in percent units, or a change in percentage points."""

    unit: Unit


class DateFact(Fact):
    """A date or period: TIMEX3 value, grain, and when known its half-open calendar interval."""

    value: str
    start_date: date | None = None
    end_date: date | None = None
    grain: Grain
    mod: DateMod | None = None
    resolved: bool

    @classmethod
    def problems(cls, rows: Columns, documents: Sequence[str | None]) -> Problems:
        found = super().problems(rows, documents)
        for i, (value, start, end, resolved) in enumerate(
                zip(rows["value"], rows["start_date"], rows["end_date"], rows["resolved"])):
            if i in found:
                continue
            if not TIMEX3_VALUE.match(value):
                found[i] = f"value {value!r} is not a TIMEX3 value"
            elif (start is None) != (end is None):
                found[i] = "start_date and end_date are both known or both unknown"
            elif start is not None and not start < end:
                found[i] = f"start_date {start} must come before end_date {end}"
            elif resolved != ("X" not in value):
                found[i] = "resolved is true exactly when the value has no X"
        return found


FACT_MODELS: dict[str, type[Fact]] = {"amount": Amount, "percentage": Percentage, "date": DateFact}
