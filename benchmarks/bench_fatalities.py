"""Benchmark: the number killed per event, on the real-report development corpus (``../shared/dev``).

    python benchmarks/bench_fatalities.py          # figures, and the rows it gets wrong
    python benchmarks/bench_fatalities.py -q       # figures only

``score.py``'s fatalities score counts an exact figure of ``fatalities.csv`` right only when the
extractor also finds the event's place, so it mixes place recall into the measure. This benchmark
separates them: of the exact figures whose place the extractor finds today, how many events there
carry the right number (the measure of ``eventmap.events.fatalities``), next to the score.py figure
(all exact rows). It also counts figures given where the annotation has none for that place
(a wrong toll is worse than no toll). Places are matched with score.py's own matching.

The corpus is not part of the product and not on a user's machine: without it this says so and
exits 0.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "dev"


def _score_module(dev: Path):
    spec = importlib.util.spec_from_file_location("dev_score", dev / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dev", type=Path, default=DEV, help="the development corpus folder (default: ../shared/dev)")
    ap.add_argument("-q", "--quiet", action="store_true", help="figures only, not the rows missed")
    a = ap.parse_args(argv)
    if not (a.dev / "fatalities.csv").exists():
        print(f"real-report corpus not found at {a.dev}: nothing measured (it is not shipped with eventmap)")
        return 0
    from eventmap.events.extract import extract_report
    from eventmap.events.reader import read_report
    from eventmap.places.gazetteer import default_gazetteer

    score = _score_module(a.dev)
    g = default_gazetteer()
    arts = {r["id"]: r for r in map(json.loads, (a.dev / "articles.jsonl").read_text(encoding="utf-8").splitlines())
            if r}
    rows = list(csv.DictReader((a.dev / "fatalities.csv").open(encoding="utf-8")))
    by_art: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_art[r["article_id"]].append(r)
    t0 = time.perf_counter()
    events = {}
    for aid in arts:   # read as `eventmap extract FILE` reads it (score.py runs that command)
        rep = read_report(a.dev / "articles" / f"{aid}.txt", published=arts[aid]["published"])
        events[aid] = extract_report(rep, gazetteer=g)
    secs = time.perf_counter() - t0

    def at(aid: str, place: str) -> list:
        alias = (arts[aid].get("place_variants") or {}).get(place, [])
        return [e for e in events[aid] if any(score.similar(p, x) for p in [place, *alias]
                                              for x in (e.location, e.place_name_ar, e.place_name_en))]

    exact = [r for r in rows if r["kind"] == "exact" and r["article_id"] in arts]
    found = ok = 0
    misses = []
    for r in exact:
        es = at(r["article_id"], r["place"])
        good = any(e.fatalities is not None and str(e.fatalities) == r["fatalities"] for e in es)
        ok += good
        if es:
            found += 1
            if not good:
                misses.append((r["article_id"], r["place"], r["fatalities"], sorted({str(e.fatalities) for e in es})))
    # figures the annotation does not give: an event at an annotated place with a number not in its rows
    unsupported, with_figure = [], 0
    for aid, evs in events.items():
        for e in evs:
            if e.fatalities is None:
                continue
            with_figure += 1
            places = [p for p in arts[aid]["places"] if score.similar(p, e.location) or score.similar(p, e.place_name_ar)
                      or score.similar(p, e.place_name_en)]
            if not places:
                continue
            want = {r["fatalities"] for r in by_art.get(aid, []) if r["place"] in places and r["kind"] == "exact"}
            if str(e.fatalities) not in want:
                unsupported.append((aid, e.location, e.fatalities, sorted(want) or ["none"]))
    print(f"real-report corpus {a.dev}: {len(arts)} reports extracted in {secs:.1f} s")
    print(f"exact figures in fatalities.csv: {len(exact)}; their place found by the extractor: {found}")
    print(f"right figure where the place is found: {ok}/{found} = {ok / found if found else float('nan'):.3f}")
    print(f"score.py fatalities (all exact rows):  {ok}/{len(exact)} = {ok / len(exact) if exact else float('nan'):.3f}")
    print(f"events with a figure: {with_figure}; at an annotated place with a figure the annotation does not give: "
          f"{len(unsupported)}")
    if not a.quiet:
        for aid, place, want, got in misses:
            print(f"  missed      {aid}  {place}: want {want}, got {got}")
        for aid, loc, n, want in unsupported:
            print(f"  unsupported {aid}  {loc}: gave {n}, annotation {want}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
