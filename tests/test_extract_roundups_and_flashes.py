"""Classes of whole reports (monitors' round-ups, state media's digests, wire flashes) where a place, a type or a day
went wrong: a list's middle name spelt the outlet's way, a quarter of one of Daraa's two halves, where fire came
from, military reinforcements sent by no named force, a sit-in of solidarity and a call for one, a town left
"outside" a deal, fighters from other towns, a notable who speaks, a day counted after the act in its own clause.

Sentences written for these tests in the styles of the outlets; the towns are the gazetteer's, the quarters' and
sites' names partly made up.
"""

from __future__ import annotations

import pytest

from eventmap.events.extract import extract_events


def _at(text: str, published: str) -> dict[str, list]:
    out: dict[str, list] = {}
    for e in extract_events(text, published):
        out.setdefault(e.location, []).append(e)
    return out


# -- where ------------------------------------------------------------------------------------------------------------

def test_a_list_s_middle_name_spelt_the_outlet_s_way_is_a_place():
    # (the data holds Nahtah as "نحتة"; "ناحتة" between two names joined by "و" is the list's middle item)
    got = _at("واستهدفت المدفعية الثقيلة صباح اليوم الحراك وناحتة والمليحة الغربية بعشرات القذائف.", "2018-06-25")
    assert {"الحراك", "ناحتة", "المليحة الغربية"} <= got.keys()
    nahta = got["ناحتة"][0]
    assert nahta.resolution == "resolved" and abs(nahta.latitude - 32.79) < 0.05


def test_a_word_between_two_names_that_is_no_place_stays_out():
    got = _at("قصفت قوات النظام الحراك ومدارسها والمليحة الغربية بالمدفعية صباح اليوم.", "2018-06-25")
    assert "مدارسها" not in got and {"الحراك", "المليحة الغربية"} <= got.keys()


@pytest.mark.parametrize("text, published, quarter, half", [
    ("سقطت ثلاث قذائف هاون مساء أمس على حي الشياح في درعا المحطة دون وقوع إصابات.", "2017-03-21",
     "حي الشياح", "درعا المحطة"),
    ("استهدف المسلحون بالقذائف الصاروخية حيي السحاري والقصور بدرعا المحطة منذ الصباح.", "2017-03-21",
     "السحاري", "درعا المحطة"),
    ("Mortar rounds fell on the Kashef neighbourhood in Daraa al-Mahatta on Sunday, state media said.", "2017-03-21",
     "Kashef", "Daraa al-Mahatta"),
])
def test_a_quarter_of_one_of_daraa_s_halves_is_the_place_and_the_half_locates_it(text, published, quarter, half):
    got = _at(text, published)
    assert half not in got, got.keys()
    placed = [e for k, v in got.items() if quarter in k for e in v]
    assert placed and all(e.latitude is not None and abs(e.latitude - 32.62) < 0.05 for e in placed)


def test_a_quarter_that_only_locates_a_site_the_act_is_told_from_leaves_the_half_the_place():
    got = _at("وأوقعت وحدة من الجيش عدداً من المسلحين قتلى شمال شرق حارة الشيخ في حي السبيل بدرعا البلد.", "2015-03-14")
    assert "درعا البلد" in got


@pytest.mark.parametrize("text, published, hit, source", [
    ("سقطت قذيفتان أطلقهما المسلحون من أوكارهم في بلدة طفس على بلدة المزيريب ظهر اليوم.", "2016-02-11",
     "المزيريب", "طفس"),
    ("قصفت قوات النظام المتمركزة في الفوج 175 بمدينة إزرع بلدتي الشيخ مسكين ونوى بالمدفعية الثقيلة.", "2014-05-02",
     "نوى", "إزرع"),
])
def test_where_the_fire_came_from_is_no_place_it_hit(text, published, hit, source):
    got = _at(text, published)
    assert hit in got and source not in got, got.keys()


def test_a_dual_list_ends_before_the_weapon_it_was_shelled_with():
    got = _at("استهدفت قوات النظام قريتي الكرك الشرقي والنعيمة براجمات الصواريخ فجر اليوم.", "2014-05-02")
    assert {"الكرك الشرقي", "النعيمة"} <= got.keys(), got.keys()


def test_fighters_who_came_from_other_towns_to_join_a_battle_are_no_places_of_it():
    got = _at("اندلعت اشتباكات عنيفة في مدينة إنخل مساء أمس، فيما شاركت في القتال مجموعات من بلدتي نمر والحارة.",
              "2022-10-20")
    assert "إنخل" in got and not {"نمر", "الحارة"} & got.keys(), got.keys()


