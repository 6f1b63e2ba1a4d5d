"""The extractor's fast paths give what the plain computation gives (sentences written for these tests)."""

from __future__ import annotations

import dataclasses
import inspect
import pickle
from typing import Any

import pytest

from eventmap.model import Candidate, Event, Evidence, LookupResult, Place


def _plain(cls: type, *args: Any, **kw: Any) -> Any:
    """What a frozen dataclass's own ``__init__`` does: bind the arguments, fill the defaults, and store each
    field with ``object.__setattr__``."""
    fs = dataclasses.fields(cls)
    params = [inspect.Parameter(f.name, inspect.Parameter.POSITIONAL_OR_KEYWORD,
                                default=inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default)
              for f in fs]
    bound = inspect.Signature(params).bind(*args, **kw)
    bound.apply_defaults()
    obj = object.__new__(cls)
    for f in fs:
        object.__setattr__(obj, f.name, bound.arguments[f.name])
    return obj


_PLACE = Place("wof:1", "نوى", "Nawa", "city", 32.88, 36.04, admin1_en="Dar'a", admin1_pcode="SY12")


def _event_kw() -> dict[str, Any]:
    ev = Evidence("قصف", 10, 13, 20, 23, 0, 60)
    vals: dict[str, Any] = {}
    for k, f in enumerate(dataclasses.fields(Event)):
        if f.name == "evidence":
            vals[f.name] = ev
        elif f.name in ("latitude", "longitude", "confidence", "uncertainty_km"):
            vals[f.name] = 0.5 + k
        elif f.name in ("time_precision", "geo_precision", "fatalities"):
            vals[f.name] = k
        elif f.name == "alternatives":
            vals[f.name] = (("id", "wof:2"),)   # (hashable here: the test hashes the event)
        else:
            vals[f.name] = f"value {k}"   # every field its own value: a field stored in another's slot shows
    return vals


@pytest.mark.parametrize("cls,args,kw", [
    (Event, (), _event_kw()),
    (Evidence, ("shelled", 1, 8, 12, 17), {"sentence_end": 40}),
    (Evidence, ("قصف", 3, 6, 7, 11, 0, 30), {}),
    (Candidate, (_PLACE, 0.9), {"match": "exact", "matched_name": "نوى", "reasons": ("near anchors",)}),
    (LookupResult, ("نوى", "resolved", "exact match"), {"candidates": (Candidate(_PLACE, 0.9),)}),
    (LookupResult, ("Nowhereville", "unresolved", "not in the gazetteer"), {}),
])
def test_slot_init_makes_the_object_the_dataclass_init_makes(cls, args, kw):
    fast = cls(*args, **kw)
    plain = _plain(cls, *args, **kw)
    for f in dataclasses.fields(cls):
        assert getattr(fast, f.name) is getattr(plain, f.name), f.name
    assert fast == plain and hash(fast) == hash(plain) and repr(fast) == repr(plain)
    assert pickle.loads(pickle.dumps(fast)) == plain
    assert dataclasses.replace(fast) == plain
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.__setattr__(dataclasses.fields(cls)[0].name, "x")


def test_slot_init_keeps_the_signature_and_its_errors():
    params = inspect.signature(Event).parameters
    assert list(params) == [f.name for f in dataclasses.fields(Event)]
    assert params["fatalities"].default is None and params["extractor"].default == ""
    assert params["event_id"].default is inspect.Parameter.empty
    with pytest.raises(TypeError):
        Evidence("x", 1, 2, 3)          # a required field missing
    with pytest.raises(TypeError):
        Evidence("x", 1, 2, 3, 4, nonsense=1)
    e = Event(**{**_event_kw(), "alternatives": ({"id": "wof:2"},)})
    assert Event.from_dict(e.to_dict()) == e
