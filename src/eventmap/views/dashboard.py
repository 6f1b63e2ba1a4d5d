"""What the Streamlit dashboard (``app.py``) needs besides widgets: no Streamlit here.

* time window over an events frame (``window``), per-day counts and the Altair histogram;
* the table shown under the map, the unresolved list beside it, the details panel (HTML
  built with ``escape.esc`` only);
* the small JavaScript snippet that moves the map's time window without reloading it
  (``range_script``: the map holds the whole filtered set, ``window.EM.showRange`` hides
  the rest client-side);
* ingest preview (extract without storing), the analyst's fixes to a preview turned into
  store corrections, pinning an unresolved name;
* exports of the current view as bytes for download buttons;
* a reference layer (ACLED/UCDP) as a folium FeatureGroup.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

import pandas as pd

from eventmap.frame import events_frame, fatalities_column
from eventmap.model import Event, Report
from eventmap.views.bidi import isolate_html, isolate_text
from eventmap.views.colors import TYPE_STYLES, style_for
from eventmap.views.escape import clean_text, esc, js_safe_json, safe_url

# --------------------------------------------------------------------------- time window


def window(frame: pd.DataFrame, since: str | None, until: str | None) -> pd.DataFrame:
    """Rows of ``frame`` whose ``event_date`` lies in [since, until] (inclusive ISO dates; None = open).

    The store returns frames ordered by date: then the window is a slice found by binary search
    (cheap at 100,000 rows); any other frame is filtered row by row.
    """
    if frame is None or not len(frame) or (not since and not until):
        return frame
    d = frame["event_date"].astype(str)
    if d.is_monotonic_increasing:
        arr = d.to_numpy()
        i0 = int(arr.searchsorted(since, side="left")) if since else 0
        # dates may carry a time ("2018-07-25T..."): everything that starts with ``until`` is inside
        i1 = int(arr.searchsorted(until + "\uffff", side="right")) if until else len(arr)
        return frame.iloc[i0:i1]
    d = d.str.slice(0, 10)
    keep = pd.Series(True, index=frame.index)
    if since:
        keep &= d >= since
    if until:
        keep &= d <= until
    return frame[keep]


#: the days the timeline (Streamlit's slider, pandas' timestamps) can draw; a store may hold others
#: (a wrong publication date stored by an older eventmap): they are counted apart, never a crash
TIMELINE_BOUNDS = ("1900-01-01", "2199-12-31")


def outside_timeline(frame: pd.DataFrame) -> pd.DataFrame:
    """The events whose date the timeline cannot show (before/after :data:`TIMELINE_BOUNDS`, or not a date)."""
    if frame is None or not len(frame):
        return frame
    d = frame["event_date"].astype(str).str.slice(0, 10)
    ok = d.str.fullmatch(r"\d{4}-\d\d-\d\d") & (d >= TIMELINE_BOUNDS[0]) & (d <= TIMELINE_BOUNDS[1])
    return frame[~ok]


def day_counts(frame: pd.DataFrame) -> pd.DataFrame:
    """Events per (day, event_type): columns ``day`` (ISO), ``event_type``, ``n``; days the timeline
    cannot draw (see :func:`outside_timeline`) are left out."""
    if frame is not None and len(frame):
        frame = frame.drop(index=outside_timeline(frame).index)
    if frame is None or not len(frame):
        return pd.DataFrame({"day": pd.Series(dtype=str), "event_type": pd.Series(dtype=str),
                             "n": pd.Series(dtype=int)})
    d = frame["event_date"].astype(str).str.slice(0, 10)
    t = frame["event_type"].astype(str).replace("", "Unknown")
    out = pd.DataFrame({"day": d, "event_type": t}).groupby(["day", "event_type"]).size().reset_index(name="n")
    return out


def histogram_chart(counts: pd.DataFrame, since: str | None = None, until: str | None = None,
                    height: int = 96):
    """Altair per-day histogram stacked by type (type colours as on the map), the window shaded."""
    import altair as alt

    types = list(dict.fromkeys(counts["event_type"])) if len(counts) else []
    order = {s.event_type: i for i, s in enumerate(TYPE_STYLES)}
    types.sort(key=lambda t: (order.get(t, 99), t))
    scale = alt.Scale(domain=types, range=[style_for(t).color for t in types]) if types else alt.Scale()
    c = counts.copy()
    c["date"] = pd.to_datetime(c["day"], errors="coerce")
    c["order"] = c["event_type"].map(lambda t: order.get(t, 99))
    first = c["date"].min() if len(c) else None
    last = c["date"].max() if len(c) else None
    ndays = int((last - first).days) + 1 if first is not None and pd.notna(first) else 1
    if ndays <= 20:
        axis = alt.Axis(format="%d %b %Y", labelAngle=0, tickCount={"interval": "day", "step": 1}, grid=False)
    elif ndays <= 120:
        axis = alt.Axis(format="%d %b", labelAngle=0, tickCount={"interval": "week", "step": 1}, grid=False)
    else:
        axis = alt.Axis(format="%b %Y", labelAngle=0, tickCount={"interval": "month", "step": 1}, grid=False)
    domain = None
    if first is not None and pd.notna(first):
        domain = [(first - pd.Timedelta(hours=12)).isoformat(), (last + pd.Timedelta(hours=12)).isoformat()]
    x_scale = alt.Scale(domain=domain) if domain else alt.Scale()
    bar_px = max(2.0, min(40.0, 900.0 / max(ndays, 1) * 0.8))  # years of days: 2 px so a day still shows
    bars = alt.Chart(c).mark_bar(size=bar_px).encode(
        x=alt.X("date:T", title=None, axis=axis, scale=x_scale),
        y=alt.Y("sum(n):Q", title="per day", axis=alt.Axis(tickMinStep=1, tickCount=3)),
        # no legend: the map's legend gives the same colours, and the bars get the whole width
        color=alt.Color("event_type:N", scale=scale, sort=types, legend=None),
        order=alt.Order("order:Q"),
        tooltip=[alt.Tooltip("day:N", title="day"), alt.Tooltip("event_type:N", title="type"),
                 alt.Tooltip("n:Q", title="events")],
    )
    layers = [bars]
    if (since or until) and len(c):
        lo = since or c["day"].min()
        hi = until or c["day"].max()
        band = alt.Chart(pd.DataFrame({"a": [pd.Timestamp(lo) - pd.Timedelta(hours=12)],
                                       "b": [pd.Timestamp(hi) + pd.Timedelta(hours=12)]})).mark_rect(
            opacity=0.13, color="#1f4e79").encode(x="a:T", x2="b:T")
        layers.insert(0, band)
    return alt.layer(*layers).properties(height=height)


def histogram_spec(counts: pd.DataFrame) -> dict:
    """``histogram_chart`` as a Vega-Lite dict whose window band ``with_window`` moves cheaply
    (the bars are built and serialised once per filter, not on every window change)."""
    days = sorted(counts["day"]) if len(counts) else []
    lo, hi = (days[0], days[-1]) if days else (None, None)
    spec = histogram_chart(counts, lo, hi).to_dict()
    if len(spec.get("layer", [])) == 2:
        spec["layer"][0]["data"] = {"name": "em_window"}
        spec.setdefault("datasets", {})["em_window"] = []
    return spec


def with_window(spec: dict, since: str | None, until: str | None) -> dict:
    """A shallow copy of ``spec`` with the shaded band over [since, until]."""
    out = dict(spec)
    if "em_window" in spec.get("datasets", {}) and since and until:
        ds = dict(spec["datasets"])
        a0, b0 = pd.Timestamp(since) - pd.Timedelta(hours=12), pd.Timestamp(until) + pd.Timedelta(hours=12)
        # over years of reports a week is under a pixel wide: the band keeps at least 1/120 of the axis
        dom = (((spec.get("layer") or [{}])[-1].get("encoding") or {}).get("x") or {}).get("scale", {}).get("domain")
        if dom:
            least = (pd.Timestamp(dom[1]) - pd.Timestamp(dom[0])) / 120
            if b0 - a0 < least:
                mid = a0 + (b0 - a0) / 2
                a0, b0 = mid - least / 2, mid + least / 2
        a, b = a0.isoformat(), b0.isoformat()
        ds["em_window"] = [{"a": a, "b": b}]
        out["datasets"] = ds
    return out


def default_window(span: tuple[_dt.date, _dt.date], days: int = 30, whole_below: int = 90) \
        -> tuple[_dt.date, _dt.date]:
    """The window a first visit opens on: the whole span when it is short, else the last ``days`` days."""
    lo, hi = span
    if (hi - lo).days < whole_below:
        return lo, hi
    return hi - _dt.timedelta(days=days - 1), hi


def day_range(span: tuple[str | None, str | None]) -> tuple[_dt.date, _dt.date] | None:
    lo, hi = span
    if not lo or not hi:
        return None
    a, b = _dt.date.fromisoformat(str(lo)[:10]), _dt.date.fromisoformat(str(hi)[:10])
    return (a, b) if a <= b else (b, a)


def step_window(since: _dt.date, until: _dt.date, span: tuple[_dt.date, _dt.date]) -> tuple[_dt.date, _dt.date]:
    """The play control's next window: one day later, same width; wraps to the start at the end.
    A window over the whole span starts playing as a one-day window on the first day."""
    width = until - since
    lo, hi = span
    if since <= lo and until >= hi and hi > lo:
        return lo, lo
    if until >= hi:
        return lo, min(lo + width, hi)
    one = _dt.timedelta(days=1)
    return since + one, until + one


# --------------------------------------------------------------------------- map <-> window


_EVENT_ID_RE = re.compile(r"^[A-Za-z0-9:_.\-]{1,80}$")
#: "{{", "{%", "{#" start Jinja syntax: folium/branca compile every element's rendered script as a template
_TEMPLATE_START_RE = re.compile(r"\{(?=[{%#])")
_TEXT_COLUMNS = ("notes", "location", "place_name_ar", "place_name_en", "admin1", "admin2", "admin3", "actor1",
                 "actor2", "source", "sources", "source_url", "sub_event_type", "event_type", "event_id",
                 "evidence", "resolution_note")


def defuse_templates(frame: pd.DataFrame) -> pd.DataFrame:
    """A frame safe to hand to folium: "{{", "{%" and "{#" in report strings get a zero-width space after
    the brace (the text reads the same), because branca compiles rendered map scripts as Jinja templates
    and a news article must never be evaluated on the server (see /tmp/views_requests.md)."""
    if frame is None or not len(frame):
        return frame
    out = None
    for col in _TEXT_COLUMNS:
        if col not in frame.columns or pd.api.types.is_numeric_dtype(frame[col]) or \
                pd.api.types.is_bool_dtype(frame[col]):
            continue
        v = frame[col].astype(str)
        hit = v.str.contains(_TEMPLATE_START_RE, regex=True, na=False)
        if hit.any():
            out = frame.copy() if out is None else out
            out.loc[hit, col] = v[hit].str.replace(_TEMPLATE_START_RE, "{\u200b", regex=True)
    return frame if out is None else out


def _want_json(since: str | None, until: str | None, event_id: str | None, fit: bool = True) -> str:
    def iso(s: str | None) -> str:
        if not s:
            return ""
        return _dt.date.fromisoformat(str(s).strip()).isoformat()  # ValueError for anything but a date

    ev = event_id or ""
    if ev and not _EVENT_ID_RE.match(ev):
        ev = ""  # event ids are hashes; anything else never reaches a script
    return js_safe_json({"lo": iso(since), "hi": iso(until), "ev": ev, "fit": bool(fit)})


def bridge_script(since: str | None, until: str | None, event_id: str | None = None, fit: bool = True) -> str:
    """A ``<script>`` for the dashboard page: hands the window to the map frame already drawn
    (``range_script`` installed ``EM.applyWant`` there), so the map is neither rebuilt nor re-sent.
    ``fit``: frame the window's events after the change (not while the window plays)."""
    return """<script>
(function(){
  var want = %s;
  var frames = document.querySelectorAll('iframe[title="streamlit_folium.st_folium"]');
  for (var k = 0; k < frames.length; k++) {
    var w = frames[k].contentWindow;
    if (!w || !w.EM || !w.EM.applyWant) continue;
    w.EM.want = want;
    w.EM.applyWant();
  }
})();
</script>""" % _want_json(since, until, event_id, fit)


