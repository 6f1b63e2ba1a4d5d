"""Fifteenth round: how time is written (digests' day headings, nights, ranges, retold years, days counted from
another day) and the years after December 2024 (General Security, Israeli incursions, war remnants). Sentences
written for these tests, in the outlets' styles."""

from __future__ import annotations

import pytest

from eventmap.events.extract import extract_events


def _dated(text: str, pub: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for e in extract_events(text, pub):
        out.setdefault(e.location, set()).add(e.event_date)
    return out


# ------------------------------------------------------------------ days
@pytest.mark.parametrize("text, pub, want", [
    ("Southern Syria: incidents of the week\n\nTuesday 3 June\n- Gunmen shot dead a teacher in Nawa.\n\n"
     "Thursday 5 June\n- A landmine exploded near a farm in Kafr Shams, killing a shepherd.\n",
     "2025-06-09", {"Nawa": {"2025-06-03"}, "Kafr Shams": {"2025-06-05"}}),
    ("حصاد الأسبوع في حوران\n\nالثلاثاء 3 حزيران\n- اغتال مسلحون مجهولون مدرساً في مدينة نوى.\n\n"
     "الخميس 5 حزيران\n- انفجر لغم أرضي بمزارع في بلدة كفر شمس ما أدى لمقتل راعٍ.\n",
     "2025-06-09", {"نوى": {"2025-06-03"}, "كفر شمس": {"2025-06-05"}}),
])
def test_a_digests_heading_with_its_weekday_dates_the_items_under_it(text, pub, want):
    got = _dated(text, pub)
    assert {k: got.get(k) for k in want} == want


# ------------------------------------------------------------------ places
@pytest.mark.parametrize("text, pub, place", [
    ("For a decade the old citadel of Busra al-Sham was the seat of the local force.\n\nThe force was dissolved on "
     "Sunday.\n\nHeavy clashes broke out on Thursday at a checkpoint in the town, residents said.",
     "2025-04-14", "Busra al-Sham"),
    ("عاشت مدينة جاسم سنوات من الهدوء الحذر بعد اتفاق التسوية.\n\nوتغيرت الأمور مع بداية العام.\n\n"
     "واندلعت اشتباكات عنيفة يوم الخميس في المدينة بين الأمن العام ومجموعة محلية.",
     "2025-04-14", "جاسم"),
])
def test_the_town_named_again_paragraphs_after_its_name(text, pub, place):
    assert {e.location for e in extract_events(text, pub)} == {place}


def test_a_common_word_read_as_a_place_is_no_antecedent_of_the_town():
    text = ("وقال سكان إن المدينة بدت شبه خالية طوال اليوم.\n\n"
            "ولا تعد هذه المواجهات الأولى من نوعها في المدينة.")
    assert extract_events(text, "2025-03-05") == []


# ------------------------------------------------------------------ acts
@pytest.mark.parametrize("text, pub, want", [
    ("General Security arrested two men in Nawa suspected of involvement in the kidnapping of a trader.",
     "2025-03-27", {("Nawa", "Arrests")}),
    ("اعتقل الأمن العام في بلدة إنخل شاباً تتهمه عائلات في المنطقة بالمشاركة في عمليات خطف.",
     "2025-03-27", {("إنخل", "Arrests")}),
    ("داهمت دورية منزلاً في الحراك واعتقلت رجلين للاشتباه بتورطهما في عمليات الاغتيال.",
     "2025-03-27", {("الحراك", "Arrests")}),
])
def test_what_suspects_are_accused_of_is_no_act_of_the_day(text, pub, want):
    assert {(e.location, e.sub_event_type) for e in extract_events(text, pub)} == want


@pytest.mark.parametrize("text", [
    "The man, who was accused of collaboration, was shot dead by gunmen in Tafas on Monday.",
    "Gunmen kidnapped a merchant suspected of smuggling in Nawa on Monday.",
])
def test_a_charge_told_of_a_victim_leaves_the_act_done_to_him(text):
    assert extract_events(text, "2025-03-27") != []


@pytest.mark.parametrize("text, pub, place, day", [
    ("بدأت الحملة في الأسبوع الأخير من حزيران 2018 بقصف مكثف على ريف درعا الشرقي. وفي 26 حزيران سيطرت قوات "
     "النظام على بلدة بصر الحرير.", "2023-07-06", "بصر الحرير", "2018-06-26"),
    ("The offensive began in mid-June 2018 with heavy air raids. On June 26, government troops captured the town "
     "of Busra al-Harir.", "2023-07-06", "Busra al-Harir", "2018-06-26"),
])
def test_a_day_without_its_year_in_a_story_retold_takes_the_storys_year(text, pub, place, day):
    assert _dated(text, pub)[place] == {day}


def test_a_day_tied_to_the_publication_keeps_its_year_after_an_old_story():
    text = ("وكانت المدينة قد دخلت التسوية في تموز 2018. وفي 26 حزيران الماضي اغتال مسلحون شاباً في مدينة طفس.")
    assert _dated(text, "2023-07-06")["طفس"] == {"2023-06-26"}


def test_the_years_that_followed_a_settlement_are_no_settlement():
    text = ("قتل شاب في بلدة إنخل برصاص مجهولين، في سلسلة اغتيالات طالت معارضين سابقين خلال السنوات التي أعقبت "
            "اتفاق التسوية صيف 2018.")
    assert "Non-violent transfer of territory" not in {e.sub_event_type for e in extract_events(text, "2025-02-03")}


# ------------------------------------------------------------------ quarters
def _points(text: str, pub: str) -> dict[str, tuple[float | None, float | None]]:
    return {e.location: (e.latitude, e.longitude) for e in extract_events(text, pub)}


def _near_daraa(pt: tuple[float | None, float | None]) -> bool:
    lat, lon = pt
    return lat is not None and lon is not None and abs(lat - 32.62) < 0.05 and abs(lon - 36.10) < 0.05


def test_a_quarter_the_gazetteer_lacks_is_placed_at_the_town_named_before_it():
    text = "سيطرت الفصائل على كامل مدينة درعا بعد انسحاب قوات النظام من الأفرع الأمنية في حي المحطة."
    assert _near_daraa(_points(text, "2024-12-07")["حي المحطة"])


def test_a_quarter_named_after_its_town_is_placed_at_the_town():
    assert _near_daraa(_points("وقصفت قوات النظام حي درعا البلد بقذائف الهاون اليوم.", "2021-07-30")["حي درعا البلد"])


def test_a_quarter_in_the_city_is_in_the_city_named_before_not_where_men_went():
    text = ("سيطرت الفصائل ليل الجمعة على كامل مدينة درعا.\n\n"
            "وكانت الفصائل قد سيطرت ظهر الجمعة على معبر نصيب، بعد انسحاب عناصر الجمارك منه باتجاه دمشق.\n\n"
            "وشهد حي الكاشف في المدينة اشتباكات عنيفة قبل الانسحاب.")
    assert _near_daraa(_points(text, "2024-12-07")["حي الكاشف"])


# ------------------------------------------------------------------ names and common words
@pytest.mark.parametrize("text", [
    "تصدت وسائط الدفاع الجوي لصواريخ العدوان فوق ريف القنيطرة وأسقطت معظمها.",
    "خرجت وقفة احتجاجية في مدينة نوى تنديداً بالعدوان الإسرائيلي على الجنوب.",
])
def test_the_aggression_of_state_media_and_protests_is_not_the_village_adwan(text):
    assert "عدوان" not in {e.place_name_ar for e in extract_events(text, "2025-03-27")}


def test_the_village_adwan_written_as_a_name_is_still_placed():
    assert {e.place_name_ar for e in extract_events("قصفت قوات الاحتلال بلدة عدوان في حوض اليرموك.",
                                                    "2025-03-27")} == {"عدوان"}


@pytest.mark.parametrize("text, place", [
    ("أطلق مسلحون مجهولون النار على رجل خمسيني أمام منزله في بلدة المسيفرة.", "المسيفرة"),
    ("تعرضت دورية للأمن العام لإطلاق نار من عدة مسلحين في بلدة الجيزة.", "الجيزة"),
])
def test_an_age_or_a_number_after_a_preposition_is_no_place(text, place):
    assert {e.location for e in extract_events(text, "2025-03-27")} == {place}


def test_an_outlets_spelling_with_its_alif_between_two_towns_of_a_road():
    text = "قتل عنصران من الأمن العام بهجوم على الطريق الواصل بين ناحتة وبصر الحرير."
    assert {e.place_name_ar for e in extract_events(text, "2025-07-18")} >= {"نحتة"}


def test_shells_from_positions_on_a_town_fell_on_the_town():
    text = "سقطت قذائف هاون مصدرها مواقع لمسلحين على بلدة الكرك الشرقي، ما أدى إلى مقتل طفلين."
    assert [(e.location, e.fatalities) for e in extract_events(text, "2025-07-18")] == [("الكرك الشرقي", 2)]


def test_the_destroyed_town_of_quneitra_is_the_town_not_the_governorate():
    text = "وصلت دورية إسرائيلية إلى أطراف القنيطرة المهدمة صباح اليوم."
    assert [(e.location, e.geo_precision) for e in extract_events(text, "2025-07-18")] == [("القنيطرة", 1)]


@pytest.mark.parametrize("text, pub, place, day", [
    ("سيطرت قوات النظام على بلدة بصر الحرير في 26 حزيران 2018، ثم على بلدة الحراك بعد يومين.",
     "2023-07-06", "الحراك", "2018-06-28"),
    ("Government troops captured Busra al-Harir on June 26, 2018, and al-Hirak two days later.",
     "2023-07-06", "al-Hirak", "2018-06-28"),
    ("في الثالث من آب توغلت قوة إسرائيلية في قرية طرنجة.\n\nوفي العاشر من الشهر، أقامت القوات الإسرائيلية حاجزاً "
     "مؤقتاً قرب خان أرنبة.", "2025-09-02", "خان أرنبة", "2025-08-10"),
])
def test_a_day_counted_from_the_day_told_before(text, pub, place, day):
    assert _dated(text, pub)[place] == {day}


def test_a_day_counted_in_the_next_clause_is_not_the_day_of_the_act_before():
    text = ("Monday 4 August\n- Gunmen kidnapped a lorry driver near al-Sanamayn; he was released two days later "
            "after a ransom was paid.\n\nTuesday 5 August\n- Gunmen shot dead a teacher in Nawa.\n")
    assert _dated(text, "2025-08-11")["al-Sanamayn"] == {"2025-08-04"}


def test_the_village_named_again_in_a_clause_that_names_only_its_source():
    text = ("تقدمت قوة إسرائيلية صباح الثلاثاء بعدد من الآليات باتجاه أطراف قرية معرية، ما دفع شباناً من القرية إلى "
            "التصدي لها.\n\nوردت القوات الإسرائيلية بقصف مدفعي وغارات بطائرات مسيرة استهدفت منازل في القرية، ما أدى إلى "
            "مقتل أربعة أشخاص، "
            "بحسب ما وثقته مديرية الصحة في درعا.")
    got = {(e.location, e.sub_event_type, e.fatalities) for e in extract_events(text, "2025-03-27")}
    assert ("معرية", "Shelling/artillery/missile attack", 4) in got


# ------------------------------------------------------------------ war's leftovers and lone victims
@pytest.mark.parametrize("text", [
    "A shepherd was killed by a mine near Kafr Shams on Monday.",
    "A tractor driver was killed on Monday when his plough hit an anti-tank mine near Kafr Shams.",
    "Two children were killed by explosive remnants of war in Kafr Shams on Monday.",
])
def test_mines_and_remnants_of_war_are_explosions(text):
    assert {e.sub_event_type for e in extract_events(text, "2025-05-12")} == {"Remote explosive/landmine/IED"}


def test_a_mine_site_hit_by_rockets_is_no_mine_blast():
    text = "Rockets hit a mine site near Kafr Shams on Monday."
    assert "Remote explosive/landmine/IED" not in {e.sub_event_type for e in extract_events(text, "2025-05-12")}


@pytest.mark.parametrize("text, n", [
    ("Gunmen shot dead a 12-year-old boy in Nawa on Monday.", 1),
    ("A 16-year-old boy was killed by a mine near Tafas on Monday.", 1),
    ("Three 12-year-old boys were killed in Nawa on Monday.", 3),
])
def test_an_age_is_no_count_of_the_dead(text, n):
    assert {e.fatalities for e in extract_events(text, "2025-05-12")} == {n}


@pytest.mark.parametrize("text, places", [
    ("Unknown gunmen shot dead a former fighter in al-Museifra, east of Daraa city (Daraa 24 website).",
     {"al-Museifra"}),
    ("وقال مراسل درعا 24 إن مسلحين اغتالوا شاباً في بلدة المسيفرة.", {"المسيفرة"}),
])
def test_a_local_outlet_named_after_its_town_is_no_place(text, places):
    assert {e.location for e in extract_events(text, "2025-08-11")} == places


@pytest.mark.parametrize("text, places", [
    ("Government forces entered Daraa al-Balad on Monday under a Russian-brokered deal. Under the deal, similar "
     "arrangements are expected to be extended to the neighbouring towns of Tafas and al-Muzayrib in the coming days.",
     {"Daraa al-Balad"}),
    ("وبموجب الاتفاق دخلت القوات درعا البلد اليوم، ومن المتوقع أن تمتد التسوية إلى طفس واليادودة.", {"درعا البلد"}),
])
def test_where_a_deal_is_expected_to_reach_is_no_place_of_it_yet(text, places):
    assert {e.location for e in extract_events(text, "2021-09-06")} == places


def test_the_town_a_quarter_is_told_to_be_part_of_is_no_place_of_the_entry():
    text = ("Syrian government forces have entered Daraa al-Balad, the old quarter of the southern city of Daraa, "
            "under a Russian-brokered agreement.")
    assert {e.location for e in extract_events(text, "2021-09-06")} == {"Daraa al-Balad"}


def test_a_local_pages_emoji_bullets_and_hashtags_head_their_items():
    text = ("📍 ملخص أحداث ريف درعا الغربي\n\n"
            "🔹 #تسيل: اعتقال ثلاثة مطلوبين خلال حملة أمنية في الحي الغربي\n\n"
            "🔸 #الشيخ_سعد: انفجار عبوة ناسفة بسيارة مدنية على أطراف البلدة\n")
    assert {e.location.replace("_", " ") for e in extract_events(text, "2025-09-05")} == {"تسيل", "الشيخ سعد"}


def test_crowds_going_out_with_banners_are_a_protest_in_each_town():
    text = ("وخرج المئات في ساحة البلدة بالحراك، وفي مدن إنخل والصنمين، رافعين لافتات ترفض التوغل الإسرائيلي "
            "وتطالب بحماية الجنوب.")
    got = {(e.location, e.sub_event_type) for e in extract_events(text, "2025-02-26")}
    assert {("إنخل", "Peaceful protest"), ("الصنمين", "Peaceful protest")} <= got


def test_people_leaving_their_homes_under_shelling_is_no_protest():
    text = "خرج الأهالي من منازلهم في بلدة نوى هرباً من القصف."
    assert "Peaceful protest" not in {e.sub_event_type for e in extract_events(text, "2025-02-26")}


def test_a_count_after_a_town_is_no_outlet():
    text = "سقط في نوى 24 قتيلاً بقصف مدفعي يوم الجمعة."
    assert [(e.location, e.fatalities) for e in extract_events(text, "2018-06-30")] == [("نوى", 24)]
