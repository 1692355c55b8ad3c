"""Which date rules the scan tries where: tables derived at import from the starts of the rules
in date_rules (extractors/dates/starts.py), and the check that each rule can be reached.

One alternation of all the rules would be slow (no first-character filter survives it), so at
each anchor the scan tries only the rules that may start there, as one alternation (a RuleSet,
extractors/rules.py). Every table keeps the order of the rule list: at one start, the earlier rule wins.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Final

from extractors.dates.context import word_before
from extractors.dates.patterns import ABBREVIATED_MONTHS, cased
from extractors.dates.rules import date_rules
from extractors.dates.starts import Code, Condition, Digits, Lead, Name, Word, Year
from extractors.rules import Rule, RuleSet

_KINDS: Final = (Name, Year, Digits, Code, Word, Lead)


def _forms(word: str) -> tuple[str, ...]:
    """How a keyword is found: lower-case and capitalized, or with its capitals as written ("FY")."""
    return (word, word[:1].upper() + word[1:]) if word.islower() else (word,)


def _the_before(text: str, start: int, end: int) -> bool:
    return word_before(text, start) == "the"


class DateTables:
    """The tables of one rule list: which of its rules may start at each kind of anchor."""

    def __init__(self, rules: tuple[Rule, ...]) -> None:
        self.rules = rules
        self._sets: dict[tuple[int, ...], RuleSet] = {}
        names = [rule.name for rule in rules]
        if len(set(names)) < len(names):
            raise ValueError(f"date rule names used twice: {sorted({n for n in names if names.count(n) > 1})}")
        for rule in rules:
            for start in rule.starts:
                if not isinstance(start, _KINDS):
                    raise TypeError(f"date rule {rule.name!r}: {start!r} is no start (extractors/dates/starts.py)")
        name_starts, lead_starts = self._starts(Name), self._starts(Lead)
        self.names = tuple(sorted({name for _, start in name_starts for name in start.names}))
        self.name_table = self._name_table(name_starts)
        # By the character after a run of one or two digits (" ": spaces, then a month or "of").
        self.digit_rules = self._by_char(self._starts(Digits), lambda start: start.next)
        self.year_rules = self._rule_set(rule for rule, _ in self._starts(Year))
        # By the character right before a digit run; after a letter, one digit may stand alone ("Q3").
        self.code_rules = self._by_char(self._starts(Code), lambda start: start.chars)
        self.code_letters = "".join(c for c in self.code_rules if c.isalpha())
        # Keywords as found in the text -> their key: a Word's words, and the words a Lead reads but names.
        word_starts = self._starts(Word)
        reads = sorted({w for _, start in lead_starts for w in start.reads})
        self.keywords = {form: form.lower() for form in dict.fromkeys(
            form for word in (*(w for _, start in word_starts for w in start.words),
                              *(w for w in reads if w not in self.names))
            for form in _forms(word))}
        self.word_table = self._word_table(word_starts)
        self.lead_table = self._lead_table(lead_starts, reads)
        reached = {id(rule) for rules in self._sets.values() for rule in rules.rules}
        for rule in rules:
            if id(rule) not in reached:
                raise ValueError(f"date rule {rule.name!r} is never tried: give it a start (extractors/dates/starts.py)")

    def rule_sets(self) -> list[RuleSet]:
        """Every rule set the scan may try."""
        return list(self._sets.values())

    def name_rules(self, text: str, end: int, form: str) -> RuleSet | None:
        """The rules that may match at the name `form` (as written) ending at `end`."""
        takes_dot, by_next = self.name_table[form]
        if len(by_next) == 1:
            return by_next[""]
        if takes_dot and text.startswith(".", end):  # "Sept. 3": without its dot nothing follows
            end += 1
        follow = text[end:end + 32].lstrip()[:1]  # str.isspace holds for every regex \s
        if not follow or "0" <= follow <= "9":  # (nothing but spaces in the window: maybe a digit)
            return by_next["0"]
        return by_next[follow] if follow in by_next else by_next[""]

    def word_rules(self, text: str, start: int, key: str) -> RuleSet | None:
        """The rules that may match at the keyword `key` (lower-case) found at `start`."""
        entry = self.word_table.get(key)
        if entry is None:
            return None  # a keyword only Lead rules read ("ago")
        conditions, sets = entry
        mask = 0
        for bit, condition in enumerate(conditions):
            if condition(text, start, start + len(key)):
                mask |= 1 << bit
        return sets[mask]

    def _starts(self, kind: type) -> list[tuple[Rule, Any]]:
        """(rule, start) for each start of that kind, in the order of the rules."""
        return [(rule, start) for rule in self.rules for start in rule.starts if isinstance(start, kind)]

    def _rule_set(self, rules: Iterable[Rule]) -> RuleSet | None:
        """The RuleSet of `rules` in the order of the rule list (one for each distinct list), None for none."""
        wanted = {id(r) for r in rules}
        ordered = tuple(r for r in self.rules if id(r) in wanted)
        if not ordered:
            return None
        key = tuple(map(id, ordered))
        if key not in self._sets:
            self._sets[key] = RuleSet.of(*ordered)
        return self._sets[key]

    def _by_char(self, starts: list[tuple[Rule, Any]], chars: Callable[[Any], str]) -> dict[str, RuleSet | None]:
        """Character -> the rules whose start lists it."""
        every = dict.fromkeys(c for _, start in starts for c in chars(start))
        return {c: self._rule_set(rule for rule, start in starts if c in chars(start)) for c in every}

    def _name_table(self, starts: list[tuple[Rule, Any]]) -> dict[str, tuple[bool, dict[str, RuleSet | None]]]:
        """Name as written -> (whether it may take an abbreviation's dot, the rules by what follows
        it: "0" a digit, a character of a Name's `next`, "" any other)."""
        table: dict[str, tuple[bool, dict[str, RuleSet | None]]] = {}
        for name in self.names:
            at_name = [(rule, start.next) for rule, start in starts if name in start.names]
            classes = {""} if all(follow is None for _, follow in at_name) else {
                "0", "", *(c for _, follow in at_name if follow is not None for c in follow)}
            by_next = {c: self._rule_set(rule for rule, follow in at_name if follow is None or (c != "" and c in follow))
                       for c in classes}
            for form in cased([name]):
                table[form] = (name in ABBREVIATED_MONTHS, by_next)
        return table

    def _word_table(self, starts: list[tuple[Rule, Any]]) -> dict[str, tuple[tuple[Condition, ...], tuple[RuleSet | None, ...]]]:
        """Key -> (the tests of the text around the keyword, the rules for each outcome of the
        tests: bit i of the index is test i)."""
        table: dict[str, tuple[tuple[Condition, ...], tuple[RuleSet | None, ...]]] = {}
        for key in dict.fromkeys(w.lower() for _, start in starts for w in start.words):
            tested: list[tuple[Rule, tuple[Condition, ...]]] = []
            for rule, start in starts:
                if key in (w.lower() for w in start.words):
                    tests = ((_the_before,) if start.after_the else ()) + ((start.when,) if start.when else ())
                    tested.append((rule, tests))
            conditions = tuple(dict.fromkeys(c for _, tests in tested for c in tests))
            table[key] = (conditions, tuple(
                self._rule_set(rule for rule, tests in tested if all(mask >> conditions.index(c) & 1 for c in tests))
                for mask in range(1 << len(conditions))))
        return table

    def _lead_table(self, starts: list[tuple[Rule, Any]], reads: list[str]) -> dict[str, dict[str, RuleSet]]:
        """Anchor (a name as written, a keyword's key) -> lower-case lead word -> the rules it
        starts that read that anchor (a match must reach past the anchor to be a mention)."""
        table: dict[str, dict[str, RuleSet]] = {}
        leads = sorted({w for _, start in starts for w in start.words})
        for read in reads:
            for lead in leads:
                rules = self._rule_set(rule for rule, start in starts if lead in start.words and read in start.reads)
                if rules is not None:
                    for anchor in (cased([read]) if read in self.names else [read]):
                        table.setdefault(anchor, {})[lead] = rules
        return table


DISPATCH: Final = DateTables(date_rules)
