"""A seeded corpus of Arabic and English reports WITH the events they contain (the truth), and a scorer.

``benchmarks/corpus.py`` (the extraction benchmark's generator) makes realistic text but no
truth.  This one writes every report from templates whose events are known: the place (a
gazetteer id, or an unknown name that no dataset has), the ACLED event type and the date
(the publication date, "yesterday", a weekday or an explicit day in the text).  Around them:
filler and false-positive traps (capitals abroad, notables "from" a village, denials,
announced-but-not-yet operations) that must give no event.  Names carry the spelling noise
real reports have (hamza, ta marbuta, alif maqsura, tatweel, a vowel mark; Latin variants
and dropped apostrophes).  The truth is set by the templates here and by ACLED's coding
rules, never from the extractor's output.

    python benchmarks/truth_corpus.py OUT_DIR [--reports 500] [--seed 7]
        writes OUT_DIR/corpus.jsonl (one report a line, the format ``eventmap ingest`` reads)
        and OUT_DIR/truth.jsonl (per report: its id in the corpus and its events)

``score(reports, extracted)`` gives precision, recall and F1 over (report, place, event type),
the share of matched events the text dates with the right date, recall on unknown names, and the events
produced by trap sentences.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path

BATTLES = "Battles"
EXPL = "Explosions/Remote violence"
STRAT = "Strategic developments"
PROT = "Protests"
VAC = "Violence against civilians"

# (template, event type, how many places it names); {p1}.. places, {when} a date phrase
AR_EVENTS = [
    ("سيطرت قوات النظام {when} على قرية {p1} بعد مواجهات عنيفة مع فصائل المعارضة.", BATTLES, 1),
    ("وشن الطيران الحربي الروسي غارات جوية على بلدة {p1} {when}، ما أدى إلى مقتل مدنيين.", EXPL, 1),
    ("وقصفت قوات النظام بالمدفعية الثقيلة بلدة {p1} {when}.", EXPL, 1),
    ("ودارت اشتباكات عنيفة بين فصائل المعارضة وقوات النظام في محيط بلدة {p1} {when}.", BATTLES, 1),
    ("واعتقلت الأجهزة الأمنية خمسة شبان في بلدة {p1} {when}.", STRAT, 1),
    ("وخرج العشرات من أهالي بلدة {p1} في مظاهرة {when} رفضاً للتسوية.", PROT, 1),
    ("وحررت وحدات من الجيش العربي السوري {when} قرى {p1} و{p2} و{p3} بعد معارك مع المجموعات الإرهابية.",
     BATTLES, 3),
    ("ودخلت وحدات الجيش بلدة {p1} {when} بموجب اتفاق التسوية ورفعت العلم الوطني في ساحتها.", STRAT, 1),
]
EN_EVENTS = [
    ("Syrian government forces captured the village of {p1} {when} after heavy clashes with rebels.", BATTLES, 1),
    ("Russian warplanes carried out air strikes on the town of {p1} {when}, killing at least four civilians.",
     EXPL, 1),
    ("Government artillery shelled {p1} {when}, local activists said.", EXPL, 1),
    ("Rebels clashed with government forces on the outskirts of {p1} {when}.", BATTLES, 1),
    ("Security forces arrested several young men in {p1} {when}.", STRAT, 1),
    ("Hundreds of residents of {p1} protested {when} against the settlement deal.", PROT, 1),
    ("The army recaptured the villages of {p1}, {p2} and {p3} {when} after fierce battles with insurgents.",
     BATTLES, 3),
    ("Government troops entered {p1} {when} under a reconciliation deal and raised the Syrian flag.", STRAT, 1),
]
AR_FILLER = [
    "ناقش وزير الخارجية الروسي سيرغي لافروف في باريس الوضع في سورية مع نظيره الفرنسي.",
    "وقالت مصادر إعلامية إن القمة التي عقدت في هلسنكي تناولت الملف السوري.",
    "وتعمل ورشات الكهرباء على إعادة التيار إلى المنازل والمدارس.",
    "وأشار المصدر إلى أن العمليات مستمرة في المنطقة الجنوبية.",
]
EN_FILLER = [
    "Foreign ministers meeting in Paris called for a political solution.",
    "Officials in Helsinki and Moscow discussed the return of refugees.",
    "The United Nations said it was alarmed by the situation in southern Syria.",
    "Thousands of displaced people remain near the Jordanian border.",
]
# traps: a southern place named, but no event happened there (yet)
AR_TRAPS = [
    "وأكد جاسم المحمد، أحد وجهاء بلدة {p1}، أن الأهالي ينتظرون عودة الخدمات.",
    "ونفى مصدر عسكري أن يكون الطيران قد قصف بلدة {p1}.",
    "ومن المتوقع أن تدخل وحدات الجيش بلدة {p1} خلال الأيام المقبلة.",
    "ويتحدر الشاعر الراحل من بلدة {p1} في ريف درعا.",
]
EN_TRAPS = [
    "Jassem al-Mohammad, a notable from {p1}, said residents were waiting for services to return.",
    "The army denied that its jets had bombed {p1}.",
    "Government forces are expected to enter {p1} in the coming days.",
    "Fuel prices in the market of {p1} doubled this month, traders said.",
]
# held-out phrasing: the same event types and traps written differently (outlet styles the templates above do
# not use), scored apart so that tuning the extractor to the templates above does not pass for accuracy
HELDOUT_AR_EVENTS = [
    ("أفاد مراسل سانا بأن وحدات الجيش استعادت السيطرة على بلدة {p1} {when} إثر معارك مع الإرهابيين.", BATTLES, 1),
    ("استهدفت طائرات حربية بعدة غارات بلدة {p1} {when}.", EXPL, 1),
    ("سقطت قذائف صاروخية على بلدة {p1} {when} مصدرها مواقع قوات النظام.", EXPL, 1),
    ("اندلعت مواجهات بين قوات النظام ومقاتلين محليين في بلدة {p1} {when}.", BATTLES, 1),
    ("داهمت دورية تابعة للأمن العسكري منازل في بلدة {p1} {when} واعتقلت ثلاثة أشخاص.", STRAT, 1),
    ("تظاهر أهالي بلدة {p1} {when} مطالبين بالإفراج عن المعتقلين.", PROT, 1),
    ("انفجرت عبوة ناسفة بسيارة عسكرية على طريق بلدة {p1} {when}.", EXPL, 1),
    ("واستعادت قوات النظام {when} السيطرة على بلدات {p1} و{p2} و{p3} بعد معارك عنيفة.", BATTLES, 3),
]
HELDOUT_EN_EVENTS = [
    ("Regime forces retook {p1} {when} following days of fighting with opposition factions.", BATTLES, 1),
    ("Warplanes struck {p1} {when}, according to the Syrian Observatory for Human Rights.", EXPL, 1),
    ("Rockets fired by government forces hit {p1} {when}.", EXPL, 1),
    ("Fighting broke out between government troops and local gunmen in {p1} {when}.", BATTLES, 1),
    ("Military intelligence raided homes in {p1} {when} and detained three people.", STRAT, 1),
    ("Residents of {p1} took to the streets {when} demanding the release of detainees.", PROT, 1),
    ("A roadside bomb hit a military vehicle near {p1} {when}.", EXPL, 1),
    ("Government forces regained control of {p1}, {p2} and {p3} {when} after heavy fighting.", BATTLES, 3),
]
HELDOUT_AR_TRAPS = [
    "وقال أبو محمد، وهو من سكان بلدة {p1}، إن الأسعار ارتفعت بشكل كبير.",
    "وتخشى فصائل المعارضة من هجوم محتمل على بلدة {p1}.",
    "ولد الفنان الراحل في بلدة {p1} عام 1950.",
    "ونفت مصادر محلية الأنباء عن اشتباكات في بلدة {p1}.",
]
HELDOUT_EN_TRAPS = [
    "Abu Mohammad, who lives in {p1}, said prices had risen sharply.",
    "Rebels fear a possible offensive on {p1}.",
    "The late singer was born in {p1} in 1950.",
    "Local sources denied reports of clashes in {p1}.",
]
# names of villages that no dataset has (July 2018 reports), in both scripts: events there stay unresolved
UNKNOWN = [("المهير", "al-Muhayr"), ("رسم الحسن", "Rasm al-Hassan"), ("أبو الخشان", "Abu al-Khashan"),
           ("الحيران الشمالي", "North Hayran"), ("المشيدة", "al-Mushayda")]

AR_MONTHS = {6: "حزيران/ يونيو", 7: "تموز/ يوليو", 8: "آب/ أغسطس"}
EN_MONTHS = {6: "June", 7: "July", 8: "August"}
AR_DAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
EN_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@dataclass
class TruthEvent:
    place_id: str | None   # None: an unknown name (the event must stay unresolved or approximate)
    name: str              # as written in the text (with its noise)
    event_type: str
    event_date: str        # the day the text gives, or the publication date when it gives none
    #: the text ties the event to a day (a date, a weekday, today, yesterday); the date row scores only these, as
    #: ``../shared/dev/ANNOTATION.md`` dates only such events: an undated sentence may follow a dated one, and the
    #: extractor then takes that day, where these templates (which put sentences in any order) assume publication
    dated: bool = True


@dataclass
class TruthReport:
    text: str
    published: str
    language: str
    source: str
    title: str
    events: list[TruthEvent] = field(default_factory=list)
    traps: int = 0         # trap sentences in the report


def _norm(s: str) -> str:
    from eventmap.text import latin_key, normalize_ar
    return normalize_ar(s) if any("\u0600" <= c <= "\u06ff" for c in s) else latin_key(s)


def truth_places(gazetteer) -> list:
    """Villages and towns of Dar'a, Quneitra and As-Sweida whose Arabic and Latin names are each unique in the
    gazetteer (so the truth is one place, whatever the resolver's context), with an ASCII Latin name."""
    ar_count: Counter = Counter()
    en_count: Counter = Counter()
    for p in gazetteer.places:
        for n in {p.name_ar, *p.variants_ar} - {""}:
            ar_count[_norm(n)] += 1
        for n in {p.name_en, *p.variants_en} - {""}:
            en_count[_norm(n)] += 1
    unknown = {_norm(a) for a, _ in UNKNOWN} | {_norm(e) for _, e in UNKNOWN}
    out = []
    for p in gazetteer.places:
        if p.admin1_pcode not in ("SY12", "SY13", "SY14") or p.kind not in ("village", "town", "city"):
            continue
        if not (p.name_ar and p.name_en and p.name_en.isascii()) or len(_norm(p.name_ar)) < 4:
            continue
        if ar_count[_norm(p.name_ar)] != 1 or en_count[_norm(p.name_en)] != 1:
            continue
        if _norm(p.name_ar) in unknown or _norm(p.name_en) in unknown:
            continue
        out.append(p)
    out.sort(key=lambda p: p.id)
    return out


def _tidy(s: str) -> str:
    """One space between words, none before punctuation (an empty date phrase leaves a gap)."""
    s = " ".join(s.split())
    for punct in (".", "،", ","):
        s = s.replace(" " + punct, punct)
    return s


def _noise_ar(name: str, rng: random.Random) -> str:
    r = rng.random()
    if r < 0.55:
        return name
    ops = []
    if name[:1] in "أإ" or "ال" + name[2:3] in ("الأ", "الإ"):
        ops.append(lambda s: s.replace("أ", "ا").replace("إ", "ا"))
    if name.endswith("ة"):
        ops.append(lambda s: s[:-1] + "ه")
    if name.endswith("ى"):
        ops.append(lambda s: s[:-1] + "ي")
    if len(name) > 4:
        ops.append(lambda s: s[:3] + "ـ" + s[3:])        # tatweel
        ops.append(lambda s: s[:2] + s[2] + "َ" + s[3:])  # a fatha
    return rng.choice(ops)(name) if ops else name


def _noise_en(p, rng: random.Random) -> str:
    name = p.name_en
    r = rng.random()
    if r < 0.5:
        return name
    alts = [v for v in p.variants_en if v.isascii() and len(v) >= 4 and "\n" not in v]
    if alts and r < 0.75:
        return rng.choice(sorted(alts))
    s = name.replace("`", "").replace("'", "").replace("’", "")
    if s.startswith("Al "):
        s = "al-" + s[3:]
    elif s.startswith("Ash ") or s.startswith("As "):
        s = "al-" + s.split(" ", 1)[1]
    return s


def _when(lang: str, pub: date, rng: random.Random) -> tuple[str, date]:
    k = rng.random()
    if k < 0.3:
        return "", pub
    if k < 0.45:
        return ("اليوم", pub) if lang == "ar" else ("today", pub)
    if k < 0.65:
        return ("أمس", pub - timedelta(days=1)) if lang == "ar" else ("yesterday", pub - timedelta(days=1))
    if k < 0.8:
        back = rng.randint(1, 6)  # a weekday of the past week
        d = pub - timedelta(days=back)
        return (f"يوم {AR_DAYS[d.weekday()]}", d) if lang == "ar" else (f"on {EN_DAYS[d.weekday()]}", d)
    d = pub - timedelta(days=rng.randint(0, 9))
    if lang == "ar":
        return f"في {d.day} {AR_MONTHS[d.month]}", d
    return (f"on {d.day} {EN_MONTHS[d.month]}" if rng.random() < 0.5 else f"on {EN_MONTHS[d.month]} {d.day}"), d


def generate(n: int, gazetteer, seed: int = 7, trap_share: float = 0.2, unknown_share: float = 0.08,
             heldout: bool = False) -> list[TruthReport]:
    """``n`` reports, alternately Arabic and English; the same seed gives the same corpus and truth.

    ``heldout``: write the events and traps with the held-out phrasing instead.
    """
    ar_events, en_events = (HELDOUT_AR_EVENTS, HELDOUT_EN_EVENTS) if heldout else (AR_EVENTS, EN_EVENTS)
    ar_traps, en_traps = (HELDOUT_AR_TRAPS, HELDOUT_EN_TRAPS) if heldout else (AR_TRAPS, EN_TRAPS)
    rng = random.Random(seed)
    places = truth_places(gazetteer)
    if len(places) < 50:
        raise RuntimeError(f"only {len(places)} unambiguous southern places in the gazetteer")
    out: list[TruthReport] = []
    start = date(2018, 6, 20)
    for i in range(n):
        lang = "ar" if i % 2 == 0 else "en"
        pub = start + timedelta(days=rng.randrange(50))
        src = rng.choice(["SANA", "Enab Baladi", "Horan Free League"]) if lang == "ar" else \
            rng.choice(["Reuters", "Al-Masdar News", "AFP"])
        k = rng.randint(5, 16)
        sents: list[str] = []
        evs: list[TruthEvent] = []
        traps = 0
        used: set[str] = set()
        for _ in range(k):
            r = rng.random()
            if r < 0.45:
                tpl, etype, m = rng.choice(ar_events if lang == "ar" else en_events)
                when, d = _when(lang, pub, rng)
                names, ids = [], []
                for j in range(m):
                    if rng.random() < unknown_share and not (m == 1 and j == 0 and rng.random() < 0.5):
                        a, e = rng.choice(UNKNOWN)
                        names.append(a if lang == "ar" else e)
                        ids.append(None)
                        continue
                    p = rng.choice(places)
                    while p.id in used:
                        p = rng.choice(places)
                    used.add(p.id)
                    names.append(_noise_ar(p.name_ar, rng) if lang == "ar" else _noise_en(p, rng))
                    ids.append(p.id)
                if len(set(names)) < len(names):
                    continue
                sents.append(_tidy(tpl.format(when=when, **{f"p{j + 1}": nm for j, nm in enumerate(names)})))
                evs.extend(TruthEvent(pid, nm, etype, d.isoformat(), bool(when)) for pid, nm in zip(ids, names))
            elif r < 0.45 + trap_share:
                p = rng.choice(places)
                while p.id in used:
                    p = rng.choice(places)
                used.add(p.id)
                tpl = rng.choice(ar_traps if lang == "ar" else en_traps)
                sents.append(tpl.format(p1=_noise_ar(p.name_ar, rng) if lang == "ar" else _noise_en(p, rng)))
                traps += 1
            else:
                pool = [f for f in (AR_FILLER if lang == "ar" else EN_FILLER) if f not in sents]
                if pool:
                    sents.append(rng.choice(pool))
        paras, cur = [], []
        for s in sents:
            cur.append(s)
            if len(cur) >= rng.randint(1, 3):
                paras.append(" ".join(cur))
                cur = []
        if cur:
            paras.append(" ".join(cur))
        title = ("تقرير ميداني من الجنوب السوري" if lang == "ar" else "Southern Syria field report") + f" {i}"
        text = title + "\n\n" + "\n".join(paras) + "\n"
        out.append(TruthReport(text, pub.isoformat(), lang, src, title, evs, traps))
    return out


# ------------------------------------------------------------------ scoring
def _key_truth(t: TruthEvent) -> str:
    return t.place_id if t.place_id else "name:" + _norm(t.name)


def _key_extracted(e) -> str:
    if e.place_id and e.resolution in ("resolved", "ambiguous"):
        return e.place_id
    return "name:" + _norm(e.location or "")


def score(reports: list[TruthReport], extracted: list[list]) -> dict:
    """Precision / recall / F1 over (report, place, event type); also place-only, date accuracy, unknown names."""
    tp = fp = fn = 0
    tp_place = n_pred_place = n_true_place = 0
    date_ok = dated = 0
    unk_true = unk_found = 0
    by_type: dict[str, Counter] = {}
    for rep, evs in zip(reports, extracted):
        truth = {(_key_truth(t), t.event_type): t for t in rep.events}
        pred: dict[tuple[str, str], object] = {}
        for e in evs:
            pred.setdefault((_key_extracted(e), e.event_type), e)
        hit = set(truth) & set(pred)
        tp += len(hit)
        fp += len(set(pred) - set(truth))
        fn += len(set(truth) - set(pred))
        for k in hit:
            if truth[k].dated:
                dated += 1
                date_ok += pred[k].event_date == truth[k].event_date
        for k, t in truth.items():
            c = by_type.setdefault(t.event_type, Counter())
            c["truth"] += 1
            c["found"] += k in pred
        for k in pred:
            by_type.setdefault(k[1], Counter())["predicted"] += 1
        tplaces = {k[0] for k in truth}
        pplaces = {k[0] for k in pred}
        tp_place += len(tplaces & pplaces)
        n_pred_place += len(pplaces)
        n_true_place += len(tplaces)
        for k, t in truth.items():
            if t.place_id is None:
                unk_true += 1
                unk_found += k in pred

    def ratio(a: int, b: int) -> float:
        return round(a / b, 4) if b else float("nan")

    p, r = ratio(tp, tp + fp), ratio(tp, tp + fn)
    return {
        "precision": p, "recall": r, "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        "true_events": tp + fn, "extracted_events": tp + fp, "matched": tp,
        "place_precision": ratio(tp_place, n_pred_place), "place_recall": ratio(tp_place, n_true_place),
        "date_accuracy": ratio(date_ok, dated), "dated_matched": dated, "unknown_name_recall": ratio(unk_found, unk_true),
        "by_type_recall": {k: ratio(v["found"], v["truth"]) for k, v in sorted(by_type.items()) if v["truth"]},
    }


def write(reports: list[TruthReport], out_dir: Path) -> tuple[Path, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    cp, tp = out_dir / "corpus.jsonl", out_dir / "truth.jsonl"
    with open(cp, "w", encoding="utf-8") as c, open(tp, "w", encoding="utf-8") as t:
        for i, r in enumerate(reports):
            c.write(json.dumps({"text": r.text, "published": r.published, "source": r.source, "title": r.title,
                                "url": f"https://example.org/report/{i}"}, ensure_ascii=False) + "\n")
            t.write(json.dumps({"line": i + 1, "language": r.language, "traps": r.traps,
                                "events": [asdict(e) for e in r.events]}, ensure_ascii=False) + "\n")
    return cp, tp


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--reports", type=int, default=500)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--score", action="store_true", help="also run the extractor and print precision / recall")
    ap.add_argument("--heldout", action="store_true", help="the held-out phrasing")
    args = ap.parse_args(argv)
    from eventmap.places.gazetteer import default_gazetteer
    g = default_gazetteer()
    reps = generate(args.reports, g, seed=args.seed, heldout=args.heldout)
    cp, tp = write(reps, args.out_dir)
    print(f"{cp} ({len(reps)} reports), {tp} ({sum(len(r.events) for r in reps)} events)")
    if args.score:
        from eventmap.events.extract import extract_events
        ext = [extract_events(r.text, r.published, source=r.source, title=r.title, gazetteer=g) for r in reps]
        print(json.dumps(score(reps, ext), indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    raise SystemExit(main())
