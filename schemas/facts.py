"""The fact rows stored in DuckDB: one model per table, with the checks every row must pass.

A fact is validated with the document text in the validation context
(`Model.model_validate(row, context={"text": text})`) so that its span can be checked against
the text it claims to quote. The flow validates a whole batch's facts as columns with the same
field types and the same `check` (schemas/columns.py). A row that fails is not dropped: the
flow stores it in `rejects`.
"""
from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any, Literal

import pycountry
from pydantic import BaseModel, ConfigDict, ValidationInfo, model_validator

Qualifier = Literal["exact", "about", "over", "under", "range"]
Unit = Literal["percent", "percentage_point"]
Grain = Literal["day", "week", "weekend", "month", "quarter", "half", "season", "year",
                "fiscal_year", "decade", "century"]
DateMod = Literal["before", "after", "on_or_before", "since", "start", "mid", "end", "approx"]

# DECIMAL(38,6) holds 32 integer digits and 6 decimals.
_MAX_DIGITS_BEFORE_POINT = 32
_MAX_DECIMALS = 6

# TIMEX3 values this project writes (ANNOTATION.md): dates, months, years, quarters, halves,
# weeks, weekends, seasons, decades, centuries and fiscal years, with X for unknown digits.
# Stdlib `re`: the pattern has no repeats to backtrack over, and a call costs a fifth of a
# `regex` one (it runs for every date fact).
_D = r"[0-9X]"
TIMEX3_VALUE = re.compile(
    rf"""^(?:
        FY{_D}{{4}}                                  # fiscal year
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


class Fact(BaseModel):
    """What every fact shares: its document, its exact span and the rule that found it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    doc_id: str
    start_char: int
    end_char: int
    text: str
    rule: str
    run_id: str

    # One Python validator, which runs the row checks of the model (`check`, extended by each
    # subclass): pydantic makes one call per row for each Python validator a model has.
    @model_validator(mode="after")
    def _valid(self, info: ValidationInfo) -> "Fact":
        self.check(self, (info.context or {}).get("text"))
        return self

    @classmethod
    def check(cls, row: Any, document: str | None) -> None:
        """Raise ValueError when `row` (a fact, or any record with its fields: see
        schemas/columns.py) has an empty span or one that does not quote `document` (when given)."""
        if not 0 <= row.start_char < row.end_char:
            raise ValueError(f"span [{row.start_char}, {row.end_char}) is empty or negative")
        if document is not None:
            if row.end_char > len(document):
                raise ValueError(f"span end {row.end_char} lies past the document end {len(document)}")
            quoted = document[row.start_char:row.end_char]
            if quoted != row.text:
                raise ValueError(f"text[{row.start_char}:{row.end_char}] is {quoted!r}, not {row.text!r}")


def _check_decimal(name: str, value: Decimal | None) -> None:
    """Raise ValueError unless `value` (None allowed) is finite and fits DECIMAL(38,6)."""
    if value is None:
        return
    if not value.is_finite():
        raise ValueError(f"{name} must be finite")
    sign, digits, exponent = value.as_tuple()
    if -exponent > _MAX_DECIMALS and value != value.quantize(Decimal(1).scaleb(-_MAX_DECIMALS)):
        raise ValueError(f"{name} {value} has more than {_MAX_DECIMALS} decimals")
    if value.adjusted() >= _MAX_DIGITS_BEFORE_POINT:
        raise ValueError(f"{name} {value} does not fit DECIMAL(38,6)")


class _Quantity(Fact):
    value: Decimal
    value_max: Decimal | None = None
    qualifier: Qualifier

    @classmethod
    def check(cls, row: Any, document: str | None) -> None:
        super().check(row, document)
        _check_decimal("value", row.value)
        _check_decimal("value_max", row.value_max)
        if row.value_max is not None and not row.value_max > row.value:
            raise ValueError(f"value_max {row.value_max} must exceed value {row.value}")
        if (row.qualifier == "range") != (row.value_max is not None):
            raise ValueError("qualifier 'range' goes with value_max, and only with it")


class Amount(_Quantity):
    """A money amount: value with scale applied, ISO 4217 currency."""

    currency: str | None

    @classmethod
    def check(cls, row: Any, document: str | None) -> None:
        super().check(row, document)
        if row.currency is not None and row.currency not in ISO_4217_CODES:
            raise ValueError(f"currency {row.currency!r} is not an ISO 4217 currency code")


class Percentage(_Quantity):
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
    def check(cls, row: Any, document: str | None) -> None:
        super().check(row, document)
        if not TIMEX3_VALUE.match(row.value):
            raise ValueError(f"value {row.value!r} is not a TIMEX3 value")
        if (row.start_date is None) != (row.end_date is None):
            raise ValueError("start_date and end_date are both known or both unknown")
        if row.start_date is not None and not row.start_date < row.end_date:
            raise ValueError(f"start_date {row.start_date} must come before end_date {row.end_date}")
        if row.resolved != ("X" not in row.value):
            raise ValueError("resolved is true exactly when the value has no X")


FACT_MODELS: dict[str, type[Fact]] = {"amount": Amount, "percentage": Percentage, "date": DateFact}
