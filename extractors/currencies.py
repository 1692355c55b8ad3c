"""Currency vocabulary: symbols, dollar prefixes, ISO 4217 codes and currency words (data only).

Codes come from pycountry; the symbol and word tables map surface forms to those codes. A
value of None means "clearly money, country unknown" (bare "pesos", "francs").
"""
from __future__ import annotations

from decimal import Decimal
from typing import Final

import pycountry

ISO_4217: Final = frozenset(c.alpha_3 for c in pycountry.currencies)

# Codes that are also common capitalised words or company names ("ALL 3", "AMD 7 series"),
# and the funds/metals/testing codes: not read as a currency marker next to a number.
AMBIGUOUS_CODES: Final = frozenset({
    "ALL", "AMD", "BAM", "BOB", "CUP", "GEL", "MAD", "MOP", "PEN", "SOS", "TOP", "LAK", "CVE",
    "ANG", "BOV", "CHE", "CHW", "CLF", "COU", "MXV", "USN", "UYI", "UYW", "XXX", "XTS", "XSU",
    "XUA", "XBA", "XBB", "XBC", "XBD", "XAU", "XAG", "XPD", "XPT", "XDR", "XAD", "XCG",
})
MARKER_CODES: Final = ISO_4217 - AMBIGUOUS_CODES
PSEUDO_CODES: Final = {"RMB": "CNY", "NIS": "ILS", "UKP": "GBP", "STG": "GBP"}  # used by newswires

# Letters written before "$": "US$", "A$", "HK$". Multi-letter ones may stand apart ("US $5").
DOLLAR_PREFIXES: Final = {
    "US": "USD", "U.S.": "USD", "USD": "USD",
    "A": "AUD", "AU": "AUD", "AUD": "AUD",
    "C": "CAD", "CA": "CAD", "Can": "CAD", "CAD": "CAD",
    "HK": "HKD", "HKD": "HKD",
    "NZ": "NZD", "NZD": "NZD",
    "S": "SGD", "SG": "SGD", "SGD": "SGD",
    "NT": "TWD", "R": "BRL", "MX": "MXN", "Mex": "MXN",
    "J": "JMD", "TT": "TTD", "EC": "XCD", "RD": "DOP", "N": "NAD", "F": "FJD",
    "Bds": "BBD", "BZ": "BZD", "BD": "BMD", "CI": "KYD", "G": "GYD", "SI": "SBD",
}

# Symbols and abbreviations written before the number.
SYMBOLS: Final = {
    "$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "₽": "RUB", "₩": "KRW",
    "₺": "TRY", "₦": "NGN", "₱": "PHP", "₪": "ILS", "₫": "VND", "₴": "UAH", "₼": "AZN",
    "฿": "THB", "₸": "KZT", "₾": "GEL", "₵": "GHS", "৳": "BDT", "₭": "LAK", "₮": "MNT",
    "GB £": "GBP", "UK £": "GBP", "GB£": "GBP", "UK£": "GBP",
    "JP¥": "JPY", "CN¥": "CNY", "RMB¥": "CNY",
    "Rs": "INR", "Rs.": "INR", "Re": "INR", "Re.": "INR", "Rp": "IDR", "RM": "MYR",
    "KSh": "KES", "Ksh": "KES", "Dh": "AED", "Dhs": "AED", "SR": "SAR", "Tk": "BDT",
    "Fr.": "CHF", "SFr.": "CHF", "CHF": "CHF",
}
# "¥" is the yen unless the document speaks of yuan.
YUAN_CUES: Final = ("yuan", "renminbi", "rmb")

