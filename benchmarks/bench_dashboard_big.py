"""The real dashboard (``eventmap app``) over a store of a million events, in headless Chromium.

    python benchmarks/bench_dashboard_big.py [--events 1000000] [--repeat 5] [--store PATH] [--bin-above N]

Builds (once, cached: ``_bigstore.store_cache()``) a store of N events at real gazetteer places, starts
``python -m eventmap app`` on it (a new server: Streamlit's CLI in a child process) and measures:

* ``first paint (cold)``: the first page after the server started, until the count is shown and the map
  frame has drawn its window (``window.eventmapReady`` and ``emWindowApplied``): the grouped counts, the
  facets, the control layer and the map are built in this run;
* ``first paint (warm)``: a new browser session (new context, new Streamlit session) on the warm server;
* ``timeline change``: the window's end moved one day with the keyboard, until the page's count and the
  map's window both changed;
* ``filtered first paint``: a new session opened on ``?admin1=Quneitra`` (a filter not seen before: its counts
  and map are built), and the count it shows checked against the store;
* ``server peak RSS``: the largest resident set of the server process (``VmHWM`` of Streamlit's process, and
  the sum over the ``eventmap app`` process tree sampled every 0.2 s).

A screenshot of the warm page is saved beside the results (``--screenshot``). ``--bin-above`` sets
``EVENTMAP_BIN_ABOVE`` for the server, so a small store shows the binned dashboard too (the smoke run).
Results (medians): ``benchmarks/results/bench_dashboard_big.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_coldstart import bytecode  # noqa: E402
from bench_dashboard import ARGS, CHROMIUM, READY, _map_frame, free_port, timeline_changes  # noqa: E402


class Server:
    """``python -m eventmap app`` on a free port, its process tree's memory sampled while it runs."""

    def __init__(self, db: str, data_dir: Path, log: Path, bin_above: int | None = None) -> None:
        self.port = free_port()
        env = dict(os.environ, EVENTMAP_DATA_DIR=str(data_dir))
        import eventmap

        bytecode(Path(eventmap.__file__).parent)   # the eventmap the server imports, compiled as an installed one is
        if bin_above is not None:
            env["EVENTMAP_BIN_ABOVE"] = str(bin_above)
        self.proc = subprocess.Popen([sys.executable, "-m", "eventmap", "app", "--db", db, "--port", str(self.port)],
                                     env=env, stdout=open(log, "wb"), stderr=subprocess.STDOUT)
        self.url = f"http://127.0.0.1:{self.port}"
        self.tree_peak_mb = 0.0
        self.hwm: dict[int, float] = {}
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._sample, daemon=True)
        self._t.start()
        for _ in range(600):
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=1):
                    return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("eventmap app did not start")

    def _pids(self) -> list[int]:
        import psutil

        try:
            p = psutil.Process(self.proc.pid)
            return [p.pid] + [c.pid for c in p.children(recursive=True)]
        except psutil.NoSuchProcess:
            return []

    def _sample(self) -> None:
        while not self._stop.is_set():
            total = 0.0
            for pid in self._pids():
                try:
                    status = Path(f"/proc/{pid}/status").read_text()
                except OSError:
                    continue
                rss = re.search(r"VmRSS:\s+(\d+)", status)
                hwm = re.search(r"VmHWM:\s+(\d+)", status)
                total += int(rss.group(1)) / 1024 if rss else 0.0
                if hwm:
                    self.hwm[pid] = max(self.hwm.get(pid, 0.0), int(hwm.group(1)) / 1024)
            self.tree_peak_mb = max(self.tree_peak_mb, total)
            self._stop.wait(0.2)

    def stop(self) -> None:
        time.sleep(0.5)  # one last sample
        self._stop.set()
        self._t.join(timeout=5)
        self.proc.terminate()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def paint(browser, url: str, shot: Path | None = None, timeout_s: float = 600) -> tuple[float, str]:
    """Seconds until the count and the map's window are drawn in a new session; the count line's text."""
    ctx = browser.new_context(viewport={"width": 1440, "height": 900})
    page = ctx.new_page()
    t0 = time.perf_counter()
    page.goto(url)
    page.wait_for_selector("#em-n", timeout=timeout_s * 1000)
    _map_frame(page).wait_for_function(READY, timeout=timeout_s * 1000, polling=20)
    dt = time.perf_counter() - t0
    line = page.locator('[data-testid="em-count"]').inner_text()
    if shot is not None:
        page.wait_for_timeout(1500)  # let the histogram and the grid finish drawing
        page.screenshot(path=str(shot))
    ctx.close()
    return dt, line


