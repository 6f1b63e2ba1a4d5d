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


# -- the extractor against its plain computations ----------------------------------------------------------

from eventmap.events import extract as X  # noqa: E402
from eventmap.events.dating import ClauseSpan  # noqa: E402
from eventmap.events.fatalities import fatalities, norm_has_death  # noqa: E402

#: reports written for these tests: tolls and none, a denial, a plan, a city cue, lists, two languages
REPORTS = [
    ("قصفت قوات النظام بلدة اليادودة بقذائف الهاون صباح اليوم، ما أدى إلى مقتل ثلاثة مدنيين. "
     "وفي مدينة درعا اعتقلت دورية أمنية شابين عند حاجز الجمرك. ونفى مصدر محلي وقوع اشتباكات في بلدة المزيريب."),
    ("اندلعت اشتباكات عنيفة بين مسلحين محليين وعناصر الأمن العسكري في مدينة طفس والمزيريب وتل شهاب، "
     "وأسفرت الاشتباكات عن مقتل عنصرين. ومن المتوقع أن تدخل قوات إضافية إلى بلدة نوى غداً."),
    ("Government forces shelled the town of Inkhil on Tuesday, killing two civilians. "
     "Local sources denied that troops had entered Nawa and said the army withdrew from Jasim."),
    ("Unknown gunmen shot dead a man in Daraa city on Monday. Israeli forces entered the village of "
     "Jubata al-Khashab in Quneitra countryside and set up a checkpoint, while drones struck Busra al-Harir."),
    ("Protesters gathered in Sweida city demanding the release of detainees. "
     "The army is expected to launch an offensive on Tafas, and a settlement was agreed in Da'el."),
    ("أغارت طائرات حربية على بلدات الحارة وكفر شمس وعقربا في ريف درعا الشمالي. "
     "وقتل شاب برصاص قناص في حي طريق السد بمدينة درعا، بينما لم تسجل إصابات في بلدة الشيخ مسكين."),
]
PUB = "2024-03-12"


def _events(report: str) -> list[Event]:
    return X.extract_events(report, PUB, source="test", area=None)


def _plain_negated(self: Any, h: Any, cl: Any) -> bool:
    """``_Extractor._negated`` as it was written before its denial test became set operations."""
    prev = [w[1:] if w[:1] in "وف" and len(w) > 3 else w for w in X._words_before(self.norm, h.start, cl.lo, 8)]
    if not prev:
        return False
    if not X._NEG.isdisjoint(prev[-2:]):
        return True
    if h.label in ("agreement",) and prev and prev[-1] in ("رفضا", "رفض", "against", "reject", "rejected"):
        return True
    if not X._FUTURE.isdisjoint(prev) or X._FUTURE_TAIL_GATE.search(" ".join(prev)) or \
            not X._PREVENT.isdisjoint(prev[-5:]):
        return True
    if h.label == "settlement_entry" and prev and prev[-1] in ("فصايل", "عناصر", "مجموعات", "لجنه", "لجان", "مركز",
                                                            "مراكز", "رجال", "قوات", "مقاتلي", "ابنا"):
        return True
    if h.label == "troop_movement" and prev and prev[-1] in ("نقاط", "نقطه", "مناطق", "اماكن", "مواقع", "خطوط"):
        return True
    if h.label == "territory_taken" and prev and (
            prev[-1] in ("تحت", "خاضعه", "الخاضعه", "مناطق", "under", "held") or
            self.norm[h.start:h.start + 1] == "ل" and prev[-1] in ("خاضعه", "الخاضعه", "تخضع", "يخضع")):
        return True
    denial = [k for k, w in enumerate(prev) if w in ("نفي", "نفت", "ينفي", "تنفي", "denied", "denies", "deny")]
    return bool(denial) and not any(w in ("said", "added", "وقال", "واضاف", "واكد", "but") for w in prev[denial[-1]:])


def _plain_fatalities(self: Any, cl: Any, ts: int, te: int, m: Any) -> int | None:
    """``_Extractor._fatalities`` calling :func:`fatalities` for every event."""
    place = (m.orig_start, m.orig_end)
    if not cl.sent.start <= m.orig_start < cl.sent.end:
        place = (ts, te)
    return fatalities(self.text, (cl.sent.start, cl.sent.end), (ts, te), place, clause=(cl.span.start, cl.span.end),
                      in_list=m.list_id >= 0, report_has_death=norm_has_death(self.norm))


def _plain_date_for(self: Any, cl: Any, dates: Any, hit: Any) -> tuple[str, int]:
    """Date attribution with a ClauseSpan made for each question, no memo."""
    return self._dates.for_clause(ClauseSpan(cl.index, cl.lo, cl.hi, cl.sent_lo, cl.sent_hi, cl.paragraph), hit.start)


class _NewSha1:
    """``_SHA1.copy()`` as a new hash each time."""

    @staticmethod
    def copy() -> Any:
        import hashlib
        return hashlib.sha1()


def test_the_reports_exercise_the_fast_paths():
    evs = [e for r in REPORTS for e in _events(r)]
    assert len(evs) >= 12
    assert any(e.fatalities for e in evs) and any(e.fatalities is None for e in evs)
    assert {e.language for e in evs} == {"ar", "en"}


@pytest.mark.parametrize("report", REPORTS)
def test_fast_paths_give_the_plain_events(report, monkeypatch):
    fast = _events(report)
    monkeypatch.setattr(X._Extractor, "_negated", _plain_negated)
    monkeypatch.setattr(X._Extractor, "_fatalities", _plain_fatalities)
    monkeypatch.setattr(X._Extractor, "_date_for", _plain_date_for)
    monkeypatch.setattr(X._Extractor, "_query_name", X._Extractor._query_name_of)   # no per-mention memo
    monkeypatch.setattr(X, "_SHA1", _NewSha1)
    plain = _events(report)
    assert [e.to_dict() for e in fast] == [e.to_dict() for e in plain]
    assert fast == plain


@pytest.mark.parametrize("words", [
    ["نفي", "مصدر", "عسكري", "وقوع"], ["denied", "that", "troops", "had", "entered", "the", "town", "and", "said"],
    ["denied", "reports", "but", "denies", "any"], ["قال", "مصدر", "محلي", "ان"], ["the", "army", "shelled"],
    ["نفت", "الفصايل", "وقال", "نفي", "الخبر"],
])
def test_denial_as_sets_is_the_denial_as_lists(words):
    old = [k for k, w in enumerate(words) if w in ("نفي", "نفت", "ينفي", "تنفي", "denied", "denies", "deny")]
    old_says = bool(old) and not any(w in ("said", "added", "وقال", "واضاف", "واكد", "but") for w in words[old[-1]:])
    new_says = not X._DENY.isdisjoint(words) and X._DENIAL_ENDS.isdisjoint(
        words[max(k for k, w in enumerate(words) if w in X._DENY):])
    assert new_says == old_says


@pytest.mark.parametrize("text", ["", "   ", "\n\t \u2003", "123 456 !!", "..."])
def test_a_text_without_letters_has_no_events(text):
    assert X.extract_events(text, PUB, area=None) == []
