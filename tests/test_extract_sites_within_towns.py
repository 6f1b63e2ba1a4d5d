"""Twenty-fourth round: named sites inside towns (a man's name in a mosque's or a school's name, a police post, a
valley, a grove, a force's headquarters, a school in a camp) and the dead of a breakdown. Sentences written for
these tests in the styles of the outlets; the towns are real entries of the committed gazetteer."""

from __future__ import annotations

import pytest

from eventmap.events.extract import extract_events


def _places(text: str, published: str = "2016-09-14") -> dict[str, list]:
    out: dict[str, list] = {}
    for e in extract_events(text, published):
        out.setdefault(e.location, []).append(e)
    return out


# ------------------------------------------------------------------ a man's name in a site's name
@pytest.mark.parametrize("text, site, town", [
    ("سقطت قذيفتا هاون صباح اليوم على جامع عثمان بن عفان في مدينة الحراك.", "جامع عثمان بن عفان", "الحراك"),
    ("استهدف قناص حي قرب مسجد أبو عبيدة الجراح في بلدة الكرك الشرقي.", "مسجد أبو عبيدة الجراح", "الكرك الشرقي"),
    ("سقطت قذيفة على جامع أبي ذر الغفاري في بلدة المسيفرة.", "جامع أبي ذر الغفاري", "المسيفرة"),
    ("أصيب طفلان بقصف طال مدرسة عبد الرحمن الداخل في مدينة الشيخ مسكين.", "مدرسة عبد الرحمن الداخل", "الشيخ مسكين"),
])
def test_a_site_named_after_a_man_keeps_his_whole_name_and_its_town_only_locates_it(text, site, town):
    got = _places(text)
    assert site in got
    assert town not in got
    assert {e.geo_precision for e in got[site]} == {2}   # placed at the town that holds it


# ------------------------------------------------------------------ kinds of sites
@pytest.mark.parametrize("text, site", [
    ("هاجم مسلحون مجهولون ليل أمس مخفر الشيخ مسكين بالأسلحة الرشاشة.", "مخفر الشيخ مسكين"),
    ("عثر أهالي بلدة المسيفرة على جثة رجل مجهول الهوية في وادي العجمي شرقي البلدة.", "وادي العجمي"),
    ("دارت اشتباكات عنيفة في حرش الدلي قرب مدينة نوى بين فصائل المعارضة وجيش خالد بن الوليد.", "حرش الدلي"),
    ("اندلعت اشتباكات مساء أمس في محيط مقر الفرقة الخامسة في مدينة إزرع.", "مقر الفرقة الخامسة"),
    ("انسحبت قوات النظام فجر اليوم من مقر اللواء الثامن في بصرى الشام.", "مقر اللواء الثامن"),
])
def test_a_site_noun_and_its_name_are_the_place(text, site):
    assert site in _places(text)


def test_a_school_named_after_a_martyr_is_a_site_not_a_killing():
    got = _places("قتل ستة مدنيين بسقوط صواريخ على مدرسة الشهيد خالد المحاميد في مخيم درعا أمس.")
    assert list(got) == ["مدرسة الشهيد خالد المحاميد"]
    assert [(e.sub_event_type, e.fatalities) for e in got["مدرسة الشهيد خالد المحاميد"]] == \
        [("Shelling/artillery/missile attack", 6)]


def test_a_site_noun_with_a_preposition_names_nothing_the_quarter_after_it_is_the_place():
    got = _places("سقطت قذيفة هاون على مدرسة بحي المطار في مدينة درعا.")
    assert "حي المطار" in got
    assert not any(k.startswith("مدرسة") for k in got)


# ------------------------------------------------------------------ guards
@pytest.mark.parametrize("text, place", [
    ("قصفت قوات النظام مقر اللواء 52 في ريف درعا الشرقي.", "اللواء 52"),   # a unit's number names its base
    ("خرجت مظاهرة حاشدة في ساحة البلدية بمدينة نوى.", "نوى"),              # the town's square: the town
])
def test_guards_of_what_names_a_site(text, place):
    assert place in _places(text)


# ------------------------------------------------------------------ the far ends of a movement
@pytest.mark.parametrize("text, place, not_places", [
    # reinforcements from a base in a town: neither the base nor its town
    ("دفعت قوات النظام صباح اليوم بتعزيزات من مقر اللواء 15 في مدينة إنخل إلى بلدة الحارة.", "الحارة",
     {"اللواء 15", "إنخل"}),
    # reinforcements with the clitic ب, from two towns: no place of the act at all but the front
    ("ودفعت فصائل المعارضة بتعزيزات من مدينتي جاسم وإنخل إلى محيط بلدة الحارة.", "الحارة", {"جاسم", "إنخل"}),
    # a withdrawal told by its verbal noun: where they withdrew to is not where the capture was
    ("سيطرت فصائل المعارضة على بلدة الكرك الشرقي، ما أجبر قوات النظام على الانسحاب باتجاه مدينة إزرع.",
     "الكرك الشرقي", {"إزرع"}),
])
def test_the_far_ends_of_a_movement_are_no_event_places(text, place, not_places):
    got = _places(text)
    assert place in got
    assert not_places.isdisjoint(got)


