"""The dashboard's first paint beside what a user would write first: a folium map with one ``Marker`` per event.

    python benchmarks/bench_naive.py [--events 10000] [--repeat 3]

Both pages are served by ``streamlit run`` from the same store of N events (``_bigstore.py``, cached)
and measured alternately in headless Chromium, each page load in a new browser session (the servers'
caches warm: the first load of each server is not counted):

* ``dashboard``: ``app.py``, until the map's events are drawn (``window.eventmapReady``, the window
  applied) and the event count shows;
* ``naive folium``: ``st_folium`` of a ``folium.Map`` with one ``folium.Marker`` (tooltip and popup)
  per event, the page most tutorials start from, until every marker is in the map frame. Its Leaflet
  comes from the same offline data URI as ours (the CDN folium points at is unreachable here), so
  both pages load the same library and the difference is how the events are drawn. folium's popups
  need jQuery: Debian's ``libjs-jquery`` is used when installed, else the markers carry tooltips only
  (``popups`` in the results says which).

Results (medians): ``benchmarks/results/bench_naive.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from bench_coldstart import paint_app, start, stop  # noqa: E402
from bench_dashboard import ARGS, CHROMIUM  # noqa: E402

NAIVE_APP = '''
import os

import folium
import streamlit as st
from streamlit_folium import st_folium

from eventmap.store import open_store
from eventmap.views.assets import offline_map


@st.cache_data
def rows():
    df = open_store(os.environ["EVENTMAP_DB"]).query()
    return df[["latitude", "longitude", "event_date", "event_type", "place_name_en", "notes"]].dropna(
        subset=["latitude"]).to_dict("records")


events = rows()
st.markdown(f"<b id='naive-n'>{len(events)}</b> events", unsafe_allow_html=True)
m = offline_map(location=[32.9, 36.1], zoom_start=9)   # folium.Map with its Leaflet as a data URI (offline)
JQ = os.environ.get("NAIVE_JQUERY")   # folium's popups need jQuery, which folium takes from a CDN
if JQ:
    m.default_js = m.default_js + [("jquery", JQ)]
for r in events:
    folium.Marker([r["latitude"], r["longitude"]], tooltip=f"{r['event_date']} {r['event_type']}",
                  popup=f"{r['place_name_en']}: {r['notes']}" if JQ else None).add_to(m)
st_folium(m, height=600, use_container_width=True, returned_objects=[])
'''


#: Debian's libjs-jquery: folium's Popup calls ``$``; without it the naive map has tooltips only
JQUERY = Path("/usr/share/javascript/jquery/jquery.min.js")


def jquery_uri() -> str:
    import base64

    if not JQUERY.is_file():
        return ""
    return "data:text/javascript;base64," + base64.b64encode(JQUERY.read_bytes()).decode("ascii")


def paint_naive(browser, url: str, n: int | None = None) -> dict[str, float]:
    ctx = browser.new_context(viewport={"width": 1440, "height": 900})
    page = ctx.new_page()
    t0 = time.perf_counter()
    page.goto(url)
    page.wait_for_selector("#naive-n", timeout=300_000)
    loc = page.locator('iframe[title="streamlit_folium.st_folium"]').first
    loc.wait_for(state="attached", timeout=300_000)
    frame = loc.element_handle(timeout=300_000).content_frame()
    if n is None:   # every event the page counted
        n = int(page.inner_text("#naive-n").replace(",", ""))
    frame.wait_for_function(f"() => document.querySelectorAll('.leaflet-marker-icon').length >= {n}",
                            timeout=300_000, polling=50)
    frame.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    dt = time.perf_counter() - t0
    ctx.close()
    return {"paint": dt}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--out", default=str(HERE / "results" / "bench_naive.json"))
    args = ap.parse_args(argv)
    from _bigstore import make_big_store, store_cache

    db = make_big_store(store_cache() / f"dashboard_{args.events}.gpkg", args.events)
    # the naive app and both servers' data, removed when the block ends
    with tempfile.TemporaryDirectory(prefix="em-naive-", ignore_cleanup_errors=True) as work:
        return _measure(args, db, Path(work))


def _measure(args: argparse.Namespace, db: str, work: Path) -> int:
    """The measures of :func:`main`, the naive app and both servers' data directory in ``work``."""
    from playwright.sync_api import sync_playwright

    naive = work / "naive_app.py"
    naive.write_text(NAIVE_APP)
    env = {"EVENTMAP_DB": db, "EVENTMAP_DATA_DIR": str(work), "NAIVE_JQUERY": jquery_uri()}
    logs = HERE / "results"
    logs.mkdir(exist_ok=True)
    ours, theirs = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        pa, url_a, _ = start(None, env, logs / "naive.app.log")
        pb, url_b, _ = start(naive, env, logs / "naive.folium.log")
        try:
            paint_app(browser, url_a)                 # each server's first load fills its caches
            paint_naive(browser, url_b, 1)
            for _ in range(args.repeat):
                ours.append(paint_app(browser, url_a)["paint"])
                theirs.append(paint_naive(browser, url_b)["paint"])
                print(f"dashboard {ours[-1]:.2f} s   naive folium {theirs[-1]:.2f} s   "
                      f"load {os.getloadavg()[0]:.1f}", flush=True)
        finally:
            stop(pa)
            stop(pb)
            browser.close()
    out = {"events": args.events, "popups": bool(env["NAIVE_JQUERY"]), "dashboard_s": [round(x, 3) for x in ours],
           "naive_folium_s": [round(x, 3) for x in theirs],
           "naive_over_dashboard": [round(b / a, 3) for a, b in zip(ours, theirs)],
           "median_dashboard_s": round(statistics.median(ours), 3),
           "median_naive_s": round(statistics.median(theirs), 3)}
    Path(args.out).write_text(json.dumps(out, indent=1))
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
