"""What the dashboard's correction widgets need, without Streamlit: the details panel's form turned into
store corrections, an event's correction history, merge candidates, and the Unresolved page's map overlay
(estimate, ring of known places, suggestions, the clicked point) and texts.

Every report string that reaches HTML or a map script goes through ``escape.esc`` once, here.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from eventmap.views.bidi import isolate_html
from eventmap.views.escape import esc, js_safe_json

#: ACLED's sub-event types per event type (ACLED codebook), for the correction form
ACLED_SUB_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": ("Air/drone strike", "Shelling/artillery/missile attack",
                                   "Remote explosive/landmine/IED", "Suicide bomb", "Grenade", "Chemical weapon"),
    "Violence against civilians": ("Attack", "Abduction/forced disappearance", "Sexual violence"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": ("Non-violent transfer of territory", "Agreement", "Arrests", "Change to group/activity",
                               "Disrupted weapons use", "Headquarters or base established",
                               "Looting/property destruction", "Other"),
}


def _get(row: Any, k: str) -> Any:
    try:
        v = row[k]
    except (KeyError, IndexError, TypeError):
        v = getattr(row, k, None)
    if isinstance(v, float) and math.isnan(v):
        return None
    return v


def field(row: Any, k: str) -> Any:
    """A value of a frame row, dict or ``Event`` (NaN as ``None``)."""
    return _get(row, k)


@dataclass
class EventForm:
    """What the analyst set in the details panel's form (``None`` / "" = unchanged)."""

    event_type: str = ""
    sub_event_type: str = ""
    event_date: str = ""
    actor1: str | None = None
    actor2: str | None = None
    not_an_event: bool = False
    merge_into: str = ""
    lat: float | None = None
    lon: float | None = None


def corrections_from_form(event: Any, form: EventForm, author: str, reason: str) -> list:
    """The corrections the form asks for against ``event`` (a frame row, dict or ``Event``): only what
    changed. ``ValueError`` without an author or a reason, or when nothing changed."""
    from eventmap.store import Correction

    author, reason = (author or "").strip(), (reason or "").strip()
    eid = str(_get(event, "event_id"))
    out = []
    if form.not_an_event:
        out.append(Correction("false_positive", eid, author=author, reason=reason))
    if form.merge_into and form.merge_into != eid:
        out.append(Correction("merge", eid, author=author, reason=reason, into_event_id=form.merge_into))
    et = form.event_type or ""
    st = form.sub_event_type or ""
    if (et and et != _get(event, "event_type")) or (st and st != _get(event, "sub_event_type")):
        out.append(Correction("set_type", eid, author=author, reason=reason,
                              event_type=et or str(_get(event, "event_type") or ""), sub_event_type=st))
    if form.event_date and form.event_date != str(_get(event, "event_date") or "")[:10]:
        out.append(Correction("set_date", eid, author=author, reason=reason, event_date=form.event_date))
    if form.lat is not None and form.lon is not None and \
            (form.lat, form.lon) != (_get(event, "latitude"), _get(event, "longitude")):
        out.append(Correction("repin_coords", eid, author=author, reason=reason, lat=form.lat, lon=form.lon))
    a1 = None if form.actor1 is None or form.actor1 == (_get(event, "actor1") or "") else form.actor1
    a2 = None if form.actor2 is None or form.actor2 == (_get(event, "actor2") or "") else form.actor2
    if a1 is not None or a2 is not None:
        out.append(Correction("set_actors", eid, author=author, reason=reason, actor1=a1, actor2=a2))
    if not out:
        raise ValueError("nothing changed: set a type, date, place, actors, 'not an event' or a merge first")
    if not author:
        raise ValueError("corrections need your name")
    if not reason:
        raise ValueError("say why (the reason is kept with the correction)")
    return out


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


def merge_candidates(frame: pd.DataFrame, event: Any, days: int = 2, km: float = 25.0, limit: int = 30) \
        -> list[tuple[str, str]]:
    """(event_id, label) of events that may be the same as ``event``: within ``days`` and ``km``, other ids."""
    if frame is None or not len(frame):
        return []
    eid = _get(event, "event_id")
    try:
        d0 = _dt.date.fromisoformat(str(_get(event, "event_date"))[:10])
    except ValueError:
        return []
    lat, lon = _get(event, "latitude"), _get(event, "longitude")
    out = []
    for r in frame.itertuples(index=False):
        if r.event_id == eid:
            continue
        try:
            dd = abs((_dt.date.fromisoformat(str(r.event_date)[:10]) - d0).days)
        except ValueError:
            continue
        if dd > days:
            continue
        dist = None
        if lat is not None and lon is not None and r.latitude == r.latitude and r.longitude == r.longitude:
            dist = _km((float(lat), float(lon)), (float(r.latitude), float(r.longitude)))
            if dist > km:
                continue
        name = " · ".join(x for x in (r.place_name_ar, r.place_name_en) if x) or r.location
        far = f", {dist:.0f} km" if dist is not None else ""
        out.append((dd, dist or 0.0, r.event_id, f"{r.event_date} · {r.event_type} · {name}{far} · #{r.event_id}"))
    out.sort()
    return [(e, label) for _, _, e, label in out[:limit]]


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


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
               _brace_free(esc(f"now: {row.get('estimate', '')}"))]
    for s in (row or {}).get("suggestions") or []:
        if s.get("lat") is not None:
            sug.append([float(s["lat"]), float(s["lon"]), _brace_free(esc("suggestion: " + suggestion_label(s)))])
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


def _brace_free(html: str) -> str:
    return html.replace("{", "&#123;").replace("}", "&#125;")
