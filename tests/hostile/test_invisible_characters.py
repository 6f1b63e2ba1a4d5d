"""Promise: invisible characters neither hide a place nor reorder what an analyst reads.

Bidi controls (RLO U+202E ... PDF U+202C, LRI/RLI/FSI ... PDI), zero-width joiners and marks, a
BOM or a soft hyphen inside or around a name are ignored for matching (offsets still point into
the text as written); bidi overrides are removed from stored and displayed text.
"""

from __future__ import annotations

import json

import pytest

from eventmap.events.extract import extract_events
from eventmap.store import EventFilter, open_store
from eventmap.views import details

#: written for this test in SANA's style: two events, one at Sayda (Yarmouk valley), one at Jamlah
REPORT = ("القنيطرة-سانا: أسقطت وسائط الدفاع الجوي طائرة استطلاع معادية فوق منطقة صيدا على أطراف وادي اليرموك، "
          "فيما استهدفت وحدات الجيش تجمعات للإرهابيين في محيط بلدة جملة بريف درعا الغربي.")
HIDDEN = {
    "RLO..PDF around": "\u202eصيدا\u202c",
    "LRI..PDI around": "\u2066صيدا\u2069",
    "RLI..PDI around": "\u2067صيدا\u2069",
    "ZWJ inside": "صي\u200dدا",
    "ZWNJ inside": "صي\u200cدا",
    "ZWSP inside": "صي\u200bدا",
    "RLM after": "صيدا\u200f",
    "BOM before": "\ufeffصيدا",
}


def _places(events) -> list[tuple[str, str | None]]:
    return sorted((e.sub_event_type, e.place_id) for e in events)


@pytest.mark.parametrize("case", list(HIDDEN))
def test_invisible_characters_do_not_hide_sayda(case):
    clean = extract_events(REPORT, "2018-07-25")
    assert ("Disrupted weapons use", "wof:1276450189") in _places(clean)          # Sayda, Yarmouk valley
    text = REPORT.replace("صيدا", HIDDEN[case])
    events = extract_events(text, "2018-07-25")
    assert _places(events) == _places(clean)
    sayda = next(e for e in events if e.place_id == "wof:1276450189")
    written = text[sayda.evidence.mention_start:sayda.evidence.mention_end]   # offsets into the text as given
    assert written.replace("\u200d", "").replace("\u200c", "").replace("\u200b", "") == "صيدا"


def test_bidi_overrides_are_not_stored_in_notes(tmp_path, cli):
    f = tmp_path / "2018-07-25_sana.txt"
    f.write_text(REPORT.replace("صيدا", HIDDEN["RLO..PDF around"]), encoding="utf-8")
    code, out, _ = cli("extract", f, "--published", "2018-07-25", "--json")
    assert code == 0
    events = json.loads(out)
    assert {e["place_id"] for e in events} >= {"wof:1276450189"}
    assert not any("\u202e" in e["notes"] or "\u202c" in e["notes"] for e in events)
    db = str(tmp_path / "s.gpkg")
    code, out, _ = cli("ingest", f, "--db", db)
    assert code == 0 and "new: 1" in out
    with open_store(db) as s:
        frame = s.query(EventFilter())
        text = s.get_report(s.reports()["report_id"][0]).text
    assert "\u202e" not in text and not frame["notes"].str.contains("\u202e").any()
    assert "wof:1276450189" in set(frame["place_id"])


def test_a_stored_override_is_not_displayed():
    """Notes stored by an older eventmap may hold an RLO: the details panel and exports drop it."""
    from eventmap.exports import ExportMeta, export_bytes
    from eventmap.frame import events_frame

    events = extract_events(REPORT.replace("صيدا", HIDDEN["RLO..PDF around"]), "2018-07-25")
    frame = events_frame(events)
    assert frame["notes"].str.contains("\u202e").any()          # as the library was given it
    html = details.details_html(frame.iloc[0])
    assert "\u202e" not in html and "\u202c" not in html and "وادي اليرموك" in html
    kml = export_bytes(frame, "kml", ExportMeta())[0].decode("utf-8")
    assert "\u202e" not in kml and "وادي اليرموك" in kml
