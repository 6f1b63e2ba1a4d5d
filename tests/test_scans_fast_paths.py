"""Fast paths of the report-level scans (triggers, actors, normalisation, sentences): each must give exactly
what the plain computation gives.  The texts are written here (Arabic and English news phrasing) and mixed
by hypothesis with hostile input: diacritics, tatweel, bidi marks, CRLF, odd white space."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from eventmap.events import lexicon as L
from eventmap.events._prefilter import gate
from eventmap.events._spans import normalize_offsets

_HOSTILE = ["\u200f", "\u200e", "\u0640", "\u064b", "\u0651", "\r\n", "\t", "\u00a0", "\u2009", "\ufeff", "-", "،",
            ",", ".", "  ", "\u202b", "ـً", "Σ", "İ", "\U0001f600"]

# --- triggers: a pattern with no literal start is searched near its literals -------------------------------

_EN_TRIGGER_WORDS = ["israeli", "russian", "us", "u.s.", "coalition", "regime", "government", "syrian", "air",
                     "missile", "strike", "strikes", "strikes-", "-strike", "airstrike", "the", "killed", "in",
                     "daraa", "israeli strikes", "u.s. strike", "syrian air strikes", "regime missile strike",
                     "xstrike", "strikesx", "us-strike"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_EN_TRIGGER_WORDS + _HOSTILE), max_size=30),
       st.sampled_from([" ", "", "  ", "-", ", "]), st.integers(0, 40), st.integers(0, 400))
def test_trigger_patterns_without_a_literal_start_find_what_a_full_search_finds(words, sep, lo, hi):
    norm = normalize_offsets(sep.join(words))[0]
    for _, rx in L._compiled()[1].always + L._compiled()[0].always:
        for pos in ((), (lo,), (lo, hi)):
            assert [m.span("t") for m in gate(rx).finditer(norm, *pos)] == [m.span("t") for m in rx.finditer(norm, *pos)]
