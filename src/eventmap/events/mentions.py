"""Place mentions in report text: gazetteer names, cue-driven names, lists, foreign vetoes.

Two sources of candidates:

1. **Gazetteer names.**  An Aho-Corasick automaton (pyahocorasick) over every Arabic
   name key of the gazetteer (``normalize_ar`` forms, plus the article-added and
   ``لل`` forms) is built once per gazetteer and cached; it scans the normalised
   report (``eventmap.text.normalize_with_offsets``) in one pass.  Only whole words
   are kept, allowing attached proclitics (و ف ب ل ك and two of them: وب، فل ...);
   overlapping hits resolve to the leftmost-longest.  English text is tokenised and
   each token keyed with ``latin_key`` (articles al-/el-/ash- dropped) so n-grams of
   capitalised tokens are looked up in the set of Latin keys.
2. **Cue-driven names** the gazetteer does not know: the words after a place noun
   (قرية، بلدة، مدينة، مزرعة، بلدات، قرى، تل ...; "village of", "town of"), and the
   items of a list after "هي"/"وهي"/":" (or "villages of X, Y and Z") in a clause that
   speaks of places (قرى، بلدات، المناطق; villages, towns).

Every mention records its *support*: the cue word before it (place noun or
preposition), whether it is an item of a list of places, and whether it is a
reference point ("جنوب شرق مدينة القنيطرة", "10 km south of Daraa") rather than the
place where the event happened.  Names that are also common words or personal names
(:data:`COMMON_AR`, :data:`PERSON_AR`) need a cue or a list; a name after a personal
first name or title ("بشار الأسد", "President Assad") is never a place; names abroad
(:data:`FOREIGN_AR`, :data:`FOREIGN_EN`) are vetoed.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
import weakref
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate

import ahocorasick

from eventmap.events._prefilter import gate, may_contain_ci
from eventmap.events._spans import orig_span
from eventmap.events.sites import (EN_ARTICLE, KIND_ADJ_AR, NAME_ENDS_AR, NAME_JOINERS_AR, OWNED_SITE_AR_RE,
                                   QUARTER_EN_RE, QUARTER_WORDS_AR, SIDES_AR, TIME_AFTER_AR, ar_sites, en_sites)
from eventmap.text import AR_DIRECTIONS, latin_key, normalize_ar

# --- word lists (written naturally; normalised when used) ---------------------------------

#: single-word gazetteer names that are everyday words: only a place noun before them or a list makes them places
COMMON_AR_STRICT = """الجنوب الشمال الشرق الغرب الشرقي الغربي الشمالي الجنوبي الشرقية الغربية الشمالية الجنوبية
الزيارة زيارة الروسية السورية اللواء قوله خلاله مدينة مزرعة قرية بلدة المدينة القرية البلدة الجبل التل الوادي
النهر الخان القصر الدير الكنيسة القلعة البرج المزرعة الجديدة القديمة الكبرى الصغرى الكبير الصغير الزراعة الكتيبة
العليا السفلى الوسطى سال زر زاره مفصله النور النجمة البيضاء السوداء الحمراء الخضراء الصفراء الكرم البركة الفرج
السعادة الصليب الأزرق المنطقة منطقة المناطق الحدود الطريق المعبر المطار القاعدة المركز المحطة المستشفى المدرسة
الجامعة الجسر السوق الساحة الحي الريف الأرض السهل البستان العين البئر السد المخيم الحاجز الموقع النقطة المحور
الجبهة الأطراف المحيط الوسط الدولة الحكومة الجيش القوات الفصائل الأمن المقاومة الشهداء الشهيد الوطن العودة
الأمل السلام الحرية الكرامة الثورة النصر العروبة الوحدة التحرير الصمود الفداء المجد الرحمة الخير الهدى القادسية شبه كبرى
اليرموك الأمانة الإدارة الشركة المعمل المصنع العمال الفلاحين الصناعة الجمعية البلد ضمن عبر نحو حول قرب بعد قبل
حتى منذ خلال لدى عند مقابل الجديد الأول الثاني الثالث الأخرى آخر أخرى العام عام المقبل الماضي الحالي عمر العمر
البعث تشرين حزيران آذار نيسان أيار تموز آب أيلول شباط كانون
الظهيرة ظهيرة عمره عمرها جولة فرحة غيرها غيره مرصد البلاد تحت عاجل هام خاص متابعة تحديث
الإدارة الأهداف الباب البارد الباسل البحرة البركة التربة التوبة الثورة الجملة الحاضر الحجر الحدث الحديدة الحصان
الحصن الحلو الحمام الحمد الخضر الدار الدور الدورة الراعي الرحمن الرسم الرصيف الروضة السجن السعادة السور الشامل
الشامية الشجرة الشركة الشريعة الشوك الصفا الصور الصورة الضمير الطبقة الطويل العالي العالية العباس العبد العراقي
العلا العلي العماري العمارة العيون الغزال الفرس الفرسان الفرن القاضي القاهرة القرآن القران القرش القصور القصير
القطر القلم القناة الكرسي الكريم الكشف الله المال المالية المرج المزار المزارع المشهد المصري المعامل الملك
المنزلة الميدان النهضة الهزيمة اليمامة الجديد الأهالي السكان الشمس القمر الماء المياه الزيتون التين العنب
الرمان الورد المحطة المخفر الكهرباء جهاد خالد سعيد عادل علم ملك نعمان مدرسة مكتبة محطة معسكر ملح مجموعة
مديرية مرشد منصور نايف هادي بشير سليم كريم عمار حسان فلسطين قطر الاحد الجمعة السبت رئيس مؤسسة
حلول الجبانة الظهر ظهر عدد
عنيفة عنيف مكثفة مكثف متقطعة متبادلة متبادل جوية جوي مدفعية صاروخية كثيفة كثيف ثقيلة ثقيل مستمرة متواصلة
محدودة عنيفين الاستراتيجي الاستراتيجية الحدودي الحدودية العسكري العسكرية الغربي الشرقي الجنوبي الشمالي
المحتل المحتلة المحررة المجاورة المحيطة القريبة الواقعة المطل المطلة المشرف المشرفة التابعة الخاضعة الفور الإطلاق الاطلاق ذلك تلك هذا هذه
هناك هنا جروح عليه عليها بدأ بدأت أبرز متفرقة المحافظة جيب السفح زيادة صدد جاءت تفتيش إستراتيجي استراتيجي بالكامل
الكامل كامل أكثر اقل أقل حوالي نحو المنطقة الموقع القطاع الأوسط المحور المحاور
إسقاط اسقاط الإفراج الافراج إطلاق اطلاق رحيل جنازة الجنازة تشييع الوقوف فوراً فورا التالية التالي الآتية الاتية
حزم مؤكداً مؤكدة مؤكدين حياة الوعرة الأثري الأثرية التاريخي التاريخية الحيوي الحيوية""".split()

#: names that are also personal names or words that often stand alone: a cue word or a list makes them places
PERSON_AR = """نوى جاسم الحارة المعلقة الأسد بشار عمر خالد إبراهيم جوزيف بنيامين الميادين حافظ ماهر محمد أحمد علي
حسن حسين يوسف عيسى موسى سلمان سليمان صالح سعيد زياد طارق حمزة عثمان ياسين عادل منصور ناصر فيصل سلطان فارس
حمدان غازي شاكر شريف رشيد مالك هاني نبيل كريم عمار أنور الشيخ زينب مريم فاطمة خديجة عائشة ليلى غدير
الكرك المزيريب""".split()

#: first names that open people's names in Arabic reports (not علي: normalised it is على): "محمد الزعبي من بلدة X"
FIRST_NAMES_AR = """محمد أحمد احمد عمر خالد حسن حسين يوسف إبراهيم ابراهيم جاسم عبد عبدالله محمود مصطفى ياسر أنس حمزة
صالح سالم نادر ناصر عدنان بشار حافظ ماهر باسل رفعت رامي سامي سمير وليد زياد فيصل فادي جمال جهاد كريم ماجد مازن موسى
أسامة اسامة قاسم رشيد سعيد طارق يحيى زيد هاني عماد عيسى فراس غسان هيثم عامر عمار أيمن ايمن بلال هشام حسام كمال لؤي
مروان مهند نبيل ناجي رائد رياض شادي صهيب سليمان وائل وسام يزن زكريا معتز مؤيد منذر أيهم إياد اياد عدي قصي فاطمة مريم
زينب آمنة خديجة رهف هبة""".split()
#: words before a name that make it a person (title or first name)
PERSON_TITLES_AR = """الرئيس الرئيس السوري السيد الشيخ الحاج العميد اللواء العقيد المقدم الرائد النقيب الملازم
الشهيد الطفل الطفلة الشاب الشابة المواطن المواطنة الناشط الإعلامي القيادي القائد المدعو الدكتور المهندس الأستاذ
المحامي القاضي الوزير النائب الأمير الملك الإمام أبو أم ابن بن بنت آل عائلة أسماء""".split() + FIRST_NAMES_AR

#: place nouns: a name right after one is a place
PLACE_NOUNS_AR = """قرية بلدة مدينة مزرعة مزارع بلدات قرى حي أحياء مخيم ناحية منطقة محافظة ريف بلدتي قريتي
مدينتي مناطق المدن القرى البلدات تل تلة تلال جبل وادي سهل حوض مدن معبر مطار مخفر سد حاجز مفرق دوار طريق بلدية
أوتستراد اوتوستراد""".split()
#: prepositions and locatives: a name right after one is probably a place
PREPS_AR = """في على من الى إلى قرب بقرب نحو باتجاه اتجاه عند حول محيط أطراف داخل خارج بين تجاه شرقي غربي
شمالي جنوبي جنوب شمال شرق غرب مشارف أرياف وسط أنحاء ضواحي مداخل مدخل شهدت تشهد ع""".split()   # ("ع": colloquial "على")
#: directions: "جنوب (شرق) مدينة X" after another place makes X a reference point
DIRECTIONS_AR = ("جنوب", "شمال", "شرق", "غرب", "جنوبي", "شمالي", "شرقي", "غربي")

FOREIGN_AR = tuple(x.strip() for x in """باريس، فرنسا، ألمانيا، المانيا، برلين، هلسنكي، فنلندا، موسكو، روسيا، واشنطن،
الولايات المتحدة، أمريكا، أميركا، لندن، بريطانيا، جنيف، سويسرا، فيينا، النمسا، أستانا، سوتشي، أنقرة، إسطنبول، اسطنبول،
تركيا، طهران، إيران، بغداد، العراق، عمان، الأردن، بيروت، لبنان، القاهرة، مصر، الرياض، السعودية، الدوحة، قطر، الإمارات،
أبو ظبي، دبي، الكويت، تل أبيب، القدس، إسرائيل، الكيان الصهيوني، الكيان، فلسطين، فلسطين المحتلة، صفد، الناصرة، حيفا، يافا،
عكا، طبريا، بحيرة طبريا، الجليل، إيلات، غزة، الضفة الغربية، رام الله، نيويورك، بروكسل، بكين، الصين، الهند، أوروبا،
الاتحاد الأوروبي، الرمثا، إربد، المفرق، الزرقاء، روما، مدريد، أثينا، كييف، أوكرانيا""".replace("\n", " ").split("،") if x.strip())

FOREIGN_EN = ("Paris", "France", "Germany", "Berlin", "Helsinki", "Finland", "Moscow", "Russia", "Washington",
              "United States", "America", "London", "Britain", "Geneva", "Switzerland", "Vienna", "Astana",
              "Sochi", "Ankara", "Istanbul", "Turkey", "Tehran", "Iran", "Baghdad", "Iraq", "Amman", "Jordan",
              "Beirut", "Lebanon", "Cairo", "Egypt", "Riyadh", "Saudi Arabia", "Doha", "Qatar", "Tel Aviv",
              "Jerusalem", "Israel", "Palestine", "Safed", "Tzfat", "Nazareth", "Haifa", "Tiberias", "Galilee",
              "Gaza", "West Bank", "New York", "Brussels", "Beijing", "China", "Europe", "Ramtha", "Irbid",
              "Mafraq", "Jaber", "Kuwait", "Dubai", "Abu Dhabi", "UAE", "US", "U.S.", "UK", "U.K.", "EU",
              "Hamburg", "Kiev", "Kyiv", "Ukraine", "Rome", "Italy", "Madrid", "Spain", "Athens", "Greece")

EN_PLACE_NOUNS = ("village", "villages", "town", "towns", "city", "cities", "hamlet", "hamlets", "area", "areas",
                  "localities", "locality", "neighbourhood", "neighborhood", "district", "camp", "hill", "hills",
                  "settlement", "settlements")   # (the Russian reconciliation centre's word: "the settlement of X")
EN_PREPS = ("in", "near", "at", "from", "to", "into", "outside", "around", "towards", "toward", "of", "on",
            "across", "between", "inside", "through", "entered", "captured", "took", "retook", "recaptured", "reached",
            "shelled", "struck", "hit", "bombed", "targeted", "seized", "liberated", "besieged", "stormed",
            "left", "leaving", "fled", "departed")
#: capitalised English words that are never the start of a place name
EN_STOP = set("""The A An In On At By For From To Of And Or But With Without Into Near After Before During Since Until
While Meanwhile However Also This That These Those There Here It Its He She They We I You His Her Their Our Mr Mrs
Ms Dr Gen General President Minister Sheikh Colonel Col Major Brig Lt Capt Sgt King Prince Syrian Syria Syrians
Israeli Israelis Russian Russians Iranian Jordanian Lebanese Turkish American Arab Arabs Kurdish Islamic Army
Arabic English Hebrew French Persian Farsi Palestinian Palestinians Iraqi Iraqis Egyptian Saudi Qatari Emirati Bedouin Druze
Government Forces Force Regime Rebels Rebel Opposition State Reuters AFP AP SANA SOHR Observatory Monday Tuesday
Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October
November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Today Yesterday Source Sources News Media
According Local Activists Activist Witnesses Officials Official Commander Spokesman Agency Network Front Division
Brigade Corps Battalion Guard Guards Council Committee Center Centre Ministry Defense Defence Foreign Affairs
Western Eastern Northern Southern North South East West Central Upper Lower Al Ash As Ad Ar At An Az El Ed Es
Assad Bashar Hafez Maher Putin Netanyahu Lavrov Trump Tiger Tigers Hezbollah Nusra ISIS Daesh Islamic Khalid
Free Democratic United Nations UN Red Crescent Cross White Helmets Civil Defence Patriot Sukhoi MiG Su Golan
Heights Quneitra Daraa Deraa Dara Hauran Houran Yarmouk Basin Valley Province Governorate Countryside Rural
Damascus Idlib Aleppo Homs Hama Suwayda Sweida Deadly Road Press Telegram Kan TV Channel Network Agency Media
Gathering Horan Houran Step Enab Baladi Jazeera Araby Sputnik Xinhua Reuters Anadolu North Syria Syria's Syria’s
Israel's Israel’s Russia's Russia’s Many Several Some Two Three Four Five Six Seven Eight Nine Ten Hundreds Thousands
Dozens Local Israeli Syrian's Palace Court Courthouse Directorate Department Building Branch Office Bakery Hospital
School University Mosque Church Mass Man Sad""".split())   # (headline words a village is spelt like: "Mass Arrests")
#: ... except these, which are places even when they head a sentence (kept out of EN_STOP's veto for multiword)
_EN_STOP_BUT_PLACE = {"Golan", "Quneitra", "Daraa", "Deraa", "Dara", "Hauran", "Houran", "Yarmouk", "Damascus",
                      "Idlib", "Aleppo", "Homs", "Hama", "Suwayda", "Sweida"}
EN_TITLES = ("president", "mr", "mrs", "ms", "dr", "gen", "general", "minister", "sheikh", "colonel", "col",
             "major", "brig", "brigadier", "lt", "lieutenant", "capt", "captain", "commander", "leader", "spokesman",
             "king", "prince", "bashar", "hafez", "maher", "abu", "umm", "bin", "ibn", "named", "called", "mohammed",
             "muhammad", "ahmad", "ahmed", "ali", "omar", "khaled", "khalid", "hassan", "hussein", "youssef", "ibrahim")


def _n(words) -> set[str]:
    return {normalize_ar(w) for w in words if w.strip()}


@lru_cache(maxsize=1)
def _sets() -> dict[str, set[str]]:
    return {
        "strict": _n(COMMON_AR_STRICT), "person": _n(PERSON_AR), "titles": _n(PERSON_TITLES_AR),
        "first_names": _n(FIRST_NAMES_AR),
        "nouns": _n(PLACE_NOUNS_AR), "preps": _n(PREPS_AR), "dirs": _n(DIRECTIONS_AR),
        "foreign": _n(FOREIGN_AR), "foreign_en": {latin_key(w) for w in FOREIGN_EN if latin_key(w)},
    }


@lru_cache(maxsize=1)
def _derived() -> dict[str, object]:
    """Sets built from :func:`_sets` once (they were rebuilt for every mention)."""
    sets = _sets()
    dirs = frozenset(sets["dirs"] | {"الشرق", "الغرب", "الشمال", "الجنوب"})
    by_word: dict[str, list[str]] = {}
    for f in sets["foreign"]:
        if " " in f:
            for w in set(f.split()):
                by_word.setdefault(w, []).append(f)
    return {"dirs": dirs, "nouns_dirs": frozenset(sets["nouns"] | sets["dirs"]), "foreign_by_word": by_word,
            "nouns_generic": frozenset(sets["nouns"] | _GENERIC_PLURAL)}


_CLITIC_PREFIXES = {"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "فك", "لل"}


@dataclass(slots=True)
class Mention:
    start: int                 # normalised offsets of the name (clitics excluded)
    end: int
    name: str                  # normalised name
    source: str                # "gazetteer" | "cue" | "list"
    lang: str = "ar"
    cue: str = ""              # the word before it: a place noun, a preposition, "" if none
    cue_kind: str = ""         # "noun" | "prep" | ""
    list_id: int = -1          # mentions in one list share an id
    admin: bool = False        # after ريف/محافظة/countryside/province: the admin unit, not the town
    reference: bool = False    # a reference point ("south of X"), not the event place
    near: bool = False         # "قرب X" / "near X": the event is near, not at, the place
    common: str = ""           # "strict" | "person" | "" : how much support the name needs
    veto: str = ""             # why it is not a place ("foreign", "person name", ...)
    orig_start: int = 0        # offsets into the original text
    orig_end: int = 0
    notes: list[str] = field(default_factory=list)
    site: str = ""             # a named site's kind ("crossing", "checkpoint", ...), "" for a settlement
    host: tuple[int, int] | None = None   # normalised span of the place named inside a site's name
    container: Mention | None = None    # the town the text puts a site in ("حاجز X في بلدة Y")
    beside: bool = False       # the container only locates the site ("سد X غربي بلدة Y", "a hill east of Y")

    @property
    def supported(self) -> bool:
        if self.veto:
            return False
        if self.site:
            return True   # a site noun names the place ("معبر نصيب", "the Omari mosque")
        if self.common == "strict":
            return self.cue_kind == "noun" or self.list_id >= 0
        if self.common == "person":
            return bool(self.cue_kind) or self.list_id >= 0
        return True


# --- automaton per gazetteer ----------------------------------------------------------------

class _Index:
    def __init__(self, gazetteer) -> None:
        self._gazetteer = weakref.ref(gazetteer) if _weakrefable(gazetteer) else (lambda: gazetteer)
        self.ar = ahocorasick.Automaton()
        self.latin: dict[str, int] = {}   # latin key -> number of words
        self.latin_prefixes: set[str] = set()   # every key's first 1..n words: a scan stops off them
        self.max_latin_words = 1
        ar_keys: dict[str, tuple[str, str, int]] = {}
        for key, _pid in gazetteer.name_keys():
            if not key:
                continue
            if any("\u0600" <= ch <= "\u06ff" for ch in key):
                ar_keys.setdefault(key, (key, key, 0))
                if key.startswith("ال") and len(key) > 3:
                    w = ("ل" if key[2] == "ل" else "لل") + key[2:]   # ل + اللجاة -> للجاة
                    ar_keys.setdefault(w, (w, key, 1))     # ل + الرفيد -> للرفيد
                elif len(key) >= 4 and not key.startswith(("ال", "ابو ", "ام ", "تل ", "بير ", "عين ")):
                    w = "ال" + key
                    ar_keys.setdefault(w, (w, key, 0))     # معلقه -> المعلقه
            else:
                n = key.count(" ") + 1
                self.latin[key] = n
                self.max_latin_words = max(self.max_latin_words, n)
                ws = key.split(" ")
                for k in range(1, n + 1):
                    self.latin_prefixes.add(" ".join(ws[:k]))
        for key, v in ar_keys.items():
            self.ar.add_word(key, v)
        if ar_keys:
            self.ar.make_automaton()
        self.has_ar = bool(ar_keys)


    def variant_ids(self, word: str) -> tuple[str, ...]:
        """The places a word is a calibrated spelling variant of in the default scope (``Gazetteer.variant_match``)."""
        g = self._gazetteer()
        return g.variant_match(word) if g is not None and hasattr(g, "variant_match") else ()

    def joined_variant(self, word: str) -> bool:
        """A word is a two-word name of one place written joined ("كفرشمس" for كفر شمس), and nothing else."""
        g = self._gazetteer()
        if g is None or not hasattr(g, "variant_hit") or not g.variant_match(word):
            return False
        hit = g.variant_hit(word)
        return hit is not None and hit.families == ("ar_join",)

    def alif_variant(self, word: str) -> bool:
        """A word is one place's name with only its medial alif written or left out (ناحته / نحته), neither name
        with an article: the one family safe enough for a single word after a preposition."""
        g = self._gazetteer()
        if g is None or not hasattr(g, "variant_hit") or not g.variant_match(word):
            return False
        hit = g.variant_hit(word)
        return hit is not None and hit.families == ("ar_alif",) and not any(
            n.startswith("ال") for n in map(normalize_ar, hit.matched_names))


def _weakrefable(obj: object) -> bool:
    try:
        weakref.ref(obj)
    except TypeError:
        return False
    return True


_INDEXES: weakref.WeakKeyDictionary[object, _Index] = weakref.WeakKeyDictionary()
_INDEXES_BY_ID: dict[int, _Index] = {}


def index_for(gazetteer) -> _Index:
    """The cached automaton for a gazetteer (built on first use)."""
    try:
        idx = _INDEXES.get(gazetteer)
        if idx is None:
            idx = _INDEXES[gazetteer] = _Index(gazetteer)
        return idx
    except TypeError:  # not weak-referenceable
        idx = _INDEXES_BY_ID.get(id(gazetteer))
        if idx is None:
            idx = _INDEXES_BY_ID[id(gazetteer)] = _Index(gazetteer)
        return idx


# --- scanning ---------------------------------------------------------------------------------

def _word_start(norm: str, i: int) -> int:
    j = norm.rfind(" ", 0, i)
    return j + 1


def _prev_words(norm: str, i: int, n: int, lo: int = 0) -> list[str]:
    seg = norm[max(lo, i - 60):i]
    ws = seg.split()
    if seg and not seg.endswith(" ") and ws:
        ws = ws[:-1]   # the current word's clitic prefix is not a previous word
    return ws[-n:]


def scan_gazetteer_ar(norm: str, idx: _Index, lo: int = 0, hi: int | None = None) -> list[tuple[int, int, str]]:
    """(start, end, key) of whole-word gazetteer names in ``norm[lo:hi]``, leftmost-longest."""
    hi = len(norm) if hi is None else hi
    if not idx.has_ar:
        return []
    n = len(norm)
    raw: list[tuple[int, int, str]] = []
    for end_idx, (word, key, drop) in idx.ar.iter(norm, lo, hi):
        end = end_idx + 1
        if end < n and norm[end] != " " and not (norm[end] == "-" and end + 1 < n and norm[end + 1] != " "):
            continue   # (a hyphen glued between two names ends the first: "طريق درعا-طفس")
        s_full = end - len(word)
        ws = norm.rfind(" ", 0, s_full) + 1      # the start of the word
        if ws < s_full and norm[s_full - 1] == "-" and s_full - 1 > ws:
            ws = s_full                          # (and starts the second)
        if (ws != s_full or drop) and norm[ws:s_full] + ("ل" if drop else "") not in _CLITIC_PREFIXES:
            continue
        raw.append((s_full + drop, end, key))    # "للرفيد": the name starts after the first ل
    if len(raw) < 2:
        return raw
    # leftmost-longest: the longest first (the leftmost of equally long ones), each kept when it overlaps
    # none kept before (a stable sort: equal spans in the automaton's order)
    out: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    for r in sorted(raw, key=_longest_first):
        a, b = r[0], r[1]
        for s, e in taken:
            if a < e and s < b:
                break
        else:
            taken.append((a, b))
            out.append(r)
    out.sort()
    return out


def _longest_first(r: tuple[int, int, str]) -> tuple[int, int]:
    return r[0] - r[1], r[0]


@lru_cache(maxsize=65536)
def _word_key(word: str) -> str:
    return latin_key(word)


_EN_TOKEN_RE = re.compile(r"[A-Za-z\u00C0-\u024F'’`ʿʾ]+")
#: the same tokens as :data:`_EN_TOKEN_RE`, split out with what lies between them: [gap, token, gap, ..., gap]
_EN_TOKEN_SPLIT_RE = re.compile(r"([A-Za-z\u00C0-\u024F'’`ʿʾ]+)")


#: lower-case words a capitalised name goes on with: the article, and the generic word of a region ("the Yarmouk
#: basin", "the Hauran plain") that the gazetteer writes capitalised
_EN_LOWER_IN_NAMES = frozenset(("al", "el", "valley", "basin", "plain", "plateau", "mountain", "mountains", "heights"))
#: the articles that start a name when a space, not a hyphen, follows them (as :data:`_EN_ARTICLE` has them)
_EN_SPACED_ARTICLES = frozenset(("al", "el", "Al", "El", "Ad", "Ash", "As", "At", "Az", "Ar", "An"))


def scan_gazetteer_en(text: str, idx: _Index, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """(orig_start, orig_end, key) of capitalised name n-grams in ``text[lo:hi]`` found among Latin keys.

    The tokens are those of :data:`_EN_TOKEN_RE` in ``text[lo:hi]`` (split in one call, with the gaps between
    them); a name is tried only from a capitalised token or the token before one (an article: "al-Harra"),
    every other token starting none, and a token's key is worked out only when a name is tried through it."""
    parts = _EN_TOKEN_SPLIT_RE.split(text[lo:hi])
    toks = parts[1::2]          # toks[k] lies between the gaps parts[2k] and parts[2k + 2]
    n = len(toks)
    if not n:
        return []
    pos = list(accumulate(map(len, parts), initial=lo))   # toks[k] is text[pos[2k + 1]:pos[2k + 2]]
    starts: list[int] = []
    for t in [t for t, w in enumerate(toks) if w[0].isupper()]:
        if t and (not starts or starts[-1] != t - 1):
            starts.append(t - 1)
        starts.append(t)
    keys: dict[int, str] = {}
    out: list[tuple[int, int, str]] = []
    after = 0                   # tokens before this one are inside a name found
    max_words = idx.max_latin_words + 2
    for i in starts:
        if i < after:
            continue
        w = toks[i]
        s = pos[2 * i + 1]
        key_i = keys.get(i)
        if key_i is None:
            key_i = keys[i] = _word_key(w)
        # a name starts with a capital (or an article glued to a capitalised word: al-Harra)
        is_art = key_i == ""
        if is_art:
            if not (i + 1 < n and len(parts[2 * i + 2]) <= 1 and toks[i + 1][:1].isupper()):
                continue
            if parts[2 * i + 2] == " " and w not in _EN_SPACED_ARTICLES:
                continue   # "neighbourhood at Daraa", "as Nawa's": lower-case "at", "as", "an" before a space are
                #            English words; only "al"/"el" (and a capital "At", "As") are articles written apart
        elif not w[:1].isupper():
            continue
        best = None
        words: list[str] = []
        j = i
        while j < n and len(words) < max_words:
            if j > i:
                gap = parts[2 * j]
                if len(gap) > 2:    # a gap of punctuation or more: stop
                    break
                if gap.strip(" -") not in ("",):
                    break
            key_j = keys.get(j)
            if key_j is None:
                key_j = keys[j] = _word_key(toks[j])
            if key_j:
                if not toks[j][:1].isupper() and toks[j].lower() not in _EN_LOWER_IN_NAMES:
                    break
                words.append(key_j)
                k = " ".join(words)
                if k not in idx.latin_prefixes:
                    break                  # no name goes on like this
                if k in idx.latin:
                    best = (s, pos[2 * j + 2], k, j)
            j += 1
        if best:
            first_word = toks[i + 1] if is_art else w
            if first_word in EN_STOP and first_word not in _EN_STOP_BUT_PLACE and best[3] == (i + 1 if is_art else i):
                continue
            if text[best[1]:best[1] + 1].isdigit():
                continue                   # a name glued to a number is a name of its own (an outlet: "Daraa24")
            out.append(best[:3])
            after = best[3] + 1
    return out


