"""English calendar vocabulary for the date rules: plain tables, no logic.

Keys are lower-case surface forms; `extractors.dates` builds its patterns and anchors from them.
"""
from __future__ import annotations

# Month names and abbreviations -> month number. Matched capitalized (or all caps), so the
# modal "may" and the verb "march" never read as months.
MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10,
    "november": 11, "nov": 11, "december": 12, "dec": 12,
}

# Full month names that may stand alone ("in October", "their January sales"). "May" is
# left out: alone it is far more often the modal verb or a name.
STANDALONE_MONTHS: tuple[str, ...] = (
    "january", "february", "march", "april", "june", "july", "august", "september",
    "october", "november", "december",
)

# Weekday names -> ISO weekday number (Monday = 1).
WEEKDAYS: dict[str, int] = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5,
    "saturday": 6, "sunday": 7,
}

# Weekday abbreviations -> ISO weekday number; read as weekdays only where the context says so
# ("on Thu", "Wed, Aug 13"): alone, "Sun", "Sat", "Wed" and "Mon" are other words.
SHORT_WEEKDAYS: dict[str, int] = {
    "mon": 1, "tue": 2, "tues": 2, "wed": 3, "weds": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5,
    "sat": 6, "sun": 7,
}
# Those that are also English words ("wed", "sat", "sun", "mon" as in "c'mon"): a weekday only
# where a word before or a date after says so ("on Sat", "Sun, Aug 3").
AMBIGUOUS_SHORT_WEEKDAYS: frozenset[str] = frozenset({"mon", "wed", "sat", "sun"})

# Words that turn a weekday into a named day that is not the nearest such weekday.
WEEKDAY_NAME_PREFIXES: tuple[str, ...] = (
    "black", "cyber", "good", "easter", "ash", "super", "blue", "bloody", "maundy", "holy",
    "giving", "shrove", "fat", "whit", "palm",
)

# Seasons -> (TIMEX3 code, first month). A season of year Y runs three months from that
# month of Y (winter Y: December Y to March Y+1).
SEASONS: dict[str, tuple[str, int]] = {
    "spring": ("SP", 3), "summer": ("SU", 6), "autumn": ("FA", 9), "fall": ("FA", 9),
    "winter": ("WI", 12),
}

# Ordinal words for quarters, halves, centuries -> number.
ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
    "4th": 4, "fifth": 5, "5th": 5, "sixth": 6, "6th": 6, "seventh": 7, "7th": 7,
    "eighth": 8, "8th": 8, "ninth": 9, "9th": 9, "tenth": 10, "10th": 10,
    "eleventh": 11, "11th": 11, "twelfth": 12, "12th": 12, "thirteenth": 13, "13th": 13,
    "fourteenth": 14, "14th": 14, "fifteenth": 15, "15th": 15, "sixteenth": 16, "16th": 16,
    "seventeenth": 17, "17th": 17, "eighteenth": 18, "18th": 18, "nineteenth": 19,
    "19th": 19, "twentieth": 20, "20th": 20, "twenty-first": 21, "21st": 21,
    "twenty-second": 22, "22nd": 22,
}

# Ordinal words for the days of a month: "the third of June", "March first", "the twenty-first".
DAY_ORDINALS: dict[str, int] = {
    **{w: n for w, n in ORDINALS.items() if w.isalpha() and n <= 20},
    **{f"twenty-{w}": 20 + n for w, n in ORDINALS.items() if w.isalpha() and n <= 9},
    "thirtieth": 30, "thirty-first": 31,
}

# Small counts for "<count> <unit>s ago".
COUNT_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}

# Part-of-period words -> mod: "early June", "mid-2026", "the end of this year".
PART_OF_PERIOD: dict[str, str] = {
    "early": "start", "the start of": "start", "the beginning of": "start",
    "the early part of": "start", "mid": "mid", "the middle of": "mid", "late": "end",
    "the end of": "end", "the close of": "end", "the latter part of": "end",
    "end of": "end", "start of": "start", "beginning of": "start",  # "due end of the month"
}

# Words right before a span that give its mod ("by 2030" -> on_or_before). Not in the span.
SIGNAL_MODS: dict[str, str] = {
    "by": "on_or_before", "no later than": "on_or_before", "since": "since",
    "before": "before", "prior to": "before", "ahead of": "before", "after": "after",
    "around": "approx", "about": "approx", "circa": "approx", "approximately": "approx",
    "roughly": "approx",
}

# Relative words -> offset in units of the following period: "last year" -> -1.
RELATIVE_OFFSETS: dict[str, int] = {
    "last": -1, "past": -1, "previous": -1, "prior": -1, "this": 0, "current": 0,
    "next": 1, "coming": 1, "following": 1,
}

