"""The dashboard's view state <-> the URL query string and the widgets' session keys, in one vocabulary.

A ``ViewState`` holds the store's ``EventFilter`` (time window included) plus what is not a filter: the
open event, the reference layers shown, the page. The filters are named once, by ``EventFilter``'s
fields: the URL key is the field's name (``?admin1=Dar%27a&since=2018-07-01``) and the sidebar widget's
session key is ``widget_key(field)`` (``f_admin1``). Nothing maps names by hand.

Pure functions, no Streamlit: ``decode(params)`` reads a mapping like ``st.query_params`` (values are
strings or lists of strings) and never raises on a hand-edited or hostile URL (bad values are dropped);
``encode(state)`` gives the minimal mapping back (defaults left out) so ``decode(encode(s)) == s``.

Query keys:

=====================================  =====================================================
key                                    value
=====================================  =====================================================
``since``, ``until``                   ISO date (the time window)
``event_types``, ``sub_event_types``,  repeated key, one value each (``EventFilter`` fields)
``admin1``, ``admin2``, ``admin3``,
``actors``, ``sources``
``resolutions``                        repeated: ``resolved`` ``ambiguous`` ``unresolved``
                                       (the places that are not approximate: "Hide approximate places")
``text``                               free text (at most 200 characters)
``ev``                                 the event whose details are open
``ref``                                repeated: ``acled`` / ``ucdp``
``page``                               ``map`` / ``ingest`` / ``unresolved``
=====================================  =====================================================

Links shared before these keys keep working: ``from``/``to``, ``type``, ``sub``, ``gov``, ``dist``,
``sd``, ``actor``, ``outlet``, ``exact=1`` and ``q`` are read as the fields they stood for
(``LEGACY_KEYS``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, MutableMapping
from dataclasses import dataclass, field, fields, replace
from typing import Any

from eventmap.events.dates import parse_date
from eventmap.store.filters import EventFilter
from eventmap.views.live_map import EVENT_ID_RE

PAGES = ("map", "ingest", "unresolved")
REFERENCE_KINDS = ("acled", "ucdp")
MAX_TEXT = 200
MAX_VALUES = 100          # per list key: a URL cannot ask for more
MAX_VALUE_LEN = 300

#: the ``EventFilter`` fields the sidebar sets as lists of values (the multiselects), in sidebar order
LIST_FIELDS = ("event_types", "sub_event_types", "admin1", "admin2", "admin3", "actors", "sources")
#: what "Hide approximate places" asks the store for
NOT_APPROXIMATE = ("resolved", "ambiguous", "unresolved")
#: the keys of links shared by earlier versions -> the ``EventFilter`` field each stood for
LEGACY_KEYS = {"from": "since", "to": "until", "type": "event_types", "sub": "sub_event_types", "gov": "admin1",
               "dist": "admin2", "sd": "admin3", "actor": "actors", "outlet": "sources", "q": "text"}

_FIELDS = {f.name for f in fields(EventFilter)}
assert set(LIST_FIELDS) | {"since", "until", "resolutions", "text"} <= _FIELDS, "EventFilter lost a field"
_CONTROL_RE = re.compile("[\x00-\x1f\x7f-\x9f]")


def widget_key(name: str) -> str:
    """The session key of the sidebar widget for ``name`` (an ``EventFilter`` field, ``hide_approximate``
    or ``reference``): ``f_admin1``."""
    return f"f_{name}"


@dataclass(frozen=True)
class ViewState:
    """What the analyst is looking at: the store filter (time window included), open event, layers, page."""

    filter: EventFilter = field(default_factory=EventFilter)
    event_id: str | None = None
    reference: tuple[str, ...] = ()
    page: str = "map"

    @property
    def since(self) -> str | None:
        return str(self.filter.since) if self.filter.since else None  # EventFilter made it ISO

    @property
    def until(self) -> str | None:
        return str(self.filter.until) if self.filter.until else None

    @property
    def hide_approximate(self) -> bool:
        return bool(self.filter.resolutions) and "approximate" not in self.filter.resolutions

    def base_filter(self) -> EventFilter:
        """The store filter WITHOUT the time window (the map draws the whole span; the window is client-side)."""
        return replace(self.filter, since=None, until=None)

    def base_key(self) -> tuple:
        """A hashable key of the non-time filters (for caches)."""
        f = self.base_filter()
        return tuple(getattr(f, n) for n in (*LIST_FIELDS, "resolutions", "text"))

    def with_window(self, since: str | None, until: str | None) -> ViewState:
        return replace(self, filter=replace(self.filter, since=since, until=until))

    def filters_dict(self) -> dict[str, Any]:
        """Non-empty filters by ``EventFilter`` name (for export metadata and captions)."""
        out: dict[str, Any] = {n: list(getattr(self.filter, n)) for n in LIST_FIELDS if getattr(self.filter, n)}
        if self.hide_approximate:
            out["hide_approximate"] = True
        if self.filter.text:
            out["text"] = self.filter.text
        return out


def _clean(v: Any) -> str:
    s = _CONTROL_RE.sub("", str(v if v is not None else "")).strip()
    return s[:MAX_VALUE_LEN]


def _raw(params: Mapping[str, Any], key: str) -> list:
    raw = params.get_all(key) if hasattr(params, "get_all") else params.get(key)  # st.query_params: get_all
    if raw is None:
        return []
    return [raw] if isinstance(raw, str) else list(raw)


def _values(params: Mapping[str, Any], name: str) -> list[str]:
    """All values of the repeated key of ``name`` (its legacy key's too; cleaned, de-duplicated, at most
    ``MAX_VALUES``)."""
    out: list[str] = []
    for key in (name, *(k for k, v in LEGACY_KEYS.items() if v == name)):
        for v in _raw(params, key):
            c = _clean(v)
            if c and c not in out:
                out.append(c)
    return out[:MAX_VALUES]


def _first(params: Mapping[str, Any], name: str) -> str:
    if name == "text":  # free text: as typed (repeated values are not merged), capped
        raw = _raw(params, "text") or _raw(params, "q")
        return _clean(raw[0] if raw else "")[:MAX_TEXT]
    vals = _values(params, name)
    return vals[0] if vals else ""


def _date(s: str) -> str | None:
    if not s:
        return None
    try:
        return parse_date(s).isoformat()   # the one rule for dates people give
    except ValueError:
        return None


def _hide_approximate(params: Mapping[str, Any]) -> bool:
    if _first(params, "exact").lower() in ("1", "true", "yes", "on"):  # links of earlier versions
        return True
    wanted = {v.lower() for v in _values(params, "resolutions")}
    return bool(wanted) and "approximate" not in wanted


def decode(params: Mapping[str, Any]) -> ViewState:
    """A ``ViewState`` from query parameters; unknown keys and bad values are ignored."""
    since, until = _date(_first(params, "since")), _date(_first(params, "until"))
    if since and until and since > until:
        since, until = until, since
    lists: dict[str, Any] = {name: tuple(_values(params, name)) for name in LIST_FIELDS}
    f = replace(EventFilter(since=since, until=until, resolutions=NOT_APPROXIMATE if _hide_approximate(params) else (),
                            text=_first(params, "text")), **lists)
    ev = _first(params, "ev")
    page = _first(params, "page").lower()
    return ViewState(filter=f, event_id=ev if EVENT_ID_RE.match(ev or "") else None,
                     reference=tuple(r for r in (v.lower() for v in _values(params, "ref")) if r in REFERENCE_KINDS),
                     page=page if page in PAGES else "map")


def encode(state: ViewState) -> dict[str, str | list[str]]:
    """Query parameters for ``state``: defaults left out, lists as repeated keys (lists)."""
    out: dict[str, str | list[str]] = {}
    if state.page and state.page != "map":
        out["page"] = state.page
    if state.since:
        out["since"] = state.since
    if state.until:
        out["until"] = state.until
    for name in LIST_FIELDS:
        v = [x for x in getattr(state.filter, name) if x]
        if v:
            out[name] = v
    if state.hide_approximate:
        out["resolutions"] = list(NOT_APPROXIMATE)
    if state.filter.text:
        out["text"] = state.filter.text[:MAX_TEXT]
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
    """True when the URL's parameters do not already say ``state`` in this vocabulary (so writing them is
    needed: a link with the keys of an earlier version is rewritten once)."""
    return any(k in params for k in (*LEGACY_KEYS, "exact")) or decode(params) != state


def with_stored_admin_names(state: ViewState, facets: Mapping[str, Iterable[str]]) -> ViewState:
    """``state`` with its governorates, districts and sub-districts in the store's spelling, so
    ``?admin1=Daraa``, ``?admin1=درعا`` and ``?admin1=Dar%27a`` open the same view (names the gazetteer
    and the store do not know are kept: ``coerce`` and the sidebar drop them)."""
    from eventmap.places.admin_names import canonical_admin

    kw: dict[str, Any] = {}
    for level in (1, 2, 3):
        name = f"admin{level}"
        values = getattr(state.filter, name)
        if values:
            known = list(facets.get(name, ()) or ())
            names, unknown = canonical_admin(values, level, known)
            kw[name] = tuple(dict.fromkeys([*names, *unknown]))
    return replace(state, filter=replace(state.filter, **kw)) if kw else state


# --------------------------------------------------------------------------- the widgets' session keys

#: the dashboard's widget keys that hold the view (filters and time window), in ``st.session_state``
WIDGET_KEYS = (*(widget_key(n) for n in (*LIST_FIELDS, "hide_approximate", "text", "reference")), "window")


def session_values(state: ViewState) -> dict[str, Any]:
    """The widgets' session values that show ``state`` (a session's first run, from its URL)."""
    out: dict[str, Any] = {widget_key(n): list(getattr(state.filter, n)) for n in LIST_FIELDS}
    out.update({widget_key("hide_approximate"): state.hide_approximate, widget_key("text"): state.filter.text,
                widget_key("reference"): list(state.reference), "ev": state.event_id, "page": state.page})
    return out


def from_session(session: Mapping[str, Any], since: str | None = None, until: str | None = None) -> ViewState:
    """The view the widgets show (``session_values`` read back), with the time window ``since``/``until``."""
    g = session.get
    lists: dict[str, Any] = {n: tuple(g(widget_key(n)) or ()) for n in LIST_FIELDS}
    f = replace(EventFilter(since=since, until=until, text=(g(widget_key("text")) or "").strip(),
                            resolutions=NOT_APPROXIMATE if g(widget_key("hide_approximate")) else ()), **lists)
    return ViewState(filter=f, event_id=g("ev"), reference=tuple(g(widget_key("reference")) or ()),
                     page=g("page") or "map")


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
    for name in LIST_FIELDS:
        known = set(facets.get(name, ()) or ())
        kw[name] = tuple(v for v in getattr(state.filter, name) if v in known)
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
    return replace(state, filter=replace(state.filter, **kw))


__all__ = ["LEGACY_KEYS", "LIST_FIELDS", "NOT_APPROXIMATE", "PAGES", "REFERENCE_KINDS", "WIDGET_KEYS", "ViewState",
           "coerce", "decode", "differs", "encode", "from_session", "keep_widget_values", "query_string",
           "session_values", "widget_key", "with_stored_admin_names"]