# --- cue-driven names -------------------------------------------------------------------------

_AR_STOP_AFTER = _n("""مثل في من على الى إلى عن مع بعد قبل خلال ضمن قرب جنوب شمال شرق غرب جنوبي شمالي شرقي غربي
بريف ريف التي الذي الذين حيث وسط التابعة التابع تابعة تابع المحاذية المحاذي محاذية المجاورة المجاور مجاورة
القريبة القريب المتاخمة متاخمة الواقعة واقعة بمحافظة محافظة منطقة بين اثر إثر عقب بينما فيما كما لكن اذ إذ أن
إن انه أنه وقد قد ثم حتى بعدما عندما منذ او أو و هو هي هم وهي وهو كان كانت يوم
عند لدى مقابل عبر نحو باتجاه اتجاه صوب اليوم امس أمس صباح مساء فجر ليل ليلة ظهر عصر الليلة البارحة
الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد مما ما بعدما اثناء أثناء خلال جراء بسبب اثر انطلاقا انطلاقاً
بعدة بعدد بعشرات بقذائف بقذيفة بصواريخ بصاروخ بغارات بغارة بالبراميل ببراميل ببرميل برصاص بنيران بعبوة بعبوات
بقصف بمدفعية بالمدفعية بالرشاشات بالأسلحة بشكل بحجة بتهمة بيد بأيدي لصالح لليوم ليوم للمرة
لقصف لهجوم لهجمات لغارات لغارة لاشتباكات لاستهداف لاقتحام لحملة لمداهمة لإطلاق
المدمرة المهدمة المنكوبة المحررة المحاصرة المشرفة المطلة المحيطة المحيط السكنية أكثر اكثر
تنديداً رفضاً احتجاجاً تضامناً استنكاراً المجاورتين المجاورين المتجاورتين القريبتين داخل خارج
المقابلة المقابل القريبين الموافقة بواسطة الشهر الأسبوع الماضي الماضية إضافة بالإضافة علاوة أدى أدت أسفر أسفرت
بموجب وفق وفقا وفقاً تنفيذا تنفيذاً
عدة بحسب حسب دون سابق الحياة تفتش تسأل سلسلة
عشريني ثلاثيني أربعيني خمسيني ستيني سبعيني ثمانيني عشرينية ثلاثينية أربعينية خمسينية ستينية سبعينية
الاستراتيجي الاستراتيجية الإستراتيجي الإستراتيجية الحيوي الحيوية الوعرة الأثري الأثرية التاريخي التاريخية""".split()) | TIME_AFTER_AR | NAME_ENDS_AR


#: a preposition with a pronoun after "و" ("بلدة X وعليها آثار تعذيب"): no next item of a list of places
_PRONOUN_PREPS_AR = frozenset(normalize_ar(p + s) for p in ("علي", "في", "من", "ب", "ل", "مع", "عن", "إلي")
                              for s in ("ه", "ها", "هم", "هما", "هن"))


_GENERIC_PLURAL = _n("""حيا احيا الاحيا البلدات القري المزارع المناطق التلال المدن القرية البلدة المدينة المزرعة بلدة قرية مدينة
مزرعة عشرات العديد عدد بعض كافة جميع اكثر أكثر""".split())
_DIR_ADJ = SIDES_AR | {"الفوقاني", "التحتاني", "الكبير", "الصغير", "الكبري", "الصغري", "الكبيره", "الصغيره", "القبلي", "الجديده", "القديمه",
            "الفوقا", "التحتا", "العليا", "السفلي", "الوسطاني"}   # not شرقي/غربي..: "شرقي درعا" is "east of Daraa"
#: sizes after a name (normalised, the lookup's own words for them): "الصورة الكبيرة" and "الصورة الكبرى" are one
#: village's names
_SIZE_ADJ = frozenset(w for w, side in AR_DIRECTIONS.items() if side in ("big", "small") and w.startswith("ال"))
#: the heads of names of two words (normalised), which are villages' names alone too ("خربة سلطانة" is no "خربة"), and
#: which take a third word of side ("عين X الشرقية")
_NAME_HEADS_AR = frozenset(("ابو", "ام", "تل", "عين", "بير", "خربه", "رسم", "كفر", "دير", "بيت", "جبل", "نبع", "مزرعه"))
#: "تل" (a hill) right before a name, alone or with "و"/"ف"/"ب" glued (normalised, up to the name)
_HILL_BEFORE_RE = re.compile(r"(?:^|\s)[وفب]?تل\s$")


_NAME_BREAKS = re.compile(r"[,،–—/؛:()\[\]«»“”\".]|\s-\s")


def _punct_limit(text: str, offs: list[int] | None, j: int, hi: int) -> int:
    """The normalised offset where a name starting at ``j`` must end: the first punctuation after it in the
    original text (a comma, dash, bracket or quote; normalising turned them into spaces)."""
    if not text or offs is None or j >= len(offs) or hi <= j:
        return hi
    a = offs[j]
    b = offs[min(hi, len(offs) - 1)]
    mt = _NAME_BREAKS.search(text, a + 1, b)
    if not mt:
        return hi
    return min(hi, bisect.bisect_left(offs, mt.start()))


def _ar_name_after(norm: str, i: int, hi: int) -> tuple[int, int] | None:
    """The name starting at ``i`` (normalised): 1-3 words by construct-state and direction rules."""
    words: list[tuple[int, int, str]] = []
    j = i
    while j < hi and len(words) < 4:
        k = norm.find(" ", j, hi)
        k = hi if k < 0 else k
        w = norm[j:k]
        if not w:
            break
        words.append((j, k, w))
        j = k + 1
    if not words:
        return None
    s, e, w0 = words[0]
    bare = w0[1:] if w0[:1] in "وف" else w0
    nouns = _sets()["nouns"]
    if w0 in _AR_STOP_AFTER or len(w0) < 2 or any(ch.isdigit() for ch in w0) or bare in nouns or w0 in nouns \
            or bare in _GENERIC_PLURAL or w0 in KIND_ADJ_AR or \
            (w0[:1] == "ب" and w0[1:] in _sets()["strict"]):   # ("أصيب مزارع بجروح": a farmer, wounded)
        return None
    if w0 in _sets()["strict"]:   # an everyday word is no name, but with a size it is one ("بلدة الصورة الكبيرة"; not
        return (s, words[1][1]) if len(words) > 1 and words[1][2] in _SIZE_ADJ else None   # a side: "الريف الشرقي")
    end = e
    n_taken = 1
    # construct state: a first word without the article takes the next (غدير البستان، أبو قليعة، رسم الحسن)
    w1 = words[1][2] if len(words) > 1 else ""
    if not w0.startswith("ال") and len(words) > 1 and w1 not in _AR_STOP_AFTER and not w1.isdigit() \
            and not (w1.startswith("و") and not w1.startswith(("وادي", "ورد"))) \
            and not w1.startswith(("بال", "لل", "فال", "كال")) and w1 not in _BI_WORDS \
            and not (w1[:1] == "ب" and w1[1:] in nouns | {"ريف", "محافظه", "ناحيه", "منطقه"}) \
            and w1 not in _sets()["strict"] and w1 not in _GENERIC_PLURAL:   # ("طفس الأحياء السكنية": no name)
        end = words[1][1]
        n_taken = 2
        if w0 in _NAME_HEADS_AR and len(words) > 2 \
                and words[2][2] in _DIR_ADJ:
            end = words[2][1]
            n_taken = 3
    if n_taken < len(words):
        nxt = words[n_taken][2]
        if nxt in _DIR_ADJ:
            end = words[n_taken][1]
    return s, end


_LIST_CUES_AR = _n("""قرى القرى بلدات البلدات مناطق المناطق مزارع المزارع البلدات والقرى القرى والبلدات قريتي بلدتي
أحياء الأحياء التلال تلال""".split())
_AR_LIST_START_RE = re.compile(r"(?:^|\s)(?:و?هي|و?هما|وهم|:|التاليه|تشمل|وتشمل|منها|ومنها|وتضم|تضم|و?ابرزها|و?اهمها|"
                               r"و?من\s(?:بينها|ضمنها))\s")
#: a list item that is a site of a town ("حواجز من بينها حاجز بلدة X"): the site and the town are read as such
_SITE_OF_A_TOWN_RE = re.compile(r"\S+\s(?:بلده|مدينه|قريه|مخيم)\s")
#: the words that open a list right after its plural noun ("عدة بلدات من بينها X وY", "بلدات أبرزها X وY"): the list
#: starts after them
_LIST_WORD_AT_RE = re.compile(r"(?:و?من\s)?(?:بينها|ضمنها)\s|و?(?:منها|ابرزها|اهمها)\s|(?:التاليه|الاتيه|التالي)\s")
#: what opens a list of people, not places, just before it ("أسماؤهم:", "والشهداء هم:"): its names are the dead's or
#: the arrested's
_PERSONS_LIST_HEAD_RE = re.compile(r"(?:^|\s)(?:اسماو?هم|(?:و?ال)?(?:شهدا|قتلي|ضحايا|معتقلين|جرحي|مصابين)(?:\sهم)?)\s*$")
#: "وهم" / "وهن" opening a list, and the people it may stand for in the words before it ("اغتال مسلحون ثلاثة شبان في
#: بلدة X، وهم: A وB"; not "دخل الجيش خمس قرى في الريف الغربي وهم: X، Y", a list of places however it is written)
_THEY_HEAD_RE = re.compile(r"(?:^|\s)و?(?:هم|هن)\s*$")
_PEOPLE_BEFORE_RE = re.compile(r"(?:^|\s)(?:ال)?(?:شاب|شبان|شابين|عناصر|عنصرين|مدنيين|اشخاص|شخصين|جنود|ضباط|اطفال|نسا|"
                               r"رجال|مقاتلين|معتقلين|قتلي|شهدا|ضحايا|مواطنين|اخوه|اشقا|افراد)(?:\s|$)")
#: places counted or in the plural ("12 بلدة", "القرى", "بلدات"): what "وهم" after them stands for
_COUNTED_PLACES_RE = re.compile(r"(?:^|\s)(?:\d+\s(?:بلده|قريه|منطقه|نقطه|موقع|حاجز)|(?:ال)?(?:قري|بلدات|مناطق|احيا|"
                                r"مزارع|بلدتي|قريتي|مدن|نقاط|مواقع|حواجز))(?:\s|$)")
_EN_LIST_CUE_RE = re.compile(
    r"\b(?:villages?|towns?|areas?|localities|hamlets|hills|neighbou?rhoods|cities|settlements)(?:\s+|(?=:))(?:of\s+|including\s+|"
    r"such as\s+|:\s*)?",
    re.I)
_EN_INCLUDING_RE = re.compile(r"\bincluding\s+(?:the\s+)?(?=[A-Z]|al-|el-)")
_EN_PLURAL_PLACES_RE = re.compile(r"\b(?:villages|towns|localities|hamlets|hills|neighbou?rhoods|cities|areas|"
                                  r"positions|checkpoints)\b", re.I)
_EN_DIRECTION_HEADS = {"North", "South", "East", "West", "Upper", "Lower", "Eastern", "Western", "Northern",
                       "Southern", "Central"}
_EN_AFTER_VERB_RE = re.compile(
    r"\b(captured|recaptured|retook|took|seized|liberated|entered|stormed|overran|shelled|bombed|struck|raided|besieged|"
    r"hit|hitting|pounded|pounding|targeted|targeting|attacked|"
    r"control of|residents of|outskirts of|people of|vicinity of|areas of|parts of|entrance to|entrance of|"
    r"edge of|edges of|centre of|center of|(?:road|highway|route|area|villages|towns) between|"
    r"shelling of|bombardment of|bombing of|capture of|storming of|"
    r"on|in|near|outside|around|into|through|In|On|Near|Outside|Around)\s+(?:the\s+)?(?:(?:town|village|city|hamlet)s?\s+of\s+)?"
    r"(?=[A-Z]|al-|el-)")
#: "In Al-Sahwah village, ...", "the Jileen town": the place noun after the name
_EN_NOUN_AFTER_RE = re.compile(r"\s+(?:village|town|city|hamlet)\b")
_EN_NOUN_CUE_RE = re.compile(r"\b(?:village|town|city|hamlet|hill|camp|area|neighbou?rhood|settlement)\s+of\s+", re.I)
#: one of these is in every match of :data:`_EN_NOUN_CUE_RE` and of :data:`_EN_LIST_CUE_RE` (case-blind gates)
_EN_NOUN_CUE_WORDS = ("village", "town", "city", "hamlet", "hill", "camp", "area", "neighbo", "settlement")
_EN_LIST_CUE_WORDS = ("village", "town", "area", "localities", "hamlets", "hills", "neighbo", "cities", "settlements")
_EN_ARTICLE = EN_ARTICLE
#: a capitalised word; an apostrophe belongs to it ("Nab' al-Sakhr", "Ma’riya") unless it is the possessive 's
#: (digits are no part of it, nor is a word glued to them one: "Daraa24" is an outlet, not Daraa)
_EN_WORD = r"[A-Z](?:[^\W\d_`ʿ]|[`ʿ]|['’](?!s\b))+(?!\w)"
_EN_NAME_RE = re.compile(
    r"(?:" + _EN_ARTICLE + r")?" + _EN_WORD +
    r"(?:[-\s](?:" + _EN_ARTICLE + r")?" + _EN_WORD + r"){0,3}")


#: a name (with an article: a one-word name is found by the data's spellings) opening a clause, then a short
#: aside, then the verb of what befell it ("X fell to", "X, in the eastern countryside, came under shelling")
_EN_SUBJECT_NAME_RE = re.compile(r"\W{0,3}(?P<name>" + _EN_NAME_RE.pattern + r")(?:,\s[a-z][^,A-Z]{0,39},)?\s+"
                                 r"(?:fell|came\s+under|witnessed|saw|(?:was|were|has\s+been|had\s+been)\s+(?:shelled|"
                                 r"bombed|stormed|captured|retaken|recaptured|hit|struck|besieged|overrun|surrounded|"
                                 r"seized|targeted|pounded|raided|encircled))\s")
_LIST_SEP_CHARS = frozenset(",،–—-/؛")
_LIST_END_CHARS = frozenset(")]»”[(")
_PRONOUN_END_RE = re.compile(r"(?:ها|هما|هم)$")


#: "in order to" a verbal noun (normalised): what a list item never goes on with ("وحيط لمنع تقدم المهاجمين")
_PURPOSE_AR = frozenset(("لمنع", "لصد", "لتامين", "لحمايه", "لملاحقه", "لاعتقال", "لمواجهه", "لدعم", "لمسانده",
                         "لاقتحام", "لتطويق", "لفرض", "لضبط", "لتمشيط"))


def _tanween(text: str, offs: list[int] | None, a: int, b: int) -> bool:
    """The word at normalised ``a:b`` carries a tanween in the original text ("بحثاً", "رداً"): an indefinite
    noun or an adverb, never a word of a place's name."""
    if not text or offs is None or b > len(offs) or a >= b:
        return False
    return any(c in text[offs[a]:offs[b - 1] + 2] for c in "\u064b\u064c\u064d")


def _ends_an_item(w: str, text: str, offs: list[int] | None, a: int, b: int) -> bool:
    """The word ``w`` (normalised, at ``a:b``) is none of a list item's name, which ends before it: a stop word, a
    preposition's phrase ("بوابل"، "بالقذائف"), a purpose ("لمنع"), a word with a tanween ("بحثاً"), the city
    ("بدرعا"), a word with a pronoun, a plural verb ("سلموا")."""
    return (w in _AR_STOP_AFTER or w.startswith(("بال", "لل")) or w in _BI_WORDS or w in _PURPOSE_AR or
            _tanween(text, offs, a, b) or (w[:1] == "ب" and (w[1:] in GOVERNORATE_KEYS or w[1:] == "دمشق")) or
            w in _NOT_A_NAME_HEAD_AR or w in _TO_FORCES_AR or (w[:1] == "ب" and w[1:] in _sets()["nouns"]) or
            (len(w) > 4 and _PRONOUN_END_RE.search(w) is not None) or
            (len(w) >= 4 and w.endswith("وا") and not w.startswith("ال")))


def _ar_list_items(norm: str, lo: int, hi: int, text: str = "", offs: list[int] | None = None) -> list[tuple[int, int]]:
    """Items of a list that starts at ``lo`` ("المهير، والرفيد، ورسم الحسن"; "الشجرة وجملة وسحم الجولان";
    "(البكار – العبدلي – الجبيلية)").

    Items are separated by a word starting with the conjunction و, or by a comma, dash or slash in the
    original text; a closing bracket or quote ends the list.  A comma followed by a word without و ends
    a و-joined list ("وسحم الجولان، ما أدى ..."); an item of more than four words, or one cut by a
    preposition, ends the list too.  An item is never cut in two: "ورسم زعرورة" is one item.
    """
    items: list[tuple[int, int]] = []
    words = [(lo + m.start(), lo + m.end(), m.group(0)) for m in re.finditer(r"\S+", norm[lo:hi])]
    if not words:
        return items

    def gap_before(i: int) -> str:
        if not text or offs is None or i == 0:
            return ""
        return text[offs[words[i - 1][1] - 1] + 1:offs[words[i][0]]]

    groups: list[list[tuple[int, int, str]]] = [[]]
    joined_by_wa = joined_by_sep = False
    lone_wa = False
    for i, (ws, we, w) in enumerate(words):
        gap = gap_before(i)
        if i > 0 and _LIST_END_CHARS.intersection(gap):
            break                      # "(... أبو حجر)" / "[…]": the list is closed
        if w == "و":
            lone_wa = True             # "الكرك الشرقي و النعيمة": the conjunction written apart
            continue
        if lone_wa and groups[-1]:
            lone_wa = False
            joined_by_wa = True
            groups.append([(ws, we, w)])
            continue
        if i > 0 and (w in _AR_STOP_AFTER or (w[:1] == "و" and w[1:] in _PRONOUN_PREPS_AR)):
            break                      # "والمليحة الشرقية، وسط أنباء عن قتلى": "amid", not a town "سط"; "بلدة X
            #                            وعليها آثار تعذيب": "and on it", no town
        conj = w.startswith("و") and len(w) > 2 and not w.startswith(("وادي", "ورد")) and w not in ("وهي", "وهو")
        sep = bool(_LIST_SEP_CHARS.intersection(gap))
        if groups[-1] and sep and not conj and joined_by_wa and not joined_by_sep:
            break                      # "، ما أدى": the sentence goes on after the list
        if groups[-1] and conj:
            joined_by_wa = True
            groups.append([(ws + 1, we, w[1:])])
        elif groups[-1] and sep:
            joined_by_sep = True
            groups.append([(ws, we, w)])
        else:
            groups[-1].append((ws, we, w))
    for g in groups:
        if not g:
            continue
        if g[0][2] in _LIST_OPENERS_AR and len(g) > 1:
            items.clear()   # "قرى المنطقة العازلة ومنها X وY": what came before names the set, its members follow
            g = g[1:]
        elif g[0][2] in _LIST_ADVERBS_AR and len(g) > 1:
            g = g[1:]   # "على أن تشمل لاحقاً X وY": when, not a word of X's name
        if any(w in _PREP_PRONOUNS_AR for _, _, w in g[1:3]):
            break   # "كويا، فتصدى لها أهالي البلدة": a verb and its object's pronoun, the sentence going on
        # "والمسيكة بوابل من القذائف": the list item ends before "with a barrage"; "وتسيل أسلحتهم الثقيلة": before
        # "their weapons" (no name of the area has such a word); "والكرك الشرقي استهدفت سيارة": before the verb
        cut = next((g[:k] for k, (a, b, w) in enumerate(g) if k > 0 and _ends_an_item(w, text, offs, a, b)), g)
        if not cut or len(cut) > 4 or cut[0][2] in _AR_STOP_AFTER or cut[0][2] in _NOT_A_NAME_HEAD_AR or \
                (len(cut[0][2]) >= 4 and cut[0][2].endswith("وا") and not cut[0][2].startswith("ال")) or \
                not _COUNT_WORDS_AR.isdisjoint(w for _, _, w in g):
            break   # (and "النعيمة وعتمان، ودمر مقرات قيادة ومستودعات للذخيرة": an act and what it hit, no town;
            #          "، وأسروا عدداً من عناصرها", "، وتوافد الآلاف": a plural verb, a count of people)
        if len(cut) == 1 and _PRONOUN_END_RE.search(cut[0][2]) and \
            _PRONOUN_END_RE.sub("", cut[0][2]) in _sets()["nouns"] | _SITE_STEMS:
            continue                   # "المقرز وسدها": "and its dam" is not another place
        items.append((cut[0][0], cut[-1][1]))
        if len(cut) < len(g):
            break
    return items


