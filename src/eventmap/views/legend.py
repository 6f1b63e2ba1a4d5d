"""The map legend: one HTML block built from ``colors.TYPE_STYLES`` (type names escaped)."""

from __future__ import annotations

from collections.abc import Iterable

from eventmap.views.colors import TYPE_STYLES, style_for, svg_symbol
from eventmap.views.escape import esc

_RING_SVG = ('<svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">'
             '<circle cx="9" cy="9" r="6.5" fill="none" stroke="#7a4b00" stroke-width="1.2" stroke-dasharray="3,2"/>'
             '<circle cx="9" cy="9" r="1.6" fill="#fff" stroke="#7a4b00"/>'
             '<circle cx="14.6" cy="6" r="2" fill="none" stroke="#444"/><circle cx="3.4" cy="12" r="2" fill="none" '
             'stroke="#444"/></svg>')


def legend_html(event_types: Iterable[str] | None = None, *, counts: dict[str, int] | None = None,
                unresolved: int = 0, approximate: bool = True, rings: bool = False) -> str:
    """Legend rows for the given types (all ACLED types when ``None``), with optional counts.

    Each row carries ``data-ti``, the type's position in ``event_types``, so the map's
    script can update the counts when the time window changes."""
    types = list(dict.fromkeys(t for t in (event_types or []) if t)) if event_types is not None else \
        [s.event_type for s in TYPE_STYLES]
    index = {t: i for i, t in enumerate(types)}
    order = {s.event_type: i for i, s in enumerate(TYPE_STYLES)}
    types.sort(key=lambda t: (order.get(style_for(t).event_type, 99), t))
    rows = []
    for t in types:
        st = style_for(t)
        n = f' <span class="em-n">{counts[t]:,}</span>' if counts and t in counts else ""
        rows.append(f'<div class="em-row" data-ti="{index[t]}">{svg_symbol(st.shape, st.color)}'
                    f'<span class="em-tn">{esc(t)}</span>{n}</div>')
    if approximate:
        rows.append(f'<div class="em-row em-sep">{svg_symbol("circle", "#444", hollow=True)}'
                    f"<span>approximate: not located (hollow; dashed = uncertainty)</span></div>")
    if rings:
        rows.append(f'<div class="em-row">{_RING_SVG}<span>names at one estimate: each on a dashed ring '
                    f"around it</span></div>")
    if unresolved:
        rows.append(f'<div class="em-row em-note">{unresolved:,} event{"s" if unresolved != 1 else ""} '
                    f"without a place {'is' if unresolved == 1 else 'are'} not drawn</div>")
    return '<div class="em-legend-title">Event type</div>' + "".join(rows)
