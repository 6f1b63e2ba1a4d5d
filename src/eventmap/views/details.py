"""The details panel of one event and a report's sentence as HTML, every report string escaped once
(``escape.esc``, names isolated with ``bidi``); choice-list labels for a place as plain text."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Any

import pandas as pd

from eventmap.frame import fatalities_column
from eventmap.views.bidi import isolate_html
from eventmap.views.colors import style_for
from eventmap.views.escape import esc, safe_url


def field(row: Any, k: str) -> Any:
    """A value of a frame row, dict or ``Event`` (missing or NaN: ``None``)."""
    try:
        v = row[k]
    except (KeyError, IndexError, TypeError):
        v = getattr(row, k, None)
    if isinstance(v, float) and math.isnan(v):
        return None
    return v


def details_html(row: Any) -> str:
    """The details panel of one event (a frame row, dict or ``Event``): every value escaped once."""
    from eventmap.views.map import highlight_html

    def g(k: str) -> str:
        v = field(row, k)
        return "" if v is None else str(v)

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


def place_label(a: dict) -> str:
    """``الرفيد · Ar Rafid (Quneitra) 32.9557, 35.9002`` for a choice list (plain text, not HTML)."""
    names = " · ".join(x for x in (a.get("name_ar"), a.get("name_en")) if x)
    adm = a.get("admin1") or ""
    lat, lon = a.get("lat"), a.get("lon")
    co = f" {float(lat):.4f}, {float(lon):.4f}" if lat is not None and lon is not None else ""
    return f"{names}{f' ({adm})' if adm else ''}{co}"