#: a preposition with a pronoun (normalised): no name of a place has one as its second or third word
_PREP_PRONOUNS_AR = frozenset(normalize_ar(w) for w in """له لها لهم لهن لهما عليه عليها عليهم فيه فيها فيهم به بها
بهم منه منها منهم عنه عنها عنهم إليه إليها إليهم""".split())
#: words that open the members of a set named before them (normalised, "و" cut): "ومنها X وY"
_LIST_OPENERS_AR = frozenset(("منها", "بينها", "ابرزها", "اهمها"))
#: counts of people or things (normalised): no word of a place's name
_COUNT_WORDS_AR = frozenset(normalize_ar(w) for w in "عدد عدداً عددا الآلاف آلاف عشرات العشرات مئات المئات".split())
#: adverbs that may stand before a list's first name (normalised)
_LIST_ADVERBS_AR = frozenset(normalize_ar(w) for w in "لاحقاً لاحقا أيضاً ايضا كذلك ثم بعدها تباعاً تباعا".split())
#: words that open no place's name (normalised): an act's verb, what it hit ("ودمر مقرات قيادة ومستودعات للذخيرة")
_NOT_A_NAME_HEAD_AR = frozenset(normalize_ar(w) for w in """دمر دمرت قتل قتلت أصاب أصابت استهدف استهدفت سيطر سيطرت
اعتقل اعتقلت أسقط أسقطت أوقع أوقعت تركز تركزت تواصل تواصلت استمر استمرت تجدد تجددت شهد شهدت سقط سقطت قصف قصفت شن
شنت اندلع اندلعت مقرات مقر مستودعات مستودع مخازن آليات اليات أوكار تجمعات مواقع نقاط عربات دبابات
منصات مدافع أسلحة ذخائر عناصر مسلحين
أبرز أهم أكبر أكثر أقوى أحد إحدى كبرى أقدم آخر بقية باقي سائر جميع كافة معظم غالبية""".split())   # (and "X، أبرز معاقل التنظيم": what X is, no town)
#: "to" a force, after a list's last name ("سلمت بلدات A وB لميليشيات النظام"): whom they went to, no name's word
_TO_FORCES_AR = frozenset(normalize_ar("ل" + w) for w in "ميليشيات مليشيات قوات فصائل عناصر جيش تنظيم الجيش النظام".split())
#: the dual place nouns (normalised): "بلدتي A وB" names two places
_DUAL_NOUNS = frozenset(w + n for w in ("", "و", "ب", "وب") for n in ("بلدتي", "قريتي", "مدينتي", "حيي", "تلتي"))
#: the place nouns that may open an item of a list (normalised, with "و" and "ب")
_ITEM_NOUNS = _DUAL_NOUNS | frozenset(w + n for w in ("", "و", "ب", "وب") for n in ("بلده", "قريه", "مدينه", "بلدات", "قري"))
_BI_WORDS = frozenset({"بوابل", "بعد", "بين", "بسبب", "بشكل", "بحسب", "بحجه", "بذريعه", "بعشرات", "بعدد", "بنحو",
                       # "بين بلدتي A وB بسيارة تقل عناصر": what the blast hit, after the list
                       "بسياره", "بسيارات", "بحافله", "بحافلات", "بدوريه", "بدراجه", "بعربه", "بمركبه", "بقذيفه",
                       "بقذائف", "بصاروخ", "بصواريخ", "بعبوه", "بغاره", "بغارات", "برصاص", "بنيران",
                       # "قصفت بلدتي A وB براجمات الصواريخ": the weapon it was shelled with
                       "براجمات", "براجمه", "بمدفعيه", "بمدافع", "بقنابل", "بطائرات", "بطايرات", "بطائره", "بطايره",
                       "بمسيره", "بمسيرات", "بهاون", "ببراميل", "بعبوات", "بالغام", "بقذيفتين", "بقذيفتي",
                       "بصاروخين", "بدبابات", "بمروحيات", "بمروحيه", "بصليات", "بصليه"})
_SITE_STEMS = frozenset({"سد", "تل", "معبر", "جسر", "مطار", "حي", "قري", "بلد", "مزرع", "تلتي", "تلت", "قريتي",
                         "بلدتي", "مدينتي", "حيي", "سدي", "تلال"})


_AR_CHAR_RE = re.compile(r"[\u0600-\u06ff]")
_EN_CHAR_RE = re.compile(r"[a-z]")


def find_mentions(text: str, norm: str, offs: list[int], idx: _Index | None, lo: int, hi: int,
                  lang: str = "ar") -> list[Mention]:
    """Place mentions in one clause ``norm[lo:hi]`` (normalised offsets), with their support."""
    sets = _sets()
    out: list[Mention] = []
    olo = offs[lo] if lo < len(offs) else len(text)
    ohi = offs[hi - 1] + 1 if hi > lo else olo
    is_ar = lang == "ar" or bool(_AR_CHAR_RE.search(norm, lo, hi))
    is_en = lang == "en" or bool(_EN_CHAR_RE.search(norm, lo, hi))
    if is_ar:
        if idx is not None:
            for s, e, _key in scan_gazetteer_ar(norm, idx, lo, hi):
                out.append(Mention(s, e, norm[s:e], "gazetteer", "ar"))
        _cue_candidates_ar(norm, lo, hi, out, text, offs, idx)
        if idx is not None:
            _prep_variant_candidates(norm, lo, hi, out, idx)
    if is_en:
        out.extend(_mentions_en(text, norm, offs, idx, olo, ohi))
    nouns: frozenset[str] = _derived()["nouns_generic"]  # type: ignore[assignment]
    out = [m for m in out if not (m.source == "gazetteer" and m.name in nouns)]   # "مدينة" is the cue, not a place
    if is_ar:   # "وكتيبة للدفاع الجوي قرب بلدة X": a unit's noun before whose it is, no village of that name
        out = [m for m in out if not (m.source == "gazetteer" and OWNED_SITE_AR_RE.match(norm, m.start))]
    kept = _merge(norm, out, idx)
    kept = _with_sites(text, norm, offs, kept, _site_mentions(text, norm, offs, lo, hi, olo, ohi, is_ar, is_en))
    _annotate(text, norm, offs, kept, lo, sets)
    kept = _names_in_brackets(text, kept)
    _link_containers(text, norm, kept)
    _governorates_of(text, kept)
    for m in kept:
        if m.site:
            _close_brackets(text, m)
    return kept


def _names_in_brackets(text: str, ms: list[Mention]) -> list[Mention]:
    """"al-Ajami valley (Wadi al-Ajami)", "Tal al-Jumou' (تل الجموع)": a name in brackets right after another is
    the same place written again, not a second one (dropped: the name after it may locate the first)."""
    return [b for a, b in zip([None, *ms], ms) if a is None or a.veto or not (
        _OPEN_BRACKET_RE.fullmatch(text, a.orig_end, b.orig_start) and _CLOSE_BRACKET_RE.match(text, b.orig_end))]


_OPEN_BRACKET_RE = re.compile(r"\s*[(\[]\s*")
_CLOSE_BRACKET_RE = re.compile(r"\s*[)\]]")


def article_swallowed(norm: str, idx: _Index | None, m: Mention) -> str:
    """The letters of the article that a glued "ل" swallowed, to put back before the name as written: "ا" for
    "للحراك" (ل + الحراك, read from "لحراك"), "ال" for "للجاة" (ل + اللجاة); "" for any other name."""
    if idx is None or m.lang != "ar" or m.start < 1 or norm[m.start - 1] != "ل" or not m.name.startswith("ل"):
        return ""
    got = idx.ar.get("ل" + m.name, None)
    return got[1][:len(got[1]) - len(m.name)] if got is not None and got[2] == 1 else ""


_PAIRS = {"(": ")", "«": "»", "“": "”", '"': '"', "[": "]"}


def _close_brackets(text: str, m: Mention) -> None:
    """"مسجد (الدكتور غسان أبازيد)": a site's name written in brackets or quotes ends with the closing one."""
    surface = text[m.orig_start:m.orig_end]
    for a, b in _PAIRS.items():
        if surface.count(a) > surface.count(b) if a != b else surface.count(a) % 2 == 1:
            j = text.find(b, m.orig_end, m.orig_end + 3)
            if j >= 0:
                m.orig_end = j + 1
            return


def _merge(norm: str, out: list[Mention], idx: _Index | None = None) -> list[Mention]:
    """Gazetteer names first; a cue/list name replaces an overlapping gazetteer name only when it
    adds a leading generic word ("تل الجابية") or a trailing direction ("البكار الشرقي")."""
    gaz = [m for m in out if m.source == "gazetteer"]
    other = sorted((m for m in out if m.source != "gazetteer"), key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Mention] = list(gaz)
    for m in other:
        clash = [k for k in kept if not (m.end <= k.start or m.start >= k.end)]
        if not clash:
            kept.append(m)
            continue
        k = clash[0]
        contains_all = all(m.start <= c.start and m.end >= c.end and (m.start, m.end) != (c.start, c.end) for c in clash)
        if contains_all and all(c.source == "gazetteer" for c in clash) and (
                # (a list's item is its whole name, but not a verb after a name the data holds: "بلدات X وY والجيزة
                # انضمت إلى التسوية")
                m.source == "list" and all(c.start > m.start or c.name in _NAME_HEADS_AR or
                                           _names_more(norm[c.end:m.end].strip(), idx) for c in clash)
                or (len(clash) == 1 and _extends(norm[m.start:m.end], norm[k.start:k.end]))
                or (m.cue_kind == "noun" and all(c.start > m.start or (c.start == m.start and
                                                                         _names_more(norm[c.end:m.end].strip(), idx))
                                                 for c in clash))   # "قرية صيدا الحانوت", not "مدينة جاسم أطلق"
                or (m.lang == "en" and m.source == "cue")   # a capitalised sequence is the whole name
                or m.notes[:1] == ["spelling variant"]):   # "بصر الحرير" over the "الحرير" inside it
            for c in clash:
                kept.remove(c)
                if m.list_id < 0:
                    m.list_id = c.list_id
            kept.append(m)
        else:
            for c in clash:
                if c.list_id < 0 and m.list_id >= 0:
                    c.list_id = m.list_id
    kept.sort(key=lambda m: m.start)
    return _with_their_sides(norm, kept)


def _with_their_sides(norm: str, kept: list[Mention]) -> list[Mention]:
    """A name and the side after it are one name ("بين الكرك الشرقي ورخم"), not a second place "الشرقي" (the
    name of a village elsewhere); a side alone is no place; "تل" before a village's name of one word is the hill's
    own ("وتل المال")."""
    out: list[Mention] = []
    for m in kept:
        k = out[-1] if out else None
        if m.source == "gazetteer" and " " not in m.name and _HILL_BEFORE_RE.search(norm, max(0, m.start - 5), m.start) \
                and (k is None or k.end < m.start - 3):
            m.start -= 3   # "وتل المال": the hill, named by its noun before a village's name (a common word here,
            m.name = norm[m.start:m.end]   # which no cue reading takes), is the place
        if k is not None and m.source == "gazetteer" and k.source == "gazetteer" and not k.site and \
                k.name not in _sets()["strict"] and \
                m.name in SIDES_AR and norm[k.end:m.start] == " " and k.name.rsplit(" ", 1)[-1] not in SIDES_AR and \
                not k.name.startswith("ريف"):   # (not "ريف درعا الشمالي الشرقي", "السفح الشرقي")
            k.end, k.name = m.end, norm[k.start:m.end]
            continue
        if m.name in SIDES_AR:
            m.veto = "a side"   # "حاجز الشرقي", "المدخل الغربي": a side of what is named, not a village called so
        out.append(m)
    return out


def _names_more(tail: str, idx: _Index | None) -> bool:
    """The words a place noun's name adds to a gazetteer name are part of the name: a word with the article
    ("صيدا الحانوت") or a place name of its own ("تل كروم جبا"), not a verb ("مدينة جاسم أطلق")."""
    first = tail.split()[0] if tail else ""
    return first.startswith("ال") or bool(idx is not None and idx.has_ar and first and idx.ar.exists(first))


def _site_mentions(text: str, norm: str, offs: list[int], lo: int, hi: int, olo: int, ohi: int,
                   is_ar: bool, is_en: bool) -> list[Mention]:
    out: list[Mention] = []
    if is_ar:
        for st in ar_sites(norm, lo, hi, text, offs):
            host = (st.host_start, st.host_end) if st.host_start >= 0 else None
            site = Mention(st.start, st.end, norm[st.start:st.end], "site", "ar", cue_kind="noun", site=st.kind,
                           host=host)
            if st.kind == "hospital" and _TAKEN_TO_AR_RE.search(norm, max(0, st.start - 50), st.start):
                site.reference = True   # "ونقلا إلى مشفى درعا الوطني": where the wounded were taken
                site.notes.append("casualties taken there")
            out.append(site)
    if is_en:
        for st in en_sites(text, olo, ohi):
            s, e = bisect.bisect_left(offs, st.start), bisect.bisect_left(offs, st.end)
            host = (bisect.bisect_left(offs, st.host_start), bisect.bisect_left(offs, st.host_end)) \
                if st.host_start >= 0 else None
            out.append(Mention(s, e, latin_key(text[st.start:st.end]), "site", "en", cue_kind="noun", site=st.kind,
                               host=host, orig_start=st.start, orig_end=st.end))
    return out


def _with_sites(text: str, norm: str, offs: list[int], kept: list[Mention], sites: list[Mention]) -> list[Mention]:
    """A site replaces the names inside it ("نصيب" in "معبر نصيب"); it keeps their list membership."""
    if not sites:
        return kept
    out = list(kept)
    for st in sites:
        inside = [k for k in out if not (st.end <= k.start or st.start >= k.end)]
        if any(k.start < st.start or k.end > st.end for k in inside):
            # a longer name overlaps the site ("سد X" inside a list item "بحيرة سد X"): keep the longer
            if any(k.end - k.start > st.end - st.start for k in inside):
                continue
        for k in inside:
            out.remove(k)
            if st.list_id < 0 and k.list_id >= 0:
                st.list_id = k.list_id
        out.append(st)
    out.sort(key=lambda m: m.start)
    return out


#: (an owner may come between: "حاجز الجمرك التابع لقوات النظام في درعا البلد")
_CONTAINER_GAP_AR = re.compile(r"^\s*(?:لل\S{3,}\s(?:ال\S+\s)?)?"   # (a unit's specialty: "الكتيبة 38 للدفاع الجوي قرب")
                               r"(?:ال(?:مهجور|قديم|سابق|جديد|حدودي|عسكري|رئيسي)ه?\s)?"   # "مقر اللواء المهجور قرب"
                               r"(?:(?:ال)?واقعه?\s)?"   # ("الواقع قرب بلدة X")
                               r"(?:(?:ال)?تابع(?:ه)?\s(?:ل\S+|الي)\s(?:\S+\s)?)?"
                               r"(?:(?:في|داخل|وسط|قرب|عند|ضمن|على\sاطراف|بالقرب\sمن)\s(?:(?:بلده|مدينه|قريه|حي|منطقه|ناحيه)\s)?"
                               r"|ب(?:(?:بلده|مدينه|قريه|حي|منطقه|ناحيه)\s)?)$")
_CONTAINER_GAP_EN = re.compile(r"^\s*(?:\([^()]{1,40}\)\s*)?(?:(?:neighbou?rhood|district|quarter|hill|valley)\s*)?(?:,\s*)?(?:in|near|at|inside|of|on the outskirts of|outside)\s+(?:the\s+)?"
                               r"(?:(?:town|village|city|area|neighbou?rhood)\s+(?:of\s+)?)?$"
                               r"|^\s*(?:neighbou?rhood|district|quarter)?,\s*(?:the\s+)?(?:(?:town|city)\s+of\s+)?$", re.I)   # "X district, Daraa city"


#: a side of a town (normalised): "غربي", "الشرقيه", "جنوب"
_DIR_AR = r"(?:ال)?(?:شرق|غرب|شمال|جنوب)(?:ي|يه)?"
#: a site told from a town, not in it: "سد X غربي مدينة Y", "الواقع إلى الشرق من بلدة Y", "تل X المطل على قرية Y"
_BESIDE_GAP_AR = re.compile(r"^\s*(?:(?:ال)?واقعه?\s)?(?:(?:الي\s)?" + _DIR_AR + r"(?:\s(?:ال)?(?:شرق|غرب)(?:ي|يه)?)?(?:\sمن)?"
                            r"|(?:ال)?مطله?\sعلي)\s(?:(?:بلده|مدينه|قريه|بلدتي|قريتي|مدينتي)\s)?$")
#: "the X dam west of the village of Y", "Tal X, a hill east of Y", "the X base on the western edge of Y"
_BESIDE_GAP_EN = re.compile(r"^\s*(?:(?:area|base|dam|hill|camp|lake|forest)\s*)?(?:,\s*)?(?:(?:which\s+(?:lies|is)|located|lying|"
                            r"situated)\s+)?(?:(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?)?(?:(?:just|about|some|roughly|"
                            r"\d+(?:\.\d+)?\s*(?:km|kilometres|kilometers|miles))\s+)?(?:(?:(?:north|south)(?:-?(?:east|west))?|east|west)"
                            r"\s+of|overlooking|on\s+the\s+(?:north|south|east|west)\w*\s+(?:edge|outskirts|side)\s+of)\s+"
                            r"(?:the\s+)?(?:(?:town|village|city)\s+of\s+)?$", re.I)


def _governorates_of(text: str, ms: list[Mention]) -> None:
    """"the village of Nahta in Daraa", "قرية نحتة في درعا": the name after a place and "in" is the governorate
    holding it (an area, as "ريف درعا"), not a second event place at the governorate's capital."""
    for a, b in zip(ms, ms[1:]):
        if b.name in GOVERNORATE_KEYS and not b.cue_kind == "noun" and not a.admin and \
                _IN_GAP_RE.fullmatch(text, a.orig_end, b.orig_start) and not _CITY_AFTER_RE.match(text, b.orig_end):
            b.admin = True


_IN_GAP_RE = re.compile(r",?\s+(?:in|في)\s+")
_CITY_AFTER_RE = re.compile(r"\s+(?:city|al-balad|al-mahatta)\b|\s+(?:البلد|المحطه|المحطة)(?!\S)", re.I)


def _city_half(text: str, m: Mention) -> bool:
    """The mention is one of the two halves of Daraa city ("درعا المحطة", "Daraa al-Balad": the quarter words of
    :mod:`sites`), which hold quarters of their own: "حي المطار في درعا المحطة" is a quarter of that half, the half
    only locating it."""
    words = text[m.orig_start:m.orig_end].split()
    return len(words) > 1 and (normalize_ar(words[-1]) in QUARTER_WORDS_AR or
                               QUARTER_EN_RE.fullmatch(" ".join(words)) is not None)


#: the sites that are a point on the map, which two towns "between" locate (not an area, a valley or a quarter: an
#: act there is at both)
_POINT_SITES = frozenset(("checkpoint", "post", "base", "headquarters", "brigade", "battalion", "regiment", "company",
                          "barracks", "bridge", "roundabout", "junction", "police station", "detachment", "branch"))
#: between a site and the first of two towns that locate it, and between the two (normalised)
_BETWEEN_GAP_AR = re.compile(r"\s+(?:ال(?:فاصل|واقع|ممتد|موجود)ه?\s+)?بين\s+(?:(?:ال)?(?:بلدتي|مدينتي|قريتي)\s+)?$")
_AND_GAP_AR = re.compile(r"\s+و?(?:(?:ال)?(?:بلده|مدينه|قريه)\s+)?$")
#: the kinds of reference a site is as the far end of a movement, which the town holding it shares
_FAR_ENDS = frozenset(("where it came from", "where they withdrew to", "where they fled to"))
#: the sites that are parts of a town and hold sites of their own: a quarter, a camp ("مدرسة X في مخيم درعا")
_HOSTING_SITES = frozenset(("neighbourhood", "camp"))


def _link_containers(text: str, norm: str, ms: list[Mention]) -> None:
    """"حاجز القوس في مدينة الحراك", "the Omari mosque in Deraa": the town hosts the site and is
    only a reference point for this event."""
    held: set[int] = set()   # (ids of mentions that are references as the container of a site of the event)
    for prv, m in zip(ms, ms[1:]):
        if m.site and m.lang == "en" and text[prv.orig_end:m.orig_start] in ("'s ", "’s "):
            m.container, prv.reference = prv, True   # "Daraa al-Balad's X neighbourhood": the owner holds the site
    for i, m in enumerate(ms[:-1]):
        if not m.site:
            continue
        nxt = ms[i + 1]
        # (a quarter of a city's half is inside it: "حي المطار في درعا المحطة"; not a quarter that only locates a
        # site the act is told from, "جنوب غرب حارة X في حي Y بدرعا البلد": the act may lie outside Y, in the half)
        quarter_of_half = m.site == "neighbourhood" and nxt.site == "neighbourhood" and _city_half(text, nxt) and \
            not any(o.container is m and o.reference for o in ms[:i])
        if (nxt.site and (nxt.site not in _HOSTING_SITES or m.site in _HOSTING_SITES) and not quarter_of_half) or \
                nxt.list_id >= 0 and nxt.list_id == m.list_id:
            continue   # (a quarter hosts a mosque or a roundabout: "the Omari mosque in Daraa al-Balad")
        if m.lang == "ar" and nxt.lang == "ar" and m.site in _POINT_SITES and i + 2 < len(ms) and \
                _BETWEEN_GAP_AR.match(norm, m.end, nxt.start) and _AND_GAP_AR.match(norm, nxt.end, ms[i + 2].start):
            # "حاجز X الفاصل بين A وB": the two towns locate the post (not "the area between A and B": at both)
            m.container, m.beside = nxt, True
            for end in (nxt, ms[i + 2]):
                end.reference = True
                end.notes.append("locator")
            continue
        if m.lang == "ar" and nxt.lang == "ar":
            gap = norm[m.end:nxt.start].lstrip()   # "حي المنشية بدرعا": the clitic ب glued to the town
            ok = len(gap) <= 30 and bool(_CONTAINER_GAP_AR.match(gap))
            beside = not ok and len(gap) <= 40 and bool(_BESIDE_GAP_AR.match(gap))
        else:
            gap = text[m.orig_end:nxt.orig_start]
            ok = len(gap) <= 40 and bool(_CONTAINER_GAP_EN.match(gap))
            beside = not ok and len(gap) <= 50 and bool(_BESIDE_GAP_EN.match(gap))
        if beside and not nxt.admin:   # the town it is told from locates a site the gazetteer lacks; it stays a
            m.container, m.beside = nxt, True   # reference point, as "west of Y" makes it anyway
            nxt.reference = True
            continue
        if ok:
            m.container = nxt
            # (a site that is only a reference point, "west of the Manshiya mosque in the Manshiya quarter", leaves
            # the quarter where the event is)
            # the town holding that quarter holds the event's site too: "the X block in the Y quarter of Daraa"
            if not nxt.reference and (not m.reference or id(m) in held):
                nxt.reference = True
                held.add(id(nxt))
            elif not nxt.reference and m.notes and m.notes[-1] in _FAR_ENDS:
                nxt.reference = True   # "بتعزيزات من مقر اللواء 12 في مدينة X": the town of the base they came from
                nxt.notes.append(m.notes[-1])
            # "حاجزي X وY في بلدة Z": Z hosts every site of the list
            for other in ms[:i]:
                if other.site and other.list_id >= 0 and other.list_id == m.list_id and other.container is None:
                    other.container = nxt


_LEADING_GENERIC = ("تل ", "تله ", "جبل ", "وادي ", "ريف ", "سهل ", "حوض ", "ناحيه ", "محافظه ", "مخيم ")


def _extends(longer: str, shorter: str) -> bool:
    """True if ``longer`` is ``shorter`` with a leading generic word or a trailing direction adjective."""
    if longer.endswith(" " + shorter) or longer.endswith(shorter):
        head = longer[: len(longer) - len(shorter)].strip()
        return (head + " ").startswith(_LEADING_GENERIC) and " " not in head
    if longer.startswith(shorter + " "):
        tail = longer[len(shorter) + 1:]
        return tail in _DIR_ADJ
    return False


_CANDIDATE_NOUNS = _n("قرية بلدة مدينة مزرعة مزارع بلدات قرى حي مخيم تل تلة بلدتي قريتي مدينتي".split())
_CANDIDATE_NOUN_RE = re.compile(r"(?<!\S)[وف]?[بل]?(?P<n>" + "|".join(sorted(_CANDIDATE_NOUNS, key=len, reverse=True)) + r")(?!\S)")


_PLACE_NOUN_ALT = r"(?:قري|بلدات|مزارع|بلدتي|قريتي|مدينتي|احيا|تلال|مناطق|بلده|قريه|مدن|حيي)"
_PLURAL_CHAIN_RE = re.compile(r"(?<!\S)[وف]?[بل]?(?:ال)?(?P<first>" + _PLACE_NOUN_ALT[3:-1] + r")"
                              r"(?:\s[وفب]?(?:ال)?" + _PLACE_NOUN_ALT + r")*(?!\S)")
_SINGULAR_NOUNS = {"بلده", "قريه"}
_PLURAL_NOUN_RE = re.compile(r"(?<!\S)[وفب]?(?:قري|القري|بلدات|البلدات|مزارع|المزارع|بلدتي|قريتي|مدينتي|احيا|تلال|التلال)(?!\S)")


#: a preposition and two words after it, the second with the article ("على بصر الحرير", "نحو الكرك الشرقي"): the
#: span tried as a spelling variant of a two-word name (normalised)
_PREP_TWO_WORDS_RE = re.compile(r"(?<!\S)[وف]?(?P<p>في|علي|الي|نحو|باتجاه|قرب|عند|من|بين|جبهه|محور|محيط|اطراف)\s"
                                r"(?P<n>(?!ال)\S{2,}\sال\S{2,})(?!\S)")   # (and "على جبهة بصرى الحرير": a front's town)
