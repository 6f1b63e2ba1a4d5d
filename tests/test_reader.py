"""Reading reports: text and saved HTML pages, and clear refusals of hostile input."""

import time
from pathlib import Path

import pytest

from eventmap.events.reader import InputError, detect_language, read_report, strip_html

ARTICLE = ("حررت وحدات من الجيش العربي السوري صباح اليوم بلدة إنخل في ريف درعا الشمالي "
           "بعد اشتباكات عنيفة مع المجموعات الإرهابية. ") * 8

PAGE = f"""<!doctype html><html><head><title>الجيش يحرر إنخل | سانا</title>
<script>var tracking = "<b>not text</b>"; alert('x');</script><style>.a{{color:red}}</style></head>
<body><nav><a href="/">الرئيسية</a> <a href="/sport">رياضة</a></nav>
<article><h1>الجيش يحرر إنخل</h1><p>{ARTICLE}</p>
<p>وعثرت وحدات الجيش أمس على مستودع أسلحة في بلدة عقربا.</p></article>
<div class="comments"><p>تعليق: هذا الخبر كاذب والقصف في نوى مستمر</p></div>
<footer>جميع الحقوق محفوظة</footer></body></html>"""


def test_plain_text_file(tmp_path: Path):
    p = tmp_path / "r.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    r = read_report(p, published="2018-07-10", source="SANA")
    assert r.text.strip() == ARTICLE.strip()
    assert r.published == "2018-07-10" and r.source == "SANA" and r.language == "ar"
    assert len(r.report_id) == 16
    # the same text gives the same id
    assert read_report(ARTICLE, published="2018-07-10").report_id == r.report_id


def test_html_page_gives_article_text_without_markup(tmp_path: Path):
    p = tmp_path / "r.html"
    p.write_text(PAGE, encoding="utf-8")
    r = read_report(p, published="2018-07-10")
    assert "إنخل" in r.text and "مستودع أسلحة" in r.text
    for junk in ("<", ">", "tracking", "alert(", "color:red", "الحقوق محفوظة"):
        assert junk not in r.text, junk
    assert r.title.startswith("الجيش يحرر إنخل")


def test_strip_fallback_drops_scripts_and_tags():
    out = strip_html("<div><script>x=1</script><p>قصف &amp; اشتباكات</p><style>p{}</style></div>")
    assert out == "قصف & اشتباكات"


@pytest.mark.parametrize("content", ["", "   \n\t  ", "\u200f\u200e  "])
def test_empty_input_is_refused(content):
    with pytest.raises(InputError, match="empty|no Arabic or Latin letters"):
        read_report(content.encode() if not content else content, published="2018-07-10")


def test_empty_file_is_refused(tmp_path: Path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    with pytest.raises(InputError, match="empty"):
        read_report(p, published="2018-07-10")


def test_binary_input_is_refused(tmp_path: Path):
    p = tmp_path / "photo.jpg"
    p.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)) * 20)
    with pytest.raises(InputError, match="binary"):
        read_report(p, published="2018-07-10")
    with pytest.raises(InputError, match="UTF-8|binary"):
        read_report(bytes([0xC3, 0x28, 0xA0, 0xA1]) * 50, published="2018-07-10")


def test_symbols_only_is_refused():
    with pytest.raises(InputError, match="no Arabic or Latin letters"):
        read_report("12345 ... !!! ***", published="2018-07-10")


def test_missing_publication_date_says_how_to_pass_it():
    with pytest.raises(InputError, match="--published"):
        read_report(ARTICLE, published=None)


def test_utf16_and_legacy_arabic_encodings():
    r = read_report(ARTICLE.encode("utf-16"), published="2018-07-10")
    assert "إنخل" in r.text
    r = read_report(ARTICLE.encode("cp1256"), published="2018-07-10")
    assert "إنخل" in r.text


def test_fifty_megabytes_is_refused_fast(tmp_path: Path):
    p = tmp_path / "huge.txt"
    with p.open("wb") as f:
        f.write(("قصف " * 1000).encode() * 8000)   # 56 MB
    t0 = time.perf_counter()
    with pytest.raises(InputError, match="MB"):
        read_report(p, published="2018-07-10")
    assert time.perf_counter() - t0 < 30   # generous: the refusal reads nothing


def test_long_text_below_the_byte_limit_is_refused_with_a_reason():
    with pytest.raises(InputError, match="characters"):
        read_report("قصف " * 400_000, published="2018-07-10")


def test_language_detection():
    assert detect_language(ARTICLE) == "ar"
    assert detect_language("Government forces captured Nawa on Sunday.") == "en"
