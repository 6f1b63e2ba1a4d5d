"""`eventmap ingest | events | reprocess | import` and `places unresolved | pin` end to end on real files.

The extractor is ``eventmap.store.testing:toy_extract`` (same signature as the real one) so these
tests pin the store's behaviour, not the extractor's.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from eventmap.cli import main
from eventmap.pipeline import Progress, date_from_name, ensure_sample, iter_reports
from eventmap.store import open_store
from eventmap.store.testing import NOT_IN_TOY, RAFID_AR, RAFID_EN, backend_url, toy_extract

TOY = "eventmap.store.testing:toy_extract"
DATA = Path(__file__).parent / "data"
BACKENDS = ["sqlite", pytest.param("postgis", marks=pytest.mark.postgis)]

HTML = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Syrian forces retake Ar Rafid</title>
<script>alert('x')</script></head><body><nav>Home | World | Middle East</nav>
<article><h1>Syrian forces retake Ar Rafid</h1><p>{body}</p>
<p>The offensive in the south-west began in June and has displaced tens of thousands of people toward the
Jordanian and Golan frontiers, according to United Nations figures released this week.</p></article>
<footer>Reporting by the Beirut bureau</footer></body></html>"""


@pytest.fixture(params=BACKENDS)
def db(request, env):
    with backend_url(request.param, env) as u:
        yield u


@pytest.fixture
def corpus(env) -> Path:
    d = env / "reports"
    (d / "reuters").mkdir(parents=True)
    (d / "2018-07-26_sana-rafid.txt").write_text(RAFID_AR, encoding="utf-8")
    (d / "reuters" / "2018-07-26_rafid.html").write_text(HTML.format(body=RAFID_EN), encoding="utf-8")
    lines = [
        json.dumps({"text": "Opposition sources said Russian jets carried out air strikes on Sayda again overnight.",
                    "published": "2018-07-27", "url": "https://www.enabbaladi.net/archives/245000",
                    "title": "Strikes on Sayda", "source": "Enab Baladi"}, ensure_ascii=False),
        '{"text": "broken line, no closing brace"',
        json.dumps({"text": "وشن الطيران الحربي غارات على المهير.", "url": "https://example.org/x"},
                   ensure_ascii=False),
        json.dumps({"text": "درعا - سانا: وشن الطيران الحربي غارات على أم اللوقس في ريف القنيطرة.",
                    "published": "2018-07-25", "source": "SANA"}, ensure_ascii=False),
        "",
    ]
    (d / "batch.jsonl").write_text("\n".join(lines), encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "scan.txt").write_bytes(b"%PDF-1.4\x00\x01\x02binary")
    (d / "notes.docx").write_bytes(b"PK\x03\x04 not a report")  # not a report type: folders skip it
    return d


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_ingest_batch_summary_and_rerun(db, corpus, capsys):
    code, out, err = run(capsys, "ingest", str(corpus), str(corpus / "missing.txt"), "--db", db, "--extractor", TOY)
    assert code == 1 and "5 of 9 reports failed" in err  # the good ones are stored, the exit code still says it
    assert "new: 4" in out and "duplicate: 0" in out and "failed: 5" in out
    assert "events: 6" in out
    for reason in ("empty", "NUL", "invalid JSON", "published", "missing.txt"):
        assert reason in out, reason
    assert "batch.jsonl:2" in out and "batch.jsonl:3" in out
    assert "unresolved names: 1" in out and "أم اللوقس" in out
    code, out, _ = run(capsys, "ingest", str(corpus), "--db", db, "--extractor", TOY)
    assert code == 1 and "new: 0" in out and "duplicate: 4" in out  # the same 4 bad inputs fail again
    with open_store(db) as s:
        reps = s.reports().set_index("source")
        assert reps.loc["Enab Baladi", "published"] == "2018-07-27"
        html = s.reports()[s.reports()["title"].str.contains("Ar Rafid")]
        assert len(html) == 1  # the HTML page: title kept, script and navigation dropped
        rep = s.get_report(html.iloc[0]["report_id"])
        assert "alert" not in rep.text and "Home | World" not in rep.text and "regained control" in rep.text


