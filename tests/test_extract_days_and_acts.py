"""The seventeenth round of extraction classes: the day of each act in a report that moves across days, acts
that are plans, tallies or names, and tolls written around datelines and duals. Sentences written for these tests
in the styles of the outlets; the places are real entries of the committed gazetteer."""

from __future__ import annotations

from eventmap.events.dates import find_dates
from eventmap.events.extract import extract_events


def _by_place(text: str, published: str) -> dict[str, list]:
    out: dict[str, list] = {}
    for e in extract_events(text, published):
        out.setdefault(e.location, []).append(e)
    return out


def _days(text: str, published: str, place: str) -> set[str]:
    return {e.event_date for e in _by_place(text, published).get(place, [])}


# --- which day ------------------------------------------------------------------------------------------------------

def test_on_that_day_is_the_day_told_before_not_today():
    text = ("وفي فجر الخميس 29 تموز، قصفت قوات النظام بلدة المزيريب براجمات الصواريخ. وسقط في ذلك اليوم أربعة قتلى "
            "جراء القصف على بلدة طفس.")
    assert _days(text, "2021-09-06", "طفس") == {"2021-07-29"}
    assert not any(d.text == "اليوم" for d in find_dates(text, "2021-09-06"))


def test_a_date_after_since_or_a_deals_name_lends_no_year_to_the_next_day():
    en = ("On July 6, army units took the Nasib border post, which the opposition had kept since April 2015. ISIS "
          "fighters attacked opposition posts near Jamla on July 3.")
    assert {d.date.isoformat() for d in find_dates(en, "2018-07-08") if d.text == "July 3"} == {"2018-07-03"}
    ar = "احتفظ الأهالي بسلاحهم الخفيف بموجب اتفاق تموز 2018. وفي 29 تموز، قصفت قوات النظام بلدة المزيريب."
    assert _days(ar, "2021-09-06", "المزيريب") == {"2021-07-29"}
    story = "بدأت الحملة العسكرية في حزيران 2018. وفي 29 تموز، قصفت قوات النظام بلدة المزيريب."
    assert _days(story, "2021-09-06", "المزيريب") == {"2018-07-29"}   # (a story of that year: its year)


def test_a_date_in_a_relative_clause_about_the_dead_is_not_the_protests_day():
    text = ("تظاهر الآلاف في مدينة الصنمين أمس الجمعة. كما خرجت مظاهرات في بلدتي إنخل وجاسم، وتوجه المئات إلى درعا "
            "البلد للمشاركة في تشييع المعتصمين الذين سقطوا فجر الأربعاء.")
    assert _days(text, "2011-03-26", "جاسم") == {"2011-03-25"}
    assert _days(text, "2011-03-26", "إنخل") == {"2011-03-25"}


def test_the_next_day_after_and_dates_the_second_act_of_the_sentence():
    text = ("Russian warplanes carried out heavy air raids on Saida on July 4 and struck Tafas and Tayyibah the "
            "next day, local monitors said.")
    got = _by_place(text, "2018-07-08")
    assert {e.event_date for e in got["Saida"]} == {"2018-07-04"}
    assert {e.event_date for e in got["Tafas"]} == {"2018-07-05"}
    assert {e.sub_event_type for e in got["Tafas"]} == {"Air/drone strike"}


def test_the_same_day_is_the_day_of_the_first_act_told_before():
    text = ("وكانت وحدات الجيش قد سيطرت يوم الخميس على بلدة صيدا بعد اشتباكات، إثر غارات مكثفة على البلدة ليل "
            "الأربعاء - الخميس. وفي اليوم ذاته دخلت وحدات من الجيش بلدتي الطيبة وأم المياذن.")
    assert _days(text, "2018-07-07", "الطيبة") == {"2018-07-05"}
    assert _days(text, "2018-07-07", "أم المياذن") == {"2018-07-05"}


def test_for_the_first_time_since_names_no_day_of_the_act():
    ar = ("ففي السادس من تموز، وقعت الفصائل اتفاقاً في مدينة بصرى الشام، وفي اليوم ذاته وصلت قوات النظام إلى معبر "
          "نصيب وأعادت السيطرة عليه للمرة الأولى منذ نيسان 2015.")
    assert _days(ar, "2018-07-13", "معبر نصيب") == {"2018-07-06"}
    en = "Syrian troops retook the Nasib crossing on Friday, for the first time since April 2015."
    assert _days(en, "2018-07-08", "Nasib crossing") == {"2018-07-06"}


