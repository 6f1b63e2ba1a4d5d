"""The analyst places overlay: validated, stored outside the committed data, preferred, shareable."""

from __future__ import annotations

import pytest

from eventmap.places.gazetteer import Gazetteer
from eventmap.places.overlay import (
    AnalystPlace,
    PlaceValidationError,
    add_analyst_place,
    export_analyst_places,
    import_analyst_places,
    load_analyst_places,
)

# المهير is named in the seed report but held by no dataset here; an analyst who knows it pins it
# between Al Rafid and Ghadir al Bustan (Quneitra / Al-Khashniyyeh).
MUHAYR = AnalystPlace(name="المهير", lat=32.94, lon=35.905, name_en="al-Muhayr", note="from a local source",
                      author="analyst-a")


@pytest.fixture()
def overlay(tmp_path):
    return tmp_path / "analyst_places.csv"


def test_pinned_place_resolves_and_takes_admin_from_polygons(overlay):
    base = Gazetteer.load(analyst_places=False)
    assert base.lookup("المهير").status == "unresolved"
    p = add_analyst_place(MUHAYR, path=overlay, gazetteer=base)
    assert p.admin1_pcode == "SY14" and p.admin3_en == "Al-Khashniyyeh"
    gaz = Gazetteer.load(analyst_places=overlay)
    r = gaz.lookup("والمهير", context="ريف القنيطرة")
    assert r.status == "resolved" and r.best.place.id == p.id
    assert r.best.place.source == "analyst"
    assert gaz.lookup("al-Muhayr").best.place.id == p.id


def test_analyst_place_takes_precedence_over_a_namesake(overlay):
    base = Gazetteer.load(analyst_places=False)
    # an analyst re-pins البصة (only a Lattakia namesake in the data) in southern Quneitra
    p = add_analyst_place(AnalystPlace(name="البصة", lat=32.889, lon=35.885, author="b"), path=overlay, gazetteer=base)
    gaz = Gazetteer.load(analyst_places=overlay)
    assert gaz.lookup("البصة").best.place.id == p.id


@pytest.mark.parametrize("bad,msg", [
    (AnalystPlace(name="", lat=32.9, lon=35.9), "needs a name"),
    (AnalystPlace(name="x", lat="north", lon=35.9), "numbers"),
    (AnalystPlace(name="x", lat=95, lon=35.9), "out of range"),
    (AnalystPlace(name="x", lat=float("nan"), lon=35.9), "out of range"),
    (AnalystPlace(name="x", lat=35.9, lon=32.9), "swap"),
    (AnalystPlace(name="Paris", lat=48.85, lon=2.35), "outside Syria"),
])
def test_validation_rejects_bad_places_with_a_reason(overlay, bad, msg):
    with pytest.raises(PlaceValidationError, match=msg):
        add_analyst_place(bad, path=overlay)
    assert not overlay.exists()  # nothing half-written


def test_export_and_import_share_the_overlay(overlay, tmp_path):
    add_analyst_place(MUHAYR, path=overlay)
    shared = tmp_path / "to_colleague.csv"
    assert export_analyst_places(shared, path=overlay) == 1
    theirs = tmp_path / "colleague_overlay.csv"
    added, errors = import_analyst_places(shared, path=theirs)
    assert (added, errors) == (1, [])
    [p] = load_analyst_places(theirs)
    assert p.name_ar == "المهير" and p.lat == pytest.approx(32.94)


def test_import_reports_bad_rows_and_keeps_good_ones(overlay, tmp_path):
    src = tmp_path / "mixed.csv"
    src.write_text("name_ar,name_en,lat,lon,author\nالمهير,,32.94,35.905,a\nرسم الحسن,,abc,35.9,a\n", encoding="utf-8")
    added, errors = import_analyst_places(src, path=overlay)
    assert added == 1 and len(errors) == 1 and "line 3" in errors[0]


def test_lookups_and_extraction_share_one_index_of_the_committed_gazetteer(overlay, monkeypatch):
    """The committed file is read once per process: ``default_gazetteer()`` (lookups, the unresolved page) is
    the index the store's extractor builds on (``layered.gazetteer_with``); a pin adds an overlay over it."""
    from eventmap.places import gazetteer as gz
    from eventmap.places.layered import gazetteer_with

    reads: list[object] = []
    real_load = Gazetteer.load.__func__

    def counting_load(cls, *a, **k):
        reads.append(a or k)
        return real_load(cls, *a, **k)

    monkeypatch.setattr(Gazetteer, "load", classmethod(counting_load))
    monkeypatch.setattr(gz, "_COMMITTED", {})
    monkeypatch.setenv("EVENTMAP_ANALYST_PLACES", str(overlay))
    gz.default_gazetteer.cache_clear()

    g = gz.default_gazetteer()
    assert g is gz.committed_gazetteer() and gazetteer_with(()) is g
    assert g.lookup("المهير").status == "unresolved"
    assert len(reads) == 1

    p = add_analyst_place(MUHAYR, path=overlay, gazetteer=g)
    pinned = gz.reload_default()
    assert pinned is not g and len(pinned) == len(g) + 1
    assert pinned.lookup("المهير").best.place.id == p.id
    assert g.lookup("المهير").status == "unresolved"      # the shared index is not changed by a pin
    store_side = gazetteer_with(load_analyst_places(overlay))
    assert store_side.lookup("المهير").best.place.id == p.id
    assert len(reads) == 1, reads                          # no pin read the committed file again


def test_threads_asking_at_once_read_the_committed_gazetteer_once(monkeypatch):
    from concurrent.futures import ThreadPoolExecutor

    from eventmap.places import gazetteer as gz

    reads: list[int] = []
    real_load = Gazetteer.load.__func__
    monkeypatch.setattr(Gazetteer, "load", classmethod(lambda cls, *a, **k: reads.append(1) or real_load(cls, *a, **k)))
    monkeypatch.setattr(gz, "_COMMITTED", {})
    with ThreadPoolExecutor(4) as pool:
        got = list(pool.map(lambda _: gz.committed_gazetteer(), range(4)))
    assert len(reads) == 1 and all(g is got[0] for g in got)
