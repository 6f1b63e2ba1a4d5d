"""Date expressions of Arabic and English news, resolved against the publication date."""

from datetime import date

import pytest

from eventmap.events.dates import find_dates, parse_published, resolve_date

PUB = "2018-07-25"   # a Wednesday


@pytest.mark.parametrize("expr, expected, precision", [
    # Levantine and standard month names, paired as Syrian media write them
    ("في 11 تموز/ يوليو الماضي", date(2018, 7, 11), 1),
    ("يوم 20 تموز/ يوليو", date(2018, 7, 20), 1),
    ("في ٣ حزيران ٢٠١٨", date(2018, 6, 3), 1),                    # Arabic-Indic digits
    ("5 آب/ أغسطس", date(2017, 8, 5), 1),                        # later in the year than publication: last year
    ("في 2 تشرين الأول/أكتوبر 2017", date(2017, 10, 2), 1),
    ("في 14 كانون الثاني", date(2018, 1, 14), 1),                # two-word month, not تشرين الثاني
    ("تشرين الثاني الماضي", date(2017, 11, 15), 3),              # month only: mid-month, month precision
    ("شهر حزيران الماضي", date(2018, 6, 15), 3),
    # relative expressions
    ("اليوم", date(2018, 7, 25), 1),
    ("صباح اليوم", date(2018, 7, 25), 1),
    ("مساء اليوم", date(2018, 7, 25), 1),
    ("أمس", date(2018, 7, 24), 1),
    ("مساء أمس", date(2018, 7, 24), 1),
    ("مساءَ أمسِ", date(2018, 7, 24), 1),                         # with harakat
    ("ليل أمس", date(2018, 7, 24), 1),
    ("أمس الأول", date(2018, 7, 23), 1),
    ("أول أمس", date(2018, 7, 23), 1),
    ("الأحد الماضي", date(2018, 7, 22), 1),
    ("يوم الجمعة", date(2018, 7, 20), 1),
    ("الأربعاء الماضي", date(2018, 7, 18), 1),                   # same weekday + الماضي: a week back
    ("الأسبوع الماضي", date(2018, 7, 18), 2),
    ("بالأمس", date(2018, 7, 24), 1),                             # the article on أمس, with a preposition
    ("مساء الأمس", date(2018, 7, 24), 1),
    # the day of the month as an ordinal word (hand-written: dateparser reads none of these)
    ("في الخامس عشر من تموز", date(2018, 7, 15), 1),
    ("الموافق للثالث والعشرين من تموز/ يوليو الجاري", date(2018, 7, 23), 1),
    ("في الحادي والثلاثين من شهر أيار الماضي", date(2018, 5, 31), 1),
    ("العاشر من آب 2017", date(2017, 8, 10), 1),
    # a day of this month or the last, without its name
    ("في الثالث من الشهر الجاري", date(2018, 7, 3), 1),
    ("يوم 12 من الشهر الحالي", date(2018, 7, 12), 1),
    ("في العشرين من الشهر الماضي", date(2018, 6, 20), 1),
    ("الثلاثاء الفائت", date(2018, 7, 24), 1),                    # الفائت, as الماضي (its hamza normalised)
    ("الأربعاء الفائت", date(2018, 7, 18), 1),
    ("الأسبوع الفائت", date(2018, 7, 18), 2),
    # English
    ("today", date(2018, 7, 25), 1),
    ("this morning", date(2018, 7, 25), 1),
    ("yesterday", date(2018, 7, 24), 1),
    ("last night", date(2018, 7, 24), 1),
    ("on Sunday", date(2018, 7, 22), 1),
    ("24 July", date(2018, 7, 24), 1),
    ("July 24", date(2018, 7, 24), 1),
    ("July 24, 2018", date(2018, 7, 24), 1),
    ("on 3rd of June", date(2018, 6, 3), 1),
    ("2018-07-24", date(2018, 7, 24), 1),
    ("24/07/2018", date(2018, 7, 24), 1),
    ("in May", date(2018, 5, 15), 3),
    # this month or the last, without its name: the month (hand-written: dateparser reads none of these)
    ("منتصف الشهر الماضي", date(2018, 6, 15), 3),
    ("في وقت سابق من الشهر الجاري", date(2018, 7, 15), 3),
    ("خلال الشهر الفائت", date(2018, 6, 15), 3),
    ("late last month", date(2018, 6, 15), 3),
    ("earlier this month", date(2018, 7, 15), 3),
    ("on the 14th of last month", date(2018, 6, 14), 1),
    ("in mid-June", date(2018, 6, 15), 3),
])
def test_expressions(expr, expected, precision):
    got = resolve_date(expr, PUB)
    assert got == (expected, precision), expr


