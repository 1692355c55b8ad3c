"""The shared number grammar: fragments match whole numbers and parse to exact Decimals."""
from __future__ import annotations

from decimal import Decimal

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.numbers import NUMBER, SCALE, parse_number, parse_scale, plain, scaled
from extractors.rules import FLAGS, number_run_start, words_before, Document

_NUMBER = regex.compile(rf"(?:{NUMBER})", FLAGS)
_SCALE = regex.compile(rf"(?:{SCALE})", FLAGS)

NUMBERS = [
    ("plain", "42", "42"),
    ("commas", "1,234,567", "1234567"),
    ("indian", "1,23,45,678", "12345678"),
    ("swiss", "1'200.20", "1200.20"),
    ("decimal", "3.75", "3.75"),
    ("fraction", "8 1/4", "8.25"),
    ("fraction-three-quarters", "12 3/4", "12.75"),
    ("vulgar", "8½", "8.5"),
    ("word", "five", "5"),
    ("teen", "seventeen", "17"),
    ("compound", "twenty-three", "23"),
    ("compound-space", "forty one", "41"),
    ("hundred", "two hundred", "200"),
    ("hundred-and", "three hundred and five", "305"),
    ("a-half", "a half", "0.5"),
    ("a-quarter", "a quarter", "0.25"),
    ("and-a-half", "two and a half", "2.5"),
    ("capitalised", "Twelve", "12"),
]


@pytest.mark.parametrize("surface, value", [pytest.param(s, v, id=i) for i, s, v in NUMBERS])
def test_number_grammar(surface: str, value: str) -> None:
    m = _NUMBER.fullmatch(surface)
    assert m is not None
    assert parse_number(surface) == Decimal(value)


SCALES = [
    ("k", "54", "K", "54000"), ("mm", "1", "MM", "1000000"), ("m", "300", "m", "300000000"),
    ("bn", "1.5", "bn", "1500000000"), ("B", "2.45", "B", "2450000000"),
    ("billion-capital", "7.4", "Billion", "7400000000"), ("trillion", "2", "trillion", "2000000000000"),
    ("lakh", "5", "lakh", "500000"), ("crore", "20", "crore", "200000000"),
    ("lakh-crore", "1", "lakh crore", "1000000000000"), ("thousand", "3", "thousand", "3000"),
    ("hundred", "6", "hundred", "600"), ("mn", "2", "mn", "2000000"),
]


@pytest.mark.parametrize("number, scale, value", [pytest.param(n, s, v, id=i) for i, n, s, v in SCALES])
def test_scales(number: str, scale: str, value: str) -> None:
    assert _SCALE.fullmatch(scale) is not None or scale in ("K", "MM", "m", "B")
    assert scaled(number, scale) == Decimal(value)
    assert parse_scale(scale) * parse_number(number) == Decimal(value)


def test_half_a_stands_before_a_scale_or_unit() -> None:
    m = _NUMBER.match("half a billion")
    assert m is not None and m.group() == "half a" and parse_number(m.group()) == Decimal("0.5")


def test_glued_letters_need_digits() -> None:
    text = "paid $54K and 5 M"
    assert [m.group() for m in _SCALE.finditer(text)] == ["K"]


@pytest.mark.parametrize("surface", ["seventeenth", "oneself", "tenth", "", "a", "1,2345"])
def test_not_whole_numbers(surface: str) -> None:
    assert _NUMBER.fullmatch(surface) is None or parse_number(surface) is not None


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
