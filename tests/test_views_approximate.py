"""Approximate names are drawn and exported as many, uncertain places: one ring slot each around their shared
estimate, the same words ("approximate: not located", the known places it came from) in the map payload,
the legend, the table and every export. Events come from the real extractor on sentences written here."""

from __future__ import annotations

import json
import math
import xml.etree.ElementTree as ET

import pandas as pd
import pytest

from eventmap.events.extract import extract_events
from eventmap.exports import ExportMeta, export
from eventmap.frame import events_frame
from eventmap.views.approximate import annotate, rings
from eventmap.views.bidi import isolate_html
from eventmap.views.table import table_frame
from eventmap.views.map import build_map, build_payload

LIST_AR = ("القنيطرة - سانا: أعلنت وحدات من الجيش العربي السوري اليوم سيطرتها على قرى الرفيد وغدير البستان "
           "والمهير ورسم الحسن وأبو الخشان في ريف القنيطرة الجنوبي.")   # (no "after clashes": a second event each)


@pytest.fixture(scope="module")
def frame():
    return events_frame(extract_events(LIST_AR, "2018-07-26", source="SANA"))


def _km(a, b):
    return math.hypot((a[0] - b[0]) * 110.574, (a[1] - b[1]) * 111.32 * math.cos(math.radians(a[0])))


def test_names_sharing_an_estimate_get_a_slot_each_inside_the_uncertainty(frame):
    rs, ring_of, slot_of = rings(frame)
    ap = frame[frame["resolution"] == "approximate"]
    assert sorted(ap["location"]) == ["أبو الخشان", "المهير", "رسم الحسن"]
    assert len(rs) == 1 and sorted(rs[0].names) == sorted(ap["location"])
    assert sorted(slot_of[ap.index]) == [0, 1, 2] and set(ring_of[ap.index]) == {0}
    assert (ring_of[frame["resolution"] == "resolved"] == -1).all()
    assert rs[0].note.startswith("approximate: not located; estimated from the centre of الرفيد, غدير البستان")
    out = annotate(frame)
    pts = list(zip(out.loc[ap.index, "display_latitude"], out.loc[ap.index, "display_longitude"]))
    assert len(set(pts)) == 3                                           # never stacked on one point
    centre = (rs[0].lat, rs[0].lon)
    assert all(_km(p, centre) <= rs[0].uncertainty_km + 0.01 for p in pts)  # inside the uncertainty circle
    assert (out.loc[ap.index, "latitude"] == ap["latitude"]).all()     # the estimate itself is kept
    res = out[out["resolution"] == "resolved"]
    assert (res["display_latitude"] == res["latitude"]).all() and (res["approximate_note"] == "").all()
    assert all(n.startswith("approximate: not located; estimated from the centre of الرفيد")
               for n in out.loc[ap.index, "approximate_note"])


def test_one_name_alone_or_the_same_name_twice_is_no_ring():
    one = events_frame(extract_events("وقصفت المدفعية قرية المهير في ريف حمص الشمالي صباح اليوم.", "2018-07-26"))
    assert rings(one)[0] == []
    twice = pd.concat([events_frame(extract_events(LIST_AR, "2018-07-26")),
                       events_frame(extract_events(LIST_AR + " وأكد مصدر ميداني ذلك.", "2018-07-27"))],
                      ignore_index=True)
    rs, _, slot_of = rings(twice)
    mu = twice["location"] == "المهير"
    assert len(rs) == 1 and len(rs[0].names) == 3 and slot_of[mu].nunique() == 1  # one place, one slot


def test_map_payload_legend_and_popup_say_not_located(frame):
    p = build_payload(frame)
    assert len(p["G"]) == 1 and p["G"][0][2] == 3 and "approximate: not located" in p["G"][0][4]
    ap = [i for i, g in enumerate(p["ag"]) if g == 0]
    assert len(ap) == 3 and sorted(p["as"][i] for i in ap) == [0, 1, 2]
    # the popup's line beside its "approximate ±N km" badge (approximate and the radius are said once)
    assert all(p["S"][p["ae"][i]].startswith("not located; estimated from the centre of <bdi dir=\"rtl\">") for i in ap)
    assert not any("±" in p["S"][p["ae"][i]] for i in ap)
    assert all(p["ae"][i] == 0 for i in range(p["n"]) if i not in ap)
    html = build_map(frame).get_root().render()
    assert "names at one estimate: each on a dashed ring" in html and "approximate: not located" in html


def test_the_table_and_every_export_say_the_same(frame, tmp_path):
    tbl = table_frame(frame)
    assert (tbl[tbl["resolution"] == "approximate"]["place"].str.endswith("approximate: not located")).all()
    meta = ExportMeta(title="Quneitra")
    gj = json.loads(export(frame, "geojson", tmp_path / "e.geojson", meta).read_text(encoding="utf-8"))
    props = [f["properties"] for f in gj["features"] if f["properties"]["resolution"] == "approximate"]
    assert len(props) == 3 and all(p["approximate_note"].startswith("approximate: not located") for p in props)
    assert len({(p["display_latitude"], p["display_longitude"]) for p in props}) == 3
    csv = pd.read_csv(export(frame, "csv", tmp_path / "e.csv", meta), encoding="utf-8-sig")
    assert csv["approximate_note"].fillna("").str.startswith("approximate: not located").sum() == 3
    kml = ET.parse(export(frame, "kml", tmp_path / "e.kml", meta))
    ns = {"k": "http://www.opengis.net/kml/2.2"}
    marks = [pm for pm in kml.getroot().iter("{http://www.opengis.net/kml/2.2}Placemark")
             if "approximate: not located" in pm.find("k:name", ns).text]
    coords = {pm.find(".//k:coordinates", ns).text for pm in marks}
    assert len(marks) == 3 and len(coords) == 3                         # Google Earth shows three, not one


def test_arabic_runs_are_isolated_and_report_text_is_escaped():
    s = isolate_html("estimated from the centre of الرفيد, غدير البستان <script>x</script>")
    assert '<bdi dir="rtl">الرفيد</bdi>, <bdi dir="rtl">غدير البستان</bdi>' in s and "&lt;script&gt;" in s and "<script>" not in s


def test_an_approximate_event_read_without_a_note_is_drawn_as_not_located(frame):
    """A frame read from a file or another tool may lack the note of an approximate event: pandas 3 keeps that
    missing text as NaN (not ""), and the map, the table and the exports must still say "not located"."""
    ap = frame[frame["resolution"] == "approximate"].head(2).copy()
    assert len(ap) == 2
    ap["resolution_note"] = pd.Series([None, ap["resolution_note"].iloc[1]], index=ap.index, dtype="str")
    assert ap["resolution_note"].isna().iloc[0]
    notes = annotate(ap)["approximate_note"].tolist()
    assert notes[0].startswith("approximate: not located") and "nan" not in notes[0]
    assert notes[1] == annotate(frame[frame["resolution"] == "approximate"].head(2))["approximate_note"].iloc[1]
    payload = build_payload(ap)
    assert payload["n"] == 2
