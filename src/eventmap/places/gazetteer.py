"""The gazetteer: load the committed place table and resolve names to places.

Resolution works in three passes, most literal first, and stops at the first
pass that finds anything:

1. exact  - the normalised name (Arabic letter forms unified; Latin folded by
   ``latin_key``) equals a gazetteer name or variant, also after stripping
   attached clitics (و ب ل ف ك, وال, بال, لل);
2. loose  - the same without definite articles, with the direction qualifier
   (شرقي/الشرقي/Sharqi/Eastern ...) kept apart as part of the key, so "البكار" and
   "البكار الشرقي" never match each other;
3. generic - a leading generic word (قرية، بلدة، مدينة، مزرعة، حي، تل، ريف، ناحية،
   منطقة، محافظة، وادي، جبل; village/town/city/hill/countryside ...) is taken off and
   its meaning kept: "تل الجابية" resolves to the village الجابية with qualifier
   "hill"; "ريف درعا" to the governorate.

A name none of these finds is tried as a **spelling variant** (``eventmap.places.variants``:
calibrated rule families such as words joined or split, a medial alif left out, inner Latin
vowels respelled or dropped), but only inside ``scope`` (the governorates the report is
about, default Dar'a + Quneitra) and only when the variant names one place there (or
namesakes of one name).  Latin-script names then go on to a fuzzy pass (rapidfuzz
``fuzz.ratio`` over the latin keys, threshold ``FUZZY_RESOLVE``); Arabic names never
do: a one-letter Arabic difference is usually another village, and Arabic near-misses
come back as suggestions, never as the answer.

Candidates sharing a name are ranked with context: admin units and curated
regions named in ``context`` (soft evidence: reports and OCHA polygons disagree
near boundaries), distance to places already resolved nearby (``near``), and a
regional prior for the south.  When every candidate is far from the context the
name is ``unresolved`` with the namesakes as suggestions: never a confident
far-away namesake.
"""

from __future__ import annotations

import csv
import json
import math
import re
import sys
import threading
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache
from math import asin, cos, exp, radians, sin, sqrt
from pathlib import Path
from typing import Literal

from rapidfuzz import fuzz, process

from eventmap.model import Candidate, LookupResult, Place
from eventmap.places.variants import (
    MULTIWORD_TIERS,
    AR_TIERS,
    LAT_TIERS,
    VariantHit,
    VariantIndex,
    ar_base,
    explain,
    lat_base,
    variant_key,
    variant_key_from_base,
)
from eventmap.settings import analyst_places_path, gazetteer_dir
from eventmap.text import (
    AR_DIRECTIONS,
    drop_article,
    latin_key,
    normalize_ar,
    script_of,
    split_latin_direction,
    strip_clitics,
    strip_controls,
)

#: the focus of the product: Dar'a, Quneitra (strong), As-Sweida, Rural Damascus, Damascus (weaker)
SOUTH_CORE = ("SY12", "SY14")
SOUTH_NEAR = ("SY13", "SY03", "SY01")
#: the default ``scope`` of a lookup: the governorates a report is about when the caller does not say
DEFAULT_SCOPE = SOUTH_CORE
_PCODE1_RE = re.compile(r"^SY\d\d$")
#: base scores of a variant match per tier (an exact spelling scores 1.0, a loose one 0.96)
VARIANT_SCORES = (0.9, 0.85, 0.8)
#: variant rules that keep the name itself (an exact spelling found only far away may give way to these)
_SAME_NAME_RULES = {"ar_join", "lat_join"}

MAX_NAME_CHARS = 200
#: names whose matches a gazetteer keeps (a name's matches are a few tuples: some MB at most)
_MATCH_CACHE_SIZE = 20_000
#: rapidfuzz ratio (0-100) on latin keys at or above which a Latin name resolves by fuzzy match.
#: Calibrated by ``benchmarks/calibrate_fuzzy.py`` (best F0.5 = precision-weighted): below 94 more than 4% of
#: unknown southern names would be pinned onto a similar-named village; 70-94 are suggestions only.
FUZZY_RESOLVE = 94.0
#: lower bound for suggestions
FUZZY_SUGGEST = 70.0
#: best minus second score below which a lookup is "ambiguous"
AMBIGUITY_MARGIN = 0.05
#: a candidate further than this from every context anchor is "far"
FAR_KM = 60.0

# Leading generic words: normalised Arabic form -> (qualifier, kind hint)
AR_GENERICS: dict[str, tuple[str, str]] = {
    "قريه": ("", "village"), "بلده": ("", "village"), "مدينه": ("", "city"), "حي": ("", "neighbourhood"),
    "مزرعه": ("farm", "village"), "مزارع": ("farms", "village"), "بلدات": ("", "village"), "قري": ("", "village"),
    "مخيم": ("camp", "village"), "تل": ("hill", "village"), "تله": ("hill", "village"), "جبل": ("mountain", "village"),
    "وادي": ("valley", "village"), "سهل": ("plain", "village"), "بحيره": ("lake", "village"), "سد": ("dam", "village"),
    "ريف": ("countryside", "admin"), "محافظه": ("", "governorate"), "ناحيه": ("", "subdistrict"),
    "منطقه": ("area", "any"), "مركز": ("", "any"), "اطراف": ("outskirts", "village"), "محيط": ("surroundings", "village"),
}
LATIN_GENERICS: dict[str, tuple[str, str]] = {
    "village": ("", "village"), "town": ("", "village"), "city": ("", "city"), "hamlet": ("", "village"),
    "neighbourhood": ("", "neighbourhood"), "neighborhood": ("", "neighbourhood"), "district": ("", "district"),
    "tal": ("hill", "village"), "hill": ("hill", "village"), "jabal": ("mountain", "village"), "mount": ("mountain", "village"),
    "wadi": ("valley", "village"), "valley": ("valley", "village"), "camp": ("camp", "village"),
    "farm": ("farm", "village"), "farms": ("farms", "village"), "mazraat": ("farm", "village"),
    "countryside": ("countryside", "admin"), "rural": ("countryside", "admin"), "rif": ("countryside", "admin"),
    "reef": ("countryside", "admin"), "governorate": ("", "governorate"), "province": ("", "governorate"),
    "subdistrict": ("", "subdistrict"), "sub": ("", "subdistrict"), "area": ("area", "any"),
    "outskirts": ("outskirts", "village"), "nahiyat": ("", "subdistrict"), "nahiya": ("", "subdistrict"),
    "muhafazat": ("", "governorate"), "mintaqat": ("area", "any"),
}
#: trailing generic words in English ("Daraa countryside", "Quneitra province")
LATIN_TRAILING: dict[str, tuple[str, str]] = {
    "countryside": ("countryside", "admin"), "province": ("", "governorate"), "governorate": ("", "governorate"),
    "district": ("", "district"), "subdistrict": ("", "subdistrict"), "city": ("", "village"),
    "village": ("", "village"), "town": ("", "village"), "area": ("area", "any"), "region": ("", "any"),
    "valley": ("valley", "any"), "basin": ("basin", "any"), "plain": ("plain", "any"),
    "heights": ("heights", "any"), "camp": ("camp", "village"),
}

_COLUMNS = ("id", "kind", "name_ar", "name_en", "variants_ar", "variants_en", "lat", "lon",
            "admin1_en", "admin1_ar", "admin1_pcode", "admin2_en", "admin2_ar", "admin2_pcode",
            "admin3_en", "admin3_ar", "admin3_pcode", "source", "source_id", "flags", "feature_code",
            "population", "note")


