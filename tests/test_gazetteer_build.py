"""The gazetteer builder and the committed gazetteer data (gazetteer/).

Three groups:
- the committed files themselves (always run: they are in the repo);
- a rebuild from the real source datasets, which must reproduce the committed files byte for
  byte (skipped when ../shared/data is absent);
- the builder on a small synthetic source folder with hostile values (always run).
"""

from __future__ import annotations

import csv
import json
import math
import sys
from pathlib import Path

import pytest
import shapely
from shapely.geometry import Point, shape

from eventmap.places import build as B
from eventmap.places.build import COLUMNS, build_gazetteer, read_places_tsv

REPO = Path(__file__).resolve().parents[1]
GAZ = REPO / "gazetteer"
SRC = Path(__file__).resolve().parents[2] / "shared" / "data"
SOUTH = ("SY01", "SY03", "SY12", "SY13", "SY14")
GENERATED = ("places.tsv", "build_stats.json", "boundaries/adm1.geojson", "boundaries/adm2.geojson",
             "boundaries/adm3.geojson", "boundaries/south.geojson")

csv.field_size_limit(sys.maxsize)


# --- committed data ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    return read_places_tsv(GAZ / "places.tsv")


@pytest.fixture(scope="module")
def by_id(rows) -> dict[str, dict[str, str]]:
    return {r["id"]: r for r in rows}


@pytest.fixture(scope="module")
def polygons() -> dict[str, object]:
    out = {}
    for lv in (1, 2, 3):
        for f in json.loads((GAZ / "boundaries" / f"adm{lv}.geojson").read_text(encoding="utf-8"))["features"]:
            out[f["properties"]["pcode"]] = shape(f["geometry"])
    return out


def _vals(row: dict[str, str], field: str) -> list[str]:
    return [v for v in row[field].split("|") if v]


def test_header_is_exactly_the_place_columns():
    header = (GAZ / "places.tsv").read_text(encoding="utf-8").split("\n", 1)[0].split("\t")
    assert header == ("id kind name_ar name_en variants_ar variants_en lat lon admin1_en admin1_ar admin1_pcode "
                      "admin2_en admin2_ar admin2_pcode admin3_en admin3_ar admin3_pcode source source_id flags "
                      "feature_code population note").split()
    assert tuple(header) == COLUMNS


def test_every_line_has_23_cells_and_no_stray_characters():
    text = (GAZ / "places.tsv").read_text(encoding="utf-8")
    assert "\r" not in text and "\u200f" not in text and "\u200e" not in text
    for i, line in enumerate(text.rstrip("\n").split("\n")):
        assert line.count("\t") == 22, f"line {i + 1}: {line[:80]!r}"


def test_rows_unique_ids_and_coordinates_inside_syria(rows):
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)) > 10_000
    for r in rows:
        lat, lon = float(r["lat"]), float(r["lon"])
        assert math.isfinite(lat) and math.isfinite(lon), r["id"]
        assert 32.3 <= lat <= 37.4 and 35.6 <= lon <= 42.4, (r["id"], lat, lon)
        assert len(r["lat"].split(".")[-1]) <= 6 and len(r["lon"].split(".")[-1]) <= 6


def test_counts_per_source(rows):
    src = {}
    for r in rows:
        src[r["source"]] = src.get(r["source"], 0) + 1
    assert src["wof"] == 10_599
    assert src["ocha"] == 14 + 62 + 272
    assert src["curated"] >= 10


def test_sayda_in_fiq_and_sayda_in_daraa_are_two_places(by_id):
    q = by_id["wof:1276450189"]
    assert (q["name_en"], q["name_ar"]) == ("Sayda", "صيدا")
    assert float(q["lat"]) == pytest.approx(32.87622) and float(q["lon"]) == pytest.approx(35.87609)
    assert (q["admin1_pcode"], q["admin3_pcode"], q["admin3_en"]) == ("SY14", "SY140200", "Fiq")
    assert q["note"] == "geonames:10312031" and q["source"] == "wof" and q["source_id"] == "1276450189"
    d = by_id["wof:1193129817"]
    assert d["name_ar"] == "صيدا" and d["admin1_en"] == "Dar'a" and d["admin1_pcode"] == "SY12"
    assert float(d["lat"]) == pytest.approx(32.62944)


