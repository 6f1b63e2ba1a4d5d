"""A seeded generator of news-like reports (Arabic and English) about southern Syria, for benchmarks.

Places come from the committed gazetteer (villages and towns of Dar'a and Quneitra with
both an Arabic and an English name).  Each report mixes event sentences in the styles
of Syrian state media, opposition media and English wire / pro-government outlets with
filler sentences (diplomacy, places abroad, people's names) so that the extractor meets
the same traps as in real text.  The same seed gives the same corpus.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path


@dataclass(frozen=True)
class GeneratedReport:
    text: str
    published: str
    language: str
    source: str


AR_EVENT = [
    "حررت وحدات من الجيش العربي السوري {when} بلدة {p1} في ريف {gov} بعد اشتباكات عنيفة مع المجموعات الإرهابية.",
    "وأضاف المصدر أن المناطق المحررة هي {p1}، و{p2}، و{p3}، و{x1}.",
    "سيطرت قوات النظام {when} على قرية {p1} بعد مواجهات مع فصائل المعارضة.",
    "وكان الجيش السوري قد دخل قرية {p1} ضمن اتفاق تسوية {when}.",
    "شن الطيران الروسي غارات جوية على بلدة {p1} {when}، ما أدى إلى مقتل مدنيين.",
    "وقصفت قوات النظام بالمدفعية الثقيلة بلدة {p1} {when}.",
    "ودارت اشتباكات بين فصائل المعارضة وجيش خالد بن الوليد في محيط بلدة {p1}.",
    "وعثرت وحدات الجيش {when} على مستودع أسلحة وذخائر خلال تمشيطها بلدة {p1} جنوب مدينة {p2}.",
    "وانطلقت الحافلات الخضراء من بلدة {p1} باتجاه إدلب {when}.",
    "وسلمت فصائل المعارضة في {p1} سلاحها الثقيل للشرطة العسكرية الروسية.",
    "واعتقلت الأجهزة الأمنية خمسة شبان في مدينة {p1} {when}.",
    "وخرج العشرات من أهالي مدينة {p1} في مظاهرة رفضاً للتسوية.",
    "وأسقطت فصائل المعارضة طائرة استطلاع في أجواء بلدة {p1}.",
    "ورفعت وحدات الجيش العلم الوطني في ساحة بلدة {p1} {when}.",
    "ودوت صافرات الإنذار في الجولان المحتل {when}.",
    "وتواصل وحدات الهندسة تمشيط قرى {p1} و{p2} لإزالة الألغام.",
]
AR_FILLER = [
    "ناقش وزير الخارجية الروسي سيرغي لافروف في باريس الوضع في سورية مع نظيره الفرنسي.",
    "وأكد جاسم المحمد، أحد وجهاء المنطقة، أن الأهالي ينتظرون عودة الخدمات.",
    "وكان الرئيس بشار الأسد قد استقبل وفداً روسياً في دمشق.",
    "وقالت مصادر إعلامية إن القمة التي عقدت في هلسنكي تناولت الملف السوري.",
    "وبقيت القضايا المعلقة دون حل بين الأطراف.",
    "وأشار المصدر إلى أن العمليات مستمرة في المنطقة الجنوبية.",
    "وتعمل ورشات الكهرباء على إعادة التيار إلى المنازل والمدارس.",
]
AR_WHEN = ["اليوم", "صباح اليوم", "أمس", "مساء أمس", "ليل أمس", "أمس الأول", "أول أمس", "الأحد الماضي",
           "يوم الجمعة", "{d} تموز/ يوليو", "{d} حزيران الماضي", ""]

EN_EVENT = [
    "Syrian government forces captured the town of {p1} {when} after clashes with rebels, a military source said.",
    "The Syrian Arab Army liberated the villages of {p1}, {p2} and {p3} {when}.",
    "Russian jets bombed rebel-held {p1} {when}, killing at least five civilians.",
    "Government artillery shelled {p1} {when}, activists said.",
    "Rebels clashed with Islamic State fighters near {p1} {when}.",
    "Army engineers found a weapons cache in the town of {p1} {when}.",
    "Fighters who rejected the deal were evacuated from {p1} to Idlib on buses {when}.",
    "Rebels in {p1} handed over their heavy weapons to Russian military police {when}.",
    "Protesters in {p1} rallied against the deal and were dispersed with tear gas {when}.",
    "Government forces entered {p1} under a reconciliation deal {when}, raising the Syrian flag.",
    "Israel's military said it shot down a Syrian jet over the Golan Heights {when}.",
    "Security forces arrested several young men in {p1} {when}.",
]
EN_FILLER = [
    "Foreign ministers meeting in Paris called for a political solution.",
    "The offensive is the latest by President Bashar al-Assad to regain territory.",
    "Officials in Helsinki and Moscow discussed the return of refugees.",
    "Thousands of displaced people remain near the Jordanian border.",
    "The United Nations said it was alarmed by the situation in southern Syria.",
]
EN_WHEN = ["today", "this morning", "yesterday", "last night", "on Sunday", "on Friday", "on {d} July",
           "on July {d}", ""]


def southern_places(gazetteer) -> list[tuple[str, str]]:
    """(Arabic name, English name) of villages and towns in Dar'a and Quneitra."""
    out = []
    for p in gazetteer.places:
        if p.admin1_pcode in ("SY12", "SY14") and p.kind in ("village", "town", "city") and p.name_ar and p.name_en:
            en = p.name_en if p.name_en.isascii() else (next((v for v in p.variants_en if v.isascii()), "") or p.name_en)
            out.append((p.name_ar, en))
    out.sort()
    return out


