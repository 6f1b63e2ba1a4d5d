"""Calibrate the fuzzy threshold for Latin-script place names (``FUZZY_RESOLVE``).

Positives: noisy romanisations of real southern place names (Dar'a, Quneitra, As-Sweida), made with
the spelling noise of English-language reporting: a dropped or doubled letter, e/a and u/ou and
i/ee swaps, q/k, a missing final -h.  A positive is recovered when the fuzzy pass finds the place.
Negatives (leave-one-out): each southern name whose key is unique is treated as unknown; any fuzzy
hit above the threshold on *another* name is a wrong place, the error that matters most (an unknown
village silently pinned onto a similar-named one).

Prints precision / recall per threshold and the threshold with the best F0.5 (precision weighted).
Run: python benchmarks/calibrate_fuzzy.py [--seed 7] [--n 1500]
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from rapidfuzz import fuzz, process

from eventmap.places.gazetteer import Gazetteer, _lat_key

SWAPS = [("a", "e"), ("e", "a"), ("u", "ou"), ("ou", "u"), ("i", "ee"), ("ee", "i"), ("q", "k"), ("k", "q"),
         ("y", "i"), ("i", "y"), ("ah", "a"), ("a", "ah"), ("dh", "z"), ("th", "t")]


def noisy(name: str, rng: random.Random) -> str:
    s = name
    op = rng.randrange(4)
    if op == 0 and len(s) > 4:  # drop a letter
        i = rng.randrange(1, len(s) - 1)
        s = s[:i] + s[i + 1:]
    elif op == 1:  # double a letter
        i = rng.randrange(len(s))
        s = s[:i] + s[i] + s[i:]
    else:  # spelling swap
        cands = [(a, b) for a, b in SWAPS if a in s.lower()]
        if cands:
            a, b = rng.choice(cands)
            i = s.lower().find(a)
            s = s[:i] + b + s[i + len(a):]
    return s


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--n", type=int, default=1500)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    gaz = Gazetteer.load(analyst_places=False)
    south = [p for p in gaz.places if p.admin1_pcode in ("SY12", "SY13", "SY14") and p.name_en and not p.is_admin]
    choices = gaz._lat_choices
    key_places: dict[str, set[str]] = {k: {gaz.places[i].id for i, _ in v} for k, v in gaz._lat.items()}

    pos = []
    for p in rng.sample(south, min(args.n, len(south))):
        q = noisy(p.name_en, rng)
        k = _lat_key(q)
        if k == _lat_key(p.name_en):
            continue  # the normaliser already absorbs this noise: not a fuzzy case
        res = process.extract(k, choices, scorer=fuzz.ratio, limit=1)
        score, hit = (res[0][1], res[0][0]) if res else (0, "")
        pos.append((score, p.id in key_places.get(hit, set())))
    neg = []
    for p in south:
        k = _lat_key(p.name_en)
        if len(key_places.get(k, ())) != 1:
            continue
        res = process.extract(k, choices, scorer=fuzz.ratio, limit=2)
        other = [(c, s) for c, s, _ in res if c != k]
        neg.append(other[0][1] if other else 0)

    print(f"positives (noisy spellings not absorbed by normalisation): {len(pos)}; negatives (leave-one-out): {len(neg)}")
    print(f"{'threshold':>9} {'recall':>7} {'precision':>9} {'false hits on unknown names':>28} {'F0.5':>6}")
    best = (0.0, 0)
    for t in range(78, 99, 2):
        tp = sum(1 for s, ok in pos if s >= t and ok)
        fp_pos = sum(1 for s, ok in pos if s >= t and not ok)
        fp_neg = sum(1 for s in neg if s >= t)
        recall = tp / len(pos) if pos else 0
        precision = tp / (tp + fp_pos + fp_neg) if tp + fp_pos + fp_neg else 1.0
        f = (1.25 * precision * recall / (0.25 * precision + recall)) if precision + recall else 0
        best = max(best, (f, t))
        print(f"{t:>9} {recall:>7.3f} {precision:>9.3f} {fp_neg / max(1, len(neg)):>28.3f} {f:>6.3f}")
    print(f"best F0.5 at threshold {best[1]} ({best[0]:.3f})")


if __name__ == "__main__":
    main()
