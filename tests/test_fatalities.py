"""The number killed per event (ACLED's ``fatalities``): carried from the event through the store
(both backends, an old store upgrades) to every output (CSV, GeoJSON, GeoPackage, KML, popups,
the details panel, ``eventmap extract``).

Sentences here are written for these tests in the styles of the outlets analysts read.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import replace

import pandas as pd
import pytest
from _views_exports_data import HOSTILE_SCRIPT, sample_events

from eventmap.events.extract import extract_events
from eventmap.events.fatalities import deaths, fatalities
from eventmap.exports import export
from eventmap.exports.meta import ExportMeta
from eventmap.frame import events_frame
from eventmap.model import EVENT_FIELDS, Event
from eventmap.pipeline import reprocess
from eventmap.store import EventFilter, migrations, open_store
from eventmap.store.testing import backend_url, rafid_report_ar, rafid_report_en

BACKENDS = ["sqlite", pytest.param("postgis", marks=pytest.mark.postgis)]


@pytest.fixture(params=BACKENDS)
def url(request, tmp_path):
    with backend_url(request.param, tmp_path) as u:
        yield u


def _killed(events: list[Event], *numbers: int | None) -> list[Event]:
    return [replace(e, fatalities=n) for e, n in zip(events, numbers)]


# ---------------------------------------------------------------------------- the field
def test_fatalities_is_an_acled_field_in_acled_order():
    assert EVENT_FIELDS.index("fatalities") == EVENT_FIELDS.index("notes") + 1   # ACLED: ..., notes, fatalities
    _, evs = rafid_report_ar()
    assert evs[0].fatalities is None                                            # default: no figure
    d = replace(evs[0], fatalities=4).to_dict()
    assert d["fatalities"] == 4 and Event.from_dict(d).fatalities == 4


def test_the_frame_keeps_unknown_apart_from_zero():
    _, evs = rafid_report_ar()
    f = events_frame(_killed(evs, 0, None))
    assert str(f["fatalities"].dtype) == "Int64"
    assert f["fatalities"].iloc[0] == 0 and f["fatalities"].iloc[1] is pd.NA


# ---------------------------------------------------------------------------- store
def test_store_round_trip(url):
    rep, evs = rafid_report_ar()
    with open_store(url) as s:
        s.ingest(rep, _killed(evs, 3, None))
        df = s.query(EventFilter()).set_index("event_id")
        assert df.loc[evs[0].event_id, "fatalities"] == 3
        assert df.loc[evs[1].event_id, "fatalities"] is pd.NA
        assert s.get_event(evs[0].event_id).fatalities == 3
        assert s.get_event(evs[1].event_id).fatalities is None
    with open_store(url) as s:   # and after reopening
        assert s.get_event(evs[0].event_id).fatalities == 3


def test_reprocess_fills_the_figure_and_corrections_keep_it(url):
    from eventmap.store import Correction

    rep, evs = rafid_report_ar()
    with open_store(url) as s:
        s.ingest(rep, evs)
        assert s.get_event(evs[1].event_id).fatalities is None
        s.add_correction(Correction("set_date", evs[1].event_id, "analyst", event_date="2018-07-25"))
        res = reprocess(s, lambda text, published, **kw: _killed(list(evs), None, 2))
        assert len(res.kept) == 1
        e = s.get_event(evs[1].event_id)
        assert e.fatalities == 2 and e.event_date == "2018-07-25"   # re-extracted figure, correction re-applied


#: the schema version that added events.fatalities
FATALITIES_VERSION = next(v for v, ddl in migrations.DDL_BY_VERSION.items() if "ADD COLUMN fatalities" in ddl)


def _make_store_before_fatalities(url: str, dialect: str) -> Event:
    """A store exactly as the schema version before fatalities wrote it, holding one event."""
    rep, evs = rafid_report_ar()
    e = evs[0]
    if dialect == "sqlite":
        from eventmap.store.sqlite import SQLiteBackend
        db = SQLiteBackend(url)
    else:
        from eventmap.store.postgis import PostGISBackend
        db = PostGISBackend(url)
    with db.write():
        for v in range(1, FATALITIES_VERSION):
            for stmt in migrations.statements(v, dialect):
                db.execute(stmt)
            db.after_schema(v)
        db.execute("INSERT INTO meta (key, value) VALUES ('schema_version', ?)", (str(FATALITIES_VERSION - 1),))
        db.execute("INSERT INTO reports (report_id, text, source, published, ingested_at, n_events) "
                   "VALUES (?, ?, 'SANA', ?, '2018-07-26T10:00:00Z', 1)", (rep.report_id, rep.text, rep.published))
        d = e.to_dict()
        d.pop("fatalities")   # extractions of that time did not have it
        db.execute(
            "INSERT INTO events (event_id, report_id, event_date, event_type, sub_event_type, location, place_id, "
            "latitude, longitude, admin1, source, notes, evidence, extracted, place_key) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SANA', ?, ?, ?, ?)",
            (e.event_id, rep.report_id, e.event_date, e.event_type, e.sub_event_type, e.location, e.place_id,
             e.latitude, e.longitude, e.admin1, e.notes, json.dumps(e.evidence.to_dict()),
             json.dumps(d, ensure_ascii=False), "k"))
    db.close()
    return e


def test_an_older_store_upgrades_and_takes_figures(url):
    dialect = "sqlite" if url.endswith(".gpkg") else "postgis"
    old = _make_store_before_fatalities(url, dialect)
    with open_store(url) as s:
        assert s.schema_version() == migrations.CURRENT_VERSION >= FATALITIES_VERSION
        assert s.get_event(old.event_id).fatalities is None        # stored before: unknown, not 0
        assert s.query(EventFilter())["fatalities"].isna().all()
        en, en_evs = rafid_report_en()
        s.ingest(en, _killed(en_evs, None, 5))
        df = s.query(EventFilter(text="sayda"))
        assert df["fatalities"].tolist() == [5]


# ---------------------------------------------------------------------------- exports
META = ExportMeta(title="Killed per event")


@pytest.fixture(scope="module")
def killed_frame():
    evs = sample_events()
    nums = [7, None, 1] + [None] * (len(evs) - 3)
    return events_frame([replace(e, fatalities=n) for e, n in zip(evs, nums)]), evs


def test_csv_has_acleds_fatalities_column(tmp_path, killed_frame):
    frame, evs = killed_frame
    p = export(frame, "csv", tmp_path / "e.csv", META)
    with open(p, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    cols = list(rows[0])
    assert cols.index("fatalities") == cols.index("notes") + 1
    by_id = {r["event_id_cnty"]: r["fatalities"] for r in rows}
    assert by_id[evs[0].event_id] == "7" and by_id[evs[2].event_id] == "1"
    assert by_id[evs[1].event_id] == ""          # unknown stays empty, not 0 or "<NA>"


def test_geojson_and_geopackage_carry_the_number(tmp_path, killed_frame):
    import pyogrio

    frame, evs = killed_frame
    g = json.loads(export(frame, "geojson", tmp_path / "e.geojson", META).read_text(encoding="utf-8"))
    props = {f["id"]: f["properties"]["fatalities"] for f in g["features"]}
    assert props[evs[0].event_id] == 7 and props[evs[1].event_id] is None
    p = export(frame, "gpkg", tmp_path / "e.gpkg", META)
    info = pyogrio.read_info(p, layer="events")
    assert info["dtypes"][list(info["fields"]).index("fatalities")].startswith("int")
    df = pyogrio.read_dataframe(p, layer="events").set_index("event_id")
    assert df.loc[evs[0].event_id, "fatalities"] == 7 and pd.isna(df.loc[evs[1].event_id, "fatalities"])


def test_kml_extended_data_has_the_number(tmp_path, killed_frame):
    frame, evs = killed_frame
    kml = export(frame, "kml", tmp_path / "e.kml", META).read_text(encoding="utf-8")
    pm = re.search(rf'<Placemark id="{evs[0].event_id}">.*?</Placemark>', kml, re.DOTALL).group(0)
    assert '<Data name="fatalities"><value>7</value></Data>' in pm
    pm = re.search(rf'<Placemark id="{evs[1].event_id}">.*?</Placemark>', kml, re.DOTALL).group(0)
    assert '<Data name="fatalities"><value></value></Data>' in pm


# ---------------------------------------------------------------------------- views
def test_popup_payload_and_script_show_killed(killed_frame):
    from eventmap.views.map import build_payload, killed_values

    frame, evs = killed_frame
    p = build_payload(frame)
    by_id = dict(zip(p["id"], p["k"]))
    assert by_id[evs[0].event_id] == 7 and by_id[evs[1].event_id] is None
    # whatever text reaches the column, only numbers reach the page
    hostile = frame.head(3).astype({"fatalities": object})
    hostile["fatalities"] = [HOSTILE_SCRIPT, "12", None]
    assert killed_values(hostile) == [None, 12, None]


def test_details_panel_shows_killed_only_with_a_number(killed_frame):
    from eventmap.views.details import details_html

    frame, evs = killed_frame
    rows = frame.set_index("event_id", drop=False)
    assert "killed: 7" in details_html(rows.loc[evs[0].event_id])
    assert "killed" not in details_html(rows.loc[evs[1].event_id])
    row = dict(rows.loc[evs[0].event_id])
    row["fatalities"] = HOSTILE_SCRIPT
    html = details_html(row)
    assert "killed" not in html and "<script>alert" not in html
    assert "killed: 0" in details_html({**row, "fatalities": 0})   # "nobody was killed" is a figure


def test_dashboard_table_has_a_killed_column(killed_frame):
    from eventmap.views.table import table_frame

    frame, evs = killed_frame
    t = table_frame(frame).set_index("event_id")
    assert t.loc[evs[0].event_id, "fatalities"] == 7


@pytest.mark.browser
def test_exported_map_popup_says_killed(tmp_path, killed_frame):
    from pathlib import Path

    from eventmap.exports.png import CHROMIUM, CHROMIUM_ARGS

    if not Path(CHROMIUM).exists():
        pytest.skip("needs Debian's chromium")
    from playwright.sync_api import sync_playwright

    frame, evs = killed_frame
    html = export(frame, "html", tmp_path / "map.html", META)
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            pg = b.new_page()
            pg.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:", "blob:"))
                     else r.abort())
            pg.goto(html.resolve().as_uri())
            pg.wait_for_function("window.eventmapReady === true", timeout=30_000)
            pop = "EM.popup(EM.D.id.indexOf('%s')).innerText"
            assert "killed: 7" in pg.evaluate(pop % evs[0].event_id)
            assert "killed" not in pg.evaluate(pop % evs[1].event_id)
        finally:
            b.close()


# ---------------------------------------------------------------------------- reading the number killed


def _at(text: str, place: str, trigger: str, *, clause: str | None = None, in_list: bool = False,
        occurrence: int = 0) -> int | None:
    """fatalities() for the event at the ``occurrence``-th ``place`` with ``trigger``, the whole text one
    sentence (or the first sentence when ``text`` holds two)."""
    from eventmap.events.sentences import split_sentences

    pa = [m.start() for m in re.finditer(re.escape(place), text)][occurrence]
    ta = text.index(trigger)
    sent = next(sp for sp in split_sentences(text) if sp.start <= pa < sp.end)
    cl = None
    if clause is not None:
        ca = text.index(clause)
        cl = (ca, ca + len(clause))
    return fatalities(text, (sent.start, sent.end), (ta, ta + len(trigger)), (pa, pa + len(place)),
                      clause=cl, in_list=in_list)


CASES = [
    # -- Arabic: SANA, SOHR, Enab Baladi, Horan networks, Al-Araby
    ("SANA, digits and wounded apart",
     "استشهد ثلاثة مواطنين وأصيب خمسة آخرون جراء اعتداء إرهابي بالقذائف على حي السحاري في مدينة درعا.",
     "السحاري", "اعتداء", 3),
    ("SOHR, one young man", "وثق المرصد السوري مقتل شاب برصاص مسلحين مجهولين في بلدة اليادودة بريف درعا الغربي.",
     "اليادودة", "برصاص", 1),
    ("Enab Baladi, the dual", "قتل شابان، الأحد، بهجوم لمسلحين مجهولين على سيارتهما في بلدة المزيريب غربي درعا.",
     "المزيريب", "بهجوم", 2),
    ("Horan network, his killing", "أطلق مجهولون النار على شاب في مدينة نوى، ما أدى إلى مقتله على الفور.",
     "نوى", "أطلق", 1),
    ("a man and his daughter", "قتل رجل وابنته وأصيبت زوجته بإطلاق نار من مجهولين على منزلهم في بلدة داعل.",
     "داعل", "إطلاق نار", 2),
    ("victims added up", ("شن الطيران غارات على بلدة الحراك، ما أسفر عن استشهاد ثلاثة رجال وامرأتين وطفلة وإصابة "
     "آخرين."), "الحراك", "غارات", 6),
    ("Arabic-Indic digits", "قتل ٥ مدنيين بقصف مدفعي استهدف بلدة الغارية الغربية.", "الغارية الغربية", "قصف", 5),
    ("at least, in words", ("اندلعت اشتباكات عنيفة في بلدة المسيفرة، قتل خلالها ما لا يقل عن أحد عشر مقاتلاً من "
     "القوات الحكومية."), "المسيفرة", "اشتباكات", 11),
    ("more than, noun after the number", "قصفت الطائرات بلدة جاسم مخلفة أكثر من 15 قتيلاً وعشرات الجرحى.",
     "جاسم", "قصفت", 15),
    ("compound number word", "وقتل خمسة وعشرون عنصراً في الهجوم على بلدة الشيخ مسكين.", "الشيخ مسكين", "الهجوم", 25),
    ("one body", "عثر الأهالي على جثة شاب مقتولاً بالرصاص قرب بلدة تسيل.", "تسيل", "عثر", 1),
    ("the bodies of the nine", "عثر على جثامين العناصر التسعة قرب دوار البلدة في مدينة إنخل.", "إنخل", "عثر", 9),
    ("met his death", "لقي ثلاثة أشخاص حتفهم بانفجار لغم أرضي في بلدة المسيفرة.", "المسيفرة", "انفجار", 3),
    ("two after the verb, the subject before", ("قال مصدر إن أربعة على الأقل قتلوا وأصيب عشرة آخرون بالقصف على "
     "بلدة كويا."), "كويا", "القصف", 4),
    # -- English: Reuters, AFP, Xinhua, North Press, The New Arab
    ("Reuters, at least", "Government shelling killed at least seven people in the town of Tafas, residents said.",
     "Tafas", "shelling", 7),
    ("AFP, among", ("Two children were among five civilians killed in air strikes on the town of Busra al-Harir, "
     "the monitor said."), "Busra al-Harir", "air strikes", 5),
    ("Xinhua, place first", ("In the town of Inkhil, three soldiers were killed and four others wounded when a roadside "
     "bomb hit their vehicle."), "Inkhil", "roadside bomb", 3),
    ("North Press, one named man", "Omar al-Masri was shot dead by unknown gunmen in the town of Daael on Sunday.",
     "Daael", "shot", 1),
    ("killed a member", ("A drone strike on the outskirts of Nawa killed a member of a local group and wounded "
     "two others."), "Nawa", "drone strike", 1),
    ("a dozen", "Jets pounded the village of Maaraba, killing a dozen civilians, activists said.", "Maaraba",
     "pounded", 12),
    ("number words", "Clashes in the town of Sanamayn left twenty-three fighters dead.", "Sanamayn", "Clashes", 23),
    ("victims listed", "Four men, two women and a girl were killed when a shell hit a house in Jasim.", "Jasim",
     "shell", 7),
    ("the death of", ("A drone strike on Kafr Shams village resulted in the death of three farmers and injured "
     "nine."), "Kafr Shams", "strike", 3),
    ("shot to death", "Gunmen shot a teacher to death outside his home in Daraa on Monday.", "Daraa", "shot", 1),
    ("a body found", "A body was found near the village of Sahem al-Jolan on Tuesday.", "Sahem al-Jolan",
     "found", 1),
    ("a mother and her children", ("A woman and her three children were killed when a shell hit their home in "
     "the town of Hirak."), "Hirak", "shell", 4),
    ("children and their mother", "مقتل ثلاثة أطفال وأمهم بقصف صاروخي على بلدة المزيريب.", "المزيريب", "بقصف", 4),
    ("fell victim", ("In the town of Jasim, young Ahmad, a 15-year-old student, fell victim to gunmen who "
     "opened fire on his car."), "Jasim", "opened fire", 1),
    ("the toll rose", "ارتفعت حصيلة ضحايا القصف على بلدة طفس إلى 9 قتلى بينهم طفلان.", "طفس", "القصف", 9),
    ("executed victims", "The militants executed two men in the main square of Hit on Friday.", "Hit",
     "executed", 2),
    ("the victims described, then the event", ("لقي ثلاثة أشخاص حتفهم وجرح سبعة بينهم طفل في حصيلة غير نهائية، بقذائف "
     "مدفعية على بلدة اليادودة."), "اليادودة", "بقذائف", 3),
    ("a victim named in quotes", "أفاد ناشطون بأن مسلحين قتلوا \"سامر خالد العلي\" برصاص مجهولين في حي الكاشف بدرعا.", "حي الكاشف",
     "برصاص", 1),
    ("claimed the lives", "أودى القصف المدفعي بحياة أربعة أشخاص في بلدة الغارية الشرقية.", "الغارية الشرقية", "القصف", 4),
    ("SANA, eliminated", "تمكنت وحدات من الجيش من القضاء على 15 إرهابياً في محيط بلدة عتمان.", "عتمان",
     "القضاء", 15),
    ("a named victim", "مقتل محمد الحريري برصاص مجهولين في بلدة الجيزة.", "الجيزة", "برصاص", 1),
    ("two named victims", "مقتل أحمد ومحمد برصاص قناص في حي المنشية.", "المنشية", "برصاص", 2),
    ("including a part", "12 people including 5 children were killed in the strike on the town of Dael.", "Dael",
     "strike", 12),
    ("among them, between commas", ("Twelve people, among them five children, were killed in the shelling of "
     "Hirak."), "Hirak", "shelling", 12),
    ("Xinhua, eliminated", "The Syrian army eliminated 23 terrorists near the town of Ibta'a on Tuesday.", "Ibta'a",
     "eliminated", 23),
    ("members of a named unit", ("Two members of the Eighth Brigade lost their lives and a third was hurt as an IED "
     "went off beside their pickup outside Busra al-Sham on Friday."), "Busra al-Sham", "IED", 2),
    ("soldiers of a long unit name", ("Four soldiers of the Syrian Arab Army were killed in an ambush near the "
     "village of Nahta."), "Nahta", "ambush", 4),
    ("an abbreviated month's day before the victims", ("By Feb. 9, three fighters of the local brigade were killed "
     "when their checkpoint was targeted near the town of Tafas."), "Tafas", "targeted", 3),
    ("the bodies of, then found", "The bodies of two young men were found near the town of Jasim on Saturday.", "Jasim",
     "found", 2),
    ("assassinated, Arabic active verb", "اغتال مجهولون القيادي السابق أبو خالد قرب منزله في بلدة اليادودة.",
     "اليادودة", "اغتال", 1),
    ("assassinated, a group before its two victims", ("اغتالت مجموعة مسلحة عنصرين من الأمن العسكري على طريق بلدة "
     "المزيريب."), "المزيريب", "اغتالت", 2),
    ("assassinated, riders before the victim", ("اغتال مسلحون مجهولون يستقلون دراجة نارية الشاب أحمد العلي بإطلاق النار "
     "عليه في مدينة طفس."), "طفس", "اغتال", 1),
    # ages are no count, and the dead before their ages are
    ("two brothers and their ages", ("Two brothers, aged 9 and 11, died yesterday when a landmine exploded in the "
     "village of Alma."), "Alma", "exploded", 2),
    ("children in an age range", "A landmine killed 3 children aged between 8 and 12 in the village of Alma.", "Alma",
     "landmine", 3),
    ("a named man and who he was", ("Gunmen on a motorcycle shot dead Khaled al-Hamad, a former rebel commander, "
     "outside his home in Tafas."), "Tafas", "shot dead", 1),
    # "قضى" (perished), its dead and what killed them
    ("perished, Arabic", "قضى طفلان أمس جراء انفجار لغم من مخلفات الحرب في بلدة علما.", "علما", "انفجار", 2),
    ("perished by shelling", "قضى ثلاثة مدنيين بقصف مدفعي على بلدة علما.", "علما", "بقصف", 3),
]


@pytest.mark.parametrize("text,place,trigger,want", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_the_number_killed(text, place, trigger, want):
    assert _at(text, place, trigger) == want


NONE_CASES = [
    # vague figures
    ("dozens", "قتل عشرات المدنيين بغارات على بلدة طفس.", "طفس", "غارات"),
    ("dozens, English", "Dozens of people were killed in air strikes on Nawa.", "Nawa", "air strikes"),
    ("killed and wounded together", "سقوط 12 قتيلاً وجريحاً بقصف على بلدة الجيزة.", "الجيزة", "قصف"),
    ("killed and wounded, English", "Shelling killed and wounded 12 people in the town of Jiza.", "Jiza", "Shelling"),
    ("casualties", "The strike on Tafas caused 12 casualties, a medic said.", "Tafas", "strike"),
    ("plural without a number", "قتل مدنيون في قصف على بلدة المتاعية.", "المتاعية", "قصف"),
    ("several", "Several soldiers were killed in an overnight attack on an army post outside Jasem.", "Jasem", "attack"),
    # a total over several places or days
    ("several villages", "قتل تسعة مدنيين في غارات على بلدات متفرقة من ريف درعا الشرقي.", "درعا", "غارات"),
    ("separate attacks", "قتل ستة أشخاص في هجومين منفصلين وقع أحدهما في الصنمين والآخر في حي طريق السد.",
     "الصنمين", "هجومين"),
    ("since the start", "قتل 45 شخصاً في بلدة نوى منذ بداية الحملة العسكرية.", "نوى", "الحملة"),
    ("this month", "At least 40 people have been killed in Tafas this month, the monitor said.", "Tafas", "killed"),
    # not deaths
    ("wounded only", "أصيب خمسة مدنيين بقصف مدفعي على بلدة الكرك الشرقي.", "الكرك الشرقي", "قصف"),
    ("arrested", "اعتقلت قوات النظام خمسة شبان على حاجز في مدينة الصنمين.", "الصنمين", "اعتقلت"),
    ("kidnapped", "Gunmen kidnapped three men from the village of Muzayrib.", "Muzayrib", "kidnapped"),
    ("an attempt", "نجا قيادي سابق من محاولة اغتيال بعبوة ناسفة في بلدة طفس.", "طفس", "عبوة"),
    ("tried to kill", "Gunmen tried to kill a commander in the town of Nawa.", "Nawa", "Gunmen"),
    ("a number of wounded", "The attack on Inkhil wounded four soldiers.", "Inkhil", "attack"),
    ("an age is not a toll", "A 12-year-old boy was wounded by a landmine near Nawa.", "Nawa", "landmine"),
    ("brigade numbers", "اشتباكات عنيفة قرب مقر اللواء 52 في بلدة المليحة.", "المليحة", "اشتباكات"),
    ("no death stated", "Regime forces shelled the town of Tafas on Monday.", "Tafas", "shelled"),
    ("executed an attack", "Gunmen executed an attack on an army position outside Nawa.", "Nawa", "attack"),
    ("a brigade's name", "اندلعت اشتباكات بين الفصائل ولواء شهداء اليرموك في بلدة سحم الجولان.", "سحم الجولان",
     "اشتباكات"),
    ("a brigade in quotes", "قتل \"لواء شهداء حوران\" عناصر من الفرقة الرابعة في بلدة المزيريب.", "المزيريب",
     "قتل"),
    ("eliminated a cell", "The army eliminated a terrorist cell near the town of Ibta'a.", "Ibta'a", "eliminated"),
    ("life in another sense", "حياة المدنيين في بلدة طفس في خطر بعد القصف.", "طفس", "القصف"),
    ("killed and captured together", "أسفرت المعارك في بلدة عتمان عن مقتل وأسر 14 عنصراً.", "عتمان", "المعارك"),
    # what a protest or a reprisal is about is not its toll
    ("a protest about a killing", "خرجت مظاهرة في مدينة جاسم تنديداً بمقتل شابين على حاجز للأمن.", "جاسم",
     "مظاهرة"),
    ("a protest about a killing, English", ("Hundreds rallied in the town of Jasim on Friday against the killing of "
     "two young men at a checkpoint."), "Jasim", "rallied"),
    ("shelling in retaliation for a killing", "Government forces shelled the town of Tafas in retaliation for the "
     "killing of three soldiers.", "Tafas", "shelled"),
    ("spent the night", "قضى الشاب ليلته في المشفى بعد إصابته بانفجار لغم في بلدة علما.", "علما", "لغم"),
]


@pytest.mark.parametrize("text,place,trigger", [c[1:] for c in NONE_CASES], ids=[c[0] for c in NONE_CASES])
def test_no_exact_figure_gives_none(text, place, trigger):
    assert _at(text, place, trigger) is None


def test_killed_against_wounded_both_ways():
    wounded_first = "Three soldiers were wounded and a civilian was killed in shelling on the town of Nawa."
    killed_first = "Three soldiers were killed and a civilian was wounded in shelling on the town of Nawa."
    assert _at(wounded_first, "Nawa", "shelling") == 1
    assert _at(killed_first, "Nawa", "shelling") == 3
    ar_w = "أصيب ثلاثة عناصر وقتل مدني بقصف على بلدة نوى."
    ar_k = "قتل ثلاثة عناصر وأصيب مدني بقصف على بلدة نوى."
    assert _at(ar_w, "نوى", "قصف") == 1 and _at(ar_k, "نوى", "قصف") == 3


def test_the_figure_goes_to_the_place_the_sentence_ties_it_to():
    s = ("قصفت قوات النظام بلدة الحراك، وقتل ثلاثة مدنيين في بلدة ناحتة، وأصيب اثنان في بلدة المليحة الشرقية.")
    assert _at(s, "ناحتة", "قصفت") == 3
    assert _at(s, "الحراك", "قصفت") is None        # the toll is tied to another town
    assert _at(s, "المليحة الشرقية", "قصفت") is None
    en = "Air strikes killed nine civilians in the village of Tasil and one civilian near the village of Jileen."
    assert _at(en, "Tasil", "Air strikes") == 9
    assert _at(en, "Jileen", "Air strikes") == 1


def test_a_list_shares_no_total_but_a_road_gives_it_to_both_ends():
    lst = "Air strikes on the villages of Adwan, Tasil and Jileen killed 11 people."
    for place in ("Adwan", "Tasil", "Jileen"):
        assert _at(lst, place, "Air strikes", in_list=True) is None
    ar = "قصف الطيران بلدتي نوى والشيخ سعد ما أسفر عن مقتل ثمانية مدنيين."
    assert _at(ar, "نوى", "قصف", in_list=True) is None
    alone = "قصف الطيران بلدتي نوى وتسيل ما أسفر عن مقتل ثلاثة مدنيين في تسيل."
    assert _at(alone, "تسيل", "قصف", in_list=True, occurrence=1) == 3   # the toll names it alone
    assert _at(alone, "نوى", "قصف", in_list=True) is None
    road = "عثر على جثتي شابين مقتولين على طريق الجيزة - المسيفرة شرقي درعا."
    assert _at(road, "الجيزة", "عثر") == 2 and _at(road, "المسيفرة", "عثر") == 2
    clashes = "Clashes between the army and rebels in the towns of Nawa and Tafas killed 5 fighters."
    assert _at(clashes, "Tafas", "Clashes", in_list=True) is None     # "between" the parties, not a road
    between = "Gunmen shot dead a lorry driver on the road between Tafas and Tal Shihab."
    assert _at(between, "Tafas", "shot", in_list=True) == 1
    assert _at(between, "Tal Shihab", "shot", in_list=True) == 1


def test_a_part_of_the_toll_is_not_the_toll_of_that_place():
    s = "استهدف الطيران مناطق حوض اليرموك، مخلفاً أكثر من 20 قتيلاً معظمهم في بلدة الشجرة."
    assert _at(s, "حوض اليرموك", "استهدف") == 20
    assert _at(s, "الشجرة", "استهدف") is None


def test_a_following_sentence_that_points_back_gives_the_toll():
    s = "اندلعت اشتباكات عنيفة في بلدة اليادودة بين مجموعتين محليتين. وأدت الاشتباكات إلى مقتل اثنين من المقاتلين."
    assert _at(s, "اليادودة", "اشتباكات") == 2
    en = "Israeli jets struck a military barracks near the town of Izraa on Monday. The strikes killed three soldiers."
    assert _at(en, "Izraa", "struck") == 3
    other = "Israeli jets struck a military barracks near Izraa on Monday. Three soldiers were killed in Sheikh Miskin."
    assert _at(other, "Izraa", "struck") is None     # the next sentence is about another place
    unrelated = "Regime forces shelled the town of Tafas. Gunmen killed two men."
    assert _at(unrelated, "Tafas", "shelled") is None  # it does not point back at the shelling


def test_diacritics_and_letter_forms_do_not_hide_the_toll():
    assert _at("قُتِلَ شابّانِ بِرَصاصِ مجهولين في بلدةِ الحراك.", "الحراك", "بِرَصاصِ") == 2
    assert _at("قتل ثلاثة مدنيين في غارات على بلداتٍ متفرّقةٍ من ريف درعا.", "درعا", "غارات") is None
    assert _at("ارتقى سبعةُ شهداءَ بقصفٍ على مدينة انخل.", "انخل", "بقصفٍ") == 7


def test_nobody_killed_is_zero():
    assert _at("سقطت قذائف على بلدة عتمان دون وقوع قتلى.", "عتمان", "قذائف") == 0
    assert _at("Shells hit the town of Atman; no one was killed.", "Atman", "Shells", clause="Shells hit the town of "
               "Atman; no one was killed.") == 0


def test_death_statements_of_a_sentence():
    s = "قتل عنصران وأصيب ثلاثة آخرون، فيما قتل مدني برصاص قناص."
    assert [d.count for d in deaths(s)] == [2, 1]
    assert deaths("A convoy was ambushed on the highway.") == ()


# ---------------------------------------------------------------------------- in the extractor and the CLI
def _extract(text: str) -> dict[str, list[int | None]]:
    from eventmap.events.extract import extract_events

    out: dict[str, list[int | None]] = {}
    for e in extract_events(text, "2020-05-03"):
        out.setdefault(e.location, []).append(e.fatalities)
    return out


def test_extracted_events_carry_the_number_killed():
    assert _extract("قتل شابان، يوم السبت، بهجوم شنه مسلحون مجهولون في مدينة طفس.") == {"طفس": [2]}
    assert _extract("Government shelling killed at least seven people in the town of Nawa on Tuesday, "
                    "residents said.") == {"Nawa": [7]}
    assert _extract("Regime forces shelled the town of Tafas on Monday. The shelling killed two children.") == \
        {"Tafas": [2]}


def test_extracted_list_of_villages_shares_no_total():
    got = _extract("Air strikes on the villages of Nawa, Tafas and Jasim killed 11 people on Sunday.")
    assert set(got) == {"Nawa", "Tafas", "Jasim"}
    assert all(v == [None] for v in got.values())


def test_extract_cli_shows_killed(tmp_path):
    import subprocess
    import sys

    p = tmp_path / "report.txt"
    p.write_text("قتل شابان، يوم السبت، بهجوم شنه مسلحون مجهولون في مدينة طفس.\n", encoding="utf-8")
    run = [sys.executable, "-m", "eventmap", "extract", str(p), "--published", "2020-05-03"]
    table = subprocess.run(run, capture_output=True, text=True, check=True).stdout
    header, row = table.splitlines()[:2]
    col = header.index("killed")
    assert row[col:col + 6].strip() == "2"
    js = json.loads(subprocess.run([*run, "--json"], capture_output=True, text=True, check=True).stdout)
    assert [e["fatalities"] for e in js] == [2]


def test_a_toll_said_again_stays_with_the_event_and_since_this_morning_is_today():
    """The same shelling told twice: the second telling gives the toll, and the dedup keeps it; a
    story 'since this morning' is today's, not a start date that sends the next sentence elsewhere."""
    text = ("تتعرض مدينة طفس منذ صباح اليوم الأحد لقصف مدفعي متواصل.\n"
            "وبحسب شبكة محلية، سقطت قذائف المدفعية على أطراف مدينة طفس وأسفرت عن "
            "مقتل الشاب (محمود الزعبي).\n"
            "ويوم السبت، قتل شاب برصاص مجهولين في حي الكاشف بدرعا.")
    evs = extract_events(text, "2022-05-01")
    tafas = [e for e in evs if e.location == "طفس"]
    assert [(e.event_date, e.fatalities) for e in tafas] == [("2022-05-01", 1)]


