"""Shortcuts of the fatality reader (kept word forms, kept sentence tests): never a different reading."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from eventmap.events import fatalities as F

_WORDS = ["قتل", "مقتل", "شاب", "وطفلين", "الشهيد", "شهيدا", "أُصيب", "ـقتـل", "killed", "Killed", "two", "KILLED",
          "men", "1,200", "١٢", "12", "،", ".", "!", "d'Souza", "O’Neil", "İstanbul", "ΣΑΣ", "ـــ", "\u0651", "x_y"]


def _tokens_reference(s: str) -> list[tuple[str, int, int, bool]]:
    out = []
    for m in F._TOKEN_RE.finditer(s):
        raw = m.group(0)
        punct = not (raw[0].isalnum() or raw[0] == "_")
        if raw[0].isdigit():
            w = str(int(F.re.sub(r"[.,٬]", "", raw)))
        else:
            w = raw if punct else F._norm(raw)
        out.append((w, m.start(), m.end(), punct))
    return out


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=25), st.sampled_from([" ", "", "  ", "\n"]))
def test_tokens_with_kept_word_forms_are_the_tokens_read_afresh(words, sep):
    s = sep.join(words)
    want = _tokens_reference(s)
    for _ in range(2):   # the second time from the kept forms
        assert [(t.w, t.a, t.b, t.p) for t in F._tokens(s)] == want


def _letters(i: int) -> str:
    return "".join("abcdefghijklmnopqrstuvwxyz"[int(d)] for d in str(i))


def test_the_kept_word_forms_are_bounded():
    F._norm_kept.cache_clear()
    F._tokens(" ".join(_letters(i) for i in range(70_000)))
    assert 0 < F._norm_kept.cache_info().currsize <= 65_536
    assert [t.w for t in F._tokens(f"{_letters(1).upper()} {_letters(69_999)}")] == [_letters(1), _letters(69_999)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=12))
def test_the_kept_sentence_test_is_the_death_test(words):
    s = " ".join(words)
    assert F._sentence_has_death(s) == F._has_death(s) == F._sentence_has_death(s)


def _table_chars() -> set[str]:
    return {chr(cp) for cp, rep in enumerate(F.CHAR_LIST) if isinstance(rep, str)}


def test_lower_casing_commutes_with_the_character_table_for_every_code_point():
    """What the untranslated death test rests on: lower-casing never makes a character the table changes
    (nor one it deletes) out of another one, and the table changes no cased character."""
    table = _table_chars()
    for cp in range(0x110000):
        if 0xD800 <= cp < 0xE000:
            continue
        d = chr(cp)
        low = d.lower()
        assert d in table or not (set(low) & table), hex(cp)
        if d in table:
            assert low == d == d.upper(), hex(cp)


def test_the_untranslated_death_test_is_the_translated_one_around_every_stem():
    assert F._raw_death_test() is not None
    stems = sorted({F._norm(w) for w in F._DEATH_STEMS})
    probes = [chr(c) for c in (*range(0x20, 0x250), *range(0x370, 0x400), *range(0x600, 0x700), *range(0x750, 0x780),
                               *range(0x8A0, 0x900), *range(0x2000, 0x2070), 0x212A, 0x130, 0x131, 0x17F, 0xFEFF,
                               *range(0xFB50, 0xFB60), *range(0xFE70, 0xFE80))]
    for stem in stems:
        for c in probes:
            for s in (stem[:1] + c + stem[1:], c + stem, stem + c, stem.upper()[:2] + c + stem[2:]):
                assert F._has_death(s) == F._has_death_translated(s), (stem, hex(ord(c)))


_DEATH_ALPHABET = list("قتلشهدحياةاأإآىيئؤءـًّkilKILLdeathDEAθΣσςİıſ\u212a \u200b\u064b.،") + ["قتل", "killed", "الحياة", "أرواح"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_DEATH_ALPHABET), max_size=20))
def test_the_untranslated_death_test_is_the_translated_one(parts):
    s = "".join(parts)
    assert F._has_death(s) == F._has_death_translated(s)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["شاب", "والشاب", "للشباب", "بالقتل", "فلقي", "ولل", "كقتيل", "وبقتل", "قتيل", "x"]),
                min_size=1, max_size=6))
def test_kept_clitic_forms_are_the_forms_made_afresh(words):
    def reference(w: str) -> tuple[str, ...]:
        out = [w]
        for _ in range(2):
            if len(w) > 3 and w[0] in F._CLITICS:
                w = ("ال" + w[2:]) if w.startswith("لل") else w[1:]
                out.append(w)
            else:
                break
        return tuple(out)

    for w in words:
        w = F._norm(w)
        assert F._bases(w) == reference(w) == F._bases(w)
        assert F._is(w, F._AR_PERSON) == any(b in F._AR_PERSON for b in reference(w))


_SENT_ALPHABET = [".", "!", "?", "؟", "\n", " ", "\t", "\u00a0", "\u2028", "\u3000", "'", "\"", "”", "’", "»", ")", "a",
                  "ب", "3.5", "...", "killed two.", "قتل شاب.", "U.S.", "x\n", "_"]


def _next_sentence_reference(text: str, end: int) -> tuple[int, int] | None:
    """Rule 3's next sentence as first written (a character loop, a plain search)."""
    n = len(text)
    start = end
    while start < n and (text[start].isspace() or text[start] in ".!?؟\"'”’»)"):
        start += 1
    if start >= n:
        return None
    m = F._SENT_END.search(text, start, min(n, start + 1200))
    stop = m.end() if m else min(n, start + 1200)
    return (start, stop) if F._has_death(text[start:stop]) else None


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_SENT_ALPHABET), max_size=40), st.integers(-50, 60), st.integers(-50, 60))
def test_the_next_sentence_and_its_end_are_found_as_by_a_plain_search(parts, a, b):
    text = "".join(parts)
    want = F._SENT_END.search(text, a, b)
    got = F._sentence_end(text, a, b)
    assert (got.span() if got else None) == (want.span() if want else None)
    if a >= 0:   # (the next sentence starts after a sentence's end: an offset, never negative)
        assert F._next_sentence(text, a) == _next_sentence_reference(text, a)


def test_a_sentence_end_is_found_past_a_long_run_of_text():
    text = "x" * 1500 + ". killed three."
    assert F._sentence_end(text, 0, len(text)).span() == F._SENT_END.search(text, 0, len(text)).span()
    assert F._next_sentence(text, 1500) == _next_sentence_reference(text, 1500)
