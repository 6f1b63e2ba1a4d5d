"""eventmap dashboard (Streamlit).  Run: ``eventmap app`` or ``streamlit run app.py``.

Thin by design: widgets -> eventmap library calls -> st_folium.  No SQL, no parsing here:
the store filters (``eventmap.store``); the session's services (``eventmap.ui``: view state <-> URL,
time window, ingest preview and fixes, pins, downloads); what is drawn (``eventmap.views``: the map
``views.map.build_map``, the live map's scripts, timeline, tables, details) and exports
(``eventmap.exports``) live in the library.

Speed: the map holds every event matching the non-time filters (one cached payload drawn
client-side); moving the time window only sends a small script to the map
(``live_map.range_script``), so the map frame is not rebuilt. Over ``ui.overview.bin_above()`` events under
the filters (150,000) no frame of every event is read: the map, the timeline and the counts come from counts
in the store (``ui.overview.Overview``), the table is one page of the window's newest events.
"""

from __future__ import annotations

import copy
import datetime as dt
import sys
import time
from pathlib import Path

import streamlit as st
from streamlit_folium import st_folium

from eventmap import model, settings
from eventmap.control import control_from_store
from eventmap.control.tables import change_rows
from eventmap.pipeline import extract_reports
from eventmap.places.admin_names import LEVEL_WORDS, admin_names, canonical_admin
from eventmap.store import EventFilter, StoreError, open_store
from eventmap.ui import analyst, corrections, downloads, ingest, ingest_form, session
from eventmap.ui import overview as ov
from eventmap.ui import page_cache, prefetch
from eventmap.ui import state as vs
from eventmap.ui import timewindow as tw
from eventmap.ui.warm import ensure_sample_once
from eventmap.views import details, fixes, live_map, table, timeline
from eventmap.views.colors import TYPE_STYLES
from eventmap.views.escape import md
from eventmap.views.map import build_map, clicked_event_id

st.set_page_config(page_title="eventmap · southern Syria", page_icon="🗺️", layout="wide",
                   initial_sidebar_state="expanded")

DB_URL = settings.store_url()
_PROFILE = settings.profile()
_T0 = time.perf_counter()
_CPU0 = time.thread_time()


def lap(label: str) -> None:
    """With EVENTMAP_PROFILE=1, print how long the script run has taken so far, and the CPU time its thread has
    spent (the rest is waiting: for the store, a helper, or the interpreter lock held by the server's threads)."""
    if _PROFILE:
        print(f"[eventmap] {time.perf_counter() - _T0:7.3f} s ({time.thread_time() - _CPU0:.3f} s CPU)  {label}",
              file=sys.stderr, flush=True)
MAP_HEIGHT = 440
TABLE_ROWS = 500  # the grid shares the browser's main thread with the map: keep it light
PAGES = {"map": "Map · الخريطة", "ingest": "Ingest a report", "unresolved": "Unresolved names"}
ACLED_TYPES = [s.event_type for s in TYPE_STYLES]
#: the sidebar's lists of values, by EventFilter field (their URL and session keys derive from it: ui.state)
FILTER_LABELS = {"event_types": "Event type", "sub_event_types": "Sub-type", "admin1": "Governorate",
                 "admin2": "District", "admin3": "Sub-district", "actors": "Actors", "sources": "Outlet"}
ADMIN_LEVELS = {"admin1": 1, "admin2": 2, "admin3": 3}
TABLE_CONFIG = {"event_date": "date", "event_type": "type", "sub_event_type": "sub-type",
                "place": st.column_config.TextColumn("place", width="medium"),
                "fatalities": st.column_config.NumberColumn("killed", width="small"),
                "number_of_sources": st.column_config.NumberColumn("sources", width="small"),
                "event_id": st.column_config.TextColumn("id", width="small")}


# ----------------------------------------------------------------------------- cached library calls
@st.cache_resource(show_spinner=False)
def get_store(url: str | None):
    return open_store(url)


@st.cache_resource(show_spinner="Loading the sample report…")
def sample_status(url: str | None) -> str:
    """Seed an empty store with the sample report once per server; "" or the reason it failed."""
    try:
        if get_store(url).has_reports():  # a store in use: no extractor to import
            return ""
        if ingest.get_extractor() is None:
            return "the extractor is not installed"
        ensure_sample_once(get_store(url))  # once, also when the server's warm-up is at it (ui/warm.py)
    except Exception as exc:  # noqa: BLE001 - the dashboard still opens on an empty store
        return f"{type(exc).__name__}: {exc}"
    return ""


@st.cache_data(ttl=20, show_spinner=False)
def data_token(url: str | None, bump: int) -> tuple:
    return session.data_token(get_store(url))


@st.cache_data(show_spinner=False)
def facets(url: str | None, token: tuple) -> dict:
    if prefetch.worth_keeping(token):  # 4 s at a million events: kept on disk for the next start
        return page_cache.remember("facets", url, token, None, get_store(url).facets)
    return get_store(url).facets()


@st.cache_data(show_spinner=False)
def date_span(url: str | None, token: tuple) -> tuple:
    return get_store(url).date_span(within=timeline.TIMELINE_BOUNDS)


@st.cache_resource(show_spinner="Querying the store…", max_entries=8)
def events(url: str | None, token: tuple, key: tuple, f: EventFilter):
    # one shared frame per filter (treated as read-only): no copy on every rerun
    got = prefetch.take("events", url, token, f)  # read by the server's helper while it started (ui.prefetch)
    if got is None:
        got = get_store(url).query(f)
        prefetch.keep("events", url, token, f, got)  # the default view of a large store: for the next start
    return got


@st.cache_data(show_spinner=False, max_entries=32)
def large(url: str | None, token: tuple, key: tuple, f: EventFilter) -> bool:
    """More events under these filters than the dashboard loads: counts and pages from the store instead."""
    return ov.is_large(get_store(url), f)


@st.cache_resource(show_spinner="Counting the events…", max_entries=4)
def counts(url: str | None, token: tuple, key: tuple, f: EventFilter) -> ov.Overview:
    # a large store: events per (day, type, point) under the filters, one grouped query (shared, read-only)
    got = prefetch.take("overview", url, token, f)
    if got is None:
        got = ov.overview(get_store(url), f)
        prefetch.keep("overview", url, token, f, got)
    return got


@st.cache_data(show_spinner=False, max_entries=64)
def table_page(url: str | None, token: tuple, key: tuple, f: EventFilter, since: str, until: str):
    return ov.page(get_store(url), f, since, until)


@st.cache_data(show_spinner=False, max_entries=16)
def unplaced_page(url: str | None, token: tuple, key: tuple, f: EventFilter):
    return ov.unplaced(get_store(url), f)