def range_script(since: str | None, until: str | None, event_id: str | None = None) -> str:
    """JavaScript run inside the map frame: show only events in [since, until]; open ``event_id``.

    It works before the map's data is decoded (it waits for ``EM.onData``) and after.
    Only ISO dates and a JSON-encoded id reach the script.
    """
    args = _want_json(since, until, event_id)
    return """
(function(){
  var EM = window.EM = window.EM || {};
  EM.want = %s;
  EM.wantRange = function(){ // the wanted window as inclusive day indices into D.days
    var D = EM.D, w = EM.want || {}, days = D.days, n = days.length, a = 0, b = n - 1;
    if (w.lo) { while (a < n && days[a] < w.lo) a++; }
    if (w.hi) { while (b >= 0 && days[b] > w.hi) b--; }
    return a > b ? [n, n - 1] : [a, b];
  };
  if (!EM.wantWrapped && EM.showRange) {
    // the map draws its first window as soon as its data is decoded: make that the wanted one,
    // so a large store is not drawn whole and then narrowed
    EM.wantWrapped = true;
    var show = EM.showRange;
    EM.showRange = function(a, b){
      if (!EM.inWant && EM.want && EM.D && EM.D.days.length) { var r = EM.wantRange(); a = r[0]; b = r[1]; }
      return show(a, b);
    };
  }
  EM.applyWant = function(){
    var D = EM.D, w = EM.want; if (!D || !w) return;
    if (!D.days.length) { EM.showRange(0, 0); return; }
    var r = EM.wantRange();
    if (!EM.range || EM.range[0] !== r[0] || EM.range[1] !== r[1]) {
      EM.inWant = true;
      try { EM.showRange(r[0], r[1]); } finally { EM.inWant = false; }
      // a new window is framed (its few far strays left out), unless it plays or an event is open
      if (w.fit !== false && !w.ev && EM.fit && EM.map) EM.fit(EM.map);
    }
    if (w.ev && w.ev !== EM.shownEv) {
      EM.shownEv = w.ev;
      var i = D.id.indexOf(w.ev);
      if (i >= 0 && EM.map) {
        // a name on a ring of approximate names: centre on its estimate, then find its slot at that zoom
        var g = D.ag ? D.ag[i] : -1, c0 = g >= 0 ? [D.G[g][0], D.G[g][1]] : [D.lat[i], D.lon[i]];
        EM.map.setView(c0, Math.max(EM.map.getZoom(), 12), {animate: false});
        var ll = EM.pos ? EM.pos(i) : c0;
        L.popup({maxWidth: 360}).setLatLng(ll).setContent(EM.popup(i)).openOn(EM.map);
      }
    }
    window.emWindowApplied = (window.emWindowApplied || 0) + 1;
  };
  if (EM.map && !EM.fillFrame) {
    // the dashboard sizes the map's frame to the browser window (CSS): the map fills whatever it is given
    EM.fillFrame = true;
    for (var n = EM.map.getContainer(); n && n !== document.body; n = n.parentElement) n.style.height = '100vh';
    EM.map.invalidateSize({animate: false});
  }
  if (EM.map && !EM.compactCss) {
    // a dashboard column is narrower than an exported page: a smaller legend keeps markers visible
    EM.compactCss = true;
    var css = document.createElement('style');
    css.textContent = '.em-compact .em-legend { font-size: 11px; line-height: 1.15; max-width: 200px; padding: 4px 6px; }' +
      ' .em-compact .em-legend .em-sep { margin-top: 2px; padding-top: 2px; }' +
      ' .em-compact blockquote.em-note { max-height: 4.8em; }';  // the details panel beside holds the whole sentence
    document.head.appendChild(css);
    var box = EM.map.getContainer();
    box.classList.toggle('em-compact', box.clientWidth < 760 || box.clientHeight < 420);
  }
  var prev = EM.onDataWant ? null : EM.onData;
  if (!EM.onDataWant) {
    EM.onDataWant = true;
    EM.onData = function(D){ if (prev) prev(D); EM.applyWant(); };
  }
  if (EM.D) EM.applyWant();
})();
""" % args


