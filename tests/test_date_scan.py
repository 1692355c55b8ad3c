"""The date scan's tables, derived from the starts of the rules, agree with the rule patterns
(extractors/dates/dispatch.py).

At an anchor the scan tries only the rules that may match there, chosen from the text around it
(a Name's `next`, a Digits' characters, a Lead's words, a Word's `when`). On every text built
from a few pieces, the narrowed rules must match exactly where all the rules of that kind of
start would: a start that does not fit its rule's pattern fails here.
"""
from __future__ import annotations

from datetime import date
from itertools import product

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.dates import date_rules
from extractors.dates.dispatch import DISPATCH, DateTables
from extractors.dates.patterns import YEAR, cased
from extractors.dates.periods import day
from extractors.dates.scan import DATE_DISPATCH, DateDocument
from extractors.dates.starts import Digits, Lead, Name, Word
from extractors.rules import Rule, RuleSet
from test_properties import NEWSY, REFERENCES  # tests/ is on the path (pytest prepends it)

PIECES = [" ", "  ", "\n", "\u00a0", "\x1c", " " * 40, ",", ".", "-", "'", "’", "/", "of", "o", "s", "st", "nd",
          "th", "3", "31", "2010", "3110", "Q", "H", "X", "é", "٣", "end", "since 2009", " 2010", " of 2010"]
TAILS = ["", " of 2010", " since May", " ago", "s"]


def _every(kind: type) -> RuleSet:
    """All the rules with a start of that kind, in the order of date_rules."""
    return RuleSet.of(*(rule for rule in date_rules if any(isinstance(start, kind) for start in rule.starts)))


def _outcome(rules: RuleSet | None, text: str, pos: int, past: int = -1) -> tuple | None:
    """(span, rule name) of the match of `rules` at `pos` if it ends past `past`, else None."""
    matched = None if rules is None else rules.match(text, pos)
    if matched is None or matched[1].end() <= past:
        return None
    rule, m = matched
    return m.span(), rule.name


def test_every_rule_is_tried_somewhere():
    assert {rule.name for rules in DISPATCH.rule_sets() for rule in rules.rules} == {rule.name for rule in date_rules}


def test_name_rules_match_as_all_name_rules():
    every = _every(Name)
    for name, first, second in product(["March", "MAY", "May", "Sept", "Jan", "DEC", "Tuesday"], PIECES, PIECES):
        text = name + first + second
        narrowed = DISPATCH.name_rules(text, len(name), name)
        assert _outcome(narrowed, text, 0) == _outcome(every, text, 0), text


def test_digit_rules_match_as_all_digit_rules():
    every = _every(Digits)
    for digits, first, second in product(["1", "3", "08", "21", "30", "45"], PIECES, PIECES + ["March", "quarter"]):
        if first[0].isdigit():
            continue  # the anchor is a whole run of digits
        text = digits + first + second
        narrowed = DISPATCH.digit_rules.get(" " if first[0].isspace() else first[0])
        assert _outcome(narrowed, text, 0) == _outcome(every, text, 0), text


def test_lead_rules_reach_an_anchor_as_all_lead_rules():
    every = _every(Lead)
    # The rules without a Lead start begin at their own anchor: from a word before it they cannot reach it.
    others = [RuleSet.of(rule) for rule in date_rules
              if any(isinstance(start, Word) for start in rule.starts)
              and not any(isinstance(start, Lead) for start in rule.starts)]
    assert others
    leads = sorted({w for rule in date_rules for start in rule.starts if isinstance(start, Lead) for w in start.words}
                   | {"the", "two"})
    anchors = [*DISPATCH.keywords.items(), *((name, name) for name in cased(DISPATCH.names))]
    for lead, middle, (form, key), tail in product(leads, ["", "past ", "fiscal "], anchors, TAILS):
        text = f"{lead.title() if len(tail) % 2 else lead} {middle}{form}{tail}"  # both cases
        pos = len(text) - len(tail) - len(form)
        narrowed = DISPATCH.lead_table.get(key, {}).get(lead)
        assert _outcome(narrowed, text, 0, pos) == _outcome(every, text, 0, pos), text
        assert all(_outcome(rules, text, 0, pos) is None for rules in others), text


