"""Text -> normalised text, for Arabic and Latin script, keeping an offset map.

Written by hand because no maintained library does this particular job: pyarabic
and camel-tools normalise letters but do not keep a character offset map back to
the original text, and neither knows the romanisation habits of place names in
English-language reporting on Syria (Al-/el-/ash-, Tal/Tell, ou/u, ee/i, ʿ).

Everything here is pure and fast; the gazetteer and the extractor share it so a
name is normalised the same way on both sides.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

# --- Arabic ---------------------------------------------------------------------------

#: harakat, tanween, shadda, sukun, superscript alef, Quranic marks
_AR_DIACRITICS = set(range(0x064B, 0x0660)) | {0x0670} | set(range(0x06D6, 0x06EE)) | set(range(0x08D3, 0x0900))
_TATWEEL = 0x0640

_AR_LETTER_MAP = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ة": "ه", "ى": "ي", "ی": "ي", "ې": "ي", "ئ": "ي", "ؤ": "و",
    "ک": "ك", "ڪ": "ك", "گ": "ك", "ڤ": "ف", "پ": "ب", "چ": "ج", "ژ": "ز",
    "ھ": "ه", "ہ": "ه", "ۀ": "ه",
}
_DIGITS = {**{chr(0x0660 + i): str(i) for i in range(10)}, **{chr(0x06F0 + i): str(i) for i in range(10)}}

#: characters treated as word separators (Arabic comma, semicolon, question mark, quotes, ...)
_PUNCT_CHARS = "،؛؟«»\"“”„‟‹›()[]{}<>!?.,;:|/\\*…–—_=+~^#@$%&\u00a0"

#: invisible characters that must neither split nor hide a name: zero-width space/joiners, LRM/RLM/ALM,
#: bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), word joiner, BOM, soft hyphen.
#: "\u202eصيدا\u202c" and "صي\u200dدا" are صيدا; they normalise to nothing (offsets still point into the text).
INVISIBLE_CHARS = ("\u200b\u200c\u200d\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e"
                   "\u2060\u2066\u2067\u2068\u2069\ufeff\u00ad")

_ARABIC_RE = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
_LATIN_RE = re.compile(r"[A-Za-z\u00C0-\u024F]")


def _build_char_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in _AR_DIACRITICS:
        table[cp] = ""
    table[_TATWEEL] = ""
    # the hamza on its own carries nothing for matching (بئر / بير / ء)
    table[ord("ء")] = ""
    for k, v in _AR_LETTER_MAP.items():
        table[ord(k)] = v
    for k, v in _DIGITS.items():
        table[ord(k)] = v
    for ch in _PUNCT_CHARS:
        table[ord(ch)] = " "
    for ch in INVISIBLE_CHARS:
        table[ord(ch)] = ""
    for ch in "\t\n\r\v\f":
        table[ord(ch)] = " "
    return table


_CHAR_TABLE = _build_char_table()


def translation_list(table: dict[int, str]) -> list[int | str]:
    """``table`` as a list indexed by code point, for ``str.translate``: the same result, about twice
    as fast on Arabic text, because a list lookup never hashes and a character the table leaves
    alone is found (a dict raises and clears a KeyError for each one)."""
    out: list[int | str] = list(range(max(table) + 1))
    for cp, rep in table.items():
        out[cp] = rep
    return out   # code points past the end raise IndexError, which translate reads as "unchanged"


#: :data:`_CHAR_TABLE` for ``str.translate``
CHAR_LIST = translation_list(_CHAR_TABLE)
_WS_RE = re.compile(r"\s+")


def has_arabic(s: str) -> bool:
    return bool(_ARABIC_RE.search(s))


def has_latin(s: str) -> bool:
    return bool(_LATIN_RE.search(s))


def script_of(s: str) -> str:
    """'ar', 'latin', 'mixed' or 'none'."""
    ar, latin = has_arabic(s), has_latin(s)
    return "mixed" if ar and latin else "ar" if ar else "latin" if latin else "none"


def strip_controls(s: str) -> str:
    """Drop control and format characters except whitespace (they come from copy-paste)."""
    if s.isprintable():
        return s   # (no character of category C: not printable; tab and line breaks take the loop too)
    return "".join(ch for ch in s if ch in "\t\n\r" or unicodedata.category(ch)[0] != "C")


def normalize_ar(s: str) -> str:
    """Arabic letter-form normalisation used for matching (not for display).

    Removes diacritics and tatweel; unifies alef/hamza forms, ة->ه, ى->ي; maps
    Arabic-Indic digits to ASCII; punctuation becomes space; whitespace collapsed.
    Latin letters are lower-cased so mixed strings stay comparable.
    """
    s = unicodedata.normalize("NFC", s).translate(CHAR_LIST)
    return _WS_RE.sub(" ", s).strip().lower()


def normalize_ar_many(strings: Sequence[str]) -> list[str]:
    """``[normalize_ar(s) for s in strings]``, the strings normalised as one text joined by NUL when none
    holds a NUL: every step leaves NUL alone and nothing crosses it (NFC never composes over it, it is
    neither space nor cased for ``lower``), and ``" ".join(p.split())`` collapses and strips exactly the
    whitespace ``\\s+`` and ``strip`` do (both are ``str.isspace``)."""
    joined = "\x00".join(strings)
    if len(strings) < 2 or joined.count("\x00") != len(strings) - 1:
        return [normalize_ar(s) for s in strings]
    joined = _translate(unicodedata.normalize("NFC", joined)).lower()
    return [" ".join(p.split()) for p in joined.split("\x00")]


#: texts at least this long are translated through numpy (:func:`_translate`)
TRANSLATE_WITH_NUMPY = 20_000


@lru_cache(maxsize=1)
def _code_point_table():
    """:data:`CHAR_LIST` as a numpy array of code points (a deleted character: 0xFFFFFFFF), or None when a
    replacement is longer than one character."""
    import numpy as np
    if any(len(v) > 1 for v in _CHAR_TABLE.values()):
        return None
    table = np.arange(len(CHAR_LIST), dtype="<u4")
    for cp, rep in _CHAR_TABLE.items():
        table[cp] = ord(rep) if rep else 0xFFFFFFFF
    return table


def _translate(s: str) -> str:
    """``s.translate(CHAR_LIST)``; a long text goes through numpy as UTF-32 code points (a table look-up
    per character in C: 0.4 us against 2.2 us per 90 characters), the same result."""
    table = _code_point_table() if len(s) >= TRANSLATE_WITH_NUMPY else None
    if table is None:
        return s.translate(CHAR_LIST)
    import numpy as np
    try:
        cps = np.frombuffer(s.encode("utf-32-le"), dtype="<u4")
    except UnicodeEncodeError:   # a lone surrogate: str.translate keeps it
        return s.translate(CHAR_LIST)
    last = len(table) - 1
    out = np.where(cps <= last, table.take(np.minimum(cps, last)), cps)   # past the table: unchanged
    return out[out != 0xFFFFFFFF].astype("<u4").tobytes().decode("utf-32-le")


def normalize_with_offsets(text: str) -> tuple[str, list[int]]:
    """Normalise ``text`` character by character, returning ``(norm, offsets)``.

    ``offsets[i]`` is the index in ``text`` of the character that produced
    ``norm[i]`` (``offsets`` has one extra entry, ``len(text)``, so that an end
    offset maps too).  Whitespace runs collapse to one space; nothing is stripped
    at the ends so the map stays simple.  No NFC step: offsets must stay exact.
    """
    out: list[str] = []
    offs: list[int] = []
    prev_space = False
    table = _CHAR_TABLE
    for i, ch in enumerate(text):
        rep = table.get(ord(ch), ch)
        if rep == "":
            continue
        if rep == " " or ch.isspace():
            if prev_space:
                continue
            out.append(" ")
            offs.append(i)
            prev_space = True
            continue
        prev_space = False
        rep = rep.lower()
        for c in rep:
            out.append(c)
            offs.append(i)
    offs.append(len(text))
    return "".join(out), offs


# Clitics that attach to an Arabic word: conjunctions و ف, prepositions ب ل ك.
_PROCLITICS = ("و", "ف", "ب", "ل", "ك")


def strip_clitics(word: str) -> list[str]:
    """Possible bare forms of one normalised Arabic word, most literal first.

    "والرفيد" -> ["والرفيد", "الرفيد"]; "بالبكار" -> [..., "البكار"];
    "للمعلقه" -> [..., "المعلقه"]; "وبلدة" -> [..., "بلده"].  Never strips a word
    to fewer than two letters.
    """
    forms = [word]
    w = word
    # at most two proclitics (وب, فل, وك ...)
    for _ in range(2):
        if len(w) >= 3 and w[0] in _PROCLITICS:
            nxt = w[1:]
            # ل + ال contracts to لل: لل + X = ل + ال + X
            if w[0] == "ل" and w.startswith("لل") and len(w) > 4:
                forms.append("ا" + w[1:])
            forms.append(nxt)
            w = nxt
        else:
            break
    return list(dict.fromkeys(forms))  # each form once, in order


def drop_article(word: str) -> str:
    """"الرفيد" -> "رفيد" (Arabic definite article), otherwise unchanged."""
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


def ar_loose_key(name: str) -> str:
    """Arabic matching key without definite articles: "البكار الشرقي" -> "بكار شرقي"."""
    return " ".join(drop_article(w) for w in normalize_ar(name).split())


# --- Latin ----------------------------------------------------------------------------

_LATIN_ARTICLES = {
    "al", "el", " al-", "el-", "a", "ad", "ed", "ash", "esh", "as", "es", "at", "et", "ath", "az", "ez",
    "ar", "er", "an", "en", "adh", "dh", "l", "il", "ul", "ud", "us", "ut", "ush", "az-",
}
_LATIN_GENERIC_SPELLINGS = {
    "tell": "tal", "tel": "tal", "tall": "tal", "tal": "tal",
    "jabal": "jabal", "jebel": "jabal", "jbel": "jabal", "djebel": "jabal",
    "khirbet": "khirbat", "khirbit": "khirbat", "khirbat": "khirbat", "kherbet": "khirbat",
    "deir": "dayr", "dair": "dayr", "der": "dayr", "dayr": "dayr",
    "beit": "bayt", "bait": "bayt", "bayt": "bayt", "beyt": "bayt",
    "kafr": "kafr", "kfar": "kafr", "kefr": "kafr",
    "ain": "ayn", "ein": "ayn", "ayn": "ayn", "aain": "ayn",
    "umm": "umm", "um": "umm", "om": "umm", "oum": "umm",
    "abu": "abu", "abou": "abu", "abo": "abu",
    "bir": "bir", "beer": "bir", "bire": "bir",
    "nab": "nab", "nabaa": "nab", "nabe": "nab", "naba": "nab",
    "sheikh": "shaykh", "shaikh": "shaykh", "shaykh": "shaykh", "sheik": "shaykh", "shekh": "shaykh",
    "wadi": "wadi", "wady": "wadi", "ouadi": "wadi",
    "qasr": "qasr", "kasr": "qasr",
    "mazraat": "mazraat", "mazraa": "mazraat", "mazraet": "mazraat", "mazrat": "mazraat",
    # the Golan is الجولان: English "Golan" and the romanisation "Jawlan/Jaulan" are one word
    "golan": "jawlan", "jolan": "jawlan", "jaulan": "jawlan", "jawlan": "jawlan", "joulan": "jawlan",
}

#: direction words in romanised names (normalised through latin_key first)
LATIN_DIRECTIONS = {
    "sharqi": "east", "sharqiyah": "east", "sharqiya": "east", "sharqiyeh": "east", "sharkiye": "east",
    "eastern": "east", "east": "east",
    "gharbi": "west", "gharbiyah": "west", "gharbiya": "west", "gharbiyeh": "west", "western": "west", "west": "west",
    "shamali": "north", "shamaliyah": "north", "shamaliya": "north", "shimali": "north", "northern": "north", "north": "north",
    "janubi": "south", "janubiyah": "south", "janubiya": "south", "jnubi": "south", "southern": "south", "south": "south",
    "qibli": "south", "qibliyah": "south",
    "fawqani": "upper", "foqani": "upper", "upper": "upper", "ulya": "upper", "aliya": "upper",
    "tahtani": "lower", "lower": "lower", "sufla": "lower",
    "kabir": "big", "kabirah": "big", "kabira": "big", "kbir": "big", "big": "big", "great": "big",
    "saghir": "small", "saghirah": "small", "saghira": "small", "sghir": "small", "small": "small", "little": "small",
    "jadid": "new", "jadidah": "new", "jadida": "new", "jdideh": "new", "new": "new",
    "qadim": "old", "qadimah": "old", "old": "old",
}

#: Arabic direction / qualifier words (normalised, article dropped) -> the same labels
AR_DIRECTIONS = {
    "شرقي": "east", "شرقيه": "east", "الشرقي": "east", "الشرقيه": "east",
    "غربي": "west", "غربيه": "west", "الغربي": "west", "الغربيه": "west",
    "شمالي": "north", "شماليه": "north", "الشمالي": "north", "الشماليه": "north",
    "جنوبي": "south", "جنوبيه": "south", "الجنوبي": "south", "الجنوبيه": "south",
    "قبلي": "south", "القبلي": "south", "قبليه": "south", "القبليه": "south",
    "فوقاني": "upper", "الفوقاني": "upper", "الفوقا": "upper", "عليا": "upper", "العليا": "upper",
    "تحتاني": "lower", "التحتاني": "lower", "التحتا": "lower", "السفلي": "lower", "سفلي": "lower",
    "كبير": "big", "الكبير": "big", "كبيره": "big", "الكبيره": "big", "كبري": "big", "الكبري": "big",
    "صغير": "small", "الصغير": "small", "صغيره": "small", "الصغيره": "small", "صغري": "small", "الصغري": "small",
    "جديد": "new", "الجديد": "new", "جديده": "new", "الجديده": "new",
    "قديم": "old", "القديم": "old", "قديمه": "old", "القديمه": "old",
}

_LATIN_SEP_RE = re.compile(r"[\s\-_/.,;:()\[\]{}\"«»]+")
_APOSTROPHES = "'’‘`´ʿʾʻʼ′‛"


@lru_cache(maxsize=65536)
def latin_key(name: str) -> str:
    """Romanised place name -> matching key.

    Folds accents and case, drops apostrophes and ʿayn/hamza marks, removes the
    Arabic article in all its romanisations (Al-, al , el-, ad-, ash-, ...),
    unifies generic words (Tell/Tel -> tal, Deir -> dayr, Ain -> ayn), collapses
    doubled letters, and evens out common vowel spellings (ou/oo -> u, ee/ei -> i,
    ie -> i, final -eh/-ah/-a -> a).  "Nab' al-Sakhr" and "Nab` as Sakhr" give the
    same key; so do "Sayda", "Saida" and "Saydah".
    """
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.lower()
    for a in _APOSTROPHES:
        s = s.replace(a, "")
    # article glued to the next word by a hyphen or space: "al-rafid", "ash-shajara"
    words = [w for w in _LATIN_SEP_RE.split(s) if w]
    out: list[str] = []
    for w in words:
        if w in _LATIN_ARTICLES:
            continue
        w = _LATIN_GENERIC_SPELLINGS.get(w, w)
        out.append(w)
    key_words = [_latin_word_key(w) for w in out]
    return " ".join(w for w in key_words if w)


def _latin_word_key(w: str) -> str:
    if not w:
        return w
    w = re.sub(r"[^a-z0-9]", "", w)
    w = w.replace("ou", "u").replace("oo", "u").replace("ee", "i").replace("ei", "ay").replace("ie", "i")
    w = w.replace("ai", "ay").replace("aa", "a")
    w = w.replace("kh", "x").replace("gh", "g").replace("sh", "$").replace("th", "t").replace("dh", "d")
    w = w.replace("q", "k").replace("ck", "k")
    w = re.sub(r"(.)\1+", r"\1", w)  # doubled letters
    w = w.replace("x", "kh").replace("$", "sh")
    # final -eh / -ah / -a / -e / -i -> a  (Sayda/Saida/Saydah; Jabiyah/Jabiya)
    w = re.sub(r"(?:eh|ah|e|h)$", "a", w) if len(w) > 3 else w
    w = w.replace("iya", "ia").replace("iyy", "i").replace("y", "i") if len(w) > 2 else w
    w = w.replace("o", "u").replace("e", "a")
    w = re.sub(r"(.)\1+", r"\1", w)
    return w


def split_latin_direction(key: str) -> tuple[str, str]:
    """"bakar sharki" style keys -> (base key, direction label or "")."""
    words = key.split()
    if len(words) >= 2:
        for idx in (-1, 0):
            lab = _latin_direction_label(words[idx])
            if lab:
                rest = words[:idx] + words[idx + 1:] if idx == 0 else words[:-1]
                return " ".join(rest), lab
    return key, ""


@lru_cache(maxsize=1)
def _latin_direction_keys() -> dict[str, str]:
    return {_latin_word_key(k): v for k, v in LATIN_DIRECTIONS.items()}


def _latin_direction_label(word: str) -> str:
    return _latin_direction_keys().get(word, "")


def name_key(name: str) -> str:
    """Matching key of a place name as written (Arabic without articles, or romanisation key)."""
    return ar_loose_key(name) if has_arabic(name or "") else latin_key(name or "")