@st.cache_resource(show_spinner="Working out who holds what…", max_entries=1)
def control_all(url: str | None, token: tuple):
    # who holds each place, from every stored report (not the corroborated rows: a disagreement must show);
    # built once per store version: a filter only narrows it
    model = prefetch.take("control", url, token)
    if model is None:
        model = control_from_store(get_store(url))
        prefetch.keep("control", url, token, None, model)
    session.settle_cached(token)  # its objects (500,000 at a million events) are not walked after every run
    return model


@st.cache_resource(show_spinner=False, max_entries=4)
def control(url: str | None, token: tuple, key: tuple, f: EventFilter):
    # limited to the places the area filters keep
    return control_all(url, token).within(f.admin1, f.admin2, f.admin3, f.bbox)


@st.cache_resource(show_spinner="Drawing the map…", max_entries=4)
def event_map(url: str | None, token: tuple, key: tuple, f: EventFilter, with_control: bool = True):
    # st_folium rewrites the map it is given: each run gets a deep copy (same element ids, so the
    # script hash is stable and the map frame is not reloaded)
    if with_control and prefetch.first_page(token, f):  # a large store's first page: kept for the next start
        return page_cache.remember("map", url, token, f, lambda: _event_map(url, token, key, f, True),
                                   extra=Path(__file__).read_bytes())
    return _event_map(url, token, key, f, with_control)


def _event_map(url: str | None, token: tuple, key: tuple, f: EventFilter, with_control: bool):
    ctl = control(url, token, key, f) if with_control else None
    m = build_map(None, layer=map_layer(url, token, key, f), control=ctl)
    m.get_root().render()  # once here; st_folium(render=False) then skips re-rendering the header
    return m


@st.cache_resource(show_spinner=False, max_entries=4)
def map_layer(url: str | None, token: tuple, key: tuple, f: EventFilter):
    # the events' half of the map (0.45 of its 0.7 s at 100,000 events): a large store's first page has it from the
    # helper that read its events (ui.prefetch); the map drawn before the control model came and after share it
    got = prefetch.take("layer", url, token, f)
    if got is None:
        if large(url, token, key, f):  # one symbol per place with its count in the window (views.bins)
            got = live_map.dashboard_layer(None, counts(url, token, key, f).bins)
        else:
            got = live_map.dashboard_layer(events(url, token, key, f))
    return got


#: how long a first page waits for the control model still being built by a helper before it is drawn without
#: it (the rings and the changes then come with a rerun, ``_control_poll``): at 1,000,000 events the model
#: came 5 s after the rest of the page; at 100,000, before the page needed it
CONTROL_GRACE_S = 0.5


def control_arriving(wait: float = 0.0) -> bool:
    """A helper is still working out who holds what for this store (``ui.prefetch``), ``wait`` seconds from now."""
    return prefetch.arriving("control", DB_URL, wait)


@st.cache_data(show_spinner=False, max_entries=16)
def day_counts(url: str | None, token: tuple, key: tuple, f: EventFilter):
    # events per day and type: the histogram and the month buttons both read it (0.06-0.17 s at 100,000 events)
    if large(url, token, key, f):
        return counts(url, token, key, f).day_counts()
    return timeline.day_counts(events(url, token, key, f))


@st.cache_data(show_spinner=False, max_entries=16)
def histogram(url: str | None, token: tuple, key: tuple, f: EventFilter) -> timeline.Histogram:
    # the chart's HTML, written once per filter; the window band is placed with timeline.window_style
    return timeline.histogram(day_counts(url, token, key, f))


@st.cache_data(show_spinner=False, max_entries=16)
def months(url: str | None, token: tuple, key: tuple, f: EventFilter) -> list:
    c = day_counts(url, token, key, f)
    return tw.months_with_events(c["day"], c["n"])


@st.cache_resource(show_spinner=False)
def pin_map():
    """The boundary basemap on which the analyst clicks a point to pin a name (no events drawn)."""
    return build_map(ingest.preview_frame([]), center=(32.85, 36.1), zoom=9, layer_control=False)


@st.cache_data(show_spinner="Reading the names to fix…")
def names_queue(url: str | None, token: tuple):
    return get_store(url).names_to_fix(limit=300, suggest=True)


@st.cache_data(show_spinner=False)
def reference(url: str | None, token: tuple, kind: str):
    return get_store(url).reference_layer(kind)


def invalidate() -> None:
    st.session_state["bump"] = st.session_state.get("bump", 0) + 1
    st.cache_data.clear()


def store_failed(exc: Exception) -> None:
    """A store that cannot be opened or read: say so and what to do (never a traceback), then stop."""
    st.error(f"**The store cannot be used.** {md(exc)}")
    st.stop()


lap("start")
try:
    store = get_store(DB_URL)
    SAMPLE_ERROR = sample_status(DB_URL)
    TOKEN = data_token(DB_URL, st.session_state.get("bump", 0))
    F = facets(DB_URL, TOKEN)
    SPAN = date_span(DB_URL, TOKEN)
except StoreError as exc:
    store_failed(exc)

# ----------------------------------------------------------------------------- state from the URL (first run)
if "init" not in st.session_state:
    # ?admin1=Daraa, ?admin1=درعا, ?admin1=Dar%27a and ?gov=Daraa (an older link) open the same view
    s0 = vs.with_stored_admin_names(vs.decode(st.query_params), F)
    st.session_state.update(init=True, url_window=(s0.since, s0.until), playing=False, **vs.session_values(s0))
vs.keep_widget_values(st.session_state)  # filters survive a visit to another page

st.markdown("""<style>
[data-testid="stMainBlockContainer"], .block-container { padding: 0.8rem 1.6rem 1rem 1.6rem; max-width: none; }
[data-testid="stMainBlockContainer"] [data-testid="stVerticalBlock"] { gap: 0.6rem; }
.st-key-em_map iframe { height: clamp(300px, calc(100vh - 352px), 720px) !important; }
.st-key-em_side { height: clamp(300px, calc(100vh - 352px), 720px) !important; overflow-y: auto !important;
  overflow-x: hidden; flex: none !important; padding-top: 1.9rem; }  /* below the page's menu button */
.st-key-em_timebar kbd { display: none; }
/* every download goes through "Download this view", which carries the filters and the time window */
[data-testid="stElementToolbar"] [data-testid="stTooltipHoverTarget"]:has(> button[aria-label="Download as CSV"]),
[data-testid="stElementToolbar"] [data-testid="stTooltipHoverTarget"]:has(> button[aria-label="Download as PNG"])
  { display: none !important; }
.st-key-em_timebar [data-testid="stMarkdownContainer"] p { margin: 0; }
.st-key-em_timebar button { padding: 0 0.55rem; }
[data-testid="stHeader"] { height: 2.2rem; background: transparent; }
[data-testid="stSidebarHeader"] { height: 2.2rem; margin-bottom: 0; padding-bottom: 0; }
[data-testid="stSidebarUserContent"] { padding-top: 0; }
[data-testid="stSidebar"] [data-testid="stMarkdownContainer"] p { margin-bottom: .2rem; }
[data-testid="stSidebar"] [data-testid="stVerticalBlock"] { gap: 0.55rem; }
h4 { padding-top: 0.2rem !important; }
.em-count { font-size: 1.02rem; }
</style>""", unsafe_allow_html=True)

