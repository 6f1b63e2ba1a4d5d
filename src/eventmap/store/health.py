"""Is the embedded store's file sound, and may this process write it?  What to tell the user if not.

Cheap checks run on every open: the SQLite header (a text file, garbage in the first bytes, a
file cut short), and whether the file and its folder are writable (a read-only store is opened
read-only, ``mode=ro``, so reading it writes nothing).  ``PRAGMA quick_check`` reads the whole
file (about a second per 100 MB), so it runs on open only for small stores and before the first
write for stores up to :data:`CHECK_BEFORE_WRITE_BYTES`; ``eventmap store check`` runs the full
``integrity_check`` on any store.  A damaged store is opened read-only: what can be read can be
listed and exported, nothing is written to it.
"""

from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from eventmap.store.records import StoreDamagedError, StoreReadOnlyError

SQLITE_MAGIC = b"SQLite format 3\x00"
#: stores up to this size are checked (PRAGMA quick_check) every time they are opened
CHECK_ON_OPEN_BYTES = 32 * 2**20
#: stores up to this size are checked before the first write of a process (a batch job can spare seconds)
CHECK_BEFORE_WRITE_BYTES = 512 * 2**20


@dataclass(frozen=True)
class Problem:
    text: str
    readable: bool   # False: SQLite cannot open it at all (not a SQLite file, header destroyed)


def header_problem(path: Path, settle: float = 1.0) -> Problem | None:
    """What the first 100 bytes and the size of the file say is wrong with it, if anything. A size that does
    not fit the header is read again for up to ``settle`` seconds: another process checkpointing or committing
    writes the header's page count and the pages themselves one after the other, and a store it is growing
    at that moment is not cut short (a file that is stays so)."""
    problem = _header_problem(path)
    deadline = time.monotonic() + settle
    while problem is not None and problem.readable and time.monotonic() < deadline:
        time.sleep(0.02)
        problem = _header_problem(path)
    return problem


def _header_problem(path: Path) -> Problem | None:
    size = path.stat().st_size
    with open(path, "rb") as fh:
        head = fh.read(100)
    if not head.startswith(SQLITE_MAGIC):
        shown = head[:24].decode("utf-8", "replace").replace("\n", " ")
        return Problem(f"it is not a SQLite/GeoPackage file (it starts with {shown!r})", readable=False)
    if len(head) < 100:
        return Problem(f"it is cut short ({size} bytes, less than the SQLite header)", readable=False)
    page = int.from_bytes(head[16:18], "big")
    page = 65536 if page == 1 else page
    if page < 512 or page & (page - 1):
        return Problem("its header is damaged (impossible page size)", readable=False)
    if size % page:
        return Problem(f"it is cut short or padded ({size:,} bytes is not a whole number of {page:,}-byte pages)",
                       readable=True)
    pages = int.from_bytes(head[28:32], "big")
    if head[24:28] == head[92:96] and pages and size < pages * page:  # the page count in the header is current
        return Problem(f"it is cut short ({size:,} of its {pages * page:,} bytes)", readable=True)
    return None


def writable(path: Path) -> bool:
    """True when this process may write the store: the file (if any) and its folder (where SQLite
    keeps the journal beside it)."""
    folder = path.parent
    return os.access(folder, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


def connect_readonly(path: Path) -> sqlite3.Connection:
    """A read-only connection that writes nothing at all, even in a read-only folder."""
    uri = "file:" + quote(str(path.resolve()), safe="/") + "?mode=ro"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False, timeout=60)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:  # a WAL store in a read-only folder: SQLite cannot create its -shm file
        conn.close()
    except sqlite3.DatabaseError as exc:  # the schema page itself is damaged
        conn.close()
        raise StoreDamagedError(unreadable_text(path, str(exc))) from None
    wal = Path(str(path) + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise StoreReadOnlyError(f"{path} cannot be read from a read-only folder: it holds changes not yet copied "
                                 f"into the file ({wal.name}). Open it once where its folder is writable, or copy "
                                 "the folder somewhere writable.")
    # nobody can write a WAL store whose folder is read-only, so the file cannot change under us
    return sqlite3.connect(uri + "&immutable=1", uri=True, isolation_level=None, check_same_thread=False)


def one_line(text: str, limit: int = 240) -> str:
    """SQLite's multi-line reports as one line of reasonable length."""
    s = " ".join(str(text).split())
    return s if len(s) <= limit else s[:limit - 1] + "…"


def unreadable_text(path: Path, problem: str) -> str:
    return (f"the store {path} is damaged and cannot be opened ({one_line(problem)}). Restore it from a backup; "
            f"`eventmap store check --db {path}` says what is wrong.")


def not_a_store(path: Path, problem: str) -> str:
    return (f"{path} is not an eventmap store: {problem}. If it is your store, it is damaged: restore it from a "
            "backup. Otherwise pass --db (or set EVENTMAP_DB) to your store.")


def damaged_text(path: Path, problem: str) -> str:
    return (f"the store {path} is damaged ({one_line(problem)}); nothing will be written to it. Restore it from a backup; "
            f"`eventmap store check --db {path}` says what is wrong, and `eventmap events --db {path} --format csv "
            "> rescued.csv` saves what can still be read.")


def readonly_text(path: Path) -> str:
    return (f"the store {path} is read-only here (no write permission on the file or its folder): it can be "
            "browsed and exported, not changed. Copy it to a folder you can write to, or ask its owner.")


def integrity_report(path: Path, limit: int = 20) -> list[str]:
    """``PRAGMA integrity_check`` (the full check) of the file: ``[]`` when sound, else what is wrong."""
    problem = header_problem(path) if path.exists() and path.stat().st_size else None
    if problem and not problem.readable:
        return [problem.text]
    out = [problem.text] if problem else []
    try:
        conn = connect_readonly(path)
        try:
            rows = [str(r[0]) for r in conn.execute(f"PRAGMA integrity_check({int(limit)})").fetchall()]
        finally:
            conn.close()
    except StoreDamagedError:
        return out + ["SQLite cannot read its list of tables (the schema page is damaged)"]
    except sqlite3.DatabaseError as exc:
        return out + [f"integrity_check failed: {exc}"]
    return out + ([] if rows == ["ok"] else rows)
