"""Dates in Arabic and English news text, resolved against the publication date.

Written by hand on purpose.  ``dateparser`` (the usual library) does not know the
Levantine month names as they appear in Syrian media in their paired form
("11 تموز/ يوليو", "تشرين الأول/أكتوبر"), misses the relative expressions that carry
most event dates in these reports (أمس الأول, أول أمس, مساء أمس, ليل أمس, الأحد
الماضي), and cannot give the character offsets we need to say *which clause* a
date belongs to.  The rules here are small, explicit and tested.

Every date found is a :class:`DateMention` with offsets into the original text,
the resolved :class:`datetime.date` and an ACLED time precision (1 the day, 2 about
a week, 3 the month).  Dates without a year take the most recent occurrence not
after the publication date (reports describe the past) unless marked as future
(المقبل, next).  A month without a day is coded to the 15th (precision 3), never
later than the publication date.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from eventmap.errors import DateInputError  # (imports nothing from eventmap: no cycle; once, not per call)
from eventmap.events._prefilter import gate, near_scan, next_place
from eventmap.events._spans import IntervalSet, keyword_hits, keyword_set, normalize_offsets, orig_span


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int            # offsets into the text given to find_dates
    end: int
    date: date
    precision: int        # 1 day, 2 about a week, 3 month
    text: str = ""
    kind: str = ""        # "explicit", "relative", "weekday", "month", "iso"


#: the first publication date accepted (the news eventmap maps; also keeps date arithmetic far from year 1)
EARLIEST_PUBLISHED = date(1990, 1, 1)
#: publication dates may run this far past today (time zones, embargoed copy), no further
PUBLISHED_LEAD = timedelta(days=365)


def published_range(today: date | None = None) -> tuple[date, date]:
    """``(earliest, latest)`` publication dates accepted: 1990-01-01 to one year after today."""
    return EARLIEST_PUBLISHED, (today or date.today()) + PUBLISHED_LEAD


def check_published(d: date) -> date:
    """``d`` when it is a sane publication date, else ValueError saying the accepted range."""
    lo, hi = published_range()
    if not lo <= d <= hi:
        raise ValueError(f"publication date {d.isoformat()} is outside the accepted range "
                         f"{lo.isoformat()} to {hi.isoformat()}")
    return d


#: the one rule for dates people give (``--published``, ``--since``/``--until``, a JSON line's
#: ``published``, the dashboard's URL): ``YYYY-MM-DD`` (month and day may have one digit), optionally
#: followed by a time (``2018-07-25T09:14:00+03:00``, ``2018-07-25 09:14``)
_USER_DATE_RE = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?\s*", re.DOTALL)


def parse_date(value: str | date, what: str = "date") -> date:
    """A date a person gave -> :class:`datetime.date`, by the one rule (:data:`_USER_DATE_RE`).

    ``DateInputError`` (a ``ValueError``) says what is wrong: ``'25/07/2018'`` and ``'20180725'`` are
    refused everywhere alike (the second with the spelling to use).  No range is checked here: see
    :func:`parse_published` for publication dates."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    m = _USER_DATE_RE.fullmatch(str(value))
    if not m:
        hint = ""
        compact = re.fullmatch(r"\s*(\d{4})(\d\d)(\d\d)\s*", str(value))
        if compact:
            hint = f" (write it {'-'.join(compact.groups())})"
        raise DateInputError(f"{what} {value!r} is not an ISO date (YYYY-MM-DD){hint}")
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError as exc:
        raise DateInputError(f"{what} {value!r} is not a real date ({exc}); give an ISO date (YYYY-MM-DD)") from None


def parse_published(value: str | date) -> date:
    """'2018-07-25' (or a date) -> date in :func:`published_range`, by :func:`parse_date`'s rule;
    ``DateInputError`` (a ``ValueError``) with a readable message."""
    d = parse_date(value, "publication date")
    try:
        return check_published(d)
    except ValueError as exc:
        raise DateInputError(str(exc)) from None


# --- month names (normalised forms: ا for أ إ آ, ه for ة, ي for ى) ---------------------

_AR_MONTHS: dict[str, int] = {
    "كانون الثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6, "تموز": 7, "اب": 8,
    "ايلول": 9, "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الاول": 12,
    "يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6, "يونيه": 6, "يوليو": 7,
    "يوليه": 7, "اغسطس": 8, "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
    "جانفي": 1, "فيفري": 2, "افريل": 4, "جوان": 6, "جويليه": 7, "اوت": 8,
}
_EN_MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_AR_WEEKDAYS = {"الاثنين": 0, "الاتنين": 0, "الثلاثا": 1, "الاربعا": 2,
                "الخميس": 3, "الجمعه": 4, "السبت": 5, "الاحد": 6}
#: every match of ``_AR_WEEKDAY_RE`` holds one of the day names: it is scanned near them (the prefilter's
#: literals are their ends, after the common ال, and احد is also "one")
_AR_WEEKDAY_WORDS = tuple(_AR_WEEKDAYS)
#: English weekday names (lower case) and their ``date.weekday()`` numbers
EN_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}


