"""The dashboard server's warm-up (``eventmap.ui.warm``): the first page's work done while the server starts,
with the same results as doing it on the first page."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading

from eventmap.places.admin_names import admin_names, from_gazetteer
from eventmap.store import open_store
from eventmap.ui import warm


def test_admin_names_without_the_gazetteer_index_are_the_gazetteers(tmp_path):
    """The sidebar labels governorates from the admin rows alone: the same keys and spellings as from the
    loaded gazetteer, so 'Deraa' still finds Dar'a."""
    from eventmap.places.gazetteer import default_gazetteer

    admin_names.cache_clear()
    try:
        quick = admin_names()
        full = from_gazetteer(default_gazetteer())
        assert quick.keys == full.keys and quick.spellings == full.spellings
        assert quick.canonical("Deraa", 1) == ("Dar'a",)
        assert quick.label("Dar'a", 1).startswith("Dar'a · درعا")
    finally:
        admin_names.cache_clear()


def test_a_fresh_process_labels_admin_units_without_loading_the_gazetteer():
    code = textwrap.dedent("""
        from eventmap.places import gazetteer as gz
        from eventmap.places.admin_names import admin_names
        names = admin_names()
        assert names.canonical("Quneitra Governorate", 1) == ("Quneitra",), names.canonical("Quneitra Governorate", 1)
        assert gz.default_gazetteer.cache_info().currsize == 0   # the name index was not built
    """)
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


def test_has_reports(tmp_path):
    with open_store(tmp_path / "s.gpkg") as s:
        assert not s.has_reports()
        assert warm.ensure_sample_once(s) is True
        assert s.has_reports() and len(s.reports()) == 1
        assert warm.ensure_sample_once(s) is False     # a store in use is left as it is


def test_sample_is_stored_once_when_the_warm_up_and_the_first_page_ask_together(tmp_path):
    db = str(tmp_path / "s.gpkg")
    stores = [open_store(db), open_store(db)]
    results: list[bool] = []
    threads = [threading.Thread(target=lambda s=s: results.append(warm.ensure_sample_once(s))) for s in stores]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert sorted(results) == [False, True]
    assert len(stores[0].reports()) == 1
    for s in stores:
        s.close()


def test_warm_fills_the_first_pages_caches(tmp_path, monkeypatch):
    from eventmap.views import assets, boundaries

    monkeypatch.setenv("EVENTMAP_DATA_DIR", str(tmp_path))
    app = tmp_path / "app.py"
    app.write_text("import json\nfrom eventmap.views import colors\nfrom eventmap.views.escape import md\n")
    assert warm.app_modules(app) == ["json", "eventmap.views", "eventmap.views.colors", "eventmap.views.escape",
                                     "eventmap.views.escape.md"]
    boundaries._load.cache_clear()
    assets.data_uri.cache_clear()
    db = str(tmp_path / "w.gpkg")
    warm.warm(db, app)
    assert boundaries._load.cache_info().currsize == 3          # the three admin levels, read once
    assert assets.data_uri.cache_info().currsize == len(assets.assets())
    with open_store(db) as s:                                   # an empty store got the sample
        assert len(s.reports()) == 1 and s.count_stored() > 0


def test_the_sample_helper_gives_the_events_the_server_would_extract():
    """``python -m eventmap.ui.warm``: the sample report's events for a new store, pickled, equal (every field,
    evidence included) to the server's own extraction."""
    import pickle

    from eventmap.pipeline import sample_events

    out = subprocess.run([sys.executable, "-m", "eventmap.ui.warm"], capture_output=True, check=True,
                         timeout=120).stdout
    got = pickle.loads(out)
    assert got == sample_events() and len(got) > 20


def test_a_new_store_takes_its_sample_from_the_helper(tmp_path, monkeypatch):
    """A new embedded store: the warm-up starts one helper, and the store gets the sample's events from it; the
    server extracts nothing itself (here it cannot: its own extraction raises)."""
    from eventmap import pipeline

    db = str(tmp_path / "new.gpkg")
    assert warm._start_sample_helper(db) is True
    assert warm._start_sample_helper(db) is False           # one helper at a time
    expected = {e.event_id for e in pipeline.sample_events()}

    def not_here(*a, **k):
        raise AssertionError("the server extracted the sample itself")

    monkeypatch.setattr(pipeline, "sample_events", not_here)
    with open_store(db) as s:
        assert warm.ensure_sample_once(s) is True
        assert len(s.reports()) == 1
        assert set(s.query()["event_ids"].str.split("; ").explode()) == expected
    assert warm._sample_helper == []
    with open_store(db) as s:                                  # a store in use: no helper, nothing to do
        assert warm._start_sample_helper(db) is False and warm.ensure_sample_once(s) is False


def _fake_helper(code: str) -> None:
    warm._sample_helper.append(subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE))


def test_a_failed_or_garbled_sample_helper_leaves_the_extraction_to_the_server(tmp_path):
    for i, code in enumerate(("import sys; sys.exit(3)", "import sys; sys.stdout.write('not a pickle')",
                              "import pickle, sys; sys.stdout.buffer.write(pickle.dumps({'no': 'list'}))")):
        _fake_helper(code)
        with open_store(tmp_path / f"s{i}.gpkg") as s:
            assert warm.ensure_sample_once(s) is True
            assert len(s.reports()) == 1 and s.count_stored() > 20, code
        assert warm._sample_helper == []


def test_a_store_with_analyst_places_does_not_take_the_helpers_events(tmp_path):
    """The helper extracted for a store without analyst places: a store that has some extracts with them."""
    import pickle

    _fake_helper(f"import sys; sys.stdout.buffer.write({pickle.dumps([])!r})")   # a sample of no events
    with open_store(tmp_path / "pins.gpkg") as s:
        s.pin("the olive press farm", 32.69, 35.98, author="analyst")
        assert warm.ensure_sample_once(s) is True
        assert s.count_stored() > 20                           # extracted here, not the helper's none
    assert warm._sample_helper == []


def test_a_store_that_cannot_be_made_leaves_no_helper_behind(tmp_path, monkeypatch):
    """The warm-up started the helper for a store it then cannot open (its folder is a file): it stops the helper
    instead of leaving it to the page, which will say what is wrong with the store."""
    monkeypatch.setenv("EVENTMAP_DATA_DIR", str(tmp_path))
    (tmp_path / "not-a-folder").write_text("")
    warm.warm(str(tmp_path / "not-a-folder" / "s.gpkg"), None)
    assert warm._sample_helper == []


def test_warm_off(monkeypatch):
    monkeypatch.setenv("EVENTMAP_WARM", "0")
    assert warm.start() is None


def test_app_command_runs_streamlit_after_starting_the_warm_up(tmp_path):
    from eventmap.views.cli import command

    argv, _env, cwd = command(db=str(tmp_path / "s.gpkg"), port=8600)
    assert argv[1] == "-c" and "eventmap.ui.warm" in argv[2] and "streamlit.web.cli" in argv[2]
    assert argv[3:5] == ["run", str(cwd / "app.py")]


def test_warm_up_leaves_streamlit_components_to_the_app(tmp_path):
    """A Streamlit component imported before Streamlit's runtime exists is never served (its frame 404s)."""
    app = tmp_path / "app.py"
    app.write_text("import streamlit as st\nfrom streamlit_folium import st_folium\nimport folium\n")
    assert warm.app_modules(app) == ["folium"]