def test_the_next_sentence_names_the_victim_and_says_he_died():
    text = ("On March 3, unknown gunmen opened fire on Adel Fawzi Masri while he was near a checkpoint in the town "
            "of Inkhil, north of Daraa. Masri, who had just closed his shop, died at the scene.")
    evs = extract_events(text, "2023-03-05")
    assert [(e.location, e.fatalities) for e in evs] == [("Inkhil", 1)]    # the man is no place
    # a next sentence about someone the first did not name gives no toll
    other = text.replace("Masri, who", "Hamdan, who")
    assert [(e.location, e.fatalities) for e in extract_events(other, "2023-03-05")] == [("Inkhil", None)]


def test_the_town_named_before_takes_the_toll_of_the_sentence_that_refers_to_it():
    text = ("وأفاد مراسلنا أن شباناً من قرية جملة قاوموا توغلاً للجيش الإسرائيلي، فرد عليهم الأخير بالرصاص.\n"
            "وبحسب ناشطين، فإن ثلاثة قتلوا وجرح آخرون حين سقطت قذائف دبابات إسرائيلية على البلدة.")
    shelling = [e for e in extract_events(text, "2025-03-25") if e.sub_event_type.startswith("Shelling")]
    assert [(e.location, e.fatalities) for e in shelling] == [("جملة", 3)]


