"""The first page's store reads kept on disk between server starts, for a store that has not changed.

A large store's first page after ``eventmap app`` waits for what the helper processes read (``ui.prefetch``):
the default view's events (100,000 events: 4 s of CPU) or, above ``ui.overview.bin_above()``, their counts
(1,000,000 events: 5-18 s), and the control model (1 s; 12-30 s at a million events), all while the server
imports and the browser loads the page on the same cores. An analyst's usual start is a restart on a store
nobody wrote to since: the helpers then read the same rows again to make the same values.

So each helper keeps what it sent, exactly the bytes it wrote to its socket, in ``<data dir>/cache/`` (one file per
kind of result and store), and sends that file's bytes instead of reading the store when nothing it depends on
changed. A file is used only when its key matches the one computed now from:

* the store: its location, and for an embedded store its file's device and inode;
* the store's data token (``ui.session.data_token``: its change counter, bumped by every write and undo in any
  process, the rows, corrections and analyst places counted, and the ids of the last event and report stored:
  a store copied over another made by as many writes of as many rows is still another store);
* the filter (the default view's) and the kind of result (events, counts or control model);
* the code and data that make the value: every module of the installed ``eventmap``, the gazetteer's files, the
  versions of Python and of the libraries that make the value or are inlined in it (:data:`LIBRARIES`: pandas,
  pyarrow, folium, Leaflet's packages...), and the other ``EVENTMAP_*`` settings.

The server keeps the first page's map (for the default view) and the filters' choices (the store's distinct
values: 4 s at a million events) the same way (:func:`remember`, for a store above the helpers' threshold:
``ui.prefetch.worth_keeping``), and what it read itself of a helper's kinds (after a write made in the dashboard,
the page reads the store again: ``ui.prefetch.keep``), so the next start of the store as it then is finds them.
Anything else reads the store as before and writes the file again (atomically: a reader sees the old file or the
new one). The files hold pickles, which only this user's own processes may have written: a file, or its folder,
that is not owned by this user or that others may write is not read. Files unused for 30 days are removed.
``EVENTMAP_PAGE_CACHE=0`` turns it off; ``benchmarks/bench_coldstart.py`` empties the folder before each cold start.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit, urlunsplit

from eventmap import settings

T = TypeVar("T")

#: the first bytes of every file: what it is and its layout
MAGIC = b"eventmap page cache 1\n"
#: a file unused this long is removed when another is written
KEEP_DAYS = 30
#: settings left out of the key: the store's location is keyed on its own (``EVENTMAP_DB`` may hold a password),
#: and the others change nothing a helper reads
_NOT_IN_KEY = frozenset({"EVENTMAP_DB", "EVENTMAP_PROFILE", "EVENTMAP_PAGE_CACHE", "EVENTMAP_DEBUG"})


def enabled() -> bool:
    return settings.page_cache()


def directory() -> Path:
    return settings.data_dir() / "cache"


def _location(url: str | None) -> tuple[str, tuple]:
    """Where the store is (its file, or its server's URL without the password) and, for a file, what tells it
    from another file put in its place."""
    from eventmap.store import embedded_file

    path = embedded_file(url)
    if path is not None:
        path = path.resolve()
        st = path.stat()   # not its size or time: closing a store may refresh the planner's statistics in it
        return str(path), (st.st_dev, st.st_ino)
    parts = urlsplit(str(url))
    host = parts.hostname or ""
    netloc = (f"{parts.username}@" if parts.username else "") + host + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, "")), ()


#: the libraries whose code makes (or is inlined in) the kept values: the frames, the model, the map's HTML and scripts
LIBRARIES = ("numpy", "pandas", "pyarrow", "shapely", "folium", "branca", "jinja2", "xstatic-leaflet",
             "xstatic-leaflet-markercluster", "streamlit-folium")


@lru_cache(maxsize=1)
def code_version() -> str:
    """A digest of what makes the cached values besides the store: the modules of ``eventmap`` (their bytes), the
    gazetteer's files (names, sizes, times) and the versions of Python and of :data:`LIBRARIES`."""
    from importlib.metadata import PackageNotFoundError, version

    import eventmap

    h = hashlib.sha256()
    pkg = Path(eventmap.__file__).resolve().parent
    for f in sorted(pkg.rglob("*.py")):
        h.update(str(f.relative_to(pkg)).encode() + b"\0" + f.read_bytes() + b"\0")
    gaz = settings.gazetteer_dir()
    for f in sorted(gaz.rglob("*")) if gaz.is_dir() else ():
        if f.is_file():
            st = f.stat()
            h.update(f"{f.relative_to(gaz)}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
    h.update(sys.version.encode())
    for lib in LIBRARIES:
        try:
            h.update(f"\0{lib}={version(lib)}".encode())
        except PackageNotFoundError:
            h.update(f"\0{lib}=-".encode())
    return h.hexdigest()


def _settings() -> tuple:
    return tuple((v.env, settings.env(v.env)) for v in settings.VARIABLES if v.env not in _NOT_IN_KEY)


def key(kind: str, url: str | None, token: tuple, filt: Any, extra: bytes = b"") -> tuple[Path, bytes]:
    """The file for ``kind`` of the store at ``url``, and the key its content must carry to be used now; ``extra``:
    any other code the value depends on (the dashboard's ``app.py`` for its map)."""
    where, which = _location(url)
    name = hashlib.sha256(f"{kind}\0{where}".encode()).hexdigest()[:32]
    digest = hashlib.sha256(repr((kind, where, which, token, repr(filt), code_version(), _settings())).encode())
    digest.update(extra)
    return directory() / f"{name}.{kind}", digest.hexdigest().encode()


def remember(kind: str, url: str | None, token: tuple, filt: Any, make: Callable[[], T], extra: bytes = b"") -> T:
    """``make()``, or the value it made on an earlier start under the same key (:func:`key`), which is then kept
    for the next. The server's own results (the first page's map: 2 s of CPU at 100,000 events, a pickle of 4 MB
    read in milliseconds)."""
    try:
        path, digest = key(kind, url, token, filt, extra)
    except OSError:
        return make()
    data = load(path, digest)
    if data is not None:
        try:
            return unpickle(data)
        except Exception:  # noqa: BLE001 - made by an eventmap whose classes were since renamed: made again
            pass
    value = make()
    try:
        save(path, digest, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
        pass
    return value


#: how long :func:`unpickle` tries again while another thread imports what the value's classes need
IMPORT_RACE_S = 2.0


def unpickle(data: bytes | bytearray) -> Any:
    """``pickle.loads(data)``, tried again while importing the value's classes deadlocks with another thread importing
    the same modules in the other order (importlib's ``_DeadlockError``, raised in one of the two threads: the other
    completes the imports). A helper's control model arriving while the warm-up thread imported ``eventmap.control``
    was lost that way, and the first page built it again (0.9 s of CPU at 100,000 events)."""
    from importlib._bootstrap import _DeadlockError  # type: ignore[attr-defined]

    deadline = time.monotonic() + IMPORT_RACE_S
    while True:
        try:
            return pickle.loads(data)
        except _DeadlockError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def _private(st: os.stat_result) -> bool:
    """Owned by this user, and nobody else may write it."""
    return st.st_uid == os.getuid() and not st.st_mode & 0o022


def load(path: Path, digest: bytes) -> bytes | None:
    """The bytes kept under ``digest``, ``None`` when there are none (absent, another key, cut short, not private)."""
    try:
        with open(path, "rb") as f:
            if not (_private(os.fstat(f.fileno())) and _private(path.parent.stat())):
                return None
            head = f.readline()
            if head != MAGIC or f.readline() != digest + b"\n":
                return None
            size = f.readline()
            data = f.read()
        if not size.strip().isdigit() or int(size) != len(data):
            return None
        os.utime(path)   # used: kept another KEEP_DAYS
    except (OSError, ValueError):
        return None
    return data


def holds(path: Path, digest: bytes) -> bool:
    """A file is kept under ``digest`` in ``path`` (its header read, not its content)."""
    try:
        with open(path, "rb") as f:
            return f.readline() == MAGIC and f.readline() == digest + b"\n"
    except OSError:
        return False


def save(path: Path, digest: bytes, data: bytes) -> bool:
    """Keep ``data`` under ``digest`` in ``path`` (replacing what was there), in a private folder; ``False`` when
    it cannot be written (a full disk, a read-only folder): nothing is lost but time on the next start."""
    tmp = None
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(path.parent.stat()):
            return False
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as f:
            f.write(MAGIC + digest + b"\n" + str(len(data)).encode() + b"\n")
            f.write(data)
        os.replace(tmp, path)
        tmp = None
        _prune(path.parent)
        return True
    except OSError:
        return False
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _prune(folder: Path) -> None:
    """Remove the files unused for :data:`KEEP_DAYS` days (a store moved or deleted) and temporary files an
    interrupted helper left (older than an hour)."""
    now = time.time()
    for f in folder.iterdir():
        try:
            age = now - f.stat().st_mtime
            if age > KEEP_DAYS * 86400 or (f.name.startswith(".tmp-") and age > 3600):
                f.unlink()
        except OSError:
            pass
