"""The dashboard's view state <-> the URL query string, so a view can be bookmarked and shared.

Pure functions, no Streamlit: ``decode(params)`` reads a mapping like ``st.query_params``
(values are strings or lists of strings) and never raises on a hand-edited or hostile URL
(bad values are dropped); ``encode(state)`` gives the minimal mapping back (defaults left
out) so ``decode(encode(s)) == s``.

Query keys (short, stable, documented here):

===========  ==============================  =====================================
key          ``ViewState`` field             value
===========  ==============================  =====================================
``from``     ``since``                       ISO date
``to``       ``until``                       ISO date
``type``     ``event_types``                 repeated key, one value each
``sub``      ``sub_event_types``             idem
``gov``      ``admin1``                      idem
``dist``     ``admin2``                      idem
``sd``       ``admin3``                      idem
``actor``    ``actors``                      idem
``outlet``   ``sources``                     idem
``exact``    ``hide_approximate``            ``1``
``q``        ``text``                        free text (at most 200 characters)
``ev``       ``event_id``                    the event whose details are open
``ref``      ``reference``                   repeated: ``acled`` / ``ucdp``
``page``     ``page``                        ``map`` / ``ingest`` / ``unresolved``
===========  ==============================  =====================================
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Mapping, MutableMapping
from dataclasses import dataclass, replace
from typing import Any

from eventmap.store.filters import EventFilter

PAGES = ("map", "ingest", "unresolved")
REFERENCE_KINDS = ("acled", "ucdp")
MAX_TEXT = 200
MAX_VALUES = 100          # per list key: a URL cannot ask for more
MAX_VALUE_LEN = 300

_LIST_KEYS = {
    "event_types": "type", "sub_event_types": "sub", "admin1": "gov", "admin2": "dist", "admin3": "sd",
    "actors": "actor", "sources": "outlet",
}
_ID_RE = re.compile(r"^[A-Za-z0-9:_.\-]{1,80}$")
_CONTROL_RE = re.compile("[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class ViewState:
    """What the analyst is looking at: filters, time window, open event, page."""

    since: str | None = None
    until: str | None = None
    event_types: tuple[str, ...] = ()
    sub_event_types: tuple[str, ...] = ()
    admin1: tuple[str, ...] = ()
    admin2: tuple[str, ...] = ()
    admin3: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    hide_approximate: bool = False
    text: str = ""
    event_id: str | None = None
    reference: tuple[str, ...] = ()
    page: str = "map"

    # ------------------------------------------------------------------ filters
    def base_filter(self) -> EventFilter:
        """The store filter WITHOUT the time window (the map draws the whole span; the window is client-side)."""
        return EventFilter(
            event_types=self.event_types, sub_event_types=self.sub_event_types, admin1=self.admin1,
            admin2=self.admin2, admin3=self.admin3, actors=self.actors, sources=self.sources,
            resolutions=("resolved", "ambiguous", "unresolved") if self.hide_approximate else (),
            text=self.text)

    def to_filter(self) -> EventFilter:
        """The full store filter, time window included."""
        return replace(self.base_filter(), since=self.since, until=self.until)

    def base_key(self) -> tuple:
        """A hashable key of the non-time filters (for caches)."""
        return (self.event_types, self.sub_event_types, self.admin1, self.admin2, self.admin3, self.actors,
                self.sources, self.hide_approximate, self.text)

    def filters_dict(self) -> dict[str, Any]:
        """Non-empty filters by ``EventFilter`` name (for export metadata and captions)."""
        out: dict[str, Any] = {}
        for name in ("event_types", "sub_event_types", "admin1", "admin2", "admin3", "actors", "sources"):
            v = getattr(self, name)
            if v:
                out[name] = list(v)
        if self.hide_approximate:
            out["hide_approximate"] = True
        if self.text:
            out["text"] = self.text
        return out


def _clean(v: Any) -> str:
    s = _CONTROL_RE.sub("", str(v if v is not None else "")).strip()
    return s[:MAX_VALUE_LEN]


def _values(params: Mapping[str, Any], key: str) -> list[str]:
    """All values of a repeated ``key`` (cleaned, de-duplicated, at most ``MAX_VALUES``)."""
    raw: Any
    if hasattr(params, "get_all"):
        raw = params.get_all(key)  # st.query_params
    else:
        raw = params.get(key)
    if raw is None:
        return []
    if isinstance(raw, str):
        raw = [raw]
    out: list[str] = []
    for v in raw:
        c = _clean(v)
        if c and c not in out:
            out.append(c)
    return out[:MAX_VALUES]


def _first(params: Mapping[str, Any], key: str) -> str:
    if key == "q":
        raw = params.get_all(key) if hasattr(params, "get_all") else params.get(key)
        if isinstance(raw, (list, tuple)):
            raw = raw[0] if raw else ""
        return _clean(raw)[:MAX_TEXT]
    vals = _values(params, key)
    return vals[0] if vals else ""


def _date(s: str) -> str | None:
    if not s:
        return None
    try:
        return _dt.date.fromisoformat(s[:10]).isoformat()
    except ValueError:
        return None


def decode(params: Mapping[str, Any]) -> ViewState:
    """A ``ViewState`` from query parameters; unknown keys and bad values are ignored."""
    since, until = _date(_first(params, "from")), _date(_first(params, "to"))
    if since and until and since > until:
        since, until = until, since
    kw: dict[str, Any] = {"since": since, "until": until}
    for name, key in _LIST_KEYS.items():
        kw[name] = tuple(_values(params, key))
    kw["hide_approximate"] = _first(params, "exact").lower() in ("1", "true", "yes", "on")
    kw["text"] = _first(params, "q")
    ev = _first(params, "ev")
    kw["event_id"] = ev if _ID_RE.match(ev or "") else None
    kw["reference"] = tuple(r for r in (v.lower() for v in _values(params, "ref")) if r in REFERENCE_KINDS)
    page = _first(params, "page").lower()
    kw["page"] = page if page in PAGES else "map"
    return ViewState(**kw)


def encode(state: ViewState) -> dict[str, str | list[str]]:
    """Query parameters for ``state``: defaults left out, lists as repeated keys (lists)."""
    out: dict[str, str | list[str]] = {}
    if state.page and state.page != "map":
        out["page"] = state.page
    if state.since:
        out["from"] = state.since
    if state.until:
        out["to"] = state.until
    for name, key in _LIST_KEYS.items():
        v = [x for x in getattr(state, name) if x]
        if v:
            out[key] = list(v)
    if state.hide_approximate:
        out["exact"] = "1"
    if state.text:
        out["q"] = state.text[:MAX_TEXT]
    if state.event_id:
        out["ev"] = state.event_id
    if state.reference:
        out["ref"] = list(state.reference)
    return out


def query_string(state: ViewState) -> str:
    """``encode(state)`` as a URL query string (``?`` not included)."""
    from urllib.parse import urlencode

    return urlencode(encode(state), doseq=True)


def differs(params: Mapping[str, Any], state: ViewState) -> bool:
    """True when the URL's parameters do not already say ``state`` (so writing them is needed)."""
    return decode(params) != state


