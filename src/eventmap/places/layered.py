"""The gazetteer lookups use: the committed places plus the analyst places handed in.

The store passes its analyst places (``EventStore.extractor``); the gazetteer is built once per distinct set
of places, so the places layer never imports the store. The overlay's file format lives in
``eventmap.places.overlay``.
"""

from __future__ import annotations

from collections.abc import Iterable

from eventmap.model import Place
from eventmap.places.gazetteer import Gazetteer, committed_gazetteer

_WITH: dict[tuple, Gazetteer] = {}
_GENERATION = [0]
#: how many overlay gazetteers stay built (each is a full index; pins change rarely)
_KEEP = 2


def _fingerprint(places: Iterable[Place]) -> tuple:
    return tuple((p.id, p.lat, p.lon, p.name_ar, p.name_en, p.variants_ar, p.variants_en, p.admin1_en,
                  p.admin2_en, p.admin3_en) for p in places)


def gazetteer_with(places: Iterable[Place]) -> Gazetteer:
    """The committed gazetteer plus ``places`` (analyst places, preferred in lookups).

    Built once per distinct set of places and kept (the last ``_KEEP`` sets), so every
    report of an ingest run or a reprocess uses the same object and its lookup caches."""
    places = tuple(places)
    base = committed_gazetteer()
    if not places:
        return base
    key = (base.directory, _fingerprint(places))   # EVENTMAP_GAZETTEER may name another folder
    g = _WITH.get(key)
    if g is None:
        g = base.plus(places)
        while len(_WITH) >= _KEEP:
            _WITH.pop(next(iter(_WITH)))
        _WITH[key] = g
        _GENERATION[0] += 1
    return g


def overlay_generation() -> int:
    """Bumped each time ``gazetteer_with`` builds a new gazetteer: callers that cache lookups by the
    gazetteer's ``id()`` clear them when it changes (a freed gazetteer's id can be reused)."""
    return _GENERATION[0]
