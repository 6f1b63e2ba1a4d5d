"""``eventmap export``: the events of the store (filtered) as html|png|geojson|csv|gpkg|kml."""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

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
    from eventmap.store.filter_args import add_filter_arguments

    add_filter_arguments(p)
    p.add_argument("--list", action="store_true", dest="numbered",
                   help="png/html: number the places on the map and list their events beside it (a printed brief)")
    p.add_argument("--title", default="", help="map title (html/png/kml)")
    p.add_argument("--size", default="1600x1000", help="PNG size in CSS pixels, WxH (default 1600x1000)")
    p.add_argument("--scale", type=float, default=1.0, help="PNG device scale factor (default 1)")
    p.add_argument("--tiles", default=None,
                   help="optional tile layer (name or URL template); needs the network. "
                        "Default: none, the boundary basemap")
    p.add_argument("--no-control", action="store_true",
                   help="html/png: leave out the control layer (who holds each place, following the day slider)")
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
        if fmt in ("html", "png"):
            from eventmap.views.map import check_tiles
            check_tiles(args.tiles)
    except ValueError as e:
        print(f"eventmap export: {e}", file=sys.stderr)
        return 2
    if args.numbered and fmt not in ("png", "html"):
        print(f"eventmap export: --list numbers the places of a map (png or html), not of a {fmt} file",
              file=sys.stderr)
        return 2
    out = Path(args.output)
    if not out.parent.is_dir():
        print(f"eventmap export: the folder {str(out.parent)!r} does not exist; create it first "
              f"(mkdir -p {shlex.quote(str(out.parent))}) or write somewhere else", file=sys.stderr)
        return 2
    from eventmap.store import StoreError, open_store
    from eventmap.store.filter_args import FilterArgumentError, filter_from_args

    try:
        store = open_store(args.db)
    except StoreError as e:
        print(f"eventmap export: {e}", file=sys.stderr)
        return 2
    try:
        try:
            cf = filter_from_args(args, store.facets())
        except FilterArgumentError as e:
            print(f"eventmap export: {e}", file=sys.stderr)
            return 2
        for note in cf.notes:
            print(f"eventmap export: {note}", file=sys.stderr)
        frame = store.query(cf.event_filter)
        control = None
        if fmt in ("html", "png") and not args.no_control:
            from eventmap.control import control_from_store
            ef = cf.event_filter
            control = control_from_store(store, until=str(ef.until) if ef.until else None).within(ef.admin1, ef.admin2, ef.admin3, ef.bbox) \
                or None
    finally:
        store.close()
    flt = cf.event_filter
    meta = ExportMeta(title=args.title, filters=cf.filters, since=str(flt.since) if flt.since else None,
                      until=str(flt.until) if flt.until else None)
    try:
        path = export(frame, fmt, args.output, meta, size=size, scale=args.scale, tiles=args.tiles,
                      numbered=args.numbered, control=control)
    except EmptySelectionError as e:
        print(f"eventmap export: {e}", file=sys.stderr)
        return 2
    print(f"wrote {path} ({fmt}, {len(frame)} event{'s' if len(frame) != 1 else ''})")
    return 0
