"""Event types as real reports word them (sentences written for these tests, in the outlets' styles)."""

from __future__ import annotations

import pytest

from eventmap.events.extract import extract_events

PUB = "2025-07-15"


def _types(text, location, pub=PUB):
    return {(e.event_type, e.sub_event_type) for e in extract_events(text, pub) if e.location == location}


def _labels(text, location, pub=PUB):
    return {e.trigger_label for e in extract_events(text, pub) if e.location == location}


@pytest.mark.parametrize("text, place", [
    ("توغلت قوة للاحتلال الإسرائيلي مؤلفة من أربع آليات عسكرية في قرية الرفيد بريف القنيطرة الجنوبي.", "الرفيد"),
    ("An Israeli force of three vehicles carried out a ground incursion into the village of al-Rafid on Friday.",
     "al-Rafid"),
    # entering a village is the incursion, never "Government regains territory" for the Israeli army
    ("Residents said Israeli tanks entered the village of Kudnah at dawn on Saturday.", "Kudnah"),
    ("وأفاد الأهالي بدخول جرافات إسرائيلية إلى قرية كودنة فجر اليوم.", "كودنة"),
])
def test_israeli_incursions_are_their_own_kind(text, place):
    ev = [e for e in extract_events(text, PUB) if e.location == place]
    assert ev and {e.trigger_label for e in ev} == {"incursion"}
    assert all(e.actor1 == "Israeli forces" and e.event_type == "Strategic developments" for e in ev)


@pytest.mark.parametrize("text, place, label", [
    ("وصلت تعزيزات عسكرية لقوات النظام إلى مدينة طفس صباح اليوم.", "طفس", "troop_movement"),
    ("Government forces sent military reinforcements to the town of Inkhil on Monday.", "Inkhil", "troop_movement"),
    ("وتفرض قوات النظام حصاراً خانقاً على مدينة الصنمين منذ أسبوع.", "الصنمين", "siege"),
    ("قطع الجيش طرق إمداد الفصائل بين بلدة نصيب وبلدة أم المياذن.", "نصيب", "supply_cut"),
    ("أقامت القوة حاجزاً مؤقتاً على مدخل قرية جباتا الخشب.", "جباتا الخشب", "base_established"),
    ("Soldiers hoisted the national flag over the village of Masharah after entering it.", "Masharah",
     "flag_raised"),
])
def test_strategic_developments(text, place, label):
    assert label in _labels(text, place)


def test_killing_by_unknown_gunmen_is_an_attack():
    ev = extract_events("قتل شاب برصاص مسلحين مجهولين في بلدة الغارية الغربية ليلة أمس.", PUB)
    assert [(e.location, e.sub_event_type, e.event_date) for e in ev] == [
        ("الغارية الغربية", "Attack", "2025-07-14")]
    ev = extract_events("Unknown gunmen shot dead a former rebel commander in the town of Nahtah late on Sunday.", PUB)
    assert {e.sub_event_type for e in ev if e.location == "Nahtah"} == {"Attack"}


def test_capture_after_clashes_codes_both_facts():
    types = _types("سيطرت قوات النظام على بلدة المسيفرة بعد اشتباكات عنيفة مع فصائل المعارضة.", "المسيفرة")
    assert types == {("Battles", "Government regains territory"), ("Battles", "Armed clash")}


def test_resisting_an_incursion_is_a_clash():
    text = "قاوم شبان من قرية كويا توغلاً لقوات الاحتلال الإسرائيلي، ما أدى إلى مقتل اثنين منهم."
    assert ("Battles", "Armed clash") in _types(text, "كويا")


def test_disengagement_agreement_is_no_clash():
    text = "تواصل إسرائيل خرق اتفاق فض الاشتباك في ريف القنيطرة."
    assert all(e.sub_event_type != "Armed clash" for e in extract_events(text, PUB))


def test_a_denial_ends_where_the_speaker_goes_on():
    text = ("A rebel commander denied that government forces had taken the village of Masharah "
            "and said fighting continued there.")
    assert ("Battles", "Armed clash") in _types(text, "Masharah")
    assert ("Battles", "Government regains territory") not in _types(text, "Masharah")


def test_the_eighth_brigade_withdrawing_is_a_movement():
    text = "انسحبت آليات ثقيلة تابعة للواء الثامن من مدينة بصرى الشام خلال الساعات الماضية."
    assert any(e.event_type == "Strategic developments" for e in extract_events(text, PUB)
               if e.location == "بصرى الشام")


def test_two_verbs_joined_by_a_comma_are_two_events_at_their_own_places():
    text = "سيطرت قوات النظام على بلدة المسيفرة، ودارت اشتباكات عنيفة في بلدة الكرك الشرقي."
    assert _labels(text, "المسيفرة") == {"territory_taken"}
    assert _labels(text, "الكرك الشرقي") == {"armed_clash"}
    en = "Government forces captured the town of Musayfirah, and clashes broke out in the town of Al-Karak."
    assert _labels(en, "Musayfirah") == {"territory_taken"}


def test_a_second_verb_with_no_place_of_its_own_happened_at_the_first_place():
    text = "دخلت وحدات من الجيش اليوم إلى مدينة جاسم، ورفعت العلم الوطني فوق مبنى البلدية."
    assert "flag_raised" in _labels(text, "جاسم")


@pytest.mark.parametrize("text, place", [
    ("شنت الطائرات الحربية الروسية هجمات على بلدة اليادودة غرب مدينة درعا.", "اليادودة"),
    ("ألقى الطيران المروحي برميلين متفجرين على بلدة عتمان صباح اليوم.", "عتمان"),
    ("Russian warplanes attacked the town of Tafas on Tuesday morning.", "Tafas"),
])
def test_attacks_by_aircraft_and_barrel_bombs_are_air_strikes(text, place):
    assert ("Explosions/Remote violence", "Air/drone strike") in _types(text, place)


@pytest.mark.parametrize("text, place, want", [
    # armed men killing armed men is a battle (ACLED: violence against civilians needs civilian victims)
    ("Army units killed dozens of terrorists in the town of Inkhil, the official agency said.", "Inkhil",
     ("Battles", "Armed clash")),
    ("وقتل مسلحون مجهولون عنصرين من قوات النظام في مدينة إنخل مساء أمس.", "إنخل", ("Battles", "Armed clash")),
    # ... while civilians shot by soldiers stay violence against civilians
    ("وقتل مدنيان برصاص قوات النظام في مدينة إنخل مساء أمس.", "إنخل", ("Violence against civilians", "Attack")),
])
def test_who_was_killed_decides_between_a_battle_and_an_attack(text, place, want):
    assert _types(text, place) == {want}


@pytest.mark.parametrize("text, place", [
    # the official agency's idioms for fire on positions: no weapon named, still shelling
    ("وطالت عمليات الجيش أوكار الإرهابيين في الأطراف الشرقية لبلدة الكرك الشرقي.", "الكرك الشرقي"),
    ("وأطلقت وحدات الجيش رمايات مركزة على تحصينات المسلحين في بلدة الكرك الشرقي.", "الكرك الشرقي"),
])
def test_fire_on_positions_in_the_agency_style_is_shelling(text, place):
    assert _types(text, place) == {("Explosions/Remote violence", "Shelling/artillery/missile attack")}


@pytest.mark.parametrize("text, place", [
    ("Rebel fighters were clashing with government troops in Nawa late on Thursday.", "Nawa"),
    ("Gunmen were attacking a checkpoint in Nawa when the army arrived, residents said.", "Nawa"),
])
def test_the_progressive_form_of_a_battle_verb_is_an_event(text, place):
    assert ("Battles", "Armed clash") in _types(text, place)


def test_storming_a_village_is_entering_it():
    assert _labels("Government troops were storming the village of Nahtah on Friday.", "Nahtah") == {"territory_entered"}


def _typed(events):
    return [(e.location, e.sub_event_type, e.actor1) for e in events]


@pytest.mark.parametrize("text,want", [
    # the drone is the subject: verb, aircraft, then what it struck
    ("استهدفت طائرة مسيرة إسرائيلية فجر اليوم سيارة عسكرية في بلدة نوى غربي درعا.",
     ("نوى", "Air/drone strike", "Israeli forces")),
    ("قصفت طائرات حربية روسية بعدة غارات أطراف بلدة طفس.", ("طفس", "Air/drone strike", "Russian forces")),
    # the aircraft is the target: right after the verb with nothing it strikes, or after the verb's subject
    ("استهدفت طائرة مسيرة فوق بلدة جاسم بالرشاشات الثقيلة.", ("جاسم", "Disrupted weapons use", "")),
    ("واستهدفت الدفاعات الجوية السورية طائرة مسيرة كانت تحلق فوق مدينة نوى.",
     ("نوى", "Disrupted weapons use", "Syrian government forces")),
])
def test_an_aircraft_striking_and_an_aircraft_struck(text, want):
    assert _typed(extract_events(text, "2021-11-20")) == [want]


@pytest.mark.parametrize("text,actor", [
    ("An Israeli drone struck a car near the town of Jasim on Sunday, state media said.", "Israeli forces"),
    ("Russian helicopters bombed the outskirts of Tafas late on Tuesday, activists said.", "Russian forces"),
    ("ألقت مروحية روسية صواريخ على بلدة طفس.", "Russian forces"),
])
def test_a_state_named_by_its_weapon(text, actor):
    ev = extract_events(text, "2021-11-20")
    assert ev and {e.actor1 for e in ev} == {actor}


def test_the_jordanian_army_on_the_border_is_its_own_actor():
    ev = extract_events("Jordanian border guards clashed on Thursday with armed smugglers near the village of Nasib, "
                        "the army said.", "2023-05-11")
    assert [(e.location, e.sub_event_type, e.actor1) for e in ev] == [("Nasib", "Armed clash", "Jordanian forces")]
    ev = extract_events("اشتبكت قوات حرس الحدود الأردنية فجر اليوم مع مهربين قرب بلدة نصيب.", "2023-05-11")
    assert {e.actor1 for e in ev} == {"Jordanian forces"}


def test_gunmen_who_kidnap_make_one_abduction():
    ev = extract_events("Gunmen kidnapped a young man from the town of al-Hirak on Monday and demanded a ransom.",
                        "2023-05-11")
    assert [(e.location, e.sub_event_type) for e in ev] == [("al-Hirak", "Abduction/forced disappearance")]


def test_israeli_forces_taking_a_village_is_an_incursion_not_the_government_regaining_it():
    ev = extract_events("Israeli forces advanced into the village of al-Hamidiyah in the northern Quneitra "
                        "countryside late Monday, residents said.", "2025-01-09")
    assert [(e.location, e.event_type, e.sub_event_type, e.actor1) for e in ev] == \
        [("al-Hamidiyah", "Strategic developments", "Other", "Israeli forces")]


@pytest.mark.parametrize("text", [
    "An Israeli patrol searched houses in Khan Arnabah before withdrawing toward the ceasefire line.",
    "وفتشت دورية للاحتلال منازل في بلدة خان أرنبة قبل أن تنسحب باتجاه خط وقف إطلاق النار.",
])
def test_the_ceasefire_line_is_a_line_not_a_ceasefire(text):
    ev = extract_events(text, "2025-01-09")
    assert ev and all(e.actor1 == "Israeli forces" for e in ev)   # the patrol's events are there
    assert not {e.sub_event_type for e in ev} & {"Agreement", "Armed clash", "Attack"}


def test_razing_farmland_is_property_destruction():
    ev = extract_events("وجرفت آليات الاحتلال الإسرائيلي أراضي زراعية في محيط قرية الرفيد صباح اليوم.", "2025-01-09")
    assert [(e.location, e.sub_event_type, e.actor1) for e in ev] == \
        [("الرفيد", "Looting/property destruction", "Israeli forces")]
    ev = extract_events("وهدمت قوات الاحتلال منزلين في قرية الرفيد بذريعة قربهما من الشريط الحدودي.", "2025-01-09")
    assert [(e.location, e.sub_event_type) for e in ev] == [("الرفيد", "Looting/property destruction")]
    # tearing down a post's fortifications is part of storming it, not a demolition of homes
    ev = extract_events("واقتحم الشبان حاجزا في مدينة الحراك وهدموا التحصينات العسكرية فيه.", "2020-10-26")
    assert "Looting/property destruction" not in {e.sub_event_type for e in ev}


def test_a_force_named_by_an_ordinal_is_an_actor_not_a_base_that_hosts_the_town():
    # "the Eighth Brigade" is an armed group; "Brigade 52" a base, whose town is only its host
    ev = extract_events("An IED killed three members of the Eighth Brigade in Busra al-Sham on Friday.", "2022-03-20")
    assert [(e.location, e.sub_event_type, e.fatalities) for e in ev] == \
        [("Busra al-Sham", "Remote explosive/landmine/IED", 3)]
    # the device's "targeting" is the blast, not a second, shelling event
    ev = extract_events("انفجرت عبوة ناسفة استهدفت سيارة عسكرية قرب مدينة بصرى الشام.", "2022-03-20")
    assert {e.sub_event_type for e in ev} == {"Remote explosive/landmine/IED"}


