"""Finding, reading and decoding documents: each bad input ends as a clear error or a decoded text."""
import json
import os
from datetime import date

import pytest

from flows.sources import (
    DocumentError, decode, discover, parse_sidecar, read_raw, stat_key, survey, title_from_text,
)


@pytest.mark.parametrize("data, text, encoding", [
    ("Sales rose 5% to £3m.".encode("utf-8"), "Sales rose 5% to £3m.", "utf-8"),
    (b"\xef\xbb\xbfSales rose 5%.", "Sales rose 5%.", "utf-8-sig"),
    ("Profit of £3m".encode("utf-16"), "Profit of £3m", "utf-16"),
    (b"Profit of \xa33m", "Profit of £3m", "cp1252"),  # Latin-1 / Windows-1252 pound sign
    (b"\x93Quoted\x94 \x80400", "\u201cQuoted\u201d €400", "cp1252"),
    (b"undefined in cp1252: \x81", "undefined in cp1252: \x81", "latin-1"),
], ids=["utf-8", "utf-8 bom", "utf-16 bom", "latin-1 pound", "cp1252 quotes", "latin-1 fallback"])
def test_decode(data, text, encoding):
    assert decode(data) == (text, encoding)


@pytest.mark.parametrize("data, message", [
    (b"", "file is empty"),
    (b"PK\x03\x04\x00\x00binary", "binary file"),
    (b"\xff\xfe\x00\xd8", "byte-order mark"),
], ids=["empty", "nul bytes", "broken utf-16"])
def test_decode_refuses(data, message):
    with pytest.raises(DocumentError, match=message):
        decode(data)


def test_newlines_are_kept_as_written():
    assert decode(b"a\r\nb\rc\n")[0] == "a\r\nb\rc\n"


@pytest.mark.parametrize("data, expected", [
    (None, (None, None)),
    (b'{"published": "2010-03-03", "title": "Ford sales"}', (date(2010, 3, 3), "Ford sales")),
])
def test_sidecar(data, expected):
    sidecar = parse_sidecar(data)
    assert (sidecar.published, sidecar.title) == expected


# Sidecar `published` as exports and feeds write it (flows/published.py); each row: the value, the day.
PUBLISHED = [
    ("iso date", "2024-10-24", date(2024, 10, 24)),
    ("spaces around", " 2024-10-24 ", date(2024, 10, 24)),
    ("iso timestamp utc", "2024-10-24T09:00:00Z", date(2024, 10, 24)),
    ("iso timestamp with fraction", "2024-10-24T09:00:00.123456+00:00", date(2024, 10, 24)),
    # the day as written in its own offset: 23:30 in New York is the 25th in UTC, and stays the 24th
    ("iso timestamp late, behind utc", "2024-10-24T23:30:00-05:00", date(2024, 10, 24)),
    ("iso timestamp early, ahead of utc", "2024-10-24T00:30+09:00", date(2024, 10, 24)),
    ("iso with a space", "2024-10-24 09:00:00", date(2024, 10, 24)),
    ("iso basic", "20241024", date(2024, 10, 24)),
    ("us numeric", "10/24/2024", date(2024, 10, 24)),
    ("day first when the day cannot be a month", "24/10/2024", date(2024, 10, 24)),
    ("ambiguous slashes: month first", "03/04/2024", date(2024, 3, 4)),
    ("ambiguous dashes: month first", "03-04-2024", date(2024, 3, 4)),
    ("ambiguous dots: day first", "03.04.2024", date(2024, 4, 3)),
    ("dots", "24.10.2024", date(2024, 10, 24)),
    ("year first slashes", "2024/10/24", date(2024, 10, 24)),
    ("day month year", "24 Oct 2024", date(2024, 10, 24)),
    ("month day year", "October 24, 2024", date(2024, 10, 24)),
    ("ordinal", "October 24th, 2024", date(2024, 10, 24)),
    ("weekday", "Thursday, October 24, 2024", date(2024, 10, 24)),
    ("rfc 2822 (rss, e-mail)", "Thu, 24 Oct 2024 09:00:00 +0000", date(2024, 10, 24)),
    ("time and zone name", "24 Oct 2024 09:00 EST", date(2024, 10, 24)),
    ("time in words", "October 24th, 2024 at 9am PDT", date(2024, 10, 24)),
]


@pytest.mark.parametrize("value, expected", [pytest.param(v, d, id=i) for i, v, d in PUBLISHED])
def test_sidecar_published_formats(value, expected):
    assert parse_sidecar(json.dumps({"published": value}).encode()).published == expected


# Each refusal is one clear error; a missing part is never taken from today's date (dateutil's default).
NOT_PUBLISHED = [
    ("impossible day", "2010-02-30", "day is out of range"),
    ("impossible month", "2024-13-01", "month must be in 1..12"),
    ("no day", "October 2024", "it has no day"),
    ("year and month", "2024-10", "it has no day"),
    ("a year", "2024", "it has no month or day"),
    ("no year", "October 24", "it has no year"),
    ("a weekday", "Thursday", "it has no year, month or day"),
    ("a number", "12", "it has no year or month"),
    ("two-digit year", "10/24/24", "year is not written with four digits"),
    ("a word", "yesterday", "unknown string format"),
    ("empty", "", "it is empty"),
    ("prose", "published in the autumn of the year two thousand and twenty-four, on a Thursday", "too long"),
    ("huge number", "9" * 30, "too large"),
]


