"""Spelling variants of southern place names (scoped), namesakes, far namesakes.

Every variant here is made by applying one rule to a real gazetteer name (a Who's On First /
GeoNames record in Dar'a or Quneitra); none is taken from a news report.  Place ids are WOF ids,
each commented with the place.  Which rules are on is the calibrated choice of
``benchmarks/calibrate_variants.py``; the tests of a rule that is off say so.
"""

from __future__ import annotations

import pytest

from eventmap.places.gazetteer import Gazetteer
from eventmap.places.variants import (
    AR_TIERS,
    FAMILY_DESCRIPTIONS,
    LAT_TIERS,
    variant_key,
)

BIR_AJAM = "wof:1243375139"       # بير عجم / Bi'r `Ajam, Quneitra
DAIL = "wof:1293781609"           # داعل / Da`il, Dar'a / Da'el
SANAMAYN = "wof:421197089"        # الصنمين / As-Sanamayn, Dar'a
KAFR_SHAMS = "wof:1326627967"     # كفر شمس / Kafr Shams, Dar'a
QUNAYR = "wof:1260082171"         # قنير / Qunayr, Quneitra / Fiq
JUHAYM = "wof:1310593717"         # الجهيم / Al Juhaym, Dar'a / Masmiyyeh
TIBNAH = "wof:1276977509"         # تبنة / Tibnah, Dar'a / As-Sanamayn
SARAQIB = "wof:890449833"         # سراقب / Saraqib, Idleb
SAYDA_DARAA = "wof:1193129817"    # صيدا / Sayda east of Dar'a city
SAYDA_FIQ = "wof:1276450189"      # صيدا / Sayda in Quneitra / Fiq (the Yarmouk basin)
SOUTH = ("SY12", "SY14")


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load(analyst_places=False)


def _variant(gaz: Gazetteer, name: str, scope=None, context: str = ""):
    r = gaz.lookup(name, scope=scope, context=context)
    assert r.status in ("resolved", "ambiguous"), (name, r.status, r.reason)
    assert r.best is not None and r.best.match == "variant", (name, r.reason)
    assert r.reason.startswith("variant match on"), r.reason
    return r


# --- one rule at a time, applied to real southern names ------------------------------------------

@pytest.mark.parametrize("written,pid,rule", [
    ("بيرعجم", BIR_AJAM, "ar_join"),          # بير عجم written as one word
    ("وبيرعجم", BIR_AJAM, "ar_join"),         # ... with a conjunction attached
    ("دعل", DAIL, "ar_alif"),                 # داعل without its long ā
    ("تبنا", TIBNAH, "ar_ending"),            # تبنة with a final alif for the ta marbuta
    ("السنمين", SANAMAYN, "ar_letters"),      # الصنمين with س for ص
    ("Kafrshams", KAFR_SHAMS, "lat_join"),    # Kafr Shams as one word
    ("Qneir", QUNAYR, "lat_drop"),            # Qunayr, Levantine: first vowel dropped, ay as ei
    ("Al-Jeheim", JUHAYM, "lat_drop"),        # Al Juhaym with e for the short u
    ("Tebneh", TIBNAH, "lat_drop"),           # Tibnah with e for the short i
])
def test_a_variant_unique_in_the_south_resolves_and_names_its_rule(gaz, written, pid, rule):
    assert rule in AR_TIERS[-1] + LAT_TIERS[-1]
    r = _variant(gaz, written)
    assert r.status == "resolved" and r.best.place.id == pid
    assert r.best.reasons[0] == f"variant: {FAMILY_DESCRIPTIONS[rule]}"


def test_a_rule_calibration_left_off_does_not_resolve(gaz):
    # a medial ي left out (الجهيم / الجهم) is a real spelling habit, but so is the diminutive
    # (الحمرة / الحميرة are two villages): calibration keeps ar_wy off, so this is no answer
    assert "ar_wy" not in AR_TIERS[-1]
    r = gaz.lookup("الجهم")
    assert r.status == "unresolved" and r.best is None
    # and a final long vowel left out (ar_final): قرفا (Qarfa, Dar'a) written قرف
    assert "ar_final" not in AR_TIERS[-1]
    assert gaz.lookup("قرف").status == "unresolved"


def test_the_name_as_written_is_exact_not_a_variant(gaz):
    r = gaz.lookup("داعل")
    assert r.best is not None and r.best.match == "exact"
    assert gaz.variant_match("داعل") == ()        # the scanner finds exact names through name_keys()
    assert gaz.variant_match("دعل") == (DAIL,)


