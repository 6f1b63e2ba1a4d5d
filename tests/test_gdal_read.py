"""The default view's rows read into Arrow by GDAL (``store.gdal_read``, for the dashboard's helper processes):
the same frame as ``EventStore.query``, to the dtype and the last value, on stores with corroborated reports,
corrections, merges, dismissed events, unplaced events and hostile text."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest
from _views_exports_data import sample_events

from eventmap.model import Report
from eventmap.store import Correction, EventFilter, open_store
from eventmap.store.gdal_read import read_table
from eventmap.store.testing import make_event, make_report, rafid_report_ar

DAYS = ("2018-07-20", "2018-07-21", "2018-07-25")


def _via_gdal(path: str, f: EventFilter) -> pd.DataFrame:
    with open_store(path) as s:
        sql, params, names = s.query_sql(f)
    assert params == []
    table = read_table(path, sql, names)          # no connection of ours open on the file meanwhile
    with open_store(path) as s:
        return s.query_from_table(f, table)


def _query(path: str, f: EventFilter) -> pd.DataFrame:
    with open_store(path) as s:
        return s.query(f)


def _told_thrice(store, title: str) -> list:
    """The hostile sample events stored as told by three reports (``title`` with ``{k}``, the report's number) on the
    three ``DAYS``, from two outlets; the sample events, as they were before their ids took the report's number."""
    base = sample_events(hostile=True)
    for k, day in enumerate(DAYS):
        rep = Report(text=title.format(k=k), published=day, source=f"Outlet {k % 2}")
        store.ingest(rep, [replace(e, event_id=f"{e.event_id}-{k}", event_date=day, report_id="") for e in base])
    return base


@pytest.fixture
def busy_store(tmp_path):
    """Hostile sample events told by three reports on three days (corroborated within a day), SANA's and
    Al-Watan's reports of one strike merged by an analyst, a false positive, corrected types, dates and points,
    and a name no gazetteer placed."""
    path = str(tmp_path / "busy.gpkg")
    with open_store(path) as s:
        _told_thrice(s, "نشرة ميدانية رقم {k} من ريف القنيطرة")
        ar, ar_evs = rafid_report_ar()
        s.ingest(ar, ar_evs)
        text = "درعا - مراسلنا: تجدد القصف صباح اليوم. وشن الطيران الحربي غارات على صيدا الجولان."
        other = make_report(text, "2018-07-26", source="Al-Watan")
        dup = make_event(text, "2018-07-26", "صيدا الجولان", "غارات على", None, source="Al-Watan")
        s.ingest(other, [dup])
        s.add_correction(Correction("merge", dup.event_id, author="omar", reason="same strike",
                                    into_event_id=ar_evs[1].event_id))
        s.add_correction(Correction("false_positive", ar_evs[0].event_id, author="omar", reason="an announcement"))
        s.add_correction(Correction("set_type", "ev-sayda-1", author="lina", event_type="Battles",
                                    sub_event_type="Armed clash"))
        s.add_correction(Correction("set_date", "ev-rafid-2", author="lina", event_date="2018-07-24"))
        s.add_correction(Correction("repin_coords", "ev-nodate-0", author="lina", lat=32.87622, lon=35.87609))
    return path


@pytest.mark.parametrize("f", [EventFilter(), EventFilter(include_hidden=True), EventFilter(limit=7)],
                         ids=["default", "hidden", "limit"])
def test_gdal_rows_make_the_same_frame(busy_store, f):
    want = _query(busy_store, f)
    if f.limit is None:   # what the store holds: each kind of row is compared
        assert (want["number_of_sources"] > 1).any() and want["corrected"].any() and want["latitude"].isna().any()
        assert want["sources"].str.contains("<script", regex=False).any()
    assert len(want) > 0
    pd.testing.assert_frame_equal(_via_gdal(busy_store, f), want)


@pytest.fixture
def told_thrice(tmp_path):
    """The hostile sample events told by three reports on three days, a correction and a dismissal, no merge."""
    path = str(tmp_path / "told.gpkg")
    with open_store(path) as s:
        base = _told_thrice(s, "موجز ميداني {k} من ريف درعا الغربي")
        s.add_correction(Correction("false_positive", f"{base[0].event_id}-1", author="omar", reason="a rumour"))
        s.add_correction(Correction("set_type", f"{base[1].event_id}-0", author="lina", event_type="Battles",
                                    sub_event_type="Armed clash"))
    return path


@pytest.mark.parametrize("which", ["told_thrice", "busy_store"])
@pytest.mark.parametrize("f", [EventFilter(), EventFilter(include_hidden=True), EventFilter(limit=7)],
                         ids=["default", "hidden", "limit"])
def test_the_columnar_corroboration_makes_the_same_frame(request, monkeypatch, which, f):
    """With its threshold at one row, ``query_from_table`` sets apart in Arrow the rows no other comes near (no
    merge in ``told_thrice``), or passes every row on as rows (``busy_store``'s merge): the page's frame either way."""
    import eventmap.store.base as base_mod

    path = request.getfixturevalue(which)
    want = _query(path, f)
    assert (want["number_of_sources"] > 1).any() and (want["number_of_sources"] == 1).any()
    monkeypatch.setattr(base_mod, "SMALL", 1)
    pd.testing.assert_frame_equal(_via_gdal(path, f), want)


def test_a_column_with_no_value_stays_a_column_of_none(tmp_path):
    """No event has a place id (every name unresolved): from rows that column is ``None`` objects, and so it is
    from GDAL's string column of nulls."""
    path = str(tmp_path / "unplaced.gpkg")
    with open_store(path) as s:
        for day in DAYS:
            text = f"{day}: تجددت اشتباكات في بلدة لم يحددها المراسل"
            s.ingest(make_report(text, day), [make_event(text, day, "بلدة", "اشتباكات في", None)])
        want = s.query(EventFilter())
    assert want["place_id"].isna().all() and len(want) == 3
    pd.testing.assert_frame_equal(_via_gdal(path, EventFilter()), want)


def test_an_empty_view_is_the_empty_frame(tmp_path):
    path = str(tmp_path / "empty.gpkg")
    with open_store(path) as s:
        s.ingest(make_report("تقرير بلا أحداث", "2018-07-25"), [])
    pd.testing.assert_frame_equal(_via_gdal(path, EventFilter()), _query(path, EventFilter()))


def test_a_missing_column_is_an_error_not_a_wrong_frame(busy_store):
    with open_store(busy_store) as s:
        sql, _, names = s.query_sql(EventFilter())
    with pytest.raises(ValueError, match="no_such_column"):
        read_table(busy_store, sql, [*names, "no_such_column"])


def test_gdal_rows_make_the_same_control_model(busy_store):
    from eventmap.control.model import COLUMNS, CONTROL_SUB_TYPES, control_from_store, control_from_table

    with open_store(busy_store) as s:
        sql, params = s.control_sql(COLUMNS, CONTROL_SUB_TYPES, inline=True)
        assert params == [] and s.control_sql(COLUMNS, CONTROL_SUB_TYPES)[1] == list(CONTROL_SUB_TYPES)
        want = control_from_store(s)
    got = control_from_table(read_table(busy_store, sql, COLUMNS))
    assert len(want) and got == want


def test_values_written_into_sql_are_quoted_or_refused():
    from eventmap.store.base import sql_literal

    assert sql_literal("Government regains territory") == "'Government regains territory'"
    assert sql_literal("Dar'a'); DROP TABLE events; --") == "'Dar''a''); DROP TABLE events; --'"
    with pytest.raises(ValueError):
        sql_literal("a\x00b")
    with pytest.raises(ValueError):
        sql_literal(5)  # type: ignore[arg-type]