def _split(v: str) -> tuple[str, ...]:
    return tuple(x for x in v.split("|") if x) if v else ()


def place_from_row(r: dict[str, str]) -> Place:
    return Place(
        id=r["id"], kind=r["kind"], name_ar=r.get("name_ar", ""), name_en=r.get("name_en", ""),
        variants_ar=_split(r.get("variants_ar", "")), variants_en=_split(r.get("variants_en", "")),
        lat=float(r["lat"]), lon=float(r["lon"]),
        admin1_en=r.get("admin1_en", ""), admin1_ar=r.get("admin1_ar", ""), admin1_pcode=r.get("admin1_pcode", ""),
        admin2_en=r.get("admin2_en", ""), admin2_ar=r.get("admin2_ar", ""), admin2_pcode=r.get("admin2_pcode", ""),
        admin3_en=r.get("admin3_en", ""), admin3_ar=r.get("admin3_ar", ""), admin3_pcode=r.get("admin3_pcode", ""),
        source=r.get("source", ""), source_id=r.get("source_id", ""), flags=_split(r.get("flags", "")),
        feature_code=r.get("feature_code", ""), population=int(r.get("population") or 0), note=r.get("note", ""),
    )


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    # (math's functions bound at import, and ``min(1.0, r)`` as a conditional: the extractor asks tens of
    # times a report; the same operations in the same order)
    lat1 = radians(a[0])
    lat2 = radians(b[0])
    h = sin((lat2 - lat1) / 2) ** 2 + cos(lat1) * cos(lat2) * sin((radians(b[1]) - radians(a[1])) / 2) ** 2
    r = sqrt(h)
    return 2 * 6371.0 * asin(r if r < 1.0 else 1.0)


def names_its_governorate(p: Place) -> bool:
    """A town that gives its name to its governorate (درعا, القنيطرة, Daraa, Quneitra, Hama)."""
    if p.kind in ("region", "governorate", "district", "subdistrict", "country"):
        return False
    return _names_its_governorate(p.name_ar, p.admin1_ar, p.name_en, p.admin1_en)


@lru_cache(maxsize=65536)
def _names_its_governorate(name_ar: str, admin1_ar: str, name_en: str, admin1_en: str) -> bool:
    """:func:`names_its_governorate` past the kind test: a pure function of four names (cached)."""
    if admin1_ar and normalize_ar(name_ar) == normalize_ar(admin1_ar):
        return True
    return bool(admin1_en) and latin_key(name_en) == latin_key(admin1_en)


def nearest_km(a: tuple[float, float], points: Sequence[tuple[float, float]]) -> float:
    """``min(haversine_km(a, b) for b in points)``, the same float, with one arc sine."""
    return _nearest_rad(_in_radians(a), [_in_radians(b) for b in points])


#: a point as ``haversine_km`` reads it: (latitude in radians, its cosine, longitude in radians)
RadPoint = tuple[float, float, float]


def _in_radians(a: tuple[float, float]) -> RadPoint:
    lat = radians(a[0])
    return lat, cos(lat), radians(a[1])


#: an anchor in radians, kept (a report's anchors are the same for each of its lookups)
_anchor_in_radians = lru_cache(maxsize=20_000)(_in_radians)


def _nearest_rad(a: RadPoint, points: Sequence[RadPoint]) -> float:
    """:func:`nearest_km` of points already in radians (the same operations in the same order: the same float)."""
    lat1, c1, lon1 = a
    best = math.inf
    for lat2, c2, lon2 in points:
        h = sin((lat2 - lat1) / 2) ** 2 + c1 * c2 * sin((lon2 - lon1) / 2) ** 2
        if h < best:
            best = h
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(best)))


def _ar_key(norm: str) -> str:
    """Loose Arabic key with the direction qualifier split off: "بكار|east"."""
    words = [drop_article(w) for w in norm.split()]
    direction = ""
    if len(words) >= 2:
        last = words[-1]
        lab = AR_DIRECTIONS.get(last) or AR_DIRECTIONS.get("ال" + last)
        if lab:
            direction = lab
            words = words[:-1]
    return " ".join(words) + "|" + direction


_GENERIC_KEY_WORDS = {latin_key(w) for w in (*LATIN_GENERICS, *LATIN_TRAILING, "muhafaza", "mintaqa", "nahia")}
_E_AS_I = re.compile(r"(?<![aeiy])e(?![aeiy])")


def _lat_key(name: str) -> str:
    base, direction = split_latin_direction(latin_key(name))
    return base + "|" + direction


