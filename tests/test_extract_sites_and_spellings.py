"""The sixteenth round of extraction classes: events away from a town's centre (bases, hills, valleys, quarters,
crossings) and names written many ways. Sentences written for these tests in the styles of the outlets; the
places are real entries of the committed gazetteer."""

from __future__ import annotations

from eventmap.events.extract import extract_events


def _by_place(text: str, published: str) -> dict[str, list]:
    out: dict[str, list] = {}
    for e in extract_events(text, published):
        out.setdefault(e.location, []).append(e)
    return out


# --- which trigger a list belongs to ------------------------------------------------------------------------------

def test_a_list_after_a_verb_takes_that_verbs_day_not_the_next_verbs():
    text = ("أفاد مصدر ميداني بأن وحدات الجيش حررت اليوم قرى المعلقة والرفيد وغدير البستان، بعد أن سيطرت أمس على "
            "بلدة جباتا الخشب.")
    got = _by_place(text, "2018-07-22")
    assert {e.event_date for e in got["غدير البستان"]} == {"2018-07-22"}
    assert {e.event_date for e in got["الرفيد"]} == {"2018-07-22"}
    assert {e.event_date for e in got["جباتا الخشب"]} == {"2018-07-21"}


# --- names and their sides ----------------------------------------------------------------------------------------

def test_a_town_and_its_side_after_between_are_one_place():
    text = "مشطت دوريات الأمن العام أمس الأراضي الزراعية الواقعة بين الكرك الشرقي والمسيفرة بحثاً عن مطلوبين."
    got = _by_place(text, "2025-05-11")
    assert "الشرقي" not in got
    assert "الكرك الشرقي" in got
    assert got["الكرك الشرقي"][0].latitude is not None and got["الكرك الشرقي"][0].admin1_pcode == "SY12"


def test_a_describing_word_after_a_crossing_is_not_its_name():
    text = "سيطرت الفصائل صباح اليوم على معبر القنيطرة الفاصل بين شطري الجولان بعد اشتباكات."
    locs = set(_by_place(text, "2014-08-27"))
    assert "معبر القنيطرة" in locs
    assert not any("الفاصل" in loc for loc in locs)


# --- acts measured against the war, or named as a time -------------------------------------------------------------

def test_an_act_called_the_biggest_since_the_war_began_is_still_an_act():
    text = ("Opposition fighters overran the 52nd Brigade base near al-Hirak on Wednesday, the largest gain for the "
            "rebels in the south since the war began.")
    assert "52nd Brigade base" in _by_place(text, "2015-06-11")


def test_the_wars_toll_since_it_began_is_still_no_event():
    assert extract_events("More than 600 people have been killed in Daraa since the uprising began.",
                          "2016-03-15") == []


def test_a_capture_named_as_a_time_is_no_event_and_keeps_its_place():
    ar = "وتعد هذه الاشتباكات الأعنف في المنطقة منذ سيطرة قوات النظام على بلدة الشيخ مسكين مطلع العام."
    assert "الشيخ مسكين" not in _by_place(ar, "2016-05-10")
    en = "Clashes broke out in Inkhil on Monday, the fiercest since the capture of Sheikh Miskin."
    got = _by_place(en, "2016-05-10")
    assert "Inkhil" in got and not any("Miskin" in loc for loc in got)


# --- bases, hills and valleys -------------------------------------------------------------------------------------

def test_a_base_named_by_its_brigade_is_the_place_and_the_town_near_it_a_reference():
    text = ("Rebels on Sunday stormed the headquarters of the 12th Brigade near the town of Izraa after a night of "
            "shelling.")
    got = _by_place(text, "2014-02-16")
    assert "12th Brigade" in got
    assert "Izraa" not in got
    assert got["12th Brigade"][0].latitude is not None   # placed at the town near it


def test_the_formation_alone_is_still_a_force_not_a_place():
    text = "Fighters of the 5th Division shelled Busra al-Harir on Monday."
    assert not any("Division" in loc for loc in _by_place(text, "2018-06-25"))


def test_a_hill_named_with_tal_and_hill_is_named_once():
    text = "Government troops seized the strategic Tal al-Jumou hill near Tasil on Saturday."
    got = _by_place(text, "2018-07-22")
    assert "Tal al-Jumou" in got
    assert not any(loc.endswith("hill") for loc in got)
    assert "Tasil" not in got


def test_the_hill_named_again_is_the_hill():
    text = ("سيطرت الفصائل صباح اليوم على تل الحارة بريف درعا الشمالي الغربي. وقالت مصادر إن اشتباكات عنيفة دارت "
            "على التل، ما أدى إلى مقتل سبعة عناصر.")
    got = _by_place(text, "2014-10-05")
    assert "Armed clash" in {e.sub_event_type for e in got.get("تل الحارة", [])}


def test_a_valley_by_its_arabic_noun_and_its_name_in_brackets_is_one_place():
    text = ("A shepherd was killed on Friday when a landmine left from the war exploded in the Zaydi valley "
            "(Wadi al-Zaydi) west of Tafas.")
    locs = [e.location for e in extract_events(text, "2025-02-15")]
    assert locs == ["Zaydi valley"]


