"""The analyst's input on the Unresolved names page and the correction form, without Streamlit: a pin
of a name, the spellings and the coordinates as typed."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from eventmap.store.analyst import PinResult
    from eventmap.store.base import EventStore


def pin_name(store: EventStore, name: str, lat: float, lon: float, author: str, reason: str = "",
             variants: Sequence[str] = (), everywhere: bool = False) -> PinResult:
    """Pin a name in the store: every stored event naming it (in that area) is re-resolved at once, and the
    extractor finds it in future reports (``store.extractor()``). Raises ``ValueError`` for bad input."""
    return store.pin((name or "").strip(), float(lat), float(lon), author=(author or "").strip(), reason=reason,
                     variants=[v for v in variants if v and v.strip()], everywhere=everywhere)


def split_spellings(text: str) -> list[str]:
    """"al-Muhayr; Al Muhayyir، المهيّر" -> the spellings (separated by ; , ، | or new lines)."""
    return [p.strip() for p in re.split(r"[;,،|\n]+", text or "") if p.strip()]


def parse_coords(text: str) -> tuple[float, float]:
    """``"32.95, 35.90"`` (lat, lon) -> floats; raises ``ValueError`` with a readable message."""
    s = (text or "").replace("،", ",").replace(";", ",").strip()
    parts = [p for p in s.replace(",", " ").split() if p]
    if len(parts) != 2:
        raise ValueError("type coordinates as: latitude, longitude (e.g. 32.9557, 35.9002)")
    lat, lon = float(parts[0]), float(parts[1])
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"coordinates out of range: {lat}, {lon}")
    return lat, lon