class Gazetteer:
    """Places of Syria (Dar'a and Quneitra in detail) with name lookup."""

    def __init__(self, places: Sequence[Place], directory: Path | None = None):
        self.directory = directory
        self.places: list[Place] = list(places)
        self._nearest_memo: dict[int, float] = {}
        self._anchors_rad: list[RadPoint] | None = None
        self._place_rad: dict[int, RadPoint] = {}
        self._boundary_paths: dict[int | str, Path] = {}
        self._by_id: dict[str, Place] = {}
        self._ar_exact: dict[str, list[tuple[int, str]]] = defaultdict(list)
        self._ar_loose: dict[str, list[tuple[int, str]]] = defaultdict(list)
        self._lat: dict[str, list[tuple[int, str]]] = defaultdict(list)
        self._analyst: set[int] = set()
        self._vindex: VariantIndex | None = None
        self._gov: list[str] | None = None
        self._exact_key_cache: dict[int, frozenset[str]] = {}
        self._variant_cache: dict[tuple[str, tuple[str, ...]], VariantHit | None] = {}
        self._match_cache: dict[tuple[str, str], tuple[tuple[tuple[int, str, float], ...], str, str]] = {}
        self._adjacent: dict[str, frozenset[str]] | None = None
        self.region_members = load_region_members(directory)
        for i, p in enumerate(self.places):
            self._index(i, p)
        self._finish_index()

    # -- construction ----------------------------------------------------------------
    @classmethod
    def load(cls, path: str | Path | None = None,
             analyst_places: str | Path | Literal[False] | None = None) -> Gazetteer:
        """The gazetteer in ``path`` (default: the committed one), with the per-user overlay file (``False``: without)."""
        directory = Path(path) if path else gazetteer_dir()
        tsv = directory / "places.tsv" if directory.is_dir() else directory
        if not tsv.exists():
            raise FileNotFoundError(
                f"gazetteer file not found: {tsv}. Build it with `eventmap gazetteer build --from ../shared/data` "
                "or set EVENTMAP_GAZETTEER to the folder holding places.tsv")
        csv.field_size_limit(sys.maxsize)
        with open(tsv, encoding="utf-8", newline="") as fh:
            places = [place_from_row(r) for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)]
        if analyst_places is not False:
            from eventmap.places.overlay import load_analyst_places
            ap = Path(analyst_places) if analyst_places else analyst_places_path()
            places.extend(load_analyst_places(ap))
        return cls(places, directory=tsv.parent)

    def _names(self, p: Place) -> Iterable[str]:
        yield p.name_ar
        yield p.name_en
        yield from p.variants_ar
        yield from p.variants_en

    def _index(self, i: int, p: Place) -> None:
        if p.id in self._by_id:  # analyst places may shadow: later wins
            pass
        self._by_id[p.id] = p
        if p.source == "analyst":
            self._analyst.add(i)
        for name in self._names(p):
            if not name:
                continue
            sc = script_of(name)
            if sc == "ar":
                norm = normalize_ar(name)
                self._ar_exact[norm].append((i, name))
                self._ar_loose[_ar_key(norm)].append((i, name))
            elif sc == "latin":
                k = _lat_key(name)
                if k.strip("|"):
                    self._lat[k].append((i, name))

    def _finish_index(self) -> None:
        self._lat_choices = list(self._lat.keys())
        self._ar_choices = list(self._ar_loose.keys())
        # admin / region names for reading context: normalised form -> place indices
        self._context_names_ar: dict[str, list[int]] = defaultdict(list)
        self._context_names_lat: dict[str, list[int]] = defaultdict(list)
        for i, p in enumerate(self.places):
            if p.kind in ("governorate", "district", "subdistrict", "region"):
                for name in self._names(p):
                    if not name:
                        continue
                    if script_of(name) == "ar":
                        n = normalize_ar(name)
                        # "مركز درعا" style names are too literal for context; keep the plain name
                        if len(n) >= 3:
                            self._context_names_ar[n].append(i)
                    else:
                        k = latin_key(name)
                        if len(k) >= 4:
                            self._context_names_lat[k].append(i)
        self._ctx_ar_max = max((len(k.split()) for k in self._context_names_ar), default=1)
        self._ctx_lat_max = max((len(k.split()) for k in self._context_names_lat), default=1)
        # the first words of those names: a phrase starting with any other word names none of them
        self._ctx_ar_first = frozenset(k.split(" ", 1)[0] for k in self._context_names_ar)
        self._ctx_lat_first = frozenset(k.split(" ", 1)[0] for k in self._context_names_lat)
        self._admin_index: _AdminIndex | None = None

    # -- simple accessors --------------------------------------------------------------
    def get(self, place_id: str) -> Place | None:
        return self._by_id.get(place_id)

    def __len__(self) -> int:
        return len(self.places)

    def plus(self, places: Iterable[Place]) -> Gazetteer:
        """A new gazetteer of these places and ``places`` (analyst pins: later wins, preferred in lookups)."""
        return Gazetteer(list(self.places) + list(places), directory=self.directory)

    def name_keys(self) -> Iterable[tuple[str, str]]:
        """(normalised key, place_id) for every name: Arabic ``normalize_ar``, Latin ``latin_key``."""
        for norm, hits in self._ar_exact.items():
            for i, _ in hits:
                yield norm, self.places[i].id
        for p in self.places:
            for name in (p.name_en, *p.variants_en):
                if name and script_of(name) == "latin":
                    k = latin_key(name)
                    if k:
                        yield k, p.id

    def boundaries_path(self, level: int | str) -> Path:
        path = self._boundary_paths.get(level)
        if path is None:   # asked once per report: the directory is found once per gazetteer
            base = (self.directory or gazetteer_dir()) / "boundaries"
            path = self._boundary_paths[level] = base / (f"adm{level}.geojson" if str(level) in "123" else f"{level}.geojson")
        return path

    def admin_for_point(self, lat: float, lon: float) -> Place | None:
        """The OCHA sub-district (as a Place) containing a point, or None outside Syria."""
        if self._admin_index is None:
            self._admin_index = _AdminIndex(self.boundaries_path(3))
        pcode = self._admin_index.locate(lat, lon)
        return self.get(f"ocha:{pcode}") if pcode else None

    # -- context -------------------------------------------------------------------------
    def context_places(self, context: str) -> list[Place]:
        """Admin units and curated regions named in a piece of text (soft evidence)."""
        if not context:
            return []
        found: dict[int, None] = {}
        if script_of(context) in ("ar", "mixed"):
            words = normalize_ar(context).split()
            # also try each word without its clitics; only the forms some name starts with
            firsts = [[f for f in strip_clitics(w) if f in self._ctx_ar_first] for w in words]
            for n in range(self._ctx_ar_max, 0, -1):
                for s in range(0, len(words) - n + 1):
                    for f in firsts[s]:
                        phrase = " ".join([f, *words[s + 1:s + n]])
                        for i in self._broadest(self._context_names_ar.get(phrase, ())):
                            found.setdefault(i)
        if script_of(context) in ("latin", "mixed"):
            words, capital = self._latin_context_words(context)
            for n in range(self._ctx_lat_max, 0, -1):
                for s in range(0, len(words) - n + 1):
                    if words[s] not in self._ctx_lat_first or not any(capital[s:s + n]):
                        continue
                    phrase = " ".join(words[s:s + n])
                    for i in self._broadest(self._context_names_lat.get(phrase, ())):
                        found.setdefault(i)
        return [self.places[i] for i in found]

    @staticmethod
    def _latin_context_words(context: str) -> tuple[list[str], list[bool]]:
        """The matching keys of a Latin context's words, and whether each was written with a capital.

        English writes a place's name with a capital ("the western Daraa countryside": one word of it
        at least); prose words whose key is a name's ("were" and "al Wa`rah", a sub-district of Homs,
        both read "wara") name nothing.  A context written without any capital (typed in lower case)
        keeps every word."""
        cased = context != context.lower()
        words: list[str] = []
        capital: list[bool] = []
        for token in context.split():
            keys = latin_key(token).split()
            words += keys
            capital += [not cased or token != token.lower()] * len(keys)
        return words, capital

    _LEVEL = {"region": 0, "governorate": 1, "district": 2, "subdistrict": 3}

    def _broadest(self, idxs) -> list[int]:
        """A bare name shared by a governorate, its district and sub-district means the governorate."""
        if len(idxs) <= 1:
            return list(idxs)
        lv = {i: self._LEVEL.get(self.places[i].kind, 4) for i in idxs}
        non_region = [i for i in idxs if lv[i] > 0]
        keep = [i for i in idxs if lv[i] == 0]
        if non_region:
            top = min(lv[i] for i in non_region)
            keep += [i for i in non_region if lv[i] == top]
        return keep

    # -- lookup --------------------------------------------------------------------------
    def lookup(self, name: str, context: str = "", near: Sequence[tuple[float, float]] | None = None,
               limit: int = 5, scope: Sequence[str] | str | None = None) -> LookupResult:
        """Resolve ``name``; ``context`` is the surrounding text, ``near`` the points of places
        already resolved in the same sentence or list, ``scope`` the governorates (OCHA admin1
        p-codes, e.g. ``("SY12", "SY14")``) the report is about.

        A spelling variant (``match="variant"``) is accepted only inside ``scope`` (default: Dar'a
        and Quneitra) and only when it names one place there, or namesakes of one name.  When
        ``scope`` is given (or ``context``/``near`` place the text), a village or town whose every
        namesake lies beyond the scope's governorates and their neighbours is ``unresolved`` with
        the namesakes as suggestions, unless the context names that far unit."""
        query = name if isinstance(name, str) else str(name)
        clean = strip_controls(query).strip()
        limit = max(1, int(limit or 5))
        if not clean:
            return LookupResult(query, "unresolved", "empty name: give a place name in Arabic or Latin script")
        if len(clean) > MAX_NAME_CHARS:
            return LookupResult(query[:80] + "…", "unresolved",
                                f"name too long ({len(clean)} characters; a place name has at most {MAX_NAME_CHARS}): "
                                "pass the place name itself, and the rest of the text as --context")
        sc = script_of(clean)
        if sc == "none":
            return LookupResult(query, "unresolved", "no letters in the name (only digits, punctuation or symbols)")
        scope_t = self.normalize_scope(scope)
        ring = self.scope_ring(scope_t) if scope is not None else None
        hits, qualifier, how = self._match(clean, sc)
        anchors, ctx_places = self._anchors(context, near)
        self._nearest_memo = {}   # place index -> km to the nearest anchor, for this lookup
        self._anchors_rad = None  # this lookup's anchors in radians, when first needed
        far_only = bool(hits) and how != "fuzzy" and (ring is not None or bool(anchors)) and \
            all(self._far(i, ring, anchors, ctx_places) for i, _, _ in hits)
        vhit = None
        if not hits or how == "fuzzy" or far_only:
            vhit = self.variant_hit(clean, scope_t)
            # a name the data holds as written, but only far away, is a far namesake or a plain word
            # ("Deadly"): a respelling in scope would compound two guesses; only the same name
            # (article, words joined) in scope replaces it
            if vhit is not None and vhit.unique and (not far_only or set(vhit.families) <= _SAME_NAME_RULES):
                score = VARIANT_SCORES[min(vhit.tier, len(VARIANT_SCORES) - 1)]
                hits = [(i, n, score) for i, n in zip(vhit.place_indices, vhit.matched_names)]
                qualifier, far_only = vhit.qualifier, False
                how = "variant" if vhit.families else "loose"
                if vhit.kind_hint:
                    hits = self._prefer_kind(hits, vhit.kind_hint)
            elif vhit is not None and not hits:
                return self._variant_suggestions(query, vhit, qualifier, limit)
        if not hits:
            return self._not_found(query, clean, sc, anchors, qualifier, limit)
        cands = self._rank(hits, how, qualifier, anchors, ctx_places, ring)
        if how == "variant" and vhit is not None:
            cands = [replace(c, reasons=(f"variant: {vhit.rule_text}", *c.reasons)) for c in cands]
        elif how == "loose" and vhit is not None:
            cands = [replace(c, reasons=("in the governorates of the report (the exact spelling is only far away)",
                                         *c.reasons)) for c in cands]
        return self._decide(query, cands, how, qualifier, anchors, limit)

    def _not_found(self, query: str, clean: str, sc: str, anchors, qualifier: str, limit: int) -> LookupResult:
        sugg = self._suggest(clean, sc, anchors, limit)
        reason = "not in the gazetteer"
        if sc == "mixed":
            reason += " (the name mixes Arabic and Latin script; give one script)"
        if sugg:
            reason += "; nearest names: " + ", ".join(
                f"{c.place.name_ar or c.place.name_en} ({c.place.admin1_en or '?'})" for c in sugg[:3])
        return LookupResult(query, "unresolved", reason, (), qualifier, tuple(sugg))

    def _variant_suggestions(self, query: str, vhit: VariantHit, qualifier: str, limit: int) -> LookupResult:
        """A variant that fits several different names in scope: shown, never chosen."""
        sugg = []
        for i, n in zip(vhit.place_indices, vhit.matched_names):
            p = self.places[i]
            sugg.append(Candidate(place=p, score=0.5, match="variant", matched_name=n,
                                  reasons=(f"variant: {vhit.rule_text}",)))
        sugg.sort(key=lambda c: c.place.id)
        names = ", ".join(f"{c.matched_name} ({c.place.admin1_en}/{c.place.admin3_en})" for c in sugg[:4])
        return LookupResult(query, "unresolved",
                            f"not in the gazetteer as written; a spelling variant of {len(sugg)} different places "
                            f"in the governorates of the report ({names}): not chosen", (), qualifier, tuple(sugg[:limit]))

    def _decide(self, query: str, cands: list[Candidate], how: str, qualifier: str, anchors, limit: int) -> LookupResult:
        """Resolved, ambiguous or unresolved, from the ranked candidates."""
        far_words = ("far from context", "outside the governorates")
        if all(any(w in r for r in c.reasons for w in far_words) for c in cands):
            names = "; ".join(f"{c.place.name_en} ({c.place.admin1_en}/{c.place.admin3_en})" for c in cands[:3])
            where = (f"far (>{FAR_KM:.0f} km) from the area the text is about" if anchors
                     else "outside the governorates the report is about and their neighbours")
            return LookupResult(query, "unresolved", f"only namesakes {where}: {names}", (), qualifier,
                                tuple(cands[:limit]))
        cands = cands[:max(limit, 2)]
        best = cands[0]
        if how == "fuzzy" and best.score < 0.5:
            return LookupResult(query, "unresolved", "only weak fuzzy matches", (), qualifier, tuple(cands[:limit]))
        if how == "fuzzy" and not anchors and best.place.admin1_pcode not in SOUTH_CORE + SOUTH_NEAR:
            # a spelling guess far from the south, with nothing in the text to support it, is not an answer
            return LookupResult(query, "unresolved",
                                f"only a spelling guess outside the south ({best.place.name_en}, {best.place.admin1_en}); "
                                "pass the surrounding text as context to confirm it", (), qualifier, tuple(cands[:limit]))
        rival = self._rival(cands)
        if rival is not None and self._raw[best.place.id] - self._raw[rival.place.id] < AMBIGUITY_MARGIN:
            reason = (f"{len(cands)} places share this name and the context does not separate them "
                      f"({best.place.admin1_en}/{best.place.admin3_en} vs {rival.place.admin1_en}/{rival.place.admin3_en})")
            if how == "variant":
                reason = f"variant match on '{best.matched_name}'; " + reason
            return LookupResult(query, "ambiguous", reason, tuple(cands[:limit]), qualifier)
        reason = f"{how} match on '{best.matched_name}'"
        if best.reasons:
            reason += "; " + "; ".join(best.reasons)
        if qualifier:
            reason += f"; qualifier: {qualifier} (located at the place it is named after)"
        return LookupResult(query, "resolved", reason, tuple(cands[:limit]), qualifier)

    # -- scope ---------------------------------------------------------------------------
    @staticmethod
    def normalize_scope(scope: Sequence[str] | str | None) -> tuple[str, ...]:
        """Admin1 p-codes from a scope argument: None -> Dar'a + Quneitra; "SY12" or ["SY12", "SY1403"]
        (finer p-codes are cut to their governorate).  Anything else raises ``ValueError``."""
        if scope is None:
            return DEFAULT_SCOPE
        items = [scope] if isinstance(scope, str) else list(scope)
        out: list[str] = []
        for it in items:
            code = str(it).strip().upper()[:4]
            if not _PCODE1_RE.match(code):
                raise ValueError(f"scope must be OCHA admin p-codes such as 'SY12' (Dar'a), not {it!r}")
            if code not in out:
                out.append(code)
        return tuple(out) or DEFAULT_SCOPE

    def scope_ring(self, scope: Sequence[str]) -> frozenset[str]:
        """The scope's governorates and the governorates that border them (a report about Dar'a may
        name a village just across the line in As-Sweida; one in Idlib is another place)."""
        if self._adjacent is None:
            self._adjacent = _adjacent_governorates(self.boundaries_path(1))
        ring = set(scope)
        for code in scope:
            ring |= self._adjacent.get(code, frozenset())
        return frozenset(ring)

    def governorate_of(self, i: int) -> str:
        """The governorate p-code of place ``i``; for the few points outside every OCHA polygon (the
        Jordanian border of the Yarmouk, the occupied Golan) the governorate of the nearest sub-district."""
        return self._governorate_list()[i]

    def scope_for_text(self, text: str, base: Sequence[str] = DEFAULT_SCOPE) -> tuple[str, ...]:
        """``base`` plus the governorates named in ``text`` (by their name, a district's or a sub-district's)."""
        out = list(base)
        for p in self.context_places(text):
            if p.kind in ("governorate", "district", "subdistrict") and p.admin1_pcode and p.admin1_pcode not in out:
                out.append(p.admin1_pcode)
        return tuple(out)

    def _far(self, i: int, ring: frozenset[str] | None, anchors, ctx_places) -> bool:
        """Is place ``i`` beyond the area the report is about (and not named there)?"""
        p = self.places[i]
        if p.kind in ("governorate", "region", "country", "city") or self._named_in_context(p, ctx_places):
            return False  # a governorate or a city named in a report is that place, wherever it is
        if ring is not None and self.governorate_of(i) not in ring:
            return True
        if anchors and not p.is_admin:
            return self._nearest(i, anchors) > FAR_KM
        return False

    def _nearest(self, i: int, anchors: Sequence[tuple[float, float]]) -> float:
        """Km from place ``i`` to the nearest of the anchors of the lookup under way (computed once; the
        anchors are turned into radians once per lookup, each place once per gazetteer)."""
        d = self._nearest_memo.get(i)
        if d is None:
            if self._anchors_rad is None:
                self._anchors_rad = [_anchor_in_radians(b) for b in anchors]
            pr = self._place_rad.get(i)
            if pr is None:
                p = self.places[i]
                pr = self._place_rad[i] = _in_radians((p.lat, p.lon))
            d = self._nearest_memo[i] = _nearest_rad(pr, self._anchors_rad)
        return d

    @staticmethod
    def _named_in_context(p: Place, ctx_places) -> bool:
        for c in ctx_places or ():
            if c.kind == "governorate" and p.admin1_pcode == c.admin1_pcode:
                return True
            if c.kind == "district" and p.admin2_pcode and p.admin2_pcode == c.admin2_pcode:
                return True
            if c.kind == "subdistrict" and p.admin3_pcode and p.admin3_pcode == c.admin3_pcode:
                return True
        return False

    # -- spelling variants ---------------------------------------------------------------
    def _variants(self) -> VariantIndex:
        if self._vindex is None:
            self._vindex = VariantIndex(self.places, self._governorate_list())
        return self._vindex

    def _governorate_list(self) -> list[str]:
        if self._gov is None or len(self._gov) != len(self.places):
            self._gov = _governorates(self.places)
        return self._gov

    def variant_hit(self, name: str, scope: Sequence[str] | str | None = None) -> VariantHit | None:
        """The places ``name`` is a spelling variant of, inside ``scope`` (default Dar'a + Quneitra).

        ``None`` when no rule tier finds a place there; ``.unique`` is False when the variant fits
        several different names (then it is a suggestion, never an answer).  Cached per (name, scope).
        """
        scope_t = self.normalize_scope(scope)
        ck = (name, scope_t)
        if ck in self._variant_cache:
            return self._variant_cache[ck]
        clean = strip_controls(name).strip()
        sc = script_of(clean)
        hit = self._variant_search(clean, sc, scope_t) if sc in ("ar", "latin") and len(clean) <= MAX_NAME_CHARS else None
        if len(self._variant_cache) > 200_000:
            self._variant_cache.clear()
        self._variant_cache[ck] = hit
        return hit

    def variant_match(self, ngram: str, scope: Sequence[str] | str | None = None) -> tuple[str, ...]:
        """For the mention scanner: the ids of the places ``ngram`` is a spelling variant of, when it
        names one place (or namesakes of one name) inside ``scope``; ``()`` otherwise.

        ``ngram`` is a word n-gram as written or normalised (``normalize_ar`` / plain Latin words);
        an Arabic first word may carry clitics (و ف ب ل ك).  Names the gazetteer holds as written
        are not variants (``name_keys()`` finds them).  Cost: a dict hit once the n-gram was seen,
        otherwise one key per tier (tens of microseconds).
        """
        hit = self.variant_hit(ngram, scope)
        if hit is None or not hit.unique or not hit.families or self._is_exact(strip_controls(ngram).strip()):
            return ()  # no rule was needed: a name as written, maybe after a generic word (مدينة X)
        return tuple(dict.fromkeys(self.places[i].id for i in hit.place_indices))

    @property
    def variant_max_words(self) -> int:
        """The longest name in words in the default scope (the largest n-gram worth testing with ``variant_match``)."""
        vi = self._variants()
        for gov in DEFAULT_SCOPE:
            vi.tables(gov)
        return vi.max_words

    def _variant_forms(self, clean: str, sc: str) -> list[tuple[str, str, str]]:
        """(form, qualifier, kind hint) to try: the name, its first word without clitics, without a generic word."""
        if sc == "ar":
            words = normalize_ar(clean).split()
            if not words:
                return []
            forms = [(" ".join([f, *words[1:]]), "", "") for f in strip_clitics(words[0])]
            for f in strip_clitics(words[0]):
                g = AR_GENERICS.get(f)
                if g and len(words) > 1 and g[1] != "admin":
                    forms.append((" ".join(words[1:]), g[0], g[1]))
            return forms
        forms = [(clean, "", "")]
        words = latin_key(clean).split()
        raw = clean.split()
        if len(words) > 1 and len(raw) > 1:
            g = LATIN_GENERICS.get(words[0])
            if g and g[1] != "admin":
                forms.append((" ".join(raw[1:]), g[0], g[1]))
            t = LATIN_TRAILING.get(raw[-1].lower())
            if t and t[1] != "admin":
                forms.append((" ".join(raw[:-1]), t[0], t[1]))
        return forms

    def _variant_search(self, clean: str, sc: str, scope: tuple[str, ...]) -> VariantHit | None:
        vi = self._variants()
        script = "ar" if sc == "ar" else "latin"
        tiers = AR_TIERS if sc == "ar" else LAT_TIERS
        forms = self._variant_forms(clean, sc)
        for tier, fams in enumerate(tiers):
            for form, qual, kind in forms:
                k = variant_key(form, script, fams)
                if not k:
                    continue
                entries = vi.entries(k, script, tier, scope)
                if not entries:
                    continue
                entries, unique = self._one_place(entries)
                fam_used = explain(form, entries[0][1], script, fams)
                return VariantHit(tuple(i for i, _ in entries), tuple(n for _, n in entries), fam_used,
                                  tier, unique, qual, kind)
        hit = self._across_scripts(forms, scope, len(tiers)) if script == "latin" else None
        if hit is None:
            hit = self._multiword(forms, scope, len(tiers), script)
        if hit is not None:
            return hit
        return self._without_direction(clean, script, scope, len(tiers) + 1)

    def _multiword(self, forms: list[tuple[str, str, str]], scope: tuple[str, ...], tier: int,
                   script: str) -> VariantHit | None:
        """A name of two words or more with a long vowel left out, in Arabic, or a final vowel, in Latin
        (``variants.MULTIWORD_TIERS``)."""
        vi = self._variants()
        fams = MULTIWORD_TIERS[script]
        for form, qual, kind in forms:
            words, direction = ar_base(form) if script == "ar" else lat_base(form)
            k = variant_key_from_base(words, direction, script, fams) if len(words) >= 2 else ""
            entries = vi.multiword_entries(k, scope, script) if k else []
            if entries:
                entries, unique = self._one_place(entries)
                fam_used = explain(form, entries[0][1], script, fams)
                return VariantHit(tuple(i for i, _ in entries), tuple(n for _, n in entries), fam_used,
                                  tier, unique, qual, kind)
        return None

    def _across_scripts(self, forms: list[tuple[str, str, str]], scope: tuple[str, ...], tier: int) -> VariantHit | None:
        """A Latin name the Latin tiers miss, read against the Arabic names in scope (``variants.xs_latin``)."""
        vi = self._variants()
        for form, qual, kind in forms:
            _, direction = lat_base(form)
            raw = form.split()
            if direction and len(raw) > 1:
                form = " ".join(raw[:-1])
            entries = vi.xs_entries(form, direction, scope)
            if entries:
                entries, unique = self._one_place(entries)
                return VariantHit(tuple(i for i, _ in entries), tuple(n for _, n in entries), ("lat_ar",),
                                  tier, unique, qual, kind)
        return None

    def _without_direction(self, clean: str, script: str, scope: tuple[str, ...], tier: int) -> VariantHit | None:
        """"X الشرقي" / "X Sharqi" where the data holds X and no X of any direction in scope: X itself
        (the village reports call eastern X is the one the data calls X).  Exact keys only."""
        words, direction = ar_base(clean) if script == "ar" else lat_base(clean)
        if not direction or not words or not _direction_is_the_names(clean, script):
            return None
        vi = self._variants()
        fams = AR_TIERS[0] if script == "ar" else LAT_TIERS[0]
        labels = set(AR_DIRECTIONS.values())
        if any(vi.entries(variant_key_from_base(words, lab, script, fams), script, 0, scope) for lab in labels):
            return None   # the data tells eastern from western X: another direction is another village
        k = variant_key_from_base(words, "", script, fams)
        entries = vi.entries(k, script, 0, scope) if k else []
        if not entries:
            return None
        entries, unique = self._one_place(entries)
        return VariantHit(tuple(i for i, _ in entries), tuple(n for _, n in entries), ("direction",),
                          tier, unique)

    def _is_exact(self, form: str) -> bool:
        """Is ``form`` (first word maybe with clitics) a name the gazetteer holds as written?"""
        sc = script_of(form)
        if sc == "ar":
            words = normalize_ar(form).split()
            for f in strip_clitics(words[0]) if words else ():
                norm = " ".join([f, *words[1:]])
                if norm in self._ar_exact or _ar_key(norm) in self._ar_loose:
                    return True
            return False
        return sc == "latin" and _lat_key(form) in self._lat

    def _one_place(self, entries: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], bool]:
        """Entries of one variant key in scope -> (entries kept, do they name one place or namesakes of one name)."""
        best: dict[int, str] = {}
        for i, n in entries:
            best.setdefault(i, n)
        idx = list(best)
        pops = [i for i in idx if not self.places[i].is_admin]
        if pops:  # a unit hit with a populated place inside it: the place (Mzeireb the sub-district, Muzayrib the town)
            idx = [i for i in idx if not self.places[i].is_admin or not any(_inside(self.places[j], self.places[i]) for j in pops)]
        ids = {self.places[i].id for i in idx}
        idx = [i for i in idx if not any(f"duplicate_of:{pid}" in self.places[i].note for pid in ids)] or idx
        kept = [(i, best[i]) for i in sorted(idx)]
        if len(idx) == 1:
            return kept, True
        common = frozenset.intersection(*(self._exact_keys(i) for i in idx))
        return kept, bool(common)

    def _exact_keys(self, i: int) -> frozenset[str]:
        ks = self._exact_key_cache.get(i)
        if ks is None:
            out = set()
            for n in self._names(self.places[i]):
                if not n:
                    continue
                sc = script_of(n)
                if sc == "ar":
                    out.add(_ar_key(normalize_ar(n)))
                elif sc == "latin":
                    out.add("l:" + _lat_key(n))
            ks = self._exact_key_cache[i] = frozenset(out)
        return ks

    @staticmethod
    def _rival(cands: list[Candidate]) -> Candidate | None:
        """The strongest candidate that is really another place: not an admin unit containing the best one."""
        best = cands[0].place
        for c in cands[1:]:
            p = c.place
            if f"duplicate_of:{best.id}" in p.note or f"duplicate_of:{p.id}" in best.note:
                continue
            if p.is_admin:
                code = p.admin3_pcode if p.kind == "subdistrict" else p.admin2_pcode if p.kind == "district" else p.admin1_pcode
                if p.kind != "region" and code and best.admin3_pcode.startswith(code):
                    continue
            return c
        return None

    # name matching: returns [(place_index, matched_name, base_score)], qualifier, how
    def _match(self, clean: str, sc: str) -> tuple[list[tuple[int, str, float]], str, str]:
        """The name's matches; they depend on the name alone, so they are kept (a fresh list each call)."""
        got = self._match_cache.get((clean, sc))
        if got is None:
            hits, qualifier, how = self._match_uncached(clean, sc)
            if len(self._match_cache) >= _MATCH_CACHE_SIZE:
                self._match_cache.clear()
            got = self._match_cache[(clean, sc)] = (tuple(hits), qualifier, how)
        return list(got[0]), got[1], got[2]

    def _match_uncached(self, clean: str, sc: str) -> tuple[list[tuple[int, str, float]], str, str]:
        if sc == "mixed":
            # mixed scripts: try the Arabic part, then the Latin part
            ar = " ".join(w for w in clean.split() if script_of(w) == "ar")
            la = " ".join(w for w in clean.split() if script_of(w) == "latin")
            for part, psc in ((ar, "ar"), (la, "latin")):
                if part:
                    hits, q, how = self._match(part, psc)
                    if hits:
                        return hits, q, how
            return [], "", ""
        if sc == "ar":
            return self._match_ar(normalize_ar(clean))
        return self._match_latin(clean)

    def _match_ar(self, norm: str) -> tuple[list[tuple[int, str, float]], str, str]:
        words = norm.split()
        if not words:
            return [], "", ""
        for first in strip_clitics(words[0]):
            full = " ".join([first, *words[1:]])
            hits = self._ar_exact.get(full)
            if hits:
                return [(i, n, 1.0) for i, n in hits], "", "exact"
            hits = self._ar_loose.get(_ar_key(full))
            if hits:
                return [(i, n, 0.96) for i, n in hits], "", "loose"
        # generic leading word: "قرية X", "تل X", "ريف X"
        for first in strip_clitics(words[0]):
            g = AR_GENERICS.get(first)
            if g and len(words) > 1:
                qualifier, kind = g
                rest = " ".join(words[1:])
                # ريف X الجنوبي: "countryside of X, south part" -> X's governorate
                found, q2, how = self._match_ar(rest)
                if not found and kind == "admin":
                    base, direction = _split_ar_direction_word(rest)
                    if direction:
                        found, q2, how = self._match_ar(base)
                        qualifier = f"{direction} countryside"
                if found:
                    return self._prefer_kind(found, kind), qualifier or q2, how + "+generic"
        return [], "", ""

    def _match_latin(self, clean: str) -> tuple[list[tuple[int, str, float]], str, str]:
        key = latin_key(clean)
        if not key:
            return [], "", ""
        k = _lat_key(clean)
        hits = self._lat.get(k)
        if hits:
            hits3 = [(i, n, 0.97) for i, n in hits]
            if not _GENERIC_KEY_WORDS.intersection(key.split()):
                hits3 = self._with_towns_of_units(hits3)
            return hits3, "", "exact"
        words = key.split()
        # leading / trailing generic words
        if len(words) > 1:
            g = LATIN_GENERICS.get(words[0])
            if g:
                found, q2, how = self._match_latin(" ".join(words[1:]))
                if found:
                    return self._prefer_kind(found, g[1]), g[0] or q2, how + "+generic"
            t = words[-1]
            for raw, (qual, kind) in LATIN_TRAILING.items():
                if latin_key(raw) == t:
                    found, q2, how = self._match_latin(" ".join(words[:-1]))
                    if found:
                        return self._prefer_kind(found, kind), qual or q2, how + "+generic"
        # "e" romanises both short a and short i (French and Levantine habit: Jassem, Inkhel, Sheikh
        # Meskin); the key maps it to "a", so try "i" once before the fuzzy pass
        alt = _lat_key(_E_AS_I.sub("i", clean.lower()))
        if alt != k and alt in self._lat:
            return [(i, n, 0.93) for i, n in self._lat[alt]], "", "vowel-variant"
        # fuzzy on the latin keys
        res = process.extract(k, self._lat_choices, scorer=fuzz.ratio, score_cutoff=FUZZY_RESOLVE, limit=8)
        out: list[tuple[int, str, float]] = []
        want_dir = k.rsplit("|", 1)[1]
        for choice, score, _ in res:
            if choice.rsplit("|", 1)[1] != want_dir:
                continue
            for i, n in self._lat[choice]:
                out.append((i, n, 0.55 + 0.4 * (score - FUZZY_RESOLVE) / (100 - FUZZY_RESOLVE)))
        return out, "", "fuzzy" if out else ""

    def _with_towns_of_units(self, hits: list[tuple[int, str, float]]) -> list[tuple[int, str, float]]:
        """A Latin name found only as an admin unit (OCHA's "Da'el", "Hrak") also means the town the unit
        is named after: add the populated places with the unit's Arabic name inside it."""
        if any(not self.places[i].is_admin or self.places[i].kind == "region" for i, _, _ in hits):
            return hits
        out = list(hits)
        for i, n, s in hits:
            unit = self.places[i]
            if not unit.name_ar or latin_key(n) != latin_key(unit.name_en):
                continue  # matched a variant ("Eastern Ghouta" for Jaramana): not the unit's own town name
            bare = drop_article(normalize_ar(unit.name_ar))
            for form in (bare, "ال" + bare):   # (OCHA's "مزيريب" for the town of "المزيريب")
                for j, n in self._ar_exact.get(form, ()):
                    p = self.places[j]
                    if not p.is_admin and p.admin1_pcode == unit.admin1_pcode:
                        out.append((j, n, s))
        return out

    def _prefer_kind(self, hits: list[tuple[int, str, float]], kind: str) -> list[tuple[int, str, float]]:
        if kind in ("", "any"):
            return hits
        out = []
        for i, n, s in hits:
            k = self.places[i].kind
            is_admin = k in ("governorate", "district", "subdistrict", "region")
            if kind == "admin":
                s += 0.2 if is_admin else -0.2
                if k == "governorate":
                    s += 0.05
            elif kind in ("governorate", "district", "subdistrict"):
                s += 0.25 if k == kind else -0.2
            else:  # village/city/neighbourhood: populated places
                s += -0.2 if is_admin else 0.02
            out.append((i, n, s))
        return out

    def _anchors(self, context: str, near: Sequence[tuple[float, float]] | None):
        ctx_places = self.context_places(context) if context else []
        anchors: list[tuple[float, float]] = [(p[0], p[1]) for p in (near or ()) if p and None not in p]
        for p in ctx_places:
            anchors.append((p.lat, p.lon))
        return list(dict.fromkeys(anchors)), ctx_places   # the nearest anchor is all that is asked of them

    def _rank(self, hits, how, qualifier, anchors, ctx_places, ring=None) -> list[Candidate]:
        self._raw: dict[str, float] = {}
        best_by_place: dict[int, tuple[str, float]] = {}
        for i, n, s in hits:
            if i not in best_by_place or s > best_by_place[i][1]:
                best_by_place[i] = (n, s)
        ctx_pcodes = {p.admin1_pcode: p for p in ctx_places if p.kind == "governorate"}
        ctx_p2 = {p.admin2_pcode for p in ctx_places if p.kind == "district"}
        ctx_p3 = {p.admin3_pcode for p in ctx_places if p.kind == "subdistrict"}
        region_members: set[str] = set()
        for p in ctx_places:
            if p.kind == "region":
                region_members.update(self.region_members.get(p.id, ()))
        out: list[Candidate] = []
        for i, (n, s) in best_by_place.items():
            p = self.places[i]
            reasons: list[str] = []
            score = s
            in_region = False
            if i in self._analyst:
                score += 0.3
                reasons.append("analyst place")
            gov = p.admin1_pcode or self.governorate_of(i)
            if gov in SOUTH_CORE:
                score += 0.06
            elif gov in SOUTH_NEAR:
                score += 0.03
            if p.kind in ("governorate", "district", "subdistrict") and not qualifier:
                score -= 0.12  # a plain name means the town before the unit named after it
            if "abandoned" in p.flags:
                score -= 0.03
            if "duplicate" in p.flags:
                score -= 0.1  # a second record of a place kept under another id (note: duplicate_of:...)
            if p.kind in ("city", "town") or "admin_seat" in p.flags:
                score += 0.02
            if p.kind == "city" and not qualifier and names_its_governorate(p):
                score += 0.08   # "Hama": the city of a million, not a village of the Golan its key also spells
                reasons.append("its governorate's capital")
            if ctx_places:
                if p.admin1_pcode and p.admin1_pcode in ctx_pcodes and p.kind != "governorate":
                    score += 0.1
                    reasons.append(f"governorate named in context: {p.admin1_en}")
                if p.admin2_pcode and p.admin2_pcode in ctx_p2 and p.kind not in ("district", "governorate"):
                    score += 0.12
                    reasons.append(f"district named in context: {p.admin2_en}")
                if p.admin3_pcode and p.admin3_pcode in ctx_p3 and p.kind in ("village", "town", "city", "neighbourhood"):
                    score += 0.15
                    reasons.append(f"sub-district named in context: {p.admin3_en}")
                in_region = bool(p.admin3_pcode) and any(p.admin3_pcode.startswith(m) for m in region_members)
                if in_region and p.kind != "region":
                    score += 0.2
                    reasons.append("inside a region named in context")
            in_ctx_admin = bool(ctx_places) and (p.admin1_pcode in ctx_pcodes or p.admin2_pcode in ctx_p2
                                                 or p.admin3_pcode in ctx_p3 or in_region)
            if ring is not None and self._far(i, ring, (), ctx_places):
                score -= 0.25
                reasons.append(f"outside the governorates of the report ({p.admin1_en or 'no governorate'})")
            if anchors:
                d = self._nearest(i, anchors)
                # a sub-district lies within a few km of its towns: as far as they are (only larger units may
                # have a centre far from a place inside them)
                if d > FAR_KM and (not p.is_admin or p.kind == "subdistrict") and not in_ctx_admin:
                    score -= 0.25
                    reasons.append(f"far from context ({d:.0f} km)")
                else:
                    score += 0.1 * math.exp(-d / 25.0)
            out.append(Candidate(place=p, score=_squash(score), match=how or "exact",
                                 matched_name=n, reasons=tuple(reasons)))
            self._raw[p.id] = score
        out.sort(key=lambda c: (-c.score, c.place.id))
        return out

    def _suggest(self, clean: str, sc: str, anchors, limit: int) -> list[Candidate]:
        """Nearest names for an unresolved query: shown to the analyst, never used as the answer."""
        if sc == "ar":
            key = _ar_key(normalize_ar(clean))
            table, choices = self._ar_loose, self._ar_choices
        else:
            key = _lat_key(clean)
            table, choices = self._lat, self._lat_choices
        res = process.extract(key, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_SUGGEST, limit=limit * 3)
        out: list[Candidate] = []
        for choice, score, _ in res:
            for i, n in table[choice]:
                p = self.places[i]
                s = score / 100.0
                if anchors:
                    d = nearest_km((p.lat, p.lon), anchors)
                    s -= 0.2 if d > FAR_KM else 0.0
                out.append(Candidate(place=p, score=max(0.0, s), match="suggestion", matched_name=n))
        out.sort(key=lambda c: (-c.score, c.place.id))
        return out[:limit]


