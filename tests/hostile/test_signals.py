"""Promise: stopping eventmap stops all of it; no process is left behind.

- ``eventmap ingest --workers N`` killed with SIGKILL: its extraction workers (and the
  multiprocessing resource tracker) exit too, instead of waiting for ever with parent 1.
- ``eventmap app`` stopped with SIGTERM or SIGHUP: the Streamlit server it started stops too,
  and ``eventmap app`` returns only after it has.

These are process tests on a shared, loaded machine: every wait is a poll with a generous
deadline (minutes), never a timed assertion; whatever a test started is killed at the end.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from hostile_helpers import HERE

DEADLINE_S = 300.0


def _stat(pid: int) -> list[str] | None:
    """Fields of /proc/PID/stat after the command name (index 0 = state, 1 = ppid, 19 = start time)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None


def _children(pid: int) -> dict[int, str]:
    """pid -> command line of the live processes whose parent is ``pid``."""
    out = {}
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            st = _stat(int(d.name))
            if st and st[1] == str(pid) and st[0] not in "ZX":
                try:
                    out[int(d.name)] = (d / "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
                except OSError:
                    pass
    return out


def _alive(pid: int, start: str) -> bool:
    """The process is there (same start time: not a reused pid) and not a zombie."""
    st = _stat(pid)
    return bool(st) and st[19] == start and st[0] not in "ZX"


def _until(cond, what: str, deadline: float = DEADLINE_S):
    t0 = time.monotonic()
    while time.monotonic() - t0 < deadline:
        got = cond()
        if got:
            return got
        time.sleep(0.5)
    pytest.fail(f"gave up after {deadline:.0f} s waiting for {what}")


def _kill_group(p: subprocess.Popen) -> None:
    """End what this test started (its own session), whatever happened."""
    try:
        os.killpg(p.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    try:
        p.wait(timeout=60)
    except subprocess.TimeoutExpired:
        pass


@pytest.mark.slow
def test_workers_exit_when_a_parallel_ingest_is_killed(tmp_path):
    lines = [json.dumps({"text": f"وأفاد مراسل سانا بأن اشتباكات عنيفة دارت في بلدة جاسم بريف درعا يوم {i}.",
                         "published": "2018-07-20"}, ensure_ascii=False) for i in range(24)]
    (tmp_path / "wire.jsonl").write_text("\n".join(lines), encoding="utf-8")
    markers = tmp_path / "markers"
    markers.mkdir()
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(HERE), os.environ.get("PYTHONPATH", "")]),
               EVENTMAP_TEST_MARKERS=str(markers), EVENTMAP_DATA_DIR=str(tmp_path / "data"))
    p = subprocess.Popen([sys.executable, "-m", "eventmap", "ingest", str(tmp_path / "wire.jsonl"), "--workers", "2",
                          "--extractor", "hostile_extractors:hang", "--db", str(tmp_path / "s.gpkg")],
                         env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        # both workers are inside the extractor (a report that never ends), the parent waits for them
        _until(lambda: len(list(markers.iterdir())) >= 2 or p.poll() is not None, "two workers in the extractor")
        assert p.poll() is None, p.stderr.read().decode()
        kids = _children(p.pid)
        workers = [pid for pid in kids if int(pid) in {int(m.name) for m in markers.iterdir()}]
        assert len(workers) == 2, kids
        starts = {pid: _stat(pid)[19] for pid in kids}
        os.kill(p.pid, signal.SIGKILL)
        p.wait(timeout=120)
        left = _until(lambda: not any(_alive(pid, s) for pid, s in starts.items()) or None,
                      f"the workers and the resource tracker ({kids}) to exit after their parent was killed")
        assert left
    finally:
        _kill_group(p)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=5) as r:
            return r.status == 200
    except OSError:
        return False


def _refuses(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(5)
        return s.connect_ex(("127.0.0.1", port)) != 0


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_stopping_eventmap_app_stops_the_dashboard_server(tmp_path, sig):
    port = _free_port()
    env = dict(os.environ, EVENTMAP_DATA_DIR=str(tmp_path / "data"))
    p = subprocess.Popen([sys.executable, "-m", "eventmap", "app", "--port", str(port),
                          "--db", str(tmp_path / "s.gpkg")], env=env, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        _until(lambda: _healthy(port) or p.poll() is not None, f"the dashboard on port {port}")
        assert p.poll() is None
        servers = _children(p.pid)
        assert any("streamlit" in c for c in servers.values()), servers
        starts = {pid: _stat(pid)[19] for pid in servers}
        os.kill(p.pid, sig)
        p.wait(timeout=DEADLINE_S)            # eventmap app returns once the server has stopped ...
        assert not any(_alive(pid, s) for pid, s in starts.items())
        assert _refuses(port)                  # ... and nothing serves the store any more
    finally:
        _kill_group(p)