def with_stored_admin_names(state: ViewState, facets: Mapping[str, Iterable[str]]) -> ViewState:
    """``state`` with its governorates, districts and sub-districts in the store's spelling, so
    ``?gov=Daraa``, ``?gov=درعا`` and ``?gov=Dar%27a`` open the same view (names the gazetteer
    and the store do not know are kept: ``coerce`` and the sidebar drop them)."""
    from eventmap.places.admin_names import canonical_admin

    kw: dict[str, Any] = {}
    for level in (1, 2, 3):
        name = f"admin{level}"
        values = getattr(state, name)
        if values:
            known = list(facets.get(name, ()) or ())
            names, unknown = canonical_admin(values, level, known)
            kw[name] = tuple(dict.fromkeys([*names, *unknown]))
    return replace(state, **kw) if kw else state


#: the dashboard's widget keys that hold the view (filters and time window), in ``st.session_state``
WIDGET_KEYS = ("f_type", "f_sub", "f_gov", "f_dist", "f_sd", "f_actor", "f_outlet", "f_exact", "f_text", "f_ref",
               "window")


def keep_widget_values(session: MutableMapping[str, Any], keys: Iterable[str] = WIDGET_KEYS) -> None:
    """Make the filter widgets' values survive pages that do not draw them.

    Streamlit drops a widget's value at the end of a run in which the widget was not drawn, so
    "Map" (filters set) -> "Unresolved names" -> "Map" came back with every filter cleared and an
    empty URL.  Writing each value back at the top of every run makes it session state of the
    app's own, kept until a widget changes it.
    """
    for k in keys:
        if k in session:
            session[k] = session[k]


def coerce(state: ViewState, facets: Mapping[str, Iterable[str]], span: tuple[str | None, str | None]) -> ViewState:
    """Keep only values the store knows (a widget cannot show others) and clip the window to ``span``."""
    kw: dict[str, Any] = {}
    for name in _LIST_KEYS:
        known = set(facets.get(name, ()) or ())
        kw[name] = tuple(v for v in getattr(state, name) if v in known)
    lo, hi = span
    since, until = state.since, state.until
    if lo and hi:
        if since and not (lo <= since <= hi):
            since = None
        if until and not (lo <= until <= hi):
            until = None
        if since and until and since > until:
            since, until = None, None
    kw["since"], kw["until"] = since, until
    return replace(state, **kw)


__all__ = [
    "PAGES",
    "REFERENCE_KINDS",
    "WIDGET_KEYS",
    "ViewState",
    "coerce",
    "decode",
    "differs",
    "encode",
    "keep_widget_values",
    "query_string",
    "with_stored_admin_names",
]
