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


# ------------------------------------------------------------------ a breakdown of the toll by town
@pytest.mark.parametrize("text, tolls", [
    ("Government forces killed at least 31 people in the province on Friday, among them 14 in Nawa, nine in Jasim, "
     "five in Inkhil and three in Tafas.", {"Nawa": 14, "Jasim": 9, "Inkhil": 5, "Tafas": 3}),
    ("ووثق ناشطون مقتل 12 شخصاً برصاص الأمن يوم الجمعة، بينهم 5 في نوى، 4 في جاسم و3 في إنخل.",
     {"نوى": 5, "جاسم": 4, "إنخل": 3}),
])
def test_a_breakdown_by_town_with_commas_alone_between_its_parts(text, tolls):
    assert {k: v for k, v in _tolls(text, "2011-04-23").items() if k in tolls} == tolls


# ------------------------------------------------------------------ a breakdown announced ("as follows:")
@pytest.mark.parametrize("text, tolls", [
    ("قصفت قوات النظام بالمدفعية الثقيلة أمس بلدات ريف درعا الشرقي، ما أدى لسقوط تسعة شهداء، وتوزع الشهداء على "
     "الشكل التالي: 4 في مدينة الحراك، و3 في بلدة المليحة الغربية، و2 في بلدة ناحتة.",
     {"الحراك": 4, "المليحة الغربية": 3, "ناحتة": 2}),
    ("قصفت قوات النظام بالمدفعية الثقيلة أمس بلدات ريف درعا الشرقي، ما أدى لسقوط تسعة شهداء. والشهداء موزعون "
     "كالتالي: 4 في مدينة الحراك، و3 في بلدة المليحة الغربية، و2 في بلدة ناحتة.",
     {"الحراك": 4, "المليحة الغربية": 3, "ناحتة": 2}),
    ("Government shelling killed nine civilians in eastern Daraa on Friday, broken down as follows: four in the town "
     "of al-Harak, three in Mlaiha al-Gharbiya and two in Nahta.", {"al-Harak": 4, "Mlaiha al-Gharbiya": 3, "Nahta": 2}),
    ("Shelling killed nine people in eastern Daraa on Friday. The dead were distributed as follows: four in "
     "al-Harak, three in Mlaiha al-Gharbiya and two in Nahta.", {"al-Harak": 4, "Mlaiha al-Gharbiya": 3, "Nahta": 2}),
])
def test_a_breakdown_announced_gives_each_town_its_part(text, tolls):
    assert {k: v for k, v in _tolls(text, "2013-05-18").items() if k in tolls} == tolls


# ------------------------------------------------------------------ the next sentence's toll and who the dead were
@pytest.mark.parametrize("text, n", [
    ("Security forces stormed the town of Inkhil before dawn on Wednesday. Four people were killed, among them a "
     "pharmacist who had opened his shop to treat the wounded.", 4),
    ("Regime helicopters dropped barrel bombs on the town of Alma on Monday. Nine civilians were killed, including "
     "three children from one family.", 9),
])
def test_the_next_sentences_toll_with_who_the_dead_were(text, n):
    assert {e.fatalities for e in extract_events(text, "2014-03-10")} == {n}


# ------------------------------------------------------------------ a body found: his body, and what was on it
@pytest.mark.parametrize("text, n", [
    ("وعثر الأهالي على جثته مساء أمس في أرض زراعية قرب بلدة علما.", 1),
    ("وبعد ثلاثة أيام من اختفائهما، عُثر على جثتيهما قرب بلدة الغارية الشرقية.", 2),
])
def test_a_body_found_told_with_a_pronoun_is_a_killing_with_its_dead(text, n):
    assert [(e.sub_event_type, e.fatalities) for e in extract_events(text, "2024-05-02")] == [("Attack", n)]


def test_and_on_it_after_a_town_is_no_next_town_of_a_list():
    text = "عُثر صباح اليوم على جثة شاب في مزارع بلدة علما وعليها آثار طلقات نارية."
    assert [e.location for e in extract_events(text, "2024-05-02")] == ["علما"]


# ------------------------------------------------------------------ "الـ" glued to a day's figure
@pytest.mark.parametrize("text, day", [
    ("قُتل شاب برصاص قناص في بلدة المسيفرة في الـ14 من حزيران، بحسب ناشطين.", "2019-06-14"),
    ("وكانت دورية قد اعتقلت ثلاثة شبان في بلدة علما يوم الـ9 من الشهر الجاري.", "2019-07-09"),
])
def test_the_article_glued_to_the_days_figure(text, day):
    assert {e.event_date for e in extract_events(text, "2019-07-20")} == {day}


