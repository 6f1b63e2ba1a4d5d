"""Every benchmark of eventmap in one command, one table: medians of several runs, with min and max.

    python benchmarks/run.py --quick     # under 2 minutes on 2 cores
    python benchmarks/run.py --full      # the README table (builds a 1M-event store once: minutes)
    python benchmarks/run.py --smoke     # every benchmark on tiny sizes (the CI smoke test)
    python benchmarks/run.py --quick --only gazetteer,extract

Each benchmark runs in a subprocess of its own, so its peak memory (max RSS of the process and
any processes it started, from ``wait4``) is measured alone.  Measures:

* gazetteer: load time, exact and fuzzy lookup latency (one core);
* extraction: reports/s and MB/s on one core over the extraction benchmark's corpus
  (``benchmarks/corpus.py``) and ``grep -F -o -f`` with every gazetteer name over the same
  corpus (the floor), and the same ratio on the real development reports when ``../shared/dev`` is there
  (informative); precision and recall on the truth corpus (``benchmarks/truth_corpus.py``);
* ingest: reports/s through ``eventmap ingest`` with 1, 2 and N workers (N = the cores
  available), into the embedded store and, when ``EVENTMAP_TEST_PG`` is set, into PostGIS;
* bulk: ``ingest_many``, ``reprocess`` and ``import ucdp|acled`` in events (rows) per second on the
  embedded store and on PostGIS (COPY), beside SQLite's own ``executemany`` of the same rows
  and the ratio (``benchmarks/bench_bulk.py``);
* query: a 7-day date window (and a 1-day window, a count) at 10k, 100k and 1M events (1M only
  in --full; stores are cached in ``benchmarks/results/stores``);
* dashboard: first paint of a new session, of the first page after a server start (3 starts in --full, each
  beside that server's second session) and a timeline change at 100k events in headless Chromium
  (``benchmarks/bench_dashboard.py``, when present);
* cold start: the first page after a new ``eventmap app`` server, a second browser session and
  Streamlit's own one-line page, in the same run (``benchmarks/bench_coldstart.py``);
* naive: the dashboard's first paint beside ``st_folium`` of a folium map with one ``Marker`` per
  event at 10,000 events (``benchmarks/bench_naive.py``);
* bins: the map of 1M events (100k in --quick) counted per place and day in the store, its first
  paint and a timeline change in Chromium, the peak memory (``benchmarks/bench_bins.py``);
* big dashboard: the real dashboard (``eventmap app``) over 1M events (--full; 100k in --quick and 2,000 in
  --smoke, with ``EVENTMAP_BIN_ABOVE`` lowered so they are binned too): warm and cold first paint, a timeline
  change, a first paint on a new filter, the server's peak RSS (``benchmarks/bench_dashboard_big.py``);
* exports: HTML / PNG / GeoPackage / GeoJSON / CSV times and HTML size.

After the table, the ratios of the run (extraction / grep, naive folium / dashboard, bulk insert /
SQLite's executemany, cold start / second session / Streamlit's floor) are printed side by side.

Prints ONE table and writes ``benchmarks/results/latest.json`` and ``latest.md`` (git-ignored).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results"
sys.path.insert(0, str(HERE))

MODES = {
    #          rounds  extract    accuracy  ingest  ingest   query sizes                      export sizes
    "smoke": dict(runs=1, extract_n=40, truth_n=40, ingest_n=40, ingest_runs=1, query=[2_000],
                  query_reps=5, export=[500], export_runs=1, dash_events=2_000, dash_repeat=1, fuzzy_n=20,
                  bulk_n=2_000, bulk_runs=1, cold_rounds=1, cold_sessions=1, naive_n=300, naive_repeat=1,
                  bins_n=2_000, bins_repeat=1, bigdash_n=2_000, bigdash_repeat=1, bigdash_above=1_000, dash_starts=1),
    "quick": dict(runs=3, extract_n=300, truth_n=300, ingest_n=200, ingest_runs=2, query=[10_000, 100_000],
                  query_reps=9, export=[1_000, 10_000], export_runs=1, dash_events=100_000, dash_repeat=2, fuzzy_n=100,
                  bulk_n=20_000, bulk_runs=3, cold_rounds=3, cold_sessions=2, naive_n=10_000, naive_repeat=3,
                  bins_n=100_000, bins_repeat=2, bigdash_n=100_000, bigdash_repeat=2, bigdash_above=50_000,
                  dash_starts=2),
    "full": dict(runs=5, extract_n=3_000, truth_n=2_000, ingest_n=2_000, ingest_runs=3,
                 query=[10_000, 100_000, 1_000_000], query_reps=21, export=[1_000, 10_000, 100_000],
                 export_runs=3, dash_events=100_000, dash_repeat=5, fuzzy_n=400, bulk_n=100_000, bulk_runs=3,
                 cold_rounds=5, cold_sessions=3, naive_n=10_000, naive_repeat=5, bins_n=1_000_000, bins_repeat=3,
                 bigdash_n=1_000_000, bigdash_repeat=5, bigdash_above=None, dash_starts=3),
}


# ====================================================================== helpers used inside tasks
def pin_one_core() -> str:
    try:
        cpu = sorted(os.sched_getaffinity(0))[0]
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    except (AttributeError, OSError):
        return "not pinned"


def row(bench: str, measure: str, samples, unit: str, target: tuple[str, float] | None = None,
        note: str = "") -> dict:
    if not isinstance(samples, (list, tuple)):
        samples = [samples]
    return {"benchmark": bench, "measure": measure, "samples": [float(x) for x in samples], "unit": unit,
            "target": list(target) if target else None, "note": note}


def cores() -> int:
    from eventmap.pipeline.parallel import available_cores
    return available_cores()


# ====================================================================== tasks (run in subprocesses)
def task_gazetteer(cfg: dict, params: dict) -> list[dict]:
    from calibrate_fuzzy import noisy

    from eventmap.places.gazetteer import Gazetteer, _lat_key
    note = pin_one_core()
    loads, exact_med, fuzzy_med = [], [], []
    gaz = None
    for r in range(cfg["runs"] + 1):
        t0 = time.perf_counter()
        gaz = Gazetteer.load(analyst_places=False)
        if r:  # the first load warms the OS file cache and imports
            loads.append(time.perf_counter() - t0)
        names = [n for p in gaz.places for n in (p.name_ar, p.name_en) if n]
        names = names[r % 5::5]
        ex = []
        for n in names:
            t0 = time.perf_counter_ns()
            gaz.lookup(n)
            ex.append(time.perf_counter_ns() - t0)
        rng = random.Random(3 + r)
        south = [p.name_en for p in gaz.places if p.admin1_pcode in ("SY12", "SY13", "SY14") and p.name_en]
        variants = [v for v in (noisy(n, rng) for n in south) if _lat_key(v) not in gaz._lat][:cfg["fuzzy_n"]]
        fz = []
        for v in variants:
            t0 = time.perf_counter_ns()
            gaz.lookup(v)
            fz.append(time.perf_counter_ns() - t0)
        if r:
            exact_med.append(statistics.median(ex) / 1e3)
            fuzzy_med.append(statistics.median(fz) / 1e6)
    return [
        row("gazetteer", f"load ({len(gaz.places):,} places)", loads, "s", ("<", 1.0), note),
        row("gazetteer", f"exact lookup (median of {len(ex)} names per run)", exact_med, "µs", ("<", 50.0), note),
        row("gazetteer", f"fuzzy lookup (median of {len(fz)} noisy variants per run)", fuzzy_med, "ms",
            ("<", 2.0), note),
    ]


def task_extract(cfg: dict, params: dict) -> list[dict]:
    from corpus import generate

    from eventmap.events.extract import extract_events
    from eventmap.places.gazetteer import default_gazetteer
    note = pin_one_core()
    g = default_gazetteer()
    n = cfg["extract_n"]
    corpus = generate(n, g)
    mb = sum(len(r.text.encode("utf-8")) for r in corpus) / 1e6
    extract_events(corpus[0].text, corpus[0].published, gazetteer=g)  # automata and lexicon built
    t0 = time.perf_counter()
    for r in corpus:  # first pass: lookup caches cold
        extract_events(r.text, r.published, source=r.source, gazetteer=g)
    cold = time.perf_counter() - t0
    def one_pass() -> None:
        for r in corpus:
            extract_events(r.text, r.published, source=r.source, gazetteer=g)

    times, cpu, gt, scan, matches = _passes_beside_grep(one_pass, [r.text for r in corpus], g, cfg["runs"])
    rows = [
        row("extraction", f"reports/s, one core ({n} reports, {mb:.1f} MB)", [n / t for t in times], "reports/s",
            (">=", 300.0), note),
        row("extraction", "reports per CPU second (wall time less waiting for the shared core)",
            [n / c for c in cpu], "reports/s"),
        row("extraction", "reports/s, first pass (cold lookup caches)", [n / cold], "reports/s"),
        row("extraction", "MB/s, one core", [mb / t for t in times], "MB/s"),
    ]
    if gt:
        rows.append(row("extraction", f"grep -F -o -f names: reports/s (the floor; {matches:,} matches)",
                        [n / t for t in gt], "reports/s", note=note))
        # the target is for --full's 3,000 reports: on fewer, grep's fixed cost makes the ratio small
        full = n >= 3000
        rows.append(row("extraction", "extraction time / grep -F time (each pass beside its own grep run)",
                        [a / b for a, b in zip(times, gt)], "x", ("<=", 40.0) if full else None,
                        note="" if full else
                        f"target 40 on --full's 3,000 reports; on {n}, grep's fixed cost dominates"))
        what = "extraction time / grep -F scan time (10x corpus less 1x, / 9)"
        if all(t > 0 for t in scan):
            rows.append(row("extraction", what, [a / b for a, b in zip(times, scan)], "x",
                            note=f"without grep's fixed cost: {statistics.median(gt) - statistics.median(scan):.2f} s "
                                 f"of its {statistics.median(gt):.2f} s over the corpus"))
        else:   # no samples: said, not measured
            rows.append(row("extraction", what, [], "x", note=f"grep's scan of {n} reports is too short to measure"))
    return rows + _real_extract_rows(cfg, g, note)


def _passes_beside_grep(one_pass, texts: list[str], g, runs: int) -> tuple[list, list, list, list, int]:
    """``runs`` timed calls of ``one_pass`` (an extraction pass over ``texts``), each followed by its own grep run
    over the same texts (``corpus.GrepFloor``, which also times grep's scan apart from its fixed cost): this
    machine's speed drifts by up to two times within minutes, and a ratio of two runs far apart in time measured
    the drift as much as the code. ``(wall s, CPU s, grep s, grep scan s, grep matches)``; no grep samples when
    grep is absent."""
    from corpus import GrepFloor

    times, cpu, gt, scan = [], [], [], []
    matches = 0
    with GrepFloor(texts, g) as floor:
        for _ in range(runs):
            t0, c0 = time.perf_counter(), time.process_time()
            one_pass()
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
            if floor is not None:
                t, sc, matches = floor.run()
                gt.append(t)
                scan.append(sc)
    return times, cpu, gt, scan, matches


def _real_extract_rows(cfg: dict, g, note: str) -> list[dict]:
    """The same ratio on real reports: the development corpus (../shared/dev, when present), its reports read
    as ``eventmap extract`` reads them and repeated to about as many reports as the generated corpus, each pass
    beside its own grep run over the same text. Informative: the target stays on the generated corpus above,
    which is on every machine; this says whether that corpus is easier or harder than real outlets' prose."""
    import real_corpus

    from eventmap.events.extract import extract_report
    if not real_corpus.available():
        return [row("extraction", "extraction time / grep -F time, real reports (../shared/dev)", [], "x",
                    note="not present on this machine: the corpus is not shipped with eventmap")]
    reps = [rep for _, rep in real_corpus.reports()]
    k = max(1, round(cfg["extract_n"] / len(reps)))
    for rep in reps:   # each name met once: the warm passes below, like the generated corpus's
        extract_report(rep, gazetteer=g)
    mb = k * sum(len(rep.text.encode("utf-8")) for rep in reps) / 1e6

    def one_pass() -> None:
        for _ in range(k):
            for rep in reps:
                extract_report(rep, gazetteer=g)

    times, _, gt, scan, _ = _passes_beside_grep(one_pass, [rep.text for rep in reps] * k, g, cfg["runs"])
    what = f"real reports (../shared/dev: {len(reps)} x {k}, {mb:.1f} MB)"
    rows = [row("extraction", f"reports/s, one core, {what}", [k * len(reps) / t for t in times], "reports/s", note=note)]
    if gt:
        rows.append(row("extraction", "extraction time / grep -F time, real reports (paired passes)",
                        [a / b for a, b in zip(times, gt)], "x",
                        note="informative: the target is on the generated corpus, on every machine"))
        if all(s > 0 for s in scan):
            rows.append(row("extraction", "extraction time / grep -F scan time, real reports",
                            [a / b for a, b in zip(times, scan)], "x"))
    return rows


def task_accuracy(cfg: dict, params: dict) -> list[dict]:
    import truth_corpus as tc

    from eventmap.events.extract import extract_events
    from eventmap.places.gazetteer import default_gazetteer
    g = default_gazetteer()
    rows = []
    for heldout in (False, True):
        reps = tc.generate(cfg["truth_n"], g, seed=7 + heldout, heldout=heldout)
        # the templates span the whole south, As-Sweida included: scored with the area of interest off
        ext = [extract_events(r.text, r.published, source=r.source, title=r.title, gazetteer=g, area=None) for r in reps]
        s = tc.score(reps, ext)
        which = "held-out phrasing" if heldout else "tuning templates"
        note = (f"{len(reps)} reports, {s['true_events']} true events, {s['extracted_events']} extracted; "
                f"type recall " + ", ".join(f"{k.split('/')[0]} {v:.2f}" for k, v in s["by_type_recall"].items()))
        rows += [
            row("accuracy", f"precision (place + event type), {which}", [s["precision"]], "", note=note),
            row("accuracy", f"recall (place + event type), {which}", [s["recall"]], ""),
            row("accuracy", f"F1, {which}", [s["f1"]], ""),
            row("accuracy", f"place precision, {which}", [s["place_precision"]], "",
                note=f"place recall {s['place_recall']:.3f}"),
            row("accuracy", f"date right (of matched events the text dates), {which}", [s["date_accuracy"]], ""),
            row("accuracy", f"recall on unknown names, {which}", [s["unknown_name_recall"]], ""),
        ]
    rows += _real_corpus_rows()
    return rows


#: issue 10's targets on real reports (``../shared/dev/score.py``)
REAL_TARGETS = {"place recall": 0.90, "place precision": 0.90, "within 5 km": 0.95, "type": 0.85, "date": 0.85,
                "fatalities": 0.80}


def _real_corpus_rows() -> list[dict]:
    """The real-report development corpus (../shared/dev), scored by its own score.py; said when absent."""
    import real_corpus

    if not real_corpus.available():
        return [row("accuracy", "real reports (../shared/dev)", [], "",   # no samples: a row said, not measured
                    note="not present on this machine: the corpus is not shipped with eventmap")]
    res = real_corpus.run()
    note = f"{res['reports']} real reports from many outlets, hand-annotated; scored by the corpus's score.py"
    return [row("accuracy", f"{name}, real reports (../shared/dev)", [res[name]], "", target=(">=", target),
                note=note if name == "place recall" else "")
            for name, target in REAL_TARGETS.items() if name in res]


def task_ingest(cfg: dict, params: dict) -> list[dict]:
    import truth_corpus as tc

    from eventmap.places.gazetteer import default_gazetteer
    from eventmap.store import open_store
    from eventmap.pipeline.parallel import ingest_parallel
    n_cores = cores()
    backends = [("embedded", None)]
    pg = os.environ.get("EVENTMAP_TEST_PG")
    if pg:
        backends.append(("PostGIS", pg))
    rows = []
    with tempfile.TemporaryDirectory() as td:
        reps = tc.generate(cfg["ingest_n"], default_gazetteer(), seed=11)
        corpus, _ = tc.write(reps, Path(td) / "corpus")
        n = len(reps)
        for name, base in backends:
            for w in sorted({1, 2, n_cores}):
                rates, steady = [], []
                for run in range(cfg["ingest_runs"]):
                    schema = None
                    if base is None:
                        url = str(Path(td) / f"ingest-{name}-{w}-{run}.gpkg")
                    else:
                        import psycopg

                        from eventmap.store.testing import pg_schema_url
                        schema = f"bench_{os.getpid()}_{w}_{run}"
                        with psycopg.connect(base, autocommit=True) as c:
                            c.execute(f"CREATE SCHEMA {schema}")
                        url = pg_schema_url(base, schema)
                    try:
                        marks: list[tuple[float, int]] = []
                        with open_store(url) as s:
                            t0 = time.perf_counter()
                            summ = ingest_parallel(s, [corpus], workers=w, progress=False,
                                                   on_chunk=lambda done, total: marks.append(
                                                       (time.perf_counter(), done)))
                            rates.append(n / (time.perf_counter() - t0))
                        if len(marks) > 2:  # from the first chunk written to the last: start-up left out
                            steady.append((marks[-1][1] - marks[0][1]) / (marks[-1][0] - marks[0][0]))
                        assert summ.new == n, summ.lines()
                    finally:
                        if schema:
                            with psycopg.connect(base, autocommit=True) as c:
                                c.execute(f"DROP SCHEMA {schema} CASCADE")
                label = f"{w} worker{'s' if w > 1 else ''}" + (" (N = cores)" if w == n_cores else "")
                rows.append(row("ingest", f"{name}, {label}, {n} reports, whole run", rates, "reports/s",
                                note="wall time incl. starting the workers and loading the gazetteer in each"))
                rows.append(row("ingest", f"{name}, {label}, steady state (after start-up)", steady,
                                "reports/s"))
        for w in sorted({2, n_cores}):
            starts = []
            for _ in range(cfg["ingest_runs"]):
                starts.append(_pool_start(w))
            rows.append(row("ingest", f"start-up of {w} spawned workers (gazetteer loaded in each)", starts, "s",
                            note="paid once per ingest run"))
        if not pg:
            rows.append(row("ingest", "PostGIS", [], "", note="not measured: set EVENTMAP_TEST_PG"))
    return rows


def task_bulk(cfg: dict, params: dict) -> list[dict]:
    """Bulk writes beside SQLite's own executemany of the same rows (``bench_bulk.py``)."""
    from bench_bulk import run_bulk, summary

    results = summary(run_bulk(cfg["bulk_n"], cfg["bulk_runs"], os.environ.get("EVENTMAP_TEST_PG")))
    rows = []
    for r in results:
        label = (f"{r['what']}, {r['backend']}, {r['rows']:,} rows ({r['clock']} time, load average "
                 f"{min(r['load']):.1f}-{max(r['load']):.1f})")
        rows.append(row("bulk", label, r["per_s"], "rows/s", (">=", 20_000.0)))
        rows.append(row("bulk", f"{r['what']}, {r['backend']}: {r['floor']}",
                        r["floor_per_s"], "rows/s"))
        rows.append(row("bulk", f"{r['what']}, {r['backend']}: time / that executemany's time", r["ratio"], "x",
                        ("<=", 3.0)))
        if r.get("floor2_per_s"):
            rows.append(row("bulk", f"{r['what']}, {r['backend']}: {r['floor2']} of the same rows",
                            r["floor2_per_s"], "rows/s"))
        if r["backend"] == "PostGIS" and r.get("cpu_per_s"):
            rows.append(row("bulk", f"{r['what']}, PostGIS: CPU time of client + server backend", r["cpu_per_s"],
                            "rows/s", (">=", 20_000.0)))
            rows.append(row("bulk", f"{r['what']}, PostGIS: that CPU time / SQLite executemany's CPU time",
                            r["cpu_ratio"], "x", ("<=", 3.0)))
            if r.get("floor2_cpu_per_s"):   # (not measured for the bulk load)
                rows.append(row("bulk", f"{r['what']}, PostGIS: PostgreSQL's own COPY, CPU of client + server",
                                r["floor2_cpu_per_s"], "rows/s"))
    if not os.environ.get("EVENTMAP_TEST_PG"):
        rows.append(row("bulk", "PostGIS", [], "", note="not measured: set EVENTMAP_TEST_PG"))
    return rows


def _pool_start(w: int) -> float:
    """Seconds until a spawned pool of ``w`` workers has run its initializer (extractor + gazetteer) in each."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from eventmap.pipeline.parallel import _init_worker, _pool_chunk
    t0 = time.perf_counter()
    with ProcessPoolExecutor(w, mp_context=multiprocessing.get_context("spawn"), initializer=_init_worker,
                             initargs=(None,)) as ex:
        for f in [ex.submit(_pool_chunk, []) for _ in range(w)]:
            f.result()
        took = time.perf_counter() - t0
    return took


def _cached_store(n: int, cache: Path) -> tuple[Path, float | None]:
    """The store of ``n`` events under ``cache``, built once per store schema version (a store built by an
    older schema would be upgraded on opening but keep its rows as that version wrote them)."""
    from bench_store import build

    from eventmap.store.migrations import CURRENT_VERSION
    cache = cache / f"schema-{CURRENT_VERSION}"
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"events-{n}.gpkg"
    meta = cache / f"events-{n}.json"
    if path.exists() and meta.exists():
        return path, json.loads(meta.read_text()).get("build_s")
    tmp = cache / f"events-{n}.tmp.gpkg"
    for suf in ("", "-wal", "-shm"):
        Path(str(tmp) + suf).unlink(missing_ok=True)
    t = build(tmp, n)
    tmp.rename(path)
    meta.write_text(json.dumps({"events": n, "build_s": round(t, 1),
                                "generator": "eventmap.store.testing.fast_events via benchmarks/bench_store.build"}))
    return path, round(t, 1)


def task_query(cfg: dict, params: dict) -> list[dict]:
    from eventmap.store import EventFilter, open_store
    n = int(params["n"])
    note = pin_one_core()
    path, build_s = _cached_store(n, Path(params["cache"]))
    rng = random.Random(5)
    d0 = dt.date(2012, 1, 1)

    def window(days: int, draw: random.Random = rng) -> tuple[str, str]:
        a = d0 + dt.timedelta(days=draw.randrange(365 * 8 - days))
        return a.isoformat(), (a + dt.timedelta(days=days - 1)).isoformat()

    typed_rng = random.Random(6)   # its own draws: the other rows' windows stay those of earlier runs
    label = f"{n:,} events"
    out = {"7": [], "1": [], "count": [], "7cpu": [], "cold": [], "typed": []}
    rows_7, rows_typed = [], []
    with open_store(str(path)) as s:
        # a first pass of random windows in a fresh process: the OS and SQLite page caches are cold(er)
        for _ in range(cfg["query_reps"]):
            a, b = window(7)
            t0 = time.perf_counter()
            s.query(EventFilter(since=a, until=b))
            out["cold"].append((time.perf_counter() - t0) * 1e3)
        # then the file read once, so that the measured pass is warm whatever the OS evicted while the store sat
        # idle (here the first run after the store sat idle 2.5 hours took 152 ms, 82 of them CPU; the next 44-58)
        with open(path, "rb") as fh:
            while fh.read(1 << 24):
                pass
        for _ in range(cfg["query_reps"]):
            a, b = window(7)
            t0, c0 = time.perf_counter(), time.process_time()
            rows_7.append(len(s.query(EventFilter(since=a, until=b))))
            out["7"].append((time.perf_counter() - t0) * 1e3)
            out["7cpu"].append((time.process_time() - c0) * 1e3)
            a, b = window(1)
            t0 = time.perf_counter()
            s.query(EventFilter(since=a, until=b))
            out["1"].append((time.perf_counter() - t0) * 1e3)
            a, b = window(7)
            t0 = time.perf_counter()
            s.count(EventFilter(since=a, until=b))
            out["count"].append((time.perf_counter() - t0) * 1e3)
            # a filter besides the dates: corroboration then reads the events around the rows outside it
            a, b = window(90, typed_rng)
            t0 = time.perf_counter()
            rows_typed.append(len(s.query(EventFilter(since=a, until=b, event_types=("Battles",)))))
            out["typed"].append((time.perf_counter() - t0) * 1e3)
    target = ("<", 100.0) if n >= 1_000_000 else None
    rows = [
        row("query", f"7-day window, {label} (median {statistics.median(rows_7):.0f} rows)", out["7"], "ms",
            target, note),
        row("query", f"7-day window, {label}, CPU time of the query", out["7cpu"], "ms"),
        row("query", f"7-day window, {label}, first {len(out['cold'])} queries of a new process", out["cold"], "ms",
            note="page caches cold or partly warm"),
        row("query", f"1-day window, {label}", out["1"], "ms"),
        row("query", f"count, 7-day window, {label}", out["count"], "ms"),
        row("query", f"one event type, 90-day window, {label} (median {statistics.median(rows_typed):.0f} rows)",
            out["typed"], "ms"),
    ]
    rows.append(row("query", f"build store of {label} (ingest_many)", [build_s] if build_s is not None else [],
                    "s", note=f"{path.stat().st_size / 1e6:.0f} MB file; built once, cached in {path.parent.name}/"))
    return rows


def task_export(cfg: dict, params: dict) -> list[dict]:
    from bench_export import load_places, synthetic_frame

    from eventmap.exports import ExportMeta, export
    from eventmap.exports.png import PngRenderer
    places = load_places()
    rows = []
    with tempfile.TemporaryDirectory() as d, PngRenderer() as renderer:
        d = Path(d)
        for n in cfg["export"]:
            frame = synthetic_frame(n, places)
            meta = ExportMeta(title=f"Benchmark {n:,} events", filters={"admin1": ["Dar'a", "Quneitra"]})
            runs = 1 if n >= 100_000 else cfg["export_runs"]
            res: dict[str, list[float]] = {k: [] for k in ("html", "png", "gpkg", "geojson", "csv")}
            size = 0.0
            for _ in range(runs):
                for fmt in res:
                    opts = {"renderer": renderer, "size": (1600, 1000)} if fmt == "png" else {}
                    t0 = time.perf_counter()
                    export(frame, fmt, d / f"m.{fmt}", meta, **opts)
                    res[fmt].append(time.perf_counter() - t0)
                size = (d / "m.html").stat().st_size / 1e6
            tgt_png = ("<", 5.0) if n == 10_000 else None
            tgt_html = ("<", 20.0) if n == 100_000 else None
            rows.append(row("export", f"HTML size, {n:,} events", [size], "MB", tgt_html))
            rows.append(row("export", f"HTML, {n:,} events", res["html"], "s"))
            rows.append(row("export", f"PNG 1600x1000, {n:,} events", res["png"], "s", tgt_png,
                            note="browser already running"))
            rows.append(row("export", f"GeoPackage, {n:,} events", res["gpkg"], "s"))
            rows.append(row("export", f"GeoJSON, {n:,} events", res["geojson"], "s"))
            rows.append(row("export", f"CSV, {n:,} events", res["csv"], "s"))
    return rows


def task_dashboard(cfg: dict, params: dict) -> list[dict]:
    """Runs benchmarks/bench_dashboard.py (the dashboard engineer's) when it exists and reads its JSON."""
    script = HERE / "bench_dashboard.py"
    if not script.exists():
        return [row("dashboard", "first paint / timeline change", [], "",
                    note="not available (benchmarks/bench_dashboard.py absent)")]
    import importlib
    n = cfg["dash_events"]
    repeat = cfg["dash_repeat"]
    out = RESULTS / "bench_dashboard.json"
    out.unlink(missing_ok=True)
    mod = importlib.import_module("bench_dashboard")
    for attempt in (1, 2):  # one retry: a browser wait can time out on a machine busy with other work
        try:
            code = mod.main(["--events", str(n), "--repeat", str(repeat), "--starts", str(cfg.get("dash_starts", 1))])
        except Exception as exc:
            print(f"bench_dashboard attempt {attempt} failed: {type(exc).__name__}: {exc}", flush=True)
            if attempt == 2:
                raise
            continue
        if code == 0 and out.exists():
            break
    if not out.exists():
        raise RuntimeError(f"bench_dashboard.py exited {code} without results")
    r = json.loads(out.read_text())
    label = f"{r.get('events', n):,} events"
    return [
        row("dashboard", f"first paint, new session (warm server), {label}", r["first_paint_warm_s"], "s",
            ("<", 3.0), note="headless Chromium against eventmap app"),
        # each start a new server and data directory (no page cache), paired with that server's second session
        row("dashboard", f"first paint after a server start (new process, cold caches), {label}",
            r.get("first_paint_cold_all_s") or [r["first_paint_cold_s"]], "s", ("<=", 5.0)),
        row("dashboard", f"first paint after a start / second session, {label}", r.get("cold_over_second", []), "x",
            ("<=", 1.3)),
        row("dashboard", f"timeline change (end moved one day), {label}", r["timeline_change_s"], "s", ("<", 1.0)),
    ]


def _bench_json(module: str, argv: list[str], out: Path) -> dict:
    """Run ``benchmarks/<module>.py`` in this process (one retry: a browser wait can time out on a busy
    machine) and read the JSON it wrote to ``out``."""
    import importlib
    mod = importlib.import_module(module)
    out.unlink(missing_ok=True)
    for attempt in (1, 2):
        try:
            if mod.main([*argv, "--out", str(out)]) == 0 and out.exists():
                break
        except Exception as exc:
            print(f"{module} attempt {attempt} failed: {type(exc).__name__}: {exc}", flush=True)
            if attempt == 2:
                raise
    return json.loads(out.read_text())


def task_coldstart(cfg: dict, params: dict) -> list[dict]:
    """First paint after a server start, a second browser session, Streamlit's one-line page (bench_coldstart)."""
    r = _bench_json("bench_coldstart", ["--rounds", str(cfg["cold_rounds"]), "--sessions",
                                        str(cfg["cold_sessions"])], RESULTS / "bench_coldstart.json")
    note = ("eventmap app, sample report (27 events); a new server per round, each a restart (the data directory "
            "made by a first start)")
    return [
        row("cold start", "first paint after a server start (new process), sample", r["first_paint_cold_s"], "s",
            ("<=", 3.0), note=note),
        row("cold start", "first paint, second browser session, sample", r["second_session_s"], "s"),
        row("cold start", "Streamlit's one-line page, new session (the floor)", r["floor_warm_s"], "s"),
        row("cold start", "first paint after a start / second session", r["cold_over_second"], "x", ("<=", 1.3)),
        row("cold start", "second session / Streamlit's one-line page", r["second_over_floor"], "x", ("<=", 1.5)),
        *_session_cpu_rows(r),
        *([row("cold start", "first paint of a first start (new data directory, sample extracted)",
               [r["first_start"]["paint"]], "s", ("<=", 3.0),
               note="once, before the rounds, which restart on that directory")]
          if r.get("first_start") else []),
    ]


def _session_cpu_rows(r: dict) -> list[dict]:
    """Which side a session's CPU time is spent on: Chromium's and the server's, with its helpers (bench_coldstart,
    where /proc tells them)."""
    if "cpu_browser_second_s" not in r:
        return [row("cold start", "CPU per session", [], "", note="not measured: no /proc")]
    return [
        row("cold start", "CPU of Chromium, second browser session, sample", r["cpu_browser_second_s"], "s"),
        row("cold start", "CPU of Chromium, a session of Streamlit's one-line page", r["cpu_browser_floor_s"], "s"),
        row("cold start", "CPU of the server and its helpers, second browser session, sample",
            r["cpu_server_second_s"], "s"),
        row("cold start", "CPU of the server and its helpers, first page after a start, sample",
            r["cpu_server_cold_s"], "s"),
    ]


def task_naive(cfg: dict, params: dict) -> list[dict]:
    """The dashboard's first paint beside a naive folium map with one Marker per event (bench_naive)."""
    n = cfg["naive_n"]
    r = _bench_json("bench_naive", ["--events", str(n), "--repeat", str(cfg["naive_repeat"])],
                    RESULTS / "bench_naive.json")
    return [
        row("naive folium", f"dashboard first paint, new session, {n:,} events", r["dashboard_s"], "s"),
        row("naive folium", f"st_folium of folium.Map + one Marker per event, {n:,} events", r["naive_folium_s"], "s"),
        row("naive folium", f"naive folium time / dashboard time, {n:,} events", r["naive_over_dashboard"], "x"),
    ]


def task_bins(cfg: dict, params: dict) -> list[dict]:
    """The map of a very large store binned per place and day (bench_bins)."""
    n = cfg["bins_n"]
    r = _bench_json("bench_bins", ["--events", str(n), "--repeat", str(cfg["bins_repeat"])],
                    RESULTS / "bench_bins.json")
    label = f"{r['events']:,} events ({r['bins']:,} place-day bins)"
    return [
        row("binned map", f"count per place and day in the store, {label}", r["bins_s"], "s"),
        row("binned map", f"build the map page, {label}", r["map_build_s"], "s"),
        row("binned map", f"page size, {label}", [r["html_mb"]], "MB"),
        row("binned map", f"first paint in Chromium (last 30 days shown), {label}", r["first_paint_s"], "s",
            ("<=", 5.0)),
        row("binned map", f"timeline change (end moved one day), {label}", r["timeline_change_s"], "s", ("<=", 1.0)),
        row("binned map", f"peak memory of the process building it, {label}", [r["server_peak_rss_mb"]], "MB",
            ("<=", 2048.0)),
    ]


def task_bigdash(cfg: dict, params: dict) -> list[dict]:
    """The real dashboard over a very large store, binned (bench_dashboard_big): eventmap app + Chromium."""
    argv = ["--events", str(cfg["bigdash_n"]), "--repeat", str(cfg["bigdash_repeat"])]
    if cfg.get("bigdash_above") is not None:
        argv += ["--bin-above", str(cfg["bigdash_above"])]
    r = _bench_json("bench_dashboard_big", argv, RESULTS / "bench_dashboard_big.json")
    label = f"{r['events']:,} events"
    note = "eventmap app, headless Chromium; counts from the store (ui.overview)"
    return [
        row("big dashboard", f"first paint, new session (warm server), {label}", r["first_paint_warm_s"], "s",
            ("<=", 5.0), note=note),
        row("big dashboard", f"first paint after a server start, {label}", [r["first_paint_cold_s"]], "s"),
        row("big dashboard", f"timeline change (end moved one day), {label}", r["timeline_change_s"], "s", ("<=", 1.0)),
        row("big dashboard", f"first paint on a new filter (?admin1=Quneitra), {label}", [r["filtered_first_paint_s"]],
            "s"),
        row("big dashboard", f"peak RSS of the dashboard server, {label}", [r["server_peak_rss_mb"]], "MB",
            ("<=", 2048.0), note="VmHWM of the Streamlit process"),
    ]


TASKS = {"gazetteer": task_gazetteer, "extract": task_extract, "accuracy": task_accuracy, "ingest": task_ingest,
         "bulk": task_bulk, "query": task_query, "dashboard": task_dashboard, "coldstart": task_coldstart,
         "naive": task_naive, "bins": task_bins, "bigdash": task_bigdash, "export": task_export}
RATIO_UNIT = "x"


# ====================================================================== the runner
def machine() -> dict:
    cpu = ""
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = ""
    try:
        for line in open("/proc/meminfo", encoding="utf-8"):
            if line.startswith("MemTotal"):
                ram = f"{int(line.split()[1]) / 1024 / 1024:.1f} GB"
                break
    except OSError:
        pass
    try:
        commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        commit = ""
    return {"nproc": os.cpu_count(), "cores_available": len(os.sched_getaffinity(0)), "cpu": cpu, "ram": ram,
            "python": platform.python_version(), "platform": platform.platform(), "commit": commit,
            "python_loop_s": python_loop_s()}


def python_loop_s(n: int = 5_000_000, repeat: int = 3) -> float:
    """CPU seconds of one core for a fixed pure-Python loop (best of ``repeat``): the machine's speed for the
    kind of work the extractor and the dashboard's server do, so that runs on two machines can be compared
    (the tables before 2026-12-02 afternoon were measured without it)."""
    best = float("inf")
    for _ in range(repeat):
        c0 = time.process_time()
        total = 0
        for i in range(n):
            total += i & 7
        best = min(best, time.process_time() - c0)
    return round(best, 3)


def run_task(name: str, params: dict, mode: str, workdir: Path, timeout: float) -> tuple[list[dict], float, int,
                                                                                           float, str]:
    """(rows, max RSS MB, exit code, wall s, log tail) of one benchmark in its own process."""
    out = workdir / f"{name}-{len(list(workdir.iterdir()))}.json"
    log = out.with_suffix(".log")
    cmd = [sys.executable, str(Path(__file__).resolve()), "--task", name, f"--{mode}",
           "--params", json.dumps(params), "--out", str(out)]
    t0 = time.perf_counter()
    with open(log, "w") as lf:
        # its own process group: a benchmark killed at its time limit takes the servers it started with it
        p = subprocess.Popen(cmd, stdout=lf, stderr=subprocess.STDOUT, cwd=str(ROOT), start_new_session=True)
        timer = threading.Timer(timeout, lambda: os.killpg(p.pid, signal.SIGKILL))
        timer.start()
        try:
            _, status, ru = os.wait4(p.pid, 0)
        finally:
            timer.cancel()
        p.returncode = code = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - t0
    rss_mb = ru.ru_maxrss / 1024  # kB on Linux; includes the largest process it waited for
    rows = json.loads(out.read_text()) if code == 0 and out.exists() else []
    tail = " ".join(log.read_text(errors="replace").strip().splitlines()[-3:])[-300:]
    return rows, rss_mb, code, wall, tail


def summarise(r: dict) -> dict:
    s = r["samples"]
    r = dict(r)
    if s:
        r.update(median=statistics.median(s), min=min(s), max=max(s), n=len(s))
        if r.get("target"):
            op, v = r["target"]
            r["met"] = (r["median"] < v) if op == "<" else (r["median"] <= v) if op == "<=" else (r["median"] >= v)
    else:
        r.update(median=None, min=None, max=None, n=0)
    return r


def fmt(v: float | None) -> str:
    if v is None:
        return "-"
    a = abs(v)
    if a >= 1000:
        return f"{v:,.0f}"
    if a >= 100:
        return f"{v:.0f}"
    if a >= 10:
        return f"{v:.1f}"
    if a >= 1:
        return f"{v:.2f}"
    return f"{v:.3f}"


COLS = ("benchmark", "measure", "median", "min", "max", "n", "unit", "target", "met")


def table_lines(rows: list[dict], markdown: bool = False) -> list[str]:
    cells = []
    for r in rows:
        tgt = f"{r['target'][0]} {fmt(r['target'][1])}" if r.get("target") else ""
        met = "" if "met" not in r else ("yes" if r["met"] else "NO")
        measure = r["measure"] + (f" [{r['note']}]" if r.get("note") and not r["samples"] else "")
        cells.append([r["benchmark"], measure, fmt(r["median"]), fmt(r["min"]), fmt(r["max"]), str(r["n"]),
                      r["unit"], tgt, met])
    if markdown:
        out = ["| " + " | ".join(COLS) + " |", "|" + "|".join("---" for _ in COLS) + "|"]
        out += ["| " + " | ".join(c.replace("|", "/") for c in cs) + " |" for cs in cells]
        return out
    widths = [max(len(h), *(len(c[i]) for c in cells)) if cells else len(h) for i, h in enumerate(COLS)]
    widths[1] = min(widths[1], 70)
    line = lambda cs: "  ".join(c[:widths[i]].ljust(widths[i]) if i < 2 or i > 5 else c.rjust(widths[i])  # noqa: E731
                                for i, c in enumerate(cs))
    return [line(list(COLS)), line(["-" * w for w in widths])] + [line(c) for c in cells]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    g = ap.add_mutually_exclusive_group()
    g.add_argument("--quick", action="store_const", dest="mode", const="quick")
    g.add_argument("--full", action="store_const", dest="mode", const="full")
    g.add_argument("--smoke", action="store_const", dest="mode", const="smoke")
    ap.add_argument("--only", help="comma-separated benchmarks: " + ",".join(TASKS))
    ap.add_argument("--json", type=Path, default=None, help="results file (default benchmarks/results/latest.json)")
    ap.add_argument("--cache", type=Path, default=RESULTS / "stores", help="where the query stores are kept")
    ap.add_argument("--timeout", type=float, default=None, help="per-benchmark time limit in seconds")
    ap.add_argument("--task", help=argparse.SUPPRESS)
    ap.add_argument("--params", default="{}", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    ap.set_defaults(mode="quick")
    args = ap.parse_args(argv)
    cfg = MODES[args.mode]

    if args.task:  # inside the subprocess: run one benchmark, write its rows
        rows = TASKS[args.task](cfg, json.loads(args.params))
        Path(args.out).write_text(json.dumps(rows, ensure_ascii=False))
        return 0

    only = [t.strip() for t in args.only.split(",")] if args.only else list(TASKS)
    unknown = [t for t in only if t not in TASKS]
    if unknown:
        ap.error(f"unknown benchmark(s) {', '.join(unknown)}; choose from {', '.join(TASKS)}")
    plan: list[tuple[str, dict]] = []
    for t in only:
        if t == "query":
            plan += [("query", {"n": n, "cache": str(args.cache)}) for n in cfg["query"]]
        else:
            plan.append((t, {"cache": str(args.cache)}))
    timeout = args.timeout or {"smoke": 300, "quick": 300, "full": 3600}[args.mode]
    # the browser benchmarks start servers and load pages that take minutes on a busy machine
    slow = {"coldstart": 1200.0, "naive": 1200.0, "bins": 3600.0, "bigdash": 3600.0} if args.mode != "smoke" else {}
    mach = machine()
    print(f"eventmap benchmarks ({args.mode}): {mach['cpu']}, {mach['cores_available']} cores available, "
          f"{mach['ram']} RAM, Python {mach['python']}; a fixed Python loop takes {mach['python_loop_s']} s of CPU "
          "(compare machines by it)", flush=True)
    started = time.time()
    all_rows: list[dict] = []
    failed = []
    loads: list[tuple[str, float, float]] = []
    with tempfile.TemporaryDirectory(prefix="eventmap-bench-") as wd:
        for name, params in plan:
            label = name + (f" {params['n']:,}" if "n" in params else "")
            print(f"  running {label} ...", end="", flush=True)
            load0 = os.getloadavg()[0]
            rows, rss, code, wall, tail = run_task(name, params, args.mode, Path(wd), max(timeout, slow.get(name, 0)))
            load1 = os.getloadavg()[0]
            loads.append((label, round(load0, 1), round(load1, 1)))
            print(f" {wall:.1f} s, peak {rss:.0f} MB, load average {load0:.1f} -> {load1:.1f}"
                  + ("" if code == 0 else f", FAILED (exit {code}): {tail}"), flush=True)
            if code != 0:
                failed.append(label)
                rows = [row(name, f"{label}: FAILED (exit {code})", [], "", note=tail)]
            else:
                bench = rows[0]["benchmark"] if rows else name
                rows.append(row(bench, f"peak memory of the {label} benchmark process", [rss], "MB",
                                ("<=", 300.0) if name == "extract" else None, note="max RSS (wait4)"))
            all_rows += [summarise(r) for r in rows]
    total = time.time() - started
    print()
    for line in table_lines(all_rows):
        print(line)
    ratios = [r for r in all_rows if r["unit"] == RATIO_UNIT and r["n"]]
    if ratios:  # the ratios of this run side by side: each against its floor, measured in the same run
        print("\nratios (same run):")
        for line in table_lines(ratios):
            print(line)
    la = [x for _, a, b in loads for x in (a, b)]
    print(f"\n{len(plan)} benchmarks in {total:.0f} s; medians of n runs (min, max); "
          f"'met' compares the median with the target; 1-minute load average {min(la):.1f}-{max(la):.1f} "
          f"on {mach['cores_available']} cores." + (f" FAILED: {', '.join(failed)}" if failed else ""))
    out = args.json or RESULTS / "latest.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    when = dt.datetime.fromtimestamp(started, dt.UTC).isoformat(timespec="seconds")
    out.write_text(json.dumps({"mode": args.mode, "machine": mach, "started": when, "seconds": round(total, 1),
                               "load_average": loads, "rows": all_rows}, ensure_ascii=False, indent=1))
    md = table_lines(all_rows, markdown=True)
    if ratios:
        md += ["", "Ratios of this run, side by side:", ""] + table_lines(ratios, markdown=True)
    out.with_suffix(".md").write_text("\n".join(md) + "\n", encoding="utf-8")
    print(f"results: {out} and {out.with_suffix('.md')}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
