"""Realistic reports and events for the store's tests and benchmarks (no extractor needed).

The places are real gazetteer entries (Who's On First ids, coordinates and OCHA
admin units as in /work/shared/data/wof_sy and gazetteer/); the sentences are
written in the style of Syrian Arab and English wire reports.  ``toy_extract`` is
a deliberately tiny stand-in for ``eventmap.events.extract.extract_events`` with
the same signature, so ingest / reprocess can be tested before and independently
of the real extractor.
"""

from __future__ import annotations

import hashlib
import random
import re
import uuid
from dataclasses import replace
from collections.abc import Iterable, Iterator

from eventmap import settings
from eventmap.model import Event, Evidence, Report, Resolution
from eventmap.store.base import content_hash

#: real places: (place_id, name_ar, name_en, lat, lon, admin1, admin2, admin3, admin1_pcode, admin2_pcode, admin3_pcode)
PLACES = {
    "rafid": ("wof:1293106469", "الرفيد", "Ar Rafid", 32.9557, 35.9002, "Quneitra", "Quneitra", "Al-Khashniyyeh",
              "SY14", "SY1400", "SY140002"),
    "sayda": ("wof:1276450189", "صيدا", "Sayda", 32.87622, 35.87609, "Quneitra", "Al Fiq", "Fiq",
              "SY14", "SY1402", "SY140200"),
    "bakkar": ("wof:1242968489", "البكار", "Al Bakkar", 32.88117, 35.92916, "Dar'a", "Izra'", "Tassil",
               "SY12", "SY1203", "SY120305"),
    "nab_sakhr": ("wof:1309907731", "نبع الصخر", "Nab` as Sakhr", 33.08408, 35.95076, "Quneitra", "Quneitra",
                  "Khan Arnaba", "SY14", "SY1400", "SY140001"),
    "muallaqah": ("wof:1209617041", "المعلقة", "Al Mu`allaqah", 32.91597, 35.8925, "Quneitra", "Quneitra",
                  "Al-Khashniyyeh", "SY14", "SY1400", "SY140002"),
    "ghadir": ("wof:1344158795", "غدير البستان", "Ghadir al Bustan", 32.91846, 35.91606, "Quneitra", "Quneitra",
               "Al-Khashniyyeh", "SY14", "SY1400", "SY140002"),
}

#: names from the July 2018 reports that no dataset has (they must stay unresolved)
UNRESOLVED = ("المهير", "رسم الحسن", "أبو الخشان")

#: real villages the toy extractor does not know (so they come out unresolved), with their WOF coordinates:
#: what an analyst would pin with ``eventmap places pin``
NOT_IN_TOY = {"أم اللوقس": ("wof:1209526959", "Umm al Luqas", 32.90551, 35.88285)}

#: trigger -> (event_type, sub_event_type, trigger_label, actor1, actor2)
TRIGGERS = {
    "سيطرتها على": ("Strategic developments", "Non-violent transfer of territory", "territory_regained",
                    "Military Forces of Syria (2000-2024)", "Hayat Tahrir al Sham"),
    "غارات على": ("Explosions/Remote violence", "Air/drone strike", "air_strike",
                  "Military Forces of Russia (2000-)", ""),
    "اشتباكات في": ("Battles", "Armed clash", "armed_clash", "Military Forces of Syria (2000-2024)",
                    "Southern Front"),
    "regained control of": ("Strategic developments", "Non-violent transfer of territory", "territory_regained",
                            "Military Forces of Syria (2000-2024)", "Hayat Tahrir al Sham"),
    "air strikes on": ("Explosions/Remote violence", "Air/drone strike", "air_strike",
                       "Military Forces of Russia (2000-)", ""),
}


def make_report(text: str, published: str, source: str = "SANA", url: str = "", title: str = "") -> Report:
    lang = "ar" if re.search(r"[\u0600-\u06ff]", text) else "en"
    return Report(text=text, published=published, title=title, source=source, url=url, language=lang,
                  report_id=content_hash(text))


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    start = max(text.rfind(".", 0, pos), text.rfind("\n", 0, pos)) + 1
    ends = [i for i in (text.find(".", pos), text.find("\n", pos)) if i != -1]
    end = min(ends) + 1 if ends else len(text)
    return start, end