def test_bodies_found_hours_after_the_incident_are_the_toll_of_the_incident():
    text = ("أقدم مسلحون مجهولون، يوم أمس السبت، على اقتحام مخفر الشرطة في بلدة داعل بريف درعا الأوسط "
            "واختطفوا خمسة عناصر من عناصره.\n\n"
            "وعقب ساعتين من الاختطاف، وجد مزارعون جثث العناصر الخمسة في بستان على أطراف البلدة.")
    assert {(e.location, e.fatalities) for e in extract_events(text, "2019-03-10")} == {("داعل", 5)}
    english = ("Unidentified gunmen stormed a police post in the town of Inkhil on Saturday and abducted four "
               "officers.\n\nHours after the abduction, residents found the bodies of the four officers.")
    assert {(e.location, e.fatalities) for e in extract_events(english, "2019-03-10")} == {("Inkhil", 4)}
    # without the words that point back, the next sentence is news of its own
    unrelated = english.replace("Hours after the abduction, residents", "Residents of a farm")
    assert {(e.location, e.fatalities) for e in extract_events(unrelated, "2019-03-10")} == {("Inkhil", None)}


def test_the_town_two_sentences_back_takes_the_toll_told_of_the_town():
    text = ("قصفت قوات النظام بالمدفعية الثقيلة بلدة الحراك بريف درعا الشرقي صباح اليوم.\n\n"
            "وشهدت المنطقة حالة نزوح واسعة للأهالي.\n\n"
            "وقال ناشطون إن ثلاثة مدنيين قتلوا إثر قصف مدفعي على البلدة.")
    assert [(e.location, e.fatalities) for e in extract_events(text, "2019-03-10")] == [("الحراك", 3)]
    # three sentences back is too far for "the town"
    far = text.replace("وشهدت المنطقة", "وشهدت المنطقة حالة نزوح.\n\nوشهدت المنطقة")
    assert [(e.location, e.fatalities) for e in extract_events(far, "2019-03-10")] == [("الحراك", None)]


