"""The store's frame is built column by column (``frame.frame_from_rows``, issue 15): it must be the frame the plain
construction makes (``pd.DataFrame(rows)`` with the extra columns set), to the dtype, on any rows a driver gives."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventmap import frame as fr
from eventmap.store import Correction, EventFilter, open_store
from eventmap.store import base as store_base
from eventmap.store.testing import synthetic_batch

_TEXT = st.one_of(st.text(max_size=6), st.sampled_from(["", " ", "دير الحجر", "Dar'a", "nan", "None", "1", "\x00"]))
_NUMBER = st.one_of(st.integers(-(2 ** 70), 2 ** 70), st.floats(allow_nan=True, allow_infinity=True), st.booleans())
_COLUMN_KINDS = {
    "text": st.one_of(st.none(), _TEXT),
    "text, no None": _TEXT,
    "int": st.one_of(st.none(), st.integers(-5, 10 ** 6)),
    "float": st.one_of(st.none(), st.floats(allow_nan=True)),
    "number": st.one_of(st.none(), st.integers(-(2 ** 64), 2 ** 64), st.floats(allow_nan=True), st.booleans(),
                        st.integers(-3, 3).map(float)),  # 2.0 after an int: Arrow would take it as an int
    "none": st.none(),
    "anything": st.one_of(st.none(), _TEXT, _NUMBER, st.binary(max_size=3)),
}


def assert_same(fast: pd.DataFrame, ref: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(fast, ref, check_exact=True)
    assert [repr(d) for d in fast.dtypes] == [repr(d) for d in ref.dtypes]
    assert list(fast.columns) == list(ref.columns)
    assert fast.index.equals(ref.index) and type(fast.index) is type(ref.index)


@st.composite
def _rows(draw):
    kinds = draw(st.lists(st.sampled_from(sorted(_COLUMN_KINDS)), min_size=1, max_size=6))
    n = draw(st.integers(1, 12))
    cols = [draw(st.lists(_COLUMN_KINDS[k], min_size=n, max_size=n)) for k in kinds]
    names = [f"c{j}" for j in range(len(kinds))]
    rows = list(zip(*cols))
    keep = draw(st.permutations(names))[: draw(st.integers(1, len(names)))]
    extra = {"x_text": draw(st.lists(_COLUMN_KINDS["text"], min_size=n, max_size=n)),
             "x_int": draw(st.lists(st.integers(1, 9), min_size=n, max_size=n))}
    columns = list(keep) + draw(st.permutations(list(extra)))
    return rows, names, columns, extra


@settings(max_examples=400, deadline=None)
@given(case=_rows())
def test_the_frame_is_the_plain_constructions(case):
    rows, names, columns, extra = case
    assert_same(fr.frame_from_rows(rows, names, columns, extra), fr.reference_frame(rows, names, columns, extra))


def _event_like_rows() -> tuple[list[tuple], list[str]]:
    names = ["event_id", "location", "latitude", "fatalities", "place_id", "geo_precision", "notes", "corrected"]
    rows = [("a-0", "دير الحجر", 33.35, None, None, 1, "وشن الطيران الحربي غارات", 0),
            ("a-1", "", None, 3, "wof:1", 2, "", 1),
            ("b-0", "Dar'a", 32.6, None, "wof:2", 1, "clashes in Dar'a", 0)]
    return rows, names


def test_text_columns_take_the_fast_path(monkeypatch):
    """The comparison above is only worth something if the fast path runs: rows of text and numbers never fall
    back to the plain construction."""
    rows, names = _event_like_rows()
    expected = fr.reference_frame(rows, names, names, {"sources": ["SANA", "", "SANA; Enab Baladi"]})
    monkeypatch.setattr(fr, "reference_frame", lambda *a: pytest.fail("fell back to the plain construction"))
    got = fr.frame_from_rows(rows, names, names, {"sources": ["SANA", "", "SANA; Enab Baladi"]})
    assert_same(got, expected)
    assert str(got["location"].dtype) == "str" and str(got["latitude"].dtype) == "float64"
    assert got["place_id"].isna().tolist() == [True, False, False]


@pytest.mark.parametrize("odd, dtype", [(b"blob", "object"), (7, "object"), (True, "object"), (float("nan"), "str")])
def test_a_value_that_is_not_text_gives_the_plain_frame(odd, dtype):
    """Bytes in a text column (a BLOB in SQLite) would pass Arrow as text, and a number or a bool fails it: pandas
    keeps such a column as objects, and so must the fast path (a NaN is a missing value to pandas: still text)."""
    rows, names = _event_like_rows()
    rows[1] = (rows[1][0], odd, *rows[1][2:])
    got = fr.frame_from_rows(rows, names, names, {})
    assert_same(got, fr.reference_frame(rows, names, names, {}))
    assert str(got["location"].dtype) == dtype


def _store_with_corrections(path: str):
    s = open_store(path)
    s.ingest_many(list(synthetic_batch(120, seed=5)))
    ids = list(s.query()["event_id"])
    s.add_corrections([Correction("merge", ids[0], "t", into_event_id=ids[1]),
                       Correction("false_positive", ids[5], "t"),
                       Correction("repin_coords", ids[9], "t", lat=33.1, lon=36.2),
                       Correction("set_actors", ids[12], "t", actor1="X", actor2="")])
    return s


def test_query_and_newest_are_the_frames_built_the_plain_way(tmp_path, monkeypatch):
    with _store_with_corrections(str(tmp_path / "s.gpkg")) as s:
        filters = [EventFilter(), EventFilter(include_hidden=True), EventFilter(text="غارات"), EventFilter(limit=5),
                   EventFilter(text="no such words")]
        fast = [(s.query(f), s.newest(f, limit=40), s.newest(f, limit=40, placed=False)) for f in filters]
        assert any(math.isnan(x) for x in fast[0][0]["latitude"])  # unplaced events are in the comparison
        assert (fast[0][0]["number_of_sources"] > 1).any()       # and merged ones
        monkeypatch.setattr(store_base, "frame_from_rows", fr.reference_frame)
        plain = [(s.query(f), s.newest(f, limit=40), s.newest(f, limit=40, placed=False)) for f in filters]
    for a, b in zip(fast, plain):
        for x, y in zip(a, b):
            assert_same(x, y)


@pytest.mark.parametrize("values, dtype", [([1, 2.0, 3], "float64"), ([1.5, True, 2.0], "object"),
                                           ([1.5, 2, None], "float64"), ([None, 2.5, float("nan")], "float64"),
                                           ([1, None, 3], "float64"), ([None, None, None], "object")])
def test_number_columns_get_pandas_dtypes(values, dtype):
    """Arrow is lenient where pandas is not (an int field takes 2.0, a float field takes True): the fast path
    must still give pandas' dtype."""
    rows = [(f"e{i}", v) for i, v in enumerate(values)]
    got = fr.frame_from_rows(rows, ["event_id", "x"], ["x", "event_id"], {})
    assert_same(got, fr.reference_frame(rows, ["event_id", "x"], ["x", "event_id"], {}))
    assert str(got["x"].dtype) == dtype
