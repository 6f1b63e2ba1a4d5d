"""Classes of reports of the war years (2011-2017) and of the years after the 2018 settlement (2019-2023) where a
place, a type or a day went wrong: a second act told after "ثم" in the same sentence.

Sentences written for these tests in the styles of the outlets; the towns are the gazetteer's.
"""

from __future__ import annotations

import pytest

from eventmap.events.extract import extract_events


def _at(text: str, published: str) -> dict[str, list]:
    out: dict[str, list] = {}
    for e in extract_events(text, published):
        out.setdefault(e.location, []).append(e)
    return out


# -- what and when ----------------------------------------------------------------------------------------------------

def test_a_capture_told_after_then_is_its_own_act_with_its_own_day():
    # (one clause had given the later towns the first act's clashes and its day)
    got = _at("سيطر الثوار أمس على تل الجابية إثر معارك ضارية خاضوها ضد قوات الأسد، ثم واصلوا تقدمهم وسيطروا صباح اليوم "
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


def test_the_places_a_group_is_said_to_hold_are_not_the_places_of_its_formation():
    got = _at("يذكر أن الفصيل تشكل العام الماضي من اندماج ثلاثة ألوية، ويسيطر على بلدات الشجرة وجملة وكويا قرب الحدود.",
              "2017-02-21")
    assert not {"الشجرة", "جملة", "كويا"} & got.keys(), got.keys()


def test_quarters_a_battle_is_launched_for_stay_its_places_when_their_holder_is_told_after_them():
    got = _at("أطلقت فصائل المعارضة اليوم معركة جديدة بهدف السيطرة على ما تبقى من أحياء تسيطر عليها القوات الحكومية في "
              "مدينة درعا.", "2015-06-25")
    assert "درعا" in got


# -- where ------------------------------------------------------------------------------------------------------------

def test_a_quarter_named_with_no_town_in_its_sentence_is_the_last_town_s_told_before():
    got = _at("شنت القوات الحكومية حملة دهم واسعة في مدينة درعا صباح اليوم.\n"
              "واعتقلت عناصر الأمن العسكري ثلاثة شبان في حي السبيل كانوا عائدين من عملهم.", "2013-05-13")
    quarter = [e for k, v in got.items() if k.startswith("حي السبيل") for e in v]
    assert [k for k in got if k.startswith("حي السبيل")] == ["حي السبيل"], got.keys()   # (the verb after it no part)
    assert quarter[0].latitude is not None and abs(quarter[0].latitude - 32.62) < 0.05, quarter[0]
    assert quarter[0].resolution == "approximate"


def test_a_quarter_after_a_province_is_not_placed_at_an_earlier_town():
    got = _at("Gunmen set up a checkpoint near Ghabagheb on Sunday.\n"
              "By Monday the fighting had spread across Suwayda province, and clashes raged in the city's Maqwas "
              "neighbourhood.", "2025-07-14")
    assert "Ghabagheb" in got   # (the town told before, in Rural Damascus's edge of the area)
    assert not [e for v in got.values() for e in v if "Maqwas" in e.location and e.latitude is not None and
                abs(e.latitude - got["Ghabagheb"][0].latitude) < 0.05], got.keys()


def test_the_article_written_a_before_a_sun_letter_opens_a_name():
    # (Syria Direct's "a-": "a-Sanamein", "Tariq a-Sad")
    got = _at("Regime forces shelled the towns of a-Sanamein and a-Shajara on Sunday, while clashes broke out in "
              "the Tariq a-Sad neighborhood of Daraa city.", "2020-03-02")
    assert {"a-Sanamein", "a-Shajara"} <= got.keys(), got.keys()
    assert got["a-Sanamein"][0].resolution == "resolved" and abs(got["a-Sanamein"][0].latitude - 33.07) < 0.05
    assert any("Tariq a-Sad" in k for k in got), got.keys()


def test_a_person_s_first_name_the_data_holds_as_a_village_is_no_place():
    got = _at("Among the dead was Ali Khalaf al-Zoubi, a teacher who had gone to help the wounded in Daraa, residents "
              "said.", "2011-03-23")
    assert "Ali" not in got, got.keys()


# -- what and when (continued) ----------------------------------------------------------------------------------------

def test_a_bomb_that_hit_is_an_explosion_not_shelling():
    got = _at("A bomb hit a bus carrying soldiers near Kahil on Thursday, killing nine.", "2020-06-20")
    assert [e.sub_event_type for e in got["Kahil"]] == ["Remote explosive/landmine/IED"]


def test_barrel_bombs_that_hit_stay_the_aircraft_s():
    got = _at("Barrel bombs hit Kahil on Thursday, activists said.", "2020-06-20")
    assert [e.sub_event_type for e in got["Kahil"]] == ["Air/drone strike"]


@pytest.mark.parametrize("text", [
    "Regime forces shelled Busra al-Harir on Tuesday, activists said. On Thursday, rebels attacked a checkpoint in Nawa.",
    "قصفت قوات النظام بلدة بصر الحرير يوم الثلاثاء، بحسب ما قاله ناشطون. يوم الخميس، هاجم الثوار حاجزاً في نوى.",
])
def test_a_day_opening_the_sentence_after_a_saying_is_the_next_act_s_not_the_saying_s(text):
    # (normalising drops the full stop: "... activists said on thursday rebels attacked")
    got = _at(text, "2013-03-22")
    nawa = got.get("Nawa") or got.get("نوى")
    assert nawa and [e.event_date for e in nawa] == ["2013-03-21"], got


def test_gatherings_in_solidarity_are_protests_and_gatherings_of_fighters_are_targets():
    got = _at("وشهدت بلدات إنخل وجاسم ونوى مساء أمس تجمعات تضامناً مع أهالي درعا.", "2011-03-19")
    assert {"إنخل", "جاسم", "نوى"} <= got.keys()
    assert {e.sub_event_type for v in got.values() for e in v} == {"Peaceful protest"}
    got = _at("استهدف الطيران الحربي تجمعات المسلحين في بلدة نوى اليوم.", "2013-03-19")
    assert [e.sub_event_type for e in got["نوى"]] == ["Air/drone strike"]


@pytest.mark.parametrize("text", [
    "On 18 March 2011, after Friday prayers, thousands of protesters marched from the Omari mosque in Daraa al-Balad.",
    "في 18 آذار 2011، وبعد صلاة يوم الجمعة، خرج آلاف المتظاهرين من الجامع العمري في درعا البلد.",
])
def test_a_weekday_told_just_after_the_date_it_falls_on_is_that_date(text):
    # (a retrospective published ten years on: the Friday is the date's, not the one before the publication)
    got = _at(text, "2021-03-18")
    assert {e.event_date for v in got.values() for e in v} == {"2011-03-18"}, got


def test_taking_a_named_village_is_a_capture():
    got = _at("On June 10, rebels followed up by taking the villages of Rakham and al Mlaiha al Gharbiyah, east of "
              "the base.", "2015-06-11")
    assert {"Rakham", "al Mlaiha al Gharbiyah"} <= got.keys(), got.keys()
    assert {e.sub_event_type for v in got.values() for e in v} == {"Non-state actor overtakes territory"}


def test_where_fighters_had_fled_from_is_not_where_they_fought():
    got = _at("اندلعت اشتباكات عنيفة بين وحدات الجيش ومجموعات مسلحة فرت من خربة غزالة في محيط بلدة داعل.", "2013-05-13")
    assert "داعل" in got and "خربة غزالة" not in got, got.keys()


def test_deserters_settled_in_a_town_leave_it_the_settlement_s_place():
    got = _at("وتمت تسوية أوضاع مئات المطلوبين والفارين من الخدمة في بلدة طفس اليوم.", "2018-08-20")
    assert "طفس" in got, got.keys()


def test_houses_the_wounded_were_taken_to_are_no_place_of_the_shooting():
    got = _at("وأطلقت قوات الأمن النار على المشيعين قرب حي السبيل في درعا، ما أدى إلى مقتل سبعة منهم، ونقل بعض الجرحى "
              "إلى منازل في بلدة اليادودة خوفاً من اعتقالهم في المشفى.", "2011-03-24")
    assert "اليادودة" not in got, got.keys()


def test_a_quarter_after_a_half_of_daraa_is_daraa_s_not_an_earlier_village_s():
    got = _at("سيطر التنظيم على بلدة جملة صباح اليوم.\nوشن الطيران الحربي غارات على مواقع المسلحين في درعا البلد وحي "
              "السبيل.", "2017-02-21")
    quarter = [e for k, v in got.items() if k.startswith("حي السبيل") for e in v]
    assert quarter and abs(quarter[0].latitude - 32.62) < 0.05, got.keys()


def test_a_taking_supposed_is_no_capture():
    got = _at("Rebel commanders say taking the city of Daraa would leave the regime with only a thin strip of territory "
              "along the highway, including Izraa and Sheikh Maskin.", "2015-06-28")
    assert not {"Izraa", "Sheikh Maskin"} & got.keys(), got.keys()


def test_strikes_named_again_with_the_article_keep_their_day_not_a_cause_s():
    got = _at("شنت طائرات حربية فجر اليوم الإثنين غارات على مواقع في بلدة نوى، رداً على اشتباكات شهدتها بلدة جاسم مساء "
              "السبت. وقالت مصادر محلية إن الغارات طالت أيضاً أطراف بلدة الشيخ سعد.", "2020-08-03")
    assert [e.event_date for e in got["الشيخ سعد"]] == ["2020-08-03"], got["الشيخ سعد"]


def test_how_a_group_was_formed_told_of_it_is_no_act_at_the_towns_it_holds():
    got = _at("ويسيطر جيش خالد، الذي تشكل في أيار 2016 من اندماج ثلاثة فصائل، على بلدات الشجرة وجملة وكويا في منطقة "
              "حوض اليرموك.", "2017-02-21")
    assert not {"الشجرة", "جملة", "كويا"} & got.keys(), got.keys()


def test_a_merger_announced_in_a_town_is_still_a_change_of_group_there():
    got = _at("أعلنت ثلاثة فصائل اندماج في تشكيل واحد في بلدة الشجرة اليوم.", "2016-05-25")
    assert [e.sub_event_type for e in got["الشجرة"]] == ["Change to group/activity"]
