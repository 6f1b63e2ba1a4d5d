"""Bulk writes beside SQLite's own ``executemany`` of the same rows (issue 15).

    python benchmarks/bench_bulk.py                  # 20,000 events / UCDP rows, 3 runs
    python benchmarks/bench_bulk.py --events 200000 --runs 3
    EVENTMAP_TEST_PG=postgresql://... python benchmarks/bench_bulk.py   # adds PostGIS (COPY)
    python benchmarks/bench_bulk.py --load 200000 --runs 2   # a large load, indexes kept vs deferred

Measures, each in events (or rows) per second, median of ``--runs``:

* ``ingest_many``: reports with 5 events each at real gazetteer places (``_bigstore.big_batches``),
  2,000 reports per call, into a new store;
* ``reprocess``: the same store re-extracted by an extractor that returns the stored events again
  (the store's side of ``eventmap reprocess``: read, delete, insert, corrections, counts);
* ``ingest, bulk load``: the same ``ingest_many`` calls inside one ``EventStore.bulk_load`` into a new store,
  as ``eventmap ingest`` of at least ``bulk_load.MIN_REPORTS`` reports runs them (the events' secondary
  indexes dropped first, built once at the end, in the timing); its floor defers the same indexes around
  SQLite's own ``executemany``;
* ``import ucdp`` / ``import acled``: ``EventStore.import_reference`` of a UCDP GED CSV written in the
  codebook's 49 columns, and of an ACLED export in its 31 (CSV read and parsed included, as
  ``eventmap import ucdp|acled`` does);
* the floor: SQLite's own ``executemany`` of the very same parameter rows (built beforehand,
  not timed) with a plain ``INSERT`` into a new store of the same schema (same indexes), one
  transaction per batch, through ``sqlite3`` directly.

Two more floors are printed beside it (not part of the ratio): for ``reprocess``, SQLite's own
``DELETE`` of each batch's events and ``executemany`` of them again, in batches of
``EventStore.REPROCESS_BATCH`` reports, into a store holding them (what replacing costs SQLite itself);
on PostGIS, PostgreSQL's own ``COPY`` of the same rows straight into a new schema's tables (the
server's share, which no client can go under), in binary with LZ4 compression of long values as the
store's bulk path writes them (ours / that COPY is printed as a ratio), and in text with the server's
default compression (the floor this benchmark gave before).

The ratio is ours / floor (time for the same rows).  Embedded figures are CPU time of this process
(SQLite runs in it); PostGIS figures are wall time (the server does part of the work), so they
also carry the load of the machine: quote the load average printed beside them.  PostGIS is also
given in CPU time of this process plus its server backend (``/proc/<pid>/stat`` of the local
PostgreSQL backend), beside SQLite's CPU time: the work done, whatever the load.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

#: the UCDP GED codebook's columns, in its order
UCDP_COLUMNS = [
    "id", "relid", "year", "active_year", "code_status", "type_of_violence", "conflict_dset_id",
    "conflict_new_id", "conflict_name", "dyad_dset_id", "dyad_new_id", "dyad_name", "side_a_dset_id",
    "side_a_new_id", "side_a", "side_b_dset_id", "side_b_new_id", "side_b", "number_of_sources",
    "source_article", "source_office", "source_date", "source_headline", "source_original", "where_prec",
    "where_coordinates", "where_description", "adm_1", "adm_2", "latitude", "longitude", "geom_wkt",
    "priogrid_gid", "country", "country_id", "region", "event_clarity", "date_prec", "date_start", "date_end",
    "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low", "gwnoa", "gwnob",
]


def write_ucdp(path: Path, n: int, seed: int = 5) -> None:
    """A UCDP GED CSV of ``n`` rows at real places (``eventmap.store.testing.PLACES``), codebook columns."""
    from eventmap.store.testing import PLACES
    rng = random.Random(seed)
    places = list(PLACES.values())
    sides = [("Government of Syria", "Syrian insurgents", 1), ("IS", "Civilians", 3), ("HTS", "Southern Front", 2)]
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(UCDP_COLUMNS)
        for i in range(n):
            _, _, en, lat, lon, a1, a2, *_ = places[rng.randrange(len(places))]
            side_a, side_b, tv = sides[rng.randrange(3)]
            day = f"20{12 + rng.randrange(8)}-{1 + rng.randrange(12):02d}-{1 + rng.randrange(28):02d}"
            deaths = [rng.randrange(4) for _ in range(4)]
            vals = {
                "id": 400000 + i, "relid": f"SYR-{day[:4]}-{tv}-{i}", "year": day[:4], "active_year": 1,
                "code_status": "Clear", "type_of_violence": tv, "conflict_dset_id": 299, "conflict_new_id": 299,
                "conflict_name": f"Syria: {side_a}", "dyad_dset_id": 784, "dyad_new_id": 784,
                "dyad_name": f"{side_a} - {side_b}", "side_a_dset_id": 220, "side_a_new_id": 220, "side_a": side_a,
                "side_b_dset_id": 5000, "side_b_new_id": 5000, "side_b": side_b, "number_of_sources": 2,
                "source_article": f"\"Agence France Presse,{day};Syrian Observatory for Human Rights,{day}\"",
                "source_office": "AFP;SOHR", "source_date": f"{day};{day}",
                "source_headline": f"Clashes near {en} in {a1} countryside leave {sum(deaths)} dead",
                "source_original": "SOHR", "where_prec": 1 + rng.randrange(3),
                "where_coordinates": f"{en} village", "where_description": f"{en}, {a2} district, {a1}",
                "adm_1": f"{a1} governorate", "adm_2": f"{a2} district", "latitude": lat, "longitude": lon,
                "geom_wkt": f"POINT ({lon} {lat})", "priogrid_gid": 180000 + rng.randrange(1000),
                "country": "Syria", "country_id": 652, "region": "Middle East", "event_clarity": 1, "date_prec": 1,
                "date_start": f"{day} 00:00:00.000", "date_end": f"{day} 00:00:00.000",
                "deaths_a": deaths[0], "deaths_b": deaths[1], "deaths_civilians": deaths[2],
                "deaths_unknown": deaths[3], "best": sum(deaths), "high": sum(deaths) + 2, "low": sum(deaths),
                "gwnoa": 652, "gwnob": "",
            }
            w.writerow([vals[c] for c in UCDP_COLUMNS])


ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]


def write_acled(path: Path, n: int, seed: int = 6) -> None:
    """An ACLED export of ``n`` rows at real places (``eventmap.store.testing.PLACES``), codebook columns,
    old ("25 July 2018") and new (ISO) date styles mixed."""
    from eventmap.store.testing import PLACES
    rng = random.Random(seed)
    places = list(PLACES.values())
    kinds = [("Political violence", "Battles", "Armed clash", "Military Forces of Syria (2000-)", "HTS"),
             ("Political violence", "Explosions/Remote violence", "Shelling/artillery/missile attack",
              "Military Forces of Syria (2000-)", "Civilians (Syria)"),
             ("Strategic developments", "Strategic developments", "Non-violent transfer of territory",
              "Military Forces of Syria (2000-)", "")]
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(ACLED_COLUMNS)
        for i in range(n):
            _, _, en, lat, lon, a1, a2, *_ = places[rng.randrange(len(places))]
            dis, et, sub, act1, act2 = kinds[rng.randrange(3)]
            d = f"20{12 + rng.randrange(8)}-{1 + rng.randrange(12):02d}-{1 + rng.randrange(28):02d}"
            day = d if i % 3 else __import__("datetime").date.fromisoformat(d).strftime("%d %B %Y")
            killed = rng.randrange(5)
            vals = {
                "event_id_cnty": f"SYR{100000 + i}", "event_date": day, "year": d[:4], "time_precision": 1,
                "disorder_type": dis, "event_type": et, "sub_event_type": sub, "actor1": act1, "assoc_actor_1": "",
                "inter1": 1, "actor2": act2, "assoc_actor_2": "", "inter2": 7 if "Civilians" in act2 else 2,
                "interaction": 17, "civilian_targeting": "Civilian targeting" if "Civilians" in act2 else "",
                "iso": 760, "region": "Middle East", "country": "Syria", "admin1": a1, "admin2": a2,
                "admin3": en, "location": en, "latitude": lat, "longitude": lon,
                "geo_precision": 1 + rng.randrange(3), "source": "SOHR; Enab Baladi", "source_scale": "National",
                "notes": f"On {day}, regime forces shelled {en} ({a2}, {a1}); \"{killed} killed\", per SOHR.",
                "fatalities": killed, "tags": "", "timestamp": 1700000000 + i,
            }
            w.writerow([vals[c] for c in ACLED_COLUMNS])


def _server_cpu(pid: int | None) -> float:
    """CPU seconds (user + system) so far of the local PostgreSQL backend ``pid`` (0 without one)."""
    if not pid:
        return 0.0
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _timed(fn: Callable[[], Any], pid: int | None = None) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds of this process, CPU of this process + of PostgreSQL backend ``pid``)
    of ``fn()``: with a server on the same machine, the CPU sum is the work done, whatever the load."""
    s0 = _server_cpu(pid)
    t0, c0 = time.perf_counter(), time.process_time()
    fn()
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    return wall, cpu, cpu + _server_cpu(pid) - s0


