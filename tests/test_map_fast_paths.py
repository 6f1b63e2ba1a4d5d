"""The map page's column-wise fast paths against plain per-row references (issue 15).

``build_payload``, ``encode_payload``, ``js_safe_json``, ``defuse_templates``, the legend's counts, the control
model and the control layer's payload work per distinct value or per column; each is compared here with the
straightforward per-row code it replaced (kept below as the reference), on generated rows holding None, NaN,
empty strings, Arabic, bidi controls, newlines, HTML and template syntax, in arrow, object and ``string``
columns. Any difference in the page the browser gets fails here.
"""

from __future__ import annotations

import base64
import gzip
import json
import math
import re
from typing import Any
from unittest.mock import patch

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventmap.control import build_control
from eventmap.control import model as control_model
from eventmap.frame import normalise_frame
from eventmap.views import live_map
from eventmap.views import map_payload as vm
from eventmap.views import payload as vp
from eventmap.views.approximate import approximate_notes, rings
from eventmap.views.bidi import isolate_html
from eventmap.views.control_layer import ORDER, _name_html, _ring, control_payload, legend_html
from eventmap.views.escape import _JS_UNSAFE, clean_text, esc, js_safe_json, js_safe_text

# ----------------------------------------------------------------------------------------- the references


def ref_safe_url(u: Any) -> str:
    s = clean_text(u).strip()
    low = re.sub(r"[\s\x00-\x20]", "", s).lower()
    return s if low.startswith(("http://", "https://")) else ""


class RefStrings:
    def __init__(self) -> None:
        self.table: list[str] = [""]
        self.index: dict[str, int] = {"": 0}

    def codes(self, values: Any) -> list[int]:
        out = []
        for v in values:
            if v not in self.index:
                self.index[v] = len(self.table)
                self.table.append(v)
            out.append(self.index[v])
        return out

    def column(self, series: pd.Series, transform: Any = esc) -> list[int]:
        return self.codes(transform(vm._text(v)) for v in series.astype(object).where(series.notna(), ""))


def ref_regions(pids: list[str], gp: list[int]) -> tuple[list[dict], list[int]]:
    regions: list[dict] = []
    r_index: dict[str, int] = {}
    for pid, g in zip(pids, gp):
        if g >= 2 and pid.startswith(("ocha:", "region:")) and pid not in r_index:
            geom = vm.outline_for_place(pid, None)
            r_index[pid] = len(regions) if geom is not None else -1
            if geom is not None:
                regions.append(vm.to_geojson_geometry(geom))
    return regions, [r_index.get(p, -1) if g >= 2 else -1 for p, g in zip(pids, gp)]


def ref_payload(frame: pd.DataFrame, selected: str | None = None) -> dict[str, Any]:
    """``build_payload`` as it was: every text column read, escaped and coded row by row."""
    drawn = frame[vm.has_coords(frame)]
    if len(drawn):
        drawn = drawn.iloc[np.argsort(np.asarray(vm._texts(drawn["event_date"]), dtype=object), kind="stable")]
    S = RefStrings()
    dates = [d[:10] for d in vm._texts(drawn["event_date"])]
    days = vm.calendar_days(dates)
    types = list(dict.fromkeys(vm._texts(drawn["event_type"])))
    notes, locs = vm._texts(drawn["notes"]), vm._texts(drawn["location"])
    evid = vm._texts(drawn["evidence"]) if "evidence" in drawn else [""] * len(drawn)
    langs = vm._texts(drawn["language"]) if "language" in drawn else [""] * len(drawn)
    pids, gp = vm._texts(drawn["place_id"]), drawn["geo_precision"].fillna(1).astype(int).tolist()
    regions, rg = ref_regions(pids, gp)
    rs, ring_of, slot_of = rings(drawn)
    ids = vm._texts(drawn["event_id"])
    badges = approximate_notes(drawn, radius=False).map(lambda s: s.removeprefix("approximate: "))
    p = {"n": len(drawn), "unresolved": int(len(frame) - len(drawn)), "days": [esc(d) for d in days],
         "T": [[esc(t or "Unknown"), vm.style_for(t).color, vm.style_for(t).shape] for t in types],
         "lat": drawn["latitude"].astype(float).round(5).tolist(),
         "lon": drawn["longitude"].astype(float).round(5).tolist(),
         "d": [days.index(d) for d in dates], "t": [types.index(t) for t in vm._texts(drawn["event_type"])],
         "gp": gp, "u": pd.to_numeric(drawn["uncertainty_km"], errors="coerce").fillna(0.0).round(2).tolist(),
         "ns": pd.to_numeric(drawn["number_of_sources"], errors="coerce").fillna(1).astype(int).tolist(),
         "k": vm.killed_values(drawn), "rtl": [1 if vm._is_rtl(n, lg) else 0 for n, lg in zip(notes, langs)],
         "rg": rg, "R": regions, "id": [esc(i) for i in ids]}
    for key, col in (("st", "sub_event_type"), ("pa", "place_name_ar"), ("pe", "place_name_en"), ("lo", "location"),
                     ("a1", "admin1"), ("a2", "admin2"), ("a3", "admin3"), ("x1", "actor1"), ("x2", "actor2"),
                     ("so", "source")):
        p[key] = S.column(drawn[col])
    p["ur"] = S.column(drawn["source_url"], transform=lambda u: esc(ref_safe_url(u)))
    p["no"] = S.codes(vm.highlight_html(n, lo, e) for n, lo, e in zip(notes, locs, evid))
    p["ae"] = S.codes(isolate_html(b) for b in badges)
    p.update({"ag": ring_of.tolist(), "as": slot_of.tolist(),
              "G": [[r.lat, r.lon, len(r.names), round(r.uncertainty_km, 2), isolate_html(r.note)] for r in rs],
              "sel": ids.index(selected) if selected in ids else -1, "un": vm._unplaced_rows(frame), "S": S.table})
    return p


