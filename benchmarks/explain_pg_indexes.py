"""Which of a PostGIS store's ``events`` indexes do the dashboard's and the CLI's queries need?

    python benchmarks/explain_pg_indexes.py --pg postgresql://.../eventmap_big            # every index
    python benchmarks/explain_pg_indexes.py --pg ... --index events_status_date --rounds 5

Runs every query the store runs for the dashboard and the CLI (``count_stored``, ``grouped_counts``,
``newest``, ``query``'s select, ``date_span``, ``facets``, ``control_tuples``, ``point_names``, the
companions, reprocess's ``DELETE``, ...), with the dashboard's filters on the most common and on the rarest
value of each column, as ``EXPLAIN (ANALYZE, BUFFERS)``: with all indexes, then per index with that index
dropped inside a transaction that is rolled back (the store is left as it was; nothing is rebuilt). Only
the queries whose plan used the index are run without it: the planner already preferred every other plan
to any plan with it. ``--rounds`` interleaves with / without that many times (medians). Prints, per index,
each of those queries' time, buffers (shared hit + read) and plan shape, with and without.

Results of 2026-12-02: ``benchmarks/results/issue15-pg-indexes-2026-12-02.md``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path
from typing import Any

Queries = dict[str, tuple[str, list]]


def _one(conn, sql: str, params: Any = ()) -> list[tuple]:
    return conn.execute(sql, params).fetchall()


def _values(conn) -> dict[str, Any]:
    """Parameters from the store itself: a point, an event, 1,000 reports, place keys, common and rare values."""
    d: dict[str, Any] = {}
    d["lat"], d["lon"], d["eid"], d["rid"], d["pid"] = _one(
        conn, "SELECT latitude, longitude, event_id, report_id, place_id FROM events WHERE latitude IS NOT NULL "
        "ORDER BY fid LIMIT 1 OFFSET (SELECT COUNT(*) / 2 FROM events WHERE latitude IS NOT NULL)")[0]
    d["rids"] = [r[0] for r in _one(conn, "SELECT report_id FROM reports WHERE fid > (SELECT MAX(fid) / 2 FROM reports) "
                                    "ORDER BY fid LIMIT 1000")]
    lo, hi = _one(conn, "SELECT MIN(event_date), MAX(event_date) FROM events WHERE status = 'ok'")[0]
    d["span"] = (lo[:10], hi[:10])
    d["month"] = (lo[:8] + "01", lo[:8] + "28")
    d["day"] = lo[:10]
    d["pkeys"] = [r[0] for r in _one(conn, "SELECT DISTINCT place_key FROM events WHERE place_key IS NOT NULL AND "
                                     "event_date BETWEEN %s AND %s LIMIT 500", d["month"])]
    d["ids"] = [r[0] for r in _one(conn, "SELECT event_id FROM events WHERE event_date >= %s ORDER BY event_date "
                                   "LIMIT 500", (d["day"],))]
    for col in ("event_type", "sub_event_type", "admin1", "admin2", "admin3", "source", "actor1", "resolution"):
        counted = _one(conn, f"SELECT {col}, COUNT(*) FROM events WHERE status = 'ok' AND {col} <> '' GROUP BY 1 "
                       "ORDER BY 2, 1")
        d[f"{col}:rare"], d[f"{col}:common"] = counted[0][0], counted[-1][0]
    return d


def _filters(d: dict[str, Any]) -> dict[str, Any]:
    from eventmap.store.filters import EventFilter
    m = d["month"]
    out = {"all": EventFilter(), "month": EventFilter(since=m[0], until=m[1]),
           "day": EventFilter(since=d["day"], until=d["day"]),
           "bbox": EventFilter(bbox=(d["lon"] - 0.15, d["lat"] - 0.1, d["lon"] + 0.15, d["lat"] + 0.1)),
           "text": EventFilter(text="غارات"),
           "hidden month": EventFilter(since=m[0], until=m[1], include_hidden=True)}
    fields = {"event_type": "event_types", "sub_event_type": "sub_event_types", "admin1": "admin1",
              "admin2": "admin2", "admin3": "admin3", "source": "sources", "actor1": "actors",
              "resolution": "resolutions"}
    for col, field in fields.items():
        for kind in ("common", "rare"):
            v = d[f"{col}:{kind}"]
            out[f"{col} {kind}"] = EventFilter(**{field: [v]})
            out[f"{col} {kind}, month"] = EventFilter(since=m[0], until=m[1], **{field: [v]})
    return out


def _filtered(d: dict[str, Any]) -> Queries:
    """The dashboard's and the CLI's reads under each filter."""
    from eventmap.store.base import _FRAME_FROM_TABLE, q
    from eventmap.store.postgis import _pg
    frame = ", ".join(q(c) for c in _FRAME_FROM_TABLE)
    out: Queries = {}
    for k, f in _filters(d).items():
        w, p = f.to_sql(dialect="postgis")
        w = _pg(w)
        out[f"count_stored[{k}]"] = (f"SELECT COUNT(*) FROM events WHERE {w}", p)
        out[f"grouped_counts[{k}]"] = ("SELECT event_date, event_type, latitude, longitude, geo_precision, COUNT(*) "
                                       f"FROM events WHERE {w} GROUP BY event_date, event_type, latitude, longitude, "
                                       "geo_precision", p)
        out[f"newest 500[{k}]"] = (f"SELECT {frame} FROM events WHERE {w} ORDER BY event_date DESC, fid DESC "
                                   "LIMIT 500", p)
        if k != "all" and not k.startswith(("text", "bbox")):
            out[f"query select[{k}]"] = (f"SELECT {frame} FROM events WHERE {w} ORDER BY event_date, fid", p)
    out["newest 500[unplaced]"] = (f"SELECT {frame} FROM events WHERE status = 'ok' AND latitude IS NULL "
                                   "ORDER BY event_date DESC, fid DESC LIMIT 500", [])
    out["count_stored[include_hidden]"] = ("SELECT COUNT(*) FROM events WHERE 1=1", [])
    return out


def _other(d: dict[str, Any]) -> Queries:
    """Reads that take no filter: date span, facets, control layer, names, companions, reprocess, analyst."""
    from eventmap.control.model import COLUMNS, CONTROL_SUB_TYPES
    from eventmap.store.analyst import _EV_COLS, _Q_COLS, QUEUE_RESOLUTIONS
    from eventmap.store.base import _LIGHT, q
    light = ", ".join(q(c) for c in _LIGHT)
    out: Queries = {}
    within = ["1900-01-01", "2100-12-31~"]
    for fn in ("MIN", "MAX"):
        out[f"date_span {fn}"] = (f"SELECT {fn}(event_date) FROM events WHERE status = 'ok'", [])
        out[f"date_span {fn}[within]"] = (f"SELECT {fn}(event_date) FROM events WHERE status = 'ok' AND "
                                          "event_date >= %s AND event_date <= %s", within)
    for col in ("event_type", "sub_event_type", "admin1", "admin2", "admin3", "source", "resolution", "actor1",
                "actor2"):
        out[f"facets[{col}]"] = (f"SELECT DISTINCT {col} FROM events WHERE status = 'ok' AND {col} <> ''", [])
    ctl = f"SELECT {', '.join(q(c) for c in COLUMNS)} FROM events WHERE status IN ('ok', 'merged') AND " \
          f"sub_event_type IN ({', '.join('%s' for _ in CONTROL_SUB_TYPES)})"
    out["control_tuples"] = (ctl, list(CONTROL_SUB_TYPES))
    out["control_tuples[until]"] = (ctl + " AND event_date <= %s", [*CONTROL_SUB_TYPES, d["month"][1]])
    out["point_names"] = ("SELECT place_name_en, place_name_ar FROM events WHERE latitude = %s AND longitude = %s "
                          "AND status = 'ok' LIMIT 1", [d["lat"], d["lon"]])
    pk = d["pkeys"]
    comp = f"SELECT {light} FROM events WHERE status = 'ok' AND event_date >= %s AND event_date <= %s AND place_key IN "
    out["companions place_key[month]"] = (comp + f"({', '.join('%s' for _ in pk)})", [*d["month"], *pk])
    out["companions place_key[3 places, all dates]"] = (comp + "(%s, %s, %s)", [*d["span"], *pk[:3]])
    out["companions merged?"] = ("SELECT 1 FROM events WHERE merged_into IS NOT NULL LIMIT 1", [])
    out["companions merged_into"] = (f"SELECT {light} FROM events WHERE status = 'merged' AND merged_into IN "
                                     f"({', '.join('%s' for _ in d['ids'])})", d["ids"])
    out["get_event"] = ("SELECT * FROM events WHERE event_id = %s", [d["eid"]])
    out["report_events"] = ("SELECT event_id FROM events WHERE report_id = %s ORDER BY fid", [d["rid"]])
    out["reprocess DELETE ... RETURNING"] = (f"DELETE FROM events WHERE report_id IN "
                                             f"({', '.join('%s' for _ in d['rids'])}) RETURNING event_id, report_id",
                                             d["rids"])
    out["bulk: any key stored?"] = ("SELECT 1 FROM events WHERE (event_id) IN (SELECT * FROM unnest(%s::text[])) "
                                    "LIMIT 1", [[f"new-{i}" for i in range(10_000)]])
    rm = ", ".join("%s" for _ in QUEUE_RESOLUTIONS)
    out["names_to_fix"] = (f"SELECT {', '.join(_Q_COLS)} FROM events WHERE status = 'ok' AND resolution IN ({rm}) "
                           "AND location <> '' ORDER BY fid", list(QUEUE_RESOLUTIONS))
    out["unresolved_names"] = ("SELECT location, notes FROM events WHERE status = 'ok' AND resolution = 'unresolved' "
                               "AND location <> '' ORDER BY fid", [])
    out["analyst candidates"] = (f"SELECT {', '.join(_EV_COLS)} FROM events WHERE resolution IN ({rm}) AND "
                                 "location <> ''", list(QUEUE_RESOLUTIONS))
    out["analyst place events"] = ("SELECT event_id, extracted FROM events WHERE place_id = %s", [d["pid"]])
    return out


def _shape(node: dict, acc: list[str]) -> list[str]:
    acc.append(node["Node Type"] + (f"({node['Index Name']})" if "Index Name" in node else ""))
    for child in node.get("Plans", []):
        _shape(child, acc)
    return acc


def _explain(conn, sql: str, params: list) -> tuple[float, int, str]:
    """(ms, shared buffers hit + read, plan shape) of one run; a write is rolled back."""
    conn.execute("SAVEPOINT explain")
    r = conn.execute("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + sql, params).fetchone()[0][0]
    conn.execute("ROLLBACK TO SAVEPOINT explain")
    top = r["Plan"]
    return r["Execution Time"], top.get("Shared Hit Blocks", 0) + top.get("Shared Read Blocks", 0), \
        " > ".join(_shape(top, []))


def _runs(conn, queries: Queries, drop: str | None, out: dict[str, list], warm: bool) -> None:
    """Each query once (after a warm-up run when ``warm``), ``drop`` dropped for the time; rolled back."""
    if drop:
        conn.execute(f"DROP INDEX {drop}")
    for name, (sql, params) in queries.items():
        if warm:
            _explain(conn, sql, params)
        out.setdefault(name, []).append(_explain(conn, sql, params))
    conn.rollback()


def _median(runs: list[tuple[float, int, str]]) -> dict[str, Any]:
    return {"ms": statistics.median(r[0] for r in runs), "buffers": runs[0][1], "plan": runs[0][2],
            "all_ms": [r[0] for r in runs]}


def _secondary(conn) -> list[str]:
    """The events table's indexes that back no constraint (primary key, unique)."""
    return [r[0] for r in _one(
        conn, "SELECT i.relname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid "
        "WHERE x.indrelid = 'events'::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c "
        "WHERE c.conindid = x.indexrelid) ORDER BY 1")]


