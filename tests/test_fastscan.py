"""fastscan.Literals: every occurrence of its words, at the indexes str.find gives, for any text."""
from __future__ import annotations

import threading

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import fastscan
from extractors.fastscan import Literals

WORDS = ("day", "today", "week", "weekend", "euro", "illion", "aa")
SCAN = Literals(WORDS)


def _by_find(text: str, words=WORDS) -> list[tuple[int, str]]:
    """The reference: a str.find loop per word, overlapping occurrences included."""
    found = []
    for word in words:
        i = text.find(word)
        while i >= 0:
            found.append((i, word))
            i = text.find(word, i + 1)
    return sorted(found)


@pytest.mark.parametrize("text", [
    "shares fell today, the worst day since the weekend",                  # ASCII: byte offsets
    "le 3 août, two days after the «day» of the vote: 5 million euros",    # Latin-1 letters before
    "Le chiffre d’affaires a atteint 2 milliards d’euros aujourd’hui, today",  # curly apostrophes
    "📈 shares rose 3% today 📉 and fell the next day",                     # astral: one char each
    "a billion, a trillion and a million",                                  # one word, three times
    "aaaa",                                                                 # overlapping occurrences
    "",
    "x\ud800 today",                                                        # a lone surrogate
    "\u6400\u6100\u7900 \u0164\u0161\u0179",  # characters beyond Latin-1 hold none of the words
])
def test_the_occurrences_str_find_gives(text):
    found = sorted(SCAN.find_all(text))
    assert found == _by_find(text)
    assert all(text[i:i + len(w)] == w for i, w in found)


def test_a_long_text_is_scanned_in_chunks(monkeypatch):
    monkeypatch.setattr(fastscan, "_CHUNK", 5)  # words are cut at every chunk boundary
    for text in ("shares fell today, the worst day since the weekend", "aaaaaaaaaaa", "today"):
        assert sorted(SCAN.find_all(text)) == _by_find(text)


def test_case_and_neighbours_are_left_to_the_caller():
    assert sorted(SCAN.find_all("Today, yesterday; TODAY")) == [(2, "day"), (13, "day")]


def test_latin1_words():
    scan = Literals(["£", "août", "per cent"])
    text = "up 5% to £3 in août 2010 (€2), or 4 per cent"
    assert sorted(scan.find_all(text)) == [(9, "£"), (15, "août"), (36, "per cent")]


@pytest.mark.parametrize("words", [["€"], ["what?"], [""], ["a\nb"]])
def test_words_it_cannot_scan_for(words):
    with pytest.raises(ValueError):
        Literals(words)


def test_threads_scan_at_the_same_time():
    texts = [f"day {i} of the week: {'é' * (i % 3)} today, weekend" * 50 for i in range(40)]
    errors, wrong = [], []

    def work(chunk):
        try:
            for text in chunk:
                if sorted(SCAN.find_all(text)) != _by_find(text):
                    wrong.append(text)
        except Exception as error:  # noqa: BLE001 - collected for the assertion below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(texts[k::4],)) for k in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and wrong == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("adoytwkeniulr ,é’€\u00a0📈\ud800")), max_size=80))
def test_any_text(text):
    assert sorted(SCAN.find_all(text)) == _by_find(text)


# caseless / after: the amounts' currency words at a word start ("5 dollars", "5dollars", "3\u2009USD").
AFTER = "0123456789" + fastscan.WHITESPACE
WORD_START = Literals(["dollar", "usd", "yen"], caseless=True, after=AFTER)


def _word_starts_by_find(text: str) -> list[tuple[int, str]]:
    """The reference: case-blind str.find occurrences at the text's start or after a character of AFTER."""
    return [(i, w) for i, w in _by_find(text.lower(), ("dollar", "usd", "yen")) if i == 0 or text[i - 1] in AFTER]


@pytest.mark.parametrize("text, expected", [
    ("Dollars, 5DOLLARS and 3 usd", [(0, "dollar"), (10, "dollar"), (24, "usd")]),
    ("petrodollars, (dollars) and yens", [(28, "yen")]),     # inside a word, after "(": not a word start
    ("3\u2009USD and 4\u3000Yen", [(2, "usd"), (12, "yen")]),  # spaces beyond Latin-1 let the word through
    ("5\u0663dollar", [(2, "dollar")]),                       # so does any character beyond Latin-1
])
def test_caseless_words_at_a_word_start(text, expected):
    assert sorted(WORD_START.find_all(text)) == expected