# --------------------------------------------------------------------------- tables and details

TABLE_COLUMNS = ("event_date", "event_type", "sub_event_type", "place", "admin1", "admin2", "actor1", "actor2",
                 "fatalities", "source", "number_of_sources", "resolution", "location", "event_id")


def table_frame(frame: pd.DataFrame, limit: int | None = 2000) -> pd.DataFrame:
    """The events table: readable columns, newest first, at most ``limit`` rows."""
    if frame is None or not len(frame):
        return pd.DataFrame(columns=list(TABLE_COLUMNS))
    if frame["event_date"].astype(str).is_monotonic_increasing:  # the store's order: newest rows at the end
        f = frame.iloc[::-1] if limit is None else frame.iloc[: -limit - 1: -1] if limit else frame.iloc[0:0]
    else:
        f = frame.sort_values(["event_date", "event_id"], ascending=[False, True])
        if limit is not None:
            f = f.head(limit)
    ar, en = f["place_name_ar"].astype(str), f["place_name_en"].astype(str)
    loc = f["location"].astype(str)
    # the grid draws left to right: each Arabic name is an isolate, so "Ar Rafid · الرفيد" keeps its order
    a_iso = [isolate_text(a) for a in ar]
    place = [(f"{e} · {a}" if a and e else (a or e or (f"({isolate_text(w)})" if w else "")))
             for a, e, w in zip(a_iso, en, loc)]
    if "resolution" in f:  # the table says what the map says: an approximate name is not located
        place = [f"{p} · approximate: not located" if r == "approximate" else p
                 for p, r in zip(place, f["resolution"].astype(str))]
    out = pd.DataFrame({c: f[c] for c in TABLE_COLUMNS if c in f.columns and c != "place"})
    out.insert(3, "place", place)
    if "location" in out:
        out["location"] = out["location"].astype(str).map(isolate_text)
    return out[list(TABLE_COLUMNS)].reset_index(drop=True)


