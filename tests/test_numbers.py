"""The shared number grammar: fragments match whole numbers and parse to exact Decimals.

Each row says where it came from: an issue, ANNOTATION.md, a dev-set article, or "original table".
"""
from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.numbers import NUMBER, SCALE, parse_number, parse_scale, plain, scaled
from extractors.rules import FLAGS, number_run_start, words_before, Document

_NUMBER = regex.compile(rf"(?:{NUMBER})", FLAGS)
_SCALE = regex.compile(rf"(?:{SCALE})", FLAGS)


class Number(NamedTuple):
    """A number as written, and its value as Decimal text."""
    id: str
    surface: str
    value: str
    source: str


class Scale(NamedTuple):
    """A scale word after a number, and the product; some scales count only glued to digits ("$54K")."""
    id: str
    number: str
    scale: str
    value: str
    source: str
    glued_only: bool = False


NUMBERS = [
    Number("plain", "42", value="42", source="original table"),
    Number("commas", "1,234,567", value="1234567", source="issue 2"),
    Number("indian", "1,23,45,678", value="12345678", source="issue 3"),
    Number("swiss", "1'200.20", value="1200.20", source="issue 3"),
    Number("decimal", "3.75", value="3.75", source="issue 2"),
    Number("fraction", "8 1/4", value="8.25", source="issue 3"),
    Number("fraction-three-quarters", "12 3/4", value="12.75", source="issue 3"),
    Number("vulgar", "8½", value="8.5", source="original table"),
    Number("word", "five", value="5", source="issue 3"),
    Number("teen", "seventeen", value="17", source="original table"),
    Number("compound", "twenty-three", value="23", source="original table"),
    Number("compound-space", "forty one", value="41", source="original table"),
    Number("hundred", "two hundred", value="200", source="original table"),
    Number("hundred-and", "three hundred and five", value="305", source="original table"),
    Number("a-half", "a half", value="0.5", source="ANNOTATION.md"),
    Number("a-quarter", "a quarter", value="0.25", source="issue 3"),
    Number("and-a-half", "two and a half", value="2.5", source="original table"),
    Number("capitalised", "Twelve", value="12", source="original table"),
]


@pytest.mark.parametrize("row", [pytest.param(row, id=row.id) for row in NUMBERS])
def test_number_grammar(row: Number) -> None:
    assert _NUMBER.fullmatch(row.surface) is not None
    assert parse_number(row.surface) == Decimal(row.value)


SCALES = [
    Scale("k", "54", "K", value="54000", glued_only=True, source="issue 3"),
    Scale("mm", "1", "MM", value="1000000", glued_only=True, source="issue 3"),
    Scale("m", "300", "m", value="300000000", glued_only=True, source="issue 3"),
    Scale("B", "2.45", "B", value="2450000000", glued_only=True, source="issue 3"),
    Scale("bn", "1.5", "bn", value="1500000000", source="issue 3"),
    Scale("billion-capital", "7.4", "Billion", value="7400000000",
          source="meantime-dev 68899_DaimlerChrysler_to_sell_Chrysler_Group.txt"),
    Scale("trillion", "2", "trillion", value="2000000000000", source="issue 2"),
    Scale("lakh", "5", "lakh", value="500000", source="issue 3"),
    Scale("crore", "20", "crore", value="200000000", source="issue 3"),
    Scale("lakh-crore", "1", "lakh crore", value="1000000000000", source="original table"),
    Scale("thousand", "3", "thousand", value="3000", source="original table"),
    Scale("mm-lower", "2.5", "mm", value="2500000", glued_only=True, source="issue 21"),
    Scale("k-lower", "61", "k", value="61000", glued_only=True, source="issue 21"),
    Scale("bln-capitals", "5", "BLN", value="5000000000", source="issue 21"),
    Scale("trln-capitals", "1.2", "TRLN", value="1200000000000", source="issue 21"),
    Scale("trln", "3", "trln", value="3000000000000", source="issue 21"),
    Scale("mln-capitals", "40", "MLN", value="40000000", source="issue 21"),
    Scale("bn-capitals", "7.2", "BN", value="7200000000", source="issue 21"),
    Scale("billion-capitals", "3.4", "BILLION", value="3400000000", source="issue 21"),
    Scale("hundred", "6", "hundred", value="600", source="original table"),
    Scale("mn", "2", "mn", value="2000000", source="issue 2"),
]


@pytest.mark.parametrize("row", [pytest.param(row, id=row.id) for row in SCALES])
def test_scales(row: Scale) -> None:
    written = f"{row.number}{row.scale}" if row.glued_only else f"{row.number} {row.scale}"
    assert [m.group() for m in _SCALE.finditer(written)] == [row.scale]
    if row.glued_only:  # apart from the digits, a letter is a letter ("5 M")
        assert [m.group() for m in _SCALE.finditer(f"{row.number} {row.scale}")] == []
    assert scaled(row.number, row.scale) == Decimal(row.value)
    assert parse_scale(row.scale) * parse_number(row.number) == Decimal(row.value)


def test_half_a_stands_before_a_scale_or_unit() -> None:
    m = _NUMBER.match("half a billion")
    assert m is not None and m.group() == "half a" and parse_number(m.group()) == Decimal("0.5")


def test_glued_letters_need_digits() -> None:
    text = "paid $54K and 5 M"
    assert [m.group() for m in _SCALE.finditer(text)] == ["K"]


def test_every_row_says_where_it_came_from() -> None:
    for row in (*NUMBERS, *SCALES):
        assert regex.fullmatch(r"issue \d+|meantime-dev \S+\.txt|ANNOTATION\.md|original table", row.source), row


@pytest.mark.parametrize("surface", ["seventeenth", "twenty-third", "oneself", "tenth", "", "a", "1,2345"])
def test_not_whole_numbers(surface: str) -> None:
    assert _NUMBER.fullmatch(surface) is None


def test_plain_is_storable() -> None:
    assert str(plain(Decimal("1.5") * Decimal(10) ** 9)) == "1500000000"
    assert str(plain(Decimal(8) + Decimal(1) / Decimal(3))) == "8.333333"
    assert plain(Decimal(10) ** 40) is None


def test_number_run_start() -> None:
    text = "prices rose between three and seven percent"
    words = frozenset({"three", "and", "seven"})
    assert text[number_run_start(text, text.index("percent"), words):] == "three and seven percent"


def test_words_before() -> None:
    doc = Document("it rose by as much as 5%", 1.0)
    assert words_before(doc, doc.text.index("5")) == ["by", "as", "much", "as"]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_parse_never_raises(text: str) -> None:
    value = parse_number(text)
    assert value is None or isinstance(value, Decimal)