def test_al_bakkar_sharqi_and_article_villages(by_id):
    b = by_id["wof:1293805895"]
    assert b["name_en"] == "Al Bakkar Sharqi" and b["name_ar"] == "البكار شرقي"
    assert b["admin3_en"] == "Tassil" and b["kind"] == "village" and b["feature_code"] == "PPL"
    assert "Al Bakkār Sharqī" in _vals(b, "variants_en")
    rafid = by_id["wof:1293106469"]
    assert rafid["name_ar"] == "الرفيد" and rafid["admin3_en"] == "Al-Khashniyyeh"


def test_flags_settlements_abandoned_and_outside(rows, by_id):
    stl = [r for r in rows if "israeli_settlement" in _vals(r, "flags")]
    assert len(stl) == 25 and all(r["feature_code"] == "STLMT" and r["admin1_pcode"] == "SY14" for r in stl)
    assert all("abandoned" in _vals(r, "flags") for r in rows if r["feature_code"] == "PPLQ")
    outside = [r for r in rows if "no_admin" in _vals(r, "flags")]
    assert len(outside) == 130 and all(not r["admin1_pcode"] for r in outside)
    assert "admin_seat" in _vals(by_id["wof:1193144729"], "flags")  # Fiq, PPLA2
    assert by_id["wof:1193144729"]["kind"] == "city"


def test_duplicate_wof_records_are_flagged_not_dropped(rows, by_id):
    dup = by_id["wof:1141906035"]  # the second Dar'a record (no GeoNames id, 0.7 km away)
    assert "duplicate" in _vals(dup, "flags") and "duplicate_of:wof:421197257" in dup["note"]
    assert "duplicate" not in _vals(by_id["wof:421197257"], "flags")
    assert "Dar'a" in _vals(by_id["wof:421197257"], "variants_en")  # the duplicate's name joins the kept row
    q = by_id["wof:1141906991"]  # Al Qunaytirah without GeoNames id -> the GeoNames record
    assert "duplicate_of:wof:1125979117" in q["note"]
    manbij = by_id["wof:1125781547"]  # same GeoNames id twice; WOF superseded this one
    assert _vals(manbij, "flags") == ["duplicate"] and "duplicate_of:wof:1141906291" in manbij["note"]
    # two GeoNames features are never merged: both Saydas, and every duplicate points at a real row
    assert "duplicate" not in by_id["wof:1276450189"]["flags"]
    dups = [r for r in rows if "duplicate" in _vals(r, "flags")]
    assert 10 <= len(dups) <= 40
    for r in dups:
        target = r["note"].split("duplicate_of:")[1].split()[0]
        assert target in by_id and "duplicate" not in by_id[target]["flags"]


def test_kinds_of_localities(by_id):
    assert by_id["wof:421197257"]["kind"] == "city"        # Dar'a (درعا), the governorate capital
    assert by_id["wof:421202165"]["kind"] == "city"        # Damascus
    assert by_id["wof:85903033"]["kind"] == "neighbourhood"
    assert by_id["wof:1276450189"]["kind"] == "village"


def test_locality_name_columns_are_in_their_script(rows):
    ar = B._ARABIC_RE
    for r in rows:
        assert not r["name_ar"] or ar.search(r["name_ar"]), r["id"]
        assert not ar.search(r["name_en"]), r["id"]
        assert all(ar.search(v) for v in _vals(r, "variants_ar")), r["id"]
        assert not any(ar.search(v) for v in _vals(r, "variants_en")), r["id"]
        assert r["name_ar"] not in _vals(r, "variants_ar") and r["name_en"] not in _vals(r, "variants_en")


