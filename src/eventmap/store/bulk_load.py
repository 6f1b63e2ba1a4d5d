"""Large loads with the events' secondary indexes built once at the end (``EventStore.bulk_load``).

A row inserted into ``events`` is also inserted into each of its indexes (a dozen: dates, types, areas,
the dashboard's overview). While the indexes fit in the page cache that costs little; past a few hundred
thousand events each insert touches pages all over the file: SQLite's own ``executemany`` of 200,000 event
rows into a new store took 43 s with the indexes, 19.5 s with them dropped first and created at the end (one
sort each), and the gap widens with the store. ``benchmarks/bench_bulk.py --load 200000``: ``ingest_many`` 31-33
-> 24-25 s, ``reprocess`` 47-58 -> 28-30 s; a million events 309 -> 169 s.

The choice is made per load: a load of at least :data:`MIN_REPORTS` reports and at least as many reports as
the store holds (``eventmap ingest`` of an archive into a new or small store, ``eventmap reprocess``, which
replaces every event) defers them; a load onto a large store keeps them (rebuilding a million rows' indexes
for a few thousand new ones would cost more than it saves).

Safety. Each batch of the load is still its own transaction, whole or absent. The indexes are dropped in one
transaction that also writes what was dropped to the store (``meta`` key ``bulk_load``: the statements, the
loader: the process and host on the embedded store, the server session on PostGIS), and created again in one
transaction that removes that record, also when the load fails. While they are missing, every read still
gives the same rows (more slowly). If the loader dies during the load, the next process that opens the store
where it can write, and finds the record of a loader that no longer runs, creates them again (:func:`heal`); a
store opened while its load is running is left alone (an embedded store's loader on another host is taken as gone).
The index every batch reads (a report's events, which ``reprocess`` deletes and replaces) is never dropped,
nor the unique key the inserts test, nor PostGIS's constraints.
"""

from __future__ import annotations

import contextlib
import json
import logging
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from eventmap.store.base import EventStore

log = logging.getLogger(__name__)

#: loads of fewer reports keep the indexes (the drop and rebuild are not worth it)
MIN_REPORTS = 5000
#: the ``meta`` key recording the indexes a load has dropped
RECORD_KEY = "bulk_load"
#: the indexes a load reads from while it writes: never dropped
KEEP = frozenset({"events_report"})


def worth(reports: int, stored_reports: int) -> bool:
    """True when a load of ``reports`` reports onto a store holding ``stored_reports`` should defer the indexes."""
    return reports >= MIN_REPORTS and reports >= stored_reports


def record(store: EventStore) -> dict[str, Any] | None:
    """The record of a load whose indexes are dropped (``None``: every index is there)."""
    rows = store._db.fetchall("SELECT value FROM meta WHERE key = ?", (RECORD_KEY,))
    if not rows:
        return None
    try:
        rec = json.loads(rows[0][0])
    except ValueError:
        rec = None
    return rec if isinstance(rec, dict) else {"owner": {}, "indexes": []}


def _running(store: EventStore, rec: dict[str, Any]) -> bool:
    """True when the process (embedded store) or server session (PostGIS) that made ``rec`` still runs."""
    owner = rec.get("owner")
    return isinstance(owner, dict) and bool(owner) and bool(store._db.owner_running(owner))


def _restore(store: EventStore) -> None:
    """Create again every index the record lists, and drop the record, in one transaction."""
    db = store._db
    with db.write():
        rec = record(store)
        if rec is None:
            return
        for sql in rec.get("indexes") or []:
            db.execute(_if_not_exists(str(sql)))
        db.execute("DELETE FROM meta WHERE key = ?", (RECORD_KEY,))
    db.checkpoint()


def _disown(store: EventStore) -> None:
    """Leave the record without a loader, so the next writer to open the store builds the indexes."""
    db = store._db
    with db.write():
        rec = record(store)
        if rec is not None:
            db.execute("UPDATE meta SET value = ? WHERE key = ?", (json.dumps(dict(rec, owner={})), RECORD_KEY))


def _if_not_exists(sql: str) -> str:
    """``CREATE [UNIQUE] INDEX name ...`` as ``... INDEX IF NOT EXISTS name ...`` (a rebuild may meet one made)."""
    return _CREATE_INDEX.sub(r"\1IF NOT EXISTS ", sql, count=1)


_CREATE_INDEX = re.compile(r"^(\s*CREATE\s+(?:UNIQUE\s+)?INDEX\s+)(?!IF\s+NOT\s+EXISTS\b)", re.I)


@contextlib.contextmanager
def deferred_indexes(store: EventStore, reports: int) -> Iterator[bool]:
    """``EventStore.bulk_load``: yields True when the events' secondary indexes are dropped for this load."""
    db = store._db
    if store.readonly or store._loading or reports < MIN_REPORTS:
        yield False
        return
    with db.write():
        stored = int(db.fetchall("SELECT COUNT(*) FROM reports")[0][0] or 0)
        defer = worth(reports, stored) and record(store) is None  # another load's indexes are its own
        if defer:
            sqls = {name: sql for name, sql in db.index_sql("events").items() if name not in KEEP}
            rec = {"owner": db.load_owner(), "indexes": [sqls[n] for n in sorted(sqls)]}
            db.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (RECORD_KEY, json.dumps(rec)))
            for name in sorted(sqls):
                db.execute(f"DROP INDEX {name}")
    if not defer:
        yield False
        return
    store._loading = True
    try:
        yield True
    finally:
        store._loading = False
        try:
            _restore(store)
        except Exception as exc:  # noqa: BLE001 - the load's rows are stored; only the indexes wait (disk full...)
            log.warning("%s: the events' indexes could not be built at the end of the bulk load (%s); the next "
                        "eventmap command or dashboard start on this store builds them", db.display_url, exc)
            with contextlib.suppress(Exception):
                _disown(store)


def heal(store: EventStore) -> bool:
    """Create again the indexes a load that died left dropped (on opening a store for writing). True if it did."""
    if store.readonly:
        return False
    rec = record(store)
    if rec is None or _running(store, rec):
        return False
    log.warning("%s: a bulk load (%s) stopped before it rebuilt the events' indexes; rebuilding them now",
                store._db.display_url, _who(store, rec))
    try:
        _restore(store)
    except Exception as exc:  # noqa: BLE001 - the store opens all the same: every query answers, more slowly
        log.warning("%s: the events' indexes could not be rebuilt (%s); the next opening will try again",
                    store._db.display_url, exc)
        return False
    return True


def _who(store: EventStore, rec: dict[str, Any]) -> str:
    """The load's owner in words (the backend's ``owner_text``), for the log and the store's load note."""
    owner = rec.get("owner")
    return store._db.owner_text(owner) if isinstance(owner, dict) and owner else "its loader not recorded"


def status_text(store: EventStore) -> str:
    """What a reader of the store should know while a load has the indexes dropped ("" when none has): read
    through ``EventStore.load_note`` by ``eventmap store check`` and the dashboard."""
    rec = record(store)
    if rec is None:
        return ""
    n = len(rec.get("indexes") or [])
    if _running(store, rec):
        return (f"a bulk load is running ({_who(store, rec)}): {n} of the events' indexes are built again when it ends; "
                "queries are slower until then")
    return (f"a bulk load stopped before it rebuilt {n} of the events' indexes; the next eventmap command or "
            "dashboard start on this store (where it can write) rebuilds them")


__all__ = ["KEEP", "MIN_REPORTS", "RECORD_KEY", "deferred_indexes", "heal", "record", "status_text", "worth"]
