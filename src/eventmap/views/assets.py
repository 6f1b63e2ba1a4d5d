"""Offline Leaflet, MarkerCluster and Leaflet.heat, read from installed packages.

Nothing here points at a CDN.  Each asset is available as

* a ``data:`` URI (:func:`data_uri`): streamlit-folium loads every element's
  ``default_js``/``default_css`` URL inside its frame, so ``data:`` URIs render offline;
* an inline ``<script>``/``<style>`` tag (:func:`inline_tag`) for exported HTML files;
  :func:`inline_assets` swaps the data-URI tags of a rendered folium page for inline ones.

Sources: Leaflet 1.9 from ``xstatic-leaflet``, Leaflet.markercluster from
``xstatic-leaflet-markercluster``, Leaflet.heat from folium's own bundled templates.

:func:`offline_map` returns a ``folium.Map`` whose default assets are exactly Leaflet's
JS and CSS as data URIs. folium's Map loads by default: leaflet.js, jquery, bootstrap JS,
Leaflet.awesome-markers JS, leaflet.css, bootstrap CSS, glyphicons CSS, Font Awesome CSS,
awesome-markers CSS and a rotate CSS. Only Leaflet is kept: our markers are drawn by our
own JavaScript, so jquery/bootstrap/awesome-markers/fonts are removed.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from functools import lru_cache, cache
from pathlib import Path

import folium


@dataclass(frozen=True)
class Asset:
    name: str
    kind: str          # "js" | "css"
    path: Path


def _xstatic_dir(module: str) -> Path:
    import importlib

    mod = importlib.import_module(module)
    return Path(mod.BASE_DIR)


def _folium_templates() -> Path:
    return Path(folium.__file__).resolve().parent / "templates"


@lru_cache(maxsize=1)
def assets() -> dict[str, Asset]:
    """Every offline asset by name."""
    leaflet = _xstatic_dir("xstatic.pkg.leaflet")
    cluster = _xstatic_dir("xstatic.pkg.leaflet_markercluster")
    found = {
        "leaflet_js": Asset("leaflet_js", "js", leaflet / "leaflet.js"),
        "leaflet_css": Asset("leaflet_css", "css", leaflet / "leaflet.css"),
        "markercluster_js": Asset("markercluster_js", "js", cluster / "leaflet.markercluster.js"),
        "markercluster_css": Asset("markercluster_css", "css", cluster / "MarkerCluster.css"),
        "markercluster_default_css": Asset("markercluster_default_css", "css", cluster / "MarkerCluster.Default.css"),
        "heat_js": Asset("heat_js", "js", _folium_templates() / "leaflet_heat.min.js"),
    }
    missing = [str(a.path) for a in found.values() if not a.path.is_file()]
    if missing:
        raise FileNotFoundError("offline map assets missing (reinstall xstatic-leaflet, "
                                f"xstatic-leaflet-markercluster, folium): {', '.join(missing)}")
    return found


def _image_data_uri(path: Path) -> str:
    return "data:image/png;base64," + base64.b64encode(path.read_bytes()).decode("ascii")


@cache
def asset_text(name: str) -> str:
    """The asset's text; CSS ``url(images/...)`` references are replaced by data URIs."""
    a = assets()[name]
    text = a.path.read_text(encoding="utf-8")
    if a.kind == "css":
        base = a.path.parent

        def repl(m: re.Match) -> str:
            ref = m.group(1).strip("'\"")
            p = base / ref
            if ref.startswith(("data:", "#")) or not p.is_file():
                return m.group(0)
            return f'url("{_image_data_uri(p)}")'

        text = re.sub(r"url\(([^)]*)\)", repl, text)
    # Source-map comments would make devtools request a file that is not there.
    text = re.sub(r"^//# sourceMappingURL=.*$", "", text, flags=re.M)
    return text


@cache
def data_uri(name: str) -> str:
    a = assets()[name]
    mime = "text/javascript" if a.kind == "js" else "text/css"
    return f"data:{mime};charset=utf-8;base64," + base64.b64encode(asset_text(name).encode("utf-8")).decode("ascii")


def inline_tag(name: str) -> str:
    """``<script>...</script>`` or ``<style>...</style>`` holding the asset."""
    a = assets()[name]
    text = asset_text(name)
    if a.kind == "js":
        return "<script>" + re.sub(r"</(script)", r"<\\/\1", text, flags=re.I) + "</script>"
    return "<style>" + re.sub(r"</(style)", r"<\\/\1", text, flags=re.I) + "</style>"


def js(*names: str) -> list[tuple[str, str]]:
    """``default_js`` entries (name, data URI) for folium elements."""
    return [(n, data_uri(n)) for n in names]


def css(*names: str) -> list[tuple[str, str]]:
    return [(n, data_uri(n)) for n in names]


def offline_map(**kwargs) -> folium.Map:
    """A ``folium.Map`` with no CDN asset: Leaflet JS/CSS as data URIs, nothing else.

    ``tiles`` defaults to ``None`` (no tile layer: our boundary layers are the basemap).
    Other keyword arguments go to ``folium.Map``.
    """
    kwargs.setdefault("tiles", None)
    m = folium.Map(**kwargs)
    m.default_js = js("leaflet_js")
    m.default_css = css("leaflet_css")
    return m


_TAG_RE = re.compile(
    r'<script src="(data:[^"]+)"></script>|<link rel="stylesheet" href="(data:[^"]+)"\s*/>')


def inline_assets(page: str) -> str:
    """Replace every ``<script src="data:...">``/``<link href="data:...">`` of our assets by
    the inline tag, so an exported file holds readable, un-base64'd JS and CSS."""
    by_uri = {data_uri(n): n for n in assets()}

    def repl(m: re.Match) -> str:
        uri = m.group(1) or m.group(2)
        name = by_uri.get(uri)
        return inline_tag(name) if name else m.group(0)

    return _TAG_RE.sub(repl, page)


#: URL prefixes that must never appear as a script/style/link source in our output.
CDN_HINTS = ("cdn.jsdelivr.net", "cdnjs.cloudflare.com", "code.jquery.com", "unpkg.com",
             "netdna.bootstrapcdn.com", "bootstrapcdn", "fontawesome")
