"""Where things live, as data: each setting has a name, a default and a help text.

Environment variables override the defaults (``EVENTMAP_DB``, ``EVENTMAP_GAZETTEER``,
``EVENTMAP_DATA_DIR``), so the app, the CLI and the tests agree on one place per concept.
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
class Setting:
    name: str
    env: str
    help: str


SETTINGS = (
    Setting("gazetteer_dir", "EVENTMAP_GAZETTEER", "folder with the committed gazetteer files (places.tsv, boundaries/)"),
    Setting("data_dir", "EVENTMAP_DATA_DIR", "per-user folder for the embedded store and the analyst places overlay"),
    Setting("db", "EVENTMAP_DB", "store URL or path: a .gpkg/.sqlite file (default) or postgresql://user@host/db"),
    Setting("author", "EVENTMAP_AUTHOR", "the name recorded with your corrections and pins (default: your login)"),
    Setting("area", "EVENTMAP_AREA", "area of interest: OCHA governorate p-codes whose events are mapped "
                                     "(default SY12,SY14: Dar'a and Quneitra; 'all' for the whole of Syria)"),
)

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
    return parse_area(os.environ.get("EVENTMAP_AREA"))


def gazetteer_dir() -> Path:
    env = os.environ.get("EVENTMAP_GAZETTEER")
    if env:
        return Path(env)
    return resources.packaged("gazetteer") or PROJECT_ROOT / "gazetteer"


def data_dir() -> Path:
    env = os.environ.get("EVENTMAP_DATA_DIR")
    p = Path(env) if env else Path(platformdirs.user_data_dir("eventmap", appauthor=False))
    return p


def default_db() -> str:
    return os.environ.get("EVENTMAP_DB") or str(data_dir() / "eventmap.gpkg")


def default_author() -> str:
    """Who the CLI records as the author of a correction or pin when ``--author`` is not given."""
    env = (os.environ.get("EVENTMAP_AUTHOR") or "").strip()
    if env:
        return env
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name (some containers): the CLI asks for --author
        return ""


def analyst_places_path() -> Path:
    return Path(os.environ.get("EVENTMAP_ANALYST_PLACES") or (data_dir() / "analyst_places.csv"))


def sample_dir() -> Path:
    return resources.packaged("sample") or PROJECT_ROOT / "sample"


def store_location(db: str | None = None) -> str:
    """Where the store is, for a banner: the file or URL (password hidden) and what chose it.

    ``/home/me/.local/share/eventmap/eventmap.gpkg (default)``,
    ``/tmp/x/eventmap.gpkg (EVENTMAP_DATA_DIR)``, ``postgresql://me:***@db/eventmap (EVENTMAP_DB)``."""
    import re

    if db:
        url, why = str(db), "--db"
    elif os.environ.get("EVENTMAP_DB"):
        url, why = os.environ["EVENTMAP_DB"], "EVENTMAP_DB"
    else:
        url, why = default_db(), "EVENTMAP_DATA_DIR" if os.environ.get("EVENTMAP_DATA_DIR") else "default"
    url = re.sub(r"//([^:@/]+):[^@/]*@", r"//\1:***@", url)
    return f"{url} ({why})"