#: a two-word name written as one word ("كفرناسج" for كفر ناسج): its head and three letters or more, read as a name
#: only when the data holds it split (:meth:`_Index.joined_variant`)
_JOINED_HEAD_RE = re.compile(r"(?<!\S)[وفب]?(?P<n>(?:كفر|دير|عين|بير|بيت|تل|ام|ابو|خربه)(?!ال)\S{3,})(?=[\s.,،:؛]|$)")
#: "قتل رجل في ناحتة": one word of four letters or more after the same prepositions ("الطريق بين ناحتة وX")
_PREP_ONE_WORD_RE = re.compile(r"(?<!\S)[وف]?(?P<p>في|علي|الي|نحو|باتجاه|قرب|عند|من|بين|محيط)\s(?P<n>(?!ال)\S{4,})"
                               r"(?=[\s.,،:؛]|$)")


#: the dual of an area's noun (normalised): "ريفي القنيطرة ودرعا" is two governorates' countryside, no name
_DUAL_AREAS_AR = frozenset(("ريفي", "محافظتي", "منطقتي"))


def _prep_variant_candidates(norm: str, lo: int, hi: int, out: list[Mention], idx: _Index) -> None:
    """"سيطرت القوات على بصر الحرير": a two-word name after a preposition in a spelling the data holds only as a
    calibrated variant (the automaton finds names as written; a cue noun, "بلدة X", is not needed for these); and
    "قتل رجل في ناحتة": one word there, when only its medial alif differs (:meth:`_Index.alif_variant`)."""
    taken = [(m.start, m.end) for m in out]
    nouns_dirs: frozenset[str] = _derived()["nouns_dirs"]  # type: ignore[assignment]
    for m in _PREP_TWO_WORDS_RE.finditer(norm, lo, hi):
        s, e = m.span("n")
        first = norm[s:e].split()[0]
        if any(a < e and s < b and not (s <= a and b <= e and (a, b) != (s, e)) for a, b in taken) or \
                first in _AR_STOP_AFTER or first in nouns_dirs or first in _DUAL_AREAS_AR:
            continue   # (a name found inside it, "الحرير" of "بصر الحرير", gives way to the longer reading; "في ريفي
            #            القنيطرة ودرعا" is two governorates' countryside, no town)
        if idx.variant_ids(norm[s:e]):
            out.append(Mention(s, e, norm[s:e], "cue", "ar", cue=m.group("p"), cue_kind="prep",
                               notes=["spelling variant"]))
    for m in _PREP_ONE_WORD_RE.finditer(norm, lo, hi):
        s, e = m.span("n")
        if any(a < e and s < b for a, b in taken) or norm[s:e] in _AR_STOP_AFTER or norm[s:e] in nouns_dirs:
            continue
        if idx.alif_variant(norm[s:e]):
            out.append(Mention(s, e, norm[s:e], "cue", "ar", cue=m.group("p"), cue_kind="prep",
                               notes=["spelling variant"]))
    for m in _JOINED_HEAD_RE.finditer(norm, lo, hi):
        s, e = m.span("n")
        if not any(a < e and s < b for a, b in taken) and idx.joined_variant(norm[s:e]):
            out.append(Mention(s, e, norm[s:e], "gazetteer", "ar", notes=["spelling variant"]))
    _verb_object_variants(norm, out, taken, nouns_dirs, idx)
    _variants_between_names(norm, out, nouns_dirs, idx)


#: one word between two names of a list, after "و" ("A وY وB"): the gap between the two names
_BETWEEN_NAMES_RE = re.compile(r" و(\S{3,}) +و")


def _variants_between_names(norm: str, out: list[Mention], nouns_dirs: frozenset[str], idx: _Index) -> None:
    """"تتواصل الغارات على بصر الحرير وY ومليحة العطش": one word between two names joined by "و" on both sides is
    the list's middle item when it is a calibrated spelling of a place the data holds (a name as written is found by
    the automaton; the middle of a list has neither a place noun nor a preposition of its own to cue it)."""
    ms = sorted(out, key=lambda m: m.start)
    for a, b in zip(ms, ms[1:]):
        g = _BETWEEN_NAMES_RE.fullmatch(norm, a.end, b.start)
        if g is None or g.group(1) in _AR_STOP_AFTER or g.group(1) in nouns_dirs or not idx.variant_ids(g.group(1)):
            continue
        out.append(Mention(g.start(1), g.end(1), g.group(1), "cue", "ar", cue=a.cue or "و", cue_kind=a.cue_kind,
                           notes=["spelling variant"]))


def _verb_object_variants(norm: str, out: list[Mention], taken: list[tuple[int, int]], nouns_dirs: frozenset[str],
                          idx: _Index) -> None:
    """"قصفت المروحيات أمس بصر الحرير": a name the automaton found with the article ("الحرير", a namesake far
    away) read with the word before it, when the two are a calibrated spelling of a two-word name the data holds
    (with no preposition before them: :data:`_PREP_TWO_WORDS_RE` reads those)."""
    for a, b in list(taken):
        if not norm.startswith("ال", a) or a < 3 or norm[a - 1] != " ":
            continue
        j = norm.rfind(" ", 0, a - 1) + 1
        first = norm[j:a - 1]
        if len(first) < 2 or first.startswith("ال") or first in _AR_STOP_AFTER or first in nouns_dirs or \
                first in _DUAL_AREAS_AR or any(x < a - 1 and j < y for x, y in taken):
            continue   # (nor "بين ريفي القنيطرة ودرعا": two governorates' countryside, as after a preposition)
        if first[0] in "وفبل" and len(first) > 3 and idx.variant_ids(norm[j + 1:b]):
            j += 1   # "وبصر الحرير", "لبصر الحرير": the conjunction or preposition is not the name's
        elif not idx.variant_ids(norm[j:b]):
            continue
        if not any(m.start <= j and b <= m.end and m.name != norm[a:b] for m in out):   # (read after a preposition)
            out.append(Mention(j, b, norm[j:b], "gazetteer", "ar", notes=["spelling variant"]))
            # (and the namesake inside it is no second place: "طال القصف بصر الحرير ومليحة العطش")
            out[:] = [m for m in out if not (m.source == "gazetteer" and m.start == a and m.end == b)]


def _cue_candidates_ar(norm: str, lo: int, hi: int, out: list[Mention], text: str = "",
                       offs: list[int] | None = None, idx: _Index | None = None) -> None:
    # words after a place noun
    for m in _CANDIDATE_NOUN_RE.finditer(norm, lo, hi):
        base = m.group("n")
        j = m.end() + 1
        if j >= hi:
            continue
        word = _LIST_WORD_AT_RE.match(norm, j, hi)
        if word is not None:
            j = word.end()   # "بلدات منها X": the name after the list's word
        span = _ar_name_after(norm, j, _punct_limit(text, offs, j, hi))
        if not span:
            continue
        s, e = span
        name = norm[s:e]
        if base in ("تل", "تله"):
            s = m.start("n")   # "تل الجابية": the hill's name includes تل
            name = norm[s:e]
        out.append(Mention(s, e, name, "cue", "ar", cue=base, cue_kind="noun"))
        if idx is not None:
            _variant_after_and(norm, e, hi, idx, out, base, text, offs)
    # "قرى المهير والرفيد ورسم الحسن", "قرى وبلدات (البكار – العبدلي)", "ست بلدات وقرى وهي ...":
    # a chain of place nouns followed by names
    starts: list[int] = []
    duals: set[int] = set()
    chain = False
    for m in _PLURAL_CHAIN_RE.finditer(norm, lo, hi):
        chain = True
        if " " not in m.group(0).strip() and m.group("first") in _SINGULAR_NOUNS:
            continue   # "بلدة X": one name, read by the place-noun cue above
        word = _LIST_WORD_AT_RE.match(norm, m.end() + 1, hi)
        starts.append(word.end() if word else m.end() + 1)
        if m.group(0).split()[-1] in _DUAL_NOUNS:
            duals.add(m.end() + 1)   # "بين بلدتي A وB، ونقلا إلى ...": two places, whatever follows
    # lists after هي / وهم / التالية / a colon, in a clause that speaks of several places
    clause = norm[lo:hi]
    if _speaks_of_places(norm, lo, hi, clause, chain):
        for m in _AR_LIST_START_RE.finditer(clause):
            if not _names_people(norm, lo + m.end()):
                starts.append(lo + m.end())
        if text and offs is not None and lo < len(offs):
            olo, ohi = offs[lo], offs[min(hi, len(offs) - 1)]
            j = text.find(":", olo, ohi)
            while j >= 0 and _dateline_colon(text, j):
                j = text.find(":", j + 1, ohi)
            while j >= 0:   # a colon in the original text (normalising turned it into a space)
                k = bisect.bisect_left(offs, j + 1)
                while k < hi and norm[k] == " ":
                    k += 1
                if k < hi and not _names_people(norm, k) and not text[j - 1:j].isdigit():
                    starts.append(k)   # (not a time's: "12:20 — ...")
                j = text.find(":", j + 1, ohi)
    seen: set[tuple[int, int]] = set()
    for st in sorted(set(starts)):
        if st >= hi:
            continue
        items = _ar_list_items(norm, st, hi, text, offs)
        inner = [x for x in starts if items and items[0][0] < x < items[0][1]]
        if inner:   # "الجمعة 29 حزيران: أعلنت بلدات A وB": the list the colon opens starts at the place noun's
            items[0] = (inner[0], items[0][1])
        if st in duals:
            items = items[:2]
        elif len(items) > 2 and idx is not None and _unknown_after_comma(norm, items[-1], text, offs, idx):
            items = items[:-1]   # "على قرى الحميدية والقحطانية، وطلبت من سكانها": a verb after the list, no town
        items = [(a, b) for a, b in items if not _SITE_OF_A_TOWN_RE.match(norm, a, b)]
        # "على أحياء درعا البلد وبلدتي النعيمة وأم المياذن": a place noun opening an item is not its name
        items = [(a + len(w) + 1, b) if (w := norm[a:b].split(" ", 1)[0]) in _ITEM_NOUNS and " " in norm[a:b] else
                 (a, b) for a, b in items]
        if len(items) < 2 or any(it in seen for it in items):
            continue
        lid = lo * 1000 + st
        for s, e in items:
            seen.add((s, e))
            out.append(Mention(s, e, norm[s:e], "list", "ar", list_id=lid))


def _names_people(norm: str, st: int) -> bool:
    """The list starting at ``st`` names people: after "أسماؤهم:" or "والقتلى:", or after "وهم" when the words before
    it count people and no places are counted or named in the plural between them and "وهم"."""
    if _PERSONS_LIST_HEAD_RE.search(norm, max(0, st - 40), st):
        return True
    head = _THEY_HEAD_RE.search(norm, max(0, st - 12), st)
    if head is None:
        return False
    people = [p.end() for p in _PEOPLE_BEFORE_RE.finditer(norm, max(0, head.start() - 80), head.start())]
    return bool(people) and not _COUNTED_PLACES_RE.search(norm, people[-1] - 1, head.start())


def _unknown_after_comma(norm: str, item: tuple[int, int], text: str, offs: list[int] | None, idx: _Index) -> bool:
    """The list item after a comma and "و" is one word no place of the data is named or spelt like, or two such
    words that open with no place noun ("جاسم وإنخل ونوى، ونقل الجرحى": a verb after the list, no town)."""
    s, e = item
    if not text or offs is None or s < 2 or e - s < 2:
        return False
    if " " in norm[s:e]:
        words = norm[s:e].split()
        first = words[0][2:] if words[0].startswith("ال") else words[0]
        oe = offs[e - 1] + 1 if e - 1 < len(offs) else len(text)
        if len(words) != 2 or words[0] in _sets()["nouns"] or first in _SITE_STEMS or \
                (idx.has_ar and idx.ar.exists(words[0])) or idx.variant_ids(words[0]) or \
                not text[oe:oe + 2].strip()[:1].isalpha():
            return False   # (and the sentence goes on after it: a list's last name ends it, "... وأبو قرنين.")
    o = offs[s - 1] if norm[s - 1] == "و" else offs[s]   # (the "و" glued to the word, or the word)
    gap = text[max(0, o - 3):o]
    return ("،" in gap or "," in gap) and not (idx.has_ar and idx.ar.exists(norm[s:e])) and not idx.variant_ids(norm[s:e])


def _speaks_of_places(norm: str, lo: int, hi: int, clause: str, chain: bool) -> bool:
    """A list cue word in ``clause`` (``norm[lo:hi]``) or a chain of place nouns in it, ``chain`` telling
    whether ``_PLURAL_CHAIN_RE.finditer(norm, lo, hi)`` found one.

    The clause cut out is searched again only when its start cuts a word: the pattern's look-behind sees
    the text before ``lo`` in place and nothing in the clause cut out, and that is all that differs."""
    if not _LIST_CUES_AR.isdisjoint(clause.split()) or chain:
        return True
    return 0 < lo < hi and not norm[lo - 1].isspace() and bool(_PLURAL_CHAIN_RE.search(clause))


_AND_WORD_RE = re.compile(r" و(\S{3,})")


def _variant_after_and(norm: str, e: int, hi: int, idx: _Index, out: list[Mention], base: str, text: str,
                       offs: list[int] | None) -> None:
    """"بلدة X وY": Y, one word ending the phrase, is a second place when it is a calibrated spelling of a
    place the data holds (a name as written is found by the automaton; a verb after و is neither)."""
    m = _AND_WORD_RE.match(norm, e, hi)
    if not m:
        return
    nxt = norm[m.end():hi].split()[:1]
    ends = not nxt or nxt[0] in _AR_STOP_AFTER or _punct_limit(text, offs, m.start(1), hi) <= m.end()
    if ends and idx.variant_ids(m.group(1)):
        out.append(Mention(m.start(1), m.end(1), m.group(1), "cue", "ar", cue=base, cue_kind="noun"))


def _dateline_colon(text: str, j: int) -> bool:
    """The colon ends a dateline ("درعا - سانا:", "دمشق (شينخوا):"): a few words from the start of the
    line, with a dash or a bracket; what follows is the story, not a list."""
    line = text[text.rfind("\n", 0, j) + 1:j]
    return len(line.split()) <= 5 and any(c in line for c in "-–—(")


def _mentions_en(text: str, norm: str, offs: list[int], idx: _Index | None, olo: int, ohi: int) -> list[Mention]:
    """English mentions in ``text[olo:ohi]``; returned with normalised offsets."""
    def to_norm(a: int, b: int) -> tuple[int, int]:
        s = bisect.bisect_left(offs, a)
        e = bisect.bisect_left(offs, b)
        return s, e

    res: list[Mention] = []
    if idx is not None and idx.latin:
        for a, b, key in scan_gazetteer_en(text, idx, olo, ohi):
            s, e = to_norm(a, b)
            mm = Mention(s, e, key, "gazetteer", "en", orig_start=a, orig_end=b)
            res.append(mm)
    seg = text[olo:ohi]
    # "village of X", "town of X"
    for m in (_EN_NOUN_CUE_RE.finditer(seg) if may_contain_ci(seg, _EN_NOUN_CUE_WORDS) else ()):
        nm = _EN_NAME_RE.match(seg, m.end())
        if nm:
            a, b = olo + nm.start(), olo + nm.end()
            s, e = to_norm(a, b)
            res.append(Mention(s, e, latin_key(nm.group(0)), "cue", "en", cue=m.group(0).split()[0].lower(),
                               cue_kind="noun", orig_start=a, orig_end=b))
    # names after an event verb or a locative preposition: "seize control of Tal al-Jumua", "on Saham al-Golan and Jillin"
    for m in _EN_AFTER_VERB_RE.finditer(seg):
        items = [(a0, b0) for a0, b0 in _en_name_run(seg, m.end(), _EN_SEP_RE, stop=_en_stop_head)
                 if _road_ends(seg, a0, b0) != "road" and not _two_road_ends(seg, a0, b0)]
        #        (a local road's ends are found as gazetteer names, or as the road's two ends below)
        lid = olo * 1000 + m.start() + 3 if len(items) >= 2 else -1
        for a0, b0 in items:
            a, b = olo + a0, olo + b0
            s, e = to_norm(a, b)
            res.append(Mention(s, e, latin_key(seg[a0:b0]), "cue", "en", cue=m.group(1).lower(), cue_kind="prep",
                               list_id=lid, orig_start=a, orig_end=b))
    # a name opening the clause before what befell it: "Busra al-Harir, in the eastern countryside, fell to ..."
    if (sm := _EN_SUBJECT_NAME_RE.match(seg)) is not None and " al-" in sm.group("name").lower() and \
            sm.group("name").split()[0].lower() not in EN_FIRST_NAMES and not sm.group("name").startswith("Abu "):
        a, b = olo + sm.start("name"), olo + sm.end("name")
        s, e = to_norm(a, b)
        res.append(Mention(s, e, latin_key(sm.group("name")), "cue", "en", cue="subject", cue_kind="prep",
                           orig_start=a, orig_end=b))
    # "captured a string of villages on Sunday, including X and Y": the list the plural noun announced
    for m in (_EN_INCLUDING_RE.finditer(seg) if "including" in seg and _EN_PLURAL_PLACES_RE.search(seg) else ()):
        items = _en_name_run(seg, m.end(), _EN_LIST_SEP_RE, stop=_en_stop_head)
        lid = olo * 1000 + m.start() + 11
        for a0, b0 in items:
            a, b = olo + a0, olo + b0
            s, e = to_norm(a, b)
            res.append(Mention(s, e, latin_key(seg[a0:b0]), "list", "en", list_id=lid, orig_start=a, orig_end=b))
    # lists: "the villages of X, Y and Z"
    for m in (_EN_LIST_CUE_RE.finditer(seg) if may_contain_ci(seg, _EN_LIST_CUE_WORDS) else ()):
        if not m.group(0).rstrip().lower().endswith(("s", "of", "including", "as", ":")) and "of" not in m.group(0):
            continue
        items = _en_name_run(seg, m.end(), _EN_LIST_SEP_RE)
        if len(items) >= 2:
            lid = olo * 1000 + m.start() + 7
            for a0, b0 in items:
                a, b = olo + a0, olo + b0
                s, e = to_norm(a, b)
                res.append(Mention(s, e, latin_key(seg[a0:b0]), "list", "en", list_id=lid, orig_start=a, orig_end=b))
    # a local road's two ends: "the Izraa-Busra al-Harir road", "on the road of Da'el - Abtaa" (each end looked up,
    # by its spelling too; not a highway's far cities)
    for m in (_EN_ROAD_PAIR_RE.finditer(seg) if "road" in seg or "route" in seg else ()):
        lid = olo * 1000 + m.start() + 13
        for g in (("a", "b") if m.group("a") else ("c", "d")):
            a, b = olo + m.start(g), olo + m.end(g)
            s, e = to_norm(a, b)
            res.append(Mention(s, e, latin_key(m.group(g)), "cue", "en", cue="road", cue_kind="noun", list_id=lid,
                               orig_start=a, orig_end=b))
    _en_list_between_names(seg, olo, res, to_norm)
    return res


def _two_road_ends(seg: str, a: int, b: int) -> bool:
    """``seg[a:b]`` is a road's two ends joined by a hyphen ("Izraa-Busra al-Harir" before "road")."""
    pair = _EN_ROAD_PAIR_RE.match(seg, a) if "-" in seg[a:b] or "–" in seg[a:b] else None
    return pair is not None and pair.group("c") is not None and pair.end("d") == b


#: a road named by its two ends, joined by a dash (a hyphen between two names, not the article's "al-")
_EN_ROAD_END = r"(?:" + _EN_ARTICLE + r")?" + _EN_WORD + r"(?:\s(?:" + _EN_ARTICLE + r")?" + _EN_WORD + r"|-(?:al|el)-" + \
    _EN_WORD + r"){0,2}"
_EN_ROAD_PAIR_RE = re.compile(
    r"\broad\s+(?:of\s+|from\s+)?(?P<a>" + _EN_ROAD_END + r")\s*[-–—]\s*(?P<b>" + _EN_ROAD_END + r")(?![\w-])"
    r"|(?<![\w-])(?P<c>" + _EN_ROAD_END + r")\s*[-–—]\s*(?P<d>" + _EN_ROAD_END + r")\s+(?:road|route)\b")


def _en_list_between_names(seg: str, olo: int, res: list[Mention], to_norm) -> None:
    """"Saida, Um al-Mayadhen and Tafas were hit": a capitalised name the data does not hold as written, listed
    between two that it does, is a list item (found by its spelling later, or left unresolved)."""
    known = sorted((m.orig_start - olo, m.orig_end - olo) for m in res if m.source == "gazetteer")
    if len(known) < 2 or "," not in seg:
        return
    ends = {b for _, b in known}
    found = {(m.orig_start - olo, m.orig_end - olo) for m in res}   # (read already, after a cue)
    done = -1
    for a0, _b0 in known:
        if a0 < done or "," not in seg[a0:a0 + 60]:
            continue
        run = _en_name_run(seg, a0, _EN_LIST_SEP_RE, stop=_en_stop_head)
        if len(run) < 3 or run[-1][1] not in ends:
            continue
        done = run[-1][1]
        lid = olo * 1000 + a0 + 5
        for x, y in run[1:-1]:
            if y not in ends and (x, y) not in found:
                s, e = to_norm(olo + x, olo + y)
                res.append(Mention(s, e, latin_key(seg[x:y]), "list", "en", list_id=lid, orig_start=olo + x,
                                   orig_end=olo + y))


_EN_SEP_RE = re.compile(r"\s*(?:,\s*(?:and\s+|as\s+well\s+as\s+)?|\s+and\s+|\s+as\s+well\s+as\s+)")
_EN_LIST_SEP_RE = re.compile(r"\s*(?:,\s*(?:and\s+|as\s+well\s+as\s+)?|\s+and\s+|\s+as\s+well\s+as\s+|\s*&\s*)")


_DASH_OR_SPACE_RE = re.compile(r"[-\s]")


def _en_stop_head(name: str) -> bool:
    """A capitalised run that is not a place name: its head word (after an article) is a stop word."""
    first = _DASH_OR_SPACE_RE.split(name)
    if len(first) >= 2 and first[0].lower() in EN_FIRST_NAMES:
        return True      # a person: "opened fire on Adel Fawzi Masri"
    head = first[1] if first[0].lower() in ("al", "el", "ad", "ash", "as", "at", "az", "ar", "an") and len(first) > 1 else first[0]
    if all(w in EN_STOP and w not in _EN_STOP_BUT_PLACE for w in first if w):
        return True      # every word a stop word: "North Press", "Local Media", "Free Army"
    return head in EN_STOP and head not in _EN_STOP_BUT_PLACE and not (
        head in _EN_DIRECTION_HEADS and len(first) > 1 and first[-1][:1].isupper())


#: a capitalised place noun closing a name run ("the Sajna District", "Tafas Countryside") is not part of the name
#: the capitalised place nouns that close a name run; a name (which ends with a letter, so ``$`` is its end) that
#: ends with none of them keeps its length
_EN_GENERIC_TAILS = ("District", "Area", "Neighbourhood", "Neighborhood", "Quarter", "Countryside", "Province",
                     "Governorate", "Region")
_EN_GENERIC_TAIL_RE = re.compile(r"(?<=\w)\s+(?:" + "|".join(_EN_GENERIC_TAILS) + ")$")


def _en_name_run(seg: str, p: int, sep_re: re.Pattern, stop=None) -> list[tuple[int, int]]:
    """Spans of the capitalised names "X, Y and Z" starting at ``p`` (stopping at a non-name)."""
    items: list[tuple[int, int]] = []
    bare_comma = False
    while True:
        nm = _EN_NAME_RE.match(seg, p)
        if not nm or (stop is not None and stop(nm.group(0))) or (items and _province_named(seg, nm.start(), nm.end())):
            break     # (nor the province that locates the name before it: "near Nawa, Dar'a Governorate")
        if bare_comma and _EN_SPEAKER_TAIL_RE.match(seg, nm.end()):
            break     # "in the town of X, Enab Baladi correspondent said": who speaks, after a comma, no item
        name = nm.group(0)
        end = nm.start() + (len(_EN_GENERIC_TAIL_RE.sub("", name)) if name.endswith(_EN_GENERIC_TAILS) else len(name))
        items.append((nm.start(), end))
        if end < nm.end():
            break     # "the Daraa al-Balad District to ...": the place noun ends the name and the run
        noun = _EN_NOUN_AFTER_RE.match(seg, nm.end())   # "Tafas, Daraa city and Inkhil": the list goes on
        sep = sep_re.match(seg, noun.end() if noun else nm.end())
        if not sep:
            break
        bare_comma = sep.group(0).strip() in (",", "،")
        p = sep.end()
    return items


#: after a name: the lower-case words of who says it ("Enab Baladi correspondent said", "Horan Free League reported")
_EN_SPEAKER_TAIL_RE = re.compile(r"(?:\s+(?:[a-z][\w'’-]*))?\s+(?:said|says|told|reported|reports|added|stated)\b")


_LIST_GAP_RE = re.compile(r"\s*[،,]\s*(?:و\s?|and\s+|&\s*)?|\s+(?:و\s?|and\s+(?:(?:the\s+)?(?:nearby|neighbou?ring|adjacent)\s+)?|"
                          r"&\s*)"   # ("X and nearby Y": a second place; "X و Y": the و written apart)
                          r"|\s*[،,]?\s+و(?:بلد[ةه]|قري[ةه]|مدين[ةه]|بلدت[يى]|قريت[يى]|حي|مخيم)\s+")   # "X وبلدة Y"