# Words written after the number ("5bn euros"), lower case; matched case-insensitively.
CURRENCY_WORDS: Final = {
    "dollar": "USD", "dollars": "USD", "bucks": "USD",
    "us dollar": "USD", "us dollars": "USD", "u.s. dollar": "USD", "u.s. dollars": "USD",
    "american dollars": "USD",
    "australian dollar": "AUD", "australian dollars": "AUD", "aussie dollars": "AUD",
    "canadian dollar": "CAD", "canadian dollars": "CAD",
    "hong kong dollar": "HKD", "hong kong dollars": "HKD",
    "new zealand dollar": "NZD", "new zealand dollars": "NZD",
    "singapore dollar": "SGD", "singapore dollars": "SGD",
    "taiwan dollars": "TWD", "new taiwan dollars": "TWD",
    "jamaican dollars": "JMD", "namibian dollars": "NAD", "fijian dollars": "FJD",
    "brunei dollars": "BND", "east caribbean dollars": "XCD",
    "euro": "EUR", "euros": "EUR",
    "pound": "GBP", "pounds": "GBP", "pounds sterling": "GBP", "sterling": "GBP",
    "british pounds": "GBP", "egyptian pounds": "EGP", "lebanese pounds": "LBP",
    "syrian pounds": "SYP", "sudanese pounds": "SDG",
    "yen": "JPY", "japanese yen": "JPY",
    "yuan": "CNY", "renminbi": "CNY", "chinese yuan": "CNY", "yuan renminbi": "CNY",
    "rupee": "INR", "rupees": "INR", "indian rupees": "INR",
    "pakistani rupees": "PKR", "sri lankan rupees": "LKR", "nepalese rupees": "NPR",
    "nepali rupees": "NPR", "mauritian rupees": "MUR",
    "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB",
    "russian roubles": "RUB", "russian rubles": "RUB", "belarusian roubles": "BYN",
    "manat": "AZN", "manats": "AZN", "azerbaijani manat": "AZN", "turkmen manat": "TMT",
    "franc": None, "francs": None, "swiss franc": "CHF", "swiss francs": "CHF",
    "cfa francs": "XOF", "congolese francs": "CDF", "rwandan francs": "RWF",
    "korean won": "KRW", "south korean won": "KRW", "north korean won": "KPW",
    "krona": "SEK", "kronor": "SEK", "swedish krona": "SEK", "swedish kronor": "SEK",
    "krone": None, "kroner": None, "danish kroner": "DKK", "danish krone": "DKK",
    "norwegian kroner": "NOK", "norwegian krone": "NOK", "icelandic kronur": "ISK",
    "danish crowns": "DKK", "swedish crowns": "SEK", "norwegian crowns": "NOK",  # as newswires write them
    "rand": "ZAR", "south african rand": "ZAR",
    "reais": "BRL", "brazilian real": "BRL", "brazilian reais": "BRL",
    "peso": None, "pesos": None, "mexican pesos": "MXN", "argentine pesos": "ARS",
    "argentinian pesos": "ARS", "philippine pesos": "PHP", "chilean pesos": "CLP",
    "colombian pesos": "COP", "uruguayan pesos": "UYU", "dominican pesos": "DOP",
    "lira": "TRY", "liras": "TRY", "turkish lira": "TRY", "turkish liras": "TRY",
    "dinar": None, "dinars": None, "iraqi dinars": "IQD", "kuwaiti dinars": "KWD",
    "jordanian dinars": "JOD", "algerian dinars": "DZD", "serbian dinars": "RSD",
    "libyan dinars": "LYD", "tunisian dinars": "TND", "bahraini dinars": "BHD",
    "dirham": "AED", "dirhams": "AED", "moroccan dirhams": "MAD", "uae dirhams": "AED",
    "riyal": "SAR", "riyals": "SAR", "saudi riyals": "SAR", "qatari riyals": "QAR",
    "rial": "IRR", "rials": "IRR", "iranian rials": "IRR", "omani rials": "OMR",
    "yemeni rials": "YER",
    "shekel": "ILS", "shekels": "ILS", "new shekels": "ILS",
    "naira": "NGN", "cedi": "GHS", "cedis": "GHS", "birr": "ETB",
    "shillings": None, "kenyan shillings": "KES", "ugandan shillings": "UGX",
    "tanzanian shillings": "TZS",
    "zloty": "PLN", "zlotys": "PLN", "zlotych": "PLN",
    "forint": "HUF", "forints": "HUF", "koruna": "CZK", "korunas": "CZK", "czech crowns": "CZK",
    "lei": "RON", "romanian lei": "RON", "moldovan lei": "MDL",
    "leva": None, "lev": None,  # BGN left ISO 4217 when Bulgaria joined the euro
    "hryvnia": "UAH", "hryvnias": "UAH", "hryvnas": "UAH", "hryvnya": "UAH",
    "tenge": "KZT", "lari": "GEL", "dram": "AMD", "drams": "AMD",
    "kyrgyz som": "KGS", "somoni": "TJS", "afghanis": "AFN",
    "ringgit": "MYR", "baht": "THB", "rupiah": "IDR", "dong": "VND", "taka": "BDT",
    "kyat": "MMK", "riel": "KHR", "tugrik": "MNT",
    # the other currencies of ISO 4217 (pycountry's names), as news writes them after a number
    "kwacha": None, "zambian kwacha": "ZMW", "malawian kwacha": "MWK", "malawi kwacha": "MWK",
    "kwanza": "AOA", "kwanzas": "AOA", "pula": "BWP", "metical": "MZN", "meticais": "MZN", "meticals": "MZN",
    "ariary": "MGA", "dalasi": "GMD", "dalasis": "GMD", "leone": "SLE", "leones": "SLE", "lilangeni": "SZL",
    "emalangeni": "SZL", "maloti": "LSL", "ouguiya": "MRU", "ouguiyas": "MRU", "nakfa": "ERN",
    "guarani": "PYG", "guaranis": "PYG", "guaranies": "PYG", "quetzal": "GTQ", "quetzales": "GTQ",
    "quetzals": "GTQ", "lempira": "HNL", "lempiras": "HNL", "boliviano": "BOB", "bolivianos": "BOB",
    "soles": "PEN", "peruvian soles": "PEN", "gourdes": "HTG", "balboas": "PAB", "colones": "CRC",
    "cordobas": "NIO", "kina": "PGK", "vatu": "VUV", "tala": "WST", "rufiyaa": "MVR", "ngultrum": "BTN",
    "patacas": "MOP", "denars": "MKD", "denari": "MKD", "leke": "ALL",
}
# Words that are money only in a document about the country: word -> ((cue, code), ...).
CONTEXT_WORDS: Final = {
    "sum": (("uzbek", "UZS"),),
    "soum": (("uzbek", "UZS"),),
    "som": (("uzbek", "UZS"), ("kyrgyz", "KGS")),
    "won": (("korea", "KRW"), ("seoul", "KRW")),  # elsewhere a verb: "Liverpool in 2005 won the cup"
    "crowns": (("danish", "DKK"), ("denmark", "DKK"), ("swedish", "SEK"), ("sweden", "SEK"), ("norwegian", "NOK"),
               ("norway", "NOK"), ("czech", "CZK")),  # elsewhere a king's
}
# Words that are also weights, measures or things: not money when followed by "of" ("pounds of
# beef", "three crowns of the Danish kings").
MEASURE_WORDS: Final = frozenset({"pound", "pounds", "dram", "drams", "crowns"})

