"""The twentieth round of extraction classes: tolls told as a rise of "human losses" (or of a toll whose noun has
a possessive apostrophe), as a part of a total at one of the places listed ("ثلاثة منهم في X"), as two counts of
one death joined by "و" or "as well as", as a second place's toll after a part set off by commas; and a timeline's
days whose year is told once: in the first day's date, by the weekday written before them, or in a retrospective's
opening ("في مثل هذه الأيام من العام الماضي").

Sentences written for these tests in the styles of the outlets (monitors, local pages, wire English); none is
taken from a report.
"""

from __future__ import annotations

import pytest

from eventmap.events.dates import find_dates
from eventmap.events.extract import extract_events


def _tolls(text: str, published: str) -> dict[str, set]:
    out: dict[str, set] = {}
    for e in extract_events(text, published):
        out.setdefault(e.location, set()).add(e.fatalities)
    return out


#: (what the case shows, the text, the day it was published, {place: the toll it must have})
_TOLLS = [
    ("human_losses_risen_to_a_figure_after_a_comma",
     "ارتفعت حصيلة الخسائر البشرية جراء سقوط قذائف على بلدة الغارية الغربية مساء أمس، إلى 4 مدنيين بينهم طفل، "
     "بعد وفاة امرأة صباح اليوم متأثرة بجراحها.", "2018-06-21", {"الغارية الغربية": 4}),
    ("a_part_of_a_total_at_one_of_two_towns",
     "قتل ستة مدنيين في غارات على بلدتي الحارة وكفرشمس، أربعة منهم في الحارة.", "2018-06-21",
     {"الحارة": 4, "كفرشمس": None}),
    ("a_part_of_a_total_at_one_of_two_towns_in_english",
     "Six civilians were killed in air strikes on the towns of Ibta and Dael, four of them in Ibta.", "2018-06-21",
     {"Ibta": 4, "Dael": None}),
    ("two_counts_of_one_death_joined_by_and_with_digits",
     "وأسفرت الاشتباكات في بلدة ناحتة عن مقتل 7 عناصر من الأمن العام و9 مقاتلين من العشائر.", "2025-07-18",
     {"ناحتة": 16}),
    ("two_counts_of_one_death_joined_by_and_with_words",
     "قتل اثنان من أبناء العشائر وثلاثة مسلحين في اشتباكات عند أطراف بلدة المجيدل.", "2025-07-18",
     {"المجيدل": 5}),
    ("a_toll_risen_after_a_possessive_apostrophe",
     "The death toll of the government forces' artillery fire on Inkhil rose to seven civilians, among them "
     "two children, after three people wounded on Monday died of their injuries.", "2018-06-21", {"Inkhil": 7}),
    ("a_second_toll_after_a_part_set_off_by_commas",
     "On Sunday, air strikes hit the towns of Jasim and Inkhil, killing at least nine civilians, including three "
     "children, in Jasim and two civilians in Inkhil.", "2018-06-21", {"Jasim": 9, "Inkhil": 2}),
    ("a_second_toll_after_a_part_set_off_by_commas_arabic",
     "وقتل سبعة مدنيين، بينهم ثلاثة أطفال، في غارة على بلدة الحارة، وامرأة في بلدة كفرشمس.", "2014-10-06",
     {"الحارة": 7, "كفرشمس": 1}),
    ("more_dead_as_well_as",
     "Government shelling killed a woman and her three children, as well as two others, in Nawa on Sunday.",
     "2018-06-21", {"Nawa": 6}),
    ("the_one_wounded_died_later",
     "أصيب شاب برصاص قناص في بلدة الحراك، وتوفي لاحقاً متأثراً بجراحه.", "2018-06-21", {"الحراك": 1}),
    ("the_one_wounded_died_later_in_a_hospital_of_another_town",
     "أصيب شاب برصاص قناص في بلدة الحراك، وتوفي لاحقاً متأثراً بجراحه في المشفى الوطني بمدينة إزرع.",
     "2018-06-21", {"الحراك": 1}),
    ("a_second_death_in_another_town_is_that_town_s",   # guard: not a hospital's town
     "قتل شاب برصاص قناص في بلدة الحراك، وقتل آخر في مدينة إزرع.", "2018-06-21", {"الحراك": 1, "إزرع": 1}),
    # guards: a part with no comma after it is of the toll before; the wounded after "و" are no second count
    ("a_part_with_no_closing_comma_adds_no_toll",
     "قتل 4 مواطنين بينهم امرأة وطفلها في قصف على بلدة صيدا.", "2018-07-03", {"صيدا": 4}),
    ("the_wounded_after_and_are_not_added",
     "أسفر القصف على بلدة المسيفرة عن مقتل 4 مدنيين وإصابة 9 آخرين.", "2018-06-21", {"المسيفرة": 4}),
    ("wounded_persons_after_and_are_not_added",
     "قتل 3 عناصر و5 مدنيين جرحى في قصف على بلدة الجيزة.", "2018-06-21", {"الجيزة": 3}),
]