def _event_batches(n_events: int) -> list:
    from _bigstore import big_batches
    return list(big_batches(n_events, seed=11, batch=2000))


def _floor_executemany(path: Path, tables: list[tuple[str, list[str], list[list]]], per_tx: int,
                       deferred: bool = False) -> tuple[float, float]:
    """SQLite's own executemany of ``rows`` into a new store's tables (schema made by ``open_store``);
    ``deferred``: the events' indexes that a bulk load drops (``bulk_load.KEEP`` and the unique keys kept) are
    dropped before and created after the rows, in the timed part, as the bulk load does."""
    from eventmap.store import bulk_load, open_store
    with open_store(str(path)) as s:
        indexes = {k: v for k, v in s._db.index_sql("events").items() if k not in bulk_load.KEEP} if deferred else {}
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA cache_size = -65536")

    def run() -> None:
        for name in indexes:
            conn.execute(f"DROP INDEX {name}")
        for table, cols, rows in tables:
            sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})"
            for i in range(0, len(rows), per_tx):
                conn.execute("BEGIN IMMEDIATE")
                conn.executemany(sql, rows[i:i + per_tx])
                conn.execute("COMMIT")
        for sql in indexes.values():
            conn.execute(sql)

    try:
        return _timed(run)
    finally:
        conn.close()