with st.sidebar:
    st.markdown("### eventmap")
    st.caption("Events in southern Syria  \nأحداث في جنوب سوريا")
    st.radio("Page", list(PAGES), format_func=PAGES.get, key="page", label_visibility="collapsed")

page = st.session_state["page"]
for note in store.notices:  # a 0-byte file opened as a new store, damage found: browse what can be read
    st.warning(md(note))
if store.readonly and not store.damaged:
    st.sidebar.caption("Read-only store: browse and export; ingesting and pinning are off.")
if load_note := store.load_note:  # an `eventmap ingest` of thousands of reports runs: why pages are slower
    st.info(md(load_note[:1].upper() + load_note[1:]))


def current_state(since: str | None = None, until: str | None = None) -> vs.ViewState:
    return vs.from_session(st.session_state, since, until)


def sync_url(s: vs.ViewState) -> None:
    if vs.differs(st.query_params, s):
        st.query_params.from_dict(vs.encode(s))


# ----------------------------------------------------------------------------- sidebar filters
def filters_sidebar() -> None:
    with st.sidebar:
        st.markdown("**Filters**")
        for name, label in FILTER_LABELS.items():
            key = vs.widget_key(name)
            opts = list(F.get(name, []))
            st.session_state[key] = [v for v in st.session_state.get(key, []) if v in opts]
            level = ADMIN_LEVELS.get(name)
            if level:  # any spelling the gazetteer knows: typed "Deraa" + Enter selects Dar'a
                st.multiselect(label, opts, key=key, placeholder="all (type any spelling)",
                               format_func=lambda v, lv=level: admin_names().label(v, lv),
                               accept_new_options=True, on_change=_admin_typed, args=(key, level, opts))
            else:
                st.multiselect(label, opts, key=key, placeholder="all")
        if st.session_state.get("admin_unknown"):
            st.caption(st.session_state.pop("admin_unknown"))
        st.checkbox("Hide approximate places", key=vs.widget_key("hide_approximate"))
        st.text_input("Search sentences and place names", key=vs.widget_key("text"),
                      placeholder="e.g. الرفيد or Sayda")
        kinds = [k for k in vs.REFERENCE_KINDS if session.has_reference(store, k)]
        ref = vs.widget_key("reference")
        st.session_state[ref] = [k for k in st.session_state.get(ref, []) if k in kinds]
        if kinds:
            st.multiselect("Reference layers", kinds, key=ref, format_func=str.upper)
        else:
            st.caption("Reference layers: none imported (`eventmap import acled FILE`).")
        st.caption("The address bar holds these filters: bookmark or share it to come back to this view.")


def _admin_typed(key: str, level: int, opts: list) -> None:
    """A governorate/district typed in another spelling becomes the store's name (or a note)."""
    names, unknown = canonical_admin(st.session_state.get(key) or [], level, opts)
    st.session_state[key] = [n for n in names if n in opts]
    missing = [*unknown, *(n for n in names if n not in opts)]
    if missing:
        st.session_state["admin_unknown"] = f"No events in a {LEVEL_WORDS[level]} called {', '.join(missing)}."


# ----------------------------------------------------------------------------- map page
def map_page() -> None:
    lap("map page")
    filters_sidebar()
    lap("sidebar")
    base = current_state()
    fkey = base.base_key()
    f = base.base_filter()
    big = large(DB_URL, TOKEN, fkey, f)
    # a large store: no frame of every event (counts and pages come from the store: ui.overview)
    frame = store.query(EventFilter(limit=0)) if big else events(DB_URL, TOKEN, fkey, f)
    span = tw.day_range(SPAN)
    lap("events")

    _odd_dates(counts(DB_URL, TOKEN, fkey, f).outside_timeline() if big else _odd_in(frame))
    if span is None:
        if SAMPLE_ERROR:
            st.warning(f"The sample report could not be loaded: {md(SAMPLE_ERROR)}")
        st.info("The store has no events yet. Use **Ingest a report** in the sidebar to add one.")
        sync_url(base)
        return
    since, until = _window(span)

    # --- the map (every event matching the filters, all dates) and the side panel: full runs only.
    # The time window reaches the map as a small script (live_map.range_script), so moving it never
    # rebuilds or re-sends the map.
    left, right = st.columns([3, 1.1])
    # the map and the side panel share one height that follows the window's (CSS below): the first screen
    # shows the map, the time controls and the start of the table, and an open event never leaves a gap
    with left:
        map_box = st.container(key="em_map")
    with right:
        side_box = st.container(key="em_side")
    # the time controls, the count line and the table are sent before the map is built: the browser draws
    # them while the server builds the map (seconds for a large store's first page), not after the map frame.
    # The side panel still comes after the map: a click on the map sets its point field before it is drawn.
    waiting = control_arriving(CONTROL_GRACE_S)   # the page is drawn without the control layer meanwhile
    if st.session_state.get("playing"):
        _timeline_playing(fkey, f, span)
    else:
        _timeline(fkey, f, span)
    lap("timeline and table")
    with map_box:
        m = copy.deepcopy(event_map(DB_URL, TOKEN, fkey, f, not waiting))
        refs = {k: reference(DB_URL, TOKEN, k) for k in base.reference}
        ev = st.session_state.get("ev")
        groups = [live_map.window_group(since, until, ev, refs, at=_event_at(big, ev),
                                        counts=_window_counts(big, fkey, f, since, until))]
        repin = st.session_state.get("repin_ev")
        if repin:  # the analyst is picking an event's new point: show it, and take map clicks as points
            groups[0].add_child(live_map.script_element(fixes.pin_overlay_script(None, st.session_state.get("fix_pt"))))
        out = st_folium(m, key="events_map", height=MAP_HEIGHT, use_container_width=True, render=False,
                        returned_objects=["last_object_clicked_tooltip"] + (["last_clicked"] if repin else []),
                        feature_group_to_add=groups)
        lap("map")
        if repin:
            _take_point(out, f"fx_co_{repin}", "fix_pt")
        clicked = None if repin else clicked_event_id(out, frame)
        if clicked and clicked != st.session_state.get("last_click"):
            st.session_state["last_click"] = clicked
            st.session_state["ev"] = clicked
            st.rerun()
    with side_box:
        if waiting:
            _control_poll()
        _details_panel(frame, big)
        _unplaced_panel(big, frame, fkey, f)
    lap("side panel")


def _odd_in(frame) -> tuple[int, str]:
    odd = timeline.outside_timeline(frame)
    return len(odd), (str(odd["event_date"].iloc[0]) if len(odd) else "")


