"""Events for the views/exports tests: real gazetteer places (WOF ids and coordinates,
OCHA admin units by point-in-polygon), realistic Arabic/English sentences, hostile text."""

from __future__ import annotations

from eventmap.frame import events_frame
from eventmap.model import Event, Evidence

HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_IMG = "<img src=x onerror=alert(1)>"
HOSTILE_TEMPLATE = "{{ 7*191 }} {% if 1 %}"


def _ev(eid, date, etype, sub, loc, pid, ar, en, a1, a2, a3, lat, lon, notes, *, gp=1, res="resolved",
        lang="ar", actor1="", actor2="", source="Enab Baladi", url="https://www.enabbaladi.net/archives/245000",
        unc=0.0, p1="SY14", p2="", p3="") -> Event:
    i = notes.find(loc)
    ev = Evidence(trigger="", trigger_start=0, trigger_end=0,
                  mention_start=max(i, 0), mention_end=max(i, 0) + len(loc) if i >= 0 else 0,
                  sentence_start=0, sentence_end=len(notes))
    return Event(
        event_id=eid, event_date=date, time_precision=1, event_type=etype, sub_event_type=sub,
        actor1=actor1, actor2=actor2, location=loc, place_id=pid, place_name_ar=ar, place_name_en=en,
        admin1=a1, admin2=a2, admin3=a3, latitude=lat, longitude=lon, geo_precision=gp, resolution=res,
        source=source, source_url=url, published=date, notes=notes, confidence=0.8, evidence=ev,
        report_id="r-" + eid, language=lang, uncertainty_km=unc, admin1_pcode=p1, admin2_pcode=p2,
        admin3_pcode=p3, extractor="test")


def sample_events(hostile: bool = True) -> list[Event]:
    evs = [
        _ev("ev-sayda", "2018-07-25", "Battles", "Government regains territory", "صيدا", "wof:1276450189",
            "صيدا", "Sayda", "Quneitra", "Al Fiq", "Fiq", 32.87622, 35.87609,
            "سيطرت قوات النظام على بلدة صيدا في ريف القنيطرة الجنوبي بعد اشتباكات مع فصائل المعارضة.",
            actor1="Military Forces of Syria (2000-)", actor2="Opposition Rebels (Syria)", p2="SY1402", p3="SY140200"),
        _ev("ev-rafid", "2018-07-24", "Explosions/Remote violence", "Shelling/artillery/missile attack", "Al Rafid",
            "wof:1293106469", "الرفيد", "Ar Rafid", "Quneitra", "Quneitra", "Al-Khashniyyeh", 32.9557, 35.9002,
            "Regime forces shelled the village of Al Rafid in the southern Quneitra countryside on Tuesday.",
            lang="en", actor1="Military Forces of Syria (2000-)", source="Syrian Observatory for Human Rights",
            url="https://www.syriahr.com/en/100000/", p2="SY1400", p3="SY140002"),
        _ev("ev-nabaa", "2018-07-22", "Strategic developments", "Agreement", "نبع الصخر", "wof:1309907731",
            "نبع الصخر", "Nab` as Sakhr", "Quneitra", "Quneitra", "Khan Arnaba", 33.08408, 35.95076,
            "أعلنت فصائل المعارضة في نبع الصخر التوصل إلى اتفاق تسوية مع قوات النظام برعاية روسية.",
            actor1="Opposition Rebels (Syria)", actor2="Military Forces of Syria (2000-)", p2="SY1400", p3="SY140001"),
        _ev("ev-ghadir", "2018-07-24", "Battles", "Armed clash", "غدير البستان", "wof:1344158795",
            "غدير البستان", "Ghadir al Bustan", "Quneitra", "Quneitra", "Al-Khashniyyeh", 32.91846, 35.91606,
            "دارت اشتباكات عنيفة قرب غدير البستان بين قوات النظام ومقاتلي المعارضة.", gp=2, res="approximate",
            unc=2.0, p2="SY1400", p3="SY140002"),
        _ev("ev-nodate", "2018-07-23", "Violence against civilians", "Attack", "المهير", None, "", "", "", "", "",
            None, None, "قتل مدني برصاص مجهولين في بلدة المهير.", res="unresolved"),
    ]
    if hostile:
        evs.append(_ev("ev-hostile", "2018-07-25", "Protests", "Peaceful protest", HOSTILE_IMG,
                       "wof:1242968489", "البكار", "Al Bakkar", "Dar'a", "Izra'", "Tassil", 32.88117, 35.92916,
                       f"Residents of {HOSTILE_IMG} protested {HOSTILE_SCRIPT} & demanded \"release\" of detainees "
                       f"{HOSTILE_TEMPLATE}.",
                       lang="en", source=f"Outlet {HOSTILE_SCRIPT}", url="javascript:alert(1)", p1="SY12",
                       p2="SY1203", p3="SY120305"))
    return evs


def sample_frame(hostile: bool = True):
    return events_frame(sample_events(hostile))