def main(argv: list[str] | None = None) -> int:
    import psycopg
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pg", required=True, help="a PostGIS store (its search_path), e.g. one of 1,000,000 events")
    ap.add_argument("--index", action="append", help="only these indexes (default: every secondary one)")
    ap.add_argument("--rounds", type=int, default=3, help="runs with and without each index, interleaved")
    ap.add_argument("--json")
    args = ap.parse_args(argv)
    conn = psycopg.connect(args.pg)
    d = _values(conn)
    queries = {**_filtered(d), **_other(d)}
    conn.rollback()
    base: dict[str, list] = {}
    for i in range(args.rounds):
        _runs(conn, queries, None, base, warm=i == 0)
    result: dict[str, Any] = {"with all": {n: _median(r) for n, r in base.items()}, "without": {}}
    for ix in args.index or _secondary(conn):
        users = {n: queries[n] for n, r in result["with all"].items() if f"({ix})" in r["plan"]}
        with_, without = ({n: base[n] for n in users} if args.index is None else {}), {}
        for i in range(args.rounds if users else 0):
            if args.index:   # chosen indexes: paired, with and without in turn
                _runs(conn, users, None, with_, warm=i == 0)
            _runs(conn, users, ix, without, warm=i == 0)
        result["without"][ix] = {n: {"with": _median(with_[n]), "without": _median(without[n])} for n in users}
        print(f"{ix}: the best plan of {len(users)} queries", flush=True)
        for n, r in result["without"][ix].items():
            a, b = r["with"], r["without"]
            print(f"  {n}: {a['ms']:.1f} ms, {a['buffers']:,} buffers [{a['plan']}] -> without: {b['ms']:.1f} ms, "
                  f"{b['buffers']:,} buffers [{b['plan']}]", flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
