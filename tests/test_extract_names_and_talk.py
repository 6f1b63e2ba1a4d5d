"""Fourteenth round: how places are named and how the text is written (spellings, glued letters, local pages,
state agencies' and monitors' stock phrases). Sentences written for these tests, in the outlets' styles."""

from __future__ import annotations

import pytest

from eventmap.events.extract import extract_events


def _events(text: str, pub: str) -> list[tuple[str, str, str, int | None]]:
    return [(e.location, e.sub_event_type, e.event_date, e.fatalities) for e in extract_events(text, pub)]


# ------------------------------------------------------------------ tolls
@pytest.mark.parametrize("text, n", [
    # the subset tells who the dead were; the place is the whole toll's
    ("قُتل سبعة مدنيين بينهم ثلاث نساء في بلدة الجيزة اليوم جراء قصف مدفعي.", 7),
    ("أسفرت الغارات عن مقتل 11 شخصاً بينهم خمسة أطفال في بصر الحرير.", 11),
])
def test_a_subset_of_the_dead_before_the_place_describes_them(text, n):
    assert {e.fatalities for e in extract_events(text, "2018-06-28")} == {n}


def test_who_the_dead_were_then_one_town_of_a_list_named_before_is_that_towns_whole_toll():
    # (the fourteenth round read "ثلاثة أطفال" as the part placed there; every QA annotator reads it as who they were)
    text = "قصفت المدفعية بلدات الجيزة والمسيفرة وكحيل، ما أدى إلى مقتل ثمانية مدنيين بينهم ثلاثة أطفال في كحيل."
    assert {e.location: e.fatalities for e in extract_events(text, "2018-06-28")} == {
        "الجيزة": None, "المسيفرة": None, "كحيل": 8}


@pytest.mark.parametrize("text, n", [
    ("قضى متظاهران برصاص قوات الأمن في مدينة جاسم اليوم.", 2),                       # a dual of protesters
    ("اغتال مسلحان مجهولان مدرساً في بلدة المسيفرة صباح اليوم.", 1),                  # the gunmen killed one
    ("قتل ضابط في المخابرات الجوية وسائقه بانفجار عبوة ناسفة قرب بلدة الكرك الشرقي.", 2),   # he and his driver
    ("قتلت وحدة من الجيش 9 إرهابيين قرب بلدة عتمان.", 9),                               # the unit before its dead
])
def test_who_and_how_many_were_killed(text, n):
    assert {e.fatalities for e in extract_events(text, "2019-05-14")} == {n}


def test_the_dead_after_a_turn_and_their_own_place_are_that_places():
    text = ("وكانت مدينة نوى قد شهدت في نيسان مظاهرة كبيرة قتل فيها شابان برصاص الأمن، ثم امتدت الاحتجاجات إلى "
            "القرى المجاورة، وسقط في بلدة تسيل يوم 20 من الشهر نفسه نحو ثلاثين قتيلاً بحسب ناشطين.")
    tolls = {e.location: e.fatalities for e in extract_events(text, "2011-05-10")}
    assert tolls["تسيل"] == 30


def test_the_clause_right_after_the_shooting_tells_its_dead():
    text = "وبينما كان الشاب عائداً إلى منزله في بلدة الغارية الغربية، أطلق ملثمان النار عليه، فأردياه قتيلاً."
    assert {e.fatalities for e in extract_events(text, "2023-02-10")} == {1}


def test_a_funerals_dead_named_by_their_day_are_not_the_shooting_at_it():
    text = "شيّع أهالي نوى اليوم ضحايا الجمعة، وأطلقت قوات الأمن النار على المشيعين، ما أدى لمقتل ثلاثة منهم."
    assert [(e.location, e.event_date, e.fatalities) for e in extract_events(text, "2011-04-30")] == [
        ("نوى", "2011-04-30", 3)]


