"""Fast paths of the report-level scans (triggers, actors, normalisation, sentences): each must give exactly
what the plain computation gives.  The texts are written here (Arabic and English news phrasing) and mixed
by hypothesis with hostile input: diacritics, tatweel, bidi marks, CRLF, odd white space."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from eventmap.events import actors as A
from eventmap.events import lexicon as L
from eventmap.events._prefilter import gate
from eventmap.events._spans import IntervalSet, normalize_offsets

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


# --- actors: the plain implementation, as it was, against the one in actors.py ---------------------------------

@lru_cache(maxsize=1)
def _actor_automaton() -> Any:
    """The forms' own automaton (as actors.py had it before the shared keyword pass)."""
    import ahocorasick

    auto = ahocorasick.Automaton()
    for k, actor in A._forms().items():
        auto.add_word(k, (k, actor))
    auto.make_automaton()
    return auto


def _plain_find_actors(norm: str, start: int = 0, end: int | None = None) -> list[A.ActorMention]:
    end = len(norm) if end is None else end
    raw: list[tuple[int, int, str, str]] = []
    for e_idx, (k, actor) in _actor_automaton().iter(norm, start, end):
        e = e_idx + 1
        s0 = e - len(k)
        if e < len(norm) and (norm[e].isalnum() or norm[e] == "-"):
            continue
        is_ar = "\u0600" <= k[0] <= "\u06ff"
        ws = norm.rfind(" ", 0, s0) + 1
        prefix = norm[ws:s0]
        if is_ar:
            if k.startswith("لل"):
                prefix += "ل"
            if prefix not in A._AR_CLITICS:
                continue
        elif prefix or (s0 > 0 and norm[s0 - 1] == "-"):
            continue
        a0 = s0 + (1 if is_ar and k.startswith("لل") else 0)
        raw.append((a0, e, actor, "ar" if is_ar else "en"))
    raw.sort(key=lambda r: (-(r[1] - r[0]), r[0]))
    kept: list[tuple[int, int, str, str]] = []
    taken = IntervalSet()
    for r in raw:
        if taken.free(r[0], r[1]):
            taken.add(r[0], r[1])
            kept.append(r)
    kept.sort()
    out: list[A.ActorMention] = []
    for a0, e, actor, lang in kept:
        nxt = norm[e:e + 30].split()[:2]
        speaker = any(w in A._SPEECH for w in nxt)
        prev = norm[max(0, a0 - 90):a0].split()
        if norm[max(0, a0 - 90):a0] and not norm[max(0, a0 - 90):a0].endswith(" ") and prev:
            prev = prev[:-1]
        prev_w = prev[-1] if prev else ""
        if speaker:
            out.append(A.ActorMention(actor, a0, e, "speaker", norm[a0:e]))
            continue
        if any(w in ("ضد", "against", "targeting") for w in prev[-8:]):
            out.append(A.ActorMention(actor, a0, e, "object", norm[a0:e]))
            continue
        if lang == "ar":
            role = "subject"
            # (the vocabulary is actors.py's own, normalised; the scan around it is what this reference checks)
            if prev_w in A._SUPPORT_AR_1 or " ".join(prev[-2:]) in A._SUPPORT_AR_2:
                role = "support"
            elif " ".join(prev[-2:]) == "من قبل":
                role = "agent"
            elif prev_w in A._OBJECT_MARKERS_AR:
                role = "object"
            elif prev_w.startswith(("تجمعات", "مواقع", "نقاط", "مقرات", "تحصينات", "اوكار", "معاقل", "ثكنات")):
                role = "object"
        else:
            if prev_w in ("the", "a", "an") and len(prev) > 1:
                prev = prev[:-1]
                prev_w = prev[-1]
            two = " ".join(prev[-2:])
            if two in ("backed by", "supported by", "aided by", "assisted by", "allied to", "allied with") or \
                    prev_w in ("backed", "allied"):
                role = "support"
            elif (prev_w == "by" and len(prev) > 1 and prev[-2] in ("controlled", "held", "run", "led", "affiliated",
                                                                       "besieged", "surrounded", "dominated")) or \
                    two in ("loyal to", "affiliated with", "linked to", "tied to"):
                role = "other"
            else:
                role = "agent" if prev_w == "by" else "object" if prev_w in A._OBJECT_MARKERS_EN else "subject"
        out.append(A.ActorMention(actor, a0, e, role, norm[a0:e]))
    return out