def ingest_rows(batches: list) -> list[tuple[str, list[str], list[list]]]:
    """The parameter rows ``ingest_many`` writes for ``batches`` (reports, then events)."""
    from eventmap.store import geopackage as gpkg
    from eventmap.store.base import EVENT_COLUMNS, q
    from eventmap.store.bulk import event_params
    rcols = ["report_id", "text", "title", "source", "url", "language", "published", "ingested_at", "n_events",
             "extractor"]
    reports = [[r.report_id, r.text, r.title, r.source, r.url, r.language, r.published, "2026-01-01T00:00:00Z",
                len(evs), "bench"] for b in batches for r, evs in b]
    cols = list(EVENT_COLUMNS) + ["extracted"]
    events = event_params([e for b in batches for _, evs in b for e in evs], cols, gpkg.point_blob)
    return [("reports", rcols, reports), ("events", [q(c) for c in cols] + ["geom"], events)]


def reference_rows(csv_path: Path, kind: str = "ucdp") -> list[tuple[str, list[str], list[list]]]:
    from eventmap.store import geopackage as gpkg
    from eventmap.store.reference import parse_reference
    cols = ["kind", "ref_id", "event_date", "event_type", "sub_event_type", "actor1", "actor2", "location",
            "admin1", "admin2", "admin3", "latitude", "longitude", "geo_precision", "fatalities", "source",
            "notes", "raw", "imported_at"]
    rows = [[(kind if c == "kind" else "2026-01-01T00:00:00Z" if c == "imported_at" else r.get(c)) for c in cols]
            + [gpkg.point_blob(r["latitude"], r["longitude"])] for r in parse_reference(kind, csv_path)]
    return [("reference_events", cols + ["geom"], rows)]


