"""eventmap's settings: every ``EVENTMAP_*`` environment variable is read here and nowhere else.

``VARIABLES`` lists them with their default and what they set (the README's configuration table says the
same, and ``tests/test_docs.py`` keeps the two and the code in step); ``env(name)`` is the one read of the
environment, and the functions below give each setting's value, so the app, the CLI and the tests agree on
one place per concept.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from eventmap import resources

#: the repository root when running from a checkout / editable install (the wheel's copies: eventmap.resources)
PROJECT_ROOT = resources.CHECKOUT_ROOT


@dataclass(frozen=True)
class Variable:
    """One environment variable: its name, what applies when it is not set, and what it sets."""

    env: str
    default: str
    help: str
    tests_only: bool = False


VARIABLES = (
    Variable("EVENTMAP_DB", "`<data dir>/eventmap.gpkg`",
             "the store: a `.gpkg`/`.sqlite` file or `postgresql://user@host/db` (PostGIS); `--db` overrides it"),
    Variable("EVENTMAP_DATA_DIR", "the user's data folder (`~/.local/share/eventmap` on Linux)",
             "per-user folder of the embedded store and the analyst places file"),
    Variable("EVENTMAP_GAZETTEER", "the gazetteer shipped with eventmap",
             "folder with the gazetteer files (`places.tsv`, `boundaries/`, `regions.csv`)"),
    Variable("EVENTMAP_ANALYST_PLACES", "`<data dir>/analyst_places.csv`",
             "the per-user places file of earlier versions, imported once into the store"),
    Variable("EVENTMAP_AUTHOR", "your login name",
             "the name recorded with your corrections and pins when `--author` is not given"),
    Variable("EVENTMAP_AREA", "`SY12,SY14` (Dar'a and Quneitra)",
             "the governorates whose events are kept, as OCHA p-codes; `all` for the whole of Syria"),
    Variable("EVENTMAP_CHROMIUM", "`/usr/bin/chromium`",
             "the Chromium that renders PNG exports (and drives the browser tests)"),
    Variable("EVENTMAP_DEBUG", "off", "`1`: the CLI shows the traceback of an unexpected error instead of one line"),
    Variable("EVENTMAP_PROFILE", "off", "`1`: the dashboard prints how long each step of a script run takes, and the CPU "
             "its thread spent (stderr)"),
    Variable("EVENTMAP_WARM", "on", "`0`: `eventmap app` does not warm the first page's work while Streamlit starts"),
    Variable("EVENTMAP_PREFETCH", "on",
             "`0`: on a large store, `eventmap app` does not read the first page's events and control model in helper "
             "processes while it starts"),
    Variable("EVENTMAP_PAGE_CACHE", "on",
             "`0`: the first page of a large store (the helpers' reads, the map, the filters' choices) is neither kept "
             "in `<data dir>/cache/` nor taken from what an earlier start of the unchanged store kept"),
    Variable("EVENTMAP_BIN_ABOVE", "`150000`",
             "above this many events under the filters the dashboard reads counts, not rows: places binned per day "
             "on the map, the timeline from counts, the table one page"),
    Variable("EVENTMAP_TEST_PG", "unset: PostGIS tests skipped",
             "a PostgreSQL + PostGIS URL for the PostGIS tests and benchmarks", tests_only=True),
    Variable("EVENTMAP_TEST_DB", "`eventmap_test`", "the database `.ci/start-postgres.sh` creates", tests_only=True),
    Variable("EVENTMAP_TEST_PGPORT", "`5432`", "the port `.ci/start-postgres.sh` uses", tests_only=True),
    Variable("EVENTMAP_BENCH_STORES", "`/tmp/eventmap-bench-stores`",
             "where the benchmarks keep the large stores they build, between runs", tests_only=True),
)
_NAMES = frozenset(v.env for v in VARIABLES)


def env(name: str) -> str:
    """The value of the ``EVENTMAP_*`` variable ``name``, stripped ("" when unset): the one read of the
    environment. A name missing from ``VARIABLES`` is a bug (KeyError): add it there and to the README."""
    if name not in _NAMES:
        raise KeyError(f"{name} is not one of eventmap's settings (eventmap.settings.VARIABLES)")
    return (os.environ.get(name) or "").strip()


#: the governorates eventmap is built for: Dar'a and Quneitra (the Golan is Quneitra's)
DEFAULT_AREA = ("SY12", "SY14")


def parse_area(spec: str | None) -> tuple[str, ...] | None:
    """"SY12,SY14" -> ("SY12", "SY14"); "all"/"syria" -> None (no limit); "" or None -> the default."""
    if spec is None or not spec.strip():
        return DEFAULT_AREA
    if spec.strip().lower() in ("all", "syria", "*", "none"):
        return None
    codes = tuple(c.strip().upper() for c in spec.split(",") if c.strip())
    bad = [c for c in codes if not (c.startswith("SY") and c[2:].isdigit())]
    if bad:
        raise ValueError(f"area of interest {spec!r}: {', '.join(bad)} is not an OCHA p-code like SY12 "
                         "(Dar'a) or SY14 (Quneitra); use 'all' for the whole of Syria")
    return codes


def area_of_interest() -> tuple[str, ...] | None:
    """The governorates whose events are kept (``EVENTMAP_AREA``), None for all of Syria."""
    return parse_area(env("EVENTMAP_AREA"))


def gazetteer_dir() -> Path:
    given = env("EVENTMAP_GAZETTEER")
    if given:
        return Path(given)
    return resources.packaged("gazetteer") or PROJECT_ROOT / "gazetteer"


def data_dir() -> Path:
    given = env("EVENTMAP_DATA_DIR")
    return Path(given) if given else Path(platformdirs.user_data_dir("eventmap", appauthor=False))


def store_url() -> str | None:
    """The store named by ``EVENTMAP_DB``, None when it is not set (then the default store is used)."""
    return env("EVENTMAP_DB") or None


def default_db() -> str:
    return store_url() or str(data_dir() / "eventmap.gpkg")


def default_author() -> str:
    """Who the CLI records as the author of a correction or pin when ``--author`` is not given."""
    given = env("EVENTMAP_AUTHOR")
    if given:
        return given
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name (some containers): the CLI asks for --author
        return ""


def analyst_places_path() -> Path:
    return Path(env("EVENTMAP_ANALYST_PLACES") or (data_dir() / "analyst_places.csv"))


def sample_dir() -> Path:
    return resources.packaged("sample") or PROJECT_ROOT / "sample"


def store_location(db: str | None = None) -> str:
    """Where the store is, for a banner: the file or URL (password hidden) and what chose it.

    ``/home/me/.local/share/eventmap/eventmap.gpkg (default)``,
    ``/tmp/x/eventmap.gpkg (EVENTMAP_DATA_DIR)``, ``postgresql://me:***@db/eventmap (EVENTMAP_DB)``."""
    import re

    if db:
        url, why = str(db), "--db"
    elif store_url():
        url, why = env("EVENTMAP_DB"), "EVENTMAP_DB"
    else:
        url, why = default_db(), "EVENTMAP_DATA_DIR" if env("EVENTMAP_DATA_DIR") else "default"
    url = re.sub(r"//([^:@/]+):[^@/]*@", r"//\1:***@", url)
    return f"{url} ({why})"


