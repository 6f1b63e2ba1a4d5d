"""A news report in, dated, typed, located events out: one event per place and event type.

Pipeline (each step is a module of its own, tested on its own):

1. normalise the whole text once, keeping an offset map (``eventmap.text``);
2. split sentences and clauses (``sentences``);
3. find triggers (``lexicon``), actors (``actors``) and dates (``dates``) over the whole text once;
4. per clause with a trigger: find place mentions (``mentions``), keep those with support,
   resolve them with the gazetteer (sentence as context, places already resolved in the
   report as ``near``), and emit one event per (event label, place);
5. report-level clean-up: the same event twice collapses; a region-level event whose
   type is also coded at a finer place in the report is dropped (ACLED codes the most
   specific location).

Unresolved names listed with resolved ones get an approximate location (the centre
of the resolved list members, with their spread as the uncertainty radius,
``geo_precision`` 2, ``resolution`` "approximate"); otherwise a region named in the
same clause gives a region-level approximation (``geo_precision`` 3); otherwise the
event stays ``unresolved`` with no coordinates.  Never a made-up point.
"""

from __future__ import annotations

import bisect
import copy
import dataclasses
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import Any

from eventmap.events import actors as A
from eventmap.events._prefilter import gate
from eventmap.events.area import area_shape, split_by_area
from eventmap.events.dates import _find_norm, parse_published
from eventmap.events.dating import ClauseSpan, EventDates
from eventmap.events.fatalities import (CHARGED_WITH_RE, CONFESSED_RE, KIN_WORDS_AR, PROTEST_CAUSE_CUT_RE, PROTEST_CAUSE_WORDS,
                                        SUPERLATIVES_AR, SUPERLATIVES_EN, fatalities, lone_toll, norm_has_death)
from eventmap.events.lexicon import (ABSORBS, KILLERS, LABELS, TriggerHit, find_triggers, mentions_aircraft,
                                     mentions_weapons)
from eventmap.events.mentions import (EN_PLACE_NOUNS, GOVERNORATE_KEYS, PLACE_NOUNS_AR, TOWARDS_AR, WEAK_REFERENCES,
                                      Mention, article_swallowed, find_mentions, index_for)
from eventmap.events.reader import MAX_TEXT_CHARS, InputError, detect_language, report_id_for
from eventmap.events.sites import QUARTER_NOUNS_AR, QUARTER_NOUNS_EN
from eventmap.events.sentences import Span, split_clauses, split_sentences
from eventmap.events._spans import normalize_offsets, orig_span
from eventmap.model import Event, Evidence, LookupResult, Place, Resolution
from eventmap.places.gazetteer import haversine_km as _km
from eventmap.places.gazetteer import names_its_governorate as _is_seat
from eventmap.text import latin_key, normalize_ar

EXTRACTOR_VERSION = "eventmap-extract/0.1"

#: an empty SHA-1, copied for each event id: ``copy()`` of a started hash is the same hash as a new one, without
#: OpenSSL looking the algorithm up again (a fifth of the cost of a short id)
_SHA1 = hashlib.sha1()


#: the governorates this product is about (Dar'a, Quneitra, As-Sweida, Rural Damascus, Damascus): a single
#: exact match there needs no second look; a lone namesake elsewhere is checked against the report's places
_SOUTH = {"SY12", "SY14", "SY13", "SY03", "SY01"}
#: a place this far from the centre of the other places of a report is suspect (another region of Syria)
_FAR_KM = 150.0
#: one of several namesakes this far from the report's places, outside Dar'a and Quneitra, is not the one meant
_NAMESAKE_KM = 60.0
#: Dar'a and Quneitra, the governorates the product is about (a namesake in a neighbouring one, As-Sweida or
#: Rural Damascus, is set aside when the sentence puts the event in these)
_CORE = {"SY12", "SY14"}
_LETTER_RE = re.compile(r"[^\W\d_]")
_ADMIN_KINDS = {"region", "governorate", "district", "subdistrict", "country"}
_NEG_AR = {"دون", "بدون", "عدم", "لم", "لن", "نفي", "نفت", "ينفي", "تنفي", "منع", "لمنع", "رفض", "رفضت", "بلا", "غير",
           "ولم", "فلم", "ولن"}   # (a "و" glued to a word of three letters stays on it)
#: verbs of what an act led to: a negation before them denies the result, not the act
_RESULT_VERBS = frozenset(("يسفر", "تسفر", "يود", "تود", "يودي", "تودي", "يخلف", "تخلف", "يسجل", "تسجل", "ترد",
                           "يرد"))
#: between a place and its passive trigger: "Inkhil was shelled", "Nawa has been retaken", "Nawa fell to"
_PASSIVE_GAP_RE = re.compile(r" (?:(?:was|were|has|have|had|is|are|been|being|reportedly|also|again|later|heavily|"
                             r"repeatedly) )*")
#: between a town and the deal or the fire it is the subject of: "X signed a reconciliation deal", "X accepted the
#: truce", "X came under heavy shelling" (English, normalised)
_UNDERGOER_GAP_RE = re.compile(r" (?:(?:has|have|had|also|later|reportedly|formally|finally|again) )*(?:(?:signed|"
                               r"accepted|reached|joined|agreed to|entered into|concluded|struck) (?:on to |onto )?"
                               r"(?:a |an |the |its own |their own )?(?:[a-z-]+ ){0,2}|"
                               r"(?:came|come|comes|coming) under (?:[a-z-]+ ){0,2})")
#: an explosion told before a find (normalised, "و"/"ف" cut)
_BLAST_WORDS = frozenset(("انفجار", "بانفجار", "exploded", "explosion", "blast", "detonated"))
#: a funeral's words (normalised, "و" cut) and the nouns of the dead it is held for
_FUNERAL_OF = frozenset(("تشييع", "جنازه", "جنازات", "funeral", "funerals"))
_DEAD_NOUNS = frozenset(("قتلي", "شهدا", "شهيد", "ضحايا", "dead", "victims"))
#: what a force is made of (normalised, "و" cut), and the words of a force sent (its arms are named after them)
_MADE_OF = frozenset(("including", "comprising", "with", "تضم", "يضم", "تشمل", "مؤلفه", "موالفه", "مزوده", "محمله",
                      "منها"))
_FORCES_SENT_RE = re.compile(r"\b(?:reinforcements|convoys?|column)\b|(?:^|\s)[وف]?(?:ال)?(?:تعزيزات|رتل|ارتال|حشود|قافله)\s")
#: a report the rest of its sentence denies (normalised): "..., غير أن مصادر محلية نفت ذلك", "..., but residents
#: denied it", "..., which the army denied"
_DENIED_LATER_RE = re.compile(r"(?:^|\s)(?:غير ان|لكن|الا ان|بينما|في حين)\s(?:\S+\s){0,5}?[وف]?(?:نفت|نفوا|نفي|ينفي|تنفي|"
                              r"كذبت|كذبوا)\s(?:ذلك|ها|صحه|صحتها|الخبر|الانبا|الامر|وقوع)(?:\s|$)|"
                              # "..., وهي أنباء غير صحيحة", "عارية عن الصحة", "لا أساس لها من الصحة"
                              r"(?:^|\s)(?:غير صحيحه|عاريه عن الصحه|عار عن الصحه|لا اساس لها|لا صحه لها)(?:\s|$)|"
                              r"\b(?:but|however|which|a report|reports)\b(?:\s\S+){0,6}?\s(?:later\s)?(?:denied|dismissed)"
                              r"\b")
_DENIED_LATER_GATE = gate(_DENIED_LATER_RE)
#: a report denied or corrected before the act (normalised, "و"/"ف" cut)
_DENIED = frozenset(("صححت", "صحح", "نفت", "نفي", "كذبت", "تداولته", "تداولتها", "تداولها", "شايعات", "اشاعات",
                     "denied", "dismissed", "rumours", "rumors"))
#: an entry with no fight (normalised)
_NO_FIGHT_RE = re.compile(r"\bwithout (?:a )?(?:fight|fighting|resistance|a shot)\b|\bpeacefully\b|"
                          r"(?:^|\s)(?:دون|بدون|من\sدون)\s(?:اي\s)?(?:قتال|مقاومه|اشتباكات|معارك)(?:\s|$)|(?:^|\s)سلميا(?:\s|$)")
#: the UN's peacekeepers (normalised text)
_PEACEKEEPERS_RE = re.compile(r"peacekeep|\bundof\b|\bu\.?n\.? (?:troops|soldiers|personnel)|الاندوف|حفظ السلام|"
                              r"(?:قوات|جنود|عناصر) (?:ال)?امم")
#: fear before an act (normalised, "و" cut): the act is feared, not done
_FEARED = frozenset(("خشيه", "خوفا", "تخوفا", "مخافه", "مخاوف", "تخوف", "تخوفات", "fear", "fearing", "fears", "feared"))
#: a warning (normalised, "و" cut), or a fear, of what comes after "من"/"of": "حذرت الهيئة من مجزرة في X", "raised fears
#: of a new assault on X", "warned against an offensive": the act is warned of, not done
_WARNED_OF = frozenset(("حذر", "حذرت", "حذروا", "يحذر", "تحذر", "يحذرون", "محذرا", "محذره", "محذرين", "محذرون", "تحذير",
                        "تحذيرات", "تحذيرا", "warned", "warn", "warns", "warning", "warnings")) | _FEARED
_WARNED_OF_WHAT = frozenset(("من", "of", "against", "about"))
#: a refusal before what was asked (normalised, "و" cut), and the acts it can refuse
_REFUSED = frozenset(("رفضت", "رفض", "رفضوا", "ترفض", "يرفض", "يرفضون", "برفض", "لرفض", "refused", "refuse", "refuses",
                      "refusing", "rejected", "rejecting"))
_REFUSABLE = frozenset(("weapons_handover", "base_established", "evacuation", "settlement_entry", "agreement",
                        "territory_entered"))
#: an unnamed armed group as the passive's agent (normalised): "detained by an armed group", "على يد مسلحين"
_BY_GUNMEN_RE = re.compile(r"\s(?:by\s(?:an?\s)?(?:unknown\s|unidentified\s)?(?:armed\s(?:group|men|gang)|gunmen|"
                           r"militants)|(?:علي\sيد|من\sقبل)\s(?:مسلحين|مجموعه\sمسلحه|عصابه))\b")
#: "comes"/"came" right before a count of days ("The capture comes a week after ...")
_COMES_RE = re.compile(r"\b(?:comes|came|come)\s$|(?:^|\s)[وف]?(?:ياتي|تاتي|جا|جات|جاءت|جاء)\s(?:(?:ذلك|هذا|الهجوم|"
                       r"الحادث|الاعتدا|التفجير|الاغتيال)\s)?$")   # (and "ويأتي ذلك بعد يومين من")
#: verbs of fighting going on now (normalised, without "و"/"ف"): "تدور اشتباكات", "تتواصل المعارك"
_GOING_ON_AR = frozenset(("تدور", "تتواصل", "يتواصل", "تستمر", "يستمر", "تتجدد", "تشتد", "تجري", "يجري"))
#: relative pronouns (normalised): what follows an event's noun tells it
_RELATIVE = frozenset(("الذي", "التي", "الذين", "which", "that", "who"))
#: "coincided" before the event it names again (normalised, "و" cut): "وتزامنت الغارات مع ..."
_COINCIDED = frozenset(("تزامنت", "تزامن", "يتزامن", "تتزامن", "ترافقت", "ترافق", "تزامنا"))
#: a flight's verbs before "طائرة مسيرة" (normalised): a drone seen overhead, not its strike
_FLEW_OVER = frozenset(("حلقت", "حلق", "تحلق", "يحلق", "تحليق", "لتحليق", "بتحليق", "تحوم", "حامت"))
#: who a settlement names before it ("فصائل التسوية", "لجان المصالحة"; normalised)
_SETTLED_BODIES = frozenset(("فصايل", "عناصر", "مجموعات", "لجنه", "لجان", "مركز", "مراكز", "رجال", "قوات", "مقاتلي",
                             "ابنا"))
#: what a town undergoes as the subject of "signed"/"came under" (:data:`_UNDERGOER_GAP_RE`)
_UNDERGONE = frozenset(("settlement_entry", "agreement", "shelling", "bombardment", "attack", "air_strike"))
#: "no news of": "دون ورود أنباء عن سقوط ضحايا" (normalised), "with no reports of casualties"
_NEWS = frozenset(("انبا", "معلومات", "تقارير", "reports", "report", "word", "news"))
_NEG_EN = {"no", "not", "without", "denied", "deny", "denies", "never", "prevent", "prevented", "avoid", "avoided",
           "non", "nor", "rejected"}
_HEDGE_AR = {"سوف", "سيتم", "المقرر", "المتوقع", "يتوقع", "محتمل", "ربما", "تهدد", "هدد", "يهدد", "مرتقب"}
_HEDGE_EN = {"will", "would", "could", "might", "may", "plan", "plans", "planned", "expected", "threatened",
             "threatens", "possible", "reportedly", "alleged", "allegedly"}
#: words of fleeing (normalised) before what was fled, and the acts one flees
_FLED = frozenset(("fled", "fleeing", "flee", "flees", "escaping", "escaped", "هربا", "هروبا", "فرارا", "هاربين",
                   "الفارين", "فارين"))
_FLED_FROM = frozenset(("armed_clash", "shelling", "bombardment", "air_strike", "attack"))
#: before a settlement: one man's (or men's) own, made once ("أجرى تسوية", "خضع للتسوية", "had undergone")
_ONE_SETTLED = frozenset(("اجري", "اجرت", "اجروا", "خضع", "خضعت", "خضعوا", "underwent", "undergone"))
#: a man who joined a settlement ("who joined the reconciliation in 2018", "الذي انضم إلى التسوية")
_JOINED = frozenset(("joined", "accepted", "signed", "entered", "انضم", "دخل"))
_WHO = frozenset(("who", "الذي", "وهو", "هو"))   # (and "وهو مقاتل سابق انضم إلى التسوية عام 2018")


def _who_joined(prev: list[str]) -> bool:
    """The words before a settlement say a man joined it ("who joined the reconciliation", "who had signed up
    to the settlement"): his past, not a town's deal."""
    if _WHO.isdisjoint(prev):
        return False
    k = next((k for k in range(len(prev) - 1, max(-1, len(prev) - 5), -1) if prev[k] in _JOINED), None)
    return k is not None and any(w in _WHO for w in prev[max(0, k - 3):k])


#: after it: whose status it settled ("تسوية وضعه", "settled his status")
_OWN_STATUS_RE = re.compile(r"\s(?:(?:ال)?امنيه\s)?(?:وضعه|وضعها|وضعهم|اوضاعهم|اوضاعه)(?:\s|$)|\s(?:his|her|their) "
                            r"(?:security )?status\b")
#: the words right after a trigger noun (its verb) that make it a plan or a negation
_FUTURE_AFTER_RE = re.compile(r"(?:\s+(?:for|in|on|over|with)\s+(?:the\s+)?[\w'-]+(?:\s+[\w'-]+)?(?=\s+(?:will|would|does|do|did|"
                              r"has|have|had|is|are)\s))?"
                              r"(?:\s+(?:said|say|says)\s+(?:they|it)|\s+(?:also|still))?\s+(?:will|would|plan|plans|planned|"
                              r"intend|intends|intended|are\s+expected|is\s+expected|are\s+set|is\s+set|does\s+not|do\s+not|"
                              r"is\s+likely|are\s+likely|is\s+poised|are\s+poised|"
                              r"did\s+not|has\s+not|have\s+not|had\s+not|doesn't|don't|didn't|hasn't|haven't)\b"
                              # ("the deal, which has yet to be accepted by fighters in X")
                              r"|\s+which\s+(?:has|have)\s+yet\s+to\b")
_FUTURE_AFTER_GATE = gate(_FUTURE_AFTER_RE)
#: intended or feared (normalised): "تحدثت الأنباء عن نية القوات اقتحام X", "يخشى الأهالي من توسع التوغل ليشمل X"
_INTENDED_OR_FEARED = frozenset(("نيه", "نوايا", "يخشي", "تخشي", "يخشون", "يتخوف", "تتخوف", "يتخوفون",
                                 # "وسط مخاوف الأهالي من حملات اعتقال": feared (not "خوفاً من القصف", fled from it)
                                 "مخاوف", "تخوفات",
                                 # a purpose: "تنتقل اللجان إلى X لتطبيق اتفاقات مماثلة", "تعزيزات لتنفيذ هجوم"
                                 "لتطبيق", "لتنفيذ", "لابرام", "لاتمام",
                                 # what is to be spared or avoided ("بهدف تجنيب بلدات مثل X العمليات العسكرية")
                                 "تجنيب", "لتجنيب", "تجنب", "لتجنب"))
#: words before a trigger that make it a plan or an expectation, not an event
_FUTURE = _INTENDED_OR_FEARED | {"سوف", "سيتم", "المتوقع", "يتوقع", "المقرر", "مرتقب", "المرتقب", "المنتظر", "المفترض", "ستدخل", "سيدخل", "ستبدا", "سيبدا",
           "تهدف", "يهدف", "بهدف", "تهدفان", "هدفها", "لمحاوله", "تسعي", "يسعي", "تعتزم", "يعتزم",
           # "الخطوة التالية ستكون اقتحام X", "المرحلة المقبلة ستشمل التقدم نحو X", "تنص الخريطة على تسليم السلاح"
           "ستكون", "سيكون", "ستشمل", "سيشمل", "ستتضمن", "سيتضمن", "تنص", "ينص", "تقضي", "يقضي",
           # expected (not "توقع", it inflicts: "غارات توقع قتلى")
           "تتوقع", "توقعت",
           "will", "expected", "would", "could", "might", "threatened", "threatens", "planned", "plans", "likely",
           "poised",
           "aims", "aiming", "aimed", "intends", "intended", "seeks", "seeking",
           # "تستعد القوات لإطلاق حملة في X", "troops were preparing an assault on X": readied, not done yet
           "تستعد", "يستعد", "تستعدان", "يستعدون", "استعدادا", "تتحضر", "يتحضر", "تتاهب", "يتاهب", "preparing",
           "prepares", "gearing",
           # "the suspects were planning attacks on troops from X", "خلية كانت تخطط لتنفيذ هجمات"
           "planning", "plotting", "تخطط", "يخطط", "يخططون", "تخطيط", "بالتخطيط", "للتخطيط",
           # "تتواصل المفاوضات لضم بلدتي X وY إلى اتفاق التسوية": towns to be brought into a deal
           "لضم", "لانضمام", "لادخال",
           # readiness, and the future of the verbs a settlement's stages are told with ("أبلغت لجنة X استعدادها لتسليم
           # السلاح", "ستنتقل التسوية إلى حي X")
           "استعداد", "استعدادها", "استعداده", "استعدادهم", "مستعده", "مستعدون", "مستعدين",
           "ستنتقل", "سينتقل", "ستجري", "سيجري", "ستتم", "ستصل", "سيصل", "ستنتشر", "سينتشر", "ستسلم", "سيسلم",
           "ستخضع", "سيخضع", "ستعود", "سيعود",
           # "تكمن أهمية السيطرة على X في موقعها": why a place matters, no act
           "اهميه", "لاهميه", "باهميه"}
#: words of :data:`_FUTURE` that say an act is not done, feared or expected (not a purpose: "launched a battle to take
#: X" is fought at X)
_NOT_DONE = _INTENDED_OR_FEARED | frozenset(("سوف", "سيتم", "المتوقع", "يتوقع", "تتوقع", "توقعت", "المقرر", "مرتقب",
                                             "المرتقب", "المنتظر", "تعتزم", "يعتزم", "will", "expected", "would",
                                             "could", "might", "planned", "plans", "likely", "intends"))
#: the verbs of :data:`_FUTURE` in the future tense, and "سوف" ("التسوية ستنتقل": not "اتفاق يقضي بـ", what it provides)
_FUTURE_VERBS = frozenset(w for w in _FUTURE if w[:2] in ("ست", "سي") or w == "سوف")
_NEG = frozenset(_NEG_AR | _NEG_EN)
_HEDGE = frozenset(_HEDGE_AR | _HEDGE_EN)
_PREVENT = frozenset(("prevent", "prevented", "preventing", "blocked", "barred", "منع", "لمنع", "منعت", "تمنع", "يمنع",
                      "منعوا"))   # ("منعت قوات النظام أمس دخول المواد الغذائية إلى X": kept out, no entry)
#: an attempt (normalised, without "و"/"ف"): a taking tried is no taking
_ATTEMPT = frozenset(("محاوله", "لمحاوله", "محاولات", "حاولت", "حاول", "حاولوا", "يحاول", "تحاول", "attempt", "attempts",
                      "attempted", "attempting", "tried", "trying", "bid"))
#: a funeral's words before the martyr it buries (normalised, without "و"/"ف"): "شيع الأهالي جثمان الشهيد X"
_FUNERAL = frozenset(("شيع", "شيعت", "شيعوا", "تشييع", "يشيع", "تشيع", "جثمان", "جثامين", "جنازه", "مراسم"))


def _doer_named(ca: list[A.ActorMention], hit: TriggerHit) -> str:
    """The actor named as the trigger's doer: right after the verb ("اعتقل مسلحون مجهولون شابين"), or else the
    last one before it ("regime forces raided ..."), or ""."""
    after = [a.actor for a in ca if 0 <= a.start - hit.end <= 20]
    before = [a.actor for a in ca if a.start < hit.start]
    return after[0] if after else before[-1] if before else ""


def _kept_out(h: TriggerHit, prev: list[str], after: str, glued: str = "") -> bool:
    """The words around a trigger say it did not happen there that day: a deal the place was left out of ("Rebels
    in X were not part of Friday's deal", "لم تشملها التسوية"); a martyr named in his funeral; a force that took no
    part ("لم تشارك قوات النظام في الاشتباكات"); a battle to come ("المعركة المقبلة ستكون في X"); a control held
    for years ("ويسيطر اللواء منذ عام 2014 على قرى ..."), or held at all; how a group was formed, told of it. ``glued``:
    the letter glued before the trigger ("و" of "ويسيطر")."""
    label, text = h.label, h.text
    if label in ("agreement", "settlement_entry"):
        return _LEFT_OUT_RE.search(" ".join(prev[-6:])) is not None
    if label == "group_change" and not _RELATIVE_WORDS.isdisjoint(prev[-7:]) and not _FORMED.isdisjoint(prev[-6:]):
        return True   # "جيش خالد، الذي تشكل في أيار 2016 من اندماج ثلاثة فصائل": how a group named was formed
    if label == "killing" and text in ("الشهيد", "للشهيد", "شهيد"):
        return not _FUNERAL.isdisjoint(prev[-6:])   # "شيّع أهالي X اليوم جثمان الشهيد Y": a burial, not the killing
        #                                             (not "جثامين أربعة شهداء استهدفتهم ... في X": told with it)
    if after.split(" ", 1)[0] in _TO_COME:
        return True
    if label == "territory_taken" and text.startswith(("يسيطر", "تسيطر")) and (
            " منذ " in after or "منذ" in prev[-2:] or not text.endswith("وا") and (
                glued in ("و", "ف") or prev[-1:] in (["التي"], ["الذي"], ["زال"], ["زالت"], ["يزال"], ["تزال"]))):
        return True   # (and "ويسيطر التنظيم على بلدات X وY", "المناطق التي يسيطر عليها": who holds what; not a
        #               headline's "قوات النظام تسيطر على X", "باتت تسيطر على X", a subjunctive "ويسيطروا")
    last = prev[-6:]
    return not _TOOK_PART.isdisjoint(last) and any(a.lstrip("وف") in _NEG_AR and b in _TOOK_PART
                                                   for a, b in zip(last, last[1:]))   # (and "ولم")


#: a word right after an event's noun that puts it in the future ("المعركة المقبلة", normalised)
_TO_COME = frozenset(("المقبله", "القادمه", "المرتقبه", "المنتظره", "المقبل", "القادم", "المرتقب", "المنتظر"))
#: taking part, after a negation ("لم تشارك قوات النظام في الاشتباكات"), normalised
_TOOK_PART = frozenset(("تشارك", "يشارك", "تشاركا", "يشاركوا", "تشترك", "يشترك", "تتدخل", "يتدخل"))


#: words before a deal's noun that leave its subject out of it (normalised words joined by spaces)
_LEFT_OUT_RE = re.compile(r"\b(?:not|never|neither|nor)\s(?:\S+\s)?(?:part|included|covered|party)\b|\bexcluded\b|"
                          r"(?:^|\s)(?:لم|لا)\s(?:تشمل|يشمل|تشملها|يشملها|تشمله|يشمله|تشملهم|يشملهم|تكن\sجزءا|يكن\sجزءا)(?:\s|$)")
#: the words before the crimes a suspect is charged with (normalised, without "و"/"ف")
_CHARGED = frozenset(("متورطه", "متورطين", "متورط", "المتورطين", "المتورطه", "بتهمه", "بتهم", "بجرايم", "بجريمه",
                      "involved", "accused", "charged", "suspected", "convicted"))
#: the same three words back, before "بعمليات" (its crimes): "معلومات عن تورط المجموعة بعمليات خطف"
_CHARGED_WITH = frozenset(("تورط", "بتورط", "لتورط", "ضلوع", "بضلوع", "لضلوع", "متهمه", "متهمين", "المتهمين"))
#: words of suspicion or charge, a few words before a crime (:meth:`_Extraction._charged_before`): English words, and
#: the starts of Arabic ones (normalised, "و"/"ف" off)
_CHARGE_HEADS_EN = frozenset(w for w in _CHARGED if w.isascii()) | {"wanted", "linked", "involvement", "suspicion",
                                                                  "charges", "responsible", "blamed"}
_CHARGE_HEADS_AR = tuple(sorted({w for w in _CHARGED | _CHARGED_WITH if not w.isascii()} | {
    "يشتبه", "الاشتباه", "للاشتباه", "بالاشتباه", "تتهم", "يتهم", "متهم", "المتهم", "اتهام", "باتهام", "المتورط",
    "بالتورط", "بالضلوع"}))   # (word starts: "متهم" is "متهمون" too)
#: words between the charge and the crime that tell another act: the charge is of someone else
_CHARGE_GAP_STOPS = frozenset(("was", "were", "is", "are", "had", "has", "been", "who", "which", "then", "after",
                               "when", "before", "قبل", "بعد", "ثم", "حيث", "الذي", "التي", "الذين", "قد", "وقد",
                               "كان", "حين", "عندما"))
#: the crimes a man can be charged with
_CHARGEABLE = frozenset(("abduction", "killing", "attack", "attack_civilians", "ied", "suicide_bomb", "looting"))
#: the words before a deal that make it the start of a time ("السنوات التي أعقبت اتفاق التسوية", "since the deal")
_SINCE_THE_DEAL = frozenset(("اعقبت", "اعقب", "تلت", "تلا", "منذ", "following", "followed", "since"))
#: the word before a settlement that makes it no settlement made (normalised)
_NOT_A_DEAL = frozenset(("الرافضين", "رافضين", "الرافضون", "رافضي", "رافضو", "بطاقه", "بطاقات", "خيار", "احتمال",
                         "لبحث", "بحث", "لمناقشه", "مناقشه", "بشان", "حول",   # "اجتماع لبحث تسوية أوضاع المدينة"
                         "ابواب", "باب",   # "أبواب التسوية مفتوحة": the door open to it, no deal made
                         "refusing", "rejecting", "possible", "potential", "proposed"))
#: acts told with a time to come after them are plans ("... الأسبوع المقبل", "next week")
_PLANNED_LABELS = frozenset(("troop_movement", "evacuation", "agreement", "settlement_entry", "territory_entered",
                             "base_established", "protest", "weapons_handover", "advance", "territory_taken"))
_NEXT_TIME_RE = re.compile(r"(?:الاسبوع|الشهر|العام|الايام|الساعات|الفتره|المرحله)\s(?:القليله\s|القريبه\s)?"
                           r"(?:المقبل|المقبله|القادم|القادمه)"
                           r"|\b(?:next|coming)\s(?:week|month|days|weeks|months|year)\b|\bin\sthe\scoming\s")
_NEXT_TIME_GATE = gate(_NEXT_TIME_RE)
#: words of a plan between a deal's or a movement's trigger and a place (normalised): the act there is yet to come
_EXPECTED_RE = re.compile(r"\b(?:is|are)\s(?:also\s)?(?:expected|set|scheduled|planned)\sto\b|\bwill\s(?:also\s)?be\b"
                          r"|(?:^|\s)[وف]?(?:من\sالمتوقع|من\sالمقرر|من\sالمفترض|سيتم|ستشمل|سيشمل|ستمتد|سيمتد)(?:\s|$)")