def test_display_names_are_readable(rows, by_id):
    # the source writes Dar'a city "Dar a" (its ʿayn lost as a space) and Quneitra "Al Qunayţirah"
    assert by_id["wof:421197257"]["name_en"] == "Daraa"                 # درعا, governorate capital
    assert "Dar'a" in _vals(by_id["wof:421197257"], "variants_en")
    assert "Dar a" not in by_id["wof:421197257"]["variants_en"]
    assert by_id["wof:1125979117"]["name_en"] == "Quneitra"             # القنيطرة
    assert by_id["wof:421190421"]["name_en"] == "Ma'arrat an Nu'man"    # معرة النعمان
    assert by_id["wof:421197089"]["name_en"] == "As Sanamayn"           # الصنمين
    assert by_id["wof:890449867"]["name_en"] == "Busra ash Sham"        # بصرى الشام
    for r in rows:
        if r["source"] != "wof":
            continue
        en = r["name_en"]
        assert not any(c in en for c in "ḩţşāīūáḑẓå‘’ʿ"), (r["id"], en)   # transliteration marks folded
        words = en.split(" ")
        # no lower-case stump left by a lost apostrophe ("Dar a", "Nu man")
        assert not any(len(w) == 1 and w.islower() and w not in ("w",) for w in words[1:]), (r["id"], en)


@pytest.mark.parametrize("raw,ar,want", [
    ("Dar a", "درعا", "Dar'a"),
    ("Ma arrat an Nu man", "معرة النعمان", "Ma'arrat an Nu'man"),
    ("Dar Ta izzah", "دار تعزة", "Dar Ta'izzah"),
    ("As sanamayn", "الصنمين", "As Sanamayn"),
    ("Al Qunayţirah", "القنيطرة", "Al Qunaytirah"),
    ("‘Afrīn", "عفرين", "`Afrin"),
    ("Saba` wa Arba`in", "سبع وأربعين", "Saba` wa Arba`in"),      # "wa" is a connector, not a stump
    ("Al Kawukli farms", "", "Al Kawukli farms"),
    ("Deir ez-Zor", "دير الزور", "Deir ez-Zor"),                   # no ʿayn in the Arabic: nothing to put back
    ("Tall al Hamra", "تل الحمراء", "Tall al Hamra"),
    ("", "", ""),
])
def test_readable_name_en(raw, ar, want):
    assert B.readable_name_en(raw, ar) == want


def test_wof_governorate_form_is_not_a_town_name(by_id):
    tartus = by_id["wof:421182331"]
    assert tartus["name_ar"] == "طرطوس"
    assert not any(v.startswith(("محافظة", "مُحافظة")) for v in _vals(tartus, "variants_ar"))
    assert "Tartus Governate" not in _vals(by_id["wof:890449825"], "variants_en")


def test_quneitra_governorate_and_countryside_variants(by_id):
    q = by_id["ocha:SY14"]
    assert (q["kind"], q["name_ar"], q["name_en"], q["source"]) == ("governorate", "القنيطرة", "Quneitra", "ocha")
    assert {"ريف القنيطرة", "محافظة القنيطرة"} <= set(_vals(q, "variants_ar"))
    assert {"Quneitra Governorate", "Quneitra countryside", "rural Quneitra"} <= set(_vals(q, "variants_en"))
    assert q["note"] == "opensyria:sy-quneitra" and int(q["population"]) > 0
    assert (q["lat"], q["lon"]) == ("33.017092", "35.797033")  # OCHA's own centre point


def test_damascus_countryside_belongs_to_rural_damascus(by_id):
    assert "ريف دمشق" not in _vals(by_id["ocha:SY01"], "variants_ar")
    assert "Damascus countryside" not in _vals(by_id["ocha:SY01"], "variants_en")
    rd = by_id["ocha:SY03"]
    assert rd["name_ar"] == "ريف دمشق" and "Damascus countryside" in _vals(rd, "variants_en")
    assert "ريف ريف دمشق" not in _vals(rd, "variants_ar")


