"""The control layer on the map: places coloured by who holds them on the last day of the time window.

The places, their changes of holder and the text of each change (escaped here, once) travel to the
browser as one JSON payload; the script recolours the places whenever the map's window changes
(``EM.showRange``: the dashboard's slider through ``EM.want``, the exported page's day slider), so
moving the window never rebuilds the map. A legend says which day is shown and counts the places
per holder. Places that share one point (villages placed at an estimate) sit on a small ring around
it, each one visible, dashed as approximate.
"""

from __future__ import annotations

import math
from typing import Any

from folium.map import Layer
from jinja2 import Template

from eventmap.control.model import CONTESTED, HOLDER_LABELS, HOLDERS, Change, ControlModel, PlaceControl
from eventmap.views.escape import esc, esc_many, js_safe_json, safe_url
from eventmap.views.payload import encode_payload
from eventmap.views.safe_render import SafeRender

#: holder -> fill colour (government red, opposition green, Nusra/HTS brown, ISIS black, Israel blue,
#: unknown grey, contested amber with a dashed ring), as conflict maps of Syria usually draw them
HOLDER_COLORS: dict[str, str] = {
    "government": "#b2182b", "opposition": "#1b7837", "nusra": "#8c510a", "isis": "#111111",
    "israel": "#2166ac", "unknown": "#9e9e9e", CONTESTED: "#f9a825",
}
ORDER: tuple[str, ...] = (*HOLDERS, CONTESTED)

_CSS = """
.em-ctl-legend .em-sw { display: inline-block; width: 9px; height: 9px; border-radius: 50%; border: 3px solid;
  vertical-align: -2px; margin-right: 5px; }
.em-ctl-legend .em-ctl-day { font-variant-numeric: tabular-nums; }
.em-ctl-legend .em-n { color: #555; margin-left: 4px; }
.em-ctl-legend .em-ctl-hint { color: #555; font-size: 11px; margin-top: 2px; }
.em-ctl-tip b { font-weight: 600; }
.em-ctl-pop .em-q { color: #333; margin: 3px 0; font-size: 12px; }
"""