def test_a_child_shot_by_a_sniper_is_violence_against_civilians():
    ev = extract_events("A child was killed by regime sniper fire in the town of Jasim on Sunday.", "2022-03-20")
    assert [(e.event_type, e.sub_event_type, e.actor2) for e in ev] == \
        [("Violence against civilians", "Attack", "Civilians")]


def test_weapons_handed_over_with_their_kinds_named():
    ev = extract_events("Dozens of wanted men handed over their light and medium weapons to the Defence Ministry "
                        "in the town of Tafas on Tuesday.", "2025-04-30")
    assert [(e.location, e.sub_event_type) for e in ev] == [("Tafas", "Other")]
    # "الخفيفة والمتوسطة" are the weapons' kinds, not a village far away named al-Mutawassitah
    ev = extract_events("وسلم عشرات المطلوبين أسلحتهم الخفيفة والمتوسطة في مدينة طفس.", "2025-04-30")
    assert [e.location for e in ev] == ["طفس"]


def test_the_general_security_forces_are_the_states():
    ev = extract_events("General Security forces clashed with gunmen in the city of Sanamayn in northern Daraa.",
                        "2025-04-30")
    assert [(e.location, e.actor1) for e in ev] == [("Sanamayn", "Syrian government forces")]
    ev = extract_events("اشتبكت قوات الأمن العام مع مجموعة مسلحة في مدينة الصنمين.", "2025-04-30")
    assert [(e.location, e.actor1) for e in ev] == [("الصنمين", "Syrian government forces")]


@pytest.mark.parametrize("text", [
    "Witnesses said security forces attacked the protesters gathered outside the main square of Inkhil on Friday.",
    "فتحت قوات الأمن النار على المتظاهرين في ساحة مدينة إنخل بعد صلاة الجمعة.",
])
def test_force_against_protesters_is_excessive_force_not_a_battle(text):
    ev = [e for e in extract_events(text, "2011-03-23") if e.event_type != "Protests" or e.sub_event_type !=
          "Peaceful protest"]
    assert ev and {(e.sub_event_type, e.actor1, e.actor2) for e in ev} == \
        {("Excessive force against protesters", "Protesters", "Syrian government forces")}


def test_opened_fire_with_the_subject_between():
    ev = extract_events("فتح مسلحون مجهولون النار على سيارة مدنية في بلدة جاسم.", "2021-11-20")
    assert [(e.location, e.sub_event_type, e.actor1) for e in ev] == [("جاسم", "Attack", "Unidentified armed group")]


@pytest.mark.parametrize("text,place", [
    ("Regime forces stormed the town of Tafas at dawn and arrested five young men, local sources said.", "Tafas"),
    ("اقتحمت قوات النظام بلدة طفس فجر اليوم واعتقلت خمسة شبان من أبنائها.", "طفس"),
])
def test_storming_a_town_to_arrest_is_a_raid_not_a_change_of_hands(text, place):
    assert [(e.location, e.sub_event_type) for e in extract_events(text, "2023-09-14")] == [(place, "Arrests")]


@pytest.mark.parametrize("text,place", [
    ("Four regime soldiers died and two more were hurt near Nawa on Sunday after a roadside bomb blew up under "
     "their truck.", "Nawa"),
    ("جُرح ستة عناصر من قوى الأمن الداخلي صباح اليوم بانفجار عبوة ناسفة زُرعت على طريق سيارتهم قرب مدينة نوى.", "نوى"),
])
def test_the_force_a_bomb_killed_is_its_target_not_its_author(text, place):
    ev = extract_events(text, "2023-09-14")
    assert [(e.location, e.actor1, e.actor2) for e in ev] == [(place, "", "Syrian government forces")]


def test_the_official_agencys_destroyed_dens_idiom_is_fire_on_the_towns():
    ev = extract_events("دمرت وحدات من الجيش العربي السوري أوكاراً وتحصينات للإرهابيين في بلدتي اليادودة والمزيريب "
                        "بريف درعا الغربي.", "2018-06-27")
    assert [(e.location, e.sub_event_type) for e in ev] == [
        ("اليادودة", "Shelling/artillery/missile attack"), ("المزيريب", "Shelling/artillery/missile attack")]


def test_a_residential_quarter_is_no_quarter_named_residential():
    ev = extract_events("واستشهد مدنيان جراء اعتداء إرهابي بقذائف صاروخية على حي سكني في مدينة إزرع.", "2018-06-27")
    assert [e.location for e in ev] == ["إزرع"]


@pytest.mark.parametrize("text,want", [
    # gunmen "targeting" a car or a house fire at it: no shell in the sentence
    ("وأفاد مراسلنا بأن مسلحين مجهولين استهدفوا سيارة قيادي سابق قرب دوار البلدة في بلدة طفس.",
     {"Attack", "Armed clash"}),
    ("Unknown gunmen targeted the car of a former rebel commander in the town of Tafas.", {"Attack", "Armed clash"}),
    # the official agency's rebels ("المسلحين") shelled by the army stay shelling
    ("استهدفت وحدات من الجيش تجمعات المسلحين في بلدة طفس.", {"Shelling/artillery/missile attack"}),
])
def test_gunmen_targeting_is_gunfire_not_shelling(text, want):
    subs = {e.sub_event_type for e in extract_events(text, "2022-07-13")}
    assert subs and subs <= want


@pytest.mark.parametrize("text,a1,a2", [
    ("استهدفت وحدات من الجيش تجمعات المسلحين في بلدة طفس.", "Syrian government forces", "Opposition armed groups"),
    ("واستهدف الجيش مواقع المسلحين في بلدة طفس.", "Syrian government forces", "Opposition armed groups"),
    ("الفصائل استهدفت قوات النظام في بلدة طفس بقذائف الهاون.", "Opposition armed groups", "Syrian government forces"),
])
def test_the_force_right_after_a_first_verb_is_its_doer(text, a1, a2):
    assert {(e.actor1, e.actor2) for e in extract_events(text, "2022-07-13")} == {(a1, a2)}


@pytest.mark.parametrize("text,place", [
    ("Government artillery kept up its fire on the hills around Quneitra all week, part of a bid to recapture "
     "them from the rebels.", "Quneitra"),
    ("حشدت قوات النظام تعزيزات عسكرية بهدف السيطرة على بلدة طفس.", "طفس"),
])
def test_a_purpose_to_take_a_place_is_not_taking_it(text, place):
    subs = {e.sub_event_type for e in extract_events(text, "2018-07-20") if e.location == place}
    assert "Government regains territory" not in subs


def test_a_deployment_happens_where_the_forces_were_deployed():
    ev = extract_events("A Russian military police patrol was deployed in the town of Jasim on Monday.", "2022-05-12")
    assert [(e.location, e.actor1) for e in ev] == [("Jasim", "Russian forces")]
    # forces stationed somewhere that do something else: the place they are stationed in is not the event's
    ev = extract_events("Regime forces stationed in Jasim shelled the town of Nawa on Monday.", "2022-05-12")
    assert [e.location for e in ev] == ["Nawa"]


def test_detainees_named_in_a_demand_are_no_arrest():
    ev = extract_events("Residents of Tafas staged a protest on Friday demanding the release of detainees held by the "
                        "security branches.", "2022-05-12")
    assert [(e.location, e.sub_event_type) for e in ev] == [("Tafas", "Peaceful protest")]


def _rows(text, pub=PUB):
    return {e.location: (e.sub_event_type, e.actor1, e.actor2) for e in extract_events(text, pub)}


@pytest.mark.parametrize("text, places", [
    ("Government forces shelled militant positions east of Daraa on Monday. Dozens of militants were killed in "
     "Busra al-Harir and Nahta, a military source said.", ("Busra al-Harir", "Nahta")),
    ("كثفت وحدات الجيش ضرباتها على تجمعات الإرهابيين في ريف درعا الشرقي.\n"
     "وأكد مصدر عسكري سقوط العديد من الإرهابيين في بلدتي الحراك وناحتة.", ("الحراك", "ناحتة")),
])
def test_the_dead_told_after_an_act_are_that_acts_toll(text, places):
    """Deaths told in the sentence after the fire that caused them are that fire, by its doer, at the places
    the deaths are told; the dead are its target, not its author."""
    rows = _rows(text)
    for place in places:
        assert rows.get(place) == ("Shelling/artillery/missile attack", "Syrian government forces",
                                   "Opposition armed groups"), (place, rows)


def test_a_killing_told_as_another_incident_keeps_its_own_kind():
    text = ("Government forces shelled rebel positions around Tafas on Monday. Separately, a former rebel was killed "
            "in Inkhil. A pharmacist was shot dead by unknown gunmen in Jasim.")
    rows = _rows(text)
    assert rows["Inkhil"][0] != "Shelling/artillery/missile attack"
    assert rows["Jasim"][0] != "Shelling/artillery/missile attack" and rows["Jasim"][1] != "Syrian government forces"


def test_the_group_whose_members_were_killed_is_not_the_killer():
    rows = _rows("Four members of the regime forces were killed in the town of Nawa, a local activist said.")
    assert rows["Nawa"][1:] == ("", "Syrian government forces")
    rows = _rows("أفاد ناشطون بمقتل ثلاثة عناصر من قوات النظام في مدينة نوى.")
    assert rows["نوى"][1:] == ("", "Syrian government forces")


@pytest.mark.parametrize("text, place", [
    ("Army units foiled an infiltration attempt by militants toward military posts near Tal al-Hara on Tuesday.",
     "Tal al-Hara"),
    ("Government forces repelled an attack by gunmen on a checkpoint near the town of Inkhil.", "Inkhil"),
    ("أحبطت وحدات من الجيش محاولة تسلل لمجموعة مسلحة باتجاه نقاط عسكرية في محيط تل الحارة.", "تل الحارة"),
])
def test_an_attack_foiled_is_a_fight(text, place):
    assert _types(text, place) == {("Battles", "Armed clash")}


def test_a_death_told_on_the_same_day_is_not_the_toll_of_the_blast_before():
    text = ("A landmine killed a soldier on the road between Busra al-Sham and Ma'raba on Monday. On the same day, "
            "activists reported the death of a detainee from the town of al-Karak al-Sharqi.")
    assert "Remote explosive/landmine/IED" not in {s for _, s in _types(text, "al-Karak al-Sharqi")}


def test_an_israeli_advance_is_an_incursion_and_a_post_set_up_is_a_base():
    text = ("Israeli forces advanced on Sunday towards the village of Jubbata al-Khashab in northern Quneitra, "
            "setting up a new military post on a hill overlooking it, residents said.")
    assert _labels(text, "Jubbata al-Khashab") == {"incursion", "base_established"}


def test_the_state_named_with_the_strikes_carries_them_out():
    """'troops backed by Russian airstrikes': the strikes are Russia's, and the troops they backed are no target."""
    text = ("Government troops backed by Russian airstrikes captured the town of Busra al-Harir on Saturday. "
            "Russian air raids also killed a civilian in the village of Nahta.")
    rows = {(e.location, e.sub_event_type): (e.actor1, e.actor2) for e in extract_events(text, "2018-06-30")}
    assert rows[("Busra al-Harir", "Air/drone strike")] == ("Russian forces", "")
    assert rows[("Busra al-Harir", "Government regains territory")][0] == "Syrian government forces"
    assert rows[("Nahta", "Air/drone strike")] == ("Russian forces", "Civilians")


@pytest.mark.parametrize("text, places", [
    ("Government troops captured the town of Busra al-Harir on Saturday. The opposition-held towns of Nahta and "
     "Mleiha al-Atash also fell, the Observatory said.", {"Busra al-Harir", "Nahta", "Mleiha al-Atash"}),
    ("سقطت بلدة ناحتة بيد قوات النظام بعد معارك عنيفة.", {"ناحتة"}),
    ("وقالت مصادر إن مدينة الحراك سقطت بأيدي قوات النظام مساء أمس.", {"الحراك"}),
])
def test_a_town_that_fell_was_taken(text, places):
    ev = extract_events(text, "2018-06-30")
    assert {e.location for e in ev if e.sub_event_type == "Government regains territory"} == places


@pytest.mark.parametrize("text, place", [
    ("Two shells fell on the town of Inkhil on Monday, wounding a child.", "Inkhil"),
    ("سقطت قذيفتان على بلدة إنخل، ما أدى إلى إصابة طفل.", "إنخل"),
    ("After the regime fell, residents of Jasim returned to their homes.", "Jasim"),
])
def test_shells_or_a_regime_that_fell_took_no_town(text, place):
    ev = [e for e in extract_events(text, "2018-06-30") if e.location == place]
    assert not any(e.sub_event_type in ("Government regains territory", "Non-state actor overtakes territory")
                   for e in ev)


@pytest.mark.parametrize("text, place, dest", [
    ("وانسحبت فصائل المعارضة من بلدة الكرك الشرقي باتجاه مدينة الحراك.", "الكرك الشرقي", "الحراك"),
    ("Rebel fighters withdrew from the town of Nahta towards the town of Busra al-Sham on Sunday.", "Nahta",
     "Busra al-Sham"),
])
def test_where_a_retreat_went_is_not_where_it_happened(text, place, dest):
    ev = [e for e in extract_events(text, "2018-06-30") if e.trigger_label == "withdrawal"]
    assert place in {e.location for e in ev} and dest not in {e.location for e in ev}


