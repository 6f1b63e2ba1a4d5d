"""The number killed in one event, read from the words of the report that state it.

``fatalities(text, sentence, trigger, place, clause=..., in_list=...)`` returns the number
killed in the event whose trigger and place mention sit at those offsets, or ``None`` when the
report gives no exact figure for that event. It never guesses:

* **Figures.** Digits (also Arabic-Indic), Arabic number words in their gender and case forms
  (ثلاثة/ثلاث، خمسة عشر، اثني عشر، خمسة وعشرون، مئة), the dual (قتيلان، شهيدين، عنصرين،
  امرأتين), English number words ("two", "eleven", "twenty-three", "a dozen"). "At least N",
  "more than N", "about N", ما لا يقل عن، أكثر من، نحو = N. One person (مقتل شاب، استشهاد
  طفل، مقتله، "killed a man", "was shot dead", "a body was found") = 1. Coordinated victims add
  up (مقتل مدني وابنته = 2; "four men, two women and a girl" = 7).
* **Vague figures give None**: عشرات، عدد من، dozens, several, plural nouns without a number,
  killed and wounded counted together (سقوط 12 قتيلاً وجريحاً، "12 casualties"), one total over
  several places (في بلدات متفرقة، "in separate attacks") or days (منذ بدء الحملة، "since June",
  "last week").
* **Only deaths.** A number wounded, arrested, kidnapped or missing is not a number killed; an
  attempt ("tried to kill", محاولة اغتيال) or a threat kills nobody. A report that says nobody was
  killed ("no one was killed", دون وقوع قتلى) gives 0.
* **The right event.** A death statement belongs to the place the sentence ties it to: the
  place named in its own tail ("left nine civilians dead in the village of X"), else the event in the
  same clause. A place that is one item of a list shares no total unless the figure names it
  alone; a road "between A and B" (طريق A - B) is one incident, so both get its figure. A
  sentence with no death statement takes the figure of the next sentence when that one names
  no place of its own and refers back to the event ("The strikes killed three", وأدت الاشتباكات
  إلى مقتل اثنين).

Pure and fast: each sentence is tokenised and read once (cached), and sentences without any
word for death are dismissed by one regular-expression search.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from eventmap.events._prefilter import may_contain_ci
from eventmap.events.dates import EN_WEEKDAYS
from eventmap.events.mentions import EN_FIRST_NAMES, FIRST_NAMES_AR
from eventmap.text import CHAR_LIST

Span = tuple[int, int]

# --------------------------------------------------------------------------- words


def _n(words: str) -> frozenset[str]:
    """Words written naturally -> the set of their normalised forms."""
    return frozenset(_norm(w) for w in words.split())


def _norm(tok: str) -> str:
    return tok.translate(CHAR_LIST).strip().lower()


def _seq(words: str) -> tuple[str, ...]:
    return tuple(words.split())


def _w(words: str) -> frozenset[str]:
    """English words written naturally -> a set."""
    return frozenset(words.split())


def _rx(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(_loose(pattern), flags)


_MARKS = "\u064b-\u065f\u0670\u0640"
_VARIANTS = {"ا": "اأإآ", "أ": "اأإآ", "إ": "اأإآ", "آ": "اأإآ", "ة": "ةه", "ه": "هة", "ى": "ىي", "ي": "يىئ",
             "ء": "ءئؤ"}


def _loose(pattern: str) -> str:
    """A regular expression whose Arabic letters also match their other written forms (أ/ا/إ, ة/ه,
    ى/ي) with any diacritics or tatweel after them, so patterns run on the text as written."""
    out, in_class = [], False
    for i, ch in enumerate(pattern):
        escaped = i > 0 and pattern[i - 1] == "\\"
        if ch == "[" and not escaped:
            in_class = True
        elif ch == "]" and not escaped:
            in_class = False
        if not ("\u0621" <= ch <= "\u064a"):
            out.append(ch)
        elif in_class:
            out.append(_VARIANTS.get(ch, ch))
        else:
            out.append(f"[{_VARIANTS.get(ch, ch)}][{_MARKS}]*")
    return "".join(out)


#: any word that can state a death (a cheap first test of a sentence)
_DEATH_STEMS = _seq("قت شهد شهاد شهي لقي لقو فارق صرع ارتق حتف وفا توف جث إعدام أعدم تصفي الحياة "
                    "kill dead death died dies slain lives life fatal body bodies corpse execut toll shot fell "
                    "assassinat martyr eliminat neutrali حياة أرواح قضاء قضت قضى قضوا اغتال اغتيال يغتال تغتال اغتيل ضحيت ضحاي "
                    "خسائر رفات")   # (only as "حصيلة الخسائر البشرية" risen to a figure: _ar_death; a body's remains)
_DEATH_TOKEN_RE = re.compile("|".join(_norm(w) for w in _DEATH_STEMS))  # on normalised words


@lru_cache(maxsize=64)
def _report_has_death(text: str) -> bool:
    return _has_death(text)


def _has_death(text: str) -> bool:
    """A cheap first test: does ``text`` have any word that can state a death?  (:func:`_has_death_translated`,
    without translating the text: ``str.translate`` looks every character up, two thirds of the cost.)"""
    raw = _raw_death_test()
    if raw is None:
        return _has_death_translated(text)
    deleted, auto = raw
    return next(auto.iter(deleted.sub("", text.lower())), None) is not None


def _has_death_translated(text: str) -> bool:
    """The death test by its definition: a stem in the translated (``CHAR_LIST``), lower-cased text."""
    return next(_death_automaton().iter(text.translate(CHAR_LIST).lower()), None) is not None


@lru_cache(maxsize=1)
def _raw_death_test() -> tuple[re.Pattern[str], Any] | None:
    """(the characters ``CHAR_LIST`` deletes, an automaton of every spelling ``CHAR_LIST`` maps onto a stem), so
    that a stem in ``text.translate(CHAR_LIST).lower()`` is a key in ``text.lower()`` without those characters:
    the table maps one character to at most one and touches no cased character, so lower-casing first is the
    same (but for σ/ς, in no stem), and a key is one stem letter's preimage after another.  None when the table
    is not of that kind (then the text is translated)."""
    import itertools

    import ahocorasick

    deleted: list[str] = []
    preimages: dict[str, list[str]] = {}
    for cp, rep in enumerate(CHAR_LIST):
        if not isinstance(rep, str):
            continue   # (an int: the character itself)
        c = chr(cp)
        if len(rep) > 1 or c.lower() != c or c.upper() != c or rep.lower() != rep or rep.upper() != rep:
            return None
        if rep:
            preimages.setdefault(rep, []).append(c)
        else:
            deleted.append(c)
    auto = ahocorasick.Automaton()
    for stem in {_norm(w) for w in _DEATH_STEMS}:
        letters = [[*preimages.get(x, ()), *((x,) if ord(x) >= len(CHAR_LIST) or CHAR_LIST[ord(x)] == ord(x) else ())]
                   for x in stem]
        for spelling in itertools.product(*letters):
            auto.add_word("".join(spelling), stem)
    auto.make_automaton()
    return re.compile("[" + "".join(re.escape(c) for c in deleted) + "]" if deleted else "(?!)"), auto


@lru_cache(maxsize=512)
def _sentence_has_death(sentence: str) -> bool:
    """:func:`_has_death` of a sentence, kept: a sentence is tested as the one after another (rule 3) and
    then as itself."""
    return _has_death(sentence)


def norm_has_death(norm: str) -> bool:
    """:func:`_has_death` of a text from its normalised form (``eventmap.text.normalize_with_offsets``): the
    same characters are dropped and replaced, only white space is collapsed and no stem holds any."""
    return next(_death_automaton().iter(norm), None) is not None


@lru_cache(maxsize=1)
def _death_automaton() -> Any:
    """The stems of :data:`_DEATH_TOKEN_RE` in one Aho-Corasick automaton: a whole report is tested
    in one pass, about four times faster than the regex alternation."""
    import ahocorasick

    auto = ahocorasick.Automaton()
    for w in _DEATH_STEMS:
        auto.add_word(_norm(w), w)
    auto.make_automaton()
    return auto

# Arabic cues (normalised). verbs and verbal nouns: the victims come after them (or before a verb)
_AR_VERB = _n("""قتل قتلت قتلا قتلوا قتلتا يقتل تقتل يقتلون قتلن استشهد استشهدت استشهدا استشهدوا يستشهد
ارتقى ارتقت ارتقيا ارتقوا يرتقي توفي توفيت توفيا توفوا أعدم أعدمت أعدموا اعدم صفيت صفي اغتال اغتالت اغتالوا
اغتالا يغتال تغتال اغتيل اغتيلت انقتل انقتلت انقتلوا""")
_AR_MASDAR = _n("مقتل استشهاد مصرع وفاة إعدام تصفية اغتيال قتل ارتقاء")   # (and the agency's "ارتقاء ثلاثة")
#: a relative pronoun of one person, and the intransitive verbs of one death after it ("الشهيد X، الذي ارتقى")
_AR_WHO_ONE = _n("الذي التي")
_AR_DIED_ONE = _n("ارتقى ارتقت استشهد استشهدت توفي توفيت")
#: verbal nouns and verbs with an object pronoun: مقتله = 1, مقتلهما = 2, مقتلهم = vague
_AR_PRON = {"ه": 1, "ها": 1, "هما": 2, "هم": None, "هن": None}
_AR_PRON_BASES = _n("مقتل استشهاد مصرع وفاة تصفية اغتيال قتل قتلوا قتلت إعدام")
#: nouns for the dead: a number comes before them (15 قتيلاً، سبعة شهداء); alone singular = 1, dual = 2
_AR_NOUN_ONE = _n("قتيل قتيلا قتيلاً شهيد شهيدا شهيداً جثة جثمان ضحية جثته جثتها جثمانه جثمانها")
_AR_NOUN_TWO = _n("قتيلان قتيلين شهيدان شهيدين جثتان جثتين جثتي جثمانين جثماني ضحيتين ضحيتان جثتيهما جثتاهما")
_AR_NOUN_MANY = _n("قتلى القتلى شهداء الشهداء جثث الجثث جثامين الجثامين ضحايا الضحايا رفات")   # ("رفات 12 شخصاً")
#: لقي حتفه / لقوا مصرعهم / فارق الحياة
_AR_MET = _n("لقي لقيت لقيا لقوا فارق فارقت فارقا فارقوا")
_AR_FATE: dict[str, int | None] = {
    _norm("حتفه"): 1, _norm("حتفها"): 1, _norm("حتفهما"): 2, _norm("حتفهم"): None,
    _norm("مصرعه"): 1, _norm("مصرعها"): 1, _norm("مصرعهما"): 2, _norm("مصرعهم"): None, _norm("الحياة"): 0}
_AR_WOUND = _n("""جرح جريح جريحا جريحاً جرحى الجرحى إصابة إصابات اصابة اصابات مصاب مصابين مصابا أصيب أصيبت
أصيبوا إصابته جروح""")
_AR_ATTEMPT = _n("محاولة محاولات محاولته نجا نجاة ينجو تهديد هدد يهدد لمحاولة بمحاولة")
_AR_SUBSET = _n("بينهم منهم بينهن معظمهم أغلبهم غالبيتهم أكثرهم بينها")
_AR_VAGUE = _n("عشرات العشرات مئات المئات آلاف الآلاف عدد العديد عدة بضعة بضع مجموعة كثيرون")
_AR_QUAL = _n("ما لا يقل عن على أكثر من أزيد يزيد نحو حوالي حوالى قرابة زهاء يقارب يقرب الأقل الاقل الـ ال")
_AR_LESS = _n("أقل اقل دون")

# Arabic number words (and the Levantine spoken forms local pages write: "تلات شباب", "تنين", "تمانية")
_AR_UNITS = {
    **dict.fromkeys(_n("واحد واحدة أحد إحدى"), 1),
    **dict.fromkeys(_n("اثنان اثنين اثنتان اثنتين اثنا اثني اثنتا اثنتي تنين"), 2),
    **dict.fromkeys(_n("ثلاثة ثلاث تلاتة تلات"), 3), **dict.fromkeys(_n("أربعة أربع"), 4), **dict.fromkeys(_n("خمسة خمس"), 5),
    **dict.fromkeys(_n("ستة ست"), 6), **dict.fromkeys(_n("سبعة سبع"), 7),
    **dict.fromkeys(_n("ثمانية ثماني ثمان تمانية تماني"), 8),
    **dict.fromkeys(_n("تسعة تسع"), 9), **dict.fromkeys(_n("عشرة عشر"), 10),
}
_AR_TENS = {
    **dict.fromkeys(_n("عشرون عشرين"), 20), **dict.fromkeys(_n("ثلاثون ثلاثين تلاتين"), 30),
    **dict.fromkeys(_n("أربعون أربعين"), 40), **dict.fromkeys(_n("خمسون خمسين"), 50),
    **dict.fromkeys(_n("ستون ستين"), 60), **dict.fromkeys(_n("سبعون سبعين"), 70),
    **dict.fromkeys(_n("ثمانون ثمانين تمانين"), 80), **dict.fromkeys(_n("تسعون تسعين"), 90),
}
_AR_HUNDRED = {**dict.fromkeys(_n("مئة مائة"), 100), **dict.fromkeys(_n("مئتان مئتين مائتان مائتين"), 200)}

#: person nouns (singular): one of them after a death word is one person killed
_AR_PERSON = _n("""شاب شابة شقيق شقيقة رجل امرأة سيدة طفل طفلة فتى فتاة صبي رضيع رضيعة مدني مدنية مواطن مواطنة عنصر
جندي مجند ضابط مقاتل مسلح عسكري شرطي شخص قيادي قائد ناشط إعلامي صحفي مصور مسعف متطوع طبيب ممرض معلم
معلمة مدرس طالب طالبة عامل مزارع راعي سائق تاجر موظف حارس مختار وجيه شيخ إمام خطيب عجوز مسن مسنة منشق معتقل
أسير لاجئ نازح عضو رقيب مساعد ملازم نقيب رائد مقدم عقيد عميد ابن ابنة قاصر عنصرا شابا رجلا طفلا مدنيا
مواطنا جنديا ضابطا مقاتلا مسلحا شخصا قياديا ناشطا إرهابي إرهابيا مدعو محمد أحمد حسن حسين خالد يوسف إبراهيم
مصطفى محمود عبد أبو والد جد مهرب مروج صيدلاني محام مهندس حلاق بائع راع رئيس متزعم زعيم أمير شب متظاهر محتج
معتصم مشيع""")
#: person nouns whose -ان form is no dual ("فتيان", "شبان": young men, many)
_AR_AN_NOT_DUAL = _n("فتى شب")
#: bases whose -ين form is only the dual (their plural is broken: شبان، عناصر، أطفال ...)
_AR_DUAL_IN = _n("شاب رجل طفل شخص عنصر جندي ضابط قتيل شهيد شقيق ابن أخو مجند حارس سائق مرافق")
_AR_PLURAL_PERSON = _n("""شبان شباب رجال نساء أطفال الأطفال مدنيين المدنيين مدنيون عناصر العناصر جنود الجنود
ضباط مقاتلين المقاتلين مقاتلون مسلحين المسلحين عسكريين العسكريين أشخاص الأشخاص مواطنين المواطنين أفراد
الأفراد قياديين ناشطين أبناء أهالي سكان عائلة أسرة إرهابيين الإرهابيين إرهابيون مرتزقة المرتزقة أولاد""")
#: a victim named by kinship with a pronoun (the second of "مدني وابنته"): one person, or two for the dual
_AR_KIN = {**dict.fromkeys(_n("""ابنه ابنها ابنته ابنتها زوجته زوجها شقيقه شقيقها شقيقته شقيقتها والده والدها
والدته والدتها أخيه أخاه أخوه أخيها أخته أختها نجله نجلها طفله طفلها طفلته طفلتها حفيده حفيدها حفيدته
عمه عمها خاله خالها أمهم أمهما والدتهم والدتهما والدهم والدهما أبوهم أبيهم أباهم
مرافقه سائقه حارسه صديقه رفيقه"""), 1),   # (and who was with him: "مساعد في الأمن العسكري ومرافقه")
           **dict.fromkeys(_n("ولديه ولداه ابنيه ابناه ابنيها طفليه طفليها شقيقيه طفلاها طفلاه ابناها ولداها ولديها "
                              "شقيقاه شقيقاها شقيقيها ابنتاه ابنتاها ابنتيه ابنتيها "
                              # (and the other words for a son, a daughter, a grandchild, two of them)
                              "نجلاه نجليه نجلاها نجليها طفلتاه طفلتيه طفلتاها طفلتيها حفيداه حفيديه حفيداها "
                              "حفيديها شقيقتاه شقيقتيه شقيقتاها شقيقتيها أخواه أخويه أخواها أخويها"), 2)}

#: the kin words (normalised), for ``extract``: "مقتل رجل وابنه" names no village
KIN_WORDS_AR = frozenset(_AR_KIN)

# English
_EN_VERB = _w("killed kill kills killing executed execute executing slain slew martyred assassinated")
_EN_DIED = _w("died dies die")
_EN_WOUND = _w("wounded injured injuring wounding injuries injures wounds hurt casualties casualty")
_EN_ATTEMPT = _w("attempt attempted attempts attempting tried try trying threatened threaten threatens "
                        "survived survive plot plotted bid")
_EN_SUBSET = _w("including among incl")
_EN_VAGUE = _w("dozens scores several many hundreds thousands numerous some few multiple unknown")
_EN_QUAL = _w("least more than over some about around approximately nearly almost roughly estimated total")
#: qualifiers of more than one word ("at least 5", "up to 5", "as many as 5", "a total of 5")
_EN_QUAL_PHRASES = (("at", "least"), ("up", "to"), ("as", "many", "as"), ("a", "total", "of"), ("an", "estimated"))
_EN_LESS = _w("fewer less under")
#: the first words of :data:`_EN_QUAL_PHRASES` (a phrase starts at a word only when that word is one of them)
_EN_QUAL_FIRST = frozenset(ph[0] for ph in _EN_QUAL_PHRASES)
_EN_NUM = {w: i for i, w in enumerate(_seq("zero one two three four five six seven eight nine ten eleven twelve "
                                      "thirteen fourteen fifteen sixteen seventeen eighteen nineteen"))}
_EN_TENS = {w: 10 * i for i, w in enumerate(_seq("_ _ twenty thirty forty fifty sixty seventy eighty ninety")) if i > 1}
_EN_PERSON = _w("""terrorist insurgent jihadist extremist man woman child boy girl civilian soldier fighter rebel member officer commander leader person
colonel lieutenant captain major sergeant brigadier corporal bodyguard escort companion relative cousin nephew uncle
passenger pedestrian shopkeeper engineer lawyer mayor judge preacher pharmacist smuggler neighbour neighbor dealer trafficker
resident youth teenager teacher student activist journalist farmer shepherd driver doctor nurse guard militant
gunman policeman cooperator collaborator father mother son daughter brother sister wife husband elder cleric imam
worker volunteer paramedic detainee prisoner defector infant baby toddler individual dignitary mukhtar sheikh
trader merchant employee official agent informant conscript recruit combatant medic photographer cameraman
refugee passer passerby bystander""")   # ("passer-by": the hyphen splits the word)
_EN_PLURAL_PERSON = _w("""men women children boys girls civilians soldiers fighters rebels members officers
commanders leaders people persons residents youths teenagers students activists journalists farmers militants
gunmen troops policemen workers volunteers detainees prisoners others infants babies individuals combatants
recruits conscripts elements terrorists insurgents jihadists extremists gunmen sons daughters brothers sisters
relatives cousins companions bodyguards escorts guards passengers pedestrians shepherds nurses doctors teachers
passers passersby bystanders
officials colonels lieutenants""")
_EN_GROUP = _w("cell cells group groups position positions base bases headquarters hideout hideouts vehicle "
               "vehicles convoy checkpoint network gathering gatherings camp outpost")
_EN_ONE = _w("a an one another")
_EN_POSS = _w("his her their its")

#: a cumulative toll over days, not one event's
_MULTI_DAY = _rx(
    r"\b(?:since (?!(?:this |early |the )?(?:morning|dawn|noon|midnight|evening))|so far this|last (?:week|month|year)|"
    r"(?:past|previous|last|recent) (?:\w+ )?(?:days|weeks|months|years|24 hours|48 hours)|this (?:week|month|year)|"
    r"in recent days|to date|over the (?:past|last)|a total of \d+ (?:assassination|attack))|"
    r"منذ (?!(?:ال)?(?:صباح|مساء|فجر|ظهر|ظهيرة|عصر|ليل|ليلة)|ساعات|منتصف الليل|منتصف ليل)|حتى الآن|حتى الان|خلال (?:الشهر|الأسبوع|الاسبوع|الأيام|الايام|"
    r"العام|السنة|الساعات|الـ ?\d+ ساعة|\d+ ساعة|يومين|أيام|ايام|أسبوع|اسبوع|شهر)|الحصيلة الإجمالية|الحصيلة الاجمالية|"
    r"منذ بدء|منذ بداية|في الأيام|في الايام|"
    # a count of days: "خلال خمسة أيام", "over five days", "in three weeks"
    r"خلال \S+ (?:أيام|ايام|أسابيع|اسابيع|أشهر|اشهر|يوما|يوماً)|\b(?:over|in|during) (?:the )?\w+ (?:days|weeks|months)\b",
    re.IGNORECASE)
#: one total over several places
_SPREAD = _rx(
    r"\b(?:separate|several|various|different|multiple) (?:\w+ )?(?:attacks?|incidents?|areas?|villages?|towns?|places?|"
    r"locations?|parts|raids|strikes)|\bacross\b|\bin (?:the )?(?:villages|towns|areas|cities|neighbou?rhoods) of\b|"
    r"متفرقة|متفرقه|منفصلة|منفصله|منفصلين|منفصلتين|عدة (?:مناطق|بلدات|قرى|مدن|أحياء|هجمات)|مختلفة|مختلفه|"
    r"(?:في|ب|على) ?(?:بلدات|قرى|مدن|بلدتي|قريتي|مدينتي)\b|"
    # "في مدينة X وبلدات مجاورة", "in X and nearby villages": the town and others round it
    r"و(?:ال)?(?:بلدات|قرى|مدن|مناطق)\s(?:ال)?(?:مجاورة|مجاوره|محيطة|محيطه)|"
    r"\band\s+(?:the\s+)?(?:nearby|surrounding|neighbou?ring)\s+(?:villages|towns|areas)\b|"
    # (not the parts of one town: "على مناطق في بلدة X", "أحياء مدينة X")
    r"(?:في|ب|على) ?(?:مناطق|أحياء|احياء|أنحاء|انحاء)\b(?!\s+(?:(?:في|من)\s+|ب)?(?:ال)?(?:بلدة|مدينة|قرية|مخيم)\s)",
    re.IGNORECASE)
#: the parts of one place, named right before it: "على أحياء درعا البلد", "في مناطق X"
_PARTS_OF_RE = _rx(r"(?:مناطق|أحياء|احياء|أنحاء|انحاء)\s*$")


def _spread(s: str, a: int, b: int, place: Span | None = None) -> bool:
    """:data:`_SPREAD` in ``s[a:b]``, other than the place's own parts named right before it ("قتل ستة مدنيين في
    غارات على أحياء درعا البلد": the toll of the one place)."""
    return any(not (place is not None and place[0] - 1 <= m.end() <= place[0] and
                    _PARTS_OF_RE.search(s, m.start(), place[0]))
               for m in _SPREAD.finditer(s, a, b))


