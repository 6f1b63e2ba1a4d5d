"""Twenty-third round: where a toll's dead died and how many, in sentences written for these tests in the styles
of the outlets (state agencies, monitors, local pages, wires)."""

from __future__ import annotations

import pytest

from eventmap.events.extract import extract_events


def _tolls(text: str, pub: str) -> dict[str, int | None]:
    return {e.location: e.fatalities for e in extract_events(text, pub)}


# ------------------------------------------------------------------ a list of towns, then where the dead were
@pytest.mark.parametrize("text, tolls", [
    # the dead placed right after their figure at one town of the list
    ("شنت الطائرات الحربية صباح اليوم غارات على بلدتي الغارية الشرقية وعلما، ما أدى لمقتل ثلاثة مدنيين في علما، "
     "بينهم امرأة.", {"الغارية الشرقية": None, "علما": 3}),
    # who they were, then where
    ("ألقت المروحيات براميل متفجرة على بلدات الكرك الشرقي والمليحة الغربية ورخم، ما أسفر عن استشهاد ستة مواطنين "
     "بينهم طفلان في بلدة رخم.", {"الكرك الشرقي": None, "المليحة الغربية": None, "رخم": 6}),
    ("Regime helicopters dropped barrel bombs on Alma, Rakham and al-Mulayha al-Gharbiya on Sunday, killing seven "
     "civilians, including a woman and her son, in Rakham.",
     {"Alma": None, "Rakham": 7, "al-Mulayha al-Gharbiya": None}),
])
def test_a_list_then_the_dead_placed_at_one_of_its_towns(text, tolls):
    assert _tolls(text, "2016-04-10") == tolls


def test_a_place_after_who_the_dead_were_is_not_the_earlier_towns_toll():
    text = ("قصفت قوات النظام بالمدفعية الثقيلة بلدة علما، ما أدى لمقتل أربعة مدنيين بينهم طفلان في بلدة الغارية "
            "الشرقية المجاورة.")
    assert _tolls(text, "2016-04-10").get("علما") is None
