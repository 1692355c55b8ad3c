"""Date rules for years and their parts: years with a cue, quarters, halves, fiscal years,
seasons, decades, centuries.

Each rule is added to RULES by the decorator on its build: name, pattern, and where it may
start (extractors/dates/starts.py). Where two rules can match at the same start, the one added
first wins: "2024 Q3" and "the 1990's" come before a year alone.
"""
from __future__ import annotations

from typing import Final

from extractors.calendar_words import LAST_PART_WORDS, ORDINALS, PART_ORDINALS, RELATIVE_OFFSETS, SEASONS
from extractors.dates import periods, starts
from extractors.dates.context import (
    END_NEXT, PART_PREFIX, PERIOD_PREFIX, POSSESSIVE_NEXT, SENTENCE_START, THE_BEFORE, WORD_NEXT, Context,
    Found, glued, plural_noun_next, prefix, year_cue_before,
)
from extractors.dates.matches import LISTED_DECADE, LISTED_YEAR, RuleMatch, group, listed, number
from extractors.dates.patterns import (
    HN, MORE_YEARS, NOT_OF_OTHER, OF_YEAR, ORDINAL_PART, QN, SEASON, YEAR, YEAR_GLUED, YY, either_case,
)
from extractors.dates.resolve import direction, latest_part, two_digit_year
from extractors.rules import RuleList

RULES: Final[RuleList] = RuleList()


@RULES.add("<season> <year>", rf"{SEASON} (?:\s+of)? ,? \s+ {YEAR}",
           starts.Word(*SEASONS, when=starts.year_may_follow))
def _season_year(m: RuleMatch, ctx: Context) -> list[Found]:
    code, first = SEASONS[group(m, "season").lower()]
    pre = prefix(ctx, m.start(), PERIOD_PREFIX)
    return [(pre.start, m.end(), periods.season(int(group(m, "year")), code, first), pre.mod)]


@RULES.add("fiscal <year>", rf"""
    (?: [Ff]iscal(?:\s+[Yy]ear)?\s+{YEAR} | FY\s*['’]?{YEAR_GLUED} | (?:[Ff]iscal\s+['’]|FY\s*['’]?){YY} )
    """, starts.Word("fiscal", "FY"))
def _fiscal(m: RuleMatch, ctx: Context) -> list[Found]:
    digits = group(m, "year") or group(m, "glued")
    y = int(digits) if digits else two_digit_year(int(group(m, "yy")), ctx.ref)
    pre = prefix(ctx, m.start(), PERIOD_PREFIX)
    return [(pre.start, m.end(), periods.fiscal_year(y), pre.mod)]


RULES.add("<year> fiscal year", rf"{YEAR} \s+ fiscal\s+year\b", starts.Year())(_fiscal)


def _explicit_year(m: RuleMatch, ctx: Context) -> int | None | bool:
    """The year written with a quarter/half: a number, "this/last/next year"; False if none."""
    if group(m, "year"):
        return int(group(m, "year"))
    if group(m, "yy"):
        return two_digit_year(int(group(m, "yy")), ctx.ref)
    rel = group(m, "yearrel") or group(m, "theyear")
    if rel:
        offset = RELATIVE_OFFSETS.get(rel.lower().split()[-1], 0)  # "the year" -> 0
        return ctx.ref.year + offset if ctx.ref else None
    return False


def _part_of_year(m: RuleMatch, ctx: Context, unit: str, months_per_part: int) -> list[Found]:
    """Quarters and halves: "the third quarter", "Q3 2024", "the first half of 2025", "H1'25"."""
    count = 12 // months_per_part
    digit = group(m, "qn") or group(m, "hn")
    if digit:
        n = int(digit)
    else:
        word = group(m, "ordinal").lower()
        if word == "last" and group(m, "year") is None and not group(m, "yearrel") and not group(m, "theyear"):
            pre = prefix(ctx, m.start(), PERIOD_PREFIX)
            return [(pre.start, m.end(), periods.relative_unit(ctx.ref, unit, -1), pre.mod)]
        n = count if word in LAST_PART_WORDS else ORDINALS.get(word, 0)
    if not 1 <= n <= count or (group(m, "qn") and glued(ctx.text, m.start())):
        return []
    pre = prefix(ctx, m.start(), PERIOD_PREFIX if not digit else PART_PREFIX)
    y = _explicit_year(m, ctx)
    if group(m, "fiscal"):  # a fiscal quarter has no calendar value: keep the fiscal year
        return [(pre.start, m.end(), periods.fiscal_year(y or None), pre.mod)]
    if y is False:
        y = latest_part(ctx.ref, n, months_per_part, direction(ctx, pre.start)) if ctx.ref else None
    period = periods.quarter(y, n) if unit == "quarter" else periods.half(y, n)
    return [(pre.start, m.end(), period, pre.mod)]


@RULES.add("<n>Q<yy>", rf"{QN} Q \s* (?:{YEAR}|'?{YY})", starts.Digits("Q"))
def _quarter(m: RuleMatch, ctx: Context) -> list[Found]:
    return _part_of_year(m, ctx, "quarter", 3)