def ref_js_safe(text: str) -> str:
    return re.sub("[<>&\u2028\u2029]|\\{(?=[{%#])", lambda m: _JS_UNSAFE[m.group()], text)


def ref_encode(payload: dict[str, Any], compress_above: int) -> str:
    raw = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    if len(raw) <= compress_above:
        return ref_js_safe(raw)
    z = base64.b64encode(gzip.compress(raw.encode("utf-8"), compresslevel=5, mtime=0)).decode("ascii")
    return ref_js_safe(json.dumps({"z": z}, separators=(",", ":")))


def ref_add_day(p: control_model.PlaceControl, claims: list[control_model.Claim]) -> None:
    """``_add_day`` as it was: a Change made for every day, kept only when the holder changes."""
    if len(claims) == 1:
        c = claims[0]
        holders: tuple[str, ...] = (c.holder,)
        taken: tuple[str, ...] = (c.taken_from,) if c.taken_from else ()
    else:
        by_report: dict[str, str] = {}
        for c in claims:
            by_report[c.report_id or c.event_id] = c.holder
        holders = tuple(control_model._uniq(by_report.values()))
        taken = tuple(control_model._uniq([c.taken_from for c in claims]))
    prev = p.changes[-1].holder if p.changes else control_model.UNKNOWN
    if len(holders) > 1:
        ch = control_model.Change(claims[0].date, control_model.CONTESTED, prev, tuple(claims),
                                  contenders=tuple(sorted(holders)), taken_from=taken)
    else:
        ch = control_model.Change(claims[0].date, holders[0], prev, tuple(claims), taken_from=taken)
    if p.changes and ch.holder == prev and ch.contenders == p.changes[-1].contenders:
        p.confirmations[-1].extend(claims)
        return
    p.changes.append(ch)
    p.confirmations.append([])


def ref_defuse(frame: pd.DataFrame) -> pd.DataFrame:
    """``defuse_templates`` as it was: each text column joined into one Python string and searched."""
    out = None
    for col in live_map._TEXT_COLUMNS:
        if col not in frame.columns or pd.api.types.is_numeric_dtype(frame[col]) or \
                pd.api.types.is_bool_dtype(frame[col]):
            continue
        if not live_map._TEMPLATE_START_RE.search(live_map._column_text(frame[col])):
            continue
        v = frame[col].astype(str)
        hit = v.str.contains(live_map._TEMPLATE_START_RE, regex=True, na=False)
        if hit.any():
            out = frame.copy() if out is None else out
            out.loc[hit, col] = v[hit].str.replace(live_map._TEMPLATE_START_RE, "{\u200b", regex=True)
    return frame if out is None else out


# ----------------------------------------------------------------------------------------- generated rows

WORDS = ["", " ", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "{{ 7*191 }}", "{% if 1 %}", "{#c#}",
         'a"b\'c&d', "سيطرت قوات النظام على بلدة صيدا", "صيدا", "Sayda", "\u202eSayda\u202c", "\u200fدرعا\u200e",
         "line1\nline2\r\nline3", "x\x00y\x07z\x85", "\u2028sep\u2029", "}}{{", "&amp;lt;", "نبع الصخر Nab` as Sakhr",
         "https://x.org/a?b=<c>&d=\"e\"", "javascript:alert(1)", " http://ok.net/ ", "HTTPS://UP.net", "😀"]