def _alt(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s") for w in sorted(words, key=len, reverse=True))


_ARM = _alt(_AR_MONTHS)
_ENM = _alt(_EN_MONTHS)
_B = r"(?<![\w])"      # word start (Arabic letters are \w)
_E = r"(?![\w])"
_CL = r"(?:[وف]?(?:ب|ل|ك)?)"  # proclitics before a word

#: the year a month is of, told by a word ("في آب من العام الماضي", "August last year"): ``ly``
_AR_WHICH_YEAR = r"(?:\s(?:من\s)?(?P<ly>العام\sنفسه|العام\sذاته|نفس\sالعام|السنه\sنفسها|السنه\sذاتها|العام\sالماضي|العام\sالفايت|العام\sالمنصرم|السنه\sالماضيه|العام\sالجاري|العام\sالحالي|هذا\sالعام))?"
_EN_WHICH_YEAR = r"(?:,?\s(?:of\s)?(?P<ly>that\syear|the\ssame\syear|last\syear|the\sprevious\syear|the\syear\sbefore|this\syear))?"
_LAST_YEAR = frozenset(("العام الماضي", "العام الفايت", "العام المنصرم", "السنه الماضيه", "last year",
                        "the previous year", "the year before"))


_SAME_YEAR = frozenset(("that year", "the same year", "العام نفسه", "العام ذاته", "نفس العام", "السنه نفسها",
                        "السنه ذاتها"))
_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _year_said(m: re.Match[str], pub: date) -> int | None:
    """The year a month's word gives ("last year": the year before publication, "this year": its own, "of that
    year", "من العام نفسه": the last year the text named before it), or None."""
    ly = m["ly"]
    if not ly:
        return None
    ly = re.sub(r"\s+", " ", ly)
    if ly in _SAME_YEAR:
        years = _YEAR_RE.findall(m.string, max(0, m.start() - 400), m.start())
        return int(years[-1]) if years and int(years[-1]) <= pub.year else None
    return pub.year - 1 if ly in _LAST_YEAR else pub.year


# "11 تموز/ يوليو 2018", "يوم 20 تموز", "11 تموز الماضي", "19 من حزيران", "19 من شهر حزيران" (slashes are spaces
# after normalisation), "في الـ29 من تموز" (the article glued to the figure: "ال29" once the tatweel is gone)
_AR_DAY_MONTH = re.compile(
    _B + r"(?:" + _CL + r"ال)?(?P<day>[0-3]?\d)\s(?:من\s)?(?:شهر\s)?(?P<m1>" + _ARM + r")(?:\s(?P<m2>" + _ARM + r"))?"
    r"(?:\s(?:من\s)?(?:عام\s|العام\s|سنه\s)?(?P<year>(?:19|20)\d\d))?(?:\s(?P<rel>الماضي|الفايت|المنصرم|الجاري|الحالي|المقبل|القادم))?"
    + _AR_WHICH_YEAR + _E)
# "شهر تموز الماضي", "في حزيران 2018", "منذ آب": month without a day
_AR_MONTH_ONLY = re.compile(
    _B + r"(?:[وف]?(?P<cue>شهر|خلال|منذ|في|مطلع|اوائل|اواخر|منتصف|نهايه|بدايه)\s)?(?:شهر\s)?(?P<m1>" + _ARM + r")"
    r"(?:\s(?P<m2>" + _ARM + r"))?(?:\s(?:عام\s|من\s)?(?P<year>(?:19|20)\d\d))?(?:\s(?P<rel>الماضي|الفايت|المنصرم|الجاري|الحالي|المقبل|القادم))?"
    + _AR_WHICH_YEAR + _E)

#: Arabic ordinals as days of the month ("السادس والعشرين من تموز", "الحادي عشر من آب"): written by hand,
#: dateparser reads none of them.  Normalised spellings (ة -> ه, ى -> ي).
_AR_UNITS = {"الاول": 1, "الحادي": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الخامس": 5, "السادس": 6,
             "السابع": 7, "الثامن": 8, "التاسع": 9}
_AR_TENS = {"العشرين": 20, "الثلاثين": 30}
#: the ordinals that are a day on their own (الحادي is only ever the first part of 11, 21, 31)
_AR_ONE_WORD_DAYS = {**{w: n for w, n in _AR_UNITS.items() if w != "الحادي"}, "العاشر": 10, **_AR_TENS}


def _ar_ordinal_day(words: str) -> int | None:
    """"السادس والعشرين" -> 26, "الحادي عشر" -> 11, "العاشر" -> 10, "الثلاثين" -> 30; None if not a day."""
    ws = words.split()
    if ws and ws[0].startswith("ل") and not ws[0].startswith("ال"):
        ws[0] = "ا" + ws[0]                 # "للسادس": the article's alif dropped after ل
    if len(ws) == 1:
        return _AR_ONE_WORD_DAYS.get(ws[0])
    if len(ws) == 2 and ws[1] == "عشر" and ws[0] in _AR_UNITS and ws[0] != "الاول":
        return 10 + _AR_UNITS[ws[0]]
    if len(ws) == 2 and ws[1][:1] == "و" and ws[1][1:] in _AR_TENS and ws[0] in _AR_UNITS and ws[0] != "الاول":
        day = _AR_TENS[ws[1][1:]] + _AR_UNITS[ws[0]]
        return day if day <= 31 else None
    return None


#: each ordinal also as written after the preposition ل ("للسادس": ل + السادس)
_AR_ORD_WORD = _alt([w for x in (*_AR_UNITS, "العاشر", *_AR_TENS) for w in (x, x[1:])])
_AR_ORDINAL_DAY_MONTH = re.compile(
    _B + _CL + r"(?P<ord>(?:" + _AR_ORD_WORD + r")(?:\s(?:عشر|و(?:" + _alt(_AR_TENS) + r")))?)\s(?:من\s)(?:شهر\s)?"
    r"(?P<m1>" + _ARM + r")(?:\s(?P<m2>" + _ARM + r"))?(?:\s(?:من\s)?(?:عام\s|العام\s|سنه\s)?(?P<year>(?:19|20)\d\d))?"
    r"(?:\s(?P<rel>الماضي|الفايت|المنصرم|الجاري|الحالي|المقبل|القادم))?" + _E)

#: "الشهر الجاري" / "الشهر الماضي" ...: this month (the first two) or the last
_AR_THIS_MONTH = ("الجاري", "الحالي")
_AR_MONTH_WORD_REL = r"(?:ال)?شهر\s(?P<rel>" + _alt((*_AR_THIS_MONTH, "الماضي", "الفايت", "المنصرم")) + r")" + _E
#: a day of this month or the last, by its number or ordinal ("في الثالث من الشهر الجاري", "يوم 20 من الشهر الماضي")
_AR_DAY_OF_MONTH_REL = re.compile(
    _B + _CL + r"(?:(?P<ord>(?:" + _AR_ORD_WORD + r")(?:\s(?:عشر|و(?:" + _alt(_AR_TENS) + r")))?)|(?:ال)?(?P<day>[0-3]?\d))"
    r"\s(?:من\s)?" + _AR_MONTH_WORD_REL)
#: a day of the month a digest named before it ("وفي السابع من الشهر ذاته", "وفي 27 منه", "في العاشر من نفس الشهر")
_AR_DAY_OF_SAME_MONTH = re.compile(
    _B + _CL + r"(?:(?P<ord>(?:" + _AR_ORD_WORD + r")(?:\s(?:عشر|و(?:" + _alt(_AR_TENS) + r")))?)|(?:ال)?(?P<day>[0-3]?\d))"
    r"\s(?:من\s(?:ال)?شهر\s(?:ذاته|نفسه)|من\sنفس\sالشهر|منه|(?P<bare>من\sالشهر)(?!\s(?:" +
    _alt((*_AR_THIS_MONTH, "الماضي", "الفايت", "المنصرم", "المقبل", "القادم")) + r")" + _E + r"))" + _E)
#: (and "وفي العاشر من الشهر": the month told before it, else the month of publication)
#: this month or the last, as a month ("منتصف الشهر الماضي", "خلال الشهر الجاري"; "منذ الشهر الماضي" too, which
#: ``dating`` then reads as a start)
_AR_MONTH_REL = re.compile(
    _B + _CL + r"(?:(?:خلال|مطلع|اوائل|اواخر|منتصف|نهايه|بدايه|منذ)\s)?" + _AR_MONTH_WORD_REL)
#: the same in English, and a day of it ("on the 14th of last month")
_EN_MONTH_REL = re.compile(
    _B + r"(?:the\s(?P<day>[0-3]?\d)(?:st|nd|rd|th)\sof\s(?P<rel2>last|this)\smonth"
    r"|(?:(?:early|late|mid|earlier|later)[\s-](?:in\s)?)?(?:(?:in|during|over|since)\s)?(?:the\s)?"
    r"(?P<rel>last|past|previous|this)\smonth)" + _E)
_AR_RELATIVE: list[tuple[re.Pattern[str], int, int]] = [
    # (pattern, days back, precision); longest expressions first
    # (not "قبل يومين من ذلك", "قبل يومين من سيطرتها": two days before another day, read where the clause is dated)
    (re.compile(_B + _CL + r"(?:امس\sالاول|اول\sامس|اول\sمن\sامس|قبل\sيومين(?!\s(?:من|علي)\s))" + _E), 2, 1),
    (re.compile(_B + _CL + r"(?:منذ\sيومين)" + _E), 2, 2),   # "since two days": a campaign going on, not a day
    # "منذ منتصف ليل أمس": since the midnight that began today, today's acts (not "منتصف ليل أمس" alone: last night)
    (re.compile(_B + r"منذ\sمنتصف\s(?:ليل\s(?:ال)?امس|الليله\sالماضيه)" + _E), 0, 1),
    # "امس", "يوم امس", "بالامس", "مساء الامس"
    (re.compile(_B + _CL + r"(?:(?:صباح|مسا|ظهر|عصر|فجر|ليل|ليله|ظهيره|منتصف\sليل)\s)?(?:يوم\s)?(?:ال)?امس" + _E), 1, 1),
    # (and the Levantine "امبارح", "مبارح": yesterday, in local pages' posts)
    (re.compile(_B + _CL + r"(?:الليله\sالماضيه|ليل\sالبارحه|البارحه|امبارح|مبارح)" + _E), 1, 1),
    # (not "اليوم التالي", "اليوم السابق", "اليوم ذاته", "في ذلك اليوم", "في نفس اليوم": the day after, before or of
    # another event)
    (re.compile(r"(?<!ذلك\s)(?<!نفس\s)(?<!ذات\s)" + _B + _CL + r"(?:(?:صباح|صبيحه|مسا|ظهر|عصر|فجر|ليل|ظهيره)\s)?(?:يوم\s|هذا\s)?اليوم" + _E +
                r"(?!\s(?:التالي|الموالي|السابق|ذاته|نفسه|الذي|الثاني|الاول)(?!\S))"), 0, 1),
    (re.compile(_B + _CL + r"(?:الاسبوع\sالماضي|الاسبوع\sالفايت|قبل\sايام|منذ\sايام|خلال\sالايام\sالماضيه|الايام\sالماضيه|"
                r"قبل\s(?:نحو\s|حوالي\s|قرابه\s)?اسبوع)" + _E), 7, 2),   # (and "قبل نحو أسبوع": about a week ago)
    (re.compile(_B + _CL + r"قبل\s(?:نحو\s|حوالي\s|قرابه\s)?اسبوعين" + _E), 14, 2),
    (re.compile(_B + _CL + r"(?:خلال\sالساعات\sالماضيه|الساعات\sالماضيه|قبل\sساعات|خلال\sالـ?\s?24\sساعه)" + _E), 0, 1),
    # "منذ ساعات الصباح", "منذ الصباح": since this morning, today (not "منذ فجر أمس", "منذ صباح يوم الأحد")
    (re.compile(_B + r"منذ\s(?:ساعات\s)?(?:ال)?(?:صباح|فجر)(?:\sالباكر)?" + _E +
                r"(?!\s(?:امس|الامس|يوم|السبت|الاحد|الاثنين|الثلاثا|الاربعا|الخميس|الجمعه))"), 0, 1),
    # (not "منذ فجر الأربعاء": since a weekday's dawn, that day)
]
#: for each of :data:`_AR_RELATIVE`, words one of which every match holds, rarer than the ones ``_prefilter``
#: reads off the pattern ("اول" of "اول امس", "خلال" of "خلال الساعات الماضيه"); ``None``: the pattern's own gate
_AR_RELATIVE_WORDS: tuple[tuple[str, ...] | None, ...] = (
    ("امس", "يومين"), None, ("منتصف",), None, None, None, None, ("اسبوعين",), ("ساعات", "ساعه"),
    ("صباح", "الصباح", "فجر", "الفجر"))
_AR_WEEKDAY_RE = re.compile(
    _B + r"(?:[وف]?(?:يوم|صباح|مسا|ليل|ليله|فجر|ظهر)\s)?" + _CL + r"(?P<wd>" + _alt(_AR_WEEKDAYS) + r")"
    r"(?:\s(?P<rel>الماضي|الفايت|المنصرم|المقبل|القادم|قبل\sالماضي))?" + _E)

_EN_DAY_MONTH = re.compile(
    _B + r"(?:(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s(?:of\s)?(?P<m1>" + _ENM + r")"
    r"|(?P<m2>" + _ENM + r")\s(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?)"
    r"(?:\s(?P<year>(?:19|20)\d\d))?" + _EN_WHICH_YEAR + _E)
_EN_MONTH_ONLY = re.compile(
    _B + r"(?P<cue>in|since|during|early|late|mid|last|next|of|throughout)[\s-](?P<m1>" + _ENM + r")"
    r"(?:\s(?P<year>(?:19|20)\d\d))?" + _EN_WHICH_YEAR + _E)
_EN_RELATIVE: list[tuple[re.Pattern[str], int, int]] = [
    (re.compile(_B + r"(?:the\sday\sbefore\syesterday|two\sdays\sago)" + _E), 2, 1),
    # (not "overnight Tuesday", "overnight on Tuesday": the weekday says which night)
    (re.compile(_B + r"(?:yesterday|last\snight|overnight(?!\s(?:on\s|into\s)?(?:" + _alt(EN_WEEKDAYS) + r"))|late\son\syesterday)"
                + _E), 1, 1),
    (re.compile(_B + r"(?:today|tonight|this\smorning|this\safternoon|this\sevening|earlier\stoday|on\sthe\sday)" + _E), 0, 1),
    (re.compile(_B + r"(?:last\sweek|this\sweek|earlier\sthis\sweek|past\sweek|in\srecent\sdays|few\sdays\sago|days\sago|"
                r"(?:a|one)\sweek\sago)" + _E), 7, 2),
    (re.compile(_B + r"(?:two|2)\sweeks\sago" + _E), 14, 2),
]
#: the same for each of :data:`_EN_RELATIVE`: words one of which every match holds, rarer than the ones ``_prefilter``
#: reads off the pattern ("the" of "on the day", "this" of "this week"): the scan looks only near them
#: (``None``: the pattern's own gate)
_EN_RELATIVE_WORDS: tuple[tuple[str, ...] | None, ...] = (
    ("before", "ago"), None, ("day", "tonight", "morning", "afternoon", "evening"), ("week", "days"), ("weeks",))
#: "قبل ثلاثة أيام", "four days ago": that many days back, a day (not "منذ ثلاثة أيام": a span until now)
_DAYS_AGO_RE = re.compile(_B + r"(?:" + _CL + r"قبل\s(?P<ar>ثلاثه|اربعه|خمسه|3|4|5)\sايام(?!\s(?:من|علي)\s)|"
                          r"(?P<en>three|four|five|3|4|5)\sdays\sago)" + _E)
_DAYS_AGO_N = {"ثلاثه": 3, "اربعه": 4, "خمسه": 5, "three": 3, "four": 4, "five": 5, "3": 3, "4": 4, "5": 5}
_EN_WEEKDAY_RE = re.compile(
    _B + r"(?:(?P<pre>on|last|this|next|late|early)\s)?(?P<wd>" + _alt(EN_WEEKDAYS) + r")"
    r"(?:\s(?P<post>morning|night|evening|afternoon))?" + _E)
_ISO_RE = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)(?!\d)")
_DMY_RE = re.compile(r"(?<![\d-])(?P<d>[0-3]?\d)[ .-](?P<m>[01]?\d)[ .-](?P<y>(?:19|20)\d\d)(?![\d-])")
#: the year first ("بتاريخ 2018/7/3", normalised "2018 7 3")
_YMD_RE = re.compile(r"(?<![\d-])(?P<y>(?:19|20)\d\d)[ .-](?P<m>[01]?\d)[ .-](?P<d>[0-3]?\d)(?![\d-])")
#: a day and a month in figures, no year, after "يوم"/"بتاريخ" ("يوم 3/7", normalised "يوم 3 7"; not in English,
#: where 3/7 may be March 7)
_DM_CUED_RE = re.compile(r"(?:^|\s)(?:يوم|بتاريخ|تاريخ)\s(?P<d>[0-3]?\d)[ .-](?P<m>[01]?\d)(?![\d-])(?!\s\d)")