def test_ingest_with_published_source_url_flags(db, env, capsys):
    f = env / "rafid.txt"  # no date in the name: --published is needed
    f.write_text(RAFID_AR, encoding="utf-8")
    code, out, _ = run(capsys, "ingest", str(f), "--db", db, "--extractor", TOY)
    assert code == 1 and "failed: 1" in out and "--published" in out
    code, out, _ = run(capsys, "ingest", str(f), "--published", "2018-07-26", "--source", "SANA",
                       "--url", "https://sana.sy/?p=793112", "--db", db, "--extractor", TOY)
    assert code == 0 and "new: 1" in out
    with open_store(db) as s:
        r = s.reports().iloc[0]
        assert (r["published"], r["source"], r["url"]) == ("2018-07-26", "SANA", "https://sana.sy/?p=793112")
        assert set(s.query()["source_url"]) == {"https://sana.sy/?p=793112"}
    code, _, err = run(capsys, "ingest", str(f), "--published", "26/07/2018", "--db", db, "--extractor", TOY)
    assert code == 2 and "ISO date" in err


def _ingest_by_outlet(capsys, corpus, db):
    run(capsys, "ingest", str(corpus / "2018-07-26_sana-rafid.txt"), "--source", "SANA", "--db", db, "--extractor", TOY)
    run(capsys, "ingest", str(corpus / "reuters"), "--source", "Reuters", "--db", db, "--extractor", TOY)
    run(capsys, "ingest", str(corpus / "batch.jsonl"), "--db", db, "--extractor", TOY)


def test_events_formats_and_filters(db, corpus, capsys):
    _ingest_by_outlet(capsys, corpus, db)
    code, out, _ = run(capsys, "events", "--format", "json", "--db", db)
    rows = json.loads(out)
    # Rafid told by SANA and Reuters is one row; Sayda also by Enab Baladi a day later; Umm al Luqas unresolved
    assert code == 0 and len(rows) == 3
    rafid = next(r for r in rows if r["place_id"] == "wof:1293106469")
    assert rafid["number_of_sources"] == 2 and rafid["sources"] == "SANA; Reuters"
    sayda = next(r for r in rows if r["place_id"] == "wof:1276450189")
    assert sayda["number_of_sources"] == 3 and sayda["sources"] == "SANA; Reuters; Enab Baladi"
    code, out, _ = run(capsys, "events", "--format", "geojson", "--db", db)
    gj = json.loads(out)
    assert gj["type"] == "FeatureCollection"
    assert len(gj["features"]) == 2  # the unresolved event has no point, and none is made up
    assert [35.9002, 32.9557] in [f["geometry"]["coordinates"] for f in gj["features"]]
    code, out, _ = run(capsys, "events", "--format", "csv", "--since", "2018-07-26", "--until", "2018-07-26",
                       "--type", "Strategic developments", "--admin1", "Quneitra", "--db", db)
    recs = list(csv.DictReader(io.StringIO(out)))
    assert [r["location"] for r in recs] == ["الرفيد"]
    code, _, err = run(capsys, "events", "--since", "yesterday", "--db", db)
    assert code == 2 and "ISO date" in err


def test_places_unresolved_then_pin_then_reprocess(db, corpus, capsys):
    _ingest_by_outlet(capsys, corpus, db)
    code, out, _ = run(capsys, "places", "unresolved", "--db", db)
    # name, status, count, example sentence, and the gazetteer's suggestion (the toy extractor does not know it)
    assert code == 0 and "أم اللوقس\tunresolved\t1 event(s)" in out and "ريف القنيطرة" in out
    assert "suggestion: أم اللوقس · Umm al Luqas (Quneitra)" in out
    pid, name_en, lat, lon = NOT_IN_TOY["أم اللوقس"]  # Who's On First coordinates of Umm al Luqas
    code, out, err = run(capsys, "places", "pin", "أم اللوقس", "--lat", str(lat), "--lon", str(lon),
                         "--name-en", name_en, "--admin1", "Quneitra", "--author", "lina", "--note", pid, "--db", db)
    assert code == 0, err
    assert "re-resolved 1 stored event" in out
    code, out, _ = run(capsys, "places", "unresolved", "--json", "--db", db)
    assert json.loads(out) == []
    code, out, _ = run(capsys, "events", "--format", "json", "--db", db)
    luqas = next(r for r in json.loads(out) if r["location"] == "أم اللوقس")
    assert (luqas["latitude"], luqas["longitude"], luqas["resolution"], luqas["corrected"]) == (lat, lon, "resolved", True)
    # the store keeps the place (not a per-user file), and hands it to the extractor next time
    with open_store(db) as s:
        assert list(s.analyst_places()["name"]) == ["أم اللوقس"]
        assert s.extractor().places[0].lat == lat
    assert not (corpus.parent / "data" / "analyst_places.csv").exists()
    # the same extractor again keeps the pin; a newer one that drops the mention lists it as stale
    code, out, _ = run(capsys, "reprocess", "--db", db, "--extractor", TOY)
    assert code == 0 and "corrections kept: 1" in out and "no longer apply: 0" in out
    code, out, _ = run(capsys, "reprocess", "--db", db, "--extractor", "eventmap.store.testing:toy_extract_v2")
    assert code == 0 and "corrections kept: 0" in out and "no longer apply: 1" in out
    assert "stale #" in out and "repin_place by lina" in out and "أم اللوقس" in out