def test_arrests_told_beside_a_killing_take_none_of_its_dead():
    text = ("Syria's interior ministry said its forces killed two members of an Islamic State cell and arrested three "
            "others in a security operation in the city of Nawa.")
    by_label = {e.trigger_label: e.fatalities for e in extract_events(text, "2025-06-02")}
    assert by_label.get("arrests", "none") is None and 2 in by_label.values()


def test_a_summarys_toll_goes_to_the_dated_telling_of_the_same_fight():
    """The summary leads (dated by publication) and is dropped for the body's dated telling: its dead go with it."""
    text = ("انتهت المواجهات بين مقاتلين محليين وخلية لتنظيم داعش في مدينة جاسم بعد استمرارها ليومين، وأسفرت عن مقتل "
            "أربعة من عناصر الخلية.\nوكانت الخلية قد تحصنت في عدد من المنازل وسط المدينة.\n"
            "وأعلن وجهاء المدينة حظر التجوال في الأحياء الشرقية.\n"
            "وفي صباح يوم الجمعة 14 تشرين الأول، اندلعت الاشتباكات في مدينة جاسم بعد مداهمة منازل يتحصن فيها عناصر "
            "التنظيم.")
    ev = [e for e in extract_events(text, "2022-10-16") if e.sub_event_type == "Armed clash"]
    assert [(e.event_date, e.fatalities) for e in ev] == [("2022-10-14", 4)]


def test_the_dead_told_after_two_acts_are_those_of_the_act_at_their_place():
    text = ("Government helicopters dropped barrel bombs on the town of Inkhil on Friday, while artillery pounded "
            "the town of Jasim.\nTwo brothers were killed in Inkhil, the civil defence said.")
    evs = extract_events(text, "2018-06-30")
    inkhil = [(e.sub_event_type, e.fatalities) for e in evs if e.location == "Inkhil"]
    assert inkhil == [("Air/drone strike", 2)]     # one strike with its dead, no shelling in Inkhil
    assert [e.fatalities for e in evs if e.location == "Jasim"] == [None]