def test_gunmen_of_no_named_side_are_an_unidentified_group():
    ev = extract_events("Gunmen kidnapped a pharmacist in the town of Jasim on Tuesday, his relatives said.", PUB)
    assert {(e.sub_event_type, e.actor1) for e in ev if e.location == "Jasim"} == {
        ("Abduction/forced disappearance", "Unidentified armed group")}


@pytest.mark.parametrize("text, places", [
    ("Army units restored security and stability to the villages of Jaba and Mashara in the Quneitra countryside "
     "on Sunday, the state news agency said.", {"Jaba", "Mashara"}),
    ("أعادت وحدات من الجيش الأمن والاستقرار إلى قريتي جبا ومسحرة بريف القنيطرة.", {"جبا", "مسحرة"}),
])
def test_security_restored_to_a_village_is_the_state_taking_it(text, places):
    ev = extract_events(text, "2018-07-22")
    assert {e.location for e in ev if e.sub_event_type == "Government regains territory"
            and e.actor1 == "Syrian government forces"} == places


def test_a_protest_met_with_fire_is_one_event_of_excessive_force():
    text = ("خرج المئات في مظاهرة بمدينة نوى طالبوا فيها بإسقاط النظام، وأطلقت قوات الأمن الرصاص الحي والغاز "
            "المسيل للدموع لتفريق المتظاهرين في المدينة.")
    ev = extract_events(text, "2011-04-08")
    assert "Disrupted weapons use" not in {e.sub_event_type for e in ev}   # toppling the regime downs no aircraft
    assert "إسقاط" not in {e.location for e in ev}
    force = [e for e in ev if e.sub_event_type == "Excessive force against protesters"]
    assert force and not [e for e in ev if e.location in {f.location for f in force}
                          and e.sub_event_type in ("Protest with intervention", "Peaceful protest")]


@pytest.mark.parametrize("text, place, kind", [
    ("Thousands of people marched through the streets of Nawa on Friday chanting slogans against the government.",
     "Nawa", ("Protests", "Peaceful protest")),
    ("Security forces opened fire on mourners in the town of Sanamayn on Friday, killing at least four people.",
     "Sanamayn", ("Violence against civilians", "Attack")),
])
def test_marchers_protest_and_mourners_are_civilians(text, place, kind):
    assert kind in _types(text, place, "2011-04-08")


def test_the_one_arrested_is_no_reason_to_lose_the_sentences_doer():
    text = "توغلت قوة إسرائيلية في قرية الحميدية بريف القنيطرة، واعتقلت شاباً في قرية رويحينة."
    ev = [e for e in extract_events(text, "2025-11-18") if e.location == "رويحينة"]
    assert [(e.sub_event_type, e.actor1, e.actor2) for e in ev] == [("Arrests", "Israeli forces", "Civilians")]


def test_the_attackers_named_after_the_attack_and_the_holder_of_the_place():
    """'هجوم شنّه مسلحون مجهولون على حاجز للأمن العام': the gunmen launched it (the security man killed first in
    the sentence is its target); 'the town, held by X': X holds the place, no party to the event."""
    text = ("قُتل عنصر من الأمن العام مساء السبت إثر هجوم شنّه مسلحون مجهولون على حاجز عند مدخل مدينة الصنمين. "
            "وتمكنت القوى الأمنية من إلقاء القبض على أحد المهاجمين في المدينة.")
    rows = {(e.sub_event_type, e.actor1, e.actor2) for e in extract_events(text, "2025-11-30")}
    assert ("Armed clash", "Unidentified armed group", "Syrian government forces") in rows
    assert ("Arrests", "Syrian government forces", "") in rows
    text = "قتل مدني بمحاولة اغتيال نفذها مجهولون في بلدة المسيفرة الخاضعة لسيطرة قوات النظام."
    assert {(e.actor1, e.actor2) for e in extract_events(text, "2022-09-24")} == {
        ("Unidentified armed group", "Civilians")}


@pytest.mark.parametrize("text, place", [
    ("The Israeli army said on Wednesday that its troops detained two suspects in the village of Beit Jinn.",
     "Beit Jinn"),
    ("وقال الجيش الإسرائيلي إن قواته اعتقلت مشتبهين اثنين في قرية بيت جن.", "بيت جن"),
])
def test_a_speakers_own_troops_make_the_speaker_the_doer(text, place):
    ev = [e for e in extract_events(text, "2025-11-27") if e.location == place]
    assert [(e.sub_event_type, e.actor1) for e in ev] == [("Arrests", "Israeli forces")]


@pytest.mark.parametrize("text, place, want", [
    ("Interior ministry forces seized explosive belts and a cache of rifles in the town of Inkhil on Sunday.", "Inkhil",
     {"cache_found"}),
    ("Police seized large quantities of captagon pills hidden in a truck near the town of Nasib.", "Nasib",
     {"cache_found"}),
    ("Rebels seized the town of Nawa on Sunday.", "Nawa", {"territory_taken"}),
    ("Troops confiscated weapons and ammunition in the village of Kudna on Monday.", "Kudna", {"cache_found"}),
])
def test_a_seizure_of_goods_is_no_place_taken(text, place, want):
    assert _labels(text, place) == want


def test_the_interior_ministry_is_the_state():
    ev = extract_events("The interior ministry said its units arrested three men in the town of Inkhil.", PUB)
    assert [e.actor1 for e in ev if e.trigger_label == "arrests"] == ["Syrian government forces"]


@pytest.mark.parametrize("text, place", [
    ("Masked men stormed a house in the town of Jasim overnight and opened fire on a family, killing two.", "Jasim"),
    ("اقتحم مسلحون مجهولون منزلاً في بلدة الجيزة وأطلقوا النار على ساكنيه، ما أدى إلى مقتل رجل وزوجته.", "الجيزة"),
])
def test_storming_a_house_to_shoot_its_people_is_one_attack_on_civilians(text, place):
    assert _types(text, place) == {("Violence against civilians", "Attack")}


@pytest.mark.parametrize("text, place", [
    ("قتل عنصر من قوات النظام باستهداف حاجزه بالأسلحة الرشاشة على أطراف بلدة المسيفرة.", "المسيفرة"),
    ("Unidentified assailants targeted a checkpoint with gunfire near the town of Musayfirah.", "Musayfirah"),
])
def test_targeting_with_small_arms_is_gunfire_not_shelling(text, place):
    assert ("Explosions/Remote violence", "Shelling/artillery/missile attack") not in _types(text, place)
    assert _types(text, place)


@pytest.mark.parametrize("text, place", [
    ("A bomb went off outside a bakery in the town of Nawa on Monday morning.", "Nawa"),
    ("A magnetic bomb planted under his car killed a former commander in the city of Jasim.", "Jasim"),
])
def test_a_bomb_that_went_off_is_an_explosive_device(text, place):
    assert _types(text, place) == {("Explosions/Remote violence", "Remote explosive/landmine/IED")}


@pytest.mark.parametrize("text", [
    "A member of the 'reconciliation' factions was shot dead by gunmen in the town of Sahwat al-Qamh.",
    "Officers of the Russian Reconciliation Centre met notables in the town of Busra al-Sham on Monday.",
])
def test_settlement_people_and_bodies_are_no_settlement(text):
    assert "settlement_entry" not in {e.trigger_label for e in extract_events(text, PUB)}


@pytest.mark.parametrize("text, place, want", [
    ("A young man was found dead with gunshot wounds on the edge of the town of Nahta.", "Nahta",
     {("Violence against civilians", "Attack")}),
    ("A farmer was wounded by shots fired by soldiers at a checkpoint in the town of Inkhil.", "Inkhil",
     {("Violence against civilians", "Attack")}),
    # (the arrest the protest is against names no place nor day of its own: no event of its own)
    ("Dozens demonstrated in the town of Jasim on Friday against the arrest of a teacher.", "Jasim",
     {("Protests", "Peaceful protest")}),
])
def test_found_dead_shots_fired_and_demonstrated(text, place, want):
    assert _types(text, place) == want


@pytest.mark.parametrize("text, first, second", [
    ("Government artillery shelled the village of Saida, coinciding with clashes on the outskirts of Jasim.", "Saida",
     "Jasim"),
    ("قصفت مدفعية النظام قرية صيدا، تزامناً مع اشتباكات على أطراف مدينة جاسم.", "صيدا", "جاسم"),
])
def test_coinciding_with_starts_another_event_at_its_own_place(text, first, second):
    assert _labels(text, first) == {"shelling"}
    assert _labels(text, second) == {"armed_clash"}


@pytest.mark.parametrize("text, place", [
    ("عثرت وحدات الهندسة خلال تمشيط المناطق المحررة على مستودع ذخيرة في بلدة عدوان.", "عدوان"),
    ("Army engineers found an arms depot in the town of Adwan while combing the newly liberated areas.", "Adwan"),
    ("نزحت عشرات العائلات من بلدة الحراك باتجاه الأحياء المحررة في مدينة درعا.", "درعا"),
])
def test_the_freed_areas_are_a_state_not_a_capture(text, place):
    assert "territory_taken" not in {e.trigger_label for e in extract_events(text, PUB)}


@pytest.mark.parametrize("text, place, actors", [
    ("Syrian air defences shot down an Israeli drone over the town of Khan Arnabeh on Tuesday.", "Khan Arnabeh",
     ("Syrian government forces", "Israeli forces")),
    ("The Syrian army said its air defences shot down an Israeli drone over the town of Khan Arnabeh.",
     "Khan Arnabeh", ("Syrian government forces", "Israeli forces")),
    ("An Israeli drone was shot down over the town of Khan Arnabeh on Tuesday.", "Khan Arnabeh",
     ("", "Israeli forces")),
    ("أسقطت الدفاعات الجوية السورية طائرة مسيرة إسرائيلية في سماء بلدة خان أرنبة.", "خان أرنبة",
     ("Syrian government forces", "Israeli forces")),
])
def test_an_aircraft_downed_is_one_event_whose_target_is_the_aircrafts_side(text, place, actors):
    ev = [e for e in extract_events(text, PUB) if e.location == place]
    assert [(e.trigger_label, e.actor1, e.actor2) for e in ev] == [("aircraft_downed", *actors)]


def test_a_handover_of_weapons_named_further_after_the_verb():
    text = "سلّم مقاتلو الفصائل في بلدة طفس دفعة جديدة من أسلحتهم الثقيلة إلى الشرطة العسكرية الروسية."
    assert _labels(text, "طفس") == {"weapons_handover"}


def test_an_assassination_attempt_by_gunfire_is_one_attack_not_a_battle_too():
    text = "نجا رئيس بلدية مدينة نوى من محاولة اغتيال باستهداف سيارته بالرصاص من قبل مجهولين قرب المدينة."
    assert _types(text, "نوى") == {("Violence against civilians", "Attack")}


def test_the_speaker_that_says_it_did_is_the_doer():
    ev = extract_events("The Israeli army said on Tuesday that it struck weapons depots near the town of Inkhil.", PUB)
    assert [e.actor1 for e in ev if e.location == "Inkhil"] == ["Israeli forces"]


@pytest.mark.parametrize("text, place", [
    ("توفي شاب متأثراً بجراح أصيب بها جراء انفجار قنبلة يدوية في بلدة المليحة الغربية.", "المليحة الغربية"),
    ("A teenager was wounded when a hand grenade exploded in the town of Nawa.", "Nawa"),
])
def test_a_grenade_that_exploded_is_one_grenade_event(text, place):
    assert _labels(text, place) == {"grenade"}


def test_bodies_found_a_long_phrase_after_is_a_killing_not_a_cache():
    text = ("The bodies of three young men bearing signs of torture were found on Sunday in farmland near the town "
            "of Inkhil.")
    assert _labels(text, "Inkhil") == {"attack_civilians"}


@pytest.mark.parametrize("text, place", [
    # (where they went, not the town a planned offensive is to hit: that one is no place of the report's acts,
    # test_extract_roundups_and_flashes)
    ("Government reinforcements reached the outskirts of Jubata al-Khashab on Tuesday, in preparation for a new "
     "offensive.", "Jubata al-Khashab"),
    ("استقدمت قوات النظام تعزيزات عسكرية إلى محيط مدينة طفس استعداداً لشن هجوم على المدينة.", "طفس"),
])
def test_an_offensive_made_ready_for_is_not_fought_yet(text, place):
    assert _labels(text, place) == {"troop_movement"}


def test_an_israeli_force_withdrawing_ends_an_incursion_not_a_handover():
    text = "توغلت قوة إسرائيلية في قرية الحميدية بريف القنيطرة الشمالي، واعتقلت شابين ثم انسحبت باتجاه الجولان المحتل."
    assert {sub for _, sub in _types(text, "الحميدية")} == {"Other", "Arrests"}


