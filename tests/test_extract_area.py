"""The area of interest: events elsewhere in Syria are counted apart, not mapped (EVENTMAP_AREA)."""

from __future__ import annotations

import pytest

from eventmap.events.extract import extract_events, extract_events_split
from eventmap.settings import parse_area

TEXT = ("قصفت قوات النظام بلدة النعيمة شرق درعا بقذائف الهاون صباح اليوم، فيما شنت طائرات حربية غارات على "
        "مدينة تلبيسة في ريف حمص الشمالي.")


def test_events_outside_dara_and_quneitra_are_set_apart():
    inside, outside = extract_events_split(TEXT, "2019-05-02")
    assert [e.location for e in inside] == ["النعيمة"]
    assert [(e.location, e.admin1_pcode) for e in outside] == [("تلبيسة", "SY04")]


def test_area_all_keeps_syria_and_env_sets_the_default(monkeypatch):
    assert {e.location for e in extract_events(TEXT, "2019-05-02", area=None)} == {"النعيمة", "تلبيسة"}
    monkeypatch.setenv("EVENTMAP_AREA", "SY04")
    assert [e.location for e in extract_events(TEXT, "2019-05-02")] == ["تلبيسة"]
    monkeypatch.setenv("EVENTMAP_AREA", "all")
    assert len(extract_events(TEXT, "2019-05-02")) == 2


def test_border_village_just_outside_the_governorate_is_kept():
    # صما lies a few km inside As-Sweida by OCHA's polygons; reports group it with eastern Dar'a
    ev = extract_events("قصفت قوات النظام بالصواريخ بلدتي المليحة الشرقية وصما صباح اليوم.", "2018-06-22")
    assert {e.location for e in ev} == {"المليحة الشرقية", "صما"}


@pytest.mark.parametrize("spec, area", [("", ("SY12", "SY14")), ("SY12, sy13", ("SY12", "SY13")), ("all", None)])
def test_parse_area(spec, area):
    assert parse_area(spec) == area


def test_parse_area_refuses_names():
    with pytest.raises(ValueError, match="p-code"):
        parse_area("Daraa")


def test_extract_command_says_what_it_left_out(tmp_path, capsys):
    from eventmap.cli import main

    p = tmp_path / "r.txt"
    p.write_text(TEXT, encoding="utf-8")
    assert main(["extract", str(p), "--published", "2019-05-02", "--json"]) == 0
    out = capsys.readouterr()
    import json

    assert [e["location"] for e in json.loads(out.out)] == ["النعيمة"]
    assert "1 event(s) outside the area of interest (Homs)" in out.err
    assert main(["extract", str(p), "--published", "2019-05-02", "--area", "Daraa"]) == 2
    assert "p-code" in capsys.readouterr().err


def test_a_name_placed_only_at_a_regions_centre_does_not_give_the_report_its_governorate():
    # (the checkpoint is unknown: it keeps no governorate rather than taking Homs from one town and one
    # name placed at the centre of Homs)
    text = ("Regime forces clashed with rebels in the town of Nawa on Monday, activists said. Fighting also broke "
            "out at the Qasr al-Ghazal checkpoint east of the town.\n\nMeanwhile, state media said troops foiled an "
            "infiltration into the town of Talkalakh in Homs province through the Wadi Khaled crossing.")
    inside, _ = extract_events_split(text, "2014-01-02")
    assert {e.location for e in inside} == {"Nawa", "Qasr al-Ghazal checkpoint"}
