"""Which day an event takes when its own sentence names none (sentences written for these tests)."""

from __future__ import annotations

import pytest

from eventmap.events.extract import extract_events

PUB = "2023-06-22"   # a Thursday


def _dates(events):
    return {(e.location, e.event_date) for e in events}


def test_the_lead_dates_the_incidents_told_after_it():
    text = ("نفذ مجهولون ليلة أمس ثلاث عمليات اغتيال في ريف درعا.\n"
            "ففي بلدة المسيفرة قتل شاب برصاص مسلحين مجهولين.\n"
            "وفي مدينة جاسم أطلق مجهولون النار على عنصر سابق في الفصائل.")
    ev = extract_events(text, PUB)
    assert ("المسيفرة", "2023-06-21") in _dates(ev) and ("جاسم", "2023-06-21") in _dates(ev)


def test_the_story_day_goes_on_into_the_next_paragraph():
    text = ("On Wednesday, unknown gunmen shot dead a former rebel commander in the town of Tafas.\n\n"
            "In another incident, an explosive device went off near a military vehicle in the town of Inkhil.")
    ev = extract_events(text, PUB)
    assert ("Tafas", "2023-06-21") in _dates(ev) and ("Inkhil", "2023-06-21") in _dates(ev)
    assert all(e.time_precision == 2 for e in ev if e.location == "Inkhil")   # inferred, not stated


def test_a_date_that_starts_a_story_dates_only_its_clause():
    text = ("Clashes are still raging in the Manshiya neighbourhood of Daraa in the battle launched on Sunday, "
            "and the factions took control of the nearby Abbasiya block.")
    ev = extract_events(text, PUB)
    block = [e for e in ev if e.location == "Abbasiya block"]
    assert block and block[0].event_date == PUB


def test_a_date_in_a_later_clause_belongs_to_that_clause():
    ev = extract_events("سيطرت قوات النظام على بلدة نمر، فيما شنت أمس الأحد هجوماً على قرية سملين.", "2018-07-16")
    assert ("نمر", "2018-07-16") in _dates(ev) and ("سملين", "2018-07-15") in _dates(ev)


def test_the_date_of_a_statement_is_not_carried():
    text = ("قالت وزارة الدفاع يوم 3 حزيران إن المفاوضات مستمرة مع الوفد الروسي.\n\n"
            "وسيطر الجيش على بلدة الطيبة شرق درعا.")
    ev = extract_events(text, PUB)
    assert [(e.location, e.event_date, e.time_precision) for e in ev] == [("الطيبة", PUB, 2)]


def test_since_two_days_is_not_a_day():
    text = "تشن الطائرات الحربية منذ يومين حملة قصف على ريف درعا الشرقي.\nوقصفت صباح هذا اليوم مدينة الحراك."
    ev = extract_events(text, PUB)
    assert ("الحراك", PUB) in _dates(ev)



def test_todays_shelling_told_twice_is_not_swallowed_by_an_older_one():
    """Today's shelling is told twice (dated, then undated with its toll); the report also tells an
    older shelling of the same quarter: today's event stays, with its toll, beside the older one."""
    text = ("تواصل المدفعية منذ صباح اليوم الخميس دكّ الأحياء المحاصرة في درعا البلد.\n"
            "وذكرت شبكة محلية أن قذائف المدفعية سقطت من جديد على درعا البلد وأسفرت عن "
            "مقتل الشاب (علي الحشيش).\n"
            "وقبل يومين، استهدفت قوات النظام بقذائف الدبابات مسجداً في درعا البلد.")
    ev = [e for e in extract_events(text, PUB) if e.location == "درعا البلد" and e.sub_event_type.startswith("Shell")]
    assert {(e.event_date, e.fatalities) for e in ev} == {("2023-06-22", 1), ("2023-06-20", None)}


