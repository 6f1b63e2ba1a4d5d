"""The benchmark suite runs end to end (``benchmarks/run.py --smoke``: every benchmark on tiny sizes).

No timing is asserted (speed is what the suite reports, not what a test checks); the test
asserts that every benchmark ran, that the one table has its rows, and that the JSON results
hold a median, min and max for each measured row.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
@pytest.mark.browser  # the dashboard and PNG benchmarks drive headless Chromium
def test_run_py_smoke_prints_the_table_and_writes_results(tmp_path, request):
    out = tmp_path / "results.json"
    # the benchmarks' temporary directories, each removed by its benchmark; a short path: Chromium's sockets go
    # below it, and a socket's path has at most 107 bytes
    tmp = Path(tempfile.mkdtemp())
    request.addfinalizer(lambda: shutil.rmtree(tmp, ignore_errors=True))
    env = dict(os.environ, EVENTMAP_DATA_DIR=str(tmp_path / "data"),
               EVENTMAP_ANALYST_PLACES=str(tmp_path / "data" / "analyst_places.csv"), TMPDIR=str(tmp),
               EVENTMAP_BENCH_STORES=str(tmp_path / "bench-stores"))
    env.pop("EVENTMAP_DB", None)
    p = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--smoke", "--json", str(out),
                        "--cache", str(tmp_path / "stores")], cwd=str(ROOT), env=env, capture_output=True,
                       text=True, timeout=600)
    assert p.returncode == 0, p.stdout[-3000:] + p.stderr[-3000:]
    text = p.stdout
    header = next(line for line in text.splitlines() if line.startswith("benchmark"))
    for col in ("median", "min", "max", "target", "met"):
        assert col in header
    for measure in ("load (", "exact lookup", "fuzzy lookup", "reports/s, one core", "MB/s, one core",
                    "grep -F", "extraction time / grep -F time",
                    "extraction time / grep -F time, real reports",   # measured, or said to be absent
                    "precision (place + event type)",
                    "recall (place + event type)", "embedded, 1 worker", "embedded, 2 workers",
                    "7-day window, 2,000 events", "HTML size", "PNG 1600x1000", "GeoPackage",
                    "peak memory of the extract benchmark process",
                    "first paint after a server start (new process, cold caches)",
                    "first paint after a start / second session, 2,000 events",
                    "CPU of Chromium, second browser session, sample",
                    "CPU of the server and its helpers, second browser session, sample"):
        assert measure in text, f"row {measure!r} missing from the table"
    assert "FAILED" not in text
    assert "dashboard" in text  # measured, or said to be not available
    assert sorted(p.name for p in tmp.iterdir()) == []   # no benchmark leaves its temporary directory behind

    res = json.loads(out.read_text())
    assert res["mode"] == "smoke" and res["machine"]["python"] and res["machine"]["cores_available"] >= 1
    measured = [r for r in res["rows"] if r["n"]]
    assert len(measured) >= 25
    for r in measured:
        assert r["min"] <= r["median"] <= r["max"], r
    acc = {r["measure"]: r["median"] for r in res["rows"] if r["benchmark"] == "accuracy" and r["n"]}
    assert 0 < acc["precision (place + event type), held-out phrasing"] <= 1
    assert 0 < acc["recall (place + event type), tuning templates"] <= 1
    assert (out.with_suffix(".md")).read_text().startswith("| benchmark | measure |")
    # the query store went where it was told, in the folder of this store schema version
    from eventmap.store.migrations import CURRENT_VERSION
    assert [p.relative_to(tmp_path).as_posix() for p in (tmp_path / "stores").rglob("events-2000.gpkg")] == \
        [f"stores/schema-{CURRENT_VERSION}/events-2000.gpkg"]


def test_first_view_benchmark_runs_every_step_on_a_small_store(tmp_path, capsys):
    """``bench_first_view.py`` on a store of 300 events: every step of the first page's library calls runs
    and is printed with its wall and CPU time."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from _bigstore import make_big_store
        from bench_first_view import main
    finally:
        sys.path.pop(0)
    db = make_big_store(tmp_path / "small.gpkg", 300)
    assert main(["--store", db]) == 0
    out = capsys.readouterr().out
    for step in ("facets", "query: the filter's frame (", "control layer", "map (", "histogram", "table", "total"):
        assert step in out, out
    assert "rows)" in out and " s CPU" in out
