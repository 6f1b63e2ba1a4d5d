"""Names and sentences mixing Arabic and English are isolated where they are shown (``eventmap.views.bidi``)."""

from __future__ import annotations

import html
import re

from eventmap.frame import events_frame
from eventmap.store.testing import make_event, rafid_report_ar
from eventmap.views import details, table
from eventmap.views.bidi import (
    LRI,
    PDI,
    RLI,
    base_rtl,
    isolate_html,
    isolate_text,
    strip_isolates,
)

NOTE = ("approximate: no place of this name in the area of the report; placed at the centre of the 4 resolved "
        "places listed with it (الرفيد, غدير البستان, المعلقة, أم اللوقس), uncertainty 2.5 km")


def test_a_list_of_arabic_names_in_english_text_is_isolated_name_by_name():
    h = isolate_html(NOTE)
    assert ('(<bdi dir="rtl">الرفيد</bdi>, <bdi dir="rtl">غدير البستان</bdi>, <bdi dir="rtl">المعلقة</bdi>, '
            '<bdi dir="rtl">أم اللوقس</bdi>)') in h
    assert h.startswith("approximate: no place")            # the English around them untouched


def test_english_names_in_an_arabic_sentence_are_isolated_left_to_right():
    s = "وقالت وكالة SANA إن وحدات من الجيش دخلت بلدة Nab` as-Sakhr صباح اليوم."
    assert base_rtl(s)
    h = isolate_html(s)
    assert '<bdi dir="ltr">SANA</bdi>' in h and '<bdi dir="ltr">Nab` as-Sakhr</bdi>' in h
    t = isolate_text(s)
    assert t.startswith(RLI) and t.endswith(PDI) and f"{LRI}SANA{PDI}" in t
    assert strip_isolates(t) == s


def test_each_string_is_escaped_once():
    h = isolate_html("Residents of <b>البكار</b> & Tasil protested")
    assert h == 'Residents of &lt;b&gt;<bdi dir="rtl">البكار</bdi>&lt;/b&gt; &amp; Tasil protested'
    assert "&amp;lt;" not in h
    assert isolate_html("<script>") == "&lt;script&gt;"


def test_plain_text_for_a_left_to_right_table_cell():
    assert isolate_text("Ar Rafid") == "Ar Rafid"
    assert isolate_text("الرفيد") == RLI + "الرفيد" + PDI     # its own punctuation at its own end
    assert isolate_text("Ar Rafid · الرفيد") == f"Ar Rafid · {RLI}الرفيد{PDI}"
    assert isolate_text("") == "" and isolate_text(None) == ""


def test_table_and_unresolved_list_isolate_names_and_sentences():
    _, evs = rafid_report_ar("2018-07-26")
    text = "وشن الطيران الحربي غارات على المهير شرق درعا."
    un = make_event(text, "2018-07-24", "المهير", "غارات على", None)
    f = events_frame([*evs, un])
    places = set(table.table_frame(f)["place"])
    assert f"Ar Rafid · {RLI}الرفيد{PDI}" in places
    assert f"({RLI}المهير{PDI})" in places                          # unresolved: the name as written
    u = table.unresolved_table(table.unresolved_events(f))
    assert list(u["notes"]) == [RLI + text + PDI]


def test_details_say_approximate_once_with_the_radius():
    row = {"event_date": "2018-07-25", "event_type": "Strategic developments", "place_name_ar": "",
           "place_name_en": "", "location": "Rasm al-Hasan", "resolution": "approximate", "geo_precision": 2,
           "uncertainty_km": 2.5, "resolution_note": NOTE, "admin1": "Quneitra", "event_id": "x1",
           "notes": "Regime forces regained control of Rasm al-Hasan farm.", "language": "en"}
    h = details.details_html(row)
    text = re.sub(r"<[^>]+>", "", h)
    assert text.lower().count("approximate") == 1 and "approximate ±2.5 km" in text
    assert '<bdi dir="rtl">غدير البستان</bdi>' in h
    assert "place not resolved" not in text                        # it is placed, approximately


def test_details_name_a_sub_district_named_as_its_district_once():
    row = {"event_date": "2018-07-16", "event_type": "Battles", "place_name_ar": "الصنمين",
           "place_name_en": "As Sanamayn", "location": "الصنمين", "resolution": "resolved", "geo_precision": 1,
           "admin3": "As-Sanamayn", "admin2": "As-Sanamayn", "admin1": "Dar'a", "event_id": "x2",
           "notes": "اشتباكات في مدينة الصنمين.", "language": "ar"}
    text = html.unescape(re.sub(r"<[^>]+>", "", details.details_html(row)))
    assert "As-Sanamayn, Dar'a" in text, text
    assert "As-Sanamayn, As-Sanamayn" not in text
    row.update(admin3="Ghabagheb", admin2="As-Sanamayn")            # different names: all three said
    assert "Ghabagheb, As-Sanamayn, Dar" in re.sub(r"<[^>]+>", "", details.details_html(row))


def test_a_reports_own_bidi_controls_are_dropped_before_ours_are_added():
    rlo = "\u202e"
    assert isolate_text(f"Ar Rafid · {rlo}الرفيد") == f"Ar Rafid · {RLI}الرفيد{PDI}"
    assert rlo not in isolate_html(f"Sayda {rlo}صيدا")
