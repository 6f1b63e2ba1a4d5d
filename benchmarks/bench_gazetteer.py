"""Gazetteer speed: load time, exact, fuzzy and spelling-variant lookup latency (medians, one core).

Targets (issue 2): load under 1 s, exact lookup under 50 µs, fuzzy under 2 ms; (issue 10) variant
lookup under 2 ms.  Exact: every Arabic and Latin primary name in the gazetteer. Fuzzy: noisy
variants of southern Latin names that the normaliser does not absorb (they go through the rapidfuzz
pass).  Variant: respellings of southern names made with the rules (a medial alif or the inner
vowels respelled, words joined) that resolve as ``match="variant"``; ``variant_match`` is the
scanner's call on an n-gram, first time and repeated.
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

from calibrate_fuzzy import noisy

from eventmap.places.gazetteer import Gazetteer, _lat_key


def run(quick: bool = False) -> dict[str, float]:
    loads = []
    for _ in range(3 if quick else 7):
        t0 = time.perf_counter()
        gaz = Gazetteer.load(analyst_places=False)
        loads.append(time.perf_counter() - t0)
    names = [n for p in gaz.places for n in (p.name_ar, p.name_en) if n]
    if quick:
        names = names[::10]
    exact, exact_cpu = [], []
    for n in names:
        t0, c0 = time.perf_counter_ns(), time.process_time_ns()
        gaz.lookup(n)
        exact.append(time.perf_counter_ns() - t0)
        exact_cpu.append(time.process_time_ns() - c0)
    rng = random.Random(3)
    south = [p.name_en for p in gaz.places if p.admin1_pcode in ("SY12", "SY13", "SY14") and p.name_en]
    variants = [v for v in (noisy(n, rng) for n in south) if _lat_key(v) not in gaz._lat]
    if quick:
        variants = variants[:100]
    fuzzy, fuzzy_cpu = [], []
    for v in variants:
        t0, c0 = time.perf_counter_ns(), time.process_time_ns()
        gaz.lookup(v)
        fuzzy.append(time.perf_counter_ns() - t0)
        fuzzy_cpu.append(time.process_time_ns() - c0)
    respelt = variant_queries(gaz, rng)
    if quick:
        respelt = respelt[:100]
    gaz.lookup(respelt[0] if respelt else "x")  # the southern variant index is built on first use
    var, var_cpu = [], []
    for v in respelt:
        t0, c0 = time.perf_counter_ns(), time.process_time_ns()
        gaz.lookup(v)
        var.append(time.perf_counter_ns() - t0)
        var_cpu.append(time.process_time_ns() - c0)
    grams = [w for n in names[:2000] for w in n.split()] + respelt
    cold, warm = [], []
    for timings in (cold, warm):
        for g in grams:
            t0 = time.perf_counter_ns()
            gaz.variant_match(g)
            timings.append(time.perf_counter_ns() - t0)
    out = {
        "places": len(gaz.places),
        "variant_ms_median": statistics.median(var) / 1e6 if var else float("nan"),
        "variant_ms_p95": sorted(var)[int(len(var) * .95)] / 1e6 if var else float("nan"),
        "variant_n": len(var),
        "variant_cpu_ms_median": statistics.median(var_cpu) / 1e6 if var_cpu else float("nan"),
        "exact_cpu_us_median": statistics.median(exact_cpu) / 1e3,
        "fuzzy_cpu_ms_median": statistics.median(fuzzy_cpu) / 1e6,
        "variant_match_cold_us": statistics.median(cold) / 1e3, "variant_match_warm_us": statistics.median(warm) / 1e3,
        "variant_match_n": len(grams),
        "load_s_median": statistics.median(loads), "load_s_min": min(loads), "load_s_max": max(loads),
        "exact_us_median": statistics.median(exact) / 1e3, "exact_us_p95": sorted(exact)[int(len(exact) * .95)] / 1e3,
        "exact_n": len(exact),
        "fuzzy_ms_median": statistics.median(fuzzy) / 1e6, "fuzzy_ms_p95": sorted(fuzzy)[int(len(fuzzy) * .95)] / 1e6,
        "fuzzy_n": len(fuzzy),
    }
    return out


_VOWELS = "aeiou"


def variant_queries(gaz: Gazetteer, rng: random.Random) -> list[str]:
    """Respellings of southern names that resolve only as spelling variants."""
    out: list[str] = []
    for p in gaz.places:
        if p.admin1_pcode not in ("SY12", "SY14") or p.is_admin:
            continue
        cands = []
        if p.name_en:
            w = p.name_en
            inner = [i for i in range(1, len(w) - 1) if w[i] in _VOWELS and w[i - 1] not in _VOWELS]
            if inner:
                i = rng.choice(inner)
                cands.append(w[:i] + rng.choice("aeiu") + w[i + 1:])   # a vowel respelled
                cands.append(w[:i] + w[i + 1:])                        # a vowel dropped
            cands.append(w.replace(" ", ""))                           # words joined
        if p.name_ar:
            a = p.name_ar
            cands.append(a.replace(" ", ""))
            if "ا" in a[1:-1]:
                cands.append(a[0] + a[1:-1].replace("ا", "", 1) + a[-1])
        for c in cands:
            r = gaz.lookup(c)
            if r.best is not None and r.best.match == "variant":
                out.append(c)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    r = run(args.quick)
    print(f"gazetteer: {r['places']} places")
    print(f"load      median {r['load_s_median']*1e3:8.1f} ms  (min {r['load_s_min']*1e3:.1f}, max {r['load_s_max']*1e3:.1f})  target < 1000 ms")
    print(f"exact     median {r['exact_us_median']:8.1f} µs  p95 {r['exact_us_p95']:.1f} µs over {r['exact_n']} names  "
          f"(CPU {r['exact_cpu_us_median']:.1f} µs)  target < 50 µs")
    print(f"fuzzy     median {r['fuzzy_ms_median']:8.3f} ms  p95 {r['fuzzy_ms_p95']:.3f} ms over {r['fuzzy_n']} noisy variants  "
          f"(CPU {r['fuzzy_cpu_ms_median']:.3f} ms)  target < 2 ms")
    print(f"variant   median {r['variant_ms_median']:8.3f} ms  p95 {r['variant_ms_p95']:.3f} ms over {r['variant_n']} respellings  "
          f"(CPU {r['variant_cpu_ms_median']:.3f} ms)  target < 2 ms")
    print(f"variant_match (scanner, per n-gram) median {r['variant_match_cold_us']:.1f} µs first time, "
          f"{r['variant_match_warm_us']:.2f} µs repeated, over {r['variant_match_n']} n-grams")


if __name__ == "__main__":
    main()