# Fractions of a currency: word -> (code, share of the unit).
SUBUNIT_WORDS: Final = {
    "cent": ("USD", Decimal("0.01")), "cents": ("USD", Decimal("0.01")),
    "us cents": ("USD", Decimal("0.01")), "u.s. cents": ("USD", Decimal("0.01")),
    "euro cents": ("EUR", Decimal("0.01")), "euro cent": ("EUR", Decimal("0.01")),
    "pence": ("GBP", Decimal("0.01")), "penny": ("GBP", Decimal("0.01")),
    "paise": ("INR", Decimal("0.01")), "kopecks": ("RUB", Decimal("0.01")),
    "kopeks": ("RUB", Decimal("0.01")),
    "p": ("GBP", Decimal("0.01")),  # "412p", glued to its number, in a text about pounds (amounts.py)
}
# What shows a text speaks of pounds, where "84p" is 84 pence.
POUND_CUES: Final = ("£", "pence", "sterling", "pound")
# What shows a text speaks of the rand, where "R68.3 billion" is rand.
RAND_CUES: Final = ("rand", "south africa", "johannesburg", "pretoria", "cape town", "durban", "jse")
# A glued "p" that is a video resolution ("1080p"), not pence.
RESOLUTIONS: Final = frozenset({"480", "576", "720", "1080", "1440", "2160", "4320"})