def test_a_datelines_day_gives_way_to_the_day_the_sentence_names():
    """The day a wire report was filed heads its first sentence; the sentence's own day dates the event, and
    with no other day the dateline's still does."""
    cases = [("NAWA, Syria, June 22 (Reuters) - Gunmen shot dead a local council member in Nawa on Tuesday, "
              "relatives said.", "2023-06-20"),
             ("درعا، 22 حزيران (سانا) - استشهد مدني برصاص مسلحين في مدينة نوى يوم الثلاثاء.", "2023-06-20"),
             ("NAWA, Syria, June 21 (Reuters) - Gunmen shot dead a local council member in Nawa, relatives said.",
              "2023-06-21")]
    for text, day in cases:
        ev = [e for e in extract_events(text, PUB) if e.sub_event_type == "Attack"]
        assert ev and {e.event_date for e in ev} == {day}, (text, [(e.location, e.event_date) for e in ev])


@pytest.mark.parametrize("text", [
    "Fighting is still going on in the Sabil quarter of Daraa city as part of an offensive that began on Sunday, "
    "June 18.",
    "لا تزال المعارك مستمرة في حي السبيل بمدينة درعا، في إطار الحملة التي بدأت يوم الأحد 18 حزيران.",
])
def test_a_campaigns_start_told_after_the_event_in_a_relative_clause_is_not_its_day(text):
    """The fighting goes on today; the Sunday is when the campaign it belongs to began."""
    assert [e.event_date for e in extract_events(text, PUB)] == [PUB]


def test_a_start_told_of_the_event_itself_still_dates_it():
    ev = extract_events("Rebels launched an offensive on Sunday the 18th of June on the Sabil quarter of Daraa city.", PUB)
    assert [e.event_date for e in ev] == ["2023-06-18"]


@pytest.mark.parametrize("text, day_before", [
    ("Government forces pounded Daraa with artillery on Thursday, a day after rebels overran several army "
     "checkpoints near Tafas, activists said.", "Tafas"),
    ("قصفت قوات النظام مدينة درعا بالمدفعية يوم الخميس، بعد يوم من سيطرة الفصائل على حواجز قرب طفس.", "طفس"),
    ("قصفت قوات النظام مدينة درعا بالمدفعية يوم الخميس، غداة سيطرة الفصائل على حواجز قرب طفس.", "طفس"),
])
def test_a_day_after_counts_back_from_the_sentences_day(text, day_before):
    got = _dates(extract_events(text, "2021-08-01"))
    assert (day_before, "2021-07-28") in got and not any(loc == day_before and d != "2021-07-28" for loc, d in got)


def test_a_date_in_a_relative_clause_dates_its_noun_not_the_event_before():
    text = ("Opposition fighters clashed with government forces in the Sabil quarter of Daraa city, despite the "
            "agreement which was reached by the guarantor states last month.")
    ev = extract_events(text, "2017-05-26")
    assert {(e.trigger_label, e.event_date) for e in ev} == {("armed_clash", "2017-05-26"),
                                                              ("agreement", "2017-04-15")}


def test_days_earlier_and_a_week_later_count_from_the_story_s_day():
    # (a week after a weekday would be after the publication: the story's day is a date here)
    text = ("On February 4, gunmen on a motorcycle shot dead a former rebel commander outside his home in Tafas.\n\n"
            "Two days earlier, a roadside bomb hit a car carrying Military Security members near Muzayrib.\n\n"
            "A week later, rebels attacked army positions near Inkhil.")
    got = _dates(extract_events(text, "2024-02-13"))
    assert {("Tafas", "2024-02-04"), ("Muzayrib", "2024-02-02"), ("Inkhil", "2024-02-11")} <= got