def _squash(raw: float) -> float:
    """Map a raw ranking score (about 0 to 1.7) monotonically into [0, 1] without ties at the top."""
    # (``max(0.0, raw)`` as a conditional, the same value, NaN included: once per candidate of every lookup)
    return round(1.0 - exp(-1.8 * (raw if raw > 0.0 else 0.0)), 6)


def _inside(p: Place, unit: Place) -> bool:
    """Does populated place ``p`` lie in admin unit ``unit``?"""
    if unit.kind == "subdistrict":
        return bool(unit.admin3_pcode) and p.admin3_pcode == unit.admin3_pcode
    if unit.kind == "district":
        return bool(unit.admin2_pcode) and p.admin2_pcode == unit.admin2_pcode
    if unit.kind == "governorate":
        return bool(unit.admin1_pcode) and p.admin1_pcode == unit.admin1_pcode
    return False


def _direction_is_the_names(clean: str, script: str) -> bool:
    """Is the trailing direction word part of the name ("خبب الغربي", "Khabab Gharbi"), not an adjective
    of a word before it ("أطراف مدينة خبب الشرقية": the eastern outskirts; "Northern X": north of X)?
    Arabic: the adjective agrees with the name (ة for a name ending in ة, none otherwise); Latin: only a
    transliterated adjective after the name."""
    words = clean.split()
    if len(words) < 2:
        return False
    if script == "ar":
        name_fem = normalize_ar(words[-2]).endswith(("ة", "ه"))
        adj_fem = normalize_ar(words[-1]).endswith(("ة", "ه"))
        return name_fem == adj_fem
    key = latin_key(clean).split()
    base, lab = split_latin_direction(" ".join(key))
    return bool(lab) and base == " ".join(key[:-1]) and not words[-1].lower().startswith((
        "north", "south", "east", "west", "upper", "lower", "old", "new", "big", "small", "great", "little"))