_ARABIC_RE = re.compile(r"[\u0600-\u06ff]")
_DIGIT_RE = re.compile(r"\d")
_LATIN_WORD_RE = re.compile(r"[a-z]{2}")
_AR_MONTH_WORD_RE = re.compile(r"(?:" + _ARM + r")" + _E)
#: a month's name and the year after it, if any (for :func:`_ar_same_month_dates`)
_AR_MONTH_YEAR_RE = re.compile(_B + _CL + r"(?P<m>" + _ARM + r")(?:\s(?P<y>(?:19|20)\d\d))?" + _E)
_EN_MONTH_WORD_RE = re.compile(r"\b(?:" + _ENM + r")\b")

def _near_months(pattern: re.Pattern[str], norm: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(norm)``, the same matches, for a pattern whose every match holds a month name (each
    pattern's month group is followed by white space or a word end): searched only around the month names
    (``_prefilter.near_scan``) instead of at every position of the text (the patterns open with a
    look-behind: re has no fast skip for them)."""
    bounds = gate(pattern).bounds
    if bounds is None:
        return pattern.finditer(norm)
    starts = _month_starts(norm)

    def next_month(pos: int) -> int:
        i = bisect.bisect_left(starts, pos)
        return starts[i] if i < len(starts) else -1
    return near_scan(pattern, bounds, next_month, norm)


def _near_words(pattern: re.Pattern[str], words: tuple[str, ...], norm: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(norm)``, the same matches, for a pattern every match of which holds one of ``words``:
    searched only around them (``_prefilter.near_scan``, as ``Gated.finditer`` does with the pattern's own
    literals).  Where the words are, :func:`_word_places` has read off the text's keyword pass."""
    bounds = gate(pattern).bounds
    if bounds is None:
        return pattern.finditer(norm)
    if not _scanned_words().issuperset(words):
        return near_scan(pattern, bounds, next_place(norm, words), norm)   # (each word's next place by str.find)
    where = _word_places(norm)[2]
    places = sorted([i for w in words for i in where.get(w, ())])
    if not places:
        return iter(())     # (what near_scan gives when no word is ahead)

    def next_word(pos: int) -> int:
        i = bisect.bisect_left(places, pos)
        return places[i] if i < len(places) else -1
    return near_scan(pattern, bounds, next_word, norm)


def _near_literals(pattern: re.Pattern[str], norm: str) -> Iterator[re.Match[str]]:
    """``gate(pattern).finditer(norm)``, the same matches: near the pattern's literals, found by the text's
    keyword pass instead of a ``str.find`` each."""
    g = gate(pattern)
    if g.words is None:
        return g.finditer(norm)
    return _near_words(pattern, g.words, norm)


#: the last text's month-name starts and the places of the words the date patterns are scanned near
#: (the patterns of a report share them; one tuple, bound at once, so another thread never reads half of it)
_LAST_SCAN: tuple[str, list[int], dict[str, list[int]]] | None = None
_WORD_CHAR_RE = re.compile(r"\w")

#: words the prefilters of :func:`_find_norm` ask about (``w in norm``), answered from the keyword pass
_AR_RELATIVE_CUES = ("امس", "اليوم", "الاسبوع", "ايام", "الليله", "البارحه", "ساعات", "يومين", "اسبوع", "اسبوعين",
                     "مبارح")


@lru_cache(maxsize=1)
def _scanned_words() -> frozenset[str]:
    """Every word whose places :func:`_word_places` records: the near-scan words and gate literals of the
    patterns of :func:`_find_norm`, and the words its prefilters test."""
    words: set[str] = set(_AR_WEEKDAY_WORDS) | set(_AR_RELATIVE_CUES)
    for (p, _, _), ws in zip(_AR_RELATIVE + _EN_RELATIVE, _AR_RELATIVE_WORDS + _EN_RELATIVE_WORDS):
        words.update(ws if ws is not None else gate(p).literals or ())
    for p in (_ISO_RE, _DMY_RE, _YMD_RE, _DM_CUED_RE, _EN_WEEKDAY_RE):
        words.update(gate(p).literals or ())
    return frozenset(w for w in words if w)


def _month_firsts() -> set[str]:
    """The first words of the Arabic and English month names (lower case, normalised)."""
    return {name.split()[0] for name in (*_AR_MONTHS, *_EN_MONTHS)}


#: both sets are found by the shared keyword pass over the report (``_spans.keyword_hits``)
_MONTHS_BIT = keyword_set(_month_firsts)
_WORDS_BIT = keyword_set(lambda: _scanned_words())


def _word_places(norm: str) -> tuple[str, list[int], dict[str, list[int]]]:
    """``(norm, month starts, word -> sorted places)`` from the shared keyword pass over ``norm`` (kept for the
    last text).  Month starts: see :func:`_month_starts`; places: every start of each of
    :func:`_scanned_words` in ``norm`` (overlapping ones too, as ``str.find`` from each place finds them)."""
    global _LAST_SCAN
    last = _LAST_SCAN
    if last is not None and last[0] is norm:
        return last
    months: set[int] = set()
    where: dict[str, list[int]] = {}
    for e, (k, sets) in keyword_hits(norm):
        if sets & _MONTHS_BIT and not _WORD_CHAR_RE.match(norm, e + 1):
            months.add(e + 1 - len(k))
        if sets & _WORDS_BIT:
            where.setdefault(k, []).append(e + 1 - len(k))   # (the pass goes by end: each word's starts in order)
    last = _LAST_SCAN = (norm, sorted(months), where)   # (holding the string keeps its identity from being reused)
    return last


def _month_starts(norm: str) -> list[int]:
    """Sorted starts of the month names' first words in ``norm`` not followed by a word character: every
    month group of the date patterns, and every match of ``_AR_MONTH_WORD_RE`` and ``_EN_MONTH_WORD_RE``,
    starts at one (a superset: a word ending in "اب" is one too).  (The keyword pass: the month-word tests of
    ``_find_norm`` match at these places instead of scanning the text once per month name.)"""
    return _word_places(norm)[1]


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _infer_year(m: int, d: int, pub: date, future: bool) -> date | None:
    cand = _safe_date(pub.year, m, d)
    if cand is None:
        return None
    if future:
        return cand if cand >= pub else _safe_date(pub.year + 1, m, d)
    if cand > pub + timedelta(days=1):
        return _safe_date(pub.year - 1, m, d)
    return cand


def _month_date(month: int, year: int | None, pub: date, rel: str | None) -> date | None:
    future = rel in ("المقبل", "القادم", "next")
    past = rel in ("الماضي", "الفايت", "المنصرم", "last")
    y = year if year else pub.year
    if not year:
        if future and month <= pub.month:
            y += 1
        elif (past and month >= pub.month) or (not future and month > pub.month):
            y -= 1
    d = _safe_date(y, month, 15)
    if d and d > pub and not future and d.year == pub.year and d.month == pub.month:
        d = pub
    return d


_LATIN_LOWER = bytes(range(ord("a"), ord("z") + 1))


def _has_latin_word(norm: str) -> bool:
    """Two Latin letters in a row; an Arabic report with none is told by one pass over its bytes."""
    raw = norm.encode("utf-8", "surrogatepass")
    return len(raw.translate(None, _LATIN_LOWER)) < len(raw) and bool(_LATIN_WORD_RE.search(norm))


def _arabic_and_digit(norm: str) -> tuple[bool, bool]:
    """(an Arabic letter, a digit) in ``norm``: an ASCII text (most English reports) has no Arabic letter,
    and only ASCII digits to look for."""
    if norm.isascii():
        return False, _has_ascii_digit(norm)
    return bool(_ARABIC_RE.search(norm)), bool(_DIGIT_RE.search(norm))


def _has_ascii_digit(s: str) -> bool:
    """``_DIGIT_RE.search(s)`` for an ASCII ``s``: ten substring tests (memchr) instead of a regex scan."""
    for d in "0123456789":
        if d in s:
            return True
    return False


def _ar_ordinal_dates(norm: str, pub: date, add: Callable[[int, int, date | None, int, str], None]) -> None:
    """"الخامس عشر من تموز": a day of the month written as an ordinal word."""
    for m in _near_months(_AR_ORDINAL_DAY_MONTH, norm):
        day_n = _ar_ordinal_day(m["ord"])
        if day_n is None:
            continue
        mon = _AR_MONTHS[re.sub(r"\s+", " ", m["m1"])]
        d = _safe_date(int(m["year"]), mon, day_n) if m["year"] else \
            _infer_year(mon, day_n, pub, future=m["rel"] in ("المقبل", "القادم"))
        add(m.start("ord"), m.end(), d, 1, "explicit")


def _ar_day_month_dates(norm: str, pub: date, add: Callable[[int, int, date | None, int, str], None]) -> None:
    """"في 11 تموز/ يوليو الماضي": a day of a named month in digits."""
    for m in _near_months(_AR_DAY_MONTH, norm):
        mon = _AR_MONTHS[re.sub(r"\s+", " ", m["m1"])]
        day = int(m["day"])
        said = _year_said(m, pub)
        if m["year"] or said:
            d = _safe_date(int(m["year"]) if m["year"] else said or pub.year, mon, day)
        else:
            d = _infer_year(mon, day, pub, future=m["rel"] in ("المقبل", "القادم"))
        add(m.start(), m.end(), d, 1, "explicit")


def _ar_day_of_month_dates(norm: str, pub: date, add: Callable[[int, int, date | None, int, str], None]) -> None:
    """"في الثالث من الشهر الجاري": a day of this month or the last, without the month's name; then "منتصف الشهر
    الماضي", "خلال الشهر الجاري": the month itself."""
    for m in _AR_DAY_OF_MONTH_REL.finditer(norm):
        day_n = _ar_ordinal_day(m["ord"]) if m["ord"] else int(m["day"])
        if day_n:
            add(m.start(), m.end(), _day_of_month(pub, day_n, m["rel"] in _AR_THIS_MONTH), 1, "explicit")
    for m in _AR_MONTH_REL.finditer(norm):
        add(m.start(), m.end(), _relative_month(pub, m["rel"] in _AR_THIS_MONTH), 3, "month")


def _count_after_month(m: re.Match[str], original: str | None, offs: list[int] | None) -> bool:
    """A month, a comma, then a number: a count after the month ("during March, 4 of them in X", "In May, 12 people
    were killed"), not its day (the comma is gone from the normalised text the patterns read)."""
    return bool(m["m2"]) and original is not None and offs is not None and \
        "," in original[offs[m.end("m2") - 1] + 1:offs[m.start("day2")]]


def _ar_same_month_dates(norm: str, pub: date, add: Callable[[int, int, date | None, int, str], None]) -> None:
    """"وفي السابع من الشهر ذاته", "وفي 27 منه": a day of the month last named before it (in the 600 characters
    before; its year the one written after that month, else the latest not after publication)."""
    if "منه" not in norm and "الشهر" not in norm:
        return
    for m in _AR_DAY_OF_SAME_MONTH.finditer(norm):
        day_n = _ar_ordinal_day(m["ord"]) if m["ord"] else int(m["day"])
        months = list(_AR_MONTH_YEAR_RE.finditer(norm, max(0, m.start() - 600), m.start()))
        if day_n and not months and m["bare"]:
            add(m.start(), m.end(), _day_of_month(pub, day_n, True), 1, "explicit")
            continue
        if not day_n or not months:
            continue
        last = months[-1]
        mon = _AR_MONTHS[re.sub(r"\s+", " ", last["m"])]
        d = _safe_date(int(last["y"]), mon, day_n) if last["y"] else _infer_year(mon, day_n, pub, False)
        add(m.start(), m.end(), d, 1, "explicit")


def _ar_month_dates(norm: str, pub: date, add: Callable[[int, int, date | None, int, str], None],
                    original: str | None, offs: list[int] | None) -> None:
    """A month without its day: "في حزيران", "وفي تموز،", "آب الماضي", "شهر أيار 2014"."""
    for m in _near_months(_AR_MONTH_ONLY, norm):
        if not (m["cue"] or m["year"] or m["rel"] or m["ly"]):
            continue
        mon = _AR_MONTHS[re.sub(r"\s+", " ", m["m1"])]
        if mon == 8 and m["cue"] == "في" and not (m["year"] or m["rel"] or m["ly"]) and not (
                original is not None and offs is not None and original[offs[m.start("m1")]] == "آ"):
            continue  # "في اب" without year: too weak (أب is a father), unless written "آب" (the month)
        a = m.start("m1") if m["cue"] in ("في", "منذ", "خلال") else m.start()
        add(a, m.end(), _month_date(mon, int(m["year"]) if m["year"] else _year_said(m, pub), pub, m["rel"]), 3,
            "month")


def _en_month_rel_dates(norm: str, pub: date, add: Callable[[int, int, date | None, int, str], None]) -> None:
    """"on the 14th of last month" (the day), "late last month", "earlier this month" (the month)."""
    for m in _EN_MONTH_REL.finditer(norm):
        this = (m["rel"] or m["rel2"]) == "this"
        if m["day"]:
            add(m.start(), m.end(), _day_of_month(pub, int(m["day"]), this), 1, "explicit")
        else:
            add(m.start(), m.end(), _relative_month(pub, this), 3, "month")


def _relative_month(pub: date, this_month: bool) -> date:
    """The month of the publication or the one before, as a month is dated (its 15th, never after ``pub``)."""
    if this_month:
        return min(pub, pub.replace(day=15))
    return (pub.replace(day=1) - timedelta(days=1)).replace(day=15)


def _day_of_month(pub: date, day: int, this_month: bool) -> date | None:
    """Day ``day`` of the publication's month (``this_month``) or of the month before; None when there is no
    such day, or it is after the publication date."""
    y, m = (pub.year, pub.month) if this_month else ((pub.year, pub.month - 1) if pub.month > 1 else (pub.year - 1, 12))
    d = _safe_date(y, m, day)
    return d if d is not None and d <= pub else None


def _days_ago_dates(norm: str, pub: date, add: Callable[[int, int, date | None, int, str], None]) -> None:
    for m in _DAYS_AGO_RE.finditer(norm):
        add(m.start(), m.end(), pub - timedelta(days=_DAYS_AGO_N[m["ar"] or m["en"]]), 1, "relative")


def _numeric_dates(norm: str, pub: date, add: Callable[[int, int, date | None, int, str], None]) -> None:
    """Dates in figures: 2018-07-03, 3/7/2018, 2018/7/3, and "يوم 3/7" with the year of publication."""
    for pat in (_ISO_RE, _DMY_RE, _YMD_RE):
        for m in _near_literals(pat, norm):
            add(m.start(), m.end(), _safe_date(int(m["y"]), int(m["m"]), int(m["d"])), 1, "iso")
    for m in _near_literals(_DM_CUED_RE, norm):
        if 1 <= int(m["m"]) <= 12:
            add(m.start("d"), m.end(), _infer_year(int(m["m"]), int(m["d"]), pub, False), 1, "iso")


def _find_norm(norm: str, pub: date, original: str | None = None, offs: list[int] | None = None) -> list[tuple[int, int, date, int, str]]:
    """Date mentions over normalised text: (start, end, date, precision, kind) in normalised offsets."""
    out: list[tuple[int, int, date, int, str]] = []
    taken = IntervalSet()

    def add(a: int, b: int, d: date | None, prec: int, kind: str) -> None:
        if d is None or not taken.free(a, b):
            return
        out.append((a, b, d, prec, kind))
        taken.add(a, b)

    has_ar, has_digit = _arabic_and_digit(norm)
    if has_digit:
        _numeric_dates(norm, pub, add)
    ar_month = has_ar and any(_AR_MONTH_WORD_RE.match(norm, s) for s in _month_starts(norm))
    if has_ar:
        if has_digit and ar_month:
            _ar_day_month_dates(norm, pub, add)
        if ar_month:
            _ar_ordinal_dates(norm, pub, add)
            _ar_month_dates(norm, pub, add, original, offs)
            _ar_same_month_dates(norm, pub, add)
        if "الشهر" in norm:
            _ar_day_of_month_dates(norm, pub, add)
        where = _word_places(norm)[2]     # (``w in norm`` for the words it holds)
        if not where.keys().isdisjoint(_AR_RELATIVE_CUES):
            if "ايام" in where:
                _days_ago_dates(norm, pub, add)
            for (pat, back, prec), words in zip(_AR_RELATIVE, _AR_RELATIVE_WORDS):
                for m in (_near_literals(pat, norm) if words is None else _near_words(pat, words, norm)):
                    add(m.start(), m.end(), pub - timedelta(days=back), prec, "relative")
        if not where.keys().isdisjoint(_AR_WEEKDAY_WORDS):
            for m in _near_words(_AR_WEEKDAY_RE, _AR_WEEKDAY_WORDS, norm):
                if _NIGHT_OF_BEFORE_RE.search(norm, max(0, m.start() - 24), m.start()):
                    continue   # "ليل الاثنين - الثلاثاء": the night the first day names (however the two are joined)
                wd = _AR_WEEKDAYS[m["wd"]]
                if m["wd"] == "الجمعه" and re.search(r"صلاه\s$|خطبه\s$", norm[max(0, m.start() - 6):m.start()]):
                    continue
                rel = m["rel"] or ("المقبل" if _TOMORROW_BEFORE_RE.search(norm, max(0, m.start() - 10), m.start())
                                   else None)   # "غداً الأحد": the coming Sunday
                add(m.start(), m.end(), _weekday(pub, wd, rel), 1, "weekday")
    has_en = _has_latin_word(norm)
    if not has_en:
        out.sort()
        return _named_weekdays_out(_days_before_the_told(_in_the_years_told(_timeline_year(out, norm, pub, original, offs), norm, pub), norm, pub), norm)
    en_month = any(_EN_MONTH_WORD_RE.match(norm, s) for s in _month_starts(norm))
    for m in (_near_months(_EN_DAY_MONTH, norm) if en_month and has_digit else ()):
        mname = m["m1"] or m["m2"]
        if mname == "may" and original is not None and offs is not None and not _is_capital(original, offs, m.start("m1") if m["m1"] else m.start("m2")):
            continue
        if _count_after_month(m, original, offs):
            continue
        mon = _EN_MONTHS[mname]
        day = int(m["day"] or m["day2"])
        said = _year_said(m, pub)
        d = _safe_date(int(m["year"]) if m["year"] else said or pub.year, mon, day) if m["year"] or said else \
            _infer_year(mon, day, pub, False)
        add(m.start(), m.end(), d, 1, "explicit")
    for m in (_near_months(_EN_MONTH_ONLY, norm) if en_month else ()):
        if m["m1"] in ("may", "mar", "jan", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "feb", "apr") and (
                original is None or offs is None or not _is_capital(original, offs, m.start("m1"))):
            continue
        cue = m["cue"]
        a = m.start("m1") if cue in ("in", "since", "during", "of", "throughout") else m.start()
        add(a, m.end(), _month_date(_EN_MONTHS[m["m1"]], int(m["year"]) if m["year"] else _year_said(m, pub), pub,
                                    "last" if cue == "last" else "next" if cue == "next" else None), 3, "month")
    if "month" in norm:
        _en_month_rel_dates(norm, pub, add)
    if " ago" in norm:
        _days_ago_dates(norm, pub, add)
    for (pat, back, prec), words in zip(_EN_RELATIVE, _EN_RELATIVE_WORDS):
        for m in (_near_literals(pat, norm) if words is None else _near_words(pat, words, norm)):
            add(m.start(), m.end(), pub - timedelta(days=back), prec, "relative")
    _en_weekday_dates(norm, pub, add)
    out.sort()
    return _named_weekdays_out(_days_before_the_told(_in_the_years_told(_timeline_year(out, norm, pub, original, offs), norm, pub), norm, pub), norm)


def _en_weekday_dates(norm: str, pub: date, add: Callable[[int, int, date | None, int, str], None]) -> None:
    for m in _near_literals(_EN_WEEKDAY_RE, norm):
        if _EN_NIGHT_OF_BEFORE_RE.search(norm, max(0, m.start() - 32), m.start()):
            continue   # "overnight Tuesday-Wednesday", "overnight Tuesday into Wednesday": the night the first names
        pre = m["pre"]
        rel = "last" if pre == "last" else "next" if pre == "next" or _TOMORROW_BEFORE_RE.search(
            norm, max(0, m.start() - 10), m.start()) else None   # "tomorrow, Sunday"
        add(m.start(), m.end(), _weekday(pub, EN_WEEKDAYS[m["wd"]], rel), 1, "weekday")


#: how far back a retold story's year reaches a day written without one, in characters and in days
_STORY_YEAR_CHARS = 300
_STORY_YEAR_DAYS = 92
#: words that tie a day without its year to the publication ("الماضي", "last")
_OWN_YEAR_WORDS = ("الشهر", "منه", "الماضي", "الفايت", "المنصرم", "الجاري", "الحالي", "المقبل", "القادم")


#: "since" or a deal's name right before a date, a word between at most (normalised): the date of a span to now or
#: of a deal named ("منذ نيسان 2015", "بموجب اتفاق تموز 2018", "the July 2018 deal"), no story told in its year
_SINCE_BEFORE_RE = re.compile(r"(?:^|\s)(?:since|منذ|ومنذ|اتفاق|اتفاقيه|تسويه|هدنه)\s(?:\S+\s)?$")
_DEAL_AFTER_RE = re.compile(r"\s(?:deal|agreement|accord|settlement|truce)\b")


#: a retrospective, in its title or opening: an anniversary, a timeline, "these days last year" (normalised)
_RETRO_RE = re.compile(r"ذكري|سنوات علي|عام علي|عامان علي|عامين علي|تسلسل زمني|يوما بيوم|في مثل هذه الايام|"
                       r"anniversary|timeline|years? (?:since|after|on)\b|day by day")
#: the year a retrospective tells, before its first day ("صيف عام 2018", "in the summer of 2018") ...
_FRAME_YEAR_RE = re.compile(r"(?:عام|سنه|صيف|ربيع|شتا|خريف|\bin|\bof|summer|spring|autumn|winter)\s(?P<y>(?:19|20)\d\d)(?!\d)")
#: ... or "last year" ("من العام الماضي"): the words :data:`_LAST_YEAR` reads after a month
_LAST_YEAR_RE = re.compile("|".join(re.escape(w).replace(r"\ ", r"\s") for w in sorted(_LAST_YEAR)))
#: a day heading: at a line's start after bullets or emoji, a colon, dash or the line's end after it
_HEAD_BEFORE_RE = re.compile(r"(?:^|\n)[^\w\n]{0,6}$")
_HEAD_AFTER_RE = re.compile(r"\s*(?:[/(][^\n:]{0,20})?\s*(?:[:\u2013\u2014-]|\n)")


def _timeline_year(out: list[tuple[int, int, date, int, str]], norm: str, pub: date, original: str | None,
                   offs: list[int] | None) -> list[tuple[int, int, date, int, str]]:
    """A retrospective's day headings written without a year ("🗓️ 19 حزيران/يونيو:", "26 June –"), in a report whose
    opening says it looks back ("عام على التسوية"، "تسلسل زمني"، "anniversary") and names the year it tells before
    the first heading ("في مثل هذه الأيام من العام الماضي", "صيف عام 2018"): that year, not the publication's."""
    if original is None or offs is None or len(out) < 2 or "\n" not in original:
        return out
    heads = [k for k, (a, b, _d, prec, kind) in enumerate(out) if kind == "explicit" and prec == 1 and
             _is_heading(original, offs, a, b) and not _YEAR_RE.search(norm, a, b)]
    if len(heads) < 2:
        return out
    first = out[heads[0]][0]
    if any(a < first and _YEAR_RE.search(norm, a, b) and _is_heading(original, offs, a, b) for a, b, *_ in out) or \
            not _RETRO_RE.search(norm, 0, first):
        return out   # (a first heading with its year: the days after it take it, _in_the_years_told)
    years = [int(m["y"]) for m in _FRAME_YEAR_RE.finditer(norm, 0, first) if int(m["y"]) < pub.year]
    year = years[-1] if years else pub.year - 1 if _LAST_YEAR_RE.search(norm, 0, first) else None
    if year is None:
        return out
    res = list(out)
    for k in heads:
        a, b, d, prec, kind = res[k]
        told = _safe_date(year, d.month, d.day)
        if told is not None:
            res[k] = (a, b, told, prec, kind)
    return res


def _is_heading(original: str, offs: list[int], a: int, b: int) -> bool:
    """The date at normalised ``a:b`` heads a line of its own (or a line's text after a colon)."""
    if b > len(offs) or a >= len(offs):
        return False
    oa, ob = offs[a], offs[b - 1] + 1
    return bool(_HEAD_BEFORE_RE.search(original, max(0, oa - 8), oa)) and bool(_HEAD_AFTER_RE.match(original, ob))


def _in_the_years_told(out: list[tuple[int, int, date, int, str]], norm: str,
                       pub: date) -> list[tuple[int, int, date, int, str]]:
    """A day written without its year right after a date of an earlier year, in a story retold ("بدأت الحملة في
    الأسبوع الأخير من حزيران 2018 ... وفي 26 حزيران سيطرت القوات على X", "In June 2018 ... On July 6, rebels
    signed"): that year, when the day falls within three months of the date told before it (not the latest such
    day before the publication, five years on)."""
    if len(out) < 2 or not _YEAR_RE.search(norm):
        return out
    res = list(out)
    moved: set[int] = set()   # (a timeline's days, each after the one before: "4 تموز 2018 ... 6 تموز ... 8 تموز")
    for k in range(1, len(res)):
        a, b, d, prec, kind = res[k]
        pa, pb, pd, _, pkind = res[k - 1]
        if kind != "explicit" or pkind not in ("explicit", "month") or a - pb > _STORY_YEAR_CHARS:
            continue
        own = norm[a:b]
        if _YEAR_RE.search(own) or any(w in own for w in _OWN_YEAR_WORDS) or \
                not (k - 1 in moved or _YEAR_RE.search(norm, pa, pb)):
            continue   # (its own year, or one the words tie it to; the date before must have written its year, or
            #            taken it from the one before it)
        if pd.year >= pub.year or pd.year == d.year or norm.startswith(("since ", "منذ "), pa) or \
                _SINCE_BEFORE_RE.search(norm, max(0, pa - 16), pa) or \
                (norm.endswith("the ", 0, pa) and _DEAL_AFTER_RE.match(norm, pb)):
            continue   # (nor after "since April 2015", "بموجب اتفاق تموز 2018": a span to now, a deal named)
        told = _safe_date(pd.year, d.month, d.day)
        if told is not None and abs((told - pd).days) <= _STORY_YEAR_DAYS:
            res[k] = (a, b, told, prec, kind)
            if pkind == "explicit":   # (a day's date goes on to the next day's; a month named in passing does not)
                moved.add(k)
    return res


#: the pluperfect a few words before a date (normalised): "كان قد اختطف قبل يومين", of a day before the one told
PLUPERFECT_RE = re.compile(r"(?:^|\s)[وف]?(?:كان|كانت|كانوا|كانا)\sقد\s(?:\S+\s){0,3}$")


def _days_before_the_told(out: list[tuple[int, int, date, int, str]], norm: str,
                          pub: date) -> list[tuple[int, int, date, int, str]]:
    """A count of days back in the pluperfect after a day told ("في العشرين من أيلول، حررت الوحدات مواطناً كان قد
    اختطف قبل يومين"): the days before that day, not before the publication."""
    if len(out) < 2 or "قد" not in norm:
        return out
    res = list(out)
    for k in range(1, len(res)):
        a, b, d, prec, kind = res[k]
        pa, pb, pd, _, pkind = res[k - 1]
        if kind != "relative" or pkind != "explicit" or a - pb > 200 or not norm.startswith("قبل", a) or \
                not PLUPERFECT_RE.search(norm, max(0, a - 40), a):
            continue
        res[k] = (a, b, pd - (pub - d), prec, kind)
    return res


#: "overnight Tuesday-" / "overnight Tuesday into " before a second weekday (normalised)
_EN_NIGHT_OF_BEFORE_RE = re.compile(r"\b(?:overnight|the\snight\sof)\s(?:" + _alt(EN_WEEKDAYS) + r")\s?(?:-|/|into|to|and)\s?$")
#: "ليل الاثنين " / "ليله الاثنين-" before a second weekday (normalised)
_NIGHT_OF_BEFORE_RE = re.compile(r"(?:^|\s)[وف]?(?:ليل|ليله)\s(?:يوم\s)?(?:" + _alt(_AR_WEEKDAYS) + r")\s?[-/]?\s?$")


def _named_weekdays_out(out: list[tuple[int, int, date, int, str]],
                        norm: str | None = None) -> list[tuple[int, int, date, int, str]]:
    """``out`` (sorted) without a weekday written right before the date it names ("صباح السبت 1 آذار", "Saturday,
    March 1"): the date says which Saturday, not the nearest one before the publication; and the weekday says
    which year, when the day has none written and the report names the year it falls on that weekday
    (:func:`_year_of_the_weekday`)."""
    if len(out) < 2:
        return out
    # a weekday told just after the date it falls on ("On 18 March 2011, after Friday prayers", "في 18 آذار 2011، يوم
    # الجمعة"): that date's, not the one before the publication
    out = [(a, b, out[k - 1][2], prec, kind) if kind == "weekday" and k and out[k - 1][4] in ("explicit", "iso") and
           0 <= a - out[k - 1][1] <= 40 and out[k - 1][2].weekday() == d.weekday() and out[k - 1][2] != d else
           (a, b, d, prec, kind) for k, (a, b, d, prec, kind) in enumerate(out)]
    drop = {k for k in range(len(out) - 1) if out[k][4] == "weekday" and out[k + 1][4] in ("explicit", "iso")
            and 0 <= out[k + 1][0] - out[k][1] <= 3}
    if not drop:
        return out
    res = [d for k, d in enumerate(out) if k not in drop]
    if norm is not None:
        fixed = {out[k + 1][0]: _year_of_the_weekday(out[k][2].weekday(), out[k + 1], norm) for k in drop}
        res = [fixed.get(d[0]) or d for d in res]
    return res


def _year_of_the_weekday(wd: int, told: tuple[int, int, date, int, str], norm: str) -> tuple | None:
    """A day written without its year after a weekday it does not fall on, in a report that names the year it does
    fall on, within ten years before ("الجمعة 6 تموز" in a report of a year later that told "4 تموز 2018"): that
    year's day; None when the weekday fits, the year is written, or no such year is named."""
    a, b, d, prec, kind = told
    if kind != "explicit" or d.weekday() == wd or _YEAR_RE.search(norm, a, b):
        return None
    for y in range(d.year - 1, d.year - 11, -1):
        day = _safe_date(y, d.month, d.day)
        if day is not None and day.weekday() == wd and str(y) in norm:
            return a, b, day, prec, kind
    return None


def _is_capital(original: str, offs: list[int], norm_idx: int) -> bool:
    i = offs[norm_idx] if norm_idx < len(offs) else -1
    return 0 <= i < len(original) and original[i].isupper()


#: "tomorrow" right before a weekday (normalised): "غدا الاحد", "يوم غد الاحد", "tomorrow, sunday"
_TOMORROW_BEFORE_RE = re.compile(r"(?:(?:^|\s)(?:غدا|غد|بعد\sغد)|\btomorrow)\s*(?:يوم\s)?$")


def _weekday(pub: date, wd: int, rel: str | None) -> date:
    """Most recent ``wd`` on or before ``pub`` ("الماضي"/"last": strictly before); "next": after."""
    if rel in ("المقبل", "القادم", "next"):
        delta = (wd - pub.weekday()) % 7 or 7
        return pub + timedelta(days=delta)
    back = (pub.weekday() - wd) % 7
    if back == 0 and rel in ("الماضي", "الفايت", "المنصرم", "last", "قبل الماضي"):
        back = 7
    if rel == "قبل الماضي":
        back += 7   # "الجمعة قبل الماضي": the Friday before last
    return pub - timedelta(days=back)


def find_dates(text: str, published: str | date) -> list[DateMention]:
    """All date expressions in ``text`` with offsets into ``text``, resolved against ``published``."""
    pub = parse_published(published)
    norm, offs = normalize_offsets(text)
    out = []
    for a, b, d, p, k in _find_norm(norm, pub, text, offs):
        s, e = orig_span(text, offs, a, b)
        out.append(DateMention(s, e, d, p, text[s:e], k))
    return out


def resolve_date(expr: str, published: str | date) -> tuple[date, int] | None:
    """The first date expressed in ``expr`` as (date, precision), or None."""
    found = find_dates(expr, published)
    return (found[0].date, found[0].precision) if found else None
