"""Shortcuts of the place-mention finder (mentions.py, sites.py): never a different answer.

Each fast path is compared with the plain computation it replaced, on sentences made up here from
gazetteer names, cue words and punctuation, and on windows of them that cut words at either edge."""

from __future__ import annotations

from functools import lru_cache

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from eventmap.events import mentions as M
from eventmap.events._spans import normalize_offsets
from eventmap.places.gazetteer import default_gazetteer
from eventmap.text import latin_key, normalize_ar


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


def _scan_en_plain(text: str, idx: M._Index, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """The English name scan as first written (every token keyed, every token tried)."""
    toks = [(m.start(), m.end(), m.group(0)) for m in M._EN_TOKEN_RE.finditer(text, lo, hi)]
    keys = [M._word_key(t[2]) for t in toks]
    out: list[tuple[int, int, str]] = []
    i = 0
    n = len(toks)
    while i < n:
        s, e, w = toks[i]
        # a name starts with a capital (or an article glued to a capitalised word: al-Harra)
        is_art = keys[i] == ""
        if is_art:
            if i + 1 < n and toks[i + 1][0] - e <= 1 and toks[i + 1][2][:1].isupper() and \
                    not (text[e:toks[i + 1][0]] == " " and w not in M._EN_SPACED_ARTICLES):
                pass   # (lower-case "at", "as" before a space are English words)
            else:
                i += 1
                continue
        elif not w[:1].isupper():
            i += 1
            continue
        best = None
        words: list[str] = []
        j = i
        while j < n and len(words) < idx.max_latin_words + 2:
            if j > i and toks[j][0] - toks[j - 1][1] > 2:   # a gap of punctuation or more: stop
                break
            if j > i and text[toks[j - 1][1]:toks[j][0]].strip(" -") not in ("",):
                break
            if keys[j]:
                if not toks[j][2][:1].isupper() and toks[j][2].lower() not in M._EN_LOWER_IN_NAMES:
                    break
                words.append(keys[j])
                k = " ".join(words)
                if k not in idx.latin_prefixes:
                    break                  # no name goes on like this
                if k in idx.latin:
                    best = (s, toks[j][1], k, j)
            j += 1
        if best:
            first_word = toks[i + 1][2] if is_art else w
            if first_word in M.EN_STOP and first_word not in M._EN_STOP_BUT_PLACE and best[3] == (i + 1 if is_art else i):
                i += 1
                continue
            if text[best[1]:best[1] + 1].isdigit():    # a name glued to a number: an outlet's ("Daraa24")
                i += 1
                continue
            out.append(best[:3])
            i = best[3] + 1
        else:
            i += 1
    return out


@settings(max_examples=600, deadline=None)
@given(_en_text(), st.data())
def test_the_english_name_scan_finds_what_the_token_by_token_scan_finds(text, data):
    idx = _idx()
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    for a, b in ((0, len(text)), (lo, hi)):
        assert M.scan_gazetteer_en(text, idx, a, b) == _scan_en_plain(text, idx, a, b)


@pytest.mark.parametrize("text", [
    "Regime forces shelled the village of Tafas and al-Yadudah near Daraa, said activists.",
    "Clashes in Al Harra and Nawa - Jasim; the Nasib border crossing was closed.",
    "Shelling hit Tal al-Jumua, Kafr Shams and 'Aqraba on Sunday.",
    "no capitals at all here",
])
def test_the_english_name_scan_agrees_on_written_sentences(text):
    idx = _idx()
    found = M.scan_gazetteer_en(text, idx, 0, len(text))
    assert found == _scan_en_plain(text, idx, 0, len(text))
    for cut in range(len(text)):
        assert M.scan_gazetteer_en(text, idx, cut, len(text)) == _scan_en_plain(text, idx, cut, len(text))
        assert M.scan_gazetteer_en(text, idx, 0, cut) == _scan_en_plain(text, idx, 0, cut)


def test_the_english_name_scan_finds_names():
    text = "Regime forces shelled Tafas and al-Yadudah near Daraa."
    keys = [k for _, _, k in M.scan_gazetteer_en(text, _idx(), 0, len(text))]
    assert keys == [latin_key("Tafas"), latin_key("al-Yadudah"), latin_key("Daraa")]


# --- Arabic ------------------------------------------------------------------------------------

_AR_WORDS = ("قصفت", "قوات", "النظام", "بلدة", "قرية", "مدينة", "في", "على", "من", "قرب", "ريف", "درعا",
             "الغربي", "جنوب", "شرق", "حي", "تل", "قتل", "وبلدة", "وقرى", "بلدات", "وهي", "المقيم", "المنحدر",
             "الواقعة", "باستثناء", "أقلعت", "نقل", "إلى", "مصادر", "اسعاف", "الرئيس", "بشار", "الأسد", "معبر",
             "حاجز", "و", "ل", "ب", "اللجاة", "للرفيد", "القنيطرة", "نوى", "جاسم", "الحارة", "طفس", "داعل")
_AR_SEPS = ("", " ", " ", " ", "  ", "،", " ، ", " - ", ".", ": ", "(", ") ", "\n")
_PREFIXES = ("", "", "", "و", "ب", "ل", "ف", "وب", "لل", "ال", "فل", "ك")


@st.composite
def _ar_text(draw) -> str:
    names = _names()[1]
    pieces = draw(st.lists(st.tuples(st.sampled_from(_PREFIXES),
                                     st.one_of(st.sampled_from(names), st.sampled_from(_AR_WORDS))),
                           min_size=1, max_size=16))
    seps = draw(st.lists(st.sampled_from(_AR_SEPS), min_size=len(pieces), max_size=len(pieces)))
    return "".join(p + w + s for (p, w), s in zip(pieces, seps))


def _scan_ar_plain(norm: str, idx: M._Index, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """The Arabic gazetteer scan as first written (two sorts and an interval set)."""
    from eventmap.events._spans import IntervalSet

    raw: list[tuple[int, int, str]] = []
    for end_idx, (word, key, drop) in idx.ar.iter(norm, lo, hi):
        end = end_idx + 1
        s_full = end - len(word)
        start = s_full + drop
        if end < len(norm) and norm[end] != " ":
            continue
        ws = M._word_start(norm, s_full)
        prefix = norm[ws:s_full] + ("ل" if drop else "")
        if prefix not in M._CLITIC_PREFIXES:
            continue
        raw.append((start, end, key))
    raw.sort(key=lambda r: (r[0], -(r[1] - r[0])))
    out: list[tuple[int, int, str]] = []
    taken = IntervalSet()
    for r in sorted(raw, key=lambda r: (-(r[1] - r[0]), r[0])):
        if taken.free(r[0], r[1]):
            taken.add(r[0], r[1])
            out.append(r)
    out.sort()
    return out


@settings(max_examples=600, deadline=None)
@given(_ar_text(), st.data())
def test_the_arabic_name_scan_picks_what_the_interval_set_picks(text, data):
    idx = _idx()
    norm, _offs = normalize_offsets(text)
    lo = data.draw(st.integers(0, len(norm)))
    hi = data.draw(st.integers(lo, len(norm)))
    for a, b in ((0, len(norm)), (lo, hi)):
        assert M.scan_gazetteer_ar(norm, idx, a, b) == _scan_ar_plain(norm, idx, a, b)


def test_the_arabic_name_scan_keeps_the_longest_of_overlapping_names():
    norm, _ = normalize_offsets("قصفت قوات النظام بلدة الشيخ مسكين وبلدة نوى وتل الجابية")
    found = M.scan_gazetteer_ar(norm, _idx(), 0, len(norm))
    assert found == _scan_ar_plain(norm, _idx(), 0, len(norm))
    assert any(norm[s:e] == "الشيخ مسكين" for s, e, _ in found)


_REF_CUES_PLAIN = M._REF_CUES_AR


def _ar_reference_plain(m: M.Mention, prev: list[str]) -> None:
    """The reference-point rules of :func:`mentions._ar_reference` as first written (a scan per cue kind)."""
    d = M._derived()
    dirs = d["dirs"]
    if prev and (prev[-1] in dirs or (len(prev) > 1 and prev[-2] in dirs and prev[-1] in d["nouns_dirs"])):
        m.reference = True
        m.notes.append("direction")
        return
    bare = [w[1:] if w[:1] in "وف" and len(w) > 3 else w for w in prev]
    # a body, then "في": the body's seat ("عضو المجلس المحلي في X")
    body = [w for w in bare[-3:-1] if w in M._BODY_AR]
    if bare and bare[-1] == "في" and body and (bare[-2] in M._BODY_AR or bare[-2] in M._BODY_ADJ_AR):
        m.reference = True
        m.notes.append("seat")
        return
    for why, cues in _REF_CUES_PLAIN.items():
        if any(w in cues for w in bare[-3:]):
            m.reference = True
            m.notes.append(why)
            return
    # further back: an origin's verb before "من", a hearing before "في"; and a road "الواصل" to a place (not between)
    for why, far, near in (("origin", bare[-7:-2], "من"), ("heard", bare[-5:-2], "في")):
        if near in bare[-3 if why == "heard" else -2:] and any(w in _REF_CUES_PLAIN[why] for w in far):
            m.reference = True
            m.notes.append(why)
            return
    if any(w in ("الواصل", "الواصله") for w in bare[-3:]) and "بين" not in bare[-3:]:
        m.reference = True
        m.notes.append("locator")
        return
    # a person by what he is (and his unit: "مقاتل من الكتائب ... من"), then "من" (a place noun may come between):
    # his home
    w = bare[-7:]
    w = w[:-1] if w and w[-1] in M._sets()["nouns"] else w
    # (a person noun bare or definite: "والشاب من بلدة X"; an office, and the words of a town's body after it:
    # "رئيس مجلس بلدة X", not "... في بلدة X")
    k = len(w) - 1
    while k >= max(0, len(w) - 5) and w[k] in M._BODY_OF_TOWN_AR:
        k -= 1
    office = max(0, len(w) - 5) <= k < len(w) - 1 and w[k] in M._OFFICE_OR_MEMBER_AR
    if (len(w) >= 2 and w[-1] == "من" and (M._a_person(w[-2]) or any(
            M._a_person(w[k]) and w[k + 1] == "من" for k in range(max(0, len(w) - 6), len(w) - 3)))) or \
            (w and w[-1] in M._OFFICE_OF_AR) or office:
        m.reference = True
        m.notes.append("origin")
        return
    # (a departure's "من" only after the last "إلى"/"نحو"/"باتجاه": "القادمين من X إلى Y", Y is where they went)
    tail = bare[-6:]
    for k in range(len(tail) - 1, -1, -1):
        if tail[k] in ("الي", "نحو", "باتجاه"):
            tail = tail[k + 1:]
            break
    if any(a in M._DEPARTURE_AR and b == "من" for a, b in zip(tail, tail[1:])):
        m.reference = True
        m.notes.append("where it came from")
        return
    # (a flight's verbs are departures too: "فروا باتجاه X" is where they went, as a withdrawal's)
    if M._withdrew_to_ar(bare, M._sets()):
        m.reference = True
        m.notes.append("where they withdrew to")
        return
    if (len(bare) >= 1 and bare[-1] in ("الي", "لي")) or (len(bare) >= 2 and bare[-2] == "الي"):
        if any(w in M._CASUALTY_MOVE_AR for w in bare[-4:]):
            m.reference = True
            m.notes.append("casualties taken there")
            return
    # a source, at most one word of it, "في" and the place's noun: "مصادر محلية في مدينة X"
    before_noun = bare[:-1] if bare and bare[-1] in M._sets()["nouns"] else None
    seat_of_source = before_noun is not None and len(before_noun) >= 2 and before_noun[-1] == "في" and (
        before_noun[-2] in M._SOURCE_AR or (len(before_noun) >= 3 and before_noun[-3] in M._SOURCE_AR
                                            and before_noun[-2] in M._SOURCE_ADJ_AR))
    if (bare and bare[-1] == "في" and len(bare) >= 2 and any(w in M._SOURCE_AR for w in bare[-4:-1])) or seat_of_source:
        m.reference = True
        m.notes.append("where the source is")


_CUE_WORDS = tuple(sorted({w for cues in M._REF_CUES_AR.values() for w in cues} | M._DEPARTURE_AR |
                          M._CASUALTY_MOVE_AR | M._SOURCE_AR | {"من", "في", "الي", "لي", "جنوب", "شرق", "مدينه",
                                                                  "وعدا", "فالمقيم", "قصف", "بلده", "شاب",
                                                                  "مختار", "الواصل", "بين", "عدد", "رئيس", "عضو",
                                                                  "المجلس", "البلدي", "المحلي", "محليه", "لجنه", "قدموا"}))


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_CUE_WORDS), max_size=4))
@example(["المجلس", "في"])   # a seat (CI's draw found the oracle without that rule)
@example(["عضو", "المجلس", "المحلي", "في"])
@example(["قدومهم", "من", "الي"])   # where they were going, not where they came from
@example(["مصادر", "في", "بلده"])
@example(["فروا", "باتجاه"])   # (a draw found the oracle without the withdrawal's rule once flights were departures)
def test_reference_cues_are_read_as_the_rules_read_them_one_kind_after_another(prev):
    a = M.Mention(0, 3, "نوي", "gazetteer")
    b = M.Mention(0, 3, "نوي", "gazetteer")
    M._ar_reference(a, prev, M._sets())
    _ar_reference_plain(b, prev)
    assert (a.reference, a.notes) == (b.reference, b.notes)


