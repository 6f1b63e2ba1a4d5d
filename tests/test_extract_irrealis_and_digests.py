"""The nineteenth round of extraction classes: acts intended, feared or denied later; homes told by a pronoun;
explosions heard far away; a digest's day headings under bullets; villages a report puts in a neighbouring
governorate.

Sentences written for these tests in the styles of the outlets (local Arabic pages, monitors, wire English); none
is taken from a report.
"""

from __future__ import annotations

import pytest

from eventmap.events.extract import _words_before, extract_events


def _places(text: str, published: str) -> set[str]:
    return {e.location for e in extract_events(text, published)}


#: (what the case shows, the text, the day it was published, the place that must not be an event's, the place that
#: must be, or "")
_NO_ACT_THERE = [
    ("an_intention_reported_is_no_act",
     "وتحدثت مصادر أهلية عن نية القوات الحكومية اقتحام بلدة الجيزة، بينما داهمت دورية "
     "منازل في بلدة المسيفرة.", "2025-05-02", "الجيزة", "المسيفرة"),
    ("an_incursion_feared_is_no_act",
     "توغلت قوة إسرائيلية في قرية عين زيوان، ويخشى الأهالي من توسع عمليات التوغل لتشمل قرية الرفيد.",
     "2025-02-11", "الرفيد", "عين زيوان"),
    ("the_town_an_advance_would_open_the_way_to_is_a_goal",
     "سيطرت الفصائل على تل العلاقية، وهي خطوة ستفتح الطريق أمام تقدم المقاتلين نحو مدينة إزرع.",
     "2015-06-20", "إزرع", "تل العلاقية"),
    ("a_report_the_sentence_denies_later_is_no_act",
     "وتداولت صفحات على مواقع التواصل أنباء عن خروج مظاهرة في بلدة إنخل، غير أن مصادر محلية نفت ذلك.",
     "2012-03-02", "إنخل", ""),
    ("a_report_called_baseless_later_in_the_sentence_is_no_act",
     "وتناقلت حسابات محلية أنباء عن اقتحام قوات الأمن العام بلدة طفس، وهي أنباء عارية عن الصحة بحسب مسؤول في "
     "المحافظة.", "2025-03-04", "طفس", ""),
    ("a_home_told_by_he_is_from_is_no_place_of_the_killing",
     "اغتال مسلحون مجهولون عنصراً سابقاً في فصائل التسوية قرب بلدة المزيريب، وهو من مدينة طفس.",
     "2022-10-14", "طفس", "المزيريب"),
    ("blasts_heard_as_far_as_a_town_are_no_act_there",
     "استهدفت غارات إسرائيلية موقعاً عسكرياً قرب قرية الرفيد، وسمعت أصوات الانفجارات حتى مدينة نوى.",
     "2025-03-04", "نوى", "الرفيد"),
    ("a_village_said_to_be_in_rural_damascus_is_outside_the_area",
     "وفي سياق متصل، توغلت قوة إسرائيلية في بلدة بيت جن بريف دمشق الغربي، واعتقلت شاباً في قرية الحميدية.",
     "2025-06-12", "بيت جن", "الحميدية"),
    ("a_village_said_to_be_in_rural_damascus_in_english",
     "Israeli troops raided the town of Beit Jinn in rural Damascus on Thursday and detained two men.",
     "2025-06-13", "Beit Jinn", ""),
]


@pytest.mark.parametrize("why, text, published, not_there, there", _NO_ACT_THERE, ids=[r[0] for r in _NO_ACT_THERE])
def test_no_act_at_a_place_where_nothing_was_done(why, text, published, not_there, there):
    places = _places(text, published)
    assert not_there not in places
    if there:
        assert there in places