def all_dates(line: str) -> int:
    m = re.search(r"([\d,]+) in all dates", line)
    return int(m.group(1).replace(",", "")) if m else -1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--store", default=None)
    ap.add_argument("--bin-above", type=int, default=None, help="EVENTMAP_BIN_ABOVE for the server")
    ap.add_argument("--out", default=str(HERE / "results" / "bench_dashboard_big.json"))
    ap.add_argument("--screenshot", default=None, help="PNG of the warm page (default beside --out)")
    ap.add_argument("--timeout", type=float, default=600, help="seconds the first page may take (then: not drawn)")
    args = ap.parse_args(argv)
    from _bigstore import make_big_store, store_cache

    from eventmap.store import EventFilter, open_store

    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    shot = Path(args.screenshot) if args.screenshot else out.with_suffix(".png")
    t = time.perf_counter()
    db = args.store or make_big_store(store_cache() / f"dashboard_{args.events}.gpkg", args.events)
    with open_store(db) as s:  # opened once before the server (a store of an older schema is upgraded here)
        expect = {"all": s.count_stored(EventFilter()), "Quneitra": s.count_stored(EventFilter(admin1=("Quneitra",)))}
    print(f"store: {db} ({time.perf_counter() - t:.1f} s to build, find and upgrade); {expect}", flush=True)
    with tempfile.TemporaryDirectory(prefix="em-big-data-", ignore_cleanup_errors=True) as data_dir:
        return _measure(args, db, Path(data_dir), expect, out, shot)


def _measure(args: argparse.Namespace, db: str, data_dir: Path, expect: dict, out: Path, shot: Path) -> int:
    """The measures of :func:`main` with the server's data directory ``data_dir``."""
    from playwright.sync_api import sync_playwright

    server = Server(db, data_dir, out.with_suffix(".server.log"), args.bin_above)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            try:
                cold, line = paint(browser, server.url, timeout_s=args.timeout)
            except Exception as exc:  # noqa: BLE001 - measured: the page did not draw in time (the code before)
                print(f"first paint, new server: not drawn within {args.timeout:.0f} s ({type(exc).__name__})", flush=True)
                browser.close()
                server.stop()
                out.write_text(json.dumps({"events": expect["all"], "first_paint_cold_s": None, "timeout_s": args.timeout,
                                           "server_peak_rss_mb": round(max(server.hwm.values() or [0.0]), 1),
                                           "server_tree_peak_rss_mb": round(server.tree_peak_mb, 1),
                                           "loadavg": round(os.getloadavg()[0], 2)}, indent=1))
                print(out.read_text())
                return 1
            print(f"first paint, new server: {cold:.2f} s  ({line})", flush=True)
            warm = [paint(browser, server.url, shot if i == 0 else None)[0] for i in range(args.repeat)]
            print("first paint, new session (warm server): " + ", ".join(f"{x:.2f}" for x in warm), flush=True)
            tl = timeline_changes(browser, server.url, args.repeat * 2, first_timeout_ms=600_000)
            print("timeline change: " + ", ".join(f"{x:.2f}" for x in tl), flush=True)
            filt, fline = paint(browser, server.url + "/?admin1=Quneitra")
            print(f"first paint on ?admin1=Quneitra (its counts built): {filt:.2f} s  ({fline})", flush=True)
            browser.close()
    finally:
        server.stop()
    hwm = max(server.hwm.values()) if server.hwm else 0.0
    res = {"events": expect["all"], "first_paint_cold_s": round(cold, 3), "first_paint_warm_s": [round(x, 3) for x in warm],
           "timeline_change_s": [round(x, 3) for x in tl], "filtered_first_paint_s": round(filt, 3),
           "count_line": line, "count_all_dates_shown": all_dates(line), "count_all_dates_store": expect["all"],
           "filtered_all_dates_shown": all_dates(fline), "filtered_all_dates_store": expect["Quneitra"],
           "server_peak_rss_mb": round(hwm, 1), "server_tree_peak_rss_mb": round(server.tree_peak_mb, 1),
           "screenshot": str(shot), "loadavg": round(os.getloadavg()[0], 2)}
    res["first_paint_warm_median_s"] = round(statistics.median(warm), 3)
    res["timeline_change_median_s"] = round(statistics.median(tl), 3)
    out.write_text(json.dumps(res, indent=1))
    print(json.dumps(res, indent=1))
    # above the threshold the page counts stored events (as the store does); below it, corroborating reports
    # are merged into one row, so it may show fewer
    ok = all(shown == stored if "showing the newest" in text else 0 < shown <= stored for shown, stored, text in (
        (res["count_all_dates_shown"], expect["all"], line), (res["filtered_all_dates_shown"], expect["Quneitra"], fline)))
    print("counts shown", "agree with the store" if ok else "DIFFER from the store", flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