class _Backend:
    """A new store per run: a file in ``root``, or a private schema on the PostGIS server."""

    def __init__(self, name: str, root: Path, pg: str | None) -> None:
        self.name, self.root, self.pg, self.schema = name, root, pg, None

    def __enter__(self) -> str:
        if self.pg is None:
            return str(self.root / f"{uuid.uuid4().hex[:8]}.gpkg")
        import psycopg

        from eventmap.store.testing import pg_schema_url
        self.schema = "bulk_" + uuid.uuid4().hex[:10]
        with psycopg.connect(self.pg, autocommit=True) as c:
            c.execute(f"CREATE SCHEMA {self.schema}")
        return pg_schema_url(self.pg, self.schema)

    def __exit__(self, *exc: object) -> None:
        if self.schema:
            import psycopg
            with psycopg.connect(self.pg, autocommit=True) as c:
                c.execute(f"DROP SCHEMA IF EXISTS {self.schema} CASCADE")


def _settle(pg: str | None) -> None:
    """Let the writes of the measures before reach the disk, outside any timing: the PostGIS server's dirty
    buffers (``CHECKPOINT``, where the role may) and the page cache (``sync``). A measure taken while PostgreSQL's
    checkpointer or the kernel still wrote out the run before paid for it in system time: SQLite's own
    ``executemany`` of 100,000 UCDP rows in one transaction took 0.3 s of system time on a quiet machine and
    1.2-1.3 s with the other core busy (the same rows a transaction per 10,000: 0.3 s either way)."""
    if pg:
        import psycopg
        try:
            with psycopg.connect(pg, autocommit=True) as c:
                c.execute("CHECKPOINT")
        except psycopg.Error:
            pass   # not a superuser (nor pg_checkpoint): the sync below still settles this machine's disk
    os.sync()


def _floor_replace(path: Path, tables: list[tuple[str, list[str], list[list]]], per_batch: int) -> tuple[float, float]:
    """SQLite's own replacing of every report's events: a store holding ``tables`` (not timed), then per
    batch of ``per_batch`` reports one transaction of ``DELETE`` of their events and ``executemany`` of
    the same rows again."""
    from eventmap.store import open_store
    open_store(str(path)).close()
    _floor_executemany(path, tables, 10_000)
    (_, _, reports), (_, cols, events) = tables
    at = cols.index('"report_id"')
    by_report: dict[str, list] = {}
    for r in events:
        by_report.setdefault(r[at], []).append(r)
    rids = [r[0] for r in reports]
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA cache_size = -65536")
    sql = f"INSERT INTO events ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})"

    def run() -> None:
        for i in range(0, len(rids), per_batch):
            chunk = rids[i:i + per_batch]
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(f"DELETE FROM events WHERE report_id IN ({', '.join('?' for _ in chunk)})", chunk)
            conn.executemany(sql, [r for rid in chunk for r in by_report.get(rid, ())])
            conn.execute("COMMIT")

    try:
        return _timed(run)
    finally:
        conn.close()


def _copy_types(cur, table: str, cols: list[str], rows: list[list]) -> list[int] | None:
    """The type oids for a binary ``COPY`` of ``rows`` into ``table`` (as the store's bulk path picks them),
    or None when a value is not of its column's type (then the store, and this floor, COPY in text)."""
    from eventmap.store.postgis import binary_types
    cur.execute("SELECT attname, atttypid FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0 "
                "AND NOT attisdropped", (table,))
    oids = {str(a): int(t) for a, t in cur.fetchall()}
    geo = cols[-1] == "geom"
    names = [c.strip('"') for c in (cols[:-1] if geo else cols)]
    return binary_types(oids, names, rows, "geom" if geo else None)


def _floor_copy(url: str, tables: list[tuple[str, list[str], list[list]]], binary: bool = True
                ) -> tuple[float, float, float]:
    """PostgreSQL's own ``COPY`` of the same rows straight into a new schema's tables, one transaction.

    ``binary`` (the floor of the ratio): as the store's bulk path writes them, ``COPY ... (FORMAT BINARY)``
    with the geometry as EWKB bytes (the GeoPackage blob's WKB with SRID 4326) and the session's long
    values compressed with LZ4 (``default_toast_compression``, as ``PostGISBackend`` sets it); a table
    whose rows cannot all go in binary goes in text, as in the store. Else: text ``COPY`` (hex EWKB) with
    the server's default compression (pglz), the floor this benchmark used before."""
    import psycopg

    from eventmap.store import open_store
    open_store(url).close()
    head = b"\x01\x01\x00\x00\x20\xe6\x10\x00\x00"
    with psycopg.connect(url) as conn:
        if binary:
            conn.execute("SET default_toast_compression = 'lz4'")
            conn.commit()

        def run() -> None:
            with conn.cursor() as cur:
                for table, cols, rows in tables:
                    geo = cols[-1] == "geom"
                    types = _copy_types(cur, table, cols, rows) if binary else None
                    fmt = " (FORMAT BINARY)" if types else ""
                    with cur.copy(f"COPY {table} ({', '.join(cols)}) FROM STDIN{fmt}") as cp:
                        if types:
                            cp.set_types(types)
                        for r in rows:
                            if not geo:
                                cp.write_row(r)
                                continue
                            g = None if r[-1] is None else head + r[-1][13:]
                            cp.write_row((*r[:-1], g if types or g is None else g.hex()))
            conn.commit()
        return _timed(run, conn.info.backend_pid)