def test_word_starts_across_chunk_boundaries(monkeypatch):
    monkeypatch.setattr(fastscan, "_CHUNK", 4)  # the character before a word is in the previous chunk
    for text in ("xx dollar yyyy usd", "abcdollar 12usd", "abcddollar", "dollar dollar dollar", "aaaUSD", "xxxxxxxxusd"):
        assert sorted(WORD_START.find_all(text)) == _word_starts_by_find(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("dolarUSDyen 5\u2009é(")), max_size=60))
def test_any_text_for_word_starts(text):
    assert sorted(WORD_START.find_all(text)) == _word_starts_by_find(text)


def test_caseless_words_after_a_class_with_high_bytes():
    # Found by fuzzing: with "(?:^|[...])" before each word, Hyperscan 5.4 missed the "Pp" here
    # (three caseless words, "²" in the class). Literals puts a character before the text instead.
    after = " 0123456789²³¹"
    scan = Literals(["pp", "pc", "point"], caseless=True, after=after)
    text = "²R٣%.per centn irRpercent 5Pp"
    assert sorted(scan.find_all(text)) == [(27, "pp")]
    assert sorted(scan.find_all("²pp 5Pp x5pc")) == [(1, "pp"), (5, "pp"), (10, "pc")]


# OnePass: the same sets scanned once together give what each gives on its own.
def _sets() -> tuple[Literals, ...]:
    return (Literals(WORDS), Literals(["dollar", "usd", "yen"], caseless=True, after=AFTER),
            Literals(["pp", "pc", "point"], caseless=True, after=" 0123456789²³¹"), Literals([" x", "£"]))


ALONE = _sets()
TOGETHER = _sets()
fastscan.OnePass(*TOGETHER)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("dayweknuroUSDlp5 x£² é(")), max_size=60))
def test_one_pass_finds_what_each_set_finds(text):
    try:
        for alone, together in zip(ALONE, TOGETHER):
            assert sorted(together.find_all(text)) == sorted(alone.find_all(text))
    finally:
        fastscan.forget_texts()


@pytest.mark.parametrize("text", [
    "x today, 5pp and 3 USD",  # " x" would start on the space put before the text: not found there
    "5 Dollars today £3 ²pp, the weekend",
    "",
])
def test_one_pass_rows(text):
    for alone, together in zip(ALONE, TOGETHER):
        assert sorted(together.find_all(text)) == sorted(alone.find_all(text))
    fastscan.forget_texts()


def test_one_pass_leaves_a_long_text_to_each_set(monkeypatch):
    monkeypatch.setattr(fastscan, "_CHUNK", 8)  # over a "megabyte": each set scans it in chunks
    fastscan.forget_texts()
    text = "5 Dollars today £3 ²pp, the weekend, 7 usd"
    for alone, together in zip(ALONE, TOGETHER):
        assert sorted(together.find_all(text)) == sorted(alone.find_all(text))
    assert fastscan._pass_hits.cache_info().currsize == 0


def test_one_pass_needs_a_character_every_after_class_lets_through():
    with pytest.raises(ValueError, match="share no character"):
        fastscan.OnePass(Literals(["a"], after="1"), Literals(["b"], after="2"))
    with pytest.raises(ValueError, match="one OnePass at most"):
        fastscan.OnePass(TOGETHER[0])


def _digit_runs_by_regex(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in regex.finditer(r"[0-9]+", text))


@pytest.mark.parametrize("text", [
    "In 2008, sales rose 12.5% to $1,234 million", "2008", "a1b22c333", "", "no digits",
    "“3” 📈 45 ٣٤ 6\ud800 7²",  # curly quotes, astral, other-script digits, a lone surrogate, "²"
])
def test_digit_runs(text):
    assert fastscan.ascii_digit_runs(text) == _digit_runs_by_regex(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123 9a.,é’٣²📈\ud800")), max_size=60))
def test_digit_runs_of_any_text(text):
    assert fastscan.ascii_digit_runs(text) == _digit_runs_by_regex(text)
