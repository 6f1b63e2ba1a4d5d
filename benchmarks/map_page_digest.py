"""A digest of the map page for fixed views, to show that a change to the map's code leaves the page byte-identical.

    PYTHONPATH=/path/to/checkout/src python benchmarks/map_page_digest.py [--events 100000] [--only NAME...]

Renders ``build_map(live_map.defuse_templates(frame), control=model).get_root().render()`` (what the dashboard's
first page sends) with folium's random element ids replaced by a counter, and prints ``sha256 bytes name`` per
view: the benchmark store's default view and four filters (a date window, two governorates, an event type, a
combination), the sample report's store, an empty frame, and generated rows with hostile strings (HTML,
``<script>``, quotes, template syntax, Arabic, bidi controls, newlines, NUL and C1 controls, None, NaN) as
arrow, object and ``string`` columns and through a store. Run it under two checkouts and ``diff`` the output.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import os
import random
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

HOSTILE = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "{{ 7*191 }} {% if 1 %}", "a\"b'c&d",
           "سيطرت قوات النظام على بلدة صيدا", "\u202eSayda\u202c", "\u200fدرعا\u200e", "line1\nline2\r\nline3",
           "", "  ", "x\x00y\x07z\x85", "نبع الصخر", "Al Rafid", "&amp;lt;", "\u2028sep\u2029", "}}{{", "{#c#}",
           "😀 emoji", "tab\there", "https://x.org/a?b=<c>&d=\"e\"", "javascript:alert(1)", " http://ok.net/ "]
SUBS = [("Battles", "Government regains territory"), ("Battles", "Non-state actor overtakes territory"),
        ("Strategic developments", "Non-violent transfer of territory"),
        ("Strategic developments", "Headquarters or base established"), ("Battles", "Armed clash"),
        ("Protests", "Peaceful protest"), ("", ""), ("<b>x</b>", "{{y}}")]
ACTORS = ["Syrian government forces", "Opposition armed groups", "Jabhat al-Nusra / HTS", "", "Israeli forces"]


def hostile_events(n: int, seed: int) -> list:
    """``n`` events with hostile text in every text field (some without a place, some sharing one estimate)."""
    from eventmap.model import Event, Evidence

    rnd = random.Random(seed)
    out = []
    for i in range(n):
        etype, sub = rnd.choice(SUBS)
        loc = rnd.choice([*HOSTILE, "صيدا", "Sayda"])
        notes = f"{rnd.choice(HOSTILE)} {loc} {rnd.choice(HOSTILE)}"
        lat = rnd.choice([32.8 + rnd.random() * 0.5, 32.9, None])
        lon = None if lat is None else (35.9 if lat == 32.9 else 35.8 + rnd.random() * 0.5)
        at = notes.find(loc)
        ev = Evidence(trigger="", trigger_start=0, trigger_end=0, mention_start=max(at, 0),
                      mention_end=max(at, 0) + len(loc), sentence_start=0, sentence_end=len(notes))
        h = [rnd.choice(HOSTILE) for _ in range(7)]
        out.append(Event(
            event_id=f"h{seed}-{i}", event_date=rnd.choice([f"2018-07-2{rnd.randint(0, 9)}", "2018-08-01"]),
            time_precision=1, event_type=etype, sub_event_type=sub, actor1=rnd.choice([*ACTORS, h[0]]),
            actor2=rnd.choice(ACTORS), location=loc, place_id=rnd.choice(["", "wof:1276450189", "ocha:SY14", f"p{i % 7}"]),
            place_name_ar=h[1], place_name_en=h[2], admin1=h[3], admin2=h[4], admin3=h[5], latitude=lat, longitude=lon,
            geo_precision=rnd.choice([1, 1, 2, 3]), resolution=rnd.choice(["resolved", "approximate", "ambiguous"]),
            source=h[6], source_url=rnd.choice(HOSTILE), published="2018-07-25", notes=notes, confidence=0.8,
            evidence=ev, report_id=f"r{i % 9}", language=rnd.choice(["ar", "en", ""]),
            uncertainty_km=rnd.choice([0.0, 2.5, 10.0]), admin1_pcode=rnd.choice(["SY14", ""]),
            admin2_pcode=rnd.choice(["SY1400", ""]), admin3_pcode=rnd.choice(["", "SY140002"]), extractor="digest",
            fatalities=rnd.choice([None, 0, 3])))
    return out


def page(frame: Any, model: Any) -> str:
    """The map page with folium's element ids counted from zero (they are random otherwise)."""
    import branca.element as be

    from eventmap.views import live_map
    from eventmap.views.map import build_map

    counter = itertools.count()
    be.Element._generate_id = classmethod(lambda cls: f"{next(counter):032x}")  # type: ignore[method-assign]
    return build_map(live_map.defuse_templates(frame), control=model).get_root().render()