#: what may open a line before a bulletin item's place: a dash or bullet, or an item number
#: (not a headline's "Daraa:"; and a local page's emoji bullet and hashtag: "🔹 #جاسم: حملة أمنية ...")
_HEADING_OPEN_RE = re.compile(r"[ \t]*(?:[-–—•*▪◾]|\d{1,2}[ \t]*[-.)–]|[^\w\s#:][\ufe0f]?)[ \t]*#?")
_HEADING_CLOSE_RE = re.compile(r"[ \t]*:")


def _heading(text: str, m: Mention) -> bool:
    """The name is a bulletin item's heading: the line opens with a dash or a number, then the name, then a colon
    ("- طفس: ...", "3) Jasim: ..."; not a headline's or a dateline's "Daraa: ...")."""
    line = text.rfind("\n", 0, m.orig_start) + 1
    # (or the name alone opening its line, a town's and not a governorate's: "طفس: خرجت مظاهرة ...", where "درعا:"
    # heads a dateline or a headline)
    return _HEADING_CLOSE_RE.match(text, m.orig_end) is not None and (
        _HEADING_OPEN_RE.fullmatch(text, line, m.orig_start) is not None or
        (not text[line:m.orig_start].strip() and m.name not in GOVERNORATE_KEYS and text[m.orig_end:m.orig_end + 1] == ":"
         and m.source == "gazetteer" and m.common != "strict"))   # (not "عاجل:", urgent)


#: "martyrs" in a unit's name (normalised or Latin-keyed): a faction named for its dead, not a base
_MARTYRS_RE = re.compile(r"martir|martyr|shuhada|shohada|شهدا")


def _annotate(text: str, norm: str, offs: list[int], ms: list[Mention], lo: int, sets: dict[str, set[str]]) -> None:
    """Fill offsets, cues, list ids, references, vetoes."""
    for m in ms:
        if m.lang == "ar" or not m.orig_end:
            m.orig_start, m.orig_end = orig_span(text, offs, m.start, m.end)
    _join_adjacent_lists(text, ms)
    for i, m in enumerate(ms):
        if m.lang == "ar":
            _annotate_ar(text, norm, ms, i, lo, sets)
        else:
            _annotate_en(text, ms, i, sets)
        if m.site in ("brigade", "battalion", "regiment", "company") and _MARTYRS_RE.search(m.name):
            m.veto = "an armed group's name"   # "the Yarmuk Martyrs Brigade", "كتيبة شهداء X": a faction, no base
        if ":" in text[m.orig_end:m.orig_end + 3] and _heading(text, m):
            m.cue, m.cue_kind = "heading", "noun"   # "- طفس: مجهولون يطلقون النار ...": a bulletin item's place
            if m.veto == "person name":
                m.veto = ""
    _unlist_lone_places(ms)
    for i, m in enumerate(ms):
        if m.near and i > 0 and not m.veto and any(   # a word that is not a place locates nothing
                p.supported and not p.admin and not p.veto and 0 <= m.orig_start - p.orig_end <= 40 and
                # (a home locates a place right after it, not one an act is told at: "two men from X, near Y" is
                # X near Y; "a man who hails from X, dumped near Y" was found near Y)
                (not p.reference or _NEAR_RIGHT_AFTER_RE.match(text, p.orig_end, m.orig_start) is not None) and
                "motorway" not in p.notes and not _EN_ROAD_AFTER_RE.match(text, p.orig_end) and
                not _EN_ROAD_WORD_RE.search(text, p.orig_end, m.orig_start) and   # ("the A-B road near Y": Y places it)
                not _AR_SECOND_END_RE.search(text, max(0, p.orig_start - 40), p.orig_start) and
                not (_AR_ROAD_BEFORE_RE.search(text, max(0, p.orig_start - 16), p.orig_start) and
                     _DASH_AFTER_RE.match(text, p.orig_end)) and
                not _AND_BETWEEN_RE.search(text, p.orig_end, m.orig_start) for p in ms[:i]):
            m.reference = True     # "X near Y": Y locates X, it is not a second event place (but "the Damascus
            #                        highway near Y": a road named by a far city is placed by Y)
    _join_road_ends(text, ms)
    lists: dict[int, list[Mention]] = {}
    for m in ms:
        if m.list_id >= 0:
            lists.setdefault(m.list_id, []).append(m)
    for group in lists.values():
        if group[0].admin:
            for m in group:
                m.admin = True
        if group[0].reference and group[0].notes:
            for m in group[1:]:   # "باستثناء نوى وجاسم", "residents of X and Y": the whole list
                m.reference = True
                m.notes.extend(group[0].notes)
    # foreign names vetoed by position too: any Arabic foreign phrase overlapping a mention
    by_word: dict[str, list[str]] = _derived()["foreign_by_word"]  # type: ignore[assignment]
    for m in ms:
        if m.lang == "ar" and not m.veto:
            for f in by_word.get(m.name.split()[0] if m.name else "", ()):
                if m.name in f and f in norm[max(0, m.start - 12):m.end + 12]:
                    m.veto = "foreign"
                    break


#: a local road named by its two ends (a motorway's name is two cities a hundred km apart: not its places)
_ROAD_NOUNS = {"طريق", "الطريق", "محور"}   # (and a front's axis by its two ends: "على محور عقربا – كفرشمس")
_DASH_GAP_RE = re.compile(r"\s*[-–—]\s*")


def _join_road_ends(text: str, ms: list[Mention]) -> None:
    """"طريق طفس – داعل", "the Nawa-Tafas road": the two ends of a road are one list, the second taking the first's
    cue."""
    for a, b in zip(ms, ms[1:]):
        if (a.lang == "ar" and a.cue.lstrip("وفبل") in _ROAD_NOUNS and b.veto in ("", "person name") and
                _DASH_GAP_RE.fullmatch(text[a.orig_end:b.orig_start])) or (
                a.lang == "en" and text[a.orig_end:b.orig_start] == "-" and b.veto in ("", "person name") and
                (road := _EN_ROAD_AFTER_RE.match(text, b.orig_end)) is not None and road.group("long") is None):
            # (and "the Nawa-Tafas road": the second end takes the first's cue; a name after the dash is no
            # person's: "طريق درعا – عتمان دون إصابات"; a motorway's other end is one too: "طريق دمشق – درعا الدولي")
            b.veto = a.veto if a.veto == "a motorway's end" else ""
            if not b.cue:
                b.cue, b.cue_kind = a.cue, a.cue_kind
            if a.list_id < 0:
                a.list_id = 10**9 + a.start
            b.list_id = a.list_id


#: the head of a name that locates the name before it, after a comma ("الصنمين، شمال درعا،", "Nawa, western Daraa")
_LOCATOR_HEAD_RE = re.compile(r"(?:شمال|جنوب|شرق|غرب|ريف|محافظ[ةه]|north|south|east|west)\w*\s", re.I)
#: ... or a province named as such after it: its word ends the name ("Nawa, Dar'a Governorate") or follows it ("Jasim,
#: Daraa province, on November 11")
_PROVINCE_TAIL_RE = re.compile(r"\s(?:governorate|province)$", re.I)
_PROVINCE_AFTER_RE = re.compile(r"\s+(?:governorate|province)\b", re.I)


def _province_named(text: str, a: int, b: int) -> bool:
    """``text[a:b]`` is a province named as such, its word in the name or right after it."""
    return _PROVINCE_TAIL_RE.search(text, a, b) is not None or _PROVINCE_AFTER_RE.match(text, b) is not None


def _unlist_lone_places(ms: list[Mention]) -> None:
    """A list joined only by its separators (:func:`_join_adjacent_lists`) whose other names are all vetoed is no
    list: its one place keeps its own toll ("استشهد شاب بقصف على X، الله يرحمه")."""
    by: dict[int, list[Mention]] = {}
    for m in ms:
        if m.list_id >= 10**9:
            by.setdefault(m.list_id, []).append(m)
    for members in by.values():
        kept = [m for m in members if not m.veto]
        if len(kept) == 1 and len(members) > 1:
            kept[0].list_id = -1


def _join_adjacent_lists(text: str, ms: list[Mention]) -> None:
    """Names separated only by a comma, "و" or "and" belong to one list (not a region that locates the name
    before it: "وفي مدينة الصنمين، شمال درعا، سقط ثلاثة شهداء")."""
    for a, b in zip(ms, ms[1:]):
        gap = text[a.orig_end:b.orig_start]
        if _LIST_GAP_RE.fullmatch(gap) and not (gap.strip() in ("،", ",") and (
                _LOCATOR_HEAD_RE.match(text, b.orig_start) or _province_named(text, b.orig_start, b.orig_end) or
                (b.lang == "ar" and b.name in _sets()["strict"]))):
            # (nor an everyday word after a comma: "على بلدة الشجرة، أبرز معاقل التنظيم" says what the town is)
            if a.list_id < 0 and b.list_id < 0:
                a.list_id = b.list_id = 10**9 + a.start
            elif a.list_id < 0:
                a.list_id = b.list_id
            elif b.list_id < 0:
                b.list_id = a.list_id


#: words shortly before a name that make it a place other than where the event happened (normalised)
_REF_CUES_AR: dict[str, tuple[str, ...]] = {
    "excepted": ("عدا", "ماعدا", "باستثناء", "سوي", "استثناء"),
    "origin": ("المنحدر", "المنحدره", "ينحدر", "تنحدر", "ينحدرون", "المنحدرين", "المتحدر", "يتحدر",
               # the dual and the plurals ("شابين ينحدران من بلدة X")
               "ينحدران", "تنحدران", "المنحدران", "المنحدرون", "المنحدرتين", "المنحدرات", "يتحدران", "يتحدرون",
               "تتحدر", "المتحدره", "المتحدرين", "المتحدرون",
               # the displaced and where they were displaced from ("منزل يؤوي عائلة نازحة من مدينة X")
               "نازح", "نازحه", "نازحين", "نازحون", "النازح", "النازحه", "النازحين", "النازحون", "المهجرين",
               "المهجره", "مهجره", "مهجرين"),
    "residence": ("يقيم", "تقيم", "المقيم", "المقيمه", "المقيمين", "يقطن", "تقطن", "يسكن", "تسكن", "القاطن"),
    "stationed": ("المتمركزه", "المتمركزين", "المتمركز", "المتواجده", "المتواجدين", "المنتشره", "تتمركز", "يتمركز"),
    "locator": ("الواقع", "الواقعه", "الكاين", "الكاينه",    # "اللواء الواقع في بلدة X": X locates the site,
                "المطل", "المطله", "المشرف", "المشرفه", "يطل", "تطل", "يشرف", "تشرف",   # and "التل المطل على X",
                "المودي", "الموديه"),   # "حواجز على الطريق المؤدي إلى X": where a road goes
    "heard": ("سمع", "سمعت", "يسمع", "تسمع", "سماع", "سمعه"),   # "الانفجار سُمع في بلدتي X وY": heard there
    "shelter": ("ايوا", "الايوا"),   # "توزيع العائلات على مراكز إيواء في مدينة X": where the displaced stay (ء
    #                                  is gone in normalised text)
}
_REF_KINDS = tuple(_REF_CUES_AR)
_ORIGIN_VERBS_AR = frozenset(_REF_CUES_AR["origin"])
_HEARD_AR = frozenset(_REF_CUES_AR["heard"])   # ("وسمع الانفجار في بلدتي X وY": the verb before what was heard)
_ORIGIN_KIND, _HEARD_KIND, _LOCATOR_KIND, _STATIONED_KIND = (_REF_KINDS.index(k) for k in (
    "origin", "heard", "locator", "stationed"))
#: "takes (X) as its base", before "من" (normalised)
_TAKES_AS_BASE_AR = frozenset(("يتخذ", "تتخذ", "يتخذون", "اتخذ", "اتخذت", "اتخذوا", "المتخذ", "المتخذه"))
#: a cue word -> the index in :data:`_REF_KINDS` of the first kind it is a cue of
_REF_CUE_KIND: dict[str, int] = {}
for _k, _cues in enumerate(_REF_CUES_AR.values()):
    for _w in _cues:
        _REF_CUE_KIND.setdefault(_w, _k)
#: where an aircraft or a missile came from ("أقلعت من مطار X", "أطلقت من X"): verbs that count only with "من"
_DEPARTURE_AR = {normalize_ar(w) for w in ("أقلعت", "أقلع", "المقلعة", "أطلقت", "أطلق", "أطلقها", "المطلقة",
                                           "انطلاقا", "أقلعتا", "قادما", "قادمين", "قادمه", "القادم", "القادمه",
                                           "القادمين", "القادمون", "قادمون",
                                           # "التعزيزات وصلت من بلدتي X وY": where they set out
                                           # (not "انطلقت": protests that started from X took place there)
                                           "وصلت", "وصل", "وصلوا", "جاءت",
                                           # "معظم المهاجمين قدموا من بلدات X وY": where the attackers came from
                                           "قدموا", "قدمت", "جاؤوا", "أتوا",
                                           # "اشتباكات مع مجموعات مسلحة فرت من X": where the fighters had fled from
                                           # (not "الفارين من الخدمة في بلدة X": deserters, settled there)
                                           "فرت", "فروا", "هربت", "هربوا",
                                           # "وصلت القوات إلى X بعد تقدمها من بلدة Y": where its advance set out
                                           "تقدمها", "تقدمه", "تقدمهم", "قدومها", "قدومه", "قدومهم")}
#: kinds of reference that give way when they are the only place a sentence names ("a woman residing in X
#: was shot": X is where it happened; "عبوة على الطريق الواقع بين بلدتي X وY": no site there for X to locate)
WEAK_REFERENCES = ("origin", "residence", "motorway", "seat", "locator", "heard")
#: bodies before "في" and the name of their seat ("عضو اللجنة المركزية في X", "مدير المكتب الإغاثي في X"),
#: normalised; the seat gives way to the places where the event happened
_BODY_AR = frozenset(("اللجنه", "لجنه", "المجلس", "مجلس", "فرع", "مكتب", "المكتب", "مديريه", "قياده", "نقابه",
                      "محكمه", "بلديه", "البلديه"))
_BODY_ADJ_AR = frozenset(("المركزيه", "المحلي", "المحليه", "الامني", "الامنيه", "العسكري", "العسكريه", "الاغاثي",
                          "الطبي", "الاعلامي", "التنفيذي", "المدني",
                          # a directorate's field: "وفق مديرية الصحة في X"
                          "الصحه", "التربيه", "الاوقاف", "الزراعه", "الاعلام", "التوثيق", "الاحوال", "الخدمات"))
_CASUALTY_MOVE_AR = {"اسعاف", "اسعافه", "اسعافهم", "اسعافها", "اسعافهما", "نقل", "نقله", "نقلهم", "نقلها", "نقلهما",
                     # and detainees led away: "اقتيد المعتقلون إلى مقر الفرع في مدينة X"
                     "اقتيد", "اقتيدوا", "اقتادت", "اقتادوا", "اقتاد", "اقتياد", "اقتيادهم", "اقتياده",
                     "نقلت", "نقلوا", "اسعفوا", "اسعف", "يسعف", "ادخال", "ادخاله", "ادخالهم", "ادخالها", "ادخالهما"}
_SOURCE_AR = {"مصدر", "مصادر", "مراسل", "المراسل", "ناشط", "ناشطون", "الناشط", "ناشطين", "مصدرا", "شبكه", "تنسيقيه",
              "محافظ", "مسؤول", "قيادي", "مراسله", "مراسلنا"}
_ADJ_AFTER_COMMON = {"الثوري", "الثوريه", "الشعبي", "الشعبيه", "السلمي", "السلميه", "المسلح", "المسلحه", "الامني",
                     "العسكري", "السياسي", "الاقتصادي", "الاجتماعي", "المدني", "الاحتجاجي",
                     # "السياج الحدودي", "الخط الفاصل": a border's fence or line, not a village of that name
                     *(normalize_ar(w) for w in ("الحدودي", "الحدودية", "الفاصل", "الفاصلة", "الشائك", "الترابي",
                                                 "الترابية", "الإسمنتي", "الرئيسي", "الرئيسية", "الدولي", "الدولية"))}
#: adjectives of quality that take a definite noun: "مجهول الهوية" (of unknown identity), "مجهولة المصدر",
#: "مجهول المصير", "معروف الهوية" (the noun is no place)
_QUALITY_ADJ_AR = {normalize_ar(w) for w in ("مجهول", "مجهولة", "مجهولي", "مجهولو", "مجهولين", "مجهولون", "مجهولات",
                                             "مجهولا", "مجهولان", "مجهولتا", "مجهولتي", "مجهولتان", "مجهولتين",
                                             "معروف", "معروفة", "معروفي", "معلوم", "معلومة")}
#: armed nouns an adjective follows: "الطائرات الحربية", "القوات الحكومية" (the adjective is no village)
#: a prayer or its call: the name after it is the hour ("صلاة الظهر", "أذان المغرب", "صلاتي العصر والمغرب")
_PRAYER_AR = frozenset(normalize_ar(w) for w in ("صلاة", "صلاتي", "وصلاة", "بصلاة", "أذان", "اذان", "آذان"))
#: a motorway named by its two end cities ("طريق درعا - عمان الدولي", "أوتوستراد دمشق - درعا"): the name after "طريق"
#: and the dash and the other end, with "الدولي"/"السريع"/"القديم" after it, or after "أوتوستراد"
_AR_ROAD_BEFORE_RE = re.compile(r"(?:طريق|الطريق|أوتوستراد|اوتوستراد|اتوستراد)\s+$")
#: a dash right after a name, and another word: the name is a road's first end ("أوتوستراد دمشق - درعا")
_DASH_AFTER_RE = re.compile(r"\s*[-–]\s*\S")
#: a road's first end and its dash right before a name: the name is the road's second end ("أوتوستراد دمشق - درعا قرب
#: X": X places the road, the road's far ends place nothing)
_AR_SECOND_END_RE = re.compile(r"(?:طريق|الطريق|أوتوستراد|اوتوستراد|اتوستراد)\s+\S+(?:\s\S+)?\s*[-–]\s*$")
#: the verb of a town that saw an event, right after its name ("وكانت جاسم (قد) شهدت مواجهات"), normalised
_SAW_AFTER_RE = re.compile(r"\s(?:قد\s)?(?:شهدت|تشهد)(?!\S)")
#: a road's first end and the dash before its other end ("طريق الرواضي – ")
_AR_ROAD_OTHER_END_RE = re.compile(r"(?<!\S)[وفبع]?(?:ال)?طريق\s+\S+(?:\s\S+)?\s*[-–—]\s*$")
_AR_MOTORWAY_END_RE = re.compile(r"\s*[-–]\s*\S+(?:\s\S+)?\s+(?:الدولي|الدولية|السريع|القديم)(?!\S)")
_ADJ_HEADS_AR = {normalize_ar(w) for w in (
    "الطائرات", "الطائرة", "الطيران", "المقاتلات", "المروحيات", "الطوافات", "القوات", "الميليشيات", "المليشيات",
    "الفصائل", "الأجهزة", "السلطات", "الدوريات", "الدورية", "المدفعية", "الصواريخ", "الغارات", "الجماعات",
    "العناصر", "الوحدات", "المخابرات", "الاستخبارات", "الفرقة", "الكتائب", "الحكومة", "الجيش", "الشرطة",
    "الدبابات", "الآليات", "المدرعات", "الأسلحة", "أسلحة", "أسلحتهم", "أسلحتها", "أسلحته", "السلاح", "سلاحهم",
    "الذخائر", "ذخائر", "القذائف", "العبوات")}


def _noun_cue(pw: str, prev: list[str], clitic: str, sets: dict[str, set[str]]) -> bool:
    """The word before a name is a place noun that names it ("بلدة X", "لبلدة X", a village page's "عطريق X"), not a
    count of places ("12 بلدة جديدة") nor a noun with a preposition glued to the name after it ("أصيب مزارع بجروح": a
    farmer, wounded)."""
    return (pw in sets["nouns"] or (pw[:1] in "وفبلع" and pw[1:] in sets["nouns"])) and \
        not (len(prev) > 1 and prev[-2].isdigit() and not _numbered_unit(prev[:-2])) and not clitic.endswith(("ب", "ل"))


#: units and posts named by a number ("اللواء 52", "الفوج 175", "النقطة 4"; normalised): the number is the name's
_NUMBERED_UNITS_AR = frozenset(normalize_ar(w) for w in (
    "اللواء", "لواء", "الفوج", "فوج", "الفرقة", "فرقة", "الكتيبة", "كتيبة", "السرية", "سرية", "النقطة", "نقطة",
    "المحرس", "محرس"))


def _numbered_unit(words: list[str]) -> bool:
    """The words end with a unit's noun whose number comes next: "قصفت القوات من مواقعها في اللواء 52 بلدة X" names
    the brigade, then the town (not "52 towns")."""
    w = words[-1] if words else ""
    return w in _NUMBERED_UNITS_AR or (w[:1] in "وفبل" and w[1:] in _NUMBERED_UNITS_AR)


#: a town's parts, named with their side and then the town after "ل" ("الأحياء الشرقية لنوى", "المدخل الشمالي
#: لجاسم", "الأطراف الغربية للحراك": of Nawa, of Jasim, of al-Harak; normalised)
_TOWN_PARTS_AR = frozenset(normalize_ar(w) for w in (
    "الأطراف", "الأحياء", "الحي", "الحارة", "المدخل", "المداخل", "البوابة", "الجهة", "الجهات", "الضواحي",
    "المشارف", "الأراضي", "المزارع", "البساتين", "السهول", "الحقول", "التلال", "الكتل", "الأبنية"))


#: foreign names a name may be read on past (normalised, with the space after them)
_FOREIGN_HEADS = tuple(normalize_ar(w) + " " for w in ("تل أبيب", "تل ابيب"))
#: a place's people, named by the place after them (normalised): "أهالي X", "سكان X", "أبناء X" (whether X is their
#: home elsewhere or where they gather is :func:`_native_of`'s)
_PEOPLE_OF_AR = frozenset(normalize_ar(w) for w in ("أهالي", "أهل", "سكان", "أبناء", "وجهاء", "شباب"))


#: the nouns a town is named again by (normalised): "الأحياء الجنوبية للمدينة" is the town named before
_TOWN_NOUNS_AR = frozenset(normalize_ar(w) for w in ("المدينة", "البلدة", "القرية", "البلد", "المنطقة", "المخيم",
                                                     "الحي", "البلدات", "القرى", "المدن"))


def _side_of_town(prev: list[str]) -> bool:
    """The two words before a name glued to "ل" are a town's part and its side ("الأطراف الشرقية لـ")."""
    return len(prev) >= 2 and prev[-1] in _DIR_ADJ and (
        prev[-2] in _TOWN_PARTS_AR or (prev[-2][:1] in "وفبل" and prev[-2][1:] in _TOWN_PARTS_AR))


def _word_cue_ar(m: Mention, prev: list[str], clitic: str, sets: dict[str, set[str]]) -> None:
    """The cue the word before an Arabic name (or the clitic glued to it) gives it: a place noun, a town's part,
    its people, a preposition, a front."""
    pw = prev[-1] if prev else ""
    if _noun_cue(pw, prev, clitic, sets):   # "لبلدة X": of the town X
        m.cue, m.cue_kind = pw, "noun"
    elif clitic.endswith("ل") and _side_of_town(prev) and not _TOWN_NOUNS_AR & {m.name, "ا" + m.name}:
        #    "الأطراف الشرقية لنوى": the town's eastern edge (not "للمدينة": the town named before)
        m.cue, m.cue_kind = prev[-2], "noun"
    elif pw.lstrip("و") in _PEOPLE_OF_AR and not clitic:
        m.cue, m.cue_kind = pw, "prep"   # "خرج أهالي X في مظاهرة": X's people, a place (a cue a common word
        #                                  with an adjective's meaning does not take: it needs a place noun)
    elif pw in sets["preps"] or (pw[:1] in "وف" and pw[1:] in sets["preps"]) or clitic.endswith("ب"):
        m.cue, m.cue_kind = pw or "ب", "prep"
    elif pw in _FRONT_AR and len(prev) >= 2 and prev[-2] in ("علي", "في", "وعلي", "وفي", "الي"):
        m.cue, m.cue_kind = pw, "prep"   # "اشتباكات على محور X", "على جبهة X": the fighting at X (and "تعزيزات
        #                                 إلى جبهة X": where they went)