_EXPECTED_GATE = gate(_EXPECTED_RE)
#: a day told before a time to come ("... أمس، على أن تستمر خلال الأيام المقبلة"): the act took place
_PAST_TIME_RE = re.compile(r"(?:^|\s)(?:امس|اليوم|ليله|فجر|صباح|مسا|ظهر)(?:\s|$)|\b(?:yesterday|today|tonight|last|on|earlier)\b")
#: the nouns of a case or an incident between "any" and the act ("لم تسجل أي عملية خطف", "no incidents of")
_CASE_NOUNS = frozenset(("عمليه", "عمليات", "حاله", "حالات", "حادثه", "حوادث", "incident", "incidents", "cases"))
#: the words of a siege lifted or to be lifted
#: a deal's end (normalised): "انهيار اتفاق التهدئة", "the truce brokered by Russia collapsed": no agreement made
_COLLAPSE = frozenset(("انهار", "انهارت", "انهيار", "تعثر", "فشل", "سقوط", "collapse", "collapsed", "failed", "failure"))
_COLLAPSED_AFTER_RE = re.compile(r"(?:\s+(?!after\b|following\b|بعد\b)[^\s.,،]+){0,4}?\s+"
                                 r"(?:collapsed|broke\s+down|fell\s+apart|failed|انهار|انهارت|فشل|تعثر)\b")
_COLLAPSED_AFTER_GATE = gate(_COLLAPSED_AFTER_RE)
#: a deal broken (normalised): "في خرق جديد لاتفاقية ...", "in violation of the agreement": no agreement made
_BREACH = frozenset(("خرق", "خرقا", "لخرق", "انتهاك", "انتهاكا", "لانتهاك", "مخالفه", "مخالفا", "breach", "breaches",
                     "breaching", "violation", "violations", "violating", "violated", "violate", "violates",
                     "disengagement"))
#: the disengagement of 1974 by its Arabic name: "اتفاقية فض الاشتباك", "خط فك الاشتباك" (no clash, no new deal)
_DISENGAGE = frozenset(("فض", "فك"))
_LIFT = frozenset(("فك", "كسر", "رفع", "انها", "break", "lift", "end", "ending", "breaking", "lifting", "broke", "lifted"))
_DENY = frozenset(("نفي", "نفت", "ينفي", "تنفي", "denied", "denies", "deny"))
_DENIAL_ENDS = frozenset(("said", "added", "وقال", "واضاف", "واكد", "قال", "اضاف", "اكد", "مشيرا", "موضحا", "but"))
_DEST_AR = TOWARDS_AR | {"حتي", "لنقلهم", "وصولا"}
_DEST_EN = {"to", "towards", "toward", "for", "into"}
#: the same words as a pattern over normalised text ("fled the fighting, heading to X")
_TOWARDS_RE = re.compile(r"\b(?:" + "|".join(sorted(_DEST_EN)) + r")\b|(?:^|\s)(?:" + "|".join(sorted(TOWARDS_AR)) +
                         r")(?:\s|$)")
#: an article and a capitalised word after an English name ("Busra al-Harir": the scan knows "Busra")
_EN_ARTICLE_TAIL_RE = re.compile(r"[- ](?:al|el|ad|ash|as|at|az|ar|an|Al|El)[- ][A-Z][\w'’`]+")
#: the place nouns between a word of direction and the name ("باتجاه مدينة X", "towards the town of X"): the
#: mention finder's own, normalised
_DEST_NOUNS = frozenset(normalize_ar(w) for w in PLACE_NOUNS_AR) | frozenset(EN_PLACE_NOUNS)

#: labels that tell the same kind of event (for the region-level de-duplication)
_FAMILY = {"interception": "downed", "aircraft_downed": "downed", "territory_taken": "territory",
           "territory_entered": "territory", "settlement_entry": "territory", "withdrawal": "territory"}

#: labels whose actor is not carried over from the previous sentence (perpetrators are usually unknown)
_NO_CARRY = {"ied", "suicide_bomb", "grenade", "attack_civilians", "abduction", "sexual_violence", "protest",
             "protest_intervention", "protest_excessive", "riot", "mob_violence", "looting", "sirens", "chemical"}

#: a death word whose subject is the dead, not the killer ("ten militants were killed", "مقتل عدد من المسلحين",
#: "سقوط العديد من الإرهابيين"); an active "killed" or "قتل" is left to the actors' roles
_VICTIM_VOICE_RE = re.compile(r"(?:[وفبل]?(?:ال)?(?:مقتل|قتلي|قتيل|استشهد|استشهاد|شهيد|شهدا|لقي|لقوا|مصرع|سقوط)"
                              r"|(?:were|was|been) killed|died|dead|deaths?|fatalit(?:y|ies)|lost (?:his|her|their) li)")
#: a bomb planted or set off in a report ("a car bomb", "the explosive device", "a bomb planted in a car went off")
_PLANTED_BOMB_RE = re.compile(r"\b(?:explosive devices?|ieds?|car bombs?|roadside bombs?|booby[- ]trap\w*|"
                              r"bombs? (?:\w+ ){0,5}?(?:went off|exploded|blew up)|planted|explosive-laden)\b")
#: acts whose dead a following "N were killed" tells: the deaths take the act's type ("the army shelled the
#: positions ... Dozens of militants were killed in X and Y": shelling at X and Y, with its doer)
_TOLL_OF = frozenset({"shelling", "bombardment", "air_strike", "armed_clash", "ied", "suicide_bomb"})
#: a strike named in an air-strike trigger (not the aircraft alone)
_STRIKE_WORD_RE = re.compile(r"غار|قصف|استهدف|ضرب|شن|strike|raid|bomb|attack|pound|hit")
_PASSIVE_TAIL_RE = re.compile(r"\b(?:was|were|been)\s+$|(?:^|\s)(?:تم|جري)\s+$")
#: a speaker's own forces ("its troops", "قواته"): the speaker did what they did
_OWN_FORCES_RE = re.compile(r"\b(?:its|their) (?:own )?(?:troops|forces|soldiers|units|jets|aircraft|warplanes|drones|"
                            r"air defen[cs]es)\b|"
                            r"\b(?:said|says|announced|stated|claimed)\s+(?:on\s+\w+\s+)?(?:that\s+)?(?:it|they)\s|"
                            r"(?:^|\s)(?:قوات|عناصر|وحدات|طائرات|جنود|دفاعات)(?:ه|ها|هم)(?:\s|$)")
#: the opening of a sentence that tells another incident, not the toll of the one before
_OTHER_STORY_RE = re.compile(r"(?:[وف]?(?:في|من) (?:سياق|حادث|حادثه|جهه|مكان|مناطق|تطور) |[وف]?الي ذلك|[وف]?كما |"
                             r"[وف]?بدوره|[وف]?في (?:اليوم|الوقت) (?:ذاته|نفسه)|separately|elsewhere|meanwhile|"
                             r"in (?:an ?other|a separate|a different)|also |on the same day|at the same time)")

#: weak labels that make an event only at a named place finer than a governorate
_FINE_ONLY = {"troop_movement", "killing", "advance", "siege", "supply_cut", "incursion", "combing"}
_BROAD_KINDS = {"governorate", "country"}


def _nearest_hit(hits: list[TriggerHit], m: Mention) -> TriggerHit:
    """The trigger a place belongs to: the nearest one ("وفي مدينة X ... استُهدف منزل": after it), a trigger
    before the place winning a tie."""
    def gap(h: TriggerHit) -> tuple[int, int]:
        return (m.start - h.end if h.end <= m.start else h.start - m.end, 0 if h.end <= m.start else 1)
    return min(hits, key=gap)


def _hit_of(hits: list[TriggerHit], m: Mention, ms: list[Mention]) -> TriggerHit:
    """The trigger a place belongs to: a list's members all belong to the trigger the list follows ("حررت اليوم
    بلدات A وB وC، بعد أن سيطرت أمس على D": C is freed today, though the later verb is nearer to it); else the
    nearest."""
    if m.list_id >= 0:
        first = min((o for o in ms if o.list_id == m.list_id), key=lambda o: o.start, default=m)
        own = _nearest_hit(hits, first)
        if own.end <= first.start and not any(first.start <= h.start < m.start for h in hits):
            return own
    return _nearest_hit(hits, m)


#: the villages, towns or areas of a region, right before its name (normalised): "قرى منطقة X", "بلدات في منطقة X",
#: "قرى وبلدات X", "مناطق في X" (not "بلدة Y في منطقة X", one town the region only locates)
_VILLAGES_OF_RE = re.compile(r"(?:^|\s)[وبلف]?(?:ال)?(?:قري|بلدات|مناطق)(?:\s[وبلف]?(?:ال)?(?:قري|بلدات|مناطق))?"
                             r"(?:\s(?:في|ب))?\s$")


def _lists_end_at_triggers(ms: list[Mention], hits: list[TriggerHit]) -> list[Mention]:
    """A list that runs into an event word has ended ("حيط وجلين وتسليم السلاح الخفيف والمتوسط": the
    handover and the weapons after it are not villages)."""
    cut: dict[int, int] = {}
    for m in ms:
        if m.list_id >= 0 and m.list_id not in cut and any(h.start < m.end and h.end > m.start for h in hits):
            cut[m.list_id] = m.start
    if not cut:
        return ms
    return [m for m in ms if not (m.list_id in cut and m.start >= cut[m.list_id])]


def _is_broad(loc: _Located) -> bool:
    """The mention names a governorate or a region as wide (not a named place placed at one)."""
    p = loc.place
    if p is None:
        return False
    return p.kind in _BROAD_KINDS or (p.kind == "region" and p.id in _BROAD_REGIONS)


#: curated regions as wide as a governorate or more (the south, Hawran): not a place for weak labels
_BROAD_REGIONS = {"region:southern-syria", "region:hawran", "region:golan"}

_CITY_BEFORE_RE = re.compile(r"(?:(?:^|\s)[وبلف]{0,2}(?:مدينه|المدينه|مدينتي|مدن|المدن|احيا|حي|وسط|مركز|داخل)|"
                             r"\b(?:city|cities|town|towns|centre|center|downtown|neighbou?rhoods?|districts?|quarters?)(?:\s+of)?(?:\s+the)?)\s*$")
_CITY_AFTER_RE = re.compile(r"\s*(?:city|town|المدينه|مدينه|المهدمه|المدمره|القديمه)\b")   # ("القنيطرة المهدمة": the
#                                                                             destroyed town, not the governorate)
#: anchored at the end, the pattern is tried from every position of the window: skipped without its words
_CITY_BEFORE_GATE = gate(_CITY_BEFORE_RE)

_QUOTES_RE = re.compile(r"\s*[\"“”«»„‟]\s*")
_QUOTE_CHAR_RE = re.compile(r"[\"“”«»„‟]")


#: a countryside's name ("ريف درعا الشرقي", "the western Daraa countryside"): no region of its own beside a town
_COUNTRYSIDE_RE = re.compile(r"ريف|[Cc]ountryside|[Rr]ural")

def _same_generic(c, surface: str) -> bool:
    """A spelling variant of a site's whole name that keeps its generic first word and more ("Tel Shehab" for the
    village Tall Shihab): the place named so, not one whose name only looks like the rest ("Tel Ahmar", Hamir)."""
    if c.match != "variant":
        return False
    a, b = latin_key(c.matched_name).split(), latin_key(surface).split()
    return len(a) >= 2 and len(b) >= 2 and a[0] == b[0]


def _display_name(surface: str) -> str:
    """The place as written, without the quotation marks that set a name off ("دوار “الغبشة”")."""
    if not _QUOTE_CHAR_RE.search(surface):   # (the white space around a quote is optional)
        return surface
    return re.sub(r"\s{2,}", " ", _QUOTES_RE.sub(" ", surface)).strip()


#: "the city", "the town", "المدينة", "البلدة": a place named before
_ANAPHOR_RE = re.compile(r"(?:^|\s)[وفبل]?(?:ال|لل)(?P<ar>مدينه|بلده|قريه)(?=\s|$)|\bthe (?P<en>city|town|village)\b(?!\s+of\b)")
#: a site called by its noun alone (normalised): "the crossing", "المعبر", "the checkpoint", "الحاجز"
_SITE_ANAPHOR_RE = re.compile(r"(?:^|\s)[وفبل]?(?:ال|لل)(?P<ar>معبر|حاجز|مطار|سد|تل|حي)(?=\s|$)(?<!رصاص الحي)"
                              r"(?<!ذخيره الحي)|\bthe (?P<en>crossing|checkpoint|airport|dam|hill|district|"
                              r"neighbou?rhood|quarter)\b(?!\s+(?:of|at|in|near)\b)")
_SITE_ANAPHOR_KIND = {"معبر": "crossing", "حاجز": "checkpoint", "مطار": "airport", "سد": "dam", "تل": "hill",
                      "حي": "neighbourhood", "crossing": "crossing", "checkpoint": "checkpoint", "airport": "airport",
                      "dam": "dam", "hill": "hill", "district": "neighbourhood", "neighbourhood": "neighbourhood",
                      "neighborhood": "neighbourhood", "quarter": "neighbourhood"}
#: the place noun of an anaphor and of a name's cue, as one word ("the village" refers back to "the village of X",
#: "القرية" to "قرية X", before any other town named since)
_ANAPHOR_NOUN = {"مدينه": "city", "بلده": "town", "قريه": "village", "city": "city", "town": "town",
                 "village": "village"}
#: the first word after a comma that goes on to another event ("..., and clashes broke out in Y", "..., coinciding
#: with clashes on the outskirts of Y", "، تزامناً مع اشتباكات في Y"; "و" and "ف" glued to any word too)
_NEXT_EVENT_WORDS = frozenset(("and", "then", "coinciding", "simultaneously", "amid", "تزامنا", "تزامناً", "بالتزامن",
                               "بالترافق", "ترافقا", "ترافقاً"))
#: another month opening the words after a comma: "، وفي أيار من العام نفسه قُتل ...", ", and in May, gunmen ..."
_NEW_MONTH_RE = re.compile(r"\s*(?:[وف](?:في|خلال)\s+(?:شهر\s+)?(?:كانون|شباط|آذار|اذار|نيسان|أيار|ايار|حزيران|تموز|آب|"
                           r"اب|أيلول|ايلول|تشرين|يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|"
                           r"أكتوبر|اكتوبر|نوفمبر|ديسمبر)|and\s+in\s+(?:January|February|March|April|May|June|July|"
                           r"August|September|October|November|December))\b")
#: what a protest's cause can be: an act with a place of its own (not "رفضاً للتسوية", a settlement refused)
_CAUSE_EVENTS = frozenset(("arrests", "abduction", "killing", "attack", "attack_civilians", "shelling", "air_strike",
                           "bombardment", "ied", "armed_clash", "looting", "siege", "incursion"))


#: an assault told with the fire that went with it ("ترافق مع قصف", "amid heavy shelling"): two acts, not one
_ALONG_WITH_RE = re.compile(r"(?:^|\s)(?:ترافق|ترافقا|تزامن|تزامنا|بالتزامن|وسط|amid|accompanied|coinciding|alongside|"
                            r"under\s+cover)(?=\s)")
#: a protest word that introduces the cause (normalised trigger text): "to protest", "in protest", "احتجاجا"
_PROTEST_PURPOSE_RE = re.compile(r"protest(?:ing)?|احتجاجا|تنديدا")
#: the words before a protest's cause, ending right before it (normalised: "احتجاجا علي اعتقال")
_CAUSE_BEFORE_RE = re.compile(r"(?:" + PROTEST_CAUSE_WORDS + r"|استنكارا|against|denouncing|condemning)"
                              r"\s(?:علي\s|[بل])?(?:the\s)?(?:\S+\s){0,5}?(?:و?[بل]?ال|لل|و)?$")
# (the trigger may follow its article, glued to a preposition: "تنديداً بالغارات", "استنكاراً لعمليات الاغتيال"; or
# "و" as the second of the causes: "منددة بالاغتيالات والاعتقالات")


def _subordinate_scope(hit: TriggerHit, subs: tuple[list[TriggerHit], list[TriggerHit]],
                       use: list[_Located]) -> list[_Located]:
    """A trigger right after "after"/"بعد" opens a clause of its own: its places are those after it, and the
    trigger before it keeps those before ("cut the road linking A and B after capturing the base at C"). So does
    a protest's cause ("protested in X against the arrest of a teacher in Y"), which is no event of the
    protest's place: without a place of its own it is none ("احتجاجاً على اعتقال شاب"), nor is a truce that
    only dates the act ("shelled X shortly after the truce began")."""
    causes, every = subs
    if hit in every:
        own = [l for l in use if l.mention.start >= hit.end]
        if not own and hit in causes:
            return []
    else:
        cut = min((h.start for h in every if h.start > hit.start), default=None)
        own = [l for l in use if cut is None or l.mention.start < cut]
    return own or use


def _may_give_cause(s: str) -> bool:
    """False when ``fatalities.PROTEST_CAUSE_CUT_RE`` cannot match ``s`` (most clauses; the scan is tried from every
    position)."""
    return "rotest" in s or "احتجاج" in s or "تنديد" in s or "رفض" in s or "مطالب" in s or "demanding" in s or \
        "calling for" in s


#: "..., days after an air strike killed two near Y": another event, days apart, begins after the comma
_DAYS_APART_RE = re.compile(
    r"\s*(?:(?:a|one|two|three|four|five|several|few|\d+)\s+)?(?:hours?|days?|weeks?|months?)\s+(?:after|before)\s"
    r"|\s*[وف]?(?:بعد|قبل)\s+(?:ساعات|ساعة|ساعتين|أيام|يوم|يومين|أسبوع|أسبوعين|أسابيع|شهر|أشهر)\s+(?:من|على)\s"
    r"|\s*[وف]?غداة\s", re.I)
#: the same with a count of days or weeks, on normalised text
_DAYS_APART = (
    r"(?:(?P<n>a|one|two|three|four|five|six|seven|\d{1,2})\s+(?P<u>days?|weeks?)\s+(?P<d>after|before|earlier|later)\s"
    r"|(?P<hn>24|48|72)\s+hours\s+(?P<hd>after|before|earlier|later)\s"   # "24 hours after it seized X": a day
    r"|[وف]?(?P<ard>بعد|قبل)\s+(?P<aru>يوم|يومين|اسبوع|اسبوعين|(?P<arn>ثلاثه|اربعه|خمسه|\d)\s+ايام)\s+(?:واحد\s+)?"
    r"(?:من|علي)\s|[وف]?(?P<eve>غداه)\s"
    # "the next day", "وفي اليوم التالي": the day after the one the story gave last; "the day before": before it
    r"|(?:on\s+)?the\s+(?:(?P<next>next|following)|(?P<prev>previous))\s+(?:day|morning|evening|night|afternoon)\b"
    r"|(?:on\s+)?the\s+(?P<prev2>day|night|evening)\s+before\s(?!yesterday)"
    r"|[وف]?(?:في\s)?(?:(?:صباح|مسا|ليل|فجر)\s)?اليوم\s(?:(?P<arnext>التالي|الموالي)|(?P<arprev>السابق))(?!\S))")
_DAYS_APART_N_RE = re.compile(r"\s*(?:(?:but|and|then|لكن|ولكن)\s+)?" + _DAYS_APART)   # ("..., but the next day")
#: "the following day", "the day before", "في اليوم التالي" told after the act, ending its clause; and a count of days
#: after the day told before ("captured X on June 26 and Y two days later", "ثم على بلدة Y بعد يومين")
#: the days of the Arabic counts of days after another day ("بعد يومين"), normalised
_AR_DAY_COUNTS = {"يوم واحد": 1, "يومين": 2, "ثلاثه ايام": 3, "اربعه ايام": 4, "خمسه ايام": 5, "اسبوع": 7}
#: a count of days after the day told before, in English and in Arabic (read by :func:`_days_later`)
_EN_DAYS_LATER = r"(?P<cnt>a|one|two|three|four|five|six|seven|\d)\s(?P<cu>days?|weeks?)\slater"
_AR_DAYS_LATER = r"(?:ثم\s)?بعد\s(?P<arcnt>" + "|".join(k.replace(" ", r"\s") for k in _AR_DAY_COUNTS) + ")"
_DAY_AFTER_RE = re.compile(r"\s(?:on\s)?(?:the\s(?:(?:(?P<next>next|following)|previous)\s(?:day|morning|evening|night)|"
                           r"(?:day|night)\sbefore)|" + _EN_DAYS_LATER + r")(?:\s*$|\s(?:\S+\s){0,4}?(?:said|says|told|reported)\b|"
                           # "a bomb exploded the next day outside a mosque in X": where, right after it
                           r"\s(?=(?:outside|inside|in|near|at|close\sto)\s))"
                           r"|\s(?:في\s)?اليوم\s(?:(?P<arnext>التالي)|السابق)\s*$"
                           r"|\s" + _AR_DAYS_LATER + r"\s*$")
#: the same count right after one place of a list: that place's day ("took X on June 26 and Y two days later")
_PLACE_DAYS_LATER_RE = re.compile(r"\s(?:" + _EN_DAYS_LATER + "|" + _AR_DAYS_LATER + r")(?!\s(?:من|علي)\s)(?!\S)")
_DAY_AFTER_GATE = gate(_DAY_AFTER_RE)
#: the same inside a clause, before its trigger ("X on Sunday, a day after thousands protested there"): where it starts
_DAYS_APART_MID_RE = re.compile(r"\s(?=" + _DAYS_APART + ")")
_COUNT_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def _days_later(m: re.Match[str]) -> int:
    """The days a count of :data:`_DAY_AFTER_RE` or :data:`_PLACE_DAYS_LATER_RE` gives ("two days later", "بعد يومين")."""
    if m.group("arcnt"):
        return _AR_DAY_COUNTS[re.sub(r"\s+", " ", m.group("arcnt"))]
    n = int(m.group("cnt")) if m.group("cnt").isdigit() else _COUNT_WORDS[m.group("cnt")]
    return n * (7 if m.group("cu").startswith("week") else 1)


_NOUN_OF_RE = re.compile(r"\b(city|town|village)\s+of\s+(?:the\s+)?$", re.I)
_TOWN_KINDS = {"city", "town", "village", "neighbourhood"}
#: a quarter's noun after its bare name ("the X neighbourhood"; "حي X" has it first, in the mention)
_QUARTER_NOUN_AFTER_RE = re.compile(r"\s+(?:" + "|".join(sorted(QUARTER_NOUNS_EN)) + r")\b", re.IGNORECASE)
#: a death in custody (normalised): the prison is where it happened, not the dead man's home town
_IN_CUSTODY_RE = re.compile(r"(?:تحت|بسبب|جراء|نتيجه|اثر)\sالتعذيب|(?:مراكز|مركز|سجون|سجن|اقبيه|معتقلات)\s(?:ال)?(?:احتجاز|اعتقال|"
                            r"النظام|المخابرات|الامن)|\b(?:under|from|after)\s+torture\b|\bin\s+(?:custody|detention)\b")
#: a force's units named by a pronoun ("دخلت وحداته", "its troops"): the force is one named before
_OWN_UNITS_RE = re.compile(r"(?:^|\s)[وف]?(?:وحدات|قوات|مقاتلي|عناصر|جنود)(?:ه|ها|هم)(?=\s|$)|\b(?:its|their) (?:troops|units|forces|fighters)\b")
#: "outside" before a trigger's noun (normalised): "بقيت X خارج السيطرة", "remained outside the deal"
_OUTSIDE = frozenset(("خارج", "outside"))
#: words of taking part in a fight told elsewhere (normalised): the fighters' home town is where they came from
_TOOK_PART = frozenset(normalize_ar(w) for w in """شارك شاركت شاركوا يشارك تشارك يشاركون مشاركه بمشاركه ساند ساندت
ساندوا مسانده بمسانده انضم انضمت انضموا joined join joining participated participating""".split())
#: a bare armed force as the subject right before a move ("tanks moved into X", "troops entered X"; normalised)
_BARE_FORCE_RE = re.compile(r"(?:^|[\s,])(?:the\s)?(?:troops|tanks|soldiers|forces|armou?red\svehicles|military\s"
                            r"vehicles|army\sunits)\s(?:(?:had|have|has|also|then|later|were|was|again)\s)?$")
#: the same in Arabic, a bare force right after the verb ("دخلت القوات بلدة X", "توغلت قوة مؤللة في"; normalised)
_BARE_FORCE_AFTER_RE = re.compile(r"\s(?:ال)?(?:قوات|قوه|وحدات|دبابات|اليات|جنود|ارتال|رتل)(?=\s|$)(?!\s(?:من|ل|الي|علي)\s)")
#: a body of troops the trigger names, said to be military ("وصلت تعزيزات عسكرية إلى X", "military reinforcements"):
#: armed by its own words, whoever sent it
_MILITARY_BODY_RE = re.compile(r"(?:تعزيزات|ارتال|رتل|حشود)\s(?:ال)?عسكري|military\s(?:reinforcements?|convoys?)\b")
#: the moves a bare force can make: its side is the force the report names (the first state's force, else the army)
_BARE_FORCE_LABELS = frozenset(("territory_entered", "troop_movement", "advance", "withdrawal", "siege"))
#: acts that kill no one when a violent act is told beside them: the toll is that act's ("killing two members of
#: the cell and arresting three others": the arrests took no lives)
_NO_TOLL = frozenset(("arrests", "troop_movement", "base_established", "agreement", "settlement_entry", "evacuation",
                      "weapons_handover", "withdrawal", "flag_raised", "cache_found", "combing", "protest", "sirens",
                      "looting", "group_change", "supply_cut"))
#: events whose destination ("to X", "نحو X") is not their place: people and arms leaving, forces withdrawing
_TO_ELSEWHERE = frozenset(("evacuation", "weapons_handover", "withdrawal"))
#: a site named after a place lies within this distance of the town the text puts it in, or the name is another's
_SITE_IN_TOWN_KM = 5.0
#: a town's parts named by an anaphor, as a target ("on areas in the city", "أحياء المدينة")
_AREAS_OF_ANAPHOR_RE = re.compile(r"\b(?:areas|parts|neighbou?rhoods|districts|quarters) (?:in|of) the (?P<en>city|town)\b"
                                  r"|(?:^|\s)[وفب]?(?:احيا|مناطق|انحا|اطراف)\s(?:في\s)?(?:ال)(?P<ar>مدينه|بلده)(?=\s|$)")

_CLAUSE_PUNCT_RE = re.compile(r"[,،;؛]")
_AREA_TAIL_RE = re.compile(r"\s+(?:area|region)$", re.I)
#: "after" or "before" right before a trigger: a clause of its own ("... after capturing X", "بعد سيطرتها على X")
_AFTER_WORD_RE = re.compile(r"(?:^|\s)(?:after|before|upon|[وف]?(?:بعد|قبل|عقب|اثر))\s(?:the\s|a\s)?$")
#: "after" a few words before a deal ("shortly after the truce", "بعد ساعات من دخول الهدنة"): the time of another act
_AFTER_NEAR_RE = re.compile(r"(?:^|\s)(?:after|[وف]?(?:بعد|عقب))\s(?:\S+\s){0,3}(?:ال)?$")
#: the words of :data:`_AFTER_WORD_RE`, :data:`_AFTER_NEAR_RE` and :data:`_DAYS_APART_MID_RE`, found once a report (as
#: plain substrings: a superset of where the patterns can match): a clause without one has no trigger after "after" and
#: no count of days inside it
_AFTER_WORDS = ("after ", "before ", "upon ", "next ", "following ", "previous ", "بعد ", "قبل ", "عقب ", "اثر ",
                "اليوم التالي", "اليوم الموالي", "اليوم السابق")

#: a side adjective right after a name (normalised): "X الجنوبي", the southern X
_SIDE_AFTER_RE = re.compile(r" (?:ال)?(شمالي|جنوبي|شرقي|غربي)(?:ه)?(?=\s|$|[،,.])")
#: a side and its opposite, both ways: the English side a name must not carry for the Arabic side the text writes
#: ("X الجنوبي" is no "X ash Shamali"), and back to the text's own side
_SIDE_OPPOSITE = {"شمالي": "south", "جنوبي": "north", "شرقي": "west", "غربي": "east",
                  "south": "north", "north": "south", "west": "east", "east": "west"}
