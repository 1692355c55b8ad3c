"""Date rules for years and their parts: years with a cue (or plainly years: "2009 was", "(2010)"),
quarters, halves, fiscal years and their quarters and halves, seasons, decades, centuries. A
quarter or half without a year, and "2023-24", are the fiscal year's in a text that says when its
fiscal year ends (fiscal.py).

Each rule is added to RULES by the decorator on its build: name, pattern, and where it may
start (extractors/dates/starts.py). Where two rules can match at the same start, the one added
first wins: "2024 Q3" and "the 1990's" come before a year alone.
"""
from __future__ import annotations

from datetime import date
from typing import Final

import regex

from extractors.calendar_words import (
    DECADE_WORDS, LAST_PART_WORDS, MONTHS, ORDINALS, PART_ORDINALS, RELATIVE_OFFSETS, SEASONS,
)
from extractors.dates import periods, starts
from extractors.dates.context import (
    END_NEXT, PART_PREFIX, PERIOD_PREFIX, POSSESSIVE_NEXT, SENTENCE_START, THE_BEFORE, WORD_NEXT, Context,
    Found, glued, plural_noun_next, prefix, word_before, year_cue_before,
)
from extractors.dates.fiscal import fiscal_calendar, fiscal_year_of_part, part_under_way, reported_fiscal_year
from extractors.dates.matches import LISTED_DECADE, LISTED_YEAR, RuleMatch, group, listed, month_number, number
from extractors.dates.patterns import (
    ANY_MONTH, HN, MONTH, MORE_YEARS, NOT_OF_OTHER, ORDINAL_PART, QN, SEASON, YEAR, YEAR_ALONE, YEAR_DIGITS, YEAR_GLUED,
    YY, either_case,
)
from extractors.dates.resolve import direction, latest_part, past_after, past_before, two_digit_year
from extractors.rules import RuleList

RULES: Final[RuleList] = RuleList()

# "fiscal", "fiscal year", "FY" before a fiscal year's digits ("fiscal 2024", "FY2024", "FY'24").
_FISCAL: Final = r"(?P<fiscal>[Ff]iscal\s+(?:[Yy]ear\s+)?|FY\s*)"
_FISCAL_DIGITS: Final = rf"(?:{YEAR_GLUED}|['’]?{YY})"
# The year after a quarter or half: "of 2024", "2024" ("4th quarter 2018"), "of fiscal 2024",
# "fiscal 2024", "of FY24", "of last (fiscal) year", "of the year".
PART_YEAR: Final = rf"""(?:\s+(?:of\s+)?(?:{_FISCAL}{_FISCAL_DIGITS}|{YEAR})
                         |\s+of\s+(?:(?P<yearrel>this|last|next|the\s+(?:current|previous|prior))
                                    \s+(?P<fiscalrel>fiscal\s+)?year
                                   |(?P<theyear>the\s+year)
                                   |the\s+(?P<fyear>{YEAR_ALONE})\s+(?:fiscal|financial)\s+year\b))"""
# The first and last year of a fiscal year written as two ("2025/26", "FY2025-2026").
_SPANNED: Final = r"""(?P<y1>(?:1[6-9]|2[01])?[0-9]{2}) \s*[/–-]\s* (?P<y2>(?:1[6-9]|2[01])?[0-9]{2}) (?![\w/]|[.,:]\d)"""


@RULES.add("<season> <year>", rf"{SEASON} (?:\s+of)? ,? \s+ {YEAR}",
           starts.Word(*SEASONS, when=starts.year_may_follow))
def _season_year(m: RuleMatch, ctx: Context) -> list[Found]:
    code, first = SEASONS[group(m, "season").lower()]
    pre = prefix(ctx, m.start(), PERIOD_PREFIX)
    return [(pre.start, m.end(), periods.season(int(group(m, "year")), code, first), pre.mod)]


def _year_word_follows(text: str, start: int, end: int) -> bool:
    """False when " year" cannot follow `end` ("financial crisis", not "financial year")."""
    rest = text[end:end + 16]
    return rest[:1].isspace() and rest.lstrip()[:4].lower() in ("year", "yea", "ye", "y", "")


