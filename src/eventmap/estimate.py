"""What an approximate location is: words for it, and the known places it was estimated from.

The extractor places a name it cannot find at the centre of the resolved places listed
with it (or at a region named in the same clause) and says so in the event's
``resolution_note``. The store's queue of names to fix, the map's popups, the table and
the exports all describe such an event the same way, with these helpers.
"""

from __future__ import annotations

import re

#: the words every view uses for an event whose own place is not located
NOT_LOCATED = "approximate: not located"

_CENTRE_RE = re.compile(r"placed at the centre of the (\d+) resolved places listed with it \((.*?)\)(?:, uncertainty|;|$)")
_REGION_RE = re.compile(r"placed at the region named in the same clause \((.*?)\)")


def estimate_sources(note: str) -> list[str]:
    """The known places an approximate location was estimated from, as the note names them
    (at most eight are named for a list centre; one for a region)."""
    note = note or ""
    m = _CENTRE_RE.search(note)
    if m:
        return [n.strip() for n in m.group(2).split(", ") if n.strip()]
    m = _REGION_RE.search(note)
    return [m.group(1).strip()] if m and m.group(1).strip() else []


def estimate_kind(note: str) -> str:
    """"centre" (of the places listed with it), "region" (named in the clause) or ""."""
    if _CENTRE_RE.search(note or ""):
        return "centre"
    if _REGION_RE.search(note or ""):
        return "region"
    return ""


def describe(note: str, uncertainty_km: float | None = None, limit: int = 4) -> str:
    """One line for an approximate event: "approximate: not located; estimated from the centre of
    الرفيد, غدير البستان and 4 more (±5.3 km)". Plain text: escape it where it meets HTML."""
    src = estimate_sources(note)
    kind = estimate_kind(note)
    unc = f" (±{float(uncertainty_km):.1f} km)" if uncertainty_km and float(uncertainty_km) > 0 else ""
    if not src:
        return NOT_LOCATED + unc
    shown = ", ".join(src[:limit]) + (f" and {len(src) - limit} more" if len(src) > limit else "")
    if kind == "region":
        return f"{NOT_LOCATED}; placed at the region named with it: {shown}"
    return f"{NOT_LOCATED}; estimated from the centre of {shown}{unc}"
