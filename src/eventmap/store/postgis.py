"""Shared backend: PostgreSQL + PostGIS through psycopg 3.

Geometries are ``geometry(Point,4326)`` with a GiST index.  Reads run in
autocommit; each write is one transaction.  Two processes ingesting the same
report at once: the unique ``report_id`` makes the second a no-op
(``ON CONFLICT DO NOTHING`` waits for the first to commit).
"""

from __future__ import annotations

import contextlib
import re
import threading
from collections.abc import Iterator, Sequence
from typing import Any

from eventmap.store import geopackage as gpkg
from eventmap.store._txn import NestedWrites, on_conflict
from eventmap.store.records import StoreError

_SCHEMA_LOCK = 0x6576656E746D6170 & 0x7FFFFFFFFFFFFFFF  # "eventmap"
#: an EWKB point's head: little-endian, type 1 with the SRID flag, SRID 4326 (a WKB point's x, y follow)
_EWKB_4326 = b"\x01\x01\x00\x00\x20\xe6\x10\x00\x00"


def _pg(sql: str) -> str:
    return sql.replace("%", "%%").replace("?", "%s")


def _distinct_text(keys: Sequence[Any]) -> bool:
    """True when every key is a ``str`` and none repeats (else the rows take the ``ON CONFLICT`` way)."""
    return set(map(type, keys)) == {str} and len(set(keys)) == len(keys)


class _NotBinary(Exception):
    """A later chunk of a binary ``COPY`` has a value that is not of its column's type."""


#: type oids a binary ``COPY`` writes here -> the Python types whose values go as they are (None: NULL)
_BINARY_OK: dict[int, tuple[type, ...]] = {25: (str,), 23: (int,), 20: (int,), 701: (float,), 17: (bytes,)}
_INT_RANGE = {23: (-2**31, 2**31 - 1), 20: (-2**63, 2**63 - 1)}
_BYTEA, _BIGINT = 17, 20


def binary_types(types: dict[str, int], cols: Sequence[str], rows: Sequence[Sequence],
                 geom: str | None) -> list[int] | None:
    """The type oids to ``COPY`` ``rows`` (values of ``cols``, then the geometry's WKB when ``geom``
    names its column) in binary format, or None when a value is not exactly of its column's type
    (an int in a float column, a str subclass, an int out of range, an unknown column type): then the
    text format reads them as it always did. The geometry goes as bytes (``bytea``'s binary form is the
    bytes themselves, which the server reads with ``geometry``'s own binary input, EWKB)."""
    oids = [types.get(c, 0) for c in cols] + ([_BYTEA] if geom else [])
    for i, oid in enumerate(oids):
        ok = _BINARY_OK.get(oid)
        if ok is None:
            return None
        column = [r[i] for r in rows]
        if not set(map(type, column)) <= {*ok, type(None)}:
            return None
        if oid in _INT_RANGE:
            values = [v for v in column if v is not None]
            lo, hi = _INT_RANGE[oid]
            if values and not lo <= min(values) <= max(values) <= hi:
                return None
    return oids


