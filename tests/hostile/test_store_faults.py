"""Promise: a damaged, read-only or full store is said in one line, never written blindly, never a traceback.

- A store file that is a text file, has a garbage header, is cut short or has garbage in the
  middle is refused for writing (the file is not touched) with what to do: restore a backup,
  ``eventmap store check``, export what can still be read.  A 0-byte file opens as a new store,
  and says so.
- A store that is read-only (file and folder) opens read-only: ``events``, ``export`` and the
  dashboard read it and write nothing; ``ingest`` says it is read-only.  A data folder that
  cannot be created is one line.
- A disk that fills up during a batch fails the reports it hits, keeps the others, and the
  exit code says so.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from hostile_helpers import SANA_HARA, SANA_JASIM, TOY, assert_one_clear_line

from eventmap import store as store_mod
from eventmap.pipeline import ensure_sample
from eventmap.store import EventFilter, open_store
from eventmap.store.testing import rafid_report_ar, rafid_report_en


def _digest(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def good_store(tmp_path_factory) -> Path:
    """A sound store with a few reports, checkpointed into one file (as after a clean close)."""
    p = tmp_path_factory.mktemp("good") / "events.gpkg"
    with open_store(str(p)) as s:
        s.ingest(*rafid_report_ar("2018-07-26"))
        s.ingest(*rafid_report_en("2018-07-27"))
        for i in range(40):   # enough pages that damage in the middle misses the schema
            text = f"درعا-سانا: وشن الطيران الحربي غارات على البكار صباح اليوم {i} بحسب مراسل سانا في المنطقة."
            from eventmap.store.testing import make_event, make_report
            s.ingest(make_report(text, "2018-07-20"), [make_event(text, "2018-07-20", "البكار", "غارات على", "bakkar")])
    con = sqlite3.connect(p)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return p


def _damaged(kind: str, good: Path, where: Path) -> Path:
    p = where / f"{kind}.gpkg"
    data = bytearray(good.read_bytes())
    if kind == "text-file":
        p.write_text("Notes from the Daraa desk, 25 July\nSayda: air strikes\n", encoding="utf-8")
    elif kind == "garbage-header":
        data[:100] = os.urandom(100)
        p.write_bytes(bytes(data))
    elif kind == "truncated":
        p.write_bytes(bytes(data[: len(data) // 2 + 1000]))
    elif kind == "garbage-middle":
        n = len(data)
        data[n // 2: n // 2 + 3 * 4096] = os.urandom(3 * 4096)
        p.write_bytes(bytes(data))
    return p


KINDS = ["text-file", "garbage-header", "truncated", "garbage-middle"]


@pytest.mark.parametrize("kind", KINDS)
def test_a_damaged_store_is_never_written_and_the_cli_says_what_to_do(good_store, tmp_path, cli, kind):
    db = _damaged(kind, good_store, tmp_path)
    before = _digest(db)
    report = tmp_path / "2018-07-20_sana.txt"
    report.write_text(SANA_HARA, encoding="utf-8")
    code, out, err = cli("ingest", report, "--db", db, "--extractor", TOY)
    assert_one_clear_line(err, code)
    assert "restore it from a backup" in err.lower() and str(db) in err and not out
    wal = Path(str(db) + "-wal")
    assert _digest(db) == before and (not wal.exists() or wal.stat().st_size == 0)   # nothing written, anywhere
    code, out, err = cli("events", "--format", "json", "--db", db)
    assert "Traceback" not in err
    if code == 0:                                   # what can still be read is listed, with the warning
        assert "damaged" in err and json.loads(out)
    else:
        assert_one_clear_line(err, code)
    code, out, err = cli("store", "check", "--db", db)
    assert code == 1 and "damaged" in err and out.strip()
    assert _digest(db) == before


def test_store_check_passes_a_sound_store(good_store, cli):
    code, out, err = cli("store", "check", "--db", good_store)
    assert code == 0 and out.startswith("ok:") and "42 reports" in out, err


@pytest.mark.parametrize("kind", KINDS)
def test_the_library_refuses_to_write_a_damaged_store(good_store, tmp_path, kind):
    db = _damaged(kind, good_store, tmp_path)
    before = _digest(db)
    try:
        s = open_store(str(db))
    except store_mod.StoreDamagedError as exc:      # nothing readable: refused at once, in words
        assert "restore it from a backup" in str(exc).lower()
        return
    with s:
        assert s.readonly and s.damaged and any("damaged" in n for n in s.notices)
        with pytest.raises(store_mod.StoreDamagedError, match="nothing will be written"):
            s.ingest(*rafid_report_ar("2018-07-28", source="Al-Watan"))
        try:
            s.query(EventFilter())                  # a read either works or says the store is damaged
        except store_mod.StoreError as exc:
            assert "damaged" in str(exc)
    assert _digest(db) == before


def test_a_zero_byte_store_opens_empty_and_says_so(tmp_path, cli):
    db = tmp_path / "events.gpkg"
    db.write_bytes(b"")
    code, out, err = cli("events", "--format", "json", "--no-sample", "--db", db)
    assert code == 0 and json.loads(out) == []
    assert "0-byte" in err and "restore it from a backup" in err
    with open_store(str(tmp_path / "other.gpkg")) as s:
        assert s.notices == []                       # a new file is not worth a word


# ------------------------------------------------------------------ read-only stores
@pytest.fixture
def readonly_store(good_store, tmp_path):
    """The good store in a read-only folder: a read-only file system when running as root (root ignores
    file permissions; a tmpfs remounted read-only, like a read-only share), else a 0555 folder and a 0444 file."""
    folder = tmp_path / "archive"
    folder.mkdir()
    db = folder / "events.gpkg"
    if os.geteuid() != 0:
        shutil.copy(good_store, db)
        os.chmod(db, 0o444)
        os.chmod(folder, 0o555)
        yield db
        os.chmod(folder, 0o755)
        return
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(folder)],
                      capture_output=True, check=False).returncode:
        pytest.skip("running as root without permission to mount a read-only file system: run as a normal user")
    try:
        shutil.copy(good_store, db)
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True, capture_output=True)
        yield db
    finally:  # lazily: a dashboard test's cached connection may still hold the file
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


def test_a_read_only_store_is_read_by_events_and_export_and_never_written(readonly_store, tmp_path, cli):
    db = readonly_store
    before = _digest(db)
    code, out, err = cli("events", "--format", "json", "--db", db)
    assert code == 0, err
    assert len(json.loads(out)) >= 3 and "note" not in err          # a read-only store is not news
    code, _, err = cli("export", "--format", "geojson", "-o", tmp_path / "brief.geojson", "--db", db)
    assert code == 0, err
    assert json.loads((tmp_path / "brief.geojson").read_text(encoding="utf-8"))["features"]
    report = tmp_path / "2018-07-20_sana.txt"
    report.write_text(SANA_JASIM, encoding="utf-8")
    code, out, err = cli("ingest", report, "--db", db, "--extractor", TOY)
    assert_one_clear_line(err, code)
    assert "read-only" in err and not out
    assert _digest(db) == before and sorted(x.name for x in db.parent.iterdir()) == ["events.gpkg"]


def test_the_library_opens_a_read_only_store_read_only(readonly_store):
    db = readonly_store
    before = _digest(db)
    with open_store(str(db)) as s:
        assert s.readonly and not s.damaged
        assert len(s.query(EventFilter())) >= 3 and s.date_span()[0]
        with pytest.raises(store_mod.StoreReadOnlyError, match="read-only"):
            s.ingest(*rafid_report_ar("2018-07-28", source="Al-Watan"))
        assert ensure_sample(s) is False
    assert _digest(db) == before


def test_an_uncreatable_data_folder_is_one_line(readonly_store, cli, monkeypatch):
    monkeypatch.setenv("EVENTMAP_DATA_DIR", str(readonly_store.parent / "eventmap-data"))  # inside the read-only folder
    code, _, err = cli("events", "--format", "json")
    assert_one_clear_line(err, code)
    assert "cannot create the folder" in err and "EVENTMAP_DATA_DIR" in err


@pytest.mark.slow
def test_the_dashboard_reads_a_read_only_store(readonly_store, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from eventmap.views.cli import app_path

    before = _digest(readonly_store)
    monkeypatch.setenv("EVENTMAP_DB", str(readonly_store))
    monkeypatch.chdir(app_path().parent)
    at = AppTest.from_file(str(app_path()), default_timeout=240)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    count = [m.value for m in at.markdown if 'data-testid="em-count"' in m.value]
    assert count and "events from" in count[0]
    assert any("Read-only store" in c.value for c in at.sidebar.caption)
    assert _digest(readonly_store) == before


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["text-file", "garbage-middle"])
def test_the_dashboard_says_what_is_wrong_with_a_damaged_store(good_store, tmp_path, monkeypatch, kind):
    from streamlit.testing.v1 import AppTest

    from eventmap.views.cli import app_path

    db = _damaged(kind, good_store, tmp_path)
    before = _digest(db)
    monkeypatch.setenv("EVENTMAP_DB", str(db))
    monkeypatch.chdir(app_path().parent)
    at = AppTest.from_file(str(app_path()), default_timeout=240)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    said = [e.value for e in at.error] + [w.value for w in at.warning]
    assert any("backup" in s for s in said), said
    assert _digest(db) == before


# ------------------------------------------------------------------ a disk that fills up half-way
def test_a_disk_full_batch_keeps_what_fit_and_exits_non_zero(tmp_path, cli, monkeypatch):
    """SQLite's page limit stands in for a full disk: the same SQLITE_FULL error, without filling a disk."""
    db = tmp_path / "s.gpkg"
    open_store(str(db)).close()
    pages = sqlite3.connect(db).execute("PRAGMA page_count").fetchone()[0]
    connect = sqlite3.connect

    def small_disk(target, *a, **kw):   # every connection to this store sees a disk with 6 pages left
        conn = connect(target, *a, **kw)
        if str(target).endswith("s.gpkg") or "s.gpkg?" in str(target):
            conn.execute(f"PRAGMA max_page_count = {pages + 6}")
        return conn

    monkeypatch.setattr(sqlite3, "connect", small_disk)
    lines = [json.dumps({"text": f"وأفاد مراسل سانا بأن اشتباكات عنيفة دارت في بلدة {['الحارة', 'جاسم', 'نوى', 'طفس'][i % 4]} "
                                 f"بريف درعا {'ذ' * 900} يوم {i}.", "published": "2018-07-20"}, ensure_ascii=False)
             for i in range(60)]
    f = tmp_path / "wire.jsonl"
    f.write_text("\n".join(lines), encoding="utf-8")
    code, out, err = cli("ingest", f, "--db", db, "--extractor", TOY)
    assert code == 1
    new = int(out.split("new: ")[1].split()[0])
    failed = int(out.split("failed: ")[1].split()[0])
    assert 0 < new < 60 and new + failed == 60
    assert f"{failed} of 60 reports failed" in err
    assert "disk" in out and "full" in out                      # each failure says why
    with open_store(str(db)) as s:
        assert len(s.reports()) == new                         # every report the summary counts is there, whole


def test_a_store_growing_while_it_is_opened_is_not_cut_short(tmp_path):
    """Another process extends the file just after its header says the new size (a checkpoint): the check
    waits for the pages instead of calling the store damaged; a file that stays short is still reported."""
    import sqlite3
    import threading

    from eventmap.store import health

    db = tmp_path / "grow.gpkg"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE t (x TEXT)")
    con.executemany("INSERT INTO t VALUES (?)", [(f"row {i}" * 40,) for i in range(400)])
    con.commit()
    con.close()
    whole = db.read_bytes()
    db.write_bytes(whole[: len(whole) - 4096])       # the header counts one page more than the file holds
    assert health.header_problem(db, settle=0.1) is not None and "cut short" in health.header_problem(db, 0.1).text
    t = threading.Timer(0.15, lambda: db.write_bytes(whole))   # ... until the writer's last page lands
    t.start()
    try:
        assert health.header_problem(db) is None
    finally:
        t.join()