def test_offsets_point_into_original_text():
    text = "وعثرت وحدات الجيش أولَ أمس، على مستودع أدوية. وقال المصدر يوم 20 تموز/ يوليو إن"
    found = find_dates(text, PUB)
    assert [text[m.start:m.end] for m in found] == ["أولَ أمس", "20 تموز/ يوليو"]
    assert [m.date for m in found] == [date(2018, 7, 23), date(2018, 7, 20)]


def test_not_dates():
    # "may" the verb, "أحد" (one), "أب" (father), "اليومية" (daily) are not dates
    for s in ("It may be true", "قال أحد الطيارين", "قال أب لثلاثة أطفال", "الأخبار اليومية", "في عام 1974",
              "الفوج الثاني تموز", "الحادي والأربعين من تموز"):   # an ordinal must say "من" and be a day
        assert find_dates(s, PUB) == [], s


def test_friday_prayer_is_not_a_date():
    assert find_dates("بعد صلاة الجمعة خرج الأهالي", PUB) == []


def test_publication_date_parsing():
    assert parse_published("2018-07-25") == date(2018, 7, 25)
    assert parse_published(date(2018, 7, 25)) == date(2018, 7, 25)
    with pytest.raises(ValueError):
        parse_published("25/07/2018")


def test_year_boundary():
    # a report of 2 January speaking of "28 كانون الأول" means last year
    assert resolve_date("في 28 كانون الأول", "2019-01-02") == (date(2018, 12, 28), 1)
    assert resolve_date("yesterday", "2019-01-01") == (date(2018, 12, 31), 1)


@pytest.mark.parametrize("text, pub, day", [
    ("قصفت قوات النظام بلدة الحراك بتاريخ 2019/5/4.", "2019-05-10", "2019-05-04"),
    ("قصفت قوات النظام بلدة الحراك يوم 4/5.", "2019-05-10", "2019-05-04"),
    ("قصفت قوات النظام بلدة الحراك قبل ثلاثة أيام.", "2019-05-10", "2019-05-07"),
    ("Government forces shelled al-Harak four days ago.", "2019-05-10", "2019-05-06"),
])
def test_days_in_figures_and_days_ago(text, pub, day):
    assert [(m.date.isoformat(), m.precision) for m in find_dates(text, pub)] == [(day, 1)]
    # not "منذ ثلاثة أيام" (a span until now), nor a day and month in figures with no word before them
    assert all(m.precision != 1 for m in find_dates("تتواصل الاشتباكات منذ ثلاثة أيام في البلدة.", pub))
    assert find_dates("وسجلت الإحصائية 4/5 من الحالات في البلدة.", pub) == []


@pytest.mark.parametrize("text, day", [
    ("وكانت المدينة قد شهدت قبل أسبوع محاولة اغتيال.", "2019-06-25"),
    ("وكانت المدينة قد شهدت قبل أسبوعين محاولة اغتيال.", "2019-06-18"),
    ("The town saw an assassination attempt a week ago.", "2019-06-25"),
])
def test_weeks_ago_are_about_that_week(text, day):
    assert [(m.date.isoformat(), m.precision) for m in find_dates(text, "2019-07-02")] == [(day, 2)]


@pytest.mark.parametrize("text, day", [
    ("قتل شاب في 19 من حزيران الماضي.", "2018-06-19"),
    ("اعتقل شاب في 3 من شهر تموز الجاري.", "2018-07-03"),
    ("تعقد جولة جديدة من المفاوضات غداً الأحد.", "2018-07-08"),
    ("The talks resume tomorrow, Sunday.", "2018-07-08"),
])
def test_a_day_of_a_month_after_min_and_tomorrows_weekday(text, day):
    assert [m.date.isoformat() for m in find_dates(text, "2018-07-07")] == [day]
