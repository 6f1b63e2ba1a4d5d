"""What the dashboard's correction widgets need, without Streamlit: the details panel's form turned into
store corrections, an event's correction history, merge candidates, and the Unresolved page's map overlay
(estimate, ring of known places, suggestions, the clicked point) and texts.

Every report string that reaches HTML or a map script goes through ``escape.esc`` once, here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from eventmap.views.bidi import isolate_html
from eventmap.views.escape import esc, js_safe_json


_KIND_WORDS = {"repin_place": "place", "repin_coords": "point", "set_type": "type", "set_date": "date",
               "set_actors": "actors", "false_positive": "not an event", "merge": "merged"}


def describe_correction(c: Any) -> str:
    """One line of plain text: "type → Battles / Armed clash", "point → 32.94, 35.905", "not an event"."""
    k = c.kind
    if k == "set_type":
        v = c.event_type + (f" / {c.sub_event_type}" if c.sub_event_type else "")
    elif k == "set_date":
        v = c.event_date
    elif k == "repin_coords":
        v = f"{c.lat:.5f}, {c.lon:.5f}"
    elif k == "repin_place":
        p = c.payload or {}
        v = " · ".join(x for x in (p.get("place_name_ar"), p.get("place_name_en")) if x) or c.place_id
    elif k == "set_actors":
        v = " / ".join(x if x is not None else "(unchanged)" for x in (c.actor1, c.actor2))
    elif k == "merge":
        v = f"into #{c.into_event_id}"
    else:
        v = ""
    return f"{_KIND_WORDS.get(k, k)}" + (f" → {v}" if v else "")


def history_rows(corrections: Sequence[Any]) -> list[dict[str, Any]]:
    """An event's corrections grouped by batch, newest first: what, who, when, why, and whether it can be undone."""
    groups: dict[str, dict[str, Any]] = {}
    for c in corrections:
        b = c.batch or f"#{c.correction_id}"
        g = groups.setdefault(b, {"batch": c.batch, "what": [], "author": c.author, "when": c.created_at,
                                  "reason": c.reason, "status": c.status, "pin": c.batch.startswith("pin:")})
        g["what"].append(describe_correction(c))
        if c.status in ("active", "stale"):
            g["status"] = c.status
    rows = sorted(groups.values(), key=lambda g: g["when"], reverse=True)
    for g in rows:
        g["what"] = "; ".join(g["what"])
        g["undoable"] = bool(g["batch"]) and g["status"] in ("active", "stale")
    return rows


# --------------------------------------------------------------------------- the Unresolved page

def where_text(admin: dict[str, str]) -> str:
    """"Al-Khashniyyeh sub-district (الخشنية), Quneitra district, Quneitra" for a point's OCHA units."""
    if not admin or not admin.get("admin3"):
        return "outside the OCHA sub-districts"
    ar = f" ({admin['admin3_ar']})" if admin.get("admin3_ar") else ""
    parts = [f"{admin['admin3']} sub-district{ar}", f"{admin['admin2']} district" if admin.get("admin2") else "",
             admin.get("admin1", "")]
    return ", ".join(p for p in parts if p)


def estimate_html(text: str) -> str:
    """The queue's "now: ..." line as a small highlighted block (escaped)."""
    return ('<div style="font-size:13px;color:#5a3800;background:#fff8e6;border-inline-start:3px solid #d9a441;'
            f'padding:2px 6px;margin:2px 0 6px 0">{isolate_html("now: " + (text or ""))}</div>')


def queue_labels(queue: pd.DataFrame) -> list[str]:
    """One line per name for the page's list (Markdown-escaped, for a widget label; the name isolated so
    Arabic does not reorder it):
    "المهير — approximate: not located · 2 events · Quneitra" (with the name between U+2068 and U+2069)."""
    from eventmap.views.escape import md

    now = {"approximate": "approximate: not located", "unresolved": "unresolved: not on the map",
           "ambiguous": "ambiguous: a namesake chosen"}
    out = []
    for name, st, n, area in zip(queue["name"], queue["status"], queue["count"], queue["area"]):
        out.append(f"\u2068{md(name)}\u2069 — {now.get(st, st)} · {int(n)} event{'s' if int(n) != 1 else ''}"
                   + (f" · {md(area)}" if area else ""))
    return out


def suggestion_label(s: dict[str, Any]) -> str:
    names = " · ".join(x for x in (s.get("name_ar"), s.get("name_en")) if x)
    far = f", {s['km']:.0f} km from the estimate" if s.get("km") is not None else ""
    return f"{names} ({s.get('admin1') or '?'}){far}"


def pin_overlay_script(row: dict[str, Any] | None, point: tuple[float, float] | None) -> str:
    """JavaScript drawn in the Unresolved page's map: the name's current estimate (with its uncertainty
    circle, labelled "now: approximate: not located"), its suggestions (grey), and the clicked point (red).
    Only numbers and escaped, brace-free strings reach the script."""
    est, sug = None, []
    if row is not None and row.get("latitude") is not None:
        est = [float(row["latitude"]), float(row["longitude"]), float(row.get("uncertainty_km") or 0.0),
               esc(f"now: {row.get('estimate', '')}")]
    for s in (row or {}).get("suggestions") or []:
        if s.get("lat") is not None:
            sug.append([float(s["lat"]), float(s["lon"]), esc("suggestion: " + suggestion_label(s))])
    pt = [float(point[0]), float(point[1])] if point else None
    return """
(function(){
  var EM = window.EM = window.EM || {}; var map = EM.map; if (!map) return;
  var est = __EST__, sug = __SUG__, pt = __PT__;
  if (EM.pinLayer) map.removeLayer(EM.pinLayer);
  var lg = map.getContainer().querySelector('.em-legend'); if (lg) lg.style.display = 'none';  // no events here
  var g = L.featureGroup();
  if (est){
    if (est[2] > 0) L.circle([est[0], est[1]], {radius: est[2] * 1000, color: '#7a4b00', weight: 1, dashArray: '4,4',
      fillColor: '#e0b050', fillOpacity: 0.08, interactive: false}).addTo(g);
    L.circleMarker([est[0], est[1]], {radius: 7, color: '#7a4b00', weight: 2, dashArray: '3,2', fill: false})
      .bindTooltip(est[3], {direction: 'top'}).addTo(g);
  }
  sug.forEach(function(s){ L.circleMarker([s[0], s[1]], {radius: 5, color: '#333', weight: 1, fillColor: '#9e9e9e',
    fillOpacity: 0.9}).bindTooltip(s[2]).addTo(g); });
  if (pt) L.circleMarker(pt, {radius: 9, color: '#c00000', weight: 3, fillColor: '#ff4040', fillOpacity: 0.35,
    interactive: false}).addTo(g);
  g.addTo(map); EM.pinLayer = g; window.emPinOverlay = (window.emPinOverlay || 0) + 1;
})();
""".replace("__EST__", js_safe_json(est)).replace("__SUG__", js_safe_json(sug)).replace("__PT__", js_safe_json(pt))
