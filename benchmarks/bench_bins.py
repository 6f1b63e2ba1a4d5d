"""The map of a very large store, binned per place and day (``eventmap.views.bins``), in headless Chromium.

    python benchmarks/bench_bins.py [--events 1000000] [--repeat 3] [--store PATH]

Builds (once, cached: ``_bigstore.store_cache()``) a store of N events at real gazetteer places and measures,
in this process (a new one: its peak RSS is the server's cost of the map):

* ``bins``: ``point_day_bins(store)``, the events counted per (day, type, place) in the database;
* ``build``: ``build_map(bins=...)`` rendered to HTML (the page st_folium is given), and its size;
* ``first paint``: that page opened in a new browser page until the map is drawn (``window.eventmapReady``),
  with the last 30 days shown (the dashboard's default window);
* ``timeline change``: the window's end moved one day: its counts per place made (``window_counts``, as the
  server does) and handed to the page (``EM.applyWant``, as the dashboard's bridge does), until it is drawn.

Results (medians): ``benchmarks/results/bench_bins.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_dashboard import ARGS, CHROMIUM  # noqa: E402

# a new window as the dashboard hands it over (live_map.bridge_script): its dates and the counts the server made
SHIFT = """([lo, hi, b]) => new Promise(res => { var t0 = performance.now();
  EM.want = {lo: lo, hi: hi, ev: '', fit: false, b: b}; EM.applyWant();
  requestAnimationFrame(() => requestAnimationFrame(() => res([performance.now() - t0, EM.count]))); })"""


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--store", default=None)
    ap.add_argument("--out", default=str(HERE / "results" / "bench_bins.json"))
    args = ap.parse_args(argv)
    from _bigstore import make_big_store, store_cache
    from playwright.sync_api import sync_playwright

    from eventmap.store import EventFilter, open_store
    from eventmap.views.bins import point_day_bins
    from eventmap.views import live_map
    from eventmap.views.map import build_map

    t = time.perf_counter()
    db = args.store or make_big_store(store_cache() / f"dashboard_{args.events}.gpkg", args.events)
    print(f"store: {db} ({time.perf_counter() - t:.1f} s to build or find)", flush=True)
    store = open_store(db)
    rss0 = rss_mb()
    bins_s, build_s = [], []
    for _ in range(args.repeat):
        t = time.perf_counter()
        b = point_day_bins(store, EventFilter())
        bins_s.append(time.perf_counter() - t)
        t = time.perf_counter()
        m = build_map(store.query(EventFilter(limit=0)), bins=b)
        # the dashboard's window script (the last 30 days): the first window drawn is the wanted one
        lo, hi = b.days[max(0, len(b.days) - 30)], b.days[-1]
        m.add_child(live_map.window_group(lo, hi, counts=b.window_counts(lo, hi)))
        html = m.get_root().render()
        build_s.append(time.perf_counter() - t)
    print(f"bins {b.total:,} events in {len(b.n):,} bins at {len(b.points):,} places: "
          f"{statistics.median(bins_s):.2f} s; map {statistics.median(build_s):.2f} s, {len(html) / 1e6:.1f} MB", flush=True)
    tmp = tempfile.TemporaryDirectory(prefix="em-bins-", ignore_cleanup_errors=True)   # removed when the block ends
    page = Path(tmp.name) / "bins.html"
    page.write_text(html, encoding="utf-8")
    paint, change = [], []
    with tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for _ in range(args.repeat):
            pg = browser.new_page(viewport={"width": 1440, "height": 900})
            t = time.perf_counter()
            pg.goto(page.as_uri())
            pg.wait_for_function("window.eventmapReady === true && window.emWindowApplied >= 1", timeout=300_000,
                                 polling=20)
            first = time.perf_counter() - t
            paint.append(first)
            n = len(b.days)
            for k in range(args.repeat * 2):
                t = time.perf_counter()
                lo, hi = b.days[max(0, n - 31 - k)], b.days[max(0, n - 2 - k)]
                pg.evaluate(SHIFT, [lo, hi, b.window_counts(lo, hi)])
                change.append(time.perf_counter() - t)
            pg.close()
        browser.close()
    out = {"events": b.total, "bins": int(len(b.n)), "places": len(b.points),
           "bins_s": [round(x, 3) for x in bins_s], "map_build_s": [round(x, 3) for x in build_s],
           "html_mb": round(len(html) / 1e6, 2), "first_paint_s": [round(x, 3) for x in paint],
           "timeline_change_s": [round(x, 3) for x in change],
           "server_peak_rss_mb": round(rss_mb(), 1), "rss_after_open_mb": round(rss0, 1),
           "loadavg": round(os.getloadavg()[0], 2)}
    Path(args.out).write_text(json.dumps(out, indent=1))
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