def chromium() -> str:
    """The Chromium executable that renders PNG exports (``EVENTMAP_CHROMIUM``, default Debian's)."""
    return env("EVENTMAP_CHROMIUM") or "/usr/bin/chromium"


def debug() -> bool:
    """``EVENTMAP_DEBUG``: the CLI re-raises an unexpected error (its traceback) instead of one line."""
    return bool(env("EVENTMAP_DEBUG"))


def profile() -> bool:
    """``EVENTMAP_PROFILE``: the dashboard times the steps of each script run (stderr)."""
    return bool(env("EVENTMAP_PROFILE"))


def warm() -> bool:
    """``EVENTMAP_WARM`` (on unless ``0``): ``eventmap app`` warms the first page's work while Streamlit starts."""
    return env("EVENTMAP_WARM") != "0"


def prefetch() -> bool:
    """``EVENTMAP_PREFETCH`` (on unless ``0``, and only with the warm-up): ``eventmap app`` reads a large store's
    first page ahead while it starts (``eventmap.ui.prefetch``)."""
    return warm() and env("EVENTMAP_PREFETCH") != "0"


def page_cache() -> bool:
    """``EVENTMAP_PAGE_CACHE`` (on unless ``0``): a large store's first page (the prefetch helpers' reads, the map,
    the filters' choices) is kept on disk and used on the next start when the store and the code are unchanged
    (``eventmap.ui.page_cache``)."""
    return env("EVENTMAP_PAGE_CACHE") != "0"


def bin_above(default: int = 150_000) -> int:
    """``EVENTMAP_BIN_ABOVE``: more events than this under the dashboard's filters are shown from counts in the
    store (``eventmap.ui.overview``); ``default`` is ``views.bins.BIN_ABOVE``. Not a whole number: the default."""
    try:
        return max(0, int(env("EVENTMAP_BIN_ABOVE").replace("_", "").replace(",", "")))
    except ValueError:
        return default


def postgis_test_url() -> str | None:
    """``EVENTMAP_TEST_PG``: the PostgreSQL + PostGIS server of the PostGIS tests, None to skip them."""
    return env("EVENTMAP_TEST_PG") or None