def make_event(text: str, published: str, location: str, trigger: str, place: str | None = None, *,
               source: str = "SANA", url: str = "", event_date: str | None = None, occurrence: int = 0,
               extractor: str = "toy-1", confidence: float = 0.8) -> Event:
    """An event whose evidence offsets point at ``location`` / ``trigger`` in ``text``."""
    starts = [m.start() for m in re.finditer(re.escape(location), text)]
    if not starts:
        raise ValueError(f"{location!r} not in text")
    ms = starts[occurrence]
    me = ms + len(location)
    sent_s, sent_e = _sentence_bounds(text, ms)
    ts = text.find(trigger, sent_s)
    if ts == -1:
        ts = text.find(trigger)
    te = ts + len(trigger)
    etype, sub, label, a1, a2 = TRIGGERS[trigger]
    rid = content_hash(text)
    eid = hashlib.sha1(f"{rid}|{ms}|{me}|{label}".encode()).hexdigest()[:20]
    res: Resolution
    if place:
        pid, ar, en, lat, lon, ad1, ad2, ad3, p1, p2, p3 = PLACES[place]
        res, prec, note = "resolved", 1, ""
    else:
        pid, ar, en, lat, lon, ad1, ad2, ad3, p1, p2, p3 = (None, "", "", None, None, "", "", "", "", "", "")
        res, prec, note = "unresolved", 3, f"{location}: not in the gazetteer"
    return Event(
        event_id=eid, event_date=event_date or published, time_precision=1, event_type=etype,
        sub_event_type=sub, actor1=a1, actor2=a2, location=location, place_id=pid, place_name_ar=ar,
        place_name_en=en, admin1=ad1, admin2=ad2, admin3=ad3, latitude=lat, longitude=lon, geo_precision=prec,
        resolution=res, source=source, source_url=url, published=published, notes=text[sent_s:sent_e].strip(),
        confidence=confidence,
        evidence=Evidence(trigger=trigger, trigger_start=ts, trigger_end=te, mention_start=ms, mention_end=me,
                          sentence_start=sent_s, sentence_end=sent_e),
        report_id=rid, language="ar" if re.search(r"[\u0600-\u06ff]", text) else "en", trigger_label=label,
        resolution_note=note, admin1_pcode=p1, admin2_pcode=p2, admin3_pcode=p3, extractor=extractor,
    )


# ------------------------------------------------------------------ fixtures used across the store tests
RAFID_AR = ("القنيطرة - سانا: أعلنت وحدات من الجيش العربي السوري سيطرتها على بلدة الرفيد في ريف القنيطرة "
            "الجنوبي بعد معارك مع الإرهابيين. وشن الطيران الحربي غارات على بلدة صيدا الجولان في منطقة فيق.")
RAFID_EN = ("Quneitra, July 26 (Reuters) - Syrian government forces regained control of Ar Rafid near the "
            "Golan frontier on Thursday. Russian jets carried out air strikes on Sayda, residents said.")


def rafid_report_ar(published: str = "2018-07-26", source: str = "SANA") -> tuple[Report, list[Event]]:
    """SANA-style Arabic report: Government regains Al Rafid; air strike on Sayda."""
    rep = make_report(RAFID_AR, published, source=source, url="https://sana.sy/?p=793112")
    evs = [make_event(RAFID_AR, published, "الرفيد", "سيطرتها على", "rafid", source=source, url=rep.url),
           make_event(RAFID_AR, published, "صيدا", "غارات على", "sayda", source=source, url=rep.url)]
    return rep, evs


def rafid_report_en(published: str = "2018-07-26", source: str = "Reuters",
                    event_date: str | None = None) -> tuple[Report, list[Event]]:
    """Reuters-style English report of the same two events (corroborates ``rafid_report_ar``)."""
    rep = make_report(RAFID_EN, published, source=source, url="https://www.reuters.com/article/syria-south")
    evs = [make_event(RAFID_EN, published, "Ar Rafid", "regained control of", "rafid", source=source, url=rep.url,
                      event_date=event_date),
           make_event(RAFID_EN, published, "Sayda", "air strikes on", "sayda", source=source, url=rep.url,
                      event_date=event_date)]
    return rep, evs