@pytest.mark.parametrize("text, place, day", [
    # the next day counts from the day the story gave last, in both languages
    ("Hundreds protested in the town of Inkhil on Monday. The following day, security forces raided the town and "
     "arrested twelve men.", "Inkhil", "2023-06-20"),
    ("خرجت مظاهرة في مدينة إنخل يوم الاثنين.\nوفي اليوم التالي، داهمت قوات الأمن المدينة واعتقلت عشرة شبان.",
     "إنخل", "2023-06-20"),
    # "اليوم التالي" is not today
    ("اندلعت اشتباكات في بلدة داعل يوم الأحد، وفي اليوم التالي اعتقلت دورية أمنية شابين في البلدة.",
     "داعل", "2023-06-19"),
    # a count of days inside the clause, after its day: what follows the count was that many days before
    ("Security forces raided the town of Inkhil on Tuesday, two days after hundreds protested there.", "Inkhil",
     "2023-06-18"),
])
def test_the_next_day_and_days_before_count_from_the_story(text, place, day):
    ev = [e for e in extract_events(text, PUB) if e.location == place]
    assert day in {e.event_date for e in ev}


def test_the_day_of_a_funerals_dead_is_not_the_day_of_the_shooting_at_it():
    for text in ("Security forces opened fire on mourners at the funeral of a teacher killed on Monday in Inkhil.",
                 "أطلقت قوات الأمن النار على المشيعين خلال تشييع معلم قتل يوم الاثنين في مدينة إنخل."):
        ev = extract_events(text, PUB)
        assert len(ev) == 1 and ev[0].event_date != "2023-06-19"
        assert ev[0].fatalities is None          # the teacher's death is the funeral's, not the shooting's


@pytest.mark.parametrize("text, published, day", [
    ("A source said on Sunday that gunmen shot dead a man in Tafas on Friday.", "2019-11-12", "2019-11-08"),
    ("The IDF said Thursday that troops had detained two suspects in Beit Jinn on Tuesday.", "2025-08-21",
     "2025-08-19"),
    ("وقالت وزارة الداخلية يوم الخميس إن قوى الأمن اعتقلت أمس الأول خمسة مطلوبين في مدينة جاسم.", "2025-08-21",
     "2025-08-19"),
])
def test_the_day_of_a_saying_gives_way_to_the_day_of_what_was_said(text, published, day):
    assert [e.event_date for e in extract_events(text, published)] == [day]


def test_the_day_of_a_saying_is_the_events_when_it_is_the_only_one():
    text = "A source said on Sunday that gunmen shot dead a man in Tafas."
    assert [e.event_date for e in extract_events(text, "2019-11-12")] == ["2019-11-10"]


def test_each_place_of_a_clause_takes_the_day_told_right_after_it():
    text = ("وشهد الشهر الماضي اغتيال الشاب محمد العلي في بلدة تسيل بتاريخ 12 كانون الثاني، والقيادي السابق خالد "
            "الزعبي في مدينة داعل بتاريخ 20 كانون الثاني.")
    assert {e.location: e.event_date for e in extract_events(text, "2019-02-20")} == {
        "تسيل": "2019-01-12", "داعل": "2019-01-20"}


def test_a_relative_clauses_day_before_the_act_gives_way_to_the_acts_own():
    text = "وفي مدينة جاسم، التي شهدت عملية مماثلة الأسبوع الماضي، انتشرت مجموعات محلية مسلحة يوم أمس."
    assert [e.event_date for e in extract_events(text, "2022-10-18")] == ["2022-10-17"]


@pytest.mark.parametrize("text", [
    "دخلت وحدات الجيش اليوم بلدة طفس، بعد أن سلم المسلحون أسلحتهم الثقيلة فيها أول أمس.",
    "Troops entered Tafas on Friday after rebels handed over their heavy weapons on Wednesday.",
])
def test_the_act_after_after_takes_the_day_on_its_side(text):
    days = {e.trigger_label: e.event_date for e in extract_events(text, "2018-07-20")}
    assert days["weapons_handover"] == "2018-07-18"
    assert days.get("territory_entered", days.get("territory_taken")) == "2018-07-20"