@pytest.mark.parametrize("text, pub, place, killed", [
    # the next sentence's dead, pointed back to by the fight's noun after the verb
    ("Opposition fighters stormed an army post near the town of Tafas on Thursday.\n"
     "Four soldiers from the Fifth Corps were killed in the fighting, a medic said.", "2016-04-08", "Tafas", 4),
    ("هاجمت فصائل المعارضة حاجزاً لقوات النظام قرب بلدة طفس يوم الخميس.\n"
     "وقتل خمسة عناصر من الحاجز خلال الهجوم، بحسب المرصد.", "2016-04-08", "طفس", 5),
    # a clause of deaths alone, after the fight's clause in the same sentence
    ("Heavy fighting erupted on the outskirts of Inkhil, and the rebels said they killed at least nine soldiers.",
     "2016-04-08", "Inkhil", 9),
    # a toll risen to a figure, many words after "toll"
    ("The death toll from Sunday's shelling of the eastern town of al-Harak has risen to six, a local doctor said.",
     "2016-04-08", "al-Harak", 6),
])
def test_tolls_told_apart_from_their_act(text, pub, place, killed):
    assert [e.fatalities for e in extract_events(text, pub) if e.location == place] == [killed]


def test_a_clause_of_deaths_over_weeks_gives_the_fight_before_it_nothing():
    text = ("Heavy fighting erupted on the outskirts of Inkhil, and more than 40 fighters have been killed since the "
            "start of the offensive.")
    assert [e.fatalities for e in extract_events(text, "2016-04-08") if e.location == "Inkhil"] == [None]
    other = "Clashes broke out in Inkhil, and gunmen shot dead two men in the town of Jasim."
    assert {(e.location, e.fatalities) for e in extract_events(other, "2016-04-08")} == {
        ("Inkhil", None), ("Jasim", 2)}


@pytest.mark.parametrize("text, killed", [
    ("A roadside bomb killed a lieutenant and two of his bodyguards on the road near Tafas on Sunday.", 3),
    ("Sunday's shelling of Tafas killed a family of six.", 6),
    ("أودى انفجار لغم أرضي قرب مدينة طفس صباح الأحد بحياة ثلاثة رعاة.", 3),
    ("اغتال مسلحون مجهولون المختار سعيد الحمد وشقيقه في مدينة طفس يوم الأحد.", 2),
    ("استشهد الشاب خالد (19 عاماً) وشقيقه بقصف على مدينة طفس يوم الأحد.", 2),
    ("قتلت سيدة وطفلاها بقذيفة سقطت على مدينة طفس يوم الأحد.", 3),
    ("قتل عنصر من الشرطة العسكرية وآخر من الأمن العسكري بهجوم على حاجز في مدينة طفس يوم الأحد.", 2),
    ("Fourteen people were killed in Daraa province on Sunday, including six in the city of Tafas.", 6),
])
def test_victims_counted_as_outlets_list_them(text, killed):
    assert {e.fatalities for e in extract_events(text, "2019-05-07") if e.place_name_en == "Tafas"} == {killed}


@pytest.mark.parametrize("text", [
    'The army said it had killed "dozens of militants" in the city of Tafas on Sunday.',
    "وأحكمت وحدات الجيش سيطرتها على مدينة طفس يوم الأحد بعد القضاء على آخر تجمعات المسلحين.",
])
def test_no_figure_where_the_report_gives_none(text):
    assert {e.fatalities for e in extract_events(text, "2019-05-07") if e.place_name_en == "Tafas"} == {None}


def test_a_fight_named_with_a_place_of_its_own_is_no_pointer_back():
    text = ("Government troops captured the town of Nahta on Saturday.\n"
            "At least nine civilians were killed in the shelling of the nearby town of Jasim, a monitor said.")
    ev = extract_events(text, "2018-06-25")
    assert {e.location: e.fatalities for e in ev}.get("Nahta", "none") is None


@pytest.mark.parametrize("text, place", [
    ("Opposition fighters attacked the Nasib border crossing at dawn on Friday. Three soldiers were killed when the "
     "rebels stormed the crossing, a monitor said.", "Nasib border crossing"),
    ("هاجم مقاتلون حاجز المخابرات الجوية في بلدة نوى فجر اليوم.\nوقتل ثلاثة عناصر من قوات النظام أثناء اقتحام الحاجز.",
     "نوى"),
])
def test_the_dead_of_a_site_named_again_by_its_noun_are_the_attacks(text, place):
    assert {e.location: e.fatalities for e in extract_events(text, "2015-04-03")} == {place: 3}


def test_the_dead_at_a_site_in_another_town_are_not_the_attacks_before():
    text = ("هاجم مقاتلون حاجز المخابرات الجوية في بلدة نوى فجر اليوم.\n"
            "وقتل ثلاثة عناصر من قوات النظام أثناء اقتحام الحاجز في بلدة جاسم.")
    killed = {e.location: e.fatalities for e in extract_events(text, "2015-04-03")}
    assert killed["نوى"] is None and killed["جاسم"] == 3


@pytest.mark.parametrize("text, place, killed", [
    ("قتل 6 مواطنين بينهم 3 أطفال جراء قصف الطائرات الحربية على مناطق في بلدة ابطع صباح اليوم.", "ابطع", 6),
    ("اغتال مسلحون مجهولون مساء أمس قيادياً سابقاً في مدينة طفس، ما أدى لمقتله.", "طفس", 1),
    ("فتح عناصر الأمن النار على المتظاهرين في مدينة إزرع أمس، ما أدى إلى مقتل سبعة متظاهرين، ونقل الجرحى إلى المشفى "
     "الوطني في مدينة الصنمين.", "إزرع", 7),
    ("Security forces opened fire on protesters in the town of Izra on Friday, killing seven, and the wounded were "
     "taken to a hospital in the town of Sanamayn.", "Izra", 7),
])
def test_the_toll_of_one_town_told_with_its_parts_its_victims_or_its_wounded(text, place, killed):
    assert {e.location: e.fatalities for e in extract_events(text, "2016-06-14")}.get(place) == killed


def test_a_toll_over_the_areas_of_two_towns_is_no_towns():
    text = "قتل 6 مواطنين جراء قصف الطائرات الحربية على مناطق في بلدتي ابطع وداعل صباح اليوم."
    assert {e.fatalities for e in extract_events(text, "2016-06-14")} == {None}


@pytest.mark.parametrize("text, place, killed", [
    ("وقصفت الطائرات الروسية يوم الخميس بلدة صيدا، ما أدى لمقتل عائلة مؤلفة من أربعة أشخاص.", "صيدا", 4),
    ("شهدت محافظة درعا خلال الأيام الماضية سلسلة من الحوادث، إذ قتل شاب برصاص مسلحين في بلدة الحراك مساء السبت.",
     "الحراك", 1),
])
def test_a_family_counted_and_an_incident_after_a_summary_of_days(text, place, killed):
    assert {e.location: e.fatalities for e in extract_events(text, "2018-07-08")}.get(place) == killed


def test_two_tolls_in_two_places_do_not_add_up():
    text = "قتل ثلاثة مدنيين في بلدة الحراك ومقتل عنصرين في بلدة ناحتة بقصف مدفعي أمس."
    killed = {e.location: e.fatalities for e in extract_events(text, "2018-07-08")}
    assert 5 not in killed.values()


@pytest.mark.parametrize("text, place, killed", [
    ("وكان التنظيم قد أعدم يوم السبت الماضي ثلاثة مدنيين في بلدة حيط.", "حيط", 3),
    ("وفي مدينة درعا، استشهدت طفلة وأصيب 5 مدنيين أمس جراء سقوط قذيفتي هاون على حي المطار.", "حي المطار", 1),
    ("Another five rebels died in clashes near the Jordanian border crossing at Nasib, the group said.", "Nasib", 5),
])
def test_tolls_told_with_a_day_a_quarter_or_another_before_them(text, place, killed):
    assert {e.location: e.fatalities for e in extract_events(text, "2018-07-10")}.get(place) == killed


def test_a_total_since_a_day_over_quarters_named_like_a_road_is_no_ones():
    text = ("وقال المرصد إن ثمانية مدنيين، بينهم امرأتان وطفل، قتلوا منذ يوم الخميس جراء القصف على أحياء درعا البلد "
            "وطريق السد والمخيم.")
    assert {e.fatalities for e in extract_events(text, "2018-07-20")} == {None}


@pytest.mark.parametrize("text, place", [
    ("Local gunmen clashed with an Islamic State cell in Inkhil on Tuesday. Four gunmen were killed.", "Inkhil"),
    ("اشتبك مسلحون محليون مع خلية لتنظيم داعش في مدينة انخل يوم الثلاثاء. وقتل أربعة مسلحين.", "انخل"),
])
def test_a_short_sentence_of_a_toll_alone_is_the_event_befores(text, place):
    assert {e.location: e.fatalities for e in extract_events(text, "2022-05-18")}.get(place) == 4


def test_a_toll_placed_elsewhere_is_not_the_event_befores():
    text = "Local gunmen clashed with an Islamic State cell in Inkhil on Tuesday. Four gunmen were killed in Jasim."
    assert {e.location: e.fatalities for e in extract_events(text, "2022-05-18")}.get("Inkhil") is None


@pytest.mark.parametrize("sentence, n", [
    ("اغتيل شاب في بلدة داعل مساء أمس.", 1),
    ("استهدفت عبوة ناسفة سيارة قيادي ما أدى إلى مقتل سائقها.", 1),
    ("ما أدى إلى مقتله مع زوجته.", 2),
])
def test_the_passive_a_possessed_companion_and_with_his_wife(sentence, n):
    assert [d.count for d in deaths(sentence)] == [n]


def test_both_ends_of_a_road_named_by_them_share_its_toll():
    text = "Gunmen opened fire on a former rebel commander near the Dael-Ibta' road last night, killing him instantly."
    assert {e.location: e.fatalities for e in extract_events(text, "2019-11-12")} == {"Dael": 1, "Ibta'": 1}


def test_a_new_strike_in_the_next_paragraph_gives_no_toll_to_the_capture_before():
    text = ("سيطرت قوات النظام على بلدة الغارية الغربية يوم الجمعة الخامس من أيار، بعد انسحاب الفصائل منها.\n\n"
            "وقصفت الطائرات الروسية يوم الخميس الماضي بلدة الكرك الشرقي، ما أدى لمقتل عائلة مؤلفة من ثلاثة أشخاص.")
    assert {e.location: e.fatalities for e in extract_events(text, "2018-05-08")} == {
        "الغارية الغربية": None, "الكرك الشرقي": 3}


