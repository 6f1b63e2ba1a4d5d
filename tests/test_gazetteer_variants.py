"""Spelling variants of southern place names, scoped; namesakes; far namesakes.

Every variant here is made by applying one rule to a real gazetteer name (a Who's On First /
GeoNames record in Dar'a or Quneitra); none is taken from a news report.  Place ids are WOF ids,
each commented with the place.
"""

from __future__ import annotations

import pytest

from eventmap.places.gazetteer import Gazetteer
from eventmap.places.variants import variant_key

BIR_AJAM = "wof:1243375139"       # بير عجم / Bi'r `Ajam, Quneitra
TIBNAH = "wof:1276977509"         # تبنة / Tibnah, Dar'a / As-Sanamayn
JUHAYM = "wof:1310593717"         # الجهيم / Al Juhaym, Dar'a / Masmiyyeh
KAFR_NASIJ = "wof:1276864251"     # كفر ناسج / Kafr Nasij, Dar'a / As-Sanamayn
SARAQIB = "wof:890449833"         # سراقب / Saraqib, Idleb


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
    ("تبنا", TIBNAH, "ar_final"),             # تبنة with a final alif for the ta marbuta
    ("Al-Jeheim", JUHAYM, "lat_vowels"),      # Al Juhaym with Levantine vowels
    ("Tebneh", TIBNAH, "lat_vowels"),         # Tibnah with e for the short i
])
def test_a_variant_unique_in_the_south_resolves(gaz, written, pid, rule):
    r = _variant(gaz, written)
    assert r.status == "resolved" and r.best.place.id == pid
    # the reason names the rule, in words an analyst reads
    from eventmap.places.variants import FAMILY_DESCRIPTIONS
    assert FAMILY_DESCRIPTIONS[rule] in r.best.reasons[0]


def test_the_name_as_written_is_not_a_variant(gaz):
    r = gaz.lookup("تبنة")
    assert r.best is not None and r.best.match == "exact"
    assert gaz.variant_match("تبنة") == ()          # the scanner finds exact names through name_keys()
    assert gaz.variant_match("تبنا") == (TIBNAH,)


def test_variant_match_takes_clitics_and_normalised_text(gaz):
    assert gaz.variant_match("وتبنا") == (TIBNAH,)
    assert gaz.variant_match("كفرناسج") == (KAFR_NASIJ,)
    assert gaz.variant_match("بلدة") == ()            # a plain word is nothing


# --- scope ----------------------------------------------------------------------------------------

def test_a_variant_outside_the_scope_is_not_resolved_and_the_scope_is_honoured(gaz):
    # "Srakeb": Saraqib (Idleb) with a dropped vowel and k for q
    r = gaz.lookup("Srakeb")                       # default scope: Dar'a + Quneitra
    assert r.status == "unresolved" and r.best is None
    r = gaz.lookup("Srakeb", scope=["SY07"])       # a report about Idleb
    assert r.status == "resolved" and r.best.place.id == SARAQIB and r.best.match == "variant"
    # and the southern variant is not accepted in a report about Idleb
    assert gaz.lookup("تبنا", scope="SY07").status == "unresolved"
    assert gaz.variant_match("تبنا", scope=("SY07",)) == ()


def test_scope_argument_is_checked(gaz):
    assert gaz.normalize_scope(None) == ("SY12", "SY14")
    assert gaz.normalize_scope("sy12") == ("SY12",)
    assert gaz.normalize_scope(["SY1403", "SY14"]) == ("SY14",)
    with pytest.raises(ValueError):
        gaz.lookup("تبنا", scope=["Daraa"])


def test_scope_for_text_adds_named_governorates(gaz):
    assert gaz.scope_for_text("قصف على بلدة في ريف إدلب الجنوبي") == ("SY12", "SY14", "SY07")
    assert gaz.scope_for_text("") == ("SY12", "SY14")


# --- a variant of two different southern names is a suggestion -------------------------------------

def test_a_variant_of_two_southern_names_is_only_suggested(gaz):
    # "Jouza": one vowel respelling from both Al Jizah (الجيزة) and Al Juwayzah (الجويزة), both in Dar'a
    hit = gaz.variant_hit("Al-Jouza")
    assert hit is not None and not hit.unique
    assert {gaz.places[i].name_ar for i in hit.place_indices} == {"الجيزة", "الجويزة"}
    r = gaz.lookup("Al-Jouza")
    assert r.status == "unresolved" and r.best is None
    assert {c.place.name_ar for c in r.suggestions} == {"الجيزة", "الجويزة"}
    assert all(c.match == "variant" for c in r.suggestions)
    assert gaz.variant_match("Al-Jouza") == ()


def test_variant_keys_are_script_aware_and_keep_directions():
    assert variant_key("البكار الشرقي", "ar", ("ar_join", "ar_final")) != variant_key("البكار", "ar", ("ar_join", "ar_final"))
    assert variant_key("Bakkar Sharqi", "latin", ("lat_vowels",)).endswith("|east")
    assert variant_key("نوى", "ar", ("ar_final",)) == ""      # too short to be evidence
