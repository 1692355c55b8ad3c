"""Date rules for holidays: the fixed and movable feasts and public holidays of the main
English-speaking markets (US, UK, Canada, Australia, Ireland, New Zealand), as their day.

The days are the `holidays` package's, computed when first needed: each holiday is keyed by the
name its English calendars give it, and CALENDARS says which country's (subdivision's) calendar
has it; the calendar of a year is built once and kept. The package is imported only then (it
costs more to import than the date scan takes on a document). The two days no calendar names
are counted from one that does (DERIVED: Cyber Monday, Palm Sunday). The package follows each
day's history ("Memorial Day 1968" is May 30, "Thanksgiving 1941" November 20). Our part is the
English phrasings ("Christmas", "MLK Day", "Black Friday") and when a name is a date:

- A name ending in a day word ("Labor Day", "Christmas Eve", "Good Friday") names one day and is
  a date wherever it stands, as a modifier too ("a Labor Day sale", "Black Friday deals").
- A festival's bare name ("Christmas", "Easter", "Thanksgiving", "Halloween") is a date when it
  is used as a time ("before Christmas", "Easter 2024", "Christmas was quiet"), not when it
  modifies a noun: "Christmas sales", "the Christmas season" (a season is a period of no set
  length, not the day), "an Easter egg", "Thanksgiving dinner".
- No name is a date inside a longer name or title ("the Good Friday Agreement", "Christmas
  Island", "Independence Day, the film", a quoted title), after a greeting or another country's
  qualifier ("Merry Christmas", "Canada's Thanksgiving", "India's Independence Day"), or after
  "a"/"every" ("a mother's day").
- Names that differ between calendars take the US day (the largest English-language news
  market): Thanksgiving is November's fourth Thursday, Labor Day September's first Monday.
- Without a year the day is resolved as a month-day is (resolve.year_for_month_day): the
  holiday's day in the reference year, then the year that policy picks for that day. "last",
  "this", "next" before the name pick the previous, the current year's, or the next one.
  Without a reference date the value keeps what the package's days of today's rules share
  (those of _SPAN): "XXXX-12-25" for a fixed day, "XXXX-11-XX" when only the month is the same
  (Thanksgiving), "XXXX-XX-XX" for a day that moves across months with Easter.
- In a year the package has no day for (before its calendar keeps the holiday, "Juneteenth"
  until 2021, or after the calendar ends) a fixed day is still that day ("Juneteenth 2019" is
  2019-06-19) and any other keeps what is sure of it ("Thanksgiving 2150" is 2150-11-XX).
  With a reference date in such a year a moving day is read as without one ("MLK Day" in 1980).
- "the Labor Day weekend", "the Easter weekend" are the weekend next to the day ("2025-W35-WE"):
  the one before a Monday, the one after a Thursday or Friday, the one a weekend day is in.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Final

from extractors.calendar_words import WEEKDAYS
from extractors.dates import periods, starts
from extractors.dates.context import Context, Found
from extractors.dates.matches import RuleMatch, group, number
from extractors.dates.patterns import YEAR
from extractors.dates.resolve import direction, year_for_month_day
from extractors.rules import RuleList

RULES: Final[RuleList] = RuleList()

# Name as the `holidays` package's English calendars write it -> the (country, subdivision) whose
# calendar has it: a main English-speaking market's where one does, else the longest-kept one.
CALENDARS: Final[dict[str, tuple[str, str | None]]] = {
    "New Year's Day": ("US", None),
    "Martin Luther King Jr. Day": ("US", None),
    "Australia Day": ("AU", None),
    "Waitangi Day": ("NZ", None),
    "Valentine's Day": ("US", None),
    "Washington's Birthday": ("US", None),
    "Saint Patrick's Day": ("US", None),
    "Mardi Gras": ("US", "LA"),
    "Ash Wednesday": ("JM", None),
    "Holy Thursday": ("US", "VI"),
    "Good Friday": ("US", None),
    "Easter Saturday": ("AU", "ACT"),
    "Easter Sunday": ("US", None),
    "Easter Monday": ("AU", None),
    "Pentecost": ("DK", None),  # no English calendar has it; Denmark's has since 1771
    "Whit Monday": ("AG", None),
    "Anzac Day": ("NZ", None),
    "Mother's Day": ("US", None),
    "Victoria Day": ("CA", None),
    "Memorial Day": ("US", None),
    "Father's Day": ("US", None),
    "Juneteenth National Independence Day": ("US", None),
    "Canada Day": ("CA", None),
    "Independence Day": ("US", None),
    "Labor Day": ("US", None),  # also Canada's; Australia's and New Zealand's differ
    "Columbus Day": ("US", None),
    "Halloween": ("US", None),
    "Veterans Day": ("US", None),
    "Remembrance Day": ("CA", None),
    "Thanksgiving Day": ("US", None),  # Canada's is October's second Monday
    "Day After Thanksgiving": ("US", "CA"),
    "Christmas Eve": ("US", None),
    "Christmas Day": ("US", None),
    "Boxing Day": ("GB", None),
    "Saint Stephen's Day": ("IE", None),
    "New Year's Eve": ("US", None),
}
# Days no calendar of the package names -> the day they are counted from, and how many days after.
DERIVED: Final[dict[str, tuple[str, int]]] = {
    "Cyber Monday": ("Thanksgiving Day", 4),
    "Palm Sunday": ("Easter Sunday", -7),
}
HOLIDAYS: Final[tuple[str, ...]] = (*CALENDARS, *DERIVED)

# Other English ways of writing them ("'", "." and "," are optional in every phrasing).
PHRASINGS: Final[dict[str, tuple[str, ...]]] = {
    "New Year's Day": ("New Year Day",),
    "Martin Luther King Jr. Day": ("Martin Luther King, Jr. Day", "Martin Luther King Day", "MLK Day"),
    "Washington's Birthday": ("Presidents' Day", "President's Day"),
    "Saint Patrick's Day": ("St. Patrick's Day",),
    "Mardi Gras": ("Shrove Tuesday", "Pancake Day"),
    "Holy Thursday": ("Maundy Thursday",),
    "Easter Saturday": ("Holy Saturday",),
    "Easter Sunday": ("Easter Day", "Easter"),
    "Pentecost": ("Whit Sunday", "Whitsunday"),
    "Anzac Day": ("ANZAC Day",),
    "Juneteenth National Independence Day": ("Juneteenth",),
    # "the Fourth of July", "July Fourth" are days of July (calendar_dates.py)
    "Labor Day": ("Labour Day",),
    "Veterans Day": ("Veterans' Day", "Veteran's Day"),
    "Thanksgiving Day": ("Thanksgiving",),
    "Day After Thanksgiving": ("Black Friday",),
    "Christmas Day": ("Christmas", "Xmas", "Xmas Day"),
    "Saint Stephen's Day": ("St. Stephen's Day",),
}

# Last words that make a phrasing name a day; a phrasing without one is a festival's name.
_DAY_WORDS: Final = frozenset({"day", "eve", "birthday", "monday", "tuesday", "wednesday", "thursday", "friday",
                               "saturday", "sunday"})


def _key(phrase: str) -> str:
    """A phrasing as the table looks it up: lower case, letters and single spaces only."""
    return " ".join("".join(c for c in phrase.lower() if c.isalnum() or c.isspace()).split())


# The package's names that nobody writes: read only in their phrasings.
_UNSAID: Final = frozenset({"Day After Thanksgiving"})
_SAID: Final = {name: ((() if name in _UNSAID else (name,)) + PHRASINGS.get(name, ())) for name in HOLIDAYS}
_NAMES: Final = {_key(p): name for name, said in _SAID.items() for p in said}
_FESTIVALS: Final = frozenset(k for k in _NAMES if k.split()[-1] not in _DAY_WORDS)


def _forms(phrase: str) -> set[str]:
    """How a phrasing is written: as in the table, in lower case, with only its first word as
    written ("Christmas day"), and in lower case but for a weekday's name, as truecase.py leaves
    a name in capitals or in lower case ("black Friday"; "a black Friday" is no date, below)."""
    first, _, rest = phrase.partition(" ")
    lower = phrase.lower()
    truecased = " ".join(w.capitalize() if w in WEEKDAYS else w for w in lower.split())
    return {phrase, lower, f"{first} {rest.lower()}".strip(), truecased}


def _regex(form: str) -> str:
    """A form as a VERBOSE pattern: any whitespace between words, "'", "." and "," optional."""
    out = []
    for c in form:
        if c == " ":
            out.append(r"\s+")
        elif c in "'’":
            out.append("['’]?")
        elif c in ".,":
            out.append(f"\\{c}?")
        else:
            out.append(c)
    return "".join(out)


_FORMS: Final = sorted({form for said in _SAID.values() for p in said for form in _forms(p)}, key=len, reverse=True)
HOLIDAY: Final = rf"(?P<holiday>{'|'.join(map(_regex, _FORMS))})(?![\w'’-])"


# ---- the days, from the `holidays` package

# The years a day without a year is read over: today's rules (Veterans Day was in October in
# 1971-1977, Memorial Day was May 30 until 1970), every weekday and Easter date in them.
_SPAN: Final = range(2000, 2040)
_BUILT: Final[dict[tuple[str, str | None, int], dict[str, date]]] = {}  # (country, subdivision, year) -> name -> day
_WITHOUT_YEAR: Final[dict[str, str]] = {}  # name -> "XXXX-12-25", "XXXX-11-XX", "XXXX-XX-XX"


def _calendar(country: str, subdiv: str | None, year: int) -> dict[str, date]:
    """The days a calendar of the package names in a year (none outside the years it keeps),
    built on first need; every category (Halloween is "unofficial"), in US English where it has it."""
    days = _BUILT.get((country, subdiv, year))
    if days is None:
        import holidays  # here, not at the top: only text that names a holiday pays for it

        kind = getattr(holidays, country)
        language = "en_US" if "en_US" in kind.supported_languages else None
        calendar = holidays.country_holidays(country, subdiv=subdiv, years=year,
                                             categories=kind.supported_categories, language=language)
        days = {}
        for day, names in sorted(calendar.items()):
            for name in names.split("; "):  # the package joins the names of one day with "; "
                days.setdefault(name, day)
        _BUILT[(country, subdiv, year)] = days
    return days


def day_in(name: str, year: int) -> date | None:
    """The holiday's day in `year` as the package gives it, None in a year it has no such day."""
    if name in DERIVED:
        base, offset = DERIVED[name]
        day = day_in(base, year)
        return day + timedelta(days=offset) if day else None
    country, subdiv = CALENDARS[name]
    return _calendar(country, subdiv, year).get(name)