class _Names:
    """A gazetteer of a few names that overlap in text ("تل العرايس" / "العرايس الشرقي")."""

    def __init__(self, names: tuple[str, ...]) -> None:
        self.names = names

    def name_keys(self) -> list[tuple[str, str]]:
        return [(n, f"p{i}") for i, n in enumerate(self.names)]


_OVERLAPPING = ("تل العرايس", "العرايس الشرقي", "العرايس", "الشرقي", "ام ولد", "ولد تل", "عين ذكر", "ذكر",
                "نبع الصخر", "الصخر")


@settings(max_examples=800, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(("", "", "و", "ب", "لل", "ف")),
                          st.sampled_from(_OVERLAPPING + ("في", "قصف", "تل", "ام"))), min_size=1, max_size=10),
       st.data())
def test_overlapping_names_resolve_leftmost_longest_as_before(words, data):
    idx = M._Index(_Names(_OVERLAPPING))
    norm = " ".join(p + w for p, w in words)
    lo = data.draw(st.integers(0, len(norm)))
    hi = data.draw(st.integers(lo, len(norm)))
    for a, b in ((0, len(norm)), (lo, hi)):
        assert M.scan_gazetteer_ar(norm, idx, a, b) == _scan_ar_plain(norm, idx, a, b)


# --- sites and English cue gates ----------------------------------------------------------------