# ------------------------------------------------------------------ places
@pytest.mark.parametrize("text, place", [
    ("داهمت دورية للأمن العسكري اليوم الأحياء الغربية لطفس واعتقلت شابين.", "طفس"),
    ("انفجرت عبوة ناسفة صباح اليوم عند المدخل الجنوبي لداعل.", "داعل"),
    ("سقطت قذائف هاون على الأطراف الشمالية للمزيريب.", "المزيريب"),   # ل + المزيريب, written with one alif gone
])
def test_a_town_glued_to_lam_after_its_part_and_side(text, place):
    got = extract_events(text, "2022-03-09")
    assert [e.location for e in got] == [place] and got[0].geo_precision == 1


def test_the_town_named_again_by_its_noun_after_lam_is_no_new_place():
    text = "اقتحمت قوات النظام بلدة طفس، وقصفت بالرشاشات الأحياء الجنوبية للمدينة."
    assert {e.location for e in extract_events(text, "2020-09-22")} == {"طفس"}


@pytest.mark.parametrize("text, place", [
    ("خرج أهالي داعل في مظاهرة حاشدة بعد صلاة الجمعة.", "داعل"),
    ("اعتصم أبناء نوى أمام مبنى البلدية للمطالبة بالإفراج عن المعتقلين.", "نوى"),
])
def test_a_towns_people_name_it_as_a_place(text, place):
    assert [e.location for e in extract_events(text, "2012-01-13")] == [place]


def test_a_man_from_a_towns_people_is_still_from_there():
    text = "اعتقلت دورية شاباً من أهالي داعل على حاجز قرب مدينة إزرع."
    assert [e.location for e in extract_events(text, "2020-01-13")] == ["إزرع"]


@pytest.mark.parametrize("text, place", [
    ("استهدفت قوات النظام من مواقعها في إزرع بلدة الحراك بالمدفعية الثقيلة.", "الحراك"),
    ("قصفت القوات المتمركزة في محيط مدينة الشيخ مسكين بلدة نوى بقذائف الهاون.", "نوى"),
    ("تعرضت بلدة المليحة الغربية لقصف صاروخي من مواقع قوات النظام في اللواء 52 قرب بلدة الحراك.", "المليحة الغربية"),
])
def test_where_the_guns_fired_from_is_no_place_of_the_shelling(text, place):
    assert {e.location for e in extract_events(text, "2016-03-02")} == {place}


def test_a_force_leaving_its_positions_in_a_town_is_there():
    text = "انسحبت قوات النظام من مواقعها في بلدة نصيب صباح اليوم."
    assert {e.location for e in extract_events(text, "2018-07-06")} == {"نصيب"}


# ------------------------------------------------------------------ acts
def test_towns_joining_the_cessation_of_hostilities_reach_an_agreement():
    text = "انضمت خلال اليوم الماضي قرى عدوان وتسيل وسحم الجولان إلى نظام وقف الأعمال القتالية."
    assert {(e.location, e.sub_event_type) for e in extract_events(text, "2018-07-20")} == {
        ("عدوان", "Agreement"), ("تسيل", "Agreement"), ("سحم الجولان", "Agreement")}


def test_armed_men_cutting_the_motorway_near_a_town():
    text = "قطع مسلحون من أبناء العشائر صباح اليوم الطريق الدولي قرب بلدة خربة غزالة."
    got = extract_events(text, "2025-07-16")
    assert {e.location for e in got} == {"خربة غزالة"} and {e.event_type for e in got} == {"Strategic developments"}


def test_a_confessed_killing_is_an_event_with_its_day_and_dead():
    text = "واعترف أفراد الخلية بتورطهم في قتل شاب في بلدة نصيب يوم الثلاثاء الماضي."
    assert _events(text, "2025-08-21") == [("نصيب", "Attack", "2025-08-19", 1)]


def test_an_arrest_of_men_involved_in_a_killing_takes_no_toll():
    text = "ألقت قوى الأمن الداخلي القبض على ثلاثة أشخاص متورطين باغتيال شاب في بلدة نصيب."
    assert [(e.sub_event_type, e.fatalities) for e in extract_events(text, "2025-08-21")] == [("Arrests", None)]


