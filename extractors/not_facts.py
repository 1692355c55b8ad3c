"""Text where numbers are not facts: web and e-mail addresses ("?q=growth%2050%25" is no 2050%),
file paths, hashtags, version numbers, phone numbers, and product and reference codes.
A mention that overlaps one is dropped, whichever extractor found it.

Addresses are found over the whole text, from literal triggers ("://", "@", "www.", "%2F").
The other kinds are looked for around each mention only, and only where a cheap look at its
neighbours says it may sit in one: a character other than a space or a bracket beside it
("/var/log/2024-03-01.log", "#Q3", "v2024.10"), a number with a cue word before it ("version",
"ISBN", "flight", "tel."), or digits in the next or last word (phone numbers)."""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from typing import Final, NamedTuple

from extractors.calendar_words import MONTHS
from extractors.mentions import Mention
from extractors.numbers import SCALE_LETTERS, SCALE_WORDS

_HEX: Final = frozenset("0123456789abcdefABCDEF")
_TRIGGERS: Final = ("://", "www.", "WWW.", "@")  # found with str.find: news texts rarely hold any


class NotFact(NamedTuple):
    start: int
    end: int
    kind: str  # the name of the shape or cue that found it: "file path", "hashtag", "phone number" ...


def without_not_facts(text: str, mentions: list[Mention]) -> list[Mention]:
    """`mentions` but those that overlap an address, a path, a hashtag, a version, a phone number
    or a code in `text`."""
    return [m for m in _without_addresses(text, mentions)
            if not (_suspect(text, m.start, m.end) and not_fact_around(text, m.start, m.end) is not None)]




def _without_addresses(text: str, mentions: list[Mention]) -> list[Mention]:
    """`mentions` but those that overlap an address in `text`."""
    spans = address_spans(text)
    if not spans:
        return mentions
    starts = [lo for lo, _ in spans]
    kept = []
    for m in mentions:
        i = bisect_right(starts, m.end - 1) - 1  # the last address starting before the mention ends
        if i < 0 or spans[i][1] <= m.start:
            kept.append(m)
    return kept


