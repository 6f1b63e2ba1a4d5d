"""The server's share of the dashboard's first page: the library calls of its first script run, step by step.

    python benchmarks/bench_first_view.py [--events 100000] [--store PATH] [--profile OUT.prof]

Runs, in one new process and in the app's order, what ``app.py`` asks of the library for the default view of a
store (all events, no filter): open the store, its data token, the facets, the date span, whether the store is
large, the filter's frame, the control layer, the map (templates defused, payload built, page rendered), the
histogram's spec and the table. Prints the wall and CPU seconds of each step, and the imports apart: it is
the CPU a server spends before a new user's first page can be drawn, with no browser in the way. The store is
the one ``bench_dashboard.py`` builds (cached under ``_bigstore.store_cache()``).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


class Laps:
    def __init__(self) -> None:
        self.t, self.c = time.perf_counter(), time.process_time()
        self.rows: list[tuple[str, float, float]] = []

    def __call__(self, label: str) -> None:
        t, c = time.perf_counter(), time.process_time()
        self.rows.append((label, t - self.t, c - self.c))
        print(f"{t - self.t:8.2f} s wall {c - self.c:8.2f} s CPU  {label}", flush=True)
        self.t, self.c = t, c


def first_view(db: str, lap: Laps) -> None:
    from eventmap.control import control_from_store
    from eventmap.store import open_store
    from eventmap.ui import overview as ov
    from eventmap.ui import session
    from eventmap.ui import state as vs
    from eventmap.views import live_map, table, timeline
    from eventmap.views.map import build_map

    lap("imports (pandas, the store, the views)")
    store = open_store(db)
    lap("open the store")
    session.data_token(store)
    lap("data token")
    store.facets()
    lap("facets")
    store.date_span(within=timeline.TIMELINE_BOUNDS)
    lap("date span")
    f = vs.ViewState().base_filter()
    big = ov.is_large(store, f)
    lap(f"is the store large ({big})")
    frame = store.query(f)
    lap(f"query: the filter's frame ({len(frame):,} rows)")
    model = control_from_store(store).within(f.admin1, f.admin2, f.admin3, f.bbox)
    lap("control layer")
    m = build_map(live_map.defuse_templates(frame), control=model)
    html = m.get_root().render()
    lap(f"map ({len(html) / 1e6:.1f} MB)")
    timeline.histogram(timeline.day_counts(frame))
    lap("histogram (its HTML)")
    table.table_frame(frame)
    lap("table")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--store", help="use this store instead of the cached benchmark store")
    ap.add_argument("--profile", help="write a cProfile of the steps to this file")
    args = ap.parse_args(argv)
    if args.store:
        db = args.store
    else:
        from _bigstore import make_big_store, store_cache

        db = str(make_big_store(store_cache() / f"dashboard_{args.events}.gpkg", args.events))
    lap = Laps()
    if args.profile:
        prof = cProfile.Profile()
        prof.runcall(first_view, db, lap)
        prof.dump_stats(args.profile)
    else:
        first_view(db, lap)
    wall = sum(r[1] for r in lap.rows)
    cpu = sum(r[2] for r in lap.rows)
    print(f"total {wall:.2f} s wall, {cpu:.2f} s CPU; load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
