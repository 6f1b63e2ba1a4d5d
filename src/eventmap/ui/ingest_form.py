"""The ingest page's form turned into reports, each with a publication date it did not invent.

The CLI refuses a report without ``--published``; the page does the same, item by item (pasted text,
each uploaded file, each JSON line):

* the date typed in the form, when there is one, applies to every item without its own;
* a saved HTML page's metadata date (trafilatura) is used and said;
* a date found in the first lines of the text is *offered*: the item waits for the analyst to confirm
  or correct it (``Pending``);
* an item with none of these is an error that says to type the date. Today is never assumed.

No Streamlit here: ``plan_reports`` returns what to show; ``confirm`` finishes a pending item.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from eventmap.events.pubdate import DateSuggestion, suggest_published
from eventmap.model import Report
from eventmap.ui.ingest import check_upload_type, read_upload


@dataclass
class Pending:
    """An item whose publication date was found in its text and waits for the analyst."""

    name: str
    data: str | bytes
    suggestion: DateSuggestion


@dataclass
class Plan:
    reports: list[Report] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)       # where a date came from ("page metadata")
    pending: list[Pending] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


NO_DATE = ("no publication date: type it in 'Publication date' above (relative dates such as 'yesterday' "
           "are read against it, so it is never assumed to be today)")


def _report(name: str, data: str | bytes, published: str, outlet: str, url: str, title: str) -> list[Report]:
    """Pasted text through the reader; a file through the dashboard's upload reader (the one that knows which
    files the page takes and reads their bytes with the one decoder, ``events.reader``)."""
    from eventmap.events.reader import read_report
    if isinstance(data, bytes):
        return read_upload(name, data, published, outlet, url, title)
    return [read_report(data, published=published, title=title, source=outlet, url=url)]


def _jsonl(name: str, data: bytes, published: dt.date | None, outlet: str, url: str, title: str, plan: Plan) -> None:
    """JSON lines carry their own ``published``; the form's date fills the others, else each is an error
    (the lines are read by the dashboard's upload reader, each judged alone)."""
    plan.reports.extend(read_upload(name, data, published.isoformat() if published else "", outlet, url, title,
                                    errors=plan.errors))


def _readable(name: str, data: str | bytes) -> None:
    """An item the reader refuses (empty, binary, too large) is said as such before any date is looked for."""
    from eventmap.events.reader import clean_text, decode

    clean_text(decode(data, name).text if isinstance(data, bytes) else data)


def _said(name: str, exc: Exception) -> str:
    """``name: why``, the name said once (the reader's messages may already start with it)."""
    msg = str(exc)
    return msg if msg.startswith(f"{name}:") else f"{name}: {msg}"


def plan_reports(items: list[tuple[str, str | bytes]], published: dt.date | None, outlet: str = "", url: str = "",
                 title: str = "", today: dt.date | None = None) -> Plan:
    """``items``: ``(name, text or file bytes)`` -- the pasted text and each upload."""
    plan = Plan()
    for name, data in items:
        try:
            # a file the page does not take is said first, before any date is looked for in it
            if isinstance(data, bytes) and check_upload_type(name) == ".jsonl":
                _jsonl(name, data, published, outlet, url, title, plan)
                continue
            if published is not None:
                plan.reports.extend(_report(name, data, published.isoformat(), outlet, url, title))
                continue
            _readable(name, data)
            s = suggest_published(data, today)
            if s is None:
                plan.errors.append(f"{name}: {NO_DATE}")
            elif s.confirm:
                plan.pending.append(Pending(name, data, s))
            else:
                plan.reports.extend(_report(name, data, s.date.isoformat(), outlet, url, title))
                plan.notes.append(f"{name}: published {s.date.isoformat()} (from the {s.source})")
        except ValueError as exc:  # InputError: empty, binary, too large; a file type the page does not take
            plan.errors.append(_said(name, exc))
    return plan


def confirm(p: Pending, published: dt.date, outlet: str = "", url: str = "", title: str = "") -> list[Report]:
    """The reports of a pending item once the analyst has confirmed (or corrected) its date."""
    return _report(p.name, p.data, published.isoformat(), outlet, url, title)


__all__ = ["NO_DATE", "Pending", "Plan", "confirm", "plan_reports"]
