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
from collections.abc import Iterator
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


class Gated:
    """A compiled pattern whose scans are skipped when none of its required literals is in the text."""

    __slots__ = ("literals", "pattern")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.literals = required(pattern)

    def possible(self, text: str) -> bool:
        lits = self.literals
        if lits is None:
            return True
        for w in lits:   # (a plain loop: a generator costs more than the substring tests)
            if w in text:
                return True
        return False

    def finditer(self, text: str, *pos: int) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text, *pos) if self.possible(text) else iter(())

    def search(self, text: str, *pos: int) -> re.Match[str] | None:
        return self.pattern.search(text, *pos) if self.possible(text) else None


_GATES: dict[re.Pattern[str], Gated] = {}


def gate(pattern: re.Pattern[str]) -> Gated:
    """The (cached) :class:`Gated` form of a compiled pattern."""
    g = _GATES.get(pattern)
    if g is None:
        g = _GATES[pattern] = Gated(pattern)
    return g


#: the characters outside ASCII that ``re.IGNORECASE`` matches with an ASCII letter (İ ı ſ and the Kelvin
#: sign; tests/test_extract_prefilter.py checks the list against every code point)
FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")


def may_contain_ci(text: str, words: tuple[str, ...]) -> bool:
    """False only when no lower-case ASCII word of ``words`` is in ``text`` as an ``re.IGNORECASE`` pattern
    reads it: a sound gate for a case-insensitive pattern every match of which holds one of ``words``."""
    if "\u0130" in text or "\u0131" in text or "\u017f" in text or "\u212a" in text:   # FOLDS_TO_ASCII
        return True   # (İ lower-cases to two characters, ı and ſ not to i and s: no shortcut)
    low = text.lower()
    for w in words:
        if w in low:
            return True
    return False
