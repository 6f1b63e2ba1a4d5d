"""Every dashboard download says which filters and time window it holds (inside the file where the format
allows; a CSV beside its metadata sidecar in one ZIP)."""

from __future__ import annotations

import io
import json
import sqlite3
import xml.etree.ElementTree as ET
import zipfile

import pytest
from _views_exports_data import sample_frame

from eventmap.store import EventFilter
from eventmap.ui import downloads
from eventmap.ui import state as vs
from eventmap.views import timeline

STATE = vs.ViewState(EventFilter(since="2018-07-22", until="2018-07-25",
                                 event_types=("Battles", "Strategic developments"), admin1=("Quneitra",),
                                 resolutions=vs.NOT_APPROXIMATE, text="صيدا"))
WANT = {"event_types": ["Battles", "Strategic developments"], "admin1": ["Quneitra"], "hide_approximate": True,
        "text": "صيدا"}


def _meta(fmt: str, data: bytes, tmp_path) -> dict:
    if fmt == "geojson":
        return json.loads(data)["eventmap"]
    if fmt == "csv":
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return json.loads(z.read(next(n for n in z.namelist() if n.endswith(".meta.json"))))
    if fmt == "gpkg":
        p = tmp_path / "x.gpkg"
        p.write_bytes(data)
        with sqlite3.connect(p) as db:
            kv = dict(db.execute("SELECT key, value FROM metadata"))
        return {"filters": json.loads(kv["filters"]), "since": kv["since"], "until": kv["until"]}
    if fmt == "kml":
        ns = {"k": "http://www.opengis.net/kml/2.2"}
        root = ET.fromstring(data)
        kv = {d.get("name"): d.find("k:value", ns).text for d in root.findall("k:Document/k:ExtendedData/k:Data", ns)}
        return {"filters": json.loads(kv["filters"]), "since": kv["since"], "until": kv["until"]}
    if fmt == "html":
        text = data.decode("utf-8")
        i = text.index('id="eventmap-meta">') + len('id="eventmap-meta">')
        return json.loads(text[i:text.index("</script>", i)])
    raise AssertionError(fmt)


@pytest.mark.parametrize("fmt", ["geojson", "csv", "gpkg", "kml", "html"])
def test_each_download_carries_filters_and_window(fmt, tmp_path):
    view = timeline.window(sample_frame(hostile=False), STATE.since, STATE.until)
    data, name, _ = downloads.download(view, fmt, STATE.filters_dict(), STATE.since, STATE.until)
    assert "2018-07-22_2018-07-25" in name
    md = _meta(fmt, data, tmp_path)
    assert md["filters"] == WANT
    assert (md["since"], md["until"]) == ("2018-07-22", "2018-07-25")
