"""Actor mentions -> a small normalised list of actors, for Arabic and English text.

The list is deliberately short (what an analyst filters on in southern Syria):
see :data:`ACTORS`.  Surface forms are matched on normalised text, longest first, so
"الجيش السوري الحر" is the Free Syrian Army (opposition) and not "الجيش السوري".

Conventions of the outlets are part of the lexicon: Syrian state media call
opposition and jihadist fighters alike "الإرهابيين" / "المجموعات الإرهابية" and
Israel "العدو الصهيوني" / "الكيان"; opposition media call the army "قوات النظام" /
"قوات الأسد".  Those words map to the same actors whoever writes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from eventmap.events._spans import IntervalSet, keyword_hits, keyword_set
from eventmap.events.lexicon import ar

GOV = "Syrian government forces"
RUS = "Russian forces"
ISR = "Israeli forces"
IRN = "Iranian forces"
HZB = "Hezbollah"
HTS = "Jabhat al-Nusra / HTS"
ISIS = "ISIS / Khalid ibn al-Walid Army"
OPP = "Opposition armed groups"
CIV = "Civilians"
USC = "US-led coalition"
TUR = "Turkish forces"
JOR = "Jordanian forces"
SDF = "SDF"
PROTESTERS = "Protesters"
UNK = "Unidentified armed group"

ACTORS = (GOV, RUS, ISR, IRN, HZB, HTS, ISIS, OPP, CIV, USC, TUR, JOR, SDF, PROTESTERS, UNK)

#: actors of the state side (their taking of territory is "Government regains territory")
STATE_SIDE = {GOV, RUS, IRN, HZB}

AR_FORMS: dict[str, tuple[str, ...]] = {
    GOV: ("الجيش السوري", "الجيش العربي السوري", "الجيش", "جيش النظام", "النظام", "النظام السوري", "وحدات الجيش",
          "وحدات من الجيش", "وحدات من الجيش العربي السوري", "وحدات من الجيش السوري", "وحدة من الجيش",
          "القوات الحكومية", "قوات النظام", "قوات النظام السوري", "قوات الأسد", "القوات السورية", "قواتنا المسلحة",
          "الفرقة الرابعة", "قوات النمر", "الحرس الجمهوري", "قوات الفرقة", "الفيلق الخامس", "الدفاعات الجوية السورية",
          "الدفاع الجوي السوري", "الطيران الحربي السوري", "الطيران السوري", "سلاح الجو السوري",
          "سلاح الجو في الجيش العربي السوري", "سلاح الجو", "طائرات النظام", "الطيران الحربي التابع للنظام",
          "طيران النظام", "طائرات النظام الحربية", "الطيران المروحي", "المروحيات", "الطيران الحربي السوري والروسي",
          "مروحيات النظام", "عناصر الهندسة في الجيش", "عناصر الهندسة", "وحدات الهندسة", "وحدات الهندسة في الجيش",
          "وسائط الدفاع الجوي", "وسائط دفاعنا الجوي", "منظومات الدفاع الجوي السوري", "الهندسة في الجيش",
          "الجيش والقوات الرديفة", "القوات الرديفة", "قوات الدفاع الوطني", "ميليشيات الأسد", "ميليشيا الأسد",
          "ميليشيات النظام", "عصابات الأسد", "قوات الأسد والميليشيات", "عناصر النظام", "عناصر قوات النظام",
          "الأمن العسكري التابع للنظام", "الدفاع الوطني", "الأجهزة الأمنية", "المخابرات الجوية", "الأمن العسكري",
          "قوات الأمن", "الجيش السوري وحلفاؤه", "القوات المسلحة السورية", "الأمن العام", "قوات الأمن العام",
          "جهاز الأمن العام", "الأمن الداخلي", "قوى الأمن الداخلي", "وزارة الدفاع", "وزارة الدفاع السورية",
          "القوى الأمنية", "قوى الأمن", "الوحدات الأمنية",
          "وزارة الداخلية"),
    RUS: ("القوات الروسية", "الطيران الروسي", "الطائرات الروسية الحربية", "المقاتلات الحربية الروسية",
          "الطيران الحربي الروسي", "الشرطة العسكرية الروسية", "الشرطة الروسية", "الجيش الروسي",
          "القوات الجوية الروسية"),
    ISR: ("العدو الصهيوني", "العدو الإسرائيلي", "الاحتلال", "قوة للاحتلال", "قوات إسرائيلية", "دوريات إسرائيلية",
          "دورية للاحتلال", "آليات الاحتلال", "قوة تابعة للاحتلال", "جيش الاحتلال", "جيش الاحتلال الإسرائيلي",
          "الجيش الإسرائيلي", "الجيش الصهيوني", "قوات الاحتلال", "قوات الاحتلال الإسرائيلي", "الطيران الإسرائيلي",
          "الطيران الحربي الإسرائيلي", "دبابات الاحتلال", "آليات عسكرية إسرائيلية", "جرافات الاحتلال",
          "مدرعات إسرائيلية", "عربات إسرائيلية", "جنود إسرائيليون", "جنود الاحتلال", "جنود إسرائيليين", "قصف إسرائيلي",
          "القصف الإسرائيلي", "الاحتلال الإسرائيلي", "قوات العدو", "الكيان الصهيوني", "إسرائيل", "طيران العدو",
          "عدوان إسرائيلي", "العدوان الإسرائيلي", "العدوان الصهيوني", "عدوان صهيوني", "الطيران الحربي الصهيوني",
          "طائرات الاحتلال", "الدفاعات الإسرائيلية", "طائرات العدو",
          # (the army's own words, in its Arabic spokesman's statements)
          "جيش الدفاع", "جيش الدفاع الإسرائيلي", "سلاح الجو الإسرائيلي", "قوات جيش الدفاع", "الفرقة 210",
          "اللواء 474"),
    IRN: ("القوات الإيرانية", "الحرس الثوري", "الحرس الثوري الإيراني", "الميليشيات الإيرانية", "الميليشيات الشيعية",
          "الميليشيات المدعومة من إيران", "ميليشيات إيران", "المستشارين الإيرانيين"),
    HZB: ("حزب الله", "ميليشيا حزب الله", "حزب الله اللبناني"),
    HTS: ("جبهة النصرة", "النصرة", "عناصر هيئة تحرير الشام", "مقاتلي هيئة تحرير الشام", "مسلحي النصرة",
          "عناصر النصرة", "إرهابيي جبهة النصرة", "إرهابيي النصرة", "هيئة تحرير الشام", "تحرير الشام", "جبهة فتح الشام", "فتح الشام"),
    ISIS: ("داعش", "تنظيم داعش", "عناصر داعش", "عناصر تنظيم داعش", "مسلحي داعش", "إرهابيي داعش", "خلايا داعش",
           "عناصر تنظيم الدولة", "مقاتلي تنظيم الدولة", "إرهابيي تنظيم داعش", "تنظيم الدولة", "تنظيم الدولة الإسلامية", "جيش خالد بن الوليد", "جيش خالد",
           "لواء شهداء اليرموك", "حركة المثنى"),
    OPP: ("الفصائل", "فصائل المعارضة", "اللواء الثامن", "اللواء الثامن في الفيلق الخامس", "الفصائل المسلحة", "فصائل المعارضة المسلحة", "المعارضة المسلحة",
          "الجيش الحر", "الجيش السوري الحر", "المسلحين", "المسلحون", "الإرهابيين", "الإرهابيون",
          "المجموعات الإرهابية", "الجماعات الإرهابية", "الجماعات المسلحة", "المجموعات المسلحة",
          "التنظيمات الإرهابية", "الثوار", "مقاتلي المعارضة", "مقاتلو المعارضة", "الفصائل الثورية",
          "الجبهة الجنوبية", "فصائل الجنوب", "فصائل الجبهة الجنوبية", "فصائل حوران", "غرفة عمليات البنيان المرصوص", "غرفة العمليات المركزية", "قوات شباب السنة",
          "فصائل الجيش الحر", "فصيل", "المجموعات المسلحة الإرهابية", "إرهابيي", "الإرهابيين من",
          "مسلحين", "مسلحون", "إرهابيين", "الرافضين للتسوية", "مجموعات إرهابية",
          # a count's noun: "قتلت وحدة من الجيش ثلاثة عشر إرهابياً"
          "إرهابيا",
          # the armed men of a town who resist the army after 2018 ("المجموعات المحلية" in Daraa al-Balad, Tafas)
          "المجموعات المحلية", "مجموعات محلية", "المقاتلين المحليين", "مقاتلون محليون", "مقاتلين محليين",
          "أبناء المنطقة المسلحين"),
    CIV: ("المدنيين", "المدنيون", "مدنيين", "مدنيون", "مدني", "الأهالي", "السكان", "أطفال", "الأطفال", "الطفل",
          "طفل", "طفلا", "طفلة", "الطفلة", "امرأة", "سيدة", "الشاب", "شاب", "شابا", "شبان", "شب", "الشب", "مواطن", "المواطن",
          "نساء", "النازحين", "المواطنين", "مواطنين", "مزارع", "مزارعين", "مدنيان", "مدنيا", "مدنية", "طفلان",
          "طفلين", "شابان", "شابين", "امرأتان", "مواطنان", "المشيعين", "مشيعين", "المصلين", "مصلين", "طلاب",
          "الطلاب", "المارة", "عائلة", "عائلات", "ساكنيه", "ساكنيها", "سكانه", "سكانها", "قاطنيه", "قاطنيها",
          "مسن", "مسنة", "راعي", "رعاة", "راعيا"),
    USC: ("التحالف الدولي", "التحالف الأمريكي", "التحالف الأميركي", "القوات الأمريكية", "القوات الأميركية",
          "الطيران الأمريكي"),
    TUR: ("الجيش التركي", "القوات التركية"),
    JOR: ("الجيش الأردني", "القوات الأردنية", "القوات المسلحة الأردنية", "حرس الحدود الأردني", "حرس الحدود الأردنية",
          "قوات حرس الحدود الأردنية", "الطيران الأردني", "الطيران الحربي الأردني", "سلاح الجو الأردني",
          "المنطقة العسكرية الشرقية"),
    SDF: ("قسد", "قوات سوريا الديمقراطية"),
    PROTESTERS: ("المتظاهرين", "المتظاهرون", "المحتجين", "المحتجون"),
    UNK: ("مجهولون", "مجهولين", "مسلحون مجهولون", "مسلحين مجهولين", "أشخاص مجهولون", "مجهولي الهوية",
          "خلايا مجهولة", "جهات مجهولة", "مسلحين مجهولي الهوية", "مجموعة مسلحة", "مجموعة مسلحة مجهولة",
          "عصابة مسلحة", "مسلح مجهول", "مسلحان مجهولان"),
}

EN_FORMS: dict[str, tuple[str, ...]] = {
    GOV: ("syrian arab army", "saa", "government forces", "pro-government forces", "regime forces",
          "syrian government forces", "government troops", "army troops", "tiger forces", "4th division",
          "fourth division", "republican guard", "syrian air force", "syrian government", "assad's forces",
          "pro-assad forces", "assad forces", "regime", "the army", "army units", "army", "government",
          "syrian air defences", "syrian air defenses", "syrian air defence", "syrian air defense", "5th corps",
          "fifth corps", "national defense forces", "ndf", "regime warplanes", "regime helicopters", "army engineers",
          "army's engineering units", "security forces", "general security", "general security forces",
          "general security service", "syrian security forces", "internal security forces", "defence ministry",
          "defense ministry", "syrian defence ministry", "syrian defense ministry", "ministry of defence",
          "ministry of defense", "interior ministry", "syrian interior ministry", "ministry of interior",
          "ministry of the interior", "interior ministry forces"),
    RUS: ("russian military police", "russian air force", "russian air power", "russian-backed forces"),
    ISR: ("idf", "israel defense forces", "israeli air force", "israel", "israeli patriot", "israeli force",
          "israeli unit", "israeli occupation", "israeli occupation forces", "israeli army forces",
          "210th division", "bashan division", "474th brigade", "golan brigade"),
    IRN: ("irgc", "revolutionary guard", "revolutionary guards", "iran-backed militia", "iran-backed militias",
          "iranian-backed militia", "iranian-backed militias", "iranian militia", "iranian militias"),
    HZB: ("hezbollah", "hizbollah", "hizballah", "hizbullah"),
    HTS: ("nusra front", "al-nusra", "al nusra", "nusra", "hts fighters", "hts militants", "nusra fighters",
          "nusra militants", "jabhat al-nusra", "jabhat al nusra", "hts",
          "hayat tahrir al-sham", "hayat tahrir al sham", "tahrir al-sham", "tahrir al sham", "hayaat tahrir al-sham"),
    ISIS: ("isis", "isil", "islamic state", "daesh", "isis militants", "isis fighters", "is militants",
           "islamic state militants", "islamic state fighters", "isis members", "isis cells", "daesh militants", "khalid ibn al-walid army", "khalid ibn al walid army",
           "jaish khalid ibn al-walid", "jaish khalid", "khalid bin walid army", "khalid ibn al-walid"),
    OPP: ("rebels", "rebel", "opposition fighters", "eighth brigade", "8th brigade", "opposition forces", "opposition groups", "insurgents",
          "militants", "terrorists", "armed groups", "free syrian army", "fsa", "southern front", "rebel groups",
          "rebel fighters", "opposition factions", "factions", "fighters", "jihadists", "local fighters",
          "local armed groups", "local gunmen"),
    CIV: ("civilians", "civilian", "residents", "children", "women", "villagers", "farmers", "a farmer", "a child",
          "child", "a boy", "a girl", "a woman", "a young man", "young men", "a teenager", "an elderly man",
          "an elderly woman", "a shepherd", "shepherds", "mourners", "worshippers", "passers-by", "pedestrians",
          "students", "a student", "families", "a family", "displaced people"),
    USC: ("us-led coalition", "u.s.-led coalition", "coalition", "us forces"),
    TUR: (),
    JOR: ("jordanian border guards", "jordanian border guard", "jordanian border forces", "jordanian air force",
          "jordanian armed forces", "jordan's army", "jordan's military"),
    SDF: ("sdf", "syrian democratic forces"),
    PROTESTERS: ("protesters", "demonstrators"),
    # "gunmen" alone are of no side the report names (ACLED: an unidentified armed group)
    UNK: ("unknown gunmen", "unidentified gunmen", "unknown assailants", "unidentified assailants",
          "unknown attackers", "masked gunmen", "unidentified attackers", "gunmen", "armed men"),
}

#: a state's weapons and units named by its adjective ("طائرة مسيرة إسرائيلية", "Russian drones"): each platform with
#: each state's adjective, in both orders of the definite article, beside the forms listed above
_PLATFORMS_AR = ("طائرة", "طائرات", "طائرة مسيرة", "طائرات مسيرة", "مسيرة", "مسيرات", "طائرة حربية", "طائرات حربية",
                 "طائرة استطلاع", "مروحية", "مروحيات", "مقاتلة", "مقاتلات", "دبابة", "دبابات", "مدفعية", "قوة", "دورية",
                 "آلية", "آليات", "صواريخ", "غارة", "غارات", "ضربة", "ضربات", "جرافة", "جرافات", "قوات")
_STATES_AR = {ISR: ("إسرائيلية",), RUS: ("روسية",), GOV: ("سورية",), USC: ("أمريكية", "أميركية"), IRN: ("إيرانية",),
              TUR: ("تركية",), JOR: ("أردنية",)}
_PLATFORMS_EN = ("drone", "drones", "helicopter", "helicopters", "warplane", "warplanes", "jet", "jets", "aircraft",
                 "fighter jets", "artillery", "tank", "tanks", "soldiers", "troops", "shelling", "strike", "strikes",
                 "airstrike", "airstrikes", "air strike", "air strikes", "raid", "raids", "air raid", "air raids",
                 "missile", "missiles",
                 "drone strike", "drone strikes", "patrol", "patrols", "forces", "army", "military", "bulldozer",
                 "bulldozers", "vehicles", "military vehicles", "units", "armored units", "armoured units", "convoy",
                 "convoys", "force")
_STATES_EN = {ISR: ("israeli",), RUS: ("russian",), GOV: ("syrian",), USC: ("american", "u.s."), IRN: ("iranian",),
              TUR: ("turkish",), JOR: ("jordanian",)}


def _composed() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    ar_f: dict[str, list[str]] = {a: [] for a in _STATES_AR}
    for actor, adjs in _STATES_AR.items():
        for adj in adjs:
            for noun in _PLATFORMS_AR:
                ar_f[actor] += [f"{noun} {adj}", " ".join("ال" + w for w in noun.split()) + " ال" + adj]
    en_f = {actor: [f"{adj} {noun}" for adj in adjs for noun in _PLATFORMS_EN] for actor, adjs in _STATES_EN.items()}
    return ar_f, en_f


# an actor after one of these words is the target / second party of the event
_OBJECT_MARKERS_AR = ("مع", "ضد", "على", "علي", "استهدف", "استهدفت", "لصالح", "عن")
#: the object markers that are verbs: the actor right after them is their object only when a doer came before
_VERB_MARKERS_AR = frozenset(("استهدف", "استهدفت"))
_OBJECT_MARKERS_EN = ("with", "against", "on", "targeting", "targeted", "at", "hit", "struck", "shelled", "bombed")


@dataclass(frozen=True, slots=True)
class ActorMention:
    actor: str
    start: int      # normalised-text offsets
    end: int
    role: str       # "subject" | "object" | "agent" (after "by"/"من قبل": the doer, in a passive) | "support" (backed by)
    #                 | "speaker" (followed by a speech verb: قال، أعلن، said) | "other"
    text: str


@lru_cache(maxsize=1)
def _forms() -> dict[str, str]:
    """Every surface form (normalised), both languages -> its actor."""
    forms: dict[str, str] = {}
    ar_c, en_c = _composed()
    for actor, fs in [*AR_FORMS.items(), *ar_c.items()]:
        for f in fs:
            k = ar(f)
            forms.setdefault(k, actor)
            if k.startswith("ال") and len(k) > 3:
                # ل + الجيش -> للجيش; ل + اللواء -> للواء (the doubled lam is written once)
                forms.setdefault(("ل" if k[2] == "ل" else "لل") + k[2:], actor)
    for actor, fs in [*EN_FORMS.items(), *en_c.items()]:
        for f in fs:
            forms.setdefault(f.lower(), actor)
    return forms


#: the forms are found by the shared keyword pass over the report (``_spans.keyword_hits``)
_FORMS_BIT = keyword_set(lambda: _forms().keys())


#: a speech verb right after an actor makes it the speaker of the sentence, not the doer of the event
_SPEECH = {ar(w) for w in ("قال", "قالت", "أعلن", "أعلنت", "أكد", "أكدت", "ذكر", "ذكرت", "أفاد", "أفادت", "نفى", "نفت",
                           "زعم", "زعمت", "اتهم", "اتهمت", "أشار", "أشارت", "صرح", "صرحت", "تقول", "يقول")} | {
    "said", "says", "say", "reported", "announced", "claimed", "denied", "accused", "stated", "told"}

_AR_CLITICS = {"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "فك", "لل"}


_AGAINST = frozenset(("ضد", "against", "targeting"))
#: a verb with the pronoun of the act before it: the actor after it did that act ("هجوم شنّه مسلحون",
#: "تفجير نفذه تنظيم داعش")
_AGENT_VERBS_AR = frozenset(ar(w) for w in ("شنه", "شنها", "شنته", "شنتها", "نفذه", "نفذها", "نفذته", "نفذتها",
                                            "تبناه", "تبنته", "تبناها", "ارتكبه", "ارتكبها", "ارتكبته"))
#: (normalised, as the words before an actor are: "بمساندة" had been written with its ة and never matched)
_SUPPORT_AR_1 = frozenset(ar(w) for w in ("بدعم", "بغطاء", "بمساندة", "بمشاركة", "مدعومة", "المدعومة", "حليفة",
                                          "حلفاء",
                                          # who came along: "دخلت قوات النظام ترافقها الشرطة العسكرية الروسية"
                                          "ترافقها", "ترافقه", "ترافقهم", "يرافقها", "يرافقه", "يرافقهم", "بمرافقة"))
_SUPPORT_AR_2 = frozenset(ar(w) for w in ("بدعم من", "بغطاء من", "مدعومة من", "المدعومة من", "بمساندة من"))
_OBJECT_HEADS_AR = ("تجمعات", "مواقع", "نقاط", "مقرات", "تحصينات", "اوكار", "معاقل", "ثكنات", "فلول", "بقايا")
_SUPPORT_EN_2 = frozenset(("backed by", "supported by", "aided by", "assisted by", "allied to", "allied with",
                           "accompanied by", "escorted by"))
#: the words that bring in who backs or escorts a force (normalised): "مدعومة بالدبابات", "ترافقها", "backed by"
SUPPORT_WORDS = _SUPPORT_AR_1 | frozenset(p.split()[0] for p in _SUPPORT_EN_2)
_HOLDERS_EN = frozenset(("controlled", "held", "run", "led", "affiliated", "besieged", "surrounded", "dominated"))
_OTHER_EN_2 = frozenset(("loyal to", "affiliated with", "linked to", "tied to"))


def find_actors(norm: str, start: int = 0, end: int | None = None) -> list[ActorMention]:
    """Actor mentions in ``norm[start:end]`` (normalised text), left to right, longest first."""
    end = len(norm) if end is None else end
    n = len(norm)
    raw: list[tuple[int, int, str, bool]] = []
    forms = _forms()
    for e_idx, (k, sets) in keyword_hits(norm):
        if not sets & _FORMS_BIT or e_idx >= end or e_idx + 1 - len(k) < start:
            continue          # (another scan's word, or outside norm[start:end])
        actor = forms[k]
        e = e_idx + 1
        if e < n:
            c = norm[e]
            if c.isalnum() or c == "-":
                continue
        s0 = e - len(k)
        if "\u0600" <= k[0] <= "\u06ff":
            ws = norm.rfind(" ", 0, s0) + 1
            if k.startswith("لل"):
                if norm[ws:s0] + "ل" not in _AR_CLITICS:
                    continue
                raw.append((s0 + 1, e, actor, True))
            elif ws == s0 or norm[ws:s0] in _AR_CLITICS:
                raw.append((s0, e, actor, True))
        elif s0 == 0 or norm[s0 - 1] == " ":    # (an English form starts a word: no clitic, no hyphen)
            raw.append((s0, e, actor, False))
    # leftmost-longest, no overlaps
    raw.sort(key=lambda r: (-(r[1] - r[0]), r[0]))
    kept: list[tuple[int, int, str, bool]] = []
    taken = IntervalSet()
    for r in raw:
        if taken.free(r[0], r[1]):
            taken.add(r[0], r[1])
            kept.append(r)
    kept.sort()
    out: list[ActorMention] = []
    for a0, e, actor, is_ar in kept:
        text = norm[a0:e]
        if not _SPEECH.isdisjoint(norm[e:e + 30].split()[:2]):
            out.append(ActorMention(actor, a0, e, "speaker", text))
            continue
        before = norm[max(0, a0 - 90):a0]
        prev = before.split()
        if before and prev and not before.endswith(" "):
            prev = prev[:-1]    # the clitic glued to the form is not a previous word
        if not _AGAINST.isdisjoint(prev[-8:]):
            out.append(ActorMention(actor, a0, e, "object", text))
            continue
        prev_w = prev[-1] if prev else ""
        if is_ar:
            two = " ".join(prev[-2:])
            role = "subject"
            if prev_w in _SUPPORT_AR_1 or two in _SUPPORT_AR_2:
                role = "support"
            elif two in ("من قبل", "علي يد") or prev_w in _AGENT_VERBS_AR:
                role = "agent"     # "هجوم شنه مسلحون مجهولون": the attack they launched
            elif prev_w in ("لسيطره", "سيطره", "لنفوذ", "نفوذ"):
                role = "other"     # "درعا الخاضعة لسيطرة قوات النظام": who holds the place, no party to the event
            elif prev_w in _VERB_MARKERS_AR and not any(0 <= a0 - o.end <= 60 for o in out):
                role = "subject"   # verb first: "استهدفت وحدات من الجيش تجمعات المسلحين" (no doer before the verb)
            elif prev_w in _OBJECT_MARKERS_AR or prev_w.startswith(_OBJECT_HEADS_AR):
                role = "object"
        else:
            if prev_w in ("the", "a", "an") and len(prev) > 1:
                prev = prev[:-1]
                prev_w = prev[-1]
            two = " ".join(prev[-2:])
            if two in _SUPPORT_EN_2 or prev_w in ("backed", "allied"):
                role = "support"
            elif (prev_w == "by" and len(prev) > 1 and prev[-2] in _HOLDERS_EN) or two in _OTHER_EN_2:
                role = "other"      # "the basin, which is controlled by ISIS": not the doer of this event
            else:
                role = "agent" if prev_w == "by" else "object" if prev_w in _OBJECT_MARKERS_EN else "subject"
        out.append(ActorMention(actor, a0, e, role, text))
    return out
