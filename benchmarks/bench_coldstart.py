"""First paint after a server start, beside a second browser session and Streamlit's own one-line page.

    python benchmarks/bench_coldstart.py [--rounds 3] [--sessions 3] [--store PATH] [--fresh]

Each round starts a NEW server process (``streamlit run app.py``, as ``eventmap app`` does) and
measures in headless Chromium:

* ``cold``: the first page load after the server answers its health check, until the map's events are
  drawn (``window.eventmapReady`` and the time window applied in the map frame) and the event count shows;
* ``warm``: further browser sessions (new browser context = new Streamlit session) on the same server;
* ``floor``: the same two measures for a one-line Streamlit page (``st.write``) served the same way, in the
  same round, so the ratio to Streamlit's own cost is read under the same load.

The prefetch helpers' page cache (``<data dir>/cache``, ``eventmap.ui.page_cache``) is emptied before every start, so
each start is cold; ``--page-cache kept`` keeps it, measuring a restart on an unchanged store (the first round fills
it). ``--fresh`` gives every round an empty data directory (the sample report is extracted and stored during
the first page load, as on a new user's first ``eventmap app``); by default the data directory is kept
between rounds (a restart); with two ``--root`` checkouts each has its own (its page cache too). Kept, it is made
by a first start before the rounds, timed apart (``first_start``: the sample extracted during its first page),
so every round is the restart it says it is (round 0 used to be that first start, inside the medians).
``--store PATH`` serves that store instead of the sample.
Each session also takes the CPU seconds it cost (``proc_cpu``: Linux ``/proc``): Chromium's processes (every
``chromium`` process below this one: the page, its map frame, rendering, network) and the server's (the
``eventmap app`` or ``streamlit run`` process with its children, the prefetch helpers included), so a run says
which side a session's time is spent on.
With ``EVENTMAP_PROFILE=1`` the server logs (``benchmarks/results/coldstart.*.log``) carry the script's laps.
The checkout's modules are compiled to bytecode first (:func:`bytecode`), as an installed package's are.
Results: ``benchmarks/results/bench_coldstart.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from bench_dashboard import ARGS, CHROMIUM, _map_frame, free_port  # noqa: E402 - after the path insert

FLOOR_APP = 'import streamlit as st\nst.write("eventmap floor: one line")\n'


def bytecode(src: Path) -> None:
    """Compile a checkout's modules to bytecode (``__pycache__``), as ``pip install`` and any first start do. This
    machine sets ``PYTHONDONTWRITEBYTECODE=1``: without this, every new process (the server, its helpers) would
    compile the checkout's modules from source again, which no analyst's second start does (0.43 s for all of them)."""
    import compileall

    compileall.compile_dir(str(src), quiet=1)


def start(app: Path | None, env_extra: dict[str, str], log: Path,
          root: Path = ROOT) -> tuple[subprocess.Popen, str, float]:
    """A new server: ``eventmap app`` of the checkout at ``root`` (``app`` None), or ``streamlit run app``.
    Returns (process, url, seconds until it answered /health)."""
    import urllib.request

    port = free_port()
    env = dict(os.environ, **env_extra)
    if app is None:
        env["PYTHONPATH"] = str(root / "src")
        bytecode(root / "src")
        argv = [sys.executable, "-m", "eventmap", "app", "--port", str(port)]
    else:
        argv = [sys.executable, "-m", "streamlit", "run", str(app), "--server.port", str(port),
                "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats",
                "false", "--server.runOnSave", "false"]
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=str(root if app is None else app.parent), env=env, stdout=open(log, "ab"),
                            stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1):
                return proc, url, time.perf_counter() - t0
        except OSError:
            time.sleep(0.05)
    proc.kill()
    raise RuntimeError(f"streamlit did not start (see {log})")


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def _tree_cpu() -> tuple[dict[int, list[int]], dict[int, tuple[str, float]]] | None:
    """Every process's children and ``(command, CPU seconds)``, from ``/proc`` (``None`` elsewhere). A process's
    CPU counts its children it has waited for (``cutime``, ``cstime``), so a helper that ended still counts."""
    if not Path("/proc/self/stat").exists():
        return None
    hz = os.sysconf("SC_CLK_TCK")
    kids: dict[int, list[int]] = {}
    cpu: dict[int, tuple[str, float]] = {}
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            head, _, rest = (d / "stat").read_text().rpartition(")")
            f = rest.split()
        except OSError:   # ended meanwhile
            continue
        pid = int(d.name)
        kids.setdefault(int(f[1]), []).append(pid)
        cpu[pid] = (head.partition("(")[2], sum(int(x) for x in f[11:15]) / hz)
    return kids, cpu


def proc_cpu(server_pid: int | None) -> dict[str, float]:
    """CPU seconds so far of ``browser`` (the ``chromium`` processes below this one) and ``server`` (the process
    ``server_pid`` and everything below it); empty where ``/proc`` is not."""
    got = _tree_cpu()
    if got is None:
        return {}
    kids, cpu = got

    def below(pid: int) -> list[int]:
        out, todo = [], [pid]
        while todo:
            p = todo.pop()
            out.append(p)
            todo += kids.get(p, [])
        return out

    server = set(below(server_pid)) if server_pid else set()
    browser = [p for p in below(os.getpid()) if p not in server and "chrom" in cpu.get(p, ("", 0))[0]]
    return {"browser": sum(cpu[p][1] for p in browser),
            "server": sum(cpu[p][1] for p in server if p in cpu)}


def _cpu_since(before: dict[str, float], server_pid: int | None) -> dict[str, float]:
    after = proc_cpu(server_pid)
    return {f"cpu_{k}": round(after[k] - before[k], 3) for k in after if k in before}


def paint_app(browser, url: str, server_pid: int | None = None) -> dict[str, float]:
    """Seconds from navigation to: the page's load event, the first script output (sidebar title),
    the event count, and the map's events drawn; and the session's CPU seconds (``cpu_browser``, ``cpu_server``)."""
    ctx = browser.new_context(viewport={"width": 1440, "height": 900})
    page = ctx.new_page()
    cpu0 = proc_cpu(server_pid)
    t0 = time.perf_counter()
    page.goto(url)
    marks = {"load": time.perf_counter() - t0}
    page.wait_for_selector("text=Events in southern Syria", timeout=180_000)
    marks["script_output"] = time.perf_counter() - t0
    page.wait_for_selector("#em-n", timeout=180_000)
    marks["count"] = time.perf_counter() - t0
    frame = _map_frame(page)
    frame.wait_for_function("() => window.eventmapReady === true && window.emWindowApplied >= 1",
                            timeout=180_000, polling=20)
    marks["paint"] = time.perf_counter() - t0
    marks.update(_cpu_since(cpu0, server_pid))
    ctx.close()
    return marks


def paint_floor(browser, url: str, server_pid: int | None = None) -> dict[str, float]:
    ctx = browser.new_context(viewport={"width": 1440, "height": 900})
    page = ctx.new_page()
    cpu0 = proc_cpu(server_pid)
    t0 = time.perf_counter()
    page.goto(url)
    marks = {"load": time.perf_counter() - t0}
    page.wait_for_selector("text=eventmap floor: one line", timeout=120_000)
    marks["paint"] = time.perf_counter() - t0
    marks.update(_cpu_since(cpu0, server_pid))
    ctx.close()
    return marks


def one_round(browser, app_env: dict[str, str], floor_app: Path, sessions: int, logs: Path,
              root: Path = ROOT) -> dict:
    out: dict = {}
    proc, url, up = start(floor_app, {}, logs / "coldstart.floor.log")
    try:
        out["floor_cold"] = paint_floor(browser, url, proc.pid)
        out["floor_warm"] = [paint_floor(browser, url, proc.pid) for _ in range(sessions)]
        out["floor_server_up_s"] = up
    finally:
        stop(proc)
    proc, url, up = start(None, app_env, logs / "coldstart.app.log", root)
    try:
        out["app_cold"] = paint_app(browser, url, proc.pid)
        out["app_warm"] = [paint_app(browser, url, proc.pid) for _ in range(sessions)]
        out["app_server_up_s"] = up
    finally:
        stop(proc)
    return out


def first_start(browser, app_env: dict[str, str], logs: Path, root: Path = ROOT) -> dict:
    """The first page of a server started on a new data directory (the sample report extracted and stored
    meanwhile): what a new user meets once, and what makes the data directory the rounds then restart on."""
    proc, url, up = start(None, app_env, logs / "coldstart.app.log", root)
    try:
        return dict(paint_app(browser, url, proc.pid), server_up_s=up)
    finally:
        stop(proc)


def _med(xs: list[float]) -> float:
    return round(statistics.median(xs), 3)


def summarise(rounds: list[dict]) -> dict:
    cold = [r["app_cold"]["paint"] for r in rounds]
    warm = [r["app_warm"][0]["paint"] for r in rounds]           # the second browser session of each server
    floor = [statistics.median(w["paint"] for w in r["floor_warm"]) for r in rounds]
    floor_cold = [r["floor_cold"]["paint"] for r in rounds]
    return {
        "first_paint_cold_s": [round(x, 3) for x in cold], "second_session_s": [round(x, 3) for x in warm],
        "floor_warm_s": [round(x, 3) for x in floor], "floor_cold_s": [round(x, 3) for x in floor_cold],
        "cold_over_second": [round(a / b, 3) for a, b in zip(cold, warm)],
        "second_over_floor": [round(a / b, 3) for a, b in zip(warm, floor)],
        "median_cold_s": _med(cold), "median_second_s": _med(warm), "median_floor_s": _med(floor),
        "cold_marks_median": {k: _med([r["app_cold"][k] for r in rounds]) for k in rounds[0]["app_cold"]},
        "second_marks_median": {k: _med([r["app_warm"][0][k] for r in rounds]) for k in rounds[0]["app_warm"][0]},
        "server_up_s": _med([r["app_server_up_s"] for r in rounds]),
        # CPU seconds of a session, where /proc tells them: Chromium's and the server's (helpers included)
        **({"cpu_browser_second_s": [r["app_warm"][0]["cpu_browser"] for r in rounds],
            "cpu_server_second_s": [r["app_warm"][0]["cpu_server"] for r in rounds],
            "cpu_browser_floor_s": [statistics.median(w["cpu_browser"] for w in r["floor_warm"]) for r in rounds],
            "cpu_server_floor_s": [statistics.median(w["cpu_server"] for w in r["floor_warm"]) for r in rounds],
            "cpu_browser_cold_s": [r["app_cold"]["cpu_browser"] for r in rounds],
            "cpu_server_cold_s": [r["app_cold"]["cpu_server"] for r in rounds]}
           if "cpu_browser" in rounds[0]["app_cold"] else {}),
        "loadavg": [r["loadavg"] for r in rounds],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--sessions", type=int, default=3, help="warm browser sessions per server")
    ap.add_argument("--store", default=None, help="serve this store (default: the sample in a data dir)")
    ap.add_argument("--fresh", action="store_true", help="a new, empty data directory each round")
    ap.add_argument("--page-cache", choices=("cold", "kept"), default="cold",
                    help="empty the helpers' page cache before each start (cold), or keep it (a restart)")
    ap.add_argument("--out", default=str(HERE / "results" / "bench_coldstart.json"))
    ap.add_argument("--root", action="append", default=None,
                    help="checkout whose `eventmap app` to start (repeat to interleave two, e.g. before/after)")
    args = ap.parse_args(argv)
    from playwright.sync_api import sync_playwright

    logs = HERE / "results"
    logs.mkdir(exist_ok=True)
    tmp = tempfile.TemporaryDirectory(prefix="em-coldstart-", ignore_cleanup_errors=True)   # removed after the rounds
    work = Path(tmp.name)
    floor_app = work / "floor.py"
    floor_app.write_text(FLOOR_APP)
    data = work / "data"
    roots = [Path(r).resolve() for r in (args.root or [str(ROOT)])]
    by_root: dict[str, list[dict]] = {str(r): [] for r in roots}
    firsts: dict[str, dict] = {}
    with tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        if not (args.fresh or args.store):
            for k, root in enumerate(roots):
                d = data / f"root-{k}" if len(roots) > 1 else data
                d.mkdir(parents=True, exist_ok=True)
                firsts[str(root)] = first_start(browser, {"EVENTMAP_DATA_DIR": str(d)}, logs, root)
                print(f"first start {root}: {firsts[str(root)]}", flush=True)
        for i in range(args.rounds):
            env = {"EVENTMAP_DB": args.store} if args.store else {}
            for k, root in enumerate(roots):
                d = data
                if args.fresh:
                    d = data / f"{i}-{k}"
                elif len(roots) > 1:
                    # each checkout its own: its sample store, and its page cache (one file per kind and store:
                    # two checkouts' would replace each other's, and every kept start would be a miss)
                    d = data / f"root-{k}"
                d.mkdir(parents=True, exist_ok=True)
                env["EVENTMAP_DATA_DIR"] = str(d)
                if args.page_cache == "cold":
                    shutil.rmtree(Path(env["EVENTMAP_DATA_DIR"]) / "cache", ignore_errors=True)
                r = one_round(browser, env, floor_app, args.sessions, logs, root)
                r["loadavg"] = round(os.getloadavg()[0], 2)
                by_root[str(root)].append(r)
                print(f"round {i} {root}: cold {r['app_cold']}  second {r['app_warm'][0]}  "
                      f"floor {statistics.median(w['paint'] for w in r['floor_warm']):.2f}  load {r['loadavg']}",
                      flush=True)
        browser.close()
    out = {}
    for root, rounds in by_root.items():
        summary = summarise(rounds)
        summary.update(store=args.store or "sample", fresh=args.fresh, page_cache=args.page_cache, root=root,
                       first_start=firsts.get(root), rounds=rounds)
        out[root] = summary
        print(root, json.dumps({k: v for k, v in summary.items() if k != "rounds"}, indent=1))
    Path(args.out).write_text(json.dumps(out[str(roots[0])] if len(roots) == 1 else out, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
