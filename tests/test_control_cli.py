"""``eventmap control``: who holds each place on a day, as a table, CSV or GeoJSON, with the basis."""

from __future__ import annotations

import csv
import io
import json

import pytest

from eventmap.cli import main
from eventmap.events.extract import extract_events
from eventmap.pipeline import ensure_sample
from eventmap.store import open_store
from eventmap.store.testing import make_report

#: our own sentence: a week after the seed report, the army pulls out of one village
ARMY_LEAVES_BAKKAR = ("أفاد ناشطون من ريف درعا الغربي أن قوات النظام انسحبت من قرية البكار مساء الأربعاء "
                      "وسلّمت نقاطها لعناصر من الفصائل.")


@pytest.fixture()
def db(tmp_path):
    path = str(tmp_path / "cli.gpkg")
    with open_store(path) as store:
        ensure_sample(store)
        rep = make_report(ARMY_LEAVES_BAKKAR, "2018-08-02", source="Horan Free League", url="https://example.org/b")
        store.ingest(rep, extract_events(rep.text, rep.published, source=rep.source, url=rep.url))
    return path


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["control", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_csv_gives_the_holder_and_its_basis_per_place(db, capsys):
    code, out, _ = _run(capsys, "--date", "2018-07-26", "--format", "csv", "--db", db)
    assert code == 0
    rows = {r["location"]: r for r in csv.DictReader(io.StringIO(out))}
    assert len(rows) == 22
    jab = rows["تل الجابية"]
    assert (jab["holder"], jab["since"], jab["taken_from"]) == ("government", "2018-07-25", "nusra")
    assert jab["event_ids"] and jab["report_ids"] and "جبهة النصرة" in jab["evidence"]
    assert "settlement" in rows["غدير البستان"]["how"].split("; ")
    code, out, _ = _run(capsys, "--date", "2018-07-24", "--format", "csv", "--db", db)
    assert {r["holder"] for r in csv.DictReader(io.StringIO(out))} == {"unknown"}


def test_geojson_points_carry_the_holder_and_the_reports(db, capsys):
    code, out, _ = _run(capsys, "--date", "2018-08-02", "--format", "geojson", "--db", db)
    assert code == 0
    fc = json.loads(out)
    assert fc["control_date"] == "2018-08-02" and fc["holders"]["nusra"] == "Jabhat al-Nusra / HTS"
    by_name = {f["properties"]["location"]: f for f in fc["features"]}
    bakkar = by_name["البكار"]
    assert bakkar["geometry"]["type"] == "Point"
    lon, lat = bakkar["geometry"]["coordinates"]
    assert 32.8 < lat < 33.0 and 35.8 < lon < 36.0
    props = bakkar["properties"]
    assert props["since"] == "2018-08-01" and props["previous"] == "government"
    assert props["urls"] == ["https://example.org/b"] and props["sources"] == ["Horan Free League"]
    # a village the seed names but no dataset holds is still listed, with no made-up point
    assert all(f["geometry"] is None or f["properties"]["resolution"] for f in fc["features"])


def test_since_lists_what_changed_hands_and_holder_filters(db, capsys):
    code, out, _ = _run(capsys, "--since", "2018-07-26", "--date", "2018-08-10", "--format", "csv", "--db", db)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and [(r["date"], r["location"], r["previous"]) for r in rows] == [
        ("2018-08-01", "البكار", "government")]
    code, out, _ = _run(capsys, "--date", "2018-08-10", "--holder", "government", "--db", db)
    assert code == 0 and out.endswith("21 place(s)\n")
    code, out, _ = _run(capsys, "--date", "2018-08-10", "--holder", "opposition", "--format", "csv", "--db", db)
    assert [r["name_en"] for r in csv.DictReader(io.StringIO(out))] == ["Al Bakkar"]
    code, _, err = _run(capsys, "--date", "2018-08-10", "--holder", "rebels", "--db", db)
    assert code == 2 and "unknown holder 'rebels'" in err


def test_bad_dates_are_one_clear_line(db, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["control", "--date", "2018-02-30", "--db", db])
    assert exc.value.code == 2 and "not a date" in capsys.readouterr().err
    code, _, err = _run(capsys, "--since", "2018-09-01", "--date", "2018-08-01", "--db", db)
    assert code == 2 and "is after" in err
