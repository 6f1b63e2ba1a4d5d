"""Twenty-fifth round: acts warned of or feared, where marchers came from, a town named before what befell it in an
unknown spelling, people seized or held, a withdrawal told by its verbal noun, a redeployment, a toll whose source is
long, and "since midnight last night". Sentences written for these tests in the styles of the outlets; the towns
are real entries of the committed gazetteer."""

from __future__ import annotations

import pytest

from eventmap.events.extract import extract_events


def _places(text: str, published: str = "2018-06-26") -> dict[str, list]:
    out: dict[str, list] = {}
    for e in extract_events(text, published):
        out.setdefault(e.location, []).append(e)
    return out


# ------------------------------------------------------------------ warned of, feared: not done
@pytest.mark.parametrize("text", [
    "وحذرت الهيئة العامة للثورة من مجزرة جديدة في مدينة طفس.",
    "وحذر ناشطون من اقتحام وشيك لبلدة اليادودة.",
    "Activists warned of a massacre in the town of Nawa, where shops have run out of bread.",
    "The deployment raised fears of a new assault on the town of Tafas, residents said.",
    "Local leaders warned against an offensive on the town of Jasim.",
])
def test_an_act_warned_of_or_feared_is_no_event(text):
    assert _places(text) == {}


@pytest.mark.parametrize("text, town, sub", [
    ("قصفت قوات النظام مدينة طفس أمس، وحذر ناشطون من مجزرة.", "طفس", "Shelling/artillery/missile attack"),
    ("Government forces shelled the town of Nawa on Monday, and activists warned of a massacre.", "Nawa",
     "Shelling/artillery/missile attack"),
])
def test_an_act_done_before_the_warning_is_kept_and_the_warned_act_is_not(text, town, sub):
    got = _places(text)
    assert {e.sub_event_type for e in got[town]} == {sub}


# ------------------------------------------------------------------ where marchers came from
def test_the_first_village_after_the_region_the_marchers_came_from_is_no_event_place():
    text = ("The marchers came from the villages of the eastern plain – Kahil, Um al-Mayadin and al-Musayfirah – and "
            "met heavy gunfire near the town of Saida.")
    got = _places(text, "2011-04-30")
    assert "Saida" in got
    assert "Kahil" not in got


def test_the_villages_marchers_came_from_are_no_event_places():
    text = ("Thousands of people, who came from the villages of al-Naimah, Kahil and Um al-Mayadin, came under "
            "heavy gunfire on Friday near the town of Saida, activists said.")
    got = _places(text, "2011-04-30")
    assert "Saida" in got
    assert not {"al-Naimah", "Kahil", "Um al-Mayadin"} & set(got)


def test_a_protest_in_the_town_itself_is_kept():
    got = _places("Thousands of people marched in the town of Kahil on Friday, activists said.", "2011-04-30")
    assert "Kahil" in got


# ------------------------------------------------------------------ a town opening the sentence in another spelling
@pytest.mark.parametrize("text, town, sub", [
    ("Busra al-Harir, in the eastern countryside, fell to government forces last week after days of air strikes.",
     "Busra al-Harir", "Government regains territory"),
    ("Busr al-Harir fell to government forces on Tuesday.", "Busr al-Harir", "Government regains territory"),
])
def test_a_town_opening_the_sentence_before_what_befell_it_is_found_in_a_spelling_the_data_lacks(text, town, sub):
    got = _places(text, "2018-07-02")
    assert sub in {e.sub_event_type for e in got[town]}
    assert {e.resolution for e in got[town]} == {"resolved"}


@pytest.mark.parametrize("text, town", [
    ("Ahmad al-Masalmeh was shot dead on Monday in the town of Nawa.", "Nawa"),
    ("Abu Khaled al-Hariri was shot dead on Monday in the town of Nawa.", "Nawa"),
    ("Samira Khalil al-Hamad, a woman living in the village of Kahil, was shot dead near her home on Friday.", "Kahil"),
])
def test_a_man_or_woman_opening_the_sentence_is_no_place(text, town):
    got = _places(text, "2018-07-02")
    assert set(got) == {town}