@pytest.mark.parametrize("sentence, n", [
    ("سقط خمسة عشر قتيلاً في قصف على المدينة.", 15),
    ("سقط سبعة عشر شهيداً بينهم أطفال.", 17),
    ("وقعت مجزرة في البلدة راح ضحيتها سبعة مدنيين.", 7),
    ("اشتبكت دورية مع مهربين على الحدود ما أدى إلى مقتل مهرب.", 1),
    ("قتل رجل وزوجته وأطفاله الثلاثة في قصف على البلدة.", 5),
    ("قتلت امرأة وأطفالها الأربعة في قصف على البلدة.", 5),
    ("The strike hit a house, killing a drug dealer, his wife and six children.", 8),
    ("The shelling killed a farmer, his son and two neighbours.", 4),
])
def test_teens_in_words_whose_victims_and_lists_after_a_comma(sentence, n):
    assert [d.count for d in deaths(sentence)] == [n]


def test_a_comma_after_the_dead_that_ends_no_list_adds_no_one():
    assert [d.count for d in deaths("Gunmen killed a man, his brother said on Monday.")] == [1]


@pytest.mark.parametrize("sentence, n", [
    ("killing two officers, and residents of the town protested.", 2),
    ("The shelling killed two soldiers, and dozens of civilians.", -1),
])
def test_a_plural_after_comma_and_is_another_clauses_people_unless_counted(sentence, n):
    assert [d.count for d in deaths(sentence)] == [n]


def test_the_wounded_taken_to_a_field_hospital_leave_the_toll_to_its_event():
    text = ("ألقى الطيران المروحي برميلين متفجرين على بلدة اليادودة، ما أسفر عن مقتل امرأة وطفلها وإصابة آخرين نقلوا "
            "إلى مشفى ميداني في بلدة المزيريب.")
    assert [(e.location, e.fatalities) for e in extract_events(text, "2016-03-05")] == [("اليادودة", 2)]


@pytest.mark.parametrize("sentence, n", [
    ("Two of them were killed.", 2),
    ("Shelling killed two soldiers and three civilians were wounded.", 2),
    ("Shelling killed two soldiers, and 3 civilians were wounded in the town.", 2),
    ("The strike killed two soldiers and three civilians.", 5),
])
def test_of_them_and_the_wounded_after_and(sentence, n):
    assert [d.count for d in deaths(sentence)] == [n]


def test_a_toll_of_two_of_them_goes_to_the_event_before():
    text = "Gunmen threw a bomb at a gathering of men in the centre of Da'el on Saturday. Two of them were killed."
    assert [e.fatalities for e in extract_events(text, "2021-03-01")] == [2]


@pytest.mark.parametrize("text, place, n", [
    ("سيطرت الفصائل أمس على بلدة مسحرة. وأضاف المراسل أن المعارك أسفرت عن مقتل أربعة عشر عنصراً من قوات النظام.",
     "مسحرة", 14),
    ("أطلقت قوات الأمن النار على متظاهرين في مدينة الصنمين. وقال ناشطون إن عشرين شخصاً قتلوا هناك.", "الصنمين", 20),
    ("قصفت قوات النظام مدينة نوى. وارتفع عدد القتلى إلى خمسة عشر.", "نوى", 15),
    ("Regime jets bombed Nawa on Monday. The death toll rose to nine on Tuesday.", "Nawa", 9),
    ("سيطر الثوار اليوم على كتيبة الدفاع الجوي قرب بلدة صيدا، فيما قتل خلال الاقتحام سبعة عشر عنصراً من قوات النظام.",
     "كتيبة الدفاع الجوي", 17),
])
def test_a_toll_told_after_a_saying_there_raised_or_in_a_clause_of_its_own(text, place, n):
    assert {e.location: e.fatalities for e in extract_events(text, "2014-10-05")}.get(place) == n


def test_a_rank_after_the_first_victim_keeps_the_count_going():
    assert [d.count for d in deaths("ما أدى إلى مقتل ضابط برتبة ملازم أول وعنصر.")] == [2]


@pytest.mark.parametrize("text, n", [
    ("استشهد 3 مدنيين بينهم طفل جراء قصف مدفعي على بلدة الغارية الشرقية أمس.", 3),
    ("استشهد خمسة مواطنين، من بينهم سيدة، جراء غارة جوية على مدينة إنخل.", 5),
    ("قتل 4 مدنيين بينهم امرأة وطفلها في قصف على بلدة علما.", 4),          # her child is of the four
    ("قتل 6 مدنيين بينهم امرأة وطفلان بقصف على بلدة علما.", 6),
    ("Shelling killed seven people, including two children, in Busra al-Harir on Friday.", 7),
])
def test_the_victims_among_a_toll_are_of_it_not_a_part_placed_or_added(text, n):
    assert [e.fatalities for e in extract_events(text, "2017-03-10") if e.sub_event_type != "Peaceful protest"] == [n]


@pytest.mark.parametrize("text, tolls", [
    ("قتلت قوات الأمن 15 متظاهراً، بينهم 11 في مدينة جاسم و4 في بلدة إنخل.", {"جاسم": 11, "إنخل": 4}),
    ("Security forces killed ten protesters, including seven in Jasim and three in Inkhil.", {"Jasim": 7, "Inkhil": 3}),
    ("قتل 9 أشخاص بينهم ثلاثة في بلدة علما جراء القصف.", {"علما": 3}),
])
def test_a_breakdown_of_a_toll_gives_each_place_its_part(text, tolls):
    got = {e.location: e.fatalities for e in extract_events(text, "2011-04-23") if e.fatalities is not None}
    assert got == tolls


@pytest.mark.parametrize("text, n", [
    ("Between five and eight civilians were killed when warplanes struck Nawa on Friday.", 5),
    ("Russian jets killed between 4 and 6 people in Nawa on Friday.", 4),
    ("قتل ما بين ستة وتسعة مدنيين جراء غارات على مدينة نوى يوم الجمعة.", 6),
])
def test_a_range_of_dead_is_its_lower_figure_not_their_sum(text, n):
    assert [e.fatalities for e in extract_events(text, "2018-07-01")] == [n]


def test_clashes_between_two_sides_are_no_range():
    assert [d.count for d in deaths("Clashes between the army and rebels killed five people in Nawa.")] == [5]


def test_the_israeli_armys_eliminated_him_is_one_dead():
    text = "أعلن الجيش الإسرائيلي أنه رصد مسلحاً يقترب من السياج قرب بلدة الرفيد وتم القضاء عليه."
    assert [(e.location, e.fatalities) for e in extract_events(text, "2025-06-02")] == [("الرفيد", 1)]


def test_a_toll_the_next_sentence_tells_of_the_battle_goes_to_the_capture():
    text = "سيطر الجيش اليوم على بلدة علما بعد معارك عنيفة. وأكد مصدر عسكري أن الجيش قتل خلال المعارك 30 إرهابياً."
    assert {e.fatalities for e in extract_events(text, "2018-07-16")} == {30}


@pytest.mark.parametrize("text, n", [
    ("Last week, a roadside bomb struck a military bus near Tafas, killing three soldiers.", 3),
    ("Regime forces stormed Jasim on Sunday, killing 12 people, the deadliest attack since 2018.", 12),
    ("On 8 June, gunmen shot dead Ahmad al-Masri in Tafas.", 1),
    ("Gunmen killed Mohammad al-Hariri and Ahmad Abu Zaid in Tafas on Monday.", 2),
])
def test_one_incidents_toll_told_with_a_vague_day_a_comparison_or_the_victims_names(text, n):
    assert {e.fatalities for e in extract_events(text, "2022-06-14")} == {n}


@pytest.mark.parametrize("text", [
    "Last week, 20 people were killed in shelling on Jasim.",
    "Shelling has killed 20 people in Jasim since Sunday.",
])
def test_a_toll_over_days_is_still_no_incidents(text):
    assert {e.fatalities for e in extract_events(text, "2022-06-14")} == {None}


def test_a_total_of_the_last_month_is_still_no_incidents():
    text = "Last month, a total of 30 people were killed in Jasim."
    assert {e.fatalities for e in extract_events(text, "2020-05-05")} == {None}


def test_the_martyr_who_rose_is_one_dead():
    text = "نعت مديرية الأمن الداخلي الشهيد الرقيب أحمد الزعبي، الذي ارتقى فجر اليوم برصاص مسلحين في مدينة طفس."
    assert {e.fatalities for e in extract_events(text, "2025-08-02")} == {1}


@pytest.mark.parametrize("text, n", [
    ("Rebels overran the village of Abdin on Sunday. Activists said at least 14 soldiers were killed.", 14),
    ("قصفت قوات النظام بلدة الغارية الغربية يوم الاثنين. وقال ناشطون إن تسعة أشخاص قتلوا.", 9),
])
def test_a_short_toll_sentence_after_who_says_it_is_the_events_toll(text, n):
    assert {e.fatalities for e in extract_events(text, "2013-03-26")} == {n}


@pytest.mark.parametrize("text, n", [
    ("قتل أربعة عناصر من الأمن العام بانفجار لغم في بلدة الشجرة. وارتفعت حصيلة القتلى مساءً إلى ستة بعد وفاة "
     "اثنين من الجرحى.", 6),
    ("Two policemen were killed by a roadside bomb in Dael on Friday. The death toll later rose to four.", 4),
])
def test_a_toll_that_rose_in_the_next_sentence_is_the_higher_one(text, n):
    assert {e.fatalities for e in extract_events(text, "2024-05-11")} == {n}


