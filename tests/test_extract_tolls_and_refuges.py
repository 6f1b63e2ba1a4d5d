"""The eighteenth round of extraction classes: tolls read where the act is told, and places that are no act's.

Sentences written for these tests in the styles of the outlets (wire English, OCHA updates, local Arabic pages,
monitors); none is taken from a report.
"""

from __future__ import annotations

import pytest

from eventmap.events.extract import extract_events


def _at(text: str, published: str, place: str) -> list:
    return [e for e in extract_events(text, published) if e.location == place or e.place_name_en == place]


def test_a_killing_told_after_its_town_keeps_its_one_dead():
    # the town is named in the sentence before; "shot dead a former fighter" is one dead
    text = ("The week opened with an assassination in Nawa. On 4 March, two gunmen on a motorbike shot dead a "
            "former rebel fighter outside his home in the town's eastern quarter.")
    evs = [e for e in _at(text, "2021-03-09", "Nawa") if e.event_date == "2021-03-04"]
    assert evs and evs[0].fatalities == 1


#: (what the case shows, the text, the day it was published, the place, its dead)
_TOLLS = [
    ("a_province_after_a_comma_locates_the_town_and_shares_no_toll",
     "On 9 June, three shepherds were killed by a landmine in fields near Jasim, Dar'a Governorate.",
     "2023-06-12", "Jasim", 3),
    ("an_arabic_initial_in_quotes_ends_no_sentence",
     "قتل الشاب \"خ. م\" (27 عاماً) ليل الأحد برصاص مسلحين مجهولين في الحي الشمالي من بلدة داعل.",
     "2022-08-09", "داعل", 1),
    ("the_clash_the_next_sentence_names_after_a_long_saying_gives_its_toll",
     "اشتبكت دورية للأمن العام مع مهربين قرب بلدة نصيب ليل السبت. وقال مصدر في قيادة الشرطة بمحافظة درعا "
     "لوكالة محلية إن الاشتباك أسفر عن مقتل اثنين من المهربين.",
     "2025-06-23", "نصيب", 2),
    ("a_man_and_his_two_sons_told_by_the_dual_are_three",
     "قتل رجل ونجلاه بقصف مدفعي على بلدة الغارية الشرقية مساء الأحد.",
     "2019-02-12", "الغارية الشرقية", 3),
    ("who_perished_set_off_by_commas_before_the_cause_are_counted",
     "قضى أربعة مدنيين، هم امرأة وأطفالها الثلاثة، جراء سقوط قذيفة على بلدة علما.",
     "2019-02-12", "علما", 4),
    ("a_rise_told_later_in_the_same_sentence_is_the_toll",
     "Three civilians were killed when shells hit the town of Nawa on Saturday, and a fourth died of his wounds "
     "in hospital, raising the toll to four.",
     "2020-01-05", "Nawa", 4),
    ("a_day_set_off_by_commas_between_the_killers_and_their_victim",
     "اغتال مسلحون مجهولون، مساء السبت، عنصراً سابقاً في الفصائل أثناء وجوده في بلدة المليحة الغربية.",
     "2023-05-07", "المليحة الغربية", 1),
]


@pytest.mark.parametrize("why, text, published, place, dead", _TOLLS, ids=[row[0] for row in _TOLLS])
def test_the_toll_of_the_act_at_its_place(why, text, published, place, dead):
    evs = _at(text, published, place)
    assert evs and evs[0].fatalities == dead


def test_a_clause_of_what_followed_with_no_place_of_its_own_happened_at_the_place_before():
    # "المجموعة" is an everyday word that names no village here: the clash was near the town
    text = "رصدت دورية سيارة مشبوهة قرب بلدة زيزون، فاشتبكت مع أفراد المجموعة، ما أسفر عن مقتل أحدهم."
    evs = [e for e in _at(text, "2025-08-04", "زيزون") if e.sub_event_type == "Armed clash"]
    assert evs and evs[0].fatalities == 1


def test_the_other_side_of_a_village_the_gazetteer_has_is_named_as_written_and_placed_approximately():
    # the gazetteer's كريّم is Kurayyim ash Shamali, its one side-named village with no twin: the southern one is not it
    evs = extract_events("اغتال مسلحون مجهولون عنصراً سابقاً في الفصائل داخل بلدة كريم الجنوبي مساء الجمعة.", "2025-11-02")
    south = [e for e in evs if e.location == "كريم الجنوبي"]
    assert south and south[0].resolution == "approximate" and south[0].geo_precision == 2
    assert south[0].uncertainty_km == 5.0


def test_the_side_the_gazetteer_has_stays_resolved():
    evs = extract_events("اغتال مسلحون مجهولون عنصراً سابقاً في الفصائل داخل بلدة كريم الشمالي مساء الجمعة.", "2025-11-02")
    assert any(e.location == "كريم الشمالي" and e.resolution == "resolved" for e in evs)