def test_a_town_whose_notable_speaks_is_no_place_of_the_act_he_tells():
    got = _at("وقال أحد وجهاء قرية الرفيد لمراسلنا إن دورية إسرائيلية توغلت في قرية كودنة صباح اليوم.", "2025-02-02")
    assert "كودنة" in got and "الرفيد" not in got, got.keys()


# -- what -------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, published, place", [
    ("وصلت تعزيزات عسكرية صباح اليوم إلى محيط بلدة اليادودة بريف درعا الغربي.", "2020-05-06", "اليادودة"),
    ("Military reinforcements reached Tafas on Tuesday, residents said.", "2020-05-06", "Tafas"),
    ("يأتي ذلك وسط تحشيد للمسلحين قرب بلدة المليحة الشرقية منذ الصباح.", "2025-07-16", "المليحة الشرقية"),
])
def test_troops_massed_or_sent_by_no_named_force_are_a_movement(text, published, place):
    got = _at(text, published)
    assert place in got and any(e.sub_event_type == "Other" for e in got[place]), got.keys()


def test_a_sit_in_of_solidarity_is_a_protest_where_it_stood_not_where_those_it_stood_with_are():
    got = _at("نظم العشرات في مدينة الصنمين مساء أمس وقفة تضامنية مع أهالي بلدة جاسم.", "2025-03-05")
    assert "الصنمين" in got and got["الصنمين"][0].sub_event_type == "Peaceful protest"
    assert "جاسم" not in got
    got = _at("Residents rallied in Nawa in solidarity with the people of Tafas on Friday.", "2025-03-08")
    assert "Nawa" in got and "Tafas" not in got


@pytest.mark.parametrize("text, published", [
    ("دعت لجان محلية في مدينة جاسم إلى وقفة احتجاجية بعد صلاة الجمعة.", "2025-03-05"),
    ("Activists called for a protest in Jasim after Friday prayers.", "2025-03-05"),
    ("وبقيت بلدة طفس خارج السيطرة الكاملة للحكومة حتى اليوم.", "2021-07-31"),
    ("ولا تزال مدينة جاسم خارج أي اتفاق مع اللجنة الأمنية.", "2021-07-31"),
    ("Government reinforcements reached the western countryside on Monday, in preparation for an assault on the "
     "outskirts of Tafas.",
     "2023-07-04"),
])
def test_a_call_a_state_or_a_plan_is_no_act_there(text, published):
    got = _at(text, published)
    assert not ({"جاسم", "Jasim", "طفس", "Tafas"} & got.keys()), got.keys()


def test_a_protest_held_is_still_one():
    got = _at("خرجت وقفة احتجاجية في مدينة جاسم بعد صلاة الجمعة.", "2025-03-07")
    assert "جاسم" in got and got["جاسم"][0].sub_event_type == "Peaceful protest"


# -- when -------------------------------------------------------------------------------------------------------------

def test_the_next_day_told_right_after_the_act_counts_from_its_clause_s_day():
    got = _at("قتل خمسة مدنيين بغارات على بلدة الحراك يوم الثلاثاء، قبل أن تسيطر قوات النظام على البلدة صباح اليوم التالي.",
              "2018-06-30")
    days = {e.sub_event_type: e.event_date for e in got["الحراك"]}
    assert days["Air/drone strike"] == "2018-06-26"
    assert days["Government regains territory"] == "2018-06-27"


def test_the_next_day_of_another_verb_after_a_comma_leaves_the_act_its_day():
    got = _at("اعتقلت قوة إسرائيلية يوم الأحد راعيين في قرية كودنة، وأفرجت عنهما في اليوم التالي.", "2025-02-04")
    assert [e.event_date for e in got["كودنة"] if e.sub_event_type == "Arrests"] == ["2025-02-02"]


# -- lists, sizes, units ----------------------------------------------------------------------------------------------

def test_a_list_s_last_name_ends_before_the_verb_after_it():
    got = _at("وأكد المراسل أن بلدات غصم ومعربة والجيزة انضمت صباح اليوم إلى اتفاق التسوية.", "2018-07-07")
    assert "الجيزة" in got and not any(k.startswith("الجيزة ") for k in got), got.keys()


def test_a_list_item_of_two_words_whose_first_is_a_village_too_stays_whole():
    # ("خربة" alone is a village's name; "خربة X" is another place)
    got = _at("سيطرت وحدات الجيش على بلدات الهبارية وخربة الشياح وحمريت بعد معارك عنيفة.", "2015-02-28")
    assert "خربة" not in got and "خربة الشياح" in got, got.keys()