def test_earlier_this_month_one_strike_keeps_its_toll():
    text = "Earlier this month, an Israeli drone strike killed four people near the town of Nawa."
    assert {e.fatalities for e in extract_events(text, "2025-04-20")} == {4}


@pytest.mark.parametrize("text", [
    "Government forces shelled the town of Tafas on Friday, the monitor said, without giving a toll.",
    "قصفت قوات النظام بلدة طفس يوم الجمعة دون ذكر حصيلة للضحايا.",
])
def test_no_toll_given_is_no_toll_not_none_killed(text):
    assert {e.fatalities for e in extract_events(text, "2014-05-10")} == {None}


@pytest.mark.parametrize("text, n", [
    ("A former rebel who had joined the 5th Corps was shot dead in Busra al-Sham on Saturday.", 1),
    ("اغتال مسلحون مجهولون مساء أول من أمس شاباً في بلدة المسيفرة.", 1),
])
def test_a_units_ordinal_and_the_day_before_yesterday_are_no_part_of_the_toll(text, n):
    assert {e.fatalities for e in extract_events(text, "2022-05-02")} == {n}


@pytest.mark.parametrize("text, n", [
    ("وقال المرصد إن 12 عنصراً من قوات النظام قتلوا في الاشتباكات على أطراف بلدة علما.", 12),
    ("اشتبكت دورية للأمن مع مهربين قرب بلدة ذيبين، ما أدى إلى مقتل ثلاثة من المهربين واستشهاد عنصرين من الأمن.", 5),
])
def test_a_toll_past_the_victims_unit_and_the_two_sides_dead_added(text, n):
    assert {e.fatalities for e in extract_events(text, "2017-02-13")} == {n}


def test_the_next_sentences_toll_over_two_places_is_neither_ones():
    text = "Fighting raged on Tuesday near Nawa and Sheikh Saad. At least 31 rebels were killed in the battles."
    assert {e.fatalities for e in extract_events(text, "2017-02-21")} == {None}


@pytest.mark.parametrize("text, place, n", [
    ("Six policemen killed in attack in Syria's Daraa\n\nGunmen stormed a police post in the town of Dael on Monday "
     "and opened fire on the officers inside, local sources said.", "Dael", 6),
    ("مقتل أربعة عناصر بهجوم في ريف درعا\n\nهاجم مسلحون مجهولون فجر اليوم حاجزاً للأمن العسكري في بلدة الجيزة "
     "واشتبكوا مع عناصره.", "الجيزة", 4),
])
def test_a_headlines_toll_at_the_governorate_is_the_toll_of_the_town_the_lead_names(text, place, n):
    ev = extract_events(text, "2020-05-05")
    assert {e.fatalities for e in ev if e.location == place} == {n}
    assert {e.fatalities for e in ev if e.geo_precision == 3} <= {None}


def test_a_headline_that_is_a_sentence_keeps_its_toll():
    text = ("Six policemen were killed in Daraa on Monday.\nGunmen stormed a police post in the town of Dael on "
            "Monday.")
    assert {e.location: e.fatalities for e in extract_events(text, "2020-05-05")}.get("Dael") is None


@pytest.mark.parametrize("text, n", [
    ("Two cousins were shot dead near the town of Dael on Monday.", 2),
    ("Regime artillery pounded the town of Tafas on Monday. At least eleven people were killed, a medic said.", 11),
    ("Regime artillery pounded the town of Tafas on Monday. According to local activists, eleven people were killed.",
     11),
    ("قصفت المدفعية بلدة طفس يوم الاثنين. وقتل أحد عشر مدنياً، بحسب ناشطين محليين.", 11),
])
def test_shot_dead_after_its_subject_and_a_toll_sentence_with_its_source_at_either_end(text, n):
    assert {e.fatalities for e in extract_events(text, "2018-07-10")} == {n}


@pytest.mark.parametrize("text, tolls", [
    # a bare figure placed at one town of the list is that town's part; who the dead were, then where, the whole
    ("Government artillery shelled Inkhil, Jasim and Nimr on Friday, killing nine civilians, including four "
     "in Jasim.", {"Inkhil": None, "Jasim": 4, "Nimr": None}),
    ("قصفت المدفعية بلدات إنخل وجاسم ونمر، ما أدى إلى مقتل تسعة مدنيين منهم أربعة في جاسم.",
     {"إنخل": None, "جاسم": 4, "نمر": None}),
    ("Government artillery shelled Inkhil, Jasim and Nimr on Friday, killing nine civilians, including four "
     "women in Jasim.", {"Inkhil": None, "Jasim": 9, "Nimr": None}),
    ("قصفت المدفعية بلدات إنخل وجاسم ونمر، ما أدى إلى مقتل تسعة مدنيين بينهم أربع نساء في جاسم.",
     {"إنخل": None, "جاسم": 9, "نمر": None}),
    ("The monitor said 14 of the dead were in Nawa, where regime helicopters dropped barrel bombs on Monday.",
     {"Nawa": 14}),
    ("وكان ناشطون قد أكدوا أن 11 مقاتلاً على الأقل من الكتائب المقاتلة لقوا مصرعهم في كمين قرب بلدة عتمان.",
     {"عتمان": 11}),
])
def test_the_part_of_a_toll_placed_at_one_town_of_a_list_or_a_sentence(text, tolls):
    assert {e.location: e.fatalities for e in extract_events(text, "2021-08-01")} == tolls


@pytest.mark.parametrize("text, n", [
    ("فتحت قوات الأمن النار على المشيعين في بلدة الحراك اليوم. وقال ناشط من البلدة إن الحصيلة بلغت خمسة قتلى.", 5),
    ("فتحت قوات الأمن النار على المشيعين في بلدة الحراك اليوم. وأكد ناشط أن حصيلة الحراك وحدها بلغت خمسة قتلى.", 5),
    ("فتحت قوات الأمن النار على المشيعين في بلدة الحراك اليوم. وقال ناشط إن حصيلة القتلى ارتفعت إلى خمسة.", 5),
])
def test_a_toll_sentence_that_opens_with_the_toll_after_who_says_it(text, n):
    assert {e.fatalities for e in extract_events(text, "2011-05-01")} == {n}


@pytest.mark.parametrize("text, n", [
    ("قتل أربعة مدنيين على الأقل، صباح اليوم، في غارات جوية على أحياء درعا البلد.", 4),
    ("قتل أربعة مدنيين في قصف على أحياء متفرقة من مدينة نوى.", None),
])
def test_the_neighbourhoods_of_one_place_are_not_a_toll_spread_over_places(text, n):
    assert {e.fatalities for e in extract_events(text, "2016-03-02")} == {n}


@pytest.mark.parametrize("text, n", [
    ("وكان مجند من الفرقة الخامسة عشرة استشهد مساء أمس برصاص مسلحين مجهولين في بلدة الكرك الشرقي.", 1),
    ("عنصران من الأمن العسكري قتلا برصاص مسلحين قرب بلدة المليحة الغربية.", 2),
])
def test_who_shot_the_dead_comes_after_the_verb_and_the_subject_before_it_is_counted(text, n):
    assert {e.fatalities for e in extract_events(text, "2022-03-15")} == {n}


@pytest.mark.parametrize("text, tolls", [
    ("Warplanes pounded the town of Tafas on Tuesday. Activists said the raids killed 17 people.", {"Tafas": 17}),
    ("Warplanes pounded the town of Tafas late Tuesday, a monitor said. The monitor later said the death toll had "
     "risen to 17.", {"Tafas": 17}),
    ("Warplanes pounded the town of Tafas on Tuesday. The monitor said the raids killed 17 civilians, including "
     "three women, raising an earlier toll of eleven.", {"Tafas": 17}),
    ("Warplanes pounded the town of Tafas on Tuesday. Activists said the raids on Inkhil killed 17 people.",
     {"Tafas": None, "Inkhil": 17}),
])
def test_an_english_toll_sentence_after_who_says_it_points_back_to_the_event(text, tolls):
    assert {e.location: e.fatalities for e in extract_events(text, "2018-06-28")} == tolls


@pytest.mark.parametrize("text, n", [
    ("اقتحمت قوات الأمن بلدة الحراك اليوم، وتحدث ناشطون عن سقوط ما لا يقل عن 14 قتيلا.", 14),
    ("Security forces stormed the town of Hirak on Friday, and no fewer than 14 people were killed.", 14),
    ("أطلق عناصر حاجز النار على سيارة قرب بلدة الحراك، فقتلوا أحدهم وأصابوا اثنين.", 1),
    ("لقي عنصران من فرع الأمن الجنائي حتفهما مساء أمس بانفجار لغم قرب بلدة الحراك.", 2),
    ("قتل رجل وزوجته وطفلهما جراء سقوط قذيفة على منزلهم في بلدة الحراك.", 3),
    ("قتل الشقيقان برصاص قناص في بلدة الحراك.", 2),
])
def test_floors_one_of_them_a_unit_before_the_fate_a_child_of_two_and_brothers(text, n):
    assert {e.fatalities for e in extract_events(text, "2012-04-06") if e.location in ("الحراك", "Hirak")} == {n}


@pytest.mark.parametrize("text, n", [
    ("Gunmen shot dead Ahmad al-Hariri, 27, in the town of Dael on Monday.", 1),
    ("Gunmen shot dead on Monday two members of the General Security in the town of Dael.", 2),
    ("Gunmen shot dead late on Friday night a former rebel in the town of Dael.", 1),
])
def test_an_age_after_a_name_and_a_day_before_the_victims(text, n):
    assert {e.fatalities for e in extract_events(text, "2025-03-25")} == {n}


def test_a_martyr_named_in_a_list_of_the_dead_is_one():
    text = "2- الشهيد محمود خالد الحريري – من بلدة داعل – جراء القصف المدفعي على البلدة اليوم."
    assert {e.fatalities for e in extract_events(text, "2013-03-15")} == {1}


