"""Offsets between a text and its normalised form (``eventmap.text.normalize_with_offsets``), and the one
keyword pass over a normalised report that the actor, trigger and date scans share (:func:`keyword_hits`)."""

from __future__ import annotations

import bisect
import re as _re
from collections.abc import Callable, Iterable
from typing import Any

# the same table the normaliser uses
from eventmap.text import _CHAR_TABLE, INVISIBLE_CHARS, translation_list
from eventmap.text import normalize_with_offsets as _slow_normalize

#: letter marks that normalise to nothing and belong to their word (harakat, tatweel, hamza); not the
#: invisible format characters (a closing bidi mark after a name is not part of the name)
_SILENT = frozenset(chr(cp) for cp, rep in _CHAR_TABLE.items() if rep == "" and chr(cp) not in INVISIBLE_CHARS)


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
    while e < n and text[e] in _SILENT:
        e += 1
    return s, e


# --- the same normalisation as eventmap.text.normalize_with_offsets, faster --------------------

_SENTINEL = "\uffff"


def _fast_table() -> dict[int, str]:
    t: dict[int, str] = {}
    for cp, rep in _CHAR_TABLE.items():
        t[cp] = _SENTINEL if rep == "" else rep
    for cp in list(range(0, 0x3100)) + [0x3000, 0x205F, 0x2028, 0x2029, 0x1680, 0x180E, 0xFEFF]:
        if chr(cp).isspace() and cp not in t:
            t[cp] = " "
    return t


_FAST_TABLE = translation_list(_fast_table())
# runs that lose characters: a space followed by more spaces/silent characters, or silent characters
_DROP_RE = _re.compile(" [ \uffff]+|\uffff+")
#: the same runs in a text where no silent character follows a space: spaces after a space, and silent
#: characters (two passes that open with a literal, which re finds fast, instead of one alternation)
_SPACES_RE = _re.compile("  +")
_SILENT_RUN_RE = _re.compile("\uffff+")
#: white space other than the space character
_OTHER_SPACE_RE = _re.compile(r"[^\S ]")
#: the characters ``_fast_table`` does not look at (every white space character below U+3100 becomes a space)
_PAST_TABLE_RE = _re.compile("[\u3100-\U0010ffff]")

#: 0, 1, 2, ...: offsets lists are sliced out of it (shared int objects instead of new ones for every character)
_INTS: list[int] = list(range(4096))
_INTS_MAX = 1 << 17


def _ints(n: int) -> list[int] | None:
    """A list holding 0 .. n-1 at least (None for a text too long to keep one for)."""
    global _INTS
    ints = _INTS
    if len(ints) >= n:
        return ints
    if n > _INTS_MAX:
        return None
    ints = list(range(min(_INTS_MAX, max(n, 2 * len(ints)))))
    _INTS = ints        # (a new list, bound at once: another thread sees the old one or this one, both right)
    return ints


def _drops(low: str) -> list[tuple[int, int]]:
    """``[first dropped, end)`` of every run of ``low`` (the translated, lower-cased text) that loses
    characters, left to right: what ``_DROP_RE`` matches, less the space a run keeps."""
    if _SENTINEL not in low:
        return [(m.start() + 1, m.end()) for m in _SPACES_RE.finditer(low)]
    if " " + _SENTINEL not in low:
        # a silent run never follows a space, so it never joins two space runs: the runs are apart
        runs = [(m.start() + 1, m.end()) for m in _SPACES_RE.finditer(low)]
        runs += [m.span() for m in _SILENT_RUN_RE.finditer(low)]
        runs.sort()
        return runs
    return [(m.start() + 1 if low[m.start()] == " " else m.start(), m.end()) for m in _DROP_RE.finditer(low)]


