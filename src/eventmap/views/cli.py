"""``eventmap app``: start the dashboard (``streamlit run app.py``) on localhost."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def app_path() -> Path:
    """The dashboard's ``app.py``: the checkout's, else a copy shipped inside the package."""
    from eventmap.settings import PROJECT_ROOT

    for cand in (PROJECT_ROOT / "app.py", Path(__file__).resolve().parent / "_app" / "app.py"):
        if cand.is_file():
            return cand
    raise FileNotFoundError(f"app.py not found (looked in {PROJECT_ROOT}); run from a checkout of eventmap")


def command(db: str | None = None, port: int | None = None, host: str = "127.0.0.1",
            extra: list[str] | None = None) -> tuple[list[str], dict[str, str], Path]:
    """``(argv, environment, working directory)`` of the ``streamlit run`` that serves the dashboard."""
    app = app_path()
    argv = [sys.executable, "-m", "streamlit", "run", str(app),
            "--server.address", host, "--server.headless", "true",
            "--browser.gatherUsageStats", "false", "--server.runOnSave", "false"]
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
    try:
        return subprocess.call(argv, env=env, cwd=str(cwd))
    except KeyboardInterrupt:
        return 130


def register(subparsers) -> None:
    p = subparsers.add_parser("app", help="start the dashboard in the browser (localhost)",
                              description="Start the Streamlit dashboard on this machine. With an empty store the "
                                          "sample report is loaded first.")
    p.add_argument("--db", default=None, help="store URL or path (default: EVENTMAP_DB or the per-user store)")
    p.add_argument("--port", type=int, default=None, help="port (default 8501)")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to bind (default 127.0.0.1: only this machine can connect)")
    p.set_defaults(func=cmd_app)