def test_centre_prefix_stripped_but_kept_as_variant(by_id):
    d = by_id["ocha:SY120000"]
    assert d["name_ar"] == "درعا" and "مركز درعا" in _vals(d, "variants_ar")
    assert {"ناحية درعا", "ناحية مركز درعا"} <= set(_vals(d, "variants_ar"))
    assert (d["admin1_pcode"], d["admin2_pcode"], d["admin3_pcode"]) == ("SY12", "SY1200", "SY120000")
    assert by_id["ocha:SY1400"]["name_ar"] == "القنيطرة"
    assert "منطقة القنيطرة" in _vals(by_id["ocha:SY1400"], "variants_ar")
    # OpenSyria's "Quneitra Governorate" alias on the district names the other level: dropped
    assert "Quneitra Governorate" not in _vals(by_id["ocha:SY1400"], "variants_en")


def test_opensyria_aliases_kept_and_machine_transliterations_dropped(by_id):
    ka = by_id["ocha:SY140001"]
    assert {"ناحية خان أرنبة"} <= set(_vals(ka, "variants_ar"))
    assert {"Nahiyat Khan Arnabah", "Khan Arnabah"} <= set(_vals(ka, "variants_en"))
    assert "nahyt khan arnbt" not in _vals(ka, "variants_en")


def test_region_names_are_not_given_to_a_subdistrict(by_id):
    jar = by_id["ocha:SY030103"]
    assert "الغوطة الشرقية" not in _vals(jar, "variants_ar")
    assert "ناحية الغوطة الشرقية" in _vals(jar, "variants_ar")
    assert by_id["region:eastern-ghouta"]["name_ar"] == "الغوطة الشرقية"


