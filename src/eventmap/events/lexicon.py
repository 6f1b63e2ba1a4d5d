"""Event trigger lexicons: Arabic and English trigger phrases -> internal label -> ACLED type.

Each label maps to one of ACLED's six event types and 25 sub-event types, spelled
exactly as ACLED spells them (see :data:`eventmap.model.ACLED_TYPES`).  Triggers are matched on the
normalised text (``eventmap.text.normalize_with_offsets``: no harakat, unified
alef/hamza forms, ة->ه, ى->ي, Latin lower-cased, punctuation as spaces); the
patterns below are written in ordinary Arabic and normalised the same way when
compiled.  Arabic triggers may carry proclitics (و ف ب ل ك, ال, لل); a trailing
``~`` on a pattern allows the usual verb/noun suffixes (ت وا ها هم ات ين ون ...).

Coding choices worth stating (ACLED codebook, 2019 onwards):

* **Aircraft shot down** -> ``Strategic developments / Disrupted weapons use``.
  ACLED's "Disrupted weapons use" covers the interception of explosives in the air
  and the defeat of weapons platforms such as jets, which is what a surface-to-air
  missile hitting a jet is; it is not an ``Armed clash`` (no exchange of fire
  between two forces at a place) and the shooter usually stands outside the place
  where the aircraft falls (the 24 July 2018 Patriot launch came from Safed).  The
  air strike the jet was carrying out is coded separately as ``Air/drone strike``.
* **Cache, depot or field hospital found** (عثر على) -> ``Disrupted weapons use``
  when weapons, ammunition or explosives are named in the clause (a seizure of
  weapons), otherwise ``Strategic developments / Other``.
* **Entry under a settlement / reconciliation** (تسوية، مصالحة), evacuation of
  fighters (buses to Idlib), withdrawal and a flag raised without fighting ->
  ``Non-violent transfer of territory``.
* **Territory taken** -> ``Battles / Government regains territory`` when the actor
  taking it is the state or its allies, ``Non-state actor overtakes territory``
  otherwise (decided in ``extract`` from the actors).
* **Weapons handed over** under a deal, **combing operations** (تمشيط) and
  **air-raid sirens** -> ``Strategic developments / Other``: none is violence, and
  ACLED keeps such context under "Other".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from eventmap.events._prefilter import gate
from eventmap.events._spans import IntervalSet, keyword_hits, keyword_set
from eventmap.text import _AR_DIACRITICS, _AR_LETTER_MAP


@dataclass(frozen=True, slots=True)
class Label:
    name: str
    event_type: str
    sub_event_type: str
    strength: float          # how sure a trigger of this label makes an event, in [0, 1]
    needs_actor: bool = False  # only an event when an armed actor is named in the clause
    near_place: int = 0      # >0: the place must follow the trigger within this many characters


BATTLES, EXPL, VAC, PROT, RIOT, STRAT = (
    "Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
    "Strategic developments")

LABELS: dict[str, Label] = {l.name: l for l in (
    Label("territory_taken", BATTLES, "Government regains territory", 0.85),
    Label("territory_entered", BATTLES, "Government regains territory", 0.6, needs_actor=True, near_place=45),
    Label("settlement_entry", STRAT, "Non-violent transfer of territory", 0.8),
    Label("agreement", STRAT, "Agreement", 0.6),
    Label("armed_clash", BATTLES, "Armed clash", 0.8),
    Label("attack", BATTLES, "Armed clash", 0.6),
    Label("air_strike", EXPL, "Air/drone strike", 0.85),
    Label("bombardment", EXPL, "Shelling/artillery/missile attack", 0.7),  # becomes air_strike with aircraft
    Label("shelling", EXPL, "Shelling/artillery/missile attack", 0.8),
    Label("aircraft_downed", STRAT, "Disrupted weapons use", 0.85),
    Label("interception", STRAT, "Disrupted weapons use", 0.7),
    Label("explosive_defused", STRAT, "Disrupted weapons use", 0.7),
    Label("ied", EXPL, "Remote explosive/landmine/IED", 0.8),
    Label("suicide_bomb", EXPL, "Suicide bomb", 0.85),
    Label("grenade", EXPL, "Grenade", 0.8),
    Label("chemical", EXPL, "Chemical weapon", 0.75),
    Label("cache_found", STRAT, "Other", 0.7),  # Disrupted weapons use when weapons are named
    Label("weapons_handover", STRAT, "Other", 0.7),
    Label("evacuation", STRAT, "Non-violent transfer of territory", 0.7),
    Label("withdrawal", STRAT, "Non-violent transfer of territory", 0.6, needs_actor=True),
    Label("combing", STRAT, "Other", 0.55),
    Label("flag_raised", STRAT, "Non-violent transfer of territory", 0.6),
    Label("sirens", STRAT, "Other", 0.5),
    Label("arrests", STRAT, "Arrests", 0.75),
    Label("abduction", VAC, "Abduction/forced disappearance", 0.8),
    Label("attack_civilians", VAC, "Attack", 0.75),
    Label("sexual_violence", VAC, "Sexual violence", 0.8),
    Label("protest", PROT, "Peaceful protest", 0.75),
    Label("protest_intervention", PROT, "Protest with intervention", 0.8),
    Label("protest_excessive", PROT, "Excessive force against protesters", 0.85),
    Label("riot", RIOT, "Violent demonstration", 0.75),
    Label("mob_violence", RIOT, "Mob violence", 0.7),
    Label("base_established", STRAT, "Headquarters or base established", 0.7),
    Label("looting", STRAT, "Looting/property destruction", 0.7),
    Label("group_change", STRAT, "Change to group/activity", 0.6),
    # context that analysts map although ACLED keeps it under "Other": forces moving, a town
    # besieged, a supply line cut, a foreign force crossing in (decided from the actor in extract)
    Label("incursion", STRAT, "Other", 0.75),
    Label("troop_movement", STRAT, "Other", 0.55, needs_actor=True),
    Label("siege", STRAT, "Other", 0.6),
    Label("supply_cut", STRAT, "Other", 0.6),
    # an advance is fighting for ground that has not (yet) changed hands
    Label("advance", BATTLES, "Armed clash", 0.6, needs_actor=True, near_place=40),
    # people killed, with no other act named: the killing is the event (gunmen, unknown attackers)
    Label("killing", VAC, "Attack", 0.5),
)}

#: when both labels appear in one clause, the first absorbs the second (one event, not two)
ABSORBS: dict[str, tuple[str, ...]] = {
    # fighting and fire named beside a capture are facts of their own ("took X after heavy clashes"):
    # both are coded; an "attack" or an "entry" that took the place is the capture itself
    "territory_taken": ("attack", "combing", "territory_entered", "withdrawal", "agreement", "advance"),
    "settlement_entry": ("agreement", "flag_raised", "territory_entered", "combing", "withdrawal"),
    "evacuation": ("agreement", "withdrawal", "settlement_entry", "territory_entered"),
    "weapons_handover": ("cache_found", "shelling", "bombardment", "ied", "attack"),   # ("the gunmen handed over")
    "aircraft_downed": ("interception", "shelling", "attack", "armed_clash"),
    "air_strike": ("bombardment", "attack", "attack_civilians"),
    "shelling": ("bombardment", "attack", "attack_civilians"),
    "ied": ("attack_civilians", "bombardment"),   # "an IED targeted their car": the targeting is the blast
    "cache_found": ("combing", "shelling", "ied", "bombardment", "air_strike", "explosive_defused", "chemical",
                    "grenade"),   # "confiscated rifles, grenades and a missile launcher": arms found, none used
    "explosive_defused": ("ied", "combing", "cache_found"),
    "suicide_bomb": ("ied", "attack"),
    "grenade": ("ied",),   # "انفجار قنبلة يدوية", "a grenade exploded": the explosion is the grenade's
    "protest_excessive": ("protest_intervention", "protest", "riot", "agreement", "settlement_entry", "attack_civilians"),
    "protest_intervention": ("protest", "agreement", "settlement_entry"),
    "protest": ("agreement", "settlement_entry", "evacuation"),
    "riot": ("protest", "agreement", "settlement_entry"),
    "looting": ("riot",),   # "soldiers set fire to homes": houses burned are property destroyed, not a riot
    "armed_clash": ("attack", "advance"),
    "arrests": ("territory_entered",),   # "stormed X and arrested five": a raid, not a place changing hands
    "abduction": ("arrests", "attack"),   # "gunmen kidnapped": the gunmen's act is the abduction
    "attack_civilians": ("attack", "cache_found"),   # "the bodies of three men were found": no cache
    "incursion": ("territory_entered", "troop_movement", "advance", "combing", "territory_taken"),
    "siege": ("troop_movement",),
}
KILLERS = ("territory_taken", "armed_clash", "attack", "air_strike", "bombardment", "shelling", "ied", "suicide_bomb",
           "grenade", "chemical", "attack_civilians", "protest_excessive", "mob_violence", "aircraft_downed", "advance",
           "incursion", "abduction")
for _lab in KILLERS:
    ABSORBS[_lab] = tuple(dict.fromkeys(ABSORBS.get(_lab, ()) + ("killing",)))

# --- Arabic patterns ----------------------------------------------------------------------

#: not a person freed ("تمكن الأمن الداخلي من تحرير طفل مختطف في X", "حررت الوحدات رهينتين"): no ground taken
_NOT_A_HOSTAGE = (r"(?!\s(?:\S+\s){0,3}?(?:ال)?(?:طفل~|اطفال|مختطف~|مخطوف~|رهين~|رهائن|اسير~|اسري|شاب|شابين|امراه|فتاه|"
                  r"مواطن~|رجل|سائق~|طبيب~))")
#: not the martyrs a name is made of: "لواء شهداء اليرموك", "ساحة الشهداء", "مكتب توثيق الشهداء", "جمعة الشهداء"
_NOT_A_NAME = "".join(rf"(?<!{w}\s)(?<!{w}\sال)" for w in ("لوا", "كتيبه", "كتايب", "ساحه", "توثيق", "جمعه", "مقبره",
                                                          "دوار", "تجمع", "سريه", "مكتب"))
#: people a gunman seizes or holds (English, plural and singular)
_EN_TAKEN_PEOPLE = (r"(?:m[ae]n|wom[ae]n|youths?|boys?|girls?|child(?:ren)?|civilians?|peacekeepers|pharmacists?|doctors?|"
                    r"teachers?|activists?|merchants?|traders?|drivers?|farmers?|shepherds?|students?|journalists?)\b")
_AR_SUFFIX = r"(?:ت|تا|وا|ن|نا|ه|ها|هم|هما|ات|ين|ون|يه|ا)?"
#: a verb's person and its object pronoun together ("اعتقلته", "اعتقلوهم", "خطفوه"), for the verbs whose object is
#: the victim (not "اعترضته سيارة", a car stopped him; nor "أحرقوه")
_AR_OBJ = r"(?:ته|تها|تهم|تهما|وه|وها|وهم|وهما)"
_AR_PREFIX = r"(?:[وف]?(?:[بلك]?ال|لل|[بلك])?)?"

#: what an aircraft strikes, after "استهدفت طائرة مسيرة ...": the aircraft is the subject, not the target
_AIR_TARGETS_AR = ("سيارة|سيارات|سيارتين|منزل|منزلا|منازل|موقع|موقعا|مواقع|مقر|مقرا|مقرات|تجمع|تجمعا|تجمعات|آلية|آليات"
                   "|دراجة|نقطة|حاجز|حاجزا|مبنى|شاحنة|شاحنات|مستودع|مستودعا|عربة|عناصر|قياديا|اجتماعا|مجموعة|مزرعة|بلدة"
                   "|قرية|مدينة|بلدات|قرى|أطراف|محيط|غارة|غارات|صاروخ|صواريخ|عدة")


AR_TRIGGERS: dict[str, tuple[str, ...]] = {
    "territory_taken": (
        r"حرر~" + _NOT_A_HOSTAGE, r"يحرر~" + _NOT_A_HOSTAGE, r"احكم~\s(?:\S+\s){0,3}?سيطرت~", r"احكام\s(?:ال)?سيطرة", r"فرض~\s(?:\S+\s){0,3}?سيطرت~", r"تحرير~(?!\s(?:الشام|فلسطين|الوطني|الجولان))" + _NOT_A_HOSTAGE, r"محرر~", r"سيطر~", r"يسيطر~", r"سيطرة(?:ه|ها|هم)?", r"سيطرت(?:ها|ه|هم)(?=\s(?:\S+\s){0,5}?على\s)",
        r"استعاد~", r"يستعيد~", r"(?:حرر|استعاد)" + _AR_OBJ, r"استعادة", r"استولى", r"استولت", r"استولوا", r"الاستيلاء", r"بسط~\sسيطرت~",
        r"سيطرت~", r"بسط~\s(?:\S+\s){0,3}?سيطرت~", r"تسيطر~", r"تحرر~", r"نحرر~", r"تستعيد~", r"تستعيدان",
        r"تبسط\s(?:\S+\s){0,3}?سيطرت~", r"تتقدم\sوتسيطر", r"تنتزع~",
        r"انتزع~", r"تقدم~\sوسيطر~",
        # the state's idiom for a place taken: "أعادت وحدات الجيش الأمن والاستقرار إلى قرى X وY"
        # (not the noun after "بعد" or a purpose: "عادت العائلات بعد إعادة الأمن والاستقرار إليها", "في إطار إعادة")
        r"(?<!بعد\s)(?<!اطار\s)(?<!اجل\s)(?<!بهدف\s)(?<!سبيل\s)(?:اعاد~|اعادة|يعيد~|تعيد~)\s(?:\S+\s){0,6}?"
        r"(?:ال)?امن\s(?:و)?(?:ال)?استقرار",
        # and its noun: "أعلنت القيادة عودة الأمن والاستقرار إلى المناطق التالية" (not "بعد عودة ...": a time)
        r"(?<!بعد\s)(?<!منذ\s)(?<!قبل\s)عودة\s(?:ال)?امن\s(?:و)?(?:ال)?استقرار\s(?:ل|الي|إلى)",
        # a place that fell ("سقطت بلدة X", "سقوط مدينة X بيد"), not a shell that fell on it
        r"(?:سقط~|تسقط|يسقط|سقوط)\s(?:ال)?(?:بلدة|بلدات|مدينة|قرية|قرى|مدن|تل|تلة|مطار|معبر|كتيبة|اللواء|مقر|حاجز|قاعدة)",
        r"(?:سقط~|سقوط)\s(?:\S+\s){0,3}?(?:بيد|في\sيد|بايدي|في\sايدي)",
    ),
    "territory_entered": (r"دخل~", r"دخول", r"يدخل~", r"تدخل~", r"اقتحم~", r"اقتحام", r"تقتحم~", r"يقتحم~",
                          # "وصلت وحدات الجيش اليوم إلى معبر X": the army's units reaching a place (the agencies' word)
                          r"(?:وصل~|وصول)\s(?:\S+\s){0,2}?(?:ال)?(?:وحدات|جيش)(?=\s(?:\S+\s){0,6}?(?:الي)\s)"),
    "settlement_entry": (r"تسوية(?!\s(?:السياسي|السوري|سياسي))", r"مصالحة", r"مصالحات", r"التسويات", r"تسويات", r"تسوية\sاوضاع"),
    "agreement": (r"اتفاق~", r"اتفاقية", r"اتفاقا", r"هدنة", r"(?<!خط\s)وقف\sاطلاق\sال?نار", r"توصل~\sالى\sاتفاق",
                  # the Russian reconciliation centre's "انضمت بلدتا X وY إلى نظام وقف الأعمال القتالية"
                  r"وقف\s(?:ال)?اعمال\s(?:ال)?قتالية"),
    "armed_clash": (r"اشتباك~(?<!فض\sالاشتباك)", r"اشتبك~",
                    # "قضت وحدة من الجيش على مجموعة إرهابية": an armed group eliminated in a fight (the agency's word)
                    r"(?:قض~|قضي|يقضي|تقضي|القضا)\s(?:\S+\s){0,6}?علي\s(?:(?:اعداد|عدد|العديد|عشرات)\sمن\s|\S+\s)?ل?(?:ال)?(?:مجموع~|ارهابي~|مسلح~|خلي~|خلايا|عصاب~|"
                    r"تجمع~)",   # ("قضت وحدات من الجيش على تجمعات لإرهابيي جبهة ...")
                    r"مواجهات", r"مواجهة", r"معارك", r"معركة", r"اقتتال", r"قتال",
                    r"قاوم~", r"يقاوم~", r"تصدى~\s(?:\S+\s)?(?:ل|لهجوم|لمحاولة|لتقدم|لقوات)",
                    # "تصدى الجيش صباح اليوم لمحاولة تسلل": the time between the verb and what it met
                    r"تصدى~\s(?:\S+\s){2,4}?(?:لهجوم|لمحاولة|لتقدم|لقوات)", r"تصدوا",
                    # "تصدت وحدة من الجيش لمجموعة إرهابية": the armed group it met
                    r"تصد(?:ى|ت|وا)\s(?:\S+\s){0,4}?(?:لمجموع~|لارهابي~|لمسلح~|لعصاب~)",
                    r"تصد~\sل?هجوم", r"تصدت\sلهجوم", r"كمين~", r"اشتباكات",
                    # an attack or an infiltration foiled is a fight ("أحبطت وحدات الجيش محاولة تسلل")
                    r"(?:احبط~|يحبط~|تحبط~|صد~|صدت)\s(?:\S+\s){0,6}?(?:هجوم~|هجمات|محاول~\s(?:\S+\s)?تسلل|تسلل~|"
                    # and an attempt to take ground ("صدوا محاولة لقوات النظام استعادة X")
                    r"محاول~\s(?:\S+\s){0,3}?(?:ل?ل?استعاد~|ل?اقتحام|ل?لتقدم|ل?التقدم|ل?لسيطر~|ل?السيطر~|"
                    # and the agency's "أحبطت وحدة من الجيش محاولة مجموعة إرهابية الاعتداء على حاجز"
                    r"(?:ال|لل|ل)?اعتداء\sعلي))"),
    "attack": (r"هجوم~", r"هاجم~", r"يهاجم~", r"تهاجم~", r"هجمات", r"برصاص", r"قنص", r"قناص", r"رصاص\sقناص",
               # the agency's "اعتدت مجموعة إرهابية على حاجز": an attack on a post
               r"(?:اعتدت|اعتدى|اعتدوا|يعتدي|تعتدي)\s(?:\S+\s){0,3}?علي",
               # "شن الجيش عملية عسكرية في مدينة X": a ground offensive on a town (a "حملة عسكرية" is a sweep: "combing")
               r"(?:شن~|يشن~|تشن~|اطلق~|بدا~)\s(?:[^\s.،,]+\s){0,8}?(?:ال)?عملي~\s(?:ال)?عسكري~"
               r"(?:\s(?:ال)?(?:واسع~|كبير~|شامل~|مكثف~|جديد~|محدود~))?",
               # "استهدفت المجموعات المسلحة حاجزاً للجيش": an attack on a post, not when fire, an aircraft or a device is
               # named ("استهدفت بقذائف الهاون حاجزاً", "استهدفت طائرة", "عبوة ناسفة تستهدف دورية": the blast); the verb
               # alone is the trigger (the post may be the place: "استهدفوا حاجز الري"), and it wins the tie with the
               # bare "استهدف" of bombardment
               r"(?<!ناسفة\s)(?<!مفخخة\s)(?<!لغم\s)(?:استهدف~|يستهدف~|تستهدف~)(?=\s"
               r"(?!(?:ال)?(?:طائر~|مسير~|مروحي~|مدفعي~|راجم~|قذائف|صواريخ|عبو~|لغم|سيار~)\s)"
               r"(?:(?!ب)\S+\s){0,6}?(?:ال)?(?:حاجز~|حواجز|نقط~|مفرز~|مخفر~|دوري~)(?:\s|$))",
               r"(?<!وقف\s)(?:اطلق~|اطلاق|يطلق~)\s(?:[^\s.،,]+\s){0,6}?(?:ال)?(?:نار|رصاص)", r"اغار~", r"اغارة",
               r"فتح~\s(?:\S+\s){0,3}?(?:ال)?نار"),
    "air_strike": (r"(?:دمر~|تدمير)\s(?:\S+\s)?(?:ال)?(?:طائرات|طيران|مقاتلات|مروحيات)",   # "دمرت الطائرات الحربية آليات"
                   r"عدوانا\sجويا", r"(?:ال)?عدوان\s(?:ال)?جوي",   # "نفذ العدو الإسرائيلي عدواناً جوياً على X"
                   r"(?:ال)?ضرب(?:ة|ات)\s(?:ال)?جوي~",   # "شنت طائرات إسرائيلية ضربات جوية على X"
                   r"ضربات\s(?:\S+\s){0,2}?(?:نفذ~|شن~)\s(?:ال)?(?:سلاح\sالجو|طيران|طائرات|مقاتلات)",   # "ضربات مركزة نفذها سلاح الجو"
                   # "نفذ سلاح الجو في الجيش العربي السوري ضربات على أوكار ...": the air force named before its strikes
                   r"سلاح\sالجو\s(?:\S+\s){0,5}?(?:ضربات|ضربة|غارات|طلعات)",
                   # "دمر سلاح الجو في الجيش العربي السوري تجمعات للإرهابيين في X": what the air force destroyed
                   r"دمر~\s(?:ال)?(?:سلاح\sالجو|طيران)",
                   # "نفذت طائرات حربية الخميس عشرات الضربات على X": the aircraft named before their strikes
                   r"(?:طائرات|طائرة|مقاتلات|مروحيات|الطيران|القوات\sالجوية)\s(?:\S+\s){0,4}?(?:ال)?(?:ضربات|ضربة)\s"
                   r"(?:\S+\s)?(?:علي|ضد)",   # ("نفذت القوات الجوية الروسية ضربات دقيقة ضد تجمعات ...")
                   r"غارة", r"غارات", r"غارات(?:ها|ه|هم)", r"غارتين", r"غارتان", r"طلعات\s(?:\S+\s){0,2}?علي",
                   # "أغار الطيران الإسرائيلي على X", "أغارت طائرات حربية على X": the raid's verb with its aircraft
                   r"(?:اغار~|يغير|تغير)\s(?:ال)?(?:طيران|طائر~|مقاتل~|مروحي~|سلاح\sالجو|مسير~)",
                   # "قصفت المروحيات أمس X", "ضربت طائرات مسيرة X": the aircraft right after these verbs is their
                   # subject, whatever the target's words (not "استهدفت طائرة": an aircraft shot at)
                   r"(?:قصف~|يقصف|تقصف|ضرب~)\s(?:ال)?(?:طائرات|طائره|مروحيات|مروحيه|مقاتلات|مسيرات|مسيره)(?=\s|$)",
                   r"قصف\sجوي", r"قصفا\sجويا", r"القصف\sالجوي", r"براميل\sمتفجرة",
                   r"برميل\sمتفجر", r"البراميل", r"برميلين", r"البرميل\sالمتفجر", r"برميلا(?:\sمتفجرا)?", r"طائرة\sمسيرة", r"طائرات\sمسيرة", r"مسيرة\sانتحارية",
                   # the aircraft is the subject (verb first, then the aircraft, then its target): longer than
                   # "استهدف طائرة" (an aircraft targeted, shot at), which it overrides
                   r"(?:استهدفت|قصفت|ضربت|هاجمت|اغارت)\s(?:ال)?(?:طائرة|طائرات|مسيرة|مسيرات|مروحية|مروحيات)\s"
                   r"(?:(?!(?:فوق|في|فى|اجواء|سماء|اثناء|كانت)\s)\S+\s){0,4}?(?:ب?(?:ال)?(?:" + _AIR_TARGETS_AR + r"))"),
    "bombardment": (r"قصف~", r"يقصف~", r"تقصف~", r"دك~", r"تدك~", r"يدك~", r"استهدف~", r"يستهدف~", r"تستهدف~",
                    r"استهداف~",
                    # "its strikes on": "كثفت وحدات الجيش ضرباتها على مواقعهم" (not "a blow", "ضربة موجعة")
                    r"ضربات(?:ها|ه|هم)\s(?:\S+\s){0,2}?علي"),
    "shelling": (r"قذائف", r"قذيفة", r"قذيفتان", r"قذيفتين", r"صاروخان", r"صاروخين", r"هاون", r"مدفعي~", r"المدفعية", r"صاروخي~", r"صواريخ", r"صاروخ",
                 r"راجمات", r"راجمة", r"رمايات", r"رماية\sمركزة",
                 # the official agency's idiom for fire on positions: "طالت عمليات الجيش أوكار الإرهابيين في X"
                 r"(?:طالت|تطال|استهدفت)\s(?:\S+\s){0,2}?(?:ال)?(?:اوكار|وكر)",
                 # and its other idiom: "دمرت وحدات من الجيش أوكاراً وتحصينات للإرهابيين في X"
                 r"(?:دمر~|تدمير)\s(?:\S+\s){0,6}?(?:ال)?(?:اوكار~|وكر~|تحصينات|دشم)"),
    # (not a regime, a government or a law brought down: "طالبوا بإسقاط النظام")
    "aircraft_downed": (r"(?:اسقاط|اسقط~)(?!\s(?:ال)?(?:نظام|حكومة|رئيس|اسد|الاسد|مشروع|قانون|عضوية|حق~|تهم~|الجنسية))",
                        r"تسقط\s(?:ال)?طائرة", r"يسقط~\s(?:ال)?طائرة", r"سقوط\sطائرة", r"سقطت\sطائرة", r"سقوط\s(?:ال)?مروحية",
                        # "أصيبت الطائرة ... فوق قرية X وسقطت", "سقطت المروحية"
                        r"(?:اصيبت|سقطت)\s(?:ال)?(?:طائرة|مروحية)(?=\s(?:\S+\s){0,8}?(?:و?سقطت|فوق|اثناء|خلال))",
                        r"استهدف~\s(?:ال)?طائرة", r"اعتراض(?:ها)?\s(?:ال)?طائرة", r"اعترض~\s(?:ال)?طائرة",
                        # a subject between the verb and the aircraft ("استهدفت الدفاعات الجوية طائرة مسيرة"): its
                        # target, longer than "طائرة مسيرة" (a drone strike)
                        r"استهدف~\s(?:(?!(?:ال)?(?:طائرة|طائرات|مسيرة|مروحية)\s)(?!ب)\S+\s){1,3}?(?:ال)?"
                        r"(?:طائرة|طائرات|مسيرة|مروحية)(?:\s(?:ال)?(?:مسيرة|حربية|مسيرات))?"),
    "interception": (r"تصد~\s(?:ال)?دفاعات", r"تصدت\s(?:ال)?دفاعات", r"اعتراض~", r"اعترض~", r"صاروخي\sباتريوت",
                     r"صواريخ\s(?:ال)?باتريوت", r"باتريوت", r"القبة\sالحديدية",
                     r"وسائط\sالدفاع\sالجوي",
                     # a car bomb destroyed on its way ("دمرت وحدات الجيش عربة مفخخة قبل وصولها إلى حاجز"): no blast
                     r"(?:دمر~|تدمير|استهدف~|فجر~)\s(?:\S+\s){0,3}?(?:عربة|سيارة|عربات|سيارات|شاحنة)\s(?:ال)?مفخخ~\s"
                     r"(?:\S+\s){0,2}?قبل\s(?:وصول~|بلوغ~|تمكن~)"),
    "explosive_defused": (r"تفكيك", r"فكك~", r"نزع\s(?:ال)?الغام", r"ازالة\s(?:ال)?الغام", r"تفجير~\sعبو~\sفي\sمكان",
                          # "أزالت فرق الدفاع المدني ثلاثين قذيفة غير منفجرة": ordnance cleared, no blast
                          r"(?:ازال~|ازالة|يزيل~|تزيل~|انتزع~)\s(?:\S+\s){0,8}?(?:غير\sمنفجر~|مخلفات)"),
    # (not explosions only heard, "سمع دوي انفجارات": what made them is not told; a device named beside them still is)
    "ied": (r"عبوة\sناسفة", r"عبوات\sناسفة", r"لغم", r"الغام", r"مفخخة", r"مفخخات", r"(?<!دوي\s)انفجار~",
            r"عبوت(?:ان|ين)\sناسفت(?:ان|ين)", r"مفخخت(?:ان|ين)",   # (the duals: "عبوتين ناسفتين", "سيارتين مفخختين")
            # a device that went off, named without "ناسفة": "انفجرت عبوة أمس في X", "عبوة انفجرت بسيارة"
            r"(?:انفجر~|تنفجر|ينفجر)\s(?:ال)?(?:عبو~|قنبل~)", r"(?:ال)?عبو~\s(?:\S+\s)?(?:انفجر~|تنفجر)"),
    "suicide_bomb": (r"انتحاري~", r"حزام~\sناسف~", r"احزمة\sناسفة"),
    "grenade": (r"قنبلة\sيدوية", r"قنابل\sيدوية"),
    "chemical": (r"كيماوي~", r"كيميائي~", r"غاز\sالكلور", r"سارين", r"غازات\sسامة"),
    "cache_found": (r"عثر~", r"يعثر~", r"العثور\sعلى", r"ضبط~(?!\s(?:النفس|الامن))", r"مصادرة", r"صادر~",
                    r"مستودع~?\s(?:اسلحة|ذخيرة|ذخائر)", r"مخبا", r"مخابئ", r"ترسانة"),
    # (the handing over alone is the trigger: the words up to the weapons may name the places)
    # (and the receiving: "تسلمت وزارة الدفاع دفعة من الأسلحة الثقيلة من أبناء مدينة X")
    "weapons_handover": (r"(?:سلم|تسلم|استلم)~(?=\s(?:\S+\s){0,10}?(?:ال)?(?:سلاح|اسلحة|اسلحت|دبابة|دبابات|دبابتين|"
                         r"مدافع|مدفع|راجمات|راجمة|مدرعات|عربات\sمدرعة|ذخائر))", r"تسليم~?\s(?:\S+\s){0,3}?(?:ال)?(?:سلاح|اسلحة|اسلحت)~",
                         r"تسليم\s(?:ال)?(?:سلاح|اسلحة)~", r"سلم~\s(?:ال)?(?:سلاح|اسلحت)~", r"يسلم~\s(?:ال)?سلاح~",
                         r"تسليم\s(?:ال)?عتاد",
                         # "بدأ المسلحون تسليم دبابات ومدافع": the heavy arms by name
                         r"تسليم\s(?:\S+\s){0,2}?(?:ال)?(?:دبابات|دبابة|مدافع|مدرعات|راجمات|ذخائر)"),
    "evacuation": (r"تهجير", r"ترحيل", r"اجلاء", r"خروج\s(?:ال)?(?:مسلحين|مقاتلين|رافضين|ارهابيين)",
                   # "خرجت الدفعة الأولى من المسلحين الرافضين للتسوية": a batch of fighters leaving
                   r"(?:خرج~|خروج|غادر~|مغادرة)\s(?:\S+\s){0,2}?(?:ال)?دفع~",
                   r"اخراج\s(?:ال)?(?:مسلحين|مقاتلين|رافضين|ارهابيين)", r"حافلات", r"الباصات\sالخضر",
                   r"باصات", r"قافلة\s(?:ال)?مهجرين", r"المهجرين"),
    "withdrawal": (r"انسحب~", r"انسحاب(?:ه|ها|هم|هما)?", r"اخلى", r"اخلت", r"اخلاء\s(?:ال)?مواقع"),
    "combing": (r"تمشيط", r"مشط~", r"يمشط~", r"تطهير", r"عمليات\sالتثبيت",
                # "حملة عسكرية تستهدف مزارع X": a campaign's targeting is its raids and sweeps, not fire (longer
                # than the bare "تستهدف", which it overrides)
                r"حمل~\s(?:ال)?(?:عسكري~|امني~)\s(?:[^\s.،,؛:]+\s){0,5}?(?:تستهدف|استهدفت|يستهدف|استهدف|تطال|طالت)",
                r"حمل~\s(?:ال)?امني~"),   # "بدأ الأمن العام حملة أمنية في مدينة X": a security sweep
    # (and "رفعت قوات الأمن العام علمها على مبنى البلدية": its flag)
    "flag_raised": (r"رفع~\s(?:\S+\s){0,7}?(?:ال)?علم(?:ها|هم)?", r"يرفع~\s(?:\S+\s){0,5}?(?:ال)?علم(?:ها|هم)?",
                    r"رفع\s(?:ال)?علم",
                    # the passive, the flag first: "وكان العلم الوطني قد رفع أمس فوق مبنى ..."
                    r"(?:ال)?علم\s(?:ال)?(?:وطني|سوري|السوري|الوطني)?\s?(?:قد\s)?(?:رفع|يرفع|رفرف|يرفرف)(?=\s)"),
    "sirens": (r"صافرات\s(?:ال)?انذار", r"صفارات\s(?:ال)?انذار", r"دوت\s(?:ال)?صافرات", r"دوت\s(?:ال)?صفارات"),
    "arrests": (r"اعتقل~", r"اعتقال~", r"حملة\sاعتقالات", r"اعتقالات", r"داهم~", r"مداهمة", r"مداهمات", r"تعتقل~",
                r"يعتقل~", r"دهم~", r"حملة\sدهم", r"تداهم~", r"يداهم~", r"(?:اعتقل|احتجز|اوقف)" + _AR_OBJ,
                r"القبض\sعلى", r"توقيف",
                # the words between: "ألقت قوى الأمن في مدينة X القبض على", "ألقى عناصر الأمن القبض صباح اليوم على"
                r"(?:ألقت|ألقى|ألقوا)(?=\s(?:\S+\s){1,6}?القبض\s)", r"القبض(?=\s(?:\S+\s){1,3}?على\s)",
                r"اوقف~", r"احتجز~", r"يحتجز~", r"تحتجز~"),   # ("احتجزت قوة ثلاثة رعاة")
    "abduction": (r"اختطاف",
                  # "بعد أربعة أيام على اختطافه في بلدة X", "أفرجت عصابة عن الطفل بعد أسبوع على اختطافه": his
                  # kidnapping, where it happened said after it or the time since it told (not "عثر على جثته بعد ساعات
                  # من اختطافه على يد مجهولين." with no place of its own; "بعد يومين من اختطافه على طريق X - Y")
                  r"اختطاف(?:ه|ها|هم|هما)(?=(?:\s\S+){0,7}?\s(?:في|قرب|بالقرب|عند|امام|علي\s(?:ال)?طريق)\s)",
                  r"(?<=علي\s)اختطاف(?:ه|ها|هم|هما)", r"خطف~", r"اختطف~", r"اخفاء\sقسري", r"تغييب\sقسري", r"مخطوف~",
                  # the present and the passive ("مسلحون يخطفون شاباً", "عصابة تخطف طفلاً", "اختُطف شاب")
                  r"يخطف~", r"تخطف~", r"يختطف~", r"تختطف~", r"خطفت", r"اختطفت", r"(?:خطف|اختطف)" + _AR_OBJ,
                  # the Levantine passive of village pages: "انخطف شب من الضيعة"
                  r"انخطف~"),
    # (a body, his or their bodies, remains: "عثر على جثته"، "عثرت على رفات 12 شخصاً")
    "attack_civilians": (r"(?:عثر~|العثور|يعثر~)\s(?:\S+\s){0,4}?على\s(?:جثة|جثث|جثمان|جثتي|جثامين|جثتي?(?:ه|ها|هما|هم)"
                         r"|رفات)",
                         # and the Levantine "found": "انلقت جثة شب", "لقيوا جثته"
                         r"(?:انلقت|انلقى|انلقو|لقيوا|لقيو)\s(?:\S+\s)?(?:جثة|جثث|جثته|جثتها|جثتو)",
                         r"اغتيال~", r"اغتال~", r"اغتيل~", r"يغتال~", r"تغتال~", r"محاولة\sاغتيال~", r"fatally shot", r"اعدام", r"اعدم~", r"تصفية", r"استهداف\s(?:ال)?مدنيين",
                         r"مجزرة", r"مجازر"),
    "sexual_violence": (r"اغتصاب", r"اعتداء\sجنسي"),
    "protest": (r"مظاهرة", r"مظاهرات", r"تظاهر~", r"متظاهر~", r"وقفة\sاحتجاجية", r"وقفات\sاحتجاجية",
                # a sit-in of solidarity with others ("نظم العشرات وقفة تضامنية مع النازحين")
                r"وقفة\sتضامني~", r"وقفات\sتضامني~",
                # gatherings for a cause ("شهدت بلدات X وY تجمعات تضامناً مع درعا"; not "تجمعات المسلحين", a target)
                r"تجمع(?:ات)?(?=\s(?:\S+\s)?(?:تضامنا|تضامني~|احتجاجا|احتجاجي~|نصرة|تنديدا|رفضا)(?:\s|$))",
                # "قطع شبان غاضبون طريق X الدولي": youths closing a road in anger
                r"(?:قطع~|اغلق~)\s(?:ال)?(?:شبان|شباب|محتج~|غاضب~|اهالي|الاهالي)(?=\s(?:\S+\s){0,2}?(?:ال)?(?:طريق|طرق|اوتوستراد))",
                r"احتجاج~", r"اعتصام~", r"احتجاجات", r"اعتصم~",
                # crowds going out with banners ("خرج المئات في ساحة X رافعين لافتات"): the going out is the protest
                r"خرج~?\s(?:ال)?(?:مئات|الاف|عشرات|اهالي|الاهالي)(?=\s(?:\S+\s){0,14}?(?:رافع~|حامل~|يرفع~|يحمل~)\s"
                r"(?:ال)?(?:لافتات|لافتة|شعارات|اعلام|الاعلام|صور))",
                # a march for a cause ("مسيرة تأييد", "مسيرات شعبية حاشدة"; not "طائرة مسيرة", a drone)
                r"(?<!طائرة\s)(?<!طائرات\s)مسير(?:ة|ات)\s(?:\S+\s)?(?:تاييد|شعبي~|حاشد~|مؤيد~|مويد~|احتجاجي~|سلمي~|جماهيري~)"),
    "protest_intervention": (r"تفريق\s(?:ال)?(?:متظاهرين|مظاهرة|محتجين)", r"فرق~\s(?:\S+\s){0,3}?(?:ال)?(?:متظاهرين|محتجين|مظاهرة|مظاهرات)",
                             r"الغاز\sالمسيل", r"قنابل\sمسيلة"),
    "protest_excessive": (r"(?:اطلاق|اطلق~)\s(?:\S+\s){0,3}?(?:ال)?(?:نار|رصاص)\s(?:الحي\s)?على\s(?:ال)?(?:متظاهرين|محتجين)",
                          r"فتح~\s(?:\S+\s){0,3}?(?:ال)?نار\s(?:\S+\s)?على\s(?:ال)?(?:متظاهرين|محتجين)",
                          r"قتل\s(?:ال)?(?:متظاهرين|محتجين)",
                          r"(?:متظاهرين|محتجين)\s(?:\S+\s){0,2}?(?:بال)?(?:رصاص\sال?حي|ذخيرة\sال?حية)"),
    "riot": (r"اعمال\sشغب", r"شغب", r"احرق~", r"حرق\s(?:ال)?اطارات"),
    "mob_violence": (r"اعتدى\s(?:ال)?(?:اهالي|سكان)", r"ضرب~\sحتى\sالموت"),
    # (the subject may stand between the verb and its object: "نصبت قوات الاحتلال أمس حاجزاً"), and a military road
    # cut through a village's land ("شقت القوات الإسرائيلية طريقاً عسكرياً في X")
    "base_established": (r"(?:اقام~|اقامة|انشا~|انشاء|ثبت~|تثبيت|نشر~|تمركز~|استحدث~|نصب~|ينصب~|تنصب~)\s(?:\w+\s){0,5}?"
                         r"(?:نقطة|نقاط|قاعدة|حاجز~|حواجز|مقر~|مركز\sمراقبة|نقاط\sمراقبة)",
                         r"(?:شق~|يشق~|تشق~|شق)\s(?:\w+\s){0,5}?(?:ال)?طر(?:يق|ق)~?\s(?:ال)?عسكري~"),
    "looting": (r"نهب", r"نهبت", r"سرقة\s(?:ال)?(?:منازل|ممتلكات|محاصيل)", r"تعفيش", r"عفش~",
                # razing and demolition ("جرفت آليات الاحتلال أراضي زراعية"), as "bulldozed", "demolished"
                r"جرفت", r"جرفوا", r"يجرف~", r"تجرف~", r"(?:هدم~|يهدم~)\s(?:\S+\s){0,3}?(?:ال)?(?:منازل|منزل|منزلا|منزلين|مباني|مبنى|بيوت|بيتا)",
                r"تجريف", r"حرق\s(?:ال)?منازل", r"تفجير\s(?:ال)?منازل",
                r"(?:احرق~|حرق~|احراق|اضرام\sالنار\sفي|اضرم~\s(?:\S+\s){0,3}?النار\sفي)(?=\s(?:\S+\s){0,5}?(?:ال)?(?:منازل|منزل|بيوت|محال|محلات|محاصيل))"),
    "group_change": (r"انشق~", r"انشقاق", r"اندماج", r"اندمج~", r"حل\s(?:ال)?فصيل", r"تشكيل\sفصيل"),
    "incursion": (r"توغل~", r"يتوغل~", r"تتوغل~", r"التوغل", r"توغلات", r"توغلا",
                  # "وصلت دبابات إسرائيلية إلى أطراف X": Israeli armour arriving is an incursion
                  r"(?:وصل~|تقدم~)\s(?:ال)?(?:دبابات|اليات|جرافات|دوري~|قو~|قوات)\s(?:\S+\s)?(?:ال)?اسرائيلي~"),
    "troop_movement": (r"(?:وصل~|وصول)\s(?:\S+\s){0,3}?(?:ال)?(?:مسلح~|مقاتل~|عناصر|قوات|رتل~|ارتال|دوري~)",   # "وصل مئات المسلحين إلى X"
                       # "وصلت تعزيزات عسكرية اليوم إلى X"
                       r"(?:وصل~|وصول)\s(?:\S+\s){0,2}?تعزيزات(?=\s(?:\S+\s){0,6}?(?:الي|نحو|باتجاه)\s)",
                       r"(?:ال)?(?:مسلح~|مقاتل~|رتل~|ارتال)\s(?:\S+\s)?وصل~",   # "مئات المسلحين وصلوا إلى X"
                       r"تعزيزات", r"تعزيز~\s(?:\S+\s)?(?:عسكري~|قوات~|مواقع~)", r"استقدام", r"استقدم~", r"انتشر~", r"انتشار",
                       r"ينتشر~", r"تنتشر~", r"دورية", r"دوريات", r"رتل~?", r"ارتال", r"حشد~", r"حشود", r"تحشيد", r"استنفار",
                       r"انتشارا",   # "شهدت بلدة X انتشاراً لعناصر من الفرقة الرابعة"
                       r"(?:اعاده|باعاده)\s(?:ال)?(?:تموضع|انتشار|تمركز)",   # "إعادة تموضع الوحدات في محيط X": a redeployment
                       # "تجمع مئات من مقاتلي العشائر في بلدة X": fighters massing (not people gathering)
                       r"(?:تجمع~|تجمهر~|احتشد~)\s(?:\S+\s){0,3}?(?:مئات|عشرات|الاف)\s(?:من\s)?(?:ال)?(?:مقاتل~|مسلح~)",
                       # a force posted or seen ("تمركزت قوة إسرائيلية في محيط X", "شوهدت دبابات قرب X")
                       # (not the present, a state: "القرية التي تتمركز فيها قوات الاحتلال منذ التاسع من الشهر")
                       r"(?:تمركز~|شوهد~)\s(?:\S+\s){0,2}?(?:ال)?(?:قو~|قوات|دبابات|دبابه|اليات|اليه|"
                       r"جرافات|عربات|مدرعات|دوري~|جنود|عناصر)(?=\s)"),
    "siege": (r"حصار~", r"حاصر~", r"يحاصر~", r"تحاصر~", r"محاصر~", r"محاصرة", r"تطويق", r"طوق~", r"يطوق~", r"حوصر~"),
    "supply_cut": (r"(?:قطع~|قطعت|يقطع~|تقطع~)\s(?:\S+\s){0,2}?(?:ال)?(?:طرق|طريق|خطوط|خط)\s(?:ال)?(?:امداد~|امدادات)",
                   r"(?:قطع~|قطعت|يقطع~|تقطع~)\s(?:\S+\s){0,2}?طرق\s(?:ال)?(?:فصائل|مقاتلي|المعارضه|المسلحين|قوات)",
                   r"قطع\s(?:ال)?امداد~",
                   # "قطعت قوات النظام الطريق الواصل إلى X": a road to a town cut (not by protesters: see extract)
                   r"(?:قطع~|قطعت)\s(?:\S+\s){0,2}?(?:ال)?(?:طريق|طرق)\s(?:ال)?(?:واصل|رابط|واصله|رابطه|دولي|رييسي|بين)",
                   # and who cut it, told first: "قطع مسلحون من العشائر اليوم الطريق الدولي قرب بلدة X"
                   # (not protesters: "أغلق محتجون غاضبون الطريق الدولي" is a protest)
                   r"(?:قطع~|قطعت)\s(?:(?!(?:ال)?(?:شبان|شباب|محتج|غاضب|اهالي|متظاهر))\S+\s){2,6}?(?:ال)?(?:طريق|اوتوستراد)\s"
                   r"(?:ال)?(?:دولي|رييسي|سريع)"),
    "advance": (r"تقدم~", r"يتقدم~", r"تتقدم~", r"التقدم", r"تقدما", r"احرز~\s(?:\S+\s)?تقدما", r"توسيع\s(?:\S+\s)?سيطرت~"),
    "killing": (r"قتل~", r"يقتل~", r"مقتل~", r"قتلى", r"قتيل~", r"استشهد~", r"استشهاد", _NOT_A_NAME + r"شهيد~",
                r"انقتل~",   # the Levantine passive of local pages ("انقتل شب بالصنمين")
                _NOT_A_NAME + r"شهدا",
                r"لقي~\s(?:\S+\s)?(?:حتف~|مصرع~)", r"مصرع~", r"اردا~\s(?:\S+\s)?قتيل~", r"اوقع~\s(?:\S+\s){0,3}?قتلى",
                r"سقوط\s(?:\S+\s){0,4}?(?:قتلى|قتيل~|شهدا|ضحايا)",
                r"القضاء\sعليه(?:ما|م)?(?!\S)",   # "رصد مسلحاً قرب السياج وتم القضاء عليه" (the Israeli army's word)
                r"سقوط\s(?:ال)?(?:عديد|عشرات|عدد)\s(?:\S+\s)?من\s(?:ال)?(?:ارهابيين|مسلحين|عناصر|مقاتلي)"),
}

# --- English patterns (lower-cased normalised text) ---------------------------------------

#: what a seizure takes when it is no place: "seized explosive belts", "seizing large quantities of captagon"
_SEIZED_GOODS_EN = (r"(?:weapons?|arms|ammunition|munitions|explosives?|belts|rockets|missiles|(?:land)?mines|drugs|"
                    r"narcotics|captagon|pills|hashish|caches?|depots?|quantit(?:y|ies)|shipments?|consignments?|money|"
                    r"cash|vehicles?|cars?|trucks?|equipment|rifles?|guns?|pistols?|grenades?|launchers?|"
                    # and people ("seized a number of soldiers"): taken captive, no ground
                    r"soldiers?|officers?|troops|men|civilians|people|members|personnel|policemen|guards?|hostages?)\b")
_NOT_GOODS_EN = r"(?!\s+(?:\S+\s+){0,3}?" + _SEIZED_GOODS_EN + ")"

EN_TRIGGERS: dict[str, tuple[str, ...]] = {
    "territory_taken": (r"captur(?:ed|es|ing|e)", r"recaptur\w*", r"retook", r"retake\w*", r"retaken",
                        # "rebels took Nawa", "fighters had taken the town of X" (not "took part", "took refuge", "took
                        # two soldiers captive", "took to the streets")
                        r"(?:rebels?|troops|forces|fighters|army|militants|insurgents|opposition|regime|factions?|"
                        r"jihadists|islamists|government|they|that it) (?:\w+ )?(?:had |have |has )?(?:took|taken)"
                        r"(?! (?:part|place|to|refuge|shelter|up|off|out|hold|them|him|her|their|his|its|prisoners?|"
                        r"hostages?|captive|over|control|a |an |\d|one|two|three|four|five|six|several|dozens))",
                        r"(?:achiev\w*|establish\w*|impos\w*|assum\w*|gain\w*|wrest\w*|restor\w*) (?:\w+ ){0,2}control (?:of|over)",
                        r"seized control", r"seized" + _NOT_GOODS_EN, r"tighten(?:ed|s)? (?:their |its )?control", r"taken over", r"took (?:full )?control", r"taken (?:full )?control",
                        r"seiz(?:e|es|ing) (?:full )?control", r"tak(?:e|es|ing) (?:full )?control",
                        r"seizing" + _NOT_GOODS_EN, r"captur(?:ing)", r"pushed into", r"advanced on", r"stormed into",
                        # the present of headlines and timelines: "Rebels seize X crossing", "forces take back X"
                        r"seiz(?:es|e)\b" + _NOT_GOODS_EN, r"tak(?:es|e) back\b",
                        r"regain\w* (?:full )?control", r"regained", r"liberat(?:ed|ion|ing|es)",
                        r"took over", r"overran", r"overrun", r"overrunning", r"gained control", r"wrested (?:control )?",
                        # "took the town of X", "took the nearby village", "followed up by taking the villages of X",
                        # "a day after taking the town of X": a place's noun after it (not "took part"; nor "say
                        # taking the city would leave the regime ...", a taking supposed)
                        r"(?:took|(?:(?<=by )|(?<=after ))taking)(?= (?:the |most of the |much of the )?(?:\w+ )?(?:towns?|villages?|city|hills?|"
                        r"hilltops?|crossing|base|neighbou?rhoods?|district)\b)",
                        r"fell to", r"swept into", r"advanced into",
                        # "drove the rebels out of the town of X", "expelled IS fighters from X": who held it, out
                        r"(?:drove|driven|driving|pushed|expelled|ousted|kicked)(?= (?:the )?(?:rebels?|militants?|"
                        r"fighters?|insurgents?|jihadists?|gunmen|(?:islamic state|is|isis|nusra|regime|government|army) "
                        r"(?:fighters|militants|forces|troops)|(?:government |regime |syrian )?(?:forces|troops)|them) "
                        r"(?:out of|from)\b)",
                        # the state's idiom for a place taken: "restored security and stability to the villages of"
                        r"restor(?:ed|es|ing|e) (?:\w+ ){0,2}?(?:security|stability|safety)(?: and (?:security|stability|safety))?",
                        # a place that fell ("the towns of X and Y also fell"), not shells that fell on it, nor a
                        # regime or prices that fell
                        r"(?<!regime )(?<!government )(?<!prices )(?<!price )(?<!rain )(?<!snow )(?<!shells )"
                        r"(?<!shell )(?<!rockets )(?<!rocket )(?<!missiles )(?<!missile )(?<!bombs )(?<!mortars )(?<!martyrs )(?<!martyr )(?<!victims )"
                        r"(?:fell|fallen)(?! (?:on (?!(?:mon|tues|wednes|thurs|fri|satur|sun)day)|upon|near|"
                        r"in(?! the hands)|inside|around|onto|into(?! the hands)|short|silent|ill|asleep|off|down|"
                        r"back|apart|victim|prey|behind|below|sharply|from|out|through|to (?:death|the ground))\b)"),
    "territory_entered": (r"entered", r"enter(?:s|ing)?", r"stormed", r"storming",
                          r"moved into(?! (?:new |fresh |their |its |several |military )?positions)", r"rolled into",
                          r"entry (?:of|into)"),
    "settlement_entry": (r"reconciliation", r"settlement (?:deal|agreement|process)", r"surrender (?:deal|agreement)", r"surrendered",
                         r"accepted (?:the )?(?:entry|return) of (?:the )?(?:syrian |government )?(?:army|troops|forces)", r"settle (?:their|the) status",
                         r"under (?:a|the) (?:russian[- ]brokered )?(?:deal|agreement|settlement)",
                         r"negotiated (?:surrender|handover)", r"handed (?:the \w+ )?over to (?:the )?(?:government|army|state)"),
    "agreement": (r"agreements?", r"ceasefire(?! line)", r"cease-fire(?! line)", r"truce", r"accord", r"deal"),
    "armed_clash": (r"clash(?:es|ed|ing)?", r"fighting(?! vehicles?)", r"fought", r"confrontations?", r"exchanges? of fire",
                    r"resist(?:ed|ing)", r"confront(?:ed|ing)?", r"battles?", r"firefights?", r"gun ?battles?",
                    r"ambush\w*", r"skirmish\w*", r"street fighting", r"heavy fighting", r"combat",
                    # an attack or an infiltration foiled is a fight ("foiled an infiltration attempt by ...")
                    r"(?:foil|thwart|repel|repuls|fend)\w* (?:off )?(?:\w+ ){0,3}?(?:attacks?|assaults?|infiltrations?|"
                    r"infiltration attempts?|attempts? to infiltrate|attempts? (?:\w+ ){0,4}?to (?:retake|recapture|"
                    r"storm|advance|capture|seize|take))"),
    "attack": (r"(?:launched|began|started|launches) (?:a |an )?(?:\w+ )?military (?:operation|campaign) (?:against|on|in|"
               r"targeting)",   # "launched a military operation against the town of X"
               r"attack(?:ed|s|ing)?", r"assault(?:ed|s|ing)?", r"offensive", r"sniper(?: fire)?", r"gunfire", r"shot and killed",
               r"opened fire", r"open fire", r"fired (?:on|at|upon)", r"gunmen", r"assailants",
               r"shots? (?:were |was )?fired", r"fired (?:live )?(?:shots|bullets|rounds)", r"gunshots?",
               r"shot and (?:wounded|injured)",
               # "a checkpoint came under fire" (not "came under shelling": the shelling's own word)
               r"c(?:ame|omes?|oming) under (?:(?:heavy|intense|renewed|sniper|machine-gun|small-arms|live|direct) )?"
               r"(?:fire|gunfire)",
               # a storming tried is an assault, not a town taken ("attempted to storm X from several axes")
               r"(?:attempt(?:ed|s|ing)?|tried|trying) to (?:storm|break into|advance on)"),
    "air_strike": (r"air ?strikes?", r"air ?raids?", r"bombing raids?", r"barrel bombs?", r"explosive barrels?",
                   r"aerial (?:bombardment|attack|bombing)s?", r"air attacks?", r"air bombardments?",
                   r"(?:warplanes?|jets?|helicopters?|aircraft) (?:struck|bombed|hit|pounded|targeted|raided)",
                   # "regime warplanes carried out four raids on X" (the planes are named before it)
                   r"(?:warplanes?|jets?|helicopters?|aircraft) (?:carried out|conducted|launched) (?:\w+ (?:of )?)?raids? (?:on|against)",
                   r"drone (?:strike|attack)s?",
                   # "the Israeli military carried out strikes on weapons depots near X" (not "a strike by workers")
                   r"(?:carried out|conducted|launched|carries out|conducts|launches) (?:a |an )?"
                   r"(?:at least |more than |nearly |about |around |some |over )?(?:series of |several |new |"
                   r"fresh |multiple |numerous |dozens of |scores of |a number of |\d+ |two |three |four |five |six |seven |"
                   r"eight |nine |ten |a wave of )?(?:precision )?strikes? (?:on|against|targeting|in|near)",
                   # "Syrian media reported strikes near X": strikes reported, whoever flew them; "after a strike hit
                   # its entrance", "another strike killed": a strike that hits is from the air (not "a general strike")
                   r"reported (?:\w+ )?strikes? (?:on|near|in|targeting)",
                   r"(?:a|another|the|one|second|third) strikes? (?:hit|hits|struck|killed|targeted|destroyed)",
                   r"(?<!general )(?<!hunger )strikes (?:hit|struck|killed|targeted|destroyed)",   # "when strikes hit a shelter"
                   r"(?:israeli|russian|coalition|regime|government|syrian|us|u\.s\.) (?:air |missile )?strikes?"),
    "bombardment": (r"bombard\w*", r"pound(?:ed|ing)", r"bombed", r"bombing", r"struck", r"targeted", r"hit",
                    r"(?:continued|continues|continue) to (?:target|shell|bomb|pound|strike)", r"targeting"),
    "shelling": (r"shell(?:ed|ing|s)?", r"artillery", r"mortars?", r"rockets?", r"missiles?", r"rocket fire",
                 r"tank fire", r"grad rockets?"),
    "aircraft_downed": (r"shot down", r"shoots down", r"shooting down", r"downed", r"brought down",
                        r"shoot(?:ing)?-?down",
                        r"intercepted (?:a |an |the )?(?:syrian |israeli |russian )?(?:\w+ )?(?:jet|plane|aircraft|warplane|helicopter|drone)"),
    "interception": (r"intercepted", r"interception",
                     r"(?:destroyed|intercepted|targeted|blew up) (?:a |an )?(?:car|truck|vehicle)[- ]bombs? before", r"patriot missiles?", r"iron dome", r"air defen[cs]es? (?:responded|intercepted|confronted|engaged)"),
    "explosive_defused": (r"defus\w*", r"dismantl\w* (?:an? )?(?:ieds?|bombs?|mines?|explosives?|landmines?)", r"demin\w*",
                          r"cleared (?:of )?(?:land)?mines",
                          # "engineers began removing mines and explosive devices planted by militants in X"
                          r"(?:remov|clear|sweep)\w* (?:\w+ ){0,2}?(?:land)?mines"),
    "ied": (r"ieds?", r"improvised explosive", r"roadside bombs?", r"land ?mines?", r"car bombs?",
            r"booby[- ]trap\w*", r"explosive devices?", r"bomb exploded",
            r"(?<!heard )(?<!sound of )(?<!sounds of )(?<!heard loud )(?<!heard heavy )(?<!heard several )explosions?",
            r"blast",
            r"(?:bombs?|devices?) (?:\w+ ){0,5}?(?:went off|blew up|was detonated|were detonated)", r"(?:motorcycle|motorbike|sticky|magnetic) bombs?",
            r"explosive-laden", r"exploded", r"detonated",
            # war's leftovers: "killed by a mine", "an anti-tank mine", "explosive remnants of war", "unexploded ordnance"
            r"(?:anti-?tank|anti-?personnel) mines?", r"(?<=\bby )(?:a |an )?(?:old |unexploded )?mines?\b(?! site| shaft)",
            r"(?<=\bhit )(?:a |an )?(?:old )?mines?\b(?! site| shaft)", r"remnants? of (?:the )?war", r"war remnants?",
            r"unexploded (?:ordnance|bombs?|shells?|munitions?|submunitions?|devices?)"),
    "suicide_bomb": (r"suicide (?:bomb\w*|attack\w*|car bomb\w*|vests?)",),
    "grenade": (r"grenades?",),
    "chemical": (r"chemical (?:weapons?|attack\w*)", r"chlorine", r"sarin", r"toxic gas"),
    "cache_found": (r"found", r"discovered", r"uncovered", r"(?:seiz|confiscat)(?:ed|ing) (?:\S+ ){0,3}?" + _SEIZED_GOODS_EN,
                    r"weapons cache", r"arms depot", r"cache of", r"caches? of"),
    "weapons_handover": (r"hand(?:ed|ing|s)? over (?:their |its )?(?:(?:heavy|medium|light|remaining|and|small|"
                         r"personal)(?:,)? )*(?:weapons|arms|weaponry)",
                         r"hand(?:ed|ing|s)? over (?:\w+ ){0,3}?(?:tanks?|artillery|mortars?|mortar launchers|rocket "
                         r"launchers|armou?red vehicles|heavy equipment|ammunition)",
                         r"weapons handover", r"surrender(?:ed|ing)? (?:their )?(?:heavy )?(?:weapons|arms)",
                         r"turned over (?:their )?(?:heavy )?weapons"),
    "evacuation": (r"evacuat\w+", r"transfer of (?:the )?(?:fighters|rebels|militants|gunmen)", r"buses", r"buses (?:carrying|transporting|left|departed|ferrying)", r"green buses",
                   r"bused", r"bussed", r"transferred to idlib", r"transported to idlib", r"displaced fighters",
                   r"(?:began|begun|started) leaving", r"left for (?:the )?north\w*", r"leave for (?:the )?north\w*"),
    "withdrawal": (r"withdr(?:ew|awn|awal|aw|awing)", r"pulled out", r"retreated", r"pulled back", r"pulling (?:out|back)",
                   r"retreating"),
    "combing": (r"comb(?:ed|ing|s)?", r"sweep(?:s|ing)?", r"clearing operations?", r"mop(?:ping)?[- ]up",
                # "a military campaign targeting farms around X": its raids and sweeps, not fire (overrides the
                # bare "targeting")
                r"(?:military|security) campaigns? (?:[^\s.,;:]+ ){0,7}?(?:is |are |was |were |has been |have been )?"
                r"(?:target(?:s|ed|ing)?)",
                r"security operations? (?:[^\s.,;:]+ ){0,5}?(?:is |are |was |were )?(?:target(?:s|ed|ing)?)",
                r"security (?:campaign|sweep)s?"),
    "flag_raised": (r"rais(?:ed|ing) the (?:syrian |national |state )?flag", r"hoist(?:ed|ing) (?:the |a )?(?:\w+ ){0,3}flags?",
                    r"flag (?:was |has been |is )?(?:raised|hoisted)"),
    "sirens": (r"sirens?", r"red alert", r"air[- ]raid sirens?", r"rocket sirens?"),
    "arrests": (r"arrest\w*", r"detain(?!ees?\b)\w*", r"raided", r"rounded up", r"detention campaign", r"detention of",
                # a raid's "stormed a house in X and took two men (away)"
                r"(?<=\band )(?:took|led|dragged) (?:away )?(?:two|three|four|five|several|\d+) (?:young )?(?:men|youths|people)\b"),
    "abduction": (r"abduct\w*", r"kidnap\w*", r"forcibly disappeared", r"enforced disappearance", r"snatch(?:ed|ing)",
                  # "captured 12 soldiers at a checkpoint and took them to an unknown destination" (not "raided a house
                  # and took its owner to ...": the raid's arrest)
                  r"(?:captured|seized|grabbed) (?:\S+ ){0,7}?and (?:took|drove|led) (?:them|him|her) to an unknown "
                  r"(?:destination|location|place)",
                  r"(?:took|taken|taking|held|holding) (?:\w+ ){1,4}?(?:captive|hostages?)",
                  # people seized or held for days (longer than the bare "seized" of a taking): "gunmen seized a
                  # pharmacist from his shop", "after being seized from the police station", "held twenty
                  # peacekeepers for four days"
                  r"seized (?:an? |the |\w+ )?(?:\w+ )?" + _EN_TAKEN_PEOPLE, r"being seized",
                  r"(?:held|holding) (?:\w+ ){0,3}?" + _EN_TAKEN_PEOPLE + r" (?:\w+ ){0,2}?for (?:\w+ ){0,2}?"
                  r"(?:hours|days|weeks|months)"),
    "attack_civilians": (r"targeted killings?", r"(?:found|discovered|recovered) (?:the )?(?:bod(?:y|ies)|corpses?)",
                         r"(?:finding|discovery|recovery) of (?:the )?(?:bod(?:y|ies)|corpses?)", r"found (?:shot )?dead", r"bod(?:y|ies) (?:\w+ ){0,8}?(?:were|was|have been|has been) (?:found|discovered|recovered)", r"assassinat\w+", r"fatally shot", r"gunned down", r"executed", r"execution", r"gunmen (?:killed|shot)", r"shot dead",
                         r"massacre\w*"),
    "sexual_violence": (r"rape\w*", r"sexual (?:violence|assault)"),
    "protest": (r"protest\w*", r"demonstrations?", r"demonstrators", r"demonstrat(?:ed|ing)", r"rall(?:y|ies|ied)",
                r"sit-ins?", r"took to the streets", r"general strike",
                r"march(?:ed|es|ing)? (?:through|in|to|on|towards?)", r"chant(?:ed|ing) slogans",
                # angry youths closing a road: a protest ("Angry youths blocked the highway near X")
                r"(?:youths|young men|residents|protesters|demonstrators|locals) (?:\w+ ){0,2}?(?:blocked|closed|cut)"
                r"(?= (?:off )?(?:the |a )?(?:\S+ ){0,2}?(?:road|roads|highway|motorway))"),
    "protest_intervention": (r"dispersed", r"tear gas", r"broke up (?:the )?(?:protest|demonstration|rally)",
                             r"fired (?:warning shots|into the air) (?:at|to disperse|over) (?:the )?(?:protesters|demonstrators|"
                             r"residents protesting|people protesting|crowd)"),
    "protest_excessive": (r"(?:fired|opened fire|shot) (?:live ammunition |live rounds )?(?:on|at) (?:the )?(?:protesters|"
                          r"demonstrators|residents protesting|people protesting)",
                          r"killed (?:\w+ )?(?:protesters|demonstrators)"),
    "riot": (r"riot\w*", r"torched", r"set fire to", r"burned tyres", r"burning tires"),
    "mob_violence": (r"mob\b", r"lynch\w*"),
    "base_established": (r"(?:set(?:ting)? up|sets up|established|establish(?:ing|es)?|buil(?:t|ds?|ding)|deployed|"
                         r"opened|install(?:ed|ing)|erect(?:ed|ing)) (?:a |an |several |two |three )?(?:new )?(?:\w+ )?"
                         r"(?:base|bases|position|positions|checkpoint|checkpoints|observation posts?|outposts?|"
                         r"headquarters|(?:military )?posts?|military points?)",),
    "looting": (r"loot\w*", r"plunder\w*", r"demolish\w*", r"bulldoz\w*", r"ransack\w*",
                r"(?:burned|burnt|torched|set fire to|set ablaze) (?:\w+ ){0,2}?(?:houses|homes|house|home|shops|"
                r"properties|property|crops|fields|farmland)"),
    # ("a defected soldier": who he was, not a defection told)
    "group_change": (r"defect\w*(?! (?:soldiers?|officers?|conscripts?|lieutenants?|colonels?|generals?|pilots?|"
                     r"sergeants?|captains?|majors?|army officers?)\b)", r"merged", r"disband\w*", r"formed a new (?:group|faction|brigade)"),
    "incursion": (r"incursions?", r"incursion into", r"raiding operations?", r"incurs\w*", r"infiltrat\w*"),
    "troop_movement": (r"reinforcements?", r"reinforc(?:ed|ing)", r"deploy(?:ed|ing|s|ment|ments)?", r"redeploy\w*",
                       r"patrol(?:s|led|ling)?", r"convoys?", r"troop build-?up", r"build-?up", r"mobili[sz]\w+",
                       r"massed", r"massing", r"took up positions", r"taking up positions", r"taken up positions",
                       r"moved into (?:\w+ )?positions", r"sent (?:military )?reinforcements?",
                       # a force seen: "Israeli tanks were seen near X" (not bulldozers: their razing is the act)
                       r"(?:tanks|vehicles|troops|soldiers|patrols?|armou?red vehicles) (?:were|was) "
                       r"(?:seen|spotted|observed)",
                       r"(?:trucks|vehicles|tanks|convoys?|armou?red vehicles) (?:\w+ ){0,3}(?:heading|headed|moving|arrived)",
                       # "Syrian troops reached the Nasib crossing", "army units arrived in X"
                       r"(?:troops|forces|units|soldiers|army) (?:\w+ ){0,2}?(?:reached|arrived (?:in|at))",
                       # "Israeli troops were seen moving through X"
                       r"(?:seen|spotted|filmed|observed) (?:moving|patrolling|driving|advancing|deploying) (?:through|in|into|"
                       r"near|towards?|around)",
                       # "the army sent troops and tanks to X"
                       r"sent (?:\w+ ){0,2}?(?:troops|tanks|soldiers|units|armou?red vehicles)(?: and (?:\w+ )?"
                       r"(?:tanks|troops|armou?red vehicles|artillery))? (?:to|into|towards)"),
    "siege": (r"besieg\w*", r"sieges?", r"encircl\w*", r"blockade\w*", r"surrounded",
              # "peacekeepers were trapped at two positions near X" (not "trapped under the rubble")
              r"(?:were|was|are|is|remain|remained|been) trapped(?! (?:under|beneath|in the rubble))"),
    "supply_cut": (r"cut (?:off )?(?:the |its |their )?(?:main )?(?:re)?supply (?:lines?|routes?|roads?)?",
                   r"cut off (?:the )?resupply", r"cutting off (?:the )?(?:re)?supply",
                   r"cut (?:off )?the (?:main )?(?:road|highway) (?:linking|between|to|connecting)"),
    "advance": (r"advanc(?:ed|ing|es|e) (?:on|in|towards?|to|deeper|against|near|around)", r"made (?:a )?(?:fresh |new |further |significant )?(?:progress|gains?|advances?)",
                r"push(?:ed|ing)? (?:towards?|deeper)", r"gains? in", r"progress(?:ed)? (?:in|towards?)"),
    "killing": (r"killed", r"killing", r"were killed", r"was killed", r"lost (?:his|her|their) li(?:fe|ves)",
                r"died", r"dead", r"deaths?", r"fatalit(?:y|ies)"),
}

#: words that, in the same clause, say the generic "bombardment" was done from the air
AIRCRAFT_WORDS_AR = (r"طائرة", r"طائرات", r"طائراته", r"طائراتها", r"طائراتنا", r"طيران", r"سلاح\sالجو", r"غارة", r"غارات", r"الطيران", r"جوي", r"حربي", r"حربية", r"مروحي", r"مروحية",
                     r"سوخوي", r"ميغ", r"مقاتلات", r"مقاتلة", r"الحربي")
AIRCRAFT_WORDS_EN = (r"warplanes?", r"jets?", r"aircraft", r"helicopters?", r"planes?", r"air forces?", r"sukhoi", r"mig",
                     r"drones?")
WEAPON_WORDS_AR = (r"اسلحة", r"سلاح", r"ذخائر", r"ذخيرة", r"عبوات", r"متفجرات", r"صواريخ", r"قذائف", r"الغام",
                   r"اسلحه", r"ذخيره", r"قنابل", r"اعتدة", r"عتاد", r"مدافع", r"دبابات", r"دبابة")
WEAPON_WORDS_EN = (r"weapons?", r"ammunition", r"arms", r"explosives?", r"rockets?", r"missiles?", r"mines?",
                   r"munitions?", r"ordnance", r"rifles?", r"tanks?", r"artillery pieces?")


def ar(pattern: str) -> str:
    """Normalise the Arabic letters of a regex the way the text is normalised (regex syntax untouched)."""
    out = []
    for ch in pattern:
        cp = ord(ch)
        if cp in _AR_DIACRITICS or cp == 0x0640 or ch == "ء":
            continue
        out.append(_AR_LETTER_MAP.get(ch, ch))
    return "".join(out)


@dataclass(frozen=True, slots=True)
class TriggerHit:
    label: str
    start: int   # offsets in the normalised text
    end: int
    text: str    # normalised trigger text


_META = set("()[]?*+\\|{}.~^$")


def _stem(p: str) -> str:
    """The literal start of a pattern (what must be in the text for it to match), or ""."""
    out: list[str] = []
    for ch in p:
        if ch in _META:
            if ch in "?*{" and out:
                out.pop()            # the quantifier makes the previous character optional
            break
        out.append(ch)
    return "".join(out)


def _stems(p: str) -> list[str]:
    """The literal starts of a pattern: its own, or one per alternative of a leading group
    ("(?:fired|shot) on" -> fired, shot); [] when some alternative has none."""
    stem = _stem(p)
    if len(stem) >= 2 or not p.startswith("(?:"):
        return [stem] if len(stem) >= 2 else []
    depth, alts, cur = 0, [], 3
    for i in range(3, len(p)):
        ch = p[i]
        if ch == "\\":
            continue
        if ch == "(" and p[i - 1] != "\\":
            depth += 1
        elif ch == ")" and p[i - 1] != "\\":
            if depth == 0:
                if p[i + 1:i + 2] and p[i + 1] in "?*{":
                    return []      # the group itself is optional
                alts.append(p[cur:i])
                break
            depth -= 1
        elif ch == "|" and depth == 0 and p[i - 1] != "\\":
            alts.append(p[cur:i])
            cur = i + 1
    else:
        return []
    stems = [_stem(a) for a in alts]
    return stems if stems and all(len(x) >= 2 for x in stems) else []


@dataclass
class _Compiled:
    table: dict[str, list[tuple[str, re.Pattern[str]]]]   # stem -> (label, regex anchored at a word start)
    always: list[tuple[str, re.Pattern[str]]]   # patterns without a literal start: searched in full
    bit: int                                    # the stems' set in the shared keyword pass


def _pattern_stems(p: str, is_ar: bool) -> list[str]:
    return _stems(ar(p)) if is_ar else _stems(p)


def _stem_words(triggers: dict[str, tuple[str, ...]], is_ar: bool) -> set[str]:
    """The literal starts of the patterns (what the shared keyword pass looks for)."""
    return {stem for pats in triggers.values() for p in pats for stem in _pattern_stems(p, is_ar)}


#: the stems are found by the shared keyword pass over the report (``_spans.keyword_hits``)
_AR_STEMS_BIT = keyword_set(lambda: _stem_words(AR_TRIGGERS, True))
_EN_STEMS_BIT = keyword_set(lambda: _stem_words(EN_TRIGGERS, False))


def _build(triggers: dict[str, tuple[str, ...]], is_ar: bool) -> _Compiled:
    table: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    always: list[tuple[str, re.Pattern[str]]] = []
    for lab, pats in triggers.items():
        for p in pats:
            stems = _pattern_stems(p, is_ar)
            if is_ar:
                pn = ar(p).replace("~", _AR_SUFFIX)
                anchored = re.compile(_AR_PREFIX + r"(?P<t>" + pn + r")(?!\w)")
                full = re.compile(r"(?<!\w)" + _AR_PREFIX + r"(?P<t>" + pn + r")(?!\w)")
            else:
                anchored = re.compile(r"(?P<t>" + p + r")(?![\w-])")
                full = re.compile(r"(?<![\w-])(?P<t>" + p + r")(?![\w-])")
            for stem in stems:
                table.setdefault(stem, []).append((lab, anchored))
            if not stems:
                always.append((lab, full))
    return _Compiled(table, always, _AR_STEMS_BIT if is_ar else _EN_STEMS_BIT)


@lru_cache(maxsize=1)
def _compiled() -> tuple[_Compiled, _Compiled]:
    return _build(AR_TRIGGERS, True), _build(EN_TRIGGERS, False)


@lru_cache(maxsize=1)
def _context_res() -> dict[str, re.Pattern[str]]:
    def arw(ws):
        return re.compile(r"(?<!\w)(?:[وف]?[بلك]?(?:ال)?)?(?:" + "|".join(ar(w) for w in ws) + r")(?!\w)")

    def enw(ws):
        return re.compile(r"\b(?:" + "|".join(ws) + r")\b")
    return {"air_ar": arw(AIRCRAFT_WORDS_AR), "air_en": enw(AIRCRAFT_WORDS_EN),
            "weap_ar": arw(WEAPON_WORDS_AR), "weap_en": enw(WEAPON_WORDS_EN)}


_AIR_DEFENCE_RE = re.compile(r"(?:ال)?(?:دفاع|دفاعات|وسائط\s(?:ال)?دفاع)\s(?:ال)?جوي\w*|air[- ]defen[cs]es?"
                             # "الفصائل الإسلامية والمقاتلة", "الكتائب المقاتلة": fighting factions, no fighter jet
                             r"|(?<!\w)و(?:ال)?مقاتله(?!\w)|(?:فصايل|كتايب|مجموعات)\s(?:ال)?مقاتله(?!\w)")


def mentions_aircraft(norm_clause: str) -> bool:
    """True if the clause speaks of aircraft (air defence does not count)."""
    r = _context_res()
    s = _AIR_DEFENCE_RE.sub(" ", norm_clause)
    return bool(r["air_ar"].search(s) or r["air_en"].search(s))


def mentions_weapons(norm_clause: str) -> bool:
    r = _context_res()
    return bool(r["weap_ar"].search(norm_clause) or r["weap_en"].search(norm_clause))


_AR_CHAR_RE = re.compile(r"[\u0600-\u06ff]")
_EN_CHAR_RE = re.compile(r"[a-z]")


def _scan(norm: str, c: _Compiled, start: int, end: int, is_ar: bool, hits: list[TriggerHit]) -> None:
    seen: set[tuple[str, int, str]] = set()
    bit, table = c.bit, c.table
    for e_idx, (stem, sets) in keyword_hits(norm):
        s0 = e_idx + 1 - len(stem)
        if not sets & bit or e_idx >= end or s0 < start:
            continue          # (another scan's word, or outside norm[start:end])
        lst = table[stem]
        ws = norm.rfind(" ", start, s0) + 1
        if ws < start:
            ws = start
        if (is_ar and s0 - ws > 4) or (not is_ar and s0 != ws):
            continue          # the stem is inside a word, not at its start (after clitics)
        if not is_ar and ws > 0 and norm[ws - 1] == "-":
            continue
        for lab, rx in lst:
            if (lab, ws, rx.pattern) in seen:
                continue
            m = rx.match(norm, ws, end)
            if m and m.start("t") <= s0:
                seen.add((lab, ws, rx.pattern))
                hits.append(TriggerHit(lab, m.start("t"), m.end("t"), m.group("t")))
    for lab, rx in c.always:
        # (searched near its literals: "strike" of "israeli strikes"; the pattern opens with a look-behind)
        for m in gate(rx).finditer(norm, start, end):
            hits.append(TriggerHit(lab, m.start("t"), m.end("t"), m.group("t")))


def find_triggers(norm: str, start: int = 0, end: int | None = None, lang: str = "auto") -> list[TriggerHit]:
    """Trigger hits in ``norm[start:end]`` (normalised text), overlapping hits resolved to the longest.

    Each pattern's literal start is found with one Aho-Corasick pass; the pattern itself is
    then matched only at those word starts (a few dozen per report instead of a regex
    search of the whole text per label).
    """
    end = len(norm) if end is None else end
    arc, enc = _compiled()
    hits: list[TriggerHit] = []
    if lang in ("ar", "auto") and _AR_CHAR_RE.search(norm, start, end):
        _scan(norm, arc, start, end, True, hits)
    if lang in ("en", "auto") and _EN_CHAR_RE.search(norm, start, end):
        _scan(norm, enc, start, end, False, hits)
    # longest first; drop a hit that overlaps a longer one
    hits.sort(key=lambda h: (-(h.end - h.start), h.start, h.label))
    kept: list[TriggerHit] = []
    taken = IntervalSet()
    for h in hits:
        if taken.free(h.start, h.end):
            taken.add(h.start, h.end)
            kept.append(h)
    kept.sort(key=lambda h: h.start)
    return kept
