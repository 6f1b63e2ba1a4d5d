"""Layer styles for the GeoPackage export: the dashboard's colours and shapes, for QGIS and others.

QGIS reads a layer's default style from the ``layer_styles`` table of a GeoPackage (QML, with
an SLD beside it for other tools). ``events_qml()`` is a rule-based renderer: one rule per
event type in the colours and shapes of ``eventmap.views.colors`` (exact places filled,
approximate ones hollow, as on the map), plus QGIS's temporal settings on ``event_date``, so
the temporal controller animates the events as soon as the file is opened.
``boundaries_qml()`` draws the admin units as the map does (no fill; heavier lines for
governorates). ``layer_styles_rows(...)`` is the table to write.
"""

from __future__ import annotations

from datetime import UTC, datetime
from xml.sax.saxutils import escape, quoteattr

from eventmap.views.colors import OTHER, TYPE_STYLES, TypeStyle

#: our marker shapes as QGIS SimpleMarker names and angles
QGIS_SHAPES = {"circle": ("circle", 0), "triangle": ("triangle", 0), "triangle-down": ("triangle", 180),
               "diamond": ("diamond", 0), "square": ("square", 0), "star": ("star", 0)}
#: and as SLD WellKnownNames (SLD has no diamond: a square turned by 45 degrees)
SLD_SHAPES = {"circle": ("circle", 0), "triangle": ("triangle", 0), "triangle-down": ("triangle", 180),
              "diamond": ("square", 45), "square": ("square", 0), "star": ("star", 0)}


def _rgba(hex_color: str, alpha: int = 255) -> str:
    h = hex_color.lstrip("#")
    return f"{int(h[0:2], 16)},{int(h[2:4], 16)},{int(h[4:6], 16)},{alpha}"


def _marker(name: str, st: TypeStyle, hollow: bool) -> str:
    shape, angle = QGIS_SHAPES.get(st.shape, ("circle", 0))
    opts = {"name": shape, "angle": str(angle), "size": "3.4" if hollow else "3", "size_unit": "MM",
            "color": _rgba(st.color, 0 if hollow else 225), "outline_color": _rgba(st.color if hollow else "#1e1e1e"),
            "outline_style": "dash" if hollow else "solid", "outline_width": "0.5" if hollow else "0.2",
            "outline_width_unit": "MM"}
    body = "".join(f'<Option type="QString" name="{k}" value={quoteattr(v)}/>' for k, v in opts.items())
    return (f'<symbol type="marker" name={quoteattr(name)} alpha="1" clip_to_extent="1" force_rhr="0">'
            f'<layer class="SimpleMarker" enabled="1" pass="0" locked="0"><Option type="Map">{body}</Option>'
            "</layer></symbol>")