_SUBS = [("Battles", "Government regains territory"), ("Battles", "Non-state actor overtakes territory"),
         ("Strategic developments", "Non-violent transfer of territory"),
         ("Strategic developments", "Headquarters or base established"), ("Battles", "Armed clash"), ("", "")]
_ACTORS = ["Syrian government forces", "Opposition armed groups", "Jabhat al-Nusra / HTS", "Israeli forces",
           "Islamic State (Syria)", "a <b>faction</b>", "", None]

texts = st.one_of(st.sampled_from(WORDS), st.none(), st.just(math.nan),
                  st.text(st.characters(blacklist_categories=("Cs",)), max_size=12))


@st.composite
def rows(draw: Any) -> dict[str, Any]:
    loc = draw(st.sampled_from(["صيدا", "Sayda", "<b>x</b>", "", "نبع الصخر"]))
    etype, sub = draw(st.sampled_from(_SUBS))
    point = draw(st.sampled_from([(32.9, 35.9), (32.87622, 35.87609), (-0.0, 36.1), (None, None), (math.nan, 35.0),
                                  (33.08408, 35.95076)]))
    notes = draw(st.one_of(texts, st.builds(lambda a, b: f"{a} {loc} {b}", st.sampled_from(WORDS), texts)))
    return {
        "event_id": draw(st.sampled_from(["e1", "e2", "<e3>", "e\n4", "e5", "{{e6}}"])) + str(draw(st.integers(0, 9))),
        "event_date": draw(st.sampled_from(["2018-07-25", "2018-07-2", "2018-07-24T10:00", "2019-01-01", "", None,
                                            "25/07/2018 <b>"])),
        "event_type": draw(st.one_of(st.just(etype), texts)), "sub_event_type": sub, "location": loc, "notes": notes,
        "actor1": draw(st.sampled_from(_ACTORS)), "actor2": draw(st.sampled_from(_ACTORS)),
        "place_id": draw(st.sampled_from(["wof:1276450189", "ocha:SY14", "region:nowhere", "", None, "p<1>"])),
        "place_name_ar": draw(texts), "place_name_en": draw(texts), "admin1": draw(texts), "admin2": draw(texts),
        "admin3": draw(texts), "source": draw(texts), "source_url": draw(texts), "language": draw(texts),
        "latitude": point[0], "longitude": point[1], "geo_precision": draw(st.sampled_from([1, 2, 3])),
        "resolution": draw(st.sampled_from(["resolved", "approximate", "ambiguous"])),
        "resolution_note": draw(st.sampled_from(WORDS)), "uncertainty_km": draw(st.sampled_from([0.0, 2.5, math.nan, 10.0])),
        "fatalities": draw(st.sampled_from([None, 0, 3, -1, 2.5])), "report_id": draw(st.sampled_from(["r1", "r2", ""])),
        "evidence": draw(st.sampled_from(['{"mention_start": 2, "mention_end": 6, "sentence_start": 0}', "", "{bad",
                                          None, '{"mention_start": 0, "mention_end": 4, "sentence_start": 0}'])),
        "trigger_label": draw(st.sampled_from(["withdrawal", "settlement_entry", "", None])),
        "number_of_sources": draw(st.sampled_from([1, 2, None])), "published": "2018-07-25",
    }


@st.composite
def control_rows(draw: Any) -> dict[str, Any]:
    """Rows about few places, days and reports, so days are contested, settled and contested again."""
    row = draw(rows())
    etype, sub = draw(st.sampled_from(_SUBS[:4]))
    row.update(event_type=etype, sub_event_type=sub, place_id=draw(st.sampled_from(["wof:1", "wof:2", None])),
               event_date=draw(st.sampled_from(["2018-07-23", "2018-07-24", "2018-07-25"])),
               report_id=draw(st.sampled_from(["r1", "r2", "r3"])), geo_precision=1)
    return row


def frame_of(items: list[dict[str, Any]], kind: str) -> pd.DataFrame:
    """The rows as an events frame whose text columns are of ``kind``: the store's default, object or "string"."""
    f = normalise_frame(pd.DataFrame(items))
    text = [c for c in f.columns if f[c].dtype == object or isinstance(f[c].dtype, pd.StringDtype)]
    if kind == "object":
        f = f.astype({c: object for c in text})
        f.loc[f.index[::3], "source"] = 5   # a number among the strings
    elif kind == "string":
        f = f.astype({c: "string" for c in text})
    return f


