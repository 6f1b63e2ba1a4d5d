"""The extractor's parts on their own: lexicon, actors, sentences, place mentions, regions, traps."""

import pytest

from eventmap.events.actors import ACTORS, find_actors
from eventmap.events.extract import extract_events
from eventmap.events.lexicon import AR_TRIGGERS, EN_TRIGGERS, LABELS, find_triggers
from eventmap.model import ACLED_TYPES
from eventmap.events.mentions import find_mentions, index_for
from eventmap.events.sentences import split_clauses, split_sentences
from eventmap.model import Place
from eventmap.places.gazetteer import Gazetteer, default_gazetteer
from eventmap.text import normalize_ar, normalize_with_offsets

PUB = "2018-07-25"


# --- lexicon ----------------------------------------------------------------------------------

def test_every_label_maps_to_an_acled_type_spelled_as_acled_spells_it():
    assert sum(len(v) for v in ACLED_TYPES.values()) == 25
    for lab in LABELS.values():
        assert lab.sub_event_type in ACLED_TYPES[lab.event_type], lab
    assert set(AR_TRIGGERS) <= set(LABELS) and set(EN_TRIGGERS) <= set(LABELS)


@pytest.mark.parametrize("text, label", [
    ("وحرّرت وحدات الجيش", "territory_taken"), ("بسط الجيش سيطرته على", "territory_taken"),
    ("استعادت القوات", "territory_taken"), ("اشتباكات عنيفة", "armed_clash"), ("شن غارات جوية", "air_strike"),
    ("قذائف هاون", "shelling"), ("أسقطت الدفاعات طائرة", "aircraft_downed"), ("عبوة ناسفة", "ied"),
    ("عثر على مستودع", "cache_found"), ("عمليات التمشيط", "combing"), ("صافرات الإنذار", "sirens"),
    ("ضمن اتفاق تسوية", "settlement_entry"), ("الحافلات الخضراء", "evacuation"), ("حملة اعتقالات", "arrests"),
    ("اغتيال قيادي", "attack_civilians"), ("وقفة احتجاجية", "protest"), ("تعفيش المنازل", "looting"),
    ("recaptured the town", "territory_taken"), ("heavy clashes", "armed_clash"), ("airstrikes", "air_strike"),
    ("shot down a jet", "aircraft_downed"), ("roadside bomb", "ied"), ("a suicide bomber", "suicide_bomb"),
    ("weapons cache", "cache_found"), ("were evacuated", "evacuation"), ("handed over their heavy weapons",
                                                                        "weapons_handover"),
    ("raised the Syrian flag", "flag_raised"), ("air raid sirens", "sirens"), ("were arrested", "arrests"),
    ("a reconciliation deal", "settlement_entry"), ("set up a checkpoint", "base_established"),
])
def test_triggers(text, label):
    labels = [h.label for h in find_triggers(normalize_ar(text))]
    assert label in labels, (text, labels)


@pytest.mark.parametrize("text", ["هيئة تحرير الشام", "ضبط النفس", "التسوية السياسية", "the kill list"])
def test_not_triggers(text):
    assert [h.label for h in find_triggers(normalize_ar(text)) if h.label not in ("agreement",)] == [], text


# --- actors ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, actor", [
    ("الجيش العربي السوري", "Syrian government forces"), ("قوات الأسد", "Syrian government forces"),
    ("الجيش السوري الحر", "Opposition armed groups"), ("العدو الصهيوني", "Israeli forces"),
    ("جيش الاحتلال", "Israeli forces"), ("هيئة تحرير الشام", "Jabhat al-Nusra / HTS"),
    ("جيش خالد بن الوليد", "ISIS / Khalid ibn al-Walid Army"), ("الإرهابيين", "Opposition armed groups"),
    ("الشرطة العسكرية الروسية", "Russian forces"), ("حزب الله", "Hezbollah"), ("قسد", "SDF"),
    ("the Syrian Arab Army", "Syrian government forces"), ("Hayat Tahrir al-Sham", "Jabhat al-Nusra / HTS"),
    ("the Islamic State", "ISIS / Khalid ibn al-Walid Army"), ("Israeli jets", "Israeli forces"),
    ("US-led coalition", "US-led coalition"), ("rebels", "Opposition armed groups"),
])
def test_actor_forms(text, actor):
    found = find_actors(normalize_ar(text))
    assert [a.actor for a in found] == [actor]
    assert actor in ACTORS