def _annotate_ar(text: str, norm: str, ms: list[Mention], i: int, lo: int, sets: dict[str, set[str]]) -> None:
    m = ms[i]
    prev7 = _prev_words(norm, m.start, 7, lo)   # (the reference rules read up to seven words back)
    prev = prev7[-4:]
    pw = prev[-1] if prev else ""
    # clitic glued to the name: "بنوى" -> preposition cue
    clitic = norm[_word_start(norm, m.start):m.start]
    if not m.cue:
        _word_cue_ar(m, prev, clitic, sets)
    if not m.cue and _SAW_AFTER_RE.match(norm, m.end):
        m.cue, m.cue_kind = "شهدت", "prep"   # "وكانت الصنمين شهدت مواجهات": the town that saw the event
    if not m.cue and "طريق" in text[max(0, m.orig_start - 40):m.orig_start] and \
            _AR_ROAD_OTHER_END_RE.search(text, max(0, m.orig_start - 40), m.orig_start) and \
            norm[m.end:m.end + 8].split()[:1] not in (["الدولي"], ["السريع"]):
        m.cue, m.cue_kind = "طريق", "noun"   # "طريق الرواضي – بريقة": a road's other end, the first one unknown
    pw_bare = pw[1:] if pw[:1] in "وبلف" and pw[1:] in ("ريف", "ريفي", "محافظه", "محافظتي", "ارياف") else pw
    if pw_bare in ("ريف", "ريفي", "محافظه", "محافظتي", "ارياف") or _countryside_of(prev, clitic, sets):
        m.admin = True
    if pw in ("قرب", "بقرب") or " ".join(prev[-2:]) in ("بالقرب من", "على مقربه", "مقربه من", "على اطراف"):
        m.near = True
    # (up to seven words back: "مقاتل من الكتائب الإسلامية من بلدة X", "انسحبت باتجاه نقطتها في X")
    _ar_reference(m, prev7, sets, norm)
    word = m.name if " " not in m.name else ""
    if word in sets["strict"] or (word and not word.startswith("ال") and ("ال" + word) in sets["strict"]) or \
            (word.startswith("ال") and word[2:] in sets["strict"]) or \
            (clitic.endswith("ل") and "ا" + word in sets["strict"]):   # "المعارك العنيفة": an adjective; "للثورة"
        m.common = "strict"
    elif word in sets["person"] or m.name in sets["person"]:
        m.common = "person"
    elif word and m.source == "gazetteer":
        m.common = "person"   # a single word: needs a cue word, a trigger right before it, or a list
    if m.name in sets["foreign"] or m.name.startswith(_FOREIGN_HEADS):
        m.veto = "foreign"   # (and "تل أبيب إنها", a name read on past Tel Aviv)
    if _OUTLET_24_RE.match(text, m.orig_end):
        m.veto = "an outlet's name"   # "بحسب شبكة درعا 24", "أفادت السويداء 24": the news page, not the place
    if ("-" in text[m.orig_end:m.orig_end + 3] or "–" in text[m.orig_end:m.orig_end + 3]) and \
            _AR_MOTORWAY_END_RE.match(text, m.orig_end) and _AR_ROAD_BEFORE_RE.search(text, max(0, m.orig_start - 16),
                                                                                     m.orig_start):
        m.veto = "a motorway's end"   # "طريق درعا - عمان الدولي": two cities far apart name the road
    if word and m.source in ("gazetteer", "list") and m.cue_kind != "noun" and word[:2] == "ال" and \
            word[2:] in _FACILITY_NOUNS:
        m.veto = "a facility noun alone"   # "والكتيبة الملاصقة لها": which battalion is not said
    nxt = norm[m.end:m.end + 30].split()
    if word.startswith("ال") and not m.cue and m.list_id < 0 and (_adj_head(pw) or (
            clitic == "و" and pw.startswith("ال") and len(prev) >= 2 and _adj_head(prev[-2]))):
        m.veto = "an adjective"            # "قصفت الطائرات الحربية": the war planes, not al-Harbiyah;
        #                                    "أسلحتهم الخفيفة والمتوسطة": light and medium weapons
    if word in ("التل", "التله") and m.cue_kind != "noun" and nxt and nxt[0].startswith("ال"):
        m.veto = "a hill"                  # "مقر اللواء والتل الشمالي": the northern hill, not the town of al-Tall
    elif word == "الحاره" and m.cue_kind != "noun" and nxt and nxt[0] in _DIR_ADJ:
        m.veto = "a quarter"               # "بالحارة الغربية بالحراك": a town's western quarter, not al-Hara
    if word.startswith("ال") and m.cue_kind != "noun" and pw in _QUALITY_ADJ_AR and not clitic.endswith(("ب", "ل")):
        #                                  (not "برصاص مجهولين بالمزيريب": the glued "ب" places the shooting)
        m.veto = "an attribute"            # "جثة رجل مجهول الهوية": of unknown identity, not the village al-Huwayyah
    if word in _TIME_OF_DAY_AR and m.cue_kind != "noun" and nxt and (nxt[0] in _DAY_AFTER_AR or pw == "بعد"):
        m.veto = "a time of day"           # "ظهر أمس", "بعد ظهر الثلاثاء": noon, not the village of Zahr
    if pw == "ردع" and m.cue_kind != "noun":
        m.veto = "an operation's name"     # "معركة ردع العدوان" (December 2024): deterring the aggression, no village
    elif word == "العدوان" and m.cue_kind != "noun":
        m.veto = "the aggression"          # "تنديداً بالعدوان", "صواريخ العدوان": a stock phrase of state media and
        #                                    protests; the village is written without the article ("بلدة عدوان")
    if word in _GOD_AR and m.cue_kind != "noun":
        m.veto = "a prayer"                # "استشهد شاب بقصف على X، الله يرحمه": God, not a village of that name
    if word.startswith("ال") and m.cue_kind != "noun" and pw in _PRAYER_AR:
        m.veto = "a prayer's hour"         # "بعد صلاة الظهر", "قبيل أذان المغرب": noon, sunset; no village
    if word and m.cue_kind != "noun" and m.list_id < 0 and nxt and nxt[0] in _ADJ_AFTER_COMMON:
        m.veto = "common noun"             # "الحراك الثوري" is the revolutionary movement, not al-Harak
    # person: "بشار الأسد", "الرئيس الأسد"; a known first name followed by another name-like word.
    # Not a known place joined by "و": "جاسم وطفس" is a town and another town (a family name takes no conjunction;
    # after a comma, "جاسم، وبدأ", a new clause may begin)
    if pw in sets["titles"] and m.cue_kind != "noun" and \
            not (clitic.startswith("و") and m.source == "gazetteer" and _joined_by_and(text, m.orig_start)) and \
            not (m.list_id >= 0 and m.source == "gazetteer" and "،" in text[max(0, m.orig_start - 4):m.orig_start]
                 and _named_list(ms, m)):
        m.veto = "person name"   # (but "مدن نوى، جاسم، وداعل": the last of a list, after a comma)
    elif m.common == "person" and m.cue_kind != "noun" and m.list_id < 0:
        if nxt and nxt[0] not in _AR_STOP_AFTER and not nxt[0].startswith(("و", "ب", "ل", "ف")) and \
                nxt[0] not in sets["preps"] and not any(ch.isdigit() for ch in nxt[0]) and m.cue_kind != "prep":
            m.veto = "person name"


#: God's name, written as it is in a prayer or a formula after a death ("الله يرحمه", "رحمه الله", "والله"): a place
#: only after a place noun
_GOD_AR = frozenset(("الله", "والله", "بالله", "لله"))


def _named_list(ms: list[Mention], m: Mention) -> bool:
    """``m``'s list is one of places: three names or more, or one with a place noun ("مدن نوى، جاسم، وداعل"), not a
    name and the verb of a new clause ("جاسم، وبدأ")."""
    members = [x for x in ms if x.list_id == m.list_id]
    return len(members) >= 3 or any(x.cue.lstrip("وفبل") in _PLURAL_PLACE_NOUNS_AR for x in members if x is not m)


#: the plural and dual place nouns that announce a list (normalised): "بلدات X، Y"
_PLURAL_PLACE_NOUNS_AR = frozenset(normalize_ar(w) for w in (
    "مدن", "المدن", "بلدات", "البلدات", "قرى", "القرى", "بلدتي", "قريتي", "مدينتي", "أحياء", "الأحياء"))


def _adj_head(w: str) -> bool:
    """``w`` is an armed noun an adjective follows, with or without a clitic ("بالأسلحة الخفيفة والمتوسطة")."""
    return w in _ADJ_HEADS_AR or (w[:1] in "وفبل" and w[1:] in _ADJ_HEADS_AR)


def _joined_by_and(text: str, at: int) -> bool:
    """The word at ``at`` in ``text``, its "و" glued before it, follows the word before with only a space between
    (no comma, full stop or bracket)."""
    j = at - 1
    while j >= 0 and unicodedata.category(text[j])[0] in "LM":   # back over the clitic (and its harakat)
        j -= 1
    k = j
    while j >= 0 and text[j].isspace():
        j -= 1
    return k > j >= 0 and unicodedata.category(text[j])[0] in "LM"


def _countryside_of(prev: list[str], clitic: str, sets: dict[str, set[str]]) -> bool:
    """"الريف الغربي لمدينة درعا", "الريف الشمالي لدرعا": the countryside of X, an area around X, not X."""
    ws = list(prev[-3:])
    if ws and not clitic.endswith("ل") and ws[-1][:1] == "ل" and ws[-1][1:] in sets["nouns"]:
        ws = ws[:-1]                       # "لمدينة": of the city
    elif not clitic.endswith("ل"):
        return False
    return len(ws) >= 2 and ws[-1] in _DIR_ADJ and ws[-2].lstrip("وف") in ("الريف", "ريف", "الارياف")


def _moved_ar(m: Mention, bare: list[str], sets: dict[str, set[str]], norm: str) -> str:
    """The kind of reference a name is as the far end of a movement, or "": where fire, an attack or reinforcements
    came from, where a force withdrew to, where an advance to come is going."""
    # (and "انطلاقاً من مواقعها قرب مدينة X": its posts near the place it fired from)
    last = bare[-6:]
    to = max((k for k, w in enumerate(last) if w in ("الي", "نحو", "باتجاه")), default=-1)
    if "من" in bare and any(a in _DEPARTURE_AR and b == "من" for a, b in zip(last[to + 1:], last[to + 2:])) and \
            "وصولا" not in norm[m.end:m.end + 50]:   # (not "انطلاقاً من X وصولاً إلى Y": from end to end)
        return "where it came from"   # the target is the event place, not the launch site (nor "القادمين من X إلى
        #                               Y": where they were going, after it)
    if len(bare) >= 2 and (bare[-2:] in _FROM_SIDE_AR or (bare[-1] in sets["nouns"] and bare[-3:-1] in _FROM_SIDE_AR)):
        return "where it came from"   # "اقتحمت الوحدات بلدة X من جهة Y", "التسلل من جهة حي Y"
    lo40, lo60 = max(0, m.start - 40), max(0, m.start - 60)   # ("ستفتح الطريق أمام تقدم الفصائل نحو مدينة X")
    if ("لل" in norm[lo40:m.start] or "طريق" in norm[lo60:m.start]) and _PURPOSE_GOAL_AR_RE.search(norm, lo60, m.start):
        return "a goal"   # "ما يفتح الطريق أمام الفصائل للتقدم نحو بلدة X": where they mean to go
    if _PURPOSE_GATE.possible(norm[lo60:m.start]) and _PURPOSE_AR_RE.search(norm, lo60, m.start):
        return "a goal"   # "اشتباكات لمنع تقدم التنظيم نحو بلدة Y", "رتل في طريقه لتعزيز مواقع النظام في Y"
    if "مشارف" in bare[-3:] and _OUTSKIRTS_REACHED_AR_RE.search(norm, lo40, m.start):
        return "a goal"   # "ليصبح الثوار على مشارف مدينة X": where the advance has reached, no act there
    lo90 = max(0, m.start - 120)
    if ("من" in bare[-4:] or "ومن" in bare[-2:]) and _REINFORCED_FROM_GATE.possible(norm[lo90:m.start]) and \
            _REINFORCED_FROM_AR_RE.search(norm, lo90, m.start):
        return "where it came from"   # "استقدمت تعزيزات إلى X من مدينة Y ومن بلدة Z": Y and Z sent them
    if _withdrew_to_ar(bare, sets):
        return "where they withdrew to"   # "اعتقلت شابين ثم انسحبت باتجاه X": the arrest was not at X
    lo_fled = max(0, m.start - 90)
    if _FLED_TO_GATE.possible(norm[lo_fled:m.start]) and _FLED_TO_AR_RE.search(norm, lo_fled, m.start):
        return "where they fled to"   # "ونزحت عشرات العائلات من حي X إلى حي Y وبلدة Z", "إلى النزوح نحو بلدة Y"
    return ""


def _cue_kinds(bare: list[str]) -> list[int]:
    """The kinds of :data:`_REF_CUES_AR` the words before a name are cues of: one of the last three words; else an
    origin's verb among the last seven before "من" ("ويتحدر عدد من الشهداء من بلدات X"), a hearing before "في"
    ("وسمع الانفجار في X"), or a road "الواصل" to the name ("الطريق الواصل إلى X", as "المؤدي"; not "الواصل بين A
    وB", a road at both)."""
    last3 = bare[-3:]
    kinds = [_REF_CUE_KIND[w] for w in last3 if w in _REF_CUE_KIND]
    if kinds:
        return kinds
    if "من" in bare[-2:] and not _ORIGIN_VERBS_AR.isdisjoint(bare[-7:-2]):
        return [_ORIGIN_KIND]
    if "من" in bare[-2:] and not _TAKES_AS_BASE_AR.isdisjoint(bare[-5:-1]):
        return [_STATIONED_KIND]   # "اللواء الذي يتخذ من مدينة X مقراً له": where a force is based
    if ("في" in last3 or "حتي" in last3) and not _HEARD_AR.isdisjoint(bare[-5:-2]):   # (or "... حتى مدينة X")
        return [_HEARD_KIND]
    return [_LOCATOR_KIND] if "بين" not in last3 and ("الواصل" in last3 or "الواصله" in last3) else []


def _ar_reference(m: Mention, prev: list[str], sets: dict[str, set[str]], norm: str = "") -> None:
    """Reference points: "جنوب (شرق) مدينة X", "باستثناء X", "المنحدر من X", "أسعف إلى مشفى X", "مصدر في X"."""
    d = _derived()
    dirs: frozenset[str] = d["dirs"]  # type: ignore[assignment]
    bare = [w[1:] if w[:1] in "وف" and len(w) > 3 else w for w in prev]
    if bare and (bare[-1] in dirs or (len(bare) > 1 and bare[-2] in dirs and bare[-1] in d["nouns_dirs"])):  # type: ignore[operator]
        m.reference = True   # "جنوب X", "وغرب مسجد X" (the "و" of a list glued to the word of direction)
        m.notes.append("direction")
        return
    if len(bare) >= 2 and bare[-1] == "في" and (bare[-2] in _BODY_AR or (
            len(bare) >= 3 and bare[-3] in _BODY_AR and bare[-2] in _BODY_ADJ_AR)):
        m.reference = True   # "عضو اللجنة المركزية في X": the body's seat, not where he was shot
        m.notes.append("seat")
        return
    kinds = _cue_kinds(bare)
    if kinds:
        m.reference = True
        m.notes.append(_REF_KINDS[min(kinds)])
        return
    if ("من" in bare[-2:] or not _OFFICE_OR_MEMBER_AR.isdisjoint(bare[-7:])) and _person_from(bare, sets) and \
            _EVACUATED_AR.isdisjoint(bare):   # ("إجلاء 400 مدني من قرية X": where they were taken out of)
        m.reference = True
        m.notes.append("origin")   # "قتل شاب من بلدة X برصاص مجهولين في مدينة Y": his home, not where he was shot
        return
    if "من" in bare[-2:] and _named_from(bare, sets):
        m.reference = True
        m.notes.append("origin")   # "والقتلى هم: محمد الزعبي من بلدة X": the dead man's home
        return
    if ("ابنا" in bare or "ابن" in bare or "ابنه" in bare or "اهالي" in bare or "سكان" in bare) and \
            _native_of(bare, sets):
        m.reference = True
        m.notes.append("origin")   # "شاب من أبناء بلدة X": where the victim comes from
        return
    if "قع" in norm[max(0, m.start - 60):m.start] and _ON_A_ROAD_AR_RE.search(norm, max(0, m.start - 60), m.start):
        # ("قع": in each of "الواقعة", "تقع", "يقع"; most names have none of them before)
        m.reference = True
        m.notes.append("locates a town")   # "بلدة X الواقعة على الطريق بين Y وZ": where X is, not events at Y, Z
        return
    if "مصدر" in norm[max(0, m.start - 50):m.start] and _FIRE_SOURCE_AR_RE.search(norm, max(0, m.start - 50), m.start):
        m.reference = True
        m.notes.append("where it came from")   # "قصف مصدره مواقع قوات النظام في بلدة X": X fired, not hit
        return
    if _fired_from_ar(norm, m.start, m.end):
        m.reference = True
        m.notes.append("where it came from")   # "قصفت القوات من مواقعها في X بلدة Y": X fired, Y was hit
        return
    # (not "فر المسلحون باتجاه بلدة X التي تعرضت لقصف عنيف": the place the next clause tells an event at)
    moved = "" if _UNDERWENT_AFTER_AR_RE.match(norm, m.end) else _moved_ar(m, bare, sets, norm)
    if moved:
        m.reference = True
        m.notes.append(moved)
        return
    if (len(bare) >= 1 and bare[-1] in ("الي", "لي")) or (len(bare) >= 2 and bare[-2] == "الي"):
        if any(w in _CASUALTY_MOVE_AR for w in bare[-4:]):
            m.reference = True
            m.notes.append("casualties taken there")
            return
    lo45 = max(0, m.start - 45)
    if _SOLIDARITY_AR_GATE.possible(norm[lo45:m.start]) and _SOLIDARITY_AR_RE.search(norm, lo45, m.start):
        m.reference = True
        m.notes.append("what a protest stood for")   # "مظاهرات في X تضامناً مع Y"
        return
    lo70 = max(0, m.start - 70)
    if _TAKEN_TO_HOSPITAL_GATE.possible(norm[lo70:m.start]) and _TAKEN_TO_HOSPITAL_AR_RE.search(norm, lo70, m.start):
        m.reference = True
        m.notes.append("casualties taken there")   # "ونقل الجرحى إلى المشفى الوطني في مدينة X"
        return
    if (m.site == "hospital" or "شفي" in norm[lo45:m.start]) and _DIED_IN_HOSPITAL_AR_RE.search(norm, lo70, m.start):
        m.reference = True
        m.notes.append("casualties taken there")   # "وتوفي اثنان منهم في مشفى X": where the wounded died
        return
    if bare and len(bare) >= 2 and (bare[-1] == "في" and any(w in _SOURCE_AR for w in bare[-4:-1]) or _source_in_town(bare) or (
            "مراسل" in norm[max(0, m.start - 50):m.start] and
            _CORRESPONDENT_IN_AR_RE.search(norm, max(0, m.start - 50), m.start)) or
            _NOTABLE_SAID_AR_RE.search(norm, max(0, m.start - 50), m.start)):
        m.reference = True
        m.notes.append("where the source is")


def _source_in_town(bare: list[str]) -> bool:
    """"مصادر محلية في مدينة X", "مصدر في بلدة X": a source and at most one word of it, "في", the place's noun (not
    "مصادر إطلاق القذائف في منطقة X": where the fire came from)."""
    return len(bare) >= 3 and bare[-1] in _sets()["nouns"] and bare[-2] == "في" and (
        bare[-3] in _SOURCE_AR or (len(bare) >= 4 and bare[-4] in _SOURCE_AR and bare[-3] in _SOURCE_ADJ_AR))


#: what a source is said to be (normalised): "مصادر محلية", "مصدر مطلع"
_SOURCE_ADJ_AR = frozenset(("محليه", "مطلعه", "مطلع", "ميدانيه", "ميداني", "خاصه", "خاص", "اهليه", "اهلي", "عسكريه",
                            "طبي", "طبيه", "رسمي", "رسميه", "حكومي", "حكوميه", "مقرب", "مقربه",
                            "عسكري", "امنيه", "امني", "اعلاميه", "اعلامي", "معارضه", "معارض", "حقوقيه", "حقوقي"))
#: a town's notable who speaks, up to the town (normalised): "وقال أحد وجهاء بلدة X لمراسل سانا إن ..."
_NOTABLE_SAID_AR_RE = re.compile(r"(?:^|\s)[وف]?(?:قال|قالت|افاد|اكد|اوضح|ذكر|صرح|اضاف|يقول)\s(?:احد\s)?(?:وجها|وجيه|شيوخ|"
                                 r"شيخ|مختار|مخاتير)\s(?:(?:ال)?(?:مدينه|بلده|قريه)\s)?$")
#: a correspondent and his outlet's name before "في" and a place (normalised): "مراسل شام إف إم في X"
_CORRESPONDENT_IN_AR_RE = re.compile(r"(?:^|\s)[وف]?(?:ال)?مراسل\S*\s(?:\S+\s){0,4}?في\s(?:(?:ال)?(?:مدينه|بلده|قريه)\s)?$")
#: casualties taken somewhere, up to where the place is said (normalised): "ونقلا إلى مشفى X" (a hospital named as a
#: site), and a few words before a name: "ونقل الجرحى إلى المشفى الوطني في مدينة X"
_TAKEN_TO_AR = r"(?:^|\s)[وف]?(?:نقل|اسعف|اسعاف|ادخال|ادخل)\S*\s(?:\S+\s){0,3}?(?:الي\s|لل?)(?:ال)?"
_TAKEN_TO_AR_RE = re.compile(_TAKEN_TO_AR + "$")
#: where the wounded or the displaced are taken (normalised): a hospital, field hospitals ("مشافٍ ميدانية"), a medical
#: point, a shelter, houses ("ونقل بعض الجرحى إلى منازل في بلدة X" for fear of arrest in the hospitals)
_CARE_AR = r"(?:مشفي|مستشفي|مشافي|مشاف|مستشفيات|نقطه\sطبيه|نقاط\sطبيه|مراكز\s(?:ال)?ايواء|مركز\s(?:ال)?ايواء|منازل|منزل|بيوت)"
_TAKEN_TO_HOSPITAL_AR_RE = re.compile(_TAKEN_TO_AR + _CARE_AR + r"\s(?:(?!وفي\s)\S+\s){0,4}?"
                                      # (and a second one: "... إلى المشفى الوطني في مدينة X وإلى مشافي مدينة Y"; not
                                      # "... إلى مستشفيات مدينة X. وفي بلدة Y": the next sentence's place)
                                      r"(?:[وف]?الي\s(?:ال)?" + _CARE_AR + r"\s(?:(?!وفي\s)\S+\s){0,2})?$")
_TAKEN_TO_HOSPITAL_GATE = gate(_TAKEN_TO_HOSPITAL_AR_RE)
#: the wounded who died in a hospital, up to its name or the hospital's noun (normalised)
_DIED_IN_HOSPITAL_AR_RE = re.compile(r"(?:^|\s)[وف]?(?:توفي|توفيت|توفيا|توفوا|فارق\S*\s(?:ال)?حياه|قضي|قضوا)\s(?:\S+\s){0,3}?"
                                     r"في\s(?:(?:ال)?(?:مشفي|مستشفي)\s(?:\S+\s){0,3})?$")
#: the town a protest stands with or demands something for, right before its name (normalised)
#: (and a sit-in's adjective, "وقفة تضامنية مع أبناء العشائر في X": the people it stands with, and where they are)
_SOLIDARITY_AR_RE = re.compile(r"(?:^|\s)(?:تضامنا|تضامن|التضامن|تضامنيه|نصره|مناصره)\s(?:مع\s|ل)?"
                               r"(?:(?:ال)?(?:اهالي|اهل|اهلنا)\s|(?:ال)?(?:ابنا|ابناء|عايلات|اسر|نازحين|مهجرين)\s"
                               r"(?:(?:ال)?\S+\s)?(?:في\s)?)?(?:(?:ال)?(?:مدينه|بلده|قريه|حي)\s)?$")
_SOLIDARITY_AR_GATE = gate(_SOLIDARITY_AR_RE)
#: a withdrawal's verb (normalised, without "و"/"ف") and the words of where to
_WITHDRAW_AR = frozenset(normalize_ar(w) for w in ("انسحبت", "انسحب", "انسحبوا", "تنسحب", "ينسحب", "انسحابها",
                                                   # the verbal noun: "أجبرها على الانسحاب باتجاه X"
                                                   "انسحاب", "الانسحاب", "بالانسحاب", "للانسحاب",
                                                   "انسحابه", "انسحابهم", "تراجعت", "تراجع", "انكفات",
                                                   # and a flight: "بعد فرار المسلحين باتجاه X"
                                                   "فرار", "فرارهم", "فر", "فروا", "هروب", "هروبهم", "هرب", "هربوا",
                                                   "لاذ", "لاذوا",
                                                   # and families' displacement: "نزوح عشرات العائلات باتجاه X"
                                                   "نزوح", "بنزوح", "نزحت", "نزح", "نزحوا", "تنزح", "ينزح"))
#: a force come to a town's outskirts as the result of its act (normalised, up to the name)
_OUTSKIRTS_REACHED_AR_RE = re.compile(
    r"(?:^|\s)[وفل]?(?:يصبح|تصبح|اصبح|اصبحت|اصبحوا|يصبحوا|بات|باتت|باتوا|صار|صارت|صاروا)\s(?:\S+\s){0,3}?علي\s"
    r"(?:مشارف|ابواب)\s(?:(?:ال)?(?:مدينه|بلده|قريه)\s)?$")
#: displacement's words (normalised, without "و"/"ف"): where people fled to is never the act's place
_DISPLACED_AR = frozenset(normalize_ar(w) for w in ("نزوح", "بنزوح", "نزحت", "نزح", "نزحوا", "تنزح", "ينزح", "تهجير",
                                                    "لجوء", "لجات", "لجا", "لجاوا"))
#: a purpose and its goal right before a name (normalised): "للتقدم نحو بلدة X" (not "تعزيزات لاقتحام مدينة X":
#: the reinforcements are massed there)
_PURPOSE_GOAL_AR_RE = re.compile(r"(?:^|\s)(?:[وف]?لل(?:تقدم|زحف)|[وف]?س?(?:تفتح|يفتح|فتح|فتحت|تمهد|يمهد|مهد|مهدت)\s"
                                 # ("تفتح الطريق أمام المعارضة نحو مدينة X": the way to X, a goal)
                                 r"(?:ال)?طريق(?:\s\S+){0,3}?)\s(?:نحو|باتجاه|صوب|الي)\s"
                                 r"(?:(?:ال)?(?:مدينه|بلده|قريه|بلدات|قري)\s)?$")
