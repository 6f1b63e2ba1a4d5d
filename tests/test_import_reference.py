"""ACLED / UCDP GED files as reference layers, on both backends, kept apart from extracted events."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from eventmap.store import open_store
from eventmap.store.reference import parse_reference
from eventmap.store.testing import backend_url, rafid_report_ar

DATA = Path(__file__).parent / "data"
BACKENDS = ["sqlite", pytest.param("postgis", marks=pytest.mark.postgis)]


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    with backend_url(request.param, tmp_path) as u:
        s = open_store(u)
        yield s
        s.close()


def test_acled_export_loads_as_a_reference_layer(store):
    store.ingest(*rafid_report_ar())
    assert store.import_reference("acled", DATA / "acled_sample.csv") == 5
    ref = store.reference_layer("acled")
    assert len(ref) == 5
    rafid = ref[ref["ref_id"] == "SYRTEST0001"].iloc[0]
    assert (rafid["latitude"], rafid["longitude"]) == (32.9557, 35.9002)
    assert rafid["event_type"] == "Strategic developments" and rafid["admin3"] == "Al-Khashniyyeh"
    # an older export's "25 July 2018" date is read as ISO
    assert ref[ref["ref_id"] == "SYRTEST0003"].iloc[0]["event_date"] == "2018-07-25"
    assert ref[ref["ref_id"] == "SYRTEST0003"].iloc[0]["fatalities"] == 3
    assert ref["event_date"].tolist() == sorted(ref["event_date"])
    # kept apart: our events are unchanged, and the reference rows are not among them
    assert store.count_stored() == 2 and len(store.query()) == 2
    assert "SANA; TEST FIXTURE" not in set(store.facets()["sources"])
    # importing the same file again changes nothing
    assert store.import_reference("acled", DATA / "acled_sample.csv") == 5
    assert len(store.reference_layer("acled")) == 5
    assert len(store.reference_layer("ucdp")) == 0
    assert list(store.reference_layer("acled", since="2018-07-25", until="2018-07-25")["ref_id"]) == ["SYRTEST0003"]


def test_ucdp_ged_loads_with_violence_types_and_best_estimate(store):
    assert store.import_reference("ucdp", DATA / "ucdp_sample.csv") == 3
    ref = store.reference_layer("ucdp").set_index("ref_id")
    assert ref.loc["900001", "event_type"] == "State-based conflict"
    assert ref.loc["900002", "event_type"] == "One-sided violence"
    assert ref.loc["900002", "actor2"] == "Civilians" and ref.loc["900002", "fatalities"] == 2
    assert ref.loc["900003", "event_date"] == "2018-07-25" and ref.loc["900003", "geo_precision"] == 2
    assert ref.loc["900001", "admin1"] == "Quneitra governorate"
    assert (ref.loc["900002", "latitude"], ref.loc["900002", "longitude"]) == (32.62944, 36.22626)
    assert store.count_stored() == 0


def test_wrong_files_are_refused_with_the_missing_columns(tmp_path, store):
    with pytest.raises(ValueError, match="event_id_cnty"):
        store.import_reference("acled", DATA / "ucdp_sample.csv")
    with pytest.raises(ValueError, match="type_of_violence"):
        store.import_reference("ucdp", DATA / "acled_sample.csv")
    with pytest.raises(ValueError, match="kind"):
        store.import_reference("gdelt", DATA / "acled_sample.csv")
    with pytest.raises(FileNotFoundError):
        store.import_reference("acled", tmp_path / "missing.csv")
    (tmp_path / "empty.csv").write_bytes(b"")
    with pytest.raises(ValueError, match="an empty file, not a UCDP CSV"):
        store.import_reference("ucdp", tmp_path / "empty.csv")
    bad = pd.read_csv(DATA / "acled_sample.csv", dtype=str)
    bad.loc[0, "latitude"] = "132.9557"
    with pytest.raises(ValueError, match="out of range"):
        store.import_reference("acled", bad)
    bad = pd.read_csv(DATA / "acled_sample.csv", dtype=str)
    bad.loc[1, "event_date"] = "sometime in July"
    with pytest.raises(ValueError, match="unreadable date"):
        store.import_reference("acled", bad)
    assert len(store.reference_layer("acled")) == 0  # a refused file leaves nothing behind


def test_parse_accepts_a_bom_and_upper_case_headers(tmp_path):
    text = (DATA / "acled_sample.csv").read_text(encoding="utf-8")
    header, rest = text.split("\n", 1)
    p = tmp_path / "acled_export.csv"
    p.write_text("\ufeff" + header.upper() + "\n" + rest, encoding="utf-8")
    rows = parse_reference("acled", p)
    assert [r["ref_id"] for r in rows][:2] == ["SYRTEST0001", "SYRTEST0002"]
