"""The control layer's payload: report strings escaped once, nothing after the window's end, every place visible."""

from __future__ import annotations

import json
import re

import pandas as pd

from eventmap.control import build_control
from eventmap.frame import normalise_frame
from eventmap.views.control_layer import ControlLayer, control_payload
from eventmap.views.map import build_map

HOSTILE_SOURCE = "<img src=x onerror=alert(1)>"
HOSTILE_NAME = "<script>alert('قرية')</script>"


def _row(eid: str, day: str, sub: str, a1: str, a2: str, location: str, place_id: str | None, lat: float, lon: float,
         source: str = "SANA", notes: str = "", resolution: str = "resolved", report: str = "") -> dict:
    return {"event_id": eid, "event_date": day, "event_type": "Battles", "sub_event_type": sub,
            "trigger_label": "territory_taken", "actor1": a1, "actor2": a2, "location": location,
            "place_id": place_id, "place_name_ar": location, "place_name_en": "", "admin1": "Quneitra",
            "admin2": "Quneitra", "admin3": "Al-Khashniyyeh", "admin3_pcode": "SY140002", "latitude": lat,
            "longitude": lon, "geo_precision": 1 if resolution == "resolved" else 2, "resolution": resolution,
            "report_id": report or f"r-{eid}", "source": source, "source_url": "javascript:alert(2)",
            "published": day, "notes": notes or f"وأعلن مصدر عسكري السيطرة على {location} اليوم.", "confidence": 0.8}


def _frame() -> pd.DataFrame:
    gov, opp = "Syrian government forces", "Opposition armed groups"
    rows = [
        _row("e1", "2018-07-25", "Government regains territory", gov, opp, "الرفيد", "wof:1293106469", 32.9557, 35.9002),
        _row("e2", "2018-08-02", "Non-state actor overtakes territory", opp, gov, "الرفيد", "wof:1293106469", 32.9557,
             35.9002, source=HOSTILE_SOURCE, notes=f"{HOSTILE_NAME} {{{{ 7*191 }}}}"),
        # two hamlets no dataset holds, placed at one estimate
        _row("e3", "2018-07-25", "Government regains territory", gov, "", "رسم الحسن", None, 32.9085, 35.9088,
             resolution="approximate"),
        _row("e4", "2018-07-25", "Government regains territory", gov, "", HOSTILE_NAME, None, 32.9085, 35.9088,
             resolution="approximate"),
    ]
    return normalise_frame(pd.DataFrame(rows))


def test_payload_escapes_report_strings_and_stops_at_the_windows_end():
    model = build_control(_frame())
    late = json.dumps(control_payload(model, "2018-08-10"), ensure_ascii=False)
    assert "<img" not in late and "<script>" not in late and "javascript:" not in late
    assert "&lt;img src=x onerror=alert(1)&gt;" in late and "&lt;script&gt;" in late
    early = control_payload(model, "2018-07-31")
    rafid = next(p for p in early["p"] if p["k"] == "wof:1293106469")
    assert [c[0] for c in rafid["c"]] == ["2018-07-25"]          # the later change is not in the file
    assert early["H"][rafid["c"][0][1]][0] == "government"
    assert "onerror" not in json.dumps(early, ensure_ascii=False)   # the later report's outlet is not either


def test_places_at_one_estimate_sit_apart_and_a_lone_place_on_its_point():
    payload = control_payload(build_control(_frame()), "2018-08-10")
    offsets = {p["k"]: tuple(p["o"]) for p in payload["p"]}
    assert offsets["wof:1293106469"] == (0, 0)
    hamlets = [o for k, o in offsets.items() if k.startswith("name:")]
    assert len(hamlets) == 2 and len(set(hamlets)) == 2 and all(o != (0, 0) for o in hamlets)


def test_the_map_page_carries_the_layer_offline_and_never_compiles_report_text():
    frame = _frame()
    html = build_map(frame, control=build_control(frame), control_end="2018-08-10").get_root().render()
    assert "EM.ctl = C" in html and "السيطرة" in html     # the layer and its entry in the layer control
    assert "1337" not in html                          # {{ 7*191 }} in a sentence is text, never evaluated
    assert not re.search(r"""(src|href)=["']https?://""", html.split("eventmap-meta")[0].replace(
        'href="https://leafletjs.com"', ""))
    assert ControlLayer(build_control(frame.iloc[:0]), "2018-08-10").data.count('"p":[]') == 1