#: a purpose of defence, its verbal noun and up to four words, then the preposition of the place aimed at
#: (normalised): "لمنع تقدم التنظيم نحو بلدة"، "لتعزيز مواقع النظام في مدينة" (not "بهدف السيطرة على مدينة X": a
#: battle launched to take X is fought there, as the development set annotates it)
_PURPOSE_AR_RE = re.compile(r"(?:^|\s)(?:لمنع|لتعزيز)\s(?:\S+\s){0,4}?"
                            r"(?:علي|في|نحو|باتجاه|صوب|الي|بين)\s(?:(?:ال)?(?:مدينه|بلده|قريه|مدينتي|بلدتي|قريتي|بلدات|"
                            r"قري|حي|احيا)\s)?$")
_PURPOSE_GATE = gate(_PURPOSE_AR_RE)
#: reinforcements and where they came from (normalised), up to the place: "تعزيزات عسكرية إلى X من مدينة Y"
_REINFORCED_FROM_AR_RE = re.compile(r"(?:^|\s)[وفب]?(?:تعزيزات|استقدم\S*|ارسل\S*|ارسال|استقدام)\s(?:\S+\s){0,14}?"
                                    r"[وف]?من\s(?:(?:مقر|مواقع|قاعد|ثكن|نقاط)(?:ها|ه|هم)\s(?:في|ب)\s|مقر\s)?"   # "من مقرها في X", "من مقر X"
                                    r"(?:(?:ال)?(?:مدينه|بلده|قريه|مدينتي|بلدتي|قريتي|مدن|بلدات|قري)\s)?$")
_REINFORCED_FROM_GATE = gate(_REINFORCED_FROM_AR_RE)
#: a force's own posts, between where it withdrew to and the place (normalised): "باتجاه نقطتها في X"
_OWN_POSTS_AR = frozenset(("نقطتها", "نقطته", "نقاطها", "نقاطه", "مواقعها", "مواقعه", "قاعدتها", "قاعدته", "مقرها",
                           "مقره", "ثكنتها"))
#: times of the day a village may be named like, and the words of a day after them (normalised)
_TIME_OF_DAY_AR = frozenset(normalize_ar(w) for w in ("ظهر", "عصر", "فجر", "صباح", "مساء", "ظهيرة", "ليل", "ليلة",
                                                      "الظهر", "العصر", "الفجر"))
_DAY_AFTER_AR = TIME_AFTER_AR | frozenset(normalize_ar(w) for w in ("أمس", "اليوم", "يوم", "البارحة", "الأمس", "الغد"))
#: a relative clause after a name that tells what the place underwent (normalised): " التي تعرضت لقصف"
_UNDERWENT_AFTER_AR_RE = re.compile(r"\s(?:التي|الذي)\s(?:تعرضت|تعرض|شهدت|شهد|تشهد|يشهد|تتعرض|يتعرض)\s")
#: people fleeing, then up to eight words (who, from where) and where to, up to the name (normalised): "ونزحت
#: عشرات العائلات من حي X إلى"، "إلى النزوح نحو بلدة"، "فر مع عدد من عناصره باتجاه بلدة"
_FLED_TO_AR_RE = re.compile(
    r"(?:^|\s)[وف]?(?:ب|لل?)?(?:ال)?(?:نزوح|نزحت|نزح|نزحوا|تنزح|ينزح|فرار|فرارهم|فراره|فر|فرت|فروا|يفر|يفرون|هروب|"
    r"هروبهم|هرب|هربت|هربوا|يهربون)\s(?:\S+\s){0,8}?(?:الي|باتجاه|اتجاه|نحو|صوب)\s"
    # (and a town's edge: "فروا باتجاه الأطراف الغربية لمدينة X")
    r"(?:(?:ال)?(?:اطراف|مشارف|محيط|مداخل|مدخل|ضواحي)\s(?:ال\S+\s)?ل?)?"
    r"(?:(?:ال)?(?:بلده|بلدتي|بلدات|مدينه|مدينتي|مدن|قريه|قريتي|قري|حي|حيي|احيا|مخيم|منطقه|مناطق|ريف)\s)?$")
_FLED_TO_GATE = gate(_FLED_TO_AR_RE)
#: taking people out of a place (normalised, "و" cut): "إجلاء مدنيين من قرية X" names X as the evacuation's place
_EVACUATED_AR = frozenset(("اجلا", "باجلا", "لاجلا", "تهجير", "ترحيل", "اخلا", "اخراج"))
#: a front or an axis named by its town, after "على"/"في" (normalised): "على محور X", "على جبهة X"
_FRONT_AR = frozenset(("محور", "محاور", "جبهه", "جبهات"))
#: the side an attack came from, right before a name (normalised): "من جهة X", "من محور X"
_FROM_SIDE_AR = (["من", "جهه"], ["من", "اتجاه"], ["من", "محور"], ["من", "ناحيه"])
#: the words of where to (normalised): "إلى", "باتجاه", "نحو" ...
TOWARDS_AR = frozenset(("الي", "باتجاه", "اتجاه", "نحو", "صوب"))


def _withdrew_to_ar(bare: list[str], sets: dict[str, set[str]]) -> bool:
    """"ثم انسحبت (القوة) باتجاه (بلدة) X", "... باتجاه نقطتها في X": X is where a force withdrew to, after what it
    did elsewhere."""
    w = bare[-6:]
    if w[-1:] and w[-1] in sets["nouns"]:
        w = w[:-1]
    if len(w) >= 3 and w[-1] == "في" and w[-2] in _OWN_POSTS_AR:
        w = w[:-2]   # "باتجاه نقطتها في X"
    w = w[-5:]
    # (the bare words have lost a "و"/"ف" they start with: "فرار" is "رار" here; "نزوح عشرات العائلات باتجاه X": the
    # verb or its noun, and up to three words of who moved)
    return len(w) >= 2 and w[-1] in TOWARDS_AR and (
        any(x in _WITHDRAW_AR or "ف" + x in _WITHDRAW_AR for x in w[-4:-1]) or
        # "إلى نزوح آلاف الأشخاص، معظمهم إلى X": where the displaced went, past who and how many of them
        any(x in _DISPLACED_AR for x in bare[-8:-1]))


#: a town told where it lies, on the road between two others (normalised, up to the name): "الواقعة على الطريق
#: (الواصل) بين Y و", "التي تقع على طريق Y"
_ON_A_ROAD_AR_RE = re.compile(r"(?:^|\s)(?:ال)?(?:واقعه|واقع|تقع|يقع)\s(?:علي|عند|في)\s(?:ال)?(?:طريق|اوتستراد|اوتوستراد)"
                              r"(?:\s[^\s.،,؛]+){0,5}?\s(?:[^\s.،,؛]+\s)?و?$")
#: a quarter told as a part of its town, right before the town's name: "the old quarter of the city of X"
_EN_QUARTER_OF_RE = re.compile(r"\b(?:quarter|district|neighbou?rhood|part|suburbs?)\s+of\s+(?:the\s+)?(?:\w+\s+)?"
                               r"(?:city|town)\s+of\s+$", re.I)
#: a place's name then "24", the local outlets' way of naming themselves ("Daraa 24", "درعا 24"; not "24 hours")
#: (then a stop, the outlet's noun or its saying: not "وثق المرصد في درعا 24 قتيلاً", a count)
_OUTLET_24_RE = re.compile(r"[ \t]?(?:24|٢٤)(?!\d)[ \t]*(?:$|[)\].,،:؛\"'»”\n]|(?:website|page|network|news|channel|"
                           r"reported|said|says|told|إن|ان|أن|بأن|عن|الإخباري|الاخباري|الإخبارية|الاخبارية)\b)")
#: "مصدره" / "مصدرها" (its source) a few words before a name: where the fire came from (not past "على", "إلى": "قذائف
#: مصدرها مواقع المسلحين على بلدة X" fell on X)
_FIRE_SOURCE_AR_RE = re.compile(r"(?:^|\s)مصدر(?:ه|ها|هما)\s(?:(?!(?:علي|الي|باتجاه|نحو)\s)\S+\s){0,5}$")
#: a force's positions a place is named as, after "من" (normalised, up to the name): "قصفت قوات النظام من مواقعها في
#: X بلدة Y", "من مواقع الجيش في محيط مدينة X", "المتمركزة في محيط مدينة X" (its word before "من": :func:`_fired_from_ar`)
_FIRED_FROM_AR_RE = re.compile(
    r"(?:^|\s)(?P<w>(?:\S+\s){1,3}?)من\s(?:مواقع|نقاط|ثكنات|مقرات|قواعد|مرابض|تمركزات|اوكار|معاقل)(?:ها|ه|هم|هما)?\s(?:\S+\s){0,3}?"
    r"(?:في|داخل|ب)\s(?:(?:\S+\s){1,3}?(?:قرب|بالقرب\sمن|جنوب|شمال|شرق|غرب)\s)?(?:(?:محيط|اطراف|ريف)\s)?"
    r"(?:(?:بلده|مدينه|قريه|منطقه)\s)?$"   # (and "في اللواء 52 قرب بلدة X": the post's town)
    r"|(?:^|\s)(?:المتمركزه|المتمركزين|المتمركز|المتمركزون)\s(?:في|داخل)\s(?:محيط|اطراف)\s(?:(?:بلده|مدينه|قريه)\s)?$"
    # (and the base it is posted at, with the town that hosts it: "المتمركزة في اللواء 12 بمدينة X")
    r"|(?:^|\s)(?:المتمركزه|المتمركزين|المتمركز|المتمركزون)\s(?:في|داخل)\s(?:\S+\s){1,3}?(?:ب|في\s)(?:بلده|مدينه|قريه)\s$")
#: a shelling's verb and "من" right before a name (normalised): "قصفت قوات النظام من X بلدة Y"
_SHELLED_FROM_AR_RE = re.compile(r"(?:^|\s)[وف]?(?:قصف|قصفت|قصفوا|تقصف|يقصف|استهدف|استهدفت|تستهدف|يستهدف)\s(?:\S+\s){0,3}?من\s$")
#: a town's noun right after a name (normalised): the town that was shelled from it
_TOWN_NEXT_AR_RE = re.compile(r"\s(?:بلده|مدينه|قريه|بلدتي|مدينتي|قريتي|بلدات|قري|مدن)\s")
#: the verbs of leaving a place, before "من مواقعها في X": the act is at X ("انسحبت القوات من مواقعها في X")
_LEFT_AR = frozenset(normalize_ar(w) for w in (
    "انسحبت", "انسحب", "انسحبوا", "انسحاب", "انسحابها", "انسحابه", "انسحابهم", "خرجت", "خرج", "خروج", "طردت", "طرد",
    "طردها", "طردهم", "فرت", "فر", "فروا", "أخلت", "أخلى", "إخلاء", "تنسحب", "ينسحب", "وانسحبت", "وانسحب"))


def _fired_from_ar(norm: str, start: int, end: int = -1) -> bool:
    """The name at ``start`` is where a force is posted, what it fired or set out from (:data:`_FIRED_FROM_AR_RE`),
    not a place it left (a verb of leaving among the three words before "من"); or, up to ``end``, the post right
    after "shelled from" that the town shelled follows ("قصفت قوات النظام من الفوج 175 مدينة X")."""
    window = norm[max(0, start - 60):start]
    if "من " not in window and "متمركز" not in window:
        return False
    if end > start and _SHELLED_FROM_AR_RE.search(norm, max(0, start - 40), start) and \
            _TOWN_NEXT_AR_RE.match(norm, end):
        return True
    got = _FIRED_FROM_AR_RE.search(norm, max(0, start - 60), start)
    return got is not None and _LEFT_AR.isdisjoint((got.group("w") or "").split())


#: one person, or a few, by what they are (normalised): "شاب من بلدة X" is where he comes from
_PERSON_AR = frozenset(normalize_ar(w) for w in (
    "شاب", "شابا", "شابان", "شابين", "شبان", "شب", "رجل", "رجلا", "رجلان", "رجلين", "امرأة", "سيدة", "طفل", "طفلا",
    "طفلة", "طفلين", "مواطن", "مواطنا", "مواطنة", "مدني", "مدنيا", "قيادي", "قياديا", "مقاتل", "مقاتلا", "شخص", "شخصا",
    "شخصين", "فتى", "فتاة", "معتقل", "معتقلا", "طالب", "طالبا", "مختار", "عسكري", "عسكريا", "منشق", "منشقا",
    "ناشط", "ناشطون", "ناشطين", "ناشطان",   # ("أفاد ناشط من X عن سقوط قتيلين في Y": the source's home)
    "مجموعات", "مجموعة",   # ("شاركت في المعارك مجموعات من مدينة X": where the fighters came from)
    "مقاتلين", "مقاتلون", "مسلحين", "مسلحون",   # ("بمساندة مقاتلين من بلدتي X وY": where the helpers came from)
    "وجهاء", "وجيه", "وجيها", "شيوخ", "وفد", "وفدا",   # ("تدخل وجهاء من مدينة X": the mediators' home)
    # "مقاتل من أبناء مدينة X، وآخر من بلدة Y": the other man's home; a speaker's trade ("وهو مدرس من بلدة X")
    "آخر", "وآخر", "آخرين", "مدرس", "معلم", "طبيب", "مزارع", "موظف", "سائق", "عامل", "تاجر", "محام"))



def _named_from(bare: list[str], sets: dict[str, set[str]]) -> bool:
    """"محمد الزعبي من (بلدة) X", "وأحمد خالد الحريري من X": a named person's home, said after the name."""
    w = bare[-5:]
    if w[-1:] and w[-1] in sets["nouns"]:
        w = w[:-1]
    if len(w) < 2 or w[-1] != "من":
        return False
    names = w[:-1]
    for j in range(len(names) - 1, max(-1, len(names) - 4), -1):
        if names[j].lstrip("و") in sets["first_names"]:
            return all(x.startswith("ال") or x in sets["first_names"] or x in NAME_JOINERS_AR for x in names[j + 1:])
    return False


#: offices named by their town ("مختار بلدة X", "وجهاء قرية X"): the person's town, not the event's place
_OFFICE_OF_AR = frozenset(normalize_ar(w) for w in ("مختار", "مخاتير", "وجهاء", "وجيه", "خطيب", "رئيس"))
# ("رئيس بلدية X" too; not إمام: أمام)
#: a member of a body, before it (normalised): "عضو لجنة أهالي قرية X"
_MEMBER_AR = frozenset(normalize_ar(w) for w in ("عضو", "أعضاء", "عضوا"))
_OFFICE_OR_MEMBER_AR = _OFFICE_OF_AR | _MEMBER_AR
#: the words of a town's body between an office and the town's noun (normalised): "رئيس (مجلس) بلدة"، "عضو (لجنة أهالي) قرية"
_BODY_OF_TOWN_AR = frozenset(normalize_ar(w) for w in ("مجلس", "المجلس", "بلدية", "البلدية", "البلدي", "المحلي",
                                                      "لجنة", "اللجنة", "أهالي", "الأهالي", "السابق"))
# (not "في": "قتل رئيس المجلس البلدي في بلدة X أمام منزله" was shot at home; "رئيس مجلس بلدة X" says his office)


def _person_from(bare: list[str], sets: dict[str, set[str]]) -> bool:
    """"شاب من (بلدة) X", "ثلاثة شبان من X", "مقاتل من الكتائب الإسلامية من بلدة X": a person's home, said after
    who he is (and his unit)."""
    w = bare[-7:]
    if w[-1:] and w[-1] in sets["nouns"]:
        w = w[:-1]
    if w[-1:] and w[-1] in _OFFICE_OF_AR:
        return True   # "جثة مختار بلدة X": the man's office names his town
    body = next((k for k in range(len(w) - 1, max(-1, len(w) - 6), -1) if w[k] not in _BODY_OF_TOWN_AR), len(w))
    if body < len(w) - 1 and w[body] in _OFFICE_OR_MEMBER_AR:
        return True   # "رئيس مجلس بلدة X", "عضو لجنة أهالي قرية X": the man's office names his town
    if len(w) < 2 or w[-1] != "من":
        return False
    if _a_person(w[-2]) or w[-2] in _HE_IS_AR:
        return True   # (and "..., وهو من مدينة X": the man told before, and his home)
    return any(_a_person(w[k]) and w[k + 1] == "من" for k in range(max(0, len(w) - 6), len(w) - 3))


#: a pronoun that names again the person told before (normalised): "وهو من بلدة X", "وهما من قرية X"
_HE_IS_AR = frozenset(("هو", "وهو", "هي", "وهي", "هم", "وهم", "هما", "وهما"))


def _a_person(word: str) -> bool:
    """A person noun of :data:`_PERSON_AR`, bare or definite, after "و"/"ف" ("والشاب من بلدة X": the man named before)."""
    if word in _PERSON_AR or "و" + word in _PERSON_AR:   # ("وجهاء" with its first letter cut as a conjunction)
        return True
    bare = word[1:] if word[:1] in "وف" and len(word) > 4 else word
    return bare.startswith("ال") and bare[2:] in _PERSON_AR


def _native_of(bare: list[str], sets: dict[str, set[str]]) -> bool:
    """The words before a name say whose home it is: "شاب من أبناء (بلدة) X", "ابن (ابنة) بلدة X"; not a
    crowd's ("العشرات من أبناء مدينة X" protest at home)."""
    w = bare[-4:]
    if w[-1:] and w[-1] in sets["nouns"]:
        w = w[:-1]
    if w[-2:] in (["من", "ابنا"], ["من", "اهالي"], ["من", "سكان"]):   # (and "من أهالي/سكان بلدة X")
        return len(w) < 3 or w[-3].lstrip("و") not in _CROWD_AR
    return len(w) < len(bare[-4:]) and w[-1:] in (["ابن"], ["ابنه"])


#: a crowd of a place's people (normalised): "العشرات من أبناء X" are at home, not natives of X elsewhere
_CROWD_AR = frozenset(normalize_ar(w) for w in ("العشرات", "عشرات", "المئات", "مئات", "الآلاف", "آلاف", "حشود",
                                                "جموع", "الأهالي", "جميع", "كل"))


#: people who speak from a town, up to its name, and their saying after it ("Residents in the village of X said")
_EN_RESIDENTS_IN_RE = re.compile(r"\b(?:residents|witnesses|officials|medics|doctors)\s+(?:in|from)\s+(?:the\s+)?"
                                 r"(?:(?:village|town|city)\s+of\s+)?$", re.I)
#: "and" between two places: another place, not the one the first locates ("X, and to the outskirts of Y")
_AND_BETWEEN_RE = re.compile(r"\band\b|(?:^|\s)و(?:قرب|بالقرب|على|عند|في|الى|إلى)?\s")
#: a capitalised possessive right before a name ("Daraa's al-Lajat", "Quneitra’s Khan Arnabeh"): the owner's word
_EN_POSSESSOR_RE = re.compile(r"\b([A-Z][\w'-]*)['’]s\s+$")
_EN_POSSESSIVE_NAME_RE = re.compile(r"['’]s\s+(?:al-|el-|Al-|Al\s)?[A-Z]")
_EN_SAID_AFTER_RE = re.compile(r"\s*,?\s*(?:\w+\s+){0,2}?(?:said|told|say|says|reported)\b")
_EN_REF_BEFORE_RE = re.compile(
    r"(?:\b(?:except(?:\s+for)?|apart\s+from|other\s+than|excluding|with\s+the\s+exception\s+of|"
    # a correction's wrong place: "the bombing happened in X, not in the town of Y as an earlier version said"
    r"rather\s+than(?:\s+in)?|instead\s+of(?:\s+in)?)|,\s+not\s+(?:in|at|near)"
    r"|\b(?P<origin>native\s+of|hails?\s+from|hailing\s+from|originally\s+from|resident\s+of|residing\s+in|"
    r"lives\s+in|lived\s+in|living\s+in|(?:is|are|was|were)\s+(?:originally\s+)?from)"   # ("The dead man is from X")
    r"|\b(?:taken|transferred|rushed|evacuated|transported|admitted)\s+to\s+(?:a\s+|the\s+)?(?:\w+\s+)?"
    r"(?:hospitals?\s+)?(?:in\s+|of\s+)?"   # (and "taken to the hospital of X")
    # where the displaced stay: "families are sheltering in schools in X", "took refuge in X"
    r"|\b(?:sheltering|sheltered|taking\s+refuge|took\s+refuge|housed)\s+(?:\w+\s+){0,3}?(?:in|at)"
    # where the doers fled: "fled to the direction of the town of X"
    r"|\b(?:fled|fleeing|escaped)\s+(?:\w+\s+){0,3}?(?:in\s+|to\s+)?the\s+direction\s+of"
    # (not the owners of what was hit: "houses belonging to activists in X", "the homes of activists in X")
    r"|(?<!belonging\sto\s)(?<!owned\sby\s)(?<!homes\sof\s)(?<!houses\sof\s)"
    r"\b(?:source|sources|correspondent|activist|activists)\s+(?:\w+\s+)?(?:in|from)|\baccording\s+to"
    r"|\b(?P<posted>stationed|based|positioned|deployed)\s+(?:in|at)"
    # where a journey began: "abducted while he was driving his car from X to Damascus"
    r"|\b(?:driving|travell?ing|heading|on\s+(?:his|her|their)\s+way)\s+(?:\w+\s+){0,2}?from\s+(?:the\s+)?"
    r"(?:[\w'-]+\s+){0,3}?(?:to\s+(?:the\s+)?)?"   # (and where it was going: "... from X to Y")
    # where a witness spoke from: "an activist said by telephone from X", "speaking from X", "reached by phone in X"
    r"|\b(?:said|told\s+\w+|spoke)\s+(?:\w+\s+)?by\s+(?:tele)?phone\s+from|\bspeaking\s+(?:by\s+(?:tele)?phone\s+)?from"
    r"|\breached\s+by\s+(?:tele)?phone\s+(?:in|from)"
    # what a protest stood for: "rallied in X in solidarity with Y"
    r"|\bin\s+(?P<solidarity>solidarity\s+with(?:\s+(?:the\s+)?(?:people|residents|families)\s+(?:of|in))?|support\s+of)"
    r"|\b(?:took\s+off|taking\s+off|launched|fired)\s+from\s+(?:the\s+|a\s+)?(?:[a-z]+\s+){0,2}"
    # "launched an offensive on Saturday morning from the villages of X and Y": where it set out from
    r"|\blaunched\s+(?:an?\s+|the\s+|their\s+|its\s+)?(?:offensive|attack|assault|operation)\s+(?:\w+\s+){0,4}?from\s+"
    r"(?:the\s+)?(?:(?:villages?|towns?|areas?|direction)\s+of\s+)?"
    # "shelled X from the area of Y", "coming from Y": where the fire or the man came from; "the marchers came from the
    # villages of X", "... of the eastern plain – X, Y": where they live
    r"|\bfrom\s+(?:the\s+)?(?:area|direction|positions?|outskirts)\s+(?:of|in)"
    r"|\b(?:coming|came|come)\s+from(?:\s+the\s+(?:villages?|towns?|areas?|city|neighbou?rhoods?)\s+of"
    r"(?:\s+the\s+[\w\s-]{1,30}?\s+[–—:-])?)?"
    # "shelled X from their positions in Y", "from the 12th Brigade's positions in Y" (not where troops withdrew from)
    r"|(?<!withdrew\s)(?<!withdrawn\s)(?<!withdrawing\s)(?<!withdraw\s)(?<!withdraws\s)(?<!retreated\s)"
    r"(?<!retreating\s)(?<!out\s)(?<!back\s)(?<!expelled\s)(?<!driven\s)(?<!fled\s)(?<!evacuated\s)"
    r"\bfrom\s+(?:their|its|his|the\s+[\w-]+(?:\s+[\w-]+)?['’]s)\s+(?:\w+\s+)?(?:positions?|bases?|posts?)\s+(?:in|at|near)"
    # "backed by reinforcements sent from the town of X": where the troops came from
    r"|\b(?:sent|dispatched|brought\s+in|arriving|arrived|redeployed)\s+from"
    # "brought reinforcements from Izraa to X", "returning from fields near X were detained in Y": where they came
    # from (not "an Israeli force advanced from X toward Y": it was at X too)
    r"|\breinforcements?[\s,]+(?:[\w,]+\s+){0,4}?from|\b(?:set(?:ting)?\s+out|departed|depart(?:ing)?)\s+from"
    r"|\breturn(?:ing|ed)\s+(?:home\s+)?from(?:\s+\w+){0,3}?\s+(?:near|in|outside|around)"
    # "returnees from towns such as X", "detainees from X, Y and Z": where people come from (not "expelled the
    # fighters from X", "withdrew from X": where the act was)
    r"|\b(?:returnees|detainees|refugees|youths|natives)\s+from\s+"
    r"(?:(?:towns|villages|cities|areas)\s+(?:such\s+as|like|including)\s+)?"
    # "forced thousands to flee to the town of X", "died on the way to the hospital in X": where they went
    r"|\b(?:flee|fled|fleeing|escaped?|escaping|displaced)\s+(?:\w+\s+){0,6}?(?:to|towards?|into)"
    r"|\b(?:on\s+the\s+way|en\s+route)\s+to\s+(?:a\s+|the\s+)?(?:\w+\s+)?hospital\s+(?:in\s+)?"
    # "a third man died of his wounds in the national hospital in X": where he was treated
    r"|\b(?:died|succumbed|treated|treatment)\s+(?:\w+\s+){0,4}?(?:in|at)\s+(?:(?:a|the)\s+(?:\w+\s+)?)?hospital\s+(?:in\s+)?"

    # "troops massed in preparation for an offensive against X": where it is to strike, a goal, not yet
    r"|\b(?:preparations?\s+for|in\s+preparation\s+for|paving\s+the\s+way\s+for)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:operations?|offensives?|assaults?|attacks?|campaigns?|incursions?|storming)\s+(?:in|on|against|into|toward|towards)"
    r"|\b(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of|\boverlook(?:s|ing|ed)?"
    # "detained two men before withdrawing towards X": where they went after, not where they acted
    r"|\b(?P<withdrew>withdr[ae]w\w*|pull(?:ed|ing)\s+(?:back|out)|retreat(?:ed|ing)?)(?:\s+\w+)?\s+(?:to|towards?|into))"
    # (and a town's edge: "fled toward the western outskirts of X")
    r"\s*(?:the\s+)?(?:(?:\w+\s+)?(?:outskirts|edges?|entrances?)\s+of\s+(?:the\s+)?)?"
    r"(?:(?:\w+\s+)?(?:city|town|village|province|governorate)\s+of\s+)?$"
    r"|\boverlook(?:s|ing|ed)?\s+(?:the\s+)?(?:towns|villages)\s+of\s+$", re.I)   # (and the towns a hill overlooks)
