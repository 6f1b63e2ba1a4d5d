"""Embedded backend: one SQLite file that is also a valid GeoPackage (QGIS opens it).

WAL journal and a busy timeout let several processes write to the same file:
each write transaction starts with ``BEGIN IMMEDIATE`` (takes the write lock at
once, waits up to ``busy_timeout`` for it) so two ingesting processes queue
instead of failing.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from pathlib import Path
from typing import Iterator, Sequence

from eventmap.store import geopackage as gpkg
from eventmap.store._txn import NestedWrites

BUSY_TIMEOUT_MS = 60_000


class SQLiteBackend(NestedWrites):
    dialect = "sqlite"
    geom_placeholder = "?"

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path).expanduser()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.url = str(self.path)
        self.display_url = str(self.path)
        self._lock = threading.RLock()
        self._depth = 0
        fresh = not self.path.exists() or self.path.stat().st_size == 0
        self.conn = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                                    check_same_thread=False)
        self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if fresh:
            # GDAL reads the GeoPackage marks from the file header: write them before WAL mode holds page 1 back
            self.conn.execute(f"PRAGMA application_id = {gpkg.GPKG_APPLICATION_ID}")
            self.conn.execute(f"PRAGMA user_version = {gpkg.GPKG_USER_VERSION}")
        mode = self.conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":  # e.g. a network filesystem: still correct, just one writer at a time
            self.conn.execute("PRAGMA journal_mode = DELETE")
        self.conn.execute("PRAGMA synchronous = NORMAL")
        self.conn.execute("PRAGMA cache_size = -65536")  # 64 MB of page cache for big stores
        self.conn.execute("PRAGMA foreign_keys = ON")

    # --- geometry
    @staticmethod
    def geom_value(lat, lon):
        return gpkg.point_blob(lat, lon)

    # --- statements
    def execute(self, sql: str, params: Sequence = ()) -> int:
        with self._lock:
            return self.conn.execute(sql, tuple(params)).rowcount

    def executemany(self, sql: str, seq) -> None:
        with self._lock:
            self.conn.executemany(sql, seq)

    def fetchall(self, sql: str, params: Sequence = ()) -> list[tuple]:
        with self._lock:
            return self.conn.execute(sql, tuple(params)).fetchall()

    def insert_returning_id(self, sql: str, params: Sequence, id_col: str) -> int:
        with self._lock:
            cur = self.conn.execute(sql, tuple(params))
            return int(cur.lastrowid)

    def has_table(self, name: str) -> bool:
        return bool(self.fetchall("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)))

    @contextlib.contextmanager
    def _transaction(self, schema_lock: bool) -> Iterator[None]:
        # IMMEDIATE takes the write lock at once: two processes never both read then fail to write
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

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
            if not self._depth:
                self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")

    def close(self) -> None:
        with self._lock:
            try:
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
