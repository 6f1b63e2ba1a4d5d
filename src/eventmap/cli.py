"""The ``eventmap`` command. Each area registers its subcommands from its own module."""

from __future__ import annotations

import argparse
import importlib
import sys

from eventmap import __version__

#: modules that add subcommands; each defines ``register(subparsers)``
_COMMAND_MODULES = (
    "eventmap.places.cli",     # gazetteer build | lookup ; places unresolved | pin | unpin | undo | dismiss | ...
    "eventmap.events.cli",     # extract
    "eventmap.store.cli",      # ingest | events | reprocess | import acled|ucdp
    "eventmap.store.fix_cli",  # correct
    "eventmap.exports.cli",    # export
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