#: after an end of a road named by its ends: the other end, then "road" ("Dael-Ibta' road", "Ibta' road")
_ROAD_NAMED_BY_ENDS_RE = re.compile(r"(?:[-–][A-Z][\w'’]*(?:\s[A-Z][\w'’]*)?)?\s+(?:road|crossroads?|junction)\b")
_ROAD = _rx(r"(?:\bbetween\b|\broad\b|\bhighway\b|\bcrossroads?\b|\bjunction\b|بين|طريق|الطريق|أوتوستراد|اوتوستراد)", re.IGNORECASE)
_AR_PLACE_NOUN = _n("بلدة مدينة قرية حي مخيم بلدات قرى مناطق أحياء مزرعة ناحية")
_MONTHS = _w("""january february march april may june july august september october november december jan feb
mar apr jun jul aug sep sept oct nov dec""") | _n("""كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين
يناير فبراير مارس أبريل ابريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر""")
_UNIT_BEFORE = _w("brigade division regiment battalion route highway road km kilometres kilometers no number "
                         "corps unit sector gate") | _n("الفرقة اللواء الكتيبة الفوج الطريق كم كيلومتر رقم "
                                                               "الفيلق الساعة يوم الحاجز")
#: words an age follows ("aged 9", "بعمر 12 عاماً" without its unit), and those between two ages
_AGE_BEFORE = _w("aged ages age") | _n("بعمر عمر عمره عمرها عمرهما العمر")
_AGE_RANGE_WORDS = frozenset(("and", "or", "to", "between", "و", "بين", "-", ","))
_UNIT_AFTER = _w("km kilometres kilometers kilometre metres meters year years old percent % hours hour "
                        "minutes days shells rockets missiles vehicles tanks houses homes barrels strikes "
                        "raids") | _n("""كم كيلومتر كيلومترات متر عاما عام سنة سنوات ساعة ساعات دقيقة
أيام يوما قذيفة قذائف صاروخ صواريخ عربة عربات دبابة دبابات منزل منازل برميل براميل غارة غارات بالمئة""")


# --------------------------------------------------------------------------- tokens
_TOKEN_RE = re.compile(
    r"(?P<age>\d+[-\s](?:year|month)s?[-\s]old)\b"           # an age, one word: "a 12-year-old boy" (no count)
    r"|\d+(?:[.,٬]\d{3})*"                                  # 12, 1,200, ١٢
    r"|[A-Za-z]+(?:['’][A-Za-z]+)?"                          # English words
    r"|(?:[^\W\d_]|[\u064b-\u065f\u0670\u0640])+"            # Arabic (and other) words with their marks
    r"|[^\w\s]")                                             # punctuation, one character each


@dataclass(slots=True)   # (not frozen: a frozen dataclass is built field by field through object.__setattr__,
class _Tok:              # twice the cost, and a sentence makes one per word; tokens are never changed)
    w: str       # normalised form
    a: int       # offsets in the sentence
    b: int
    p: bool      # punctuation


#: :func:`_norm` of a raw word, kept (words repeat from sentence to sentence)
_norm_kept = lru_cache(maxsize=65536)(_norm)


def _tokens(s: str) -> list[_Tok]:
    out = []
    for m in _TOKEN_RE.finditer(s):
        raw = m.group(0)
        punct = not (raw[0].isalnum() or raw[0] == "_")
        if m.lastgroup == "age":
            w = "young"   # (read as the adjective it is: "a young boy")
        elif raw[0].isdecimal():   # (as \d is: "²" is a digit to isdigit, not to int: "مصرع:²X" is a word)
            w = str(int(re.sub(r"[.,٬]", "", raw)))
        elif punct:
            w = raw
        else:
            w = _norm_kept(raw)
        out.append(_Tok(w, m.start(), m.end(), punct))
    return out


_CLITICS = ("و", "ف", "ب", "ل", "ك")


@lru_cache(maxsize=65536)   # (asked several times for each word of a sentence with a death)
def _bases(w: str) -> tuple[str, ...]:
    """A normalised Arabic word and its forms without one or two attached proclitics."""
    out = [w]
    for _ in range(2):
        if len(w) > 3 and w[0] in _CLITICS:
            w = ("ال" + w[2:]) if w.startswith("لل") else w[1:]
            out.append(w)
        else:
            break
    return tuple(out)


def _is(w: str, words: frozenset[str] | dict) -> bool:
    for b in _bases(w):   # (a plain loop: ``any`` over a generator costs more for these one to three forms)
        if b in words:
            return True
    return False


# --------------------------------------------------------------------------- numbers
VAGUE = -1   # a count that is stated but not exact ("dozens", "killed and wounded"): never a figure


def _date_or_unit(toks: list[_Tok], i: int, j: int) -> bool:
    """The number at ``i`` (ending before ``j``) is a date, an age, a unit's name or a measure."""
    prev = toks[i - 1].w if i > 0 else ""
    if prev == "." and i > 1 and toks[i - 2].w in _MONTHS:
        prev = toks[i - 2].w   # "Jan. 2": an abbreviated month and its full stop
    nxt = toks[j].w if j < len(toks) else ""
    nxt2 = toks[j + 1].w if j + 1 < len(toks) else ""
    # (a hyphen glued to the number, "T-72", "2-3"; not a dash with spaces, "(Reuters) - Three children were killed")
    return (prev in _MONTHS or nxt in _MONTHS or _is(prev, _UNIT_BEFORE) or (prev == "-" and toks[i - 1].b == toks[i].a)
            or _is(nxt, _UNIT_AFTER)
            or (nxt == "-" and nxt2 in ("year", "years", "km", "day")) or _after_age(toks, i)
            or (nxt in ("من", "of") and nxt2 in _MONTHS)   # "الثامن عشر من آذار", "the 18th of March": a day
            or (nxt == "من" and nxt2 in ("الشهر", "شهر"))   # "في الـ 12 من الشهر الجاري", "من شهر تموز": a day
            or nxt in ("th", "st", "nd", "rd")   # "the 8th Brigade", "the 5th Corps": an ordinal names a unit
            or (prev == nxt == "," and i > 1 and toks[i - 2].w.isascii() and toks[i - 2].w.isalpha()))
            # "Ahmad al-Zoubi, 34, was shot dead": an age set off by commas after a name


def _after_age(toks: list[_Tok], i: int) -> bool:
    """The number at ``i`` is an age: "aged 9", "aged 9 and 11", "aged between 8 and 12", "بعمر 9 و11"."""
    k = i - 1
    while k >= 0 and i - k <= 4:
        w = toks[k].w
        if _is(w, _AGE_BEFORE):
            return True
        if not (w.isdecimal() or w in _AGE_RANGE_WORDS or (w[:1] == "و" and w[1:].isdecimal())):
            return False
        k -= 1
    return False


def _ar_number(toks: list[_Tok], i: int) -> tuple[int, int] | None:
    """An Arabic number word (or a compound: خمسة عشر، خمسة وعشرون، مئة) at ``i``: (value, next index)."""
    w = toks[i].w
    forms = _bases(w)
    if w.startswith("ال") and w[2:] not in (_norm("أحد"), _norm("اثنين")):   # "العناصر التسعة" (not Sunday/Monday)
        forms = (*forms, w[2:])
    unit = next((_AR_UNITS[f] for f in forms if f in _AR_UNITS), None)
    tens = next((_AR_TENS[f] for f in forms if f in _AR_TENS), None)
    hund = next((_AR_HUNDRED[f] for f in forms if f in _AR_HUNDRED), None)
    nxt = toks[i + 1].w if i + 1 < len(toks) else ""
    if hund is not None:
        return hund, i + 1
    if tens is not None:
        return tens, i + 1
    if unit is None:
        return None
    if unit < 10 and nxt in (_norm("عشر"), _norm("عشرة")):
        return unit + 10, i + 2
    if nxt[:1] == "و" and nxt[1:] in _AR_TENS:
        return unit + _AR_TENS[nxt[1:]], i + 2
    if nxt in _AR_HUNDRED and unit < 10:
        return unit * 100, i + 2
    return unit, i + 1


def _en_number(toks: list[_Tok], i: int) -> tuple[int, int] | None:
    w = toks[i].w
    nxt = toks[i + 1].w if i + 1 < len(toks) else ""
    if w in ("a", "one") and nxt == "dozen":
        return 12, i + 2
    if w == "dozen":
        return 12, i + 1
    if w in _EN_TENS:
        if nxt == "-" and i + 2 < len(toks) and 0 < _EN_NUM.get(toks[i + 2].w, 0) < 10:
            return _EN_TENS[w] + _EN_NUM[toks[i + 2].w], i + 3
        return _EN_TENS[w], i + 1
    if w in _EN_NUM and w != "zero":
        if w == "one" and nxt == "of":
            return 1, i + 1
        return _EN_NUM[w], i + 1
    return None


def _number(toks: list[_Tok], i: int) -> tuple[int, int] | None:
    """A count at ``i``: digits or number words, not a date, an age or a unit; (value, next index)."""
    if i >= len(toks) or toks[i].p:
        return None
    w = toks[i].w
    if w.isdecimal():
        v = int(w)
        if _date_or_unit(toks, i, i + 1) or v >= 1900 or v == 0:
            return None
        return v, i + 1
    got = _en_number(toks, i) if w.isascii() else _ar_number(toks, i)
    if got is None or _date_or_unit(toks, i, got[1]):
        return None
    return got


# --------------------------------------------------------------------------- who was killed
#: person nouns that take a possessive pronoun ("سائقها", "مرافقه", "حارسه")
_AR_PERSON_OF = _n("سائق مرافق حارس مساعد صديق زميل جار قائد طيار صاحب مالك")   # ("استشهاد صاحبها": a car's)


def _ar_person(w: str) -> int | None:
    """1 for a singular person noun, 2 for a dual one, VAGUE for a plural one, None for other words."""
    for b in _bases(w):
        core = b[2:] if b.startswith("ال") and len(b) > 4 else b
        if b in _AR_NOUN_TWO or core in _AR_NOUN_TWO:
            return 2
        if core in _AR_PERSON or (core.endswith("ا") and core[:-1] in _AR_PERSON):
            return 1
        if core.endswith(("ها", "ه")) and core.rstrip("اه") in _AR_PERSON_OF:
            return 1   # "مقتل سائقها", "ومرافقه": his or its driver, companion, guard
        if (core.endswith("ان") and core[:-2] in _AR_PERSON and core[:-2] not in _AR_AN_NOT_DUAL) or \
                (core.endswith("ين") and core[:-2] in _AR_DUAL_IN) or \
                (core[-3:] in ("تان", "تين") and core[:-3] + "ه" in _AR_PERSON):
            return 2
        if b in _AR_PLURAL_PERSON or core in _AR_PLURAL_PERSON:
            return VAGUE
    return None


def _en_person(w: str) -> int | None:
    if w in _EN_PERSON:
        return 1
    if w in _EN_PLURAL_PERSON:
        return VAGUE
    return None


def _skip_qualifiers(toks: list[_Tok], j: int, end: int) -> tuple[int, bool]:
    """Skip "at least", "more than", ما لا يقل عن, أكثر من ...; (next index, "less than" seen)."""
    less = False
    while j < end and not toks[j].p:
        w = toks[j].w
        if w in _EN_LESS or (w in _AR_LESS and j + 1 < end and toks[j + 1].w == "من"):
            less = True
        phrase = next((ph for ph in _EN_QUAL_PHRASES if tuple(t.w for t in toks[j:j + len(ph)]) == ph),
                      None) if w in _EN_QUAL_FIRST else None
        if phrase:
            j += len(phrase)
            continue
        if w in _EN_QUAL or w in _AR_QUAL or w in _AR_LESS or w in _EN_LESS:
            j += 1
            continue
        break
    return j, less


_QUOTES = {"\"": "\"", "“": "”", "«": "»", "(": ")", "'": "'"}


def _quoted_name(toks: list[_Tok], j: int, end: int, ar: bool) -> tuple[int, int] | None:
    """A person named in quotation marks or brackets right after a death word (قتل "فلان الفلاني"):
    one victim, when the quotes hold two to five plain words (no number, no group or place noun)."""
    close = _QUOTES.get(toks[j].w)
    if close is None:
        return None
    k = j + 1
    while k < end and k - j <= 6 and not toks[k].p:
        w = toks[k].w
        if _number(toks, k) is not None or (_is(w, _AR_NAMED) if ar else w in _EN_GROUP):
            return None
        k += 1
    if k >= end or toks[k].w != close or not 2 <= k - j - 1 <= 5:
        return None
    return 1, k + 1


#: a family, whose members are counted after "من" ("عائلة مؤلفة من أربعة أشخاص")
_AR_FAMILY = _n("عائلة أسرة عائلته أسرته")


#: "one of them" (normalised, with a clitic)
_AR_ONE_OF_THEM = frozenset(c + w for w in _n("أحدهم أحدهما إحداهم إحداهن إحداهما") for c in ("", "و", "ف"))


def _item(toks: list[_Tok], j: int, end: int, ar: bool) -> tuple[int, int] | None:
    """One victim phrase at ``j``: (count or VAGUE, index after it), or None when there is none."""
    j, less = _skip_qualifiers(toks, j, end)
    if j >= end or toks[j].p:
        return None
    w = toks[j].w
    num = _number(toks, j)
    if num is not None:
        return (VAGUE if less else num[0]), _skip_noun(toks, num[1], end, ar)
    if ar:
        if _is(w, _AR_VAGUE):
            return VAGUE, j + 1
        if w in _AR_ONE_OF_THEM:
            return 1, j + 1      # "فقتلوا أحدهم وأصابوا اثنين": one of them
        if w in _AR_KIN or any(b in _AR_KIN for b in _bases(w)):
            return next(_AR_KIN[b] for b in _bases(w) if b in _AR_KIN), j + 1
        if w in _AR_ONE_MORE and (j + 1 >= end or toks[j + 1].p or toks[j + 1].w in _AR_PREPS or
                                  toks[j + 1].w[:1] in "وب"):
            return 1, j + 1      # "وآخر من الأمن العسكري": one more (not "آخر تجمعاتهم", their last gatherings)
        if _is(w, _AR_FAMILY) and j + 2 < end:   # "عائلة مؤلفة من أربعة أشخاص", "أسرة من خمسة أفراد"
            k = j + 2 if toks[j + 1].w == "من" else j + 3 if j + 3 < end and toks[j + 2].w == "من" else None
            num = _number(toks, k) if k is not None else None
            if num is not None:
                return num[0], _skip_noun(toks, num[1], end, ar)
        p = _ar_person(w)
        if p is None and w.endswith(("ه", "ها", "هم", "هما")):
            owned = _ar_person(w[:-len(next(x for x in ("هما", "هم", "ها", "ه") if w.endswith(x)))])
            if owned == VAGUE and j + 1 < end:
                p = VAGUE    # "وأطفاله الثلاثة", "وأطفالها الأربعة": his or her children, the number follows
            elif owned == 1:
                p = 1        # "رجل وزوجته وطفلهما": their child
        if p == VAGUE and j + 1 < end:      # "العناصر التسعة", "الشبان الثلاثة": the number follows
            num = _number(toks, j + 1)
            if num is not None:
                return num[0], num[1]
        return (p, j + 1) if p is not None else None
    if w in _EN_VAGUE:
        return VAGUE, j + 1
    if w in ("him", "her") and not (j + 1 < end and (_number(toks, j + 1) is not None or
                                                     _en_person(toks[j + 1].w) is not None)):
        return 1, j + 1
    if w == "both":
        return 2, j + 1
    if w == "them":
        return VAGUE, j + 1
    # "her three children", "the bodies of the four officers": a number after a possessive or "the"
    if (w in _EN_POSS or w == "the") and j + 1 < end and _number(toks, j + 1) is not None:
        num = _number(toks, j + 1)
        return num[0], _skip_noun(toks, num[1], end, ar)  # type: ignore[index]
    if w in ("another", "other") and j + 1 < end and _number(toks, j + 1) is not None:
        num = _number(toks, j + 1)     # "another five rebels died": five more
        return num[0], _skip_noun(toks, num[1], end, ar)  # type: ignore[index]
    if w in _EN_ONE and j + 3 < end and toks[j + 1].w == "family" and toks[j + 2].w == "of":
        num = _number(toks, j + 3)     # "a family of five"
        if num is not None:
            return num[0], num[1]
    if w in _EN_ONE or w in _EN_POSS:
        for k in range(j + 1, min(j + 5, end)):   # "a young man", "an FSA member", "his son"
            if toks[k].p:
                break
            p = _en_person(toks[k].w)
            if p is not None:
                if k + 1 < end and toks[k + 1].w in _EN_GROUP:
                    return None          # "a terrorist cell", "a rebel position"
                return (1 if p == 1 else VAGUE), k + 1
        return None
    p = _en_person(w)
    if p is None and w in _EN_FIRST_NAMES:
        # "gunmen shot dead Mohammad al-Sabbagh in Tafas": one man, by his name (its other words after it)
        k = j + 1
        while k < min(end, j + 6) and (toks[k].w in _EN_NAME_PARTS or toks[k - 1].w in _EN_NAME_PARTS):
            k += 1
        return 1, k
    return (p, j + 1) if p is not None else None