def unresolved_table(frame: pd.DataFrame) -> pd.DataFrame:
    """The events without a place as the side panel lists them (newest first; names and sentences isolated)."""
    cols = ["location", "event_date", "notes"]
    if frame is None or not len(frame):
        return pd.DataFrame(columns=cols)
    f = frame[cols].iloc[::-1].copy()
    for c in ("location", "notes"):
        f[c] = f[c].astype(str).map(isolate_text)
    return f.reset_index(drop=True)


def unresolved_events(frame: pd.DataFrame) -> pd.DataFrame:
    """Events with no coordinates (listed beside the map, never drawn)."""
    if frame is None or not len(frame):
        return frame
    lat = pd.to_numeric(frame["latitude"], errors="coerce")
    lon = pd.to_numeric(frame["longitude"], errors="coerce")
    return frame[lat.isna() | lon.isna()]


def _row_get(row: Any, k: str) -> str:
    try:
        v = row[k]
    except (KeyError, IndexError, TypeError):
        v = getattr(row, k, "")
    if v is None or (isinstance(v, float) and v != v):
        return ""
    return str(v)


def details_html(row: Any) -> str:
    """The details panel of one event (a frame row, dict or ``Event``): every value escaped once."""
    from eventmap.views.map import highlight_html

    g = lambda k: _row_get(row, k)  # noqa: E731
    st = style_for(g("event_type"))
    place_ar, place_en = g("place_name_ar"), g("place_name_en")
    lines = [
        f'<div class="emd"><div class="emd-h"><b>{esc(g("event_date"))}</b> · '
        f'<span class="emd-type" style="border-color:{esc(st.color)}">{esc(g("event_type") or "Unknown")}</span>'
        + (f' — {esc(g("sub_event_type"))}' if g("sub_event_type") else "") + "</div>",
    ]
    # each name isolated (<bdi>): an Arabic name beside an English one keeps its place in the line
    pl = []
    if place_ar:
        pl.append(f'<bdi dir="rtl" lang="ar" class="emd-ar">{esc(place_ar)}</bdi>')
    if place_en:
        pl.append(f"<bdi>{esc(place_en)}</bdi>")
    res = g("resolution")
    approx = approx_html(g("geo_precision"), g("uncertainty_km"), res)
    if not pl:
        pl.append(f"<bdi>{esc(g('location'))}</bdi>" + ("" if approx else " <i>(place not resolved)</i>"))
    lines.append('<div class="emd-place">' + " · ".join(pl) + (f" {approx}" if approx else "") + "</div>")
    if g("location") and (place_ar or place_en) and g("location") not in (place_ar, place_en):
        lines.append(f'<div class="emd-small">as written: <bdi>{esc(g("location"))}</bdi></div>')
    units = [x for x in (g("admin3"), g("admin2"), g("admin1")) if x]
    adm = ", ".join(x for k, x in enumerate(units) if not k or x != units[k - 1])   # a unit named as its parent, once
    if adm:
        lines.append(f'<div class="emd-small">{isolate_html(adm)}</div>')
    if res and res != "resolved":
        # "approximate" is said once, by the badge beside the place (with its radius); the note says how it
        # was placed: for an approximate name, that it is not located and which known places it came from
        note = re.sub(r"^\s*(approximate|ambiguous)\s*:\s*", "", g("resolution_note"))
        if approx and res == "approximate":
            label = "not located" + ("; " if note else "")
        else:
            label = f"{esc(res)}" + (" — " if note else "")
        lines.append(f'<div class="emd-small emd-how">{label}{isolate_html(note)}</div>')
    if g("actor1") or g("actor2"):
        lines.append(f'<div class="emd-small">{esc(g("actor1") or "?")}'
                     + (f" ↔ {esc(g('actor2'))}" if g("actor2") else "") + "</div>")
    killed = fatalities_column(pd.Series([g("fatalities")], dtype=object)).iloc[0]
    if killed is not pd.NA:   # a number, or nothing: text in the column never reaches the page
        lines.append(f'<div class="emd-small emd-killed">killed: {esc(str(int(killed)))}</div>')
    notes = g("notes")
    if notes:
        from eventmap.text import has_arabic

        rtl = (g("language") or "").startswith("ar") or (not g("language") and has_arabic(notes))
        attrs = ' dir="rtl" lang="ar"' if rtl else ' dir="ltr"'
        lines.append(f'<blockquote class="emd-note"{attrs}>{highlight_html(notes, g("location"), g("evidence"))}'
                     "</blockquote>")
    n = g("number_of_sources") or "1"
    src = g("sources") or g("source")
    url = safe_url(g("source_url"))
    link = f' · <a href="{esc(url)}" target="_blank" rel="noopener noreferrer">link</a>' if url else ""
    lines.append(f'<div class="emd-small">{esc(n)} source(s)' + (f": {esc(src)}" if src else "") + f"{link}</div>")
    lines.append(f'<div class="emd-id">#{esc(g("event_id"))}</div></div>')
    return "".join(lines)