@pytest.mark.parametrize("text, days", [
    ("سيطر الجيش في 15 تموز 2018 على بلدة الحارة، وفي 17 تموز على تل الحارة.",
     {"الحارة": "2018-07-15", "تل الحارة": "2018-07-17"}),
    ("Government forces shelled Nawa on Monday and the town of Jasim on Tuesday.",
     {"Nawa": "2018-07-16", "Jasim": "2018-07-17"}),
])
def test_each_place_takes_the_day_right_before_or_after_it(text, days):
    assert {e.location: e.event_date for e in extract_events(text, "2018-07-20")} == days


@pytest.mark.parametrize("text, day", [
    ("On 18 August, gunmen killed an informant in Inkhil, while a former commander survived an assassination "
     "attempt in Busra al-Sham the following day.", "2024-08-19"),
    ("قتل مسلحون مخبراً في مدينة انخل يوم 18 آب، فيما نجا قيادي سابق من محاولة اغتيال في بصرى الشام في اليوم "
     "التالي.", "2024-08-19"),
])
def test_the_following_day_told_after_the_act_is_the_day_after(text, day):
    days = {e.place_name_en: e.event_date for e in extract_events(text, "2024-08-20")}
    assert days["Busra ash Sham"] == day and days["Inkhil"] == "2024-08-18"


def test_the_first_day_of_a_battle_the_clashes_are_told_within_is_not_their_day():
    text = ("Clashes are still raging between government forces and rebels in the Sabil district of Daraa city, "
            "within the battle which was launched on Sunday.")
    assert [(e.location, e.event_date) for e in extract_events(text, "2017-02-15")] == [("Sabil", "2017-02-15")]


def test_the_day_told_of_an_agreement_itself_still_dates_it():
    text = "The agreement which was reached on Sunday ended the fighting in Busra al-Harir."
    assert [e.event_date for e in extract_events(text, "2017-02-15") if e.trigger_label == "agreement"] == [
        "2017-02-12"]


@pytest.mark.parametrize("text", [
    "قتل شاب برصاص مجهولين ليل الجمعة في ريف درعا الغربي.\n\nوقالت مصادر محلية اليوم السبت إن مسلحين أطلقوا النار "
    "على الشاب في بلدة المزيريب، ما أدى إلى مقتله على الفور.",
    "A young man was shot dead by unknown gunmen in western Daraa on Friday night.\n\nLocal sources said on Saturday "
    "that gunmen opened fire on the man in the town of Muzayrib.",
])
def test_the_day_of_a_saying_gives_way_to_the_act_told_before_it(text):
    days = {e.event_date for e in extract_events(text, "2022-09-24") if e.place_name_en == "Al Muzayrib"}
    assert days == {"2022-09-23"}


def test_a_saying_long_after_an_earlier_act_keeps_its_own_day():
    text = ("Gunmen killed a man in Nawa on Monday.\n\nLocal sources said on Saturday that a roadside bomb hit a "
            "patrol in Jasim.")
    days = {e.place_name_en: e.event_date for e in extract_events(text, "2022-09-24")}
    assert days == {"Nawa": "2022-09-19", "Jasim": "2022-09-24"}


def test_a_start_day_restated_after_a_comma_is_still_a_start():
    text = ("الفصائل تتقدم في حي المنشية بمدينة درعا وتقتل عشرة من عناصر قوات النظام\n\n"
            "لا تزال الاشتباكات مستمرة في حي المنشية بمدينة درعا، ضمن معركة التي أطلقت يوم أمس الأحد، الـ 12 من "
            "شباط من العام الجاري.")
    days = {e.event_date for e in extract_events(text, "2017-02-13") if e.sub_event_type == "Armed clash"}
    assert days == {"2017-02-13"}


