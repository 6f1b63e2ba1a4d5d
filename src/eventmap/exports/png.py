"""PNG snapshots: the exported HTML map rendered by headless Chromium (Playwright).

``PngRenderer`` keeps one browser for many exports (the app reuses it); every browser
process is closed when the renderer exits, also on error.  Rendering waits for the map's
``window.eventmapReady`` signal, never a fixed sleep.  The network is off by default:
every request that is not ``file:``/``data:``/``blob:`` is aborted (and recorded in
``blocked``), so a snapshot shows exactly what an offline reader sees.
"""

from __future__ import annotations

import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from eventmap import settings

CHROMIUM = settings.chromium()
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--headless",
                 "--font-render-hinting=none"]

#: controls that make no sense on paper
PRINT_CSS = """
.leaflet-control-zoom, .leaflet-control-layers, .em-slider, .em-unres { display: none !important; }
"""


def parse_size(size: str | tuple[int, int]) -> tuple[int, int]:
    """``"1600x1000"`` -> (1600, 1000)."""
    if isinstance(size, tuple):
        w, h = size
    else:
        try:
            w, h = (int(v) for v in str(size).lower().replace("×", "x").split("x"))
        except ValueError:
            raise ValueError(f"size must look like 1600x1000, got {size!r}") from None
    if not (100 <= w <= 10000 and 100 <= h <= 10000):
        raise ValueError(f"size {w}x{h} out of range (100..10000 pixels per side)")
    return w, h


class PngRenderError(RuntimeError):
    pass


class PngRenderer:
    """Render HTML maps to PNG with one reusable headless Chromium.

    >>> with PngRenderer() as r:                     # doctest: +SKIP
    ...     r.render_file("map.html", "map.png", size=(1600, 1000), scale=1)
    """

    def __init__(self, executable_path: str = CHROMIUM, *, allow_network: bool = False,
                 timeout_ms: int = 60_000) -> None:
        self.executable_path = executable_path
        self.allow_network = allow_network
        self.timeout_ms = timeout_ms
        self.blocked: list[str] = []
        self._pw: Any = None  # playwright's Playwright and Browser, started in the worker thread
        self._browser: Any = None
        self._exec: ThreadPoolExecutor | None = None

    # -- lifecycle ---------------------------------------------------------------
    # Playwright's sync API is bound to the thread that started it and refuses to run
    # inside an asyncio loop (Jupyter, a second Playwright user in the same thread).  All
    # browser work therefore runs in one private worker thread.
    def _call(self, fn, *args, **kw):
        if self._exec is None:
            self._exec = ThreadPoolExecutor(max_workers=1, thread_name_prefix="eventmap-png")
        return self._exec.submit(fn, *args, **kw).result()

    def _start(self) -> None:
        if self._browser is not None and self._browser.is_connected():
            return
        self._close()
        from playwright.sync_api import sync_playwright

        self._pw = sync_playwright().start()
        try:
            self._browser = self._pw.chromium.launch(executable_path=self.executable_path, args=CHROMIUM_ARGS)
        except Exception:
            self._close()
            raise

    def _close(self) -> None:
        browser, pw = self._browser, self._pw
        self._browser = self._pw = None
        try:
            if browser is not None:
                browser.close()
        except Exception:  # noqa: BLE001 - shutting down: a browser that already died has nothing to close
            pass
        finally:
            if pw is not None:
                try:
                    pw.stop()
                except Exception:  # noqa: BLE001 - shutting down: Playwright may be gone with the browser
                    pass

    def start(self) -> PngRenderer:
        """Launch the browser (done lazily by the first render)."""
        self._call(self._start)
        return self

    def close(self) -> None:
        """Close the browser and stop Playwright; safe to call twice."""
        ex, self._exec = self._exec, None
        if ex is None:
            return
        try:
            ex.submit(self._close).result()
        finally:
            ex.shutdown(wait=True)

    def __enter__(self) -> PngRenderer:
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __del__(self) -> None:  # last resort; close() is the contract
        try:
            self.close()
        except Exception:  # noqa: BLE001 - a finaliser must not raise (interpreter exit, half-built renderer)
            pass

    # -- rendering ---------------------------------------------------------------
    def _route(self, route) -> None:
        url = route.request.url
        if url.startswith(("file:", "data:", "blob:", "about:")) or self.allow_network:
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def render_file(self, html_path: str | Path, png_path: str | Path, *, size=(1600, 1000),
                    scale: float = 1.0) -> Path:
        """Screenshot ``html_path`` (an exported map page) into ``png_path``."""
        w, h = parse_size(size)
        if not (0.25 <= float(scale) <= 4):
            raise ValueError(f"scale must be between 0.25 and 4, got {scale}")
        return self._call(self._render, Path(html_path), Path(png_path), w, h, float(scale))

    def _render(self, html_path: Path, out: Path, w: int, h: int, scale: float) -> Path:
        self._start()
        context = self._browser.new_context(viewport={"width": w, "height": h}, device_scale_factor=scale)
        try:
            page = context.new_page()
            page.route("**/*", self._route)
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            # an uncaught script error ends the wait at once instead of at the timeout
            page.add_init_script("window.addEventListener('error', function(e){"
                                 " window.eventmapError = window.eventmapError || String(e.message); });")
            page.goto(html_path.resolve().as_uri(), wait_until="load", timeout=self.timeout_ms)
            page.add_style_tag(content=PRINT_CSS)
            page.wait_for_function("window.eventmapReady === true || !!window.eventmapError",
                                   timeout=self.timeout_ms)
            err = page.evaluate("window.eventmapError || null")
            if err or errors:
                raise PngRenderError(f"the map page failed to draw: {err or errors[0]}")
            # fonts and the last canvas frame
            page.evaluate("document.fonts ? document.fonts.ready.then(() => true) : true")
            page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))")
            out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(out), full_page=False)
            return out
        finally:
            try:
                context.close()
            except Exception:  # noqa: BLE001 - the browser died: keep the original error; the next render relaunches it
                pass

    def render_html(self, html: str, png_path: str | Path, **kw) -> Path:
        """Screenshot an HTML string (written to a temporary file so it loads from ``file://``)."""
        with tempfile.TemporaryDirectory(prefix="eventmap-png-") as d:
            p = Path(d) / "map.html"
            p.write_text(html, encoding="utf-8")
            return self.render_file(p, png_path, **kw)
