"""The ``eventmap`` command. Each area registers its subcommands from its own module."""

from __future__ import annotations

import argparse
import importlib
import sys

from eventmap import __version__, settings

#: the module that registers each command (``register(subparsers)``), in the order ``eventmap --help`` lists them.
#: A command imports its own module only (the others import pandas and more: 0.76 s before ``eventmap app`` could
#: start the dashboard's server); ``--help``, ``--version`` and a mistyped command import every module
#: (tests/test_cli_startup.py checks this table against what the modules register).
COMMANDS = {"gazetteer": "eventmap.places.cli", "extract": "eventmap.events.cli", "ingest": "eventmap.pipeline.cli",
            "events": "eventmap.pipeline.cli", "reprocess": "eventmap.pipeline.cli", "store": "eventmap.store.cli",
            "import": "eventmap.store.cli", "places": "eventmap.store.fix_cli", "correct": "eventmap.store.fix_cli",
            "export": "eventmap.exports.cli", "control": "eventmap.control.cli", "app": "eventmap.views.cli"}
_COMMAND_MODULES = tuple(dict.fromkeys(COMMANDS.values()))


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The ``eventmap`` parser: with every command, or, for an ``argv`` that names one, with that command only."""
    parser = argparse.ArgumentParser(prog="eventmap", description="Map events from Arabic and English news reports.")
    parser.add_argument("--version", action="version", version=f"eventmap {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    only = COMMANDS.get(argv[0]) if argv else None
    for name in _COMMAND_MODULES:
        if only is not None and name != only:
            continue
        try:
            mod = importlib.import_module(name)
        except ModuleNotFoundError as exc:  # an area not built yet: its commands are absent, the rest work
            if exc.name and exc.name.startswith(name):
                continue
            raise
        mod.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(argv)
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