def test_site_nouns_are_stripped_of_clitics_as_the_surface_forms_say():
    from eventmap.events import sites as S

    for table, made in ((S.SITE_NOUNS_AR, S._NOUN_FORMS), (S.SITE_DUALS_AR, S._DUAL_FORMS)):
        forms = S._surface_forms(tuple(table))
        words = list(forms) + ["قرية", "درعا", "وبالمعبر", "حاجزي", "معبرين", ""]
        for w in words:
            assert S._strip_clitic(w, made) == forms.get(w, ("", 0))
    assert S._strip_clitic("بالمعبر", S._NOUN_FORMS) == (normalize_ar("معبر"), 1)
    assert S._strip_clitic("حاجزي", S._DUAL_FORMS) == ("حاجزي", 0)


_GAP_WORDS = ("the", "a", "an", "rebel-held", "regime-held", "occupied", "southern", "nearby", "strategic",
              "border", "small", "in", "near", "at", "town", "The", "Held", "held", "again", "another",
              "villages", "of", "Tafas", "shelled", "key", "frontline", "x-held")


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_GAP_WORDS), st.sampled_from((" ", "  ", "\t", "\n", "\u00a0", "-", ", ",
                                                                          ".", "", " . ")))
                , max_size=6))
def test_the_gap_pattern_matches_only_after_one_of_its_last_words(pieces):
    before = "".join(w + sep for w, sep in pieces)
    bw = M._EN_WORDS_RE.findall(before)
    if M._EN_PREP_GAP_RE.search(before):
        assert bw and bw[-1] in M._EN_PREP_GAP_LAST


