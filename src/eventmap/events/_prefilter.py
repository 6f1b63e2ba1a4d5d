"""Literal prefilters for regexes scanned over whole reports.

Python's ``re`` tries a pattern that starts with a look-behind or an alternation at every position
of the text. Most of our patterns cannot match unless one of a few literal words is in the text
("yesterday", "امس", "strike"), and ``str.__contains__`` finds those far faster. :func:`required`
reads the literals every match must contain off the parsed pattern (the idea of RE2's and
Hyperscan's prefilters, for the small subset of regex syntax these patterns use), and
:class:`Gated` skips the scan when none is present. The result of a scan is never changed:
a pattern whose literals cannot be proven necessary gets no gate.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterator
from typing import Any

# the parser behind re.compile (public as sre_parse before Python 3.11, deprecated under that name since)
_c = importlib.import_module("re._constants")
_p = importlib.import_module("re._parser")

_MIN_LEN = 2          # a gate on one character would test little and cost a call


def _alternatives(items: list[tuple[Any, Any]], flags: int) -> frozenset[str] | None:
    """Literals one of which is in every match of the sequence ``items`` (None when unknown)."""
    best: frozenset[str] | None = None
    run: list[str] = []

    def consider(cands: frozenset[str] | None) -> None:
        nonlocal best
        if cands and min(map(len, cands)) >= _MIN_LEN and (
                best is None or min(map(len, cands)) > min(map(len, best))):
            best = cands

    for op, av in items:
        if op is _c.LITERAL and not flags & re.IGNORECASE:
            run.append(chr(av))
            continue
        if run:
            consider(frozenset(["".join(run)]))
            run = []
        if op is _c.SUBPATTERN:
            consider(_alternatives(list(av[-1]), flags | (av[1] or 0)))
        elif op is _c.BRANCH:
            alts = [_alternatives(list(b), flags) for b in av[1]]
            if all(a for a in alts):
                consider(frozenset().union(*alts))  # type: ignore[arg-type]
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
            consider(_alternatives(list(av[2]), flags))
        # anything else (classes, optional parts, assertions) proves nothing and is skipped
    if run:
        consider(frozenset(["".join(run)]))
    return best


def required(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The literals one of which every match of ``pattern`` contains, or None when none is proven."""
    if pattern.flags & re.IGNORECASE:
        return None
    try:
        parsed = _p.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - an unparsable pattern just gets no gate
        return None
    return _alternatives(list(parsed), pattern.flags)


#: a pattern this wide at most is scanned only near its literals (:meth:`Gated.finditer`)
_NEAR_MAX_WIDTH = 400
#: places of a literal tried before a near scan goes on as a plain one
_NEAR_MAX_TRIES = 12


def _lookahead_reach(items: list[tuple[Any, Any]]) -> int | None:
    """How far past the current position the look-aheads of ``items`` may read, at most (a sum: nested
    ones are counted apart); None for what is not worked out (back-references, conditionals)."""
    reach = 0
    for op, av in items:
        if op in (_c.SUBPATTERN,):
            subs = [av[-1]]
        elif op is _c.BRANCH:
            subs = list(av[1])
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
            subs = [av[2]]
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            if av[0] != -1:
                reach += av[1].getwidth()[1]
            subs = [av[1]]
        elif op in (_c.GROUPREF, _c.GROUPREF_EXISTS, _c.GROUPREF_IGNORE, getattr(_c, "ATOMIC_GROUP", None)):
            return None
        else:
            continue
        for sub in subs:
            r = _lookahead_reach(list(sub))
            if r is None:
                return None
            reach += r
    return reach


def _near_bounds(pattern: re.Pattern[str], literals: frozenset[str] | None) -> tuple[int, int] | None:
    """(widest match, look-ahead reach) of a pattern whose matches are never empty and at most
    :data:`_NEAR_MAX_WIDTH` wide, else None."""
    if not literals:
        return None
    try:
        parsed = _p.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - no bounds: scanned as usual
        return None
    lo, hi = parsed.getwidth()
    reach = _lookahead_reach(list(parsed))
    if lo < 1 or hi > _NEAR_MAX_WIDTH or reach is None:
        return None
    return hi, reach


class Gated:
    """A compiled pattern whose scans are skipped when none of its required literals is in the text."""

    __slots__ = ("bounds", "literals", "pattern", "words")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.literals = required(pattern)
        self.bounds = _near_bounds(pattern, self.literals)
        #: the literals, sorted, when the pattern is searched near them (``bounds``); else None
        self.words = tuple(sorted(self.literals)) if self.literals and self.bounds is not None else None

    def possible(self, text: str) -> bool:
        lits = self.literals
        if lits is None:
            return True
        for w in lits:   # (a plain loop: a generator costs more than the substring tests)
            if w in text:
                return True
        return False

    def finditer(self, text: str, *pos: int) -> Iterator[re.Match[str]]:
        if self.bounds is None or len(pos) > 2:
            return self.pattern.finditer(text, *pos) if self.possible(text) else iter(())
        lo = max(0, pos[0]) if pos else 0
        hi = min(len(text), pos[1]) if len(pos) > 1 else len(text)
        return self._near(text, lo, hi)   # (no literal: it stops at once; no separate gate test)

    def _near(self, text: str, lo: int, hi: int) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text)``, the same matches, searched only around the literals. A match is at
        most ``width`` wide and holds a literal, so none starts more than ``width`` before the next literal
        ``x``; the search runs from there to a bound past which no match starting by ``x`` reads (its width,
        its look-aheads and two more for ``$``); a match found past ``x`` is not trusted (the bound may have
        cut it) and the scan goes on from ``x + 1``. A pattern opening with a look-behind (most of ours) is
        otherwise tried at every position of the text. ``lo``/``hi``: as ``finditer``'s ``pos``/``endpos``."""
        return near_scan(self.pattern, self.bounds, next_place(text, tuple(self.literals or ()), lo, hi),  # type: ignore[arg-type]
                         text, lo, hi)

    def search(self, text: str, *pos: int) -> re.Match[str] | None:
        return self.pattern.search(text, *pos) if self.possible(text) else None