@RULES.add("FY<year>/<yy>", rf"""
    (?:[Ff]iscal(?:\s+[Yy]ear)?\s+|[Ff]inancial\s+[Yy]ear\s+|FY\s*['’]?) {_SPANNED}
    """, starts.Word("fiscal", "FY"), starts.Word("financial", when=_year_word_follows))
def _spanned_fiscal(m: RuleMatch, ctx: Context) -> list[Found]:
    """"FY2025/26", "the 2024-25 financial year": one fiscal year, named by the year it ends in (the
    convention of the US government, India, Australia, and most companies)."""
    first, last = (_full_year(group(m, name), ctx) for name in ("y1", "y2"))
    pre = prefix(ctx, m.start(), PERIOD_PREFIX)
    if last == first + 1:
        return [(pre.start, m.end(), periods.fiscal_year(last), pre.mod)]
    if first < last <= first + 50 and len(group(m, "y1")) == len(group(m, "y2")):  # "FY2021-2024": two ends
        end_first = m.end(number(m, "y1"))
        return [(pre.start, end_first, periods.fiscal_year(first), pre.mod),
                (m.start(number(m, "y2")), m.end(), periods.fiscal_year(last), None)]
    return []


def _full_year(digits: str, ctx: Context) -> int:
    return int(digits) if len(digits) == 4 else two_digit_year(int(digits), ctx.ref)


RULES.add("<year>/<yy> fiscal year", rf"""
    (?<![\w$€£¥#.,/-]) {_SPANNED} \s+ (?:fiscal|financial) \s+ year\b
    """, starts.Year())(_spanned_fiscal)


@RULES.add("FY<year> Q<n>/H<n>", rf"FY\s*['’]?{_FISCAL_DIGITS} [\s-]* (?:Q{QN}|H{HN})\b", starts.Word("FY"))
def _fiscal_part_code(m: RuleMatch, ctx: Context) -> list[Found]:
    """"FY2024 Q3", "Q3 FY24", "H1 fiscal 2025": a quarter or half of a fiscal year."""
    digits = group(m, "glued")
    y = int(digits) if digits else two_digit_year(int(group(m, "yy")), ctx.ref)
    unit, n = ("quarter", int(group(m, "qn"))) if group(m, "qn") else ("half", int(group(m, "hn")))
    if glued(ctx.text, m.start()):
        return []
    pre = prefix(ctx, m.start(), PART_PREFIX)
    return [(pre.start, m.end(), periods.fiscal_part(y, unit, n), pre.mod)]


RULES.add("Q<n>/H<n> FY<year>", rf"(?:Q{QN}|H{HN}) \s* (?:of\s+)? {_FISCAL}{_FISCAL_DIGITS}",
          starts.Code("QH"))(_fiscal_part_code)


@RULES.add("fiscal <year>", rf"""
    (?: (?:[Ff]iscal(?:\s+[Yy]ear)?|[Ff]inancial\s+[Yy]ear)\s+{YEAR} | FY\s*['’]?{YEAR_GLUED}
      | (?:[Ff]iscal\s+['’]|FY\s*['’]?){YY} )
    """, starts.Word("fiscal", "FY"), starts.Word("financial", when=_year_word_follows))
def _fiscal(m: RuleMatch, ctx: Context) -> list[Found]:
    digits = group(m, "year") or group(m, "glued")
    y = int(digits) if digits else two_digit_year(int(group(m, "yy")), ctx.ref)
    pre = prefix(ctx, m.start(), PERIOD_PREFIX)
    return [(pre.start, m.end(), periods.fiscal_year(y), pre.mod)]


RULES.add("<year> fiscal year", rf"{YEAR} \s+ (?:fiscal|financial)\s+year\b", starts.Year())(_fiscal)


