"""Named sites: crossings, dams, checkpoints, mosques, bases, neighbourhoods, squares, quarries of the map.

Reports locate much of the fighting at sites rather than villages: "معبر نصيب", "سد الجبيلية",
"حاجز القوس", "اللواء 52 ميكا", "الجامع العمري", "مساكن جلين", "حي المنشية"; "the Nasib border crossing",
"the Grand Mosque", "the 52nd Brigade base", "the citadel of Bosra", "the Lajat area".  A site is
a *site noun* and a *name*; the location of the event is the whole name as written (what an analyst looks
for and pins), never the site noun alone and never a piece of the name.

Each site also says where to look for it on the map: its **host**, the part of the name that is itself a
place ("نصيب" in "معبر نصيب", "Bosra" in "the citadel of Bosra"), when there is one.  The
extractor resolves the site's full name first (a few sites are gazetteer entries), then the host, and
places the event at the host with the site's name kept (approximate, geo-precision 2); a town named right
after the site ("حاجز ... في بلدة X") hosts it too and is then only a reference point.

Generic facilities ("حاجز عسكري", "مفرزة الأمن العسكري", "a military checkpoint") are not named sites:
the town around them is the place.  Written by hand: no library knows Levantine site vocabulary.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache

from eventmap.events._prefilter import may_contain_ci
from eventmap.text import normalize_ar

#: Arabic site nouns (normalised) -> kind.  Dual/plural forms name several sites of the same kind.
SITE_NOUNS_AR: dict[str, str] = {
    "معبر": "crossing", "جمرك": "crossing", "سد": "dam", "بحيره": "lake", "حاجز": "checkpoint",
    "مفرق": "junction", "دوار": "roundabout", "جسر": "bridge", "مسجد": "mosque", "جامع": "mosque",
    "كنيسه": "church", "مشفي": "hospital", "مستشفي": "hospital", "مدرسه": "school", "كتيبه": "battalion",
    "لواء": "brigade", "فوج": "regiment", "سريه": "company", "معسكر": "camp", "مطار": "airport",
    "قاعده": "base", "ثكنه": "barracks", "حي": "neighbourhood", "مساكن": "housing", "مخيم": "camp",
    "ممر": "corridor", "شركه": "company", "ساحه": "square", "سوق": "market", "كتله": "block",
    "حاره": "quarter", "منطقه": "area", "مرصد": "observatory", "ملعب": "stadium", "قلعه": "citadel",
    "مصنع": "factory", "معمل": "factory", "كازيه": "petrol station", "بوابه": "gate", "مقر": "headquarters",
    "نقطه": "post", "مفرزه": "detachment", "فرع": "branch", "صوامع": "silos", "مخفر": "police station",
    "وادي": "valley", "حرش": "woods",
}
SITE_NOUNS_AR = {normalize_ar(k): v for k, v in SITE_NOUNS_AR.items()}
#: whose a site is, right after its noun (normalised): "حاجز للأمن العسكري", "كتيبة للدفاع الجوي": a force's post,
#: named by no name
_OWNER_AR_RE = re.compile(r"لل\S{3,}")
#: a site's noun and its owner (normalised); a village may bear the noun's name ("كتيبة"), not here
OWNED_SITE_AR_RE = re.compile(r"[وفب]?(?:" + "|".join(sorted(SITE_NOUNS_AR, key=len, reverse=True)) + r")\s" +
                              _OWNER_AR_RE.pattern)
#: dual forms: "حاجزي العلان وجلين" names two checkpoints, each by its bare name
SITE_DUALS_AR: dict[str, str] = {"حاجزي": "checkpoint", "حيي": "neighbourhood", "سدي": "dam", "معبري": "crossing"}
#: the nouns a quarter is named by ("حي X")
QUARTER_NOUNS_AR = frozenset(w for w, kind in (*SITE_NOUNS_AR.items(), *SITE_DUALS_AR.items()) if kind == "neighbourhood")

#: words after a site noun that make it a generic facility, not a named site
_GENERIC_AFTER_AR = {normalize_ar(w) for w in """عسكري عسكريه العسكري العسكريه للنظام لقوات للجيش تابع تابعه التابع
التابعه قوات الجيش الامن امن المخابرات الاستخبارات الشرطه للشرطه شرطه مؤقت مؤقتا مؤقته الرئيسي الرئيسيه رئيسي
جديد جديده جديدا ثابت
طيار طيارا لها له لهم فيها فيه مشترك مشتركه الحدودي الحدودية حدودي كبير كبيره صغير صغيره جوي جويه الجوي الجويه
للمعارضه للفصائل للمسلحين للتنظيم الاحتلال للاحتلال اسرائيلي اسرائيليه الاسرائيلي الاسرائيليه روسي الروسي
الفرقه الامنيه امني امنيه المنطقه المدينه البلده القريه عند على في من الى قرب داخل وسط بين حول محيط اطراف
اخر اخري الاخر الاخري اخرين ثان ثاني الثاني الثانيه الاول الاولي واحد واحدا الوحيد هام مهم استراتيجي
الاستراتيجي الاستراتيجيه المجاور المجاوره القريب القريبه الواقع الواقعه المحيطه المحيط المذكور المذكوره
ميداني ميدانيه الميداني الميدانيه متنقل متنقله طبي طبيه الطبي الطبيه ادويه للادويه اسلحه للاسلحه ذخيره ذخائر
للذخيره مهجور مهجوره المهجور المهجوره سري سريه مدينه بلده قريه ابنيه الابنيه البلديه التجمع""".split()}
# ("ساحة البلدية بمدينة X", "نقطة التجمع قرب بلدة X": the town's square, a meeting point, named by no name)
#: the four sides, as adjectives (normalised): a side alone names no site ("حي الشمالي": the north quarter)
SIDES_AR = frozenset(("الشمالي", "الجنوبي", "الشرقي", "الغربي", "الشماليه", "الجنوبيه", "الشرقيه", "الغربيه"))
_GENERIC_AFTER_AR |= SIDES_AR
# ("حاجز مدينة نوى", "سوق بلدة الحراك": the town's checkpoint or market, named by the town: the town is the place)
#: adjectives of kind after a place noun: "حي سكني" is a residential quarter, "سوق شعبي" a popular market, not names
KIND_ADJ_AR = {normalize_ar(w) for w in """سكني سكنية السكني السكنية تجاري تجارية التجاري التجارية شعبي شعبية
الشعبي الشعبية مدني مدنية زراعي زراعية الزراعي الزراعية صناعي صناعية الصناعي الصناعية مكتظ مكتظة المكتظ المكتظة
مأهول مأهولة المأهول المأهولة مجاور مجاورة قريب قريبة""".split()}
_GENERIC_AFTER_AR |= KIND_ADJ_AR

#: verbs and words of purpose a name runs into, which end it, after a site noun as after a place noun (``mentions``):
#: "في حي X كانوا يعملون", "حي X تخضع لسيطرة", "مظاهرة في X نصرةً لـ", "قذيفة على حي X أدت إلى"
NAME_ENDS_AR = frozenset(normalize_ar(w) for w in "كانوا كانا يكون تكون يكونون تخضع يخضع نصرة نصرةً أدى أدت أسفر أسفرت"
                         " القبض الواقعتين الواقعين الواقعتان الواقعان بأكثر بنحو بحوالي بأقل بعشرات بمئات".split())
# ("في مدينة X القبض على": the arrest's words after the place; "بلدتي A وB الواقعتين في": where the two lie;
# "أحياء A وB بأكثر من أربعين صاروخاً": how many)
#: generic words that can follow an articled site noun without making a name ("المسجد الكبير" is a name, keep)
_NAME_STOP_AR = NAME_ENDS_AR | {normalize_ar(w) for w in """في من على الى إلى عن مع بعد قبل خلال ضمن قرب جنوب شمال شرق غرب
جنوبي شمالي شرقي غربي بريف ريف التي الذي الذين حيث وسط التابعة التابع بمحافظة محافظة منطقة بين اثر إثر عقب
بينما فيما كما لكن اذ إذ أن إن انه أنه وقد قد ثم حتى بعدما عندما منذ او أو و هو هي هم وهي وهو كان كانت يوم
اليوم امس مساء صباح ليل فجر الواقع الواقعة الواقعتين الواقعين الواقعتان الواقعان الممتدة الممتد الوعرة
المجاور المجاورة القريب القريبة المحاذي المحاذية ما مما بشكل عبر
نحو باتجاه اتجاه لدى عند تجاه مقابل بالكامل كاملا كامل كليا جزئيا مجددا ايضا أيضا أثناء اثناء انطلاقا انطلاقاً جراء
بسبب ظهر عصر ليلة تطالب يطالب تطالبان يطالبون تندد ينددون
الخاضع الخاضعة الخاضعين الخاضعتين يحتوي تحتوي يضم تضم يقع تقع تعرض تعرضت شهد شهدت يشهد تشهد
تمهيداً لاحقاً سابقاً مؤخراً حالياً مجدداً""".split()}   # (and a state or a verb after the name: "حي X الخاضع لسيطرة")
#: words of time that end a name after its first word ("معبر نصيب الأربعاء", "حاجز السنتر طوال الليل"; a site's first
#: word may be one: "جامع الجمعة"); the names after a place noun end there too (``mentions``)
TIME_AFTER_AR = frozenset(normalize_ar(w) for w in
                          "الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد طوال طيلة يومي لمدة مدة "
                          "مطلع أوائل أواخر منتصف نهاية بداية".split())

#: site nouns that, with the article, are named by one describing word ("الجامع العمري", "الجمرك القديم")
_ARTICLED_NAMED = {normalize_ar(w) for w in ("جامع", "مسجد", "جمرك", "شركه", "كنيسه", "ساحه", "سوق", "دوار", "ملعب",
                                              "مشفي", "مستشفي", "معمل", "مصنع", "قلعه", "معبر")}
#: site nouns whose location is the bare name ("منطقة العارضة" is al-Arida)
_BARE_AR = {"منطقه"}
#: trailing words that describe a site without naming it ("معبر نصيب الحدودي")
_TRAIL_DROP_AR = {normalize_ar(w) for w in """الحدودي الحدودية العسكري العسكرية التابع التابعة الواقع الواقعة
الواقعتين الواقعين الواقعتان الواقعان الممتدة الممتد الوعرة
المجاور المجاورة القريب القريبة المحاذي المحاذية الرئيسي الرئيسية الشهير الشهيرة المعروف المعروفة
المدمرة المنكوبة المحررة المحاصرة المشرفة المطلة الاستراتيجي الاستراتيجية الإستراتيجي الإستراتيجية الحيوي
الحيوية المهم المهمة الهام الهامة الملاصق الملاصقة المحيط المحيطة الفاصل الفاصلة الواصل الواصلة الرابط الرابطة""".split()}

_NUMBER_WORDS_AR = {normalize_ar(w) for w in """واحد اثنان اثنين ثلاثه اربعه خمسه سته سبعه ثمانيه تسعه عشره
احد عشرون عشرين ثلاثون ثلاثين اربعون اربعين خمسون خمسين ستون ستين سبعون سبعين ثمانون ثمانين تسعون تسعين مئه
ومئه""".split()}

_CLITICS = ("وب", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك")

#: English site nouns that follow the name ("Nasib border crossing", "the Omari mosque")
SITE_NOUNS_EN: dict[str, str] = {
    "crossing": "crossing", "checkpoint": "checkpoint", "dam": "dam", "lake": "lake", "bridge": "bridge",
    "roundabout": "roundabout", "junction": "junction", "mosque": "mosque", "church": "church",
    "hospital": "hospital", "school": "school", "base": "base", "airbase": "airport", "airport": "airport",
    "barracks": "barracks", "brigade": "brigade", "battalion": "battalion", "regiment": "regiment",
    "camp": "camp", "neighborhood": "neighbourhood", "neighbourhood": "neighbourhood", "district": "neighbourhood",
    "quarter": "neighbourhood", "block": "block", "area": "area", "hills": "hill", "hill": "hill",
    "observatory": "observatory", "factory": "factory", "stadium": "stadium", "citadel": "citadel",
    "station": "station", "market": "market", "square": "square", "outpost": "post", "post": "post",
    "headquarters": "headquarters", "housing": "housing", "silos": "silos", "press": "factory", "valley": "valley",
    "farms": "farms", "theatre": "theatre", "theater": "theatre", "amphitheatre": "theatre",
}
#: the names of agencies that end in a site noun ("The Associated Press", "Agence France-Presse"): outlets, no press
_AGENCY_BEFORE_PRESS = frozenset(("associated", "france", "free", "united"))
#: quarters are called by their bare name ("the Manshiya neighbourhood" is Manshiya)
QUARTER_NOUNS_EN = frozenset(("neighborhood", "neighbourhood", "district", "quarter"))
#: site nouns that come first ("the citadel of Bosra", "Brigade 132")
_EN_HEAD_FIRST = {"citadel", "castle", "roundabout", "dam", "bridge", "brigade", "battalion", "regiment",
                  "fort", "camp"}
#: the Arabic article romanised: "al-", "Al ", "ash-", Syria Direct's "a-" ("a-Sanamein"); "at", "as", "an" with a space
#: are English words
EN_ARTICLE = r"(?:(?:al|el)[-\s]|(?:a|ad|ash|as|at|az|ar|an)-|(?:Al|El|Ad|Ash|As|At|Az|Ar|An)[-\s])"
_EN_CAP = r"(?:\b" + EN_ARTICLE + r")?[A-Z][\w'’`ʿ]*"
_EN_NAME = _EN_CAP + r"(?:[-\s]" + _EN_CAP + r"){0,3}"
_EN_NOUN_ALT = "|".join(sorted(SITE_NOUNS_EN, key=len, reverse=True))
#: "Nasib border crossing", "the al-Quneitra crossing", "Tel al-Jabia military base", "52nd Brigade base"
_EN_TAIL_RE = re.compile(
    r"(?P<name>(?:\d{1,3}(?:st|nd|rd|th)\s+)?" + _EN_NAME + r")[\"“”’']?\s+(?:(?:border|military|air|army|main|old|new|"
    r"local|police|checkpoint|refugee|displacement)\s+)?(?P<noun>(?i:" + _EN_NOUN_ALT + r"))\b")
#: "the citadel of Bosra", "Brigade 132", "the roundabout of al-Sarayah"
_EN_HEAD_RE = re.compile(
    r"\b(?P<noun>(?i:citadel|castle|roundabout|dam|bridge|fort))\s+of\s+(?:the\s+)?(?P<name>" + _EN_NAME + r")"
    r"|\b(?P<unit>Brigade|Battalion|Regiment|Division)\s+(?P<num>\d{1,3})\b"
    # "an air defence base of the 38th Brigade": the base named by its formation, a site (not "the 38th Brigade"
    # alone, a force)
    r"|\b(?:base|headquarters|HQ|barracks)\s+of\s+the\s+(?P<fm>\d{1,3}(?:st|nd|rd|th)\s+(?:[A-Z][\w-]*\s+){0,2}"
    r"(?P<fmunit>Brigade|Battalion|Regiment|Division))\b")
#: capitalised words that are not a site's name ("the Syrian army base", "a Russian checkpoint")
_EN_NOT_NAME = {"the", "a", "an", "syrian", "russian", "israeli", "iranian", "government", "regime", "army", "rebel",
                "opposition", "military", "jordanian", "turkish", "american", "un", "u.n.", "this", "that", "its",
                "their", "his", "her", "new", "old", "main", "one", "two", "three", "several", "another", "nearby",
                "local", "security", "police", "intelligence", "air", "force", "forces", "regime's", "army's",
                "hezbollah", "isis", "nusra", "daesh", "fsa", "hts", "state", "media",
                # a day or a time is no name ("Monday's market", "Friday's protest square")
                "monday's", "tuesday's", "wednesday's", "thursday's", "friday's", "saturday's", "sunday's",
                "today's", "yesterday's", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
#: a formation named by an ordinal word is the force itself ("the Eighth Brigade" of the Fifth Corps)
_EN_FORMATIONS = {"brigade", "division", "corps", "regiment", "battalion"}
_EN_ORDINALS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                "eleventh", "twelfth"}
_DIGIT_ORDINAL_RE = re.compile(r"\d+(?:st|nd|rd|th)\b")
_EN_COMPASS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central"}
#: names that are admin units: "the Quneitra area", "Daraa district" are regions, handled as such
_EN_ADMIN_NAMES = {"quneitra", "daraa", "deraa", "dar'a", "sweida", "suwayda", "damascus", "golan", "hauran",
                   "houran", "yarmouk", "syria", "jordan", "israel", "lebanon", "southern", "northern", "eastern",
                   "western", "central"}


@dataclass(frozen=True, slots=True)
class Site:
    """A named site: offsets of the whole name (site noun included unless ``bare``), its kind, its host."""

    start: int
    end: int
    kind: str
    host_start: int = -1      # the part of the name that is itself a place name, if any
    host_end: int = -1
    bare: bool = False        # a dual/plural noun ("حاجزي X وY"): the location is the bare name


def _surface_forms(nouns: tuple[str, ...]) -> dict[str, tuple[str, int]]:
    """Every written form of the nouns with proclitics and the article -> (noun, clitic length)."""
    out: dict[str, tuple[str, int]] = {}
    for base in nouns:
        for c in ("",) + _CLITICS:
            for art in ("", "ال"):
                form = c + art + base
                if c == "ل" and art == "ال":
                    out.setdefault("لل" + base, (base, 1))   # ل + ال contracts to لل
                    continue
                out.setdefault(form, (base, len(c)))
    return out


#: the written forms of the site nouns and of their duals, made once (looked up for every word of a clause)
_NOUN_FORMS = _surface_forms(tuple(SITE_NOUNS_AR))
_DUAL_FORMS = _surface_forms(tuple(SITE_DUALS_AR))


def _strip_clitic(w: str, forms: dict[str, tuple[str, int]]) -> tuple[str, int]:
    """(site noun, clitic length) when ``w`` is one of ``forms`` (a site noun with proclitics / the article),
    else ("", 0)."""
    return forms.get(w, ("", 0))


def _words(norm: str, lo: int, hi: int, text: str | None = None, offs: list[int] | None = None,
           ) -> list[tuple[int, int, str]]:
    """Words of ``norm[lo:hi]``; with the original text, a separator before a word (a comma, dash,
    bracket or quote: "سد الجبيلية – المشيدة") makes it start a new run (its index is negative-marked
    by a leading "|" in the word, which no name has)."""
    out = []
    prev_end = -1
    for m in re.finditer(r"\S+", norm[lo:hi]):
        s, e, w = lo + m.start(), lo + m.end(), m.group(0)
        if text is not None and offs is not None and prev_end >= 0:
            gap = text[offs[prev_end - 1] + 1:offs[s]]
            if any(ch in _BREAK_CHARS for ch in gap):
                w = ("(" if set(gap.strip()) <= _OPENING else "|") + w
        out.append((s, e, w))
        prev_end = e
    return out


_BREAK_CHARS = frozenset(",،–—-/؛:()[]«»“”\".")
_OPENING = frozenset("(«“\"[")


#: a town's quarter named by the town and a word: "درعا البلد", "درعا المحطة", "القنيطرة المهدمة"
QUARTER_WORDS_AR = {"البلد", "المحطه"}
QUARTER_EN_RE = re.compile(r"\b(?P<host>[A-Z][\w'’]+(?:[-\s][A-Z][\w'’]+)?)[-\s](?P<q>(?:[Aa]l|[Ee]l)[-\s](?:Balad|Mahatta|Mahatah|Mahata))\b")


@lru_cache(maxsize=1)
def _ar_any_forms() -> frozenset[str]:
    """Every written form of a site noun, and the town quarter words."""
    return frozenset(_NOUN_FORMS) | frozenset(_DUAL_FORMS) | frozenset(QUARTER_WORDS_AR)


#: (the last text, the word starts of its site forms): the string is held, so its identity cannot be
#: reused by another text of the same length (an id() key could be, once the text is freed)
_LAST_SCAN: list[tuple[str, list[int]]] = []


def _word_starts(norm: str, words: AbstractSet[str]) -> list[int]:
    """Starts of the white-space-delimited words of ``norm`` that are in ``words`` (``\\S+`` tokens), in order:
    each word found with str.find (one or two a report) instead of a regex match object for every word."""
    out: list[int] = []
    n = len(norm)
    for w in words:
        i = norm.find(w)
        while i >= 0:
            j = i + len(w)
            if (i == 0 or norm[i - 1].isspace()) and (j == n or norm[j].isspace()):
                out.append(i)
            i = norm.find(w, i + 1)
    out.sort()
    return out


def _site_word_starts(norm: str) -> list[int]:
    """Starts of the words of ``norm`` that are site nouns: one pass per report text, then bisected per
    clause (most clauses have none)."""
    if _LAST_SCAN and _LAST_SCAN[0][0] is norm:
        return _LAST_SCAN[0][1]
    forms = _ar_any_forms()
    # (str.split and \S share one definition of white space: no site word, no scan for offsets)
    starts = _word_starts(norm, forms.intersection(norm.split()))
    _LAST_SCAN[:] = [(norm, starts)]
    return starts


def ar_sites(norm: str, lo: int, hi: int, text: str | None = None, offs: list[int] | None = None) -> list[Site]:
    """Named sites in the normalised clause ``norm[lo:hi]`` (``text``/``offs``: the original text and the
    offset map, so that punctuation lost in normalising still ends a name)."""
    starts = _site_word_starts(norm)
    k = bisect.bisect_left(starts, lo)
    if k >= len(starts) or starts[k] >= hi:
        return []
    marked = _words(norm, lo, hi, text, offs)
    words = [(s, e, w.lstrip("|(")) for s, e, w in marked]
    cut_before = {k for k, (_, _, w) in enumerate(marked) if w[:1] in "|("}
    opened = {k for k, (_, _, w) in enumerate(marked) if w[:1] == "("}
    out: list[Site] = []
    i = 0
    while i < len(words):
        s, e, w = words[i]
        if i + 1 < len(words) and words[i + 1][2] in QUARTER_WORDS_AR and len(w) >= 3:
            clen = next((len(c) for c in _CLITICS if w.startswith(c) and len(w) - len(c) >= 3 and
                         not w.startswith("ال")), 0) if not w.startswith(("درع", "القن")) else 0
            out.append(Site(s + clen, words[i + 1][1], "neighbourhood", s + clen, e))
            i += 2
            continue
        base, clen = _strip_clitic(w, _NOUN_FORMS)
        dual = ""
        if not base:
            dual, clen = _strip_clitic(w, _DUAL_FORMS)
        if not base and not dual:
            i += 1
            continue
        articled = w[clen:].startswith("ال") and not (base or dual).startswith("ال")
        if dual:
            out.extend(_ar_dual_items(words, i + 1, SITE_DUALS_AR[dual]) if i + 1 not in cut_before else [])
            i += 1
            continue
        # a name in quotes or brackets right after the noun ("حاجز "القينة"") is read through the quote
        stop = next((k for k in sorted(cut_before) if k > i and not (k == i + 1 and k in opened)), len(words))
        site = _ar_site_name(words[:stop], i, s + clen, base, articled, in_brackets=(i + 1) in opened)
        if site is not None:
            out.append(site)
            i = next((k for k, x in enumerate(words) if x[0] >= site.end), len(words))
        else:
            i += 1
    return out


def _is_name_word(w: str) -> bool:
    return len(w) >= 2 and w not in _NAME_STOP_AR and not w.startswith(("و", "ف")) or w.startswith(("وادي", "ورد"))


def _ar_site_name(words: list[tuple[int, int, str]], i: int, start: int, base: str, articled: bool,
                  in_brackets: bool = False) -> Site | None:
    kind = SITE_NOUNS_AR[base]
    nxt = words[i + 1:i + 7]
    if not nxt:
        return None
    w1 = nxt[0][2]
    inner, inner_clitic = _strip_clitic(w1, _NOUN_FORMS)
    if inner and w1[:1] in "بلك" and inner_clitic:
        return None   # "مدرسة بحي X": the noun names nothing, the quarter after it is the next site
    if kind == "headquarters" and w1.startswith("ال") and w1[2:] in _UNIT_NOUNS and len(nxt) > 1 and \
            nxt[1][2] in _ORDINALS_AR:
        return Site(start, nxt[1][1], kind)   # "مقر اللواء الثامن", "مقر الفرقة التاسعة": a force's HQ, a site
    if inner in _UNIT_NOUNS and kind != "neighbourhood":
        return None   # "مقر اللواء 38", "بوابة اللواء 52": the unit names the site ("حي المطار" is a quarter's name)
    if kind == "square" and inner in _BUILDING_NOUNS_AR:
        return None   # "ساحة المسجد العمري": the mosque's square, the mosque the named site
    if base in _NUMBERED_UNITS_AR and (w1.isdigit() or w1 in _NUMBER_WORDS_AR):
        return _ar_unit_number(words, i, start, kind)   # ("الكتيبة 38 للدفاع الجوي", "الفوج 175": a unit's base too)
    if base == "لوا" or base == normalize_ar("لواء"):
        return None
    if articled:
        # "الجامع العمري", "الجمرك القديم", "الشركة الليبية": the noun and one describing word
        if base in _ARTICLED_NAMED and w1.startswith("ال") and w1 not in _GENERIC_AFTER_AR and \
                w1 not in _NAME_STOP_AR and len(w1) > 3 and (w1 not in _CARDINAL_AR or base == "جمرك"):
            return Site(start, nxt[0][1], kind)
        return None
    if w1 in _GENERIC_AFTER_AR or not _is_name_word(w1) or any(ch.isdigit() for ch in w1) or _OWNER_AR_RE.fullmatch(w1):
        return None   # (and whose it is: "حاجز للأمن العسكري", "مقر للفرقة الرابعة", a post of a force, no name)
    end = nxt[0][1]
    # ("حاجز مساكن جلين": a site named by another site of a town; the town after it is the host)
    host = (nxt[1][0], nxt[1][1]) if inner and len(nxt) > 1 and not nxt[1][2].startswith("ال") else (nxt[0][0], nxt[0][1])
    # construct names of two or three words: "كتيبة الدفاع الجوي", "مسجد الدكتور غسان ابازيد", "طريق السد",
    # "كوم محيرس", "جسر خربة غزالة"; a name in brackets runs to the closing bracket
    taken = 1
    # a man's name runs on past its first word ("مسجد أبو بكر الصديق", "جامع عمر بن الخطاب", "مدرسة عبد الله")
    joined = w1 in NAME_JOINERS_AR or any(w in NAME_JOINERS_AR for _, _, w in nxt[1:3])
    limit = 6 if in_brackets else 4 if joined else 3
    for k, (_s2, e2, w2) in enumerate(nxt[1:limit], start=1):
        if not in_brackets and w2 not in NAME_JOINERS_AR and nxt[k - 1][2] not in NAME_JOINERS_AR and (
                not _is_name_word(w2) or w2 in _TRAIL_DROP_AR or w2 in TIME_AFTER_AR or
                w2.startswith(("ب", "ل")) and not w2.startswith(("ال", "بير", "بيت", "لبن")) or
                len(w2) > 4 and w2.endswith(("ها", "هم", "هما")) and not w2.startswith("ال")):
            break   # (and "في حي المنشية يومها الرابع": "its fourth day", a word with a pronoun, no name's)
        if not in_brackets and not w1.startswith("ال") and not w2.startswith("ال") and taken == 1 and \
                not _is_direction(w2) and not inner and not joined and not _boundary_after(nxt, k):
            break   # "معبر نصيب" then a word without the article: the sentence goes on
        prev = nxt[k - 1][2]
        if not in_brackets and prev.startswith("ال") and not w2.startswith("ال") and prev not in _TITLES_AR and \
                not joined and not w2.isdigit():
            break   # "حي السبيل طالت قرابة"، "حي درعا البلد قافلة": a verb or a noun of the sentence after the name
            #         (not a title's name: "حي الشيخ سعد"; nor a man's: "مدرسة الشهيد عبد الكريم رافع")
        end = e2
        taken += 1
        host = (host[0], e2)
        if taken >= limit:
            break
    if base in _BARE_AR:
        return Site(nxt[0][0], end, kind, host[0], host[1], bare=True)
    return Site(start, end, kind, host[0], host[1])


#: titles a man's name follows without the article (normalised): "حي الشيخ سعد", "جامع الإمام النووي"
_TITLES_AR = frozenset(normalize_ar(w) for w in "الشيخ السيد السيدة الإمام الحاج الدكتور الشهيد الأمير الملك".split())
#: the words that join a man's name to the next (normalised): a kunya ("أبو بكر", "أم كلثوم"), "son of" ("عمر بن
#: الخطاب"), "servant of" ("عبد الكريم"); in a site's name here, after a first name in ``mentions``
NAME_JOINERS_AR = frozenset(normalize_ar(w) for w in "أبو أبي أم ابن بن بنت عبد".split())
#: ordinal words (normalised), masculine and feminine: a formation named by one ("اللواء الثامن", "الفرقة التاسعة")
_ORDINALS_AR = frozenset(normalize_ar(w) for w in """الأول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع
العاشر الأولى الثانية الثالثة الرابعة الخامسة السادسة السابعة الثامنة التاسعة العاشرة""".split())
#: the units whose number names their base (normalised site nouns): "اللواء 52", "الكتيبة 38", "الفوج 175"
_NUMBERED_UNITS_AR = frozenset(normalize_ar(w) for w in "لواء كتيبة فوج سرية".split())
#: buildings whose square, yard or gate is told of by their own name (normalised site nouns)
_BUILDING_NOUNS_AR = frozenset(normalize_ar(w) for w in "مسجد جامع كنيسه مشفي مستشفي مدرسه قلعه".split())
#: military units and bases: "مقر اللواء 38" is the brigade's base, named by the unit
_UNIT_NOUNS = {normalize_ar(w) for w in "لواء كتيبة فوج سرية معسكر مطار قاعدة ثكنة فرقة".split()}


def _boundary_after(nxt: list[tuple[int, int, str]], k: int) -> bool:
    """The word after ``nxt[k]`` ends a name: none (punctuation or the clause's end), a preposition,
    a time word, or a word carrying a proclitic ("بريف", "وسط")."""
    if k + 1 >= len(nxt):
        return True
    w = nxt[k + 1][2]
    return w in _NAME_STOP_AR or w in _TRAIL_DROP_AR or w in TIME_AFTER_AR or (
        w[:1] in "وبلف" and not w.startswith(("ال", "بير", "بيت")))


_CARDINAL_AR = {"الشرقي", "الغربي", "الشمالي", "الجنوبي", "الشرقيه", "الغربيه", "الشماليه", "الجنوبيه"}


def _is_direction(w: str) -> bool:
    return w in SIDES_AR or w in {"الفوقاني", "التحتاني", "القديم", "الجديد", "القديمه", "الجديده", "الكبير", "الصغير"}


def _ar_unit_number(words: list[tuple[int, int, str]], i: int, start: int, kind: str) -> Site:
    """"اللواء 52 ميكا", "اللواء 38 دفاع جوي", "اللواء واحد وستون": the unit's base by its number."""
    end = words[i][1]
    j = i + 1
    while j < len(words) and j <= i + 3 and (words[j][2].isdigit() or words[j][2] in _NUMBER_WORDS_AR
                                              or words[j][2] in ("و" + x for x in _NUMBER_WORDS_AR)):
        end = words[j][1]
        j += 1
    # one or two words of the unit's specialty ("ميكا", "دفاع جوي"), not the sentence (nor the town after it: "الفوج
    # 175 مدينة X")
    for k in range(j, min(j + 2, len(words))):
        w = words[k][2]
        if w in _NAME_STOP_AR or w in _TOWN_NOUNS_AR or w.startswith(("و", "ب", "ل", "ف")) or w.startswith("ال") or \
                len(w) < 2:
            break
        end = words[k][1]
    return Site(start, end, kind)


#: the nouns of a town (normalised): a unit's number is never followed by one in its name
_TOWN_NOUNS_AR = frozenset(normalize_ar(w) for w in "مدينة بلدة قرية بلدات قرى مخيم حي".split())


def _ar_dual_items(words: list[tuple[int, int, str]], i: int, kind: str) -> list[Site]:
    """"حاجزي العلان وجلين": two sites, each by its bare name (one word each)."""
    if i >= len(words):
        return []
    items = [words[i]]
    if i + 1 < len(words) and words[i + 1][2].startswith("و") and len(words[i + 1][2]) > 2:
        s, e, w = words[i + 1]
        items.append((s + 1, e, w[1:]))
    if len(items) < 2 or any(w in _GENERIC_AFTER_AR or not _is_name_word(w) for _, _, w in items):
        return []
    return [Site(s, e, kind, s, e, bare=True) for s, e, _ in items]


_EN_ANY_RE = re.compile(r"\b(?:" + _EN_NOUN_ALT + r"|citadel|castle|fort|Brigade|Battalion|Regiment|Division|"
                        r"[Bb]alad|[Mm]ahatt?a|tal|tel|tall|tell|wadi)\b", re.I)
#: a hill by its Arabic noun in English ("Tal al-Hara", "Tel Shihab"): the hill named after the village beside it
_EN_TAL_RE = re.compile(r"\b(?P<noun>Tal|Tel|Tall|Tell|Wadi)[-\s](?P<name>(?:(?:al|el|Al|El)[-\s])?[A-Z][\w'’`ʿ]*"
                        r"(?:\s(?:(?:al|el)-)?[A-Z][\w'’`ʿ]*)?)")
#: one of these is in every match of :data:`_EN_ANY_RE` (lower case; the pattern ignores case)
_EN_ANY_WORDS = tuple(SITE_NOUNS_EN) + ("citadel", "castle", "fort", "brigade", "battalion", "regiment", "division",
                                       "balad", "mahat", "tal", "tel", "wadi")


def en_sites(text: str, lo: int, hi: int) -> list[Site]:
    """Named sites in ``text[lo:hi]`` (English), with offsets into ``text``."""
    seg = text[lo:hi]
    if not may_contain_ci(seg, _EN_ANY_WORDS) or not _EN_ANY_RE.search(text, lo, hi):
        return []
    out: list[Site] = []
    for m in _EN_TAIL_RE.finditer(seg):
        name = m.group("name")
        noun = m.group("noun").lower()
        words = re.split(r"[-\s]", name)
        # drop leading words that are not part of a name ("Syrian army base" -> no site)
        k = 0
        while k < len(words) and words[k].lower() in _EN_NOT_NAME:
            k += 1
        # (a possessive names where the site is: "Daraa al-Balad's Tariq al-Sad neighbourhood": the quarter is Tariq
        # al-Sad, of Daraa al-Balad)
        owner = max([0] + [j + 1 for j, w in enumerate(words[:-1]) if w.endswith(("'s", "’s"))])
        k = max(k, owner)
        if k == len(words) or all(w.lower() in _EN_COMPASS for w in words[k:]):
            continue   # "North Press" is an outlet; a compass word alone names no host
        a = lo + m.start("name") + (len(" ".join(words[:k])) + 1 if k else 0)
        core = text[a:lo + m.end("name")]
        low = core.lower().replace("al-", "").replace("el-", "")
        if noun == "press" and low.split()[-1:] and low.split()[-1] in _AGENCY_BEFORE_PRESS:
            continue   # "The Associated Press": an agency, not an olive press
        if noun in _EN_FORMATIONS and (low in _EN_ORDINALS or _DIGIT_ORDINAL_RE.match(low)):
            continue   # "the Eighth Brigade", "the Fourth Division", "the 474th Golan Regional Brigade": a force (an
            #            actor), not its base ("Brigade 52")
        if noun in ("area", "district", "quarter", "hills") and all(w in _EN_ADMIN_NAMES for w in low.split()):
            continue   # "the Quneitra area", "Daraa district": the region ("Daraa al-Balad district" is a quarter)
        if noun in ("area", "district", "hills", "hill", "base", "post") and core.split()[0].lower() in (
                "southern", "northern", "eastern", "western", "rural"):
            continue
        host = (a, lo + m.end("name")) if not re.match(r"\d", core) else (-1, -1)
        if owner:   # the owner is where to look for it: "Daraa al-Balad's X neighbourhood" is in Daraa al-Balad
            host = (lo + m.start("name"), lo + m.start("name") + len(" ".join(words[:owner])) - 2)
        if noun in QUARTER_NOUNS_EN and QUARTER_EN_RE.fullmatch(core):
            continue   # "the Daraa al-Balad district": the quarter of Daraa, read below with its host town
        if noun in ("hill", "hills") and words[k].lower() in ("tal", "tel", "tall", "tell"):
            continue   # "the Tal al-Hara hill": the hill by its own noun, read below as "Tal al-Hara"
        if noun in QUARTER_NOUNS_EN:   # "the Sajna district": the quarter is called Sajna
            out.append(Site(a, lo + m.end("name"), SITE_NOUNS_EN[noun], host[0], host[1], bare=True))
        else:
            out.append(Site(a, lo + m.end("noun"), SITE_NOUNS_EN[noun], host[0], host[1]))
    for m in QUARTER_EN_RE.finditer(seg):
        if seg.startswith(("'s ", "’s "), m.end("q")):
            continue   # ("Daraa al-Balad's X neighbourhood": the quarter owns the site, which is the place)
        out.append(Site(lo + m.start("host"), lo + m.end("q"), "neighbourhood", lo + m.start("host"), lo + m.end("host")))
    for m in _EN_TAL_RE.finditer(seg):   # (and a valley, "Wadi al-Ajami", named after the village above it)
        out.append(Site(lo + m.start(), lo + m.end("name"), "valley" if m.group("noun") == "Wadi" else "hill",
                        lo + m.start("name"), lo + m.end("name")))
    for m in _EN_HEAD_RE.finditer(seg):
        if m.group("unit"):
            out.append(Site(lo + m.start(), lo + m.end(), m.group("unit").lower()))
            continue
        if m.group("fm"):
            out.append(Site(lo + m.start("fm"), lo + m.end("fm"), m.group("fmunit").lower()))
            continue
        a = lo + m.start("noun")
        if m.start() > 4 and seg[max(0, m.start() - 4):m.start()].lower().endswith("the "):
            pass
        out.append(Site(a, lo + m.end("name"), m.group("noun").lower(), lo + m.start("name"), lo + m.end("name")))
    return _longest(out)


def _longest(sites: list[Site]) -> list[Site]:
    sites = sorted(sites, key=lambda s: (-(s.end - s.start), s.start))
    kept: list[Site] = []
    for s in sites:
        if all(s.end <= k.start or s.start >= k.end for k in kept):
            kept.append(s)
    return sorted(kept, key=lambda s: s.start)
