"""``EventStore``: one interface over two SQL backends (embedded GeoPackage, PostGIS).

All SQL here is written once with ``?`` placeholders and portable syntax
(``INSERT ... ON CONFLICT``, ``LIKE ... ESCAPE``); the backend object
(``sqlite.SQLiteBackend`` / ``postgis.PostGISBackend``) adapts placeholders,
opens write transactions and writes geometries.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
import json
import logging
from dataclasses import replace
from typing import Any
from collections.abc import Callable, Iterable, Iterator, Sequence

import pandas as pd
import pyarrow as pa

from eventmap.frame import FRAME_COLUMNS, frame_from_rows, frame_from_table, normalise_frame
from eventmap.model import Event, Report
from eventmap.nogc import paused_gc
from eventmap.store import corrections as _corr
from eventmap.store import bulk_load, migrations
from eventmap.store.bulk import EVENT_COLUMNS, event_from_row, event_params, row_from_event
from eventmap.store.corroborate import (
    SMALL, cluster_tuples, clusters_any_order, crowded, join_sources, ordinal_of, place_key)
from eventmap.store.filters import EventFilter, search_key
from eventmap.store.records import (
    Correction, IngestResult, StoreDamagedError, StoreError, StoreReadOnlyError, StoreVersionError,
    utc_now,
)
from eventmap.text import name_key, normalize_ar

log = logging.getLogger(__name__)

_FRAME_FROM_TABLE = [c for c in FRAME_COLUMNS if c not in ("number_of_sources", "sources")]
_LIGHT = ("fid", "event_id", "report_id", "place_key", "event_type", "event_date", "source",
          "geo_precision", "confidence", "status", "merged_into")
#: what ``_merged`` reads of the filtered rows besides the frame's columns (their status and merged_into are not read)
_MERGE_KEYS = tuple(c for c in _LIGHT if c not in ("status", "merged_into"))
#: what ``query`` reads of each filtered row: the frame's columns and the merge keys
_QUERY_COLUMNS = list(dict.fromkeys(list(_FRAME_FROM_TABLE) + list(_MERGE_KEYS)))


#: the columns of the filter widgets that an index of ``events`` leads (``migrations``): their distinct values are
#: read along it (``EventStore._distinct``)
_INDEX_LED = frozenset({"event_type", "sub_event_type", "admin1", "admin2", "admin3", "source"})


def sql_literal(value: str) -> str:
    """``value`` as an SQL string literal (quotes doubled). Text with a NUL is refused: a C string would end there."""
    if not isinstance(value, str) or "\x00" in value:
        raise ValueError(f"not a value to write into SQL: {value!r}")
    return "'" + value.replace("'", "''") + "'"


def q(col: str) -> str:
    """Quote a column name (``trigger`` is an SQL keyword)."""
    return f'"{col}"'


def content_hash(text: str) -> str:
    """The report identity, the same as ``eventmap.events.reader.report_id_for``: sha256 of the
    normalised text (Arabic letter forms, diacritics, whitespace), first 16 hex digits."""
    try:
        from eventmap.events.reader import report_id_for
    except ImportError:  # the reader is optional for the store; same formula
        return hashlib.sha256(normalize_ar(text or "").encode("utf-8")).hexdigest()[:16]
    return report_id_for(text or "")


def day_shift(day: str, days: int) -> str:
    """ISO ``day`` moved by ``days``, clamped to the calendar's ends (a stored 0001-01-01 or 9999-12-31
    must not break a read); a value that is not a date comes back as it is (string order still holds)."""
    try:
        return (_dt.date.fromisoformat(str(day)[:10]) + _dt.timedelta(days=days)).isoformat()
    except OverflowError:
        return _dt.date.min.isoformat() if days < 0 else _dt.date.max.isoformat()
    except ValueError:
        return str(day)


def _date_only(f: EventFilter) -> bool:
    """True when ``f`` selects every visible event inside its date window (nothing else constrains it)."""
    return not (f.event_types or f.sub_event_types or f.admin1 or f.admin2 or f.admin3 or f.bbox or f.resolutions
                or f.sources or f.actors or (f.text or "").strip() or f.report_ids or f.include_hidden
                or f.limit is not None)


class EventStore:
    """Reports, events, corrections, analyst places and reference layers in one store.

    Use ``eventmap.store.open_store(url)`` to get one.  Every write is one
    transaction; a report and its events commit together or not at all.
    """

    def __init__(self, backend) -> None:
        self._db = backend
        self.url = backend.url
        self.dialect = backend.dialect
        try:
            self._migrate()
        except BaseException:
            backend.close()
            raise
        self._loading = False   # a bulk load (``bulk_load``) is running through this store object
        if not self.readonly:  # nothing can be imported into a store that cannot be written
            bulk_load.heal(self)
            self._import_user_places()

    @property
    def bulk_loading(self) -> bool:
        """True while a bulk load (``bulk_load``) with the indexes deferred runs through this store object."""
        return self._loading

    @property
    def readonly(self) -> bool:
        """True when this store can be read but not written here (permissions, or damage found)."""
        return bool(getattr(self._db, "readonly", False))

    @property
    def damaged(self) -> str:
        """What is wrong with a damaged store ("" when sound, or not checked: see ``store.health``)."""
        return str(getattr(self._db, "damaged", "") or "")

    @property
    def notices(self) -> list[str]:
        """What the user should be told about this store on opening it (a 0-byte file, damage found)."""
        return list(getattr(self._db, "notices", ()))

    @property
    def load_note(self) -> str:
        """While a bulk load has the events' indexes dropped (another process's ``eventmap ingest`` of thousands
        of reports, say), or one stopped before it built them again: a line for whoever reads the store, since
        queries are slower until then ("" otherwise; read from the store each time it is asked)."""
        from eventmap.store import bulk_load
        try:
            return bulk_load.status_text(self)
        except StoreError:   # a damaged store, read where it can be: its notices say so, and this adds nothing
            return ""

    def ensure_writable(self) -> None:
        """Raise ``StoreReadOnlyError`` / ``StoreDamagedError`` now if this store cannot be written here
        (checking a damaged file first), instead of at the first write of a long job."""
        check = getattr(self._db, "check_before_write", None)
        if check is not None:
            with self._db._lock:
                check()

    def _import_user_places(self) -> None:
        """Pins kept in the per-user file (before the store held them) come into the store, once."""
        from eventmap.store import analyst
        try:
            n = analyst.import_user_file(self)
        except Exception as exc:  # noqa: BLE001 - a bad old file never stops the store from opening
            log.warning("could not import the analyst places file: %s", exc)
            return
        if n:
            log.warning("imported %d analyst places from the per-user file into %s", n, self._db.display_url)

    # ------------------------------------------------------------------ lifecycle
    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<EventStore {self.dialect} {self._db.display_url}>"

    def schema_version(self) -> int:
        rows = self._db.fetchall("SELECT value FROM meta WHERE key = 'schema_version'")
        return int(rows[0][0]) if rows else 0

    def _newer(self, version: int) -> StoreVersionError:
        return StoreVersionError(
            f"{self._db.display_url} has store schema version {version}, newer than this eventmap understands "
            f"(up to {migrations.CURRENT_VERSION}). Upgrade eventmap (`pip install -U eventmap`, or "
            "`git pull && pip install -e .` in a checkout), or open it with the version that wrote it.")

    def _stored_version(self) -> int:
        """The schema version written in the store (0: none), read without taking the write lock."""
        if not self._db.has_table("meta"):
            return 0
        rows = self._db.fetchall("SELECT value FROM meta WHERE key = 'schema_version'")
        return int(rows[0][0]) if rows else 0

    def _migrate(self) -> None:
        db = self._db
        version = self._stored_version()
        if version == migrations.CURRENT_VERSION:
            return  # nothing to do, nothing written: a read-only store opens too
        if version > migrations.CURRENT_VERSION:
            raise self._newer(version)
        if self.readonly:
            if getattr(db, "damaged", ""):
                from eventmap.store.health import damaged_text
                raise StoreDamagedError(damaged_text(db.path, db.damaged))
            if version == 0 and (db.has_table("events") or db.has_table("reports")):
                raise StoreVersionError(f"{db.display_url} has events/reports tables but no eventmap schema version: "
                                        "it was not written by eventmap. Point --db / EVENTMAP_DB at your store.")
            what = "an empty file" if version == 0 else f"store schema version {version}"
            raise StoreReadOnlyError(
                f"{db.display_url} is {what} and read-only here, so this eventmap (schema version "
                f"{migrations.CURRENT_VERSION}) cannot set it up: open it once with write permission, or pass --db "
                "to another store.")
        with db.write(schema_lock=True):
            has_meta = db.has_table("meta")
            if not has_meta:
                if db.has_table("events") or db.has_table("reports"):
                    raise StoreVersionError(
                        f"{db.display_url} has events/reports tables but no eventmap schema version: it was not "
                        "written by eventmap. Point --db / EVENTMAP_DB at a new file or database.")
                version = 0
            else:
                rows = db.fetchall("SELECT value FROM meta WHERE key = 'schema_version'")
                version = int(rows[0][0]) if rows else 0
            if version > migrations.CURRENT_VERSION:
                raise self._newer(version)
            if version == migrations.CURRENT_VERSION:
                return
            if version:
                log.warning("upgrading store %s from schema %d to %d", db.display_url, version,
                            migrations.CURRENT_VERSION)
            for v in range(version + 1, migrations.CURRENT_VERSION + 1):
                for stmt in migrations.statements(v, self.dialect):
                    db.execute(stmt)
                db.after_schema(v)
                if v == 2 and version:  # existing rows need the v2 keys
                    self._backfill_keys()
                db.execute("INSERT INTO meta (key, value) VALUES ('schema_version', ?) "
                           "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (str(v),))
        db.checkpoint()

    def _backfill_keys(self) -> None:
        rows = self._db.fetchall("SELECT fid, place_id, latitude, longitude, notes, location, place_name_ar, "
                                 "place_name_en FROM events")
        upd = [(place_key(pid, lat, lon), search_key(" ".join(x or "" for x in (notes, loc, ar, en))), fid)
               for fid, pid, lat, lon, notes, loc, ar, en in rows]
        if upd:
            self._db.executemany("UPDATE events SET place_key = ?, search = ? WHERE fid = ?", upd)

    # ------------------------------------------------------------------ ingest
    def bulk_load(self, reports: int) -> contextlib.AbstractContextManager[bool]:
        """A load of ``reports`` reports (``with store.bulk_load(n) as deferred: ...``): when it is large beside what
        is stored, the events' secondary indexes are dropped for it and built once at its end (see
        ``eventmap.store.bulk_load``); each write inside is still one transaction. Yields whether they were."""
        return bulk_load.deferred_indexes(self, reports)

    def ingest(self, report: Report, events: Sequence[Event]) -> IngestResult:
        """Store a report and its events in one transaction; the same text again is a "duplicate"."""
        return self.ingest_many([(report, events)])[0]

    def ingest_many(self, items: Iterable[tuple[Report, Sequence[Event]]]) -> list[IngestResult]:
        """Several reports in ONE transaction (for bulk loads; each report is still whole or absent).

        The batch is written in bulk: one statement for the reports, one for all the new reports'
        events (``executemany`` on the embedded store, ``COPY`` on PostGIS); a report already stored,
        or met earlier in the same batch, is a "duplicate" and its events are not written."""
        prepared = [self._prepare(r, evs) for r, evs in items]
        from eventmap.store import analyst
        with self._db.write():
            new = self._insert_reports(prepared)
            evs = [e for (_, es), is_new in zip(prepared, new) if is_new for e in es]
            self._insert_events(evs)
            pins = analyst.place_rows(self) if evs else []
            if pins:
                analyst.auto_pin(self, evs, rows=pins)
            if any(new):
                self._bump()
        return [IngestResult(rep.report_id, "new", len(es),
                             tuple(dict.fromkeys(e.location for e in es if e.resolution == "unresolved" and e.location)))
                if is_new else IngestResult(rep.report_id, "duplicate", 0, ())
                for (rep, es), is_new in zip(prepared, new)]

    def _prepare(self, report: Report, events: Sequence[Event]) -> tuple[Report, list[Event]]:
        if not isinstance(report, Report):
            raise TypeError("ingest() takes a eventmap.model.Report")
        if not (report.text or "").strip():
            raise ValueError("empty report text")
        if "\x00" in report.text:  # PostgreSQL cannot store it; refuse on both backends alike
            raise ValueError("report text contains NUL characters (binary input?)")
        rid = report.report_id or content_hash(report.text)
        lang = report.language or next((e.language for e in events if e.language), "")
        report = replace(report, report_id=rid, language=lang)
        evs: dict[str, Event] = {}
        for e in events:
            if e.report_id != rid:
                e = replace(e, report_id=rid)
            evs.setdefault(e.event_id, e)  # an id twice in one extraction: keep the first
        return report, list(evs.values())

    def _insert_reports(self, prepared: Sequence[tuple[Report, list[Event]]]) -> list[bool]:
        """Insert the reports not stored yet (in batch order); per report, True when it is new here."""
        now = utc_now()
        rows = [(rep.report_id, rep.text, rep.title or "", rep.source or "", rep.url or "", rep.language or "",
                 rep.published or "", now, len(evs), next((e.extractor for e in evs if e.extractor), ""))
                for rep, evs in prepared]
        cols = ("report_id", "text", "title", "source", "url", "language", "published", "ingested_at", "n_events",
                "extractor")
        inserted = self._db.insert_new(  # the first of a report_id within the batch is the one stored
            "reports", cols, rows, key="report_id")
        seen: set[str] = set()
        out = []
        for r in rows:
            out.append(r[0] in inserted and r[0] not in seen)
            seen.add(r[0])
        return out

    #: events per chunk of rows made while PostGIS's ``COPY`` writes the chunk before (``insert_new_chunks``)
    COPY_CHUNK = 1000

    def _insert_events(self, evs: Sequence[Event]) -> None:
        if not evs:
            return
        cols = list(EVENT_COLUMNS) + ["extracted"]
        geom_many = getattr(self._db, "geom_many", None)
        chunked = getattr(self._db, "insert_new_chunks", None)
        n = self.COPY_CHUNK
        if chunked is not None and len(evs) > n and set(map(type, evs)) == {Event}:
            chunks = (event_params(evs[i:i + n], cols, self._db.geom_value, geom_many) for i in range(0, len(evs), n))
            chunked("events", cols, [e.event_id for e in evs], chunks, key="event_id", geom="geom")
            return
        rows = event_params(evs, cols, self._db.geom_value, geom_many)
        self._db.insert_new("events", cols, rows, key="event_id", geom="geom", returning=False)

    # ------------------------------------------------------------------ reads
    def _select_sql(self, f: EventFilter | None, cols: Sequence[str], newest: bool = False,
                    placed: bool | None = None) -> tuple[str, list]:
        f = f or EventFilter()
        where, params = f.to_sql(dialect=self.dialect)
        if placed is not None:
            where += f" AND latitude IS {'NOT ' if placed else ''}NULL"
        order = "event_date DESC, fid DESC" if newest else "event_date, fid"
        sql = f"SELECT {', '.join(q(c) for c in cols)} FROM events WHERE {where} ORDER BY {order}"
        if f.limit is not None:
            sql += f" LIMIT {int(f.limit)}"
        return sql, params

    def _select_tuples(self, f: EventFilter | None, cols: Sequence[str], newest: bool = False,
                       placed: bool | None = None) -> list[tuple]:
        return self._db.fetchall(*self._select_sql(f, cols, newest, placed))

    def _companions(self, rows: Sequence[tuple], f: EventFilter | None = None) -> list[dict]:
        """Visible events that may corroborate ``rows`` but were outside the filter, and events merged into them.
        ``rows``: the filtered rows' keys, ``(event_date, fid, event_id, place_key, event_type, ...)`` as
        ``cluster_tuples`` takes them. Only events of a place and type of ``rows`` can join their clusters, and the
        filtered rows are read once: at 100,000 events, a filter on one type read the 70,000 events of the others
        at the same places (0.6 s), a filter on the resolution every filtered row a second time (0.7 s), to drop
        them all."""
        dates = [r[0] for r in rows if r[3] and r[0]]
        return self._companions_of(lambda: [r[2] for r in rows], (min(dates), max(dates)) if dates else None,
                                   lambda: {(r[3], r[4]) for r in rows if r[3]}, f)

    def _companions_of(self, ids: Callable[[], list[str]], dates: tuple[str, str] | None,
                       pairs_of: Callable[[], set[tuple]], f: EventFilter | None) -> list[dict]:
        """:meth:`_companions` of rows told by what it reads of them: ``ids()``, their event ids; ``dates``, the first
        and last date of those with a place and a date (``None``: no such row); ``pairs_of()``, their distinct
        ``(place_key, event_type or "")`` with a place. ``ids`` and ``pairs_of`` are called only when needed (the
        dashboard's first page, every date of the store, needs neither unless an analyst merged events)."""
        have: set[str] | None = None
        out: list[dict] = []
        ranges: list[tuple[str, list]] = []
        if dates:
            lo, hi = day_shift(dates[0], -1), day_shift(dates[1], 1)
            if f is not None and _date_only(f):
                # every visible event inside the window is already in ``rows``: only the day on each side is missing
                if f.since:
                    ranges.append(("event_date >= ? AND event_date < ?", [lo, f.since]))
                if f.until:
                    ranges.append(("event_date > ? AND event_date <= ?", [f.until, hi]))
            elif f is not None and f.limit is None:
                # outside the filter, said in SQL: the filtered rows are not read a second time to be dropped
                # (an event whose filter condition is NULL, a missing admin name, is outside, as in the WHERE)
                where, params = f.to_sql(dialect=self.dialect)
                ranges.append((f"event_date >= ? AND event_date <= ? AND NOT COALESCE(({where}), FALSE)",
                               [lo, hi, *params]))
            else:
                ranges.append(("event_date >= ? AND event_date <= ?", [lo, hi]))
        pairs = pairs_of() if ranges else set()
        keys = sorted({pk for pk, _ in pairs})
        types = sorted({t for _, t in pairs if t})
        of_type = [f"event_type IN ({', '.join('?' for _ in types)})"] if types else []
        if any(not t for _, t in pairs):
            of_type.append("event_type IS NULL OR event_type = ''")
        for cond, bounds in ranges:
            for i in range(0, len(keys), 500):
                chunk = keys[i:i + 500]
                sql = (f"SELECT {', '.join(q(c) for c in _LIGHT)} FROM events WHERE status = 'ok' AND {cond} "
                       f"AND ({' OR '.join(of_type)}) AND place_key IN ({', '.join('?' for _ in chunk)})")
                for r in self._db.fetchall(sql, [*bounds, *types, *chunk]):
                    d = dict(zip(_LIGHT, r))
                    if have is None:
                        have = set(ids())
                    if d["event_id"] not in have and (d["place_key"], d["event_type"] or "") in pairs:
                        have.add(d["event_id"])
                        out.append(d)
        if self._db.fetchall("SELECT 1 FROM events WHERE merged_into IS NOT NULL LIMIT 1"):  # indexed
            every = ids() + [r["event_id"] for r in out]
            for i in range(0, len(every), 500):
                chunk = every[i:i + 500]
                sql = (f"SELECT {', '.join(q(c) for c in _LIGHT)} FROM events WHERE status = 'merged' AND merged_into "
                       f"IN ({', '.join('?' for _ in chunk)})")
                out.extend(dict(zip(_LIGHT, r)) for r in self._db.fetchall(sql, chunk))
        return out

    def _merged(self, f: EventFilter | None, cols: Sequence[str]) -> tuple[list[str], list[tuple], list[tuple]]:
        """Filtered rows with corroborated events merged: ``(columns, rows, aggregates)``.

        One row per cluster (the best-located, most confident event of the filtered ones),
        with ``(number_of_sources, sources, event_ids)`` per row in ``aggregates``.
        """
        need = list(dict.fromkeys(list(cols) + list(_MERGE_KEYS)))
        rows = self._select_tuples(f, need)
        if not rows:
            return need, [], []
        picked, agg = self._corroborate(f, rows, need)
        return need, [rows[k] for k in picked], agg

    def _corroborate(self, f: EventFilter | None, rows: Sequence[tuple], names: Sequence[str],
                     extra: list[dict] | None = None, crowded_only: bool = False) -> tuple[list[int], list[tuple]]:
        """Which of the filtered ``rows`` (tuples of the ``names`` columns, ``_MERGE_KEYS`` among them) stand for
        their cluster, in date order, and each one's ``(number_of_sources, sources, event_ids)``. ``extra``: their
        companions (:meth:`_companions`) when already read; ``crowded_only``: every row is known to have another
        of its place and type within a day (``corroborate.crowded``), so none is looked for alone again."""
        ix = {c: i for i, c in enumerate(names)}
        i_date, i_fid, i_id, i_pk, i_type, i_rep, i_src = (ix[c] for c in (
            "event_date", "fid", "event_id", "place_key", "event_type", "report_id", "source"))
        i_prec, i_conf = ix["geo_precision"], ix["confidence"]
        keys = [(r[i_date] or "", r[i_fid] or 0, r[i_id] or "", r[i_pk], r[i_type] or "", r[i_rep] or "")
                for r in rows]
        if extra is None:   # (event_date and event_id are NOT NULL: their keys are their values)
            extra = self._companions(keys, f)
        n_main = len(rows)
        srcs = [r[i_src] for r in rows]
        merged_in = []
        for d in extra:
            if d["status"] == "ok":
                keys.append((d["event_date"] or "", d["fid"] or 0, d["event_id"] or "", d["place_key"],
                             d["event_type"] or "", d["report_id"] or ""))
                srcs.append(d["source"])
            else:
                merged_in.append(d)
        # (the output is put in date order below)
        clusters = cluster_tuples(keys) if crowded_only else clusters_any_order(keys)
        extra_members: dict[int, list[dict]] = {}
        if merged_in:
            by_id = {keys[i][2]: ci for ci, members in enumerate(clusters) for i in members}
            for d in merged_in:
                ci = by_id.get(d["merged_into"])
                if ci is not None:
                    extra_members.setdefault(ci, []).append(d)
        out: list[int] = []
        agg: list[tuple] = []
        for ci, members in enumerate(clusters):
            if len(members) == 1 and ci not in extra_members:
                i = members[0]
                if i < n_main:
                    out.append(i)
                    agg.append((1, srcs[i] or "", keys[i][2]))
                continue
            mine = [i for i in members if i < n_main]
            if not mine:
                continue
            best = min(mine, key=lambda i: (rows[i][i_prec] or 9, -(rows[i][i_conf] or 0.0), rows[i][i_fid]))
            more = extra_members.get(ci, [])
            reps = {keys[i][5] for i in members} | {d["report_id"] for d in more}
            out.append(best)
            agg.append((len(reps), join_sources([srcs[i] for i in members] + [d["source"] for d in more]),
                        "; ".join(sorted([keys[i][2] for i in members] + [d["event_id"] for d in more]))))
        by = [(rows[i][i_date] or "", rows[i][i_fid]) for i in out]  # the sort key, made once (not a function per row)
        order = sorted(range(len(out)), key=by.__getitem__)
        return [out[k] for k in order], [agg[k] for k in order]

    def query(self, f: EventFilter | None = None) -> pd.DataFrame:
        """Events matching ``f`` as a frame (``FRAME_COLUMNS`` + ``event_ids``): corrections applied,
        false positives and merged duplicates hidden, corroborating reports merged into one row.
        Sorted by date; ``f.limit`` keeps the earliest."""
        with paused_gc():   # a row of 40 values per event, made and dropped: nothing for the cyclic collector
            need, rows, agg = self._merged(f, _FRAME_FROM_TABLE)
            return self._frame(f, need, rows, agg)

    def newest(self, f: EventFilter | None = None, limit: int = 500, placed: bool | None = None) -> pd.DataFrame:
        """The latest ``limit`` stored events matching ``f``, newest first, one row per stored event (as
        ``count_stored`` counts them: corroborating reports are not merged, so a page of N rows is N of the
        counted events): one page of a store too large to load whole, read backwards along the date index.
        ``placed``: only events with (True) or without (False) a point."""
        f = replace(f or EventFilter(), limit=int(limit))
        need = list(_FRAME_FROM_TABLE)
        rows = self._select_tuples(f, need, newest=True, placed=placed)
        i_src, i_id = need.index("source"), need.index("event_id")
        return self._frame(f, need, rows, [(1, r[i_src] or "", r[i_id]) for r in rows])

    def query_sql(self, f: EventFilter | None = None) -> tuple[str, list, list[str]]:
        """``(sql, params, columns)``: the rows :meth:`query` merges, for a reader other than this store's own
        connection (the dashboard's helper reads them into Arrow with GDAL: :meth:`query_from_table`)."""
        sql, params = self._select_sql(f, _QUERY_COLUMNS)
        return sql, params, list(_QUERY_COLUMNS)

    def query_from_table(self, f: EventFilter | None, table: Any) -> pd.DataFrame:
        """:meth:`query` from ``table`` (a ``pyarrow.Table``): the rows of :meth:`query_sql` as another reader read
        them, in its ``columns``. The same frame; only the columns corroboration reads become Python values."""
        if table.num_rows == 0:
            return self._frame(f, _QUERY_COLUMNS, [], [])
        with paused_gc():
            picked, agg = self._corroborate_table(f, table)
            return self._frame(f, _QUERY_COLUMNS, table.select(_QUERY_COLUMNS).take(picked), agg)

    def _corroborate_table(self, f: EventFilter | None, table: Any,
                           above: int | None = None) -> tuple[list[int], list[tuple]]:
        """:meth:`_corroborate` of the rows of ``table`` (a ``pyarrow.Table`` with the ``_MERGE_KEYS`` columns), the same
        result. Above ``above`` rows (default ``corroborate.SMALL``) and with no companions, the rows that no
        other row of their place and type comes within a day of (81% of the dashboard benchmark's 100,000 events,
        each a cluster of its own: ``corroborate.crowded``) are found in Arrow and numpy, and only the others become
        Python values: at 100,000 events 0.2 s of CPU instead of 0.4 in the dashboard's helper."""
        import numpy as np
        import pyarrow.compute as pc

        def rows(t: Any) -> list[tuple]:
            return list(zip(*(t.column(c).to_pylist() for c in _MERGE_KEYS)))

        n = table.num_rows
        if n < (SMALL if above is None else above) or not n:
            return self._corroborate(f, rows(table), _MERGE_KEYS)
        table = table.select(list(_MERGE_KEYS))
        col = {c: table.column(c).combine_chunks() for c in _MERGE_KEYS}
        date = pc.fill_null(col["event_date"], "")
        placed = np.asarray(pc.fill_null(pc.not_equal(col["place_key"], ""), False))
        bounds = pc.min_max(pc.filter(date, pa.array(placed & np.asarray(pc.not_equal(date, "")))))
        extra = self._companions_of(
            lambda: pc.fill_null(col["event_id"], "").to_pylist(),
            None if bounds["min"].as_py() is None else (bounds["min"].as_py(), bounds["max"].as_py()),
            lambda: set(zip(pc.filter(col["place_key"], placed).to_pylist(),
                            pc.filter(pc.fill_null(col["event_type"], ""), placed).to_pylist())), f)
        codes = date.dictionary_encode()
        texts = codes.dictionary.to_pylist()
        ordinal = np.fromiter((ordinal_of(d) for d in texts), dtype=np.int64, count=len(texts))
        day = ordinal[np.asarray(codes.indices)]
        if extra or (day[placed] == 0).any():   # rows from outside the filter, or a date that is not ISO
            return self._corroborate(f, rows(table), _MERGE_KEYS, extra)
        near = crowded(day, placed, np.asarray(pc.fill_null(col["place_key"], "").dictionary_encode().indices),
                       np.asarray(pc.fill_null(col["event_type"], "").dictionary_encode().indices))
        busy, alone = np.flatnonzero(near), np.flatnonzero(~near)
        picked, agg = self._corroborate(f, rows(table.take(busy)), _MERGE_KEYS, [], crowded_only=True) \
            if len(busy) else ([], [])
        every = np.concatenate([alone, busy[np.asarray(picked, dtype=np.int64)]])
        rank = np.empty(len(texts), dtype=np.int64)
        rank[sorted(range(len(texts)), key=texts.__getitem__)] = np.arange(len(texts))
        fid = np.asarray(pc.fill_null(col["fid"], 0), dtype=np.int64)
        order = np.lexsort((fid[every], rank[np.asarray(codes.indices)][every]))   # by date, then fid (as sorted)
        agg = list(zip([1] * len(alone), pc.fill_null(col["source"].take(alone), "").to_pylist(),
                       pc.fill_null(col["event_id"].take(alone), "").to_pylist())) + agg
        return every[order].tolist(), [agg[k] for k in order.tolist()]

    def _frame(self, f: EventFilter | None, need: list[str], rows: Any, agg: list[tuple]) -> pd.DataFrame:
        """The frame of ``rows`` (tuples, or a ``pyarrow.Table`` of the ``need`` columns) and their aggregates."""
        cols = list(FRAME_COLUMNS) + ["event_ids"]
        if not len(rows):
            return normalise_frame(pd.DataFrame(columns=cols))
        extra = {"number_of_sources": [a[0] for a in agg], "sources": [a[1] for a in agg],
                 "event_ids": [a[2] for a in agg]}
        df = frame_from_table(rows, need, cols, extra) if isinstance(rows, pa.Table) else \
            frame_from_rows(rows, need, cols, extra)
        if f is not None and f.limit is not None:
            df = df.head(int(f.limit))
        return normalise_frame(df)

    def control_tuples(self, columns: Sequence[str], sub_event_types: Sequence[str],
                       until: str | None = None) -> list[tuple]:
        """The stored events of ``sub_event_types`` (those that say who holds a place: the control layer,
        ``eventmap.control``, passes them with the ``columns`` it reads), as tuples in ``columns`` order:
        each report's own row (corroborated events are not merged: a disagreement must stay visible),
        corrections applied, events dismissed as "not an event" left out and those merged by an analyst
        kept with their target."""
        return list(self._db.fetchall(*self.control_sql(columns, sub_event_types, until)))

    def control_sql(self, columns: Sequence[str], sub_event_types: Sequence[str], until: str | None = None,
                    inline: bool = False) -> tuple[str, list]:
        """``(sql, params)`` of :meth:`control_tuples`; ``inline``: the values written into the SQL as quoted
        literals and no parameters (for a reader that takes none: ``store.gdal_read``)."""
        params: list[Any] = list(sub_event_types)
        if until:
            params.append(str(until)[:10])
        marks = [sql_literal(v) for v in params] if inline else ["?"] * len(params)
        where = f"status IN ('ok', 'merged') AND sub_event_type IN ({', '.join(marks[:len(sub_event_types)])})"
        if until:
            where += f" AND event_date <= {marks[-1]}"
        sql = f"SELECT {', '.join(q(c) for c in columns)} FROM events WHERE {where}"   # the model sorts
        return sql, [] if inline else params

    def count(self, f: EventFilter | None = None) -> int:
        """Number of rows ``query(f)`` returns (corroborated events counted once)."""
        n = len(self._merged(f, ())[1])
        return min(n, int(f.limit)) if f is not None and f.limit is not None else n

    def count_stored(self, f: EventFilter | None = None) -> int:
        """Number of stored event rows matching ``f`` (each report's events counted separately)."""
        where, params = (f or EventFilter()).to_sql(dialect=self.dialect)
        return int(self._db.fetchall(f"SELECT COUNT(*) FROM events WHERE {where}", params)[0][0])

    def get_event(self, event_id: str) -> Event | None:
        """One stored event, corrections applied (also when hidden as false positive or merged)."""
        cols = list(EVENT_COLUMNS)
        rows = self._db.fetchall(f"SELECT {', '.join(q(c) for c in cols)} FROM events WHERE event_id = ?",
                                 (event_id,))
        if not rows:
            return None
        return Event.from_dict(event_from_row(dict(zip(cols, rows[0]))))

    def event_status(self, event_id: str) -> str | None:
        rows = self._db.fetchall("SELECT status FROM events WHERE event_id = ?", (event_id,))
        return rows[0][0] if rows else None

    def report_events(self, report_id: str) -> list[str]:
        """Event ids stored for one report (in extraction order)."""
        return [r[0] for r in self._db.fetchall("SELECT event_id FROM events WHERE report_id = ? ORDER BY fid",
                                                (report_id,))]

    def grouped_counts(self, f: EventFilter | None = None) -> list[tuple]:
        """Stored events matching ``f`` counted per ``(event_date, event_type, latitude, longitude,
        geo_precision)``, as ``count_stored`` counts them (corrections applied, each corroborating report's
        event once); events without a point have ``None`` coordinates. What the dashboard reads of a store
        too large to load (its timeline, counts and binned map): one grouped scan of the ``events_overview``
        index (schema 5), in index order, that never reads the table unless ``f`` searches the text."""
        where, params = (f or EventFilter()).to_sql(dialect=self.dialect)
        return self._db.fetchall(
            "SELECT event_date, event_type, latitude, longitude, geo_precision, COUNT(*) FROM events "
            f"WHERE {where} GROUP BY event_date, event_type, latitude, longitude, geo_precision", params)

    def point_names(self, points: Iterable[tuple[float, float]]) -> dict[tuple[float, float], tuple[str, str]]:
        """``(place_name_en, place_name_ar)`` of a stored event at each ``(latitude, longitude)`` (one indexed
        row read per point, names preferred over blanks)."""
        out: dict[tuple[float, float], tuple[str, str]] = {}
        sql = "SELECT place_name_en, place_name_ar FROM events WHERE latitude = ? AND longitude = ? AND status = 'ok'"
        for lat, lon in points:
            rows = self._db.fetchall(sql + " LIMIT 1", (lat, lon))
            if rows and not (rows[0][0] or rows[0][1]):   # a nameless row first: look for a named one
                rows = self._db.fetchall(sql + " AND (place_name_en <> '' OR place_name_ar <> '') LIMIT 1",
                                         (lat, lon)) or rows
            out[(lat, lon)] = (str(rows[0][0] or ""), str(rows[0][1] or "")) if rows else ("", "")
        return out

    def point_day_counts(self, f: EventFilter | None = None) -> tuple[list[tuple], list[tuple]]:
        """Events matching ``f`` counted per (day, event type, point, approximate), for a map of more events
        than a browser can draw one by one: ``(bins, points)``.

        ``bins``: ``(day, event_type, latitude, longitude, approximate 0/1, n)`` sorted by day; ``points``:
        ``(latitude, longitude, place_name_en, place_name_ar, n)``. Stored rows are counted as
        ``count_stored`` counts them; events without coordinates are left out. From ``grouped_counts``
        (one grouped scan of an index) and ``point_names``: no event row reaches Python."""
        agg: dict[tuple, int] = {}
        per_point: dict[tuple[float, float], int] = {}
        for day, etype, lat, lon, prec, n in self.grouped_counts(f):
            if lat is None or lon is None:
                continue
            k = (str(day or "")[:10], etype, lat, lon, 1 if (prec or 1) >= 2 else 0)
            agg[k] = agg.get(k, 0) + int(n)
            per_point[(lat, lon)] = per_point.get((lat, lon), 0) + int(n)
        bins = [(*k, n) for k, n in sorted(agg.items(), key=lambda kv: kv[0][0])]
        names = self.point_names(per_point)
        points = [(lat, lon, *names[(lat, lon)], n) for (lat, lon), n in per_point.items()]
        return bins, points

    def has_reports(self) -> bool:
        """Whether any report is stored (one indexed row read, whatever the store's size)."""
        return bool(self._db.fetchall("SELECT 1 FROM reports LIMIT 1"))

    def reports(self) -> pd.DataFrame:
        cols = ["report_id", "title", "source", "url", "language", "published", "ingested_at", "n_events",
                "extractor"]
        rows = self._db.fetchall(f"SELECT {', '.join(cols)} FROM reports ORDER BY published, fid")
        return pd.DataFrame.from_records(rows, columns=cols) if rows else pd.DataFrame(columns=cols)

    def get_report(self, report_id: str) -> Report | None:
        rows = self._db.fetchall("SELECT text, published, title, source, url, language, report_id FROM reports "
                                 "WHERE report_id = ?", (report_id,))
        return Report(*rows[0]) if rows else None

    def date_span(self, within: tuple[str, str] | None = None) -> tuple[str | None, str | None]:
        """(first, last) event date of the visible events; ``(None, None)`` for an empty store.

        ``within=(first, last)``: only dates inside those bounds count (the dashboard's timeline
        cannot draw a stored 0001-01-01 or 9999-12-31)."""
        where, params = "status = 'ok'", []
        if within:
            where += " AND event_date >= ? AND event_date <= ?"
            params = [within[0], within[1] + "~"]   # '~' sorts after any time part of the last day
        # two queries: MIN and MAX together defeat SQLite's index min/max shortcut
        lo = self._db.fetchall(f"SELECT MIN(event_date) FROM events WHERE {where}", params)[0][0]
        hi = self._db.fetchall(f"SELECT MAX(event_date) FROM events WHERE {where}", params)[0][0]
        return lo, hi

    def data_version(self) -> int:
        """A counter bumped by every change (ingest, correction, pin, reprocess, import), in any process:
        a cheap cache key for the dashboard."""
        rows = self._db.fetchall("SELECT value FROM meta WHERE key = 'data_version'")
        return int(rows[0][0]) if rows else 0

    def newest_ids(self) -> tuple[str, str]:
        """The ids of the last event and the last report stored (storage order; "" when none): beside
        :meth:`data_version` and the counts, what tells this store's contents from another's made by as many
        writes (``ui.session.data_token``). Two indexed lookups."""
        ev = self._db.fetchall("SELECT event_id FROM events ORDER BY fid DESC LIMIT 1")
        rep = self._db.fetchall("SELECT report_id FROM reports ORDER BY fid DESC LIMIT 1")
        return (str(ev[0][0] or "") if ev else "", str(rep[0][0] or "") if rep else "")

    def _bump(self) -> None:
        self._db.execute("INSERT INTO meta (key, value) VALUES ('data_version', '1') ON CONFLICT (key) DO UPDATE "
                         "SET value = CAST(CAST(meta.value AS INTEGER) + 1 AS TEXT)")

    def facets(self) -> dict[str, list[str]]:
        """Distinct values for filter widgets, keyed like ``EventFilter`` fields (cached per ``data_version``)."""
        version = self.data_version()
        cached = getattr(self, "_facets_cache", None)
        if cached and cached[0] == version:
            return {k: list(v) for k, v in cached[1].items()}
        out: dict[str, list[str]] = {}
        for key, col in (("event_types", "event_type"), ("sub_event_types", "sub_event_type"),
                         ("admin1", "admin1"), ("admin2", "admin2"), ("admin3", "admin3"),
                         ("sources", "source"), ("resolutions", "resolution")):
            out[key] = sorted(self._distinct(col))
        out["actors"] = sorted(set(self._distinct("actor1")) | set(self._distinct("actor2")))
        self._facets_cache = (version, {k: list(v) for k, v in out.items()})
        return out

    def _distinct(self, col: str) -> list[str]:
        """The values of ``col`` (not empty) among the visible events. A column an index leads (``migrations``) is
        read from one value to the next along the index, a look-up per value, checking that a visible event has it:
        not a scan of every event (at 1,000,000 events 0.825 s for six columns, against 0.018 s)."""
        if col in _INDEX_LED:
            sql = (f"WITH RECURSIVE v(x) AS (SELECT MIN({col}) FROM events WHERE {col} > '' UNION ALL "
                   f"SELECT (SELECT MIN({col}) FROM events WHERE {col} > v.x) FROM v WHERE v.x IS NOT NULL) "
                   f"SELECT x FROM v WHERE x IS NOT NULL AND EXISTS "
                   f"(SELECT 1 FROM events WHERE {col} = v.x AND status = 'ok')")
        else:
            sql = f"SELECT DISTINCT {col} FROM events WHERE status = 'ok' AND {col} <> ''"
        return [r[0] for r in self._db.fetchall(sql)]

    def unresolved_names(self) -> pd.DataFrame:
        """Place names that did not resolve: ``name`` (most frequent spelling), ``count``, ``examples`` (sentences)."""
        rows = self._db.fetchall("SELECT location, notes FROM events WHERE status = 'ok' AND resolution = 'unresolved' "
                                 "AND location <> '' ORDER BY fid")
        groups: dict[str, dict] = {}
        from eventmap.store.analyst import dismissed_keys
        skip = dismissed_keys(self)
        for loc, notes in rows:
            k = name_key(loc) or loc
            if k in skip:
                continue
            g = groups.setdefault(k, {"spellings": {}, "count": 0, "examples": []})
            g["spellings"][loc] = g["spellings"].get(loc, 0) + 1
            g["count"] += 1
            if notes and notes not in g["examples"] and len(g["examples"]) < 3:
                g["examples"].append(notes)
        recs = [{"name": max(g["spellings"], key=g["spellings"].get), "count": g["count"],
                 "examples": g["examples"], "spellings": sorted(g["spellings"])} for g in groups.values()]
        recs.sort(key=lambda r: (-r["count"], r["name"]))
        return pd.DataFrame(recs, columns=["name", "count", "examples", "spellings"])

    def names_to_fix(self, limit: int | None = None, suggest: bool = False) -> pd.DataFrame:
        """The queue of names to fix (``analyst.name_queue``): unresolved, ambiguous and approximate names
        with counts, sentences, the current estimate and suggestions, most events first."""
        from eventmap.store import analyst
        q = analyst.name_queue(self, limit=limit, suggest=suggest)
        return pd.DataFrame(q, columns=list(analyst.QUEUE_COLUMNS))

    # ------------------------------------------------------------------ corrections
    def _event_key(self, event_id: str) -> tuple[str, str, int | None, int | None] | None:
        rows = self._db.fetchall("SELECT report_id, location, mention_start, mention_end FROM events "
                                 "WHERE event_id = ?", (event_id,))
        return tuple(rows[0]) if rows else None

    def _resolve_payload(self, c: Correction) -> dict[str, Any]:
        if c.kind == "repin_place":
            place = self.analyst_place(c.place_id)
            if place is None:
                try:
                    from eventmap.places.gazetteer import default_gazetteer
                    p = default_gazetteer().get(c.place_id)
                except ImportError:
                    p = None
                if p is not None:
                    place = {"place_id": p.id, "place_name_ar": p.name_ar, "place_name_en": p.name_en,
                             "admin1": p.admin1_en, "admin2": p.admin2_en, "admin3": p.admin3_en,
                             "admin1_pcode": p.admin1_pcode, "admin2_pcode": p.admin2_pcode,
                             "admin3_pcode": p.admin3_pcode, "lat": p.lat, "lon": p.lon}
            if place is None and c.payload.get("lat") is not None:
                place = dict(c.payload)
            if place is None:
                raise ValueError(f"unknown place {c.place_id!r}: not in the gazetteer nor among analyst places "
                                 "(pin it first: eventmap places pin NAME --lat --lon)")
            return place
        if c.kind == "repin_coords":
            payload: dict[str, Any] = {}
            try:
                from eventmap.places.gazetteer import default_gazetteer
                p = default_gazetteer().admin_for_point(float(c.lat or 0.0), float(c.lon or 0.0))  # checked: not None
            except Exception:  # noqa: BLE001 - gazetteer not built or no boundaries: keep the admin names as they were
                p = None
            if p is not None:
                payload = {"admin1": p.admin1_en, "admin2": p.admin2_en, "admin3": p.admin3_en or p.name_en,
                           "admin1_pcode": p.admin1_pcode, "admin2_pcode": p.admin2_pcode,
                           "admin3_pcode": p.admin3_pcode or (p.source_id if p.kind == "subdistrict" else "")}
            return payload
        return dict(c.payload or {})

    def add_correction(self, c: Correction, batch: str = "") -> Correction:
        """Validate, store and apply one correction; returns it with its id and stable key filled."""
        return self.add_corrections([c], batch=batch)[0]

    def add_corrections(self, cs: Sequence[Correction], batch: str = "") -> list[Correction]:
        """Several corrections as ONE analyst action: validated first, stored in one transaction, with
        one batch id (``fix:...`` unless given) so a single ``undo(batch)`` takes them all back."""
        import uuid

        batch = batch or f"fix:{uuid.uuid4().hex[:12]}"
        ready = []
        for c in cs:
            c = _corr.validate(c)
            key = self._event_key(c.event_id)
            if key is None:
                raise ValueError(f"no event {c.event_id!r} in this store")
            if c.kind == "merge" and self._event_key(c.into_event_id) is None:
                raise ValueError(f"merge target {c.into_event_id!r} is not in this store")
            payload = self._resolve_payload(c)
            ready.append(replace(c, created_at=c.created_at or utc_now(), report_id=key[0], location=key[1] or "",
                                 mention_start=key[2], mention_end=key[3], payload=payload, status="active",
                                 batch=batch))
        out = []
        with self._db.write():
            for c in ready:
                args = json.dumps(_corr.args_of(c), ensure_ascii=False, sort_keys=True)
                cid = self._db.insert_returning_id(
                    "INSERT INTO corrections (kind, event_id, report_id, location, mention_start, mention_end, "
                    "author, reason, created_at, args, status, batch) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    "'active', ?)",
                    (c.kind, c.event_id, c.report_id, c.location, c.mention_start, c.mention_end, c.author,
                     c.reason or "", c.created_at, args, batch), "correction_id")
                out.append(replace(c, correction_id=cid))
            self._rewrite_events([c.event_id for c in ready])
            if ready:
                self._bump()
        return out

    _CORR_COLS = ("correction_id", "kind", "event_id", "report_id", "location", "mention_start", "mention_end",
                  "author", "reason", "created_at", "args", "status", "batch", "undone_at", "undone_by",
                  "replaced_by")

    def _corrections_where(self, where: str = "1=1", params: Sequence = ()) -> list[Correction]:
        rows = self._db.fetchall(f"SELECT {', '.join(self._CORR_COLS)} FROM corrections WHERE {where} "
                                 "ORDER BY created_at, correction_id", params)
        out = []
        for r in rows:
            d = dict(zip(self._CORR_COLS, r))
            for k in ("batch", "undone_at", "undone_by", "replaced_by"):
                d[k] = d[k] or ""
            args = json.loads(d.pop("args") or "{}")
            payload = args.pop("payload", {})
            out.append(Correction(**d, **args, payload=payload))
        return out

    def corrections(self, status: str | None = None, event_id: str | None = None,
                    batch: str | None = None) -> list[Correction]:
        """All corrections (or those with ``status`` "active" / "stale" / "undone" / "replaced", of one event,
        of one batch), oldest first."""
        where, params = ["1=1"], []
        for col, v in (("status", status), ("event_id", event_id), ("batch", batch)):
            if v:
                where.append(f"{col} = ?")
                params.append(v)
        return self._corrections_where(" AND ".join(where), params)

    def _extractions(self, where: str, params: Sequence[Any]) -> list[tuple[str, dict[str, Any]]]:
        """``(event_id, the event as the extractor made it)`` of the events ``where`` selects: the JSON in
        ``extracted``, or, where that is empty (a row never rewritten by :meth:`_rewrite_events`: its
        columns are still the extraction), the row's own columns (``bulk.event_from_row``)."""
        cols = ["extracted", *EVENT_COLUMNS]
        out = []
        for r in self._db.fetchall(f"SELECT {', '.join(q(c) for c in cols)} FROM events WHERE {where}", params):
            d = dict(zip(cols, r))
            out.append((d["event_id"], json.loads(d["extracted"]) if d["extracted"] else event_from_row(d)))
        return out

    def _rewrite_events(self, event_ids: Iterable[str]) -> None:
        """Recompute the effective values of events from their extraction + active corrections (the
        extraction written to ``extracted`` first, as the columns stop being it)."""
        cols = [c for c in EVENT_COLUMNS if c != "event_id"]
        sql = (f"UPDATE events SET {', '.join(f'{q(c)} = ?' for c in cols)}, extracted = ?, "
               f"geom = {self._db.geom_placeholder} WHERE event_id = ?")
        for eid in dict.fromkeys(event_ids):
            got = self._extractions("event_id = ?", (eid,))
            if not got:
                continue
            ev = got[0][1]
            corrs = self._corrections_where("event_id = ? AND status = 'active'", (eid,))
            ev2, status, merged_into, corrected = _corr.apply(ev, corrs)
            row = row_from_event(ev2, status, merged_into, corrected)
            self._db.execute(sql, [row[c] for c in cols] + [
                json.dumps(ev, ensure_ascii=False, sort_keys=True),
                self._db.geom_value(row["latitude"], row["longitude"]), eid])

    # ------------------------------------------------------------------ analyst places (store.analyst)
    def analyst_place(self, place_id: str) -> dict[str, Any] | None:
        """What a ``repin_place`` correction to an active analyst place copies onto its event."""
        from eventmap.store import analyst
        row = next((r for r in analyst.place_rows(self) if r["place_id"] == place_id), None)
        return analyst.payload_of(row) if row else None

    def analyst_places(self, status: str | None = "active") -> pd.DataFrame:
        """The analyst places of this store (shared by everyone who uses it)."""
        from eventmap.store import analyst
        cols = ["place_id", "name", "name_ar", "name_en", "variants", "latitude", "longitude", "admin1", "admin2",
                "admin3", "admin3_pcode", "author", "note", "created_at", "status", "batch"]
        rows = analyst.place_rows(self, status=status)
        return pd.DataFrame([{c: r.get(c) for c in cols} for r in rows], columns=cols)

    def add_analyst_place(self, name: str, lat: float, lon: float, *, name_ar: str = "", name_en: str = "",
                          variants: Sequence[str] = (), admin1: str = "", admin2: str = "", admin3: str = "",
                          author: str = "analyst", note: str = "", place_id: str | None = None) -> tuple[str, int]:
        """Store an analyst place and re-pin the stored events that name it in its area (``analyst.pin``).

        Returns ``(place_id, number of events re-pinned)``.  The re-pinning is a
        ``repin_place`` correction per event (author and note kept), so it survives ``reprocess``.
        """
        from eventmap.store import analyst
        res = analyst.pin(self, name, lat, lon, author=author or "analyst", reason=note, name_ar=name_ar,
                          name_en=name_en, variants=variants, place_id=place_id,
                          admin={"admin1": admin1, "admin2": admin2, "admin3": admin3})
        return res.place_id, res.events

    def extractor(self, extract_fn: Callable[..., list[Event]] | None = None) -> Callable[..., list[Event]]:
        """``extract_fn`` (default: the eventmap extractor) looking names up with this store's analyst places."""
        from eventmap.store import analyst
        return analyst.extractor_for(self, extract_fn)

    def pin(self, name: str, lat: float, lon: float, **kw: Any):
        """Pin a name and re-resolve its stored events at once (``eventmap.store.analyst.pin``)."""
        from eventmap.store import analyst
        return analyst.pin(self, name, lat, lon, **kw)

    def unpin(self, place: str, **kw: Any) -> tuple[str, int]:
        from eventmap.store import analyst
        return analyst.unpin(self, place, **kw)

    def dismiss_name(self, name: str, **kw: Any) -> str:
        from eventmap.store import analyst
        return analyst.dismiss(self, name, **kw)

    def undo(self, batch: str, author: str) -> int:
        """Take back one analyst action or batch of corrections; returns the events changed."""
        from eventmap.store import analyst
        return analyst.undo(self, batch, author=author)

    # ------------------------------------------------------------------ reprocess (run by eventmap.pipeline)
    #: reports re-extracted, then replaced together in one transaction, by ``eventmap.pipeline.reprocess`` (each
    #: commit writes every page the batch touched: 1,000 at a time took 0.17 s of commits for 20,000 events, 250
    #: took 0.33 s)
    REPROCESS_BATCH = 1000

    def stored_reports(self, size: int | None = None) -> tuple[int, Iterator[list[Report]]]:
        """``(number of reports, batches of stored reports)``: ``size`` (default ``REPROCESS_BATCH``)
        at a time in storage order, up to the last report stored when this was called."""
        size = size or self.REPROCESS_BATCH
        n_reports, last_fid = self._db.fetchall("SELECT COUNT(*), MAX(fid) FROM reports")[0]

        def batches() -> Iterator[list[Report]]:
            fid = 0
            while True:
                rows = self._db.fetchall(
                    "SELECT fid, text, published, title, source, url, language, report_id FROM reports "
                    "WHERE fid > ? AND fid <= ? ORDER BY fid LIMIT ?", (fid, int(last_fid or 0), size))
                if not rows:
                    return
                fid = rows[-1][0]
                yield [Report(*r[1:]) for r in rows]

        return int(n_reports or 0), batches()

    def before_replacing(self) -> None:
        """Before a run of :meth:`replace_events`: the server's statistics of the column each batch finds its
        rows by (``report_id``), so that it plans that look-up with the index. On PostGIS a store loaded since
        its last ``ANALYZE`` has none, and each batch's ``DELETE`` read the whole table (28 ms a batch at
        100,000 events, 5 with the index; a reprocess of 300,000 events 23.4 s, 16.6 s with the statistics)."""
        self._db.analyze({"events": ("report_id",)})

    def replace_events(self, batch: Sequence[tuple[Report, list[Event]]]
                       ) -> tuple[list[Correction], list[Correction], dict[str, str]]:
        """Replace the events of these stored reports, in one transaction (each report whole: old events
        or new, never a mix).  A live correction follows its event by id, else by (report, place name as
        written, mention offsets), else by the place name when exactly one new event has it; corrections
        that match nothing are marked "stale" (never deleted).  Returns ``(kept, stale, old id -> new id)``;
        after the last batch, :meth:`follow_merges` with the ids gathered."""
        with self._db.write():
            kept, stale, id_map = self._replace_reports_events(batch)
            self._bump()
        return kept, stale, id_map

    def follow_merges(self, id_map: dict[str, str], kept: list[Correction], stale: list[Correction]) -> None:
        """After :meth:`replace_events`: merge corrections follow events renamed in another report."""
        self._restale_merges(id_map, kept, stale)

    def _restale_merges(self, id_map: dict[str, str], kept: list[Correction], stale: list[Correction]) -> None:
        """Merge corrections point at events that may have been renamed in another report."""
        with self._db.write():
            for c in self._corrections_where("kind = 'merge' AND status = 'active'"):
                target = id_map.get(c.into_event_id, c.into_event_id)
                if self._event_key(target) is None:
                    self._db.execute("UPDATE corrections SET status = 'stale' WHERE correction_id = ?",
                                     (c.correction_id,))
                    kept[:] = [x for x in kept if x.correction_id != c.correction_id]
                    stale.append(replace(c, status="stale"))
                    self._rewrite_events([c.event_id])
                elif target != c.into_event_id:
                    args = json.dumps({"into_event_id": target}, sort_keys=True)
                    self._db.execute("UPDATE corrections SET args = ? WHERE correction_id = ?",
                                     (args, c.correction_id))
                    self._rewrite_events([c.event_id])

    def _replace_reports_events(self, batch: Sequence[tuple[Report, list[Event]]]):
        """Replace the events of several reports (inside the caller's transaction), in bulk: one
        DELETE, one bulk insert, one UPDATE of the reports; the corrections follow report by report."""
        rids = [rep.report_id for rep, _ in batch]
        marks = ", ".join("?" for _ in rids)
        # undone and replaced corrections stay as the analyst left them: only live ones follow their event
        corrs: dict[str, list[Correction]] = {}
        for c in self._corrections_where(f"report_id IN ({marks}) AND status IN ('active', 'stale')", rids):
            corrs.setdefault(c.report_id, []).append(c)
        old: dict[str, list[str]] = {}   # the ids deleted, per report (one statement: DELETE ... RETURNING)
        for eid, rid in self._db.delete_returning("events", f"report_id IN ({marks})", rids, "event_id, report_id"):
            old.setdefault(rid, []).append(eid)
        self._insert_events([e for _, new in batch for e in new])
        kept: list[Correction] = []
        stale: list[Correction] = []
        touched: list[str] = []
        id_map: dict[str, str] = {}
        for rep, new in batch:
            if rep.report_id in corrs:   # most reports have none: no look-up tables to build for them
                k, st, t, m = self._follow_corrections(corrs[rep.report_id], new)
                kept += k
                stale += st
                touched += t
                id_map.update(m)
            by_id = {e.event_id for e in new}
            for oid in old.get(rep.report_id, ()):
                if oid in by_id:
                    id_map.setdefault(oid, oid)
        self._db.update_many("reports", "report_id", ("n_events", "extractor"),
                             [(len(new), next((e.extractor for e in new if e.extractor), ""), rep.report_id)
                              for rep, new in batch])
        self._rewrite_events(touched)
        from eventmap.store import analyst
        pins = analyst.place_rows(self)
        if pins:
            analyst.auto_pin(self, [e for _, new in batch for e in new],
                             skip={c.event_id for c in kept if c.kind == "repin_place"}, rows=pins)
        return kept, stale, id_map

    def _follow_corrections(self, corrs: list[Correction], new: list[Event]):
        """One report's live corrections moved onto its new events (or marked stale)."""
        by_id = {e.event_id: e for e in new}
        by_key: dict[tuple, list[str]] = {}
        by_loc: dict[str, list[str]] = {}
        for e in new:
            by_key.setdefault((e.location, e.evidence.mention_start, e.evidence.mention_end), []).append(e.event_id)
            by_loc.setdefault(e.location, []).append(e.event_id)
        id_map: dict[str, str] = {}
        kept, stale, touched = [], [], []
        for c in corrs:
            target = None
            if c.event_id in by_id:
                target = c.event_id
            elif len(by_key.get((c.location, c.mention_start, c.mention_end), [])) >= 1:
                target = by_key[(c.location, c.mention_start, c.mention_end)][0]
            elif len(by_loc.get(c.location, [])) == 1:
                target = by_loc[c.location][0]
            if target is None:
                self._db.execute("UPDATE corrections SET status = 'stale' WHERE correction_id = ?",
                                 (c.correction_id,))
                stale.append(replace(c, status="stale"))
                continue
            id_map[c.event_id] = target
            e = by_id[target]
            self._db.execute(
                "UPDATE corrections SET event_id = ?, location = ?, mention_start = ?, mention_end = ?, "
                "status = 'active' WHERE correction_id = ?",
                (target, e.location, e.evidence.mention_start, e.evidence.mention_end, c.correction_id))
            kept.append(replace(c, event_id=target, status="active"))
            touched.append(target)
        return kept, stale, touched, id_map

    # ------------------------------------------------------------------ reference layers
    def import_reference(self, kind: str, source) -> int:
        """Load an ACLED export or a UCDP GED CSV (path or DataFrame) as a reference layer; returns rows stored.

        Rows are upserted by their dataset id, so importing the same file twice changes nothing.
        """
        from eventmap.store import reference
        cols = ["kind", "ref_id", "event_date", "event_type", "sub_event_type", "actor1", "actor2", "location",
                "admin1", "admin2", "admin3", "latitude", "longitude", "geo_precision", "fatalities", "source",
                "notes", "raw", "imported_at"]
        geom_many = getattr(self._db, "geom_many", None)
        now = utc_now()
        n = 0
        # one transaction (the file whole or nothing), read, mapped and stored a chunk of rows at a time; a chunk's
        # cells, columns and parameter rows are new containers freed by reference counting (no cycle): nothing for
        # the cyclic collector, which would walk the whole heap again and again as they are made
        with paused_gc(), self._db.write():
            for got in reference.reference_chunks(kind, source, reference.CHUNK_ROWS):
                k = len(got["ref_id"])
                lat, lon = got["latitude"], got["longitude"]
                geoms = geom_many(lat, lon) if geom_many else list(map(self._db.geom_value, lat, lon))
                params = list(zip([kind] * k, *(got[c] for c in cols[1:-1]), [now] * k, geoms))
                if len(set(got["ref_id"])) != k:
                    # a ref_id twice in the file: its last row's values at its first row's place, as row-by-row
                    # upserts left it (in a later chunk, the upsert itself does that)
                    first: dict[str, int] = {}
                    rows: list[tuple] = []
                    for p in params:
                        i = first.setdefault(p[1], len(rows))
                        if i == len(rows):
                            rows.append(p)
                        else:
                            rows[i] = p
                    params = rows
                self._db.insert_new("reference_events", cols, params, key="kind, ref_id", geom="geom",
                                    returning=False, update=cols[2:])
                n += k
            self._bump()
        return n

    def reference_layer(self, kind: str, since: str | None = None, until: str | None = None) -> pd.DataFrame:
        """A reference layer (ACLED or UCDP rows), never mixed with extracted events."""
        cols = ["kind", "ref_id", "event_date", "event_type", "sub_event_type", "actor1", "actor2", "location",
                "admin1", "admin2", "admin3", "latitude", "longitude", "geo_precision", "fatalities", "source",
                "notes"]
        where, params = "kind = ?", [kind]
        if since:
            where += " AND event_date >= ?"
            params.append(str(since)[:10])
        if until:
            where += " AND event_date <= ?"
            params.append(str(until)[:10])
        rows = self._db.fetchall(f"SELECT {', '.join(cols)} FROM reference_events WHERE {where} "
                                 "ORDER BY event_date, fid", params)
        df = pd.DataFrame.from_records(rows, columns=cols) if rows else pd.DataFrame(columns=cols)
        df["latitude"] = pd.to_numeric(df["latitude"], errors="coerce").astype(float)
        df["longitude"] = pd.to_numeric(df["longitude"], errors="coerce").astype(float)
        return df


__all__ = ["EventStore", "content_hash", "name_key", "row_from_event", "EVENT_COLUMNS", "StoreError"]