#: the words that join the parts of an Arabic name written in Latin ("al-Sabbagh", "Abu Zaid", "bin Ali")
_EN_NAME_PARTS = frozenset(("al", "el", "-", "abu", "abou", "bin", "ibn", "abd", "abdel", "abdul"))
#: first names that open a victim's name after a verb of death (not "said": "killed, said ...")
_EN_FIRST_NAMES = EN_FIRST_NAMES - {"said"}


def _skip_noun(toks: list[_Tok], j: int, end: int, ar: bool) -> int:
    """After a number: its noun and adjectives ("Syrian soldiers", "مدنيين", "من عناصر الفصائل")."""
    k = j
    cap = 4
    while k < end and k - j < cap and not toks[k].p:
        w = toks[k].w
        if not ar and w == "of" and k > j and (toks[k - 1].w in _EN_PLURAL_PERSON or toks[k - 1].w in _EN_PERSON):
            cap = k - j + 6   # "members of the Syrian Arab Army": the unit's name (up to five words) belongs to them
        if w == "علي" and k + 1 < end and toks[k + 1].w == "الاقل":   # "أربعة على الأقل"
            k += 2
            continue
        if (ar and w[:1] == "و" and len(w) > 2) or w in ("and", "or", "were", "was", "in", "on", "at", "by", "while",
                                                          "near", "outside", "inside", "between", "across", "when"):
            break
        if ar and (w in _AR_PREPS or _is(w, _AR_PLACE_NOUN) or _is(w, _AR_VERB) or _is(w, _AR_MASDAR)):
            break
        if _is(w, _AR_WOUND) or w in _EN_WOUND or _is(w, _AR_SUBSET) or w in _EN_SUBSET:
            break
        k += 1
    return k


#: what follows an age set off by commas after a name ("Ahmad al-Zoubi, 25, from X", "..., 25, was shot")
_EN_AFTER_AGE = frozenset((",", "from", "in", "of", "who", "was", "years", "year", ")", "."))


def _victims(toks: list[_Tok], j: int, end: int, ar: bool,
             first: tuple[int, int] | None = None) -> tuple[int | None, int]:
    """Coordinated victims after a death word: "أربعة رجال وامرأتين وطفلة" = 7, "a man and his son" = 2,
    "مقتله وابنته" = 2 (``first``: the count already read, with the index after it).
    Returns (count, VAGUE, or None when there is no victim phrase; index after the phrase)."""
    got = first if first is not None else _item(toks, j, end, ar)
    if got is None:
        return None, j
    total, k = got
    if ar and any(t.w in _AR_THEY_ARE for t in toks[j:k]):
        return total, k   # "ثلاثة أشخاص هم أحمد وخالد ومحمد": the three counted, named
    if first is None and 0 < j and toks[j - 1].w in ("between", "بين") and total != VAGUE and k < end:
        upper = _range_end(toks, k, end, ar)
        if upper is not None:
            return total, upper   # "between seven and ten civilians", "ما بين سبعة وعشرة": its lower bound
    dual = ar and first is None and total == 2 and k == j + 1   # (one word for two: a dual noun)
    while k < end and total != VAGUE:
        if ar and toks[k].w in _AR_THEY_ARE:
            break   # "مدنيين اثنين هما فلان وابنته": the two counted, named
        comma = toks[k].w in (",", "،") and k + 1 < end
        n = k + 1 if comma else k
        if ar and not comma:
            n = _ar_next_victim(toks, n, end)
        w = toks[n].w
        if ar and w in _AR_ONE_AFTER and not comma:
            k = n + 1    # "قتل شخص واحد": the noun's "one", not "و" and another victim
            continue
        if ar and w[:1] == "و" and len(w) > 2:
            if dual and n > k and toks[k].w in _AR_FIRST_NAMES and w[1:] in _AR_FIRST_NAMES:
                return total, n + 1   # "الشابان أحمد وخالد", "الطفلين محمد وأحمد": the two, named
            if total >= 11 and _number(toks, n) is None and _item([_Tok(w[1:], 0, 0, False)], 0, 1, ar) == (1, 1):
                break    # "280 مدني وعسكري": one count of civilians and soldiers, not one more person
            sub = [_Tok(w[1:], toks[n].a + 1, toks[n].b, False), *toks[n + 1:end]]
            nxt = _item(sub, 0, len(sub), ar)
            if nxt is None:
                break
            total, k = (VAGUE if nxt[0] == VAGUE else total + nxt[0]), n + nxt[1]
        elif not ar and comma and (age := _number(toks, n)) is not None and (
                age[1] >= end or toks[age[1]].w in _EN_AFTER_AGE):
            break   # "killed Ahmad al-Zoubi, 25, in X": his age, not 25 more dead
        elif not ar and w == "and" and (same := _same_count_more(toks, n + 1, end)) is not None:
            k = same   # "12 soldiers and allied militiamen and nine rebels": one count of two kinds, then nine more
        elif not ar and (w == "and" or (comma and _number(toks, n) is not None)):
            nxt = _item(toks, n + 1 if w == "and" else n, end, ar)
            if nxt is None or (comma and nxt[0] == VAGUE and w == "and" and toks[n + 1].w not in _EN_VAGUE):
                break   # (", and residents of X protested": the next clause's people, no more victims)
            if _wounded_next(toks, nxt[1], end):
                break   # ("killed two soldiers and three civilians were wounded": the wounded, not more dead)
            total, k = (VAGUE if nxt[0] == VAGUE else total + nxt[0]), nxt[1]
        elif not ar and comma and (w in _EN_POSS or w in _EN_ONE):
            # "a man, his wife and their three children": a list of victims goes on after a comma when it ends
            # with "and" (not "killing a man, his brother said"); but "two civilians, a woman and her son" names
            # the two it counted
            if total > 1 and toks[k - 1].w in _EN_UMBRELLA and (named := _victims(toks, n, end, ar))[0] == total:
                return total, named[1]
            nxt = _item(toks, n, end, ar)
            if nxt is None or nxt[1] >= end or toks[nxt[1]].w not in (",", "and"):
                break
            total, k = (VAGUE if nxt[0] == VAGUE else total + nxt[0]), nxt[1]
        else:
            break
    return total, k


#: the people of a place (normalised): "ستة من أبناء بلدة X قتلوا" counts six of them
_AR_FOLK = _n("أبناء ابناء أهالي اهالي سكان")
#: first names (normalised): after a dual, the two named ("الشابان أحمد وخالد")
_AR_FIRST_NAMES = _n(" ".join(FIRST_NAMES_AR))
#: "they are" before the names of the dead counted (normalised)
_AR_THEY_ARE = _n("هما هم هن وهما وهم")
#: "one" after a counted noun ("شخص واحد", "امرأة واحدة"; normalised)
_AR_ONE_AFTER = _n("واحد واحدة")


#: victims named by what they all are, whom a list after a comma may name one by one ("two civilians, a woman and
#: her son"; not "two men, a woman and her son", four)
_EN_UMBRELLA = _w("civilians people persons residents relatives members villagers family brothers siblings")


def _same_count_more(toks: list[_Tok], j: int, end: int) -> int | None:
    """After "N soldiers and", their allies with no number of their own ("allied militiamen", "militiamen"): the
    index after them, or None (not "three soldiers and civilians", which may be more)."""
    for k in (j, j + 1):
        if k < end and toks[k].w in _EN_ALLIED and not (k > j and (toks[j].p or _number(toks, j) is not None or
                                                                   toks[j].w in _EN_VAGUE)):
            return k + 1
    if j >= 2 and j < end and toks[j - 2].w in _EN_COMBATANTS and toks[j].w in _EN_COMBATANTS:
        return j + 1   # "18 rebels and soldiers were killed in the battle": the fight's dead on both sides, one count
    return None


#: the armed men of either side ("18 rebels and soldiers": one count of both)
_EN_COMBATANTS = _w("rebels soldiers fighters militants troops gunmen insurgents jihadists policemen combatants "
                    "militiamen")
#: fighters on the side of those counted before them, counted with them ("12 soldiers and allied militiamen")
_EN_ALLIED = _w("militiamen militias mercenaries loyalists paramilitaries allies auxiliaries")


def _range_end(toks: list[_Tok], k: int, end: int, ar: bool) -> int | None:
    """Where the upper figure of a range "between A and B" ends (``k``: after A), or None."""
    w = toks[k].w
    if ar and w[:1] == "و" and len(w) > 1:
        sub = [_Tok(w[1:], toks[k].a + 1, toks[k].b, False), *toks[k + 1:end]]
        got = _number(sub, 0)
        return None if got is None else k + _skip_noun(sub, got[1], len(sub), ar)
    if not ar and w == "and" and k + 1 < end:
        got = _number(toks, k + 1)
        return None if got is None else _skip_noun(toks, got[1], end, ar)
    return None


def _wounded_next(toks: list[_Tok], k: int, end: int) -> bool:
    """The words at ``k`` make the victims before them the subject of a wounding ("... were wounded")."""
    j = k
    while j < end and j < k + 3 and toks[j].w in _EN_AUX:
        j += 1
    return j > k and j < end and toks[j].w in _EN_WOUND


#: "و" + another one of the same: "وآخر من الأمن العسكري", "واثنان آخران"
_AR_ANOTHER = _n("آخر اخر أخرى اخرى آخرين اخرين آخران اخران")
_AR_ONE_MORE = _n("آخر اخر أخرى اخرى")


#: the quotes a group's name may stand in (not a bracket: an age)
_NAME_QUOTES = frozenset('"“”«»')


def _ar_next_victim(toks: list[_Tok], n: int, end: int) -> int:
    """Where the next victim of an Arabic list starts, past what may stand between it and the one before:
    adjectives ("مدنياً آخر وامرأة"), his name ("القيادي أحمد الخالد وشقيقه"), his age in brackets ("الطفل
    محمد (7 سنوات) وشقيقته"), his unit ("عنصر من الفرقة الرابعة وآخر من الأمن العسكري"); ``n`` when nothing."""
    m, words, unit, rank, prep = n, 0, False, False, False
    while m < end and words < 7:   # (past five words, only his kin or companions: "القيادي في "فرقة X" فلان ومرافقه")
        w = toks[m].w
        if w in _NAME_QUOTES:
            m += 1   # (his group's name in quotes)
            continue
        if w == "(":
            close = next((k for k in range(m + 1, min(m + 6, end)) if toks[k].w == ")"), None)
            if close is None:
                return n
            m = close + 1
            continue
        if w[:1] == "و" and len(w) > 2:
            near = (m <= n + 1 or rank or (words <= 3 and not prep)) and not unit and words < 5
            # ("ضابط برتبة ملازم أول وعنصر": his rank, then the next; "مقتل بلال الدروبي وعنصر": his name)
            return m if near or w[1:] in _AR_KIN or w[1:] in _AR_ANOTHER or _companions(toks, m, end) else n
        if w == "في" and not prep:
            prep = True   # "قيادي في تنظيم داعش وثلاثة من مرافقيه": his group, then his companions
            words += 1
            m += 1
            continue
        if toks[m].p or _is(w, _AR_VERB) or w[:1].isdecimal() or (w in _AR_PREPS and w != "من") or _is(w, _AR_SUBSET):
            return n   # (only "من" of a unit may stand between: "عنصر من الفرقة الرابعة وآخر"; "4 مواطنين بينهم
            #            امرأة وطفلها": the woman and her child are of the four)
        unit = unit or w == "من"
        rank = rank or w in _AR_RANK
        words += 1
        m += 1
    return n


def _companions(toks: list[_Tok], m: int, end: int) -> bool:
    """The "و" item at ``m`` counts the companions of the victim before it: "وثلاثة من مرافقيه", "واثنان من عناصره"."""
    return m + 2 < end and toks[m + 1].w == "من" and _is(toks[m + 2].w, _AR_COMPANIONS)


#: the companions of a victim, after "N من" (normalised): "وثلاثة من مرافقيه"
_AR_COMPANIONS = _n("مرافقيه مرافقيهم مرافقيها عناصره عناصرها عناصرهم رفاقه رفاقهم حراسه حراسها أبنائه أبنائها "
                    "أقاربه أشقائه إخوته أفراد")


#: a victim's rank told after him (normalised): "ضابط برتبة ملازم أول"
_AR_RANK = frozenset(("برتبه", "رتبه"))


# --------------------------------------------------------------------------- death statements
@dataclass(frozen=True, slots=True)
class Death:
    """One statement that people died: its extent in the sentence and the count it gives
    (a number, 0 for "nobody was killed", or ``VAGUE``)."""

    a: int
    b: int
    count: int


_EN_AUX = _w("was were been being is are be has have had reportedly also all later allegedly "
                    "subsequently both then")
_EN_STOP_BACK = _w("and while when after as that which who whom but in on by from with said says "
                          "than of")
_EN_NEG = _w("no nobody none without not never")
#: a figure not given, after "without"/"دون": "without giving a toll", "دون ذكر عدد القتلى"
_FIGURE_WITHHELD = _w("giving providing offering specifying citing") | _n("ذكر تحديد")
_AR_NEG = _n("دون بدون لم لا عدم ولا ولم")
_AR_OTHER_HARM = _n("أسر اسر اعتقال خطف اختطاف احتجاز تعذيب")
#: "the martyr" before a name (normalised, with "و"): one of the dead of a list (not "كتيبة الشهيد X", a unit's name)
_AR_THE_MARTYR = _n("الشهيد الشهيدة والشهيد والشهيدة")
_AR_NAMED = _n("لواء ألوية الوية كتيبة كتائب سرايا سرية تجمع حركة جيش ساحة دوار مقبرة جمعة يوم حي شارع مسجد "
               "مدرسة مشفى مستشفى توثيق")   # ("مكتب توثيق الشهداء": an office's name)
_AR_PREPS = _n("من في على إلى الى عن مع بين قرب خلال بعد قبل عند")
#: gunmen in the nominative, after a verb whose passive is written otherwise: the doers, not the dead
_AR_DOERS_NOMINATIVE = _n("مسلحان مسلحون مجهولان مجهولون ملثمان ملثمون")
_AR_ASSASSINATED = _n("اغتال اغتالت يغتال تغتال")
#: a doer named before its victim after an active verb: a group with its adjective, riders with their vehicle
_AR_GROUP = _n("مجموعة مجموعات عصابة خلية وحدة وحدات")   # ("قتلت وحدة من الجيش 13 إرهابياً")
_AR_RIDING = _n("يستقلون يستقل تستقل يستقلان يركبون")


def _back_span(toks: list[_Tok], i: int, ar: bool, lim: int = 12) -> int:
    """Index of the first token of the phrase just before ``i``: it stops at clause words and at
    punctuation other than the commas and "and" of a list of victims."""
    k = i
    while k > 0 and i - k < lim:
        t = toks[k - 1]
        if t.p and t.w not in ("-", "'", "’", ",", "،"):
            break
        if not ar and t.w == "of" and k >= 2 and (toks[k - 2].w in _EN_PLURAL_PERSON or toks[k - 2].w in _EN_PERSON):
            k -= 1     # "three members of the Eighth Brigade were killed": the victims' unit, inside the phrase
            continue
        if not ar and t.w in _EN_STOP_BACK and t.w != "and":
            break
        if ar and (_is(t.w, _AR_VERB) or _is(t.w, _AR_WOUND)):
            break
        k -= 1
    return k


def _subject(toks: list[_Tok], i: int, ar: bool) -> int | None:
    """The count of the subject before a passive or intransitive death word ("three soldiers were
    killed", "four men, two women and a girl were killed", "أربعة مدنيين قتلوا"): the victim phrase
    that ends right before it."""
    j = i
    if not ar and toks[i].w == "dead" and j > 0 and toks[j - 1].w in ("shot", "stabbed", "beaten", "gunned"):
        j -= 1   # "two brothers were shot dead": the subject before "were shot"
    while not ar and j > 0 and toks[j - 1].w in _EN_AUX:
        j -= 1
    if j >= 3 and toks[j - 1].w in (",", "،"):   # "two brothers, aged 9 and 11, died": past their ages
        c = next((k for k in range(j - 2, max(-1, j - 8), -1) if toks[k].w in (",", "،")), None)
        if c is not None and any(_is(t.w, _AGE_BEFORE) for t in toks[c + 1:j - 1]):
            j = c
    j = _before_both_sides(toks, j)   # "23 fighters from both sides were killed": not the two sides
    if not ar:   # "three soldiers from the Fourth Division were killed": the victims end before their force
        j = next((k for k in range(j - 2, max(-1, j - 9), -1) if _en_unit_of(toks, k, j)), j)
    else:        # "إن 15 عنصراً من قوات النظام قتلوا": the same in Arabic
        j = next((k for k in range(j - 2, max(-1, j - 6), -1) if toks[k].w == "من" and
                  not any(t.p for t in toks[k + 1:j]) and any(_is(t.w, _AR_UNIT) or _is(t.w, _AR_FAMILY) or
                                                             t.w in _AR_FOLK for t in toks[k + 1:j])), j)
        # ("طفلين من عائلة واحدة", "ستة من أبناء بلدة X قتلوا")
    if j >= 2 and toks[j - 1].w == "those" and toks[j - 2].w == "among":
        return VAGUE   # "five children are among those killed": a part of a toll
    if not ar and j >= 3 and toks[j - 1].w in ("them", "whom", "those", "these") and toks[j - 2].w == "of":
        num = next((got for k in (j - 3, j - 4) if k >= 0 and (got := _number(toks, k)) is not None
                    and got[1] == j - 2), None)
        if num is not None:
            return num[0]   # "Two of them were killed", "Eight of those were killed in X": of the people told before
    count = _phrase_count(toks, j, ar)
    if not ar and j >= 3 and (count is None or toks[j - 1].w == ","):
        # the head before an apposition or a relative clause: "Four people, among them three children, were
        # killed", "two brothers, Mohammad and Khalil, were shot dead", "Two young men who had returned from X were
        # killed"
        if toks[j - 1].w == ",":
            c = next((k for k in range(j - 2, max(-1, j - 14), -1) if toks[k].w == ","), None)
        else:
            c = next((k for k in range(j - 1, max(-1, j - 10), -1) if toks[k].w in ("who", "whom")), None)
            c = None if c is None or any(t.p for t in toks[c:j]) else c
        head = _phrase_count(toks, c, ar) if c is not None and c > 0 else None
        count = head if head is not None else count
    return count


