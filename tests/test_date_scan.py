"""The date scan's tables, derived from the starts of the rules, agree with the rule patterns
(extractors/dates/dispatch.py).

At an anchor the scan tries only the rules that may match there, chosen from the text around it
(a Name's `next`, a Digits' characters, a Lead's words, a Word's `when`). On every text built
from a few pieces, the narrowed rules must match exactly where all the rules of that kind of
start would: a start that does not fit its rule's pattern fails here.
"""
from __future__ import annotations

from itertools import product

import pytest

from extractors.dates import date_rules
from extractors.dates.dispatch import DISPATCH, Dispatch, RuleSet
from extractors.dates.patterns import YEAR, cased
from extractors.dates.periods import day
from extractors.dates.starts import Digits, Lead, Name, Word
from extractors.rules import Rule

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
    tables = Dispatch((*date_rules, HOGMANAY))
    assert tables.keywords["Hogmanay"] == "hogmanay"
    rules = tables.word_rules("Hogmanay 2024", 0, "hogmanay")
    assert rules is not None and _outcome(rules, "Hogmanay 2024", 0) == ((0, 13), "Hogmanay <year>")


def test_a_rule_no_start_reaches_fails_with_its_name():
    with pytest.raises(ValueError, match="'Hogmanay <year>' is never tried"):
        Dispatch((*date_rules, Rule(HOGMANAY.name, HOGMANAY.source, _hogmanay)))
    with pytest.raises(TypeError, match="'Hogmanay <year>'"):
        Dispatch((*date_rules, Rule(HOGMANAY.name, HOGMANAY.source, _hogmanay, ("hogmanay",))))


def test_a_rule_name_used_twice_fails():
    with pytest.raises(ValueError, match="used twice"):
        Dispatch((*date_rules, date_rules[0]))
