"""The dashboard's library side (``eventmap.ui``, ``eventmap.views``, ``eventmap.views.cli``): no browser, no Streamlit."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest

from eventmap.frame import events_frame
from eventmap.store import EventFilter, open_store
from eventmap.store.testing import (
    PLACES,
    make_event,
    make_report,
    rafid_report_ar,
    rafid_report_en,
)
from eventmap.ui import analyst, downloads, ingest, session
from eventmap.ui import timewindow as tw
from eventmap.views import details, live_map, table, timeline

HOSTILE = ("درعا - <script>alert(1)</script>: وشن الطيران الحربي غارات على بلدة البكار "
           "<img src=x onerror=alert(1)> صباح اليوم.")


@pytest.fixture
def frame():
    _, ar = rafid_report_ar("2018-07-26")
    _, en = rafid_report_en("2018-07-27")
    un_text = "وشن الطيران الحربي غارات على المهير شرق درعا."
    un = make_event(un_text, "2018-07-24", "المهير", "غارات على", None)
    return events_frame(ar + en + [un])


def test_window_is_inclusive_and_open_ended(frame):
    assert len(timeline.window(frame, "2018-07-26", "2018-07-26")) == 2
    assert len(timeline.window(frame, "2018-07-25", None)) == 4
    assert len(timeline.window(frame, None, "2018-07-24")) == 1
    assert len(timeline.window(frame, None, None)) == len(frame)
    assert len(timeline.window(frame, "2019-01-01", "2019-12-31")) == 0


def test_day_counts_and_histogram_use_the_map_colours(frame):
    c = timeline.day_counts(frame)
    assert c["n"].sum() == len(frame)
    assert set(c["day"]) == {"2018-07-24", "2018-07-26", "2018-07-27"}
    html = timeline.histogram(c).html
    assert "#009E73" in html and "#E69F00" in html  # Strategic developments, Explosions (colors.py)
    assert html.count('class="em-band"') == 1 and html.count('class="em-bar"') == 3  # the window + a bar a day
    empty = timeline.day_counts(frame.iloc[0:0])
    assert list(empty.columns) == ["day", "event_type", "n"] and len(empty) == 0
    assert "No events" in timeline.histogram(empty).html  # an empty store: said


def test_step_window_moves_one_day_and_wraps():
    d = dt.date
    span = (d(2018, 7, 1), d(2018, 7, 31))
    assert tw.step_window(d(2018, 7, 1), d(2018, 7, 7), span) == (d(2018, 7, 2), d(2018, 7, 8))
    assert tw.step_window(d(2018, 7, 25), d(2018, 7, 31), span) == (d(2018, 7, 1), d(2018, 7, 7))
    assert tw.step_window(d(2018, 7, 1), d(2018, 7, 31), span) == (d(2018, 7, 1), d(2018, 7, 1))
    assert tw.step_window(d(2018, 7, 31), d(2018, 7, 31), span) == (d(2018, 7, 1), d(2018, 7, 1))


def test_range_script_carries_only_dates_and_a_json_id():
    js = live_map.range_script("2018-07-01", "2018-07-31", 'x"</script><img src=x onerror=alert(1)>')
    assert "</script" not in js and "<img" not in js
    assert '"lo":"2018-07-01"' in js and '"hi":"2018-07-31"' in js
    assert "EM.showRange" in js
    with pytest.raises(ValueError):
        live_map.range_script("2018-07-01'); alert(1); ('", None)


def test_table_frame_newest_first_with_both_scripts(frame):
    t = table.table_frame(frame, limit=3)
    assert list(t.columns) == list(table.TABLE_COLUMNS)
    assert len(t) == 3
    assert list(t["event_date"]) == sorted(t["event_date"], reverse=True)
    # each Arabic name an isolate (\u2067...\u2069), so the grid keeps "Ar Rafid · الرفيد" in order
    assert "Ar Rafid · \u2067الرفيد\u2069" in set(table.table_frame(frame)["place"])
    assert table.table_frame(frame.iloc[0:0]).empty


def test_unresolved_events_are_the_ones_without_coordinates(frame):
    un = table.unresolved_events(frame)
    assert list(un["location"]) == ["المهير"]


def test_details_html_escapes_every_report_string():
    ev = make_event(HOSTILE, "2018-07-10", "البكار", "غارات على", "bakkar",
                    source="<img src=x onerror=alert(2)>", url="javascript:alert(3)")
    row = events_frame([ev]).iloc[0]
    h = details.details_html(row)
    assert "<script" not in h and "<img" not in h and "javascript:" not in h
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in h
    assert "&lt;img src=x onerror=alert(2)&gt;" in h
    assert '<mark>البكار</mark>' in h  # the place name highlighted in the sentence
    assert 'dir="rtl"' in h
    # an English event reads left to right and keeps a safe link
    _, en = rafid_report_en()
    h2 = details.details_html(events_frame(en).iloc[0])
    assert 'dir="ltr"' in h2 and 'href="https://www.reuters.com/article/syria-south"' in h2


def test_sentence_html_is_escaped_and_rtl_for_arabic():
    assert details.sentence_html("<b>x</b>") == '<div dir="ltr">&lt;b&gt;x&lt;/b&gt;</div>'
    assert 'dir="rtl"' in details.sentence_html("غارات على المهير")


def test_parse_coords():
    assert analyst.parse_coords("32.9557, 35.9002") == (32.9557, 35.9002)
    assert analyst.parse_coords("32.9557،35.9002") == (32.9557, 35.9002)  # Arabic comma
    assert analyst.parse_coords(" 32.9557 35.9002 ") == (32.9557, 35.9002)
    for bad in ("", "32.9", "north, east", "95, 35", "1, 2, 3"):
        with pytest.raises(ValueError):
            analyst.parse_coords(bad)


def test_corrections_for_each_fix():
    un_text = "وشن الطيران الحربي غارات على المهير شرق درعا."
    un = make_event(un_text, "2018-07-24", "المهير", "غارات على", None)
    assert ingest.corrections_for(un, ingest.Fix(), "A") == []
    fp = ingest.corrections_for(un, ingest.Fix(drop=True, event_type="Battles"), "A")
    assert [c.kind for c in fp] == ["false_positive"]
    pin = ingest.corrections_for(un, ingest.Fix(lat=32.918, lon=35.916, event_date="2018-07-23"), "A")
    assert [c.kind for c in pin] == ["repin_coords", "set_date"]
    assert (pin[0].lat, pin[0].lon, pin[1].event_date) == (32.918, 35.916, "2018-07-23")
    alt = {"id": PLACES["sayda"][0], "name_ar": "صيدا", "name_en": "Sayda", "lat": PLACES["sayda"][3],
           "lon": PLACES["sayda"][4], "admin1": "Quneitra"}
    ev = make_event(un_text, "2018-07-24", "المهير", "غارات على", None)
    from dataclasses import replace

    ev = replace(ev, alternatives=(alt,))
    c = ingest.corrections_for(ev, ingest.Fix(place_id=alt["id"], event_type="Battles"), "A")
    assert [x.kind for x in c] == ["repin_place", "set_type"]
    assert c[0].payload["lat"] == PLACES["sayda"][3]


def test_save_preview_stores_events_and_authored_corrections(tmp_path):
    text = ("وشن الطيران الحربي غارات على المهير شرق درعا. ودارت اشتباكات في الرفيد بين الجيش ومسلحي الجبهة "
            "الجنوبية.")
    rep = make_report(text, "2018-07-24")
    un = make_event(text, "2018-07-24", "المهير", "غارات على", None)
    rafid = make_event(text, "2018-07-24", "الرفيد", "اشتباكات في", "rafid")
    fixes = {un.event_id: ingest.Fix(lat=32.918, lon=35.916), rafid.event_id: ingest.Fix(drop=True)}
    with open_store(str(tmp_path / "s.gpkg")) as store:
        with pytest.raises(ValueError, match="author"):
            ingest.save_preview(store, rep, [un, rafid], fixes, author=" ")
        assert len(store.reports()) == 0  # nothing stored without an author for the fixes
        r = ingest.save_preview(store, rep, [un, rafid], fixes, author="Analyst A")
        assert r["status"] == "new" and r["events"] == 2 and r["corrections"] == 2
        got = store.query(EventFilter())
        assert list(got["event_id"]) == [un.event_id]  # the false positive is hidden
        assert (got.iloc[0]["latitude"], got.iloc[0]["longitude"]) == (32.918, 35.916)
        assert {c.author for c in store.corrections()} == {"Analyst A"}
        again = ingest.save_preview(store, rep, [un, rafid], fixes, author="Analyst A")
        assert again["status"] == "duplicate" and again["corrections"] == 0  # nothing new: not made twice
        # the same report pasted again, a new fix ticked: it reaches the stored event (it used to be dropped)
        other = dict(fixes, **{un.event_id: ingest.Fix(drop=True)})
        third = ingest.save_preview(store, rep, [un, rafid], other, author="Analyst B")
        assert third["status"] == "duplicate" and third["corrections"] == 1
        assert store.event_status(un.event_id) == "false_positive"
        before = session.data_token(store)
        assert store.undo(third["batch"], author="Analyst B") == 1
        assert store.event_status(un.event_id) == "ok"
        assert session.data_token(store) != before  # an undo leaves the counts as they were: the caches still renew


def test_pin_name_moves_stored_events_and_needs_an_author(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTMAP_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("EVENTMAP_ANALYST_PLACES", raising=False)
    text = "وشن الطيران الحربي غارات على المهير شرق درعا."
    with open_store(str(tmp_path / "s.gpkg")) as store:
        store.ingest(make_report(text, "2018-07-24"), [make_event(text, "2018-07-24", "المهير", "غارات على", None)])
        with pytest.raises(ValueError, match="author"):
            analyst.pin_name(store, "المهير", 32.918, 35.916, author="")
        res = analyst.pin_name(store, "المهير", 32.918, 35.916, author="Analyst A", variants=["al-Muhayr", " "])
        assert res.events == 1 and res.place_id.startswith("user:") and res.admin["admin1"] == "Quneitra"
        got = store.query(EventFilter())
        assert got.iloc[0]["resolution"] == "resolved"
        assert (got.iloc[0]["latitude"], got.iloc[0]["longitude"]) == (32.918, 35.916)
        assert store.unresolved_names().empty
        # future reports find the name too, in either spelling: the store hands its places to the extractor
        found = store.extractor()("Shelling hit al-Muhayr at dawn on Monday.", "2018-07-30")
        assert [e.place_id for e in found if e.location == "al-Muhayr"] == [res.place_id]
    assert not (tmp_path / "analyst_places.csv").exists()  # the store keeps the place, not a per-user file


def test_split_spellings():
    assert analyst.split_spellings("al-Muhayr; Al Muhayyir، المهيّر\n") == ["al-Muhayr", "Al Muhayyir", "المهيّر"]


def test_read_upload_formats(tmp_path):
    lines = [json.dumps({"text": "وشن الطيران الحربي غارات على المهير.", "published": "2018-07-24",
                         "source": "SANA"}, ensure_ascii=False),
             "", json.dumps({"text": "Russian jets carried out air strikes on Sayda.", "source": "Reuters"})]
    reps = ingest.read_upload("batch.jsonl", "\n".join(lines).encode("utf-8"), "2018-07-25")
    assert [r.published for r in reps] == ["2018-07-24", "2018-07-25"]
    assert [r.source for r in reps] == ["SANA", "Reuters"]
    with pytest.raises(ValueError, match="JSON"):
        ingest.read_upload("bad.jsonl", b'{"text": "x"}\n{not json', "2018-07-25")
    with pytest.raises(ValueError, match="unsupported"):
        ingest.read_upload("tool.exe", b"MZ\x00\x00", "2018-07-25")
    page = "<html><head><title>t</title></head><body><p>Russian jets carried out air strikes on Sayda.</p></body></html>"
    (r,) = ingest.read_upload("page.html", page.encode(), "2018-07-25", source="Reuters")
    assert "Sayda" in r.text and "<p>" not in r.text


def test_export_bytes_for_the_view(frame):
    data, name, mime = downloads.download(frame, "geojson", {"event_types": ["Battles"]}, "2018-07-24", "2018-07-27")
    gj = json.loads(data)
    assert name == "eventmap_2018-07-24_2018-07-27.geojson" and mime == "application/geo+json"
    assert len(gj["features"]) == len(frame)
    placed = [f for f in gj["features"] if f["geometry"]]
    assert len(placed) == int(frame["latitude"].notna().sum())  # the unresolved one has no invented point
    # a CSV cannot say its filters: it comes zipped with its .meta.json, as the CLI writes them
    data, name, mime = downloads.download(frame, "csv", {"event_types": ["Battles"]}, "2018-07-24", "2018-07-27")
    assert name == "eventmap_2018-07-24_2018-07-27_csv.zip" and mime == "application/zip"
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.namelist() == ["eventmap_2018-07-24_2018-07-27.csv", "eventmap_2018-07-24_2018-07-27.csv.meta.json"]
        assert "event_id" in z.read(z.namelist()[0]).decode("utf-8-sig").splitlines()[0]
        assert json.loads(z.read(z.namelist()[1]))["filters"] == {"event_types": ["Battles"]}


def test_reference_script_escapes_rows_and_skips_unplaced_ones():
    df = pd.DataFrame([{"event_date": "2018-07-25", "event_type": "<b>Battles</b>", "location": "<img src=x>",
                        "actor1": "{{ 7*7 }}", "actor2": "", "latitude": 32.9557, "longitude": 35.9002},
                       {"event_date": "2018-07-25", "event_type": "Battles", "location": "nowhere", "actor1": "A",
                        "actor2": "", "latitude": float("nan"), "longitude": float("nan")}])
    js = live_map.reference_script(df, "acled")
    rows = json.loads(js.split("rows = ", 1)[1].split(";\n", 1)[0])
    assert len(rows) == 1 and rows[0][:2] == [32.9557, 35.9002]  # no point invented for the second row
    assert "<img" not in js and "&lt;img src=x&gt;" in rows[0][2]
    assert "{{" not in js and "&#123;&#123; 7*7 &#125;&#125;" in rows[0][2]


def test_window_group_scripts_are_not_templates():
    """branca compiles rendered scripts as Jinja: ours must come out byte for byte."""
    import folium
    from jinja2 import Template

    df = pd.DataFrame([{"event_date": "2018-07-25", "event_type": "Battles", "location": "{% for x in y %}",
                        "actor1": "{{ 'ssti' ~ 'probe' }}", "actor2": "{# c", "latitude": 32.9557, "longitude": 35.9002}])
    for js in (live_map.range_script("2018-07-01", "2018-07-31", "e913646570e5a0c2"), live_map.reference_script(df, "ucdp"),
               live_map.bridge_script("2018-07-01", None, None)):
        assert Template(js).render() == js.rstrip("\n")  # Jinja drops one trailing newline only
    m = folium.Map(tiles=None)
    live_map.window_group("2018-07-01", "2018-07-31", "e913646570e5a0c2", {"acled": df}).add_to(m)
    html = m.get_root().render()
    assert "sstiprobe" not in html and "ssti" in html  # shown as (escaped) text, not evaluated
    with pytest.raises(ValueError):
        live_map.script_element("var a = '{{ 7*7 }}';")
    # an event id that is not a hash never reaches a script
    assert '"ev":""' in live_map.range_script(None, None, "x'}}{{ 7*7 }}")


def test_defused_frame_renders_report_braces_as_text(frame):
    """A news article containing Jinja syntax is shown, never evaluated, on the map."""
    from eventmap.views.map import build_map

    t = ("وشن الطيران الحربي غارات على بلدة صيدا {{ 'ssti' ~ 'probe' }} {% for x in range(3) %}Qx9{% endfor %} "
         "صباح اليوم.")
    e = make_event(t, "2018-07-24", "صيدا", "غارات على", "sayda", source="{# outlet")
    f = live_map.defuse_templates(events_frame([e]))
    assert f.iloc[0]["notes"].replace("\u200b", "") == t  # the text reads the same
    html = build_map(f).get_root().render()
    assert "Qx9Qx9" not in html and "sstiprobe" not in html
    same = live_map.defuse_templates(frame)
    assert same is frame  # nothing to change: no copy


def test_defuse_finds_one_brace_among_many_rows_and_mixed_values():
    """The column-wide check must still find a template start in any single row, next to numbers and
    missing values in the same column, and leave the other rows untouched."""
    import pandas as pd

    rows = [f"Shelling hit the eastern quarter, day {i}." for i in range(2000)]
    rows[1377] = "The statement read {%raw%} in full."
    f = pd.DataFrame({"notes": rows, "actor1": [None, 7, *(["Rebels"] * 1998)],
                      "source": ["Outlet {{x}}"] + [""] * 1999})
    out = live_map.defuse_templates(f)
    assert out is not f and f.loc[1377, "notes"] == "The statement read {%raw%} in full."  # input kept
    assert out.loc[1377, "notes"] == "The statement read {\u200b%raw%} in full."
    assert out.loc[0, "source"] == "Outlet {\u200b{x}}" and out.loc[1, "source"] == ""
    assert out.loc[5, "notes"] == rows[5] and out.loc[1, "actor1"] == 7


def test_split_alternatives_and_label():
    alts = ingest.split_alternatives(json.dumps([{"id": "wof:1", "name_ar": "صيدا", "name_en": "Sayda",
                                                "admin1": "Quneitra", "lat": 32.87622, "lon": 35.87609}]))
    assert details.place_label(alts[0]) == "صيدا · Sayda (Quneitra) 32.8762, 35.8761"
    assert ingest.split_alternatives("not json") == [] and ingest.split_alternatives(None) == []


def test_app_command_binds_localhost(tmp_path):
    from eventmap.cli import build_parser
    from eventmap.views.cli import app_path, command

    argv, env, cwd = command(db=str(tmp_path / "s.gpkg"), port=8600)
    assert app_path().name == "app.py" and app_path().is_file()
    assert argv[argv.index("--server.address") + 1] == "127.0.0.1"
    assert argv[argv.index("--server.port") + 1] == "8600"
    assert argv[argv.index("--browser.gatherUsageStats") + 1] == "false"
    assert argv[argv.index("--server.fileWatcherType") + 1] == "none"      # an analyst's server watches no source
    assert argv[argv.index("--runner.magicEnabled") + 1] == "false"
    assert env["EVENTMAP_DB"] == str(tmp_path / "s.gpkg")
    assert (cwd / ".streamlit" / "config.toml").is_file()
    args = build_parser().parse_args(["app", "--port", "8600"])
    assert args.host == "127.0.0.1" and args.port == 8600 and callable(args.func)


def test_app_py_shows_nothing_by_magic():
    """``eventmap app`` turns Streamlit's magic off: app.py must show everything through an explicit call, never
    a bare expression (magic would have written it on the page; without magic it would silently vanish)."""
    import ast

    from streamlit.runtime.scriptrunner import magic

    from eventmap.views.cli import app_path

    def written(src: str) -> list[str]:
        return [ast.unparse(n) for n in ast.walk(magic.add_magic(src, "app.py"))
                if isinstance(n, ast.Call) and "__streamlitmagic__" in ast.dump(n.func)]

    assert written("import streamlit as st\ncount = 3\ncount\nst.write(count)\n")   # the check finds one
    assert written(app_path().read_text(encoding="utf-8")) == []


def test_app_py_is_thin():
    """app.py holds widgets only: no SQL, no regular expressions, no raw-HTML of report text."""
    from eventmap.views.cli import app_path

    src = app_path().read_text(encoding="utf-8")
    assert "import re\n" not in src and "re.compile" not in src
    for sql in ("SELECT ", "INSERT ", "UPDATE ", "DELETE "):
        assert sql not in src
    # every unsafe_allow_html call carries only our own markup (counts and CSS), never a report string
    for line in src.splitlines():
        if "unsafe_allow_html=True" in line:
            assert "notes" not in line and "location" not in line


def test_window_on_a_store_ordered_frame_is_a_slice_and_agrees_with_filtering(frame):
    ordered = frame.sort_values("event_date", kind="stable").reset_index(drop=True)
    for lo, hi in (("2018-07-24", "2018-07-26"), ("2018-07-25", None), (None, "2018-07-24"), ("2018-08-01", None)):
        fast = timeline.window(ordered, lo, hi)
        slow = ordered[[(lo is None or d >= lo) and (hi is None or d <= hi) for d in ordered["event_date"]]]
        assert list(fast["event_id"]) == list(slow["event_id"])
    # newest first in the table, the same rows whichever path is taken
    t = table.table_frame(ordered)
    assert set(t["event_id"]) == set(table.table_frame(frame)["event_id"])
    assert list(t["event_date"]) == sorted(t["event_date"], reverse=True)
    assert list(table.table_frame(ordered, limit=2)["event_date"]) == ["2018-07-27", "2018-07-27"]


def test_default_window_is_recent_on_long_spans():
    d = dt.date
    assert tw.default_window((d(2018, 7, 1), d(2018, 7, 26))) == (d(2018, 7, 1), d(2018, 7, 26))
    assert tw.default_window((d(2012, 1, 1), d(2019, 12, 31))) == (d(2019, 12, 2), d(2019, 12, 31))


def test_first_window_is_the_urls_clipped_to_the_span():
    d = dt.date
    span = (d(2012, 1, 1), d(2019, 12, 31))
    assert tw.first_window(span) == (d(2019, 12, 2), d(2019, 12, 31))               # no URL: the last 30 days
    assert tw.first_window(span, "2018-07-20", "2018-07-26") == (d(2018, 7, 20), d(2018, 7, 26))
    assert tw.first_window(span, "2018-07-20") == (d(2018, 7, 20), d(2019, 12, 31))  # an open end: the span's
    assert tw.first_window(span, None, "2011-05-01") == (d(2012, 1, 1), d(2012, 1, 1))
    assert tw.first_window(span, "2019-03-01", "2018-01-01") == (d(2018, 1, 1), d(2019, 3, 1))


def test_export_bytes_map_and_gis_formats(frame):
    html, name, mime = downloads.download(frame, "html", {}, "2018-07-24", "2018-07-27")
    assert mime == "text/html" and b"cdn.jsdelivr" not in html and "الرفيد".encode() in html
    kml, _, _ = downloads.download(frame, "kml")
    assert kml.startswith(b"<?xml") and b"Ar Rafid" in kml
    gpkg, name, _ = downloads.download(frame, "gpkg")
    assert gpkg[:16] == b"SQLite format 3\x00" and name.endswith(".gpkg")
    with pytest.raises(ValueError):
        downloads.download(frame.iloc[0:0], "csv")  # nothing to export: the message says what to change