#: a person from a place ("a young man from the town of X", "a shepherd from X"): his home, not the event's place
_EN_PERSON_FROM_RE = re.compile(
    r"\b(?:man|woman|men|women|youth|youths|boy|girl|child|children|teenager|civilian|civilians|shepherd|farmer|"
    r"person|people|brothers|father|mother|son|daughter|commanders?|fighter|members?|officers?|leaders?|soldiers?|policeman|"
    r"official|rebel|driver|worker|student|teacher|doctor|elder|detainee|merchant|trader|businessman|pharmacist|"
    r"engineer|lawyer|activist|journalist|mukhtar|dignitary|resident|residents|defector|refugee|nurse)\s+from\s+(?:the\s+)?"
    r"(?:(?:city|town|village)\s+of\s+)?$"
    # and set off by commas after his name or age: "a soldier, Mohammad al-Hamad, from the town of X, was shot dead"
    # (not a speaker's: "another witness, from X, said that ..." tells of his own town)
    r"|\b(?!(?:witness|resident|source|activist|journalist|correspondent)e?s?,)[A-Za-z]+,\s+(?:aged\s+)?(?:\d{1,2},\s+)?"
    r"from\s+(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?$",
    re.I)
#: armed men from a place ("Fighters from X", "tribesmen from the villages of X"): their home, not the event's place
_EN_FORCE_FROM_RE = re.compile(r"\b(?:fighters|rebels|gunmen|militants|militiamen|tribesmen|volunteers|factions|youths)"
                               r"\s+from\s+(?:the\s+)?(?:(?:cit(?:y|ies)|towns?|villages?)\s+of\s+)?$", re.I)
#: the verbs that put armed men out of a place: "drove the rebels from X" names where the fight was
_EN_DROVE_OUT_RE = re.compile(r"\b(?:drove|driven|driving|expel\w*|oust\w*|push\w*|clear\w*|evacuat\w*|flush\w*|"
                              r"kick\w*|chas\w*|purg\w*|dislodg\w*|remov\w*)\b", re.I)


def _forces_from(before: str) -> bool:
    """Armed men from the place named next ("Fighters from X and Y took over their positions"), not driven from it
    ("drove the fighters from X" names where the fighting was)."""
    return _EN_FORCE_FROM_RE.search(before) is not None and _EN_DROVE_OUT_RE.search(before[-70:]) is None


#: the words of a flight, whose destination may be told far after them (lower case)
_FLED_WORDS = ("fled", "flee", "escap", "displaced")
#: one of these is in every match of :data:`_EN_REF_BEFORE_RE` (lower case; the pattern ignores case): most
#: windows have none, and the scan, anchored at the end, is tried from every position of the window
_EN_REF_WORDS = ("except", "apart", "other", "excluding", "exception", "native", ", not", "rather", "instead", "hail", "originally", "resident",
                 "reinforcement", "return", "flee", "fled", "escap", "displaced", "way", "route",
                 "is from", "are from", "was from", "were from", "shelter", "refuge", "housed",
                 "residing", "lives", "lived", "living", "taken", "transferred", "rushed", "evacuated", "transported", "according",
                 "admitted", "source", "correspondent", "activist", "stationed", "based", "positioned", "deployed", "driving",
                 "travel", "heading",
                 "took", "taking", "launched", "fired", "north", "south", "east", "west", "withdr", "pull", "retreat",
                 "overlook", "phone", "speaking", "solidarity", "support", "area", "direction", "outskirts", "coming",
                 "came from", "come from",
                 "sent", "dispatched", "brought", "arriv", "redeployed", "died", "succumbed", "treat", "position", "base",
                 "post", "set out", "setting out", "depart", "returnee", "detainee", "refugee", "youth", "native")
#: first names that start the names of people in English reports (never the first word of a village)
EN_FIRST_NAMES = frozenset("""adel adil fawzi mohammed muhammad mohammad mohamad mohamed ahmad ahmed ali omar khaled khalid hassan hussein
hussain youssef yousef yusuf ibrahim abdullah abdallah abdul abd mahmoud mustafa mostafa yasser yasir anas hamza saleh
salem nader nasser adnan bashar hafez maher rami sami samir walid ziad faisal fadi jamal jihad karim majid mazen moussa
musa osama usama qasim qassem rashid said saeed tariq tarek yahya zaid hani imad emad issa firas ghassan haitham amer
ammar ayman bilal diab hisham hossam husam kamal louay luay marwan mohannad muhannad nabil naji nour raed riad riyad
shadi suhaib suleiman sulaiman wael wissam yazan zakaria""".split())

_EN_GOVERNORATE_KEYS = {latin_key(w) for w in ("Daraa", "Deraa", "Dara'a", "Quneitra", "Qunaitra", "Kuneitra", "Sweida",
                                               "Suwayda")}
#: the governorates' names as mentions carry them (Latin keys, normalised Arabic)
GOVERNORATE_KEYS = frozenset(_EN_GOVERNORATE_KEYS | {normalize_ar(w) for w in ("درعا", "القنيطرة", "السويداء")})


_EN_WORDS_RE = re.compile(r"[A-Za-z.]+")
#: the lower-case words between a preposition and a name ("in the occupied X", "near rebel-held X")
_EN_PREP_GAP_WORDS = ("the", "a", "an", "occupied", "southern", "northern", "eastern", "western", "nearby",
                      "neighbouring", "neighboring", "besieged", "strategic", "key", "rebel", "opposition",
                      "embattled", "restive", "flashpoint", "border", "frontline", "small", "large")
_EN_PREP_GAP_RE = re.compile(r"\b([A-Za-z]+)((?:\s+(?:" + "|".join((*_EN_PREP_GAP_WORDS[:3], "[a-z]+-held",
                                                                     *_EN_PREP_GAP_WORDS[3:])) + r"))+)\s*$")
#: the last word of every match of :data:`_EN_PREP_GAP_RE` (only white space follows it; "held" of "rebel-held"),
#: hence the last ``[A-Za-z.]+`` run of the text it matches in
_EN_PREP_GAP_LAST = frozenset(("held", *_EN_PREP_GAP_WORDS))
_EN_ADMIN_AFTER_RE = re.compile(r"\s*(?:province|governorate|countryside)")
_EN_ADMIN_BEFORE_RE = re.compile(r"(?:province|governorate|countryside|provinces|governorates)\s+of\s+(?:the\s+)?$", re.I)
_EN_ADMIN_WORDS = ("province", "governorate", "countryside")
_EN_DIRECTION_BEFORE_RE = re.compile(r"\b(?:north|south|east|west)(?:-?(?:east|west))?ern\s+$", re.I)
_BASED_RE = re.compile(r"-based\b")
#: a road named by its two ends, "the Nawa-Sheikh Saad road": the ends are two places (an event on the road is at
#: both), not one name; a motorway's ends ("the Daraa-Damascus highway") are cities far apart, neither the place
_EN_ROAD_AFTER_RE = re.compile(r"\s+(?:(?P<long>highway|motorway|expressway|international\s+road)|road|railway|"
                                r"crossroads?|junction|intersection)\b", re.I)
#: two capitalised names joined by a hyphen ("Daraa-Damascus"; not "al-Harra", whose first part is an article)
_EN_TWO_ENDS_RE = re.compile(r"(?!(?i:al|el|ad|ash|as|at|az|ar|an)-)[A-Z][a-z']+(?:\s[A-Za-z']+)?[-–][A-Z][a-z']+(?:\s[A-Za-z']+)?")
_EN_END_BEFORE_RE = re.compile(r"[A-Z][A-Za-z']*(?:\s[A-Z][A-Za-z']*)?(?:[-–]| [-–] )$")   # (and "Daraa - Damascus")
_EN_END_AFTER_RE = re.compile(r"(?:[-–]| [-–] )[A-Z][A-Za-z']*(?:\s[A-Z][A-Za-z']*)?(?=\s)")


def _road_ends(text: str, a: int, b: int) -> str:
    """"road" when ``text[a:b]`` is the two ends of a local road ("Nawa-Sheikh Saad" in "the Nawa-Sheikh Saad
    road"), "motorway" for a long one's ("the Daraa-Damascus highway"), else ""."""
    if "-" not in text[a:b] and "–" not in text[a:b]:
        return ""
    road = _EN_ROAD_AFTER_RE.match(text, b)
    if road is None or _EN_TWO_ENDS_RE.fullmatch(text, a, b) is None:
        return ""
    return "motorway" if road.group("long") else "road"


def _motorway_end(text: str, a: int, b: int) -> bool:
    """The name at ``text[a:b]`` is one end of a motorway's name ("Daraa" or "Damascus" in "the Daraa-Damascus
    highway")."""
    if "-" not in text[max(0, a - 2):b + 2] and "–" not in text[max(0, a - 2):b + 2]:
        return False
    if text[a - 1:a] in ("-", "–") or text[a - 2:a] in ("- ", "– "):
        before = _EN_END_BEFORE_RE.search(text, max(0, a - 30), a)
        road = _EN_ROAD_AFTER_RE.match(text, b) if before else None
    else:
        after = _EN_END_AFTER_RE.match(text, b)
        road = _EN_ROAD_AFTER_RE.match(text, after.end()) if after else None
    return road is not None and road.group("long") is not None


#: bodies named after a place ("the Central Committee of Daraa", "the Governor of Quneitra"): the place is not an
#: event place of what the body says or does
_EN_BODY_NOUNS = frozenset(("committee", "committees", "council", "governor", "directorate", "university", "union",
                            "chamber", "command", "police", "court", "municipality", "office", "department",
                            "notables", "elders", "dignitaries"))
#: the words that make a body a town's own ("a member of the local council of X": the town he serves, its seat)
_LOCAL_BODY = frozenset(("local", "town", "municipal", "village"))


#: a sentence that opens in a country abroad ("In Iraq, security forces fired on protesters in X"): its places are
#: there, whatever their names' namesakes in the south
_ABROAD_OPENING_RE = re.compile(r"(?:In|Elsewhere in|Meanwhile in|Meanwhile, in)\s+(?:neighbouring\s+|neighboring\s+)?"
                                r"(?:Iraq|Lebanon|Jordan|Turkey|Iran|Israel|Egypt|Yemen|Libya|Gaza|the West Bank|Ukraine)\s*,")


def _abroad_opening(text: str, at: int) -> bool:
    """The sentence holding ``at`` opens with :data:`_ABROAD_OPENING_RE`."""
    start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1
    while start < at and text[start] in " \n\t":
        start += 1
    return text.startswith(("In ", "Elsewhere", "Meanwhile"), start) and \
        _ABROAD_OPENING_RE.match(text, start, at) is not None


#: a name and a dash right before a mention, or a dash and a name right after it (the other end of a road)
_EN_NAME_DASH_BEFORE_RE = re.compile(r"(?:^|\s)" + _EN_NAME_RE.pattern + r"\s*[-–—]\s*$")
_EN_DASH_NAME_AFTER_RE = re.compile(r"\s*[-–—]\s*" + _EN_NAME_RE.pattern)
_EN_ROAD_WORD_RE = re.compile(r"\b(?:road|highway|motorway|route)\b", re.I)
#: "road" before a road's two ends ("on the road Nawa - Sheikh Saad", "the road of Da'el - Abtaa") or after them
_EN_ROAD_WORD_BEFORE_RE = re.compile(r"\broad\s+(?:of\s+|from\s+)?$", re.I)
_EN_ROAD_WORD_AFTER_RE = re.compile(r"\s+(?:road|route)\b", re.I)


def _en_road_end(text: str, a: int, b: int, before: str) -> bool:
    """``text[a:b]`` is one of a local road's two ends joined by a dash: "the Ibta - Dael road", "on the road
    Nawa - Sheikh Saad", "the road of Da'el - Abtaa" (not a highway's far cities: :func:`_motorway_end`)."""
    if "-" not in text[max(0, a - 60):b + 60] and "–" not in text[max(0, a - 60):b + 60]:
        return False
    other = _EN_DASH_NAME_AFTER_RE.match(text, b)
    if other is not None:   # the first end
        return bool(_EN_ROAD_WORD_AFTER_RE.match(text, other.end()) or _EN_ROAD_WORD_BEFORE_RE.search(before))
    first = _EN_NAME_DASH_BEFORE_RE.search(before)
    if first is None:       # (the second end)
        return False
    return bool(_EN_ROAD_WORD_AFTER_RE.match(text, b) or
                _EN_ROAD_WORD_BEFORE_RE.search(before, 0, len(before) - len(first.group(0).lstrip())))


def _word_cue_en(text: str, m: Mention, before: str, bw: list[str]) -> None:
    """The cue the words before an English name give it: a place noun, a preposition, a province's possessive, a
    road's other end, or a preposition a few lower-case words back."""
    pw = bw[-1].lower().rstrip(".") if bw else ""
    if pw in EN_PLACE_NOUNS or (len(bw) > 1 and bw[-2].lower() in EN_PLACE_NOUNS and pw == "of"):
        m.cue, m.cue_kind = pw, "noun"
    elif pw in EN_PREPS:
        m.cue, m.cue_kind = pw, "prep"
    elif (owner := _EN_POSSESSOR_RE.search(before)) and latin_key(owner.group(1)) in _EN_GOVERNORATE_KEYS:
        m.cue, m.cue_kind = "'s", "prep"   # "in Daraa's al-Lajat region": the province's place
    elif _en_road_end(text, m.orig_start, m.orig_end, before):
        m.cue, m.cue_kind = "road", "noun"   # "the Ibta - Dael road", "on the road Nawa - Sheikh Saad": its ends
    else:
        # "in the occupied Golan", "near rebel-held Tafas": a preposition a few lower-case words back
        gap = _EN_PREP_GAP_RE.search(before) if bw and bw[-1] in _EN_PREP_GAP_LAST else None
        if gap and gap.group(1).lower() in EN_PREPS:
            m.cue, m.cue_kind = gap.group(1).lower(), "prep"


def _en_reference_before(text: str, m: Mention, before: str) -> re.Match[str] | None:
    """The words before an English name (``before``, the 60 characters before it) that make it a reference point
    (:data:`_EN_REF_BEFORE_RE`); and a flight told further back ("had fled their homes in the eastern quarters
    toward the nearby village of X")."""
    ref = _EN_REF_BEFORE_RE.search(before) if may_contain_ci(before, _EN_REF_WORDS) else None
    if ref is None and m.orig_start > 60 and may_contain_ci(text[max(0, m.orig_start - 120):m.orig_start - 50], _FLED_WORDS):
        ref = _EN_REF_BEFORE_RE.search(text, max(0, m.orig_start - 120), m.orig_start)
    return ref


def _annotate_en(text: str, ms: list[Mention], i: int, sets: dict[str, set[str]]) -> None:
    m = ms[i]
    if _abroad_opening(text, m.orig_start):
        m.veto = "foreign"
        return
    before = text[max(0, m.orig_start - 60):m.orig_start]
    bw = _EN_WORDS_RE.findall(before)
    pw = bw[-1].lower().rstrip(".") if bw else ""
    if not m.cue:
        _word_cue_en(text, m, before, bw)
    after = text[m.orig_end:m.orig_end + 25].lower()
    if _EN_ADMIN_AFTER_RE.match(after) or pw in ("countryside", "province", "rural") or \
            (may_contain_ci(before, _EN_ADMIN_WORDS) and _EN_ADMIN_BEFORE_RE.search(before)):
        m.admin = True
    surface = text[m.orig_start:m.orig_end]
    key = latin_key(surface)
    if key in _EN_GOVERNORATE_KEYS and _EN_DIRECTION_BEFORE_RE.search(before):
        m.admin = True   # "in eastern Quneitra": a part of the province
    if key in _EN_GOVERNORATE_KEYS and _EN_POSSESSIVE_NAME_RE.match(text, m.orig_end):
        m.reference = True   # "in Daraa's al-Lajat region", "Quneitra's Khan Arnabeh": the province holding it
        m.notes.append("reference")
    if pw == "near" or before.lower().rstrip().endswith(("outskirts of", "close to", "vicinity of")):
        m.near = True
    ref = _en_reference_before(text, m, before)
    if ref or _BASED_RE.match(text[m.orig_end:m.orig_end + 7]):
        m.reference = True   # "east of X", "except X", "taken to hospital in X", "a source in X", "X-based"
        m.notes.append("residence" if ref and ref.group("origin") else
                       "posted" if ref and ref.group("posted") else
                       "where they withdrew to" if ref and ref.group("withdrew") else "reference")
    elif "from" in before[-28:] and ((person := _EN_PERSON_FROM_RE.search(before)) or _forces_from(before)):
        m.reference = True   # "a young man from the town of X": where he comes from; "Fighters from X took over ...":
        m.notes.append("residence" if person else "reference")   # never the act's place
    elif may_contain_ci(before[-40:], ("esidents", "itnesses", "fficials", "edics", "octors")) and \
            _EN_RESIDENTS_IN_RE.search(before) and _EN_SAID_AFTER_RE.match(text, m.orig_end):
        m.reference = True   # "Residents in the village of X said an Israeli patrol entered Y", "Officials in X said
        #                      ...": where they speak from
        m.notes.append("seat")   # (weak: "Witnesses in X said troops fired on the crowd" tells of X itself)
    elif pw == "from" and _en_named(bw):
        m.reference = True   # "the dead were named as Mohammed al-Zoubi from X": the man's home
        m.notes.append("residence")
    elif pw in ("of", "in") and len(bw) >= 2 and bw[-2].lower() in _EN_BODY_NOUNS:
        m.reference = True   # "the Central Committee of Daraa said": a body's name; "the local council of X": its seat
        m.notes.append("reference" if pw == "of" and (len(bw) < 3 or bw[-3].lower() not in _LOCAL_BODY) else "seat")
    if _EN_QUARTER_OF_RE.search(text, max(0, m.orig_start - 60), m.orig_start):
        m.reference = True
        m.notes.append("reference")   # "Daraa al-Balad, the old quarter of the southern city of Daraa": its town
    if key in sets["foreign_en"]:
        m.veto = "foreign"
    if _OUTLET_24_RE.match(text, m.orig_end):
        m.veto = "an outlet's name"   # "(Daraa 24 website)", "according to Suwayda 24": the news page, not the place
    if _motorway_end(text, m.orig_start, m.orig_end):
        m.veto = "a motorway's end"   # "the Daraa-Damascus highway": two cities a hundred km apart name the road
    elif m.source != "gazetteer" and _road_ends(text, m.orig_start, m.orig_end) == "motorway":
        m.reference = True   # the motorway itself: the place only when the sentence names no other
        m.notes.append("motorway")
    if pw in EN_TITLES or (bw and bw[-1][:1].isupper() and bw[-1].lower() in EN_TITLES):
        m.veto = "person name"
    if surface.strip().isupper() and len(surface.strip()) >= 3 and _EN_SAID_AFTER_RE.match(text, m.orig_end):
        m.veto = "an agency's name"   # "..., SANA said": the news agency, not a place spelt like it
    elif m.source == "cue" and _EN_AGENCY_WORDS.issuperset(surface.lower().split()):
        m.veto = "an agency's name"   # "took control of the Military Security checkpoint": whose post, not where
    if key in _EN_GROUP_HEADS and _EN_NAME_GOES_ON_RE.match(text, m.orig_end):
        m.veto = "an armed group's name"   # "Hayaat Tahrir al-Sham", "Jaish al-Islam": the head word of a group
    if _EN_KIN_AFTER_RE.match(text, m.orig_end):
        m.veto = "a family's name"   # "members of the Mikdad family", "the Zoubi clan": kin, not a place
    first = _DASH_OR_SPACE_RE.split(surface.strip(), maxsplit=1)[0].lower()
    words = _DASH_OR_SPACE_RE.split(surface.strip())
    if m.source != "gazetteer" and not m.site and " " in surface.strip() and first in EN_FIRST_NAMES or (
            first in ("abu", "abou", "umm") and len(words) == 2 and words[1].lower() in EN_FIRST_NAMES and
            _EN_NISBA_AFTER_RE.match(text, m.orig_end)):
        m.veto = "person name"   # "opened fire on Muhammad Joudeh Rifai", "spokesman Abu Omar al-Muhajir": a person
    elif m.source == "gazetteer" and surface.strip().lower() in EN_FIRST_NAMES and _EN_NAME_AFTER_RE.match(text, m.orig_end):
        m.veto = "person name"   # "among the dead was Ali Khalaf al-Zoubi": a man's first name, not a village
    if " " not in surface.strip() and "-" not in surface and m.source == "gazetteer":
        m.common = "strict" if len(key) <= 2 else "person"
    # a capitalised name right after another capitalised word that is not a cue: a person ("Jasim Nawa")
    if m.source == "gazetteer" and bw and bw[-1][:1].isupper() and bw[-1].lower() not in EN_PREPS and \
            m.cue != "road" and before.endswith(" ") and not before.rstrip().endswith((",", ";", ":")) and \
            bw[-1] not in EN_STOP and bw[-1].lower() not in EN_PLACE_NOUNS:
        m.veto = m.veto or "person name"


#: the words of the security agencies' names ("Military Security", "Air Force Intelligence", "State Security")
_EN_AGENCY_WORDS = frozenset(("military", "security", "intelligence", "air", "force", "state", "political", "general",
                              "criminal", "national", "internal", "public"))
#: a father's or a family's name after a first name ("Ali Khalaf al-Zoubi", "Omar al-Hariri")
_EN_NAME_AFTER_RE = re.compile(r"\s+(?:(?:al|el|Al|El|bin|ibn|Bin|Ibn)[-\s])?[A-Z][a-z]")
#: a family or origin name after a name ("Abu Omar al-Muhajir"): the name is a man's (his kunya)
_EN_NISBA_AFTER_RE = re.compile(r"\s+(?:al|el|Al|El)-[A-Z]")


def _en_named(bw: list[str]) -> bool:
    """The words before "from" (``bw[-1]``) are a person's name: a first name, then capitalised names or "al"."""
    names = bw[-5:-1]
    for j in range(len(names) - 1, -1, -1):
        if names[j][:1].isupper() and names[j].lower() in EN_FIRST_NAMES:
            return all(x[:1].isupper() or x.lower() in ("al", "el", "bin", "abu") for x in names[j + 1:])
    return False


#: the first words of armed groups' names, transliterated (as :func:`latin_key` spells them: "Hay'at", "Hayaat" and
#: "Haiat" are all "haiat"): a village shares one ("Hayat"), but not when a capitalised name goes on after it
_EN_GROUP_HEADS = frozenset(latin_key(w) for w in (
    "Hayat", "Jabhat", "Jaish", "Liwa", "Alwiya", "Alwiyat", "Ahrar", "Harakat", "Tajammu", "Firqat", "Kataib",
    "Katibat", "Saraya", "Fawj", "Jamaat", "Ansar", "Shuhada", "Usud", "Quwat"))
#: a family, a clan or a tribe after a name (its own words after it)
_EN_KIN_AFTER_RE = re.compile(r"\s+(?:family|families|clan|clans|tribe|tribes)\b", re.I)
#: only a comma and "near" between two names: the second locates the first
_NEAR_RIGHT_AFTER_RE = re.compile(r"\s*[,،]?\s*(?:near|close\s+to|outside|قرب|بالقرب\s+من)\s+(?:the\s+)?(?:town\s+of\s+)?")
_EN_NAME_GOES_ON_RE = re.compile(r"[ -](?:(?:al|el|Al|El)[- ])?[A-Z]")

#: facilities that are never a place by themselves ("الكتيبة", "السرية"), though villages bear their names
_FACILITY_NOUNS = frozenset(normalize_ar(w) for w in "كتيبة سرية لواء فوج معسكر قاعدة ثكنة مقر نقطة حاجز مفرزة فرع".split())