def test_when_is_necessary():
    """A Word's `when` holds wherever its rule matches."""
    tested = [(rule, start) for rule in date_rules for start in rule.starts if isinstance(start, Word) and start.when]
    assert tested
    for rule, start in tested:
        alone = RuleSet.of(rule)
        forms = {form for word in start.words for form in (word, word.capitalize())}
        for word, first, second in product(sorted(forms), PIECES, PIECES + ["time a year ago", "half of 2009"]):
            text = word + first + second
            assert start.when(text, 0, len(word)) or alone.match(text, 0) is None, (rule.name, text)


def _hogmanay(m, ctx):
    return [(m.start(), m.end(), day(int(m["year"]), 12, 31), None)]


# A rule on a word no other rule starts at (Scotland's New Year's Eve).
HOGMANAY = Rule("Hogmanay <year>", rf"Hogmanay \s+ {YEAR}", _hogmanay, (Word("hogmanay"),))


def test_a_rule_added_to_the_list_is_tried_at_its_start():
    tables = DateTables((*date_rules, HOGMANAY))
    assert tables.keywords["Hogmanay"] == "hogmanay"
    rules = tables.word_rules("Hogmanay 2024", 0, "hogmanay")
    assert rules is not None and _outcome(rules, "Hogmanay 2024", 0) == ((0, 13), "Hogmanay <year>")


def test_a_rule_no_start_reaches_fails_with_its_name():
    with pytest.raises(ValueError, match="'Hogmanay <year>' is never tried"):
        DateTables((*date_rules, Rule(HOGMANAY.name, HOGMANAY.source, _hogmanay)))
    with pytest.raises(TypeError, match="'Hogmanay <year>'"):
        DateTables((*date_rules, Rule(HOGMANAY.name, HOGMANAY.source, _hogmanay, ("hogmanay",))))


def test_a_rule_name_used_twice_fails():
    with pytest.raises(ValueError, match="used twice"):
        DateTables((*date_rules, date_rules[0]))


# ---- the date scan in the loop all three kinds of mention share (extractors.rules.scan_document)

def _hits(text: str, reference: date | None) -> list[tuple[int, int, str]]:
    """(anchor position, where the scan goes on, rule name) of every rule that builds a date at an
    anchor, each anchor tried as if no date came before it."""
    doc = DateDocument(text, reference)
    out = []
    for anchor in DATE_DISPATCH.anchors(doc):
        for start, rules in DATE_DISPATCH.tries(doc, anchor, 0):
            matched = DATE_DISPATCH.match(doc, start, rules)
            resume = None if matched is None else DATE_DISPATCH.build(doc, anchor, 0, *matched, [])
            if resume is not None:
                out.append((anchor[1], resume, matched[0].name))
    return out


# Sentences written for this test: dates that begin before their anchor (a lead word, a code
# letter, a prefix) and dates that end in one.
REACH = [
    "Sales fell last year and in the first half of 2009, then rose in Q3 and in the late 1990s.",
    "Two days ago, on Tuesday, March 3, the board met; it meets again next week and on 3/4/2010.",
    "Its best week since November came in fiscal 2024, between 2009 and 2010.",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.lists(NEWSY, max_size=40).map("".join), reference=REFERENCES)
def test_a_date_built_at_an_anchor_reaches_past_it(text, reference):
    """The shared loop stops trying rules at an anchor once the scan has passed it (its end is
    its position + 1): one date per anchor, as long as every date reaches past its anchor."""
    assert all(resume > at for at, resume, _ in _hits(text, reference))


def test_the_written_dates_reach_past_their_anchors():
    for text in REACH:
        hits = _hits(text, date(2010, 3, 3))
        assert len(hits) > 3 and all(resume > at for at, resume, _ in hits), text


def _whole(m, ctx):
    return [(m.start(), m.end(), day(2010, 12, 31), None)]


def test_a_match_before_the_anchor_must_reach_it():
    """A match from a word before the anchor ("last" in "last quarter") is a date only if it
    reaches past the anchor; one at the anchor always is."""
    doc = DateDocument("Revenue rose last quarter.", date(2010, 3, 3))
    [anchor] = [a for a in DATE_DISPATCH.anchors(doc) if a[4] == "quarter"]
    assert DATE_DISPATCH.tries(doc, anchor, 0)[0][0] == doc.text.index("last")
    for source, start, is_date in [(r"last", 13, False), (r"last \s+ quarter", 13, True), (r"quarter", 18, True)]:
        rule, m = DATE_DISPATCH.match(doc, start, RuleSet.of(Rule(source, source, _whole)))
        mentions: list = []
        assert (DATE_DISPATCH.build(doc, anchor, 0, rule, m, mentions) is not None) is is_date is (mentions != []), source