_AR_ACTOR_WORDS = ["قوات", "النظام", "الجيش", "العربي", "السوري", "والجيش", "للجيش", "فالجيش", "وبالجيش", "اللواء",
                   "الثامن", "للواء", "قال", "قالت", "أعلنت", "ضد", "مع", "على", "بدعم", "من", "قبل", "مواقع",
                   "تجمعات", "المجموعات", "الإرهابية", "مسلحون", "مجهولون", "مدنيين", "طفلا", "إسرائيل",
                   "الاحتلال", "حزب", "الله", "داعش", "قصفت", "بلدة", "نوى", "في", "ريف", "درعا", "حلفاء", "المدعومة",
                   "الجيشx", "xالجيش", "ال", "لل", "الجيش-", "سلاح الجو السوري"]
_EN_ACTOR_WORDS = ["the", "syrian", "army", "Army", "government", "forces", "regime", "rebels", "rebel", "said",
                   "reported", "against", "targeting", "backed", "by", "controlled", "loyal", "to", "allied", "with",
                   "hezbollah", "isis", "militants", "unknown", "gunmen", "civilians", "israeli", "jets", "struck",
                   "on", "a", "an", "pro-government", "anti-regime", "armyx", "xarmy", "army-", "u.s.-led",
                   "coalition", "shelled", "in", "daraa"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_AR_ACTOR_WORDS + _EN_ACTOR_WORDS + _HOSTILE), max_size=40),
       st.sampled_from([" ", "  ", ", ", "،", "\n", "-", ""]))
def test_actor_mentions_are_those_of_the_plain_scan(words, sep):
    norm = normalize_offsets(sep.join(words))[0]
    assert A.find_actors(norm) == _plain_find_actors(norm)
    for a, b in ((0, len(norm) // 2), (len(norm) // 3, len(norm)), (3, len(norm) - 2)):
        assert A.find_actors(norm, a, b) == _plain_find_actors(norm, a, b)


# --- normalisation: the translate-and-regex path against the character loop of eventmap.text --------------------

_NORM_WORDS = ["قصفت", "قوات", "النظام", "بلدةَ", "نوى", "فِي", "ريف", "درعا", "الغربيّ", "وفداً", "إلى", "آب", "مؤسسة",
               "ـ", "ـــ", "الجـيش", "The", "ARMY", "shelled", "Nawa,", "on", "July", "7.", "U.S.-led", "Σ", "ΣΑΣ",
               "İzmir", "ß", "ﻻ", "٣", "2018-07-25", "x"]
_NORM_SEPS = [" ", "  ", "\n", "\r\n", "\t", " \u064b", "\u064b ", " \u200f ", "\u0640 ", " \u0640", "، ", ". ", "\u3000",
              "\u2028", "\u00a0\u00a0", ""]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_NORM_WORDS + _HOSTILE), st.sampled_from(_NORM_SEPS)), max_size=40))
def test_normalised_text_and_offsets_are_those_of_the_character_loop(parts):
    from eventmap.text import normalize_with_offsets

    text = "".join(w + s for w, s in parts)
    assert normalize_offsets(text) == normalize_with_offsets(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_normalisation_of_any_text_is_that_of_the_character_loop(text):
    from eventmap.text import normalize_with_offsets

    assert normalize_offsets(text) == normalize_with_offsets(text)


def test_long_texts_normalise_as_the_character_loop_does():
    from eventmap.events import _spans
    from eventmap.text import normalize_with_offsets

    unit = "قصفت قوات النظام بلدةَ نوى،  وفي ريف درعا\u064b . The army  shelled Nawa.\r\n"
    for n in (1, 70, 2000, 2100):      # past the offsets kept at first, past the most ever kept
        text = unit * n
        assert normalize_offsets(text) == normalize_with_offsets(text)
    assert len(_spans._INTS) <= _spans._INTS_MAX


def test_every_white_space_character_the_shortcut_skips_is_turned_into_a_space():
    # normalize_offsets looks for other white space only in texts with a character past U+3100
    from eventmap.events import _spans

    for cp in range(0x3100):
        c = chr(cp)
        if c.isspace():
            assert c.translate(_spans._FAST_TABLE) == " ", hex(cp)


# --- the case-blind word gate: long word lists are looked for with an automaton ------------------------------

_CI_WORDS = ("checkpoint", "bridge", "hospital", "school", "base", "airbase", "camp", "hill", "hills", "market",
             "square", "post", "outpost", "fort", "brigade", "battalion", "except", "native", "resident", "lives")
_CI_TEXT_WORDS = ["The", "ARMY", "shelled", "a", "CheckPoint", "near", "Nawa", "Brigade", "hil", "Hill", "airbas",
                  "AirBase", "posT", "out", "po", "st", "nativ", "Natives", "قاعدة", "حاجز", "ſchool", "İ", "ı", "\u212a",
                  "K", "k", "ß", "ﬀ", "\u0130stanbul", "BASE", "basement", ""]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_CI_TEXT_WORDS + _HOSTILE), max_size=25), st.sampled_from([" ", "", "-", "\n"]))
