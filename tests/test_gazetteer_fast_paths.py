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
