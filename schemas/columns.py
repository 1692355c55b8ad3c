"""Validating many rows of a model at once, given as columns.

A batch of documents holds some 15,000 facts. Validated as model instances, each costs a
model, a Python validator call and a dict (~12 us a fact here). Given as columns, each field
of the model is validated for all rows in one pydantic call (a TypeAdapter over a list of the
field's type: the same checks and conversions as the model's field), then the model's rules
(`problems(columns, documents)`, which its own validator runs on a one-row column) go through
the rows column by column. A row that fails either gets the reason the model would have given.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

Columns = dict[str, list[Any]]  # field name -> one value per row
_ROW_LEVEL_CONFIG = {"extra", "frozen"}  # model settings that leave a field's validation alone


class ColumnValidator:
    """Validates columns of `model`'s rows: its fields with pydantic, then its `problems(columns, documents)`."""

    def __init__(self, model: type[BaseModel]):
        if set(model.model_config) - _ROW_LEVEL_CONFIG:  # they would change what a field accepts
            raise TypeError(f"{model.__name__}'s config {model.model_config} has settings a column would miss")
        self.model = model
        self.fields = tuple(model.model_fields)
        self._adapters = {
            name: TypeAdapter(list[info.rebuild_annotation()])  # type: ignore[misc]
            for name, info in model.model_fields.items()}
        self._problems = getattr(model, "problems")  # every fact model has it

    def validate(self, columns: Columns, documents: Sequence[str | None]) -> tuple[Columns, dict[int, str]]:
        """The columns of the valid rows, in order, and the reason of each invalid row by its index.

        `columns` has a list for each field of the model, of one length; `documents[i]` is the
        text row i's span must quote (None: not checked).
        """
        if set(columns) != set(self.fields):
            raise ValueError(f"columns {sorted(columns)} are not the fields of {self.model.__name__}")
        reasons: dict[int, list[str]] = {}
        valid = self._fields(columns, reasons)
        keep: list[int] | None = None
        if reasons:  # validate the other rows again, now that no field of theirs can fail
            keep = [i for i in range(len(documents)) if i not in reasons]
            valid = self._fields({name: [column[i] for i in keep] for name, column in columns.items()}, {})
        failed = self._problems(valid, documents if keep is None else [documents[i] for i in keep])
        for k, problem in failed.items():  # worded as pydantic words a model validator's error
            reasons[k if keep is None else keep[k]] = [f"mention: Value error, {problem}"]
        if failed:
            valid = {name: _without(column, failed) for name, column in valid.items()}
        return valid, {i: "; ".join(why) for i, why in sorted(reasons.items())}

    def _fields(self, columns: Columns, reasons: dict[int, list[str]]) -> Columns:
        """Each field's column validated (converted as the model would); field errors into `reasons`."""
        valid: Columns = {}
        for name in self.fields:
            try:
                valid[name] = self._adapters[name].validate_python(columns[name])
            except ValidationError as error:
                for e in error.errors():  # loc: the row's index, then where in the value
                    where = ".".join(map(str, (name, *e["loc"][1:])))
                    reasons.setdefault(e["loc"][0], []).append(f"{where}: {e['msg']}")
        return valid


def _without(column: list[Any], drop: dict[int, str]) -> list[Any]:
    return [value for i, value in enumerate(column) if i not in drop]

