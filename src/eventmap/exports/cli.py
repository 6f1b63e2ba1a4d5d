"""``eventmap export``: the events of the store (filtered) as html|png|geojson|csv|gpkg|kml."""

from __future__ import annotations

import argparse
import sys

from eventmap.exports import FORMATS, format_for_path


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "export", help="export events (filtered) as html, png, geojson, csv, gpkg or kml",
        description="Export the store's events (optionally filtered) as a map or data file. "
                    "Every export carries its metadata: filters, time window, generation time, "
                    "eventmap version and data attribution.")
    p.add_argument("--format", "-f", choices=FORMATS, default=None,
                   help="output format (default: from the file suffix of -o)")
    p.add_argument("-o", "--output", required=True, metavar="PATH", help="file to write")
    p.add_argument("--since", metavar="YYYY-MM-DD", help="first day (inclusive)")
    p.add_argument("--until", metavar="YYYY-MM-DD", help="last day (inclusive)")
    p.add_argument("--type", dest="types", action="append", default=[], metavar="EVENT_TYPE",
                   help="ACLED event type, e.g. Battles (repeatable)")
    p.add_argument("--admin1", action="append", default=[], metavar="GOVERNORATE",
                   help="governorate, e.g. Quneitra (repeatable)")
    p.add_argument("--title", default="", help="map title (html/png/kml)")
    p.add_argument("--size", default="1600x1000", help="PNG size in CSS pixels, WxH (default 1600x1000)")
    p.add_argument("--scale", type=float, default=1.0, help="PNG device scale factor (default 1)")
    p.add_argument("--tiles", default=None,
                   help="optional tile layer (name or URL template); needs the network. "
                        "Default: none, the boundary basemap")
    p.add_argument("--db", default=None, metavar="URL", help="store path or URL (default: EVENTMAP_DB / per-user store)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from eventmap.exports import EmptySelectionError, ExportMeta, export
    from eventmap.exports.png import parse_size

    fmt = args.format or format_for_path(args.output)
    if not fmt:
        print(f"eventmap export: cannot tell the format of {args.output!r}; use --format "
              f"({'|'.join(FORMATS)})", file=sys.stderr)
        return 2
    try:
        size = parse_size(args.size)
    except ValueError as e:
        print(f"eventmap export: {e}", file=sys.stderr)
        return 2
    types, admin1 = list(args.types), list(args.admin1)
    try:
        from eventmap.store import open_store
        from eventmap.store.filters import EventFilter

        flt = EventFilter(since=args.since, until=args.until, event_types=types, admin1=admin1)
    except ValueError as e:
        print(f"eventmap export: {e}", file=sys.stderr)
        return 2
    store = open_store(args.db)
    try:
        frame = store.query(flt)
    finally:
        close = getattr(store, "close", None)
        if close:
            close()
    filters = {}
    if types:
        filters["event_type"] = types
    if admin1:
        filters["admin1"] = admin1
    meta = ExportMeta(title=args.title, filters=filters, since=flt.since, until=flt.until)
    try:
        path = export(frame, fmt, args.output, meta, size=size, scale=args.scale, tiles=args.tiles)
    except EmptySelectionError as e:
        print(f"eventmap export: {e}", file=sys.stderr)
        return 2
    print(f"wrote {path} ({fmt}, {len(frame)} event{'s' if len(frame) != 1 else ''})")
    return 0
