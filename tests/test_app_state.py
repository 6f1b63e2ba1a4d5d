"""View state <-> URL query string and session keys (``eventmap.ui.state``): round trips, hostile and hand-edited
URLs, links of earlier versions."""

from __future__ import annotations

from urllib.parse import parse_qs

from hypothesis import given, settings
from hypothesis import strategies as st

from eventmap.store import EventFilter
from eventmap.ui.state import (
    LIST_FIELDS,
    NOT_APPROXIMATE,
    WIDGET_KEYS,
    ViewState,
    coerce,
    decode,
    differs,
    encode,
    from_session,
    query_string,
    session_values,
    widget_key,
)


class MultiParams(dict):
    """Stands in for ``st.query_params`` (``get_all`` for repeated keys)."""

    def get_all(self, key):
        v = self.get(key)
        if v is None:
            return []
        return list(v) if isinstance(v, list) else [v]


def test_round_trip_with_arabic_and_repeated_values():
    f = EventFilter(since="2018-07-01", until="2018-07-31", event_types=("Battles", "Explosions/Remote violence"),
                    admin1=("Dar'a", "Quneitra"), admin3=("Al-Khashniyyeh",),
                    actors=("Military Forces of Syria (2000-2024)",), sources=("SANA", "عنب بلدي"),
                    resolutions=NOT_APPROXIMATE, text="الرفيد")
    s = ViewState(f, event_id="e913646570e5a0c2", reference=("acled",), page="map")
    enc = encode(s)
    assert enc["event_types"] == ["Battles", "Explosions/Remote violence"]      # the keys are the filter's fields
    assert enc["resolutions"] == ["resolved", "ambiguous", "unresolved"] and enc["text"] == "الرفيد"
    assert enc["since"] == "2018-07-01" and enc["admin1"] == ["Dar'a", "Quneitra"]
    assert decode(enc) == s
    # through a real query string (what the browser's address bar holds)
    parsed = parse_qs(query_string(s))
    assert decode(MultiParams(parsed)) == s


def test_defaults_are_left_out_of_the_url():
    assert encode(ViewState()) == {}
    assert query_string(ViewState()) == ""
    assert encode(ViewState(page="ingest")) == {"page": "ingest"}


def test_hostile_and_hand_edited_urls_are_cleaned_not_trusted():
    s = decode(MultiParams({
        "since": "2018-13-45", "to": "not a date", "type": ["Battles", "Battles", "\x00\x1b[31m"],
        "q": ["<script>alert(1)</script>" + "x" * 500], "ev": 'abc"><img src=x onerror=alert(1)>',
        "page": "../../etc/passwd", "ref": ["ACLED", "evil"], "exact": "maybe", "unknown": "1",
    }))
    assert s.since is None and s.until is None
    assert s.filter.event_types == ("Battles", "[31m")  # controls stripped; unknown values dropped by coerce()
    assert coerce(s, {"event_types": ["Battles"]}, (None, None)).filter.event_types == ("Battles",)
    assert s.filter.text.startswith("<script>") and len(s.filter.text) == 200  # kept as text (escaped where shown)
    assert s.event_id is None
    assert s.page == "map"
    assert s.reference == ("acled",)
    assert s.hide_approximate is False


def test_reversed_window_is_swapped():
    s = decode({"since": "2018-07-30", "until": "2018-07-01"})
    assert (s.since, s.until) == ("2018-07-01", "2018-07-30")
    assert decode({"from": "2018-07-30", "to": "2018-07-01"}) == s


def test_filters_for_the_store():
    s = ViewState(EventFilter(since="2018-07-01", until="2018-07-31", event_types=("Battles",),
                              resolutions=NOT_APPROXIMATE, text="Sayda"))
    base = s.base_filter()
    assert base.since is None and base.until is None  # the map holds all dates; the window is client-side
    assert base.event_types == ("Battles",)
    assert "approximate" not in base.resolutions and "resolved" in base.resolutions and s.hide_approximate
    assert (s.filter.since, s.filter.until) == ("2018-07-01", "2018-07-31")
    assert s.base_key() == s.with_window(None, "2018-08-05").base_key() != ViewState().base_key()
    assert s.filters_dict() == {"event_types": ["Battles"], "hide_approximate": True, "text": "Sayda"}


def test_coerce_drops_unknown_values_and_clips_the_window():
    facets = {"event_types": ["Battles", "Protests"], "admin1": ["Quneitra"]}
    s = ViewState(EventFilter(event_types=("Battles", "Riots"), admin1=("Aleppo",), since="2017-01-01",
                              until="2018-07-20"))
    c = coerce(s, facets, ("2018-07-01", "2018-07-31"))
    assert c.filter.event_types == ("Battles",)
    assert c.filter.admin1 == ()
    assert c.since is None and c.until == "2018-07-20"


def test_differs_only_when_the_url_says_something_else():
    s = ViewState(EventFilter(event_types=("Battles",)))
    assert not differs(MultiParams(encode(s)), s)
    assert differs(MultiParams({}), s)
    assert differs(MultiParams({"type": "Battles"}), s)   # a link of an earlier version is rewritten once


def test_links_shared_before_keep_opening_the_same_view():
    old = MultiParams({"from": "2018-07-20", "to": "2018-07-26", "type": "Battles", "sub": "Armed clash",
                       "gov": "Quneitra", "dist": "Al Fiq", "sd": "Fiq", "actor": "Military Forces of Syria (2000-)",
                       "outlet": "SANA", "exact": "1", "q": "صيدا", "ev": "e913646570e5a0c2", "ref": "acled",
                       "page": "map"})
    s = decode(old)
    assert s.filter == EventFilter(since="2018-07-20", until="2018-07-26", event_types=("Battles",),
                                   sub_event_types=("Armed clash",), admin1=("Quneitra",), admin2=("Al Fiq",),
                                   admin3=("Fiq",), actors=("Military Forces of Syria (2000-)",), sources=("SANA",),
                                   resolutions=NOT_APPROXIMATE, text="صيدا")
    assert (s.event_id, s.reference) == ("e913646570e5a0c2", ("acled",))
    assert decode(MultiParams(encode(s))) == s and not set(encode(s)) & {"from", "to", "type", "gov", "exact", "q"}


def test_session_keys_derive_from_the_filter_fields():
    assert [widget_key(n) for n in LIST_FIELDS] == ["f_event_types", "f_sub_event_types", "f_admin1", "f_admin2",
                                                     "f_admin3", "f_actors", "f_sources"]
    s = decode(MultiParams({"admin1": "Quneitra", "resolutions": ["resolved"], "text": "Sayda", "ref": "ucdp",
                            "since": "2018-07-20", "page": "unresolved"}))
    session = session_values(s)
    assert session["f_admin1"] == ["Quneitra"] and session["f_hide_approximate"] is True
    assert set(WIDGET_KEYS) - {"window"} <= set(session)
    back = from_session(session, s.since, s.until)
    assert back == s and back.hide_approximate and back.filter.resolutions == NOT_APPROXIMATE


_text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)


@settings(max_examples=60, deadline=None)
@given(types=st.lists(_text.filter(lambda x: x.strip() == x and x), max_size=4, unique=True), q=_text,
       exact=st.booleans())
def test_round_trip_property(types, q, exact):
    s = ViewState(EventFilter(event_types=tuple(types), text=q.strip()[:200],
                              resolutions=NOT_APPROXIMATE if exact else ()))
    assert decode(MultiParams(parse_qs(query_string(s), keep_blank_values=True))) == s
