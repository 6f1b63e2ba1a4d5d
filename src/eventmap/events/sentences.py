"""Sentence and clause splitting for Arabic and English news text, keeping character offsets.

Sentences end at ``. ! ? ؟`` followed by white space (not inside numbers such as
``2.5`` nor after common English abbreviations such as ``U.S.`` or ``Gen.``), and at
every line break (news paragraphs are lines).  Clauses split a sentence further at
``; ؛`` and at contrast connectors that start a new proposition with its own
subject (في حين، فيما، بينما، في الوقت الذي; while, whereas, meanwhile), so that
"the army took X, while rebels shelled Y" gives two clauses with their own
event type and actors.  Lists of places ("X، Y، وZ"; "X, Y and Z") are never split.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventmap.events._prefilter import may_contain_ci


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int

    def text(self, s: str) -> str:
        return s[self.start:self.end]


_ABBREV = {
    "u.s", "u.n", "u.k", "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "st", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "etc", "approx", "est",
    "e.g", "i.e", "brig", "adm", "gov", "sen", "rep", "inc", "co", "corp", "ltd",
}

_LAST_WORD_RE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
#: the characters a text ends with when ``_LAST_WORD_RE`` finds a word at its end (``$`` also matches
#: before a final line break)
_LAST_WORD_END = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.\n")
#: ``[.!?؟]+["'”’»)]*(?:\[\d+\]|\(\d+\))*(?=\s|$)|\n+``, the same matches, written to open with a character class:
#: re then skips to the next candidate character in C instead of trying both branches at every position (a
#: footnote's mark after the full stop, ".[4] " as analysts' updates write them, ".(44) " as the UN's reports do,
#: ends the sentence with it)
_END_RE = re.compile(r"[.!?؟\n](?:(?<=[.!?؟])[.!?؟]*[\"'”’»)]*(?:\[\d{1,3}\]|\(\d{1,3}\))*(?=\s|$)|(?<=\n)\n*)")


#: a "sentence" longer than this (no full stop in sight: a list dump, a broken page) is cut into
#: pieces at a comma or a space, so that no later step ever works on an unbounded stretch of text
MAX_SENTENCE_CHARS = 1200


def split_sentences(text: str) -> list[Span]:
    """Sentence spans over ``text`` (whitespace trimmed, empty ones dropped)."""
    out: list[Span] = []
    for sp in _split_sentences(text):
        if sp.end - sp.start <= MAX_SENTENCE_CHARS:
            out.append(sp)
            continue
        a = sp.start
        while sp.end - a > MAX_SENTENCE_CHARS:
            lim = a + MAX_SENTENCE_CHARS
            cut = max(text.rfind("،", a, lim), text.rfind(",", a, lim), text.rfind("؛", a, lim))
            if cut <= a + MAX_SENTENCE_CHARS // 2:
                cut = text.rfind(" ", a, lim)
            if cut <= a:
                cut = lim - 1
            _add(text, a, cut + 1, out)
            a = cut + 1
        _add(text, a, sp.end, out)
    return out


def _split_sentences(text: str) -> list[Span]:
    spans: list[Span] = []
    start = 0
    for m in _END_RE.finditer(text):
        ms, end = m.span()
        if text[ms] == "." and ms > start and text[ms - 1] in _LAST_WORD_END:
            # "U.S." / "Gen." / single capital initials: not a sentence end
            wm = _LAST_WORD_RE.search(text[max(start, ms - 12):ms])
            if wm:
                w = wm.group(1).lower().rstrip(".")
                if w in _ABBREV or (len(w) == 1 and text[ms - 1].isupper()):
                    continue
        if text[ms] == "." and ms > start and _arabic_initial(text, start, ms):
            continue   # an Arabic initial: "الشاب (أ. ع)", "الطبيب م. ن" (a name withheld, not a sentence's end)
        _add(text, start, end, spans)
        start = end
    _add(text, start, len(text), spans)
    return spans


def _arabic_initial(text: str, start: int, dot: int) -> bool:
    """The full stop at ``dot`` follows one Arabic letter standing alone: an initial ("(أ. ع)", "الشاب "م. ع"")."""
    c = text[dot - 1]
    return "\u0621" <= c <= "\u064a" and c != "\u0640" and (dot - 1 == start or text[dot - 2] in " (\"«“'")


def _add(text: str, a: int, b: int, out: list[Span]) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        out.append(Span(a, b))


#: "while" opening another clause (not "while he ...", "while being ...", "while in custody"; "while in Tafas" is one)
_WHILE = r"while(?!\s+(?:he|she|they|it|on|being|\w+ing)\b)(?!\s+(?:in|at)\s+(?!(?-i:[A-Z])))"
# connectors that begin a new clause (matched on the original text; Arabic without diacritics)
_CLAUSE_RE = re.compile(
    r"\s*[;؛]\s*"
    r"|[،,]?\s+(?=(?:[وف]?(?:في\s+حين|فيما|بينما|في\s+الوقت\s+الذي|في\s+غضون\s+ذلك|إلى\s+ذلك|من\s+جهة\s+أخرى|من\s+جهتها?)\s))"
    r"|[،,]\s+(?=(?:و?كما)\s)"
    # "سيطرت يوم الجمعة على A، ثم دخلت B وC يوم السبت": the next act, its own day and places (not "، ثم على
    # معبر X مطلع نيسان": the same verb's next place)
    r"|[،,]\s+(?=ثم\s+(?!(?:على|في|إلى|الى|من|عن|نحو|باتجاه|صوب|ال|بال|لل|بلد|مدين|قري)))"
    # "، ومن المنتظر أن تشمل التسوية X": what is expected next, a clause of its own (and no act)
    r"|[،,]\s+(?=(?:و?من\s+(?:المنتظر|المتوقع|المقرر|المفترض)\s+(?:أن|ان)\s|على\s+(?:أن|ان)\s))"
    # "، الذي أشار أيضاً إلى أن ...": what a source went on to tell, an act of its own (not ", مشيراً إلى أن ...",
    # which as often goes on with the act told before it, at its place)
    r"|[،,]\s+(?=(?:الذي|التي)\s+(?:أشار|اشار|أضاف|اضاف)(?:ت)?(?:\s+(?:أيضاً|أيضا|ايضا))?\s+(?:إلى\s+|الى\s+)?"
    r"(?:أن|ان)\s)"
    # "غارات على مدينة X، ترافق مع قصف مدفعي على بلدة Y": another act at the same time, at a place of its own
    # (not "هجوم على X، ترافق مع قصف مدفعي عنيف": the fire beside the assault, at X)
    r"|[،,]\s+(?=(?:و?(?:ترافق|ترافقت|تزامن|تزامنا|تزامناً|بالتزامن|تزامنت)\s+مع)\s+(?:\S+\s+){0,5}?(?:على|في)\s)"
    r"|,\s+(?=(?:" + _WHILE + r"|whereas|meanwhile|but|"
    r"and\s+(?:the|government|rebel|rebels|israeli|russian|syrian|"
    # ", and residents of X staged a sit-in", ", and on 14 October, a landmine ...": another act, another subject
    r"residents|locals|protesters|demonstrators|gunmen|unknown|unidentified|security|troops|soldiers|police|"
    r"militants|activists|on\s+(?:\d+|monday|tuesday|wednesday|thursday|friday|saturday|sunday|the\s+following|"
    r"the\s+same|the\s+next))\b|"
    # ", as rebels pushed into ...": another side's act at the same time
    r"as\s+(?:the\s+)?(?:rebels|government|regime|troops|army|israeli|russian|opposition|militants|fighters|"
    r"warplanes|jets|insurgents|jihadists)\b)\s)"
    r"|\s+(?=(?:" + _WHILE + r"|whereas|meanwhile)\s)",
    re.I,
)


#: one of these is in every match of :data:`_CLAUSE_RE` (a semicolon or the first word of a connector)
_CLAUSE_LITERALS = (";", "؛", "حين", "فيما", "بينما", "الوقت", "غضون", "ذلك", "جهة", "جهت", "كما", "ترافق", "تزامن",
                    "أشار", "اشار", "أضاف", "اضاف", "المنتظر", "المتوقع", "المقرر", "المفترض", "على أن", "على ان", "ثم")


def _may_split(s: str) -> bool:
    """False when :data:`_CLAUSE_RE` cannot match ``s``: the scan tries its alternatives at every position,
    a few substring tests are far cheaper and most sentences have no connector."""
    for w in _CLAUSE_LITERALS:
        if w in s:
            return True
    return may_contain_ci(s, ("while", "whereas", "meanwhile")) or (
        "," in s and may_contain_ci(s, ("but", "and", "as ")))


def split_clauses(text: str, sent: Span) -> list[Span]:
    """Clause spans inside one sentence span."""
    s = text[sent.start:sent.end]
    may_split = _may_split(s)
    if not may_split:
        a, b = sent.start, sent.end
        if a < b and not text[a].isspace() and not text[b - 1].isspace():
            return [sent]     # one clause, the sentence (what the steps below give it)
    out: list[Span] = []
    start = 0
    for m in (_CLAUSE_RE.finditer(s) if may_split else ()):
        if m.start() <= start:
            continue
        _add(text, sent.start + start, sent.start + m.start(), out)
        start = m.end()
    _add(text, sent.start + start, sent.end, out)
    # tiny fragments (one or two words) are merged back into the previous clause
    merged: list[Span] = []
    for c in out:
        if merged and len(text[c.start:c.end].split()) <= 2:
            merged[-1] = Span(merged[-1].start, c.end)
        else:
            merged.append(c)
    return merged or [sent]


def paragraphs(text: str) -> list[Span]:
    """Paragraph spans (separated by line breaks)."""
    out: list[Span] = []
    start = 0
    for m in re.finditer(r"\n+", text):
        _add(text, start, m.start(), out)
        start = m.end()
    _add(text, start, len(text), out)
    return out
