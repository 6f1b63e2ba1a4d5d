"""Store benchmarks: ingest rate into each backend, query latency at 10k / 100k / 1M events (embedded).

    python benchmarks/bench_store.py            # full: 10k, 100k, 1M events (builds ~2.7 GB of GeoPackage, ~5 min)
    python benchmarks/bench_store.py --quick    # 10k events only, fewer repetitions
    EVENTMAP_TEST_PG=postgresql://... python benchmarks/bench_store.py   # adds the PostGIS ingest rate

Reports medians.  Ingest rate is measured through ``EventStore.ingest`` (one transaction per
report, the way ``eventmap ingest`` stores) with realistic Arabic reports at real places;
the big query stores are filled with ``ingest_many`` (one transaction per 2,000 reports).
Query latency is the full ``EventStore.query`` (SQL + corroboration + DataFrame), on a warm
connection, over windows placed at random in an 8-year span.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

from eventmap.store import EventFilter, open_store
from eventmap.store.testing import fast_events, pg_schema_url, synthetic_batch


def median_ms(fn, reps: int) -> float:
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def bench_ingest(url: str, n_reports: int) -> dict:
    batch = list(synthetic_batch(n_reports, seed=3))
    n_events = sum(len(e) for _, e in batch)
    with open_store(url) as s:
        t0 = time.perf_counter()
        for rep, evs in batch:
            s.ingest(rep, evs)
        dt_s = time.perf_counter() - t0
        t1 = time.perf_counter()
        for rep, evs in batch[:200]:
            s.ingest(rep, evs)  # duplicates: the cost of re-running a batch
        dup_s = time.perf_counter() - t1
    return {"reports": n_reports, "events": n_events, "reports_per_s": round(n_reports / dt_s, 1),
            "events_per_s": round(n_events / dt_s, 1),
            "duplicate_reports_per_s": round(min(200, n_reports) / dup_s, 1)}


def build(path: Path, n_events: int, per_report: int = 5) -> float:
    t0 = time.perf_counter()
    with open_store(str(path)) as s:
        buf = []
        for item in fast_events(n_events // per_report, per_report=per_report, seed=n_events):
            buf.append(item)
            if len(buf) == 2000:
                s.ingest_many(buf)
                buf = []
        if buf:
            s.ingest_many(buf)
    return time.perf_counter() - t0


def bench_queries(path: Path, reps: int) -> dict:
    rng = random.Random(5)
    d0 = dt.date(2012, 1, 1)

    def window(days: int) -> tuple[str, str]:
        a = d0 + dt.timedelta(days=rng.randrange(365 * 8 - days))
        return a.isoformat(), (a + dt.timedelta(days=days - 1)).isoformat()

    out = {}
    with open_store(str(path)) as s:
        s.query(EventFilter(since="2015-01-01", until="2015-01-07"))  # warm the connection and caches
        sizes = []

        def week():
            a, b = window(7)
            sizes.append(len(s.query(EventFilter(since=a, until=b))))

        out["date_window_7d_ms"] = round(median_ms(week, reps), 2)
        out["rows_7d_median"] = statistics.median(sizes)
        sizes.clear()

        def day():
            a, b = window(1)
            sizes.append(len(s.query(EventFilter(since=a, until=b))))

        # the cost follows the rows returned, not the size of the store: compare 1 day at 1M with 7 days at 100k
        out["date_window_1d_ms"] = round(median_ms(day, reps), 2)
        out["rows_1d_median"] = statistics.median(sizes)

        def month():
            a, b = window(30)
            s.query(EventFilter(since=a, until=b))

        out["date_window_30d_ms"] = round(median_ms(month, max(3, reps // 2)), 2)

        def typed():
            a, b = window(30)
            s.query(EventFilter(since=a, until=b, event_types=["Battles"], admin1=["Dar'a"]))

        out["window_30d_type_admin1_ms"] = round(median_ms(typed, max(3, reps // 2)), 2)

        def bbox():
            a, b = window(30)
            s.query(EventFilter(since=a, until=b, bbox=(35.85, 32.86, 35.89, 32.89)))

        out["window_30d_bbox_ms"] = round(median_ms(bbox, max(3, reps // 2)), 2)

        def text():
            a, b = window(30)
            s.query(EventFilter(since=a, until=b, text="صيدا"))

        out["window_30d_text_ms"] = round(median_ms(text, max(3, reps // 2)), 2)

        def count():
            a, b = window(7)
            s.count(EventFilter(since=a, until=b))

        out["count_7d_ms"] = round(median_ms(count, reps), 2)
        out["date_span_ms"] = round(median_ms(s.date_span, max(3, reps // 2)), 2)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="10k events only, fewer repetitions")
    ap.add_argument("--dir", help="where to build the stores (default: a temporary folder, removed); "
                                  "stores already there are reused (build_s 0)")
    ap.add_argument("--pg", default=os.environ.get("EVENTMAP_TEST_PG"), help="PostgreSQL URL for the PostGIS ingest")
    ap.add_argument("--json", help="also write the results to this JSON file")
    args = ap.parse_args(argv)
    sizes = [10_000] if args.quick else [10_000, 100_000, 1_000_000]
    reps = 7 if args.quick else 21
    n_ingest = 200 if args.quick else 1000
    results: dict = {"ingest": {}, "query": {}}
    tmp = tempfile.TemporaryDirectory(dir=args.dir) if not args.dir else None
    root = Path(tmp.name if tmp else args.dir)
    root.mkdir(parents=True, exist_ok=True)
    try:
        results["ingest"]["embedded"] = bench_ingest(str(root / f"ingest-{uuid.uuid4().hex[:6]}.gpkg"), n_ingest)
        print("ingest embedded:", results["ingest"]["embedded"], flush=True)
        if args.pg:
            import psycopg
            schema = "bench_" + uuid.uuid4().hex[:8]
            with psycopg.connect(args.pg, autocommit=True) as c:
                c.execute(f"CREATE SCHEMA {schema}")
            try:
                results["ingest"]["postgis"] = bench_ingest(pg_schema_url(args.pg, schema), n_ingest)
                print("ingest postgis:", results["ingest"]["postgis"], flush=True)
            finally:
                with psycopg.connect(args.pg, autocommit=True) as c:
                    c.execute(f"DROP SCHEMA {schema} CASCADE")
        else:
            print("ingest postgis: skipped (set EVENTMAP_TEST_PG or --pg)", flush=True)
        for n in sizes:
            path = root / f"query-{n}.gpkg"
            build_s = build(path, n) if not path.exists() else 0.0
            q = bench_queries(path, reps)
            q["build_s"] = round(build_s, 1)
            q["file_mb"] = round(path.stat().st_size / 1e6, 1)
            results["query"][str(n)] = q
            print(f"query {n:>9,} events:", q, flush=True)
    finally:
        if tmp:
            tmp.cleanup()
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(results, indent=1))
    print(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