def _measure(s, batches: list, again: Callable, paths: dict[str, Path]) -> dict[str, tuple[float, float]]:
    from eventmap.pipeline import reprocess
    pid = s._db.conn.info.backend_pid if s.dialect == "postgis" else None
    return {"ingest_many": _timed(lambda: [s.ingest_many(b) for b in batches], pid),
            "reprocess": _timed(lambda: reprocess(s, again), pid),
            "import ucdp": _timed(lambda: s.import_reference("ucdp", paths["ucdp"]), pid),
            "import acled": _timed(lambda: s.import_reference("acled", paths["acled"]), pid)}


#: the measure of a large ingest: ``ingest_many`` inside one ``EventStore.bulk_load`` into a new store
BULK_LOAD = "ingest, bulk load"


def _measure_bulk_load(s, batches: list) -> tuple[float, float, float]:
    """``ingest_many`` of every batch inside one ``EventStore.bulk_load`` (as ``eventmap ingest`` of at least
    ``bulk_load.MIN_REPORTS`` reports into a new store runs it: the events' indexes built once, at the end)."""
    pid = s._db.conn.info.backend_pid if s.dialect == "postgis" else None

    def load() -> None:
        with s.bulk_load(sum(len(b) for b in batches)) as deferred:
            assert deferred, "a load this size into a new store defers the indexes"
            for b in batches:
                s.ingest_many(b)
    return _timed(load, pid)


def run_bulk(n_events: int, runs: int, pg: str | None) -> list[dict]:
    """Rows ``{"what", "backend", "rows", "ours_s", "floor_s", "clock", "load", "floor2_s"}`` per run."""
    from eventmap.store import bulk_load, open_store
    from eventmap.store.base import EventStore
    batches = _event_batches(n_events)
    n_ev = sum(len(evs) for b in batches for _, evs in b)
    n_reports = sum(len(b) for b in batches)
    by_text = {rep.text: evs for b in batches for rep, evs in b}

    def again(text: str, published: str, **_: object) -> list:
        return by_text[text]

    out: list[dict] = []
    backends = [("embedded", None)] + ([("PostGIS", pg)] if pg else [])
    with tempfile.TemporaryDirectory(prefix="eventmap-bulk-") as td:
        root = Path(td)
        paths = {"ucdp": root / "ged.csv", "acled": root / "acled.csv"}
        write_ucdp(paths["ucdp"], n_events)
        write_acled(paths["acled"], n_events)
        tables = {"ingest_many": ingest_rows(batches), "import ucdp": reference_rows(paths["ucdp"], "ucdp"),
                  "import acled": reference_rows(paths["acled"], "acled")}
        tables["reprocess"] = tables["ingest_many"]
        for run in range(runs):
            _settle(pg)
            floor = {k: _floor_executemany(root / f"floor-{k}-{run}.gpkg", v, 10_000) for k, v in tables.items()
                     if k != "reprocess"}
            floor["reprocess"] = floor["ingest_many"]
            floor[BULK_LOAD] = _floor_executemany(root / f"floor-bulk-{run}.gpkg", tables["ingest_many"], 10_000,
                                                  deferred=True)
            replace = _floor_replace(root / f"floor-replace-{run}.gpkg", tables["ingest_many"],
                                     EventStore.REPROCESS_BATCH)
            for name, base in backends:
                clock = 1 if base is None else 0   # CPU time in-process; wall time for a server
                _settle(pg)
                with _Backend(name, root, base) as url, open_store(url) as s:
                    t = _measure(s, batches, again, paths)
                    assert s.count_stored() == n_ev and len(s.reference_layer("ucdp")) == n_events
                    assert len(s.reference_layer("acled")) == n_events
                if n_reports >= bulk_load.MIN_REPORTS:
                    with _Backend(name, root, base) as url, open_store(url) as s:
                        t[BULK_LOAD] = _measure_bulk_load(s, batches)
                        assert s.count_stored() == n_ev and bulk_load.record(s) is None
                floor2, text = ({"reprocess": replace}, {}) if base is None else _copy_floors(name, root, base, tables)
                load = round(os.getloadavg()[0], 1)
                for what, tt in t.items():
                    rows = n_ev if what in ("ingest_many", "reprocess", BULK_LOAD) else n_events
                    out.append({"what": what, "backend": name, "rows": rows, "ours_s": tt[clock],
                                "floor_s": floor[what][clock], "load": load,
                                "clock": "CPU" if clock else "wall",
                                "floor2_s": floor2[what][clock] if what in floor2 else None,
                                # PostGIS: CPU of this process and of its server backend, beside SQLite's CPU
                                "cpu_s": tt[2], "floor_cpu_s": floor[what][1],
                                "floor2_cpu_s": floor2[what][2] if what in floor2 else None,
                                "copy_text_s": text[what][clock] if what in text else None})
    return out