def next_place(text: str, words: tuple[str, ...], lo: int = 0, hi: int | None = None) -> Callable[[int], int]:
    """For :func:`near_scan`: ``f(pos)``, the first place at or after ``pos`` where one of ``words`` starts in
    ``text[lo:hi]``, -1 for none (``str.find`` of each word, again only when ``pos`` has passed its last place:
    the scan only moves on)."""
    hi = len(text) if hi is None else hi
    nxt = [text.find(w, lo, hi) for w in words]

    def next_word(pos: int) -> int:
        x = -1
        for k, i in enumerate(nxt):
            if 0 <= i < pos:
                i = nxt[k] = text.find(words[k], pos, hi)
            if i >= 0 and (x < 0 or i < x):
                x = i
        return x
    return next_word


def near_scan(pattern: re.Pattern[str], bounds: tuple[int, int], next_literal: Callable[[int], int],
              text: str, lo: int = 0, hi: int | None = None) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, lo, hi)`` for a pattern whose matches are never empty, at most ``bounds[0]`` wide, with
    look-aheads reading at most ``bounds[1]`` past a position, and each holding a place that
    ``next_literal(pos)`` (the first such place at or after ``pos`` and inside ``hi``, -1 for none) reports:
    see :meth:`Gated._near` (a bound cut at ``hi`` cuts the text where ``finditer`` does)."""
    width, reach = bounds
    hi = len(text) if hi is None else hi
    pos = lo
    for _ in range(_NEAR_MAX_TRIES):
        x = next_literal(pos)
        if x < 0:
            return
        m = pattern.search(text, max(pos, x - width), min(hi, x + width + reach + 2))
        if m is None or m.start() > x:
            pos = x + 1
            continue
        yield m
        pos = m.end()
    # a literal on every line ("the", "حي"): the plain scan is cheaper from here on; no match starts
    # between the last one and ``pos``
    yield from pattern.finditer(text, pos, hi)


#: by the pattern object's id (a pattern's own hash hashes its compiled code, microseconds for a long one);
#: the Gated holds the pattern, so the id is not reused while the entry lives
_GATES: dict[int, Gated] = {}


def gate(pattern: re.Pattern[str]) -> Gated:
    """The (cached) :class:`Gated` form of a compiled pattern."""
    g = _GATES.get(id(pattern))
    if g is None or g.pattern is not pattern:
        g = _GATES[id(pattern)] = Gated(pattern)
    return g


#: the characters outside ASCII that ``re.IGNORECASE`` matches with an ASCII letter (İ ı ſ and the Kelvin
#: sign; tests/test_extract_prefilter.py checks the list against every code point)
FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")


#: word lists this long are looked for with one Aho-Corasick pass instead of one substring search each
_CI_AUTOMATON_MIN_WORDS = 16
#: by the word tuple's id (the entry holds the tuple, so the id is not reused while it lives); bounded, so
#: that a caller building its tuple anew on every call only ever gets the plain loop
_CI_AUTOMATA: dict[int, tuple[tuple[str, ...], Any]] = {}
_CI_AUTOMATA_MAX = 64


def _words_automaton(words: tuple[str, ...]) -> Any:
    """The (cached) automaton over ``words``, or None (an empty word, or the cache full)."""
    hit = _CI_AUTOMATA.get(id(words))
    if hit is not None and hit[0] is words:
        return hit[1]
    if len(_CI_AUTOMATA) >= _CI_AUTOMATA_MAX or not all(words):
        return None
    import ahocorasick

    auto = ahocorasick.Automaton()
    for w in words:
        auto.add_word(w, w)
    auto.make_automaton()
    _CI_AUTOMATA[id(words)] = (words, auto)
    return auto


def may_contain_ci(text: str, words: tuple[str, ...]) -> bool:
    """False only when no lower-case ASCII word of ``words`` is in ``text`` as an ``re.IGNORECASE`` pattern
    reads it: a sound gate for a case-insensitive pattern every match of which holds one of ``words``."""
    if not text.isascii() and (
            "\u0130" in text or "\u0131" in text or "\u017f" in text or "\u212a" in text):   # FOLDS_TO_ASCII
        return True   # (İ lower-cases to two characters, ı and ſ not to i and s: no shortcut)
    low = text.lower()
    if len(words) >= _CI_AUTOMATON_MIN_WORDS:
        auto = _words_automaton(words)
        if auto is not None:
            return next(auto.iter(low), None) is not None
    for w in words:
        if w in low:
            return True
    return False
