"""A printed brief's numbered list: the events beside the map, keyed to numbered markers.

A PNG cannot be clicked, so ``eventmap export --format png --list`` numbers the places on the map
and lists their events beside it: place by place, in the order of their first event, each line the
number, the place in Arabic and Latin script, its district or governorate, and its events (one line
per day: the sub-types, with a count when one happened more than once). Events without a place are listed after them, unnumbered. Everything is escaped
once and each name isolated (``views.bidi``), so Arabic names read in order.

``numbered_places(frame)`` gives each event row its place number (0: not drawn); ``list_html(...)``
the panel's HTML. A list longer than the page first tightens (smaller type, one line of events per
place); only then is it cut by the page itself (it says how many places it could not show; the CSV has
them all).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from eventmap.views.bidi import isolate_html
from eventmap.views.escape import esc
from eventmap.views.map import has_coords

#: at most this many places are numbered (a page holds about this many lines beside a map)
MAX_PLACES = 99


@dataclass
class Place:
    number: int
    name_ar: str
    name_en: str
    admin: str
    approximate: bool
    events: list[dict] = field(default_factory=list)


def _s(v: object) -> str:
    return "" if v is None or (isinstance(v, float) and math.isnan(v)) else str(v)


def _place_key(r: Any) -> tuple:
    return (round(float(r["latitude"]), 4), round(float(r["longitude"]), 4),
            _s(r.get("place_name_en")) or _s(r.get("place_name_ar")) or _s(r.get("location")))


def numbered_places(frame: Any, limit: int = MAX_PLACES) -> tuple[list[int], list[Place], list[dict]]:
    """``(number per row, places, events without a place)``; rows beyond ``limit`` places get 0."""
    numbers = [0] * len(frame)
    if frame is None or not len(frame):
        return numbers, [], []
    order = sorted(range(len(frame)), key=lambda i: (_s(frame.iloc[i]["event_date"]), i))
    ok = has_coords(frame).to_numpy()
    places: dict[tuple, Place] = {}
    unplaced = []
    for i in order:
        r = frame.iloc[i]
        ev = {"date": _s(r["event_date"])[:10], "type": _s(r["event_type"]), "sub": _s(r["sub_event_type"]),
              "actor1": _s(r.get("actor1")), "actor2": _s(r.get("actor2")), "location": _s(r.get("location"))}
        if not ok[i]:
            unplaced.append(ev)
            continue
        key = _place_key(r)
        p = places.get(key)
        if p is None:
            if len(places) >= limit:
                continue
            admin = _s(r.get("admin2")) or _s(r.get("admin1"))
            p = places[key] = Place(len(places) + 1, _s(r.get("place_name_ar")), _s(r.get("place_name_en")) or
                                    (_s(r.get("location")) if not _s(r.get("place_name_ar")) else ""),
                                    admin, int(r.get("geo_precision") or 1) >= 2)
        p.events.append(ev)
        numbers[i] = p.number
    return numbers, list(places.values()), unplaced


def _day(iso: str) -> str:
    """``2018-07-25`` -> ``25 Jul``; the year when the events span more than one (``25 Jul 2018``)."""
    import datetime as _dt

    try:
        d = _dt.date.fromisoformat(iso[:10])
        return f"{d.day} {d.strftime('%b')}"
    except ValueError:
        return iso


def _event_lines(events: list[dict], with_year: bool) -> str:
    """One line per day: ``25 Jul  Government regains territory, Air/drone strike ×2``."""
    days: dict[str, dict[str, int]] = {}
    for e in events:
        what = e["sub"] or e["type"] or "event"
        days.setdefault(e["date"], {}).setdefault(what, 0)
        days[e["date"]][what] += 1
    out = []
    for d, whats in days.items():
        label = _day(d) + (f" {d[:4]}" if with_year else "")
        items = ", ".join(esc(w) + (f" ×{n}" if n > 1 else "") for w, n in whats.items())
        out.append(f'<li><span class="el-d">{esc(label)}</span> {items}</li>')
    return "".join(out)


def list_html(places: list[Place], unplaced: list[dict], total_places: int | None = None) -> str:
    """The list panel (``<div class="em-list">``), every string escaped once."""
    years = {e["date"][:4] for p in places for e in p.events} | {e["date"][:4] for e in unplaced}
    with_year = len(years) > 1
    rows = []
    for p in places:
        names = " · ".join(x for x in (
            f'<bdi dir="rtl" lang="ar">{esc(p.name_ar)}</bdi>' if p.name_ar else "",
            f"<bdi>{esc(p.name_en)}</bdi>" if p.name_en else "") if x)
        extra = (f' <span class="el-adm">{isolate_html(p.admin)}</span>' if p.admin else "") + \
            (' <span class="el-approx">approximate</span>' if p.approximate else "")
        evs = _event_lines(p.events, with_year)
        rows.append(f'<li class="el-p" value="{p.number}"><span class="el-n">{p.number}</span>'
                    f'<div class="el-h">{names}{extra}</div><ul class="el-e">{evs}</ul></li>')
    more = ""
    if total_places and total_places > len(places):
        more = f'<div class="el-more">{total_places - len(places):,} more places are not numbered (see the CSV)</div>'
    un = ""
    if unplaced:
        items = "".join(f'<li><span class="el-d">{esc(_day(e["date"]))}</span> {esc(e["sub"] or e["type"])} · '
                        f"<bdi>{esc(e['location'])}</bdi></li>" for e in unplaced[:20])
        rest = f"<li>… and {len(unplaced) - 20:,} more</li>" if len(unplaced) > 20 else ""
        un = f'<div class="el-un"><b>Without a place</b> (not on the map)<ul class="el-e">{items}{rest}</ul></div>'
    return (f'<div class="em-list" role="list"><div class="el-title">Events by place</div>'
            f'<ol class="el-ps">{"".join(rows)}</ol>{more}{un}<div class="el-cut" hidden></div></div>')


#: the list beside the map: the map gives up this width
LIST_WIDTH = 400

LIST_CSS = f"""
.folium-map {{ width: calc(100% - {LIST_WIDTH}px) !important; }}
/* the attribution (CC BY) keeps clear of the legend (at most 300px wide) on the narrowed map */
.leaflet-container .leaflet-control-attribution {{ max-width: calc(100vw - {LIST_WIDTH}px - 340px) !important; }}
.em-list {{ position: fixed; top: 0; right: 0; bottom: 0; width: {LIST_WIDTH}px; box-sizing: border-box; overflow: hidden;
  padding: 10px 12px; background: #fff; border-left: 1px solid #bbb; font: 12px/1.3 "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: #1b1f23; }}
.em-list [hidden] {{ display: none !important; }}
.em-list .el-title {{ font-weight: 700; font-size: 13px; margin-bottom: 4px; }}
.em-list ol.el-ps {{ list-style: none; margin: 0; padding: 0; }}
.em-list li.el-p {{ display: grid; grid-template-columns: 24px 1fr; column-gap: 6px; margin: 0 0 5px 0; break-inside: avoid; }}
.em-list .el-n {{ grid-row: span 2; width: 20px; height: 20px; border-radius: 50%; background: #222; color: #fff; font-weight: 700;
  font-size: 11px; display: flex; align-items: center; justify-content: center; font-variant-numeric: tabular-nums; }}
.em-list .el-h {{ font-weight: 600; }}
.em-list .el-h bdi[lang=ar] {{ font-size: 13px; }}
.em-list .el-adm {{ color: #555; font-weight: 400; }}
.em-list .el-approx {{ font-size: 11px; color: #7a4b00; background: #fff3d6; padding: 0 3px; border-radius: 3px; font-weight: 400; }}
.em-list ul.el-e {{ list-style: none; margin: 0; padding: 0; }}
.em-list ul.el-e li {{ color: #333; }}
.em-list .el-d {{ font-variant-numeric: tabular-nums; color: #555; display: inline-block; min-width: 3.4em; }}
.em-list .el-a {{ color: #555; }}
.em-list .el-more, .em-list .el-cut, .em-list .el-un {{ margin-top: 6px; color: #444; }}
/* a long list first tightens (one line of events per place) before any place is left out */
.em-list.el-compact {{ font-size: 11px; line-height: 1.2; padding-top: 6px; }}
.em-list.el-compact li.el-p {{ margin-bottom: 2px; column-gap: 4px; grid-template-columns: 19px 1fr; }}
.em-list.el-compact .el-n {{ width: 17px; height: 17px; font-size: 10px; }}
.em-list.el-compact .el-h bdi[lang=ar] {{ font-size: 12px; }}
.em-list.el-compact ul.el-e li {{ display: inline; }}
.em-list.el-compact ul.el-e li + li:before {{ content: " · "; color: #888; }}
.em-list.el-compact .el-d {{ min-width: 0; }}
.leaflet-tooltip.em-num {{ background: #222 !important; color: #fff !important; border: 1.5px solid #fff !important; border-radius: 10px;
  padding: 0 5px !important; font: 700 11px/16px "Noto Sans", "DejaVu Sans", Arial, sans-serif !important;
  box-shadow: 0 0 0 1px rgba(0,0,0,.5) !important; }}
.leaflet-tooltip.em-num:before {{ display: none; }}
"""

#: cuts the list where the page ends and says how many places did not fit
LIST_FIT_JS = """
(function(){
  function fit(){
    var box = document.querySelector('.em-list'); if (!box) return;
    var items = box.querySelectorAll('li.el-p'), cut = box.querySelector('.el-cut'), un = box.querySelector('.el-un');
    for (var j = 0; j < items.length; j++) items[j].hidden = false;
    cut.hidden = true; if (un) un.hidden = false;
    var limit = box.getBoundingClientRect().bottom - 8, hidden = 0;
    var last = function(){ return items.length ? items[items.length - 1].getBoundingClientRect().bottom : 0; };
    box.classList.remove('el-compact');
    if (last() + (un ? un.offsetHeight + 6 : 0) > limit) box.classList.add('el-compact');   // tighter first
    if (un && un.getBoundingClientRect().bottom > limit) un.hidden = true;
    for (var i = items.length - 1; i >= 0; i--) {
      var below = (cut.hidden ? 0 : cut.offsetHeight + 6) + (un && !un.hidden ? un.offsetHeight + 6 : 0);
      if (items[i].getBoundingClientRect().bottom <= limit - below) break;
      items[i].hidden = true; hidden++;
      cut.hidden = false;
      cut.textContent = hidden + ' more place' + (hidden === 1 ? '' : 's') + ' (numbers ' + items[i].getAttribute('value') +
        '\u2013' + items[items.length - 1].getAttribute('value') + ') not listed for want of room: the CSV has every event';
    }
    window.emListFitted = (window.emListFitted || 0) + 1;
  }
  fit();
  // again once the fonts are in (taller lines) and whenever the page changes size
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(fit);
  window.addEventListener('load', fit);
  window.addEventListener('resize', fit);
})();
"""

__all__ = ["LIST_CSS", "LIST_FIT_JS", "LIST_WIDTH", "MAX_PLACES", "Place", "list_html", "numbered_places"]