@pytest.mark.parametrize("text", [
    "حرر الجيش بلدة صيدا اليوم. ويتوقع ناشطون أن تشهد مدينة درعا يوم غد الأحد تشييعاً حاشداً للشهداء.",
    "The army captured Sayda today. Activists expect a mass funeral for the dead in Daraa tomorrow, Sunday.",
])
def test_an_act_on_a_day_still_to_come_is_no_event(text):
    assert {e.place_name_en for e in extract_events(text, "2011-04-23")} == {"Sayda"}


@pytest.mark.parametrize("text, day", [
    ("قتل شاب برصاص مجهولين صباح السبت 1 آذار في بلدة طفس.", "2025-03-01"),
    ("بعد أكثر من عام على اتفاق التسوية الذي وقع في تموز 2018، اعتقلت دورية للأمن العسكري صباح الثلاثاء شاباً في "
     "مدينة إزرع.", "2025-03-04"),
])
def test_a_weekday_before_its_date_and_a_background_month_give_way_to_the_day(text, day):
    assert [e.event_date for e in extract_events(text, "2025-03-09")] == [day]


@pytest.mark.parametrize("text, days", [
    ("شنت طائرات حربية غارات على أحياء درعا البلد منذ فجر أمس الأربعاء، تزامناً مع إلقاء مروحيات النظام براميل "
     "متفجرة على حي طريق السد.", {"2017-03-01"}),
    ("يذكر أن مدينة بصرى الشام بقيت خارج سيطرة القوات الحكومية منذ آذار 2015، حين سيطرت عليها فصائل المعارضة، قبل "
     "أن يدخلها الجيش بموجب تسوية في تموز 2018.", {"2015-03-15", "2018-07-15"}),
    ("بعد حصار خانق فرضته قوات النظام على أحياء درعا البلد منذ الرابع والعشرين من حزيران الماضي، قصفت قوات النظام "
     "الحي اليوم.", {"2017-06-24", "2017-07-29"}),
])
def test_a_clause_told_with_another_a_start_told_of_its_act_and_a_sieges_first_day(text, days):
    assert {e.event_date for e in extract_events(text, "2017-07-29" if "حصار" in text else "2017-03-02")} == days


@pytest.mark.parametrize("text, day", [
    ("وفي تموز، انفجرت عبوة ناسفة بسيارة عسكرية قرب بلدة المزيريب.", "2021-07-15"),
    ("انفجرت عبوة ناسفة بسيارة عسكرية قرب بلدة المزيريب في آب.", "2021-08-15"),     # written آب: the month
])
def test_a_month_opening_its_sentence_or_written_with_its_madda_dates_the_event(text, day):
    assert [e.event_date for e in extract_events(text, "2021-10-20")] == [day]


@pytest.mark.parametrize("text, place, day", [
    ("On 9 May, gunmen attacked a checkpoint in Inkhil. Regime forces shelled the town the following morning.",
     "Inkhil", "2022-05-10"),
    ("On 9 May, gunmen attacked a checkpoint in Inkhil. The following evening, regime forces shelled Jasim.",
     "Jasim", "2022-05-10"),
    ("Regime forces captured Alma the day before, the opposition said on Wednesday.", "Alma", "2022-05-10"),
])
def test_a_day_counted_from_the_day_told_before_or_the_day_of_the_saying(text, place, day):
    assert {e.event_date for e in extract_events(text, "2022-05-12")
            if e.location == place and e.sub_event_type != "Armed clash"} == {day}


def test_the_day_before_yesterday_is_still_counted_from_publication():
    text = "Regime forces captured Alma the day before yesterday, the opposition said."
    assert [e.event_date for e in extract_events(text, "2022-05-12")] == ["2022-05-10"]


def test_since_the_morning_hours_is_today_not_the_day_of_the_post_before():
    text = ("استشهد رجل برصاص قناص في مدينة إزرع يوم السبت.\n\n"
            "تتعرض بلدة الحارة لقصف بالمدفعية الثقيلة منذ ساعات الصباح.")
    assert {e.location: e.event_date for e in extract_events(text, "2013-03-18")} == {
        "إزرع": "2013-03-16", "الحارة": "2013-03-18"}