def _quote_sql(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def events_qml() -> str:
    """QML for the ``events`` layer (QGIS 3): rule-based symbols by type and precision, temporal on event_date."""
    rules, symbols = [], []
    known = [st.event_type for st in TYPE_STYLES]
    styles = [*TYPE_STYLES, OTHER]
    for i, st in enumerate(styles):
        if st is OTHER:
            cond = f'"event_type" NOT IN ({", ".join(_quote_sql(t) for t in known)}) OR "event_type" IS NULL'
            cond = f"({cond})"
        else:
            cond = f'"event_type" = {_quote_sql(st.event_type)}'
        for hollow in (False, True):
            n = f"{i}{'a' if hollow else ''}"
            prec = '"geo_precision" >= 2' if hollow else '"geo_precision" < 2'
            label = st.event_type + (" (approximate place)" if hollow else "")
            rules.append(f'<rule key={quoteattr("r" + n)} symbol={quoteattr(n)} label={quoteattr(label)} '
                         f'filter={quoteattr(cond + " AND " + prec)}/>')
            symbols.append(_marker(n, st, hollow))
    return ("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
            '<qgis version="3.28.0" styleCategories="Symbology|Temporal">\n'
            '<renderer-v2 type="RuleRenderer" symbollevels="0" enableorderby="0" forceraster="0">'
            f'<rules key="root">{"".join(rules)}</rules><symbols>{"".join(symbols)}</symbols></renderer-v2>\n'
            '<temporal enabled="1" mode="1" startField="event_date" endField="" startExpression="" endExpression="" '
            'durationField="" durationUnit="d" fixedDuration="1" accumulate="0" limitMode="0"/>\n'
            "</qgis>\n")


def boundaries_qml() -> str:
    """QML for the ``boundaries`` layer: outlines only, by admin level, as on the dashboard's map."""
    widths = {1: ("77,77,77", "0.6", "solid"), 2: ("109,109,109", "0.35", "dash"), 3: ("154,154,154", "0.2", "solid")}
    rules, symbols = [], []
    for level, (color, width, style) in widths.items():
        rules.append(f'<rule key="b{level}" symbol="{level}" label="admin level {level}" filter="&quot;level&quot; = {level}"/>')
        opts = {"color": "0,0,0,0", "style": "no", "outline_color": color + ",255", "outline_style": style,
                "outline_width": width, "outline_width_unit": "MM"}
        body = "".join(f'<Option type="QString" name="{k}" value={quoteattr(v)}/>' for k, v in opts.items())
        symbols.append(f'<symbol type="fill" name="{level}" alpha="1" clip_to_extent="1" force_rhr="0">'
                       f'<layer class="SimpleFill" enabled="1" pass="0" locked="0"><Option type="Map">{body}</Option>'
                       "</layer></symbol>")
    return ("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
            '<qgis version="3.28.0" styleCategories="Symbology">\n'
            '<renderer-v2 type="RuleRenderer" symbollevels="0" enableorderby="0" forceraster="0">'
            f'<rules key="root">{"".join(rules)}</rules><symbols>{"".join(symbols)}</symbols></renderer-v2>\n'
            "</qgis>\n")


def events_sld() -> str:
    """SLD 1.1 for the ``events`` layer (GeoServer, ArcGIS Pro, ...): one rule per event type."""
    rules = []
    for st in TYPE_STYLES:
        shape, angle = SLD_SHAPES.get(st.shape, ("circle", 0))
        rules.append(
            f"<se:Rule><se:Name>{escape(st.event_type)}</se:Name>"
            "<ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>event_type</ogc:PropertyName>"
            f"<ogc:Literal>{escape(st.event_type)}</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>"
            f"<se:PointSymbolizer><se:Graphic><se:Mark><se:WellKnownName>{shape}</se:WellKnownName>"
            f'<se:Fill><se:SvgParameter name="fill">{st.color}</se:SvgParameter></se:Fill>'
            '<se:Stroke><se:SvgParameter name="stroke">#1e1e1e</se:SvgParameter>'
            '<se:SvgParameter name="stroke-width">0.8</se:SvgParameter></se:Stroke></se:Mark>'
            f"<se:Size>11</se:Size><se:Rotation>{angle}</se:Rotation></se:Graphic></se:PointSymbolizer></se:Rule>")
    rules.append("<se:Rule><se:Name>Other</se:Name><se:ElseFilter/><se:PointSymbolizer><se:Graphic><se:Mark>"
                 f'<se:WellKnownName>circle</se:WellKnownName><se:Fill><se:SvgParameter name="fill">{OTHER.color}'
                 "</se:SvgParameter></se:Fill></se:Mark><se:Size>11</se:Size></se:Graphic></se:PointSymbolizer>"
                 "</se:Rule>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<StyledLayerDescriptor version="1.1.0" xmlns="http://www.opengis.net/sld" '
            'xmlns:se="http://www.opengis.net/se" xmlns:ogc="http://www.opengis.net/ogc" '
            'xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            'xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.1.0/'
            'StyledLayerDescriptor.xsd">'
            "<NamedLayer><se:Name>events</se:Name><UserStyle><se:Name>eventmap</se:Name><se:FeatureTypeStyle>"
            + "".join(rules) + "</se:FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>\n")


def layer_styles_rows(layers: dict[str, str]) -> list[dict]:
    """The rows of the ``layer_styles`` table (QGIS's schema) for ``{layer name: geometry column}``."""
    now = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    rows = []
    for table, geom in layers.items():
        qml = events_qml() if table == "events" else boundaries_qml()
        sld = events_sld() if table == "events" else ""
        rows.append({"f_table_catalog": "", "f_table_schema": "", "f_table_name": table, "f_geometry_column": geom,
                     "styleName": f"eventmap {table}", "styleQML": qml, "styleSLD": sld, "useAsDefault": True,
                     "description": "eventmap: the dashboard's colours and marker shapes", "owner": "", "ui": "",
                     "update_time": now})
    return rows


__all__ = ["boundaries_qml", "events_qml", "events_sld", "layer_styles_rows"]