# Days relative to the reference date.
DAY_WORDS: dict[str, int] = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}

# Prepositions that make a bare 4-digit number a year ("in 2022", "by 2030").
YEAR_PREPOSITIONS: tuple[str, ...] = (
    "in", "by", "since", "from", "until", "till", "before", "after", "during", "between",
    "through", "throughout", "as of", "as early as", "as late as", "circa", "ahead of",
    "prior to", "beyond", "starting", "starting in", "beginning in", "ending in",
    "in around", "since around", "from around", "until around", "by around",
    "ended", "began", "finished", "entered",  # "the trust ended 2024 with a deficit"
)

# Words before a weekday's abbreviation that make it one ("on Thu", "next Tues"; alone, "Sun" and
# "Wed" are other words), and before a numeric date without a year ("on 6/17", not "3/4 of").
DATE_CUES: frozenset[str] = frozenset({
    "on", "by", "until", "till", "since", "before", "after", "from", "through", "thru", "due", "dated",
    "effective", "starting",
})

# Prepositions that make a year only when nothing word-like follows it ("loss of 2007.").
WEAK_YEAR_PREPOSITIONS: tuple[str, ...] = ("of", "for", "to", "than", "over", "around")

# Words naming a quarter or half of a year: "the third quarter", "the latter half".
PART_ORDINALS: tuple[str, ...] = (
    "first", "second", "third", "fourth", "final", "last", "latter", "1st", "2nd", "3rd", "4th",
)
# Of those, the ones naming the last part whatever the count.
LAST_PART_WORDS: tuple[str, ...] = ("final", "last", "latter")

# Words that make the unit after them relative ("last year", "this past week"; also capitalized) ...
RELATIVE_WORDS: tuple[str, ...] = ("last", "this", "next")
# ... and those that do so only after "the" ("the previous month", "the coming year").
THE_RELATIVE_WORDS: tuple[str, ...] = ("previous", "prior", "current", "coming", "following")
# Decades in words ("the nineties", "the early eighties") -> the decade's first three digits.
# "twenties" and "tens" are left out: the 1920s or the 2020s, and "in their twenties" is an age.
DECADE_WORDS: dict[str, int] = {
    "thirties": 193, "forties": 194, "fifties": 195, "sixties": 196, "seventies": 197,
    "eighties": 198, "nineties": 199, "noughties": 200, "aughts": 200,
}
# Relative words before "decade" ("the past decade").
DECADE_RELATIVE_WORDS: tuple[str, ...] = ("past", "last", "previous", "this", "next", "coming", "current")
# Units after a relative word: "last year", "next fiscal year", "this weekend".
RELATIVE_UNITS: tuple[str, ...] = ("fiscal year", "year", "month", "week", "weekend", "quarter", "half")

# "its best week since November": the superlatives and the units they take.
SUPERLATIVES: tuple[str, ...] = ("best", "worst", "biggest", "strongest", "weakest", "busiest")
SUPERLATIVE_UNITS: tuple[str, ...] = ("day", "week", "month", "year")
# "three years ago".
AGO_UNITS: tuple[str, ...] = ("day", "week", "month", "year", "decade")
# "the same period last year".
SAME_UNITS: tuple[str, ...] = ("period", "month", "quarter", "week", "day", "time", "season", "half")

# Verbs that speak of the future and make "today" a date ("will", "is set to"); "'ll" counts as one.
FUTURE_VERBS: tuple[str, ...] = ("will", "would", "shall", "is set to")
# Words that make a sentence speak of the future: a month or weekday in it is the next one.
FUTURE_CUES: tuple[str, ...] = (
    *FUTURE_VERBS, "won't", "are set to", "set for", "slated", "scheduled", "is due", "are due", "expected to",
    "plan to", "plans to", "going to", "is to", "are to", "upcoming", "projections", "projected",
    "see you", "meet you", "let's meet", "talk to you",  # e-mail and chat: "see you tues"
)
# Past-tense verbs (besides words in -ed) and a few news verbs: "today" is then the day of the news.
PAST_VERBS: tuple[str, ...] = (
    "said", "says", "told", "fell", "rose", "lost", "won", "made", "took", "gave", "saw", "became",
    "began", "came", "went", "met", "paid", "sold", "bought", "hit", "cut", "set", "fallen", "risen",
    "grown", "shown", "known", "was", "were", "announces", "reports", "stood", "grew", "held", "kept", "spent",
)
# Words in -ed that are no past tense.
NOT_PAST_ED: tuple[str, ...] = (
    "need", "indeed", "speed", "hundred", "seed", "feed", "breed", "proceed", "exceed", "succeed",
    "greed", "embed", "bed", "red", "shed", "wed", "led",
)