# ------------------------------------------------------------------ where the dead or the held came from
@pytest.mark.parametrize("text, where", [
    ("اعتقلت دورية للأمن العسكري شابين ينحدران من بلدة علما على حاجز قرب مدينة الصنمين.", ["الصنمين"]),
    ("قتل ثلاثة عناصر يتحدرون من بلدة الغارية الشرقية بانفجار عبوة ناسفة قرب مدينة إنخل.", ["إنخل"]),
])
def test_the_dual_and_plural_of_came_from_name_a_home_not_the_acts_place(text, where):
    assert [e.location for e in extract_events(text, "2024-05-02")] == where


# ------------------------------------------------------------------ an arrest with words inside "ألقى القبض على"
@pytest.mark.parametrize("text, where", [
    ("ألقت وحدات الأمن الداخلي في مدينة الصنمين القبض على شابين متهمين بترويج المخدرات.", "الصنمين"),
    ("وألقى عناصر الأمن العام القبض مساء أمس على ثلاثة مطلوبين في بلدة علما.", "علما"),
])
def test_an_arrest_with_words_between_its_verb_and_its_object(text, where):
    assert [(e.location, e.sub_event_type) for e in extract_events(text, "2025-02-12")] == [(where, "Arrests")]


# ------------------------------------------------------------------ two tolls in one sentence, each with its town
@pytest.mark.parametrize("text, tolls", [
    ("استشهد 5 مدنيين في بلدة علما و2 في بلدة الغارية الشرقية جراء غارات روسية يوم الخميس.",
     {"علما": 5, "الغارية الشرقية": 2}),
    ("استشهد خمسة مدنيين في بلدة علما واثنان في بلدة الغارية الشرقية جراء غارات روسية يوم الخميس.",
     {"علما": 5, "الغارية الشرقية": 2}),
    ("Four civilians were killed in Alma and two in al-Ghariya al-Sharqiya by Russian air strikes on Thursday.",
     {"Alma": 4, "al-Ghariya al-Sharqiya": 2}),
])
def test_each_town_of_a_sentence_keeps_its_own_toll(text, tolls):
    assert _tolls(text, "2016-03-05") == tolls


def test_a_passer_by_killed_beside_the_target_is_one_more_dead():
    text = "Unknown gunmen shot dead a former opposition commander and a passer-by in the centre of Alma on Monday."
    assert {e.fatalities for e in extract_events(text, "2020-05-06")} == {2}


def test_the_figure_a_toll_rose_to_beats_a_word_for_a_man_after_the_dead():
    text = "وارتفع عدد ضحايا الهجوم الإرهابي بالقذائف على بلدة علما يوم أمس إلى 6 بعد وفاة طفل متأثراً بجراحه."
    assert {e.fatalities for e in extract_events(text, "2018-06-28")} == {6}


# ------------------------------------------------------------------ who the dead were, in longer words
@pytest.mark.parametrize("text, n", [
    # the victims' force with a hyphened adjective
    ("Three members of the Iranian-backed Fourth Division were killed by a roadside bomb near Alma on Friday.", 3),
    # remains found, with their count
    ("وعثرت فرق الدفاع المدني يوم الخميس على رفات ما لا يقل عن 9 أشخاص في مقبرة جماعية قرب بلدة علما.", 9),
    # a commander, his group's name in quotes, his name, and his companion
    ("قُتل القيادي في \"لواء أحرار نوى\" خالد العمر ومرافقه، مساء الأحد، بانفجار عبوة ناسفة قرب بلدة علما.", 2),
])
def test_the_dead_counted_past_their_force_and_name(text, n):
    assert {e.fatalities for e in extract_events(text, "2019-11-10")} == {n}


# ------------------------------------------------------------------ "perished" past the day; a car's owner; a day
@pytest.mark.parametrize("text, place, n", [
    ("وقضى صباح اليوم 3 مدنيين جراء سقوط قذائف صاروخية على بلدة الغارية الغربية.", "الغارية الغربية", 3),
    ("وقضى أمس طفل جراء انفجار لغم أرضي في بلدة المسيفرة.", "المسيفرة", 1),
    ("انفجرت عبوة ناسفة بسيارة مدنية على أطراف بلدة اليادودة، ما أدى إلى استشهاد صاحبها.", "اليادودة", 1),
    # the day of the month after the article and a space is no toll
    ("وكان أربعة عناصر من الشرطة قد استشهدوا في الـ 9 من الشهر الجاري بهجوم على مخفر بلدة علما.", "علما", 4),
])
def test_the_dead_past_a_day_word_and_a_pronoun(text, place, n):
    assert _tolls(text, "2019-03-20").get(place) == n


# ------------------------------------------------------------------ the dead of both sides
@pytest.mark.parametrize("text, place, n", [
    ("At least 17 fighters from both sides were killed in the fighting around Tafas on Tuesday.", "Tafas", 17),
    ("Nineteen fighters on both sides died in clashes in the town of Jasim on Tuesday.", "Jasim", 19),
])
def test_the_dead_of_both_sides_are_counted_not_the_sides(text, place, n):
    assert _tolls(text, "2018-06-27").get(place) == n