def _governorates(places: Sequence[Place]) -> list[str]:
    """Each place's governorate p-code; a point outside every OCHA polygon takes the governorate of
    the nearest sub-district centre (OCHA's label point)."""
    seats = [(p.lat, p.lon, p.admin1_pcode) for p in places if p.kind == "subdistrict" and p.admin1_pcode]
    out: list[str] = []
    for p in places:
        code = p.admin1_pcode
        if not code and seats and p.kind not in ("region", "country"):
            k = math.cos(math.radians(p.lat))
            code = min(seats, key=lambda s: (s[0] - p.lat) ** 2 + ((s[1] - p.lon) * k) ** 2)[2]
        out.append(code)
    return out


def _adjacent_governorates(path: Path) -> dict[str, frozenset[str]]:
    """Governorates whose (simplified) polygons touch, from ``boundaries/adm1.geojson``; {} without it."""
    if not path.exists():
        return {}
    from shapely.geometry import shape

    with open(path, encoding="utf-8") as fh:
        feats = json.load(fh)["features"]
    geoms = {f["properties"]["pcode"]: shape(f["geometry"]).simplify(0.005) for f in feats}
    out: dict[str, set[str]] = {c: set() for c in geoms}
    codes = sorted(geoms)
    for a_i, a in enumerate(codes):
        for b in codes[a_i + 1:]:
            ax0, ay0, ax1, ay1 = geoms[a].bounds
            bx0, by0, bx1, by1 = geoms[b].bounds
            if ax0 > bx1 + 0.02 or bx0 > ax1 + 0.02 or ay0 > by1 + 0.02 or by0 > ay1 + 0.02:
                continue
            if geoms[a].distance(geoms[b]) < 0.01:  # about 1 km: shared edges after simplification
                out[a].add(b)
                out[b].add(a)
    return {c: frozenset(v) for c, v in out.items()}


