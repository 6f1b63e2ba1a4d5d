"""Spelling variants of place names: rule families, variant keys, and the scoped index.

Reporters write one village many ways.  In Arabic a long vowel is written or left out
(داعل / دعل), two words are joined or split (بير عجم / بيرعجم), the final letter is ة، ه or ا
(تبنة / تبنا), the article sits on one word or on each, a letter is taken for its neighbour
(الصنمين / السنمين).  In Latin script the vowels move (Tibnah / Tebneh), vowels are dropped
(Qunayr / Qneir, Muzayrib / Mzeireb), consonants are spelled by ear (q/k/g, dh/z/d, th/t/s,
kh/h, sh/ch).

Each *rule family* below is a transformation of a normalised name that erases one kind of
difference.  A family set gives a **variant key**: two spellings are variants of each other
under the set when their keys are equal.  Applying the same key to both sides is the same as
generating every variant the rules allow and looking each one up, but costs one dictionary
lookup per query instead of thousands.

A variant key is weaker evidence than a spelling the data holds, so the gazetteer accepts a
variant only inside a *scope* (the governorates the report is about) and only when it names
exactly one place there (or namesakes of one name); ``benchmarks/calibrate_variants.py``
measures which families are safe, on pairs of spellings that the source data itself holds.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from eventmap.text import (
    _LATIN_ARTICLES,
    _LATIN_SEP_RE,
    AR_DIRECTIONS,
    drop_article,
    latin_key,
    normalize_ar,
    split_latin_direction,
)

# --- rule families ----------------------------------------------------------------------------

#: every Arabic family, in the order they are applied (structural first, letters last)
AR_FAMILIES = ("ar_join", "ar_ending", "ar_final", "ar_alif", "ar_wy", "ar_letters")
#: every Latin family, in the order they are applied
LAT_FAMILIES = ("lat_join", "lat_french", "lat_vowels", "lat_glides", "lat_elide", "lat_drop",
                "lat_kh", "lat_qkg", "lat_dz", "lat_ts", "lat_final")

#: a generic first word of a Latin gazetteer name that reports leave out ("Khirbat al Mushrif" / "al-Mushrif",
#: "Madinat X" / "X"); the short form is a variant, so it counts only when it is unique in scope
_LAT_DROPPABLE_HEADS = frozenset({"madinat", "khirbat", "khirbet"})

#: what each family does, for reasons shown to the analyst
FAMILY_DESCRIPTIONS = {
    "ar_join": "words joined or split (بير عجم / بيرعجم)",
    "ar_ending": "final ة/ه/ى/ا for one ending (تبنة / تبنا)",
    "ar_final": "final long vowel written or left out (عقربا / عقرب)",
    "ar_alif": "medial alif written or left out (داعل / دعل)",
    "ar_wy": "medial و/ي written or left out (الجهيم / الجهم)",
    "ar_letters": "similar letters confused (ص/س، ط/ت، ض/د/ظ/ذ/ز، ث/س/ت، ق/ك: الصنمين / السنمين)",
    "lat_head": "a generic first word of the name left out (Khirbat al Mushrif / al-Mushrif)",
    "direction": "a direction word the data does not hold, and no other direction of the name (خبب الغربي / خبب)",
    "lat_join": "words joined or split (Kafr Shams / Kafrshams)",
    "lat_french": "French spelling (ch/sh, dj/j: Cheikh / Shaykh)",
    "lat_vowels": "inner vowels spelled differently (Tibnah / Tebneh)",
    "lat_glides": "w spelled as a vowel (Juwayzah / Jouaiza)",
    "lat_elide": "first short vowel dropped (Muzayrib / Mzeireb)",
    "lat_drop": "inner vowels spelled differently or dropped (Qunayr / Qneir, Al Juhaym / Al-Jeheim)",
    "lat_kh": "kh written as h",
    "lat_qkg": "q/k/g for one letter",
    "lat_dz": "dh/z/d for one letter",
    "lat_ts": "th/t/s for one letter",
    "lat_final": "a word's final vowel written or left out, and a first word's construct -at (Busra al Hariri / "
                 "Busr al-Harir, Malihat al Atash / Mliha al-Atash)",
    "lat_ar": "the Latin spelling read letter by letter against the Arabic name (its consonants, and the "
              "long vowels the Arabic writes; \"th\" read as ث, then as ذ)",
}

#: The families the gazetteer uses: the choice of ``benchmarks/calibrate_variants.py`` (greedy on one
#: half of the spelling pairs the data holds; precision floors 0.95 for tier 1 and 0.90 for the
#: cascade, over every governorate and in Dar'a + Quneitra alone; held-out figures in README
#: "Looking up a place").  Tier 1 is tried first, tier 2 only when tier 1 finds nothing.  Left off
#: because calibration did not show them safe: ar_final (a final long vowel: الصفصاف / صفصافة are two
#: villages), ar_wy (the diminutive: الحمرة / الحميرة), the Latin consonant classes; lat_vowels,
#: lat_glides and lat_elide are subsumed by lat_drop.
AR_TIERS: tuple[tuple[str, ...], ...] = (("ar_join", "ar_letters"), ("ar_join", "ar_ending", "ar_alif", "ar_letters"))
LAT_TIERS: tuple[tuple[str, ...], ...] = (("lat_join",), ("lat_join", "lat_drop"))
#: A third Arabic tier for names of two words or more only: a final or medial long vowel written or left out
#: (بصر الحرير / بصرى الحريري).  Alone these two families join villages the south really has twice
#: (الحمرة / الحميرة); over a name of several words the letters left are evidence enough.
#: ``benchmarks/calibrate_variants.py`` ("multi-word tier") measures it on names of two words or more.
AR_MULTIWORD_TIER: tuple[str, ...] = ("ar_join", "ar_ending", "ar_alif", "ar_letters", "ar_final", "ar_wy")
#: The same for Latin names of two words or more: inner vowels spelled or dropped, and each word's final vowel
#: written or left out ("Busr al-Harir" for Busra al Hariri, as the Arabic بصر الحرير for بصرى الحريري).
LAT_MULTIWORD_TIER: tuple[str, ...] = ("lat_join", "lat_drop", "lat_final")
MULTIWORD_TIERS = {"ar": AR_MULTIWORD_TIER, "latin": LAT_MULTIWORD_TIER}
#: a variant key shorter than this (letters, spaces excluded) is too common to be evidence
MIN_KEY_LETTERS = {"ar": 3, "lat": 3}

#: letters taken for their neighbour: emphatic and plain (ص/س، ط/ت، ض/د), the interdentals (ث/س، ذ/ظ/ز/د), ق/ك
_AR_LETTER_CLASSES = str.maketrans({"ص": "س", "ط": "ت", "ض": "د", "ظ": "د", "ذ": "د", "ز": "د", "ث": "س",
                                    "ق": "ك"})
_FINAL_ALIF_MAQSURA = re.compile(r"ى(?=[\s\u064B-\u065F]|$)")


def ar_base(name: str) -> tuple[list[str], str]:
    """Arabic name -> (words without articles, direction label).  Same split as the lookup's loose key,
    except that a final ى (alif maqsura, an "a") is kept apart from ي: it becomes ا."""
    words = [drop_article(w) for w in normalize_ar(_FINAL_ALIF_MAQSURA.sub("ا", name)).split()]
    direction = ""
    if len(words) >= 2:
        last = words[-1]
        lab = AR_DIRECTIONS.get(last) or AR_DIRECTIONS.get("ال" + last)
        if lab:
            direction, words = lab, words[:-1]
    return words, direction


def lat_base(name: str) -> tuple[list[str], str]:
    """Latin name -> (``latin_key`` words, direction label)."""
    base, direction = split_latin_direction(latin_key(name))
    return base.split(), direction


@lru_cache(maxsize=131072)
def _ar_word(w: str, fams: frozenset[str]) -> str:
    if "ar_letters" in fams:
        w = w.translate(_AR_LETTER_CLASSES)
    last = w[-1:]
    if "ar_ending" in fams and len(w) >= 3 and last in "اه":
        w = w[:-1] + "ا"
    if "ar_final" in fams and len(w) >= 3 and last in "اي":
        w = w[:-1]   # a final long vowel (ا، ى، ي), not the feminine ة: الصفصاف and صفصافة are two names
    if len(w) > 3 and ("ar_alif" in fams or "ar_wy" in fams):
        # medial letters only, and never the ي/و of a final -ية/-وة (الخميسة and الخميسية are two names)
        core, tail = (w[1:-2], w[-2:]) if w[-1] in "اه" else (w[1:-1], w[-1:])
        drop = ("ا" if "ar_alif" in fams else "") + ("وي" if "ar_wy" in fams else "")
        w = w[0] + "".join(c for c in core if c not in drop) + tail
        w = re.sub(r"(.)\1+", r"\1", w)
    return w


_LAT_DIGRAPHS = (("sh", "$"), ("kh", "x"), ("gh", "g"), ("th", "t"), ("dh", "d"))
_SPLIT = {v: re.compile(f"^([{v}]*)(.*?)([aeiou]*)$") for v in ("aeiou", "aeiouw")}
_ELIDE = {v: re.compile(f"^([^{v}])[{v}]+(?=[^{v}][{v}])") for v in ("aeiou", "aeiouw")}
_RUN = {v: re.compile(f"[{v}]+") for v in ("aeiou", "aeiouw")}


@lru_cache(maxsize=131072)
def _lat_word(w: str, fams: frozenset[str]) -> str:
    """One ``latin_key`` word under the Latin families.

    latin_key has already folded case, accents, articles, doubled letters, ou/ee/ei, q->k, y->i and
    final -ah/-eh.  Digraphs become one symbol first so that dropping a vowel never glues s+h into
    sh.  The first and the last vowel of a word are kept (an initial vowel as "a"): "Hunaydah" and
    "Hunaydi", "Wardiyah" and "Wardah" are different names, not spellings of one.
    """
    if "lat_french" in fams:
        w = w.replace("tch", "sh").replace("ch", "sh").replace("dj", "j")
    for a, b in _LAT_DIGRAPHS:
        w = w.replace(a, b)
    if "lat_kh" in fams:
        w = w.replace("x", "h")
    if "lat_qkg" in fams:
        w = w.replace("g", "k").replace("q", "k")
    if "lat_dz" in fams:
        w = w.replace("z", "d")
    if "lat_ts" in fams:
        w = w.replace("s", "t")
    vset = "aeiouw" if "lat_glides" in fams else "aeiou"
    m = _SPLIT[vset].match(w)
    head, body, tail = (m.group(1), m.group(2), m.group(3)) if m else ("", w, "")
    if head and fams & {"lat_vowels", "lat_glides", "lat_drop"}:
        head = "a"
    if "lat_elide" in fams and not head:
        body = _ELIDE[vset].sub(r"\1", body)
    if "lat_drop" in fams:
        body = _RUN[vset].sub("", body)
    elif fams & {"lat_vowels", "lat_glides"}:
        body = _RUN[vset].sub("a", body)
    if "lat_final" in fams and body:
        tail = ""
    w = head + body + tail
    return re.sub(r"(.)\1+", r"\1", w).replace("$", "sh").replace("x", "kh")


#: a word's construct-state ending (ة before the next word, romanised -at): "Malihat", "Khirbat"
_CONSTRUCT_AT = re.compile(r"(?<=[^aeiou])at$")


def variant_key_from_base(words: list[str], direction: str, script: str, families: Iterable[str],
                          min_letters: int | None = None) -> str:
    """The variant key of a name already split by :func:`ar_base` / :func:`lat_base`."""
    fams = frozenset(families)
    if script == "ar":
        ws = [_ar_word(w, fams) for w in words]
        sep = "" if "ar_join" in fams else " "
    else:
        if "lat_final" in fams and len(words) >= 2:   # the first word's construct ending -at is a final vowel too
            words = [_CONSTRUCT_AT.sub("a", words[0]), *words[1:]]   # ("Malihat al Atash" / "Mliha al-Atash")
        ws = [_lat_word(w, fams) for w in words]
        sep = "" if "lat_join" in fams else " "
    ws = [w for w in ws if w]
    if sep:
        key = sep.join(ws)
    else:  # joined: a letter doubled across the joint is one letter (بيت تيما / بيتيما)
        key = ws[0] if ws else ""
        for w in ws[1:]:
            key += w[1:] if key and key[-1] == w[0] else w
    if min_letters is None:
        min_letters = MIN_KEY_LETTERS["ar" if script == "ar" else "lat"]
    if len(key.replace(" ", "")) < min_letters:
        return ""
    return key + "|" + direction


def variant_key(name: str, script: str, families: Iterable[str]) -> str:
    """Variant key of ``name`` (``script`` "ar" or "latin") under a set of rule families; "" when too short."""
    if script == "ar":
        words, direction = ar_base(name)
        return variant_key_from_base(words, direction, "ar", families)
    words, direction = lat_base(name)
    return variant_key_from_base(words, direction, "latin", families)


def explain(query: str, target: str, script: str, families: tuple[str, ...]) -> tuple[str, ...]:
    """The families it takes to make ``query`` and ``target`` one key (each one needed): the reason shown."""
    if script != "ar":
        words, _ = lat_base(target)
        kq = variant_key(query, script, families)
        if len(words) > 1 and words[0] in _LAT_DROPPABLE_HEADS and kq != variant_key(target, script, families):
            short = " ".join(words[1:])       # matched without the generic first word of the name
            return ("lat_head", *explain(query, short, script, families))
    used = list(families)
    for f in reversed(families):
        trial = [x for x in used if x != f]
        kq = variant_key(query, script, trial)
        if kq and kq == variant_key(target, script, trial):
            used = trial
    order = AR_FAMILIES if script == "ar" else LAT_FAMILIES
    return tuple(f for f in order if f in used)


@dataclass(frozen=True, slots=True)
class VariantHit:
    """A scoped variant match: the places, the gazetteer name that matched, and the rules used."""

    place_indices: tuple[int, ...]
    matched_names: tuple[str, ...]
    families: tuple[str, ...]
    tier: int
    unique: bool          # one name (or namesakes of one name) in scope
    qualifier: str = ""   # a generic word taken off the query ("hill" for تل X)
    kind_hint: str = ""

    @property
    def rule_text(self) -> str:
        return "; ".join(FAMILY_DESCRIPTIONS[f] for f in self.families) or "same letters"


# --- the index --------------------------------------------------------------------------------

_INDEX_KINDS_SKIPPED = ("region", "country")



class VariantIndex:
    """Variant keys of place names, per governorate and tier, built on first use of a governorate.

    A scope of Dar'a + Quneitra indexes about 560 places (tens of milliseconds, once); a query
    then costs one key per tier (word keys are cached) and one dict lookup per governorate in
    scope.
    """

    def __init__(self, places: list, governorate_of: list[str]):  # list[Place]
        self.places = places
        self.gov = governorate_of
        self._members: dict[str, list[int]] = {}
        for i, p in enumerate(places):
            if p.kind not in _INDEX_KINDS_SKIPPED:
                self._members.setdefault(governorate_of[i], []).append(i)
        # governorate -> script -> tier -> key -> [(place index, name)]
        self._tables: dict[str, dict[str, list[dict[str, list[tuple[int, str]]]]]] = {}
        # governorate -> Arabic skeleton "consonants|direction" -> [(place index, name, vowel gaps)]
        self._xs: dict[str, dict[str, list[tuple[int, str, tuple[str, ...]]]]] = {}
        self.max_words = 1

    def _build(self, gov: str) -> dict[str, list[dict[str, list[tuple[int, str]]]]]:
        from eventmap.text import script_of

        tables: dict[str, list[dict[str, list[tuple[int, str]]]]] = {
            "ar": [{} for _ in AR_TIERS], "latin": [{} for _ in LAT_TIERS], "ar_multi": [{}], "latin_multi": [{}]}
        for i in self._members.get(gov, ()):
            p = self.places[i]
            for name in dict.fromkeys((p.name_ar, p.name_en, *p.variants_ar, *p.variants_en)):
                sc = script_of(name) if name else "none"
                if sc == "ar":
                    words, direction = ar_base(name)
                    tiers = AR_TIERS
                elif sc == "latin":
                    words, direction = lat_base(name)
                    tiers = LAT_TIERS
                else:
                    continue
                self.max_words = max(self.max_words, len(words) + (1 if direction else 0))
                if sc == "ar":
                    xs = xs_arabic(words)
                    if xs:
                        self._xs.setdefault(gov, {}).setdefault(xs[0] + "|" + direction, []).append((i, name, xs[1]))
                multi = MULTIWORD_TIERS[sc]
                k = variant_key_from_base(words, direction, sc, multi) if len(words) >= 2 else ""
                if k and (i, name) not in tables[sc + "_multi"][0].setdefault(k, []):
                    tables[sc + "_multi"][0][k].append((i, name))
                forms = [words]
                if sc == "latin" and len(words) > 1 and words[0] in _LAT_DROPPABLE_HEADS:
                    forms.append(words[1:])   # "Khirbat al Mushrif" is "al-Mushrif" in most reports
                for ws in forms:
                    for fams, table in zip(tiers, tables[sc]):
                        k = variant_key_from_base(ws, direction, sc, fams)
                        if k:
                            lst = table.setdefault(k, [])
                            if (i, name) not in lst:
                                lst.append((i, name))
        return tables

    def tables(self, gov: str) -> dict[str, list[dict[str, list[tuple[int, str]]]]]:
        t = self._tables.get(gov)
        if t is None:
            t = self._tables[gov] = self._build(gov)
        return t

    def entries(self, key: str, script: str, tier: int, scope: Iterable[str]) -> list[tuple[int, str]]:
        """(place index, name) of every name in ``scope`` with this variant key."""
        sc = "ar" if script == "ar" else "latin"
        out: list[tuple[int, str]] = []
        for gov in scope:
            tables = self.tables(gov)[sc]
            if tier < len(tables):
                out.extend(tables[tier].get(key, ()))
        return out

    def multiword_entries(self, key: str, scope: Iterable[str], script: str = "ar") -> list[tuple[int, str]]:
        """(place index, name) of every name of two words or more in ``scope`` with this key of
        :data:`MULTIWORD_TIERS` (``script``: "ar" or "latin")."""
        out: list[tuple[int, str]] = []
        for gov in scope:
            out.extend(self.tables(gov)[script + "_multi"][0].get(key, ()))
        return out

    def xs_entries(self, latin: str, direction: str, scope: Iterable[str]) -> list[tuple[int, str]]:
        """(place index, Arabic name) of every name in ``scope`` the Latin spelling ``latin`` (without its
        direction word) reads as, letter by letter (:func:`xs_latin`)."""
        out = self._xs_entries(xs_latin(latin), direction, scope)
        if not out and "th" in latin.lower():   # "th" writes ذ as well as ث ("Umm al-Mayathin" for أم المياذن)
            out = self._xs_entries(xs_latin(re.sub("th", "dh", latin, flags=re.IGNORECASE)), direction, scope)
        return out

    def _xs_entries(self, form: XsForm | None, direction: str, scope: Iterable[str]) -> list[tuple[int, str]]:
        if form is None:
            return []
        out: list[tuple[int, str]] = []
        for gov in scope:
            self.tables(gov)
            for i, name, gaps in self._xs.get(gov, {}).get(form[0] + "|" + direction, ()):
                if xs_fits(form[1], gaps) and xs_letters(form, gaps) >= XS_MIN_LETTERS:
                    out.append((i, name))
        return out

    def keys(self, script: str, tier: int, scope: Iterable[str]) -> dict[str, list[tuple[int, str]]]:
        """Every variant key of ``scope`` at one tier (for scanners that keep their own table)."""
        sc = "ar" if script == "ar" else "latin"
        out: dict[str, list[tuple[int, str]]] = {}
        for gov in scope:
            tables = self.tables(gov)[sc]
            if tier < len(tables):
                for k, v in tables[tier].items():
                    out.setdefault(k, []).extend(v)
        return out


# --- across scripts: a Latin spelling read against the Arabic name ------------------------------
#
# A reporter who writes a village only in Latin letters usually writes what the Arabic spells:
# every consonant, and a vowel letter where Arabic writes a long vowel (و، ي).  Where the data's own
# romanisation differs from the press's by more than the Latin families allow (a vowel cluster read
# as a glide, a diminutive spelled by ear), the Arabic name still carries the skeleton.  The key is
# the consonants in letter classes (ق/ك and Latin k/q/c one class, ح/ه and h one, ...); the vowel
# letters between two consonants are checked apart: every و/ي the Arabic writes must stand in the
# Latin spelling at the same place (u/o/w for و, i/e/y for ي), while Latin vowels Arabic leaves
# unwritten (short vowels) are free.  ا and hamza carry nothing (Latin writes them as a vowel, an
# apostrophe, or not at all); an ع may stand anywhere, but where the Latin marks an ʿayn (`, ʿ) the
# Arabic must have one.  A final ة or ا must be a Latin -a, -ah or -eh, and the reverse.

#: Latin letters (after digraphs) -> consonant class; a, e, i, o, u, w, y are vowels (below)
_XS_LAT_CONS = {"b": "b", "p": "b", "t": "t", "s": "s", "c": "k", "k": "k", "q": "k", "j": "j", "g": "g",
                "h": "h", "d": "d", "z": "z", "r": "r", "f": "f", "v": "f", "l": "l", "m": "m", "n": "n",
                "S": "S", "X": "x", "G": "g", "T": "s", "D": "z", "x": "x"}
#: a vowel letter may stand for a long vowel Arabic writes (lower case: e, i, o, u) or must (upper case: the
#: glides w and y, which the Arabic writes as و and ي)
_XS_LAT_VOWEL = {"a": "", "e": "y", "i": "y", "y": "Y", "o": "w", "u": "w", "w": "W"}
_XS_LAT_DIGRAPHS = (("tch", "S"), ("sch", "S"), ("sh", "S"), ("ch", "S"), ("kh", "X"), ("gh", "G"),
                    ("th", "T"), ("dh", "D"), ("dj", "j"), ("ph", "f"))
#: Arabic letters (after ``ar_base``) -> consonant class; و، ي are vowels, ع a vowel class of its own (E)
_XS_AR_CONS = {"ب": "b", "ت": "t", "ط": "t", "ث": "s", "س": "s", "ص": "s", "ج": "j", "ح": "h", "ه": "h",
               "خ": "x", "د": "d", "ض": "d", "ذ": "z", "ز": "z", "ظ": "z", "ر": "r", "ش": "S", "غ": "g",
               "ف": "f", "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n"}
_XS_AR_VOWEL = {"و": "W", "ي": "Y", "ا": "", "ع": "E", "ى": ""}
#: the marks romanisations use for ʿayn: where a Latin name writes one, the Arabic has ع there
_XS_AYN_MARKS = "[`‘ʿʻ´‛]"
#: a skeleton needs this many letters (consonants plus the Arabic's written long vowels) to be evidence
XS_MIN_LETTERS = 2

XsForm = tuple[str, tuple[str, ...]]   # (consonant key, vowel letters before/between/after them)


def _xs_close(cons: list[str], gaps: list[str]) -> XsForm | None:
    return ("".join(cons), tuple(gaps)) if cons else None


def _xs_push(cons: list[str], gaps: list[str], c: str) -> None:
    if cons and cons[-1] == c and not gaps[-1]:
        return                      # a doubled consonant is one letter (shadda is not written)
    cons.append(c)
    gaps.append("")


def xs_latin(name: str) -> XsForm | None:
    """A Latin name as an Arabic skeleton: (consonant classes, vowel classes around them)."""
    s = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch)).lower()
    s = re.sub(_XS_AYN_MARKS, "E", re.sub(r"['’ʾʼ′]", "", s))
    words = [w for w in _LATIN_SEP_RE.split(s) if w and w not in _LATIN_ARTICLES]
    cons: list[str] = []
    gaps = [""]
    ending = False
    for n, w in enumerate(words):
        w = re.sub(r"[^a-zE]", "", w)
        if n == len(words) - 1:
            w, k = re.subn(r"(?<=.)(?:[ae]h?|(?<=[iy])h)$", "", w)   # -a, -ah, -eh, -iyah: the feminine ending
            ending = bool(k)
        for a, b in _XS_LAT_DIGRAPHS:
            w = w.replace(a, b)
        for ch in w:
            if ch == "E":
                gaps[-1] += "E"
            elif ch in _XS_LAT_VOWEL:
                gaps[-1] = _xs_vowel(gaps[-1], _XS_LAT_VOWEL[ch])
            elif ch in _XS_LAT_CONS:
                _xs_push(cons, gaps, _XS_LAT_CONS[ch])
    if ending:
        gaps[-1] += "A"
    return _xs_close(cons, gaps)


def _xs_vowel(gap: str, v: str) -> str:
    """Add a vowel class to a Latin gap; a run of one class is one letter ("uw", "yy", "ee"), must-be-written
    when any letter of the run is a glide."""
    if not v:
        return gap
    if gap and gap[-1].lower() == v.lower():
        return gap[:-1] + (v if v.isupper() else gap[-1])
    return gap + v


def xs_arabic(words: list[str]) -> XsForm | None:
    """Arabic words (``ar_base``: normalised, articles off, final ى as ا) as a skeleton.  A final ة/ه is
    the feminine ending: a t inside the name (خربة X is "Khirbet X"); at its end, like a final ا, an
    ending the Latin must write too (-a, -ah, -eh)."""
    cons: list[str] = []
    gaps = [""]
    ending = False
    for n, w in enumerate(words):
        if n == len(words) - 1 and len(w) > 2 and w[-1] in "اه":
            w, ending = w[:-1], True
        elif w.endswith("ه") and len(w) > 2:
            w = w[:-1] + "ت"
        for ch in w:
            if ch in _XS_AR_VOWEL:
                v = _XS_AR_VOWEL[ch]
                if v and (not gaps[-1] or gaps[-1][-1] != v):
                    gaps[-1] += v
            elif ch in _XS_AR_CONS:
                _xs_push(cons, gaps, _XS_AR_CONS[ch])
    if ending:
        gaps[-1] += "A"
    return _xs_close(cons, gaps)


@lru_cache(maxsize=4096)
def _xs_gap_re(gap: str) -> re.Pattern[str]:
    """The Arabic vowel letters a Latin gap allows: lower case may be written, upper case must be, and
    an ع may stand anywhere (most reporters leave it out) unless the Latin marks it (E: then it must)."""
    return re.compile("E?" + "".join(v.upper() + ("?" if v.islower() else "") + "E?" for v in gap))


def xs_fits(latin_gaps: tuple[str, ...], arabic_gaps: tuple[str, ...]) -> bool:
    """Does every long vowel the Arabic writes stand in the Latin spelling at the same place, and every
    glide (w, y) the Latin writes stand in the Arabic?"""
    if len(latin_gaps) != len(arabic_gaps):
        return False
    return all(_xs_gap_re(lat).fullmatch(ar) for lat, ar in zip(latin_gaps, arabic_gaps))


def xs_letters(form: XsForm, arabic_gaps: tuple[str, ...]) -> int:
    """Letters of evidence: the consonants and the long vowels the Arabic writes (not ع nor the ending)."""
    return len(form[0]) + sum(len(g.replace("A", "").replace("E", "")) for g in arabic_gaps)