def _copy_floors(name: str, root: Path, base: str, tables: dict) -> tuple[dict, dict]:
    """PostgreSQL's own ``COPY`` of each measure's rows into a new schema: ``(binary + LZ4, text)``, each
    ``{what: (wall, CPU, CPU + server)}`` (``reprocess`` has the floor of ``ingest_many``: the same rows)."""
    out: tuple[dict, dict] = ({}, {})
    for k in ("ingest_many", "import ucdp", "import acled"):
        for floors, binary in zip(out, (True, False)):
            with _Backend(name, root, base) as url:
                floors[k] = _floor_copy(url, tables[k], binary=binary)
    for floors in out:
        floors["reprocess"] = floors["ingest_many"]
    return out


#: what each measure's floor is, where it is not SQLite's own ``executemany`` into the indexed schema
FLOOR_NAMES = {BULK_LOAD: "SQLite's own executemany of the same rows, indexes dropped before and created after"}


def summary(results: list[dict]) -> list[dict]:
    """Median events/s and ratio to the floor per (measure, backend)."""
    keys = list(dict.fromkeys((r["what"], r["backend"]) for r in results))
    out = []
    for what, backend in keys:
        rs = [r for r in results if (r["what"], r["backend"]) == (what, backend)]
        out.append({"what": what, "backend": backend, "rows": rs[0]["rows"], "clock": rs[0]["clock"],
                    "per_s": [r["rows"] / r["ours_s"] for r in rs], "floor_per_s": [r["rows"] / r["floor_s"] for r in rs],
                    "ratio": [r["ours_s"] / r["floor_s"] for r in rs], "load": [r["load"] for r in rs],
                    "floor": FLOOR_NAMES.get(what, "SQLite's own executemany of the same rows"),
                    "floor2_per_s": [r["rows"] / r["floor2_s"] for r in rs if r.get("floor2_s")],
                    "floor2": ("PostgreSQL's own binary COPY (LZ4)" if backend == "PostGIS"
                               else "SQLite's own DELETE + executemany"),
                    "copy_ratio": [r["ours_s"] / r["floor2_s"] for r in rs if backend == "PostGIS" and r.get("floor2_s")],
                    "copy_text_per_s": [r["rows"] / r["copy_text_s"] for r in rs if r.get("copy_text_s")],
                    "cpu_per_s": [r["rows"] / r["cpu_s"] for r in rs if r.get("cpu_s")],
                    "cpu_ratio": [r["cpu_s"] / r["floor_cpu_s"] for r in rs if r.get("cpu_s")],
                    "floor2_cpu_per_s": [r["rows"] / r["floor2_cpu_s"] for r in rs if r.get("floor2_cpu_s")]})
    return out


