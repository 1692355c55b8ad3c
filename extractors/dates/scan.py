"""The date scan: find the cheap anchors a date may start at or turn on (digit runs, names,
keywords found with Hyperscan), try there the rules that may start there (dispatch.py), and
keep the mentions they build, left to right."""
from __future__ import annotations

import string
from datetime import date
from typing import Final

import regex

from extractors.calendar_words import MONTHS
from extractors.dates.context import Context, Found, signal_mod
from extractors.dates.dispatch import DISPATCH, RuleSet
from extractors.dates.focus import resolve_focus
from extractors.dates.patterns import alt, cased
from extractors.dates.truecase import WORD_SETS as TRUECASE_WORDS
from extractors.dates.truecase import truecase
from extractors.engines import use_re
from extractors.fastscan import Literals, ascii_digit_runs
from extractors.mentions import DEADLINE_EVERY, DateMention, deadline_for, past_deadline, regex_timeout
from extractors.rules import Rule

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


def _digit_anchors(text: str) -> list[tuple[int, int, str]]:
    """(start, _YEAR or _DIGITS, "" or the key of DISPATCH.digit_rules) of the digit runs that can start a date."""
    found = []
    for s, e in ascii_digit_runs(text):
        size = e - s
        if size == 4:
            if (text[s] == "1" and text[s + 1] >= "6") or (text[s] == "2" and text[s + 1] <= "1"):
                found.append((s, _YEAR, ""))
            continue
        if size > 2:
            continue
        after = text[e:e + 1]
        if s == 0 or text[s - 1] not in ".,":
            if after in _DIGIT_FOLLOW:  # "" (the end) is in no frozenset
                found.append((s, _DIGITS, after))
                continue
            # Only a space (str.isspace holds for every regex \s) may start "3 March"; the common
            # "5 percent" (one space and no month's capital) needs no pattern either.
            if (_SPACE_FOLLOWS and (after.isspace() or after >= "\x80")
                    and not (after == " " and text[e + 1:e + 2] in _NO_MONTH_AFTER_SPACE)
                    and _SPACES_THEN_MONTH.match(text, e) is not None):
                found.append((s, _DIGITS, " "))
                continue
        if (size == 1 and s > 0 and text[s - 1] in _CODE_LETTERS and "1" <= text[s] <= "4"
                and (not after or (after < "\x80" and not (after.isalnum() or after == "_"))
                     or (after >= "\x80" and _WORD_CHAR.match(after) is None))):
            found.append((s, _DIGITS, " " if after.isspace() else after))
    return found


# Names and keywords (as written: "Today", "today"), found in one Hyperscan pass (see
# extractors.fastscan.Literals). Next to ASCII, the checks of the characters around a name are
# `\b` exactly; text with other characters is confirmed with `regex` `\b`.
_KEYWORDS: Final = DISPATCH.keywords
_WORDS: Final = Literals((*_NAME_FORMS, *_KEYWORDS))
assert _KEYWORDS.keys().isdisjoint(_NAME_FORMS)
WORD_SETS: Final = (_WORDS, *TRUECASE_WORDS)  # found in one pass with the other extractors' (extractors/__init__.py)


def _anchors(text: str, deadline: float) -> list[tuple[int, int, str]]:
    """(position, kind, name as written or keyword's key) of every place a date may start or
    turn on, in text order."""
    found = _digit_anchors(text)
    for count, (i, word) in enumerate(_WORDS.find_all(text)):
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
            found.append((i, _NAME, word))
        # A keyword counts as a whole word only, no letter on either side: the rules read keywords
        # whole (`\b`), and the longer words they read ("weekend") are keywords of their own.
        elif (i == 0 or not text[i - 1].isalpha()) and not text[e:e + 1].isalpha():
            found.append((i, _WORD, keyword))
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


def _try(rules: RuleSet, ctx: Context, start: int, anchor: int, floor: int,
         timeout: float | None) -> tuple[Rule, list[Found]] | None:
    """The mentions of the first rule of `rules` matching at `start` if it reaches past `anchor`."""
    matched = rules.match(ctx.text, start, ctx.fast, timeout)
    if matched is None:
        return None
    rule, m = matched
    if m.end() <= anchor:
        return None
    try:
        found: list[Found] = rule.build(m, ctx)
    except (ValueError, OverflowError):  # calendar arithmetic out of range: no mention
        return None
    if found and found[0][0] < floor or len(found) > 1:  # a prefix may not reach into the last span
        found = [f for f in found if f[0] >= floor]
    return (rule, found) if found else None


def extract_dates(text: str, reference_date: date | None = None) -> list[DateMention]:
    """Every date mention in `text`, in text order; relative ones resolved against `reference_date`.
    The rules read the text truecased (truecase.py); mentions quote it as written."""
    timeout, deadline = regex_timeout(text), deadline_for(text)
    written, text = text, truecase(text)
    ctx = Context(text, reference_date, use_re(text, timeout))
    mentions: list[DateMention] = []
    last_end = 0
    for count, (pos, kind, key) in enumerate(_anchors(text, deadline)):
        if count % DEADLINE_EVERY == 0:
            past_deadline(deadline, text)
        if pos < last_end:
            continue
        hit = None
        if kind == _NAME or kind == _WORD:  # "last year", "the first half", "last Tuesday"
            leads = _LEAD_RULES.get(key)
            if leads is not None:
                for start, word in reversed(_lead_words(text, pos, last_end)):
                    lead_rules = leads.get(word)
                    if lead_rules is not None:
                        hit = _try(lead_rules, ctx, start, pos, last_end, timeout)
                        if hit is not None:
                            break
        elif pos > last_end:  # "Q3", "H1", "'90s"
            code_rules = _CODE_RULES.get(text[pos - 1])
            if code_rules is not None:
                hit = _try(code_rules, ctx, pos - 1, pos, last_end, timeout)
        if hit is None:
            if kind == _NAME:
                rules = DISPATCH.name_rules(text, pos + len(key), key)
            elif kind == _WORD:
                rules = DISPATCH.word_rules(text, pos, key)
            else:
                rules = _YEAR_RULES if kind == _YEAR else _DIGIT_RULES.get(key)
            if rules is not None:
                hit = _try(rules, ctx, pos, pos - 1, last_end, timeout)
        if hit is None:
            continue
        rule, found = hit
        for start, end, p, mod in found:
            if end > last_end:
                last_end = end
            mentions.append(DateMention(
                start, end, written[start:end], p.value, p.grain, rule.name, p.start, p.end,
                mod or signal_mod(text, start),
            ))
            ctx.last = p
            if p.grain == "day":
                ctx.last_day = p
    return resolve_focus(ctx, mentions)  # the document-level pass (focus.py)