_GATE_PIECES = ("except", "EXCEPT", "Except", "south", "Southern", "north-east", "taken", "hospital", "in", "the",
                "Daraa", "activists", "crossing", "Checkpoint", "BASE", "bas", "e", "post", "Mahatta", "balad",
                "ſource", "İ", "ı", "\u212aamp", "σ", "Σ", "é", "natıve", " ", "  ", ", ", "-", "\n")


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_GATE_PIECES), max_size=12))
def test_the_long_english_gate_lists_let_through_what_a_search_per_word_lets_through(pieces):
    from eventmap.events import sites as S
    from eventmap.events._prefilter import FOLDS_TO_ASCII, may_contain_ci

    text = "".join(pieces)
    folds = any(c in text for c in FOLDS_TO_ASCII)
    for words in (S._EN_ANY_WORDS, M._EN_REF_WORDS):   # long enough for may_contain_ci's automaton
        assert may_contain_ci(text, words) == (folds or any(w in text.lower() for w in words))


_CHAIN_WORDS = ("قرى", "القرى", "وقرى", "بلدات", "والبلدات", "مزارع", "بلدة", "قرية", "أحياء", "تلال", "مدن",
                "بلدتي", "قريتي", "منها", "وهي", ":", "مناطق")


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_CHAIN_WORDS + ("درعا", "نوى", "وجاسم", "قصف", "في")), min_size=1, max_size=10),
       st.lists(st.sampled_from((" ", " ", "  ", "،", " - ")), min_size=10, max_size=10), st.data())
