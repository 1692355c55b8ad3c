"""What the extractor test tables share: a row as a pytest case, and where each row came from.

`source` is an issue, an article of the dev set (../shared/corpora/meantime-dev/docs, by file
name: its sentences are not ours to copy, so the row is our own sentence with the same pattern),
the seed article, ANNOTATION.md, a peer's corpus (duckling), or "original table" where the first
table did not say.
"""
from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

SOURCE = re.compile(r"issue \d+|meantime-dev (?P<article>\S+\.txt)|seed article|ANNOTATION\.md|duckling \S+\.hs"
                    r"|original table")
DEV_DOCS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "meantime-dev" / "docs"


def case(row: Any) -> Any:
    """A table row as a pytest case named by its id; a known gap (`gap` says why) as a strict xfail."""
    return pytest.param(row, id=row.id, marks=[pytest.mark.xfail(strict=True, reason=row.gap)] if row.gap else [])


def check_sources(rows: list[Any]) -> None:
    """Each row names a source of the kinds above; a dev-set article by a file that exists."""
    articles = {path.name for path in DEV_DOCS.rglob("*.txt")}  # none in a clean clone: names go unchecked
    for row in rows:
        source = SOURCE.fullmatch(row.source)
        assert source, (row.id, row.source)
        assert not articles or source["article"] in (None, *articles), (row.id, row.source)


OPTIONAL = frozenset({"grain", "rule"})  # checked only where a row gives them


def observed(found: list[Any], expected: tuple[Any, ...], row: Any) -> list[Any]:
    """Each mention found as a `row` record, its optional fields kept only where the expected row gives them."""
    wanted = [*expected, *[None] * len(found)]
    return [row(**{name: getattr(m, name) if name not in OPTIONAL or (want and getattr(want, name)) else None
                   for name in row._fields}) for m, want in zip(found, wanted)]


def as_decimals(want: Any) -> Any:
    """A money or percentage row with its value and upper bound as the Decimals a mention holds."""
    return want._replace(value=Decimal(want.value), value_max=want.value_max and Decimal(want.value_max))


def check_every_rule_fires(rules: list[Any], fired: set[str]) -> None:
    """The rule list names exactly the rules that run: each fires on a row, and no mention comes from elsewhere."""
    names = [rule.name for rule in rules]
    assert len(names) == len(set(names))
    assert fired == set(names)
