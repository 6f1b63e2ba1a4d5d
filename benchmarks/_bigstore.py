"""A large store of well-formed events at real gazetteer places (for the dashboard benchmark).

Every coordinate is a gazetteer place's own coordinate (no jitter, nothing invented); the
sentences follow the style of the sample report.  ``make_big_store(path, n_events)``.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import tempfile
import time
import uuid
from pathlib import Path

from eventmap.model import Event, Evidence, Report
from eventmap.store import open_store
from eventmap.store.base import content_hash
from eventmap.store.testing import TRIGGERS

SOUTH = ("Dar'a", "Quneitra", "As-Sweida", "Rural Damascus", "Damascus")
SENT = {
    "سيطرتها على": "أعلنت وحدات من الجيش العربي السوري سيطرتها على بلدة {ar} في ريف {gov}.",
    "غارات على": "وشن الطيران الحربي غارات على محيط {ar} صباح اليوم.",
    "اشتباكات في": "ودارت اشتباكات في {ar} بين الجيش ومسلحي الجبهة الجنوبية.",
}


def south_places():
    from eventmap.places.gazetteer import default_gazetteer

    return [p for p in default_gazetteer().places if not p.is_admin and p.admin1_en in SOUTH]


def big_batches(n_events: int, per_report: int = 5, seed: int = 3, start: str = "2018-01-01",
                days: int = 365, batch: int = 2000):
    rng = random.Random(seed)
    places = south_places()
    d0 = dt.date.fromisoformat(start)
    trigs = list(SENT)
    n_reports = (n_events + per_report - 1) // per_report
    out = []
    made = 0
    for i in range(n_reports):
        day = (d0 + dt.timedelta(days=rng.randrange(days))).isoformat()
        text = f"تقرير {i} {uuid.UUID(int=rng.getrandbits(128))}"
        src = ("SANA", "Enab Baladi", "Al-Watan", "Horan Free League")[i % 4]
        rep = Report(text=text, published=day, source=src, language="ar", report_id=content_hash(text))
        evs = []
        for j in range(min(per_report, n_events - made)):
            p = places[rng.randrange(len(places))]
            trig = trigs[rng.randrange(3)]
            et, sub, label, a1, a2 = TRIGGERS[trig]
            sent = SENT[trig].format(ar=p.name_ar, gov=p.admin1_ar or p.admin1_en)
            ms = sent.find(p.name_ar)
            evs.append(Event(
                event_id=f"{rep.report_id}-{j}", event_date=day, time_precision=1, event_type=et, sub_event_type=sub,
                actor1=a1, actor2=a2, location=p.name_ar, place_id=p.id, place_name_ar=p.name_ar,
                place_name_en=p.name_en, admin1=p.admin1_en, admin2=p.admin2_en, admin3=p.admin3_en,
                latitude=p.lat, longitude=p.lon, geo_precision=1, resolution="resolved", source=src,
                source_url=f"https://example.org/{i}", published=day, notes=sent, confidence=0.7,
                evidence=Evidence(trig, sent.find(trig), sent.find(trig) + len(trig), ms, ms + len(p.name_ar), 0,
                                  len(sent)),
                report_id=rep.report_id, language="ar", trigger_label=label, extractor="bench",
                admin1_pcode=p.admin1_pcode, admin2_pcode=p.admin2_pcode, admin3_pcode=p.admin3_pcode))
        made += len(evs)
        out.append((rep, evs))
        if len(out) >= batch:
            yield out
            out = []
    if out:
        yield out


def store_cache() -> Path:
    """Where built stores are kept between runs: ``EVENTMAP_BENCH_STORES`` or ``/tmp/eventmap-bench-stores``
    (a 1,000,000-event store is 1.5 GB: not in the checkout), one folder per store schema version, so that
    two checkouts of different versions on one machine never open each other's stores."""
    from eventmap.store.migrations import CURRENT_VERSION

    base = Path(os.environ.get("EVENTMAP_BENCH_STORES") or Path(tempfile.gettempdir()) / "eventmap-bench-stores")
    d = base / f"schema-{CURRENT_VERSION}"
    d.mkdir(parents=True, exist_ok=True)
    return d


def make_big_store(path: str | Path, n_events: int = 100_000, seed: int = 3) -> str:
    """The store at ``path``, built once (``ingest_many``: one bulk write per 2,000 reports, in one bulk load:
    the events' indexes built at the end, as ``eventmap ingest`` of so many reports does)."""
    path = Path(path)
    if path.exists():
        return str(path)
    tmp = path.with_suffix(".tmp.gpkg")
    tmp.unlink(missing_ok=True)
    with open_store(str(tmp)) as store, store.bulk_load(-(-n_events // 5)):  # 5 events a report
        for items in big_batches(n_events, seed=seed):
            store.ingest_many(items)
    tmp.rename(path)
    return str(path)


if __name__ == "__main__":
    import sys

    t = time.time()
    print(make_big_store(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 100_000), time.time() - t)
