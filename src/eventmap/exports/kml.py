"""KML for Google Earth: placemarks styled by event type, a TimeStamp per event (the time
slider), Arabic names intact, every field in ExtendedData, the export metadata on the
Document.  Written by hand with XML escaping (no KML library is needed for points).

KML viewers render ``<description>`` as HTML.  Descriptions are therefore written by us as
HTML made of escaped text (``eventmap.views.escape.esc``: a report's ``<img onerror>`` is
shown, never run; links only for http(s) URLs) inside CDATA, and every style's BalloonStyle
shows that description alone, so no report string reaches a balloon as markup."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as _xml_escape

import pandas as pd

from eventmap.exports.meta import ExportMeta
from eventmap.views.colors import kml_color, style_for
from eventmap.views.escape import clean_text, esc, safe_url
from eventmap.views.map import has_coords

#: Google Earth's own icon set (cached by Google Earth; tinted by IconStyle colour)
ICON_SOLID = "http://maps.google.com/mapfiles/kml/shapes/shaded_dot.png"
ICON_HOLLOW = "http://maps.google.com/mapfiles/kml/shapes/donut.png"


def x(v: Any) -> str:
    """XML text/attribute escaping; control characters (invalid in XML 1.0) dropped."""
    return _xml_escape(clean_text(v), {'"': "&quot;", "'": "&apos;"})


def html_description(lines: list[str], url: str = "") -> str:
    """``<description>`` content: the lines as escaped HTML text, an http(s) link, in CDATA.

    ``esc`` turns every ``<`` and ``>`` into entities, so ``]]>`` cannot occur inside and end the CDATA."""
    body = "<br/>".join(esc(ln) for ln in lines)
    link = safe_url(url)
    if link:
        body += f'<br/><a href="{esc(link)}">{esc(link)}</a>'
    return f"<![CDATA[{body}]]>"


#: the balloon shows our description only (Google Earth's default balloon would also lay out
#: the ExtendedData values, report text included, as HTML)
BALLOON = "<BalloonStyle><text><![CDATA[$[description]]]></text></BalloonStyle>"


def _style_id(event_type: str, approx: bool) -> str:
    st = style_for(event_type)
    base = "".join(ch if ch.isalnum() else "_" for ch in st.event_type.lower())[:40] or "other"
    return f"t_{base}{'_approx' if approx else ''}"


def render_kml(frame: pd.DataFrame, meta: ExportMeta) -> str:
    ok = has_coords(frame).to_numpy()
    located = frame[ok]
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<kml xmlns="http://www.opengis.net/kml/2.2">', "<Document>",
           f"<name>{x(meta.title)} · {x(meta.window_text())}</name>",
           "<description>" + html_description([
               meta.title, f"Time window: {meta.window_text()}", f"Filters: {meta.filters_text() or 'none'}",
               f"Events: {len(frame)} ({len(located)} located; events without a place are not included)",
               f"Generated {meta.generated_at} by eventmap {meta.version}", meta.attribution]) + "</description>",
           "<ExtendedData>"]
    for key, val in meta.to_dict(frame).items():
        text = val if isinstance(val, str) else json.dumps(val, ensure_ascii=False)
        out.append(f'<Data name="{x(key)}"><value>{x(text)}</value></Data>')
    out.append("</ExtendedData>")
    seen = set()
    for t, gp in zip(located["event_type"].astype(str), located["geo_precision"].astype(int)):
        sid = _style_id(t, gp >= 2)
        if sid in seen:
            continue
        seen.add(sid)
        st = style_for(t)
        out.append(f'<Style id="{sid}"><IconStyle><color>{kml_color(st.color)}</color><scale>{1.0 if gp < 2 else 1.1}</scale>'
                   f"<Icon><href>{ICON_HOLLOW if gp >= 2 else ICON_SOLID}</href></Icon></IconStyle>"
                   f"<LabelStyle><scale>0.8</scale></LabelStyle>{BALLOON}</Style>")
    out.append(f"<Folder><name>Events ({len(located)})</name>")
    cols = list(frame.columns)
    # escape each distinct value of a column once (types, admin units, outlets repeat a lot)
    escaped = {}
    for c in cols:
        if c in ("latitude", "longitude", "display_latitude", "display_longitude"):
            escaped[c] = [repr(float(v)) for v in located[c].tolist()]
            continue
        values = located[c].astype(object).where(located[c].notna(), "").tolist()
        cache: dict[str, str] = {}
        escaped[c] = [cache[v] if v in cache else cache.setdefault(v, x(v)) for v in
                      (str(v) if not isinstance(v, str) else v for v in values)]
    data_tags = [f'<Data name="{x(c)}"><value>' for c in cols]
    raw = {c: located[c].astype(object).where(located[c].notna(), "").tolist()
           for c in ("place_name_ar", "place_name_en", "location", "event_date", "event_type",
                     "sub_event_type", "notes", "source", "source_url", "geo_precision")}
    # an approximate name sharing its estimate with others is placed on a ring around it (Google Earth would
    # stack them on one point), and says so
    xy = ("display_longitude", "display_latitude") if "display_latitude" in escaped else ("longitude", "latitude")
    approx = located["approximate_note"].astype(str).tolist() if "approximate_note" in located else [""] * len(located)
    for k in range(len(located)):
        name_ar, name_en = clean_text(raw["place_name_ar"][k]), clean_text(raw["place_name_en"][k])
        name = " · ".join(n for n in (name_ar, name_en) if n) or clean_text(raw["location"][k])
        if approx[int(k)]:
            name += " (approximate: not located)"
        gp = int(raw["geo_precision"][k] or 1)
        etype = str(raw["event_type"][k])
        desc = html_description([name, f"{raw['event_date'][k]} — {etype}: {raw['sub_event_type'][k]}",
                                 *([approx[int(k)]] if approx[int(k)] else []),
                                 str(raw["notes"][k]), str(raw["source"][k])], str(raw["source_url"][k]))
        parts = [f'<Placemark id="{escaped["event_id"][k]}"><name>{x(name)}</name>'
                 f"<description>{desc}</description>"
                 f"<TimeStamp><when>{x(str(raw['event_date'][k])[:10])}</when></TimeStamp>"
                 f"<styleUrl>#{_style_id(etype, gp >= 2)}</styleUrl><ExtendedData>"]
        for j, c in enumerate(cols):
            parts.append(data_tags[j] + escaped[c][k] + "</value></Data>")
        parts.append(f"</ExtendedData><Point><coordinates>{escaped[xy[0]][k]},{escaped[xy[1]][k]}"
                     "</coordinates></Point></Placemark>")
        out.append("".join(parts))
    out.append("</Folder></Document></kml>")
    return "\n".join(out)


def export_kml(frame: pd.DataFrame, path: Path, meta: ExportMeta) -> Path:
    path = Path(path)
    path.write_text(render_kml(frame, meta), encoding="utf-8")
    return path