def hostile_pages() -> Iterator[tuple[str, Callable[[], str]]]:
    import pandas as pd

    from eventmap.control import build_control
    from eventmap.frame import events_frame

    for seed in (1, 2, 3):
        f = events_frame(hostile_events(300, seed))
        text = [c for c in f.columns if f[c].dtype == object or isinstance(f[c].dtype, pd.StringDtype)]
        obj = f.astype({c: object for c in text})
        obj.loc[obj.index[::7], "actor1"] = float("nan")
        obj.loc[obj.index[::13], "source"] = 5
        na = f.astype({c: "string" for c in text})
        na.loc[na.index[::5], "event_type"] = pd.NA
        for name, fr in ((f"hostile{seed}", f), (f"hostile{seed}-object", obj), (f"hostile{seed}-string", na)):
            yield name, lambda fr=fr: page(fr, build_control(fr))
    yield "empty", lambda: page(events_frame([]), None)


def store_pages(db: str, tag: str, views: dict[str, Any]) -> Iterator[tuple[str, Callable[[], str]]]:
    from eventmap.control import control_from_store
    from eventmap.store import open_store

    store = open_store(db)
    model = control_from_store(store)
    for name, f in views.items():
        yield f"{tag}-{name}", lambda f=f: page(store.query(f), model.within(f.admin1, f.admin2, f.admin3, f.bbox))


def scenarios(events: int, tmp: str) -> Iterator[tuple[str, Callable[[], str]]]:
    from eventmap.model import Report
    from eventmap.pipeline import ensure_sample
    from eventmap.store import open_store
    from eventmap.store.filters import EventFilter

    yield from hostile_pages()
    with open_store(os.path.join(tmp, "hostile.gpkg")) as st:
        evs = hostile_events(400, 9)
        st.ingest_many([(Report(text=f"report {k} <script>x</script>", published="2018-07-25", report_id=f"rep{k}"),
                         [replace(e, report_id=f"rep{k}") for e in evs[k:k + 20]]) for k in range(0, 400, 20)])
    yield from store_pages(os.path.join(tmp, "hostile.gpkg"), "hostile-store", {"all": EventFilter()})
    os.environ["EVENTMAP_DATA_DIR"] = tmp
    with open_store(os.path.join(tmp, "sample.gpkg")) as st:
        ensure_sample(st)
    yield from store_pages(os.path.join(tmp, "sample.gpkg"), "sample", {"all": EventFilter()})
    from _bigstore import make_big_store, store_cache

    db = make_big_store(store_cache() / f"dashboard_{events}.gpkg", events)
    yield from store_pages(db, f"store{events}", {
        "all": EventFilter(), "window": EventFilter(since="2018-03-01", until="2018-05-15"),
        "admin1": EventFilter(admin1=("Quneitra", "Dar'a")), "etype": EventFilter(event_types=("Strategic developments",)),
        "combo": EventFilter(event_types=("Battles",), admin1=("Rural Damascus",), since="2018-06-01")})


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--only", nargs="*", help="views whose name starts with one of these")
    args = ap.parse_args(argv)
    import eventmap

    print(f"# eventmap from {Path(eventmap.__file__).parent}", file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        for name, render in scenarios(args.events, tmp):
            if args.only and not any(name.startswith(o) for o in args.only):
                continue
            text = render()
            print(f"{hashlib.sha256(text.encode('utf-8')).hexdigest()} {len(text):>10} {name}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