# ------------------------------------------------------------------ toy extractor (same signature as the real one)
_AR_NAMES = {PLACES[k][1]: k for k in PLACES}
_EN_NAMES = {PLACES[k][2]: k for k in PLACES}


def toy_extract(text: str, published: str, source: str = "", url: str = "", title: str = "",
                version: int = 1, **_: object) -> list[Event]:
    """Every sentence with a known trigger and a known (or known-unresolvable) name gives one event.

    ``version=2`` behaves like a newer extractor: it no longer reports events at
    names it cannot resolve, and it tags its output ``toy-2``.
    """
    out: list[Event] = []
    seen: set[tuple[int, str]] = set()
    names = list(_AR_NAMES) + list(_EN_NAMES) + list(UNRESOLVED) + list(NOT_IN_TOY)
    for trig in TRIGGERS:
        for m in re.finditer(re.escape(trig), text):
            s, e = _sentence_bounds(text, m.start())
            sent = text[s:e]
            for name in names:
                i = sent.find(name, m.end() - s)
                if i == -1:
                    continue
                place = _AR_NAMES.get(name) or _EN_NAMES.get(name)
                if version >= 2 and place is None:
                    continue
                occ = sum(1 for x in re.finditer(re.escape(name), text) if x.start() < s + i)
                if (s + i, trig) in seen:
                    continue
                seen.add((s + i, trig))
                out.append(make_event(text, published, name, trig, place, source=source, url=url,
                                      occurrence=occ, extractor=f"toy-{version}"))
                break
    return out


def toy_extract_v2(text: str, published: str, **kw: object) -> list[Event]:
    return toy_extract(text, published, version=2, **kw)  # type: ignore[arg-type]


_SENT_AR = [
    "أعلنت وحدات من الجيش العربي السوري سيطرتها على بلدة {ar} في ريف {gov}.",
    "وشن الطيران الحربي غارات على محيط {ar} صباح اليوم.",
    "ودارت اشتباكات في {ar} بين الجيش ومسلحي الجبهة الجنوبية.",
]
_GOV_AR = {"Quneitra": "القنيطرة", "Dar'a": "درعا"}


def synthetic_report(i: int, day: str, rng: random.Random, sources=("SANA", "Enab Baladi", "Al-Watan")) \
        -> tuple[Report, list[Event]]:
    """A distinct Arabic report (numbered ``i``) with 1-3 events at real places, via ``toy_extract``."""
    keys = rng.sample(sorted(PLACES), k=rng.randint(1, 3))
    parts = [f"تقرير رقم {i} ({day}):"]
    for k in keys:
        tmpl = rng.choice(_SENT_AR)
        parts.append(tmpl.format(ar=PLACES[k][1], gov=_GOV_AR[PLACES[k][5]]))
    if rng.random() < 0.2:
        parts.append(f"وشن الطيران الحربي غارات على {rng.choice(UNRESOLVED)}.")
    text = " ".join(parts)
    src = sources[i % len(sources)]
    rep = make_report(text, day, source=src, url=f"https://example.org/{i}")
    return rep, toy_extract(text, day, source=src, url=rep.url)


def synthetic_batch(n: int, seed: int = 7, start: str = "2018-06-01", days: int = 60) \
        -> Iterator[tuple[Report, list[Event]]]:
    import datetime as dt
    rng = random.Random(seed)
    d0 = dt.date.fromisoformat(start)
    for i in range(n):
        day = (d0 + dt.timedelta(days=rng.randrange(days))).isoformat()
        yield synthetic_report(i, day, rng)


#: a paragraph of a long wire report (written for these tests)
_LONG_PARAGRAPH = ("وأفادت مصادر محلية بأن الطرق المؤدية إلى البلدة بقيت مغلقة حتى ساعات المساء، فيما عادت عشرات "
                   "العائلات إلى منازلها بعد توقف القصف، وسط انقطاع الكهرباء والمياه عن الأحياء الشرقية.")