def generate(n: int, gazetteer, seed: int = 20180725) -> list[GeneratedReport]:
    rng = random.Random(seed)
    places = southern_places(gazetteer)
    unknown_ar = ["المهير", "رسم الحسن", "الحيران الشمالي", "أبو الخشان", "المهيوبة", "المشيدة"]
    reports: list[GeneratedReport] = []
    start = date(2018, 6, 15)
    for i in range(n):
        pub = start + timedelta(days=rng.randrange(60))
        lang = "ar" if i % 2 == 0 else "en"
        k = rng.randint(6, 22)   # real articles: 1.5-5 KB
        sents: list[str] = []
        for _ in range(k):
            p1, p2, p3 = (rng.choice(places) for _ in range(3))
            d = rng.randint(1, 28)
            if lang == "ar":
                tpl = rng.choice(AR_EVENT) if rng.random() < 0.5 else rng.choice(AR_FILLER)
                when = rng.choice(AR_WHEN).format(d=d)
                gov = rng.choice(["درعا", "القنيطرة", "درعا الغربي", "القنيطرة الجنوبي"])
                s = tpl.format(p1=p1[0], p2=p2[0], p3=p3[0], x1=rng.choice(unknown_ar), when=when, gov=gov)
            else:
                tpl = rng.choice(EN_EVENT) if rng.random() < 0.5 else rng.choice(EN_FILLER)
                when = rng.choice(EN_WHEN).format(d=d)
                s = tpl.format(p1=p1[1], p2=p2[1], p3=p3[1], when=when)
            sents.append(" ".join(s.split()))
        # paragraphs of one to three sentences, as outlets write them
        paras, cur = [], []
        for s in sents:
            cur.append(s)
            if len(cur) >= rng.randint(1, 3):
                paras.append(" ".join(cur))
                cur = []
        if cur:
            paras.append(" ".join(cur))
        title = paras[0][:60]
        src = rng.choice(["SANA", "Enab Baladi"]) if lang == "ar" else rng.choice(["Reuters", "Al-Masdar News"])
        reports.append(GeneratedReport(title + "\n\n" + "\n".join(paras) + "\n", pub.isoformat(), lang, src))
    return reports


def gazetteer_names(gazetteer) -> list[str]:
    """Every name and variant of the gazetteer, as written (the pattern list for the grep floor)."""
    names: set[str] = set()
    for p in gazetteer.places:
        for nm in (p.name_ar, p.name_en, *p.variants_ar, *p.variants_en):
            nm = (nm or "").strip()
            if len(nm) >= 2 and "\n" not in nm:
                names.add(nm)
    return sorted(names)


class GrepFloor:
    """``grep -F -o -f`` with every gazetteer name over a corpus: the floor extraction is measured against.

    ``run()`` times grep over the corpus (its wall seconds, and the matches), and over the corpus ten times over:
    ``(that - once) / 9`` is grep's scanning alone. On a few thousand reports most of grep's time is its fixed
    cost of reading and compiling the names, so extraction / grep grows with the corpus while extraction / the
    scan does not. Used as a context manager (the files live in a temporary folder); None when grep is absent."""

    def __init__(self, texts: list[str], gazetteer) -> None:
        self.grep = shutil.which("grep")
        self._dir = tempfile.TemporaryDirectory(prefix="eventmap-grep-")
        d = Path(self._dir.name)
        self.once, self.tenfold, self.names = d / "corpus.txt", d / "corpus10.txt", d / "names.txt"
        text = "".join(texts)
        self.once.write_text(text, encoding="utf-8")
        self.tenfold.write_text(text * 10, encoding="utf-8")
        self.names.write_text("\n".join(gazetteer_names(gazetteer)) + "\n", encoding="utf-8")

    def __enter__(self) -> GrepFloor | None:
        return self if self.grep else None

    def __exit__(self, *exc: object) -> None:
        self._dir.cleanup()

    def _timed(self, path: Path) -> tuple[float, bytes]:
        t0 = time.perf_counter()
        # output to a pipe, not /dev/null: GNU grep stops at the first match when it writes to /dev/null
        out = subprocess.run([self.grep, "-F", "-o", "-f", str(self.names), str(path)], stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, env={**os.environ, "LC_ALL": "C"}, check=False)
        return time.perf_counter() - t0, out.stdout

    def run(self) -> tuple[float, float, int]:
        """(seconds over the corpus, seconds of scanning alone, matches); the scan is <= 0 when too short to
        tell apart from the fixed cost."""
        t, out = self._timed(self.once)
        return t, (self._timed(self.tenfold)[0] - t) / 9, out.count(b"\n")