def _split_ar_direction_word(norm: str) -> tuple[str, str]:
    words = norm.split()
    if len(words) >= 2 and words[-1] in AR_DIRECTIONS:
        return " ".join(words[:-1]), AR_DIRECTIONS[words[-1]]
    return norm, ""


def load_region_members(directory: Path | None) -> dict[str, tuple[str, ...]]:
    """Curated regions -> the OCHA p-codes they are the union of (from ``regions.csv``)."""
    out: dict[str, tuple[str, ...]] = {}
    path = (directory or gazetteer_dir()) / "regions.csv"
    if path.exists():
        with open(path, encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh):
                out[f"region:{r['slug']}"] = tuple(m for m in r.get("members", "").split("|") if m)
    return out


class _AdminIndex:
    """Point-in-polygon over the simplified sub-district boundaries."""

    def __init__(self, path: Path):
        import json

        from shapely import STRtree
        from shapely.geometry import shape

        with open(path, encoding="utf-8") as fh:
            fc = json.load(fh)
        self.geoms = [shape(f["geometry"]) for f in fc["features"]]
        self.pcodes = [f["properties"].get("pcode", "") for f in fc["features"]]
        self.tree = STRtree(self.geoms)

    def locate(self, lat: float, lon: float) -> str | None:
        from shapely.geometry import Point

        pt = Point(lon, lat)
        for idx in self.tree.query(pt, predicate="intersects"):
            return self.pcodes[int(idx)]
        return None


_COMMITTED: dict[Path, Gazetteer] = {}
_COMMITTED_LOCK = threading.Lock()   # the dashboard's warm-up thread and a page may ask at once: read it once


def committed_gazetteer() -> Gazetteer:
    """The committed gazetteer alone (no analyst places), read once per process: the one index that
    ``default_gazetteer`` and the store's extractor (``layered.gazetteer_with``) build on. Read again only when
    ``EVENTMAP_GAZETTEER`` names another folder."""
    d = gazetteer_dir()
    with _COMMITTED_LOCK:
        g = _COMMITTED.get(d)
        if g is None:
            _COMMITTED.clear()
            g = _COMMITTED[d] = Gazetteer.load(d, analyst_places=False)
    return g


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The committed gazetteer plus this user's analyst places (cached; call ``reload_default`` after edits).

    Without analyst places it is ``committed_gazetteer()`` itself: a process that looks names up and also
    extracts (the dashboard, a test run) reads and indexes the committed file once, not twice."""
    from eventmap.places.overlay import load_analyst_places

    base = committed_gazetteer()
    pins = load_analyst_places(analyst_places_path())
    return base.plus(pins) if pins else base


def reload_default() -> Gazetteer:
    default_gazetteer.cache_clear()
    return default_gazetteer()