@pytest.mark.parametrize("why, text, published, want", _TOLLS, ids=[r[0] for r in _TOLLS])
def test_tolls(why, text, published, want):
    got = _tolls(text, published)
    for place, toll in want.items():
        assert got.get(place) == {toll}, (place, got)


def _days(text: str, published: str) -> list[str]:
    from datetime import date
    return [d.date.isoformat() for d in find_dates(text, date.fromisoformat(published)) if d.precision == 1]


def test_a_timelines_days_take_the_year_of_its_first_dated_day():
    text = ("الأربعاء 4 تموز 2018\nانهارت المفاوضات في بصرى الشام وعاد الطيران إلى قصف بلدات الريف الشرقي.\n\n"
            "6 تموز\nوقعت الفصائل اتفاق التسوية ودخلت القوات معبر نصيب.\n\n"
            "9 تموز\nدخلت القوات بلدة الطيبة دون قتال.")
    assert _days(text, "2019-07-12") == ["2018-07-04", "2018-07-06", "2018-07-09"]


def test_a_weekday_before_a_day_says_the_year_the_report_names():
    # a day of a year before: Friday 6 July is of 2018 (the report names 2018), not Saturday 6 July 2019
    text = ("عام على التسوية في حوران: تسلسل زمني لأيام تموز 2018.\n"
            + "كتب مراسلونا هذا التقرير من شهادات الأهالي. " * 12 + "\n"
            "الجمعة 6 تموز\nدخلت قوات النظام معبر نصيب بعد انسحاب الفصائل.")
    assert "2018-07-06" in _days(text, "2019-07-12")


def test_a_weekday_that_fits_the_day_of_this_year_leaves_it(  # guard
):
    text = "مقتل شاب برصاص مجهولين في بلدة الجيزة يوم الجمعة 5 تموز، بعد خروجه من منزله. وكانت البلدة قد شهدت في 2018 تسوية."
    assert _days(text, "2019-07-12") == ["2019-07-05"]


def test_a_weekday_that_does_not_fit_moves_no_day_without_a_year_named(  # guard
):
    # (an outlet's slip: no year named in the report where that weekday fits, so the day stays this year's)
    text = "مقتل شاب برصاص مجهولين في بلدة الجيزة يوم الخميس 5 تموز."
    assert _days(text, "2019-07-12") == ["2019-07-05"]


def test_a_month_named_in_passing_gives_no_year_to_the_days_after(  # guard
):
    text = ("Government forces entered Inkhil on July 15 under a reconciliation deal. The town had been held by "
            "rebels since October 2014, when they took it after weeks of fighting. Forces then entered Jasim on "
            "July 17, and shelled Nawa on July 18.")
    days = _days(text, "2018-07-20")
    assert "2018-07-17" in days and "2018-07-18" in days


def test_a_retrospectives_day_headings_take_the_year_its_opening_names():
    text = ("عامان على التسوية في حوران: تسلسل زمني\n\n"
            "في مثل هذه الأيام من صيف عام 2018، كانت قوات النظام تتقدم في الريف الشرقي بغطاء جوي روسي.\n\n"
            "🗓️ 20 حزيران/يونيو:\nقصف مدفعي عنيف على بلدة بصر الحرير.\n\n"
            "🗓️ 7 تموز/يوليو:\nدخلت قوات النظام معبر نصيب بعد انسحاب الفصائل.")
    assert _days(text, "2020-07-20") == ["2018-06-20", "2018-07-07"]


def test_a_retrospective_of_last_year_in_english():
    text = ("One year on: a timeline of the offensive that ended rebel rule in the south\n\n"
            "These days last year, government forces were closing in on the towns of eastern Daraa.\n\n"
            "June 20 - Shelling of Busra al-Harir begins.\n\n"
            "July 7 - Government forces enter the Nasib crossing.")
    assert _days(text, "2019-07-20") == ["2018-06-20", "2018-07-07"]


def test_a_digest_of_this_week_keeps_its_days_though_it_names_an_old_year(  # guard
):
    # (no look back: the old year is a deal's, and the day headings are this year's)
    text = ("ملخص أحداث الأسبوع في درعا\n\nتتواصل الاغتيالات في المحافظة منذ تسوية عام 2018.\n\n"
            "🔸 2 آذار:\nاغتيال شاب برصاص مجهولين في بلدة الجيزة.\n\n"
            "🔸 4 آذار:\nانفجار عبوة ناسفة في مدينة طفس.")
    assert _days(text, "2025-03-06") == ["2025-03-02", "2025-03-04"]