def test_a_long_word_list_gate_answers_as_the_plain_substring_tests(words, sep):
    from eventmap.events import _prefilter as P

    text = sep.join(words)
    plain_low = text.lower()
    for ws in (_CI_WORDS, _CI_WORDS[:5], ("",) + _CI_WORDS):
        folds = any(c in text for c in P.FOLDS_TO_ASCII)
        assert P.may_contain_ci(text, ws) == (folds or any(w in plain_low for w in ws))
    assert len(_CI_WORDS) >= P._CI_AUTOMATON_MIN_WORDS and id(_CI_WORDS) in P._CI_AUTOMATA


# --- sentences and clauses: the shortcuts against the plain scans ------------------------------------------------

def _plain_split_sentences(text: str) -> list[tuple[int, int]]:
    from eventmap.events import sentences as S

    spans: list[S.Span] = []
    start = 0
    for m in S._END_RE.finditer(text):
        end = m.end()
        if m.group(0)[0] == ".":
            wm = S._LAST_WORD_RE.search(text[max(start, m.start() - 12):m.start()])
            if wm:
                w = wm.group(1).lower().rstrip(".")
                if w in S._ABBREV or (len(w) == 1 and text[m.start() - 1].isupper()):
                    continue
            before = text[start:m.start()].split(" ")[-1].split("(")[-1]
            if len(before) == 1 and "\u0621" <= before <= "\u064a" and before != "\u0640":
                continue   # an Arabic initial: "(أ. ع)"
        S._add(text, start, end, spans)
        start = end
    S._add(text, start, len(text), spans)
    return [(sp.start, sp.end) for sp in spans]


def _plain_split_clauses(text: str, a: int, b: int) -> list[tuple[int, int]]:
    from eventmap.events import sentences as S

    s = text[a:b]
    out: list[S.Span] = []
    start = 0
    for m in S._CLAUSE_RE.finditer(s):
        if m.start() <= start:
            continue
        S._add(text, a + start, a + m.start(), out)
        start = m.end()
    S._add(text, a + start, b, out)
    merged: list[S.Span] = []
    for c in out:
        if merged and len(text[c.start:c.end].split()) <= 2:
            merged[-1] = S.Span(merged[-1].start, c.end)
        else:
            merged.append(c)
    return [(c.start, c.end) for c in merged] or [(a, b)]


_SENT_WORDS = ["قصفت", "قوات", "النظام", "بلدة", "نوى،", "في", "حين", "فيما", "بينما", "الوقت", "الذي", "غضون", "ذلك",
               "إلى", "من", "جهة", "أخرى", "جهتها", "وكما", "كما", "؛", ";", "؟", "The", "army", "shelled", "Nawa",
               "While", "while", "WHEREAS", "meanwhile", "but", "But", "and", "AND", "the", "rebels", "U.S.", "Gen.",
               "Mr.", "J.", "x.", "2.5", "forces.", "Daraa!", "said:", "\u00bb.", "\u201d.", "ſ", "İ", "\u212a", "ıf",
               "whereaſ", "whıle", "WHEREAſ"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_SENT_WORDS + _HOSTILE),
                          st.sampled_from([" ", " ", ", ", "، ", ". ", ".\n", "\n", "\r\n", "  ", "\n\n", ""])),
                max_size=40))