def approx_html(geo_precision: Any, uncertainty_km: Any, resolution: str = "") -> str:
    """``approximate ±2.5 km`` (or ``area`` for a place standing for a whole unit), as the map's popup says it."""
    try:
        gp = int(float(geo_precision or 1))
    except (TypeError, ValueError):
        gp = 1
    if gp < 2 and resolution != "approximate":
        return ""
    try:
        u = float(uncertainty_km or 0)
    except (TypeError, ValueError):
        u = 0.0
    word = "area" if gp >= 3 else "approximate"
    return f'<span class="emd-approx">{word}{f" ±{u:g} km" if u > 0 else ""}</span>'


DETAILS_CSS = """
<style>
.emd { border: 1px solid #d0d4d9; border-radius: 6px; padding: 8px 10px; background: #fbfbf8; font-size: 14px; }
.emd-type { border-left: 4px solid; padding-left: 4px; font-weight: 600; }
.emd-ar { font-size: 16px; }
.emd-small { color: #444; font-size: 13px; margin-top: 2px; }
.emd-killed { color: #8b1a1a; font-weight: 600; }
.emd-note { margin: 6px 0; padding: 4px 8px; background: #f3f1ea; border-inline-start: 3px solid #999; }
.emd-note[dir=rtl] { font-size: 16px; line-height: 1.7; text-align: right; }
.emd-note mark { background: #ffe270; }
.emd-id { font-size: 11px; color: #888; font-family: monospace; word-break: break-all; }
.emd-approx { font-size: 12px; color: #7a4b00; background: #fff3d6; padding: 0 4px; border-radius: 3px; white-space: nowrap; }
</style>
"""


def sentence_html(text: str, mark: Sequence[str] = ()) -> str:
    """One sentence from a report, escaped, right-to-left when Arabic; the first of ``mark`` found in it
    is highlighted."""
    from eventmap.text import has_arabic

    d = ' dir="rtl" lang="ar" style="text-align:right"' if has_arabic(text or "") else ' dir="ltr"'
    text = text or ""
    hits = [(text.find(m), m) for m in mark if m and m in text]
    if not hits:
        return f"<div{d}>{esc(text)}</div>"
    i, m = min(hits)
    return f"<div{d}>{esc(text[:i])}<mark>{esc(m)}</mark>{esc(text[i + len(m):])}</div>"


# --------------------------------------------------------------------------- ingest preview and fixes


def get_extractor() -> Callable[..., list[Event]] | None:
    try:
        from eventmap.events.extract import extract_events
    except ImportError:
        return None
    return extract_events


#: the files the ingest page takes (``.jsonl``: one report per line)
UPLOAD_SUFFIXES = (".txt", ".html", ".htm", ".jsonl")


def check_upload_type(name: str) -> str:
    """The file's suffix when the ingest page reads it; ``ValueError`` (what to use instead) otherwise."""
    suffix = Path(name).suffix.lower()
    if suffix not in UPLOAD_SUFFIXES:
        raise ValueError(f"{name}: unsupported file type {suffix or '(none)'}; use .txt, .html or .jsonl")
    return suffix