FRAMES = st.tuples(st.lists(rows(), max_size=30), st.sampled_from(["default", "object", "string"]))
CHECK = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# ----------------------------------------------------------------------------------------- the tests


@CHECK
@given(FRAMES, st.integers(0, 40))
def test_payload_and_encoded_page_match_the_per_row_reference(case, pick):
    items, kind = case
    f = frame_of(items, kind)
    selected = items[pick]["event_id"] if pick < len(items) else None
    fast, plain = vm.build_payload(f, selected_event_id=selected), ref_payload(f, selected)
    assert fast == plain
    for limit in (10**9, 50):   # inlined and gzip+base64
        assert vm.encode_payload(fast, limit) == ref_encode(plain, limit)


@CHECK
@given(FRAMES)
def test_defused_frame_and_legend_counts_match_the_plain_ones(case):
    items, kind = case
    f = frame_of(items, kind)
    fast, plain = live_map.defuse_templates(f), ref_defuse(f)
    assert (fast is f) == (plain is f)
    assert fast.equals(plain)
    types = f["event_type"]
    assert vm._type_counts(types) == types.map(vm._text).replace("", "Unknown").map(clean_text).value_counts().to_dict()


@CHECK
@given(st.tuples(st.lists(control_rows(), max_size=40),
                 st.sampled_from(["default", "object", "string"])))
def test_control_model_and_layer_match_the_plain_ones(case):
    items, kind = case
    f = frame_of(items, kind)
    fast = build_control(f)
    with patch.object(control_model, "_add_day", ref_add_day):
        plain = build_control(f)
    assert fast == plain
    assert control_payload(fast, "2018-12-31") == ref_control_payload(plain, "2018-12-31")
    assert control_payload(fast, "2018-07-24") == ref_control_payload(plain, "2018-07-24")


def ref_control_payload(model: control_model.ControlModel, end: str) -> dict[str, Any]:
    from eventmap.views.control_layer import HOLDER_COLORS, HOLDER_LABELS, _change_html

    index = {h: i for i, h in enumerate(ORDER)}
    located = [p for p in model.places.values() if p.latitude is not None and p.longitude is not None]
    offsets = _ring(located)
    places = []
    for i, p in enumerate(sorted(located, key=lambda q: q.key)):
        chs = [[c.date, index[c.holder], _change_html(c, False), _change_html(c, True)]
               for c in p.changes if c.date <= end]
        places.append({"i": i, "k": esc(p.key), "n": _name_html(p), "lat": p.latitude, "lon": p.longitude,
                       "ap": p.resolution == "approximate", "o": list(offsets[p.key]), "c": chs,
                       "e": [esc(e) for c in p.changes for e in c.basis()["event_ids"]][-20:]})
    return {"H": [[h, HOLDER_LABELS[h]] for h in ORDER], "color": dict(HOLDER_COLORS), "p": places,
            "end": end, "day": end, "legend": legend_html(), "unknownTip": "<b>Unknown</b>: no report yet says who holds it"}


@given(st.lists(st.one_of(st.sampled_from(WORDS), st.text()), max_size=6))
def test_js_safe_text_matches_the_regex(values):
    for obj in (values, {"k": values, "z": "".join(values)}):
        text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
        assert js_safe_text(text) == ref_js_safe(text) == js_safe_json(obj)


@settings(max_examples=200)
@given(st.one_of(st.lists(st.integers(-(2**63), 2**63 - 1)),
                 st.lists(st.floats(allow_nan=False, allow_infinity=False)),
                 st.lists(st.sampled_from([0.0, -0.0, 1e-7, 32.87622, 1e16, 5e-324]))))
def test_numbers_are_written_as_json_writes_them(values):
    a = np.asarray(values, dtype=np.float64 if values and isinstance(values[0], float) else np.int64)
    assert vp._numbers_json(a) == json.dumps(a.tolist(), separators=(",", ":"))
    p = {"a": vp._Numbers(a), "b": [None, 1], "c": vp._Numbers(np.tile(a, 300)), "d": "<{{x}}>"}
    assert vp.payload_json(p) == json.dumps(p, ensure_ascii=False, separators=(",", ":"))


def test_a_non_finite_number_is_still_refused():
    with pytest.raises(ValueError):
        vp.payload_json({"a": vp._Numbers(np.array([1.0, math.inf] * 200))})
