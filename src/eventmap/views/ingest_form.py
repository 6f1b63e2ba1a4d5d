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
from pathlib import Path

from eventmap.events.pubdate import DateSuggestion, suggest_published
from eventmap.model import Report


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
    from eventmap.events.reader import read_report

    if isinstance(data, bytes) and Path(name).suffix.lower() not in (".txt", ".html", ".htm"):
        raise ValueError(f"unsupported file type {Path(name).suffix or '(none)'}; use .txt, .html or .jsonl")
    return [read_report(data, published=published, title=title, source=outlet, url=url)]


def _jsonl(name: str, data: bytes, published: dt.date | None, outlet: str, url: str, title: str, plan: Plan) -> None:
    """JSON lines carry their own ``published``; the form's date fills the others, else each is an error
    (the lines are read by the dashboard's upload reader, each judged alone)."""
    from eventmap.views.dashboard import read_upload

    plan.reports.extend(read_upload(name, data, published.isoformat() if published else "", outlet, url, title,
                                    errors=plan.errors))


def plan_reports(items: list[tuple[str, str | bytes]], published: dt.date | None, outlet: str = "", url: str = "",
                 title: str = "", today: dt.date | None = None) -> Plan:
    """``items``: ``(name, text or file bytes)`` -- the pasted text and each upload."""
    plan = Plan()
    for name, data in items:
        if Path(name).suffix.lower() == ".jsonl":
            _jsonl(name, data if isinstance(data, bytes) else data.encode("utf-8"), published, outlet, url, title,
                   plan)
            continue
        try:
            if published is not None:
                plan.reports.extend(_report(name, data, published.isoformat(), outlet, url, title))
                continue
            s = suggest_published(data, today)
            if s is None:
                plan.errors.append(f"{name}: {NO_DATE}")
            elif s.confirm:
                plan.pending.append(Pending(name, data, s))
            else:
                plan.reports.extend(_report(name, data, s.date.isoformat(), outlet, url, title))
                plan.notes.append(f"{name}: published {s.date.isoformat()} (from the {s.source})")
        except ValueError as exc:  # InputError: empty, binary, too large
            plan.errors.append(f"{name}: {exc}")
    return plan


def confirm(p: Pending, published: dt.date, outlet: str = "", url: str = "", title: str = "") -> list[Report]:
    """The reports of a pending item once the analyst has confirmed (or corrected) its date."""
    return _report(p.name, p.data, published.isoformat(), outlet, url, title)


__all__ = ["NO_DATE", "Pending", "Plan", "confirm", "plan_reports"]