# ------------------------------------------------------------------ people seized or held
@pytest.mark.parametrize("text, town", [
    ("Gunmen seized a pharmacist from his shop in the town of Nawa on Tuesday.", "Nawa"),
    ("Rebels held twenty UN peacekeepers for four days near the village of Jamla before releasing them.", "Jamla"),
    ("The trader was found dead a day after being seized from his home in Muzeireb.", "Muzeireb"),
])
def test_people_seized_or_held_for_days_were_abducted(text, town):
    got = _places(text, "2014-08-28")
    assert "Abduction/forced disappearance" in {e.sub_event_type for e in got[town]}


@pytest.mark.parametrize("text, town, sub", [
    ("Rebels seized the town of Nawa on Tuesday.", "Nawa", "Non-state actor overtakes territory"),
    ("Troops seized weapons and ammunition in the town of Nawa on Tuesday.", "Nawa", "Disrupted weapons use"),
])
def test_a_town_or_arms_seized_are_no_abduction(text, town, sub):
    got = _places(text, "2014-08-28")
    assert {e.sub_event_type for e in got[town]} == {sub}


# ------------------------------------------------------------------ a withdrawal by its verbal noun, a redeployment
@pytest.mark.parametrize("text, town", [
    ("بدأت وحدات الجيش اليوم انسحابها التدريجي من مدينة نوى.", "نوى"),
    ("أعلنت قيادة الجيش إعادة تموضع الوحدات في محيط بلدة الشيخ مسكين.", "الشيخ مسكين"),
])
def test_a_withdrawal_told_by_its_noun_and_a_redeployment_are_strategic_events(text, town):
    got = _places(text, "2021-05-05")
    assert {e.event_type for e in got[town]} == {"Strategic developments"}


def test_a_withdrawal_demanded_is_no_event():
    assert _places("طالب الأهالي بانسحاب القوات من بلدة طفس.", "2021-05-05") == {}


# ------------------------------------------------------------------ a toll whose source is told at length
def test_a_lone_toll_after_an_act_keeps_a_long_attribution():
    text = ("Government troops stormed the town of Nawa on Monday. At least nine people were killed, according to a "
            "rights activist in contact with residents.")
    got = _places(text, "2015-06-10")
    assert [e.fatalities for e in got["Nawa"]] == [9]


# ------------------------------------------------------------------ since midnight last night
@pytest.mark.parametrize("text, day", [
    ("ونفذت الطائرات الحربية منذ منتصف ليل أمس أكثر من عشرين غارة على بلدة الحراك.", "2018-06-26"),
    ("قتل شاب برصاص مجهولين منذ منتصف الليلة الماضية في بلدة الحراك.", "2018-06-26"),
    ("ونفذت الطائرات الحربية منتصف ليل أمس غارات على بلدة الحراك.", "2018-06-25"),   # (a point: last night)
])
def test_since_midnight_last_night_is_today(text, day):
    got = _places(text, "2018-06-26")
    assert {e.event_date for e in got["الحراك"]} == {day}


# ------------------------------------------------------------------ tolls of one act told with a period near them
@pytest.mark.parametrize("text, town, toll", [
    ("Earlier this month, Israeli aircraft struck a house in the town of Nawa, killing two people.", "Nawa", 2),
    ("عثر الأهالي أمس على جثة شاب في أرض زراعية بين بلدتي الغارية الشرقية والكرك الشرقي، في حادثة هي الثانية من "
     "نوعها خلال أسبوع.", "الكرك الشرقي", 1),
    ("ونفذت الطائرات الحربية منذ منتصف ليل أمس عشرات الغارات على بلدة الحراك، ما أدى إلى مقتل ستة مدنيين.", "الحراك", 6),
])
def test_the_toll_of_one_act_is_kept_beside_a_word_of_a_period(text, town, toll):
    got = _places(text, "2025-03-26")
    assert toll in {e.fatalities for e in got[town]}