class ControlLayer(SafeRender, Layer):
    """Who holds each place, recoloured with the map's time window."""

    _template = Template("""
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = (function(map){
  var EM = window.EM, group = L.layerGroup();
  EM.css({{ this.css }});
  // the layer is filled once its payload is decoded (gzip+base64 when large: views.payload.encode_payload);
  // the events wait for it (EM.pending), to be drawn over its places
  var filled = EM.decode({{ this.data }}).then(function(C){
  EM.ctl = C; C.shown = {}; C.markers = {}; C.group = group;
  // each ring is drawn on the map's canvas, with the events' markers (a DOM marker per place cost the
  // browser seconds with a thousand places): a white halo under a coloured ring, and only the ring's stroke
  // answers the mouse, so the event marker in its hole stays clickable; a place set apart on our own ring
  // around an estimate is a filled disc that answers anywhere on it, drawn at its pixel offset
  var Ring = L.CircleMarker.extend({
    _project: function(){
      L.CircleMarker.prototype._project.call(this);
      var o = this.options.off;
      if (o[0] || o[1]){ this._point = this._point.add(o); this._updateBounds(); }
    },
    _updateBounds: function(){
      var w = this._radius + this.options.halo / 2 + this._clickTolerance();
      this._pxBounds = new L.Bounds(this._point.subtract([w, w]), this._point.add([w, w]));
    },
    _containsPoint: function(p){
      var d = p.distanceTo(this._point), t = this._clickTolerance();
      return this.options.solo ? d <= this._radius + t : Math.abs(d - this._radius) <= t;
    },
    _updatePath: function(){
      var rd = this._renderer, ctx = rd._ctx, p = this._point;
      if (!rd._drawing || this._empty()) return;
      ctx.beginPath(); ctx.arc(p.x, p.y, this._radius, 0, Math.PI * 2);
      ctx.globalAlpha = 1; ctx.lineWidth = this.options.halo; ctx.strokeStyle = '#fff';
      if (ctx.setLineDash) ctx.setLineDash([]);
      ctx.stroke();
      rd._updateCircle(this);
    }
  });
  C.look = function(m, p, solo){ // a ring (11 px) around the place's event marker, or a disc (7 px) set apart
    m._emSolo = solo;
    L.setOptions(m, {solo: solo, off: solo ? p.o : [0, 0], halo: solo ? 5.5 : 7, weight: solo ? 3 : 4.5,
                     fillOpacity: solo ? 0.85 : 0.12});
    if (m._renderer) m._renderer._updateStyle(m);
    m.setRadius(solo ? 7 : 11);
    if (m.getTooltip()) m.getTooltip().options.offset = [solo ? p.o[0] : 0, (solo ? p.o[1] : 0) - 6];
  };
  C.where = function(p){ // the slot the map gives the place's event on the ring of its estimate, if it draws one
    var D = EM.D;
    if (!D || !D.ag || !EM.pos || !p.e) return null;
    if (C.idxD !== D){ // which event of each place sits on a ring: found once per data, not on every zoom
      // (only the events on a ring: a hundred thousand ids took a tenth of a second to index)
      C.idx = {}; for (var i = 0; i < D.n; i++) if (D.ag[i] >= 0) C.idx[D.id[i]] = i;
      C.ringOf = {}; C.idxD = D;
    }
    var k = C.ringOf[p.k];
    if (k === undefined){
      k = -1;
      for (var j = 0; j < p.e.length; j++){ var kj = C.idx[p.e[j]]; if (kj !== undefined){ k = kj; break; } }
      C.ringOf[p.k] = k;
    }
    return k >= 0 ? EM.pos(k) : null;
  };
  C.place = function(){ // on the event's ring slot when the map draws one, else on the place (or our own ring)
    C.p.forEach(function(p){
      var m = C.markers[p.k], w = C.where(p), solo = !w && (p.o[0] !== 0 || p.o[1] !== 0);
      var to = w || [p.lat, p.lon], at = m.getLatLng();
      if (at.lat !== +to[0] || at.lng !== +to[1]) m.setLatLng(to);
      if (m._emSolo !== solo) C.look(m, p, solo);
    });
  };
  C.p.forEach(function(p){
    var m = new Ring([p.lat, p.lon], {color: C.color.unknown, fillColor: C.color.unknown, opacity: 1});
    m.em = p;
    m.bindTooltip(function(l){ var c = C.cur(l.em); return '<div class="em-ctl-tip">' + l.em.n + '<br>' + (c ? c[2] : C.unknownTip) + '</div>'; },
                  {direction: 'top', opacity: 0.95});
    m.bindPopup(function(l){ var c = C.cur(l.em); return '<div class="em-ctl-pop">' + l.em.n + '<br>' + (c ? c[3] : C.unknownTip) + '</div>'; },
                {maxWidth: 360});
    C.look(m, p, p.o[0] !== 0 || p.o[1] !== 0);   // its size, offset and tooltip's place (before it is drawn)
    C.markers[p.k] = m; group.addLayer(m);
  });
  C.cur = function(p){ var c = null; for (var j = 0; j < p.c.length && p.c[j][0] <= C.day; j++) c = p.c[j]; return c; };
  // one legend box: the holders go on top of the event types' legend, so the map's fit and its label
  // placement (which keep clear of '.em-legend') see both; a map with no legend gets one of its own
  var legend = L.control({position: 'bottomright'}), box = null;
  legend.onAdd = function(){
    var host = map.getContainer().querySelector('.em-legend');
    box = L.DomUtil.create('div', 'em-ctl-legend'); box.innerHTML = C.legend;
    if (host){ host.insertBefore(box, host.firstChild); box.style.marginBottom = '6px'; return L.DomUtil.create('div', 'em-ctl-anchor'); }
    var own = L.DomUtil.create('div', 'em-legend leaflet-control'); own.appendChild(box);
    L.DomEvent.disableClickPropagation(own); return own;
  };
  C.at = function(day){ // colour every place by its holder on ``day`` (ISO)
    C.day = day; var n = {};
    C.place();
    C.p.forEach(function(p){
      var c = C.cur(p), h = c ? C.H[c[1]][0] : 'unknown', m = C.markers[p.k];
      C.shown[p.k] = h; n[h] = (n[h] || 0) + 1;
      if (m._emH !== h){   // painted again only when its holder changed
        m._emH = h;
        m.setStyle({color: h === 'contested' ? '#8a5a00' : C.color[h], fillColor: C.color[h],
                    dashArray: h === 'contested' ? '4 2.5' : null});
      }
    });
    if (box){
      box.querySelector('.em-ctl-day').textContent = day;
      var rows = box.querySelectorAll('.em-row[data-h]');
      for (var r = 0; r < rows.length; r++){ var h = rows[r].getAttribute('data-h');
        rows[r].querySelector('.em-n').textContent = (n[h] || 0).toLocaleString('en');
        rows[r].style.display = n[h] ? '' : 'none'; }   // only the holders on the map that day
    }
    if (EM.onControl) EM.onControl(day, n);
    return n;
  };
  C.dayFor = function(a, b){ // the last day of the window shown: the dashboard's wanted window, else the slider's
    var D = EM.D, w = EM.want;
    if (w && w.hi) return w.hi;
    if (!D || !D.days.length) return C.end;
    var d = D.days[Math.max(0, Math.min(b, D.days.length - 1))];
    return (b >= D.days.length - 1 && C.end > d) ? C.end : d;
  };
  var show = EM.showRange;
  EM.showRange = function(a, b){ var r = show(a, b); C.at(C.dayFor(a, b)); return r; };
  map.on('overlayadd overlayremove', function(e){ if (e.layer === group && box) box.style.display = e.type === 'overlayadd' ? '' : 'none'; });
  {% if this.show %}legend.addTo(map);{% endif %}
  map.on('overlayadd', function(e){ if (e.layer === group && !box) legend.addTo(map); if (e.layer === group) C.at(C.day); });
  map.on('zoomend moveend viewreset', function(){ if (C.day) C.at(C.day); });   // ring slots move with the zoom
  // the events may be drawn already (their window shown): colour for it, else for the last day until they are
  C.at(EM.D && EM.range ? C.dayFor(EM.range[0], EM.range[1]) : C.end);
  });
  (EM.pending = EM.pending || []).push(filled);
  {% if this.show %}group.addTo(map);{% endif %}
  return group;
})({{ this._parent.get_name() }});
{% endmacro %}
""")

    def __init__(self, model: ControlModel, end: str, *, show: bool = True) -> None:
        super().__init__(name="Control · السيطرة", overlay=True, control=True, show=show)
        self._name = "Control"
        self.show = show
        self.data = encode_payload(control_payload(model, end))
        self.css = js_safe_json(_CSS)


