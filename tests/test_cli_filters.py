"""The dashboard's filters on the command line (``eventmap events`` / ``eventmap export``), admin names in
any spelling the gazetteer knows, and small CLI defects (lookup duplicates, cut sub-types, missing folders)."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest
from _views_exports_data import sample_events

from eventmap.cli import main
from eventmap.model import Report
from eventmap.places.admin_names import admin_names, canonical_admin
from eventmap.store import content_hash, open_store
from eventmap.store.filter_args import FilterArgumentError, parse_bbox


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("store") / "events.gpkg"
    with open_store(str(path)) as store:
        for e in sample_events():
            store.ingest(Report(text=e.notes, published=e.published, source=e.source, url=e.source_url,
                                language=e.language, report_id=content_hash(e.notes)), [e])
    return str(path)


def events_csv(capsys, *args: str) -> pd.DataFrame:
    assert main(["events", "--format", "csv", *args]) == 0
    return pd.read_csv(io.StringIO(capsys.readouterr().out), keep_default_na=False)


@pytest.mark.parametrize("spelling", ["Daraa", "Deraa", "درعا", "Dar'a", "dar'a", "Daraa Governorate", "محافظة درعا"])
def test_daraa_governorate_in_usual_spellings(spelling):
    assert admin_names().canonical(spelling, 1) == ("Dar'a",)


@pytest.mark.parametrize("spelling", ["Quneitra", "Qunaitra", "القنيطرة", "Kuneitra", "Al-Qunaytirah"])
def test_quneitra_governorate_in_usual_spellings(spelling):
    assert admin_names().canonical(spelling, 1) == ("Quneitra",)


def test_district_and_sub_district_spellings_and_unknown_names():
    assert admin_names().canonical("Izra", 2) == ("Izra'",)
    assert admin_names().canonical("Fiq", 2) == ("Al Fiq",)          # OCHA's district is "Al Fiq"
    assert admin_names().canonical("نوى", 3) == ("Nawa",)
    names, unknown = canonical_admin(["Deraa", "Hauran", "القنيطرة"], 1)
    assert names == ("Dar'a", "Quneitra") and unknown == ["Hauran"]
    # a store spelling the gazetteer lacks still matches by the same key
    assert admin_names().canonical("Daraa", 1, known=["Dara"]) == ("Dara",)


def test_sidebar_label_finds_a_unit_by_its_other_spellings():
    lab = admin_names().label("As-Sweida", 1)
    assert lab.startswith("As-Sweida · السويداء") and "Suwayda" in lab


def test_events_admin1_any_spelling(db, capsys):
    want = events_csv(capsys, "--db", db, "--admin1", "Dar'a")
    assert list(want["event_id"]) == ["ev-hostile"]
    for s in ("Daraa", "Deraa", "درعا"):
        got = events_csv(capsys, "--db", db, "--admin1", s)
        assert list(got["event_id"]) == ["ev-hostile"], s
    q = events_csv(capsys, "--db", db, "--admin1", "Qunaitra")
    assert sorted(q["event_id"]) == ["ev-ghadir", "ev-nabaa", "ev-rafid", "ev-sayda"]
    assert set(events_csv(capsys, "--db", db, "--admin1", "القنيطرة")["event_id"]) == set(q["event_id"])


def test_events_sub_type_actor_resolution_bbox(db, capsys):
    assert list(events_csv(capsys, "--db", db, "--sub-type", "armed clash")["event_id"]) == ["ev-ghadir"]
    # part of an actor's name: every stored actor that contains it
    rebels = events_csv(capsys, "--db", db, "--actor", "Opposition Rebels")
    assert sorted(rebels["event_id"]) == ["ev-nabaa", "ev-sayda"]
    assert list(events_csv(capsys, "--db", db, "--resolution", "approximate")["event_id"]) == ["ev-ghadir"]
    # a box around Ar Rafid, Ghadir al Bustan and Sayda (south-west Quneitra); Nab` as Sakhr is north of it
    box = events_csv(capsys, "--db", db, "--bbox", "35.85,32.85,35.95,32.97")
    assert sorted(box["event_id"]) == ["ev-ghadir", "ev-hostile", "ev-rafid", "ev-sayda"]


def test_export_filters_and_their_metadata(db, tmp_path, capsys):
    out = tmp_path / "q.geojson"
    rc = main(["export", "-o", str(out), "--db", db, "--admin1", "Qunaitra", "--type", "Battles",
               "--resolution", "resolved", "--bbox", "35.8,32.8,36.0,33.0"])
    assert rc == 0
    err = capsys.readouterr().err
    assert "'Qunaitra' = Quneitra" in err                     # says what it understood
    fc = json.loads(out.read_text(encoding="utf-8"))
    assert [f["id"] for f in fc["features"]] == ["ev-sayda"]
    assert fc["eventmap"]["filters"] == {"event_types": ["Battles"], "admin1": ["Quneitra"],
                                         "resolutions": ["resolved"], "bbox": [35.8, 32.8, 36.0, 33.0]}


def test_export_unknown_governorate_says_what_to_type(db, tmp_path, capsys):
    rc = main(["export", "-o", str(tmp_path / "x.csv"), "--db", db, "--admin1", "Dar"])
    assert rc == 2
    err = capsys.readouterr().err
    assert "no governorate called 'Dar'" in err and "Dar'a" in err
    assert not (tmp_path / "x.csv").exists()


def test_export_to_a_missing_folder_is_refused(db, tmp_path, capsys):
    target = tmp_path / "missing" / "dir" / "x.png"
    assert main(["export", "-o", str(target), "--db", db]) == 2
    err = capsys.readouterr().err
    assert "does not exist" in err and "mkdir -p" in err
    assert not (tmp_path / "missing").exists()


@pytest.mark.parametrize("box, msg", [("35.6,32.5,36.4", "four numbers"), ("a,b,c,d", "four numbers"),
                                      ("35.6,33.3,36.4,32.5", "south"), ("200,32,201,33", "-180..180")])
def test_bad_bbox_messages(box, msg):
    with pytest.raises(FilterArgumentError, match=msg):
        parse_bbox(box)


def test_events_bad_filters_exit_2(db, capsys):
    assert main(["events", "--db", db, "--bbox", "1,2,3"]) == 2
    assert "west,south,east,north" in capsys.readouterr().err
    assert main(["events", "--db", db, "--since", "2018-07-25", "--until", "2018-07-01"]) == 2
    assert "after --until" in capsys.readouterr().err


def test_lookup_prints_the_qualifier_once(capsys):
    assert main(["gazetteer", "lookup", "تل الجابية"]) == 0
    out = capsys.readouterr().out
    assert out.count("qualifier: hill") == 1 and "Al Jabiyah" in out


def test_lookup_lists_each_suggestion_once(capsys):
    from eventmap.places.cli import _dedupe_nearest

    main(["gazetteer", "lookup", "Nawa hill", "--json"])
    d = json.loads(capsys.readouterr().out)
    ids = [c["id"] for c in d["suggestions"]]
    assert ids and len(ids) == len(set(ids))
    assert _dedupe_nearest("not in the gazetteer; nearest names: الطوايل (Aleppo), الطوايل (Aleppo), نوى (Dar'a)") \
        == "not in the gazetteer; nearest names: الطوايل (Aleppo), نوى (Dar'a)"


def test_extract_table_shows_long_sub_types_whole():
    from eventmap.events.cli import format_table
    from eventmap.store.testing import make_event

    text = ("Government forces regained control of Al Bakkar after opposition factions handed it over "
            "under a settlement, state media said.")
    e = make_event(text, "2018-07-28", "Al Bakkar", "regained control of", "bakkar")
    assert e.sub_event_type == "Non-violent transfer of territory"
    assert "Non-violent transfer of territory " in format_table([e])


def test_app_banner_says_where_the_store_is(tmp_path, monkeypatch):
    from eventmap.settings import store_location

    monkeypatch.delenv("EVENTMAP_DB", raising=False)
    monkeypatch.setenv("EVENTMAP_DATA_DIR", str(tmp_path))
    assert store_location() == f"{tmp_path / 'eventmap.gpkg'} (EVENTMAP_DATA_DIR)"
    monkeypatch.setenv("EVENTMAP_DB", "postgresql://analyst:s3cret@db.example.org/eventmap")
    assert store_location() == "postgresql://analyst:***@db.example.org/eventmap (EVENTMAP_DB)"


def test_url_governorate_in_any_spelling_opens_the_same_view():
    from eventmap.ui import state as vs

    facets = {"admin1": ["Dar'a", "Quneitra"], "admin2": ["Izra'", "Quneitra"]}
    for q in ("Daraa", "Deraa", "درعا", "Dar'a"):
        s = vs.with_stored_admin_names(vs.decode({"admin1": [q, "Qunaitra"], "admin2": "Izra"}), facets).filter
        assert s.admin1 == ("Dar'a", "Quneitra") and s.admin2 == ("Izra'",), q
        # a link shared before the keys were the filter's field names: the same view
        old = vs.with_stored_admin_names(vs.decode({"gov": [q, "Qunaitra"], "dist": "Izra"}), facets).filter
        assert old == s, q
    # a name nobody knows stays as typed (the sidebar then drops it: it matches no option)
    assert vs.with_stored_admin_names(vs.decode({"admin1": "Narnia"}), facets).filter.admin1 == ("Narnia",)