_SIDE_WORDS_EN = {"north": re.compile(r"\b(?:Shamali|North)"), "south": re.compile(r"\b(?:Janubi|Janoubi|Jinubi|South)"),
                  "east": re.compile(r"\b(?:Sharqi|East)"), "west": re.compile(r"\b(?:Gharbi|West)")}
#: how far the twin of a village the gazetteer has may lie from it (km)
_TWIN_KM = 5.0
_RES_FACTOR = {"resolved": 1.0, "ambiguous": 0.8, "approximate": 0.65, "unresolved": 0.55}


@dataclass(slots=True)
class _Clause:
    span: Span
    sent: Span
    lo: int   # normalised offsets
    hi: int
    sent_lo: int
    sent_hi: int
    index: int
    sent_index: int = 0
    paragraph: int = 0
    dating: ClauseSpan | None = None   # the clause as date attribution reads it (made once, asked per event)


def _named_again(m: Mention, loc: _Located, located: dict) -> Mention:
    """A copy of a town's mention that an anaphor names again ("في القرية"): no longer a reference, located where
    ``m`` is."""
    town = copy.copy(m)
    town.reference, town.notes = False, [*m.notes, "named again by its noun"]
    loc.mention = town
    located[(town.start, town.end)] = loc
    return town


@dataclass(slots=True)
class _Located:
    mention: Mention
    result: LookupResult | None = None
    place: Place | None = None
    resolution: Resolution = "unresolved"
    lat: float | None = None
    lon: float | None = None
    geo_precision: int = 3
    note: str = ""
    uncertainty_km: float = 0.0
    alternatives: tuple[dict[str, Any], ...] = ()
    admin: Place | None = None
    extra: dict[str, Any] = field(default_factory=dict)


#: sides that do not fight: violence against them is violence against civilians
_UNARMED = frozenset({A.CIV, A.PROTESTERS})
#: words of people harmed (normalised text): between a force and a bomb, they make the force its target
_HARMED_RE = re.compile(r"\b(?:killed|wounded|injured|died|dead)\b|(?<!\w)(?:[وف]?(?:قتل|اصيب|جرح|لقي|مقتل|اصابة|اصابه|"
                        r"جرحي|قتلي)\w*)")
#: plural and definite place nouns an adjective "المحررة" (freed) describes
#: (after a preposition or a verbal noun: "تمشيط المناطق المحررة", "باتجاه الأحياء المحررة"; "المناطق المحررة
#: هي X، Y" lists the places just taken)
_FREED_AREAS_AR_RE = re.compile(r"(?:^|\s)[وفبل]?(?:في|الي|نحو|باتجاه|اتجاه|من|داخل|تمشيط|عن|علي|ضمن|بين)\s(?:" +
                                "|".join(normalize_ar(w) for w in (
    "المناطق", "القرى", "البلدات", "الأراضي", "المدن", "الأحياء", "البلدة", "القرية", "المدينة", "المنطقة", "التلال"))
    + r")\sال$")
_FREED_AREAS_EN_RE = re.compile(r"liberated\s+(?:areas|villages|towns|regions|neighbou?rhoods|parts|territories|"
                                r"districts|lands)\b(?!\s+(?:of|are|include|were)\b|\s*:)")
_SETTLED_PEOPLE_EN_RE = re.compile(r"[\"'”’]?\s*(?:factions?|fighters|members|groups?|committees?|cent(?:er|re)s?|"
                                   r"cards?|brigades?|militias?)\b")
#: (a governorate's name, which is also its capital's, without "city" does not outweigh a village's name)
_CITY_CUES = frozenset(("city", "مدينه", "بمدينه", "لمدينه", "ومدينه"))
#: a post right after an entry ("stormed a government checkpoint", "اقتحمت حاجزاً لقوات النظام"): an attack on it
_INTO_POST_RE = re.compile(r"\s+(?:(?:a|an|the|two|three|several)\s+)?(?:(?:government|regime|army|military|rebel|"
                           r"security|police)\s+)?(?:checkpoints?|posts?|outposts?|barracks|positions?)\b"
                           r"|\s+(?:ال)?(?:حاجز|حاجزا|حواجز|نقطه|نقاط|مخفر|مفرزه|ثكنه)(?!\S)")
#: a building right after an entry ("stormed a house", "اقتحموا منزل"): a raid's way in, not a place entered
_INTO_BUILDING_RE = re.compile(
    r"\s+(?:(?:a|an|the|their|his|her|its|one|two)\s+)?(?:\S+\s+)?(?:house|home|homes|houses|building|shop|store|farm|"
    r"mosque|school|hospital|clinic|office|pharmacy|bakery|restaurant|cafe)\b"
    r"|(?:\s+\S+){0,3}?\s+(?:" + "|".join(normalize_ar(w) for w in ("منزل", "منازل", "بيت", "بيوت", "محل", "محال", "مزرعة", "مسجد",
                                                    "مدرسة", "مشفى", "مستشفى", "مبنى", "عيادة", "صيدلية", "فرن",
                                                    "مكتب", "مطعم", "مقهى")) + r")(?:ا|ين)?(?!\S)")
#: a patrol named in a clause that says what the patrol did, or what hit it, is no movement of its own ("a patrol
#: arrested five men", "an IED hit a patrol")
_PATROL_RE = re.compile(r"[وف]?(?:ال)?دوري(?:ه|ات|تان|تين)|patrol(?:s|led|ling)?")
_PATROL_DOERS = frozenset(("arrests", "abduction", "attack", "armed_clash", "attack_civilians", "killing", "looting",
                           "ied", "shelling", "air_strike", "grenade", "suicide_bomb"))
#: a targeting with small arms is gunfire, not shelling ("استهداف حاجز بالأسلحة الرشاشة", "targeted with gunfire")
_SMALL_ARMS_RE = re.compile(r"(?<!\w)[وب]?(?:ال)?(?:اسلحه\s(?:ال)?(?:رشاشه|خفيفه)|رصاص|قنص|قناص)(?!\w)"
                            r"|\b(?:gunfire|small arms|sniper|bullets|light weapons|rifles?)\b")
#: machine guns a targeting is made with ("استهدف ... بالرشاشات الثقيلة مهربين"; not a vehicle that carries one,
#: "سيارة مزودة برشاش"): gunfire when the trigger is a targeting (a "قصف بالرشاشات" stays shelling)
_MACHINE_GUNS_RE = re.compile(r"(?<!مزوده\s)(?<!مزود\s)(?<!\w)[وب]?(?:ال)?رشاش(?:ات)?(?!\w)|\bmachine[- ]?guns?\b")
#: gunmen (normalised text; not "المسلحين", the official agency's word for the rebels it shells): their bare
#: "targeting" is an attack
_GUNMEN_RE = re.compile(r"(?<!\w)[وف]?(?:مسلح(?:ون|ين)|مجهول(?:ون|ين))(?!\w)|\b(?:gunm[ae]n|assailants?)\b")
#: missiles and rockets (normalised trigger text): the aircraft's when the clause names one
_MISSILE_RE = re.compile(r"[وب]?(?:ال)?(?:صاروخ|صاروخين|صاروخان|صواريخ)|(?:rockets?|missiles?)")
#: strikes carried out, their means unnamed (an air strike unless the clause names guns)
_CARRIED_OUT_STRIKES_RE = re.compile(r"(?:carried|conducted|launched|carries|conducts|launches)\s")
#: the sound of a blast, right before it ("دوي انفجارات", "the sound of explosions", "heard explosions")
_HEARD_RE = re.compile(r"(?:^|\s)(?:دوي|اصوات|صوت)\s$|\b(?:sound|sounds) of\s$|\bheard\s(?:\w+\s)?$")
#: acts that say what gunmen named by the bare word did (their name is then no attack of its own)
_GUNMEN_DOERS = frozenset(("looting", "arrests", "supply_cut"))
#: the words of an attack's means before its weapons (normalised): "بالأسلحة الرشاشة والقذائف"، "مستخدمين عربات
#: مفخخة"، "using car bombs"
_MEANS_RE = re.compile(r"(?:^|\s)(?:[وف]?ب(?:ال)?(?:اسلحه|سلاح|رشاش\S*|عربات|عربه|سيارات|سياره|مفخخ\S*)|مستخدم\S*|"
                       r"باستخدام|using)(?:\s|$)")   # (not "بقذائف المدفعية": an attack with artillery is shelling)
#: the plural noun of a list of quarters (normalised): "أحياء X وY"
_QUARTERS_CUES = frozenset(("احيا", "الاحيا", "حيي"))
#: a town put first in its sentence, before a comma ("وفي مدينة درعا، ...", "In Daraa city, ...")
_FRONTED_TOWN_RE = re.compile(r"\W*(?:[وف]?في\s+(?:مدينة|بلدة|قرية)\s+(?P<town>[^\s،,]+(?:\s[^\s،,]+)?)|In\s+(?:the\s+"
                              r"(?:city|town|village)\s+of\s+)?(?P<en>[A-Z][\w'-]+(?:\s[A-Z][\w'-]+)?)(?:\s+city)?)\s*[،,]")
#: a hill named after the village beside it ("تل مسحرة", "Tal al-Hara"): a place of its own at the village's point
_HILL_NAME_RE = re.compile(r"(?:تل|تلة|Tal|Tel|Tall|Tell)\s", re.I)
#: the words that make a name the governorate's, not its capital's
_ADMIN_WORD_RE = re.compile(r"ريف|محافظ|province|governorate|countryside", re.I)
#: the goal of an entry, right before its place ("... إلى مدينة X", "... into the town of X")
_INTO_GOAL_RE = re.compile(r"(?:^|\s)(?:الي|نحو)\s(?:(?:مدينه|بلده|قريه|حي|احياء|بلدات|قري)\s)?$"
                           r"|\binto\s(?:the\s)?(?:(?:city|town|village|neighbou?rhood)\s(?:of\s)?)?$")
#: "عناصر من ...", "members of the ...": the people of a force, right before its name
_PARTITIVE_RE = re.compile(r"(?:(?<!\w)من|\bof(?: the)?)\s$")


def _one_protest_event(out: list[Event]) -> list[Event]:
    """A clause's events without the protest (peaceful, or broken up) at a place where the same clause tells
    force used on the protesters: "أطلقت قوات الأمن الرصاص الحي والغاز المسيل لتفريق المتظاهرين" is one event of
    excessive force (the attack became it after the labels absorbed each other)."""
    forced = {e.location for e in out if e.sub_event_type == "Excessive force against protesters"}
    if not forced:
        return out
    return [e for e in out if e.location not in forced
            or e.sub_event_type not in ("Protest with intervention", "Peaceful protest")]


def _outside_sites(hits: list[TriggerHit], ms: list[Mention]) -> list[TriggerHit]:
    """The triggers that are not words of a site's name ("سرية المدفعية", "كتيبة الصواريخ": a post named by its
    weapon; "مدرسة الشهيد X", "دوار الشهداء": a school or a square named after the dead)."""
    sites = [(m.start, m.end, m.site in _UNIT_SITES) for m in ms if m.site]
    if not sites:
        return hits
    return [h for h in hits if not any(a <= h.start and h.end <= b and (
        h.label == "killing" or unit and h.label in _WEAPON_LABELS) for a, b, unit in sites)]


#: the sites a unit names, and the labels of the weapons it may be named by ("سرية المدفعية", "كتيبة الصواريخ")
_UNIT_SITES = frozenset(("company", "battalion", "regiment", "brigade"))
_WEAPON_LABELS = frozenset(("shelling", "air_strike", "bombardment"))


def _new_subject_ar(words: list[str]) -> bool:
    """After a comma, a verb with "و" (or "حيث" and a verb) and its own doer before a trigger a few words on: "،
    وألقت المروحيات أكثر من عشرين برميلاً", "، حيث ألقت المروحيات ..." (not "، وبلدة X وقرية Y بقذائف": the list
    going on)."""
    if words[0] == "حيث":
        return len(words) > 2 and normalize_ar(words[2]) in _DOERS_AR
    return normalize_ar(words[1]) in _DOERS_AR and normalize_ar(words[0][1:]) not in _DEST_NOUNS


#: doers named right after a verb (normalised): "، وألقت المروحيات ..."
_DOERS_AR = frozenset(normalize_ar(w) for w in (
    "المروحيات", "الطائرات", "الطيران", "المقاتلات", "القوات", "قوات", "الفصائل", "فصائل", "الجيش", "وحدات",
    "عناصر", "مسلحون", "مسلحين", "مجهولون", "الثوار", "المعارضة", "الطائرة", "المروحية", "طائرات", "مروحيات"))


def _held(h: TriggerHit, norm: str) -> bool:
    """A control verb in the present with what is held after it ("ويسيطر التنظيم على بلدات X وY") that
    :func:`_kept_out` found no act: who holds what, whose places are no other act's of the clause ("تشكل العام الماضي
    من اندماج ثلاثة ألوية، ويسيطر على بلدات X وY": the merger was not in X or Y; not "معركة للسيطرة على أحياء تسيطر
    عليها القوات في مدينة X", where the held quarters are the battle's)."""
    return h.label == "territory_taken" and h.text.startswith(("يسيطر", "تسيطر")) and \
        not {"على", "علي"}.isdisjoint(norm[h.end:h.end + 40].split()[:3])


def _not_of_acts_not_done(ms: list[Mention], hits: list[TriggerHit], neg: list[TriggerHit]) -> list[Mention]:
    """``ms`` without the places told after an act not done that follows the clause's first act, with no act done
    after them ("توغلت قوة في قرية X، ويخشى الأهالي من توسع التوغل ليشمل قرية Y": Y is where it is feared, not where
    it went; not "... will be evacuated from X on buses", where the buses are the act)."""
    first = min(h.start for h in hits)
    late = [h for h in neg if h.start > first]
    if not late:
        return ms
    out = []
    for m in ms:
        last = max((h for h in (*hits, *neg) if h.end <= m.start), key=lambda h: h.start, default=None)
        if last is None or last not in late or any(h.start >= m.end for h in hits):
            out.append(m)
    return out


def _words_before(norm: str, i: int, lo: int, n: int, reach: int = 40) -> list[str]:
    """The last ``n`` whole words within ``reach`` characters before ``i`` (not before ``lo``): a word the reach cuts
    is left out ("الأردنية" cut to "نيه" is no "نية"), as is a prefix glued to ``i``'s word."""
    start = max(lo, i - reach)
    seg = norm[start:i]
    ws = seg.split()
    if seg and not seg.endswith(" ") and ws:
        ws = ws[:-1]
    if ws and start > lo and norm[start - 1] != " " and not seg.startswith(" "):
        ws = ws[1:]
    return ws[-n:]


#: the words before a trigger that make it announced, expected or planned, not an event
_FUTURE_TAIL_RE = re.compile(r"(?:^|\s)(?:من المتوقع|من المقرر|من المرتقب|is expected to|are expected to|"
                             r"is set to|are set to|plans to|plan to|is likely to)\s*$|"
                             r"(?:^|\s)(?:علي|على) ان [تي]\S+(?:\s\S+)?$|(?:^|\s)الحديث عن|"
                             # a goal named: "الهدف المقبل هو السيطرة على X", "the next target is to take X"
                             r"(?:^|\s)ال(?:هدف|خطوه)(?:\sال(?:مقبل|قادم|تالي|مقبله|قادمه|تاليه))?\s(?:هو|هي|سيكون|ستكون)"
                             r"(?:\sال)?\s*$|\bnext (?:target|goal|step) (?:is|will be)(?: to)?\s*$|"
                             # a purpose: "pressed an offensive to retake the southwest", "بهدف السيطرة على"
                             r"(?:^|\s)(?:offensive|campaign|push|bid|drive|efforts?|aims?|aiming|seeks?|seeking|"
                             r"vowed|threatened|threatening|preparing|prepares|ready) to\s*$|"
                             r"(?:^|\s)(?:بهدف|سعيا|تمهيدا|يسعي|تسعي|يهدف|تهدف|يستعد|تستعد|تحضيرا|استعدادا)"
                             r"(?:\s(?:ل|ل?ال)?(?:شن|بدء|بدايه|اطلاق|تنفيذ|عمليه|عمل))?\s*$|"
                             # what is made ready for: "in preparation for a new offensive", "ahead of an expected
                             # assault"
                             r"(?:^|\s)(?:in preparation for|preparations for|ahead of|in anticipation of|prelude to|"
                             r"preparing for|prepare for|paving the way for)(?:\s(?:a|an|the|their|its))?"
                             r"(?:\s(?:new|fresh|possible|expected|anticipated|imminent|planned|likely|large-scale|"
                             r"major|wider|broad|military|ground|full-scale))*\s*$|"
                             # a demand in talks: "insisted on deploying checkpoints", "إصرار النظام على نشر حواجز"
                             r"(?:^|\s)(?:insist(?:ed|ing|s)? on|demand(?:ed|ing|s)?|conditioned on)(?:\s(?:the|a|an))?\s*$|"
                             # a call to act: "activists called for fresh protests on Friday", "urged a general strike"
                             r"(?:^|\s)(?:called|calls|calling|call|urged|urging) for(?:\s(?:a|an|the|more|new|fresh|further|"
                             r"mass|renewed|wider|nationwide|general))*\s*$|"
                             r"(?:^|\s)[وب]?(?:اصرار|اصر|اصرت|يصر|تصر|اشتراط|اشترط|اشترطت|يشترط|تشترط)(?:\s\S+){0,2}"
                             r"\s(?:علي|علي ان)\s*$")
_FUTURE_TAIL_GATE = gate(_FUTURE_TAIL_RE)
#: words of an explosive remnant of past fighting, near a shell's or a bomb's word (normalised text)
_REMNANT_RE = re.compile(r"\b(?:left\s?over|leftover|unexploded|remnants?\s+of|from\s+(?:past|previous|earlier|old)\s)"
                         r"|(?:^|\s)(?:من\s)?(?:مخلفات|بقايا)(?:\s|$)|غير\s(?:المنفجر|منفجر)")
_REMNANT_GATE = gate(_REMNANT_RE)
#: the article right before a trigger's word, with "و"/"ف" (normalised): "وتركز القصف", the act named again
_DEFINITE_BEFORE_RE = re.compile(r"(?:^|\s)[وف]?ال$")
#: a group formed, in a relative clause before a merger's word (normalised): how the group was formed, told of it
_RELATIVE_WORDS = frozenset(("الذي", "التي", "which", "that"))
_FORMED = frozenset(("تشكل", "تشكلت", "تاسس", "تاسست", "formed", "founded", "established", "created"))
#: a bomb as the subject of a bare "hit"/"struck"/"targeted" right after it (normalised): "a bomb hit a bus", "the
#: bomb struck" (not "barrel bombs", "bombs dropped by helicopters", "cluster bombs": the aircraft's)
_A_BOMB_DID_RE = re.compile(r"\b(?:a|the|another|second)\s+(?:(?:powerful|large|second|new)\s+)?bomb\s+(?:also\s+)?$")
#: the strikes told before, named again as the subject of a bare "targeted"/"hit"
_THE_STRIKES_RE = re.compile(r"\b(?:the|these|those|its|their)\s+(?:\w+\s+)?(?:strikes?|raids?)\b"
                             r"|\b(?:they|it)\s+(?:also\s+|later\s+|then\s+)?$")   # (and "they struck Y", the jets)
#: "since" before a taking or a deal: the time since it, not it ("منذ سيطرة", "منذ اتفاق التسوية")
_SINCE = frozenset(("منذ", "since"))
_SINCE_NOUNS = frozenset(("the", "its", "their", "اتفاق", "فرض", "بسط", "اعلان"))
#: a taking named by its noun (normalised), whose doer follows it in the construct state ("سيطرة الفصائل")
_TAKING_MASDAR = frozenset(("سيطره", "دخول", "تقدم", "اقتحام", "تحرير", "استعاده"))
#: the nouns of a taking right after "منذ", a few words before its trigger: "منذ استعادة القوات الحكومية السيطرة"
_TAKING_NOUNS = frozenset(("استعاده", "استعادت", "دخول", "تحرير", "بسط", "فرض", "سيطره"))
_SINCE_TIME = frozenset(("monday tuesday wednesday thursday friday saturday sunday yesterday morning dawn night noon "
                        "evening midnight days hours weeks months years day week month year january february march "
                        "april may june july august september october november december early late").split())


def _called_or_outside(prev: list[str]) -> bool:
    """The words before a trigger (normalised, "و" cut) say it is no act: "outside" it ("وبقيت X خارج السيطرة"، "خارج
    أي اتفاق", "outside government control": a state), its deadline ("بعد انتهاء مهل التسوية"), or a call for it ("دعت
    فعاليات أهلية في مدينة X إلى وقفة تضامنية", "activists called for a protest")."""
    if prev[-1] in _OUTSIDE or len(prev) > 1 and prev[-2] in _OUTSIDE and prev[-1] in ("اي", "any", "the"):
        return True
    if prev[-1] in ("مهله", "مهل"):
        return True
    return (prev[-1] in ("الي", "for") or len(prev) > 1 and prev[-2] == "for" and prev[-1] in ("a", "an", "the")) and \
        not _CALLED.isdisjoint(prev[-8:])


def _since_they(prev: list[str]) -> bool:
    """"since the army retook", "since government forces took": "since" and the doer, no time between."""
    if "since" not in prev[-4:]:
        return False
    k = next((k for k in range(len(prev) - 1, max(-1, len(prev) - 5), -1) if prev[k] == "since"), None)
    return k is not None and not any(w in _SINCE_TIME or w[:1].isdigit() or w in ("when", "after") for w in prev[k + 1:])


#: the labels :meth:`_Extractor._framed` has words about
_FRAMED = frozenset(("settlement_entry", "agreement", "troop_movement", "territory_taken", "territory_entered", "arrests"))
#: many of an act, over a span that runs until now: a tally, not an event
_MANY = frozenset(("dozens", "scores", "hundreds", "thousand", "thousands", "عشرات", "العشرات", "مئات", "المئات", "الف",
                   "الاف"))
_SINCE_RE = re.compile(r"(?:^|\s)(?:since|so far|و?منذ|حتي الان)(?=\s)")
#: the war's own start, told as a time (normalised): its clause tells the war's story, not the day's events
_WAR_BEGAN_RE = re.compile(r"\bsince\s+the\s+(?:syrian\s+)?(?:conflict|war|uprising|revolution|crisis)\s+"
                           r"(?:began|started|erupted|broke\s+out)\b"
                           r"|(?:^|\s)منذ\s(?:بدايه|بدء|اندلاع|انطلاق)\s(?:ال)?(?:ثوره|حرب|ازمه|احداث|نزاع)")
_WAR_BEGAN_GATE = gate(_WAR_BEGAN_RE)
#: a force's standing in the present tense (normalised): where it is, not where it went that day
_STANDING_AR = ("ينتشر", "تنتشر", "يتمركز", "تتمركز", "يتواجد", "تتواجد", "يتحصن", "تتحصن")
#: "was" before a verb of the present (normalised, "و" cut): a habit or a state of the past
_WAS = frozenset(("كانت", "كان", "كانوا"))
#: acts' verbs in the present (normalised; not a noun of the same letters, "تفجير", "تمشيط")
_PRESENT_ACTS = ("تسيطر", "يسيطر", "تقصف", "يقصف", "تستهدف", "يستهدف", "تشن", "يشن", "تهاجم", "يهاجم", "تحاصر",
                 "يحاصر", "تعتقل", "يعتقل", "تداهم", "يداهم") + _STANDING_AR
#: gangs and cells named by the acts they do (normalised): "عصابات الخطف", "خلايا الاغتيال"
_GANGS_OF = frozenset(("عصابات", "عصابه", "خلايا", "خليه", "شبكات", "شبكه"))
#: superlatives that measure an act against the whole war ("the biggest gain since the war began", "الأعنف منذ")
_SUPERLATIVE = frozenset(normalize_ar(w) for w in SUPERLATIVES_EN + SUPERLATIVES_AR)
#: a call, a few words before "إلى"/"for" and the act called for (normalised)
_CALLED = frozenset(("دعت", "دعا", "دعوا", "يدعو", "تدعو", "يدعون", "داعيا", "داعيه", "دعوه", "دعوات", "called", "calls",
                     "calling", "call"))
#: threats and demands right before what they ask for (normalised): "يهدد ناشطون بتنظيم وقفات", "طالبت اللجنة بتسليم
#: السلاح" (not further back: "خرج المئات في مظاهرة طالبوا فيها بإسقاط النظام، وأطلقت قوات الأمن الرصاص"; not
#: "طالب", a student)
_DEMANDED = frozenset(("يهدد", "تهدد", "هدد", "هددت", "يهددون", "طالبت", "يطالب", "تطالب", "طالبوا", "يطالبون",
                       "لوح", "لوحت", "يلوح", "تلوح", "مطالبين", "مطالبه",
                       # the threat as a noun: "تحدثت مصادر عن تهديد الفرقة الرابعة باقتحام X"
                       "تهديد", "بتهديد", "تهديدات", "تهديدها", "تهديده", "توعد", "توعدت", "متوعدا",
                       "threaten", "threatening", "demanded", "demanding", "demand", "urged", "calling"))
#: the words right before a strike's target (normalised)
_STRUCK_AT = frozenset(("علي", "استهدف", "استهدفت", "استهدفوا", "قصف", "قصفت", "ضرب", "ضربت", "struck",
                        "hit", "targeted", "bombed", "on"))
#: a demand's word right before "that" ("renewed demands that fighters in X hand over their weapons")
_DEMAND_THAT = frozenset(w for w in _DEMANDED if w.isascii()) | {"demands", "calls", "called", "insisted", "insists"}
#: banners, slogans and chants: what they say is no act ("رفعوا لافتات كتب عليها أوقفوا الاغتيالات")
_SLOGAN = frozenset(("لافتات", "لافته", "شعارات", "شعار", "هتافات", "هتفوا", "رددوا", "يرددون", "كتب", "مكتوب",
                     "slogans", "banners", "placards", "chanting", "chanted", "chants", "reading"))


def _voiced(h: TriggerHit, prev: list[str], norm: str, lo: int) -> bool:
    """The trigger is what is rumoured, demanded or written on a banner, not an act: "Unconfirmed reports said troops
    were massing near X", "demands that fighters in X hand over their weapons", "لافتات كتب عليها أوقفوا
    الاغتيالات" (``norm[lo:h.start]``: the clause's words before the trigger, further back than ``prev``)."""
    if norm.find("unconfirmed", lo, h.start) >= 0 or norm.find("غير موكده", lo, h.start) >= 0:
        return True
    if any(w in _DEMAND_THAT and prev[i + 1:i + 2] == ["that"] for i, w in enumerate(prev[-8:], len(prev) - len(prev[-8:]))):
        return True
    return h.label not in ("protest", "protest_intervention", "protest_excessive") and not _SLOGAN.isdisjoint(prev[-5:])


def _everyday_word(m: Mention) -> bool:
    """An Arabic word of one word, with no place noun before it, that the gazetteer knows only as a far village:
    no place of the text ("حملة تمشيط واسعة في منطقة اللجاة": واسعة, a village of Deir ez-Zor) when its lookup
    finds nothing near."""
    return m.lang == "ar" and m.source == "gazetteer" and m.cue_kind != "noun" and " " not in m.name


#: spans of time before "على" and a deal (normalised): "بعد عامين على اتفاق التسوية"
_SPAN_OF_TIME = frozenset(("عام", "عامين", "اعوام", "سنه", "سنتين", "سنوات", "شهر", "شهرين", "اشهر", "ايام",
                           "اسبوع", "اسبوعين", "اسابيع"))
#: a footnote's citation line: its number in brackets, then a quoted title
_CITATION_RE = re.compile(r"\[\d{1,3}\]\s*[\"“«]")
_TOWN_NOUNS_EN = frozenset(("town", "city", "village", "area", "base", "hill", "crossing"))
#: a release told before an arrest in its clause: the arrest is the released man's past (normalised)
_RELEASED_RE = re.compile(r"(?:^|\s)[وف]?(?:افرج\S*|الافراج|بالافراج|اطلق\S*\s(?:\S+\s){0,3}?سراح|اطلاق\sسراح)(?=\s)|"
                          r"\b(?:released|freed|releasing|freeing|release\s+of)\b")