@pytest.mark.parametrize("text, place", [
    ("A child was killed when an unexploded mortar shell went off in the village of Alma on Sunday.", "Alma"),
    ("Two boys were wounded when a cluster bomblet left over from past shelling exploded near their home in al-Harak.",
     "al-Harak"),
    ("قتل طفل بانفجار قذيفة هاون من مخلفات الحرب في بلدة علما يوم الأحد.", "علما"),
    ("أصيب طفلان بانفجار قذيفة غير منفجرة قرب منزلهما في بلدة الحراك.", "الحراك"),
])
def test_a_remnant_of_past_fighting_going_off_is_an_explosion_not_a_shelling(text, place):
    assert _types(text, place) == {("Explosions/Remote violence", "Remote explosive/landmine/IED")}


@pytest.mark.parametrize("text, place", [
    ("The talks collapsed after the regime insisted on deploying checkpoints inside the Daraa al-Balad neighbourhood.",
     "Daraa al-Balad"),
    ("انهارت المفاوضات بعد إصرار النظام على نشر حواجز داخل أحياء درعا البلد.", "درعا البلد"),
])
def test_a_demand_in_talks_is_no_deployment(text, place):
    assert _types(text, place) == set()


def test_soldiers_captured_are_prisoners_not_ground():
    text = ("Local gunmen attacked a Military Intelligence checkpoint on the outskirts of al-Sanamayn late Friday, "
            "killing a lieutenant and capturing two soldiers.")
    assert "territory_taken" not in _labels(text, "al-Sanamayn")


@pytest.mark.parametrize("text, place, sub, doer", [
    ("أطلقت القوات الإسرائيلية النار على متظاهرين في مدينة نوى.", "نوى", "Excessive force against protesters",
     "Israeli forces"),
    ("أطلقت قوات النظام النار على متظاهرين في مدينة نوى.", "نوى", "Excessive force against protesters",
     "Syrian government forces"),
    ("Israeli troops fired warning shots at residents protesting in the town of Nawa.", "Nawa",
     "Protest with intervention", "Israeli forces"),
])
def test_gunfire_at_protesters_is_force_against_a_protest(text, place, sub, doer):
    ev = [e for e in extract_events(text, PUB) if e.location == place]
    assert [(e.sub_event_type, e.actor1, e.actor2) for e in ev] == [(sub, "Protesters", doer)]


def test_a_mans_own_past_settlement_is_no_town_changing_hands():
    text = "قُتل شاب برصاص مجهولين في بلدة المسيفرة. وكان الشاب المنحدر من بلدة ناحتة قد أجرى تسوية أمنية عام 2018."
    labels = {e.trigger_label for e in extract_events(text, PUB)}
    assert "settlement_entry" not in labels and labels & {"attack", "attack_civilians"}


@pytest.mark.parametrize("text, place", [
    # a bomb set off, with words between the bomb and its going off
    ("A bomb hidden under a parked truck went off in the town of Inkhil on Monday morning.", "Inkhil"),
    # "the bombing" of a report about a planted bomb is that bomb's, not a shelling
    ("An explosive device planted near the bakery went off in Inkhil on Monday.\n"
     "The toll from Monday's bombing in Inkhil rose to four overnight.", "Inkhil"),
])
def test_planted_bombs_are_explosions(text, place):
    assert _types(text, place) == {("Explosions/Remote violence", "Remote explosive/landmine/IED")}


def test_a_bombing_with_no_planted_bomb_in_the_report_stays_a_bombardment():
    assert _types("Government forces kept bombing the town of Inkhil on Monday.", "Inkhil") == {
        ("Explosions/Remote violence", "Shelling/artillery/missile attack")}


@pytest.mark.parametrize("text, place", [
    ("A landmine left over from earlier battles went off near the village of al-Shajara, wounding a shepherd.",
     "al-Shajara"),
    ("انفجر لغم أرضي من مخلفات المعارك قرب قرية الشجرة، ما أدى إلى إصابة راعٍ.", "الشجرة"),
])
def test_the_battles_a_remnant_is_left_from_are_past(text, place):
    assert _labels(text, place) == {"ied"}


@pytest.mark.parametrize("text, place, label", [
    # what a battle is fought for is not taken yet
    ("أعلنت الفصائل بدء معركة جديدة للسيطرة على مدينة إنخل.", "إنخل", "armed_clash"),
    ("شنت قوات النظام هجوماً على بلدة داعل في محاولة لاستعادتها.", "داعل", "attack"),
])
def test_a_taking_as_a_purpose_is_no_capture(text, place, label):
    labels = _labels(text, place)
    assert "territory_taken" not in labels and labels


@pytest.mark.parametrize("text", [
    "أفرجت السلطات اليوم عن أربعة شبان من مدينة إنخل بعد اعتقال دام ثلاث سنوات.",
    "أطلقت قوات الأمن سراح رجل من إنخل اعتقل على حاجز قبل أشهر.",
    "Authorities freed an elderly man from Inkhil who had been arrested at a checkpoint last year.",
])
def test_a_release_is_no_arrest(text):
    assert extract_events(text, PUB) == []


def test_an_arrest_then_a_release_is_an_arrest():
    text = "اعتقلت دورية أمنية ثلاثة شبان في مدينة إنخل، وأفرجت عن أحدهم بعد ساعات."
    assert _labels(text, "إنخل") == {"arrests"}


def test_a_man_who_joined_the_reconciliation_is_no_town_changing_hands():
    text = ("Gunmen shot dead a former rebel fighter, who joined the reconciliation in 2018, in the town of Inkhil "
            "on Sunday.")
    assert _labels(text, "Inkhil") and "settlement_entry" not in _labels(text, "Inkhil")
    town = "The town of Inkhil joined the reconciliation on Sunday after talks with Russian officers."
    assert _labels(town, "Inkhil") == {"settlement_entry"}


@pytest.mark.parametrize("text", [
    # the time since a taking or a deal, not the taking
    "وتعيش محافظة القنيطرة حالة من الفوضى الأمنية منذ سيطرة قوات النظام عليها صيف 2018.",
    "The city of Inkhil has been tense since government forces retook it in 2018.",
    "ولم تدخل قوات النظام مدينة إنخل منذ اتفاق التسوية.",
    # a tally over a span that runs until now
    "Inkhil has seen dozens of assassinations since the settlement of 2018.",
    "وشهدت مدينة إنخل عشرات عمليات الاغتيال منذ عام 2018.",
])
def test_a_time_since_and_a_tally_are_no_events(text):
    assert extract_events(text, PUB) == []


def test_a_taking_some_days_ago_is_still_a_taking():
    text = "وأعلنت قوات النظام منذ يومين السيطرة على بلدة الغارية الشرقية."
    assert _labels(text, "الغارية الشرقية") == {"territory_taken"}


def test_the_strikes_named_again_are_the_strikes():
    text = ("Israeli jets struck military sites in Daraa province on Tuesday night.\n"
            "The strikes targeted an air defence battalion near the town of Izraa, a monitor said.")
    assert _types(text, "Izraa") == {("Explosions/Remote violence", "Air/drone strike")}
    shelled = "Government artillery shelled Izraa on Tuesday. The shells hit a school in the town."
    assert ("Explosions/Remote violence", "Air/drone strike") not in _types(shelled, "Izraa")


@pytest.mark.parametrize("text, events", [
    ("ولم تدخل قوات النظام مدينة إنخل حتى الآن.", 0),           # "و" glued to the negation
    ("ولم يسفر القصف المدفعي على مدينة إنخل عن إصابات.", 1),   # no harm done, but the shelling took place
    ("لم تؤدِّ الاشتباكات في مدينة إنخل إلى وقوع إصابات.", 1),
])
def test_a_negation_denies_the_act_not_its_result(text, events):
    assert len(extract_events(text, PUB)) == events


@pytest.mark.parametrize("text, place, want", [
    ("قطع المحتجون الطريق قرب مدينة إنخل يوم الأحد احتجاجاً على اعتقال معلم.", "إنخل", {"protest"}),
    # the cause told with a place of its own is an event there, and only there
    ("Residents of Inkhil protested on Sunday against the arrest of a teacher in Jasim.", "Inkhil", {"protest"}),
    ("Residents of Inkhil protested on Sunday against the arrest of a teacher in Jasim.", "Jasim", {"arrests"}),
])
def test_what_a_protest_is_against_is_no_event_of_the_protests_place(text, place, want):
    assert _labels(text, place) == want


@pytest.mark.parametrize("text, place, want", [
    ("Opposition fighters stormed an army checkpoint on the outskirts of Inkhil on Sunday.", "Inkhil",
     ("Battles", "Armed clash")),
    ("Masked men snatched a pharmacist from his shop in Inkhil on Sunday.", "Inkhil",
     ("Violence against civilians", "Abduction/forced disappearance")),
    ("نصب مقاتلون محليون كميناً لدورية أمنية قرب مدينة إنخل يوم الأحد.", "إنخل", ("Battles", "Armed clash")),
    ("قطعت قوات النظام الطريق الواصل بين مدينتي إنخل وجاسم يوم الأحد.", "إنخل", ("Strategic developments", "Other")),
])
def test_storming_a_post_snatching_an_ambush_a_road_cut(text, place, want):
    assert want in _types(text, place)


def test_protesters_who_cut_a_road_cut_no_supply_line():
    text = "Protesters cut the main road linking Inkhil and Jasim on Sunday to demand the release of detainees."
    assert "supply_cut" not in _labels(text, "Inkhil")


def test_a_deal_a_man_joined_is_no_agreement_of_the_town():
    text = ("Gunmen shot dead a former commander in the town of Inkhil on Sunday. The man, who had joined a "
            "reconciliation deal in 2018, was ambushed near the town's grain mill.")
    assert _labels(text, "Inkhil").isdisjoint({"agreement", "settlement_entry"})


def test_the_cause_of_a_protest_a_few_words_on_is_still_its_cause():
    text = ("Residents of Inkhil staged a sit-in on Sunday to protest power cuts and the detention of two young men "
            "at a checkpoint near Jasim.")
    assert _labels(text, "Inkhil") == {"protest"} and _labels(text, "Jasim") == {"arrests"}


@pytest.mark.parametrize("text, place", [
    ("شنت قوات النظام هجوماً برياً على مدينة إنخل من محورين فجر اليوم، ترافق مع قصف مدفعي عنيف.", "إنخل"),
    ("Government troops launched a ground assault on Inkhil on Sunday amid heavy artillery shelling.", "Inkhil"),
])
def test_an_assault_and_the_fire_beside_it_are_two_acts(text, place):
    assert {"Armed clash", "Shelling/artillery/missile attack"} <= {t for _, t in _types(text, place)}


def test_an_attack_with_shells_is_one_shelling():
    assert _labels("هاجمت قوات النظام مدينة إنخل بقذائف الهاون صباح اليوم.", "إنخل") == {"shelling"}


@pytest.mark.parametrize("text", [
    "Government forces shelled the town of Inkhil shortly after the truce began on Monday evening.",
    "وقصفت قوات النظام مدينة إنخل بعد ساعات من دخول الهدنة حيز التنفيذ.",
])
def test_a_truce_that_dates_an_act_is_no_agreement_at_its_place(text):
    assert _labels(text, "Inkhil" if "Inkhil" in text else "إنخل") == {"shelling"}


def test_local_groups_taking_checkpoints_are_not_the_government():
    text = "وسيطرت المجموعات المحلية على حاجز بلدة اليادودة وأسرت عدداً من العناصر."
    ev = [e for e in extract_events(text, PUB) if e.trigger_label == "territory_taken"]
    assert ev and all(e.sub_event_type == "Non-state actor overtakes territory" for e in ev)


@pytest.mark.parametrize("text, place", [
    ("Security forces set fire to several homes in the town of Inkhil on Monday.", "Inkhil"),
    ("Soldiers torched shops in the market of Inkhil on Monday.", "Inkhil"),
    ("أحرقت قوات الأمن عدداً من منازل المطلوبين في مدينة إنخل يوم الاثنين.", "إنخل"),
])
def test_houses_burned_are_property_destroyed(text, place):
    assert _labels(text, place) == {"looting"}


def test_protesters_burning_tyres_riot():
    assert _labels("Protesters set fire to tyres in the main square of Inkhil on Monday.", "Inkhil") == {"riot"}


@pytest.mark.parametrize("text, sub", [
    ("قصفت الفصائل الإسلامية والمقاتلة مواقع قوات النظام في بلدة عتمان ليل أمس.",
     "Shelling/artillery/missile attack"),
    ("قصفت الكتائب المقاتلة مواقع قوات النظام في بلدة عتمان ليل أمس.", "Shelling/artillery/missile attack"),
    ("قصفت مقاتلة روسية بلدة عتمان ليل أمس.", "Air/drone strike"),   # a fighter jet still is one
])
def test_fighting_factions_are_no_fighter_jet(text, sub):
    assert {e.sub_event_type for e in extract_events(text, "2016-06-14")} == {sub}