def test_variant_match_for_the_scanner(gaz):
    assert gaz.variant_match("وبيرعجم") == (BIR_AJAM,)             # clitic on the first word
    assert gaz.variant_match("Qneir") == (QUNAYR,)
    assert gaz.variant_match("بلدة") == ()                          # a plain word is nothing
    assert gaz.variant_match("the") == ()
    assert gaz.variant_match("") == () and gaz.variant_match("<b>x</b>") == ()
    assert gaz.variant_max_words >= 3


# --- scope ----------------------------------------------------------------------------------------

def test_a_variant_found_only_outside_the_scope_is_not_resolved(gaz):
    # "Srakeb": Saraqib (Idleb) with its vowels respelled and k for q
    r = gaz.lookup("Srakeb")                       # default scope: Dar'a + Quneitra
    assert r.status == "unresolved" and r.best is None
    assert gaz.variant_match("Srakeb") == ()


def test_the_scope_is_honoured(gaz):
    r = gaz.lookup("Srakeb", scope=["SY07"])       # a report about Idleb
    assert r.status == "resolved" and r.best.place.id == SARAQIB and r.best.match == "variant"
    assert gaz.variant_match("Srakeb", scope="SY07") == (SARAQIB,)
    # and a southern variant is not accepted in a report about Idleb
    assert gaz.lookup("Qneir", scope="SY07").status == "unresolved"
    assert gaz.variant_match("Qneir", scope=("SY07",)) == ()
    assert gaz.variant_match("Qneir", scope=("SY07", "SY14")) == (QUNAYR,)


def test_scope_argument_is_checked(gaz):
    assert gaz.normalize_scope(None) == SOUTH
    assert gaz.normalize_scope("sy12") == ("SY12",)
    assert gaz.normalize_scope(["SY1403", "SY14"]) == ("SY14",)
    with pytest.raises(ValueError):
        gaz.lookup("دعل", scope=["Daraa"])


def test_scope_for_text_adds_named_governorates(gaz):
    assert gaz.scope_for_text("قصف على بلدة في ريف إدلب الجنوبي") == ("SY12", "SY14", "SY07")
    assert gaz.scope_for_text("Shelling hit a village in the Daraa countryside") == SOUTH


def test_scope_ring_is_the_scope_and_its_neighbours(gaz):
    assert gaz.scope_ring(SOUTH) == frozenset({"SY12", "SY14", "SY13", "SY03"})
    assert "SY02" not in gaz.scope_ring(("SY07",)) or "SY07" in gaz.scope_ring(("SY02",))


# --- a variant of two different southern names is a suggestion -------------------------------------

def test_a_variant_of_two_southern_names_is_only_suggested(gaz):
    # "Al-Qseir": Levantine for both Al Qusayr (القصير, Dar'a) and Al Kassar (الكسار, Quneitra)
    hit = gaz.variant_hit("Al-Qseir")
    assert hit is not None and not hit.unique
    assert {gaz.places[i].name_ar for i in hit.place_indices} == {"القصير", "الكسار"}
    r = gaz.lookup("Al-Qseir")
    assert r.status == "unresolved" and r.best is None
    assert {c.place.name_ar for c in r.suggestions} == {"القصير", "الكسار"}
    assert all(c.match == "variant" for c in r.suggestions)
    assert gaz.variant_match("Al-Qseir") == ()


def test_variant_keys_are_script_aware_and_keep_directions():
    assert variant_key("البكار الشرقي", "ar", AR_TIERS[-1]) != variant_key("البكار", "ar", AR_TIERS[-1])
    assert variant_key("Bakkar Sharqi", "latin", LAT_TIERS[-1]).endswith("|east")
    assert variant_key("بر", "ar", AR_TIERS[-1]) == "" and variant_key("Ba", "latin", LAT_TIERS[-1]) == ""  # too short
    # the first and last vowels stay: -iyah and -ah, -ah and -i are other names, not other spellings
    assert variant_key("Wardiyah", "latin", ("lat_drop",)) != variant_key("Wardah", "latin", ("lat_drop",))
    assert variant_key("Hunaydah", "latin", ("lat_drop",)) != variant_key("Hunaydi", "latin", ("lat_drop",))


# --- namesakes ------------------------------------------------------------------------------------

def test_two_southern_namesakes_give_an_answer_marked_ambiguous(gaz):
    r = gaz.lookup("صيدا", scope=SOUTH)
    assert r.status == "ambiguous" and r.best is not None      # never nothing
    assert {c.place.id for c in r.candidates} >= {SAYDA_DARAA, SAYDA_FIQ}


@pytest.mark.parametrize("near,pid", [
    ([(32.64, 36.20)], SAYDA_DARAA),    # next to An Nu`aymah, east of Dar'a city
    ([(32.86, 35.89)], SAYDA_FIQ),      # in the Yarmouk basin, by Al Bakkar
])
def test_namesakes_are_picked_by_the_places_around_them(gaz, near, pid):
    r = gaz.lookup("صيدا", near=near, scope=SOUTH)
    assert r.status in ("resolved", "ambiguous") and r.best.place.id == pid
    other = ({SAYDA_DARAA, SAYDA_FIQ} - {pid}).pop()
    assert other in {c.place.id for c in r.candidates}             # the alternative is listed


