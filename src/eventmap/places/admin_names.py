"""Governorate, district and sub-district names in any spelling the gazetteer knows.

Events store the OCHA English name of their admin units (``admin1`` = ``"Dar'a"``), but
analysts type ``Daraa``, ``Deraa``, ``درعا`` or ``Dar'a Governorate``. ``AdminNames`` maps
every name and variant of the gazetteer's admin units (OCHA names, OpenSyria aliases,
Arabic forms) through one matching key to the stored name, level by level, so the CLI,
the URL and the sidebar filter on the same units:

>>> names = admin_names()                                   # doctest: +SKIP
>>> names.canonical("Deraa", 1)                             # doctest: +SKIP
("Dar'a",)

Latin spellings are keyed by ``eventmap.text.latin_key`` (the key the gazetteer looks
names up with: Daraa, Deraa and Dar'a all give ``dara``); Arabic ones by
``normalize_ar`` with the article dropped. A name that several units of the same level
share (two sub-districts called the same in two governorates) maps to all of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from eventmap.text import has_arabic, latin_key, normalize_ar

#: admin level of each gazetteer kind (the stored ``admin1``/``admin2``/``admin3`` columns)
LEVEL_OF_KIND = {"governorate": 1, "district": 2, "subdistrict": 3}
LEVEL_WORDS = {1: "governorate", 2: "district", 3: "sub-district"}


def name_key(name: str) -> str:
    """The matching key of an admin name in either script ("" for a name with no letters)."""
    s = (name or "").strip()
    if not s:
        return ""
    if has_arabic(s):
        n = normalize_ar(s)
        return " ".join(w[2:] if w.startswith("ال") and len(w) > 3 else w for w in n.split())
    return latin_key(s)


@dataclass
class AdminNames:
    """Key -> stored names, per admin level; and the spellings of each stored name (for labels)."""

    keys: dict[int, dict[str, set[str]]] = field(default_factory=lambda: {1: {}, 2: {}, 3: {}})
    spellings: dict[int, dict[str, list[str]]] = field(default_factory=lambda: {1: {}, 2: {}, 3: {}})

    def add(self, level: int, stored: str, names: Iterable[str]) -> None:
        if not stored:
            return
        spell = self.spellings[level].setdefault(stored, [])
        for n in (stored, *names):
            k = name_key(n)
            if not k:
                continue
            self.keys[level].setdefault(k, set()).add(stored)
            if n and n not in spell:
                spell.append(n)

    def canonical(self, name: str, level: int, known: Sequence[str] = ()) -> tuple[str, ...]:
        """The stored names ``name`` stands for at ``level`` (sorted), ``()`` when none.

        ``known`` (the values actually in the store) are matched by the same key too, so a
        unit the gazetteer does not list (an older store, an analyst's place) still matches."""
        k = name_key(name)
        if not k:
            return ()
        if name in known:
            return (name,)
        out = set(self.keys.get(level, {}).get(k, ()))
        out |= {v for v in known if name_key(v) == k}
        if known:
            # a name the store does not hold matches nothing there: keep the gazetteer's form
            held = {v for v in out if v in known}
            out = held or out
        return tuple(sorted(out))

    def label(self, stored: str, level: int, limit: int = 3) -> str:
        """``Dar'a · درعا (Daraa, Dara)``: the stored name, its Arabic name and a few other
        spellings, for a choice list that finds the unit by any of them."""
        spell = self.spellings.get(level, {}).get(stored, [])
        ar = next((s for s in spell if has_arabic(s)), "")

        def letters(s: str) -> str:
            return "".join(ch for ch in s.casefold() if ch.isalpha())

        sk = name_key(stored)
        seen = {letters(stored)}
        others = []
        for s in spell:
            k = name_key(s)
            # "Daraa Governorate", "rural Dar'a": the unit's name plus a generic word says nothing new
            if has_arabic(s) or letters(s) in seen or (k != sk and sk in k) or len(s) > 20:
                continue
            seen.add(letters(s))
            others.append(s)
        head = f"{stored} · {ar}" if ar else stored
        return head + (f" ({', '.join(others[:limit])})" if others[:limit] else "")

    def suggest(self, name: str, level: int, known: Sequence[str] = (), limit: int = 3) -> list[str]:
        """Stored names whose spellings are closest to ``name`` (for an error message)."""
        from rapidfuzz import fuzz, process

        k = name_key(name)
        pool = {kk: min(v) for kk, v in self.keys.get(level, {}).items()}
        pool.update({name_key(v): v for v in known})
        if not k or not pool:
            return []
        hits = process.extract(k, list(pool), scorer=fuzz.ratio, limit=limit * 3)
        out: list[str] = []
        for kk, score, _ in hits:
            v = pool[kk]
            if score >= 70 and v not in out:
                out.append(v)
        return out[:limit]


def from_gazetteer(gazetteer) -> AdminNames:
    """The admin names of a ``Gazetteer`` (its places of kind governorate/district/subdistrict)."""
    return from_places(gazetteer.places)


def from_places(places: Iterable) -> AdminNames:
    """The admin names of these ``Place`` objects (those of kind governorate/district/subdistrict)."""
    out = AdminNames()
    for p in places:
        level = LEVEL_OF_KIND.get(p.kind)
        if level is None:
            continue
        stored = (p.admin1_en, p.admin2_en, p.admin3_en)[level - 1] or p.name_en
        out.add(level, stored, [p.name_en, p.name_ar, *p.variants_en, *p.variants_ar])
    return out


def _admin_places() -> list:
    """The default gazetteer's admin units (analyst places included), without building its name index
    when it is not loaded yet: the dashboard labels its governorate filter with these on the first page,
    where loading the whole gazetteer cost 1-3 s."""
    import csv
    import sys

    from eventmap.places import gazetteer as gz
    from eventmap.places.overlay import load_analyst_places
    from eventmap.settings import analyst_places_path, gazetteer_dir

    if gz.default_gazetteer.cache_info().currsize:
        return [p for p in gz.default_gazetteer().places if p.kind in LEVEL_OF_KIND]
    tsv = gazetteer_dir() / "places.tsv"
    csv.field_size_limit(sys.maxsize)
    with open(tsv, encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE) if r["kind"] in LEVEL_OF_KIND]
    places = [gz.place_from_row(r) for r in rows]
    return places + [p for p in load_analyst_places(analyst_places_path()) if p.kind in LEVEL_OF_KIND]


@lru_cache(maxsize=1)
def admin_names() -> AdminNames:
    """The admin names of the default gazetteer (built once per process; empty without one)."""
    try:
        return from_places(_admin_places())
    except (ImportError, OSError, ValueError, KeyError):
        return AdminNames()


def canonical_admin(values: Iterable[str], level: int, known: Sequence[str] = ()) -> tuple[tuple[str, ...], list[str]]:
    """``(stored names, names that matched nothing)`` for filter values typed in any spelling.

    Values already in ``known`` are kept as they are; the order of first appearance is kept."""
    names = admin_names()
    out: list[str] = []
    unknown: list[str] = []
    for v in values:
        v = (v or "").strip()
        if not v:
            continue
        hit = names.canonical(v, level, known)
        if not hit:
            unknown.append(v)
        for h in hit:
            if h not in out:
                out.append(h)
    return tuple(out), unknown


__all__ = ["LEVEL_WORDS", "AdminNames", "admin_names", "canonical_admin", "from_gazetteer", "from_places", "name_key"]
