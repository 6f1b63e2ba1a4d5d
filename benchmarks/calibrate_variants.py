"""Calibrate the spelling-variant rule families (``eventmap.places.variants``) on pairs the data holds.

Positives are real pairs of spellings of one place, taken from the gazetteer itself (never from news
reports): the alternate names Who's On First / GeoNames give a locality (``variants_ar`` /
``variants_en``: "Buşrá al Ḩarīrī" and "Busra al Hariri", «الشيخ مسكين» and «شيخ مسكين»), and
the OCHA / OpenSyria names of a sub-district or district beside the locality it is named after
("Mzeireb" and "Al Muzayrib", "Kherbet Ghazala" and "Khirbat Ghazalah"), the Levantine spellings
the press uses.  Only pairs the lookup does not already join (different exact / loose keys) count.
A query is the one spelling with that spelling removed from the index (leave-one-out); it is
recovered when the variant pass, inside the query place's governorate (Dar'a + Quneitra together
for the south), names exactly that place (or namesakes of one name).

Negatives (unknown names): each populated place is removed from the index with all its names and
its own name is looked up; a unique variant hit is a village pinned onto another one, the error
that matters most.  A point within 5 km of the right place counts as right (GeoNames often holds one
village twice, a few hundred metres apart, under two spellings; ``score.py`` counts 5 km).  Precision = TP / (TP + wrong place + false hits on unknown names), i.e. as
many unknown names as variant spellings: P = r / (r + w + f) with r the recall, w the wrong-place rate
on variants and f the false-hit rate on unknown names.

Places are split in two halves by a hash of their id: families are chosen on the calibration half
(greedy: a family joins tier 1 while precision stays >= 0.95, tier 2 while the cascade stays
>= 0.90, over every governorate and in Dar'a + Quneitra alone, each only if it recovers more pairs
without lowering F0.5), and the figures of the chosen setting are reported on the
held-out half.  With ``--corpus`` it also counts, over the word n-grams of ``../shared/dev/``
(when present) that are not annotated places, how often the chosen setting fires.

Run: python benchmarks/calibrate_variants.py [--corpus] [--quick]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from rapidfuzz import fuzz

from eventmap.places import variants as V
from eventmap.places.gazetteer import Gazetteer, _ar_key, _lat_key, haversine_km
from eventmap.text import normalize_ar, script_of

SOUTH = ("SY12", "SY14")
SOUTH_GROUP = ("south",)
_LEVEL_FORMS = re.compile(r"\b(nahiyat|nahiya|subdistrict|sub-district|district|governorate|countryside|rural|"
                          r"muhafazat|mintaqat|markaz|nāḩiyat|markaz)\b|ناحية|منطقة|محافظة|ريف|مركز", re.IGNORECASE)
P_TIER1, P_TIER2 = 0.95, 0.90
CLOSE = 60.0
NEAR_KM = 5.0


@dataclass
class Name:
    place: int
    text: str
    script: str            # "ar" | "latin"
    words: list[str]
    direction: str
    exact: str


@dataclass
class Query:
    name: Name
    target: int
    scope: tuple[str, ...]
    kind: str              # "alt" (alternate name of a locality) | "unit" (admin unit beside its town)
    close: bool = True     # rapidfuzz ratio >= 60 with a spelling of the target: a respelling, not another name


@dataclass
class Tally:
    pos: int = 0
    tp: int = 0
    close: int = 0
    close_tp: int = 0
    wrong: int = 0
    several: int = 0
    neg: int = 0
    fp_neg: int = 0
    by_kind: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0]))

    @property
    def recall(self) -> float:
        return self.tp / self.pos if self.pos else 0.0

    @property
    def precision(self) -> float:
        """Right answers among answers when as many unknown names as variant spellings are looked up."""
        r = self.recall
        w = self.wrong / self.pos if self.pos else 0.0
        f = self.fp_neg / self.neg if self.neg else 0.0
        return r / (r + w + f) if r + w + f else 1.0

    @property
    def precision3(self) -> float:
        """The same with three unknown names for every variant spelling (closer to real reports)."""
        r = self.recall
        w = self.wrong / self.pos if self.pos else 0.0
        f = self.fp_neg / self.neg if self.neg else 0.0
        return r / (r + w + 3 * f) if r + w + f else 1.0

    @property
    def f05(self) -> float:
        p, r = self.precision, self.recall
        return 1.25 * p * r / (0.25 * p + r) if p + r else 0.0


def exact_key(text: str, script: str) -> str:
    return _ar_key(normalize_ar(text)) if script == "ar" else "l:" + _lat_key(text)


def half(pid: str) -> int:
    return int(hashlib.md5(pid.encode()).hexdigest(), 16) % 2


class Data:
    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.gov = gaz._governorate_list()
        self.names: list[Name] = []
        self.by_place: dict[int, list[Name]] = defaultdict(list)
        self.pop: list[int] = []
        dup_of = {}
        for p in gaz.places:
            m = re.search(r"duplicate_of:(\S+)", p.note)
            if m:
                dup_of[p.id] = m.group(1)
        self.same: dict[int, set[int]] = defaultdict(set)   # a place and its duplicate records
        ids = {p.id: i for i, p in enumerate(gaz.places)}
        for a, b in dup_of.items():
            if b in ids:
                self.same[ids[a]].add(ids[b])
                self.same[ids[b]].add(ids[a])
        for i, p in enumerate(gaz.places):
            if p.is_admin or p.kind in ("region", "country"):
                continue
            self.pop.append(i)
            for t in dict.fromkeys((p.name_ar, p.name_en, *p.variants_ar, *p.variants_en)):
                n = self._name(i, t)
                if n:
                    self.names.append(n)
                    self.by_place[i].append(n)
        # every query is asked in a scope of the size of Dar'a + Quneitra (the default scope): the south
        # itself, or a fixed sample of that many places of one other governorate
        size = sum(1 for i in self.pop if self.gov[i] in SOUTH)
        by_gov: dict[str, list[int]] = defaultdict(list)
        for i in self.pop:
            by_gov[self.gov[i]].append(i)
        self.group: dict[int, str] = {}
        for g, idx in by_gov.items():
            if g in SOUTH:
                self.group.update((i, "south") for i in idx)
            elif g:
                for i in sorted(idx, key=lambda i: hashlib.md5(gaz.places[i].id.encode()).hexdigest())[:size]:
                    self.group[i] = g
        self.names = [n for n in self.names if n.place in self.group]
        self.pop = [i for i in self.pop if i in self.group]
        self.exact: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
        for n in self.names:
            self.exact[self.group[n.place]][n.exact].add(n.place)

    def _name(self, i: int, t: str) -> Name | None:
        if not t or _LEVEL_FORMS.search(t):
            return None
        sc = script_of(t)
        if sc == "ar":
            words, d = V.ar_base(t)
        elif sc == "latin":
            words, d = V.lat_base(t)
        else:
            return None
        return Name(i, t, sc, words, d, exact_key(t, sc)) if words else None

    def near(self, i: int, places: set[int]) -> bool:
        """Is every place within NEAR_KM of place ``i`` (a point that close is right, as score.py counts)?"""
        a = self.gaz.places[i]
        return all(haversine_km((a.lat, a.lon), (self.gaz.places[j].lat, self.gaz.places[j].lon)) <= NEAR_KM
                   for j in places)

    def scope_of(self, i: int) -> tuple[str, ...]:
        return (self.group[i],)

    def queries(self) -> list[Query]:
        out: list[Query] = []
        for i, ns in self.by_place.items():
            if i not in self.group:
                continue
            for n in ns:
                others = [m for m in ns if m.script == n.script and m is not n]
                if any(m.exact == n.exact for m in others) or not others:
                    continue
                out.append(Query(n, i, self.scope_of(i), "alt"))
        out += self._unit_queries()
        for q in out:
            q.close = max((fuzz.ratio(" ".join(q.name.words), " ".join(m.words)) for m in self.by_place[q.target]
                           if m.script == q.name.script and m.exact != q.name.exact), default=0) >= CLOSE
        return out

    def _unit_queries(self) -> list[Query]:
        """OCHA/OpenSyria names of a sub-district or district -> the locality inside it with its Arabic name."""
        gaz = self.gaz
        by_ar: dict[str, list[int]] = defaultdict(list)
        for i in self.pop:
            for n in self.by_place[i]:
                if n.script == "ar":
                    by_ar[n.exact].append(i)
        out: list[Query] = []
        seen: set[tuple[str, int]] = set()
        for u in gaz.places:
            if u.kind not in ("subdistrict", "district") or not u.name_ar:
                continue
            code = u.admin3_pcode if u.kind == "subdistrict" else u.admin2_pcode
            key = exact_key(u.name_ar, "ar")
            towns = [i for i in dict.fromkeys(by_ar.get(key, ()))
                     if (gaz.places[i].admin3_pcode if u.kind == "subdistrict" else gaz.places[i].admin2_pcode) == code]
            if len(towns) != 1 or towns[0] not in self.group:
                continue
            t = towns[0]
            t_keys = {n.exact for n in self.by_place[t]}
            for text in dict.fromkeys((u.name_en, *u.variants_en)):
                n = self._name(-1, text)
                if n is None or n.script != "latin" or n.exact in t_keys or (n.exact, t) in seen:
                    continue
                seen.add((n.exact, t))
                out.append(Query(n, t, self.scope_of(t), "unit"))
        return out


class Setting:
    """Key tables of every populated-place name for one family set (a tier cascade is a list of these)."""

    def __init__(self, data: Data, fams: tuple[str, ...], min_letters: int) -> None:
        self.data, self.fams, self.min = data, fams, min_letters
        self.table: dict[str, dict[str, list[Name]]] = defaultdict(lambda: defaultdict(list))
        for n in data.names:
            k = self.key(n)
            if k:
                self.table[data.group[n.place]][k].append(n)

    def key(self, n: Name) -> str:
        return V.variant_key_from_base(n.words, n.direction, n.script, self.fams, self.min)

    def hits(self, n: Name, scope: tuple[str, ...], exclude: set[int], self_exact: str | None) -> list[Name]:
        k = self.key(n)
        if not k:
            return []
        out = []
        for g in scope:
            for m in self.table[g].get(k, ()):
                if m.script != n.script or m.place in exclude and (self_exact is None or m.exact == self_exact):
                    continue
                out.append(m)
        return out


def unique(data: Data, hits: list[Name]) -> bool:
    places = {min({m.place} | data.same[m.place]) for m in hits}   # a place and its duplicate records are one
    if len(places) <= 1:
        return True
    keysets = [{m.exact for m in data.by_place[p]} for p in places]
    return bool(set.intersection(*keysets))


def evaluate(data: Data, cascade: list[Setting], queries: list[Query], negs: list[int], script: str) -> Tally:
    t = Tally()
    for q in queries:
        n = q.name
        if n.script != script:
            continue
        exact_elsewhere = any(p != q.target and p not in data.same[q.target]
                              for g in q.scope for p in data.exact[g].get(n.exact, ()))
        if exact_elsewhere:
            continue  # a namesake spelled so: the exact pass answers, not the variant pass
        t.pos += 1
        t.close += q.close
        t.by_kind[q.kind][0] += 1
        excl = {q.target} if q.kind == "alt" else set()
        for s in cascade:
            hits = s.hits(n, q.scope, excl, n.exact if q.kind == "alt" else None)
            if hits:
                places = {m.place for m in hits} | {x for m in hits for x in data.same[m.place]}
                if not unique(data, hits):
                    t.several += 1
                elif q.target in places or data.near(q.target, places):
                    t.tp += 1
                    t.close_tp += q.close
                    t.by_kind[q.kind][1] += 1
                else:
                    t.wrong += 1
                break
    for i in negs:
        scope = data.scope_of(i)
        gone = {i} | data.same[i]
        for n in data.by_place[i]:
            if n.script != script or n.text not in (data.gaz.places[i].name_ar, data.gaz.places[i].name_en):
                continue
            if any(p not in gone for g in scope for p in data.exact[g].get(n.exact, ())):
                continue  # a namesake: not a variant question
            t.neg += 1
            for s in cascade:
                hits = [m for m in s.hits(n, scope, set(), None) if m.place not in gone]
                if hits:
                    if unique(data, hits) and not data.near(i, {m.place for m in hits}):
                        t.fp_neg += 1
                    break
    return t


def fmt(t: Tally) -> str:
    unit = t.by_kind["unit"]
    u = f"; OCHA names {unit[1]}/{unit[0]}" if unit[0] else ""
    return (f"recall {t.recall:.3f} ({t.tp}/{t.pos}; respellings {t.close_tp}/{t.close}{u})  wrong {t.wrong}  "
            f"several {t.several}  false hits {t.fp_neg}/{t.neg} ({100 * t.fp_neg / max(1, t.neg):.1f}%)  "
            f"P {t.precision:.3f} (1:3 {t.precision3:.3f})  F0.5 {t.f05:.3f}")


def split(data: Data, queries: list[Query], h: int, south_only: bool = False) -> tuple[list[Query], list[int]]:
    qs = [q for q in queries if half(data.gaz.places[q.target].id) == h and (not south_only or q.scope == SOUTH_GROUP)]
    ns = [i for i in data.pop if half(data.gaz.places[i].id) == h and (not south_only or data.scope_of(i) == SOUTH_GROUP)]
    return qs, ns


def choose(data: Data, queries: list[Query], script: str, min_letters: int,
           log: list[str]) -> tuple[list[tuple[str, ...]], Tally]:
    """Greedy forward selection of families for two tiers on the calibration half.

    A family joins a tier when the cascade keeps its precision floor both over every governorate
    and in Dar'a + Quneitra alone (the default scope must be safe too), recovers more pairs, and
    does not lower F0.5 over every governorate.
    """
    fams_all = V.AR_FAMILIES if script == "ar" else V.LAT_FAMILIES
    qs, ns = split(data, queries, 0)
    qs_s, ns_s = split(data, queries, 0, True)
    cache: dict[tuple[str, ...], Setting] = {}

    def setting(f: tuple[str, ...]) -> Setting:
        f = tuple(x for x in fams_all if x in f)
        if f not in cache:
            cache[f] = Setting(data, f, min_letters)
        return cache[f]

    tiers: list[tuple[str, ...]] = []
    for floor in (P_TIER1, P_TIER2):
        cur: tuple[str, ...] = tiers[-1] if tiers else ()
        best = evaluate(data, [setting(t) for t in tiers], qs, ns, script) if tiers else Tally()
        while True:
            trials = []
            for f in fams_all:
                if f in cur:
                    continue
                cand = cur + (f,)
                casc = [setting(t) for t in tiers] + [setting(cand)]
                tal = evaluate(data, casc, qs, ns, script)
                tal_s = evaluate(data, casc, qs_s, ns_s, script)
                log.append(f"  {script} tier {len(tiers) + 1} try {'+'.join(cand)}: all {fmt(tal)} | south P {tal_s.precision:.3f}")
                if min(tal.precision, tal_s.precision) >= floor and tal.f05 >= best.f05 and tal.tp > best.tp:
                    trials.append((tal.f05, cand, tal))
            if not trials:
                break
            _, cur, best = max(trials, key=lambda x: x[0])
        if cur and (not tiers or cur != tiers[-1]):
            tiers.append(tuple(x for x in fams_all if x in cur))
    final = evaluate(data, [setting(t) for t in tiers], qs, ns, script) if tiers else Tally()
    return tiers, final


def corpus_triggers(gaz: Gazetteer) -> str:
    """How often the gazetteer's variant_match fires on dev-corpus n-grams that are not annotated places."""
    dev = Path(__file__).resolve().parents[2] / "shared" / "dev"
    if not (dev / "articles.jsonl").exists():
        return "corpus: ../shared/dev not found; skipped"
    recs = [json.loads(x) for x in (dev / "articles.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    grams = fired = fired_places = 0
    for r in recs:
        path = dev / "articles" / f"{r['id']}.txt"
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        annotated = {normalize_ar(x) for p in r.get("places", []) for x in [p, *r.get("place_variants", {}).get(p, [])]}
        ann_words = {w for a in annotated for w in a.split()}
        if r.get("language") == "ar":
            words = normalize_ar(text).split()
        else:
            words = re.findall(r"[A-Z][A-Za-z'’`-]+(?:\s+(?:al|el|ad|as|ash|an|ar|at)[- ][A-Z][A-Za-z'’`]+)?", text)
        for n in (1, 2):
            for s in range(len(words) - n + 1):
                g = " ".join(words[s:s + n])
                grams += 1
                if gaz.variant_match(g):
                    if normalize_ar(g) in annotated or all(w in ann_words for w in normalize_ar(g).split()):
                        fired_places += 1
                    else:
                        fired += 1
    return (f"corpus: {len(recs)} dev reports, {grams} word 1-2-grams: variant_match fires on {fired_places} parts of "
            f"annotated places and on {fired} other n-grams ({1000 * fired / max(1, grams):.2f} per 1000): "
            "the scanner must keep its cue / list / common-word guards for variant hits")


def _tiers_text(tiers) -> str:
    return " then ".join("(" + " + ".join(t) + ")" for t in tiers) or "(none)"


def report_script(data: Data, queries: list[Query], script: str, verbose: bool) -> None:
    fams_all = V.AR_FAMILIES if script == "ar" else V.LAT_FAMILIES
    m0 = V.MIN_KEY_LETTERS["ar" if script == "ar" else "lat"]
    held_all, held_south = split(data, queries, 1), split(data, queries, 1, True)
    print(f"\n== {script}: each family alone, held-out half (all = scopes of the south's size in every governorate)")
    for f in fams_all:
        s = Setting(data, (f,), m0)
        print(f"  {f:11} all   {fmt(evaluate(data, [s], *held_all, script))}")
        print(f"  {'':11} south {fmt(evaluate(data, [s], *held_south, script))}")
    best = None
    for m in (3, 4):
        log: list[str] = []
        tiers, cal = choose(data, queries, script, m, log)
        if verbose:
            print("\n".join(log))
        print(f"-- greedy on the calibration half, key >= {m} letters: {_tiers_text(tiers)}; calibration F0.5 {cal.f05:.3f}")
        if best is None or cal.f05 > best[0] + 1e-9:
            best = (cal.f05, m, tiers)
    assert best is not None
    _, m, tiers = best
    print(f"-- CHOSEN (best calibration F0.5): key >= {m} letters, {_tiers_text(tiers)}")
    cascade = [Setting(data, t, m) for t in tiers]
    for i in range(len(tiers)):
        print(f"   tiers 1..{i + 1} held-out all   {fmt(evaluate(data, cascade[:i + 1], *held_all, script))}")
        print(f"   tiers 1..{i + 1} held-out south {fmt(evaluate(data, cascade[:i + 1], *held_south, script))}")
    in_use = list(V.AR_TIERS if script == "ar" else V.LAT_TIERS)
    same = in_use == tiers and m == m0
    print(f"-- in use (eventmap.places.variants): key >= {m0} letters, {_tiers_text(in_use)}"
          + ("  [= the calibrated choice]" if same else "  [DIFFERS from the calibrated choice]"))
    if not same:
        cascade = [Setting(data, t, m0) for t in in_use]
        print(f"   held-out all   {fmt(evaluate(data, cascade, *held_all, script))}")
        print(f"   held-out south {fmt(evaluate(data, cascade, *held_south, script))}")


class MultiwordSetting(Setting):
    """A family set applied to names of two words or more only (both the index and the query)."""

    def key(self, n: Name) -> str:
        return super().key(n) if len(n.words) >= 2 else ""


def report_multiword(data: Data, queries: list[Query], script: str) -> None:
    """The multi-word tier of a script (``variants.MULTIWORD_TIERS``), over names of two words or more: the
    pairs and the unknown names (places removed whole) are those with a name of two words or more in it."""
    m0 = V.MIN_KEY_LETTERS["ar" if script == "ar" else "lat"]
    base = [Setting(data, t, m0) for t in (V.AR_TIERS if script == "ar" else V.LAT_TIERS)]
    fams = V.MULTIWORD_TIERS[script]
    multi = MultiwordSetting(data, fams, m0)
    qs = [q for q in queries if len(q.name.words) >= 2]
    print(f"\n== {script}, multi-word tier ({' + '.join(fams)}), names of two words or more only")
    for h, label in ((0, "calibration half"), (1, "held-out half   ")):
        for south in (False, True):
            qh, nh = split(data, qs, h, south)
            nh = [i for i in nh if any(len(n.words) >= 2 for n in data.by_place[i] if n.script == script)]
            for name, cascade in (("tiers 1-2", base), ("tiers 1-3", [*base, multi])):
                print(f"  {label} {'south' if south else 'all  '} {name}  {fmt(evaluate(data, cascade, qh, nh, script))}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", action="store_true", help="also count firings on ../shared/dev n-grams")
    ap.add_argument("--verbose", action="store_true", help="print every greedy trial")
    args = ap.parse_args()
    gaz = Gazetteer.load(analyst_places=False)
    data = Data(gaz)
    queries = data.queries()
    print(f"{len(data.names)} names of {len(data.pop)} populated places (the south, and a sample of its size from "
          f"every other governorate); {len(queries)} spelling pairs "
          f"({sum(q.kind == 'unit' for q in queries)} OCHA/OpenSyria unit names beside their town)")
    print("P: precision with as many unknown names as variant spellings looked up; 1:3 with three times as many")
    for script in ("ar", "latin"):
        report_script(data, queries, script, args.verbose)
    for script in ("ar", "latin"):
        report_multiword(data, queries, script)
    if args.corpus:
        print("\n" + corpus_triggers(gaz))


if __name__ == "__main__":
    main()
