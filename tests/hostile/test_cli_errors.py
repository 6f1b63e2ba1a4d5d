"""Promise: every eventmap command given bad arguments answers in one clear line and a non-zero exit.

No traceback, ever, and not the last-resort "internal error" line either: each error below has
its own message saying what is wrong and, where it helps, what to do.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_helpers import SANA_HARA, assert_one_clear_line, run_eventmap

from eventmap.store import open_store
from eventmap.store.testing import rafid_report_ar


@pytest.fixture
def place(tmp_path, monkeypatch) -> Path:
    """A working folder with a report, an empty file, a photo, a folder, a bad CSV and a small store."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("EVENTMAP_DATA_DIR", str(tmp_path / "data"))
    (tmp_path / "r.txt").write_text(SANA_HARA, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "photo.txt").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)))
    (tmp_path / "reports").mkdir()
    (tmp_path / "columns.csv").write_text("name,count\nالمهير,3\n", encoding="utf-8")
    with open_store(str(tmp_path / "s.gpkg")) as s:
        s.ingest(*rafid_report_ar("2018-07-26"))
    return tmp_path


#: (arguments, a piece of the message that must be there)
BAD = [
    (["extract", "reports", "--published", "2018-07-20"], "is a folder"),
    (["extract", "missing.txt", "--published", "2018-07-20"], "no such file"),
    (["extract", "r.txt"], "--published"),
    (["extract", "r.txt", "--published", "25/07/2018"], "YYYY-MM-DD"),
    (["extract", "r.txt", "--published", "0001-01-01"], "outside the accepted range"),
    (["extract", "photo.txt", "--published", "2018-07-20"], "binary"),
    (["extract", "empty.txt", "--published", "2018-07-20"], "empty"),
    (["ingest", "r.txt", "--published", "2018-13-45", "--db", "s.gpkg"], "ISO date"),
    (["ingest", "r.txt", "--published", "9999-12-31", "--db", "s.gpkg"], "outside the accepted range"),
    (["ingest", "r.txt", "--workers", "0", "--db", "s.gpkg"], "at least 1 worker"),
    (["ingest", "r.txt", "--published", "2018-07-20", "--extractor", "nosuch:fn", "--db", "s.gpkg"],
     "cannot load the extractor"),
    (["ingest", "missing.txt", "--published", "2018-07-20", "--db", "s.gpkg"], "1 of 1 reports failed"),
    (["events", "--since", "yesterday", "--db", "s.gpkg"], "ISO date"),
    (["events", "--limit", "-5", "--db", "s.gpkg"], "limit"),
    (["events", "--db", "ftp://archive.example/events"], "unsupported store URL"),
    (["events", "--db", "reports"], "is a folder"),
    (["events", "--db", "postgresql://nobody@127.0.0.1:1/events"], "cannot connect"),
    (["events", "--db", "r.txt"], "not an eventmap store"),
    (["export", "-o", "map.html", "--tiles", "unknownname", "--db", "s.gpkg"], "unknown tile layer"),
    (["export", "-o", "map.html", "--tiles", "https://tiles.example/{z}/{x}.png", "--db", "s.gpkg"], "{y}"),
    (["export", "-o", "events.xyz", "--db", "s.gpkg"], "cannot tell the format"),
    (["export", "-o", "nowhere/at/all.csv", "--db", "s.gpkg"], "does not exist"),
    (["export", "-o", "brief.png", "--size", "big", "--db", "s.gpkg"], "1600x1000"),
    (["export", "-o", "x.csv", "--since", "2018-99-99", "--db", "s.gpkg"], "ISO date"),
    (["export", "-o", "x.csv", "--since", "2030-01-01", "--db", "s.gpkg"], "No events to export"),
    (["gazetteer", "lookup", "صيدا", "--near", "notanumber"], "LAT,LON"),
    (["gazetteer", "build", "--from", "no-such-folder", "--out", "gz"], "not found"),
    (["places", "pin", "المهير", "--lat", "95", "--lon", "36", "--db", "s.gpkg"], "out of range"),
    (["places", "import", "missing.csv", "--db", "s.gpkg"], "no such file"),
    (["places", "unpin", "NOSUCH", "--db", "s.gpkg"], "no analyst place"),
    (["import", "acled", "missing.csv", "--db", "s.gpkg"], "no such file"),
    (["import", "acled", "columns.csv", "--db", "s.gpkg"], "missing codebook column"),
    (["correct", "NOSUCHID", "--type", "Battles", "--reason", "typo", "--db", "s.gpkg"], "no event"),
    (["reprocess", "--extractor", "nosuch:fn", "--db", "s.gpkg"], "cannot load the extractor"),
    (["store", "check", "--db", "missing.gpkg"], "does not exist"),
    (["app", "--port", "99999"], "1-65535"),
    (["nosuchcommand"], "invalid choice"),
]


@pytest.mark.parametrize("argv,said", BAD, ids=[" ".join(a)[:60] for a, _ in BAD])
def test_bad_arguments_give_one_clear_line(place, cli, argv, said):
    code, _, err = cli(*argv)
    assert_one_clear_line(err, code)
    assert said in err, err


@pytest.mark.parametrize("argv,said", [
    (["extract", "{dir}", "--published", "2018-07-20"], "is a folder"),
    (["export", "-o", "{dir}/map.html", "--tiles", "unknownname", "--db", "{dir}/s.gpkg"], "unknown tile layer"),
    (["events", "--db", "{dir}/r.txt"], "not an eventmap store"),
], ids=["extract DIRECTORY", "export --tiles unknownname", "events --db TEXTFILE"])
def test_the_real_command_prints_no_traceback(place, argv, said):
    """The same through a real ``eventmap`` process: what an analyst's terminal shows."""
    p = run_eventmap(*(a.format(dir=place) for a in argv), env={"EVENTMAP_DATA_DIR": str(place / "data")})
    err = assert_one_clear_line(p)
    assert said in err and len([ln for ln in err.splitlines() if ln.strip()]) == 1, err


def test_an_unexpected_error_is_one_line_asking_for_a_report(place, cli, monkeypatch):
    """The last resort: a bug (here a broken store method) is still one line, with how to see the traceback."""
    from eventmap.store import base

    def broken(self, f=None):
        raise KeyError("the frame lost a column")

    monkeypatch.setattr(base.EventStore, "query", broken)
    code, _, err = cli("events", "--db", "s.gpkg")
    assert code == 70 and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert "internal error" in err and "EVENTMAP_DEBUG=1" in err
    monkeypatch.setenv("EVENTMAP_DEBUG", "1")
    with pytest.raises(KeyError):
        cli("events", "--db", "s.gpkg")