def _explicit_year(m: RuleMatch, ctx: Context) -> int | None | bool:
    """The year written with a quarter/half: a number, "this/last/next year"; False if none."""
    if group(m, "year"):
        return int(group(m, "year"))
    if group(m, "glued"):
        return int(group(m, "glued"))
    if group(m, "yy"):
        return two_digit_year(int(group(m, "yy")), ctx.ref)
    if group(m, "fyear"):  # "the first quarter of the 2025 financial year"
        return int(group(m, "fyear"))
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
        if word == "last" and _explicit_year(m, ctx) is False and not group(m, "yearrel"):  # "the last quarter"
            pre = prefix(ctx, m.start(), PERIOD_PREFIX)
            return [(pre.start, m.end(), periods.relative_unit(ctx.ref, unit, -1), pre.mod)]
        n = count if word in LAST_PART_WORDS else ORDINALS.get(word, 0)
    if not 1 <= n <= count or (group(m, "qn") and glued(ctx.text, m.start())):
        return []
    pre = prefix(ctx, m.start(), PERIOD_PREFIX if not digit else PART_PREFIX)
    end = m.end()
    y = _explicit_year(m, ctx)
    if group(m, "unit") and group(m, "year") and plural_noun_next(ctx.text, end) and "of" not in ctx.text[
            m.end(number(m, "unit")):m.start(number(m, "year"))]:
        end, y = m.end(number(m, "unit")), False  # "in the third quarter 2000 workers left": no year
    elif group(m, "fiscal") or group(m, "fiscalrel") or group(m, "fyear"):  # "the third quarter of fiscal 2024"
        return [(pre.start, end, periods.fiscal_part(y if isinstance(y, int) else None, unit, n), pre.mod)]
    if y is False and word_before(ctx.text, m.start()) in ("fiscal", "financial"):  # "its fiscal fourth quarter"
        start = ctx.text.rfind(" ", 0, m.start() - 1) + 1
        fiscal = fiscal_calendar(ctx) if ctx.ref is not None else None
        way = direction(ctx, start)
        fy = None if ctx.ref is None else fiscal_year_of_part(fiscal, ctx.ref, n, months_per_part, way) \
            if fiscal is not None else reported_fiscal_year(ctx.ref, n, months_per_part, way)
        return [(start, end, periods.fiscal_part(fy, unit, n), None)]
    if y is False and ctx.ref is not None and (fiscal := fiscal_calendar(ctx)) is not None:
        # "fourth-quarter profit" from a company whose year ended March 31: its fiscal quarter; but
        # a past event in a fiscal quarter still under way is in the calendar's ("grew 11% in the
        # third quarter", told in November of a year to March)
        if not part_under_way(fiscal, ctx.ref, n, months_per_part) \
                or _calendar_part_under_way(ctx.ref, n, months_per_part) \
                or not (past_before(ctx, pre.start) or past_after(ctx, end)):
            fy = fiscal_year_of_part(fiscal, ctx.ref, n, months_per_part, direction(ctx, pre.start))
            return [(pre.start, end, periods.fiscal_part(fy, unit, n), pre.mod)]
        y = latest_part(ctx.ref, n, months_per_part, "past")
    if y is False:
        way = direction(ctx, pre.start) if ctx.ref else None
        if way == "future" and ctx.ref is not None and word_before(ctx.text, pre.start) == "for" \
                and 1 <= (ctx.ref.month - n * months_per_part) % 12 <= 2:
            way = "past"  # "will pay a dividend for the second quarter" in August: the quarter just ended
        y = latest_part(ctx.ref, n, months_per_part, way) if ctx.ref else None
    period = periods.quarter(y, n) if unit == "quarter" else periods.half(y, n)
    return [(pre.start, end, period, pre.mod)]


def _calendar_part_under_way(ref: date, n: int, months_per_part: int) -> bool:
    """Whether the latest calendar part `n` begun by ref has not ended by ref's month."""
    first_month = (n - 1) * months_per_part + 1
    return first_month <= ref.month <= first_month + months_per_part - 1


