"""Event type -> colour and marker shape: the one table every view and export uses.

Colours are the Okabe-Ito palette (distinguishable with the common colour-vision
deficiencies); each type also has its own shape, so the map reads in greyscale print.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class TypeStyle:
    event_type: str
    color: str        # "#rrggbb"
    shape: str        # circle | triangle | diamond | square | triangle-down | star
    label_ar: str


#: ACLED event types, in ACLED's codebook order.
TYPE_STYLES: tuple[TypeStyle, ...] = (
    TypeStyle("Battles", "#D55E00", "circle", "معارك"),
    TypeStyle("Explosions/Remote violence", "#E69F00", "triangle", "انفجارات/عنف عن بعد"),
    TypeStyle("Violence against civilians", "#CC79A7", "diamond", "عنف ضد المدنيين"),
    TypeStyle("Protests", "#0072B2", "square", "احتجاجات"),
    TypeStyle("Riots", "#56B4E9", "triangle-down", "أعمال شغب"),
    TypeStyle("Strategic developments", "#009E73", "star", "تطورات استراتيجية"),
)
OTHER = TypeStyle("Other", "#6B6B6B", "circle", "أخرى")

_BY_TYPE = {s.event_type.casefold(): s for s in TYPE_STYLES}
SHAPES = ("circle", "triangle", "diamond", "square", "triangle-down", "star")


def style_for(event_type: str | None) -> TypeStyle:
    """The style of an event type (case-insensitive); unknown or empty types get ``OTHER``."""
    if not event_type:
        return OTHER
    s = _BY_TYPE.get(str(event_type).strip().casefold())
    return s if s else TypeStyle(str(event_type), OTHER.color, OTHER.shape, OTHER.label_ar)


def color_for(event_type: str | None) -> str:
    return style_for(event_type).color


def kml_color(hex_color: str, alpha: int = 0xFF) -> str:
    """``#rrggbb`` -> KML ``aabbggrr``."""
    h = hex_color.lstrip("#")
    return f"{alpha:02x}{h[4:6]}{h[2:4]}{h[0:2]}".lower()


def shape_points(shape: str, cx: float, cy: float, r: float) -> list[tuple[float, float]]:
    """Vertices of a marker shape of radius ``r`` centred on (cx, cy), screen y down.

    The same geometry is drawn by the map's JavaScript (``shapePts`` in map.py) and by
    the SVG legend, so the legend shows exactly what the map draws.
    """
    def poly(n: int, start_deg: float, radius: float) -> list[tuple[float, float]]:
        return [(cx + radius * math.cos(math.radians(start_deg + i * 360 / n)),
                 cy + radius * math.sin(math.radians(start_deg + i * 360 / n))) for i in range(n)]

    if shape == "triangle":
        return poly(3, -90, r * 1.25)
    if shape == "triangle-down":
        return poly(3, 90, r * 1.25)
    if shape == "diamond":
        return poly(4, -90, r * 1.25)
    if shape == "square":
        return poly(4, -45, r * 1.2)
    if shape == "star":
        pts = []
        for i in range(10):
            rad = r * 1.35 if i % 2 == 0 else r * 0.6
            a = math.radians(-90 + i * 36)
            pts.append((cx + rad * math.cos(a), cy + rad * math.sin(a)))
        return pts
    return []  # circle: drawn as a circle


def svg_symbol(shape: str, color: str, *, size: int = 16, hollow: bool = False) -> str:
    """A small inline SVG of a marker (for legends). ``color`` is one of our own constants."""
    r = size * 0.32
    c = size / 2
    fill = "none" if hollow else color
    common = f'fill="{fill}" fill-opacity="0.85" stroke="{color if hollow else "#222"}" stroke-width="{2 if hollow else 1}"'
    dash = ' stroke-dasharray="3,2"' if hollow else ""
    if shape == "circle" or not shape_points(shape, c, c, r):
        body = f'<circle cx="{c:.1f}" cy="{c:.1f}" r="{r:.1f}" {common}{dash}/>'
    else:
        pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in shape_points(shape, c, c, r))
        body = f'<polygon points="{pts}" {common}{dash}/>'
    return (f'<svg width="{size}" height="{size}" viewBox="0 0 {size} {size}" aria-hidden="true">'
            f"{body}</svg>")
