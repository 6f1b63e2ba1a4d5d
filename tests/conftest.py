"""Every test runs with its own per-user data folder: no test sees another's store or analyst places."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _isolated_user_data(request, tmp_path_factory, monkeypatch):
    if "browser" in request.node.path.parts:
        # the browser suite runs one server per module with its own folders (tests/browser/conftest.py)
        yield
        return
    data = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv("EVENTMAP_DATA_DIR", str(data))
    monkeypatch.setenv("EVENTMAP_ANALYST_PLACES", str(data / "analyst_places.csv"))
    monkeypatch.delenv("EVENTMAP_DB", raising=False)
    from eventmap.places.gazetteer import default_gazetteer

    default_gazetteer.cache_clear()
    yield
    default_gazetteer.cache_clear()


@pytest.fixture
def env(tmp_path, monkeypatch):
    """``tmp_path`` as the user's data folder (stores, analyst places), the default store unset."""
    monkeypatch.setenv("EVENTMAP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("EVENTMAP_ANALYST_PLACES", str(tmp_path / "data" / "analyst_places.csv"))
    monkeypatch.delenv("EVENTMAP_DB", raising=False)
    return tmp_path
