"""The date scan: the cheap anchors a date may start at or turn on (digit runs, names, keywords
found with Hyperscan), the rules to try there (dispatch.py) and what their matches become, for
the scan loop all three kinds of mention share (extractors.rules.scan_document)."""
from __future__ import annotations

import string
from datetime import date
from typing import Any, Final

import regex

from extractors.calendar_words import MONTHS
from extractors.dates.context import Context, Found, signal_mod
from extractors.dates.dispatch import DISPATCH
from extractors.dates.focus import resolve_focus
from extractors.dates.matches import forget_match
from extractors.dates.patterns import alt, cased
from extractors.dates.truecase import WORD_SETS as TRUECASE_WORDS
from extractors.dates.truecase import truecase
from extractors.fastscan import Literals, ascii_digit_runs
from extractors.mentions import DEADLINE_EVERY, DateMention, deadline_for, past_deadline, regex_timeout
from extractors.rules import Anchor, Dispatch, Document, Rule, RuleSet, scan_document

# Kinds of anchor.
_NAME: Final = 0
_DIGITS: Final = 1
_YEAR: Final = 2
_WORD: Final = 3

_NAME_FORMS: Final = cased(DISPATCH.names)
# A name next to a character beyond ASCII is confirmed with `regex` `\b` (see _anchors).
_NAME_ANCHOR: Final = regex.compile(rf"\b(?:{alt(_NAME_FORMS)})\b")
_ASCII_WORD: Final = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_")
# Digit runs that can start a date, picked from the shared digit-run scan
# (extractors.fastscan.ascii_digit_runs: found once for all extractors): a year 1600-2199 as a
# whole run; or a run of one or two digits (no "." or "," before it) followed by a character of
# the Digits starts, or by spaces and a month's capital or "of"; or the one digit 1-4 after a
# letter of the Code starts ("Q3": no word character after it). The anchor's key is that
# character (" " for any space).
_DIGIT_FOLLOW: Final = frozenset(DISPATCH.digit_rules) - {" "}
_SPACE_FOLLOWS: Final = " " in DISPATCH.digit_rules
_CODE_LETTERS: Final = DISPATCH.code_letters
_MONTH_INITIALS: Final = "".join(sorted({name[0].upper() for name in MONTHS}))
_SPACES_THEN_MONTH: Final = regex.compile(rf"[^\S\n]+(?:[{_MONTH_INITIALS}]|of\b)")  # "3 March", "3 of"
_WORD_CHAR: Final = regex.compile(r"\w")
# After one space, a character that starts neither a month nor "of" ("5 percent", "3 GB").
_NO_MONTH_AFTER_SPACE: Final = frozenset(string.ascii_letters + string.digits + string.punctuation) - set(_MONTH_INITIALS + "o")


def _digit_anchors(text: str) -> list[Anchor]:
    """The anchors (see DateDispatch) of the digit runs that can start a date: kind _YEAR or
    _DIGITS, key "" or the key of DISPATCH.digit_rules."""
    found: list[Anchor] = []
    for s, e in ascii_digit_runs(text):
        size = e - s
        if size == 4:
            if (text[s] == "1" and text[s + 1] >= "6") or (text[s] == "2" and text[s + 1] <= "1"):
                found.append((s, s, s + 1, _YEAR, ""))
            continue
        if size > 2:
            continue
        after = text[e:e + 1]
        if s == 0 or text[s - 1] not in ".,":
            if after in _DIGIT_FOLLOW:  # "" (the end) is in no frozenset
                found.append((s, s, s + 1, _DIGITS, after))
                continue
            # Only a space (str.isspace holds for every regex \s) may start "3 March"; the common
            # "5 percent" (one space and no month's capital) needs no pattern either.
            if (_SPACE_FOLLOWS and (after.isspace() or after >= "\x80")
                    and not (after == " " and text[e + 1:e + 2] in _NO_MONTH_AFTER_SPACE)
                    and _SPACES_THEN_MONTH.match(text, e) is not None):
                found.append((s, s, s + 1, _DIGITS, " "))
                continue
        if (size == 1 and s > 0 and text[s - 1] in _CODE_LETTERS and "1" <= text[s] <= "4"
                and (not after or (after < "\x80" and not (after.isalnum() or after == "_"))
                     or (after >= "\x80" and _WORD_CHAR.match(after) is None))):
            found.append((s, s, s + 1, _DIGITS, " " if after.isspace() else after))
    return found