def test_a_village_named_with_its_size_in_another_form_is_found():
    # (the data holds "الصورة الكبرى"; "الصورة" alone, "the picture", is an everyday word and another village)
    got = _at("أقامت قوات الأمن الداخلي حواجز عند مداخل بلدة الصورة الكبيرة ظهر اليوم.", "2025-07-19")
    assert "الصورة الكبيرة" in got and got["الصورة الكبيرة"][0].place_name_ar == "الصورة الكبرى", got.keys()


def test_a_numbered_battalion_is_a_site_near_the_town_that_locates_it():
    got = _at("سيطرت كتائب المعارضة فجر اليوم على الكتيبة 49 للدفاع الجوي الواقعة قرب بلدة صيدا.", "2013-04-10")
    assert "صيدا" not in got and "الكتيبة 49" in got, got.keys()
    assert got["الكتيبة 49"][0].latitude is not None


@pytest.mark.parametrize("text, hit", [
    ("قصفت قوات النظام من الفوج 175 مدينة إزرع بقذائف المدفعية الثقيلة.", "إزرع"),
    ("قصفت قوات النظام من اللواء 12 بلدة الشيخ مسكين بالمدفعية الثقيلة.", "الشيخ مسكين"),
])
def test_the_post_a_town_was_shelled_from_is_no_place_it_hit(text, hit):
    got = _at(text, "2013-04-10")
    assert set(got) == {hit}, got.keys()


def test_the_bombardment_named_again_after_air_strikes_is_theirs():
    got = _at("شن الطيران الحربي الروسي غارات على بلدة الحراك، فيما تركز القصف على النعيمة وصيدا.", "2018-07-05")
    assert {"النعيمة", "صيدا"} <= got.keys()
    assert {e.sub_event_type for k in ("النعيمة", "صيدا") for e in got[k]} == {"Air/drone strike"}


@pytest.mark.parametrize("text", [
    "وصل وفد اللجنة الأمنية إلى بلدتي اليادودة وطفس لتطبيق اتفاقات مماثلة.",
    "وتتصاعد مخاوف الأهالي من حملات اعتقال في بلدتي اليادودة وطفس.",
    "وطالب الوجهاء في بلدتي اليادودة وطفس بتمديد مهل التسوية شهراً آخر.",
])
def test_a_purpose_a_fear_or_a_deadline_is_no_act(text):
    got = _at(text, "2021-07-29")
    assert not {"طفس", "اليادودة"} & got.keys(), got.keys()


# -- spellings inside spellings, regions, squares, flight -------------------------------------------------------------

def test_a_two_word_name_read_after_its_verb_leaves_no_namesake_inside_it():
    # ("الحرير", a village far away, is the second word of "بصر الحرير" as outlets spell Busra al-Harir)
    got = _at("وبدأت الحملة بقصف مدفعي عنيف طال بصر الحرير ومليحة العطش منذ الفجر.", "2018-06-20")
    assert "الحرير" not in got and {"بصر الحرير", "مليحة العطش"} <= got.keys(), got.keys()


def test_a_region_an_act_is_aimed_at_is_its_place_beside_the_towns_of_the_next_act():
    got = _at("وكانت القوات قد بدأت هجومها بقصف مكثف على منطقة اللجاة، ثم سيطرت صباح اليوم على بلدة مسيكة.",
              "2018-06-23")
    assert {"منطقة اللجاة", "مسيكة"} <= got.keys(), got.keys()


def test_a_region_that_frames_the_towns_of_the_act_stays_their_container():
    got = _at("وفي منطقة اللجاة، سيطرت القوات صباح اليوم على بلدة مسيكة.", "2018-06-23")
    assert "منطقة اللجاة" not in got and "مسيكة" in got, got.keys()


def test_a_mosque_s_square_is_the_mosque():
    got = _at("رفعت وحدات الجيش العلم الوطني ظهر اليوم في ساحة المسجد العمري بدرعا البلد.", "2018-07-12")
    assert "المسجد العمري" in got and not any(k.startswith("ساحة") for k in got), got.keys()


def test_where_families_fled_to_however_far_the_verb_is_no_place_of_the_shelling():
    got = _at("Residents said dozens of families had fled their homes in the eastern quarters toward the nearby "
              "village of Inkhil as the shelling went on.", "2018-06-26")
    assert "Inkhil" not in got, got.keys()


def test_a_town_to_be_spared_an_assault_is_no_place_of_it():
    got = _at("يسعى وجهاء المنطقة لتجنيب بلدتي غصم ومعربة هجوماً عسكرياً وشيكاً.", "2018-06-26")
    assert not {"غصم", "معربة"} & got.keys(), got.keys()