def _regions_csv() -> list[dict[str, str]]:
    with (GAZ / "regions.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_regions_csv_is_curated_with_reasoning(by_id):
    regs = {r["slug"]: r for r in _regions_csv()}
    for slug in ("yarmouk-basin", "yarmouk-valley", "golan", "lajat", "eastern-ghouta", "hawran",
                 "southern-syria", "quneitra-south", "quneitra-north", "daraa-west", "daraa-east", "daraa-north"):
        assert slug in regs, slug
        assert len(regs[slug]["reasoning"]) > 80
        assert f"region:{slug}" in by_id
    assert regs["yarmouk-basin"]["members"].split("|") == ["SY120003", "SY120305"]
    assert regs["golan"]["members"] == "SY14" and regs["hawran"]["members"] == "SY12"
    assert set(regs["southern-syria"]["members"].split("|")) == {"SY12", "SY13", "SY14"}
    assert set(regs["quneitra-south"]["members"].split("|")) == {"SY140002", "SY140200"}


def test_every_region_point_lies_in_its_member_polygons(by_id, polygons):
    for reg in _regions_csv():
        row = by_id[f"region:{reg['slug']}"]
        members = reg["members"].split("|")
        union = shapely.union_all([polygons[m] for m in members])
        pt = Point(float(row["lon"]), float(row["lat"]))
        assert union.buffer(1e-3).contains(pt), reg["slug"]
        for m in members:
            assert m in row["note"]
        assert (row["kind"], row["source"]) == ("region", "curated")


def test_yarmouk_basin_row(by_id, polygons):
    y = by_id["region:yarmouk-basin"]
    assert y["name_ar"] == "حوض اليرموك" and y["admin1_pcode"] == "SY12" and y["admin2_pcode"] == ""
    assert "SY120003" in y["note"] and "SY120305" in y["note"]
    pt = Point(float(y["lon"]), float(y["lat"]))
    assert shapely.union_all([polygons["SY120003"], polygons["SY120305"]]).contains(pt)
    assert not polygons["SY120005"].contains(pt)  # not in Mzeireb


def test_region_common_parents(by_id):
    assert by_id["region:golan"]["admin1_pcode"] == "SY14"
    assert by_id["region:southern-syria"]["admin1_pcode"] == ""
    assert by_id["region:yarmouk-valley"]["admin1_pcode"] == ""  # Fiq is Quneitra, the rest Dar'a
    assert by_id["region:eastern-ghouta"]["admin1_pcode"] == "SY03"


def test_boundaries_properties_and_levels():
    for lv in (1, 2, 3):
        fc = json.loads((GAZ / "boundaries" / f"adm{lv}.geojson").read_text(encoding="utf-8"))
        assert len(fc["features"]) == {1: 14, 2: 62, 3: 272}[lv]
        pcodes = [f["properties"]["pcode"] for f in fc["features"]]
        assert pcodes == sorted(pcodes)
        for f in fc["features"]:
            p = f["properties"]
            assert set(p) == {"pcode", "name_en", "name_ar", "level", "adm1_pcode", "adm2_pcode",
                              "adm1_en", "adm2_en", "area_sqkm"}
            assert p["level"] == lv and p["pcode"].startswith(p["adm1_pcode"])
            g = shape(f["geometry"])
            assert g.is_valid and g.geom_type in ("Polygon", "MultiPolygon")
            coords = shapely.get_coordinates(g)
            assert (abs(coords * 1e5 - (coords * 1e5).round()) < 1e-6).all()  # 5 decimals


def test_south_boundaries_under_one_megabyte_and_complete():
    total = 0
    for lv in (1, 2, 3):
        fc = json.loads((GAZ / "boundaries" / f"adm{lv}.geojson").read_text(encoding="utf-8"))
        total += sum(len(json.dumps(f, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
                     for f in fc["features"] if f["properties"]["adm1_pcode"] in SOUTH)
    assert total < 1_000_000
    south_path = GAZ / "boundaries" / "south.geojson"
    assert south_path.stat().st_size < 1_000_000
    south = json.loads(south_path.read_text(encoding="utf-8"))["features"]
    assert {f["properties"]["adm1_pcode"] for f in south} == set(SOUTH)
    assert sum(1 for f in south if f["properties"]["level"] == 3) == 1 + 36 + 17 + 12 + 6


def test_simplified_polygons_stay_close_to_the_source():
    if not SRC.exists():
        pytest.skip(f"source data not found at {SRC}")
    src = {f["properties"]["adm3_pcode"]: shape(f["geometry"])
           for f in json.loads((SRC / "ocha_cod_ab_syr" / "syr_admin3.geojson").read_text(encoding="utf-8"))["features"]}
    fc = json.loads((GAZ / "boundaries" / "adm3.geojson").read_text(encoding="utf-8"))
    for f in fc["features"]:
        if f["properties"]["adm1_pcode"] in ("SY12", "SY14"):
            d = shapely.hausdorff_distance(src[f["properties"]["pcode"]], shape(f["geometry"]))
            assert d < 0.0015, f["properties"]["pcode"]  # < ~150 m: about one pixel at zoom 10


# --- rebuild from the real sources ---------------------------------------------------------------

@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory) -> tuple[Path, dict]:
    if not (SRC / "wof_sy" / "wof_sy_localities.csv").exists():
        pytest.skip(f"source data not found at {SRC} (the shared/ folder beside the repo)")
    out = tmp_path_factory.mktemp("gaz")
    stats = build_gazetteer(SRC, out, regions_csv=GAZ / "regions.csv")
    return out, stats


@pytest.mark.parametrize("name", GENERATED)
def test_rebuild_is_byte_identical_to_committed(rebuilt, name):
    out, _ = rebuilt
    assert (out / name).read_bytes() == (GAZ / name).read_bytes(), f"{name} differs: rebuild and commit it"


def test_rebuild_stats(rebuilt):
    _, stats = rebuilt
    assert stats["by_source"]["wof"] == 10_599
    assert stats["by_governorate"]["SY14"]["total"] >= 294
    assert stats["by_flag"]["israeli_settlement"] == 25
    assert stats["boundaries"]["south_feature_bytes"] < 1_000_000
    assert json.loads((GAZ / "build_stats.json").read_text(encoding="utf-8")) == stats


# --- the builder on a synthetic source folder ----------------------------------------------------

WOF_HEADER = ("wof_id,placetype,name,name_ar,names_ar_all,names_en_all,gn_id,wd_id,gn_name,gn_feature_code,lat,lon,"
              "mz_is_current,wof_parent_id,wof_region_id,wof_county_id,ocha_adm1_pcode,ocha_adm1_en,ocha_adm1_ar,"
              "ocha_adm2_pcode,ocha_adm2_en,ocha_adm2_ar,ocha_adm3_pcode,ocha_adm3_en,ocha_adm3_ar,wof_lastmodified")


def _square(x0: float, y0: float, d: float = 0.1) -> dict:
    return {"type": "Polygon", "coordinates": [[[x0, y0], [x0 + d, y0], [x0 + d, y0 + d], [x0, y0 + d], [x0, y0]]]}


def _make_src(root: Path) -> Path:
    src = root / "src"
    (src / "wof_sy").mkdir(parents=True)
    (src / "ocha_cod_ab_syr").mkdir()
    (src / "opensyria_geography").mkdir()
    a1 = {"adm1_name": "Dar'a", "adm1_name1": "درعا", "adm1_pcode": "SY12", "adm1_ref_n": "Dar'a"}
    a2 = {"adm2_name": "Dar'a", "adm2_name1": "درعا", "adm2_pcode": "SY1200", "adm2_ref_n": "Dar'a"}
    feats1 = [{"type": "Feature", "geometry": _square(36.0, 32.6, 0.2),
               "properties": {**a1, "center_lat": 32.7, "center_lon": 36.1, "area_sqkm": 400.0}}]
    feats2 = [{"type": "Feature", "geometry": _square(36.0, 32.6, 0.2),
               "properties": {**a1, **a2, "center_lat": 32.7, "center_lon": 36.1, "area_sqkm": 400.0}}]
    feats3 = [
        {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[36.0, 32.6], [36.1, 32.6], [36.1, 32.8], [36.0, 32.8], [36.0, 32.6]]]},
         "properties": {**a1, **a2, "adm3_name": "Dar'a", "adm3_name1": "مركز درعا", "adm3_pcode": "SY120000",
                        "adm3_ref_n": "Dar'a", "center_lat": 32.7, "center_lon": 36.05, "area_sqkm": 200.0}},
        {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[36.1, 32.6], [36.2, 32.6], [36.2, 32.8], [36.1, 32.8], [36.1, 32.6]]]},
         "properties": {**a1, **a2, "adm3_name": "Jizeh", "adm3_name1": "الجيزة", "adm3_pcode": "SY120006",
                        "adm3_ref_n": "Jizeh", "center_lat": 32.7, "center_lon": 36.15, "area_sqkm": 200.0}},
    ]
    for lv, feats in ((1, feats1), (2, feats2), (3, feats3)):
        (src / "ocha_cod_ab_syr" / f"syr_admin{lv}.geojson").write_text(
            json.dumps({"type": "FeatureCollection", "features": feats}, ensure_ascii=False), encoding="utf-8")
    osy = src / "opensyria_geography"
    osy.joinpath("governorates.json").write_text(json.dumps([{
        "id": "sy-daraa", "name": {"en": "Daraa", "ar": "درعا"}, "externalIds": {"ochaPcode": "SY12"},
        "aliases": [{"value": "Dar'a Governorate", "language": "en", "type": "formal"},
                    {"value": "nahyt dr'a", "language": "en", "type": "alternate_spelling"},
                    {"value": "حوران", "language": "en", "type": "alias"}],  # mislabelled language
        "population": {"value": 1000}}], ensure_ascii=False), encoding="utf-8")
    osy.joinpath("districts.json").write_text("[]", encoding="utf-8")
    osy.joinpath("subdistricts.json").write_text(json.dumps([{
        "id": "sy-daraa-daraa-jizeh", "name": {"en": "Jizeh", "ar": "الجيزة"},
        "externalIds": {"ochaPcode": "SY120006"},
        "aliases": [{"value": "Dar'a Governorate", "language": "en", "type": "formal"},
                    {"value": "ناحية الجيزة", "language": "ar", "type": "formal"}]}], ensure_ascii=False),
        encoding="utf-8")
    rows = [
        # Arabic in `name`, Latin in `name_ar`, a tab and a pipe smuggled into names
        ["1", "locality", "كاف\tالجاع", "Kaff al-Jaa", "Kaff al-Jaa|كاف الجاع|كاف الجاع", "Kaff|Kaff al-Jaa",
         "11", "Q1", "Kāff", "PPL", "32.65", "36.05", "1", "", "", "", "SY12", "Dar'a", "درعا", "SY1200",
         "Dar'a", "درعا", "SY120000", "Dar'a", "مركز درعا", "0"],
        ["2", "locality", "Dar a", "درعا", "درعا", "Daraa", "170905", "", "", "", "32.61889", "36.10213", "1",
         "", "", "", "SY12", "Dar'a", "درعا", "SY1200", "Dar'a", "درعا", "SY120000", "Dar'a", "مركز درعا", "0"],
        ["3", "locality", "Old Place", "خربة\u200f قديمة", "", "", "12", "", "", "PPLQ", "32.7", "36.15", "-1",
         "", "", "", "SY12", "Dar'a", "درعا", "SY1200", "Dar'a", "درعا", "SY120006", "Jizeh", "الجيزة", "0"],
        ["4", "locality", "Beyond", "ما وراء", "", "", "13", "", "", "STLMT", "33.0", "35.7000001", "-1",
         "", "", "", "", "", "", "", "", "", "", "", "", "0"],
        ["5", "locality", "Al Jizah", "الجيزة", "", "", "14", "", "", "PPLA3", "32.71", "36.16", "-1",
         "", "", "", "SY12", "Dar'a", "درعا", "SY1200", "Dar'a", "درعا", "SY120006", "Jizeh", "الجيزة", "0"],
    ]
    with (src / "wof_sy" / "wof_sy_localities.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(WOF_HEADER.split(","))
        w.writerows(rows)
    return src


def _write_regions(path: Path, members: str = "SY120000|SY120006", reasoning: str = "Both.") -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["slug", "name_en", "name_ar", "variants_en", "variants_ar", "members", "reasoning"])
        w.writerow(["test-south", "Test South", "حوران", "Hauran", "سهل حوران", members, reasoning])
    return path