def without_year(name: str) -> str:
    """The value of the day without its year: what all its days of _SPAN share."""
    value = _WITHOUT_YEAR.get(name)
    if value is None:
        month_days = {(d.month, d.day) for d in (day_in(name, y) for y in _SPAN) if d}
        months = {month for month, _ in month_days}
        if len(month_days) == 1:
            value = "XXXX-{:02d}-{:02d}".format(*month_days.pop())
        else:
            value = f"XXXX-{months.pop():02d}-XX" if len(months) == 1 else "XXXX-XX-XX"
        _WITHOUT_YEAR[name] = value
    return value


def _day(name: str, year: int) -> date | None:
    """The holiday's day in `year`: the package's, else a fixed day's ("Juneteenth 2019")."""
    day = day_in(name, year)
    if day is not None:
        return day
    value = without_year(name)
    fixed = None if "X" in value[4:] else periods.day(year, int(value[5:7]), int(value[8:]))
    return fixed.start if fixed else None


def _in_year(name: str, year: int) -> periods.Period:
    """The holiday in a year the text gives: its day, else what is sure of it ("2150-11-XX")."""
    day = _day(name, year)
    return periods.day_of(day) if day else periods.Period(f"{year:04d}{without_year(name)[4:]}", "day")


# ---- where a name stands as a date (see the module docstring)

