"""Long lists of places, as real reports write them: every member is a place, never cut in two.

Sentences written for these tests; the village names are real gazetteer entries of Dar'a.
"""

from __future__ import annotations

import pytest

from eventmap.events.extract import extract_events


def _locs(events, sub=None):
    return [e.location for e in events if sub is None or e.sub_event_type == sub]


def test_dash_separated_list_in_brackets():
    ev = extract_events("وتمكنت قوات النظام اليوم من السيطرة على قرى وبلدات (دير العدس – جدية – رسم الحجر – "
                        "العالمية – القصير) شمال درعا بعد انسحاب الفصائل منها.", "2018-07-20")
    assert _locs(ev) == ["دير العدس", "جدية", "رسم الحجر", "العالمية", "القصير"]
    assert all(e.sub_event_type == "Government regains territory" for e in ev)


def test_colon_and_quotes_list_keeps_multiword_names_whole():
    ev = extract_events("وأعلن مصدر عسكري أن الجيش استعاد 4 بلدات وقرى في الريف الشمالي وهي: “الضبع الأزرق، "
                        "رقة جمعة، محاعيل التل، الناصرية […]", "2018-07-22")
    assert _locs(ev) == ["الضبع الأزرق", "رقة جمعة", "محاعيل التل", "الناصرية"]


def test_waw_joined_list_with_unknown_hamlets_is_never_cut():
    ev = extract_events("حرر الجيش قرى المشارف ورسم الوعر والعوافط وصفا البطة.", "2018-07-22")
    locs = _locs(ev)
    assert locs == ["المشارف", "رسم الوعر", "العوافط", "صفا البطة"]   # "رسم الوعر" is not in the gazetteer
    unknown = [e for e in ev if e.location == "رسم الوعر"][0]
    assert unknown.resolution == "approximate" and unknown.latitude is not None   # centre of the listed villages


def test_pronoun_is_not_another_place():
    ev = extract_events("سيطر التنظيم على بلدات (القصير – جدية وسدها – الناصرية) بعد معارك.", "2018-07-20")
    assert "سدها" not in _locs(ev) and "جدية" in _locs(ev)


def test_list_ends_where_the_sentence_goes_on():
    ev = extract_events("قصفت الطائرات بلدتي الناصرية والعالمية، ما أدى إلى دمار كبير في المنازل.", "2018-06-20")
    assert _locs(ev) == ["الناصرية", "العالمية"]


def test_english_colon_list_and_towns_and_villages_of():
    ev = extract_events("A military source said the liberated villages are: Rakham, Dayr as-Salt, Umm Sharq "
                        "and Bayt al-Mushafi.", "2018-07-05")
    assert _locs(ev) == ["Rakham", "Dayr as-Salt", "Umm Sharq", "Bayt al-Mushafi"]
    ev = extract_events("Government troops took full control of the towns and villages of Rakham, Muta'iyah and "
                        "Mahajjah on Thursday.", "2018-07-05")
    assert _locs(ev) == ["Rakham", "Muta'iyah", "Mahajjah"]


def test_a_dateline_colon_starts_the_story_not_a_list():
    # "وحدات" (units) after the dateline's colon begins with و: it is not the second item of a list
    text = ("درعا - سانا: أعلنت وحدات من الجيش اليوم سيطرتها على قرى خبب والمليحة الغربية في ريف درعا "
            "الشمالي الشرقي.")
    locs = {e.location for e in extract_events(text, "2018-07-05", source="SANA")}
    assert "أعلنت" not in locs and "حدات" not in locs
    assert {"خبب", "المليحة الغربية"} <= locs


def test_a_town_named_like_a_first_name_keeps_the_town_after_it():
    # Jasim is also a man's name, and a name right after a first name is a family name ("جاسم الحريري");
    # after the conjunction it is the next town of the list, in a dual or a plain pair
    ev = extract_events("قصفت قوات النظام بالمدفعية الثقيلة بلدتي جاسم ونوى في ريف درعا الشمالي الغربي.", "2021-11-20")
    assert _locs(ev) == ["جاسم", "نوى"]
    ev = extract_events("وتعرضت جاسم وإنخل وطفس لقصف بقذائف الهاون مساء اليوم.", "2021-11-20")
    assert _locs(ev) == ["جاسم", "إنخل", "طفس"]
    ev = extract_events("وقال الشيخ جاسم الحريري إن القصف طال الأحياء السكنية في مدينة نوى.", "2021-11-20")
    assert "الحريري" not in _locs(ev) and "نوى" in _locs(ev)
    # after a comma a new clause may begin with "و" and a verb that some far village is also called
    ev = extract_events("قصفت قوات النظام أطراف مدينة جاسم، وبدأ الأهالي بالنزوح نحو القرى المجاورة.", "2022-10-16")
    assert "بدأ" not in _locs(ev) and "جاسم" in _locs(ev)


def test_a_list_after_including_is_the_plural_nouns_list():
    ev = extract_events("Government troops captured a string of villages in the south on Sunday, including Naimeh and "
                        "Saida, state media said.", "2018-07-09")
    assert {e.location for e in ev if e.trigger_label == "territory_taken"} == {"Naimeh", "Saida"}


def test_including_a_person_is_no_list_of_places():
    ev = extract_events("Several men, including Khaled Hariri, were arrested in the city of Nawa.", "2018-07-09")
    assert {e.location for e in ev} == {"Nawa"}


