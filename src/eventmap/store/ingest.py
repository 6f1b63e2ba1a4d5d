"""Batch ingestion of files: .txt, .html, .jsonl and folders, one bad file never stopping the batch.

Each report is extracted, then stored with its events in one transaction, so a
batch killed half-way leaves whole reports only, and running it again stores
the rest (reports already stored come back as "duplicate").
"""

from __future__ import annotations

import datetime as _dt
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, TextIO

from eventmap.model import Report
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # base brings pandas: extraction workers import this module and never need it
    from eventmap.store.base import EventStore

SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
SAMPLE_FILE = "2018-07-25_southern-front.txt"
SAMPLE_PUBLISHED = "2018-07-25"
SAMPLE_SOURCE = "Al-Binaa (sample)"

_DATE_IN_NAME = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)")


class InputError(ValueError):
    """A file or line that cannot become a report (the message says why)."""


@dataclass
class BatchSummary:
    new: int = 0
    duplicate: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file or file:line, reason)
    events: int = 0
    unresolved: Counter = field(default_factory=Counter)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # stored, but something was repaired

    def warn(self, label: str, report: Report) -> None:
        """Note what reading ``report`` repaired (invalid bytes replaced ...): stored, but said."""
        self.warnings.extend((label, w) for w in report.warnings)

    @property
    def total(self) -> int:
        return self.new + self.duplicate + len(self.failed)

    def count(self, res) -> None:  # noqa: ANN001 - an IngestResult
        """Add one stored report's result to the totals."""
        if res.status == "duplicate":
            self.duplicate += 1
        else:
            self.new += 1
            self.events += res.events
            self.unresolved.update(res.unresolved)

    def lines(self) -> list[str]:
        out = [f"new: {self.new}", f"duplicate: {self.duplicate}", f"failed: {len(self.failed)}",
               f"events: {self.events}", f"unresolved names: {len(self.unresolved)}"]
        for label, reason in self.failed:
            out.append(f"  failed {label}: {reason}")
        if self.warnings:
            out.append(f"warnings: {len(self.warnings)}")
        for label, reason in self.warnings:
            out.append(f"  warning {label}: {reason}")
        for name, n in self.unresolved.most_common(15):
            out.append(f"  unresolved {name} ({n})")
        if len(self.unresolved) > 15:
            out.append(f"  ... {len(self.unresolved) - 15} more: eventmap places unresolved")
        return out


def _content_hash(text: str) -> str:
    from eventmap.store.base import content_hash
    return content_hash(text)


def iso_date(s: str | None, what: str = "date") -> str:
    """A publication date as YYYY-MM-DD, checked against the accepted range (1990 to a year from now)."""
    from eventmap.events.dates import check_published

    if not s:
        raise InputError(f"no {what}")
    try:
        d = _dt.date.fromisoformat(str(s).strip()[:10])
    except ValueError as exc:
        raise InputError(f"{what} is not an ISO date (YYYY-MM-DD): {s!r}") from exc
    try:
        return check_published(d).isoformat()
    except ValueError as exc:
        raise InputError(f"{what}: {exc}") from None


def date_from_name(path: Path) -> str | None:
    m = _DATE_IN_NAME.search(path.name)
    if not m:
        return None
    try:
        return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files to ingest: named files as given, folders searched recursively for .txt/.html/.htm/.jsonl."""
    for p in paths:
        p = Path(p)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in SUFFIXES and not f.name.startswith("."):
                    yield f
        else:
            yield p


def _make_report(text: str, published: str, title: str = "", source: str = "", url: str = "",
                 warnings: Iterable[str] = ()) -> Report:
    """Report with its content hash, checked and cleaned by the reader's ``make_report``."""
    from eventmap.events.reader import make_report

    if not (text or "").strip():
        raise InputError("empty text")
    try:
        return make_report(text, published, title=title, source=source, url=url, warnings=warnings)
    except ValueError as exc:  # the reader's InputError is a ValueError
        raise InputError(str(exc)) from exc


def read_file(path: Path, published: str | None = None, source: str | None = None,
              url: str | None = None) -> Report:
    """One .txt/.html file -> Report, through the one reader (``eventmap.events.reader``) that
    ``eventmap extract`` uses too: the same decoding (BOMs, a bad byte replaced and reported,
    legacy Windows-1256 only for files that are not UTF-8), the same refusals."""
    from eventmap.events.reader import read_report

    suffix = path.suffix.lower()
    if suffix not in (".txt", ".html", ".htm"):
        raise InputError(f"unsupported file type {suffix or '(none)'}: .txt, .html, .htm or .jsonl")
    pub = published or date_from_name(path)
    with open(path, "rb") as fh:  # what is wrong with the file itself is said before a missing date
        head = fh.read(4096)
    if not head.strip():
        raise InputError("empty file")
    if not pub:
        from eventmap.events.reader import MAX_BYTES, decode

        if path.stat().st_size <= MAX_BYTES:  # binary data or an unknown encoding is said first
            try:
                decode(path.read_bytes(), str(path))
            except ValueError as exc:
                raise InputError(str(exc)) from exc
        raise InputError("no publication date: pass --published YYYY-MM-DD (or name the file YYYY-MM-DD_*.txt)")
    try:
        return read_report(path, published=iso_date(pub, "published"), source=source or "", url=url or "")
    except ValueError as exc:  # the reader's InputError (empty, binary, no text in HTML, too large)
        raise InputError(str(exc) or type(exc).__name__) from exc


