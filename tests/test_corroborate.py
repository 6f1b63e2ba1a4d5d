"""Corroboration clusters (``eventmap.store.corroborate``): the fast path gives the clusters of the rule as written
(greedy in date order, same place and type, within a day, one event per report per cluster), whatever the rows."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from eventmap.store.corroborate import cluster, cluster_tuples, clusters_any_order


def _rule(rows: list[tuple]) -> list[list[int]]:
    """The rule, plainly: rows in (date, fid, id) order; each located row joins the first open cluster of its place
    and type whose first day is at most a day before its own and that holds nothing of its report yet."""
    def day(s: str) -> int:
        try:
            return dt.date.fromisoformat(str(s)[:10]).toordinal()
        except ValueError:
            return 0

    open_: dict[tuple, list[tuple[int, set, list[int]]]] = {}
    out: list[list[int]] = []
    for i in sorted(range(len(rows)), key=lambda k: rows[k][:3]):
        date, _, _, place, etype, report = rows[i]
        if not place:
            out.append([i])
            continue
        d = day(date)
        live = [c for c in open_.get((place, etype), []) if d - c[0] <= 1]
        open_[(place, etype)] = live
        for c in live:
            if report not in c[1]:
                c[1].add(report)
                c[2].append(i)
                break
        else:
            out.append([i])
            live.append((d, {report}, out[-1]))
    return out


DATES = st.sampled_from(["2018-07-20", "2018-07-21", "2018-07-22", "2018-07-24", "2018-07-24T06:00:00",
                         "2019-02-30", "", "not a date"])
ROW = st.tuples(DATES, st.integers(0, 40), st.sampled_from(["e1", "e2", "e3", "ev-رفيد"]),
                st.sampled_from([None, "", "gn:170654", "gn:169389", "ll:32.733,36.100"]),
                st.sampled_from(["Battles", "Explosions/Remote violence"]),
                st.sampled_from(["r1", "r2", "r3", "r4"]))


@settings(max_examples=300, deadline=None)
@given(st.lists(ROW, max_size=60))
def test_the_fast_clusters_are_the_rule_s(rows):
    assert cluster_tuples(rows) == _rule(rows)


@settings(max_examples=300, deadline=None)
@given(st.lists(ROW, max_size=60))
def test_rows_alone_set_apart_leave_the_same_clusters(rows):
    """``clusters_any_order`` (rows no other row of their place and type comes within a day of, found at once) gives
    the rule's clusters, each with its members in the same order, whatever the rows (odd dates included)."""
    assert sorted(clusters_any_order(rows, small=0)) == sorted(_rule(rows))


ISO = st.sampled_from(["2018-07-20", "2018-07-21", "2018-07-22", "2018-07-24", "2018-07-24T06:00:00", "2018-07-27"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(ISO, st.integers(0, 10**6), st.text(min_size=1, max_size=3),
                          st.sampled_from([None, "", "gn:1", "gn:2", "gn:3", "gn:4", "ll:32.7,36.1"]),
                          st.sampled_from(["Battles", "Protests", ""]), st.sampled_from(["r1", "r2", "r3"])),
                max_size=120))
def test_rows_alone_are_found_among_many(rows):
    """ISO dates only (the numpy path runs, nothing sends it back to the greedy pass), many rows per place."""
    assert sorted(clusters_any_order(rows, small=0)) == sorted(_rule(rows))


def test_a_day_apart_merges_two_days_apart_does_not():
    rows = [("2018-07-20", 1, "a", "gn:170654", "Battles", "r1"),
            ("2018-07-21", 2, "b", "gn:170654", "Battles", "r2"),    # a day later, another report: same event
            ("2018-07-21", 3, "c", "gn:170654", "Battles", "r1"),    # the same report again: a cluster of its own
            ("2018-07-23", 4, "d", "gn:170654", "Battles", "r3"),    # two days after the first: another event
            ("2018-07-21", 5, "e", None, "Battles", "r4")]           # no place: never merged
    assert cluster_tuples(rows) == [[0, 1], [2], [4], [3]]
    as_dicts = [dict(zip(("event_date", "fid", "event_id", "place_key", "event_type", "report_id"), r)) for r in rows]
    assert cluster(as_dicts) == cluster_tuples(rows)


# the store's columnar path (``EventStore._corroborate_table``, the dashboard helper's read): the rows as GDAL hands
# them, one column each, against the row path the page itself takes on the same rows
_KEY_COLUMNS = ("fid", "event_id", "report_id", "place_key", "event_type", "event_date", "source", "geo_precision",
                "confidence")
STORED = st.tuples(st.integers(1, 10_000),
                   st.sampled_from(["e1", "e2", "e3", "ev-رفيد", ""]),
                   st.sampled_from(["r1", "r2", "r3", "r4", None]),
                   st.sampled_from([None, "", "gn:170654", "gn:169389", "ll:32.733,36.100"]),
                   st.sampled_from(["Battles", "Explosions/Remote violence", "", None]),
                   st.sampled_from(["2018-07-20", "2018-07-21", "2018-07-22", "2018-07-24", "2018-07-24T06:00:00"]),
                   st.sampled_from(["SANA", "Enab Baladi; SANA", "", None, "<b>x</b>"]),
                   st.sampled_from([1, 2, 3, None]),
                   st.sampled_from([0.9, 0.5, None]))


@settings(max_examples=200, deadline=None)
@given(rows=st.lists(STORED, max_size=80, unique_by=lambda r: r[0]), odd=st.booleans())
def test_the_columnar_path_picks_and_sums_as_the_rows_do(tmp_path_factory, rows, odd):
    """Above its threshold the columnar path sets the rows no other comes near apart in Arrow: the same rows picked,
    in the same order, with the same sources, counts and ids, as the rows passed one by one. ``odd``: a date that is
    not ISO, which sends every row through the rows' path."""
    import pyarrow as pa

    from eventmap.store import open_store
    from eventmap.store.base import _MERGE_KEYS

    if odd and rows:
        rows[0] = (*rows[0][:5], "2019-02-30", *rows[0][6:])
    table = pa.table({c: [r[i] for r in rows] for i, c in enumerate(_KEY_COLUMNS)},
                     schema=pa.schema([("fid", pa.int64()), *((c, pa.string()) for c in _KEY_COLUMNS[1:7]),
                                       ("geo_precision", pa.int64()), ("confidence", pa.float64())]))
    with open_store(str(tmp_path_factory.mktemp("c") / "empty.gpkg")) as s:
        want = s._corroborate(None, list(zip(*(table.column(c).to_pylist() for c in _MERGE_KEYS))), _MERGE_KEYS)
        assert s._corroborate_table(None, table, above=0) == want
        assert s._corroborate_table(None, table) == want   # below the threshold: the rows' path itself