def _odd_dates(odd: tuple[int, str]) -> None:
    n, example = odd
    if n:
        st.warning(f"{n:,} event(s) carry a date the timeline cannot show (e.g. "
                   f"{md(example)}), probably a wrong publication date: they are "
                   "left out of the map and the table. Correct their date, or list them with `eventmap events`.")


def _unplaced_panel(big: bool, frame, fkey, f) -> None:
    """The events without a place (all dates): listed beside the map, never drawn."""
    if big:  # a large store: their count from the counts, the newest of them from the store
        n = counts(DB_URL, TOKEN, fkey, f).unplaced_total()
        un = unplaced_page(DB_URL, TOKEN, fkey, f) if n else frame
    else:
        un = table.unresolved_events(frame)
        n = len(un)
    shown = f", newest {len(un):,} listed" if len(un) < n else ""
    st.markdown(f"**Without a place ({n:,}, all dates{shown})** — listed, not drawn")
    if len(un):
        st.dataframe(table.unresolved_table(un), hide_index=True, height=180,
                     width="stretch",
                     column_config={"location": "name as written", "event_date": "date", "notes": "sentence"})
    else:
        st.caption("none for these filters")


def _window(span) -> tuple[str, str]:
    """The time window (ISO dates): the URL's on a session's first run, then the slider's."""
    lo, hi = span
    if "window" not in st.session_state:
        st.session_state["window"] = tw.first_window(span, *st.session_state.get("url_window", (None, None)))
    w0, w1 = st.session_state["window"]
    if not (lo <= w0 <= hi and lo <= w1 <= hi):
        st.session_state["window"] = (lo, hi)
    a, b = st.session_state["window"]
    return a.isoformat(), b.isoformat()


@st.fragment
def _timeline(fkey, f, span) -> None:
    _timeline_body(fkey, f, span)


@st.fragment(run_every=1.0)
def _timeline_playing(fkey, f, span) -> None:
    if st.session_state.get("playing"):
        st.session_state["window"] = tw.step_window(*st.session_state["window"], span)
    _timeline_body(fkey, f, span)


def _timeline_body(fkey, f, span) -> None:
    """Counts, histogram, slider, play, unresolved list, table and downloads: a fragment, so moving
    the window reruns only this part (and tells the map through ``_bridge``)."""
    lo, hi = span
    since, until = _window(span)
    state = current_state(since if since != lo.isoformat() else None, until if until != hi.isoformat() else None)
    sync_url(state)
    disabled = lo == hi
    _window_controls(span, months(DB_URL, TOKEN, fkey, f), disabled)
    hist = histogram(DB_URL, TOKEN, fkey, f)
    st.html(hist.html)  # the same HTML on every window change: the page does not draw the bars again
    st.html(timeline.window_style(hist, since, until))
    c1, c2 = st.columns([12, 1.3], vertical_alignment="bottom")
    with c1:
        st.slider("Time window", min_value=lo, max_value=hi if not disabled else lo + dt.timedelta(days=1),
                  key="window", format="YYYY-MM-DD", disabled=disabled, on_change=_window_moved,
                  label_visibility="collapsed")
    with c2:
        _play_button(disabled)
    ev = st.session_state.get("ev")
    big = large(DB_URL, TOKEN, fkey, f)
    _bridge(since, until, ev, _event_at(big, ev), _window_counts(big, fkey, f, since, until))
    lap("timeline")

    tbl, line, get_view, n = _window_table(fkey, f, since, until)
    st.markdown(line, unsafe_allow_html=True)
    sel = st.dataframe(tbl, key="table", on_select="rerun", selection_mode="single-row", hide_index=True,
                       width="stretch", height=300, column_config=TABLE_CONFIG)
    rows = (sel.selection.rows if sel is not None and hasattr(sel, "selection") else []) or []
    picked = tbl.iloc[rows[0]]["event_id"] if rows and rows[0] < len(tbl) else None
    if picked and picked != st.session_state.get("last_row"):
        st.session_state["last_row"] = picked
        st.session_state["ev"] = picked
        st.rerun(scope="app")  # the details panel is outside this fragment
    lap("table")
    waiting = control_arriving()
    _changes(None if waiting else control(DB_URL, TOKEN, fkey, f), since, until, waiting)
    _downloads(get_view, n, state, since, until, lambda: control(DB_URL, TOKEN, fkey, f))


def _window_table(fkey, f, since: str, until: str):
    """The window's table rows, the count line above them, and how to get every event of the window (for a
    download): from the filter's frame, or, for a large store, counts plus one page read from the store."""
    if large(DB_URL, TOKEN, fkey, f):
        c = counts(DB_URL, TOKEN, fkey, f)
        w = c.window(since, until)
        tbl = table.table_frame(table_page(DB_URL, TOKEN, fkey, f, since, until), limit=None)
        line = ov.count_html(w.n, w.placed, w.unplaced, c.total, since, until, len(tbl), large=True)
        return tbl, line, lambda: ov.window_events(store, f, since, until), w.n
    frame = events(DB_URL, TOKEN, fkey, f)
    view = timeline.window(frame, since, until)
    n_un = len(table.unresolved_events(view))
    line = ov.count_html(len(view), len(view) - n_un, n_un, len(frame), since, until, TABLE_ROWS)
    return table.table_frame(view, limit=TABLE_ROWS), line, lambda: view, len(view)


STEPS = ((-7, "−7d", "a week earlier", "Ctrl+Shift+Left"), (-1, "−1d", "a day earlier", "Shift+Left"),
         (1, "+1d", "a day later", "Shift+Right"), (7, "+7d", "a week later", "Ctrl+Shift+Right"))


def _window_controls(span, month_counts, disabled: bool) -> None:
    """Typed dates, presets, a month with events, day/week steps (keyboard too) and play, in one row."""
    st.session_state["w_from"], st.session_state["w_to"] = st.session_state["window"]
    lo, hi = span
    row = st.container(horizontal=True, vertical_alignment="center", gap="small", key="em_timebar")
    with row:
        st.date_input("From", key="w_from", min_value=lo, max_value=hi, format="YYYY-MM-DD", width=140,
                      on_change=_typed, args=(span,), disabled=disabled, label_visibility="collapsed")
        st.markdown("to", width="content", text_alignment="center")
        st.date_input("To", key="w_to", min_value=lo, max_value=hi, format="YYYY-MM-DD", width=140,
                      on_change=_typed, args=(span,), disabled=disabled, label_visibility="collapsed")
        st.selectbox("Preset", list(tw.PRESETS), index=None, format_func=tw.PRESETS.get, key="w_preset",
                     placeholder="Last 7/30 days…", on_change=_preset, args=(span,), width=150,
                     disabled=disabled, label_visibility="collapsed")
        labels = dict(month_counts)
        st.selectbox("Month", list(labels), index=None, key="w_month", placeholder="A month…", width=160,
                     label_visibility="collapsed",
                     format_func=lambda m: f"{m} ({labels[m]:,} event{'s' if labels[m] != 1 else ''})",
                     on_change=_month, args=(span,), disabled=disabled or not labels)
        for days, label, tip, keys in STEPS:
            st.button(label, key=f"w_step{days}", help=f"move the window {tip} ({keys.replace('+', ' + ')})",
                      on_click=_shift, args=(days, span), shortcut=keys, disabled=disabled)