def read_jsonl(path: Path, published: str | None = None, source: str | None = None,
               url: str | None = None) -> Iterator[tuple[str, Report | InputError]]:
    """``(label, Report or InputError)`` per line; each line is judged alone (bytes, JSON, fields),
    so one bad line, wherever it is, never stops the file."""
    from eventmap.events.reader import jsonl_lines

    for n, line, warnings in jsonl_lines(path.read_bytes(), str(path)):
        label = f"{path}:{n}"
        if isinstance(line, Exception):
            yield label, InputError(str(line))
            continue
        try:
            d = json.loads(line)
            if not isinstance(d, dict):
                raise InputError("line is not a JSON object")
            body = d.get("text")
            if not isinstance(body, str):
                raise InputError("no 'text' string")
            pub = d.get("published") or published
            if not pub:
                raise InputError("no 'published' date (pass --published for the whole file)")
            yield label, _make_report(body, iso_date(pub, "published"), str(d.get("title") or ""),
                                      str(d.get("source") or source or ""), str(d.get("url") or url or ""),
                                      warnings=warnings)
        except json.JSONDecodeError as exc:
            yield label, InputError(f"invalid JSON ({exc.msg})")
        except InputError as exc:
            yield label, exc


def iter_reports(paths: Iterable[str | Path], published: str | None = None, source: str | None = None,
                 url: str | None = None) -> Iterator[tuple[str, Report | InputError]]:
    if published:
        published = iso_date(published, "--published")
    for f in iter_files(paths):
        if not f.exists():
            yield str(f), InputError("no such file or folder")
            continue
        if f.suffix.lower() == ".jsonl":
            try:
                yield from read_jsonl(f, published, source, url)
            except (InputError, OSError) as exc:
                yield str(f), InputError(str(exc))
            continue
        try:
            yield str(f), read_file(f, published, source, url)
        except (InputError, OSError) as exc:
            yield str(f), InputError(str(exc))


class Progress:
    """A one-line progress bar on stderr (no dependency); silent when not a terminal unless forced."""

    def __init__(self, total: int, stream: TextIO | None = None, force: bool = False, width: int = 30) -> None:
        self.total, self.width = total, width
        self.stream = stream or sys.stderr
        self.enabled = total > 1 and (force or getattr(self.stream, "isatty", lambda: False)())
        self.start = time.monotonic()

    def update(self, done: int, label: str = "") -> None:
        if not self.enabled:
            return
        frac = done / self.total if self.total else 1.0
        bar = "#" * int(frac * self.width) + "-" * (self.width - int(frac * self.width))
        rate = done / max(time.monotonic() - self.start, 1e-6)
        label = label[-40:]
        self.stream.write(f"\r[{bar}] {done}/{self.total} {rate:5.1f}/s {label:<40}")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\n")
            self.stream.flush()


def default_extractor() -> Callable:
    from eventmap.events.extract import extract_events
    return extract_events


def ingest_paths(store: EventStore, paths: Iterable[str | Path], published: str | None = None,
                 source: str | None = None, url: str | None = None, extract_fn: Callable | None = None,
                 progress: bool | None = None, stream: TextIO | None = None, workers: int | None = 1,
                 dask: str | None = None) -> BatchSummary:
    """Read, extract and store every report under ``paths``; failures are collected, never raised.

    ``workers``: extraction processes (``None``: the cores available; 1: this process);
    ``dask``: a dask.distributed scheduler address to extract on instead.  The store is
    written by this process only, in input order, so the result equals a one-worker run
    (see :mod:`eventmap.store.parallel`).  The store's analyst places reach the extractor's lookups.
    """
    store.ensure_writable()  # a read-only or damaged store is refused before any report is read
    extract_fn = _with_analyst_places(store, extract_fn)
    if dask or workers != 1:
        from eventmap.store import parallel
        if dask:
            return parallel.ingest_dask(store, paths, dask, published=published, source=source, url=url,
                                        extract_fn=extract_fn, progress=progress, stream=stream)
        return parallel.ingest_parallel(store, paths, workers=workers, published=published, source=source,
                                        url=url, extract_fn=extract_fn, progress=progress, stream=stream)
    extract_fn = extract_fn or default_extractor()
    items = list(iter_reports(paths, published, source, url))
    summary = BatchSummary()
    bar = Progress(len(items), stream, force=bool(progress)) if progress is not False else Progress(0)
    for i, (label, rep) in enumerate(items, 1):
        bar.update(i, label)
        if isinstance(rep, InputError):
            summary.failed.append((label, str(rep)))
            continue
        try:
            events = extract_fn(rep.text, rep.published, source=rep.source, url=rep.url, title=rep.title)
            res = store.ingest(rep, events)
        except Exception as exc:  # extraction or storage failed for this report only
            summary.failed.append((label, f"{type(exc).__name__}: {exc}"))
            continue
        summary.count(res)
        summary.warn(label, rep)
    bar.close()
    return summary


def _with_analyst_places(store: EventStore, extract_fn: Callable | None) -> Callable | None:
    """``extract_fn`` seeing the store's analyst places (unchanged, ``None`` included, when it has none)."""
    from eventmap.store.analyst import place_rows
    return store.extractor(extract_fn) if place_rows(store) else extract_fn


def sample_report() -> Report:
    from eventmap.settings import sample_dir
    path = sample_dir() / SAMPLE_FILE
    from eventmap.events.reader import read_report

    return read_report(path, SAMPLE_PUBLISHED, title=path.stem, source=SAMPLE_SOURCE)


def ingest_sample(store: EventStore, extract_fn: Callable | None = None) -> bool:
    """Seed an empty store with the project's sample report; ``False`` if the store has reports already."""
    if len(store.reports()):
        return False
    rep = sample_report()
    extract_fn = _with_analyst_places(store, extract_fn) or default_extractor()
    events = extract_fn(rep.text, rep.published, source=rep.source, url=rep.url, title=rep.title)
    return store.ingest(rep, events).status == "new"
