"""The ``eventmap`` command. Each area registers its subcommands from its own module."""

from __future__ import annotations

import argparse
import importlib
import sys

from eventmap import __version__, settings

#: modules that add subcommands; each defines ``register(subparsers)``
_COMMAND_MODULES = (
    "eventmap.places.cli",     # gazetteer build | lookup
    "eventmap.events.cli",     # extract
    "eventmap.pipeline.cli",   # ingest | reprocess | events
    "eventmap.store.cli",      # store check | import acled|ucdp
    "eventmap.store.fix_cli",  # places unresolved | pin | unpin | undo | dismiss | ... ; correct
    "eventmap.exports.cli",    # export
    "eventmap.control.cli",    # control (who holds each place on a day)
    "eventmap.views.cli",      # app (start the dashboard)
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="eventmap", description="Map events from Arabic and English news reports.")
    parser.add_argument("--version", action="version", version=f"eventmap {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in _COMMAND_MODULES:
        try:
            mod = importlib.import_module(name)
        except ModuleNotFoundError as exc:  # an area not built yet: its commands are absent, the rest work
            if exc.name and exc.name.startswith(name):
                continue
            raise
        mod.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # every error is one line for the analyst, never a traceback
        if settings.debug():
            raise
        print(f"eventmap {args.command}: {error_line(exc)}", file=sys.stderr)
        return 70 if _is_bug(exc) else 2


def _is_bug(exc: BaseException) -> bool:
    """An error no input should cause (the last-resort message asks for a report)."""
    from eventmap.store.records import StoreError

    return not isinstance(exc, (StoreError, OSError, ValueError, TimeoutError))


def error_line(exc: BaseException) -> str:
    """One line saying what went wrong: store errors and bad input as they are worded, file system
    errors with the file, anything else as an internal error to report."""
    if isinstance(exc, OSError) and exc.strerror:
        where = f" {exc.filename}" if exc.filename else ""
        return f"{exc.strerror}:{where}".rstrip(":")
    if _is_bug(exc):
        return (f"internal error ({type(exc).__name__}: {exc}). This is a bug: please report it with the "
                "command you ran (EVENTMAP_DEBUG=1 shows the traceback)")
    return str(exc) or type(exc).__name__