@pytest.fixture()
def synth(tmp_path) -> tuple[Path, Path]:
    src = _make_src(tmp_path)
    regions = _write_regions(tmp_path / "regions.csv", reasoning="Line one\nline\ttwo | three")
    return src, regions


def test_synthetic_build_rows(synth, tmp_path):
    src, regions = synth
    out = tmp_path / "out"
    stats = build_gazetteer(src, out, regions_csv=regions)
    rows = {r["id"]: r for r in read_places_tsv(out / "places.tsv")}
    assert stats["rows"] == len(rows) == 1 + 1 + 2 + 1 + 5
    k = rows["wof:1"]
    assert k["name_ar"] == "كاف الجاع" and k["name_en"] == "Kaff al-Jaa"
    assert _vals(k, "variants_en") == ["Kaff", "Kāff"]
    assert _vals(k, "variants_ar") == []  # the same name three times over
    assert k["note"] == "geonames:11 wikidata:Q1"
    assert rows["wof:2"]["kind"] == "city"          # named like its governorate, in the centre sub-district
    # ... so it shows the governorate's English name (OpenSyria), not the source's broken "Dar a"
    assert rows["wof:2"]["name_en"] == "Daraa" and _vals(rows["wof:2"], "variants_en") == ["Dar'a"]
    assert stats["notes"]["wof_display_name_capital"] == 1
    assert rows["wof:3"]["flags"] == "abandoned" and rows["wof:3"]["name_ar"] == "خربة قديمة"
    assert rows["wof:4"]["flags"] == "israeli_settlement|no_admin" and rows["wof:4"]["lon"] == "35.7"
    assert rows["wof:5"]["kind"] == "town" and rows["wof:5"]["flags"] == "admin_seat"
    gov = rows["ocha:SY12"]
    assert "nahyt dr'a" not in gov["variants_en"] and "Dar'a Governorate" in _vals(gov, "variants_en")
    assert gov["population"] == "1000"
    # the mislabelled Arabic alias is filed by script, and a region's own name stays with the region
    assert "حوران" not in _vals(gov, "variants_ar")
    assert "Dar'a Governorate" not in _vals(rows["ocha:SY120006"], "variants_en")
    assert "ناحية الجيزة" in _vals(rows["ocha:SY120006"], "variants_ar")
    reg = rows["region:test-south"]
    assert reg["admin1_pcode"] == "SY12" and reg["admin2_pcode"] == "SY1200" and reg["admin3_pcode"] == ""
    assert "\t" not in reg["note"] and "|" not in reg["note"] and "SY120006 (Jizeh)" in reg["note"]
    assert shapely.box(36.0, 32.6, 36.2, 32.8).contains(Point(float(reg["lon"]), float(reg["lat"])))
    for line in (out / "places.tsv").read_text(encoding="utf-8").rstrip("\n").split("\n"):
        assert line.count("\t") == 22
    # the curated file travels with the output
    assert (out / "regions.csv").read_bytes() == regions.read_bytes()


