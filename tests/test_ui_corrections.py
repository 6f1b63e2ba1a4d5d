"""The details panel's correction form (``eventmap.ui.corrections``): only what the analyst changed becomes a
correction, with an author and a reason; merge candidates are the nearby events of the same days."""

from __future__ import annotations

import pytest

from eventmap.frame import events_frame
from eventmap.store.testing import make_event, rafid_report_ar, rafid_report_en
from eventmap.model import ACLED_TYPES
from eventmap.ui.corrections import EventForm, corrections_from_form, merge_candidates


@pytest.fixture
def frame():
    _, ar = rafid_report_ar("2018-07-26")
    _, en = rafid_report_en("2018-07-27")
    far = "أعلنت مصادر محلية عن اشتباكات في البوكمال على الحدود العراقية."
    return events_frame([*ar, *en, make_event(far, "2018-07-26", "البوكمال", "اشتباكات في", None)])


def test_only_what_changed_is_corrected(frame):
    row = frame.iloc[0]
    same = EventForm(event_type=row["event_type"], sub_event_type=row["sub_event_type"],
                     event_date=row["event_date"][:10], actor1=row["actor1"], actor2=row["actor2"])
    with pytest.raises(ValueError, match="nothing changed"):
        corrections_from_form(row, same, "Rania", "checked against the SOHR report")
    moved = EventForm(event_date="2018-07-25", lat=32.9612, lon=35.8871, actor1="Opposition Rebels (Syria)")
    made = corrections_from_form(row, moved, " Rania ", "dateline says Wednesday")
    assert [c.kind for c in made] == ["set_date", "repin_coords", "set_actors"]
    assert {c.event_id for c in made} == {row["event_id"]} and made[0].author == "Rania"
    assert made[2].actor1 == "Opposition Rebels (Syria)" and made[2].actor2 is None   # actor 2 left as it was
    with pytest.raises(ValueError, match="your name"):
        corrections_from_form(row, moved, "  ", "dateline says Wednesday")
    with pytest.raises(ValueError, match="say why"):
        corrections_from_form(row, moved, "Rania", "")


def test_merge_candidates_are_near_in_time_and_space(frame):
    rafid = frame[frame["location"] == "الرفيد"].iloc[0]
    cands = dict(merge_candidates(frame, rafid))
    assert rafid["event_id"] not in cands
    english = frame[frame["location"] == "Ar Rafid"].iloc[0]["event_id"]
    assert english in cands and "Ar Rafid" in cands[english]          # the same place a day later, another outlet
    unplaced = frame[frame["location"] == "البوكمال"].iloc[0]["event_id"]
    assert unplaced in cands and " km" not in cands[unplaced]         # no point: offered, without a distance
    assert [e for e, _ in merge_candidates(frame, rafid, days=0, km=1.0)] == [unplaced]   # only the one without a point
    assert "Armed clash" in ACLED_TYPES["Battles"]
