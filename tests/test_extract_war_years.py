"""Classes of reports of the war years (2011-2017) and of the years after the 2018 settlement (2019-2023) where a
place, a type or a day went wrong: a second act told after "ثم" in the same sentence.

Sentences written for these tests in the styles of the outlets; the towns are the gazetteer's.
"""

from __future__ import annotations

from eventmap.events.extract import extract_events


def _at(text: str, published: str) -> dict[str, list]:
    out: dict[str, list] = {}
    for e in extract_events(text, published):
        out.setdefault(e.location, []).append(e)
    return out


# -- what and when ----------------------------------------------------------------------------------------------------

def test_a_capture_told_after_then_is_its_own_act_with_its_own_day():
    # (one clause had given the later towns the first act's clashes and its day)
    got = _at("سيطر الثوار أمس على تل الجابية بعد اشتباكات عنيفة مع قوات الأسد، ثم واصلوا تقدمهم وسيطروا صباح اليوم "
              "على بلدتي جلين وعدوان.", "2016-04-12")
    for town in ("جلين", "عدوان"):
        assert [(e.sub_event_type, e.event_date) for e in got[town]] == [
            ("Non-state actor overtakes territory", "2016-04-12")], got[town]


def test_then_before_a_town_in_a_ranking_cuts_nothing():
    # (a monitor's tally of the month's dead by town: "ثم" opens the ranking's next town, not a new act)
    got = _at("وجاءت مدينة انخل أولاً بـ 20 قتيلاً جراء القصف، تلتها بلدة جاسم بـ 15 قتيلاً، ثم بلدة نوى بـ 9 قتلى.",
              "2016-04-12")
    assert {"انخل", "جاسم", "نوى"} <= got.keys()
    assert {e.sub_event_type for k in ("جاسم", "نوى") for e in got[k]} == {"Shelling/artillery/missile attack"}
