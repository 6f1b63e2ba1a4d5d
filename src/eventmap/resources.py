"""The files the product reads at run time: the gazetteer, the sample report, the dashboard's ``app.py``.

They are committed at the top of the repository (``gazetteer/``, ``sample/``, ``app.py``, ``.streamlit/``).
A wheel carries copies of them inside the package, in ``eventmap/_data/`` (``setup.py`` copies them at build
time), found here through :mod:`importlib.resources`; a checkout or an editable install reads them where they
are committed. Environment overrides (``EVENTMAP_GAZETTEER``) are applied by :mod:`eventmap.settings`.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

#: the repository root when running from a checkout or an editable install
CHECKOUT_ROOT = Path(__file__).resolve().parents[2]


def packaged(name: str) -> Path | None:
    """``eventmap/_data/NAME`` inside an installed wheel, or None (a checkout has no copy).

    Only a package on the file system has one: ``streamlit run`` and the gazetteer need real paths."""
    entry = resources.files("eventmap").joinpath("_data", name)
    if isinstance(entry, Path) and entry.exists():
        return entry
    return None


def data_path(name: str) -> Path:
    """Where the product's file or folder ``name`` (``gazetteer``, ``sample``, ``app.py``) is: the wheel's copy,
    else the checkout's. Raises FileNotFoundError, naming both places, when neither has it."""
    found = packaged(name)
    if found is not None:
        return found
    committed = CHECKOUT_ROOT / name
    if committed.exists():
        return committed
    raise FileNotFoundError(f"{name} is neither in the installed package (eventmap/_data/{name}) nor in a "
                            f"checkout ({committed}): reinstall eventmap (pip install .) or run from a checkout")
