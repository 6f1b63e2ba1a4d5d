"""escape.esc / js_safe_json / safe_url: the one escaping path for report strings."""

from __future__ import annotations

import json
import math

from hypothesis import given, strategies as st

from eventmap.views.escape import clean_text, esc, js_safe_json, safe_url


def test_esc_makes_markup_inert_and_keeps_arabic():
    s = 'قصف <script>alert(1)</script> على "نبع الصخر" & <img src=x onerror=alert(1)>'
    out = esc(s)
    assert "<" not in out and ">" not in out and '"' not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "&lt;img src=x onerror=alert(1)&gt;" in out
    assert "قصف" in out and "نبع الصخر" in out
    assert "&amp;" in out


def test_esc_none_nan_and_controls():
    assert esc(None) == ""
    assert esc(float("nan")) == ""
    assert esc("a\x00b\x1fc\x7fd") == "abcd"
    assert esc("line1\nline2\tx") == "line1\nline2\tx"
    assert clean_text(math.nan) == ""


def test_esc_once_is_not_idempotent_on_purpose():
    # escaping twice shows entities to the reader: callers must escape exactly once
    assert esc(esc("<b>")) == "&amp;lt;b&amp;gt;"


@given(st.text())
def test_esc_output_never_contains_markup_characters(s):
    out = esc(s)
    assert not set(out) & set("<>\"'")


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(),
                    lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=5), c, max_size=4),
                    max_leaves=20))
def test_js_safe_json_round_trips_and_cannot_close_a_script(obj):
    text = js_safe_json(obj)
    assert json.loads(text) == obj
    for bad in ("<", ">", "&", "\u2028", "\u2029"):
        assert bad not in text


def test_js_safe_json_hostile_string():
    text = js_safe_json({"n": "</script><script>alert(1)</script>", "ar": "صيدا"})
    assert "</script" not in text.lower()
    assert "صيدا" in text   # Arabic stays readable UTF-8
    assert json.loads(text)["n"] == "</script><script>alert(1)</script>"


def test_safe_url_only_http():
    assert safe_url("https://www.enabbaladi.net/archives/245000") == "https://www.enabbaladi.net/archives/245000"
    assert safe_url("http://example.org/a?b=1&c=<x>") == "http://example.org/a?b=1&c=<x>"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "java\tscript:alert(1)", "data:text/html,<script>",
                "vbscript:x", "", None, "//evil.example/x", "ftp://x"):
        assert safe_url(bad) == "", bad


def test_no_template_start_tag_survives_escaping():
    out = esc("{{ 7*7 }} {% for %} {# x #}")
    assert "{" not in out and "}" not in out and out.count("&#123;") == 4
    text = js_safe_json({"a": "{{ x }}", "b": "{% y %}", "c": "{# z #}", "d": {"e": [{"f": "{}"}]}})
    assert not any(tag in text for tag in ("{{", "{%", "{#"))
    assert json.loads(text)["a"] == "{{ x }}" and json.loads(text)["d"] == {"e": [{"f": "{}"}]}


@given(st.text(alphabet="{}%#x \"", max_size=30))
def test_js_safe_json_never_emits_a_template_start(s):
    text = js_safe_json({"k": s, "n": [{"m": s}]})
    assert not any(tag in text for tag in ("{{", "{%", "{#"))
    assert json.loads(text)["k"] == s


def test_esc_many_is_esc_of_each_value():
    """Escaping a column as one text gives each value's own escape, whatever the values hold."""
    from eventmap.views.escape import esc, esc_many

    vals = ["a1b2:c3", "<b>Sayda</b> & 'Nawa'", "{{ 7*7 }}", "", "قصف \u202eعلى\u202c درعا", "x\x07y"]
    assert esc_many(vals) == [esc(v) for v in vals]
    assert esc_many(["line one\nline two", "<i>"]) == ["line one\nline two", "&lt;i&gt;"]  # a newline inside
    assert esc_many(["7", None, 3.0]) == [esc("7"), "", "3.0"]  # not all strings
    assert esc_many([]) == []
