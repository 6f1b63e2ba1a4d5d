"""The event filters of the command line, shared by ``eventmap events`` and ``eventmap export``.

They are the dashboard's sidebar filters: time window, event type and sub-type, governorate,
district and sub-district (in any spelling the gazetteer knows: ``--admin1 Daraa`` is the
stored ``Dar'a``), actor, outlet, place resolution, bounding box and text.

``add_filter_arguments(parser)`` declares them; ``filter_from_args(args, facets)`` turns the
parsed arguments into an ``EventFilter`` plus the filters as an export records them
(``EventFilter`` field names, stored spellings), or raises ``FilterArgumentError`` with a
message that says what to type instead.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from eventmap.errors import InputError
from eventmap.store.filters import EventFilter

RESOLUTIONS = ("resolved", "ambiguous", "approximate", "unresolved")


class FilterArgumentError(InputError):
    """A filter value the store cannot use (bad date, box, unknown governorate...)."""


@dataclass(frozen=True)
class CliFilter:
    event_filter: EventFilter
    filters: dict[str, Any]          # non-empty filters by EventFilter field name (for export metadata)
    notes: tuple[str, ...] = ()      # what was understood ("Daraa = Dar'a"), for stderr


def add_filter_arguments(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("filters (as in the dashboard's sidebar; repeat an option for several values)")
    g.add_argument("--since", metavar="YYYY-MM-DD", help="first day (inclusive)")
    g.add_argument("--until", metavar="YYYY-MM-DD", help="last day (inclusive)")
    g.add_argument("--type", dest="event_types", action="append", default=[], metavar="EVENT_TYPE",
                   help="ACLED event type, e.g. Battles")
    g.add_argument("--sub-type", dest="sub_event_types", action="append", default=[], metavar="SUB_TYPE",
                   help="ACLED sub-event type, e.g. 'Armed clash'")
    g.add_argument("--admin1", action="append", default=[], metavar="GOVERNORATE",
                   help="governorate in any usual spelling: Daraa, Deraa, درعا, Quneitra, القنيطرة")
    g.add_argument("--admin2", action="append", default=[], metavar="DISTRICT", help="district, e.g. Izra")
    g.add_argument("--admin3", action="append", default=[], metavar="SUB_DISTRICT", help="sub-district, e.g. Nawa")
    g.add_argument("--actor", dest="actors", action="append", default=[], metavar="ACTOR",
                   help="actor as stored, or part of one (--actor Russia: every actor naming Russia)")
    g.add_argument("--source", dest="sources", action="append", default=[], metavar="OUTLET", help="outlet, e.g. SANA")
    g.add_argument("--resolution", dest="resolutions", action="append", default=[], choices=RESOLUTIONS,
                   help="how the place was resolved")
    g.add_argument("--bbox", metavar="W,S,E,N", help="bounding box in degrees, e.g. 35.6,32.5,36.4,33.3")
    g.add_argument("--text", default="", help="substring of the sentence or place names (Arabic or English)")


def parse_bbox(text: str | None) -> tuple[float, float, float, float] | None:
    """``"35.6,32.5,36.4,33.3"`` -> (west, south, east, north); ``FilterArgumentError`` when it is not one."""
    if not text:
        return None
    parts = [x for x in text.replace(";", ",").replace(" ", ",").split(",") if x]
    try:
        w, s, e, n = (float(x) for x in parts)
    except ValueError:
        raise FilterArgumentError(f"--bbox takes four numbers west,south,east,north (e.g. 35.6,32.5,36.4,33.3), "
                                  f"got {text!r}") from None
    if not all(-180 <= x <= 180 for x in (w, e)) or not all(-90 <= y <= 90 for y in (s, n)):
        raise FilterArgumentError(f"--bbox {text!r}: longitudes must lie in -180..180 and latitudes in -90..90 "
                                  "(the order is west,south,east,north)")
    if s >= n:
        raise FilterArgumentError(f"--bbox {text!r}: south ({s}) must be below north ({n}); "
                                  "the order is west,south,east,north")
    return (w, s, e, n)


def _known_case(values: Sequence[str], known: Sequence[str]) -> list[str]:
    """Each value in the store's spelling when it differs only by case."""
    by = {k.casefold(): k for k in known}
    return [by.get(v.strip().casefold(), v.strip()) for v in values if v and v.strip()]


def _actors(values: Sequence[str], known: Sequence[str]) -> tuple[list[str], list[str]]:
    out: list[str] = []
    notes: list[str] = []
    for v in _known_case(values, known):
        if v in known or not known:
            hits = [v]
        else:
            hits = [k for k in known if v.casefold() in k.casefold()] or [v]
            if hits != [v]:
                notes.append(f"--actor {v!r}: " + "; ".join(hits))
        out.extend(h for h in hits if h not in out)
    return out, notes


def _admin(values: Sequence[str], level: int, known: Sequence[str]) -> tuple[list[str], list[str]]:
    from eventmap.places.admin_names import LEVEL_WORDS, admin_names

    names = admin_names()
    out: list[str] = []
    notes: list[str] = []
    errors: list[str] = []
    for v in (x.strip() for x in values if x and x.strip()):
        hit = names.canonical(v, level, known)
        if not hit:
            sug = names.suggest(v, level, known)
            errors.append(f"no {LEVEL_WORDS[level]} called {v!r} in the gazetteer or the store"
                          + (f"; did you mean {' or '.join(repr(s) for s in sug)}?" if sug else ""))
            continue
        if hit != (v,):
            notes.append(f"--admin{level} {v!r} = {' / '.join(hit)}")
        out.extend(h for h in hit if h not in out)
    if errors:
        raise FilterArgumentError("; ".join(errors))
    return out, notes


def filter_from_args(args: argparse.Namespace, facets: Mapping[str, Sequence[str]] | None = None,
                     **extra: Any) -> CliFilter:
    """The ``EventFilter`` the arguments ask for (``extra``: more ``EventFilter`` fields, e.g. ``limit``).

    ``facets`` are the store's distinct values (``EventStore.facets()``): names are matched to
    the store's spelling (case, admin spellings, actor parts)."""
    fc = dict(facets or {})

    def g(name: str) -> list[str]:
        return list(getattr(args, name, None) or [])

    notes: list[str] = []
    kw: dict[str, Any] = {
        "event_types": _known_case(g("event_types"), fc.get("event_types", ())),
        "sub_event_types": _known_case(g("sub_event_types"), fc.get("sub_event_types", ())),
        "sources": _known_case(g("sources"), fc.get("sources", ())),
        "resolutions": g("resolutions"),
    }
    kw["actors"], n = _actors(g("actors"), fc.get("actors", ()))
    notes += n
    for level in (1, 2, 3):
        kw[f"admin{level}"], n = _admin(g(f"admin{level}"), level, fc.get(f"admin{level}", ()))
        notes += n
    kw["bbox"] = parse_bbox(getattr(args, "bbox", None))
    kw["text"] = (getattr(args, "text", None) or "").strip()
    try:
        f = EventFilter(since=getattr(args, "since", None), until=getattr(args, "until", None), **kw, **extra)
    except ValueError as exc:
        raise FilterArgumentError(str(exc)) from None
    if f.since and f.until and str(f.since) > str(f.until):
        raise FilterArgumentError(f"--since {f.since} is after --until {f.until}")
    filters = {k: (list(v) if isinstance(v, (list, tuple)) else v) for k, v in kw.items() if v}
    return CliFilter(f, filters, tuple(notes))


__all__ = ["RESOLUTIONS", "CliFilter", "FilterArgumentError", "add_filter_arguments", "filter_from_args",
           "parse_bbox"]