_RELEASED_GATE = gate(_RELEASED_RE)
#: a taking or an entry as a purpose, its verbal noun after "لـ" (normalised): "للسيطرة على", "لتحرير", "لاقتحام"
_PURPOSE_TAKE_RE = re.compile(r"لل?(?:سيطر|تحرير|استعاد|استرجاع|انتزاع|اقتحام|دخول)")
#: the words before a fight that make it the past a remnant is left from ("a mine left over from previous battles",
#: "لغم من مخلفات المعارك السابقة")
_REMNANT_OF_RE = re.compile(r"(?:\b(?:left\s?over\s+from|leftover\s+from|remnants?\s+of|from)\s+(?:the\s+)?"
                            r"(?:(?:past|previous|earlier|old|former)\s+)?|(?:^|\s)(?:مخلفات|بقايا)\s(?:ال)?)$")
#: people after "captured" (normalised): prisoners taken, not a place
_PEOPLE_TAKEN_RE = re.compile(r"\s+(?:(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|dozens of|"
                              r"scores of|many|some|the|their|its|his)\s+)?(?:\w+\s+)?(?:soldiers?|fighters?|members?|"
                              r"officers?|troops|men|elements|personnel|gunmen|militants|rebels|lieutenants?|colonels?|"
                              r"commanders?|civilians|hostages?|prisoners?|recruits|conscripts)\b")


def _report_id(text: str, norm: str) -> str:
    """:func:`report_id_for` ``(text)``, from the text normalised with offsets when that equals
    ``normalize_ar(text)`` stripped: the text is NFC already (``normalize_ar`` composes first) and has no
    capital sigma (lower-cased one character at a time it never becomes a final sigma). Both replace the
    same characters, drop the same ones and collapse white space (``\\s`` is ``str.isspace``) alike."""
    if "\u03a3" in text or not unicodedata.is_normalized("NFC", text):
        return report_id_for(text)
    return hashlib.sha256(norm.strip().encode("utf-8")).hexdigest()[:16]


