"""Promise: a publication date is a sane date, and a bad date already stored never breaks a read.

- ``extract``, ``ingest`` (``--published`` or a JSONL ``published``) and the dashboard accept
  publication dates from 1990-01-01 to one year after today; outside it, one clear line.
- A store that already holds 0001-01-01 or 9999-12-31 (written by an older eventmap) still lists,
  exports and shows every event; the dashboard says which dates its timeline cannot draw.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hostile_helpers import ENAB_TAFAS, SANA_HARA, TOY, assert_one_clear_line

from eventmap.store import open_store
from eventmap.store.testing import make_event, make_report
from eventmap.ui import ingest_form

ABSURD = ["0001-01-01", "9999-12-31", "1899-12-31", (dt.date.today() + dt.timedelta(days=400)).isoformat()]


@pytest.mark.parametrize("published", ABSURD)
def test_extract_refuses_an_absurd_publication_date_in_one_line(tmp_path, cli, published):
    f = tmp_path / "r.txt"
    f.write_text(SANA_HARA, encoding="utf-8")
    code, out, err = cli("extract", f, "--published", published)
    assert_one_clear_line(err, code)
    assert "1990-01-01" in err and "outside the accepted range" in err and not out


def test_ingest_refuses_absurd_dates_and_keeps_the_good_lines(tmp_path, cli):
    f = tmp_path / "r.txt"
    f.write_text(SANA_HARA, encoding="utf-8")
    db = str(tmp_path / "s.gpkg")
    code, out, err = cli("ingest", f, "--published", "0001-01-01", "--db", db, "--extractor", TOY)
    assert_one_clear_line(err, code)
    assert "outside the accepted range" in err
    j = tmp_path / "wire.jsonl"
    j.write_text("\n".join(json.dumps({"text": t, "published": d}, ensure_ascii=False)
                           for t, d in ((SANA_HARA, "2018-07-20"), (ENAB_TAFAS, "9999-12-31"))), encoding="utf-8")
    code, out, err = cli("ingest", j, "--db", db, "--extractor", TOY)
    assert code == 1 and "new: 1" in out and "failed: 1" in out and f"{j}:2" in out and "9999-12-31" in out
    with open_store(db) as s:
        assert list(s.reports()["published"]) == ["2018-07-20"]


def test_the_dashboard_and_the_library_refuse_absurd_dates():
    from eventmap.events.reader import InputError, read_report

    plan = ingest_form.plan_reports([("pasted text", SANA_HARA), ("wire.txt", SANA_HARA.encode())], dt.date(1, 1, 1))
    assert not plan.reports and len(plan.errors) == 2                     # the ingest page's paste and upload
    assert all("outside the accepted range" in e for e in plan.errors), plan.errors
    with pytest.raises(InputError, match="outside the accepted range"):
        read_report(SANA_HARA, published=dt.date(9999, 12, 31))
    assert read_report(SANA_HARA, published="1990-01-01").published == "1990-01-01"


@pytest.fixture
def old_store(tmp_path) -> str:
    """A store an older eventmap filled: events dated 0001-01-01 and 9999-12-31 beside a normal one."""
    db = str(tmp_path / "old.gpkg")
    bakkar = "درعا-سانا: وشن الطيران الحربي غارات على البكار في ريف درعا."
    rafid = "القنيطرة-سانا: أعلنت وحدات من الجيش العربي السوري سيطرتها على الرفيد في ريف القنيطرة."
    reuters = "QUNEITRA (Reuters) - Syrian government forces regained control of Ar Rafid on Sunday."
    with open_store(db) as s:
        for text, day, name, trig, place in ((bakkar, "0001-01-01", "البكار", "غارات على", "bakkar"),
                                             (rafid, "9999-12-31", "الرفيد", "سيطرتها على", "rafid"),
                                             (reuters, "2018-07-22", "Ar Rafid", "regained control of", "rafid")):
            s.ingest(make_report(text, day), [make_event(text, day, name, trig, place)])
    return db


@pytest.mark.parametrize("fmt", ["csv", "json", "geojson"])
def test_events_lists_a_store_with_absurd_dates(old_store, cli, fmt):
    code, out, err = cli("events", "--format", fmt, "--db", old_store)
    assert code == 0, err
    assert "0001-01-01" in out and "9999-12-31" in out and "2018-07-22" in out


@pytest.mark.parametrize("fmt", ["html", "geojson", "csv", "gpkg", "kml"])
def test_export_writes_a_store_with_absurd_dates(old_store, cli, tmp_path, fmt):
    code, out, err = cli("export", "--format", fmt, "-o", tmp_path / f"brief.{fmt}", "--db", old_store)
    assert code == 0, err
    assert "3 events" in out


@pytest.mark.slow
def test_the_dashboard_opens_a_store_with_absurd_dates(old_store, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from eventmap.views.cli import app_path

    monkeypatch.setenv("EVENTMAP_DB", old_store)
    monkeypatch.chdir(app_path().parent)
    at = AppTest.from_file(str(app_path()), default_timeout=240)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    warnings = [w.value for w in at.warning]
    assert any("2 event(s) carry a date the timeline cannot show" in w for w in warnings), warnings
    count = next(m.value for m in at.markdown if "data-testid=\"em-count\"" in m.value)
    assert "2018-07-22" in count