def test_a_variant_with_two_southern_namesakes_is_ranked_like_them(gaz):
    # "Saydah" respelled as "Seideh": both southern Saydas are namesakes of one name
    r = gaz.lookup("Seideh", near=[(32.86, 35.89)], scope=SOUTH)
    assert r.best is not None and r.best.place.id == SAYDA_FIQ
    assert SAYDA_DARAA in {c.place.id for c in r.candidates}


# --- far namesakes --------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["الجبيلة", "Zubaydah", "زبيدة", "المزيرعة"])
def test_only_far_namesakes_give_no_point_in_a_southern_report(gaz, name):
    # each exists only in the north (Idleb, Aleppo, Homs, Latakia, Hama) in the data
    r = gaz.lookup(name, scope=SOUTH)
    assert r.status == "unresolved" and r.best is None
    assert r.suggestions and all(c.place.admin1_pcode not in SOUTH for c in r.suggestions)
    assert "outside the governorates" in r.reason


def test_a_far_namesake_resolves_when_the_text_names_its_governorate(gaz):
    r = gaz.lookup("زبيدة", scope=SOUTH, context="نقل المقاتلين الرافضين للتسوية إلى ريف حلب الشرقي")
    assert r.status == "resolved" and r.best.place.admin1_pcode == "SY02"


def test_governorates_and_cities_named_in_a_southern_report_still_resolve(gaz):
    for name, pcode in (("إدلب", "SY07"), ("Aleppo", "SY02"), ("دمشق", "SY01")):
        r = gaz.lookup(name, scope=SOUTH)
        assert r.best is not None and r.best.place.admin1_pcode == pcode, (name, r.reason)


def test_without_a_scope_the_lookup_is_unchanged_for_far_places(gaz):
    # a bare lookup (the CLI, an analyst) still finds a village anywhere in Syria
    r = gaz.lookup("الجبيلة")
    assert r.best is not None and r.best.place.admin1_pcode == "SY07"


def test_a_far_exact_spelling_gives_way_to_the_same_name_in_the_south(gaz):
    # شيخ سليمان is written so only in Aleppo; Dar'a has الشيخ سليمان (the same name with the article)
    r = gaz.lookup("شيخ سليمان", scope=SOUTH)
    assert r.status == "resolved" and r.best.place.id == "wof:1209507665" and r.best.match == "loose"
    assert gaz.lookup("شيخ سليمان").best.place.admin1_pcode == "SY02"   # no scope: the exact spelling


def test_a_far_exact_spelling_never_gives_way_to_a_southern_respelling(gaz):
    # Dadli (Aleppo) is one vowel respelling from Dilli (Dar'a): a real northern name, not a variant
    r = gaz.lookup("Dadli", scope=SOUTH)
    assert r.status == "unresolved" and r.best is None
    assert [c.place.admin1_pcode for c in r.suggestions] == ["SY02"]


def test_a_generic_first_word_of_the_name_may_be_left_out(gaz):
    # WOF holds "Khirbat al Mushrif" (خربة المشرف, Dar'a); reports often drop "Khirbat"
    r = gaz.lookup("al-Mushrif")
    assert r.status == "resolved" and r.best.place.name_en == "Khirbat al Mushrif"
    assert r.best.match == "variant" and "generic first word" in r.reason
    # a village of the short name itself is the answer, as written, before any ruin of the same name
    r = gaz.lookup("Khasfayn")
    assert r.best.place.name_en == "Khasfayn" and r.best.match == "exact"
    # only in scope: outside the south a dropped head is no answer (the data's own المشرف there may be)
    r = gaz.lookup("al-Mushrif", scope=["SY07"])
    assert r.best is None or (r.best.place.admin1_pcode == "SY07" and "generic first word" not in r.reason)


def test_a_direction_word_the_data_does_not_hold_is_the_name_itself(gaz):
    # خبب (Khabab, Dar'a) has no eastern or western namesake in the data: "خبب الغربي" is Khabab
    r = gaz.lookup("خبب الغربي")
    assert r.status == "resolved" and r.best.place.name_ar == "خبب" and "direction word" in r.reason
    # البكار has a "شرقي" record: a western البكار is another village, not a respelling
    assert gaz.lookup("البكار الغربي").status == "unresolved"
    # the adjective of a word before the name: "the eastern outskirts of the city of Khabab"
    assert gaz.lookup("خبب الشرقية").status == "unresolved"
    # "Northern X" is north of X, not a village called X
    assert gaz.lookup("Northern Khabab").status != "resolved" or gaz.lookup("Northern Khabab").best.match != "variant"