@pytest.mark.parametrize("text, hit, refuges", [
    ("قصفت قوات النظام بلدة المسيفرة بالمدفعية، ونزحت عشرات العائلات من أحيائها الشرقية المكتظة بالسكان إلى بلدتي الجيزة وغصم.",
     "المسيفرة", ("الجيزة", "غصم")),
    ("تعرضت بلدة كحيل لقصف عنيف، ما دفع مئات العائلات إلى النزوح نحو بلدة السهوة.", "كحيل", ("السهوة",)),
    ("اشتدت الاشتباكات في حي طريق السد، وهرب عشرات المدنيين مع أطفالهم باتجاه بلدة اليادودة.",
     "حي طريق السد", ("اليادودة",)),
])
def test_where_families_fled_to_is_no_place_of_the_act(text, hit, refuges):
    places = {e.location for e in extract_events(text, "2019-04-16")}
    assert hit in places
    assert places.isdisjoint(refuges)


def test_a_town_fled_to_that_the_next_words_say_was_shelled_keeps_its_act():
    # (guard) the place the fleeing went to is where the relative clause tells an act
    text = "فر المسلحون باتجاه بلدة طفس التي تعرضت لقصف مدفعي عنيف مساء الأحد."
    assert _at(text, "2018-07-02", "طفس")


def test_a_rise_over_several_days_is_no_toll_of_the_act():
    # (guard) the days' total after "منذ" stays off the day's act
    text = ("قتل ثلاثة مسلحين اليوم الأربعاء في اشتباكات داخل حي طريق السد، ليرتفع عدد القتلى منذ الأحد إلى 21، "
            "بحسب مصادر محلية.")
    evs = _at(text, "2022-11-02", "حي طريق السد")
    assert evs and all(e.fatalities == 3 for e in evs if e.fatalities)


def test_the_next_sentences_total_over_five_days_is_no_toll_of_the_act():
    text = ("سيطرت المجموعات المحلية على حي الكاشف في مدينة درعا مساء الخميس. وقالت مصادر محلية لموقع إخباري إن "
            "المواجهات أسفرت خلال خمسة أيام عن مقتل 14 شخصاً.")
    evs = extract_events(text, "2022-10-21")
    assert evs and all(e.fatalities != 14 for e in evs)


def test_a_digests_items_count_the_dead_its_lead_announced():
    text = ("The monitor documented the deaths of eleven civilians on Thursday in bombardment on the eastern "
            "countryside. The victims were distributed as follows:\n"
            "- Nasib: six civilians, among them three children, in a Russian airstrike.\n"
            "- al-Taybah: five civilians in artillery shelling.")
    evs = extract_events(text, "2018-07-06")
    assert {e.location: e.fatalities for e in evs if e.location in ("Nasib", "al-Taybah")} == \
        {"Nasib": 6, "al-Taybah": 5}


def test_items_under_no_lead_of_deaths_count_no_dead():
    # (guard) a digest's items of men and arms are no tolls
    text = ("Settlement digest, Thursday:\n- Jasim: 300 fighters handed over their weapons.\n"
            "- Inkhil: 120 men settled their status.")
    assert all(not e.fatalities for e in extract_events(text, "2018-07-06"))


@pytest.mark.parametrize("text, town", [
    ("وقال رئيس مجلس بلدة كودنا للصحفيين إن دورية إسرائيلية توغلت في قرية الرفيد واعتقلت راعيين.", "كودنا"),
    ("وقال عضو لجنة أهالي قرية أوفانيا إن القوات المتوغلة جرفت أراضي زراعية في قرية الحميدية.", "أوفانيا"),
    ("ولم يشارك الفوج الذي يتخذ من مدينة إزرع مقراً له في الهجوم على بلدة بصر الحرير.", "إزرع"),
    ("وأكد المصدر أن المهاجمين قدموا من بلدتي الكرك الشرقي والمسيفرة قبل أن يهاجموا حاجزاً في بلدة ناحتة.",
     "الكرك الشرقي"),
])
def test_a_speakers_office_a_forces_base_and_where_attackers_came_from_are_no_places_of_the_act(text, town):
    places = {e.location for e in extract_events(text, "2025-01-14")}
    assert places and town not in places


def test_a_threat_told_as_a_noun_is_no_storming():
    text = "وتحدثت مصادر محلية عن تهديد الفرقة الرابعة باقتحام بلدة طفس في حال عدم تسليم المطلوبين."
    assert not extract_events(text, "2020-05-06")


@pytest.mark.parametrize("text, items", [
    ("نفذت قوى الأمن حملة دهم في مدينتي نوى وجاسم بحثاً عن مطلوبين بتهم جنائية.", {"نوى", "جاسم"}),
    ("أرسلت الفصائل تعزيزات إلى بلدتي الشيخ سعد وحيط لمنع تقدم المهاجمين نحو الغرب.", {"الشيخ سعد", "حيط"}),
    ("سقطت قذائف هاون على حيي المطار والكاشف بدرعا صباح اليوم.", {"المطار", "الكاشف"}),
    ("استعادت وحدات الجيش بلدات عدوان وجلين وتل الجموع الاستراتيجي في ريف درعا الغربي.", {"عدوان", "جلين", "تل الجموع"}),
])
def test_a_lists_last_item_ends_before_an_adverb_a_purpose_the_city_or_an_adjective(text, items):
    places = {e.location for e in extract_events(text, "2018-07-17")}
    assert items <= places


def test_a_city_named_with_its_capitalised_word_is_the_city_not_the_province():
    evs = extract_events("Government shelling hit Daraa City on Monday, killing two civilians.", "2020-01-05")
    assert [(e.location, e.geo_precision, e.fatalities) for e in evs] == [("Daraa City", 1, 2)]
