"""Browser tests: a real ``streamlit run app.py`` on a free port, driven by Playwright + Debian's Chromium.

The store (``EVENTMAP_DB``) and the analyst overlay (``EVENTMAP_DATA_DIR``) live in a
temporary folder. Every request that does not go to the local server is aborted and
recorded, so the tests see what an offline analyst sees. A failing test leaves a
screenshot in ``test-artifacts/``.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

from eventmap import settings

CHROMIUM = settings.chromium()
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--headless"]
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"

def _need_browser():
    """Skip (not fail) where Debian's Chromium or Playwright is missing."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium): browser tests skipped")
    return pytest.importorskip("playwright.sync_api")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    rep = outcome.get_result()
    setattr(item, f"rep_{rep.when}", rep)


class Server:
    def __init__(self, url: str, db: str, data_dir: Path, seeded: dict, log: Path) -> None:
        self.url, self.db, self.data_dir, self.seeded, self.log = url, db, data_dir, seeded, log

    def store(self):
        from eventmap.store import open_store

        return open_store(self.db)


def seed(db: str) -> dict:
    """The sample report (real extractor) + store-test reports: a hostile one and one with an unresolved name."""
    from eventmap.store import EventFilter, open_store
    from eventmap.pipeline import ingest_sample
    from eventmap.store.testing import make_event, make_report, rafid_report_ar

    out: dict = {}
    with open_store(db) as store:
        try:
            out["sample"] = ingest_sample(store)
        except ImportError:
            out["sample"] = False
        rep, evs = rafid_report_ar(published="2018-07-26")
        store.ingest(rep, evs)
        # a day and a place of their own, so no other report corroborates (and hides) this event
        hostile = ("درعا - <script>alert(1)</script>: وشن الطيران الحربي غارات على بلدة البكار "
                   "<img src=x onerror=alert(1)> صباح اليوم.")
        hrep = make_report(hostile, "2018-07-10", source="<img src=x onerror=alert(2)>",
                           url="javascript:alert(3)")
        hev = make_event(hostile, "2018-07-10", "البكار", "غارات على", "bakkar", source=hrep.source, url=hrep.url)
        store.ingest(hrep, [hev])
        out["hostile_id"] = hev.event_id
        un_text = "وشن الطيران الحربي غارات على المهير شرق درعا. واستمرت الاشتباكات."
        urep = make_report(un_text, "2018-07-24", source="SANA")
        uev = make_event(un_text, "2018-07-24", "المهير", "غارات على", None, source="SANA")
        store.ingest(urep, [uev])
        out["unresolved_id"] = uev.event_id
        # a stray from the far north (A'zaz, Aleppo; its place as the gazetteer has it): the map frames the
        # southern events and says this one is outside the view
        out["far_id"] = _seed_far_event(store)
        # an approximate place whose note lists Arabic names in brackets inside English text
        out["listed_id"] = _seed_listed_event(store)
        # an ACLED reference layer: two rows at real gazetteer places (Ar Rafid, Sayda), one in the window
        import pandas as pd

        from eventmap.store.testing import PLACES

        acled = pd.DataFrame([
            {"event_id_cnty": "SYR123456", "event_date": "2018-07-25", "event_type": "Battles",
             "sub_event_type": "Armed clash", "actor1": "Military Forces of Syria (2000-2024)", "actor2": "<b>x</b>",
             "location": "Ar Rafid", "latitude": PLACES["rafid"][3], "longitude": PLACES["rafid"][4],
             "admin1": "Quneitra", "geo_precision": 1, "source": "SANA", "notes": "clashes", "fatalities": 0},
            {"event_id_cnty": "SYR123457", "event_date": "2018-07-12", "event_type": "Explosions/Remote violence",
             "sub_event_type": "Air/drone strike", "actor1": "Military Forces of Russia (2000-)", "actor2": "",
             "location": "Sayda", "latitude": PLACES["sayda"][3], "longitude": PLACES["sayda"][4],
             "admin1": "Quneitra", "geo_precision": 1, "source": "SOHR", "notes": "strike", "fatalities": 0}])
        out["acled"] = store.import_reference("acled", acled)
        f = store.query(EventFilter())
        out["total"] = len(f)
        out["drawn"] = int(f["latitude"].notna().sum())
        out["span"] = store.date_span()
        out["battles"] = int((f["event_type"] == "Battles").sum())
    return out


def _seed_far_event(store) -> str:
    from dataclasses import replace

    from eventmap.places.gazetteer import default_gazetteer
    from eventmap.store.testing import make_event, make_report

    text = "وشن الطيران الحربي غارات على اعزاز في ريف حلب الشمالي صباح اليوم، بحسب ناشطين."
    p = default_gazetteer().lookup("اعزاز").candidates[0].place
    rep = make_report(text, "2018-07-24", source="Step News")
    ev = replace(make_event(text, "2018-07-24", "اعزاز", "غارات على", None, source="Step News"),
                 place_id=p.id, place_name_ar=p.name_ar, place_name_en=p.name_en, latitude=p.lat, longitude=p.lon,
                 admin1=p.admin1_en, admin2=p.admin2_en, admin3=p.admin3_en, resolution="resolved", geo_precision=1,
                 resolution_note="")
    store.ingest(rep, [ev])
    return ev.event_id


