"""``eventmap app``: start the dashboard (``streamlit run app.py``) on localhost."""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path


def app_path() -> Path:
    """The dashboard's ``app.py``: the copy the wheel carries, else the checkout's (``eventmap.resources``)."""
    from eventmap.resources import data_path

    return data_path("app.py")


def command(db: str | None = None, port: int | None = None, host: str = "127.0.0.1",
            extra: list[str] | None = None) -> tuple[list[str], dict[str, str], Path]:
    """``(argv, environment, working directory)`` of the ``streamlit run`` that serves the dashboard."""
    app = app_path()
    from eventmap.ui.warm import BOOT

    # Streamlit's own CLI, in a process that first starts warming the dashboard's caches (ui/warm.py). An analyst's
    # server, not a developer's: it watches no source file (Streamlit otherwise walks the path of every imported
    # module, 1,600 of them, for each new browser session: 0.4 s of the server's CPU per session on the sample) and
    # does not rewrite app.py for "magic" (0.1 s per compile; app.py shows no bare expression: test_app_dashboard)
    argv = [sys.executable, "-c", BOOT, "run", str(app),
            "--server.address", host, "--server.headless", "true",
            "--browser.gatherUsageStats", "false", "--server.runOnSave", "false",
            "--server.fileWatcherType", "none", "--runner.magicEnabled", "false"]
    if port:
        argv += ["--server.port", str(int(port))]
    argv += list(extra or [])
    env = dict(os.environ)
    if db:
        env["EVENTMAP_DB"] = str(db)
    return argv, env, app.parent


def cmd_app(args) -> int:
    try:
        argv, env, cwd = command(args.db, args.port, args.host)
    except FileNotFoundError as exc:
        print(f"eventmap app: {exc}", file=sys.stderr)
        return 2
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"eventmap app: serving on {args.host}: anyone who can reach this address can read and change "
              "the store", file=sys.stderr)
    shown = f"http://{args.host if ':' not in args.host else '[' + args.host + ']'}:{args.port or 8501}"
    from eventmap.settings import store_location

    print(f"eventmap app: {shown}  (store: {store_location(args.db)}; Ctrl-C stops)", file=sys.stderr)
    return run_child(argv, env, cwd)


#: signals passed on to the dashboard server; then it gets this long to stop before it is killed
FORWARDED = tuple(getattr(signal, n) for n in ("SIGTERM", "SIGINT", "SIGHUP", "SIGQUIT") if hasattr(signal, n))
STOP_GRACE_S = 20.0


def run_child(argv: list[str], env: dict[str, str], cwd: Path) -> int:
    """Run the server and stay its parent: a SIGTERM, SIGINT (Ctrl-C), SIGHUP or SIGQUIT sent to
    ``eventmap app`` is passed on to it, and ``eventmap app`` returns only once it has stopped
    (killed after :data:`STOP_GRACE_S` seconds if it does not), so stopping the command stops the
    dashboard: no Streamlit left serving the store."""
    child = subprocess.Popen(argv, env=env, cwd=str(cwd))
    got: list[int] = []

    def forward(signum: int, _frame: object) -> None:
        got.append(signum)
        if child.poll() is None:
            try:
                child.send_signal(signum)
            except ProcessLookupError:
                pass

    previous = {s: signal.signal(s, forward) for s in FORWARDED}
    try:
        code = _wait(child, got)
    finally:
        for s, h in previous.items():
            signal.signal(s, h)
        if child.poll() is None:  # an exception here: never leave the server behind
            child.kill()
            child.wait()
    if code < 0:  # ended by a signal: the shell's convention
        return 128 - code
    return 130 if got and code == 0 and got[0] == signal.SIGINT else code


def _wait(child: subprocess.Popen, got: list[int]) -> int:
    """The child's exit code; after a forwarded signal it has :data:`STOP_GRACE_S` seconds to stop."""
    deadline: float | None = None
    while True:
        try:
            return child.wait(timeout=0.5)
        except subprocess.TimeoutExpired:
            if got and deadline is None:
                deadline = time.monotonic() + STOP_GRACE_S
            if deadline is not None and time.monotonic() > deadline:
                child.kill()


def _port(s: str) -> int:
    try:
        n = int(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {s!r}") from None
    if not 1 <= n <= 65535:
        raise argparse.ArgumentTypeError(f"a port is 1-65535, not {n}")
    return n


def register(subparsers) -> None:
    p = subparsers.add_parser("app", help="start the dashboard in the browser (localhost)",
                              description="Start the Streamlit dashboard on this machine. With an empty store the "
                                          "sample report is loaded first.")
    p.add_argument("--db", default=None, help="store URL or path (default: EVENTMAP_DB or the per-user store)")
    p.add_argument("--port", type=_port, default=None, help="port (default 8501)")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to bind (default 127.0.0.1: only this machine can connect)")
    p.set_defaults(func=cmd_app)