def address_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of non-space characters that is an address, in text order."""
    spans: list[tuple[int, int]] = []
    done = 0  # the end of the last run looked at: each run is looked at once
    for at in sorted(_trigger_positions(text)):
        if at < done:
            continue
        lo, hi = at, at
        while lo > 0 and not text[lo - 1].isspace():
            lo -= 1
        while hi < len(text) and not text[hi].isspace():
            hi += 1
        done = hi
        if is_address(text[lo:hi]):
            spans.append((lo, hi))
    return spans


def _trigger_positions(text: str) -> list[int]:
    """Where an address may be: each trigger, and each percent-escape ("%2F")."""
    found = [at for trigger in _TRIGGERS for at in _all(text, trigger)]
    found += [at for at in _all(text, "%") if _escape_at(text, at)]
    return found


def _all(text: str, needle: str) -> Iterator[int]:
    at = text.find(needle)
    while at >= 0:
        yield at
        at = text.find(needle, at + 1)


def _escape_at(text: str, at: int) -> bool:
    """Whether text[at] is the "%" of a percent-escape such as "%2F"."""
    return text[at + 1:at + 2] in _HEX and text[at + 2:at + 3] in _HEX


def is_address(run: str) -> bool:
    """Whether a run of non-space characters is a URL, a www. address, an e-mail address, or a
    path or query written with percent-escapes."""
    if "://" in run or run.lower().lstrip("(<[\"'").startswith("www."):
        return True
    at = run.find("@")
    if at > 0 and "." in run[at + 2:].rstrip(".,;:!?)]>\"'"):
        return True
    return any(c in run for c in "/?&=") and any(_escape_at(run, at) for at in _all(run, "%"))


# --- Paths, hashtags, versions, phone numbers and codes, looked for around each mention ---

# Beside these, a mention is not inside a longer run of characters (a path, a code).
_PLAIN_BEFORE: Final = frozenset(" \t\n\r\f\v\xa0([{\"'\u201c\u2018\u00ab<")
_PLAIN_AFTER: Final = frozenset(" \t\n\r\f\v\xa0)]}\"'\u201d\u2019\u00bb>,;!?")
_DIGIT_OR_HASH: Final = frozenset("0123456789#")
_DIGITS: Final = frozenset("0123456789")
_NEAR_PHONE: Final = frozenset("0123456789)")  # the end of the word before the number: "(555) 010-2024"
_RUN_REACH: Final = 256  # a path or code longer than this on either side is read from its nearer part
_OUTER_PUNCT: Final = "\"'()[]{}<>,;:!?.\u201c\u201d\u2018\u2019\u00ab\u00bb"
_CUE_PUNCT: Final = "$#:.,()[]\"'\u201c\u201d\u2018\u2019"

# Word endings after digits that make a number, not a code: scales ("EUR5bn"), ordinals, decades.
_NUMBER_ENDINGS: Final = "|".join(sorted({*SCALE_WORDS, *(w.lower() for w in SCALE_LETTERS), "st", "nd", "rd", "th", "s",
                                          "pct", "percent", "yr", "yrs", "x"}, key=len, reverse=True))
# Capitals before a hyphen and digits that make a date, in text written in capitals ("MAR-15", "FY-2024").
_DATE_CAPITALS: Final = "|".join(sorted({*(m.upper() for m in MONTHS), "FY", "CY", "Q[1-4]", "H[12]", "MID", "PRE", "END"},
                                        key=len, reverse=True))

# Shapes a whole run of non-space characters has when it is a path, a hashtag or a code: one
# record a line, (name, pattern), tried as one alternation whose named group tells which matched.
# Each alternative splits a run one way only (segments end at their separator): backtracking stays linear.
SHAPES: Final = (
    ("file path", r"(?:[A-Za-z]:|\\|\.{1,2})\\\S*"  # "C:\Reports\2024\q3_15%.xlsx", "\\server\share"
                  r"|[^\\\s]+\\[^\\\s]+\\\S*"  # two backslashes: "reports\2024\15%.xlsx"
                  r"|(?:[^\\\s]*\\)+[^\\\s]*\.[A-Za-z][A-Za-z0-9]{0,4}"),  # a file name: "q3\15%.xlsx"
    ("file path", r"(?:~|\.{1,2})?/(?=[\w.~-]*[A-Za-z_])[\w.~-]+/\S*"  # "/var/log/2024-03-01.log", "./data/2019"
                  r"|(?:~|\.{1,2})?/\S*\.[A-Za-z][A-Za-z0-9]{0,4}"  # "/2024.log"
                  r"|(?=[\w.~-]*[A-Za-z])[\w.~-]+/\S*\.[A-Za-z][A-Za-z0-9]{0,4}"),  # "data/2019/sales.csv"
    ("hashtag", r"\#[0-9]*[A-Za-z_][\w-]*(?:['\u2019]s)?"),  # "#2024Goals", "#Q3"; "#89.7 million" is old newswire's pound
    ("version", r"[vV][0-9]+(?:\.[0-9]+)*[a-z]?"),  # "v2024.10", "v3"
    ("ip address", r"[0-9]{1,3}(?:\.[0-9]{1,3}){3}(?::[0-9]+)?"),
    # Letters, digits, letters ("A320neo", "iPhone15Pro"), but not a period code ("Q3FY24") nor a
    # number with its scale ("EUR5bn").
    ("code", rf"(?![QqHh][1-4]|[FfCc][Yy])[A-Za-z]+[0-9]+(?!(?i:{_NUMBER_ENDINGS})\b)[A-Za-z]{{2}}[\w-]*"),
    # Capitals and numbers joined by hyphens ("INC-2024-1123", "X-2000", "F-35"), but not a date
    # in capitals ("MAR-15", "FY-2024", "MID-2024").
    ("code", rf"(?!(?:{_DATE_CAPITALS})-)(?:[A-Z]{{1,5}}(?:-[0-9]+){{2,}}|[A-Z]{{1,3}}-[0-9]+[A-Za-z]*)"),
)
_SHAPE: Final = re.compile("|".join(f"(?P<s{i}>{pattern})" for i, (_, pattern) in enumerate(SHAPES)))

# Words after which the next run of characters is a code, not a number: one record a line.
CUES: Final = {
    "code": ("sku", "isbn", "issn", "ean", "upc", "gtin", "asin", "order", "invoice", "ticket", "ref",
             "reference", "serial", "model", "flight", "booking", "confirmation", "tracking", "incident"),
    "aircraft": ("boeing", "airbus", "embraer", "bombardier", "cessna", "antonov", "tupolev", "ilyushin", "sukhoi"),
    "version": ("version", "ver", "build", "firmware", "patch", "python", "ios", "ipados", "macos",
                "android", "windows", "linux", "ubuntu", "debian", "java", "chrome", "firefox", "safari"),
    "release": ("release",),  # only before a dotted number: "release 2023.3", not "release 2023 figures"
}
_CUE_KIND: Final = {word: kind for kind, words in CUES.items() for word in words}
_CONNECTORS: Final = frozenset({"no", "nr", "number", "num", "code", "id"})  # "order no. 2024-17"
# Words before a phone number: the number then needs seven digits ("Call 555-2019", "tel. 2024 5566").
PHONE_CUES: Final = ("tel", "telephone", "phone", "fax", "mobile", "cell", "hotline", "whatsapp", "call", "dial", "ring")
_PHONE_CUE_WORDS: Final = frozenset(PHONE_CUES)
_ANY_CUE: Final = frozenset({*_CUE_KIND, *_CONNECTORS, *PHONE_CUES})

# Phone numbers, found in a short window around a mention that has digits in a neighbouring word.
_PHONE: Final = re.compile(rf"""
    (?P<cue>(?i:\b(?:{"|".join(PHONE_CUES)})\b)\.?:?[ \t]*)
        (?P<number>[+(]?[0-9][0-9() .-]{{3,20}}[0-9])                  # "tel. 2024 5566", "Call 555-2019"
  | \+[0-9]{{1,3}}(?:[ .-]?\([0-9]{{1,4}}\))?(?:[ .-]?[0-9]{{2,4}}){{2,5}}\b  # "+1 (555) 010-2024", "+44 20 7946 0958"
  | \([0-9]{{3}}\)[ .-]?[0-9]{{3}}[ .-][0-9]{{4}}\b                       # "(555) 010-2024"
  | \b(?:1[ .-])?[0-9]{{3}}[.-][0-9]{{3}}[.-][0-9]{{4}}\b                 # "555-010-2024", "1-800-555-2020"
  | \b0[0-9]{{1,4}}[ ][0-9]{{3,4}}[ ][0-9]{{3,4}}\b                       # "020 7946 0958"
""", re.VERBOSE)
_PHONE_REACH: Final = 40


def _suspect(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] may sit in a path, hashtag, version, phone number or code: a cheap
    look at its neighbours, which most mentions pass ("March 3, 2024", "rose 5%", "$110 million")."""
    if start and text[start - 1] not in _PLAIN_BEFORE:
        return True
    after = text[end:end + 1]
    if after and after not in _PLAIN_AFTER and not _plain_after(text, end):
        return True
    if text[start] not in _DIGIT_OR_HASH:
        return False
    if start >= 2 and text[start - 2] in _NEAR_PHONE or text[end:end + 1] == " " and text[end + 1:end + 2] in _DIGITS:
        return True  # digits in the word before or after: "(555) 010-2024", "tel. 2024 5566"
    j = start - 1
    if j < 1 or text[j] != " ":
        return False
    return text[text.rfind(" ", max(0, j - 17), j) + 1:j].strip(_CUE_PUNCT).lower() in _ANY_CUE


def not_fact_around(text: str, start: int, end: int) -> NotFact | None:
    """The path, hashtag, version, phone number or code that text[start:end] overlaps, if any
    (addresses aside: see address_spans)."""
    plain = _plain_before(text, start) and _plain_after(text, end)
    if plain and text[start:start + 1] not in _DIGIT_OR_HASH:
        return None
    lo, hi = _run(text, start, start + 1)
    found = None if plain else _shape(text, lo, hi)
    if found is None and not plain and hi < end:  # a mention across a space: "Q3 2024" in "C:\Data\Q3 2024\q.xlsx"
        found = _shape(text, *_run(text, end - 1, end))
    if found is None:
        found = _cued(text, lo, hi)
    if found is None and _digits_beside(text, start, end):
        found = _phone(text, start, end)
    return found


def _plain_before(text: str, start: int) -> bool:
    """Whether text[start] starts a plain word: after a space or an opening mark."""
    return start == 0 or text[start - 1] in _PLAIN_BEFORE


def _plain_after(text: str, end: int) -> bool:
    """Whether text[end] ends a plain word: a space, a closing mark, or "." or ":" before a space."""
    after = text[end:end + 1]
    if not after or after in _PLAIN_AFTER:
        return True
    if after == "." or after == ":":
        following = text[end + 1:end + 2]
        return not following or following in _PLAIN_AFTER
    return False


def _run(text: str, start: int, end: int) -> tuple[int, int]:
    """The run of non-space characters around text[start:end] (at most _RUN_REACH more each side)."""
    lo, floor = start, max(0, start - _RUN_REACH)
    while lo > floor and not text[lo - 1].isspace():
        lo -= 1
    hi, ceiling = end, min(len(text), end + _RUN_REACH)
    while hi < ceiling and not text[hi].isspace():
        hi += 1
    return lo, hi


def _trimmed(text: str, lo: int, hi: int) -> tuple[int, int]:
    """lo, hi without the quotes, brackets and sentence marks around a run."""
    while lo < hi and text[lo] in _OUTER_PUNCT and text[lo] != ".":
        lo += 1
    while hi > lo and text[hi - 1] in _OUTER_PUNCT:
        hi -= 1
    return lo, hi


def _shape(text: str, lo: int, hi: int) -> NotFact | None:
    """The run text[lo:hi] as a path, hashtag, version or code, if it is one."""
    lo, hi = _trimmed(text, lo, hi)
    m = _SHAPE.fullmatch(text, lo, hi)
    if m is None or m.lastgroup is None:
        return None
    return NotFact(m.start(), m.end(), SHAPES[int(m.lastgroup[1:])][0])


def _cued(text: str, lo: int, hi: int) -> NotFact | None:
    """The run text[lo:hi] as a code, if a cue word comes right before it ("ISBN 978-...", "order
    #12-2024", "order no. 17", "Python 3.11")."""
    kind, word_end = None, lo
    for _ in range(2):  # the word before, or the one before "no."
        word_start, word = _word_before(text, word_end)
        kind = _CUE_KIND.get(word)
        if kind is not None or word not in _CONNECTORS:
            break
        word_end = word_start
    if kind is None:
        return None
    lo, hi = _trimmed(text, lo, hi)
    token = text[lo:hi]
    if not any(c in _DIGITS for c in token):
        return None
    if kind == "release" and "." not in token:
        return None
    return NotFact(lo, hi, kind)


def _word_before(text: str, at: int) -> tuple[int, str]:
    """(start, the word before text[at] without its marks, lower-cased); at must follow a space."""
    if at < 2 or not text[at - 1].isspace():
        return at, ""
    j = at - 1
    while j > 0 and text[j - 1].isspace() and at - j < 4:
        j -= 1
    k = j
    while k > 0 and not text[k - 1].isspace() and j - k < 16:
        k -= 1
    return k, text[k:j].strip(_CUE_PUNCT).lower()


def _digits_beside(text: str, start: int, end: int) -> bool:
    """Whether a phone number may go on from the mention: it starts or ends with a digit, and the
    word before or after it has digits, or a "-", "+", "(" or ")" joins them, or a phone cue
    word comes right before it."""
    if text[start:start + 1] not in _DIGITS and text[end - 1:end] not in _DIGITS:
        return False
    before, after = text[start - 1:start] if start else "", text[end:end + 1]
    if before in ("+", "(", "-", ".") or after in ("-", ".", ")"):
        return True
    if before == " " and start >= 2 and text[start - 2] in _NEAR_PHONE:
        return True
    return after == " " and text[end + 1:end + 2] in _DIGITS or _word_before(text, start)[1] in _PHONE_CUE_WORDS


def _phone(text: str, start: int, end: int) -> NotFact | None:
    """The phone number that text[start:end] overlaps, if any."""
    lo, hi = max(0, start - _PHONE_REACH), min(len(text), end + _PHONE_REACH)
    for m in _PHONE.finditer(text, lo, hi):
        if m.end() <= start:
            continue
        if m.start() >= end:
            return None
        if m.group("cue") is None:
            return NotFact(m.start(), m.end(), "phone number")
        number_start, number_end = m.span("number")
        if number_end > start and sum(c in _DIGITS for c in text[number_start:number_end]) >= 7:
            return NotFact(number_start, number_end, "phone number")
    return None