def test_a_storys_start_gives_way_to_the_day_told_beside_the_later_act():
    text = ("تتواصل الاحتجاجات منذ العاشر من شباط الماضي في مدينة جاسم، وكانت الطائرات قد شنت أواخر الشهر "
            "الماضي غارات على محيط بلدة نمر.")
    got = {(e.location, e.sub_event_type): e.event_date for e in extract_events(text, "2025-04-07")}
    assert got[("نمر", "Air/drone strike")] == "2025-03-15"


def test_the_strikes_of_last_night_are_not_dated_by_the_morning_they_were_announced():
    text = ("قصفت طائرات إسرائيلية الليلة الماضية مواقع عسكرية جنوبي البلاد، بحسب ما أعلنه الجيش صباح اليوم. "
            "وطالت الغارات مواقع قرب مدينة الصنمين.")
    assert {e.event_date for e in extract_events(text, "2025-03-18") if e.location == "الصنمين"} == {"2025-03-17"}


def test_but_the_next_day_is_the_day_after():
    text = ("Hundreds of people marched in Jasim on Friday. Police stayed away, but the next day security forces "
            "arrested six of the marchers in Jasim, relatives said.")
    assert {e.sub_event_type: e.event_date for e in extract_events(text, "2019-03-14")}["Arrests"] == "2019-03-09"


def test_since_a_weekdays_dawn_is_that_weekday():
    text = "سيطرت الفصائل على معبر نصيب، بعد اشتباكات بدأت منذ فجر الأربعاء."
    assert {e.event_date for e in extract_events(text, "2015-04-03")} == {"2015-04-01"}


@pytest.mark.parametrize("text", [
    "انفجرت عبوة ناسفة امبارح بدورية للأمن العسكري قرب بلدة المزيريب.",
    "انفجرت عبوة ناسفة مبارح المسا بدورية للأمن العسكري قرب بلدة المزيريب.",
])
def test_the_levantine_word_for_yesterday(text):
    assert {str(e.event_date) for e in extract_events(text, "2023-05-10")} == {"2023-05-09"}


@pytest.mark.parametrize("text, day", [
    ("In March last year, government forces shelled the town of Tafas.", "2022-03-15"),
    ("On March 3 last year, government forces shelled the town of Tafas.", "2022-03-03"),
    ("وكانت قوات النظام قد قصفت بلدة طفس في آذار من العام الماضي.", "2022-03-15"),
    ("وكانت قوات النظام قد قصفت بلدة طفس في 3 آذار من العام الماضي.", "2022-03-03"),
])
def test_a_month_of_last_year_is_of_the_year_before_publication(text, day):
    assert {str(e.event_date) for e in extract_events(text, "2023-05-10")} == {day}


@pytest.mark.parametrize("text", [
    "قصفت قوات النظام بلدة طفس ليل الاثنين الثلاثاء.",
    "قصفت قوات النظام بلدة طفس ليل الاثنين - الثلاثاء.",
    "قصفت قوات النظام بلدة طفس ليل الاثنين-الثلاثاء.",
    "قصفت قوات النظام بلدة طفس ليل الاثنين – الثلاثاء.",
    "قصفت قوات النظام بلدة طفس ليل الاثنين/الثلاثاء.",
])
def test_the_night_of_two_weekdays_is_the_first_however_they_are_joined(text):
    assert {str(e.event_date) for e in extract_events(text, "2023-05-10")} == {"2023-05-08"}


def test_a_force_of_a_unit_that_acted_is_no_funeral_of_the_dead():
    text = "A patrol of the Political Security detained on Sunday two young men in the town of Tafas."
    assert {str(e.event_date) for e in extract_events(text, "2022-09-13")} == {"2022-09-11"}


