"""The analyst's commands on the sample report: ``eventmap places unresolved|pin|undo|dismiss|export|import``
and ``eventmap correct``; every change keeps author, time and reason, and survives ``eventmap reprocess``."""

from __future__ import annotations

import json

import pytest

from eventmap.cli import main
from eventmap.settings import sample_dir
from eventmap.store import EventFilter, open_store

SAMPLE = str(sample_dir() / "2018-07-25_southern-front.txt")


@pytest.fixture
def db(tmp_path, monkeypatch):
    path = str(tmp_path / "events.gpkg")
    monkeypatch.setenv("EVENTMAP_AUTHOR", "Lina (test)")
    assert main(["ingest", SAMPLE, "--published", "2018-07-25", "--db", path]) == 0
    return path


def run(capsys, *argv) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def events_named(db, name):
    with open_store(db) as s:
        df = s.query(EventFilter(include_hidden=True))
    return df[df["location"] == name]


def test_the_queue_lists_the_samples_approximate_villages(db, capsys):
    code, out, _ = run(capsys, "places", "unresolved", "--db", db)
    assert code == 0
    for name in ("المهير", "رسم الحسن", "الحيران الشمالي", "أبو الخشان"):
        assert f"{name}\tapproximate\t1 event(s) in 1 report(s)\tQuneitra\n" in out
    assert "now: approximate: not located; estimated from the centre of الرفيد" in out
    assert "«" in out  # the report's sentence
    code, out, _ = run(capsys, "places", "unresolved", "--db", db, "--json")
    q = json.loads(out)
    assert len(q) >= 14 and all(r["status"] in ("unresolved", "ambiguous", "approximate") for r in q)
    assert {r["name"] for r in q if r["status"] == "approximate"} >= {"المهير", "البصة", "أبو تينة"}


def test_readme_pin_re_resolves_the_stored_event_at_once_and_undo_restores_it(db, capsys):
    code, out, _ = run(capsys, "places", "pin", "المهير", "--lat", "32.94", "--lon", "35.905", "--db", db,
                       "--reason", "local source", "--name-en", "al-Muhayr")
    assert code == 0, out
    assert "re-resolved 1 stored event(s)" in out and "Al-Khashniyyeh sub-district" in out
    batch = out.split("undo: eventmap places undo ")[1].split()[0]
    ev = events_named(db, "المهير").iloc[0]
    assert (ev["latitude"], ev["longitude"], ev["resolution"]) == (32.94, 35.905, "resolved")
    code, out, _ = run(capsys, "events", "--db", db, "--format", "json", "--text", "المهير")
    assert [(e["latitude"], e["longitude"]) for e in json.loads(out) if e["location"] == "المهير"] == [(32.94, 35.905)]
    code, out, _ = run(capsys, "places", "list", "--db", db)
    assert "المهير / al-Muhayr" in out and "Lina (test)" in out
    code, out, _ = run(capsys, "places", "unresolved", "--db", db)
    assert "المهير\t" not in out
    assert run(capsys, "places", "undo", batch, "--db", db)[0] == 0
    assert events_named(db, "المهير").iloc[0]["resolution"] == "approximate"
    code, _, err = run(capsys, "places", "undo", batch, "--db", db)
    assert code == 2 and "nothing to undo" in err
    code, _, err = run(capsys, "places", "pin", "المهير", "--lat", "35.905", "--lon", "32.94", "--db", db)
    assert code == 2 and "swap" in err


def test_correct_type_then_not_an_event_then_undo_survives_reprocess(db, capsys):
    eid = events_named(db, "الرفيد").iloc[0]["event_id"]
    code, out, err = run(capsys, "correct", eid, "--type", "Strategic developments", "--sub-type",
                         "Non-violent transfer of territory", "--reason", "handed over, no fighting", "--db", db)
    assert code == 0, err
    assert "Strategic developments" in out and "by Lina (test): set_type" in out
    code, out, _ = run(capsys, "correct", eid, "--not-an-event", "--reason", "the same takeover as Enab's", "--db", db)
    assert code == 0 and "[false_positive]" in out
    with open_store(db) as s:
        assert eid not in set(s.query(EventFilter())["event_id"])
    code, out, _ = run(capsys, "correct", eid, "--undo", "--db", db)
    assert code == 0 and "[ok]" in out and "undid false_positive" in out
    assert run(capsys, "reprocess", "--db", db)[0] == 0
    code, out, _ = run(capsys, "correct", eid, "--history", "--db", db)
    assert "Strategic developments" in out and "[ok]" in out
    assert "set_type       active" in out and "false_positive undone by Lina (test)" in out
    assert "handed over, no fighting" in out


def test_correct_refuses_what_it_cannot_do(db, capsys):
    eid = events_named(db, "الرفيد").iloc[0]["event_id"]
    assert "say why with --reason" in run(capsys, "correct", eid, "--type", "Battles", "--db", db)[2]
    assert "nothing to correct" in run(capsys, "correct", eid, "--reason", "x", "--db", db)[2]
    assert "no event" in run(capsys, "correct", "nope", "--type", "Battles", "--reason", "x", "--db", db)[2]
    assert "--lat and --lon" in run(capsys, "correct", eid, "--lat", "32.9", "--reason", "x", "--db", db)[2]
    assert "ISO date" in run(capsys, "correct", eid, "--date", "25/07/2018", "--reason", "x", "--db", db)[2]
    assert "no correction to undo" in run(capsys, "correct", eid, "--undo", "--db", db)[2]


def test_correct_repin_date_actors_and_merge(db, capsys):
    a = events_named(db, "المهير").iloc[0]["event_id"]
    b = events_named(db, "الرفيد").iloc[0]["event_id"]
    code, _, err = run(capsys, "correct", a, "--lat", "32.94", "--lon", "35.905", "--date", "2018-07-24",
                         "--actor2", "Southern Front", "--reason", "the field commander's account", "--db", db)
    assert code == 0, err
    with open_store(db) as s:
        e = s.get_event(a)
    assert (e.latitude, e.longitude, e.event_date, e.actor2, e.admin3) == \
        (32.94, 35.905, "2018-07-24", "Southern Front", "Al-Khashniyyeh")
    assert run(capsys, "correct", a, "--merge", b, "--reason", "same clash", "--db", db)[0] == 0
    with open_store(db) as s:
        assert s.event_status(a) == "merged"


def test_dismiss_export_import(db, capsys, tmp_path):
    assert run(capsys, "places", "dismiss", "البصة", "--reason", "test of the dismissal", "--db", db)[0] == 0
    assert "البصة\t" not in run(capsys, "places", "unresolved", "--db", db)[1]
    assert "البصة\tby Lina (test)" in run(capsys, "places", "dismissed", "--db", db)[1]
    run(capsys, "places", "pin", "رسم الحسن", "--lat", "32.925", "--lon", "35.91", "--db", db)
    out = tmp_path / "ours.csv"
    assert run(capsys, "places", "export", "-o", out, "--db", db)[1].startswith("wrote 1 analyst places")
    other = str(tmp_path / "theirs.gpkg")
    main(["ingest", SAMPLE, "--published", "2018-07-25", "--db", other])
    code, text, _ = run(capsys, "places", "import", out, "--db", other)
    assert code == 0 and "re-resolved 1 stored event(s)" in text
    assert "pin" in run(capsys, "places", "history", "--db", other)[1]