def _play_button(disabled: bool) -> None:
    playing = st.session_state.get("playing", False)
    # a callback, so a click on Pause stops the steps before the run it triggers could take one more
    st.button("⏸ Pause" if playing else "▶ Play", key="play", help="step the window one day at a time",
              disabled=disabled, width="stretch", on_click=_toggle_play)
    if st.session_state.pop("_play_toggled", False):
        st.rerun(scope="app")  # the timeline switches between its playing and still fragments


def _toggle_play() -> None:
    st.session_state["playing"] = not st.session_state.get("playing", False)
    st.session_state["_play_toggled"] = True


def _set_window(w) -> None:
    st.session_state["window"] = w
    _window_moved()


def _typed(span) -> None:
    g = st.session_state.get
    _set_window(tw.typed_window(g("w_from"), g("w_to"), span, g("window")))


def _preset(span) -> None:
    if st.session_state.get("w_preset"):
        _set_window(tw.preset_window(st.session_state["w_preset"], span))
    st.session_state["w_preset"] = None


def _month(span) -> None:
    if st.session_state.get("w_month"):
        _set_window(tw.month_window(st.session_state["w_month"], span))
    st.session_state["w_month"] = None


def _shift(days: int, span) -> None:
    _set_window(tw.shift_window(st.session_state["window"], days, span))


def _window_moved() -> None:
    # reference layers are drawn per window: a full run redraws them
    if st.session_state.get(vs.widget_key("reference")):
        st.session_state["_full"] = True


def _event_at(big: bool, ev: str | None) -> tuple[float, float] | None:
    """The open event's point, for a binned map (it draws places, not events): one indexed read."""
    e = store.get_event(ev) if big and ev else None
    return (e.latitude, e.longitude) if e is not None and e.latitude is not None and e.longitude is not None else None


def _window_counts(big: bool, fkey, f, since: str, until: str) -> dict | None:
    """A binned map's counts per place and type in the window (views.bins): they go to the map with the window."""
    return counts(DB_URL, TOKEN, fkey, f).bins.window_counts(since, until) if big else None


def _bridge(since: str, until: str, ev: str | None, at: tuple[float, float] | None = None,
            wcounts: dict | None = None) -> None:
    """Send the window (with a binned map's counts for it) to the map frame already on the page (no map
    rebuild)."""
    st.html(live_map.bridge_script(since, until, ev, fit=not st.session_state.get("playing"), at=at,
                                   counts=wcounts), unsafe_allow_javascript=True)
    if st.session_state.pop("_full", False):
        st.rerun(scope="app")


def _details_panel(frame, big: bool = False) -> None:
    ev = st.session_state.get("ev")
    st.markdown("**Details**")
    _flash("fx_msg")
    if not ev:
        st.caption("Click a marker or select a table row.")
        return
    hit = frame[frame["event_id"] == ev] if len(frame) else frame
    row = hit.iloc[0] if len(hit) else store.get_event(ev)
    if row is None:
        st.caption("That event is not in this view.")
        return
    status = store.event_status(ev)
    if status and status != "ok":
        st.warning("Hidden from the map and the table: " + ("marked not an event" if status == "false_positive"
                                                              else "merged into another event") + ".")
    st.html(details.DETAILS_CSS + details.details_html(row))
    _correct_form(row, ov.neighbours(store, row) if big else frame)
    _history(ev)
    if st.button("Close", key="close_ev"):
        st.session_state.update(ev=None, repin_ev=None)
        st.rerun()


def _flash(key: str) -> None:
    """A saved change's message, with the one-click Undo of its batch."""
    msg = st.session_state.get(key)
    if not msg:
        return
    text, batch = msg
    c1, c2 = st.columns([4, 1.2], vertical_alignment="center")
    c1.success(md(text))
    if batch and c2.button("Undo", key=f"undo_{key}", help="take this change back, for every event it touched"):
        _undo(batch, key)


def _undo(batch: str, key: str) -> None:
    try:
        n = store.undo(batch, author=st.session_state.get("author") or "analyst")
        st.session_state[key] = (f"Undone: {n} event(s) back as they were.", "")
    except (ValueError, StoreError) as exc:
        st.session_state[key] = (str(exc), "")
    invalidate()
    st.rerun()


def _take_point(out, co_key: str, pt_key: str) -> None:
    """A click on a map (st_folium ``last_clicked``) becomes the point being chosen."""
    click = (out or {}).get("last_clicked")
    if not click:
        return
    pt = (round(click["lat"], 5), round(click["lng"], 5))
    if pt != st.session_state.get(pt_key):
        st.session_state[pt_key] = pt
        st.session_state[co_key] = f"{pt[0]}, {pt[1]}"
        st.rerun()