# "billions of dollars": which currency words may follow a plural scale.
PLURAL_SCALE_CURRENCIES: Final = {w: c for w, c in CURRENCY_WORDS.items() if w.endswith("s") or w in (
    "yen", "yuan", "renminbi", "naira", "baht", "ringgit", "rupiah", "manat", "rand", "won", "kwacha", "zambian kwacha",
    "malawian kwacha", "malawi kwacha", "pula", "ariary", "lilangeni", "emalangeni", "maloti", "nakfa", "kina", "vatu",
    "tala", "rufiyaa", "ngultrum", "leke", "denari")}

# ---------------------------------------------------------------- any case (issue 21)

# Markers in any case ("usd 75", "RS 20", "rmb 90"), by their upper-case form.
LETTER_MARKERS: Final = {
    **{c: c for c in MARKER_CODES}, **PSEUDO_CODES,
    **{s: c for s, c in SYMBOLS.items() if s.rstrip(".").isalpha()},
}
ANY_CASE_MARKERS: Final = {m.upper(): c for m, c in LETTER_MARKERS.items()}
# Markers that are also English words or common abbreviations in lower case ("try 5 times",
# "re 5", "php 8"): money only as the table writes them, and not in a stretch of capitals.
WORD_MARKERS: Final = frozenset({"try", "cop", "ron", "php", "awg", "svc", "re", "re.", "sr", "dh", "tk", "cad"})
# Dollar prefixes in any case ("us$40 billion", "HK$"), by their upper-case form.
ANY_CASE_DOLLAR_PREFIXES: Final = {p.upper(): c for p, c in DOLLAR_PREFIXES.items()}


def _symbols_after() -> dict[str, str | None]:
    """Currency symbols written after the number ("25 €", "500 ₴", "100 zł"), from babel's CLDR data:
    each currency of the tables above as English writes it, or where English writes only its code,
    as the main official language of a territory that uses it does. Only symbols with a sign or a
    letter beyond ASCII ("kr", "Ft" would read as words); one of several currencies is None unless
    SYMBOLS names one."""
    from babel.core import Locale, get_global  # CLDR's currency symbols
    from babel.localedata import exists

    known = {*SYMBOLS.values(), *DOLLAR_PREFIXES.values(), *(c for c in CURRENCY_WORDS.values() if c),
             *PSEUDO_CODES.values(), *(c for c, _ in SUBUNIT_WORDS.values())}
    english = Locale.parse("en").currency_symbols
    languages = get_global("territory_languages")
    wanted: dict[str, set[str]] = {"en": set(known)}  # language -> the codes to look up in it
    for territory, spans in sorted(get_global("territory_currencies").items()):
        for code, _start, end, tender in spans:
            if end is None and tender and code in known and english.get(code, code) == code:
                spoken = [(info.get("population_percent", 0), lang) for lang, info in
                          languages.get(territory, {}).items() if info.get("official_status") and exists(lang)]
                if spoken:  # one language a territory: each locale costs milliseconds to load
                    wanted.setdefault(max(spoken)[1], set()).add(code)
    codes: dict[str, set[str]] = {}
    for lang, current in sorted(wanted.items()):
        symbols = english if lang == "en" else Locale.parse(lang).currency_symbols
        for code in current:
            symbol = symbols.get(code, code)
            if symbol != code and (not symbol.isascii() or "$" in symbol):
                codes.setdefault(symbol, set()).add(code)
    out: dict[str, str | None] = {}
    for symbol, found in codes.items():
        if any(c.isdigit() or c.isspace() for c in symbol):
            continue
        out[symbol] = SYMBOLS[symbol] if symbol in SYMBOLS else (next(iter(found)) if len(found) == 1 else None)
    return out


SYMBOLS_AFTER: Final = _symbols_after()