def test_sentences_and_clauses_are_those_of_the_plain_scans(parts):
    from eventmap.events import sentences as S

    text = "".join(w + sep for w, sep in parts)
    sents = S._split_sentences(text)
    assert [(sp.start, sp.end) for sp in sents] == _plain_split_sentences(text)
    for sp in sents + [S.Span(0, len(text))]:
        assert [(c.start, c.end) for c in S.split_clauses(text, sp)] == _plain_split_clauses(text, sp.start, sp.end)
        s = text[sp.start:sp.end]
        assert S._may_split(s) or not S._CLAUSE_RE.search(s)


# --- dates: the places of the near-scan words come from the month automaton's one pass ------------------------

_DATE_WORDS = ["امس", "الامس", "وامس", "اليوم", "واليوم", "صباح", "مسا", "يوم", "قبل", "يومين", "منذ", "ايام",
               "الاسبوع", "الماضي", "الماضيه", "الليله", "البارحه", "ليل", "خلال", "الساعات", "ساعات", "ساعه", "24",
               "الـ", "الجمعه", "الاحد", "احد", "السبت", "تموز", "اب", "كتاب", "the", "day", "today", "yesterday",
               "overnight", "last", "night", "this", "morning", "evening", "tonight", "week", "days", "ago", "few",
               "before", "two", "on", "friday", "sunday", "monday", "next", "early", "july", "2019", "2020-07-19",
               "19-07-2020", "20.7.2019", "1920", "202019", "19", "20", "x"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_DATE_WORDS), max_size=40), st.sampled_from([" ", "  ", "-", "", ".", " و"]))
def test_date_patterns_scanned_near_the_automaton_places_find_what_full_scans_find(words, sep):
    from eventmap.events import dates as D

    norm = sep.join(words)
    pats = [D._ISO_RE, D._DMY_RE, D._EN_WEEKDAY_RE, D._AR_WEEKDAY_RE] + [p for p, _, _ in D._AR_RELATIVE + D._EN_RELATIVE]
    for p in pats:
        want = [(m.span(), m.groupdict()) for m in p.finditer(norm)]
        assert [(m.span(), m.groupdict()) for m in D._near_literals(p, norm)] == want
    for (p, _, _), ws in zip(D._AR_RELATIVE + D._EN_RELATIVE, D._AR_RELATIVE_WORDS + D._EN_RELATIVE_WORDS):
        if ws is not None:
            want = [(m.span(), m.groupdict()) for m in p.finditer(norm)]
            assert [(m.span(), m.groupdict()) for m in D._near_words(p, ws, norm)] == want
            # a word the automaton does not hold: found by str.find
            assert [(m.span(), m.groupdict()) for m in D._near_words(p, ws + ("zzz",), norm)] == want
    ascii_part = "".join(c for c in norm if c.isascii())
    assert D._has_ascii_digit(ascii_part) == bool(D._DIGIT_RE.search(ascii_part))
    where = D._word_places(norm)[2]
    for w in D._scanned_words():
        assert (w in where) == (w in norm)
        assert where.get(w, []) == [i for i in range(len(norm)) if norm.startswith(w, i)]


def test_the_words_the_date_prefilters_ask_about_are_all_read_by_the_automaton():
    from datetime import date

    from eventmap.events import dates as D

    assert set(D._AR_RELATIVE_CUES) | set(D._AR_WEEKDAY_WORDS) <= D._scanned_words()
    pub = date(2018, 7, 25)
    for phrase, back in (("الليله الماضيه", 1), ("قبل يومين", 2), ("خلال الساعات الماضيه", 0), ("منذ ايام", 7)):
        got = D._find_norm(f"قصفت الطائرات البلده {phrase} وقتل مدنيان", pub)
        assert [(d, k) for _, _, d, _, k in got] == [(date(2018, 7, 25 - back), "relative")], phrase


# --- triggers: the shared keyword pass against each language's own automaton ------------------------------------

@lru_cache(maxsize=2)
def _stem_automaton(is_ar: bool) -> Any:
    import ahocorasick

    auto = ahocorasick.Automaton()
    for stem, lst in L._compiled()[0 if is_ar else 1].table.items():
        auto.add_word(stem, (stem, lst))
    auto.make_automaton()
    return auto