def _correct_form(row, frame) -> None:
    if store.readonly:
        st.caption("Read-only store: corrections are off.")
        return
    ev = details.field(row, "event_id")

    def g(k: str):
        return details.field(row, k)

    with st.expander("Correct this event", expanded=st.session_state.get("repin_ev") == ev):
        cur_t = g("event_type") or ""
        types = ACLED_TYPES if cur_t in ACLED_TYPES else [cur_t] + ACLED_TYPES
        t = st.selectbox("Type", types, index=types.index(cur_t), key=f"fx_t_{ev}")
        subs = list(model.ACLED_TYPES.get(t, ()))
        cur_s = g("sub_event_type") or ""
        if t == cur_t and cur_s and cur_s not in subs:
            subs = [cur_s] + subs
        sub = st.selectbox("Sub-type", subs or [""], index=subs.index(cur_s) if t == cur_t and cur_s in subs else 0,
                           key=f"fx_s_{ev}")
        d = st.date_input("Date", value=dt.date.fromisoformat(str(g("event_date"))[:10]), key=f"fx_d_{ev}",
                          format="YYYY-MM-DD")
        a1 = st.text_input("Actor 1", value=g("actor1") or "", key=f"fx_a1_{ev}")
        a2 = st.text_input("Actor 2", value=g("actor2") or "", key=f"fx_a2_{ev}")
        picking = st.session_state.get("repin_ev") == ev
        if st.button("Stop picking on the map" if picking else "Re-pin: pick the point on the map", key=f"fx_pick_{ev}"):
            st.session_state.update(repin_ev=None if picking else ev, fix_pt=None)
            st.rerun()
        co = st.text_input("New point (latitude, longitude)", key=f"fx_co_{ev}",
                           placeholder="click the map, or type 32.9557, 35.9002")
        lat = lon = None
        if co.strip():
            try:
                lat, lon = analyst.parse_coords(co)
                st.caption("Falls in: " + md(fixes.where_text(store_point_admin(lat, lon))))
            except ValueError as exc:
                st.error(md(exc))
        cands = corrections.merge_candidates(frame, row)
        labels = {"": "(not a duplicate)", **dict(cands)}
        into = st.selectbox("Same event as (merge into)", list(labels), format_func=labels.get, key=f"fx_m_{ev}")
        drop = st.checkbox("Not an event (false positive)", key=f"fx_fp_{ev}")
        reason = st.text_input("Why (kept with the correction)", key=f"fx_r_{ev}")
        st.text_input("Your name", key="author")
        if st.button("Save correction", type="primary", key=f"fx_save_{ev}"):
            form = corrections.EventForm(event_type=t, sub_event_type=sub, event_date=d.isoformat(), actor1=a1,
                                         actor2=a2, not_an_event=drop, merge_into=into, lat=lat, lon=lon)
            author = st.session_state.get("author", "")
            try:
                made = store.add_corrections(corrections.corrections_from_form(row, form, author, reason))
            except (ValueError, StoreError) as exc:
                st.error(md(exc))
                return
            st.session_state["fx_msg"] = (f"Saved: {', '.join(fixes.describe_correction(c) for c in made)}.",
                                          made[0].batch)
            st.session_state.update(repin_ev=None, fix_pt=None)
            invalidate()
            st.rerun()


def store_point_admin(lat: float, lon: float) -> dict:
    from eventmap.store.analyst import point_admin

    return point_admin(lat, lon)


def _history(ev: str) -> None:
    rows = fixes.history_rows(store.corrections(event_id=ev))
    if not rows:
        return
    with st.expander(f"Corrections ({len(rows)})"):
        for i, h in enumerate(rows):
            c1, c2 = st.columns([4, 1.2], vertical_alignment="center")
            state = "" if h["undoable"] else f" ({h['status']})"
            c1.caption(md(f"{h['when']} · {h['author']}: {h['what']}{state}" + (f" — {h['reason']}" if h["reason"] else "")))
            label = "Undo pin" if h["pin"] else "Undo"
            if h["undoable"] and c2.button(label, key=f"hist_undo_{ev}_{i}",
                                           help="a pin is undone for every event it placed" if h["pin"] else None):
                _undo(h["batch"], "fx_msg")


@st.fragment(run_every=1.0)
def _control_poll() -> None:
    """The first page of a large store after a start, drawn before a helper had worked out who holds what:
    the whole page again (the map with its control rings, the changes) as soon as the model has come."""
    if not control_arriving():
        st.rerun(scope="app")
    st.caption("Working out who holds what: the map's control rings and the changes of hands follow.")


def _changes(model, since: str, until: str, waiting: bool = False) -> None:
    """What changed hands in the window: one row per change of holder, with its basis."""
    head = f'<div class="em-changes" data-testid="em-changes"><b>Changed hands from {since} to {until}:'
    if waiting:
        st.markdown(f"{head}</b> working out who holds what…</div>", unsafe_allow_html=True)
        return
    rows = change_rows(model, since, until) if model is not None else []
    st.markdown(f"{head} {len(rows):,}</b> · the map rings each place in the colour of its holder on {until}</div>",
                unsafe_allow_html=True)
    if not rows:
        st.caption("No report in this window says a place changed hands.")
        return
    tbl = table.changes_frame(rows[::-1])   # newest first, as the events table
    st.dataframe(tbl, hide_index=True, width="stretch", height=min(36 + 35 * len(tbl), 250), key="changes",
                 column_config=table.CHANGES_CONFIG)


def _downloads(get_view, n: int, state: vs.ViewState, since: str, until: str, get_model=None) -> None:
    """The download expander: the window's events (``get_view()``, read when the analyst asks) as a file, with
    the control layer (``get_model()``, likewise) on a map."""
    with st.expander("Download this view (HTML, PNG, GeoJSON, CSV, GeoPackage, KML)"):
        cols = st.columns([2, 1, 3])
        fmt = cols[0].selectbox("Format", list(downloads.FORMATS), key="fmt", format_func=str.upper)
        numbered = st.checkbox("Number the places and list their events beside the map (a printed brief)",
                               key="dl_list", disabled=fmt not in ("png", "html"))
        if cols[1].button("Prepare", key="prep", disabled=not n):
            opts = {"numbered": True} if numbered and fmt in ("png", "html") else {}
            try:
                with st.spinner(f"Writing {fmt.upper()}…"):
                    model = get_model() if get_model is not None and fmt in ("html", "png") else None
                    if model:
                        opts["control"] = model
                    st.session_state["export"] = downloads.download(get_view(), fmt, state.filters_dict(), since, until,
                                                                   **opts)
            except Exception as exc:  # noqa: BLE001 - shown to the analyst
                st.error(f"Export failed: {md(exc)}")
        ex = st.session_state.get("export")
        if ex:
            data, name, mime = ex
            cols[2].download_button(f"Download {name}", data, file_name=name, mime=mime, key="dl")


# ----------------------------------------------------------------------------- ingest page
def ingest_page() -> None:
    """Paste or upload reports, preview the extracted events (``eventmap.pipeline.extract_reports``), fix them,
    then save them with the corrections."""
    sync_url(current_state())
    st.markdown("#### Ingest a report")
    go, items, published, meta = _ingest_form()
    if go:
        plan = ingest_form.plan_reports(items, published, *meta)
        st.session_state["pending"] = plan.pending
        st.session_state["in_notes"], st.session_state["in_errors"] = plan.notes, plan.errors
        _preview(plan.reports)
    for m in st.session_state.get("in_notes") or []:
        st.info(md(m))
    for e in st.session_state.get("in_errors") or []:
        st.error(md(e))
    _confirm_dates(meta)
    if st.session_state.get("saved"):
        st.success(md(st.session_state["saved"]))
    previews = st.session_state.get("preview") or []
    if not previews:
        st.caption("Paste or upload a report, then preview: the events appear on a map and in a table, and you can "
                   "fix them before saving.")
        return
    fixes: dict = st.session_state.setdefault("fixes", {})
    for ri, (rep, evs) in enumerate(previews):
        _preview_report(ri, rep, evs, fixes)
    st.divider()
    _save_previews(previews, fixes)