def _seed_listed_event(store) -> str:
    """An English report naming a farm the gazetteer lacks among four villages it has: the event is placed at
    their centre (computed from their gazetteer coordinates), as the extractor places such names."""
    from dataclasses import replace

    from eventmap.store.testing import NOT_IN_TOY, PLACES, make_event, make_report

    text = ("Regime forces regained control of Rasm al-Hasan farm, near Ar Rafid, Ghadir al-Bustan, Muallaqa "
            "and Umm al-Luqas in the southern Quneitra countryside, the pro-government Al-Watan daily reported.")
    pts = [PLACES[k][3:5] for k in ("rafid", "ghadir", "muallaqah")] + [NOT_IN_TOY["أم اللوقس"][2:4]]
    lat, lon = (round(sum(p[i] for p in pts) / len(pts), 5) for i in (0, 1))
    names = "الرفيد, غدير البستان, المعلقة, أم اللوقس"
    ev = replace(make_event(text, "2018-07-25", "Rasm al-Hasan", "regained control of", None, source="Al-Watan"),
                 latitude=lat, longitude=lon, resolution="approximate", geo_precision=2, uncertainty_km=2.5,
                 admin1="Quneitra", admin2="Quneitra", admin3="Al-Khashniyyeh",
                 resolution_note=("approximate: no place of this name in the area of the report; placed at the centre "
                                  f"of the 4 resolved places listed with it ({names}), uncertainty 2.5 km; "
                                  "unresolved: not in the gazetteer"))
    store.ingest(make_report(text, "2018-07-25", source="Al-Watan"), [ev])
    return ev.event_id


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    _need_browser()
    tmp = tmp_path_factory.mktemp("dash")
    data_dir = tmp / "data"
    data_dir.mkdir()
    db = str(tmp / "events.gpkg")
    env = dict(os.environ, EVENTMAP_DB=db, EVENTMAP_DATA_DIR=str(data_dir))
    env.pop("EVENTMAP_ANALYST_PLACES", None)
    old = {k: os.environ.get(k) for k in ("EVENTMAP_DATA_DIR", "EVENTMAP_DB")}
    os.environ["EVENTMAP_DATA_DIR"] = str(data_dir)
    try:
        seeded = seed(db)
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    port = free_port()
    log = tmp / "streamlit.log"
    fh = open(log, "wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false",
         "--server.runOnSave", "false", "--server.fileWatcherType", "none"],
        cwd=str(ROOT), env=env, stdout=fh, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            if proc.poll() is not None:
                raise RuntimeError(f"streamlit exited: {log.read_text(errors='replace')[-2000:]}")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as r:
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(0.3)
        else:
            raise RuntimeError("streamlit did not start within 60 s")
        yield Server(url, db, data_dir, seeded, log)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        fh.close()


@pytest.fixture(scope="module")
def browser():
    sync_api = _need_browser()
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Page:
    """A Playwright page with the network cut off (local server only) and helpers for Streamlit."""

    def __init__(self, page, server: Server, blocked: list[str], dialogs: list[str]) -> None:
        self.page, self.server, self.blocked, self.dialogs = page, server, blocked, dialogs

    def open(self, query: str = "") -> None:
        self.page.goto(self.server.url + "/" + (("?" + query) if query else ""))
        self.page.wait_for_selector('[data-testid="stApp"]')
        self.idle()

    def idle(self, timeout: float = 60_000) -> None:
        """Wait until the script run is over (the status widget disappears)."""
        self.page.wait_for_timeout(300)
        self.page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')",
                                    timeout=timeout)
        self.page.wait_for_timeout(200)

    def map_frame(self, index: int = 0, ready: bool = True, timeout: float = 60.0):
        """The (index-th) st_folium frame, once its events are drawn (the frame may be re-mounted
        while Streamlit reruns, so it is looked up again until it answers)."""
        import time

        deadline = time.time() + timeout
        last = None
        while time.time() < deadline:
            try:
                loc = self.page.locator('iframe[title="streamlit_folium.st_folium"]').nth(index)
                loc.wait_for(state="attached", timeout=5_000)
                frame = loc.element_handle(timeout=5_000).content_frame()
                if frame is not None and (not ready or frame.evaluate(
                        "() => !!(window.EM && window.EM.D && window.eventmapReady === true)")):
                    return frame
            except Exception as exc:  # noqa: BLE001 - detached while Streamlit re-rendered: look again
                last = exc
            self.page.wait_for_timeout(200)
        raise AssertionError(f"map frame {index} not ready within {timeout} s ({last})")

    def count(self) -> int:
        return int(self.page.locator("#em-n").inner_text().replace(",", ""))


@pytest.fixture
def page(browser, server, request):
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    blocked: list[str] = []

    def route(r):
        u = urlparse(r.request.url)
        if u.scheme in ("data", "blob", "about") or u.hostname in ("127.0.0.1", "localhost"):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    pg = context.new_page()
    dialogs: list[str] = []

    def on_dialog(d):
        dialogs.append(d.message)
        d.dismiss()

    pg.on("dialog", on_dialog)
    yield Page(pg, server, blocked, dialogs)
    rep = getattr(request.node, "rep_call", None)
    if rep is not None and rep.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        try:
            pg.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
            shutil.copy(server.log, ARTIFACTS / f"{request.node.name}.streamlit.log")
        except Exception:  # noqa: BLE001 - the screenshot is a courtesy
            pass
    context.close()