def test_gunfire_with_the_doer_and_the_time_before_the_fire():
    text = "أطلقت مجموعة مسلحة مساء يوم الأحد الماضي النار على عناصر حاجز للجيش في بلدة الشيخ مسكين."
    assert {(e.location, e.sub_event_type) for e in extract_events(text, "2012-03-07")} == {
        ("الشيخ مسكين", "Armed clash")}


@pytest.mark.parametrize("text", [
    "أحبطت وحدة من الجيش محاولة مجموعة إرهابية الاعتداء على نقطة عسكرية قرب بلدة عتمان.",
    "قتلت وحدة من الجيش ستة إرهابيين قرب بلدة عتمان.",
    "قتلت وحدة من الجيش خمسة عشر إرهابياً قرب بلدة عتمان.",
])
def test_the_army_meeting_an_armed_group_is_a_clash(text):
    assert {e.sub_event_type for e in extract_events(text, "2013-05-14")} == {"Armed clash"}


# ------------------------------------------------------------------ English spellings and roads
@pytest.mark.parametrize("text, place", [
    ("Rebels attacked an army post in Umm al-Mayathin on Wednesday.", "Umm al-Mayathin"),   # th written for ذ
    ("Government shelling hit the village of Tel Shehab on Monday.", "Tel Shehab"),         # a hill-named village
    ("Warplanes pounded Mliha al-Atash on Monday.", "Mliha al-Atash"),                       # Malihat: -at dropped
])
def test_an_outlets_spelling_of_a_village_the_data_holds_is_placed(text, place):
    got = extract_events(text, "2016-05-10")
    assert [(e.location, e.geo_precision) for e in got] == [(place, 1)]


def test_a_name_right_after_hit_or_pounded_is_a_place():
    text = "Shelling hit Inkhel and Jasem on Monday."
    assert {e.location for e in extract_events(text, "2018-06-26")} == {"Inkhel", "Jasem"}


@pytest.mark.parametrize("text", [
    "The strike hit Thursday's market in Nawa.",
    "Artillery pounded the Palestinian refugee camp in Daraa on Saturday.",
])
def test_a_day_or_a_people_before_a_site_is_no_place(text):
    assert not {e.location for e in extract_events(text, "2018-06-23")} & {"Thursday's market", "Palestinian"}


@pytest.mark.parametrize("text, places", [
    ("A roadside bomb struck a bus on the road Nawa - Tasil on Tuesday.", {"Nawa", "Tasil"}),
    ("A roadside bomb struck a bus on the Sheikh Saad - Nawa road on Tuesday.", {"Sheikh Saad", "Nawa"}),
    ("An IED went off on the Izraa-Busra al-Harir road on Tuesday.", {"Izraa", "Busra al-Harir"}),
])
def test_a_local_roads_two_ends_joined_by_a_dash(text, places):
    assert {e.location for e in extract_events(text, "2022-06-18")} == places


def test_a_highways_far_cities_are_still_no_places():
    text = "A roadside bomb struck a bus on the Daraa - Damascus highway near Khirbet Ghazaleh on Tuesday."
    assert {e.location for e in extract_events(text, "2022-06-18")} == {"Khirbet Ghazaleh"}


def test_a_list_item_after_as_well_as():
    text = "Rebels seized Adwan and Tasil, as well as Jileen, on Monday."
    assert {e.location for e in extract_events(text, "2017-02-22")} == {"Adwan", "Tasil", "Jileen"}


def test_a_second_arabic_town_after_a_waw_written_apart():
    text = "انفجرت عبوة ناسفة اليوم في نوى و تسيل"
    assert {e.location for e in extract_events(text, "2021-06-02")} == {"نوى", "تسيل"}


