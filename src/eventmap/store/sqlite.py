"""Embedded backend: one SQLite file that is also a valid GeoPackage (QGIS opens it).

WAL journal and a busy timeout let several processes write to the same file:
each write transaction starts with ``BEGIN IMMEDIATE`` (takes the write lock at
once, waits up to ``busy_timeout`` for it) so two ingesting processes queue
instead of failing.
"""

from __future__ import annotations

import contextlib
import os
import socket
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

from eventmap.store import geopackage as gpkg
from eventmap.store import health
from eventmap.store._txn import NestedWrites, on_conflict
from eventmap.store.records import StoreDamagedError, StoreFullError, StoreReadOnlyError

BUSY_TIMEOUT_MS = 60_000


def _ensure_folder(path: Path) -> None:
    """Create the store's folder, or say in one line why it cannot be."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        from eventmap.store.records import StoreError

        raise StoreError(f"cannot create the folder {path.parent} for the store ({exc.strerror}). Pass --db (or set "
                         "EVENTMAP_DB / EVENTMAP_DATA_DIR) to a folder you can write to.") from None


class SQLiteBackend(NestedWrites):
    dialect = "sqlite"
    geom_placeholder = "?"

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path).expanduser()
        self.url = str(self.path)
        self.display_url = str(self.path)
        self._lock = threading.RLock()
        self._depth = 0
        #: what the user should hear about this store (a 0-byte file, damage found on open)
        self.notices: list[str] = []
        #: why the store must not be written (damage found), or ""
        self.damaged = ""
        self._write_checked = False
        if self.path.is_dir():
            from eventmap.store.records import StoreError

            raise StoreError(f"{self.path} is a folder: --db / EVENTMAP_DB take a store file, e.g. "
                             f"{self.path / 'eventmap.gpkg'}")
        _ensure_folder(self.path)
        fresh = not self.path.exists() or self.path.stat().st_size == 0
        if self.path.exists() and not fresh:
            problem = health.header_problem(self.path)
            if problem and not problem.readable:
                raise StoreDamagedError(health.not_a_store(self.path, problem.text))
            if problem:
                self.damaged = problem.text
        elif self.path.exists():
            self.notices.append(f"{self.path} was an empty (0-byte) file, so it opens as a new, empty store. If it "
                                "should hold your events, it was truncated: restore it from a backup.")
        self.readonly = bool(self.damaged) or not health.writable(self.path)
        if self.readonly and fresh and not self.path.exists():
            raise StoreReadOnlyError(f"cannot create the store {self.path}: the folder {self.path.parent} is "
                                     "read-only. Pass --db (or set EVENTMAP_DB / EVENTMAP_DATA_DIR) to a folder "
                                     "you can write to.")
        self.conn = health.connect_readonly(self.path) if self.readonly else self._connect_rw(fresh)
        try:
            self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as exc:  # the schema page is damaged: nothing can be read
            self.conn.close()
            raise StoreDamagedError(health.unreadable_text(self.path, str(exc))) from None
        if not self.damaged and self.path.stat().st_size <= health.CHECK_ON_OPEN_BYTES:
            self._write_checked = True   # checked now: no second check before the first write
            self.damaged = self._quick_check()
            self.readonly = self.readonly or bool(self.damaged)
        if self.damaged:
            self.notices.append(health.damaged_text(self.path, self.damaged))

    def _connect_rw(self, fresh: bool) -> sqlite3.Connection:
        conn = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                               check_same_thread=False)
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if fresh:
                # GDAL reads the GeoPackage marks from the file header: write them before WAL mode holds page 1 back
                conn.execute(f"PRAGMA application_id = {gpkg.GPKG_APPLICATION_ID}")
                conn.execute(f"PRAGMA user_version = {gpkg.GPKG_USER_VERSION}")
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":  # e.g. a network filesystem: still correct, just one writer at a time
                conn.execute("PRAGMA journal_mode = DELETE")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA cache_size = -65536")  # 64 MB of page cache for big stores
            conn.execute("PRAGMA foreign_keys = ON")
        except sqlite3.DatabaseError as exc:
            conn.close()
            if isinstance(exc, sqlite3.OperationalError) or "malformed" not in str(exc):
                raise self._translate(exc) from None
            raise StoreDamagedError(health.unreadable_text(self.path, str(exc))) from None
        return conn

    def _quick_check(self) -> str:
        """"" when ``PRAGMA quick_check`` finds the file sound, else what it found."""
        try:
            rows = self.conn.execute("PRAGMA quick_check(5)").fetchall()
        except sqlite3.DatabaseError as exc:
            return f"quick_check failed: {exc}"
        found = [str(r[0]) for r in rows]
        return "" if found == ["ok"] else health.one_line("quick_check: " + "; ".join(found))

    def _translate(self, exc: sqlite3.DatabaseError) -> Exception:
        """An SQLite error as the store error that says what to do (other errors unchanged)."""
        msg = str(exc).lower()
        if "readonly database" in msg or "read-only" in msg:
            return StoreReadOnlyError(health.readonly_text(self.path))
        if "malformed" in msg or "not a database" in msg:
            return StoreDamagedError(health.damaged_text(self.path, str(exc)))
        if "disk is full" in msg or "disk full" in msg:
            return StoreFullError(f"the disk holding {self.path} is full ({exc}); nothing of this write was kept. "
                                  "Free some space and run the same command again.")
        return exc

    # --- geometry
    @staticmethod
    def geom_value(lat, lon):
        return gpkg.point_blob(lat, lon)

    #: ``geom_value`` of a batch
    geom_many = staticmethod(gpkg.point_blobs)

    # --- statements (SQLite's damage, read-only and disk-full errors become store errors that say what to do)
    def execute(self, sql: str, params: Sequence = ()) -> int:
        with self._lock:
            try:
                return self.conn.execute(sql, tuple(params)).rowcount
            except sqlite3.DatabaseError as exc:
                raise self._translate(exc) from None

    def executemany(self, sql: str, seq) -> None:
        with self._lock:
            try:
                self.conn.executemany(sql, seq)
            except sqlite3.DatabaseError as exc:
                raise self._translate(exc) from None

    def fetchall(self, sql: str, params: Sequence = ()) -> list[tuple]:
        with self._lock:
            try:
                return self.conn.execute(sql, tuple(params)).fetchall()
            except sqlite3.DatabaseError as exc:
                raise self._translate(exc) from None

    def delete_returning(self, table: str, where: str, params: Sequence, cols: str) -> list[tuple]:
        """``DELETE FROM table WHERE where``, returning ``cols`` of the rows deleted: a ``SELECT``, then the
        ``DELETE`` (SQLite's ``DELETE ... RETURNING`` took as long as both: 0.89 against 0.86 s for 20,000
        events). Inside the caller's transaction."""
        rows = self.fetchall(f"SELECT {cols} FROM {table} WHERE {where}", params)
        self.execute(f"DELETE FROM {table} WHERE {where}", params)
        return rows

    def update_many(self, table: str, key: str, cols: Sequence[str], rows: Sequence[Sequence]) -> None:
        """Set ``cols`` of the rows whose ``key`` is each row's last value (``executemany``)."""
        sets = ", ".join(f'"{c}" = ?' for c in cols)
        self.executemany(f"UPDATE {table} SET {sets} WHERE {key} = ?", rows)

    def insert_returning_id(self, sql: str, params: Sequence, id_col: str) -> int:
        with self._lock:
            try:
                cur = self.conn.execute(sql, tuple(params))
            except sqlite3.DatabaseError as exc:
                raise self._translate(exc) from None
            assert cur.lastrowid is not None  # an INSERT sets it
            return int(cur.lastrowid)

    def insert_new(self, table: str, cols: Sequence[str], rows: Sequence[Sequence], key: str,
                   geom: str | None = None, returning: bool = True, update: Sequence[str] = ()) -> set:
        """Insert ``rows`` (values of ``cols``, then the geometry when ``geom`` names its column) in one
        ``executemany``, skipping rows whose ``key`` is stored already (or met earlier in ``rows``), or
        with ``update`` setting those columns (and the geometry) of the stored row instead.
        Returns the keys inserted (with ``returning``; inside the write transaction, which holds
        SQLite's write lock, the keys stored before cannot change under us)."""
        if not rows:
            return set()
        names = [f'"{c}"' for c in cols] + ([geom] if geom else [])
        sql = (f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)}) "
               f"ON CONFLICT ({key}) " + on_conflict(update, geom))
        before: set = set()
        with self.write():  # joins the caller's transaction: the keys read stay true until the insert
            if returning:
                i = list(cols).index(key)
                keys = list(dict.fromkeys(r[i] for r in rows))
                for n in range(0, len(keys), 500):
                    chunk = keys[n:n + 500]
                    before.update(r[0] for r in self.fetchall(
                        f"SELECT {key} FROM {table} WHERE {key} IN ({', '.join('?' for _ in chunk)})", chunk))
            self.executemany(sql, rows)
        return {r[i] for r in rows} - before if returning else set()

    def index_sql(self, table: str) -> dict[str, str]:
        """``table``'s own indexes (not those behind its constraints): name -> ``CREATE INDEX`` statement."""
        return dict(self.fetchall("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
                                  "AND sql IS NOT NULL", (table,)))

    @staticmethod
    def load_owner() -> dict[str, object]:
        """Who runs a bulk load (``store.bulk_load``): this process on this host."""
        return {"pid": os.getpid(), "host": socket.gethostname()}

    @staticmethod
    def owner_text(owner: dict) -> str:
        """The loader in words, for messages: "process 4242 on host-a"."""
        return f"process {owner.get('pid')} on {owner.get('host')}"

    @staticmethod
    def owner_running(owner: dict) -> bool:
        """True when the bulk load's process still runs (one on another host is taken as gone)."""
        if owner.get("host") != socket.gethostname():
            return False
        try:
            pid = int(owner.get("pid") or 0)
            os.kill(pid, 0)
        except (ProcessLookupError, ValueError, TypeError, OverflowError):
            return False
        except PermissionError:  # another user's process
            return True
        return pid > 0

    def has_table(self, name: str) -> bool:
        return bool(self.fetchall("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)))

    def check_before_write(self) -> None:
        """Refuse to write to a damaged or read-only store; check a store once before its first write."""
        if not self._write_checked and not self.readonly:
            self._write_checked = True
            if self.path.stat().st_size <= health.CHECK_BEFORE_WRITE_BYTES:
                self.damaged = self._quick_check()
                self.readonly = bool(self.damaged)
        if self.damaged:
            raise StoreDamagedError(health.damaged_text(self.path, self.damaged))
        if self.readonly:
            raise StoreReadOnlyError(health.readonly_text(self.path))

    @contextlib.contextmanager
    def _transaction(self, schema_lock: bool) -> Iterator[None]:
        self.check_before_write()
        # IMMEDIATE takes the write lock at once: two processes never both read then fail to write
        self.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if self.conn.in_transaction:  # SQLite may have rolled back already (disk full, I/O error)
                try:
                    self.conn.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
            raise
        self.execute("COMMIT")

    def after_schema(self, version: int) -> None:
        """Keep the GeoPackage metadata in step with the schema."""
        c = self.conn
        if version == 1:
            gpkg.init_gpkg(c)
            gpkg.register_features(c, "events", "geom", "events extracted from news reports (eventmap)")
            gpkg.register_attributes(c, "reports", "news reports as ingested")
            gpkg.register_attributes(c, "corrections", "analyst corrections to events")
            gpkg.register_attributes(c, "meta", "eventmap store metadata (schema_version)")
        if version == 2:
            gpkg.register_features(c, "analyst_places", "geom", "places added by analysts (gazetteer overlay)")
            gpkg.register_features(c, "reference_events", "geom", "ACLED / UCDP reference events")
        if version == 3:
            gpkg.register_attributes(c, "analyst_actions", "analyst pins, unpins and dismissals (for undo)")
            gpkg.register_attributes(c, "dismissed_names", "names dismissed as not a place")

    def checkpoint(self) -> None:
        """Copy the WAL into the main file (so tools that read the file directly see everything)."""
        with self._lock:
            if not self._depth and not self.readonly:
                self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")

    def analyze(self, columns: dict[str, Sequence[str]]) -> None:
        """Nothing: SQLite plans a look-up by an indexed column with its index, statistics or none (``EXPLAIN
        QUERY PLAN`` of a batch's ``DELETE``); ``PRAGMA optimize`` on closing gathers them, bounded."""

    def close(self) -> None:
        with self._lock:
            try:
                if self.readonly:
                    raise sqlite3.Error("read-only: nothing to checkpoint or optimise")
                self.checkpoint()
                # keep the planner's statistics fresh (bounded: analysis_limit samples, it stays quick at 1M rows)
                self.conn.execute("PRAGMA analysis_limit = 400")
                self.conn.execute("PRAGMA optimize")
            except sqlite3.Error:
                pass
            try:
                self.conn.close()
            except sqlite3.ProgrammingError:
                pass
