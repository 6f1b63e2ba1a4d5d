"""``eventmap control --date YYYY-MM-DD``: who holds each place that day, with the basis."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from eventmap.events.dates import parse_date


def _day(s: str) -> str:
    try:
        return parse_date(s).isoformat()   # the one rule for dates people type
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {s!r}") from None


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "control", help="who holds each place on a day (from the stored events), with the basis",
        description="Who holds each place on DATE, derived from the stored events that change or assert "
                    "control (territory taken, settlements, withdrawals, bases), analysts' corrections "
                    "applied. A place is 'unknown' until a report says who holds it and 'contested' when "
                    "reports disagree on the same day. Each row cites the events, reports and URLs it rests on. "
                    "With --since, lists what changed hands between --since and --date instead.")
    p.add_argument("--date", type=_day, default=None, metavar="YYYY-MM-DD",
                   help="the day (default: the last day with events in the store)")
    p.add_argument("--since", type=_day, default=None, metavar="YYYY-MM-DD",
                   help="list the changes of holder from this day to --date")
    p.add_argument("--format", choices=("table", "geojson", "csv"), default="table")
    p.add_argument("--holder", action="append", default=None, metavar="HOLDER",
                   help="only places held by HOLDER that day (government, opposition, nusra, isis, israel, "
                        "unknown, contested); repeat for several")
    p.add_argument("-o", "--output", default=None, metavar="PATH", help="write to PATH instead of stdout")
    p.add_argument("--no-sample", action="store_true", help="do not seed an empty store with the sample report")
    p.add_argument("--db", default=None, metavar="URL",
                   help="store: a .gpkg path or postgresql://user@host/db (default: $EVENTMAP_DB or the per-user store)")
    p.set_defaults(func=cmd_control)


def cmd_control(args: argparse.Namespace) -> int:
    from eventmap.control.model import CONTESTED, HOLDERS, control_from_store
    from eventmap.control.tables import CHANGE_COLUMNS, STATE_COLUMNS, change_rows, state_rows, to_csv, to_geojson
    from eventmap.store.cli import _is_embedded, _open

    bad = [h for h in (args.holder or ()) if h not in (*HOLDERS, CONTESTED)]
    if bad:
        print(f"eventmap control: unknown holder {bad[0]!r}; one of: {', '.join((*HOLDERS, CONTESTED))}",
              file=sys.stderr)
        return 2
    if args.since and args.date and args.since > args.date:
        print(f"eventmap control: --since {args.since} is after --date {args.date}", file=sys.stderr)
        return 2
    store = _open(args)
    try:
        if not args.no_sample and _is_embedded(store) and not len(store.reports()):
            from eventmap.pipeline import ensure_sample
            if ensure_sample(store):
                print("empty store: ingested the sample report", file=sys.stderr)
        day = args.date or store.date_span()[1]
        if not day:
            print("eventmap control: the store has no events; give --date", file=sys.stderr)
            return 2
        model = control_from_store(store)   # places first reported after the day show as unknown that day
    finally:
        store.close()
    if args.since:
        rows, cols = change_rows(model, args.since, day), CHANGE_COLUMNS
    else:
        rows, cols = state_rows(model, day), STATE_COLUMNS
    if args.holder:
        rows = [r for r in rows if r["holder"] in args.holder]
    if args.format == "geojson":
        text = json.dumps(to_geojson(rows, day), ensure_ascii=False) + "\n"
    elif args.format == "csv":
        text = to_csv(rows, cols)
    else:
        text = _table(rows, changes=bool(args.since))
    if args.output:
        with open(args.output, "w", encoding="utf-8") as fh:
            fh.write(text)
    else:
        sys.stdout.write(text)
    return 0


def _table(rows: list[dict[str, Any]], changes: bool) -> str:
    """A human-readable table: place, holder (since when, or from -> to), how, reports."""
    lines = []
    for r in rows:
        name = r["name_en"] or r["location"]
        holder = r["holder"] if r["holder"] != "contested" else f"contested ({' / '.join(r['contenders'])})"
        when = f"{r['previous']} -> {holder}" if changes else (f"{holder} since {r['since']}" if r["since"] else holder)
        extra = ", ".join(r["how"])
        if r["taken_from"]:
            extra += f" from {'/'.join(r['taken_from'])}"
        basis = f"{len(r['event_ids'])} event(s), {len(r['report_ids'])} report(s)" if r["event_ids"] else ""
        day = f"{r['date']}  " if changes else ""
        lines.append(f"{day}{r['location']:<18} {name:<20} {r['admin3'] or r['admin1']:<18} {when:<36} {extra:<24} {basis}")
    head = f"{len(rows)} change(s)" if changes else f"{len(rows)} place(s)"
    return "\n".join(lines + [head]) + "\n"