# --- across scripts: a Latin spelling read against the Arabic name --------------------------------

MUWAYSAH = "wof:1193023433"       # مويسة / Muwaysah, Quneitra
NAFIAH = "wof:1310497215"         # نافعة / An Nafi`ah, Dar'a


@pytest.mark.parametrize("written,pid", [
    ("Moyse", MUWAYSAH),     # مويسة by ear: o for the و the data romanises "uway", final -e for ة
    ("Nafaa", NAFIAH),       # نافعة with the ʿayn and the ending both written as a
])
def test_a_latin_spelling_the_latin_rules_miss_is_read_against_the_arabic_name(gaz, written, pid):
    for tier in LAT_TIERS:                           # no Latin rule joins it to the data's romanisation
        assert variant_key(written, "latin", tier) != variant_key(gaz.get(pid).name_en, "latin", tier)
    r = _variant(gaz, written)
    assert r.status == "resolved" and r.best.place.id == pid
    assert r.best.matched_name == gaz.get(pid).name_ar
    assert r.best.reasons[0] == f"variant: {FAMILY_DESCRIPTIONS['lat_ar']}"
    assert gaz.variant_match(written) == (pid,)      # the scanner takes it too
    assert gaz.lookup(written, scope=["SY07"]).status == "unresolved"   # only in scope


@pytest.mark.parametrize("written", [
    "Moys",      # no ending: مويسة ends in ة, a name without one is another name
    "Mayse",     # a y where the Arabic writes و and ي: the glide must be there
    "Moy`se",    # an ʿayn marked where the Arabic has none
])
def test_the_arabic_reading_needs_the_letters_the_arabic_writes(gaz, written):
    r = gaz.lookup(written)
    assert r.best is None or r.best.place.id != MUWAYSAH, (written, r.reason)


def test_the_arabic_reading_of_a_latin_name():
    from eventmap.places.variants import ar_base, xs_arabic, xs_fits, xs_latin

    lat, ar = xs_latin("Khirbet el-Moyse"), xs_arabic(ar_base("خربة مويسة")[0])
    assert lat is not None and ar is not None
    assert lat[0] == ar[0] == "xrbtms"               # ة inside the name is the t of "Khirbet"
    assert xs_fits(lat[1], ar[1])
    assert xs_latin("--") is None and xs_latin("Aya") is None    # no consonant, no key
    assert not xs_fits(("",), ("", ""))


def test_a_report_naming_a_village_by_ear_places_it_at_the_village(gaz):
    from eventmap.events.extract import extract_events

    text = ("Regime artillery shelled the outskirts of Moyse in the Quneitra countryside on Sunday evening, "
            "local activists said, a day after an incursion near the ceasefire line.")
    evs = [e for e in extract_events(text, "2024-03-05", gazetteer=gaz) if e.location == "Moyse"]
    assert evs and evs[0].place_id == MUWAYSAH and evs[0].resolution == "resolved"
    assert evs[0].sub_event_type == "Shelling/artillery/missile attack"


def test_a_long_vowel_left_out_counts_only_in_a_name_of_several_words(gaz):
    from eventmap.places.variants import AR_MULTIWORD_TIER

    assert {"ar_final", "ar_wy"} <= set(AR_MULTIWORD_TIER)
    # جباتا الخشب (Quneitra) with its final alif left out: two words carry the evidence
    r = _variant(gaz, "جبات الخشب")
    assert r.status == "resolved" and r.best.place.name_ar == "جباتا الخشب"
    assert r.best.reasons[0] == f"variant: {FAMILY_DESCRIPTIONS['ar_final']}"
    # one word is not enough (الجهيم written الجهم stays unresolved: الحمرة and الحميرة are two villages)
    assert gaz.lookup("الجهم").status == "unresolved"
    # and only in scope
    assert gaz.lookup("جبات الخشب", scope=["SY07"]).status == "unresolved"


def test_a_final_vowel_left_out_counts_only_in_a_latin_name_of_several_words(gaz):
    from eventmap.places.variants import LAT_MULTIWORD_TIER

    assert "lat_final" in LAT_MULTIWORD_TIER and not any("lat_final" in t for t in LAT_TIERS)
    # Busra al Hariri (Dar'a) written as the Arabic بصر الحرير reads: each word's final vowel left out
    r = _variant(gaz, "Busr al-Harir")
    assert r.status == "resolved" and r.best.place.id == "wof:1193129627"
    assert f"variant: {FAMILY_DESCRIPTIONS['lat_final']}" in r.best.reasons
    # only in scope
    assert gaz.lookup("Busr al-Harir", scope=["SY07"]).status == "unresolved"