# Words after a festival's name that keep it a time ("Christmas was", "Easter morning"); any
# other lower-case word makes it a modifier ("Christmas sales").
_STILL_A_TIME: Final = frozenset({
    "is", "was", "will", "would", "and", "or", "but", "nor", "this", "that", "last", "next", "when", "as", "to",
    "in", "on", "at", "for", "with", "from", "by", "until", "till", "through", "are", "were", "has", "had",
    "have", "falls", "fell", "comes", "came", "itself", "again", "too", "already", "which", "so", "because",
    "if", "while", "after", "before", "since", "a", "an", "the", "its", "their", "his", "her", "our", "morning",
    "afternoon", "evening", "night", "eve", "day", "approaches", "approached", "arrives", "arrived", "nears",
    "neared", "rolls", "saw", "sees", "brought", "brings", "could", "can", "may", "might", "should", "must",
    "being", "been", "be", "not", "approaching", "each", "every", "than", "where", "who", "we", "they", "he",
    "she", "it", "i", "you", "there", "then", "also", "still", "just", "only", "even", "holiday", "weekend",
})
# Capitalized words right before a name that leave it a date (a sentence's first word, "US").
_CAPITAL_BEFORE_OK: Final = frozenset({
    "on", "by", "before", "after", "since", "until", "till", "over", "at", "for", "during", "around", "ahead",
    "from", "through", "of", "and", "or", "the", "this", "last", "next", "in", "about", "until", "but", "so",
    "us", "u.s.", "american", "america's", "christmas", "new", "all", "every", "that", "as", "then", "when",
    "like", "following",
})
_AN_INSTANCE: Final = frozenset({"a", "an", "every", "each", "one", "any"})
_RELATIVE: Final = {"last": -1, "this": 0, "next": 1}
_TITLE_NOUNS: Final = ("film", "movie", "song", "album", "novel", "book", "show", "series", "sequel", "play")
_QUOTES: Final = "\"'“”‘’«»"
_WEEKEND_NEXT: Final = re.compile(r"[^\S\n]+weekend\b")


