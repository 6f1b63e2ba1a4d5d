"""The current view as a file for the dashboard's download button: one call to ``exports.export_bytes``
with the view's filters and time window as the export's metadata."""

from __future__ import annotations

from typing import Any

import pandas as pd

from eventmap.exports import FORMATS, ExportMeta, export_bytes
from eventmap.views.live_map import defuse_templates


def download(view: pd.DataFrame, fmt: str, filters: dict[str, Any] | None = None, since: str | None = None,
             until: str | None = None, **options: Any) -> tuple[bytes, str, str]:
    """``(data, file name, mime type)`` of ``view`` as ``fmt``; every download carries the filters and the
    time window (a CSV as a ZIP with its ``.meta.json``, see ``exports.download_bytes``)."""
    if fmt in ("html", "png"):  # rendered through folium: see defuse_templates
        view = defuse_templates(view)
    return export_bytes(view, fmt, ExportMeta(filters=dict(filters or {}), since=since, until=until), **options)


__all__ = ["FORMATS", "download"]