@pytest.mark.parametrize("text", [
    "دخلت قوات النظام والشرطة الروسية يوم السبت إلى مدينة بصرى الشام.",
    "دخلت وحدات كبيرة من قوات النظام صباح يوم السبت إلى مدينة بصرى الشام.",
])
def test_an_entry_reaches_the_town_its_goal_names_after_a_long_subject(text):
    ev = extract_events(text, "2018-07-08")
    assert [(e.location, e.sub_event_type, e.event_date) for e in ev] == [
        ("بصرى الشام", "Government regains territory", "2018-07-07")]


def test_an_entry_does_not_reach_a_town_far_after_it_without_a_goal():
    text = "دخلت قوات النظام والشرطة العسكرية الروسية يوم السبت بعد مفاوضات طويلة مع وجهاء المنطقة في مدينة بصرى الشام."
    assert "Government regains territory" not in {e.sub_event_type for e in extract_events(text, "2018-07-08")}


@pytest.mark.parametrize("text", [
    "ونفى المصدر الأنباء التي تناقلتها صفحات المعارضة عن سيطرة الفصائل على بلدة خربة غزالة.",
    "ونفى مصدر في قيادة الشرطة لإذاعة محلية أن يكون الهجوم قد استهدف حاجزاً للجيش في بلدة صيدا.",
    "وأكد البيان أن الطيران الروسي لم ينفذ أي غارة على بلدة طفس منذ إعلان الهدنة.",
    "The Russian ministry said its aircraft had not carried out any air strikes on the town of Tafas since the truce.",
])
def test_a_denial_reaches_past_a_long_subject_and_no_act_is_none(text):
    assert extract_events(text, "2018-07-10") == []


def test_a_denial_ends_where_the_source_goes_on_to_say_what_happened():
    text = "ونفى المصدر الأنباء عن انسحاب الجيش، وقال إن وحدات الجيش قصفت مواقع المسلحين في بلدة طفس أمس."
    assert {e.location for e in extract_events(text, "2018-07-10")} == {"طفس"}


@pytest.mark.parametrize("text", [
    "Protesters will march in Nawa on Friday, organisers said.",
    "Protesters said they planned to march again in Nawa next Friday.",
    "Rebel negotiators say talks on an agreement for Tafas will resume on Sunday.",
    "The agreement does not cover Tafas, a rebel spokesman said.",
])
def test_a_nouns_verb_after_it_that_says_will_or_not_makes_no_event(text):
    assert extract_events(text, "2011-03-26") == []


def test_a_nouns_verb_after_it_that_tells_the_past_still_is_one():
    text = "Protesters marched in Nawa on Friday and said they will return next week."
    assert [e.sub_event_type for e in extract_events(text, "2011-03-26")] == ["Peaceful protest"]


@pytest.mark.parametrize("text, sub", [
    ("The Israeli military carried out strikes on weapons depots near Nawa on Wednesday.", "Air/drone strike"),
    ("Government artillery carried out strikes on rebel positions near Nawa on Wednesday.",
     "Shelling/artillery/missile attack"),
])
def test_strikes_carried_out_are_from_the_air_unless_guns_are_named(text, sub):
    assert {e.sub_event_type for e in extract_events(text, "2025-08-21")} == {sub}


@pytest.mark.parametrize("text", [
    "Gunmen in Jasim handed over tanks and mortar launchers to the army on Wednesday.",
    "وسلمت الفصائل المسلحة في بلدة الجيزة أمس دبابتين وعدداً من مدافع الهاون إلى الجيش.",
])
def test_heavy_arms_handed_over_are_a_handover_not_a_shelling(text):
    assert [e.trigger_label for e in extract_events(text, "2018-07-20")] == ["weapons_handover"]


@pytest.mark.parametrize("text", [
    "استهدف الطيران الحربي بلدة جباتا الخشب بصاروخين أمس.",
    "A drone fired a missile at a car near the town of Hadar on Monday.",
    "دمرت الطائرات الحربية أمس آليات للمسلحين في بلدة ابطع.",
])
def test_an_aircrafts_missiles_are_an_air_strike(text):
    assert {e.sub_event_type for e in extract_events(text, "2014-09-02")} == {"Air/drone strike"}


def test_rocket_fire_named_beside_air_fire_stays_a_shelling():
    text = "كثفت قوات النظام من قصفها الجوي والصاروخي على بلدة ابطع صباح اليوم."
    assert "Shelling/artillery/missile attack" in {e.sub_event_type for e in extract_events(text, "2018-06-22")}


@pytest.mark.parametrize("text", [
    "أعلنت إدارة الأمن العام يوم الثلاثاء القبض على خلية متورطة بعمليات خطف وسلب في مدينة الصنمين.",
    "نفذت قوى الأمن أمس حملة في مدينة جاسم استهدفت مطلوبين بجرائم قتل وخطف، واعتقلت خمسة منهم.",
    "Security forces arrested three men wanted for kidnappings in the town of Sanamayn on Tuesday.",
])
def test_the_crimes_suspects_are_charged_with_are_no_acts(text):
    assert {e.sub_event_type for e in extract_events(text, "2025-01-15")} == {"Arrests"}


def test_a_suicide_belt_is_a_suicide_bomb_and_its_dead_add_up():
    text = ("فجّر عنصر من تنظيم داعش حزاماً ناسفاً كان يرتديه في حي طريق السد بمدينة درعا أول أمس، ما أدى إلى مقتله "
            "ومقتل عنصرين آخرين.")
    assert [(e.sub_event_type, e.fatalities) for e in extract_events(text, "2022-10-18")] == [("Suicide bomb", 3)]


@pytest.mark.parametrize("text", [
    "ومن المقرر أن تنطلق قوافل المهجّرين الرافضين للتسوية من مدينة درعا باتجاه الشمال السوري الأسبوع المقبل.",
    "وقال المصدر إن وزارة الداخلية ستنشر دوريات إضافية في بلدة المزيريب خلال الأسبوع المقبل.",
    "اعتقلت دورية شاباً في مدينة درعا رغم حيازته بطاقة التسوية.",
])
def test_a_settlement_refused_or_carried_and_a_deployment_next_week_are_no_acts(text):
    assert {e.trigger_label for e in extract_events(text, "2025-06-10")} <= {"arrests"}


def test_a_deployment_of_yesterday_that_goes_on_next_week_is_one():
    text = "وانتشرت دوريات للأمن العام في بلدة المزيريب أمس على أن تستمر خلال الأيام المقبلة."
    assert [e.location for e in extract_events(text, "2025-06-10")] == ["المزيريب"]


def test_militias_moving_into_positions_are_a_movement_not_a_fight():
    text = "Iranian-backed militias moved into positions near Tal Shihab over the summer."
    assert [e.trigger_label for e in extract_events(text, "2020-09-03")] == ["troop_movement"]


def test_an_armed_group_eliminated_by_the_army_is_a_fight():
    text = ("قضت وحدة من الجيش فجر اليوم على مجموعة إرهابية حاولت الاعتداء على حاجز عند مدخل مدينة إزرع، وقتلت خمسة "
            "من أفرادها.")
    assert [(e.sub_event_type, e.fatalities) for e in extract_events(text, "2018-07-20")] == [("Armed clash", 5)]


def test_another_sides_act_after_as_is_a_clause_of_its_own():
    text = "Syrian troops stormed the town of Da'el on Tuesday, as rebels pushed into the outskirts of the capital."
    assert [(e.location, e.sub_event_type) for e in extract_events(text, "2013-03-20")] == [
        ("Da'el", "Government regains territory")]


@pytest.mark.parametrize("text, actor", [
    ("أنهت وحدات الجيش أمس تطهير حوض اليرموك من فلول تنظيم داعش الإرهابي، بعد تحرير قريتي جملة وعابدين.",
     "Government regains territory"),
    ("فصائل الجنوب تسيطر على مدينة درعا ومعبر نصيب", "Non-state actor overtakes territory"),
])
def test_who_took_a_place_is_not_the_remnant_cleared_from_it(text, actor):
    assert {e.sub_event_type for e in extract_events(text, "2018-07-20")} == {actor}


@pytest.mark.parametrize("text, sub", [
    ("اغتيل شاب في بلدة داعل مساء أمس.", "Attack"),
    ("مسلحون يخطفون شاباً في بلدة داعل مساء أمس.", "Abduction/forced disappearance"),
    ("عصابة تخطف طفلاً في مدينة الصنمين أمس.", "Abduction/forced disappearance"),
])
def test_the_present_and_the_passive_of_kidnapping_and_assassination(text, sub):
    assert [e.sub_event_type for e in extract_events(text, "2025-01-14")] == [sub]


@pytest.mark.parametrize("text", [
    "مصادر: لا صحة للأنباء عن دخول قوات النظام إلى بلدة المسيفرة.",
    "لم تسجل أي عملية خطف في مدينة الصنمين خلال الشهر الماضي.",
])
def test_untrue_and_none_recorded_are_no_events(text):
    assert extract_events(text, "2025-03-03") == []


def test_explosions_heard_that_were_shelling_are_no_bomb():
    text = "سمع سكان الرمثا دوي انفجارات قوية مساء أمس، تبين لاحقاً أنها ناجمة عن قصف مدفعي استهدف بلدة تل شهاب."
    assert {e.sub_event_type for e in extract_events(text, "2021-08-01")} == {"Shelling/artillery/missile attack"}


def test_infantry_fighting_vehicles_are_no_fighting():
    text = "Rebels handed over three tanks and two infantry fighting vehicles in Jasim yesterday."
    assert "Armed clash" not in {e.sub_event_type for e in extract_events(text, "2021-08-01")}


def test_a_batch_of_fighters_leaving_is_an_evacuation():
    text = "وخرجت أمس الدفعة الأولى من المسلحين الرافضين للتسوية وعائلاتهم من بلدة نوى باتجاه الشمال السوري."
    assert [(e.location, e.trigger_label) for e in extract_events(text, "2018-07-20")] == [("نوى", "evacuation")]


@pytest.mark.parametrize("text", [
    "Government forces launched a military campaign on Tuesday targeting farms on the edge of Tafas.",
    "A security campaign by the army's Fourth Division is targeting homes in Nawa.",
    "أطلقت قوات النظام حملة عسكرية اليوم تستهدف مزارع بلدة اليادودة.",
    "حملة أمنية للفرقة الرابعة تستهدف منازل في مدينة جاسم.",
])
def test_a_campaign_that_targets_a_town_is_a_sweep_not_fire(text):
    assert [e.trigger_label for e in extract_events(text, "2023-07-04")] == ["combing"]


@pytest.mark.parametrize("text", [
    "An air campaign targeting Nawa killed five civilians on Tuesday.",
    "قصفت قوات النظام بالمدفعية مدينة طفس اليوم ضمن حملتها العسكرية.",
])
def test_fire_in_a_campaign_stays_fire(text):
    assert "combing" not in {e.trigger_label for e in extract_events(text, "2023-07-04")}


@pytest.mark.parametrize("text", [
    "انهار اتفاق التهدئة في بلدة طفس أمس.",
    "The ceasefire in Jasim broke down on Monday.",
    "تعثر اتفاق التسوية في مدينة جاسم.",
    "Government forces have besieged Tafas since last week, when a local truce brokered by Russia collapsed.",
])
def test_a_deal_that_collapsed_is_no_agreement(text):
    assert not {e.trigger_label for e in extract_events(text, "2021-08-24")} & {"agreement", "settlement_entry"}


def test_a_deal_reached_after_another_collapsed_is_an_agreement():
    text = "A deal was reached in Tafas on Monday after an earlier truce collapsed."
    assert [e.trigger_label for e in extract_events(text, "2021-08-24")] == ["agreement"]


@pytest.mark.parametrize("text", [
    "توغلت قوة إسرائيلية في قرية الرفيد أمس في خرق جديد لاتفاقية فض الاشتباك لعام 1974.",
    "انتشرت آليات إسرائيلية على طول خط فك الاشتباك قرب بلدة الرفيد أمس.",
    "Israeli troops entered the buffer zone near Jubata al-Khashab in violation of the 1974 agreement.",
    "Israeli troops pushed into al-Rafid on Monday, in breach of the Disengagement Agreement.",
])
def test_the_disengagement_line_and_a_breached_deal_are_no_clash_and_no_agreement(text):
    assert not {e.sub_event_type for e in extract_events(text, "2025-03-04")} & {"Agreement", "Armed clash"}


def test_an_agreement_to_end_violations_is_an_agreement():
    text = "An agreement was reached in Jasim on Monday to end the violations."
    assert [e.sub_event_type for e in extract_events(text, "2025-03-04")] == ["Agreement"]


@pytest.mark.parametrize("text, sub", [
    ("نفذ سلاح الجو اليوم طلعات على بلدة النعيمة.", "Air/drone strike"),
    ("تواصل الطائرات الحربية غاراتها على بلدة الشجرة.", "Air/drone strike"),
    ("أصيبت الطائرة السورية أثناء تحليقها فوق قرية نافعة وسقطت، ما أدى إلى مقتل قائدها.", "Disrupted weapons use"),
])
def test_sorties_its_raids_and_a_plane_that_fell(text, sub):
    assert [e.sub_event_type for e in extract_events(text, "2018-07-07")] == [sub]


