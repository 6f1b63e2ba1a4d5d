"""Where a report's publication date comes from when the analyst has not typed it.

Relative dates in a report ("yesterday", أمس, "on Tuesday") are resolved against its publication date,
so a wrong default (today) silently moves every event. The ingest page therefore never assumes one:

* a saved HTML page usually states it in its metadata (``article:published_time``, JSON-LD
  ``datePublished``, ``<time>``): ``published_from_html`` reads it with trafilatura, without guessing
  from the text or the URL;
* otherwise a full date near the top of the text (a dateline: "DARAA, July 25, 2018", "درعا - 25 تموز 2018",
  "25/07/2018") is *offered* by ``date_in_first_lines`` for the analyst to confirm, never used silently.

``suggest_published(text_or_html)`` combines both: a ``DateSuggestion`` saying the date, where it was
found and whether it needs the analyst's confirmation.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

#: how many non-empty lines of the text are searched for a dateline
FIRST_LINES = 5
EARLIEST = dt.date(1990, 1, 1)

_YEAR_RE = re.compile(r"(?:19|20)\d\d|[١٢][٠-٩]{3}")
_SLASH_DMY = re.compile(r"(?<![\d/])(?P<d>[0-3]?\d)/(?P<m>[01]?\d)/(?P<y>(?:19|20)\d\d)(?![\d/])")


@dataclass(frozen=True)
class DateSuggestion:
    date: dt.date
    source: str            # "page metadata" | "text"
    evidence: str          # the metadata field or the words of the text
    confirm: bool          # True: offer it, the analyst confirms


def _plausible(d: dt.date | None, today: dt.date | None = None) -> bool:
    today = today or dt.date.today()
    return d is not None and EARLIEST <= d <= today + dt.timedelta(days=1)


def published_from_html(html: str | bytes, today: dt.date | None = None) -> dt.date | None:
    """The publication date a saved web page states in its metadata (None when it states none)."""
    try:
        import trafilatura
    except ImportError:  # pragma: no cover - a dependency
        return None
    if isinstance(html, bytes):
        html = _as_text(html) or ""
    try:
        meta = trafilatura.extract_metadata(html, date_config={"extensive_search": False, "original_date": True})
    except Exception:  # noqa: BLE001 - a page trafilatura cannot parse simply states no date
        return None
    raw = getattr(meta, "date", None) if meta is not None else None
    try:
        d = dt.date.fromisoformat(str(raw)[:10]) if raw else None
    except ValueError:
        return None
    return d if _plausible(d, today) else None


def date_in_first_lines(text: str, lines: int = FIRST_LINES, today: dt.date | None = None) -> tuple[dt.date, str] | None:
    """A full date (day, month and year) in the first ``lines`` non-empty lines: ``(date, words)``."""
    from eventmap.events.dates import find_dates

    today = today or dt.date.today()
    head = "\n".join([ln for ln in (text or "").splitlines() if ln.strip()][:lines])[:2000]
    if not head:
        return None
    found = []
    for m in find_dates(head, today):
        # a dateline names its year: a date resolved against today's (the reference) would be a guess
        if m.precision == 1 and m.kind not in ("relative", "weekday") and _YEAR_RE.search(m.text):
            found.append((m.start, m.date, m.text))
    for sm in _SLASH_DMY.finditer(head):
        try:
            found.append((sm.start(), dt.date(int(sm["y"]), int(sm["m"]), int(sm["d"])), sm.group(0)))
        except ValueError:
            continue
    found = [f for f in found if _plausible(f[1], today)]
    if not found:
        return None
    _, d, words = min(found, key=lambda f: f[0])
    return d, words


def _as_text(text_or_html: str | bytes) -> str | None:
    """Bytes through the one decoder (``reader.decode``: BOMs, UTF-8, legacy Windows-1256), so a date is
    looked for in the text the report will be read as; None when the bytes are no text (the reader says why)."""
    if isinstance(text_or_html, str):
        return text_or_html
    from eventmap.events.reader import InputError, decode

    try:
        return decode(text_or_html).text
    except InputError:
        return None


def suggest_published(text_or_html: str | bytes, today: dt.date | None = None) -> DateSuggestion | None:
    """Where the publication date can come from (None: the analyst has to type it)."""
    from eventmap.events.reader import html_to_text, looks_like_html

    text = _as_text(text_or_html)
    if text is None:
        return None
    if looks_like_html(text):
        d = published_from_html(text, today)
        if d is not None:
            return DateSuggestion(d, "page metadata", "the page's published date", confirm=False)
        text = html_to_text(text)[0]
    hit = date_in_first_lines(text, today=today)
    if hit is None:
        return None
    return DateSuggestion(hit[0], "text", hit[1], confirm=True)


__all__ = ["DateSuggestion", "date_in_first_lines", "published_from_html", "suggest_published"]