def _word_before(text: str, start: int) -> str:
    """The word right before `start` across one space, as written ("" after a sentence's end or
    other punctuation)."""
    if start < 2 or text[start - 1] != " " or text[start - 2] in ".!?,;:()\"“”" or text[start - 2].isspace():
        return ""
    return text[max(0, start - 24):start - 1].rsplit(None, 1)[-1]


def _next_word(text: str, end: int) -> str:
    """The word right after `end` across one space, as written, without the punctuation after it."""
    if text[end:end + 1] != " ":
        return ""
    rest = text[end + 1:end + 25].split(None, 1)
    return rest[0].rstrip(".,;:!?)\"”’'") if rest else ""


def _is_title(text: str, start: int, end: int, before: str) -> bool:
    """A quoted name, or one a title noun stands beside ("Independence Day, the film", "the movie
    Halloween", "Independence Day, a 1996 movie")."""
    if start and end < len(text) and text[start - 1] in _QUOTES and text[end] in _QUOTES:
        return True
    after = text[end:end + 40].lower().replace(",", " ").split()[:3]
    return before.lower() in _TITLE_NOUNS or (
        after[:1] in (["the"], ["a"]) and any(w.strip(".;:") in _TITLE_NOUNS for w in after[1:]))


def _stands_as_date(text: str, start: int, end: int, key: str) -> bool:
    before = _word_before(text, start)
    low = before.lower()
    if low.endswith(("'s", "’s", "s'", "s’")) and low not in _CAPITAL_BEFORE_OK:
        return False  # "Canada's Thanksgiving", "Tuesday's Christmas sales"
    if before[:1].isupper() and low not in _CAPITAL_BEFORE_OK:
        return False  # "Merry Christmas", "Mexican Independence Day"
    if text[start].islower() and low in _AN_INSTANCE:
        return False  # "a mother's day", "a black Friday for markets"
    nxt = _next_word(text, end)
    if nxt[:1].isupper() and nxt[1:2].islower():
        return False  # "the Good Friday Agreement", "Christmas Island"
    if key in _FESTIVALS and nxt.isalpha() and nxt.islower() and nxt not in _STILL_A_TIME:
        return False  # "Christmas sales", "an Easter egg"
    return not _is_title(text, start, end, before)


# ---- where the rule starts. The scan finds its anchors with one Hyperscan pass, which calls
# back for every occurrence of a keyword, inside longer words too ("st" in "last"): a name is
# read from its last word where that is an anchor of its own ("Day", "Birthday", a weekday name,
# which truecase.py always capitalizes), two words at most after its first ("Labor Day",
# "St. Patrick's Day", "Black Friday"), else from its first word, with a test of the words
# after it where that word alone names nothing ("Martin Luther King Day").

_LEAD_ANCHORS: Final = frozenset({"day", "birthday", *WEEKDAYS})


def _squash(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalnum())