def test_the_pilot_of_a_plane_that_fell_is_its_toll():
    text = "أصيبت الطائرة السورية أثناء تحليقها فوق قرية نافعة وسقطت، ما أدى إلى مقتل قائدها."
    assert [e.fatalities for e in extract_events(text, "2018-07-07")] == [1]


def test_a_shelling_told_alongside_air_raids_stays_a_shelling():
    text = "شن الطيران الحربي اليوم غارات على مدينة نوى، ترافق مع قصف لقوات النظام على بلدتي الشيخ سعد وعدوان."
    got = {e.location: e.sub_event_type for e in extract_events(text, "2016-03-05")}
    assert got == {"نوى": "Air/drone strike", "الشيخ سعد": "Shelling/artillery/missile attack",
                   "عدوان": "Shelling/artillery/missile attack"}


@pytest.mark.parametrize("text", [
    "حرر الثوار بلدة صيدا اليوم. وقال قائد إن الخطوة التالية ستكون اقتحام مدينة خربة غزالة.",
    "حرر الثوار بلدة صيدا اليوم. وقال قائد ميداني إن المرحلة التالية ستشمل التقدم نحو بلدة كفر شمس.",
    "حرر الثوار بلدة صيدا اليوم. وينص الاتفاق على خروج المسلحين من بلدة المسيفرة.",
])
def test_a_next_step_and_what_a_deal_stipulates_are_no_events(text):
    assert {e.location for e in extract_events(text, "2024-04-06")} == {"صيدا"}


@pytest.mark.parametrize("text", [
    "More than 320,000 people have been killed since the conflict began in March 2011 with anti-government protests "
    "in Daraa.",
    "قتل أكثر من ألف شخص في مدينة درعا منذ اندلاع الثورة عام 2011.",
])
def test_the_wars_toll_since_it_began_is_no_event(text):
    assert extract_events(text, "2017-06-11") == []


def test_a_day_after_the_town_fell_is_a_time_not_a_capture():
    text = ("Regime forces recaptured Sheikh Miskin on Monday. On Tuesday, a day after the town fell, Russian "
            "warplanes struck a bakery in Nawa, killing five people.")
    got = {(e.location, e.sub_event_type) for e in extract_events(text, "2016-01-27")}
    assert ("Nawa", "Government regains territory") not in got and ("Nawa", "Air/drone strike") in got


def test_a_numbered_brigade_is_a_force_not_a_place():
    text = "Soldiers of the 474th Golan Regional Brigade detained two men in al-Hamidiyah on Wednesday."
    assert [e.location for e in extract_events(text, "2025-01-09")] == ["al-Hamidiyah"]


@pytest.mark.parametrize("text", [
    "يهدد ناشطون بتنظيم وقفات احتجاجية في مدينة نوى.",
    "تتوقع مصادر محلية أن تشن قوات النظام حملة أمنية على بلدة المسيفرة.",
    "طالبت اللجنة الأمنية بتسليم السلاح الثقيل في بلدة طفس.",
])
def test_threats_expectations_and_demands_are_no_events(text):
    assert extract_events(text, "2021-06-25") == []


def test_two_air_raids_are_an_air_strike():
    text = "شن الطيران الحربي غارتين على مدينة إزرع اليوم."
    assert [e.sub_event_type for e in extract_events(text, "2016-03-05")] == ["Air/drone strike"]


def test_the_worst_attack_since_the_government_took_back_the_province_is_an_attack():
    text = ("هاجم مسلحون الإثنين مخفراً في بلدة المزيريب، في أعنف هجوم منذ استعادة القوات الحكومية السيطرة على "
            "المحافظة صيف 2018.")
    assert {e.sub_event_type for e in extract_events(text, "2024-03-05")} == {"Armed clash"}


@pytest.mark.parametrize("text, sub", [
    ("Government forces took the town of Nawa on Monday after a week of bombardment.", "Government regains territory"),
    ("Rebels took the strategic hill of Tal al-Harra on Sunday.", "Non-state actor overtakes territory"),
])
def test_took_the_town_of_x_is_a_capture(text, sub):
    assert sub in {e.sub_event_type for e in extract_events(text, "2018-07-10")}


@pytest.mark.parametrize("text", [
    "Fighters took part in the battle for Nawa on Monday.",
    "Rescuers took the wounded from Nawa to a field hospital on Monday.",
])
def test_took_part_or_took_the_wounded_is_no_capture(text):
    assert not {e.sub_event_type for e in extract_events(text, "2018-07-10")} & {
        "Government regains territory", "Non-state actor overtakes territory"}


@pytest.mark.parametrize("text", [
    "خرجت مظاهرة في بلدة الحراك بعد صلاة الجمعة، دون ورود أنباء عن سقوط ضحايا.",
    "خرجت مظاهرة في بلدة الحراك بعد صلاة الجمعة، ولم ترد معلومات عن سقوط ضحايا.",
])
def test_no_news_of_victims_is_no_attack(text):
    assert {e.sub_event_type for e in extract_events(text, "2012-03-10")} == {"Peaceful protest"}


@pytest.mark.parametrize("text, place, sub", [
    ("Sheikh Maskin fell to government forces on Tuesday after weeks of bombardment.", "Sheikh Maskin",
     "Government regains territory"),
    ("Inkhil was shelled by regime forces on Tuesday.", "Inkhil", "Shelling/artillery/missile attack"),
    ("On Friday, the Syrian army restored control over the town of Nahta.", "Nahta", "Government regains territory"),
    ("Regime helicopters carried out six raids on Alma on Monday.", "Alma", "Air/drone strike"),
    ("On 29 July, regime forces attempted to storm Tafas from two axes.", "Tafas", "Armed clash"),
    ("Government forces are withdrawing from Izraa, residents said.", "Izraa", "Non-violent transfer of territory"),
    ("On Saturday militants shelled army positions near the settlement of Alma.", "Alma",
     "Shelling/artillery/missile attack"),
])
def test_the_wires_and_bulletins_other_words_for_an_act(text, place, sub):
    assert (place, sub) in {(e.location, e.sub_event_type) for e in extract_events(text, "2018-07-08")}


def test_a_place_opening_a_sentence_of_no_act_is_no_place():
    assert extract_events("Nawa was quiet on Tuesday, residents said.", "2018-07-08") == []


def test_a_deal_of_another_year_named_in_passing_is_no_agreement():
    text = "The brigade was formed after the 2018 settlement agreements and still holds Busra al-Sham."
    assert extract_events(text, "2025-04-14") == []


def test_agreements_signed_with_a_list_of_settlements_are_agreements_at_each():
    text = "On Saturday, agreements were signed with the representatives of three settlements: Kahil, Al-Jiza and Alma."
    assert {(e.location, e.sub_event_type) for e in extract_events(text, "2018-07-08")} == {
        ("Kahil", "Agreement"), ("Al-Jiza", "Agreement"), ("Alma", "Agreement")}


@pytest.mark.parametrize("text, place, sub", [
    ("ألقى الطيران المروحي 24 برميلاً متفجراً على مدينة داعل.", "داعل", "Air/drone strike"),
    ("ألقى الطيران المروحي 12 برميلاً على بلدة علما.", "علما", "Air/drone strike"),
    ("تصدى الجيش صباح اليوم لمحاولة تسلل على محور بلدة داعل.", "داعل", "Armed clash"),
])
def test_counted_barrels_and_an_infiltration_repelled(text, place, sub):
    assert (place, sub) in {(e.location, e.sub_event_type) for e in extract_events(text, "2015-06-27")}


def test_an_offensive_likely_to_extend_is_no_event_yet():
    assert extract_events("The offensive is likely to extend to Tafas and Nawa in the coming weeks.", "2018-06-28") == []


def test_a_day_of_the_month_in_words_is_no_toll():
    text = "استشهد في الثامن عشر من آذار ثلاثة مدنيين في بلدة طفس."
    assert {e.fatalities for e in extract_events(text, "2015-04-02")} <= {None, 3}


@pytest.mark.parametrize("text, sub", [
    ("استهدفت غارات إسرائيلية مستودعات ذخيرة في مدينة إزرع.", "Air/drone strike"),
    ("عثرت قوى الأمن على مستودع أسلحة في مدينة إزرع.", "Disrupted weapons use"),
])
def test_a_strike_on_a_depot_is_a_strike_and_a_depot_found_is_arms_found(text, sub):
    assert [e.sub_event_type for e in extract_events(text, "2024-12-10")] == [sub]


def test_they_repelled_alone_is_a_clash():
    text = "وقال ناشطون إن الثوار تصدوا ببسالة في بلدة داعل أمس."
    assert [e.sub_event_type for e in extract_events(text, "2015-06-27")] == ["Armed clash"]


@pytest.mark.parametrize("text, place", [
    ("نصبت دورية إسرائيلية صباح اليوم حاجزاً مؤقتاً عند مدخل بلدة جباتا الخشب.", "جباتا الخشب"),
    ("أقام عناصر الأمن العام مساء أمس حاجزاً طيارًا على مدخل مدينة نوى.", "نوى"),
    ("شقت جرافات الاحتلال خلال الأيام الماضية طريقاً عسكرياً قرب قرية الحميدية.", "الحميدية"),
])
def test_a_checkpoint_set_up_past_its_subject_and_a_military_road_cut_are_posts_set_up(text, place):
    assert [(e.location, e.sub_event_type) for e in extract_events(text, "2025-09-21")] == [
        (place, "Headquarters or base established")]


def test_warplanes_that_attacked_positions_carried_out_an_air_strike():
    text = "هاجمت طائرات حربية مواقع للفصائل في محيط بلدة الحارة فجر اليوم."
    assert [e.sub_event_type for e in extract_events(text, "2018-07-10")] == ["Air/drone strike"]


@pytest.mark.parametrize("text", [
    "نظم العشرات وقفة احتجاجية في مدينة نوى تنديداً بالغارات الإسرائيلية.",
    "خرجت مظاهرة في بلدة الحراك استنكاراً لعمليات الاغتيال.",
])
def test_what_a_protest_condemns_is_no_act_at_the_protest(text):
    assert {e.sub_event_type for e in extract_events(text, "2025-03-27")} == {"Peaceful protest"}


@pytest.mark.parametrize("text, sub", [
    ("Gunmen took three truck drivers hostage near the village of Naimeh on Sunday.", "Abduction/forced disappearance"),
    ("Russian warplanes carried out dozens of strikes on al-Hirak on Tuesday.", "Air/drone strike"),
    ("Russian warplanes carried out 15 strikes on al-Hirak on Tuesday.", "Air/drone strike"),
    ("Local media reported strikes near the town of Hadar on Sunday.", "Air/drone strike"),
])
def test_wire_phrasings_of_hostages_and_strikes(text, sub):
    assert [e.sub_event_type for e in extract_events(text, "2018-06-28")] == [sub]


@pytest.mark.parametrize("text", [
    "Police said the cell was planning attacks on army checkpoints from Inkhil.",
    "أعلنت وزارة الداخلية تفكيك خلية كانت تخطط لهجمات على حواجز الجيش في مدينة إنخل.",
])
def test_attacks_being_planned_are_no_attack(text):
    assert "Armed clash" not in {e.sub_event_type for e in extract_events(text, "2026-01-14")}


@pytest.mark.parametrize("text, sub", [
    ("Warplanes pounded the eastern countryside on Monday. In Busra al-Harir, a strike hit the town's bakery.",
     "Air/drone strike"),
    ("شارك المئات من أهالي مدينة الصنمين في مسيرة تأييد للجيش يوم الجمعة.", "Peaceful protest"),
    ("انفجرت عبوتان ناسفتان فجر اليوم قرب دوار بلدة المسيفرة.", "Remote explosive/landmine/IED"),
    ("فجّر مجهولون سيارتين مفخختين عند مدخل بلدة الحراك.", "Remote explosive/landmine/IED"),
])
def test_a_strike_that_hit_a_rally_of_support_and_two_devices(text, sub):
    assert [e.sub_event_type for e in extract_events(text, "2017-02-13")] == [sub]


def test_a_drone_is_no_march():
    text = "أسقطت الدفاعات الجوية طائرة مسيرة فوق مدينة نوى."
    assert "Peaceful protest" not in {e.sub_event_type for e in extract_events(text, "2017-02-13")}


def test_a_smugglers_drone_is_no_air_strike():
    text = "أحبطت قوات حرس الحدود محاولة تهريب مخدرات بواسطة طائرة مسيرة قرب بلدة نصيب."
    assert "Air/drone strike" not in {e.sub_event_type for e in extract_events(text, "2026-02-17")}


@pytest.mark.parametrize("text", [
    "تصدى الثوار اليوم لمحاولة قوات النظام التقدم نحو بلدة بصر الحرير، وصدوا محاولة ثانية لاستعادة تل الحارة.",
    "Rebels repelled an attempt by government troops to recapture Tal al-Harra on Monday.",
])
def test_a_repelled_attempt_to_take_ground_is_a_clash_and_no_capture(text):
    subs = {e.sub_event_type for e in extract_events(text, "2017-06-25")}
    assert "Armed clash" in subs and not subs & {"Government regains territory", "Non-state actor overtakes territory"}


