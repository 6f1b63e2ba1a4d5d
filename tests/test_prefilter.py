"""The literal prefilter skips scans that cannot match, and never changes what a scan finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from eventmap.events import dates as D
from eventmap.events._prefilter import Gated, gate, required
from eventmap.events.reader import detect_language


def test_required_literals_of_alternations_and_sequences():
    assert required(re.compile(r"(?<![\w])(?:yesterday|last\snight)(?![\w])")) == {"yesterday", "night"}
    assert required(re.compile(r"(?:foo|ba)r")) == {"foo", "ba"}
    assert required(re.compile(r"\bcheckpoint\s+\d+")) == {"checkpoint"}


def test_optional_or_case_blind_parts_prove_nothing():
    assert required(re.compile(r"(?:early\s)?dawn")) == {"dawn"}
    assert required(re.compile(r"(?:ab|c)?")) is None          # may match the empty string
    assert required(re.compile(r"[a-z]{2}")) is None
    assert required(re.compile(r"yesterday", re.IGNORECASE)) is None    # "Yesterday" would slip past a plain `in`


def test_a_gate_skips_a_text_without_its_words_and_scans_one_with_them():
    g = Gated(re.compile(r"(?<!\w)(?:قبل\sيومين|منذ\sيومين)(?!\w)"))
    assert not g.possible("قصفت المدفعية أطراف البلدة صباح اليوم")
    assert [m.group(0) for m in g.finditer("سقطت قذائف على الحي قبل يومين")] == ["قبل يومين"]


_WORDS = ["yesterday", "last", "night", "on", "the", "day", "امس", "اليوم", "صباح", "قبل", "يومين", "2019",
          "-", "3", "12", "الجمعه", "friday", "morning", " ", "  ", "x", "ب", "و"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=30))
def test_gated_scans_find_exactly_what_the_plain_pattern_finds(words):
    text = " ".join(words)
    pats = [p for p, _, _ in D._AR_RELATIVE + D._EN_RELATIVE] + [D._EN_WEEKDAY_RE, D._AR_WEEKDAY_RE,
                                                                  D._ISO_RE, D._DMY_RE]
    for p in pats:
        assert [m.span() for m in gate(p).finditer(text)] == [m.span() for m in p.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("abcXYZ ابت،ـً\u06ff\u0600\u0700éß1 \ud800"), max_size=60))
def test_language_is_the_majority_script_counted_letter_by_letter(text):
    ar = len(re.findall(r"[\u0600-\u06ff]", text))
    lat = len(re.findall(r"[A-Za-z]", text))
    if ar or lat:
        assert detect_language(text) == ("ar" if ar >= lat else "en")
