"""Several processes and hard kills, on both backends: nothing lost, nothing doubled, no partial report."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import pytest

from eventmap.store import open_store
from eventmap.store.testing import backend_url, synthetic_batch

BACKENDS = ["sqlite", pytest.param("postgis", marks=pytest.mark.postgis)]

#: child process: ingest reports [lo, hi) of a fixed synthetic batch; optionally stop for ever inside the
#: transaction of report number ``hang_at``, after its report row and first event are written
CHILD = r"""
import json, sys, time
from eventmap.store import open_store
from eventmap.store.testing import synthetic_batch
url, n, lo, hi, hang_at = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
s = open_store(url)
if hang_at >= 0:
    orig = s._insert_events
    count = {"n": 0}
    def insert_then_hang(evs):
        if count["n"] == hang_at:
            orig(evs[:1])
            print("HANGING", flush=True)
            time.sleep(120)
        count["n"] += 1
        orig(evs)
    s._insert_events = insert_then_hang
print("READY", flush=True)
statuses = []
for i, (rep, evs) in enumerate(synthetic_batch(n, seed=11)):
    if lo <= i < hi:
        statuses.append(s.ingest(rep, evs).status)
s.close()
print(json.dumps(statuses), flush=True)
"""


@pytest.fixture(params=BACKENDS)
def url(request, tmp_path):
    with backend_url(request.param, tmp_path) as u:
        yield u


def _child(url, n, lo, hi, hang_at=-1):
    return subprocess.Popen([sys.executable, "-c", CHILD, url, str(n), str(lo), str(hi), str(hang_at)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _assert_whole(store):
    """Every stored report has exactly the events its extraction produced."""
    reps = store.reports()
    for rid, n in zip(reps["report_id"], reps["n_events"]):
        assert len(store.report_events(rid)) == n, f"report {rid} is partial"
    return len(reps)


def test_sigkill_mid_batch_leaves_no_partial_report_and_rerun_completes(url):
    n = 40
    expected = {rep.report_id: len(evs) for rep, evs in synthetic_batch(n, seed=11)}
    p = _child(url, n, 0, n, hang_at=25)
    for line in p.stdout:
        if line.strip() == "HANGING":  # report 25's row and first event are written, not committed
            break
    else:
        pytest.fail(f"child ended before hanging: {p.stderr.read()}")
    os.kill(p.pid, signal.SIGKILL)
    p.wait(timeout=30)
    assert p.returncode == -signal.SIGKILL
    with open_store(url) as s:
        assert _assert_whole(s) == 25
        assert s.count_stored() == sum(list(expected.values())[:25])
    p = _child(url, n, 0, n)
    out, err = p.communicate(timeout=120)
    assert p.returncode == 0, err
    statuses = json.loads(out.strip().splitlines()[-1])
    assert statuses.count("duplicate") == 25 and statuses.count("new") == 15
    with open_store(url) as s:
        assert _assert_whole(s) == n
        assert dict(zip(s.reports()["report_id"], s.reports()["n_events"])) == expected


def test_two_processes_ingesting_at_once_lose_nothing_and_double_nothing(url):
    n = 60
    expected = {rep.report_id: len(evs) for rep, evs in synthetic_batch(n, seed=11)}
    # both start on a store that does not exist yet, and overlap on reports 20..39
    a, b = _child(url, n, 0, 40), _child(url, n, 20, 60)
    outs = []
    for p in (a, b):
        out, err = p.communicate(timeout=180)
        assert p.returncode == 0, err
        outs.append(json.loads(out.strip().splitlines()[-1]))
    assert sum(s.count("new") for s in outs) == n
    assert sum(s.count("duplicate") for s in outs) == 20
    with open_store(url) as s:
        assert _assert_whole(s) == n
        assert dict(zip(s.reports()["report_id"], s.reports()["n_events"])) == expected
        ids = s.query(s_filter_all())["event_ids"].str.split("; ").explode()
        assert ids.is_unique and len(ids) == sum(expected.values())


def s_filter_all():
    from eventmap.store import EventFilter
    return EventFilter()
