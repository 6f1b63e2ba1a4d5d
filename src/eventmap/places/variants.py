"""Spelling variants of place names: rule families, variant keys, and the scoped index.

Reporters write one village many ways.  In Arabic a long vowel is written or left out
(بصر / بصرى، الحرير / الحريري، المسيفرة / المسفرة), two words are joined or split
(كفر ناسج / كفرناسج), the final letter is ة، ه or ا (كويا / الكوية), the article sits on one
word or on each.  In Latin script the vowels move (Shehab / Shihab, Jaleen / Jallayn, Seida /
Sayda), vowels are dropped (Mlehat / Mulayhat, Msaifra / Musayfirah), consonants are spelled
by ear (q/k/g, dh/z/d, th/t/s, kh/h, sh/ch).

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
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from eventmap.text import (
    AR_DIRECTIONS,
    drop_article,
    latin_key,
    normalize_ar,
    split_latin_direction,
)

# --- rule families ----------------------------------------------------------------------------

#: every Arabic family, in the order they are applied (structural first, letters last)
AR_FAMILIES = ("ar_join", "ar_final", "ar_alif", "ar_wy", "ar_letters")
#: every Latin family, in the order they are applied
LAT_FAMILIES = ("lat_join", "lat_french", "lat_vowels", "lat_glides", "lat_drop",
                "lat_kh", "lat_qkg", "lat_dz", "lat_ts")

#: what each family does, for reasons shown to the analyst
FAMILY_DESCRIPTIONS = {
    "ar_join": "words joined or split (كفر ناسج / كفرناسج)",
    "ar_final": "final long vowel or ة/ه/ا written or left out (بصر / بصرى، كويا / كوية)",
    "ar_alif": "medial alif written or left out (ناحتة / نحتة)",
    "ar_wy": "medial و/ي written or left out (المسيفرة / المسفرة)",
    "ar_letters": "similar letters confused (ص/س، ط/ت، ض/د/ظ/ذ/ز، ث/س/ت، ق/ك)",
    "lat_join": "words joined or split (Kafr Nasij / Kafrnasij)",
    "lat_french": "French spelling (ch/sh, dj/j)",
    "lat_vowels": "vowel spelled differently (Shehab / Shihab, Jaleen / Jallayn)",
    "lat_glides": "w/y spelled as vowels (Kwayya / Koya)",
    "lat_drop": "vowels dropped (Mlehat / Mulayhat, Msaifra / Musayfirah)",
    "lat_kh": "kh written as h",
    "lat_qkg": "q/k/g for one letter",
    "lat_dz": "dh/z/d for one letter",
    "lat_ts": "th/t/s for one letter",
}

#: The families the gazetteer uses, chosen by ``benchmarks/calibrate_variants.py`` (held-out
#: figures in README "Looking up a place").  Tier 1 is tried first; tier 2 only when tier 1 finds
#: nothing.  A family is absent here when calibration showed it pins unknown names onto the wrong
#: village more often than it finds the right one.
AR_TIERS: tuple[tuple[str, ...], ...] = (("ar_join", "ar_final"), ("ar_join", "ar_final", "ar_alif", "ar_wy"))
LAT_TIERS: tuple[tuple[str, ...], ...] = (("lat_join", "lat_french", "lat_vowels", "lat_glides"),
                                          ("lat_join", "lat_french", "lat_vowels", "lat_glides", "lat_drop", "lat_kh"))
#: a variant key shorter than this (letters, spaces excluded) is too common to be evidence
MIN_KEY_LETTERS = {"ar": 3, "lat": 3}

_AR_LETTER_CLASSES = str.maketrans({"ص": "س", "ط": "ت", "ض": "د", "ظ": "د", "ذ": "د", "ز": "د", "ث": "س",
                                    "ق": "ك", "ت": "س"})
_LAT_VOWEL_RUN = re.compile(r"[aeiou]+")
_LAT_VOWEL_GLIDE_RUN = re.compile(r"[aeiouwy]+")
_LAT_VOWEL = re.compile(r"[aeiou]")


def ar_base(name: str) -> tuple[list[str], str]:
    """Arabic name -> (words without articles, direction label).  Same split as the lookup's loose key."""
    words = [drop_article(w) for w in normalize_ar(name).split()]
    direction = ""
    if len(words) >= 2:
        lab = AR_DIRECTIONS.get(words[-1]) or AR_DIRECTIONS.get("ال" + words[-1])
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
    if "ar_final" in fams and len(w) >= 3 and w[-1] in "هاي":
        w = w[:-1]
    if len(w) > 2 and ("ar_alif" in fams or "ar_wy" in fams):
        drop = ("ا" if "ar_alif" in fams else "") + ("وي" if "ar_wy" in fams else "")
        w = w[0] + "".join(c for c in w[1:-1] if c not in drop) + w[-1]
    if "ar_wy" in fams or "ar_alif" in fams:
        w = re.sub(r"(.)\1+", r"\1", w)
    return w


_LAT_DIGRAPHS = (("sh", "$"), ("kh", "x"), ("gh", "g"), ("th", "t"), ("dh", "d"))


@lru_cache(maxsize=131072)
def _lat_word(w: str, fams: frozenset[str]) -> str:
    # latin_key has already folded case, accents, articles, doubled letters, ou/ee/ei, q->k, final -ah.
    # Digraphs become one symbol first so that dropping a vowel never glues s+h into sh.
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
    if "lat_drop" in fams:
        head = "a" if w[:1] in "aeiou" else w[:1]
        rest = w[1:]
        if "lat_glides" in fams:
            rest = re.sub(r"[wy]", "", rest)
        w = head + _LAT_VOWEL.sub("", rest)
    elif "lat_glides" in fams:
        w = _LAT_VOWEL_GLIDE_RUN.sub("a", w)
    elif "lat_vowels" in fams:
        w = _LAT_VOWEL_RUN.sub("a", w)
    return re.sub(r"(.)\1+", r"\1", w).replace("$", "sh").replace("x", "kh")


def variant_key_from_base(words: list[str], direction: str, script: str, families: Iterable[str],
                          min_letters: int | None = None) -> str:
    """The variant key of a name already split by :func:`ar_base` / :func:`lat_base`."""
    fams = frozenset(families)
    if script == "ar":
        ws = [_ar_word(w, fams) for w in words]
        sep = "" if "ar_join" in fams else " "
    else:
        ws = [_lat_word(w, fams) for w in words]
        sep = "" if "lat_join" in fams else " "
    key = sep.join(w for w in ws if w)
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
        self.max_words = 1

    def _build(self, gov: str) -> dict[str, list[dict[str, list[tuple[int, str]]]]]:
        from eventmap.text import script_of

        tables: dict[str, list[dict[str, list[tuple[int, str]]]]] = {
            "ar": [{} for _ in AR_TIERS], "latin": [{} for _ in LAT_TIERS]}
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
                for fams, table in zip(tiers, tables[sc]):
                    k = variant_key_from_base(words, direction, sc, fams)
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