#: the sides the dead were of, after them: "from both sides", "on both sides", "من الطرفين", "من كلا الجانبين"
#: (as tokens are: Arabic normalised), made once
_BOTH_SIDES = tuple(tuple(w if w.isascii() else _norm(w) for w in tail) for tail in (
    ("from", "both", "sides"), ("on", "both", "sides"), ("of", "both", "sides"), ("من", "الطرفين"),
    ("من", "الجانبين"), ("من", "كلا", "الطرفين"), ("من", "كلا", "الجانبين")))
_BOTH_SIDES_LAST = frozenset(tail[-1] for tail in _BOTH_SIDES)


def _before_both_sides(toks: list[_Tok], j: int) -> int:
    """The end of the victims before "from both sides" ending at ``j`` (else ``j``)."""
    if j < 2 or toks[j - 1].w not in _BOTH_SIDES_LAST:
        return j   # (the common case, one look: no word of the sides ends the phrase)
    for tail in _BOTH_SIDES:
        k = j - len(tail)
        if k > 0 and tuple(t.w for t in toks[k:j]) == tail:
            return k
    return j


def _phrase_count(toks: list[_Tok], j: int, ar: bool) -> int | None:
    """The count of the victim phrase that ends right before ``j``."""
    start = _back_span(toks, j, ar)
    for k in range(start, j):
        if toks[k].p:
            continue
        count, e = _victims(toks, k, j, ar)
        if count is None:
            continue
        nxt = e + 1 if e < j and toks[e].w in (",", "،") else e
        if e >= j - 1 or (nxt < j and (toks[nxt].w in _EN_SUBSET or _is(toks[nxt].w, _AR_SUBSET))):
            return count    # the phrase reaches the verb, or only "including ..." comes between
    return None


#: the head words of a force or group the victims belong to ("from the Fourth Division", "of the regime army")
_EN_UNIT = _w("division corps brigade brigades regiment battalion army forces militia militias group groups regime "
              "government opposition faction factions front intelligence security guard police unit units committee")


#: the head words of a force in Arabic (normalised)
_AR_UNIT = _n("قوات النظام الجيش الفرقة اللواء الفيلق الأمن الشرطة المخابرات الميليشيات الفصائل فصائل الحرس جيش "
              "الكتائب كتائب المعارضة الجيش الحر التنظيم")


def _en_unit_of(toks: list[_Tok], k: int, j: int) -> bool:
    """Only the force the victims belong to comes between them and the verb at ``j``: "from the Fourth
    Division", "of the regime forces", "with the Eighth Brigade"."""
    if not (k < j <= k + 8 and toks[k].w in ("from", "of", "with")):
        return False
    between = toks[k + 1:j]   # (a hyphened word is three tokens: "of the Russian-backed Fifth Corps")
    return any(t.w in _EN_UNIT for t in between) and not any(t.p and t.w != "-" for t in between)


def _negated(toks: list[_Tok], i: int, ar: bool) -> bool:
    lo = max(0, i - 3)
    words = [t.w for t in toks[lo:i]]
    if ar:
        return any(_is(w, _AR_NEG) and not _is(nxt, _NOT_LESS) for w, nxt in zip(words, [*words[1:], ""]))
    return any(w in _EN_NEG and nxt not in _NOT_LESS for w, nxt in zip(words, [*words[1:], ""])) or \
        " ".join(words[-2:]) in ("no one", "not a")


#: what suspects are charged with, right before a killing ("ممن يشتبه بتورطهم في مقتل عنصر", "متهمين بقتل", "accused of
#: killing"): the crime of another day, not a death of the act told (nor, in ``extract``, an act of that day)
CHARGED_WITH_RE = _rx(r"(?:بتورط\S*|متورط\S*|المتورط\S*|متهم\S*|المتهم\S*|بتهمة|بتهمه)\s+(?:في\s+|ب)?$|\b(?:accused|suspected|charged)\s+"
                       r"(?:of|with|in)\s+(?:the\s+)?$", re.IGNORECASE)
#: a confession before the crime ("اعترف الموقوف بتورطه في قتل شاب", "وباعترافهم"): the crime is owned, an event with its
#: dead (read on the original text here and on the normalised one in ``extract``)
CONFESSED_RE = _rx(r"(?:^|\s)[وف]?(?:ب?اعتراف\S*|اعترف\S*|أقر|اقر|أقروا|اقروا)\s|\b(?:confessed|admitted)\b",
                   re.IGNORECASE)
#: "ما لا يقل عن 25", "no fewer than 25", "not less than": a floor of the figure, no negation
_NOT_LESS = frozenset(("fewer", "less")) | _n("يقل تقل يقلون")


def _attempt(toks: list[_Tok], i: int, ar: bool) -> bool:
    words = [t.w for t in toks[max(0, i - 3):i]]
    if ar:
        return any(_is(w, _AR_ATTEMPT) for w in words)
    return any(w in _EN_ATTEMPT for w in words) or (words[-1:] == ["to"] and toks[i].w in ("kill", "execute"))


def _shared_with_harm(toks: list[_Tok], k: int, ar: bool) -> bool:
    """The word at ``k`` joins another harm to the same count: "killed and wounded", قتلى وجرحى، مقتل وأسر."""
    if k >= len(toks):
        return False
    w = toks[k].w
    if ar:
        return w[:1] == "و" and len(w) > 2 and (_is(w[1:], _AR_WOUND) or _is(w[1:], _AR_OTHER_HARM))
    nxt = toks[k + 1].w if k + 1 < len(toks) else ""
    return w in ("and", "or", "/") and (nxt in _EN_WOUND or nxt in ("abducted", "kidnapped", "arrested", "captured"))


#: the words of a day or a time of day (a date told between a death verb and its victims)
_AR_TIME = _n("يوم أمس اليوم فجر صباح مساء ليل ليلة ظهر عصر الماضي الفائت السبت الأحد الاثنين الثلاثاء الأربعاء "
              "الخميس الجمعة أول")   # ("مساء أول من أمس": أول, then من and أمس)


_EN_DAY_PARTS = frozenset(("night", "morning", "evening", "afternoon"))


def _en_time_at(toks: list[_Tok], j: int) -> int:
    """The index after a day told at ``j`` ("on Monday", "late on Friday night", "overnight", "yesterday"), else ``j``."""
    k = j
    if k < len(toks) and toks[k].w.lower() in ("late", "early"):
        k += 1
    if k + 1 < len(toks) and toks[k].w.lower() == "on" and toks[k + 1].w.lower() in EN_WEEKDAYS:
        k += 2
    elif k < len(toks) and toks[k].w.lower() in ("overnight", "yesterday"):
        k += 1
    else:
        return j
    return k + 1 if k < len(toks) and toks[k].w.lower() in _EN_DAY_PARTS else k


#: "by the bullets / the fire of": the shooter follows (normalised)
_AR_BY_SHOOTER = _n("برصاص بنيران")


def _after(toks: list[_Tok], i: int, ar: bool, skip: int = 3) -> tuple[int | None, int]:
    """Victims after the death word at ``i`` (a few words such as the actor may come first:
    قتل الجيش 5 مسلحين); (count or None, index after them)."""
    end = len(toks)
    j, stop = i + 1, min(i + 1 + skip, end)
    placed = False
    while j < stop:
        if ar and (toks[j].w in _AR_GROUP or toks[j].w in _AR_RIDING):
            # the doer before the victim: "اغتالت مجموعة مسلحة القيادي", "مجهولون يستقلون دراجة نارية الشاب"
            stop = min(stop + (3 if toks[j].w in _AR_RIDING else 2), end)
            j += 2 if toks[j].w in _AR_GROUP else 3
            continue
        if ar and toks[j].w in _AR_DOERS_NOMINATIVE and _is(toks[i].w, _AR_ASSASSINATED):
            stop = min(stop + 1, end)   # "اغتال مسلحان مجهولان شاباً": who killed him (the passive is "اغتيل")
            j += 1
            continue
        if ar and (_is(toks[j].w, _AR_TIME) or (toks[j].w == "من" and j > i + 1 and toks[j - 1].w == "اول")):
            stop = min(stop + 1, end)   # "أعدم يوم السبت الماضي ثلاثة مدنيين": the day before the victims
            j += 1
            continue
        if ar and toks[j].w in (",", "،") and j + 1 < end and (_is(toks[j + 1].w, _AR_TIME) or _is(toks[j - 1].w, _AR_TIME)):
            stop = min(stop + 1, end)   # "اغتال مسلحون مجهولون، مساء الأحد، قيادياً": the day set off by commas
            j += 1
            continue
        if ar and toks[j].w in _AR_BY_SHOOTER:
            break   # "عنصر استشهد برصاص مسلحين": who shot him comes after, not the dead (the subject before counts)
        if ar and j == i + 1 and toks[j].w == "في":
            stop = min(stop + 3, end)   # "استشهد في بلدة X ثلاثة مدنيين": where, between the verb and its dead
            placed = True               # (their number only: "، وشابان في مدينة Y" after it are Y's)
            j += 1
            continue
        if toks[j].p and toks[j].w not in ("-",):
            if j == i + 1 and toks[j].w in _QUOTES:      # قتل "فلان الفلاني"
                count, k = _victims(toks, j + 1, end, ar)
                if count is not None:
                    return count, k    # killed "dozens of terrorists": the victims quoted, not a name
                named = _quoted_name(toks, j, end, ar)
                if named is not None:
                    return named
            break
        if not ar and (k := _en_time_at(toks, j)) > j:
            stop = min(stop + (k - j), end)   # "shot dead on Monday two members of ...": the day before the victims
            j = k
            continue
        if not ar and toks[j].w in ("in", "on", "by", "during", "when", "after", "as", "while"):
            break
        count, k = _item(toks, j, end, ar) or (None, j) if placed else _victims(toks, j, end, ar)
        if count is not None:
            return count, k
        if (ar and (_is(toks[j].w, _AR_VERB) or _is(toks[j].w, _AR_WOUND))) or toks[j].w in _EN_ONE:
            break   # "eliminated a terrorist cell": the phrase after the article is not a victim
        j += 1
    if not ar:   # "shot dead Khaled al-Masri, a former rebel commander": a name, then who he was
        for c in range(i + 2, min(i + 7, end - 1)):
            if toks[c].w == ",":
                if toks[c + 1].w in ("a", "an"):
                    count, k = _victims(toks, c + 1, end, ar)
                    if count == 1:
                        return 1, k
                break
    return None, i + 1


def _pron_count(w: str) -> tuple[int | None, bool]:
    """مقتله -> (1, True), مقتلهما -> (2, True), مقتلهم -> (None, True); (None, False): no such word."""
    for b in _bases(w):
        for suf in ("هما", "هم", "هن", "ها", "ه"):
            stem = b[: -len(suf)]
            if b.endswith(suf) and (stem in _AR_PRON_BASES or (stem.endswith("ت") and stem[:-1] + "ه" in _AR_PRON_BASES)):
                return _AR_PRON[suf], True
    return None, False


def _number_before(toks: list[_Tok], i: int) -> int | None:
    """A number ending right before ``i`` ("15 قتيلا", "خمسة وعشرون شهيدا", "أكثر من 60 شهيدا"); the longest
    ("خمسة عشر قتيلا" is fifteen, not the "عشر" before the noun)."""
    for k in (i - 3, i - 2, i - 1):
        if k < 0:
            continue
        got = _number(toks, k)
        if got is not None and got[1] < i and all(_ar_person(t.w) is not None or _en_person(t.w) is not None
                                                  for t in toks[got[1]:i]):
            got = (got[0], i)       # "ثلاثة عناصر قتلى", "three soldiers dead"
        if got is not None and got[1] == i:
            j = k
            while j > 0 and not toks[j - 1].p and (toks[j - 1].w in _AR_QUAL or toks[j - 1].w in _EN_QUAL):
                j -= 1
            less = any(toks[x].w in _AR_LESS or toks[x].w in _EN_LESS for x in range(j, k))
            return VAGUE if less else got[0]
    return None


_AR_LIVES = _n("حياة أرواح ضحيته ضحيتها ضحيتهم ضحيتهما")   # (and "راح ضحيتها سبعة مدنيين": its victims)
_AR_TOOK_LIVES = _n("أودى أودت يودي تودي حصد حصدت أزهق أزهقت إزهاق راح ذهب")
_AR_ELIMINATE = _n("القضاء قضاء قضت قضى قضوا")
#: "القضاء عليه / عليهما / عليهم" (normalised): him, the two, them (as many as the text told before)
_ELIMINATED = {"عليه": 1, "عليهما": 2, "عليهم": VAGUE}
#: "قضى" (perished) as a verb of death: its dead follow, then what killed them
_AR_PERISHED = _n("قضى قضت قضيا قضتا قضوا")
_AR_CAUSE_AFTER = _n("جراء بسبب إثر اثر نتيجة متأثرا متأثرين متأثرة تحت")
_AR_CAUSE_PREFIXES = tuple(_norm(w) for w in ("بقصف", "بانفجار", "برصاص", "بغارة", "بنيران", "بقذيفة", "بلغم"))


def _on_after(toks: list[_Tok], i: int) -> int | None:
    """The token of "على" after the verb of eliminating at ``i``, right after it or past a short subject and a day
    ("قضت وحدة من الجيش اليوم على"), in the same clause."""
    for k in range(i + 1, min(len(toks), i + 8)):
        if toks[k].p:
            return None
        if toks[k].w == "علي":
            return k
        if k > i + 1 and toks[i].w in ("القضا", "قضا"):
            return None   # (the noun takes "على" at once: "القضاء على")
        w = toks[k].w
        if w.isdecimal() or w in _AR_UNITS or _is(w, _AR_CAUSE_AFTER) or w.startswith(_AR_CAUSE_PREFIXES):
            return None   # "قضى ثلاثة أطفال جراء القصف على X": perished, and the shelling was on X
    return None


def _claimed_lives(toks: list[_Tok], i: int) -> tuple[int, int, int] | None:
    """أودى بحياة ثلاثة أشخاص، حصد أرواح 5، القضاء على 15 إرهابياً: the victims follow; without them, no toll."""
    w = toks[i].w
    took = None   # "أودى القصف بحياة", and past a longer subject: "أودى انفجار عبوة في مدينة X أمس بحياة"
    for k in range(i - 1, max(-1, i - 13), -1):
        if toks[k].p:
            break
        if _is(toks[k].w, _AR_TOOK_LIVES):
            took = k
            break
    if _is(w, _AR_LIVES) and took is not None:      # "أودى القصف بحياة", "حصدت الغارات أرواح"
        start = took
    elif _is(w, _AR_ELIMINATE) and (on := _on_after(toks, i)) is not None:
        start, i = i, on   # "القضاء على 15", and past the subject: "قضت وحدة من الجيش اليوم على 5 إرهابيين"
    elif _is(w, _AR_ELIMINATE) and i + 1 < len(toks) and toks[i + 1].w in _ELIMINATED:
        return _ELIMINATED[toks[i + 1].w], i, i + 2   # "رصد مسلحاً ... وتم القضاء عليه": the one seen, killed
    elif _is(w, _AR_PERISHED):
        # "قضى طفلان جراء انفجار لغم": the verb "perished", its dead and their cause after it (not "قضى ليلته"),
        # past the day told between ("قضى اليوم 4 مواطنين", "قضى صباح اليوم طفل")
        j = next((j for j in range(i + 1, min(len(toks), i + 4)) if toks[j].p or not _is(toks[j].w, _AR_TIME)), i + 1)
        count, k = _victims(toks, j, len(toks), True)
        ranks = 3 if k + 1 < len(toks) and toks[k].w == "في" and toks[k + 1].w == "صفوف" else 0
        if k + 1 < len(toks) and toks[k].w in (",", "،") and toks[k + 1].w in _AR_THEY_ARE:
            # "قضى ثلاثة لاجئين، هم رجل وابنتاه، جراء سقوط قذيفة": past who they were, to the cause
            ranks = next((j - k for j in range(k + 2, min(len(toks), k + 10)) if toks[j].w in (",", "،")), 0)
        if count is not None and any(_is(t.w, _AR_CAUSE_AFTER) or t.w.startswith(_AR_CAUSE_PREFIXES)
                                     for t in toks[i + 2:k + 4 + ranks]):
            return count, i, k   # (and past whose ranks: "قضى عنصر في صفوف اللواء الثامن متأثراً بجراحه")
        if i + 1 < len(toks) and (_is(toks[i + 1].w, _AR_CAUSE_AFTER) or toks[i + 1].w.startswith(_AR_CAUSE_PREFIXES)) \
                and (before := _phrase_count(toks, i, True)) is not None:
            return before, i, i + 1   # "أن 3 أطفال قضوا بانفجار قذيفة": the dead before the verb
        return (-2, i, i + 1)
    elif _is(w, _AR_LIVES) or _is(w, _AR_ELIMINATE):
        return (-2, i, i + 1)       # another sense of the word: not a death statement
    else:
        return None
    count, k = _victims(toks, i + 1, len(toks), True)
    return (count, start, k) if count is not None else (-2, i, i + 1)


#: a toll's head before its death noun ("حصيلة القتلى", "عدد قتلى") and the verbs of its rise or figure
_AR_TOLL_HEAD = _n("حصيلة وحصيلة عدد وعدد")
_AR_TOLL_ROSE = _n("ارتفع ارتفعت وارتفع وارتفعت فارتفع فارتفعت بلغ بلغت وبلغ وبلغت وصل وصلت ووصل ووصلت ترتفع يرتفع")
_AR_TO = _n("إلى الى")
#: some or most of the dead told before (normalised)
_SOME_OF_THEM = _n("بعضهم بعضهن بعضها معظمهم أغلبهم غالبيتهم")
_AR_VICTIMS = _n("ضحايا الضحايا")


def _ar_risen_toll(toks: list[_Tok], i: int) -> tuple[int, int, int] | None:
    """The figure a toll rose to, far from its death noun at ``i``: "ارتفعت حصيلة القتلى جراء انفجار العبوة في X
    مساء الأحد إلى 3", "ارتفعت إلى 3 حصيلة القتلى" (count, first token, token after); the rise's verb is needed."""
    if i == 0 or toks[i - 1].w not in _AR_TOLL_HEAD:
        return None
    if i >= 4 and toks[i - 4].w in _AR_TOLL_ROSE and toks[i - 3].w in _AR_TO:
        got = _number(toks, i - 2)      # the figure first: "ارتفعت إلى 3 حصيلة القتلى"
        if got is not None and got[1] == i - 1:
            return got[0], i - 4, i + 1
    if not any(t.w in _AR_TOLL_ROSE for t in toks[max(0, i - 3):i - 1]):
        return None
    for j in range(i + 1, min(i + 24, len(toks) - 1)):
        if toks[j].p and toks[j].w != "-" and not (toks[j].w in ("،", ",") and toks[j + 1].w in _AR_TO):
            return None   # (a comma right before "إلى": "... في X مساء أمس، إلى 5 مدنيين")
        if toks[j].w in _AR_TO:
            got = _number(toks, j + 1)
            return None if got is None else (got[0], i - 1, got[1])
    return None