def read_upload(name: str, data: bytes, published: str, source: str = "", url: str = "",
                title: str = "", errors: list[str] | None = None) -> list[Report]:
    """Reports from one uploaded file: ``.txt``/``.html`` give one, ``.jsonl`` one per line.

    JSON lines are read by the same reader as ``eventmap ingest`` (each line judged alone).  With
    ``errors`` a bad line is added there and the other lines are kept; without it the first bad
    line raises ``ValueError``.
    """
    from eventmap.events.reader import jsonl_lines, read_report

    if check_upload_type(name) == ".jsonl":
        out = []
        for n, line, warns in jsonl_lines(data, name):
            try:
                out.append(_upload_line(f"{name}:{n}", line, warns, published, source, url))
            except ValueError as exc:
                if errors is None:
                    raise
                errors.append(str(exc))
        return out
    return [read_report(data, published=published, title=title, source=source, url=url)]


def _upload_line(where: str, line: str | Exception, warnings: list[str], published: str, source: str,
                 url: str) -> Report:
    """One JSON line of an upload -> Report; ValueError ``"file:line: why"`` for a line that is not one."""
    from eventmap.events.reader import make_report

    text = line if isinstance(line, str) else None
    if text is None:  # bytes that are not text: this line only
        raise ValueError(f"{where}: {line}")
    try:
        d = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"{where}: invalid JSON ({exc.msg})") from None
    body = d.get("text") if isinstance(d, dict) else None
    if not isinstance(body, str):
        raise ValueError(f"{where}: each line needs a JSON object with a 'text' string")
    if not (d.get("published") or published):
        raise ValueError(f"{where}: no publication date: give the line a 'published' field or type the date "
                         "in 'Publication date' (it is never assumed to be today)")
    try:
        return make_report(body, str(d.get("published") or published), title=str(d.get("title") or ""),
                           source=str(d.get("source") or source), url=str(d.get("url") or url), warnings=warnings)
    except ValueError as exc:
        raise ValueError(f"{where}: {exc}") from None


def report_from_text(text: str, published: str, source: str = "", url: str = "", title: str = "") -> Report:
    from eventmap.events.reader import read_report

    return read_report(text, published=published, title=title, source=source, url=url)


def extract(report: Report, extractor: Callable[..., list[Event]] | None = None) -> list[Event]:
    fn = extractor or get_extractor()
    if fn is None:
        raise RuntimeError("the extractor (eventmap.events.extract) is not installed")
    return list(fn(report.text, report.published, source=report.source, url=report.url, title=report.title))


def preview_frame(events: Sequence[Event]) -> pd.DataFrame:
    return events_frame(events)


@dataclass
class Fix:
    """What the analyst changed about one previewed event before saving."""

    drop: bool = False
    place_id: str = ""                      # one of the event's alternatives
    lat: float | None = None                # typed or clicked coordinates (unresolved name)
    lon: float | None = None
    event_type: str = ""
    sub_event_type: str = ""
    event_date: str = ""
    extra: dict = field(default_factory=dict)

    def empty(self) -> bool:
        return not (self.drop or self.place_id or self.lat is not None or self.event_type or self.event_date)


def corrections_for(event: Event, fix: Fix, author: str, reason: str = "ingest preview") -> list:
    """Store corrections saying ``fix`` about ``event`` (empty when nothing changed)."""
    from eventmap.store import Correction

    out = []
    if fix.drop:
        return [Correction(kind="false_positive", event_id=event.event_id, author=author, reason=reason)]
    if fix.place_id and fix.place_id != (event.place_id or ""):
        alt = next((a for a in event.alternatives if a.get("id") == fix.place_id), None)
        payload = {}
        if alt is not None:
            payload = {"place_id": alt.get("id"), "place_name_ar": alt.get("name_ar", ""),
                       "place_name_en": alt.get("name_en", ""), "admin1": alt.get("admin1", ""),
                       "admin2": alt.get("admin2", ""), "admin3": alt.get("admin3", ""),
                       "lat": alt.get("lat"), "lon": alt.get("lon")}
        out.append(Correction(kind="repin_place", event_id=event.event_id, author=author, reason=reason,
                              place_id=fix.place_id, payload=payload))
    elif fix.lat is not None and fix.lon is not None:
        out.append(Correction(kind="repin_coords", event_id=event.event_id, author=author, reason=reason,
                              lat=float(fix.lat), lon=float(fix.lon)))
    if fix.event_type and fix.event_type != event.event_type:
        out.append(Correction(kind="set_type", event_id=event.event_id, author=author, reason=reason,
                              event_type=fix.event_type, sub_event_type=fix.sub_event_type))
    if fix.event_date and fix.event_date != event.event_date:
        out.append(Correction(kind="set_date", event_id=event.event_id, author=author, reason=reason,
                              event_date=fix.event_date))
    return out


