"""Gazetteer speed: load time, exact and fuzzy lookup latency (medians, one core).

Targets (issue 2): load under 1 s, exact lookup under 50 µs, fuzzy under 2 ms.
Exact: every Arabic and Latin primary name in the gazetteer. Fuzzy: noisy variants of southern
Latin names that the normaliser does not absorb (they go through the rapidfuzz pass).
Run: python benchmarks/bench_gazetteer.py [--quick]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from calibrate_fuzzy import noisy  # noqa: E402

from eventmap.places.gazetteer import Gazetteer, _lat_key  # noqa: E402


def run(quick: bool = False) -> dict[str, float]:
    loads = []
    for _ in range(3 if quick else 7):
        t0 = time.perf_counter()
        gaz = Gazetteer.load(analyst_places=False)
        loads.append(time.perf_counter() - t0)
    names = [n for p in gaz.places for n in (p.name_ar, p.name_en) if n]
    if quick:
        names = names[::10]
    exact = []
    for n in names:
        t0 = time.perf_counter_ns()
        gaz.lookup(n)
        exact.append(time.perf_counter_ns() - t0)
    rng = random.Random(3)
    south = [p.name_en for p in gaz.places if p.admin1_pcode in ("SY12", "SY13", "SY14") and p.name_en]
    variants = [v for v in (noisy(n, rng) for n in south) if _lat_key(v) not in gaz._lat]
    if quick:
        variants = variants[:100]
    fuzzy = []
    for v in variants:
        t0 = time.perf_counter_ns()
        gaz.lookup(v)
        fuzzy.append(time.perf_counter_ns() - t0)
    out = {
        "places": len(gaz.places),
        "load_s_median": statistics.median(loads), "load_s_min": min(loads), "load_s_max": max(loads),
        "exact_us_median": statistics.median(exact) / 1e3, "exact_us_p95": sorted(exact)[int(len(exact) * .95)] / 1e3,
        "exact_n": len(exact),
        "fuzzy_ms_median": statistics.median(fuzzy) / 1e6, "fuzzy_ms_p95": sorted(fuzzy)[int(len(fuzzy) * .95)] / 1e6,
        "fuzzy_n": len(fuzzy),
    }
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    r = run(args.quick)
    print(f"gazetteer: {r['places']} places")
    print(f"load      median {r['load_s_median']*1e3:8.1f} ms  (min {r['load_s_min']*1e3:.1f}, max {r['load_s_max']*1e3:.1f})  target < 1000 ms")
    print(f"exact     median {r['exact_us_median']:8.1f} µs  p95 {r['exact_us_p95']:.1f} µs over {r['exact_n']} names  target < 50 µs")
    print(f"fuzzy     median {r['fuzzy_ms_median']:8.3f} ms  p95 {r['fuzzy_ms_p95']:.3f} ms over {r['fuzzy_n']} noisy variants  target < 2 ms")


if __name__ == "__main__":
    main()