#: "حصيلة الخسائر البشرية": the toll of human losses, which outlets raise to the number of the dead
_AR_LOSSES = _n("الخسائر خسائر")
_AR_HUMAN = _n("البشرية")


def _ar_death(toks: list[_Tok], i: int) -> tuple[int, int, int] | None:
    """A death statement at Arabic token ``i``: (count, first token, token after it), or None."""
    w = toks[i].w
    if w in _AR_LOSSES:   # "ارتفعت حصيلة الخسائر البشرية جراء القصف على X إلى 5 مدنيين": five dead
        return _ar_risen_toll(toks, i) if i + 1 < len(toks) and toks[i + 1].w in _AR_HUMAN else None
    if w in _AR_VICTIMS and not (i > 0 and toks[i - 1].w in _AR_TOLL_HEAD):
        return None    # "ضحايا" states deaths only as a toll's ("ارتفعت إلى 6 حصيلة ضحايا الانفجار")
    if _is(w, _AR_NOUN_MANY) and i > 0 and (toks[i - 1].w in ("\"", "“", "«", "'") or _is(toks[i - 1].w, _AR_NAMED)):
        return None    # a name: لواء "شهداء اليرموك"، ساحة الشهداء، جمعة الشهداء
    if w in _AR_THE_MARTYR and i + 1 < len(toks) and not toks[i + 1].p and not (
            i > 0 and (_is(toks[i - 1].w, _AR_NAMED) or toks[i - 1].w in ("\"", "“", "«", "'"))):
        return 1, i, i + 1   # "الشهيد أحمد العبد الله – من X – جراء القصف": one of a list of the dead, named
    if _is(w, _AR_NOUN_ONE) or _is(w, _AR_NOUN_TWO) or _is(w, _AR_NOUN_MANY):
        n = _number_before(toks, i)
        if n is not None:
            shared = _shared_with_harm(toks, i + 1, True)
            return (VAGUE if shared else n), i - 1, i + 1
        if i > 0 and toks[i - 1].w == "بين":
            return VAGUE, i - 1, i + 1          # "بين قتيل وجريح": casualties of both kinds
        if _is(w, _AR_NOUN_TWO):
            return 2, i, i + 1
        if _is(w, _AR_NOUN_ONE):
            return 1, i, i + 1
        risen = _ar_risen_toll(toks, i)   # the figure the toll rose to, first ("ارتفع عدد شهداء الاعتداء الإرهابي
        if risen is not None:            # على X إلى 5": not "الإرهابي", one man, after the dead)
            return risen
        count, k = _after(toks, i, True, skip=3)   # "جثث 3 أشخاص", "جثامين العناصر التسعة", "حصيلة القتلى إلى 9"
        return (VAGUE if count is None else count), i, k
    claimed = _claimed_lives(toks, i)
    if claimed is not None:
        return None if claimed[0] == -2 else claimed
    pc, is_pron = _pron_count(w)
    if is_pron:
        if pc is None:
            return VAGUE, i, i + 1
        count, k = _victims(toks, i + 1, len(toks), True, first=(pc, i + 1))
        return (VAGUE if count is None else count), i, k
    if _is(w, _AR_MET):    # لقي حتفه، لقوا مصرعهم، فارق الحياة (the victims may come between)
        # (the victims' unit may come between: "لقي عنصران من شعبة المخابرات العسكرية حتفهما")
        f = next((k for k in range(i + 1, min(i + 9, len(toks))) if toks[k].w in _AR_FATE), None)
        if f is not None and f > i + 5 and any(t.w in ("،", ",", ".", "؛", ";", ":") for t in toks[i + 1:f]):
            return None
        if f is None:
            return None
        n = _AR_FATE[toks[f].w] or None
        if f > i + 1:
            n, _ = _victims(toks, i + 1, f, True)
        if n is None:
            n = _subject(toks, i, True)
        if n is None and _AR_FATE[toks[f].w] == 0:
            n = 1 if w in (_norm("فارق"), _norm("لقي")) else None
        return (VAGUE if n is None else n), i, f + 1
    if not (_is(w, _AR_VERB) or _is(w, _AR_MASDAR)):
        return None
    if _shared_with_harm(toks, i + 1, True):   # "مقتل وإصابة 5", unless the dead are counted before: "أربعة قتلوا وأصيب 10"
        n = _subject(toks, i, True)
        return (VAGUE if n is None else n), i, i + 1
    if i > 0 and toks[i - 1].w in _AR_WHO_ONE and w in _AR_DIED_ONE:
        return 1, i, i + 1   # "تنعى القيادة الشهيد المساعد X، الذي ارتقى مساء أمس برصاص مسلحين": one man, named
        #                      before (the gunmen after the verb are who killed him)
    j = i + 1 if i + 1 < len(toks) and toks[i + 1].w[:1] == "و" and _is(toks[i + 1].w[1:], _AR_MASDAR) else i
    count, k = _after(toks, j, True)
    if count is None and _is(w, _n("اغتيال تصفية")):
        return None    # "عملية اغتيال": an assassination (or attempt) without its victims named is no toll
    if count is None:
        count = _subject(toks, i, True)
        if count is None and any(b.endswith(("ا", "تا")) and b[:-1] in _AR_VERB | _n("استشهد ارتقي توفي")
                                 for b in _bases(w)):
            count = 2   # a dual verb: "مدني آخر وامرأة قتلا"
    return (VAGUE if count is None else count), i, k


def _passive(toks: list[_Tok], i: int) -> str:
    """"was" / "were" when the word at ``i`` is a passive participle ("was (also) shot dead"), else ""."""
    j = i - 1
    while j >= 0 and toks[j].w in ("also", "reportedly", "allegedly", "later", "then", "all", "both", "shot",
                                   "fatally", "and", "subsequently", "found"):
        j -= 1
    if j >= 0 and toks[j].w in ("was", "is"):
        return "was"
    if j >= 0 and toks[j].w in ("were", "are", "been", "be"):
        return "were"
    return ""


def _one_person_before(toks: list[_Tok], i: int) -> int:
    """1 when the words before ``i`` in the sentence speak of one person ("young X, a 12-year-old
    child, ... fell victim"; "he ... died") and of no group or number; else VAGUE."""
    seen_one = False
    for k in range(max(0, i - 30), i):
        w = toks[k].w
        if toks[k].p:
            continue
        if w in _EN_PLURAL_PERSON or w in ("they", "them", "their", "both") or \
                (w not in ("one", "a", "an") and _number(toks, k) is not None):
            return VAGUE
        if w in ("he", "she", "his", "her") or w in _EN_PERSON:
            seen_one = True
        if w == "who" and k + 1 < i and toks[k + 1].w in ("was", "is", "had", "has"):
            seen_one = True     # "X, who was opening his shop, died": one person
    return 1 if seen_one else VAGUE


def _en_passive_count(toks: list[_Tok], i: int) -> int:
    """The count of "X was/were killed": the subject's number; "was" alone is one person."""
    voice = _passive(toks, i)
    n = _subject(toks, i, False)
    if n is not None and not (voice == "was" and n == VAGUE):
        return n
    return 1 if voice == "was" else VAGUE


def _en_death(toks: list[_Tok], i: int) -> tuple[int, int, int] | None:
    """A death statement at English token ``i``: (count, first token, token after it), or None."""
    w, end = toks[i].w, len(toks)
    nxt = toks[i + 1].w if i + 1 < end else ""
    prev = toks[i - 1].w if i > 0 else ""
    n: int | None
    if w in _EN_VERB or w == "fatally":
        if _shared_with_harm(toks, i + 1, False):
            return VAGUE, i, i + 3
        if any(t.w == "number" for t in toks[max(0, i - 4):i]) and (risen := _risen_to(toks, i)) is not None:
            return risen[0], i, risen[1]   # "The number of policemen killed in the attack has risen to nine"
        carried_out = w.startswith("execut")     # "the raid was executed", "executed an attack": no death
        if _passive(toks, i):
            n = _en_passive_count(toks, i)
            return None if carried_out and _subject(toks, i, False) is None else (n, i, i + 1)
        count, k = _after(toks, i, False)
        if count is None and carried_out:
            return None
        if count is None:
            count = _subject(toks, i, False)
        return (VAGUE if count is None else count), i, k
    if w in ("eliminated", "eliminating", "neutralized", "neutralised", "neutralizing", "neutralising"):
        count, k = _after(toks, i, False)     # "eliminated 17 terrorists"; "eliminated a cell" is no toll
        return (count, i, k) if count not in (None, VAGUE) else None
    if w == "fell" and nxt == "victim":
        n = _subject(toks, i, False)
        return (n if n is not None else _one_person_before(toks, i)), i, i + 2
    if w in ("martyrs", "martyr") and nxt == "fell":   # "17 martyrs fell yesterday": the idiom of Arabic in English
        n = _number_before(toks, i)
        return (n if n is not None else 1 if w == "martyr" else VAGUE), i, i + 2
    if w in _EN_DIED:
        if prev in ("he", "she"):
            return 1, i - 1, i + 1
        n = _subject(toks, i, False)
        if n is None and nxt == "of" and i + 2 < end and toks[i + 2].w in ("his", "her"):
            n = 1
        return (n if n is not None else _one_person_before(toks, i)), i, i + 1
    if w in ("dead", "victims") and i >= 3 and prev == "the" and toks[i - 2].w == "of" and \
            nxt in ("were", "was") and (got := _number(toks, i - 3)) is not None and got[1] == i - 2:
        return got[0], i - 3, i + 1   # "18 of the dead were in X": the part of a toll placed there
    if w in ("dead", "death", "deaths", "fatalities", "fatality", "lives", "life", "toll"):
        return _en_noun_death(toks, i)
    if w in ("body", "bodies", "corpse", "corpses"):
        n = _number_before(toks, i)
        if n is None and nxt == "of":
            v, k = _victims(toks, i + 2, end, False)
            return (VAGUE if v is None else v), i, k
        if n is None:
            n = VAGUE if w in ("bodies", "corpses") or prev == "their" else 1
        return n, i, i + 1
    return None


#: a toll's verb of growth or of its figure ("has risen to", "stood at")
_EN_RISEN = _w("rose risen rises climbed climbs reached reaches jumped increased grew stands stood hit")


def _risen_to(toks: list[_Tok], i: int) -> tuple[int, int] | None:
    """The figure a toll rose to after ``i``, in the same clause: "... in X has risen to 9" (count, index after)."""
    for j in range(i + 1, min(i + 24, len(toks) - 2)):
        if toks[j].p and toks[j].w not in ("-", "'", "’"):
            return None   # (not a possessive's apostrophe: "the toll of the regime forces' shelling ... rose to 8")
        if toks[j].w in _EN_RISEN and toks[j + 1].w in ("to", "at"):
            got = _number(toks, j + 2)
            if got is not None:
                return got
    return None


def _en_noun_death(toks: list[_Tok], i: int) -> tuple[int, int, int] | None:
    w, end = toks[i].w, len(toks)
    nxt = toks[i + 1].w if i + 1 < end else ""
    prev = toks[i - 1].w if i > 0 else ""
    if w == "life":
        return (1, i - 2, i + 1) if prev in ("his", "her") else None
    if w == "toll" or (w == "death" and nxt == "toll"):
        for j in range(i + 1, min(i + 7, end)):       # "toll rose to 9", "a death toll of 12"
            got = _number(toks, j)
            if got is not None:
                return got[0], i, got[1]
            if toks[j].p:
                break
        risen = _risen_to(toks, i)   # "the death toll from Tuesday's bombing in X has risen to 9"
        return (risen[0], i, risen[1]) if risen is not None else (VAGUE, i, i + 1)
    if nxt == "of" and w in ("death", "deaths", "lives"):   # "the death of three people", "claimed the lives of"
        n, k = _victims(toks, i + 2, end, False)
        return (VAGUE if n is None else n), i, k
    if w == "death" and prev == "to":                      # "stabbed a shopkeeper to death"
        for j in range(i - 2, max(-1, i - 9), -1):
            if toks[j].w in ("shot", "beaten", "stabbed", "tortured", "burned", "burnt", "hacked", "crushed"):
                if _passive(toks, j + 1) or (j > 0 and toks[j - 1].w in _EN_AUX):
                    return _en_passive_count(toks, j), j, i + 1
                n, _ = _victims(toks, j + 1, i - 1, False)
                return (VAGUE if n is None else n), j, i + 1
        return None
    n = _number_before(toks, i)
    if n is not None:
        return n, i - 1, i + 1
    if w == "dead":
        if _passive(toks, i):                              # "was shot dead", "were found dead"
            return _en_passive_count(toks, i), i, i + 1
        if prev == "shot":                                 # "gunmen shot dead two men"
            n, k = _after(toks, i, False)
            if n is None and i >= 2 and toks[i - 2].w == ",":   # "X: 3 victims, shot dead by ...": the list's
                n = _subject(toks, i, False)                    # count before the participle
            return (VAGUE if n is None else n), i - 1, k
        for j in range(i - 2, max(-1, i - 7), -1):         # "shot two men dead"
            if toks[j].w == "shot":
                n, _ = _victims(toks, j + 1, i, False)
                return (VAGUE if n is None else n), j, i + 1
    n = _subject(toks, i, False) if w in ("dead", "lives") else None
    return (VAGUE if n is None else n), i, i + 1


#: between two death statements that add up: "مقتله ومقتل عنصرين آخرين" (the second opens with "و")
_AND_DEATH_OF_RE = _rx(r"(?:\s+من(?:\s+[^\s،,.]+){1,3})?\s+و")   # (and "مقتل اثنين من المهربين واستشهاد عنصر": 2 + 1)


def _read(sentence: str) -> tuple[list[_Tok], list[Death]]:
    """Tokens of a sentence and its death statements, in order."""
    toks = _tokens(sentence)
    out: list[Death] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if t.p or not _DEATH_TOKEN_RE.search(t.w):
            i += 1
            continue
        ar = not t.w.isascii()
        got = _ar_death(toks, i) if ar else _en_death(toks, i)
        if got is None or _attempt(toks, i, ar):
            i += 1
            continue
        count, first, nxt = got
        if ar and count == VAGUE and t.w in _AR_DIED and (hurt := _wounded_before(toks, i)) is not None:
            count = hurt   # "أصيب شاب برصاص قناص في X، وتوفي لاحقاً متأثراً بجراحه": the one wounded died
        if _negated(toks, min(first, i), ar):
            # (not "without giving a toll", "دون ذكر حصيلة": no figure told, not none killed)
            count = VAGUE if any(_is(t.w, _FIGURE_WITHHELD) for t in toks[max(0, min(first, i) - 3):min(first, i)]) \
                else 0
        first, nxt = max(0, min(first, i)), min(len(toks), max(nxt, i + 1))
        if count == VAGUE and out and out[-1].count not in (VAGUE, 0) and i + 1 < len(toks) and \
                (toks[i + 1].w in _SOME_OF_THEM or (toks[i + 1].w == "some" and toks[i + 2:i + 4] and
                                                    toks[i + 2].w == "of")):
            i = nxt   # "قتل فيه تسعة من العناصر، جرى إعدام بعضهم": a part of the dead told, not another toll
            continue
        if ar and count not in (VAGUE, 0) and nxt + 1 < len(toks) and toks[nxt].w == "مع":
            more = _item(toks, nxt + 1, min(len(toks), nxt + 5), ar)
            if more is not None and more[0] not in (VAGUE, 0):
                count, nxt = count + more[0], more[1]   # "مقتله مع زوجته": he and his wife
        if ar and count not in (VAGUE, 0) and (more := _and_more(toks, nxt)) is not None:
            count, nxt = count + more[0], more[1]   # "مقتل 7 عناصر من الأمن العام و9 مقاتلين من العشائر": 16
        if not ar and count not in (VAGUE, 0) and (more := _as_well_as(toks, nxt)) is not None:
            count, nxt = count + more[0], more[1]   # "killed a woman and her three children, as well as two others": 6
        d = Death(toks[first].a, toks[nxt - 1].b, count)
        if out and out[-1].count == VAGUE and count not in (VAGUE, 0) and d.a - out[-1].b <= 40 and \
                not re.search(r"[.،,;؛:!?]", sentence[out[-1].b:d.a]):
            d = Death(out.pop().a, d.b, count)   # "حصيلة ضحايا القصف إلى 9 قتلى": one statement
        elif out and out[-1].count not in (VAGUE, 0) and count not in (VAGUE, 0) and \
                _AND_DEATH_OF_RE.fullmatch(sentence, out[-1].b, d.a + 1):
            first_toll = out.pop()
            d = Death(first_toll.a, d.b, first_toll.count + count)   # "مقتله ومقتل عنصرين آخرين": 1 + 2
        out.append(d)
        i = nxt
        # (not the names after "هم": "ثلاثة أشخاص هم أحمد وخالد ومحمد في قصف": no fourth dead)
        extra = None if ar and any(t.w in _AR_THEY_ARE for t in toks[first:nxt]) else _elliptic(toks, nxt, ar)
        if extra is not None:
            out.append(extra[0])
            i = extra[1]
    return toks, out


_LOC_PREPS = frozenset(("in", "near", "at", "on", "outside", "inside")) | _n("في قرب بقرب داخل على عند")


#: "died" with its subject left out, and the passive "was wounded" whose subject it is (normalised)
_AR_DIED = _n("توفي وتوفي فتوفي توفيت وتوفيت فتوفيت")
_AR_WAS_WOUNDED = _n("أصيب وأصيب فأصيب أصيبت وأصيبت")


def _wounded_before(toks: list[_Tok], i: int) -> int | None:
    """The count of the wounded the sentence told before a "died" with no subject at ``i`` ("أصيب شاب ... وتوفي
    لاحقاً"), when the passive "أصيب" comes right before them and no death word between; None otherwise."""
    for k in range(i - 1, max(-1, i - 16), -1):
        if toks[k].w in _AR_WAS_WOUNDED:
            got = _item(toks, k + 1, min(len(toks), k + 5), True)
            return got[0] if got is not None and got[0] not in (VAGUE, 0) else None
        if not toks[k].p and _DEATH_TOKEN_RE.search(toks[k].w):
            return None
    return None


def _as_well_as(toks: list[_Tok], i: int) -> tuple[int, int] | None:
    """More dead after "as well as" / "along with" / "plus" right after an English death statement ("killed four
    civilians, as well as two fighters,"): (count, index after them); None for none, or for the wounded."""
    j = i + 1 if i < len(toks) and toks[i].w == "," else i
    words = [t.w for t in toks[j:j + 3]]
    if words == ["as", "well", "as"]:
        j += 3
    elif words[:2] == ["along", "with"]:
        j += 2
    elif words[:1] == ["plus"]:
        j += 1
    else:
        return None
    got = _item(toks, j, min(len(toks), j + 5), False)
    if got is None or got[0] in (VAGUE, 0) or (got[1] < len(toks) and toks[got[1]].w in _EN_WOUND):
        return None
    return got[0], got[1]


def _and_more(toks: list[_Tok], i: int) -> tuple[int, int] | None:
    """The second count of the same Arabic death statement after "و", up to three words of whose the first were
    between ("مقتل 7 عناصر من الأمن العام و9 مقاتلين", "قتل اثنان من أبناء العشائر وثلاثة مسلحين"): (count, index
    after its person noun); None unless a number and a person noun follow, and no wound word after them."""
    j = i
    if j < len(toks) and toks[j].w == "من":
        k = j = j + 1
        while j < len(toks) and j - k < 3 and not toks[j].p and toks[j].w[:1] != "و":
            j += 1
    if j >= len(toks) or toks[j].p or toks[j].w[:1] != "و":
        return None
    # ("و 9": the conjunction a token of its own before digits; "وثلاثة": glued to the number word)
    sub = toks[j + 1:j + 5] if toks[j].w == "و" else [_Tok(toks[j].w[1:], toks[j].a + 1, toks[j].b, False), *toks[j + 1:j + 4]]
    num = _number(sub, 0)
    if num is None or num[1] >= len(sub) or _ar_person(sub[num[1]].w) is None:
        return None
    after = j + num[1] + (2 if toks[j].w == "و" else 1)
    if after < len(toks) and _is(toks[after].w, _AR_WOUND):
        return None   # ("و3 مدنيين جرحى": the wounded)
    return num[0], after


