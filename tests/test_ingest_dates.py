"""The ingest page never assumes a publication date: typed, from a saved page's metadata, or a dateline in
the text's first lines offered for confirmation (``events.pubdate``, ``ui.ingest_form``)."""

from __future__ import annotations

import datetime as dt
import json

from eventmap.events.pubdate import (
    date_in_first_lines,
    published_from_html,
    suggest_published,
)
from eventmap.ui import ingest_form

TODAY = dt.date(2026, 12, 1)
PAGE = """<!doctype html><html><head><title>Army enters Nawa</title>
<meta property="article:published_time" content="2018-07-25T09:14:00+03:00"></head>
<body><article><h1>Army enters Nawa</h1><p>Government forces entered Nawa yesterday after local factions
agreed to a settlement brokered by Russian officers, state media said.</p></article></body></html>"""
LDJSON_PAGE = """<html><head><script type="application/ld+json">{"@type": "NewsArticle", "datePublished":
"2018-07-24T20:00:00Z", "headline": "Shelling on Al Rafid"}</script></head><body><article><p>Regime forces
shelled the village of Al Rafid in the southern Quneitra countryside on Tuesday.</p></article></body></html>"""
UNDATED_PAGE = """<html><head><title>Clashes near Jasim</title></head><body><article><p>Clashes broke out near
Jasim in the northern Daraa countryside on Monday, local activists said.</p></article></body></html>"""
DATELINE_EN = "DARAA, July 25, 2018 (AFP) - Syrian government forces took control of Nawa on Wednesday."
DATELINE_AR = "درعا - 25 تموز 2018\nسيطرت قوات النظام على بلدة نوى في ريف درعا الغربي أمس، بحسب مصادر محلية."
UNDATED = "Government forces entered Nawa on Wednesday after local factions agreed to a settlement."


def test_page_metadata_gives_the_date():
    assert published_from_html(PAGE, TODAY) == dt.date(2018, 7, 25)
    assert published_from_html(LDJSON_PAGE.encode(), TODAY) == dt.date(2018, 7, 24)
    assert published_from_html(UNDATED_PAGE, TODAY) is None          # no guess from the text or today


def test_a_dateline_is_found_in_the_first_lines_only():
    assert date_in_first_lines(DATELINE_EN, today=TODAY) == (dt.date(2018, 7, 25), "July 25, 2018")
    assert date_in_first_lines(DATELINE_AR, today=TODAY)[0] == dt.date(2018, 7, 25)
    assert date_in_first_lines("القنيطرة، ٢٤/٠٧/٢٠١٨ - أعلنت الفصائل التوصل إلى اتفاق.", today=TODAY)[0] == \
        dt.date(2018, 7, 24)
    assert date_in_first_lines(UNDATED, today=TODAY) is None          # a weekday is not a date
    assert date_in_first_lines("On 25 July the army entered Nawa.", today=TODAY) is None   # no year: no guess
    late = "\n".join(["Government forces advanced."] * 6 + ["Earlier, on July 20, 2018, talks failed."])
    assert date_in_first_lines(late, today=TODAY) is None


def test_suggestions_say_where_the_date_came_from():
    s = suggest_published(PAGE, TODAY)
    assert (s.date, s.source, s.confirm) == (dt.date(2018, 7, 25), "page metadata", False)
    s = suggest_published(DATELINE_AR, TODAY)
    assert (s.date, s.source, s.confirm) == (dt.date(2018, 7, 25), "text", True)
    assert suggest_published(UNDATED, TODAY) is None


def test_form_items_without_a_date_wait_or_fail_never_default_to_today():
    plan = ingest_form.plan_reports([("pasted text", UNDATED), ("nawa.html", PAGE.encode()),
                                     ("daraa.txt", DATELINE_EN.encode())], None, "SANA", today=TODAY)
    assert [r.published for r in plan.reports] == ["2018-07-25"]          # the page's metadata
    assert plan.notes == ["nawa.html: published 2018-07-25 (from the page metadata)"]
    assert [p.name for p in plan.pending] == ["daraa.txt"] and plan.pending[0].suggestion.date == dt.date(2018, 7, 25)
    assert len(plan.errors) == 1 and plan.errors[0].startswith("pasted text: no publication date")
    assert all(r.published != TODAY.isoformat() for r in plan.reports)
    (rep,) = ingest_form.confirm(plan.pending[0], dt.date(2018, 7, 26), "AFP")
    assert rep.published == "2018-07-26" and rep.source == "AFP"   # the analyst's correction wins


def test_a_typed_date_applies_to_every_item_without_its_own():
    lines = "\n".join(json.dumps(d, ensure_ascii=False) for d in (
        {"text": DATELINE_AR, "published": "2018-07-26"}, {"text": UNDATED}))
    plan = ingest_form.plan_reports([("pasted text", UNDATED), ("batch.jsonl", lines.encode())],
                                    dt.date(2018, 7, 27), today=TODAY)
    assert [r.published for r in plan.reports] == ["2018-07-27", "2018-07-26", "2018-07-27"]
    assert not plan.pending and not plan.errors
    plan = ingest_form.plan_reports([("batch.jsonl", lines.encode())], None, today=TODAY)
    assert [r.published for r in plan.reports] == ["2018-07-26"]
    assert len(plan.errors) == 1 and plan.errors[0].startswith("batch.jsonl:2: no publication date")


def test_a_dateline_is_found_in_a_file_in_any_encoding_the_reader_takes():
    # the date is looked for in the text the reader will store: a UTF-16 upload and a legacy Windows-1256
    # Arabic file are decoded by the one decoder, not read as UTF-8 with their bytes replaced
    files = [("afp.txt", DATELINE_EN.encode("utf-16")), ("daraa.txt", DATELINE_AR.encode("cp1256")),
             ("nawa.txt", ("\ufeff" + DATELINE_AR).encode("utf-8"))]
    plan = ingest_form.plan_reports(files, None, today=TODAY)
    assert not plan.errors and not plan.reports
    assert [(p.name, p.suggestion.date) for p in plan.pending] == [(n, dt.date(2018, 7, 25)) for n, _ in files]
    reps = [r for p in plan.pending for r in ingest_form.confirm(p, p.suggestion.date)]
    assert all("نوى" in r.text for r in reps[1:]) and "Nawa" in reps[0].text


def test_a_file_the_page_cannot_read_is_said_as_such_not_as_a_missing_date():
    plan = ingest_form.plan_reports([("scan.txt", b"%PDF-1.4\x00\x00\x01binary"), ("empty.txt", b"  \n"),
                                     ("notes.docx", DATELINE_EN.encode()), ("pasted text", "   ")], None,
                                    today=TODAY)
    assert not plan.reports and not plan.pending
    assert len(plan.errors) == 4 and not any("publication date" in e for e in plan.errors), plan.errors
    binary, empty, docx, pasted = plan.errors
    assert binary.startswith("scan.txt: ") and "binary" in binary and binary.count("scan.txt") == 1
    assert empty.startswith("empty.txt: ") and "empty" in empty
    assert docx == "notes.docx: unsupported file type .docx; use .txt, .html or .jsonl"
    assert pasted.startswith("pasted text: ") and "empty" in pasted