def normalize_offsets(text: str) -> tuple[str, list[int]]:
    """Same result as :func:`eventmap.text.normalize_with_offsets` (tested for equality), built
    with ``str.translate`` and a regex over the few places where characters are dropped,
    instead of a Python step per character."""
    if _SENTINEL in text or "\u03a3" in text:   # Σ lower-cases by context: the slow path keeps it exact
        return _slow_normalize(text)
    low = text.translate(_FAST_TABLE).lower()
    n = len(low)
    if n != len(text):      # (a character that became two: İ)
        return _slow_normalize(text)
    if not low.isascii() and _PAST_TABLE_RE.search(low) and _OTHER_SPACE_RE.search(low):   # (\s is str.isspace)
        return _slow_normalize(text)
    ints = _ints(n)
    if ints is None:
        return _slow_normalize(text)
    pieces: list[str] = []
    offs: list[int] = []
    pos = 0
    for keep, e in _drops(low):
        if keep > pos:
            pieces.append(low[pos:keep])
            offs += ints[pos:keep]
        pos = e
    if pos < n:
        pieces.append(low[pos:])
        offs += ints[pos:n]
    offs.append(len(text))
    return "".join(pieces), offs


class IntervalSet:
    """Non-overlapping half-open intervals, with an O(log n) overlap test (for leftmost-longest picks)."""

    __slots__ = ("starts", "ends")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def free(self, a: int, b: int) -> bool:
        i = bisect.bisect_right(self.starts, a)
        if i > 0 and self.ends[i - 1] > a:
            return False
        return not (i < len(self.starts) and self.starts[i] < b)

    def add(self, a: int, b: int) -> None:
        i = bisect.bisect_right(self.starts, a)
        self.starts.insert(i, a)
        self.ends.insert(i, b)


# --- one keyword pass per text, shared by the report-level scans ------------------------------------------------
#
# Actors, triggers and dates each looked for their keywords with an Aho-Corasick automaton of their own, and
# pyahocorasick walks a text at some 20 ns a character whatever the automaton holds: one automaton over every
# registered set walks each report once.  At one end place it gives the keywords ending there longest first,
# as each set's own automaton would, so a scan that keeps only its set's hits sees what its own pass saw.

_KEYWORD_SOURCES: list[Callable[[], Iterable[str]]] = []
#: (number of sets held, automaton): rebuilt when a set is registered after it was built
_KEYWORDS: tuple[int, Any] | None = None
#: the last text's hits: (text, automaton, hits); one tuple, bound at once
_LAST_HITS: tuple[str, Any, list[tuple[int, tuple[str, int]]]] | None = None


def keyword_set(source: Callable[[], Iterable[str]]) -> int:
    """Register a keyword set; ``source`` gives its words (called when the shared automaton is built, not
    now).  Returns the set's bit in the masks :func:`keyword_hits` gives."""
    _KEYWORD_SOURCES.append(source)
    return 1 << (len(_KEYWORD_SOURCES) - 1)


def _keyword_automaton() -> Any:
    global _KEYWORDS
    built = _KEYWORDS
    n = len(_KEYWORD_SOURCES)
    if built is not None and built[0] == n:
        return built[1]
    import ahocorasick

    masks: dict[str, int] = {}
    for i, source in enumerate(_KEYWORD_SOURCES[:n]):
        for w in source():
            if w:
                masks[w] = masks.get(w, 0) | (1 << i)
    auto = ahocorasick.Automaton()
    for w, mask in masks.items():
        auto.add_word(w, (w, mask))
    auto.make_automaton()
    _KEYWORDS = (n, auto)
    return auto


def keyword_hits(text: str) -> list[tuple[int, tuple[str, int]]]:
    """Every place in ``text`` where a word of a registered set ends: ``(index of its last character,
    (word, mask of the sets holding it))``, by end place and, at one place, longest first; kept for the
    last text (the scans of one report share it)."""
    global _LAST_HITS
    auto = _keyword_automaton()
    last = _LAST_HITS
    if last is not None and last[0] is text and last[1] is auto:
        return last[2]
    hits: list[tuple[int, tuple[str, int]]] = list(auto.iter(text))
    _LAST_HITS = (text, auto, hits)   # (holding the string keeps its identity from being reused)
    return hits