def test_days_back_in_the_pluperfect_count_from_the_day_told():
    text = ("وفي العشرين من أيلول، حررت دورية للأمن الداخلي شاباً كان قد خطف قبل يومين قرب مدينة الحراك، وألقت "
            "القبض على ثلاثة من الخاطفين في بلدة المليحة الشرقية.")
    assert _days(text, "2025-10-02", "الحراك") == {"2025-09-18"}
    assert _days(text, "2025-10-02", "المليحة الشرقية") == {"2025-09-20"}
    # (without the pluperfect, "قبل يومين" counts from the publication)
    news = "قصفت قوات النظام بلدة الحراك قبل يومين."
    assert _days(news, "2025-10-02", "الحراك") == {"2025-09-30"}


def test_a_year_old_past_told_in_a_relative_clause_does_not_date_the_act_after_it():
    text = ("Army units moved into Daraa al-Balad on Thursday. Officials gathered by the Omari mosque in Daraa al-Balad, "
            "where the first demonstrations broke out in March 2011, as the state flag was raised.")
    flags = [e for e in extract_events(text, "2018-07-13") if e.sub_event_type == "Non-violent transfer of territory"]
    assert flags and {e.event_date for e in flags} == {"2018-07-12"}   # (the Thursday told before)


# --- acts that are not acts of the day ------------------------------------------------------------------------------

def test_what_is_expected_next_is_no_act_at_its_places():
    text = ("وصباح اليوم، سلم عدد من الشبان أسلحتهم في بلدة اليادودة، ومن المنتظر أن تشمل التسوية مدن جاسم ونوى "
            "خلال الأيام المقبلة.")
    got = _by_place(text, "2021-09-06")
    assert "اليادودة" in got
    assert "جاسم" not in got and "نوى" not in got


def test_what_is_planned_after_ala_an_is_no_act_at_its_places():
    text = ("وتسلمت اللجنة الأمنية في بلدة المزيريب أمس عشرات القطع من السلاح الخفيف، على أن تشمل العملية لاحقاً "
            "تل شهاب وزيزون وبقية قرى المنطقة.")
    got = _by_place(text, "2021-09-13")
    assert "المزيريب" in got
    assert not {"تل شهاب", "زيزون"} & set(got)
    assert not any(loc.startswith(("لاحق", "بقية")) for loc in got)


def test_a_deal_named_by_its_year_is_no_deal_made_but_one_retold_is():
    named = "حاصرت قوات النظام بلدة طفس أمس، بعد رفض وجهائها تسليم السلاح الذي احتفظوا به بموجب اتفاق تموز 2018."
    assert "Agreement" not in {e.sub_event_type for e in extract_events(named, "2021-09-06")}
    made = "وافقت الفصائل في بلدة طفس اليوم الجمعة على تسليم السلاح الثقيل بموجب اتفاق رعته روسيا."
    assert "Agreement" in {e.sub_event_type for e in extract_events(made, "2018-07-06")}
    retold = "وقعت فصائل بلدة طفس على اتفاق في تموز 2018 برعاية روسية."   # (a deal made, in July 2018)
    assert {e.event_date for e in _by_place(retold, "2021-09-06")["طفس"]} == {"2018-07-15"}


def test_a_thousand_assassinations_since_a_year_is_a_tally():
    assert extract_events("ومنذ عام 2019، سجل ناشطون أكثر من ألف عملية اغتيال في محافظة درعا.", "2022-03-01") == []
    assert extract_events("Since 2019, activists have counted more than a thousand assassinations in Daraa "
                          "province.", "2022-03-01") == []


# --- where --------------------------------------------------------------------------------------------------------

def test_the_district_and_al_hayy_name_the_quarter_told_before():
    en = ("Government troops moved into Daraa al-Balad on Wednesday morning. Russian military police entered the "
          "district late on Thursday.")
    assert _days(en, "2021-09-11", "Daraa al-Balad") == {"2021-09-08", "2021-09-09"}
    ar = "دخلت قوات النظام حي درعا البلد صباح الأربعاء. ودخلت دورية للشرطة الروسية الحي مساء الخميس."
    assert "2021-09-09" in _days(ar, "2021-09-11", "حي درعا البلد")


def test_live_bullets_are_no_quarter():
    text = "دخلت قوات النظام حي درعا البلد صباح الأربعاء. وأطلق عناصر حاجز النار بالرصاص الحي مساء الخميس."
    assert "2021-09-09" not in _days(text, "2021-09-11", "حي درعا البلد")


def test_a_bare_force_after_the_verb_is_the_states_force():
    got = _by_place("دخلت القوات بلدة الحراك صباح الأربعاء بعد انسحاب المسلحين منها.", "2018-06-28")
    assert got["الحراك"][0].actor1 == "Syrian government forces"