@pytest.mark.parametrize("text, sub", [
    ("Rebels took Sheikh Miskin after two days of fighting, activists said.", "Non-state actor overtakes territory"),
    ("Government troops had taken the village of Alma by Sunday evening.", "Government regains territory"),
    ("شنت مقاتلات روسية ضربات جوية على بلدة الحراك فجر اليوم.", "Air/drone strike"),
    ("احتجزت قوة إسرائيلية راعيين قرب قرية الرفيد صباح اليوم.", "Arrests"),
])
def test_took_a_town_air_strikes_in_the_plural_and_detained(text, sub):
    assert sub in {e.sub_event_type for e in extract_events(text, "2018-07-10")}


def test_rebels_who_took_part_took_no_town():
    subs = {e.sub_event_type for e in extract_events("Rebels took part in talks in Busra al-Sham on Sunday.",
                                                     "2018-07-10")}
    assert not subs & {"Non-state actor overtakes territory", "Government regains territory"}


@pytest.mark.parametrize("text", [
    "وصلت دبابات إسرائيلية صباح اليوم إلى أطراف بلدة جباتا الخشب.",
    "حوصر عناصر خلية تابعة للتنظيم في بلدة عدوان.",
])
def test_israeli_armour_arriving_and_men_besieged_are_events(text):
    assert extract_events(text, "2025-03-10") != []


@pytest.mark.parametrize("text, places, sub", [
    ("By Sunday they had taken at least nine villages, including Nahta and Dama, activists said.", {"Nahta", "Dama"},
     "Government regains territory"),
    ("The army launched a military operation against the town of Tafas on Monday.", {"Tafas"}, "Armed clash"),
    ("قالت مصادر محلية إن عشرات المسلحين وصلوا مساء أمس إلى بلدة المسيفرة.", {"المسيفرة"}, "Other"),
    ("وترافق التقدم مع ضربات مكثفة نفذها سلاح الجو على مواقع المسلحين في بلدة الغارية الشرقية.",
     {"الغارية الشرقية"}, "Air/drone strike"),
])
def test_towns_taken_by_they_a_military_operation_gunmen_arriving_and_strikes_the_air_force_carried_out(
        text, places, sub):
    ev = extract_events(text, "2018-07-02")
    assert places <= {e.location for e in ev if e.sub_event_type == sub}


@pytest.mark.parametrize("text, sub", [
    ("دهمت دورية من الأمن العسكري منازل في بلدة المزيريب فجر اليوم.", "Arrests"),
    ("وكانت دورية للأمن الجنائي قد اعتقلته على حاجز عند مدخل مدينة نوى.", "Arrests"),
    ("وكان مسلحون مجهولون قد اختطفوه من بلدة المزيريب قبل أسبوع.", "Abduction/forced disappearance"),
    ("وعاد الأهالي إلى بلدة المزيريب بعد أن حررتها وحدات الجيش.", "Government regains territory"),
])
def test_a_verb_with_its_subject_and_object_pronoun_glued_is_still_its_act(text, sub):
    assert sub in {e.sub_event_type for e in extract_events(text, "2019-10-20")}


def test_a_car_that_stopped_him_is_no_interception():
    text = "وقال ناشط إن الشاب خطف قرب بلدة المزيريب حيث اعترضته سيارة بلا لوحات."
    assert "Disrupted weapons use" not in {e.sub_event_type for e in extract_events(text, "2019-10-20")}


@pytest.mark.parametrize("text", [
    "Government forces drove the rebels out of the town of Inkhil on Sunday.",
    "Rebels expelled Islamic State fighters from the village of Jillin on Sunday.",
])
def test_driving_the_holders_out_of_a_town_is_its_capture(text):
    ev = extract_events(text, "2016-03-21")
    assert len(ev) == 1 and ev[0].sub_event_type in ("Government regains territory", "Non-state actor overtakes territory")


def test_a_car_driving_out_of_a_town_is_no_capture():
    assert not extract_events("A family drove out of Inkhil on Sunday before the curfew.", "2016-03-21")


@pytest.mark.parametrize("text, subs", [
    ("استهدفت المجموعات الإرهابية ليل السبت حاجزاً للجيش عند مدخل بلدة الكرك الشرقي.", {"Armed clash"}),
    ("استهدفت قوات النظام بقذائف الهاون حاجزاً للفصائل عند مدخل بلدة الكرك الشرقي.",
     {"Shelling/artillery/missile attack"}),
    ("عبوة ناسفة تستهدف دورية للأمن العسكري عند مدخل بلدة الكرك الشرقي.", {"Remote explosive/landmine/IED"}),
    ("قضت وحدات من الجيش على تجمعات لإرهابيي داعش في بلدة الكرك الشرقي.", {"Armed clash"}),
    ("شنت قوات النظام صباح اليوم عملية عسكرية واسعة في بلدة الكرك الشرقي.", {"Armed clash"}),
])
def test_an_attack_on_a_post_an_armed_group_eliminated_and_a_military_operation(text, subs):
    ev = extract_events(text, "2021-08-02")
    assert {e.sub_event_type for e in ev} == subs and {e.location for e in ev} == {"الكرك الشرقي"}


@pytest.mark.parametrize("text", [
    "سمع دوي انفجارات عنيفة في ريف القنيطرة تزامناً مع تحليق للطيران فوق قريتي خان أرنبة وجبا.",
    "Residents heard heavy explosions near the villages of Khan Arnabah and Jaba on Monday night.",
])
def test_explosions_only_heard_are_no_roadside_bomb(text):
    assert "Remote explosive/landmine/IED" not in {e.sub_event_type for e in extract_events(text, "2019-06-03")}


@pytest.mark.parametrize("text", [
    "انفجرت عبوة صباح اليوم بسيارة عسكرية في بلدة علما.",
    "عبوة انفجرت صباح اليوم بسيارة عسكرية في بلدة علما.",
])
def test_a_device_that_went_off_named_without_its_adjective(text):
    assert {e.sub_event_type for e in extract_events(text, "2022-10-19")} == {"Remote explosive/landmine/IED"}


@pytest.mark.parametrize("text", [
    "وأبدى وجهاء بلدة علما أمس استعدادهم لتسليم السلاح الثقيل للجيش.",
    "وقال المصدر إن التسوية ستنتقل إلى بلدة علما.",
    "تكمن أهمية السيطرة على بلدة علما في موقعها على الطريق الدولي.",
])
def test_readiness_a_settlements_next_stage_and_why_a_place_matters_are_no_acts(text):
    assert not [e for e in extract_events(text, "2018-06-27") if e.geo_precision != 3]


def test_soldiers_seized_are_no_ground_taken():
    text = "Gunmen attacked army checkpoints in the town of Tasil on Thursday and seized a number of soldiers."
    subs = {e.sub_event_type for e in extract_events(text, "2021-07-30")}
    assert "Armed clash" in subs and "Government regains territory" not in subs


def test_what_state_media_said_it_took_the_next_day():
    text = "State media said on Monday that the army had captured Tasil, and on Tuesday that it took Jillin and Koya."
    assert {e.location for e in extract_events(text, "2018-08-02")} == {"Tasil", "Jillin", "Koya"}


@pytest.mark.parametrize("text, place", [
    ("أغار الطيران الحربي الإسرائيلي فجر اليوم على مواقع عسكرية في محيط بلدة الحارة.", "الحارة"),
    ("أغارت طائرات مسيّرة على سيارة في بلدة المزيريب صباح اليوم.", "المزيريب"),
    ("قصفت المروحيات صباح اليوم المزيريب.", "المزيريب"),   # the aircraft the verb's subject, a town name alone after it
])
def test_a_raid_told_with_its_verb_and_its_aircraft_is_an_air_strike(text, place):
    assert {sub for _, sub in _types(text, place)} == {"Air/drone strike"}


def test_a_raid_told_with_its_verb_by_gunmen_is_no_air_strike():
    assert _types("أغارت مجموعة مسلحة على حاجز للجيش في بلدة المزيريب.", "المزيريب") == {("Battles", "Armed clash")}


@pytest.mark.parametrize("text", [
    "وعادت عشرات الأسر المهجرة أمس إلى بلدة المسيفرة بعد إعادة الأمن والاستقرار إليها.",
    "ووصلت تعزيزات إلى بلدة المسيفرة في إطار إعادة الأمن والاستقرار إلى المنطقة.",
    "منعت قوات النظام أمس دخول الطحين والأدوية إلى بلدة المسيفرة.",
    "توغلت قوة إسرائيلية اليوم في قرية المسيفرة في انتهاك جديد لاتفاقية فصل القوات لعام 1974.",
    "Rebels in the town of Musayfirah were not part of Sunday's deal.",
])
def test_security_restored_as_a_background_phrase_a_siege_keeping_out_and_deals_of_others_are_no_acts(text):
    subs = {e.sub_event_type for e in extract_events(text, "2018-08-02")}
    assert not subs & {"Government regains territory", "Agreement"}


def test_the_state_idiom_of_security_restored_with_its_verb_is_still_a_capture():
    ev = extract_events("أعادت وحدات الجيش الأمن والاستقرار إلى بلدتي المسيفرة والكرك الشرقي.", "2018-07-20")
    assert {(e.location, e.sub_event_type) for e in ev} == {("المسيفرة", "Government regains territory"),
                                                           ("الكرك الشرقي", "Government regains territory")}


@pytest.mark.parametrize("text, place", [
    ("قضت وحدات الجيش أمس على خلايا إرهابية في مدينة إنخل.", "إنخل"),
    ("تمكن الأهالي بالتعاون مع الأمن العام من القضاء على خلايا لتنظيم داعش في مدينة إنخل أمس.", "إنخل"),
])
def test_cells_eliminated_are_a_fight(text, place):
    assert {sub for _, sub in _types(text, place, "2022-10-16")} == {"Armed clash"}


@pytest.mark.parametrize("text, place", [
    ("The Syrian and Russian air forces pounded Inkhil on Tuesday.", "Inkhil"),
    ("At least nine people were killed when strikes hit a school in the town of Inkhil on Tuesday.", "Inkhil"),
])
def test_air_forces_and_strikes_that_hit_are_air_strikes(text, place):
    assert {sub for _, sub in _types(text, place, "2018-06-27")} == {"Air/drone strike"}


@pytest.mark.parametrize("text, place", [
    ("حاولت قوات النظام اقتحام بلدة اليادودة من محورين فجر اليوم، وتصدى لها شبان البلدة.", "اليادودة"),
    ("حاولت قوات النظام اقتحام اليادودة صباح اليوم، ودارت اشتباكات عنيفة.", "اليادودة"),
])
def test_an_attempt_to_storm_a_town_is_fighting_there(text, place):
    assert {sub for _, sub in _types(text, place, "2021-07-29")} == {"Armed clash"}


@pytest.mark.parametrize("text", [
    "شيّع المئات من أهالي مدينة إنخل اليوم جثمان الشهيد سامر العلي.",
    "شيع أهالي مدينة إنخل أمس الشهيد سامر العلي إلى مثواه الأخير.",
])
def test_a_martyrs_funeral_is_no_killing_there(text):
    assert not extract_events(text, "2013-05-02")


def test_the_dead_of_a_funeral_told_with_the_attack_that_killed_them_still_count():
    text = ("وشيعت أمس جثامين ثلاثة شهداء من الشرطة استهدفتهم المجموعات الإرهابية المسلحة في بلدة إنخل يوم الأحد "
            "الماضي.")
    ev = extract_events(text, "2012-08-15")
    assert {(e.location, e.fatalities) for e in ev} == {("إنخل", 3)}


@pytest.mark.parametrize("text", [
    "ويسيطر الفصيل منذ عام 2014 على عدد من القرى، أبرزها جملة وكويا ونافعة.",
    "ولم تشارك قوات النظام في الاشتباكات، لكنها أغلقت الطريق بين إنخل ونوى.",
    "وقال قائد ميداني إن المعركة المقبلة ستكون في إنخل.",
    "On Friday, residents of Inkhil held a sit-in calling for the withdrawal of the militias.",
    "In Iraq, security forces fired live ammunition at protesters in Nasiriyah on Saturday.",
    "وشارك المئات في وقفة بساحة الشهداء، ووثق مكتب توثيق الشهداء أسماءهم.",
])
def test_held_for_years_no_part_taken_a_battle_to_come_a_demand_abroad_and_named_martyrs_are_no_acts(text):
    subs = {(e.location, e.sub_event_type) for e in extract_events(text, "2019-11-19") if e.geo_precision != 3}
    assert not {s for s in subs if s[1] in ("Government regains territory", "Non-state actor overtakes territory",
                                              "Armed clash", "Non-violent transfer of territory", "Attack",
                                              "Excessive force against protesters")}


def test_a_patrol_to_begin_next_week_is_no_event_yet():
    assert not extract_events("Russian military police begin patrols in Inkhil next week.", "2020-06-09")


