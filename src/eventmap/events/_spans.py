"""Offsets between a text and its normalised form (``eventmap.text.normalize_with_offsets``)."""

from __future__ import annotations

from eventmap.text import _CHAR_TABLE  # the same table the normaliser uses


def _silent(ch: str) -> bool:
    """True for a character that normalises to nothing (harakat, tatweel, hamza)."""
    return _CHAR_TABLE.get(ord(ch)) == ""


def orig_span(text: str, offs: list[int], a: int, b: int) -> tuple[int, int]:
    """Normalised span [a, b) -> span in ``text`` covering the same characters.

    The end is extended over trailing characters that normalise to nothing
    (a final hamza or shadda belongs to the word), never over spaces.
    """
    if b <= a:
        s = offs[a] if a < len(offs) else len(text)
        return s, s
    s = offs[a]
    e = offs[b - 1] + 1
    n = len(text)
    while e < n and _silent(text[e]):
        e += 1
    return s, e

