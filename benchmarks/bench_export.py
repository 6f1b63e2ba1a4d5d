"""Export benchmarks: HTML size and time, PNG time, GeoPackage time for 1k/10k/100k events.

Synthetic events sit on real gazetteer coordinates (``gazetteer/places.tsv``: villages and
towns of Dar'a, Quneitra and As-Sweida) with realistic Arabic/English sentences, so string
tables and compression see realistic text.  Reports medians over repeats.

    python benchmarks/bench_export.py            # 1k, 10k, 100k; 3 repeats (1 for 100k)
    python benchmarks/bench_export.py --quick    # 1k and 10k, 1 repeat

Targets (issue 6): PNG of 10k events < 5 s; HTML of 100k events < 20 MB.
"""

from __future__ import annotations

import argparse
import csv
import math
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]

TYPES = [
    ("Battles", "Armed clash", "اشتباكات عنيفة بين قوات النظام وفصائل المعارضة في {ar} بريف {gov}",
     "Clashes broke out between regime forces and opposition factions in {en}, {gov_en} countryside"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "قصفت قوات النظام بلدة {ar} بالمدفعية الثقيلة صباح اليوم",
     "Regime artillery shelled the village of {en} on the morning of the {n}th"),
    ("Explosions/Remote violence", "Air/drone strike", "شن الطيران الحربي غارات على أطراف {ar} ما أدى إلى دمار واسع",
     "Warplanes carried out air strikes on the outskirts of {en}, causing heavy damage"),
    ("Violence against civilians", "Attack", "قتل مدني برصاص مجهولين في {ar} في ريف {gov}",
     "A civilian was shot dead by unknown gunmen in {en}"),
    ("Strategic developments", "Agreement", "أعلنت الفصائل في {ar} التوصل إلى اتفاق تسوية برعاية روسية",
     "Factions in {en} announced a settlement agreement brokered by Russia"),
    ("Protests", "Peaceful protest", "خرج أهالي {ar} في مظاهرة للمطالبة بالإفراج عن المعتقلين",
     "Residents of {en} demonstrated to demand the release of detainees"),
]