def test_synthetic_build_is_deterministic(synth, tmp_path):
    src, regions = synth
    a, b = tmp_path / "a", tmp_path / "b"
    build_gazetteer(src, a, regions_csv=regions)
    build_gazetteer(src, b, regions_csv=regions)
    for name in GENERATED:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_unknown_region_member_is_an_error(tmp_path):
    src = _make_src(tmp_path)
    regions = _write_regions(tmp_path / "regions.csv", members="SY120000|SY999999")
    with pytest.raises(ValueError, match="SY999999"):
        build_gazetteer(src, tmp_path / "out", regions_csv=regions)


def test_empty_members_is_an_error(tmp_path):
    src = _make_src(tmp_path)
    regions = _write_regions(tmp_path / "regions.csv", members=" | ")
    with pytest.raises(ValueError):
        build_gazetteer(src, tmp_path / "out", regions_csv=regions)


def test_not_a_source_folder(tmp_path):
    with pytest.raises(FileNotFoundError):
        build_gazetteer(tmp_path, tmp_path / "out")


def test_helpers_on_hostile_values():
    assert B._clean("a\tb\nc|d\u200f ") == "a b c/d"
    assert B._clean(None) == ""
    assert B._strip_centre("مركز درعا") == "درعا"
    assert B._strip_centre("مركز") == "مركز"
    assert B._strip_centre("مركزالحفة") == "الحفة"  # OCHA's glued form (SY060300)
    assert B._strip_centre("مركزية") == "مركزية"  # a word that merely starts with it
    assert B._fmt_coord(32.876220000001) == "32.87622" and B._fmt_coord(-0.0000001) == "0"
    assert B._dedupe(["a", " a ", "", "b", "a"], exclude=["b"]) == ["a"]


