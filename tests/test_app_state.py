"""View state <-> URL query string (``eventmap.ui.state``): round trips, hostile and hand-edited URLs."""

from __future__ import annotations

from urllib.parse import parse_qs

from hypothesis import given, settings
from hypothesis import strategies as st

from eventmap.ui.state import ViewState, coerce, decode, differs, encode, query_string


class MultiParams(dict):
    """Stands in for ``st.query_params`` (``get_all`` for repeated keys)."""

    def get_all(self, key):
        v = self.get(key)
        if v is None:
            return []
        return list(v) if isinstance(v, list) else [v]


def test_round_trip_with_arabic_and_repeated_values():
    s = ViewState(since="2018-07-01", until="2018-07-31", event_types=("Battles", "Explosions/Remote violence"),
                  admin1=("Dar'a", "Quneitra"), admin3=("Al-Khashniyyeh",),
                  actors=("Military Forces of Syria (2000-2024)",), sources=("SANA", "عنب بلدي"),
                  hide_approximate=True, text="الرفيد", event_id="e913646570e5a0c2", reference=("acled",),
                  page="map")
    enc = encode(s)
    assert enc["type"] == ["Battles", "Explosions/Remote violence"]
    assert enc["exact"] == "1" and enc["q"] == "الرفيد"
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
        "from": "2018-13-45", "to": "not a date", "type": ["Battles", "Battles", "\x00\x1b[31m"],
        "q": ["<script>alert(1)</script>" + "x" * 500], "ev": 'abc"><img src=x onerror=alert(1)>',
        "page": "../../etc/passwd", "ref": ["ACLED", "evil"], "exact": "maybe", "unknown": "1",
    }))
    assert s.since is None and s.until is None
    assert s.event_types == ("Battles", "[31m")  # controls stripped; unknown values dropped by coerce()
    assert coerce(s, {"event_types": ["Battles"]}, (None, None)).event_types == ("Battles",)
    assert s.text.startswith("<script>") and len(s.text) == 200  # kept as text (escaped where shown), capped
    assert s.event_id is None
    assert s.page == "map"
    assert s.reference == ("acled",)
    assert s.hide_approximate is False


def test_reversed_window_is_swapped():
    s = decode({"from": "2018-07-30", "to": "2018-07-01"})
    assert (s.since, s.until) == ("2018-07-01", "2018-07-30")


def test_filters_for_the_store():
    s = ViewState(since="2018-07-01", until="2018-07-31", event_types=("Battles",), hide_approximate=True,
                  text="Sayda")
    base = s.base_filter()
    assert base.since is None and base.until is None  # the map holds all dates; the window is client-side
    assert base.event_types == ("Battles",)
    assert "approximate" not in base.resolutions and "resolved" in base.resolutions
    full = s.to_filter()
    assert (full.since, full.until) == ("2018-07-01", "2018-07-31")
    assert s.base_key() == ViewState(event_types=("Battles",), hide_approximate=True, text="Sayda").base_key()
    assert s.filters_dict() == {"event_types": ["Battles"], "hide_approximate": True, "text": "Sayda"}


def test_coerce_drops_unknown_values_and_clips_the_window():
    facets = {"event_types": ["Battles", "Protests"], "admin1": ["Quneitra"]}
    s = ViewState(event_types=("Battles", "Riots"), admin1=("Aleppo",), since="2017-01-01", until="2018-07-20")
    c = coerce(s, facets, ("2018-07-01", "2018-07-31"))
    assert c.event_types == ("Battles",)
    assert c.admin1 == ()
    assert c.since is None and c.until == "2018-07-20"


def test_differs_only_when_the_url_says_something_else():
    s = ViewState(event_types=("Battles",))
    assert not differs(MultiParams(encode(s)), s)
    assert differs(MultiParams({}), s)


_text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)


@settings(max_examples=60, deadline=None)
@given(types=st.lists(_text.filter(lambda x: x.strip() == x and x), max_size=4, unique=True), q=_text,
       exact=st.booleans())
def test_round_trip_property(types, q, exact):
    s = ViewState(event_types=tuple(types), text=q.strip()[:200], hide_approximate=exact)
    assert decode(MultiParams(parse_qs(query_string(s), keep_blank_values=True))) == s