def test_actor_roles():
    found = find_actors(normalize_ar("حرر الجيش التل بعد مواجهات مع جبهة النصرة"))
    assert [(a.actor, a.role) for a in found] == [("Syrian government forces", "subject"),
                                                  ("Jabhat al-Nusra / HTS", "object")]


@pytest.mark.parametrize("text", [
    "سيطرت قوات النظام بمساندة الميليشيات الإيرانية على بلدة مسحرة.",   # (the ة of "بمساندة": a normalised match)
    "سيطرت قوات النظام بغطاء من الميليشيات الإيرانية على بلدة مسحرة.",   # (the ء of "بغطاء")
])
def test_who_backs_a_force_is_its_support(text):
    assert [(a.actor, a.role) for a in find_actors(normalize_ar(text))] == [
        ("Syrian government forces", "subject"), ("Iranian forces", "support")]


# --- sentences ------------------------------------------------------------------------------------

def test_sentences_and_clauses_keep_offsets():
    text = ("Government forces captured Nawa on Sunday, while rebels shelled Jasim. The U.S. said nothing.\n"
            "حرر الجيش بلدة إنخل، في حين قصفت الفصائل بلدة جاسم؛ وقال المصدر إن 2.5 طن وصلت")
    sents = split_sentences(text)
    assert [text[s.start:s.end] for s in sents][:2] == [
        "Government forces captured Nawa on Sunday, while rebels shelled Jasim.", "The U.S. said nothing."]
    assert len(sents) == 3
    clauses = [text[c.start:c.end] for s in sents for c in split_clauses(text, s)]
    assert "Government forces captured Nawa on Sunday" in clauses
    assert "while rebels shelled Jasim." in clauses
    assert "حرر الجيش بلدة إنخل" in clauses and "في حين قصفت الفصائل بلدة جاسم" in clauses


# --- mentions ---------------------------------------------------------------------------------------

def _mentions(text):
    g = default_gazetteer()
    norm, offs = normalize_with_offsets(text)
    return find_mentions(text, norm, offs, index_for(g), 0, len(norm))


def test_clitics_are_excluded_from_the_mention():
    text = "وقصف الطيران والرفيد وبالبكار وللرفيد"
    got = [(text[m.orig_start:m.orig_end], m.name) for m in _mentions(text)]
    assert ("الرفيد", "الرفيد") in got and ("البكار", "البكار") in got


def test_longest_name_wins_and_direction_words_stay():
    text = "قصف الجيش بلدتي البكار الشرقي وغدير البستان"
    names = [text[m.orig_start:m.orig_end] for m in _mentions(text)]
    assert "غدير البستان" in names and "البستان" not in names


def test_list_after_hiya_gives_unknown_names_as_list_items():
    text = "وأضاف المصدر أن المناطق المحررة هي المهير، والرفيد، ورسم الحسن، والبكار الشرقي."
    ms = [m for m in _mentions(text) if m.list_id >= 0]
    assert [text[m.orig_start:m.orig_end] for m in ms] == ["المهير", "الرفيد", "رسم الحسن", "البكار الشرقي"]
    assert len({m.list_id for m in ms}) == 1


def test_common_words_and_person_names_need_support():
    cases = {
        "أكد بشار الأسد أن": [],
        "قال جاسم الحريري إن": [],
        "بقيت القضايا المعلقة دون حل": [],
        "دخل الجيش مدينة جاسم": ["جاسم"],
        "قصف الجيش في نوى": ["نوى"],
    }
    for text, expected in cases.items():
        got = [text[m.orig_start:m.orig_end] for m in _mentions(text) if m.supported]
        assert got == expected, (text, got)


def test_foreign_places_are_vetoed():
    for text in ("قصف الطيران مدينة باريس", "أطلقت الصواريخ من صفد", "shelled Paris and Helsinki"):
        assert [m for m in _mentions(text) if m.supported] == [], text


# --- whole-pipeline rules on small texts --------------------------------------------------------------

def test_region_precision_for_countryside_and_basin():
    ev = extract_events("قصف الطيران الروسي ريف درعا الشرقي صباح اليوم.", PUB)
    assert [(e.place_id, e.geo_precision) for e in ev] == [("region:daraa-east", 3)]
    ev = extract_events("Russian jets carried out air strikes in the Yarmouk Basin on Sunday.", PUB)
    assert [(e.place_id, e.geo_precision, e.event_date) for e in ev] == [("region:yarmouk-basin", 3, "2018-07-22")]