# Names and keywords (as written: "Today", "today"), found in one Hyperscan pass (see
# extractors.fastscan.Literals). Next to ASCII, the checks of the characters around a name are
# `\b` exactly; text with other characters is confirmed with `regex` `\b`.
_KEYWORDS: Final = DISPATCH.keywords
assert _KEYWORDS.keys().isdisjoint(_NAME_FORMS)
# Names whole and keywords after no letter, as _anchors keeps them: "March" is not also a "Mar",
# "today" not also a "day" (each occurrence costs a call back into Python).
_NAMES: Final = Literals(_NAME_FORMS, whole=True)
_KEYWORD_WORDS: Final = Literals(_KEYWORDS, after="".join(c for c in map(chr, range(1, 256)) if not c.isalpha()))
# found in one pass with the other extractors' (extractors/__init__.py)
WORD_SETS: Final = (_NAMES, _KEYWORD_WORDS, *TRUECASE_WORDS)


def _anchors(text: str, deadline: float) -> list[Anchor]:
    """The anchors (see DateDispatch) of every place a date may start or turn on, in text order:
    kind _NAME with the name as written, or _WORD with the keyword's key, or a digit run's."""
    found = _digit_anchors(text)
    for count, (i, word) in enumerate([*_NAMES.find_all(text), *_KEYWORD_WORDS.find_all(text)]):
        if count % DEADLINE_EVERY == 0:  # a text made of one word over and over
            past_deadline(deadline, text)
        e = i + len(word)
        keyword = _KEYWORDS.get(word)
        if keyword is None:  # a name
            before, after = text[i - 1] if i else " ", text[e:e + 1]
            if before in _ASCII_WORD or after in _ASCII_WORD:  # "" (the end) is in no frozenset
                continue  # "Mayor", "Marchetti"; also where a longer name matched ("March", not "Mar")
            if (before >= "\x80" or after >= "\x80") and not _NAME_ANCHOR.match(text, i):
                continue
            found.append((i, i, i + 1, _NAME, word))
        # A keyword counts as a whole word only, no letter on either side: the rules read keywords
        # whole (`\b`), and the longer words they read ("weekend") are keywords of their own.
        elif (i == 0 or not text[i - 1].isalpha()) and not text[e:e + 1].isalpha():
            found.append((i, i, i + 1, _WORD, keyword))
    found.sort()
    return found


_LEAD_RULES: Final = DISPATCH.lead_table
_CODE_RULES: Final = DISPATCH.code_rules
_DIGIT_RULES: Final = DISPATCH.digit_rules
_YEAR_RULES: Final = DISPATCH.year_rules


def _lead_words(text: str, pos: int, floor: int) -> list[tuple[int, str]]:
    """Up to two words right before `pos` (nearest first), as (start, lower-cased word)."""
    words: list[tuple[int, str]] = []
    end = pos
    while len(words) < 2:
        j = end - 1
        if j <= floor or text[j] not in " \t-" or (words and text[j] == "-"):
            break
        lo = j - 20 if j - 20 > floor else floor
        k = text.rfind(" ", lo, j)
        word = text[k + 1 if k >= 0 else lo:j]
        if "\n" in word or "\t" in word:  # rare: the word starts after the last of the three
            k = max(k, text.rfind("\n", lo, j), text.rfind("\t", lo, j))
        if k < 0 and lo > 0:
            break
        start = k + 1 if k >= 0 else 0
        words.append((start, text[start:j].lower()))
        end = start
    return words


