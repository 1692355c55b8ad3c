"""The rule patterns run on `re` where a watchdog bounds the text and on `regex` elsewhere, with
the same mentions either way (extractors/engines.py)."""
from __future__ import annotations

import re
import threading
from datetime import date

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors import amounts, extract_amounts, extract_batch, extract_dates, extract_percentages, percent_scan, percentages
from extractors.dates.dispatch import DISPATCH
from extractors.dates.matches import group, number
from extractors.engines import Alternation, TwoEngines, groups, numbers
from extractors.fastscan import engines_agree, forget_texts
from extractors.links import link_figures
from extractors.not_facts import without_not_facts
from extractors.rules import Document, qualifier_before, token_starts
from extractors.rules import groups as rules_groups
from test_properties import NEWSY, REFERENCES  # tests/ is on the path (pytest prepends it)

# Sentences written for these tests around the characters the engines read apart.
AGREEMENT = [
    ("plain ASCII", "Revenue rose 5% to $3 million in March 2010.", True),
    ("news punctuation", "“It’s up 5%,” she said — in Zürich, on 3 März… £4m, €5bn, ¥6.", True),
    ("file separator", "Revenue rose 5%\x1cto $3 million.", False),  # a space to `re` only
    ("vulgar fraction", "Rates rose 2½ percent.", False),  # a word character to `re` only
    ("combining accent", "The cafe\u0301 sold $3 worth.", False),  # a word character to `regex` only
    ("dotless i", "In 2010 the lira fell (\u0131).", False),  # case-blind "i" to `re` only
]


def test_engines_agree_on_text_unless_it_holds_a_character_they_read_apart():
    for name, text, agree in AGREEMENT:
        assert engines_agree(text) is agree, name
    forget_texts()


def test_a_pattern_runs_on_re_when_fast_and_on_regex_otherwise():
    pattern = TwoEngines(r"(?P<n>[0-9]+)\s*(?P<unit>%|percent)", regex.VERBOSE)
    fast, safe = pattern.match("5 percent", 0, True, None), pattern.match("5 percent", 0, False, 1.0)
    assert isinstance(fast, re.Match) and isinstance(safe, regex.Match)
    assert fast.span() == safe.span() == (0, 9) and fast["unit"] == safe["unit"] == "percent"
    behind = TwoEngines(r"day(?<=(?:end|close)\s+the\s+day)")  # variable-width look-behind: `regex` only
    assert behind.fast is None and behind.match("end the day", 8, True, None).span() == (8, 11)


def test_an_alternation_gives_each_pattern_its_groups_by_their_own_names():
    alternation = Alternation([r"(?P<n>[0-9]+)(?P<unit>%)", r"(?P<n>[0-9]+)\s+points"])
    assert alternation.pattern.fast is not None  # the repeated name "n" was renamed apart
    for fast in (True, False):
        m = alternation.match("40 points", 0, fast, None)
        assert alternation.which[m.lastindex] == 1
        assert m[alternation.names[m.lastindex]["n"]] == "40"
        assert "unit" not in alternation.groups[1]


def test_one_registry_gives_each_match_its_rules_group_numbers():
    """extractors.engines keeps the group numbers of every pattern: an Alternation's by the rule
    that matched, any other's as its own (none of its groups may have taken part). The amount
    builds read them as attributes (rules.groups), the date builds by name (dates.matches)."""
    alternation = Alternation([r"(?P<n>[0-9]+)(?P<unit>%)", r"(?P<unit>pp)?(?P<n>[0-9]+)\s+points"])
    for fast in (True, False):
        m = alternation.match("40 points", 0, fast, None)
        assert numbers(m) == alternation.names[m.lastindex] == vars(groups(m))
        assert m[groups(m).n] == m[number(m, "n")] == "40" and group(m, "unit") is None
    plain = regex.compile(r"(?P<day>[0-9]+)?(?:\s*(?P<month>March))?")
    for text, day, month in [("3", "3", None), ("3 March", "3", "March"), ("March", None, "March"), ("", None, None)]:
        m = plain.match(text)
        assert numbers(m) == {"day": 1, "month": 2} and (group(m, "day"), group(m, "month")) == (day, month), text
    assert rules_groups is groups


def test_the_rule_patterns_run_on_re():
    """Every alternation the extractors try compiles for `re`, but those holding "the day" (a
    look-behind of varying width)."""
    rule_sets = DISPATCH.rule_sets()
    the_day = [rules for rules in rule_sets if "the day" in {rule.name for rule in rules.rules}]
    assert len(rule_sets) > 20 and the_day
    assert all(rules.alternation.pattern.fast is not None for rules in rule_sets if rules not in the_day)
    assert all(rules.alternation.pattern.fast is None for rules in the_day)
    assert amounts.AMOUNT_DISPATCH.combined.pattern.fast is not None
    assert all(rule.pattern.fast is not None for rule in percentages.PERCENTAGE_RULES)


def _on_regex(text: str, reference: date | None) -> list[str]:
    """The mentions the extractors find called on their own: no watchdog, so on `regex` (less
    those in a code or address, as extract_batch leaves them out)."""
    found = without_not_facts(text, sorted([*extract_amounts(text), *extract_percentages(text),
                                            *extract_dates(text, reference)], key=lambda m: (m.start, m.end)))
    link_figures(text, found)  # as extract_batch links them: the links read the mentions, not the engine
    forget_texts()
    return sorted(map(repr, found))