def with_long_texts(items: Iterable[tuple[Report, list[Event]]], paragraphs: int = 30
                    ) -> list[tuple[Report, list[Event]]]:
    """``items`` with each report's text followed by ``paragraphs`` paragraphs (a long article: several KB,
    which PostgreSQL compresses), the same report ids."""
    return [(replace(rep, text="\n".join([rep.text] + [_LONG_PARAGRAPH] * paragraphs)), evs) for rep, evs in items]


def fast_events(n_reports: int, per_report: int = 5, seed: int = 1, start: str = "2012-01-01",
                days: int = 365 * 8) -> Iterator[tuple[Report, list[Event]]]:
    """Many cheap but well-formed reports/events (for benchmarks at 10k-1M events)."""
    import datetime as dt
    rng = random.Random(seed)
    d0 = dt.date.fromisoformat(start)
    keys = sorted(PLACES)
    for i in range(n_reports):
        day = (d0 + dt.timedelta(days=rng.randrange(days))).isoformat()
        text = f"report {i} {uuid.UUID(int=rng.getrandbits(128))}"
        rep = Report(text=text, published=day, source=("SANA", "Enab Baladi", "Al-Watan")[i % 3], language="ar",
                     report_id=content_hash(text))
        evs = []
        for j in range(per_report):
            k = keys[rng.randrange(len(keys))]
            pid, ar, en, lat, lon, a1, a2, a3, p1, p2, p3 = PLACES[k]
            trig = ("سيطرتها على", "غارات على", "اشتباكات في")[rng.randrange(3)]
            et, sub, label, x1, x2 = TRIGGERS[trig]
            jitter = rng.random() * 0.05
            evs.append(Event(
                event_id=f"{rep.report_id[:16]}-{j}", event_date=day, time_precision=1, event_type=et,
                sub_event_type=sub, actor1=x1, actor2=x2, location=ar, place_id=None if j % 2 else pid,
                place_name_ar=ar, place_name_en=en, admin1=a1, admin2=a2, admin3=a3, latitude=lat + jitter,
                longitude=lon + jitter, geo_precision=1, resolution="resolved", source=rep.source,
                source_url="", published=day, notes=f"{trig} {ar}", confidence=0.7,
                evidence=Evidence(trig, 0, len(trig), 0, len(ar)), report_id=rep.report_id, language="ar",
                trigger_label=label, extractor="bench"))
        yield rep, evs


def pg_url() -> str | None:
    return settings.postgis_test_url()


def pg_schema_url(base: str, schema: str) -> str:
    """``base`` with ``search_path`` set to a private schema (PostGIS types stay in public)."""
    from urllib.parse import quote
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options={quote(f'-csearch_path={schema},public')}"


__all__ = ["PLACES", "UNRESOLVED", "make_report", "make_event", "rafid_report_ar", "rafid_report_en",
           "toy_extract", "toy_extract_v2", "synthetic_batch", "fast_events", "pg_url", "pg_schema_url", "replace"]


SKIP_PG = ("EVENTMAP_TEST_PG is not set, so the PostGIS store is not tested here: "
           "run `export EVENTMAP_TEST_PG=$(sudo .ci/start-postgres.sh)` (Debian postgresql + postgis) and re-run")


class backend_url:
    """Context manager: a fresh store URL for ``kind`` ("sqlite" | "postgis"), removed afterwards.

    PostGIS stores get a private schema on the ``EVENTMAP_TEST_PG`` server (``search_path``),
    so tests running at the same time never see each other's rows.
    """

    def __init__(self, kind: str, tmp_path) -> None:
        self.kind, self.tmp_path = kind, tmp_path
        self.schema: str | None = None

    def __enter__(self) -> str:
        if self.kind == "sqlite":
            return str(self.tmp_path / "events.gpkg")
        base = pg_url()
        if not base:
            import pytest
            pytest.skip(SKIP_PG)
        import psycopg
        self.schema = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(base, autocommit=True) as c:
            c.execute(f"CREATE SCHEMA {self.schema}")
        return pg_schema_url(base, self.schema)

    def __exit__(self, *exc) -> None:
        base = pg_url()
        if self.schema and base:
            import psycopg
            with psycopg.connect(base, autocommit=True) as c:
                c.execute(f"DROP SCHEMA IF EXISTS {self.schema} CASCADE")