def test_a_units_name_after_the_martyr_is_no_toll():
    text = "اشتبك مقاتلو كتيبة الشهيد محمود الحريري مع قوات النظام اليوم في بلدة داعل."
    assert {e.fatalities for e in extract_events(text, "2013-03-15")} == {None}


@pytest.mark.parametrize("text, n", [
    ("The army said an Israeli strike killed several people near the town of Hadar on Saturday. A local news site "
     "later put the toll at three soldiers and a civilian.", 4),
    ("قتل عدد من الأشخاص في قصف على بلدة حضر اليوم. وارتفعت حصيلة القتلى إلى تسعة.", 9),
])
def test_a_vague_toll_given_its_figure_by_the_next_sentence(text, n):
    assert {e.fatalities for e in extract_events(text, "2017-06-24")} == {n}


@pytest.mark.parametrize("text, n", [
    ("انفجرت عبوة ناسفة اليوم بسيارة قيادي سابق قرب بلدة غصم، ما أسفر عن مقتله ومرافقَين اثنين له.", 3),
    ("اعتقلت دورية للأمن العام أمس في بلدة غصم ثلاثة أشخاص يشتبه بتورطهم في مقتل أحد عناصرها.", None),
    ("Security forces detained three men in the town of Ghasm accused of killing a policeman.", None),
    ("قتل خمسة أشخاص في سلسلة اغتيالات شهدتها بلدة غصم وقرى مجاورة ليل أمس.", None),
])
def test_a_leader_and_his_two_companions_a_charge_and_a_town_with_its_neighbours(text, n):
    assert {e.fatalities for e in extract_events(text, "2023-08-15") if e.location in ("غصم", "Ghasm")} == {n}


@pytest.mark.parametrize("text, place, n", [
    ("استشهد شاب اليوم برصاص قناص في بلدة اليادودة، الله يرحمه.", "اليادودة", 1),
    ("امبارح استشهدوا تلات شباب بقصف على بلدة المزيريب، الله يرحمهم.", "المزيريب", 3),
])
def test_a_prayer_for_the_dead_is_no_place_and_leaves_the_toll_whole(text, place, n):
    ev = extract_events(text, "2017-06-25")
    assert {e.location for e in ev} == {place} and {e.fatalities for e in ev} == {n}


@pytest.mark.parametrize("text, n", [
    ("وقضت وحدة من الجيش صباح اليوم على 7 إرهابيين في بلدة إنخل.", 7),
    ("قضى ثلاثة أطفال جراء القصف على بلدة إنخل.", 3),
    ("A mortar shell hit a house in Inkhil on Monday, killing two civilians, a woman and her daughter.", 2),
    ("A mortar shell hit a house in Inkhil on Monday, killing three people, a man and his two sons.", 3),
    ("A mortar shell hit a house in Inkhil on Monday, killing two men, a woman and her daughter.", 4),
])
def test_militants_eliminated_past_the_subject_and_victims_named_after_their_count(text, n):
    assert {e.fatalities for e in extract_events(text, "2022-11-08") if e.location in ("إنخل", "Inkhil")} == {n}


@pytest.mark.parametrize("text, want", [
    ("استشهد في بلدة اليادودة ثلاثة مدنيين جراء القصف.", {"اليادودة": 3}),
    ("كما استشهد في مدينة إنخل 3 متظاهرين برصاص الأمن، وشابان في مدينة نوى خلال تفريق مظاهرة.",
     {"إنخل": 3, "نوى": 2}),
    ("- اليادودة: 4 شهداء، استشهدوا برصاص قوات النظام.", {"اليادودة": 4}),
    ("- اليادودة: 11 شهيداً بينهم 3 أطفال، جراء القصف الذي تتعرض له البلدة منذ ساعات الصباح الأولى اليوم.",
     {"اليادودة": 11}),
    ("قصف الطيران بلدتي إنخل ونوى، ما أسفر عن مقتل تسعة مدنيين في إنخل، بينهم خمسة أطفال، وثلاثة آخرين في نوى.",
     {"إنخل": 9, "نوى": 3}),
    ("انفجر لغم أرضي على الطريق الواصل بين بلدتي إنخل ونوى أدى إلى مقتل أربعة مدنيين.", {"إنخل": 4, "نوى": 4}),
])
def test_tolls_as_local_networks_write_them(text, want):
    ev = extract_events(text, "2012-08-22")
    assert {e.location: e.fatalities for e in ev if e.geo_precision == 1} == want


@pytest.mark.parametrize("text, place, n", [
    ("Last month, Israeli forces shelled Inkhil, killing two civilians.", "Inkhil", 2),
    ("In March last year, Israeli strikes on Inkhil killed six people.", "Inkhil", 6),
    ("Israeli forces have killed 40 people in Inkhil and nearby villages so far this year.", "Inkhil", None),
])
def test_a_month_before_a_vague_time_is_one_incidents_day_not_a_total(text, place, n):
    assert {e.fatalities for e in extract_events(text, "2025-04-13") if e.location == place} == {n}


@pytest.mark.parametrize("text, place, n", [
    ("Israeli strikes killed four people in a village in southern Syria on Monday, a monitor said. The strikes hit "
     "two houses on the edge of Inkhil.", "Inkhil", 4),
    ("Gunmen killed six policemen in an attack on a checkpoint in Daraa province on Monday. The attackers opened fire "
     "on the checkpoint at the entrance to Inkhil.", "Inkhil", 6),
    ("Gunmen killed six policemen in Nawa on Monday. The attackers also opened fire on a checkpoint in Inkhil.",
     "Inkhil", None),
])
def test_a_leads_toll_placed_no_nearer_than_a_province_goes_to_the_place_the_next_sentence_gives(text, place, n):
    assert {e.fatalities for e in extract_events(text, "2025-04-08") if e.location == place} == {n}


@pytest.mark.parametrize("text, n", [
    ("Rebels captured Inkhil on Wednesday. At least 12 soldiers and allied militiamen and nine rebels were killed in "
     "the battle, the monitor said.", 21),
    ("At least 11 rebels and seven soldiers and militiamen were killed in clashes in Inkhil on Monday.", 18),
    ("Three soldiers and civilians were killed in clashes in Inkhil on Monday.", None),
])
def test_soldiers_and_their_allied_militiamen_are_one_count(text, n):
    assert {e.fatalities for e in extract_events(text, "2015-03-25") if e.location == "Inkhil"} == {n}


@pytest.mark.parametrize("text, n", [
    # a toll's rise told far from its figure, or with the figure first (the monitors' follow-up form)
    ("ارتفعت حصيلة القتلى جراء انفجار سيارة مفخخة في مدينة إنخل مساء السبت إلى خمسة أشخاص.", 5),
    ("ارتفعت إلى 4 حصيلة القتلى جراء انفجار عبوة ناسفة في مدينة إنخل مساء السبت.", 4),
    ("ارتفع عدد قتلى انفجار العبوة في مدينة إنخل مساء السبت إلى ستة، بعد وفاة اثنين من الجرحى.", 6),
    # a shelling since dawn is that day's: its toll is the event's, not a total over days
    ("قصفت قوات النظام منذ الفجر مدينة إنخل بالمدفعية الثقيلة، ما أدى إلى مقتل ثلاثة مدنيين.", 3),
    # "one" after the noun is the noun's, not "و" and another victim
    ("قتل شخص واحد وأصيب آخرون بقصف مدفعي على مدينة إنخل مساء السبت.", 1),
    # a leader's group between him and his companions, and a man's name before the next victim
    ("قتل قيادي في تنظيم داعش وأربعة من مرافقيه مساء السبت باشتباك مع قوات الأمن في مدينة إنخل.", 5),
    ("أسفر الهجوم على حاجز الأمن العام في مدينة إنخل مساء السبت عن مقتل الشاب سامر الخطيب وعنصر من الحاجز.", 2),
])
def test_arabic_tolls_risen_since_dawn_one_and_companions(text, n):
    assert {e.fatalities for e in extract_events(text, "2025-02-03") if e.location == "إنخل"} == {n}


@pytest.mark.parametrize("text, place, n", [
    # a lead's toll placed no nearer than "the province of X" or "a village in south-western Syria", and
    # the next sentence's attacker or "the dead in Y"
    ("Seven policemen were killed when a gunman attacked a checkpoint in the province of Quneitra on Sunday, "
     "a monitor said. The gunman opened fire at the checkpoint on the edge of Inkhil.", "Inkhil", 7),
    ("Five people were killed in an Israeli drone strike on a village in south-western Syria, a monitor says. The "
     "Observatory said the dead in Inkhil were all farmers.", "Inkhil", 5),
    # "N of those" after a total: the part killed at one of its places
    ("Jets struck Nawa and Inkhil on Monday, killing 12 civilians. Five of those were killed in a strike on a market "
     "in Inkhil.", "Inkhil", 5),
])
def test_wire_leads_and_parts_of_a_total(text, place, n):
    assert {e.fatalities for e in extract_events(text, "2024-06-04") if e.location == place} == {n}


@pytest.mark.parametrize("text, place, n", [
    # village pages: the Levantine passive "انقتل", "شب" (a young man), "ع" for "على"
    ("مبارح بالليل صار اشتباك بإنخل وانقتل فيه شابين وعنصر من الأمن العام.", "إنخل", 3),
    ("انقتل شب اليوم العصر برصاص مجهولين ع طريق إنخل.", "إنخل", 1),
    # (and "شبان" is many young men, not two of "شب")
    ("أعدمت قوات النظام ميدانياً عدداً من الشبان في إنخل أمام ذويهم.", "إنخل", None),
])
def test_levantine_village_pages(text, place, n):
    assert {e.fatalities for e in extract_events(text, "2025-05-04") if e.location == place} == {n}