def _plain_find_triggers(norm: str, start: int, end: int) -> list[L.TriggerHit]:
    hits: list[L.TriggerHit] = []
    for is_ar, c, char_re in ((True, L._compiled()[0], L._AR_CHAR_RE), (False, L._compiled()[1], L._EN_CHAR_RE)):
        if not char_re.search(norm, start, end):
            continue
        seen: set[tuple[str, int, str]] = set()
        for e_idx, (stem, lst) in _stem_automaton(is_ar).iter(norm, start, end):
            s0 = e_idx + 1 - len(stem)
            ws = max(norm.rfind(" ", start, s0) + 1, start)
            if (is_ar and s0 - ws > 4) or (not is_ar and s0 != ws) or (not is_ar and ws > 0 and norm[ws - 1] == "-"):
                continue
            for lab, rx in lst:
                if (lab, ws, rx.pattern) in seen:
                    continue
                m = rx.match(norm, ws, end)
                if m and m.start("t") <= s0:
                    seen.add((lab, ws, rx.pattern))
                    hits.append(L.TriggerHit(lab, m.start("t"), m.end("t"), m.group("t")))
        for lab, rx in c.always:
            for m in rx.finditer(norm, start, end):
                hits.append(L.TriggerHit(lab, m.start("t"), m.end("t"), m.group("t")))
    hits.sort(key=lambda h: (-(h.end - h.start), h.start, h.label))
    kept: list[L.TriggerHit] = []
    taken = IntervalSet()
    for h in hits:
        if taken.free(h.start, h.end):
            taken.add(h.start, h.end)
            kept.append(h)
    kept.sort(key=lambda h: h.start)
    return kept


_AR_TRIGGER_WORDS = ["سيطرت", "قوات", "النظام", "على", "بلدة", "وسيطرت", "فسيطرت", "والسيطره", "حررت", "تحرير", "الشام",
                     "قصف", "قصفت", "جوي", "غارة", "غارات", "اشتباكات", "فض", "الاشتباك", "اطلاق", "النار", "رصاص", "قناص",
                     "عبوة", "ناسفة", "انفجار", "اعتقال", "حملة", "دهم", "مظاهرة", "تسوية", "السياسي", "دخلت", "ادخل",
                     "الدخول", "xسيطرت", "سيطرتx", "بالقصف", "وبالقصف", "في", "ريف", "درعا"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_AR_TRIGGER_WORDS + _EN_TRIGGER_WORDS + _EN_ACTOR_WORDS + _HOSTILE), max_size=40),
       st.sampled_from([" ", "  ", "-", "", "، "]), st.integers(0, 30), st.integers(0, 300))
def test_triggers_are_those_of_each_languages_own_automaton(words, sep, lo, hi):
    norm = normalize_offsets(sep.join(words))[0]
    assert L.find_triggers(norm) == _plain_find_triggers(norm, 0, len(norm))
    hi = min(hi, len(norm))
    if lo <= hi:
        assert L.find_triggers(norm, lo, hi) == _plain_find_triggers(norm, lo, hi)


# --- the language of a report ------------------------------------------------------------------------------

def _plain_detect_language(text: str) -> str:
    from eventmap.events import reader as R

    raw = text[:20000].encode("utf-8", "surrogatepass")
    ar = len(raw) - len(raw.translate(None, R._AR_LEAD_BYTES))
    lat = len(raw) - len(raw.translate(None, R._LATIN_BYTES))
    if ar == 0 and lat == 0:
        return "ar" if R.has_arabic(text[:20000]) else "en"
    return "ar" if ar >= lat else "en"


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_SENT_WORDS + _NORM_WORDS + _HOSTILE + ["123", "!?", "", " ", "\n", "-", "ﻻ", "ﷲ"]),
                max_size=30))
def test_the_language_is_the_plain_count_of_arabic_and_latin_letters(words):
    from eventmap.events.reader import detect_language

    text = " ".join(words)
    assert detect_language(text) == _plain_detect_language(text)
    ascii_text = "".join(c for c in text if c.isascii())
    assert detect_language(ascii_text) == _plain_detect_language(ascii_text)