@pytest.mark.parametrize("text, place, sub", [
    ("ودمرت وحدات الجيش اليوم عربة مفخخة قبل وصولها إلى حاجز قرب بلدة إنخل.", "إنخل", "Disrupted weapons use"),
    ("The army destroyed a car bomb before it reached a checkpoint near Inkhil on Thursday.", "Inkhil",
     "Disrupted weapons use"),
    ("انفجرت سيارة مفخخة قرب حاجز في بلدة إنخل.", "إنخل", "Remote explosive/landmine/IED"),
])
def test_a_car_bomb_destroyed_on_its_way_did_not_go_off(text, place, sub):
    assert {s for _, s in _types(text, place, "2015-06-25")} == {sub}


def test_a_child_freed_is_no_town_taken():
    assert not extract_events("وتمكن الأمن الداخلي اليوم من تحرير طفل مختطف في مدينة إنخل.", "2026-01-18")
    ev = extract_events("حررت وحدات الجيش اليوم بلدتي إنخل وجاسم.", "2018-07-04")
    assert {e.sub_event_type for e in ev} == {"Government regains territory"}


def test_where_reinforcements_came_from_is_not_where_they_went():
    text = "وقالت مصادر إن رتلاً لقوات النظام وصل من مدينة إنخل إلى محيط بلدة جاسم أمس."
    assert "إنخل" not in {e.location for e in extract_events(text, "2025-04-12")}


@pytest.mark.parametrize("text, place, sub", [
    ("Gunmen detained two men in Inkhil on Thursday.", "Inkhil", "Abduction/forced disappearance"),
    ("اعتقل مسلحون مجهولون شابين في مدينة إنخل.", "إنخل", "Abduction/forced disappearance"),
    ("On Monday, a teacher was killed by unidentified gunmen in Inkhil, and regime forces raided several houses in "
     "the town the next day, arresting six people.", "Inkhil", None),
])
def test_unknown_gunmen_holding_people_abduct_them(text, place, sub):
    subs = {s for _, s in _types(text, place, "2019-11-19")}
    if sub:
        assert subs == {sub}
    else:   # the regime's raid the next day stays an arrest
        assert "Arrests" in subs and "Abduction/forced disappearance" not in subs


@pytest.mark.parametrize("text, place, day", [
    ("The army captured Nawa on Tuesday, 24 hours after it seized Inkhil.", "Inkhil", "2018-06-25"),
    ("The government had taken Inkhil in February.", "Inkhil", "2018-02-15"),
])
def test_a_day_before_in_hours_and_a_town_the_government_had_taken(text, place, day):
    assert {(e.sub_event_type, e.event_date) for e in extract_events(text, "2018-06-26") if e.location == place} == \
        {("Government regains territory", day)}


@pytest.mark.parametrize("text, place, want", [
    # the monitors' and the agency's stock phrases for air strikes and fights
    ("Helicopters dropped explosive barrels on the town of Inkhil on Tuesday.", "Inkhil", "Air/drone strike"),
    ("نفذ سلاح الجو في الجيش العربي السوري ضربات مركزة على أوكار الإرهابيين في بلدة الحراك.", "الحراك",
     "Air/drone strike"),
    ("قضت وحدة من الجيش على أعداد من الإرهابيين في بلدة الحراك.", "الحراك", "Armed clash"),
    ("تصدت وحدة من الجيش لمجموعة إرهابية مسلحة في بلدة الحراك.", "الحراك", "Armed clash"),
    # a town as the subject of the fire it came under and of the deal it signed
    ("Inkhil came under heavy shelling on Tuesday.", "Inkhil", "Shelling/artillery/missile attack"),
    ("Inkhil signed a reconciliation deal with the Russians on Tuesday.", "Inkhil", "Non-violent transfer of territory"),
    # a kidnapping told through the release, or before the body was found
    ("أفرج خاطفون مساء الثلاثاء عن طبيب بعد أربعة أيام على اختطافه في بلدة الحراك مقابل فدية.", "الحراك",
     "Abduction/forced disappearance"),
])
def test_stock_phrases_of_strikes_fights_deals_and_kidnappings(text, place, want):
    assert want in {e.sub_event_type for e in extract_events(text, PUB) if e.location == place}


@pytest.mark.parametrize("text, place", [
    # a drone seen overhead strikes nothing
    ("حلقت طائرة مسيرة إسرائيلية صباح اليوم فوق قرية الحميدية في ريف القنيطرة.", "الحميدية"),
    # "فصائل التسوية" names men, not a settlement made there (the "ف" of "فصائل" was taken for a conjunction)
    ("اغتال مسلحون مجهولون قيادياً سابقاً في فصائل التسوية في بلدة الحراك.", "الحراك"),
    # a meeting to discuss a settlement is no settlement
    ("اجتمع وجهاء بلدة الحراك مع ضباط روس لبحث تسوية أوضاع البلدة.", "الحراك"),
    # a citizen freed (his initials after him) is no ground taken where he had been kidnapped
    ("تمكنت قوى الأمن الداخلي اليوم من تحرير المواطن (م. ع.) الذي اختطف يوم السبت على الطريق بين بلدتي داعل وطفس.",
     "داعل"),
])
def test_no_strike_settlement_or_capture_where_none_was_made(text, place):
    got = {e.sub_event_type for e in extract_events(text, PUB) if e.location == place}
    assert not got & {"Air/drone strike", "Non-violent transfer of territory", "Agreement", "Government regains territory"}


@pytest.mark.parametrize("text, place, want", [
    # the strikes told before, as the subject of "تزامنت", are not a strike at the places of the new event
    ("وتزامنت الغارات مع انفجار عبوة ناسفة أمس على الطريق بين اليادودة والمزيريب.", "المزيريب",
     {"Remote explosive/landmine/IED"}),
    # what a response answers is the attack told before, not a second one at the place reinforced
    ("وفي أول رد على الهجوم، أرسلت قوات النظام اليوم تعزيزات عسكرية إلى محيط مدينة طفس.", "طفس", {"Other"}),
])
def test_an_event_named_again_with_the_article_is_the_one_told_before(text, place, want):
    assert {e.sub_event_type for e in extract_events(text, PUB) if e.location == place} == want


@pytest.mark.parametrize("text, place, label", [
    # the army's units reaching a town, as the agencies tell it, is their entry; troops reaching it, their movement
    ("وصلت وحدات من الجيش أمس إلى بلدة الشجرة في حوض اليرموك.", "الشجرة", "territory_entered"),
    ("وصلت تعزيزات عسكرية للجيش أمس إلى بلدة الشجرة.", "الشجرة", "troop_movement"),
    ("Government troops reached the town of al-Shajara on Friday.", "al-Shajara", "troop_movement"),
])
def test_an_armys_arrival(text, place, label):
    assert label in _labels(text, place)


def test_a_response_to_an_attack_told_in_full_there_is_that_attack():
    text = ("Troops raided homes in Inkhil in response to the roadside bomb attack that hit an army vehicle near "
            "Inkhil on Monday.")
    assert "Remote explosive/landmine/IED" in {e.sub_event_type for e in extract_events(text, PUB)
                                              if e.location == "Inkhil"}


def test_a_comma_and_a_verb_with_its_own_doer_start_a_clause_of_their_own():
    # the shelling of the three towns, then the barrels on one of them (with "و" or "حيث", a few words before the
    # trigger): the second act does not take the first one's places away
    for joint in ("، وألقت المروحيات أكثر من عشرة", "، حيث ألقت المروحيات أكثر من عشرة"):
        text = f"قصفت قوات النظام مدينة إنخل وبلدتي عقربا وكفر شمس{joint} براميل متفجرة على إنخل."
        ev = extract_events(text, PUB)
        assert {e.location for e in ev if e.sub_event_type == "Shelling/artillery/missile attack"} == \
            {"إنخل", "عقربا", "كفر شمس"}
        assert {e.location for e in ev if e.sub_event_type == "Air/drone strike"} == {"إنخل"}


@pytest.mark.parametrize("text", [
    "رفضت اللجنة المركزية تسليم السلاح وإقامة نقاط عسكرية في بلدة اليادودة.",
    "Local leaders in al-Yadudah refused to hand over their remaining weapons.",
])
def test_a_demand_refused_is_no_handover_and_no_post(text):
    assert not [e for e in extract_events(text, PUB) if e.trigger_label in ("weapons_handover", "base_established")]


def test_barrels_told_with_other_raids_far_after_them_stay_at_the_first_place():
    text = ("كثفت قوات النظام قصف أحياء درعا البلد، حيث ألقت المروحيات أكثر من 30 برميلاً متفجراً خلال يوم "
            "واحد، بالتزامن مع غارات نفذتها طائرات روسية على مخيم درعا.")
    assert "Air/drone strike" in {e.sub_event_type for e in extract_events(text, PUB) if e.location == "درعا البلد"}


def test_peacekeepers_trapped_near_villages_are_besieged():
    text = "Another 40 peacekeepers were trapped at two positions near the villages of Breiqa and al-Ruwayhina."
    assert {e.location for e in extract_events(text, PUB) if e.trigger_label == "siege"} == {"Breiqa", "al-Ruwayhina"}


@pytest.mark.parametrize("text, place, label", [
    ("Army engineers began removing mines left by militants in the town of Inkhil on Thursday.", "Inkhil",
     "explosive_defused"),
    ("The army sent troops and tanks to Inkhil on Monday.", "Inkhil", "troop_movement"),
])
def test_demining_and_troops_sent(text, place, label):
    assert _labels(text, place) == {label}


@pytest.mark.parametrize("text", [
    "وقال القائد الميداني إن الهدف المقبل هو السيطرة على بلدتي الصنمين وكفر شمس.",
    "A rebel commander said the next target is to capture the towns of Sanamayn and Kafr Shams.",
])
def test_a_target_named_is_no_capture_yet(text):
    assert not [e for e in extract_events(text, PUB) if e.trigger_label == "territory_taken"]


def test_people_detained_by_an_unnamed_armed_group_are_abducted():
    text = "The UN said 30 peacekeepers had been detained by an armed group near the village of Jubata al-Khashab."
    assert {e.sub_event_type for e in extract_events(text, PUB)} == {"Abduction/forced disappearance"}


def test_what_a_source_went_on_to_tell_is_an_act_of_its_own():
    text = ("وتوغلت القوات الإسرائيلية أمس في بلدة جباتا الخشب وفتشت عدداً من المنازل، بحسب المرصد، الذي أشار أيضاً "
            "إلى أن مسيرة إسرائيلية استهدفت مساء الثلاثاء أطراف مدينة نوى.")
    ev = extract_events(text, "2025-03-26")
    assert {e.trigger_label for e in ev if e.location == "جباتا الخشب"} == {"incursion"}
    assert "incursion" not in {e.trigger_label for e in ev if e.location == "نوى"}


@pytest.mark.parametrize("text", [
    "نزح عشرات الأهالي من بلدة معرية باتجاه بلدة الشجرة خشية تجدد القصف.",
    "Dozens of families fled the village of Maariyah for fear of renewed shelling.",
])
def test_an_act_feared_is_not_done(text):
    assert not [e for e in extract_events(text, PUB) if e.trigger_label in ("shelling", "bombardment")]


def test_a_new_month_after_a_comma_opens_another_act_with_its_own_toll():
    text = ("ففي آذار شهدت بلدة الصنمين اشتباكات، وفي أيار من العام نفسه قتل سبعة من عناصر الشرطة في هجوم على مخفر "
            "بلدة المزيريب.")
    assert {e.location: e.fatalities for e in extract_events(text, "2020-06-20")} == {"الصنمين": None, "المزيريب": 7}


@pytest.mark.parametrize("text, place", [
    ("The army shelled Inkhil on Friday. Activists said troops had stormed the town on Wednesday with tanks.",
     "Inkhil"),
    ("قصف الجيش بلدة إنخل يوم الجمعة. وقال ناشطون إن الجيش اقتحم البلدة يوم الأربعاء بالمدرعات.", "إنخل"),
])
def test_an_entry_into_the_town_named_before(text, place):
    ev = extract_events(text, "2012-04-20")
    assert {(e.trigger_label, e.event_date) for e in ev if e.location == place} >= {("territory_entered", "2012-04-18")}


@pytest.mark.parametrize("text, place, label", [
    ("The network documented the finding of the body of a young man on the road between Inkhil and Nawa on Thursday.",
     "Inkhil", "attack_civilians"),
    ("Israeli troops were seen moving through the village of al-Hamidiyah on Sunday.", "al-Hamidiyah",
     "troop_movement"),
    ("وكان العلم الوطني قد رفع أمس فوق مبنى البلدية في بلدة اليادودة.", "اليادودة", "flag_raised"),
    # a shell the children found was the blast that killed them, not a cache seized
    ("توفي طفلان أمس بانفجار قذيفة من مخلفات الحرب عثروا عليها أثناء لعبهم في بلدة زمرين.", "زمرين", "ied"),
])
def test_a_body_found_troops_seen_and_a_flag_raised_as_monitors_and_the_agency_write_them(text, place, label):
    assert label in _labels(text, place)