# ------------------------------------------------------------------ acts a word had hidden
def test_a_village_whose_name_is_an_english_event_word_is_a_place_of_the_list():
    got = _places("Government warplanes pounded the villages of Hit, Jamla and Saham al-Jawlan on Thursday.",
                  "2018-07-20")
    assert {"Jamla", "Saham al-Jawlan"} <= set(got)
    assert all(e.sub_event_type == "Air/drone strike" for es in got.values() for e in es)


@pytest.mark.parametrize("text, places", [
    ("Israeli patrols entered the villages of Ruwayhinah and Ufaniyah on Saturday morning.",
     {"Ruwayhinah", "Ufaniyah"}),
    ("Government armored units rolled into Inkhil on Sunday after the rebels there accepted the deal.", {"Inkhil"}),
])
def test_a_forces_patrols_and_units_are_its_doers(text, places):
    assert places <= set(_places(text, "2025-02-10"))


# ------------------------------------------------------------------ a region whose villages were struck
@pytest.mark.parametrize("text, region", [
    ("قصفت المروحيات صباح اليوم قرى منطقة اللجاة، ولا سيما بلدات المدورة وإيب وشعارة.", "منطقة اللجاة"),
    ("شنت الطائرات الحربية غارات على قرى وبلدات منطقة حوض اليرموك، أبرزها الشجرة ونافعة.", "منطقة حوض اليرموك"),
])
def test_a_region_whose_villages_the_act_struck_is_a_place_beside_them(text, region):
    assert region in _places(text, "2018-07-02")


def test_a_region_that_only_locates_a_town_stays_a_reference():
    got = _places("قصفت الطائرات الحربية بلدة المدورة الواقعة في منطقة اللجاة.", "2018-07-02")
    assert "المدورة" in got
    assert "منطقة اللجاة" not in got


def test_where_a_displaced_family_came_from_is_no_event_place():
    got = _places("سقطت قذيفة هاون على منزل يؤوي عائلة نازحة من بلدة الشيخ مسكين في مدينة إزرع، ما أدى لإصابة طفلين.")
    assert "إزرع" in got
    assert "الشيخ مسكين" not in got


# ------------------------------------------------------------------ a place the act was meant to defend or reach
@pytest.mark.parametrize("text, place, goal", [
    ("اندلعت اشتباكات عنيفة في محيط بلدة عدوان لمنع تقدم عناصر التنظيم نحو بلدة تسيل.", "عدوان", "تسيل"),
    ("استهدفت فصائل المعارضة بصاروخ موجه رتلاً قرب بلدة خربة غزالة كان في طريقه لتعزيز مواقع النظام في مدينة "
     "إزرع.", "خربة غزالة", "إزرع"),
])
def test_the_place_a_purpose_aims_at_is_no_event_place(text, place, goal):
    got = _places(text, "2015-06-10")
    assert place in got
    assert goal not in got


def test_a_battle_launched_to_take_a_town_is_fought_there():   # (guard: the development set annotates it so)
    got = _places("أطلقت فصائل المعارضة اليوم معركة جديدة بهدف السيطرة على مدينة الشيخ مسكين.", "2015-06-10")
    assert "الشيخ مسكين" in got


# ------------------------------------------------------------------ the next act after "ثم"; acts called for or to come
def test_the_act_after_then_takes_its_own_day_and_places():
    got = _places("وكانت الفصائل قد سيطرت يوم الجمعة على مدينة جاسم وبلدة نمر، ثم دخلت مدينتي الشيخ مسكين وإزرع "
                  "يوم السبت.", "2024-12-09")
    assert {e.event_date for e in got["جاسم"]} == {"2024-12-06"}
    assert {e.event_date for e in got["الشيخ مسكين"]} == {"2024-12-07"}
    assert {e.event_date for e in got["إزرع"]} == {"2024-12-07"}


def test_then_with_the_same_verbs_next_place_is_one_act():   # (guard)
    got = _places("سيطرت الفصائل في آذار على مدينة بصرى الشام، ثم على معبر نصيب مطلع نيسان.", "2015-06-10")
    assert {"بصرى الشام", "معبر نصيب"} <= set(got)


@pytest.mark.parametrize("text", [
    "Activists called for fresh protests on Friday in the towns of Jasim and Inkhil.",
    "والاتصالات جارية لانضمام بلدات الكرك الشرقي والغارية الغربية إلى التسوية خلال الأيام القليلة المقبلة.",
])
def test_an_act_called_for_or_to_come_in_the_next_days_is_no_event(text):
    assert _places(text, "2018-07-04") == {}


# ------------------------------------------------------------------ a post between two towns
def test_a_post_between_two_towns_is_the_place_and_the_towns_locate_it():
    got = _places("هاجم مقاتلون محليون فجر اليوم حاجز \"المثلث\" الفاصل بين بلدتي تسيل وعدوان وسيطروا عليه.",
                  "2020-03-02")
    assert "حاجز المثلث" in got
    assert {"تسيل", "عدوان"}.isdisjoint(got)