def test_by_the_time_is_no_place():
    text = "اندلعت اشتباكات في مدينة جاسم السبت. وبحلول مساء الاثنين، كانت الفصائل قد سيطرت على آخر مواقع التنظيم."
    assert "حلول" not in _by_place(text, "2022-10-18")


def test_a_quarters_name_ends_before_a_word_with_a_pronoun():
    text = "قُتل 5 مدنيين اليوم بغارات على حي طريق السد في درعا، مع دخول الهجوم على حي المنشية يومها الثالث."
    locs = set(_by_place(text, "2017-02-15"))
    assert not any("يومها" in loc for loc in locs)


def test_a_list_ends_before_what_the_blast_hit():
    text = ("انفجرت عبوة ناسفة صباح اليوم على الطريق الواصل بين بلدتي اليادودة والمزيريب بسيارة تقل عناصر من الأمن "
            "الداخلي.")
    locs = set(_by_place(text, "2025-10-06"))
    assert "المزيريب" in locs
    assert not any("بسيارة" in loc for loc in locs)


def test_a_colon_list_opens_at_its_place_noun_not_at_the_verb():
    text = "السبت 30 حزيران: أعلنت بلدات داعل وإبطع وطفس انضمامها إلى المصالحة، ودخلت وحدات الجيش إلى داعل."
    locs = set(_by_place(text, "2018-07-01"))
    assert not any(loc.startswith("أعلنت") for loc in locs)
    assert "داعل" in locs


# --- tolls --------------------------------------------------------------------------------------------------------

def test_a_dual_then_two_names_counts_two():
    got = _by_place("قُتل الشابان محمد ويوسف برصاص قناص في مدينة نوى أمس.", "2016-05-02")
    assert {e.fatalities for e in got["نوى"]} == {2}
    got = _by_place("قتل الطفلين أحمد وعمر بقذيفة على بلدة طفس أمس.", "2016-05-02")
    assert {e.fatalities for e in got["طفس"]} == {2}


def test_a_dual_and_another_victim_still_counts_three():
    got = _by_place("قتل عنصران من الفرقة الرابعة وآخر من الأمن العسكري بعبوة على طريق بلدة طفس أمس.", "2016-05-02")
    assert {e.fatalities for e in got["طفس"]} == {3}


def test_a_toll_right_after_a_wire_dateline_is_read():
    text = ("DARAA, Syria, March 3 (Reuters) - Two shepherds were killed on Tuesday when a landmine exploded near "
            "the town of Nawa, the civil defence said.")
    assert {e.fatalities for e in _by_place(text, "2026-03-04")["Nawa"]} == {2}


def test_while_and_a_participle_keeps_the_victims_toll():
    text = "On 11 January, three boys were killed by a remnant of war while playing in fields near Jasim."
    assert {e.fatalities for e in _by_place(text, "2025-01-15")["Jasim"]} == {3}


def test_one_incident_of_a_months_round_up_keeps_its_toll():
    text = ("ومن أبرز ما رصده المرصد السوري خلال الشهر، استهداف مسلحين مجهولين يوم الأحد الخامس من أيار، حاجزاً "
            "للأمن العسكري عند مدخل بلدة تسيل، ما أدى لمقتل عنصرين وإصابة ثالث.")
    assert {e.fatalities for e in _by_place(text, "2019-06-01")["تسيل"]} == {2}


# --- plans, rumours, demands and slogans -------------------------------------------------------------------------

def test_what_forces_prepare_for_is_no_act_yet():
    assert extract_events("وتستعد قوات الأمن الداخلي لإطلاق حملة تمشيط في بلدة الحراك خلال الأيام المقبلة.",
                          "2025-05-20") == []


def test_unconfirmed_reports_tell_no_act():
    assert extract_events("Unconfirmed reports said army tanks were massing near al-Sanamayn on Sunday.",
                          "2025-05-20") == []
    assert extract_events("وتحدثت أنباء غير مؤكدة عن اقتحام قوات النظام مدينة إنخل.", "2025-05-20") == []


def test_a_demand_that_fighters_hand_over_weapons_is_no_handover():
    assert extract_events("Officials repeated their demands that fighters in Inkhil hand over medium weapons.",
                          "2021-09-06") == []


def test_a_deal_yet_to_be_accepted_is_no_deal():
    assert extract_events("The deal, which has yet to be accepted by the elders of Jasim, would see Russian "
                          "police deploy in the town.", "2021-09-06") == []


