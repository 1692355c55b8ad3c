"""The date scan's tables and guards agree with the rule patterns they narrow (extractors.dates).

At an anchor the scan tries only the rules that may match there, chosen from the text around it
(_LEAD_RULES, _DIGIT_RULES, _month_rules, a rule set's may_follow). On every text built from a
few pieces, the narrowed rules must match exactly where all of them would: a pattern edited
without its table fails here.
"""
from __future__ import annotations

from itertools import product

from extractors import dates as D

PIECES = [" ", "  ", "\n", "\u00a0", "\x1c", " " * 40, ",", ".", "-", "'", "’", "/", "of", "o", "s", "st", "nd",
          "th", "3", "31", "2010", "3110", "Q", "H", "X", "é", "٣", "end", "since 2009", " 2010", " of 2010"]
TAILS = ["", " of 2010", " since May", " ago", "s"]


def _outcome(rules: D._RuleSet | None, text: str, pos: int, past: int = -1) -> tuple | None:
    """(span, rule name) of the match of `rules` at `pos` if it ends past `past`, else None."""
    matched = None if rules is None else rules.match(text, pos)
    if matched is None or matched[1].end() <= past:
        return None
    rule, m = matched
    return m.span(), rule.name


def test_month_rules_match_as_all_month_rules():
    every = D._RuleSet.of(*(rule for rule, _ in D._MONTH_FOLLOWERS))
    for name, first, second in product(["March", "MAY", "May", "Sept", "Jan", "DEC"], PIECES, PIECES):
        text = name + first + second
        narrowed = D._month_rules(text, len(name), D._IS_FULL_MONTH[name])
        assert _outcome(narrowed, text, 0) == _outcome(every, text, 0), text


def test_digit_rules_match_as_all_digit_rules():
    every = D._RuleSet.of(*(rule for rule, _ in D._DIGIT_FOLLOWERS))
    for digits, first, second in product(["1", "3", "08", "21", "30", "45"], PIECES, PIECES + ["March", "quarter"]):
        if first[0].isdigit():
            continue  # the anchor is a whole run of digits
        text = digits + first + second
        narrowed = D._DIGIT_RULES.get(" " if first[0].isspace() else first[0])
        assert _outcome(narrowed, text, 0) == _outcome(every, text, 0), text


def test_lead_rules_reach_an_anchor_as_all_lead_rules():
    every = D._RuleSet.of(*(rule for rule, _, _ in D._LEAD_WORD_RULES))
    # The other word rules start at their own anchor: from a word before it they cannot reach it.
    others = [D._RuleSet.of(rule) for rule in (D._SEASON_YEAR, D._SAME_PERIOD, D._THE_DAY, D._PART_OF_UNIT,
                                                D._DAY_WORD, D._FISCAL)]
    leads = sorted({w for _, words, _ in D._LEAD_WORD_RULES for w in words} | {"the", "two"})
    anchors = [(form, word) for form, (_, word) in D._KEYWORD_OF.items()]
    anchors += [(name, name) for name in D._cased((*D.MONTHS, *D.WEEKDAYS))]
    for lead, middle, (form, key), tail in product(leads, ["", "past ", "fiscal "], anchors, TAILS):
        text = f"{lead.title() if len(tail) % 2 else lead} {middle}{form}{tail}"  # both cases
        pos = len(text) - len(tail) - len(form)
        narrowed = D._LEAD_RULES.get(key, {}).get(lead)
        assert _outcome(narrowed, text, 0, pos) == _outcome(every, text, 0, pos), text
        assert all(_outcome(rules, text, 0, pos) is None for rules in others), text


def test_may_follow_is_necessary():
    for word, first, second in product([*D.SEASONS, "Fall", "same"], PIECES, PIECES + ["time a year ago", "half of 2009"]):
        rules = D._KEYWORD_RULES[word.lower()]
        text = word + first + second
        assert rules.may_follow(text, len(word)) or rules.match(text, 0) is None, text
