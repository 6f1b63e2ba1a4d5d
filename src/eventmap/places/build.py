"""Build the committed gazetteer files from the source datasets (reproducible, byte-identical).

Inputs (read-only, see ``gazetteer/PROVENANCE.md``)::

    SRC/wof_sy/wof_sy_localities.csv                 Who's On First localities (GeoNames-derived)
    SRC/ocha_cod_ab_syr/syr_admin{1,2,3}.geojson     OCHA COD-AB polygons
    SRC/opensyria_geography/{governorates,districts,subdistricts}.json   OpenSyria aliases, population
    gazetteer/regions.csv                            hand-curated regions (unions of OCHA units)

Outputs (in ``out_dir``)::

    places.tsv                 one row per place, columns = ``eventmap.model.Place`` fields
    boundaries/adm{1,2,3}.geojson, boundaries/south.geojson   simplified OCHA polygons
    build_stats.json           counts per source / kind / governorate / flag, file sizes

Nothing here invents a coordinate: localities keep their source point, admin units take
OCHA's own ``center_lat``/``center_lon``, and regions take the centroid (or, when that falls
outside, a representative point) of the union of their member polygons, computed here.
No timestamps are written, rows and features are sorted, so a rerun gives the same bytes.
"""

from __future__ import annotations

import csv
import json
import math
import re
import shutil
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import fields
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import mapping, shape

from eventmap.model import Place

#: places.tsv columns, in order (the fields of ``eventmap.model.Place``, regrouped)
COLUMNS = (
    "id", "kind", "name_ar", "name_en", "variants_ar", "variants_en", "lat", "lon",
    "admin1_en", "admin1_ar", "admin1_pcode", "admin2_en", "admin2_ar", "admin2_pcode",
    "admin3_en", "admin3_ar", "admin3_pcode", "source", "source_id", "flags",
    "feature_code", "population", "note",
)
assert set(COLUMNS) == {f.name for f in fields(Place)}, "places.tsv columns must be the Place fields"

LIST_FIELDS = ("variants_ar", "variants_en", "flags")
LIST_SEP = "|"

#: governorates whose polygons make up the map basemap of the south
SOUTH_ADM1 = ("SY01", "SY03", "SY12", "SY13", "SY14")

#: simplification tolerance in degrees. With coverage (Visvalingam-Whyatt) simplification it
#: is about the square root of the area of the triangles removed (0.0003 deg ~ 30 m); the
#: outline moves by at most ~50 m, below one screen pixel at zoom 10 (~130 m at 33°N).
SIMPLIFY_TOLERANCE = 0.0003
#: decimals kept in boundary coordinates (~1 m)
BOUNDARY_DECIMALS = 5
#: decimals kept in place coordinates
POINT_DECIMALS = 6

#: Syria's bounding box with a margin (lat_min, lat_max, lon_min, lon_max): a sanity check only
SYRIA_BBOX = (32.3, 37.4, 35.6, 42.4)

FLAG_ORDER = ("abandoned", "israeli_settlement", "admin_seat", "no_admin", "duplicate")

_ARABIC_RE = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
_LATIN_RE = re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]")
_CENTRE_PREFIX = "مركز"


# --- small helpers ------------------------------------------------------------------------

def _is_arabic(s: str) -> bool:
    return bool(_ARABIC_RE.search(s))


def _is_latin(s: str) -> bool:
    return bool(_LATIN_RE.search(s)) and not _is_arabic(s)


def _clean(s: Any) -> str:
    """A cell value: no tabs, newlines or list separators inside, outer spaces stripped.

    Invisible bidi marks (U+200E/U+200F, e.g. «الحولة‎‎» in WOF) are dropped too.
    """
    s = "" if s is None else str(s)
    s = s.replace("\u200e", "").replace("\u200f", "").replace("\ufeff", "")
    s = re.sub(r"[\t\r\n\v\f]+", " ", s)
    s = s.replace(LIST_SEP, "/")
    return re.sub(r" {2,}", " ", s).strip()


def _dedupe(values: Iterable[str], exclude: Iterable[str] = ()) -> list[str]:
    """Distinct non-empty values in first-seen order, minus ``exclude``."""
    seen = {e for e in exclude if e}
    out: list[str] = []
    for v in values:
        v = _clean(v)
        if v and v not in seen:
            seen.add(v)
            out.append(v)
    return out


def _fmt_coord(x: float, decimals: int = POINT_DECIMALS) -> str:
    s = f"{round(float(x), decimals):.{decimals}f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def _split(s: str) -> list[str]:
    return [p for p in (s or "").split("|") if p.strip()]