def test_a_total_over_this_month_stays_vague():
    got = _places("Government shelling has killed 40 people in the town of Nawa this month, activists say.", "2025-03-26")
    assert {e.fatalities for e in got["Nawa"]} == {None}


# ------------------------------------------------------------------ days: a start told at length, "at the same time"
def test_a_siege_start_told_at_length_dates_no_later_sentence():
    text = ("Government forces stormed the town of Nawa on Thursday morning, in the worst escalation since the siege "
            "imposed on the town on 24 June.\n\nArmy shelling killed five civilians in the town of Jasim.")
    got = _places(text, "2021-07-30")
    assert {e.event_date for e in got["Jasim"]} == {"2021-07-29"}


def test_a_paragraph_opening_at_the_same_time_takes_the_day_of_the_act_before():
    text = ("قتل عشرة متظاهرين برصاص قوات الأمن في مدينة درعا يوم أمس الجمعة، بعد أن توفي اثنان من الجرحى فجر اليوم."
            "\n\nوفي الوقت ذاته خرجت مظاهرات في بلدات نوى وجاسم وطفس.")
    got = _places(text, "2011-04-09")
    assert {e.event_date for town in ("نوى", "جاسم", "طفس") for e in got[town]} == {"2011-04-08"}


# ------------------------------------------------------------------ more wordings of acts
@pytest.mark.parametrize("text, towns, sub", [
    ("Russian jets carried out at least 25 strikes on Inkhil and the nearby towns of Jasim and Nimr on Monday, a "
     "monitor said.", ("Inkhil", "Jasim", "Nimr"), "Air/drone strike"),
    ("Gunmen shot dead a member of the local council of Tafas on Sunday as he walked home.", ("Tafas",), "Attack"),
    ("Fighters captured nine soldiers at a checkpoint near al-Yadudah and took them to an unknown destination.",
     ("al-Yadudah",), "Abduction/forced disappearance"),
])
def test_acts_told_in_these_wordings_are_found(text, towns, sub):
    got = _places(text, "2020-03-03")
    for town in towns:
        assert sub in {e.sub_event_type for e in got[town]}


def test_a_raid_that_took_a_man_to_an_unknown_place_stays_an_arrest():
    got = _places("Security forces raided a house in the town of Nawa and took its owner to an unknown destination.",
                  "2020-03-03")
    assert {e.sub_event_type for e in got["Nawa"]} == {"Arrests"}


def test_a_taking_told_after_wadhalika_by_its_noun_has_its_own_places_and_day():
    text = ("سيطرت القوات اليوم على بلدة الحراك بعد قصف استمر أياماً، وذلك بعد يومين من سيطرتها يوم الثلاثاء على "
            "بلدتي بصر الحرير ومليحة العطش.")
    got = _places(text, "2018-06-28")
    for town in ("بصر الحرير", "مليحة العطش"):
        assert {(e.sub_event_type, e.event_date) for e in got[town]} == {("Government regains territory", "2018-06-26")}



# ------------------------------------------------------------------ a town and its province after it
@pytest.mark.parametrize("text, town, toll", [
    ("A roadside bomb hit a military bus near Inkhil, Daraa Province, on Tuesday, killing three soldiers.", "Inkhil", 3),
    ("Gunmen shot dead a police officer in Nawa, Daraa governorate, on Monday.", "Nawa", 1),
])
def test_a_province_named_after_the_town_makes_no_list_of_two_places(text, town, toll):
    got = _places(text, "2025-11-12")
    assert [e.fatalities for e in got[town]] == [toll]


def test_one_total_over_a_list_of_towns_stays_vague():
    got = _places("Shelling killed five civilians in Nawa, Jasim and Inkhil on Monday, activists said.", "2025-11-12")
    assert {e.fatalities for town in ("Nawa", "Jasim", "Inkhil") for e in got[town]} == {None}
