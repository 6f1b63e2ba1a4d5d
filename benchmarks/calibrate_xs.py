"""Calibrate the cross-script variant tier (``eventmap.places.variants.xs_*``) on spellings the data holds.

The tier reads a Latin name letter by letter against the Arabic names in scope; the lookup tries it
only after the Latin tiers found nothing.  Pairs come from the gazetteer itself, never from news:

* **positives**: every Latin spelling of a populated place (its English name, its alternate Latin
  names, the OCHA / OpenSyria name of the unit named after it) with *all* of the place's Latin
  spellings taken out of the index, so that only its Arabic names can answer.  A query the Latin
  tiers still answer (another place's Latin name) is left to them, as in the lookup.  Recovered
  when the tier names exactly that place (or a place within 5 km, or namesakes of one name).
* **negatives** (unknown names): each place is taken out with every name and its English name is
  looked up; a unique hit is a village pinned onto another one.

Scopes are those of ``calibrate_variants`` (the south, or a same-sized sample of another governorate).
Precision = r / (r + w + f) as there.  The letter floor is chosen on one half (by F0.5) and
reported on the other.

Run: python benchmarks/calibrate_xs.py
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from calibrate_variants import SOUTH_GROUP, Data, Setting, Tally, fmt, half, unique

from eventmap.places import variants as V
from eventmap.places.gazetteer import Gazetteer

#: the precision floor of the Latin cascade (calibrate_variants.P_TIER2), here with three unknown names
#: for every variant spelling: unknown names are what a scanner of news prose meets most
P_UNKNOWN = 0.90


def main() -> None:
    gaz = Gazetteer.load(analyst_places=False)
    data = Data(gaz)
    latin_tiers = [Setting(data, t, V.MIN_KEY_LETTERS["lat"]) for t in V.LAT_TIERS]
    # the Arabic names of every group, by skeleton
    table: dict[str, dict[str, list[tuple[object, tuple[str, ...]]]]] = defaultdict(lambda: defaultdict(list))
    for n in data.names:
        if n.script == "ar":
            f = V.xs_arabic(n.words)
            if f:
                table[data.group[n.place]][f[0] + "|" + n.direction].append((n, f[1]))

    def xs_hits(text: str, direction: str, scope: tuple[str, ...], gone: set[int], floor: int):
        f = V.xs_latin(_strip_direction(text))
        if not f:
            return []
        out = []
        for g in scope:
            for m, gaps in table[g].get(f[0] + "|" + direction, ()):
                if m.place not in gone and V.xs_fits(f[1], gaps) and V.xs_letters(f, gaps) >= floor:
                    out.append(m)
        return out

    queries = []   # (name, target)
    for i in data.pop:
        for n in data.by_place[i]:
            if n.script == "latin":
                queries.append((n, i))
    for q in data._unit_queries():
        queries.append((q.name, q.target))

    def evaluate(h: int | None, south: bool, floor: int) -> Tally:
        t = Tally()
        for n, i in queries:
            if h is not None and half(gaz.places[i].id) != h or south and data.scope_of(i) != SOUTH_GROUP:
                continue
            scope = data.scope_of(i)
            gone = {i} | data.same[i]
            latin = [m for s in latin_tiers for m in s.hits(n, scope, set(), None) if m.place not in gone]
            if latin or any(p not in gone for g in scope for p in data.exact[g].get(n.exact, ())):
                continue     # the Latin tiers (or a namesake's exact spelling) answer this one
            t.pos += 1
            hits = xs_hits(n.text, n.direction, scope, set(), floor)
            if not hits:
                continue
            places = {m.place for m in hits} | {x for m in hits for x in data.same[m.place]}
            if not unique(data, hits):
                t.several += 1
            elif i in places or data.near(i, places):
                t.tp += 1
            else:
                t.wrong += 1
        for i in data.pop:
            if h is not None and half(gaz.places[i].id) != h or south and data.scope_of(i) != SOUTH_GROUP:
                continue
            p = gaz.places[i]
            n = next((m for m in data.by_place[i] if m.text == p.name_en and m.script == "latin"), None)
            if n is None:
                continue
            scope = data.scope_of(i)
            gone = {i} | data.same[i]
            if any(q not in gone for g in scope for q in data.exact[g].get(n.exact, ())):
                continue
            if any(m.place not in gone for s in latin_tiers for m in s.hits(n, scope, set(), None)):
                continue
            t.neg += 1
            hits = xs_hits(n.text, n.direction, scope, gone, floor)
            if hits and unique(data, hits) and not data.near(i, {m.place for m in hits}):
                t.fp_neg += 1
        return t

    print("cross-script tier (a Latin spelling read against the Arabic names in scope), after the Latin tiers")
    cal = {fl: evaluate(0, False, fl) for fl in (2, 3, 4, 5)}
    for fl, t in cal.items():
        print(f"  floor {fl}  calibration half, all   {fmt(t)}")
    # the best F0.5 among the floors that stay precise with three unknown names for every variant spelling
    fl = max((t.f05, fl) for fl, t in cal.items() if t.precision3 >= P_UNKNOWN)[1]
    print(f"-- CHOSEN (best calibration F0.5 with 1:3 precision >= {P_UNKNOWN}): floor {fl}; in use: {V.XS_MIN_LETTERS}"
          + ("" if fl == V.XS_MIN_LETTERS else "  [DIFFERS]"))
    print(f"   held-out all   {fmt(evaluate(1, False, fl))}")
    print(f"   held-out south {fmt(evaluate(1, True, fl))}")


def _strip_direction(text: str) -> str:
    words = text.split()
    from eventmap.text import latin_key, split_latin_direction
    if len(words) > 1 and split_latin_direction(latin_key(text))[1]:
        return " ".join(words[:-1])
    return text


if __name__ == "__main__":
    main()
