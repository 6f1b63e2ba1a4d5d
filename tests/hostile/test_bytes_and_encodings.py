"""Promise: bad bytes never become stored garbage, and never cost the good reports beside them.

- One invalid byte in a UTF-8 file or JSON line is replaced (U+FFFD) and reported; the rest of
  the text stays exactly as written (never re-read as Windows-1256 mojibake).
- A legacy Windows-1256 Arabic file is still read, but only when it is not UTF-8 at all.
- A JSON Lines file is judged line by line: a NUL byte or a broken line fails that line alone,
  wherever it is in the file.
- UTF-16 (and UTF-32, UTF-8) byte order marks are honoured by ``extract`` and ``ingest`` alike:
  one reader.
"""

from __future__ import annotations

import json

import pytest
from hostile_helpers import ENAB_TAFAS, SANA_HARA, SANA_JASIM, SANA_SAYDA, TOY

from eventmap.events import reader
from eventmap.store import open_store
from eventmap.ui import ingest

MOJIBAKE = ("ط£", "ط¹", "ظ„", "ط§ظ")   # what UTF-8 Arabic looks like read as Windows-1256


def _line(text: str, published: str = "2018-07-20", source: str = "SANA") -> bytes:
    return json.dumps({"text": text, "published": published, "source": source}, ensure_ascii=False).encode()


def _stored_texts(db: str) -> list[str]:
    with open_store(db) as s:
        return [s.get_report(rid).text for rid in s.reports()["report_id"]]


def test_one_bad_byte_in_a_jsonl_is_replaced_and_reported_not_mojibake(tmp_path, cli):
    bad = _line(SANA_JASIM).replace("جاسم".encode(), "جا".encode() + b"\xff" + "سم".encode())
    f = tmp_path / "archive.jsonl"
    f.write_bytes(b"\n".join([_line(SANA_HARA), bad, _line(ENAB_TAFAS)]) + b"\n")
    db = str(tmp_path / "s.gpkg")
    code, out, _ = cli("ingest", f, "--db", db, "--extractor", TOY)
    assert code == 0 and "new: 3" in out and "failed: 0" in out
    assert "warnings: 1" in out and f"{f}:2" in out and "invalid byte" in out
    texts = _stored_texts(db)
    assert SANA_HARA in texts and ENAB_TAFAS in texts          # good lines exactly as written
    assert SANA_JASIM.replace("جاسم", "جا\ufffdسم") in texts      # the bad byte alone is replaced
    assert not any(m in t for t in texts for m in MOJIBAKE)
    # the fixed file adds only the line that was repaired, nothing beside garbage
    f.write_bytes(b"\n".join([_line(SANA_HARA), _line(SANA_JASIM), _line(ENAB_TAFAS)]) + b"\n")
    code, out, _ = cli("ingest", f, "--db", db, "--extractor", TOY)
    assert code == 0 and "duplicate: 2" in out and "new: 1" in out


def test_one_bad_byte_in_a_text_file_is_reported_by_extract_and_ingest(tmp_path, cli):
    f = tmp_path / "2018-07-20_sana.txt"
    f.write_bytes(SANA_SAYDA.encode().replace("الجيش".encode(), "الجيش".encode() + b"\x85"))
    code, out, err = cli("extract", f, "--published", "2018-07-20")
    assert code == 0 and "invalid byte" in err and "صيدا" in out and "Sayda" in out
    db = str(tmp_path / "s.gpkg")
    code, out, _ = cli("ingest", f, "--db", db)
    assert code == 0 and "new: 1" in out and "warning" in out
    (text,) = _stored_texts(db)
    assert "وادي اليرموك" in text and not any(m in text for m in MOJIBAKE)


def test_legacy_windows_1256_is_read_only_when_the_file_is_not_utf8(tmp_path, cli):
    f = tmp_path / "2018-07-20_watan.txt"
    f.write_bytes(SANA_SAYDA.encode("cp1256"))
    code, out, err = cli("extract", f, "--published", "2018-07-20")
    assert code == 0 and "Sayda" in out and "warning" not in err
    d = reader.decode(SANA_SAYDA.encode("cp1256"))
    assert d.encoding == "cp1256" and d.text == SANA_SAYDA
    # per line: a Windows-1256 line inside a UTF-8 JSONL is read as such; its UTF-8 neighbours are not touched
    data = b"\n".join([_line(SANA_HARA), _line(SANA_SAYDA).decode().encode("cp1256"), _line(ENAB_TAFAS)])
    texts = [json.loads(t)["text"] for _, t, _ in reader.jsonl_lines(data, "mixed.jsonl")]
    assert texts == [SANA_HARA, SANA_SAYDA, ENAB_TAFAS]


