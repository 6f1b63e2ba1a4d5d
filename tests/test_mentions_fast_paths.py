"""Shortcuts of the place-mention finder (mentions.py, sites.py): never a different answer.

Each fast path is compared with the plain computation it replaced, on sentences made up here from
gazetteer names, cue words and punctuation, and on windows of them that cut words at either edge."""

from __future__ import annotations

from functools import lru_cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventmap.events import mentions as M
from eventmap.places.gazetteer import default_gazetteer
from eventmap.text import latin_key


@lru_cache(maxsize=1)
def _idx() -> M._Index:
    return M.index_for(default_gazetteer())


@lru_cache(maxsize=1)
def _names() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Some English and Arabic gazetteer names of the south (Daraa, Quneitra, Sweida)."""
    g = default_gazetteer()
    south = [p for p in g.places if p.admin1_en in ("Dar'a", "Daraa", "Quneitra", "As-Sweida", "Sweida")]
    en = sorted({p.name_en for p in south if p.name_en})[::7][:150]
    ar = sorted({p.name_ar for p in south if p.name_ar})[::7][:150]
    return tuple(en), tuple(ar)


# --- English -----------------------------------------------------------------------------------

_EN_WORDS = ("the", "village", "of", "near", "in", "shelled", "and", "town", "The", "In", "Syrian", "Army",
             "forces", "entered", "al", "Al", "el-", "al-", "ash-", "Tal", "Tel", "Deir", "North", "Jasim",
             "Mohammed", "President", "Assad", "clashes", "'", "’s", "Şeyh", "Ñawa", "Daraa", "Quneitra",
             "countryside", "west", "of", "crossing", "Brigade", "52", "killed", "two", "people")
_EN_SEPS = ("", " ", " ", " ", "  ", "-", " - ", ", ", ". ", "'", " (", ") ", " and ", ": ", "\n")


@st.composite
def _en_text(draw) -> str:
    names = _names()[0]
    pieces = draw(st.lists(st.one_of(st.sampled_from(names), st.sampled_from(_EN_WORDS)), min_size=1, max_size=18))
    seps = draw(st.lists(st.sampled_from(_EN_SEPS), min_size=len(pieces), max_size=len(pieces)))
    return "".join(p + s for p, s in zip(pieces, seps))


@settings(max_examples=600, deadline=None)
@given(_en_text(), st.data())
def test_the_english_name_scan_finds_what_the_token_by_token_scan_finds(text, data):
    idx = _idx()
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    for a, b in ((0, len(text)), (lo, hi)):
        assert M.scan_gazetteer_en(text, idx, a, b) == M.scan_gazetteer_en_plain(text, idx, a, b)


@pytest.mark.parametrize("text", [
    "Regime forces shelled the village of Tafas and al-Yadudah near Daraa, said activists.",
    "Clashes in Al Harra and Nawa - Jasim; the Nasib border crossing was closed.",
    "Shelling hit Tal al-Jumua, Kafr Shams and 'Aqraba on Sunday.",
    "no capitals at all here",
])
def test_the_english_name_scan_agrees_on_written_sentences(text):
    idx = _idx()
    found = M.scan_gazetteer_en(text, idx, 0, len(text))
    assert found == M.scan_gazetteer_en_plain(text, idx, 0, len(text))
    for cut in range(len(text)):
        assert M.scan_gazetteer_en(text, idx, cut, len(text)) == M.scan_gazetteer_en_plain(text, idx, cut, len(text))
        assert M.scan_gazetteer_en(text, idx, 0, cut) == M.scan_gazetteer_en_plain(text, idx, 0, cut)


def test_the_english_name_scan_finds_names():
    text = "Regime forces shelled Tafas and al-Yadudah near Daraa."
    keys = [k for _, _, k in M.scan_gazetteer_en(text, _idx(), 0, len(text))]
    assert keys == [latin_key("Tafas"), latin_key("al-Yadudah"), latin_key("Daraa")]