def _ring(places: list[PlaceControl]) -> dict[str, tuple[int, int]]:
    """Pixel offsets so places sharing one point (an estimate) sit on a ring around it, none hidden."""
    at: dict[tuple[float, float], list[str]] = {}
    for p in places:
        at.setdefault((round(p.latitude or 0, 4), round(p.longitude or 0, 4)), []).append(p.key)
    out: dict[str, tuple[int, int]] = {}
    for keys in at.values():
        n = len(keys)
        r = 0.0 if n == 1 else max(11.0, 15.0 * n / (2 * math.pi))
        for i, k in enumerate(sorted(keys)):
            a = 2 * math.pi * i / n - math.pi / 2
            out[k] = (round(r * math.cos(a)), round(r * math.sin(a)))
    return out


def _name_html(p: PlaceControl) -> str:
    en = p.name_en or ""
    ar = p.name_ar or p.location
    parts = [f"<b>{esc(en)}</b>" if en else "", f'<b dir="rtl" lang="ar">{esc(ar)}</b>' if ar and ar != en else ""]
    head = " · ".join(x for x in parts if x)
    if p.resolution == "approximate":
        head += ' <i>(approximate place)</i>'
    return head


def _change_html(ch: Change, popup: bool, basis: dict[str, list[str]] | None = None) -> str:
    """A change as the tooltip (``popup=False``) or the popup tells it; ``basis``: ``ch.basis()`` if known."""
    label = HOLDER_LABELS[ch.holder]
    if ch.holder == CONTESTED:
        label += ": " + " vs ".join(HOLDER_LABELS[h] for h in ch.contenders)
    b = ch.basis() if basis is None else basis
    how = ", ".join(ch.how)
    taken = f" from {', '.join(HOLDER_LABELS.get(h, h) for h in ch.taken_from)}" if ch.taken_from else ""
    srcs = ", ".join(b["sources"]) or "no outlet named"
    text = (f"<b>{esc(label)}</b> since {esc(ch.date)}<br>{esc(how + taken)} · "
            f"{len(b['report_ids'])} report{'s' if len(b['report_ids']) != 1 else ''}: {esc(srcs)}")
    if not popup:
        return text
    quotes = list(dict.fromkeys(c.sentence for c in ch.claims if c.sentence))[:3]
    text += "".join(f'<div class="em-q" dir="auto">« {esc(q[:300])} »</div>' for q in quotes)
    links = [u for u in (safe_url(u) for u in b["urls"]) if u]
    text += "".join(f'<div><a href="{esc(u)}" target="_blank" rel="noopener noreferrer">{esc(u[:80])}</a></div>'
                    for u in links[:3])
    text += f'<div class="em-q">previously: {esc(HOLDER_LABELS.get(ch.previous, ch.previous))} · events: ' \
            f'{esc(", ".join(b["event_ids"][:6]))}</div>'
    return text