def test_the_yarmouk_valley_written_as_a_wadi_is_still_the_region():
    text = "Israeli drones struck a vehicle in Wadi al-Yarmouk on Tuesday."
    got = _by_place(text, "2025-06-10")
    assert got["Wadi al-Yarmouk"][0].place_name_en == "Yarmouk Valley"


def test_a_hill_with_its_arabic_name_in_brackets_is_placed_at_the_town_near_it():
    text = "Rebels captured Tal al-Jumou (تل الجموع) near Tasil on Monday."
    got = _by_place(text, "2014-10-07")
    assert list(got) == ["Tal al-Jumou"]
    assert got["Tal al-Jumou"][0].latitude is not None


def test_a_base_described_and_near_a_town_is_at_that_town_not_a_namesake_in_the_north():
    text = "قصفت القوات الإسرائيلية أمس مقر اللواء 90 المهجور قرب بلدة القحطانية في ريف القنيطرة."
    got = _by_place(text, "2024-12-20")
    assert "القحطانية" not in got
    site = next(iter(got.values()))[0]
    assert site.admin1_pcode == "SY14"


# --- words that are not places, and events the lexicon missed ------------------------------------------------------

def test_a_family_is_not_a_place():
    text = ("Gunmen of the Mikdad family and their allies besieged the police station in Busra al-Sham, and clashes broke "
            "out on Monday.")
    got = _by_place(text, "2025-05-02")
    assert "Mikdad" not in got and "Busra al-Sham" in got


def test_a_block_of_buildings_is_no_name_the_quarter_is_the_place():
    text = "وتمكن مقاتلو الفصائل أمس من السيطرة على كتلة أبنية في حي سجنة بعد اشتباكات."
    locs = set(_by_place(text, "2017-03-01"))
    assert "حي سجنة" in locs
    assert not any("كتلة" in loc for loc in locs)


def test_the_fall_of_a_base_is_its_capture():
    text = "انسحبت قوات النظام من محيط المدينة أمس بعد سقوط مقر اللواء 38."
    got = _by_place(text, "2015-06-12")
    assert "Non-state actor overtakes territory" in {e.sub_event_type for e in got.get("اللواء 38", [])} or \
        "Government regains territory" in {e.sub_event_type for e in got.get("اللواء 38", [])}


def test_a_kidnapping_on_a_road_told_after_the_body_was_found():
    text = ("عثر الأهالي صباح اليوم على جثة شاب في أطراف بلدة نافعة، بعد ثلاثة أيام من اختطافه على طريق نافعة - "
            "الشجرة.")
    kinds = {(e.location, e.sub_event_type, e.event_date) for e in extract_events(text, "2023-03-09")}
    assert ("الشجرة", "Abduction/forced disappearance", "2023-03-06") in kinds


def test_a_hill_named_after_a_village_whose_name_is_a_common_word_keeps_its_noun():
    text = "قصفت المدفعية أمس مواقع الفصائل في بلدة مسحرة وتل المال بريف القنيطرة."
    got = _by_place(text, "2018-07-12")
    assert "تل المال" in got and "المال" not in got


def test_what_the_air_force_destroyed_or_struck_against_is_an_air_strike():
    state = "ودمر سلاح الجو في الجيش العربي السوري أمس آليات وتجمعات للإرهابيين في الغارية الغربية وعلما."
    assert {e.sub_event_type for e in extract_events(state, "2018-06-27")} == {"Air/drone strike"}
    russian = "نفذت القوات الجوية الروسية مساء أمس ضربات مركزة ضد مقرات المسلحين في بلدة الحراك."
    got = _by_place(russian, "2018-06-27")
    assert [e.sub_event_type for e in got["الحراك"]] == ["Air/drone strike"]


def test_an_axis_named_by_its_two_ends_is_at_both():
    text = "ودارت اشتباكات عنيفة أمس على محور جاسم – نمر بين قوات النظام والفصائل."
    assert {"جاسم", "نمر"} <= set(_by_place(text, "2018-07-12"))


def test_a_verb_and_its_pronoun_after_a_comma_do_not_continue_a_list():
    text = ("توغلت قوة إسرائيلية صباح اليوم باتجاه مزارع معرية، فتصدى لها أهالي البلدة بالأسلحة الخفيفة، قبل أن "
            "ترد القوة بقصف مدفعي.")
    assert set(_by_place(text, "2025-03-25")) == {"معرية"}


def test_a_quarter_or_a_checkpoint_named_by_a_side_alone_is_the_towns():
    quarter = "داهمت دوريه من الامن العسكري حي الغربي في الصنمين فجر اليوم واعتقلت شابين."
    assert set(_by_place(quarter, "2019-03-11")) == {"الصنمين"}
    post = "سيطرت الفصائل على حاجز الشرقي في بلدة نوى أمس."
    assert set(_by_place(post, "2019-03-11")) == {"نوى"}