def _elliptic(toks: list[_Tok], i: int, ar: bool) -> tuple[Death, int] | None:
    """A second toll that shares the verb of the first: "killed nine civilians in X and one near Y",
    "قتل ثلاثة في بلدة X واثنان في بلدة Y"."""
    until = -1
    for j in range(i, min(i + 14, len(toks))):
        w = toks[j].w
        if j <= until:
            continue
        if (not toks[j].p and _DEATH_TOKEN_RE.search(w)) or _is(w, _AR_WOUND) or w in _EN_WOUND or w in (".", ";", "؛"):
            return None
        if _is(w, _AR_SUBSET) or w in _EN_SUBSET:
            # "4 مواطنين بينهم امرأة وطفلها في قصف": the woman and her child are of the four; a part set off by
            # commas ends at the second: "11 civilians, including four children, in X and two civilians in Y"
            end = next((k for k in range(j + 1, min(j + 8, len(toks))) if toks[k].w in (",", "،")), None)
            if end is None or j == 0 or toks[j - 1].w not in (",", "،"):
                return None
            until = end
            continue
        if ar and w[:1] == "و" and len(w) > 2:
            sub = [_Tok(w[1:], toks[j].a + 1, toks[j].b, False), *toks[j + 1:j + 8]]
            got, off = _item(sub, 0, len(sub), ar), j
        elif not ar and w in ("and", ",") and j + 1 < len(toks):
            got, off = _item(toks, j + 1, min(len(toks), j + 9), ar), None
        else:
            continue
        if got is None or got[0] == VAGUE:
            continue
        k = got[1] + off if off is not None else got[1]
        if k < len(toks) and (toks[k].w in _LOC_PREPS or (ar and toks[k].w[:1] == "ب" and len(toks[k].w) > 3)):
            return Death(toks[j].a, toks[k - 1].b, got[0]), k
    return None


@lru_cache(maxsize=4096)
def deaths(sentence: str) -> tuple[Death, ...]:
    """The death statements of one sentence (offsets into it), in order; cached."""
    if not _sentence_has_death(sentence):
        return ()
    return tuple(_read(sentence)[1])


# --------------------------------------------------------------------------- which event a figure belongs to
#: the words that announce a breakdown of the dead by place ("وتوزع الشهداء على النحو التالي: 4 في A، و3 في B",
#: "broken down as follows: four in A and three in B"): a subset word whose parts follow
_BREAKDOWN = r"(?:(?:النحو|الشكل)\s+(?:التالي|الآتي|الاتي)|كالتالي|كالآتي|كالاتي|\bas\s+follows)\s*:?"
_SUBSET_RE = _rx(r"\b(?:including|among them|most of them|of whom|mostly)\b|بينهم|منهم|معظمهم|أغلبهم|اغلبهم|"
                        r"غالبيتهم|أكثرهم|" + _BREAKDOWN, re.IGNORECASE)
_OTHER_PLACE_RE = _rx(
    r"(?:^|\s)(?:[وف]?(?:في|قرب|داخل|على)\s+|[وف]?ب)(?:بلدة|مدينة|قرية|مخيم|حي|بلدات|قرى|مناطق|أحياء)\s"
    r"|\b(?:in|at|near|outside)\s+(?:the\s+)?(?:\w+\s+)?(?:town|village|city|neighbou?rhood|camp|hamlet)s?\s+of\b",
    re.IGNORECASE)
#: a source right before a place: "وفق مصدر طبي في مدينة X", "a doctor in the city of X said" (where it speaks from)
_SOURCE_BEFORE_RE = _rx(r"(?:مصدر|مصادر|ناشط|مراسل|مكتب|وفق|بحسب|source|activist|doctor|correspondent|official)\S*"
                        r"(?:\s+\S+){0,2}\s*$", re.IGNORECASE)


#: a hospital right before a place: "وتوفي متأثراً بجراحه في المشفى الوطني بمدينة X" (where he died, not the act)
_HOSPITAL_BEFORE_RE = _rx(r"(?:مشفى|مستشفى|مشافي|hospital)\S*(?:\s+\S+){0,2}\s*$", re.IGNORECASE)


def _other_place(tail: str) -> bool:
    """:data:`_OTHER_PLACE_RE` in ``tail``, not where a source speaks from ("قتل ثلاثة مدنيين، وفق مصدر طبي في
    مدينة X": the toll stays the event's) nor the hospital's town where the wounded died."""
    for m in _OTHER_PLACE_RE.finditer(tail):
        if _SOURCE_BEFORE_RE.search(tail, max(0, m.start() - 30), m.start()) is None and \
                _HOSPITAL_BEFORE_RE.search(tail, max(0, m.start() - 30), m.start()) is None:
            return True
    return False


#: the nouns of a site that a report names again by its noun alone ("the checkpoint", "المعبر")
_SITE_NOUNS_EN = "checkpoints?|crossing|base|post|position|outpost|airport|airbase|barracks|dam|hill|roundabout"
_SITE_NOUNS_AR = "حاجز|معبر|نقطة|مقر|مطار|تل|كتيبة|ثكنة|سد|دوار|فوج|لواء"
#: the words right after a sentence's toll that point back to the event told before it: "Three soldiers were killed
#: in the clashes", "قتل خمسة عناصر خلال الاشتباكات" (the event's definite noun, no place of its own)
_BACK_AFTER_RE = _rx(
    r"\W*(?:\w+\s+){0,4}?(?:in|during|from)\s+(?:the|that|this|these|those)\s+(?:\w+\s+)?(?:battles?|fighting|clashes|"
    r"attacks?|assault|ambush|explosions?|blasts?|bombing|shelling|bombardment|strikes?|airstrikes?|air\s+strikes?|"
    r"raids?|incident|shooting)\b(?!\s+(?:of|on|in|at|near|against|for)\s)"   # (not "in the bombardment of the town of X")
    # the site named before, named again by its noun: "were killed in the battle for the base"
    r"|\W*(?:\w+\s+){0,4}?(?:in|during)\s+the\s+(?:battle|fight|fighting|assault|attack|clashes)\s+(?:for|over|on|around)\s+"
    r"the\s+(?:base|town|village|city|crossing|checkpoint|hill|post|airport|position)\b"
    r"|\W*(?:[^\s،,.]+\s+){0,4}?(?:في|خلال|جراء|إثر|اثر|نتيجة|ب)\s*ال(?:اشتباكات|معارك|مواجهات|هجوم|انفجار|قصف|غارات|غارة|"
    r"كمين|استهداف|حادثة|حادث|تفجير)(?=[\s،,.]|$)(?!\s+(?:على|في|ب|ل|قرب)\S*\s)"
    # the site named before, named again by its noun alone: "were killed when the rebels stormed the crossing",
    # "قتل ثلاثة عناصر أثناء اقتحام الحاجز" (not "the checkpoint of X", "حاجز البلدة")
    r"|\W*(?:\w+\s+){0,4}?(?:when|as|while|during|in)\s+(?:the\s+)?(?:\w+\s+){0,3}?(?:stormed|attacked|overran|raided|"
    r"struck|hit|shelled|storming|attack|assault|raid)\s+(?:on\s+)?the\s+(?:" + _SITE_NOUNS_EN + r")\b"
    r"(?!\s+(?:of|in|at|near)\s)"
    r"|\W*(?:[^\s،,.]+\s+){0,4}?(?:أثناء|اثناء|خلال|في|لدى)\s+(?:اقتحام|الهجوم\s+على|هجوم\s+على|استهداف)\s+"
    r"ال(?:" + _SITE_NOUNS_AR + r")(?=[\s،,.]|$)(?!\s+(?:\S+\s+)?(?:في|ب|قرب)\S*\s)"
    # "وقال ناشطون إن عشرين شخصاً قتلوا هناك", "... were killed there": the place of the event before
    r"|\W*(?:[^\s،,.]+\s+){0,2}?(?:هناك|there)(?=[\s،,.]|$)")
#: who says it, before the words that point back to the event: "The Observatory (later) said (that) ", "Activists say "
_EN_SAID_LEAD = r"[A-Z][\w'-]*(?:\s+[\w'-]+){0,4}?\s+(?:later\s+)?(?:said|says|say|reported|added)\s+(?:that\s+)?"
#: a sentence that raises the toll of the event before it: "وارتفع عدد القتلى إلى خمسة عشر", "The death toll rose to
#: nine"
_TOLL_ROSE_RE = _rx(r"^\W*[وف]?(?:ارتفع|ارتفعت|بلغ|بلغت|وصل|وصلت)\s+(?:حصيلة|حصيله|عدد)\s"
                    # the toll first, after who says it: "وقال ناشط إن الحصيلة بلغت سبعة قتلى", "وأكد أن حصيلة X وحدها
                    # بلغت ..."
                    r"|^\W*(?:[وف]?(?:أضاف|اضاف|قال|قالت|أفاد|افاد|أفادت|افادت|ذكر|ذكرت|أكد|اكد|أكدت|اكدت|أوضح|اوضح)"
                    r"\S*\s+(?:\S+\s+){0,3}?(?:أن|ان|إن|بأن|بان)\s+)?(?:ال)?(?:حصيلة|حصيله)(?:\s+[^\s،,.]+){0,3}?"
                    r"\s+(?:ارتفعت|بلغت|وصلت)\s"
                    r"|^\W*(?:" + _EN_SAID_LEAD + r")?(?:the\s+)?(?:death\s+)?toll\s+(?:\w+\s+)?(?:rose|climbed|reached|"
                    r"increased|has\s+risen|had\s+risen|had\s+climbed|rises)\b"
                    # "A pro-government site later put the toll at two soldiers and a civilian"
                    r"|^\W*(?:[A-Z][\w'-]*(?:\s+[\w'-]+){0,5}?\s+)?(?:later\s+)?(?:put|puts|raised|revised|updated)\s+"
                    r"(?:the|its|their)\s+(?:death\s+)?toll\s+(?:to|at)\b", re.IGNORECASE)
#: the first words of a sentence that points back to the event of the sentence before it
_BACK_RE = _rx(
    # (after a saying: "وأضاف المراسل أن المعارك أسفرت عن مقتل ...")
    r"^\W*(?:[وف]?(?:أضاف|اضاف|قال|قالت|أفاد|افاد|أفادت|افادت|ذكر|ذكرت|أكد|اكد|أكدت|اكدت)\S*\s+(?:\S+\s+){0,8}?"
    r"(?:أن|ان|إن|بأن|بان)\s+)?"   # (who says it, eight words at most: "وقال مصدر في قيادة الشرطة بدرعا لـ"X" إن")
    r"(?:[وف]?(?:أدت|ادت|أسفرت|اسفرت|أسفر|اسفر|أدى|ادى|تسبب|تسببت|خلفت|خلف|ووثق|وثق|ووثقت|وثقت)\b.{0,40}?\s)?"
    r"(?:[وف]?(?:ال)?(?:اشتباكات|اشتباك|مواجهات|مواجهة|قصف|غارات|غارة|هجوم|انفجار|استهداف|معارك|اقتحام|كمين|عملية|الهجوم)(?=[\s،,.:]|$)|"
    r"(?:" + _EN_SAID_LEAD + r")?(?:the|this|that)\s+(?:\w+\s+)?(?:strikes?|airstrikes?|air\s+strikes?|attacks?|clashes|shelling|bombing|"
    r"bombardment|raids?|blast|explosion|assault|fighting|ambush|incident|shooting)\b)"
    r"|^\W*.{0,60}?(?:خلالها|خلاله|جراءها|جراءه|جرائها|إثرها|اثرها|نتيجتها|on that day|in the attack|in the clashes)"
    # the event before as the verb's hidden subject ("وأسفرت عن مقتل ثلاثة"), or the toll as the sentence's head
    # ("الحصيلة مقتل ثلاثة شبان")
    r"|^\W*[وف]?(?:أسفرت|اسفرت|أسفر|اسفر|أدت|ادت|أدى|ادى|خلفت|خلف)\s+(?:عن|إلى|الى)\s|^\W*[وف]?(?:ال)?حصيلة\s"
    # "وعقب يومين من الاختطاف، وُجدت ..." / "hours after the raid, ...": a time counted from the event before
    r"|^\W*.{0,20}?(?:بعد|عقب)\s+(?:\S+\s+){0,2}?(?:من\s+)?(?:الحادثة|الحادثه|الحادث|الهجوم|العملية|العمليه|الاقتحام|"
    r"الاختطاف|الخطف|الكمين)(?=[\s،,.]|$)"
    r"|^\W*.{0,30}?\b(?:after|following)\s+the\s+(?:\w+\s+)?(?:attack|incident|raid|abduction|kidnapping|assault|"
    r"ambush)\b",
    re.IGNORECASE | re.DOTALL)


#: the words that give what a protest is about ("احتجاجاً على اعتقال", "in protest at the arrest of"); compiled loose
#: (harakat and letter forms as written), here and in ``extract``'s clause cut (:data:`PROTEST_CAUSE_CUT_RE`)
_PROTEST_CAUSE_AR = "احتجاجا|تنديدا|رفضا|مطالبين|للمطالبة|للمطالبه|منددة|مندده|منددين|منددا|تندد|ينددون|للتنديد|مستنكرين|مستنكرة|مستنكره"
_PROTEST_CAUSE_EN = r"in\s+protest\s+(?:at|against|over)|to\s+protest|demanding|calling\s+for"
#: the same as one alternation (on normalised text too: extract reads a protest's cause with it)
PROTEST_CAUSE_WORDS = _PROTEST_CAUSE_EN + "|protesting|" + _PROTEST_CAUSE_AR
#: where a protest's cause begins after the protest's own words ("blocked the road in X in protest at ...")
PROTEST_CAUSE_CUT_RE = _rx(r"\s(?:" + PROTEST_CAUSE_WORDS + r")\s", re.IGNORECASE)
#: the dead a funeral is held for, not the toll of what happens at it ("fired on the funeral of a man killed on
#: Friday", "خلال تشييع شاب قتل يوم الجمعة")
_FUNERAL_OF_RE = _rx(r"\bfuneral\s+(?:procession\s+)?(?:of|for)\s+(?:\S+\s+){1,3}?$|(?:^|\s)[وفلب]?(?:تشييع|جنازة|جنازه)"
                     r"\s+(?:\S+\s+){0,3}?$", re.IGNORECASE)
#: the words that make a death what a protest or a reprisal is about (they end right before the death word)
_PROTEST_CAUSE_RE = _rx(
    r"(?:" + _PROTEST_CAUSE_AR + r"|غضبا|استنكارا|انتقاما|ردا)\s+(?:على\s+)?[بل]?$"
    r"|\b(?:" + _PROTEST_CAUSE_EN + r"|against|over|denouncing|condemning|to\s+denounce|to\s+condemn|outrage\s+at|"
    r"in\s+retaliation\s+for|in\s+revenge\s+for|to\s+avenge)\s+(?:the\s+)?$",
    re.IGNORECASE)


_NOT_ROAD_RE = _rx(r"[.،,;؛]|(?:^|\s)(?:في|على|من|عند|قرب|in|at|on|near|from|by|with)(?=\s|$)", re.IGNORECASE)


def _road(s: str, place: Span) -> bool:
    """The place is one end of a road or of a stretch "between A and B" (one incident at both ends);
    not "clashes between the army and rebels in X" (a preposition comes between)."""
    if _ROAD_NAMED_BY_ENDS_RE.match(s, place[1]):
        return True   # "near the Dael-Ibta' road": the road named by its ends, the word after them
    m = None
    for m in _ROAD.finditer(s, max(0, place[0] - 45), place[0]):  # noqa: B007 - the last match
        pass
    if m is None:
        return False
    gap = s[m.end():place[0]]
    return len(gap.split()) <= 7 and not _NOT_ROAD_RE.search(gap)


#: words that start another proposition inside a clause ("..., كما قتل ..."; "..., as ...")
_TURN_RE = _rx(r"[،,]?\s+(?:[وف]?(?:كما|في وقت|في الوقت|في حين|بينما|فيما|إلى ذلك|الى ذلك|من جهة أخرى|"
                      r"من جهة اخرى|بالتزامن|وفي سياق|إذ|اذ)|while(?!\s+(?:(?:he|she|they)\s+(?:was|were)\s+)?\w+ing\b)|whereas|"
                      r"meanwhile|as well as|also in)\s", re.IGNORECASE)
# ("while he was playing on farmland near X", "while herding sheep near X": the victim's doing, where he died; not
# another proposition)


#: a comma and "ثم"/"then" or "و" with a verb: the next proposition, whose own toll may follow its place
_NEXT_PROPOSITION_RE = _rx(r"[،,]\s*(?:ثم\s|و(?:سقط|قتل|استشهد|قضى|قضي|لقي|ارتقى|ارتقي|شهدت|شهد|امتدت)|then\s|and\s+then\s)",
                           re.IGNORECASE)


def _turn(s: str, a: int, b: int) -> int | None:
    """The first turn to another proposition between ``a`` and ``b``, or None."""
    m = _TURN_RE.search(s, a, b)
    return m.start() if m else None


@lru_cache(maxsize=1024)
def _clean_toll(d: Death, s: str, lo: int, hi: int, place: Span | None = None) -> int | None:
    """The figure of a death statement for one event: None when vague or a total over days or places (not the parts
    of the event's ``place`` named before it)."""
    if d.count == VAGUE:
        return None
    seg = max([lo] + [m.end() for m in _TURN_RE.finditer(s, lo, d.a)])   # this proposition only
    # (one dead man is one incident's, however long the span told: "قتل شاب خلال الساعات الـ24 الماضية في X")
    if (d.count != 1 and _over_days(s, seg, min(hi, d.b + 80))) or _spread(s, d.a, min(hi, d.b + 80), place):
        return None
    return d.count


def _over_days(s: str, a: int, b: int) -> bool:
    """``s[a:b]`` counts its dead over days (:data:`_MULTI_DAY`), not "the deadliest attack since 2018" (a
    comparison) nor "Last week, a roadside bomb struck ..." (one incident's day, told vaguely)."""
    for m in _MULTI_DAY.finditer(s, a, b):
        if _SUPERLATIVE_BEFORE_RE.search(s, max(a, m.start() - 48), m.start()):
            continue
        if _MULTI_DAY.match(s, m.start()) is None:
            continue   # (a look-ahead cut by the window's end: "منذ ساع|ات الصباح" is the same morning)
        if (m.group(0).lower().startswith("last") or s[max(0, m.start() - 8):m.start()].lower() == "earlier ") and \
                _ONE_INCIDENT_AFTER_RE.match(s, m.end()):
            continue   # (and "Earlier this month, an Israeli strike killed nine people in X")
        if m.group(0).lower().startswith("last") and _MONTH_BEFORE_RE.search(s, max(0, m.start() - 16), m.start()):
            continue   # "In March last year, Israeli strikes on X killed six people": a month's day, one incident
        if _ROUNDUP_BEFORE_RE.search(s, max(0, m.start() - 48), m.start()):
            continue   # "ومن أبرز ما رصده المرصد خلال الشهر، استهداف ... ما أدى لمقتل عنصرين": one incident of a
            #            month's round-up
        return True
    return False