def _ar_key(s: str) -> str:
    """Loose Arabic key for matching names inside the builder (not the lookup's key)."""
    s = re.sub(r"[\u064B-\u065F\u0670\u0640]", "", s)
    for a, b in (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ة", "ه"), ("ى", "ي")):
        s = s.replace(a, b)
    words = [w[2:] if w.startswith("ال") and len(w) > 3 else w for w in s.split()]
    return " ".join(words)


def _en_key(s: str) -> str:
    """Loose Latin key for matching names inside the builder."""
    import unicodedata

    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    s = re.sub(r"[^a-z ]+", " ", s)
    words = [w for w in s.split() if w not in {"al", "el", "an", "ar", "as", "ash", "at", "ad", "az", "ed", "es", "esh"}]
    s = "".join(words)
    s = re.sub(r"(.)\1+", r"\1", s)
    return s.replace("ou", "u").replace("ee", "i").rstrip("h").replace("y", "i")


#: romanised article and connector words, which stay lower case inside a name ("Tall al Hamra", "Saba` wa Arba`in")
_EN_ARTICLES = {"al", "an", "ar", "as", "ash", "at", "ath", "ad", "adh", "az", "el", "ed", "en", "er", "es", "esh",
                "et", "ez", "il", "ul"}
_EN_LOWER_WORDS = _EN_ARTICLES | {"wa", "w", "bin", "ibn", "bani", "farm", "farms", "camp", "de", "des", "du", "la", "le"}
#: Arabic letters a Latin apostrophe stands for (ʿayn and the hamza seats)
_AYN_HAMZA_AR = set("عءأإآؤئ")
#: transliteration marks of GeoNames' Latin names, written the way its ASCII names write them
_MARKS_TO_ASCII = str.maketrans({"‘": "`", "ʿ": "`", "’": "'", "ʾ": "'", "ʼ": "'"})


def readable_name_en(name: str, name_ar: str = "") -> str:
    """A Latin place name as an analyst should read it, repairing three defects of the source names.

    - transliteration marks folded the way GeoNames' own ASCII names write them ("Al Qunayţirah" ->
      "Al Qunaytirah", "‘Afrīn" -> "`Afrin", "Maydån" -> "Maydan");
    - an ʿayn or hamza lost as a space ("Dar a" -> "Dar'a", "Ma arrat an Nu man" -> "Ma'arrat an
      Nu'man"): a lower-case word that is no article or connector is glued back with an apostrophe,
      at most as many times as the Arabic name has an ع or a hamza;
    - a word after a leading article in lower case ("As sanamayn" -> "As Sanamayn").
    """
    s = name.translate(_MARKS_TO_ASCII)
    folded = "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))
    if folded.isascii():
        s = folded
    budget = sum(name_ar.count(c) for c in _AYN_HAMZA_AR)
    words = s.split(" ")
    out: list[str] = words[:1]
    for w in words[1:]:
        prev = out[-1] if out else ""
        if (budget > 0 and w[:1].islower() and w.split("-")[0].lower() not in _EN_LOWER_WORDS
                and prev and prev.lower() not in _EN_ARTICLES and prev[-1:].isalpha()):
            out[-1] = prev + "'" + w
            budget -= 1
        else:
            out.append(w)
    if len(out) >= 2 and out[0].lower() in _EN_ARTICLES and out[1][:1].islower():
        out[1] = out[1][:1].upper() + out[1][1:]
    return " ".join(out)


def _display_name_en(name_en: str, name_ar: str, variants_en: list[str], capital_en: str,
                     stats: Counter) -> tuple[str, list[str]]:
    """(the English name shown, the Latin variants).

    A governorate capital takes the governorate's English name (OpenSyria, else OCHA: "Daraa",
    "Quneitra"); any other name is repaired by :func:`readable_name_en`.  The repaired spelling stays
    a variant when it is not the one shown; the broken original ("Dar a") is dropped, and one that
    differs only by transliteration marks folds to the same lookup key as its repair.
    """
    repaired = readable_name_en(name_en, name_ar)
    shown = capital_en or repaired
    if shown == name_en:
        return name_en, variants_en
    stats["wof_display_name_capital" if capital_en else "wof_display_name_repaired"] += 1
    keep = [repaired] if repaired != shown else []
    return shown, _dedupe([*keep, *variants_en], exclude=[shown])


def _strip_centre(name_ar: str) -> str:
    """«مركز درعا» -> «درعا» (OCHA writes the sub-district of a district town that way)."""
    n = name_ar.strip()
    rest = n[len(_CENTRE_PREFIX):]
    # «مركز X», and OCHA's glued «مركزالحفة» (SY060300); not a word that merely starts so
    if n.startswith(_CENTRE_PREFIX) and (rest.startswith(" ") or rest.startswith("ال")) and rest.strip():
        return rest.strip()
    return n


# --- reading the sources -------------------------------------------------------------------

def _valid_polygonal(geom):
    """Repair the few self-touching OCHA rings (e.g. Dar'a at 36.0328E 32.658N), keeping only polygons."""
    if geom.is_valid:
        return geom
    fixed = shapely.make_valid(geom, method="structure", keep_collapsed=False)
    if fixed.geom_type == "GeometryCollection":
        fixed = shapely.union_all([g for g in fixed.geoms if g.geom_type in ("Polygon", "MultiPolygon")])
    return fixed


def _read_ocha(src_dir: Path) -> dict[int, list[dict[str, Any]]]:
    out: dict[int, list[dict[str, Any]]] = {}
    for level in (1, 2, 3):
        path = src_dir / "ocha_cod_ab_syr" / f"syr_admin{level}.geojson"
        data = json.loads(path.read_text(encoding="utf-8"))
        feats = []
        for f in data["features"]:
            p = f["properties"]
            geom = _valid_polygonal(shape(f["geometry"]))
            feats.append({"props": p, "geom": geom, "pcode": p[f"adm{level}_pcode"], "level": level})
        feats.sort(key=lambda x: x["pcode"])
        out[level] = feats
    return out


def _read_opensyria(src_dir: Path) -> dict[str, dict[str, Any]]:
    """OpenSyria records by OCHA p-code."""
    out: dict[str, dict[str, Any]] = {}
    for name in ("governorates", "districts", "subdistricts"):
        path = src_dir / "opensyria_geography" / f"{name}.json"
        for rec in json.loads(path.read_text(encoding="utf-8")):
            pc = (rec.get("externalIds") or {}).get("ochaPcode")
            if pc:
                out[pc] = rec
    return out


def _read_regions(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    need = {"slug", "name_en", "name_ar", "variants_en", "variants_ar", "members", "reasoning"}
    if rows and not need <= set(rows[0]):
        raise ValueError(f"{path}: columns must be {sorted(need)}")
    return rows


# --- admin units ------------------------------------------------------------------------------

def _admin_names(props: dict[str, Any], level: int) -> tuple[str, str, str]:
    return (_clean(props.get(f"adm{level}_name")), _clean(props.get(f"adm{level}_name1")),
            _clean(props.get(f"adm{level}_pcode")))


def _admin_columns(props: dict[str, Any], upto: int) -> dict[str, str]:
    cols: dict[str, str] = {}
    for lv in (1, 2, 3):
        en, ar, pc = _admin_names(props, lv) if lv <= upto else ("", "", "")
        cols[f"admin{lv}_en"], cols[f"admin{lv}_ar"], cols[f"admin{lv}_pcode"] = en, ar, pc
    return cols


def _looks_machine_transliterated(s: str) -> bool:
    """OpenSyria carries consonant-skeleton transliterations such as "nahyt mrkz alhskt"."""
    return s == s.lower() and _is_latin(s)


_KIND_BY_LEVEL = {1: "governorate", 2: "district", 3: "subdistrict"}

#: words that say which admin level a name is for
_LEVEL_WORDS_AR: dict[int, tuple[str, ...]] = {1: ("محافظة",), 2: ("منطقة",), 3: ("ناحية",)}
_LEVEL_WORDS_EN: dict[int, tuple[str, ...]] = {
    1: ("governorate", "muhafazat", "muḩāfaz̧at"), 2: ("district", "mintaqat", "minţaqat"),
    3: ("subdistrict", "sub-district", "nahiyat", "nāḩiyat", "nahiya")}


def _drop_other_level_forms(v_ar: list[str], v_en: list[str], level: int, stats: Counter) -> tuple[list[str], list[str]]:
    def other_level(v: str, words: dict[int, tuple[str, ...]], arabic: bool) -> bool:
        toks = re.sub(r"[\u064B-\u065F\u0670]", "", v).split() if arabic else v.lower().replace("-", " ").split()
        if not arabic and "sub" in toks:  # "Sub district"
            toks = [t for t in toks if t != "sub"] + ["subdistrict"]
        for lv, ws in words.items():
            if lv != level and any(w.replace("-", " ") in toks for w in ws):
                return True
        return False

    keep_ar = [v for v in v_ar if not (v and other_level(v, _LEVEL_WORDS_AR, True))]
    keep_en = [v for v in v_en if not (v and other_level(v, _LEVEL_WORDS_EN, False))]
    stats["admin_variants_dropped_other_level"] += (len(v_ar) - len(keep_ar)) + (len(v_en) - len(keep_en))
    return keep_ar, keep_en


def _countryside_owners(ocha: dict[int, list[dict[str, Any]]]) -> dict[str, str]:
    """«ريف X» / "X countryside" belong to the governorate named «ريف X» when there is one (Rural Damascus,
    SY03, is the countryside of Damascus, SY01): ``{p-code of X: p-code of ريف X}``."""
    gov_ar = {f["pcode"]: _clean(f["props"]["adm1_name1"]) for f in ocha[1]}
    owners: dict[str, str] = {}
    for pc, ar in gov_ar.items():
        if ar.startswith("ريف "):
            base = ar[len("ريف "):]
            for pc2, ar2 in gov_ar.items():
                if ar2 == base:
                    owners[pc2] = pc
    return owners


def _level_forms(level: int, ar_bases: list[str], en_bases: list[str],
                 ar_full: str) -> tuple[list[str], list[str]]:
    """The unit's names with its level word: «محافظة X» / "X Governorate", «منطقة X» / "X District", ..."""
    if level == 1:
        return [f"محافظة {b}" for b in ar_bases], [f"{b} Governorate" for b in en_bases]
    if level == 2:
        return [f"منطقة {b}" for b in ar_bases], [f"{b} District" for b in en_bases]
    return [f"ناحية {b}" for b in _dedupe(ar_bases + [ar_full])], [f"{b} Subdistrict" for b in en_bases]


def _countryside_forms(ar_bases: list[str], en_bases: list[str]) -> tuple[list[str], list[str]]:
    """«ريف X», "X countryside" and "rural X" of a governorate (none for one that is itself «ريف ...»)."""
    c_ar = [f"ريف {b}" for b in ar_bases if not b.startswith("ريف ")]
    c_en = [f for b in en_bases if not b.lower().startswith(("rural ", "rif "))
            for f in (f"{b} countryside", f"rural {b}")]
    return c_ar, c_en


def _admin_variants(p: dict[str, Any], level: int, rec: dict[str, Any], names: tuple[str, str, str],
                    stats: Counter) -> tuple[list[str], list[str], list[str], list[str]]:
    """Arabic and Latin variants of an OCHA unit (OCHA's own, OpenSyria's name and aliases, the level
    forms), and the bare names the level forms are made of: ``(v_ar, v_en, ar_bases, en_bases)``."""
    en, ar, ar_full = names
    os_en = _clean((rec.get("name") or {}).get("en"))
    os_ar = _clean((rec.get("name") or {}).get("ar"))
    v_ar: list[str] = [ar_full, os_ar, _strip_centre(os_ar) if os_ar else ""]
    v_en: list[str] = [_clean(p.get(f"adm{level}_ref_n")), os_en]
    for a in (_clean(a.get("value")) for a in rec.get("aliases") or []):
        if _is_arabic(a):
            v_ar.append(a)
        elif _looks_machine_transliterated(a):
            stats["opensyria_aliases_dropped_machine_transliteration"] += 1
        else:
            v_en.append(a)
    ar_bases = _dedupe([ar, _strip_centre(os_ar) if os_ar else ""])
    en_bases = _dedupe([en, os_en])
    forms_ar, forms_en = _level_forms(level, ar_bases, en_bases, ar_full)
    return v_ar + forms_ar, v_en + forms_en, ar_bases, en_bases


def _leave_to_regions(v_ar: list[str], v_en: list[str], ar: str, en: str, reserved_keys: set[str],
                      stats: Counter) -> tuple[list[str], list[str]]:
    """A bare name that a curated region owns (e.g. «الغوطة الشرقية», which GeoNames also gives the Jaramana
    sub-district) stays with the region only (empty variants are kept: ``_dedupe`` drops them later)."""
    kept_ar = [v for v in v_ar if not (v and _ar_key(v) in reserved_keys and _ar_key(v) != _ar_key(ar))]
    kept_en = [v for v in v_en
               if not (v and ("en:" + _en_key(v)) in reserved_keys and _en_key(v) != _en_key(en))]
    dropped = (len(v_ar) - len(kept_ar)) + (len(v_en) - len(kept_en))
    if dropped:
        stats["admin_variants_left_to_regions"] += dropped
    return kept_ar, kept_en


def _admin_row(p: dict[str, Any], pc: str, level: int, rec: dict[str, Any], ar: str, en: str,
               v_ar: list[str], v_en: list[str]) -> dict[str, Any]:
    pop = (rec.get("population") or {}).get("value") or 0
    return {
        "id": f"ocha:{pc}", "kind": _KIND_BY_LEVEL[level], "name_ar": ar, "name_en": en,
        "variants_ar": v_ar, "variants_en": v_en,
        "lat": _fmt_coord(p["center_lat"]), "lon": _fmt_coord(p["center_lon"]),
        **_admin_columns(p, level),
        "source": "ocha", "source_id": pc, "flags": [], "feature_code": f"ADM{level}",
        "population": str(int(pop)) if pop else "", "note": f"opensyria:{rec['id']}" if rec.get("id") else "",
    }


def _admin_places(ocha: dict[int, list[dict[str, Any]]], osy: dict[str, dict[str, Any]],
                  reserved_keys: set[str], stats: Counter) -> list[dict[str, str]]:
    countryside_owner = _countryside_owners(ocha)
    rows: list[dict[str, Any]] = []
    extra_variants: dict[str, tuple[list[str], list[str]]] = {}
    for level in (1, 2, 3):
        for f in ocha[level]:
            p, pc = f["props"], f["pcode"]
            en, ar_full, _ = _admin_names(p, level)
            ar = _strip_centre(ar_full)
            rec = osy.get(pc) or {}
            v_ar, v_en, ar_bases, en_bases = _admin_variants(p, level, rec, (en, ar, ar_full), stats)
            if level == 1:
                c_ar, c_en = _countryside_forms(ar_bases, en_bases)
                owner = countryside_owner.get(pc, pc)
                if owner == pc:
                    v_ar += c_ar
                    v_en += c_en
                else:
                    extra_variants.setdefault(owner, ([], []))
                    extra_variants[owner][0].extend(c_ar)
                    extra_variants[owner][1].extend(c_en)
            # OpenSyria sometimes gives a unit the formal name of its parent ("Quneitra
            # Governorate" on the Quneitra district): a variant that names another level goes
            v_ar, v_en = _drop_other_level_forms(v_ar, v_en, level, stats)
            v_ar, v_en = _leave_to_regions(v_ar, v_en, ar, en, reserved_keys, stats)
            rows.append(_admin_row(p, pc, level, rec, ar, en, v_ar, v_en))
    by_id = {r["id"]: r for r in rows}
    for owner, (x_ar, x_en) in extra_variants.items():
        r = by_id[f"ocha:{owner}"]
        r["variants_ar"] = list(r["variants_ar"]) + x_ar
        r["variants_en"] = list(r["variants_en"]) + x_en
    for r in rows:
        r["variants_ar"] = _dedupe(r["variants_ar"], exclude=[r["name_ar"]])
        r["variants_en"] = _dedupe(r["variants_en"], exclude=[r["name_en"]])
    return rows


# --- localities ----------------------------------------------------------------------------

def _capital_keys(ocha: dict[int, list[dict[str, Any]]], osy: dict[str, dict[str, Any]]) -> dict[str, set[str]]:
    """Name keys of each governorate (for spotting its capital in its centre sub-district)."""
    keys: dict[str, set[str]] = {}
    for f in ocha[1]:
        pc, p = f["pcode"], f["props"]
        names = [p["adm1_name"], p["adm1_name1"], p.get("adm1_ref_n") or ""]
        rec = osy.get(pc) or {}
        names += [(rec.get("name") or {}).get("en", ""), (rec.get("name") or {}).get("ar", "")]
        names += [a["value"] for a in rec.get("aliases") or [] if a.get("type") != "formal"]
        ks = set()
        for n in names:
            if not n:
                continue
            ks.add(_ar_key(n) if _is_arabic(n) else "en:" + _en_key(n))
        keys[pc] = ks
    return keys


def _gov_form_to_name(name: str, stats: Counter) -> str:
    """WOF gives two towns the governorate's formal name («مُحافظة طرطوس» for Tartus): keep the town name."""
    bare = re.sub(r"[\u064B-\u065F\u0670]", "", name)
    if bare.startswith("محافظة "):
        stats["wof_governorate_form_stripped"] += 1
        return name.split(None, 1)[1].strip()
    m = re.match(r"^(.+?)\s+(?:governate|governorate)$", name, flags=re.IGNORECASE)  # "Tartus Governate"
    if m:
        stats["wof_governorate_form_stripped"] += 1
        return m.group(1).strip()
    return name


def _name_keys(*names: str) -> set[str]:
    return {(_ar_key(n) if _is_arabic(n) else "en:" + _en_key(n)) for n in names if n}


def _locality_names(r: dict[str, str], stats: Counter) -> tuple[str, str, list[str], list[str]]:
    """``(name_ar, name_en, variants_ar, variants_en)`` of a WOF locality row (before the display name)."""
    ar_all = [_gov_form_to_name(_clean(x), stats) for x in _split(r["names_ar_all"])]
    col_name, col_ar = _clean(r["name"]), _gov_form_to_name(_clean(r["name_ar"]), stats)
    gn_name = _clean(r["gn_name"])
    # Arabic: the name_ar column when it is Arabic, else the first Arabic variant
    ar_candidates = [x for x in [col_ar] + ar_all + [col_name] if x and _is_arabic(x)]
    name_ar = col_ar if col_ar and _is_arabic(col_ar) else (ar_candidates[0] if ar_candidates else "")
    # Latin: WOF's default name (GeoNames ASCII-ish); a few WOF names are Arabic
    names_en_all = [_gov_form_to_name(_clean(x), stats) for x in _split(r["names_en_all"])]
    latin_candidates = [_clean(x) for x in [col_name, col_ar] + names_en_all + [gn_name] + ar_all
                        if x and _is_latin(_clean(x))]
    if col_name and _is_latin(col_name):
        name_en = col_name
    else:
        name_en = latin_candidates[0] if latin_candidates else ""
        stats["wof_name_not_latin"] += 1
    if not name_ar:
        stats["wof_without_arabic"] += 1
    return name_ar, name_en, _dedupe(ar_candidates, exclude=[name_ar]), _dedupe(latin_candidates, exclude=[name_en])


def _locality_flags(r: dict[str, str], fc: str, a1: str) -> list[str]:
    flags = []
    if fc == "PPLQ" or r["mz_is_current"].strip() == "0":
        flags.append("abandoned")
    if fc == "STLMT":
        flags.append("israeli_settlement")
    if fc.startswith("PPLA"):
        flags.append("admin_seat")
    if not a1:
        flags.append("no_admin")
    return flags


def _locality_kind(r: dict[str, str], fc: str, a3: str, capital: bool, keys: set[str],
                   seats: tuple[dict[str, set[str]], dict[str, set[str]]], stats: Counter) -> str:
    """city, town, neighbourhood or village, from the GeoNames code, else from the admin unit it seats."""
    adm2_names, adm3_names = seats
    if fc in ("PPLA", "PPLA2", "PPLC") or capital:
        return "city"
    if fc == "PPLA3":
        return "town"
    if r["placetype"].strip() == "neighbourhood":
        return "neighbourhood"
    if not fc and a3 and a3.endswith("00") and keys & adm2_names.get(a3[:6], set()):
        # WOF records without a GeoNames code that carry their district's name and lie
        # in its centre sub-district: the district seats (e.g. Izra, As Sanamayn)
        stats["wof_kind_inferred_district_seat"] += 1
        return "city"
    if not fc and a3 and keys & adm3_names.get(a3, set()):
        stats["wof_kind_inferred_subdistrict_seat"] += 1
        return "town"
    return "village"


def _locality_row(r: dict[str, str], kind: str, names: tuple[str, str, list[str], list[str]],
                  flags: list[str]) -> dict[str, Any]:
    name_ar, name_en, variants_ar, variants_en = names
    wof_id = r["wof_id"].strip()
    note = [f"geonames:{r['gn_id'].strip()}"] if r["gn_id"].strip() else []
    if r["wd_id"].strip():
        note.append(f"wikidata:{r['wd_id'].strip()}")
    return {
        "id": f"wof:{wof_id}", "kind": kind, "name_ar": name_ar, "name_en": name_en,
        "variants_ar": variants_ar, "variants_en": variants_en,
        "lat": _fmt_coord(float(r["lat"])), "lon": _fmt_coord(float(r["lon"])),
        "admin1_en": _clean(r["ocha_adm1_en"]), "admin1_ar": _clean(r["ocha_adm1_ar"]),
        "admin1_pcode": r["ocha_adm1_pcode"].strip(),
        "admin2_en": _clean(r["ocha_adm2_en"]), "admin2_ar": _clean(r["ocha_adm2_ar"]),
        "admin2_pcode": r["ocha_adm2_pcode"].strip(),
        "admin3_en": _clean(r["ocha_adm3_en"]), "admin3_ar": _clean(r["ocha_adm3_ar"]),
        "admin3_pcode": r["ocha_adm3_pcode"].strip(),
        "source": "wof", "source_id": wof_id, "flags": flags, "feature_code": r["gn_feature_code"].strip(),
        "population": "", "note": " ".join(note),
    }


def _locality_places(src_dir: Path, ocha: dict[int, list[dict[str, Any]]],
                     osy: dict[str, dict[str, Any]], stats: Counter) -> list[dict[str, str]]:
    path = src_dir / "wof_sy" / "wof_sy_localities.csv"
    cap_keys = _capital_keys(ocha, osy)
    seats = ({f["pcode"]: _name_keys(f["props"]["adm2_name"], _strip_centre(f["props"]["adm2_name1"]))
              for f in ocha[2]},
             {f["pcode"]: _name_keys(f["props"]["adm3_name"], _strip_centre(f["props"]["adm3_name1"]))
              for f in ocha[3]})
    gov_en = {f["pcode"]: _clean(((osy.get(f["pcode"]) or {}).get("name") or {}).get("en")) or
              _clean(f["props"]["adm1_name"]) for f in ocha[1]}
    rows: list[dict[str, Any]] = []
    meta: list[dict[str, Any]] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            fc = r["gn_feature_code"].strip()
            name_ar, name_en, variants_ar, variants_en = _locality_names(r, stats)
            a1, a3 = r["ocha_adm1_pcode"].strip(), r["ocha_adm3_pcode"].strip()
            keys = _name_keys(name_ar, name_en, *variants_ar, *variants_en)
            # the governorate's capital: its name, in the governorate's centre sub-district
            capital = bool(a3) and a3.endswith("0000") and bool(keys & cap_keys.get(a1, set()))
            kind = _locality_kind(r, fc, a3, capital, keys, seats, stats)
            name_en, variants_en = _display_name_en(name_en, name_ar, variants_en,
                                                    gov_en.get(a1, "") if capital else "", stats)
            rows.append(_locality_row(r, kind, (name_ar, name_en, variants_ar, variants_en),
                                      _locality_flags(r, fc, a1)))
            meta.append({"gn": r["gn_id"].strip(), "current": r["mz_is_current"].strip(), "keys": keys,
                         "lat": float(r["lat"]), "lon": float(r["lon"]), "fc": fc})
    _mark_duplicates(rows, meta, stats)
    return rows


#: how far apart two WOF records of the same name may be and still be one place (km)
DUPLICATE_KM = 5.0


def _km(a: dict[str, Any], b: dict[str, Any]) -> float:
    dy = a["lat"] - b["lat"]
    dx = (a["lon"] - b["lon"]) * math.cos(math.radians((a["lat"] + b["lat"]) / 2))
    return 111.2 * math.hypot(dx, dy)


def _mark_duplicates(rows: list[dict[str, Any]], meta: list[dict[str, Any]], stats: Counter) -> None:
    """Flag WOF records that repeat another record of the same place (flag ``duplicate``,
    note ``duplicate_of:wof:<id>``); the rows stay, so their ids remain valid.

    Two cases, both conservative (two GeoNames features with different ids are never merged):
    - the same GeoNames id twice: the record WOF marks current (else the lower id) is kept;
      the other is a superseded copy, so it is not flagged ``abandoned`` for ``mz_is_current=0``;
    - a record with no GeoNames id (a WOF record from another source, e.g. the second Dar'a)
      sharing a name with a GeoNames record less than 5 km away: the nearest such record is kept.
    """
    by_gn: dict[str, list[int]] = {}
    for i, m in enumerate(meta):
        if m["gn"]:
            by_gn.setdefault(m["gn"], []).append(i)
    canonical: dict[int, int] = {}
    for idxs in by_gn.values():
        if len(idxs) > 1:
            keep = min(idxs, key=lambda i: (meta[i]["current"] != "1", not meta[i]["fc"], int(rows[i]["source_id"])))
            for i in idxs:
                if i != keep:
                    canonical[i] = keep
                    if meta[i]["current"] == "0" and meta[i]["fc"] != "PPLQ" and "abandoned" in rows[i]["flags"]:
                        rows[i]["flags"].remove("abandoned")
    with_gn = [i for i, m in enumerate(meta) if m["gn"]]
    for i, m in enumerate(meta):
        if m["gn"] or i in canonical:
            continue
        near = [(_km(m, meta[j]), j) for j in with_gn
                if abs(meta[j]["lat"] - m["lat"]) < 0.05 and abs(meta[j]["lon"] - m["lon"]) < 0.06
                and meta[j]["keys"] & m["keys"]]
        near = [(d, j) for d, j in near if d < DUPLICATE_KM]
        if near:
            canonical[i] = min(near)[1]
    for i, j in sorted(canonical.items()):
        rows[i]["flags"] = [f for f in FLAG_ORDER if f in rows[i]["flags"] or f == "duplicate"]
        rows[i]["note"] = " ".join(x for x in (rows[i]["note"], f"duplicate_of:{rows[j]['id']}") if x)
        stats["wof_duplicates_flagged"] += 1
        # the kept record also answers to the duplicate's names ("Dar'a" for "Dar a")
        kept = rows[j]
        kept["variants_ar"] = _dedupe(list(kept["variants_ar"]) + [rows[i]["name_ar"], *rows[i]["variants_ar"]],
                                      exclude=[kept["name_ar"]])
        kept["variants_en"] = _dedupe(list(kept["variants_en"]) + [rows[i]["name_en"], *rows[i]["variants_en"]],
                                      exclude=[kept["name_en"]])
        if not kept["name_ar"] and kept["variants_ar"]:
            kept["name_ar"] = kept["variants_ar"].pop(0)


# --- regions ---------------------------------------------------------------------------------

def _member_name(feat: dict[str, Any]) -> str:
    """The OCHA name of a region's member unit, for the region's note."""
    return _clean(feat["props"][f"adm{feat['level']}_name"])


def _region_places(regions: list[dict[str, str]], ocha: dict[int, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    feats = {f["pcode"]: f for lv in (1, 2, 3) for f in ocha[lv]}
    rows: list[dict[str, Any]] = []
    for reg in regions:
        slug = reg["slug"].strip()
        members = [m.strip() for m in reg["members"].split("|") if m.strip()]
        missing = [m for m in members if m not in feats]
        if not members or missing:
            raise ValueError(f"region {slug}: unknown or no member p-codes {missing or members}")
        union = shapely.union_all([feats[m]["geom"] for m in members])
        # the centroid when it falls inside the union (the most central point), else a point
        # shapely guarantees to be inside (representative_point)
        pt = union.centroid
        if not union.contains(pt):
            pt = union.representative_point()
        # common parents of all members
        cols = {f"admin{lv}_{k}": "" for lv in (1, 2, 3) for k in ("en", "ar", "pcode")}
        for lv in (1, 2, 3):
            vals: set[tuple[str, str, str] | None] = set()
            for m in members:
                feat = feats[m]
                vals.add(_admin_names(feat["props"], lv) if feat["level"] >= lv else None)
            common = vals.pop() if len(vals) == 1 else None
            if common is None:
                break
            cols[f"admin{lv}_en"], cols[f"admin{lv}_ar"], cols[f"admin{lv}_pcode"] = common
        member_desc = ", ".join(f"{m} ({_member_name(feats[m])})" for m in members)
        name_ar, name_en = _clean(reg["name_ar"]), _clean(reg["name_en"])
        rows.append({
            "id": f"region:{slug}", "kind": "region", "name_ar": name_ar, "name_en": name_en,
            "variants_ar": _dedupe(_split(reg["variants_ar"]), exclude=[name_ar]),
            "variants_en": _dedupe(_split(reg["variants_en"]), exclude=[name_en]),
            "lat": _fmt_coord(pt.y), "lon": _fmt_coord(pt.x), **cols,
            "source": "curated", "source_id": slug, "flags": [], "feature_code": "RGN",
            "population": "", "note": f"{_clean(reg['reasoning'])} Members: {member_desc}.",
        })
    return rows


def _region_reserved_keys(regions: list[dict[str, str]]) -> set[str]:
    keys: set[str] = set()
    for reg in regions:
        for n in [reg["name_ar"], reg["name_en"], *_split(reg["variants_ar"]), *_split(reg["variants_en"])]:
            n = _clean(n)
            if n:
                keys.add(_ar_key(n) if _is_arabic(n) else "en:" + _en_key(n))
    return keys


# --- boundaries ------------------------------------------------------------------------------

def _round_geom(geom, decimals: int = BOUNDARY_DECIMALS):
    """Snap to a 10^-decimals grid (keeps the geometry valid) and orient rings (RFC 7946)."""
    g = shapely.set_precision(geom, 10 ** -decimals)
    if g.is_empty:
        g = geom
    g = shapely.orient_polygons(g) if hasattr(shapely, "orient_polygons") else g
    return g


def _coords_rounded(obj: Any, decimals: int) -> Any:
    if isinstance(obj, (list, tuple)):
        if obj and isinstance(obj[0], (int, float)):
            return [round(float(v), decimals) for v in obj]
        return [_coords_rounded(o, decimals) for o in obj]
    return obj


def _boundary_features(ocha: dict[int, list[dict[str, Any]]], tolerance: float) -> dict[int, list[dict[str, Any]]]:
    out: dict[int, list[dict[str, Any]]] = {}
    for level in (1, 2, 3):
        feats = ocha[level]
        geoms = [f["geom"] for f in feats]
        # coverage simplification keeps neighbours' shared edges identical (no slivers)
        if hasattr(shapely, "coverage_simplify"):
            simp = list(shapely.coverage_simplify(list(geoms), tolerance))
        else:  # pragma: no cover - older shapely
            simp = [g.simplify(tolerance, preserve_topology=True) for g in geoms]
        res = []
        for f, g in zip(feats, simp):
            p = f["props"]
            g = _round_geom(g)
            gj = mapping(g)
            props = {
                "pcode": f["pcode"],
                "name_en": _clean(p[f"adm{level}_name"]),
                "name_ar": _clean(p[f"adm{level}_name1"]),
                "level": level,
                "adm1_pcode": _clean(p.get("adm1_pcode")),
                "adm2_pcode": _clean(p.get("adm2_pcode")) if level >= 2 else "",
                "adm1_en": _clean(p.get("adm1_name")),
                "adm2_en": _clean(p.get("adm2_name")) if level >= 2 else "",
                "area_sqkm": round(float(p.get("area_sqkm") or 0.0), 2),
            }
            res.append({"type": "Feature", "properties": props,
                        "geometry": {"type": gj["type"], "coordinates": _coords_rounded(gj["coordinates"], BOUNDARY_DECIMALS)}})
        out[level] = res
    return out


def _write_geojson(path: Path, features: list[dict[str, Any]], name: str) -> int:
    fc = {"type": "FeatureCollection", "name": name, "features": features}
    text = json.dumps(fc, ensure_ascii=False, separators=(",", ":"))
    # one feature per line keeps diffs readable
    text = text.replace(',{"type":"Feature",', ',\n{"type":"Feature",').replace('[{"type":"Feature",', '[\n{"type":"Feature",')
    path.write_text(text + "\n", encoding="utf-8")
    return path.stat().st_size


# --- writing ---------------------------------------------------------------------------------

def _row_sort_key(row: dict[str, str]) -> tuple:
    prefix, _, rest = row["id"].partition(":")
    order = {"ocha": 0, "region": 1, "wof": 2}.get(prefix, 3)
    return (order, int(rest) if rest.isdigit() else 0, rest)


def _write_tsv(path: Path, rows: list[dict[str, Any]]) -> int:
    lines = ["\t".join(COLUMNS)]
    for r in rows:
        cells = []
        for c in COLUMNS:
            v = r.get(c, "")
            if c in LIST_FIELDS:
                v = LIST_SEP.join(_clean(x) for x in v)
            else:
                v = _clean(v) if c != "note" else _clean(v).replace(LIST_SEP, "/")
            cells.append(v)
        lines.append("\t".join(cells))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path.stat().st_size


def _check_rows(rows: list[dict[str, str]]) -> None:
    ids = Counter(r["id"] for r in rows)
    dup = [i for i, n in ids.items() if n > 1]
    if dup:
        raise ValueError(f"duplicate place ids: {dup[:5]}")
    lat0, lat1, lon0, lon1 = SYRIA_BBOX
    for r in rows:
        lat, lon = float(r["lat"]), float(r["lon"])
        if not (math.isfinite(lat) and math.isfinite(lon) and lat0 <= lat <= lat1 and lon0 <= lon <= lon1):
            raise ValueError(f"{r['id']}: coordinates outside Syria: {lat}, {lon}")


def default_regions_path() -> Path:
    from eventmap.resources import data_path

    return data_path("gazetteer") / "regions.csv"


#: hand-written files that live beside the generated ones and are copied along
STATIC_FILES = ("regions.csv", "PROVENANCE.md", "LICENSE")


def build_gazetteer(src_dir: Path, out_dir: Path, regions_csv: Path | None = None,
                    tolerance: float = SIMPLIFY_TOLERANCE) -> dict[str, Any]:
    """Build ``places.tsv``, ``boundaries/*.geojson`` and ``build_stats.json`` into ``out_dir``.

    ``regions_csv`` defaults to ``out_dir/regions.csv`` when present, else the repository's
    ``gazetteer/regions.csv``.  Returns the statistics also written to ``build_stats.json``.
    """
    src_dir, out_dir = Path(src_dir), Path(out_dir)
    if not (src_dir / "wof_sy" / "wof_sy_localities.csv").exists():
        raise FileNotFoundError(f"{src_dir}: not a source data folder (wof_sy/wof_sy_localities.csv missing)")
    if regions_csv is None:
        regions_csv = out_dir / "regions.csv" if (out_dir / "regions.csv").exists() else default_regions_path()
    regions_csv = Path(regions_csv)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "boundaries").mkdir(exist_ok=True)
    # carry the curated/hand-written files along when building elsewhere
    for name in STATIC_FILES:
        src = (regions_csv if name == "regions.csv" else regions_csv.parent / name)
        dst = out_dir / name
        if src.exists() and src.resolve() != dst.resolve():
            shutil.copyfile(src, dst)

    stats: Counter = Counter()
    ocha = _read_ocha(src_dir)
    osy = _read_opensyria(src_dir)
    regions = _read_regions(regions_csv)
    reserved = _region_reserved_keys(regions)

    rows = _admin_places(ocha, osy, reserved, stats)
    rows += _region_places(regions, ocha)
    rows += _locality_places(src_dir, ocha, osy, stats)
    rows.sort(key=_row_sort_key)
    _check_rows(rows)
    sizes: dict[str, int] = {}
    sizes["places.tsv"] = _write_tsv(out_dir / "places.tsv", rows)

    bfeats = _boundary_features(ocha, tolerance)
    for level in (1, 2, 3):
        sizes[f"boundaries/adm{level}.geojson"] = _write_geojson(
            out_dir / "boundaries" / f"adm{level}.geojson", bfeats[level], f"syr_adm{level}")
    south = [f for lv in (1, 2, 3) for f in bfeats[lv] if f["properties"]["adm1_pcode"] in SOUTH_ADM1]
    sizes["boundaries/south.geojson"] = _write_geojson(out_dir / "boundaries" / "south.geojson", south, "syr_south")
    south_bytes = sum(len(json.dumps(f, ensure_ascii=False, separators=(",", ":")).encode("utf-8")) for f in south)

    by_gov: dict[str, Counter] = {}
    gov_names = {f["pcode"]: f["props"]["adm1_name"] for f in ocha[1]}
    for r in rows:
        key = r["admin1_pcode"] or "(none)"
        by_gov.setdefault(key, Counter())[r["kind"]] += 1
    result: dict[str, Any] = {
        "rows": len(rows),
        "by_source": dict(sorted(Counter(r["source"] for r in rows).items())),
        "by_kind": dict(sorted(Counter(r["kind"] for r in rows).items())),
        "by_flag": dict(sorted(Counter(f for r in rows for f in r["flags"]).items())),
        "by_governorate": {
            k: {"name_en": gov_names.get(k, ""), "total": sum(v.values()), "by_kind": dict(sorted(v.items()))}
            for k, v in sorted(by_gov.items())
        },
        "with_arabic_name": sum(1 for r in rows if r["name_ar"]),
        "regions": {r["id"]: r["note"].rsplit("Members: ", 1)[-1].rstrip(".") for r in rows if r["kind"] == "region"},
        "boundaries": {
            "simplify_tolerance_deg": tolerance,
            "coordinate_decimals": BOUNDARY_DECIMALS,
            "features": {f"adm{lv}": len(bfeats[lv]) for lv in (1, 2, 3)},
            "south_adm1": list(SOUTH_ADM1),
            "south_features": len(south),
            "south_feature_bytes": south_bytes,
        },
        "file_bytes": dict(sorted(sizes.items())),
        "notes": dict(sorted(stats.items())),
    }
    (out_dir / "build_stats.json").write_text(
        json.dumps(result, ensure_ascii=False, indent=1, sort_keys=False) + "\n", encoding="utf-8")
    return result


def read_places_tsv(path: Path) -> list[dict[str, str]]:
    """The rows of a places.tsv as dicts of strings (for tests and tools; the lookup has its own loader)."""
    with Path(path).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
