"""Dashboard speed with a large store, measured in headless Chromium against a real ``streamlit run``.

    python benchmarks/bench_dashboard.py [--events 100000] [--repeat 5] [--starts 1] [--store PATH]

Builds (once, cached under ``benchmarks/results/``) a store of N events at real gazetteer
places (``_bigstore.py``), starts the dashboard as analysts do (``eventmap app``, a new data directory) on a
free localhost port and measures:

* ``first paint (cold)``: the first page load after the server starts, until the map's events
  are drawn (``window.eventmapReady`` in the map frame) and the event count is shown; with ``--starts N``,
  N servers one after the other, each with a new data directory, each cold first paint paired with the
  second browser session on the same server (issue 15: at most 5 s, at most 1.3 times that second session);
* ``first paint (warm)``: a new browser session (new tab, new Streamlit session) with the
  server's caches warm: what an analyst opening the dashboard sees;
* ``timeline change``: moving the time window's end one day, until the page's count and the
  map's drawn window both changed.

Medians are printed and written to ``benchmarks/results/bench_dashboard.json``.
Targets (issue 5): first paint < 3 s, timeline change < 1 s.
The warm sessions and timeline changes are measured on the last server.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
CHROMIUM = os.environ.get("EVENTMAP_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--headless"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: str, data_dir: Path, log: Path) -> tuple[subprocess.Popen, str]:
    """The dashboard on ``db`` as analysts start it: ``eventmap app`` of this checkout (``bench_coldstart.start``:
    Streamlit with the app's flags, the warm-up thread, the modules compiled to bytecode), its data directory
    ``data_dir`` (a new one: the first page is a cold start). Until 2026-12-04 this was a bare ``streamlit run
    app.py``, which no analyst runs: it rewrites app.py for Streamlit's "magic" on each session and warms nothing."""
    from bench_coldstart import start  # (bench_coldstart imports this module)

    log.write_bytes(b"")   # this run's server alone (start appends, for its rounds)
    proc, url, _ = start(None, {"EVENTMAP_DB": db, "EVENTMAP_DATA_DIR": str(data_dir)}, log)
    return proc, url


def _map_frame(page):
    loc = page.locator('iframe[title="streamlit_folium.st_folium"]').first
    loc.wait_for(state="attached", timeout=120_000)
    return loc.element_handle(timeout=120_000).content_frame()


def first_paint(browser, url: str) -> float:
    ctx = browser.new_context(viewport={"width": 1440, "height": 900})
    page = ctx.new_page()
    t0 = time.perf_counter()
    page.goto(url)
    page.wait_for_selector("#em-n", timeout=120_000)
    frame = _map_frame(page)
    frame.wait_for_function("() => window.eventmapReady === true && window.emWindowApplied >= 1", timeout=120_000,
                            polling=20)
    dt = time.perf_counter() - t0
    ctx.close()
    return dt


#: the page's count line (its dates change with the window even on a day without events) and "no script running"
LINE = '[data-testid="em-count"]'
IDLE = "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
READY = "() => window.eventmapReady === true && window.emWindowApplied >= 1"


def timeline_changes(browser, url: str, n: int, first_timeout_ms: int = 120_000) -> list[float]:
    """Seconds from moving the window's end one day (keyboard, on the slider) until the count line and the
    map's window both changed; ``first_timeout_ms`` bounds the first page (minutes on a million events)."""
    ctx = browser.new_context(viewport={"width": 1440, "height": 900})
    page = ctx.new_page()
    page.goto(url)
    page.wait_for_selector("#em-n", timeout=first_timeout_ms)
    frame = _map_frame(page)
    frame.wait_for_function(READY, timeout=first_timeout_ms)
    page.wait_for_function(IDLE, timeout=120_000)
    end = page.locator('[data-testid="stSlider"] input[type=range]').nth(1)
    out = []
    for _ in range(n):
        before = page.locator(LINE).inner_text()
        applied = frame.evaluate("() => window.emWindowApplied")
        end.focus()
        t0 = time.perf_counter()
        page.keyboard.press("ArrowLeft")
        page.wait_for_function(f"() => document.querySelector({json.dumps(LINE)}) && "
                               f"document.querySelector({json.dumps(LINE)}).innerText !== {json.dumps(before)}",
                               timeout=60_000, polling=10)
        frame.wait_for_function(f"() => window.emWindowApplied > {applied}", timeout=60_000, polling=10)
        out.append(time.perf_counter() - t0)
        page.wait_for_function(IDLE, timeout=60_000)
    ctx.close()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--starts", type=int, default=1, help="servers started (each cold, a new data directory)")
    ap.add_argument("--store", default=None, help="use this store instead of building one")
    args = ap.parse_args(argv)
    from playwright.sync_api import sync_playwright

    from _bigstore import make_big_store, store_cache

    results = HERE / "results"
    results.mkdir(exist_ok=True)
    t = time.perf_counter()
    db = args.store or make_big_store(store_cache() / f"dashboard_{args.events}.gpkg", args.events)
    print(f"store: {db} ({time.perf_counter() - t:.1f} s to build or find)")
    cold_all: list[float] = []
    second_all: list[float] = []
    warm: list[float] = []
    tl: list[float] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        starts = max(1, args.starts)
        for i in range(starts):
            last = i == starts - 1
            # a new data directory: no page cache, so the first page is a cold start
            with tempfile.TemporaryDirectory(prefix="em-dashboard-", ignore_cleanup_errors=True) as tmp:
                proc, url = start_server(db, Path(tmp), results / "bench_dashboard.streamlit.log")
                try:
                    cold_all.append(first_paint(browser, url))
                    second_all.append(first_paint(browser, url))   # the second browser session of this server
                    print(f"start {i}: first paint (cold server caches) {cold_all[-1]:.2f} s, "
                          f"second session {second_all[-1]:.2f} s", flush=True)
                    if last:
                        warm = [second_all[-1]] + [first_paint(browser, url) for _ in range(args.repeat - 1)]
                        print("first paint (new session, warm caches): " + ", ".join(f"{x:.2f}" for x in warm))
                        tl = timeline_changes(browser, url, args.repeat * 2)
                        print("timeline change: " + ", ".join(f"{x:.2f}" for x in tl))
                finally:
                    proc.terminate()
                    proc.wait(timeout=20)
        browser.close()
    cold = cold_all[0]
    summary = {"events": args.events, "first_paint_cold_s": round(cold, 3),
               "first_paint_cold_all_s": [round(x, 3) for x in cold_all],
               "second_session_s": [round(x, 3) for x in second_all],
               "cold_over_second": [round(a / b, 3) for a, b in zip(cold_all, second_all)],
               "first_paint_warm_median_s": round(statistics.median(warm), 3),
               "timeline_change_median_s": round(statistics.median(tl), 3),
               "first_paint_warm_s": [round(x, 3) for x in warm], "timeline_change_s": [round(x, 3) for x in tl]}
    print(json.dumps(summary, indent=1))
    (results / "bench_dashboard.json").write_text(json.dumps(summary, indent=1))
    ok = summary["first_paint_warm_median_s"] < 3 and summary["timeline_change_median_s"] < 1
    print("targets (first paint < 3 s, timeline change < 1 s):", "met" if ok else "NOT met")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
