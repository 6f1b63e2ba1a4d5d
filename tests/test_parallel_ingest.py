"""Parallel (``--workers``) and Dask (``--dask``) ingestion store exactly what a one-process run stores.

The corpus is the benchmark generator's Arabic and English reports at real gazetteer villages
of Dar'a and Quneitra (with unknown names and filler sentences), plus the inputs that must
fail (empty, binary, a broken JSON line) and a report given twice; the real extractor runs.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import sys
import time
from pathlib import Path

import pytest

from eventmap.cli import main
from eventmap.events.extract import extract_events
from eventmap.store import EventFilter, open_store
from eventmap.pipeline import ingest_paths, iter_reports, reprocess
from eventmap.pipeline.cluster import ingest_dask
from eventmap.pipeline.parallel import available_cores, ingest_parallel

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from corpus import generate

N_REPORTS = 60


@pytest.fixture(scope="module")
def reports():
    from eventmap.places.gazetteer import default_gazetteer
    return generate(N_REPORTS, default_gazetteer(), seed=7)


@pytest.fixture
def corpus(env, reports) -> Path:
    d = env / "archive"
    (d / "sana").mkdir(parents=True)
    lines = []
    for i, r in enumerate(reports):
        if i % 3 == 0:  # a third as files named by date, the rest as JSON lines
            (d / "sana" / f"{r.published}_{i:03d}.txt").write_text(r.text, encoding="utf-8")
        else:
            lines.append(json.dumps({"text": r.text, "published": r.published, "source": r.source,
                                     "url": f"https://example.org/{i}"}, ensure_ascii=False))
    lines.insert(5, '{"text": "no closing brace"')
    lines.insert(9, json.dumps({"text": reports[1].text, "published": reports[1].published}, ensure_ascii=False))
    (d / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (d / "sana" / "2018-07-01_empty.txt").write_bytes(b"")
    (d / "sana" / "2018-07-02_scan.txt").write_bytes(b"%PDF-1.4\x00\x01binary")
    return d


def snapshot(url: str) -> tuple[list, list]:
    """Every stored event (all columns, corrections and merges applied) and every report, in a stable order."""
    with open_store(url) as s:
        ev = s.query(EventFilter()).sort_values("event_id").reset_index(drop=True)
        reps = s.reports().sort_values("report_id").reset_index(drop=True)
    ev_rows = json.loads(ev.to_json(orient="records", force_ascii=False))
    rep_rows = json.loads(reps.drop(columns=[c for c in reps.columns if "ingested" in c]).to_json(
        orient="records", force_ascii=False))
    return ev_rows, rep_rows


def test_two_workers_store_what_one_worker_stores(env, corpus):
    one, two = str(env / "one.gpkg"), str(env / "two.gpkg")
    with open_store(one) as s:
        s1 = ingest_paths(s, [corpus], progress=False)
    with open_store(two) as s:
        s2 = ingest_parallel(s, [corpus], workers=2, chunk_size=4, progress=False)
    assert s1.new == N_REPORTS and s1.duplicate == 1 and len(s1.failed) == 3
    assert s1.events > N_REPORTS  # the generator's reports name several places each
    assert s2.lines() == s1.lines()
    ev1, rep1 = snapshot(one)
    ev2, rep2 = snapshot(two)
    assert len(ev1) > N_REPORTS and len(rep1) == N_REPORTS
    assert ev2 == ev1 and rep2 == rep1
    assert {r["resolution"] for r in ev1} >= {"resolved"}


def test_cli_workers_flag_and_progress(env, corpus, capsys):
    db = str(env / "cli.gpkg")
    code = main(["ingest", str(corpus), "--workers", "2", "--progress", "--db", db])
    out, err = capsys.readouterr()
    assert code == 1 and f"3 of {N_REPORTS + 4} reports failed" in err  # the 3 bad inputs; the rest is stored
    assert f"new: {N_REPORTS}" in out and "duplicate: 1" in out and "failed: 3" in out
    assert "empty file" in out and "binary file" in out and "invalid JSON" in out
    assert f"{N_REPORTS + 4}/{N_REPORTS + 4}" in err  # the bar reached the end
    code = main(["ingest", str(corpus), "--workers", "2", "--db", db])  # again: all duplicates, nothing doubled
    out, _ = capsys.readouterr()
    assert f"duplicate: {N_REPORTS + 1}" in out and "new: 0" in out
    with pytest.raises(SystemExit):
        main(["ingest", str(corpus), "--workers", "0", "--db", db])
    capsys.readouterr()


def test_default_workers_is_the_cores_available_and_small_batches_stay_in_process(env, corpus):
    assert available_cores() == len(os.sched_getaffinity(0))
    items = list(iter_reports([corpus], defer_files=True))
    assert len(items) == N_REPORTS + 4
    with open_store(str(env / "auto.gpkg")) as s:  # 64 inputs: under MIN_PARALLEL, no pool started
        t = ingest_parallel(s, [corpus], workers=None, progress=False)
    assert t.new == N_REPORTS


def not_picklable_extractor():
    return lambda text, published, **kw: extract_events(text, published, **kw)


def test_an_extractor_that_cannot_go_to_workers_runs_in_process(env, corpus, capsys):
    with open_store(str(env / "lambda.gpkg")) as s:
        t = ingest_parallel(s, [corpus], workers=2, extract_fn=not_picklable_extractor(), progress=False)
    assert t.new == N_REPORTS
    assert "extracting in this process" in capsys.readouterr().err


def dying_extract(text, published, **kw):
    """The real extractor, except that the worker process dies (once) on the report with the marker text."""
    marker = Path(os.environ["EVENTMAP_TEST_DIE_ONCE"])
    if "Sayda" in text and not marker.exists():
        marker.write_text(str(os.getpid()))
        os._exit(1)
    return extract_events(text, published, **kw)


def test_a_worker_process_that_dies_is_replaced_and_its_reports_rerun(env, corpus, monkeypatch):
    monkeypatch.setenv("EVENTMAP_TEST_DIE_ONCE", str(env / "died"))
    (corpus / "2018-07-20_sayda.txt").write_text(
        "Russian jets bombed rebel-held Sayda yesterday, killing at least five civilians.\n", encoding="utf-8")
    one, two = str(env / "one.gpkg"), str(env / "two.gpkg")
    with open_store(one) as s:
        s1 = ingest_paths(s, [corpus], progress=False)
    with open_store(two) as s:
        s2 = ingest_parallel(s, [corpus], workers=2, chunk_size=3, extract_fn=dying_extract, progress=False)
    assert (env / "died").exists()  # a worker really died
    assert s2.lines() == s1.lines() and s1.new == N_REPORTS + 1
    assert snapshot(two) == snapshot(one)


def poison_extract(text, published, **kw):
    """The real extractor, except that the process dies on every try of the report with the poison text."""
    if os.environ["EVENTMAP_TEST_POISON"] in text:
        os._exit(3)
    return extract_events(text, published, **kw)


def test_a_report_that_always_kills_its_worker_fails_alone(env, corpus, monkeypatch):
    poison = "وقالت مصادر محلية إن الطيران قصف بلدة صيدا في ريف درعا الشرقي."
    monkeypatch.setenv("EVENTMAP_TEST_POISON", poison)
    one, two = str(env / "one.gpkg"), str(env / "poison.gpkg")
    with open_store(one) as s:
        s1 = ingest_paths(s, [corpus], progress=False)
    bad = corpus / "2018-07-20_poison.txt"
    bad.write_text(poison + "\n", encoding="utf-8")
    with open_store(two) as s:
        s2 = ingest_parallel(s, [corpus], workers=2, chunk_size=4, extract_fn=poison_extract, progress=False)
    assert s2.new == s1.new == N_REPORTS and s2.events == s1.events
    died = (str(bad), "the extraction process died on this report (3 times)")
    assert sorted(s2.failed) == sorted([*s1.failed, died])
    assert snapshot(two) == snapshot(one)  # the reports sharing its chunk were stored all the same


# ---------------------------------------------------------------------- reprocess --workers
def picky_extract(text, published, **kw):
    """The real extractor, but the report with the poison text fails: it raises in the main process and kills
    the worker process it runs in (every time)."""
    if os.environ["EVENTMAP_TEST_POISON"] in text:
        if multiprocessing.parent_process() is not None:
            os._exit(3)
        raise RuntimeError("poisoned")
    return extract_events(text, published, **kw)


def test_reprocess_with_workers_stores_what_one_process_stores(env, corpus, monkeypatch):
    poison = "Regime artillery shelled the outskirts of Nawa at dawn, a local council said."
    monkeypatch.setenv("EVENTMAP_TEST_POISON", poison)
    (corpus / "2018-07-21_poison.txt").write_text(poison + "\n", encoding="utf-8")
    urls, results = [str(env / "r1.gpkg"), str(env / "r2.gpkg")], []
    for url, workers in zip(urls, (1, 2)):
        with open_store(url) as s:
            ingest_paths(s, [corpus], progress=False)     # the poison report is stored, with its events
            monkeypatch.setattr(s, "REPROCESS_BATCH", 7)  # several batches, each in several chunks
            done: list[int] = []
            results.append(reprocess(s, picky_extract, workers=workers, progress=lambda d, t: done.append(d)))
            assert done == list(range(1, N_REPORTS + 2))
    one, two = results
    assert (one.reports, one.events_before, one.events_after) == (two.reports, two.events_before, two.events_after)
    assert one.reports == N_REPORTS and one.events_after == one.events_before   # same extractor, same events
    assert [r for r, _ in one.failed] == [r for r, _ in two.failed] and len(one.failed) == 1
    assert one.failed[0][1] == "RuntimeError: poisoned"
    assert two.failed[0][1] == "the extraction process died on this report (3 times)"
    assert snapshot(urls[1]) == snapshot(urls[0])   # the failed report kept its old events in both


def test_cli_reprocess_workers_flag(env, corpus, capsys):
    db = str(env / "cli.gpkg")
    with open_store(db) as s:
        ingest_paths(s, [corpus], progress=False)
        n = s.count_stored()
    capsys.readouterr()
    assert main(["reprocess", "--workers", "2", "--db", db]) == 0
    out = capsys.readouterr().out
    assert f"reports: {N_REPORTS}" in out and f"events: {n} -> {n}" in out


# ---------------------------------------------------------------------- Dask
def slow_extract(text, published, **kw):
    """The real extractor, slowed so that tasks are still pending when a worker is killed."""
    time.sleep(0.15)
    return extract_events(text, published, **kw)


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None,
                                  silence_logs=40) as c:
        yield c


def test_dask_cluster_stores_what_one_process_stores(env, corpus, cluster):
    one, dk = str(env / "one.gpkg"), str(env / "dask.gpkg")
    with open_store(one) as s:
        s1 = ingest_paths(s, [corpus], progress=False)
    with open_store(dk) as s:
        s2 = ingest_dask(s, [corpus], cluster.scheduler_address, chunk_size=3, progress=False)
    assert s2.lines() == s1.lines()
    assert snapshot(dk) == snapshot(one)


def test_dask_cli(env, corpus, cluster, capsys):
    db = str(env / "dask-cli.gpkg")
    code = main(["ingest", str(corpus), "--dask", cluster.scheduler_address, "--db", db])
    out, _ = capsys.readouterr()
    assert code == 1 and f"new: {N_REPORTS}" in out and "failed: 3" in out
    code = main(["ingest", str(corpus), "--dask", "tcp://127.0.0.1:9", "--db", db])
    _, err = capsys.readouterr()
    assert code == 2 and "Dask scheduler" in err


def test_a_killed_dask_worker_loses_no_report_and_doubles_none(env, corpus, cluster):
    from distributed import Client

    one, dk = str(env / "one.gpkg"), str(env / "killed.gpkg")
    with open_store(one) as s:
        s1 = ingest_paths(s, [corpus], progress=False)
    with Client(cluster.scheduler_address, set_as_default=False) as client:
        pids = client.run(os.getpid)  # worker address -> pid
        killed: list[int] = []

        def kill_one(done: int, total: int) -> None:
            # after the first written chunk, while the other chunks are queued or running on both workers
            if not killed:
                pid = sorted(pids.values())[0]
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)

        with open_store(dk) as s:
            s2 = ingest_dask(s, [corpus], client=client, chunk_size=2, extract_fn=slow_extract, progress=False,
                             on_chunk=kill_one)
        assert killed
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:  # the nanny brings a fresh worker up
            try:
                now = client.run(os.getpid)
            except Exception:  # noqa: BLE001 - the cluster is between workers: ask again
                now = {}
            if len(now) == 2 and killed[0] not in now.values():
                break
            time.sleep(0.3)
        assert killed[0] not in client.run(os.getpid).values()  # the worker really died
    assert s2.lines() == s1.lines()  # every report new once, the same failures, the same events
    ev1, rep1 = snapshot(one)
    ev2, rep2 = snapshot(dk)
    assert ev2 == ev1 and rep2 == rep1
    assert len({e["event_id"] for e in ev2}) == len(ev2)