def test_utf8_text_never_becomes_mojibake_whatever_the_damage():
    raw = (SANA_HARA + " " + ENAB_TAFAS).encode()
    for pos in (0, 7, len(raw) // 2, len(raw) - 1):
        damaged = raw[:pos] + b"\x92" + raw[pos:]
        d = reader.decode(damaged)
        assert d.encoding == "utf-8" and d.replaced == 1
        assert not any(m in d.text for m in MOJIBAKE)
    with pytest.raises(reader.InputError, match="UTF-8"):  # mostly invalid and not Arabic in any encoding: refused
        reader.decode(bytes(range(0x80, 0x100)) * 4)


def test_a_nul_byte_early_in_a_jsonl_fails_that_line_only(tmp_path, cli):
    villages = ("الحارة", "طفس", "جاسم", "صيدا", "نوى", "إنخل")
    lines = [_line(f"وأفاد مراسل سانا بأن اشتباكات عنيفة دارت في بلدة {villages[i % 6]} بريف درعا يوم {i}.",
                   published=f"2018-07-{1 + i % 28:02d}") for i in range(60)]
    lines.insert(0, b'{"text": "\x00\x00 scanner output", "published": "2018-07-20"}')   # within the first 4 KB
    f = tmp_path / "wire.jsonl"
    f.write_bytes(b"\n".join(lines) + b"\n")
    db = str(tmp_path / "s.gpkg")
    code, out, err = cli("ingest", f, "--db", db, "--extractor", TOY)
    assert "new: 60" in out and "failed: 1" in out and f"{f}:1" in out and "NUL" in out
    assert code == 1 and "1 of 61" in err
    with open_store(db) as s:
        assert len(s.reports()) == 60


def test_utf16_with_a_bom_is_read_by_extract_and_ingest_alike(tmp_path, cli):
    f = tmp_path / "2018-07-20_sana.txt"
    f.write_bytes(SANA_SAYDA.encode("utf-16"))           # BOM + UTF-16 LE, as Windows Notepad saves "Unicode"
    code, out, _ = cli("extract", f, "--published", "2018-07-20")
    assert code == 0 and "Sayda" in out
    db = str(tmp_path / "s.gpkg")
    code, out, _ = cli("ingest", f, "--db", db)
    assert code == 0 and "new: 1" in out and "failed: 0" in out
    assert _stored_texts(db) == [SANA_SAYDA]
    j = tmp_path / "wire.jsonl"                              # a JSONL saved as UTF-16 BE, and one with a UTF-8 BOM
    j.write_bytes(b"\xfe\xff" + "\n".join([_line(SANA_HARA).decode(), _line(ENAB_TAFAS).decode()]).encode("utf-16-be"))
    k = tmp_path / "wire8.jsonl"
    k.write_bytes(b"\xef\xbb\xbf" + _line(SANA_JASIM))
    code, out, _ = cli("ingest", j, k, "--db", db, "--extractor", TOY)
    assert code == 0 and "new: 3" in out
    assert set(_stored_texts(db)) == {SANA_SAYDA, SANA_HARA, ENAB_TAFAS, SANA_JASIM}
    assert reader.read_report(SANA_SAYDA.encode("utf-32"), published="2018-07-20").text == SANA_SAYDA


def test_dashboard_upload_keeps_the_good_lines_of_a_jsonl(tmp_path):
    data = b"\n".join([_line(SANA_HARA), b'{"text": "\x00", "published": "2018-07-20"}', b"{broken",
                       _line(ENAB_TAFAS)])
    errors: list[str] = []
    reps = ingest.read_upload("upload.jsonl", data, "2018-07-25", errors=errors)
    assert [r.text for r in reps] == [SANA_HARA, ENAB_TAFAS]
    assert len(errors) == 2 and "upload.jsonl:2" in errors[0] and "upload.jsonl:3" in errors[1]