def test_an_act_on_the_road_between_two_towns_is_at_both():   # (guard)
    got = _places("استهدفت عبوة ناسفة سيارة عسكرية على الطريق بين بلدتي تسيل وعدوان صباح اليوم.", "2020-03-02")
    assert {"تسيل", "عدوان"} <= set(got)


# ------------------------------------------------------------------ where a name ends
@pytest.mark.parametrize("text, place", [
    ("Government helicopters dropped barrel bombs on the Daraa refugee camp on Tuesday.", "Daraa refugee camp"),
    ("Fighting raged on Tuesday around the al-Karak farms east of the town.", "al-Karak farms"),
    ("A car bomb went off outside Busra al-Sham's Roman theatre on Tuesday.", "Roman theatre"),
    ("Gunmen shot dead a former rebel in Daraa al-Balad's Sabil neighbourhood on Tuesday.", "Sabil"),
    ("قصفت المدفعية صباح اليوم قريتي عين ذكر ونافعة الواقعتين في حوض اليرموك.", "نافعة"),
    ("شنت الطائرات الحربية غارات على منطقة اللجاة الوعرة الممتدة بين ريفي درعا والسويداء.", "منطقة اللجاة"),
])
def test_a_name_ends_before_the_words_that_describe_it(text, place):
    assert place in _places(text, "2016-02-09")


def test_the_owner_of_a_site_only_locates_it():
    got = _places("A car bomb went off outside Busra al-Sham's Roman theatre on Tuesday.", "2016-02-09")
    assert "Busra al-Sham" not in got


# ------------------------------------------------------------------ a town heading the sentence frames its quarters
def test_a_town_heading_the_sentence_frames_the_quarters_told_in_it():
    got = _places("وفي مدينة درعا، تعرضت صباح اليوم أحياء السبيل والقصور لقصف بقذائف الهاون.", "2019-11-03")
    assert {"السبيل", "القصور"} <= set(got)
    assert "درعا" not in got
    # (the quarters the gazetteer lacks are placed at the town, a few km of uncertainty)
    assert {(e.geo_precision, e.resolution) for k in ("السبيل", "القصور") for e in got[k]} == {(2, "approximate")}


def test_a_town_heading_the_sentence_with_no_quarter_is_the_place():   # (guard)
    assert "جاسم" in _places("وفي مدينة جاسم، اغتال مسلحون مجهولون صباح اليوم عنصراً سابقاً في الفصائل.", "2019-11-03")


# ------------------------------------------------------------------ an assault and the arms it was made with
@pytest.mark.parametrize("text, place", [
    ("هاجم مسلحون مجهولون فجر اليوم حاجز الري قرب بلدة المزيريب بالأسلحة الرشاشة والقذائف الصاروخية.", "حاجز الري"),
    ("هاجم مقاتلو الفصائل من ثلاثة محاور حي سجنة، مستخدمين عربات مفخخة وقذائف صاروخية.", "حي سجنة"),
])
def test_a_ground_attack_made_with_shells_or_car_bombs_is_a_clash(text, place):
    assert {e.sub_event_type for e in _places(text, "2017-02-12")[place]} == {"Armed clash"}


def test_an_attack_with_artillery_shells_is_shelling():   # (guard)
    got = _places("هاجمت قوات النظام بلدة النعيمة بقذائف المدفعية الثقيلة صباح اليوم.", "2017-02-12")
    assert {e.sub_event_type for e in got["النعيمة"]} == {"Shelling/artillery/missile attack"}


# ------------------------------------------------------------------ a quarter's name ends before the sentence's words
@pytest.mark.parametrize("text, place", [
    ("وسقطت قذائف صاروخية على حي السبيل طالت قرابة عشرة منازل.", "حي السبيل"),
    ("وتعرض حي الكاشف لقصف عنيف أمس، وحي القصور دمر بالكامل.", "حي القصور"),
    ("وخرجت من حي درعا البلد قافلة تهجير تقل مئات المقاتلين.", "حي درعا البلد"),
    ("قصفت قوات النظام صباح اليوم أحياء المنشية وسجنة بأكثر من ثلاثين صاروخاً.", "سجنة"),
])
def test_a_quarters_name_ends_before_the_verb_or_noun_after_it(text, place):
    assert place in _places(text, "2017-06-10")


def test_a_quarter_named_after_a_title_and_a_name_keeps_both():   # (guard)
    assert "حي الشيخ سعد" in _places("سقطت قذائف هاون على حي الشيخ سعد في مدينة نوى.", "2017-06-10")


# ------------------------------------------------------------------ a start told with "since" is no running day
def test_a_start_told_since_a_longer_phrase_does_not_date_the_next_sentences():
    got = _places("Government forces shelled Tafas on Wednesday, the heaviest bombardment since the blockade imposed on "
                  "May 3. Later, clashes broke out in al-Muzayrib.", "2019-05-23")
    assert {e.event_date for e in got["al-Muzayrib"]} == {"2019-05-22"}
