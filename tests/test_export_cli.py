"""``eventmap export`` against a real embedded store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from _views_exports_data import sample_events
from eventmap.cli import main
from eventmap.model import Report
from eventmap.store import content_hash, open_store


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("store") / "events.gpkg"
    store = open_store(str(path))
    try:
        for e in sample_events():
            text = e.notes
            store.ingest(Report(text=text, published=e.published, source=e.source, url=e.source_url,
                                language=e.language, report_id=content_hash(text)), [e])
    finally:
        store.close()
    return str(path)


def test_export_geojson_with_filters(db, tmp_path, capsys):
    out = tmp_path / "q.geojson"
    rc = main(["export", "--format", "geojson", "-o", str(out), "--db", db, "--admin1", "Quneitra",
               "--since", "2018-07-23", "--until", "2018-07-25", "--title", "Quneitra, late July"])
    assert rc == 0
    assert "wrote" in capsys.readouterr().out
    fc = json.loads(out.read_text(encoding="utf-8"))
    ids = sorted(f["properties"]["event_id"] for f in fc["features"])
    assert ids == ["ev-ghadir", "ev-rafid", "ev-sayda"]          # Quneitra, 23rd-25th (Nab` as Sakhr is the 22nd)
    md = fc["eventmap"]
    assert md["filters"] == {"admin1": ["Quneitra"]} and (md["since"], md["until"]) == ("2018-07-23", "2018-07-25")
    assert md["title"] == "Quneitra, late July" and md["count"] == 3


def test_export_type_filter_and_format_from_suffix(db, tmp_path):
    out = tmp_path / "battles.kml"
    assert main(["export", "-o", str(out), "--db", db, "--type", "Battles"]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.count("<Placemark") == 2 and "صيدا" in text and "غدير البستان" in text


def test_export_empty_selection_exit_2(db, tmp_path, capsys):
    out = tmp_path / "none.csv"
    rc = main(["export", "--format", "csv", "-o", str(out), "--db", db, "--since", "2019-01-01"])
    assert rc == 2
    err = capsys.readouterr().err
    assert "No events to export" in err and "2019-01-01" in err
    assert not out.exists()


def test_export_bad_arguments(db, tmp_path, capsys):
    assert main(["export", "-o", str(tmp_path / "x.unknown"), "--db", db]) == 2
    assert "cannot tell the format" in capsys.readouterr().err
    assert main(["export", "-o", str(tmp_path / "x.png"), "--db", db, "--size", "big"]) == 2
    assert "1600x1000" in capsys.readouterr().err


@pytest.mark.browser
@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="needs Debian's chromium")
def test_export_png_size(db, tmp_path):
    from PIL import Image

    out = tmp_path / "m.png"
    assert main(["export", "-o", str(out), "--db", db, "--size", "800x500", "--scale", "1.5"]) == 0
    assert Image.open(out).size == (1200, 750)