def _ingest_form() -> tuple[bool, list, dt.date | None, tuple[str, str, str]]:
    """The form: pasted text, uploads, publication date (never assumed), outlet, URL, title."""
    with st.form("ingest_form"):
        text = st.text_area("Paste the article (Arabic or English)", height=180, key="in_text")
        files = st.file_uploader("…or upload .txt / .html / .jsonl files", type=[s[1:] for s in ingest.UPLOAD_SUFFIXES],
                                 accept_multiple_files=True, key="in_files")
        c = st.columns(4)
        # no default: relative dates are read against it (a saved page's metadata date is used when it has one;
        # a date in the text's first lines is offered below for confirmation)
        published = c[0].date_input("Publication date (required)", value=None, key="in_pub", format="YYYY-MM-DD",
                                    help="Required unless a saved page states it; never assumed to be today")
        outlet = c[1].text_input("Outlet", key="in_outlet", placeholder="e.g. SANA, Enab Baladi")
        url = c[2].text_input("URL", key="in_url", placeholder="https://")
        title = c[3].text_input("Title", key="in_title")
        go = st.form_submit_button("Preview extracted events", type="primary")
    items = ([("pasted text", text)] if text.strip() else []) + [(u.name, u.getvalue()) for u in files or []]
    return go, items, published, (outlet, url, title)


def _preview_report(ri: int, rep, evs, fixes: dict) -> None:
    """One previewed report: its events on a map and in a table, each with its fix controls."""
    st.markdown(f"**Report {ri + 1}** · {len(evs)} event(s) · {md(rep.published)} · {md(rep.source) or 'no outlet'}")
    if not evs:
        st.info("No events found in this report.")
        return
    pf = ingest.preview_frame(evs)
    mc, tc = st.columns([1.2, 1])
    with mc:
        pm = build_map(live_map.defuse_templates(pf), layer_control=False)
        out = st_folium(pm, key=f"pv_map_{ri}", height=380, use_container_width=True,
                        returned_objects=["last_clicked"])
        click = (out or {}).get("last_clicked")
        if click:
            st.session_state["pv_click"] = (round(click["lat"], 5), round(click["lng"], 5))
        if st.session_state.get("pv_click"):
            a, b = st.session_state["pv_click"]
            st.caption(f"Last click on the map: {a}, {b} (use it to pin an unresolved name below)")
    with tc:
        st.dataframe(table.table_frame(pf, limit=None).drop(columns=["event_id"]), hide_index=True,
                     width="stretch", height=min(380, 40 + 35 * len(pf)), column_config=TABLE_CONFIG)
    for ei, e in enumerate(evs):
        _fix_controls(f"{ri}_{ei}", e, fixes.setdefault(e.event_id, ingest.Fix()))


def _fix_controls(k: str, e, fx) -> None:
    """What the analyst may change about one previewed event before saving (kept in ``fx``)."""
    name = e.place_name_ar or e.place_name_en or e.location
    label = f"{md(e.event_date)} · {md(e.event_type)} · \u2068{md(name)}\u2069 ({md(e.resolution)})"
    with st.expander(label):
        st.html(details.DETAILS_CSS + details.details_html(ingest.preview_frame([e]).iloc[0]))
        fx.drop = st.checkbox("Not an event (false positive): do not keep it", key=f"drop_{k}")
        c = st.columns(3)
        types = ACLED_TYPES if e.event_type in ACLED_TYPES else [e.event_type] + ACLED_TYPES
        t = c[0].selectbox("Type", types, index=types.index(e.event_type), key=f"type_{k}")
        fx.event_type = t if t != e.event_type else ""
        d = c[1].date_input("Date", value=dt.date.fromisoformat(e.event_date[:10]), key=f"date_{k}",
                            format="YYYY-MM-DD")
        fx.event_date = d.isoformat() if d.isoformat() != e.event_date[:10] else ""
        alts = ingest.split_alternatives(e.alternatives)
        if alts:
            choices = [""] + [a.get("id", "") for a in alts]
            labels = {"": "keep " + (e.place_name_en or e.place_name_ar or e.location)}
            labels.update({a.get("id", ""): details.place_label(a) for a in alts})
            fx.place_id = c[2].selectbox("Place", choices, format_func=labels.get, key=f"alt_{k}")
        if e.latitude is None or e.resolution == "unresolved":
            default = ", ".join(str(x) for x in st.session_state.get("pv_click") or ())
            co = st.text_input("Pin at (latitude, longitude) — click the map above or type", key=f"co_{k}",
                               placeholder="32.9557, 35.9002")
            if st.button("Use the last map click", key=f"use_{k}", disabled=not default):
                st.session_state[f"co_{k}"] = default
                st.rerun()
            fx.lat = fx.lon = None
            if co.strip():
                try:
                    fx.lat, fx.lon = analyst.parse_coords(co)
                except ValueError as exc:
                    st.error(md(exc))


def _save_previews(previews, fixes: dict) -> None:
    """The analyst's name and the save button: each report stored with its events, then the corrections."""
    c = st.columns([2, 1, 3])
    author = c[0].text_input("Your name (recorded with your corrections)", key="author")
    if c[1].button("Save to the store", type="primary", key="save"):
        try:
            msgs = []
            for rep, evs in previews:
                r = ingest.save_preview(store, rep, evs, fixes, author)
                msgs.append(f"{r['status']}: {r['events']} event(s), {r['corrections']} correction(s)")
            invalidate()
            st.session_state["saved"] = "Saved — " + "; ".join(msgs)
            st.session_state["preview"] = []
            st.session_state["in_notes"] = st.session_state["in_errors"] = []
            st.rerun()
        except (ValueError, StoreError) as exc:
            st.error(md(exc))


def _preview(reports, keep: bool = False) -> None:
    """Extract the reports through the pipeline (the store's analyst places seen; nothing stored yet)."""
    previews = list(st.session_state.get("preview") or []) if keep else []
    for r, evs in extract_reports(store, reports):
        for w in r.warnings:
            st.warning(md(w))
        if isinstance(evs, Exception):  # one bad report does not stop the others
            st.error(f"{md(r.title or r.report_id)}: {md(evs)}")
        else:
            previews.append((r, evs))
    st.session_state["preview"] = previews
    st.session_state["fixes"] = {} if not keep else st.session_state.get("fixes", {})
    st.session_state.pop("saved", None)


def _confirm_dates(meta) -> None:
    """Items whose publication date was found in their first lines: the analyst confirms or corrects it."""
    pending = st.session_state.get("pending") or []
    if not pending:
        return
    with st.container(border=True, key="em_confirm"):
        st.markdown("**Confirm the publication date** — found in the first lines of the text, not in any metadata")
        dates = []
        for i, p in enumerate(pending):
            c = st.columns([3, 1.2])
            c[0].markdown(f"{md(p.name)}: «\u2068{md(p.suggestion.evidence)}\u2069» in its first lines")
            dates.append(c[1].date_input(f"Publication date of {p.name}", value=p.suggestion.date,
                                         key=f"in_pub_{i}", format="YYYY-MM-DD", label_visibility="collapsed"))
        if st.button("Use these dates and preview", type="primary", key="in_confirm"):
            reports, errors = [], []
            for p, d in zip(pending, dates):
                try:
                    reports.extend(ingest_form.confirm(p, d, *meta))
                except ValueError as exc:
                    errors.append(f"{p.name}: {exc}")
            st.session_state["pending"] = []
            st.session_state["in_errors"] = errors
            _preview(reports, keep=True)
            st.rerun()