def test_person_named_like_a_town_is_not_a_place_but_the_town_is():
    ev = extract_events("وقال بشار الأسد إن الجيش حرر بلدة جاسم أمس.", PUB)
    assert [(e.location, e.event_date) for e in ev] == [("جاسم", "2018-07-24")]
    ev = extract_events("Assad said the army liberated Nawa yesterday.", PUB)
    assert [e.location for e in ev] == ["Nawa"]


def test_no_trigger_no_event():
    assert extract_events("زار وفد من درعا مدينة نوى والتقى الأهالي في جاسم.", PUB) == []


def test_negated_and_denied_events_are_dropped():
    assert extract_events("ونفى مصدر عسكري وقوع اشتباكات في بلدة داعل.", PUB) == []
    assert extract_events("دخل الجيش بلدة طفس من دون مواجهات.", PUB) != []   # the entry stands, the clash does not
    assert all(e.sub_event_type != "Armed clash" for e in extract_events("دخل الجيش بلدة طفس من دون مواجهات.", PUB))


def test_unresolved_place_without_list_has_no_coordinates():
    ev = extract_events("سيطرت قوات النظام على قرية زنزلخت الفوقانية صباح اليوم.", PUB)
    assert len(ev) == 1
    assert ev[0].resolution == "unresolved" and ev[0].latitude is None and ev[0].place_id is None
    assert "unresolved" in ev[0].resolution_note


def test_stub_gazetteer_is_used_when_given():
    p = Place(id="user:test-village", name_ar="قرية الاختبار", name_en="Test Village", kind="village",
              lat=32.9, lon=36.0, variants_ar=("الاختبار",), admin1_en="Dar'a")
    g = Gazetteer([p])
    ev = extract_events("حرر الجيش بلدة الاختبار اليوم.", PUB, gazetteer=g)
    assert [(e.place_id, e.latitude, e.longitude) for e in ev] == [("user:test-village", 32.9, 36.0)]


def test_headline_in_present_tense_and_its_dated_repeat_are_one_event():
    text = ("قوات الأسد تسيطر على نوى بعد اتفاق مع فصائل المعارضة\n"
            "بسطت قوات النظام السوري سيطرتها، مساء أمس الخميس، على مدينة نوى غربي درعا.")
    ev = [e for e in extract_events(text, "2018-07-20") if e.sub_event_type == "Government regains territory"]
    assert [(e.location, e.event_date, e.time_precision) for e in ev] == [("نوى", "2018-07-19", 1)]
    # the headline alone is an event too, dated by the publication (within a week)
    ev = extract_events("قوات الأسد تسيطر على نوى بعد اتفاق مع فصائل المعارضة", "2018-07-20")
    assert [(e.sub_event_type, e.event_date, e.time_precision) for e in ev] == [
        ("Government regains territory", "2018-07-20", 2)]


def test_sniper_fire_at_a_civilian_is_violence_against_civilians():
    ev = extract_events("قتل مدني برصاص قناص تابع لقوات النظام في بلدة طفس اليوم.", PUB)
    assert [(e.event_type, e.sub_event_type, e.actor1, e.actor2) for e in ev] == [
        ("Violence against civilians", "Attack", "Syrian government forces", "Civilians")]
    ev = extract_events("Unknown gunmen assassinated a former rebel commander in the town of Tafas on Monday.", PUB)
    assert [(e.sub_event_type, e.actor1, e.event_date) for e in ev] == [
        ("Attack", "Unidentified armed group", "2018-07-23")]


def test_under_control_is_a_state_not_a_takeover():
    ev = extract_events("وقصفت قوات النظام بلدة طفس الخاضعة لسيطرة الفصائل.", PUB)
    assert [e.sub_event_type for e in ev] == ["Shelling/artillery/missile attack"]


def test_backers_are_not_the_actor():
    ev = extract_events("Government forces backed by Russian air power captured the town of Busra al-Sham.", PUB)
    assert [(e.actor1, e.location) for e in ev] == [("Syrian government forces", "Busra al-Sham")]


@pytest.mark.parametrize("text, place", [
    ("لم تحتج قوات النظام إلى أكثر من أسبوع. وبعد تثبيت نقاطها قرب اللجاة، دخلت وحداتها أمس بلدة المليحة الغربية.",
     "المليحة الغربية"),
    ("The army needed less than a week. Its troops entered the town of Jasim on Tuesday.", "Jasim"),
])
def test_a_forces_units_named_by_a_pronoun_are_of_the_force_the_sentence_before_named(text, place):
    ev = extract_events(text, "2018-06-27")
    assert {(e.location, e.actor1) for e in ev} == {(place, "Syrian government forces")}