def run_load(n_events: int, runs: int, pg: str | None = None) -> list[dict]:
    """A large load into a new store (embedded, or a schema of PostGIS server ``pg``), with the events' indexes
    kept and deferred (``EventStore.bulk_load``, as ``eventmap ingest`` of many reports and ``eventmap reprocess``
    use it): ``ingest_many`` per 2,000 reports, then ``reprocess`` of the whole store. Wall and CPU seconds (the
    CPU of this process: on PostGIS the server's share is not in it), per run."""
    from eventmap.pipeline import reprocess
    from eventmap.store import bulk_load, open_store
    batches = _event_batches(n_events)
    n_reports = sum(len(b) for b in batches)
    by_text = {rep.text: evs for b in batches for rep, evs in b}

    def again(text: str, published: str, **_: object) -> list:
        return by_text[text]

    out: list[dict] = []
    keep_threshold = bulk_load.MIN_REPORTS
    with tempfile.TemporaryDirectory(prefix="eventmap-load-") as td:
        for run in range(runs):
            for mode in (("kept", "deferred") if run % 2 == 0 else ("deferred", "kept")):
                bulk_load.MIN_REPORTS = keep_threshold if mode == "deferred" else 10**12
                try:
                    with _Backend("load", Path(td), pg) as url, open_store(url) as s:
                        def load() -> None:
                            with s.bulk_load(n_reports):
                                for b in batches:
                                    s.ingest_many(b)
                        row = {"mode": mode, "backend": s.dialect, "events": n_events, "load": _timed(load)[:2],
                               "reprocess": _timed(lambda: reprocess(s, again))[:2]}
                finally:
                    bulk_load.MIN_REPORTS = keep_threshold
                out.append(row)
                print(f"run {run} {row['backend']:<7} {mode:<8} load {row['load'][0]:6.1f} s wall {row['load'][1]:6.1f} s CPU; "
                      f"reprocess {row['reprocess'][0]:6.1f} s wall {row['reprocess'][1]:6.1f} s CPU")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=20_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--pg", default=os.environ.get("EVENTMAP_TEST_PG"))
    ap.add_argument("--json")
    ap.add_argument("--load", type=int, metavar="N", help="instead: a load of N events with the events' indexes "
                    "kept and deferred (EventStore.bulk_load), then a reprocess of it")
    args = ap.parse_args(argv)
    if args.load:
        rows = run_load(args.load, args.runs) + (run_load(args.load, args.runs, args.pg) if args.pg else [])
        for backend, mode in [(b, m) for b in dict.fromkeys(r["backend"] for r in rows) for m in ("kept", "deferred")]:
            mine = [r for r in rows if r["mode"] == mode and r["backend"] == backend]
            lw = statistics.median(r["load"][0] for r in mine)
            rw = statistics.median(r["reprocess"][0] for r in mine)
            print(f"{backend:<7} {mode:<8} {args.load:,} events: load {args.load / lw:,.0f} events/s, reprocess "
                  f"{args.load / rw:,.0f} events/s (wall, medians of {len(mine)})")
        if args.json:
            Path(args.json).write_text(json.dumps(rows, indent=1))
        return 0
    res = summary(run_bulk(args.events, args.runs, args.pg))
    for r in res:
        med = statistics.median
        print(f"{r['what']:<12} {r['backend']:<9} {r['rows']:>8,} rows: {med(r['per_s']):>9,.0f}/s "
              f"({r['clock']}); {r['floor']} {med(r['floor_per_s']):>9,.0f}/s; ratio {med(r['ratio']):.2f}; "
              f"load {med(r['load']):.1f}" + (f"; {r['floor2']} {med(r['floor2_per_s']):,.0f}/s" if r["floor2_per_s"]
                                              else ""))
        if r["copy_ratio"]:
            print(f"{'':<22} ours / binary COPY (LZ4): {med(r['copy_ratio']):.2f}; text COPY (pglz, the floor before) "
                  f"{med(r['copy_text_per_s']):,.0f}/s")
        if r["backend"] == "PostGIS" and r["cpu_per_s"]:
            # a measure with no COPY floor of its own (the bulk load: its floor is SQLite's, indexes deferred)
            copy = (f"; PostgreSQL's own COPY {med(r['floor2_cpu_per_s']):,.0f}/s" if r["floor2_cpu_per_s"] else "")
            print(f"{'':<22} CPU of client + server: {med(r['cpu_per_s']):>9,.0f}/s; ratio to SQLite's executemany CPU "
                  f"{med(r['cpu_ratio']):.2f}{copy}")
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