#: the words that open one incident of a round-up, before its period ("ومن أبرز ما رصده المرصد خلال الشهر", "Among the
#: incidents recorded this month")
_ROUNDUP_BEFORE_RE = re.compile(r"(?:أبرز|ابرز|أهم|اهم)\s+ما\s+(?:\S+\s+){0,4}$|\bamong\s+(?:the\s+)?(?:\w+\s+){0,4}$", re.I)
#: superlatives, the words of a comparison: "the deadliest attack since 2018", "الهجوم الأعنف منذ", "the biggest gain
#: since the war began" (read here before "since", and by the extractor before the war's start)
SUPERLATIVES_EN = ("deadliest", "worst", "bloodiest", "biggest", "largest", "heaviest", "fiercest", "greatest", "first")
SUPERLATIVES_AR = ("الأعنف", "الأكثر", "الأكبر", "الأول", "الأولى", "الأشد", "الأقوى", "الأوسع", "الأبرز", "أعنف", "أكبر",
                   "أشد", "أقوى", "أوسع", "أبرز")
#: a comparison before "since"
_SUPERLATIVE_BEFORE_RE = _rx(r"\b(?:" + "|".join(SUPERLATIVES_EN) + r"|most\s+\w+)\s+(?:\S+\s+){0,3}$"
                             r"|(?:" + "|".join(SUPERLATIVES_AR) + r")\s+(?:\S+\s+){0,3}$"
                             # an incident counted among its like: "في حادثة هي الثالثة من نوعها خلال أسبوع", "the
                             # third such killing this month"
                             r"|من\s+نوع(?:ها|ه)\s+$|\b(?:second|third|fourth|fifth|sixth)\s+such\s+\w+\s+$", re.IGNORECASE)
#: one incident after a vague time at the head of a sentence: "Last week, a roadside bomb ...", "Last month, gunmen ..."
_ONE_INCIDENT_AFTER_RE = _rx(r",\s+(?:an?\s+(?!total\b)|one\s|unknown\s|unidentified\s|gunmen\s|masked\s|"
                             r"(?:the\s)?(?:israeli|russian|regime|government|syrian|jordanian|security|rebel|opposition)\s"
                             r"(?:forces|troops|army|jets|warplanes|aircraft|planes|helicopters|drones?|artillery|fighters|"
                             r"gunmen)\s(?!have\b|had\b)"
                             # and the dead of one act: "Last month, four soldiers were killed in an attack on a post"
                             r"|(?:[\w-]+\s+){1,4}?(?:was|were)\s+(?:killed|shot\s+dead)\s+(?:in|by|when)\s+(?:an?|one)\s)",
                             re.IGNORECASE)   # (and "Last month, Israeli forces shelled X": one act, not a total)
#: a month's name right before "last year": "in March last year"
_MONTH_BEFORE_RE = _rx(r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december)"
                       r"\s+$", re.IGNORECASE)


def lone_toll(s: str) -> int | None:
    """The one exact figure of deaths a clause ``s`` gives, or None (none, several, vague, or a total over days
    or places): "and rebels said they killed at least 11 soldiers" is 11."""
    exact = [d for d in deaths(s) if d.count not in (VAGUE, 0)]
    return _clean_toll(exact[0], s, 0, len(s)) if len(exact) == 1 else None


#: a location phrase: a preposition and a place noun or a capitalised name
_LOCATED_RE = _rx(r"(?:^|\s)(?:[وف]?(?:في|قرب|داخل|على)\s+|[وف]?ب)(?:بلدة|مدينة|قرية|مخيم|حي|بلدات|قرى|مناطق|"
                         r"أحياء|ناحية|مزرعة)\s|\b(?:in|at|near|outside)\s+(?:the\s+)?(?:[a-z]+\s+)?"
                         r"(?:(?:town|village|city|neighbou?rhood|camp|hamlet)s?\s+of\b|[A-Z])")
_WOUND_RE = _rx(r"(?:^|\s)(?:[وف](?:أصيب|اصيب|أصيبت|جرح|إصابة|اصابة)|and\s+(?:\w+\s+){0,3}?(?:wounded|injured))"
                       r"(?=\s|$)", re.IGNORECASE)


#: a clause about where the casualties were taken
_TAKEN_TO_RE = _rx(r"(?:^|\s)(?:[وف]?(?:نقل|نقلت|نقلوا|نقلا|أسعف|اسعف|أسعفوا|اسعفوا|تم\s+نقل|تم\s+إسعاف|تم\s+اسعاف)|"
                   r"(?:and\s+)?(?:were|was|been)\s+(?:taken|rushed|transferred|evacuated)\s+to)(?=\s|$)", re.IGNORECASE)


#: one of these is in every match of :data:`_TAKEN_TO_RE` (lower case; "إسعاف" holds "سعاف", not "سعف")
_TAKEN_TO_WORDS = ("نقل", "سعف", "سعاف", "taken", "rushed", "transferred", "evacuated")


def _tail_end(s: str, ds: list[Death], k: int, clause: Span) -> int:
    """Where the words about the death statement ``k`` end: the next death statement, a turn to another
    proposition, a clause about the wounded ("وأصيب اثنان في ...", "and wounded two in ..."), or the end
    of the clause."""
    end = ds[k + 1].a if k + 1 < len(ds) else clause[1]
    end = _turn(s, ds[k].b, end) or end
    m = _WOUND_RE.search(s, ds[k].b, end)
    if m and _LOCATED_RE.search(s, ds[k].a, m.start()):   # "قتل 3 في بلدة X، وأصيب اثنان في بلدة Y"
        return m.start()
    m = _TAKEN_TO_RE.search(s, ds[k].b, end) if may_contain_ci(s[ds[k].b:end], _TAKEN_TO_WORDS) else None
    return m.start() if m else end   # "، ونقل الجرحى إلى المشفى في مدينة Y": where the wounded went


_LIST_JOIN_RE = _rx(r"[،,&]|(?:^|\s)(?:و|and)(?:\s|$)|\s[و]\S", re.IGNORECASE)


def _alone(s: str, a: int, place: Span, tail_end: int) -> bool:
    """The toll's own words name this place alone ("قصف A وB ما أسفر عن مقتل 3 في B": B alone)."""
    after = s[place[1]:min(tail_end, place[1] + 3)]
    return not _LIST_JOIN_RE.search(s[a:place[0]]) and not re.match(r"\s*(?:[،,&]|و\S|and\s)", after)


def _subset_here(between: str) -> bool:
    """A part of the toll is placed here ("most of them in X", "بينهم ثلاثة أطفال في بلدة X"), not a
    description of the victims followed by the event ("بينهم طفل، بقذائف مدفعية على بلدة X", "بينهم طفل
    جراء قصف على بلدة X"): the subset word, at most three words of the part, and "in" before the place."""
    last = None
    for last in _SUBSET_RE.finditer(between):  # noqa: B007 - the last match
        pass
    return last is not None and (_PART_IN_RE.match(between, last.end()) is not None or
                                 _NEXT_PART_RE.search(between, last.end()) is not None)


_IN_PLACE = r"(?:في|in|at)\s+(?:the\s+)?(?:(?:town|village|city)\s+of\s+|(?:بلدة|مدينة|قرية|حي|مخيم)\s+)?$"
#: after the subset word: the part (a figure and its noun, "a woman", "most"; no comma: "including two children,
#: in X" describes the dead) and "in" with the place's noun
_PART_IN_RE = _rx(r"\s*(?:[^\s,،]+\s+){0,3}?" + _IN_PLACE, re.IGNORECASE)
#: the next part of the same breakdown: "بينهم 17 في مدينة A و3 في بلدة B", "including five in A and two in B", "19
#: in A, seven in B, five in C"
_NEXT_PART_RE = _rx(r"(?:[،,]\s*(?:و|and\s+)?|\s(?:و|and\s+))(?P<n>[^\s,،]+)\s+(?:(?:آخرين|اخرين|آخرون|اخرون|others|more)\s+)?"
                    + _IN_PLACE, re.IGNORECASE)   # ("وثلاثة آخرين في بلدة B", "and three others in B")


#: a figure of the toll placed right before the place: "including five in the town of X", "بينهم ثلاثة في بلدة X"
_PLACED_PART_RE = _rx(r"(?:\bincluding|\bamong them|\bof whom|بينهم|منهم|" + _BREAKDOWN + r")\s+(?:at least\s+)?(?P<n>\S+)\s+(?P<noun>[^\s,،]+\s+)?"
                      r"(?:in|at|في)\s+(?:the\s+)?(?:(?:town|village|city)\s+of\s+|(?:بلدة|مدينة|قرية)\s+)?$",
                      re.IGNORECASE)


def _part_named_again(name: str, tail: str, whole: int | None) -> int | None:
    """The toll a list's total gives one of the list's towns, named again in the tail: the whole of it where the
    tail places the dead there ("قصفت A وB، ما أدى لمقتل أربعة مدنيين في B"; "... بينهم طفلان في B": who they were,
    then where), a part where a bare figure or "of whom" places one ("killing eight, including three in A", "منهم
    ثلاثة في A"); none for the list's other towns."""
    k = tail.find(name) if len(name) > 2 else -1
    if k <= 0:
        return None
    head = tail[:k]
    if _PLACED_HERE_RE.fullmatch(head):
        return whole
    if not _SUBSET_RE.search(head):
        return None
    return whole if _describes_the_dead(head) else _placed_part(head)


def _tells_who(s: str, pos: int) -> bool:
    """The subset word at ``pos`` says who the dead were before where they died ("بينهم طفلان في X", "including a
    woman in X"): the place is the whole toll's. Not a bare figure placed ("including five in X") nor "منهم" / "of
    whom" (a part of the dead)."""
    m = _AMONG_UPTO_PLACE_RE.match(s, pos)
    if m is None:
        return False
    toks = _tokens(m.group("who"))
    got = _number(toks, 0)
    return not (got is not None and got[1] == len(toks))


#: the dead placed right after their figure: " في بلدة X", " in X"
_PLACED_HERE_RE = _rx(r"[\s,،]*" + _IN_PLACE, re.IGNORECASE)
#: the subset words that tell who the dead were (not "منهم", "of whom": a part of them)
_AMONG = r"(?:\bincluding|\bamong them|بينهم)"
#: a subset word that tells who the dead were, and what it says up to where they died ("بينهم امرأة وطفلاها في")
_AMONG_UPTO_PLACE_RE = _rx(_AMONG + r"\s+(?:at least\s+)?(?P<who>(?:[^\s,،]+\s+){1,5}?)[,،]?\s*(?:in|at|في)\s",
                           re.IGNORECASE)


#: "in"/"في" in the text: a place given before a subset word ("مقتل 12 مدنياً في ريف درعا بينهم ...")
_IN_WORD_RE = _rx(r"(?:^|\s)(?:في|in|at)\s", re.IGNORECASE)


def _describes_the_dead(between: str) -> bool:
    """"وقتل 9 مدنيين بينهم أربعة أطفال في صيدا", "killed nine civilians, including four children in Saida": the
    subset tells who the dead were (:func:`_tells_who`), the place is the whole toll's, also where it is one of a
    list named before ("قصفت A وB، ما أدى لمقتل خمسة مدنيين بينهم طفلان في B"). Not where something is placed
    before the subset word or another part follows (a breakdown)."""
    sub = _SUBSET_RE.search(between)
    return sub is not None and _tells_who(between, sub.start()) and _NEXT_PART_RE.search(between) is None and \
        _IN_WORD_RE.search(between, 0, sub.start()) is None


def _placed_part(between: str) -> int | None:
    m = _PLACED_PART_RE.search(between) or _NEXT_PART_RE.search(between)
    return None if m is None else _part_count(m)


def _part_count(m: re.Match[str]) -> int | None:
    """The figure of a part of the toll that a match of :data:`_PLACED_PART_RE` or :data:`_NEXT_PART_RE` holds."""
    got = _number(_tokens(m.group("n")), 0)
    return got[0] if got is not None and got[0] > 0 else None


def _in_tail(s: str, ds: list[Death], clause: Span, place: Span, in_list: bool) -> tuple[bool, int | None]:
    """Rule 1: the place is named in the tail of a death statement ("killed nine civilians in X")."""
    before = [k for k, d in enumerate(ds) if d.a < place[0]]
    if not before:
        return False, None
    k = before[-1]                  # only the last statement before the place can reach it
    if ds[k].count == VAGUE and k + 1 < len(ds) and ds[k + 1].a < clause[1] and ds[k + 1].count not in (VAGUE, 0):
        if (placed := _PLACED_PART_RE.search(s, ds[k].b, place[0])) is not None and (n := _part_count(placed)):
            return True, n          # "the dead were distributed as follows: four in X, three in Y": X's four
        return False, None          # "اغتال مسلحون قيادياً في X، ما أدى لمقتله": the figure the clause gives after
    d, tail_end = ds[k], _tail_end(s, ds, k, clause)
    if place[0] >= tail_end:
        return False, None
    if k + 1 < len(ds) and ds[k + 1].count not in (VAGUE, 0) and place[1] <= ds[k + 1].a < clause[1] and \
            _NEXT_PROPOSITION_RE.search(s, d.b, place[0]) and not re.search(r"[.،,;؛]", s[place[1]:ds[k + 1].a]):
        return False, None         # "التي قتل فيها متظاهران، ثم امتدت ...، وسقط في مدينة X نحو عشرين قتيلاً": X's own
    between = s[min(d.b, place[0]):place[0]]
    road = _road(s, place)
    if _subset_here(between) and not _describes_the_dead(between):
        return True, _placed_part(between)   # "most of them in X" (no figure for X), "including five in X" (five)
    if (nxt := _NEXT_PART_RE.search(between)) is not None and _IN_WORD_RE.search(between, 0, nxt.start()) and \
            (part := _placed_part(between)) is not None:
        return True, part   # "استشهد 6 مدنيين في مدينة A و3 في مدينة B": B's three, not A's six
    if in_list and not road and not _alone(s, d.b, place, tail_end):
        return True, None          # X is one of several places sharing the total
    if d.count != VAGUE and not road and _spread(s, d.a, place[1], place):
        return True, None
    if road and _over_days(s, d.a, tail_end):
        return True, None          # "قتلوا منذ يوم الخميس جراء القصف على ... وطريق السد والمخيم": a total over days
    return True, _clean_toll(d, s, clause[0], tail_end, place) if not road else (None if d.count == VAGUE else
                                                                              _clean_toll(d, s, clause[0], d.b))


def _after_place(s: str, ds: list[Death], clause: Span, trigger: Span, place: Span,
                 in_list: bool) -> tuple[bool, int | None]:
    """Rule 2: the event is told first, its toll follows in the same clause ("shelled X, killing 3")."""
    for k, d in enumerate(ds):
        if d.a < place[1] or d.a < clause[0] or d.a >= clause[1]:
            continue
        if d.count == VAGUE and d.b <= trigger[0] and any(
                x.count not in (VAGUE, 0) and trigger[1] <= x.a < clause[1] for x in ds[k + 1:]):
            continue               # "شيع أهالي X شهداء الجمعة، وأطلق الأمن النار على المشيعين، ما أدى لسقوط شهيدين":
            #                        the dead before the act are the funeral's, its own follow it
        tail_end = _tail_end(s, ds, k, clause)
        if trigger[0] >= tail_end and k + 1 < len(ds) and ds[k + 1].count == d.count and ds[k + 1].a - d.b <= 3:
            continue               # "- X: 4 شهداء، استشهدوا برصاص ...": the verb after it tells the same dead
        if trigger[0] >= tail_end or _turn(s, place[1], d.a) is not None:
            return False, None     # the toll is another proposition's, not this event's
        tail = s[d.b:tail_end]
        sub = _SUBSET_RE.search(tail)       # "most of them in X" places a part of the toll, not all of it
        if sub is not None and _tells_who(tail, sub.start()):
            sub = None                      # (but "بينهم طفلان في X" says who, and the toll is X's)
        if in_list and not _road(s, place):
            # one total over a list of places, and what the tail gives the one named again
            return True, _part_named_again(s[place[0]:place[1]], tail, _clean_toll(d, s, clause[0], tail_end))
        if _other_place(tail[:sub.start() if sub else None]):
            return True, None      # the toll is tied to another place
        return True, _clean_toll(d, s, clause[0], tail_end)
    return False, None


_SENT_END = re.compile(r"[.!?؟]+[\"'”’»)]*(?=\s|$)|\n")
#: the characters a match of :data:`_SENT_END` can start with (re finds them fast: a class opens the pattern)
_SENT_END_FIRST = re.compile(r"[.!?؟\n]")
#: white space and closing marks between two sentences (``\s`` is ``str.isspace``)
_SENT_GAP = re.compile(r"[\s.!?؟\"'”’»)]*")


def _sentence_end(text: str, pos: int, endpos: int) -> re.Match[str] | None:
    """``_SENT_END.search(text, pos, endpos)``: tried only where a match can start (re tries an opening
    alternation at every position)."""
    while True:
        c = _SENT_END_FIRST.search(text, pos, endpos)
        if c is None:
            return None
        m = _SENT_END.match(text, c.start(), endpos)
        if m is not None:
            return m
        pos = c.start() + 1


def _next_sentence(text: str, end: int) -> Span | None:
    """The sentence after the one ending at ``end`` (an offset, not negative: a sentence's end), up to the next
    full stop or line break, when it has a word for death at all; None otherwise."""
    n = len(text)
    gap = _SENT_GAP.match(text, end)   # (always a match, maybe empty; past the text: at its end)
    start = gap.end() if gap else end
    if start >= n:
        return None
    m = _sentence_end(text, start, min(n, start + 1200))
    stop = m.end() if m else min(n, start + 1200)
    return (start, stop) if _sentence_has_death(text[start:stop]) else None


_EN_NAME_HEAD_RE = re.compile(r"^\W*([A-Z][a-z]+(?:['’][a-z]+)?)\b")
_EN_NOT_A_NAME = frozenset("The This That These Those He She They It His Her Their Its A An In On At Later Then "
                           "Also But And Meanwhile However One Two Three Another Both Earlier Local Sources".split())


def _names_the_victim(s1: str, s2: str) -> bool:
    """The next sentence starts with a name the sentence before gave a person ("... opened fire on
    Adel Masri ... . Masri, a father of two, died on the spot."): it speaks of the same victim."""
    m = _EN_NAME_HEAD_RE.match(s2)
    if not m or m.group(1) in _EN_NOT_A_NAME or len(m.group(1)) < 3:
        return False
    hit = re.search(r"(?<=[A-Za-z]\s)" + re.escape(m.group(1)) + r"\b", s1)   # inside a full name, not its head
    return hit is not None


#: a sentence of a toll alone, this short, right after an event's, is that event's ("Four gunmen were killed.", "وقتل
#: أربعة مسلحين."), when its dead suffered (no doer of its own: not "Gunmen killed two men.")
_LONE_TOLL_WORDS = 7
#: who says it, opening a sentence of a toll ("Activists said at least 20 soldiers were killed.", "A resident said ...",
#: "وقال ناشطون إن ..."): the toll sentence is as short without it
_SAID_LEAD_RE = _rx(r"\W*(?:[A-Z][\w'-]*(?:\s+[\w'-]+){0,4}?\s+(?:said|say|says|reported|told\s+\w+)\s+(?:that\s+)?"
                    r"|according\s+to\s+[^,]{1,60},\s*"
                    r"|[وف]?(?:قال|قالت|ذكر|ذكرت|أفاد|افاد|أفادت|افادت)\s+(?:\S+\s+){0,3}?(?:إن|ان|أن)\s+)", re.IGNORECASE)