def _on_re(text: str, reference: date | None) -> list[str]:
    """The mentions extract_batch finds in the main thread: under a watchdog, so on `re`."""
    [found] = extract_batch([text], [reference])
    assert not isinstance(found, Exception)
    return sorted(map(repr, found))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.lists(NEWSY, max_size=40).map("".join), reference=REFERENCES)
def test_both_engines_find_the_same_mentions(text, reference):
    assert threading.current_thread() is threading.main_thread()
    assert _on_re(text, reference) == _on_regex(text, reference)


def test_both_engines_find_the_same_mentions_in_the_seed_document():
    from pathlib import Path

    seeds = sorted((Path(__file__).parents[1] / "seeds").glob("*.txt"))
    assert seeds
    for path in seeds:
        text = path.read_text(encoding="utf-8")
        assert engines_agree(text)  # so the batch ran on `re`
        assert _on_re(text, date(2010, 3, 3)) == _on_regex(text, date(2010, 3, 3)) != []


PERCENT_PIECES = st.sampled_from([
    "1", "5", "12.5", "340", "1,234", "-", "−", "%", "％", " percent", " per cent", " pct", "pc", "pp",
    " points", " point", " percentage points", "five", "a", "minus ", " to ", " and ", "between ",
    "rate ", "index ", "rose ", "(", " ", ".", "\n", "½", "p", "po",
])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.lists(PERCENT_PIECES, max_size=30).map("".join))
def test_the_percentage_shortcuts_find_what_the_plain_rule_scan_finds(text):
    """percent_scan picks one rule per start, skips starts and builds "12.5%" without a call:
    the same mentions as the rules' alternation tried at every token start near an anchor."""
    assert repr(extract_percentages(text)) == repr(_plain_percentages(text))


def _plain_percentages(text: str) -> list:
    """The scan of extractors.rules.scan, each rule's own pattern tried in the order of the list
    (the builds read their own pattern's groups), at every token start up to an anchor."""
    doc = Document(text, 5.0)
    mentions: list = []
    pos = 0
    for reach, anchor_start, anchor_end in sorted(percent_scan.anchors(doc)):
        if anchor_end <= pos:
            continue
        for i in token_starts(text, max(pos, reach, 0), anchor_start):
            if i < pos:
                continue
            for rule in percentages.PERCENTAGE_RULES:
                m = rule.pattern.match(text, i, False, doc.timeout)
                if m is not None:
                    break
            else:
                continue
            built, resume = rule.build(m, doc)
            mentions.extend(built)
            pos = max(pos, resume)
            if pos >= anchor_end:
                break
    return mentions


QUALIFIED = st.lists(st.sampled_from([
    "about ", "close to ", "more than ", "up to ", "at least ", "Nearly ", "some ", "to ", "rate ", "yield ",
    "index ", "Dow ", "S&P ", "share of the vote ", "per cent ", "%", "5", " ", "-", ".", "\n", "é",
]), max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=QUALIFIED)
def test_the_percentage_word_shortcuts_answer_as_the_full_reads(text):
    """percent_scan.qualifier skips qualifier_before, a Cue skips its search, when a word tells."""
    doc = Document(text, 5.0)
    for start in range(len(text) + 1):
        assert percent_scan.qualifier(doc, start) == qualifier_before(doc, start)
    lower = text.lower() if text.isascii() else None
    for cue in (percentages._RATE_CUE, percentages._PERCENT_CUE, percentages._POINT_CUE):
        assert cue.found(text, lower, 5.0) == (cue.pattern.search(text) is not None)


AMOUNT_PIECES = st.sampled_from([
    "1", "5", "12.5", "340", "1,234", "2024", "$", "US$", "€", "£", "¥", "₴", "zł", "#", "Rs ", "USD ", "usd ", "EUR",
    " million", " billion", "bn", "m", "k", "mm", " BLN", " dollars", " euros", " cents", " pounds", " yuan",
    "half a ", "two ", " to ", " and ", "between ", "about ", "~", "(", ")", "-", " ", ".", ",", "\n", "**",
    "the ", "us ", "told ", "NOTE ", "rose ", "from ",
    "five ", "Twenty-five ", "HALF A ", "dollars", " DOLLARS", "Euros", " yen", " rupees", "EUROS", "GBP ", "rs. ",
    "C$", "HK$", "A $", "₹", "Kč", "2½", "\t", " MILLION", "mln", " crore", "billions of ", " of ", "_",
])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.lists(AMOUNT_PIECES, max_size=30).map("".join))
def test_the_amount_anchors_find_what_the_plain_rule_scan_finds(text):
    """money_scan tries the rules only near the anchors it finds (a digit run after a marker, a
    currency word or sign after a number, a scale word): the same mentions as the rules tried
    at every token start and every sign not glued to a letter."""
    assert repr(extract_amounts(text)) == repr(_plain_amounts(text))


def _plain_amounts(text: str) -> list:
    doc = Document(text, 5.0)
    mentions: list = []
    pos = 0
    # "**$3", "~$61k"; glued to a word too: the sign alone is the marker after one ("EMEA$5", "dollars£5")
    signs = {i for i, c in enumerate(text) if c in amounts.SYMBOL_CHARS + "#"}
    for i in sorted({*token_starts(text, 0, len(text)), *signs}):
        if i < pos or i == len(text):
            continue
        matched = amounts.AMOUNT_DISPATCH.rule_set.match(text, i, False, doc.timeout)  # the rules' alternation, in their order
        if matched is None:
            continue
        rule, m = matched
        built, resume = rule.build(m, doc)
        mentions.extend(built)
        pos = max(pos, resume)
    return mentions