@pytest.mark.parametrize("text, day", [
    ("Three days later, unknown gunmen shot at a checkpoint in Tafas.", "2022-09-13"),   # no day before it: not the 16th
    ("Unknown gunmen shot at a checkpoint in Nawa on Sunday. Three days later, gunmen attacked a checkpoint in Tafas.",
     "2022-09-13"),   # Sunday the 11th + 3 would be the 14th, after the publication
])
def test_days_later_never_dates_an_event_after_the_publication(text, day):
    assert max(str(e.event_date) for e in extract_events(text, "2022-09-13")) == day


@pytest.mark.parametrize("text, place", [
    ("On May 3, government troops stormed Inkhil. The next day, gunmen seized two posts in Tafas. Protesters also "
     "blocked the road near Nawa.", "Nawa"),
    ("في الثالث من أيار اقتحمت قوات النظام مدينة إنخل. وفي اليوم التالي سيطر مسلحون على حاجزين في طفس. كما قطع "
     "محتجون الطريق قرب نوى.", "نوى"),
])
def test_the_day_a_story_moved_to_goes_on_in_the_next_sentence(text, place):
    assert {e.event_date for e in extract_events(text, "2020-05-10") if e.location == place} == {"2020-05-04"}


def test_a_month_in_a_where_clause_is_the_places_past_not_the_days_act():
    text = ("Government forces entered Inkhil on Thursday. The flag was raised over the town hall in Inkhil, where "
            "protests first broke out in April 2011.")
    ev = extract_events(text, "2018-07-13")
    assert {e.event_date for e in ev if e.trigger_label != "protest"} == {"2018-07-12"}
    # the day of the act itself, told in a where-clause, still dates it
    assert {e.event_date for e in extract_events("Rebels shelled the town of Inkhil, where two civilians were "
                                                 "killed on Tuesday.", "2018-07-13")} == {"2018-07-10"}


def test_the_next_day_right_after_the_act_before_its_place():
    text = "On Oct. 10, gunmen shot dead a local leader in Inkhil, and a bomb exploded the next day outside a mosque in Nawa."
    assert {e.event_date for e in extract_events(text, "2022-11-30") if e.location == "Nawa"} == {"2022-10-11"}


def test_fighting_going_on_in_a_sentence_of_its_own_is_the_reports_day():
    text = "سيطر الثوار أمس على بلدة عقربا. وفي القنيطرة، تدور اشتباكات عنيفة على أطراف بلدة مسحرة."
    ev = extract_events(text, "2014-10-06")
    assert {e.location: e.event_date for e in ev} == {"عقربا": "2014-10-05", "مسحرة": "2014-10-06"}


def test_news_that_comes_a_week_after_another_dates_that_one_a_week_before():
    ev = extract_events("The capture comes a week after rebels seized the town of Inkhil.", "2015-04-01")
    assert {e.event_date for e in ev if e.location == "Inkhil"} == {"2015-03-25"}


def test_the_latest_of_a_series_since_a_month_is_dated_by_its_own_day():
    text = ("Protests against the arrests have continued since August 2019, the latest of which took place in Inkhil "
            "on 12 May 2022.")
    assert {e.event_date for e in extract_events(text, "2022-06-08") if e.location == "Inkhil"} == {"2022-05-12"}


def test_a_wire_leads_day_of_the_report_gives_way_to_the_acts_day_told_next():
    text = ("أفاد مراسل وكالة في درعا، اليوم الثلاثاء، بمقتل سبعة من عناصر الشرطة في هجوم على مخفر بلدة إنخل. وقال "
            "المراسل إن مسلحين هاجموا مساء أمس الاثنين مبنى ناحية إنخل.")
    assert {(e.event_date, e.fatalities) for e in extract_events(text, "2020-05-05") if e.location == "إنخل"} == \
        {("2020-05-04", 7)}