class _FollowedBy:
    """A Word's `when`: the letters and digits after the word start one of the continuations
    (spaces, "'", "." and "," skipped, as the pattern may); maybe, when the window holds too few."""

    __slots__ = ("prefixes", "size")

    def __init__(self, continuations: set[str]) -> None:
        self.prefixes = tuple(sorted({c[:4] for c in continuations}))
        self.size = min(map(len, self.prefixes))

    def __call__(self, text: str, start: int, end: int) -> bool:
        rest = _squash(text[end:end + 40])
        return len(rest) < self.size or rest.startswith(self.prefixes)


def _lead_forms(word: str) -> set[str]:
    """A first word as the scan reads it before an anchor (lower case): with or without its
    dot and apostrophe, the apostrophe straight or curly."""
    word = word.lower().rstrip(",")
    forms = {word, word.rstrip("."), word.replace("'", ""), word.replace("'", "’")}
    return forms | {f.rstrip(".") for f in forms}


def _starts() -> tuple[object, ...]:
    """The starts of the holiday rule, derived from the phrasings."""
    leads: dict[str, set[str]] = {}  # anchor -> lead words
    continuations: dict[str, set[str]] = {}  # keyword -> what follows it in a phrasing
    for said in _SAID.values():
        for phrase in said:
            words = phrase.split()
            anchor, first = words[-1].lower(), words[0]
            if first == "New":
                leads.setdefault("years", set()).add("new")  # "New Years Eve": "year" reads "year's"
                leads.setdefault("year", set()).add("new")
            elif 1 < len(words) <= 3 and anchor in _LEAD_ANCHORS:
                leads.setdefault(anchor, set()).update(_lead_forms(first))
            else:
                squashed = _squash(phrase)
                for word in {first.lower().split("'")[0], _squash(first)}:
                    continuations.setdefault(word, set()).add(squashed[len(word):])
    word_starts = [starts.Word(word, when=None if "" in rest else _FollowedBy(rest))
                   for word, rest in sorted(continuations.items())]
    lead_starts = [starts.Lead(sorted(firsts), reads=(anchor,)) for anchor, firsts in sorted(leads.items())]
    return (*word_starts, *lead_starts)


_STARTS: Final = _starts()


@RULES.add("<holiday> [<year>]", rf"{HOLIDAY} (?:(?:\s*,\s*|\s+(?:of\s+)?) {YEAR})?", *_STARTS)
def _holiday(m: RuleMatch, ctx: Context) -> list[Found]:
    text, start, name_end = ctx.text, m.start(), m.end(number(m, "holiday"))
    key = _key(group(m, "holiday"))
    if not _stands_as_date(text, start, name_end, key):
        return []
    name, year, ref = _NAMES[key], group(m, "year"), ctx.ref
    if year is not None:
        return [(start, m.end(), _in_year(name, int(year)), None)]
    weekend = _WEEKEND_NEXT.match(text, name_end)
    if weekend and _word_before(text, start) in ("the", "The"):  # "the Labor Day weekend", as "the third quarter"
        start -= 4
    relative = _RELATIVE.get(_word_before(text, start).lower())
    if relative is not None:  # "last Christmas": the span takes the word
        start = text.rfind(" ", 0, start - 1) + 1
    this_year = _day(name, ref.year) if ref else None
    if ref is None or this_year is None:  # no reference date, or a moving day in a year the package has none
        p = periods.week(None, True) if weekend else periods.Period(without_year(name), "day")
        return [(start, weekend.end() if weekend else name_end, p, None)]
    if relative is None:
        y = year_for_month_day(ref, this_year.month, this_year.day, direction(ctx, start))
    elif relative < 0:
        y = ref.year if this_year < ref else ref.year - 1
    else:
        y = ref.year + 1 if relative > 0 and this_year <= ref else ref.year
    day = _day(name, y)
    if day is None:  # the year next to the reference one has no such day: what is sure of it
        return [(start, name_end, _in_year(name, y), None)]
    if weekend:  # "the Labor Day weekend": the weekend before a Monday, after a Thursday or Friday
        saturday = day + timedelta(days=(6 - day.isoweekday()) if day.isoweekday() >= 4 else -2)
        if day.isoweekday() in (1, 4, 5, 6, 7):
            return [(start, weekend.end(), periods.week(saturday, True), None)]
    return [(start, name_end, periods.day_of(day), None)]
