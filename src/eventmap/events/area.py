"""The area of interest: which events of a report eventmap maps.

eventmap is built for Dar'a and Quneitra (the Golan is Quneitra's).  Reports about the south also
mention strikes on Homs, arrests in Damascus or a funeral in Idlib; those are real events, but not on
this map.  An event is kept when its place lies in a governorate of the area (``EVENTMAP_AREA``,
default ``SY12,SY14``; ``all`` keeps the whole of Syria), when it is a region that reaches into the
area (the Yarmouk valley, "southern Syria"), or when its place is unknown (an unresolved name is
shown to the analyst, never hidden).  Events left out are counted, not silently dropped: the
``extract`` command says how many and where.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path

from eventmap.model import Event
from eventmap.text import normalize_ar


#: a place this close to the area's edge belongs to it: border villages that reports group with the
#: Dar'a countryside sit just inside As-Sweida or Rural Damascus by OCHA's polygons
EDGE_KM = 8.0


class AreaShape:
    """The area's governorates as one polygon grown by :data:`EDGE_KM` (point-in-polygon with shapely)."""

    def __init__(self, boundaries_adm1: Path, area: Sequence[str], edge_km: float = EDGE_KM) -> None:
        from shapely import prepared
        from shapely.geometry import shape
        from shapely.ops import unary_union

        with open(boundaries_adm1, encoding="utf-8") as fh:
            fc = json.load(fh)
        parts = [shape(f["geometry"]) for f in fc["features"] if f["properties"].get("pcode") in area]
        # degrees of latitude; a degree of longitude is ~0.84 of that at 33N: the smaller buffer errs inside
        self.shape = prepared.prep(unary_union(parts).buffer(edge_km / 111.0)) if parts else None

    def contains(self, lat: float, lon: float) -> bool:
        from shapely.geometry import Point

        return self.shape is not None and self.shape.contains(Point(lon, lat))


@lru_cache(maxsize=8)
def area_shape(boundaries_adm1: str, area: tuple[str, ...]) -> AreaShape:
    return AreaShape(Path(boundaries_adm1), area)


def in_area(event: Event, area: Sequence[str] | None,
            region_members: Mapping[str, Sequence[str]] | None = None, shape: AreaShape | None = None) -> bool:
    """True when ``event`` belongs on a map of ``area`` (None: every event)."""
    if area is None:
        return True
    code = event.admin1_pcode or ""
    if code in area:
        return True
    if shape is not None and event.latitude is not None and event.longitude is not None and \
            not (event.place_id or "").startswith(("region:", "ocha:")):
        if shape.contains(event.latitude, event.longitude) and not named_in_own_governorate(event):
            return True
    if code:
        return False
    pid = event.place_id or ""
    if pid.startswith("region:") and region_members is not None:
        members = region_members.get(pid, ())
        return any(m[:4] in area for m in members) if members else True
    if pid.startswith("ocha:"):
        return pid[5:9] in area
    return True   # no governorate known: unresolved, or a place we cannot judge


#: how reports name a neighbouring governorate right after a village of it ("بلدة بيت جن بريف دمشق الغربي",
#: "Beit Jinn in rural Damascus"): its OCHA p-code -> the words (a lexicon of this project's own)
_NAMED_AFTER = {   # (normalised by ``normalize_ar``: ة is ه, no hamza, no comma)
    "SY03": r"(?:ال)?ريف\s+دمشق|محافظه\s+ريف\s+دمشق|rural\s+damascus|damascus(?:'s)?\s+(?:countryside|suburbs|province)|"
            r"(?:the\s+)?countryside\s+of\s+damascus|rif\s+dimashq|reef\s+damascus",
    "SY13": r"(?:ال)?ريف\s+(?:ال)?سويدا|(?:محافظه\s+)?(?:ال)?سويدا|(?:as-?\s?)?(?:sweida|suwayda|suweida)(?:'s)?"
            r"(?:\s+(?:province|governorate|countryside))?",
    "SY01": r"(?:مدينه\s+)?دمشق(?!\s+(?:ال)?(?:غربي|شرقي|جنوبي|شمالي))|damascus\s+city",
}
_NAMED_AFTER_RE = {code: re.compile(r"\s*(?:(?:في|ب|من)\s*|(?:in|of)\s+(?:the\s+)?)(?:" + words + r")\b",
                                    re.IGNORECASE) for code, words in _NAMED_AFTER.items()}


def named_in_own_governorate(event: Event) -> bool:
    """The report names the place's own governorate right after it ("... في بلدة كناكر بريف دمشق", "Beit Jinn in
    rural Damascus"): a village of that governorate as the report means it, not one of the border villages that
    reports count as Dar'a's or Quneitra's countryside."""
    pattern = _NAMED_AFTER_RE.get(event.admin1_pcode or "")
    ev = event.evidence
    if pattern is None or ev is None or not (ev.sentence_start <= ev.mention_end <= ev.sentence_end):
        return False
    after = event.notes[ev.mention_end - ev.sentence_start:][:48]
    return pattern.match(normalize_ar(after)) is not None


def split_by_area(events: Sequence[Event], area: Sequence[str] | None,
                  region_members: Mapping[str, Sequence[str]] | None = None,
                  boundaries_adm1: Path | None = None) -> tuple[list[Event], list[Event]]:
    """(events in the area, events outside it)."""
    inside: list[Event] = []
    outside: list[Event] = []
    shape = None
    if area is not None and boundaries_adm1 is not None and \
            any(e.admin1_pcode and e.admin1_pcode not in area for e in events) and Path(boundaries_adm1).exists():
        shape = area_shape(str(boundaries_adm1), tuple(area))
    for e in events:
        (inside if in_area(e, area, region_members, shape) else outside).append(e)
    return inside, outside
