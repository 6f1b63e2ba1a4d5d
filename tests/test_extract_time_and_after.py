"""Fifteenth round: how time is written (digests' day headings, nights, ranges, retold years, days counted from
another day) and the years after December 2024 (General Security, Israeli incursions, war remnants). Sentences
written for these tests, in the outlets' styles."""

from __future__ import annotations

import pytest

from eventmap.events.extract import extract_events


def _dated(text: str, pub: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for e in extract_events(text, pub):
        out.setdefault(e.location, set()).add(e.event_date)
    return out


# ------------------------------------------------------------------ days
@pytest.mark.parametrize("text, pub, want", [
    ("Southern Syria: incidents of the week\n\nTuesday 3 June\n- Gunmen shot dead a teacher in Nawa.\n\n"
     "Thursday 5 June\n- A landmine exploded near a farm in Kafr Shams, killing a shepherd.\n",
     "2025-06-09", {"Nawa": {"2025-06-03"}, "Kafr Shams": {"2025-06-05"}}),
    ("حصاد الأسبوع في حوران\n\nالثلاثاء 3 حزيران\n- اغتال مسلحون مجهولون مدرساً في مدينة نوى.\n\n"
     "الخميس 5 حزيران\n- انفجر لغم أرضي بمزارع في بلدة كفر شمس ما أدى لمقتل راعٍ.\n",
     "2025-06-09", {"نوى": {"2025-06-03"}, "كفر شمس": {"2025-06-05"}}),
])
def test_a_digests_heading_with_its_weekday_dates_the_items_under_it(text, pub, want):
    got = _dated(text, pub)
    assert {k: got.get(k) for k in want} == want