#: ... and closing it: "At least nine people were killed, an activist said.", "، بحسب ناشطين."
_SAID_TAIL_RE = _rx(r"\s*[,،]\s*(?:(?:\w+\s+){0,7}?(?:said|says|reported|told\s+\w+)|(?:according\s+to|بحسب|وفق|حسب)"
                    r"(?:\s+\S+){1,8})\s*[.!]?\s*$", re.IGNORECASE)
_SUFFERED_RE = _rx(r"\W*(?:[وف]?(?:قتل|قُتل|لقي|سقط|استشهد|قضى)\s|(?:\w+\s+){0,5}?(?:were|was|have\s+been|had\s+been)\s+"
                   r"(?:\w+\s+)?killed\b|(?:\w+\s+){0,5}?died\b|(?:\S+\s+){1,4}?(?:قتلوا|قُتلوا|قتلا|استشهدوا|لقوا))",
                   re.IGNORECASE)


def _lone_toll_sentence(s2: str) -> bool:
    """A short sentence that only tells who died ("At least 20 soldiers were killed."), after who says so."""
    lead = _SAID_LEAD_RE.match(s2)
    body = s2[lead.end():] if lead is not None else s2
    tail = _SAID_TAIL_RE.search(body) if "," in body or "،" in body else None
    body = body[:tail.start()] if tail is not None else body
    who = _WHO_AFTER_RE.search(body)   # (and who they were: "Six people were killed, among them a doctor who ...")
    body = body[:who.start()] if who is not None else body
    return len(body.split()) <= _LONE_TOLL_WORDS and _SUFFERED_RE.match(body) is not None


#: who the dead were, after a comma: "..., among them a doctor", "، بينهم طفلان"
_WHO_AFTER_RE = _rx(r"[,،]\s*(?:من\s+)?" + _AMONG + r"\s", re.IGNORECASE)


#: a line break and a list's bullet or number between two sentences: the next one is another item of a digest
_NEW_ITEM_RE = _rx(r"[^\n]{0,3}\n\s*(?:[-–—•*▪●◾🔸🔹⚡📍✅]|\d{1,2}[.)])")


@lru_cache(maxsize=256)
def _follow_on(text: str, sentence: Span) -> int | None:
    """Rule 3: a sentence that names no death takes the toll of the next sentence when that one
    refers back to the event and names no place of its own ("The strikes killed three people.",
    "وأدت الاشتباكات إلى مقتل اثنين.")."""
    nxt = _next_sentence(text, sentence[1])
    if nxt is None or _NEW_ITEM_RE.match(text, sentence[1], nxt[0] + 3):
        return None   # (a digest's next bullet is another incident: "- اشتباكات في X.\n- انفجار لغم في Y، ما أدى لمقتل شاب")
    s2 = text[nxt[0]:nxt[1]]
    ds = deaths(s2)
    exact = [d for d in ds if d.count not in (VAGUE, 0) and not _EARLIER_TOLL_RE.search(s2, max(0, d.a - 60), d.a)]
    if len(exact) != 1 or not (_BACK_RE.search(s2[:exact[0].a + 1]) or _BACK_AFTER_RE.match(s2, exact[0].b) or
                               _DURING_IT_RE.search(s2, exact[0].a, exact[0].b) or   # "قتل خلال المعارك 30"
                               _TOLL_ROSE_RE.match(s2) is not None or
                               (exact[0].count == 1 and _names_the_victim(text[sentence[0]:sentence[1]], s2)) or
                               _lone_toll_sentence(s2)):
        return None
    if _OTHER_PLACE_RE.search(s2) or _EN_OTHER_NAME_RE.search(s2) or _MULTI_DAY.search(s2, 0, exact[0].b):
        return None   # (nor "أسفرت المواجهات خلال خمسة أيام عن مقتل 19": the days' total)
    return _clean_toll(exact[0], s2, 0, len(s2))


#: a digest's bullet, its place and the colon after it: "- al-Msayfra: ", "• بلدة X: " (then the count of its dead)
_BULLET_HEAD_RE = _rx(r"(?:[-–—•*▪◾]|\d{1,2}[.)])[ \t]*[^:\n]{2,40}?:[ \t]*")


#: how far before a digest's first item its lead may be (characters): the lead line and the paragraph before it
_BULLET_LEAD_CHARS = 400


def _bullet_toll(text: str, sentence: Span) -> int | None:
    """A digest's item that counts the dead of its place with no word of death, under a lead that has one ("The
    victims were distributed as follows:\n- X: four civilians, among them two children, in shelling."; "وتوزع
    الضحايا على النحو التالي:\n- بلدة X: ثلاثة مدنيين بينهم امرأة"): the count after the colon."""
    head = _BULLET_HEAD_RE.match(text, sentence[0], sentence[1])
    if head is None:
        return None
    line = sentence[0]
    while line > 0:   # up past the items before this one, to the lead
        prev = text.rfind("\n", 0, line - 1) + 1
        if not _BULLET_HEAD_RE.match(text, prev, line):
            break
        line = prev
    lead = text[max(0, line - _BULLET_LEAD_CHARS):line].rstrip()   # (the lead and the paragraph before it)
    if not lead.endswith(":") or not _sentence_has_death(lead):
        return None   # (items with no lead ending in a colon are lines of their own: "- X: 300 fighters settled")
    toks = _tokens(text[head.end():sentence[1]])
    got, _k = _victims(toks, 0, len(toks), not text[head.end():sentence[1]].isascii()) if toks else (None, 0)
    return got if got is not None and got not in (VAGUE, 0) else None


def _lead_toll(text: str, sentence: Span) -> int | None:
    """Rule 4: a sentence that names no death and opens on the event told before ("The strikes hit homes on the edge
    of X", "The attackers opened fire on the checkpoint at Y") takes the one exact toll of the sentence before,
    when that one placed it no nearer than a province or "a village in southern Syria" (a lead and its detail)."""
    s = text[sentence[0]:sentence[1]]
    if not _SAME_EVENT_HEAD_RE.match(s):
        return None
    lo = max(0, sentence[0] - 1200)
    before = text[lo:sentence[0]].rstrip()
    ends = [m.end() for m in _SENT_END.finditer(before, 0, max(0, len(before) - 1))]
    prev = before[ends[-1]:] if ends else before
    exact = [d for d in deaths(prev) if d.count not in (VAGUE, 0)]
    if len(exact) != 1:
        return None
    vague = _VAGUE_WHERE_RE.sub(" ", prev)
    if _OTHER_PLACE_RE.search(vague) or _EN_OTHER_NAME_RE.search(vague):
        return None
    return _clean_toll(exact[0], prev, 0, len(prev))


#: a sentence opening on the event the sentence before told: its weapon or its doers named again
_SAME_EVENT_HEAD_RE = _rx(r"\W*(?:The|These|Those)\s+(?:\w+\s+)?(?:strikes?|airstrikes?|air\s+strikes?|attack|attackers?|"
                          r"assailants?|gunm[ae]n|bombing|blast|explosion|raids?|ambush|shelling|bombardment|bomb|"
                          r"device|explosives?|mine|landmine|shells?|missiles?|rockets?|drones?)\b"
                          # "The Observatory said the dead in X were all civilians": the lead's dead, placed
                          r"|\W*(?:The\s+)?(?:[A-Z][\w'-]*\s+){1,3}(?:said|says|reported)\s+(?:that\s+)?(?:the|all)\s+"
                          r"(?:dead|victims|those\s+killed)\s+in\b"
                          r"|\W*[وف]?(?:كانت\s+|كان\s+)?ال(?:غارات|غارة|هجوم|مهاجمون|مسلحون|انفجار|قصف|تفجير)\s")
#: where a lead places its toll no nearer than a province: "in a village in southern Syria", "in Daraa province"
_VAGUE_WHERE_RE = _rx(r"\b(?:in|at|near|on)\s+(?:an?\s+\w+\s+in\s+)?(?:(?:southern|south|south-western|southwestern)\s+Syria|"
                      r"Syria|the\s+south|[A-Z][\w'-]+\s+(?:province|governorate|countryside)|"
                      r"(?:an?\s+\w+(?:\s+\w+)?\s+in\s+)?the\s+(?:southern\s+)?(?:province|governorate)\s+of\s+[A-Z][\w'-]+)\b")


#: a figure told before and now replaced: "raising an earlier toll of nine", "up from a previous toll of 5"
_EARLIER_TOLL_RE = _rx(r"\b(?:earlier|previous|initial|first)\s+(?:death\s+)?(?:toll\s+of\s+)?$"
                       # "Officials had initially put the toll at seven", "had earlier given a figure of 7"
                       r"|\b(?:initially|earlier|previously|originally|at\s+first)\s+(?:put|given|gave|reported|"
                       r"said|estimated|counted|set)\b[^.;]*$"
                       r"|(?:حصيلة|الحصيلة)\s+(?:سابقة|أولية\s+سابقة)\b[^.]*$|بعد\s+أن\s+كانت\s+(?:الحصيلة\s+)?[^.]*$",
                       re.IGNORECASE)
#: a capitalised name after a preposition in an English toll sentence ("the raids on Jasim killed 22"): a place of its
#: own (not a day or a month)
_EN_OTHER_NAME_RE = re.compile(
    r"\b(?:in|at|near|on|outside)\s+(?:the\s+)?(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|"
    r"February|March|April|May|June|July|August|September|October|November|December)\b)[A-Z]")


#: the event of the clause before, named again in a clause of its dead: "، فيما قتل خلال الاقتحام سبعة عشر عنصراً",
#: ", while 17 soldiers were killed during the assault"
_DURING_IT_RE = _rx(r"(?:^|\s)(?:خلال|أثناء|اثناء|جراء|إثر|اثر)\s+ال(?:اقتحام|هجوم|معارك|اشتباكات|مواجهات|غارات|قصف|"
                    r"تصدي|عملية|عمليه)(?=[\s،,.]|$)"
                    r"|\b(?:during|in)\s+the\s+(?:assault|attack|fighting|clashes|battle|raid|operation|storming)\b",
                    re.IGNORECASE)


def _told_after_clause(s: str, ds: list[Death], hi: int) -> int | None:
    """The one exact toll of a later clause of the sentence that names the event again and no place of its own
    ("سيطر الثوار على الكتيبة، فيما قتل خلال الاقتحام سبعة عشر عنصراً"), or None."""
    exact = [d for d in ds if d.a >= hi and d.count not in (VAGUE, 0)]
    if len(exact) != 1:
        return None
    d = exact[0]
    end = min(len(s), d.b + 60)
    if d.a - hi <= 24 and _RESULT_NEXT_RE.match(s, hi) and not _OTHER_PLACE_RE.search(s, hi, end):
        return _clean_toll(d, s, hi, end)   # "أطلق مسلحان النار عليه، فأردياه قتيلاً": what the act did, right after
    if not _DURING_IT_RE.search(s, hi, end) or _OTHER_PLACE_RE.search(s, hi, end):
        return None
    return _clean_toll(d, s, hi, end)


#: the clause after an act opening with what it did (in the original text): "، فأرداه قتيلاً", "، ما أدى إلى مقتل"
_RESULT_NEXT_RE = _rx(r"[\s،,]*(?:فأرد\S*|فارد\S*|فقتل\S*|فقضى|ما\s+أدى|ما\s+ادى|مما\s+أدى|مما\s+ادى|ما\s+أسفر|"
                      r"ما\s+اسفر|مما\s+أسفر|مما\s+اسفر)(?:\s|$)")


#: the new figure after a toll's rise: "ارتفعت الحصيلة إلى خمسة", "the toll rose to 12"
_ROSE_TO_RE = _rx(r"(?:^|\s)(?:إلى|الى|to|at)\s+(?:at\s+least\s+|نحو\s+)?", re.IGNORECASE)


def _toll_update(text: str, sentence: Span, n: int) -> int:
    """The toll of the next sentence when it says the toll rose ("قتل ثلاثة عناصر بانفجار عبوة في X. وارتفعت حصيلة
    القتلى لاحقاً إلى خمسة بعد وفاة اثنين من المصابين"), else ``n``: one event's figure, told again higher."""
    nxt = _next_sentence(text, sentence[1])
    if nxt is None:
        return n
    s2 = text[nxt[0]:nxt[1]]
    if _TOLL_ROSE_RE.match(s2) is None or _OTHER_PLACE_RE.search(s2):
        return n
    to = _ROSE_TO_RE.search(s2)
    if to is None:
        return n
    toks = _tokens(s2[to.end():to.end() + 60])
    # (the victims counted: "put the toll at two soldiers and a civilian")
    got, k = _victims(toks, 0, len(toks), not s2.isascii()) if toks else (None, 0)
    if any(_is(t.w, _AR_WOUND) or t.w in _EN_WOUND for t in toks[:k + 1]):
        return n   # ("13 قتيلاً، إضافة إلى أكثر من 20 جريحاً": the wounded, not a higher toll)
    return got if got is not None and got != VAGUE and got > n else n


#: a toll's rise told before its new figure, in the sentence of the first ("..., ليرتفع عدد ضحايا القذيفة إلى أربعة",
#: "raising the toll to four")
_ROSE_BEFORE_RE = _rx(r"(?:[لوف]?(?:يرتفع|ترتفع|ارتفع|ارتفعت)\s+(?:بذلك\s+)?(?:(?:عدد|حصيلة)\s+)?|(?:raising|bringing|rose|risen)\s+(?:\S+\s+){0,3})$",
                      re.IGNORECASE)


#: a span of days inside a toll's phrase ("عدد القتلى منذ الأحد إلى 23", "the toll over the week to 30")
_SINCE_IN_TOLL_RE = _rx(r"(?:^|\s)(?:منذ|خلال|since|over|during)\s", re.IGNORECASE)


def _rose_later_in_sentence(text: str, sentence: Span, place: Span, n: int) -> int | None:
    """The higher figure the same sentence gives the toll after the place, as its rise ("قضى ثلاثة ... قرب X،
    فيما توفي أحد الجرحى صباح اليوم، ليرتفع عدد الضحايا إلى أربعة"), or None."""
    if not ("رتفع" in text[place[1]:sentence[1]] or "toll" in text[place[1]:sentence[1]]):
        return None
    s = text[sentence[0]:sentence[1]]
    for d in deaths(s):
        if d.a >= place[1] - sentence[0] and d.count not in (VAGUE, 0) and d.count > n and \
                _ROSE_BEFORE_RE.search(s, max(0, d.a - 24), d.a) and not _SINCE_IN_TOLL_RE.search(s, d.a, d.b):
            return d.count   # (not "ليرتفع عدد القتلى منذ الأحد إلى 23": the days' total, not this act's)
    return None


#: "ثلاثة منهم في بلدة X", "four of them in X": the part of a toll over several places killed at one of them
_PART_AT_RE = _rx(r"(?:منهم|منهن|of\s+them)\s+(?:في|in|at|near)\s+(?:(?:بلدة|مدينة|قرية|the\s+(?:town|village|city)\s+of)\s+)?",
                  re.I)


def _part_of_them(s: str, name: str) -> int | None:
    """The figure before "منهم في"/"of them in" right before ``name`` in the sentence ``s``, else None."""
    for m in _PART_AT_RE.finditer(s):
        if not s.startswith(name, m.end()):
            continue
        toks = _tokens(s[max(0, m.start() - 40):m.start()])
        for k in range(max(0, len(toks) - 3), len(toks)):
            got = _number(toks, k)
            if got is not None and got[1] == len(toks):
                return got[0]
    return None


def fatalities(text: str, sentence: Span, trigger: Span, place: Span, *, clause: Span | None = None,
               in_list: bool = False, report_has_death: bool | None = None) -> int | None:
    """The number killed in the event whose trigger and place mention are at ``trigger`` and ``place``: see
    :func:`_fatalities`; a figure the next sentence says rose is the higher one; the part of a toll a later
    "N of them in X" gives its place (its list's other places keep none)."""
    s = text[sentence[0]:sentence[1]]
    if ("منهم" in s or "منهن" in s or "of them" in s) and \
            (part := _part_of_them(s, text[place[0]:place[1]])) is not None:
        return part
    n = _fatalities(text, sentence, trigger, place, clause=clause, in_list=in_list, report_has_death=report_has_death)
    if n and ("حصيل" in text or "toll" in text or "عدد" in text):
        return _rose_later_in_sentence(text, sentence, place, n) or _toll_update(text, sentence, n)
    if n is None and not in_list and ("حصيل" in text or "toll" in text) and \
            any(d.count == VAGUE for d in deaths(text[sentence[0]:sentence[1]])):
        # "an Israeli strike killed several people near X. A news site later put the toll at two soldiers and a
        # civilian": the figure the next sentence gives the vague toll
        return _toll_update(text, sentence, 0) or None
    return n


def _fatalities(text: str, sentence: Span, trigger: Span, place: Span, *, clause: Span | None = None,
                in_list: bool = False, report_has_death: bool | None = None) -> int | None:
    """The number killed in the event whose trigger and place mention are at ``trigger`` and
    ``place`` (offsets into ``text``), in the sentence ``sentence`` and clause ``clause`` (default:
    the sentence), or None when the report gives no exact figure for that event.

    ``in_list``: the place is one item of a list of places (a total given for the list is none
    of theirs, unless the list is the two ends of a road).
    ``report_has_death``: :func:`norm_has_death` of the normalised report, when the caller has it.
    """
    if not (_report_has_death(text) if report_has_death is None else report_has_death):
        return None               # most reports of shelling or captures name no death at all
    sa, sb = sentence
    s = text[sa:sb]
    ds = list(deaths(s))
    if not ds:   # (the next sentence's toll over a list of places is none of theirs: "Clashes went on near X and Y.
        #          At least 23 rebels were killed in the fighting.")
        if in_list and not _road(s, (place[0] - sa, place[1] - sa)):
            return None
        got = _follow_on(text, sentence) if (got := _bullet_toll(text, sentence)) is None else got
        return got if got is not None else _lead_toll(text, sentence)
    if not in_list and all(d.count == VAGUE for d in ds) and (lead := _lead_toll(text, sentence)) is not None:
        return lead   # "The Observatory said the dead in X were all civilians": the lead's six, placed now
    ca, cb = clause if clause is not None else sentence
    rel_clause = (max(0, ca - sa), min(len(s), cb - sa))
    rel_place = (place[0] - sa, place[1] - sa)
    rel_trig = (trigger[0] - sa, trigger[1] - sa)
    # "خرجت مظاهرة احتجاجاً على مقتل شاب", "protested against the killing of": the cause, not this event's toll
    funeral = "uneral" in s or "تشييع" in s or "جناز" in s
    ds = [d for d in ds if not (rel_trig[1] <= d.a and _PROTEST_CAUSE_RE.search(s, max(0, d.a - 40), d.a))
          and not (funeral and _FUNERAL_OF_RE.search(s, max(0, d.a - 40), d.a))
          and not (CHARGED_WITH_RE.search(s, max(0, d.a - 24), d.a) and not CONFESSED_RE.search(s, max(0, d.a - 48), d.a))]
    in_clause = [d for d in ds if rel_clause[0] <= d.a < rel_clause[1]]
    if not in_clause and rel_clause[1] < len(s):
        return _told_after_clause(s, ds, rel_clause[1])
    found, n = _in_tail(s, in_clause, rel_clause, rel_place, in_list)
    if found:
        return n
    found, n = _after_place(s, in_clause, rel_clause, rel_trig, rel_place, in_list)
    return n if found else None