class _Extractor:
    def __init__(self, text: str, published: date, source: str, url: str, title: str, lang: str, gazetteer) -> None:
        self.text = text
        self.pub = published
        self._pub_iso = published.isoformat()
        self.source = source
        self.url = url
        self.title = title
        self.g = gazetteer
        self.idx = index_for(gazetteer) if gazetteer is not None else None
        self.norm, self.offs = normalize_offsets(text)
        #: an offset into the text -> the offset into ``norm`` (asked for every sentence and clause boundary: a
        #: partial, not a method, saves a Python frame a call)
        self.o2n = partial(bisect.bisect_left, self.offs)
        self.lang = detect_language(text) if lang in ("", "auto", None) else lang
        self.report_id = _report_id(text, self.norm)
        self._lookup_cache: dict[tuple, LookupResult] = {}
        self._sent_ctx: dict[tuple[int, int], list[Place]] = {}
        self._city_cues: dict[tuple[int, int], bool] = {}
        self._date_memo: dict[tuple[int, int], tuple[str, int]] = {}
        #: where acts named as a time end ("منذ سيطرة المعارضة على"): the place right after is theirs
        self._time_anchors: list[int] = []
        self._date_starts: list[int] = []   # (the report's date mentions, by their start)
        #: the last day a count of days moved ("The next day, ..."): (paragraph, sentence, the day it moved from, to)
        self._moved_day: tuple[int, int, str, str] | None = None
        #: the day of the first act of each label in the last sentence that told one, and that sentence (an act named
        #: again with the article is that one)
        self._label_day: dict[str, tuple[int, str]] = {}
        self._qnames: dict[int, tuple[Mention, str]] = {}
        self._death: bool | None = None
        #: where the report's headline ends (0: none)
        self._head = _headline_end(text)
        #: every actor named in the report (set by ``run``)
        self._actors: list[A.ActorMention] = []
        #: a place that is the target of one trigger of its clause only: (its span) -> that trigger's start
        self._target_of: dict[tuple[int, int], int] = {}

    # -- offsets ---------------------------------------------------------------------------
    def n2o(self, a: int, b: int) -> tuple[int, int]:
        return orig_span(self.text, self.offs, a, b)

    # -- main ------------------------------------------------------------------------------
    def run(self) -> list[Event]:
        text, norm = self.text, self.norm
        triggers = self._triggers = find_triggers(norm, 0, len(norm), "auto")   # a report in one language quotes the other
        if not triggers:
            return []
        actors = self._actors = A.find_actors(norm)
        dates = _find_norm(norm, self.pub, text, self.offs)
        self._date_starts = [d[0] for d in dates]
        clauses: list[_Clause] = []
        para, prev_end = 0, 0
        for si, sent in enumerate(split_sentences(text)):
            if "\n" in text[prev_end:sent.start]:
                para += 1
            prev_end = sent.end
            slo, shi = self.o2n(sent.start), self.o2n(sent.end)
            for c in self._split_at_verbs(split_clauses(text, sent), triggers):
                k, lo, hi = len(clauses), self.o2n(c.start), self.o2n(c.end)
                clauses.append(_Clause(c, sent, lo, hi, slo, shi, k, si, para, ClauseSpan(k, lo, hi, slo, shi, para)))
        t_starts = [t.start for t in triggers]
        a_starts = [a.start for a in actors]
        # per clause: labels and mentions
        plans: list[tuple[_Clause, list[TriggerHit], list[Mention], list[A.ActorMention]]] = []
        sent_subject: dict[int, str] = {}
        for cl in clauses:
            ca = actors[bisect.bisect_left(a_starts, cl.lo):bisect.bisect_left(a_starts, cl.hi)]
            hits = triggers[bisect.bisect_left(t_starts, cl.lo):bisect.bisect_left(t_starts, cl.hi)]
            hits = [self._attempt_is_a_fight(h, cl) for h in hits if h.end <= cl.hi]
            flags = [self._negated(h, cl) for h in hits]
            neg = [h for h, f in zip(hits, flags) if f and (self._irrealis(h, cl) or _held(h, self.norm))]
            hits = [h for h, f in zip(hits, flags) if not f]
            if hits and self._no_events_told(cl):
                hits = []
            # an earlier clause of the same sentence may name the actor ("..., وحرر تل الجابية")
            self._carry[cl.index] = sent_subject.get(cl.sent_index, "")
            if hits:
                ms = find_mentions(text, norm, self.offs, self.idx, cl.lo, cl.hi, self.lang)
                if neg:
                    ms = _not_of_acts_not_done(ms, hits, neg)
                hits = _outside_sites(hits, ms)   # ("سرية المدفعية": a post named by its guns, no shelling)
                hits = self._not_names(hits, ms)   # ("the villages of Hit, Sahm al-Jawlan and ...": a village)
                if hits:
                    plans.append((cl, hits, ms, ca))
            subj = [a.actor for a in ca if a.role in ("subject", "agent") and a.actor not in (A.CIV, A.PROTESTERS, A.UNK)]
            if subj:
                sent_subject.setdefault(cl.sent_index, subj[0])
        self._clauses = clauses
        self._sent_subject = sent_subject
        self._dates = EventDates(self.pub, dates, [c.dating for c in clauses if c.dating is not None],
                                 {p[0].index for p in plans}, norm)
        # resolve places of all clauses with triggers (two passes: anchors, then with near)
        located: dict[tuple[int, int], _Located] = {}
        cand: list[tuple[_Clause, Mention]] = []
        for cl, hits, ms, ca in plans:
            ms = _lists_end_at_triggers(ms, hits)
            for m in ms:
                if self._keep_mention(m, hits, ca, cl, ms):
                    cand.append((cl, m))
        anchors = self._anchors = self._first_pass(cand)
        for cl, m in cand:
            located[(m.start, m.end)] = self._locate(cl, m, anchors)
        self._approximate(located, plans)
        plans = self._resolve_anaphora(plans, cand, located)
        events: list[Event] = []
        last: tuple[_Clause, int] | None = None   # the clause before and where its events start
        for cl, hits, ms, ca in plans:
            new = self._events_for_clause(cl, hits, ms, ca, located, dates)
            if not new and last is not None and last[0].sent_index == cl.sent_index and last[0].index + 1 == cl.index:
                self._toll_to_the_clause_before(cl, hits, events, last[1])
            last = (cl, len(events))
            events.extend(new)
            doers = [e.actor1 for e in new if e.actor1 and e.actor1 not in (A.PROTESTERS, A.CIV, A.UNK)]
            if doers:
                self._last_actor = (cl.sent_index, doers[0])
        return self._with_report_area(self._dedup(events))

    def _split_at_verbs(self, spans: list[Span], triggers: list[TriggerHit]) -> list[Span]:
        """A comma and "و"/"and" before a new trigger start a clause of their own: in "سيطر على A، ودارت
        اشتباكات في B" the capture is at A and the clashes at B, not both at both."""
        out: list[Span] = []
        t_starts = [t.start for t in triggers]   # (sorted: find_triggers returns them in order)
        for c in spans:
            lo, hi = self.o2n(c.start), self.o2n(c.end)
            start = c.start
            inside = triggers[bisect.bisect_left(t_starts, lo):bisect.bisect_left(t_starts, hi)]
            cause = len(inside) > 1 and _may_give_cause(self.text[c.start:c.end])
            head = self._head
            for h in inside:
                o = self.offs[h.start]
                days = self._two_days_cut(start, o, c.end)
                if not cause and not days and max(self.text.rfind("،", start, o), self.text.rfind(",", start, o)) <= \
                        start and o >= head:
                    continue   # (no comma and no cause: most triggers)
                cut = days or self._clause_cut(start, o, cause and h.label in _CAUSE_EVENTS)
                if cut is None:
                    continue
                a, b = cut
                if not any(start <= self.offs[t.start] < a for t in inside):
                    continue   # no event before the comma: one clause
                if not (self._names_a_place(self.o2n(b), hi) and self._names_a_place(self.o2n(start), self.o2n(a))):
                    continue   # "دخلت مدينة X، ورفعت العلم": the second verb happened at the first place
                out.append(Span(start, a))
                start = b
                while start < c.end and self.text[start].isspace():
                    start += 1
            out.append(Span(start, c.end))
        return out

    def _two_days_cut(self, start: int, o: int, end: int) -> tuple[int, int] | None:
        """"struck X on July 4 and hit Y the next day": "and" right before the trigger at ``o`` (offsets into the
        text), a date on each side of it in the clause (or a count of days after): two acts of two days, cut
        before "and"."""
        if self.text[o - 5:o].lower() != " and " or not self._date_starts:
            return None
        lo, mid, hi = self.o2n(start), self.o2n(o), self.o2n(end)
        k = bisect.bisect_left(self._date_starts, lo)
        if k >= len(self._date_starts) or self._date_starts[k] >= mid:
            return None
        k = bisect.bisect_left(self._date_starts, mid)
        if k < len(self._date_starts) and self._date_starts[k] < hi or _DAY_AFTER_RE.search(self.norm, mid, hi):
            return o - 5, o   # (or a count of days from the first: "... the next day")
        return None

    def _clause_cut(self, start: int, o: int, cause: bool = True) -> tuple[int, int] | None:
        """Where the clause before the trigger at ``o`` (an offset into the text) ends and the next begins: at a
        comma before "و", "and", "coinciding with" or "days after", or where a protest's cause begins ("blocked
        the road in protest at the arrest of ...", "احتجاجاً على اعتقال"); None for no cut."""
        comma = max(self.text.rfind("،", start, o), self.text.rfind(",", start, o))
        if comma > start:
            words = self.text[comma + 1:o].split()
            if (1 <= len(words) <= 3 and (words[0][:1] in "وف" or words[0].lower() in _NEXT_EVENT_WORDS)) or \
                    (2 <= len(words) <= 5 and words[0] == "ثم" and normalize_ar(words[1]) not in _DEST_NOUNS) or \
                    (1 <= len(words) <= 6 and words[0].lower() in ("while", "whereas", "وذلك")) or \
                    (len(words) <= 6 and _DAYS_APART_RE.match(self.text, comma + 1)) or \
                    (len(words) <= 7 and _NEW_MONTH_RE.match(self.text, comma + 1)) or \
                    (2 <= len(words) <= 6 and (words[0][:1] == "و" or words[0] == "حيث") and _new_subject_ar(words)
                     and self._names_a_place(self.o2n(o), min(len(self.norm), self.o2n(o) + 45))):
                # (the new act's own place right after its trigger: "وألقت المروحيات عشرين برميلاً على X"; not "،
                # حيث ألقت المروحيات 40 برميلاً خلال 24 ساعة، بالتزامن مع غارات على Y": there, the first place's)
                return comma, comma + 1
        if o < self._head and o > start + 1 and self.text[o - 1] == "و" and self.text[o - 2] == " ":
            return o - 2, o - 1   # a headline's two acts, no comma: "قذائف على X ورتل للأمن العام يعبر Y"
        if not cause:
            return None
        m = None
        for m in PROTEST_CAUSE_CUT_RE.finditer(self.text, start, o):   # noqa: B007 - the last one
            pass
        if m is not None and len(self.text[m.end():o].split()) <= 2:
            return m.end(), m.end()   # (the protest's own word stays with its place)
        return None

    def _names_a_place(self, lo: int, hi: int) -> bool:
        # (not an everyday word with nothing to make it a place: "فاشتبكت مع أفراد المجموعة" fought where the
        # clause before it named)
        return any(not m.veto and not m.reference and not m.admin and (m.common != "strict" or m.supported)
                   for m in find_mentions(self.text, self.norm, self.offs, self.idx, lo, hi, self.lang))

    def _with_report_area(self, events: list[Event]) -> list[Event]:
        """An event whose place is unknown keeps the governorate the report is about (when its placed events
        agree on one): governorate filters and briefs do not drop it; it stays unresolved, with no point."""
        codes = [e.admin1_pcode for e in events if e.latitude is not None and e.admin1_pcode and
                 e.resolution != "approximate" and not (e.place_id or "").startswith(("ocha:", "region:"))]
        # (a name placed only at a region's centre does not vote: "through al-X site" in Homs, beside Dar'a's towns)
        if not codes or not any(e.latitude is None and not e.admin1_pcode for e in events):
            return events
        top, n = max(((c, codes.count(c)) for c in set(codes)), key=lambda x: x[1])
        gov = self.g.get(f"ocha:{top}") if self.g is not None else None
        if gov is None or n * 3 < len(codes) * 2:
            return events
        out = []
        for e in events:
            if e.latitude is None and not e.admin1_pcode:
                e = dataclasses.replace(e, admin1=gov.admin1_en or gov.name_en, admin1_pcode=top,
                                        resolution_note=(e.resolution_note + "; " if e.resolution_note else "") +
                                        f"governorate {gov.name_en} from the report's other places")
            out.append(e)
        return out

    _carry: dict[int, str]
    _anchors: list[tuple[float, float]]
    _last_actor: tuple[int, str] | None = None
    #: the last act whose dead may be told after it: (sentence, label, doer)
    _last_op: tuple[int, str, str] | None = None
    #: the report tells of a bomb planted or set off, not dropped or fired (asked once, if at all)
    _planted: bool | None = None
    #: the report's triggers (set by :meth:`run` before any clause is read)
    _triggers: list[TriggerHit]
    #: where the words of "after", "before", "the next day" start (found once, if asked)
    _after_at: list[int] | None = None
    #: the acts whose dead may be told after them, by place id: (sentence, label)
    _op_at: dict[str, tuple[int, str]]
    _clauses: list[_Clause]
    _sent_subject: dict[int, str]
    _label_hits: dict[str, list[TriggerHit]]

    def _resolve_anaphora(self, plans, cand, located):
        """"the city", "المدينة", "البلدة" in a clause that names no place of its own refer to the last
        town named shortly before (same paragraph, or the sentence before): the event is there."""
        out = []
        chain: dict[int, Mention] = {}   # (clause index -> the town its anaphor named again)
        for cl, hits, ms, ca in plans:
            own = [m for m in ms if (m.start, m.end) in located]
            if own and any(m.container is not None for m in own):
                ms = self._areas_of_the_town(cl, hits, ms, located)
            site = self._site_in_anaphor(own, located) if own else None
            # (a clause that names only points of reference, "بحسب مديرية الصحة في X", may call its place "القرية")
            named = [m for m in own if not m.reference]
            ana = None if named and site is None else _ANAPHOR_RE.search(self.norm, site.end if site else cl.lo, cl.hi)
            if ana is not None and site is not None and ana.start() - site.end > 4:
                # "قصفت القوات المتمركزة في كتيبة X غربي بلدة Y الأحياء السكنية في البلدة": the anaphor further on
                # names where the act fell, not the unplaced site's town
                site = None if all(m is own[0] or m.reference for m in own) and own[0].site else site
            if ana is None and not own and any(h.label != "killing" for h in hits) and \
                    (named := self._site_named_again(cl, cand, located)) is not None:
                out.append((cl, hits, ms + [named], ca))   # "rebels took over the crossing": the one named before
                continue
            if ana is None or (site is not None and ana.start() - site.end > 4):
                out.append((cl, hits, ms, ca))
                continue
            noun = _ANAPHOR_NOUN[ana.group("ar") or ana.group("en")]
            # (a town the clause itself names as a point of reference comes before one of a sentence before)
            ante = self._pointed_town(cl, ms, located, noun, ana.start()) if site is None else None
            if ante is None:
                ante = self._antecedent(cl, cand, located, noun, site.start if site is not None else cl.lo)
            if ante is None:
                ante = self._antecedent_far(cl, located, noun, chain)
            if ante is not None and site is None:
                chain[cl.index] = ante
            if site is not None:
                # "أمام الجامع الكبير في المدينة": the site is in the town named before
                if ante is not None:
                    site.container = ante
                    located[(site.start, site.end)] = self._locate(cl, site, self._anchors)
                    ms = [m for m in ms if m is not ante]   # (named in the clause itself, the town holds the site)
                out.append((cl, hits, ms, ca))
                continue
            out.append((cl, hits, ms + [ante] if ante is not None else ms, ca))
        return out

    def _site_named_again(self, cl: _Clause, cand, located) -> Mention | None:
        """"Fighting broke out at the X crossing. By evening, rebels had taken the crossing", "وسيطرت الفصائل على
        المعبر": a clause that names no place of its own and calls a site by its noun alone is at the last site of
        that kind named shortly before (the paragraph, or the two sentences before); not the dead alone ("two
        soldiers at the checkpoint were killed" are the toll of the act told, read by ``fatalities``)."""
        got = _SITE_ANAPHOR_RE.search(self.norm, cl.lo, cl.hi)
        if got is None:
            return None
        kind = _SITE_ANAPHOR_KIND[got.group("ar") or got.group("en")]
        ante = None
        for cl2, m2 in cand:
            if cl2.index >= cl.index:
                break
            if cl2.paragraph != cl.paragraph and cl2.sent_index < cl.sent_index - 2:
                continue
            loc = located.get((m2.start, m2.end))
            if (m2.site == kind or kind == "hill" and m2.name.startswith("تل ")) and not m2.reference and \
                    loc is not None and loc.lat is not None:
                ante = m2   # (a hill is named by its noun as a cue, "تل الحارة", or as a site, "Tal al-Hara")
        return ante

    def _pointed_town(self, cl: _Clause, ms: list[Mention], located, noun: str, upto: int) -> Mention | None:
        """"قصفت القوات المتمركزة غربي بلدة X الأحياء السكنية في البلدة": the town the clause named only as a point
        of reference, called again by its noun, is where the act fell (a copy of its mention, no longer a
        reference)."""
        for m in reversed(ms):
            # (and a town a body or a source is named by: "the Central Committee of X said four men were killed in
            # the town", "أفاد مصدر في بلدة X بأن قصفاً استهدف البلدة")
            if m.end <= upto and m.reference and (
                    m.notes[-1:] == ["direction"] and self._noun_before(m) == noun or
                    m.notes[-1:] in (["reference"], ["seat"], ["where the source is"]) and
                    self._noun_before(m) in (noun, "")):
                loc = self._locate(cl, m, self._anchors)
                if loc.place is not None and loc.place.kind in _TOWN_KINDS and loc.resolution in ("resolved",
                                                                                                  "ambiguous"):
                    return _named_again(m, loc, located)
        return None

    def _areas_of_the_town(self, cl: _Clause, hits, ms: list[Mention], located) -> list[Mention]:
        """"clashes in X neighbourhood in the city of Y, ... shells fired on areas in the city": the town that holds
        the clause's places, named again as a whole after a trigger, is a place of the clause's events too."""
        got = _AREAS_OF_ANAPHOR_RE.search(self.norm, cl.lo, cl.hi)
        if got is None or not any(h.end <= got.start() for h in hits):
            return ms
        noun = _ANAPHOR_NOUN[got.group("ar") or got.group("en")]
        town = next((m.container for m in reversed(ms) if m.container is not None and not m.beside and
                     m.container.end <= got.start() and self._noun_before(m.container) in (noun, "")), None)
        if town is None or (town.start, town.end) in located:
            return ms
        loc = self._locate(cl, town, self._anchors)
        if loc.place is None or loc.place.kind not in _TOWN_KINDS:
            return ms
        located[(town.start, town.end)] = loc
        self._target_of[(town.start, town.end)] = max(h.start for h in hits if h.end <= got.start())
        return ms + [town]

    @staticmethod
    def _site_in_anaphor(own: list[Mention], located) -> Mention | None:
        """The clause's one named site the gazetteer does not know and no town was found to host: "المدينة"
        right after it may say which."""
        sites = [m for m in own if m.site and m.container is None and
                 located[(m.start, m.end)].resolution == "unresolved"]   # (its host, if any, not known either)
        return sites[-1] if len(sites) == 1 else None

    def _antecedent(self, cl: _Clause, cand, located, noun: str, upto: int) -> Mention | None:
        """The town an anaphor with the place noun ``noun`` refers to: the last one named shortly before (before
        ``upto`` in the clause itself), the last named with the same noun first."""
        ante = same = None
        for cl2, m2 in cand:
            if cl2.index > cl.index or (cl2.index == cl.index and m2.start >= upto):
                break
            if cl2.paragraph != cl.paragraph and cl2.sent_index < cl.sent_index - 2:
                continue
            loc = located.get((m2.start, m2.end))
            if loc is not None and loc.place is not None and loc.place.kind in _TOWN_KINDS and not m2.reference \
                    and loc.resolution in ("resolved", "ambiguous") and \
                    (loc.place.admin1_pcode in _CORE or self._noun_before(m2) == noun):
                # (not a town elsewhere named in passing: "انسحب العناصر باتجاه دمشق ... وشهد حي الكاشف في المدينة")
                ante = m2
                if self._noun_before(m2) == noun:
                    same = m2
            elif loc is not None and m2.container is not None and not m2.beside and m2.container.end <= upto and \
                    self._noun_before(m2.container) in (noun, "") and noun != "village":
                # "barrel bombs on the X district of Daraa city. ... the city's eastern neighbourhoods": the town
                # named only as the container of a place before is the one "the city" names again (not the town a
                # site is only told from, "the dam west of X": a point of reference, as X is in a clause of its own)
                box = self._locate(cl2, m2.container, self._anchors)
                if box.place is not None and box.place.kind in _TOWN_KINDS and box.resolution == "resolved":
                    located.setdefault((m2.container.start, m2.container.end), box)
                    ante = same = m2.container
        return same or ante

    def _antecedent_far(self, cl: _Clause, located, noun: str, chain: dict[int, Mention]) -> Mention | None:
        """The town an anaphor refers to when none was named shortly before: the last town named in this paragraph
        or the two before, in a clause read for places or not ("For years the citadel of X was the seat of power.
        ... By the afternoon, columns were driving into the town", "يعيش سكان قرية X في خوف. وفجر الخميس اعتقلت قوة
        ثلاثة شبان في القرية"), or the one an anaphor before named again; the last named with the same noun
        first ("سيطرت الفصائل على مدينة درعا ... وكانت قد سيطرت على معبر نصيب ... وشهد حي الكاشف في المدينة"),
        then one named with none; read only when the other readings found none."""
        fallback: Mention | tuple[Mention, _Located] | None = None
        for cl2 in reversed(self._clauses[:cl.index]):
            if cl2.paragraph < cl.paragraph - 2:
                break
            if cl2.index in chain:
                town = chain[cl2.index]
                if self._noun_before(town) == noun:
                    return town
                fallback = fallback or town
                continue
            for m in reversed(find_mentions(self.text, self.norm, self.offs, self.idx, cl2.lo, cl2.hi, self.lang)):
                if m.site and m.container is not None and not m.beside:
                    m = m.container   # ("the Omari mosque in X": the town that holds the site; not "the dam west of X")
                elif m.site and m.site != "neighbourhood" and m.host is not None and m.host != (m.start, m.end):
                    m = self._host_mention(m)   # ("the citadel of X": the town the site is named after; not a
                    #                              quarter's own name, "حي المحطة")
                said = self._noun_before(m)
                if m.admin or not m.supported or said not in (noun, "") or \
                        (said == "" and (fallback is not None or m.reference)):
                    continue   # (not a common word's reading, "بدت المدينة شبه خالية"; nor a point of reference,
                    #            "انسحبوا باتجاه دمشق", unless named with the same noun)
                loc = self._locate(cl2, m, self._anchors)
                if loc.place is not None and loc.place.kind in _TOWN_KINDS and loc.resolution == "resolved" and \
                        loc.place.admin1_pcode in _CORE:   # (a town of the south the report is about)
                    if said == noun:
                        return _named_again(m, loc, located)
                    fallback = (m, loc)
        return _named_again(*fallback, located) if isinstance(fallback, tuple) else fallback

    def _host_mention(self, m: Mention) -> Mention:
        """The place named inside a site's name ("the citadel of X"), as a mention of its own."""
        assert m.host is not None
        a, b = self.n2o(*m.host)
        return Mention(m.host[0], m.host[1], self.norm[m.host[0]:m.host[1]], "gazetteer", lang=m.lang,
                       orig_start=a, orig_end=b)

    def _noun_before(self, m: Mention) -> str:
        """The place noun written right before a name ("the village of X", "بلدة X"), as :data:`_ANAPHOR_NOUN`
        gives it, or ""."""
        if m.lang == "ar":
            words = self.norm[max(0, m.start - 12):m.start].split()
            if not words:
                return ""
            w = words[-1]   # (one clitic off: "lstrip" would eat the ب and ل of "بلده")
            return _ANAPHOR_NOUN.get(w) or (_ANAPHOR_NOUN.get(w[1:], "") if w[:1] in "وفبل" else "")
        got = _NOUN_OF_RE.search(self.text, max(0, m.orig_start - 24), m.orig_start)
        return got.group(1).lower() if got else ""

    # -- triggers ------------------------------------------------------------------------------
    def _not_names(self, hits: list[TriggerHit], ms: list[Mention]) -> list[TriggerHit]:
        """The triggers that are not a place's name: an English event word written with a capital, a gazetteer's name
        in a list of places or after a place noun ("pounded the villages of Hit, Sahm al-Jawlan and al-Shajara")."""
        names = [m for m in ms if m.lang == "en" and m.source == "gazetteer" and (m.list_id >= 0 or m.cue_kind == "noun")]
        if not names:
            return hits
        return [h for h in hits if not any(m.start <= h.start and h.end <= m.end for m in names) or
                not self.text[self.n2o(h.start, h.end)[0]:][:1].isupper()]

    def _no_events_told(self, cl: _Clause) -> bool:
        """The whole clause tells no act of its own: a footnote's citation ('[4] "Islamic State confirms death of
        leader in Jasim," Long War Journal'), the war's toll since it began ("killed since the conflict began in
        March 2011 with protests in Daraa")."""
        if self.text[cl.sent.start:cl.sent.start + 1] == "[" and _CITATION_RE.match(self.text, cl.sent.start):
            return True
        if not _WAR_BEGAN_GATE.possible(self.norm[cl.lo:cl.hi]):
            return False
        began = _WAR_BEGAN_RE.search(self.norm, cl.lo, cl.hi)
        # (not "captured the base, the biggest victory in the south since the war began": a measure of this act)
        return began is not None and _SUPERLATIVE.isdisjoint(self.norm[max(cl.lo, began.start() - 80):began.start()].split())

    def _attempt_is_a_fight(self, h: TriggerHit, cl: _Clause) -> TriggerHit:
        """"حاولت قوات النظام اقتحام بلدة X من محورين", "صدوا محاولة لقوات النظام استعادة X", "repelled an attempt by
        troops to retake X": an attempt to storm or take a place is fighting there, not its capture (an attempt's word
        among the six before the entry or the capture)."""
        if h.label not in ("territory_taken", "territory_entered"):
            return h
        prev = [w[1:] if w[:1] in "وف" and len(w) > 3 else w for w in _words_before(self.norm, h.start, cl.lo, 6)]
        return TriggerHit("armed_clash", h.start, h.end, h.text) if not _ATTEMPT.isdisjoint(prev) else h

    def _irrealis(self, h: TriggerHit, cl: _Clause) -> bool:
        """A word of what is feared, intended, expected or demanded before the trigger ("يخشى الأهالي من توسع التوغل",
        "نية القوات اقتحام", "expected to begin"): an act not done, whose places are its own (not a background act
        told in passing, "who had joined the settlement in 2018, in Tafas", whose place is the clause's act's)."""
        prev = [w[1:] if w[:1] in "وف" and len(w) > 3 else w for w in _words_before(self.norm, h.start, cl.lo, 8)]
        return not (_NOT_DONE.isdisjoint(prev) and _FEARED.isdisjoint(prev) and _DEMANDED.isdisjoint(prev))

    def _negated(self, h: TriggerHit, cl: _Clause) -> bool:
        if self.norm[h.start:h.start + 1].isascii() and _FUTURE_AFTER_GATE.possible(self.norm[h.end:h.end + 90]) and \
                _FUTURE_AFTER_RE.match(self.norm, h.end):
            return True   # "protesters will march in X on Friday", "talks on an agreement will resume", "the agreement
            #               does not cover X": the noun's verb after it says what has not happened
        if h.label in ("settlement_entry", "agreement", "evacuation", "weapons_handover") and \
                self.norm[h.end + 1:h.end + 12].split(" ", 1)[0] in _FUTURE_VERBS:
            return True   # "وقال المصدر إن التسوية ستنتقل إلى X": the deal's noun, then its verb in the future
        prev = [w[1:] if w[:1] in "وف" and len(w) > 3 else w for w in _words_before(self.norm, h.start, cl.lo, 8)]
        if _kept_out(h, prev, self.norm[h.end + 1:min(cl.hi, h.end + 40)], self.norm[h.start - 1:h.start]):
            return True
        if not prev:
            return False
        if _called_or_outside(prev):
            return True
        if self._background(h, prev, cl):
            return True
        if not _NEG.isdisjoint(prev[-2:]) and prev[-1] not in _RESULT_VERBS:
            return True   # (not "لم يسفر القصف عن إصابات": the shelling caused no harm, it took place)
        if prev[-1] in ("عن", "of") and len(prev) > 2 and prev[-2] in _NEWS and not _NEG.isdisjoint(prev[-4:-2]):
            return True   # "دون ورود أنباء عن سقوط ضحايا", "with no reports of deaths": none known
        if self._no_new_act(h, prev, cl):
            return True
        if self._charged(h, prev, cl):
            return True   # "خلية متورطة بعمليات خطف", "wanted for killings", "حملة استهدفت مطلوبين": what suspects are
            #               charged with, and a raid's targets, are no acts of that day
        if h.label in ("settlement_entry", "agreement") and self._no_deal_made(h, prev):
            return True
        if h.label == "armed_clash" and prev[-1] in _DISENGAGE or h.label == "agreement" and (
                not _BREACH.isdisjoint(prev[-4:]) or self.norm[h.end:h.end + 5].split()[:1] in (["فض"], ["فك"], ["فصل"])):
            return True   # "خط فك الاشتباك", "خرق لاتفاقية فض الاشتباك", "in breach of the disengagement agreement",
            #               "اتفاقية فصل القوات لعام 1974"
        if h.label in ("agreement", "settlement_entry") and not _COLLAPSE.isdisjoint(prev[-2:]) or \
                h.label == "agreement" and _COLLAPSED_AFTER_GATE.possible(self.norm[h.end:min(cl.hi, h.end + 60)]) and \
                _COLLAPSED_AFTER_RE.match(self.norm, h.end, min(cl.hi, h.end + 60)):
            return True   # "انهار اتفاق التهدئة في X", "the truce in X broke down": a deal's end, not one made
        nxt = _NEXT_TIME_RE.search(self.norm, h.end, min(cl.hi, h.end + 80)) if h.label in _PLANNED_LABELS and \
            _NEXT_TIME_GATE.possible(self.norm[h.end:min(cl.hi, h.end + 80)]) else None
        if nxt is not None and not _PAST_TIME_RE.search(self.norm, h.end, nxt.start()):
            return True   # "ستنشر دوريات إضافية في X خلال الأسبوع المقبل", "buses will leave for Idlib next week" (not
            #               "انتشرت دوريات في X أمس، على أن تستمر خلال الأيام المقبلة")
        if h.label == "siege" and (prev[-1].removeprefix("ب") in _LIFT or (len(prev) > 1 and prev[-1] == "the" and
                                                                            prev[-2] in _LIFT)):
            return True   # "مطالبين بفك الحصار عن X", "marched to break the siege": a siege demanded away, no act
        if h.label in ("agreement",) and prev and prev[-1] in ("رفضا", "رفض", "against", "reject", "rejected"):
            return True   # "رفضاً للتسوية", "against the deal": the subject of a protest, not an agreement
        if h.label == "air_strike" and ("تهريب" in prev or "smuggling" in prev or "smuggle" in prev):
            return True   # "أحبط الجيش محاولة تهريب مخدرات بواسطة طائرة مسيرة": a smugglers' drone, no strike
        if not _FUTURE.isdisjoint(prev) or not _DEMANDED.isdisjoint(prev[-3:]) or \
                _FUTURE_TAIL_GATE.search(" ".join(prev)) or \
                not _PREVENT.isdisjoint(prev[-5:]):
            return True   # announced, expected, threatened: not (yet) an event
        if h.label in _FRAMED and self._framed(h, prev, cl):
            return True
        if _voiced(h, prev, self.norm, max(cl.lo, h.start - 90)):
            return True
        if not _MANY.isdisjoint(prev[-3:]) and _SINCE_RE.search(self.norm, cl.lo, cl.hi):
            return True   # "has seen dozens of assassinations since 2018", "عشرات عمليات الاغتيال منذ": a tally
        if h.label == "territory_taken" and len(prev) > 2 and prev[-2] == "the" and prev[-1] in _TOWN_NOUNS_EN and \
                not {"after", "before", "since", "until"}.isdisjoint(prev[-5:-2]):
            return True   # "a day after the town fell": the capture told before, named as a time
        k = len(prev) - 1 if prev[-1] in ("اي", "any") else len(prev) - 2 if len(prev) > 1 and prev[-2] in (
            "اي", "any") and prev[-1] in _CASE_NOUNS else -1
        if k >= 0 and not _NEG.isdisjoint(prev[max(0, k - 5):k]):
            return True   # "لم ينفذ الطيران أي غارة على X", "لم تسجل أي عملية خطف", "has not carried out any strikes"
        if "صحه" in prev and prev.index("صحه") > 0 and prev[prev.index("صحه") - 1] in ("لا", "ولا"):
            return True   # "لا صحة للأنباء عن دخول قوات النظام إلى X": untrue
        # a denial verb a little further back: "نفى مصدر عسكري وقوع اشتباكات", "denied reports of clashes", "نفى
        # المصدر الأنباء التي تناقلتها صفحات المسلحين عن سيطرتهم على X"
        if _DENY.isdisjoint(prev):
            far = self.norm[max(cl.lo, h.start - 100):h.start]
            if "نفي" not in far and "نفت" not in far and "deni" not in far and "deny" not in far:
                return False
            prev = [w[1:] if w[:1] in "وف" and len(w) > 3 else w for w in _words_before(self.norm, h.start, cl.lo, 14, 100)]
            if _DENY.isdisjoint(prev):
                return False
        last = max(k for k, w in enumerate(prev) if w in _DENY)
        # "denied that troops had entered the town and said the battle went on": the denial ends at "and said"
        return _DENIAL_ENDS.isdisjoint(prev[last:])

    def _hospital_hit(self, m: Mention, hits: list[TriggerHit], ms: list[Mention]) -> bool:
        """A hospital is an act's place when the act is done to it: right after a trigger that is no death ("قصفت
        الطائرات المشفى الوطني", "stormed the hospital"; or its list, "استعادت مقر اللواء وحي X ومبنى المشفى
        الوطني"), or right before one with no comma between ("the hospital was shelled"); not where the wounded were
        taken or died, nor where a doctor spoke from."""
        head = min((o for o in ms if m.list_id >= 0 and o.list_id == m.list_id), key=lambda o: o.start, default=m)
        for h in hits:
            if h.label == "killing":
                continue
            a, b = self.n2o(h.start, h.end)   # (the normalised text has no commas: the text's own between them)
            if (0 <= head.start - h.end <= 30 and not _CLAUSE_PUNCT_RE.search(self.text, b, head.orig_start)) or \
                    (0 <= h.start - m.end <= 30 and not _CLAUSE_PUNCT_RE.search(self.text, m.orig_end, a)):
                return True
        return False

    def _crimes_elsewhere(self, hit: TriggerHit, m: Mention, use: list[_Located]) -> bool:
        """``m`` comes after the crimes the arrested are charged with, and the arrest has a place of its own before
        them ("القبض على خلية في X متورطة بزرع عبوات في Y", "arrested a cell in X accused of bombings in Y")."""
        words = self.norm[hit.end:m.start].split()
        k = next((i for i, w in enumerate(words) if w in _CHARGED), None)
        if k is None:
            return False
        charged_at = hit.end + len(" ".join(words[:k])) + 1
        return any(hit.end <= o.mention.start < charged_at for o in use if o.mention is not m)

    def _no_new_act(self, h: TriggerHit, prev: list[str], cl: _Clause) -> bool:
        """The trigger names no act of its clause: a drone seen overhead ("حلقت طائرة مسيرة إسرائيلية فوق X"), a
        demand refused ("رفضت اللجنة المركزية تسليم السلاح وإقامة نقاط عسكرية في X"), a shell found that was the
        blast, an act feared ("خشية تجدد القصف"), or, with the article, an event the report told before: the
        subject of "تزامن" ("وتزامنت الغارات مع انفجار عبوة في X") or what a response answers ("وفي أول رد على
        الهجوم"، "in response to the attack")."""
        if h.label == "air_strike" and h.text.startswith("طاير") and not _FLEW_OVER.isdisjoint(prev[-2:]):
            return True
        if h.label in _REFUSABLE and not _REFUSED.isdisjoint(prev[-6:]):
            return True
        if h.label == "cache_found" and not _BLAST_WORDS.isdisjoint(prev[-8:]):
            return True   # "بانفجار قذيفة من مخلفات الحرب عثروا عليها": the shell found was the blast, no cache
        if h.label == "cache_found" and (prev[-1] in _STRUCK_AT or prev[-1] in ("a", "an", "the", "two", "three") and
                                         prev[-2:-1] and prev[-2] in _STRUCK_AT):
            return True   # "أغارت على مستودع أسلحة", "struck an arms depot": a strike's target, no cache found
        if not _FEARED.isdisjoint(prev[-3:]):
            return True   # "نزح أهالي X خشية تجدد القصف", "fled for fear of renewed shelling": feared, not done
        if any(prev[k] in _WARNED_OF_WHAT and not _WARNED_OF.isdisjoint(prev[max(0, k - 5):k])
               for k in range(max(1, len(prev) - 5), len(prev))):
            return True   # "حذرت الهيئة من مجزرة في X", "raised fears of a new assault on X": warned of, not done
        if h.label == "ied" and self._heard(h, cl.sent_lo) and any(
                t.label in ("air_strike", "shelling") and cl.sent_lo <= t.start < h.start for t in self._triggers):
            return True   # "غارات على موقع قرب X، وسمعت أصوات الانفجارات حتى Y": the blasts heard were the strikes'
        if h.label in _WEAPON_LABELS and not _MADE_OF.isdisjoint(prev[-4:]) and \
                _FORCES_SENT_RE.search(self.norm, max(0, h.start - 90), h.start):
            return True   # "reinforcements, including tanks and rocket launchers", "تعزيزات تضم راجمات صواريخ": the
            #               force's arms, no fire
        if not _DENIED.isdisjoint(prev[-6:]):
            return True   # "صححت القيادة ما تداولته الصفحات عن سقوط قتلى في X", "denied reports of shelling": not so
        if not _NEWS.isdisjoint(prev[-4:]) and _DENIED_LATER_GATE.possible(self.norm[h.end:h.end + 200]) and \
                _DENIED_LATER_RE.search(self.norm, h.end, h.end + 200):
            return True   # "تحدثت صفحات عن مظاهرة في X، غير أن الأهالي نفوا ذلك", "reports of a raid on X, which
            #               residents later denied": a report the sentence denies
        if h.label == "killing" and h.text in _DEAD_NOUNS and not _FUNERAL_OF.isdisjoint(prev[-4:]):
            return True   # "شارك الآلاف في تشييع عدد من القتلى في X": the funeral of the dead of another day
        definite = self.norm.endswith(" ال", 0, h.start) or self.norm.startswith("ال", h.start) or \
            (prev[-1:] == ["the"])
        if not definite or not prev:
            return False
        last = prev[:-1] if prev[-1] == "the" else prev
        if not _RELATIVE.isdisjoint(self.norm[h.end:h.end + 30].split()[:3]):
            return False   # ("in response to the roadside bomb that hit an army vehicle near X": told here, in full)
        return bool(last) and (last[-1] in _COINCIDED or last[-2:] in (["رد", "علي"], ["ردا", "علي"], ["response", "to"]))

    def _no_deal_made(self, h: TriggerHit, prev: list[str]) -> bool:
        """A settlement or a deal named as a time, of another year, or as what men refuse: no deal made here."""
        if h.label == "settlement_entry" and prev[-1] in ("بعد", "قبل") and self.norm.endswith(" ال", 0, h.start):
            return True   # "كان يعمل بعد التسوية ضمن مجموعة محلية": the settlement of years before, a time
        if not _SINCE_THE_DEAL.isdisjoint(prev[-3:]):
            return True   # "خلال السنوات التي أعقبت اتفاق التسوية", "in the years following the settlement": a time
        if "علي" in prev[-3:] and not _SPAN_OF_TIME.isdisjoint(prev[-5:]):
            return True   # "بعد أكثر من عام على اتفاق التسوية": the time since a deal, no deal made
        tail = self.norm[h.end:h.end + 30].split()[:3]   # (the deal's name: "اتفاق 2018", "اتفاق تموز 2018"; not
        if tail and tail[0] in ("في", "in", "of", "من", "on"):   # "accepted an agreement in July 2018", an act retold)
            tail = []
        if any(w.isdigit() and len(w) == 4 and w != self._pub_iso[:4] for w in prev[-2:] + tail):
            return True   # "after the 2018 settlement agreements", "اتفاق تموز 2018": a deal of another year, named
        return prev[-1] in _NOT_A_DEAL   # "الرافضين للتسوية", "بطاقة التسوية", "خيار التسوية": who refuse it, its card,
        #                                  its prospect

    @staticmethod
    def _charged_before(prev: list[str]) -> bool:
        """A word of suspicion or charge a few words before the crime, with nothing between that tells another
        act ("suspected of involvement in a string of killings", "accused by residents of kidnappings", "تتهمه
        عائلات في المنطقة بالمشاركة في عمليات خطف", "للاشتباه بتورطهم في عمليات الاغتيال")."""
        for i in range(len(prev) - 1, -1, -1):
            w = prev[i]
            if w in _CHARGE_GAP_STOPS:
                return False
            if w in _CHARGE_HEADS_EN or w.startswith(_CHARGE_HEADS_AR):
                return True
        return False

    def _charged(self, h: TriggerHit, prev: list[str], cl: _Clause) -> bool:
        """The trigger is a crime suspects are charged with ("متهمين بقتل", "يشتبه بتورطهم في مقتل", "wanted for
        killings", "متورطة بعمليات خطف") or a raid's targets ("حملة استهدفت مطلوبين")."""
        if CONFESSED_RE.search(self.norm, max(cl.lo, h.start - 60), h.start):
            return False   # "اعترف الموقوف بتورطه في اغتيال شاب في X يوم الجمعة", "confessed to involvement in": a
            #                crime owned, told with its place and day
        if h.label in _CHARGEABLE and self._charged_before(
                [w[1:] if w[:1] in "وف" and len(w) > 3 else w for w in _words_before(self.norm, h.start, cl.lo, 9, 80)]):
            return True
        return not _CHARGED.isdisjoint(prev[-2:]) or prev[-2:] == ["wanted", "for"] or \
            CHARGED_WITH_RE.search(self.norm, max(cl.lo, h.start - 24), h.start) is not None or (
                prev[-1] in ("بعمليات", "بعمليه") and not _CHARGED_WITH.isdisjoint(prev[-4:-1])) or (
                h.label == "bombardment" and self.norm[h.end:h.end + 14].split()[:1] in (["مطلوبين"], ["المطلوبين"],
                                                                                      ["wanted"]))

    def _framed(self, h: TriggerHit, prev: list[str], cl: _Clause) -> bool:
        """What the words around a taking, an entry, a deal, an arrest or a movement make of it: a state, a
        purpose, a man's past, a time since, a release, people named after it; True when it is no event here."""
        if h.label == "settlement_entry" and prev and (prev[-1] in _SETTLED_BODIES or "ف" + prev[-1] in _SETTLED_BODIES):
            return True   # "فصائل التسوية", "لجان المصالحة": a name for people, not a settlement made here
            #               (the "ف" of "فصائل" is cut off with the conjunctions)
        if h.label == "settlement_entry" and _SETTLED_PEOPLE_EN_RE.match(self.norm, h.end):
            return True   # "the 'reconciliation' factions", "settlement committees": people and bodies, not an event
        if (h.label == "agreement" and _who_joined(prev)) or h.label == "settlement_entry" and (
                not _ONE_SETTLED.isdisjoint(prev[-3:]) or _OWN_STATUS_RE.match(self.norm, h.end) or _who_joined(prev)):
            return True   # "وكان قد أجرى تسوية أمنية", "who had settled his status": a man's past, not a town's deal
        if h.label == "troop_movement" and prev and prev[-1] in ("نقاط", "نقطه", "مناطق", "اماكن", "مواقع", "خطوط"):
            return True   # "نقاط انتشار المسلحين": where they are, not a movement
        if h.label == "territory_taken" and self.norm.startswith("captur", h.start) and \
                _PEOPLE_TAKEN_RE.match(self.norm, h.end):
            return True   # "killing a lieutenant and capturing two soldiers": prisoners taken, not ground
        if h.label == "territory_taken" and self.norm.startswith("محرر", h.start) and \
                _FREED_AREAS_AR_RE.search(self.norm, max(0, h.start - 24), h.start):
            return True   # "تمشيط المناطق المحررة": the areas taken earlier, named by what they are now
        if h.label == "territory_taken" and prev[-1] in ("the", "newly", "recently") and \
                _FREED_AREAS_EN_RE.match(self.norm, h.start):
            return True   # "in the liberated areas" (the same, in English; "the liberated city of X" names a capture)
        if h.label == "arrests" and self.norm.startswith((" دام ", " استمر "), h.end):
            return True   # "بعد اعتقال دام ست سنوات": how long a man was held, no arrest of that day
        if h.label == "arrests" and _RELEASED_GATE.search(self.norm, cl.lo, h.start):
            return True   # "أفرجت عن ثلاثة معتقلين ... بعد اعتقال دام عامين", "freed a man who had been arrested"
        if h.label in ("territory_taken", "settlement_entry", "territory_entered", "agreement") and (
                prev[-1] in _SINCE or (len(prev) > 1 and prev[-2] in _SINCE and prev[-1] in _SINCE_NOUNS) or
                _since_they(prev) or any(a in _SINCE and b in _TAKING_NOUNS for a, b in zip(prev[-4:], prev[-3:]))):
            return True   # "فلتان أمني منذ سيطرة النظام عليها", "since the takeover", "منذ اتفاق التسوية": a time
            #               (not "منذ يومين السيطرة": "two days ago"; and "منذ استعادة القوات الحكومية السيطرة")
        if h.label in ("territory_taken", "territory_entered") and _PURPOSE_TAKE_RE.match(
                self.norm, self.norm.rfind(" ", 0, h.start) + 1):
            return True   # "معركة للسيطرة على X", "في محاولة لتحرير X": what they fight for, not (yet) taken
        if h.label == "territory_taken" and prev and (
                prev[-1] in ("تحت", "خاضعه", "الخاضعه", "مناطق", "under", "held") or
                self.norm[h.start:h.start + 1] == "ل" and prev[-1] in ("خاضعه", "الخاضعه", "تخضع", "يخضع")):
            return True   # "تحت سيطرة الفصائل", "under rebel control": a state, not an event
        return False

    def _assault_kept(self, attack: TriggerHit, out: dict[str, TriggerHit]) -> None:
        """An assault the fire or the bombs of its clause had absorbed, kept: beside the fire ("هجوماً على X ترافق مع
        قصف عنيف": both), or made with them ("هاجم مسلحون حاجز X بالأسلحة الرشاشة والقذائف": the assault alone)."""
        if "shelling" in out and _ALONG_WITH_RE.search(self.norm, attack.end, out["shelling"].start):
            out["attack"] = attack
        elif self._arms_of(attack, out):
            for lab in ("shelling", "ied"):
                out.pop(lab, None)
            out["attack"] = attack

    def _arms_of(self, attack: TriggerHit, out: dict[str, TriggerHit]) -> bool:
        """The shells or bombs of the clause are the arms an attack told before them was made with ("هاجم مسلحون حاجز
        X بالأسلحة الرشاشة والقذائف", "هاجموا حي X، مستخدمين عربات مفخخة وقذائف صاروخية"): every hit of theirs after
        the attack's word, with the words of its means between."""
        weapons = [h for lab in ("shelling", "ied") if lab in out for h in self._label_hits.get(lab, [])]
        return bool(weapons) and all(h.start > attack.end and _MEANS_RE.search(self.norm, attack.end, h.end) is not None
                                     and h.start - attack.end <= 90 for h in weapons)

    def _labels(self, hits: list[TriggerHit], cl: _Clause) -> list[tuple[str, TriggerHit]]:
        seg = self.norm[cl.lo:cl.hi]
        out: dict[str, TriggerHit] = {}
        self._label_hits = {}
        for h in hits:
            if h.label not in out:
                out[h.label] = h
            self._label_hits.setdefault(h.label, []).append(h)
        attack = out.get("attack")
        fire = out.get("air_strike") or out.get("shelling")
        if fire is not None and "cache_found" in out and fire.start < out["cache_found"].start and all(
                self.norm.startswith("مستودع", h.start) for h in self._label_hits["cache_found"]):
            del out["cache_found"]   # "غارات إسرائيلية على مستودعات ذخيرة": the depot is what the strike hit
        for lab in list(out):
            for absorbed in ABSORBS.get(lab, ()):
                if absorbed in out and absorbed != lab:
                    del out[absorbed]
        if attack is not None and "attack" not in out:
            self._assault_kept(attack, out)
        if "protest" in out and len(self._label_hits["protest"]) > 1:
            # "staged a sit-in in X to protest the arrest of ... near Y": the words that give the protest's cause
            # are no second protest (where the cause happened is not where they protested)
            kept = [h for h in self._label_hits["protest"] if not _PROTEST_PURPOSE_RE.fullmatch(self.norm, h.start, h.end)]
            if kept:
                self._label_hits["protest"], out["protest"] = kept, kept[0]
        if "troop_movement" in out and not _PATROL_DOERS.isdisjoint(out) and all(
                _PATROL_RE.fullmatch(self.norm, h.start, h.end) for h in self._label_hits["troop_movement"]):
            del out["troop_movement"]   # "اعتقلت دورية للأمن X": the patrol is who arrested, not a movement
        self._means_and_doers(out, cl)
        if "territory_entered" in out and len(out) > 1 and all(
                _INTO_BUILDING_RE.match(self.norm, h.end) for h in self._label_hits["territory_entered"]):
            del out["territory_entered"]   # "stormed a house and opened fire": the way in to what the clause says
        if "attack" in out and "air_strike" not in out and mentions_aircraft(self.norm[cl.lo:out["attack"].start]):
            # "شنت الطائرات الحربية هجمات على X", "warplanes attacked X": the attackers are aircraft
            h = out.pop("attack")
            out["air_strike"] = h
            self._label_hits["air_strike"] = self._label_hits.pop("attack", [h])
        if "bombardment" in out:   # a bare "قصف"/"targeted": from the air if aircraft are named, else shelling
            h = out.pop("bombardment")
            lab = "air_strike" if mentions_aircraft(seg) else "shelling"
            if lab == "shelling" and (self._bomb_story(h) or _A_BOMB_DID_RE.search(self.norm, max(cl.lo, h.start - 30),
                                                                                   h.start)):
                lab = "ied"   # "the death toll from Tuesday's bombing", told of a bomb planted in a car; "the bomb hit
                #               a bus" (not "barrel bombs hit X", the aircraft's)
            elif lab == "shelling" and self._last_op is not None and self._last_op[1] == "air_strike" and (
                    _THE_STRIKES_RE.search(self.norm, cl.lo, h.start) or
                    self._last_op[0] == cl.sent_index and (h.start == cl.lo or _DEFINITE_BEFORE_RE.search(
                        self.norm, max(0, h.start - 4), h.start) is not None)):
                lab = "air_strike"   # "Israeli jets struck X. The strikes targeted Y": the same strikes; "jets
                #                      bombed X on July 4 and struck Y the next day": the same jets; "استأنف الطيران
                #                      غاراته على X، وتركز القصف على Y": "the bombardment", the strikes named again
            if lab == "shelling" and (_GUNMEN_RE.search(seg) or _SMALL_ARMS_RE.search(seg) or (
                    ("استهدف" in h.text or "target" in h.text) and _MACHINE_GUNS_RE.search(seg))):
                # "مسلحون مجهولون استهدفوا سيارة القيادي": gunmen's targeting is gunfire (a shell, mortar or rocket
                # named in the clause is a shelling hit, which has absorbed the bare targeting already)
                lab = "attack"
            self._label_hits[lab] = sorted(self._label_hits.get(lab, []) + self._label_hits.pop("bombardment", []),
                                           key=lambda x: x.start)
            if lab not in out and not any(lab in ABSORBS.get(o, ()) for o in out):
                out[lab] = h   # (unless a label of the clause takes it: "محاولة اغتيال ... باستهداف سيارته بالرصاص")
        if "armed_clash" in out and all(_REMNANT_OF_RE.search(self.norm[max(0, h.start - 40):h.start])
                                        for h in self._label_hits["armed_clash"]):
            if "ied" in out or any(self._remnant(h) for h in self._label_hits["armed_clash"]):
                del out["armed_clash"]   # "a landmine left over from previous battles": the battles are past
        for lab in ("shelling", "air_strike"):
            if lab in out and all(self._remnant(h) for h in self._label_hits[lab]):
                # "a shell left over from the war exploded", "قذيفة من مخلفات الحرب": an explosive remnant going off
                # (ACLED: an explosive, landmine or IED event), not a shelling or a strike of that day
                hs = self._label_hits.pop(lab)
                out.pop(lab)
                self._label_hits["ied"] = sorted(self._label_hits.get("ied", []) + hs, key=lambda x: x.start)
                out.setdefault("ied", hs[0])
        if "aircraft_downed" in out and "air_strike" in out and all(
                not _STRIKE_WORD_RE.search(self.norm, h.start, h.end) and any(
                    0 <= h.start - d.end <= 40 for d in self._label_hits["aircraft_downed"])
                for h in self._label_hits["air_strike"]):
            del out["air_strike"]   # "أسقطت الدفاعات طائرة مسيرة": the aircraft downed, named, is no strike
        # an aircraft downed and an air strike in one clause: both stay (two events)
        return sorted(out.items(), key=lambda kv: kv[1].start)

    def _means_and_doers(self, out: dict[str, TriggerHit], cl: _Clause) -> None:
        """Labels the clause's words of means and doers settle: an aircraft's missiles, strikes whose guns are
        named, gunmen named by what they did."""
        if "shelling" in out and all(_MISSILE_RE.fullmatch(self.norm, h.start, h.end)
                                     for h in self._label_hits["shelling"]) and \
                mentions_aircraft(self.norm[cl.lo:self._label_hits["shelling"][0].start]):
            # "استهدف الطيران الحربي بلدة X بصاروخين", "a drone fired a missile at a car": the aircraft's missiles
            h = out.pop("shelling")
            hs = self._label_hits.pop("shelling")
            self._label_hits["air_strike"] = sorted(self._label_hits.get("air_strike", []) + hs, key=lambda x: x.start)
            out.setdefault("air_strike", h)
        if "air_strike" in out and "shelling" in out and all(
                _CARRIED_OUT_STRIKES_RE.match(self.norm, h.start) for h in self._label_hits["air_strike"]):
            del out["air_strike"]   # "artillery carried out strikes on X": the strikes are the shelling
        if "ied" in out and ("shelling" in out or "air_strike" in out) and all(
                self._heard(h, cl.lo) for h in self._label_hits["ied"]):
            del out["ied"]   # "سمع دوي انفجارات ... ناجمة عن قصف مدفعي": the blasts heard were the shelling's
        if "attack" in out and not _GUNMEN_DOERS.isdisjoint(out) and all(
                _GUNMEN_RE.fullmatch(self.norm, h.start, h.end) for h in self._label_hits["attack"]):
            del out["attack"]   # "unknown gunmen set fire to two houses": the gunmen are who burned them

    def _heard(self, h: TriggerHit, lo: int) -> bool:
        """The trigger is a sound heard: "سمع دوي انفجارات", "أصوات الانفجارات", "sounds of explosions"."""
        at = h.start - 2 if self.norm.endswith(" ال", 0, h.start) else h.start
        return _HEARD_RE.search(self.norm, max(lo, at - 12), at) is not None

    def _bomb_story(self, h: TriggerHit) -> bool:
        """An English "bombing" in a report of a planted bomb (a car bomb, an explosive device): the bomb's."""
        if self.norm[h.start:h.end] not in ("bombing", "bombings", "bombed"):
            return False
        if self._planted is None:
            self._planted = _PLANTED_BOMB_RE.search(self.norm) is not None
        return self._planted

    def _remnant(self, h: TriggerHit) -> bool:
        """The trigger names a remnant of past fighting ("left over from", "unexploded", "من مخلفات")."""
        window = self.norm[max(0, h.start - 24):h.end + 32]
        return _REMNANT_GATE.search(window) is not None

    # -- mentions ------------------------------------------------------------------------------
    def _keep_mention(self, m: Mention, hits: list[TriggerHit], ca: list[A.ActorMention], cl: _Clause,
                      ms: list[Mention] | None = None) -> bool:
        if m.veto or (m.cue_kind != "noun" and m.name.lstrip("و") in KIN_WORDS_AR):
            return False   # ("مقتل رجل وابنه": his son, no village)
        if m.reference and m.notes and m.notes[-1] == "posted" and any(
                h.label in ("troop_movement", "base_established") and 0 <= m.start - h.end <= 24 for h in hits):
            pass   # "police were deployed in Jasim": the deployment is the event, and Jasim its place
        elif m.reference:
            weak = m.notes and m.notes[-1] in WEAK_REFERENCES and not all(
                h.label == "killing" and (
                    self.norm.startswith(("ال", "وال", "فال"), self.norm.rfind(" ", 0, h.start) + 1) or
                    self.norm.endswith(("the ", "those "), 0, h.start)) for h in hits)
            # (not "والشاب القتيل ينحدر من بلدة X", "the dead were named as ... from X", "a man from X was among those
            # killed": "the one killed" points back to an event told before)
            origin = m.notes[-1:] == ["origin"]
            if weak and m.notes[-1] in ("origin", "residence") and _IN_CUSTODY_RE.search(self.norm, cl.sent_lo,
                                                                                        cl.sent_hi):
                weak = False   # "وفاة معتقلين بسبب التعذيب، هما فلان من أبناء مدينة X": died in a prison, not at home
            if weak and origin and not _TOOK_PART.isdisjoint(self.norm[cl.lo:m.start].split()):
                weak = False   # "شاركت في المعارك مجموعات من مدينة X", "fighters from X joined": they came to the fight
            others = [o for o in (ms or ()) if o is not m and not o.reference and not o.veto and not o.admin and
                      not (o.name in GOVERNORATE_KEYS and o.cue not in _CITY_CUES) and   # "In Quneitra, ..."
                      not (origin and o.name.startswith("ريف ")) and
                      # ("عمليات في ريف درعا، آخرها اغتيال رئيس بلدية X": the countryside does not place the act)
                      o.supported and (o.cue_kind or o.site or o.list_id >= 0 or o.lang != "ar" or
                       any(0 <= o.start - h.end <= 40 for h in hits))]
            # (an Arabic word that is also a village's name, with no cue and no trigger before it, is no other
            # place: "سلم عدد من أبناء بلدة X أسلحة متوسطة")
            if not weak or others:
                return False
        if m.site == "hospital" and not self._hospital_hit(m, hits, ms or [m]):
            return False   # where the wounded were taken, died or a doctor spoke ("نقل مصابين إلى المشفى الوطني")
        if any(not (m.end <= a.start or m.start >= a.end) and not (m.site and m.start < a.start and a.end <= m.end)
               for a in ca):
            return False      # part of an actor name ("جيش خالد بن الوليد", "قوات الأسد"; not a site named by the force
            #                   after its noun: "مقر اللواء الثامن")
        for h in hits:
            if m.end <= h.start or m.start >= h.end:
                continue
            # inside a trigger phrase: its first or last word is the trigger itself, not a place
            first_end = self.norm.find(" ", h.start, h.end)
            first_end = h.end if first_end < 0 else first_end
            last_start = self.norm.rfind(" ", h.start, h.end) + 1
            if m.start < first_end or m.end > last_start:
                return False
        if not m.cue_kind:
            # a name right after a trigger ("قصف طفس", "captured Nawa", "bombed rebel-held Tafas") has a cue, and
            # so has the subject of a passive one ("Inkhil was shelled", "Nawa fell to government forces")
            for h in hits:
                if 0 <= m.start - h.end and len(self.norm[h.end:m.start].split()) <= 3 and \
                        not re.search(r"[.،,;؛:!?]", self.text[self.n2o(h.end, h.end + 1)[0]:m.orig_start]):
                    m.cue, m.cue_kind = self.norm[h.start:h.end], "trigger"
                    break
                if m.lang == "en" and 0 <= h.start - m.end <= 24 and _PASSIVE_GAP_RE.fullmatch(
                        self.norm, m.end, h.start) and (h.start > m.end + 1 or h.text.startswith(("fell", "came under",
                                                                                                 "comes under"))):
                    m.cue, m.cue_kind = self.norm[h.start:h.end], "trigger"
                    break
                if m.lang == "en" and 0 < h.start - m.end <= 44 and h.label in _UNDERGONE and \
                        _UNDERGOER_GAP_RE.fullmatch(self.norm, m.end, h.start):
                    m.cue, m.cue_kind = self.norm[h.start:h.end], "trigger"   # "X signed a reconciliation deal"
                    break
        return m.supported

    def _lookup(self, name: str, context: str, near: list[tuple[float, float]] | None) -> LookupResult:
        key = (name, context, tuple(near or ()))
        r = self._lookup_cache.get(key)
        if r is None:
            r = self.g.lookup(name, context=context, near=near)
            self._lookup_cache[key] = r
        return r

    def _query_name(self, m: Mention) -> str:
        """The name looked up for a mention; kept per mention (the first pass and :meth:`_locate` both ask, and
        it depends only on the mention's fields and the report's text)."""
        got = self._qnames.get(id(m))   # (the mentions of a report live as long as the extractor)
        if got is None or got[0] is not m:
            got = self._qnames[id(m)] = (m, self._query_name_of(m))
        return got[1]

    def _query_name_of(self, m: Mention) -> str:
        name = article_swallowed(self.norm, self.idx, m) + self.text[m.orig_start:m.orig_end]   # ("للمزيريب")
        if m.admin and m.lang == "ar" and not name.startswith(("ريف", "محافظ")):
            return "ريف " + name
        if m.admin and m.lang == "en" and not re.search(r"province|governorate|countryside", name, re.I):
            return name + " countryside"
        if not m.site and m.source != "list" and self._city_cue(m):
            # "the city of Quneitra", "مدينة درعا": the town, not the governorate named after it
            # (in English only a governorate's name needs "city": "the town of Muzeireb" looked up as "Muzeireb
            # city" would lose the spelling's match with the town to the sub-district's fuzzy one)
            return ("مدينة " + name) if m.lang == "ar" and not name.startswith("مدينة") else \
                (name + " city" if m.lang == "en" and not name.lower().endswith(" city") and
                 latin_key(name) in GOVERNORATE_KEYS else name)
        return name

    def _first_pass(self, cand: list[tuple[_Clause, Mention]]) -> list[tuple[float, float]]:
        """Context-free lookups of every name (cached across reports); their points, outliers
        removed, are the anchors that the second pass uses as ``near``."""
        pts: list[tuple[float, float]] = []
        if self.g is None:
            return pts
        for _cl, m in cand:
            r = _cached_lookup(self.g, self._query_name(m))
            if r.status == "resolved" and r.best and r.best.place.kind not in _ADMIN_KINDS and \
                    (r.best.place.admin1_pcode in _SOUTH or not r.best.place.admin1_pcode):
                pts.append((r.best.place.lat, r.best.place.lon))   # the area of the report: the south it names
        if len(pts) >= 3:
            mlat = sorted(p[0] for p in pts)[len(pts) // 2]
            mlon = sorted(p[1] for p in pts)[len(pts) // 2]
            pts = [p for p in pts if _km(p, (mlat, mlon)) <= 60.0]
        seen: dict[tuple[float, float], None] = {}
        for p in pts:
            seen.setdefault((round(p[0], 5), round(p[1], 5)))
        self._centre = None
        if seen:
            ks = list(seen)
            self._centre = (sum(k[0] for k in ks) / len(ks), sum(k[1] for k in ks) / len(ks))
        return list(seen)[:12]

    def _locate(self, cl: _Clause, m: Mention, anchors: list[tuple[float, float]]) -> _Located:
        loc = _Located(m)
        if self.g is None:
            loc.note = "no gazetteer loaded"
            return loc
        if m.site:
            site = self._locate_site(cl, m, anchors)
            if site is not None:
                return site
        name = self._query_name(m)
        r = r0 = _cached_lookup(self.g, name)
        if m.lang == "en" and m.source == "gazetteer" and not m.admin:
            longer = self._longer_name(m, r0)
            if longer is not None:
                name, r = longer
                r0 = r
        plain = self.text[m.orig_start:m.orig_end]
        if r0.status == "unresolved" and name != plain and not m.admin:
            name = plain   # "Jasem city" is no gazetteer name, "Jasem" is
            r = r0 = _cached_lookup(self.g, name)
        settled = r0.status == "unresolved" and r0.reason.startswith("not in the gazetteer")
        if not settled and r0.status == "resolved" and r0.best is not None and len(r0.candidates) == 1:
            p0 = r0.best.place
            # one candidate, close to the other places of the report (or nothing to compare with): done
            # (a report may span a governorate or two; only a namesake in another region of Syria is suspect)
            settled = p0.kind in _ADMIN_KINDS or p0.admin1_pcode in _SOUTH or \
                (self._centre is not None and _km((p0.lat, p0.lon), self._centre) <= _FAR_KM)
        if not settled and r0.status == "resolved" and r0.best is not None and r0.best.match == "exact" and \
                r0.best.place.admin1_pcode in _CORE and _is_seat(r0.best.place) and self._noun_before(m) in ("", "city"):
            # "march toward Daraa ... near Ghabaghib": a governorate's capital by its name is the capital, not a
            # village elsewhere that shares a spelling of it and happens to lie nearer the report's other places
            settled = True
        if not settled:
            # context: the words around the mention in its sentence (admin names sit next to the place)
            own = (r0.best.place.lat, r0.best.place.lon) if r0.best else None
            near = [p for p in anchors if own is None or _km(p, own) > 0.05] or None
            # the places of the report are the best evidence; without them, the words around the mention
            ctx = "" if near else self._context(cl, m)
            r = self._lookup(name, ctx, near)
            if r.status == "unresolved" and r0.status in ("resolved", "ambiguous") and r0.best and (
                    r0.best.place.kind in _ADMIN_KINDS or r0.best.place.admin1_pcode in _CORE or
                    (self._centre is not None and _km((r0.best.place.lat, r0.best.place.lon), self._centre) <= _FAR_KM)):
                r = r0   # the far guard is for namesakes elsewhere in Syria, not for the next district
        if r.status in ("resolved", "ambiguous") and r.best is not None and (
                self._far_unsupported(r.best.place, cl) or (r.status == "ambiguous" and self._far_namesake(r.best.place))):
            r = self._set_far_aside(r, cl)
        loc.result = r
        if r.status in ("resolved", "ambiguous") and r.best:
            p = r.best.place
            loc.place = p
            loc.resolution = r.status
            loc.lat, loc.lon = p.lat, p.lon
            notes = []
            if p.kind in _ADMIN_KINDS:
                loc.geo_precision = 3
            elif _is_seat(p) and not m.near and not self._city_cue(m):
                # "درعا" / "Quneitra" alone names the governorate as often as its capital: ACLED codes
                # a province named alone at its capital with geo-precision 3
                loc.geo_precision = 3
                notes.append(f"{p.admin1_en or p.name_en} names a governorate and its capital; no 'city' in the text: "
                             "coded at the capital with region precision (ACLED geo-precision 3)")
            elif m.near or r.qualifier:
                loc.geo_precision = 2
            else:
                loc.geo_precision = 1
            if r.status == "ambiguous":
                notes.append("ambiguous: " + r.reason)
                loc.alternatives = tuple(c.to_dict() for c in r.candidates[1:])
            notes += [f"{r.qualifier} named after {p.name_ar or p.name_en}: located at that place"] if r.qualifier else []
            notes += ["the report says near this place"] if m.near else []
            if (twin := self._side_twin(m, p)) is not None:
                loc.resolution, loc.geo_precision, loc.uncertainty_km = "approximate", 2, _TWIN_KM
                notes.append(f"approximate: the {twin}ern namesake of {p.name_en}, not in the gazetteer; placed at it")
            loc.note = "; ".join(notes)
        else:
            loc.note = "unresolved: " + (r.reason if r else "no lookup")
            if r and r.suggestions:
                loc.alternatives = tuple(c.to_dict() for c in r.suggestions[:3])
        return loc

    def _side_twin(self, m: Mention, p: Place) -> str | None:
        """"X الجنوبي" where the gazetteer's X is "X ash Shamali": the text names the southern of two
        villages and the gazetteer has only the northern. The side is then part of the name (``m`` is widened to
        take it) and the place is its namesake's, approximately. Returns the side's English word, or None."""
        if m.lang != "ar" or m.admin or m.site:
            return None
        side = _SIDE_AFTER_RE.match(self.norm, m.end)
        if side is None or not _SIDE_WORDS_EN[_SIDE_OPPOSITE[side.group(1)]].search(p.name_en or ""):
            return None
        m.end = side.end()
        m.orig_start, m.orig_end = self.n2o(m.start, m.end)
        return _SIDE_OPPOSITE[_SIDE_OPPOSITE[side.group(1)]]

    def _longer_name(self, m: Mention, r: LookupResult) -> tuple[str, LookupResult] | None:
        """"towards Busra al-Harir": the gazetteer knows "Busra" (Busra ash-Sham) and only a spelling near "Busra al
        Hariri". A name the scan found, followed by an article and a capitalised word, is that longer name when the
        longer one resolves, to another place whose name starts with the same word; the mention grows to it."""
        tail = _EN_ARTICLE_TAIL_RE.match(self.text, m.orig_end)
        if tail is None:
            return None
        name = self.text[m.orig_start:tail.end()]
        r2 = _cached_lookup(self.g, name)
        b = r2.best
        if r2.status != "resolved" or b is None or (r.best is not None and r.best.place.id == b.place.id) or \
                latin_key(b.matched_name).split()[:1] != latin_key(name).split()[:1]:
            return None
        m.orig_end = tail.end()
        m.end = self.o2n(tail.end())
        return name, r2

    def _locate_site(self, cl: _Clause, m: Mention, anchors: list[tuple[float, float]]) -> _Located | None:
        """A named site: the gazetteer entry of its full name when there is one (returns None so the usual
        path resolves it), else its host ("نصيب" in "معبر نصيب") or the town the text puts it in,
        approximate, with the site's own name kept as the location."""
        surface = self.text[m.orig_start:m.orig_end]
        full = _cached_lookup(self.g, surface) if self._is_gazetteer_name(surface) or \
            (m.site == "hill" and self._variant_of_whole(surface)) else None
        if full is None and m.site == "area":   # "the Lajat area": the region the gazetteer knows as "al-Lajat"
            core = _AREA_TAIL_RE.sub("", surface)
            full = _cached_lookup(self.g, core) if core != surface and self._is_gazetteer_name(core) else None
        if full is not None and full.status in ("resolved", "ambiguous") and full.best and (
                full.best.match in ("exact", "loose") or _same_generic(full.best, surface)) and \
                (full.best.place.kind not in _ADMIN_KINDS or m.site in ("area", "valley")) and \
                not self._far_unsupported(full.best.place, cl):
            return None   # the site's name is a gazetteer place ("منطقة صيدا", "تل شهاب", "the Lajat area"): as usual
        hosts = self._site_hosts(cl, m)
        loc = _Located(m)
        ctx = self._context(cl, m)
        for name, how in hosts:
            if _cached_lookup(self.g, name).reason.startswith("not in the gazetteer"):
                continue   # no context makes an unknown host known (and its suggestions are not wanted here)
            r = self._lookup(name, "" if anchors else ctx, anchors or None)
            if r.status == "unresolved" or (r.best is not None and r.best.place.admin1_pcode not in _CORE):
                r0 = _cached_lookup(self.g, name)   # (and a namesake in the north that the context chose)
                if r0.best is not None and r0.status in ("resolved", "ambiguous") and r0.best.place.admin1_pcode in _CORE:
                    r = r0   # the far guard is for namesakes elsewhere ("DAMASCUS --" datelines a wire), not Dar'a's own
            if r.status in ("resolved", "ambiguous") and r.best is not None:
                p = r.best.place
                if p.kind in _ADMIN_KINDS and how != "in":
                    continue
                if how == "named after" and (r.best.match == "fuzzy" or (m.site == "hill" and r.best.match == "variant")):
                    continue   # "Tel Ahmar" (the red hill): a name that only looks like a village's (Hamir) is not after it
                if self._far_unsupported(p, cl):
                    continue   # a namesake far away is not where this site is
                if how == "named after" and m.container is not None and not m.beside and \
                        self._outside_container(p, m.container):
                    continue   # "the Kark block in the Sabil quarter of Daraa": a block of Daraa, not the village Kark
                loc.result = r
                loc.resolution = "approximate"
                loc.lat, loc.lon = p.lat, p.lon
                loc.geo_precision = 2 if p.kind not in _ADMIN_KINDS else 3
                # (a site east of a town is a few km from it: "the dam 3 km west of the town")
                loc.uncertainty_km = 10.0 if p.kind in _ADMIN_KINDS else 5.0 if how in ("told from", "told before") else 2.0
                loc.admin = p
                loc.note = (f"approximate: the {m.site} is not in the gazetteer; placed at "
                            f"{p.name_ar or p.name_en} ({how}), uncertainty {loc.uncertainty_km:g} km")
                loc.alternatives = (r.best.to_dict(),)
                return loc
        loc.note = f"unresolved: the {m.site} is not in the gazetteer and no town hosting it was found"
        return loc

    def _site_hosts(self, cl: _Clause, m: Mention) -> list[tuple[str, str]]:
        """The towns that may hold the site ``m``, as written, each with how the text ties them to it ("named after",
        "named", "in", "told from", "told before"), in the order they are tried."""
        hosts: list[tuple[str, str]] = []
        if m.host is not None and m.host != (m.start, m.end):
            a, b = self.n2o(*m.host)
            hosts.append((self.text[a:b], "named after"))
            head = self.text[a:b].split()
            if m.site == "neighbourhood" and len(head) == 2:
                hosts.append((head[0], "named after"))   # "حي درعا البلد": the old town of Daraa, in Daraa
        elif m.host is not None:
            hosts.append((self.text[m.orig_start:m.orig_end], "named"))
        if m.container is not None:
            c = m.container   # ("the 12th Brigade headquarters in Daraa countryside": the province, not the city;
            #                    but "حي الكاشف في درعا": a quarter is a town's, and the bare name is the capital's)
            bare = self.text[c.orig_start:c.orig_end]
            quarter_of_town = m.site == "neighbourhood" and _ADMIN_WORD_RE.search(bare) is None
            hosts.append((self._query_name(c) if c.admin and not quarter_of_town else bare,
                          "told from" if m.beside else "in"))
            if c.site and c.host is not None and c.host != (c.start, c.end):
                a, b = self.n2o(*c.host)
                hosts.append((self.text[a:b], "in"))   # a quarter not in the gazetteer: the town it is named after
            if c.site and c.container is not None and not c.container.site:
                cc = c.container   # "the X block in the Y quarter of Daraa": the town that holds the quarter
                hosts.append((self.text[cc.orig_start:cc.orig_end], "in"))
        if m.container is None and (m.site == "neighbourhood" or not hosts or m.site in ("checkpoint", "post")):
            front = _FRONTED_TOWN_RE.match(self.text, cl.sent.start, m.orig_start)
            if front is not None:
                hosts.append((front.group("town") or front.group("en"), "in"))   # "وفي مدينة درعا، ... على حي
                #    المطار": the quarter's town; "In Saida, fighters took the Military Security checkpoint": the post's
        if m.site == "neighbourhood" and m.container is None and not any(how == "in" for _, how in hosts):
            town = self._town_before_in_sentence(cl, m)   # "سيطرت الفصائل على مدينة درعا بعد انسحاب القوات من
            if town is not None:                           # الأفرع الأمنية في حي المحطة": the quarter's town
                hosts.append((town, "in"))
            elif (m.name.split(" ", 1)[0] in QUARTER_NOUNS_AR or _QUARTER_NOUN_AFTER_RE.match(self.text, m.orig_end)) and \
                    (town := self._town_told_before(m)) is not None:
                hosts.append((town, "told before"))   # "... في مدينة درعا. وظهر اليوم خرجت مظاهرة في حي X": the
                #                                          quarter of the town the report told of last
        return hosts

    def _town_before_in_sentence(self, cl: _Clause, m: Mention) -> str | None:
        """The last town named before the quarter ``m`` in its sentence (a site's host for a site), as written."""
        for t in reversed(find_mentions(self.text, self.norm, self.offs, self.idx, cl.sent_lo, m.start, self.lang)):
            if t.end > m.start or t.admin or not t.supported or t.site == "neighbourhood":
                continue   # (a quarter named before is no town: "حي المحطة"'s host is its own name)
            if t.site:
                if t.host is None or t.host == (t.start, t.end):
                    continue
                a, b = self.n2o(*t.host)
                return self.text[a:b]
            return self.text[t.orig_start:t.orig_end]
        return None

    def _town_told_before(self, m: Mention) -> str | None:
        """The last place named before the quarter ``m`` (in the report, its own sentence included), as written, when
        it is a town of Dar'a or Quneitra (a city, town or village the gazetteer resolves there): a quarter named with
        no town in its sentence is the report's last town's (not when the last place named is a province or a town
        elsewhere: "fighting in Suwayda province ... in the city's X neighbourhood")."""
        for t in reversed(find_mentions(self.text, self.norm, self.offs, self.idx, 0, m.start, self.lang)):
            if not t.supported or t.veto or t.site and (t.host is None or t.host == (t.start, t.end)):
                continue   # (a quarter or a site named by its own name is no town)
            if t.site and t.host is not None:   # ("على مواقع في درعا البلد وحي X": the town a site is named after)
                a, b = self.n2o(*t.host)
                name = self.text[a:b]
            else:
                name = self.text[t.orig_start:t.orig_end]
            r = _cached_lookup(self.g, name)
            if t.admin or r.status != "resolved" or r.best is None:
                return None
            p = r.best.place
            return name if p.kind in _TOWN_KINDS and p.admin1_pcode in _CORE else None
        return None

    def _outside_container(self, p: Place, c: Mention) -> bool:
        """The place ``p`` is far (over :data:`_SITE_IN_TOWN_KM`) from the town the text puts a site in."""
        if c.site:   # a quarter has no point of its own: the town it is in has
            if c.container is None or c.container.site:
                return False
            c = c.container
        r = _cached_lookup(self.g, self.text[c.orig_start:c.orig_end])
        return r.status == "resolved" and r.best is not None and r.best.place.kind in _TOWN_KINDS and \
            _km((p.lat, p.lon), (r.best.place.lat, r.best.place.lon)) > _SITE_IN_TOWN_KM

    def _context(self, cl: _Clause, m: Mention) -> str:
        """The words around a mention in its sentence, without the mention itself (a name must not
        vouch for itself: "al-Hamidiya" is also a sub-district in Tartous)."""
        a, b = max(cl.sent.start, m.orig_start - 100), min(cl.sent.end, m.orig_end + 100)
        return self.text[a:m.orig_start] + " " * (m.orig_end - m.orig_start) + self.text[m.orig_end:b]

    def _variant_of_whole(self, surface: str) -> bool:
        """A Latin site name of two words or more that is one place's spelling variant in the area, with the same
        generic first word ("Tel Shehab" for Tall Shihab)."""
        if self.g is None or " " not in surface.strip() or not surface.isascii():
            return False
        vh = self.g.variant_hit(surface)
        first = latin_key(surface).split()[:1]
        return vh is not None and vh.unique and any(latin_key(n).split()[:1] == first for n in vh.matched_names)

    def _is_gazetteer_name(self, surface: str) -> bool:
        """An exact gazetteer name (the mention automaton's keys), without a fuzzy lookup's cost."""
        if self.idx is None:
            return False
        key = normalize_ar(surface)
        if any("\u0600" <= ch <= "\u06ff" for ch in key):
            return bool(self.idx.has_ar and self.idx.ar.exists(key))
        return latin_key(surface) in self.idx.latin

    def _set_far_aside(self, r: LookupResult, cl: _Clause) -> LookupResult:
        """The best candidate is a far namesake: the nearest-ranked candidate in the area of the report
        wins (marked ambiguous, with the far one as an alternative), else no point at all."""
        near = [c for c in r.candidates if not self._far_unsupported(c.place, cl) and not (
            r.status == "ambiguous" and self._far_namesake(c.place))]
        p = r.best.place if r.best else None
        far_note = f"{p.name_en or p.name_ar}, {p.admin1_en}" if p else ""
        if near and near[0].score >= 0.6:
            rest = [c for c in r.candidates if c is not near[0]]
            return LookupResult(r.query, "ambiguous", f"{r.reason}; a namesake far from the area of the report "
                                f"({far_note}) set aside", (near[0], *rest), r.qualifier)
        return LookupResult(r.query, "unresolved", f"only a namesake far from the area of the report ({far_note}); "
                            "not placed unless the text names that area", (), r.qualifier, r.candidates[:3])

    def _far_unsupported(self, p: Place, cl: _Clause) -> bool:
        """A place outside the south, far from the report's other places, in a sentence that does not name
        its governorate or district: a namesake, not the place meant (the product reads southern Syria)."""
        if p.kind in ("governorate", "country", "region") or p.admin1_pcode in _CORE or not p.admin1_pcode:
            return False   # (no p-code: an analyst's or a test's place, whose area we cannot judge)
        key = (cl.sent.start, cl.sent.end)
        named = self._sent_ctx.get(key)
        if named is None:
            named = self._sent_ctx[key] = self.g.context_places(self.text[cl.sent.start:cl.sent.end])
        if any((q.kind == "governorate" and q.admin1_pcode == p.admin1_pcode) or
               (q.kind == "district" and q.admin2_pcode == p.admin2_pcode) for q in named):
            return False   # the sentence names the place's own governorate or district
        if p.admin1_pcode in _SOUTH:
            # a neighbouring governorate (As-Sweida, Rural Damascus): taken unless the sentence puts the
            # event in Dar'a or Quneitra ("a village of Quneitra on the Dar'a line") and the village
            # lies beyond the border strip that reports count as Dar'a's countryside (area.EDGE_KM)
            if self._on_the_edge(p):
                return False
            return any(q.admin1_pcode in _CORE and q.kind in ("governorate", "district", "subdistrict", "region")
                       for q in named)
        return self._centre is None or _km((p.lat, p.lon), self._centre) > _FAR_KM

    def _far_namesake(self, p: Place) -> bool:
        """One of several places of the name, in a neighbouring governorate but far from the report's other places
        ("عين التينة" of the Qalamoun, beside the villages of Quneitra): not the one meant."""
        return p.kind == "village" and p.admin1_pcode not in _CORE and self._centre is not None and \
            p.lat is not None and _km((p.lat, p.lon), self._centre) > _NAMESAKE_KM

    def _on_the_edge(self, p: Place) -> bool:
        """Within :data:`area.EDGE_KM` of Dar'a or Quneitra (a border village OCHA's polygons put next door)."""
        path = self.g.boundaries_path(1) if hasattr(self.g, "boundaries_path") else None
        if path is None or p.lat is None or p.lon is None or not Path(path).exists():
            return False
        return area_shape(str(path), tuple(sorted(_CORE))).contains(p.lat, p.lon)

    def _city_cue(self, m: Mention) -> bool:
        """The text calls the place a city or one of its quarters ("مدينة درعا", "Daraa city", "أحياء درعا")."""
        key = (m.start, m.end)   # a function of the report's text and the span: asked up to four times a mention
        got = self._city_cues.get(key)
        if got is None:
            before = self.norm[max(0, m.start - 40):m.start]   # the normalised text: no normalising per call
            after = self.norm[m.end:m.end + 20]
            got = self._city_cues[key] = bool(_CITY_BEFORE_GATE.search(before) or _CITY_AFTER_RE.match(after) or
                                              self.text[m.orig_start:m.orig_end].lower().endswith(" city"))
            #                                 ("Daraa City": the word of the city inside the name)
        return got

    def _approximate(self, located: dict[tuple[int, int], _Located], plans) -> None:
        """Unresolved list members -> centre and spread of the resolved members of the same list;
        otherwise a region named in the same clause (region precision)."""
        groups: dict[int, list[_Located]] = {}
        for loc in located.values():
            if loc.mention.list_id >= 0:
                groups.setdefault(loc.mention.list_id, []).append(loc)
        for members in groups.values():
            pts = [(l.lat, l.lon, l.place) for l in members if l.resolution in ("resolved", "ambiguous")
                   and l.lat is not None and l.lon is not None and l.place is not None
                   and l.place.kind not in _ADMIN_KINDS]
            if not pts:
                continue
            clat = sum(p[0] for p in pts) / len(pts)
            clon = sum(p[1] for p in pts) / len(pts)
            spread = max(_km((clat, clon), (p[0], p[1])) for p in pts)
            names = ", ".join(p[2].name_ar or p[2].name_en for p in pts[:8])
            for l in members:
                if l.resolution != "unresolved":
                    continue
                l.resolution = "approximate"
                l.lat, l.lon = round(clat, 6), round(clon, 6)
                l.geo_precision = 2
                l.uncertainty_km = round(max(spread, 2.0), 2)
                l.note = (f"approximate: no place of this name in the area of the report; placed at the centre of the {len(pts)} resolved "
                          f"places listed with it ({names}), uncertainty {l.uncertainty_km} km; " + l.note)
                if self.g is not None:
                    l.admin = self.g.admin_for_point(clat, clon)
        self._quarters_of_town(located, plans)
        # region of the clause for the remaining unresolved ones
        for _cl, _hits, ms, _ca in plans:
            region = None
            for m in ms:
                lo = located.get((m.start, m.end))
                if lo and lo.place is not None and lo.place.kind in _ADMIN_KINDS and lo.resolution == "resolved":
                    region = lo
                    break
            if region is None:
                continue
            for m in ms:
                lo = located.get((m.start, m.end))
                if lo and lo.resolution == "unresolved" and not _everyday_word(m):
                    p = region.place
                    assert p is not None  # the region was chosen for its place
                    lo.resolution = "approximate"
                    lo.lat, lo.lon = p.lat, p.lon
                    lo.geo_precision = 3
                    lo.extra["region"] = p
                    lo.note = (f"approximate: no place of this name in the area of the report; placed at the region named in the same clause "
                               f"({p.name_ar or p.name_en}), region precision; " + lo.note)

    def _quarters_of_town(self, located: dict[tuple[int, int], _Located], plans) -> None:
        """Unresolved quarters listed after "أحياء" ("وفي مدينة درعا، قُصفت أحياء X وY") -> the town named before them
        in the clause, a few km of uncertainty."""
        for _cl, _hits, ms, _ca in plans:
            lists = {m.list_id for m in ms if m.cue in _QUARTERS_CUES and m.list_id >= 0}
            if not lists:
                continue
            for m in ms:
                lo = located.get((m.start, m.end))
                if lo is None or lo.resolution != "unresolved" or m.list_id not in lists:
                    continue
                town = next((t for t in (located.get((o.start, o.end)) for o in reversed(ms) if o.end <= m.start)
                             if t is not None and t.resolution == "resolved" and t.place is not None and
                             t.place.kind in _TOWN_KINDS), None)
                if town is None or town.place is None:
                    continue
                p = town.place
                lo.resolution, lo.lat, lo.lon, lo.geo_precision, lo.uncertainty_km = "approximate", p.lat, p.lon, 2, 3.0
                lo.admin = p
                lo.note = f"approximate: a quarter not in the gazetteer; placed at {p.name_ar or p.name_en}, the town " \
                          f"named before it, uncertainty 3 km; " + lo.note

    # -- events --------------------------------------------------------------------------------
    def _clause_places(self, locs: list[_Located], labels, cl: _Clause, ms) -> list[_Located]:
        """The clause's located mentions that are event places: not an everyday word beside named places, not a
        container beside finer places, not a governorate's seat heading the clause."""
        if len(locs) > 1:
            # an everyday word that names only a far village ("حملة تمشيط واسعة في منطقة اللجاة") gives way to the
            # places the clause does name
            stray = [l for l in locs if l.resolution == "unresolved" and _everyday_word(l.mention)]
            if stray and len(stray) < len(locs):
                locs = [l for l in locs if l not in stray]
        # containers: a region or admin unit named with finer places in the clause is not an event place (a place
        # people or arms were taken to is none: "الحافلات التي تقل المسلحين من القنيطرة إلى إدلب")
        fine = [l for l in locs if not (l.place is not None and l.place.kind in _ADMIN_KINDS
                                        and l.resolution in ("resolved", "ambiguous"))]
        # (but a region listed beside a town is a place of its own: "سيطر الجيش على منطقة اللجاة وبلدة X")
        fine += [l for l in locs if l not in fine and l.place is not None and l.place.kind == "region" and
                 not l.mention.admin and not _COUNTRYSIDE_RE.search(self.text, l.mention.orig_start, l.mention.orig_end)
                 and (l.mention.list_id >= 0 and any(f.mention.list_id == l.mention.list_id for f in fine) or
                      # (and a region an act is aimed at, by its own preposition: "بقصف مكثف على منطقة اللجاة، ثم
                      # سيطرت على بلدة X"; not "في منطقة اللجاة", the frame of the towns after it)
                      l.mention.cue_kind == "prep" and l.mention.cue.lstrip("وف") in ("علي", "الي", "نحو") or
                      # (and a region whose villages the act struck: "استهدف الطيران قرى منطقة اللجاة، ولا سيما X")
                      _VILLAGES_OF_RE.search(self.norm, max(0, l.mention.start - 30), l.mention.start) is not None)]
        #        (not a countryside: "بين السويداء وريف درعا الشرقي")
        away = [lab for lab, _ in labels if lab in _TO_ELSEWHERE]
        if fine and (not away or not all(self._destination(l.mention, cl, away[0], ms) for l in fine)):
            locs = fine
        if len(locs) > 1 and (front := _FRONTED_TOWN_RE.match(self.text, cl.sent.start)) is not None:
            # "وفي مدينة درعا، قصفت القوات أحياء X وY": the town heading the sentence frames the quarters and sites
            # told in it, which are the places
            framed = [l for l in locs if l.mention.orig_start < front.end()]
            quarters = {l.mention.list_id for l in locs if l.mention.cue in _QUARTERS_CUES and l.mention.list_id >= 0}
            if framed and any(l.mention.site or l.mention.cue in _QUARTERS_CUES or l.mention.list_id in quarters
                              for l in locs if l not in framed):
                locs = [l for l in locs if l not in framed]
        if len(locs) > 1:
            # "In Quneitra, ... the town of X": a governorate's seat heading the clause names the governorate
            head = [l for l in locs if l.place is not None and _is_seat(l.place) and not self._city_cue(l.mention)
                    and (l.mention.orig_start - cl.span.start <= 8
                         or self.text[l.mention.orig_end:l.mention.orig_end + 2].lstrip(" ")[:1] in ("،", ","))]
            if head and len(head) < len(locs):
                locs = [l for l in locs if l not in head]
        return locs

    def _clause_locs(self, cl: _Clause, labels, ms, ca, located, dates) -> list[_Located]:
        """The clause's located mentions; and, placed or not, the act whose dead may be told after it ("كثفت وحدات
        الجيش ضرباتها على تجمعاتهم في الريف"), and each act's day when the clause has no place (an act with no place
        of its own may be named again with one)."""
        op = next(((lab, hit) for lab, hit in labels if lab in _TOLL_OF), None)
        if op is not None:
            self._last_op = (cl.sent_index, op[0], self._actors_for(op[1], ca, cl, op[0])[0])
        locs = [located[(m.start, m.end)] for m in ms if (m.start, m.end) in located]
        if not locs:
            for lab, hit in labels:
                self._remember_day(cl, lab, self._date_for(cl, dates, hit))
        return locs

    def _events_for_clause(self, cl: _Clause, hits, ms, ca, located, dates) -> list[Event]:
        labels = self._labels(hits, cl)
        if not labels:
            return []
        locs = self._clause_locs(cl, labels, ms, ca, located, dates)
        if not locs:
            return []
        locs = self._clause_places(locs, labels, cl, ms)
        seg = self.norm[cl.lo:cl.hi]
        sent_text = self.text[cl.sent.start:cl.sent.end]
        hedged = not _HEDGE.isdisjoint(seg.split())
        subs = self._subordinates(labels) if self._after_in(cl.lo, cl.hi) or (
            len(labels) > 1 and any(lab == "protest" for lab, _ in labels)) else None
        out: list[Event] = []
        for lab, hit in labels:
            L = LABELS[lab]
            a1, a2 = self._actors_for(hit, ca, cl, lab)
            if (L.needs_actor and not a1) or (lab == "supply_cut" and a1 in _UNARMED):
                continue   # (protesters who cut the road protest; they cut no supply line)
            lab, L, etype, sub, a1, a2 = self._kind(lab, hit, labels, ca, cl, seg, a1, a2)
            # places after the trigger are where it happened ("air strikes on X"); places before it
            # belong to another predicate ("talks in X collapsed, prompting air strikes on Y")
            after = [l for l in locs if l.mention.start >= hit.start]
            before = [l for l in locs if l.mention.start < hit.start]
            # places before the trigger belong to another predicate only across a clause break ("talks in X
            # collapsed, prompting air strikes on Y"); "شهدت قرية X ومدينة Y مظاهرات" names where it happened
            split = bool(before) and bool(_CLAUSE_PUNCT_RE.search(
                self.text[before[-1].mention.orig_end:self.n2o(hit.start, hit.start + 1)[0]]))
            use = after if after and before and split and len(labels) == 1 else locs
            if subs is not None:
                use = _subordinate_scope(hit, subs, use)
            fled = lab in _FLED_FROM and self._fled(hit, cl)
            for loc in use:
                m = loc.mention
                if self._target_of and (m.start, m.end) in self._target_of and all(
                        h.start != self._target_of[(m.start, m.end)] for h in self._label_hits.get(lab, [hit])):
                    continue   # the town whose areas the one trigger before them hit
                # (a town named in another sentence is here by the anaphor that names it again: "The army stormed
                # the town on Wednesday")
                if L.near_place and cl.lo <= m.start < cl.hi and not self._near(L.near_place, hit, m) and not (
                        m.list_id >= 0 and any(o.mention.list_id == m.list_id and 0 <= o.mention.start - hit.end <= L.near_place
                                               for o in use)):
                    continue   # (a list starting right after the trigger is all of it: "between A and B")
                if lab in _FINE_ONLY and _is_broad(loc) or self._of_a_time_anchor(m, hits):
                    continue   # troops moving "in Daraa province", people killed "in Quneitra": no place to map; the
                    #            place of an act named as a time ("the heaviest since the capture of X")
                if lab in _TO_ELSEWHERE and self._destination(m, cl, lab, ms):
                    continue   # where the buses or the retreat went, not the place of the event
                if lab in _PLANNED_LABELS and m.start > hit.end and _EXPECTED_GATE.possible(self.norm[hit.end:m.start]) \
                        and _EXPECTED_RE.search(self.norm, hit.end, m.start):
                    continue   # "under the deal, similar arrangements are expected to be extended to X": a plan at X
                if lab == "arrests" and m.start > hit.end and self._crimes_elsewhere(hit, m, use):
                    continue   # "القبض على خلية في X متورطة بزرع عبوات في Y": Y is where its crimes were
                if fled and m.start > hit.end and _TOWARDS_RE.search(self.norm, hit.end, m.start):
                    continue   # "people have fled the fighting, heading to the Golan Heights": not fought there
                # two incidents told in one clause: each place takes the nearest trigger of the label, and the
                # date nearest to that trigger
                own = _hit_of(self._label_hits.get(lab, [hit]), m, ms)
                date_, tprec = self._told_again(cl, lab, own) or self._date_for(cl, dates, own)
                if len(use) > 1:
                    # "... في بلدة X بتاريخ 12 كانون الثاني، و... في مدينة Y بتاريخ 20 كانون الثاني": each its day
                    date_, tprec = self._dates.own_day(m.start, m.end, cl.lo, cl.hi) or (date_, tprec)
                    later = _PLACE_DAYS_LATER_RE.match(self.norm, m.end) if tprec == 1 else None
                    if later is not None:   # "سيطرت على X في 26 حزيران، ثم على Y بعد يومين": Y's own day
                        date_ = min(date.fromisoformat(date_) + timedelta(days=_days_later(later)), self.pub).isoformat()
                if tprec == 1 and date_ > self._pub_iso:
                    continue   # "أن تشهد مدينة X يوم غد الأحد تشييعاً": a day still to come is no event yet
                et, st = self._toll_kind_here(lab, loc, etype, sub)
                out.append(self._event(cl, lab, et, st, own, loc, a1, a2, date_, tprec, hedged, sent_text))
                self._remember_day(cl, lab, (date_, tprec))
                if lab in _TOLL_OF and loc.place is not None:
                    self._op_at[loc.place.id] = (cl.sent_index, lab)
        if len(labels) > 1 and any(e.fatalities for e in out if e.trigger_label not in _NO_TOLL):
            # "killed two members of the cell and arrested three others": the dead are the killing's, not the
            # arrests' too (an arrest raid told with its dead and no other act keeps them)
            out = [dataclasses.replace(e, fatalities=None) if e.trigger_label in _NO_TOLL and e.fatalities else e
                   for e in out]
        return _one_protest_event(out)

    def _background(self, h: TriggerHit, prev: list[str], cl: _Clause) -> bool:
        """The trigger tells who stands or holds where, what gangs do, a habit, a threat or a time, not an act."""
        if h.label == "troop_movement" and self.norm.startswith(_STANDING_AR, h.start) and not any(
                cl.sent_lo <= d < cl.sent_hi for d in self._date_starts):
            return True   # "فيما تنتشر مجموعات أخرى في X", "تتمركز الفرقة الرابعة في Y": who stands where, no day's act
        if self._habit_or_threat(h, prev):
            return True
        if h.label == "territory_taken" and prev[-1] in ("خارج", "تحت"):
            return True   # "لا تزال X خارج سيطرة النظام", "تحت سيطرة الفصائل": who holds it, no taking
        if prev[-1] in _GANGS_OF and "ال" in (self.norm[h.start:h.start + 2], self.norm[h.start - 2:h.start]):
            return True   # "حيث تنشط عصابات الخطف والسلب", "خلايا الاغتيال": who does such acts, no act told
        if prev[-1] == "منذ" or prev[-2:] == ["since", "the"]:
            self._time_anchors.append(h.end)
            return True   # "الأكبر منذ سيطرة المعارضة على X", "the first since the capture of X": an act named as a time
        return False

    def _habit_or_threat(self, h: TriggerHit, prev: list[str]) -> bool:
        """"وكانت المجموعات تسيطر منذ 2014 على X", "كانت قوات النظام تستخدمه لقصف X": what went on or what a post was
        used for, told as the background (a verb of the present after "كان"); "وهددت الفرقة ... باقتحام X": a threat
        (its act glued to "ب")."""
        w = self.norm[h.start:h.end]
        before = self.norm[h.start - 1:h.start]
        if w.startswith(_PRESENT_ACTS) and not _WAS.isdisjoint(prev[-4:]):
            return True
        if before == "ل" and any(x.startswith(("تستخدم", "يستخدم", "استخدم")) for x in prev):
            return True
        return before == "ب" and not _DEMANDED.isdisjoint(
            x.lstrip("وف") for x in _words_before(self.norm, h.start, 0, 10, 90))

    def _of_a_time_anchor(self, m: Mention, hits: list[TriggerHit]) -> bool:
        """``m`` follows an act named as a time ("منذ سيطرة المعارضة على X") with no other trigger between."""
        return bool(self._time_anchors) and any(0 <= m.start - a < 60 and not any(a <= h.start < m.start for h in hits)
                                                for a in self._time_anchors)

    def _kind(self, lab: str, hit: TriggerHit, labels, ca, cl: _Clause, seg: str, a1: str, a2: str):
        """The event's label, kind (type, sub-type) and actors, where the trigger's own label is adjusted by what
        the clause and the sentence before tell (the toll of an act, an Israeli entry, gunfire at protesters)."""
        L = LABELS[lab]
        etype, sub = L.event_type, L.sub_event_type
        told = self._last_op
        toll = (lab == "killing" and len(labels) == 1 and told is not None and 0 <= cl.sent_index - told[0] <= 1
                and _VICTIM_VOICE_RE.match(hit.text) is not None
                and not any(a.role == "agent" for a in ca)   # "was killed by gunmen": a killing of its own
                and not _OTHER_STORY_RE.match(self.norm, cl.sent_lo, cl.sent_lo + 24))
        if toll and told is not None:
            # the dead of the act told just before: that act, by its doer, at the places the deaths are told
            etype, sub = LABELS[told[1]].event_type, LABELS[told[1]].sub_event_type
            if told[2] and told[2] != a2:
                a1 = told[2]
        if lab in ("territory_entered", "territory_taken", "advance", "withdrawal") and a1 == A.ISR:
            # Israeli forces entering, taking or advancing on a village, or withdrawing from it: an incursion (never
            # "Government regains territory", nor a clash where no one is said to fight, nor a handover)
            lab, L = "incursion", LABELS["incursion"]
            etype, sub = L.event_type, L.sub_event_type
        if lab in ("territory_taken", "territory_entered"):
            if lab == "territory_entered" and (a1 == A.UNK or _INTO_POST_RE.match(self.norm, hit.end)):
                sub = "Armed clash"   # unknown gunmen storming a post, anyone storming a checkpoint: an attack
            elif a1 and a1 not in A.STATE_SIDE and a1 not in (A.CIV, A.PROTESTERS, A.ISR, A.USC, A.TUR, A.JOR):
                sub = "Non-state actor overtakes territory"
            if lab == "territory_entered" and _NO_FIGHT_RE.search(seg):
                etype, sub = LABELS["withdrawal"].event_type, "Non-violent transfer of territory"   # "entered X
                #                                                 without fighting", "دخلت X دون قتال": handed over
        if lab == "cache_found" and mentions_weapons(seg):
            sub = "Disrupted weapons use"
        if lab == "arrests" and (a1 == A.UNK and _doer_named(ca, hit) == A.UNK or
                                 not a1 and _BY_GUNMEN_RE.match(self.norm, hit.end) or
                                 a1 in ("", A.OPP, A.HTS, A.ISIS) and _PEACEKEEPERS_RE.search(seg)):
            # "Gunmen detained two men", "اعتقل مسلحون مجهولون شاباً": unknown gunmen hold no one by any authority,
            # nor do rebels the UN's peacekeepers ("احتجزت الفصائل جنوداً من قوات الأندوف")
            etype, sub = LABELS["abduction"].event_type, LABELS["abduction"].sub_event_type
        if lab == "attack" and a2 == A.PROTESTERS and a1 and a1 not in _UNARMED:
            # "security forces opened fire on the protesters": ACLED's excessive force, not a battle, with the
            # protesters as the first actor, as every protest event codes them
            etype, sub = LABELS["protest_excessive"].event_type, LABELS["protest_excessive"].sub_event_type
            a1, a2 = A.PROTESTERS, a1
        elif toll:
            pass
        elif lab == "attack" and a2 == A.CIV and not any(a.actor not in (A.CIV, a1) for a in ca if a.role == "object"):
            etype, sub = "Violence against civilians", "Attack"   # gunfire or sniping at civilians
        elif lab in ("killing", "attack") and a1 and a2 and a1 != a2 and {a1, a2}.isdisjoint(_UNARMED):
            etype, sub = "Battles", "Armed clash"   # armed men killing armed men: ACLED's battle, not violence
            #                                         against civilians ("army units killed scores of terrorists")
        return lab, L, etype, sub, a1, a2

    def _toll_kind_here(self, lab: str, loc: _Located, etype: str, sub: str) -> tuple[str, str]:
        """The dead told after two acts are those of the act at their place: "helicopters dropped barrel bombs on
        X, while artillery pounded Y. A woman was killed in X": the air strike's dead, not the shelling's."""
        told = self._last_op
        if lab != "killing" or told is None or loc.place is None or (etype, sub) != (
                LABELS[told[1]].event_type, LABELS[told[1]].sub_event_type):
            return etype, sub
        here = self._op_at.get(loc.place.id)
        if here is None or here[0] != told[0]:
            return etype, sub
        return LABELS[here[1]].event_type, LABELS[here[1]].sub_event_type

    def _destination(self, m: Mention, cl: _Clause, lab: str, ms: list[Mention]) -> bool:
        """The place is where something went: "نحو X", "to X"; past its noun ("باتجاه مدينة X", "towards the town of
        X") for a retreat, or after a place they left ("من A إلى مدينة B", one of ``ms``): buses that came "إلى بلدة
        X" came to take people from X."""
        if lab == "withdrawal" or any(o.end <= m.start and self._word_before_name(o, cl) in ("من", "from") for o in ms):
            w = self._word_before_name(m, cl)
        else:
            ws = _words_before(self.norm, m.start, cl.lo, 1)
            w = ws[-1] if ws else ""
        return w in _DEST_AR or w in _DEST_EN

    def _fled(self, h: TriggerHit, cl: _Clause) -> bool:
        """The trigger names what people fled ("fled the fighting", "هرباً من القصف")."""
        return not _FLED.isdisjoint(_words_before(self.norm, h.start, cl.lo, 3))

    def _word_before_name(self, m: Mention, cl: _Clause) -> str:
        """The word before a name and its place noun ("إلى" in "إلى مدينة X", "from" in "from the village of X")."""
        ws = _words_before(self.norm, m.start, cl.lo, 4)
        while ws and (ws[-1] in _DEST_NOUNS or ws[-1] in ("the", "of")):
            ws.pop()
        return ws[-1] if ws else ""

    def _near(self, most: int, hit: TriggerHit, m: Mention) -> bool:
        """The place follows the trigger within ``most`` characters, or is the goal "إلى"/"into" names after a long
        subject ("دخلت وحدات كبيرة من قوات النظام يوم السبت إلى مدينة X")."""
        gap = m.start - hit.end
        return 0 <= gap <= most or (gap <= 2 * most and (
            _INTO_GOAL_RE.search(self.norm, hit.end, m.start) is not None or
            # who or what came along, between the verb and the place: "دخلت قوات النظام ترافقها الشرطة العسكرية
            # الروسية بلدة X", "اقتحمت وحدات من الجيش مدعومة بالدبابات فجر أمس مدينة X"
            not A.SUPPORT_WORDS.isdisjoint(self.norm[hit.end:m.start].split())))

    def _date_for(self, cl: _Clause, dates, hit: TriggerHit) -> tuple[str, int]:
        key = (cl.index, hit.start)   # every place of a trigger asks again; the answer depends on these only
        got = self._date_memo.get(key)
        if got is None:
            got = self._dates.for_clause(
                cl.dating or ClauseSpan(cl.index, cl.lo, cl.hi, cl.sent_lo, cl.sent_hi, cl.paragraph), hit.start, hit.end)
            shift, mid = self._days_apart(cl, hit)
            # (a count told after the act counts from the day its clause gave before the act: "قتل 12 مدنياً بغارات
            # على X يوم الخميس، قبل أن تسيطر عليها القوات مساء اليوم التالي")
            tail = bool(shift) and not mid and _DAYS_APART_N_RE.match(self.norm, cl.lo) is None and \
                not self._dates.dated_within(hit.end, cl.hi, acts_only=True) and self._own_tail(hit, cl)
            if shift and (mid or tail or not self._dates.dated_within(cl.lo, cl.hi, acts_only=True)):
                # "..., a day after rebels overran the checkpoints": the day before the one the sentence gives
                # (never past the publication: "two days later" with no day told before it is not a day to come)
                moved = (min(date.fromisoformat(got[0]) + timedelta(days=shift), self.pub).isoformat(), got[1])
                if shift > 0 and not mid and cl.lo == cl.sent_lo and _DAYS_APART_N_RE.match(self.norm, cl.lo):
                    # (the story moving on at a sentence's start; not a flashback, "a day after rebels ...", nor
                    # "a detachment, which surrendered the following day")
                    self._moved_day = (cl.paragraph, cl.sent_index, got[0], moved[0])
                got = moved
            elif not shift and not self._dates.dated_within(cl.sent_lo, cl.sent_hi) and \
                    not _GOING_ON_AR.isdisjoint(w.lstrip("وف") for w in _words_before(self.norm, hit.start, cl.lo, 2)):
                # "وفي القنيطرة، تدور اشتباكات عنيفة على أطراف X": fighting going on as the report is written, not
                # the day an earlier sentence told
                got = (self.pub.isoformat(), got[1])
            elif self._moved_day is not None and not shift and self._moved_day[0] == cl.paragraph and \
                    self._moved_day[1] < cl.sent_index and got[0] == self._moved_day[2] and \
                    not self._dates.dated_within(cl.sent_lo, cl.sent_hi):
                # "On March 1, ... The next day, gunmen seized X. Protesters also cut the road near Y": the day the
                # story moved to goes on, not the one it moved from
                got = (self._moved_day[3], got[1])
            self._date_memo[key] = got
        return got

    def _remember_day(self, cl: _Clause, lab: str, day: tuple[str, int]) -> None:
        """Keep the day of an act of ``lab`` told in ``cl`` for :meth:`_told_again`: the first of its sentence, the one
        a later sentence names again."""
        if day[1] == 1 and self._label_day.get(lab, (-1, ""))[0] != cl.sent_index:
            self._label_day[lab] = (cl.sent_index, day[0])

    def _told_again(self, cl: _Clause, lab: str, hit: TriggerHit) -> tuple[str, int] | None:
        """The day of the act a sentence with no day of its own names again with the article ("قصفت طائرات إسرائيلية
        فجر اليوم الإثنين أهدافاً ... رداً على محاولة ... مساء الأحد. وذكرت الوكالة أن الغارات استهدفت مواقع في X":
        the strikes' Monday, not the Sunday told last), or None."""
        told = self._label_day.get(lab)
        if told is None or told[0] >= cl.sent_index or not (
                _DEFINITE_BEFORE_RE.search(self.norm, max(0, hit.start - 4), hit.start) or
                self.norm.startswith("ال", hit.start)):   # (in Arabic: "the strikes" in English told too many apart)
            return None
        if self._dates.dated_within(cl.sent_lo, cl.sent_hi):
            return None
        return told[1], 1

    def _own_tail(self, hit: TriggerHit, cl: _Clause) -> bool:
        """The count of days told after the act (:data:`_DAY_AFTER_RE`) is of the act's own verb: a few words after it
        with no comma between ("قبل أن تسيطر عليها القوات مساء اليوم التالي"; not "واعتقلت شابين، أفرج عنهما بعد
        يومين", "arrested two, before releasing one the following day": another verb's day)."""
        later = _DAY_AFTER_RE.search(self.norm, hit.end, cl.hi)
        if later is None or later.start() - hit.end > 40:
            return False
        a, b = self.n2o(hit.end - 1, later.start() + 1)
        return not _CLAUSE_PUNCT_RE.search(self.text, a, b)

    def _days_apart(self, cl: _Clause, hit: TriggerHit) -> tuple[int, bool]:
        """The days from the sentence's day to the clause's, when the clause opens with a count of them ("a day
        after", "two days earlier", "بعد يومين من", "غداة", "the next day"): -1 for a day after, 0 for none or an
        uncounted span; and whether the count stands inside the clause, after its day and before the trigger
        ("X on Sunday, a day after thousands protested there": the protest on Saturday)."""
        m = _DAYS_APART_N_RE.match(self.norm, cl.lo)
        mid = False
        if m is None and self._after_in(cl.lo, hit.start):
            cut = _DAYS_APART_MID_RE.search(self.norm, cl.lo, hit.start)
            if cut is not None and (self._dates.dated_within(cl.lo, cut.start()) or _COMES_RE.search(
                    self.norm, max(cl.lo, cut.start() - 20), cut.start() + 1)) and \
                    not self._dates.dated_within(cut.end(), hit.start):
                # (and "The capture comes a week after rebels seized X": the day of the news it comes after)
                m, mid = _DAYS_APART_N_RE.match(self.norm, cut.end()), True
        if m is None:
            # "..., while a commander survived an attempt in X the following day": the count told after the act
            later = _DAY_AFTER_RE.search(self.norm, hit.end, cl.hi) if _DAY_AFTER_GATE.possible(
                self.norm[hit.end:cl.hi]) else None
            if later is None:
                return 0, False
            if later.group("cnt") or later.group("arcnt"):
                return _days_later(later), False
            return (1 if later.group("next") or later.group("arnext") else -1), False
        return self._day_count(m), mid

    @staticmethod
    def _day_count(m: re.Match[str]) -> int:
        if m.group("eve") or m.group("prev") or m.group("prev2") or m.group("arprev"):
            return -1
        if m.group("next") or m.group("arnext"):
            return 1
        if m.group("hn"):
            days = int(m.group("hn")) // 24
            return -days if m.group("hd") in ("after", "earlier") else days
        unit, count = m.group("u") or m.group("aru"), m.group("n") or "a"
        arn = m.group("arn")   # ("بعد ثلاثة أيام من")
        n = (int(arn) if arn.isdigit() else _AR_DAY_COUNTS[unit]) if arn else 2 if unit.endswith("ين") else \
            int(count) if count.isdigit() else _COUNT_WORDS[count]
        days = n * (7 if unit.startswith(("week", "اسبوع")) else 1)
        # "a day after <what the clause tells>" and "two days earlier, <it>": it was before the sentence's day; but
        # "وقبل يومين من ذلك"، "two days after that": counted from the day told before
        if m.string.startswith(("ذلك", "ذاك", "هذا", "that"), m.end()):
            return -days if (m.group("d") or m.group("ard")) in ("before", "قبل") else days
        return -days if (m.group("d") or m.group("ard")) in ("after", "earlier", "بعد") else days

    def _doer_is_target(self, a1: str, named: str, lab: str, hit: TriggerHit, cl: _Clause,
                        subj_before: list[A.ActorMention], agents: list[A.ActorMention]) -> bool:
        """The actor taken for the doer is the event's target."""
        if lab == "aircraft_downed" and subj_before and named == subj_before[-1].actor and \
                _PASSIVE_TAIL_RE.search(self.norm, subj_before[-1].end, hit.start):
            return True   # "an Israeli drone was shot down": the aircraft's side is the target
        if lab in ("ied", "suicide_bomb", "grenade", "chemical") and not subj_before and not agents:
            return True   # "انفجرت عبوة بسيارة تابعة للفرقة الرابعة": the unit after the device is its target
        # "four regime soldiers died ... after a roadside bomb", "جُرح ستة عناصر من قوى الأمن ... بانفجار عبوة": the
        # force named before its own dead and wounded is the device's target
        return lab in ("ied", "suicide_bomb", "grenade") and not agents and bool(subj_before) and \
            a1 == subj_before[-1].actor and bool(
                _HARMED_RE.search(self.norm, subj_before[-1].end, hit.start) or (
                    _PARTITIVE_RE.search(self.norm, max(cl.lo, subj_before[-1].start - 8), subj_before[-1].start)
                    and _HARMED_RE.search(self.norm, cl.lo, hit.start)))

    def _doer_in_trigger(self, hit: TriggerHit, ca: list[A.ActorMention], after: list[A.ActorMention],
                         lab: str) -> tuple[str, str]:
        """(doer, the doer named) of an Arabic trigger that tells it: a taking's noun and its doer in the construct
        state ("بعد سيطرة الفصائل على ..."), or a pronoun on the trigger ("أثناء قصفها": the nearest actor before)."""
        if lab in ("territory_taken", "territory_entered", "advance"):
            doer = self._masdar_doer(hit, after)
            if doer:
                return doer, doer
        if hit.text.endswith(("ها", "هم", "ه")) and len(hit.text) > 4 and hit.text not in _TAKING_MASDAR:
            prev_any = [a for a in ca if a.end <= hit.start]   # (no line break; "سيطره" is the noun's ة, no pronoun)
            if prev_any:
                return prev_any[-1].actor, ""
        return "", ""

    def _masdar_doer(self, hit: TriggerHit, after: list[A.ActorMention]) -> str:
        """The actor right after a taking named by its noun, in the construct state ("انسحبت قوات النظام ... بعد سيطرة
        الفصائل على الحواجز": the factions took them, not the forces the sentence is about), or ""."""
        word = hit.text.split(" ", 1)[0]
        word = word[1:] if word[:1] in "وفبل" and word[1:] in _TAKING_MASDAR else word
        if word not in _TAKING_MASDAR:
            return ""
        nxt = next((a for a in after if a.start >= hit.end), None)
        return nxt.actor if nxt is not None and not self.norm[hit.end:nxt.start].strip() and \
            nxt.actor not in (A.CIV, A.PROTESTERS) else ""

    def _actors_for(self, hit: TriggerHit, ca: list[A.ActorMention], cl: _Clause, lab: str) -> tuple[str, str]:
        if lab in ("protest", "protest_intervention", "protest_excessive"):
            others = [a.actor for a in ca if a.actor not in (A.PROTESTERS, A.CIV)]
            # a peaceful protest has no second party; an intervention has the force that intervened
            return A.PROTESTERS, (others[0] if others and lab != "protest" else "")
        subj_before = [a for a in ca if a.start < hit.start and a.role in ("subject", "agent")]
        after = [a for a in ca if a.start >= hit.start]
        agents = [a for a in ca if a.role == "agent"]
        a1 = named = ""   # named: the subject this clause gives (not the pronoun's, an agent's or a carried one)
        if self.lang == "ar":
            a1, named = self._doer_in_trigger(hit, ca, after, lab)
        # an actor whose named form holds the trigger ("Russian airstrikes", "مروحية روسية"), not one inside it
        holds = [a for a in ca if a.start <= hit.start and a.end >= hit.end and a.role != "object"]
        if a1:
            pass
        elif holds and holds[0].actor != A.CIV:
            # the trigger is the doer's own weapon: "troops backed by Russian airstrikes", "an Israeli drone struck"
            a1 = holds[0].actor
        elif agents:
            a1 = agents[0].actor
        elif subj_before:
            a1 = subj_before[-1].actor    # nearest before the trigger (objects after ضد/against are not subjects)
            named = a1
        elif lab != "aircraft_downed" or self.lang == "ar":   # ("shot down an Israeli drone": the aircraft after
            #                                                      it is its target; Arabic names the doer there)
            nxt = [a for a in after if a.role == "subject" and a.start - hit.end < 40]
            if nxt:
                a1 = named = nxt[0].actor
        if a1 and self._doer_is_target(a1, named, lab, hit, cl, subj_before, agents):
            a1 = named = ""
        if not a1:
            over = [a for a in ca if a.start < hit.end and a.end > hit.start]
            if over:            # the trigger names its agent: "وسائط الدفاع الجوي", "jets struck"
                a1 = over[0].actor
        if not a1:
            # "The Israeli army said its troops detained two suspects": the speaker's own forces did it
            spoke = [a for a in ca if a.role == "speaker" and a.actor not in (A.CIV, A.PROTESTERS)]
            if spoke and _OWN_FORCES_RE.search(self.norm, cl.lo, cl.hi):
                a1 = spoke[0].actor
        if not a1 and lab not in _NO_CARRY:
            a1 = self._carry.get(cl.index, "")
            # the doer of the event just before, in this sentence or the one before ("وكان الجيش قد ... كما تقدم")
            if not a1 and self._last_actor and 0 <= cl.sent_index - self._last_actor[0] <= 1:
                a1 = self._last_actor[1]
            # "لم يحتج الجيش إلى أكثر من أسبوع ... دخلت وحداته بلدة X": its units, of the force the sentence before
            # named (which told no event of its own)
            if not a1 and _OWN_UNITS_RE.search(self.norm, cl.lo, cl.hi):
                a1 = self._sent_subject.get(cl.sent_index - 1, "")
        if not a1 and lab in _BARE_FORCE_LABELS and (_BARE_FORCE_RE.search(self.norm[max(cl.lo, hit.start - 40):hit.start])
                                                     or _BARE_FORCE_AFTER_RE.match(self.norm, hit.end)
                                                     or _MILITARY_BODY_RE.search(self.norm, max(cl.lo, hit.start - 10),
                                                                                 min(cl.hi, hit.end + 12))):
            a1 = next((a.actor for a in self._actors if a.actor in A.STATE_SIDE or a.actor == A.ISR), A.GOV)
        rest = [a for a in after if a.actor != a1 and a.role not in ("support", "other")] + \
            [a for a in ca if a.end <= hit.start and a.actor != a1 and a.role not in ("support", "other")]
        if holds and a1 == holds[0].actor and holds[0].role == "support":
            rest = [a for a in rest if a.role not in ("subject", "agent")]   # the force it backed is no target
        a2 = rest[0].actor if rest else ""
        if lab in ("protest", "protest_intervention", "protest_excessive") and not a1:
            a1 = A.PROTESTERS
        if lab in ("territory_taken",) and not a1 and re.match(r"(?:[وف]?(?:ال)?)?(?:حرر|تحرير|محرر|يحرر)|liberat|"
                                                           r"(?:[وف]?(?:ال)?)?(?:اعاد|اعاده|يعيد|تعيد)|restor", hit.text):
            a1 = A.GOV    # "liberated", "restored security" are the state's words for its own advances
        if lab == "killing" and a1 and a1 == named and a1 != A.CIV and _VICTIM_VOICE_RE.match(hit.text):
            # "ten militants were killed", "مقتل عدد من عناصر الجيش": the group named is the dead (actor2), the
            # killer unknown (the doer of an act told just before is given in _kind)
            a1, a2 = "", a1
        if a1 in (A.CIV,) and lab not in ("protest", "riot", "mob_violence"):
            # civilians are the victims of violence, not its actor
            promote = a2 not in ("", A.CIV, A.PROTESTERS) and lab not in _NO_CARRY - {"attack_civilians"}
            a1, a2 = (a2 if promote else ""), A.CIV
            if not a1 and lab not in _NO_CARRY:   # "واعتقلت شاباً": the young man is the one arrested, the doer
                a1 = self._carry.get(cl.index, "")   # the sentence's
        if a2 == A.OPP:     # a named group beats the generic word ("المجموعات الإرهابية التابعة لجبهة النصرة")
            groups = [a.actor for a in ca if a.actor in (A.HTS, A.ISIS) and a.actor != a1]
            if groups:
                a2 = groups[0]
        if a1 == a2:
            a2 = ""
        return a1, a2

    def _event(self, cl, lab, etype, sub, hit, loc: _Located, a1, a2, date_, tprec, hedged, sent_text) -> Event:
        m = loc.mention
        ts, te = self.n2o(hit.start, hit.end)
        ms, me = m.orig_start, m.orig_end
        p = loc.place
        admin = p if p is not None else (loc.admin or loc.extra.get("region"))
        conf = LABELS[lab].strength * _RES_FACTOR[loc.resolution]
        if a1:
            conf += 0.05
        if m.cue_kind == "noun" or m.list_id >= 0:
            conf += 0.03
        if hedged:
            conf *= 0.7
        conf = round(max(0.05, min(0.99, conf)), 3)
        h = _SHA1.copy()
        h.update(f"{self.report_id}|{ms}|{me}|{lab}".encode())
        eid = h.hexdigest()[:16]
        note = loc.note
        return Event(
            event_id=eid, event_date=date_, time_precision=tprec, event_type=etype, sub_event_type=sub,
            actor1=a1, actor2=a2, location=_display_name(article_swallowed(self.norm, self.idx, m) + self.text[ms:me]),
            place_id=p.id if p is not None else None,
            place_name_ar=p.name_ar if p is not None else "", place_name_en=p.name_en if p is not None else "",
            admin1=admin.admin1_en if admin is not None else "", admin2=admin.admin2_en if admin is not None else "",
            admin3=admin.admin3_en if admin is not None else "",
            latitude=loc.lat, longitude=loc.lon, geo_precision=loc.geo_precision, resolution=loc.resolution,
            source=self.source, source_url=self.url, published=self.pub.isoformat(), notes=sent_text,
            confidence=conf,
            evidence=Evidence(trigger=self.text[ts:te], trigger_start=ts, trigger_end=te, mention_start=ms,
                              mention_end=me, sentence_start=cl.sent.start, sentence_end=cl.sent.end),
            report_id=self.report_id, language=self.lang, trigger_label=lab, alternatives=loc.alternatives,
            resolution_note=note, uncertainty_km=loc.uncertainty_km,
            admin1_pcode=admin.admin1_pcode if admin is not None else "",
            admin2_pcode=admin.admin2_pcode if admin is not None else "",
            admin3_pcode=admin.admin3_pcode if admin is not None else "",
            extractor=EXTRACTOR_VERSION, fatalities=self._fatalities(cl, ts, te, m),
        )

    def _after_in(self, lo: int, hi: int) -> bool:
        """One of :data:`_AFTER_WORDS` starts within ``norm[lo:hi]`` (found once a report)."""
        if self._after_at is None:
            at: list[int] = []
            norm = self.norm
            for w in _AFTER_WORDS:
                k = norm.find(w)
                while k >= 0:
                    at.append(k)
                    k = norm.find(w, k + 1)
            self._after_at = sorted(at)
        k = bisect.bisect_left(self._after_at, lo - 1)
        return k < len(self._after_at) and self._after_at[k] < hi

    def _subordinates(self, labels) -> tuple[list[TriggerHit], list[TriggerHit]] | None:
        """The clause's triggers that open a clause of their own (see :func:`_subordinate_scope`): (those that are
        no event without a place of their own, all of them), or None when there are none (most clauses)."""
        protest = any(lab == "protest" for lab, _ in labels)
        causes: list[TriggerHit] = []
        subs: list[TriggerHit] = []
        for lab, h in labels:
            before = self.norm[max(0, h.start - 40):h.start]
            if (protest and lab in _CAUSE_EVENTS and _CAUSE_BEFORE_RE.search(before)) or (
                    lab == "agreement" and _AFTER_NEAR_RE.search(before[-36:])):
                causes.append(h)
            elif _AFTER_WORD_RE.search(before[-12:]):
                subs.append(h)
        return (causes, causes + subs) if causes or subs else None

    def _toll_to_the_clause_before(self, cl: _Clause, hits, events: list[Event], first: int) -> None:
        """A clause of deaths alone, with no place, gives its toll to the fight told in the clause before it
        (``events[first:]``): "clashes broke out at the entrance of X, and rebels said they killed at least 11
        soldiers"."""
        before = events[first:]
        if not any(e.trigger_label in _TOLL_OF for e in before) or any(e.fatalities is not None for e in before) or \
                any(h.label != "killing" for h in hits):
            return
        toll = lone_toll(self.text[cl.span.start:cl.span.end])
        if toll is None:
            return
        for k in range(first, len(events)):
            if events[k].trigger_label in _TOLL_OF:
                events[k] = dataclasses.replace(events[k], fatalities=toll)

    def _fatalities(self, cl: _Clause, ts: int, te: int, m: Mention) -> int | None:
        """The number killed in this event, as the report states it (``eventmap.events.fatalities``)."""
        if self._death is None:
            self._death = norm_has_death(self.norm)   # once a report
        if not self._death:
            return None   # (what fatalities() answers first for a report that names no death)
        place = (m.orig_start, m.orig_end)
        if not cl.sent.start <= m.orig_start < cl.sent.end:
            place = (te, te)   # the town named before ("... على البلدة"): the toll is read at the event's words (and
            #                    from them: "gunmen shot dead a commander in the town's west" names one dead)
        return fatalities(self.text, (cl.sent.start, cl.sent.end), (ts, te), place,
                          clause=(cl.span.start, cl.span.end), in_list=m.list_id >= 0, report_has_death=self._death)

    def _dedup(self, events: list[Event]) -> list[Event]:
        # the same event (type, place, date) said twice: keep the more confident, first-seen order
        best: dict[tuple, Event] = {}
        order: list[tuple] = []
        for e in events:
            key = (e.event_type, e.sub_event_type, e.place_id or e.location, e.event_date, e.latitude, e.longitude,
                   e.location if e.location[:1] in "تTt" and _HILL_NAME_RE.match(e.location) else "")
            # (the hill beside a village is a place of its own)
            if key not in best:
                best[key] = e
                order.append(key)
                continue
            told = [x.fatalities for x in (best[key], e) if x.fatalities is not None]
            if (e.geo_precision, e.time_precision, -e.confidence) < (
                    best[key].geo_precision, best[key].time_precision, -best[key].confidence):
                best[key] = e   # the finer reading wins ("Daraa city" over "Daraa"; the body's dated telling
                # over the headline's, which would be dropped below as a repeat of another day's event)
            if told and best[key].fatalities != max(told):
                # the toll one telling gives stays with the event; of two, the larger (a later toll
                # revises the first: "two were shot ... the shelling that followed killed five in all")
                best[key] = dataclasses.replace(best[key], fatalities=max(told))
        out = [best[k] for k in order]
        # a headline or summary without a date repeats an event the body dates: keep the dated one
        dated: dict[tuple[str, str, str], list[str]] = {}
        for e in out:
            if e.time_precision == 1:
                dated.setdefault((e.event_type, e.sub_event_type, e.place_id or e.location), []).append(e.event_date)
        pub = self.pub.isoformat()

        head = self._head

        def repeated(e: Event) -> bool:
            if e.time_precision != 2 or e.event_date != pub:
                return False
            # (a week back; a headline's, a digest's month back: "حصاد أيار: هجوم دامٍ على مخفر X" over its 4 May)
            days = 45 if e.evidence is not None and e.evidence.sentence_start < head else 7
            return any(0 <= (self.pub - date.fromisoformat(d)).days <= days
                       for d in dated.get((e.event_type, e.sub_event_type, e.place_id or e.location), ()))
        out = _toll_to_the_dated(out, [e for e in out if e.fatalities and repeated(e)])
        out = [e for e in out if not repeated(e)]
        if head:   # a headline's act the body tells too, at the same place: the body's telling (its day, its place)
            body = {(e.event_type, e.sub_event_type, e.location) for e in out
                    if e.evidence is not None and e.evidence.sentence_start >= head}
            out = [e for e in out if e.evidence is None or e.evidence.sentence_start >= head or
                   e.fatalities is not None or (e.event_type, e.sub_event_type, e.location) not in body]
        # region-level events whose type is coded at a finer place in the same report
        by_unit: dict[tuple[str, str], list[tuple[date, int]]] = {}
        unplaced: dict[str, list[Event]] = {}
        for e in out:
            if e.geo_precision < 3 and e.latitude is not None:
                fam = _FAMILY.get(e.trigger_label, e.trigger_label)
                by_unit.setdefault((fam, e.admin1_pcode), []).append((date.fromisoformat(e.event_date), e.time_precision))
                if len(unplaced.setdefault(fam, [])) < 200:
                    unplaced[fam].append(e)

        def covered(e: Event) -> bool:
            """A finer event of the same kind inside this region (same governorate, or within 60 km of a
            region that spans governorates), on the same day, or within a week when either date is only
            approximate. Both dated to the day but on different days ("airstrikes on the Yarmouk Basin
            this morning", "airstrikes on Saham al-Golan yesterday") are two events."""
            d = date.fromisoformat(e.event_date)
            fam = _FAMILY.get(e.trigger_label, e.trigger_label)

            def near_in_time(x: date, prec: int) -> bool:
                gap = abs((d - x).days)
                return gap == 0 or (gap <= 7 and max(prec, e.time_precision) > 1)
            if e.admin1_pcode:
                return any(near_in_time(x, pr) for x, pr in by_unit.get((fam, e.admin1_pcode), ())[:500])
            return any(near_in_time(date.fromisoformat(x.event_date), x.time_precision) and
                       _km((e.latitude, e.longitude), (x.latitude, x.longitude)) <= 60
                       for x in unplaced.get(fam, ())
                       if e.latitude is not None and e.longitude is not None
                       and x.latitude is not None and x.longitude is not None)
        # (a governorate's capital named alone is coded at region precision but is a town: kept)
        # (a named sub-region, "the Yarmouk Basin", is a place analysts look for: kept beside its villages)
        # (a named place we could only place at its region, "اللواء 38", is a place of its own: kept)
        out = [e for e in out if not (e.geo_precision == 3 and covered(e) and e.place_id is not None and
                                      (e.place_id.startswith("ocha:") or e.place_id in _BROAD_REGIONS))]
        return _headline_toll_to_body(self.text, out)


#: the longest first line that is read as a headline
_HEADLINE_CHARS = 200
_KILLER_LABELS = frozenset(KILLERS)


def _headline_toll_to_body(text: str, events: list[Event]) -> list[Event]:
    """"Seven soldiers killed in attack in Syria's Daraa", then "Gunmen stormed a checkpoint in the town of X on
    Monday": the headline's toll, told at the governorate, is that of the one town the body tells a deadly act at
    (none of whose events gives a toll of its own); the headline's event keeps its place, without the figure."""
    cut = _headline_end(text)
    if not cut:
        return events
    heads = [i for i, e in enumerate(events) if e.fatalities and e.geo_precision == 3 and
             e.evidence.sentence_start < cut and e.trigger_label in _KILLER_LABELS]
    if len(heads) != 1:
        return events
    h = events[heads[0]]
    body = [i for i, e in enumerate(events) if e.evidence.sentence_start > cut and e.geo_precision < 3 and
            e.admin1_pcode == h.admin1_pcode and e.event_type == h.event_type and e.trigger_label in _KILLER_LABELS
            and abs((date.fromisoformat(e.event_date) - date.fromisoformat(h.event_date)).days) <= 1]
    if not body:
        return events
    first = min(body, key=lambda i: events[i].evidence.sentence_start)   # the lead tells the headline's act first
    where = events[first].place_id or events[first].location
    body = [i for i in body if (events[i].place_id or events[i].location) == where]
    if any(events[i].fatalities is not None for i in body):
        return events
    out = list(events)
    for i in body:
        out[i] = dataclasses.replace(out[i], fatalities=h.fatalities)
    out[heads[0]] = dataclasses.replace(h, fatalities=None)
    return out


def _headline_end(text: str) -> int:
    """Where a headline ends: the first line, when it is at most :data:`_HEADLINE_CHARS` long and ends no sentence,
    else 0 (a first line that ends a sentence is the story's own)."""
    cut = text.find("\n", 0, _HEADLINE_CHARS + 1)
    if cut <= 0 or text[:cut].rstrip().endswith((".", "؟", "?", "!", ":", "،", ",")):
        return 0
    return cut


def _toll_to_the_dated(events: list[Event], repeats: list[Event]) -> list[Event]:
    """A summary's toll ("انتهت المواجهات ... بعد استمرارها ليومين", with its dead) goes to the dated telling of the
    same event that names none, the latest of them, when the summary is dropped for it."""
    if not repeats:
        return events
    out = list(events)
    for r in repeats:
        same = [i for i, e in enumerate(out) if e.time_precision == 1 and e.event_type == r.event_type and
                e.sub_event_type == r.sub_event_type and (e.place_id or e.location) == (r.place_id or r.location)
                and 0 <= (date.fromisoformat(r.event_date) - date.fromisoformat(e.event_date)).days <= 7]
        if same:
            i = max(same, key=lambda k: out[k].event_date)
            if out[i].fatalities is None:
                out[i] = dataclasses.replace(out[i], fatalities=r.fatalities)
    return out


_GLOBAL_LOOKUP_CACHE: dict[tuple, LookupResult] = {}


def _cached_lookup(g, name: str) -> LookupResult:
    """A context-free lookup; the answer depends only on the gazetteer and the name, so it is cached."""
    k = (id(g), len(g), name)
    r = _GLOBAL_LOOKUP_CACHE.get(k)
    if r is None:
        if len(_GLOBAL_LOOKUP_CACHE) > 100_000:
            _GLOBAL_LOOKUP_CACHE.clear()
        r = _GLOBAL_LOOKUP_CACHE[k] = g.lookup(name)
    return r


_DEFAULT = object()


def extract_events(text: str, published: date | str, source: str = "", url: str = "", title: str = "",
                   lang: str = "auto", gazetteer=None, area=_DEFAULT) -> list[Event]:
    """Events in one report.

    ``text``: the report text (offsets in the events point into it); ``published``: the
    publication date (``date`` or ``YYYY-MM-DD``); ``gazetteer``: a
    :class:`eventmap.places.gazetteer.Gazetteer` (default: the committed one); ``area``: the
    governorates whose events are kept (default: ``EVENTMAP_AREA``, Dar'a and Quneitra; None:
    all of Syria; see :mod:`eventmap.events.area`).
    Any string gives a list (possibly empty); a text over :data:`MAX_TEXT_CHARS`
    raises :class:`InputError`.
    """
    return extract_events_split(text, published, source, url, title, lang, gazetteer, area)[0]


def extract_events_split(text: str, published: date | str, source: str = "", url: str = "", title: str = "",
                         lang: str = "auto", gazetteer=None, area=_DEFAULT) -> tuple[list[Event], list[Event]]:
    """(events in the area of interest, events outside it): see :func:`extract_events`."""
    if area is _DEFAULT:
        from eventmap.settings import area_of_interest

        area = area_of_interest()
    events = _extract_all(text, published, source, url, title, lang, gazetteer)
    if area is None or not events:
        return events, []
    g = gazetteer
    if g is None:
        from eventmap.places.gazetteer import default_gazetteer

        g = default_gazetteer()
    adm1 = g.boundaries_path(1) if hasattr(g, "boundaries_path") else None
    return split_by_area(events, area, getattr(g, "region_members", None), adm1)


def _extract_all(text: str, published: date | str, source: str, url: str, title: str, lang: str,
                 gazetteer) -> list[Event]:
    pub = parse_published(published)
    if not isinstance(text, str):
        raise InputError("extract_events takes text (str); use eventmap.events.reader.read_report for files or bytes")
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(f"text of {len(text):,} characters is longer than the {MAX_TEXT_CHARS:,} characters "
                         "accepted for one report; split it into reports")
    if not _LETTER_RE.search(text):   # (a blank text has no letter: no copy of the text stripped to ask that)
        return []
    if gazetteer is None:
        from eventmap.places.gazetteer import default_gazetteer

        gazetteer = default_gazetteer()
    ex = _Extractor(text, pub, source, url, title, lang, gazetteer)
    ex._carry = {}
    ex._op_at = {}
    ex._centre = None
    return ex.run()


def extract_report(report, gazetteer=None, area=_DEFAULT) -> list[Event]:
    """Events of a :class:`eventmap.model.Report` (in the area of interest; see :func:`extract_events`)."""
    return extract_events(report.text, report.published, source=report.source, url=report.url, area=area,
                          title=report.title, lang=report.language or "auto", gazetteer=gazetteer)


def extract_report_split(report, gazetteer=None, area=_DEFAULT) -> tuple[list[Event], list[Event]]:
    """(events in the area of interest, events outside it) of a :class:`eventmap.model.Report`."""
    return extract_events_split(report.text, report.published, source=report.source, url=report.url,
                                title=report.title, lang=report.language or "auto", gazetteer=gazetteer, area=area)