RULES.add("<year> Q<n>", rf"{YEAR} \s* Q{QN}\b", starts.Year())(_quarter)
RULES.add("Q<n> <year>", rf"Q{QN} (?:\s*(?:of\s+)?{YEAR}|\s*['’]{YY})? \b", starts.Code("Q"))(_quarter)
RULES.add("the <ordinal> quarter [of <year>]", rf"""
    {ORDINAL_PART} [\s-]+ quarter\b (?!-century) (?:{OF_YEAR})? {NOT_OF_OTHER}
    """, starts.Digits("stnr"), starts.Lead(PART_ORDINALS, reads=["quarter"]))(_quarter)


@RULES.add("<n>H<yy>", rf"{HN} H \s* (?:{YEAR}|'?{YY})", starts.Digits("H"))
def _half(m: RuleMatch, ctx: Context) -> list[Found]:
    return _part_of_year(m, ctx, "half", 6)


RULES.add("<year> H<n>", rf"{YEAR} \s* H{HN}\b", starts.Year())(_half)
RULES.add("H<n> <year>", rf"H{HN} \s* (?:{YEAR}|['’]?{YY})", starts.Code("H"))(_half)
RULES.add("the <ordinal> half [of <year>]", rf"""
    {ORDINAL_PART} [\s-]+ half\b (?!-) (?:{OF_YEAR})? {NOT_OF_OTHER}
    """, starts.Digits("stnr"), starts.Lead(PART_ORDINALS, reads=["half"]))(_half)


@RULES.add("the <decade>s", r"""
    (?P<dec>(?:1[6-9]|20)[0-9]0|['’]?[0-9]0)['’]?s
    (?P<moredec>(?:(?:\s*,\s*|\s+(?:and|or|to)\s+) (?:the\s+)? ['’]?(?:1[6-9]|20)?[0-9]0['’]?s\b)*+) \b
    """, starts.Year(), starts.Digits("s'’"), starts.Code("'’"))
def _decade(m: RuleMatch, ctx: Context) -> list[Found]:
    """"the 1990s", "the '90s", "the late 1980's", "the 70s and 80s"."""
    text = ctx.text
    pre = prefix(ctx, m.start(), PERIOD_PREFIX)
    if (len(group(m, "dec")) == 2 and not pre.the) or glued(text, m.start()):  # "in her 70s" is an age
        return []
    found = []
    for i, (s, e) in enumerate([m.span(number(m, "dec")), *listed(m, "moredec", LISTED_DECADE, text)]):
        digits = text[s:e].lstrip("'’")
        if len(digits) == 4:
            first_three = int(digits[:3])
        else:  # "'90s" -> 1990s; "'00s", "'10s" -> 2000s, 2010s
            first_three = (200 if digits in ("00", "10") else 190) + int(digits[0])
        end = e + 2 if text[e] in "'’" else e + 1  # "1980's", "1990s"
        found.append((pre.start if i == 0 else s, end, periods.decade(first_three), pre.mod if i == 0 else None))
    return found


@RULES.add("the <ordinal> century", rf"(?P<cent>{either_case(ORDINALS)}) [\s-]+ century\b",
           starts.Digits("stnr"), starts.Lead(ORDINALS, reads=["century"]))
def _century(m: RuleMatch, ctx: Context) -> list[Found]:
    n = ORDINALS.get(group(m, "cent").lower())
    if not n:
        return []
    pre = prefix(ctx, m.start(), PERIOD_PREFIX)
    return [(pre.start, m.end(), periods.century(n - 1), pre.mod)]


@RULES.add("<cue> <year>", rf"{YEAR} {MORE_YEARS}", starts.Year())
def _years(m: RuleMatch, ctx: Context) -> list[Found]:
    """A year with a cue, and the years listed after it ("between 2008 and 2010"); else nothing."""
    text, start = ctx.text, m.start()
    first, first_end = int(group(m, "year")), m.end(number(m, "year"))
    more = listed(m, "more", LISTED_YEAR, text)
    pre = prefix(ctx, start, PERIOD_PREFIX)
    first_start = start
    cued = pre.mod is not None or bool(more)
    if pre.mod is not None:
        first_start = pre.start
    elif not cued:
        prep = year_cue_before(ctx, start)
        if prep is not None and prep[0]:  # strong
            cued = not plural_noun_next(text, first_end)
            if cued and prep[1]:
                first_start = start - len(prep[1])  # "in the year 2000"
        elif prep is not None:  # "of", "for": only when the year ends the phrase ("loss of 2007.")
            cued = bool(END_NEXT.match(text, first_end))
        elif pre.the or THE_BEFORE.search(text[max(0, start - 8):start]):
            cued = (1900 <= first <= 2099 and bool(WORD_NEXT.match(text, first_end))
                    and not plural_noun_next(text, first_end))
        else:
            cued = bool(POSSESSIVE_NEXT.match(text, first_end)) or (
                text.startswith(",", first_end)
                and bool(SENTENCE_START.search(text[max(0, start - 8):start])))
    if not cued:
        return []
    found = [(first_start, first_end, periods.year(first), pre.mod)]
    found += [(s, e, periods.year(int(text[s:e])), None) for s, e in more]
    return found