# ------------------------------------------------------------------ places that are no place of the act
@pytest.mark.parametrize("text, places", [
    ("A bomb killed a soldier in Nawa on Wednesday. The dead man is from the town of Tasil.", {"Nawa"}),
    ("A roadside bomb went off near Jasim on Friday, wounding three fighters who were taken to the hospital of Inkhil.",
     {"Jasim"}),
    ("Gunmen shot dead a teacher in Tafas on Monday and fled in the direction of the town of Muzayrib.", {"Tafas"}),
    ("Families displaced by the bombardment are sheltering in schools in Nasib.", set()),
    ("Rebels captured a hill that overlooks the villages of Kudnah and Ruwayhinah on Sunday.", set()),
    ("Six rebels were killed in the battle for Tal al-Jabiyeh, among them two commanders from Nawa.",
     {"Tal al-Jabiyeh"}),
])
def test_home_towns_hospitals_flights_and_shelters_are_no_place_of_the_act(text, places):
    assert {e.location for e in extract_events(text, "2019-11-22")} == places


def test_the_towns_displaced_families_fled_towards_are_still_places():
    text = "After the shelling, dozens of families fled Kuwayya towards the nearby towns of Bayt Ara and Jamla."
    assert {"Bayt Ara", "Jamla"} <= {e.location for e in extract_events(text, "2025-03-26")}


def test_shelters_for_the_displaced_are_no_place_of_the_act():
    text = "أعلنت المحافظة استقبال 300 عائلة من المهجرين جرى توزيعها على مراكز إيواء في مدينة الصنمين."
    assert extract_events(text, "2025-07-16") == []


# ------------------------------------------------------------------ the pan-Arab outlets' sentence shapes
def test_who_came_along_between_the_entry_and_the_town():
    text = "دخلت قوات النظام ترافقها الشرطة العسكرية الروسية، صباح أمس، بلدة اليادودة."
    assert [(e.location, e.actor1) for e in extract_events(text, "2018-07-21")] == [
        ("اليادودة", "Syrian government forces")]


def test_troops_accompanied_by_russian_police_are_the_doers():
    text = "Government troops, accompanied by Russian military police, entered the town of Yadudah on Friday."
    assert {e.actor1 for e in extract_events(text, "2018-07-21")} == {"Syrian government forces"}


def test_one_dead_man_over_a_monitors_day_is_his_own_toll():
    text = "قتل شاب خلال الساعات الـ24 الماضية برصاص مجهولين في بلدة المسيفرة."
    assert {e.fatalities for e in extract_events(text, "2020-04-13")} == {1}


def test_a_town_near_a_motorway_named_by_its_far_cities_places_the_act():
    text = "انفجرت عبوة ناسفة على أوتوستراد دمشق - درعا قرب غباغب."
    assert [e.location for e in extract_events(text, "2021-06-02")] == ["غباغب"]


def test_tel_aviv_read_on_into_the_next_word_is_no_place():
    text = "وقالت قوات الاحتلال في بيان نشرته تل أبيب إنها دمرت مستودع أسلحة قرب بلدة حضر."
    assert {e.location for e in extract_events(text, "2025-01-10")} == {"حضر"}


# ------------------------------------------------------------------ digests
def test_a_digests_next_bullet_keeps_its_dead_to_itself():
    text = ("- قصف مدفعي على بلدة الغارية الشرقية، تزامناً مع اشتباكات على أطراف بلدة الكرك.\n"
            "- انفجار لغم أرضي بجرار زراعي في المسيفرة، ما أدى لمقتل مزارع وابنه.\n")
    tolls = {e.location: e.fatalities for e in extract_events(text, "2016-04-11")}
    assert tolls["المسيفرة"] == 2 and tolls["الغارية الشرقية"] is None


@pytest.mark.parametrize("text, dates", [
    ("الأحد:\nاغتال مسلحون مجهولون شاباً في بلدة اليادودة.\n\nالإثنين:\nانفجرت عبوة ناسفة بدورية في مدينة إنخل.\n",
     {"اليادودة": "2023-03-05", "إنخل": "2023-03-06"}),
    ("SUNDAY\nUnknown gunmen killed a man in Yadudah.\n\nMONDAY\nAn IED hit a patrol in Inkhil.\n",
     {"Yadudah": "2023-03-05", "Inkhil": "2023-03-06"}),
])
def test_a_digests_day_headings_date_the_items_under_them(text, dates):
    assert {e.location: e.event_date for e in extract_events(text, "2023-03-09")} == dates