def test_a_list_after_most_notably_names_every_item():
    # (السهوة, a village of the eastern countryside the gazetteer lacks, no longer ends the list)
    text = "شنت المقاتلات الروسية غارات على بلدات ريف درعا الشرقي، أبرزها غصم والسهوة ونصيب."
    assert {e.location for e in extract_events(text, "2018-07-07")} >= {"غصم", "السهوة", "نصيب"}


def test_a_verb_after_the_second_town_of_a_dual_ends_its_name():
    text = "انفجرت عبوة ناسفة على الطريق بين بلدتي المسيفرة والكرك الشرقي استهدفت سيارة عسكرية."
    assert {e.location for e in extract_events(text, "2023-09-14")} == {"المسيفرة", "الكرك الشرقي"}


@pytest.mark.parametrize("text, places", [
    ("اقتحمت قوة إسرائيلية صباح اليوم قريتي الشجرة وكويا بحوض اليرموك.", {"الشجرة", "كويا"}),
    ("انفجر لغم أرضي بين بلدتي نصيب وأم المياذن مطلع الأسبوع الجاري.", {"نصيب", "أم المياذن"}),
    ("أضرب الأهالي في بلدتي طفس واليادودة احتجاجاً على حملة الاعتقالات.", {"طفس", "اليادودة"}),
])
def test_a_word_of_time_a_purpose_or_a_basin_ends_the_second_town_of_a_dual(text, places):
    assert {e.location for e in extract_events(text, "2025-06-03")} == places


@pytest.mark.parametrize("text, places", [
    ("قصف الطيران بلدات الغارية الشرقية والغارية الغربية وخربة غزالة، وسط أنباء عن ضحايا.",
     {"الغارية الشرقية", "الغارية الغربية", "خربة غزالة"}),
    ("دخلت القوات الإسرائيلية قرى الحميدية والقحطانية، وطالبت السكان بتسليم السلاح.", {"الحميدية", "القحطانية"}),
    ("سيطر الجيش على بلدتي نصيب وأم المياذن المجاورتين للحدود.", {"نصيب", "أم المياذن"}),
    ("توغلت دورية في قرى الحميدية والقحطانية ورويحينة داخل المنطقة العازلة.", {"الحميدية", "القحطانية", "رويحينة"}),
    ("تعرضت أحياء طفس لقصف مدفعي وصاروخي عنيف.", {"طفس"}),
])
def test_a_list_ends_before_amid_a_verb_an_adjective_inside_or_an_attack(text, places):
    assert {e.location for e in extract_events(text, "2018-07-06")} == places


@pytest.mark.parametrize("text", [
    "بسطت وحدات الجيش سيطرتها على عشرات القرى ومن بينها الغارية الشرقية والكرك الشرقي.",
    "بسطت وحدات الجيش سيطرتها على عدة قرى منها الغارية الشرقية والكرك الشرقي.",
    "بسطت وحدات الجيش سيطرتها على عدة قرى أبرزها الغارية الشرقية والكرك الشرقي.",
    "بسطت وحدات الجيش سيطرتها على عشرات القرى بعد معارك فيها، ومن بينها الغارية الشرقية والكرك الشرقي.",
])
def test_a_list_after_the_word_that_opens_it(text):
    assert {e.location for e in extract_events(text, "2018-07-05")} == {"الغارية الشرقية", "الكرك الشرقي"}


def test_a_place_noun_opening_a_list_item_is_not_its_name():
    text = "شن الطيران الحربي غارات على أحياء درعا المحطة وبلدتي الغارية الشرقية وعلما أمس."
    assert {"الغارية الشرقية", "علما"} <= {e.location for e in extract_events(text, "2017-02-13")}


@pytest.mark.parametrize("text", [
    "اغتال مسلحون مجهولون ثلاثة شبان في بلدة المزيريب يوم الخميس، وهم: سامر الخطيب ومحمود العلي وخالد الزعبي.",
    "قتل ثلاثة عناصر من قوات النظام في كمين قرب مدينة نوى، والقتلى: علي حسن وسامر يوسف ومحمد ديب.",
    "وثقت الشبكة مقتل شابين برصاص مجهولين في بلدة المزيريب، أسماؤهم: سامر الخطيب، محمود العلي.",
])
def test_a_list_of_the_dead_after_them_is_of_people_not_places(text):
    locs = _locs(extract_events(text, "2019-05-04"))
    assert locs and not {"سامر الخطيب", "محمود العلي", "خالد الزعبي", "علي حسن", "سامر يوسف", "محمد ديب"} & set(locs)
    assert "المزيريب" in locs or "نوى" in locs


def test_a_list_after_which_are_is_still_of_places():
    ev = extract_events("سيطر الجيش على عدة قرى في ريف درعا الشرقي، وهي: صماد وغصم والجيزة.", "2018-07-04")
    assert _locs(ev) == ["صماد", "غصم", "الجيزة"]


def test_a_list_of_counted_towns_after_them_is_still_of_places():
    text = "وأعلنت الوكالة أن الجيش سيطر على 3 بلدات في ريف درعا الشرقي وهم: صماد وغصم والجيزة."
    assert _locs(extract_events(text, "2018-07-04")) == ["صماد", "غصم", "الجيزة"]
