"""A folium map saved to a file and opened in headless Chromium (Debian's), for the views tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from eventmap.exports.png import CHROMIUM, CHROMIUM_ARGS


@contextmanager
def opened_map(m: Any, folder: Path, ready: str = "window.eventmapReady === true") -> Iterator[tuple[Any, list[str]]]:
    """Yield ``(page, errors)``: the map's page once ``ready`` holds, and the script errors it raised so far."""
    from playwright.sync_api import sync_playwright

    page_file = folder / "map.html"
    m.save(str(page_file))
    with sync_playwright() as pw:
        br = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            pg = br.new_page(viewport={"width": 1000, "height": 700})
            errors: list[str] = []
            pg.on("pageerror", lambda e: errors.append(str(e)))
            pg.goto(page_file.as_uri())
            pg.wait_for_function(ready, timeout=30_000)
            yield pg, errors
        finally:
            br.close()