@pytest.mark.parametrize("value, reason", [pytest.param(v, r, id=i) for i, v, r in NOT_PUBLISHED])
def test_sidecar_published_refusals(value, reason):
    with pytest.raises(DocumentError) as refused:
        parse_sidecar(json.dumps({"published": value}).encode())
    assert str(refused.value).startswith(f"sidecar 'published' is not a date: {value[:80]!r}: ")
    assert reason in str(refused.value)


@pytest.mark.parametrize("data, message", [
    (b"{not json", "not valid JSON"),
    (b'["a"]', "JSON object"),
    (b'{"published": "2010-02-30"}', "not a date"),
    (b'{"published": 20101024}', "must be a string"),
    (b'{"title": 5}', "must be a string"),
])
def test_invalid_sidecar(data, message):
    with pytest.raises(DocumentError, match=message):
        parse_sidecar(data)


def test_discover_finds_txt_and_md_recursively_and_skips_sidecars(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "a.meta.json").write_text("{}")
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "sub" / "deeper" / "b c's.md").write_text("x")
    (tmp_path / "notes.xlsx").write_text("x")
    assert discover(tmp_path) == ["a.txt", "sub/deeper/b c's.md"]


def test_discover_does_not_follow_links_out_of_the_seeds_folder(tmp_path):
    seeds, outside = tmp_path / "seeds", tmp_path / "outside"
    seeds.mkdir()
    outside.mkdir()
    (outside / "secret.txt").write_text("x")
    (seeds / "inside.txt").write_text("x")
    os.symlink(outside / "secret.txt", seeds / "link.txt")
    os.symlink(seeds / "inside.txt", seeds / "alias.txt")
    assert discover(seeds) == ["alias.txt", "inside.txt"]


def test_one_walk_gives_each_document_the_stat_key_a_lone_stat_gives(tmp_path):
    (tmp_path / "plain.txt").write_text("no sidecar")
    (tmp_path / "dated.txt").write_text("with a sidecar")
    (tmp_path / "dated.meta.json").write_text('{"published": "2010-03-03"}')
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "notes.md").write_text("deeper")
    keys = survey(tmp_path).documents
    assert list(keys) == ["dated.txt", "plain.txt", "sub/notes.md"]
    assert keys == {path: stat_key(tmp_path, path) for path in keys}
    assert keys["plain.txt"].endswith("/-") and not keys["dated.txt"].endswith("/-")


def test_read_raw_takes_the_stat_key_a_lone_stat_gives(tmp_path):
    (tmp_path / "a.txt").write_text("Profit rose 5%.")
    (tmp_path / "a.meta.json").write_text('{"published": "2020-01-02"}')
    (tmp_path / "b.txt").write_text("No sidecar here.")
    for path in ("a.txt", "b.txt"):
        assert read_raw(tmp_path, path).stat_key == stat_key(tmp_path, path)
    assert stat_key(tmp_path, "b.txt").endswith("/-")


def test_read_raw_reports_a_vanished_file(tmp_path):
    with pytest.raises(DocumentError, match="disappeared"):
        read_raw(tmp_path, "gone.txt")


def test_read_raw_refuses_a_file_over_the_limit(tmp_path):
    (tmp_path / "big.txt").write_bytes(b"x" * 2_000_001)
    with pytest.raises(DocumentError, match="over the 1 MB limit"):
        read_raw(tmp_path, "big.txt", max_bytes=1_000_000)


def test_read_raw_reads_a_file_that_grew_after_its_stat_to_the_end(tmp_path, monkeypatch):
    text = b"Profit rose 5%. " * 100_000  # longer than one read of the size the stat gave
    (tmp_path / "a.txt").write_bytes(text)
    real_fstat = os.fstat
    monkeypatch.setattr(os, "fstat", lambda fd: os.stat_result((*real_fstat(fd)[:6], 10, *real_fstat(fd)[7:])))
    assert read_raw(tmp_path, "a.txt").data == text
    with pytest.raises(DocumentError, match="grew past the 1 MB limit while it was read"):
        read_raw(tmp_path, "a.txt", max_bytes=1_000_000)


def test_read_raw_names_the_sidecar_when_the_sidecar_is_the_problem(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "a.meta.json").write_bytes(b"{}" + b" " * 2_000_000)
    (tmp_path / "b.txt").write_text("x")
    (tmp_path / "b.meta.json").mkdir()
    with pytest.raises(DocumentError, match=r"sidecar a\.meta\.json could not be read: file is 2\.0 MB, over"):
        read_raw(tmp_path, "a.txt", max_bytes=1_000_000)
    with pytest.raises(DocumentError, match=r"sidecar b\.meta\.json could not be read: not a regular file \(a folder\)"):
        read_raw(tmp_path, "b.txt")


def test_read_raw_takes_the_sidecar_beside_the_file(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "a.meta.json").write_text('{"published": "2020-01-02"}')
    assert read_raw(tmp_path, "a.txt").sidecar == b'{"published": "2020-01-02"}'


@pytest.mark.parametrize("text, title", [
    ("\n\nFord's US auto sales spike\nMarch 03, 2010\n", "Ford's US auto sales spike"),
    ("# Markets rally\n\nStocks rose.", "Markets rally"),
    ("   \n", None),
    # past the head that is split first (400 characters): far down, across its end, after "\r\n" on it
    (" \n" * 1500 + "Ford's US auto sales spike\nMarch 03, 2010\n", "Ford's US auto sales spike"),
    (" " * 390 + "Ford's US auto sales spike " * 20 + "\n", ("Ford's US auto sales spike " * 20)[:300]),
    ("\n" * 399 + "\r\nFord's US auto sales spike\n" + "x" * 3000, "Ford's US auto sales spike"),
    ("\n" * 3000, None),
])
def test_title_from_text(text, title):
    assert title_from_text(text) == title