@RULES.add("<n>Q<yy>", rf"{QN} Q \s* (?:{YEAR}|'?{YY})", starts.Digits("Q"))
def _quarter(m: RuleMatch, ctx: Context) -> list[Found]:
    return _part_of_year(m, ctx, "quarter", 3)


RULES.add("<year> Q<n>", rf"{YEAR} \s* Q{QN}\b", starts.Year())(_quarter)
RULES.add("Q<n> <year>", rf"Q{QN} (?:\s*(?:of\s+)?{YEAR}|\s*['’]{YY})? \b", starts.Code("Q"))(_quarter)
RULES.add("the <ordinal> quarter [of <year>]", rf"""
    {ORDINAL_PART} [\s-]+ (?P<unit>quarter\b (?!-century)|qtr\b) (?:{PART_YEAR})? {NOT_OF_OTHER}
    """, starts.Digits("stnr"), starts.Lead(PART_ORDINALS, reads=["quarter", "qtr"]))(_quarter)


@RULES.add("the <month>-<month> quarter", rf"""
    {MONTH} \s*[-–]\s* (?P<tomonth>{ANY_MONTH})\.? (?:\s+(?P<midyear>{YEAR_DIGITS}))? [\s-]+ quarter\b
    (?:\s+of\s+{YEAR})?
    """, starts.Name(MONTHS, next="-–"))
def _months_quarter(m: RuleMatch, ctx: Context) -> list[Found]:
    """"the October-December quarter", "the Jan-Mar quarter of 2024": one calendar quarter ("the
    November-January quarter" is a fiscal quarter: its months stay months)."""
    return _months_period(m, ctx, halves=False)


@RULES.add("the <month> quarter", rf"""
    {MONTH} \s+ (?P<unit>quarter|half)\b (?!-) (?:\s+of\s+{YEAR})?
    """, starts.Name(MONTHS, next="qh"))