class PostGISBackend(NestedWrites):
    dialect = "postgis"
    geom_placeholder = "ST_GeomFromWKB(?, 4326)"

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError as exc:  # pragma: no cover - psycopg is a dependency
            raise StoreError("the PostGIS store needs psycopg: pip install 'psycopg[binary]'") from exc
        self.url = url
        self.display_url = re.sub(r"//([^:@/]+):[^@/]*@", r"//\1:***@", url)
        try:
            self.conn = psycopg.connect(url, autocommit=True)
        except psycopg.OperationalError as exc:
            raise StoreError(f"cannot connect to {self.display_url}: {exc}".strip()) from exc
        self._lock = threading.RLock()
        self._psycopg = psycopg
        self._tx = None
        self._depth = 0
        has_postgis = self.conn.execute("SELECT 1 FROM pg_extension WHERE extname = 'postgis'").fetchone()
        if not has_postgis:
            try:
                self.conn.execute("CREATE EXTENSION IF NOT EXISTS postgis")
            except psycopg.Error as exc:
                raise StoreError(f"{self.display_url} has no PostGIS and this user cannot add it: ask an admin to "
                                 "run CREATE EXTENSION postgis; in that database") from exc
        self._fast_compression()

    def _fast_compression(self) -> None:
        """Compress this session's long values (a report's text; before schema 6, every event's ``extracted``
        JSON) with LZ4, not pglz: a fifth less server CPU for a bulk COPY of events then, the same values read
        back (any PostgreSQL 14+ reads both). A server without LZ4, or older than 14, keeps its default."""
        try:
            self.conn.execute("SET default_toast_compression = 'lz4'")
        except self._psycopg.Error:
            pass

    @staticmethod
    def geom_value(lat, lon):
        return gpkg.wkb_point(lat, lon)

    #: ``geom_value`` of a batch
    geom_many = staticmethod(gpkg.wkb_points)

    def execute(self, sql: str, params: Sequence = ()) -> int:
        with self._lock:
            return self.conn.execute(_pg(sql), tuple(params)).rowcount

    def executemany(self, sql: str, seq) -> None:
        with self._lock:
            with self.conn.cursor() as cur:
                cur.executemany(_pg(sql), [tuple(p) for p in seq])

    def fetchall(self, sql: str, params: Sequence = ()) -> list[tuple]:
        with self._lock:
            return self.conn.execute(_pg(sql), tuple(params)).fetchall()

    def delete_returning(self, table: str, where: str, params: Sequence, cols: str) -> list[tuple]:
        """``DELETE FROM table WHERE where``, returning ``cols`` of the rows deleted (one statement)."""
        return self.fetchall(f"DELETE FROM {table} WHERE {where} RETURNING {cols}", params)

    def update_many(self, table: str, key: str, cols: Sequence[str], rows: Sequence[Sequence]) -> None:
        """Set ``cols`` of the rows whose ``key`` is each row's last value: one ``UPDATE ... FROM unnest``
        of the columns as arrays (``executemany`` when a key repeats, where the last row must win)."""
        if not rows:
            return
        if len({r[-1] for r in rows}) != len(rows):
            sets = ", ".join(f'"{c}" = ?' for c in cols)
            self.executemany(f"UPDATE {table} SET {sets} WHERE {key} = ?", rows)
            return
        names = [*cols, key]
        quoted = ", ".join(f'"{c}"' for c in names)
        sets = ", ".join(f'"{c}" = _v."{c}"' for c in cols)
        with self._lock, self.conn.cursor() as cur:
            cur.execute("SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = "
                        "%s::regclass AND attname = ANY(%s)", (table, names))
            types: dict[str, str] = dict(cur.fetchall())
            arrays = ", ".join(f"%s::{types[c]}[]" for c in names)
            cur.execute(f'UPDATE {table} SET {sets} FROM unnest({arrays}) AS _v({quoted}) '
                        f'WHERE {table}."{key}" = _v."{key}"', [list(c) for c in zip(*rows)])

    def insert_returning_id(self, sql: str, params: Sequence, id_col: str) -> int:
        with self._lock:
            row = self.conn.execute(_pg(sql) + f" RETURNING {id_col}", tuple(params)).fetchone()
            assert row is not None  # INSERT ... RETURNING returns the row it inserted
            return int(row[0])

    def insert_new(self, table: str, cols: Sequence[str], rows: Sequence[Sequence], key: str,
                   geom: str | None = None, returning: bool = True, update: Sequence[str] = ()) -> set:
        """Insert ``rows`` (values of ``cols``, then the geometry as WKB when ``geom`` names its column),
        skipping rows whose ``key`` is stored already (or met earlier in ``rows``), or with ``update``
        setting those columns (and the geometry) of the stored row instead (then ``rows`` must not
        repeat a key); returns the keys inserted (with ``returning``).

        When no key repeats in ``rows`` and none is stored (one indexed look-up for the batch; without
        ``returning``, for the first row's key only: a re-import meets it at once, and any other stored key
        makes the ``COPY`` fail and fall back, as in :meth:`insert_new_chunks`), the rows
        go straight into the table with ``COPY`` (one stream, in order, hence their fid), under a savepoint:
        a key another writer stores meanwhile makes it fall back. Otherwise they go into a temporary
        table with ``COPY``, then one ``INSERT ... SELECT ... ORDER BY`` ``ON CONFLICT``. Both run inside
        the caller's transaction: a failure anywhere leaves nothing behind."""
        if not rows:
            return set()
        keys = [k.strip() for k in key.split(",")]
        with self.write(), self.conn.cursor() as cur:  # never in autocommit: the commit would empty the table
            found = self._all_new(cur, table, cols, rows, keys, ask=returning)
            if found is not None:
                try:
                    with self.conn.transaction():
                        self._copy_into(cur, table, cols, rows, geom)
                    return found if returning else set()
                except self._psycopg.errors.UniqueViolation:
                    pass   # stored by another writer since the look-up: the ON CONFLICT way below
            return self._insert_via_temp(cur, table, cols, rows, key, geom, returning, update)

    def insert_new_chunks(self, table: str, cols: Sequence[str], keys: Sequence[str],
                          chunks: Iterator[Sequence[Sequence]], key: str, geom: str | None = None) -> None:
        """``insert_new(table, cols, rows, key, geom, returning=False)`` of the rows ``chunks`` makes, one
        chunk at a time while ``COPY`` streams the chunk before (the client makes rows on one core while
        the server writes them on another). ``keys``: each row's ``key`` (a text column), in order, known
        before the rows are made. The same rows are stored as by ``insert_new`` (the same ways: straight
        ``COPY``, or all the rows through the temporary table's ``ON CONFLICT``).

        Unlike ``insert_new`` it does not ask the server first whether a key is stored: the callers (a batch
        of new reports' events, a reprocessed report's new events after its old ones are deleted) almost never
        meet one, and the ``COPY`` runs under a savepoint, so a stored key makes it fall back to the
        ``ON CONFLICT`` way with every row. The look-up (an index probe per key) cost 9% of ``ingest_many``'s
        wall time at 100,000 events (7% of its CPU, client and server), 3% of reprocess's (in turns, 2026-12-04)."""
        if not keys:
            return
        done: list[Sequence[Sequence]] = []
        with self.write(), self.conn.cursor() as cur:
            if _distinct_text(keys):
                try:
                    with self.conn.transaction():
                        self._copy_chunks(cur, table, cols, chunks, geom, done)
                    return
                except (self._psycopg.errors.UniqueViolation, _NotBinary):
                    pass   # a key stored already (or by another writer meanwhile), or a chunk not all of its types
            rows = [r for part in done for r in part] + [r for part in chunks for r in part]
            self._insert_via_temp(cur, table, cols, rows, key, geom, False, ())

    def _all_new(self, cur, table: str, cols: Sequence[str], rows: Sequence[Sequence], keys: list[str],
                 ask: bool = True) -> set | None:
        """The keys of ``rows`` when they are distinct and none is stored, else None. ``ask=False`` looks up the
        first row's key alone (0.1 ms, where 10,000 keys took 25-30 ms against a table of 90,000 rows): another
        may be stored, and the caller's ``COPY`` then fails under its savepoint."""
        at = [list(cols).index(k) for k in keys]
        columns = [[r[i] for r in rows] for i in at]
        if any(set(map(type, c)) != {str} for c in columns):
            return None   # the keys are text columns; anything else takes the ON CONFLICT way
        found: set = set(columns[0]) if len(at) == 1 else set(zip(*columns))
        if len(found) != len(rows):
            return None
        marks = ", ".join("%s::text[]" for _ in keys)
        cur.execute(f"SELECT 1 FROM {table} WHERE ({', '.join(keys)}) IN (SELECT * FROM unnest({marks})) LIMIT 1",
                    columns if ask else [c[:1] for c in columns])
        return None if cur.fetchone() else found

    def _copy_into(self, cur, table: str, cols: Sequence[str], rows: Sequence[Sequence], geom: str | None) -> None:
        """``COPY`` the rows into ``table`` (:meth:`_copy_chunks` of one chunk)."""
        self._copy_chunks(cur, table, cols, iter([rows]), geom, [])

    def _copy_chunks(self, cur, table: str, cols: Sequence[str], chunks: Iterator[Sequence[Sequence]],
                     geom: str | None, done: list) -> None:
        """``COPY`` the rows of ``chunks`` into ``table`` in one stream, each chunk made (by the iterator)
        while the server writes the one before; each chunk is appended to ``done`` as it is sent. The
        geometry goes as EWKB (SRID 4326 in it). In binary format (:func:`binary_types`) when every value
        of the first chunk is of its column's type, else in text (hex EWKB); a later chunk that could not go
        in binary raises :class:`_NotBinary` (the caller takes another way, with the chunks in ``done``)."""
        first = next(chunks, None)
        if first is None:
            return
        names = ", ".join(f'"{c}"' for c in cols)
        n = len(cols)
        column_types = self._column_types(cur, table)
        types = binary_types(column_types, cols, first, geom)
        with cur.copy(f"COPY {table} ({names}{', ' + geom if geom else ''}) FROM STDIN"
                      + (" (FORMAT BINARY)" if types else "")) as cp:
            if types:
                cp.set_types(types)
            rows: Sequence[Sequence] | None = first
            while rows is not None:
                done.append(rows)
                if not geom:
                    for r in rows:
                        cp.write_row(r[:n])
                elif types:
                    for r in rows:
                        g = r[n]
                        cp.write_row((*r[:n], None if g is None else _EWKB_4326 + g[5:]))
                else:
                    for r in rows:
                        g = r[n]
                        cp.write_row((*r[:n], None if g is None else (_EWKB_4326 + g[5:]).hex()))
                rows = next(chunks, None)
                if rows is not None and types and binary_types(column_types, cols, rows, geom) is None:
                    done.append(rows)
                    raise _NotBinary(table)

    @staticmethod
    def _column_types(cur, table: str) -> dict[str, int]:
        """``table``'s columns and their type oids (the table ``search_path`` finds, as ``COPY`` does)."""
        cur.execute("SELECT attname, atttypid FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0 "
                    "AND NOT attisdropped", (table,))
        return {str(a): int(t) for a, t in cur.fetchall()}

    def _insert_via_temp(self, cur, table: str, cols: Sequence[str], rows: Sequence[Sequence], key: str,
                         geom: str | None, returning: bool, update: Sequence[str]) -> set:
        names = [f'"{c}"' for c in cols]
        tmp = f"_eventmap_bulk_{table}"
        # per session, emptied at every commit (a rollback takes the table itself away: IF NOT EXISTS)
        cur.execute(f"CREATE TEMP TABLE IF NOT EXISTS {tmp} ON COMMIT DELETE ROWS AS SELECT {', '.join(names)}, "
                    f"NULL::bytea AS _wkb, 0::bigint AS _seq FROM {table} WITH NO DATA")
        cur.execute(f"TRUNCATE {tmp}")
        n = len(cols)
        types = binary_types(self._column_types(cur, table), cols, rows, geom)
        with cur.copy(f"COPY {tmp} ({', '.join(names)}, _wkb, _seq) FROM STDIN"
                      + (" (FORMAT BINARY)" if types else "")) as cp:
            if types:
                cp.set_types(types + ([] if geom else [_BYTEA]) + [_BIGINT])
            if geom:
                for i, r in enumerate(rows):
                    cp.write_row((*r, i))
            else:
                for i, r in enumerate(rows):
                    cp.write_row((*r[:n], None, i))
        target = ", ".join(names) + (f", {geom}" if geom else "")
        source = ", ".join(names) + (", ST_GeomFromWKB(_wkb, 4326)" if geom else "")
        sql = (f"INSERT INTO {table} ({target}) SELECT {source} FROM {tmp} ORDER BY _seq "
               f"ON CONFLICT ({key}) " + on_conflict(update, geom) + (f" RETURNING {key}" if returning else ""))
        cur.execute(sql)
        return {r[0] for r in cur.fetchall()} if returning else set()

    def index_sql(self, table: str) -> dict[str, str]:
        """``table``'s own indexes in the current schema (not those behind its constraints): name -> definition."""
        return dict(self.fetchall(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema() "
            "AND i.tablename = ? AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = "
            "(quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)", (table,)))

    def load_owner(self) -> dict[str, object]:
        """Who runs a bulk load (``store.bulk_load``): this server session (its process id and start)."""
        pid, start = self.fetchall("SELECT pid, backend_start::text FROM pg_stat_activity "
                                   "WHERE pid = pg_backend_pid()")[0]
        return {"backend": pid, "started": start}

    @staticmethod
    def owner_text(owner: dict) -> str:
        """The loader in words, for messages: "server session 4242"."""
        return f"server session {owner.get('backend')}"

    def owner_running(self, owner: dict) -> bool:
        """True when the bulk load's server session is still connected."""
        try:
            pid = int(owner.get("backend") or 0)
        except (TypeError, ValueError):
            return False
        return bool(self.fetchall("SELECT 1 FROM pg_stat_activity WHERE pid = ? AND backend_start::text = ?",
                                  (pid, str(owner.get("started") or ""))))

    def has_table(self, name: str) -> bool:
        # the first schema on search_path that exists (normally public, or a per-team/per-test schema)
        row = self.conn.execute(
            "SELECT 1 FROM information_schema.tables WHERE table_name = %s AND table_schema = "
            "(SELECT nspname FROM pg_namespace WHERE oid = (SELECT COALESCE(to_regnamespace(current_schema()), 0)))",
            (name,)).fetchone()
        return bool(row)

    @contextlib.contextmanager
    def _transaction(self, schema_lock: bool) -> Iterator[None]:
        with self.conn.transaction():
            if schema_lock:
                self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (_SCHEMA_LOCK,))
            yield

    def after_schema(self, version: int) -> None:
        pass

    def checkpoint(self) -> None:
        pass

    def analyze(self, columns: dict[str, Sequence[str]]) -> None:
        """Gather the planner's statistics of these columns of each table now (``ANALYZE``: a sample of at
        most 30,000 rows at the default statistics target, whatever the table's size). A table loaded since
        the server last analysed it has none until autovacuum comes by, and the planner then guesses that a
        ``report_id IN (1,000 ids)`` matches most rows: a sequential scan of the table per batch."""
        for table, cols in columns.items():
            self.execute(f"ANALYZE {table} ({', '.join(cols)})")

    def close(self) -> None:
        with self._lock:
            self.conn.close()
