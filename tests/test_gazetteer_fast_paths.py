"""Shortcuts of the gazetteer lookup (kept matches, distances in radians): never a different answer."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventmap.places.gazetteer import Gazetteer, haversine_km, nearest_km

_LAT = st.floats(min_value=-90.0, max_value=90.0, allow_nan=False)
_LON = st.floats(min_value=-540.0, max_value=540.0, allow_nan=False)


@settings(max_examples=500, deadline=None)
@given(st.tuples(_LAT, _LON), st.lists(st.tuples(_LAT, _LON), min_size=1, max_size=12))
def test_the_nearest_distance_is_the_least_haversine_distance_to_the_last_bit(a, points):
    assert nearest_km(a, points) == min(haversine_km(a, b) for b in points)


def test_the_nearest_distance_to_no_point_is_half_the_earth_round():
    assert nearest_km((32.6, 36.1), []) == 2 * 6371.0 * math.asin(1.0)


@pytest.fixture(scope="module")
def two() -> tuple[Gazetteer, Gazetteer]:
    return Gazetteer.load(analyst_places=False), Gazetteer.load(analyst_places=False)


def _names(g: Gazetteer) -> list[str]:
    """Names with namesakes (so the ranking uses the distances), in both scripts, with a generic word, misspelt."""
    ar = [hits[0][1] for _, hits in sorted(g._ar_exact.items()) if len({i for i, _ in hits}) > 2][:12]
    lat = [hits[0][1] for _, hits in sorted(g._lat.items()) if len({i for i, _ in hits}) > 2][:12]
    return [*ar, *lat, "قرية " + ar[0], lat[1] + " village", lat[2][:-1] + "x", "بلدة لا اسم لها", "Qqqzzx"]


def test_lookups_with_other_anchors_each_time_are_the_lookups_of_a_fresh_gazetteer(two):
    g, fresh = two
    nears = [None, [(32.62, 36.10), (32.75, 36.03)], [(33.12, 35.82)], [(36.2, 37.15), (32.62, 36.10), (35.0, 38.0)]]
    names = _names(g)
    asks = [(name, near) for k, name in enumerate(names) for near in (nears[k % 4], nears[(k + 1) % 4], nears[(k + 3) % 4])]
    want = {}
    for name, near in reversed(asks):   # another order: nothing of one lookup may leak into the next
        fresh._match_cache.clear()
        fresh._place_rad.clear()
        want[name, str(near)] = fresh.lookup(name, near=near)
    for _ in range(2):   # the second round meets every name's kept matches
        for name, near in asks:
            got = g.lookup(name, near=near)
            assert got == want[name, str(near)] and repr(got) == repr(want[name, str(near)]), (name, near)


def test_kept_matches_are_a_new_list_each_time(two):
    g, _ = two
    name = _names(g)[0]
    hits, qualifier, how = g._match(name, "ar")
    assert hits and (hits, qualifier, how) == g._match_uncached(name, "ar")
    hits.clear()
    assert g._match(name, "ar")[0] == g._match_uncached(name, "ar")[0] != []


def _haversine_reference(a: tuple[float, float], b: tuple[float, float]) -> float:
    """The formula as first written (attribute look-ups, ``min``): the fast one must give the same float."""
    rad = math.radians
    lat1, lat2 = rad(a[0]), rad(b[0])
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((rad(b[1]) - rad(a[1])) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


@settings(max_examples=1000, deadline=None)
@given(st.tuples(_LAT, _LON), st.tuples(_LAT, _LON))
def test_the_haversine_distance_is_the_reference_formula_to_the_last_bit(a, b):
    assert haversine_km(a, b) == _haversine_reference(a, b)
    assert haversine_km((a[0], a[1]), (-a[0], a[1] + 180.0)) == _haversine_reference((a[0], a[1]), (-a[0], a[1] + 180.0))


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.sampled_from([0.0, -0.0, 1e-300, -1e-300])))
def test_the_squash_is_the_reference_formula(raw):
    from eventmap.places.gazetteer import _squash

    assert repr(_squash(raw)) == repr(round(1.0 - math.exp(-1.8 * max(0.0, raw)), 6))


def _context_places_plainly(g: Gazetteer, context: str) -> list[str]:
    """``Gazetteer.context_places`` without its shortcut: every phrase of every length tried, each first word in
    each of its clitic forms."""
    from eventmap.text import latin_key, normalize_ar, script_of, strip_clitics

    found: dict[int, None] = {}
    if script_of(context) in ("ar", "mixed"):
        words = normalize_ar(context).split()
        for n in range(g._ctx_ar_max, 0, -1):
            for s in range(0, len(words) - n + 1):
                for f in strip_clitics(words[s]):
                    for i in g._broadest(g._context_names_ar.get(" ".join([f, *words[s + 1:s + n]]), ())):
                        found.setdefault(i)
    if script_of(context) in ("latin", "mixed"):
        words = latin_key(context).split()
        # the words written with a capital (all of them when nothing is): one of them in each name
        capital = [w for t in context.split() if t != t.lower() or context == context.lower()
                   for w in latin_key(t).split()]
        for n in range(g._ctx_lat_max, 0, -1):
            for s in range(0, len(words) - n + 1):
                for i in g._broadest(g._context_names_lat.get(" ".join(words[s:s + n]), ())):
                    if set(words[s:s + n]) & set(capital):
                        found.setdefault(i)
    return [g.places[i].id for i in found]


_CONTEXT_WORDS = ["ريف", "وبريف", "درعا", "الغربي", "دمشق", "وللقنيطرة", "القنيطرة", "محافظة", "في", "بلدات",
                  "Rural", "Damascus", "western", "Daraa", "countryside", "Quneitra", "the", "in", "Izra"]


def test_context_places_reads_the_regions_and_governorates_a_sentence_names(two):
    g = two[0]
    ids = [p.id for p in g.context_places("وقصفت قوات النظام بلدات في ريف دمشق وبريف درعا الغربي")]
    assert ids[:3] == ["region:daraa-west", "ocha:SY03", "ocha:SY12"]          # "وبريف": a clitic off "ريف"
    assert [p.id for p in g.context_places("وللقنيطرة حصة من القصف")] == ["ocha:SY14"]
    assert [p.id for p in g.context_places("Shelling hit the western Daraa countryside")][:2] == \
        ["region:daraa-west", "ocha:SY12"]
    assert g.context_places("Nothing here") == [] and g.context_places("") == []


def test_an_english_prose_word_that_reads_like_a_unit_names_none(two):
    """"were" and the Homs sub-district "al Wa`rah" share a key: in a written sentence the unit needs a capital
    (then "Three people were killed in Izraa" kept the town instead of its district, the Homs one an anchor)."""
    g = two[0]
    assert [p.id for p in g.context_places("Three people were killed in")] == []
    assert [p.id for p in g.context_places("three were in al wa`rah")] != []    # typed in lower case: all read
    assert [p.id for p in g.context_places("Shelling hit the western Daraa countryside")][:2] == \
        ["region:daraa-west", "ocha:SY12"]                                  # one capital in the name is enough
    r = g.lookup("Izraa", context="Three people were killed in on Friday.")
    assert r.best is not None and r.best.place.kind == "city"
    from eventmap.events.extract import extract_events
    [e] = extract_events("Three people were killed in Sanamein on Friday when security forces opened fire.",
                         "2013-04-14")
    assert (e.place_name_en, e.geo_precision) == ("As Sanamayn", 1)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_CONTEXT_WORDS), max_size=14))
def test_context_places_tries_only_phrases_a_name_can_start_with_and_finds_the_same(two, words):
    g = two[0]
    text = " ".join(words)
    assert [p.id for p in g.context_places(text)] == _context_places_plainly(g, text)