#: guards: the same words around acts that did take place there
_ACT_THERE = [
    ("a_protest_with_a_denial_of_something_else",
     "وخرجت مظاهرة في بلدة إنخل تطالب بالإفراج عن المعتقلين، فيما نفت مصادر محلية أنباء عن اعتقالات جديدة.",
     "2012-03-02", "إنخل"),
    ("a_border_village_named_with_no_governorate_stays",
     "قصفت قوات النظام بلدة كناكر بقذائف الهاون صباح اليوم.", "2017-04-03", "كناكر"),
    ("a_town_of_dar'a_followed_by_damascus_as_a_destination_stays",
     "اعتقلت دورية شاباً في بلدة الصنمين في طريقه إلى دمشق.", "2020-01-20", "الصنمين"),
]


@pytest.mark.parametrize("why, text, published, place", _ACT_THERE, ids=[r[0] for r in _ACT_THERE])
def test_an_act_stays_at_its_place(why, text, published, place):
    assert place in _places(text, published)


def test_a_heard_blast_adds_no_bombing_to_the_strike():
    text = "استهدفت غارات إسرائيلية موقعاً عسكرياً قرب قرية الرفيد، وسمعت أصوات الانفجارات حتى مدينة نوى."
    types = {e.sub_event_type for e in extract_events(text, "2025-03-04") if e.location == "الرفيد"}
    assert types == {"Air/drone strike"}


@pytest.mark.parametrize("text, published", [
    ("حصيلة الأسبوع في ريف درعا\n\n🔸 الأحد 1 آذار – ⏰ 9:40 م (بعد التراويح)\nاغتال مسلحون مجهولون شاباً في مدينة "
     "داعل.\n\n🔸 الاثنين 2 آذار\nانفجرت عبوة ناسفة بسيارة عسكرية في بلدة طفس.\n\n🔸 الثلاثاء 3 آذار (اليوم)\nخطف "
     "مسلحون ملثمون سائقاً في بلدة نصيب.\n", "2026-03-08"),
    ("Weekly security digest, Daraa\n\n• Sunday, 1 March – 9:40 pm\nGunmen shot dead a man in the town of Dael.\n\n"
     "• Monday, 2 March\nA roadside bomb struck a patrol near Tafas.\n\n• Tuesday, 3 March (afternoon)\n"
     "Masked men abducted a driver near Nasib.\n", "2026-03-08"),
])
def test_a_digest_s_headings_under_bullets_date_the_items_below_them(text, published):
    days = {e.location: e.event_date for e in extract_events(text, published)}
    got = sorted(days.values())
    assert got == ["2026-03-01", "2026-03-02", "2026-03-03"], days


def test_the_words_before_a_trigger_leave_out_a_word_the_reach_cuts():
    norm = "قصف جوي قرب الحدود الاردنيه واضاف ان امراه قتلت بقصف مدفعي"
    i = norm.index("قتلت")
    words = _words_before(norm, i, 0, 8, reach=30)
    assert words and all(w in norm.split() for w in words)
    assert words[-1] == "امراه"


