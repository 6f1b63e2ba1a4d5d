"""Which date an event takes: its own clause's, its sentence's, the paragraph's, or the report's lead.

News reports date a story once and then tell it: "unknown gunmen carried out three assassinations
last night" is followed by one sentence per victim with no date of its own; "On Monday morning
reinforcements arrived ..." is followed by what the troops did.  An event therefore takes, in order:

1. a date expression in its own clause (the one nearest the trigger);
2. one elsewhere in its sentence, unless that date belongs to another clause that tells an event
   of its own ("the battle launched on Sunday the 12th, and the factions took the block": the
   12th is the launch, not the capture);
3. the last day-precise date of an earlier sentence in the same paragraph;
4. the last day-precise date of an event told in an earlier paragraph ("In yet another incident, ..."
   goes on with the story's day), when it is within :data:`CARRY_DAYS` of publication (precision
   "about a week"; the date of a statement or a meeting is not carried);
5. the report's lead date: the first day-precise date of the opening sentences, when it is within
   a week of publication (precision "about a week");
6. else the publication date, precision "about a week".

A date that starts a story ("the battle launched on Sunday the 12th", "منذ يومين") dates only its own
clause.

Dates themselves are found by :mod:`eventmap.events.dates` (hand-written for Levantine month names and
relative days); this module only attributes them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date, timedelta

from eventmap.events._prefilter import gate
from eventmap.events.dates import _AR_WEEKDAYS, EN_WEEKDAYS, PLUPERFECT_RE
from eventmap.model import slot_init

#: a story's last day is carried to later paragraphs only when it is this recent (a background date of
#: years ago does not date today's news)
CARRY_DAYS = 92
_START_RE = re.compile(r"(?:\b(?:launched|began|begun|started|starting|since|beginning)\b|(?:^|\s)[وف]?(?:منذ|بدا|بدات|بداه|"
                       r"انطلقت|انطلق|انطلاق|اطلقت|اطلق|اطلاق|بدايه|بدء|مطلع)(?:\s|$))(?:\s*\S+){0,3}\s*$"
                       # "since" past a longer noun: "ومنذ سقوط نظام الأسد في الثامن من كانون الأول 2024"
                       r"|(?:^|\s)[وف]?منذ\s(?:\S+\s+){3,7}?في\s*$"
                       # and in English: "the heaviest since the siege imposed on", "since the offensive began in",
                       # "since the siege imposed on the town on"
                       r"|\bsince\s(?:\S+\s+){3,7}?(?:on|in)\s*$")
#: words one of which every match of :data:`_START_RE` holds (began, begun, beginning: "beg"; انطلقت, اطلق: "طلق";
#: انطلاق, اطلاق: "طلاق"; بدات, بداه, بدايه: "بدا"): a window with none of them is no start
_START_WORDS = ("launch", "beg", "start", "since", "منذ", "بدا", "بدء", "طلق", "طلاق", "مطلع")

#: "the latest of" right before "which": the relative clause tells the last of the acts before it
_LATEST_OF_RE = re.compile(r"\b(?:the\s+)?(?:latest|last|most\s+recent)\s+of\s+$")
#: a relative pronoun (normalised) before a date: the date is told of the noun before it, not of the clause's event
_RELATIVE_RE = re.compile(r"\b(?:which|that|where|whom)\b|(?:^|\s)(?:التي|الذي|اللتي|اللذي|الذين|اللذين|اللواتي|اللاتي)(?:\s|$)")
#: the same without its pronoun: the dead or the taken of a funeral or a family, their participle right before the
#: date ("the funeral of a protester killed on Friday", "تشييع شاب قتل يوم الجمعة"); the participle is the span
_PARTICIPLE_RE = re.compile(
    # (not a force that acted: "a patrol of the Military Security arrested on Sunday a young man")
    r"\bof\s+(?:a|an|the|two|three|four|five|\d+)\s+"
    r"(?:(?!(?:security|intelligence|forces|army|division|police|guard|brigade|militia|regime)\s)[a-z]+\s+){0,2}?"
    r"(?P<en>killed|shot|arrested|detained|abducted|kidnapped|slain)\s+(?:on\s+|last\s+|early\s+|late\s+)?$"
    r"|(?:^|\s)(?:تشييع|جنازه|جثمان|ذوي|عائله|والد|والده)\s+(?:\S+\s+){0,2}?"
    r"(?P<ar>قتل|قضي|استشهد|اعتقل|اختطف)\s+(?:(?:يوم|في|مسا|صباح|ليل)\s+)?$")
_PARTICIPLE_GATE = gate(_PARTICIPLE_RE)
#: the dead named by their day (normalised, right before the date): "شيع أهالي X اليوم شهداء الجمعة", "جثامين ضحايا
#: الأمس": the day they fell, not the day of the funeral or of what the clause tells next; the noun is the span
_DEAD_OF_DAY_RE = re.compile(r"(?:^|\s)(?P<ar>شهدا|ضحايا|قتلي|جثامين)\s+(?:يوم\s+)?$")
#: the words of a saying right before a date (normalised): "said on Sunday", "told Reuters on Sunday", "قالت
#: الوزارة يوم الأحد"
_SAID_ON_RE = re.compile(
    r"\b(?:said|says|told\s+\w+(?:\s+\w+)?|announced|stated|claimed|confirmed|denied)"
    r"(?:\s+in\s+(?:a|an|its|their|the)\s+(?:\w+\s+)?(?:statement|communique|post|briefing|report|interview))?"
    r"\s+(?:on\s+|late\s+|early\s+)?$"   # (and "said in a statement on Thursday")
    r"|(?:^|\s)[وف]?(?:قال|قالت|اعلن|اعلنت|ذكر|ذكرت|افاد|افادت|صرح|صرحت)(?:ه|ها)?(?:\s+(?!ان\s|بان\s)\S+){0,4}?\s+(?:(?:يوم|مسا|صباح)\s)?$")
_SAID_GATE = gate(_SAID_ON_RE)
#: a sentence going on with a source's words (normalised, at its start): "وقال المراسل إن", "وأضاف المصدر أن"
_WENT_ON_RE = re.compile(r"\s*[وف](?:قال|قالت|اضاف|اضافت|اوضح|اوضحت|ذكر|ذكرت|افاد|افادت)\s(?:\S+\s){0,3}?(?:ان|إن|أن|ب)")
#: "for the first time since" right before a date (normalised)
_FIRST_SINCE_RE = re.compile(r"(?:(?:^|\s)(?:للمره\sالاولي|لاول\sمره)|\bfor\sthe\sfirst\stime|\bthe\sfirst\s\w+)"
                             r"\s(?:منذ|since)\s(?:(?:عام|العام|شهر|مطلع|اواخر|اوائل|منتصف|early|late|mid)\s)?$")
#: a clause that opens on "the same day" (normalised)
_SAME_DAY_RE = re.compile(r"\s*(?:[وف]?(?:في\s)?(?:اليوم\s(?:ذاته|نفسه)|نفس\sاليوم|ذات\sاليوم|ذلك\sاليوم|"
                          r"الوقت\s(?:ذاته|نفسه)|نفس\sالوقت|ذات\sالوقت)|"   # ("وفي الوقت ذاته": at the same time)
                          r"(?:on\s|later\s)?(?:the\ssame\sday|that\s(?:same\s)?day)|at\sthe\ssame\stime)(?=\s|$)")
#: a clause told as happening with the one before (normalised, at its start): "تزامناً مع", "ترافق مع", "بالتزامن مع"
_SAME_TIME_RE = re.compile(r"\s*[وف]?(?:ترافق|ترافقت|تزامن|تزامنا|تزامنت|بالتزامن)\s+مع\s")
#: the words before a noun that frame the clause's acts (normalised, right before the noun): "within the battle",
#: "as part of the offensive", "ضمن معركة", "في اطار الحملة"
_FRAME_BEFORE_RE = re.compile(r"(?:\b(?:within|part\s+of)\s+(?:the\s+|a\s+)?|(?:^|\s)(?:ضمن|اطار)\s+)$")
#: the words that open a clause of another act's time ("بعد أن سلم ...", "after rebels handed over ...")
_SUBCLAUSE_RE = re.compile(r"(?:^|\s)(?:بعد\sان|بعدما|قبل\sان|قبلما|عقب)\s|\b(?:after|before)\b")
_SUBCLAUSE_GATE = gate(_SUBCLAUSE_RE)
#: what may stand between a place and its own day (no conjunction: "، وفي 17 تموز" opens the next item)
_OWN_DAY_GAP_RE = re.compile(r"\s*(?:(?:بتاريخ|في|يوم|علي|بلده|مدينه|قريه|on|in|the|town|village|of)\s+)*")

#: a dateline's date is within this many characters of the start of the report
DATELINE_CHARS = 80
#: what follows a dateline's date: an agency's name at most, then a dash ("DARAA, Dec 3 (Reuters) - ...",
#: "درعا، 3 كانون الأول (سانا) - ...", as normalised text: punctuation but the dash gone)
_DATELINE_END_RE = re.compile(r" ?(?:\S+ ){0,2}?[-–—]")


def _starts_story(before: str) -> bool:
    """Does the text just before a date say a story starts at it (``_START_RE``)?"""
    for w in _START_WORDS:   # (a plain loop: cheaper than the search, and than a generator)
        if w in before:
            return _START_RE.search(before) is not None
    return False


#: (start, end, date, precision, kind) in normalised offsets, as ``dates._find_norm`` gives them
DateHit = tuple[int, int, date, int, str]


#: what a digest's day heading may hold before its date: a weekday's name ("Monday 4 August", "الاثنين 4 آب"), as
#: ``dates`` knows them
_HEADING_REST_RE = re.compile(   # (a bullet or an emoji may open the line: "🔸 الاثنين 2 آذار", "• Tuesday, 3 March")
    r"[\W_]*(?:(?:يوم\s+)?(?:ال)?(?:" + "|".join(w.removeprefix("ال") for w in _AR_WEEKDAYS) + r")|" +
    "|".join(EN_WEEKDAYS) + r")?[\s,،]*")
#: what may follow a heading's day on its line (normalised: no brackets, no colon): a clock time, symbols, two words
#: at most ("الأحد 13 نيسان (اليوم):", "الأحد 1 آذار – 9:40 م (بعد التراويح)", "Sunday 1 March, 9:40 pm")
_HEADING_TAIL_RE = re.compile(r"[\W\d_]*(?:(?:[ap]m|[مص])\b[\W\d_]*)?(?:[^\W\d_]+[\W\d_]*){0,2}")


@slot_init   # (one per clause of a report)
@dataclass(frozen=True, slots=True)
class ClauseSpan:
    index: int
    lo: int           # normalised offsets of the clause
    hi: int
    sent_lo: int
    sent_hi: int
    paragraph: int


def _sentence_start(sent_los: list[int], i: int) -> int:
    """The start of the sentence holding the normalised offset ``i`` (0 before the first one)."""
    k = bisect.bisect_right(sent_los, i)
    return sent_los[k - 1] if k else 0


class EventDates:
    """Date attribution for one report."""

    LEAD_SENTENCES = 3
    LEAD_CHARS = 700         # a lead is the opening of a report, not a date deep in a long first sentence
    LEAD_WINDOW_DAYS = 7

    def __init__(self, pub: date, dates: list[DateHit], clauses: list[ClauseSpan], triggered: set[int],
                 norm: str = "") -> None:
        self.pub = pub
        self.norm = norm
        # ("استعادت السيطرة عليه للمرة الأولى منذ نيسان 2015", "for the first time since 2015": a date no act is of)
        self.dates = sorted(d for d in dates if not ("منذ" in norm[max(0, d[0] - 8):d[0]] or
                                                     "since" in norm[max(0, d[0] - 8):d[0]]) or
                            not _FIRST_SINCE_RE.search(norm, max(0, d[0] - 40), d[0]))
        # "the battle launched on Sunday the 12th", "منذ يومين": a date a story starts from, not the day of
        # what the next clause tells
        # (since this morning: the story is today's, and today is what it tells)
        self.starts_of = {k for k, d in enumerate(self.dates)
                          if d[2] != pub and _starts_story(norm[max(0, d[0] - 60):d[0]])}
        for k in range(1, len(self.dates)):   # "التي أطلقت يوم أمس الأحد، الـ 12 من شباط": the same day, restated
            if k - 1 in self.starts_of and self.dates[k][2] == self.dates[k - 1][2] and \
                    0 <= self.dates[k][0] - self.dates[k - 1][1] <= 6:
                self.starts_of.add(k)
        # "clashes go on in X, within the battle which was launched on Sunday the 12th", "... التي أطلقت يوم أمس",
        # "... violating the agreement which was reached last month": a date told in a relative clause, of its noun;
        # not the day of the event before it, unless that event is the noun it tells of (k -> the relative
        # pronoun's span)
        self.told_after: dict[int, tuple[int, int]] = {}
        self.of_the_dead: set[int] = set()   # (the days the dead are named by: "شهداء الجمعة")
        participles = bool(self.dates) and _PARTICIPLE_GATE.possible(norm)
        for k, d in enumerate(self.dates):
            window = norm[max(0, d[0] - 60):d[0]]
            if "which" not in window and "that" not in window and "where" not in window and "whom" not in window and \
                    "لتي" not in window and "لذي" not in window:
                part = _PARTICIPLE_RE.search(window) if participles else None
                if part is None and ("شهدا" in window or "ضحايا" in window or "قتلي" in window or "جثامين" in window):
                    part = _DEAD_OF_DAY_RE.search(window)
                    if part is not None:
                        self.of_the_dead.add(k)
                if part is not None:
                    w = "en" if "en" in part.re.groupindex and part.group("en") else "ar"
                    self.told_after[k] = (max(0, d[0] - 60) + part.start(w), max(0, d[0] - 60) + part.end(w))
                continue   # (most dates: no relative pronoun before them, and no search)
            rel = None
            for rel in _RELATIVE_RE.finditer(norm, max(0, d[0] - 60), d[0]):   # noqa: B007 - the last one
                pass
            if rel is not None and not (rel.group(0) == "where" and d[3] == 1):
                # ("..., where protests first erupted in March 2011": a month of the place's past; not "..., where
                # two civilians were killed on Tuesday", the day of the act itself)
                self.told_after[k] = rel.span()
        # "a source said on Sunday that gunmen shot a man in X on Friday", "قالت الوزارة يوم الأحد إن ...": the
        # day of the saying, not of what was said, where the clause gives another
        # (within the date's sentence and the space before it, which the saying's pattern may open with: "...,
        # activists said. On Thursday, rebels attacked X", whose full stop normalising dropped, is Thursday's attack)
        sent_los = sorted({c.sent_lo for c in clauses})
        self.said_on = {k for k, d in enumerate(self.dates)
                        if _SAID_GATE.possible(norm[max(0, d[0] - 40):d[0]]) and
                        _SAID_ON_RE.search(norm, max(0, d[0] - 40, _sentence_start(sent_los, d[0]) - 1), d[0]) is not None}
        for k in range(1, len(self.dates)):   # "أفاد مراسل ...، اليوم الثلاثاء،": the same day, restated
            if k - 1 in self.said_on and self.dates[k][2] == self.dates[k - 1][2] and \
                    0 <= self.dates[k][0] - self.dates[k - 1][1] <= 6:
                self.said_on.add(k)
        # "DARAA, Dec 3 (Reuters) - Gunmen killed a man on Tuesday": the day the report was filed, not the day of
        # what it tells where a sentence gives another (it stays the report's lead date)
        self.datelines = {k for k, d in enumerate(self.dates)
                          if d[0] < DATELINE_CHARS and _DATELINE_END_RE.match(norm, d[1]) is not None}
        self.starts = [d[0] for d in self.dates]
        self.ends = [d[1] for d in self.dates]
        self.clauses = clauses
        self.triggered = triggered
        # dates told inside a clause that has an event of its own belong to that clause
        self.claimed: dict[int, int] = {}
        for cl in clauses:
            if cl.index in triggered:
                for k in self._between(cl.lo, cl.hi):
                    self.claimed[k] = cl.index
        self.para_start: dict[int, int] = {}
        for cl in clauses:
            self.para_start.setdefault(cl.paragraph, cl.sent_lo)
        self.lead = self._lead()
        self._headings: list[int] | None = None   # (:meth:`_heading_day`, read when first asked)

    def _tells_of(self, trigger_start: int, trigger_end: int, pronoun: int) -> bool:
        """The relative clause at ``pronoun`` tells of the trigger's own noun: one word at most between them ("the
        agreement which was reached last month", "المظاهرات السلمية التي اندلعت في آذار"); not of a frame the
        clause's acts are told within ("clashes go on in X, within the battle which was launched on Sunday": the
        battle's first day, not the day of the clashes)."""
        if 0 <= trigger_end <= pronoun and _LATEST_OF_RE.search(self.norm, max(trigger_end, pronoun - 24), pronoun):
            return True   # "Protests ... have continued since July 2018, the latest of which took place in X on 20
            #               May": the last of the trigger's own acts, and its day
        return 0 <= trigger_end <= pronoun and len(self.norm[trigger_end:pronoun].split()) <= 1 and \
            _FRAME_BEFORE_RE.search(self.norm, max(0, trigger_start - 16), trigger_start) is None

    def _across(self, k: int, trigger_start: int) -> bool:
        """"بعد أن", "after", "before" stands between the date ``k`` and the trigger: another act's day."""
        lo, hi = (self.ends[k], trigger_start) if self.starts[k] < trigger_start else (trigger_start, self.starts[k])
        return _SUBCLAUSE_GATE.possible(self.norm[lo:hi]) and _SUBCLAUSE_RE.search(self.norm, lo, hi) is not None

    def own_day(self, start: int, end: int, lo: int, hi: int) -> tuple[str, int] | None:
        """The day told right beside a place of a clause whose places each have their own: after it ("في بلدة X بتاريخ
        12 كانون الثاني، و... في مدينة Y بتاريخ 20 كانون الثاني") or right before it ("سيطر الجيش في 15 تموز على
        بلدة X، وفي 17 تموز على تل Y"); ``start``/``end``: the place's normalised offsets, ``lo``/``hi``: its
        clause's (a day beyond the clause is another sentence's)."""
        k = bisect.bisect_left(self.starts, end)
        if k < len(self.starts) and self.starts[k] - end <= 16 and self.ends[k] <= hi and self.dates[k][3] == 1 and \
                _OWN_DAY_GAP_RE.fullmatch(self.norm, end, self.starts[k]):
            return self.dates[k][2].isoformat(), 1
        k = bisect.bisect_right(self.ends, start) - 1
        if k >= 0 and start - self.ends[k] <= 16 and self.starts[k] >= lo and self.dates[k][3] == 1 and \
                _OWN_DAY_GAP_RE.fullmatch(self.norm, self.ends[k], start):
            return self.dates[k][2].isoformat(), 1
        return None

    def dated_within(self, lo: int, hi: int, *, acts_only: bool = False) -> bool:
        """A date expression lies within ``norm[lo:hi]`` (``acts_only``: not the day of a saying, "said on Monday")."""
        got = self._between(lo, hi)
        return any(k not in self.said_on for k in got) if acts_only else bool(got)

    def _between(self, lo: int, hi: int) -> range:
        a = bisect.bisect_left(self.starts, lo)
        b = a
        ends = self.ends
        n = len(ends)
        while b < n and ends[b] <= hi:
            b += 1
        return range(a, b)

    def _undated(self, ks: range) -> range | list[int]:
        """``ks`` without a dateline's date when another date is among them."""
        if not self.datelines or len(ks) < 2:
            return ks
        return [k for k in ks if k not in self.datelines] or ks

    def _lead(self) -> DateHit | None:
        seen_sentences: list[int] = []
        for cl in self.clauses:
            if cl.sent_lo not in seen_sentences:
                seen_sentences.append(cl.sent_lo)
            if len(seen_sentences) > self.LEAD_SENTENCES:
                break
            for k in self._between(cl.lo, cl.hi):
                d = self.dates[k]
                if d[0] > self.LEAD_CHARS:
                    return None
                if d[3] == 1 and k not in self.starts_of and self.pub - timedelta(days=self.LEAD_WINDOW_DAYS) <= d[2] <= self.pub + timedelta(days=1):
                    return d
        return None

    def _told_before(self, cl: ClauseSpan) -> DateHit | None:
        """The day of the act told before ``cl``'s sentence: the last exact day earlier in its paragraph, else the
        report's lead day."""
        para_lo = self.para_start.get(cl.paragraph, cl.sent_lo)
        earlier = [self.dates[k] for k in self._between(para_lo, cl.sent_lo)
                   if self.dates[k][3] == 1 and k not in self.starts_of and k not in self.said_on]
        if earlier:
            return earlier[-1]
        return self.lead if self.lead is not None and self.lead[0] < cl.sent_lo else None

    def _told_next(self, cl: ClauseSpan) -> DateHit | None:
        """The act's day told by the sentence after ``cl``'s, when that one goes on with the same source's words
        ("أفاد مراسل ... اليوم الثلاثاء بمقتل تسعة ... . وقال المراسل إن مسلحين هاجموا مساء أمس الاثنين ...")."""
        nxt = next((c for c in self.clauses if c.sent_lo >= cl.sent_hi), None)
        if nxt is None or nxt.paragraph != cl.paragraph or not _WENT_ON_RE.match(self.norm, nxt.sent_lo):
            return None
        days = [self.dates[k] for k in self._between(nxt.sent_lo, nxt.sent_hi)
                if self.dates[k][3] == 1 and k not in self.said_on and k not in self.starts_of]
        return days[0] if days else None

    def _heading_day(self, lo: int) -> DateHit | None:
        """The last exact day before ``lo`` written as a sentence of its own (a digest's heading: "Tuesday",
        "الثلاثاء:", "12 تموز"), when the report has another such heading (headings, not a dateline or a lead)."""
        if self._headings is None:
            sents = sorted({(cl.sent_lo, cl.sent_hi) for cl in self.clauses})
            los = [a for a, _ in sents]
            self._headings = []
            for k, d in enumerate(self.dates):
                j = bisect.bisect_right(los, d[0]) - 1
                if d[3] == 1 and j >= 0 and d[1] <= sents[j][1] and _HEADING_REST_RE.fullmatch(
                        self.norm, sents[j][0], d[0]) and sents[j][1] - d[1] <= 32 and \
                        _HEADING_TAIL_RE.fullmatch(self.norm, d[1], sents[j][1]):
                    # (the normalised text keeps no line breaks; "Monday 4 August": the weekday beside the day)
                    self._headings.append(k)
        heads = [k for k in self._headings if self.starts[k] < lo]
        return self.dates[heads[-1]] if heads and len(self._headings) >= 2 else None

    def _first_act_day_before(self, cl: ClauseSpan) -> tuple[str, int] | None:
        """The first day told in a clause with an event of the sentence before ``cl``'s, or None."""
        lo = max((c.sent_lo for c in self.clauses if c.sent_lo < cl.sent_lo and c.paragraph == cl.paragraph),
                 default=None)
        if lo is None:   # (a paragraph opening on "وفي الوقت ذاته": the last sentence of the paragraph before)
            lo = max((c.sent_lo for c in self.clauses if c.sent_lo < cl.sent_lo), default=None)
        if lo is None:
            return None
        days = [k for k in self._between(lo, cl.sent_lo) if k in self.claimed and k not in self.said_on and
                self.dates[k][3] == 1]
        return (self.dates[days[0]][2].isoformat(), 1) if days else None

    def for_clause(self, cl: ClauseSpan, trigger_start: int, trigger_end: int = -1) -> tuple[str, int]:
        own = self._undated(self._between(cl.lo, cl.hi))
        told = self.told_after
        # (and "وفي مدينة X، التي شهدت عملية مماثلة الأسبوع الماضي، انتشرت ... يوم أمس": a relative clause's date
        # before the trigger gives way to the clause's own)
        # (nor a relative clause's past years before the trigger: "in front of the X mosque, where the first
        # demonstrations took place in March 2011, as the flag was hoisted")
        later = {k for k in own if k in told and (trigger_start < told[k][1] or (
                     self.ends[k] <= trigger_start and
                     (any(j not in told and self.dates[j][3] == 1 and self.starts[j] > trigger_start for j in own) or
                      self.dates[k][2].year < self.pub.year - 1 and told[k][0] >= cl.lo))) and
                 not self._tells_of(trigger_start, trigger_end, told[k][0])} if told else ()
        if later:
            own = [k for k in own if k not in later]
        if len(own) > 1 and self.said_on:
            own = [k for k in own if k not in self.said_on] or own
        if len(own) > 1 and self.of_the_dead:   # "شيع أهالي X اليوم شهداء الجمعة، وأطلق الأمن النار على المشيعين"
            own = [k for k in own if k not in self.of_the_dead] or own
        if len(own) > 1 and self.starts_of:   # "يتوغل منذ الثامن من كانون الأول، وكان قد شن أواخر الشهر الماضي غارات":
            # a story's start gives way to another date nearer the trigger (not "بدأت أمس الأربعاء عملية تسوية في X،
            # على أن تنتقل اليوم إلى Y": the start is the day of the trigger it opens)
            near = {k: abs(self.starts[k] - trigger_start) for k in own}
            own = [k for k in own if k not in self.starts_of or
                   not any(j not in self.starts_of and near[j] < near[k] for j in own)]
        if len(own) > 1:   # "بعد عام على اتفاق التسوية في تموز 2018، اعتقلت دورية صباح الثلاثاء شاباً", "fought in
            # X on Saturday, the focus of fighting since February": the day told, not a month of the background
            # (unless the month is told of the trigger's own noun)
            own = [k for k in own if self.dates[k][3] == 1 or (
                k in told and self._tells_of(trigger_start, trigger_end, told[k][0]))] or own
        if own and self.said_on and all(k in self.said_on for k in own):
            # "قالت مصادر اليوم السبت إن مجهولين أطلقوا النار على رجل في X", after a lead that gave the act "ليل
            # الجمعة": the day of the saying gives way to the act's own day told before it, a few days earlier at most
            said = self.dates[own[0]][2]
            before = self._told_before(cl) or self._told_next(cl)
            if before is not None and said - timedelta(days=3) <= before[2] <= said:
                return before[2].isoformat(), 1
        if own:   # (the nearest to the trigger, the first of equals: as min over the dates themselves; on the
            # trigger's side of "بعد أن"/"after" first: "دخلت الوحدات اليوم بلدة X، بعد أن سلم المسلحون أسلحتهم أول أمس")
            d = self.dates[min(own, key=lambda k: (len(own) > 1 and self._across(k, trigger_start),
                                                   abs(self.starts[k] - trigger_start)))]
            return d[2].isoformat(), d[3]
        if _SAME_TIME_RE.match(self.norm, cl.lo):
            prior = self._between(cl.sent_lo, cl.lo)   # "غارات على X منذ فجر أمس، تزامناً مع إلقاء براميل على Y":
            if prior:                                  # the day of the clause it goes with, a start or not
                d = self.dates[prior[-1]]
                return d[2].isoformat(), d[3]
        # a date of the sentence: unless it starts a story, or belongs to a later clause with an event of its own
        free = [self.dates[k] for k in self._undated(self._between(cl.sent_lo, cl.sent_hi))
                if k not in self.starts_of and k not in later and
                (self.claimed.get(k, cl.index) == cl.index or self.dates[k][0] < cl.lo)]
        if len(free) > 1 and "قد" in self.norm:   # (not the days back of a pluperfect in a clause before: "في
            # العشرين من أيلول، حررت الوحدات مواطناً كان قد اختطف قبل يومين، وألقت القبض على الخاطفين في X")
            free = [d for d in free if d[0] > trigger_start or
                    not PLUPERFECT_RE.search(self.norm, max(0, d[0] - 40), d[0])] or free
        if free:
            d = min(free, key=lambda x: abs(x[0] - trigger_start))
            return d[2].isoformat(), d[3]
        if _SAME_DAY_RE.match(self.norm, cl.lo):
            first = self._first_act_day_before(cl)
            if first is not None:   # "وفي اليوم ذاته": the day of the act the sentence before told first, not of
                return first        # the night or the background it named after it
        para_lo = self.para_start.get(cl.paragraph, cl.sent_lo)
        earlier = [k for k in self._between(para_lo, cl.sent_lo) if self.dates[k][3] == 1 and k not in self.starts_of]
        if earlier:   # (the act's day before the day it was said: "هاجمت الطائرات الليلة الماضية ..., وفق ما أعلنه
            #           الجيش صباح اليوم. وطالت الغارات X")
            # (nor a relative clause's: "3 were killed, one of whom died of his wounds this morning. In Y, ...")
            earlier = [k for k in earlier if k not in told] or earlier
            return self.dates[([k for k in earlier if k not in self.said_on] or earlier)[-1]][2].isoformat(), 1
        heading = self._heading_day(para_lo)
        if heading is not None:   # a digest's day on a line of its own ("الثلاثاء:", "TUESDAY") dates the items under it
            return heading[2].isoformat(), 1
        story = [self.dates[k] for k in self._between(0, para_lo) if self.dates[k][3] == 1 and k not in self.starts_of
                 and k in self.claimed and abs((self.pub - self.dates[k][2]).days) <= CARRY_DAYS]
        if story:
            return story[-1][2].isoformat(), 2
        if self.lead is not None and not (cl.sent_lo <= self.lead[0] < cl.sent_hi):   # (its own sentence: rule 2)
            return self.lead[2].isoformat(), 2
        return self.pub.isoformat(), 2