def _month_quarter(m: RuleMatch, ctx: Context) -> list[Found]:
    """"the September quarter", "the June half" (as Australian companies report): the calendar
    quarter or half that ends in that month; another month's ("the November quarter") is a
    fiscal one, whose month stays a month."""
    last, months_per_part = month_number(m), 3 if group(m, "unit").lower() == "quarter" else 6
    if last % months_per_part:
        return []
    return _calendar_part(m, ctx, last // months_per_part, months_per_part, group(m, "year"))


@RULES.add("<month>-<month>", rf"""
    {MONTH} \s*[-–]\s* (?P<tomonth>{ANY_MONTH})\.? (?:\s+(?P<midyear>{YEAR_DIGITS}))? (?![\s-]+quarter\b)
    """, starts.Name(MONTHS, next="-–"))
def _months_part(m: RuleMatch, ctx: Context) -> list[Found]:
    """"January-June", "Jul-Dec 2023": the half (or quarter) those months make up; other ranges
    ("January-September") are no period of their own, and their months stay months."""
    return _months_period(m, ctx, halves=True)


def _months_period(m: RuleMatch, ctx: Context, halves: bool) -> list[Found]:
    """The calendar quarter (or, with `halves`, half) that the range of months makes up; else none."""
    first, last = month_number(m), MONTHS[group(m, "tomonth").rstrip(".").lower()]
    if halves and (first == 1 and last == 6 or first == 7 and last == 12):
        part, months_per_part = last // 6, 6
    elif first % 3 == 1 and last == first + 2:
        part, months_per_part = last // 3, 3
    else:
        return []
    return _calendar_part(m, ctx, part, months_per_part, group(m, "midyear") or group(m, "year"))


def _calendar_part(m: RuleMatch, ctx: Context, part: int, months_per_part: int, named: str | None) -> list[Found]:
    """The match as calendar quarter or half `part`, of the year `named`, else the latest one."""
    pre = prefix(ctx, m.start(), PERIOD_PREFIX)
    if named:
        y: int | None = int(named)
    else:
        y = latest_part(ctx.ref, part, months_per_part, direction(ctx, pre.start)) if ctx.ref else None
    period = periods.half(y, part) if months_per_part == 6 else periods.quarter(y, part)
    return [(pre.start, m.end(), period, pre.mod)]


@RULES.add("<n>H<yy>", rf"{HN} H \s* (?:{YEAR}|'?{YY})", starts.Digits("H"))
def _half(m: RuleMatch, ctx: Context) -> list[Found]:
    return _part_of_year(m, ctx, "half", 6)


RULES.add("<year> H<n>", rf"{YEAR} \s* H{HN}\b", starts.Year())(_half)
RULES.add("H<n> <year>", rf"H{HN} \s* (?:{YEAR}|['’]?{YY})", starts.Code("H"))(_half)
RULES.add("the <ordinal> half [of <year>]", rf"""
    {ORDINAL_PART} [\s-]+ (?P<unit>half)\b (?!-) (?:{PART_YEAR})? {NOT_OF_OTHER}
    """, starts.Digits("stnr"), starts.Lead(PART_ORDINALS, reads=["half"]))(_half)


@RULES.add("the first <three|six> months [of <year>]", rf"""
    (?P<ordinal>[Ff]irst) \s+ (?P<months>three|six|3|6) \s+ months\b (?:{PART_YEAR})? {NOT_OF_OTHER}
    """, starts.Lead(["first"], reads=["months"]))
def _first_months(m: RuleMatch, ctx: Context) -> list[Found]:
    """"the first three months of the year" is the first quarter, "the first six months of 2024"
    the first half (the last months are no named part: "the last three months" counts back)."""
    if group(m, "months") in ("three", "3"):
        return _part_of_year(m, ctx, "quarter", 3)
    return _part_of_year(m, ctx, "half", 6)


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


@RULES.add("the nineties", rf"(?P<decword>{either_case(DECADE_WORDS)})\b (?!-)", starts.Word(*DECADE_WORDS))
def _decade_word(m: RuleMatch, ctx: Context) -> list[Found]:
    """"the nineties", "the late eighties"; without "the" a decade word is an age ("in her fifties")."""
    pre = prefix(ctx, m.start(), PERIOD_PREFIX)
    if not pre.the:
        return []
    return [(pre.start, m.end(), periods.decade(DECADE_WORDS[group(m, "decword").lower()]), pre.mod)]


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
    """A year with a cue, and the years listed after it ("between 2008 and 2010", "2019-2021"); a year as
    a clause's subject ("2009 was") or alone in parentheses ("(2010)"); else nothing."""
    text, start = ctx.text, m.start()
    first, first_end = int(group(m, "year")), m.end(number(m, "year"))
    more = listed(m, "more", LISTED_YEAR, text)
    if more and text[first_end:more[0][0]].strip() in ("-", "–") and (
            int(text[slice(*more[-1])]) <= first or plural_noun_next(text, more[-1][1])):
        more = []  # "1500-2000 workers" is a count
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
            cued = bool(END_NEXT.match(text, first_end) or _AS_A_WHOLE.match(text, first_end)
                        or word_before(text, start) in ("for", "For") and _VERB_AFTER_FOR.match(text, first_end)) \
                and not _level_around(text, start)
        elif pre.the or THE_BEFORE.search(text[max(0, start - 8):start]) \
                or _OWNER_BEFORE.search(text[max(0, start - 24):start]) and not _INDEX_NEXT.match(text, first_end):
            cued = (1900 <= first <= 2099 and bool(WORD_NEXT.match(text, first_end))
                    and not plural_noun_next(text, first_end))
        else:
            cued = bool(POSSESSIVE_NEXT.match(text, first_end)) or (
                text.startswith(",", first_end)
                and bool(SENTENCE_START.search(text[max(0, start - 8):start]))) or (
                1900 <= first <= 2099 and text[start - 1:start] == "(" and text.startswith(")", first_end)) or (
                _VERB_NEXT.match(text, first_end) is not None
                and _CLAUSE_START.search(text[max(0, start - 12):start]) is not None) or (
                1900 <= first <= 2099 and _MEASURE_NEXT.match(text, first_end) is not None
                and not any(c.isdigit() for c in word_before(text, start)))  # not "MAR-15 2024 SALES"
    if not cued:
        return []
    if not more and text[first_end:first_end + 1] in ("-", "–", "/") and (span := _SPAN_NEXT.match(text, first_end)) \
            and int(span[1]) == (first + 1) % 100 and fiscal_calendar(ctx) is not None:
        # "a surplus in 2023-24" where fiscal years end in June
        return [(first_start, span.end(), periods.fiscal_year(first + 1), pre.mod)]
    found = [(first_start, first_end, periods.year(first), pre.mod)]
    found += [(s, e, periods.year(int(text[s:e])), None) for s, e in more]
    return found


# A year that scopes a company's or a budget's figure: "expects 2025 revenue of", "sees 2026 fares up 3%".
_MEASURE_NEXT: Final = regex.compile(r"""\s+(?:(?:net|operating|pre-tax|core|full-year|annual)\s+)?
    (?:revenues?|sales|profits?|earnings|guidance|outlook|budget|fares|output|production|dividends?|results
    |targets?|spending|capex|ebitda|deficit|surplus)\b""", regex.VERBOSE | regex.IGNORECASE)
_SPAN_NEXT: Final = regex.compile(r"[-–/](\d\d)(?![\w/]|[.,:]\d)")  # "-24" after "2023": where it ends
# After a weak preposition, a year "as a whole" ("1% over 2019 as a whole"), or after "for" a year
# that a singular verb, "by" or "to" follows ("Core profit for 2019 is forecast", "cut its forecast
# for 2022 by 9%"; but "over 2000 were hired").
_AS_A_WHOLE: Final = regex.compile(r"\s+as\s+a\s+whole\b")
# "profit for 2023 was", "a 38% drop in net profit for 2023 on Thursday", "sales for 2023 rose"
_VERB_AFTER_FOR: Final = regex.compile(r"\s+(?:is|was|were|are|will|would|could|should|has|had|by|to|on|at|of|compared"
                                       r"|versus|rose|fell|grew|jumped|dropped|climbed|came)\b")
# A year that modifies a noun after a possessive, or after "the"/"a" and one adjective: "its
# 2019 inflation projection", "the draft 2020 budget", "a record 2019 profit" (the noun is
# checked after the year, as after "the").
_OWNER_BEFORE: Final = regex.compile(
    r"(?r)(?:\b(?:[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur)\s+(?:(?!\w+ly\s)[a-z]+\s+)?"
    r"|\b(?:[Tt]he|[Aa]n?)\s+(?!(?:about|some|over|under|around|almost|nearly|roughly|estimated|total|mere|further"
    r"|extra|additional|another|other|first|last|next|remaining|\w+ly)\s)[a-z]+\s+)\Z")
_INDEX_NEXT: Final = regex.compile(r"\s+ind(?:ex|ices|exes)\b", regex.IGNORECASE)  # "the Russell 2000 index"
# A year as a clause's subject: "2009 was a hard year", "... and 2010 proved worse". Singular
# verbs only: "2000 were hired" is a count.
_VERB_NEXT: Final = regex.compile(r"""\s+(?:was|is|has\s+been|had\s+been|will\s+be|saw|marked|brought|proved
                                          |became|began|ended|looks|promises)\b""", regex.VERBOSE)
_CLAUSE_START: Final = regex.compile(r"(?r)(?:\A|[.!?]\s+|\n|[;:]\s+|\b(?:and|but|while|whereas|although)\s+)\s*[\"“]?\Z")
# Words before "around" that make the number after it a level or a price ("closed around 2100.").
_LEVEL_WORDS: Final = frozenset({"at", "to", "of", "is", "was", "are", "were", "be", "closed", "hovered", "stood",
                                 "traded", "cost", "costs", "priced", "fell", "rose", "reached", "hit", "near"})


def _level_around(text: str, start: int) -> bool:
    """Whether the year at `start` follows "around" after a word that makes it a level."""
    return word_before(text, start) == "around" and word_before(text, start - len("around ")) in _LEVEL_WORDS