def test_what_a_banner_says_is_no_act_but_the_protest_is():
    got = _by_place("تظاهر العشرات في بلدة الحراك أمس، ورفعوا لافتات كتب عليها أوقفوا الاغتيالات والاعتقالات.",
                    "2023-04-02")
    assert {e.sub_event_type for e in got["الحراك"]} == {"Peaceful protest"}


def test_a_list_ends_at_a_plural_verb_or_a_count_of_people():
    text = ("هاجم مسلحون محليون حواجز للجيش في بلدات صيدا والنعيمة وأم المياذن، وأسروا عدداً من عناصرها، "
            "فيما خرجت مظاهرات في مدن نوى وطفس، وتوافد المئات إلى الساحات.")
    locs = set(_by_place(text, "2021-07-30"))
    assert {"صيدا", "أم المياذن", "نوى", "طفس"} <= locs
    assert not any(loc.startswith(("أسروا", "توافد")) for loc in locs)


# --- nights, weeks and days counted from another day --------------------------------------------------------------

def test_overnight_two_weekdays_is_the_first_night():
    assert _days("Heavy clashes broke out overnight Monday-Tuesday in al-Hirak.", "2025-07-17", "al-Hirak") == {
        "2025-07-14"}
    assert _days("Heavy clashes broke out overnight Monday into Tuesday in al-Hirak.", "2025-07-17",
                 "al-Hirak") == {"2025-07-14"}


def test_the_friday_before_last():
    assert _days("واعتقلت دورية للأمن شابين في بلدة نصيب يوم الجمعة قبل الماضي.", "2025-07-17", "نصيب") == {
        "2025-07-04"}


def test_two_days_before_that_counts_from_the_day_told():
    text = "وفي 14 تموز، دخلت قوات النظام بلدة نصيب. وقبل يومين من ذلك، سيطرت على بلدة الطيبة."
    assert _days(text, "2018-07-20", "الطيبة") == {"2018-07-12"}
    text = "وفي 14 تموز، دخلت قوات النظام بلدة نصيب. وبعد يومين من ذلك، سيطرت على بلدة الطيبة."
    assert _days(text, "2018-07-20", "الطيبة") == {"2018-07-16"}


def test_a_count_of_a_towns_sons_before_the_passive_is_the_toll():
    got = _by_place("وكان خمسة من أبناء بلدة المسيفرة قُتلوا في قصف على البلدة أمس.", "2025-07-17")
    assert {e.fatalities for e in got["المسيفرة"]} == {5}


def test_on_it_is_no_banner():
    text = ("وحررت وحدات الجيش يوم الأربعاء بلدة حيط والتل المشرف عليها، بعد معارك عنيفة قتل فيها 12 مسلحاً في "
            "البلدة.")
    assert "Armed clash" in {e.sub_event_type for e in extract_events(text, "2018-07-28")}


def test_the_wounded_after_a_toll_are_no_higher_toll():
    text = ("ونفذت الفصائل المحلية أمس حملة تمشيط في المزارع المحيطة بمدينة إنخل. وبلغت حصيلة الاشتباكات 9 قتلى، "
            "إضافة إلى أكثر من 30 جريحاً.")
    assert 30 not in {e.fatalities for e in extract_events(text, "2022-10-18")}


# --- who, and what kind -------------------------------------------------------------------------------------------

def test_the_israeli_armys_own_names_are_israeli_forces():
    got = extract_events("أعلن جيش الدفاع أن طائراته أغارت على مستودع أسلحة قرب بلدة جملة.", "2025-04-20")
    assert {(e.sub_event_type, e.actor1) for e in got} == {("Air/drone strike", "Israeli forces")}


def test_a_strikes_target_depot_is_no_cache_found():
    got = extract_events("Israeli jets struck an arms depot near Jamla overnight.", "2025-04-20")
    assert {e.sub_event_type for e in got} == {"Air/drone strike"}
    found = extract_events("Security forces found an arms depot in Jamla on Saturday.", "2025-04-20")
    assert {e.sub_event_type for e in found} == {"Disrupted weapons use"}


def test_its_flag_raised_is_a_flag_raised():
    got = extract_events("ورفعت قوات الأمن العام علمها على مبنى البلدية في بلدة الشيخ مسكين أمس.", "2025-04-20")
    assert {e.sub_event_type for e in got} == {"Non-violent transfer of territory"}


def test_officials_in_a_town_who_said_are_no_event_there():
    got = _by_place("Officials in Nawa told AFP that artillery shells hit Tasil on Monday.", "2025-07-17")
    assert set(got) == {"Tasil"}
    still = _by_place("Officials in Nawa were killed when shelling hit the town on Monday.", "2025-07-17")
    assert "Nawa" in still
