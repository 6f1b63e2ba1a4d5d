"""The records that flow through eventmap, in data-flow order.

``Place`` (a gazetteer entry) -> ``Candidate`` / ``LookupResult`` (a name resolved
against the gazetteer) -> ``Event`` (one located, dated, typed event with its
evidence).  All are plain frozen dataclasses so every stage can be tested on its
own, serialised to JSON, and stored without an ORM.
"""

from __future__ import annotations

from dataclasses import MISSING, asdict, dataclass, field, fields
from typing import Any, Literal, TypeVar

_T = TypeVar("_T")


def slot_init(cls: type[_T]) -> type[_T]:
    """Give a frozen slots dataclass an ``__init__`` that stores each field through its slot's descriptor.

    The ``__init__`` a frozen dataclass gets calls ``object.__setattr__`` once per field (a generic attribute
    look-up each time); this one has the same parameters, defaults and order and stores the same values in the
    same slots, so the objects are the same (equality, hash, ``repr``, pickling, ``dataclasses.replace``), made in
    about half the time: the extractor makes one ``Event`` and its ``Evidence`` per event, a ranked lookup one
    ``Candidate`` per namesake. Only for classes whose fields have plain defaults (no factories, no
    ``__post_init__``, no init-only or keyword-only fields): anything else keeps the dataclass's own."""
    fs = fields(cls)   # type: ignore[arg-type]
    if hasattr(cls, "__post_init__") or any(f.default_factory is not MISSING or not f.init or f.kw_only for f in fs):
        return cls
    params, body = [], []
    ns: dict[str, Any] = {"_new": object.__new__, "_cls": cls}
    for k, f in enumerate(fs):
        ns[f"_set{k}"] = cls.__dict__[f.name].__set__   # the slot's member descriptor
        if f.default is MISSING:
            params.append(f.name)
        else:
            ns[f"_dflt{k}"] = f.default
            params.append(f"{f.name}=_dflt{k}")
        body.append(f"    _set{k}(self, {f.name})")
    src = f"def __init__(self, {', '.join(params)}):\n" + "\n".join(body) + "\n"
    exec(src, ns)   # (as dataclasses itself makes __init__: one straight-line function per class)
    init = ns["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    init.__doc__ = cls.__init__.__doc__
    init.__annotations__ = {**{f.name: f.type for f in fs}, "return": None}
    cls.__init__ = init   # type: ignore[method-assign]
    return cls

#: Kinds of gazetteer place, from finest to coarsest.
PlaceKind = Literal[
    "neighbourhood", "village", "town", "city", "locality", "settlement",
    "subdistrict", "district", "governorate", "region", "country",
]

#: ACLED's event types and their sub-event types, spelled and ordered as ACLED's codebook has them: the one
#: table the extractor's labels, the correction form and the tests check against
ACLED_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": ("Air/drone strike", "Shelling/artillery/missile attack",
                                   "Remote explosive/landmine/IED", "Suicide bomb", "Grenade", "Chemical weapon"),
    "Violence against civilians": ("Attack", "Abduction/forced disappearance", "Sexual violence"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": ("Non-violent transfer of territory", "Agreement", "Arrests", "Change to group/activity",
                               "Disrupted weapons use", "Headquarters or base established",
                               "Looting/property destruction", "Other"),
}

ADMIN_KINDS = ("subdistrict", "district", "governorate", "region", "country")