# --- places where nothing happened ---------------------------------------------------------------------------------

def test_where_the_dead_came_from_is_no_place_of_the_attack():
    text = ("قتل سبعة من عناصر الشرطة أمس بهجوم على مخفر بلدة الشجرة. ويتحدر عدد من القتلى من بلدات نوى والشيخ سعد. "
            "ومن بين القتلى مساعد أول من أبناء بلدة داعل، وآخر من بلدة إبطع.")
    assert set(_by_place(text, "2025-06-02")) == {"الشجرة"}


def test_gangs_named_by_their_crimes_commit_none():
    text = "ويطالب الأهالي بتسيير دوريات على الطريق بين جاسم ونمر، حيث تنشط عصابات الخطف والسلب."
    assert extract_events(text, "2025-06-02") == []


def test_who_stands_where_in_the_present_is_no_event_but_a_deployment_today_is():
    standing = "ولا تزال بلدة إنخل خارج سيطرة النظام، فيما تنتشر مجموعات من الفرقة الرابعة في الحارة وعقربا."
    assert extract_events(standing, "2021-06-02") == []
    today = "تنتشر وحدات من الأمن العام منذ صباح اليوم في بلدة الحارة."
    assert "الحارة" in _by_place(today, "2025-06-02")


def test_where_reinforcements_set_out_from_is_no_place_of_theirs():
    ar = "استقدمت الفرقة الرابعة أمس تعزيزات عسكرية من مقرها في بلدة خربة غزالة إلى محيط بلدة اليادودة."
    assert set(_by_place(ar, "2020-03-02")) == {"اليادودة"}
    ar2 = ("أعلنت وزارة الدفاع اليوم وصول تعزيزات عسكرية إلى مدينة جاسم في ريف درعا الشمالي، انطلقت من مدينة "
           "الصنمين ومن بلدة نمر.")
    assert set(_by_place(ar2, "2020-03-02")) == {"جاسم"}
    en = ("The army sent reinforcements, including armoured vehicles, from Izraa towards Jasim on Monday, and "
          "aid convoys set out from Khirbet Ghazaleh.")
    got = _by_place(en, "2020-03-04")
    assert "Izraa" not in got and "Khirbet Ghazaleh" not in got


def test_a_road_leading_to_a_town_is_not_an_event_there_but_a_road_between_two_is_at_both():
    to = "وأكد المصدر أن السيطرة على تل الجابية تؤمن الطريق الواصل إلى مدينة نوى، بعد أن سيطر الجيش أمس على التل."
    assert "نوى" not in _by_place(to, "2018-07-15")
    between = "وأقامت قوة إسرائيلية أمس حاجزاً عند الطريق الواصل بين العشة والرفيد."
    assert {"العشة", "الرفيد"} <= set(_by_place(between, "2025-02-10"))


def test_a_state_or_a_habit_of_the_past_and_a_threat_are_no_acts():
    held = "وكانت الفصائل تسيطر منذ عام 2015 على معظم القرى الممتدة من نمر إلى الحارة."
    assert extract_events(held, "2018-07-20") == []
    used = "ويطل التل على ريف القنيطرة، وكانت قوات النظام تستخدمه منذ عام 2013 لقصف بلدات جاسم وإنخل."
    assert extract_events(used, "2018-07-20") == []
    threat = "وهددت الفرقة الرابعة، في بيان نشرته صفحات موالية، باقتحام مدينة طفس إذا لم تسلم المطلوبين."
    assert extract_events(threat, "2021-08-01") == []
    past = "وكانت وحدات الجيش قد سيطرت أمس على بلدة عقربا."
    assert "عقربا" in _by_place(past, "2018-06-30")


def test_no_entry_yet_is_no_entry():
    text = "ويسكن معظم النازحين في بلدات خان أرنبة ومسحرة، التي لم تشهد حتى الآن أي دخول للقوات الإسرائيلية."
    assert extract_events(text, "2025-01-10") == []


def test_towns_given_as_examples_keep_their_own_names():
    text = "وتطرح الحوادث أسئلة عن قدرة التسوية على ضبط الأمن في مدن مثل جاسم ونوى."
    assert not any(e.location.startswith("مثل") for e in extract_events(text, "2024-03-01"))


def test_where_a_blast_was_heard_is_no_place_of_it():
    text = "انفجرت سيارة مفخخة أمس قرب دوار البريد في درعا المحطة، وسمع الانفجار في بلدتي عتمان واليادودة."
    got = _by_place(text, "2023-05-02")
    assert "عتمان" not in got and "اليادودة" not in got


def test_where_people_come_from_in_english_is_no_place_of_the_act():
    text = "Protesters in Nawa on Friday carried banners naming detainees from Inkhil, Jasim and al-Harra."
    assert set(_by_place(text, "2023-10-20")) == {"Nawa"}
    text = "Gunmen on Monday stormed a checkpoint in Muzayrib where returnees from Tafas and Da'el were held."
    assert set(_by_place(text, "2023-10-20")) == {"Muzayrib"}
