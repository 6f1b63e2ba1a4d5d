"""Store commands: ``store check``, ``import acled|ucdp``; the helpers every command on a store uses
(``--db``, opening the store with its notices).

The analyst's commands (``eventmap places ...``, ``eventmap correct``) are in ``fix_cli``; the commands
that read, extract and store reports (``ingest``, ``reprocess``, ``events``) in ``eventmap.pipeline.cli``.
"""

from __future__ import annotations

import argparse
import sys


def _add_db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default=None, metavar="URL",
                   help="store: a .gpkg path or postgresql://user@host/db (default: $EVENTMAP_DB or the per-user store)")


def _open(args, write: bool = False):
    """The store named by ``--db`` (or the default); what the user must know about it goes to stderr.
    ``write``: refuse now, in one line, a store that cannot be written (read-only, damaged)."""
    from eventmap.store import StoreError, open_store
    try:
        store = open_store(getattr(args, "db", None))
    except StoreError as exc:
        print(f"eventmap: {exc}", file=sys.stderr)
        raise SystemExit(2) from None
    if write:
        try:
            store.ensure_writable()
        except StoreError as exc:
            store.close()
            print(f"eventmap: {exc}", file=sys.stderr)
            raise SystemExit(2) from None
    for note in store.notices:
        print(f"eventmap: note: {note}", file=sys.stderr)
    return store


def register(subparsers) -> None:
    p = subparsers.add_parser("store", help="look after the store: check it for damage")
    sp = p.add_subparsers(dest="store_command", metavar="SUBCOMMAND")
    p.set_defaults(func=lambda a: (p.print_help(), 2)[1])
    c = sp.add_parser("check", help="run the full integrity check of the store and say what to do if it is damaged",
                      description="Reads the whole store (PRAGMA integrity_check for the embedded store). Exit 0 "
                                  "when it is sound, 1 when it is damaged.")
    _add_db(c)
    c.set_defaults(func=cmd_store_check)

    p = subparsers.add_parser("import", help="load ACLED or UCDP GED data as a reference layer")
    p.add_argument("kind", choices=("acled", "ucdp"))
    p.add_argument("file")
    _add_db(p)
    p.set_defaults(func=cmd_import)


# ---------------------------------------------------------------------- handlers
def _is_embedded(store) -> bool:
    return store.dialect == "sqlite"


def cmd_store_check(args) -> int:
    """``eventmap store check [--db]``: the full integrity check, in words."""
    from pathlib import Path

    from eventmap.settings import default_db
    from eventmap.store import _embedded_path
    from eventmap.store.health import damaged_text, integrity_report

    url = str(getattr(args, "db", None) or default_db())
    if url.startswith(("postgresql://", "postgres://")):
        store = _open(args)
        try:
            n = len(store.reports())
            loading = store.load_note
        finally:
            store.close()
        print(f"ok: {url} answers ({n:,} reports); PostgreSQL checks its own pages")
        if loading:
            print(f"note: {loading}")
        return 0
    path = Path(_embedded_path(url)).expanduser()
    if not path.exists():
        print(f"eventmap store check: {path} does not exist", file=sys.stderr)
        return 2
    problems = integrity_report(path)
    if problems:
        for line in problems:
            print(f"  {line}")
        print(f"eventmap store check: {damaged_text(path, problems[0])}", file=sys.stderr)
        return 1
    store = _open(args)
    try:
        print(f"ok: {path} is sound ({len(store.reports()):,} reports, {store.count_stored():,} events, "
              f"schema version {store.schema_version()})")
        loading = store.load_note
        if loading:
            print(f"note: {loading}")
    finally:
        store.close()
    return 0


def cmd_import(args) -> int:
    store = _open(args, write=True)
    try:
        n = store.import_reference(args.kind, args.file)
    except (ValueError, FileNotFoundError) as exc:
        print(f"eventmap import {args.kind}: {exc}", file=sys.stderr)
        return 2
    finally:
        store.close()
    print(f"imported {n} {args.kind.upper()} rows as the {args.kind} reference layer")
    return 0
