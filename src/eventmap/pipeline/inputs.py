"""The read step: paths (.txt, .html, .jsonl files, folders) -> ``(label, Report or InputError)``.

Every report goes through the one reader, :mod:`eventmap.events.reader` (decoding, HTML, checks);
this module only knows which files a batch takes, where a publication date may come from (``--published``,
a JSON line's ``published``, a ``YYYY-MM-DD`` in the file name) and how a JSON Lines file is split.
A bad input becomes an :class:`eventmap.errors.InputError` in its place, never an exception that stops
the batch.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventmap.errors import DateInputError, InputError, ReportInputError
from eventmap.events.dates import parse_published
from eventmap.events.reader import (
    MAX_BYTES,
    decode,
    jsonl_lines,
    make_report,
    read_report,
)
from eventmap.model import Report

SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
NO_DATE = "no publication date: pass --published YYYY-MM-DD (or name the file YYYY-MM-DD_*.txt)"

_DATE_IN_NAME = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)")


def published_date(value: str | _dt.date | None, what: str = "published") -> str:
    """A publication date given by a person or a JSON line -> ``YYYY-MM-DD`` (``DateInputError`` otherwise).

    The one rule of :func:`eventmap.events.dates.parse_published`, as ``eventmap extract`` applies it."""
    if value in (None, ""):
        raise DateInputError(f"no {what} date")
    try:
        return parse_published(value).isoformat()
    except DateInputError as exc:
        raise DateInputError(f"{what}: {exc}") from None


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


@dataclass(frozen=True)
class FileJob:
    """A .txt/.html file to be read where it is extracted (in a worker process)."""
    path: str
    published: str | None
    source: str | None
    url: str | None


def read_file(path: Path, published: str | None = None, source: str | None = None,
              url: str | None = None) -> Report:
    """One .txt/.html file -> Report, by the reader :func:`eventmap.events.reader.read_report`.

    What is wrong with the file itself (empty, binary) is said before a missing date."""
    suffix = path.suffix.lower()
    if suffix not in (".txt", ".html", ".htm"):
        raise ReportInputError(f"unsupported file type {suffix or '(none)'}: .txt, .html, .htm or .jsonl")
    with open(path, "rb") as fh:
        head = fh.read(4096)
    if not head.strip():
        raise ReportInputError("empty file")
    pub = published or date_from_name(path)
    if not pub:
        if path.stat().st_size <= MAX_BYTES:  # binary data or an unknown encoding is said first
            decode(path.read_bytes(), str(path))
        raise DateInputError(NO_DATE)
    return read_report(path, published=pub, source=source or "", url=url or "")


def read_jsonl(path: Path, published: str | None = None, source: str | None = None,
               url: str | None = None) -> Iterator[tuple[str, Report | InputError]]:
    """``(label, Report or InputError)`` per line; each line is judged alone (bytes, JSON, fields),
    so one bad line, wherever it is, never stops the file."""
    yield from jsonl_reports(path.read_bytes(), str(path), published, source, url)


def jsonl_reports(data: bytes, name: str, published: str | None = None, source: str | None = None,
                  url: str | None = None, *, no_date: str = "no 'published' date (pass --published for the whole "
                  "file)") -> Iterator[tuple[str, Report | InputError]]:
    """The lines of a JSON-lines file's bytes as ``("name:line", Report or InputError)``: the read step of
    ``eventmap ingest`` and of the dashboard's upload alike (``no_date`` says how to give a date there)."""
    for n, line, warnings in jsonl_lines(data, name):
        label = f"{name}:{n}"
        if isinstance(line, Exception):
            yield label, line
            continue
        try:
            yield label, _jsonl_report(line, published, source, url, warnings, no_date)
        except json.JSONDecodeError as exc:
            yield label, ReportInputError(f"invalid JSON ({exc.msg})")
        except InputError as exc:
            yield label, exc


def _jsonl_report(line: str, published: str | None, source: str | None, url: str | None,
                  warnings: list[str], no_date: str) -> Report:
    d = json.loads(line)
    if not isinstance(d, dict):
        raise ReportInputError("line is not a JSON object")
    body = d.get("text")
    if not isinstance(body, str):
        raise ReportInputError("no 'text' string")
    if not body.strip():
        raise ReportInputError("empty text")
    pub = d.get("published") or published
    if not pub:
        raise DateInputError(no_date)
    return make_report(body, pub, title=str(d.get("title") or ""),
                       source=str(d.get("source") or source or ""), url=str(d.get("url") or url or ""),
                       warnings=warnings)


def read_job(label: str, job: FileJob) -> tuple[str, Report | InputError]:
    """Read a deferred file (in a worker); a failure comes back as its InputError."""
    try:
        return label, read_file(Path(job.path), job.published, job.source, job.url)
    except InputError as exc:
        return label, exc
    except OSError as exc:
        return label, ReportInputError(str(exc))


Item = tuple[str, Any]          # (label, Report | InputError | FileJob)


def iter_reports(paths: Iterable[str | Path], published: str | None = None, source: str | None = None,
                 url: str | None = None, defer_files: bool = False) -> Iterator[Item]:
    """``(label, Report or InputError)`` for every input, in order.

    ``published`` (``--published``) is checked first, by the one rule (:func:`published_date`).  With
    ``defer_files`` the .txt/.html files come as :class:`FileJob` (read where they are extracted);
    .jsonl lines are always parsed here (cheap, and one file holds many reports)."""
    if published:
        published = published_date(published, "--published")
    for f in iter_files(paths):
        if not f.exists():
            yield str(f), ReportInputError("no such file or folder")
        elif f.suffix.lower() == ".jsonl":
            try:
                yield from read_jsonl(f, published, source, url)
            except InputError as exc:   # a UTF-16 file that does not decode
                yield str(f), exc
            except OSError as exc:
                yield str(f), ReportInputError(str(exc))
        elif defer_files:
            yield str(f), FileJob(str(f), published, source, url)
        else:
            yield read_job(str(f), FileJob(str(f), published, source, url))


__all__ = [
    "NO_DATE",
    "SUFFIXES",
    "FileJob",
    "Item",
    "date_from_name",
    "iter_files",
    "iter_reports",
    "published_date",
    "read_file",
    "read_job",
    "read_jsonl",
]
