"""Exports: one call, ``export(frame, fmt, path, meta)``, with a registry by format.

Formats: ``html`` (self-contained interactive map), ``png`` (that map rendered by headless
Chromium), ``geojson`` (RFC 7946), ``csv`` (ACLED column names/order, UTF-8 BOM, sidecar
``.meta.json``), ``gpkg`` (events + boundaries + metadata layers), ``kml`` (Google Earth).
Every export carries ``ExportMeta``: title, filters, time window, generated at, eventmap
version, data attribution.  An empty selection raises ``EmptySelectionError``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from eventmap.exports.meta import EmptySelectionError, ExportMeta

Exporter = Callable[..., Path]


#: options of the map formats (html, png); ``numbered``: a printed brief's numbered places and list
_MAP_OPTIONS = ("tiles", "cluster", "heat", "boundary_dir", "numbered", "control")


def _html(frame, path, meta, **kw):
    from eventmap.exports.html import export_html

    return export_html(frame, path, meta, **{k: v for k, v in kw.items() if k in _MAP_OPTIONS})


def _png(frame, path, meta, *, size=(1600, 1000), scale=1.0, renderer=None, **kw):
    from eventmap.exports.html import render_html
    from eventmap.exports.png import PngRenderer

    html = render_html(frame, meta, **{k: v for k, v in kw.items() if k in _MAP_OPTIONS})
    if renderer is not None:
        out = renderer.render_html(html, path, size=size, scale=scale)
    else:
        with PngRenderer(allow_network=bool(kw.get("tiles"))) as r:
            out = r.render_html(html, path, size=size, scale=scale)
    _png_metadata(out, meta, frame)
    return out


def _png_metadata(path, meta, frame) -> None:
    """The export metadata as PNG iTXt chunks (Title, Description, Software, Copyright,
    Creation Time, and the whole ``ExportMeta`` as JSON under ``eventmap``), beside what is
    drawn on the image.  Chunks are inserted after IHDR: the pixels are not re-encoded."""
    import json
    import struct
    import zlib

    items = [("Title", f"{meta.title} · {meta.window_text()}"), ("Description", meta.filters_text() or "no filters"),
             ("Software", f"eventmap {meta.version}"), ("Copyright", meta.attribution),
             ("Creation Time", meta.generated_at), ("eventmap", json.dumps(meta.to_dict(frame), ensure_ascii=False))]
    data = Path(path).read_bytes()
    sig_ihdr = 8 + 8 + 13 + 4          # signature + IHDR chunk (length, type, 13 bytes, CRC)
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise ValueError(f"{path} is not a PNG")
    chunks = []
    for key, text in items:
        body = key.encode("latin-1") + b"\x00\x00\x00" + b"\x00" + b"\x00" + text.encode("utf-8")
        chunks.append(struct.pack(">I", len(body)) + b"iTXt" + body +
                      struct.pack(">I", zlib.crc32(b"iTXt" + body) & 0xFFFFFFFF))
    Path(path).write_bytes(data[:sig_ihdr] + b"".join(chunks) + data[sig_ihdr:])


def _geojson(frame, path, meta, **kw):
    from eventmap.exports.tables import export_geojson

    return export_geojson(frame, path, meta)


def _csv(frame, path, meta, **kw):
    from eventmap.exports.tables import export_csv

    return export_csv(frame, path, meta)


def _gpkg(frame, path, meta, **kw):
    from eventmap.exports.tables import export_gpkg

    return export_gpkg(frame, path, meta, boundary_dir=kw.get("boundary_dir"))


def _kml(frame, path, meta, **kw):
    from eventmap.exports.kml import export_kml

    return export_kml(frame, path, meta)


#: format -> (exporter, file suffix)
EXPORTERS: dict[str, tuple[Exporter, str]] = {
    "html": (_html, ".html"),
    "png": (_png, ".png"),
    "geojson": (_geojson, ".geojson"),
    "csv": (_csv, ".csv"),
    "gpkg": (_gpkg, ".gpkg"),
    "kml": (_kml, ".kml"),
}
FORMATS = tuple(EXPORTERS)


def format_for_path(path: str | Path) -> str | None:
    suffix = Path(path).suffix.lower().lstrip(".")
    return {"json": "geojson", "htm": "html"}.get(suffix, suffix if suffix in EXPORTERS else None)


def export(frame: pd.DataFrame, fmt: str | None, path: str | Path, meta: ExportMeta | None = None,
           **options: Any) -> Path:
    """Write ``frame`` as ``fmt`` (or the format named by the path's suffix) to ``path``.

    Options: ``size``/``scale``/``renderer`` (png: a ``PngRenderer`` to reuse), ``tiles``,
    ``cluster``, ``heat``, ``numbered`` (html/png: numbered places listed beside the map), ``control``
    (html/png: an ``eventmap.control.ControlModel`` drawn as the control layer, following the day slider; the
    PNG shows the window's last day), ``boundary_dir``.  Raises ``EmptySelectionError`` when
    ``frame`` has no rows and ``ValueError`` for an unknown format.
    """
    fmt = (fmt or format_for_path(path) or "").lower()
    if fmt not in EXPORTERS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    meta = (meta or ExportMeta())
    if frame is None or len(frame) == 0:
        raise EmptySelectionError(meta, fmt)
    from eventmap.frame import normalise_frame

    frame = normalise_frame(frame.copy())
    # approximate names say so in every format: the note, and a display point of their own on a ring
    # around a shared estimate (latitude/longitude stay the estimate itself)
    from eventmap.views.approximate import annotate
    frame = annotate(frame)
    meta = meta.resolved(frame)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fn, _ = EXPORTERS[fmt]
    return fn(frame, path, meta, **options)


MIME_TYPES = {
    "html": "text/html", "png": "image/png", "geojson": "application/geo+json", "csv": "text/csv",
    "gpkg": "application/geopackage+sqlite3", "kml": "application/vnd.google-earth.kml+xml",
}


def default_filename(fmt: str, meta: ExportMeta | None = None) -> str:
    """``eventmap_2018-07-22_2018-07-25.geojson`` (the time window when known)."""
    stem = "eventmap"
    if meta is not None and (meta.since or meta.until):
        stem += "_" + "_".join(x for x in (meta.since, meta.until) if x)
    return f"{stem}{EXPORTERS[fmt][1]}"


def download_bytes(path: str | Path, fmt: str) -> tuple[bytes, str, str]:
    """``(content, file name, MIME type)`` of a written export for a download button.

    Every format but CSV carries its metadata inside the file; a CSV cannot, so its download is
    a ZIP of the CSV and its ``.meta.json`` sidecar (filters, time window, ...), as the CLI writes them."""
    import io
    import zipfile

    path = Path(path)
    sidecar = path.with_name(path.name + ".meta.json")
    if fmt != "csv" or not sidecar.exists():
        return path.read_bytes(), path.name, MIME_TYPES.get(fmt, "application/octet-stream")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.write(path, path.name)
        z.write(sidecar, sidecar.name)
    return buf.getvalue(), f"{path.stem}_csv.zip", "application/zip"


def export_bytes(frame: pd.DataFrame, fmt: str, meta: ExportMeta | None = None,
                 **options: Any) -> tuple[bytes, str, str]:
    """``(content, file name, MIME type)`` for a download button (see ``download_bytes``: a CSV
    comes zipped with its metadata sidecar)."""
    import tempfile

    fmt = fmt.lower()
    if fmt not in EXPORTERS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    meta = meta or ExportMeta()
    if frame is None or len(frame) == 0:
        raise EmptySelectionError(meta, fmt)
    resolved = meta.resolved(frame)
    name = default_filename(fmt, resolved)
    with tempfile.TemporaryDirectory(prefix="eventmap-export-") as d:
        p = export(frame, fmt, Path(d) / name, meta, **options)
        return download_bytes(p, fmt)


__all__ = ["export", "export_bytes", "download_bytes", "ExportMeta", "EmptySelectionError", "EXPORTERS", "FORMATS",
           "MIME_TYPES", "default_filename", "format_for_path"]