def save_preview(store, report: Report, events: Sequence[Event], fixes: dict[str, Fix], author: str) -> dict:
    """Ingest ``report`` with its events, then add the analyst's corrections (one batch). Returns a summary.

    A report already in the store keeps its events, and the fixes still apply to them (matched by id, or
    by the place name and its offsets when a newer extractor named them differently); a fix already
    made is not made twice."""
    author = (author or "").strip()
    if any(not f.empty() for f in fixes.values()) and not author:
        raise ValueError("corrections need the author's name")
    res = store.ingest(report, list(events))
    todo = []
    stored = _stored_ids(store, res.report_id, events)
    for e in events:
        f = fixes.get(e.event_id)
        sid = stored.get(e.event_id)
        if f is None or f.empty() or sid is None:
            continue
        done = {_same(c) for c in store.corrections(status="active", event_id=sid)}
        for c in corrections_for(e, f, author):
            c = replace(c, event_id=sid)
            if _same(c) not in done:
                todo.append(c)
    made = store.add_corrections(todo) if todo else []
    return {"status": res.status, "events": res.events, "corrections": len(made), "unresolved": list(res.unresolved),
            "report_id": res.report_id, "batch": made[0].batch if made else ""}


def _same(c) -> tuple:  # noqa: ANN001 - a Correction: what it changes, not who or when
    return (c.kind, c.place_id, c.lat, c.lon, c.event_type, c.sub_event_type, c.event_date, c.actor1, c.actor2,
            c.into_event_id)


def _stored_ids(store, report_id: str, events: Sequence[Event]) -> dict[str, str]:  # noqa: ANN001
    """Previewed event id -> the stored event it is (same id, else same name as written at the same offsets)."""
    ids = store.report_events(report_id)
    have = set(ids)
    by_key: dict[tuple, str] = {}
    for eid in ids:
        ev = store.get_event(eid)
        if ev is not None:
            by_key.setdefault((ev.location, ev.evidence.mention_start, ev.evidence.mention_end), eid)
    out = {}
    for e in events:
        if e.event_id in have:
            out[e.event_id] = e.event_id
        elif (e.location, e.evidence.mention_start, e.evidence.mention_end) in by_key:
            out[e.event_id] = by_key[(e.location, e.evidence.mention_start, e.evidence.mention_end)]
    return out


def pin_name(store, name: str, lat: float, lon: float, author: str, reason: str = "", variants: Sequence[str] = (),
             everywhere: bool = False):  # noqa: ANN201 - an eventmap.store.analyst.PinResult
    """Pin a name in the store: every stored event naming it (in that area) is re-resolved at once, and the
    extractor finds it in future reports (``store.extractor()``). Raises ``ValueError`` for bad input."""
    return store.pin((name or "").strip(), float(lat), float(lon), author=(author or "").strip(), reason=reason,
                     variants=[v for v in variants if v and v.strip()], everywhere=everywhere)


def split_spellings(text: str) -> list[str]:
    """"al-Muhayr; Al Muhayyir، المهيّر" -> the spellings (separated by ; , ، | or new lines)."""
    return [p.strip() for p in re.split(r"[;,،|\n]+", text or "") if p.strip()]


def parse_coords(text: str) -> tuple[float, float]:
    """``"32.95, 35.90"`` (lat, lon) -> floats; raises ``ValueError`` with a readable message."""
    s = (text or "").replace("،", ",").replace(";", ",").strip()
    parts = [p for p in s.replace(",", " ").split() if p]
    if len(parts) != 2:
        raise ValueError("type coordinates as: latitude, longitude (e.g. 32.9557, 35.9002)")
    lat, lon = float(parts[0]), float(parts[1])
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"coordinates out of range: {lat}, {lon}")
    return lat, lon


# --------------------------------------------------------------------------- exports


MIME = {"html": "text/html", "png": "image/png", "geojson": "application/geo+json", "csv": "text/csv",
        "gpkg": "application/geopackage+sqlite3", "kml": "application/vnd.google-earth.kml+xml"}


def export_bytes(frame: pd.DataFrame, fmt: str, filters: dict | None = None, since: str | None = None,
                 until: str | None = None, **options: Any) -> tuple[bytes, str, str]:
    """The view exported as ``fmt``: ``(data, file name, mime type)``; every download carries the
    filters and the time window (a CSV as a ZIP with its ``.meta.json``, ``exports.download_bytes``)."""
    from eventmap.exports import ExportMeta, download_bytes, export

    meta = ExportMeta(filters=dict(filters or {}), since=since, until=until)
    if fmt in ("html", "png"):  # rendered through folium: see defuse_templates
        frame = defuse_templates(frame)
    stamp = f"{since or 'start'}_{until or 'end'}"
    name = f"eventmap_{stamp}.{fmt}"
    with tempfile.TemporaryDirectory(prefix="eventmap-export-") as d:
        p = export(frame, fmt, Path(d) / name, meta, **options)
        return download_bytes(p, fmt)


# --------------------------------------------------------------------------- reference layers


def _brace_free(html: str) -> str:
    return html.replace("{", "&#123;").replace("}", "&#125;")


