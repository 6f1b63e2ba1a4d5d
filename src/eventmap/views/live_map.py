"""The dashboard's live map: scripts that act inside the map frame already drawn, so moving the time window
or opening an event never rebuilds or re-sends the map.

* ``range_script``: installed in the map frame, shows only the events of the window (``EM.applyWant``);
* ``bridge_script``: a ``<script>`` for the page that hands a new window to that frame;
* ``reference_script`` / ``window_group``: reference layers (ACLED/UCDP) and the window as a folium
  FeatureGroup for ``st_folium(feature_group_to_add=...)``;
* ``defuse_templates``: report text made safe for branca's Jinja compile;
* ``dashboard_layer``: the events' half of the dashboard's map (``views.map_payload.events_layer``), as the page and the
  helper that reads its events ahead (``ui.prefetch``) both make it.

Only ISO dates, JSON-encoded ids and escaped strings reach a script.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import TYPE_CHECKING

import pandas as pd

from eventmap.views.escape import esc, js_safe_json
from eventmap.views.timeline import window

if TYPE_CHECKING:
    from branca.element import MacroElement

    from eventmap.views.map_payload import EventsLayer

#: what an event id may look like in a URL or a script (ids are hashes)
EVENT_ID_RE = re.compile(r"^[A-Za-z0-9:_.\-]{1,80}$")
#: "{{", "{%", "{#" start Jinja syntax: folium/branca compile every element's rendered script as a template
_TEMPLATE_START_RE = re.compile(r"\{(?=[{%#])")
_TEXT_COLUMNS = ("notes", "location", "place_name_ar", "place_name_en", "admin1", "admin2", "admin3", "actor1",
                 "actor2", "source", "sources", "source_url", "sub_event_type", "event_type", "event_id",
                 "evidence", "resolution_note")


def _column_text(col: pd.Series) -> str:
    """A text column's values joined by NUL (missing values as "")."""
    vals = col.to_numpy(dtype=object, na_value="")
    try:
        return "\x00".join(vals)
    except TypeError:  # a number or other object among the strings
        return "\x00".join(map(str, vals))


def _may_hold_template(col: pd.Series) -> bool:
    """Whether some value of a text column holds "{{", "{%" or "{#"."""
    if isinstance(col.dtype, pd.StringDtype) and col.dtype.storage in ("pyarrow", "pyarrow_numpy"):
        # arrow scans the column in C, with no Python string per row; the regex only where a brace is
        return bool(col.str.contains("{", regex=False, na=False).any()) and \
            bool(col.str.contains(r"\{[{%#]", regex=True, na=False).any())
    return bool(_TEMPLATE_START_RE.search(_column_text(col)))


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
        if not _may_hold_template(frame[col]):
            continue  # the common case: one C-level search of the column, no regex per row
        v = frame[col].astype(str)
        hit = v.str.contains(_TEMPLATE_START_RE, regex=True, na=False)
        if hit.any():
            out = frame.copy() if out is None else out
            out.loc[hit, col] = v[hit].str.replace(_TEMPLATE_START_RE, "{\u200b", regex=True)
    return frame if out is None else out


def dashboard_layer(frame: pd.DataFrame | None, bins=None) -> EventsLayer:
    """The dashboard map's events layer (``build_map(layer=...)``): ``frame``'s events, their report text defused
    (:func:`defuse_templates`), or, for a store too large to draw event by event, ``bins``' places (``frame`` not
    read, may be ``None``)."""
    from eventmap.views.map_payload import events_layer   # not views.map: no folium in the prefetch helper

    return events_layer(frame if bins is not None else defuse_templates(frame), bins=bins)


def _counts_columns(counts: dict) -> dict[str, list[int]]:
    """A binned map's window counts (``PointDayBins.window_counts``) as the script reads them: four columns of
    integers of one length (anything else is refused, never passed on)."""
    cols = {k: [int(x) for x in counts[k]] for k in ("p", "t", "c", "a")}
    if len({len(v) for v in cols.values()}) != 1:
        raise ValueError("window counts: columns of different lengths")
    return cols