def load_places() -> list[dict]:
    path = ROOT / "gazetteer" / "places.tsv"
    if not path.exists():
        sys.exit(f"{path} not found: build the gazetteer first (eventmap gazetteer build)")
    out = []
    with open(path, encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            if r["kind"] in ("village", "town", "city", "locality", "settlement") and \
                    r.get("admin1_pcode") in ("SY12", "SY13", "SY14") and r["lat"] and r["lon"]:
                out.append(r)
    if not out:
        sys.exit("no southern localities in gazetteer/places.tsv")
    return out


def synthetic_frame(n: int, places: list[dict], seed: int = 7) -> pd.DataFrame:
    from eventmap.frame import normalise_frame

    rng = random.Random(seed)
    start = pd.Timestamp("2018-06-01")
    rows = []
    for i in range(n):
        p = rng.choice(places)
        et, sub, ar_t, en_t = rng.choice(TYPES)
        ar = rng.random() < 0.6
        day = start + pd.Timedelta(days=rng.randrange(0, 180))
        gp = 1 if rng.random() < 0.8 else 2
        notes = (ar_t if ar else en_t).format(ar=p["name_ar"], en=p["name_en"], gov=p["admin1_ar"],
                                              gov_en=p["admin1_en"], n=day.day)
        rows.append({
            "event_id": f"{rng.getrandbits(64):016x}", "event_date": day.strftime("%Y-%m-%d"), "time_precision": 1,
            "event_type": et, "sub_event_type": sub, "actor1": "Military Forces of Syria (2000-)",
            "actor2": "Opposition Rebels (Syria)" if rng.random() < 0.5 else "",
            "location": p["name_ar"] if ar else p["name_en"], "place_id": p["id"], "place_name_ar": p["name_ar"],
            "place_name_en": p["name_en"], "admin1": p["admin1_en"], "admin2": p["admin2_en"], "admin3": p["admin3_en"],
            "latitude": float(p["lat"]), "longitude": float(p["lon"]), "geo_precision": gp,
            "resolution": "resolved" if gp == 1 else "approximate", "source": rng.choice(
                ["Enab Baladi", "Syrian Observatory for Human Rights", "Horan Free League", "SANA"]),
            "source_url": f"https://example.org/news/{i}", "published": day.strftime("%Y-%m-%d"), "notes": notes,
            "confidence": 0.8, "language": "ar" if ar else "en", "uncertainty_km": 0.0 if gp == 1 else 3.0,
        })
    return normalise_frame(pd.DataFrame(rows))


def cpu_seconds() -> float:
    """CPU time of this process and every live descendant (the Playwright driver, Chromium and
    its renderers, including their reaped children): on a shared machine wall time says more
    about the neighbours than about us."""
    import os

    tick = os.sysconf("SC_CLK_TCK")
    me = os.getpid()
    parent, times = {}, {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as f:
                rest = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parent[int(d)] = int(rest[1])
        times[int(d)] = sum(int(x) for x in rest[11:15]) / tick   # utime stime cutime cstime
    total = time.process_time()
    for pid in times:
        p = parent.get(pid)
        while p and p != me:
            p = parent.get(p)
        if p == me and pid != me:
            total += times[pid]
    return total


def timed(fn, repeats: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeats):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), out


def timed_cpu(fn, repeats: int) -> tuple[float, float]:
    """(median wall seconds, median CPU seconds incl. child processes)."""
    walls, cpus = [], []
    for _ in range(repeats):
        c, t = cpu_seconds(), time.perf_counter()
        fn()
        walls.append(time.perf_counter() - t)
        cpus.append(cpu_seconds() - c)
    return statistics.median(walls), statistics.median(cpus)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="1k and 10k only, one repeat")
    ap.add_argument("--sizes", default=None, help="comma-separated event counts (default 1000,10000,100000)")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--no-png", action="store_true")
    args = ap.parse_args(argv)
    from eventmap.exports import ExportMeta, export
    from eventmap.exports.png import PngRenderer

    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else ([1000, 10000] if args.quick else [1000, 10000, 100000])
    repeats = 1 if args.quick else args.repeats
    places = load_places()
    print(f"{len(places)} southern gazetteer localities; repeats={repeats} (100k: 1)")
    print(f"{'events':>8} {'html MB':>8} {'html s':>7} {'png s':>7} {'png cpu':>8} {'gpkg s':>7} {'geojson s':>9} "
          f"{'csv s':>6} {'kml s':>6}")
    results = []
    with tempfile.TemporaryDirectory() as d, PngRenderer() as renderer:
        d = Path(d)
        for n in sizes:
            frame = synthetic_frame(n, places)
            meta = ExportMeta(title=f"Benchmark {n:,} events", filters={"admin1": ["Dar'a", "Quneitra", "As-Sweida"]})
            r = 1 if n >= 100_000 else repeats
            html_s, _ = timed(lambda: export(frame, "html", d / "m.html", meta), r)
            size_mb = (d / "m.html").stat().st_size / 1e6
            png_s = png_cpu = float("nan")
            if not args.no_png:
                # warm: the browser is already running (the app reuses one renderer)
                png_s, png_cpu = timed_cpu(lambda: export(frame, "png", d / "m.png", meta, renderer=renderer,
                                                          size=(1600, 1000)), r)
            gpkg_s, _ = timed(lambda: export(frame, "gpkg", d / "m.gpkg", meta), r)
            gj_s, _ = timed(lambda: export(frame, "geojson", d / "m.geojson", meta), r)
            csv_s, _ = timed(lambda: export(frame, "csv", d / "m.csv", meta), r)
            kml_s, _ = timed(lambda: export(frame, "kml", d / "m.kml", meta), r)
            results.append((n, size_mb, html_s, png_s, png_cpu, gpkg_s))
            print(f"{n:>8,} {size_mb:>8.2f} {html_s:>7.2f} {png_s:>7.2f} {png_cpu:>8.2f} {gpkg_s:>7.2f} {gj_s:>9.2f} "
                  f"{csv_s:>6.2f} {kml_s:>6.2f}", flush=True)
    import os

    print(f"load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    for n, size_mb, _html_s, png_s, png_cpu, _gpkg_s in results:
        if n == 10_000 and not math.isnan(png_s):
            print(f"target PNG 10k < 5 s: {'OK' if png_s < 5 else 'MISSED'} ({png_s:.2f} s wall, {png_cpu:.2f} s CPU)")
        if n == 100_000:
            print(f"target HTML 100k < 20 MB: {'OK' if size_mb < 20 else 'MISSED'} ({size_mb:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