def reference_script(df: pd.DataFrame, kind: str, limit: int = 5000) -> str:
    """JavaScript drawing a reference layer (ACLED/UCDP rows) as small grey diamonds with escaped
    tooltips; rows without coordinates are skipped (no point is invented)."""
    rows = []
    if df is not None and len(df):
        ok = pd.to_numeric(df["latitude"], errors="coerce").notna() & \
            pd.to_numeric(df["longitude"], errors="coerce").notna()
        for _, r in df[ok].head(limit).iterrows():
            tip = (f"<b>{esc(kind.upper())}</b> {esc(r.get('event_date'))} · {esc(r.get('event_type'))}"
                   f"<br>{esc(r.get('location'))} · {esc(r.get('actor1'))}"
                   + (f" ↔ {esc(r.get('actor2'))}" if r.get("actor2") else ""))
            rows.append([round(float(r["latitude"]), 5), round(float(r["longitude"]), 5), _brace_free(tip)])
    return """
(function(){
  var EM = window.EM = window.EM || {}; var map = EM.map; if (!map) return;
  EM.refLayers = EM.refLayers || {};
  var kind = %s, rows = %s;
  if (EM.refLayers[kind]) map.removeLayer(EM.refLayers[kind]);
  var g = L.featureGroup();
  rows.forEach(function(r){
    L.circleMarker([r[0], r[1]], {radius: 4, color: '#222', weight: 1, fillColor: '#9e9e9e', fillOpacity: 0.75})
      .bindTooltip(r[2]).addTo(g);
  });
  g.addTo(map); EM.refLayers[kind] = g; window.emReference = (window.emReference || 0) + rows.length;
})();
""" % (js_safe_json(kind), js_safe_json(rows))


class ScriptElement:
    """Factory for a folium element that only runs ``js`` in the map (class built lazily: folium import)."""

    def __new__(cls, js: str):
        from branca.element import MacroElement
        from jinja2 import Template

        class _Script(MacroElement):
            _template = Template("{% macro script(this, kwargs) %}{{ this.js }}{% endmacro %}")

            def __init__(self, code: str) -> None:
                super().__init__()
                self._name = "EventmapScript"
                self.js = code

        if _TEMPLATE_START_RE.search(js):
            raise ValueError("script text would be read as a Jinja template")
        return _Script(js)


def window_group(since: str | None, until: str | None, event_id: str | None = None,
                 references: dict[str, pd.DataFrame] | None = None):
    """The folium FeatureGroup handed to ``st_folium(feature_group_to_add=...)``: it applies the time
    window (and the open event) inside the map already drawn, and draws reference layers."""
    import folium

    fg = folium.FeatureGroup(name="window", control=False)
    fg.add_child(ScriptElement(range_script(since, until, event_id)))
    for kind, df in (references or {}).items():
        fg.add_child(ScriptElement(reference_script(window(df, since, until), kind)))
    return fg


def has_reference(store, kind: str) -> bool:
    try:
        return len(store.reference_layer(kind)) > 0
    except Exception:  # noqa: BLE001 - an older store without reference tables
        return False


def data_token(store) -> tuple:
    """Cheap fingerprint of the store's contents (cache key): the store's change counter (bumped by every
    write, undo included, in any process), rows stored, corrections, analyst places."""
    from eventmap.store import EventFilter

    n = store.count_stored(EventFilter(include_hidden=True))
    corr = store.corrections()
    return (store.data_version(), n, len(corr), corr[-1].created_at if corr else "", len(store.analyst_places()))


def split_alternatives(value: Any) -> list[dict]:
    """The ``alternatives`` field (tuple of dicts or a JSON string) as a list of dicts."""
    if isinstance(value, str):
        try:
            value = json.loads(value or "[]")
        except json.JSONDecodeError:
            return []
    return [dict(a) for a in (value or ()) if isinstance(a, dict)]


def place_label(a: dict) -> str:
    """``الرفيد · Ar Rafid (Quneitra) 32.9557, 35.9002`` for a choice list (plain text, not HTML)."""
    names = " · ".join(x for x in (a.get("name_ar"), a.get("name_en")) if x)
    adm = a.get("admin1") or ""
    lat, lon = a.get("lat"), a.get("lon")
    co = f" {float(lat):.4f}, {float(lon):.4f}" if lat is not None and lon is not None else ""
    return f"{names}{f' ({adm})' if adm else ''}{co}"


def as_iterable(v: Iterable | None) -> list:
    return list(v or [])


# --------------------------------------------------------------------------- control: what changed hands
CHANGES_CONFIG = {"date": "date", "place": "place", "change": "from → to", "how": "how",
                  "sources": "outlets", "reports": "reports", "sentence": "what the report says"}


def changes_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Change rows (``eventmap.control.tables.change_rows``) as the dashboard's table (plain text cells:
    st.dataframe shows them as text, never as HTML or Markdown)."""
    from eventmap.control.model import HOLDER_LABELS

    def label(h: str) -> str:
        return HOLDER_LABELS.get(h, h)

    out = []
    for r in rows:
        to = label(r["holder"]) if r["holder"] != "contested" else \
            "contested: " + " vs ".join(label(h) for h in r["contenders"])
        how = ", ".join(r["how"]) + (f" (from {', '.join(label(h) for h in r['taken_from'])})" if r["taken_from"] else "")
        place = r["name_en"] or r["location"]
        if r["location"] and r["location"] != place:
            place += f" · {r['location']}"
        out.append({"date": r["date"], "place": clean_text(place), "change": f"{label(r['previous'])} → {to}",
                    "how": how, "sources": clean_text(", ".join(r["sources"])), "reports": len(r["report_ids"]),
                    "sentence": clean_text((r["evidence"] or [""])[0])})
    return pd.DataFrame(out, columns=list(CHANGES_CONFIG))