# --- CLI and attribution -------------------------------------------------------------------------

def test_cli_build(synth, tmp_path, capsys):
    from eventmap.cli import main

    src, regions = synth
    out = tmp_path / "cli_out"
    assert main(["gazetteer", "build", "--from", str(src), "--out", str(out), "--regions", str(regions)]) == 0
    printed = capsys.readouterr().out
    assert "places: 10 rows" in printed and "south.geojson" in printed
    assert (out / "places.tsv").exists()
    assert main(["gazetteer", "build", "--from", str(tmp_path / "missing"), "--out", str(out)]) == 2


def test_gazetteer_parser_can_take_more_subcommands():
    import argparse

    from eventmap.places.cli import add_gazetteer_parser

    p = argparse.ArgumentParser()
    gz_sub = add_gazetteer_parser(p.add_subparsers(dest="command"))
    gz_sub.add_parser("lookup").add_argument("name")
    args = p.parse_args(["gazetteer", "lookup", "صيدا"])
    assert args.name == "صيدا"
    args = p.parse_args(["gazetteer", "build", "--from", "x"])
    assert args.src == "x" and args.out is None


def test_attribution():
    from eventmap.places.provenance import ATTRIBUTION, ATTRIBUTION_HTML

    for needle in ("GeoNames", "CC BY 4.0", "Who's On First", "OCHA", "CC BY-IGO 3.0", "OpenSyria"):
        assert needle in ATTRIBUTION
    assert "\n" not in ATTRIBUTION and len(ATTRIBUTION) < 160
    assert ATTRIBUTION_HTML.count("<a href=") >= 5 and "'" not in ATTRIBUTION_HTML.replace("'s", "")
    assert (GAZ / "PROVENANCE.md").exists() and (GAZ / "LICENSE").exists()