def _want_json(since: str | None, until: str | None, event_id: str | None, fit: bool = True,
               at: tuple[float, float] | None = None, counts: dict | None = None) -> str:
    def iso(s: str | None) -> str:
        if not s:
            return ""
        return _dt.date.fromisoformat(str(s).strip()).isoformat()  # ValueError for anything but a date

    ev = event_id or ""
    if ev and not EVENT_ID_RE.match(ev):
        ev = ""  # event ids are hashes; anything else never reaches a script
    want: dict = {"lo": iso(since), "hi": iso(until), "ev": ev, "fit": bool(fit)}
    if ev and at is not None:  # the open event's point, for a map that draws places, not events (views.bins)
        lat, lon = float(at[0]), float(at[1])
        if -90 <= lat <= 90 and -180 <= lon <= 180:
            want["at"] = [round(lat, 6), round(lon, 6)]
    if counts is not None:  # a binned map: the window's counts per place and type, summed on the server
        want["b"] = _counts_columns(counts)
    return js_safe_json(want)


def bridge_script(since: str | None, until: str | None, event_id: str | None = None, fit: bool = True,
                  at: tuple[float, float] | None = None, counts: dict | None = None) -> str:
    """A ``<script>`` for the dashboard page: hands the window to the map frame already drawn
    (``range_script`` installed ``EM.applyWant`` there), so the map is neither rebuilt nor re-sent.
    ``fit``: frame the window's events after the change (not while the window plays); ``at``: the open
    event's point, centred on a map that draws places with counts instead of events (``views.bins``);
    ``counts``: that map's counts for the window (``PointDayBins.window_counts``), which it draws."""
    return """<script>
(function(){
  var want = __WANT__;
  var frames = document.querySelectorAll('iframe[title="streamlit_folium.st_folium"]');
  for (var k = 0; k < frames.length; k++) {
    var w = frames[k].contentWindow;
    if (!w || !w.EM || !w.EM.applyWant) continue;
    w.EM.want = want;
    w.EM.applyWant();
  }
})();
</script>""".replace("__WANT__", _want_json(since, until, event_id, fit, at, counts))


def range_script(since: str | None, until: str | None, event_id: str | None = None,
                 at: tuple[float, float] | None = None, counts: dict | None = None) -> str:
    """JavaScript run inside the map frame: show only events in [since, until]; open ``event_id`` (centre ``at``,
    its point, on a binned map, where events are not drawn one by one). A binned map draws ``counts``, the
    window's (``PointDayBins.window_counts``).

    It works before the map's data is decoded (it waits for ``EM.onData``) and after.
    Only ISO dates, numbers and a JSON-encoded id reach the script.
    """
    args = _want_json(since, until, event_id, True, at, counts)
    return """
(function(){
  var EM = window.EM = window.EM || {};
  EM.want = __WANT__;
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
      } else if (i < 0 && w.at && EM.map) {
        EM.map.setView(w.at, Math.max(EM.map.getZoom(), 12), {animate: false});   // a binned map: its place
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
""".replace("__WANT__", args)




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
            rows.append([round(float(r["latitude"]), 5), round(float(r["longitude"]), 5), tip])
    return """
(function(){
  var EM = window.EM = window.EM || {}; var map = EM.map; if (!map) return;
  EM.refLayers = EM.refLayers || {};
  var kind = __KIND__, rows = __ROWS__;
  if (EM.refLayers[kind]) map.removeLayer(EM.refLayers[kind]);
  var g = L.featureGroup();
  rows.forEach(function(r){
    L.circleMarker([r[0], r[1]], {radius: 4, color: '#222', weight: 1, fillColor: '#9e9e9e', fillOpacity: 0.75})
      .bindTooltip(r[2]).addTo(g);
  });
  g.addTo(map); EM.refLayers[kind] = g; window.emReference = (window.emReference || 0) + rows.length;
})();
""".replace("__KIND__", js_safe_json(kind)).replace("__ROWS__", js_safe_json(rows))


def script_element(js: str) -> MacroElement:
    """A folium element that only runs ``js`` in the map (branca imported here: folium is slow to import)."""
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
                 references: dict[str, pd.DataFrame] | None = None, at: tuple[float, float] | None = None,
                 counts: dict | None = None):
    """The folium FeatureGroup handed to ``st_folium(feature_group_to_add=...)``: it applies the time
    window (and the open event; a binned map's ``counts`` for it) inside the map already drawn, and draws
    reference layers."""
    import folium

    fg = folium.FeatureGroup(name="window", control=False)
    fg.add_child(script_element(range_script(since, until, event_id, at, counts)))
    for kind, df in (references or {}).items():
        fg.add_child(script_element(reference_script(window(df, since, until), kind)))
    return fg