Resolution = Literal["resolved", "ambiguous", "approximate", "unresolved"]
LookupStatus = Literal["resolved", "ambiguous", "unresolved"]


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer row. Coordinates always come from a source dataset."""

    id: str                      # stable: "wof:1276450189", "ocha:SY140200", "region:yarmouk-basin", "user:<slug>"
    name_ar: str
    name_en: str
    kind: str                    # see PlaceKind
    lat: float
    lon: float
    variants_ar: tuple[str, ...] = ()
    variants_en: tuple[str, ...] = ()
    admin1_en: str = ""
    admin1_ar: str = ""
    admin1_pcode: str = ""
    admin2_en: str = ""
    admin2_ar: str = ""
    admin2_pcode: str = ""
    admin3_en: str = ""
    admin3_ar: str = ""
    admin3_pcode: str = ""
    source: str = ""             # "wof", "ocha", "opensyria", "curated", "analyst"
    source_id: str = ""
    flags: tuple[str, ...] = ()  # "abandoned", "israeli_settlement", "admin_seat", "not_current", ...
    feature_code: str = ""       # GeoNames feature code where known (PPL, PPLA2, PPLQ, ...)
    population: int = 0
    note: str = ""               # curated reasoning (regions) or analyst note

    @property
    def is_admin(self) -> bool:
        return self.kind in ADMIN_KINDS

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        for k in ("variants_ar", "variants_en", "flags"):
            d[k] = list(d[k])
        return d


@slot_init
@dataclass(frozen=True, slots=True)
class Candidate:
    """A place that a name may refer to, with a score in [0, 1]."""

    place: Place
    score: float
    match: str = ""              # how it matched: "exact", "variant", "loose", "fuzzy", "analyst"
    matched_name: str = ""       # the gazetteer name that matched
    reasons: tuple[str, ...] = ()  # context evidence used in ranking ("admin1 in context: Dar'a", ...)

    def to_dict(self) -> dict[str, Any]:
        p = self.place
        return {
            "id": p.id, "name_ar": p.name_ar, "name_en": p.name_en,
            "lat": p.lat, "lon": p.lon,
            "admin1": p.admin1_en, "admin2": p.admin2_en, "admin3": p.admin3_en,
            "kind": p.kind, "score": round(self.score, 4), "match": self.match,
            "matched_name": self.matched_name, "reasons": list(self.reasons),
        }


@slot_init
@dataclass(frozen=True, slots=True)
class LookupResult:
    """The answer to "where is NAME?": resolved, ambiguous (close alternatives) or unresolved."""

    query: str
    status: LookupStatus
    reason: str
    candidates: tuple[Candidate, ...] = ()
    qualifier: str = ""          # generic word that qualified the name, e.g. "hill" for تل الجابية
    suggestions: tuple[Candidate, ...] = ()  # for unresolved: nearest names, never used as the answer

    @property
    def best(self) -> Candidate | None:
        return self.candidates[0] if self.candidates and self.status != "unresolved" else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query, "status": self.status, "reason": self.reason,
            "qualifier": self.qualifier,
            "candidates": [c.to_dict() for c in self.candidates],
            "suggestions": [c.to_dict() for c in self.suggestions],
        }


@slot_init
@dataclass(frozen=True, slots=True)
class Evidence:
    """Where in the report an event comes from (character offsets into the report text)."""

    trigger: str                 # the trigger phrase as written, e.g. "حرّر" or "shot down"
    trigger_start: int
    trigger_end: int
    mention_start: int           # offsets of the place mention ``Event.location``
    mention_end: int
    sentence_start: int = 0
    sentence_end: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


#: ACLED-compatible columns every event has, in export order.
EVENT_FIELDS = (
    "event_id", "event_date", "time_precision", "event_type", "sub_event_type",
    "actor1", "actor2", "location", "place_id", "place_name_ar", "place_name_en",
    "admin1", "admin2", "admin3", "latitude", "longitude", "geo_precision",
    "resolution", "source", "source_url", "published", "notes", "fatalities", "confidence", "evidence",
)


@slot_init
@dataclass(frozen=True, slots=True)
class Event:
    """One event: what happened, where, when, who, and the words that say so.

    Field names follow ACLED's codebook so analysts' tools read them.
    ``latitude``/``longitude`` are ``None`` for an unresolved place: never a made-up point.
    """

    event_id: str                # deterministic: hash of report id + clause + place mention + type
    event_date: str              # ISO date
    time_precision: int          # 1 day, 2 about a week, 3 month
    event_type: str              # ACLED event_type
    sub_event_type: str          # ACLED sub_event_type
    actor1: str
    actor2: str
    location: str                # the place name as written in the report
    place_id: str | None
    place_name_ar: str
    place_name_en: str
    admin1: str
    admin2: str
    admin3: str
    latitude: float | None
    longitude: float | None
    geo_precision: int           # 1 named place, 2 near it / approximate, 3 region or governorate
    resolution: Resolution
    source: str
    source_url: str
    published: str               # ISO date of the report
    notes: str                   # the source sentence, in its own language
    confidence: float
    evidence: Evidence
    #: ACLED's ``fatalities``: the number killed in this event as the report states it, or ``None`` when
    #: the report gives no exact figure for it ("dozens", "killed and wounded" together, one total over
    #: several places or days, or no death mentioned): an unknown toll is left empty, never guessed.
    fatalities: int | None = None
    # beyond ACLED: what an analyst needs to check and correct the event
    report_id: str = ""          # content hash of the report text
    language: str = ""           # "ar" | "en"
    trigger_label: str = ""      # internal event label, e.g. "territory_regained", "aircraft_downed"
    alternatives: tuple[dict[str, Any], ...] = ()  # other candidate places (Candidate.to_dict())
    resolution_note: str = ""    # why approximate / unresolved, suggestions, qualifier ("hill at")
    uncertainty_km: float = 0.0  # radius of the approximate location, 0 when exact
    admin1_pcode: str = ""
    admin2_pcode: str = ""
    admin3_pcode: str = ""
    extractor: str = ""          # extractor version id, so reprocessing is traceable

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["evidence"] = self.evidence.to_dict()
        d["alternatives"] = [dict(a) for a in self.alternatives]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        d = dict(d)
        ev = d.get("evidence") or {}
        d["evidence"] = ev if isinstance(ev, Evidence) else Evidence(**ev)
        d["alternatives"] = tuple(d.get("alternatives") or ())
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in d.items() if k in known})


@dataclass(frozen=True, slots=True)
class Report:
    """A news report as ingested."""

    text: str
    published: str               # ISO date
    title: str = ""
    source: str = ""             # outlet name
    url: str = ""
    language: str = ""
    report_id: str = field(default="")  # sha256 of the normalised text; filled by ``make_report``
    #: what reading repaired without refusing the report (e.g. invalid bytes replaced); not stored
    warnings: tuple[str, ...] = ()