# ------------------------------------------------------------------ days apart, raids, tolls told after
@pytest.mark.parametrize("text, day", [
    ("ويأتي ذلك بعد يومين من اغتيال مختار في بلدة المزيريب.", "2020-03-13"),
    ("وجاء الهجوم بعد يوم واحد من مقتل شاب برصاص مجهولين في بلدة المزيريب.", "2020-03-14"),
])
def test_an_act_told_days_before_the_one_it_comes_after(text, day):
    assert {e.event_date for e in extract_events(text, "2020-03-15")} == {day}


def test_a_raid_that_took_men_away_is_an_arrest():
    text = "On Sunday, an Air Force Intelligence patrol stormed a house in Nawa at dawn and took three men away."
    assert {(e.location, e.sub_event_type) for e in extract_events(text, "2023-04-12")} == {("Nawa", "Arrests")}


def test_the_dead_of_the_battle_for_the_site_taken_before():
    text = ("Rebels overran the army base near the village of Nahta on Friday. A monitor said at least 12 people were "
            "killed in the battle for the base.")
    assert {e.fatalities for e in extract_events(text, "2014-05-10")} == {12}


def test_last_months_dead_of_one_attack_are_its_toll():
    text = "Last month, three policemen were killed in an ambush near the town of Tasil."
    assert {e.fatalities for e in extract_events(text, "2019-08-14")} == {3}


def test_a_security_agencys_checkpoint_is_in_the_town_fronted():
    text = "In Inkhil, gunmen took control of the Military Security checkpoint on Saturday."
    assert {e.location for e in extract_events(text, "2021-07-31")} == {"Inkhil"}


def test_a_road_named_by_two_towns_near_a_third_is_at_the_third():
    text = "Protesters cut the Daraa-Quneitra road near Sheikh Miskin on Tuesday, burning tires."
    assert "Sheikh Miskin" in {e.location for e in extract_events(text, "2020-03-04")}


def test_an_area_named_after_a_town_is_that_town():
    text = "Israeli troops were operating in the Tasil area when gunmen opened fire on them."
    assert {e.place_name_en for e in extract_events(text, "2025-04-03")} == {"Tasil"}


def test_one_count_of_the_armed_men_of_both_sides():
    text = "Rebels overran the army post near Nahta on Friday. A monitor said 14 rebels and soldiers were killed."
    assert {e.fatalities for e in extract_events(text, "2014-05-10")} == {14}


def test_a_village_pages_ain_glued_to_the_road():
    text = "انفجرت عبوة ناسفة عطريق داعل - طفس اليوم"
    assert {e.location for e in extract_events(text, "2022-10-18")} == {"داعل", "طفس"}


def test_a_fronts_two_word_town_in_a_common_misspelling():
    text = "اشتباكات متقطعة على جبهة بصرى الحرير في الريف الشرقي."
    assert {(e.location, e.place_name_en) for e in extract_events(text, "2015-06-22")} == {
        ("بصرى الحرير", "Busra al Hariri")}


def test_a_region_listed_beside_a_town_is_a_place_of_its_own():
    text = "وسيطرت قوات النظام أمس على منطقة اللجاة وبلدة المليحة الشرقية."
    assert {e.location for e in extract_events(text, "2018-07-07")} == {"منطقة اللجاة", "المليحة الشرقية"}


def test_a_countryside_beside_a_town_is_still_no_place_of_its_own():
    text = "وتتكرر حوادث الخطف بين السويداء وريف درعا الشرقي، وخطف مسلحون أمس شاباً في بلدة المليحة الشرقية."
    assert "ريف درعا الشرقي" not in {e.location for e in extract_events(text, "2023-05-20")}