def control_payload(model: ControlModel, end: str) -> dict[str, Any]:
    """What the script needs: holders (code, label, colour), located places and their changes up to ``end``."""
    index = {h: i for i, h in enumerate(ORDER)}
    located = [p for p in model.places.values() if p.latitude is not None and p.longitude is not None]
    offsets = _ring(located)
    places = []
    for i, p in enumerate(sorted(located, key=lambda q: q.key)):
        chs, ids = [], []
        for c in p.changes:   # each change's basis worked out once, for its tooltip, its popup and the ids
            b = c.basis()
            if c.date <= end:
                chs.append([c.date, index[c.holder], _change_html(c, False, b), _change_html(c, True, b)])
            ids.extend(b["event_ids"])
        places.append({"i": i, "k": esc(p.key), "n": _name_html(p), "lat": p.latitude, "lon": p.longitude,
                       "ap": p.resolution == "approximate", "o": list(offsets[p.key]), "c": chs,
                       "e": esc_many(ids[-20:])})
    return {"H": [[h, HOLDER_LABELS[h]] for h in ORDER], "color": dict(HOLDER_COLORS), "p": places,
            "end": end, "day": end, "legend": legend_html(), "unknownTip": "<b>Unknown</b>: no report yet says who holds it"}


def legend_html() -> str:
    rows = "".join(
        f'<div class="em-row" data-h="{h}"><span class="em-sw" style="border-color:{HOLDER_COLORS[h]}"></span>'
        f'<span class="em-tn">{esc(HOLDER_LABELS[h])}</span><span class="em-n">0</span></div>' for h in ORDER)
    return ('<div class="em-legend-title">Control on <span class="em-ctl-day"></span></div>' + rows +
            '<div class="em-ctl-hint">ring: who holds the place that day, per the reports</div>')


__all__ = ["HOLDER_COLORS", "ControlLayer", "control_payload", "legend_html"]