def test_a_clause_speaks_of_places_as_a_search_of_the_clause_cut_out_says(words, seps, data):
    norm, _ = normalize_offsets("".join(w + s for w, s in zip(words, seps)))
    lo = data.draw(st.integers(0, len(norm)))
    hi = data.draw(st.integers(lo, len(norm)))
    clause = norm[lo:hi]
    chain = any(True for _ in M._PLURAL_CHAIN_RE.finditer(norm, lo, hi))
    plain = not M._LIST_CUES_AR.isdisjoint(clause.split()) or bool(M._PLURAL_CHAIN_RE.search(clause))
    assert M._speaks_of_places(norm, lo, hi, clause, chain) == plain


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(("Daraa", "al-Balad", "Al", "District", "district", "Area", "Neighborhood",
                                 "Neighbourhood", "Quarter", "Countryside", "Province", "Governorate", "Region",
                                 "Tafas", "Sajna", "'s", "X")), min_size=1, max_size=5),
       st.lists(st.sampled_from((" ", "-", "  ", "\n", "")), min_size=5, max_size=5))
def test_only_a_name_ending_with_a_generic_word_loses_a_tail(words, seps):
    for name in ("".join(w + s for w, s in zip(words, seps)).rstrip(" -\n"),
                 *(nm.group(0) for nm in M._EN_NAME_RE.finditer(" ".join(words)))):
        if len(M._EN_GENERIC_TAIL_RE.sub("", name)) != len(name):
            assert name.endswith(M._EN_GENERIC_TAILS)