# ----------------------------------------------------------------------------- unresolved names page
def unresolved_page() -> None:
    sync_url(current_state())
    st.markdown("#### Names to fix · أسماء للتصحيح")
    st.caption("Every name the gazetteer could not place: unresolved, ambiguous, or approximate (placed at the centre "
               "of the places listed with it). Pick one, click the map where it is, and every stored event that names "
               "it in that area moves there at once; later reports find it too.")
    _flash("pin_msg")
    q = names_queue(DB_URL, TOKEN)
    if not len(q):
        st.info("No names to fix: every place name in the store is resolved or dismissed.")
        _recent_actions()
        return
    left, right = st.columns([1, 1.05])
    with left:
        st.markdown(f"**{len(q):,} name(s)**, most events first — pick one")
        labels = dict(zip(q["key"], fixes.queue_labels(q)))
        if st.session_state.get("q_key") not in labels:
            st.session_state["q_key"] = next(iter(labels))
        with st.container(height=300):
            st.radio("Names to fix", list(labels), format_func=labels.get, key="q_key", on_change=_queue_moved,
                     label_visibility="collapsed")
        keys = list(q["key"])
        cur = q.iloc[keys.index(st.session_state["q_key"])] if st.session_state.get("q_key") in keys else q.iloc[0]
        _name_card(cur)
    with right:
        _pin_controls(cur)
    _recent_actions()


def _queue_moved() -> None:
    st.session_state.update(pin_pt=None, pin_co="")


def _name_card(r) -> None:
    st.markdown(f"**\u2068{md(r['name'])}\u2069** — {int(r['count'])} event(s) in {int(r['reports'])} report(s)"
                + (f" · {md(r['area'])}" if r["area"] else ""))
    st.html(fixes.estimate_html(r["estimate"]))
    for s in list(r["examples"])[:3]:
        st.html(details.sentence_html(s, mark=list(r["spellings"])))
    if len(r["spellings"]) > 1:
        st.caption("spellings in the reports: " + " · ".join(md(x) for x in r["spellings"]))


def _pin_controls(r) -> None:
    import folium

    if store.readonly:
        st.caption("Read-only store: pinning and dismissing are off.")
        return
    if st.session_state.pop("pin_reset", False):
        st.session_state.update(pin_pt=None, pin_co="")

    pm = copy.deepcopy(pin_map())
    fg = folium.FeatureGroup(name="pin", control=False)
    fg.add_child(live_map.script_element(fixes.pin_overlay_script(dict(r), st.session_state.get("pin_pt"))))
    centre = (r["latitude"], r["longitude"]) if r["latitude"] is not None else (32.85, 36.1)
    out = st_folium(pm, key="un_map", height=380, use_container_width=True, returned_objects=["last_clicked"],
                    feature_group_to_add=[fg], center=centre, zoom=11 if r["latitude"] is not None else 9)
    _take_point(out, "pin_co", "pin_pt")
    sugg = list(r["suggestions"])[:3]
    if sugg:
        st.caption("Suggestions from the gazetteer (grey on the map):")
        for i, sg in enumerate(sugg):
            if st.button(md(fixes.suggestion_label(sg)), key=f"sug_{i}", help="use this place's point"):
                pt = (round(float(sg["lat"]), 5), round(float(sg["lon"]), 5))
                st.session_state.update(pin_pt=pt, pin_co=f"{pt[0]}, {pt[1]}")
                st.rerun()
    co = st.text_input("Point (latitude, longitude) — click the map, pick a suggestion or type", key="pin_co",
                       placeholder="32.9557, 35.9002")
    point = None
    if co.strip():
        try:
            point = analyst.parse_coords(co)
            st.markdown("Falls in: **" + md(fixes.where_text(store_point_admin(*point))) + "**")
        except ValueError as exc:
            st.error(md(exc))
    others = [x for x in r["spellings"] if x != r["name"]]
    spell = st.text_input("Other spellings (Arabic or Latin; separate with ;)", value="; ".join(others),
                          key=f"pin_sp_{r['key']}")
    everywhere = st.checkbox("Also where reports put this name in another area", key=f"pin_all_{r['key']}")
    c = st.columns(2)
    reason = c[0].text_input("Why (your source)", key="pin_reason")
    c[1].text_input("Your name", key="author")
    b1, b2 = st.columns(2)
    if b1.button("Pin here", type="primary", key="pin_go", disabled=point is None, width="stretch"):
        try:
            res = analyst.pin_name(store, r["name"], point[0], point[1], st.session_state.get("author", ""),
                                reason=reason, variants=analyst.split_spellings(spell), everywhere=everywhere)
        except (ValueError, StoreError) as exc:
            st.error(md(exc))
        else:
            text = (f"{'Moved' if res.moved else 'Pinned'} {r['name']} at {res.lat}, {res.lon} "
                    f"({res.where or 'outside the OCHA units'}): {res.events} event(s) re-resolved.")
            st.session_state["pin_msg"] = (text, res.batch)
            st.session_state["pin_reset"] = True  # the point's widget is drawn already: clear it next run
            invalidate()
            st.rerun()
    if b2.button("Not a place: dismiss", key="pin_dismiss", width="stretch",
                 help="leave this word out of the queue, for everyone using this store"):
        try:
            batch = store.dismiss_name(r["name"], author=st.session_state.get("author", ""), reason=reason)
        except (ValueError, StoreError) as exc:
            st.error(md(exc))
        else:
            st.session_state["pin_msg"] = (f"Dismissed {r['name']} as not a place.", batch)
            invalidate()
            st.rerun()


def _recent_actions() -> None:
    from eventmap.store.analyst import actions

    acts = actions(store, limit=12)
    if not acts:
        return
    with st.expander("Recent pins and dismissals"):
        for a in acts:
            c1, c2 = st.columns([5, 1], vertical_alignment="center")
            done = f" — undone by {a['undone_by']}" if a["undone_at"] else ""
            c1.caption(f"{md(a['created_at'])} · {md(a['author'])} {a['kind']} \u2068{md(a['name'])}\u2069 · "
                       f"{a['n_events']} event(s){md(done)}")
            if not a["undone_at"] and c2.button("Undo", key=f"act_undo_{a['batch']}"):
                _undo(a["batch"], "pin_msg")


try:
    {"map": map_page, "ingest": ingest_page, "unresolved": unresolved_page}.get(page, map_page)()
except StoreError as exc:  # a damaged store can fail half-way through a read
    store_failed(exc)