def test_pin_refuses_swapped_coordinates(db, corpus, capsys):
    run(capsys, "ingest", str(corpus), "--db", db, "--extractor", TOY)
    code, out, err = run(capsys, "places", "pin", "أم اللوقس", "--lat", "35.88285", "--lon", "32.90551", "--db", db)
    assert code == 2 and "swap" in err
    with open_store(db) as s:
        assert len(s.analyst_places()) == 0


def test_import_reference_cli(db, capsys):
    code, out, _ = run(capsys, "import", "acled", str(DATA / "acled_sample.csv"), "--db", db)
    assert code == 0 and "imported 5 ACLED rows" in out
    code, out, _ = run(capsys, "import", "ucdp", str(DATA / "ucdp_sample.csv"), "--db", db)
    assert code == 0 and "imported 3 UCDP rows" in out
    code, _, err = run(capsys, "import", "ucdp", str(DATA / "acled_sample.csv"), "--db", db)
    assert code == 2 and "type_of_violence" in err


def test_sample_report_seeds_an_empty_store(env, monkeypatch, capsys):
    db = str(env / "seed.gpkg")
    with open_store(db) as s:
        from eventmap.pipeline import ingest_sample
        assert ingest_sample(s, extract_fn=toy_extract) is True
        assert ingest_sample(s, extract_fn=toy_extract) is False
        r = s.reports().iloc[0]
        assert (r["published"], r["source"]) == ("2018-07-25", "Al-Binaa (sample)")
    # the CLI's first run on an empty embedded store does the same (extractor swapped for the toy one)
    import eventmap.pipeline.run as run_mod
    monkeypatch.setattr(run_mod, "default_extractor", lambda: toy_extract)
    db2 = str(env / "first-run.gpkg")
    code, out, err = run(capsys, "events", "--format", "json", "--db", db2)
    assert code == 0 and "sample report" in err
    with open_store(db2) as s:
        assert ensure_sample(s) is False and len(s.reports()) == 1
    code, out, err = run(capsys, "events", "--format", "json", "--no-sample", "--db", str(env / "third.gpkg"))
    assert json.loads(out) == [] and "sample" not in err


def test_reading_helpers(env):
    assert date_from_name(Path("2018-07-25_southern-front.txt")) == "2018-07-25"
    assert date_from_name(Path("sana_20180726.html")) == "2018-07-26"
    assert date_from_name(Path("report-2018-13-45.txt")) is None
    assert date_from_name(Path("rafid.txt")) is None
    f = env / "cp1256.txt"
    f.write_bytes("وشن الطيران الحربي غارات على صيدا".encode("cp1256"))
    [(label, rep)] = list(iter_reports([f], published="2018-07-26"))
    assert rep.text == "وشن الطيران الحربي غارات على صيدا" and rep.language == "ar"  # Windows-1256 decoded


def test_progress_bar_on_long_batches():
    buf = io.StringIO()
    bar = Progress(3, stream=buf, force=True)
    for i in range(1, 4):
        bar.update(i, f"report-{i}.txt")
    bar.close()
    text = buf.getvalue()
    assert "3/3" in text and "[" + "#" * 30 + "]" in text and text.endswith("\n")
    quiet = io.StringIO()
    Progress(3, stream=quiet).update(1)  # not a terminal, not forced: silent
    assert quiet.getvalue() == ""