#: places where the wounded were taken, words after a list, who spoke, generic sites, headline words
_NOT_AN_ACT_PLACE = [
    ("field_hospitals_the_wounded_were_taken_to",
     "قتل ثلاثة مقاتلين في اشتباكات مع قوات النظام على أطراف بلدة عتمان، ونقل الجرحى إلى مشاف ميدانية في بلدة "
     "المزيريب.", "2016-04-02", "المزيريب", "عتمان"),
    ("a_second_hospital_town_after_and_to",
     "وأصيب خمسة مدنيين بقصف مدفعي على بلدة الحراك، ونقلوا إلى المشفى الوطني في مدينة إزرع وإلى مشافي مدينة درعا.",
     "2016-04-02", "درعا", "الحراك"),
    ("a_verb_and_its_object_after_a_comma_end_a_list",
     "قتل أربعة عناصر من الفصائل في هجوم على حاجز قرب تل الحارة، وهم من بلدات جاسم وإنخل ونوى، ونقل الجرحى إلى "
     "مشفى ميداني.", "2017-03-01", "نقل الجرحى", "تل الحارة"),
    ("an_outlet_s_correspondent_after_a_comma_is_no_list_item",
     "Local gunmen and the General Security traded fire on Monday within the town of Busra al-Harir, Enab "
     "Baladi correspondent said.", "2025-03-04", "Enab Baladi", "Busra al-Harir"),
    ("the_municipality_square_is_the_town_s",
     "وتجمع عشرات الشبان ظهر اليوم في ساحة البلدية بمدينة خان أرنبة احتجاجاً على التوغلات الإسرائيلية.",
     "2025-02-20", "ساحة البلدية", "خان أرنبة"),
    ("a_battalion_named_by_its_force_is_no_village_of_that_name",
     "ونفذت طائرات إسرائيلية غارات ليلية على مواقع للجيش السابق، بينها كتيبة للدفاع الجوي قرب بلدة المسمية.",
     "2025-03-04", "كتيبة", "المسمية"),
    ("an_assembly_point_is_no_site",
     "وانطلقت الحافلات التي تقل المسلحين الرافضين للتسوية عصراً من نقطة التجمع قرب بلدة أم باطنة باتجاه الشمال.",
     "2018-07-21", "نقطة التجمع", ""),
    ("a_headline_s_mass_arrests_is_no_village",
     "Syria: Troops Surround Mosque, Mass Arrests in Daraa\n\nSecurity forces detained dozens of men in Daraa on "
     "Saturday, residents said.", "2011-04-24", "Mass", "Daraa"),
]


@pytest.mark.parametrize("why, text, published, not_there, there", _NOT_AN_ACT_PLACE,
                         ids=[r[0] for r in _NOT_AN_ACT_PLACE])
def test_no_act_at_a_place_only_named_beside_it(why, text, published, not_there, there):
    places = _places(text, published)
    assert not_there not in places
    if there:
        assert there in places


@pytest.mark.parametrize("text, published, places", [
    # a list's last name after a comma stays, though the data does not hold it
    ("وسيطرت قوات النظام اليوم على قرى المال، والعالية، وأبو قرنين.", "2018-07-10", {"المال", "أبو قرنين"}),
    # a list after "the villages of" with no speaker after it keeps every name
    ("Government forces shelled the villages of Nawa, Tasil, Jillin and Sheikh Saad on Friday, activists said.",
     "2018-07-06", {"Nawa", "Tasil", "Jillin", "Sheikh Saad"}),
    # a hospital that was itself struck is the strike's place (a named site; its town locates it)
    ("استهدفت غارة جوية المشفى الوطني في مدينة إزرع صباح اليوم.", "2017-05-02", {"المشفى الوطني"}),
])
def test_list_items_and_struck_hospitals_stay(text, published, places):
    got = _places(text, published) | {e.place_name_ar for e in extract_events(text, published)}
    assert places <= got, got


@pytest.mark.parametrize("text, published, place, sub", [
    # a taking named by its noun, its doer after it in the construct state, in a sentence about the other side
    # (the division's headquarters is the place, the town only locates it: the twenty-fourth round)
    ("وانسحبت قوات النظام من مقر الفرقة التاسعة في مدينة الصنمين بعد سيطرة الفصائل على الحواجز المحيطة.",
     "2024-12-07", "مقر الفرقة التاسعة", "Non-state actor overtakes territory"),
    # a post of a force is named by whose it is, not by a name: the town is the place
    ("وسيطر مقاتلون محليون على حاجز للأمن العسكري في بلدة المسيفرة بعد اشتباكات مع عناصره.",
     "2024-12-06", "المسيفرة", "Non-state actor overtakes territory"),
])
def test_a_taking_by_the_side_that_took_it(text, published, place, sub):
    subs = {e.sub_event_type for e in extract_events(text, published) if e.location == place}
    assert sub in subs and "Government regains territory" not in subs, subs