class DateDocument(Document):
    """The text as the rules read it (truecase.py), as written (mentions quote it so), and the
    context the builds read and update (the last date mentioned)."""

    written: str
    ctx: Context

    def __init__(self, written: str, reference_date: date | None) -> None:
        text = truecase(written)
        super().__init__(text, regex_timeout(written), deadline_for(written))
        self.written = written
        self.ctx = Context(text, reference_date, self.fast)


class DateDispatch(Dispatch):
    """The date rules in extractors.rules.scan_document. An anchor is (position, position,
    position + 1, kind, key): a date starts at or before it (a lead word: "last" in "last year"; a
    code letter: "Q" in "Q3") and one date is built per anchor at most."""

    def anchors(self, doc: Document) -> list[Anchor]:
        return _anchors(doc.text, doc.deadline)

    def tries(self, doc: Document, anchor: Anchor, floor: int) -> list[tuple[int, RuleSet]]:
        """The lead words before a name or keyword with their rules (the farther first), or the
        code letter before a digit run with its rules; then the anchor's own rules."""
        text, pos, kind, key = doc.text, anchor[1], anchor[3], anchor[4]
        out: list[tuple[int, RuleSet]] = []
        own: RuleSet | None
        if kind == _NAME or kind == _WORD:  # "last year", "the first half", "last Tuesday"
            leads = _LEAD_RULES.get(key)
            if leads is not None:
                for start, word in reversed(_lead_words(text, pos, floor)):
                    lead_rules = leads.get(word)
                    if lead_rules is not None:
                        out.append((start, lead_rules))
            if kind == _NAME:
                own = DISPATCH.name_rules(text, pos + len(key), key)
            else:
                own = DISPATCH.word_rules(text, pos, key)
        else:
            if pos > floor:  # "Q3", "H1", "'90s"
                code_rules = _CODE_RULES.get(text[pos - 1])
                if code_rules is not None:
                    out.append((pos - 1, code_rules))
            own = _YEAR_RULES if kind == _YEAR else _DIGIT_RULES.get(key)
        if own is not None:
            out.append((pos, own))
        return out

    def build(self, doc: Document, anchor: Anchor, floor: int, rule: Rule, m: Any, mentions: list) -> int | None:
        """Add the DateMentions of the match if it reaches past the anchor (a lead's or code's
        must), none from before `floor`; the builds read and update the last date mentioned."""
        pos: int = anchor[1]
        if m.start() < pos and m.end() <= pos:
            return None
        assert isinstance(doc, DateDocument)
        ctx = doc.ctx
        try:
            found: list[Found] = rule.build(m, ctx)
        except (ValueError, OverflowError):  # calendar arithmetic out of range: no mention
            return None
        if found and found[0][0] < floor or len(found) > 1:  # a prefix may not reach into the last span
            found = [f for f in found if f[0] >= floor]
        if not found:
            return None
        text, written = doc.text, doc.written
        resume = floor
        for start, end, p, mod in found:
            if end > resume:
                resume = end
            mentions.append(DateMention(
                start, end, written[start:end], p.value, p.grain, rule.name, p.start, p.end,
                mod or signal_mod(text, start),
            ))
            ctx.last = p
            if p.grain == "day":
                ctx.last_day = p
        return resume


DATE_DISPATCH: Final = DateDispatch()


def extract_dates(text: str, reference_date: date | None = None) -> list[DateMention]:
    """Every date mention in `text`, in text order; relative ones resolved against `reference_date`.
    The rules read the text truecased (truecase.py); mentions quote it as written."""
    doc = DateDocument(text, reference_date)
    try:
        return resolve_focus(doc.ctx, scan_document(doc, DATE_DISPATCH))  # the document-level pass (focus.py)
    finally:
        forget_match()
